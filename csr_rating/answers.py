"""Answers to a draft's open questions, written into the report YAML without disturbing the rest.

An ingested draft carries ``# review:`` notes and ``# line N`` provenance comments, and the author may
have edited it by hand; PyYAML drops comments, so a load-and-dump would lose them. The round-trip
parser (ruamel.yaml) tells where each key stands, and each answer is spliced into the text: only the
answered lines change, every other line, comment, blank line and key order stays byte for byte.
New keys are written as ``csr-rating ingest`` writes them (2-space mappings, ``- `` items 2 deeper,
scalar lists in flow style) and scalars are quoted as PyYAML, the loader ``score`` uses, needs.

The ``unknown:`` contract: the top-level ``unknown`` list names dotted paths whose facts the draft
could not show. Answering a path settles it and every listed path below it (``process.leadership``
settles ``process.leadership.final_review``); a listed ancestor (``process``) stays, since other
facts there are still unknown. An emptied list is removed. A None answer means "the report does
not have it": the path is settled and its key deleted, taking its own comments with it.
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from csr_rating.errors import InputError
from csr_rating.fields import annotation_with_limits, field_annotation, field_info, models_in
from csr_rating.indexed import PATH as INDEXED  # answered by naming entries of the list, which keep their ids
from csr_rating.loading import parse_text
from csr_rating.output import write_text
from csr_rating.report import UNKNOWABLE_ENTRY_FIELDS, Report
from csr_rating.yamlio import STDIN, load_yaml, read_text

UNKNOWN = "unknown"

DEFAULT_STEP = 2  # what csr_rating.ingest.writer indents by


class AnswerError(ValueError):
    """An answer that does not fit the report; the caller places it (apply: the draft; load: file:line)."""


class AnswersFile(BaseModel):
    """What ``--answers FILE`` holds: ``answers: {dotted.path: value, ...}``."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)

    answers: dict[str, Any]


# --- checking answers ---------------------------------------------------------------------------


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:59] + "…"


def check_answer(path: str, value: Any) -> None:
    """Raise AnswerError unless ``path`` is a report field and ``value`` fits its type (strictly,
    as the model reads it: no "yes" for true, no "12" for 12); None needs an optional field."""
    if not isinstance(path, str) or not path:
        raise AnswerError(f"answer key {_shown(path)} is not a dotted field path")
    if path == UNKNOWN:
        raise AnswerError("'unknown' is not answered itself: answer the paths it lists")
    if path in UNKNOWABLE_ENTRY_FIELDS:  # a total over the list's entries (asking.py spreads it)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
            raise AnswerError(f"answer for {path!r}: expected a whole number, 0 or more (got {_shown(value)})")
        return
    try:
        field_annotation(path)
    except ValueError as exc:
        raise AnswerError(f"cannot answer {path!r}: {exc}") from None
    if value is None:
        if field_info(path).is_required():
            raise AnswerError(f"cannot answer {path!r} with null: the report must have it")
        return
    try:
        _adapter(path).validate_python(value, strict=True)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        inner = _value_loc(value, first["loc"])
        where = f" at {inner}" if inner else ""
        message = str(first["msg"]).removeprefix("Value error, ")
        got = first.get("input", value)
        raise AnswerError(f"answer for {path!r}{where}: {message} (got {_shown(got)})") from None


@functools.lru_cache(maxsize=256)
def _adapter(path: str) -> TypeAdapter[Any]:
    """The field's type with its constraints (pydantic keeps ``Count``'s bounds in the field's metadata)."""
    return TypeAdapter(annotation_with_limits(path))


def _value_loc(value: Any, loc: tuple[Any, ...]) -> str:
    """The parts of a pydantic location that index into the answer (not union members such as ``str``)."""
    found: list[str] = []
    for part in loc:
        inside = isinstance(value, dict) and part in value
        inside = inside or (isinstance(value, list) and isinstance(part, int) and 0 <= part < len(value))
        if inside:
            value = value[part]
            found.append(str(part))
    return ".".join(found)


def _check_all(answers: Mapping[str, Any]) -> None:
    for path, value in answers.items():
        check_answer(path, value)
    overlap = _overlap(list(answers))
    if overlap:
        raise AnswerError(_overlap_message(*overlap))


