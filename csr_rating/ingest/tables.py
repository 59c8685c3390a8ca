"""Multi-year data tables in a draft's text: the rows behind the comparability and completeness scores.

A table starts at a header line that ends in two or more consecutive years ("Indicator 2018 2019
2020", "指标 单位 2018年 2019年 2020年", "2021 2020 2019"); the years give the columns. Below it,
each row is a name (with its unit in parentheses or as a flattened unit column) followed by one
figure per year. What real extractions do to tables is handled in general, not per report:

- names broken over several lines are joined (a fragment with an open parenthesis, a trailing
  hyphen or connecting word, or a row that is only figures takes the lines above it), and a name
  set around its figures (half above, half below in lower case, the unit in brackets under them)
  is put back together;
- section labels between rows ("Environmental Responsibility", "安全") become the rows' section;
- several rows flattened onto one line ("– Vehicle plants t 1 2 3 – Others t 4 5 6") are split,
  a row led by a dash being a sub-row of the row before it;
- placeholders (——, -, /, N/A, 不适用) mean the year is not reported;
- a figure broken by a stray space ("90, 258"), a note mark ("451,611*"), a footnote digit glued
  to the name ("emissions9") or page furniture glued to the end of a row is repaired and flagged
  for review, never guessed silently.

A table ends at the next header, at a prose paragraph, or after a few lines that are not rows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from csr_rating.ingest.document import HAN, Document, Line
from csr_rating.ingest.values import COMMON_UNITS, COUNT_WORDS, Cell, Units, parse_cell, strip_footnote_marks, year_of

MAX_FRAGMENTS = 4  # name lines joined at most (the longest real names wrap over three)
MAX_GAP = 6  # non-row lines after which a table is over
NAME_MAX = 300  # characters of an indicator name (the report format's limit)


def shorten(name: str, limit: int = NAME_MAX) -> str:
    """The start of an over-long name, cut at a word boundary where there is one, with an ellipsis."""
    cut = name[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:，；：") + "…"
PROSE_LENGTH = 160  # a line longer than this without figures is a paragraph, not a table cell
_DASHES = ("–", "—", "-", "－")
_CONNECTORS = {"of", "and", "in", "the", "for", "to", "per", "by", "on", "at", "from", "with", "or", "a", "an"}
_CJK = re.compile(f"[{HAN}]")
_YEAR_SPACE = re.compile(r"((?:19|20)\d{2})\s+(年度?)")
_LEAD_IN = re.compile(r"^(?:among (?:which|them)|of which|including|incl\.|其中)\s*[:：,，]?\s*", re.IGNORECASE)
_LETTER = re.compile(f"[A-Za-z{HAN}]")
_STRAY_SPACE = re.compile(r"^\d{1,3},$")
_THREE_DIGITS = re.compile(r"^\d{3}(?:\.\d+)?[.%]?$")


@dataclass(frozen=True)
class Row:
    name: str
    unit: str | None
    values: dict[int, float | int | str]
    line: Line
    section: str | None = None
    reviews: tuple[str, ...] = ()
    table: int = 0  # index of the table in the document


@dataclass
class _Table:
    index: int
    years: list[int]
    section: str | None
    unit_column: bool
    pending: list[str] = field(default_factory=list)
    pending_line: Line | None = None
    gap: int = 0
    parent: str | None = None  # last main row, for dash-led sub-rows
    notes: tuple[str, ...] = ()  # what the header needed repairing (an OCR-damaged year), said on each row
    bare: _Bare | None = None  # the last row, when its own line held only figures


@dataclass
class _Bare:
    """A row whose line held only figures, its name taken from the lines above: a name set around its
    figures (half above, half below) is finished by the line after them."""

    words: list[str]
    line: Line
    start: Line
    cells: list[Cell]
    reviews: list[str]
    at: int  # its index among the rows


def header_years(tokens: list[str]) -> tuple[list[str], list[int]] | None:
    """(label tokens, years) when the tokens end in >= 2 consecutive years, else None."""
    found = header_years_repaired(tokens)
    return None if found is None else (found[0], found[1])


# An OCR-damaged year: four characters or so that begin like one ("20U", "201啤", "2O15").
_DAMAGED_YEAR = re.compile(r"^(?:19|20|2[Oo])[0-9OoIlUS]?[^\s\d]{0,2}[0-9]?[年度]?$")


def header_years_repaired(tokens: list[str]) -> tuple[list[str], list[int], list[str]] | None:
    """``header_years`` where an OCR-damaged year between or beside readable ones is inferred from
    their sequence ("20U 2015 2016" -> 2014, 2015, 2016); the third item says what was inferred."""
    run: list[int | None] = []
    index = len(tokens)
    while index > 0:
        token = tokens[index - 1]
        year = year_of(token)
        if year is None and not (_DAMAGED_YEAR.match(token) and 3 <= len(token) <= 6):
            break
        run.insert(0, year)
        index -= 1
    known = [(i, y) for i, y in enumerate(run) if y is not None]
    if len(known) < 2:
        return None
    step = known[1][1] - known[0][1]
    if known[1][0] - known[0][0] != 0 and step % (known[1][0] - known[0][0]) == 0:
        step //= known[1][0] - known[0][0]
    if step not in (1, -1):
        return None
    first_i, first_y = known[0]
    years = [first_y + (i - first_i) * step for i in range(len(run))]
    if any(y is not None and y != years[i] for i, y in enumerate(run)) or not all(1950 <= y <= 2100 for y in years):
        return None
    repaired = [f"{tokens[index + i]!r} read as {years[i]}" for i, y in enumerate(run) if y is None]
    # a damaged token only between or beside readable years, never a run of guesses
    if len(repaired) > len(known) - 1:
        return None
    return tokens[:index], years, repaired


def tokens_of(line: Line) -> list[str]:
    """Cells when the reader knew them (tabs), else words; a cell of several figures is split."""
    text = _YEAR_SPACE.sub(r"\1\2", line.text)
    if "\t" not in text:
        return text.split()
    out: list[str] = []
    for cell in (c.strip() for c in text.split("\t")):
        if not cell:
            continue
        parts = cell.split()
        if len(parts) > 1 and all(parse_cell(p) is not None or year_of(p) is not None for p in parts):
            out.extend(parts)
        else:
            out.append(cell)
    return out


def _join(fragments: Iterable[str]) -> str:
    text = ""
    for fragment in (f.strip() for f in fragments):
        if not fragment:
            continue
        if not text or text.endswith("-") or _CJK.match(fragment[:1]) or _CJK.search(text[-1:]):
            text += fragment
        else:
            text += " " + fragment
    return " ".join(text.split())


def _is_continuation(pending: list[str], name_words: list[str]) -> bool:
    """Whether the lines above belong to this row's name rather than being a section label."""
    if not pending:
        return False
    if not name_words:
        return True
    joined = " ".join(pending)
    if joined.count("(") + joined.count("（") > joined.count(")") + joined.count("）"):
        return True
    last = pending[-1].split()[-1] if pending[-1].split() else ""
    first = name_words[0]
    return last.endswith(("-", ",", "/", "、")) or last.casefold() in _CONNECTORS or first[:1].islower()


