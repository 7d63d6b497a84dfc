"""The issue's "done when": the shared fixtures and the bundled samples scored by the shared scorer.

Each input is extracted, written as `<doc>.json` in a folder of its own, and
scored with `../shared/eval/score.py --json` against its gold file: fact F1,
qualifier accuracy, every metadata field, the top-level sections and the
counts of listed problems and plans.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from core_helpers import (
    CORPUS_GOLD,
    SAMPLES,
    SCORER,
    SHARED_GOLD,
    extract_file,
    needs_shared,
    run_govfacts,
    shared_file,
)

from extractor.output.serialize import report_json

pytestmark = needs_shared

FIXTURE_FILES = [
    "pingshan_2021_seed.txt",
    "pingshan_2021_clean.txt",
    "pingshan_2021.docx",
    "pingshan_2021_word.pdf",
    "pingshan_2021_reportlab.pdf",
]
SAMPLE_FILES = ["shixi_2023.txt", "shixi_2023.pdf", "yunling_2022.docx", "hewan_2024.pdf"]


def score(gold_dir: Path, pred_dir: Path) -> dict:
    result = subprocess.run([sys.executable, str(SCORER), str(gold_dir), str(pred_dir), "--json"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def check(scores: dict, gold: dict, report, min_f1: float) -> None:
    assert scores["missing_outputs"] == []
    facts = scores["facts"]
    assert facts["gold"] == len(gold["facts"])
    assert facts["f1"] >= min_f1, facts
    assert scores["qualifier_accuracy"] >= 0.95
    wrong = {
        field: (_field(report.metadata, field), _field_gold(gold["metadata"], field))
        for field, accuracy in scores["metadata_accuracy"].items() if accuracy < 1
    }
    assert wrong == {}, "metadata fields wrong (extracted, gold)"
    stated = [k for k, v in gold["metadata"].items() if v is not None and k != "region"]
    assert len(scores["metadata_accuracy"]) >= len(stated)  # every stated field was scored
    sections = scores["sections"]
    assert sections["matched"] == sections["gold"] == sections["predicted"] == len(gold["sections"]), sections
    for key in ("problems", "plans"):
        assert (len(getattr(report, key)), key) == (gold[key], key)
        assert scores["list_counts_right"][key] == "1/1"


def _field(metadata, field: str):
    if field.startswith("region."):
        return getattr(metadata.region, field.split(".", 1)[1])
    return getattr(metadata, field)


def _field_gold(gold_meta: dict, field: str):
    if field.startswith("region."):
        return gold_meta["region"][field.split(".", 1)[1]]
    return gold_meta[field]


@pytest.mark.parametrize("name", FIXTURE_FILES)
def test_shared_fixture_scores(tmp_path, name):
    report = extract_file(shared_file(name))
    assert report.status == "ok", report.error
    gold_path = SHARED_GOLD / "pingshan_2021.gold.json"
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    pred = tmp_path / "pred"
    pred.mkdir()
    (pred / "pingshan_2021.json").write_text(report_json(report), encoding="utf-8")

    check(score(SHARED_GOLD, pred), gold, report, min_f1=0.97)


def test_shared_scanned_fixture_needs_ocr_and_the_cli_exits_1(tmp_path):
    path = shared_file("pingshan_2021_scanned.pdf")
    report = extract_file(path)
    assert report.status == "needs_ocr"
    assert report.error.code == "needs_ocr" and "OCR" in report.error.message

    result = run_govfacts("extract", path, "-o", tmp_path / "out")

    assert result.returncode == 1
    lines = result.stderr.strip().split("\n")
    assert len(lines) == 1 and path.name in lines[0] and "OCR" in lines[0]
    assert "Traceback" not in result.stderr
    written = json.loads((tmp_path / "out" / f"{path.stem}.json").read_text(encoding="utf-8"))
    assert written["status"] == "needs_ocr" and written["facts"] == []


@pytest.mark.parametrize("name", SAMPLE_FILES)
def test_sample_scores(tmp_path, name):
    path = SAMPLES / name
    doc = f"sample_{path.stem}"
    gold_file = CORPUS_GOLD / f"{doc}.gold.json"
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    gold_dir, pred = tmp_path / "gold", tmp_path / "pred"
    gold_dir.mkdir()
    pred.mkdir()
    shutil.copy(gold_file, gold_dir / gold_file.name)
    report = extract_file(path)
    assert report.status == "ok", report.error
    (pred / f"{doc}.json").write_text(report_json(report), encoding="utf-8")

    check(score(gold_dir, pred), gold, report, min_f1=0.9)
