"""Chart titles: the multi-year series a draft draws but whose figures its text does not carry.

A designed report shows its trends as charts titled "2010-2016年营业收入和利润总额" or "Water
consumption (2019-2021)". Extracted text keeps the title and scatters the bars' figures, the axis
years and the legend over the following lines, where no table reader can put them back together.
The title alone still says which quantities the report shows for which years, and that is what the
Committee counts for comparability ("indicators over three consecutive years").

A line is such a title when

- it is short, names a year range ending no later than the reporting year, and a subject that is not
  a sentence, an award, a report or plan, or the market's, industry's or country's figures
  (``CHART_NOT_SERIES_RE``: those are comparisons, not the report's own series);
- the lines after it look like what a chart leaves behind (figures, years, a legend, a unit):
  at least ``CHART_MIN_RESIDUE`` of them within ``CHART_WINDOW`` lines;
- no data table the table reader parsed starts right below it (then it is that table's caption and
  the table's rows carry the figures).

Each quantity the subject joins ("营业收入和利润总额") becomes one series. The vocabulary is in
``vocabulary.py``; the figures stay unread: the series carries years, never invented values.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from csr_rating.ingest.document import Document, Line
from csr_rating.ingest.values import paren_unit
from csr_rating.ingest.vocabulary import (
    AXIS_LABEL_NOISE_RE,
    AXIS_NOT_LABEL_RE,
    CHART_BENCHMARK_RE,
    CHART_GROUP_WORDS,
    CHART_JOINERS_RE,
    CHART_LEADING,
    CHART_LEGEND_GAP,
    CHART_LEGEND_MARK_RE,
    CHART_MIN_RESIDUE,
    CHART_NOT_SERIES_RE,
    CHART_PREFIX_RE,
    CHART_RESIDUE_RE,
    CHART_SENTENCE_RE,
    CHART_SUBJECT_MAX,
    CHART_TITLE_RES,
    CHART_TRAILING,
    CHART_UNIT_BEFORE_RE,
    CHART_WINDOW,
)

_LETTERS = re.compile(r"[A-Za-z\u3400-\u9fff]{2}")
_A_RANGE = re.compile(r"(?:19|20)\d{2}\s*年?\s*(?:-|–|—|~|～|至|到|to)\s*(?:19|20)\d{2}")  # the cheap first test
LONGEST_LINE = 200  # characters: two titles side by side at most
MAX_SPAN = 30  # years one chart covers at most
MAX_SERIES = 300  # series kept per draft: a report draws dozens of charts, not thousands
_BRACKETED = re.compile(r"^(?P<name>.*?\S)\s*[(（](?P<unit>[^()（）]{1,8})[)）]$")
RUNNING_MIN = 3  # a short line printed this often is a running header
AXIS_GAP = 2  # non-blank lines between an axis and its caption at most
AXIS_LABELS = 3  # caption lines read under one axis at most
AXIS_MAX_YEARS = 15
_YEAR_TOKEN = re.compile(r"^(?:19|20)\d{2}(?:年)?$")
CAPTION_GAP = 6  # a parsed table row this close below a title makes the title its caption


Title = tuple[str, int, int, str]  # subject, first year, last year, the title as printed


@dataclass(frozen=True)
class ChartSeries:
    name: str
    unit: str | None
    years: tuple[int, ...]
    line: Line
    title: str


def chart_series(doc: Document, year: int, table_lines: set[int]) -> list[ChartSeries]:
    """The series the draft's charts declare by their titles or their axes, in document order."""
    found = _titled(doc, year, table_lines) + _axis_labelled(doc, year, table_lines)
    return sorted(found, key=lambda s: s.line.number)[:MAX_SERIES]


