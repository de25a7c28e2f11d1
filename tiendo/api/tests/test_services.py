import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from tiendo.api.models import ApiToken
from tiendo.api.services import token_create


def test_a_token_without_a_name_is_refused_in_english_on_an_english_page(cast):
    with translation.override("en"):
        with pytest.raises(ValidationError) as exc:
            token_create(actor=cast.focal_a, name="  ")
        assert exc.value.message_dict == {"name": ["Give the key a label."]}
    assert not ApiToken.objects.exists()
