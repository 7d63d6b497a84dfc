"""The dataset's SQLite database: schema, the indicator catalog, and per-document writes.

One document is written in one transaction (its old rows deleted, its new rows
inserted), so a process killed at any moment leaves each document either
wholly stored or absent.  WAL lets readers (`query`, `serve`) run while a batch
writes.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from extractor.model import Report

DEFAULT_DB = "data/govfacts.db"
SCHEMA_VERSION = 1  # PRAGMA user_version of a database this code made

# failures that are not the extractor's verdict on the file's content: a rerun tries them again
RETRY_CODES = ("worker_crashed", "unreadable", "corrupt_zip")

_SCHEMA = """
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    sha256 TEXT NOT NULL,
    extractor_version TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('ok', 'needs_ocr', 'error')),
    error_code TEXT,
    error_message TEXT,
    format TEXT,
    pages INTEGER,
    text_layer INTEGER,
    ocr INTEGER,
    doc_number TEXT,
    issuer TEXT,
    signer TEXT,
    date TEXT,
    year INTEGER,
    title TEXT,
    kind TEXT,
    province TEXT,
    city TEXT,
    county TEXT,
    township TEXT,
    n_facts INTEGER NOT NULL,
    schema_version TEXT,
    catalog_version TEXT,
    models TEXT,
    text TEXT NOT NULL DEFAULT ''
);
CREATE INDEX documents_sha256 ON documents (sha256, extractor_version);
CREATE INDEX documents_region ON documents (province, county, township);
CREATE INDEX documents_year ON documents (year);

CREATE TABLE facts (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    fact_id TEXT NOT NULL,
    indicator TEXT NOT NULL,
    value REAL NOT NULL,
    value_max REAL,
    unit TEXT,
    qualifier TEXT NOT NULL,
    change TEXT,
    raw TEXT NOT NULL,
    evidence TEXT NOT NULL,
    section TEXT,
    page INTEGER,
    bbox_x0 REAL,
    bbox_top REAL,
    bbox_x1 REAL,
    bbox_bottom REAL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    confidence REAL NOT NULL,
    method TEXT NOT NULL,
    UNIQUE (document_id, position)
);
CREATE INDEX facts_indicator ON facts (indicator, document_id);

CREATE TABLE sections (
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    number TEXT NOT NULL,
    title TEXT NOT NULL,
    level INTEGER NOT NULL,
    parent INTEGER,
    category TEXT NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    PRIMARY KEY (document_id, position)
);

CREATE TABLE list_items (
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('problem', 'plan')),
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    PRIMARY KEY (document_id, kind, position)
);

CREATE TABLE indicators (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    category TEXT,
    unit_family TEXT,
    units TEXT,
    aliases TEXT,
    valid_min REAL,
    valid_max REAL
);

CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);

-- the trigram tokenizer indexes every 3-character run: Chinese has no spaces to split on
CREATE VIRTUAL TABLE documents_fts USING fts5 (
    title, text, content="documents", content_rowid="id", tokenize="trigram"
);
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, text)
    VALUES ('delete', old.id, old.title, old.text);
END;

CREATE VIRTUAL TABLE facts_fts USING fts5 (
    evidence, content="facts", content_rowid="id", tokenize="trigram"
);
CREATE TRIGGER facts_fts_insert AFTER INSERT ON facts BEGIN
    INSERT INTO facts_fts (rowid, evidence) VALUES (new.id, new.evidence);
END;
CREATE TRIGGER facts_fts_delete AFTER DELETE ON facts BEGIN
    INSERT INTO facts_fts (facts_fts, rowid, evidence) VALUES ('delete', old.id, old.evidence);
END;

-- one row per fact with its document's metadata: what export writes and serve facets
CREATE VIEW fact_rows AS
SELECT
    f.id AS pk,
    d.path, d.doc_number, d.title, d.kind, d.date, d.year,
    d.province, d.city, d.county, d.township,
    f.fact_id, f.indicator, i.name AS indicator_name,
    f.value, f.value_max, f.unit, f.qualifier, f.change, f.raw, f.evidence,
    f.section, f.page, f.bbox_x0, f.bbox_top, f.bbox_x1, f.bbox_bottom,
    f.span_start, f.span_end, f.confidence, f.method, d.extractor_version,
    f.document_id, f.position
