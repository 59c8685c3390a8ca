"""The report's ``meta`` section from a draft's prose: who publishes the report, for which year, in
which languages and forms, against which standards, who to contact, how often it is published, how
many reports came before it, and who rated or assured it.

Reads the draft as running prose (``prose.flow_of``): most facts are looked for only in the region
where a report describes itself (its cover, "about this report" page, back pages and sentences
naming the report). The phrasing recognised lives in ``vocabulary``; contact details are read by
``contact``; the ``process`` section by ``process`` (``extract_process`` is re-exported here, the
two are read from the same draft one after the other). Every value found is wrapped in ``Noted``
with the line it came from.

Conservative by design: a value is emitted only on evidence in the text; weak evidence gets a
``review`` note; required fields that cannot be found (organisation, title, year) get a placeholder
with a note saying what to fill in.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import Any

from csr_rating.ingest.contact import contact_details
from csr_rating.ingest.document import HAN, Document
from csr_rating.ingest.noted import Noted
from csr_rating.ingest.process import extract_process
from csr_rating.ingest.prose import (
    HEADING_MAX,
    Flow,
    Span,
    after_han_stop,
    clean,
    contents_like,
    flow_of,
    is_han,
    noted,
    report_sentences,
    row_matches,
    row_of,
    rows_found,
    strip_leading,
    title_case,
)
from csr_rating.ingest.vocabulary import (
    ABBREVIATED_SUFFIXES,
    ASSURANCE_NEEDLES,
    ASSURANCE_PROVIDERS,
    ASSURANCE_PROVIDERS_RE,
    ASSURANCE_STANDARDS_RE,
    ASSURANCE_TRIGGERS,
    ASSURANCE_TRIGGERS_RE,
    AWARD_WORDS_RE,
    CONSECUTIVE,
    CONSECUTIVE_RE,
    CYCLE_NEEDLES,
    FORMAT_NEEDLES,
    FORMATS,
    FORMATS_RE,
    INDEX_HEADING_RE,
    LANGUAGE_NAME_EN_RE,
    LANGUAGE_NAME_ZH_RE,
    LANGUAGE_NAMES_EN,
    LANGUAGE_NAMES_ZH,
    LANGUAGE_NEEDLES,
    LANGUAGES_AFTER_EN_RE,
    LANGUAGES_BEFORE_EN_RE,
    LANGUAGES_EN_RE,
    LANGUAGES_ZH_RE,
    NEGATION_RE,
    NUMBER_WORDS,
    ORG_EN_RE,
    ORG_GENERIC_WORDS,
    ORG_NEEDLES,
    ORG_NOT_PUBLISHER,
    ORG_SELF_AFTER_RE,
    ORG_SUBSIDIARY_BEFORE_RE,
    ORG_ZH_CUT_AFTER,
    ORG_ZH_LEAD,
    ORG_ZH_NAME_RE,
    ORG_ZH_STOP,
    ORG_ZH_SUFFIX_RE,
    PERIOD_NEEDLES,
    PERIOD_OPEN_RANGE_RE,
    PERIOD_RANGE_RE,
    PERIOD_YEAR_RE,
    PUBLISHING_RE,
    QUOTED_STANDARD_RE,
    RELEASE_CYCLES,
    RELEASE_CYCLES_RE,
    REPORT_KIND_EN_RE,
    REPORT_KINDS_EN,
    REPORT_KINDS_ZH,
    REPORT_REF_RE,
    SELF_REPORT_RE,
    STANDARD_CUES_RE,
    STANDARD_SUBSUMED,
    STANDARDS,
    STANDARDS_RE,
    STAR_RESULTS,
    STAR_RESULTS_RE,
    STRONG_RATING_RE,
    TITLE_COVER_LINES,
    TITLE_EN_RE,
    TITLE_NOT_ZH_RE,
    TITLE_ZH_RE,
    YEAR_COUNT_AFTER_RE,
    YEAR_RE,
    YEAR_TARGET_BEFORE_RE,
)

__all__ = ["detect_year", "extract_meta", "extract_process"]

_HAN_CHAR = re.compile(f"[{HAN}]")


# ---------------------------------------------------------------------------------------------
# Year, title, organisation.
# ---------------------------------------------------------------------------------------------


def detect_year(doc: Document) -> Noted | None:
    """The reporting year: a stated reporting period first, then the title's year, then the most
    frequent recent year in the text (with a review note); None when the text names no year."""
    flow = flow_of(doc)
    return _period_year(flow) or _title_year(flow) or _frequent_year(flow)


def _period_year(flow: Flow) -> Noted | None:
    for everywhere in (False, True):
        for start, end in flow.sentences(PERIOD_NEEDLES, everywhere):
            found = _period_in(flow, start, end)
            if found:
                return found
    return None


def _period_in(flow: Flow, start: int, end: int) -> Noted | None:
    for pattern in (PERIOD_RANGE_RE, PERIOD_OPEN_RANGE_RE, PERIOD_YEAR_RE):
        for match in pattern.finditer(flow.text, start, end):
            years = [int(value) for value in match.groupdict().values() if value and value.isdigit()]
            if not years:
                continue
            first, last = years[0], years[-1]
            if not 1950 <= last <= 2100 or last - first > 1 or last < first:
                continue  # a multi-year range is a plan or a history, not the reporting period
            review = None if first == last else f"the reporting period spans {first}-{last}; check the year"
            return noted(last, flow, match.start(), review, 0.95 if review is None else 0.7)
    return None


def _title_year(flow: Flow) -> Noted | None:
    best = _best_title(flow)
    if best is None:
        return None
    title, pos, _ = best
    years = YEAR_RE.findall(title)
    return noted(int(years[-1]), flow, pos, None, 0.8) if years else None


def _frequent_year(flow: Flow) -> Noted | None:
    """The year the text names most often as a date: a report speaks of its own year more than of
    any other. A year glued to a count word ("2068名") or after a target word ("到2030年") is no
    date of the report; ties go to the later year."""
    counts: dict[int, int] = {}
    first: dict[int, int] = {}
    for match in YEAR_RE.finditer(flow.text):
        if YEAR_COUNT_AFTER_RE.match(flow.text, match.end()) or YEAR_TARGET_BEFORE_RE.search(
            flow.text, max(0, match.start() - 6), match.start()
        ):
            continue
        year = int(match.group())
        counts[year] = counts.get(year, 0) + 1
        first.setdefault(year, match.start())
    if not counts:
        return None
    year = max(counts, key=lambda y: (counts[y], y))
    return noted(year, flow, first[year], "reporting year guessed from the years the text mentions most; check", 0.4)


def _title_candidates(flow: Flow) -> dict[str, tuple[str, int, int, bool, bool]]:
    """Report titles named in the text: key -> (display, first offset, count, on the cover, names
    the publisher or a year before the kind of report)."""
    cover_end = flow.starts[min(len(flow.starts) - 1, TITLE_COVER_LINES)] if flow.starts else 0
    found: dict[str, tuple[str, int, int, bool, bool]] = {}
    for pos in flow.report_hits:
        han = flow.text[pos] == "报"
        pattern = TITLE_ZH_RE if han else TITLE_EN_RE
        window = (max(0, pos - (40 if han else 160)), pos + 24)
        for match in pattern.finditer(flow.text, *window):
            if not match.start() <= pos < match.end():
                continue
            title = _title_display(match.group())
            if not title:
                continue
            key = re.sub(r"[\s,]+", "", title).casefold()
            display, first, count, _cover, named = found.get(key, (title, match.start(), 0, False, False))
            if display.isupper() and not title.isupper():
                display = title
            kind = REPORT_KIND_EN_RE.search(title) or re.search(REPORT_KINDS_ZH, title)
            named = named or bool(kind and kind.start() > 0 and not YEAR_RE.fullmatch(title[: kind.start()].strip()))
            found[key] = (display, first, count + 1, first < cover_end, named)
    return found


def _title_display(raw: str) -> str:
    """A found title without leading sentence words, page numbers or cut-off prefixes."""
    raw = re.sub(r"(\d)\s+(?=年)", r"\1", clean(raw))  # "2016 年度" as the cover sets it
    if "报告" in raw:
        raw = clean(re.sub(r"^\d+(?![\d\s]*年)\s*", "", after_han_stop(raw)))
        if TITLE_NOT_ZH_RE.search(raw):
            return ""
        raw = re.sub(
            r"^第[一二三四五六七八九十百\d]+[份部本期次]", "", raw
        )  # "第一份社会责任报告": the kind, not a title
        return raw if len(raw) >= 6 else ""
    words = strip_leading(raw.split())
    title = " ".join(words)
    if title.isupper():
        title = title_case(title)
    return title if len(words) >= 2 else ""


def _best_title(flow: Flow, year: int | None = None) -> tuple[str, int, int] | None:
    """(title, offset, score): titles on the cover, named again and again, naming the publisher and
    the (reporting) year win."""
    best: tuple[tuple[int, int, int], str, int] | None = None
    for display, pos, count, cover, named in _title_candidates(flow).values():
        years = YEAR_RE.findall(display)
        score = min(count, 3) + (3 if cover else 0) + (2 if named else 0)
        score += 2 if years and (year is None or str(year) in years) else 0
        rank = (score, len(display), -pos)
        if best is None or rank > best[0]:
            best = (rank, display, pos)
    return (best[1], best[2], best[0][0]) if best else None


def _title(flow: Flow, year: int | None) -> Noted | None:
    best = _best_title(flow, year)
    if best is None:
        return None
    title, pos, score = best
    review = None if score >= 5 else "title guessed from a phrase naming the report; check"
    return noted(title, flow, pos, review, 0.8 if review is None else 0.5)


def _org_candidates(flow: Flow) -> dict[str, tuple[str, int, int]]:
    """Legal names in the region: key -> (display, first offset, weighted count)."""
    cover_end = flow.region[0][1] if flow.region else 0
    found: dict[str, tuple[str, int, int]] = {}

    def add(name: str, pos: int, end: int) -> None:
        if ORG_SUBSIDIARY_BEFORE_RE.search(flow.text, max(0, pos - 8), pos):
            return  # a company the publisher owns
        key = re.sub(r"[\s,.]+", "", name).casefold()
        weight = 3 if pos < cover_end or flow.in_about(pos) else 1
        if ORG_SELF_AFTER_RE.match(flow.text, end):
            weight += 5  # "XX股份有限公司（以下简称“公司”）": the report's own subject
        display, first, count = found.get(key, (name, pos, 0))
        if display.isupper() and not name.isupper():
            display = name
        found[key] = (display, min(first, pos), count + weight)

    last = -1
    for pos in flow.hits(ORG_NEEDLES):
        if pos < last:
            continue
        if is_han(flow.text[pos]):
            match = ORG_ZH_SUFFIX_RE.match(flow.text, max(0, pos - 2))
            match = match or ORG_ZH_SUFFIX_RE.match(flow.text, pos)
            if match:
                last = match.end()
                prefix = _zh_name_before(flow.text, match.start())
                if len(prefix) >= 2:
                    add(prefix + match.group(), match.start() - len(prefix), match.end())
            continue
        for match in ORG_EN_RE.finditer(flow.text, max(0, pos - 120), pos + 40):
            if match.start() <= pos < match.end():
                last = match.end()
                name = _org_display(match.group())
                if name:
                    add(name, match.start(), match.end())
                break
    return found


def _zh_name_before(text: str, end: int) -> str:
    """The name part before a Chinese company-form suffix: spaces an OCR put between characters
    closed, the sentence words before it dropped ("报告覆盖北京银行…" -> "北京银行")."""
    window = re.sub(
        r"(?<=[\u3400-\u9fffA-Za-z0-9（()）])[ \t\n]+(?=[\u3400-\u9fffA-Za-z0-9（()）])",
        "",
        text[max(0, end - 45) : end],
    )
    run = ORG_ZH_NAME_RE.search(window)
    if run is None:
        return ""
    name = run.group()
    cut = max(name.rfind(char) for char in ORG_ZH_STOP)
    if cut >= 0:
        name = name[cut + 1 :]
    for word in ORG_ZH_CUT_AFTER:
        at = name.rfind(word)
        if at >= 0:
            name = name[at + len(word) :]
    # a leading stock code, year or Latin run that is no acronym (TCL集团 keeps its TCL)
    name = re.sub(r"^(?:[0-9]+|[A-Za-z0-9]*[a-z0-9][A-Za-z0-9]*|[A-Z]{6,})(?=[\u3400-\u9fff])", "", name)
    name = re.sub(r"^.*[A-Za-z]{9,}(?=[\u3400-\u9fff])", "", name)  # OCR noise: no brand is that long
    stripped = True
    while stripped:
        stripped = False
        for lead in ORG_ZH_LEAD:
            if name.startswith(lead) and len(name) - len(lead) >= 2:
                name, stripped = name[len(lead) :], True
    return name


def _org_display(raw: str) -> str:
    words = strip_leading(clean(raw).split())
    if words and words[-1] in ABBREVIATED_SUFFIXES and raw.rstrip().endswith("."):
        words[-1] += "."  # "Co., Ltd." keeps its full stop
    if len(words) < 2 or (len(words) < 3 and all(w.lower().strip(".,") in ORG_GENERIC_WORDS for w in words[1:])):
        return ""
    name = " ".join(words)
    return title_case(name) if name.isupper() else name


MIN_ALSO_NAMED = 6  # weighted mentions of a name in the other script: on the cover or the "about" pages, twice


def _also_named(flow: Flow, candidates: dict[str, tuple[str, int, int]], chosen: str) -> Noted | None:
    """The organisation's name in the other script, where the draft prints it where it presents
    itself (the cover, the "about" pages) more than once: a Chinese report's English name."""
    han = bool(_HAN_CHAR.search(chosen))
    others = [
        c
        for c in candidates.values()
        if bool(_HAN_CHAR.search(c[0])) != han and c[2] >= MIN_ALSO_NAMED and not _not_publisher(c[0])
    ]
    if not others:
        return None
    display, pos, _ = max(others, key=lambda c: (c[2], -c[1]))
    return noted(display, flow, pos, "the organisation's name in the other language, as the draft prints it; check", 0.6)


