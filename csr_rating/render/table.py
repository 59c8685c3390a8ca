"""The terminal view: dimensions, overall grade, top suggestions; ``--explain`` adds the evidence."""

from __future__ import annotations

import io
import shutil
from collections.abc import Mapping

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from csr_rating.i18n import I18n, Lang
from csr_rating.render.stars import label
from csr_rating.render.words import COMMON, organisation, place, up_to, verdict, whole
from csr_rating.scorecard import DimensionResult, Scorecard

WIDTH = 110  # piped or written to a file: a fixed width, so the same input prints the same bytes
MIN_WIDTH = 80  # on a terminal the table takes the terminal's width, down to this


def _tone(stars: float) -> str:
    """A star rating's colour on a terminal: green from 4.5, yellow from 3.5, red below."""
    return "green" if stars >= 4.5 else "yellow" if stars >= 3.5 else "red"
EVIDENCE_SHOWN = 12
WORDS: dict[str, I18n] = {
    **COMMON,
    "missing": I18n(en="missing", zh="缺少"),
    "evidence": I18n(en="evidence", zh="证据"),
    "more": I18n(
        en="… {n} more (--top, --explain, --format json)", zh="… 另有{n}条（--top、--explain、--format json）"
    ),
    "catalog": I18n(en="catalog", zh="指标库"),
}


def _w(key: str, lang: Lang) -> str:
    return WORDS[key].get(lang)


def _summary_table(card: Scorecard, lang: Lang) -> Table:
    table = Table(
        title=f"{card.report.title} — {organisation(card.report, lang)} ({card.report.year})",
        caption=f"{card.standard.title.get(lang)} · {card.standard.id} v{card.standard.version}"
        f" · {_w('catalog', lang)}: {card.report.catalog}",
        title_justify="left",
        caption_justify="left",
    )
    table.add_column(_w("dimension", lang))
    table.add_column(_w("weight", lang), justify="right")
    table.add_column(_w("score", lang), justify="right")
    table.add_column(_w("stars", lang))
    for d in card.dimensions:
        open_ = d.range is not None and d.range.high > d.range.low
        high = d.range.high_stars if d.range is not None and d.range.high_stars > d.stars else None
        table.add_row(
            f"{d.name.en} {d.name.zh}" if lang == "en" else d.name.zh,
            f"{d.weight:g}%",
            f"{d.score:.1f}" + (f"–{d.range.high:.1f}" if open_ and d.range is not None else ""),
            Text(label(d.stars) + (f" – {label(high)}" if high is not None else ""), style=_tone(d.stars)),
        )
    table.add_section()
    note = up_to(card.overall.range, len(card.questions), lang)
    table.add_row(
        Text(_w("overall", lang), style="bold"),
        "",
        Text(f"{card.overall.score:.1f}", style="bold"),
        Text(
            f"{label(card.overall.stars)}  {card.overall.grade.get(lang)}" + (f" ({note})" if note else ""),
            style=f"bold {_tone(card.overall.stars)}",
        ),
    )
    return table


def _questions(card: Scorecard, lang: Lang, top: int) -> list[RenderableType]:
    if not card.questions:
        return []
    table = Table(title=_w("questions", lang), title_justify="left", show_header=False, box=None, padding=(0, 1))
    table.add_column(justify="right")
    table.add_column(justify="right")
    table.add_column(overflow="fold")
    for rank, q in enumerate(card.questions[:top], 1):
        table.add_row(f"{rank}.", f"+{q.gain:.1f}", f"{q.question.get(lang)} ({q.answer_field})")
    parts: list[RenderableType] = [table]
    rest = len(card.questions) - top
    if rest > 0:
        parts.append(Text("  " + _w("more_questions", lang).format(n=rest)))
    return parts


def _suggestions(card: Scorecard, lang: Lang, top: int) -> list[RenderableType]:
    if not card.suggestions:
        return [Text(_w("none", lang))]
    table = Table(title=_w("suggestions", lang), title_justify="left", show_header=False, box=None, padding=(0, 1))
    table.add_column(justify="right")
    table.add_column(justify="right")
    table.add_column()
    table.add_column(overflow="fold")
    names = {d.id: d.name.get(lang) for d in card.dimensions}
    for rank, s in enumerate(card.suggestions[:top], 1):
        table.add_row(f"{rank}.", f"+{s.gain:.1f}", names[s.dimension], s.text.get(lang) + whole(s, lang))
    rest = len(card.suggestions) - top
    parts: list[RenderableType] = [table]
    if rest > 0:
        parts.append(Text("  " + _w("more", lang).format(n=rest)))
    return parts


