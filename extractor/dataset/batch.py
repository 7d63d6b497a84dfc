"""`govfacts batch`: extract every report under some folders into the dataset database.

The main process finds and hashes the files and skips those already stored by
this extractor version; a pool of worker processes runs `extractor.process` on
the rest, each worker storing its document in one transaction of its own (so
the full-text indexing is spread over the workers, not queued in one writer).
A worker that dies (a crash inside a PDF library) costs only its file: the
files it may have been holding are retried one at a time, and the one that
kills its worker again is recorded as `worker_crashed`.
"""

from __future__ import annotations

import gc
import hashlib
import json
import multiprocessing
import os
import signal
import sqlite3
import tempfile
import threading
import time
import zipfile
import zlib
from collections import Counter, deque
from collections.abc import Generator, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import closing
from dataclasses import dataclass, field
from typing import Any, TextIO

import extractor
from extractor.dataset import db
from extractor.dataset.inputs import InputFile, find_inputs, local_copy, sha256
from extractor.dataset.progress import Progress, failure_line
from extractor.model import ErrorInfo, ExtractorInfo, Report, Source

# fork, where there is one, so that workers start with the parent's warm extractor
_CONTEXT = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
# a short report of our own that runs every stage of the pipeline
_WARM_UP_TEXT = """某县某镇人民政府
某镇2023年度法治政府建设工作情况报告
一、加强组织领导
全年开展集体学法12次，领导干部法律知识考试通过率98%，受教育群众约1500人。
二、存在的问题
（一）执法人员力量不足，普法形式较为单一。
三、下一步工作打算
1、加强执法队伍建设。
"""


@dataclass(frozen=True)
class Task:
    item: InputFile
    sha256: str
    version: str


@dataclass
class BatchSummary:
    """What a batch did: counts of this run, and every file it could not use, by name."""

    db: str
    found: int = 0
    extracted: int = 0
    skipped: int = 0
    facts: int = 0
    status: Counter = field(default_factory=Counter)
    failures: list[tuple[str, str, str]] = field(default_factory=list)  # (path, status, message)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (path, path already stored)
    missing: list[str] = field(default_factory=list)
    stored: dict[str, int] = field(default_factory=dict)  # the whole database after the run

    def add(self, stored: db.Stored) -> None:
        self.status[stored.status] += 1
        self.facts += stored.n_facts
        if stored.status != "ok":
            self.failures.append((stored.path, stored.status, stored.message or ""))

    def as_dict(self) -> dict[str, Any]:
        return {
            "db": self.db,
            "found": self.found,
            "extracted": self.extracted,
            "skipped": self.skipped,
            "facts": self.facts,
            "status": {s: self.status[s] for s in ("ok", "needs_ocr", "error")},
            "failures": [{"path": p, "status": s, "message": m} for p, s, m in sorted(self.failures)],
            "duplicates": [{"path": p, "same_as": q} for p, q in self.duplicates],
            "missing": self.missing,
            "stored": self.stored,
        }

    def lines(self) -> list[str]:
        head = (
            f"{self.found} files: {self.extracted} extracted, {self.skipped} skipped (unchanged or duplicate)"
            f" | {_counts(self.status)}, {self.facts} facts"
        )
        body = [f"  {status:<9} {failure_line(path, msg)}" for path, status, msg in sorted(self.failures)]
        body += [f"  duplicate {path}: same content as {same}" for path, same in self.duplicates]
        body += [f"  missing   {line}" for line in self.missing]
        total = self.stored
        tail = f"{self.db}: {total['documents']} documents ({_counts(total)}), {total['facts']} facts"
        return [head, *body, tail]


def _counts(status: dict[str, int]) -> str:
    return ", ".join(f"{name} {status.get(name, 0)}" for name in ("ok", "needs_ocr", "error"))


def current_version() -> str:
    """What resume keys on: the extractor's version and a digest of its catalog and models.

    A new version, catalog or trained model extracts every file again.
    """
    from extractor.pipeline import extractor_info

    info = extractor_info()
    inputs = json.dumps([info.catalog_version, info.models], sort_keys=True)
    return f"{info.version}+{hashlib.sha256(inputs.encode()).hexdigest()[:10]}"


def run_batch(
    paths: Iterable[str],
    db_path: str = db.DEFAULT_DB,
    workers: int | None = None,
    force: bool = False,
    progress: TextIO | None = None,
    show_progress: bool = True,
) -> BatchSummary:
    """Extract every report under `paths` into the database at `db_path`.

    `force` re-extracts files already stored by this version.  Progress goes to
    `progress` (default stderr): a bar on a terminal, one line per file otherwise.
    """
    items, missing = find_inputs(paths)
    summary = BatchSummary(str(db_path), found=len(items), missing=missing)
    # no connection stays open while workers are forked: SQLite must not be carried across fork()
    with closing(db.connect(db_path)) as conn:
        db.load_catalog(conn)
        tasks = _plan(conn, items, summary, force)
    bar = Progress(len(tasks), progress, enabled=show_progress)
    try:
        for stored in _extract_all(tasks, min(workers or os.cpu_count() or 1, len(tasks)), str(db_path)):
            summary.extracted += 1
            summary.add(stored)
            bar.advance(stored)
    finally:
        bar.close()
    with closing(db.connect(db_path)) as conn:
        summary.stored = db.totals(conn)
    return summary


