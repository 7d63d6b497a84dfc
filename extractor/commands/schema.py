"""`govfacts schema`: write the JSON Schema of the output contract from the pydantic models."""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def add_parser(sub) -> None:
    p = sub.add_parser("schema", help="write schemas/report.schema.json from the pydantic models")
    p.add_argument("-o", "--out", default=None, help="output file (default: schemas/report.schema.json)")
    p.set_defaults(func=run)


def schema_text() -> str:
    from extractor.model import Report

    schema = Report.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://govfacts.example/schemas/report.schema.json"
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def run(args: argparse.Namespace) -> int:
    from extractor.resources import schemas_dir

    out = Path(args.out) if args.out else schemas_dir() / "report.schema.json"
    out.write_text(schema_text(), encoding="utf-8")
    print(f"wrote {out}")
    return 0
