"""Bad input: every kind gets a status, a stable code and one line naming the file — never a traceback.

All the bad files are made here: empty, page-less, truncated, corrupt,
encrypted, mislabelled, binary, of an unsupported type, missing, a folder,
text that is not a Chinese report.  Through the CLI, each failure is one
stderr line, the exit code is 1, and the good files beside them still come out.
"""

from __future__ import annotations

import json
import random
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from core_helpers import (
    SAMPLES,
    SHORT_REPORT,
    cid_garbage_pdf,
    make_docx,
    make_pdf,
    no_pages_pdf,
    para,
    run_govfacts,
    title,
    wrap,
    write_text,
)

from extractor import extract
from extractor.output.serialize import report_json

BODY = ("2022年，柳塘镇坚持以法治思维推进基层治理，全年开展集体学法8次，组织镇村干部参加法治培训215人次，"
        "调解矛盾纠纷64件，调解成功率97.5%。")


def _good_pdf(path: Path, encrypt: str | None = None) -> Path:
    pages = [[*title("柳塘镇2022年度法治政府建设工作情况报告"), *para(*wrap(BODY))] for _ in range(3)]
    return make_pdf(path, pages, encrypt=encrypt)


def empty_txt(d: Path) -> Path:
    return write_text(d / "empty.txt", "")


def blank_txt(d: Path) -> Path:
    return write_text(d / "blank.txt", " \n\n\t  \r\n")


def empty_pdf(d: Path) -> Path:
    (d / "empty.pdf").write_bytes(b"")
    return d / "empty.pdf"


def empty_docx(d: Path) -> Path:
    (d / "empty.docx").write_bytes(b"")
    return d / "empty.docx"


def zero_pages(d: Path) -> Path:
    return no_pages_pdf(d / "nopages.pdf")


