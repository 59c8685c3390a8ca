"""Safe YAML reading that remembers where every value came from.

PyYAML's own loaders drop line numbers and silently keep the last of two duplicate keys. Here we
compose the node graph (with the C parser when available), refuse anything but plain data, and build
Python values ourselves, recording the line of each value in a ``SourceMap`` keyed by its path.
"""

from __future__ import annotations

import codecs
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from csr_rating.errors import InputError
from csr_rating.gcpause import paused

try:  # the C parser is ~10x faster; the pure one behaves the same
    from yaml import CSafeLoader as _Base
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Base  # type: ignore[assignment]


_WILDCARD = tuple(_Base.yaml_implicit_resolvers.get(None, []))
_BY_FIRST = {
    first: (*resolvers, *_WILDCARD) for first, resolvers in _Base.yaml_implicit_resolvers.items() if first is not None
}


class _Loader(_Base):
    """The safe loader, resolving a plain scalar's tag with one dictionary probe: the C parser asks
    the (Python) resolver about every scalar, and its general code was a third of a report's load."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is yaml.ScalarNode and implicit[0] and not self.yaml_path_resolvers:
            for tag, regexp in _BY_FIRST.get(value[:1], _WILDCARD):
                if regexp.match(value):
                    return tag
            return self.DEFAULT_SCALAR_TAG
        return super().resolve(kind, value, implicit)

MAX_BYTES = 20 * 1024 * 1024
MAX_ALIAS_EXPANSION = 10_000
MAX_VALUES = 100_000  # about 10,000 indicators with their years: far above any real report (~150)
MAX_DEPTH = 64
PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:timestamp",
}

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class Mark:
    line: int  # 1-based
    column: int  # 1-based


# Where the values of a document stand, in the document's own shape: a mapping's entries by key (as
# text) with its key's position, a list's items with theirs; a scalar has no entries (None). The
# positions are PyYAML's marks (0-based), turned into a ``Mark`` only when one is asked for: most
# never are, and a large report has a hundred thousand of them.
Positions = dict[str, "tuple[Any, Positions]"] | list["tuple[Any, Positions]"] | None


@dataclass
class SourceMap:
    """Where each value of a loaded document stands in its file."""

    path: str
    root: tuple[Any, Positions] | None = None  # the document's position and its entries
    _found: dict[Path_, Mark | None] = field(default_factory=dict, repr=False, compare=False)

    def find(self, loc: Path_) -> Mark | None:
        """The mark of ``loc`` or of its nearest ancestor that has one."""
        loc = tuple(loc)
        if True in loc or False in loc:  # 1 == True: such a path is never remembered, to stay exact
            return self._walk(loc)
        if loc not in self._found:  # scoring asks for the same sections again and again
            self._found[loc] = self._walk(loc)
        return self._found[loc]

    def _walk(self, loc: Path_) -> Mark | None:
        if self.root is None:
            return None
        mark, entries = self.root
        for part in loc:
            if isinstance(entries, dict):
                entry = entries.get(str(part))
            elif isinstance(entries, list):
                index = _index(part)
                entry = entries[index] if index is not None and index < len(entries) else None
            else:
                entry = None
            if entry is None:
                break
            mark, entries = entry
        return None if mark is None else Mark(mark.line + 1, mark.column + 1)

    @property
    def marks(self) -> dict[tuple[str, ...], Mark]:
        """Every value's mark by its path (list positions as text), in document order."""
        found: dict[tuple[str, ...], Mark] = {}
        stack: list[tuple[tuple[str, ...], tuple[Any, Positions]]] = [] if self.root is None else [((), self.root)]
        while stack:
            key, (mark, entries) = stack.pop()
            if mark is not None:
                found[key] = Mark(mark.line + 1, mark.column + 1)
            if isinstance(entries, dict):
                stack.extend(reversed([((*key, part), entry) for part, entry in entries.items()]))
            elif isinstance(entries, list):
                stack.extend(reversed([((*key, str(index)), entry) for index, entry in enumerate(entries)]))
        return found

    def error(self, loc: Path_, message: str) -> InputError:
        """An InputError placed at ``loc``: file, line, column and field in one place."""
        mark = self.find(loc)
        return InputError(
            self.path, message, mark.line if mark else None, mark.column if mark else None, dotted(loc) or None
        )

    def line(self, loc: Path_) -> int | None:
        mark = self.find(loc)
        return mark.line if mark else None


def _index(part: str | int) -> int | None:
    """A list position from a path part: pydantic gives ints, a path read back from text gives digits."""
    if isinstance(part, int) and not isinstance(part, bool):
        return part if part >= 0 else None
    return int(part) if isinstance(part, str) and part.isdecimal() and str(int(part)) == part else None


