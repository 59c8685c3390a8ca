"""Draft in, structured report out: read, extract each section, link to the catalog, validate.

The result always validates against the report model and passes the consistency checks ``score``
applies (one id per indicator, no name repeated, no value after the reporting year): what ingest
writes, score reads without an input error. Where that needs a change (a repeated name qualified
by its table section, a year after the reporting year dropped), the change carries a review note.
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from csr_rating.catalog import Catalog, CatalogIndicator
from csr_rating.consistency import check_report, same_name_key
from csr_rating.criteria import CriteriaSet
from csr_rating.errors import InputError
from csr_rating.ingest import budget
from csr_rating.ingest.charts import chart_series, industry_charts
from csr_rating.ingest.content_index import read_index
from csr_rating.ingest.document import Document
from csr_rating.ingest.features import extract_originality, extract_readability
from csr_rating.ingest.index_items import indexed_indicators
from csr_rating.ingest.industry import detect_industry
from csr_rating.ingest.matching import SURE, Matcher
from csr_rating.ingest.meta import detect_year, extract_meta, extract_process
from csr_rating.ingest.narrative import (
    PhraseIndex,
    comparison_kind,
    comparisons,
    figures,
    mentions,
    peer_tables,
    standalone_comparisons,
)
from csr_rating.ingest.negatives import extract_negatives
from csr_rating.ingest.noted import Noted, plain
from csr_rating.ingest.panels import extract_panels
from csr_rating.ingest.per_object import PerObject
from csr_rating.ingest.profile import profile_line
from csr_rating.ingest.readers import read_document
from csr_rating.ingest.segments import detect_segments
from csr_rating.ingest.structure import masked, parts
from csr_rating.ingest.tables import Row, extract_rows
from csr_rating.ingest.topics import extract_topics, with_evidence
from csr_rating.ingest.unseen import unseen
from csr_rating.ingest.values import COMMON_UNITS, Units
from csr_rating.ingest.writer import to_yaml
from csr_rating.loading import load_criteria
from csr_rating.report import Report
from csr_rating.yamlio import load_yaml


@dataclass(frozen=True)
class Stats:
    table_rows: int
    linked_rows: int
    prose_figures: int
    chart_series: int
    qualitative: int
    topics: int
    reviews: int


@dataclass(frozen=True)
class Draft:
    """An ingested draft: the commented YAML, the validated report, and what was found."""

    document: Document
    data: dict[str, Any]
    report: Report
    rows: list[Row]
    stats: Stats
    yaml: str = field(repr=False)


def ingest(
    path: Path | str, *, industry: str | None = None, year: int | None = None, criteria: CriteriaSet | None = None
) -> Draft:
    """Read a draft (txt, md, pdf, docx, or "-" for stdin) and extract its structured report."""
    return ingest_document(read_document(path), industry=industry, year=year, criteria=criteria)


def ingest_document(
    doc: Document, *, industry: str | None = None, year: int | None = None, criteria: CriteriaSet | None = None
) -> Draft:
    criteria = criteria if criteria is not None else load_criteria()
    if not any(line.text.strip() for line in doc.lines):
        raise InputError(doc.path, "the draft has no text to read")
    # The draft's own facts: a rating letter, an assurance statement, expert comments, an index and a
    # table of contents are blanked for every extractor but the meta reader (structure.py).
    found = parts(doc)
    facts = masked(doc, found)
    rows = extract_rows(facts, _units(criteria))
    if len(rows) > budget.MAX_TABLE_ROWS:  # dropping rows would rate a different report: refuse
        raise InputError(
            doc.path,
            f"more table rows than a report holds ({len(rows):,}; the limit is {budget.MAX_TABLE_ROWS:,}): "
            "split the draft and ingest each part",
        )
    industry_note = _industry(facts, criteria, industry)
    catalog = criteria.catalog_for(industry_note.value)
    year_note = _year(doc, rows, year)
    the_year = int(year_note.value)
    rows += extract_panels(facts, the_year, {r.line.number for r in rows}, _units(criteria))

    meta = extract_meta(facts, year=the_year, industry=industry_note.value, whole=doc)
    indexes, index_items = read_index(doc, found)
    if indexes:
        meta["content_index"] = indexes
    meta["year"] = year_note
    meta["industry"] = industry_note
    segments = detect_segments(facts, catalog)
    if segments is not None:
        meta["segments"] = segments
    indicators, linked = _indicators(rows, catalog, the_year)
    table_lines = {r.line.number for r in rows}
    phrases = PhraseIndex(catalog)
    prose, qualitative = _prose_indicators(facts, phrases, the_year, linked, table_lines)
    practices = {same_name_key(plain(q)["name"]) for q in qualitative}
    indicators, prose, charted = _charted(facts, catalog, the_year, table_lines, indicators, prose, practices)
    _add_comparisons(facts, phrases, [*indicators, *prose], table_lines)
    prose += _standalone_comparisons(facts, [*indicators, *prose], table_lines, the_year)
    data: dict[str, Any] = {
        "meta": meta,
        "process": extract_process(facts),
        "topics": extract_topics(facts, catalog),
        "indicators": indicators + prose + charted + qualitative,
        "negative_disclosures": extract_negatives(facts, catalog),
        "readability": extract_readability(facts),
        "originality": extract_originality(facts),
    }
    structural = _structural(
        data, phrases, rows, {plain(i)["id"] for i in data["indicators"] if "id" in plain(i)}, facts
    )
    named = {same_name_key(plain(n)["name"]) for n in structural}
    charted = [c for c in charted if same_name_key(plain(c)["name"]) not in named]  # a report-level item's name
    data["indicators"] = indicators + prose + charted + qualitative + structural
    data["topics"] = with_evidence(data["topics"], data["indicators"], catalog, facts.language)
    listed = indexed_indicators(index_items, _matcher(catalog), catalog, data["indicators"], facts.language)
    if listed:
        data["indexed_indicators"] = listed
    data["unknown"] = unseen(doc, data)
    report = _validate(data, doc.path, criteria)
    stats = Stats(
        table_rows=len(indicators),
        linked_rows=sum(1 for item in indicators if "id" in plain(item)),
        prose_figures=len(prose),
        chart_series=len(charted),
        qualitative=len(qualitative),
        topics=len(report.topics),
        reviews=_count_reviews(data),
    )
    text = to_yaml(data, _header(doc, stats))
    _round_trip(text, doc.path, criteria)
    return Draft(doc, data, report, rows, stats, text)


def _all_units(criteria: CriteriaSet) -> Units:
    """The common unit words and every catalog's lexicon units: tables are read before the industry
    is known, and any industry's unit is a unit."""
    return COMMON_UNITS.with_words(u for catalog in criteria.catalogs.values() for u in catalog.lexicon.units)


