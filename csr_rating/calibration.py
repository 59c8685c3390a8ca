"""Agreement with published ratings: a rated set, scored, beside the stars the Committee gave.

A rated set (``RatedSet``, YAML) lists reports with their published stars. Each report is a
structured YAML or a draft ingested on the fly (with lines to blank first, such as a rating letter
printed in it: a draft never holds its rating), optionally with an answers file from
``csr-rating ask``. Each is scored as a range (``ranging``): where the published star lies inside
[low, high] the rating agrees; elsewhere the error is the distance to the nearer end. Exact,
within-half-a-star, mean absolute error and signed bias are taken on that distance, so a report
with nothing unknown is judged on its one star and a draft on what it can show.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from csr_rating.criteria import CriteriaSet
from csr_rating.errors import InputError
from csr_rating.loading import parse_text
from csr_rating.report import Report
from csr_rating.scorecard import Range, Scorecard
from csr_rating.yamlio import read_text

OVERALL = "overall"
Stars = Annotated[float, Field(ge=0, le=5, multiple_of=0.5)]


class Blank(BaseModel):
    """Lines of a draft to blank before ingesting it: from the first line starting with ``start`` to
    the line before the first later one starting with ``end`` (to the end without ``end``)."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, defer_build=True)
    start: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    end: Annotated[str, StringConstraints(min_length=1, max_length=200)] | None = None


class Figures(BaseModel):
    """Figures the rating letter published, shown beside csr-rating's for the record."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, defer_build=True)
    core_share: Annotated[float, Field(ge=0, le=100)] | None = Field(None, description="Share of core indicators, %.")
    three_year_indicators: Annotated[int, Field(ge=0)] | None = None
    negative_indicators: list[str] = Field(default_factory=list, max_length=100)


class RatedReport(BaseModel):
    """One rated report: where it is, and the stars published for it."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, defer_build=True)
    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+([.-][a-z0-9]+)*$")]
    report: Annotated[str, StringConstraints(min_length=1)] = Field(
        description="A structured report YAML or a draft (.txt .md .pdf .docx), relative to this file."
    )
    answers: str | None = Field(None, description="An answers file (csr-rating ask --answers) for a draft.")
    blank: list[Blank] = Field(default_factory=list, description="Lines of the draft to blank (a rating letter).")
    industry: str | None = None
    year: Annotated[int, Field(ge=1950, le=2100)] | None = None
    group: str | None = Field(None, description="Entries of one report (its YAML and its text) share a group.")
    standard: str = Field("cass-csr-4.0", description="The standard it was rated under.")
    source: str = Field(description="Where the published rating comes from.")
    optional: bool = Field(False, description="Skip, with a note, when the file is absent (material outside the repo).")
    published: dict[str, Stars] = Field(description="Published stars per dimension id, and `overall`.")
    figures: Figures | None = None

    @model_validator(mode="after")
    def _overall(self) -> RatedReport:
        if OVERALL not in self.published:
            raise ValueError("published stars need the `overall` rating")
        return self


