"""`govfacts train`, `govfacts evaluate`, `govfacts annotate`: the corpus and the learned stages."""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def add_parser(sub) -> None:
    t = sub.add_parser("train", help="train the fact and indicator classifiers from corpus/ (train split)")
    t.add_argument("--corpus", default=None, help="corpus folder (default: the project's corpus/)")
    t.add_argument("--models", default=None, help="where to write the models (default: models/)")
    t.add_argument("--docs", nargs="*", help="train on these gold documents instead of the train split")
    t.add_argument("--cards", action="store_true", help="also score dev and test and rewrite the model cards")
    t.set_defaults(func=run_train)

    e = sub.add_parser("evaluate", help="extract the texts gold files name and score them")
    e.add_argument("gold_dir", metavar="GOLD_DIR")
    e.add_argument("--split", choices=["train", "dev", "test"], help="only documents of this split")
    e.add_argument("--json", action="store_true", help="print the scores as JSON")
    e.set_defaults(func=run_evaluate)

    a = sub.add_parser("annotate", help="pre-fill a gold file from the current extraction, for a person to correct")
    a.add_argument("path", metavar="FILE")
    a.add_argument("-o", "--out", default=None, help="output file (default: <name>.gold.json next to FILE)")
    a.set_defaults(func=run_annotate)


def run_train(args: argparse.Namespace) -> int:
    from extractor.learning.cards import write_cards
    from extractor.learning.train import train
    from extractor.resources import home, models_dir

    corpus = Path(args.corpus) if args.corpus else home() / "corpus"
    models = Path(args.models) if args.models else models_dir()
    info = train(corpus, models, only=args.docs)
    print(json.dumps(info, ensure_ascii=False, indent=1))
    if args.cards:
        write_cards(corpus, models, info)
        print(f"model cards written to {models}")
    return 0


def run_evaluate(args: argparse.Namespace) -> int:
    from extractor.corpus import load_gold_dir
    from extractor.learning.evaluate import evaluate, render
    from extractor.learning.train import load_splits, split_of

    gold_dir = Path(args.gold_dir)
    docs = None
    if args.split:
        splits = load_splits(gold_dir.parent)
        docs = [d.doc for d in load_gold_dir(gold_dir) if split_of(d.doc, splits) == args.split]
    scores = evaluate(gold_dir, docs)
    if args.json:
        from extractor.learning.cards import scores_dict

        print(json.dumps(scores_dict(scores), ensure_ascii=False, indent=1))
    else:
        print(render(scores))
    return 0


def run_annotate(args: argparse.Namespace) -> int:
    from extractor.commands import extract_one
    from extractor.learning.annotate import prefill

    report, out = extract_one(args.path, args.out, ".gold.json")
    if report is None:
        return 1
    gold = prefill(report, Path(args.path))
    out.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{out}: {len(gold['facts'])} facts pre-filled; correct them, then `govfacts evaluate`")
    return 0
