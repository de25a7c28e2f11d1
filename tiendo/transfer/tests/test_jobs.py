import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from tiendo.transfer import jobs
from tiendo.transfer.models import ImportJob


def test_a_focal_point_is_refused_in_english_on_an_english_page(cast):
    upload = SimpleUploadedFile("so-tinh.xlsx", b"PK")
    with translation.override("en"):
        with pytest.raises(PermissionDenied) as exc:
            jobs.job_upload(actor=cast.focal_a, upload=upload)
        assert str(exc.value) == "Only the office or an administrator may import a workbook."
    assert not ImportJob.objects.exists()
