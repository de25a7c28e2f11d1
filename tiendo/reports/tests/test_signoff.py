"""Sign-off of the quarterly report: draft → reviewed (office) → approved (leader) → issued
with a number, the issued files frozen with their hashes in the audit log; the PDF signed
with a PKCS#12 certificate verifies with pyHanko and fails once a byte is changed."""

import hashlib
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from tiendo.audit.models import AuditEntry
from tiendo.reports import services
from tiendo.reports.builds import build
from tiendo.reports.models import ReportSignoff, SignoffState
from tiendo.reports.signing import sign_pdf, verify_pdf
from tiendo.testing import make_figure, make_indicator, make_target

NOW = datetime(2026, 4, 8, 9, tzinfo=UTC)
TODAY = date(2026, 4, 8)


@pytest.fixture
def budget(cast):
    ind_ = make_indicator("thu-ns", name="Thu ngân sách", unit_of_measure="tỷ đồng",
                          is_key=True, field="kinh_te", sort_order=1)
    make_target(ind_, cast.province, "2026-Q1", 9950)
    fig = make_figure(ind_, cast.province, "2026-Q1", 10619)
    return ind_, fig


def _text(content: bytes) -> str:
    import io

    from docx import Document

    return "\n".join(p.text for p in Document(io.BytesIO(content)).paragraphs)


def _through_approval(cast):
    s = services.signoff_create(actor=cast.office, period="2026-Q1", issuer=cast.province,
                                now=NOW)
    s = services.signoff_review(actor=cast.office, signoff=s, now=NOW)
    return services.signoff_approve(actor=cast.leader, signoff=s, now=NOW)


def test_report_goes_draft_reviewed_approved_issued_with_audit(cast, budget):
    s = services.signoff_create(actor=cast.office, period="quý I/2026", issuer=cast.province,
                                now=NOW)
    assert (s.state, s.period) == (SignoffState.DRAFT, "2026-Q1")
    s = services.signoff_review(actor=cast.office, signoff=s, now=NOW, expected_version=1)
    assert s.state == SignoffState.REVIEWED and s.reviewed_by == cast.office
    s = services.signoff_approve(actor=cast.leader, signoff=s, now=NOW)
    assert s.state == SignoffState.APPROVED and s.approved_by == cast.leader
    s = services.signoff_issue(actor=cast.office, signoff=s, number="15/BC-UBND",
                               issued_on=date(2026, 4, 9), today=TODAY, now=NOW)
    assert (s.state, s.number, s.issued_on) == (SignoffState.ISSUED, "15/BC-UBND",
                                                date(2026, 4, 9))
    docx, pdf = bytes(s.docx), bytes(s.pdf)
    assert s.docx_sha256 == hashlib.sha256(docx).hexdigest()
    assert s.pdf_sha256 == hashlib.sha256(pdf).hexdigest() and not s.pdf_signed
    actions = list(AuditEntry.objects.filter(object_type="reports.reportsignoff")
                   .order_by("pk").values_list("action", flat=True))
    assert actions == ["report_signoff.create", "report_signoff.review",
                       "report_signoff.approve", "report_signoff.issue"]
    from tiendo.audit.integrity import verify

    assert [d for d in verify().differences if d.object_type.startswith("reports.")] == []
    issued = AuditEntry.objects.get(action="report_signoff.issue")
    assert issued.after["docx_sha256"] == s.docx_sha256
    assert issued.after["pdf_sha256"] == s.pdf_sha256
    # the number and date are in the issued document
    import io

    from docx import Document
    head = Document(io.BytesIO(docx)).tables[0].rows[0].cells
    assert "Số: 15/BC-UBND" in head[0].text and "ngày 09 tháng 4 năm 2026" in head[1].text


def test_issued_report_is_frozen_when_the_data_change(cast, budget):
    s = _through_approval(cast)
    s = services.signoff_issue(actor=cast.office, signoff=s, number="15/BC-UBND",
                               issued_on=TODAY, today=TODAY, now=NOW)
    before = bytes(s.docx)
    # new data after the report was issued: the live report changes, the issued one not
    later = make_indicator("khach", name="Tổng lượng khách du lịch", unit_of_measure="lượt",
                           field="kinh_te", sort_order=2)
    make_figure(later, cast.province, "2026-Q1", Decimal("6018"))
    live = build("docx", user=cast.office, period="2026-Q1", on=TODAY, dated=TODAY,
                 issuer_code=cast.province.code, number="15/BC-UBND").content
    assert "Tổng lượng khách du lịch" in _text(live)
    s.refresh_from_db()
    assert bytes(s.docx) == before
    assert "Tổng lượng khách du lịch" not in _text(before)
    assert hashlib.sha256(bytes(s.docx)).hexdigest() == s.docx_sha256
    with pytest.raises(ValidationError):
        services.signoff_review(actor=cast.office, signoff=s, now=NOW)
    with pytest.raises(ValidationError):
        services.signoff_issue(actor=cast.office, signoff=s, number="16/BC-UBND",
                               issued_on=TODAY, today=TODAY, now=NOW)


@pytest.mark.parametrize("who", ["focal_a", "focal_b", "outsider", "inspector", "leader"])
def test_only_the_office_opens_and_reviews(cast, who):
    with pytest.raises(PermissionDenied):
        services.signoff_create(actor=getattr(cast, who), period="2026-Q1",
                                issuer=cast.province, now=NOW)
    assert not ReportSignoff.objects.exists()
    assert not AuditEntry.objects.filter(object_type="reports.reportsignoff").exists()


