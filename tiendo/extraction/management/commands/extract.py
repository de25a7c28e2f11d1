"""`tiendo extract FILE`: read a report and print its indicator statements
(docs/extraction-format.md)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tiendo.extraction.engine import (
    ReadError,
    extract,
    read_document,
    statements_to_json,
    statements_to_jsonl,
)
from tiendo.lib.periods import PeriodError


class Command(BaseCommand):
    requires_system_checks = []  # reads a file; needs no URL or model checks
    help = (
        "Đọc báo cáo (.txt, .docx, .pdf) và in các chỉ tiêu tìm thấy, mỗi dòng một đối tượng "
        "JSON. / Read a report (.txt, .docx, .pdf) and print its indicator statements, one "
        "JSON object per line."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="tệp báo cáo / the report file")
        parser.add_argument(
            "--format", choices=["jsonl", "json"], default="jsonl",
            help="jsonl: mỗi dòng một chỉ tiêu (mặc định); json: một mảng / "
                 "jsonl: one statement per line (default); json: one array",
        )
        parser.add_argument(
            "--text-out", metavar="FILE",
            help="ghi văn bản mà các vị trí (start, end) tham chiếu / "
                 "write the text the offsets refer to",
        )
        parser.add_argument(
            "--period", metavar="KỲ",
            help="kỳ báo cáo khi tiêu đề không ghi, ví dụ 2026-Q1 / "
                 "the report's period when its headings give none, e.g. 2026-Q1",
        )

    def handle(self, *args, **opts):
        try:
            doc = read_document(opts["file"])
            statements = extract(doc.text, default_period=opts["period"])
        except ReadError as exc:
            raise CommandError(str(exc), returncode=2) from None
        except PeriodError as exc:
            raise CommandError(str(exc), returncode=2) from None
        if opts["text_out"]:
            try:
                Path(opts["text_out"]).write_text(doc.text, encoding="utf-8")
            except OSError as exc:
                raise CommandError(
                    f"Không ghi được tệp “{opts['text_out']}”: {exc.strerror}.", returncode=2
                ) from None
        if opts["format"] == "json":
            self.stdout.write(statements_to_json(statements))
        else:
            self.stdout.write(statements_to_jsonl(statements), ending="")
