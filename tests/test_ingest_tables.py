"""Multi-year data tables in draft text: what the table reader recovers, row by row.

Every table here is invented for the test; the shapes are those real extractions produce.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from csr_rating.ingest.document import from_text
from csr_rating.ingest.tables import extract_rows, header_years
from csr_rating.ingest.values import paren_unit, parse_cell


def rows_of(text: str):
    return extract_rows(from_text(text, "draft.txt"))


def test_a_header_of_consecutive_years_opens_a_table_and_each_row_maps_its_figures_to_years() -> None:
    rows = rows_of(
        "Key figures 2021 2022 2023\n"
        "Water withdrawn (10,000 m3) 1,204 1,180 1,090\n"
        "Share of renewable electricity (%) 12.5 18 24.75\n"
    )
    assert [(r.name, r.unit, r.values) for r in rows] == [
        ("Water withdrawn", "10,000 m3", {2021: 1204, 2022: 1180, 2023: 1090}),
        ("Share of renewable electricity", "%", {2021: 12.5, 2022: 18, 2023: 24.75}),
    ]
    assert rows[0].line.number == 2 and rows[0].section == "Key figures"


def test_years_in_descending_order_keep_their_columns() -> None:
    (row,) = rows_of("Indicator 2023 2022 2021\nFleet vehicles (units) 310 290 250\n")
    assert row.values == {2023: 310, 2022: 290, 2021: 250}


def test_chinese_headers_units_in_full_width_parentheses_and_tab_cells() -> None:
    rows = rows_of(
        "指标\t单位\t2021年\t2022年\t2023年\n员工总数\t人\t1,200\t1,350\t1,410\n女性管理者比例（%）\t18.2\t19.0\t21.4\n"
    )
    assert [(r.name, r.unit, r.values) for r in rows] == [
        ("员工总数", "人", {2021: 1200, 2022: 1350, 2023: 1410}),
        ("女性管理者比例", "%", {2021: 18.2, 2022: 19.0, 2023: 21.4}),
    ]


def test_placeholders_mean_not_reported_and_leave_the_year_out() -> None:
    rows = rows_of(
        "Metric 2021 2022 2023\nRecalls (cases) —— 2 1\nAudits (times) N/A - 14\n新设网点（个） 不适用 / 9\n"
    )
    assert [r.values for r in rows] == [{2022: 2, 2023: 1}, {2023: 14}, {2023: 9}]


def test_a_name_broken_over_lines_is_joined_and_the_row_starts_where_the_name_does() -> None:
    rows = rows_of(
        "Indicator 2021 2022 2023\n"
        "Number of suppliers assessed on environmental and social (supplier-\n"
        "\n"
        "times)\n"
        "120 180 260\n"
        "Share of contracts with clauses on labour rights in the\n"
        "supply chain (%)\n"
        "40 55 70\n"
    )
    assert [(r.name, r.unit) for r in rows] == [
        ("Number of suppliers assessed on environmental and social", "supplier-times"),
        ("Share of contracts with clauses on labour rights in the supply chain", "%"),
    ]
    assert rows[0].line.number == 2 and rows[1].line.number == 6


def test_a_name_set_around_its_figures_is_put_back_together() -> None:
    """A designed table centres the figures on a two-line name: half of it above them, half below (and
    the unit under the figures). Each row takes back the line after its figures."""
    rows = rows_of(
        "Indicators 2009 2010 2011\n"
        "Cumulative number of natural villages\n"
        "34,122\t43,570\t52,932\n"
        "covered via Village Connected Project\n"
        "Number of sales channels in rural areas\n"
        "56.23\t58.00\t69.00\n"
        "(10,000)\n"
        "Significant natural disasters\n"
        "253\t437\t223\n"
        "support (times)\n"
        "Public health incidents\n"
        "120\t91\t48\n"
        "support (times)\tNetwork Quality (2011)\n"  # the last row's too; a cell after it is another column's
    )
    assert [(r.name, r.unit) for r in rows] == [
        ("Cumulative number of natural villages covered via Village Connected Project", None),
        ("Number of sales channels in rural areas", "10,000"),
        ("Significant natural disasters support", "times"),
        ("Public health incidents support", "times"),
    ]
    assert [r.line.number for r in rows] == [2, 5, 8, 11]  # each row starts where its name does
    assert [r.values[2011] for r in rows] == [52932, 69.0, 223, 48]


def test_section_labels_between_rows_become_the_section_not_part_of_a_name() -> None:
    rows = rows_of(
        "Indicator 2022 2023\nEmployees\nTotal headcount (persons) 900 950\nEnvironment\nFuel used (t) 12 11\n"
    )
    assert [(r.section, r.name) for r in rows] == [("Employees", "Total headcount"), ("Environment", "Fuel used")]


def test_rows_flattened_onto_one_line_are_split_and_dash_led_rows_are_sub_rows() -> None:
    rows = rows_of(
        "Names of the Indicator Unit 2021 2022 2023.\n"
        "Sulphur oxides emission tonnes 5.1 4.8 4.0 – Plant A tonnes 3.0 2.9 2.5 – Others tonnes N/A 1.9 1.5.\n"
        "Aged under 30 person 100 120 130 Aged 30-50 person 300 310 320.\n"
    )
    assert [(r.name, r.unit, r.values) for r in rows] == [
        ("Sulphur oxides emission", "tonnes", {2021: 5.1, 2022: 4.8, 2023: 4.0}),
        ("Sulphur oxides emission – Plant A", "tonnes", {2021: 3.0, 2022: 2.9, 2023: 2.5}),
        ("Sulphur oxides emission – Others", "tonnes", {2022: 1.9, 2023: 1.5}),
        ("Aged under 30", "person", {2021: 100, 2022: 120, 2023: 130}),
        ("Aged 30-50", "person", {2021: 300, 2022: 310, 2023: 320}),
    ]


def test_damaged_figures_are_repaired_and_flagged_for_review_never_silently() -> None:
    rows = rows_of(
        "Indicator 2021 2022 2023\n"
        "Waste recycled (t) 10,210 11,034 90, 258\n"
        "Headcount (persons) 5,120 5,300 6,010*\n"
        "Scope 2 emissions7 tCO2e 1,000 900 800\n"
    )
    assert rows[0].values[2023] == 90258 and "90, 258" in rows[0].reviews[0]
    assert rows[1].values[2023] == 6010 and any("note mark" in r for r in rows[1].reviews)
    assert rows[2].name == "Scope 2 emissions" and any("footnote" in r for r in rows[2].reviews)


def test_page_furniture_glued_after_the_figures_is_dropped_with_a_note() -> None:
    (row,) = rows_of("Indicator Unit 2021 2022 2023.\nTraining hours hour 10 12 14 57 2023.\n")
    assert row.values == {2021: 10, 2022: 12, 2023: 14}
    assert any("page number" in r for r in row.reviews)


def test_a_name_ending_in_a_number_keeps_it() -> None:
    (row,) = rows_of("Indicator 2021 2022 2023\nRank in the Global 500 list 141 120 99\n")
    assert row.name == "Rank in the Global 500 list" and row.values == {2021: 141, 2022: 120, 2023: 99}


def test_ratios_and_negative_changes_are_values() -> None:
    rows = rows_of("Indicator 2022 2023\nMale to female ratio 2.1:1 2.0:1\nWater intensity change (%) -1.5 -2.25\n")
    assert [r.values for r in rows] == [{2022: "2.1:1", 2023: "2.0:1"}, {2022: -1.5, 2023: -2.25}]


def test_prose_after_a_table_ends_it() -> None:
    rows = rows_of(
        "Indicator 2022 2023\nDonations (RMB 10,000) 50 60\n"
        + "We worked with local partners throughout the year to extend the programme to more villages. " * 3
        + "\nIn 2023 we planted 3 4 trees\n"
    )
    assert [r.name for r in rows] == ["Donations"]


def test_lines_that_only_look_like_years_are_not_headers() -> None:
    assert header_years(["Indicator", "2019", "2021", "2023"]) is None  # not consecutive
    assert header_years(["2019", "2019"]) is None
    assert header_years(["Indicator", "2022年", "2023年"]) == (["Indicator"], [2022, 2023])


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab 01239,.%:-–—/\t\n年（）()")), max_size=300))
def test_any_text_gives_rows_whose_years_come_from_their_header(text: str) -> None:
    for row in rows_of("Indicator 2021 2022 2023\n" + text):
        assert set(row.values) <= {2021, 2022, 2023} and row.name.strip()
        assert all(v is not None for v in row.values.values())


@given(st.integers(min_value=-(10**9), max_value=10**9))
def test_thousands_separators_read_back_to_the_number(number: int) -> None:
    cell = parse_cell(f"{number:,}")
    assert cell is not None and cell.value == number


def test_a_unit_column_row_whose_name_wrapped_above_takes_the_name_but_a_label_stays_a_label() -> None:
    rows = rows_of(
        "Indicator Unit 2022 2023\n"
        "Number of compliance workshops\nheld for staff\nSessions 120 140\n"
        "Turnover by gender.\nMale % 10.5 11.0\n"
    )
    assert [(r.name, r.unit, r.section) for r in rows] == [
        ("Number of compliance workshops held for staff", "Sessions", "Indicator Unit"),
        ("Male", "%", "Turnover by gender"),
    ]


def test_an_ocr_damaged_year_in_a_header_is_inferred_from_its_neighbours() -> None:
    from csr_rating.ingest.tables import header_years_repaired

    assert header_years_repaired(["指标", "20U", "2015", "2016"]) == (
        ["指标"],
        [2014, 2015, 2016],
        ["'20U' read as 2014"],
    )
    assert header_years_repaired(["x", "20U", "20V", "2016"]) is None  # one readable year says no sequence
    rows = extract_rows(from_text("指标\t20U\t2015\t2016\n员工总数（人）\t100\t110\t120\n", "d.txt"))
    assert rows[0].values == {2014: 100, 2015: 110, 2016: 120} and "20U" in rows[0].reviews[0]


def test_a_figure_panel_is_read_column_by_column() -> None:
    from csr_rating.ingest.panels import extract_panels

    text = "员工参加职业\t发生较大及\t职业病\n健康安全培训\t以上安全事故\t新发病例\n34.2\t0\t0\n万人次\t起\t个\n"
    rows = extract_panels(from_text(text, "d.txt"), 2016, set())
    assert [(r.name, r.unit, r.values) for r in rows] == [
        ("员工参加职业健康安全培训", "万人次", {2016: 34.2}),
        ("发生较大及以上安全事故", "起", {2016: 0}),
        ("职业病新发病例", "个", {2016: 0}),
    ]
    assert extract_panels(from_text("2014\t2015\t2016\n1\t2\t3\n", "d.txt"), 2016, set()) == []
    change = "吨水泥综合\t万元产值综合\n能耗\t能耗同比下降\n74.0\t4.7\n"
    rows = extract_panels(from_text(change, "d.txt"), 2016, set())
    assert [(r.name, r.values) for r in rows] == [("吨水泥综合能耗", {2016: 74.0}), ("万元产值综合能耗", {2016: "同比下降 4.7"})]


def test_a_one_figure_box_is_a_row_and_a_change_or_a_page_number_is_not() -> None:
    from csr_rating.ingest.panels import extract_panels

    text = "资产总额\n2712.67 亿元\n人均培训时长达\n58 小时\n同比增长\n30.28%\n经济责任\n22\n"
    rows = extract_panels(from_text(text, "d.txt"), 2016, set())
    assert [(r.name, r.unit, r.values) for r in rows] == [
        ("资产总额", "亿元", {2016: 2712.67}),
        ("人均培训时长", "小时", {2016: 58}),
    ]


def test_a_box_label_opening_with_its_year_gives_the_figure_that_year() -> None:
    from csr_rating.ingest.panels import extract_panels

    text = "2016年对外捐赠\n总额\n2400.4万元\n2015年末员工总数\n18.6 万人\n2020年碳排放强度\n18 %\n"
    rows = extract_panels(from_text(text, "d.txt"), 2016, set())
    assert [(r.name, r.unit, r.values) for r in rows] == [
        ("对外捐赠总额", "万元", {2016: 2400.4}),
        ("员工总数", "万人", {2015: 18.6}),
    ]  # 2020 is after the reporting year: a target, not a figure
    assert "year" in rows[0].reviews[0] and "no year printed" not in rows[0].reviews[0]


def test_a_dated_sentence_over_a_figure_is_no_box() -> None:
    from csr_rating.ingest.panels import extract_panels

    text = "2016年，公司在海外获得\n846 辆\n2016年度社会责任报告\n10\n"
    assert extract_panels(from_text(text, "d.txt"), 2016, set()) == []


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("设立专项奖学金（单位：个）", ("设立专项奖学金", "个")),
        ("Waste recycled (unit: t)", ("Waste recycled", "t")),
        ("Total assets (*100 million yuan)", ("Total assets", "*100 million yuan")),
    ],
)
def test_a_unit_in_parentheses_is_the_unit_without_its_label(label: str, expected: tuple[str, str]) -> None:
    assert paren_unit(label) == expected
