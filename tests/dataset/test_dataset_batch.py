"""`govfacts batch`: statuses, resume, replacement, error isolation, the CLI's summary."""

from __future__ import annotations

import json
import multiprocessing
import os
import sqlite3
from pathlib import Path

import pytest
from dataset_reports import TOWNSHIPS, report_text, write_gbk_named_zip, write_txt

import extractor
from extractor.cli import main
from extractor.dataset import batch
from extractor.dataset.batch import run_batch


def rows(db: Path, sql: str, params: tuple = ()) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def test_mixed_folder_gives_each_file_its_status(mixed_folder, tmp_path):
    root, expected = mixed_folder
    db = tmp_path / "out.db"
    summary = run_batch([str(root)], str(db), workers=2, show_progress=False)

    assert (summary.found, summary.extracted, summary.skipped) == (8, 8, 0)
    assert dict(summary.status) == {"ok": 5, "needs_ocr": 1, "error": 2}
    stored = rows(db, "SELECT path, status FROM documents ORDER BY path")
    assert stored == sorted((e.path, e.status) for e in expected)
    codes = dict(rows(db, "SELECT path, error_code FROM documents"))
    assert codes[f"{root}/empty.txt"] == "empty_file"
    assert codes[f"{root}/corrupt.pdf"] and codes[f"{root}/scan.pdf"]
    # the summary names every failure, each on one line with its reason
    failed = {e.path for e in expected if e.status != "ok"}
    assert {f[0] for f in summary.failures} == failed
    assert all(message for _, _, message in summary.failures)


def test_stored_rows_are_what_the_extractor_returns(mixed_folder, tmp_path):
    root, _ = mixed_folder
    db = tmp_path / "out.db"
    run_batch([str(root)], str(db), workers=2, show_progress=False)

    for path in (root / "石门镇_2022.txt", root / "gbk" / "石门镇_2023.txt", root / "青岭乡_2023.pdf"):
        report = extractor.process(str(path))
        assert report.status == "ok" and report.facts
        doc = "SELECT id, township, year, n_facts FROM documents WHERE path = ?"
        [(doc_id, township, year, n_facts)] = rows(db, doc, (str(path),))
        assert (township, year) == (report.metadata.region.township, report.metadata.year)
        facts = "SELECT raw, value, unit, indicator FROM facts WHERE document_id = ? ORDER BY position"
        assert rows(db, facts, (doc_id,)) == [(f.raw, f.value, f.unit, f.indicator) for f in report.facts]
        assert n_facts == len(report.facts)
        items = rows(
            db, "SELECT kind, text FROM list_items WHERE document_id = ? ORDER BY kind, position", (doc_id,)
        )
        assert items == [("plan", i.text) for i in report.plans] + [
            ("problem", i.text) for i in report.problems
        ]


def test_zip_entries_are_named_inside_their_archive(tmp_path):
    archive = write_gbk_named_zip(tmp_path / "windows.zip", report_text(TOWNSHIPS[4]))
    db = tmp_path / "out.db"
    summary = run_batch([str(archive)], str(db), workers=1, show_progress=False)
    assert summary.status["ok"] == 1
    assert rows(db, "SELECT path, township FROM documents") == [(f"{archive}!石门镇.txt", "白沙镇")]


def test_rerun_without_change_extracts_nothing(mixed_folder, tmp_path, monkeypatch):
    root, _ = mixed_folder
    db = tmp_path / "out.db"
    run_batch([str(root)], str(db), workers=2, show_progress=False)
    before = rows(db, "SELECT id, path, sha256 FROM documents ORDER BY id")

    def no_pool(*args, **kwargs):
        raise AssertionError("a rerun with no change started extraction workers")

    monkeypatch.setattr(batch, "ProcessPoolExecutor", no_pool)
    summary = run_batch([str(root)], str(db), workers=2, show_progress=False)

    assert (summary.found, summary.extracted, summary.skipped) == (8, 0, 8)
    assert rows(db, "SELECT id, path, sha256 FROM documents ORDER BY id") == before


