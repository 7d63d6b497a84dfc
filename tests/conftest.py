"""Fixtures of the core-pipeline tests (issue 3); the helpers they use are in `core_helpers`."""

from __future__ import annotations

from pathlib import Path

import pytest
from core_helpers import SHORT_REPORT, write_text


@pytest.fixture
def short_report(tmp_path: Path) -> Path:
    """A short fictional report as a UTF-8 text file."""
    return write_text(tmp_path / "liutang_2022.txt", SHORT_REPORT)
