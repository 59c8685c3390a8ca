"""Markdown (GitHub-flavoured): for a pull-request comment or a workflow's ``$GITHUB_STEP_SUMMARY``.

Where a report is reviewed as a pull request, its rating belongs in the conversation: a heading with
the organisation and year, the overall stars, grade and score, a table of the seven dimensions, the
top suggestions ranked by what they gain, what it takes to reach each dimension's next star, the
waived items with their reasons and the criteria set that scored it. ``--explain`` adds one
collapsed ``<details>`` block per dimension with every criterion (points, summary, what is missing),
so the comment stays short until a reader opens it.

Report text is untrusted: a ``|`` would split a table cell, ``<`` could open HTML, ``@`` would
mention someone, ``*``, ``_``, ``[`` … would format or link. Every piece of text is escaped with
backslashes (or as HTML inside the HTML blocks) and put on one line. Deterministic: no dates, and
nothing depends on the machine.
"""

from __future__ import annotations

import html
import re

import csr_rating
from csr_rating.i18n import I18n, Lang
from csr_rating.render.stars import label
from csr_rating.render.words import COMMON, organisation, place, up_to, verdict, whole
from csr_rating.scorecard import DimensionResult, Scorecard

SHOWN = 12  # items of a "missing" list shown in --explain
WORDS: dict[str, I18n] = {
    **COMMON,
    "heading": I18n(en="CSR rating: {organisation} ({year})", zh="社会责任报告评级：{organisation}（{year}年）"),
    "more": I18n(
        en="… {n} more (`--top`, `--explain`, `--format json`).",
        zh="……另有{n}条（`--top`、`--explain`、`--format json`）。",
    ),
    "line": I18n(en="(line {line})", zh="（第{line}行）"),
    "page": I18n(en="(p. {line})", zh="（第{line}页）"),
    "unreachable": I18n(en="not reachable through the missing criteria alone", zh="仅补足未得分项仍无法达到"),
    "criterion": I18n(en="criterion", zh="评价项"),
    "criterion_head": I18n(en="Criterion", zh="评价项"),
    "points_head": I18n(en="Points", zh="得分"),
    "indicator": I18n(en="indicator", zh="指标"),
    "details": I18n(en="Every criterion", zh="全部评价项"),
    "summary": I18n(en="Summary", zh="评价"),
    "missing": I18n(en="Missing", zh="缺少"),
    "notes": I18n(en="Notes", zh="提示"),
    "criteria": I18n(
        en="Criteria: {title} — `{id}` version {version}; catalog `{catalog}`; csr-rating {tool}.",
        zh="评价标准：{title}——`{id}` 版本 {version}；指标库 `{catalog}`；csr-rating {tool}。",
    ),
    "disclaimer": I18n(
        en="csr-rating is an independent, open encoding of the rating method, not the Committee's official rating.",
        zh="csr-rating 是评级方法的独立开放编码，并非评级专家委员会的官方评级。",
    ),
}

COLON: dict[str, str] = {"en": ": ", "zh": "："}  # not I18n: I18n strips the space

# Backslash-escaped: CommonMark's emphasis, code, links, images, HTML, entities, headings, and GitHub's
# tables (|), strikethrough (~), math ($) and mentions (@). Any ASCII punctuation may be escaped.
_SPECIAL = re.compile(r"([\\`*_\[\]<>#!|~@$&])")
_WHITESPACE = re.compile(r"\s+")


def _w(key: str, lang: Lang) -> str:
    return WORDS[key].get(lang)


def md(text: str) -> str:
    """Untrusted text as inline Markdown: one line, every significant character escaped."""
    return _SPECIAL.sub(r"\\\1", _WHITESPACE.sub(" ", text).strip())


def _html(text: str) -> str:
    """Text inside an HTML block (where Markdown is not parsed): one line, HTML-escaped."""
    return html.escape(_WHITESPACE.sub(" ", text).strip(), quote=True)


def _row(*cells: str) -> str:
    return "| " + " | ".join(cells) + " |"


def _header(card: Scorecard, lang: Lang) -> list[str]:
    o = card.overall
    return [
        "## " + WORDS["heading"].get(lang).format(organisation=md(organisation(card.report, lang)), year=card.report.year),
        "",
        f"*{md(card.report.title)}*",
        "",
        f"**{_w('overall', lang)}{COLON[lang]}{label(o.stars)} — {md(o.grade.get(lang))} — {o.score:.1f} / 100**"
        + (f" ({md(note)})" if (note := up_to(o.range, len(card.questions), lang)) else ""),
        "",
    ]


def _dimensions(card: Scorecard, lang: Lang) -> list[str]:
    lines = [
        _row(_w("dimension", lang), _w("weight", lang), _w("stars", lang), _w("score", lang)),
        "| --- | ---: | --- | ---: |",
    ]
    for d in card.dimensions:
        open_ = d.range is not None and d.range.high > d.range.low
        higher = d.range is not None and d.range.high_stars > d.stars
        stars = label(d.stars) + (f" – {label(d.range.high_stars)}" if higher and d.range else "")
        points = f"{d.score:.1f}" + (f"–{d.range.high:.1f}" if open_ and d.range else "")
        lines.append(_row(md(d.name.get(lang)), f"{d.weight:g}%", stars, points))
    return [*lines, ""]


