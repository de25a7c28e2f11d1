"""The schema, the docs page (no CDN) and the token pages."""

import json
import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from tiendo.api.models import ApiToken
from tiendo.api.services import token_create


@pytest.mark.django_db
def test_openapi_schema_is_served_without_a_token(client):
    r = client.get("/api/openapi.json")
    assert r.status_code == 200
    schema = r.json()
    assert schema["info"]["title"] == "tiendo API"
    assert {"/api/units", "/api/figures", "/api/tasks/{task_id}/progress",
            "/api/reports/{period}"} <= set(schema["paths"])
    assert schema["components"]["securitySchemes"] == {
        "TokenAuth": {"type": "http", "scheme": "bearer"}}


@pytest.mark.django_db
def test_openapi_schema_has_no_duplicate_keys(client):
    # Swagger UI parses the schema as YAML, which refuses a key given twice (it then shows
    # nothing): e.g. a status code declared both as 200 and as "200".
    def no_duplicates(pairs):
        keys = [k for k, _v in pairs]
        assert len(keys) == len(set(keys)), keys
        return dict(pairs)

    json.loads(client.get("/api/openapi.json").content, object_pairs_hook=no_duplicates)


@pytest.mark.django_db
def test_docs_page_loads_its_assets_from_this_server_only(client):
    r = client.get("/api/docs")
    assert r.status_code == 200
    html = r.content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources == ["/api/docs-assets/swagger-ui.css", "/api/docs-assets/favicon.png",
                       "/api/docs-assets/swagger-ui-bundle.js",
                       "/api/docs-assets/swagger-ui-init.js"]
    assert "http://" not in html and "https://" not in html and "cdn" not in html.lower()
    settings = json.loads(re.search(
        r'<script type="application/json" id="swagger-settings">(.*?)</script>', html,
        re.S).group(1))
    assert settings["url"] == "/api/openapi.json"
    assert settings["validatorUrl"] is None
    for src in sources:
        asset = client.get(src)
        assert asset.status_code == 200
        assert b"".join(asset.streaming_content)
    assert client.get("/api/docs-assets/secret.py").status_code == 404


def test_openapi_command_writes_the_schema(tmp_path):
    out = tmp_path / "openapi.json"
    call_command("openapi", "-o", str(out))
    schema = json.loads(out.read_text(encoding="utf-8"))
    assert "/api/figures" in schema["paths"]


def test_token_page_needs_login(client, cast):
    r = client.get(reverse("api:tokens"))
    assert r.status_code == 302
    assert "/dang-nhap/" in r["Location"]


def test_person_creates_a_token_and_sees_it_once(client, cast):
    client.force_login(cast.focal_a)
    r = client.post(reverse("api:tokens"), {"name": "Hệ thống một cửa"})
    assert r.status_code == 200
    html = r.content.decode()
    raw = re.search(r"<code>(td_[^<]+)</code>", html).group(1)
    token = ApiToken.objects.get(user=cast.focal_a)
    assert token.prefix == raw[:10] and token.name == "Hệ thống một cửa"
    page = client.get(reverse("api:tokens")).content.decode()
    assert raw not in page
    assert f"{token.prefix}…" in page
    assert client.get("/api/me", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 200


def test_token_without_a_name_is_refused_in_vietnamese(client, cast):
    client.force_login(cast.focal_a)
    r = client.post(reverse("api:tokens"), {"name": "  "})
    assert r.status_code == 422
    assert "Cần đặt tên gợi nhớ cho khóa." in r.content.decode()
    assert not ApiToken.objects.exists()


def test_person_lists_only_own_tokens_and_revokes_them(client, cast):
    mine, _ = token_create(actor=cast.focal_a, name="của A")
    theirs, _ = token_create(actor=cast.outsider, name="của người ngoài")
    client.force_login(cast.focal_a)
    page = client.get(reverse("api:tokens")).content.decode()
    assert "của A" in page and "của người ngoài" not in page
    r = client.post(reverse("api:revoke", args=[theirs.pk]))
    assert r.status_code == 404
    theirs.refresh_from_db()
    assert theirs.revoked_at is None
    r = client.post(reverse("api:revoke", args=[mine.pk]))
    assert r.status_code == 302
    mine.refresh_from_db()
    assert mine.revoked_at is not None
    assert "Đã thu hồi" in client.get(reverse("api:tokens")).content.decode()
