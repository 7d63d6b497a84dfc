"""Extraction speed per PDF page against pdfplumber's bare text, and the CLI's cold start.

    .venv/bin/python benchmarks/bench_extract.py [--repeat N] [--cold N]

On the same PDFs — the text PDFs of ../shared/fixtures (when present) and
samples/*.pdf — each repeated N times, it times

- pdfplumber: open the file and call `page.extract_text()` on every page;
- govfacts read: stage 1 only (`extractor.reading.read`: characters, boxes, joins);
- govfacts extract: the whole pipeline (`extractor.extract`), models loaded beforehand;

and prints milliseconds per page and govfacts' ratio to pdfplumber (goal:
extract ≤ 1.5×).  Then it starts the CLI as a fresh process — `govfacts
--help` and `govfacts extract <one txt>` — and prints the wall time (goal:
≤ 1.5 s).  Nothing is asserted: the numbers are for reading.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

SHARED = PROJECT.parent / "shared"
SHARED_PDFS = ["pingshan_2021_word.pdf", "pingshan_2021_reportlab.pdf"]  # the scan has no text to time
RATIO_GOAL = 1.5
COLD_GOAL = 1.5


def pdfs() -> list[Path]:
    found = [SHARED / "fixtures" / name for name in SHARED_PDFS if (SHARED / "fixtures" / name).is_file()]
    return found + sorted((PROJECT / "samples").glob("*.pdf"))


def best(fn, repeat: int) -> float:
    """Median wall time of `repeat` calls (seconds)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def plumber_text(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
        return len(pdf.pages)


def govfacts_command() -> list[str]:
    script = Path(sys.executable).with_name("govfacts")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "extractor.cli"]


def cold(args: list[str], repeat: int) -> tuple[float, float, int]:
    """(fastest, median) wall time of a fresh `govfacts ARGS` process, and its exit code."""
    times, code = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        done = subprocess.run([*govfacts_command(), *args], capture_output=True, cwd=PROJECT,
                              stdin=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
        code = done.returncode
    return min(times), statistics.median(times), code


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per PDF and method (median is shown)")
    parser.add_argument("--cold", type=int, default=3, help="fresh CLI processes per command")
    args = parser.parse_args(argv)

    from extractor import extract
    from extractor.reading import read

    files = pdfs()
    if not (SHARED / "fixtures").is_dir():
        print(f"note: {SHARED} is absent; timing samples/*.pdf only")
    for path in files:  # warm up: imports, models, catalog, font maps
        plumber_text(path)
        extract(str(path))

    rows = []
    for path in files:
        pages = plumber_text(path)
        t_plumber = best(lambda p=path: plumber_text(p), args.repeat)
        t_read = best(lambda p=path: read(str(p)), args.repeat)
        t_extract = best(lambda p=path: extract(str(p)), args.repeat)
        status = extract(str(path)).status
        rows.append((path.name, pages, t_plumber, t_read, t_extract, status))

    print(f"\nPDF extraction, median of {args.repeat} runs (ms per page)")
    head = f"{'file':32} {'pages':>5} {'pdfplumber':>10} {'read':>8} {'extract':>8} {'read×':>6} {'extract×':>8}"
    print(head)
    print("-" * len(head))
    for name, pages, tp, tr, te, status in rows:
        note = "" if status == "ok" else f"  ({status})"
        print(f"{name:32} {pages:5d} {1000 * tp / pages:10.1f} {1000 * tr / pages:8.1f} {1000 * te / pages:8.1f} "
              f"{tr / tp:5.2f}× {te / tp:7.2f}×{note}")
    total_pages = sum(r[1] for r in rows)
    tp, tr, te = (sum(r[i] for r in rows) for i in (2, 3, 4))
    print("-" * len(head))
    ratio = te / tp
    print(f"{'all':32} {total_pages:5d} {1000 * tp / total_pages:10.1f} {1000 * tr / total_pages:8.1f} "
          f"{1000 * te / total_pages:8.1f} {tr / tp:5.2f}× {ratio:7.2f}×")
    print(f"goal: extract ≤ {RATIO_GOAL}× pdfplumber's extract_text — {'met' if ratio <= RATIO_GOAL else 'NOT met'}")

    print(f"\nCLI cold start, fresh process, wall time over {args.cold} runs")
    with tempfile.TemporaryDirectory() as out:
        txt = PROJECT / "samples" / "shixi_2023.txt"
        commands = [["--help"], ["extract", str(txt), "-o", out, "--quiet"]]
        labels = ["govfacts --help", f"govfacts extract {txt.name}"]
        print(f"{'command':34} {'fastest':>8} {'median':>8} {'exit':>5}  goal ≤ {COLD_GOAL} s")
        for label, command in zip(labels, commands):
            fastest, median, code = cold(command, args.cold)
            verdict = "met" if median <= COLD_GOAL else "NOT met"
            print(f"{label:34} {fastest:7.2f}s {median:7.2f}s {code:5d}  {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
