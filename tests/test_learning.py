"""Issue 4: the learned stages — training on a slice, skops files, spaCy components, annotate → gold."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from tests.core_helpers import CORPUS_GOLD, ROOT, SAMPLES, SCORER, SHARED, needs_shared

# documents we wrote ourselves: training on them needs nothing from ../shared
SLICE = ["sample_shixi_2023", "sample_yunling_2022", "fz_liuwanzhen_2021"]


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    from pathlib import Path

    from extractor.learning.train import train

    out = tmp_path_factory.mktemp("models")
    info = train(ROOT / "corpus", out, only=SLICE)
    return Path(out), info


def test_training_on_a_slice_writes_both_models(trained):
    models, info = trained
    assert info["documents"] == len(SLICE)
    assert info["positives"] > 50 and info["fact_examples"] >= info["positives"]
    assert (models / "fact_classifier.skops").stat().st_size > 1000
    assert (models / "indicator_classifier.skops").stat().st_size > 1000


def test_training_is_deterministic(trained, tmp_path):
    from extractor.learning.train import train

    models, _ = trained
    train(ROOT / "corpus", tmp_path, only=SLICE)
    for name in ("fact_classifier.skops", "indicator_classifier.skops"):
        assert (tmp_path / name).read_bytes() == (models / name).read_bytes(), name


def test_models_load_with_skops_and_hold_only_scikit_learn_types(trained):
    import skops.io as sio

    from extractor.learning.models import FactClassifier, IndicatorClassifier, load

    models, _ = trained
    for name in ("fact_classifier.skops", "indicator_classifier.skops"):
        untrusted = sio.get_untrusted_types(file=models / name)
        assert all(t.startswith(("sklearn.", "numpy.", "scipy.", "builtins.")) for t in untrusted), untrusted
        assert hasattr(load(models / name), "predict")
    assert FactClassifier.load(models / "fact_classifier.skops").fast is not None
    assert IndicatorClassifier.load(models / "indicator_classifier.skops").fast is not None


def test_numpy_evaluation_gives_scikit_learns_answers(tmp_path, monkeypatch):
    """Extraction reads the models' arrays without scikit-learn: same probabilities, same votes."""
    from extractor.document import Document
    from extractor.learning.features import fact_features, indicator_text
    from extractor.learning.models import FactClassifier, IndicatorClassifier, load
    from extractor.pipeline import run
    from extractor.resources import models_dir
    from extractor.understanding.stages import category_at

    monkeypatch.setenv("GOVFACTS_CACHE", str(tmp_path))  # build the cache afresh from the skops files
    doc = run(Document(path="<t>", text=(SAMPLES / "shixi_2023.txt").read_text(encoding="utf-8")),
              disable=("facts", "indicators", "lists"))
    cands = doc.candidates
    facts_path, ind_path = models_dir() / "fact_classifier.skops", models_dir() / "indicator_classifier.skops"
    sk_facts, sk_ind = load(facts_path), load(ind_path)
    rows = [fact_features(doc.norm, c, category_at(doc)(c.start), doc.metadata.get("kind")) for c in cands]
    expected = sk_facts.predict_proba(rows)[:, list(sk_facts.classes_).index(1)]
    ours = FactClassifier.load(facts_path).probabilities(doc, cands, category_at(doc))
    assert list(tmp_path.rglob("fact_classifier-*.npz"))  # the cache was written
    assert max(abs(a - b) for a, b in zip(ours, expected)) < 1e-9
    texts = [indicator_text(doc.norm, c) for c in cands]
    dist, _ = sk_ind.named_steps["vote"].kneighbors(sk_ind.named_steps["ngrams"].transform(texts), n_neighbors=1)
    labels = sk_ind.predict(texts)
    fast = IndicatorClassifier.load(ind_path).fast
    for text, label, d in zip(texts, labels, dist[:, 0]):
        got_label, got_d = fast.nearest(text)
        assert abs(got_d - d) < 1e-9
        assert got_label == label or d > 0.35  # a tie far from every example may break either way


def test_a_trained_fact_model_tells_facts_from_targets(trained):
    """The slice's model keeps a claimed count and scores a reported figure above a target."""
    from extractor.document import Document
    from extractor.learning.models import FactClassifier
    from extractor.pipeline import run
    from extractor.understanding.stages import category_at

    models, _ = trained
    text = ("一、主要工作\n全年开展法治宣传活动26场次，发放宣传资料4100份。\n"
            "二、下一步工作打算\n计划开展法治宣传活动不少于30场次。")
    doc = run(Document(path="<t>", text=text), disable=("facts", "indicators", "lists"))
    clf = FactClassifier.load(models / "fact_classifier.skops")
    open_ = [c for c in doc.candidates if c.reject is None]
    probs = dict(zip([c.quantity.value for c in open_], clf.probabilities(doc, open_, category_at(doc))))
    assert probs[26.0] > 0.5 and probs[4100.0] > 0.5


