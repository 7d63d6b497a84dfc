"""`govfacts annotate FILE`: a gold file pre-filled from the extraction, for a person to correct.

Every extracted fact becomes a gold fact with an anchor cut from the words
just before it, so the pre-filled file already scores 1.0 against the
extraction it came from; the annotator's job is to fix what is wrong.
"""

from __future__ import annotations

from pathlib import Path

from extractor.model import Report


def anchor_for(text: str, start: int, length: int = 6) -> str:
    """A verbatim anchor: up to `length` non-space characters ending right before the figure.

    >>> anchor_for("律师累计接访咨询164人次", 8)
    '累计接访咨询'
    """
    out = []
    i = start - 1
    while i >= 0 and len(out) < length and start - i <= 40:
        ch = text[i]
        if ch == "\n":
            break
        if not ch.isspace():
            out.append(ch)
        i -= 1
    return "".join(reversed(out))


def prefill(report: Report, source: Path) -> dict:
    facts = []
    for f in report.facts:
        item = {
            "anchor": anchor_for(report.text, f.span[0]), "value": f.value, "units": [f.unit],
            "qualifiers": [f.qualifier], "group": f.indicator, "section": f.section,
        }
        if f.value_max is not None:
            item["value_max"] = f.value_max
        facts.append(item)
    m = report.metadata
    return {
        "doc": source.stem,
        "source": source.name,
        "metadata": {"doc_number": m.doc_number, "issuer": m.issuer, "signer": m.signer, "year": m.year,
                     "title": m.title, "region": {"province": m.region.province, "county": m.region.county,
                                                  "township": m.region.township}},
        "sections": [{"number": s.number, "title": s.title} for s in report.sections if s.level == 1],
        "facts": facts,
        "optional": [],
        "not_facts": [],
        "problems": len(report.problems),
        "plans": len(report.plans),
    }