def test_changed_file_replaces_its_rows(township_folder, tmp_path):
    db = tmp_path / "out.db"
    run_batch([str(township_folder)], str(db), workers=2, show_progress=False)
    target = township_folder / "白沙镇_2023.txt"
    lectures = "SELECT value FROM fact_rows WHERE path = ? AND raw = ?"
    assert rows(db, lectures, (str(target), "11场次")) == [(11.0,)]
    total = rows(db, "SELECT count(*) FROM facts")[0][0]

    target.write_text(report_text(TOWNSHIPS[4]).replace("讲座11场次", "讲座13场次"), encoding="utf-8")
    summary = run_batch([str(township_folder)], str(db), workers=2, show_progress=False)

    assert (summary.extracted, summary.skipped) == (1, len(TOWNSHIPS) - 1)
    assert rows(db, lectures, (str(target), "11场次")) == []
    assert rows(db, lectures, (str(target), "13场次")) == [(13.0,)]
    assert rows(db, "SELECT count(*) FROM documents WHERE path = ?", (str(target),)) == [(1,)]
    assert rows(db, "SELECT count(*) FROM facts")[0][0] == total
    # the full-text indexes follow the replacement
    search = "SELECT count(*) FROM facts_fts WHERE facts_fts MATCH ?"
    scan = "SELECT count(*) FROM facts WHERE instr(evidence, ?)"
    assert rows(db, search, ("讲座13场次",)) == rows(db, scan, ("讲座13场次",)) != [(0,)]
    assert rows(db, search, ("讲座11场次",)) == [(0,)]
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO facts_fts (facts_fts) VALUES ('integrity-check')")
    conn.execute("INSERT INTO documents_fts (documents_fts) VALUES ('integrity-check')")
    conn.close()


def test_new_extractor_version_extracts_again(township_folder, tmp_path, monkeypatch):
    db = tmp_path / "out.db"
    run_batch([str(township_folder)], str(db), workers=2, show_progress=False)
    monkeypatch.setattr(batch, "current_version", lambda: "99.0+test")
    summary = run_batch([str(township_folder)], str(db), workers=2, show_progress=False)
    assert summary.extracted == len(TOWNSHIPS)
    assert rows(db, "SELECT DISTINCT extractor_version FROM documents") == [("99.0+test",)]
    assert rows(db, "SELECT count(*) FROM documents") == [(len(TOWNSHIPS),)]


def test_same_content_twice_is_stored_once(tmp_path):
    text = report_text(TOWNSHIPS[0])
    write_txt(tmp_path / "in" / "a.txt", text)
    write_txt(tmp_path / "in" / "copy" / "a.txt", text)
    summary = run_batch([str(tmp_path / "in")], str(tmp_path / "out.db"), workers=1, show_progress=False)
    assert (summary.extracted, summary.skipped) == (1, 1)
    assert summary.duplicates == [(f"{tmp_path}/in/copy/a.txt", f"{tmp_path}/in/a.txt")]


def test_content_moved_to_a_new_file_is_not_lost(tmp_path):
    """a.txt is stored; then a.txt changes and its old text arrives as b.txt: both must be extracted."""
    old, new = report_text(TOWNSHIPS[0]), report_text(TOWNSHIPS[2])
    write_txt(tmp_path / "in" / "a.txt", old)
    db = tmp_path / "out.db"
    run_batch([str(tmp_path / "in")], str(db), workers=1, show_progress=False)
    write_txt(tmp_path / "in" / "a.txt", new)
    write_txt(tmp_path / "in" / "b.txt", old)
    summary = run_batch([str(tmp_path / "in"), str(tmp_path / "in")], str(db), workers=2, show_progress=False)
    assert (summary.found, summary.extracted, summary.skipped) == (2, 2, 0)
    assert rows(db, "SELECT path, township, year FROM documents ORDER BY path") == [
        (str(tmp_path / "in" / "a.txt"), TOWNSHIPS[2].name, TOWNSHIPS[2].year),
        (str(tmp_path / "in" / "b.txt"), TOWNSHIPS[0].name, TOWNSHIPS[0].year),
    ]