_BRACKETED_UNIT = re.compile(r"^\([^()]{1,30}\)$")  # "(10,000)", "(million tonnes)": a unit under its figures


def _ends_a_name(text: str) -> bool:
    """A line that cannot start a name of its own: English in lower case, or a unit in brackets."""
    text = text.strip()
    return (text[:1].isascii() and text[:1].islower()) or bool(_BRACKETED_UNIT.match(text))


def _after_complete_names(pending: list[str], units: Units) -> list[str]:
    """Fragments after the last one that is a complete "name (unit)" other than the final one: such
    a fragment is a row whose figures were lost (a chart), not the start of this row's name."""
    for index in range(len(pending) - 2, -1, -1):
        if units.paren(pending[index])[1] is not None:
            return pending[index + 1 :]
    return pending


def _repair(tokens: list[str]) -> tuple[list[str], list[str]]:
    """Join a figure broken by a stray space ("90," "258" -> "90,258")."""
    out: list[str] = []
    reviews: list[str] = []
    for token in tokens:
        if out and _STRAY_SPACE.match(out[-1]) and _THREE_DIGITS.match(token):
            reviews.append(f"a figure printed as {out[-1] + ' ' + token!r} was read as {out[-1] + token!r}")
            out[-1] += token
        else:
            out.append(token)
    return out, reviews


