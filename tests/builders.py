"""Small report and catalog builders so that tests state only what matters to them."""

from __future__ import annotations

from typing import Any

from csr_rating.catalog import Catalog
from csr_rating.checks.base import Context
from csr_rating.report import Report


def report(**sections: Any) -> Report:
    meta = {"organisation": "Fictitious Co.", "title": "Fictitious report", "year": 2020, "industry": "demo"}
    meta.update(sections.pop("meta", {}))
    return Report.model_validate({"meta": meta, **sections})


def catalog() -> Catalog:
    """A fictitious four-indicator, three-topic industry."""
    return Catalog.model_validate(
        {
            "id": "demo",
            "name": {"en": "Demo industry", "zh": "示例行业"},
            "categories": [{"id": "all", "name": {"en": "All", "zh": "全部"}}],
            "indicators": [
                {
                    "id": "demo.energy",
                    "name": {"en": "Energy use", "zh": "能源消耗"},
                    "aliases": ["power use"],
                    "unit": "MWh",
                    "category": "all",
                },
                {
                    "id": "demo.injuries",
                    "name": {"en": "Work injuries", "zh": "工伤人数"},
                    "unit": "persons",
                    "category": "all",
                    "negative": True,
                },
                {
                    "id": "demo.complaints",
                    "name": {"en": "Complaints", "zh": "投诉量"},
                    "category": "all",
                    "negative": True,
                },
                {
                    "id": "demo.policy",
                    "name": {"en": "Safety policy", "zh": "安全制度"},
                    "category": "all",
                    "kind": "qualitative",
                },
                {
                    "id": "demo.extra",
                    "name": {"en": "Extra metric", "zh": "扩展指标"},
                    "category": "all",
                    "tier": "extended",
                },
            ],
            "topics": [
                {"id": "safety", "name": {"en": "Safety", "zh": "安全"}, "aliases": ["workplace safety"]},
                {"id": "climate", "name": {"en": "Climate", "zh": "气候"}},
                {"id": "community", "name": {"en": "Community", "zh": "社区"}},
            ],
        }
    )


def general() -> Catalog:
    return Catalog.model_validate({"id": "general", "name": {"en": "General", "zh": "通用"}})


def context(rep: Report) -> Context:
    return Context(report=rep, industry=catalog(), general=general())
