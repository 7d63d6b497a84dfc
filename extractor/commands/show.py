"""`govfacts show FILE`: the facts and their indicators highlighted in the text, as an HTML page (displaCy)."""

from __future__ import annotations

import argparse


def add_parser(sub) -> None:
    p = sub.add_parser("show", help="render a report's facts and indicators to HTML with displaCy")
    p.add_argument("path", metavar="FILE")
    p.add_argument("-o", "--out", default=None, help="HTML file (default: <name>.facts.html)")
    p.set_defaults(func=run)


def render_html(report) -> str:
    from spacy import displacy

    ents, last_end = [], -1
    for f in report.facts:
        if f.span[0] >= last_end:  # displaCy draws one label per stretch of text
            ents.append({"start": f.span[0], "end": f.span[1], "label": f.indicator})
            last_end = f.span[1]
    title = report.metadata.title or report.source.path
    data = {"text": report.text, "ents": ents, "title": title}
    return displacy.render(data, style="ent", manual=True, page=True, minify=True,
                           options={"colors": {e["label"]: "#ffe08a" for e in ents}})


def run(args: argparse.Namespace) -> int:
    from extractor.commands import extract_one

    report, out = extract_one(args.path, args.out, ".facts.html")
    if report is None:
        return 1
    out.write_text(render_html(report), encoding="utf-8")
    print(f"{out}: {len(report.facts)} facts")
    return 0
