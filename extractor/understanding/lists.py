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
ADMITS_PROBLEMS = re.compile(r"(清醒|看到|认识到|深知|存在|面临|不足|差距)[^。]{0,40}(问题|不足|困难|短板|差距|挑战)")
IMPROVEMENTS = re.compile(
    r"改进措施|改进情况|整改措施|针对上述问题|针对以上问题|下一步|将采取|拟采取|改进方向"
    r"|(?:19|20)\d{2}年[，,]\s*(?:我[县区市镇乡局]|全[县区市镇乡])?将"  # "2017年，我县将重点抓好以下工作"
)


def list_items(doc: Document, category: str) -> list[dict]:
    heads = [i for i, s in enumerate(doc.sections)
             if s.category == category and _outermost(doc, i, category) and not _inside_other_list(doc, i)]
    if category == "plans" and len(heads) > 1 and doc.metadata.get("kind") == "政府工作报告":
        heads = [_coming_year(doc, heads)]
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


def _coming_year(doc: Document, heads: list[int]) -> int:
    """A work report's plans are its coming year's tasks ("2021年政府重点工作任务"), not the
    five-year targets before them: the heading naming the report's year or 今年, else the last."""
    year = doc.metadata.get("year")
    named = [i for i in heads
             if (year and str(year) in doc.sections[i].title) or re.search(r"今年|本年|下半年", doc.sections[i].title)]
    return (named or heads)[-1]


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
            items = _clause_items(doc, lo + m.start(), lo + m.end(), hi, m.group(1) in CANDID)
            if len(items) >= 2:
                return items
        offset += len(para) + 1
    return []


# words that open an admission of problems, not just mention one ("重点领域存在问题")
CANDID = {"清醒", "看到", "认识到", "深知"}
INTRO_END = re.compile(r"[。：:]")
INTRO = re.compile(r"(?:主要是|主要表现在|主要表现为|具体表现在)[：:]")
CLOSING = re.compile(r"^(?:对此|对于这些|对这些|针对|这些问题|我们将|我们一定|对上述|在今后|今后|下一步)")
ASPECT = re.compile(r"(?:^|(?<=[。；;]))在[^，。；]{1,12}方面[，,]")


def _clause_items(doc: Document, lo: int, admitted: int, hi: int, candid: bool) -> list[dict]:
    """The items after the words that admit them, up to the sentence that answers them ("对此，我们…").

    "主要是：A；B。": after the colon; "清醒地看到，A；B；C。": the admitting sentence is the list;
    "…短板。A。B。": the sentences after it. Then "在产业发展方面，…。在城市建设方面，…": one aspect
    an item; "我们必须正视A。…我们必须正视B。": one repeated lead an item; else a sentence or a "；"
    part an item; a last resort is a colon and a run of short "，" clauses ("有效需求不足，社会预期偏弱，…").
    An admission that only mentions a problem ("领域存在问题") counts with "；" parts alone.
    """
    words = INTRO.search(doc.norm, lo, hi)
    stop = INTRO_END.search(doc.norm, lo, hi)
    if words:
        body_lo = words.end()
    elif stop is None:
        return []
    elif stop.group() == "。" and re.search("[；;]", doc.norm[lo:stop.start()]):
        body_lo = admitted
    else:
        body_lo = stop.end()
    body_hi = _closing_start(doc, body_lo, hi)
    if not (candid or words or re.search("[；;]", doc.norm[body_lo:body_hi])):
        return []
    aspects = [body_lo + m.start() for m in ASPECT.finditer(doc.norm[body_lo:body_hi])]
    if len(aspects) >= 2:
        return [_item(doc, a, b) for a, b in zip(aspects, aspects[1:] + [body_hi])]
    leads = _repeated_leads(doc, body_lo, body_hi)
    if len(leads) >= 2:
        return [_item(doc, a, b) for a, b in zip(leads, leads[1:] + [body_hi])]
    pieces = _split(doc, body_lo, body_hi, "[。；;]")
    if len(pieces) < 2 and stop is not None and stop.group() in "：:":
        pieces = _split(doc, body_lo, body_hi, "[，,。]")
        if not all(b - a <= 24 for a, b in pieces):
            return []
    return [_item(doc, a, b) for a, b in pieces]


def _closing_start(doc: Document, lo: int, hi: int) -> int:
    pos = lo
    while pos < hi:
        stop = doc.norm.find("。", pos, hi)
        end = stop + 1 if stop != -1 else hi
        if CLOSING.match(doc.norm[pos:end].strip()):
            return pos
        pos = end
    return hi


def _repeated_leads(doc: Document, lo: int, hi: int) -> list[int]:
    """Sentences opening with the same words ("我们必须正视…"): their starts."""
    starts = [lo] + [lo + m.end() for m in re.finditer("。", doc.norm[lo:hi]) if lo + m.end() < hi]
    heads = [doc.norm[s:s + 4] for s in starts]
    common = [h for h in set(heads) if len(h) == 4 and heads.count(h) >= 2]
    return [s for s, h in zip(starts, heads) if h in common] if len(common) == 1 else []


def _split(doc: Document, lo: int, hi: int, pattern: str) -> list[tuple[int, int]]:
    """Pieces between the marks; a sentence keeps its full stop."""
    pieces, pos = [], lo
    for m in re.finditer(pattern, doc.norm[lo:hi] + "。"):
        end = min(lo + (m.end() if m.group() == "。" else m.start()), hi)
        if doc.norm[pos:end].strip("。 \u3000"):
            pieces.append((pos, end))
        pos = lo + m.end()
    return pieces


def _item(doc: Document, start: int, end: int) -> dict:
    while end > start and doc.text[end - 1] in " \n\t\u3000；;":
        end -= 1
    while start < end and doc.text[start] in " \n\t\u3000":
        start += 1
    return {"text": doc.text[start:end], "span": (start, end)}
