"""Writing rows as a terminal table (aligned for Chinese, whose characters take two columns), CSV or JSON.

>>> print(render_table(["镇", "value"], [["平山镇", 164], ["石溪乡", None]]))
镇      value
------  -----
平山镇    164
石溪乡
"""

from __future__ import annotations

import csv
import json
import unicodedata
from collections.abc import Sequence
from typing import Any, TextIO

FORMATS = ("table", "csv", "json")


def display_width(text: str) -> int:
    """Terminal columns `text` takes: wide and full-width characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cell(value: Any, limit: int) -> str:
    text = "" if value is None else " ".join(str(value).split())
    if display_width(text) <= limit:
        return text
    while display_width(text) > limit - 1:
        text = text[:-1]
    return text + "…"


def render_table(headers: Sequence[str], rows: Sequence[Sequence[Any]], max_width: int = 40) -> str:
    """Rows under their headers; numbers right-aligned, long cells cut to `max_width` columns."""
    cells = [[_cell(v, max_width) for v in row] for row in rows]
    widths = [max([display_width(h)] + [display_width(r[i]) for r in cells]) for i, h in enumerate(headers)]
    numeric = [
        all(isinstance(r[i], int | float) for r in rows if r[i] is not None) for i in range(len(headers))
    ]

    def line(values: Sequence[str]) -> str:
        padded = []
        for value, width, right in zip(values, widths, numeric, strict=True):
            gap = " " * (width - display_width(value))
            padded.append(gap + value if right else value + gap)
        return "  ".join(padded).rstrip()

    return "\n".join([line(headers), "  ".join("-" * w for w in widths), *(line(r) for r in cells)])


def write_rows(headers: Sequence[str], rows: Sequence[Sequence[Any]], fmt: str, out: TextIO) -> None:
    """Write rows as a table, CSV (header first) or a JSON list of objects."""
    if fmt == "table":
        out.write(render_table(headers, rows) + "\n")
    elif fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(headers)
        writer.writerows(rows)
    elif fmt == "json":
        records = [dict(zip(headers, row, strict=True)) for row in rows]
        out.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    else:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