def crash_on_marked_files(path: str):
    """Stands in for the extractor: dies like a segfaulting PDF library on files named crash*."""
    if Path(path).name.startswith("crash"):
        os._exit(70)
    return REAL_PROCESS(path)


REAL_PROCESS = extractor.process


@pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork", reason="workers inherit the stand-in by fork"
)
def test_a_dying_worker_costs_only_its_file(township_folder, tmp_path, monkeypatch):
    write_txt(township_folder / "crash_me.txt", report_text(TOWNSHIPS[0]).replace("黄立新", "李明"))
    monkeypatch.setattr(extractor, "process", crash_on_marked_files)
    db = tmp_path / "out.db"
    summary = run_batch([str(township_folder)], str(db), workers=2, show_progress=False)

    assert summary.status == {"ok": len(TOWNSHIPS), "error": 1}
    crashed = str(township_folder / "crash_me.txt")
    assert rows(db, "SELECT path, error_code FROM documents WHERE status = 'error'") == [
        (crashed, "worker_crashed")
    ]
    assert summary.failures[0][0] == crashed


def test_cli_summary_and_plain_progress(mixed_folder, tmp_path, capsys):
    root, expected = mixed_folder
    db = tmp_path / "out.db"
    code = main(["batch", str(root), str(tmp_path / "absent"), "--db", str(db), "--workers", "2", "--json"])
    out, err = capsys.readouterr()

    assert code == 1  # a path that does not exist is a problem of the command line
    summary = json.loads(out)
    assert summary["status"] == {"ok": 5, "needs_ocr": 1, "error": 2}
    assert [f["path"] for f in summary["failures"]] == sorted(e.path for e in expected if e.status != "ok")
    assert summary["missing"] == [f"{tmp_path / 'absent'}: no such file or directory"]
    assert summary["stored"]["documents"] == len(expected) and summary["stored"]["needs_ocr"] == 1
    # not a terminal: one plain line per document, no bar, no traceback
    lines = err.splitlines()
    assert len(lines) == len(expected) and all(line.startswith("[") for line in lines)
    assert "Traceback" not in err


def test_cli_summary_text_names_failures(tmp_path, capsys):
    write_txt(tmp_path / "in" / "good.txt", report_text(TOWNSHIPS[0]))
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    db = tmp_path / "out.db"
    assert main(["batch", str(tmp_path / "in"), "--db", str(db), "--quiet"]) == 0
    out, err = capsys.readouterr()
    head, *failures, tail = out.splitlines()
    facts = rows(db, "SELECT count(*) FROM facts")[0][0]
    assert head.startswith("2 files: 2 extracted, 0 skipped") and head.endswith(
        f"ok 1, needs_ocr 0, error 1, {facts} facts"
    )
    assert len(failures) == 1 and failures[0].split()[0] == "error" and "empty.txt" in failures[0]
    assert tail == f"{db}: 2 documents (ok 1, needs_ocr 0, error 1), {facts} facts"
    assert err == ""
    # a rerun names nothing new, and the database still holds the same
    assert main(["batch", str(tmp_path / "in"), "--db", str(db), "--quiet"]) == 0
    head, tail = capsys.readouterr()[0].splitlines()
    assert (
        head
        == "2 files: 0 extracted, 2 skipped (unchanged or duplicate) | ok 0, needs_ocr 0, error 0, 0 facts"
    )
    assert tail == f"{db}: 2 documents (ok 1, needs_ocr 0, error 1), {facts} facts"