def test_shipped_models_are_recorded_in_every_output():
    from extractor import extract
    from extractor.resources import file_sha256, models_dir

    report = extract(SAMPLES / "shixi_2023.txt")
    assert report.extractor.models == {
        name: file_sha256(models_dir() / name) for name in ("fact_classifier.skops", "indicator_classifier.skops")
    }
    assert report.extractor.catalog_version


def test_spacy_components_put_facts_in_doc_spans():
    import extractor.nlp as gnlp

    text = (SAMPLES / "shixi_2023.txt").read_text(encoding="utf-8")
    nlp = gnlp.blank_chinese()
    for name in ("govfacts_metadata", "govfacts_sections", "govfacts_facts"):
        nlp.add_pipe(name)
    doc = nlp(text)
    facts = doc.spans["facts"]
    assert len(facts) >= 20
    for span in facts:
        fact = span._.fact
        # the span covers the figure exactly as written in the spaCy Doc's own text
        assert doc.text[fact.span[0]:fact.span[1]] == fact.raw
        assert fact.raw in span.text
        assert span.label_ == fact.indicator
    assert doc._.govfacts_metadata.doc_number == "石政报〔2024〕3号"
    categories = {s.label_ for s in doc.spans["sections"]}
    assert {"problems", "plans"} <= categories


def test_show_renders_the_facts_to_html(tmp_path):
    out = tmp_path / "shixi.html"
    run = subprocess.run([sys.executable, "-m", "extractor.cli", "show", str(SAMPLES / "yunling_2022.docx"),
                          "-o", str(out)], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "云岭县" in html
    assert len(re.findall(r"<mark", html)) >= 20


def test_annotate_prefills_a_gold_file_that_scores_the_extraction_perfectly(tmp_path):
    from extractor.learning.evaluate import evaluate

    src = tmp_path / "shixi_2023.txt"
    src.write_bytes((SAMPLES / "shixi_2023.txt").read_bytes())
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    gold_path = gold_dir / "shixi_2023.gold.json"
    run = subprocess.run([sys.executable, "-m", "extractor.cli", "annotate", str(src), "-o", str(gold_path)],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    assert gold["doc"] == "shixi_2023" and len(gold["facts"]) >= 20
    gold["source"] = str(src)  # the gold names the text it annotates
    gold_path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    scores = evaluate(gold_dir)
    assert scores.prf() == (1.0, 1.0, 1.0)
    assert scores.grouping()[2] == 1.0
    assert all(all(v) for v in scores.metadata.values())


@needs_shared
def test_evaluate_prints_the_shared_scorers_figures(tmp_path):
    """`govfacts evaluate` and ../shared/eval/score.py agree on the same gold and extraction."""
    from extractor.corpus import load_gold_dir
    from extractor.learning.evaluate import extract_gold_doc
    from extractor.output.serialize import report_json

    docs = ["sample_hewan_2024", "fz_wangchaojiedao_2022", "gk_qingmu_2021"]
    if (SHARED / "corpus").is_dir():
        docs.append("bd_130624_2013")  # unnumbered top sections: gold number null
    gold_dir, pred_dir = tmp_path / "gold", tmp_path / "pred"
    gold_dir.mkdir()
    pred_dir.mkdir()
    for gd in load_gold_dir(CORPUS_GOLD):
        if gd.doc in docs:
            (gold_dir / gd.path.name).write_bytes(gd.path.read_bytes())
            (pred_dir / f"{gd.doc}.json").write_text(report_json(extract_gold_doc(gd)), encoding="utf-8")
    ours = subprocess.run([sys.executable, "-m", "extractor.cli", "evaluate", str(gold_dir)],
                          capture_output=True, text=True, cwd=ROOT).stdout
    shared = subprocess.run([sys.executable, str(SCORER), str(gold_dir), str(pred_dir)],
                            capture_output=True, text=True).stdout
    for label in ("facts  gold", "qualifier accuracy", "indicator grouping", "sections  gold", "F1=",
                  "plans count", "problems count"):
        mine = next(line for line in ours.splitlines() if line.startswith(label))
        theirs = next(line for line in shared.splitlines() if line.startswith(label))
        assert mine == theirs, (mine, theirs)
    assert [line for line in ours.splitlines() if line.startswith("metadata")] == [
        line for line in shared.splitlines() if line.startswith("metadata")]
    assert "per indicator" in ours and "worst documents" in ours


@pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="../shared/corpus is absent")
def test_real_corpus_records_are_found_by_id_and_hash():
    from extractor.corpus import load_gold_dir, text_of

    real = [gd for gd in load_gold_dir(CORPUS_GOLD) if isinstance(gd.source, dict) and gd.gold.get("facts")]
    assert len(real) >= 30
    for gd in real[:5]:
        text = text_of(gd)
        first = gd.gold["facts"][0]
        assert first["anchor"].replace(" ", "") in re.sub(r"\s+", "", text)
