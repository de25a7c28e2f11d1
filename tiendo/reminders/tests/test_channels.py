"""What the e-mail and push channels make of a payload, word for word, in Vietnamese and in
English: subject, plain text, HTML and the push message."""

import pytest

from tiendo.reminders.channels import email, webpush

SITE = "https://tiendo.example.vn"
ITEM = {"key": "k1", "kind": "task_before", "title": "Còn 5 ngày đến hạn: T1",
        "body": "Đơn vị chủ trì: Sở A. Hạn: 30/06/2026. Tiến độ: 0%.",
        "link": f"{SITE}/nhiem-vu/1/", "urgent": False, "deadline": "2026-06-30", "unit": "Sở A"}
WEEKLY = {**ITEM, "key": "k2", "kind": "weekly", "title": "Tổng hợp <tuần>",
          "body": "Sở A: 02 nhiệm vụ quá hạn\nSở B: 01 nhiệm vụ quá hạn",
          "link": f"{SITE}/", "deadline": None}


@pytest.fixture(autouse=True)
def site(settings):
    settings.TIENDO_SITE_URL = SITE


def payload(kind: str, items: list, language: str | None, more: int = 0) -> dict:
    p = {"kind": kind, "day": "2026-06-25", "name": "Nguyễn Văn A", "items": items, "more": more}
    if language is not None:
        p["language"] = language
    return p


VI_DIGEST_TEXT = f"""Kính gửi Nguyễn Văn A,

Các việc cần chú ý ngày 25/06/2026:

1. Còn 5 ngày đến hạn: T1
   Đơn vị chủ trì: Sở A. Hạn: 30/06/2026. Tiến độ: 0%.
   {SITE}/nhiem-vu/1/

2. Tổng hợp <tuần>
   Sở A: 02 nhiệm vụ quá hạn
Sở B: 01 nhiệm vụ quá hạn
   {SITE}/

… và 3 việc khác: {SITE}/nhac-viec/

--
tiendo — thay đổi kênh nhận và giờ nhận bản tin tại {SITE}/nhac-viec/cai-dat/

"""
EN_DIGEST_TEXT = f"""Hello Nguyễn Văn A,

Your reminders of 25/06/2026:

1. Còn 5 ngày đến hạn: T1
   Đơn vị chủ trì: Sở A. Hạn: 30/06/2026. Tiến độ: 0%.
   {SITE}/nhiem-vu/1/

2. Tổng hợp <tuần>
   Sở A: 02 nhiệm vụ quá hạn
Sở B: 01 nhiệm vụ quá hạn
   {SITE}/

… and 3 more: {SITE}/nhac-viec/

--
tiendo — change your channels and digest hour at {SITE}/nhac-viec/cai-dat/

"""
HTML_HEAD = """<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><title>tiendo</title></head>
<body style="font-family: 'Noto Sans', 'DejaVu Sans', Arial, sans-serif; color:#1d273b;">
"""
DIGEST_ITEMS_HTML = f"""<ol>
<li style="margin-bottom:12px">
<a href="{SITE}/nhiem-vu/1/"><strong>Còn 5 ngày đến hạn: T1</strong></a><br>
<span>Đơn vị chủ trì: Sở A. Hạn: 30/06/2026. Tiến độ: 0%.</span>
</li><li style="margin-bottom:12px">
<a href="{SITE}/"><strong>Tổng hợp &lt;tuần&gt;</strong></a><br>
<span>Sở A: 02 nhiệm vụ quá hạn<br>Sở B: 01 nhiệm vụ quá hạn</span>
</li>
</ol>
"""
VI_DIGEST_HTML = (HTML_HEAD.format(lang="vi") + """<p>Kính gửi Nguyễn Văn A,</p>
<p>Các việc cần chú ý ngày 25/06/2026:</p>
""" + DIGEST_ITEMS_HTML + f"""<p><a href="{SITE}/nhac-viec/">… và 3 việc khác</a></p>
<p style="color:#667382;font-size:12px">tiendo — <a href="{SITE}/nhac-viec/cai-dat/">thay đổi \
kênh nhận và giờ nhận bản tin</a></p>
</body></html>
""")
EN_DIGEST_HTML = (HTML_HEAD.format(lang="en") + """<p>Hello Nguyễn Văn A,</p>
<p>Your reminders of 25/06/2026:</p>
""" + DIGEST_ITEMS_HTML + f"""<p><a href="{SITE}/nhac-viec/">… and 3 more</a></p>
<p style="color:#667382;font-size:12px">tiendo — <a href="{SITE}/nhac-viec/cai-dat/">change \
your channels and digest hour</a></p>
</body></html>
""")


