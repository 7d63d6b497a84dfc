"""The pipeline: named components over one `Document`, like spaCy's `Language`.

`read` fills the text; then each registered component adds its annotations
(normalize → metadata → sections → facts → lists) and `build_report` turns
the document into the validated output contract.  `extract(path)` never
raises on bad input: it returns a Report with status `error` or `needs_ocr`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from extractor import __version__
from extractor.document import Document
from extractor.errors import ReadError, one_line
from extractor.model import ErrorInfo, ExtractorInfo, Report, Source

Component = Callable[[Document], Document]
COMPONENTS: dict[str, Component] = {}
MIN_CJK = 30  # below this, a readable file is not a report


def component(name: str) -> Callable[[Component], Component]:
    """Register a pipeline stage under `name` (order of registration is pipeline order)."""

    def register(fn: Component) -> Component:
        COMPONENTS[name] = fn
        return fn

    return register


def _load_components() -> None:
    if not COMPONENTS:
        import extractor.understanding.stages  # noqa: F401  (registers the stages)


def run(doc: Document, disable: tuple[str, ...] = ()) -> Document:
    _load_components()
    for name, fn in COMPONENTS.items():
        if name not in disable:
            doc = fn(doc)
    return doc


def extract(path: str | Path) -> Report:
    from extractor.reading import read

    return _extract(lambda: read(path), str(path))


def extract_text(text: str, name: str = "<text>") -> Report:
    """Extract from a string already in memory (a corpus record, a test)."""
    from extractor.reading import read_string

    return _extract(lambda: read_string(text, name), name)


def _extract(reader: Callable[[], Document], name: str) -> Report:
    try:
        doc = reader()
        if sum(1 for ch in doc.text if "\u4e00" <= ch <= "\u9fff") < MIN_CJK:
            raise ReadError("not_a_report", f"{name}: no Chinese report text found")
        doc = run(doc)
    except ReadError as err:
        return failed(name, err.status, err.code, err.message, getattr(err, "doc", None))
    except Exception as exc:  # a bug must not take a batch down: report it as this file's error
        return failed(name, "error", "internal_error", f"{name}: internal error ({type(exc).__name__}: {exc})")
    from extractor.output.report import build_report

    return build_report(doc)


def extractor_info() -> ExtractorInfo:
    from extractor.learning.registry import model_hashes
    from extractor.resources import catalog

    return ExtractorInfo(version=__version__, catalog_version=catalog().get("catalog_version"),
                         models=model_hashes())


def failed(path: str, status: str, code: str, message: str, doc: Document | None = None) -> Report:
    source = Source(path=path)
    if doc is not None:
        source = Source(path=path, sha256=doc.sha256, format=doc.format, pages=doc.pages, text_layer=doc.text_layer)
    return Report(status=status, error=ErrorInfo(code=code, message=one_line(message)), source=source,
                  extractor=extractor_info())