class RatedSet(BaseModel):
    """A list of rated reports: the development set ``calibration/rated.yaml``, or a rater's archive."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, title="csr-rating rated set", defer_build=True)
    reports: list[RatedReport] = Field(min_length=1, max_length=1000)

    @model_validator(mode="after")
    def _unique(self) -> RatedSet:
        ids = [r.id for r in self.reports]
        for index, entry in enumerate(ids):
            if entry in ids[:index]:
                raise ValueError(f"report id {entry!r} is listed twice")
        return self


@dataclass(frozen=True)
class Scored:
    """A rated report as csr-rating scores it."""

    entry: RatedReport
    report: Report
    card: Scorecard


def load_set(path: Path) -> RatedSet:
    rated, _ = parse_text(RatedSet, read_text(path), str(path))
    return rated


def load_entry(entry: RatedReport, folder: Path, criteria: CriteriaSet) -> Report | None:
    """The entry's report, ingested and answered where it is a draft; None when it is optional and
    absent."""
    from csr_rating.api import answer_loaded
    from csr_rating.ingest.suffixes import is_draft

    path = (folder / entry.report).resolve()
    if not path.exists():
        if entry.optional:
            return None
        raise InputError(str(path), f"report of {entry.id!r} not found")
    if not is_draft(path):
        if entry.answers is not None:
            raise InputError(entry.id, "answers go with a draft; answer a YAML report with csr-rating ask")
        report, _ = parse_text(Report, read_text(path), str(path))
        return report
    text = _ingested(path, entry, criteria)
    if entry.answers is not None:
        text = answer_loaded(text, str(path), (folder / entry.answers).resolve(), criteria)
    report, _ = parse_text(Report, text, f"{path} (ingested)")
    return report


def _ingested(path: Path, entry: RatedReport, criteria: CriteriaSet) -> str:
    from csr_rating.ingest.document import Document, Line
    from csr_rating.ingest.pipeline import ingest_document
    from csr_rating.ingest.readers import read_document

    doc = read_document(path)
    lines = list(doc.lines)
    for blank in entry.blank:
        start = next((i for i, line in enumerate(lines) if line.text.strip().startswith(blank.start)), None)
        if start is None:
            raise InputError(str(path), f"{entry.id}: no line starts with {blank.start!r} to blank from")
        end = len(lines)
        if blank.end is not None:
            end = next((i for i in range(start + 1, len(lines)) if lines[i].text.strip().startswith(blank.end)), end)
        lines[start:end] = [Line("", line.number, line.page) for line in lines[start:end]]
    draft = ingest_document(
        Document(doc.path, doc.kind, tuple(lines), doc.pictures),
        industry=entry.industry,
        year=entry.year,
        criteria=criteria,
    )
    return draft.yaml


def distance(published: float, found: Range | None) -> float:
    """Stars between the published rating and the range (0 inside it); signed: + when csr-rating is higher."""
    if found is None:
        return 0.0
    if published < found.low_stars:
        return found.low_stars - published
    if published > found.high_stars:
        return found.high_stars - published
    return 0.0


@dataclass(frozen=True)
class Agreement:
    """Per dimension (and overall): how often and how far csr-rating agrees with the published stars."""

    count: int
    exact: float
    within_half: float
    mae: float
    bias: float
    in_range: float

    def as_dict(self) -> dict[str, Any]:
        return {
            "count": self.count,
            "exact": round(self.exact, 3),
            "within_half": round(self.within_half, 3),
            "mae": round(self.mae, 3),
            "bias": round(self.bias, 3),
            "in_range": round(self.in_range, 3),
        }


def agreement(published: list[dict[str, float]], ranges: list[dict[str, Range]], dimension: str) -> Agreement | None:
    """Agreement on ``dimension`` over the reports that published it; None if none did."""
    errors: list[float] = []
    inside: list[bool] = []
    for stars, found in zip(published, ranges, strict=True):
        if dimension not in stars or dimension not in found:
            continue
        errors.append(distance(stars[dimension], found[dimension]))
        inside.append(found[dimension].low_stars <= stars[dimension] <= found[dimension].high_stars)
    if not errors:
        return None
    count = len(errors)
    return Agreement(
        count=count,
        exact=sum(1 for e in errors if e == 0) / count,
        within_half=sum(1 for e in errors if abs(e) <= 0.5) / count,
        mae=sum(abs(e) for e in errors) / count,
        bias=sum(errors) / count,
        in_range=sum(inside) / count,
    )


def ranges_of(card: Scorecard) -> dict[str, Range]:
    """A scorecard's ranges by dimension id and ``overall``."""
    found = {d.id: d.range for d in card.dimensions if d.range is not None}
    if card.overall.range is not None:
        found[OVERALL] = card.overall.range
    return found


@dataclass(frozen=True)
class Run:
    """What ``csr-rating calibrate`` found: per report, the published stars and csr-rating's ranges
    (in-sample), with a fit also the leave-one-out ranges and the fitted values."""

    ids: list[str]
    published: list[dict[str, float]]
    figures: list[Figures | None]
    in_sample: list[dict[str, Range]]
    leave_one_out: list[dict[str, Range]] | None
    fitted: dict[str, tuple[float, float]] | None  # parameter -> (as written, fitted)
    dimensions: list[str]
    notes: list[str]

    def table(self, ranges: list[dict[str, Range]]) -> dict[str, Agreement]:
        found = {d: agreement(self.published, ranges, d) for d in (*self.dimensions, OVERALL)}
        return {d: a for d, a in found.items() if a is not None}