def _organisation(flow: Flow, title: str | None, candidates: dict[str, tuple[str, int, int]]) -> Noted:
    if flow.doc.language == "zh" and any(_HAN_CHAR.search(c[0]) for c in candidates.values()):
        # a Chinese report is published by its Chinese legal name; an English one it quotes is a translation
        candidates = {k: c for k, c in candidates.items() if _HAN_CHAR.search(c[0])}
    candidates = {k: c for k, c in _credit_shorter(candidates).items() if not _not_publisher(c[0])}
    if candidates:
        display, pos, count = max(candidates.values(), key=lambda c: (c[2], -c[1]))
        review = None if count >= 3 else "organisation guessed from a company name the text mentions; check"
        return noted(display, flow, pos, review, 0.8 if review is None else 0.5)
    if title:
        prefix = clean(re.split(rf"\s*(?:\d{{4}}|(?i:{REPORT_KINDS_EN})|{REPORT_KINDS_ZH})", title, maxsplit=1)[0])
        if len(prefix) >= 2:
            return Noted(prefix, review="organisation taken from the report title; give the full name", confidence=0.4)
    return Noted(_from_path(flow.doc.path), review="organisation not found in the text; fill in", confidence=0.1)


def _not_publisher(name: str) -> bool:
    folded = name.casefold()
    return any(word.casefold() in folded for word in ORG_NOT_PUBLISHER)


