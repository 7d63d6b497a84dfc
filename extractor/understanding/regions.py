"""Places: province, prefecture city, county and township named in a text.

Province, city and county names are resolved against the administrative
division table that the `cpca` package ships (adcodes), read directly so
that pandas is not needed; townships (乡, 镇, 街道) are not in that table and
are taken from the text beside a county name or in the issuer.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import lru_cache

SUFFIXES = ("自治区", "自治州", "自治县", "特别行政区", "省", "市", "区", "县", "旗", "盟", "地区")
TOWNSHIP = re.compile(r"([\u4e00-\u9fff]{1,6}?(?:镇|乡|街道|苏木))(?:人民政府|办事处|党委|党工委|司法所|$|[^\u4e00-\u9fff])")


@dataclass(frozen=True)
class Place:
    name: str
    code: str  # 6-digit adcode
    level: str  # province | city | county

    @property
    def province_code(self) -> str:
        return self.code[:2] + "0000"

    @property
    def city_code(self) -> str:
        return self.code[:4] + "00"


@lru_cache(maxsize=1)
def divisions() -> dict[str, list[Place]]:
    """Name → places with that name (a county name can exist in several provinces)."""
    from importlib.resources import files

    raw = (files("cpca") / "resources" / "adcodes.csv").read_text(encoding="utf-8")
    table: dict[str, list[Place]] = {}
    for row in csv.DictReader(io.StringIO(raw)):
        code = row["adcode"][:6]
        level = "province" if code.endswith("0000") else "city" if code.endswith("00") else "county"
        table.setdefault(row["name"], []).append(Place(row["name"], code, level))
    return table


@lru_cache(maxsize=1)
def by_code() -> dict[str, Place]:
    return {p.code: p for places in divisions().values() for p in places}


@lru_cache(maxsize=1)
def name_pattern() -> re.Pattern:
    """Every division name of two characters or more, longest first."""
    names = sorted(divisions(), key=len, reverse=True)
    return re.compile("|".join(re.escape(n) for n in names if len(n) >= 2))


def places_in(text: str) -> list[Place]:
    """Known places named in `text`, in order; ambiguity is resolved by the others named.

    >>> [(p.name, p.level) for p in places_in("广西壮族自治区鹿寨县平山镇人民政府")]
    [('广西壮族自治区', 'province'), ('鹿寨县', 'county')]
    """
    hits = [m.group() for m in name_pattern().finditer(text) if _standalone(text, m)]
    table = divisions()
    chosen: list[Place] = []
    for name in hits:
        options = table[name]
        if len(options) > 1:
            context = {p.province_code for p in chosen} | {p.city_code for p in chosen}
            fitting = [p for p in options if p.province_code in context or p.city_code in context]
            options = fitting or ([] if len({p.code for p in options}) > 1 else options[:1])
        chosen.extend(options[:1])
    return chosen


def _standalone(text: str, m: re.Match) -> bool:
    """A two-character name (和县, 易县) counts only where it cannot be the tail of a longer word."""
    if len(m.group()) > 2:
        return True
    before = text[m.start() - 1:m.start()]
    return not before or not ("\u4e00" <= before <= "\u9fff") or text.startswith(("人民政府", "政府"), m.end())


def resolve(texts: list[str]) -> dict[str, str | None]:
    """Region fields from the texts that name the issuer (issuer, masthead, title, head lines)."""
    region: dict[str, str | None] = {"province": None, "city": None, "county": None, "township": None}
    joined = "\n".join(t for t in texts if t)
    places = places_in(joined)
    for p in places:
        if region[p.level] is None:
            region[p.level] = p.name
    county = next((p for p in places if p.level == "county"), None)
    city = next((p for p in places if p.level == "city"), None)
    anchor = county or city
    if anchor is not None:  # fill the levels above from the table
        prov = by_code().get(anchor.province_code)
        region["province"] = region["province"] or (prov.name if prov else None)
        if county is not None and region["city"] is None:
            c = by_code().get(county.city_code)
            region["city"] = c.name if c and c.level == "city" else None
    if region["county"] is None:
        region["county"] = _unlisted_county(texts)
    region["township"] = _township(joined, region)
    return region


COUNTY_NAME = r"[\u4e00-\u9fff]{1,4}?(?:自治县|县|区|旗)"


PROVINCE_PREFIX = re.compile(r"^(?:[\u4e00-\u9fff]{2,3}省|[\u4e00-\u9fff]{2,6}自治区)?(?:[\u4e00-\u9fff]{2,4}市(?=.{2,}[县区旗]))?")


# words ending like a county that name no county
NOT_COUNTY = re.compile(r"自治区$|^(?:自治|市辖|辖|城|新|园|开发|景|社|片|街|小|矿|林|牧|湖|山|库|老|全|本|该|我|各|全县|地)区$|^(?:全|本|该|我|各)县$")


def _unlisted_county(texts: list[str]) -> str | None:
    """A county the table does not know (a new or fictional one), as the issuer or title names it."""
    for t in texts[:2]:
        rest = PROVINCE_PREFIX.sub("", re.sub(r"^(?:19|20)\d{2}年(?:度)?", "", t or ""))
        m = re.match(rf"({COUNTY_NAME})", rest)
        if m and not re.search(r"[镇乡]", m.group(1)) and not NOT_COUNTY.search(m.group(1)):
            return m.group(1)
    joined = "\n".join(texts)
    for m in re.finditer(rf"({COUNTY_NAME})(?=[\u4e00-\u9fff]{{1,6}}(?:镇|乡|街道)|人民政府|政府|$)", joined):
        if not NOT_COUNTY.search(m.group(1)):
            return m.group(1)
    return None


def _township(text: str, region: dict[str, str | None]) -> str | None:
    county = region.get("county")
    if county and county in text:
        after = text[text.index(county) + len(county):]
        after = re.sub(r"^(?:人民政府|政府)", "", after)
        m = TOWNSHIP.match(after)
        if m:
            return m.group(1)
    m = TOWNSHIP.search(text)
    if m:
        name = re.split(r"政府|[省市县区]", m.group(1))[-1]
        return name if len(name) >= 2 and name not in ("乡镇", "街道", "城镇", "城乡") else None
    return None


COUNTY_SUFFIX = ("县", "区", "市", "旗")


def own_county(text: str, province: str | None) -> str | None:
    """The county a county's report keeps calling itself by its short name ("和谐清苑", "容城发展").

    Counted only outside longer place names (安新 in 雄安新区 is not 安新县), in the province when
    one is known; the suffix is the report's own word for itself (全县 → 清苑县, even after a renaming).

    >>> own_county("全县上下建设和谐清苑。清苑发展稳中有进，清苑人民安居乐业，全县实现增长。", "河北省")
    '清苑县'
    """
    level = max(COUNTY_SUFFIX, key=lambda s: (text.count("全" + s) + text.count(s + "政府"), -COUNTY_SUFFIX.index(s)))
    if text.count("全" + level) + text.count(level + "政府") < 2:
        return None
    masked = name_pattern().sub(lambda m: " " * len(m.group()), text)
    counts = {}
    for short, places in _county_shorts().items():
        if province and not any(by_code().get(p.province_code, p).name == province for p in places):
            continue
        n = masked.count(short)
        if n >= 3:  # "雄安新区" is no 安新: a short name followed by a level word is another place's
            n -= sum(masked.count(short + level_word) for level_word in "县区市镇乡")
        if n >= 3:
            counts[short] = n
    if not counts:
        return None
    ranked = sorted(counts, key=lambda k: (-counts[k], k))
    if len(ranked) > 1 and counts[ranked[1]] * 2 > counts[ranked[0]]:
        return None  # no clear own name
    return ranked[0] + level


@lru_cache(maxsize=1)
def _county_shorts() -> dict[str, list[Place]]:
    """Two-character short names of counties ("清苑" for 清苑区) and the places they may be."""
    out: dict[str, list[Place]] = {}
    for name, places in divisions().items():
        if len(name) == 3 and name.endswith(COUNTY_SUFFIX):
            out.setdefault(name[:2], []).extend(p for p in places if p.level == "county")
    return {k: v for k, v in out.items() if v}