@pytest.mark.parametrize("who", ["office", "focal_a", "outsider", "inspector"])
def test_only_a_leader_approves(cast, who):
    s = services.signoff_create(actor=cast.office, period="2026-Q1", issuer=cast.province,
                                now=NOW)
    s = services.signoff_review(actor=cast.office, signoff=s, now=NOW)
    with pytest.raises(PermissionDenied):
        services.signoff_approve(actor=getattr(cast, who), signoff=s, now=NOW)
    s.refresh_from_db()
    assert s.state == SignoffState.REVIEWED


def test_states_cannot_be_skipped_and_a_number_is_required(cast, budget):
    s = services.signoff_create(actor=cast.office, period="2026-Q1", issuer=cast.province,
                                now=NOW)
    with pytest.raises(ValidationError):
        services.signoff_approve(actor=cast.leader, signoff=s, now=NOW)
    with pytest.raises(ValidationError):
        services.signoff_issue(actor=cast.office, signoff=s, number="1", issued_on=TODAY,
                               today=TODAY, now=NOW)
    with pytest.raises(ValidationError, match="đã có"):
        services.signoff_create(actor=cast.office, period="2026-Q1", issuer=cast.province)
    s = services.signoff_review(actor=cast.office, signoff=s, now=NOW)
    with pytest.raises(ValidationError, match="tải lại"):
        services.signoff_approve(actor=cast.leader, signoff=s, now=NOW, expected_version=1)
    s = services.signoff_approve(actor=cast.leader, signoff=s, now=NOW)
    with pytest.raises(ValidationError, match="Cần số"):
        services.signoff_issue(actor=cast.office, signoff=s, number="  ", issued_on=TODAY,
                               today=TODAY, now=NOW)
    s.refresh_from_db()
    assert s.state == SignoffState.APPROVED and not s.docx


def test_returned_report_goes_back_to_draft_with_its_reason(cast):
    s = _through_approval(cast)
    with pytest.raises(ValidationError):
        services.signoff_return(actor=cast.leader, signoff=s, reason=" ", now=NOW)
    s = services.signoff_return(actor=cast.leader, signoff=s, reason="Bổ sung số liệu",
                                now=NOW)
    assert s.state == SignoffState.DRAFT and s.approved_by is None
    assert AuditEntry.objects.get(action="report_signoff.return").reason == "Bổ sung số liệu"


def test_bad_period_is_refused_in_vietnamese(cast):
    with pytest.raises(ValidationError, match="Kỳ báo cáo không hợp lệ"):
        services.signoff_create(actor=cast.office, period="quý V", issuer=cast.province)


def _p12(tmp_path, password=b"mat-khau"):
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Văn phòng Đảng ủy (thử)")])
    start = datetime(2026, 1, 1, tzinfo=UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(start).not_valid_after(start + timedelta(days=3650))
            .add_extension(x509.KeyUsage(True, True, False, False, False, False, False, False,
                                         False), critical=True)
            .sign(key, hashes.SHA256()))
    path = tmp_path / "ky-so.p12"
    path.write_bytes(pkcs12.serialize_key_and_certificates(
        b"tiendo", key, cert, None, serialization.BestAvailableEncryption(password)))
    return path


def test_issued_pdf_is_signed_and_verifies_and_fails_after_a_byte_changes(cast, budget,
                                                                            settings,
                                                                            tmp_path):
    settings.TIENDO_SIGNING_P12 = str(_p12(tmp_path))
    settings.TIENDO_SIGNING_P12_PASSWORD = "mat-khau"
    s = _through_approval(cast)
    s = services.signoff_issue(actor=cast.office, signoff=s, number="15/BC-UBND",
                               issued_on=TODAY, today=TODAY, now=NOW)
    pdf = bytes(s.pdf)
    assert s.pdf_signed
    ok = verify_pdf(pdf)
    assert ok.ok, ok.message
    assert "Văn phòng Đảng ủy (thử)" in ok.signer
    # change one byte of the signed content (inside the report's text stream)
    i = pdf.index(b"stream", len(pdf) // 4) + 20
    tampered = pdf[:i] + bytes([pdf[i] ^ 0x01]) + pdf[i + 1:]
    bad = verify_pdf(tampered)
    assert not bad.ok


def test_an_unsigned_pdf_does_not_verify(cast, budget):
    s = _through_approval(cast)
    s = services.signoff_issue(actor=cast.office, signoff=s, number="15/BC-UBND",
                               issued_on=TODAY, today=TODAY, now=NOW)
    assert not verify_pdf(bytes(s.pdf)).ok


def test_sign_pdf_with_a_wrong_password_is_a_clear_error(tmp_path):
    from tiendo.reports.signing import SigningError

    with pytest.raises(SigningError, match="Không đọc được chứng thư số"):
        sign_pdf(b"%PDF-1.7", p12=_p12(tmp_path), password="sai")


def test_a_skipped_state_is_refused_in_english_on_an_english_page(cast):
    s = services.signoff_create(actor=cast.office, period="2026-Q1", issuer=cast.province,
                                now=NOW)
    with translation.override("en"):
        with pytest.raises(ValidationError) as exc:
            services.signoff_approve(actor=cast.leader, signoff=s, now=NOW)
        assert exc.value.messages == [
            "The report is in the state “Draft”; it cannot be approved."]
    s.refresh_from_db()
    assert s.state == SignoffState.DRAFT
