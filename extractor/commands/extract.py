"""`govfacts extract PATH... -o DIR`: one JSON file per input, one stderr line per failure."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_parser(sub) -> None:
    p = sub.add_parser("extract", help="extract facts from report files into JSON",
                       description="Extract facts from report files (PDF, DOCX, TXT) into one JSON file each.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="report files")
    p.add_argument("-o", "--out", default="out", metavar="DIR", help="output folder (default: out)")
    p.add_argument("--quiet", action="store_true", help="do not print the per-file summary")
    p.add_argument("--show", type=int, default=0, metavar="N", help="also print the first N facts of each file")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from extractor import extract
    from extractor.output.serialize import output_path, report_json

    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    taken: set[Path] = set()  # names given in this run; a clash gets a suffix
    failures = 0
    for raw in args.paths:
        report = extract(raw)
        target = output_path(out_dir, Path(raw), taken)
        target.write_text(report_json(report), encoding="utf-8")
        if report.status != "ok":
            failures += 1
            print(f"govfacts: {report.status}: {report.error.message}", file=sys.stderr)
        elif not args.quiet:
            print(summary_line(report, target))
            for fact in report.facts[: args.show]:
                print("   " + fact_line(fact))
    return 1 if failures else 0


def fact_line(fact) -> str:
    """One fact as a person reads it: figure, qualifier, indicator, where it stands."""
    where = f"p.{fact.page}" if fact.page else f"chars {fact.span[0]}–{fact.span[1]}"
    value = f"{fact.value:g}" + (f"–{fact.value_max:g}" if fact.value_max is not None else "")
    qual = "" if fact.qualifier == "exact" else f" ({fact.qualifier})"
    change = f" [{fact.change}]" if fact.change else ""
    at = fact.evidence.find(fact.raw)
    context = fact.evidence[max(0, at - 16): at + len(fact.raw) + 8] if at >= 0 else fact.evidence[:30]
    return f"{value} {fact.unit}{qual}{change}  {fact.indicator}  {where}  «{context}»"


def summary_line(report, target: Path) -> str:
    meta = report.metadata
    where = "".join(x for x in (meta.region.county, meta.region.township) if x) or meta.issuer or "?"
    return (f"{report.source.path}: {len(report.facts)} facts, {len(report.sections)} sections, "
            f"{len(report.problems)} problems, {len(report.plans)} plans — {where} {meta.year or ''} → {target}")