def _credit_shorter(candidates: dict[str, tuple[str, int, int]]) -> dict[str, tuple[str, int, int]]:
    """A name found with a few words glued before it ("报告覆盖北京银行股份有限公司") is the shorter
    name found elsewhere: its count goes to that one, when the shorter one keeps a real name (four
    characters or more before the suffix)."""
    out = dict(candidates)
    for key in sorted(candidates, key=len, reverse=True):
        for other in sorted(out, key=len, reverse=True):
            if other != key and key in out and key.endswith(other) and len(key) - len(other) <= 6:
                stem = ORG_ZH_SUFFIX_RE.split(other)[0]
                if len(stem) >= 4:
                    display, first, count = out[other]
                    out[other] = (display, min(first, out[key][1]), count + out[key][2])
                    del out[key]
                    break
    return out


def _from_path(path: str) -> str:
    """A readable guess from a file name: "acme-csr-report-2020.pdf" -> "Acme"."""
    words = [
        w
        for w in re.split(r"[\s_\-.]+", Path(path).stem)
        if w and not re.fullmatch(r"\d+|csr|esg|report|en|zh", w, re.IGNORECASE)
    ]
    return clean(" ".join(w[:1].upper() + w[1:] for w in words)) or "Unknown organisation"


# ---------------------------------------------------------------------------------------------
# Languages, formats, standards.
# ---------------------------------------------------------------------------------------------