def _overlap(paths: list[str]) -> tuple[str, str] | None:
    """Two answers where one lies inside the other (their order would decide which wins)."""
    for path in paths:
        for other in paths:
            if other.startswith(path + "."):
                return path, other
    return None


def _overlap_message(outer: str, inner: str) -> str:
    return f"answers for {outer!r} and {inner!r} overlap; give one of them"


# --- the document: positions from ruamel, values from the project's loader -----------------------


@dataclass
class _Doc:
    lines: list[str]
    tree: CommentedMap  # ruamel's round-trip tree: where each key stands, and its style
    data: dict[str, Any]  # the same document as the project's loader reads it
    newline: str


def _parse(text: str, source: str) -> _Doc:
    data, _ = load_yaml(text, source)  # the project's checks and messages (tags, yes/no, duplicates …)
    if not isinstance(data, dict):
        raise InputError(source, f"expected a YAML mapping at the top level, found a {type(data).__name__}", 1, 1)
    try:
        tree = YAML(typ="rt").load(text)
    except YAMLError as exc:
        raise InputError(source, f"invalid YAML: {str(exc).splitlines()[0]}") from None
    if not _is_block_map(tree):
        raise InputError(source, "answers need the report written as a block mapping (key: value lines)")
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.splitlines(keepends=True)  # after load_yaml, only YAML line breaks are left in the text
    if lines and not lines[-1].endswith(("\n", "\r")):
        lines[-1] += newline
    return _Doc(lines, tree, data, newline)


def _is_block_map(node: Any) -> bool:
    return isinstance(node, CommentedMap) and not node.fa.flow_style()


def indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _is_note(line: str) -> bool:
    """A blank or comment-only line: it belongs to what follows it, not to the node above."""
    stripped = line.strip()
    return not stripped or stripped.startswith("#")


def span(lines: list[str], start: int, column: int, *, key: bool) -> tuple[int, int]:
    """The lines [start, end) of the node at ``start``: lines indented deeper than ``column`` (and, for
    a key, ``- `` items at its own column) follow; trailing blank and comment lines are left out."""
    end = start + 1
    for number in range(start + 1, len(lines)):
        line = lines[number]
        if _is_note(line):
            continue
        stripped = line.strip()
        dash = key and indent(line) == column and (stripped == "-" or stripped.startswith("- "))
        if indent(line) <= column and not dash:
            break
        end = number + 1
    return start, end


def notes_above(lines: list[str], start: int, column: int) -> int:
    """The first of the comment lines directly above ``start`` (a ``# review:`` note on that item)."""
    first = start
    while first > 0 and lines[first - 1].strip().startswith("#") and indent(lines[first - 1]) >= column:
        first -= 1
    return first


def _eol_comment(line: str) -> str:
    """The comment at the end of a line (with the spaces before it), or ''; quotes are respected."""
    quote, previous, index = "", " ", 0
    while index < len(line):
        char = line[index]
        if quote:
            if char == "\\" and quote == '"':
                index += 1
            elif char == quote:
                quote = ""
        elif char in "'\"" and previous in " \t[{,":
            quote = char
        elif char == "#" and previous in " \t":
            body = line[:index].rstrip(" \t")
            return line[len(body) :].rstrip("\r\n")
        previous = char
        index += 1
    return ""


def _step(tree: CommentedMap) -> int:
    """How deep the document indents a nested mapping (2 if it has none to go by)."""
    for key, value in tree.items():
        if _is_block_map(value) and value:
            return value.lc.key(next(iter(value)))[1] - tree.lc.key(key)[1]
    return DEFAULT_STEP


# --- rendering new lines -------------------------------------------------------------------------


def _scalar(value: Any) -> str:
    """One line of YAML for a scalar, quoted as PyYAML needs ("yes", "12", "%" …)."""
    if isinstance(value, str) and any(ch in value for ch in "\r\n\x85\u2028\u2029"):
        text = yaml.safe_dump(value, default_style='"', allow_unicode=True, width=10**6)
    else:
        text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10**6)
    return text.removesuffix("\n...\n").removesuffix("\n")


def _flow(value: Any) -> str:
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{_scalar(k)}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    return _scalar(value)


