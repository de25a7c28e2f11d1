"""Contract test of the optional language-model provider against a loopback HTTP server
that speaks the OpenAI-compatible chat API."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tiendo.extraction.engine import extract
from tiendo.extraction.engine.llm import Provider, ProviderError, second_opinion

TEXT = "Thu ngân sách đạt 1.234 tỷ đồng (KH: 1.100 tỷ đồng, đạt), tăng 5,6% so với cùng kỳ."


class _Handler(BaseHTTPRequestHandler):
    answer = {"roles": ["actual", "target", "change"], "status": "achieved"}
    seen: list = []

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).seen.append((self.path, self.headers.get("Authorization"), body))
        if self.path != "/v1/chat/completions":
            self.send_response(404)
            self.end_headers()
            return
        payload = json.dumps({"id": "x", "object": "chat.completion", "choices": [
            {"index": 0, "message": {"role": "assistant",
                                     "content": json.dumps(type(self).answer)},
             "finish_reason": "stop"}]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    _Handler.seen = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_second_opinion_sends_the_sentence_and_reads_the_answer(server):
    [statement] = extract(TEXT, default_period="2026-Q1")
    provider = Provider(base_url=server + "/v1", model="qwen2.5:7b", api_key="k")
    suggestion = second_opinion(provider, TEXT, statement)
    assert suggestion.roles == ["actual", "target", "change"]
    assert suggestion.status == "achieved"
    [(path, auth, body)] = _Handler.seen
    assert (path, auth, body["model"], body["temperature"]) == (
        "/v1/chat/completions", "Bearer k", "qwen2.5:7b", 0)
    assert body["messages"][1]["content"] == (
        f"Câu: {TEXT}\nCác số: 1.234 tỷ đồng, 1.100 tỷ đồng, 5,6 %")
    # a suggestion only: the statement is unchanged
    assert [n.role for n in statement.numbers] == ["actual", "target", "change"]


def test_unknown_roles_are_dropped_and_missing_ones_padded(server):
    _Handler.answer = {"roles": ["actual", "bogus"], "status": "maybe"}
    [statement] = extract(TEXT, default_period="2026-Q1")
    suggestion = second_opinion(Provider(server + "/v1", "m"), TEXT, statement)
    assert (suggestion.roles, suggestion.status) == (["actual", None, None], None)
    _Handler.answer = {"roles": ["actual", "target", "change"], "status": "achieved"}


def test_an_unreachable_or_wrong_endpoint_gives_a_vietnamese_error(server):
    [statement] = extract(TEXT, default_period="2026-Q1")
    with pytest.raises(ProviderError, match="Không gọi được mô hình ngôn ngữ"):
        second_opinion(Provider(server + "/sai", "m"), TEXT, statement)
    with pytest.raises(ProviderError, match="phải bắt đầu bằng http"):
        second_opinion(Provider("file:///etc", "m"), TEXT, statement)