@pytest.mark.parametrize(("language", "subject", "text", "html"), [
    ("vi", "[tiendo] Nhắc việc ngày 25/06/2026: 02 việc", VI_DIGEST_TEXT, VI_DIGEST_HTML),
    (None, "[tiendo] Nhắc việc ngày 25/06/2026: 02 việc", VI_DIGEST_TEXT, VI_DIGEST_HTML),
    ("en", "[tiendo] Reminders of 25/06/2026: 2 items", EN_DIGEST_TEXT, EN_DIGEST_HTML),
])
def test_digest_email_reads_word_for_word_in_the_persons_language(language, subject, text,
                                                                  html):
    assert email.render(payload("digest", [ITEM, WEEKLY], language, more=3)) == (
        subject, text, html)


IMMEDIATE_TEXT = """{hello}

{intro}

1. Còn 5 ngày đến hạn: T1
   Đơn vị chủ trì: Sở A. Hạn: 30/06/2026. Tiến độ: 0%.
   {site}/nhiem-vu/1/

--
tiendo — {footer} {site}/nhac-viec/cai-dat/

"""
IMMEDIATE_HTML = HTML_HEAD + """<p>{hello}</p>
<p>{intro}</p>
<ol>
<li style="margin-bottom:12px">
<a href="{site}/nhiem-vu/1/"><strong>Còn 5 ngày đến hạn: T1</strong></a><br>
<span>Đơn vị chủ trì: Sở A. Hạn: 30/06/2026. Tiến độ: 0%.</span>
</li>
</ol>

<p style="color:#667382;font-size:12px">tiendo — <a href="{site}/nhac-viec/cai-dat/">{link}</a></p>
</body></html>
"""
VI = {"lang": "vi", "hello": "Kính gửi Nguyễn Văn A,", "intro": "Nhắc việc:", "site": SITE,
      "footer": "thay đổi kênh nhận và giờ nhận bản tin tại",
      "link": "thay đổi kênh nhận và giờ nhận bản tin"}
EN = {"lang": "en", "hello": "Hello Nguyễn Văn A,", "intro": "A reminder:", "site": SITE,
      "footer": "change your channels and digest hour at",
      "link": "change your channels and digest hour"}


@pytest.mark.parametrize(("language", "words"), [("vi", VI), ("en", EN)])
def test_immediate_email_reads_word_for_word_in_the_persons_language(language, words):
    assert email.render(payload("immediate", [ITEM], language)) == (
        "[tiendo] Còn 5 ngày đến hạn: T1", IMMEDIATE_TEXT.format(**words),
        IMMEDIATE_HTML.format(**words))


@pytest.mark.parametrize(("language", "digest", "immediate"), [
    ("vi", "[tiendo] Nhắc việc ngày 25/06/2026: 00 việc", "[tiendo]"),
    ("en", "[tiendo] Reminders of 25/06/2026: 0 items", "[tiendo]"),
])
def test_email_subject_of_an_empty_message(language, digest, immediate):
    assert email.subject_of(payload("digest", [], language)) == digest
    assert email.subject_of(payload("immediate", [], language)) == immediate


@pytest.mark.parametrize(("language", "title"), [
    ("vi", "tiendo: 02 việc cần chú ý"), (None, "tiendo: 02 việc cần chú ý"),
    ("en", "tiendo: 2 reminders"),
])
def test_push_digest_reads_word_for_word_in_the_persons_language(language, title):
    assert webpush.message_of(payload("digest", [ITEM, WEEKLY], language, more=3)) == {
        "title": title, "body": "Còn 5 ngày đến hạn: T1\nTổng hợp <tuần>",
        "url": f"{SITE}/nhac-viec/", "day": "25/06/2026"}


@pytest.mark.parametrize("language", ["vi", "en"])
def test_push_of_one_item_carries_the_item_as_written(language):
    assert webpush.message_of(payload("immediate", [ITEM], language)) == {
        "title": "Còn 5 ngày đến hạn: T1",
        "body": "Đơn vị chủ trì: Sở A. Hạn: 30/06/2026. Tiến độ: 0%.",
        "url": f"{SITE}/nhiem-vu/1/", "day": "25/06/2026"}