def _questions(card: Scorecard, lang: Lang, top: int) -> list[str]:
    if not card.questions:
        return []
    lines = [f"### {_w('questions', lang)}", ""]
    shown = card.questions[: max(0, top)]
    for rank, q in enumerate(shown, 1):
        lines.append(f"{rank}. **+{q.gain:.1f}** {md(q.question.get(lang))} (`{q.answer_field}`)")
    rest = len(card.questions) - len(shown)
    if rest > 0:
        lines += ["", md(_w("more_questions", lang).format(n=rest))]
    return [*lines, ""]


def _suggestions(card: Scorecard, lang: Lang, top: int) -> list[str]:
    lines = [f"### {_w('suggestions', lang)}", ""]
    if not card.suggestions:
        return [*lines, _w("none", lang), ""]
    names = {d.id: d.name.get(lang) for d in card.dimensions}
    shown = card.suggestions[: max(0, top)]
    for rank, s in enumerate(shown, 1):
        where = ((" " if lang == "en" else "") + _w(place(card.report), lang).format(line=s.line)) if s.line is not None else ""
        lines.append(f"{rank}. **+{s.gain:.1f}** {md(names[s.dimension])} — {md(s.text.get(lang) + whole(s, lang))}{where}")
    rest = len(card.suggestions) - len(shown)
    if rest > 0:
        lines += ["", _w("more", lang).format(n=rest)]
    return [*lines, ""]


def _nextlabel(card: Scorecard, lang: Lang) -> list[str]:
    rows = [d for d in card.dimensions if d.next_star is not None]
    if not rows:
        return []
    lines = [f"### {_w('next', lang)}", ""]
    for d in rows:
        ns = d.next_star
        assert ns is not None
        head = (
            f"- **{md(d.name.get(lang))}** {label(d.stars)} → {label(ns.stars)}{COLON[lang]}"
            f"+{ns.points_needed:.1f} {_w('points', lang)}"
        )
        if not ns.reachable:
            head += f" ({_w('unreachable', lang)})"
        lines.append(head)
        lines.extend(f"  - {md(step.text.get(lang))} (+{step.gain:.1f})" for step in ns.steps)
    return [*lines, ""]


def _waived(card: Scorecard, lang: Lang) -> list[str]:
    if not card.waived:
        return []
    lines = [f"### {_w('waived', lang)}", ""]
    for w in card.waived:
        kind = _w("criterion", lang) if w.kind == "criterion" else _w("indicator", lang)
        lines.append(f"- {kind} **{md(w.id)}** ({md(w.title.get(lang))}){COLON[lang]}{md(w.reason)}")
    return [*lines, ""]


def _explain(d: DimensionResult, lang: Lang) -> list[str]:
    summary = f"{d.name.get(lang)} — {d.score:.1f} {label(d.stars)} — {_w('details', lang)}"
    lines = [
        "<details>",
        f"<summary>{_html(summary)}</summary>",
        "",
        _row(_w("criterion_head", lang), _w("points_head", lang), _w("summary", lang), _w("missing", lang)),
        "| --- | ---: | --- | --- |",
    ]
    for c in d.criteria:
        missing = [md(m.get(lang)) for m in c.missing[:SHOWN]]
        if len(c.missing) > SHOWN:
            missing.append(f"… +{len(c.missing) - SHOWN}")
        lines.append(
            _row(
                f"{md(c.title.get(lang))} ({md(c.id)})",
                f"{c.earned:.1f}/{c.points:g}",
                md(c.summary.get(lang)),
                "; ".join(missing),
            )
        )
    return [*lines, "", "</details>", ""]


def _footer(card: Scorecard, lang: Lang) -> list[str]:
    lines: list[str] = []
    if card.notes:
        lines += [f"**{_w('notes', lang)}**", ""]
        lines += [f"- {md(note)}" for note in card.notes]
        lines.append("")
    criteria = (
        WORDS["criteria"]
        .get(lang)
        .format(
            title=md(card.standard.title.get(lang)),
            id=card.standard.id.replace("`", ""),
            version=md(card.standard.version),
            catalog=card.report.catalog.replace("`", ""),
            tool=md(csr_rating.__version__),
        )
    )
    return [*lines, "---", "", criteria, "", f"*{_w('disclaimer', lang)}*"]


def _verdict(card: Scorecard, lang: Lang) -> list[str]:
    """The gate's verdict first (from `check`): a job summary says at once why a job is red."""
    line = verdict(card, lang)
    if line is None or card.gate is None:
        return []
    mark = "✅" if card.gate.passed else "❌"
    return [f"> {mark} **{line}**", ""]


def render(card: Scorecard, lang: Lang = "en", explain: bool = False, top: int = 10) -> str:
    """The rating as one Markdown document; ``explain`` adds a collapsed block per dimension."""
    lines = _verdict(card, lang) + _header(card, lang) + _dimensions(card, lang)
    lines += _suggestions(card, lang, top) + _questions(card, lang, top) + _nextlabel(card, lang) + _waived(card, lang)
    if explain:
        for d in card.dimensions:
            lines += _explain(d, lang)
    lines += _footer(card, lang)
    return "\n".join(lines) + "\n"