FROM facts f
JOIN documents d ON d.id = f.document_id
LEFT JOIN indicators i ON i.id = f.indicator;
"""


class DatabaseError(Exception):
    """A database file that cannot be used: missing, not SQLite, or from a newer govfacts."""


def connect(path: str | Path) -> sqlite3.Connection:
    """Open (creating if needed) a dataset database for writing, schema in place."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, isolation_level=None)  # we issue BEGIN/COMMIT ourselves
    try:
        conn.execute("PRAGMA busy_timeout = 60000")  # batch workers take turns to write
        conn.execute("PRAGMA journal_mode = WAL")
        # NORMAL is durable against a killed process in WAL mode; only power loss can drop the last commits
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        _ensure_schema(conn)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise DatabaseError(f"{path}: not a govfacts database ({exc})") from None
    return conn


def connect_readonly(path: str | Path) -> sqlite3.Connection:
    """Open an existing database so that no statement can change it."""
    path = Path(path)
    if not path.is_file():
        raise DatabaseError(f"{path}: no such database (run `govfacts batch DIR --db {path}` first)")
    conn = sqlite3.connect(f"file:{path.resolve()}?mode=ro", uri=True)
    conn.execute("PRAGMA query_only = ON")
    conn.set_authorizer(_no_other_files)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise DatabaseError(f"{path}: not a govfacts database ({exc})") from None
    if version != SCHEMA_VERSION:
        conn.close()
        raise DatabaseError(f"{path}: not a govfacts database of schema {SCHEMA_VERSION} (found {version})")
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE … COMMIT, rolled back on any exception."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _no_other_files(action: int, *_: object) -> int:
    """Authorizer of read-only connections: ATTACH (and VACUUM INTO, which attaches) would create files."""
    return (
        sqlite3.SQLITE_DENY if action in (sqlite3.SQLITE_ATTACH, sqlite3.SQLITE_DETACH) else sqlite3.SQLITE_OK
    )


def _ensure_schema(conn: sqlite3.Connection) -> None:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version == SCHEMA_VERSION:
        return
    if version != 0:
        raise sqlite3.DatabaseError(f"schema version {version}, this govfacts knows {SCHEMA_VERSION}")
    with transaction(conn):
        if conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise sqlite3.DatabaseError("the file already holds other tables")
        for statement in _statements(_SCHEMA):
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _statements(script: str) -> list[str]:
    """Split the schema into statements (executescript would commit on its own, outside our transaction)."""
    statements, current = [], ""
    for line in script.splitlines(keepends=True):
        if line.lstrip().startswith("--"):
            continue
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    return statements


def load_catalog(conn: sqlite3.Connection, catalog: dict[str, Any] | None = None) -> str:
    """Replace the `indicators` table with the catalog (default: the project's); return its version."""
    if catalog is None:
        from extractor import resources

        catalog = resources.catalog()
    rows = [_indicator_row(item) for item in catalog["indicators"]]
    with transaction(conn):
        conn.execute("DELETE FROM indicators")
        conn.executemany("INSERT INTO indicators VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
        conn.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES ('catalog_version', ?)",
            (catalog["catalog_version"],),
        )
    return catalog["catalog_version"]


def _indicator_row(item: dict[str, Any]) -> tuple:
    low, high = (item.get("valid_range") or [None, None])[:2]
    return (
        item["id"],
        item["name"],
        item.get("category"),
        item.get("unit_family"),
        json.dumps(item.get("units", []), ensure_ascii=False),
        json.dumps(item.get("aliases", []), ensure_ascii=False),
        low,
        high,
    )


@dataclass
class DocumentRows:
    """Everything one report puts in the database, as plain values."""

    document: dict[str, Any]
    facts: list[tuple] = field(default_factory=list)
    sections: list[tuple] = field(default_factory=list)
    items: list[tuple] = field(default_factory=list)

    @property
    def path(self) -> str:
        return self.document["path"]


