"""PDFs through pdfplumber: characters with their boxes → lines → paragraphs.

Lines are rebuilt from `page.chars` (not `extract_text`) so that every
character of the output keeps its page and box.  Layout decides joins: a line
that runs to the right margin continues in the next unless that one is
indented; the same holds across a page break.  Running headers, footers and
page numbers are dropped.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from statistics import median

from extractor.document import Box, Document, Line
from extractor.errors import ReadError
from extractor.reading.layout import assemble, is_page_number

CID = re.compile(r"\(cid:\d+\)")
MIN_CHARS_PER_PAGE = 15
MARGIN_BAND = 0.09  # top and bottom share of the page where running heads and feet live


def read_pdf(data: bytes, doc: Document) -> Document:
    doc.format = "pdf"
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise ReadError("not_a_pdf", f"{doc.path}: named .pdf but is not a PDF file")
    pdf = _open(data, doc.path)
    with pdf:
        try:
            doc.pages = len(pdf.pages)
            if doc.pages == 0:
                raise ReadError("no_pages", f"{doc.path}: the PDF has no pages")
            pages = [_page_lines(page, i + 1) for i, page in enumerate(pdf.pages)]
        except ReadError:
            raise
        except Exception as exc:  # pdfminer raises many kinds on damaged streams
            raise ReadError("corrupt_pdf", f"{doc.path}: damaged PDF ({type(exc).__name__})") from None
    _check_text_layer(pages, doc)
    doc.text_layer = True
    lines = _drop_running_lines(pages)
    _mark_continuations(lines)
    return assemble(doc, [ln for ln, _ in lines], use_text_joins=True)


def _open(data: bytes, name: str):
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        _ = pdf.pages  # forces the page tree to parse
        return pdf
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise ReadError("encrypted_pdf", f"{name}: the PDF is encrypted (password protected)") from None
    except Exception as exc:
        if _is_encryption_error(exc) or b"/Encrypt" in data[-4096:]:
            raise ReadError("encrypted_pdf", f"{name}: the PDF is encrypted (password protected)") from None
        raise ReadError("corrupt_pdf", f"{name}: damaged or truncated PDF ({type(exc).__name__})") from None


def _is_encryption_error(exc: BaseException) -> bool:
    """pdfplumber wraps pdfminer's errors; look through the wrapping for a password problem."""
    seen = 0
    while exc is not None and seen < 5:
        text = f"{type(exc).__name__} {exc}".lower()
        if "password" in text or "encrypt" in text:
            return True
        exc = exc.__cause__ or exc.__context__ or (exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else None)
        seen += 1
    return False


class _PageLine:
    """A line of one page with the geometry the join decisions need."""

    def __init__(self, chars: list[dict], page: int, height: float):
        self.page = page
        self.page_height = height
        self.x0 = min(c["x0"] for c in chars)
        self.x1 = max(c["x1"] for c in chars)
        self.top = min(c["top"] for c in chars)
        self.size = median(c["x1"] - c["x0"] for c in chars) or 10.0
        text: list[str] = []
        boxes: list[Box | None] = []
        for prev, c in zip([None, *chars], chars):
            if prev is not None and _needs_space(prev, c):
                text.append(" ")
                boxes.append(None)
            box = Box(page, round(c["x0"], 2), round(c["top"], 2), round(c["x1"], 2), round(c["bottom"], 2))
            text.extend(c["text"])
            boxes.extend([box] * len(c["text"]))
        self.text = "".join(text)
        self.boxes = boxes


def _needs_space(a: dict, b: dict) -> bool:
    """Latin words and numbers set without space glyphs still need their gap."""
    gap = b["x0"] - a["x1"]
    width = a["x1"] - a["x0"] or 5
    if gap > 1.5 * width:  # a wide gap separates fields set on one line ("50号    签发人：刘杰")
        return True
    return (
        gap > 0.25 * (a["x1"] - a["x0"] or 5)
        and a["text"].isascii() and b["text"].isascii()
        and a["text"].isalnum() and b["text"].isalnum()
    )


def _page_lines(page, number: int) -> list[_PageLine]:
    chars = [c for c in page.chars if c.get("upright", True) and c["text"].strip()]
    chars.sort(key=lambda c: (round(c["top"]), c["x0"]))
    rows: list[list[dict]] = []
    for c in chars:
        height = c["bottom"] - c["top"] or 10
        if rows and abs(rows[-1][0]["top"] - c["top"]) < height * 0.5:
            rows[-1].append(c)
        else:
            rows.append([c])
    lines = [_PageLine(sorted(r, key=lambda c: c["x0"]), number, float(page.height)) for r in rows]
    lines.sort(key=lambda ln: ln.top)
    return lines


def _check_text_layer(pages: list[list[_PageLine]], doc: Document) -> None:
    text = "".join(ln.text for lines in pages for ln in lines)
    cid = sum(len(m.group()) for m in CID.finditer(text))
    readable = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff" or ch.isalnum())
    doc.text_layer = False
    if len(text) < MIN_CHARS_PER_PAGE * len(pages):
        raise ReadError("needs_ocr", f"{doc.path}: no text layer (a scan?); OCR is needed to read it",
                        status="needs_ocr")
    if cid > 0.3 * len(text) or readable < 0.3 * (len(text) - cid):
        raise ReadError("needs_ocr", f"{doc.path}: the text layer is unreadable (glyphs without a Unicode map); "
                        "OCR is needed", status="needs_ocr")


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def _drop_running_lines(pages: list[list[_PageLine]]) -> list[tuple[Line, _PageLine]]:
    """Drop page numbers and lines repeated in the margins of several pages."""
    in_band = Counter()
    for lines in pages:
        keys = {_furniture_key(ln.text) for ln in lines if _in_margin(ln)}
        in_band.update(keys)
    repeated = {k for k, n in in_band.items() if n >= max(2, len(pages) // 2)} if len(pages) > 1 else set()
    out = []
    for lines in pages:
        for ln in lines:
            if _in_margin(ln) and (is_page_number(ln.text) or _furniture_key(ln.text) in repeated):
                continue
            out.append((Line(text=ln.text, boxes=ln.boxes, page=ln.page), ln))
    return out


def _in_margin(ln: _PageLine) -> bool:
    return ln.top < ln.page_height * MARGIN_BAND or ln.top > ln.page_height * (1 - MARGIN_BAND)


def _mark_continuations(lines: list[tuple[Line, _PageLine]]) -> None:
    """A line continues the previous one when that one is full and this one is not indented."""
    by_page: dict[int, list[_PageLine]] = {}
    for _, geo in lines:
        by_page.setdefault(geo.page, []).append(geo)
    margins = {p: _margins(geos) for p, geos in by_page.items()}
    for (_, pgeo), (line, geo) in zip(lines, lines[1:]):
        left, _ = margins[geo.page]
        _, right = margins[pgeo.page]
        full = pgeo.x1 >= right - 1.5 * pgeo.size
        indented = geo.x0 > left + 1.2 * geo.size
        same_size = abs(pgeo.size - geo.size) < 0.25 * geo.size
        line.starts_paragraph = not (full and not indented and same_size)


def _margins(geos: list[_PageLine]) -> tuple[float, float]:
    lefts = Counter(round(g.x0) for g in geos)
    left = min(x for x, n in lefts.items() if n == max(lefts.values()))
    right = max(g.x1 for g in geos)
    return float(left), right