def _render(key: str, value: Any, indent: int, step: int, flow: bool | None = None) -> list[str]:
    """``key: value`` as lines at ``indent``: mappings in block style, scalar lists in flow style
    (as ingest writes them) unless ``flow`` says otherwise."""
    head = f"{' ' * indent}{_scalar(key)}:"
    nested = isinstance(value, Mapping | list) and any(isinstance(v, Mapping | list) for v in _members(value))
    if (
        flow
        or (flow is None and isinstance(value, list) and not nested)
        or (isinstance(value, Mapping | list) and not value)
    ):
        return [f"{head} {_flow(value)}"]
    if isinstance(value, Mapping):
        return [head] + [line for k, v in value.items() for line in _render(k, v, indent + step, step)]
    if isinstance(value, list):
        return [head] + [line for item in value for line in _render_item(item, indent + step, step)]
    return [f"{head} {_scalar(value)}"]


def _members(value: Mapping[str, Any] | list[Any]) -> list[Any]:
    return list(value.values()) if isinstance(value, Mapping) else list(value)


def _render_item(item: Any, indent: int, step: int) -> list[str]:
    if isinstance(item, Mapping) and item:
        body = [line for k, v in item.items() for line in _render(k, v, indent + 2, step)]
        return [f"{' ' * indent}- {body[0][indent + 2 :]}", *body[1:]]
    return [f"{' ' * indent}- {_flow(item)}"]


# --- editing -------------------------------------------------------------------------------------


def _nested(parts: list[str], value: Any) -> Any:
    for part in reversed(parts):
        value = {part: value}
    return value


def _set_in(data: Any, parts: list[str], value: Any, shown: str) -> Any:
    """A copy of plain ``data`` with ``value`` at ``parts`` (None deletes), creating missing mappings."""
    if not parts:
        return value
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise AnswerError(f"cannot answer {shown!r}: the report holds {_shown(data)} where a mapping belongs")
    result = dict(data)
    head, rest = parts[0], parts[1:]
    new = _set_in(result.get(head), rest, value, shown) if rest else value
    if new is None:
        result.pop(head, None)
    else:
        result[head] = new
    return result or None  # an emptied mapping is absent too


def _replace(doc: _Doc, start: int, end: int, new: list[str]) -> None:
    first = new[0] + _eol_comment(doc.lines[start]) if new else ""
    doc.lines[start:end] = [line + doc.newline for line in [first, *new[1:]]] if new else []


def _delete(doc: _Doc, start: int, end: int, column: int) -> None:
    cut(doc.lines, start, end, column)


def cut(lines: list[str], start: int, end: int, column: int) -> None:
    """Delete the lines and the notes above them; a blank line left doubled by the cut goes too."""
    first = notes_above(lines, start, column)
    del lines[first:end]
    if 0 < first and not lines[first - 1].strip() and (first == len(lines) or not lines[first].strip()):
        del lines[first - 1]


def _insert(doc: _Doc, parent: CommentedMap, owner: str, key: str, value: Any) -> None:
    """``key`` as a new key of the block mapping ``parent`` (the value at path ``owner``), placed in
    the model's field order: after the last key that comes before it, else above the first key. A new
    top-level section is set off by a blank line when the document separates its sections so."""
    rank = _ranks(owner)
    earlier = [k for k in parent if rank(k) < rank(key)]
    spaced = parent is doc.tree and _sections_spaced(doc)
    new = _render(key, value, parent.lc.key(next(iter(parent)))[1], _step(doc.tree))
    if earlier:
        line, column = parent.lc.key(earlier[-1])
        at = span(doc.lines, line, column, key=True)[1]
        new = ["", *new] if spaced else new
    else:
        line, column = parent.lc.key(next(iter(parent)))
        at = notes_above(doc.lines, line, column)
        new = [*new, ""] if spaced else new
    doc.lines[at:at] = [text + doc.newline for text in new]


def _ranks(owner: str) -> Callable[[Any], int]:
    """A key's place in the field order of the model at ``owner`` (keys it does not know come last)."""
    model = models_in(field_annotation(owner))[0] if owner else Report
    order = {name: index for index, name in enumerate(model.model_fields)}
    return lambda key: order.get(key, len(order))


def _sections_spaced(doc: _Doc) -> bool:
    keys = list(doc.tree)[1:]
    return any(not doc.lines[doc.tree.lc.key(k)[0] - 1].strip() for k in keys if doc.tree.lc.key(k)[0] > 0)


