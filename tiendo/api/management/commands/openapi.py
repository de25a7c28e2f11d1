"""`tiendo openapi [-o FILE]`: write the API's OpenAPI schema (JSON)."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Xuất lược đồ OpenAPI của API (JSON) / export the OpenAPI schema."
    requires_system_checks: list = []

    def add_arguments(self, parser):
        parser.add_argument("-o", "--output", help="Tệp kết quả (mặc định: in ra màn hình)")

    def handle(self, *args, output=None, **options):
        from tiendo.api.api import api

        schema = api.get_openapi_schema(path_prefix="/api/")
        text = json.dumps(schema, ensure_ascii=False, indent=2, default=str)
        if output:
            Path(output).write_text(text + "\n", encoding="utf-8")
            self.stdout.write(f"Đã ghi {output}.")
        else:
            self.stdout.write(text)
