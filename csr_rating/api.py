"""The library entry points the CLI uses; everything the CLI does is one call here."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from csr_rating.consistency import check_report
from csr_rating.criteria import CriteriaSet
from csr_rating.draft_lines import draft_lines
from csr_rating.errors import InputError
from csr_rating.gcpause import paused
from csr_rating.i18n import Lang
from csr_rating.ingest.suffixes import is_draft
from csr_rating.loading import DEFAULT_STANDARD, load_criteria, load_report, parse_text
from csr_rating.ranging import score_range
from csr_rating.report import Report
from csr_rating.review import count_reviews
from csr_rating.scorecard import Question, Scorecard
from csr_rating.yamlio import STDIN, read_text

if TYPE_CHECKING:
    from csr_rating.calibration import Run
    from csr_rating.fitting import Knob
    from csr_rating.ingest.pipeline import Draft

def schema_model(name: str) -> Any:
    """The pydantic model (or union of models) of an input format (one of ``names.SCHEMA_NAMES``),
    imported only when asked for: every command pays at start-up for what it imports."""
    from csr_rating.calibration import RatedSet
    from csr_rating.catalog import CatalogFile
    from csr_rating.config import Config
    from csr_rating.criteria import DimensionCriteria, Standard, StandardOverlay

    models: dict[str, Any] = {
        "report": Report,
        "standard": Standard | StandardOverlay,  # a standard of its own, or an overlay that extends one
        "criteria": DimensionCriteria,
        "catalog": CatalogFile,
        "rated": RatedSet,  # a rated set for csr-rating calibrate
        "config": Config,  # project settings: .csr-rating.yaml or [tool.csr-rating]
    }
    return models[name]


def rate(
    report_path: Path | str,
    criteria: CriteriaSet | None = None,
    *,
    industry: str | None = None,
    year: int | None = None,
) -> Scorecard:
    """Load, validate and score one report: a structured YAML file, "-" for YAML on standard input,
    or a draft (.txt, .md, .pdf, .docx) ingested on the fly. Raises InputError on any bad input."""
    criteria = criteria if criteria is not None else load_criteria(standard=DEFAULT_STANDARD)
    # see gcpause: a tenth of a batch's time went to the collector. The work is a call of its own so
    # that the report, its source map and the draft are freed before the collector is back on: the
    # collection that resuming triggers then walks the scorecard alone.
    with paused():
        return _rate(report_path, criteria, industry, year)


def _rate(report_path: Path | str, criteria: CriteriaSet, industry: str | None, year: int | None) -> Scorecard:
    if is_draft(report_path):
        draft = ingest_draft(report_path, industry=industry, year=year, criteria=criteria)
        report, ingested = parse_text(Report, draft.yaml, f"{report_path} (ingested)")
        warnings = check_report(report, ingested, criteria)
        return score_range(report, criteria, draft_lines(draft.yaml, ingested, str(report_path)), notes=warnings)
    report, source = load_report(report_path)
    warnings = check_report(report, source, criteria)
    return score_range(report, criteria, source, notes=warnings)


def rate_text(text: str, shown: str, criteria: CriteriaSet) -> Scorecard:
    """Validate and score report YAML held in memory (an ingested draft, a page's edited report);
    ``shown`` names it in messages and on the scorecard. Raises InputError on any bad input."""
    with paused():  # as rate(): the work's objects are freed before the collector resumes
        return _rate_text(text, shown, criteria)


def _rate_text(text: str, shown: str, criteria: CriteriaSet) -> Scorecard:
    report, source = parse_text(Report, text, shown)
    warnings = check_report(report, source, criteria)
    return score_range(report, criteria, source, notes=warnings)


def reviews_left(report_path: Path | str) -> int:
    """How many ``# review:`` notes an ingested YAML file still holds; 0 for a draft scored on the fly
    or standard input, whose notes the author never saw."""
    if str(report_path) == STDIN or is_draft(report_path):
        return 0
    return count_reviews(read_text(Path(report_path)))


def answer(
    report_path: Path | str,
    criteria: CriteriaSet,
    ask: Callable[[list[Question]], dict[str, Any]],
) -> tuple[str, dict[str, Any], Scorecard | None]:
    """The report YAML with the answers ``ask`` gives to its ranked questions: (new text, answers,
    the new scorecard). With no answers the text is unchanged and there is no new scorecard."""
    from csr_rating.asking import apply

    text = read_text(Path(report_path))
    report, source = parse_text(Report, text, str(report_path))
    check_report(report, source, criteria)
    card = score_range(report, criteria, source)
    given = ask(card.questions)
    if not given:
        return text, given, None
    new = apply(text, report, given, source=str(report_path))
    return new, given, rate_text(new, f"{report_path} (answered)", criteria)


def answer_text(text: str, shown: str, given: dict[str, Any], criteria: CriteriaSet) -> tuple[str, Scorecard]:
    """Report YAML text with ``given`` answers written in (comments kept) and its new scorecard;
    nothing is written anywhere. Raises InputError for an answer that does not fit."""
    from csr_rating.asking import apply

    report, _ = parse_text(Report, text, shown)
    new = apply(text, report, given, source=shown)
    return new, rate_text(new, shown, criteria)


def answer_loaded(text: str, shown: str, answers_path: Path, criteria: CriteriaSet) -> str:
    """Report YAML text with an answers file applied (as ``csr-rating ask --answers`` would), unwritten."""
    from csr_rating.answers import load_answers
    from csr_rating.asking import apply

    report, source = parse_text(Report, text, shown)
    check_report(report, source, criteria)
    return apply(text, report, load_answers(answers_path), source=shown)


def calibrate(rated_path: Path, criteria: CriteriaSet, *, fit: bool = False) -> tuple[Run, dict[Knob, float] | None]:
    """Score every report of a rated set beside its published stars; with ``fit``, fit the criteria's
    free parameters on them and add leave-one-out agreement. Returns the run and the fitted values."""
    from csr_rating.calibration import Run, Scored, load_entry, load_set, ranges_of
    from csr_rating.fitting import Evaluator, knobs, leave_one_out
    from csr_rating.fitting import fit as fit_knobs

    rated = load_set(rated_path)
    scored: list[Scored] = []
    notes: list[str] = []
    for entry in rated.reports:
        report = load_entry(entry, rated_path.parent, criteria)
        if report is None:
            notes.append(f"{entry.id}: {entry.report} not found; skipped (optional)")
            continue
        if entry.standard != criteria.standard.id:
            notes.append(f"{entry.id}: rated under {entry.standard}, scored under {criteria.standard.id}")
        scored.append(Scored(entry, report, score_range(report, criteria, ask=False)))
    if not scored:
        raise InputError(str(rated_path), "no report of the rated set could be read")
    dimensions = [d.spec.id for d in criteria.dimensions]
    published = [dict(s.entry.published) for s in scored]
    figures = [s.entry.figures for s in scored]
    ids = [s.entry.id for s in scored]
    if not fit:
        in_sample = [ranges_of(s.card) for s in scored]
        return Run(ids, published, figures, in_sample, None, None, dimensions, notes), None
    all_knobs = knobs(criteria)
    if not all_knobs:
        raise InputError(str(rated_path), f"{criteria.standard.id} declares no free parameters to fit")
    evaluator = Evaluator(criteria, scored)
    values = fit_knobs(evaluator, list(range(len(scored))), all_knobs)
    in_sample = [evaluator.ranges(values, i) for i in range(len(scored))]
    loo_by_index = leave_one_out(evaluator, all_knobs)
    loo = [loo_by_index[i] for i in range(len(scored))]
    fitted = {k.name: (k.original, v) for k, v in values.items()}
    return Run(ids, published, figures, in_sample, loo, fitted, dimensions, notes), values


def ingest_draft(
    draft_path: Path | str, *, industry: str | None = None, year: int | None = None, criteria: CriteriaSet | None = None
) -> Draft:
    """Read a draft (.txt, .md, .pdf, .docx or "-") into a structured report; see ``Draft.yaml``.
    Imported here, not at the top: scoring a YAML report never pays for the PDF and Word readers."""
    from csr_rating.ingest.pipeline import ingest

    with paused():  # as for rating (gcpause): reading a draft makes no cycles either
        return ingest(draft_path, industry=industry, year=year, criteria=criteria)


def default_lang(languages: list[str]) -> Lang:
    """The report's first language that we can write, else English."""
    for code in languages:
        if code in ("en", "zh"):
            return code  # type: ignore[return-value]
        if code.startswith("zh"):
            return "zh"
    return "en"


def json_schema(name: str) -> str:
    """The published JSON Schema of an input format, generated from its pydantic model."""
    from pydantic import TypeAdapter

    schema = TypeAdapter(schema_model(name)).json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def industries(criteria: CriteriaSet) -> list[dict[str, Any]]:
    """One row per catalog: what ``csr-rating industries`` prints (and its JSON)."""
    rows = []
    for catalog in sorted(criteria.catalogs.values(), key=lambda c: (bool(c.extends), c.id)):
        core = catalog.core()
        rows.append(
            {
                "id": catalog.id,
                "name": {"en": catalog.name.en, "zh": catalog.name.zh},
                "extends": catalog.extends[0] if catalog.extends else None,
                "core": len(core),
                "quantitative": sum(1 for i in core if i.kind == "quantitative"),
                "own_core": sum(1 for i in catalog.own_indicators() if i.tier == "core"),
                "topics": len(catalog.topics),
                "own_topics": len(catalog.own_topics()),
                "detect_words": len(catalog.lexicon.detect.all()),
                "share_scale": catalog.share_scale,
            }
        )
    return rows
