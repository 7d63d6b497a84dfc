"""Figures in Chinese text: number, multiplier, unit and qualifier, with the raw string.

One job, done like price-parser: `Quantity.fromstring` parses the first figure
of a string, `find_quantities` every figure of a text.  Input is the parsing
view (`normalize`), so offsets index the original text as well.

>>> Quantity.fromstring("罚没款12.5万元").value, Quantity.fromstring("罚没款12.5万元").unit
(125000.0, '元')
>>> q = Quantity.fromstring("受教育的学生约860余人")
>>> q.value, q.unit, q.qualifier, q.raw
(860.0, '人', 'approx', '约860余人')
>>> q = Quantity.fromstring("全年集体学法在两次以上")
>>> q.value, q.unit, q.qualifier
(2.0, '次', 'more_than')
>>> [(q.value, q.unit) for q in find_quantities("三千余份，十余场，百分之九十五，1,236件")]
[(3000.0, '份'), (10.0, '场'), (95.0, '%'), (1236.0, '件')]
>>> q = Quantity.fromstring("开展3至5次")
>>> q.value, q.value_max, q.qualifier
(3.0, 5.0, 'range')
>>> q = Quantity.fromstring("下降0.3个百分点")
>>> q.value, q.unit
(0.3, '个百分点')
>>> Quantity.fromstring("增长-6.2%").negative
True
>>> Quantity.fromstring("2021年4月15日") is None
True
>>> [Quantity.fromstring(s).value for s in ("突破9千亿元", "3千余万元", "5000余万元")]
[900000000000.0, 30000000.0, 50000000.0]
>>> q = Quantity.fromstring("每户补助3至5万元")
>>> q.value, q.value_max, q.unit
(30000.0, 50000.0, '元')
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from extractor.understanding.numerals import chinese_to_number

UNITS = sorted(
    """
    个百分点 百分点 % ‰ 人次 户次 家次 批次 场次 件次 车次 架次 班次 课次 台次 组次 艘次 人日
    元 美元 欧元 平方公里 平方千米 平方米 立方米 公顷 亩 公里 千米 延米 米 吨 公斤 千克 斤 千瓦时
    千瓦 兆瓦 标准箱 标箱 微克/立方米 个工作日 工作日 小时 分钟 天 个月 岁 倍 课时 学时 人 名 位
    户 家 个 件 次 场 份 项 条 处 台 辆 期 篇 批 宗 起 例
    所 座 栋 幢 套 间 张 本 册 块 支 队 组 村 镇 乡 社区 部
    种 类 棵 株 头 只 口 眼 床 轮 单 笔 封 段 把 副 节 分
    首 方 平米 立方 万方 枚 卷 剂次 剂 列 支队 人份 大类 对 微克每立方米 成
    """.split(),
    key=len,
    reverse=True,
)
# a unit character that begins a longer ordinary word is not a unit: 期间, 个人, 次日, 分别
NOT_UNIT_AFTER = {
    "期": "间限末初待望货盼", "次": "日年月数性", "分": "别析类配布工钟享批", "个": "人性体别案",
    "件": "事", "项": "目", "部": "门署分", "天": "然气津", "倍": "增", "名": "称单义", "条": "件例款",
    "届": "时", "户": "籍口外", "家": "庭乡", "村": "民庄级委", "所": "有属以在谓", "起": "来草步点",
    "处": "理置罚置于", "台": "账湾", "只": "是有要", "头": "部", "口": "岸", "张": "家",
    "米": "粮", "间": "接断", "首": "位批先次", "成": "员立功果本效为交绩熟型都长",
}
ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
CHINESE = r"[零〇一二两三四五六七八九十百千万亿]+(?:点[零〇一二三四五六七八九]+)?"
MULT = r"万亿|千万|百万|亿|万|千(?![米瓦克伏帕])"
PREFIX = {
    "approx": "大约|(?<![民公条契节预签合制规相婚])约|将近|接近|(?<![最附邻接])近|大概",
    "more_than": "超过|超|逾|突破|高于|(?<![通经度透不])过",
    "at_least": "不少于|不低于|至少|最少",
    "less_than": "不足|不到|少于|低于|未满",
    "at_most": "不超过|最多|至多",
}
SUFFIX = {"more_than": "以上|之多|余|多|逾", "approx": "左右|上下|许|来", "at_most": "以下|以内|之内"}
MULTIPLIERS = {"万亿": 10**12, "千万": 10**7, "百万": 10**6, "亿": 10**8, "万": 10**4, "千": 10**3}

_prefix = "|".join(v for v in PREFIX.values())
_mid = "余|多|来|几"
_unit = "|".join(re.escape(u) for u in UNITS)
_post = "|".join(SUFFIX.values())
PATTERN = re.compile(
    rf"(?P<prefix>{_prefix})?"
    rf"(?P<sign>[-+](?=\d))?"
    rf"(?:(?P<pct>百分之)(?P<pnum>{ARABIC}|{CHINESE})"
    rf"|(?P<num>{ARABIC}|{CHINESE})(?P<mult1>{MULT})?(?P<mid>{_mid})?(?P<mult2>{MULT})?"
    rf"(?:(?P<unit1>{_unit})?(?P<dash>至|到|~|-|—|–)(?P<num2>{ARABIC}|{CHINESE})(?P<mult3>{MULT})?(?P<mid2>{_mid})?)?"
    rf"(?P<unit>{_unit}))"
    rf"(?P<post>{_post})?"
)
LEFT_BOUNDARY = re.compile(r"[A-Za-z0-9.]$")


@dataclass(frozen=True)
class Quantity:
    """A figure as written: `raw` keeps the verbatim string, offsets index the source."""

    value: float
    unit: str
    qualifier: str
    raw: str
    start: int
    end: int
    value_max: float | None = None
    negative: bool = False
    chinese: bool = False  # written in Chinese numerals

    @classmethod
    def fromstring(cls, text: str) -> Quantity | None:
        """The first figure in `text`, or None."""
        return next(find_quantities(text), None)


PEOPLE = re.compile(
    rf"(?P<num>{ARABIC}|{CHINESE})(?P<mult>万|亿)(?P<mid>余|多)?(?=(?:城乡|农村|贫困|困难|建档立卡)?(?:群众|人口|居民|农民|职工|学生|儿童|老人|患者|妇女|劳动力)[^\u4e00-\u9fff]?)"
)
# bare numbers in a list that shares the measure word of its last member: "26.2和17.5个百分点"
SHARED_UNIT = re.compile(rf"(?P<nums>(?:{ARABIC})(?:[、和及与](?:{ARABIC}))*)[、和及与](?P<last>{ARABIC})(?P<unit>{_unit})")


# a growth rate whose % was lost on the way ("增长7.5，"): the verb says it is a percentage
LOST_PERCENT = re.compile(r"(?<=增长|下降|增速|回落|增幅|降幅)(?P<sign>-)?(?P<num>\d{1,3}(?:\.\d+)?)(?=[，,。；;、）)]|$)")


def find_quantities(norm: str) -> Iterator[Quantity]:
    """Every figure with a measure word in the parsing view `norm`, left to right.

    >>> [(q.value, q.unit, q.raw) for q in find_quantities("增长7.5，高于全省26.2和17.5个百分点")]
    [(7.5, '%', '7.5'), (26.2, '个百分点', '26.2'), (17.5, '个百分点', '17.5个百分点')]
    """
    found = {q.start: q for q in _pattern_quantities(norm)}
    for m in LOST_PERCENT.finditer(norm):
        start = m.start("sign") if m.group("sign") else m.start("num")
        found.setdefault(start, Quantity(value=float(Decimal(m.group("num"))), unit="%", qualifier="exact",
                                         raw=m.group(), start=start, end=m.end(), negative=bool(m.group("sign"))))
    for q in _shared_unit_quantities(norm):
        found.setdefault(q.start, q)
    for q in _people_quantities(norm):
        if not any(o.start <= q.start < o.end for o in found.values()):
            found[q.start] = q
    yield from (found[k] for k in sorted(found))


def _pattern_quantities(norm: str) -> Iterator[Quantity]:
    pos = 0
    while True:
        m = PATTERN.search(norm, pos)
        if m is None:
            return
        q = _build(m, norm)
        if q is None:
            pos = m.start() + 1
            continue
        yield q
        pos = m.end()


def _shared_unit_quantities(norm: str) -> Iterator[Quantity]:
    for m in SHARED_UNIT.finditer(norm):
        if LEFT_BOUNDARY.search(norm[:m.start()]):
            continue
        unit = "%" if m.group("unit") == "%" else ("个百分点" if m.group("unit") == "百分点" else m.group("unit"))
        pos = m.start()
        for num in re.split(r"[、和及与]", m.group("nums")):
            yield Quantity(value=float(Decimal(num.replace(",", ""))), unit=unit, qualifier="exact", raw=num,
                           start=pos, end=pos + len(num))
            pos += len(num) + 1


def _people_quantities(norm: str) -> Iterator[Quantity]:
    for m in PEOPLE.finditer(norm):
        value = _number(m.group("num"))
        if value is None or LEFT_BOUNDARY.search(norm[:m.start()]):
            continue
        yield Quantity(value=float(value * MULTIPLIERS[m.group("mult")]), unit="人",
                       qualifier="more_than" if m.group("mid") else "exact", raw=m.group(), start=m.start(),
                       end=m.end(), chinese=not m.group("num")[0].isdigit())


def _build(m: re.Match, norm: str) -> Quantity | None:
    num_start = m.start("pnum") if m.group("pct") else m.start("num")
    if m.group("sign"):
        num_start = m.start("sign")
    if m.group("pct"):
        num_start = m.start("pct")
    if LEFT_BOUNDARY.search(norm[:num_start]) or re.match(r"[A-Za-z]", norm[m.end():m.end() + 1]):
        return None
    if m.group("pct"):
        value = _number(m.group("pnum"))
        if value is None:
            return None
        return _make(m, norm, value, None, "%", "exact", chinese=not m.group("pnum")[0].isdigit())
    unit = m.group("unit")
    if _starts_longer_word(unit, norm[m.end("unit"):m.end("unit") + 1]):
        return None
    value = _number(m.group("num"))
    if value is None:
        return None
    # exact: Decimal, not float; "9千亿" and "3千余万" multiply both
    value *= MULTIPLIERS.get(m.group("mult1") or "", 1) * MULTIPLIERS.get(m.group("mult2") or "", 1)
    qualifier = _qualifier(m)
    value_max = None
    if m.group("num2"):
        value_max = _number(m.group("num2"))
        if value_max is None:
            return None
        value_max *= MULTIPLIERS.get(m.group("mult3") or m.group("mult1") or "", 1)
        if m.group("mult3") and not (m.group("mult1") or m.group("mult2")):
            value *= MULTIPLIERS[m.group("mult3")]  # "3至5万元": both ends in 万
        if value_max <= value:  # "2021-2025", "1-3" lists: not a range of one measure
            return None
        qualifier = "range"
    unit = "%" if unit == "%" else ("个百分点" if unit == "百分点" else unit)
    return _make(m, norm, value, value_max, unit, qualifier, chinese=not m.group("num")[0].isdigit())


def _make(m, norm, value, value_max, unit, qualifier, chinese) -> Quantity:
    start = m.start() if m.group("prefix") else (m.start("sign") if m.group("sign") else m.start("pct") if m.group("pct") else m.start("num"))
    return Quantity(
        value=float(value), unit=unit, qualifier=qualifier, raw=norm[start:m.end()], start=start, end=m.end(),
        value_max=None if value_max is None else float(value_max), negative=m.group("sign") == "-",
        chinese=chinese,
    )


def _starts_longer_word(unit: str, next_char: str) -> bool:
    return len(unit) == 1 and next_char != "" and next_char in NOT_UNIT_AFTER.get(unit, "")


def _number(s: str) -> Decimal | None:
    """Decimal, so that 9.3亿 is 930000000 and not 930000000.0000001."""
    if s[0].isdigit():
        return Decimal(s.replace(",", ""))
    n = chinese_to_number(s)
    return None if n is None else Decimal(str(n))


def _qualifier(m: re.Match) -> str:
    prefix, mid, post = m.group("prefix"), m.group("mid") or m.group("mid2"), m.group("post")
    if prefix:
        return next(k for k, v in PREFIX.items() if re.fullmatch(v, prefix))
    if mid:
        return "approx" if mid in ("来", "几") else "more_than"
    if post:
        return next(k for k, v in SUFFIX.items() if post in v.split("|"))
    return "exact"
