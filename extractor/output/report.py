"""Stage 3 — output: a processed Document → the validated `Report` contract."""

from __future__ import annotations

from extractor.document import Document
from extractor.model import Fact, ListItem, Metadata, Region, Report, Section, Source


def build_report(doc: Document) -> Report:
    from extractor.pipeline import extractor_info

    return Report(
        status="ok",
        source=Source(path=doc.path, sha256=doc.sha256, format=doc.format, pages=doc.pages,
                      text_layer=doc.text_layer, ocr=False),
        text=doc.text,
        metadata=_metadata(doc),
        sections=_sections(doc),
        facts=_facts(doc),
        problems=[ListItem(text=i["text"], span=i["span"]) for i in doc.problems],
        plans=[ListItem(text=i["text"], span=i["span"]) for i in doc.plans],
        extractor=extractor_info(),
    )


def _metadata(doc: Document) -> Metadata:
    meta = dict(doc.metadata)
    region = meta.pop("region", None) or {}
    return Metadata(**meta, region=Region(**region))


def _sections(doc: Document) -> list[Section]:
    return [
        Section(number=s.number, title=s.title, level=s.level, parent=s.parent, category=s.category,
                span=(s.start, s.end))
        for s in doc.sections
    ]


def _top_section_at(doc: Document, offset: int) -> str | None:
    top = [s for s in doc.sections if s.level == 1 and s.start <= offset < s.end]
    return top[-1].number if top else None


def _facts(doc: Document) -> list[Fact]:
    from extractor.understanding.facts import evidence_span

    out = []
    for n, c in enumerate(sorted(doc.facts, key=lambda c: (c.start, c.end)), start=1):
        q = c.quantity
        lo, hi = evidence_span(doc.norm, c.start, c.end)
        page, bbox = doc.box_of(c.start, c.end)
        out.append(Fact(
            id=f"f{n:04d}", value=q.value, value_max=q.value_max, unit=q.unit, raw=doc.text[c.start:c.end],
            qualifier=q.qualifier, indicator=c.indicator, change=c.change, span=(c.start, c.end),
            evidence=doc.text[lo:hi].strip(), page=page, bbox=bbox, section=_top_section_at(doc, c.start),
            confidence=round(float(c.features.get("confidence", 0.9)), 4),
            method=c.features.get("method", "rule"),
        ))
    return out