def _plan(conn, items: list[InputFile], summary: BatchSummary, force: bool) -> list[Task]:
    """Hash every file; skip what is stored; record at once the files that cannot be read at all."""
    version = current_version()
    digests = {item.path: _digest(conn, item, version, summary) for item in items}
    # a stored copy counts only if its path, when part of this batch, still holds that content
    stored = {} if force else db.done_keys(conn, version)
    known = {sha: path for sha, path in stored.items() if digests.get(path, sha) == sha}
    tasks = []
    for item in items:
        digest = digests[item.path]
        if digest is None:
            continue
        owner = known.setdefault(digest, item.path)
        if owner == item.path and stored.get(digest) != item.path:
            tasks.append(Task(item, digest, version))
        else:  # unchanged since it was stored, or the same content as another file
            _skip(conn, item.path, owner, summary)
    return tasks


def _digest(conn, item: InputFile, version: str, summary: BatchSummary) -> str | None:
    """The file's sha256; or None once a file that cannot be read is recorded as such."""
    problem = item.problem
    if not problem:
        try:
            return sha256(item)
        except (OSError, RuntimeError, zipfile.BadZipFile, zlib.error) as exc:  # encrypted/damaged entry
            problem = ("unreadable", f"{item.path}: cannot read the file ({exc})")
    summary.add(db.write_document(conn, _failure_rows(Task(item, "", version), *problem)))
    return None


def _skip(conn, path: str, same: str, summary: BatchSummary) -> None:
    summary.skipped += 1
    if same != path:
        summary.duplicates.append((path, same))
        if db.stored_sha(conn, path) is not None:  # this path held other content before: drop it
            db.forget(conn, path)


def _extract_all(tasks: list[Task], workers: int, db_path: str) -> Iterator[db.Stored]:
    """Extract and store every task, yielding each as it is stored; survive workers that die."""
    if not tasks:
        return
    _warm_up()
    gc.freeze()  # the warm objects stay out of the collector, so forked workers keep sharing their pages
    try:
        queue = deque(tasks)
        suspects: list[Task] = []
        while queue:
            suspects += yield from _run_pool(queue, workers, db_path)
        for task in suspects:  # alone in a pool, a crash names its file
            if (yield from _run_pool(deque([task]), 1, db_path)):
                message = f"{task.item.path}: the extractor's process died while reading this file"
                with closing(db.connect(db_path)) as conn:
                    stored = db.write_document(conn, _failure_rows(task, "worker_crashed", message))
                yield stored
    finally:
        gc.unfreeze()


def _warm_up() -> None:
    """Load the extractor's models here, once: forked workers share them instead of each loading a copy."""
    with tempfile.TemporaryDirectory(prefix="govfacts-") as folder:
        path = os.path.join(folder, "warm-up.txt")
        with open(path, "w", encoding="utf-8") as file:
            file.write(_WARM_UP_TEXT)
        extractor.process(path)


def _run_pool(queue: deque[Task], workers: int, db_path: str) -> Generator[db.Stored, None, list[Task]]:
    """Run tasks from `queue` until it is empty or a worker dies; return the tasks then in flight."""
    pool = ProcessPoolExecutor(workers, mp_context=_CONTEXT, initializer=_init_worker, initargs=(db_path,))
    in_flight: dict[Any, Task] = {}
    try:
        while queue or in_flight:
            while queue and len(in_flight) < 2 * workers:  # a short queue keeps memory flat
                task = queue.popleft()
                in_flight[pool.submit(_extract_and_store, task)] = task
            finished, _ = wait(in_flight, return_when=FIRST_COMPLETED)
            for future in finished:
                try:
                    stored = future.result()
                except BrokenProcessPool:
                    return list(in_flight.values())
                del in_flight[future]
                yield stored
        return []
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


_worker_db: sqlite3.Connection | None = None  # each worker's own connection


def _init_worker(db_path: str) -> None:
    global _worker_db
    # Ctrl-C is the main process's to handle; and a worker must not outlive a killed parent
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = os.getppid()

    def watch_parent() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch_parent, daemon=True).start()
    _worker_db = db.connect(db_path)


def _extract_and_store(task: Task) -> db.Stored:
    """What a worker runs for one file: extract it, then store it in one transaction."""
    rows = extract_task(task)
    try:
        return db.write_document(_worker_db, rows)
    except sqlite3.Error as exc:  # not stored: the next run tries the file again
        message = f"{task.item.path}: extracted but not stored ({exc})"
        return db.Stored(task.item.path, "error", 0, message)


def extract_task(task: Task) -> db.DocumentRows:
    """`extractor.process` on the file, flattened to rows."""
    item = task.item
    try:
        with tempfile.TemporaryDirectory(prefix="govfacts-") as folder, local_copy(item, folder) as path:
            report = extractor.process(path)
            if path != item.file:  # a zip entry: name it as the dataset does, not by its temporary copy
                report = _renamed(report, path, item.path)
    except Exception as exc:  # a bug must cost one file, not the batch
        return _failure_rows(task, "internal_error", f"{item.path}: {type(exc).__name__}: {exc}")
    return db.report_rows(report, item.path, task.sha256, task.version)


def _renamed(report: Report, temporary: str, path: str) -> Report:
    source = report.source.model_copy(update={"path": path})
    error = report.error
    if error:
        error = error.model_copy(update={"message": error.message.replace(temporary, path)})
    return report.model_copy(update={"source": source, "error": error})


def _failure_rows(task: Task, code: str, message: str) -> db.DocumentRows:
    report = Report(
        status="error",
        error=ErrorInfo(code=code, message=message),
        source=Source(path=task.item.path, sha256=task.sha256 or None),
        extractor=ExtractorInfo(version=task.version),
    )
    return db.report_rows(report, task.item.path, task.sha256, task.version)
