"""A rating letter to hand over (``--format letter``, Markdown; ``letter-html``, a page that prints on A4): the structure of the Committee's letters —
basis of rating, process, a paragraph per dimension written from what the scorecard found, the overall
rating, suggestions for improvement, the rating team and date — and csr-rating's disclaimer.

The team and the date come from ``--rating-team`` / ``--rating-date`` (or the settings file), never from
the clock: the same input gives the same letter. Without them the letter leaves a line to fill in.
"""

from __future__ import annotations

import html
import re

from csr_rating.i18n import I18n, Lang
from csr_rating.render.markdown import md
from csr_rating.render.stars import label
from csr_rating.render.words import organisation
from csr_rating.scorecard import CriterionResult, DimensionResult, Scorecard

EVIDENCE = 4  # names quoted per criterion, as the Committee's letters quote a few by name
BLANK = "________"
WORDS: dict[str, I18n] = {
    "title": I18n(en="Rating Report of {title}", zh="《{title}》评级报告"),
    "organisation": I18n(en="Organisation: {organisation} ({year})", zh="报告组织：{organisation}（{year}年）"),
    "basis_head": I18n(en="I. Basis of Rating", zh="一、评级依据"),
    "basis": I18n(en="{standard} ({id}, version {version}).", zh="{standard}（{id}，版本{version}）。"),
    "process_head": I18n(en="II. Process of Rating", zh="二、评级过程"),
    "process": I18n(
        en="1. The report's facts were read from its structured report{draft}.\n"
        "2. Each dimension was scored against the criteria of the standard; every criterion's evidence points at "
        "the report.\n3. Facts the report could not show were listed as questions{questions}.",
        zh="1. 从结构化报告读取报告事实{draft}。\n2. 按评级标准逐项评价各维度，每项评价均对应报告中的证据。\n"
        "3. 报告无法显示的事实列为待答问题{questions}。",
    ),
    "draft": I18n(en=" (ingested from the draft and checked)", zh="（由报告草稿导入并经核对）"),
    "questions_left": I18n(en="; {n} remain open, so the rating is a range", zh="；尚有{n}个问题未答，评级为区间"),
    "conclusion_head": I18n(en="III. Conclusion of Rating", zh="三、评级结论"),
    "such_as": I18n(en=", such as {names}", zh="，如{names}"),
    "overall_head": I18n(en="Overall Rating", zh="综合评级"),
    "overall": I18n(
        en="The report is rated {stars}: {grade} (overall score {score:.1f}).",
        zh="报告综合评级为{stars}：{grade}（综合得分{score:.1f}）。",
    ),
    "range": I18n(en=" With the open questions answered it may reach {stars}.", zh="回答待答问题后最高可达{stars}。"),
    "suggestions_head": I18n(en="IV. Suggestions for Improvement", zh="四、改进建议"),
    "none": I18n(en="None: every criterion is fully met.", zh="无：各评价项均已满分。"),
    "team": I18n(en="Rating team: {team}", zh="评级小组：{team}"),
    "date": I18n(en="Date: {date}", zh="日期：{date}"),
    "disclaimer": I18n(
        en="csr-rating is an independent, open encoding of the published rating method, not the Chinese Expert "
        "Committee on CSR Report Rating's official tool; this letter is not a rating by the Committee.",
        zh="csr-rating 是对公开评级方法的独立、开放编码，并非中国企业社会责任报告评级专家委员会的官方工具；"
        "本函不是该委员会出具的评级。",
    ),
}
NAMES: dict[str, str] = {"en": ", ", "zh": "、"}


def _w(key: str, lang: Lang) -> str:
    return WORDS[key].get(lang)


_CATALOG_ID = re.compile(r"^[a-z]+(?:\.[a-z0-9-]+)+:\s*")  # "tel.call-drop-rate: Call drop rate" -> the name


def _names(c: CriterionResult) -> list[str]:
    """A few findings by name: words, not bare counts or flags, without catalog ids."""
    names: list[str] = []
    for e in c.evidence:
        text = _CATALOG_ID.sub("", e.text).strip()
        if text and len(text) <= 60 and not re.fullmatch(r"[\d.,%\s]+|True|False", text) and text not in names:
            names.append(text)
        if len(names) == EVIDENCE:
            break
    return names


def _finding(c: CriterionResult, lang: Lang) -> str:
    """One line per criterion that earned points: its title, what was found, a few findings by name."""
    text = f"{c.title.get(lang)}{'：' if lang == 'zh' else ': '}{c.summary.get(lang)}"
    names = _names(c)
    if names:
        text += _w("such_as", lang).format(names=NAMES[lang].join(names))
    return text


def _stars(d: DimensionResult) -> str:
    stars = label(d.stars)
    if d.range is not None and d.range.high_stars > d.stars:
        stars += f" – {label(d.range.high_stars)}"
    return stars


Block = tuple[str, str]  # (kind, text): h1, h2, p, strong, li, ol, hr, small


