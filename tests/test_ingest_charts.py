"""Charts whose figures a text cannot carry still show, by their titles, which quantities a report
tracks over which years: ingest records those years (never values), and a ranking's table of peers
or a chart of the industry's figures is a horizontal comparison."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from csr_rating.consistency import check_report
from csr_rating.criteria import CriteriaSet
from csr_rating.errors import InputError
from csr_rating.ingest.charts import chart_series, industry_charts
from csr_rating.ingest.document import from_text
from csr_rating.ingest.narrative import peer_tables
from csr_rating.ingest.pipeline import ingest, ingest_document
from csr_rating.report import Indicator, Report
from csr_rating.yamlio import load_yaml
from tests.conftest import SHARED

CNBM = SHARED / "corpus" / "rated" / "cnbm-2016-sr-zh.txt"
# What OCR leaves of a bar chart: its title, the unit, the legend, axis years and scattered figures.
RESIDUE = ["亿元", "■营业收入■利润总额", "2016", "2015", "3168.5", "2014", "3037.1", "49986.0"]


def _doc(*lines: str):
    return from_text("\n".join(lines), "草稿.txt")


def _names(
    lines: list[str], year: int = 2016, table_lines: set[int] | None = None
) -> list[tuple[str, tuple[int, ...]]]:
    return [(s.name, s.years) for s in chart_series(_doc(*lines), year, table_lines or set())]


class TestChartTitles:
    def test_each_quantity_a_title_joins_becomes_a_series_of_its_years(self):
        assert _names(["2014-2016年营业收入和利润总额", *RESIDUE]) == [
            ("营业收入", (2014, 2015, 2016)),
            ("利润总额", (2014, 2015, 2016)),
        ]

    def test_english_titles_with_the_range_last(self):
        lines = ["Water consumption (2018-2020)", "m3", "2018", "2019", "2020", "1,204", "1,180"]
        assert _names(lines, 2020) == [("Water consumption", (2018, 2019, 2020))]

    def test_a_group_title_takes_its_series_from_the_legend(self):
        lines = ["2012-2016年安全生产绩效", "", "可记录千人工伤事故率 ■ 职业病新发病例", "2012", "2013", "0.5", "0"]
        assert [name for name, _ in _names(lines)] == ["可记录千人工伤事故率", "职业病新发病例"]

    def test_two_charts_side_by_side_on_one_line(self):
        lines = ["亿元\t2012-2016年上交税金", "万元 2012-2016年社会公益支出", "2016", "2015", "146.4", "131.7"]
        assert [name for name, _ in _names(lines)] == ["上交税金", "社会公益支出"]

    @pytest.mark.parametrize(
        "title",
        [
            "2014-2015年度北京市因公出入境工作成绩突出单位",  # an award
            "2014-2016年可口可乐中国可持续发展报告",  # a report's title
            "1998-2005 创业阶段",  # a stage of the company's history, long before the reporting year
            "2016-2020年发展规划",  # a plan
            "2012-2018年营业收入",  # ends after the reporting year
            "2015-2016年度共从全公司范围内收集专利项目41",  # a sentence broken by the OCR
            "2010-2016年，公司累计投入资金",  # a sentence
        ],
    )
    def test_lines_that_are_not_a_chart_of_the_reports_own_series(self, title):
        assert _names([title, *RESIDUE]) == []

    def test_a_title_without_chart_residue_below_is_a_heading(self):
        lines = [
            "2014-2016年营业收入",
            "公司持续优化业务结构，收入稳步增长，经营质量不断提升。",
            "客户服务方面，我们继续推进。",
        ]
        assert _names(lines) == []

    def test_a_tables_caption_leaves_the_figures_to_the_table(self):
        lines = ["2014-2016年员工培训情况", "指标\t2014\t2015\t2016", "培训人次\t10\t12\t15", *RESIDUE]
        assert _names(lines, table_lines={3}) == []

    def test_the_industrys_figures_are_a_comparison_not_the_reports_series(self):
        doc = _doc("2010-2016年中国水泥行业销售收入和利润总额", *RESIDUE)
        assert chart_series(doc, 2016, set()) == []
        assert [line.number for line in industry_charts(doc, 2016, set())] == [1]

    @settings(max_examples=60, deadline=None)
    @given(
        st.lists(st.text(alphabet="0123456789年-至■亿元收入利润 \t，。", max_size=30), max_size=25),
        st.integers(1990, 2030),
    )
    def test_series_never_end_after_the_reporting_year(self, lines, year):
        for series in chart_series(_doc(*lines), year, set()):
            assert series.years[-1] <= year and len(series.years) >= 2


class TestChartAxes:
    def test_the_caption_under_a_year_axis_names_a_series_of_those_years(self):
        lines = ["600.00", "400.00", "651.25", "2013\t2014\t2015\t2016", "", "总资产（亿元）", "", "100.00", "80.00"]
        assert [(s.name, s.unit, s.years) for s in chart_series(_doc(*lines), 2016, set())] == [
            ("总资产", "亿元", (2013, 2014, 2015, 2016))
        ]

    def test_side_by_side_charts_repeat_their_axis_and_share_a_caption_line(self):
        lines = ["2014 2015\t2016\t2014 2015\t2016", "•集团客户数(万名）\t\t•员工数(名）\t", "234,018", "245,939"]
        assert [(s.name, s.unit) for s in chart_series(_doc(*lines), 2016, set())] == [
            ("集团客户数", "万名"),
            ("员工数", "名"),
        ]

    @pytest.mark.parametrize(
        "below",
        [
            ["强化效益领先优势", "公司坚持以效益为中心，持续优化资源配置，提升经营质量和盈利能力。"],  # a heading
            ["二、股东与债权人的权益", "31"],  # a numbered heading
            ["指标\t2014\t2015\t2016"],  # a table below
        ],
    )
    def test_what_is_not_a_caption(self, below):
        lines = ["2014\t2015\t2016", *below]
        table_lines = {2} if "\t" in below[0] else set()
        assert chart_series(_doc(*lines), 2016, table_lines) == []

    def test_a_running_header_under_an_axis_is_not_a_caption(self):
        header = "关键定量指标库"
        lines = [header, "x", header, "y", header, "2014\t2015\t2016", header, "12.5"]
        assert chart_series(_doc(*lines), 2016, set()) == []

    def test_an_axis_of_other_years_is_no_trend_to_the_reporting_year(self):
        assert chart_series(_doc("2008\t2009\t2010", "总资产（亿元）", "100"), 2016, set()) == []


class TestPeerTables:
    def test_a_rankings_table_of_companies_is_a_peer_comparison(self):
        doc = _doc(
            "2016年《财富》世界500强建材企业排名",
            "排名\t企业名称\t营业收入（百万美元）\t国家",
            "196\t甲集团\t46169.2\t法国",
            "327\t乙集团\t31705.5\t中国",
            "411\t丙公司\t26217.8\t爱尔兰",
        )
        assert [line.number for line in peer_tables(doc)] == [2]

    @pytest.mark.parametrize(
        "header",
        [
            "排名\t股东名称\t持股比例\t股份性质",
            "6月\t国航在第七届世界航空公司排行榜新闻发布会上荣获“世界十大综合竞争力航空公司” 排名榜第四位。\t公司",
        ],
    )
    def test_shareholder_tables_and_award_lines_are_not(self, header):
        doc = _doc(header, "1\t甲公司\t12.5%\t国有", "2\t乙公司\t8.1%\t国有", "3\t丙公司\t5.0%\t外资")
        assert peer_tables(doc) == []


class TestReportFormat:
    def test_an_indicator_may_be_years_a_chart_shows(self):
        item = Indicator.model_validate({"name": "营业收入", "chart_years": [2016, 2014, 2015, 2016]})
        assert item.chart_years == [2014, 2015, 2016] and item.years == {2014, 2015, 2016}

    def test_an_indicator_still_needs_something_disclosed(self):
        with pytest.raises(ValidationError, match="chart_years"):
            Indicator.model_validate({"name": "营业收入", "chart_years": []})

    def test_a_chart_year_after_the_reporting_year_is_an_input_error(self, criteria: CriteriaSet):
        text = "meta: {organisation: X, title: T, year: 2020, industry: general}\nindicators:\n  - name: a\n    chart_years: [2019, 2021]\n"
        data, source = load_yaml(text, "r.yaml")
        with pytest.raises(InputError, match=r"r\.yaml:4.*chart year 2021 is after the reporting year"):
            check_report(Report.model_validate(data), source, criteria)

    def test_the_json_schema_documents_chart_years(self):
        schema = Report.model_json_schema()
        assert "chart_years" in schema["$defs"]["Indicator"]["properties"]


class TestIngest:
    def test_a_charted_series_joins_the_figure_the_draft_gives_for_the_year(self, criteria: CriteriaSet):
        draft = ingest_document(
            _doc(
                "2016年社会责任报告", "示例集团有限公司",
                "上交税金", "146.4 亿元",
                "2012-2016年上交税金", "亿元", "2016", "2015", "146.4", "131.7", "160.3",
            ),
            criteria=criteria, year=2016,
        )  # fmt: skip
        taxes = [i for i in draft.report.indicators if i.name == "上交税金"]
        assert len(taxes) == 1
        assert taxes[0].values == {2016: 146.4} and taxes[0].chart_years == [2012, 2013, 2014, 2015]
        assert "chart titled '2012-2016年上交税金'" in draft.yaml

    def test_a_charted_series_carries_no_invented_values(self, criteria: CriteriaSet):
        draft = ingest_document(
            _doc("2016年社会责任报告", "2014-2016年资产总额", *RESIDUE), criteria=criteria, year=2016
        )
        assets = next(i for i in draft.report.indicators if i.name == "资产总额")
        assert assets.values == {} and assets.chart_years == [2014, 2015, 2016]


@pytest.mark.skipif(not CNBM.exists(), reason="needs ../shared/corpus")
def test_a_rated_ocr_report_shows_its_chart_series_and_its_comparisons(criteria: CriteriaSet):
    draft = ingest(CNBM, criteria=criteria)
    charted = {i.name for i in draft.report.indicators if len(i.chart_years) >= 3}
    assert {"营业收入", "利润总额", "资产总额"} <= charted
    # the chart of 社会公益支出 joins the donations figure the draft prints for 2016 (对外捐赠总额)
    donations = next(i for i in draft.report.indicators if i.id == "gen.charitable-donations")
    assert len(donations.chart_years) >= 3 and 2016 in donations.values
    kinds = {b.kind for i in draft.report.indicators for b in i.benchmark}
    assert {"peer", "industry", "ranking"} <= kinds


def test_a_caption_that_names_a_practice_the_draft_describes_is_not_a_second_indicator(criteria: CriteriaSet):
    # found by the round-trip property: an axis, then a line naming the reader feedback form
    draft = ingest_document(_doc("2024 2025", "Reader Feedback Form", "2024 2025"), criteria=criteria)
    names = [i.name.casefold() for i in draft.report.indicators]
    assert names.count("reader feedback form") == 1