def _answer(doc: _Doc, path: str, value: Any) -> None:
    """Set (or, for None, delete) ``path`` in the document's lines."""
    parts = path.split(".")
    chain: list[tuple[CommentedMap, str]] = []  # the block mappings walked through, and the key taken
    parent, data, depth = doc.tree, doc.data, 0
    while depth < len(parts) - 1 and parts[depth] in parent and _is_block_map(parent[parts[depth]]):
        chain.append((parent, parts[depth]))
        parent, data, depth = parent[parts[depth]], data[parts[depth]], depth + 1
    key, rest = parts[depth], parts[depth + 1 :]
    if key not in parent:
        if value is not None:
            _insert(doc, parent, ".".join(parts[:depth]), key, _nested(rest, value))
        return
    if value is None and not _has(data.get(key), rest):
        return
    if path == INDEXED and isinstance(value, list) and isinstance(data.get(key), list):
        value = _picked(data[key], value)  # the listed entries it names, ids and pages kept
        if _picked_from(doc, parent, key, value):
            return
    new = _set_in(data.get(key), rest, value, path)
    if new is None:
        _delete_key(doc, *_emptied(chain, parent, key))
    elif _flow(new) != _flow(data.get(key)):  # compared as written: true is not 1
        old = parent[key]
        flow = True if isinstance(old, CommentedMap | CommentedSeq) and old.fa.flow_style() else None
        line, column = parent.lc.key(key)
        start, end = span(doc.lines, line, column, key=True)
        _replace(doc, start, end, _render(key, new, column, _step(doc.tree), flow))


def _picked(entries: list[Any], answered: list[Any]) -> list[Any]:
    """The listed index entries an answer names; a name that is not one of them is an error, not a
    new entry (the question is a pick among them)."""
    listed = {e["name"]: e for e in entries if isinstance(e, dict) and isinstance(e.get("name"), str)}
    names = [a["name"] if isinstance(a, dict) else a for a in answered]
    unknown = [n for n in names if n not in listed]
    if unknown:
        raise AnswerError(
            f"answer for {INDEXED!r}: {unknown[0]!r} is not one of the listed items ({', '.join(listed) or 'none'})"
        )
    return [listed[n] for n in dict.fromkeys(names)]


def _picked_from(doc: _Doc, parent: CommentedMap, key: str, picked: list[Any]) -> bool:
    """Write a pick among the listed index entries by deleting the others, so the kept ones keep
    their comments; False where the list is not one entry a line (it is written anew)."""
    seq = parent[key]
    names = {e["name"] for e in picked}
    listed = [e.get("name") if isinstance(e, dict) else None for e in seq] if isinstance(seq, CommentedSeq) else []
    if not listed or seq.fa.flow_style() or not _items_on_own_lines(doc, seq):
        return False
    gone = [i for i, name in enumerate(listed) if name not in names]
    if len(gone) == len(listed):
        _delete_key(doc, parent, key)
        return True
    for index in reversed(gone):
        item_line = seq.lc.item(index)[0]
        dash = indent(doc.lines[item_line])
        start, end = span(doc.lines, item_line, dash, key=False)
        _delete(doc, start, end, dash)
    return True


def _has(data: Any, parts: list[str]) -> bool:
    for part in parts:
        if not isinstance(data, dict) or part not in data:
            return False
        data = data[part]
    return True


def _emptied(chain: list[tuple[CommentedMap, str]], parent: CommentedMap, key: str) -> tuple[CommentedMap, str]:
    """The key to delete: ``key``, or the outermost optional mapping its deletion leaves empty."""
    while chain and len(parent) == 1:
        owner = ".".join(k for _, k in chain)
        if field_info(owner).is_required():
            break
        parent, key = chain.pop()
    return parent, key


def _delete_key(doc: _Doc, parent: CommentedMap, key: str) -> None:
    line, column = parent.lc.key(key)
    start, end = span(doc.lines, line, column, key=True)
    _delete(doc, start, end, column)