def _languages(flow: Flow) -> list[Noted]:
    found: dict[str, Noted] = {}
    for start, end in report_sentences(flow, LANGUAGE_NEEDLES):
        for match in LANGUAGES_EN_RE.finditer(flow.text, start, end):
            before = flow.text[max(start, match.start() - 16) : match.start()]
            if not (LANGUAGES_BEFORE_EN_RE.search(before) or LANGUAGES_AFTER_EN_RE.match(flow.text, match.end(), end)):
                continue
            for word in LANGUAGE_NAME_EN_RE.findall(match.group()):
                code = LANGUAGE_NAMES_EN[word.lower()]
                found.setdefault(code, noted(code, flow, match.start(), None, 0.8))
        for match in LANGUAGES_ZH_RE.finditer(flow.text, start, end):
            for token in LANGUAGE_NAME_ZH_RE.findall(match.group("seq")):
                code = LANGUAGE_NAMES_ZH[token]
                found.setdefault(code, noted(code, flow, match.start(), None, 0.8))
    if not found and flow.lines:
        review = "only the draft's own language is known; add other language versions"
        return [Noted(flow.doc.language, review=review, confidence=0.6)]
    # the language the draft is written in first: it is the output's default (an English report that
    # says it is also published in Chinese is read in English)
    own = found.pop(flow.doc.language, None) or Noted(
        flow.doc.language,
        review="the language the draft is written in; the text names only other versions",
        confidence=0.6,
    )
    return [own, *found.values()]


