"""Help in plain words: no Python type placeholders.

typer 0.29 prints each parameter's Python type in the help table: ``<bool>`` beside every flag and
``<list[Path]>`` beside a list of files. An author reads the flag's name and its help sentence; the
type is noise, and ``list[Path]`` is not English. Flags and arguments show no type here; options
that take a value keep what helps to type it (a metavar such as ``FILE`` or ``N``, the choices
``<en|zh>``). typer offers no setting for this, so the two display methods are wrapped once, when the
CLI is imported; ``tests/test_cli.py`` checks the help still reads as intended after an upgrade.
"""

from __future__ import annotations

from typing import Any, Literal

from typer import core

Shell = Literal["bash", "zsh", "fish", "powershell", "pwsh"]


def completion_script(shell: Shell, prog_name: str = "csr-rating") -> str:
    """The tab-completion script for ``shell``, named rather than detected: typer's own
    ``--show-completion`` guesses the shell from the parent process, which fails under CI and
    ``env -i`` and prints nothing useful."""
    from typer._completion_shared import get_completion_script

    complete_var = "_{}_COMPLETE".format(prog_name.replace("-", "_").upper())
    return get_completion_script(prog_name=prog_name, complete_var=complete_var, shell=shell)


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
