"""Helpers of the core-pipeline tests (issue 3): paths, input makers, look-ups.

Everything here makes real input files in a test's `tmp_path` — text in any
encoding, Word files through python-docx, PDFs typeset with reportlab or
written object by object — and runs the real extractor on them, as a library
or as the `govfacts` command.  Material from `../shared/` is read there at
test time; the tests that need it skip with a reason when it is absent.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FIXTURES = SHARED / "fixtures"
SHARED_GOLD = SHARED / "gold"
SCORER = SHARED / "eval" / "score.py"
SAMPLES = ROOT / "samples"
CORPUS_GOLD = ROOT / "corpus" / "gold"

needs_shared = pytest.mark.skipif(
    not (FIXTURES.is_dir() and SCORER.is_file()),
    reason=f"{SHARED} is absent: the shared fixtures and scorer are read from ../shared at test time",
)


def shared_file(name: str) -> Path:
    """A file of ../shared/fixtures, or a skip naming it when it is not there."""
    path = FIXTURES / name
    if not path.is_file():
        pytest.skip(f"{path} is absent (../shared is not laid beside the project)")
    return path


# ---------------------------------------------------------------------------
# running the extractor
# ---------------------------------------------------------------------------


@cache
def _extract_cached(path: str, mtime_ns: int):
    from extractor import extract

    del mtime_ns  # part of the cache key only
    return extract(path)


def extract_file(path: Path | str):
    """`extractor.extract`, cached per file for the read-only inputs many tests share."""
    p = Path(path)
    return _extract_cached(str(p), p.stat().st_mtime_ns)


def govfacts_command() -> list[str]:
    """The installed console script beside this interpreter, else the module."""
    script = Path(sys.executable).with_name("govfacts")
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [sys.executable, "-m", "extractor.cli"]


def run_govfacts(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*govfacts_command(), *map(str, args)],
        cwd=cwd or ROOT, capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL,
    )


# ---------------------------------------------------------------------------
# looking things up in a report
# ---------------------------------------------------------------------------


def occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    out, i = [], text.find(needle)
    while i != -1:
        out.append((i, i + len(needle)))
        i = text.find(needle, i + 1)
    return out


def facts_within(report, needle: str) -> list:
    """Facts whose span overlaps an occurrence of `needle` in the report's text."""
    spans = occurrences(report.text, needle)
    assert spans, f"{needle!r} is not in the extracted text"
    return [f for f in report.facts if any(f.span[0] < e and s < f.span[1] for s, e in spans)]


def the_fact(report, needle: str, figure: str):
    """The one fact standing at `figure`, found inside the occurrence of `needle` in the text.

    `needle` is a phrase of the input that contains the figure, e.g. needle
    "接待群众咨询326人次", figure "326人次".
    """
    spans = occurrences(report.text, needle)
    assert len(spans) == 1, f"{needle!r} occurs {len(spans)} times in the extracted text"
    at = spans[0][0] + needle.index(figure)
    found = [f for f in report.facts if f.span[0] <= at < f.span[1]]
    assert found, f"no fact at {figure!r} in {needle!r}; facts: {[f.raw for f in report.facts]}"
    return found[0]


def squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


# ---------------------------------------------------------------------------
# making input files
# ---------------------------------------------------------------------------


def write_text(path: Path, text: str, encoding: str = "utf-8", bom: bool = False) -> Path:
    data = text.encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


def make_docx(path: Path, blocks: list[tuple[str, object]]) -> Path:
    """A Word file from ("title" | "heading" | "para", text) and ("table", rows) blocks, in order."""
    from docx import Document

    word = Document()
    for kind, content in blocks:
        if kind == "title":
            word.add_heading(content, level=0)
        elif kind == "heading":
            word.add_heading(content, level=1)
        elif kind == "para":
            word.add_paragraph(content)
        elif kind == "table":
            rows = content
            table = word.add_table(rows=len(rows), cols=len(rows[0]))
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
        else:
            raise ValueError(kind)
    word.save(str(path))
    return path


PDF_FONT = "STSong-Light"
PAGE_W, PAGE_H = 595.27, 841.89
LEFT, RIGHT = 80.0, 515.27
BODY = 15.5  # 28 CJK characters fill the measure
LEADING = 28.0


@dataclass
class PdfLine:
    text: str
    indent: bool = False  # first line of a paragraph: two characters in
    full: bool = True  # justified to the right margin (the paragraph runs on)
    center: bool = False
    size: float = BODY


def para(*lines: str, runs_on: bool = False, continued: bool = False) -> list[PdfLine]:
    """One paragraph set as the given lines: first indented, all but the last justified.

    `runs_on`: the paragraph goes on past the last line given (to the next page);
    `continued`: these lines continue a paragraph begun on the page before.
    """
    out = []
    for i, text in enumerate(lines):
        last = i == len(lines) - 1
        out.append(PdfLine(text, indent=(i == 0 and not continued), full=(not last or runs_on)))
    return out


def _font() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    if PDF_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(PDF_FONT))


NO_LINE_START = "，。、；：？！）》”’%"
TOKEN = re.compile(r"[0-9.,]+|.", re.S)


