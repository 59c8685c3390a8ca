"""Facts a draft cannot show: the ``unknown`` list an ingested report carries.

The Committee rates procedure by interviewing the report team and reading its records, and
readability from the designed pages. A draft's text shows neither in full, so what ingest did not
find there is unknown, not absent: the rating becomes a range, and each such fact a question.

- **How the report was made** (``PROCESS``): a fact not stated is unknown; a list the draft states
  only in part (release channels, materiality methods) stays unknown, as more may be true.
- **How it looks** (``LAYOUT``): pictures, charts, design, the boxes that hold cases and term
  explanations, and accessible versions are on the designed pages. A text, and the text layer of a
  PDF or Word file, shows at most some of them; the images of a PDF (not a scan) or a Word file are
  counted, so there pictures are known.
- **What it is published as** (``PUBLICATION``): forms and languages a draft rarely lists in full.
- **Indicators its index points to** (``indexed_indicators``): items the content index lists on a page
  whose figures the text does not show (a KPI page drawn as an image): the report has them, the
  draft cannot show them.
- **Features a text may not label** (``IF_NOT_FOUND``): a theme, special features, testimonials,
  an external rating or assurance: unknown only where ingest found none. Where no case box is
  labelled at all, the cases on the key topics (``topics.cases``) are unknown too.

Each entry says why, as a comment in the YAML; answering it (``csr-rating ask``) removes it.
"""

from __future__ import annotations

from typing import Any

from csr_rating.ingest.document import Document
from csr_rating.ingest.noted import Noted, plain

PROCESS = (
    "process.preparation_team",
    "process.leadership.final_review",
    "process.leadership.steering",
    "process.positioning",
    "process.materiality.methods",
    "process.management_rules",
    "process.subsidiary_reports",
    "process.release.channels",
    "process.feedback",
)
LAYOUT = (
    "readability.pictures",
    "readability.charts",
    "readability.design",
    "readability.cases",
    "readability.term_explanations",
    "readability.accessibility",
    "originality.new_forms",
)
PUBLICATION = ("meta.formats", "meta.languages")
IF_NOT_FOUND = ("readability.theme", "originality.special_features", "originality.testimonials", "meta.assurance")
LISTS_STATED_IN_PART = ("process.positioning", "process.materiality.methods", "process.release.channels")

WHY = {
    "process": "how the report was made: not stated in the draft",
    "part": "the draft states some; more may be true",
    "layout": "on the designed pages, which a {kind} draft does not show",
    "publication": "the forms and languages published are rarely all stated",
    "not_found": "none found in the draft; it may be there unlabelled",
    "indexed": "the content index lists them on pages whose figures the draft's text does not show",
    "no_boxes": "no case box is labelled in the draft, so the cases on its topics cannot be counted",
}


def unseen(doc: Document, data: dict[str, Any]) -> list[Noted]:
    """The unknown paths of an ingested report, each with the reason as its comment."""
    found: list[Noted] = []
    for path in PROCESS:
        value = _at(data, path)
        if _empty(value):
            found.append(Noted(path, WHY["process"]))
        elif path in LISTS_STATED_IN_PART:
            found.append(Noted(path, WHY["part"]))
    shown = {"readability.pictures"} if doc.pictures is not None else set()  # a PDF or Word file's images
    found += [Noted(path, WHY["layout"].format(kind=doc.kind)) for path in LAYOUT if path not in shown]
    found += [Noted(path, WHY["publication"]) for path in PUBLICATION]
    found += [Noted(path, WHY["not_found"]) for path in IF_NOT_FOUND if _empty(_at(data, path))]
    if plain(data.get("indexed_indicators")):
        found.append(Noted("indexed_indicators", WHY["indexed"]))
    if _empty(_at(data, "readability.cases")) and plain(data.get("topics")):
        found.append(Noted("topics.cases", WHY["no_boxes"]))  # no labelled case box: the text hides them
    return found


def _at(data: dict[str, Any], path: str) -> Any:
    value: Any = data
    for part in path.split("."):
        while isinstance(value, Noted):  # unwrap this level only: the rest of the draft stays as it is
            value = value.value
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return plain(value)


def _empty(value: Any) -> bool:
    if isinstance(value, dict):
        return all(_empty(v) for v in value.values())
    return value in (None, False, 0, "", [])