_units: PerObject[CriteriaSet, Units] = PerObject(_all_units)  # built once per criteria set object
_matcher: PerObject[Catalog, Matcher] = PerObject(Matcher)  # its word weights, built once per catalog object


def _industry(doc: Document, criteria: CriteriaSet, asked: str | None) -> Noted:
    """The asked industry, else the pack the draft's words fit best (see ``industry.py``)."""
    if asked is not None:
        if asked not in criteria.catalogs:
            known = ", ".join(sorted(criteria.catalogs))
            raise InputError("--industry", f"no catalog for industry {asked!r} (known: {known})")
        return Noted(asked)
    return detect_industry(doc, criteria)


def _year(doc: Document, rows: list[Row], asked: int | None) -> Noted:
    if asked is not None:
        return Noted(asked)
    found = detect_year(doc)
    if found is not None:
        return found
    years = Counter(max(row.values) for row in rows)
    if years:
        latest = max(years)
        return Noted(latest, review="reporting year taken from the latest year of the data tables")
    return Noted(2000, review="reporting year not found: fill it in (or pass --year)")


def _indicators(rows: list[Row], catalog: Catalog, year: int) -> tuple[list[Noted], set[str]]:
    """Table rows as indicators; each catalog id goes to its best-matching row only."""
    matcher = _matcher(catalog)
    items = {item.id: item for item in catalog.indicators}
    matches = [matcher.indicator(row.name, row.unit) for row in rows]
    matches = [
        None if m is not None and not _fits(items[m.id], row) else m for m, row in zip(matches, rows, strict=True)
    ]
    owner: dict[str, int] = {}
    for index, match in enumerate(matches):
        if match is not None and (match.id not in owner or match.score > matches[owner[match.id]].score):  # type: ignore[union-attr]
            owner[match.id] = index
    used: set[tuple[str, str]] = set()
    out: list[Noted] = []
    for index, row in enumerate(rows):
        reviews = list(row.reviews)
        values = {y: v for y, v in row.values.items() if y <= year}
        if len(values) < len(row.values):
            reviews.append(f"values after the reporting year {year} left out")
        if not values:
            continue
        name = _unique_name(row, used)
        if name != row.name:
            reviews.append(f"named after its table section to tell it from another row {row.name!r}")
        entry: dict[str, Any] = {"name": name}
        numeric = any(not isinstance(v, str) for v in values.values())  # a text value has no unit
        match = matches[index]
        confidence = None
        if match is not None and owner.get(match.id) == index:
            entry["id"] = match.id
            confidence = match.score
            if match.score < SURE:
                reviews.append(f"linked to {match.id} ({match.via!r}) by a fuzzy match; remove the id if wrong")
            item = items[match.id]
            if row.unit is None and item.unit and numeric:
                reviews.append(f"unit {item.unit!r} taken from the catalog")
            if item.negative:
                entry["negative"] = True
        elif match is not None:
            reviews.append(f"also looks like {match.id}, already linked to a closer row")
        linked = match is not None and owner.get(match.id) == index and numeric
        unit = row.unit or (items[match.id].unit if linked and match is not None else None)
        if unit:
            entry["unit"] = unit
        entry["values"] = values
        review = "; ".join(reviews) or None
        out.append(Noted(entry, row.line.where, review, confidence))
    return out, set(owner)


