"""The core sub-commands; each module registers itself with `add_parser(subparsers)`."""

from __future__ import annotations

import sys
from pathlib import Path


def extract_one(path: str, out: str | None, suffix: str):
    """Extract one file for a command that writes one output next to it.

    Returns (report, output path), or (None, None) after printing the file's one-line error.
    """
    from extractor import extract

    report = extract(path)
    if report.status != "ok":
        print(f"govfacts: {report.status}: {report.error.message}", file=sys.stderr)
        return None, None
    src = Path(path)
    return report, Path(out) if out else src.with_name(src.stem + suffix)
