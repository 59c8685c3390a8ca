"""topic_coverage — the industry's key issues are covered, and in depth (substance).

Each key topic of the report's industry catalog earns 1 when the report covers it ``detailed``
(with data or cases) and ``mentioned_credit`` when it is only mentioned. Report topics match
catalog topics by id, name or alias; a topic of another segment of the industry than the report's
(``meta.segments``) is left out. Earns the mean (linear), or a share graded by ``bands`` on
that mean in percent. Where the catalog has no topics, the report's own topics are credited the
same way against ``fallback_target`` (a count, so adding a topic never lowers the score).

```yaml
check: {kind: topic_coverage, mentioned_credit: 0.4}
```
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from csr_rating.checks.base import BandList, Context, Finding, Outcome, Params, text
from csr_rating.i18n import I18n


class TopicCoverageParams(Params):
    kind: Literal["topic_coverage"]
    catalog: Literal["industry", "general"] = "industry"
    mentioned_credit: float = Field(0.5, ge=0, le=1)
    fallback_target: int = Field(10, ge=1, le=1000)
    bands: BandList | None = None


def evaluate(params: TopicCoverageParams, ctx: Context) -> Outcome:
    catalog = ctx.catalog(params.catalog)
    key_topics = ctx.topics(catalog)
    topics = ctx.report.topics
    credit = {"detailed": 1.0, "mentioned": params.mentioned_credit}
    if not key_topics:
        found = tuple(Finding(t.name, ("topics", i)) for i, t in enumerate(topics))
        earned = sum(credit[t.depth] for t in topics) / params.fallback_target
        return Outcome(
            earned,
            text(
                f"{len(topics)} topics (no key-topic list for {catalog.id})",
                f"议题{len(topics)}个（{catalog.id}无关键议题清单）",
            ),
            found,
            () if topics else (text("the key issues the report covers", "报告覆盖的关键议题"),),
            section=("topics",),
        )
    best: dict[str, tuple[float, int]] = {}
    applicable = {item.id for item in key_topics}
    for index, topic in enumerate(topics):
        item = catalog.match_topic(topic)
        if item is not None and item.id in applicable and credit[topic.depth] > best.get(item.id, (-1.0, 0))[0]:
            best[item.id] = (credit[topic.depth], index)
    found = tuple(
        Finding(f"{item.name.en} ({topics[best[item.id][1]].depth})", ("topics", best[item.id][1]))
        for item in key_topics
        if item.id in best
    )
    uncovered = [item.name for item in key_topics if item.id not in best]
    shallow = [
        text(f"data or cases on: {item.name.en}", f"补充数据或案例：{item.name.zh}")
        for item in key_topics
        if item.id in best and best[item.id][0] < 1
    ]
    missing: tuple[I18n, ...] = (*uncovered, *shallow)
    mean = sum(score for score, _ in best.values()) / len(key_topics)
    fraction = params.bands.score(mean * 100) if params.bands else mean
    detailed = sum(1 for score, _ in best.values() if score >= 1)
    return Outcome(
        fraction,
        text(
            f"{len(best)} of {len(key_topics)} key topics covered, {detailed} in detail",
            f"覆盖关键议题{len(best)}/{len(key_topics)}，其中{detailed}个有详细披露",
        ),
        found,
        missing,
        # the least one named item gains (deepening a mentioned topic), so a plan never falls short
        None if params.bands else min(1.0, 1 - params.mentioned_credit) / len(key_topics) or None,
        section=("topics",),
    )
