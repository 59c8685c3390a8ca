"""Figure panels: the key-figure boxes of Chinese and English reports, read from their text.

A designed page sets several figures side by side, each with its label above and its unit below;
extracted text keeps the columns as tab-separated cells, one line per row of the panel::

    员工参加职业	发生较大及	可记录千人工伤	职业病
    健康安全培训	以上安全事故	事故率	新发病例
    34.2	0	0.12	0
    万人次	起	‰	个

A one-figure box is a short label line over a line holding only a figure and its unit ("资产总额" /
"2712.67 亿元"). A box label may open with its year ("2016年对外捐赠总额", "2015年末员工总数"): the
figure is that year's, and a year after the reporting year is a target, no figure. A label set over two
lines whose second line is only a head noun ("2016年对外捐赠" / "总额") is one label. A line of N figures with one or two lines of N labels above it (and, optionally, a
line of N units below) is a panel: each column becomes a row of the reporting year (a panel states no year: the
review note says so). A column whose label names a change ("万元产值综合能耗同比下降" over 4.7) is no level:
the indicator is kept with the change as its text value ("同比下降 4.7"), which discloses it without
inventing a figure. A figure that is a year, a column whose label holds no letter, or lines of
unequal width are no panel; data tables with year headers are the table reader's.
"""

from __future__ import annotations

import re

from csr_rating.ingest.document import Document, Line
from csr_rating.ingest.tables import Row
from csr_rating.ingest.values import COMMON_UNITS, Units, parse_cell, year_of

MIN_COLUMNS = 2  # a panel sets at least two figures side by side
MAX_COLUMNS = 12
MAX_LABEL = 24  # characters of one label cell: a longer cell is a sentence
MAX_ROWS = 300  # panel rows kept per draft: a report has dozens of key figures, not thousands
_LETTER = re.compile(r"[A-Za-z\u3400-\u9fff]")
_HAN = re.compile(r"[\u3400-\u9fff]")
REVIEW = "read from a figure panel (label above, figure below); no year printed: taken as the reporting year"
REVIEW_CHANGE = "read from a figure panel: a change, not a level, kept as the text it states; no year printed"
REVIEW_DATED = "read from a figure box (label with its year above, figure below)"
# A box label's leading year: "2016年", "2016年度", "2016年底", "2016年末", "2016年全年", "2016 年".
_LEAD_YEAR = re.compile(r"^(?P<year>(?:19|20)\d{2})\s*年(?:度|底|末|全年)?\s*")
MAX_TAIL = 4  # characters of a label's second line that is only its head noun ("总额", "发电量")


def _cells(line: Line) -> list[str]:
    return [cell.strip() for cell in line.text.split("\t") if cell.strip()] if "\t" in line.text else []


def _figures(cells: list[str]) -> list[float | int] | None:
    values: list[float | int] = []
    for cell in cells:
        parsed = parse_cell(cell)
        if parsed is None or not isinstance(parsed.value, int | float) or year_of(cell) is not None:
            return None
        values.append(parsed.value)
    return values


def _labels(cells: list[str], width: int) -> bool:
    return len(cells) == width and all(
        _LETTER.search(c) and len(c) <= MAX_LABEL and parse_cell(c) is None for c in cells
    )


def _join(parts: list[str]) -> str:
    """Label lines of one column: Chinese runs on, English takes a space."""
    out = parts[0]
    for part in parts[1:]:
        glue = "" if _HAN.match(out[-1:]) and _HAN.match(part[:1]) else " "
        out = f"{out}{glue}{part}"
    return out


# A box's unit: a percentage or a Chinese measure word, with its multiplier (万吨, 亿千瓦时, 人次).
_BOX_UNIT = re.compile(
    r"^(?:%|％|‰|[万亿千百]?(?:美元|港元|元|人次|人|个|次|吨|辆|台|户|家|项|件|起|例|名|所|座|份|小时|天|公里|千米|米|"
    r"千瓦时|千瓦|兆瓦|瓦时|平方米|立方米|亩|公顷|吨标准煤|吨标煤|千克|克|升|箱|标箱|架次|班次|人时|课时|学时|笔|张|棵|株))$"
)
_CHANGE = re.compile(
    r"同比|增长|下降|提升|提高|增幅|降幅|减少|增加|降低|上升|比上年|较上年|change|increase|decrease|growth",
    re.IGNORECASE,
)
_LEAD_OUT = re.compile(r"(?:达到|达|为|约为|约|超过|超|共计|累计|合计|总计)$")  # "人均培训时长达" -> "人均培训时长"
_FIGURE_STARTS = frozenset("0123456789+-")
_FIGURE_WITH_UNIT = re.compile(
    r"^(?P<figure>[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[-+]?\d+(?:\.\d+)?)\s*(?P<unit>\S.{0,11})$"
)


