"""The `tiendo` command: `tiendo <sub> …` runs the Django management command of that name.

`tiendo manage …` passes everything through to Django's own commands.
"""

import os
import sys

HELP = """tiendo — theo dõi, đôn đốc, đánh giá chỉ tiêu và nhiệm vụ
(tracking, urging and rating of targets and tasks)

Cách dùng / usage: tiendo <lệnh> [tuỳ chọn]   (tiendo <lệnh> --help)

  demo        nạp dữ liệu mẫu Lâm Đồng và chạy thử / load the Lâm Đồng demo and serve it
  serve       chạy máy chủ web (gunicorn) / serve with a production WSGI server
  worker      chạy tiến trình nền gửi nhắc việc / run the background worker (--check)
  indicators  bảng chỉ tiêu của một kỳ / indicator table of a period
  reassess    đánh giá lại theo quy tắc hiện hành / re-assess with the current verdict rule
  tasks       danh sách nhiệm vụ và trạng thái / tasks with their status on a date
  remind      các nhắc việc đến hạn / reminders due at a moment
  rate        xếp loại đơn vị / rate units for a period
  extract     đọc báo cáo ra các chỉ tiêu / extract indicator statements from a report
  propose-tasks  đề xuất nhiệm vụ từ văn bản chỉ đạo / propose tasks from a directive
  report      lập báo cáo quý / build the quarterly report
  signoff     trình ký, duyệt, ban hành, kiểm tra chữ ký số báo cáo / sign off a report
  import      nhập sổ tính Excel (đơn vị, chỉ tiêu, kế hoạch, số liệu, nhiệm vụ) / import a workbook
  export      xuất sổ tính cùng định dạng (--workbook -o TỆP.xlsx) / export the workbook
  outlook     cảnh báo sớm / early warning
  audit       kiểm tra nhật ký thay đổi / verify the audit trail
  synth       tạo dữ liệu tổng hợp / fill a synthetic workspace
  openapi     xuất lược đồ OpenAPI của API / export the API's OpenAPI schema
  assets      dựng tệp giao diện từ npm / build the front-end files from npm
  backup, restore  sao lưu, khôi phục / back up, restore
  manage      lệnh quản trị Django / Django's management commands
"""


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tiendo.settings")
    if not argv or argv[0] in {"-h", "--help", "help"}:
        sys.stdout.write(HELP)
        return
    from django.core.management import execute_from_command_line

    sub = argv[0]
    if sub == "manage":
        execute_from_command_line(["tiendo manage", *argv[1:]])
        return
    try:
        execute_from_command_line(["tiendo", sub.replace("-", "_"), *argv[1:]])
    except Exception as exc:  # one clear line instead of a traceback (--traceback shows it)
        if "--traceback" in argv:
            raise
        sys.stderr.write(f"tiendo {sub}: {one_line(exc)}\n")
        raise SystemExit(1) from None


def one_line(exc: BaseException) -> str:
    """An error the commands did not turn into a CommandError, as one line for the user."""
    if isinstance(exc, OSError) and exc.strerror:
        where = f" ({exc.filename})" if exc.filename else ""
        return f"lỗi tệp / file error: {exc.strerror}{where}."
    text = " ".join(str(exc).split()) or type(exc).__name__
    if "no such table" in text or ("relation" in text and "does not exist" in text):
        return ("cơ sở dữ liệu chưa được khởi tạo: chạy `tiendo manage migrate`, `tiendo import "
                "TỆP.xlsx` hoặc `tiendo demo` trước / the database has no tables yet: run "
                "`tiendo manage migrate`, `tiendo import FILE.xlsx` or `tiendo demo` first.")
    return (f"lỗi không mong đợi / unexpected error: {type(exc).__name__}: {text[:300]} "
            "(--traceback để xem chi tiết / for details)")


if __name__ == "__main__":
    main()
