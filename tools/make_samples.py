#!/usr/bin/env python3
"""Build the bundled sample reports in ``samples/`` from the annotated texts in ``corpus/texts/``.

The samples are fictional reports (places invented, provinces real) whose gold
annotations are ``corpus/gold/sample_<name>.gold.json``. Each one is rendered in
the shape such reports usually arrive in:

- ``shixi_2023.txt``    plain text with markdown-ish ``#`` headings
- ``shixi_2023.pdf``    text PDF typeset with reportlab (red masthead, page footers)
- ``yunling_2022.docx`` official-style Word file: red masthead and rule, 仿宋 body,
  heading-styled sections, one table with units in its cells, page-number footer
- ``hewan_2024.pdf``    text PDF, paragraphs wrapped across lines and pages

The PDFs use reportlab's built-in CID font STSong-Light (not embedded; readers
decode it through the Adobe-GB1 CMap), an A4 page with the official 28-character
by 22-line grid and a "— N —" footer on every page. Lines are wrapped as a word
processor would: a run of digits is never broken, but a figure and its unit may
land on different lines or pages ("37" | "件"). The script prints every such
split so that tests of line joining can name them.

Usage, from the project root::

    .venv/bin/python tools/make_samples.py [--out samples]

Needs reportlab and python-docx (the ``dev`` extras); nothing outside the venv.
"""

from __future__ import annotations

import argparse
import io
import re
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEXTS = ROOT / "corpus" / "texts"

# (canonical text, output stem, formats to write)
SAMPLES = [
    ("sample_shixi_2023.txt", "shixi_2023", ("txt", "pdf")),
    ("sample_yunling_2022.txt", "yunling_2022", ("docx",)),
    ("sample_hewan_2024.txt", "hewan_2024", ("pdf",)),
]

# ---------------------------------------------------------------------------
# Canonical text -> typed blocks
# ---------------------------------------------------------------------------

DOC_NUMBER = re.compile(r"[〔\[]\d{4}[〕\]]\d+号$")
HEADING = re.compile(r"^[一二三四五六七八九十]+、")
CAPTION = re.compile(r"^表\d+")
# the lead-in phrase of a list item: "（一）压实主体责任。" or "1、抓住重要节点集中宣传。"
LEAD_IN = re.compile(r"^(?:（[一二三四五六七八九十]+）|\d+、)[^。]{1,30}。")


@dataclass(frozen=True)
class Block:
    """One line of the canonical text with its role in the document.

    kind: masthead, docno, signer, title, salutation, heading, body, caption,
    row (table row, cells separated by tabs) or closing (signature and date).
    """

    kind: str
    text: str


def parse(text: str) -> list[Block]:
    """Split a canonical text (one paragraph per line) into typed blocks.

    >>> [b.kind for b in parse("X镇人民政府文件\\nX政报〔2024〕3号\\n签发人：张三\\nX镇报告\\n"
    ...                         "县政府：\\n一、工作\\n正文。\\n类别\\t件数\\nX镇人民政府\\n2024年1月1日")]
    ['masthead', 'docno', 'signer', 'title', 'salutation', 'heading', 'body', 'row', 'closing', 'closing']
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    n_closing = 0
    while n_closing < len(lines) and _is_closing(lines[-1 - n_closing]):
        n_closing += 1
    blocks: list[Block] = []
    title_seen = False
    for line in lines[: len(lines) - n_closing]:
        if not title_seen:
            if line.endswith("文件"):
                kind = "masthead"
            elif DOC_NUMBER.search(line):
                kind = "docno"
            elif line.startswith("签发人"):
                kind = "signer"
            else:
                kind, title_seen = "title", True
        elif "\t" in line:
            kind = "row"
        elif line.endswith("：") and len(line) < 30:
            kind = "salutation"
        elif HEADING.match(line) and len(line) < 40:
            kind = "heading"
        elif CAPTION.match(line):
            kind = "caption"
        else:
            kind = "body"
        blocks.append(Block(kind, line))
    blocks += [Block("closing", line) for line in lines[len(lines) - n_closing :]]
    return blocks


def _is_closing(line: str) -> bool:
    """A short unpunctuated line at the end of the text: the issuing body or the date."""
    return len(line) <= 20 and not re.search(r"[。；：，\t]", line) and not HEADING.match(line)


def title_of(blocks: list[Block]) -> str:
    return next(b.text for b in blocks if b.kind == "title")


# ---------------------------------------------------------------------------
# Plain text, markdown-ish
# ---------------------------------------------------------------------------


def write_txt(blocks: list[Block], path: Path) -> None:
    """Headings marked with ``#``, paragraphs separated by blank lines, tables as pipe rows."""
    out: list[str] = []
    rows: list[list[str]] = []
    for block in blocks + [Block("end", "")]:
        if block.kind == "row":
            rows.append(block.text.split("\t"))
            continue
        if rows:
            table = ["| " + " | ".join(cells) + " |" for cells in rows]
            table.insert(1, "|" + " --- |" * len(rows[0]))
            out.append("\n".join(table))
            rows = []
        if block.kind == "title":
            out.append("# " + block.text)
        elif block.kind == "heading":
            out.append("## " + block.text)
        elif block.kind != "end":
            out.append(block.text)
    path.write_text("\n\n".join(out) + "\n", encoding="utf-8")


