"""The `# review:` notes of an ingested draft, each beside the draft text it came from.

``ingest`` marks every item it is unsure of with a ``# review:`` comment and ends the item's first line
with its provenance (``# line 4740``, ``# p. 12``). Checking a note meant opening the draft at that line
by hand, over a hundred times; here each note is listed with the draft's own line (or an excerpt of the
PDF page), so the check takes minutes. The notes are comments, so they are read from the YAML text,
not from the loaded data; the data only supplies each item's path (``indicators[12]``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from csr_rating.errors import InputError
from csr_rating.ingest.suffixes import is_draft
from csr_rating.yamlio import STDIN, dotted, load_yaml, read_stdin, read_text

if TYPE_CHECKING:  # `score` counts the notes of every report: the draft reader loads only for `review`
    from csr_rating.ingest.document import Document

REVIEW = re.compile(r"^\s*# review:\s?(?P<text>.*)$")
WHERE = re.compile(r"\s#\s(?P<where>line \d+|p\. \d+)\s*$")
HEADER = re.compile(r"^# Structured report drafted by `csr-rating ingest` from (?P<name>.+) \([a-z]+, [a-z]+\)\.\s*$")
QUALIFIER = re.compile(r"\s*\((?:line|p\.) \d+\)$")  # "总额 (line 1255)": a repeated name told apart by ingest
NOT_IN_DRAFT = {"id"}  # fields whose value is ours (a catalog id), not the draft's words
EXCERPT = 120  # characters of a PDF page shown when no line of it names the item


@dataclass(frozen=True)
class ReviewItem:
    """One ``# review:`` note: where it stands in the YAML, what it says, where its item came from."""

    yaml_line: int  # 1-based line of the comment
    review: str
    path: str | None  # the annotated item, e.g. "indicators[12]"; None when no item follows
    where: str | None  # "line 1880" / "p. 12": the item's provenance; None when it has none
    hint: str | None = None  # the item's value, to find its line on a PDF page
    source: str | None = None  # the draft text at ``where``, once looked up

    def as_json(self) -> dict[str, Any]:
        return {
            "yaml_line": self.yaml_line,
            "path": self.path,
            "review": self.review,
            "where": self.where,
            "source": self.source,
        }


def count_reviews(yaml_text: str) -> int:
    """How many ``# review:`` notes are left: cheap enough for every ``score`` of a YAML file."""
    return sum(1 for line in yaml_text.splitlines() if REVIEW.match(line))


def review_items(yaml_text: str, shown: str = "<yaml>") -> list[ReviewItem]:
    """Every ``# review:`` note in file order. Raises InputError (naming ``shown``) when the text is
    not a YAML mapping: a note list of a file ``score`` would refuse is no help."""
    data, source = load_yaml(yaml_text, shown)
    if not isinstance(data, dict):
        raise InputError(shown, f"expected a report YAML (a mapping), found a {type(data).__name__}", 1, 1)
    lines = yaml_text.splitlines()
    paths = _paths_by_line(data, source.marks)
    items = []
    for index, line in enumerate(lines):
        found = REVIEW.match(line)
        if found is None:
            continue
        target = annotated(lines, index)
        item_line = lines[target] if target is not None else ""
        where = WHERE.search(item_line)
        items.append(
            ReviewItem(
                yaml_line=index + 1,
                review=found["text"].strip(),
                path=paths.get(target + 1) if target is not None else None,
                where=where["where"] if where else None,
                hint=_hint(item_line),
            )
        )
    return items


def annotated(lines: list[str], index: int) -> int | None:
    """The index of the item line a note at ``index`` stands above: the next line that is not a
    comment or blank (two notes in a row, an item's and its first field's, share one line)."""
    for target in range(index + 1, len(lines)):
        stripped = lines[target].strip()
        if stripped and not stripped.startswith("#"):
            return target
    return None


def _paths_by_line(data: Any, marks: dict[tuple[str, ...], Any]) -> dict[int, str]:
    """The shortest path starting on each line: ``- name: x`` is the list item, not its name."""
    best: dict[int, tuple[str | int, ...]] = {}
    for key, mark in marks.items():
        if key and (mark.line not in best or len(key) < len(best[mark.line])):
            best[mark.line] = _typed(data, key)
    return {line: dotted(loc) for line, loc in best.items()}


def _typed(data: Any, key: tuple[str, ...]) -> tuple[str | int, ...]:
    """A source-map key with list positions as ints again, so it prints as ``indicators[12]``."""
    loc: list[str | int] = []
    for part in key:
        if isinstance(data, list) and part.isdigit() and int(part) < len(data):
            loc.append(int(part))
            data = data[int(part)]
        else:
            loc.append(part)
            data = data.get(_key_of(data, part)) if isinstance(data, dict) else None
    return tuple(loc)


def _key_of(mapping: dict[Any, Any], part: str) -> Any:
    return part if part in mapping else next((k for k in mapping if str(k) == part), part)


