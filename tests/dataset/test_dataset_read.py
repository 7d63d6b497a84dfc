"""compare, export, query and plot on a dataset built from fictional township reports."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest
from dataset_reports import TOWNSHIPS, report_text, write_txt

from extractor.cli import main
from extractor.dataset.batch import run_batch
from extractor.dataset.export import export
from extractor.dataset.plot import plot
from extractor.dataset.query import Filters, QueryError, compare, pivot, query

LECTURES = {(t.name, t.year): float(t.lectures) for t in TOWNSHIPS}


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("read")
    for t in TOWNSHIPS:
        write_txt(root / "in" / f"{t.name}_{t.year}.txt", report_text(t))
    (root / "in" / "empty.txt").write_bytes(b"")  # a failed document has no facts and must not show up
    run_batch([str(root / "in")], str(root / "govfacts.db"), workers=2, show_progress=False)
    return root / "govfacts.db"


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


# compare


def test_compare_gives_each_township_and_year_its_value(db):
    records = compare(db, Filters(["legal_lectures"]))
    assert {(r["township"], r["year"]): r["value"] for r in records} == LECTURES
    assert len(records) == len(LECTURES)
    assert {(r["unit"], r["qualifier"], r["county"], r["province"]) for r in records} == {
        ("场次", "exact", "鹿寨县", "广西壮族自治区")
    }


def test_compare_filters_by_year_and_region(db):
    by_year = compare(db, Filters(["legal_lectures"], years=[2023]))
    assert sorted(r["township"] for r in by_year) == sorted(t.name for t in TOWNSHIPS if t.year == 2023)
    by_region = compare(db, Filters(["legal_lectures"], regions=["石门"]))
    assert {(r["township"], r["year"]) for r in by_region} == {("石门镇", 2022), ("石门镇", 2023)}
    # a region matches any level: the county holds every township
    assert len(compare(db, Filters(["legal_lectures"], regions=["鹿寨县"]))) == len(TOWNSHIPS)
    assert compare(db, Filters(["legal_lectures"], regions=["海南"])) == []


def test_pivot_is_township_by_indicator_with_qualifiers(db):
    indicators = ["legal_lectures", "publicity_materials_distributed"]
    table = pivot(compare(db, Filters(indicators)), indicators)
    assert table.headers == ["township", "year", "法治讲座", "发放宣传资料"]
    assert table.caption == "广西壮族自治区 柳州市 鹿寨县"
    cells = {(row[0], row[1]): row[2:] for row in table.rows}
    assert cells == {(t.name, t.year): [f"{t.lectures}场次", "≈4200份"] for t in TOWNSHIPS}


def test_compare_cli_table_with_evidence(db, capsys):
    code, out, err = run(
        capsys, "compare", "--db", str(db), "--indicator", "法治讲座", "--year", "2023", "--evidence"
    )
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == "广西壮族自治区 柳州市 鹿寨县"
    assert lines[1].split() == ["township", "year", "法治讲座"]
    rows, notes = [line.split() for line in lines[3:6]], lines[6:]
    assert {row[0]: row[2] for row in rows} == {
        t.name: f"{t.lectures}场次" for t in TOWNSHIPS if t.year == 2023
    }
    assert sorted(row[3] for row in rows) == ["[1]", "[2]", "[3]"]
    for row in rows:  # each footnote gives the clause its figure stands in
        note = notes[int(row[3].strip("[]")) - 1]
        assert note.startswith(row[3]) and f"全年举办法治宣传讲座{row[2]}" in note


def test_compare_cli_csv_and_json_are_the_records(db, capsys):
    records = compare(db, Filters(["legal_lectures"]))
    code, out, _ = run(capsys, "compare", "--db", str(db), "--indicator", "legal_lectures", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and [(r["township"], float(r["value"])) for r in rows] == [
        (r["township"], r["value"]) for r in records
    ]
    assert "evidence" not in rows[0]
    code, out, _ = run(
        capsys, "compare", "--db", str(db), "--indicator", "legal_lectures", "--format", "json", "--evidence"
    )
    assert code == 0 and json.loads(out) == records


def test_compare_cli_unknown_indicator_is_one_line(db, capsys):
    code, out, err = run(capsys, "compare", "--db", str(db), "--indicator", "lecture")
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "unknown indicator 'lecture'" in err and "legal_lectures" in err


# export


def test_export_parquet_has_typed_columns_and_every_fact(db, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    target = tmp_path / "facts.parquet"
    count = export(db, "parquet", target)
    table = pq.read_table(target)
    assert table.num_rows == count == query(db, "SELECT count(*) FROM facts")[1][0][0]
    types = {field.name: field.type for field in table.schema}
    assert types["year"] == pa.int32() and types["page"] == pa.int32() and types["span_start"] == pa.int32()
    assert types["value"] == pa.float64() and types["confidence"] == pa.float64()
    assert types["path"] == pa.string() and types["township"] == pa.string() and types["unit"] == pa.string()
    assert "pk" not in types and "document_id" not in types
    lectures = [r for r in table.to_pylist() if r["indicator"] == "legal_lectures"]
    assert {(r["township"], r["year"]): r["value"] for r in lectures} == LECTURES
    first = lectures[0]
    assert first["raw"] in first["evidence"] and first["span_end"] - first["span_start"] == len(first["raw"])


def test_export_csv_and_jsonl_match_parquet(db, tmp_path, capsys):
    import pyarrow.parquet as pq

    export(db, "parquet", tmp_path / "f.parquet")
    expected = pq.read_table(tmp_path / "f.parquet").to_pylist()
    code, out, _ = run(capsys, "export", "--db", str(db), "--format", "jsonl")
    assert code == 0 and [json.loads(line) for line in out.splitlines()] == expected
    code, _, err = run(capsys, "export", "--db", str(db), "--format", "csv", "-o", str(tmp_path / "f.csv"))
    with open(tmp_path / "f.csv", encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert code == 0 and err == f"{len(expected)} facts → {tmp_path / 'f.csv'}\n"
    assert [(r["path"], r["raw"], r["year"]) for r in rows] == [
        (e["path"], e["raw"], str(e["year"])) for e in expected
    ]


def test_export_filters(db, tmp_path):
    count = export(db, "parquet", tmp_path / "f.parquet", Filters(["legal_lectures"], years=[2022]))
    assert count == sum(1 for t in TOWNSHIPS if t.year == 2022)


# query


def test_query_reads(db, capsys):
    columns, rows = query(db, "SELECT township, count(*) FROM fact_rows GROUP BY 1 ORDER BY 1")
    assert columns == ["township", "count(*)"] and [r[0] for r in rows] == sorted({t.name for t in TOWNSHIPS})
    code, out, _ = run(
        capsys,
        "query",
        "--db",
        str(db),
        "SELECT status, count(*) AS n FROM documents GROUP BY 1",
        "--format",
        "json",
    )
    assert code == 0 and json.loads(out) == [
        {"status": "error", "n": 1},
        {"status": "ok", "n": len(TOWNSHIPS)},
    ]


@pytest.mark.parametrize(
    "sql",
    [
        "DELETE FROM facts",
        "UPDATE documents SET status = 'ok'",
        "DROP TABLE facts",
        "CREATE TABLE x (a)",
        "PRAGMA user_version = 7",
        "SELECT 1; DELETE FROM facts",
        "VACUUM INTO '{tmp}/copy.db'",
        "ATTACH DATABASE '{tmp}/other.db' AS other",
    ],
)
def test_query_refuses_to_write(db, tmp_path, capsys, sql):
    sql = sql.format(tmp=tmp_path)
    before = (
        sqlite3.connect(db).execute("SELECT count(*), (SELECT count(*) FROM documents) FROM facts").fetchone()
    )
    with pytest.raises(QueryError):
        query(db, sql)
    code, out, err = run(capsys, "query", "--db", str(db), sql)
    assert code == 1 and out == "" and err.startswith("govfacts query: ") and err.count("\n") == 1
    after = (
        sqlite3.connect(db).execute("SELECT count(*), (SELECT count(*) FROM documents) FROM facts").fetchone()
    )
    assert after == before and sqlite3.connect(db).execute("PRAGMA user_version").fetchone() == (1,)
    assert list(tmp_path.iterdir()) == []  # no file made beside it either


def test_query_without_database_is_one_line(tmp_path, capsys):
    code, out, err = run(capsys, "query", "--db", str(tmp_path / "none.db"), "SELECT 1")
    assert code == 1 and "no such database" in err and err.count("\n") == 1
    assert not (tmp_path / "none.db").exists()


# plot


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def test_plot_bars_for_one_year(db, tmp_path):
    from PIL import Image

    target = tmp_path / "bars.png"
    drawn = plot(db, "legal_lectures", target, Filters(years=[2023]))
    assert drawn["series"] == {t.name: {2023: float(t.lectures)} for t in TOWNSHIPS if t.year == 2023}
    assert drawn["unit"] == "场次" and drawn["left_out"] == 0
    width, height = png_size(target)
    assert 600 <= width <= 3000 and 300 <= height <= 2000
    with Image.open(target) as image:
        image.verify()
    with Image.open(target) as image:
        assert (
            len(image.convert("RGB").getcolors(1 << 16) or []) > 20
        )  # bars, text and grid, not a blank page


def test_plot_lines_over_years_cli(db, tmp_path, capsys):
    target = tmp_path / "lines.png"
    code, out, err = run(capsys, "plot", "--db", str(db), "--indicator", "legal_lectures", "-o", str(target))
    assert code == 0 and out == ""
    assert f"→ {target}" in err and "3 regions" in err
    assert png_size(target)[0] >= 600


def test_plot_nothing_to_draw_is_one_line(db, tmp_path, capsys):
    code, _, err = run(
        capsys,
        "plot",
        "--db",
        str(db),
        "--indicator",
        "legal_lectures",
        "--year",
        "1999",
        "-o",
        str(tmp_path / "x.png"),
    )
    assert code == 1 and "no facts" in err and err.count("\n") == 1
    assert not (tmp_path / "x.png").exists()
