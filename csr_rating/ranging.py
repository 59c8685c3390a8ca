"""The rating as a range while some facts are unknown, and the questions that narrow it.

The low end scores the report as given: an unknown fact counts as absent, or as what the draft
shows of it. The high end scores it with every unknown fact at its best (``unknowns.best_case``).
With no unknown facts both ends are the same scorecard, so hand-written reports score as before.
A criterion whose points differ between the ends depends on unknown facts: it gets a question,
never a suggestion to add what the report may already have.
"""

from __future__ import annotations

from csr_rating.criteria import CriteriaSet
from csr_rating.engine import overall_with, score
from csr_rating.report import Report
from csr_rating.scorecard import Range, Scorecard
from csr_rating.yamlio import SourceMap

SAME = 1e-6  # criterion points: closer than this, the unknown facts do not move it


def score_range(
    report: Report,
    criteria: CriteriaSet,
    source: SourceMap | None = None,
    notes: list[str] | None = None,
    *,
    ask: bool = True,
) -> Scorecard:
    """Score ``report`` with a low and a high end per dimension and overall, and (``ask``) its questions."""
    if not report.unknown:
        card = score(report, criteria, source, notes)
        return _with_ranges(card, card)
    from csr_rating.questions import questions  # only a report with unknown facts needs them
    from csr_rating.unknowns import best_case

    high = score(best_case(report), criteria, source)
    as_given = score(report, criteria, source)
    moved = frozenset(
        low.id
        for low_dim, high_dim in zip(as_given.dimensions, high.dimensions, strict=True)
        for low, top in zip(low_dim.criteria, high_dim.criteria, strict=True)
        if top.earned - low.earned > SAME
    )
    low = score(report, criteria, source, notes, questioned=moved)
    card = _with_ranges(low, high)
    if not ask:
        return card
    # a question can only move criteria that moved with every unknown at its best (all checks are
    # monotone), so only those are evaluated again for each question
    asked = questions(report, lambda r: overall_with(r, criteria, low, moved), base=low.overall.score)
    return card.model_copy(update={"questions": asked})


def _with_ranges(low: Scorecard, high: Scorecard) -> Scorecard:
    dimensions = [
        d.model_copy(update={"range": Range(low=d.score, high=h.score, low_stars=d.stars, high_stars=h.stars)})
        for d, h in zip(low.dimensions, high.dimensions, strict=True)
    ]
    overall = low.overall.model_copy(
        update={
            "range": Range(
                low=low.overall.score,
                high=high.overall.score,
                low_stars=low.overall.stars,
                high_stars=high.overall.stars,
            )
        }
    )
    return low.model_copy(update={"dimensions": dimensions, "overall": overall})
