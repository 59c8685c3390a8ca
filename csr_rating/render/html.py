"""HTML: one self-contained page a rater can send — grade, radar, stars, evidence, suggestions.

Inline CSS and inline SVG only (no scripts, fonts, images or links to fetch), so the file opens the
same offline, in a mail attachment or years later. Report text is untrusted: every string from the
report or the criteria goes through ``html.escape``. Byte-identical output for identical input.
"""

from __future__ import annotations

from html import escape

from csr_rating.i18n import I18n, Lang
from csr_rating.render.paths import shown_path
from csr_rating.render.radar import Axis, radar
from csr_rating.render.stars import glyphs, label
from csr_rating.render.words import COMMON, organisation, place, up_to, verdict, whole
from csr_rating.scorecard import CriterionResult, DimensionResult, Range, Scorecard, Suggestion

MANY = 8  # lists longer than this flow in columns, so 86 indicators stay one screen, not three
WORDS: dict[str, I18n] = {
    **COMMON,
    "kicker": I18n(en="CSR report rating", zh="企业社会责任报告评级"),
    "industry": I18n(en="Industry catalog", zh="行业指标库"),
    "criteria": I18n(en="Criteria", zh="评级标准"),
    "version": I18n(en="version", zh="版本"),
    "file": I18n(en="Report file", zh="报告文件"),
    "chart": I18n(en="Scores of the seven dimensions (0–100)", zh="七个维度得分（0–100）"),
    "dimensions": I18n(en="Dimensions", zh="各维度评级"),
    "suggestions": I18n(en="Suggestions, by overall points gained", zh="改进建议（按综合得分提升排序）"),
    "more": I18n(en="{n} more suggestions", zh="另有{n}条建议"),
    "evidence_title": I18n(en="Evidence by dimension", zh="各维度评分依据"),
    "evidence_hint": I18n(
        en="Open a dimension to see each criterion: points earned, what the report shows, what is missing.",
        zh="展开各维度，查看每个评价项的得分、报告中的依据和缺失内容。",
    ),
    "criterion": I18n(en="Criterion", zh="评价项"),
    "evidence": I18n(en="Evidence", zh="依据"),
    "missing": I18n(en="Missing", zh="缺少"),
    "suggestion": I18n(en="Suggestion", zh="建议"),
    "next": I18n(en="To reach {stars}", zh="距{stars}"),
    "needed": I18n(en="{points} dimension points needed", zh="还需{points}分（维度得分）"),
    "short": I18n(
        en="even all of these steps fall short of the next star",
        zh="即使完成以下全部步骤也不足以达到下一星级",
    ),
    "top": I18n(en="Top of the scale reached.", zh="已达最高星级。"),
    "waived": I18n(en="Waived as not applicable", zh="声明不适用的评价项与指标"),
    "waived_none": I18n(
        en="None: every criterion and core indicator applies to this report.",
        zh="无：所有评价项和核心指标均适用于本报告。",
    ),
    "kind": I18n(en="Kind", zh="类型"),
    "kind_criterion": I18n(en="criterion", zh="评价项"),
    "kind_indicator": I18n(en="indicator", zh="指标"),
    "item": I18n(en="Item", zh="项目"),
    "reason": I18n(en="Reason", zh="理由"),
    "notes": I18n(en="Notes", zh="说明"),
    "notes_none": I18n(en="None.", zh="无。"),
    "legend": I18n(en="★ = one star, ☆ = half a star (★★★★☆ = 4.5).", zh="★ 为一星，☆ 为半星（★★★★☆ = 4.5）。"),
    "lines": I18n(en="Line numbers refer to the report file {file}.", zh="行号指报告文件 {file} 中的行。"),
    "pages": I18n(en="Page numbers refer to the draft {file}.", zh="页码指草稿 {file} 中的页。"),
    "disclaimer": I18n(
        en="Rated with csr-rating, an independent, open encoding of the CASS-CSR rating method. "
        "It is not the Expert Committee on CSR Report Rating's official tool, and this is not its rating.",
        zh="本评级由 csr-rating 生成。csr-rating 是对 CASS-CSR 评级方法的独立、公开的编码，"
        "并非中国企业社会责任报告评级专家委员会的官方工具，本结果亦非该委员会的评级。",
    ),
}

