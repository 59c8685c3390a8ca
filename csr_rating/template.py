"""`csr-rating init`: a commented report template for an industry — every section of the report format
present and valid (it scores as an empty report), each field with what it means (from the report
model's own descriptions), and the industry catalog's key topics and core indicators ready to uncomment.
"""

from __future__ import annotations

import json
import types
import typing
from typing import Any

from pydantic import BaseModel

from csr_rating.criteria import CriteriaSet
from csr_rating.i18n import Lang
from csr_rating.report import Originality, Process, Readability
from csr_rating.unknowns import unwrap

SECTIONS: tuple[tuple[str, type[BaseModel]], ...] = (
    ("process", Process),
    ("readability", Readability),
    ("originality", Originality),
)


def _empty(annotation: Any) -> str:
    """The YAML of a field left empty: a list is [], a count 0, a flag false, anything else null."""
    inner, _ = unwrap(annotation)
    options = typing.get_args(inner) if typing.get_origin(inner) in (typing.Union, types.UnionType) else (inner,)
    kinds = {typing.get_origin(unwrap(o)[0]) or unwrap(o)[0] for o in options}
    if list in kinds:
        return "[]"
    if type(None) in kinds:
        return "null"
    if int in kinds:
        return "0"
    if bool in kinds:
        return "false"
    return "null"


def _model_of(annotation: Any) -> type[BaseModel] | None:
    inner, _ = unwrap(annotation)
    for option in (inner, *typing.get_args(inner)):
        candidate, _ = unwrap(option)
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def _section(name: str, model: type[BaseModel]) -> list[str]:
    lines = [f"{name}:"]
    for field_name, field in model.model_fields.items():
        if field.description:
            lines.append(f"  # {field.description}")
        nested = _model_of(field.annotation)
        if nested is not None and typing.get_origin(unwrap(field.annotation)[0]) is not list:
            for sub_name, sub in nested.model_fields.items():
                note = f": {sub.description}" if sub.description else ""
                lines.append(f"  #   {sub_name}{note}")
        lines.append(f"  {field_name}: {_empty(field.annotation)}")
    return lines


def template(criteria: CriteriaSet, industry: str, year: int, lang: Lang = "en") -> str:
    """The template's YAML text (``industry`` a catalog id; an unknown one is an input error upstream)."""
    catalog = criteria.catalog_for(industry)
    name = catalog.name.get(lang) if hasattr(catalog, "name") else industry
    lines = [
        f"# A csr-rating report template: industry {name} ({industry}), standard {criteria.standard.id}.",
        "# Fill in what the report discloses and delete what it does not; `csr-rating score` rates this file and",
        "# `csr-rating schema report` prints the whole format. Every section is present and valid as it stands.",
        "meta:",
        "  organisation: Your organisation   # its full name",
        f"  title: Your CSR report {year}",
        f"  year: {year}",
        f"  industry: {industry}",
        f"  languages: [{lang}]",
        "",
    ]
    for section, model in SECTIONS[:1]:
        lines += [*_section(section, model), ""]
    lines.append(f"# The key topics of {name}: uncomment those the report covers (depth: detailed or mentioned).")
    lines.append("topics:")  # empty (null) is no topic; uncommented entries make the list
    for topic in catalog.topics_for(()):
        listed = {"id": topic.id, "name": topic.name.get(lang), "depth": "detailed", "cases": 0}
        lines.append(f"  # - {json.dumps(listed, ensure_ascii=False)}")
    lines += ["", f"# The core indicators of {name}: uncomment each the report discloses and give its values by year."]
    lines.append("indicators:")
    for item in catalog.core():
        entry: dict[str, Any] = {"id": item.id, "name": item.name.get(lang)}
        if item.kind == "quantitative":
            if item.unit:
                entry["unit"] = item.unit
            entry["values"] = {str(year): 0}
        else:
            entry["narrative"] = "what the report discloses"
        lines.append(f"  # - {json.dumps(entry, ensure_ascii=False)}")
    lines += [
        "",
        "# Unfavourable information the report itself discusses (an incident, a penalty, a missed target).",
        "negative_disclosures: []",
        "",
    ]
    for section, model in SECTIONS[1:]:
        lines += [*_section(section, model), ""]
    return "\n".join(lines).rstrip() + "\n"
