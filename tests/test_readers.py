"""Stage 1 — each reader on real files: TXT in its encodings and shapes, DOCX, PDF with boxes.

Text inputs are written here in the test; PDFs are typeset with reportlab (or
written object by object) so that the expected text, pages and splits follow
from what the test put in.  The bundled samples and the shared fixtures are
read where they are.
"""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
import pytest
from core_helpers import (
    FIXTURES,
    SAMPLES,
    PdfLine,
    cid_garbage_pdf,
    extract_file,
    facts_within,
    heading,
    image_only_pdf,
    make_docx,
    make_pdf,
    para,
    shared_file,
    squash,
    the_fact,
    title,
    wrap,
    write_text,
)

from extractor import extract
from extractor.reading import read

FOOTER = re.compile(r"[—\-–]\s*\d{1,3}\s*[—\-–]")

# ---------------------------------------------------------------------------
# TXT
# ---------------------------------------------------------------------------

PLAIN = """石岗乡2022年度法治政府建设工作情况报告
2022年，石岗乡坚持以法治思维推进乡村治理，依法行政水平持续提升。现将有关情况报告如下。
一、加强学法用法
全年乡党委理论学习中心组开展集体学法7次，组织乡村干部参加法治培训184人次，乡政府常务会议会前学法12次。
二、化解矛盾纠纷
乡综治中心接待群众来访269人次，调解矛盾纠纷58件，调解成功率96.6%。
"""


def _paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n") if p.strip()]


def test_utf8_text_is_read_as_written(tmp_path):
    report = extract(write_text(tmp_path / "shigang.txt", PLAIN))

    assert report.status == "ok", report.error
    assert report.source.format == "txt"
    assert _paragraphs(report.text) == _paragraphs(PLAIN)
    fact = the_fact(report, "接待群众来访269人次", "269人次")
    assert (fact.value, fact.unit, fact.raw) == (269, "人次", "269人次")
    assert fact.page is None and fact.bbox is None  # a text file has no pages


def test_utf8_with_bom_reads_the_same_text(tmp_path):
    plain = extract(write_text(tmp_path / "plain.txt", PLAIN))
    bom = extract(write_text(tmp_path / "bom.txt", PLAIN, bom=True))

    assert bom.status == "ok", bom.error
    assert "\ufeff" not in bom.text
    assert bom.text == plain.text
    assert [(f.value, f.unit, f.span) for f in bom.facts] == [(f.value, f.unit, f.span) for f in plain.facts]


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "gb2312"])
def test_chinese_legacy_encodings_are_detected(tmp_path, encoding):
    utf8 = extract(write_text(tmp_path / "utf8.txt", PLAIN))
    legacy = extract(write_text(tmp_path / f"{encoding}.txt", PLAIN, encoding=encoding))

    assert legacy.status == "ok", legacy.error
    assert legacy.text == utf8.text
    assert legacy.source.sha256 != utf8.source.sha256  # really different bytes
    assert the_fact(legacy, "调解矛盾纠纷58件", "58件").value == 58


def test_gb18030_only_characters_survive(tmp_path):
    # 䶮 (U+4DAE) is not in GBK: only GB18030's four-byte codes carry it
    text = PLAIN.replace("乡综治中心", "乡综治中心主任王䶮带领工作人员")
    report = extract(write_text(tmp_path / "gb18030.txt", text, encoding="gb18030"))

    assert report.status == "ok", report.error
    assert "王䶮带领工作人员接待群众来访269人次" in report.text