def decode(raw: bytes, path: str) -> str:
    """Text from bytes: UTF-8 (BOM or not), UTF-16 or UTF-32 with a BOM; anything else is refused."""
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    elif raw.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):  # before UTF-16: same first bytes
        try:
            return raw.decode("utf-32")
        except UnicodeDecodeError as exc:
            raise InputError(path, f"invalid UTF-32 at byte offset {exc.start}") from None
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(path, f"invalid UTF-16 at byte {exc.start}") from None
    if b"\x00" in raw[:8192]:
        head = raw[:8192]
        if head[1::2].count(0) > len(head) // 4 or head[0::2].count(0) > len(head) // 4:
            raise InputError(path, "looks like UTF-16 without a byte-order mark; save the file as UTF-8")
        raise InputError(path, f"binary file (a NUL byte at byte offset {raw.index(0)}); expected UTF-8 YAML text")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError(
            path, f"not valid UTF-8 at byte offset {exc.start}; save the file as UTF-8", line, column
        ) from None


def read_text(path: Path) -> str:
    """The file's text; only regular files, and never more than MAX_BYTES read (a pipe or device
    reports size 0, so the size is bounded by reading, not by asking)."""
    shown = str(path)
    if not shown.strip():
        raise InputError("''", "empty file name")
    try:
        if path.is_dir():
            raise InputError(shown, "is a directory, expected a YAML file")
        if not path.exists():
            raise InputError(shown, "no such file")
        if not path.is_file():
            raise InputError(shown, "not a regular file (a device, pipe or socket); expected a YAML file")
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise InputError(shown, f"cannot read file: {exc.strerror or exc}") from None
    if len(raw) > MAX_BYTES:
        raise InputError(shown, f"file is larger than the limit of {MAX_BYTES} bytes")
    return decode(raw, shown)


STDIN = "-"


def read_stdin() -> str:
    """Standard input as text, bounded like a file (a pipe has no size to ask for)."""
    raw = sys.stdin.buffer.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        raise InputError("<stdin>", f"input is larger than the limit of {MAX_BYTES} bytes")
    if not raw.strip():
        raise InputError("<stdin>", "no input on standard input")
    return decode(raw, "<stdin>")


def load_yaml(text: str, path: str) -> tuple[Any, SourceMap]:
    """Parse one YAML document into plain Python data plus the line of every value."""
    if len(text) > MAX_BYTES:
        raise InputError(path, f"document is larger than {MAX_BYTES} characters")
    # Bound the work before PyYAML builds a node per value: values are separated by newlines or
    # commas, so their count bounds the number of nodes (aliases are bounded separately).
    separators = text.count("\n") + text.count(",")
    if separators > MAX_VALUES:
        raise InputError(path, f"document has more than {MAX_VALUES} lines and list items; split it up")
    loader = _Loader(text)
    with paused():  # the node graph and the values built from it: no cycles, and a scan of them all each time
        node = _compose(loader, text, path)
        if node is None or (isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null"):
            raise InputError(path, "file is empty; expected a YAML mapping")
        data, entries = _Builder(loader, path).build(node, None, 0)
        found = SourceMap(path, (node.start_mark, entries))
        # the node graph goes while the collector is still off: freed by reference counting, it is not
        # there for the collection that resuming triggers to walk (a walk as long as the report)
        del node
        loader.dispose()
        del loader
    return data, found


def _compose(loader: Any, text: str, path: str) -> Any:
    """The document's node graph; any YAML error as one InputError with its line."""
    try:
        return loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        if "expected a single document" in str(exc.context or "") + str(problem):
            problem = "several YAML documents in one file; put one report per file"
        raise InputError(path, f"invalid YAML: {problem}", *_lc(mark)) from None
    except yaml.reader.ReaderError as exc:  # a control character: give its line, not a position
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "?")
        raise InputError(path, f"invalid YAML: control character U+{code:04X} is not allowed", line, column) from None
    except yaml.YAMLError as exc:
        raise InputError(path, f"invalid YAML: {exc}") from None
    finally:
        loader.dispose()


def _lc(mark: Any) -> tuple[int | None, int | None]:
    if mark is None:
        return None, None
    return mark.line + 1, mark.column + 1


# The path to a value while it is built, as (parent's trail, key or position): O(1) per value, and
# spelled out only for an error message.
Trail = tuple["Trail", str | int] | None


def _loc(trail: Trail) -> Path_:
    parts: list[str | int] = []
    while trail is not None:
        trail, part = trail
        parts.append(part)
    return tuple(reversed(parts))


SCALAR_TAGS = PLAIN_TAGS - {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}
BOOL_TAG = "tag:yaml.org,2002:bool"
STR_TAG = "tag:yaml.org,2002:str"
INT_TAG = "tag:yaml.org,2002:int"


