"""`govfacts serve`: Datasette started as a subprocess on a free localhost port, asked over HTTP."""

from __future__ import annotations

import json
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from dataset_reports import TOWNSHIPS, report_text, write_txt

from extractor.dataset.batch import run_batch
from extractor.dataset.db import connect
from extractor.dataset.query import query
from extractor.dataset.serve import fold_wal

PROJECT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(base: str, path: str, **params: str) -> tuple[int, str]:
    url = base + urllib.parse.quote(path) + ("?" + urllib.parse.urlencode(params) if params else "")
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    root = tmp_path_factory.mktemp("serve")
    for t in TOWNSHIPS:
        write_txt(root / "in" / f"{t.name}_{t.year}.txt", report_text(t))
    db = root / "govfacts.db"
    run_batch([str(root / "in")], str(db), workers=2, show_progress=False)
    port = free_port()
    command = [sys.executable, "-m", "extractor.cli", "serve", "--db", str(db), "--port", str(port)]
    process = subprocess.Popen(command, cwd=PROJECT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):  # wait for the server to listen (bounded: at most a minute)
            if process.poll() is not None:
                pytest.fail("serve exited: " + process.stdout.read().decode("utf-8", "replace"))
            try:
                if get(base, "/-/versions.json")[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(0.1)
        else:
            pytest.fail("serve did not answer")
        yield base, db
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def counts(db: Path, column: str) -> dict:
    return dict(query(db, f"SELECT {column}, count(*) FROM fact_rows GROUP BY 1")[1])


def test_fact_rows_page_has_facets_on_indicator_year_and_region(server):
    base, db = server
    status, body = get(base, "/govfacts/fact_rows.json", _size="0")
    assert status == 200
    results = json.loads(body)["facet_results"]
    facets = {name: {r["value"]: r["count"] for r in facet["results"]} for name, facet in results.items()}
    assert set(facets) == {"indicator", "year", "province", "county", "township"}
    for name in ("year", "county", "township"):
        assert facets[name] == counts(db, name)
    assert set(facets["township"]) == {t.name for t in TOWNSHIPS}
    assert facets["indicator"]["legal_lectures"] == len(TOWNSHIPS)
    status, html = get(base, "/govfacts/fact_rows")
    assert status == 200 and "facet-info" in html and "法治讲座" in html


def test_full_text_search_over_evidence_and_reports(server):
    base, _ = server
    status, body = get(base, "/govfacts/fact_rows.json", _search="讲座9场次", _shape="objects")
    rows = json.loads(body)["rows"]
    assert status == 200 and rows and all("讲座9场次" in r["evidence"] for r in rows)
    assert {r["township"] for r in rows} == {"石门镇"}
    status, body = get(
        base, "/govfacts/documents.json", _search="青岭乡2022年度", _shape="objects", _col="township"
    )
    assert status == 200 and [r["township"] for r in json.loads(body)["rows"]] == ["青岭乡"]


def test_served_database_is_read_only(server):
    base, db = server
    status, body = get(base, "/govfacts.json", sql="DELETE FROM facts")
    assert status == 400 and "SELECT" in json.loads(body)["error"]
    status, body = get(base, "/govfacts/facts.json", _size="0")
    assert (
        status == 200
        and json.loads(body)["filtered_table_rows_count"] == query(db, "SELECT count(*) FROM facts")[1][0][0]
    )


def test_serving_folds_the_wal_left_by_a_killed_batch(tmp_path):
    """An immutable reader ignores the WAL; what a batch committed there must still be served."""
    db = tmp_path / "govfacts.db"
    write_txt(tmp_path / "in" / "a.txt", report_text(TOWNSHIPS[0]))
    connect(db).close()  # the empty schema, folded into the file
    keeper = connect(db)  # a second connection keeps the batch's close from folding its WAL
    run_batch([str(tmp_path / "in")], str(db), workers=1, show_progress=False)

    def served_documents() -> int:
        conn = sqlite3.connect(f"file:{db}?immutable=1", uri=True)
        try:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            conn.close()

    assert served_documents() == 0
    fold_wal(db)
    assert served_documents() == 1
    keeper.close()
