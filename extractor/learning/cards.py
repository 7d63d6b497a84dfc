"""Model cards: what each model learned from, how it scores, and how to reproduce it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from extractor import __version__
from extractor.learning.evaluate import Scores, _prf, evaluate
from extractor.learning.train import load_splits, split_of
from extractor.resources import catalog, file_sha256


def scores_dict(s: Scores) -> dict:
    p, r, f = s.prf()
    gp, gr, gf = s.grouping()
    return {
        "docs": len(s.per_doc), "facts": {"gold": s.gold, "predicted": s.predicted, "matched": s.tp,
                                          "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)},
        "qualifier_accuracy": round(s.qualifier_ok / s.tp, 4) if s.tp else 0.0,
        "indicator_grouping": {"precision": round(gp, 4), "recall": round(gr, 4), "f1": round(gf, 4)},
        "metadata_accuracy": {k: round(sum(v) / len(v), 3) for k, v in sorted(s.metadata.items())},
        "sections_f1": round(_prf(*s.sections)[2], 4),
        "list_counts_right": {k: f"{sum(v)}/{len(v)}" for k, v in sorted(s.lists.items())},
    }


def split_scores(corpus: Path) -> dict[str, dict]:
    from extractor.corpus import load_gold_dir

    gold_dir = corpus / "gold"
    splits = load_splits(corpus)
    docs = load_gold_dir(gold_dir)
    out = {}
    for name in ("dev", "test"):
        chosen = [d.doc for d in docs if split_of(d.doc, splits) == name]
        out[name] = scores_dict(evaluate(gold_dir, chosen))
    return out


def write_cards(corpus: Path, models: Path, info: dict) -> None:
    from extractor.learning.registry import fact_classifier, indicator_classifier, model_hashes

    for fn in (fact_classifier, indicator_classifier, model_hashes):
        fn.cache_clear()
    scores = split_scores(corpus)
    splits = load_splits(corpus)
    sizes = {k: len(v) for k, v in splits.items()}
    today = dt.date.today().isoformat()
    common = (f"- version: govfacts {__version__}, catalog {catalog()['catalog_version']}\n"
              f"- trained: {today} by `govfacts train --cards` (deterministic: the same corpus gives the same file)\n"
              f"- data: corpus/ train split, {info['documents']} documents; data sha256 `{info['data_sha256']}`\n"
              f"- split sizes (documents): {json.dumps(sizes)}\n")
    table = _score_table(scores)
    _update_corpus_readme(corpus, table)
    (models / "fact_classifier.md").write_text(
        "# fact_classifier.skops\n\nDecides whether a figure that the rules leave open is a fact the report claims "
        "(GUIDE.md's definition) or not (a target, a name, a threshold …).\n\n"
        f"- model: FeatureHasher(2^16) → LogisticRegression(C=1.0), scikit-learn, saved with skops\n"
        f"- sha256: `{file_sha256(models / 'fact_classifier.skops')}`\n{common}"
        f"- examples: {info['fact_examples']} candidates, {info['positives']} facts\n"
        "- features: unit, qualifier, numeral kind, magnitude, characters and bigrams before and after the figure, "
        "jieba words before it, target/past words in the clause, section category, report kind\n\n"
        f"## Scores (whole pipeline, corpus splits)\n\n{table}\n", encoding="utf-8")
    (models / "indicator_classifier.md").write_text(
        "# indicator_classifier.skops\n\nNames the indicator of a fact from the words that say what it measures, "
        "where the corpus has taught that wording; elsewhere the catalog rules (or an open `x:` id) stand.\n\n"
        f"- model: char 1–3-gram hashing → TF-IDF → 3-nearest-neighbour cosine vote (max distance 0.35)\n"
        f"- sha256: `{file_sha256(models / 'indicator_classifier.skops')}`\n{common}"
        f"- examples: {info['indicator_examples']} facts, {info['indicator_classes']} indicators\n\n"
        f"## Scores (whole pipeline, corpus splits)\n\n{table}\n", encoding="utf-8")


def _update_corpus_readme(corpus: Path, table: str) -> None:
    """The corpus README quotes the same table between its scores markers."""
    readme = corpus / "README.md"
    if not readme.exists():
        return
    text = readme.read_text(encoding="utf-8")
    start = "<!-- scores: rewritten by `govfacts train --cards` -->\n"
    end = "\n<!-- /scores -->"
    if start in text and end in text:
        head, rest = text.split(start, 1)
        readme.write_text(head + start + table + end + rest.split(end, 1)[1], encoding="utf-8")


def _score_table(scores: dict[str, dict]) -> str:
    rows = ["| split | docs | fact P | fact R | fact F1 | qualifier acc. | grouping F1 | metadata (mean) |",
            "|---|---|---|---|---|---|---|---|"]
    for name, s in scores.items():
        meta = s["metadata_accuracy"]
        mean = sum(meta.values()) / len(meta) if meta else 0
        f = s["facts"]
        rows.append(f"| {name} | {s['docs']} | {f['precision']:.3f} | {f['recall']:.3f} | {f['f1']:.3f} | "
                    f"{s['qualifier_accuracy']:.3f} | {s['indicator_grouping']['f1']:.3f} | {mean:.3f} |")
    return "\n".join(rows)
