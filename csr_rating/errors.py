"""The one error type every bad input becomes: it knows file, line, column and field."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(eq=False)  # not frozen: raising through a context manager sets __traceback__ on it
class InputError(Exception):
    """A problem with something the user gave us; the CLI prints ``str(error)`` and exits 2."""

    path: str
    message: str
    line: int | None = None
    column: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}:{self.column or 1}"
        text = f"{where}: {self.message}"
        if self.field:
            text += f" (field: {self.field})"
        # exactly one line, and no terminal control characters from a hostile key or value
        return " ".join("".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text.replace("\n", " ")).split())
