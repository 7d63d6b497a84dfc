"""The dataset commands of `govfacts`: batch, compare, export, query, serve, plot.

Each is a thin layer over the library function of the same name; heavy
libraries (tqdm, pyarrow, matplotlib, datasette) load inside the commands.
Problems print one line `govfacts COMMAND: …` and exit 1.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable

from extractor.dataset import db

_Handler = Callable[[argparse.Namespace], int]


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    for name, build in _COMMANDS.items():
        build(subparsers, name)


def _guarded(name: str, handler: _Handler) -> _Handler:
    """Expected failures (no database, a refused query, nothing to draw) as one line, no traceback."""
    from extractor.dataset.plot import PlotError
    from extractor.dataset.query import QueryError

    def run(args: argparse.Namespace) -> int:
        try:
            return handler(args)
        except BrokenPipeError:  # the reader (head, less) left: not a failure
            raise
        except (db.DatabaseError, QueryError, PlotError, OSError) as exc:
            print(f"govfacts {name}: {exc}", file=sys.stderr)
            return 1

    return run


def _db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", default=db.DEFAULT_DB, help=f"SQLite database (default {db.DEFAULT_DB})")


def _filter_options(parser: argparse.ArgumentParser, indicator_required: bool = False) -> None:
    repeat = "; repeat for several"
    parser.add_argument(
        "--indicator",
        action="append",
        default=[],
        required=indicator_required,
        metavar="ID",
        help="indicator id or name from the catalog" + repeat,
    )
    parser.add_argument("--year", type=int, action="append", default=[], metavar="Y", help="year" + repeat)
    parser.add_argument(
        "--region",
        action="append",
        default=[],
        metavar="NAME",
        help="part of a province, city, county or township name" + repeat,
    )


def _filters(args: argparse.Namespace):
    from extractor.dataset.query import Filters, resolve_indicator

    indicators = [resolve_indicator(args.db, name) for name in args.indicator]
    return Filters(indicators, args.year, args.region)


# batch


def _add_batch(subparsers: argparse._SubParsersAction, name: str) -> None:
    parser = subparsers.add_parser(
        name,
        help="extract every report under folders (and zip files) into the database",
        description="Extract every PDF/DOCX/TXT report under the folders and zip files given into an "
        "SQLite dataset. A rerun skips files already stored; a changed file is extracted again and "
        "replaces its rows.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="folder, zip file or report file")
    _db_option(parser)
    parser.add_argument(
        "--workers", type=int, default=None, metavar="N", help="processes (default: all cores)"
    )
    parser.add_argument("--force", action="store_true", help="extract again files already stored")
    parser.add_argument("--quiet", action="store_true", help="no progress, only the summary")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    parser.set_defaults(func=_guarded(name, _batch))


def _batch(args: argparse.Namespace) -> int:
    from extractor.dataset.batch import run_batch

    if args.workers is not None and args.workers < 1:
        print("govfacts batch: --workers must be at least 1", file=sys.stderr)
        return 2
    summary = run_batch(args.paths, args.db, args.workers, args.force, show_progress=not args.quiet)
    if args.json:
        print(json.dumps(summary.as_dict(), ensure_ascii=False, indent=2))
    else:
        print("\n".join(summary.lines()))
    return 1 if summary.missing else 0


# compare


def _add_compare(subparsers: argparse._SubParsersAction, name: str) -> None:
    parser = subparsers.add_parser(
        name,
        help="township × indicator (× year) table",
        description="Compare indicators across townships (and years). The table lists every value the "
        "reports give, with its qualifier (≈ approx, > more than, ≥ at least, < less than, ≤ at most).",
    )
    _db_option(parser)
    _filter_options(parser, indicator_required=True)
    parser.add_argument("--format", choices=("table", "csv", "json"), default="table")
    parser.add_argument("--evidence", action="store_true", help="show the clause each figure stands in")
    parser.set_defaults(func=_guarded(name, _compare))


def _compare(args: argparse.Namespace) -> int:
    from extractor.dataset.query import compare, pivot
    from extractor.dataset.tables import render_table, write_rows

    filters = _filters(args)
    records = compare(args.db, filters)
    if not records:
        print("govfacts compare: no facts match", file=sys.stderr)
        return 1
    if args.format == "table":
        table = pivot(records, filters.indicators, evidence=args.evidence)
        print(
            "\n".join(
                filter(None, [table.caption, render_table(table.headers, table.rows, 60), *table.notes])
            )
        )
        return 0
    headers = [h for h in records[0] if args.evidence or h != "evidence"]
    write_rows(headers, [[r[h] for h in headers] for r in records], args.format, sys.stdout)
    return 0


# export


def _add_export(subparsers: argparse._SubParsersAction, name: str) -> None:
    parser = subparsers.add_parser(
        name,
        help="all facts with document metadata, one row per fact",
        description="Write every fact with its document's metadata, one row per fact. Parquet columns are "
        "typed; CSV and JSON lines go to standard output unless -o names a file.",
    )
    _db_option(parser)
    parser.add_argument("--format", choices=("parquet", "csv", "jsonl"), default="parquet")
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="default: facts.parquet, or stdout for csv/jsonl"
    )
    _filter_options(parser)
    parser.set_defaults(func=_guarded(name, _export))


def _export(args: argparse.Namespace) -> int:
    from extractor.dataset.export import export

    target = args.output or ("facts.parquet" if args.format == "parquet" else None)
    count = export(args.db, args.format, target or sys.stdout, _filters(args))
    if target:
        print(f"{count} facts → {target}", file=sys.stderr)
    return 0


# query


def _add_query(subparsers: argparse._SubParsersAction, name: str) -> None:
    parser = subparsers.add_parser(
        name,
        help="run one read-only SQL statement",
        description="Run one SQL statement on the database, opened read-only: a statement that writes is "
        "refused. Tables: documents, facts, sections, list_items, indicators; view: fact_rows.",
    )
    parser.add_argument("sql")
    _db_option(parser)
    parser.add_argument("--format", choices=("table", "csv", "json"), default="table")
    parser.set_defaults(func=_guarded(name, _query))


def _query(args: argparse.Namespace) -> int:
    from extractor.dataset.query import query
    from extractor.dataset.tables import write_rows

    columns, rows = query(args.db, args.sql)
    if columns:
        write_rows(columns, rows, args.format, sys.stdout)
    return 0


# serve


def _add_serve(subparsers: argparse._SubParsersAction, name: str) -> None:
    parser = subparsers.add_parser(
        name,
        help="browse the database in Datasette (read-only)",
        description="Serve the database read-only with Datasette: facets on indicator, year and region, "
        "full-text search of the reports and of each fact's evidence.",
    )
    _db_option(parser)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8001)
    parser.set_defaults(func=_guarded(name, _serve))


def _serve(args: argparse.Namespace) -> int:
    from extractor.dataset.serve import serve

    serve(args.db, args.host, args.port)
    return 0


# plot


def _add_plot(subparsers: argparse._SubParsersAction, name: str) -> None:
    parser = subparsers.add_parser(
        name,
        help="PNG chart of one indicator across regions or years",
        description="Draw one indicator: bars by region for a single year, lines by region over several.",
    )
    _db_option(parser)
    parser.add_argument("--indicator", required=True, metavar="ID", help="indicator id or name")
    parser.add_argument("--year", type=int, action="append", default=[], metavar="Y")
    parser.add_argument("--region", action="append", default=[], metavar="NAME")
    parser.add_argument("-o", "--output", metavar="FILE.png", help="default: INDICATOR.png")
    parser.set_defaults(func=_guarded(name, _plot))


def _plot(args: argparse.Namespace) -> int:
    from extractor.dataset.plot import plot
    from extractor.dataset.query import Filters, resolve_indicator

    indicator = resolve_indicator(args.db, args.indicator)
    out = args.output or f"{indicator}.png"
    drawn = plot(args.db, indicator, out, Filters((), args.year, args.region))
    if drawn["font"] is None:
        print("govfacts plot: no Chinese font installed, labels may show as boxes", file=sys.stderr)
    left_out = f" ({drawn['left_out']} facts in other units left out)" if drawn["left_out"] else ""
    print(f"{drawn['title']}: {len(drawn['series'])} regions → {out}{left_out}", file=sys.stderr)
    return 0


_COMMANDS = {
    "batch": _add_batch,
    "compare": _add_compare,
    "export": _add_export,
    "query": _add_query,
    "serve": _add_serve,
    "plot": _add_plot,
}
