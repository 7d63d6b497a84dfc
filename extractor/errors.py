"""Errors a reader reports instead of a traceback: a stable code and one line."""

from __future__ import annotations


class ReadError(Exception):
    """A file that cannot be read as a report.

    `code` is stable (tests and databases key on it); `status` is `error` or
    `needs_ocr` (a PDF without a usable text layer).
    """

    def __init__(self, code: str, message: str, status: str = "error"):
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status
        self.doc = None  # the Document as far as it was read


def one_line(text: str, limit: int = 300) -> str:
    """Collapse whitespace so a message always fits on one line."""
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
