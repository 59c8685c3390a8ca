"""Write the drafted report as YAML a person reviews: provenance and review notes as comments.

PyYAML cannot write comments, so the block structure is written here and only scalars go through
``yaml.safe_dump`` (which quotes what needs quoting: "no", "1.0", ": " …). An item's source goes at
the end of its first line (``# line 4740``, ``# p. 12``); a ``# review: …`` line goes above an item
the extraction was unsure of, with its confidence.
"""

from __future__ import annotations

import json
import re
from typing import Any

import yaml

from csr_rating.ingest.noted import Noted

FLOW_KEYS = {"values", "languages", "formats", "methods", "channels", "positioning", "accessibility"}
INDENT = "  "


# A string that YAML reads back as the same string, plain: a letter first, no indicator or flow
# character, not a word YAML 1.1 reads as a boolean or null. Most names and units are; they skip the
# dumper (a third of the time of ingesting a long report went to quoting them).
_PLAIN = re.compile(r"^[A-Za-z0-9\u3400-\u9fff][A-Za-z0-9\u3400-\u9fff\u3000-\u303f\uff01-\uff5e _()./%&+-]*$")
_SPACE_OR_HAN = re.compile(r"[ \u3400-\u9fff]")  # after a leading digit: no number, date or time of YAML's
_PLAIN_FLOAT = re.compile(r"^-?\d+\.\d+$")  # a float YAML 1.1 reads back as itself (no exponent)
_YAML_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "nan", "inf"}


def scalar(value: Any, flow: bool = False) -> str:
    """A scalar as YAML that reads back as itself: plain where that is safe; in a flow list or
    mapping (``flow``) a string that is not plain is double-quoted (JSON), as a comma or a ``?``
    would end or bend the item there."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and _PLAIN_FLOAT.match(shown := repr(value)):
        return shown  # "12.5" is what the dumper writes too
    if isinstance(value, str):
        if _plain(value):
            return value
        if flow:
            return json.dumps(value, ensure_ascii=False)
    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10**6)
    return text.removesuffix("\n...\n").removesuffix("\n")


def _plain(text: str) -> bool:
    if not _PLAIN.match(text) or text.casefold() in _YAML_WORDS or text.endswith(" "):
        return False
    return not text[0].isdigit() or (bool(_SPACE_OR_HAN.search(text)) and ":" not in text)


def _one_line(text: str) -> str:
    return " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())


def _unwrap(item: Any) -> tuple[Any, Noted | None]:
    if isinstance(item, Noted):
        inner, note = _unwrap(item.value)
        if note is None:
            return inner, item
        return inner, Noted(None, item.source or note.source, item.review or note.review, item.confidence)
    return item, None


def _comment(note: Noted | None) -> str:
    if note is None or not note.source:
        return ""
    return f"  # {_one_line(note.source)}"


def _review(note: Noted | None, indent: str) -> list[str]:
    if note is None or not note.review:
        return []
    sure = f" (confidence {note.confidence:.2f})" if note.confidence is not None else ""
    return [f"{indent}# review: {_one_line(note.review)}{sure}"]


def _empty(value: Any) -> bool:
    """Nothing to write: None, an empty list, or a mapping whose values are all empty."""
    value = _unwrap(value)[0]
    if isinstance(value, dict):
        return all(_empty(v) for v in value.values())
    return value is None or (isinstance(value, list) and not value)


def _flow(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{scalar(k, True)}: {scalar(_unwrap(v)[0], True)}" for k, v in value.items()) + "}"
    return "[" + ", ".join(scalar(_unwrap(v)[0], True) for v in value) + "]"


def _mapping(data: dict[str, Any], indent: str, first_prefix: str | None = None) -> list[str]:
    lines: list[str] = []
    for position, (key, raw) in enumerate(data.items()):
        value, note = _unwrap(raw)
        if _empty(value):
            continue
        prefix = first_prefix if (first_prefix is not None and position == 0 and not lines) else indent
        lines.extend(_review(note, indent))
        head = f"{prefix}{key}:"
        if isinstance(value, dict) and key in FLOW_KEYS:
            lines.append(f"{head} {_flow(value)}{_comment(note)}")
        elif isinstance(value, list) and (key in FLOW_KEYS or all(not isinstance(_unwrap(v)[0], dict) for v in value)):
            if key in FLOW_KEYS or all(_unwrap(v)[1] is None for v in value):
                lines.append(f"{head} {_flow(value)}{_comment(note)}")
            else:
                lines.append(f"{head}{_comment(note)}")
                lines.extend(_sequence(value, indent + INDENT))
        elif isinstance(value, dict):
            lines.append(f"{head}{_comment(note)}")
            lines.extend(_mapping(value, indent + INDENT))
        elif isinstance(value, list):
            lines.append(f"{head}{_comment(note)}")
            lines.extend(_sequence(value, indent + INDENT))
        else:
            lines.append(f"{head} {scalar(value)}{_comment(note)}")
    return lines


def _sequence(items: list[Any], indent: str) -> list[str]:
    lines: list[str] = []
    for raw in items:
        value, note = _unwrap(raw)
        if _empty(value):
            continue
        lines.extend(_review(note, indent))
        if isinstance(value, dict):
            body = _mapping(value, indent + INDENT, first_prefix=f"{indent}- ")
            if body and note is not None and note.source:
                body[0] += _comment(note) if "  # " not in body[0] else ""
            lines.extend(body)
        else:
            lines.append(f"{indent}- {scalar(value)}{_comment(note)}")
    return lines


def to_yaml(data: dict[str, Any], header: list[str]) -> str:
    """The report data (with Noted wrappers) as commented YAML; top-level sections blank-separated."""
    out = [f"# {_one_line(line)}" if line else "#" for line in header]
    for key, raw in data.items():
        section = _mapping({key: raw}, "")
        if section:
            out.append("")
            out.extend(section)
    return "\n".join(out) + "\n"
