"""Specification of the key topics' vocabulary: the words real reports use for a topic find that
topic, in every industry pack, and a generic word finds none.

The short lines below are written for these tests (industry terms, not sentences of any report).
The last tests read the rated building-materials report and Sinopec's report from ../shared and
skip when they are absent; corpus-wide figures are bench/bench_topics.py's."""

from __future__ import annotations

from pathlib import Path

import pytest

from csr_rating.criteria import CriteriaSet
from csr_rating.ingest.document import from_text
from csr_rating.ingest.readers import read_document
from csr_rating.ingest.structure import masked, parts
from csr_rating.ingest.topics import extract_topics, topic_mentions

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CNBM = SHARED / "corpus" / "rated" / "cnbm-2016-sr-zh.txt"
SINOPEC = SHARED / "corpus" / "sinopec-corp-2016-sdpr-zh.txt"


def found(criteria: CriteriaSet, pack: str, *lines: str) -> dict[str, bool]:
    """Topic id -> found by a name or alias (True) or by keywords only (False)."""
    doc = from_text("\n".join(lines), "draft.txt")
    return {item.value["id"]: item.review is None for item in extract_topics(doc, criteria.catalog_for(pack))}


# (pack, a line in the industry's words, the topic it is about)
INDUSTRY_TERMS = [
    ("construction", "二号熟料线建成脱硝系统，氮氧化物排放浓度同比下降。", "kiln-emissions-control"),
    ("construction", "全年推广低碳水泥产品，用于市政道路工程。", "building-materials-decarbonisation"),
    ("construction", "The plant commissioned SNCR denitrification on both kilns.", "kiln-emissions-control"),
    ("construction", "项目部开展危大工程专项检查。", "construction-site-safety"),
    ("transport", "机队全年推行节油措施，并优化航路。", "low-carbon-transport"),
    ("transport", "在沿线居民区增设声屏障。", "noise-dust-neighbours"),
    ("transport", "集装箱航线准班率保持在行业前列。", "punctuality-reliability"),
    ("power", "全年实现机组零非停。", "grid-safety"),
    ("power", "客服中心受理故障抢修工单。", "emergency-power-response"),
    ("finance", "上线交易反欺诈监测模型。", "fraud-prevention"),
    ("finance", "销售理财产品前完成客户适当性评估。", "responsible-sales-suitability"),
    ("real-estate", "参与老城区旧改项目。", "urban-renewal"),
    ("real-estate", "住宅项目采用地源热泵供暖。", "building-energy-carbon"),
    ("pharma", "两个1类新药进入临床试验。", "pharmaceutical-innovation"),
    ("metals", "含铂废催化剂等二次资源回收利用。", "scrap-secondary-metals"),
    ("coal-mining", "本煤层抽采达标率同比提高。", "mine-methane"),
    ("coal-mining", "原煤全部进入洗选环节。", "clean-coal-supply"),
    ("oil-gas", "冬季保障天然气供应。", "oil-gas-supply-security"),
    ("food", "推出低糖饮品系列。", "nutrition-health"),
    ("technology", "产品通过有害物质管控审核，实现无铅焊接。", "hazardous-substances-in-products"),
    ("telecom", "We blocked spam and SMS fraud for our users.", "anti-fraud-spam"),
    ("automotive", "车身采用轻量化设计以降低油耗。", "fuel-economy-emissions"),
    ("chemicals", "罐区有机废气经焚烧处理后排放。", "voc-control"),
    ("retail", "门店设立防伪查询终端。", "anti-counterfeiting"),
    # general topics, inherited by every pack
    ("metals", "公司组织全体中层干部参加廉政教育。", "anti-corruption-compliance"),
    ("food", "公司设立扶贫帮困基金，资助驻村工作队。", "rural-revitalization"),
    ("power", "发布年度实质性议题矩阵。", "responsibility-management"),
    ("retail", "污水站等环保设施稳定运行。", "pollution-waste"),
]


@pytest.mark.parametrize(("pack", "line", "topic"), INDUSTRY_TERMS)
def test_an_industry_term_finds_its_topic_by_name(criteria: CriteriaSet, pack: str, line: str, topic: str) -> None:
    assert found(criteria, pack, line).get(topic) is True


@pytest.mark.parametrize("pack", ["construction", "finance", "power", "food", "telecom"])
def test_generic_words_find_no_topic(criteria: CriteriaSet, pack: str) -> None:
    lines = ["公司持续加强管理，提升服务水平，推动绿色发展。", "We keep improving our management and services for green growth."]
    assert found(criteria, pack, *lines) == {}


def test_two_words_that_meet_in_the_text_are_not_a_topic_term(criteria: CriteriaSet) -> None:
    """帮扶 + 贫困职工 holds the characters of 扶贫 (poverty alleviation): helping employees in
    hardship is not the rural topic, so the vocabulary holds 扶贫's compounds, not 扶贫 alone."""
    assert "rural-revitalization" not in found(criteria, "general", "工会帮扶贫困职工家庭。")


def test_a_term_counts_for_one_topic(criteria: CriteriaSet) -> None:
    """An added industry term is no other topic's phrase: 脱硝 finds the kiln topic and nothing else
    in the line (the general pollution topic has its own words)."""
    doc = from_text("熟料线完成脱硝。", "draft.txt")
    topics = {topic for _, topic, _, _ in topic_mentions(doc, criteria.catalog_for("construction"))}
    assert topics == {"kiln-emissions-control"}


# --- real reports (skipped where ../shared is absent) --------------------------------------------


def _topics_of(path: Path, criteria: CriteriaSet, pack: str) -> dict[str, bool]:
    if not path.is_file():
        pytest.skip(f"{path} not available")
    doc = read_document(path)
    facts = masked(doc, parts(doc))
    return {item.value["id"]: item.review is None for item in extract_topics(facts, criteria.catalog_for(pack))}


def test_rated_building_materials_report_covers_its_kiln_topics(criteria: CriteriaSet) -> None:
    """The Committee gave this report five stars on substance; its kiln denitrification and
    low-carbon cement are found as their topics."""
    topics = _topics_of(CNBM, criteria, "construction")
    assert topics.get("kiln-emissions-control") is True
    assert topics.get("building-materials-decarbonisation") is True


def test_oil_and_gas_report_covers_supply_and_flaring(criteria: CriteriaSet) -> None:
    topics = _topics_of(SINOPEC, criteria, "oil-gas")
    assert topics.get("oil-gas-supply-security") is True
    assert topics.get("flaring-venting") is True
