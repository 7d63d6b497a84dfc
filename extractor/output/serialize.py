"""Byte-identical JSON for the same input and version."""

from __future__ import annotations

import json
from pathlib import Path

from extractor.model import Report


def report_json(report: Report) -> str:
    return json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=1) + "\n"


def output_path(out_dir: Path, source: Path, taken: set[Path]) -> Path:
    """`DIR/<name>.json`, never reusing a name: a clash gets `<name>-2.json`, `<name>-3.json` …

    A clash is another input of this run with the same name, or a file already in DIR that
    came from another source; the same source extracted again replaces its own file.
    """
    stem = source.stem or "report"
    candidate = out_dir / f"{stem}.json"
    n = 2
    while candidate in taken or _from_other_source(candidate, source):
        candidate = out_dir / f"{stem}-{n}.json"
        n += 1
    taken.add(candidate)
    return candidate


def _from_other_source(path: Path, source: Path) -> bool:
    if not path.exists():
        return False
    try:
        previous = json.loads(path.read_text(encoding="utf-8"))["source"]["path"]
    except (OSError, ValueError, KeyError, TypeError):
        return True  # not ours to overwrite
    return previous != str(source)
