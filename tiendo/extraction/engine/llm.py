"""Optional second opinion from a language model behind an OpenAI-compatible endpoint.

Off by default: nothing here runs unless a caller builds a :class:`Provider` with a base URL
(Ollama ``http://127.0.0.1:11434/v1``, vLLM, a llama.cpp server…). It only *suggests*: the
answer is returned to the caller to show beside the rules' reading; it never changes a
statement and never writes data. Standard library only (urllib), no model download.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from dataclasses import dataclass

from .model import ROLES, Statement

SYSTEM = (
    "Bạn đọc báo cáo của cơ quan nhà nước Việt Nam. Với câu văn và các con số được liệt kê, "
    "hãy cho biết vai trò của từng số: actual (số thực hiện), target (kế hoạch, chỉ tiêu), "
    "change (tăng/giảm so với kỳ gốc), attainment (tỷ lệ đạt so với kế hoạch), part (x/y). "
    'Chỉ trả lời JSON: {"roles": ["..."], "status": "achieved" | "not_achieved" | null}.'
)


class ProviderError(Exception):
    """The endpoint could not be reached or answered something unusable."""


@dataclass(frozen=True)
class Provider:
    base_url: str  # e.g. "http://127.0.0.1:11434/v1"
    model: str
    api_key: str | None = None
    timeout: float = 20.0

    def chat(self, messages: list[dict]) -> str:
        """POST /chat/completions and return the first choice's content."""
        body = json.dumps({"model": self.model, "messages": messages, "temperature": 0,
                           "response_format": {"type": "json_object"}}).encode("utf-8")
        headers = {"Content-Type": "application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        url = self.base_url.rstrip("/") + "/chat/completions"
        if not url.startswith(("http://", "https://")):
            raise ProviderError("Địa chỉ mô hình ngôn ngữ phải bắt đầu bằng http:// hoặc https://")
        # the scheme is checked just above: only http(s)
        req = urllib.request.Request(url, data=body, headers=headers, method="POST")  # noqa: S310
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:  # noqa: S310
                data = json.loads(resp.read(1_000_000).decode("utf-8"))
        except (urllib.error.URLError, TimeoutError, ValueError, OSError) as exc:
            raise ProviderError(f"Không gọi được mô hình ngôn ngữ: {exc}") from None
        try:
            return data["choices"][0]["message"]["content"]
        except (KeyError, IndexError, TypeError):
            raise ProviderError("Mô hình ngôn ngữ trả lời sai định dạng.") from None


@dataclass(frozen=True)
class Suggestion:
    roles: list[str | None]  # one per number of the statement, None when not understood
    status: str | None
    raw: str


def _sentence_of(text: str, st: Statement) -> str:
    start = min(n.start for n in st.numbers)
    end = max(n.end for n in st.numbers)
    a = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start) + 1, 0)
    b = text.find("\n", end)
    return " ".join(text[a : len(text) if b < 0 else b].split())[:2000]


def second_opinion(provider: Provider, text: str, statement: Statement) -> Suggestion:
    """Ask the model how it reads one statement; the caller shows it, nothing is applied."""
    numbers = ", ".join(n.text + (f" {n.unit}" if n.unit else "") for n in statement.numbers)
    content = provider.chat([
        {"role": "system", "content": SYSTEM},
        {"role": "user", "content": f"Câu: {_sentence_of(text, statement)}\nCác số: {numbers}"},
    ])
    try:
        data = json.loads(content)
    except ValueError:
        raise ProviderError("Mô hình ngôn ngữ không trả lời JSON.") from None
    roles = data.get("roles") if isinstance(data, dict) else None
    roles = roles if isinstance(roles, list) else []
    roles = [r if r in ROLES else None for r in roles][: len(statement.numbers)]
    roles += [None] * (len(statement.numbers) - len(roles))
    status = data.get("status") if isinstance(data, dict) else None
    return Suggestion(roles, status if status in ("achieved", "not_achieved") else None, content)