CSS = """
:root { --ink: #1d2733; --muted: #5b6673; --line: #d9dee4; --soft: #f4f6f8; --accent: #1f6f8b;
  --fill: rgba(31, 111, 139, 0.22); --good: #2e7d4f; --gap: #b3541e; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; line-height: 1.5;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", "PingFang SC",
  "Microsoft YaHei", "DejaVu Sans", sans-serif; }
main { max-width: 1100px; margin: 0 auto; padding: 32px 40px 48px; }
h1 { font-size: 28px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 36px 0 12px; padding-bottom: 6px; border-bottom: 2px solid var(--ink); }
.kicker { margin: 0; color: var(--accent); font-weight: 600; letter-spacing: .04em; text-transform: uppercase;
  font-size: 13px; }
.subtitle { margin: 0 0 16px; font-size: 17px; color: var(--muted); }
header { display: flex; justify-content: space-between; gap: 32px; align-items: flex-start;
  border-bottom: 1px solid var(--line); padding-bottom: 20px; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 0; font-size: 14px; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; }
.facts code { white-space: nowrap; }
a { color: inherit; text-decoration: none; }
a:hover { text-decoration: underline; }
.grade { min-width: 260px; text-align: center; border: 1px solid var(--line); border-radius: 10px;
  padding: 14px 20px; background: var(--soft); }
.grade .label { color: var(--muted); font-size: 13px; }
.grade .glyphs { font-size: 34px; color: var(--accent); letter-spacing: .05em; line-height: 1.2; }
.grade .value { font-size: 30px; font-weight: 700; }
.grade .name { font-weight: 600; }
.overview { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 24px; align-items: center;
  margin-top: 12px; }
figure { margin: 0; }
figcaption { text-align: center; color: var(--muted); font-size: 13px; }
svg.radar { width: 100%; height: auto; display: block; }
.radar .ring { fill: none; stroke: var(--line); stroke-width: 1; }
.radar .spoke { stroke: var(--line); stroke-width: 1; }
.radar .ring-label { fill: var(--muted); font-size: 11px; }
.radar .scores { fill: var(--fill); stroke: var(--accent); stroke-width: 2.5; stroke-linejoin: round; }
.radar .vertex { fill: var(--accent); }
.radar .axis-name { fill: var(--ink); font-size: 18px; font-weight: 600; }
.radar .axis-stars { fill: var(--accent); font-size: 15px; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: 12px; color: var(--muted); font-weight: 600; text-transform: uppercase; letter-spacing: .03em; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.stars { color: var(--accent); white-space: nowrap; }
tr.total td { font-weight: 700; border-top: 2px solid var(--ink); border-bottom: none; }
.bar { display: inline-block; width: 64px; height: 8px; background: var(--soft); border-radius: 4px;
  overflow: hidden; vertical-align: middle; }
.bar > span { display: block; height: 100%; background: var(--accent); }
.grade .range { font-size: 0.85em; margin-top: 4px; }
ol.suggestions { padding-left: 0; list-style: none; counter-reset: rank; margin: 0; }
ol.suggestions li { display: grid; grid-template-columns: 2.2em 4em 9em 1fr; gap: 8px; padding: 6px 0;
  border-bottom: 1px solid var(--line); }
.rank { color: var(--muted); text-align: right; }
.gain { font-weight: 700; color: var(--good); text-align: right; font-variant-numeric: tabular-nums; }
.dim { color: var(--muted); }
.where { color: var(--muted); font-size: 12px; white-space: nowrap; }
details { border: 1px solid var(--line); border-radius: 8px; margin: 10px 0; background: #fff; }
details > summary { cursor: pointer; padding: 10px 14px; font-weight: 600; background: var(--soft);
  border-radius: 8px; }
details[open] > summary { border-bottom: 1px solid var(--line); border-radius: 8px 8px 0 0; }
summary .stars { color: var(--accent); margin-left: 10px; }
summary .meta { color: var(--muted); font-weight: 400; margin-left: 10px; font-size: 14px; }
.dimension-body { padding: 4px 14px 12px; }
.next { background: #fbf6ee; border-left: 3px solid var(--gap); padding: 8px 12px; margin: 10px 0; font-size: 14px; }
.next.done { background: #eef6f0; border-left-color: var(--good); }
.next ul { margin: 4px 0 0; padding-left: 20px; }
.criterion { border-bottom: 1px solid var(--line); padding: 10px 0; }
.criterion:last-child { border-bottom: none; }
.criterion h4 { margin: 0; font-size: 15px; display: flex; justify-content: space-between; gap: 16px; }
.criterion .pts { font-variant-numeric: tabular-nums; white-space: nowrap; }
.criterion .pts.full { color: var(--good); }
.criterion .pts.part { color: var(--gap); }
code { font: 12px ui-monospace, "DejaVu Sans Mono", monospace; color: var(--muted); }
.summary { margin: 2px 0 6px; }
.items { margin: 4px 0; font-size: 13px; }
.items h5 { margin: 6px 0 2px; font-size: 12px; text-transform: uppercase; letter-spacing: .03em; }
.items.ev h5 { color: var(--good); }
.items.miss h5 { color: var(--gap); }
.items ul { margin: 0; padding-left: 18px; }
.items ul.many { columns: 3 16em; column-gap: 28px; }
.items li { break-inside: avoid; }
.advice { font-size: 13px; margin: 6px 0 0; }
.empty { color: var(--muted); }
footer { margin-top: 40px; padding-top: 12px; border-top: 1px solid var(--line); color: var(--muted);
  font-size: 12px; }
footer p { margin: 4px 0; }
@media (max-width: 800px) { header, .overview { display: block; } ol.suggestions li { grid-template-columns:
  2em 4em 1fr; } ol.suggestions .dim { display: none; } }
.gate { padding: .5rem .8rem; border-radius: 4px; font-weight: 600; margin: 0 0 1rem; }
.gate.passed { background: #e6f4ea; color: #1e4620; }
.gate.failed { background: #fdecea; color: #611a15; }
@page { size: A4; margin: 14mm 14mm 16mm; }
@media print { body { font-size: 12px; } main { padding: 0; max-width: none; }
  header { display: flex; gap: 20px; padding-bottom: 12px; } .grade { min-width: 200px; padding: 10px 14px; }
  h1 { font-size: 24px; } h2 { margin: 18px 0 8px; break-after: avoid; }
  .overview { display: grid; grid-template-columns: 44% 1fr; gap: 16px; margin-top: 6px; }
  table { font-size: 12px; } th, td { padding: 4px 6px; } .bar { width: 40px; }
  ol.suggestions li { grid-template-columns: 2em 3.6em 7.5em 1fr; font-size: 12px; }
  ol.suggestions .dim { display: block; }
  ol.suggestions li, tr, .criterion, .next, figure { break-inside: avoid; }
  details > summary { background: none; } }
""".strip()


