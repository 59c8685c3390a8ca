"""Words every human-readable format shares, in English and Chinese: one vocabulary, one place."""

from __future__ import annotations

from csr_rating.i18n import I18n, Lang
from csr_rating.scorecard import Range

COMMON: dict[str, I18n] = {
    "dimension": I18n(en="Dimension", zh="维度"),
    "weight": I18n(en="Weight", zh="权重"),
    "score": I18n(en="Score", zh="得分"),
    "stars": I18n(en="Stars", zh="星级"),
    "overall": I18n(en="Overall", zh="综合评级"),
    "points": I18n(en="points", zh="分"),
    "none": I18n(en="No suggestions: every criterion is fully met.", zh="无改进建议：所有评价项均已满分。"),
    "line": I18n(en="line", zh="行"),
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
}


def up_to(found: Range | None, questions: int, lang: Lang) -> str:
    """ "up to 5★ with 6 unanswered questions" where unknown facts leave the rating open; else ""."""
    if found is None or found.high_stars <= found.low_stars:
        return ""
    stars = f"{found.high_stars:g}★"
    key = "up_to_one" if questions == 1 else "up_to"
    return COMMON[key].get(lang).format(stars=stars, n=questions)
