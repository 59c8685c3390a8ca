"""Output formats: each a small function from the one scorecard to text. Score once, render many."""

from __future__ import annotations

from collections.abc import Callable

from csr_rating.i18n import Lang
from csr_rating.render import github, html, json_format, junit, letter, markdown, sarif, table
from csr_rating.scorecard import Scorecard

Renderer = Callable[[Scorecard, Lang, bool, int], str]

FORMATS: dict[str, Renderer] = {
    "table": table.render,
    "json": json_format.render,
    "markdown": markdown.render,
    "html": html.render,
    "sarif": sarif.render,
    "junit": junit.render,
    "github": github.render,
    "letter": letter.render,
    "letter-html": letter.render_html,
}