def report_rows(report: Report, path: str, sha256: str, extractor_version: str) -> DocumentRows:
    """Flatten a `Report` into rows; `path` is how the batch names the file (may be `a.zip!b.pdf`)."""
    meta, region, source, error = report.metadata, report.metadata.region, report.source, report.error
    document = {
        "path": path,
        "sha256": sha256,
        "extractor_version": extractor_version,
        "status": report.status,
        "error_code": error.code if error else None,
        "error_message": error.message if error else None,
        "format": source.format,
        "pages": source.pages,
        "text_layer": source.text_layer,
        "ocr": source.ocr,
        "doc_number": meta.doc_number,
        "issuer": meta.issuer,
        "signer": meta.signer,
        "date": meta.date,
        "year": meta.year,
        "title": meta.title,
        "kind": meta.kind,
        "province": region.province,
        "city": region.city,
        "county": region.county,
        "township": region.township,
        "n_facts": len(report.facts),
        "schema_version": report.schema_version,
        "catalog_version": report.extractor.catalog_version,
        "models": json.dumps(report.extractor.models, ensure_ascii=False, sort_keys=True),
        "text": report.text,
    }
    facts = [
        (i, f.id, f.indicator, f.value, f.value_max, f.unit, f.qualifier, f.change, f.raw, f.evidence,
         f.section, f.page, *(f.bbox or (None,) * 4), *f.span, f.confidence, f.method)
        for i, f in enumerate(report.facts)
    ]  # fmt: skip
    sections = [
        (i, s.number, s.title, s.level, s.parent, s.category, *s.span) for i, s in enumerate(report.sections)
    ]
    items = [
        (kind, i, item.text, *item.span)
        for kind, listed in (("problem", report.problems), ("plan", report.plans))
        for i, item in enumerate(listed)
    ]
    return DocumentRows(document, facts, sections, items)


@dataclass(frozen=True)
class Stored:
    """A document as stored: what progress and the batch summary show of it."""

    path: str
    status: str
    n_facts: int
    message: str | None


def write_document(conn: sqlite3.Connection, rows: DocumentRows) -> Stored:
    """Store one document in one transaction, replacing whatever was stored under its path."""
    columns = list(rows.document)
    insert_document = f"INSERT INTO documents ({', '.join(columns)}) VALUES (:{', :'.join(columns)})"
    with transaction(conn):
        conn.execute("DELETE FROM documents WHERE path = ?", (rows.path,))  # cascades to its rows
        doc_id = conn.execute(insert_document, rows.document).lastrowid
        # row tuples follow the schema's column order; facts.id, the first column, is left to SQLite
        for table, values in (("facts", rows.facts), ("sections", rows.sections), ("list_items", rows.items)):
            if values:
                marks = ("NULL, " if table == "facts" else "") + ", ".join("?" * (len(values[0]) + 1))
                conn.executemany(f"INSERT INTO {table} VALUES ({marks})", [(doc_id, *v) for v in values])
    doc = rows.document
    return Stored(doc["path"], doc["status"], doc["n_facts"], doc["error_message"])


def forget(conn: sqlite3.Connection, path: str) -> None:
    """Remove a stored document and its rows."""
    with transaction(conn):
        conn.execute("DELETE FROM documents WHERE path = ?", (path,))


def done_keys(conn: sqlite3.Connection, extractor_version: str) -> dict[str, str]:
    """sha256 → path of every document already extracted by this version (and not to be retried)."""
    rows = conn.execute(
        f"""SELECT sha256, path FROM documents WHERE extractor_version = ?
            AND coalesce(error_code, '') NOT IN ({", ".join("?" * len(RETRY_CODES))})
            ORDER BY path""",
        (extractor_version, *RETRY_CODES),
    )
    keys: dict[str, str] = {}
    for sha, path in rows:
        keys.setdefault(sha, path)
    return keys


def totals(conn: sqlite3.Connection) -> dict[str, int]:
    """Documents by status, and facts, in the whole database."""
    counts = dict(conn.execute("SELECT status, count(*) FROM documents GROUP BY status").fetchall())
    counts["documents"] = sum(counts.values())
    counts["facts"] = conn.execute("SELECT count(*) FROM facts").fetchone()[0]
    return counts


def stored_sha(conn: sqlite3.Connection, path: str) -> str | None:
    row = conn.execute("SELECT sha256 FROM documents WHERE path = ?", (path,)).fetchone()
    return row[0] if row else None
