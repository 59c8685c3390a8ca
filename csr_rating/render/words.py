"""Words every human-readable format shares, in English and Chinese: one vocabulary, one place."""

from __future__ import annotations

from csr_rating.i18n import I18n

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
}
