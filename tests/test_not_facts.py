"""Not facts: each kind that GUIDE.md and the issue rule out, beside real figures that are facts.

Each case is a short passage of a fictional report: the figures listed under
`facts` must come out with the value and unit the passage gives them, and the
strings under `not_facts` must not be (or be part of) any fact.
"""

from __future__ import annotations

import pytest
from core_helpers import facts_within, the_fact, write_text

from extractor import extract

HEAD = "青岚镇2022年度法治政府建设工作情况报告\n一、主要工作\n"
TAIL = "\n二、存在的问题\n一是普法宣传形式较为单一；二是执法人员力量不足。\n"

# kind → (passage, [(needle, figure, value, unit)], [strings that are not facts])
KINDS = {
    "dates_and_years": (
        "2022年3月8日，镇党委理论学习中心组开展宪法专题学习，全年共组织集体学法9次。2021年以来，镇司法所"
        "累计办理法律援助案件17件。截至2022年12月31日，全镇登记市场主体1863户。二〇二二年十二月，镇政府"
        "召开年度述法会议，听取14个村（社区）述法报告。",
        [("集体学法9次", "9次", 9, "次"), ("法律援助案件17件", "17件", 17, "件"),
         ("市场主体1863户", "1863户", 1863, "户"), ("听取14个村", "14个", 14, "个")],
        ["2022年3月8日", "2021年以来", "2022年12月31日", "二〇二二年十二月"],
    ),
    "document_numbers": (
        "镇政府根据《关于推行行政执法三项制度的实施方案》（青政办发〔2021〕12号）和县司法局青司发[2022]7号"
        "文件要求，对全镇执法人员开展轮训，培训执法人员42人次，制定执法文书范本16种。",
        [("培训执法人员42人次", "42人次", 42, "人次"), ("执法文书范本16种", "16种", 16, "种")],
        ["青政办发〔2021〕12号", "青司发[2022]7号"],
    ),
    "titles_of_laws_and_plans": (
        "镇党委对照《法治政府建设实施纲要（2021—2025年）》和《青岚镇“八五”普法规划（2021-2025年）》，"
        "按照《青岚镇5个重点村集体经济发展三年行动方案》分解任务，全年召开法治专题会议6次，"
        "审查镇政府合同协议38份。",
        [("专题会议6次", "6次", 6, "次"), ("合同协议38份", "38份", 38, "份")],
        ["（2021—2025年）", "（2021-2025年）", "5个重点村"],
    ),
    "meeting_names": (
        "镇党委认真学习贯彻党的十九届六中全会和党的二十大精神，组织召开镇第十五届人民代表大会第二次会议，"
        "审议通过议案8件，开展专题宣讲26场，覆盖党员群众2100余人。",
        [("审议通过议案8件", "8件", 8, "件"), ("专题宣讲26场", "26场", 26, "场"),
         ("党员群众2100余人", "2100余人", 2100, "人")],
        ["十九届六中全会", "二十大", "第十五届", "第二次会议"],
    ),
    "slogans_and_set_terms": (
        "全镇巩固“一村一法律顾问”制度，12个村均与律师事务所签订服务协议。深化“最多跑一次”改革，便民服务中心"
        "全年办理事项2316件。组织各村“两委”干部参加法律知识培训218人次，开展“三小场所”消防安全检查"
        "96家次，落实“一岗双责”，与各站所签订责任书23份。",
        [("12个村均与", "12个", 12, "个"), ("办理事项2316件", "2316件", 2316, "件"),
         ("法律知识培训218人次", "218人次", 218, "人次"), ("消防安全检查96家次", "96家次", 96, "家次"),
         ("签订责任书23份", "23份", 23, "份")],
        ["一村一法律顾问", "最多跑一次", "两委", "三小场所", "一岗双责"],
    ),
    "set_terms_written_without_quotes": (
        "镇党委认真落实管党治党两个责任，全年约谈村干部11人次；坚持三重一大集体决策制度，集体研究重大事项27项；"
        "推行一村一辅警，全镇配备辅警14名。",
        [("约谈村干部11人次", "11人次", 11, "人次"), ("重大事项27项", "27项", 27, "项"),
         ("配备辅警14名", "14名", 14, "名")],
        ["两个责任", "三重一大", "一村一辅警"],
    ),
    "enumeration_markers": (
        "（一）加强学法培训。一是组织镇村干部参加网上学法考试，参考183人，通过率100%；二是举办法治讲座5期。"
        "（二）强化执法监督。1、开展执法案卷评查2次；2.评查案卷64卷；①整改问题7个；第一，建立执法台账3本。",
        [("参考183人", "183人", 183, "人"), ("通过率100%", "100%", 100, "%"), ("法治讲座5期", "5期", 5, "期"),
         ("案卷评查2次", "2次", 2, "次"), ("整改问题7个", "7个", 7, "个"), ("执法台账3本", "3本", 3, "本")],
        ["（一）", "一是", "二是", "（二）", "1、", "2.", "①", "第一，"],
    ),
    "counts_of_the_reports_own_list": (
        "全年调解矛盾纠纷136件，调解成功率97.8%。对照年度目标，镇法治建设工作主要存在以下三个方面的问题。",
        [("调解矛盾纠纷136件", "136件", 136, "件"), ("调解成功率97.8%", "97.8%", 97.8, "%")],
        ["三个方面的问题"],
    ),
    "ordinals_and_ranks": (
        "镇法治宣传工作在全县年度考核中排名第2位，获评全县第一名；镇司法所在全市第三季度评比中位列第5名，"
        "连续第三年获评先进。全年开展送法下乡活动19次，发放宣传资料4200份。",
        [("送法下乡活动19次", "19次", 19, "次"), ("宣传资料4200份", "4200份", 4200, "份")],
        ["排名第2位", "第一名", "第三季度", "位列第5名", "第三年"],
    ),
    "phone_and_page_numbers": (
        "镇公共法律服务工作站开通咨询电话0734-5821936，群众也可拨打12348法律服务热线，全年接听咨询电话215个，"
        "接待来访群众380人次；通过12345政务服务便民热线受理群众诉求1260件。\n第 2 页 共 5 页\n"
        "— 3 —\n-4-\n镇司法所为群众代写法律文书47份。",
        [("接听咨询电话215个", "215个", 215, "个"), ("来访群众380人次", "380人次", 380, "人次"),
         ("受理群众诉求1260件", "1260件", 1260, "件"), ("代写法律文书47份", "47份", 47, "份")],
        ["0734-5821936", "12348", "12345"],
    ),
}


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("not_facts")
    out = {}
    for kind, (passage, _, _) in KINDS.items():
        report = extract(write_text(folder / f"{kind}.txt", HEAD + passage + TAIL))
        assert report.status == "ok", report.error
        out[kind] = report
    return out


