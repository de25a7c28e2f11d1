"""Translation of ``tiendo.lib``'s messages, which that package only marks (it imports no Django).

A lib message (a period's label) or error (``PeriodError``, ``VnNumberError``) keeps its
Vietnamese template and parameters; :func:`translate` renders it in the active language through
gettext, messages nested in its parameters included. The English of every lib template is in
``tiendo/shared/locale``.
"""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext

from tiendo.lib.messages import Message, MessageError
from tiendo.lib.periods import PeriodError

__all__ = ["in_language", "translate"]


def translate(message: Message | MessageError) -> str:
    """``gettext(template) % params`` in the active language, translating nested messages."""
    params = {key: translate(value) if isinstance(value, Message) else value
              for key, value in message.params.items()}
    return gettext(message.template) % params


def in_language(language: str, text) -> str:
    """``text`` (a lazy translation or a lib message) rendered in ``language``, whatever the
    active one: for text that is always Vietnamese (reports) or always both."""
    with translation.override(language):
        if isinstance(text, Message | MessageError):
            return translate(text)
        return str(text)


# Compatibility until tiendo/web/period_choice.py calls translate(exc): the English message
# it still reads as ``exc.message_en``. Remove with that switch.
PeriodError.message_en = property(lambda err: in_language("en", err))  # type: ignore[attr-defined]
