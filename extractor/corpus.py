"""The annotated corpus: gold files and the texts they name.

A gold file names its text either as a path under `corpus/` (texts we wrote)
or as a record of a corpus in `../shared/corpus/` (real texts, never copied
into the project): folder, record id, field, sha256 and an optional range.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from extractor.resources import home


class CorpusError(Exception):
    pass


@dataclass
class GoldDoc:
    doc: str
    path: Path
    gold: dict

    @property
    def source(self):
        return self.gold.get("source")


def shared_dir() -> Path:
    return Path(os.environ.get("GOVFACTS_SHARED", home().parent / "shared"))


def load_gold_dir(gold_dir: Path) -> list[GoldDoc]:
    docs = []
    for path in sorted(Path(gold_dir).glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        docs.append(GoldDoc(path.name[: -len(".gold.json")], path, gold))
    return docs


@lru_cache(maxsize=8)
def _records(corpus: str) -> dict[str, dict]:
    folder = shared_dir() / "corpus" / corpus
    files = sorted(folder.glob("*.jsonl"))
    if not files:
        raise CorpusError(f"corpus {corpus!r} not found under {folder}")
    out = {}
    for line in files[0].read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            out[str(rec.get("id") or rec.get("title"))] = rec
    return out


def text_of(gd: GoldDoc) -> str:
    """The annotated text, checked against the sha256 the gold file records."""
    src = gd.source
    if isinstance(src, str):
        path = (gd.path.parent.parent / src) if not Path(src).is_absolute() else Path(src)
        if not path.exists():
            path = home() / "corpus" / src
        if not path.exists() and src.startswith("fixtures/"):
            path = shared_dir() / src
        return path.read_bytes().decode(gd.gold.get("encoding", "utf-8"))
    rec = _records(src["corpus"]).get(str(src["id"]))
    if rec is None:
        raise CorpusError(f"{gd.doc}: record {src['id']!r} not in corpus {src['corpus']!r}")
    full = rec[src.get("field", "text")]
    digest = hashlib.sha256(full.encode("utf-8")).hexdigest()
    if src.get("sha256") and digest != src["sha256"]:
        raise CorpusError(f"{gd.doc}: the text of {src['id']!r} changed (sha256 differs from the gold file)")
    lo, hi = src.get("range") or (0, len(full))
    return full[lo:hi]


def source_file(gd: GoldDoc) -> Path | None:
    """The file to extract from when the gold names a file (so its encoding is read as a user's would be)."""
    src = gd.source
    if isinstance(src, str):
        path = gd.path.parent.parent / src
        return path if path.exists() else None
    return None