def _titled(doc: Document, year: int, table_lines: set[int]) -> list[ChartSeries]:
    """Series named by a title with a year range ("2010-2016年营业收入和利润总额")."""
    lines = doc.lines
    found = _titles(doc, year, table_lines, own=True)
    out: list[ChartSeries] = []
    for position, (index, titles) in enumerate(found):
        line = lines[index]
        after = lines[index + 1 : index + 1 + CHART_WINDOW]
        next_title = found[position + 1][0] if position + 1 < len(found) else len(lines)
        if any(other.number in table_lines for other in lines[index + 1 : min(index + 1 + CAPTION_GAP, next_title)]):
            continue  # the caption of the table below it
        if sum(1 for other in after if CHART_RESIDUE_RE.match(other.text.strip())) < CHART_MIN_RESIDUE:
            continue
        for subject, first, last, title in titles:
            subject, unit = paren_unit(subject)
            years = tuple(range(first, last + 1))
            legend = None
            if len(titles) == 1 and subject.casefold().endswith(CHART_GROUP_WORDS):
                legend = _legend(lines[index + 1 : min(index + 1 + CHART_LEGEND_GAP, next_title)])
            for name in legend or _quantities(subject):
                out.append(ChartSeries(name, unit, years, line, title))
                if len(out) >= MAX_SERIES:
                    return out
    return out


def _axis_labelled(doc: Document, year: int, table_lines: set[int]) -> list[ChartSeries]:
    """Series named by the caption under a chart's year axis: a line holding only consecutive years
    ("2013	2014	2015	2016", the axis OCR keeps), then, within ``AXIS_GAP`` lines, up to
    ``AXIS_LABELS`` label lines ("总资产（亿元）"; side-by-side charts put theirs in cells on one
    line). A chart in a run of charts may print its caption above its axis: a label right under an
    axis names a chart of the same years either way. An axis with a parsed table row right below it
    is that table's header."""
    lines = doc.lines
    repeated = _running_lines(doc)
    out: list[ChartSeries] = []
    for index, line in enumerate(lines):
        years = _axis(line.text, year)
        if years is None or line.number in table_lines:
            continue
        below = [other for other in lines[index + 1 : index + 1 + 2 * (AXIS_GAP + AXIS_LABELS)] if other.text.strip()]
        if any(other.number in table_lines for other in below[:AXIS_GAP]):
            continue
        block: list[tuple[str, str | None]] = []
        taken = 0
        for other in below[:AXIS_LABELS]:
            cells = [cell for cell in other.text.split("\t") if cell.strip()]
            labels = [_label(part) for cell in cells for part in CHART_LEGEND_MARK_RE.split(cell) if part.strip()]
            if not labels or None in labels or other.text.strip() in repeated:
                break
            block += [_name_unit(label) for label in labels if label]
            taken += 1
        after = below[taken : taken + 1]
        then_chart = bool(after) and CHART_RESIDUE_RE.match(after[0].text.strip()) is not None
        for name, unit in block:
            if unit is None and not then_chart:
                continue  # a bare phrase under an axis, prose after it: a heading, not a caption
            out.append(ChartSeries(name, unit, years, line, f"{name} (axis {years[0]}-{years[-1]})"))
        if len(out) >= MAX_SERIES:
            break
    return out


def _name_unit(label: str) -> tuple[str, str | None]:
    """A caption's name and the unit in its brackets, known unit word or not ("员工数(名）")."""
    name, unit = paren_unit(label)
    bracketed = _BRACKETED.match(label) if unit is None else None
    return (bracketed["name"], bracketed["unit"]) if bracketed else (name, unit)


def _running_lines(doc: Document) -> set[str]:
    """Texts printed on many pages (running headers and footers): never a caption."""
    counts = Counter(line.text.strip() for line in doc.lines if 0 < len(line.text.strip()) <= CHART_SUBJECT_MAX + 10)
    return {text for text, count in counts.items() if count >= RUNNING_MIN}


def _axis(text: str, year: int) -> tuple[int, ...] | None:
    """The years of a chart axis: a line of years only, consecutive (ascending or descending, once
    each; side-by-side charts repeat the run), ending at the reporting year or the year before."""
    tokens = text.split()
    if not 2 <= len(tokens) <= 4 * AXIS_MAX_YEARS or not all(_YEAR_TOKEN.match(t) for t in tokens):
        return None
    years = [int(t[:4]) for t in tokens]
    run = sorted(set(years))
    if len(run) < 2 or len(run) > AXIS_MAX_YEARS or run[-1] - run[0] != len(run) - 1:
        return None
    if len(years) % len(run) or not run[-1] <= year or run[-1] < year - 1:
        return None
    return tuple(run)


