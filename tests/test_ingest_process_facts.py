"""Facts of real reports read right: the reporting year, the publisher's legal name, the language,
the process facts Chinese reports state (CSR rules, subsidiaries' reports, a leader-headed CSR body),
and a share never linked to a count. Each vocabulary table is tied to the rule it serves here."""

from __future__ import annotations

import pytest

from csr_rating.criteria import CriteriaSet
from csr_rating.ingest import vocabulary as words
from csr_rating.ingest.document import from_text
from csr_rating.ingest.meta import detect_year, extract_meta
from csr_rating.ingest.noted import plain
from csr_rating.ingest.pipeline import ingest_document
from csr_rating.ingest.process import extract_process


def _process(text: str) -> dict:
    return plain(extract_process(from_text(text, "d.txt")))


def _meta(text: str) -> dict:
    return plain(extract_meta(from_text(text, "d.txt")))


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("2016年，公司营业收入增长。公司计划到2030年实现碳达峰，力争2060年碳中和。2016年员工2068名。", 2016),
        ("In 2016 we grew. By 2030 we aim to halve emissions; by 2060 we will be carbon neutral. In 2016 …", 2016),
        ("公司自2008年首次发布社会责任报告。2016年，公司……2016年……2017年计划……", 2016),
    ],
)
def test_the_year_is_the_year_the_text_names_as_its_own_not_a_target_or_a_count(text: str, year: int) -> None:
    found = detect_year(from_text(text, "d.txt"))
    assert found is not None and found.value == year


def test_a_cover_title_keeps_its_year_though_set_apart() -> None:
    meta = _meta("深圳示例能源集团股份有限公司\n2016 年度社会责任报告\n二〇一七年四月\n")
    assert meta["title"] == "2016年度社会责任报告" and meta["year"] == 2016


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        ("报告覆盖示例银行股份有限公司及其分支机构。示例银行股份有限公司2016年社会责任报告。", "示例银行股份有限公司"),
        (
            ("示例港股份有限公司（以下简称“公司”）是港口企业。公司所属示例港劳务发展有限公司（以下简称“劳务公司”）"
            "获奖。公司所属示例港劳务发展有限公司开展培训。"),
            "示例港股份有限公司",
        ),
        ("本报告以示例水务（集团）股份有限公司为主体编写。", "示例水务（集团）股份有限公司"),
        ("ABC集团股份有限公司社会责任报告。ABC集团股份有限公司坚持……", "ABC集团股份有限公司"),
        (
            "为符合香港联合交易所有限公司的要求，示例控股股份有限公司（以下简称“本公司”）发布本报告。",
            "示例控股股份有限公司",
        ),
    ],
)
def test_the_publisher_is_the_legal_name_the_report_calls_itself(text: str, organisation: str) -> None:
    assert _meta(text)["organisation"] == organisation


def test_the_draft_s_own_language_comes_first() -> None:
    english = "Harbour Co. Sustainability Report 2022\nThis report is published in Chinese and English.\n"
    assert _meta(english)["languages"][0] == "en"
    only_other = "Harbour Co. Sustainability Report 2022\nA Chinese version of this report is also available.\n"
    assert _meta(only_other)["languages"][0] == "en"


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("公司制定了《示例集团社会责任管理办法》，规范社会责任工作。", "示例集团社会责任管理办法"),
        ("公司修订《社会责任工作实施细则》。", "社会责任工作实施细则"),
        ("We adopted the “Harbour Group CSR Management Measures” in 2022.", "Harbour Group CSR Management Measures"),
    ],
)
def test_csr_management_rules_are_read_by_name(text: str, rule: str) -> None:
    assert rule in _process(text)["management_rules"]


def test_a_government_guidance_is_no_rule_of_the_company() -> None:
    assert "management_rules" not in _process("依据《关于国有企业更好履行社会责任的指导意见》开展工作。")


@pytest.mark.parametrize(
    "text",
    [
        "公司推动所属12家企业独立编制发布社会责任报告。",
        "In 2022, three subsidiaries published their own CSR reports.",
    ],
)
def test_subsidiaries_reports_are_a_process_fact(text: str) -> None:
    assert _process(text)["subsidiary_reports"]


@pytest.mark.parametrize(
    ("text", "leader"),
    [
        ("公司成立以董事长为组长的社会责任工作领导小组，统筹推进社会责任工作。", "Chairman"),
        ("The Sustainability Committee, chaired by the President, steers our CSR work.", "President"),
    ],
)
def test_a_csr_body_headed_by_a_top_leader_steers(text: str, leader: str) -> None:
    steering = _process(text)["leadership"]["steering"]
    assert any(item.startswith(leader) for item in steering)