def _e(text: str) -> str:
    """Escape for text and double-quoted attributes alike: report text must never become markup."""
    return escape(text, quote=True)


def _num(value: float) -> str:
    """One decimal, never ``-0.0``: scores and points print the same everywhere."""
    text = f"{value:.1f}"
    return "0.0" if text == "-0.0" else text


class _Page:
    """The language-bound helpers, so section builders read as markup, not lookups."""

    def __init__(self, card: Scorecard, lang: Lang) -> None:
        self.card = card
        self.lang = lang
        self.names = {d.id: d.name.get(lang) for d in card.dimensions}

    def w(self, key: str, **values: str) -> str:
        """A fixed word in the page's language, escaped (values are escaped before filling in)."""
        text = WORDS[key].get(self.lang)
        return _e(text.format(**values)) if values else _e(text)

    def t(self, text: I18n) -> str:
        return _e(text.get(self.lang))

    def where(self, line: int | None) -> str:
        return f' <span class="where">{self.w(place(self.card.report))} {line}</span>' if line else ""


def _header(p: _Page) -> str:
    card = p.card
    r, s = card.report, card.standard
    facts = [
        (p.w("industry"), _e(r.catalog)),
        (p.w("criteria"), f"{p.t(s.title)} · <code>{_e(s.id)}</code> {p.w('version')} {_e(s.version)}"),
        (p.w("file"), f"<code>{_e(shown_path(r.file))}</code>"),
    ]
    rows = "\n".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts)
    o = card.overall
    return f"""<header>
<div>
<p class="kicker">{p.w("kicker")}</p>
<h1>{_e(organisation(r, p.lang))}</h1>
<p class="subtitle">{_e(r.title)} · {r.year}</p>
<dl class="facts">
{rows}
</dl>
</div>
<div class="grade" id="overall">
<div class="label">{p.w("overall")}</div>
<div class="glyphs" aria-label="{_e(label(o.stars))}">{glyphs(o.stars)}</div>
<div class="value">{_num(o.score)}</div>
<div class="name">{p.t(o.grade)}</div>{_up_to(p)}
</div>
</header>"""


