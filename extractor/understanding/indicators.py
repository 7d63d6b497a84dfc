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
from extractor.understanding.words import words

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
def ids() -> set[str]:
    """Every catalog id."""
    return set(_families())


@lru_cache(maxsize=1)
def _units() -> dict[str, set[str]]:
    return {ind["id"]: set(ind.get("units") or ()) for ind in catalog()["indicators"]}


@lru_cache(maxsize=1)
def _families() -> dict[str, str]:
    return {ind["id"]: ind["unit_family"] for ind in catalog()["indicators"]}


def can_report(indicator: str, unit: str | None, growth: bool) -> bool:
    """Whether a catalog indicator can be what a figure in `unit` reports; open ids always can.

    >>> can_report("hotline_requests", "%", False)
    False
    >>> can_report("gdp_growth", "%", True)
    True
    """
    family = _families().get(indicator)
    if family is None:
        return True
    if growth:
        return family == "rate"
    figure = unit_family(unit)
    if (figure == "rate") != (family == "rate"):
        return False
    # a unit the catalog has seen for it (垃圾 in 吨 or 方), a compatible family, or a unit we
    # have no family for (立方米, 株) measuring an indicator of a family we have no unit for
    return (unit in _units().get(indicator, ()) or family == figure or figure in COMPATIBLE.get(family, ())
            or (unit not in FAMILY_OF_UNIT and family not in set(FAMILY_OF_UNIT.values())))


def unit_family(unit: str | None) -> str:
    return FAMILY_OF_UNIT.get(unit or "", "count")


def context_before(norm: str, start: int, limit: int = 40) -> str:
    """The clause before a figure, at most `limit` characters."""
    lo = max(0, start - limit)
    window = norm[lo:start]
    cut = max((m.end() for m in CLAUSE_BREAK.finditer(window)), default=0)
    return window[cut:]


def catalog_indicator(phrase: str, unit: str | None, variant: str | None = None) -> str | None:
    """The catalog id whose alias best names `phrase` (ending nearest its end, then longest).

    `variant` is "growth" for a growth rate of the measure, "increase" for its change or
    this year's additions (新增…).

    >>> catalog_indicator("一般公共预算收入", "元")
    'fiscal_revenue'
    >>> catalog_indicator("地区生产总值", "%", "growth")
    'gdp_growth'
    >>> catalog_indicator("村道硬化", "公里") is None
    True
    """
    if not phrase:
        return None
    family = unit_family(unit)
    best: tuple[int, int, str] | None = None
    for alias_text, pos in _occurrences(phrase):
        end = pos + len(alias_text)
        # a short alias (企业, 项目) names the measure only as the phrase's head noun
        if len(phrase) - end > (4 if len(alias_text) >= 4 else 0) or len(alias_text) < 2:
            continue
        for alias in _aliases()[alias_text]:
            ind = _fit(alias, family, variant)
            if ind is not None:
                key = (end, len(alias_text), ind)
                if best is None or key[:2] > best[:2]:
                    best = key
    return best[2] if best else None


def loose_indicator(phrase: str, unit: str | None, variant: str | None = None) -> str | None:
    """The catalog id of an alias whose words all stand in the phrase, in order, ending on its head word.

    The fallback for wordings the catalog does not hold verbatim: "清理河道垃圾" is 清理…垃圾.

    >>> loose_indicator("清理河道垃圾", "吨")
    'garbage_cleared'
    """
    candidates = _aliases_by_tail().get(phrase[-2:], ()) if len(phrase) >= 3 else ()
    if not candidates:
        return None
    phrase_words = words(phrase)
    family = unit_family(unit)
    best: tuple[int, str] | None = None
    for alias_text in candidates:
        alias_words = _alias_words(alias_text)
        if len(alias_words) < 2 or alias_words[-1] != phrase_words[-1] or not _in_order(alias_words, phrase_words):
            continue
        for alias in _aliases()[alias_text]:
            ind = _fit(alias, family, variant)
            if ind is not None and (best is None or len(alias_text) > best[0]):
                best = (len(alias_text), ind)
    return best[1] if best else None


@lru_cache(maxsize=1)
def _aliases_by_tail() -> dict[str, list[str]]:
    """Aliases by their last two characters: the few a phrase ending the same way may loosely match."""
    by_tail: dict[str, list[str]] = {}
    for alias_text in sorted(_aliases()):
        if len(alias_text) >= 3:
            by_tail.setdefault(alias_text[-2:], []).append(alias_text)
    return by_tail


@lru_cache(maxsize=4096)
def _alias_words(alias_text: str) -> list[str]:
    return words(alias_text)


def _in_order(needles: list[str], haystack: list[str]) -> bool:
    it = iter(haystack)
    return all(any(w == h for h in it) for w in needles)


@lru_cache(maxsize=1)
def _automaton():
    """Aho-Corasick over every alias (pyahocorasick, which cpca already needs): one pass per phrase."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for alias in _aliases():
        automaton.add_word(alias, alias)
    automaton.make_automaton()
    return automaton


def _occurrences(text: str) -> list[tuple[str, int]]:
    """Every alias occurrence in `text`, overlapping ones included, as (alias, start)."""
    return [(alias, end - len(alias) + 1) for end, alias in _automaton().iter(text)]


def _fit(alias: Alias, family: str, variant: str | None) -> str | None:
    """The id of `alias`'s indicator in the variant the figure reports, if its unit fits."""
    known = ids()
    base = alias.indicator
    if variant == "growth":
        if base.endswith("_growth") or alias.family == "rate":  # energy_intensity_reduction is a change already
            return base
        for candidate in (f"{base}_growth", base.replace("_per_capita", "") + "_growth"):
            if candidate in known:
                return candidate
        return None
    if family == "rate" and alias.family != "rate":
        return None
    if not (alias.family == family or family in COMPATIBLE.get(alias.family, ())):
        return None
    if variant == "increase" and not base.endswith("_increase"):
        return f"{base}_increase" if f"{base}_increase" in known else base
    return base
