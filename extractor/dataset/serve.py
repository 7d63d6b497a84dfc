"""`govfacts serve`: the dataset in Datasette, read-only, with facets and full-text search.

The database is served `--immutable`: Datasette opens it with `immutable=1`, so
nothing can write to it (and counts are cached).  An immutable reader does not
look at the WAL file, so the WAL is first folded into the database.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from extractor.dataset.db import connect_readonly

_REGION_FACETS = ["province", "county", "township"]


def metadata(db_path: str | Path) -> dict[str, Any]:
    """Datasette metadata: default facets, full-text search on the `fact_rows` view, labels."""
    tables = {
        "fact_rows": {
            "description": "One row per fact with its document's metadata (what `govfacts export` writes).",
            "facets": ["indicator", "year", *_REGION_FACETS],
            "fts_table": "facts_fts",
            "fts_pk": "pk",
            "sort": "path",
        },
        "facts": {"facets": ["indicator", "qualifier", "unit"]},
        "documents": {
            "facets": ["status", "year", "kind", *_REGION_FACETS],
            "label_column": "path",
            "sort": "path",
        },
        "indicators": {"facets": ["category", "unit_family"], "label_column": "name"},
        "sections": {"facets": ["category", "level"]},
        "list_items": {"facets": ["kind"]},
    }
    return {
        "title": "govfacts",
        "description": "Facts extracted from Chinese local-government reports, each with its evidence.",
        "databases": {Path(db_path).stem: {"tables": tables}},
    }


def datasette_args(db_path: str | Path, metadata_file: str, host: str, port: int) -> list[str]:
    """Arguments of `datasette serve` (long cells cut, so a report's whole text does not fill a page)."""
    options = {"--immutable": str(db_path), "--metadata": metadata_file, "--host": host, "--port": str(port)}
    return [
        "serve",
        *(part for pair in options.items() for part in pair),
        "--setting",
        "truncate_cells_html",
        "300",
    ]


def fold_wal(db_path: str | Path) -> None:
    """Move committed pages from the WAL into the database file, where an immutable reader sees them."""
    connect_readonly(db_path).close()  # a clear error if this is not a govfacts database
    try:
        conn = sqlite3.connect(db_path)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
    except sqlite3.OperationalError:  # read-only media: nothing could have been left in a WAL there
        pass


def serve(db_path: str | Path, host: str = "127.0.0.1", port: int = 8001) -> None:
    """Serve the database until interrupted."""
    from datasette.cli import cli

    fold_wal(db_path)
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8") as file:
        json.dump(metadata(db_path), file, ensure_ascii=False)
        file.flush()
        cli.main(
            datasette_args(db_path, file.name, host, port), prog_name="govfacts serve", standalone_mode=False
        )
