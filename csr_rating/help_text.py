"""Help in plain words: no Python type placeholders.

typer 0.29 prints each parameter's Python type in the help table: ``<bool>`` beside every flag and
``<list[Path]>`` beside a list of files. An author reads the flag's name and its help sentence; the
type is noise, and ``list[Path]`` is not English. Flags and arguments show no type here; options
that take a value keep what helps to type it (a metavar such as ``FILE`` or ``N``, the choices
``<en|zh>``). typer offers no setting for this, so the two display methods are wrapped once, when the
CLI is imported; ``tests/test_cli.py`` checks the help still reads as intended after an upgrade.
"""

from __future__ import annotations

from typing import Any

from typer import core


def plain_help_types() -> None:
    """Hide the type placeholder of flags and arguments in every command's help (idempotent)."""
    if getattr(core.TyperOption.display_type_rich, "_plain", False):
        return
    shown = core.TyperOption.display_type_rich

    def option_type(self: core.TyperOption, ctx: Any) -> str | None:
        return None if self.is_flag and self.metavar is None else shown(self, ctx)

    def argument_type(self: core.TyperArgument, ctx: Any) -> str | None:
        return None  # the argument's name (REPORT...) already says what to give

    option_type._plain = True  # type: ignore[attr-defined]
    core.TyperOption.display_type_rich = option_type  # type: ignore[method-assign,assignment]
    core.TyperArgument.display_type_rich = argument_type  # type: ignore[method-assign,assignment]
