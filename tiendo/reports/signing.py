"""PAdES signatures of the issued report's PDF, with pyHanko.

When ``TIENDO_SIGNING_P12`` names a PKCS#12 file (``TIENDO_SIGNING_P12_PASSWORD`` its password),
issuing a report signs its PDF with that certificate (PAdES baseline B, an approval signature
in a field named "TiendoSignature"). :func:`verify_pdf` checks a stored PDF: the signature is
intact and covers the whole file. Trust in the certificate itself (a CA of the Government's
PKI) is the reader's business; tiendo checks integrity and reports who signed.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

FIELD = "TiendoSignature"


class SigningError(Exception):
    """The certificate could not be read or the PDF could not be signed."""


@dataclass(frozen=True)
class Verification:
    ok: bool
    signer: str
    message: str


def _signer(p12: Path, password: str | None):
    from pyhanko.sign import signers

    try:
        signer = signers.SimpleSigner.load_pkcs12(
            pfx_file=str(p12), passphrase=password.encode() if password else None)
    except Exception as exc:  # pyHanko raises several types for a bad file or password
        raise SigningError(f"Không đọc được chứng thư số {p12}: {exc}") from exc
    if signer is None:
        raise SigningError(f"Không đọc được chứng thư số {p12} (sai mật khẩu?).")
    return signer


def sign_pdf(pdf: bytes, *, p12: Path, password: str | None = None,
             reason: str = "Ban hành báo cáo") -> bytes:
    """The PDF signed with the PKCS#12 certificate (PAdES)."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    signer = _signer(p12, password)
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD, reason=reason, subfilter=fields.SigSeedSubFilter.PADES)
    out = signers.PdfSigner(meta, signer=signer).sign_pdf(writer)
    return out.getvalue()


def sign_pdf_if_configured(pdf: bytes) -> tuple[bytes, bool]:
    """(the PDF, whether it was signed): signed when TIENDO_SIGNING_P12 is set."""
    p12 = getattr(settings, "TIENDO_SIGNING_P12", None)
    if not p12:
        return pdf, False
    return sign_pdf(pdf, p12=Path(p12),
                    password=getattr(settings, "TIENDO_SIGNING_P12_PASSWORD", None)), True


def verify_pdf(pdf: bytes) -> Verification:
    """Check the PDF's signatures: each intact and the last one covering the whole file."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        sigs = reader.embedded_signatures
    except Exception as exc:  # a damaged file
        return Verification(False, "", f"Tệp PDF hỏng: {exc}")
    if not sigs:
        return Verification(False, "", "Tệp PDF không có chữ ký số.")
    signer = ""
    for sig in sigs:
        try:
            status = validate_pdf_signature(sig)
        except Exception as exc:  # a damaged signature
            return Verification(False, "", f"Chữ ký số không hợp lệ: {exc}")
        signer = status.signing_cert.subject.human_friendly if status.signing_cert else ""
        if not (status.intact and status.valid):
            return Verification(False, signer, "Chữ ký số không khớp nội dung: tệp đã bị sửa.")
    if status.coverage != SignatureCoverageLevel.ENTIRE_FILE:
        return Verification(False, signer, "Tệp có nội dung thêm sau chữ ký số.")
    return Verification(True, signer, f"Chữ ký số hợp lệ, người ký: {signer}.")
