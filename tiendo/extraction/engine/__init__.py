"""tiendo's report-intelligence engine: Vietnamese report prose → indicator statements.

Pure Python, no Django. Public API::

    extract(text, *, default_period=None) -> list[Statement]
    statements_to_jsonl(statements) -> str
    read_document(path) -> Document(text, kind)      # .txt, .docx, .pdf; ReadError otherwise
    propose_tasks(text, *, units=(), default_period=None) -> list[TaskProposal]
    match_indicator(statement, catalogue) -> list[Match]
"""

from .extractor import extract
from .model import Document, Number, Statement, statements_to_json, statements_to_jsonl
from .readers import MAX_BYTES, read_document
from .readers_errors import ReadError

__all__ = [
    "MAX_BYTES",
    "Document",
    "Number",
    "ReadError",
    "Statement",
    "extract",
    "read_document",
    "statements_to_json",
    "statements_to_jsonl",
]
