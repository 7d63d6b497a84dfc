"""Features of a candidate figure for the learned stages: its neighbourhood, unit and context.

Plain dicts of strings → 1, vectorised by DictVectorizer: easy to read in a
model card, deterministic, and cheap.
"""

from __future__ import annotations

import math
import re

from extractor.understanding.words import words

TARGET_WORDS = re.compile(r"力争|预期|目标|计划|争取|确保|预计|将|要|拟")
PAST_WORDS = re.compile(r"已|累计|完成|实现|达到|共|全年|去年|上年")




def fact_features(norm: str, c, category: str, kind: str | None) -> dict[str, float]:
    q = c.quantity
    left = norm[max(0, c.start - 12):c.start]
    right = norm[c.end:c.end + 6]
    f: dict[str, float] = {
        f"unit={q.unit}": 1, f"qual={q.qualifier}": 1, f"cat={category}": 1, f"kind={kind}": 1,
        f"mag={_magnitude(q.value)}": 1, f"ind_open={c.indicator.startswith(('x:', 'unknown'))}": 1,
    }
    if q.chinese and not q.raw.startswith("百分之"):  # 百分之九十五 is as plain a rate as 95%
        f["chinese"] = 1
    if q.value_max is not None:
        f["range"] = 1
    if q.value == int(q.value) and 1900 <= q.value <= 2100 and q.unit not in ("%", "元"):
        f["year_like"] = 1
    if c.change:
        f[f"change={c.change}"] = 1
    for i in range(1, 5):
        f[f"L{i}={left[-i:]}"] = 1
    for a, b in zip(left, left[1:]):
        f[f"LB={a}{b}"] = 1
    for i in range(1, 3):
        f[f"R{i}={right[:i]}"] = 1
    for i, w in enumerate(reversed(words(left)[-3:])):
        f[f"LW{i}={w}"] = 1
    after = words(right)
    if after:
        f[f"RW={after[0]}"] = 1
    clause = re.split(r"[，。；,;：:]", left)[-1]
    if TARGET_WORDS.search(clause):
        f["target_word"] = 1
    if PAST_WORDS.search(clause):
        f["past_word"] = 1
    if left.count("（") > left.count("）") or left.count("(") > left.count(")"):
        f["in_parens"] = 1
    if not c.features.get("phrase"):
        f["no_phrase"] = 1
    return f


def indicator_text(norm: str, c) -> str:
    """What the indicator vote compares: the measured words, the unit and whether it is a growth rate.

    The phrase is repeated so that it outweighs the unit in the n-gram vector.
    """
    q = c.quantity
    growth = bool(c.change) and q.unit in ("%", "个百分点")
    # "投资3亿元的项目" (its size) is not "投资3亿元完成…" (money spent)
    return measure_text(c.features.get("phrase", ""), q.unit, growth, norm[c.end:c.end + 2])


def measure_text(phrase: str, unit: str | None, growth: bool, after: str = "") -> str:
    """
    >>> measure_text("一般公共预算收入", "%", True, "，")
    '一般公共预算收入 一般公共预算收入 % 增速 后，'
    """
    return f"{phrase} {phrase} {unit or ''} {'增速' if growth else ''} 后{after}".strip()


def _magnitude(v: float) -> int:
    return int(math.log10(v)) if v >= 1 else -1