def wrap(text: str, size: float = BODY) -> list[str]:
    """Break a paragraph into lines as a word processor does: fill the measure, keep a run of
    digits whole, never start a line with closing punctuation (the first line is indented)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    _font()
    lines: list[str] = []
    current: list[str] = []
    avail = RIGHT - LEFT - 2 * size
    for token in TOKEN.findall(text):
        if current and stringWidth("".join(current) + token, PDF_FONT, size) > avail:
            carry = [current.pop()] if token[0] in NO_LINE_START else []
            lines.append("".join(current))
            current, avail = carry, RIGHT - LEFT
        current.append(token)
    lines.append("".join(current))
    return lines


def heading(text: str) -> list[PdfLine]:
    return [PdfLine(text, full=False)]


def title(text: str) -> list[PdfLine]:
    return [PdfLine(text, full=False, center=True, size=20)]


def make_pdf(path: Path, pages: list[list[PdfLine]], header: str | None = None,
             footer: str | None = "— {n} —", encrypt: str | None = None) -> Path:
    """A text PDF typeset like a word processor would: justified lines, a running header, page footers."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfgen.canvas import Canvas

    _font()
    canvas = Canvas(str(path), pagesize=(PAGE_W, PAGE_H), invariant=True, encrypt=encrypt)
    for n, lines in enumerate(pages, start=1):
        if header and n > 1:
            canvas.setFont(PDF_FONT, 10.5)
            canvas.drawCentredString(PAGE_W / 2, PAGE_H - 40, header)
            canvas.line(LEFT, PAGE_H - 46, RIGHT, PAGE_H - 46)
        y = PAGE_H - 110
        for line in lines:
            width = pdfmetrics.stringWidth(line.text, PDF_FONT, line.size)
            x = LEFT + (2 * line.size if line.indent else 0)
            spread = 0.0
            if line.center:
                x = (PAGE_W - width) / 2
            elif line.full and len(line.text) > 1:
                spread = (RIGHT - x - width) / (len(line.text) - 1)
                assert spread >= 0, f"line too long for the measure: {line.text}"
            text = canvas.beginText(x, y)
            text.setFont(PDF_FONT, line.size)
            text.setCharSpace(spread)
            text.textOut(line.text)
            canvas.drawText(text)
            y -= LEADING if line.size == BODY else LEADING * 1.5
            assert y > 90, "too many lines for one page"
        if footer:
            canvas.setFont(PDF_FONT, 14)
            canvas.drawCentredString(PAGE_W / 2, 50, footer.format(n=n))
        canvas.showPage()
    canvas.save()
    return path


def image_only_pdf(path: Path) -> Path:
    """A 'scan': one page that is a picture of text-like strokes, with no text layer."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    image = Image.new("L", (620, 877), 255)
    draw = ImageDraw.Draw(image)
    for row in range(40, 820, 26):
        for col in range(60, 560, 18):
            if (row * 7 + col * 3) % 11:
                draw.rectangle([col, row, col + 12, row + 14], outline=40)
    canvas = Canvas(str(path), pagesize=(PAGE_W, PAGE_H), invariant=True)
    canvas.drawImage(ImageReader(image), 0, 0, PAGE_W, PAGE_H)
    canvas.showPage()
    canvas.save()
    return path


def raw_pdf(objects: list[bytes]) -> bytes:
    """A PDF file written object by object (object 1 is the catalog), with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _stream(data: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def cid_garbage_pdf(path: Path, pages: int = 2) -> Path:
    """A PDF whose text layer is glyph ids only: a Type0 font, Identity-H, no ToUnicode map.

    This is what an embedded subset font without a Unicode map looks like to a
    text extractor: every character comes out as "(cid:N)".  The page footers
    are set in a standard font and stay readable, as they often do.
    """
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(pages)).encode()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages)]
    font_ref = 3 + 2 * pages
    for i in range(pages):
        rows = []
        for r in range(28):
            codes = "".join("%04X" % (300 + (r * 131 + k * 17 + i * 7) % 7000) for k in range(26))
            rows.append(b"BT /F1 14 Tf 80 %d Td <%s> Tj ET" % (760 - r * 24, codes.encode()))
        rows.append(b"BT /F2 12 Tf 280 40 Td (- %d -) Tj ET" % (i + 1))
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R "
            b"/F2 %d 0 R >> >> /Contents %d 0 R >>" % (font_ref, font_ref + 3, 4 + 2 * i)
        )
        objects.append(_stream(b"\n".join(rows)))
    objects += [
        b"<< /Type /Font /Subtype /Type0 /BaseFont /GHJKLM+FangSong /Encoding /Identity-H "
        b"/DescendantFonts [%d 0 R] >>" % (font_ref + 1),
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /GHJKLM+FangSong /CIDSystemInfo << /Registry (Adobe) "
        b"/Ordering (Identity) /Supplement 0 >> /DW 1000 /FontDescriptor %d 0 R >>" % (font_ref + 2),
        b"<< /Type /FontDescriptor /FontName /GHJKLM+FangSong /Flags 4 /FontBBox [0 -141 1000 859] "
        b"/ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 700 /StemV 80 >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    path.write_bytes(raw_pdf(objects))
    return path


def no_pages_pdf(path: Path) -> Path:
    """A well-formed PDF whose page tree is empty."""
    path.write_bytes(raw_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]))
    return path


# a short fictional report, used where any real report will do
SHORT_REPORT = """柳塘镇人民政府文件
柳政报〔2023〕6号
柳塘镇2022年度法治政府建设工作情况报告
县人民政府：
2022年，柳塘镇坚持以法治思维推进基层治理，依法行政水平持续提升。现将有关情况报告如下。
一、主要工作
全年镇党委理论学习中心组开展集体学法8次，组织镇村干部参加法治培训215人次。镇公共法律服务工作站接待群众咨询326人次，调解矛盾纠纷64件，调解成功率97.5%。
二、存在的问题
一是普法形式较为单一；二是执法人员力量不足。
三、下一步工作打算
一是加强执法队伍建设；二是创新普法宣传方式。
柳塘镇人民政府
2023年1月16日
"""