# ---------------------------------------------------------------------------
# PDF (reportlab, CID font STSong-Light)
# ---------------------------------------------------------------------------

PDF_FONT = "STSong-Light"
BODY_SIZE = 15.75  # 28 characters across the 156 mm text block
LINE_HEIGHT = 28.95  # 22 lines down the 225 mm text block
RED = (0.85, 0.0, 0.0)
TOKEN = re.compile(r"[0-9A-Za-z.%]+|.")  # digit/Latin runs are never broken
NO_LINE_START = set("，。、；：？！）》」』”’%…")
NO_LINE_END = set("（《「『“‘")
# STSong-Light reaches the middle dot of "3·15" only through U+30FB (read back as U+00B7)
PDF_GLYPHS = str.maketrans({"·": "・"})


@dataclass
class Line:
    """A typeset line: its text, page, and whether the paragraph goes on after it."""

    text: str
    page: int
    continues: bool


class PdfWriter:
    """A minimal typesetter: lines on the official grid, new pages as needed, a footer on each."""

    def __init__(self, path: Path, title: str) -> None:
        from reportlab.lib.pagesizes import A4
        from reportlab.lib.units import mm
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont
        from reportlab.pdfgen.canvas import Canvas

        if PDF_FONT not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(UnicodeCIDFont(PDF_FONT))
        self._width_of = pdfmetrics.stringWidth
        self.page_w, self.page_h = A4
        self.left, self.right = 28 * mm, self.page_w - 26 * mm
        self.top, self.bottom = self.page_h - 37 * mm, 35 * mm
        self.footer_y = 22 * mm
        self.canvas = Canvas(str(path), pagesize=A4, invariant=True)
        self.canvas.setTitle(title)
        self.canvas.setCreator("govfacts tools/make_samples.py")
        self.canvas.setAuthor("")
        self.page = 1
        self.y = self.top
        self.lines: list[Line] = []

    # -- layout primitives -------------------------------------------------

    def width(self, text: str, size: float = BODY_SIZE) -> float:
        return self._width_of(text, PDF_FONT, size)

    def skip(self, height: float = LINE_HEIGHT) -> None:
        self.y -= height

    def _next_line(self, height: float) -> float:
        """Advance to the next baseline, starting a new page when the text block is full."""
        if self.y - height < self.bottom - 1:
            self._footer()
            self.canvas.showPage()
            self.page += 1
            self.y = self.top
        self.y -= height
        return self.y

    def draw(
        self,
        text: str,
        *,
        size: float = BODY_SIZE,
        align: str = "left",
        indent: float = 0,
        color: tuple[float, float, float] = (0, 0, 0),
        bold: bool = False,
        spread: float = 0,
        height: float = LINE_HEIGHT,
        continues: bool = False,
    ) -> None:
        """Draw one line; ``spread`` is extra space per character gap (justification)."""
        y = self._next_line(height)
        natural = self.width(text, size) + spread * max(len(text) - 1, 0)
        if align == "center":
            x = (self.left + self.right - natural) / 2
        elif align == "right":
            x = self.right - indent - natural
        else:
            x = self.left + indent
        obj = self.canvas.beginText(x, y)
        obj.setFont(PDF_FONT, size)
        obj.setCharSpace(spread)
        obj.setFillColorRGB(*color)
        if bold:  # CID fonts have no bold face: fill and stroke the glyphs instead
            self.canvas.setStrokeColorRGB(*color)
            self.canvas.setLineWidth(0.35)
            obj.setTextRenderMode(2)
        obj.textOut(text.translate(PDF_GLYPHS))
        self.canvas.drawText(obj)
        self.lines.append(Line(text, self.page, continues))

    def rule(self, color: tuple[float, float, float] = RED, gap: float = 10) -> None:
        self.y -= gap
        self.canvas.setStrokeColorRGB(*color)
        self.canvas.setLineWidth(1.5)
        self.canvas.line(self.left, self.y, self.right, self.y)

    def _footer(self) -> None:
        self.canvas.setFillColorRGB(0, 0, 0)
        self.canvas.setFont(PDF_FONT, 14)
        self.canvas.drawCentredString(self.page_w / 2, self.footer_y, f"— {self.page} —")

    def save(self) -> None:
        self._footer()
        self.canvas.save()

    # -- paragraphs ---------------------------------------------------------

    def wrap(self, text: str, first_width: float, width: float, size: float = BODY_SIZE) -> list[str]:
        """Break ``text`` into lines no wider than the given widths.

        Closing punctuation may hang past the margin rather than start a line;
        opening punctuation moves to the next line rather than end one.
        """
        lines: list[str] = []
        current, avail = "", first_width
        for token in TOKEN.findall(text):
            if current and self.width(current + token, size) > avail and token[0] not in NO_LINE_START:
                carry = ""
                while current and current[-1] in NO_LINE_END:
                    current, carry = current[:-1], current[-1] + carry
                lines.append(current)
                current, avail = carry, width
            current += token
        lines.append(current)
        return lines

    def paragraph(self, text: str, *, first_indent: float = 2, bold: bool = False) -> None:
        """A justified paragraph with a first-line indent of ``first_indent`` characters."""
        full = self.right - self.left
        indent = first_indent * BODY_SIZE
        lines = self.wrap(text, full - indent, full)
        for i, line in enumerate(lines):
            last = i == len(lines) - 1
            avail = full - (indent if i == 0 else 0)
            gap = (avail - self.width(line)) / max(len(line) - 1, 1)
            self.draw(
                line, indent=indent if i == 0 else 0, spread=0 if last else gap, bold=bold, continues=not last
            )

    def centered(self, text: str, *, size: float, color=(0, 0, 0), height: float = LINE_HEIGHT) -> None:
        """Centered text, broken into balanced lines when it does not fit on one."""
        full = self.right - self.left
        n = int(self.width(text, size) // full) + 1
        target = self.width(text, size) / n + size  # a little slack so the last line is not the longest
        for line in self.wrap(text, target, target, size):
            self.draw(line, size=size, align="center", color=color, height=height)


def write_pdf(blocks: list[Block], path: Path) -> list[Line]:
    """Typeset the blocks as an official-style report; return the lines drawn."""
    pdf = PdfWriter(path, title_of(blocks))
    signer = next((b.text for b in blocks if b.kind == "signer"), None)
    first_closing = next((b for b in blocks if b.kind == "closing"), None)
    for block in blocks:
        kind, text = block.kind, block.text
        if kind == "masthead":
            pdf.skip(10)
            pdf.centered(text, size=34, color=RED, height=48)
            pdf.skip(16)
        elif kind == "docno":
            pdf.draw(text, indent=BODY_SIZE)
            if signer:  # the signer stands at the right end of the document-number line
                pdf.y += LINE_HEIGHT
                pdf.draw(signer, align="right", indent=BODY_SIZE)
            pdf.rule()
        elif kind == "signer":
            continue
        elif kind == "title":
            pdf.skip(LINE_HEIGHT / 2)
            pdf.centered(text, size=21, height=36)
            pdf.skip(LINE_HEIGHT / 2)
        elif kind in ("salutation", "caption"):
            pdf.draw(text)
        elif kind == "heading":
            pdf.paragraph(text, bold=True)
        elif kind == "row":
            cells = text.split("\t")
            pdf.draw("　　".join(cells), align="center")
        elif kind == "closing":
            if block is first_closing:
                pdf.skip(LINE_HEIGHT)
            pdf.draw(text, align="right", indent=4 * BODY_SIZE)
        else:
            pdf.paragraph(text)
    pdf.save()
    return pdf.lines


SPLIT_FIGURE = re.compile(r"\d[万亿千]?$")


def split_figures(lines: list[Line]) -> list[str]:
    """Describe every place where a line ends in a figure (``37``, ``86.4亿``) and its paragraph goes on.

    These are the figures a reader must join across a line end (or a page end,
    where a footer stands between the two halves).
    """
    out = []
    for line, nxt in zip(lines, lines[1:], strict=False):
        if line.continues and SPLIT_FIGURE.search(line.text):
            where = f"p.{line.page}" if line.page == nxt.page else f"p.{line.page}→p.{nxt.page}"
            out.append(f"{where}: …{line.text[-8:]} | {nxt.text[:6]}…")
    return out


# ---------------------------------------------------------------------------
# DOCX (python-docx, official style)
# ---------------------------------------------------------------------------

FANGSONG, KAITI, HEITI, XIAOBIAOSONG, SONGTI = "仿宋_GB2312", "楷体_GB2312", "黑体", "方正小标宋简体", "宋体"
# children of w:pPr that must follow w:pBdr (ECMA-376 sequence)
AFTER_PBDR = (
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)


def _font(target, name: str, size: float | None = None, *, bold: bool | None = None, color=None) -> None:
    """Set a run's or style's font for both Latin and East Asian text (theme fonts removed)."""
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    target.font.name = name
    rfonts = target.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in [a for a in rfonts.attrib if "Theme" in a or "theme" in a]:
        del rfonts.attrib[attr]
    rfonts.set(qn("w:eastAsia"), name)
    if size is not None:
        target.font.size = Pt(size)
    if bold is not None:
        target.font.bold = bold
    target.font.color.rgb = RGBColor(*color) if color else RGBColor(0, 0, 0)


def _bottom_border(paragraph, color: str = "FF0000", size_eighths: int = 18) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("val", "single"), ("sz", str(size_eighths)), ("space", "4"), ("color", color)):
        bottom.set(qn(f"w:{key}"), value)
    border.append(bottom)
    paragraph._p.get_or_add_pPr().insert_element_before(border, *AFTER_PBDR)


