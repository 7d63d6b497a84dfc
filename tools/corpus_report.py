"""Print the corpus tables of corpus/README.md: documents and facts per kind, level, year and split.

    .venv/bin/python tools/corpus_report.py
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractor.corpus import load_gold_dir  # noqa: E402
from extractor.learning.train import load_splits, split_of  # noqa: E402


def origin(gold: dict) -> str:
    src = gold.get("source")
    return src["corpus"] if isinstance(src, dict) else "written for govfacts"


def table(title: str, counts: Counter, facts: Counter) -> str:
    rows = [f"| {title} | documents | facts |", "|---|---|---|"]
    rows += [f"| {k} | {counts[k]} | {facts[k]} |" for k in sorted(counts, key=str)]
    rows.append(f"| **all** | {sum(counts.values())} | {sum(facts.values())} |")
    return "\n".join(rows)


def main() -> None:
    docs = load_gold_dir(ROOT / "corpus" / "gold")
    splits = load_splits(ROOT / "corpus")
    for title, key in (("kind", lambda g, d: g.get("kind", "?")), ("level", lambda g, d: g.get("level", "?")),
                       ("origin", lambda g, d: origin(g)), ("split", lambda g, d: split_of(d, splits)),
                       ("year", lambda g, d: (g.get("metadata") or {}).get("year"))):
        counts, facts = Counter(), Counter()
        for d in docs:
            k = key(d.gold, d.doc)
            counts[k] += 1
            facts[k] += len(d.gold.get("facts") or [])
        print(table(title, counts, facts), end="\n\n")


if __name__ == "__main__":
    main()