SHARE_UNITS = ("%", "％", "‰")


def _fits(item: CatalogIndicator, row: Row) -> bool:
    """A share is never a count: a row whose unit says the other kind, or whose figures pass 100,
    does not link to a share indicator ("Cities covered by 5G: 337" is no 337%)."""
    if (item.unit or "").strip() not in SHARE_UNITS:
        return not (row.unit and row.unit.strip() in SHARE_UNITS and item.kind == "quantitative" and item.unit)
    if row.unit and row.unit.strip() not in SHARE_UNITS:
        return False
    return all(not isinstance(v, int | float) or abs(v) <= 100 for v in row.values.values())


def _charted(
    doc: Document,
    catalog: Catalog,
    year: int,
    table_lines: set[int],
    rows: list[Noted],
    prose: list[Noted],
    practices: set[str],
) -> tuple[list[Noted], list[Noted], list[Noted]]:
    """Series a chart title declares (charts.py): the years join the indicator the draft already gives
    a figure for (by name or catalog id), else become an indicator of their own with ``chart_years``:
    the table rows and prose figures come back updated, then the new chart indicators."""
    matcher = _matcher(catalog)
    quantitative = {item.id for item in catalog.indicators if item.kind == "quantitative"}
    found = [*rows, *prose]
    by_key = {same_name_key(n.value["name"]): i for i, n in enumerate(found)}
    by_id = {n.value["id"]: i for i, n in enumerate(found) if "id" in n.value}
    for series in chart_series(doc, year, table_lines):
        match = matcher.indicator(series.name, series.unit)
        match = match if match is not None and match.id in quantitative else None  # a chart draws figures
        key = same_name_key(series.name)
        if key in practices:
            continue  # a practice the prose describes ("Reader feedback form"), not a charted quantity
        at = by_key.get(key)
        if at is None and match is not None and match.score >= SURE:
            at = by_id.get(match.id)
        review = f"years from the chart titled {series.title!r} ({series.line.where}); its figures are not in the text"
        if at is not None:
            target = found[at]
            shown = [y for y in series.years if y not in target.value.get("values", {})]
            if shown:
                merged = {**target.value, "chart_years": sorted({*target.value.get("chart_years", []), *shown})}
                note = f"{target.review}; {review}" if target.review else review
                found[at] = replace(target, value=merged, review=note)
            continue
        entry: dict[str, Any] = {"name": series.name}
        if match is not None and match.id not in by_id:
            entry["id"] = match.id
            if match.score < SURE:
                review += f"; linked to {match.id} ({match.via!r}) by a fuzzy match; remove the id if wrong"
        if series.unit:
            entry["unit"] = series.unit
        entry["chart_years"] = list(series.years)
        by_key[key] = len(found)
        if "id" in entry:
            by_id[entry["id"]] = len(found)
        found.append(Noted(entry, series.line.where, f"{review}: add them to values", 0.6))
    end = len(rows) + len(prose)
    return found[: len(rows)], found[len(rows) : end], found[end:]