def _as_page_field(run) -> None:
    """Wrap a run in a PAGE field: Word shows the page number in its place."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run._r.addprevious(field)
    field.append(run._r)


def write_docx(blocks: list[Block], path: Path) -> None:
    """Write the blocks as a Word document laid out like a government 红头文件."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
    from docx.shared import Mm, Pt

    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)

    normal = doc.styles["Normal"]
    _font(normal, FANGSONG, 16)
    normal.paragraph_format.line_spacing = Pt(28)
    normal.paragraph_format.space_after = Pt(0)
    title_style = doc.styles["Title"]
    _font(title_style, XIAOBIAOSONG, 22, bold=False)
    title_style.element.get_or_add_pPr().remove_all("w:pBdr")
    title_style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title_style.paragraph_format.line_spacing = Pt(36)
    title_style.paragraph_format.space_before = Pt(14)
    title_style.paragraph_format.space_after = Pt(14)
    heading_style = doc.styles["Heading 1"]
    _font(heading_style, HEITI, 16, bold=False)
    heading_style.paragraph_format.first_line_indent = Pt(32)
    heading_style.paragraph_format.space_before = Pt(0)
    heading_style.paragraph_format.line_spacing = Pt(28)

    signer = next((b.text for b in blocks if b.kind == "signer"), None)
    first_closing = next((b for b in blocks if b.kind == "closing"), None)
    rows: list[list[str]] = []
    for block in blocks + [Block("end", "")]:
        if block.kind == "row":
            rows.append(block.text.split("\t"))
            continue
        if rows:
            _docx_table(doc, rows)
            rows = []
        kind, text = block.kind, block.text
        if kind in ("signer", "end"):
            continue
        if kind == "masthead":
            p = doc.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.paragraph_format.line_spacing = Pt(60)
            p.paragraph_format.space_after = Pt(24)
            _font(p.add_run(text), XIAOBIAOSONG, 40, color=(0xFF, 0, 0))
        elif kind == "docno":
            p = doc.add_paragraph()
            p.paragraph_format.left_indent = Pt(16)
            p.paragraph_format.right_indent = Pt(16)
            p.paragraph_format.space_after = Pt(18)
            p.add_run(text)
            if signer:  # 上行文: the signer at the right end of the document-number line
                # tab positions count from the left margin: stop at the right indent
                right_end = section.page_width - section.left_margin - section.right_margin - Pt(16)
                p.paragraph_format.tab_stops.add_tab_stop(right_end, WD_TAB_ALIGNMENT.RIGHT)
                p.add_run("\t" + signer)
            _bottom_border(p)
        elif kind == "title":
            doc.add_paragraph(text, style="Title")
        elif kind == "heading":
            doc.add_paragraph(text, style="Heading 1")
        elif kind == "caption":
            p = doc.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _font(p.add_run(text), HEITI, 14)
        elif kind == "closing":
            p = doc.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            p.paragraph_format.right_indent = Pt(64)
            if block is first_closing:
                p.paragraph_format.space_before = Pt(28)
            p.add_run(text)
        elif kind == "salutation":
            doc.add_paragraph(text)
        else:
            p = doc.add_paragraph()
            p.paragraph_format.first_line_indent = Pt(32)
            lead = LEAD_IN.match(text)
            if lead:  # "（一）压实主体责任。" in 楷体, "1、…。" in bold 仿宋
                run = p.add_run(lead.group())
                if lead.group().startswith("（"):
                    _font(run, KAITI)
                else:
                    run.bold = True
                text = text[lead.end() :]
            p.add_run(text)

    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for text in ("— ", "1", " —"):
        _font(footer.add_run(text), SONGTI, 14)
    _as_page_field(footer.runs[1])

    props = doc.core_properties
    props.title, props.author, props.comments = title_of(blocks), "", "fictional sample report"
    props.created = props.modified = datetime(2024, 1, 1)
    props.last_modified_by, props.revision = "", 1
    _save_reproducibly(doc, path)


