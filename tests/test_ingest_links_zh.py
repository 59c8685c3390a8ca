"""Specification of linking Chinese indicator names and figures to the catalog: the Chinese aliases of
quantitative items, how a printed name is read before matching (a leading year, an index code, a
trailing 约, OCR-split characters), the rules that keep look-alikes apart (a share is not a count, an
intensity is not a total, a change is not the indicator, a part is not the whole) and how a figure is
read beside a Chinese name in prose. Every line here is written for these tests."""

from __future__ import annotations

import pytest

from csr_rating.catalog import Catalog
from csr_rating.criteria import CriteriaSet
from csr_rating.ingest.document import from_text
from csr_rating.ingest.matching import Matcher, cleaned
from csr_rating.ingest.narrative import PhraseIndex, figures


@pytest.fixture(scope="module")
def general(criteria: CriteriaSet) -> Catalog:
    return criteria.catalog_for("general")


@pytest.fixture(scope="module")
def matcher(general: Catalog) -> Matcher:
    return Matcher(general)


def linked(matcher: Matcher, name: str, unit: str | None = None) -> str | None:
    match = matcher.indicator(name, unit)
    return None if match is None else match.id


@pytest.mark.parametrize(
    ("printed", "read"),
    [
        ("2016年上交税金", "上交税金"),  # a leading year
        ("2010-2016年营业收入", "营业收入"),  # a leading period
        ("全年实现利润总额", "实现利润总额"),  # a lead-in
        ("帮扶投入约", "帮扶投入"),  # a trailing "about"
        ("废弃物合计", "废弃物"),
        ("归属于上市 公司股东的 净利润", "归属于上市公司股东的净利润"),  # characters split by an extraction
        ("a1 1 en21废气排放总量", "废气排放总量"),  # an index code
        ("合计", "合计"),  # nothing else printed: the name as it was
        ("5G基站数", "5g基站数"),  # "5G" is no list number
    ],
)
def test_a_printed_name_is_read_as_a_person_reads_it(printed: str, read: str) -> None:
    assert cleaned(printed) == read


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("上交税金", "gen.taxes-paid"),
        ("2016年上交税金", "gen.taxes-paid"),
        ("缴纳税费", "gen.taxes-paid"),
        ("社会公益支出", "gen.charitable-donations"),
        ("公益投入", "gen.charitable-donations"),
        ("归属于上市公司股东的净利润", "gen.net-profit"),
        ("归属于母公司所有者的 净利润", "gen.net-profit"),
        ("派发现金红利", "gen.dividends"),
        ("万元产值综合能耗", "gen.energy-intensity"),
        ("员工流失率", "gen.employee-turnover-rate"),
        ("人均培训学时", "gen.training-hours-per-employee"),  # per employee on both sides
        ("b2 2因工伤损失工作天数", "gen.lost-days"),
    ],
)
def test_chinese_names_of_catalog_items_link(matcher: Matcher, printed: str, expected: str) -> None:
    assert linked(matcher, printed) == expected


@pytest.mark.parametrize(
    ("printed", "not_to"),
    [
        ("利润总额", "gen.net-profit"),  # total profit (before tax) is not net profit
        ("万元产值综合能耗", "gen.total-energy-consumption"),  # an intensity is not a total
        ("单位产品综合能耗", "gen.total-energy-consumption"),
        ("可记录千人工伤事故率", "gen.work-related-injuries"),  # a rate is not a count of injured
        ("女性员工人数", "gen.female-employees-ratio"),  # a count is not a share
        ("Number of employees trained", "gen.trained-employees-ratio"),
        ("新产品销售收入", "gen.operating-revenue"),  # a part is not the whole
        ("海外员工人数", "gen.total-employees"),
        ("万元产值综合能耗同比下降", "gen.energy-intensity"),  # a change is not the indicator
        ("每股社会捐赠", "gen.charitable-donations"),  # per share is not the total
    ],
)
def test_look_alikes_do_not_link(matcher: Matcher, printed: str, not_to: str) -> None:
    assert linked(matcher, printed) != not_to


@pytest.mark.parametrize("fragment", ["总额", "覆盖率", "合计", "2016 年", "签订率"])
def test_an_ocr_fragment_stays_unlinked(matcher: Matcher, fragment: str) -> None:
    assert linked(matcher, fragment) is None


def test_a_change_is_not_linked_even_to_an_intensity(matcher: Matcher) -> None:
    assert linked(matcher, "综合能耗同比下降", "%") is None
    assert linked(matcher, "水耗同比下降") is None


def prose(catalog: Catalog, *lines: str) -> dict[str, tuple[float | int, str | None]]:
    found = figures(from_text("\n".join(lines), "draft.txt"), PhraseIndex(catalog), 2016, set())
    return {f.item.id: (f.value, f.unit) for f in found}


