"""Where the project's data lives: the indicator catalog and the trained models.

They sit at the top of the project (`schemas/`, `models/`); `GOVFACTS_HOME`
points elsewhere for an installed copy.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path


def home() -> Path:
    env = os.environ.get("GOVFACTS_HOME")
    return Path(env) if env else Path(__file__).resolve().parent.parent


def schemas_dir() -> Path:
    return home() / "schemas"


def models_dir() -> Path:
    return home() / "models"


@lru_cache(maxsize=1)
def catalog() -> dict:
    """The indicator catalog (`schemas/indicators.json`)."""
    return json.loads((schemas_dir() / "indicators.json").read_text(encoding="utf-8"))


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
