"""Sections: the numbering hierarchy 一、 > （一） > 1、/1. > （1） > ①, with categories.

A paragraph that begins with a numbering marker opens a section; its rank in
the fixed hierarchy, not its order of appearance, decides nesting, so a list
"（一）…（三）" under "五、存在的问题" becomes that section's children.

>>> [(s.number, s.level, s.title) for s in find_sections("一、总体情况\\n正文。\\n（一）主动公开\\n正文\\n二、存在的问题\\n1. 人员不足。")]
[('一', 1, '总体情况'), ('一', 2, '主动公开'), ('二', 1, '存在的问题'), ('1', 2, '人员不足')]
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from extractor.understanding.numerals import chinese_to_number

CN = "一二三四五六七八九十百零〇"
MARKERS = [  # (rank, pattern); the number is group 1
    (1, re.compile(rf"^第([{CN}]+)(?:部分|章)[、，,：:\s]*")),
    (1, re.compile(rf"^([{CN}]+)\s*[、．.](?![{CN}]*[、．.季])\s*")),
    (2, re.compile(rf"^[（(]\s*([{CN}]+)\s*[）)][、．.]?\s*")),
    (3, re.compile(r"^(\d{1,2})\s*(?:[、．]|\.(?!\d))\s*")),
    (4, re.compile(r"^[（(]\s*(\d{1,2})\s*[）)][、．.]?\s*")),
    (5, re.compile(r"^([①-⑳])\s*")),
]
TITLE_END = re.compile(r"[。！？!?；;：:]")
# a subsection that is the list of problems itself, not a plan about a problem (“三农问题”)
LIST_OF_PROBLEMS = re.compile(r"存在的|主要问题|问题和不足|不足之处|困难和问题|问题及")
REVIEW = re.compile(r"回顾|成效|成绩|成就|完成情况|取得")
CATEGORY_WORDS = [
    ("problems", re.compile(r"^(?!加快|推进|补齐|着力|强化|加强|全面|持续|坚持|聚焦|破解|解决).*(?:问题|不足|困难|差距|短板|薄弱|挑战)")),
    ("plans", re.compile(r"打算|计划|安排|思路|下一步|展望|今后|努力方向|工作重点|目标任务|改进措施|改进情况|整改情况|工作要点|意见建议|规划纲要|五年规划|远景目标|主要目标|预期目标")),
    ("achievements", re.compile(r"回顾|成效|成绩|做法|完成情况|主要工作|工作情况|开展情况|总体情况|进展|成果|举措|措施")),
]


@dataclass
class FoundSection:
    number: str
    title: str
    level: int
    rank: float
    start: int
    end: int = -1
    parent: int | None = None
    category: str = "other"
    key: str = ""  # the title in the normalized view (简体), what categories are read from


def find_sections(norm: str, text: str | None = None, report_year: int | None = None,
                  work_report: bool = False) -> list[FoundSection]:
    """Sections of a text in document order, with levels, parents and spans."""
    text = text if text is not None else norm
    paragraphs = norm.split("\n")
    unnumbered = _unnumbered_headings(paragraphs)
    found: list[FoundSection] = []
    stack: list[int] = []
    offset = 0
    hits = [_heading(para, i in unnumbered) for i, para in enumerate(paragraphs)]
    # how often each (rank, number) opens a heading from here on: is an outer one still to come?
    ahead = Counter((hit[0], _value(hit[1])) for hit in hits if hit is not None)
    for i, para in enumerate(paragraphs):
        hit = hits[i]
        if hit is not None:
            rank, number, body_start = hit
            ahead[(rank, _value(number))] -= 1
            again = ahead[(rank, _value(number))] > 0
            rank = _nesting(found, stack, rank, number, paragraphs[i + 1:i + 2], again)
            line = text[offset + body_start: offset + len(para)]
            title = line.strip()[:60] if i in unnumbered else _title(line)  # a part's name is its whole line
            if title:
                while stack and found[stack[-1]].rank >= rank:
                    found[stack.pop()].end = offset - 1
                sec = FoundSection(number, title, len(stack) + 1, rank, offset,
                                   parent=stack[-1] if stack else None,
                                   key=_title(norm[offset + body_start: offset + len(para)]))
                found.append(sec)
                stack.append(len(found) - 1)
        offset += len(para) + 1
    for i in stack:
        found[i].end = len(norm)
    for sec in found:
        sec.category = _category(sec, found, report_year, work_report)
    _achievements_before_lists(found)
    return found


# unnumbered part headings of a work report: "2021年主要工作回顾", "今后五年工作思路和目标任务"
PART_HEADING = re.compile(r"工作回顾|目标任务|主要任务|工作任务|工作安排|工作重点|总体要求|自身建设|过去一年|过去五年|今后五年")
# "站在新起点：2012年工作回顾": a slogan, a colon, the part's name
SLOGAN_HEADING = re.compile(r"^([\u4e00-\u9fff]{3,6})[：:]([^。，；！？]{4,30})$")


def _unnumbered_headings(paragraphs: list[str]) -> set[int]:
    hits = {i for i, p in enumerate(paragraphs)
            if 4 <= len(p.strip()) <= 24 and PART_HEADING.search(p) and not re.search(r"[。，；：:！？、]", p)
            and _marker(p.strip()) is None}
    slogans = {i for i, p in enumerate(paragraphs) if SLOGAN_HEADING.match(p.strip()) and _marker(p.strip()) is None}
    if len({i for i in slogans if PART_HEADING.search(paragraphs[i])}) >= 2:
        hits |= slogans  # the parts all wear a slogan: the one without a part word is a part too
    return hits if len(hits) >= 2 else set()


def _value(number: str) -> int | None:
    if number and "①" <= number <= "⑳":
        return ord(number) - ord("①") + 1
    if re.fullmatch(r"[0-9]+", number):  # not str.isdigit: it takes ① for a digit
        return int(number)
    n = chinese_to_number(number)
    return int(n) if n is not None else None


def _nesting(found: list[FoundSection], stack: list[int], rank: float, number: str, following: list[str],
             again: bool = False) -> float:
    """A list that starts again at 一 inside a section of the same numbering nests under it.

    "三、收到和处理申请情况" then a table's "一、本年新收…", "二、…": those are items of 三, and
    the next "四、" goes back to the outer list — unless the nested list also reaches 四 and
    the line looks like a table row (a bare figure follows it) or the outer 四 is still to come
    (`again`). A number that does not move the outer list on ("三、本年度办理结果" inside 三,
    its table's 一、二、 being rows) is an item of it too.
    """
    value = _value(number)
    open_same = [found[j] for j in stack if int(found[j].rank) == int(rank)]
    if value is None or not open_same or rank == 0:
        return rank
    outer = open_same[0]
    inner = open_same[-1] if len(open_same) > 1 or open_same[-1].rank != rank else None
    outer_value = _value(outer.number) or 0
    if inner is None and outer_value >= 1 and (value == 1 or value <= outer_value):
        return rank + 0.5
    if inner is not None and value == (_value(inner.number) or 0) + 1:
        cell_follows = bool(following) and re.fullmatch(r"\s*[\d,，.]+\s*", following[0] or "") is not None
        if value != outer_value + 1 or cell_follows or again:
            return inner.rank
    return rank


def _heading(para: str, unnumbered: bool) -> tuple[float, str, int] | None:
    """(rank, number, where the title starts) of a paragraph that opens a section."""
    if "|" in para:  # a flattened table row is no heading
        return None
    lead = len(para) - len(para.lstrip("# \t\u3000"))  # markdown marks and indentation
    hit = (0.0, "", 0) if unnumbered else _marker(para[lead:])
    return (hit[0], hit[1], hit[2] + lead) if hit is not None else None


def _achievements_before_lists(found: list[FoundSection]) -> None:
    """Untitled-by-category top sections before the problems or plans are the report's achievements."""
    firsts = [i for i, s in enumerate(found) if s.level == 1 and s.category in ("problems", "plans")]
    if not firsts:
        return
    for sec in found[: firsts[0]]:
        if sec.category == "other" and (sec.level == 1 or found[sec.parent].category == "achievements"):
            sec.category = "achievements"


def _marker(para: str) -> tuple[int, str, int] | None:
    for rank, pattern in MARKERS:
        m = pattern.match(para)
        if m and m.end() < len(para):
            return rank, m.group(1), m.end()
    return None


def _title(body: str) -> str:
    """A heading's title: the words up to the first sentence stop."""
    m = TITLE_END.search(body)
    title = body[: m.start()] if m else body
    return title.strip()[:60] if len(title.strip()) >= 2 else ""


def _category(sec: FoundSection, found: list[FoundSection], report_year: int | None,
              work_report: bool = False) -> str:
    title = sec.key or sec.title
    parent = found[sec.parent].category if sec.parent is not None else None
    if parent in ("problems", "plans"):  # a subsection keeps its list's category unless it names the other list
        if parent == "plans" and LIST_OF_PROBLEMS.search(title):
            return "problems"
        if parent == "problems" and CATEGORY_WORDS[1][1].search(title):
            return "plans"
        return parent
    if parent == "achievements":  # "抓精准、补短板，脱贫攻坚扎实推进" is work done, not a list of problems
        return ("problems" if LIST_OF_PROBLEMS.search(title)
                else "plans" if CATEGORY_WORDS[1][1].search(title) else "achievements")
    if REVIEW.search(title):
        return "achievements"
    year = re.search(r"(20\d{2}|19\d{2})年", title)
    if year and report_year and sec.level == 1 and not CATEGORY_WORDS[0][1].search(title):
        ahead = int(year.group(1)) >= report_year if work_report else int(year.group(1)) > report_year
        if ahead:
            return "plans"
    for name, pattern in CATEGORY_WORDS:
        if pattern.search(title):
            return name
    if sec.parent is not None:
        return found[sec.parent].category
    return "other"
