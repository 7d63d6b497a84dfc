"""Which measure a figure reports: an id from the versioned indicator catalog.

Rules first: the catalog alias that stands closest before the figure, within
its clause, and whose unit family fits the figure's unit.  A level and its
growth rate are different indicators (`gdp`, `gdp_growth`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extractor.resources import catalog

UNKNOWN = "unknown"
FAMILY_OF_UNIT = {
    "%": "rate", "个百分点": "rate", "‰": "rate", "元": "money", "美元": "money", "欧元": "money",
    "人": "people", "人次": "people", "名": "people", "位": "people", "户": "people", "户次": "people",
    "吨": "weight", "公斤": "weight", "千克": "weight", "斤": "weight",
    "亩": "area", "公顷": "area", "平方米": "area", "平方公里": "area", "平方千米": "area",
    "公里": "length", "千米": "length", "米": "length", "延米": "length", "天": "days",
    "微克/立方米": "concentration",
}
# families a unit may also serve: 户 counts households (people) or entities (count)
COMPATIBLE = {"people": {"people", "count"}, "count": {"count", "people"}, "days": {"days", "count"}}
CLAUSE_BREAK = re.compile(r"[。；;！？!?\n]")


@dataclass(frozen=True)
class Alias:
    text: str
    indicator: str
    family: str


@lru_cache(maxsize=1)
def _aliases() -> dict[str, list[Alias]]:
    """Alias text → the indicators it may name, in catalog order."""
    by_text: dict[str, list[Alias]] = {}
    for ind in catalog()["indicators"]:
        for a in sorted({ind["name"], *ind["aliases"]}):
            by_text.setdefault(a, []).append(Alias(a, ind["id"], ind["unit_family"]))
    return by_text


@lru_cache(maxsize=1)
def _ids() -> set[str]:
    return {ind["id"] for ind in catalog()["indicators"]}


def unit_family(unit: str | None) -> str:
    return FAMILY_OF_UNIT.get(unit or "", "count")


def context_before(norm: str, start: int, limit: int = 40) -> str:
    """The clause before a figure, at most `limit` characters."""
    lo = max(0, start - limit)
    window = norm[lo:start]
    cut = max((m.end() for m in CLAUSE_BREAK.finditer(window)), default=0)
    return window[cut:]


def rule_indicator(norm: str, start: int, unit: str | None, change: str | None) -> str:
    """The catalog id the nearest fitting alias names, or `unknown`.

    >>> rule_indicator("全镇各村律师累计接访咨询164人次", 12, "人次", None)
    'legal_consultations'
    >>> rule_indicator("地区生产总值增长7.5%", 9, "%", "increase")
    'gdp_growth'
    """
    context = context_before(norm, start)
    family = unit_family(unit)
    by_text = _aliases()
    best: tuple[int, int, str] | None = None
    for m in _occurrences(context, by_text):
        for alias in by_text[m[0]]:
            ind = _fit(alias, family, change)
            if ind is None:
                continue
            key = (m[1] + len(m[0]), len(m[0]), ind)  # closest end, then longest alias
            if best is None or key[:2] > best[:2]:
                best = key
    return best[2] if best else UNKNOWN


def catalog_indicator(phrase: str, unit: str | None, change: str | None) -> str | None:
    """The catalog id whose alias best names `phrase` (ending nearest its end, then longest).

    >>> catalog_indicator("一般公共预算收入", "元", None)
    'fiscal_revenue'
    >>> catalog_indicator("地区生产总值", "%", "increase")
    'gdp_growth'
    >>> catalog_indicator("村道硬化", "公里", None) is None
    True
    """
    if not phrase:
        return None
    family = unit_family(unit)
    best: tuple[int, int, str] | None = None
    for alias_text, pos in _occurrences(phrase, _aliases()):
        end = pos + len(alias_text)
        # a short alias (企业, 项目) names the measure only as the phrase's head noun
        if len(phrase) - end > (4 if len(alias_text) >= 4 else 0) or len(alias_text) < 2:
            continue
        for alias in _aliases()[alias_text]:
            ind = _fit(alias, family, change)
            if ind is not None:
                key = (end, len(alias_text), ind)
                if best is None or key[:2] > best[:2]:
                    best = key
    return best[2] if best else None


def _occurrences(text: str, by_text: dict) -> list[tuple[str, int]]:
    """Every alias occurrence, overlapping ones included (a regex scan would skip them)."""
    found = []
    for alias in by_text:
        i = text.find(alias)
        while i != -1:
            found.append((alias, i))
            i = text.find(alias, i + 1)
    return found


def _fit(alias: Alias, family: str, change: str | None) -> str | None:
    ids = _ids()
    if family == "rate" and alias.family != "rate":
        growth = f"{alias.indicator}_growth"
        return growth if growth in ids and change else None
    if alias.family == family or family in COMPATIBLE.get(alias.family, ()):
        return alias.indicator
    return None
