"""`govfacts export`: every fact with its document's metadata, one row per fact (Parquet, CSV, JSON lines).

Rows come from the `fact_rows` view in a stable order (path, then place in the
report); Parquet columns are typed (integers, floats, strings), not text.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from extractor.dataset.db import connect_readonly
from extractor.dataset.query import Filters

FORMATS = ("parquet", "csv", "jsonl")
# internal row ids are left out: they change when a document is re-extracted
_LEFT_OUT = ("pk", "document_id")
_BATCH_ROWS = 10_000
# every other column is a string
_ARROW_TYPES = {
    "year": "int32",
    "value": "float64",
    "value_max": "float64",
    "page": "int32",
    "bbox_x0": "float64",
    "bbox_top": "float64",
    "bbox_x1": "float64",
    "bbox_bottom": "float64",
    "span_start": "int32",
    "span_end": "int32",
    "confidence": "float64",
    "position": "int32",
}


def export(db_path: str | Path, fmt: str, out: str | Path | TextIO, filters: Filters | None = None) -> int:
    """Write the facts passing `filters` to `out`, a path (or a text stream for csv/jsonl); count them."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    conn = connect_readonly(db_path)
    try:
        columns, batches = _batches(conn, filters or Filters())
        if fmt == "parquet":
            return _write_parquet(columns, batches, Path(out))
        if isinstance(out, str | Path):
            with open(out, "w", encoding="utf-8", newline="") as stream:
                return _write_text(fmt, columns, batches, stream)
        return _write_text(fmt, columns, batches, out)
    finally:
        conn.close()


def _batches(conn: sqlite3.Connection, filters: Filters) -> tuple[list[str], Iterator[list[tuple]]]:
    names = [row[1] for row in conn.execute("PRAGMA table_info(fact_rows)")]
    columns = [name for name in names if name not in _LEFT_OUT]
    where, params = filters.where()
    cursor = conn.execute(
        f"SELECT {', '.join(columns)} FROM fact_rows WHERE {where} ORDER BY path, position", params
    )
    return columns, iter(lambda: cursor.fetchmany(_BATCH_ROWS), [])


def _write_text(fmt: str, columns: list[str], batches: Iterator[list[tuple]], out: TextIO) -> int:
    count = 0
    writer = csv.writer(out, lineterminator="\n")
    if fmt == "csv":
        writer.writerow(columns)
    for rows in batches:
        count += len(rows)
        if fmt == "csv":
            writer.writerows(rows)
        else:
            out.writelines(
                json.dumps(dict(zip(columns, row, strict=True)), ensure_ascii=False) + "\n" for row in rows
            )
    return count


def _write_parquet(columns: list[str], batches: Iterator[list[tuple]], path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(name, pa.type_for_alias(_ARROW_TYPES.get(name, "string"))) for name in columns])
    count = 0
    with pq.ParquetWriter(path, schema) as writer:
        for rows in batches:
            count += len(rows)
            writer.write_table(
                pa.Table.from_pylist([dict(zip(columns, r, strict=True)) for r in rows], schema)
            )
        if count == 0:
            writer.write_table(schema.empty_table())
    return count
