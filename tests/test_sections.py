"""Sections, lists and measures: structures that recur across report kinds."""

from __future__ import annotations

import pytest

from extractor.pipeline import extract_text
from extractor.understanding.sections import find_sections

WORK_REPORT = """各位代表：
现在，我代表县人民政府，向大会报告工作，请予审议。
2021年主要工作回顾
过去一年，全县上下攻坚克难。
一、着力推进乡村振兴
全县地区生产总值完成95.2亿元，同比增长6.1%。
二、着力推进项目建设
实施省市重点项目23个，完成投资41.5亿元。
在肯定成绩的同时，我们也清醒地看到，发展中还存在一些困难和问题：一是经济总量偏小；二是产业结构不优；三是公共服务仍有短板。
2022年工作目标和主要任务
一、坚定不移抓项目
力争全年完成投资50亿元。
二、坚定不移惠民生
三、坚定不移优环境
"""

DISCLOSURE = """一、总体情况
本年度主动公开政府信息412条。
二、主动公开政府信息情况
三、收到和处理政府信息公开申请情况
一、本年新收政府信息公开申请数量
39
二、上年结转政府信息公开申请数量
3
三、本年度办理结果
四、结转下年度继续办理
2
四、政府信息公开行政复议、行政诉讼情况
本年度未发生行政复议。
五、存在的主要问题及改进情况
存在的主要问题：一是答复说理不够充分；二是专栏更新不及时。
改进措施：一是规范答复文书；二是每季度开展自查；三是加强培训。
六、其他需要报告的事项
"""


def test_unnumbered_part_headings_are_the_top_sections_of_a_work_report():
    tops = [s for s in find_sections(WORK_REPORT, report_year=2022, work_report=True) if s.level == 1]
    assert [(s.number, s.title, s.category) for s in tops] == [
        ("", "2021年主要工作回顾", "achievements"),
        ("", "2022年工作目标和主要任务", "plans"),
    ]


def test_a_work_reports_admitted_problems_and_its_plans_are_listed():
    report = extract_text(WORK_REPORT, "work_report.txt")
    assert [p.text for p in report.problems] == ["一是经济总量偏小", "二是产业结构不优", "三是公共服务仍有短板。"]
    assert len(report.plans) == 3
    values = {(f.value, f.unit) for f in report.facts}
    assert (9520000000.0, "元") in values and (23.0, "个") in values
    assert (5000000000.0, "元") not in values  # 力争…: a target, not a result


def test_a_table_restarting_at_one_nests_under_its_section():
    tops = [s for s in find_sections(DISCLOSURE) if s.level == 1]
    assert [s.number for s in tops] == ["一", "二", "三", "四", "五", "六"]
    nested = [s.title for s in find_sections(DISCLOSURE) if s.level == 2]
    assert nested[:4] == ["本年新收政府信息公开申请数量", "上年结转政府信息公开申请数量", "本年度办理结果", "结转下年度继续办理"]


def test_flattened_table_rows_are_no_headings():
    text = "一、总体情况\n正文。\n一、本年新收申请数量 | 39 | 5 | 47\n二、存在的问题\n正文。"
    assert [s.title for s in find_sections(text) if s.level == 1] == ["总体情况", "存在的问题"]


def test_problems_and_improvements_in_one_section_are_problems_and_plans():
    report = extract_text(DISCLOSURE, "disclosure.txt")
    assert len(report.problems) == 2
    assert len(report.plans) == 3


def test_respectively_gives_each_figure_its_own_subject():
    text = ("一、工作回顾\n城镇居民人均可支配收入、农民人均纯收入分别达到20543元和8081元，"
            "城镇、农村居民人均可支配收入分别增长8.8%和10%。")
    facts = extract_text(text * 3, "respectively.txt").facts[:4]
    assert [f.indicator for f in facts] == [
        "urban_income_per_capita", "rural_income_per_capita", "urban_income_growth", "rural_income_growth",
    ]


def test_problems_given_one_sentence_each_after_a_colon():
    text = ("一、2023年工作回顾\n全年地区生产总值增长5.2%。\n"
            "我们也清醒地认识到，发展中还存在挑战和短板。主要是：经济总量不足，基础薄弱。"
            "县城建设欠账较多，功能不全。发展环境还不够优化。对于这些问题，我们一定认真加以解决。\n"
            "二、2024年工作安排\n（一）抓项目\n（二）优环境\n")
    report = extract_text(text, "sentences.txt")
    assert [p.text for p in report.problems] == ["经济总量不足，基础薄弱。", "县城建设欠账较多，功能不全。", "发展环境还不够优化。"]
    assert len(report.plans) == 2


def test_a_table_header_repeating_its_sections_number_nests_under_it():
    """The table's 一、二、 rows carry figures ("|") and are no headings; its "三、本年度办理结果"
    header repeats the section's own 三, and "四、结转…" comes before the outer 四."""
    text = ("三、收到和处理政府信息公开申请情况\n"
            "一、本年新收政府信息公开申请数量 | 17 | 2 | 21\n"
            "二、上年结转政府信息公开申请数量 | 0 | 0 | 0\n"
            "三、本年度办理结果\n（一）予以公开 | 9 | 0 | 9\n"
            "四、结转下年度继续办理\n本年度收到的申请均已办结。\n"
            "四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n")
    tops = [(s.number, s.title) for s in find_sections(text) if s.level == 1]
    assert tops == [("三", "收到和处理政府信息公开申请情况"), ("四", "政府信息公开行政复议、行政诉讼情况"),
                    ("五", "存在的主要问题及改进情况")]


