"""Words every human-readable format shares, in English and Chinese: one vocabulary, one place."""

from __future__ import annotations

from csr_rating.i18n import HAN_CHAR, I18n, Lang
from csr_rating.scorecard import GateVerdict, Range, ReportInfo, Scorecard, Suggestion

COMMON: dict[str, I18n] = {
    "dimension": I18n(en="Dimension", zh="维度"),
    "weight": I18n(en="Weight", zh="权重"),
    "score": I18n(en="Score", zh="得分"),
    "stars": I18n(en="Stars", zh="星级"),
    "overall": I18n(en="Overall", zh="综合评级"),
    "points": I18n(en="points", zh="分"),
    "none": I18n(en="No suggestions: every criterion is fully met.", zh="无改进建议：所有评价项均已满分。"),
    "line": I18n(en="line", zh="行"),
    "page": I18n(en="p.", zh="页"),
    "suggestions": I18n(en="Top suggestions, by overall points gained", zh="改进建议（按综合得分提升排序）"),
    "next": I18n(en="To reach the next star", zh="距下一星级"),
    "waived": I18n(en="Waived (not applicable, left out of the score)", zh="豁免项（不适用，不计入评分）"),
    "questions": I18n(
        en="Questions the draft cannot answer, by the overall points they can add",
        zh="草稿无法回答的问题（按可提升的综合得分排序）",
    ),
    "up_to": I18n(en="up to {stars} with {n} unanswered questions", zh="回答{n}个问题后最高{stars}"),
    "up_to_one": I18n(en="up to {stars} with 1 unanswered question", zh="回答1个问题后最高{stars}"),
    "more_questions": I18n(en="… {n} more questions (csr-rating ask)", zh="… 另有{n}个问题（csr-rating ask）"),
    "gate_passed": I18n(en="Gate passed: {stars}, {score:.1f}{end}.", zh="门槛通过：{stars}，{score:.1f}分{end}。"),
    "gate_failed": I18n(en="Gate failed: {failures}.", zh="未通过门槛：{failures}。"),
    "gate_end": I18n(en="(the {end} end of its range)", zh="（按区间{end}端）"),
    "gate": I18n(en="Release gate", zh="发布门槛"),
    "up_to_gain": I18n(en="(the whole criterion: up to +{gain:.1f})", zh="（该项满分最多+{gain:.1f}）"),
}
END: dict[str, I18n] = {"low": I18n(en="low", zh="低"), "high": I18n(en="high", zh="高")}


def place(report: ReportInfo) -> str:
    """The word key for what evidence numbers count: a PDF draft scored on the fly cites its pages."""
    return "page" if report.located_by == "page" else "line"


def organisation(report: ReportInfo, lang: Lang) -> str:
    """The organisation's name for a reader of ``lang``: its name in that script first, the other
    names it gives after in brackets ("中国电信集团有限公司（China Telecommunications Corporation Limited）")."""
    names = [report.organisation, *report.also_named]
    chinese = [n for n in names if HAN_CHAR.search(n)]
    first = (chinese if lang == "zh" else [n for n in names if n not in chinese] or names)[:1] or names[:1]
    rest = [n for n in names if n not in first]
    if not rest:
        return first[0]
    return f"{first[0]}（{'，'.join(rest)}）" if lang == "zh" else f"{first[0]} ({', '.join(rest)})"


def up_to(found: Range | None, questions: int, lang: Lang) -> str:
    """ "up to 5★ with 6 unanswered questions" where unknown facts leave the rating open; else ""."""
    if found is None or found.high_stars <= found.low_stars:
        return ""
    stars = f"{found.high_stars:g}★"
    key = "up_to_one" if questions == 1 else "up_to"
    return COMMON[key].get(lang).format(stars=stars, n=questions)


def gate_line(found: GateVerdict, unsure: bool, lang: Lang) -> str:
    """The gate's verdict in one sentence: "Gate passed: 5★, 91.1." or "Gate failed: …; …."
    (failure messages are csr-rating's own English: thresholds and stars, as on stderr)."""
    if found.passed:
        end = COMMON["gate_end"].get(lang).format(end=END[found.end].get(lang)) if unsure else ""
        end = f" {end}" if end and lang == "en" else end
        return COMMON["gate_passed"].get(lang).format(stars=f"{found.stars:g}★", score=found.score, end=end)
    return COMMON["gate_failed"].get(lang).format(failures="; ".join(f.message for f in found.failures))


def verdict(card: Scorecard, lang: Lang) -> str | None:
    """The gate's verdict sentence of a scorecard from `check`; None for one from `score`."""
    if card.gate is None:
        return None
    found = card.overall.range
    return gate_line(card.gate, found is not None and found.low != found.high, lang)


def whole(suggestion: Suggestion, lang: Lang) -> str:
    """" (the whole criterion: up to +1.7)" after a suggestion whose named step earns less; else ""."""
    if suggestion.up_to is None:
        return ""
    note = COMMON["up_to_gain"].get(lang).format(gain=suggestion.up_to)
    return f" {note}" if lang == "en" else note
