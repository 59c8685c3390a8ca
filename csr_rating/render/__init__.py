"""Output formats: each a small function from the one scorecard to text. Score once, render many.

A format's module is imported when it is first used: `score` prints one format, and the table's
terminal library or the HTML page's template need not load for the others."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from csr_rating.i18n import Lang
    from csr_rating.scorecard import Scorecard

    Renderer = Callable[[Scorecard, Lang, bool, int], str]
else:  # the command line lists the names without loading the models
    Renderer = Callable[..., str]

# format name -> (module in csr_rating.render, function)
_WHERE: dict[str, tuple[str, str]] = {
    "table": ("table", "render"),
    "json": ("json_format", "render"),
    "markdown": ("markdown", "render"),
    "html": ("html", "render"),
    "sarif": ("sarif", "render"),
    "junit": ("junit", "render"),
    "github": ("github", "render"),
    "letter": ("letter", "render"),
    "letter-html": ("letter", "render_html"),
}


class _Formats(Mapping[str, Renderer]):
    """Format name -> renderer, each module imported on first use."""

    def __getitem__(self, name: str) -> Renderer:
        module, function = _WHERE[name]
        renderer: Renderer = getattr(importlib.import_module(f"csr_rating.render.{module}"), function)
        return renderer

    def __iter__(self) -> Iterator[str]:
        return iter(_WHERE)

    def __len__(self) -> int:
        return len(_WHERE)


FORMATS: Mapping[str, Renderer] = _Formats()