def _verdict(p: _Page) -> str:
    """The release gate's verdict (from `check`), first on the page."""
    line = verdict(p.card, p.lang)
    if line is None or p.card.gate is None:
        return ""
    kind = "passed" if p.card.gate.passed else "failed"
    return f'<p class="gate {kind}" role="status">{_e(line)}</p>'


def _up_to(p: _Page) -> str:
    note = up_to(p.card.overall.range, len(p.card.questions), p.lang)
    return f'\n<div class="range">{_e(note)}</div>' if note else ""


def _questions(p: _Page, top: int) -> str:
    if not p.card.questions:
        return ""
    items = "\n".join(
        f'<li><span class="rank">{rank}.</span><span class="gain">+{_num(q.gain)}</span>'
        f'<span class="dim"><code>{_e(q.answer_field)}</code></span><span>{_e(q.question.get(p.lang))}</span></li>'
        for rank, q in enumerate(p.card.questions[: max(top, 0)], 1)
    )
    rest = len(p.card.questions) - max(top, 0)
    more = f'\n<p class="empty">{_e(COMMON["more_questions"].get(p.lang).format(n=rest))}</p>' if rest > 0 else ""
    return f'<h2>{_e(COMMON["questions"].get(p.lang))}</h2>\n<ol class="suggestions">\n{items}\n</ol>{more}'


def _dimension_table(p: _Page) -> str:
    rows = []
    for d in p.card.dimensions:
        rows.append(
            f'<tr id="row-{_e(d.id)}"><td><a href="#dim-{_e(d.id)}">{p.t(d.name)}</a></td>'
            f'<td class="num">{d.weight:g}%</td><td class="num">{_num(d.score)}</td>'
            f'<td class="stars">{_e(label(d.stars))}{_e(_high(d.range))}</td>'
            f'<td><span class="bar"><span style="width:{_num(max(0.0, min(100.0, d.score)))}%"></span></span></td></tr>'
        )
    o = p.card.overall
    rows.append(
        f'<tr class="total"><td>{p.w("overall")}</td><td></td><td class="num">{_num(o.score)}</td>'
        f'<td class="stars">{_e(label(o.stars))}</td><td>{p.t(o.grade)}</td></tr>'
    )
    body = "\n".join(rows)
    return f"""<table class="dimensions">
<thead><tr><th>{p.w("dimension")}</th><th class="num">{p.w("weight")}</th><th class="num">{p.w("score")}</th>\
<th>{p.w("stars")}</th><th></th></tr></thead>
<tbody>
{body}
</tbody>
</table>"""


