"""Messages of ``tiendo.lib``: a Vietnamese template and its parameters (no Django).

``tiendo.lib`` cannot translate (it imports no Django), so it keeps a message as its Vietnamese
template and the values to put in it, and translates nothing itself:

- :func:`gettext_noop` marks a template where it is written, so ``makemessages`` extracts it
  into the English catalogue of ``tiendo/shared/locale``;
- ``str()`` of a :class:`Message` or a :class:`MessageError` is the Vietnamese text;
- ``tiendo.shared.i18n.translate`` gives the same message in the active language, translating
  the messages nested in its parameters too (the reason inside "Không đọc được số …: <reason>").

Templates use named ``%(name)s`` placeholders, as gettext catalogues expect.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = ["Message", "MessageError", "gettext_noop"]


def gettext_noop(template: str) -> str:
    """Mark ``template`` for ``makemessages`` (it looks for this name) and return it unchanged."""
    return template


@dataclass(frozen=True)
class Message:
    """A Vietnamese template and its parameters; a parameter may be a Message itself."""

    template: str
    params: Mapping[str, object] = field(default_factory=dict)

    def __str__(self) -> str:
        return self.template % self.params


class MessageError(ValueError):
    """An error whose text is a :class:`Message`: ``str(err)`` is Vietnamese, and ``err.template``
    and ``err.params`` are kept for ``tiendo.shared.i18n.translate``."""

    def __init__(self, template: str, **params: object) -> None:
        self.template = template
        self.params = params
        super().__init__(str(Message(template, params)))