def _formats(flow: Flow) -> list[Noted]:
    found: dict[int, Noted] = {}
    for start, end in report_sentences(flow, FORMAT_NEEDLES):
        for row, match in rows_found(FORMATS_RE, flow, start, end):
            found.setdefault(row, noted(FORMATS[row][0], flow, match.start(), None, 0.8))
    return [found[row] for row in sorted(found)]


def _standards(flow: Flow) -> list[Noted]:
    """Standard names, canonical, in order of first appearance; a mention counts when it sits on the
    "about" page, in a sentence saying the report follows it, or in an index heading (flagged)."""
    found: dict[str, tuple[int, Noted]] = {}
    versioned: set[str] = set()
    known: list[Span] = []

    def add(name: str, pos: int, item: Noted) -> None:
        first, old = found.get(name, (pos, None))
        if old is None or (item.confidence or 0) > (old.confidence or 0):
            found[name] = (min(first, pos), item)

    for row, (template, needles, _) in enumerate(STANDARDS):
        last = -1
        for pos in flow.hits(needles):
            if pos < last:
                continue
            for match in STANDARDS_RE[row].finditer(flow.text, max(0, pos - 120), pos + 160):
                if not match.start() <= pos < match.end():
                    continue
                last = match.end()
                known.append(match.span())
                name = _standard_name(template, match, versioned)
                evidence = _standard_evidence(flow, match.start())
                if evidence:
                    add(name, match.start(), noted(name, flow, match.start(), *evidence))
                break
    for start, end in flow.about:
        for match in QUOTED_STANDARD_RE.finditer(flow.text, start, end):
            if any(s - 60 <= match.end() and match.start() <= e for s, e in known):
                continue  # the quotation is the long name of a standard already recognised
            name = clean(match.group("q"))
            sentence = flow.sentence(match.start())
            cue = bool(STANDARD_CUES_RE.search(flow.text, *sentence))
            review = None if cue else "guideline named on the report's description page; check it is a reporting basis"
            add(name, match.start(), noted(name, flow, match.start(), review, 0.8 if cue else 0.6))
    names = [n for n in found if n not in versioned and not any(s in found for s in STANDARD_SUBSUMED.get(n, ()))]
    return [found[name][1] for name in sorted(names, key=lambda n: found[n][0])]


