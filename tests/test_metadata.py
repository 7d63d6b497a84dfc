"""Metadata of reports that arrive without a clean title block: written for the test, fictional places."""

from __future__ import annotations

from extractor.understanding.metadata import extract_metadata
from extractor.understanding.normalize import normalize


def metadata(text: str) -> dict:
    return extract_metadata(normalize(text), text)


def test_the_speaker_named_on_the_line_below_the_title():
    text = ("2012年2月16日在徐水县第十五届人民代表大会第一次会议上\n徐水县人民政府县长\n李保森\n"
            "各位代表：\n现在，我代表徐水县人民政府向大会报告工作。\n一、过去五年工作回顾\n")
    m = metadata(text)
    assert (m["signer"], m["issuer"]) == ("李保森", "徐水县人民政府")


def test_a_line_below_that_is_no_name_is_not_taken_for_one():
    assert metadata("某县人民政府县长\n各位代表\n一、工作回顾\n")["signer"] is None


def test_the_speaker_named_inside_a_news_summary():
    text = "内容摘要：\n在保定市满城区人民代表大会上，区长程杰代表区人民政府向大会作政府工作报告。\n"
    assert metadata(text)["signer"] == "程杰"


def test_a_title_on_a_web_line_after_wide_spaces():
    text = "来源：某县政府网        政府工作报告\n——2013年3月8日在阜平县第十六届人民代表大会第二次会议上\n各位代表：\n"
    assert metadata(text)["title"] == "政府工作报告"


def test_a_work_report_without_a_title_takes_the_year_after_its_review():
    text = "各位代表：\n现在，我代表县人民政府向大会报告工作。\n一、关于2014年政府工作\n2014年，全县生产总值160亿元。\n"
    m = metadata(text)
    assert (m["kind"], m["year"]) == ("政府工作报告", 2015)


def test_a_speech_starting_with_its_review_is_a_work_report_of_its_county():
    body = "全县上下建设和谐清苑，清苑发展稳中有进。" * 3
    text = "一、2012年工作回顾\n" + body + "县政府认真落实。\n各位代表，清苑人民安居乐业，全县实现增长。\n"
    m = metadata(text + "河北省保定市的支持下。")
    assert (m["kind"], m["year"], m["region"]["county"], m["region"]["province"]) == ("政府工作报告", 2013, "清苑县", "河北省")


def test_a_short_name_inside_another_places_name_is_not_counted():
    body = "雄安新区规划建设加快推进，雄安新区发展迅速，雄安新区建设如火如荼。" + "全县上下建设美丽容城，容城发展稳中有进，容城人民安居乐业。"
    m = metadata("一、2018年工作回顾\n" + body + "县政府认真落实。各位代表，全县实现增长。河北省保定市支持。\n")
    assert m["region"]["county"] == "容城县"
