"""The words that name what a figure measures, and the indicator they point to.

"一般公共预算收入完成8.4亿元，增长11.2%" → 8.4亿元 measures 一般公共预算收入; the
11.2% that follows measures its growth.  The phrase is cut from the clause
before the figure: time words, verbs of completion and qualifiers are peeled
off.  A phrase that names a catalog indicator gives its id; any other phrase
gives an open id `x:<phrase>` so that the same wording groups across reports
without claiming a catalog meaning it may not have.
"""

from __future__ import annotations

import re

CLAUSE = re.compile(r"[。；;！？!?\n，,：:、（(）)]")
# quotes mark a name ("法律明白人"1862名), which is the measure, so they do not cut it; nor does a
# footnote mark ("专精特新"[4]中小企业)
QUOTES = re.compile(r"[“”\"‘’]|[\[［〔]\d{1,3}[\]］〕]")
LEADING = re.compile(
    r"^(?:其中|全年|今年|去年|上年|当年|本年度?|年内|一年来|同期|目前|截至目前|至目前|共|累计|总计|合计|全县|全区|全市|全省|全镇|全乡|"
    r"全街道|我县|我区|我市|我省|我镇|我乡|我局|县级|镇级|共有|现有|先后|分别|年均)+"
)
TRAILING = re.compile(
    r"(?:同比|比上年|较上年|比去年|较去年|年均|分别|共计|累计|总计|完成|实现|达到|达|(?<![行作成认以视])为|是|超过|超|突破|约|近|逾|将近|"
    r"增长|增加|提高|上升|提升|下降|减少|降低|回落|增|降|了|的|有|在|共|计|至|到|由|占|由原来|以上|左右|均|保持|稳定)+$"
)
VERB_HEAD = re.compile(r"^(?:完成|实施|开展|组织|举办|办理|受理|新建|建成|建设|新增|发放|培训|查处|处理|化解|调解|审查|制定|出具|接待|解决|引进|帮助|带动|创建|打造|改造|治理|推进|落实)")


# a figure ends a phrase's previous clause; "PM2.5" and "PM10" are names, not figures
FIGURE = re.compile(r"(?<![A-Za-z\d.])\d[\d.,]*\s*(?:%|‰|个百分点|[\u4e00-\u9fff]{0,3}?(?:元|个|家|人|次|项|件|亩|吨|公里|倍|户|名|座|条))?")
COMPARED = re.compile(
    r"(?:比|较|是|为|相当于|占|达到)?(?:(?:19|20)\d{2}年|十[一二三四五六]五|[一二三四五六]五)(?:底|末|期末|时期)?(?:的)?"
)


def measure_phrase(norm: str, start: int, limit: int = 24) -> str:
    """The measured words just before a figure.

    >>> measure_phrase("一般公共预算收入完成8.4亿元", 10)
    '一般公共预算收入'
    >>> measure_phrase("全年累计发放资料3000份", 8)
    '发放资料'
    >>> measure_phrase("增长11.2%", 2)
    ''
    >>> measure_phrase("森林覆盖率由“十二五”末的41.07%", 13)
    '森林覆盖率'
    >>> measure_phrase("均配置了一村一法律顾问，覆盖率达100%", 16)
    '一村一法律顾问覆盖率'
    >>> measure_phrase("培育农村“法律明白人”1862名", 11)
    '培育农村法律明白人'
    """
    window = QUOTES.sub("", FROM_WHEN.sub("", norm[max(0, start - limit):start]))
    cut = max((m.end() for m in CLAUSE.finditer(window)), default=0)
    if cut and window[cut - 1] == "\n" and not window[cut:].strip():  # a table cell per line: the row's name
        cut = max((m.end() for m in CLAUSE.finditer(window, 0, cut - 1)), default=0)
    phrase = _clean(COMPARED.sub("", window[cut:]).strip())
    if GENERIC.fullmatch(phrase) and cut > 0:  # "配置了一村一法律顾问，覆盖率达100%": whose coverage?
        wide = QUOTES.sub("", FROM_WHEN.sub("", norm[max(0, start - 3 * limit):start]))
        owner = owner_of(wide[:max(m.end() for m in CLAUSE.finditer(wide)) - 1])
        rate = RATE_END.search(owner)
        if rate:  # "办复率、满意率均达100%": the satisfaction rate of what the completion rate is of
            owner = owner[:rate.start()]
        if phrase in STOCK_WORDS:  # "新增…8家，总数达110家": the total is the stock itself
            phrase = ""
        phrase = (owner[-8:].lstrip("了的") + phrase) if owner else phrase
    return phrase[-12:]