def _standard_name(template: str, match: re.Match[str], versioned: set[str]) -> str:
    """The display name; a version ("4.0") fills "{v}" and marks the unversioned name as covered."""
    if "{v}" not in template:
        return template
    base = template.replace(" {v}", "").replace("{v}", "")
    version = match.groupdict().get("v")
    if not version:
        return base
    if template.startswith("CASS") and "." not in version:
        version += ".0"
    versioned.add(base)
    return template.format(v=version)


def _standard_evidence(flow: Flow, pos: int) -> tuple[str | None, float] | None:
    """(review, confidence) for a standard named at ``pos``, or None when it is a mere mention."""
    start, end = flow.sentence(pos)
    if contents_like(flow, start, end):
        return None
    if flow.in_about(pos):
        return None, 0.85
    if STANDARD_CUES_RE.search(flow.text, start, end) and SELF_REPORT_RE.search(flow.text, start, end):
        return None, 0.9
    line = flow.line_text(pos)
    if len(line) <= HEADING_MAX * 2 and INDEX_HEADING_RE.search(line):
        return "named only in an index table heading; check it is a reporting basis", 0.6
    return None


# ---------------------------------------------------------------------------------------------
# Release cycle, consecutive years.
# ---------------------------------------------------------------------------------------------


def _release_cycle(flow: Flow) -> Noted | None:
    for start, end in flow.sentences(CYCLE_NEEDLES):
        for row, match in row_matches(RELEASE_CYCLES_RE, flow, start, end):
            return noted(RELEASE_CYCLES[row][0], flow, match.start(), None, 0.9)
    return None


def _consecutive_years(flow: Flow) -> Noted | None:
    """Reports in a row: the "about" page first. Awards won N years running do not count; "the Nth
    report" counts with a note (the years may not have been consecutive)."""
    candidates: list[tuple[int, int, int, bool]] = []  # (priority, pos, n, sure)
    for (needles, sure, _), pattern in zip(CONSECUTIVE, CONSECUTIVE_RE, strict=True):
        for start, end in flow.sentences(needles):
            for match in pattern.finditer(flow.text, start, end):
                n = _number(match.group("n"))
                if n is None or not 1 <= n <= 100:
                    continue
                window = flow.text[max(start, match.start() - 80) : min(end, match.end() + 80)]
                if AWARD_WORDS_RE.search(window) or not PUBLISHING_RE.search(window):
                    continue
                priority = (0 if flow.in_about(match.start()) else 2) + (0 if sure else 1)
                candidates.append((priority, match.start(), n, sure))
    if not candidates:
        return None
    _, pos, n, sure = min(candidates)
    review = None if sure else "counted from 'the Nth report'; check the reports were published in consecutive years"
    return noted(n, flow, pos, review, 0.85 if sure else 0.6)


def _number(word: str) -> int | None:
    """An Arabic, English or Chinese number ("11", "eleventh", "十一"); None when it is not one."""
    word = word.strip().lower()
    digits = re.match(r"\d+", word)
    if digits:
        return int(digits.group())
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    return _chinese_number(word)


def _chinese_number(word: str) -> int | None:
    values = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
    if not word or any(char not in values and char != "十" for char in word):
        return None
    if "十" not in word:
        return values[word] if len(word) == 1 else None
    tens, _, units = word.partition("十")
    if len(tens) > 1 or len(units) > 1:
        return None
    return (values[tens] if tens else 1) * 10 + (values[units] if units else 0)


# ---------------------------------------------------------------------------------------------
# Assurance and rating.
# ---------------------------------------------------------------------------------------------


UNNAMED_PROVIDER = "provider not named"


