"""Specification of the prose extractors of ``ingest``: key topics, negative disclosures, and the
readability and originality features. Fixtures are sentences written for these tests; only the
seed test reads a real report (and skips when it is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from csr_rating.catalog import Catalog
from csr_rating.criteria import CriteriaSet
from csr_rating.ingest.document import Document, from_text
from csr_rating.ingest.features import extract_originality, extract_readability
from csr_rating.ingest.negatives import extract_negatives
from csr_rating.ingest.noted import Noted, plain
from csr_rating.ingest.profile import profile_line
from csr_rating.ingest.topics import extract_topics
from csr_rating.report import NegativeDisclosure, Originality, Readability, Topic

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seeds" / "china-telecom-csr-report-2020.txt"
SINOPEC = SHARED / "corpus" / "sinopec-corp-2016-sdpr-zh.txt"


@pytest.fixture(scope="module")
def telecom(criteria: CriteriaSet) -> Catalog:
    return criteria.catalog_for("telecom")


def doc(*lines: str) -> Document:
    return from_text("\n".join(lines), "draft.txt")


def topics_of(document: Document, catalog: Catalog) -> dict[str, Noted]:
    found = extract_topics(document, catalog)
    for item in found:
        Topic.model_validate(plain(item))
    return {item.value["id"]: item for item in found}


def negatives_of(document: Document) -> list[dict]:
    found = extract_negatives(document)
    for item in found:
        NegativeDisclosure.model_validate(plain(item))
    return [plain(item) for item in found]


def readability_of(document: Document) -> dict:
    data = plain(extract_readability(document))
    Readability.model_validate(data)
    return data


def originality_of(document: Document) -> dict:
    data = plain(extract_originality(document))
    Originality.model_validate(data)
    return data


# --- topics -------------------------------------------------------------------------------------


def test_topic_is_found_by_its_english_name_with_plural_and_case_ignored(telecom: Catalog) -> None:
    found = topics_of(doc("Intro.", "We kept EMERGENCY COMMUNICATION running during the storm."), telecom)
    topic = found["emergency-communications"]
    assert topic.value["name"] == "Emergency communications"
    assert topic.source == "line 2" and topic.review is None


def test_topic_is_found_by_its_chinese_name_and_named_in_chinese(telecom: Catalog) -> None:
    found = topics_of(doc("本年度，公司持续完善应急通信保障体系。", "我们还开展了乡村振兴帮扶工作。"), telecom)
    assert found["emergency-communications"].value["name"] == "应急通信保障"
    assert found["rural-revitalization"].value["name"] == "脱贫攻坚与乡村振兴"


def test_topic_name_broken_over_two_lines_is_found(telecom: Catalog) -> None:
    found = topics_of(doc("We continued closing the digital", "divide in remote villages."), telecom)
    assert "digital-divide" in found


def test_topic_named_once_is_mentioned(telecom: Catalog) -> None:
    found = topics_of(doc("Our report also touches on electromagnetic radiation."), telecom)
    assert found["electromagnetic-radiation"].value["depth"] == "mentioned"


def test_topic_over_several_lines_with_figures_is_detailed(telecom: Catalog) -> None:
    text = doc(
        "Emergency communications",
        "We dispatched 1,200 staff for emergency communications in the flood season.",
        "Emergency communications vehicles covered 35 counties.",
        "Emergency communications drills were held every quarter.",
    )
    topic = topics_of(text, telecom)["emergency-communications"].value
    assert topic["depth"] == "detailed"


def test_an_english_count_of_things_is_a_figure_that_details_a_topic(telecom: Catalog) -> None:
    """English counts carry no measure word: "32 outstanding CSR cases" is data as 32 个 is."""
    text = doc(
        "Responsibility management is part of our strategy.",
        "In the year we commended 32 outstanding CSR cases and 5 advanced individuals",
        "in responsibility management, and collected 203 readers' questionnaires.",
        "Responsibility management is reviewed every year.",
    )
    assert topics_of(text, telecom)["responsibility-management"].value["depth"] == "detailed"


@pytest.mark.parametrize(
    "line",
    [
        "In 2020 targets for responsibility management were set.",  # a year is not a count
        "Chapter 3 describes responsibility management.",  # nor a chapter or page number
        "See page 12 for responsibility management milestones.",
        "Responsibility management under the 19th congress plans.",  # nor an ordinal
    ],
)
def test_a_year_or_a_reference_number_is_not_a_count(telecom: Catalog, line: str) -> None:
    text = doc(line, "Responsibility management is reviewed.", "Responsibility management rules apply.")
    assert topics_of(text, telecom)["responsibility-management"].value["depth"] == "mentioned"


def test_generic_words_do_not_stand_for_a_topic(telecom: Catalog) -> None:
    text = doc(
        "Our network keeps growing and our services improve.",
        "Management is green, quality is high, and the information is secure.",
        "Customers and employees took part in community activities.",
    )
    assert topics_of(text, telecom) == {}


def test_a_topic_found_only_by_a_keyword_of_its_name_is_marked_for_review(telecom: Catalog) -> None:
    once = topics_of(doc("Electromagnetic fields were measured."), telecom)
    assert "electromagnetic-radiation" not in once  # one weak line is not enough
    twice = topics_of(doc("Electromagnetic fields were measured.", "Electromagnetic levels stayed low."), telecom)
    topic = twice["electromagnetic-radiation"]
    assert topic.review is not None and "electromagnetic" in topic.review
    assert topic.value["depth"] == "mentioned"


def test_a_case_counts_for_the_topic_mentioned_before_it(telecom: Catalog) -> None:
    text = doc(
        "Emergency communications were restored within hours after the earthquake.",
        "【Restoring a county network after the earthquake】",
        "Poverty alleviation projects reached 40 villages.",
        "Case 1: A cooperative selling tea online",
        "【Tips】 What is a base station?",
    )
    found = topics_of(text, telecom)
    assert found["emergency-communications"].value["cases"] == 1
    assert found["rural-revitalization"].value["cases"] == 1  # the tips box is not a case


def test_topics_come_in_document_order(telecom: Catalog) -> None:
    text = doc("Poverty alleviation came first.", "Then information security.", "Then telecom fraud.")
    assert list(topics_of(text, telecom)) == ["rural-revitalization", "network-information-security", "anti-fraud-spam"]


# --- negative disclosures ---------------------------------------------------------------------


def test_an_event_with_a_figure_and_measures_is_disclosed_in_our_own_words() -> None:
    line = "In 2022 two work-related fatalities occurred at our sites, and we carried out a full rectification."
    [item] = negatives_of(doc(line))
    assert item["kind"] == "event"
    assert "fatalities" in item["title"].lower() and "two" in item["title"]
    assert item["measures"].startswith("corrective measures stated")
    assert item["title"] not in line and len(item["title"]) <= 120


def test_a_penalty_names_its_amount() -> None:
    text = doc("The plant was fined RMB 200,000 for excess discharge; the issue was rectified within a month.")
    [item] = negatives_of(text)
    assert item["kind"] == "penalty" and "RMB 200,000" in item["title"]
    assert "measures" in item


def test_a_worsening_trend_names_its_indicator_and_cause() -> None:
    [item] = negatives_of(doc("Customer complaints increased by 12% due to congestion in the holiday season."))
    assert item["kind"] == "trend" and item["indicator"] == "complaints"
    assert "12%" in item["title"] and item["explanation"].startswith("cause stated")


def test_a_fall_of_something_good_is_a_trend_but_a_fall_of_emissions_is_not() -> None:
    assert [i["kind"] for i in negatives_of(doc("Net profit declined 8% as demand weakened."))] == ["trend"]
    assert negatives_of(doc("Carbon emissions decreased by 5% this year.")) == []


def test_a_missed_target_is_disclosed() -> None:
    [item] = negatives_of(doc("We failed to meet the annual water intensity target because two plants opened."))
    assert item["kind"] == "target_missed"
    assert item["title"] == "Target not met: annual water intensity target"


def test_chinese_incidents_and_penalties_are_disclosed() -> None:
    text = doc("本年度发生一般安全生产事故2起，造成1人死亡，公司已全面整改。", "公司因废水超标排放被处以罚款50万元。")
    found = negatives_of(text)
    titles = [item["title"] for item in found]
    assert "事故事件（2起）" in titles and "死亡事故（1人）" in titles and "受到处罚（50万元）" in titles
    assert all(item["kind"] in ("event", "penalty") for item in found)
    assert found[0]["measures"] == "已说明整改措施"


@pytest.mark.parametrize(
    "sentence",
    [
        "We recorded zero fatalities and no major incidents during the year.",
        "There were no fines or penalties for environmental violations.",
        "We avoided penalties by completing the audit on time.",
        "Fatalities: 0",
        "Emergency drills were held to prevent accidents.",
        "全年未发生重大安全事故，实现零死亡。",
        "公司未发生重大事故。",
        "我们加强隐患排查，防止事故发生。",
    ],
)
def test_positive_claims_and_prevention_are_not_negative(sentence: str) -> None:
    assert negatives_of(doc(sentence)) == []


def test_a_worse_figure_in_a_data_table_is_left_to_its_indicator() -> None:
    assert negatives_of(doc("Indicator Unit 2019 2020 2021", "Work-related fatalities persons 0 1 2")) == []


def test_a_data_caveat_names_the_indicator() -> None:
    [item] = negatives_of(doc("Note: the “data centre count” for 2021 is not comparable with earlier years."))
    assert item["kind"] == "figure" and item["indicator"] == "data centre count"


def test_weak_disclosures_come_after_strong_ones_and_carry_a_review() -> None:
    text = doc("Revenue declined 3% in the second half.", "Three lost-time injuries were recorded at the depot.")
    found = extract_negatives(text)
    assert [item.value["kind"] for item in found] == ["event", "trend"]
    assert found[0].review is None and found[1].review is not None


# --- readability ------------------------------------------------------------------------------


def test_term_explanation_boxes_are_counted() -> None:
    text = doc(
        "Tips: What is edge computing?",
        "Edge computing moves processing close to users.",
        "Glossary",
        "小贴士：什么是算力网络？",
        "tips at the end of a wrapped sentence are prose",
    )
    assert readability_of(text)["term_explanations"] == 3


def test_case_boxes_are_counted_in_both_languages() -> None:
    text = doc(
        "【Bringing broadband to a mountain school】", "Case Study: Smart farms", "案例", "【案例】山区学校通宽带"
    )
    assert readability_of(text)["cases"] == 4


def test_feedback_form_is_detected() -> None:
    assert readability_of(doc("Reader Feedback Form", "1. How useful was this report?"))["feedback_form"] is True
    assert readability_of(doc("读者意见反馈表"))["feedback_form"] is True
    found = extract_readability(doc("We welcome comments by email."))["feedback_form"]
    assert found.value is False and found.review


def test_tables_charts_and_pictures_are_counted() -> None:
    text = doc(
        "Indicator Unit 2019 2020 2021",
        "Energy use MWh 10 11 12",
        "2019 2020 2021",
        "Figure 3 Energy use by source",
        "The picture shows volunteers planting trees.",
        "We grew from 2019 to 2021.",
    )
    data = readability_of(text)
    assert (data["data_tables"], data["charts"], data["pictures"]) == (1, 2, 1)


def test_an_infographic_panel_counts_as_a_chart_by_its_title_once() -> None:
    text = doc(
        "Overview of Emergency Communications in 2020",
        "Since July, the water level has been above the alert level.",
        "Overview of Emergency Communications in 2020",  # a running header repeats it
        "数说2016",
        "Our Year at a Glance",
        "Overview of Emergency Communications 12",  # a contents line: its page number follows
        "An overview of our approach is given below.",  # a sentence, not a title
    )
    assert readability_of(text)["charts"] == 3


def test_accessibility_is_read_from_what_the_report_says() -> None:
    text = doc("This report is published in Chinese and English.", "Scan the QR code to read the online version.")
    assert readability_of(text)["accessibility"] == ["multilingual", "qr_codes", "online_html"]
    assert readability_of(doc("本报告发布中、英文版本。"))["accessibility"] == ["multilingual"]


def test_chapters_come_from_the_table_of_contents() -> None:
    text = doc(
        "Contents",
        "01 Message from the Chair",
        "05 About Us",
        "12 Green Operations",
        "20 Our People",
        "",
        "Message from the Chair",
        "Dear readers, this year we grew our network and our responsibilities with it.",
    )
    assert readability_of(text)["chapters"] == ["Message from the Chair", "About Us", "Green Operations", "Our People"]


def test_chapters_fall_back_to_capital_headings_and_skip_running_headers() -> None:
    header = "EXAMPLE TELECOM ANNUAL REPORT"
    text = doc(header, "OUR GREEN NETWORK", "text", header, "PEOPLE AND ICT", "text", header, "OUTLOOK FOR 2030")
    assert readability_of(text)["chapters"] == ["Our Green Network", "People and ICT", "Outlook for 2030"]


def test_the_theme_the_report_states_is_read() -> None:
    text = doc("Themed with “Connecting Every Village”, this report presents our year.")
    assert readability_of(text)["theme"] == "Connecting Every Village"
    assert "theme" not in readability_of(doc("The fair had the theme “Cloud for All”."))


# --- originality ------------------------------------------------------------------------------


def test_testimonial_attribution_is_parsed() -> None:
    text = doc(
        "The new line means our clinic can hold video consultations every day.",
        "",
        "— Jane Doe, Director of the Riverside Clinic, Example County",
        "",
        "这条光缆让村里的孩子们用上了网课，大家都很高兴。",
        "——李明，某村党支部书记",
        "“平台让采购更加透明。”",
        "——供应商代表，某设备公司总经理",
        "王小二",
    )
    testimonials = originality_of(text)["testimonials"]
    assert testimonials == [
        {"who": "Jane Doe", "role": "Director of the Riverside Clinic, Example County"},
        {"who": "李明", "role": "某村党支部书记"},
        {"who": "王小二", "role": "供应商代表,某设备公司总经理"},
    ]


def test_a_dash_after_a_heading_is_not_a_testimonial() -> None:
    assert originality_of(doc("Highlights", "— Smart grids")) == {
        "special_features": [],
        "testimonials": [],
        "new_forms": [],
    }


def test_special_features_and_new_forms_are_found() -> None:
    text = doc(
        "Special Feature: Rebuilding after the Flood",
        "专题一",
        "携手抗击疫情",
        "This report is also available as an H5 version and a video.",
        "We sell video services to customers.",
    )
    data = originality_of(text)
    assert [f["title"] for f in data["special_features"]] == ["Rebuilding after the Flood", "携手抗击疫情"]
    assert [f["title"] for f in data["new_forms"]] == ["H5 interactive version", "Video version"]


def test_a_form_word_beside_reporting_is_not_a_form_of_the_report() -> None:
    text = doc(
        "By the end of the year, after loss reporting, the video channel served 19,351 users.",
        "报告期内，视频客服上线运行。",  # 报告期 is the reporting period, not the report
    )
    assert originality_of(text)["new_forms"] == []


# --- any text -----------------------------------------------------------------------------------

FRAGMENTS = [
    "Case 1:",
    "【",
    "】",
    "— ",
    "——",
    "Tips:",
    "Contents",
    "目录",
    "2019 2020 2021",
    "Indicator",
    "\t",
    "事故",
    "2起",
    "fined RMB",
    "zero fatalities",
    "increased by 5%",
    "not comparable",
    "“",
    "”",
    "emergency communications",
    "应急通信",
    "Reader Feedback Form",
    "Special Feature:",
    "Themed with “",
    "QR code",
    "This report",
    "H5",
    ".",
    "，",
]
texts = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12), st.sampled_from(["\n", " ", "\n\n"])), max_size=40
).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts)
def test_any_text_yields_model_valid_output(telecom: Catalog, text: str) -> None:
    document = from_text(text, "random.txt")
    for item in extract_topics(document, telecom):
        Topic.model_validate(plain(item))
    for item in extract_negatives(document):
        NegativeDisclosure.model_validate(plain(item))
    Readability.model_validate(plain(extract_readability(document)))
    Originality.model_validate(plain(extract_originality(document)))


# --- the real reports -------------------------------------------------------------------------


def test_seed_report_prose(telecom: Catalog) -> None:
    if not SEED.exists():
        pytest.skip("seed report text not available")
    document = from_text(SEED.read_text(encoding="utf-8"), str(SEED))
    topics = topics_of(document, telecom)
    negatives = negatives_of(document)
    readability = readability_of(document)
    originality = originality_of(document)
    assert len(topics) >= 10
    assert {"emergency-communications", "network-information-security"} <= set(topics)
    assert readability["feedback_form"] is True
    assert readability["cases"] >= 20
    assert len(originality["testimonials"]) >= 10
    assert any(item["kind"] == "figure" for item in negatives)  # the changed counting of a figure


def test_chinese_report_prose(criteria: CriteriaSet) -> None:
    if not SINOPEC.exists():
        pytest.skip("Chinese corpus text not available")
    document = from_text(SINOPEC.read_text(encoding="utf-8"), str(SINOPEC))
    topics = topics_of(document, criteria.catalog_for("general"))
    readability = readability_of(document)
    assert len(topics) >= 5 and all(_has_han(t.value["name"]) for t in topics.values())
    assert readability["feedback_form"] is True and "multilingual" in readability["accessibility"]
    assert len(readability["chapters"]) >= 5


def _has_han(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


@pytest.mark.parametrize(
    ("line", "found"),
    [
        ("Example Telecom Corporation Limited is an ultra-large communications operator in China.", True),
        ("Example Telecom Corporation Limited (the Group) was founded in 2002.", True),
        ("Example  Telecom Corporation Limited is one of the largest operators.", True),  # spacing of an extraction
        ("We believe Example Telecom Corporation Limited is a responsible company.", False),  # not its opening
        ("Example Telecom Corporation Limited released its 10th report.", False),  # not what it is
        ("Example Telecom Corporation Limited was incorporated in Hong Kong in 1997.", True),
        ("Example Telecom Corporation Limited (the “Company” or “Example”, and together with its", True),  # defines
        ("About Example Telecom", True),  # a heading naming the organisation
        ("ABOUT EXAMPLE TELECOM", True),
        ("About this report", False),
        ("About Example", True),
        ("About Examples of our work", False),  # not the start of its name
    ],
)
def test_the_company_profile_opens_with_the_organisations_name_and_what_it_is(line: str, found: bool) -> None:
    assert (profile_line(doc("Our year", line), "Example Telecom Corporation Limited") is not None) is found


def test_a_chinese_profile_is_found_by_its_opening() -> None:
    text = doc("关于我们", "示例建材集团有限公司是国务院国资委直接管理的中央企业。")
    assert profile_line(text, "示例建材集团有限公司") is not None
    assert profile_line(text, "ABC") is None  # too short a name to open a profile
    assert profile_line(doc("关于示例建材", "公司业务遍布全国。"), "示例建材集团有限公司") is not None
    defined = doc("示例建材集团有限公司（以下简称“示例建材”、“公司”）位于北京，", "业务遍布全国。")
    assert profile_line(defined, "示例建材集团有限公司") is not None  # a short name defined, then what it is
    preface = doc("示例建材集团有限公司（以下简称“公司”）2016年度社会责任报告是依据上交所指引编制的。")
    assert profile_line(preface, "示例建材集团有限公司") is None  # the report's preface, not a profile