def truncated_pdf(d: Path) -> Path:
    data = _good_pdf(d / "whole.pdf").read_bytes()
    (d / "truncated.pdf").write_bytes(data[: len(data) // 2])
    (d / "whole.pdf").unlink()
    return d / "truncated.pdf"


def corrupt_pdf(d: Path) -> Path:
    rnd = random.Random(3)
    (d / "corrupt.pdf").write_bytes(b"%PDF-1.7\n" + bytes(rnd.randrange(256) for _ in range(4000)))
    return d / "corrupt.pdf"


def encrypted_pdf(d: Path) -> Path:
    return _good_pdf(d / "encrypted.pdf", encrypt="s3cret")


def text_named_pdf(d: Path) -> Path:
    return write_text(d / "report.pdf", SHORT_REPORT)


def docx_named_pdf(d: Path) -> Path:
    (d / "word.pdf").write_bytes((SAMPLES / "yunling_2022.docx").read_bytes())
    return d / "word.pdf"


def binary_txt(d: Path) -> Path:
    rnd = random.Random(5)
    (d / "garbage.txt").write_bytes(bytes(rnd.randrange(256) for _ in range(6000)))
    return d / "garbage.txt"


def compressed_txt(d: Path) -> Path:
    (d / "packed.txt").write_bytes(zlib.compress(SHORT_REPORT.encode("utf-8") * 20))
    return d / "packed.txt"


def unsupported_doc(d: Path) -> Path:
    return write_text(d / "report.doc", SHORT_REPORT)


def unsupported_xlsx(d: Path) -> Path:
    return write_text(d / "table.xlsx", SHORT_REPORT)


def no_suffix(d: Path) -> Path:
    return write_text(d / "README", SHORT_REPORT)


def missing(d: Path) -> Path:
    return d / "nowhere" / "report.txt"


def directory(d: Path) -> Path:
    (d / "folder.pdf").mkdir()
    return d / "folder.pdf"


def english_text(d: Path) -> Path:
    line = "Annual report of the town government: 12 cases handled, 98% of residents satisfied.\n"
    return write_text(d / "english.txt", line * 30)


def corrupt_docx(d: Path) -> Path:
    data = make_docx(d / "whole.docx", [("para", BODY)]).read_bytes()
    (d / "whole.docx").unlink()
    (d / "broken.docx").write_bytes(data[: len(data) // 3])
    return d / "broken.docx"


def legacy_doc_as_docx(d: Path) -> Path:
    (d / "legacy.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096))
    return d / "legacy.docx"


def cid_pdf(d: Path) -> Path:
    return cid_garbage_pdf(d / "cid.pdf")


# maker → (status, code); binary data may be told apart by its bytes or by failing every text encoding
BINARY = ("binary_file", "unknown_encoding")
BAD: dict[Callable[[Path], Path], tuple[str, str | tuple[str, ...]]] = {
    empty_txt: ("error", "empty_file"),
    blank_txt: ("error", "empty_file"),
    empty_pdf: ("error", "empty_file"),
    empty_docx: ("error", "empty_file"),
    zero_pages: ("error", "no_pages"),
    truncated_pdf: ("error", "corrupt_pdf"),
    corrupt_pdf: ("error", "corrupt_pdf"),
    encrypted_pdf: ("error", "encrypted_pdf"),
    text_named_pdf: ("error", "not_a_pdf"),
    docx_named_pdf: ("error", "not_a_pdf"),
    binary_txt: ("error", BINARY),
    compressed_txt: ("error", BINARY),
    unsupported_doc: ("error", "unsupported_format"),
    unsupported_xlsx: ("error", "unsupported_format"),
    no_suffix: ("error", "unsupported_format"),
    missing: ("error", "not_found"),
    directory: ("error", "is_directory"),
    english_text: ("error", "not_a_report"),
    corrupt_docx: ("error", "corrupt_docx"),
    legacy_doc_as_docx: ("error", "encrypted_or_legacy_docx"),
    cid_pdf: ("needs_ocr", "needs_ocr"),
}


@pytest.mark.parametrize(("maker", "expected"), list(BAD.items()), ids=[m.__name__ for m in BAD])
def test_bad_input_gets_a_status_a_code_and_one_line(tmp_path, maker, expected):
    path = maker(tmp_path)
    report = extract(path)  # never raises

    status, codes = expected
    codes = codes if isinstance(codes, tuple) else (codes,)
    assert report.status == status
    assert report.error is not None and report.error.code in codes
    message = report.error.message
    assert message and "\n" not in message and "Traceback" not in message
    assert str(path) in message or path.name in message
    assert report.facts == [] and report.text == ""
    assert report.source.path == str(path)
    # the failed report is still a valid, serializable contract
    again = json.loads(report_json(report))
    assert again["status"] == status and again["error"]["code"] == report.error.code


def test_codes_are_stable_across_runs(tmp_path):
    for maker in (empty_txt, truncated_pdf, unsupported_doc, missing):
        folder = tmp_path / maker.__name__
        folder.mkdir()
        path = maker(folder)
        assert extract(path).error.code == extract(path).error.code == BAD[maker][1]


def test_unsupported_type_message_names_the_type(tmp_path):
    report = extract(unsupported_doc(tmp_path))
    assert "'.doc'" in report.error.message


def test_cli_reports_each_failure_on_one_line_and_still_extracts_the_rest(tmp_path):
    bad_dir = tmp_path / "bad"
    bad_dir.mkdir()
    bad = [maker(bad_dir) for maker in (empty_txt, zero_pages, truncated_pdf, encrypted_pdf, text_named_pdf,
                                        binary_txt, unsupported_doc, missing, directory, english_text, cid_pdf)]
    good = [write_text(tmp_path / "liutang_2022.txt", SHORT_REPORT), SAMPLES / "hewan_2024.pdf"]
    out = tmp_path / "out"
    args = [good[0], *bad[:6], good[1], *bad[6:]]

    result = run_govfacts("extract", *args, "-o", out)

    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().split("\n")
    assert len(lines) == len(bad), result.stderr
    for path, line in zip(bad, lines):
        assert path.name in line, (path, line)
    for path in good:
        report = json.loads((out / f"{path.stem}.json").read_text(encoding="utf-8"))
        assert report["status"] == "ok" and report["facts"]
    for path in good:
        assert not any(path.name in line for line in lines)