def _high(found: Range | None) -> str:
    return f" – {label(found.high_stars)}" if found is not None and found.high_stars > found.low_stars else ""


def _overview(p: _Page) -> str:
    axes = [Axis(d.name.get(p.lang), d.score, d.stars) for d in p.card.dimensions]
    chart = radar(axes, label=WORDS["chart"].get(p.lang))
    return f"""<h2>{p.w("dimensions")}</h2>
<section class="overview">
<figure>
{chart}
<figcaption>{p.w("chart")}</figcaption>
</figure>
{_dimension_table(p)}
</section>"""


def _suggestion_items(p: _Page, items: list[Suggestion], start: int) -> str:
    return "\n".join(
        f'<li><span class="rank">{rank}.</span><span class="gain">+{_num(s.gain)}</span>'
        f'<span class="dim">{_e(p.names.get(s.dimension, s.dimension))}</span>'
        f"<span>{p.t(s.text)}{_e(whole(s, p.lang))}{p.where(s.line)}</span></li>"
        for rank, s in enumerate(items, start)
    )


def _suggestions(p: _Page, top: int) -> str:
    head = f"<h2>{p.w('suggestions')}</h2>"
    suggestions = p.card.suggestions
    if not suggestions:
        return f'{head}\n<p class="empty">{p.w("none")}</p>'
    top = max(top, 0)
    shown, rest = suggestions[:top], suggestions[top:]
    parts = [head]
    if shown:
        parts.append(f'<ol class="suggestions">\n{_suggestion_items(p, shown, 1)}\n</ol>')
    if rest:
        # the rest stays in the file, folded: the reader of a sent file cannot re-run with --top
        parts.append(
            f'<details class="more"><summary>{p.w("more", n=str(len(rest)))}</summary>\n'
            f'<ol class="suggestions" start="{top + 1}">\n{_suggestion_items(p, rest, top + 1)}\n</ol>\n</details>'
        )
    return "\n".join(parts)


def _items(p: _Page, kind: str, heading: str, items: list[str]) -> str:
    if not items:
        return ""
    many = ' class="many"' if len(items) > MANY else ""
    lis = "\n".join(f"<li>{item}</li>" for item in items)
    return f'<div class="items {kind}"><h5>{heading} ({len(items)})</h5>\n<ul{many}>\n{lis}\n</ul></div>'


def _criterion(p: _Page, c: CriterionResult) -> str:
    state = "full" if c.earned >= c.points - 1e-9 else "part"
    evidence = [f"{_e(e.text)}{p.where(e.line)}" for e in c.evidence]
    missing = [p.t(m) for m in c.missing]
    advice = ""
    if c.suggestion is not None:
        advice = f'<p class="advice"><strong>{p.w("suggestion")}</strong> (+{_num(c.gain)}): {p.t(c.suggestion)}</p>'
    return f"""<div class="criterion" id="crit-{_e(c.id)}">
<h4><span>{p.t(c.title)} <code>{_e(c.id)}</code></span>\
<span class="pts {state}">{_num(c.earned)} / {c.points:g} {p.w("points")}</span></h4>
<p class="summary">{p.t(c.summary)}{p.where(c.line)}</p>
{_items(p, "ev", p.w("evidence"), evidence)}
{_items(p, "miss", p.w("missing"), missing)}
{advice}
</div>"""


def _next_star(p: _Page, d: DimensionResult) -> str:
    ns = d.next_star
    if ns is None:
        return f'<p class="next done">{p.w("top")}</p>'
    head = f"<strong>{p.w('next', stars=label(ns.stars))}</strong>: {p.w('needed', points=_num(ns.points_needed))}"
    if not ns.reachable:
        head += f" — {p.w('short')}"
    steps = "\n".join(f"<li>+{_num(s.gain)}: {p.t(s.text)}</li>" for s in ns.steps)
    return f'<div class="next">{head}\n<ul>\n{steps}\n</ul></div>' if steps else f'<p class="next">{head}</p>'


