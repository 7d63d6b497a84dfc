"""Fixtures of the dataset tests: folders of fictional reports (see `dataset_reports`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from dataset_reports import TOWNSHIPS, Expected, make_mixed_folder, report_text, write_txt


@pytest.fixture
def mixed_folder(tmp_path: Path) -> tuple[Path, list[Expected]]:
    return make_mixed_folder(tmp_path / "reports")


@pytest.fixture
def township_folder(tmp_path: Path) -> Path:
    """One plain-text report per township and year of `TOWNSHIPS`."""
    root = tmp_path / "townships"
    for t in TOWNSHIPS:
        write_txt(root / f"{t.name}_{t.year}.txt", report_text(t))
    return root
