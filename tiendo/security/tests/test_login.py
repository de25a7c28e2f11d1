"""Login throttling, optional/mandatory TOTP, security headers, production settings."""

import os
import secrets
import subprocess
import sys

import pytest
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tiendo.security.models import SecurityPolicy
from tiendo.testing import PASSWORD

LOGIN = "/dang-nhap/"
TWO_FACTOR = "/bao-mat/xac-thuc-hai-lop/"
AUDIT = "/nhat-ky/"


def _token(device: TOTPDevice) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def test_five_wrong_passwords_lock_that_person_out_even_with_the_right_one(client, cast):
    codes = [client.post(LOGIN, {"username": "focal_a", "password": "sai-mat-khau"}).status_code
             for _ in range(5)]
    assert codes == [200, 200, 200, 200, 429]
    resp = client.post(LOGIN, {"username": "focal_a", "password": PASSWORD})
    assert resp.status_code == 429
    assert "Tạm khóa đăng nhập" in resp.content.decode()
    assert "_auth_user_id" not in client.session
    # another person from the same address is not locked out
    resp = client.post(LOGIN, {"username": "focal_b", "password": PASSWORD})
    assert resp.status_code == 302
    assert client.session["_auth_user_id"] == str(cast.focal_b.pk)


def test_a_success_before_the_limit_resets_the_count(client, cast):
    for _ in range(4):
        client.post(LOGIN, {"username": "focal_a", "password": "sai-mat-khau"})
    assert client.post(LOGIN, {"username": "focal_a", "password": PASSWORD}).status_code == 302
    client.logout()
    for _ in range(4):
        client.post(LOGIN, {"username": "focal_a", "password": "sai-mat-khau"})
    assert client.post(LOGIN, {"username": "focal_a", "password": PASSWORD}).status_code == 302


def test_the_test_clients_login_without_a_request_still_works(client, cast):
    assert client.login(username="focal_a", password=PASSWORD)


def test_without_the_policy_nobody_is_asked_for_a_second_factor(client, cast):
    client.force_login(cast.admin)
    assert client.get(AUDIT).status_code == 200