def blocks(card: Scorecard, lang: Lang, top: int, team: str | None, date: str | None) -> list[Block]:
    """The letter as a sequence of blocks, written once and serialised as Markdown or HTML."""
    r, s = card.report, card.standard
    out: list[Block] = [
        ("h1", _w("title", lang).format(title=r.title)),
        ("p", _w("organisation", lang).format(organisation=organisation(r, lang), year=r.year)),
        ("h2", _w("basis_head", lang)),
        ("p", _w("basis", lang).format(standard=s.title.get(lang), id=s.id, version=s.version)),
        ("h2", _w("process_head", lang)),
    ]
    draft = _w("draft", lang) if r.file.endswith("(ingested)") else ""
    questions = _w("questions_left", lang).format(n=len(card.questions)) if card.questions else ""
    out += [("ol", step.split(". ", 1)[1]) for step in _w("process", lang).format(draft=draft, questions=questions).split("\n")]
    out.append(("h2", _w("conclusion_head", lang)))
    for d in card.dimensions:
        out.append(("strong", f"{d.name.get(lang)}（{_stars(d)}）" if lang == "zh" else f"{d.name.get(lang)} ({_stars(d)})"))
        out += [("li", _finding(c, lang)) for c in d.criteria if c.earned > 0]
    o = card.overall
    overall = _w("overall", lang).format(stars=label(o.stars), grade=o.grade.get(lang), score=o.score)
    if o.range is not None and o.range.high_stars > o.stars:
        overall += (" " if lang == "en" else "") + _w("range", lang).format(stars=label(o.range.high_stars)).strip()
    out += [("strong", _w("overall_head", lang)), ("p", overall), ("h2", _w("suggestions_head", lang))]
    shown = card.suggestions[: max(0, top)]
    out += [("ol", sug.text.get(lang)) for sug in shown] or [("p", _w("none", lang))]
    out += [
        ("p", _w("team", lang).format(team=team or BLANK)),
        ("p", _w("date", lang).format(date=date or BLANK)),
        ("hr", ""),
        ("small", _w("disclaimer", lang)),
    ]
    return out


def render(
    card: Scorecard,
    lang: Lang = "en",
    explain: bool = False,
    top: int = 10,
    *,
    team: str | None = None,
    date: str | None = None,
) -> str:
    """The letter as Markdown (``explain`` changes nothing: a letter names findings, not every check)."""
    lines: list[str] = []
    number = 0
    previous = ""
    for kind, text in blocks(card, lang, top, team, date):
        number = number + 1 if kind == "ol" else 0
        if lines and not (kind == previous and kind in ("li", "ol")):
            lines.append("")
        lines.append(
            {
                "h1": f"# {md(text)}",
                "h2": f"## {md(text)}",
                "p": md(text),
                "strong": f"**{md(text)}**",
                "li": f"- {md(text)}",
                "ol": f"{number}. {md(text)}",
                "hr": "---",
                "small": f"*{md(text)}*",
            }[kind]
        )
        previous = kind
    return "\n".join(lines) + "\n"


CSS = """
@page { size: A4; margin: 20mm 18mm; }
body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", Georgia, serif; color: #1d2733; line-height: 1.55;
  max-width: 46em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.5em; text-align: center; margin-bottom: .2em; }
h2 { font-size: 1.1em; margin-top: 1.4em; break-after: avoid; }
p.strong { font-weight: 700; margin: 1em 0 .3em; break-after: avoid; }
ul, ol { margin: .2em 0 .6em; padding-left: 1.4em; }
li { margin: .15em 0; break-inside: avoid; }
small { color: #5b6673; display: block; }
hr { border: none; border-top: 1px solid #d9dee4; margin: 1.5em 0 .8em; }
@media print { body { margin: 0; max-width: none; } }
""".strip()


def render_html(
    card: Scorecard,
    lang: Lang = "en",
    explain: bool = False,
    top: int = 10,
    *,
    team: str | None = None,
    date: str | None = None,
) -> str:
    """The letter as one self-contained HTML page that prints on A4 (no external fonts or files)."""
    body: list[str] = []
    open_list = ""
    title = ""
    for kind, text in blocks(card, lang, top, team, date):
        wanted = {"li": "ul", "ol": "ol"}.get(kind, "")
        if open_list and wanted != open_list:
            body.append(f"</{open_list}>")
            open_list = ""
        if wanted and not open_list:
            body.append(f"<{wanted}>")
            open_list = wanted
        safe = html.escape(text)
        if kind == "h1":
            title = safe
        body.append(
            {
                "h1": f"<h1>{safe}</h1>",
                "h2": f"<h2>{safe}</h2>",
                "p": f"<p>{safe}</p>",
                "strong": f'<p class="strong">{safe}</p>',
                "li": f"<li>{safe}</li>",
                "ol": f"<li>{safe}</li>",
                "hr": "<hr>",
                "small": f"<small>{safe}</small>",
            }[kind]
        )
    if open_list:
        body.append(f"</{open_list}>")
    joined = "\n".join(body)
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n<title>{title}</title>\n'
        f"<style>\n{CSS}\n</style>\n</head>\n<body>\n{joined}\n</body>\n</html>\n"
    )
