"""The understanding components, registered in pipeline order."""

from __future__ import annotations

from extractor.document import Document
from extractor.pipeline import component
from extractor.understanding.normalize import normalize


@component("normalize")
def normalize_text(doc: Document) -> Document:
    doc.norm = normalize(doc.text)
    return doc


@component("metadata")
def metadata(doc: Document) -> Document:
    from extractor.understanding.metadata import extract_metadata

    doc.metadata = extract_metadata(doc.norm, doc.text)
    return doc


@component("sections")
def sections(doc: Document) -> Document:
    from extractor.understanding.sections import find_sections

    work_report = doc.metadata.get("kind") == "政府工作报告"
    doc.sections = find_sections(doc.norm, doc.text, doc.metadata.get("year"), work_report)
    return doc


@component("candidates")
def candidates(doc: Document) -> Document:
    """Every figure with a measure word, with the rules' verdict and a first indicator."""
    from extractor.understanding.facts import candidates as find

    doc.candidates = find(doc.norm, category_at(doc))
    return doc


@component("facts")
def facts(doc: Document) -> Document:
    """The classifier (when trained) decides what the rules left open."""
    from extractor.learning.registry import fact_classifier

    classifier = fact_classifier()
    found = doc.candidates
    doc.facts = classifier.decide(doc, found, category_at(doc)) if classifier else _rules_only(found)
    return doc


@component("indicators")
def indicators(doc: Document) -> Document:
    """The indicator classifier (when trained) names what the corpus taught it."""
    from extractor.learning.registry import indicator_classifier

    classifier = indicator_classifier()
    if classifier:
        classifier.assign(doc, doc.facts)
    return doc


@component("lists")
def lists(doc: Document) -> Document:
    from extractor.understanding.lists import list_items

    doc.problems = list_items(doc, "problems")
    doc.plans = list_items(doc, "plans")
    return doc


def category_at(doc: Document):
    spans = [(s.start, s.end, s.category) for s in doc.sections]

    def category(offset: int) -> str:
        inner = [c for a, b, c in spans if a <= offset < b]
        return inner[-1] if inner else "other"

    return category


def _rules_only(found):
    for c in found:
        c.features["confidence"] = 0.9
        c.features["method"] = "rule"
    return [c for c in found if c.reject is None]