def test_markdown_headings_lose_their_marks_and_stay_headings(tmp_path):
    text = (
        "# 石岗乡2022年度法治政府建设工作情况报告\n\n"
        "## 一、加强学法用法\n\n"
        "全年乡党委理论学习中心组开展集体学法7次，组织乡村干部参加法治培训184人次。\n\n"
        "## 二、化解矛盾纠纷\n\n"
        "### （一）人民调解\n\n"
        "乡综治中心接待群众来访269人次，调解矛盾纠纷58件。\n"
    )
    report = extract(write_text(tmp_path / "md.txt", text))

    assert report.status == "ok", report.error
    assert "#" not in report.text
    paragraphs = _paragraphs(report.text)
    assert paragraphs[0] == "石岗乡2022年度法治政府建设工作情况报告"
    assert "一、加强学法用法" in paragraphs and "（一）人民调解" in paragraphs
    assert report.metadata.title == "石岗乡2022年度法治政府建设工作情况报告"
    tops = [(s.number, s.title) for s in report.sections if s.level == 1]
    assert tops == [("一", "加强学法用法"), ("二", "化解矛盾纠纷")]
    sub = [s for s in report.sections if s.level == 2]
    assert [(s.number, s.title) for s in sub] == [("一", "人民调解")]
    assert report.sections[sub[0].parent].number == "二"


BROKEN = """石岗乡2022年度法治政府建设工作情况报告
2022年，石岗乡坚持以法治思维推进乡村治理，依法行政水平持续提升。现将有关情况报告如下。
一、规范重大决策
乡政府严格落实重大行政决策程序规定，把公众参与、专家论证、风险评估和合法性审查作为必经程序，引导乡村干部在重
大事项决策前主动听取法律顾问意见，全年法律顾问列席乡政府常务会议9次，审查合同协议31份。
二、严格规范执法
乡综合行政执法队全年开展联合执法检查46次，办理行政处罚案件37
件，罚没款2.3万元。
"""


def test_a_line_broken_mid_sentence_is_joined(tmp_path):
    report = extract(write_text(tmp_path / "broken.txt", BROKEN))

    assert report.status == "ok", report.error
    assert "引导乡村干部在重大事项决策前主动听取法律顾问意见" in report.text
    assert "一、规范重大决策\n" in report.text  # a heading is not joined to its body
    assert the_fact(report, "审查合同协议31份", "31份").value == 31


def test_a_figure_broken_from_its_unit_is_rejoined(tmp_path):
    report = extract(write_text(tmp_path / "broken.txt", BROKEN))

    assert "办理行政处罚案件37件，罚没款2.3万元" in report.text
    fact = the_fact(report, "行政处罚案件37件", "37件")
    assert (fact.value, fact.unit, fact.raw) == (37, "件", "37件")
    assert report.text[fact.span[0]:fact.span[1]] == "37件"


def test_a_page_number_line_inside_a_broken_figure_is_dropped(tmp_path):
    text = BROKEN.replace("案件37\n件", "案件37\n\n— 2 —\n\n件")
    report = extract(write_text(tmp_path / "paged.txt", text))

    assert "— 2 —" not in report.text
    assert "办理行政处罚案件37件，罚没款2.3万元" in report.text
    assert the_fact(report, "行政处罚案件37件", "37件").value == 37


def test_stray_spaces_beside_figures_are_removed(tmp_path):
    text = PLAIN + "乡派出所出动巡逻车辆 40 多辆，开展法治宣传 12 场，受教育群众约 860 余人，覆盖率 100 %。\n"
    report = extract(write_text(tmp_path / "spaces.txt", text))

    assert "出动巡逻车辆40多辆，开展法治宣传12场，受教育群众约860余人，覆盖率100%。" in report.text
    cars = the_fact(report, "巡逻车辆40多辆", "40多辆")
    assert (cars.value, cars.unit, cars.qualifier, cars.raw) == (40, "辆", "more_than", "40多辆")
    people = the_fact(report, "受教育群众约860余人", "约860余人")
    assert (people.value, people.unit, people.raw) == (860, "人", "约860余人")
    assert people.qualifier in ("approx", "more_than")
    assert the_fact(report, "覆盖率100%", "100%").unit == "%"


