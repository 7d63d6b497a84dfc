"""Rebuild paragraphs from the lines a reader delivers.

Readers know little: a PDF gives lines broken at the margin, a text copy of a
PDF gives lines broken anywhere ("在重" / "大事项决策", "37" / "件").  This
module joins lines that continue each other, drops page furniture and stray
spaces beside figures, and keeps one box per character so offsets still lead
back to the page.
"""

from __future__ import annotations

import re

from extractor.document import Box, Document, Line

CJK = "\u3400-\u9fff\uf900-\ufaff"
# lines that are only a page number: "— 1 —", "-1-", "第1页", "第 1 页 共 9 页", "1/9", "- 12 -"
PAGE_NUMBER = re.compile(
    r"^[\s\-—–－_·•]*(第?\s*[0-9０-９]{1,4}\s*页(\s*[,，/]?\s*共\s*[0-9０-９]{1,4}\s*页)?"
    r"|[0-9０-９]{1,4}\s*/\s*[0-9０-９]{1,4}|[0-9０-９]{1,4})[\s\-—–－_·•]*$"
)
TERMINAL = "。！？!?；;：:”」』）)》>】]…"
# an enumeration marker or heading number that begins a new paragraph
NEW_ITEM = re.compile(
    r"^\s*([一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百\d０-９]+[）)]|[0-9０-９]{1,2}[、.．](?!\d)"
    r"|[①-⑳]|[一二三四五六七八九十]是|第[一二三四五六七八九十]+[，、,]|#)"
)
# a banner or form line: "发文单位：…", "索引号 | …"
LABEL_LINE = re.compile(r"^[\u4e00-\u9fffA-Za-z]{1,6}\s*[:：|]")
# what may follow a figure cut at a line end: digits, a multiplier, a qualifier or a measure word
UNIT_START = re.compile(
    r"[0-9０-９%％‰万亿千百余多]|个|人|名|件|次|场|份|项|条|处|台|辆|元|户|家|所|亩|吨|公里|米|天|倍|起|批|期|篇|册|宗|例|座|套"
)
# whitespace between a figure and CJK text or punctuation: "40 多辆", "约 860 余人", "100 %"
STRAY_SPACE = re.compile(
    rf"(?<=[{CJK}%％，。、；：（）“”])[ \t\u3000\u00a0]+(?=[0-9０-９])"
    rf"|(?<=[0-9０-９])[ \t\u3000\u00a0]+(?=[{CJK}%％‰（）])"
)


def is_page_number(text: str) -> bool:
    """True for a line that is only page furniture.

    >>> [is_page_number(s) for s in ["— 1 —", "-12-", "第3页 共9页", "7", "2021年"]]
    [True, True, True, True, False]
    """
    return bool(PAGE_NUMBER.match(text.strip()))


def continues(prev: str, line: str, wrap_width: int | None) -> bool:
    """Does `line` continue `prev` (a broken line) rather than start a paragraph?

    >>> continues("现有执法人员37", "件，均持证上岗。", None)
    True
    >>> continues("2021年度法治政府建设工作情况报告", "2021年，平山镇坚持…", None)
    False
    >>> continues("引导党员干部在重大事项决策前进行法律咨询，有效提高了行政行为的合法性，引导党员干部在重", "大事项决策之前", None)
    True
    """
    prev, line = prev.rstrip(), line.lstrip()
    if not prev or not line or NEW_ITEM.match(line) or LABEL_LINE.match(line) or LABEL_LINE.match(prev):
        return False
    if re.search(r"[0-9０-９.．,，]$", prev) and UNIT_START.match(line):
        return prev[-1] not in "，," or line[0].isdigit()
    if prev[-1] in TERMINAL:
        return False
    long_enough = 40 if wrap_width is None else max(12, int(wrap_width * 0.8))
    return len(prev) >= long_enough


def typical_wrap_width(lines: list[str]) -> int | None:
    """The width at which a hard-wrapped text breaks its lines, if it is hard-wrapped."""
    lengths = sorted(len(s.strip()) for s in lines if len(s.strip()) >= 12)
    if len(lengths) < 8:
        return None
    width = lengths[int(len(lengths) * 0.75)]
    near = sum(1 for n in lengths if width - 3 <= n <= width + 1)
    return width if near >= len(lengths) * 0.4 and width < 80 else None


def assemble(doc: Document, lines: list[Line], use_text_joins: bool = True) -> Document:
    """Join `lines` into paragraphs and store text, boxes and heading offsets in `doc`."""
    kept = [ln for ln in lines if ln.text.strip() and not is_page_number(ln.text)]
    wrap = typical_wrap_width([ln.text for ln in kept]) if use_text_joins else None
    out_chars: list[str] = []
    out_boxes: list[Box | None] = []
    prev: Line | None = None
    paragraph = 0
    for ln in kept:
        text, boxes = _strip(ln.text, ln.boxes)
        if prev is not None:
            joined = not ln.starts_paragraph or (
                use_text_joins and not prev.heading and not ln.heading and continues(prev.text, text, wrap)
            )
            if not joined:
                out_chars.append("\n")
                out_boxes.append(None)
                paragraph += 1
        if ln.heading and (prev is None or out_chars[-1:] == ["\n"]):
            doc.headings.add(paragraph)
        out_chars.extend(text)
        out_boxes.extend(boxes if boxes is not None else [None] * len(text))
        prev = Line(text=text, heading=ln.heading)
    text, boxes = _remove_stray_spaces("".join(out_chars), out_boxes)
    doc.text = text
    doc.boxes = boxes if any(b is not None for b in boxes) else None
    return doc


def _strip(text: str, boxes: list[Box | None] | None) -> tuple[str, list[Box | None] | None]:
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    return text[start:end], (boxes[start:end] if boxes is not None else None)


def _remove_stray_spaces(text: str, boxes: list[Box | None]) -> tuple[str, list[Box | None]]:
    drop = {i for m in STRAY_SPACE.finditer(text) for i in range(m.start(), m.end())}
    if not drop:
        return text, boxes
    keep = [i for i in range(len(text)) if i not in drop]
    return "".join(text[i] for i in keep), [boxes[i] for i in keep]