def test_mandatory_policy_sends_an_administrator_to_set_up_totp(client, cast, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # a wrong code would otherwise delay the next try
    SecurityPolicy.objects.create(require_2fa_for_leaders=True)
    client.force_login(cast.admin)
    resp = client.get(AUDIT)
    assert resp.status_code == 302
    assert resp["Location"] == f"{TWO_FACTOR}?next={AUDIT}"
    page = client.get(resp["Location"])
    assert page.status_code == 200
    assert page.context["setup"] is True
    assert "<svg" in page.content.decode()
    device = TOTPDevice.objects.get(user=cast.admin)
    assert not device.confirmed
    bad = client.post(TWO_FACTOR, {"token": "000000", "next": AUDIT})
    assert bad.status_code == 422
    assert "Mã xác thực không đúng" in bad.content.decode()
    ok = client.post(TWO_FACTOR, {"token": _token(device), "next": AUDIT})
    assert ok.status_code == 302
    assert ok["Location"] == AUDIT
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(AUDIT).status_code == 200


@pytest.mark.parametrize("who", ["leader", "admin"])
def test_the_policy_applies_to_leaders_and_administrators(client, cast, who):
    SecurityPolicy.objects.create(require_2fa_for_leaders=True)
    client.force_login(getattr(cast, who))
    assert client.get(AUDIT)["Location"].startswith(TWO_FACTOR)


@pytest.mark.parametrize("who", ["office", "inspector", "focal_a", "outsider"])
def test_the_policy_leaves_other_roles_free(client, cast, who):
    SecurityPolicy.objects.create(require_2fa_for_leaders=True)
    client.force_login(getattr(cast, who))
    assert client.get(AUDIT).status_code in (200, 403)


def test_someone_who_registered_a_device_must_use_it_without_any_policy(client, cast):
    device = TOTPDevice.objects.create(user=cast.inspector, name="tiendo", confirmed=True)
    client.force_login(cast.inspector)
    assert client.get(AUDIT)["Location"].startswith(TWO_FACTOR)
    page = client.get(TWO_FACTOR)
    assert page.context["setup"] is False
    assert "secret" not in page.context
    assert client.post(TWO_FACTOR, {"token": _token(device)}).status_code == 302
    assert client.get(AUDIT).status_code == 200


def test_next_may_not_point_to_another_site(client, cast):
    device = TOTPDevice.objects.create(user=cast.inspector, name="tiendo", confirmed=True)
    client.force_login(cast.inspector)
    resp = client.post(TWO_FACTOR, {"token": _token(device), "next": "https://evil.example/"})
    assert resp["Location"] == "/"


def test_responses_carry_a_strict_csp_and_security_headers(client, cast):
    client.force_login(cast.inspector)
    resp = client.get(AUDIT)
    csp = resp["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert resp["X-Frame-Options"] == "DENY"
    assert resp["X-Content-Type-Options"] == "nosniff"
    assert resp["Referrer-Policy"] == "same-origin"
    assert resp["Cross-Origin-Opener-Policy"] == "same-origin"


def test_the_login_page_has_no_inline_script(client, db):
    html = client.get(reverse("login")).content.decode()
    assert "<script>" not in html
    assert "<script type=\"text/javascript\">" not in html


def test_production_settings_pass_check_deploy(tmp_path):
    env = {**os.environ, "TIENDO_HOME": str(tmp_path), "TIENDO_DEBUG": "0", "TIENDO_HTTPS": "1",
           "TIENDO_SECRET_KEY": secrets.token_urlsafe(60),
           "DJANGO_SETTINGS_MODULE": "tiendo.settings"}
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set by the browser tests' conftest
    res = subprocess.run([sys.executable, "-m", "tiendo.cli", "manage", "check", "--deploy",
                          "--fail-level", "WARNING"], env=env, capture_output=True, text=True,
                         timeout=120)
    assert res.returncode == 0, res.stderr
    assert "System check identified no issues (0 silenced)." in res.stdout


# --- the second factor cannot be skipped through /api/tokens/ ---

def _password_only(client, user):
    """Log in as a TOTP-enrolled person through the login form, without the code."""
    TOTPDevice.objects.create(user=user, name="tiendo", confirmed=True)
    resp = client.post(LOGIN, {"username": user.username, "password": PASSWORD})
    assert resp.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_password_only_session_gets_no_api_token_page(client, cast, method):
    from tiendo.api.models import ApiToken

    _password_only(client, cast.inspector)
    resp = getattr(client, method)("/api/tokens/", {"name": "script"} if method == "post" else {})
    assert resp.status_code == 302
    assert resp["Location"].startswith(TWO_FACTOR)
    assert not ApiToken.objects.filter(user=cast.inspector).exists()


def test_a_password_only_session_cannot_revoke_a_token(client, cast):
    from tiendo.api.services import token_create

    token, _raw = token_create(actor=cast.inspector, name="script")
    _password_only(client, cast.inspector)
    resp = client.post(f"/api/tokens/{token.pk}/thu-hoi/")
    assert resp["Location"].startswith(TWO_FACTOR)
    token.refresh_from_db()
    assert token.revoked_at is None


def test_after_the_code_the_token_page_works(client, cast):
    from tiendo.api.models import ApiToken

    _password_only(client, cast.inspector)
    device = TOTPDevice.objects.get(user=cast.inspector)
    assert client.post(TWO_FACTOR, {"token": _token(device)}).status_code == 302
    assert client.get("/api/tokens/").status_code == 200
    assert client.post("/api/tokens/", {"name": "script"}).status_code == 200
    assert ApiToken.objects.filter(user=cast.inspector).count() == 1


def test_the_token_view_itself_refuses_an_unverified_session(rf, cast):
    """Even if the middleware's open paths change, the view checks the second factor."""
    from django.contrib.sessions.backends.db import SessionStore

    from tiendo.api.views import tokens
    from tiendo.security.twofactor import SESSION_KEY

    request = rf.get("/api/tokens/")
    request.user = cast.inspector
    request.user.is_verified = lambda: False
    request.session = SessionStore()
    request.session[SESSION_KEY] = True
    resp = tokens(request)
    assert resp.status_code == 302
    assert resp["Location"].startswith(TWO_FACTOR)


def test_a_session_without_the_stored_requirement_still_needs_the_code(client, cast):
    """A session that never went through the login signal has the requirement decided on
    its first request."""
    from tiendo.security.twofactor import SESSION_KEY

    TOTPDevice.objects.create(user=cast.inspector, name="tiendo", confirmed=True)
    client.force_login(cast.inspector)
    session = client.session
    del session[SESSION_KEY]
    session.save()
    assert client.get(AUDIT)["Location"].startswith(TWO_FACTOR)
    assert client.get("/api/tokens/")["Location"].startswith(TWO_FACTOR)


def test_the_rest_api_still_answers_a_bearer_token_without_a_session(client, cast):
    from tiendo.api.services import token_create

    _token_row, raw = token_create(actor=cast.inspector, name="script")
    resp = client.get("/api/me", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert resp.status_code == 200, resp.content