def _assurance(flow: Flow) -> list[Noted]:
    """Ratings, assurance and verification statements about the report, one per kind and provider;
    a mention without a provider is dropped when the same kind has a named one."""
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for start, end in flow.sentences(ASSURANCE_NEEDLES):
        for row, match in row_matches(ASSURANCE_TRIGGERS_RE, flow, start, end):
            kind = ASSURANCE_TRIGGERS[row][0]
            if NEGATION_RE.search(flow.text, max(start, match.start() - 30), match.start()):
                continue
            if kind != "rating" and not REPORT_REF_RE.search(flow.text, start, end):
                continue
            item = _assurance_item(flow, kind, start, end)
            entry = found.setdefault((kind, item["provider"]), {"pos": match.start(), "strength": 0, "item": item})
            strength = 2 if STRONG_RATING_RE.search(flow.text, start, end) else 1
            if strength > entry["strength"]:
                entry.update(strength=strength, source=match.start())
            for key in ("result", "standard"):
                if key in item and key not in entry["item"]:
                    entry["item"][key] = item[key]
    named = {kind for kind, provider in found if provider != UNNAMED_PROVIDER}
    notes = []
    for (kind, provider), entry in sorted(found.items(), key=lambda pair: pair[1]["pos"]):
        if provider == UNNAMED_PROVIDER and kind in named:
            continue
        review = (
            f"{kind} mentioned without a named provider; fill in who gave it" if provider == UNNAMED_PROVIDER else None
        )
        item = {key: entry["item"][key] for key in ("kind", "provider", "result", "standard") if key in entry["item"]}
        notes.append(noted(item, flow, entry["source"], review, 0.8 if review is None else 0.5))
    return notes


def _assurance_item(flow: Flow, kind: str, start: int, end: int) -> dict[str, str]:
    provider = ASSURANCE_PROVIDERS_RE.search(flow.text, start, end) or ASSURANCE_PROVIDERS_RE.search(
        flow.text, max(0, start - 300), min(len(flow.text), end + 300)
    )
    item = {"kind": kind, "provider": ASSURANCE_PROVIDERS[row_of(provider)][0] if provider else UNNAMED_PROVIDER}
    if kind == "rating":
        stars = STAR_RESULTS_RE.search(flow.text, start, end)
        if stars:
            item["result"] = STAR_RESULTS[row_of(stars)][0]
    else:
        standard = ASSURANCE_STANDARDS_RE.search(flow.text, start, end)
        if standard:
            item["standard"] = clean(standard.group())
    return item


# ---------------------------------------------------------------------------------------------
# Public API.
# ---------------------------------------------------------------------------------------------


def extract_meta(
    doc: Document, *, year: int | None = None, industry: str | None = None, whole: Document | None = None
) -> dict[str, Any]:
    """The report's ``meta`` section, each found item wrapped in ``Noted``.

    ``year`` and ``industry`` given by the caller win over the text. Organisation, title and year
    are always present (a placeholder with a review note when not found); other fields only when
    the text gives evidence for them. ``doc`` is the draft's own text (structure.py blanks a rating
    letter, an assurance statement, an index); ``whole`` the full draft, read for the assurance or
    rating statements and for the standards an index maps to.
    """
    entire = flow_of(whole) if whole is not None else None
    standards = _standards(entire) if entire is not None else None
    assurance = _assurance(entire) if entire is not None else None
    flow = flow_of(doc)
    reporting_year = Noted(year) if year is not None else detect_year(doc) or _fallback_year(flow)
    title = _title(flow, reporting_year.value)
    candidates = _org_candidates(flow)  # the legal names in the text, read once for both names
    organisation = _organisation(flow, title.value if title else None, candidates)
    if title is None:
        review = "report title not found in the text; fill in"
        title = Noted(clean(f"{organisation.value} report {reporting_year.value}"), review=review, confidence=0.1)
    meta: dict[str, Any] = {"organisation": organisation, "title": title, "year": reporting_year}
    other = _also_named(flow, candidates, str(organisation.value)) if organisation.confidence != 0.1 else None
    if other is not None:
        meta["also_named"] = [other]
    if industry is not None:
        meta["industry"] = industry
    optional = {
        "languages": _languages(flow),
        "formats": _formats(flow),
        "reference_standards": standards if standards is not None else _standards(flow),
        "contact": contact_details(flow),
        "release_cycle": _release_cycle(flow),
        "consecutive_years": _consecutive_years(flow),
        "assurance": assurance if assurance is not None else _assurance(flow),
    }
    meta.update({key: value for key, value in optional.items() if value})
    return meta


def _fallback_year(flow: Flow) -> Noted:
    """No year in the text: the one in the file name, else last year; either way a person checks."""
    years = YEAR_RE.findall(Path(flow.doc.path).name)
    if years:
        return Noted(int(years[-1]), review="reporting year taken from the file name; check", confidence=0.3)
    return Noted(datetime.date.today().year - 1, review="reporting year not found in the text; fill in", confidence=0.1)