def _strip_furniture(tokens: list[str], width: int, years: list[int]) -> tuple[list[str], str | None]:
    """A page number and running header year glued after the last figure ("… 1.62 101 2021.")."""
    if len(tokens) >= width + 2 and year_of(tokens[-1]) in years:
        page = tokens[-2]
        if page.isdigit() and len(page) <= 3:
            return tokens[:-2], f"dropped {page} {tokens[-1]} after the figures (page number and header)"
    return tokens, None


def split_rows(tokens: list[str], width: int) -> list[tuple[list[str], list[Cell]]]:
    """Walk the tokens: name words, then a run of >= ``width`` figures, repeatedly. Extra figures
    at the front of a run belong to the name ("Fortune Global 500 141 141 158")."""
    rows: list[tuple[list[str], list[Cell]]] = []
    name: list[str] = []
    index = 0
    while index < len(tokens):
        run: list[Cell] = []
        end = index
        while end < len(tokens):
            cell = parse_cell(tokens[end])
            if cell is None or _leads_sub_row(tokens, end):
                break
            run.append(cell)
            end += 1
        if len(run) >= width:
            extra = len(run) - width
            name.extend(tokens[index : index + extra])
            rows.append((name, run[extra:]))
            name = []
            index = end
        elif run:
            name.extend(tokens[index:end])
            index = end
        else:
            name.append(tokens[index])
            index += 1
    if name:
        rows.append((name, []))
    return rows


def _leads_sub_row(tokens: list[str], index: int) -> bool:
    """A dash followed by words starts a sub-row ("– Vehicle plants t 1 2 3"); a dash followed by
    a figure or at the end is a placeholder."""
    return tokens[index] in _DASHES and index + 1 < len(tokens) and parse_cell(tokens[index + 1]) is None


def _name_and_unit(words: list[str], unit_column: bool, cells: bool, units: Units) -> tuple[str, str | None, bool]:
    """Name and unit of a row; with cells (a tab-separated row) a unit column is its own cell."""
    words, footnote = strip_footnote_marks(words)
    if cells and len(words) >= 2 and (unit_column or units.is_cell(words[-1])):
        return _join(words[:-1]), words[-1], footnote
    name, unit = units.paren(_join(words))
    if unit is None:
        kept, unit = units.split(name.split())
        if unit is not None and kept and (unit_column or unit.casefold() not in COUNT_WORDS):
            name = " ".join(kept)
        else:
            unit = None
    return name, unit, footnote


def _dash_led(words: list[str]) -> bool:
    return bool(words) and words[0] in _DASHES


