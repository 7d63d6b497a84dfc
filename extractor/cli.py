"""`govfacts` command line: a thin layer over the library.

Each sub-command lives in the module that implements it and registers itself
with `add_parser(subparsers)`; heavy libraries are imported inside the command
so that `govfacts --help` starts fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys

# modules that define `add_parser(subparsers)`; their order is the help order
COMMAND_MODULES = [
    "extractor.commands.extract",
    "extractor.commands.schema",
    "extractor.commands.learning",
    "extractor.commands.show",
    "extractor.dataset.cli",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="govfacts",
        description="Extract source-grounded facts from Chinese local-government reports.",
    )
    from extractor import __version__

    parser.add_argument("--version", action="version", version=f"govfacts {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:  # a stage not installed in this build
            if exc.name != name:
                raise
            continue
        module.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        print("govfacts: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
