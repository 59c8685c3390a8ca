"""The one YAML loader: plain data only, duplicate keys refused, bounded, every value has a line."""

from __future__ import annotations

import codecs
import time

import pytest

from csr_rating.errors import InputError
from csr_rating.yamlio import decode, load_yaml


def test_every_value_knows_its_line():
    data, source = load_yaml("meta:\n  title: T\nindicators:\n  - name: A\n    values: {2020: 1}\n", "r.yaml")
    assert data["indicators"][0]["values"] == {2020: 1}
    assert source.line(("meta", "title")) == 2
    assert source.line(("indicators", 0, "values", 2020)) == 5
    assert source.line(("indicators", 0, "values", "2020")) == 5  # pydantic may report the key as text
    assert source.line(("indicators", 0, "nonexistent")) == 4  # falls back to the nearest ancestor


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: 1\na: 2\n", "duplicate key 'a' (first at line 1)"),
        ("v:\n  2020: 1\n  '2020': 2\n", "duplicate key '2020' (first at line 2)"),
        ("a: !!python/name:os.system\n", "not allowed"),
        ("a: !custom x\n", "not allowed"),
        ("---\na: 1\n---\nb: 2\n", "several YAML documents"),
        ("a: [1\n", "invalid YAML"),
        ("", "empty"),
        ("base: &b {x: 1}\nother:\n  <<: *b\n", "merge keys"),
        ("? [a, b]\n: 1\n", "plain values"),
        ("a:\n" + "".join("  " * i + "- \n" for i in range(1, 80)), "nesting deeper"),
    ],
)
def test_refused(text, message):
    with pytest.raises(InputError) as caught:
        load_yaml(text, "r.yaml")
    assert message in str(caught.value)
    assert str(caught.value).startswith("r.yaml")


def test_alias_bomb_is_refused_quickly():
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 10):
        prev, name = chr(96 + i), chr(97 + i)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    start = time.perf_counter()
    with pytest.raises(InputError, match="aliases expand"):
        load_yaml("\n".join(lines) + "\n", "bomb.yaml")
    assert time.perf_counter() - start < 2


def test_small_aliases_are_fine():
    data, _ = load_yaml("a: &x [1, 2]\nb: *x\n", "r.yaml")
    assert data == {"a": [1, 2], "b": [1, 2]}


@pytest.mark.parametrize(
    "raw",
    [
        "title: Société\n".encode(),
        codecs.BOM_UTF8 + "title: Société\n".encode(),
        codecs.BOM_UTF16_LE + "title: Société\n".encode("utf-16-le"),
        codecs.BOM_UTF16_BE + "title: Société\n".encode("utf-16-be"),
    ],
)
def test_encodings_that_are_read(raw):
    assert decode(raw, "r.yaml") == "title: Société\n"


def test_binary_is_refused():
    with pytest.raises(InputError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00", "r.yaml")
