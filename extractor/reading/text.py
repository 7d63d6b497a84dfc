"""Plain-text reports: detect the encoding, drop markdown markers, rebuild paragraphs."""

from __future__ import annotations

import re

from extractor.document import Document, Line
from extractor.errors import ReadError
from extractor.reading.layout import assemble

MARKDOWN_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s*")


def decode(data: bytes, name: str) -> str:
    """Bytes → str: BOMs, then UTF-8, then GB18030 (a superset of GBK/GB2312), then a detector.

    >>> decode("报告".encode("gb18030"), "x.txt")
    '报告'
    >>> decode(b"\\xef\\xbb\\xbf" + "报告".encode(), "x.txt")
    '报告'
    """
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReadError("binary_file", f"{name}: binary data, not a text report")
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec)
            except UnicodeDecodeError:
                raise ReadError("unknown_encoding", f"{name}: starts with a {codec} mark but is not {codec}") from None
    for codec in ("utf-8", "gb18030"):
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    return _detect(data, name)


def _detect(data: bytes, name: str) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.percent_chaos > 20:
        raise ReadError("unknown_encoding", f"{name}: unknown text encoding (not UTF-8, GBK/GB18030 or Big5)")
    return str(best)


def split_lines(text: str) -> list[Line]:
    # some exports store line breaks as the literal characters "\r\n"
    if text.count("\\r\\n") >= 3 and text.count("\n") < text.count("\\r\\n"):
        text = text.replace("\\r\\n", "\n")
    text = text.replace("&nbsp;", " ").replace("&ensp;", " ").replace("&emsp;", " ")
    lines = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        m = MARKDOWN_HEADING.match(raw)
        if m:
            lines.append(Line(text=raw[m.end():], heading=True))
        else:
            lines.append(Line(text=raw))
    return lines


def read_text(data: bytes, doc: Document) -> Document:
    doc.format = "txt"
    text = decode(data, doc.path)
    if sum(1 for ch in text[:20000] if ch < " " and ch not in "\t\r\n\f") > 20:
        raise ReadError("binary_file", f"{doc.path}: binary data, not a text report")
    return assemble(doc, split_lines(text))
