"""The one object that flows through the pipeline.

Readers fill `text` and, for PDFs, one `Box` per character of it; the
understanding stages add metadata, sections and facts.  Every later field
points back into `text` by character offsets, so a figure can always be
traced to its words, page and position.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple


class Box(NamedTuple):
    """Where one character stands on a PDF page (PDF points, top-left origin)."""

    page: int
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass
class Line:
    """A line as a reader delivers it, before paragraphs are rebuilt."""

    text: str
    boxes: list[Box | None] | None = None  # one per character, PDFs only
    heading: bool = False  # the source marks it as a heading (DOCX style, markdown '#')
    starts_paragraph: bool = True  # False when layout shows it continues the line before
    page: int | None = None


@dataclass
class Document:
    path: str
    format: str = "unknown"
    sha256: str | None = None
    pages: int | None = None
    text_layer: bool | None = None
    text: str = ""
    boxes: list[Box | None] | None = None
    headings: set[int] = field(default_factory=set)  # indices of paragraphs the source marks as headings
    norm: str = ""  # same length as text: the view the parsers read
    metadata: dict[str, Any] = field(default_factory=dict)
    sections: list[Any] = field(default_factory=list)
    candidates: list[Any] = field(default_factory=list)  # every figure, with the rules' verdict
    facts: list[Any] = field(default_factory=list)
    problems: list[Any] = field(default_factory=list)
    plans: list[Any] = field(default_factory=list)

    def box_of(self, start: int, end: int) -> tuple[int | None, tuple[float, float, float, float] | None]:
        """Page and bounding box of text[start:end] (on the page where it begins)."""
        if not self.boxes:
            return None, None
        chars = [b for b in self.boxes[start:end] if b is not None]
        if not chars:
            return None, None
        page = chars[0].page
        same = [b for b in chars if b.page == page]
        bbox = (
            round(min(b.x0 for b in same), 2),
            round(min(b.top for b in same), 2),
            round(max(b.x1 for b in same), 2),
            round(max(b.bottom for b in same), 2),
        )
        return page, bbox
