"""Cells of a data table: years, numbers, placeholders and units, in English and Chinese print.

Kept apart from the table walker so the vocabulary (what a unit looks like, what stands for "not
reported") is data that can grow without touching the logic.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from csr_rating.report import PLACEHOLDERS

YEAR_MIN, YEAR_MAX = 1990, 2100
# 2020, 2020年, 2020年度, FY2020, 2020A, 2020. (a flattened header ends with a full stop)
_YEAR = re.compile(r"^(?:FY|fy)?((?:19|20)\d{2})(?:年度?|A|E)?[.:：]?$")
_NUMBER = re.compile(r"^[-−+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_RATIO = re.compile(r"^\d+(?:\.\d+)?\s*[:：]\s*\d+(?:\.\d+)?$")
_FOOTNOTE_MARK = re.compile(r"^(?P<word>.*(?:[a-z]{3,}|\)))(?P<mark>\d{1,2})$")
# marks a figure carries in print: an asterisk for "see note", a trailing full stop of a flattened row
_MARKS = "*＊†‡"
_PLACEHOLDERS = PLACEHOLDERS | {"n/a.", "-.", "—.", "不适用。", "／", "－", "─", "——.", "\\"}

# Words that are a unit when they stand between a name and its figures (a "Unit" column flattened
# into the row). Longest first; matched case-insensitively on whole words.
UNIT_WORDS = sorted(
    {
        "%",
        "‰",
        "percent",
        "ppm",
        "tonnes",
        "tonne",
        "tons",
        "ton",
        "t",
        "kt",
        "mt",
        "kg",
        "g",
        "kwh",
        "mwh",
        "gwh",
        "twh",
        "gj",
        "tj",
        "mj",
        "m3",
        "m³",
        "l",
        "litres",
        "liters",
        "cubic meter",
        "cubic meters",
        "cubic metres",
        "standard cubic meter",
        "standard cubic meters",
        "tco2e",
        "tco2",
        "tons of standard coal",
        "tonnes of standard coal",
        "kg of standard coal",
        "standard coal",
        "tce",
        "kgce",
        "person",
        "persons",
        "people",
        "person-time",
        "person-times",
        "persons-time",
        "man-hours",
        "hour",
        "hours",
        "h",
        "day",
        "days",
        "time",
        "times",
        "number",
        "no.",
        "piece",
        "pieces",
        "case",
        "session",
        "sessions",
        "cases",
        "item",
        "items",
        "unit",
        "units",
        "score",
        "points",
        "point",
        "rmb",
        "yuan",
        "usd",
        "hkd",
        "rmb10,000",
        "rmb 10,000",
        "rmb million",
        "rmb billion",
        "rmb100 million",
        "10,000 yuan",
        "10,000 tonnes",
        "10,000 tons",
        "10,000 people",
        "million",
        "billion",
        "km",
        "households",
        "household",
        "sites",
        "suppliers",
        "employees",
        "organisations",
        "organizations",
        "countries",
    },
    key=lambda word: (-len(word), word),
)
_SHORT_WORD = re.compile(r"^[a-z]{1,12}$")
_UNIT_PATTERN = re.compile(r"^[A-Za-z%‰]+\d*/\s*[A-Za-z]+$")  # kg/vehicle, tonnes/vehicle, kWh/TB


@dataclass(frozen=True)
class Cell:
    """One figure of a row: its value (None = a placeholder, "not reported") and what was odd."""

    value: float | int | str | None
    text: str
    review: str | None = None


def year_of(token: str) -> int | None:
    match = _YEAR.match(token.strip())
    if match:
        year = int(match.group(1))
        if YEAR_MIN <= year <= YEAR_MAX:
            return year
    return None


def is_placeholder(token: str) -> bool:
    return token.strip().casefold() in _PLACEHOLDERS


def parse_cell(token: str) -> Cell | None:
    """A figure as printed -> Cell, or None when the token is not a figure at all."""
    text = token.strip()
    if is_placeholder(text):
        return Cell(None, text)
    core = text.rstrip(".").rstrip(_MARKS) if text[-1:] in "." + _MARKS else text
    review = f"printed as {text!r} (a note mark); check the note" if core != text.rstrip(".") else None
    core.endswith(("%", "％"))
    core = core.rstrip("%％").strip()
    if _RATIO.match(core):
        return Cell(re.sub(r"\s*[:：]\s*", ":", core), text, review)
    if not _NUMBER.match(core):
        return None
    number = core.replace(",", "").replace("−", "-").lstrip("+")
    value: float | int = float(number) if "." in number else int(number)
    return Cell(value, text, review)


@dataclass(frozen=True)
class Units:
    """The unit words a table reader knows: the common ones below, plus the catalogs' lexicon units
    (an industry's "MWh", "TEU", "base stations"): vocabulary as data, given by the caller."""

    words: frozenset[str]

    def with_words(self, extra: Iterable[str]) -> Units:
        return Units(self.words | {" ".join(w.split()).casefold() for w in extra})

    def is_phrase(self, text: str) -> bool:
        """A unit word or phrase, or a ratio of them (kg/vehicle, "kg of standard coal/ vehicle")."""
        phrase = re.sub(r"\s*/\s*", "/", " ".join(text.split()).casefold())
        if phrase in self.words or _UNIT_PATTERN.match(phrase):
            return True
        parts = phrase.split("/")
        return (
            len(parts) > 1
            and all(part in self.words or _SHORT_WORD.match(part) for part in parts)
            and (parts[0] in self.words)
        )

    def is_cell(self, text: str) -> bool:
        """A table cell that holds only a unit: a known unit phrase, or a few characters naming one."""
        return self.is_phrase(text) or (
            len(text) <= 8 and bool(_UNIT_HINT.search(text)) and not any(c.isdigit() for c in text)
        )

    def split(self, words: list[str]) -> tuple[list[str], str | None]:
        """Name words followed by a flattened unit column ("Total employees person") -> (name, unit)."""
        for size in (6, 5, 4, 3, 2, 1):
            if len(words) > size and self.is_phrase(" ".join(words[-size:])):
                return words[:-size], " ".join(words[-size:])
        return words, None

    def paren(self, name: str) -> tuple[str, str | None]:
        """ "Total assets (*100 million yuan)" -> ("Total assets", "*100 million yuan"); a parenthesis
        that is part of the name ("Nitrogen oxides (NOx) emission", "(excluding …)") stays."""
        match = _PAREN_UNIT.match(name)
        if match and (_UNIT_HINT.search(match.group("unit")) or self.is_phrase(match.group("unit"))):
            unit = _UNIT_LABEL.sub("", " ".join(match.group("unit").split()))  # "单位：个", "unit: t" -> the unit
            return match.group("name").strip(" ：:"), unit or None
        return name, None


COMMON_UNITS = Units(frozenset(UNIT_WORDS))


def is_unit_phrase(text: str) -> bool:
    return COMMON_UNITS.is_phrase(text)


def is_unit_cell(text: str) -> bool:
    return COMMON_UNITS.is_cell(text)


def split_unit(words: list[str]) -> tuple[list[str], str | None]:
    return COMMON_UNITS.split(words)


def paren_unit(name: str) -> tuple[str, str | None]:
    return COMMON_UNITS.paren(name)


# Unit words that are also ordinary words ("person", "time", "number"): a unit only where the
# table has a unit column; the others (tonnes, kWh, tCO2e, RMB) are units wherever they stand.
COUNT_WORDS = {
    "person", "persons", "people", "person-time", "person-times", "persons-time", "man-hours", "hour", "hours",
    "h", "day", "days", "time", "times", "number", "no.", "piece", "pieces", "case", "cases", "item", "items",
    "unit", "units", "session", "sessions", "vehicle", "vehicles", "score", "points", "point", "households", "household", "sites",
    "stations", "suppliers", "employees", "organisations", "organizations", "countries", "million", "billion",
    "t", "g", "l", "percent",
}  # fmt: skip


_UNIT_LABEL = re.compile(r"^(?:单位|计量单位|units?)\s*[：:]\s*", re.IGNORECASE)
_PAREN_UNIT = re.compile(r"^(?P<name>.*?)\s*[(（](?P<unit>[^()（）]{1,40})[)）]\s*$")
_UNIT_HINT = re.compile(
    r"%|‰|％|ton|kwh|wh\b|yuan|rmb|元|人|个|次|吨|万|亿|千|件|户|座|家|项|小时|天|台|公里|米|/|person|people|hour|"
    r"piece|point|score|\bm3\b|kgce|tce|co2|number|times?\b|days?\b|\*|10,000|million|billion|"
    r"countries|cities|households|units?\b|sites|例|起|宗|辆|棵|亩|公顷|立方|桶|英尺|瓦|度|升|克|分|月|年|人次",
    re.IGNORECASE,
)


def strip_footnote_marks(words: list[str]) -> tuple[list[str], bool]:
    """ "emissions9" -> "emissions": a footnote digit glued to a word in a flattened PDF. Chemical
    formulas (CO2, SO2, PM2.5) are upper-case or short and stay."""
    out: list[str] = []
    changed = False
    for word in words:
        match = _FOOTNOTE_MARK.match(word)
        if match:
            out.append(match.group("word"))
            changed = True
        else:
            out.append(word)
    return out, changed
