"""The HTML scorecard: one self-contained, escaped, deterministic page, checked in a real browser too."""

from __future__ import annotations

import re
import struct
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from csr_rating.api import rate
from csr_rating.criteria import CriteriaSet
from csr_rating.i18n import Lang
from csr_rating.render import FORMATS
from csr_rating.render.html import WORDS, render
from csr_rating.render.radar import RINGS, Axis, radar
from csr_rating.scorecard import Scorecard
from tests.browser import find_chromium, is_a4, print_to_pdf, run_chromium
from tests.conftest import FIXTURES, REFERENCE, ROOT

NAMES: dict[Lang, list[str]] = {
    "en": ["Procedure", "Substance", "Completeness", "Balance", "Comparability", "Readability", "Originality"],
    "zh": ["过程性", "实质性", "完整性", "平衡性", "可比性", "可读性", "创新性"],
}
ARTIFACTS = ROOT / "test-artifacts"
VOID = {"meta", "br", "hr", "img", "input", "link", "area", "base", "col", "embed", "source", "track", "wbr"}
FETCHING = {"script", "link", "img", "iframe", "object", "embed", "video", "audio", "source", "base", "form"}
URL_ATTRIBUTES = {"src", "href", "xlink:href", "action", "srcset", "poster", "data", "formaction"}

HOSTILE = """\
meta:
  organisation: "<script>alert(1)</script> & Co."
  title: "Report \\"2022\\" <b>bold</b> see https://example.com/x"
  year: 2022
  industry: widgets
topics:
  - {name: "<i>Net</i> quality", depth: detailed, cases: 3}
indicators:
  - name: "<img src=x onerror=alert(2)> widgets"
    unit: "%"
    values: {2020: 1, 2021: 2, 2022: 3}
waivers:
  - {indicator: gen.total-assets, reason: "<em>no</em> assets"}
  - {criterion: originality.new-forms, reason: "<iframe src=https://evil.example/>"}
"""


