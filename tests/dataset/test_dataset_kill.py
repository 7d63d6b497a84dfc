"""A batch killed with SIGKILL midway, twice, then run to the end holds every document exactly once."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from dataset_reports import TOWNSHIPS, report_text, write_txt

from extractor.dataset.batch import run_batch

PROJECT = Path(__file__).resolve().parents[2]
FILES = 120  # enough that the batch is still running when a few documents are in

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/task").is_dir(), reason="finds the workers in Linux /proc"
)


def committed(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:  # the schema is not there yet
        return 0


def workers_of(pid: int) -> list[int]:
    return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


def alive(pid: int) -> bool:
    stat = Path(f"/proc/{pid}/stat")
    return stat.exists() and stat.read_text().rsplit(")", 1)[1].split()[0] != "Z"


def batch_killed_after(folder: Path, db: Path, documents: int) -> int:
    """Start a batch, SIGKILL it once `documents` more are committed; return the count then."""
    start = committed(db)
    command = [sys.executable, "-m", "extractor.cli", "batch", str(folder), "--db", str(db), "--workers", "2"]
    process = subprocess.Popen(command, cwd=PROJECT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while process.poll() is None and committed(db) < start + documents:
        time.sleep(0.01)
    workers = workers_of(process.pid) if process.poll() is None else []
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL, "the batch ended before it could be killed: add files"
    # the workers notice their parent is gone and leave (bounded wait, never a measurement)
    for _ in range(400):
        if not any(alive(pid) for pid in workers):
            break
        time.sleep(0.05)
    assert not any(alive(pid) for pid in workers), "workers outlived their killed batch"
    return committed(db)


def snapshot(db: Path) -> dict[str, object]:
    conn = sqlite3.connect(db)
    try:
        return {
            "documents": conn.execute(
                "SELECT path, sha256, status, n_facts FROM documents ORDER BY path"
            ).fetchall(),
            "facts": conn.execute(
                "SELECT path, position, raw, value, indicator FROM fact_rows ORDER BY 1, 2"
            ).fetchall(),
            "items": conn.execute(
                "SELECT d.path, i.kind, i.position FROM list_items i JOIN documents d ON d.id = i.document_id "
                "ORDER BY 1, 2, 3"
            ).fetchall(),
            "partial": conn.execute(
                "SELECT d.path FROM documents d LEFT JOIN facts f ON f.document_id = d.id "
                "GROUP BY d.id HAVING count(f.id) != d.n_facts"
            ).fetchall(),
        }
    finally:
        conn.close()


def test_sigkill_midway_and_rerun_hold_each_document_once(tmp_path):
    folder = tmp_path / "in"
    for i in range(FILES):  # every file different: its own document number
        write_txt(folder / f"r{i:03d}.txt", report_text(TOWNSHIPS[i % len(TOWNSHIPS)], number=i + 1))
    db = tmp_path / "killed.db"

    first = batch_killed_after(folder, db, 3)
    second = batch_killed_after(folder, db, 3)
    assert 3 <= first < second < FILES
    assert snapshot(db)["partial"] == []

    summary = run_batch([str(folder)], str(db), workers=2, show_progress=False)
    assert summary.skipped == second and summary.extracted == FILES - second

    reference = tmp_path / "reference.db"
    run_batch([str(folder)], str(reference), workers=2, show_progress=False)
    resumed, clean = snapshot(db), snapshot(reference)
    assert resumed["partial"] == []
    assert len(resumed["documents"]) == FILES
    assert resumed == clean