class _Builder:
    """Python values and their positions from the node graph, refusing what is not plain data."""

    def __init__(self, loader: Any, path: str) -> None:
        self.loader = loader
        self.path = path
        self.seen: set[int] = set()
        self.repeats = 0
        # a scalar's constructor called directly: ``construct_object`` would also remember every
        # scalar it made (for aliases, which plain scalars do not need)
        self.scalars = {tag: type(loader).yaml_constructors[tag] for tag in SCALAR_TAGS}

    def fail(self, node: yaml.Node, message: str, trail: Trail) -> InputError:
        line, col = _lc(node.start_mark)
        return InputError(self.path, message, line, col, dotted(_loc(trail)) or None)

    def build(self, node: yaml.Node, trail: Trail, depth: int) -> tuple[Any, Positions]:
        """The value of ``node`` (reached by ``trail``) and the positions of what it holds."""
        if id(node) in self.seen:  # an alias: count what it expands to, so alias bombs stop early
            self.repeats += 1
            if self.repeats > MAX_ALIAS_EXPANSION:
                raise self.fail(node, f"aliases expand to more than {MAX_ALIAS_EXPANSION} values", trail)
        else:
            self.seen.add(id(node))
        if depth > MAX_DEPTH:
            raise self.fail(node, f"nesting deeper than {MAX_DEPTH} levels", trail)
        tag = node.tag
        if tag not in PLAIN_TAGS:
            raise self.fail(node, f"YAML tag {tag!r} is not allowed; only plain data", trail)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, trail, depth)
        if isinstance(node, yaml.SequenceNode):
            values = []
            entries = []
            for index, item in enumerate(node.value):
                value, inner = self._text(item, depth + 1) or self.build(item, (trail, index), depth + 1)
                values.append(value)
                entries.append((item.start_mark, inner))
            return values, entries
        if tag == BOOL_TAG and node.value.lower() not in ("true", "false"):
            # YAML 1.1 reads yes/no/on/off as booleans; an author rarely means that, so say so
            raise self.fail(node, f"{node.value!r} would be read as a yes/no flag; write true or false", trail)
        return self._scalar(node, trail), None

    def _text(self, node: yaml.Node, depth: int) -> tuple[str, None] | None:
        """A plain string met for the first time, as ``build`` would make it, else None: most values
        are, and the general way costs a call and a dispatch each."""
        if node.__class__ is yaml.ScalarNode and node.tag == STR_TAG and depth <= MAX_DEPTH and id(node) not in self.seen:
            self.seen.add(id(node))
            return node.value, None
        return None

    def _scalar(self, node: yaml.Node, trail: Trail) -> Any:
        plain = isinstance(node, yaml.ScalarNode)
        construct = self.scalars.get(node.tag) if plain else None
        try:
            if plain and node.tag == STR_TAG:
                return node.value  # what construct_yaml_str returns, without its dispatch
            if plain and node.tag == INT_TAG and node.value.isascii() and node.value.isdigit() and node.value[:1] != "0":
                return int(node.value)  # plain decimal digits (no sign, base prefix, _ or octal 0): int() as construct_yaml_int
            return construct(self.loader, node) if construct is not None else self.loader.construct_object(node)
        except ValueError as exc:
            if "int_max_str_digits" in str(exc) or "Exceeds the limit" in str(exc):
                raise self.fail(node, "number has too many digits", trail) from None
            raise self.fail(node, f"cannot read value: {exc}", trail) from None
        except (yaml.YAMLError, OverflowError) as exc:
            raise self.fail(node, f"cannot read value: {exc}", trail) from None

    def _mapping(self, node: yaml.MappingNode, trail: Trail, depth: int) -> tuple[dict[Any, Any], Positions]:
        result: dict[Any, Any] = {}
        entries: dict[str, tuple[Any, Positions]] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise self.fail(key_node, "merge keys (<<) are not supported; write the fields out", trail)
            if not isinstance(key_node, yaml.ScalarNode):
                raise self.fail(key_node, "mapping keys must be plain values", trail)
            if key_node.tag not in PLAIN_TAGS:
                raise self.fail(key_node, f"YAML tag {key_node.tag!r} is not allowed; only plain data", trail)
            construct = self.scalars.get(key_node.tag)
            try:
                key = construct(self.loader, key_node) if construct is not None else self.loader.construct_object(key_node)
            except (yaml.YAMLError, ValueError, OverflowError) as exc:
                raise self.fail(key_node, f"cannot read key: {exc}", trail) from None
            if key is None or isinstance(key, float):
                raise self.fail(key_node, "mapping keys must be plain values", trail)
            text = str(key)  # a mapping key, even the year 2020, is shown as `.2020`
            if key in result or text in entries:  # 2020 and "2020" are one year to a reader
                first = entries.get(text)
                at = f" (first at line {first[0].line + 1})" if first else ""
                raise self.fail(key_node, f"duplicate key {key!r}{at}", (trail, text))
            result[key], inner = self._text(value_node, depth + 1) or self.build(value_node, (trail, text), depth + 1)
            # the key's line, not the value's: it is what a reader looks for
            entries[text] = (key_node.start_mark, inner)
        return result, entries


def dotted(loc: Path_) -> str:
    text = ""
    for part in loc:
        if isinstance(part, int) and not isinstance(part, bool):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text