@pytest.mark.parametrize("kind", list(KINDS))
def test_real_figures_beside_non_facts_are_facts(reports, kind):
    report = reports[kind]
    for needle, figure, value, unit in KINDS[kind][1]:
        fact = the_fact(report, needle, figure)
        assert (fact.raw, fact.value, fact.unit) == (figure, value, unit), needle


@pytest.mark.parametrize("kind", list(KINDS))
def test_non_facts_give_no_fact(reports, kind):
    report = reports[kind]
    wrong = {s: [f.raw for f in facts_within(report, s)] for s in KINDS[kind][2]}
    assert {s: raws for s, raws in wrong.items() if raws} == {}


def test_page_furniture_lines_leave_the_text(reports):
    text = reports["phone_and_page_numbers"].text
    assert "第 2 页" not in text and "共 5 页" not in text and "— 3 —" not in text and "-4-" not in text
    assert "代写法律文书47份" in text


def test_targets_in_the_plans_are_not_results(tmp_path):
    text = (HEAD + "全年调解矛盾纠纷136件，调解成功率97.8%。"
            "\n二、下一步工作打算\n（一）加强执法队伍建设，力争执法人员持证率达到100%。\n"
            "（二）办好法律服务实事，确保全年开展法治讲座不少于12场，新建法治文化阵地3个，让法治成果更多惠及群众。\n")
    report = extract(write_text(tmp_path / "plans.txt", text))

    assert the_fact(report, "调解矛盾纠纷136件", "136件").value == 136
    for target in ("持证率达到100%", "不少于12场", "法治文化阵地3个"):
        assert facts_within(report, target) == [], target