def test_traditional_titles_are_categorised_like_simplified_ones():
    text = "一、主要工作成效\n正文。\n二、存在的問題\n一是人員不足；二是培訓不夠；三是宣傳薄弱。\n三、2023年工作思路\n（一）強化隊伍\n（二）健全機制\n"
    report = extract_text(text, "traditional.txt")
    assert (len(report.problems), len(report.plans)) == (3, 2)


def test_a_piece_of_work_that_mends_a_weakness_is_no_problems_list():
    text = ("一、2017年主要工作完成情况\n（一）抓项目、强招商，经济发展后劲增强\n正文。\n"
            "（二）抓精准、补短板，脱贫攻坚扎实推进\n全镇新实现脱贫118户。\n"
            "二、存在的问题\n一是经济总量小；二是收入来源单一；三是班子能力不强。\n三、2018年工作计划\n（一）突出项目建设\n")
    report = extract_text(text, "zaolinpu.txt")
    assert len(report.problems) == 3


def test_problems_then_next_years_work_in_one_section():
    text = ("八、存在的问题和下一步打算\n一是决策程序执行不到位；二是执法人员素质参差不齐；三是宣传针对性不强。\n"
            "2017年，我县将重点抓好以下工作：一是健全决策制度；二是加强执法培训；三是实施七五普法；四是发挥法律顾问作用。\n")
    report = extract_text("一、工作成效\n正文。\n" + text, "huaitong.txt")
    assert (len(report.problems), len(report.plans)) == (3, 4)


SHORT_REPORT = "一、2023年工作回顾\n全年地区生产总值增长5.2%。\n{}\n二、2024年工作安排\n（一）抓项目\n（二）优环境\n"


@pytest.mark.parametrize("paragraph, count", [
    # one aspect an item
    ("在肯定成绩的同时，我们也清醒地认识到还存在一些问题，主要表现在：在产业发展方面，农业产业化水平不高；"
     "工业基础薄弱。在城市建设方面，基础设施还不完善。在民生保障方面，财政增收压力加大。对此，我们一定认真解决。", 3),
    # one repeated lead an item
    ("取得成绩的同时，我们也清醒地看到，前进的道路上还面临着不少困难和问题：我们必须正视发展差距。经济体量小。"
     "我们必须正视民生短板。城建欠账多。我们必须正视风险隐患。防风险任务艰巨。我们将始终保持清醒。", 3),
    # the admitting sentence is the list
    ("我们也清醒地看到，当前全县长期积累的深层矛盾和问题尚未根本改变，产业层次不高；资源环境约束加大；"
     "城市建设管理滞后；财政收支矛盾突出。", 4),
    # sentences after the admission, up to the answer
    ("在肯定成绩的同时，我们也清醒认识到，发展的短板和问题仍然比较突出。经济下行压力较大；传统产业转型难度大。"
     "民生领域欠账较多。对这些问题，我们将高度重视。", 3),
    # a run of short clauses after a colon
    ("同时，我们也清醒地看到，经济社会发展还面临不少困难和挑战：有效需求不足，社会预期偏弱，产业结构不够优，"
     "风险隐患仍然较多。对此，我们一定高度重视，下大气力解决。", 4),
])
def test_the_paragraph_admitting_problems_in_its_many_shapes(paragraph, count):
    report = extract_text(SHORT_REPORT.format(paragraph), "admitted.txt")
    assert len(report.problems) == count


def test_a_review_paragraph_that_only_mentions_a_problem_is_no_list():
    review = ("一年来，我们着力防范化解重大风险。全面排查整治重点领域存在问题，圆满完成安保任务。妥善化解信访遗留问题。"
              "规范政府举债融资行为。严厉打击非法集资行为。")
    report = extract_text(SHORT_REPORT.format(review), "review.txt")
    assert report.problems == []


def test_a_work_report_counts_the_plans_of_its_coming_year_not_its_five_year_targets():
    text = ("各位代表：\n一、过去五年工作回顾\n2020年，全县生产总值增长5%。\n二、今后五年的主要目标任务\n（一）甲\n（二）乙\n（三）丙\n"
            "三、2021年工作安排\n（一）子\n（二）丑\n四、全面加强政府自身建设\n")
    report = extract_text(text, "plans.txt")
    assert report.metadata.kind == "政府工作报告" and len(report.plans) == 2


def test_unnumbered_parts_wearing_slogans_are_all_top_sections():
    text = ("站在新起点：2012年工作回顾\n正文。\n开启新征程：确保五年稳定脱贫强势开局\n（一）抓项目\n（二）抓产业\n"
            "塑造新形象：全面加强政府自身建设\n正文。\n")
    tops = [s.title for s in find_sections(text) if s.level == 1]
    assert tops == ["站在新起点：2012年工作回顾", "开启新征程：确保五年稳定脱贫强势开局", "塑造新形象：全面加强政府自身建设"]


def test_this_years_work_is_a_part_heading():
    text = "过去五年工作回顾\n正文。\n今后五年工作任务\n正文。\n今年政府工作重点\n（一）抓项目\n"
    assert [s.title for s in find_sections(text) if s.level == 1][-1] == "今年政府工作重点"