def owner_of(before: str) -> str:
    """The measure a generic word belongs to: the words of the clause before it.

    "零售总额完成136.5亿元，增速11.5%": when that clause ends on a figure, the words before the figure.

    >>> owner_of("社会消费品零售总额完成136.5亿元")
    '社会消费品零售总额'
    """
    for _ in range(3):  # "地区生产总值完成36.59亿元，是2011年的1.42倍，年均增速…": back one more clause
        lead = max((m.end() for m in CLAUSE.finditer(before)), default=0)
        clause = COMPARED.sub("", before[lead:])
        owner = _clean(clause)
        figures = list(FIGURE.finditer(clause))
        if not owner and figures:
            owner = _clean(clause[:figures[-1].start()])
        if RATE_END.fullmatch(owner):  # "提案79件，办复率、满意率…": a rate alone names no owner
            owner = ""
        if owner or lead == 0:
            return owner
        before = before[:lead - 1]
    return ""


# "森林覆盖率由“十二五”末的41.07%": the starting point is not the measure
FROM_WHEN = re.compile(r"(?:由|从)[^，。；,;]{0,16}?的$")
# a rate or share that does not say of what
# and a total or growth rate that does not say of what: "签约项目42个、总投资203.5亿元", "净增22家，总数达100家"
GENERIC = re.compile(
    r"(?:覆盖|建成|完成|通过|合格|满意|达标|参考|办结|知晓|成功|到位|受理|化解|执行|使用|参保|普及|入园)率|覆盖面|比例|比重|占比|增速"
    r"|总投资|总数|总量|总规模|总里程|总面积"
)
RATE_END = re.compile(r"(?:[\u4e00-\u9fff]{2}率|比例|比重|占比)$")
STOCK_WORDS = {"总数", "总量"}


def _clean(phrase: str) -> str:
    last_figure = max((m.end() for m in FIGURE.finditer(phrase)), default=0)
    phrase = phrase[last_figure:]
    if phrase.startswith("的"):  # "投资20亿元的啤酒项目和投资65亿元": the noun is the earlier figure's
        phrase = re.split(r"[和及与]", phrase)[-1]
    phrase = phrase.lstrip("和及与、")
    for _ in range(3):
        phrase = TRAILING.sub("", LEADING.sub("", phrase)).strip()
    return phrase


def noun_after(norm: str, end: int) -> str:
    """The measured noun written after the figure: "155家涉VOCs企业" → 涉VOCs企业.

    >>> noun_after("辖区有11个行政村，", 6)
    '行政村'
    >>> noun_after("525个公共停车位", 4)
    '公共停车位'
    """
    m = re.match(r"[\u4e00-\u9fffA-Za-z]{1,8}", norm[end:end + 8])
    if not m:
        return ""
    words = re.split(r"(?:的|全部|均|已|实现|完成|达到|进行|开展|参加|(?<!公)共|，)", m.group())
    return words[0]


def split_urban_rural(phrase: str) -> tuple[str, str] | None:
    """"城乡居民人均可支配收入分别…" names two measures, urban then rural."""
    m = re.search(r"城乡(居民)?(.*)$", phrase)
    if not m:
        return None
    rest = (m.group(1) or "") + m.group(2)
    return "城镇" + rest, "农村" + rest


FLOW = re.compile(r"^(?:新增|新认定|认定|新注册|新登记|净增|新培育|新创建|新评|新获批|新获评|新引进|新建成|新建|新备案|新入库|入库)")


def flow_phrase(phrase: str) -> tuple[str, bool]:
    """"新增高新技术企业" → ("高新技术企业", True): this year's additions to a stock.

    >>> flow_phrase("新增高新技术企业")
    ('高新技术企业', True)
    """
    m = FLOW.match(phrase)
    # "新建和改建主干路": the second verb joins the first
    return (phrase[m.end():].lstrip("和及与、"), True) if m and m.end() < len(phrase) else (phrase, False)


GROWTH_WORD = re.compile(r"(?:年均)?(?:增速|增幅|增长率|增长速度)$")


def growth_phrase(phrase: str) -> tuple[str, bool]:
    """"地区生产总值实现增速" → ("地区生产总值", True): the growth rate of the measure named before.

    >>> growth_phrase("地区生产总值实现增速")
    ('地区生产总值', True)
    """
    m = GROWTH_WORD.search(phrase)
    core = _clean(phrase[:m.start()]) if m else ""
    return (core, True) if core else (phrase, False)


def bare_verb(phrase: str) -> bool:
    """A phrase that is only an action ("新建", "完成") names no measure: the noun after the figure does."""
    return bool(phrase) and (VERB_HEAD.sub("", phrase) == "" or FLOW.sub("", phrase) == "")


def open_id(phrase: str) -> str:
    """An id for a measure outside the catalog, named by its words (verbs of action dropped)."""
    core = VERB_HEAD.sub("", phrase) or phrase
    return f"x:{core}" if core else "unknown"
