"""Figures: numerals, multipliers, units, qualifiers, ranges and change, as the issue lists them.

Each case is checked on the parser alone (`Quantity.fromstring` on the parsing
view) and, where the words around a figure decide its reading, through the
whole pipeline on a report file written here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from core_helpers import the_fact, write_text

from extractor import extract
from extractor.understanding.normalize import normalize
from extractor.understanding.quantities import Quantity

# (text, value, unit, qualifier, value_max, raw in the parsing view)
CASES = [
    # Arabic numerals: thousands separators, full-width digits, decimals
    ("全年办理案件1,236件", 1236, "件", "exact", None, "1,236件"),
    ("罚没款1,234.5万元", 12_345_000, "元", "exact", None, "1,234.5万元"),
    ("审查合同３２份", 32, "份", "exact", None, "32份"),
    ("办结率９８．５％", 98.5, "%", "exact", None, "98.5%"),
    ("考试通过率98.9%", 98.9, "%", "exact", None, "98.9%"),
    # Chinese numerals
    ("开展两次专项检查", 2, "次", "exact", None, "两次"),
    ("举办法治讲座十余场", 10, "场", "more_than", None, "十余场"),
    ("发放宣传资料三千余份", 3000, "份", "more_than", None, "三千余份"),
    ("群众满意率达百分之九十五", 95, "%", "exact", None, "百分之九十五"),
    ("全镇二十五个村", 25, "个", "exact", None, "二十五个"),
    ("受理来信一百零五件", 105, "件", "exact", None, "一百零五件"),
    ("培训两千余人", 2000, "人", "more_than", None, "两千余人"),
    # multipliers 万 / 亿 / 千 multiplied out and removed from the unit
    ("服务群众1.2万人次", 12_000, "人次", "exact", None, "1.2万人次"),
    ("罚没款12.5万元", 125_000, "元", "exact", None, "12.5万元"),
    ("规上工业总产值3.2亿元", 320_000_000, "元", "exact", None, "3.2亿元"),
    ("印发手册3千份", 3000, "份", "exact", None, "3千份"),
    ("项目总投资5千万元", 50_000_000, "元", "exact", None, "5千万元"),
    ("流转土地1.5万亩", 15_000, "亩", "exact", None, "1.5万亩"),
    ("发放补助资金三千余万元", 30_000_000, "元", "more_than", None, "三千余万元"),
    # %, ‰ and 个百分点 stay distinct
    ("人口自然增长率3.2‰", 3.2, "‰", "exact", None, "3.2‰"),
    ("比上年提高1.2个百分点", 1.2, "个百分点", "exact", None, "1.2个百分点"),
    ("降低0.3百分点", 0.3, "个百分点", "exact", None, "0.3百分点"),
    # qualifiers
    ("受教育学生约860人", 860, "人", "approx", None, "约860人"),
    ("惠及近300户", 300, "户", "approx", None, "近300户"),
    ("参与群众500人左右", 500, "人", "approx", None, "500人左右"),
    ("接待咨询超过200人", 200, "人", "more_than", None, "超过200人"),
    ("劝导群众300余人", 300, "人", "more_than", None, "300余人"),
    ("出动车辆40多辆", 40, "辆", "more_than", None, "40多辆"),
    ("参训干部1000人以上", 1000, "人", "more_than", None, "1000人以上"),
    ("每季度学法不少于4次", 4, "次", "at_least", None, "不少于4次"),
    ("每年至少2次", 2, "次", "at_least", None, "至少2次"),
    ("纠错率不足10%", 10, "%", "less_than", None, "不足10%"),
    ("专职人员不到5人", 5, "人", "less_than", None, "不到5人"),
    ("办理时限不超过3天", 3, "天", "at_most", None, "不超过3天"),
    ("每组5人以下", 5, "人", "at_most", None, "5人以下"),
    ("每村配备3至5名", 3, "名", "range", 5, "3至5名"),
    ("培训周期10~15天", 10, "天", "range", 15, "10~15天"),
    ("每户补助1.5万至2万元", 15_000, "元", "range", 20_000, "1.5万至2万元"),
    ("每年开展三至五次", 3, "次", "range", 5, "三至五次"),
]


@pytest.mark.parametrize(("text", "value", "unit", "qualifier", "value_max", "raw"), CASES,
                         ids=[c[0] for c in CASES])
def test_fromstring(text, value, unit, qualifier, value_max, raw):
    q = Quantity.fromstring(normalize(text))

    assert q is not None, text
    assert q.value == pytest.approx(value)
    assert q.unit == unit
    assert q.qualifier == qualifier
    assert (q.value_max is None) if value_max is None else q.value_max == pytest.approx(value_max)
    assert q.raw == raw
    assert normalize(text)[q.start:q.end] == raw


@pytest.mark.parametrize(("text", "value"), [("增长-6.2%", 6.2), ("同比-0.8个百分点", 0.8)])
def test_a_minus_sign_is_kept_apart_from_the_value(text, value):
    q = Quantity.fromstring(text)

    assert q.value == pytest.approx(value) and q.value > 0
    assert q.negative is True
    assert q.raw.startswith("-")


@pytest.mark.parametrize("text", ["2021年4月15日", "二〇二一年", "平政报〔2021〕50号", "第3页", "没有任何数字的句子"])
def test_no_figure_with_a_measure_word(text):
    assert Quantity.fromstring(text) is None


# ---------------------------------------------------------------------------
# through the whole pipeline, where the words around a figure decide its reading
# ---------------------------------------------------------------------------

ECONOMY = """桂湾镇2023年工作总结
2023年，桂湾镇坚持稳中求进工作总基调，经济社会保持平稳健康发展。现将全年工作总结如下。
一、经济运行稳中有进
全镇地区生产总值完成38.6亿元，同比增长7.5%；一般公共预算收入2.1亿元，下降3.2%。
社会消费品零售总额12.4亿元，增长-6.2%。固定资产投资同比-4.1%，农村居民人均可支配收入增长8.1%。
城镇登记失业率2.8%，比上年下降0.3个百分点；森林覆盖率达62.4%，较上年提高1.2个百分点。
二、社会事业
受理行政复议案件１２３件，办结率９８．５％，群众满意率达百分之九十五。
调解矛盾纠纷比上年减少12件，全年开展普法活动十余场，发放资料三千余份，接待群众约 860 余人。
修订完善村规民约14个，签订居民公约6份，每户补助1.5万至2万元。
"""


@pytest.fixture(scope="module")
def economy(tmp_path_factory) -> object:
    path: Path = write_text(tmp_path_factory.mktemp("quantities") / "guiwan_2023.txt", ECONOMY)
    report = extract(path)
    assert report.status == "ok", report.error
    return report


# (needle in the text, figure within it as it stands in the text, value, unit, change)
CHANGES = [
    ("同比增长7.5%", "7.5%", 7.5, "%", "increase"),
    ("下降3.2%", "3.2%", 3.2, "%", "decrease"),
    ("增长-6.2%", "-6.2%", 6.2, "%", "decrease"),
    ("同比-4.1%", "-4.1%", 4.1, "%", "decrease"),
    ("收入增长8.1%", "8.1%", 8.1, "%", "increase"),
    ("下降0.3个百分点", "0.3个百分点", 0.3, "个百分点", "decrease"),
    ("提高1.2个百分点", "1.2个百分点", 1.2, "个百分点", "increase"),
    ("比上年减少12件", "12件", 12, "件", "decrease"),
    ("地区生产总值完成38.6亿元", "38.6亿元", 3_860_000_000, "元", None),
    ("城镇登记失业率2.8%", "2.8%", 2.8, "%", None),
    ("森林覆盖率达62.4%", "62.4%", 62.4, "%", None),
]


@pytest.mark.parametrize(("needle", "figure", "value", "unit", "change"), CHANGES, ids=[c[0] for c in CHANGES])
def test_change_direction_from_the_words_and_the_sign(economy, needle, figure, value, unit, change):
    fact = the_fact(economy, needle, figure)

    assert fact.raw == figure
    assert fact.value == pytest.approx(value) and fact.value > 0
    assert fact.unit == unit
    assert fact.change == change


# (needle, figure as it stands in the text, value, unit, qualifier, value_max)
IN_CONTEXT = [
    ("行政复议案件１２３件", "１２３件", 123, "件", "exact", None),  # full-width digits kept verbatim
    ("办结率９８．５％", "９８．５％", 98.5, "%", "exact", None),
    ("满意率达百分之九十五", "百分之九十五", 95, "%", "exact", None),
    ("普法活动十余场", "十余场", 10, "场", "more_than", None),
    ("发放资料三千余份", "三千余份", 3000, "份", "more_than", None),
    ("接待群众约860余人", "约860余人", 860, "人", ("approx", "more_than"), None),  # "约 860 余人" in the file
    ("每户补助1.5万至2万元", "1.5万至2万元", 15_000, "元", "range", 20_000),
    # 约 that ends a word (村规民约, 公约) is not "about"
    ("村规民约14个", "14个", 14, "个", "exact", None),
    ("居民公约6份", "6份", 6, "份", "exact", None),
]


@pytest.mark.parametrize(("needle", "figure", "value", "unit", "qualifier", "value_max"), IN_CONTEXT,
                         ids=[c[0] for c in IN_CONTEXT])
def test_figures_in_context(economy, needle, figure, value, unit, qualifier, value_max):
    fact = the_fact(economy, needle, figure)

    assert fact.raw == figure
    assert economy.text[fact.span[0]:fact.span[1]] == figure
    assert fact.value == pytest.approx(value)
    assert fact.unit == unit
    assert fact.qualifier in (qualifier if isinstance(qualifier, tuple) else (qualifier,))
    assert (fact.value_max is None) if value_max is None else fact.value_max == pytest.approx(value_max)


def test_raw_is_the_verbatim_source_string(economy):
    for fact in economy.facts:
        assert economy.text[fact.span[0]:fact.span[1]] == fact.raw
        assert fact.raw in fact.evidence
        assert fact.value >= 0
