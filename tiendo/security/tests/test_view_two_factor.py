"""The second-factor page speaks the language the person chose."""

from django.conf import settings
from django.utils import translation

TWO_FACTOR = "/bao-mat/xac-thuc-hai-lop/"


def test_a_wrong_code_is_refused_in_english_on_an_english_page(client, cast):
    client.force_login(cast.admin)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("vi"):  # the middleware's choice would outlive the request
        assert client.get(TWO_FACTOR).status_code == 200
        r = client.post(TWO_FACTOR, {"token": "000000"})
    assert r.status_code == 422
    assert ("The authentication code is wrong or has expired. Enter a new code from the app."
            in r.content.decode())
