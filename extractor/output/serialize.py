"""Byte-identical JSON for the same input and version."""

from __future__ import annotations

import json
from pathlib import Path

from extractor.model import Report


def report_json(report: Report) -> str:
    return json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=1) + "\n"


def output_path(out_dir: Path, source: Path, taken: set[Path]) -> Path:
    """`DIR/<name>.json`, never reusing a name: a clash gets `<name>-2.json`, `<name>-3.json` …"""
    stem = source.stem or "report"
    candidate = out_dir / f"{stem}.json"
    n = 2
    while candidate in taken:
        candidate = out_dir / f"{stem}-{n}.json"
        n += 1
    taken.add(candidate)
    return candidate