class _Walker:
    def __init__(self, units: Units) -> None:
        self.units = units
        self.rows: list[Row] = []
        self.table: _Table | None = None
        self.count = 0

    def feed(self, line: Line) -> None:
        tokens = tokens_of(line)
        if not tokens:
            return
        header = header_years_repaired(tokens)
        if header is not None:
            label, years, repaired = header
            self.table = _Table(
                self.count,
                years,
                _join(label) or None,
                unit_column=any(t.casefold() in ("unit", "units", "单位") for t in label),
                notes=tuple(f"year header {note}" for note in repaired),
            )
            self.count += 1
            return
        if self.table is not None:
            self._row_line(line, tokens, self.table)

    def _row_line(self, line: Line, tokens: list[str], table: _Table) -> None:
        width = len(table.years)
        tokens, reviews = _repair(tokens)
        tokens, furniture = _strip_furniture(tokens, width, table.years)
        if furniture:
            reviews.append(furniture)
        parts = split_rows(tokens, width)
        if not any(cells for _, cells in parts):
            self._not_a_row(line, table)
            return
        for words, cells in parts:
            if not cells:  # trailing name words: the start of the next row's name
                self._not_a_row(line, table, words)
                continue
            self._emit(line, table, words, cells, list(reviews))
        table.gap = 0

    def _not_a_row(self, line: Line, table: _Table, words: list[str] | None = None) -> None:
        text = _join(words) if words is not None else line.text.strip()
        prose = len(text) > PROSE_LENGTH or (text.endswith(("。", ". ")) and len(text) > 60)
        if table.bare is not None and not table.pending and not prose and _ends_a_name(text):
            # the rest of the name set around the figures above; a cell after it is another column's
            self._finish_bare(table, line.text.strip().split("\t")[0] if words is None else text)
            table.gap += 1
            return
        if prose or len(table.pending) >= MAX_FRAGMENTS:
            table.gap += MAX_GAP if prose else 1
            table.pending = []
        else:
            table.gap += 1
            if not table.pending:
                table.pending_line = line
            table.pending.append(text)
        if table.gap >= MAX_GAP:
            self.table = None

    def _emit(self, line: Line, table: _Table, words: list[str], cells: list[Cell], reviews: list[str]) -> None:
        start = line
        bare = not words
        table.bare = None  # a line after it that finishes its name has been read (_not_a_row)
        table.pending = _after_complete_names(table.pending, self.units)
        unit_only = (
            table.unit_column and table.pending and 0 < len(words) <= 3 and self.units.is_phrase(" ".join(words))
        )
        if unit_only:  # the name wrapped above; this line holds only the unit column and the figures
            words = [*" ".join(table.pending).split(), "(" + " ".join(words) + ")"]
            start = table.pending_line or line
        elif _is_continuation(table.pending, words):
            words = (
                " ".join(table.pending).split() + words
                if not _CJK.search("".join(table.pending))
                else [_join([*table.pending, *words])]
            )
            start = table.pending_line or line
        elif table.pending:
            table.section = _join(table.pending).rstrip(".:：")
            table.parent = None
        table.pending = []
        table.pending_line = None
        table.bare = _Bare(list(words), line, start, cells, list(reviews), len(self.rows)) if bare else None
        self._add(line, table, words, cells, reviews, start)

    def _finish_bare(self, table: _Table, tail: str) -> None:
        """The line after a figures-only row that starts in lower case or with its unit ("covered via
        the Village Connected Project", "(10,000)") ends that row's name: it is put back together."""
        bare, table.bare = table.bare, None
        if bare is None or bare.at >= len(self.rows) or self.rows[bare.at].line is not bare.start:
            return
        kept = self.rows[bare.at + 1 :]
        del self.rows[bare.at :]
        # the name now spans lines around the figures: no cell of the figures' line is part of it
        self._add(bare.line, table, [*bare.words, *tail.split()], bare.cells, bare.reviews, bare.start, in_cells=False)
        self.rows.extend(kept)

    def _add(
        self,
        line: Line,
        table: _Table,
        words: list[str],
        cells: list[Cell],
        reviews: list[str],
        start: Line,
        in_cells: bool | None = None,
    ) -> None:
        """The row of a name's words and its figures, appended to the rows; ``in_cells``: the name's
        last word may be a unit column's cell (by default, when the row's line has cells)."""
        sub = _dash_led(words)
        if sub:
            words = words[1:]
        in_cells = "\t" in line.text if in_cells is None else in_cells
        name, unit, footnote = _name_and_unit(words, table.unit_column, in_cells, self.units)
        if footnote:
            reviews.append("a footnote digit glued to the name was dropped")
        if sub and table.parent:
            name = f"{table.parent} – {name}"
        elif not sub:
            table.parent = name.split(" – ")[0]
        name = _LEAD_IN.sub("", name.strip(" :："))
        if not _LETTER.search(name):
            return
        if len(name) > NAME_MAX:  # a name is never this long: keep its start, and say so
            reviews.append(f"row name of {len(name)} characters shortened to {NAME_MAX}: check it")
            name = shorten(name)
        values: dict[int, float | int | str] = {}
        for year, cell in zip(table.years, cells, strict=False):
            if cell.value is not None:
                values[year] = cell.value
            if cell.review:
                reviews.append(f"{year}: {cell.review}")
        if not values:
            return
        if unit is None and any(c.text.rstrip(".").endswith(("%", "％")) for c in cells):
            unit = "%"
        self.rows.append(Row(name, unit, values, start, table.section, (*table.notes, *reviews), table.index))


def extract_rows(doc: Document, units: Units = COMMON_UNITS) -> list[Row]:
    """Every row of every multi-year table, in document order; ``units`` are the unit words known
    (the common ones, and the catalogs' lexicon units when ingest gives them)."""
    walker = _Walker(units)
    for line in doc.lines:
        walker.feed(line)
    return walker.rows
