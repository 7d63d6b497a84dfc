"""Facts: the figures a report claims as results, each grounded in the text.

Every figure with a measure word is a candidate (`quantities`).  Rules reject
what is certainly not a fact — titles in 《》, slogans in quotes, ranks, set
terms, dates, phone numbers, page furniture, targets — and a scikit-learn
classifier, when one is trained, decides the rest and gives its confidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractor.understanding.indicators import (
    COMPATIBLE,
    catalog_indicator,
    context_before,
    ids,
    loose_indicator,
    unit_family,
)
from extractor.understanding.measures import (
    COMPARED,
    bare_verb,
    flow_phrase,
    growth_phrase,
    measure_phrase,
    noun_after,
    open_id,
    owner_of,
    split_urban_rural,
)
from extractor.understanding.quantities import Quantity, find_quantities

# "以下三个方面的问题", "五方面重点工作": the report counting its own list items
OWN_LIST = re.compile(r"(?:方面|层面|环节|部分|点|大类)(?:的|重点|主要|工作|问题|内容|措施|成效|举措|[：:，,])")
OWN_LIST_UNIT = re.compile(r"[一二两三四五六七八九十]+(?:个)?方面")
# "10亿元以上重大产业项目", "千万元以上企业": a class of projects, not an amount
THRESHOLD_CLASS = re.compile(r"(?:的)?[\u4e00-\u9fff]{0,4}?(?:项目|企业|工业|工程|产业|规模|重大|大项目|客商|纳税人|人口|老人)")
SENTENCE_BREAK = re.compile(r"[。；;！？!?\n]")
CLAUSE_BREAK = re.compile(r"[。；;！？!?\n，,：:]")
RANK_BEFORE = re.compile(r"(第|排名|排第|位列|位居|列第|前|后|居|名列|第[一二三四五六七八九十]+批)$")
SET_TERMS = re.compile(
    r"三次产业|[一二两三四五六七八九十]个(?:意识|自信|维护|确立|全面|代表|务必|坚持|统筹|必须|走在前|一|责任|机制|基本点|毫不动摇|中心|面向|有利于|支撑|融合)"
    r"|一岗双责|三重一大|五位一体|两学一做|三会一课|六稳|六保|[一二两三四五六七八九十]+张清单|两新|两重|八项规定"
)
# targets and norms: 力争达到90%, 不得少于两人
TARGET = re.compile(
    r"力争|预期|目标|计划|争取(?!资金|债券|到|上级|中央|省|国家|项目|专项|政策)|确保|拟|预计到|到20\d\d年|将达到|要达到|不得|应当|必须|须|要求"
)
ACHIEVED = re.compile(r"完成|实现了|达到了|已|累计|共计|全年|超额")
PAST = re.compile(r"已经|已|去年|上年|过去|累计|实现了|完成了|达到了")
# a Chinese numeral with these units names a thing, not a count: 二期工程, 十分重要
CHINESE_NAME_UNITS = {"期", "分", "方", "届", "首"}
INCREASE = "增长|增加|提高|上升|提升|增|涨|扩大|多|高出|净增|新增加"
DECREASE = "下降|减少|降低|回落|缩小|降|减|压减|压缩|下滑|收窄|减轻"
CHANGE = re.compile(
    rf"(?P<inc>{INCREASE})|(?P<dec>{DECREASE})"
)
# "增长7.5%" is a change; "提高到49.18%" (up to) is the level reached
CHANGE_TAIL = re.compile(rf"(?:(?P<inc>{INCREASE})|(?P<dec>{DECREASE}))(?:了|达)?(?:分别)?(?:为|达)?$")
LIST_OF_FIGURES = re.compile(r"(?:[-+]?\d[\d.,]*(?:%|个百分点|倍|[万亿]?[\u4e00-\u9fff]{1,2})?\s*[、和及与]\s*)+$")
FURNITURE_PARAGRAPH = re.compile(
    r"^(?:索引号|发布机构|发布时间|发文时间|发布日期|浏览次数|浏览量|阅读|点击|来源|时间|作者|评论|字号|分享|"
    r"信息来源|责任编辑|联系电话|电话|传真|邮编|地址|来源URL|文号)\s*[:：|]"
)
PHONE = re.compile(r"(?:\d{3,4}[-－—]\d{7,8}|1[3-9]\d{9}|\d{5,}(?=热线))")


@dataclass
class Candidate:
    quantity: Quantity
    start: int
    end: int
    change: str | None = None
    indicator: str = "unknown"
    reject: str | None = None  # why a rule rules it out
    features: dict = field(default_factory=dict)


def candidates(norm: str, section_category: callable) -> list[Candidate]:
    """Every figure with its rule verdict, change direction and indicator."""
    skip = _furniture_spans(norm)
    phones = [(m.start(), m.end()) for m in PHONE.finditer(norm)]
    out = []
    previous: Candidate | None = None
    for q in find_quantities(norm):
        c = Candidate(q, q.start, q.end)
        c.change = _change(norm, q)
        c.reject = _rule_out(norm, q, skip, phones, section_category(q.start))
        _assign_indicator(norm, c, previous)
        twin = _shared_figure_twin(norm, c)
        if twin is not None:  # "办复率、满意率均达100%": the measure named first comes first
            out.append(twin)
        out.append(c)
        previous = c
    return out


SHARED_FIGURE = re.compile(
    r"([\u4e00-\u9fff]{2,10}?)(?:和|、|及|与)([\u4e00-\u9fff]{2,10}?)(?:均|都)(?:达到|达|为|是|保持)?$"
    # two rates and one figure, even without 均: "卫生厕所普及率和生活污水治理率达97%"
    r"|([\u4e00-\u9fff]{2,10}?率)(?:和|、|及|与)([\u4e00-\u9fff]{2,10}?率)(?:达到|达|为|保持在|保持|稳定在)$"
)


def _shared_figure_twin(norm: str, c: Candidate) -> Candidate | None:
    """"回复率和满意度均达100%": one figure, two measures — a second fact for the first measure."""
    m = SHARED_FIGURE.search(context_before(norm, c.start, 30))
    if not m:
        return None
    twin = Candidate(c.quantity, c.start, c.end, change=c.change, reject=c.reject)
    first = m.group(1) or m.group(3)
    phrase = measure_phrase(first + "X", len(first))
    twin.features["phrase"] = phrase
    found = catalog_indicator(phrase, c.quantity.unit)
    twin.indicator = found or open_id(phrase)
    return twin


def _assign_indicator(norm: str, c: Candidate, previous: Candidate | None) -> None:
    """Catalog id from the measured words; a figure in a list inherits the measure of the one before it."""
    phrase = measure_phrase(norm, c.start)
    # "总投资168.2亿元的44个项目": a figure after "的" counts something else, not the same measure again
    # nor after a figure whose measure was named after it: "1家高新技术企业通过公示，51家科技型中小企业"
    # nor from a figure of another kind: "投资17.19亿元完成了533.5公里通村公路"
    in_list = (previous is not None and c.start - previous.end <= 14
               and not SENTENCE_BREAK.search(norm, previous.end, c.start)
               and "的" not in COMPARED.sub("", norm[previous.end:c.start])  # "…增长13%，是2006年的2.2倍" is a list
               and not previous.features.get("named_after")
               and not _new_kind(norm, previous, c))
    order = 0
    if not phrase and in_list:
        phrase = previous.features.get("phrase", "")
        between = norm[previous.end:c.start]
        # "分别达到24302元和9194元，分别增长8.8%和10%": a new verb starts the list again
        order = 0 if re.search(r"分别|增长|下降|提高|增加|达到|为", between) else previous.features.get("order", 0) + 1
    # "新建13所农村寄宿制学校"; "建成新职中一期、博文中学等4所学校": examples named before, the class after
    if not phrase or bare_verb(phrase) or (phrase.endswith("等") and noun_after(norm, c.end)):
        phrase = "" if phrase.endswith("等") else phrase
        after = noun_after(norm, c.end)
        phrase = phrase + after
        c.features["named_after"] = bool(after)
    phrase = _respectively(norm, c.start) or phrase
    c.features["phrase"], c.features["order"] = phrase, order
    sent_start = _after_last(SENTENCE_BREAK, norm, c.start, 80, floor=0)
    pair = split_urban_rural(phrase) if "分别" in norm[sent_start:c.start] or order else None
    if pair:
        phrase = pair[min(order, 1)]
    core, flow = flow_phrase(phrase)
    core, growth = growth_phrase(core)
    # "新增科技型中小企业60家、高新技术企业11家": the list shares its verb
    if not flow and in_list and previous.features.get("flow") and re.fullmatch(r"[、和及与，,][^，。；、]*", norm[previous.end:c.start - len(phrase)] or "、"):
        flow = True
    c.features["flow"] = flow
    if flow and c.start > 0 and re.search(r"累计|总数|总量|共有|总计", norm[max(0, c.start - 8):c.start]):
        flow = False  # "新建…8.9万亩、累计达到120.5万亩": the running total is the stock
    variant = "growth" if growth and c.quantity.unit in ("%", "个百分点") else _variant(c, flow)
    # "高新技术企业总数达到41家" is the stock of 高新技术企业 (but 经济总量 is not 经济)
    stock = re.sub(r"(?<=..)(?:总数|总量)$", "", core)
    found = (stock != core and catalog_indicator(stock, c.quantity.unit, variant)
             or catalog_indicator(core, c.quantity.unit, variant) or _investment(norm, c, core, variant)
             or loose_indicator(core, c.quantity.unit, variant))
    if found is None and phrase:
        after = noun_after(norm, c.end) if len(open_id(phrase)) <= 4 else ""  # "x:全镇", "x:投资"
        # "投资1.25亿元新改扩建农村公路": a bare "投资" is named by what follows the figure
        named = f"{phrase}…{after}" if after else phrase
        found = open_id(named) + {"growth": "/增速", "increase": "/增量"}.get(variant or "", "")
    c.indicator = _by_convention(norm, c, core, found) or _unnamed(norm, c)


# corpus/CONVENTIONS.md: plain 财政收入 is the total when the report gives the budget revenue as
# its part; one figure for 建议 and 提案 together is their sum
BUDGET_REVENUE = re.compile(r"(?:一般公共预算|公共财政预算|地方一般预算|一般预算|地方财政一般预算|公共预算)收入")
PLAIN_REVENUE = re.compile(r"(?<![预算共般方])财政(?:总)?收入$")
BOTH_MOTIONS = re.compile(r"建议[、和及与](?:[区县市]?政协)?(?:委员)?提案(?:共|全部)?$")


def _by_convention(norm: str, c: Candidate, core: str, found: str | None) -> str | None:
    if found and found.startswith("fiscal_revenue") and PLAIN_REVENUE.search(core):
        # the sentence and the one after: "财政收入由5亿元增长到8.2亿元；一般公共预算收入由3.2亿元…"
        lo, hi = evidence_span(norm, c.start, c.end)
        sentence = norm[lo:hi + 40]
        if BUDGET_REVENUE.search(sentence):
            return "total_" + found if "total_" + found in ids() else found
    if found == "cppcc_proposals" and BOTH_MOTIONS.search(context_before(norm, c.start, 30)):
        return "deputy_suggestions_and_proposals"
    return found


BARE_INVESTMENT = re.compile(r"(?:累计|完成了?|直接|政府|共|总|了)?投资")
# "投资3亿元的…项目", "投资6.4亿元7.4公里的“大北环”"
SIZE_OF = re.compile(r"(?:[\d.,]+[\u4e00-\u9fff]{1,3})?的")


def _investment(norm: str, c: Candidate, core: str, variant: str | None) -> str | None:
    """A bare "投资X元" is a project's size when it qualifies a noun (投资3亿元的…项目), else money spent;
    "投入X元" is money spent on building ("投入3145万元，新建…") but a fund for any other purpose."""
    if variant or c.quantity.unit != "元":
        return None
    if BARE_SPENDING.fullmatch(core):
        return "project_investment" if BUILDING.match(norm, c.end) else None
    if not BARE_INVESTMENT.fullmatch(core):
        return None
    return "project_total_investment" if SIZE_OF.match(norm, c.end) else "project_investment"


BARE_SPENDING = re.compile(r"(?:累计|共|总)?投入(?:资金)?")
BUILDING = re.compile(r"[，,]?(?:用于)?(?:新建|新改建|改扩建|建设|建成|修建|改造|硬化|铺设|完成)")


WORDS_AFTER = re.compile(r"(?:[\d.,]+[\u4e00-\u9fff]{0,2}?[人户个名家元])*([\u4e00-\u9fff“”\"]{2,8})")


def _unnamed(norm: str, c: Candidate) -> str:
    """An open id from the words after a figure no measure names ("906户1559人实现稳定脱贫"),
    so that unnamed figures are not all lumped under one "unknown"."""
    m = WORDS_AFTER.match(norm, c.end)
    words = re.sub(r"[“”\"]", "", m.group(1)) if m else ""
    return f"x:…{words}" if len(words) >= 2 else "unknown"


RESPECTIVE_VERB = re.compile(r"增长|下降|提高|增加|达到|完成|降低|减少|为|是|占")


def _new_kind(norm: str, previous: Candidate, c: Candidate) -> bool:
    """"投资17.19亿元完成了533.5公里通村公路": after a verb, a figure of another kind measures something else.

    A bare list ("洁净煤8万户、11万吨") and a rate beside a level ("增长116.2%、达到23.2万亿元") do not.
    """
    a, b = unit_family(previous.quantity.unit), unit_family(c.quantity.unit)
    if a == b or b in COMPATIBLE.get(a, ()) or "rate" in (a, b) or c.change is not None or c.quantity.unit == "倍":
        return False
    return not re.fullmatch(r"[、，,和及与\s]*", norm[previous.end:c.start])


def _respectively(norm: str, start: int) -> str | None:
    """"城镇居民人均可支配收入、农民人均纯收入分别达到20543元和8081元": the k-th figure, the k-th subject."""
    sent_start = _after_last(SENTENCE_BREAK, norm, start, 120)
    at = norm.rfind("分别", sent_start, start)
    if at == -1 or (CLAUSE_BREAK.search(norm, at, start) and measure_phrase(norm, start)):
        return None  # "…分别达到3.4万元、1.7万元，一般公共预算收入达到280.7亿元": a new clause names its own
    listed = _list_length(norm, at)
    breaks = [m.end() for m in CLAUSE_BREAK.finditer(norm, sent_start, at)]
    subject_start = breaks[-1] if breaks else sent_start
    subject = SINCE.sub("", COMPARED.sub("", norm[subject_start:at]))  # "，同比分别增长…" has no subject of its own
    if breaks and not subject and "分别" in norm[sent_start:subject_start]:
        return _same_subjects(norm, sent_start, subject_start, _list_position(norm[at + 2:start]))
    if len(subject) <= 1 and len(breaks) >= 1:  # "A、B实现双下降，分别下降…": the subject is the clause before
        subject_start = breaks[-2] if len(breaks) >= 2 else sent_start
        at = breaks[-1] - 1
    items = [x for x in re.split(r"[、和及与]", norm[subject_start:at]) if x]
    # "城镇居民…13555元，农民人均纯收入4677元，分别增长10.1%和8%": the subjects are the figures' measures
    if len(items) < 2 and re.search(rf"(?:{MEASURED_FIGURE.pattern})$", norm[subject_start:at]):
        items = _measures_before(norm, sent_start, at, listed)
    if len(items) < 2:
        return None
    for j, item in enumerate(items[:-1]):  # "城镇、农村居民…收入": the short ones share the last one's noun
        if len(item) <= 3 and len(items[-1]) > len(item):
            items[j] = item + items[-1][len(item):]
    k = _list_position(norm[at + 2:start])
    if k >= len(items):
        return None
    # "城镇居民人均可支配收入达15390元、…，分别是2006年的2倍": an item may end on its own figure
    return measure_phrase(items[k] + "1", len(items[k])) or owner_of(items[k]) or None


SINCE = re.compile(r"同比|比上年|较上年|比去年|较去年|与上年相比|可比")


def _list_position(after: str) -> int:
    """Which figure of the list after "分别" this is: "增长8.8%和" → 1."""
    verbs = list(RESPECTIVE_VERB.finditer(after))
    counted = after[verbs[-1].end():] if verbs else after
    return len(re.findall(r"\d[\d.,]*\s*(?:%|‰|个百分点|[\u4e00-\u9fff]{1,3})?\s*[、和及与]", counted))


def _same_subjects(norm: str, sent_start: int, clause_start: int, k: int) -> str | None:
    """"…分别达60家、25家、10家，比2006年分别增加13家、14家、6家": the k-th subject of the list before."""
    before = norm.rfind("分别", sent_start, clause_start)
    figures = [m.start() for m in MEASURED_FIGURE.finditer(norm, before, clause_start)]
    return _respectively(norm, figures[k]) if k < len(figures) else None


MEASURED_FIGURE = re.compile(r"(?<![A-Za-z\d.])\d[\d.,]*\s*(?:%|‰|个百分点|[万亿]?(?:元|个|家|人|户|名|吨|亩|公里|件|项))")


def _measures_before(norm: str, lo: int, hi: int, n: int) -> list[str]:
    """The measures of the last `n` figures between `lo` and `hi`, when there are that many."""
    phrases = [measure_phrase(norm, m.start()) for m in MEASURED_FIGURE.finditer(norm, lo, hi)]
    phrases = [p for p in phrases if p]
    return phrases[-n:] if n >= 2 and len(phrases) >= n else []


def _list_length(norm: str, at: int) -> int:
    """How many figures the list after "分别…" gives: "分别增长10.1%和8%" → 2."""
    end = CLAUSE_BREAK.search(norm, at)
    return len(re.findall(r"\d[\d.,]*", COMPARED.sub("", norm[at:end.start() if end else len(norm)])))


def _variant(c: Candidate, flow: bool) -> str | None:
    """growth: 增长7.5%; increase: 新增…, 比上年增加1200万元, 提高2.3个百分点; else the level."""
    # "增长7.5%", "增长1.3倍", "是2007年的3.3倍": a multiple says how much the measure grew
    if (c.change is not None and c.quantity.unit == "%") or c.quantity.unit == "倍":
        return "growth"
    if flow or c.change is not None:
        return "increase"
    return None


def _rule_out(norm: str, q: Quantity, skip: list[tuple[int, int]], phones, category: str) -> str | None:
    s, e = q.start, q.end
    if any(a <= s < b for a, b in skip):
        return "page_furniture"
    if any(a <= s < b for a, b in phones):
        return "phone_number"
    line_start = norm.rfind("\n", 0, s) + 1
    before = norm[line_start:s]
    if before.count("《") > before.count("》"):
        return "title_of_law_or_plan"
    if _in_short_quote(norm, s, e):
        return "slogan_or_set_term"
    if RANK_BEFORE.search(before[-3:]):
        return "rank_or_ordinal"
    if q.chinese and q.value == 1 and q.value_max is None:
        return "set_phrase_with_one"
    if q.chinese and (re.match(r"[一二两三四五六七八九十百]", norm[e:e + 1]) or q.unit in CHINESE_NAME_UNITS):
        return "slogan_or_set_term"
    if SET_TERMS.search(norm[max(0, s - 2):e + 4]):
        return "slogan_or_set_term"
    if OWN_LIST.match(norm, e) or OWN_LIST_UNIT.match(norm, s):
        return "count_of_own_list"
    if q.raw.endswith(("以上", "以下")) and THRESHOLD_CLASS.match(norm, e):
        return "threshold_of_a_class"
    if _is_target(norm, s, category):
        return "target_not_result"
    return None


def _in_short_quote(norm: str, s: int, e: int) -> bool:
    for left, right in (("“", "”"), ("「", "」"), ('"', '"'), ("‘", "’")):
        i = norm.rfind(left, max(0, s - 12), s)
        if i == -1 or norm.find(right, i + 1, s) != -1:
            continue
        j = norm.find(right, e, e + 12)
        if j != -1 and j - i <= 14:
            return True
    return False


def _is_target(norm: str, s: int, category: str) -> bool:
    """A norm or target, not a result: 力争达到90%, figures in the plans of next year."""
    clause_start = _after_last(CLAUSE_BREAK, norm, s, 40)
    clause = norm[clause_start:s]
    if TARGET.search(clause) and not ACHIEVED.search(clause):
        return True
    sent_start = _after_last(SENTENCE_BREAK, norm, s, 80)
    return category == "plans" and not PAST.search(norm[sent_start:s])


def _change(norm: str, q: Quantity) -> str | None:
    before = context_before(norm, q.start, 24)
    before = LIST_OF_FIGURES.sub("", before)
    before = re.sub(r"(同比|比上年|较上年|比去年|较去年|年均|分别|平均|了|约|近|达到|达)+$", "", before)
    m = CHANGE_TAIL.search(before)
    direction = None
    if m:
        direction = "increase" if m.group("inc") else "decrease"
    if q.negative:
        direction = "decrease" if direction != "decrease" else "increase"
    return direction


def _furniture_spans(norm: str) -> list[tuple[int, int]]:
    """Paragraphs of web-page furniture: banners, view counts, a site's teaser of the text."""
    spans, offset = [], 0
    teaser = False
    for para in norm.split("\n"):
        p = para.strip()
        if FURNITURE_PARAGRAPH.match(p) or teaser and p.endswith(("......", "……", "…")) or re.fullmatch(r"\d+", p):
            spans.append((offset, offset + len(para)))
        teaser = p.startswith("内容摘要") and len(p) < 8 or teaser and not p
        if p.startswith("内容摘要") and len(p) >= 8:
            spans.append((offset, offset + len(para)))
        offset += len(para) + 1
    return spans


def _after_last(pattern: re.Pattern, norm: str, pos: int, reach: int, floor: int | None = None) -> int:
    """Where the sentence or clause holding `pos` starts: after the last break within `reach`
    characters before it; without one, `reach` characters back (or `floor`)."""
    lo = max(0, pos - reach)
    return max((m.end() for m in pattern.finditer(norm, lo, pos)), default=lo if floor is None else floor)


def evidence_span(norm: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around a figure (at most ~120 characters of it)."""
    lo = _after_last(SENTENCE_BREAK, norm, start, 100)
    m = SENTENCE_BREAK.search(norm, end, end + 100)
    hi = m.end() if m and norm[m.start()] != "\n" else (m.start() if m else min(len(norm), end + 100))
    return lo, hi