def _label(cell: str) -> str | None:
    """A chart caption: a short name, perhaps with its unit in brackets; None for anything else."""
    text = AXIS_LABEL_NOISE_RE.sub("", cell.strip())
    name, _ = _name_unit(text)
    if not 2 <= len(name) <= CHART_SUBJECT_MAX or not _LETTERS.search(name) or any(c.isdigit() for c in name):
        return None
    if CHART_SENTENCE_RE.search(name) or CHART_NOT_SERIES_RE.search(name) or CHART_BENCHMARK_RE.search(name):
        return None
    if AXIS_NOT_LABEL_RE.search(name) or name.startswith(("(", "（")):
        return None
    return text


def industry_charts(doc: Document, year: int, table_lines: set[int]) -> list[Line]:
    """Charts of the industry's, the market's or the country's figures over the years (the title names
    them, chart residue follows): the industry data a report sets beside its own."""
    lines = doc.lines
    return [
        lines[index]
        for index, _ in _titles(doc, year, table_lines, own=False)
        if sum(1 for other in lines[index + 1 : index + 1 + CHART_WINDOW] if CHART_RESIDUE_RE.match(other.text.strip()))
        >= CHART_MIN_RESIDUE
    ]


def _titles(doc: Document, year: int, table_lines: set[int], *, own: bool) -> list[tuple[int, list[Title]]]:
    """(line index, titles on it) of every line holding a chart title of the report's own series
    (``own``) or of the industry's."""
    out: list[tuple[int, list[Title]]] = []
    for index, line in enumerate(doc.lines):
        if line.number in table_lines or len(line.text) > LONGEST_LINE or not _A_RANGE.search(line.text):
            continue
        titles = [t for cell in _cells(line.text) if (t := _title(cell, year)) is not None]
        titles = [t for t in titles if (CHART_BENCHMARK_RE.search(t[0]) is None) == own]
        if titles:
            out.append((index, titles))
    return out


def _legend(lines: tuple[Line, ...]) -> list[str] | None:
    """The quantities a chart's legend names ("■营业收入■利润总额"), read where the title names only a
    group ("2010-2016年安全生产绩效" draws 可记录千人工伤事故率 and 职业病新发病例) and the legend
    comes before the next title (side-by-side charts interleave). None without a legend."""
    for line in lines:
        text = line.text.strip()
        if "\t" in text or not CHART_LEGEND_MARK_RE.search(text):
            continue
        names = [_trim(part) for part in CHART_LEGEND_MARK_RE.split(text) if part.strip()]
        if len(names) >= 2 and all(
            2 <= len(n) <= CHART_SUBJECT_MAX and _LETTERS.search(n) and not CHART_BENCHMARK_RE.search(n) for n in names
        ):
            return names
    return None


def _cells(text: str) -> list[str]:
    """Two charts side by side share a line (tab-separated cells, or a unit word before the title)."""
    cells = [cell.strip() for cell in text.split("\t") if cell.strip()]
    return [CHART_UNIT_BEFORE_RE.sub("", cell) for cell in cells]


def _title(text: str, year: int) -> Title | None:
    """(subject, first year, last year, title) of a chart title; None for any other text."""
    text = CHART_PREFIX_RE.sub("", text.strip())
    if not text or len(text) > CHART_SUBJECT_MAX + 16:
        return None
    for pattern in CHART_TITLE_RES:
        found = pattern.match(text)
        if found is None:
            continue
        first, last, subject = int(found["a"]), int(found["b"]), found["s"].strip()
        if not first < last <= year or last < year - 1 or last - first > MAX_SPAN:
            return None
        if not 2 <= len(subject) <= CHART_SUBJECT_MAX or CHART_SENTENCE_RE.search(subject):
            return None
        if CHART_NOT_SERIES_RE.search(subject) or subject[-1].isdigit() and subject[-2:-1].isdigit():
            return None
        return subject, first, last, text
    return None


def _quantities(subject: str) -> list[str]:
    """The quantities a subject joins; each part keeps at least two characters."""
    parts = [_trim(part) for part in CHART_JOINERS_RE.split(subject)]
    if any(len(part) < 2 for part in parts):
        return [_trim(subject)] if len(_trim(subject)) >= 2 else []
    return parts


def _trim(part: str) -> str:
    part = part.strip(" ：:（）()")
    for word in CHART_LEADING:
        if part.startswith(word) and len(part) > len(word) + 1:
            part = part[len(word) :]
            break
    for word in CHART_TRAILING:
        if part.casefold().endswith(word) and len(part) > len(word) + 1:
            part = part[: -len(word)].rstrip()
            break
    return part
