"""The one error type of reading a document, below both the reader and its limits.

:mod:`.readers` (the file's type, size and contents) and :mod:`.readers_limits` (what reading
may cost) refuse a file the same way: a :class:`ReadError` with one Vietnamese line and its
English twin. It lives here so that each of them imports it and neither imports the other's
error from above.
"""

from __future__ import annotations


class ReadError(Exception):
    """A document that cannot be read. ``str(err)`` is Vietnamese."""

    def __init__(self, message_vi: str, message_en: str) -> None:
        super().__init__(message_vi)
        self.message_vi = message_vi
        self.message_en = message_en


def refusal(vi: str, en: str, **kw) -> ReadError:
    """A :class:`ReadError` whose two messages are ``vi`` and ``en`` filled in from ``kw``."""
    return ReadError(vi.format(**kw), en.format(**kw))
