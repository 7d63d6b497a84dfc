"""`govfacts extract` and `govfacts schema` end to end, the library call, and the output contract.

The CLI runs as a subprocess on the bundled samples (TXT, DOCX, two PDFs, and
a name clash); its JSON is then checked against the contract: spans index
`text`, boxes have pages, the schema validates, the same input gives the same
bytes.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from core_helpers import ROOT, SAMPLES, SHORT_REPORT, run_govfacts, write_text

from extractor import extract
from extractor.cli import main
from extractor.model import Report
from extractor.output.serialize import report_json

INPUTS = [
    SAMPLES / "shixi_2023.txt",
    SAMPLES / "yunling_2022.docx",
    SAMPLES / "hewan_2024.pdf",
    SAMPLES / "shixi_2023.pdf",  # same stem as the .txt: must not overwrite its JSON
]


@pytest.fixture(scope="module")
def cli_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("cli") / "out"
    result = run_govfacts("extract", *INPUTS, "-o", out)
    return result, out


def _outputs(out: Path) -> dict[str, dict]:
    """Output file name → parsed JSON."""
    return {p.name: json.loads(p.read_text(encoding="utf-8")) for p in sorted(out.glob("*.json"))}


def test_extract_writes_one_json_per_input_and_exits_0(cli_run):
    result, out = cli_run

    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert "Traceback" not in result.stdout
    outputs = _outputs(out)
    assert len(outputs) == len(INPUTS)
    assert sorted(doc["source"]["path"] for doc in outputs.values()) == sorted(map(str, INPUTS))
    assert all(doc["status"] == "ok" and doc["facts"] for doc in outputs.values())
    # one summary line per file
    lines = result.stdout.strip().split("\n")
    assert len(lines) == len(INPUTS)
    for path in INPUTS:
        assert sum(str(path) in line for line in lines) == 1


def test_a_name_clash_gets_a_second_file(cli_run):
    _, out = cli_run
    outputs = _outputs(out)

    clashing = {name: doc for name, doc in outputs.items() if name.startswith("shixi_2023")}
    assert len(clashing) == 2
    assert "shixi_2023.json" in clashing
    assert {doc["source"]["format"] for doc in clashing.values()} == {"txt", "pdf"}
    assert {doc["source"]["path"] for doc in clashing.values()} == {
        str(SAMPLES / "shixi_2023.txt"), str(SAMPLES / "shixi_2023.pdf")}


def test_same_name_from_two_folders_is_not_overwritten(tmp_path, capsys):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
    first = write_text(tmp_path / "a" / "report.txt", SHORT_REPORT)
    second = write_text(tmp_path / "b" / "report.txt", SHORT_REPORT.replace("咨询326人次", "咨询418人次"))
    out = tmp_path / "out"

    code = main(["extract", str(first), str(second), "-o", str(out), "--quiet"])

    assert code == 0, capsys.readouterr().err
    outputs = _outputs(out)
    assert len(outputs) == 2
    by_source = {doc["source"]["path"]: doc for doc in outputs.values()}
    assert set(by_source) == {str(first), str(second)}
    assert "接待群众咨询418人次" in by_source[str(second)]["text"]
    assert "接待群众咨询326人次" in by_source[str(first)]["text"]


def test_exit_1_when_any_input_fails_and_the_others_are_written(tmp_path, short_report, capsys):
    missing = tmp_path / "no_such_report.pdf"

    code = main(["extract", str(missing), str(short_report), "-o", str(tmp_path / "out"), "--quiet"])

    assert code == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and missing.name in err
    ok = json.loads((tmp_path / "out" / "liutang_2022.json").read_text(encoding="utf-8"))
    assert ok["status"] == "ok"


def test_same_input_gives_byte_identical_json(cli_run):
    """The CLI's bytes (one process) equal the library's (this process) for every input."""
    _, out = cli_run
    written = {p.read_bytes() for p in out.glob("*.json")}
    for path in INPUTS:
        again = report_json(extract(str(path))).encode("utf-8")
        assert again in written, path.name
    assert report_json(extract(str(INPUTS[0]))) == report_json(extract(str(INPUTS[0])))


def test_every_span_indexes_text(cli_run):
    _, out = cli_run
    for name, doc in _outputs(out).items():
        text = doc["text"]
        for fact in doc["facts"]:
            start, end = fact["span"]
            assert 0 <= start < end <= len(text)
            assert text[start:end] == fact["raw"], (name, fact)
            assert fact["raw"] in fact["evidence"] and fact["evidence"] in text
        for item in doc["problems"] + doc["plans"]:
            start, end = item["span"]
            assert text[start:end] == item["text"]
        for sec in doc["sections"]:
            start, end = sec["span"]
            assert 0 <= start < end <= len(text)
            assert sec["title"] in text[start:end]


def test_every_box_has_a_page(cli_run):
    _, out = cli_run
    for name, doc in _outputs(out).items():
        pages = doc["source"]["pages"]
        for fact in doc["facts"]:
            if fact["bbox"] is not None:
                assert fact["page"] is not None and 1 <= fact["page"] <= pages, (name, fact)
                x0, top, x1, bottom = fact["bbox"]
                assert x0 < x1 and top < bottom
        if doc["source"]["format"] == "pdf":
            assert all(f["bbox"] is not None for f in doc["facts"]), name
        else:
            assert all(f["bbox"] is None and f["page"] is None for f in doc["facts"]), name


def _validate(document_json: str) -> None:
    schema = json.loads((ROOT / "schemas" / "report.schema.json").read_text(encoding="utf-8"))
    try:
        import jsonschema
    except ModuleNotFoundError:  # the pydantic model is the schema's single source
        Report.model_validate_json(document_json)
        return
    jsonschema.validate(json.loads(document_json), schema)


def test_output_validates_against_the_schema(cli_run):
    _, out = cli_run
    for path in out.glob("*.json"):
        _validate(path.read_text(encoding="utf-8"))


def test_failed_output_validates_against_the_schema(tmp_path):
    report = extract(tmp_path / "missing.txt")
    _validate(report_json(report))


def test_schema_is_current(tmp_path):
    """`govfacts schema` from the pydantic models equals the committed schemas/report.schema.json."""
    target = tmp_path / "report.schema.json"
    result = run_govfacts("schema", "-o", target)

    assert result.returncode == 0, result.stderr
    committed = (ROOT / "schemas" / "report.schema.json").read_text(encoding="utf-8")
    assert target.read_text(encoding="utf-8") == committed, "run `govfacts schema` and commit the result"
    schema = json.loads(committed)
    assert set(schema["properties"]) >= {"schema_version", "status", "error", "source", "text", "metadata",
                                         "sections", "facts", "problems", "plans", "extractor"}


def test_library_use_from_a_plain_python(tmp_path, short_report):
    code = (
        "import json, sys, extractor\n"
        "report = extractor.extract(sys.argv[1])\n"
        "print(json.dumps({'status': report.status, 'facts': [[f.raw, f.value, f.unit] for f in report.facts]},"
        " ensure_ascii=False))\n"
    )
    result = subprocess.run([sys.executable, "-c", code, str(short_report)], capture_output=True, text=True,
                            cwd=tmp_path, timeout=300)

    assert result.returncode == 0, result.stderr
    got = json.loads(result.stdout)
    assert got["status"] == "ok"
    assert ["326人次", 326, "人次"] in got["facts"]
    assert ["97.5%", 97.5, "%"] in got["facts"]


def test_help_lists_the_commands():
    result = run_govfacts("--help")

    assert result.returncode == 0
    assert "extract" in result.stdout and "schema" in result.stdout


def test_a_later_run_does_not_overwrite_another_sources_json(tmp_path, capsys):
    """Across runs too: out/report.json from a/ is kept when b/report.txt is extracted later."""
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
    first = write_text(tmp_path / "a" / "report.txt", SHORT_REPORT)
    second = write_text(tmp_path / "b" / "report.txt", SHORT_REPORT.replace("咨询326人次", "咨询418人次"))
    out = tmp_path / "out"

    assert main(["extract", str(first), "-o", str(out), "--quiet"]) == 0
    assert main(["extract", str(second), "-o", str(out), "--quiet"]) == 0
    assert main(["extract", str(first), "-o", str(out), "--quiet"]) == 0  # its own file is replaced

    outputs = _outputs(out)
    assert sorted(p.name for p in out.glob("*.json")) == ["report-2.json", "report.json"]
    by_source = {doc["source"]["path"]: doc for doc in outputs.values()}
    assert set(by_source) == {str(first), str(second)}
