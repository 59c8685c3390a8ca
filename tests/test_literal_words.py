"""LiteralWords: cue words found leftmost, then longest, never overlapping (as the prefix-tree regex
it replaced found them)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from csr_rating.ingest.features import LiteralWords


def _by_definition(words: set[str], text: str) -> list[tuple[int, str]]:
    """At each position the longest word starting there; after a word, the search goes on past it."""
    found: list[tuple[int, str]] = []
    position = 0
    while position < len(text):
        here = [w for w in words if w and text.startswith(w, position)]
        if here:
            word = max(here, key=len)
            found.append((position, word))
            position += len(word)
        else:
            position += 1
    return found


def test_every_word_is_found_after_a_longer_one_failed() -> None:
    # pyahocorasick's iter_long loses the last "a" (and others after a longer candidate fails)
    assert list(LiteralWords({"a", "bacaa", "bbac", "bcbbb"}).finditer("bbbbcbbcabacaccbba")) == [
        (8, "a"),
        (10, "a"),
        (12, "a"),
        (17, "a"),
    ]
    assert list(LiteralWords({"case", "case study"}).finditer("a case study, one case")) == [
        (2, "case study"),
        (18, "case"),
    ]


def test_no_words_find_nothing() -> None:
    assert list(LiteralWords([]).finditer("anything")) == []
    assert list(LiteralWords([""]).finditer("anything")) == []


@settings(max_examples=300, deadline=None)
@given(
    st.sets(st.text(alphabet="ab中文", min_size=1, max_size=5), min_size=1, max_size=8),
    st.text(alphabet="ab中文\n", max_size=60),
)
def test_leftmost_longest_by_definition(words: set[str], text: str) -> None:
    assert list(LiteralWords(words).finditer(text)) == _by_definition(words, text)
