"""govfacts: Chinese local-government reports → validated, source-grounded JSON facts.

>>> from extractor import extract
>>> report = extract("samples/shixi_2023.txt")  # doctest: +SKIP
>>> report.facts[0].value, report.facts[0].unit  # doctest: +SKIP
(12.0, '次')
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from extractor.model import Report


def extract(path: str) -> Report:
    """Read one report file and return its validated `Report` (never raises on bad input)."""
    from extractor.pipeline import extract as _extract

    return _extract(path)


# every worker of a batch runs this same function
process = extract

__all__ = ["extract", "process", "__version__"]
