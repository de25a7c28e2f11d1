import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from tiendo.extraction import services


def test_a_wrong_file_type_is_refused_in_english_on_an_english_page():
    upload = SimpleUploadedFile("bao-cao.xls", b"x")
    with translation.override("en"):
        with pytest.raises(ValidationError) as exc:
            services.check_upload(upload)
        assert exc.value.message_dict == {"file": ["Only .txt, .docx or .pdf files can be read."]}