def _unique_name(row: Row, used: set[tuple[str, str]]) -> str:
    """A name that repeats (breakdowns like "Male" under two headings) is qualified by its section,
    then by its line, so every indicator is one row the author can find."""
    unit = same_name_key(row.unit or "")
    first = [row.name, f"{row.section} – {row.name}" if row.section else None, f"{row.name} ({row.line.where})"]
    candidates = itertools.chain(first, (f"{row.name} ({row.line.where}, {n})" for n in range(2, 1000)))
    for name in candidates:
        if name and (same_name_key(name), unit) not in used:
            used.add((same_name_key(name), unit))
            return name
    raise RuntimeError(f"no unique name for {row.name!r}")  # pragma: no cover - 1,000 rows on one line


def _prose_indicators(
    doc: Document, index: PhraseIndex, year: int, linked: set[str], table_lines: set[int]
) -> tuple[list[Noted], list[Noted]]:
    prose: list[Noted] = []
    for figure in figures(doc, index, year, linked, table_lines):
        entry: dict[str, Any] = {"id": figure.item.id, "name": figure.item.name.get(doc.language)}
        unit = figure.unit or figure.item.unit
        if unit:
            entry["unit"] = unit
        entry["values"] = {figure.year: figure.value}
        if figure.item.negative:
            entry["negative"] = True
        review = "figure read from the prose; check value, unit and year"
        if not figure.year_stated:
            review += f" (no year stated; taken as {year})"
        prose.append(Noted(entry, figure.line.where, review, 0.6))
    taken = linked | {plain(p)["id"] for p in prose}
    qualitative: list[Noted] = []
    for mention in mentions(doc, index):
        if mention.item.kind != "qualitative" or mention.item.id in taken:
            continue
        entry = {
            "id": mention.item.id,
            "name": mention.item.name.get(doc.language),
            "narrative": f"Described in the draft ({mention.line.where}).",
        }
        review = f"the draft names {mention.phrase!r}; check it describes this, or delete the item"
        qualitative.append(Noted(entry, mention.line.where, review, 0.7))
    return prose, qualitative


# What the other extractors found that a catalog lists as a disclosure of its own (the report-level
# items of CASS-CSR's preface and appendix): the finding, and the phrases a catalog names it by.
STRUCTURE: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("meta.year", ("reporting period", "reporting scope")),
    ("meta.assurance", ("independent assurance", "assurance statement")),
    ("readability.feedback_form", ("reader feedback form", "feedback form")),
    ("process.materiality", ("materiality assessment", "material issues")),
    ("tables", ("key performance indicators", "key performance data table")),
    ("profile", ("company profile", "corporate profile")),
)


def _structural(
    data: dict[str, Any], index: PhraseIndex, rows: list[Row], taken: set[str], doc: Document
) -> list[Noted]:
    """Catalog items disclosed by the draft's structure (a reporting period, a KPI table, a feedback
    form, an assurance statement, a profile of the organisation), linked through the catalog's own
    names for them."""
    out: list[Noted] = []
    for finding, phrases in STRUCTURE:
        note = _found(data, rows, finding, doc)
        if note is None:
            continue
        item = next((found for p in phrases if (found := index.lookup(p)) is not None), None)
        if item is None or item.id in taken or item.kind != "qualitative":
            continue
        taken.add(item.id)
        where = note.source or "the draft"
        entry = {"id": item.id, "name": item.name.en, "narrative": f"Found in the draft ({where})."}
        out.append(Noted(entry, note.source, f"inferred from {finding}; check it", 0.7))
    return out


def _found(data: dict[str, Any], rows: list[Row], finding: str, doc: Document) -> Noted | None:
    """Where the draft shows ``finding``; None when it does not."""
    if finding == "tables":
        return Noted(True, rows[0].line.where) if len(rows) >= 10 else None
    if finding == "profile":
        line = profile_line(doc, plain(data["meta"].get("organisation")))
        return Noted(True, line.where) if line is not None else None
    section, key = finding.split(".")
    value = data.get(section, {}).get(key) if isinstance(data.get(section), dict) else None
    if isinstance(value, Noted):
        return value if plain(value) and value.source else None
    if isinstance(value, list) and value:
        first = value[0]
        return first if isinstance(first, Noted) and first.source else None
    return None


