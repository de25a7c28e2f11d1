"""Upload checks shared by every file field: size and type limits, generated names."""

import secrets
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

ALLOWED_EXTENSIONS = {".pdf", ".docx", ".xlsx", ".jpg", ".jpeg", ".png"}
# The first bytes each allowed type starts with (docx/xlsx are zip files).
MAGIC = {
    ".pdf": (b"%PDF",),
    ".docx": (b"PK\x03\x04",),
    ".xlsx": (b"PK\x03\x04",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
}


def generated_name(filename: str) -> str:
    """A random stored name keeping only a known extension; the original name is kept apart."""
    ext = PurePath(filename).suffix.lower()
    if ext not in ALLOWED_EXTENSIONS:
        ext = ".bin"
    return f"{secrets.token_hex(16)}{ext}"


def validate_upload(uploaded) -> None:
    """Raise ValidationError (Vietnamese) for a file that is too big or not an allowed type."""
    ext = PurePath(uploaded.name or "").suffix.lower()
    if ext not in ALLOWED_EXTENSIONS:
        raise ValidationError(
            _("Chỉ nhận tệp PDF, DOCX, XLSX, JPG hoặc PNG (tệp “%(name)s” không hợp lệ).")
            % {"name": uploaded.name}
        )
    limit = settings.TIENDO_UPLOAD_MAX_BYTES
    if uploaded.size > limit:
        raise ValidationError(
            _("Tệp quá lớn: tối đa %(mb)s MB.") % {"mb": limit // (1024 * 1024)}
        )
    head = uploaded.read(8)
    uploaded.seek(0)
    if not any(head.startswith(m) for m in MAGIC[ext]):
        raise ValidationError(
            _("Nội dung tệp “%(name)s” không đúng định dạng %(ext)s.")
            % {"name": uploaded.name, "ext": ext}
        )
