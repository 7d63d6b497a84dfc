"""`govfacts evaluate GOLD_DIR`: extraction scored against gold, the way `../shared/eval/score.py` scores it.

The figures are the shared scorer's (fact P/R/F1, qualifier accuracy, pairwise
indicator grouping, metadata, top-level sections, list counts), computed by
our own code from the documented rules, plus a per-indicator table and the
worst documents.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

from extractor.corpus import GoldDoc, load_gold_dir, source_file, text_of
from extractor.learning.matching import match, optional_hits, squash
from extractor.model import Report

TRAIL = re.compile(r"[。．.：:；;，,]+$")


@dataclass
class Scores:
    tp: int = 0
    predicted: int = 0
    gold: int = 0
    qualifier_ok: int = 0
    matched: list[tuple[str, str, str]] = field(default_factory=list)  # doc, gold group, predicted id
    metadata: dict[str, list[bool]] = field(default_factory=lambda: defaultdict(list))
    sections: list[int] = field(default_factory=lambda: [0, 0, 0])  # matched, predicted, gold
    lists: dict[str, list[bool]] = field(default_factory=lambda: defaultdict(list))
    per_doc: list[tuple[str, int, int, int]] = field(default_factory=list)

    def prf(self) -> tuple[float, float, float]:
        return _prf(self.tp, self.predicted, self.gold)

    def grouping(self) -> tuple[float, float, float]:
        tp = fp = fn = 0
        for (_, g1, p1), (_, g2, p2) in combinations(self.matched, 2):
            tp += g1 == g2 and p1 == p2
            fp += p1 == p2 and g1 != g2
            fn += g1 == g2 and p1 != p2
        return _prf(tp, tp + fp, tp + fn)


def _prf(tp: int, predicted: int, gold: int) -> tuple[float, float, float]:
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def extract_gold_doc(gd: GoldDoc) -> Report:
    from extractor.pipeline import extract, extract_text

    f = source_file(gd)
    return extract(str(f)) if f else extract_text(text_of(gd), gd.doc)


def score_doc(s: Scores, gd: GoldDoc, report: Report) -> None:
    gold = gd.gold
    facts = gold.get("facts")
    _score_structure(s, gold, report)
    if facts is None:
        return
    preds = [(f.span[0], f.span[1], f.value, f.unit) for f in report.facts]
    pairs = match(report.text, facts, preds)
    ignored = optional_hits(report.text, gold.get("optional") or [], preds, set(pairs.values()))
    n_pred = len(preds) - len(ignored)
    s.tp += len(pairs)
    s.predicted += n_pred
    s.gold += len(facts)
    s.per_doc.append((gd.doc, len(pairs), n_pred, len(facts)))
    for gi, pi in pairs.items():
        fact = report.facts[pi]
        s.qualifier_ok += fact.qualifier in facts[gi]["qualifiers"]
        s.matched.append((gd.doc, facts[gi]["group"], fact.indicator))


def _score_structure(s: Scores, gold: dict, report: Report) -> None:
    gm, pm = gold.get("metadata") or {}, report.metadata
    for k in ("doc_number", "issuer", "signer", "year", "title"):
        if gm.get(k) is not None:
            s.metadata[k].append(squash(str(getattr(pm, k))) == squash(str(gm[k])))
    for k, v in (gm.get("region") or {}).items():
        if v is not None:
            s.metadata[f"region.{k}"].append(squash(str(getattr(pm.region, k, None))) == squash(v))
    tops = [(squash(x.number), TRAIL.sub("", squash(x.title))) for x in report.sections if x.level == 1]
    used, tp = set(), 0
    for g in gold.get("sections") or []:
        num, title = squash(g.get("number") or ""), TRAIL.sub("", squash(g.get("title") or ""))
        for i, (pn, pt) in enumerate(tops):
            if i not in used and pn == num and pt and (pt == title or title.startswith(pt) or pt.startswith(title)):
                used.add(i)
                tp += 1
                break
    s.sections[0] += tp
    s.sections[1] += len(tops)
    s.sections[2] += len(gold.get("sections") or [])
    for key in ("problems", "plans"):
        if isinstance(gold.get(key), int):
            s.lists[key].append(len(getattr(report, key)) == gold[key])


def evaluate(gold_dir: Path, docs: list[str] | None = None) -> Scores:
    s = Scores()
    for gd in load_gold_dir(gold_dir):
        if docs is None or gd.doc in docs:
            score_doc(s, gd, extract_gold_doc(gd))
    return s


def render(s: Scores, worst: int = 8) -> str:
    p, r, f = s.prf()
    gp, gr, gf = s.grouping()
    lines = [
        f"docs {len(s.per_doc)}",
        f"facts  gold {s.gold}  pred {s.predicted}  matched {s.tp}  P {p:.3f} R {r:.3f} F1 {f:.3f}",
        f"qualifier accuracy on matches {s.qualifier_ok / s.tp if s.tp else 0:.3f}",
        f"indicator grouping (pairwise)  P {gp:.3f} R {gr:.3f} F1 {gf:.3f}",
    ]
    lines += [f"metadata {k}: {sum(v) / len(v):.3f}" for k, v in sorted(s.metadata.items())]
    sp, spr, sf = _prf(*s.sections)
    lines.append(f"sections  gold {s.sections[2]}  pred {s.sections[1]}  matched {s.sections[0]}  "
                 f"P {sp:.3f} R {spr:.3f} F1 {sf:.3f}")
    lines += [f"{k} count right: {sum(v)}/{len(v)}" for k, v in sorted(s.lists.items())]
    lines += ["", "per indicator (gold group: facts matched, share predicted with the majority id)"]
    lines += _per_indicator(s)
    lines += ["", f"worst documents (fact F1, of {len(s.per_doc)})"]
    ranked = sorted(s.per_doc, key=lambda d: (_prf(d[1], d[2], d[3])[2], d[0]))
    lines += [f"  {doc:40s} F1 {_prf(tp, n, g)[2]:.3f}  matched {tp}/{g}  predicted {n}"
              for doc, tp, n, g in ranked[:worst]]
    lines.append(f"F1={f:.4f}")
    return "\n".join(lines)


def _per_indicator(s: Scores, top: int = 25) -> list[str]:
    by_group: dict[str, Counter] = defaultdict(Counter)
    for _, g, pid in s.matched:
        by_group[g][pid] += 1
    rows = sorted(by_group.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))[:top]
    out = []
    for g, ids in rows:
        n = sum(ids.values())
        pid, k = ids.most_common(1)[0]
        out.append(f"  {g:40s} {n:4d}  {k / n:6.1%}  → {pid}")
    return out