def render_json(run: Run) -> str:
    import json

    def ranges(found: dict[str, Range]) -> dict[str, Any]:
        return {d: r.model_dump() for d, r in found.items()}

    inside = run.table(run.in_sample)
    doc: dict[str, Any] = {
        "dimensions": {d: a.as_dict() for d, a in inside.items() if d != OVERALL},
        "overall": inside[OVERALL].as_dict() if OVERALL in inside else None,
        "reports": [
            {"id": i, "published": p, "figures": f.model_dump() if f else None, "range": ranges(r)}
            for i, p, f, r in zip(run.ids, run.published, run.figures, run.in_sample, strict=True)
        ],
        "leave_one_out": None,
        "fitted": None if run.fitted is None else {k: {"written": a, "fitted": b} for k, (a, b) in run.fitted.items()},
        "notes": run.notes,
    }
    if run.leave_one_out is not None:
        loo = run.table(run.leave_one_out)
        doc["leave_one_out"] = {
            "dimensions": {d: a.as_dict() for d, a in loo.items() if d != OVERALL},
            "overall": loo[OVERALL].as_dict() if OVERALL in loo else None,
            "reports": [{"id": i, "range": ranges(r)} for i, r in zip(run.ids, run.leave_one_out, strict=True)],
        }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def render_text(run: Run, markdown: bool = False) -> str:
    """The agreement table (and, with a fit, leave-one-out beside it), then the stars per report."""
    inside = run.table(run.in_sample)
    loo = run.table(run.leave_one_out) if run.leave_one_out is not None else {}
    head = ["dimension", "n", "exact", "within ½★", "MAE", "bias", "in range"]
    if loo:
        head += ["LOO within ½★", "LOO MAE"]
    rows = []
    for dimension, a in inside.items():
        row = [
            dimension,
            str(a.count),
            _pct(a.exact),
            _pct(a.within_half),
            f"{a.mae:.2f}",
            f"{a.bias:+.2f}",
            _pct(a.in_range),
        ]
        if loo:
            other = loo.get(dimension)
            row += [_pct(other.within_half), f"{other.mae:.2f}"] if other else ["", ""]
        rows.append(row)
    lines = _grid(head, rows, markdown)
    lines += ["", "Per report: csr-rating's stars (low–high where facts are unknown) / published", ""]
    per = [["report", *run.dimensions, OVERALL]]
    for ident, stars, found in zip(run.ids, run.published, run.in_sample, strict=True):
        per.append([ident, *(_cell(found.get(d), stars.get(d)) for d in (*run.dimensions, OVERALL))])
    lines += _grid(per[0], per[1:], markdown)
    published = [(i, f) for i, f in zip(run.ids, run.figures, strict=True) if f is not None]
    if published:
        lines += ["", "Figures the rating letters published:", ""]
        for ident, figures in published:
            parts = [f"{figures.core_share:g}% of core indicators"] if figures.core_share is not None else []
            if figures.three_year_indicators is not None:
                parts.append(f"{figures.three_year_indicators} indicators over three years")
            if figures.negative_indicators:
                parts.append("negative indicators: " + ", ".join(figures.negative_indicators))
            lines.append(f"- {ident}: {'; '.join(parts)}")
    if run.fitted:
        lines += ["", "Fitted parameters (as written → fitted):", ""]
        lines += [f"- {name}: {written:g} → {value:g}" for name, (written, value) in run.fitted.items()]
    lines += [f"note: {note}" for note in run.notes]
    return "\n".join(lines) + "\n"


def _pct(value: float) -> str:
    return f"{100 * value:.0f}%"


def _cell(found: Range | None, published: float | None) -> str:
    if found is None:
        return "—"
    ours = f"{found.low_stars:g}" + (f"–{found.high_stars:g}" if found.high_stars != found.low_stars else "")
    return f"{ours} / {published:g}" if published is not None else ours


def _grid(head: list[str], rows: list[list[str]], markdown: bool) -> list[str]:
    if markdown:
        out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        return out + ["| " + " | ".join(row) + " |" for row in rows]
    widths = [max(len(str(r[i])) for r in [head, *rows]) for i in range(len(head))]
    fmt = "  ".join(f"{{:<{w}}}" if i == 0 else f"{{:>{w}}}" for i, w in enumerate(widths))
    return [fmt.format(*head).rstrip()] + [fmt.format(*row).rstrip() for row in rows]
