"""The indicator rules: which measure a figure reports, before any classifier votes.

Each case is a sentence written for the test; the figure is looked up by its raw
text and its rule-given indicator compared.  Same measure → same id across
wordings, different measures → different ids: that is what makes reports comparable.
"""

from __future__ import annotations

import pytest

from extractor.understanding.facts import candidates
from extractor.understanding.indicators import can_report
from extractor.understanding.normalize import normalize


def rule_indicator(text: str, figure: str, nth: int = 0) -> str:
    norm = normalize(text)
    found = [c for c in candidates(norm, lambda _: "other") if c.quantity.raw == figure]
    return found[nth].indicator


@pytest.mark.parametrize("text, figure, expected", [
    # a growth rate named after its owner in the clause before
    ("社会消费品零售总额完成136.5亿元，增速11.5%，居全市第一。", "11.5%", "retail_sales_growth"),
    ("地区生产总值实现增速6.3%，全市排名第三。", "6.3%", "gdp_growth"),
    # a multiple of an earlier year is growth, not a level
    ("一般公共预算收入达到“十二五”末的1.6倍。", "1.6倍", "fiscal_revenue_growth"),
    # a total named by what it totals
    ("其中签约项目42个、总投资203.5亿元；落地项目15个、总投资58亿元。", "203.5亿元", "contracted_investment"),
    ("其中签约项目42个、总投资203.5亿元；落地项目15个、总投资58亿元。", "58亿元", "investment_projects_landed_investment"),
    ("全年新增高新技术企业22家，总数达100家。", "100家", "high_tech_enterprises"),
    # a bare 投资: the size of a project when it qualifies one, else money spent
    ("投资3.2亿元的城北污水处理厂建成投用。", "3.2亿元", "project_total_investment"),
    ("投资1.25亿元新改扩建农村公路86公里。", "1.25亿元", "project_investment"),
])
def test_the_measure_is_found_where_the_report_names_it(text, figure, expected):
    assert rule_indicator(text, figure) == expected


def test_a_quoted_name_is_the_measure():
    text = "培育农村“法律明白人”1862名，创建“民主法治示范村”3个。"
    assert rule_indicator(text, "1862名") != rule_indicator(text, "3个")
    assert rule_indicator(text, "1862名") == "legal_literate_villagers"


def test_examples_named_before_a_count_do_not_name_it():
    """"A、B等4所学校": the class after the figure is the measure, not the examples."""
    one = rule_indicator("建成新城一中、博文中学等4所学校。", "4所")
    other = rule_indicator("建成实验小学等3所学校。", "3所")
    assert one == other


def test_a_table_cell_per_line_is_named_by_the_row_before():
    text = "项目\n数量\n市容秩序巡查\n1,560余次\n清理占道经营\n2,310处\n"
    first, second = rule_indicator(text, "1,560余次"), rule_indicator(text, "2,310处")
    assert first == "x:市容秩序巡查" and second == "street_vending_cleared"


def test_a_count_after_an_investment_is_not_the_investment():
    text = "总投资168.2亿元的44个项目成功签约。"
    assert rule_indicator(text, "44个") != rule_indicator(text, "168.2亿元")


def test_unnamed_figures_are_not_lumped_together():
    text = "建立长效机制，906户1559人实现稳定脱贫。完成整治，63处全部销号。"
    ids = {rule_indicator(text, "906户"), rule_indicator(text, "63处")}
    assert len(ids) == 2 and "unknown" not in ids


def test_respectively_across_a_spaced_list():
    text = "空气质量综合指数、PM2.5平均浓度同比分别下降8.7% 和5.7%。"
    assert rule_indicator(text, "8.7%") != rule_indicator(text, "5.7%")


def test_a_new_clause_after_respectively_names_its_own_measure():
    text = "城镇、农村居民人均可支配收入分别达到3.4万元、1.7万元，一般公共预算收入达到280.7亿元。"
    assert rule_indicator(text, "280.7亿元") == "fiscal_revenue"


@pytest.mark.parametrize("indicator, unit, growth, ok", [
    ("hotline_requests", "件", False, True),
    ("hotline_requests", "%", False, False),
    ("gdp", "%", True, False),
    ("gdp_growth", "%", True, True),
    ("x:任何说法", "%", False, True),
])
def test_a_voted_indicator_must_fit_the_figure(indicator, unit, growth, ok):
    assert can_report(indicator, unit, growth) is ok


@pytest.mark.parametrize("text, figure, expected", [
    ("全面落实河长制，清理河道垃圾4.45万吨。", "4.45万吨", "garbage_cleared"),
    ("全市民生和社会事业累计支出2806亿元。", "2806亿元", "livelihood_spending"),
])
def test_an_alias_with_words_between_still_names_the_measure(text, figure, expected):
    assert rule_indicator(text, figure) == expected


def test_respectively_after_figures_in_their_own_clauses():
    text = "城镇居民人均可支配收入13555元，农民人均纯收入4677元，分别增长10.1%和8%。"
    assert [rule_indicator(text, "10.1%"), rule_indicator(text, "8%")] == ["urban_income_growth", "rural_income_growth"]


def test_one_subject_split_by_respectively_is_not_taken_from_earlier_figures():
    text = "一般公共预算收入增长14.7%，城乡居民人均可支配收入分别增长6%和7.4%。"
    assert [rule_indicator(text, "6%"), rule_indicator(text, "7.4%")] == ["urban_income_growth", "rural_income_growth"]


