"""GitHub Actions workflow commands: annotations on the report file in a pull request's diff view.

A step that prints ``::error file=…,line=…,title=…::message`` makes GitHub show the message at that
line of the file and in the run's summary, with no token, upload or app. So a workflow that rates a
report kept in the repository annotates it where the author works:

- the ``top`` most valuable suggestions (``card.suggestions`` is ranked by gain), at most
  ``LIMIT`` = 10 — GitHub shows no more than 10 error and 10 warning annotations per step, so only
  the first ones would be seen anyway;
- ``warning`` for a suggestion worth at least ``WARNING_GAIN`` overall points, ``notice`` for a
  smaller one: a missed criterion is advice, never an error;
- ``error`` only for a failed release gate (``csr-rating check``): one per failure, so a red job
  says why, and a passing report shows no error at all;
- ``file`` the report path relative to the current directory (the checkout), ``line`` the
  suggestion's line (left out when unknown), ``title`` the dimension and the criterion;
- and one ``::notice`` line with the overall result, first.

Report text is untrusted, and a line break in it could start a workflow command of its own: every
message is escaped as GitHub's toolkit does (``%``, CR, LF), property values also ``:`` and ``,``.
"""

from __future__ import annotations

from csr_rating.i18n import I18n, Lang
from csr_rating.render.paths import report_path
from csr_rating.render.stars import label
from csr_rating.render.words import verdict, whole
from csr_rating.scorecard import Scorecard, Suggestion

LIMIT = 10
WARNING_GAIN = 1.0  # overall points: a suggestion worth this much is a warning, a smaller one a notice
WORDS: dict[str, I18n] = {
    "title": I18n(en="CSR rating", zh="社会责任报告评级"),
    "gate": I18n(en="CSR rating gate", zh="社会责任报告评级门槛"),
    "overall": I18n(
        en="{organisation} ({year}): overall {score:.1f}, {stars} — {grade}. {dimensions}.",
        zh="{organisation}（{year}年）：综合得分{score:.1f}，{stars}，{grade}。{dimensions}。",
    ),
    "dimension": I18n(en="{name} {stars:g}", zh="{name}{stars:g}星"),
    "gain": I18n(en="(+{gain:.1f} overall points) {text}", zh="（综合得分+{gain:.1f}）{text}"),
    "more": I18n(
        en="{n} more suggestions: see --format markdown or json.",
        zh="另有{n}条建议，见 --format markdown 或 json 输出。",
    ),
}
SEPARATOR: dict[str, str] = {"en": ", ", "zh": "，"}  # not I18n: I18n strips the space


def escape_data(text: str) -> str:
    """A command's message, as GitHub's toolkit escapes it."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A command's property value (``file``, ``title`` …): the message escapes, plus ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, properties: dict[str, str], message: str) -> str:
    props = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::{name}{' ' + props if props else ''}::{escape_data(message)}"


def _annotation(card: Scorecard, s: Suggestion, file: str, lang: Lang) -> str:
    dimension = next(d for d in card.dimensions if d.id == s.dimension)
    criterion = next(c for c in dimension.criteria if c.id == s.criterion)
    properties = {"file": file}
    if s.line is not None:
        properties["line"] = str(s.line)
    properties["title"] = f"{dimension.name.get(lang)} · {criterion.title.get(lang)} ({criterion.id})"
    level = "warning" if s.gain >= WARNING_GAIN else "notice"
    return command(level, properties, WORDS["gain"].get(lang).format(gain=s.gain, text=s.text.get(lang) + whole(s, lang)))


def render(card: Scorecard, lang: Lang = "en", explain: bool = False, top: int = LIMIT) -> str:
    """One notice, then at most ``min(top, LIMIT)`` annotations, most valuable first."""
    file = report_path(card.report.file)
    dimensions = SEPARATOR[lang].join(
        WORDS["dimension"].get(lang).format(name=d.name.get(lang), stars=d.stars) for d in card.dimensions
    )
    shown = card.suggestions[: max(0, min(top, LIMIT))]
    overall = (
        WORDS["overall"]
        .get(lang)
        .format(
            organisation=card.report.organisation,
            year=card.report.year,
            score=card.overall.score,
            stars=label(card.overall.stars),
            grade=card.overall.grade.get(lang),
            dimensions=dimensions,
        )
    )
    if len(card.suggestions) > len(shown):
        overall += (" " if lang == "en" else "") + WORDS["more"].get(lang).format(n=len(card.suggestions) - len(shown))
    lines = [command("notice", {"title": WORDS["title"].get(lang)}, overall)]
    if card.gate is not None:
        title = {"title": WORDS["gate"].get(lang)}
        if card.gate.passed:
            lines.append(command("notice", title, verdict(card, lang) or ""))
        lines.extend(command("error", {"file": file, **title}, f.message) for f in card.gate.failures)
    lines.extend(_annotation(card, s, file, lang) for s in shown)
    return "\n".join(lines) + "\n"