def _next_stars(card: Scorecard, lang: Lang) -> list[RenderableType]:
    rows = [d for d in card.dimensions if d.next_star is not None]
    if not rows:
        return []
    table = Table(title=_w("next", lang), title_justify="left", show_header=False, box=None, padding=(0, 1))
    table.add_column()
    table.add_column(overflow="fold")
    for d in rows:
        ns = d.next_star
        assert ns is not None
        steps = " · ".join(s.text.get(lang) for s in ns.steps)
        head = f"{d.name.get(lang)} {label(d.stars)} → {label(ns.stars)}: +{ns.points_needed:.1f} {_w('points', lang)}"
        table.add_row(head, steps)
    return [table]


def _waived(card: Scorecard, lang: Lang) -> list[RenderableType]:
    if not card.waived:
        return []
    table = Table(title=_w("waived", lang), title_justify="left", show_header=False, box=None, padding=(0, 1))
    table.add_column()
    table.add_column(overflow="fold")
    for w in card.waived:
        table.add_row(f"{w.id} ({w.title.get(lang)})", w.reason)
    return [table]


def _explain(d: DimensionResult, lang: Lang, unit: str = "line") -> Table:
    table = Table(
        title=f"{d.name.get(lang)} — {d.score:.1f} {label(d.stars)}", title_justify="left", show_lines=True, expand=True
    )
    table.add_column("", width=40, overflow="fold")
    table.add_column(_w("points", lang), justify="right", no_wrap=True)
    table.add_column(_w("evidence", lang), ratio=1, overflow="fold")
    for c in d.criteria:
        lines = [c.summary.get(lang)]
        for e in c.evidence[:EVIDENCE_SHOWN]:
            where = f"{_w(unit, lang)} {e.line}: " if e.line else ""
            lines.append(f"  ✓ {where}{e.text}")
        if len(c.evidence) > EVIDENCE_SHOWN:
            lines.append(f"  … +{len(c.evidence) - EVIDENCE_SHOWN}")
        if c.missing:
            shown = "; ".join(m.get(lang) for m in c.missing[:EVIDENCE_SHOWN])
            more = f" … +{len(c.missing) - EVIDENCE_SHOWN}" if len(c.missing) > EVIDENCE_SHOWN else ""
            lines.append(f"  ✗ {_w('missing', lang)}: {shown}{more}")
        table.add_row(f"{c.id}\n{c.title.get(lang)}", f"{c.earned:.1f}/{c.points:g}", "\n".join(lines))
    return table


def renderables(card: Scorecard, lang: Lang, explain: bool, top: int) -> list[RenderableType]:
    parts: list[RenderableType] = [_summary_table(card, lang)]
    if explain:
        parts.extend(_explain(d, lang, place(card.report)) for d in card.dimensions)
    parts.extend(_suggestions(card, lang, top))
    parts.extend(_questions(card, lang, top))
    parts.extend(_next_stars(card, lang))
    parts.extend(_waived(card, lang))
    line = verdict(card, lang)
    if line is not None:
        parts.append(Text(line))
    return parts


def render(
    card: Scorecard, lang: Lang = "en", explain: bool = False, top: int = 5, *, width: int = WIDTH, color: bool = False
) -> str:
    """Plain text at a fixed width, so that the same input always prints the same bytes; on a
    terminal (the CLI decides: ``terminal``) the terminal's width and colour."""
    buffer = io.StringIO()
    console = Console(
        markup=False,  # report text is data: "[/red]" in a name must print, not crash or style
        file=buffer,
        width=max(MIN_WIDTH, width),
        force_terminal=color,
        color_system="standard" if color else None,
        legacy_windows=False,
        emoji=False,
        highlight=False,
    )
    console.print(Group(*renderables(card, lang, explain, top)))
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"


def terminal(stream: object, environ: Mapping[str, str]) -> tuple[int, bool] | None:
    """(width, colour) for the table on ``stream`` when it is a terminal, or when ``FORCE_COLOR`` asks
    for colour; None for plain fixed-width text (a pipe, a file, a CI log). ``NO_COLOR`` turns colour
    off (https://no-color.org); ``COLUMNS`` or the terminal gives the width."""
    forced = bool(environ.get("FORCE_COLOR"))
    is_tty = bool(getattr(stream, "isatty", lambda: False)())
    if not is_tty and not forced:
        return None
    color = not environ.get("NO_COLOR") and (is_tty or forced)
    try:
        columns = int(environ.get("COLUMNS", "")) if environ.get("COLUMNS") else shutil.get_terminal_size((WIDTH, 24)).columns
    except ValueError:
        columns = WIDTH
    return (max(MIN_WIDTH, columns) if is_tty else WIDTH), color
