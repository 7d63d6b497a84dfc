"""Reading the dataset: read-only SQL, and the township × indicator (× year) comparison.

Everything here opens the database read-only, so no query can change it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extractor.dataset.db import connect_readonly

REGION_LEVELS = ("province", "city", "county", "township")
_QUALIFIER_MARKS = {"approx": "≈", "more_than": ">", "at_least": "≥", "less_than": "<", "at_most": "≤"}
_CHANGE_MARKS = {"increase": "↑", "decrease": "↓"}


class QueryError(Exception):
    """A statement the database refused (a write, a syntax error, a missing table)."""


@dataclass(frozen=True)
class Filters:
    """Which facts to take: any of these indicators, years and regions (a region matches any level)."""

    indicators: Sequence[str] = ()
    years: Sequence[int] = ()
    regions: Sequence[str] = ()

    def where(self) -> tuple[str, list[Any]]:
        """An SQL condition on `fact_rows` and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        for column, values in (("indicator", self.indicators), ("year", self.years)):
            if values:
                clauses.append(f"{column} IN ({', '.join('?' * len(values))})")
                params += list(values)
        if self.regions:
            one = "(" + " OR ".join(f"instr(coalesce({level}, ''), ?) > 0" for level in REGION_LEVELS) + ")"
            clauses.append("(" + " OR ".join([one] * len(self.regions)) + ")")
            params += [region for region in self.regions for _ in REGION_LEVELS]
        return " AND ".join(clauses) or "1", params


def query(db_path: str | Path, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list[tuple]]:
    """Run one read-only statement; return the column names and rows."""
    conn = connect_readonly(db_path)
    try:
        cursor = conn.execute(sql, params)
        columns = [d[0] for d in cursor.description or ()]
        return columns, cursor.fetchall()
    except (sqlite3.DatabaseError, sqlite3.ProgrammingError, sqlite3.Warning) as exc:
        raise QueryError(_explain(exc)) from None
    finally:
        conn.close()


def _explain(exc: Exception) -> str:
    message = str(exc)
    if "readonly" in message or "query_only" in message or "authoriz" in message:
        return f"refused: the database is opened read-only ({message})"
    return message


def resolve_indicator(db_path: str | Path, name: str) -> str:
    """The indicator id that `name` means: an id, or a catalog name such as 集体学法."""
    _, rows = query(db_path, "SELECT id FROM indicators WHERE ? IN (id, name) ORDER BY id != ?", (name, name))
    if rows:
        return rows[0][0]
    if query(db_path, "SELECT 1 FROM facts WHERE indicator = ? LIMIT 1", (name,))[1]:
        return name  # an id the extractor used that the catalog does not list
    _, near = query(
        db_path,
        "SELECT id, name FROM indicators WHERE instr(id, ?) OR instr(name, ?) OR instr(aliases, ?)",
        (name, name, name),
    )
    hint = "; did you mean " + ", ".join(f"{i} ({n})" for i, n in near[:8]) if near else ""
    raise QueryError(f"unknown indicator {name!r}{hint}")


COMPARE_COLUMNS = [
    *REGION_LEVELS,
    "year",
    "indicator",
    "indicator_name",
    "value",
    "value_max",
    "unit",
    "qualifier",
    "change",
    "raw",
    "evidence",
    "path",
]


def compare(db_path: str | Path, filters: Filters) -> list[dict]:
    """One record per fact that passes `filters`: region, year, value, unit, evidence, in a stable order."""
    where, params = filters.where()
    order = ", ".join(
        [*(f"coalesce({c}, '')" for c in REGION_LEVELS), "year", "indicator", "path", "position"]
    )
    sql = f"SELECT {', '.join(COMPARE_COLUMNS)} FROM fact_rows WHERE {where} ORDER BY {order}"
    names, rows = query(db_path, sql, params)
    return [dict(zip(names, row, strict=True)) for row in rows]


@dataclass
class Pivot:
    """A region × year by indicator table; `caption` names the places every row shares."""

    headers: list[str]
    rows: list[list[Any]]
    caption: str
    notes: list[str]


def pivot(records: Sequence[dict], indicators: Sequence[str] = (), evidence: bool = False) -> Pivot:
    """Records as one row per region and year, one column per indicator (in the order of `indicators`).

    A cell lists every value the reports give, joined by "; "; with `evidence`,
    each value gets the number of a footnote that quotes the clause it stands in.
    """
    levels, shared = _region_columns(records)
    order = list(dict.fromkeys([*indicators, *(r["indicator"] for r in records)]))
    names = {r["indicator"]: r["indicator_name"] or r["indicator"] for r in records}
    columns = [i for i in order if i in names]
    cells: dict[tuple, dict[str, list[str]]] = {}
    notes: dict[tuple[str, str], int] = {}  # (path, clause) → footnote number: a clause is shown once
    for r in records:
        key = (*(r[level] or "" for level in levels), r["year"] if r["year"] is not None else "")
        text = format_value(r)
        if evidence:
            text += f" [{notes.setdefault((r['path'], r['evidence']), len(notes) + 1)}]"
        cells.setdefault(key, {}).setdefault(r["indicator"], []).append(text)
    rows = [[*key, *("; ".join(row.get(i, [])) for i in columns)] for key, row in cells.items()]
    lines = [f"[{n}] {path}: {clause}" for (path, clause), n in notes.items()]
    return Pivot([*levels, "year", *(names[i] for i in columns)], rows, " ".join(shared), lines)


def _region_columns(records: Sequence[dict]) -> tuple[list[str], list[str]]:
    """Region levels that tell rows apart (always the finest one), and the names all rows share."""
    present = [level for level in REGION_LEVELS if any(r[level] for r in records)]
    varying = [level for level in present if len({r[level] for r in records}) > 1]
    if present and present[-1] not in varying:
        varying.append(present[-1])
    shared = [records[0][level] for level in present if level not in varying]
    return varying, shared


def format_value(record: dict) -> str:
    """A fact as a reader writes it: `≈860人`, `>3500人次`, `↑5%`, `2–3次`.

    >>> format_value({"value": 860.0, "value_max": None, "unit": "人", "qualifier": "approx", "change": None})
    '≈860人'
    >>> format_value({"value": 2.0, "value_max": 3.5, "unit": "次", "qualifier": "range", "change": None})
    '2–3.5次'
    """
    number = _number(record["value"])
    if record["qualifier"] == "range" and record["value_max"] is not None:
        number += "–" + _number(record["value_max"])
    marks = _QUALIFIER_MARKS.get(record["qualifier"], "") + _CHANGE_MARKS.get(record["change"] or "", "")
    return f"{marks}{number}{record['unit'] or ''}"


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else format(value, ".12g")
