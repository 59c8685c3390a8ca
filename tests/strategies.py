"""hypothesis strategies for structured reports, drawn from the bundled catalogs."""

from __future__ import annotations

import random
from typing import Any

from hypothesis import strategies as st

from csr_rating.loading import load_criteria
from csr_rating.report import Accessibility, MaterialityMethod, Positioning, ReleaseChannel, ReportFormat

CRITERIA = load_criteria()
YEAR = 2020
INDICATOR_IDS = sorted(i.id for c in CRITERIA.catalogs.values() for i in c.indicators)
TOPIC_IDS = sorted(t.id for t in CRITERIA.catalogs["telecom"].topics)
NAMES = st.text(alphabet="abcdefghijklmnopqrstuvwxyz []/:能源员工", min_size=1, max_size=20).filter(str.strip)


def _options(literal: Any) -> list[str]:
    return list(literal.__args__)


years = st.sets(st.integers(YEAR - 6, YEAR), max_size=5)
values = st.one_of(st.integers(-(10**6), 10**6), st.floats(-1e6, 1e6, allow_nan=False), st.just("2.2:1"))


@st.composite
def indicator(draw: st.DrawFn, used: set[str] | None = None) -> dict[str, Any]:
    item: dict[str, Any] = {"name": draw(NAMES)}
    if draw(st.booleans()):
        choice = draw(st.sampled_from(INDICATOR_IDS))
        if used is None or choice not in used:
            item["id"] = choice
    chosen = draw(years)
    if chosen:
        item["values"] = {y: draw(values) for y in sorted(chosen)}
    else:
        item["narrative"] = "disclosed in words"
    if draw(st.booleans()):
        item["negative"] = draw(st.booleans())
    if draw(st.integers(0, 4)) == 0:
        item["benchmark"] = [
            {"kind": draw(st.sampled_from(["peer", "industry", "ranking", "target"])), "description": "compared"}
        ]
    return item


def _unique_ids(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: set[str] = set()
    for item in items:
        if "id" in item:
            if item["id"] in seen:
                del item["id"]
            else:
                seen.add(item["id"])
    return items


@st.composite
def report(draw: st.DrawFn) -> dict[str, Any]:
    industry = draw(st.sampled_from(["telecom", "general"]))
    process: dict[str, Any] = {}
    if draw(st.booleans()):
        process["preparation_team"] = {"lead_department": "Strategy"}
    if draw(st.booleans()):
        process["leadership"] = {"steering": ["Chair"], "final_review": "Board"}
    process["positioning"] = draw(st.lists(st.sampled_from(_options(Positioning)), unique=True))
    process["materiality"] = {
        "methods": draw(st.lists(st.sampled_from(_options(MaterialityMethod)), unique=True)),
        "issues": draw(st.lists(NAMES, max_size=7)),
    }
    process["management_rules"] = draw(st.lists(NAMES, max_size=2))
    process["subsidiary_reports"] = draw(st.lists(NAMES, max_size=2))
    process["release"] = {"channels": draw(st.lists(st.sampled_from(_options(ReleaseChannel)), unique=True))}
    topics = (
        [
            {
                "id": t,
                "name": t,
                "depth": draw(st.sampled_from(["mentioned", "detailed"])),
                "cases": draw(st.integers(0, 5)),
            }
            for t in draw(st.lists(st.sampled_from(TOPIC_IDS), unique=True, max_size=12))
        ]
        if industry == "telecom"
        else [{"name": n, "cases": 1} for n in draw(st.lists(NAMES, max_size=5))]
    )
    return {
        "meta": {
            "organisation": "Fictitious Co.",
            "title": "Fictitious report",
            "year": YEAR,
            "industry": industry,
            "languages": draw(st.lists(st.sampled_from(["en", "zh"]), unique=True)),
            "formats": draw(st.lists(st.sampled_from(_options(ReportFormat)), unique=True)),
        },
        "process": process,
        "topics": topics,
        "indicators": _unique_ids(draw(st.lists(indicator(), max_size=40))),
        "negative_disclosures": [
            {"title": n, "explanation": "because"} if draw(st.booleans()) else {"title": n}
            for n in draw(st.lists(NAMES, max_size=4))
        ],
        "readability": {
            "theme": draw(st.one_of(st.none(), NAMES)),
            "chapters": draw(st.lists(NAMES, max_size=5)),
            "term_explanations": draw(st.integers(0, 5)),
            "cases": draw(st.integers(0, 40)),
            "pictures": draw(st.integers(0, 40)),
            "charts": draw(st.integers(0, 12)),
            "data_tables": draw(st.integers(0, 4)),
            "feedback_form": draw(st.booleans()),
            "accessibility": draw(st.lists(st.sampled_from(_options(Accessibility)), unique=True)),
        },
        "originality": {
            "special_features": [{"title": n} for n in draw(st.lists(NAMES, max_size=2))],
            "testimonials": [{"who": n} for n in draw(st.lists(NAMES, max_size=7))],
            "new_forms": [{"title": n} for n in draw(st.lists(NAMES, max_size=3))],
        },
    }


@st.composite
def addition(draw: st.DrawFn, data: dict[str, Any]) -> dict[str, Any]:
    """The same report with one more disclosure: an indicator, a year, a topic, a process step, …"""
    import copy

    new = copy.deepcopy(data)
    kind = draw(st.sampled_from(["indicator", "year", "topic", "process", "negative", "feature", "depth"]))
    indicators = new["indicators"]
    used = {i["id"] for i in indicators if "id" in i}
    if kind == "indicator":
        indicators.append(draw(indicator(used)))
    elif kind == "year" and indicators:
        target = indicators[draw(st.integers(0, len(indicators) - 1))]
        free = [y for y in range(YEAR - 6, YEAR + 1) if y not in target.get("values", {})]
        if free:
            target.setdefault("values", {})[draw(st.sampled_from(free))] = draw(values)
    elif kind == "topic" and new["meta"]["industry"] == "telecom":
        new["topics"].append({"id": draw(st.sampled_from(TOPIC_IDS)), "name": "t", "depth": "mentioned"})
    elif kind == "topic":
        new["topics"].append({"name": draw(NAMES)})
    elif kind == "depth" and new["topics"]:
        new["topics"][draw(st.integers(0, len(new["topics"]) - 1))]["depth"] = "detailed"
    elif kind == "process":
        step = draw(st.sampled_from(["team", "rules", "subs", "method", "feedback"]))
        process = new["process"]
        if step == "team":
            process["preparation_team"] = {"lead_department": "CSR office"}
        elif step == "rules":
            process["management_rules"] = [*process["management_rules"], "CSR disclosure rules"]
        elif step == "subs":
            process["subsidiary_reports"] = [*process["subsidiary_reports"], "Sub Co."]
        elif step == "method":
            methods = process["materiality"]["methods"]
            free = [m for m in _options(MaterialityMethod) if m not in methods]
            if free:
                methods.append(draw(st.sampled_from(free)))
        else:
            process["feedback"] = {"responses": 10}
    elif kind == "negative":
        new["negative_disclosures"].append({"title": "A fine", "kind": "penalty", "measures": "training"})
    elif kind == "feature":
        new["originality"]["special_features"].append({"title": "Feature"})
    return new


def shuffled(node: Any, rng: random.Random) -> Any:
    """The same document with every mapping's keys in another order (order carries no meaning)."""
    if isinstance(node, dict):
        items = list(node.items())
        rng.shuffle(items)
        return {key: shuffled(value, rng) for key, value in items}
    if isinstance(node, list):
        return [shuffled(value, rng) for value in node]
    return node