def test_spaces_between_two_numbers_are_not_removed(tmp_path):
    # "附表1 2022年…": removing the space would make one number, 12022
    text = PLAIN + "附表1 2022年行政复议案件统计\n类别：行政复议 收案 3 件\n"
    report = extract(write_text(tmp_path / "caption.txt", text))

    assert "12022" not in report.text
    assert re.search(r"附表1\s+2022年", report.text)


def test_literal_backslash_r_n_sequences_are_line_breaks(tmp_path):
    text = "\\r\\n".join(_paragraphs(PLAIN))  # an export that wrote the escapes, not the breaks
    assert "\n" not in text
    report = extract(write_text(tmp_path / "escaped.txt", text))

    assert report.status == "ok", report.error
    assert "\\r\\n" not in report.text and "\\r" not in report.text
    assert _paragraphs(report.text) == _paragraphs(PLAIN)
    assert [s.number for s in report.sections if s.level == 1] == ["一", "二"]
    assert the_fact(report, "开展集体学法7次", "7次").value == 7


def test_windows_line_ends_are_line_breaks(tmp_path):
    report = extract(write_text(tmp_path / "crlf.txt", PLAIN.replace("\n", "\r\n")))

    assert "\r" not in report.text
    assert _paragraphs(report.text) == _paragraphs(PLAIN)


# ---------------------------------------------------------------------------
# DOCX
# ---------------------------------------------------------------------------

DOCX_BLOCKS = [
    ("para", "石岗乡人民政府"),
    ("title", "石岗乡2022年度法治政府建设工作情况报告"),
    ("para", "2022年，石岗乡坚持以法治思维推进乡村治理，依法行政水平持续提升。现将有关情况报告如下。"),
    ("heading", "一、严格规范执法"),
    ("para", "乡综合行政执法队现有执法人员19名，全部持证上岗。全年案件办理情况见下表。"),
    ("table", [["类别", "收案数", "办结数"], ["行政处罚", "41件", "39件"], ["行政复议", "3件", "3件"]]),
    ("para", "全年罚没款共计5.2万元，全部缴入国库。"),
    ("heading", "二、化解矛盾纠纷"),
    ("para", "乡综治中心接待群众来访269人次，调解矛盾纠纷58件。"),
]


def test_docx_paragraphs_and_tables_in_document_order(tmp_path):
    report = extract(make_docx(tmp_path / "shigang.docx", DOCX_BLOCKS))

    assert report.status == "ok", report.error
    assert report.source.format == "docx"
    text = report.text
    order = [
        "石岗乡2022年度法治政府建设工作情况报告", "一、严格规范执法", "现有执法人员19名", "类别", "行政处罚",
        "行政复议", "全年罚没款共计5.2万元", "二、化解矛盾纠纷", "调解矛盾纠纷58件",
    ]
    positions = [text.find(s) for s in order]
    assert -1 not in positions, [s for s, p in zip(order, positions) if p == -1]
    assert positions == sorted(positions)
    # a table row stays one line, so a cell's figure keeps its row label beside it
    row = next(line for line in text.split("\n") if line.startswith("行政处罚"))
    assert "41件" in row and "39件" in row
    assert the_fact(report, "41件", "41件").unit == "件"
    fine = the_fact(report, "罚没款共计5.2万元", "5.2万元")
    assert (fine.value, fine.unit) == (52000, "元")


def test_docx_headings_are_kept_as_their_own_paragraphs(tmp_path):
    report = extract(make_docx(tmp_path / "shigang.docx", DOCX_BLOCKS))

    paragraphs = _paragraphs(report.text)
    assert "石岗乡2022年度法治政府建设工作情况报告" in paragraphs
    assert "一、严格规范执法" in paragraphs and "二、化解矛盾纠纷" in paragraphs
    assert report.metadata.title == "石岗乡2022年度法治政府建设工作情况报告"
    assert [(s.number, s.title, s.level) for s in report.sections] == [
        ("一", "严格规范执法", 1), ("二", "化解矛盾纠纷", 1)]


