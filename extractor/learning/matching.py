"""Which extracted facts a gold file confirms — the matching rule of `../shared/eval/score.py`, restated.

A prediction matches a gold fact when the value is equal, its unit is one of
the gold units, and the gold anchor (whitespace removed) stands in the text
from 40 characters before the figure to 6 after it.  Matching is one-to-one,
greedy, gold facts in order, predictions in text order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

WS = re.compile(r"\s+")
UNIT_ALIASES = {"％": "%"}


def squash(s: str | None) -> str:
    return WS.sub("", s or "")


def norm_unit(u: str | None) -> str:
    u = squash(u)
    return UNIT_ALIASES.get(u, u)


def same_value(a, b) -> bool:
    try:
        a, b = float(a), float(b)
    except (TypeError, ValueError):
        return False
    return abs(a - b) <= 1e-6 * max(1.0, abs(b))


def window(text: str, start: int, end: int) -> str:
    return squash(text[max(0, start - 40): end + 6])


def match(text: str, gold_facts: Sequence[dict], preds: Sequence[tuple[int, int, float, str | None]]) -> dict[int, int]:
    """gold index → prediction index, for predictions given as (start, end, value, unit)."""
    windows = [window(text, s, e) for s, e, _, _ in preds]
    used: set[int] = set()
    pairs: dict[int, int] = {}
    for gi, g in enumerate(gold_facts):
        anchor = squash(g["anchor"])
        units = {norm_unit(u) for u in g.get("units") or []}
        for pi, (_, _, value, unit) in enumerate(preds):
            if pi in used or not same_value(value, g["value"]) or norm_unit(unit) not in units:
                continue
            if anchor in windows[pi]:
                used.add(pi)
                pairs[gi] = pi
                break
    return pairs


def optional_hits(text: str, optional: Sequence[dict], preds, taken: set[int]) -> set[int]:
    """Predictions that only match an optional item (neither right nor wrong)."""
    hits = set()
    for pi, (s, e, value, _) in enumerate(preds):
        if pi in taken:
            continue
        w = window(text, s, e)
        if any(same_value(value, o.get("value")) and squash(o.get("anchor")) in w for o in optional):
            hits.add(pi)
    return hits