def test_a_figure_glued_to_a_chinese_name_is_read(general: Catalog) -> None:
    found = prose(general, "2016年，公司实现营业收入人民币31.40亿元，同比增长4.10%，上交税金2.6亿元。")
    assert found["gen.operating-revenue"] == (31.4, "亿元")
    assert found["gen.taxes-paid"] == (2.6, "亿元")


def test_a_share_takes_a_percentage_and_a_count_its_figure_after_the_name(general: Catalog) -> None:
    found = prose(general, "公司依法为员工缴纳社会保险，社会保险覆盖率达到100%，员工总数3500人。")
    assert found["gen.social-insurance-coverage"] == (100, "%")
    assert found["gen.total-employees"] == (3500, "人")


def test_a_count_printed_before_its_name_is_read(criteria: CriteriaSet) -> None:
    found = prose(criteria.catalog_for("pharma"), "公司持有350个药品批准文号。")
    assert found["pha.approved-products"] == (350, "个")


@pytest.mark.parametrize(
    ("line", "not_found"),
    [
        ("公司向全体股东每10股派发现金红利1.85元（含税）。", "gen.dividends"),  # per share
        ("每10股派送3. 20元现金红利。", "gen.dividends"),  # a decimal split by a space
        ("以总股本120000000股为基数分配现金红利。", "gen.dividends"),  # shares are not money
        ("新车型每辆车每年可减少二氧化碳排放约5吨。", "gen.ghg-emissions"),  # a saving, not emissions
        ("志愿者累计服务2万小时。", "gen.volunteers"),  # hours are not persons
        ("组织从业人员参加消防演练2，460人次。", "gen.total-employees"),  # "2，460" is no 2
        ("营业收入截至12月31日保持增长。", "gen.operating-revenue"),  # a date is no figure
        ("公司营业收入较上年增长，居行业第3名。", "gen.operating-revenue"),  # a rank is no figure
        ("营业收入（万元）\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t见下表 说明12。", "gen.operating-revenue"),  # too far
    ],
)
def test_a_figure_of_something_else_is_not_read(general: Catalog, line: str, not_found: str) -> None:
    assert not_found not in prose(general, line)


def test_a_page_number_under_a_heading_is_not_its_figure(general: Catalog) -> None:
    assert "gen.customer-satisfaction" not in prose(general, "二、提升客户满意度", "8 某某公司2016年社会责任报告")
    assert prose(general, "2016年上交税金", "88.5亿元")["gen.taxes-paid"] == (88.5, "亿元")  # a label, its figure below


def test_a_name_inside_a_longer_catalog_name_is_left_to_the_longer(general: Catalog) -> None:
    found = prose(general, "2016年，公司单位产值综合能耗0.12吨标准煤/万元。")
    assert found.get("gen.energy-intensity", (None,))[0] == 0.12
    assert "gen.total-energy-consumption" not in found


def test_an_intensity_figure_is_not_a_total(general: Catalog) -> None:
    assert "gen.total-energy-consumption" not in prose(general, "全年综合能耗控制在0.85吨标准煤/万元。")
    assert prose(general, "2016年综合能耗2.4万吨标准煤。")["gen.total-energy-consumption"] == (2.4, "万吨标准煤")


def test_a_bare_page_number_below_a_line_is_not_its_figure(general: Catalog) -> None:
    assert "gen.total-assets" not in prose(general, "公司资产总额稳步增长", "49")


def test_a_total_over_several_years_is_not_the_years_value(general: Catalog) -> None:
    assert "gen.dividends" not in prose(general, "公司自2009年上市以来派发现金红利113.45亿元，回报股东。")
    assert "gen.charitable-donations" not in prose(general, "公司历年公益捐赠总额3.2亿元。")
    assert prose(general, "2016年，公司派发现金红利11.3亿元。")["gen.dividends"] == (11.3, "亿元")


def test_a_unit_ends_where_the_next_words_begin(general: Catalog) -> None:
    found = prose(general, "2016年，顺利完成了节约电量1968万千瓦时和节约电力0.53万千瓦的节电指标。")
    assert found["gen.energy-savings"] == (1968, "万千瓦时")


def test_a_figure_of_another_noun_or_per_unit_is_not_the_indicators(general: Catalog) -> None:
    assert "gen.volunteers" not in prose(general, "公司组织员工志愿者与150位留守儿童共度节日。")
    assert "gen.net-profit" not in prose(general, "Farmers' net profit increased by 436 yuan per mu in 2016.")
    assert prose(general, "2016年员工志愿者人数1200人。")["gen.volunteers"] == (1200, "人")
    assert prose(general, "公司组织员工志愿者150人参加活动。")["gen.volunteers"] == (150, "人")  # the unit, not the verb
