"""Messages kept as a Vietnamese template and its values, rendered in the active language.

``tiendo.lib`` imports no Django, so it keeps a message as a :class:`~tiendo.lib.messages.Message`
(a period's label) or a :class:`~tiendo.lib.messages.MessageError` (``PeriodError``,
``VnNumberError``); the apps' rules keep the sentences that explain a verdict or a task status
the same way. :func:`translate` renders one in the active language as
``gettext(template) % params``: messages nested in the parameters are rendered too, and a
:class:`Number` or a :class:`Day` among them is written as that language writes it.
:func:`render` does the same in a given language. The English of lib's templates is in
``tiendo/shared/locale``; the apps' are in their own catalogues.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache

from django.conf import settings
from django.utils import translation
from django.utils.translation import get_language, gettext

from tiendo.lib.messages import Message, MessageError
from tiendo.lib.vn_numbers import format_vn_number, format_vn_percent

__all__ = ["Day", "Number", "in_language", "render", "translate"]


@dataclass(frozen=True)
class Number:
    """A number in a message. Vietnamese writes "10.619", "7,47" and "76,46%"; English the plain
    decimal ("10619", "7.47") and a percent without trailing zeros ("76.46%", "100%")."""

    value: Decimal
    percent: bool = False

    def written(self, language: str) -> str:
        if language == "vi":
            return format_vn_percent(self.value) if self.percent else format_vn_number(self.value)
        return f"{self.value.normalize():f}%" if self.percent else str(self.value)

    def __str__(self) -> str:
        return self.written("vi")


@dataclass(frozen=True)
class Day:
    """A date in a message: "31/03/2026" in Vietnamese, "2026-03-31" in English."""

    value: date

    def written(self, language: str) -> str:
        return self.value.strftime("%d/%m/%Y") if language == "vi" else self.value.isoformat()

    def __str__(self) -> str:
        return self.written("vi")


def render(message: Message | MessageError, language: str) -> str:
    """``message`` in ``language``: its template through gettext, its values written there."""
    params = {key: _written(value, language) for key, value in message.params.items()}
    return _template(language, message.template) % params


def translate(message: Message | MessageError) -> str:
    """``message`` in the active language."""
    return render(message, get_language() or settings.LANGUAGE_CODE)


def in_language(language: str, text) -> str:
    """``text`` (a lazy translation or a message) in ``language``, whatever the active one: for
    text that is always Vietnamese (reports) or worded in both languages at once."""
    if isinstance(text, Message | MessageError):
        return render(text, language)
    with translation.override(language):
        return str(text)


@cache
def _template(language: str, template: str) -> str:
    # Looked up once per language: a catalogue does not change while the process runs, and
    # switching the language for every message would cost more than the rest of the rendering.
    with translation.override(language):
        return gettext(template)


def _written(value, language: str):
    if isinstance(value, Message):
        return render(value, language)
    if isinstance(value, Number | Day):
        return value.written(language)
    return value

