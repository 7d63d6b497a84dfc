"""`govfacts train`: learn the fact and indicator classifiers from the corpus train split.

For every gold document the pipeline runs up to the candidates; each
candidate the rules leave open is labelled by the gold file (a fact, a
non-fact, or an optional item that teaches nothing).  Deterministic: fixed
seeds and sorted inputs, so the same corpus gives the same model files.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from extractor.corpus import GoldDoc, load_gold_dir, source_file, text_of
from extractor.learning.features import fact_features, indicator_text, measure_text
from extractor.learning.matching import match, optional_hits
from extractor.learning.models import fact_pipeline, indicator_pipeline, save
from extractor.resources import catalog, schemas_dir


@dataclass
class Examples:
    fact_x: list[dict] = field(default_factory=list)
    fact_y: list[int] = field(default_factory=list)
    ind_x: list[str] = field(default_factory=list)
    ind_y: list[str] = field(default_factory=list)


def split_of(doc: str, splits: dict[str, list[str]]) -> str:
    for name, docs in splits.items():
        if doc in docs:
            return name
    return assign_split(doc)


def assign_split(doc: str) -> str:
    """A new document's split, fixed by its name: 20% test, 15% dev, 65% train."""
    bucket = int(hashlib.sha256(doc.encode()).hexdigest()[:8], 16) % 20
    return "test" if bucket < 4 else "dev" if bucket < 7 else "train"


def load_splits(corpus_dir: Path) -> dict[str, list[str]]:
    path = corpus_dir / "split.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def prepared_doc(gd: GoldDoc):
    """The pipeline's document for a gold file, run up to the candidates."""
    from extractor.pipeline import run
    from extractor.reading import read, read_string

    f = source_file(gd)
    doc = read(f) if f else read_string(text_of(gd), gd.doc)
    return run(doc, disable=("facts", "indicators", "lists"))


def examples_for(gd: GoldDoc) -> Examples:
    from extractor.understanding.stages import category_at

    doc = prepared_doc(gd)
    found = doc.candidates  # rule-rejected ones too: they teach what non-facts look like
    preds = [(c.start, c.end, c.quantity.value, c.quantity.unit) for c in found]
    facts = gd.gold.get("facts") or []
    pairs = match(doc.text, facts, preds)
    positive = {pi: facts[gi]["group"] for gi, pi in pairs.items()}
    ignore = optional_hits(doc.text, gd.gold.get("optional") or [], preds, set(positive))
    ex = Examples()
    category = category_at(doc)
    kind = doc.metadata.get("kind")
    for pi, c in enumerate(found):
        if pi in ignore:
            continue
        ex.fact_x.append(fact_features(doc.norm, c, category(c.start), kind))
        ex.fact_y.append(1 if pi in positive else 0)
        if pi in positive:
            ex.ind_x.append(indicator_text(doc.norm, c))
            ex.ind_y.append(positive[pi])
    return ex


def collect(docs: list[GoldDoc]) -> Examples:
    out = Examples()
    for gd in docs:
        if gd.gold.get("facts") is None:
            continue
        ex = examples_for(gd)
        out.fact_x += ex.fact_x
        out.fact_y += ex.fact_y
        out.ind_x += ex.ind_x
        out.ind_y += ex.ind_y
    return out


def train(corpus_dir: Path, models_dir: Path, only: list[str] | None = None) -> dict:
    """Train both models on the train split (or on `only`), write them, return what was learned."""
    docs = load_gold_dir(corpus_dir / "gold")
    splits = load_splits(corpus_dir)
    chosen = [d for d in docs if (d.doc in only if only else split_of(d.doc, splits) == "train")]
    ex = collect(chosen)
    alias_x, alias_y = catalog_examples()
    fact_model = fact_pipeline(c=1.0).fit(ex.fact_x, ex.fact_y)
    ind_model = indicator_pipeline().fit(ex.ind_x + alias_x, ex.ind_y + alias_y)
    save(fact_model, models_dir / "fact_classifier.skops")
    save(ind_model, models_dir / "indicator_classifier.skops")
    return {
        "documents": len(chosen), "fact_examples": len(ex.fact_y), "positives": sum(ex.fact_y),
        "indicator_examples": len(ex.ind_y), "catalog_examples": len(alias_y),
        "indicator_classes": len(set(ex.ind_y + alias_y)),
        "data_sha256": corpus_hash([d.path for d in chosen] + [schemas_dir() / "indicators.json"]),
    }


# a unit to write an alias with, when the catalog lists none for its indicator
FAMILY_UNIT = {"rate": "%", "money": "元", "people": "人", "area": "亩", "length": "公里", "weight": "吨", "days": "天"}


def catalog_examples() -> tuple[list[str], list[str]]:
    """Every catalog name and alias as a taught example of its indicator: the vote then also
    knows the measures the annotated reports never worded that way."""
    xs, ys = [], []
    for ind in catalog()["indicators"]:
        unit = (ind.get("units") or [FAMILY_UNIT.get(ind["unit_family"], "个")])[0]
        growth = ind["id"].endswith("_growth")
        for alias in sorted({ind["name"], *ind["aliases"]}):
            xs.append(measure_text(alias, unit, growth))
            ys.append(ind["id"])
    return xs, ys


def corpus_hash(paths: list[Path]) -> str:
    h = hashlib.sha256()
    for p in sorted(paths):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()
