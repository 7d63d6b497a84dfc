"""The listed problems and plans: the items under the report's problems and next-steps headings.

Items are the heading's child sections; without children, its enumerated
items (一是/二是, （一）, ①, "1." inline); without those, its paragraphs.  Work
reports seldom give problems a heading: there the paragraph that admits them
("我们也清醒地看到…") is the list, its items enumerated or set off by "；".  A
"problems and improvements" section (政府信息公开年报) lists both: the items
after "改进措施" are plans.
"""

from __future__ import annotations

import re

from extractor.document import Document

INLINE_ITEM = re.compile(
    r"(?:^|(?<=[。；;：:\n]))\s*(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[，、,]|[（(][一二三四五六七八九十]+[）)]|"
    r"[①-⑳]|(?<![\d.])\d{1,2}[、.．](?!\d))"
)
ADMITS_PROBLEMS = re.compile(r"(清醒|看到|认识到|存在|面临|不足|差距)[^。]{0,40}(问题|不足|困难|短板|差距|挑战)")
IMPROVEMENTS = re.compile(
    r"改进措施|改进情况|整改措施|针对上述问题|针对以上问题|下一步|将采取|拟采取|改进方向"
    r"|(?:19|20)\d{2}年[，,]\s*(?:我[县区市镇乡局]|全[县区市镇乡])?将"  # "2017年，我县将重点抓好以下工作"
)


def list_items(doc: Document, category: str) -> list[dict]:
    heads = [i for i, s in enumerate(doc.sections)
             if s.category == category and _outermost(doc, i, category) and not _inside_other_list(doc, i)]
    items: list[dict] = []
    for i in heads:
        items.extend(_items_of(doc, i, part=category))
    if items:
        return items
    if category == "plans":  # "存在的问题及改进情况": the improvements are the plans
        for i, s in enumerate(doc.sections):
            if s.category == "problems" and _outermost(doc, i, "problems") and not _inside_other_list(doc, i):
                items.extend(_items_of(doc, i, part="plans"))
        return items
    return _admitted_problems(doc)


def _inside_other_list(doc: Document, i: int) -> bool:
    """A "（二）改进措施" child of a problems section is reached through its parent."""
    parent = doc.sections[i].parent
    return parent is not None and doc.sections[parent].category in ("problems", "plans")


def _outermost(doc: Document, i: int, category: str) -> bool:
    sec = doc.sections[i]
    return sec.parent is None or doc.sections[sec.parent].category != category


def _items_of(doc: Document, i: int, part: str) -> list[dict]:
    sec = doc.sections[i]
    children = [s for s in doc.sections if s.parent == i]
    kinds = {s.category for s in children}
    if {"problems", "plans"} <= kinds:
        # "（一）存在的主要问题 …（二）改进措施": the items are inside the matching child
        items = []
        for s in children:
            if s.category == part:
                items.extend(_items_of(doc, doc.sections.index(s), part))
        return items
    body_start = doc.text.find("\n", sec.start, sec.end)
    if body_start == -1:
        body_start = _title_end(doc, sec)
    lo, hi = _part_bounds(doc, body_start + 1, sec.end, part, sec.category)
    if lo is None:
        return []
    inside = [s for s in children if lo <= s.start < hi]
    if inside:
        return [_item(doc, s.start, min(s.end, hi)) for s in inside]
    marks = _marks(doc, lo, hi)
    if len(marks) >= 2:
        return [_item(doc, a, b) for a, b in zip(marks, marks[1:] + [hi])]
    if part != sec.category:
        return []
    return _paragraphs(doc, lo, hi)


def _title_end(doc: Document, sec) -> int:
    """A run-in heading ("（一）存在的主要问题。一是…") ends at its first full stop."""
    stop = doc.norm.find("。", sec.start, sec.end)
    return stop if stop != -1 else sec.end


def _part_bounds(doc: Document, lo: int, hi: int, part: str, category: str) -> tuple[int | None, int]:
    """A problems section may go on with improvements: split it there."""
    if category != "problems":
        return lo, hi
    m = IMPROVEMENTS.search(doc.norm, lo, hi)
    if part == "problems":
        return lo, (m.start() if m else hi)
    return (m.start(), hi) if m else (None, hi)


def _marks(doc: Document, lo: int, hi: int) -> list[int]:
    body = doc.norm[lo:hi]
    return [lo + m.start() + (len(m.group()) - len(m.group().lstrip())) for m in INLINE_ITEM.finditer(body)]


def _paragraphs(doc: Document, lo: int, hi: int) -> list[dict]:
    out, offset = [], lo
    for para in doc.text[lo:hi].split("\n"):
        if para.strip():
            out.append(_item(doc, offset, offset + len(para)))
        offset += len(para) + 1
    return out


def _admitted_problems(doc: Document) -> list[dict]:
    """The paragraph of a work report that admits its problems, split into its items."""
    offset = 0
    for para in doc.norm.split("\n"):
        m = ADMITS_PROBLEMS.search(para[:120])
        if m and len(para) > 60:
            lo, hi = offset, offset + len(para)
            marks = _marks(doc, lo, hi)
            if len(marks) >= 2:
                return [_item(doc, a, b) for a, b in zip(marks, marks[1:] + [hi])]
            items = _semicolon_items(doc, lo + m.end(), hi) or _sentence_items(doc, lo + m.end(), hi)
            if len(items) >= 2:
                return items
        offset += len(para) + 1
    return []


def _semicolon_items(doc: Document, lo: int, hi: int) -> list[dict]:
    """Items set off by "；" (or ";") after the sentence or colon that introduces them."""
    stop = doc.norm.find("。", lo, hi)
    start = stop + 1 if stop != -1 and not re.search("[；;]", doc.norm[lo:stop]) else lo
    colon = re.search(r"[：:]", doc.norm[start:hi])
    if colon and re.search("[；;]", doc.norm[start + colon.end():hi]):
        start += colon.end()  # "主要是：A；B；C。"
    body = doc.norm[start:hi]
    ends = [m.start() for m in re.finditer("[；;]", body)]
    if not ends:
        return []
    last = body.find("。", ends[-1])
    body = body[: last if last != -1 else len(body)]
    items, pos = [], start
    for piece in re.split("[；;]", body):
        if piece.strip():
            items.append(_item(doc, pos, pos + len(piece)))
        pos += len(piece) + 1
    return items


INTRO = re.compile(r"主要是[：:]|主要表现在[：:]|主要表现为[：:]|具体表现在[：:]")
CLOSING = re.compile(r"^(?:对此|对于这些|对这些|针对|这些问题|我们将|我们一定|对上述)")


def _sentence_items(doc: Document, lo: int, hi: int) -> list[dict]:
    """"主要是：A。B。C。对此，我们…": one sentence an item, up to the sentence that answers them."""
    m = INTRO.search(doc.norm, lo, hi)
    if not m:
        return []
    items, pos = [], m.end()
    while pos < hi:
        stop = doc.norm.find("。", pos, hi)
        end = stop + 1 if stop != -1 else hi
        if CLOSING.match(doc.norm[pos:end].strip()):
            break
        if doc.norm[pos:end].strip():
            items.append(_item(doc, pos, end))
        pos = end
    return items


def _item(doc: Document, start: int, end: int) -> dict:
    while end > start and doc.text[end - 1] in " \n\t\u3000；;":
        end -= 1
    while start < end and doc.text[start] in " \n\t\u3000":
        start += 1
    return {"text": doc.text[start:end], "span": (start, end)}
