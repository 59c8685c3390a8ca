"""Segments of an industry: a building-materials group is not asked for construction sites. Items a
pack tags with a segment count only for reports in it (meta.segments); ingest detects the segments
from the draft's words; with none given, the whole industry applies as before."""

from __future__ import annotations

import pytest

from csr_rating.catalog import CatalogIndicator, CatalogTopic, applies
from csr_rating.consistency import check_report
from csr_rating.criteria import CriteriaSet
from csr_rating.engine import score
from csr_rating.errors import InputError
from csr_rating.ingest.document import from_text
from csr_rating.ingest.pipeline import ingest_document
from csr_rating.report import Report
from csr_rating.yamlio import load_yaml

CEMENT = "\n".join(
    ["示例建材集团2020年社会责任报告"] + ["公司水泥熟料产能稳步提升，水泥窑协同处置能力增强，玻纤产品畅销。"] * 4
)


def _report(segments: list[str], topics: list[dict]) -> Report:
    meta = {"organisation": "X", "title": "T", "year": 2020, "industry": "construction", "segments": segments}
    return Report.model_validate({"meta": meta, "topics": topics})


def test_an_item_of_another_segment_does_not_apply():
    topic = CatalogTopic.model_validate(
        {"id": "site-safety", "name": {"en": "a", "zh": "b"}, "segments": ["construction"]}
    )
    assert applies(topic, []) and applies(topic, ["construction"]) and not applies(topic, ["building-materials"])
    shared = CatalogIndicator.model_validate({"id": "x.y", "name": {"en": "a", "zh": "b"}, "category": "c"})
    assert applies(shared, ["building-materials"])


def test_key_topics_of_other_segments_leave_the_denominator(criteria: CriteriaSet):
    topics = [{"name": "水泥窑协同处置", "depth": "detailed"}, {"name": "窑炉烟气治理", "depth": "detailed"}]
    whole = score(_report([], topics), criteria)
    cement = score(_report(["building-materials"], topics), criteria)
    key = {c.id: c for d in cement.dimensions for c in d.criteria}["substance.key-topics"]
    before = {c.id: c for d in whole.dimensions for c in d.criteria}["substance.key-topics"]
    assert key.earned > before.earned
    assert not any("施工安全" in m.zh or "Construction site safety" in m.en for m in key.missing)


def test_a_segment_the_catalog_does_not_have_is_an_input_error_naming_the_field(criteria: CriteriaSet):
    text = "meta: {organisation: X, title: T, year: 2020, industry: construction, segments: [shipbuilding]}\n"
    data, source = load_yaml(text, "r.yaml")
    with pytest.raises(InputError, match=r"r\.yaml:1.*segment 'shipbuilding' is not a segment of the construction"):
        check_report(Report.model_validate(data), source, criteria)


def test_ingest_detects_the_segment_from_the_drafts_words(criteria: CriteriaSet):
    draft = ingest_document(from_text(CEMENT, "草稿.txt"), criteria=criteria, industry="construction", year=2020)
    assert draft.report.meta.segments == ["building-materials"]
    assert "# review: segments of construction" in draft.yaml


def test_without_enough_evidence_the_whole_industry_applies(criteria: CriteriaSet):
    draft = ingest_document(
        from_text("示例集团2020年社会责任报告\n公司持续完善治理。", "草稿.txt"),
        criteria=criteria,
        industry="construction",
        year=2020,
    )
    assert draft.report.meta.segments == []
