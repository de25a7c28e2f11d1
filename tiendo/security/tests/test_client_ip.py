"""The client address behind TIENDO_PROXY_COUNT proxies, and the login lockout that uses it."""

import pytest
from django.test import RequestFactory

from tiendo.security.client_ip import client_ip
from tiendo.testing import PASSWORD

LOGIN = "/dang-nhap/"


def _request(remote="10.0.0.2", xff=None):
    meta = {"REMOTE_ADDR": remote}
    if xff is not None:
        meta["HTTP_X_FORWARDED_FOR"] = xff
    return RequestFactory().get("/", **meta)


@pytest.mark.parametrize(("count", "remote", "xff", "expected"), [
    (0, "10.0.0.2", None, "10.0.0.2"),
    (0, "10.0.0.2", "203.0.113.7", "10.0.0.2"),  # no proxy: the header is the client's word
    (1, "10.0.0.2", "203.0.113.7", "203.0.113.7"),
    (1, "10.0.0.2", "1.1.1.1, 203.0.113.7", "203.0.113.7"),  # forged entry on the left
    (2, "10.0.0.3", "1.1.1.1, 203.0.113.7, 10.0.0.2", "203.0.113.7"),
    (2, "10.0.0.3", "203.0.113.7", "10.0.0.3"),  # fewer entries than proxies
    (1, "10.0.0.2", "", "10.0.0.2"),
    (1, "10.0.0.2", None, "10.0.0.2"),
    (1, "10.0.0.2", "not-an-address", "10.0.0.2"),
    (1, "10.0.0.2", "203.0.113.7:51234", "203.0.113.7"),
    (1, "10.0.0.2", "[2001:db8::1]:443", "2001:db8::1"),
    (1, "10.0.0.2", "2001:DB8::1", "2001:db8::1"),
    (1, "10.0.0.2", " 203.0.113.7 ,", "203.0.113.7"),
])
def test_the_client_is_the_nth_entry_from_the_right(count, remote, xff, expected):
    assert client_ip(_request(remote, xff), proxy_count=count) == expected


def test_the_setting_is_read_when_no_count_is_given(settings):
    settings.TIENDO_PROXY_COUNT = 1
    assert client_ip(_request("10.0.0.2", "203.0.113.7")) == "203.0.113.7"
    settings.TIENDO_PROXY_COUNT = 0
    assert client_ip(_request("10.0.0.2", "203.0.113.7")) == "10.0.0.2"


def _fail(client, user, xff):
    return client.post(LOGIN, {"username": user, "password": "sai-mat-khau"},
                       HTTP_X_FORWARDED_FOR=xff).status_code


def test_behind_one_proxy_the_lockout_counts_the_forwarded_address(client, cast, settings):
    settings.TIENDO_PROXY_COUNT = 1
    codes = [_fail(client, "focal_a", "203.0.113.7") for _ in range(5)]
    assert codes == [200, 200, 200, 200, 429]
    # same proxy (REMOTE_ADDR), another client: that person can still log in
    ok = client.post(LOGIN, {"username": "focal_a", "password": PASSWORD},
                     HTTP_X_FORWARDED_FOR="198.51.100.9")
    assert ok.status_code == 302
    client.logout()
    # the attacker's address stays locked, even when forging an entry on the left
    locked = client.post(LOGIN, {"username": "focal_a", "password": PASSWORD},
                         HTTP_X_FORWARDED_FOR="198.51.100.9, 203.0.113.7")
    assert locked.status_code == 429


def test_without_a_proxy_a_forged_header_does_not_escape_the_lockout(client, cast, settings):
    settings.TIENDO_PROXY_COUNT = 0
    codes = [_fail(client, "focal_a", f"203.0.113.{i}") for i in range(5)]
    assert codes == [200, 200, 200, 200, 429]
    resp = client.post(LOGIN, {"username": "focal_a", "password": PASSWORD},
                       HTTP_X_FORWARDED_FOR="198.51.100.9")
    assert resp.status_code == 429
