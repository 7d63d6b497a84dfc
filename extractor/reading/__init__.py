"""Stage 1 — reading: any supported file → a `Document` with text and offsets.

`read(path)` never returns a half-read document: it raises `ReadError` with a
stable code (empty_file, corrupt_pdf, encrypted_pdf, needs_ocr …) instead.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from extractor.document import Document
from extractor.errors import ReadError

TEXT_SUFFIXES = {".txt", ".text", ".md"}
SUPPORTED = {".pdf", ".docx", *TEXT_SUFFIXES}


def read(path: str | Path) -> Document:
    """Read a report file into a Document, choosing the reader by content and suffix."""
    p = Path(path)
    data = _load_bytes(p)
    suffix = p.suffix.lower()
    doc = Document(path=str(path), sha256=hashlib.sha256(data).hexdigest())
    try:
        if suffix == ".pdf":
            from extractor.reading.pdf import read_pdf

            return read_pdf(data, doc)
        if suffix == ".docx":
            from extractor.reading.docx import read_docx

            return read_docx(data, doc)
        from extractor.reading.text import read_text

        return read_text(data, doc)
    except ReadError as err:
        err.doc = doc  # what is known of the file (hash, format, pages) goes into the report
        raise


def read_string(text: str, name: str = "<text>") -> Document:
    """Run the text reader on a string already in memory (corpus records, tests)."""
    from extractor.reading.text import read_text

    data = text.encode("utf-8")
    doc = Document(path=name, sha256=hashlib.sha256(data).hexdigest())
    return read_text(data, doc)


def _load_bytes(p: Path) -> bytes:
    if not p.exists():
        raise ReadError("not_found", f"{p}: no such file")
    if p.is_dir():
        raise ReadError("is_directory", f"{p}: is a directory, not a report file")
    suffix = p.suffix.lower()
    if suffix not in SUPPORTED:
        hint = " (save it as .docx)" if suffix == ".doc" else ""
        kinds = ", ".join(sorted(SUPPORTED))
        raise ReadError("unsupported_format", f"{p}: unsupported file type '{suffix or '(none)'}'{hint}; "
                        f"govfacts reads {kinds}")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise ReadError("unreadable", f"{p}: cannot be read ({exc.strerror or exc})") from None
    if not data.strip():
        raise ReadError("empty_file", f"{p}: the file is empty")
    return data
