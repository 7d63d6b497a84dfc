"""The listed problems and plans: items under the report's problems and next-steps headings.

Items are the heading's child sections; without children, its 一是/二是 items;
without those, its paragraphs.
"""

from __future__ import annotations

import re

from extractor.document import Document

ENUMERATED = re.compile(r"(?:^|(?<=[。；;：:\n]))\s*(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[，、,]|首先|其次|再次|最后)")


def list_items(doc: Document, category: str) -> list[dict]:
    heads = [i for i, s in enumerate(doc.sections) if s.category == category and _is_list_head(doc, i, category)]
    items: list[dict] = []
    for i in heads:
        items.extend(_items_of(doc, i))
    return items


def _is_list_head(doc: Document, i: int, category: str) -> bool:
    """The outermost section of that category (its children are the items)."""
    sec = doc.sections[i]
    return sec.parent is None or doc.sections[sec.parent].category != category


def _items_of(doc: Document, i: int) -> list[dict]:
    sec = doc.sections[i]
    children = [s for s in doc.sections if s.parent == i]
    if children:
        return [_item(doc, s.start, s.end) for s in children]
    body_start = doc.text.find("\n", sec.start, sec.end)
    if body_start == -1:
        return []
    body = doc.norm[body_start:sec.end]
    marks = [m.start() + body_start + (len(m.group()) - len(m.group().lstrip())) for m in ENUMERATED.finditer(body)]
    if len(marks) >= 2:
        ends = marks[1:] + [sec.end]
        return [_item(doc, a, b) for a, b in zip(marks, ends)]
    paragraphs = []
    offset = body_start + 1
    for para in doc.text[body_start + 1:sec.end].split("\n"):
        if para.strip():
            paragraphs.append(_item(doc, offset, offset + len(para)))
        offset += len(para) + 1
    return paragraphs


def _item(doc: Document, start: int, end: int) -> dict:
    while end > start and doc.text[end - 1] in " \n\t\u3000":
        end -= 1
    return {"text": doc.text[start:end], "span": (start, end)}