def _standalone_comparisons(doc: Document, indicators: list[Noted], table_lines: set[int], year: int) -> list[Noted]:
    """A place in a published ranking or a figure set beside the industry's, stated in the prose with no
    catalog indicator named, becomes an indicator of its own carrying that benchmark (unless a table
    row already compares itself so)."""
    have = {b["kind"] for n in indicators for b in n.value.get("benchmark", [])}
    names = {n.value["name"].casefold() for n in indicators}
    out: list[Noted] = []
    stated = standalone_comparisons(doc, table_lines)
    for found in stated:
        if (found.kind == "ranking" and any(found.name.removeprefix("Ranking in ").casefold() in n for n in names)) or (
            found.kind == "industry" and "industry" in have
        ):
            continue
        entry: dict[str, Any] = {"name": found.name}
        if found.rank is not None:
            entry["values"] = {year: found.rank}
        else:
            entry["narrative"] = f"Stated in the draft ({found.line.where})."
        entry["benchmark"] = [
            {"kind": found.kind, "description": f"{found.kind} comparison stated in the draft ({found.line.where})"}
        ]
        review = "a comparison the draft states; check the place or the figure compared"
        out.append(Noted(entry, found.line.where, review, 0.6))
    extra = [("peer", "Comparison with peers (a peer table)", line) for line in peer_tables(doc)[:1]]
    if "industry" not in have and not any(found.kind == "industry" for found in stated):
        extra += [
            ("industry", "Comparison with the industry (an industry chart)", line)
            for line in industry_charts(doc, year, table_lines)[:1]
        ]
    for kind, name, line in extra:
        where = line.where
        entry = {"name": name, "narrative": f"Shown in the draft ({where}).",
                 "benchmark": [{"kind": kind, "description": f"{kind} comparison shown in the draft ({where})"}]}  # fmt: skip
        out.append(
            Noted(
                entry,
                where,
                f"{'an' if kind[0] in 'aeiou' else 'a'} {kind} comparison the draft shows: {line.text.strip()[:80]!r}; check it",
                0.6,
            )
        )
    return out


def _add_comparisons(doc: Document, index: PhraseIndex, indicators: list[Noted], table_lines: set[int]) -> None:
    """Benchmarks: a ranking row ("Ranking in Fortune Global 500") compares itself; a prose sentence
    comparing an indicator with a ranking, the industry or peers gives that indicator a benchmark."""
    stated = comparisons(doc, index, table_lines)
    for noted in indicators:
        entry = noted.value
        kind = comparison_kind(entry["name"])
        where = noted.source
        if kind is None and entry.get("id") in stated:
            kind, line = stated[entry["id"]]
            where = line.where
        if kind is not None:
            entry["benchmark"] = [{"kind": kind, "description": f"{kind} comparison stated in the draft ({where})"}]


def _validate(data: dict[str, Any], path: str, criteria: CriteriaSet) -> Report:
    try:
        return Report.model_validate(plain(data))
    except ValidationError as exc:  # a bug in an extractor, not the author's input
        raise RuntimeError(f"ingest produced an invalid report for {path}: {exc}") from exc


def _round_trip(text: str, path: str, criteria: CriteriaSet) -> None:
    """What we write must read back as the same valid report, with no input error from score."""
    loaded, source = load_yaml(text, f"{path} (ingested)")
    report = Report.model_validate(loaded)
    check_report(report, source, criteria)


def _count_reviews(data: Any) -> int:
    if isinstance(data, Noted):
        return (1 if data.review else 0) + _count_reviews(data.value)
    if isinstance(data, dict):
        return sum(_count_reviews(v) for v in data.values())
    if isinstance(data, list):
        return sum(_count_reviews(v) for v in data)
    return 0


def _header(doc: Document, stats: Stats) -> list[str]:
    name = Path(doc.path).name if doc.path != "-" else "standard input"
    return [
        f"Structured report drafted by `csr-rating ingest` from {name} ({doc.kind}, {doc.language}).",
        (f"Found: {stats.table_rows} table rows ({stats.linked_rows} linked to the catalog), "
        f"{stats.prose_figures} figures in the prose, {stats.chart_series} chart series,"),
        f"  {stats.qualitative} described practices, {stats.topics} key topics.",
        f'{stats.reviews} items are marked "# review:": check each one, correct or delete it here, then run',
        "  csr-rating score <this file>",
        "(csr-rating review <this file> lists each note beside its draft line; csr-rating ask <this file> -o FILE",
        "asks what the draft cannot show, listed under `unknown:` at the end.)",
        '"# line N" / "# p. N" after an item says where in the draft it came from.',
    ]
