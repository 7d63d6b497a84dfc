"""Word documents via python-docx: body paragraphs and tables in document order.

Table rows become `|`-separated lines so that a cell's figure keeps its row
label beside it.  Heading styles are kept as headings.
"""

from __future__ import annotations

import io
import zipfile

from extractor.document import Document, Line
from extractor.errors import ReadError
from extractor.reading.layout import assemble


def read_docx(data: bytes, doc: Document) -> Document:
    doc.format = "docx"
    word = _open(data, doc.path)
    lines = list(_body_lines(word))
    if not any(ln.text.strip() for ln in lines):
        raise ReadError("empty_document", f"{doc.path}: the Word document contains no text")
    return assemble(doc, lines, use_text_joins=True)


def _open(data: bytes, name: str):
    from docx import Document as WordDocument

    if not zipfile.is_zipfile(io.BytesIO(data)):
        if data.startswith(b"\xd0\xcf\x11\xe0"):
            raise ReadError("encrypted_or_legacy_docx", f"{name}: an encrypted or old-format (.doc) Word file")
        raise ReadError("corrupt_docx", f"{name}: not a Word .docx file (not a valid zip package)")
    try:
        return WordDocument(io.BytesIO(data))
    except Exception as exc:
        raise ReadError("corrupt_docx", f"{name}: damaged Word document ({type(exc).__name__})") from None


def _body_lines(word):
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    body = word.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            para = Paragraph(child, word)
            style = (para.style.name if para.style is not None else "") or ""
            for piece in para.text.split("\n"):
                yield Line(text=piece, heading=style.lower().startswith(("heading", "title")))
        elif tag == "tbl":
            yield from _table_lines(Table(child, word))


def _table_lines(table):
    for row in table.rows:
        cells = []
        for cell in row.cells:
            text = " ".join(cell.text.split())
            if not cells or cells[-1] != text:  # merged cells repeat their text
                cells.append(text)
        if any(cells):
            yield Line(text=" | ".join(cells))
