"""govfacts as spaCy components: compose the extraction stages in a spaCy pipeline.

>>> import spacy, extractor.nlp  # doctest: +SKIP
>>> nlp = extractor.nlp.blank_chinese()  # doctest: +SKIP
>>> nlp.add_pipe("govfacts_facts")  # doctest: +SKIP
>>> doc = nlp("全镇律师累计接访咨询164人次，调解纠纷18件。")  # doctest: +SKIP
>>> [(s.text, s._.fact.unit, s.label_) for s in doc.spans["facts"]]  # doctest: +SKIP
[('164人次', '人次', 'legal_consultations'), ('18件', '件', 'disputes_mediated')]

Components (each runs the govfacts stages it needs on `doc.text` itself, so
every span is an exact slice of the spaCy Doc):
- `govfacts_metadata`  → `doc._.govfacts_metadata` (the Metadata model)
- `govfacts_sections`  → `doc.spans["sections"]`, label = category, `span._.section`
- `govfacts_facts`     → `doc.spans["facts"]`, label = indicator, `span._.fact` (the Fact model)
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractor.document import Document

for _name, _target in (("fact", Span), ("section", Span), ("govfacts_metadata", Doc), ("govfacts_doc", Doc)):
    if not _target.has_extension(_name):
        _target.set_extension(_name, default=None)


def blank_chinese():
    """A blank Chinese pipeline segmented by jieba (no downloaded model)."""
    import jieba
    import spacy

    jieba.setLogLevel(60)
    return spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})


def _processed(doc: Doc) -> Document:
    """Run the govfacts stages once per spaCy Doc, on its own text (offsets stay identical)."""
    if doc._.govfacts_doc is None:
        from extractor.pipeline import run

        gdoc = Document(path="<spacy>", format="txt", text=doc.text)
        doc._.govfacts_doc = run(gdoc)
    return doc._.govfacts_doc


def _span(doc: Doc, start: int, end: int, label: str) -> Span | None:
    return doc.char_span(start, end, label=label, alignment_mode="expand")


@Language.component("govfacts_metadata")
def metadata_component(doc: Doc) -> Doc:
    from extractor.output.report import _metadata

    doc._.govfacts_metadata = _metadata(_processed(doc))
    return doc


def _span_group(doc: Doc, items, label_of, extension: str) -> list[Span]:
    """spaCy spans over the items' character spans, each carrying its item as an extension."""
    spans = []
    for item in items:
        span = _span(doc, item.span[0], item.span[1], label_of(item))
        if span is not None:
            span._.set(extension, item)
            spans.append(span)
    return spans


@Language.component("govfacts_sections")
def sections_component(doc: Doc) -> Doc:
    from extractor.output.report import _sections

    doc.spans["sections"] = _span_group(doc, _sections(_processed(doc)), lambda s: s.category, "section")
    return doc


@Language.component("govfacts_facts")
def facts_component(doc: Doc) -> Doc:
    from extractor.output.report import _facts

    doc.spans["facts"] = _span_group(doc, _facts(_processed(doc)), lambda f: f.indicator, "fact")
    return doc