def _dimension(p: _Page, d: DimensionResult, explain: bool) -> str:
    opened = " open" if explain else ""
    criteria = "\n".join(_criterion(p, c) for c in d.criteria)
    return f"""<details class="dimension" id="dim-{_e(d.id)}"{opened}>
<summary>{p.t(d.name)}<span class="stars">{_e(label(d.stars))}</span>\
<span class="meta">{p.w("score")} {_num(d.score)} · {p.w("weight")} {d.weight:g}%</span></summary>
<div class="dimension-body">
{_next_star(p, d)}
{criteria}
</div>
</details>"""


def _evidence(p: _Page, explain: bool) -> str:
    dims = "\n".join(_dimension(p, d, explain) for d in p.card.dimensions)
    return f"""<h2>{p.w("evidence_title")}</h2>
<p class="empty">{p.w("evidence_hint")}</p>
{dims}"""


def _waived(p: _Page) -> str:
    head = f"<h2>{p.w('waived')}</h2>"
    if not p.card.waived:
        return f'{head}\n<p class="empty">{p.w("waived_none")}</p>'
    rows = "\n".join(
        f"<tr><td>{p.w('kind_criterion' if w.kind == 'criterion' else 'kind_indicator')}</td>"
        f"<td>{p.t(w.title)} <code>{_e(w.id)}</code></td><td>{_e(w.reason)}{p.where(w.line)}</td></tr>"
        for w in p.card.waived
    )
    return f"""{head}
<table class="waived">
<thead><tr><th>{p.w("kind")}</th><th>{p.w("item")}</th><th>{p.w("reason")}</th></tr></thead>
<tbody>
{rows}
</tbody>
</table>"""


def _notes(p: _Page) -> str:
    head = f"<h2>{p.w('notes')}</h2>"
    if not p.card.notes:
        return f'{head}\n<p class="empty">{p.w("notes_none")}</p>'
    items = "\n".join(f"<li>{_e(n)}</li>" for n in p.card.notes)
    return f'{head}\n<ul class="notes">\n{items}\n</ul>'


def _footer(p: _Page) -> str:
    s = p.card.standard
    return f"""<footer>
<p>{p.w("criteria")}: {p.t(s.title)} · <code>{_e(s.id)}</code> {p.w("version")} {_e(s.version)} · \
{p.w("industry")}: {_e(p.card.report.catalog)}</p>
<p>{p.w("legend")} {p.w(place(p.card.report) + "s", file=shown_path(p.card.report.file))}</p>
<p>{p.w("disclaimer")}</p>
</footer>"""


def sections(card: Scorecard, lang: Lang = "en", explain: bool = False, top: int = 10) -> dict[str, str]:
    """Each part of the page by name, in page order: another page (``csr-rating serve``) lays out the
    same markup with the same CSS instead of keeping a second copy of it."""
    p = _Page(card, lang)
    return {
        "verdict": _verdict(p),
        "header": _header(p),
        "overview": _overview(p),
        "suggestions": _suggestions(p, top),
        "questions": _questions(p, top),
        "evidence": _evidence(p, explain),
        "waived": _waived(p),
        "notes": _notes(p),
        "footer": _footer(p),
    }


def render(card: Scorecard, lang: Lang = "en", explain: bool = False, top: int = 10) -> str:
    """The whole page. ``explain`` opens every dimension's evidence; ``top`` suggestions show, the rest fold."""
    title = f"{organisation(card.report, lang)} {card.report.year} — {WORDS['kicker'].get(lang)}"
    body = "\n".join(sections(card, lang, explain, top).values())
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(title)}</title>
<style>
{CSS}
</style>
</head>
<body>
<main>
{body}
</main>
</body>
</html>
"""
