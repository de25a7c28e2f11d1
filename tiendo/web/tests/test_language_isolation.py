"""A page requested in English does not leave English on for what runs after it in the same
thread (the next test, here): each test starts in Vietnamese (conftest.py)."""

from django.utils import translation


def test_a_page_in_english(client, cast):
    client.force_login(cast.office)
    client.cookies["django_language"] = "en"
    client.get("/")
    assert translation.get_language() == "en"  # the middleware left it on for this thread


def test_the_next_test_starts_in_vietnamese(db):
    assert translation.get_language() == "vi"
