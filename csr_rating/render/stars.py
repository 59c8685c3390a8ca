"""Star notation as rating reports print it: ★ per whole star, ☆ for a half (★★★★☆ = 4.5)."""

from __future__ import annotations


def glyphs(stars: float) -> str:
    whole = int(stars)
    return "★" * whole + ("☆" if stars - whole >= 0.5 else "")


def label(stars: float) -> str:
    return f"{glyphs(stars)} {stars:g}"
