"""The shipped models evaluated with numpy alone, so extraction does not import scikit-learn.

The skops files stay the models' only source: on first use a model is loaded
with skops, its fitted arrays are copied into a cache (`.npz`, no pickle,
named by the model file's sha256), and every later process reads the arrays.
The arithmetic is scikit-learn's own — feature hashing with MurmurHash3,
logistic regression, TF-IDF and a cosine nearest-neighbour vote — and a test
checks that both give the same answers.

>>> murmurhash3_32(b"unit=%")  # the same value as sklearn.utils.murmurhash3_32
-601411062
"""

from __future__ import annotations

import math
import os
import re
import tempfile
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import numpy as np

WHITE_SPACES = re.compile(r"\s\s+")


def murmurhash3_32(data: bytes, seed: int = 0) -> int:
    """MurmurHash3 x86 32-bit, signed — the hash scikit-learn's hashers use."""
    c1, c2 = 0xCC9E2D51, 0x1B873593
    h = seed & 0xFFFFFFFF
    n = len(data) // 4 * 4
    for i in range(0, n, 4):
        k = int.from_bytes(data[i:i + 4], "little")
        k = (k * c1) & 0xFFFFFFFF
        k = ((k << 15) | (k >> 17)) & 0xFFFFFFFF
        k = (k * c2) & 0xFFFFFFFF
        h ^= k
        h = ((h << 13) | (h >> 19)) & 0xFFFFFFFF
        h = (h * 5 + 0xE6546B64) & 0xFFFFFFFF
    k = 0
    tail = data[n:]
    if len(tail) == 3:
        k ^= tail[2] << 16
    if len(tail) >= 2:
        k ^= tail[1] << 8
    if tail:
        k ^= tail[0]
        k = (k * c1) & 0xFFFFFFFF
        k = ((k << 15) | (k >> 17)) & 0xFFFFFFFF
        k = (k * c2) & 0xFFFFFFFF
        h ^= k
    h ^= len(data)
    h ^= h >> 16
    h = (h * 0x85EBCA6B) & 0xFFFFFFFF
    h ^= h >> 13
    h = (h * 0xC2B2AE35) & 0xFFFFFFFF
    h ^= h >> 16
    return h - (1 << 32) if h & 0x80000000 else h


@lru_cache(maxsize=1 << 16)
def _column(feature: str, n_features: int) -> int:
    h = murmurhash3_32(feature.encode("utf-8"))
    return (2147483647 - (n_features - 1)) % n_features if h == -2147483648 else abs(h) % n_features


def hashed(features: Iterable[str], n_features: int) -> dict[int, float]:
    """Feature names → {column: count}, as FeatureHasher(alternate_sign=False) builds them."""
    out: dict[int, float] = {}
    for f in features:
        col = _column(f, n_features)
        out[col] = out.get(col, 0.0) + 1.0
    return out


def char_ngrams(text: str, low: int = 1, high: int = 3) -> list[str]:
    """HashingVectorizer(analyzer="char")'s n-grams (lower-cased, runs of white space folded)."""
    text = WHITE_SPACES.sub(" ", text.lower())
    grams = list(text) if low == 1 else []
    for n in range(max(low, 2), min(high + 1, len(text) + 1)):
        grams.extend(text[i:i + n] for i in range(len(text) - n + 1))
    return grams


class FastFacts:
    """FeatureHasher → LogisticRegression, binary."""

    def __init__(self, coef: np.ndarray, intercept: float, n_features: int):
        self.coef, self.intercept, self.n_features = coef, intercept, n_features

    def probability(self, features: dict) -> float:
        cols = hashed((k for k, v in features.items() if v), self.n_features)
        z = self.intercept + sum(self.coef[c] * v for c, v in cols.items())
        return 1.0 / (1.0 + math.exp(-z))


class FastNeighbours:
    """Hashed char n-grams → TF-IDF → k nearest neighbours by cosine, weighted by 1/distance."""

    def __init__(self, idf, data, indices, indptr, labels, classes, k: int, n_features: int):
        self.idf, self.k, self.n_features = idf, k, n_features
        self.data, self.indices, self.indptr = data, indices, indptr
        self.labels, self.classes = labels, classes
        self._query = np.zeros(n_features)  # reused: one dense query vector per process

    def vector(self, text: str) -> dict[int, float]:
        counts = hashed(char_ngrams(text), self.n_features)
        weights = {c: (math.log(v) + 1.0) * self.idf[c] for c, v in counts.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        return {c: w / norm for c, w in weights.items()}

    def nearest(self, text: str) -> tuple[str, float]:
        """The voted label and the distance to the nearest taught example."""
        q = self._query
        q[:] = 0.0
        for c, w in self.vector(text).items():
            q[c] = w
        products = q[self.indices] * self.data
        sims = np.add.reduceat(products, self.indptr[:-1]) if len(products) else np.zeros(0)
        sims[self.indptr[:-1] == self.indptr[1:]] = 0.0  # reduceat copies a value into empty rows
        dist = np.clip(1.0 - sims, 0.0, 2.0)
        order = np.argsort(dist, kind="stable")[: self.k]
        near = dist[order]
        weights = (near == 0).astype(float) if (near == 0).any() else 1.0 / near
        votes = np.zeros(len(self.classes))
        np.add.at(votes, self.labels[order], weights)
        return str(self.classes[int(votes.argmax())]), float(near[0])


def cache_dir() -> Path:
    base = os.environ.get("GOVFACTS_CACHE") or os.environ.get("XDG_CACHE_HOME")
    path = Path(base) / "govfacts" if base else Path.home() / ".cache" / "govfacts"
    try:
        path.mkdir(parents=True, exist_ok=True)
        return path
    except OSError:
        return Path(tempfile.gettempdir())


def arrays(model_path: Path, digest: str, extract) -> dict[str, np.ndarray]:
    """The fitted arrays of a model: from the cache, or from the skops file (then cached)."""
    cached = cache_dir() / f"{model_path.stem}-{digest[:16]}.npz"
    if cached.exists():
        try:
            with np.load(cached, allow_pickle=False) as npz:
                return {k: npz[k] for k in npz.files}
        except (OSError, ValueError):
            pass  # a damaged cache is rebuilt
    from extractor.learning.models import load

    found = extract(load(model_path))
    tmp = cached.with_suffix(f".{os.getpid()}.tmp.npz")
    try:
        np.savez(tmp, **found)
        os.replace(tmp, cached)
    except OSError:
        pass  # a read-only home: no cache, still correct
    return found


def fact_arrays(pipeline) -> dict[str, np.ndarray]:
    clf = pipeline.named_steps["classify"]
    positive = list(clf.classes_).index(1)
    sign = 1.0 if positive == 1 else -1.0
    return {"coef": sign * clf.coef_[0], "intercept": np.array([sign * clf.intercept_[0]]),
            "n_features": np.array([pipeline.named_steps["hash"].n_features])}


def neighbour_arrays(pipeline) -> dict[str, np.ndarray]:
    ngrams = pipeline.named_steps["ngrams"]
    knn = pipeline.named_steps["vote"]
    fitted = knn._fit_X.tocsr()
    return {
        "idf": ngrams.named_steps["tfidf"].idf_, "data": fitted.data, "indices": fitted.indices,
        "indptr": fitted.indptr, "labels": knn._y, "classes": knn.classes_.astype(str),
        "k": np.array([knn.n_neighbors]), "n_features": np.array([ngrams.named_steps["hash"].n_features]),
    }