def _settle(doc: _Doc, path: str) -> None:
    """Drop ``path`` and the paths below it from the top-level ``unknown`` list; drop an emptied list."""
    listed = doc.data.get(UNKNOWN)
    if not isinstance(listed, list) or UNKNOWN not in doc.tree:
        return
    settled = [isinstance(p, str) and (p.strip() == path or p.strip().startswith(path + ".")) for p in listed]
    if not any(settled):
        return
    line, column = doc.tree.lc.key(UNKNOWN)
    start, end = span(doc.lines, line, column, key=True)
    left = [p for p, gone in zip(listed, settled, strict=True) if not gone]
    if not left:
        _delete(doc, start, end, column)
        return
    seq = doc.tree[UNKNOWN]
    if seq.fa.flow_style() or not _items_on_own_lines(doc, seq):
        _replace(doc, start, end, _render(UNKNOWN, left, column, _step(doc.tree), seq.fa.flow_style()))
        return
    for index in reversed([i for i, gone in enumerate(settled) if gone]):
        item_line = seq.lc.item(index)[0]
        dash = indent(doc.lines[item_line])
        item_start, item_end = span(doc.lines, item_line, dash, key=False)
        _delete(doc, item_start, item_end, dash)


def _items_on_own_lines(doc: _Doc, seq: CommentedSeq) -> bool:
    rows = [seq.lc.item(i)[0] for i in range(len(seq))]
    return len(set(rows)) == len(rows) and all(doc.lines[row].lstrip(" ").startswith("-") for row in rows)


def apply_answers(yaml_text: str, answers: Mapping[str, Any], *, source: str) -> str:
    """The report YAML with each answer written at its dotted path and settled in ``unknown``.

    Every answer is checked first (a bad path or value raises InputError naming it, and nothing
    changes); then only the answered lines change. A pure function: same input, same text.
    """
    try:
        _check_all(answers)
    except AnswerError as exc:
        raise InputError(source, str(exc)) from None
    text = "".join(_parse(yaml_text, source).lines)
    for path, value in answers.items():
        doc = _parse(text, source)
        try:
            _answer(doc, path, value)
        except AnswerError as exc:
            raise InputError(source, str(exc)) from None
        doc = _parse("".join(doc.lines), source)
        _settle(doc, path)
        text = "".join(doc.lines)
    return text


# --- files ---------------------------------------------------------------------------------------


def load_answers(path: Path | str) -> dict[str, Any]:
    """The answers an ``--answers`` file gives, each checked; errors name the file and line. Names
    may stand for entries of a list of sections, as at the prompt (``[Unite against COVID-19]`` for
    special features)."""
    from csr_rating.questions import answer_value  # questions imports the scoring; answers stays light

    shown = str(path)
    text = read_text(Path(path))
    file, source = parse_text(AnswersFile, text, shown)
    answers: dict[str, Any] = {}
    for key, value in file.answers.items():
        try:
            check_answer(key, value if _names_for_sections(key, value) is None else answer_value(key, value))
            answers[key] = answer_value(key, value)
        except AnswerError as exc:
            raise source.error(("answers", key), str(exc)) from None
    overlap = _overlap(list(answers))
    if overlap:
        raise source.error(("answers", overlap[1]), _overlap_message(*overlap))
    return answers


def _names_for_sections(path: str, value: Any) -> list[str] | None:
    """``value`` when it is a list of names for a field that holds a list of sections (special
    features, testimonials): the names are converted first, as at the prompt."""
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value) or not value:
        return None
    try:
        annotation = field_annotation(path)
    except ValueError:
        return None
    return value if models_in(annotation) and typing.get_origin(annotation) is list else None


def write_answers(draft: Path | str, text: str, *, in_place: bool, output: Path | None, force: bool) -> Path:
    """Write the answered report to ``output`` (an existing file only with ``force``) or, with
    ``in_place``, atomically over ``draft``; returns where it went."""
    shown = str(draft)
    if in_place and output is not None:
        raise InputError(shown, "give either -o FILE or --in-place, not both")
    if output is not None:
        write_text(output, text, force, inputs=[draft])
        return output
    if not in_place:
        raise InputError(shown, "where should the answered report go? pass -o FILE, or --in-place to update this file")
    if shown == STDIN:
        raise InputError("<stdin>", "--in-place needs a file, not standard input; pass -o FILE")
    write_text(Path(draft), text, force=True)
    return Path(draft)
