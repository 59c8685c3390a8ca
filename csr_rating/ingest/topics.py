"""The industry catalog's key topics a draft covers, how deeply, and with how many cases: the
``topics`` section that the substance dimension scores.

A topic is found by its catalog names and aliases (strong mentions: English on word boundaries with
a plural or -ies ending allowed, Chinese as a substring, both after width, case, punctuation and
PDF spacing are normalised), and by a few keywords derived from its own name (weak mentions: a
part of the name such as "digital transformation" from "Digital transformation of industries", or
a word that only this topic uses, such as "electromagnetic"). A word several topics share, or a
common CSR word ("management", "service", "green"), never stands for a topic. A topic found only by
weak keywords needs two lines of them and is marked for review.

Depth is ``detailed`` when the mentions span several lines and one sits near figures (a number with
a unit or %, or an English count of things: "32 CSR cases") or a case box; ``mentioned`` otherwise.
Each case box (see ``features.case_lines``) counts for the topic its title names, else for the nearest
topic mentioned before it.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from csr_rating.catalog import Catalog, CatalogTopic
from csr_rating.ingest.document import HAN, Document
from csr_rating.ingest.features import case_lines
from csr_rating.ingest.noted import Noted, plain
from csr_rating.ingest.per_object import PerObject

# --- keyword tables (data) ---------------------------------------------------------------------

# Leading words that name an action on the topic rather than the topic ("Handling customer complaints").
LEADING_WORDS_EN = (
    "a",
    "an",
    "the",
    "handling",
    "protecting",
    "closing",
    "managing",
    "combating",
    "combatting",
    "promoting",
    "ensuring",
    "improving",
    "supporting",
    "bridging",
)
SPLIT_EN = r"\s*(?:,|;|\band\b|&|/)\s*"
PREPOSITIONS_EN = r"\s+(?:of|for|in|with|on|to)\s+"
SPLIT_ZH = r"[与和及、，,/]"
LEADING_ZH = ("赋能", "弥合", "防范", "治理", "保护", "推进", "加强", "促进", "巩固", "应对", "推动", "打造", "助力")
TRAILING_ZH = ("管理", "保障", "建设", "应用", "处理", "治理", "工作")
MIN_WORD = 5  # shortest single English word that may stand for a topic
MIN_ZH = 3  # shortest Chinese part that may stand for a topic
STRONG_ZH = 4  # a Chinese part this long is as specific as the name
MIN_LETTERS = 6  # a multi-word part needs this many letters ("r d" from "R&D" is not a keyword)
MIN_WEAK_LINES = 2  # lines of weak keywords a topic needs when no name or alias is found
MIN_DETAILED_LINES = 3  # lines a topic must span to be "detailed"
FIGURE_WINDOW = 2  # lines either side of a mention where figures count
CASE_NEAR = 5  # lines either side of a mention where a case box counts for depth
CASE_WINDOW = 40  # lines after a mention by name within which a case still counts for it
WEAK_CASE_WINDOW = 15  # the same for a mention by keyword
# An English count of things: a number (not a year, not a chapter or page number), up to two words,
# then a plural noun ("32 outstanding CSR cases", "203 readers' questionnaires"). Chinese counts carry
# a measure word (个, 项, 家), which FIGURE's units hold.
ENGLISH_COUNT = (
    r"(?<![\w.,])(?<!chapter )(?<!page )(?<!article )(?<!section )(?<!figure )(?<!table )"  # a reference
    r"(?!(?:19|20)\d\d\b)\d[\d,.]*"  # not a year
    r"\s+(?:[a-z][\w'’&-]*\s+){0,2}[a-z]{2,}(?<!ss)(?<!us)(?<!is)s\b"  # a plural noun after at most two words
)
# A figure: a number with a unit, a percentage or a multiplier (a bare year is not one), or a count.
FIGURE = re.compile(
    ENGLISH_COUNT + r"|\d[\d,.]*\s*(?:%|‰|per\s*cent|percent|million|billion|thousand|mn\b|bn\b|yuan|rmb|usd|tons?\b|tonnes?|"
    r"kwh|mwh|gwh|gb\b|tb\b|km\b|hours?\b|persons?\b|people\b|person-times|times\b|households|villages|"
    r"schools|users|customers|cases\b|sites\b|stations|万|亿|元|人次|人|户|个|座|家|吨|小时|公里|千米|项|起|所|台|套|次|例)"
    r"|\b\d{1,3}(?:,\d{3})+(?:\.\d+)?\b",
    re.IGNORECASE,
)

# --- normalisation ----------------------------------------------------------------------------

_HAN = HAN
_HAN_CHAR = re.compile(f"[{_HAN}]")
_HAN_GAP = re.compile(rf"([{_HAN}])[ \t]+(?=[{_HAN}])")
_HAN_RUN = re.compile(rf"([{_HAN}]+)")
_NON_WORD = re.compile(r"[^\w%\n]+")
_SPACES = re.compile(r"[ \t]{2,}")
_VOWELS = "aeiou"


def _norm(text: str) -> str:
    """Compare as a reader would: width, case, punctuation, PDF spacing inside Chinese and British
    -isation spelling ignored; a Chinese run is a word of its own ("推进 5g 建设"). Line breaks
    are kept, so a whole document can be normalised at once."""
    return _norm_folded(unicodedata.normalize("NFKC", text).casefold())


def _norm_folded(text: str) -> str:
    """``_norm`` of text already width-normalised and case-folded (``Document.folded``)."""
    text = _NON_WORD.sub(" ", text)
    text = _HAN_GAP.sub(r"\1", text).replace("isation", "ization")
    text = _HAN_RUN.sub(r" \1 ", text)
    return _SPACES.sub(" ", text).strip(" ")


def _is_han(char: str) -> bool:
    return bool(_HAN_CHAR.match(char))


def _latin(char: str) -> bool:
    return char.isascii() and char.isalnum()


@dataclass(frozen=True)
class _Phrase:
    topic: str
    strong: bool
    label: str  # the keyword as written, for review notes
    words: tuple[str, ...] = ()  # an English phrase: its words (the last one in one surface form)
    text: str = ""  # a phrase with Chinese: its normalised text, found as a substring


def _plurals(word: str) -> tuple[str, ...]:
    """The surface forms of an English word: singular and plural ("technology", "technologies")."""
    if len(word) < 3 or any(ch.isdigit() for ch in word):
        return (word,)
    if len(word) >= 4 and word.endswith("ies"):
        return (word, word[:-3] + "y")
    if len(word) >= 4 and word.endswith("y") and word[-2] not in _VOWELS:
        return (word, word[:-1] + "ies")
    if len(word) >= 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return (word, word[:-1])
    return (word, word + "s", word + "es")


def _phrases(topic: str, text: str, strong: bool) -> list[_Phrase]:
    """A name or keyword as the phrases to look for: every plural form of an English one."""
    norm = " ".join(_norm(text).split())
    if not norm:
        return []
    if any(_is_han(ch) for ch in norm):
        return [_Phrase(topic, strong, text, text=norm)]
    words = norm.split()
    return [_Phrase(topic, strong, text, words=(*words[:-1], last)) for last in _plurals(words[-1])]


# --- keywords derived from a topic's own name ----------------------------------------------------

_SPLIT_EN = re.compile(SPLIT_EN, re.IGNORECASE)
_PREPOSITIONS_EN = re.compile(PREPOSITIONS_EN, re.IGNORECASE)
_SPLIT_ZH = re.compile(SPLIT_ZH)


def _strip_leading(words: list[str]) -> list[str]:
    while words and words[0] in LEADING_WORDS_EN:
        words = words[1:]
    return words


def _english_parts(name: str) -> list[tuple[list[str], bool]]:
    """Parts of an English name, each with whether it is as specific as the name: the parts of
    "A and B" and the head of "A of B" are ("digital transformation" from "Digital transformation
    of industries"); what follows a preposition is not. Leading verbs and articles are dropped."""
    parts: list[tuple[list[str], bool]] = []
    for chunk in _SPLIT_EN.split(name):
        pieces = _PREPOSITIONS_EN.split(chunk)
        candidates = [(chunk, True), (pieces[0], True)] + [(piece, False) for piece in pieces[1:]]
        for piece, strong in candidates:
            words = _strip_leading(_norm(piece).split())
            if words:
                parts.append((words, strong))
    return parts


def _chinese_parts(name: str, generic: frozenset[str] = frozenset()) -> list[str]:
    """Parts of a Chinese name split at 与/和/、, with leading verbs (赋能, 防范) and trailing
    generic nouns (管理, 保障) dropped."""
    parts: list[str] = []
    for raw in _SPLIT_ZH.split(name):
        chunk = _norm(raw)
        stripped = True
        while stripped:
            stripped = False
            for lead in LEADING_ZH:
                if chunk.startswith(lead) and len(chunk) - len(lead) >= MIN_ZH:
                    chunk, stripped = chunk[len(lead) :], True
        for trail in TRAILING_ZH:
            if chunk.endswith(trail) and len(chunk) - len(trail) >= MIN_ZH:
                chunk = chunk[: -len(trail)]
                break
        if len(chunk) >= MIN_ZH and chunk not in generic and all(_is_han(ch) or _latin(ch) for ch in chunk):
            parts.append(chunk)
    return parts


def _word_owners(topics: list[CatalogTopic]) -> dict[str, set[str]]:
    """Which topics use each English word in their names and aliases."""
    owners: dict[str, set[str]] = {}
    for topic in topics:
        for name in (topic.name.en, *topic.aliases):
            for word in _norm(name).split():
                if word.isascii():
                    owners.setdefault(word, set()).add(topic.id)
    return owners


def _is_distinctive(word: str, topic: str, owners: dict[str, set[str]], generic: frozenset[str]) -> bool:
    """A single word stands for a topic when only that topic uses it and it is not a common CSR
    word; short words only when they hold a digit ("5g")."""
    if not word.isascii() or owners.get(word) != {topic}:
        return False
    singular = word[:-1] if word.endswith("s") and not word.endswith("ss") else word
    long_enough = len(word) >= MIN_WORD or (len(word) >= 2 and any(ch.isdigit() for ch in word))
    return long_enough and word not in generic and singular not in generic


def _keywords(
    topic: CatalogTopic, owners: dict[str, set[str]], generic: tuple[frozenset[str], frozenset[str]]
) -> tuple[list[str], list[str]]:
    """(strong, weak) keywords from the topic's own name; ``generic`` (English, Chinese) words are
    too common in the industry's reports (its lexicon says which) to stand for one topic alone."""
    strong: list[str] = []
    weak: list[str] = []
    for words, specific in _english_parts(topic.name.en):
        if len(words) < 2 or sum(len(w) for w in words) < MIN_LETTERS:
            continue
        (strong if specific else weak).append(" ".join(words))
    for name in (topic.name.en, *topic.aliases):
        weak.extend(word for word in _norm(name).split() if _is_distinctive(word, topic.id, owners, generic[0]))
    for part in _chinese_parts(topic.name.zh, generic[1]):
        (strong if len(part) >= STRONG_ZH else weak).append(part)
    weak = [word for word in weak if word not in strong]
    return list(dict.fromkeys(strong)), list(dict.fromkeys(weak))


@dataclass
class _Matcher:
    """A catalog's phrases: English ones indexed by their first word (a document is read word by
    word, one dictionary look-up each), Chinese ones found as substrings."""

    by_first_word: dict[str, list[_Phrase]]
    substrings: list[_Phrase]


def _matcher(catalog: Catalog) -> _Matcher:
    owners = _word_owners(catalog.topics)
    generic = (
        frozenset(w.casefold() for w in catalog.lexicon.generic.en),
        frozenset(catalog.lexicon.generic.zh),
    )
    strong: dict[tuple[tuple[str, ...], str], list[_Phrase]] = {}
    weak: dict[tuple[tuple[str, ...], str], list[_Phrase]] = {}
    for topic in catalog.topics:
        strong_words, weak_words = _keywords(topic, owners, generic)
        for name in (topic.name.en, topic.name.zh, *topic.aliases, *strong_words):
            for phrase in _phrases(topic.id, name, strong=True):
                items = strong.setdefault((phrase.words, phrase.text), [])
                if all(item.topic != topic.id for item in items):
                    items.append(phrase)
        for keyword in weak_words:
            for phrase in _phrases(topic.id, keyword, strong=False):
                weak.setdefault((phrase.words, phrase.text), []).append(phrase)
    chosen = [p for items in strong.values() for p in items]
    for key, items in weak.items():
        if key not in strong and len({p.topic for p in items}) == 1:  # shared by two topics: neither
            chosen.append(items[0])
    by_first_word: dict[str, list[_Phrase]] = {}
    substrings: list[_Phrase] = []
    for phrase in chosen:
        if phrase.text:
            substrings.append(phrase)
        else:
            by_first_word.setdefault(phrase.words[0], []).append(phrase)
    return _Matcher(by_first_word, substrings)


_matcher_for: PerObject[Catalog, _Matcher] = PerObject(_matcher)  # built once per catalog object


# --- mentions ---------------------------------------------------------------------------------


@dataclass
class _Mentions:
    strong: list[int] = field(default_factory=list)  # line indices, in order
    weak: list[int] = field(default_factory=list)
    weak_labels: list[str] = field(default_factory=list)

    @property
    def lines(self) -> list[int]:
        return sorted(set(self.strong) | set(self.weak))


def _normalised_lines(doc: Document) -> list[str]:
    """Each line normalised (the whole text at once: one pass of each pattern, not one per line)."""
    lines = _norm_folded(doc.folded).split("\n")
    if len(lines) != len(doc.lines):  # a character normalisation turned into a line break
        lines = [_norm(line.text) for line in doc.lines]
    return lines


def _joined(lines: list[str]) -> tuple[str, list[int]]:
    """The normalised lines as one string (a Chinese name broken over two lines is still found)
    and the offset where each line starts."""
    parts: list[str] = []
    starts: list[int] = []
    length = 0
    previous = ""
    for text in lines:
        text = text.strip()
        sep = "" if previous and text and _is_han(previous[-1]) and _is_han(text[0]) else " "
        parts.append(sep + text)
        starts.append(length + len(sep))
        length += len(sep) + len(text)
        previous = text
    return "".join(parts), starts


def _english_mentions(lines: list[str], matcher: _Matcher) -> list[tuple[int, int, int, _Phrase]]:
    """(line, word position, words, phrase): read word by word across line breaks."""
    words: list[str] = []
    first_word: list[int] = []  # position of each line's first word
    for text in lines:
        first_word.append(len(words))
        words.extend(text.split())
    keys = matcher.by_first_word
    found: list[tuple[int, int, int, _Phrase]] = []
    for position in [i for i, word in enumerate(words) if word in keys]:
        for phrase in keys[words[position]]:
            size = len(phrase.words)
            if size == 1 or tuple(words[position : position + size]) == phrase.words:
                found.append((bisect_right(first_word, position) - 1, position, size, phrase))
    return found


def _chinese_mentions(lines: list[str], matcher: _Matcher) -> list[tuple[int, int, int, _Phrase]]:
    """(line, character offset, length, phrase) of each substring phrase."""
    if not matcher.substrings:
        return []
    text, starts = _joined(lines)
    found: list[tuple[int, int, int, _Phrase]] = []
    for phrase in matcher.substrings:
        position = text.find(phrase.text)
        while position != -1:
            stop = position + len(phrase.text)
            clear_left = position == 0 or not (_latin(text[position - 1]) and _latin(phrase.text[0]))
            clear_right = stop >= len(text) or not (_latin(text[stop]) and _latin(phrase.text[-1]))
            if clear_left and clear_right:
                found.append((bisect_right(starts, position) - 1, position, len(phrase.text), phrase))
            position = text.find(phrase.text, position + 1)
    return found


def _without_nested(found: list[tuple[int, int, int, _Phrase]]) -> list[tuple[int, int, int, _Phrase]]:
    """Drop a keyword found inside a longer mention: "information security" inside "network and
    information security" is that name, and a weak keyword inside another topic's name is part of
    that name. A name of another topic inside a name still counts for its own topic."""
    kept: list[tuple[int, int, int, _Phrase]] = []
    cover_stop, cover_topic = -1, ""
    for item in sorted(found, key=lambda f: (f[1], -f[2], f[3].topic)):
        _, start, size, phrase = item
        stop = start + size
        if stop <= cover_stop and (not phrase.strong or phrase.topic == cover_topic):
            continue
        if stop > cover_stop:
            cover_stop, cover_topic = stop, phrase.topic
        kept.append(item)
    return kept


def _find_mentions(doc: Document, matcher: _Matcher) -> list[tuple[int, int, str, bool, str]]:
    """(line, position, topic, strong, keyword) of every mention, in document order (the position
    orders mentions within a line)."""
    lines = _normalised_lines(doc)
    mentions: list[tuple[int, int, str, bool, str]] = []
    for found in (_english_mentions(lines, matcher), _chinese_mentions(lines, matcher)):
        for line, start, _, phrase in _without_nested(found):
            mentions.append((line, start, phrase.topic, phrase.strong, phrase.label))
    return sorted(mentions, key=lambda m: (m[0], m[1], m[2]))


def topic_mentions(doc: Document, catalog: Catalog) -> list[tuple[int, str, bool, str]]:
    """(line index, topic id, strong, keyword) of every mention ``extract_topics`` counts, in
    document order: which name, alias or keyword found a topic where (benchmarks and review)."""
    mentions = _find_mentions(doc, _matcher_for(catalog))
    return [(line, topic, strong, label) for line, _, topic, strong, label in mentions]


# --- depth and cases --------------------------------------------------------------------------


def _near(sorted_lines: list[int], line: int, window: int) -> bool:
    index = bisect_right(sorted_lines, line + window)
    return index > 0 and sorted_lines[index - 1] >= line - window


def _has_figures(doc: Document, line: int, cache: dict[int, bool]) -> bool:
    for index in range(max(0, line - FIGURE_WINDOW), min(len(doc.lines), line + FIGURE_WINDOW + 1)):
        if index not in cache:
            cache[index] = FIGURE.search(doc.lines[index].text) is not None
        if cache[index]:
            return True
    return False


def _nearest_before(
    kept: list[tuple[int, int, str]], keys: list[tuple[int, int]], line: int, window: int
) -> str | None:
    """The topic of the last mention at or before the line, if within the window."""
    index = bisect_right(keys, (line, 1 << 62)) - 1
    if index < 0 or line - kept[index][0] > window:
        return None
    return kept[index][2]


def _assign_cases(
    cases: list[tuple[int, int]], mentions: list[tuple[int, int, str, bool, str]], accepted: set[str]
) -> dict[str, int]:
    """Each case box counts for the topic its title line names (by name, else by keyword), else
    for the nearest topic named before it (within CASE_WINDOW lines), else the nearest found by
    keyword (within WEAK_CASE_WINDOW lines: keywords are everywhere, names are not)."""
    strong = [(line, at, topic) for line, at, topic, is_strong, _ in mentions if topic in accepted and is_strong]
    weak = [(line, at, topic) for line, at, topic, is_strong, _ in mentions if topic in accepted and not is_strong]
    strong_keys = [(line, at) for line, at, _ in strong]
    weak_keys = [(line, at) for line, at, _ in weak]
    counts: dict[str, int] = {}
    for case_line, count in cases:
        topic = (
            _nearest_before(strong, strong_keys, case_line, 0)
            or _nearest_before(weak, weak_keys, case_line, 0)
            or _nearest_before(strong, strong_keys, case_line, CASE_WINDOW)
            or _nearest_before(weak, weak_keys, case_line, WEAK_CASE_WINDOW)
        )
        if topic is not None:
            counts[topic] = counts.get(topic, 0) + count
    return counts


def extract_topics(doc: Document, catalog: Catalog) -> list[Noted]:
    """Catalog topics the draft covers, in the order it first mentions them; each value a Topic dict."""
    matcher = _matcher_for(catalog)
    mentions = _find_mentions(doc, matcher)
    by_topic: dict[str, _Mentions] = {}
    for line, _, topic_id, strong, label in mentions:
        entry = by_topic.setdefault(topic_id, _Mentions())
        target = entry.strong if strong else entry.weak
        if not target or target[-1] != line:
            target.append(line)
        if not strong and label not in entry.weak_labels:
            entry.weak_labels.append(label)
    accepted = {t for t, m in by_topic.items() if m.strong or len(set(m.weak)) >= MIN_WEAK_LINES}
    cases = case_lines(doc)
    case_at = [line for line, _ in cases]
    case_counts = _assign_cases(cases, mentions, accepted)
    figures: dict[int, bool] = {}
    language = doc.language
    results: list[tuple[int, int, Noted]] = []
    for order, topic in enumerate(catalog.topics):
        if topic.id not in accepted:
            continue
        entry = by_topic[topic.id]
        lines = entry.lines
        backed = any(_has_figures(doc, line, figures) or _near(case_at, line, CASE_NEAR) for line in lines)
        detailed = bool(entry.strong) and len(lines) >= MIN_DETAILED_LINES and backed
        value: dict[str, Any] = {
            "id": topic.id,
            "name": topic.name.get(language),
            "depth": "detailed" if detailed else "mentioned",
            "cases": case_counts.get(topic.id, 0),
        }
        first = entry.strong[0] if entry.strong else lines[0]
        review = None
        if not entry.strong:
            shown = ", ".join(f"'{label}'" for label in entry.weak_labels[:3])
            review = f"found only by the keyword(s) {shown}: check the report covers this topic"
        noted = Noted(value, source=doc.lines[first].where, review=review, confidence=0.5 if review else None)
        results.append((lines[0], order, noted))
    return [noted for _, _, noted in sorted(results, key=lambda r: (r[0], r[1]))]


MIN_EVIDENCE_UNNAMED = 2  # weight of disclosed evidence that covers a topic the draft never names
DESCRIBED = 0.5  # an evidence indicator described (a policy named), not measured: half of one with figures


def with_evidence(
    topics: list[Noted], indicators: list[Any], catalog: Catalog, language: Literal["en", "zh"]
) -> list[Noted]:
    """The topics backed by their catalog ``evidence`` indicators. Each evidence indicator the draft
    gives figures for weighs 1, each it only describes (a policy, a system named) ``DESCRIBED``. A
    topic the draft names becomes ``detailed`` at a weight of 1 (a call-drop rate in the KPI table is
    communication quality in detail, whatever the prose calls it; so are two management approaches
    described); a topic it never names is added, ``detailed``, at ``MIN_EVIDENCE_UNNAMED`` (one linked
    row may be a coincidence; two are a topic). Raters read a report's data tables and management
    disclosures as its treatment of the topics they measure."""
    weight: dict[str, float] = {}  # indicator id -> what it weighs
    where: dict[str, str | None] = {}  # indicator id -> where the draft discloses it
    for item in indicators:
        data = plain(item)
        shown = 1.0 if data.get("values") or data.get("chart_years") else DESCRIBED if data.get("narrative") else 0.0
        if "id" in data and shown > weight.get(data["id"], 0.0):
            weight[data["id"]] = shown
            where.setdefault(data["id"], item.source if isinstance(item, Noted) else None)
    specs = {spec.id: spec for spec in catalog.topics}
    named = {plain(t).get("id") for t in topics}
    out: list[Noted] = []
    for topic in topics:
        value = plain(topic)
        spec = specs.get(value.get("id", ""))
        backing = [i for i in spec.evidence if i in weight] if spec is not None else []
        if value.get("depth") == "detailed" or sum(weight[i] for i in backing) < 1:
            out.append(topic)
            continue
        note = f"detailed: the draft discloses {_listed(backing)}, which measure this topic"
        out.append(replace(topic, value={**topic.value, "depth": "detailed"}, review=_joined_notes(topic.review, note)))
    for spec in catalog.topics:
        if spec.id in named:
            continue
        backing = [i for i in spec.evidence if i in weight]
        if sum(weight[i] for i in backing) >= MIN_EVIDENCE_UNNAMED:
            value = {"id": spec.id, "name": spec.name.get(language), "depth": "detailed", "cases": 0}
            review = f"never named in the draft, but it discloses {_listed(backing)}, which measure this topic"
            out.append(Noted(value, source=where[backing[0]], review=review, confidence=0.6))
    return out


def _listed(ids: list[str]) -> str:
    shown = ", ".join(ids[:3])
    return shown + (f" and {len(ids) - 3} more" if len(ids) > 3 else "")


def _joined_notes(first: str | None, second: str) -> str:
    return second if not first else f"{first}; {second}"