def test_every_process_vocabulary_pattern_is_exercised_above() -> None:
    """The tables above are the ones these tests tie to their rules; a new table needs a test."""
    for name in ("RULE_NAME_RE", "SUBSIDIARY_REPORT_RE", "CSR_BODY_RE", "CSR_BODY_HEAD_RE", "YEAR_COUNT_AFTER_RE",
                 "YEAR_TARGET_BEFORE_RE", "ORG_SELF_AFTER_RE", "ORG_SUBSIDIARY_BEFORE_RE", "ORG_ZH_LEAD",
                 "ORG_ZH_CUT_AFTER", "ORG_NOT_PUBLISHER", "INDEX_CODE_RE", "STRUCTURE"):  # fmt: skip
        assert getattr(words, name)


def test_a_count_is_never_linked_to_a_share(criteria: CriteriaSet) -> None:
    text = (
        "Harbour Telecom Sustainability Report 2022\nKey figures\t2020\t2021\t2022\n"
        "5G network coverage of cities\t120\t245\t337\n"
    )
    report = ingest_document(from_text(text, "d.txt"), industry="telecom", criteria=criteria).report
    row = next(i for i in report.indicators if i.values.get(2022) == 337)
    assert row.id is None or not (row.unit or "").startswith("%")


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("2016年，公司位列《财富》世界500强第270位。", "Ranking in Fortune Global 500", "ranking"),
        ("In 2022 the Group ranked 158th in the Fortune Global 500.", "Ranking in Fortune Global 500", "ranking"),
        ("2016年公司单位产品能耗为85千克标准煤，低于行业平均水平12%。", "Comparison with the industry", "industry"),
    ],
)
def test_a_comparison_stated_without_a_catalog_indicator_is_a_benchmark(
    text: str, name: str, kind: str, criteria: CriteriaSet
) -> None:
    report = ingest_document(from_text("示例公司2016年社会责任报告\n" + text, "d.txt"), criteria=criteria).report
    found = next(i for i in report.indicators if i.name == name)
    assert found.benchmark[0].kind == kind


def test_leading_the_industry_in_5g_is_no_figure_compared(criteria: CriteriaSet) -> None:
    text = "Harbour Telecom Report 2022\nOur network is leading the industry in 5G SA development.\n"
    report = ingest_document(from_text(text, "d.txt"), criteria=criteria).report
    assert not any(i.name == "Comparison with the industry" for i in report.indicators)


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        ("2016年公司通过多种渠道增加收入3亿元。", []),  # a rise in income is no bad news
        ("全年发生安全事故0起。", []),  # zero is a positive claim
        ("G4-EN24 重大泄漏的总次数和总量 无此类情况", []),  # an index row
        ("环境罚款 暂未纳入统计体系", []),  # not measured is no event
        ("2016年发生一般安全事故2起，死亡1人。", ["事故事件（2起）", "死亡事故（1人）"]),
    ],
)
def test_negative_information_precision_first(text: str, titles: list[str]) -> None:
    from csr_rating.ingest.negatives import extract_negatives

    assert [n.value["title"] for n in extract_negatives(from_text(text, "d.txt"))] == titles


@pytest.mark.parametrize(
    "text",
    [
        "本公司荣获金蜜蜂2016优秀企业社会责任报告奖。示例股份有限公司2016年社会责任报告\n",
        "公司已连续6年社会责任报告对外发布。示例股份有限公司2016年社会责任报告\n",
    ],
)
def test_an_award_or_a_sentence_is_no_title(text: str) -> None:
    title = _meta(text)["title"]
    assert "优秀" not in title and not title.startswith("6年") and title.endswith("2016年社会责任报告")


def test_listed_companies_under_the_group_releasing_esg_reports_are_subsidiaries_reports() -> None:
    text = "Two listed companies under the Group Company released their ESG (Environmental, Social and Governance) Reports 2020.\n"
    assert _process(text)["subsidiary_reports"]


def test_a_statistics_list_gives_no_event_and_lends_no_figure_to_its_neighbour() -> None:
    from csr_rating.ingest.negatives import extract_negatives

    text = "Major natural disasters\t608\nMajor emergency or accident situations\t87\nInjuries at work\t--\t--\t59*\n"
    assert extract_negatives(from_text(text, "d.txt")) == []