def _hint(item_line: str) -> str | None:
    """The item's value as the draft would print it: ``- name: 新获得授权专利  # line 5`` → 新获得授权专利."""
    text = WHERE.sub("", item_line).strip().removeprefix("- ").strip()
    key, colon, value = text.partition(": ")
    if colon and key in NOT_IN_DRAFT:
        return None
    text = value if colon and not key.startswith(("'", '"', "{", "[")) else text
    try:
        loaded = yaml.safe_load(text)
    except yaml.YAMLError:
        loaded = text
    if not isinstance(loaded, (str, int, float)) or isinstance(loaded, bool):
        return None
    hint = QUALIFIER.sub("", str(loaded)).strip()
    return hint if len(hint) >= 2 else None


def draft_name(yaml_text: str) -> str | None:
    """The draft's file name from the header ``ingest`` writes; None for standard input or no header."""
    for line in yaml_text.splitlines()[:5]:
        found = HEADER.match(line)
        if found:
            name = found["name"]
            return name if name != "standard input" and Path(name).name == name else None
    return None


def default_draft(yaml_path: Path | str, yaml_text: str) -> Path | None:
    """The draft named in the header, next to the YAML file (the current folder for standard input)."""
    name = draft_name(yaml_text)
    if name is None:
        return None
    folder = Path(".") if str(yaml_path) == "-" else Path(yaml_path).parent
    candidate = folder / name
    return candidate if candidate.is_file() else None


def source_line(draft: Document | Path | str, where: str, hint: str | None = None) -> str | None:
    """The draft's text at ``where``: the line for ``line N``; for ``p. N`` the page's first line that
    holds ``hint``, else the start of the page. Pass a Document to read the draft once for many notes."""
    from csr_rating.ingest.document import Document
    from csr_rating.ingest.readers import read_document

    document = draft if isinstance(draft, Document) else read_document(draft)
    kind, _, number = where.partition(" ")
    if not number.isdigit():
        return None
    if kind == "line":
        found = next((line.text for line in document.lines if line.number == int(number)), None)
        return _clean(found) if found is not None else None
    if kind == "p.":
        return _page_excerpt([line.text for line in document.lines if line.page == int(number)], hint)
    return None


def _page_excerpt(texts: list[str], hint: str | None) -> str | None:
    texts = [text for text in texts if text.strip()]
    if not texts:
        return None
    if hint:
        wanted = _squeezed(hint)
        for text in texts:
            if wanted in _squeezed(text):
                return _clean(text)
    return _clean(" ".join(texts))[:EXCERPT]


def _squeezed(text: str) -> str:
    return "".join(text.split()).casefold()


def _clean(text: str) -> str:
    """One printable line; table cells (tab-separated by the readers) shown as ``a | b``."""
    cells = [" ".join("".join(ch if ch.isprintable() else " " for ch in cell).split()) for cell in text.split("\t")]
    return " | ".join(cell for cell in cells if cell)


def with_sources(items: list[ReviewItem], draft: Document) -> list[ReviewItem]:
    """The items with their draft text looked up in one already-read draft."""
    return [replace(item, source=source_line(draft, item.where, item.hint)) if item.where else item for item in items]


@dataclass(frozen=True)
class Review:
    """What ``csr-rating review`` shows: the notes, and the draft their source lines came from."""

    items: list[ReviewItem]
    draft_name: str | None  # the draft's file name (read, or named in the header)
    draft_found: bool


def review(yaml_path: Path | str, draft: Path | str | None = None) -> Review:
    """Read an ingested YAML ("-": standard input) and its draft (given, else the one its header names,
    next to it), and pair each note with its source line. A draft that cannot be found only leaves the
    source lines out; a draft that is given but missing, or cannot be read, is an InputError."""
    shown = "<stdin>" if str(yaml_path) == STDIN else str(yaml_path)
    if str(yaml_path) != STDIN and is_draft(yaml_path):
        raise InputError(shown, "is a draft, not an ingested report: run `csr-rating ingest` on it first")
    text = read_stdin() if str(yaml_path) == STDIN else read_text(Path(yaml_path))
    items = review_items(text, shown)
    path = Path(draft) if draft is not None else default_draft(yaml_path, text)
    if path is None:
        return Review(items, draft_name(text), False)
    from csr_rating.ingest.readers import read_document

    return Review(with_sources(items, read_document(path)), path.name, True)


SHOWN = 160  # characters of a source line in the text listing


def render_text(result: Review, shown: str) -> str:
    """One block per note: ``draft.yaml:LINE: note``, then the draft's line indented below it."""
    blocks = []
    for item in result.items:
        block = f"{shown}:{item.yaml_line}: {item.review}"
        if item.where:
            block += f"\n  {result.draft_name or 'draft'} {item.where}"
            if result.draft_found:
                text = item.source if item.source is not None else "(not in the draft: was it changed?)"
                block += f": {text if len(text) <= SHOWN else text[: SHOWN - 1] + '…'}"
        blocks.append(block + "\n")
    return "\n".join(blocks)


def render_json(result: Review) -> str:
    return json.dumps([item.as_json() for item in result.items], ensure_ascii=False, indent=2) + "\n"