def _save_reproducibly(doc, path: Path) -> None:
    """Save with fixed zip timestamps, so that rebuilding gives the same bytes."""
    buffer = io.BytesIO()
    doc.save(buffer)
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(path, "w") as dst:
        for item in src.infolist():
            entry = zipfile.ZipInfo(item.filename, date_time=(2024, 1, 1, 0, 0, 0))
            dst.writestr(entry, src.read(item), compress_type=zipfile.ZIP_DEFLATED)


def _docx_table(doc, rows: list[list[str]]) -> None:
    """A bordered, centered table; the first row is the header."""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for r, cells in enumerate(rows):
        for c, value in enumerate(cells):
            p = table.cell(r, c).paragraphs[0]
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.paragraph_format.first_line_indent = Pt(0)
            _font(p.add_run(value), HEITI if r == 0 else FANGSONG, 14)


# ---------------------------------------------------------------------------


WRITERS = {"txt": write_txt, "docx": write_docx, "pdf": write_pdf}


def build(out: Path) -> None:
    """Write every sample into ``out`` and print what was written."""
    out.mkdir(parents=True, exist_ok=True)
    for source, stem, formats in SAMPLES:
        blocks = parse((TEXTS / source).read_text(encoding="utf-8"))
        for fmt in formats:
            path = out / f"{stem}.{fmt}"
            lines = WRITERS[fmt](blocks, path)  # only the PDF writer returns its lines
            print(f"{out.name}/{path.name}" + (f": {lines[-1].page} pages" if lines else ""))
            for split in split_figures(lines or []):
                print(f"  figure split over a line end, {split}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "samples", help="output folder (default samples/)")
    build(parser.parse_args(argv).out.resolve())


if __name__ == "__main__":
    main()
