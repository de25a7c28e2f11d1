import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from tiendo.reminders import services
from tiendo.reminders.models import ChannelPreference


def test_a_bad_digest_hour_is_refused_in_english_on_an_english_page(cast):
    with translation.override("en"):
        with pytest.raises(ValidationError) as exc:
            services.preference_set(actor=cast.focal_a, user=cast.focal_a, email=True,
                                    webpush=False, webhook_url="", immediate=False, digest_hour=24)
        assert exc.value.message_dict == {"digest_hour": ["The digest hour must be from 0 to 23."]}
    assert not ChannelPreference.objects.exists()
