"""Meta and process facts read from a draft's prose (``csr_rating.ingest.meta``).

Every fixture below is an invented sentence written for these tests, in English and in Chinese.
The last tests read the real seed report from ../shared and skip where it is absent.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from csr_rating.ingest.document import Document, from_text
from csr_rating.ingest.meta import detect_year, extract_meta, extract_process
from csr_rating.ingest.noted import Noted, plain
from csr_rating.report import Meta, Process

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seeds" / "china-telecom-csr-report-2020.txt"


def doc(*lines: str, path: str = "draft.txt") -> Document:
    return from_text("\n".join(lines), path)


def meta_of(*lines: str, **kwargs: Any) -> dict[str, Any]:
    return plain(extract_meta(doc(*lines), **kwargs))


def process_of(*lines: str) -> dict[str, Any]:
    return plain(extract_process(doc(*lines)))


def valid(meta: dict[str, Any]) -> Meta:
    return Meta.model_validate(plain(meta))


ENGLISH_ABOUT = (
    "Northwind Energy Group Co., Ltd.",
    "Northwind Energy Sustainability Report 2022",
    "",
    "About this Report",
    "",
    "This report covers the period from 1 January 2022 to 31 December 2022.",
    "This is the 6th consecutive sustainability report published by Northwind Energy Group Co., Ltd.",
    "It is an annual report.",
    "This report was prepared in accordance with the GRI Standards, with reference to CASS-CSR 4.0 and ISO 26000.",
    "The report is published in English and Chinese, in print and as an electronic version.",
    "",
    "Contact",
    "Address: Sustainability Office, Northwind Energy Group Co., Ltd., 8 Harbour Road, Springfield",
    "Tel: +44 20 7946 0000",
    "Fax: +44 20 7946 0001",
    "Email: esg@northwind.example",
    "Website: https://www.northwind.example",
)

CHINESE_ABOUT = (
    "北辰能源集团股份有限公司",
    "北辰能源2021社会责任报告",
    "关于本报告",
    "本报告时间范围为2021年1月1日至2021年12月31日，是北辰能源集团股份有限公司连续第八年发布社会责任报告。",
    "本报告为年度报告，以中英文两种语言发布，提供纸质版和电子版。",
    "本报告参照《中国企业社会责任报告指南（CASS-CSR 4.0）》、GRI标准及香港联交所《环境、社会及管治报告指引》编制。",
    "地址：北京市海淀区示例路1号",
    "邮编：100000",
    "电话：010-12345678",
    "传真：010-12345679",
    "电子邮箱：csr@beichen.example",
    "网址：www.beichen.example",
)


# --- year -------------------------------------------------------------------------------------


def test_year_comes_from_a_stated_reporting_period():
    assert meta_of(*ENGLISH_ABOUT)["year"] == 2022
    assert meta_of(*CHINESE_ABOUT)["year"] == 2021
    covers = detect_year(doc("Report Specification", "The report covers the whole year of 2019.", "Plans for 2025."))
    assert covers is not None and covers.value == 2019 and covers.review is None and covers.source == "line 2"


def test_a_reporting_period_is_preferred_to_the_title_and_to_frequent_years():
    noted = detect_year(doc("Acme ESG Report 2021", "In 2022 we grew.", "In 2022 we hired.", "Reporting period: 2020"))
    assert noted is not None and noted.value == 2020


def test_year_from_the_title_when_no_period_is_stated():
    noted = detect_year(doc("Contoso Sustainability Report 2018", "We planted trees in 2017 and 2017."))
    assert noted is not None and noted.value == 2018 and noted.review is None


def test_year_guessed_from_the_most_frequent_recent_year_carries_a_review_note():
    noted = detect_year(doc("Our year", "In 2019 we did well.", "In 2019 we did more.", "Back in 2005 we began."))
    assert noted is not None and noted.value == 2019 and noted.review


def test_detect_year_is_none_without_any_year():
    assert detect_year(doc("No dates here.", "None at all.")) is None


def test_the_year_argument_overrides_the_text_without_a_review_note():
    meta = extract_meta(doc(*ENGLISH_ABOUT), year=2030)
    assert plain(meta["year"]) == 2030
    assert not isinstance(meta["year"], Noted) or meta["year"].review is None


def test_a_year_missing_everywhere_is_still_given_with_a_review_note():
    meta = extract_meta(doc("Nothing to see."))
    assert isinstance(meta["year"], Noted) and meta["year"].review
    valid({**meta, "industry": "general"})


# --- organisation and title ---------------------------------------------------------------------


def test_organisation_and_title_come_from_the_cover_and_about_page():
    meta = extract_meta(doc(*ENGLISH_ABOUT))
    assert plain(meta["organisation"]) == "Northwind Energy Group Co., Ltd."
    assert plain(meta["title"]) == "Northwind Energy Sustainability Report 2022"
    assert meta["organisation"].source == "line 1" and meta["title"].source == "line 2"


def test_chinese_organisation_and_title():
    meta = meta_of(*CHINESE_ABOUT)
    assert meta["organisation"] == "北辰能源集团股份有限公司"
    assert meta["title"] == "北辰能源2021社会责任报告"


def test_a_legal_name_inside_a_chinese_sentence_is_cut_at_the_function_word():
    meta = meta_of("关于本报告", "本报告是南岭化工有限公司的第三份可持续发展报告。", "南岭化工有限公司地址：示例路2号")
    assert meta["organisation"] == "南岭化工有限公司"


def test_missing_organisation_comes_from_the_file_name_with_a_review_note():
    meta = extract_meta(doc("We care about people.", "Our plans grew in 2020.", path="reports/acme-csr-2020.pdf"))
    assert plain(meta["organisation"]) == "Acme"
    assert "fill in" in meta["organisation"].review
    assert meta["title"].review  # no title in the text either
    valid({**meta, "industry": "general"})


def test_industry_is_passed_through_and_left_out_when_not_given():
    assert meta_of(*ENGLISH_ABOUT, industry="energy")["industry"] == "energy"
    assert "industry" not in meta_of(*ENGLISH_ABOUT)


# --- languages and formats ---------------------------------------------------------------------


def test_languages_of_the_published_versions():
    assert meta_of(*ENGLISH_ABOUT)["languages"] == ["en", "zh"]
    assert meta_of(*CHINESE_ABOUT)["languages"] == ["zh", "en"]
    assert meta_of("关于本报告", "报告发布中、 英文版本，如有歧义以中文版为准。")["languages"] == ["zh", "en"]
    # the draft's own language first: it is the output's default
    assert meta_of("This report is available in Chinese, English and French.")["languages"] == ["en", "zh", "fr"]


def test_the_adjective_chinese_is_not_a_language_version():
    meta = extract_meta(doc("This report describes Chinese characteristics of our market in 2020."))
    assert [plain(item) for item in meta["languages"]] == ["en"]
    assert meta["languages"][0].review  # only the draft's own language is known


def test_formats_in_english_and_chinese():
    assert meta_of(*ENGLISH_ABOUT)["formats"] == ["print", "electronic"]
    assert meta_of(*CHINESE_ABOUT)["formats"] == ["print", "electronic"]
    online = meta_of("The report is available in print and online, with a brief version for readers.")
    assert online["formats"] == ["print", "web", "brief"]
    assert meta_of("本报告另有简版、长图和H5版本。")["formats"] == ["brief", "long_image", "h5"]


def test_formats_need_the_report_to_be_named():
    assert "formats" not in meta_of("We sold printed versions of the calendar to customers.")


# --- reference standards -------------------------------------------------------------------------


def test_reference_standards_are_canonical_deduplicated_and_in_order_of_appearance():
    names = meta_of(*ENGLISH_ABOUT)["reference_standards"]
    assert names == ["GRI Standards", "CASS-CSR 4.0", "ISO 26000"]
    chinese = meta_of(*CHINESE_ABOUT)["reference_standards"]
    assert chinese == ["CASS-CSR 4.0", "GRI Standards", "HKEX ESG Reporting Guide"]


def test_more_standards_by_their_chinese_names():
    names = meta_of(
        "编制说明",
        "本报告依据国务院国资委《关于国有企业更好履行社会责任的指导意见》、联合国可持续发展目标（SDGs）",
        "和联合国全球契约十项原则，参照GB/T 36001-2015编写。",
    )["reference_standards"]
    assert names == [
        "SASAC Guidelines for SOEs to Better Fulfil CSR",
        "UN Sustainable Development Goals",
        "UN Global Compact",
        "GB/T 36001-2015",
    ]


def test_a_standard_in_a_reporting_basis_sentence_counts_anywhere_in_the_report():
    lines = ["Our people", *["We trained staff on safety."] * 40, "This report follows the SASB standards and TCFD."]
    assert meta_of(*lines)["reference_standards"] == ["SASB Standards", "TCFD Recommendations"]


def test_a_standard_named_only_in_an_index_heading_counts_with_a_review_note():
    lines = ["Our people", *["We trained staff on safety."] * 40, "GRI Content Index", "2-1 Organizational details"]
    standards = extract_meta(doc(*lines))["reference_standards"]
    assert [plain(s) for s in standards] == ["GRI"]
    assert standards[0].review and standards[0].confidence < 0.8


def test_a_standard_merely_mentioned_in_passing_does_not_count():
    lines = ["Our people", *["We trained staff on safety."] * 40, "Our engineers visited an SDG workshop in town."]
    assert "reference_standards" not in meta_of(*lines)


def test_a_quoted_guideline_on_the_about_page_counts():
    names = meta_of(
        "Report Specification",
        "This report was compiled with reference to the “Responsible Mining Disclosure Guidelines” of our sector.",
    )["reference_standards"]
    assert names == ["Responsible Mining Disclosure Guidelines"]


# --- contact, cycle, consecutive years ------------------------------------------------------------


def test_contact_details_in_english():
    contact = meta_of(*ENGLISH_ABOUT)["contact"]
    assert contact == {
        "department": "Sustainability Office",
        "address": "Sustainability Office, Northwind Energy Group Co., Ltd., 8 Harbour Road, Springfield",
        "email": "esg@northwind.example",
        "phone": "+44 20 7946 0000",
        "fax": "+44 20 7946 0001",
        "website": "https://www.northwind.example",
    }


def test_contact_details_in_chinese_with_the_postcode_joined_to_the_address():
    contact = meta_of(*CHINESE_ABOUT)["contact"]
    assert contact["address"] == "北京市海淀区示例路1号 100000"
    assert contact["email"] == "csr@beichen.example"
    assert contact["phone"] == "010-12345678"
    assert contact["fax"] == "010-12345679"
    assert contact["website"] == "www.beichen.example"


def test_a_department_named_after_a_mailing_label():
    lines = [
        *["Our work goes on."] * 10,
        "Reader Feedback",
        "邮寄：北京市示例区示例街3号",
        "南岭化工有限公司社会责任办公室（100001）",
    ]
    assert meta_of(*lines)["contact"]["department"] == "社会责任办公室"


def test_an_email_outside_contact_places_carries_a_review_note():
    lines = [
        "Cover",
        *["Our work goes on."] * 100,
        "Whistle-blowers may write to ethics@firm.example any day.",
        *["More."] * 100,
    ]
    email = extract_meta(doc(*lines))["contact"]["email"]
    assert plain(email) == "ethics@firm.example" and email.review


def test_release_cycle_annual_in_both_languages():
    assert meta_of(*ENGLISH_ABOUT)["release_cycle"] == "annual"
    assert meta_of(*CHINESE_ABOUT)["release_cycle"] == "annual"
    assert meta_of("Our report is published annually on our site.")["release_cycle"] == "annual"
    assert "release_cycle" not in meta_of("Annual revenue rose by 5%.")


@pytest.mark.parametrize(
    ("sentence", "years"),
    [
        ("We have published CSR reports for 12 consecutive years.", 12),
        ("The company has been releasing its sustainability report for seven years in a row.", 7),
        ("This is our 9th consecutive year of publishing a CSR report.", 9),
        ("这是公司连续第十一年发布社会责任报告。", 11),
        ("公司已连续15年发布可持续发展报告。", 15),
    ],
)
def test_consecutive_years_in_english_and_chinese(sentence: str, years: int):
    noted = extract_meta(doc("About this Report", sentence))["consecutive_years"]
    assert plain(noted) == years and noted.review is None


def test_the_nth_report_counts_with_a_review_note():
    for sentence, years in (
        ("This is the third ESG report of the Group.", 3),
        ("本报告是公司第二十份社会责任报告。", 20),
    ):
        noted = extract_meta(doc(sentence))["consecutive_years"]
        assert plain(noted) == years and noted.review


def test_awards_won_years_running_are_not_consecutive_reports():
    assert "consecutive_years" not in meta_of("Our report won a five-star rating for 8 consecutive years.")
    assert "consecutive_years" not in meta_of("公司连续6年荣获最佳报告奖。")


# --- assurance ----------------------------------------------------------------------------------


def test_a_rating_with_its_provider_and_result():
    lines = ["Rating Report", "The Chinese Expert Committee on CSR Report Rating rated this report five-star."]
    assert meta_of(*lines)["assurance"] == [
        {"kind": "rating", "provider": "Chinese Expert Committee on CSR Report Rating", "result": "five stars"}
    ]
    chinese = meta_of("评级报告", "中国企业社会责任报告评级专家委员会对本报告进行评级，评为四星半级。")
    assert chinese["assurance"] == [
        {
            "kind": "rating",
            "provider": "Chinese Expert Committee on CSR Report Rating",
            "result": "four and a half stars",
        }
    ]


def test_an_assurance_statement_with_its_provider_and_standard():
    lines = ["Independent Assurance Statement", "SGS provided limited assurance on this report under ISAE 3000."]
    assert meta_of(*lines)["assurance"] == [{"kind": "assurance", "provider": "SGS", "standard": "ISAE 3000"}]
    assert meta_of("本报告经必维进行第三方审验并出具审验声明。")["assurance"] == [
        {"kind": "verification", "provider": "Bureau Veritas"}
    ]


def test_an_assurance_without_a_named_provider_carries_a_review_note():
    items = extract_meta(doc("This report received independent assurance from an outside firm."))["assurance"]
    assert len(items) == 1 and items[0].review and plain(items[0])["kind"] == "assurance"


def test_a_negated_assurance_is_not_an_assurance():
    assert "assurance" not in meta_of("This report has not received independent assurance.")


# --- process ------------------------------------------------------------------------------------


def test_preparation_team_in_english_and_chinese():
    english = process_of("The Corporate Affairs Department set up a report preparation team in March.")
    assert english == {"preparation_team": {"lead_department": "Corporate Affairs Department"}}
    written = process_of("This report was prepared by the Sustainability Office with help from all units.")
    assert written["preparation_team"]["lead_department"] == "Sustainability Office"
    led = process_of("公司成立了社会责任报告编写组，由品牌部牵头负责报告编制工作。")
    assert led["preparation_team"]["lead_department"] == "品牌部"
    team = process_of("公司成立了社会责任报告编写组，负责报告的撰写与发布。")
    assert team["preparation_team"]["lead_department"] == "社会责任报告编写组"


def test_leadership_steering_and_final_review():
    approved = process_of("This report was reviewed by the ESG Committee and approved by the Board of Directors.")
    assert approved["leadership"] == {"steering": ["Esg Committee"], "final_review": "Board of Directors"}
    guided = process_of("The Chairman and the CEO guided the work and gave the final review of the report.")
    assert guided["leadership"] == {"steering": ["Chairman", "CEO"], "final_review": "Chairman and CEO"}
    chinese = process_of("公司董事会于2022年3月审议通过本报告。")
    assert chinese["leadership"] == {"final_review": "Board of Directors"}
    leaders = process_of("本报告经公司领导审定后发布，董事长指导了报告编制。")
    assert leaders["leadership"] == {"steering": ["Chairman"], "final_review": "Senior management"}


def test_a_raters_own_sign_off_is_not_the_companys_leadership():
    assert "leadership" not in process_of(
        "The vice chairman of the rating committee reviewed and signed this rating report."
    )
    assert "leadership" not in process_of("The Board reviewed the report of the audit working group.")


def test_positioning_only_when_the_report_is_positioned():
    positioned = process_of(
        "We position this report as a tool for transparency and for communication with stakeholders."
    )
    assert positioned["positioning"] == ["stakeholder_communication", "transparency"]
    assert process_of("公司将社会责任报告作为提升品牌形象和管理提升的重要工具。")["positioning"] == [
        "management_improvement",
        "brand",
    ]
    assert "positioning" not in process_of("Our brand and culture grew stronger this year.")


def test_materiality_methods_in_english_and_chinese():
    english = process_of(
        "We identified material issues through a stakeholder survey, peer benchmarking, expert interviews and national policy."
    )
    assert english["materiality"]["methods"] == [
        "national_policy",
        "industry_benchmarking",
        "expert_consultation",
        "stakeholder_survey",
    ]
    chinese = process_of("公司结合国家政策、行业对标、媒体关注和问卷调查识别实质性议题。")
    assert chinese["materiality"]["methods"] == [
        "national_policy",
        "industry_benchmarking",
        "stakeholder_survey",
        "media_analysis",
    ]


def test_materiality_issues_from_a_matrix_list_skip_axis_labels():
    process = extract_process(
        doc(
            "Materiality Matrix",
            "Importance to stakeholders",
            "Water stewardship",
            "Worker safety",
            "High",
            "Data privacy",
            "Fair wages",
            "We review the matrix every year, and update it as needed.",
        )
    )
    issues = process["materiality"]["issues"]
    assert [plain(issue) for issue in issues] == ["Water stewardship", "Worker safety", "Data privacy", "Fair wages"]
    assert all(issue.review for issue in issues)


def test_release_channels_and_date():
    release = process_of(
        "The report is released on our official website, on the HKEX website and through our WeChat account.",
        "Release date: 28 March 2023",
    )["release"]
    assert release == {"channels": ["website", "stock_exchange", "wechat"], "date": "28 March 2023"}
    assert process_of("本报告在公司官网和微信公众号发布，并召开了报告发布会。")["release"]["channels"] == [
        "website",
        "press_conference",
        "wechat",
    ]


def test_feedback_responses_only_when_a_number_is_stated():
    assert process_of("We collected 152 readers' questionnaires on last year's report.")["feedback"] == {
        "responses": 152
    }
    assert process_of("今年共回收读者反馈问卷86份，读者对报告总体满意。")["feedback"] == {"responses": 86}
    assert "feedback" not in process_of("Please send us your feedback on this report.")
    assert "feedback" not in process_of("The sales team handed out 5,000 customer questionnaires.")


def test_feedback_improvements_when_stated():
    feedback = process_of("Based on readers' feedback, we added a glossary of technical terms to this report.")[
        "feedback"
    ]
    assert feedback == {"improvements": ["added a glossary of technical terms to this report"]}


def test_nothing_found_gives_empty_sections():
    assert extract_process(doc("Plain words only.")) == {}
    assert extract_process(doc()) == {}


# --- provenance and validity ------------------------------------------------------------------


def test_every_extracted_leaf_carries_its_line():
    meta = extract_meta(doc(*ENGLISH_ABOUT))
    for key in ("languages", "formats", "reference_standards"):
        assert all(isinstance(item, Noted) and item.source and item.source.startswith("line ") for item in meta[key])
    assert all(isinstance(value, Noted) and value.source for value in meta["contact"].values())


@pytest.mark.parametrize("lines", [ENGLISH_ABOUT, CHINESE_ABOUT, (), ("",), ("报告",), ("Report",)])
def test_results_always_validate_against_the_report_model(lines: tuple[str, ...]):
    valid({**extract_meta(doc(*lines)), "industry": "general"})
    Process.model_validate(plain(extract_process(doc(*lines))))


FRAGMENTS = [
    "About this Report",
    "关于本报告",
    "This report",
    "本报告",
    "report",
    "报告",
    "Email: a@b.cn",
    "Tel: 123-4567-890",
    "Address:",
    "地址：",
    "Website: http://x.example",
    "for 3 consecutive years",
    "连续第十二年发布",
    "第一百份报告",
    "GRI G4",
    "CASS-CSR",
    "Chinese and English versions",
    "中英文版",
    "approved by the Board",
    "董事会审议通过",
    "material issues survey",
    "Materiality Matrix",
    "rated five-star",
    "Limited",
    "有限公司",
    "2020",
    "1 January 2021 to 31 December 2021",
    "\t",
    "-",
    ".",
    "。",
    ":",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=40)), max_size=30), st.data())
def test_random_lines_never_break_validation(pieces: list[str], data: st.DataObject):
    joiners = data.draw(st.lists(st.sampled_from(["\n", " ", "", "\n\n"]), min_size=len(pieces), max_size=len(pieces)))
    text = "".join(piece + joiner for piece, joiner in zip(pieces, joiners, strict=True))
    draft = from_text(text, "random.txt")
    valid({**extract_meta(draft), "industry": "general"})
    Process.model_validate(plain(extract_process(draft)))


# --- the seed report -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed() -> Document:
    if not SEED.is_file():
        pytest.skip("the seed report text (../shared/seeds) is not here")
    return from_text(SEED.read_text(encoding="utf-8"), str(SEED))


def test_the_seed_gives_the_facts_of_the_reference_report(seed: Document):
    meta = plain(extract_meta(seed, industry="telecom"))
    Meta.model_validate(meta)
    assert meta["year"] == 2020
    assert set(meta["languages"]) == {"en", "zh"}
    assert any("GRI" in name for name in meta["reference_standards"])
    assert any("CASS-CSR" in name for name in meta["reference_standards"])
    assert meta["contact"]["email"] == "CSR@chinatelecom.cn"
    assert meta["consecutive_years"] == 11
    assert meta["release_cycle"] == "annual"
    process = plain(extract_process(seed))
    Process.model_validate(process)
    assert set(process["materiality"]["methods"]) == {"national_policy", "standards", "stakeholder_survey"}
    assert process["release"]["channels"] == ["website"]


def test_a_chinese_report_gives_its_english_name_where_it_presents_itself():
    meta = meta_of(
        "北风能源集团股份有限公司",
        "Northwind Energy Group Co., Ltd.",
        "2022年社会责任报告",
        "关于我们",
        "北风能源集团股份有限公司（Northwind Energy Group Co., Ltd.）是一家能源企业。",
        "北风能源集团股份有限公司成立于1998年。",
    )
    assert meta["organisation"] == "北风能源集团股份有限公司"
    assert meta["also_named"] == ["Northwind Energy Group Co., Ltd."]
    assert valid(meta).also_named == ["Northwind Energy Group Co., Ltd."]


def test_an_english_name_quoted_once_is_not_the_organisations():
    meta = meta_of("北风能源集团股份有限公司", "2022年社会责任报告", "我们与Southwind Power Co., Ltd.签署合作协议。")
    assert "also_named" not in meta