class Page(HTMLParser):
    """Parses a page and fails on any unbalanced tag; keeps tags, attributes, text and style text."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str, str]] = []  # (tag, name, value)
        self.text: list[str] = []
        self.prose: list[str] = []  # text outside <code>: ids and file names are not words to translate
        self.style: list[str] = []
        self.feed(text)
        self.close()
        assert not self.stack, f"unclosed tags at the end: {self.stack}"

    def _open(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.extend((tag, name, value or "") for name, value in attrs)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._open(tag, attrs)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._open(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack, f"</{tag}> closes nothing"
        assert self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1]}> (open: {self.stack})"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        (self.style if self.stack and self.stack[-1] == "style" else self.text).append(data)
        if "code" not in self.stack and "style" not in self.stack:
            self.prose.append(data)

    @property
    def visible(self) -> str:
        return "".join(self.text)

    def attribute(self, tag: str, name: str) -> list[str]:
        return [v for t, n, v in self.attributes if t == tag and n == name]


def svg_of(page: str) -> ET.Element:
    """The radar, parsed as XML: it must be well-formed SVG on its own, not just tolerable HTML."""
    found = re.search(r"<svg\b.*?</svg>", page, re.DOTALL)
    assert found, "no <svg> in the page"
    return ET.fromstring(found.group(0))


@pytest.fixture(scope="module")
def reference(criteria: CriteriaSet) -> Scorecard:
    return rate(REFERENCE, criteria)


@pytest.fixture(scope="module")
def hostile(criteria: CriteriaSet, tmp_path_factory: pytest.TempPathFactory) -> Scorecard:
    path = tmp_path_factory.mktemp("hostile") / "hostile.yaml"
    path.write_text(HOSTILE, encoding="utf-8")
    return rate(path, criteria)


# --- the document ------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_page_is_well_formed_and_declares_language_charset_and_title(reference: Scorecard, lang: Lang) -> None:
    text = render(reference, lang)
    assert text.startswith("<!DOCTYPE html>\n")
    page = Page(text)  # raises on any unbalanced tag
    assert page.attribute("html", "lang") == [lang]
    assert page.attribute("meta", "charset") == ["utf-8"]
    assert page.tags.count("title") >= 1 and "China Telecommunications Corporation Limited" in text
    svg_of(text)  # raises if the SVG is not well-formed XML


def test_the_format_is_registered_and_the_cli_writes_it(cli) -> None:
    assert FORMATS["html"] is render
    run = cli("score", str(REFERENCE), "--format", "html", "--lang", "zh")
    assert run.code == 0, run.stderr
    assert run.stdout.startswith("<!DOCTYPE html>") and '<html lang="zh">' in run.stdout


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_seven_dimensions_are_named_in_the_chosen_language(reference: Scorecard, lang: Lang) -> None:
    text = render(reference, lang)
    page = Page(text)
    svg = svg_of(text)
    labels = [t.text for t in svg.iter("tspan") if t.get("class") == "axis-name"]
    assert labels == NAMES[lang]  # the radar's axes, in the standard's order
    for name in NAMES[lang]:
        assert page.visible.count(name) >= 3, name  # chart, table, evidence
    other: Lang = "zh" if lang == "en" else "en"
    assert not any(name in page.visible for name in NAMES[other])


def test_the_page_shows_grade_stars_scores_and_the_criteria_version(reference: Scorecard) -> None:
    visible = Page(render(reference, "en")).visible
    assert "Five stars (outstanding)" in visible and f"{reference.overall.score:.1f}" in visible
    assert "★★★★☆ 4.5" in visible  # completeness: a half star is ☆
    assert "★★★★ 4" in visible  # originality
    assert "cass-csr-4.0" in visible and reference.standard.version in visible
    assert "China Telecom CSR Report 2020" in visible and "2020" in visible
    zh = Page(render(reference, "zh")).visible
    assert "五星级（卓越）" in zh and "综合评级" in zh


def test_every_criterion_shows_its_points_summary_evidence_and_missing_items(reference: Scorecard) -> None:
    text = render(reference, "en")
    visible = Page(text).visible
    for d in reference.dimensions:
        assert f'id="dim-{d.id}"' in text
        for c in d.criteria:
            assert f'id="crit-{c.id}"' in text
            assert c.summary.en in visible
    assert "lead_department: Corporate Strategy Department line 45" in visible  # evidence with its report line
    assert "management improvement" in visible  # a missing item
    assert "Top of the scale reached." in visible  # next star for a five-star dimension


def test_explain_opens_every_dimension_and_top_folds_the_rest_of_the_suggestions(reference: Scorecard) -> None:
    closed, opened = render(reference, "en", explain=False), render(reference, "en", explain=True, top=3)
    assert closed.count('<details class="dimension"') == 7
    opened_dimensions = re.compile(r'<details class="dimension"[^>]* open>')
    assert len(opened_dimensions.findall(opened)) == 7 and not opened_dimensions.findall(closed)
    shown = opened.split("<h2>Suggestions")[1].split('<details class="more">')[0]
    assert shown.count("<li>") == 3
    rest = len(reference.suggestions) - 3
    assert f"{rest} more suggestions" in opened  # the rest stays in the file, folded
    assert opened.count('<span class="gain">') == len(reference.suggestions)


def test_fixed_words_are_all_translated(criteria: CriteriaSet) -> None:
    card = rate(FIXTURES / "minimal.yaml", criteria)
    prose = "".join(Page(render(card, "zh")).prose)
    for key, word in WORDS.items():
        for part in re.split(r"\{\w+\}", word.en):  # the literal words around {placeholders}
            assert len(part.strip()) < 3 or part.strip() not in prose, key
    assert "Procedure" not in prose and "points" not in prose


# --- hostile text and network isolation -------------------------------------------------------------


def test_report_text_is_escaped_never_markup(hostile: Scorecard) -> None:
    for lang in ("en", "zh"):
        text = render(hostile, lang)
        page = Page(text)
        assert "<script" not in text and "<img" not in text and "<iframe" not in text
        assert set(page.tags).isdisjoint({"script", "img", "iframe", "b", "i", "em"})
        visible = page.visible
        assert "<script>alert(1)</script> & Co." in visible  # shown as text, literally
        assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co." in text
        assert '"2022" <b>bold</b>' in visible
        assert "<img src=x onerror=alert(2)> widgets" in visible
        assert "<i>Net</i> quality" in visible


def test_waived_items_and_notes_are_listed_with_reasons(hostile: Scorecard, reference: Scorecard) -> None:
    visible = Page(render(hostile, "en")).visible
    assert "gen.total-assets" in visible and "<em>no</em> assets" in visible
    assert "originality.new-forms" in visible and "<iframe src=https://evil.example/>" in visible
    assert "no catalog for industry 'widgets'" in visible
    zh = Page(render(hostile, "zh")).visible
    assert "声明不适用的评价项与指标" in zh and "<em>no</em> assets" in zh
    none = Page(render(reference, "en")).visible
    assert "None: every criterion and core indicator applies to this report." in none


def test_nothing_is_fetched_from_the_network(hostile: Scorecard, reference: Scorecard) -> None:
    for card in (hostile, reference):
        for lang in ("en", "zh"):
            text = render(card, lang)
            page = Page(text)
            assert set(page.tags).isdisjoint(FETCHING)
            for tag, name, value in page.attributes:
                if name in URL_ATTRIBUTES:
                    assert value.startswith("#"), (tag, name, value)  # in-page links only
                assert "http" not in value.lower() and "//" not in value, (tag, name, value)
            style = "".join(page.style)
            assert "url(" not in style and "@import" not in style and "@font-face" not in style
            without_text = re.sub(r">[^<]*<", "><", text)
            assert "http://" not in without_text and "https://" not in without_text
    assert "see https://example.com/x" in Page(render(hostile, "en")).visible  # a URL in the report is text


def test_output_is_deterministic(criteria: CriteriaSet, reference: Scorecard) -> None:
    again = rate(REFERENCE, criteria)  # a second, independent scoring
    for lang in ("en", "zh"):
        for explain in (False, True):
            assert render(reference, lang, explain, 10) == render(again, lang, explain, 10)


# --- the radar chart --------------------------------------------------------------------------------


def _axes(*scores: float) -> list[Axis]:
    return [Axis(f"D{i}", s, 3.0) for i, s in enumerate(scores)]


def test_radar_has_seven_spokes_five_rings_and_the_score_polygon() -> None:
    svg = ET.fromstring(radar(_axes(10, 20, 30, 40, 50, 60, 70), label="chart"))
    assert svg.get("id") == "radar" and svg.get("aria-label") == "chart" and svg.get("role") == "img"
    classes = [e.get("class") for e in svg.iter()]
    assert classes.count("spoke") == 7 and classes.count("ring") == len(RINGS) == 5
    assert [t.text for t in svg.iter("text") if t.get("class") == "ring-label"] == ["20", "40", "60", "80", "100"]
    assert classes.count("scores") == 1 and classes.count("vertex") == 7
    assert "★★★ 3 · 10.0" in "".join(svg.itertext())


def test_radar_puts_a_full_score_on_the_outer_ring_and_zero_at_the_centre() -> None:
    svg = ET.fromstring(radar(_axes(*[100] * 7), label="chart"))
    rings = [e.get("points") for e in svg.iter("polygon") if e.get("class") == "ring"]
    scores = next(e.get("points") for e in svg.iter("polygon") if e.get("class") == "scores")
    assert scores == rings[-1]
    zero = ET.fromstring(radar(_axes(*[0] * 7), label="chart"))
    points = next(e.get("points") for e in zero.iter("polygon") if e.get("class") == "scores")
    assert len(set((points or "").split())) == 1  # every vertex at the centre


def test_radar_numbers_have_one_decimal_and_labels_are_escaped() -> None:
    text = radar([Axis("<b>A&B</b>", 33.333, 2), *_axes(1 / 3, 2 / 3, 50, 99.99, 0.05, 12.345)], label="<x>")
    assert text == radar([Axis("<b>A&B</b>", 33.333, 2), *_axes(1 / 3, 2 / 3, 50, 99.99, 0.05, 12.345)], label="<x>")
    svg = ET.fromstring(text)
    for element in svg.iter():
        for name in ("points", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy"):
            for number in re.findall(r"-?\d+(?:\.\d+)?", element.get(name) or ""):
                assert re.fullmatch(r"\d+\.\d", number), (name, number)
    assert "<b>A&B</b>" in "".join(svg.itertext()) and "&lt;b&gt;A&amp;B&lt;/b&gt;" in text
    with pytest.raises(ValueError):
        radar(_axes(1, 2), label="too few")


# --- in a real browser ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def chromium() -> str:
    binary = find_chromium()
    if binary is None:
        pytest.skip("Chromium not found (install Debian's `chromium` package; CI installs it via .ci/run)")
    return binary


@pytest.fixture(scope="module")
def page_file(reference: Scorecard, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("html") / "scorecard.html"
    path.write_text(render(reference, "en"), encoding="utf-8")
    return path


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_the_browser_renders_a_screenshot(chromium: str, page_file: Path, tmp_path: Path) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "scorecard.png"
    shot.unlink(missing_ok=True)
    done = run_chromium(
        chromium, tmp_path / "profile", f"--screenshot={shot}", "--window-size=1200,1800", page_file.as_uri()
    )
    assert shot.is_file(), f"no screenshot (exit {done.returncode}): {done.stderr[-2000:]}"
    data = shot.read_bytes()
    assert _png_size(data) == (1200, 1800)
    assert len(data) > 50_000  # a blank or error page compresses to a few kilobytes


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_browser_dom_holds_the_chart_and_the_seven_dimensions(
    chromium: str, reference: Scorecard, lang: Lang, tmp_path: Path
) -> None:
    path = tmp_path / f"scorecard-{lang}.html"
    path.write_text(render(reference, lang), encoding="utf-8")
    done = run_chromium(chromium, tmp_path / "profile", "--dump-dom", path.as_uri())
    dom = done.stdout
    assert '<svg id="radar"' in dom, f"no chart in the rendered DOM (exit {done.returncode}): {done.stderr[-2000:]}"
    assert re.search(r'<polygon class="scores" points="[\d.,\s]+"', dom)
    assert dom.count('class="vertex"') == 7
    for name in NAMES[lang]:
        assert name in dom, name


@pytest.mark.parametrize(("lang", "overall"), [("en", "Overall"), ("zh", "综合评级")])
def test_the_card_prints_on_a4_with_the_overview_and_suggestions_on_its_first_page(
    chromium: str, reference: Scorecard, lang: Lang, overall: str, tmp_path: Path
) -> None:
    path = tmp_path / f"card-{lang}.html"
    path.write_text(render(reference, lang), encoding="utf-8")
    sizes, texts = print_to_pdf(chromium, path, tmp_path)
    first = texts[0]
    assert is_a4(sizes)
    assert len(sizes) <= 3  # a summary to hand over, not a booklet
    # the first page is full: the grade, the table of the seven dimensions and the suggestions
    assert overall in first and "91.1" in first and "+" in first and len(first) > 900


def test_the_card_never_shows_where_on_a_machine_the_report_lies(reference: Scorecard) -> None:
    far = reference.model_copy(update={"report": reference.report.model_copy(update={"file": "/home/someone/x/r.yaml"})})
    page = render(far, "en")
    assert "/home/someone" not in page and "<code>r.yaml</code>" in page