def _label_of(lines: list[Line], index: int, skip: set[int]) -> tuple[str, Line] | None:
    """The label above the figure at ``index``: the line before it, joined to the line before that
    when the nearer one is only a short head noun ("2016年对外捐赠" / "总额")."""
    if index < 1 or lines[index - 1].number in skip:
        return None
    near = lines[index - 1]
    tail = near.text.strip()
    if index >= 2 and len(tail) <= MAX_TAIL and all(_HAN.match(c) for c in tail) and lines[index - 2].number not in skip:
        head = lines[index - 2].text.strip()
        if _LEAD_YEAR.match(head) and "\t" not in lines[index - 2].text and _HAN.match(head[-1:]):
            return head + tail, lines[index - 2]
    return near.text.strip(), near


def _key_figure(
    label: str, label_line: Line, figure: Line, units: Units, year: int
) -> tuple[str, float | int, str, int, bool] | None:
    """A one-figure box: a short label line, then a line holding only a figure and its unit
    ("资产总额" / "2712.67 亿元"). Without a unit a number is a page number or a chart tick.
    Returns (name, value, unit, year, dated)."""
    name = label
    match = _FIGURE_WITH_UNIT.match(figure.text.strip())
    if match is None or "\t" in label_line.text:
        return None
    dated = _LEAD_YEAR.match(name)
    value_year = year
    if dated is not None:
        value_year = int(dated.group("year"))
        if value_year > year:
            return None  # a target ("2020年碳排放强度下降") is no figure of the report
        name = name[dated.end() :]
    if not 2 <= len(name) <= MAX_LABEL or any(c.isdigit() for c in name):
        return None
    if not _LETTER.search(name) or name.endswith(("。", ".", "：", ":")) or "，" in name or "," in name:
        return None
    unit = match.group("unit").strip()
    if not (_BOX_UNIT.match(unit) or units.is_phrase(unit)) or year_of(match.group("figure")) is not None:
        return None
    if _CHANGE.search(name) or "：" in name or ":" in name:
        return None  # a change ("同比增长 30%") or a heading is no level of an indicator
    name = _LEAD_OUT.sub("", name) or name
    parsed = parse_cell(match.group("figure"))
    if parsed is None or not isinstance(parsed.value, int | float):
        return None
    return name, parsed.value, unit, value_year, dated is not None


def extract_panels(doc: Document, year: int, skip: set[int], units: Units = COMMON_UNITS) -> list[Row]:
    """Every column of every figure panel, and every one-figure box, as a row of the reporting year."""
    lines = [line for line in doc.lines if line.text.strip()]
    rows: list[Row] = []
    for index, line in enumerate(lines):
        if len(rows) >= MAX_ROWS:
            break
        if line.number in skip:
            continue
        boxed = _label_of(lines, index, skip) if line.text.lstrip()[:1] in _FIGURE_STARTS else None
        if boxed is not None:
            box = _key_figure(*boxed, line, units, year)
            if box is not None:
                name, value, box_unit, value_year, dated = box
                note = REVIEW_DATED if dated else REVIEW
                rows.append(Row(name, box_unit, {value_year: value}, boxed[1], None, (note,), -1 - index))
                continue
        cells = _cells(line)
        if not MIN_COLUMNS <= len(cells) <= MAX_COLUMNS:
            continue
        values = _figures(cells)
        if values is None:
            continue
        width = len(cells)
        above = [lines[i] for i in (index - 2, index - 1) if i >= 0]
        labels = [cand for cand in above if _labels(_cells(cand), width)]
        if not labels or labels[-1] is not lines[index - 1]:
            continue  # the labels stand right above the figures
        if len(labels) == 2 and labels[0] is not lines[index - 2]:
            labels = labels[1:]
        below = _cells(lines[index + 1]) if index + 1 < len(lines) else []
        unit_row = below if len(below) == width and all(units.is_cell(c) for c in below) else None
        for column, value in enumerate(values):
            name = _join([_cells(label)[column] for label in labels])
            unit = unit_row[column] if unit_row else None
            change = _CHANGE.search(name)
            if change is not None:  # "万元产值综合能耗同比下降 4.7%": the indicator is disclosed as a change
                base = name[: change.start()].strip()
                if len(base) < 2 or not _LETTER.search(base):
                    continue
                stated = f"{name[change.start():]} {cells[column]}{unit or ''}"
                rows.append(Row(base, None, {year: stated}, labels[0], None, (REVIEW_CHANGE,), -1 - index))
                continue
            rows.append(Row(name, unit, {year: value}, labels[0], None, (REVIEW,), -1 - index))
    return rows