def test_a_total_of_a_named_stock_is_that_stock():
    assert rule_indicator("新增规模以上工业企业9家，高新技术企业总数达到41家。", "41家") == "high_tech_enterprises"
    assert rule_indicator("全市经济总量突破3000亿元。", "突破3000亿元") == "gdp"


def test_a_count_before_a_public_noun_is_named_by_it():
    assert rule_indicator("泰元街改造工程竣工通车。525个公共停车位投入使用。", "525个") != "x:公…公"


def test_a_figure_of_another_kind_after_a_verb_is_not_the_same_measure():
    text = "累计投资17.19亿元完成了533.5公里通村公路。"
    assert rule_indicator(text, "533.5公里") == "roads_built"


def test_a_bare_list_keeps_its_measure_across_units():
    """Both figures measure 配送洁净煤; the catalog then tells households from tonnes."""
    text = "全县推广清洁型煤，配送洁净煤8万户、11万吨。"
    assert [rule_indicator(text, "8万户"), rule_indicator(text, "11万吨")] == ["clean_fuel_households", "clean_fuel_promoted"]


def test_one_figure_for_two_rates_gives_both_in_the_order_named():
    """The satisfaction rate belongs to what the completion rate before it measures."""
    text = "办理人大代表建议81件、政协提案79件，建议提案办复率、满意率均达100%。"
    assert [rule_indicator(text, "100%", 0), rule_indicator(text, "100%", 1)] == [
        "suggestion_completion_rate", "suggestion_satisfaction_rate"]


def test_a_second_respectively_list_reuses_the_subjects_of_the_first():
    text = ("全县规模以上工业企业、高新技术企业分别达60家、25家，"
            "比2006年分别增加13家、14家。")
    assert [rule_indicator(text, "13家"), rule_indicator(text, "14家")] == [
        "above_scale_industrial_enterprises_increase", "high_tech_enterprises_increase"]


def test_plain_fiscal_revenue_is_the_total_when_the_budget_revenue_is_its_part():
    text = "财政收入突破6亿元，同比增长22.2%，公共财政预算收入完成2.7亿元。"
    assert [rule_indicator(text, "突破6亿元"), rule_indicator(text, "22.2%"), rule_indicator(text, "2.7亿元")] == [
        "total_fiscal_revenue", "total_fiscal_revenue_growth", "fiscal_revenue"]
    assert rule_indicator("全年财政收入完成3亿元。", "3亿元") == "fiscal_revenue"


def test_one_figure_for_suggestions_and_proposals_is_their_sum():
    assert rule_indicator("办复人大代表建议、政协委员提案115件。", "115件") == "deputy_suggestions_and_proposals"
    assert rule_indicator("办复政协委员提案15件。", "15件") == "cppcc_proposals"


@pytest.mark.parametrize("text, figures", [
    ("城镇居民人均可支配收入预计达17172元，农村居民人均纯收入预计达6668元，分别比2005年增长97%和67%。", ["97%", "67%"]),
    ("城镇居民人均可支配收入达21560元，农村居民人均纯收入达9173元，同比分别增长12.1%、17.2%。", ["12.1%", "17.2%"]),
    ("城镇和农村居民人均可支配收入分别完成2.9万元、1.6万元，同比分别增长8.7%、9.8%。", ["8.7%", "9.8%"]),
])
def test_respectively_past_a_comparison(text, figures):
    assert [rule_indicator(text, f) for f in figures] == ["urban_income_growth", "rural_income_growth"]


def test_per_capita_is_part_of_the_measure():
    assert rule_indicator("人均地区生产总值突破1万美元。", "突破1万美元") == "gdp_per_capita"


def test_a_list_after_a_new_verb_shares_it_across_a_comma():
    text = "新认定高新技术企业3家，科技型中小企业33家。入库科技型中小企业24家。"
    assert rule_indicator(text, "33家") == "tech_smes_increase"
    assert rule_indicator(text, "24家") == "tech_smes_increase"


def test_a_footnote_mark_does_not_cut_the_measure():
    text = "新增省级“专精特新”[4]中小企业14家，总数达43家。"
    assert [rule_indicator(text, "14家"), rule_indicator(text, "43家")] == ["specialized_smes_increase", "specialized_smes"]


def test_two_rates_sharing_one_figure_are_two_facts():
    text = "农村卫生厕所普及率和生活污水治理率达97%，入选示范县。"
    assert [rule_indicator(text, "97%", 0), rule_indicator(text, "97%", 1)] == [
        "rural_sanitary_toilet_rate", "rural_sewage_treatment_rate"]


def test_money_put_into_building_is_project_investment_and_into_anything_else_a_fund():
    assert rule_indicator("投入3145万元，新建光伏电站2座。", "3145万元") == "project_investment"
    assert rule_indicator("投入400万元购买防贫险。", "400万元") != "project_investment"


def test_the_budget_revenue_in_the_next_sentence_also_makes_plain_revenue_the_total():
    text = "财政收入由5亿元增长到8.2亿元，累计增长64%；一般公共预算收入由3.2亿元增长到5.5亿元。"
    assert rule_indicator(text, "8.2亿元") == "total_fiscal_revenue"
