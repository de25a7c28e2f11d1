"""The docs page in a real browser: Swagger UI renders the schema, and every request the page
makes goes to this server (no CDN, no validator badge)."""

import pytest


@pytest.mark.django_db(transaction=True)
def test_docs_page_renders_with_no_request_to_another_host(live_server, page):
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(live_server.url + "/api/docs")
    page.wait_for_selector(".swagger-ui .info .title")
    assert "tiendo API" in page.locator(".swagger-ui .info .title").inner_text()
    page.wait_for_selector(".opblock-tag-section")
    tags = page.locator(".opblock-tag").all_inner_texts()
    assert any("nhiệm vụ" in t for t in tags)
    assert requests, "the page loaded nothing?"
    assert [u for u in requests if not u.startswith(live_server.url)] == []
