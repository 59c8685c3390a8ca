"""The rating letter (--format letter, letter-html): the Committee's structure, written from the evidence."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from csr_rating.api import rate
from csr_rating.criteria import CriteriaSet
from csr_rating.render.letter import BLANK, render, render_html
from csr_rating.render.markdown import md
from csr_rating.scorecard import Scorecard
from tests.browser import find_chromium, is_a4, print_to_pdf
from tests.conftest import REFERENCE, ROOT


@pytest.fixture(scope="module")
def reference(criteria: CriteriaSet) -> Scorecard:
    return rate(REFERENCE, criteria)


def test_the_letter_has_the_committees_parts_in_order(reference: Scorecard) -> None:
    text = render(reference, "en", team="A. Rater", date="2021-05-20")
    heads = re.findall(r"^## (.+)$", text, re.MULTILINE)
    assert heads == ["I. Basis of Rating", "II. Process of Rating", "III. Conclusion of Rating",
                     "IV. Suggestions for Improvement"]  # fmt: skip
    assert text.startswith("# Rating Report of China Telecom CSR Report 2020")
    for dimension in ("Procedure", "Substance", "Completeness", "Balance", "Comparability", "Readability", "Originality"):
        assert re.search(rf"^\*\*{dimension} \(★", text, re.MULTILINE), dimension
    assert "The report is rated ★★★★★ 5: Five stars (outstanding) (overall score 91.1)." in text
    assert "Rating team: A. Rater" in text and "Date: 2021-05-20" in text
    assert "not the Chinese Expert Committee on CSR Report Rating's official tool" in text


def test_each_dimension_is_written_from_its_evidence(reference: Scorecard) -> None:
    text = render(reference, "en")
    balance = text.split("**Balance")[1].split("**Comparability")[0]
    assert "Call drop rate of mobile communication" in balance  # negative indicators by name
    comparability = text.split("**Comparability")[1].split("**Readability")[0]
    assert re.search(r"\d+ indicators with 3 consecutive years to 2020", comparability)
    assert "Fortune Global 500" in comparability  # the horizontal comparison
    assert "tel." not in text  # catalog ids are for machines


def test_without_a_team_or_date_the_letter_leaves_a_line_never_the_clock(reference: Scorecard) -> None:
    text = render(reference, "zh")
    assert f"评级小组：{md(BLANK)}" in text and f"日期：{md(BLANK)}" in text  # a line to fill in
    assert "## 一、评级依据" in text and "**平衡性（★★★★☆ 4.5）**" in text
    assert render(reference, "zh") == text  # deterministic


def test_no_letter_shows_a_local_path(reference: Scorecard) -> None:
    for write in (render, render_html):
        for lang in ("en", "zh"):
            assert str(ROOT) not in write(reference, lang)  # type: ignore[arg-type]


def test_the_html_letter_is_self_contained_and_escapes_report_text(reference: Scorecard) -> None:
    hostile = reference.model_copy(
        update={"report": reference.report.model_copy(update={"organisation": "<script>x</script> & Co"})}
    )
    page = render_html(hostile, "en")
    assert "<script>" not in page and "&lt;script&gt;x&lt;/script&gt; &amp; Co" in page
    assert not re.search(r"\b(?:src|href)=", page) and "@page { size: A4" in page


@pytest.mark.skipif(find_chromium() is None, reason="Debian's chromium is not installed")
def test_the_html_letter_prints_on_a4_pages_that_are_not_half_empty(reference: Scorecard, tmp_path: Path) -> None:
    chromium = find_chromium()
    assert chromium is not None
    page = tmp_path / "letter.html"
    page.write_text(render_html(reference, "zh", team="评级小组", date="2021年5月20日"), encoding="utf-8")
    sizes, texts = print_to_pdf(chromium, page, tmp_path)
    assert is_a4(sizes)
    assert "评级报告" in texts[0] and len(texts[0]) > 600  # the first page is full, not half empty
    assert "官方工具" in "".join(texts)  # the disclaimer is printed too


def test_the_command_writes_a_letter_with_the_team_and_date_given_or_configured(cli_in_process, tmp_path: Path) -> None:
    run = cli_in_process("score", str(REFERENCE), "-f", "letter", "--rating-team", "A. Rater", "--rating-date", "2021-05-20")
    assert run.code == 0 and "Rating team: A. Rater" in run.stdout and "Date: 2021-05-20" in run.stdout
    (tmp_path / ".csr-rating.yaml").write_text("rating_team: B. Rater\nformat: letter-html\n", encoding="utf-8")
    page = cli_in_process("score", str(REFERENCE), cwd=tmp_path).stdout
    assert page.startswith("<!DOCTYPE html>") and "Rating team: B. Rater" in page


def test_the_letter_and_card_give_both_names_of_the_organisation_each_reader_first_in_their_script(
    reference: Scorecard,
) -> None:
    from csr_rating.render.html import render as render_card

    both = reference.model_copy(update={"report": reference.report.model_copy(update={"also_named": ["中国电信集团有限公司"]})})
    english = render(both, "en")
    assert "Organisation: China Telecommunications Corporation Limited (中国电信集团有限公司)" in english
    assert "报告组织：中国电信集团有限公司（China Telecommunications Corporation Limited）" in render(both, "zh")
    assert "<h1>中国电信集团有限公司（China Telecommunications Corporation Limited）</h1>" in render_card(both, "zh")
