"""The two learned stages, saved and loaded with skops (never pickle).

The fact classifier is FeatureHasher → LogisticRegression; the indicator
classifier is a nearest-neighbour vote over character n-grams of the measured
words (TF-IDF, cosine), which stays small however many indicators the corpus
has.  Fixed seeds and sorted inputs: the same corpus gives the same file.
"""

from __future__ import annotations

from pathlib import Path

from extractor.learning.features import fact_features, indicator_text
from extractor.understanding.indicators import can_report

# types a govfacts model file may contain; anything else is refused on load
TRUSTED_PREFIXES = ("sklearn.", "numpy.", "scipy.", "builtins.")
FACT_THRESHOLD = 0.5
INDICATOR_MAX_DISTANCE = 0.5  # cosine distance to the nearest taught example (tuned on dev)
NEIGHBOURS = 3
OVERRIDE_ALL = False
TOO_VAGUE = {"投入", "投入资金", "累计投入", "组织", "开展", "举办", "完成", "实现", "群众", "人员", "人民群众", "干部群众", "企业", "占比", "比重", "活动", "资金"}


def fact_pipeline(c: float = 1.0):
    from sklearn.feature_extraction import FeatureHasher
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline

    return Pipeline([
        ("hash", FeatureHasher(n_features=2**16, alternate_sign=False)),
        ("classify", LogisticRegression(C=c, max_iter=3000, random_state=0)),
    ])


def indicator_pipeline():
    from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer
    from sklearn.neighbors import KNeighborsClassifier
    from sklearn.pipeline import Pipeline

    return Pipeline([
        ("ngrams", Pipeline([
            ("hash", HashingVectorizer(analyzer="char", ngram_range=(1, 3), n_features=2**15,
                                       alternate_sign=False, norm=None)),
            ("tfidf", TfidfTransformer(sublinear_tf=True)),
        ])),
        ("vote", KNeighborsClassifier(n_neighbors=NEIGHBOURS, metric="cosine", weights="distance",
                                      algorithm="brute")),
    ])


def save(pipeline, path: Path) -> None:
    """skops file with fixed zip timestamps, so that the same model gives the same bytes."""
    import skops.io as sio

    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(_stable_zip(sio.dumps(pipeline)))


def _stable_zip(data: bytes) -> bytes:
    """skops names objects by their memory address: renumber them in order, fix the zip timestamps."""
    import io
    import re
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as src:
        members = {name: src.read(name) for name in src.namelist()}
    schema = members.pop("schema.json").decode("utf-8")
    numbers: dict[str, str] = {}
    for m in re.finditer(r'"__id__": (\d+)|"(\d+)\.(?:npy|npz)"', schema):
        old = m.group(1) or m.group(2)
        numbers.setdefault(old, str(len(numbers) + 1))
    schema = re.sub(r'("__id__": )(\d+)', lambda m: m.group(1) + numbers[m.group(2)], schema)
    schema = re.sub(r'"(\d+)\.(npy|npz)"', lambda m: f'"{numbers[m.group(1)]}.{m.group(2)}"', schema)
    renamed = {"schema.json": schema.encode("utf-8")}
    for name, blob in members.items():
        stem, _, ext = name.partition(".")
        renamed[f"{numbers[stem]}.{ext}" if stem in numbers else name] = blob
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in sorted(renamed):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(info, renamed[name])
    return out.getvalue()


def load(path: Path):
    import skops.io as sio

    untrusted = sio.get_untrusted_types(file=path)
    refused = [t for t in untrusted if not t.startswith(TRUSTED_PREFIXES)]
    if refused:
        raise ValueError(f"{path}: refuses to load unexpected types {refused}")
    return sio.load(path, trusted=untrusted)


class FactClassifier:
    """Decides whether a figure the rules let through is a claimed result."""

    def __init__(self, fast):
        self.fast = fast

    @classmethod
    def load(cls, path: Path) -> FactClassifier:
        from extractor.learning.fast import FastFacts, arrays, fact_arrays
        from extractor.resources import file_sha256

        a = arrays(path, file_sha256(path), fact_arrays)
        return cls(FastFacts(a["coef"], float(a["intercept"][0]), int(a["n_features"][0])))

    def probabilities(self, doc, cands, category_at) -> list[float]:
        kind = doc.metadata.get("kind")
        return [self.fast.probability(fact_features(doc.norm, c, category_at(c.start), kind)) for c in cands]

    def decide(self, doc, found, category_at):
        open_ = [c for c in found if c.reject is None]
        kept = []
        for c, p in zip(open_, self.probabilities(doc, open_, category_at)):
            c.features["confidence"], c.features["method"] = p, "classifier"
            if p >= FACT_THRESHOLD:
                kept.append(c)
        return kept


class IndicatorClassifier:
    """Names the indicator of a fact from its measured words, where the corpus has taught it."""

    def __init__(self, fast):
        self.fast = fast

    @classmethod
    def load(cls, path: Path) -> IndicatorClassifier:
        from extractor.learning.fast import FastNeighbours, arrays, neighbour_arrays
        from extractor.resources import file_sha256

        a = arrays(path, file_sha256(path), neighbour_arrays)
        return cls(FastNeighbours(a["idf"], a["data"], a["indices"], a["indptr"], a["labels"], a["classes"],
                                  int(a["k"][0]), int(a["n_features"][0])))

    def assign(self, doc, facts) -> None:
        """Name the measures the catalog rules left open, where a taught example is near enough."""
        # a bare verb or a bare "people" (组织了4次, 群众达300人次) says too little to vote on
        facts = [c for c in facts if (OVERRIDE_ALL or c.indicator.startswith(("x:", "unknown")))
                 and c.features.get("phrase", "") not in TOO_VAGUE]
        for c in facts:
            label, distance = self.fast.nearest(indicator_text(doc.norm, c))
            growth = c.change is not None and c.quantity.unit in ("%", "个百分点", "倍")
            if distance <= INDICATOR_MAX_DISTANCE and can_report(label, c.quantity.unit, growth):
                c.indicator = label