def test_docx_sample_reads_masthead_table_and_caption():
    path = SAMPLES / "yunling_2022.docx"
    report = extract_file(path)
    assert report.status == "ok", report.error
    assert report.source.format == "docx" and report.source.pages is None

    from docx import Document

    word = Document(str(path))
    body = [p.text for p in word.paragraphs if p.text.strip()]
    squashed = squash(report.text)
    for paragraph in body:  # every paragraph of the file, in its words
        assert squash(paragraph) in squashed or squash(paragraph.replace("\u3000", "")) in squashed, paragraph
    for table in word.tables:
        for row in table.rows:
            cells = [c.text.strip() for c in row.cells]
            line = next((ln for ln in report.text.split("\n") if ln.startswith(cells[0])), None)
            assert line is not None, cells
            assert all(c in line for c in cells), (cells, line)
    headings = [p.text for p in word.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    paragraphs = _paragraphs(report.text)
    assert headings and all(h in paragraphs for h in headings)


def test_docx_sample_caption_keeps_its_two_numbers_apart():
    from docx import Document

    captions = [p.text for p in Document(str(SAMPLES / "yunling_2022.docx")).paragraphs
                if re.match(r"表\d+\s+\d{4}年", p.text)]
    assert captions, "the sample has a table caption 'table number, space, year'"
    text = extract_file(SAMPLES / "yunling_2022.docx").text
    for caption in captions:
        number, year = re.match(r"表(\d+)\s+(\d{4})", caption).groups()
        assert f"表{number}{year}" not in text, f"caption {caption!r} became one number"


# ---------------------------------------------------------------------------
# PDF
# ---------------------------------------------------------------------------

HEADER = "柳塘镇2022年度法治政府建设工作情况报告"
INTRO = "2022年，柳塘镇在县委、县政府的坚强领导下，坚持以法治思维和法治方式推进基层治理，依法行政水平持续提升。现将有关情况报告如下。"
ENFORCE = ("全年镇党委理论学习中心组开展集体学法8次，组织镇村干部参加法治专题培训215人次。镇综合行政执法队共有执法人员"
           "23名，全部持证上岗，全年办理行政处罚案件37件，罚没款4.6万元。")
REVIEW = ("全年共受理行政复议申请3件，行政诉讼案件2件，行政机关负责人出庭应诉率100%，镇村两级调解组织调解矛盾纠纷137件，"
          "调处成功率98.5%。")
PUBLICITY = ("围绕“八五”普法规划，镇司法所联合派出所、中小学校开展送法进村入户活动，在集市、村部和学校举办法治讲座和法律"
             "咨询活动41场，发放宣传资料5800余份，受教育群众约1.3万人次。")
PROBLEMS = "一是普法宣传形式较为单一，针对青少年和外出务工人员的宣传不够精准；二是执法人员专业素质有待提升。"


@pytest.fixture(scope="module")
def made_pdf(tmp_path_factory) -> Path:
    """Three pages: a title, a running header from page 2, '— N —' footers, figures split
    over a line end (137 | 件) and over a page end (4.6万 | footer | header | 元)."""
    enforce = wrap(ENFORCE)
    cut = next(i for i, line in enumerate(enforce) if re.search(r"[\d万]$", line)) + 1
    page1 = [*title(HEADER), *para(*wrap(INTRO)), *heading("一、主要工作"), *para(*enforce[:cut], runs_on=True)]
    page2 = [*para(*enforce[cut:], continued=True), *para(*wrap(REVIEW)), *heading("二、普法宣传"),
             *para(*wrap(PUBLICITY))]
    page3 = [*heading("三、存在的问题"), *para(*wrap(PROBLEMS)),
             PdfLine("柳塘镇人民政府", full=False), PdfLine("2023年1月16日", full=False)]
    return make_pdf(tmp_path_factory.mktemp("pdf") / "liutang_2022.pdf", [page1, page2, page3], header=HEADER)


def _page_lines(path: Path) -> list[list[str]]:
    with pdfplumber.open(path) as pdf:
        return [(page.extract_text() or "").split("\n") for page in pdf.pages]


def _split_at(pages: list[list[str]], before: str, after: str) -> tuple[int, int] | None:
    """(page of `before`, page of `after`) when a line ends with `before` and the next text line
    (footers and headers skipped) starts with `after`."""
    flat = [(n, line.strip()) for n, lines in enumerate(pages, start=1) for line in lines]
    for i, (n, line) in enumerate(flat):
        if line.endswith(before):
            for m, nxt in flat[i + 1:i + 4]:
                if nxt.startswith(after):
                    return n, m
    return None


def test_made_pdf_has_the_furniture_and_splits_it_is_meant_to_have(made_pdf):
    pages = _page_lines(made_pdf)
    assert len(pages) == 3
    assert all(FOOTER.fullmatch(lines[-1].strip()) for lines in pages)
    assert [lines[0] for lines in pages[1:]] == [HEADER, HEADER]
    assert _split_at(pages, "4.6万", "元") == (1, 2)
    assert _split_at(pages, "纠纷137", "件") is not None
    assert _split_at(pages, "执法人员", "23名") is not None


def test_pdf_text_drops_footers_and_the_running_header(made_pdf):
    report = extract(made_pdf)

    assert report.status == "ok", report.error
    assert (report.source.format, report.source.pages, report.source.text_layer) == ("pdf", 3, True)
    assert not FOOTER.search(report.text)
    assert report.text.count(HEADER) == 1  # the title on page 1, not the header of pages 2 and 3
    assert _paragraphs(report.text)[0] == HEADER


def test_pdf_paragraphs_are_rebuilt_from_wrapped_lines(made_pdf):
    text = extract(made_pdf).text

    for paragraph in (INTRO, ENFORCE, REVIEW, PUBLICITY, PROBLEMS):
        assert paragraph in text.split("\n"), paragraph[:20]
    for line in ("一、主要工作", "二、普法宣传", "三、存在的问题", "柳塘镇人民政府", "2023年1月16日"):
        assert line in text.split("\n")


@pytest.mark.parametrize(
    ("needle", "figure", "value", "unit", "page"),
    [
        ("罚没款4.6万元", "4.6万元", 46000, "元", 1),  # over the page end, with footer and header between
        ("调解矛盾纠纷137件", "137件", 137, "件", 2),  # over a line end
        ("执法人员23名", "23名", 23, "名", 1),  # the figure opens a line, its anchor ends the one before
        ("受教育群众约1.3万人次", "约1.3万人次", 13000, "人次", 2),  # a unit broken inside itself
    ],
)
def test_pdf_split_figures_become_one_fact_on_the_right_page(made_pdf, needle, figure, value, unit, page):
    report = extract(made_pdf)
    fact = the_fact(report, needle, figure)

    assert (fact.value, fact.unit, fact.raw) == (value, unit, figure)
    assert fact.page == page and fact.bbox is not None


@pytest.mark.parametrize("footer", ["第{n}页", "- {n} -", "第 {n} 页 共 3 页", "{n}"])
def test_pdf_page_number_footers_of_other_shapes_are_dropped(tmp_path, footer):
    pages = [[*heading(f"{n}、工作情况"), *para(*wrap(REVIEW))] for n in "一二三"]
    path = make_pdf(tmp_path / "footers.pdf", pages, footer=footer)
    printed = [lines[-1].strip() for lines in _page_lines(path)]
    assert printed == [footer.format(n=n) for n in (1, 2, 3)]

    text = extract(path).text
    assert text.split("\n") == [line for n in "一二三" for line in (f"{n}、工作情况", REVIEW)]


def _char_index(path: Path) -> dict[tuple[int, float, float], str]:
    index: dict[tuple[int, float, float], str] = {}
    with pdfplumber.open(path) as pdf:
        for n, page in enumerate(pdf.pages, start=1):
            for c in page.chars:
                key = (n, round(c["x0"], 2), round(c["top"], 2))
                index[key] = index.get(key, "") + c["text"]
    return index


def _assert_every_boxed_character_is_on_its_page(path: Path) -> None:
    doc = read(path)
    assert doc.boxes is not None and len(doc.boxes) == len(doc.text)
    index = _char_index(path)
    boxed = 0
    for i, (ch, box) in enumerate(zip(doc.text, doc.boxes)):
        if box is None:
            continue
        boxed += 1
        glyphs = index.get((box.page, box.x0, box.top), "")
        assert ch in glyphs, f"text[{i}] {ch!r} is not at page {box.page} ({box.x0}, {box.top}): {glyphs!r}"
    visible = sum(1 for ch in doc.text if not ch.isspace())
    assert boxed >= visible, f"only {boxed} of {visible} visible characters have a box"


def test_made_pdf_characters_map_to_their_page_and_box(made_pdf):
    _assert_every_boxed_character_is_on_its_page(made_pdf)


@pytest.mark.parametrize("name", ["shixi_2023.pdf", "hewan_2024.pdf"])
def test_sample_pdf_characters_map_to_their_page_and_box(name):
    _assert_every_boxed_character_is_on_its_page(SAMPLES / name)


@pytest.mark.parametrize("name", ["pingshan_2021_word.pdf", "pingshan_2021_reportlab.pdf"])
def test_fixture_pdf_characters_map_to_their_page_and_box(name):
    _assert_every_boxed_character_is_on_its_page(shared_file(name))


def _pdfs() -> list[Path]:
    found = [SAMPLES / "shixi_2023.pdf", SAMPLES / "hewan_2024.pdf"]
    found += [FIXTURES / n for n in ("pingshan_2021_word.pdf", "pingshan_2021_reportlab.pdf")]
    return found


@pytest.mark.parametrize("path", _pdfs(), ids=lambda p: p.name)
def test_pdf_footers_and_repeated_headers_are_dropped(path):
    if not path.is_file():
        pytest.skip(f"{path} is absent (../shared is not laid beside the project)")
    pages = _page_lines(path)
    footers = [lines[-1].strip() for lines in pages if FOOTER.fullmatch(lines[-1].strip())]
    assert len(footers) == len(pages), "every page of these PDFs carries a '— N —' footer"
    firsts = [squash(lines[0]) for lines in pages[1:]]
    running = {line for line in firsts if firsts.count(line) >= 2}

    report = extract_file(path)
    assert report.status == "ok", report.error
    assert not FOOTER.search(report.text)
    squashed = squash(report.text)
    for line in running:
        assert squashed.count(line) <= 1, f"running header {line!r} kept"


def test_fixture_reportlab_pdf_has_a_running_header_that_is_dropped():
    path = shared_file("pingshan_2021_reportlab.pdf")
    pages = _page_lines(path)
    firsts = [squash(lines[0]) for lines in pages[1:]]
    header = max(set(firsts), key=firsts.count)
    assert firsts.count(header) >= 2, "the fixture repeats a header on its pages"
    assert squash(extract_file(path).text).count(header) <= 1


def _value_and_unit(before: str, after: str) -> tuple[float, str]:
    digits = re.search(r"[\d.]+([万亿]?)$", before)
    multiplier = {"": 1, "万": 10**4, "亿": 10**8}[digits.group(1)]
    number = float(digits.group(0).rstrip("万亿"))
    unit = re.match(r"(余)?([\u4e00-\u9fff])", after).group(2)
    return number * multiplier, unit


@pytest.mark.parametrize(
    ("name", "before", "after", "page_before", "page_after"),
    [
        ("shixi_2023.pdf", "执法记录仪8", "台，", 3, 4),
        ("shixi_2023.pdf", "行政处罚案件37", "件，", 4, 4),
        ("hewan_2024.pdf", "总产值86.4亿", "元，", 1, 1),
        ("hewan_2024.pdf", "高新技术企业12", "家，", 1, 1),
        ("hewan_2024.pdf", "群众性文化活动120", "余场，", 2, 3),
        ("hewan_2024.pdf", "调解矛盾纠纷437", "件，", 3, 3),
    ],
)
def test_sample_pdf_known_splits_are_rejoined(name, before, after, page_before, page_after):
    path = SAMPLES / name
    assert _split_at(_page_lines(path), before, after) == (page_before, page_after), "the split is in the PDF"
    report = extract_file(path)

    joined = before + after
    assert joined in report.text
    figure = re.search(r"[\d.]+[万亿]?$", before).group(0) + after.rstrip("，")
    fact = the_fact(report, joined, figure)
    value, unit = _value_and_unit(before, after)
    assert (fact.value, fact.unit) == (value, unit)
    assert fact.raw == figure
    assert fact.page == page_before


def test_sample_pdf_year_range_over_a_line_end_is_rejoined_and_not_a_fact():
    path = SAMPLES / "shixi_2023.pdf"
    assert _split_at(_page_lines(path), "（2021—", "2025年）》") == (1, 1)
    report = extract_file(path)
    assert "（2021—2025年）》" in report.text
    assert facts_within(report, "（2021—2025年）") == []


def test_pdf_fact_boxes_frame_the_figure_on_its_page():
    for path in [SAMPLES / "shixi_2023.pdf", SAMPLES / "hewan_2024.pdf"]:
        report = extract_file(path)
        with pdfplumber.open(path) as pdf:
            for fact in report.facts:
                assert fact.page is not None and fact.bbox is not None, fact.raw
                x0, top, x1, bottom = fact.bbox
                page = pdf.pages[fact.page - 1]
                inside = page.within_bbox((x0 - 0.5, top - 0.5, x1 + 0.5, bottom + 0.5)).chars
                framed = "".join(c["text"] for c in inside)
                assert fact.raw[0] in framed, (path.name, fact.raw, fact.page, framed)
                # the figure lies inside its box, or runs on at the top of the next page
                on_page = 0
                while on_page < len(fact.raw) and fact.raw[on_page] in framed:
                    on_page += 1
                rest = fact.raw[on_page:]
                if rest:
                    next_page = squash(pdf.pages[fact.page].extract_text() or "")
                    assert rest in next_page[:40], (path.name, fact.raw, framed)


# ---------------------------------------------------------------------------
# PDFs without a usable text layer
# ---------------------------------------------------------------------------


def test_image_only_pdf_needs_ocr(tmp_path):
    path = image_only_pdf(tmp_path / "scan.pdf")
    report = extract(path)

    assert report.status == "needs_ocr"
    assert report.error is not None and report.error.code == "needs_ocr"
    assert str(path) in report.error.message and "OCR" in report.error.message
    assert report.facts == [] and report.text == ""
    assert report.source.format == "pdf" and report.source.text_layer is False


def test_shared_scanned_pdf_needs_ocr():
    path = shared_file("pingshan_2021_scanned.pdf")
    report = extract_file(path)

    assert report.status == "needs_ocr"
    assert report.error.code == "needs_ocr"
    assert path.name in report.error.message and "OCR" in report.error.message
    assert "\n" not in report.error.message
    assert report.facts == [] and report.source.pages and report.source.text_layer is False


def test_cid_garbage_text_layer_needs_ocr(tmp_path):
    path = cid_garbage_pdf(tmp_path / "cid.pdf")
    with pdfplumber.open(path) as pdf:  # the layer really is glyph ids only
        assert "(cid:" in pdf.pages[0].extract_text()
    report = extract(path)

    assert report.status == "needs_ocr"
    assert report.error.code == "needs_ocr"
    assert path.name in report.error.message and "OCR" in report.error.message
    assert report.facts == [] and "(cid:" not in report.text
