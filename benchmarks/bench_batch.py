"""Batch throughput with 1 and 2 workers, peak memory of a worker, database size per 1,000 facts.

    .venv/bin/python benchmarks/bench_batch.py [--files N] [--keep DIR]

Generates report files into a temporary folder: every record of the corpus
texts in ../shared/corpus as TXT, and the fixture report of ../shared/fixtures
as TXT, DOCX and PDF; each file with its figures changed (seeded, so every run
makes the same files).  Then runs `run_batch` on them with 1 worker and with 2
workers in this one process and prints the speedup against the 1-worker run
(goal: ≥ 1.8× on 2 cores), the peak RSS of a worker (goal: ≤ 300 MB) and the
database size per 1,000 facts.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import sqlite3
import sys
import tempfile
import threading
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))
sys.path.insert(0, str(PROJECT / "tests" / "dataset"))  # the report writers the dataset tests use

from dataset_reports import pdf_bytes, write_docx  # noqa: E402

from extractor.dataset.batch import BatchSummary, run_batch  # noqa: E402

SHARED = PROJECT.parent / "shared"
CORPORA = {  # file → field holding the text
    "baoding_hebei_reports/baoding_hebei_reports.jsonl": "text",
    "national_work_reports/government_work_reports.jsonl": "content",
    "provincial_work_reports_2026/provincial_work_reports_2026.jsonl": "text",
}
FIXTURE = "fixtures/pingshan_2021_clean.txt"
NUMBER = re.compile(r"(?<![0-9.])[0-9]+(?:\.[0-9]+)?(?![0-9.])")


def vary(text: str, rng: random.Random) -> str:
    """Scale every figure by one factor; years (a number before 年, or 1949–2035) stay."""
    factor = rng.uniform(0.6, 1.6)

    def scaled(match: re.Match) -> str:
        raw = match.group()
        if "." in raw:
            return f"{float(raw) * factor:.{len(raw.split('.')[1])}f}"
        if text[match.end() : match.end() + 1] == "年" or (len(raw) == 4 and 1949 <= int(raw) <= 2035):
            return raw
        return str(max(1, round(int(raw) * factor)))

    return NUMBER.sub(scaled, text)


def corpus_texts() -> list[str]:
    texts = []
    for name, field in CORPORA.items():
        with open(SHARED / "corpus" / name, encoding="utf-8") as stream:
            texts += [json.loads(line)[field] for line in stream if line.strip()]
    return texts


def generate(folder: Path, files: int) -> dict[str, int]:
    """`files` reports (at least 200): corpus TXT first, the rest from the fixture in three formats."""
    rng = random.Random(2021)
    texts = corpus_texts()
    fixture = (SHARED / FIXTURE).read_text(encoding="utf-8")
    counts = {"corpus txt": 0, "fixture txt": 0, "fixture docx": 0, "fixture pdf": 0}
    for i in range(files):
        if i < min(len(texts), files - 24):
            (folder / f"corpus_{i:04d}.txt").write_text(vary(texts[i], rng), encoding="utf-8")
            counts["corpus txt"] += 1
            continue
        text, kind = vary(fixture, rng), ("txt", "docx", "pdf")[i % 3]
        path = folder / f"fixture_{i:04d}.{kind}"
        if kind == "txt":
            path.write_text(text, encoding="utf-8")
        else:
            write_docx(path, text) if kind == "docx" else path.write_bytes(pdf_bytes(text))
        counts[f"fixture {kind}"] += 1
    return counts


class WorkerMemory:
    """Peak memory of each worker, sampled from /proc while a batch runs (Linux).

    RSS counts the pages a worker shares with the parent (the warm extractor,
    forked copy-on-write); PSS splits shared pages among their sharers; USS is
    what the worker alone holds: the memory one more worker costs.
    """

    def __init__(self) -> None:
        self.peaks: dict[str, dict[str, int]] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> WorkerMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        me = os.getpid()
        while not self._stop.wait(0.1):
            for child in Path(f"/proc/{me}/task/{me}/children").read_text().split():
                sizes = self._sizes(child)
                peak = self.peaks.setdefault(child, {})
                for key, kib in sizes.items():
                    peak[key] = max(peak.get(key, 0), kib)

    @staticmethod
    def _sizes(pid: str) -> dict[str, int]:
        fields: dict[str, int] = {}
        try:
            with open(f"/proc/{pid}/smaps_rollup") as stream:
                for line in stream:
                    name, *value = line.split()
                    fields[name.rstrip(":")] = int(value[0]) if value and value[0].isdigit() else 0
        except OSError:  # the worker just ended
            return {}
        return {
            "rss": fields["Rss"],
            "pss": fields["Pss"],
            "uss": fields["Private_Clean"] + fields["Private_Dirty"],
        }

    def peak_mb(self, key: str) -> float:
        return max((peak.get(key, 0) for peak in self.peaks.values()), default=0) / 1024


def cpu_seconds() -> tuple[float, float]:
    """CPU time used so far by this process and by its finished children (the workers)."""
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, children.ru_utime + children.ru_stime


def timed_batch(folder: Path, db: Path, workers: int) -> tuple[float, BatchSummary, WorkerMemory, tuple]:
    with WorkerMemory() as memory:
        before, start = cpu_seconds(), time.perf_counter()
        summary = run_batch([str(folder)], str(db), workers=workers, show_progress=False)
        seconds, after = time.perf_counter() - start, cpu_seconds()
    return seconds, summary, memory, (after[0] - before[0], after[1] - before[1])


def table_sizes(db: Path) -> list[tuple[str, int]]:
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC LIMIT 6")
        return rows.fetchall()
    except sqlite3.OperationalError:  # SQLite built without the dbstat table
        return []
    finally:
        conn.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=224, help="report files to generate (at least 200)")
    parser.add_argument("--keep", type=Path, help="generate into this folder and keep it")
    args = parser.parse_args()
    if not (SHARED / "corpus").is_dir():
        print(
            f"bench_batch: {SHARED} not found: the benchmark reads the shared corpus and fixtures",
            file=sys.stderr,
        )
        return 2
    with tempfile.TemporaryDirectory(prefix="govfacts-bench-") as tmp:
        folder = args.keep or Path(tmp) / "reports"
        folder.mkdir(parents=True, exist_ok=True)
        counts = generate(folder, max(args.files, 200))
        size_mb = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
        print(
            f"{sum(counts.values())} files, {size_mb:.1f} MB: "
            + ", ".join(f"{n} {k}" for k, n in counts.items())
        )
        print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")

        for path in folder.iterdir():  # both runs read from the page cache
            path.read_bytes()
        results = {workers: timed_batch(folder, Path(tmp) / f"w{workers}.db", workers) for workers in (1, 2)}
        report(results, Path(tmp) / "w2.db")
    return 0


def report(results: dict[int, tuple], db: Path) -> None:
    print(
        f"\n{'workers':>7}  {'seconds':>8}  {'files/s':>7}  {'facts':>7}  ok/needs_ocr/error"
        "  CPU s: main / workers  worker peak MB: RSS / PSS / USS"
    )
    for workers, (seconds, summary, memory, (main_cpu, workers_cpu)) in results.items():
        status = "/".join(str(summary.status[s]) for s in ("ok", "needs_ocr", "error"))
        mb = " / ".join(f"{memory.peak_mb(key):.0f}" for key in ("rss", "pss", "uss"))
        rate = summary.extracted / seconds
        print(
            f"{workers:>7}  {seconds:>8.2f}  {rate:>7.2f}  {summary.facts:>7}  {status:>18}"
            f"  {main_cpu:>11.1f} / {workers_cpu:<7.1f}  {mb:>27}"
        )
    (one, first, *_), (two, second, memory, _) = results[1], results[2]
    if first.facts != second.facts:
        print(
            f"warning: 1 worker stored {first.facts} facts, 2 workers {second.facts}: code changed meanwhile?"
        )
    print(f"\nspeedup, 2 workers vs 1: {one / two:.2f}x   (goal >= 1.8x on 2 cores)")
    peak = max(memory.peak_mb("rss"), results[1][2].peak_mb("rss"))
    main_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of a worker: {peak:.0f} MB   (goal <= 300 MB); main process: {main_mb:.0f} MB")
    size = db.stat().st_size
    per_1000 = size / 1e6 / second.facts * 1000
    print(f"database: {size / 1e6:.1f} MB for {second.facts} facts = {per_1000:.2f} MB per 1,000 facts")
    sizes = table_sizes(db)
    if sizes:
        print("  largest parts: " + ", ".join(f"{name} {bytes_ / 1e6:.1f} MB" for name, bytes_ in sizes))


if __name__ == "__main__":
    sys.exit(main())
