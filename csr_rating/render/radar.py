"""The seven-dimension radar chart as inline SVG: a picture a rater can send without any network.

A pure function of its input: no ids from counters, no timestamps, every coordinate printed with one
decimal, so the same scores always give the same bytes (the HTML output's determinism depends on it).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape
from typing import NamedTuple

from csr_rating.render.stars import label as star_label

RINGS: tuple[int, ...] = (20, 40, 60, 80, 100)
WIDTH = 680
HEIGHT = 520
CENTRE = (WIDTH / 2, HEIGHT / 2 + 6)
RADIUS = 170.0
LABEL_GAP = 20.0
LINE_HEIGHT = 19


class Axis(NamedTuple):
    """One spoke: its label (already in the output language), its score 0–100 and its stars."""

    name: str
    score: float
    stars: float


def _f(value: float) -> str:
    """Fixed one-decimal coordinates: deterministic and free of ``-0.0``."""
    text = f"{value:.1f}"
    return "0.0" if text == "-0.0" else text


def _point(index: int, count: int, value: float) -> tuple[float, float]:
    """Axis ``index`` of ``count``, clockwise from 12 o'clock, at ``value`` on the 0–100 scale."""
    angle = -math.pi / 2 + 2 * math.pi * index / count
    r = RADIUS * max(0.0, min(100.0, value)) / 100
    return CENTRE[0] + r * math.cos(angle), CENTRE[1] + r * math.sin(angle)


def _points(values: Sequence[float]) -> str:
    count = len(values)
    return " ".join(f"{_f(x)},{_f(y)}" for x, y in (_point(i, count, v) for i, v in enumerate(values)))


def _label(index: int, count: int, axis: Axis) -> str:
    """Name over stars and score, placed outside the 100 ring and anchored away from the chart."""
    angle = -math.pi / 2 + 2 * math.pi * index / count
    cos, sin = math.cos(angle), math.sin(angle)
    x = CENTRE[0] + (RADIUS + LABEL_GAP) * cos
    y = CENTRE[1] + (RADIUS + LABEL_GAP) * sin
    anchor = "middle" if abs(cos) < 0.2 else ("start" if cos > 0 else "end")
    # two lines: above the point for upper spokes, below it for lower ones, centred for the sides
    top = y - 2 * LINE_HEIGHT + 4 if sin < -0.5 else (y + 12 if sin > 0.5 else y - LINE_HEIGHT / 2 + 4)
    return (
        f'<text class="axis-label" x="{_f(x)}" y="{_f(top)}" text-anchor="{anchor}">'
        f'<tspan class="axis-name" x="{_f(x)}">{escape(axis.name)}</tspan>'
        f'<tspan class="axis-stars" x="{_f(x)}" dy="{LINE_HEIGHT}">'
        f"{escape(star_label(axis.stars))} · {_f(axis.score)}</tspan></text>"
    )


def radar(axes: Sequence[Axis], *, label: str, element_id: str = "radar") -> str:
    """An ``<svg>`` element: axes 0–100, grid rings at 20/40/60/80/100, the score polygon, labels.

    Meant to be inlined in HTML, where the parser gives ``<svg>`` its namespace: no ``xmlns``
    attribute, so the document holds no network-looking URL at all. ``label`` names the chart
    (``aria-label`` and ``<title>``); every text is escaped here, so callers pass plain strings.
    """
    count = len(axes)
    if count < 3:
        raise ValueError(f"a radar chart needs at least 3 axes, got {count}")
    parts = [
        (f'<svg id="{escape(element_id)}" class="radar" role="img" aria-label="{escape(label)}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}">'),
        f"<title>{escape(label)}</title>",
        '<g class="grid">',
    ]
    for ring in RINGS:
        parts.append(f'<polygon class="ring" points="{_points([ring] * count)}"/>')
    for i in range(count):
        x, y = _point(i, count, 100)
        parts.append(f'<line class="spoke" x1="{_f(CENTRE[0])}" y1="{_f(CENTRE[1])}" x2="{_f(x)}" y2="{_f(y)}"/>')
    for ring in RINGS:
        x, y = _point(0, count, ring)
        parts.append(f'<text class="ring-label" x="{_f(x + 4)}" y="{_f(y + 12)}">{ring}</text>')
    parts.append("</g>")
    scores = [a.score for a in axes]
    parts.append(f'<polygon class="scores" points="{_points(scores)}"/>')
    for i, axis in enumerate(axes):
        x, y = _point(i, count, axis.score)
        parts.append(f'<circle class="vertex" cx="{_f(x)}" cy="{_f(y)}" r="4"/>')
    parts.extend(_label(i, count, axis) for i, axis in enumerate(axes))
    parts.append("</svg>")
    return "\n".join(parts)
