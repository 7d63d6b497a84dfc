"""Trained models shipped in `models/`, loaded with skops (never pickle)."""

from __future__ import annotations

from functools import lru_cache

from extractor.resources import file_sha256, models_dir

FACT_MODEL = "fact_classifier.skops"
INDICATOR_MODEL = "indicator_classifier.skops"


@lru_cache(maxsize=1)
def model_hashes() -> dict[str, str]:
    """Model file → sha256, recorded in every output so results can be reproduced."""
    out = {}
    for name in (FACT_MODEL, INDICATOR_MODEL):
        path = models_dir() / name
        if path.exists():
            out[name] = file_sha256(path)
    return out


@lru_cache(maxsize=1)
def fact_classifier():
    path = models_dir() / FACT_MODEL
    if not path.exists():
        return None
    from extractor.learning.models import FactClassifier

    return FactClassifier.load(path)


@lru_cache(maxsize=1)
def indicator_classifier():
    path = models_dir() / INDICATOR_MODEL
    if not path.exists():
        return None
    from extractor.learning.models import IndicatorClassifier

    return IndicatorClassifier.load(path)
