"""The command line: parse arguments, call the library, print. Nothing else lives here."""

from __future__ import annotations

import sys
from enum import Enum, StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from csr_rating import checks
from csr_rating.api import SCHEMAS, default_lang, json_schema, rate
from csr_rating.errors import InputError
from csr_rating.loading import DEFAULT_STANDARD, load_criteria
from csr_rating.render import FORMATS

EXIT_INPUT = 2
EXIT_INTERNAL = 3

app = typer.Typer(
    add_completion=False,
    no_args_is_help=False,
    pretty_exceptions_enable=False,
    help="Rate a CSR report against the CASS-CSR 4.0 method (an independent, open encoding).",
)

Format = Enum("Format", {name: name for name in FORMATS}, type=str)  # type: ignore[misc]
Schema = Enum("Schema", {name: name for name in SCHEMAS}, type=str)  # type: ignore[misc]


class Language(StrEnum):
    en = "en"
    zh = "zh"


def _fail(message: str, code: int = EXIT_INPUT) -> NoReturn:
    sys.stderr.write(f"csr-rating: {message}\n")
    raise typer.Exit(code)


def _emit(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


@app.command()
def score(
    report: Annotated[Path, typer.Argument(help="The structured report (YAML).")],
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = "table",  # type: ignore[assignment]
    explain: Annotated[bool, typer.Option(help="Every criterion with points, evidence and what is missing.")] = False,
    lang: Annotated[Language | None, typer.Option(help="Output language (default: the report's).")] = None,
    top: Annotated[int, typer.Option(min=0, max=1000, help="How many suggestions the table shows.")] = 5,
    criteria: Annotated[Path | None, typer.Option(help="Criteria folder (default: the bundled one).")] = None,
    standard: Annotated[str, typer.Option(help="Standard id inside the criteria folder.")] = DEFAULT_STANDARD,
) -> None:
    """Score REPORT: stars per dimension, the overall grade and ranked suggestions."""
    try:
        criteria_set = load_criteria(criteria, standard)
        card = rate(report, criteria_set)
    except InputError as error:
        _fail(str(error))
    for note in card.notes:
        sys.stderr.write(f"csr-rating: warning: {note}\n")
    chosen = lang.value if lang is not None else default_lang(card.report.languages)
    _emit(FORMATS[format.value](card, chosen, explain, top))  # type: ignore[arg-type]


@app.command()
def schema(
    name: Annotated[Schema, typer.Argument(help="Which input format.")] = "report",  # type: ignore[assignment]
) -> None:
    """Print the JSON Schema of an input format (report, standard, criteria, catalog)."""
    _emit(json_schema(name.value))


@app.command()
def kinds() -> None:
    """List the check kinds criteria can use, with their documentation."""
    for name in checks.KINDS:
        _emit(f"## {name}\n\n{checks.documentation(name)}\n\n")


def _one_line(text: str) -> str:
    return " ".join(str(text).replace("Value error, ", "").split())


def main() -> None:
    """Run the app; every way it can end is one line on stderr and a documented exit code."""
    try:
        code = app(standalone_mode=False)
    except KeyboardInterrupt:
        sys.stderr.write("csr-rating: interrupted\n")
        sys.exit(130)
    except Exception as error:  # noqa: BLE001 - the one place a bug becomes a line, not a traceback
        if hasattr(error, "format_message") and hasattr(error, "exit_code"):  # a usage error (click's API)
            sys.stderr.write(f"csr-rating: {_one_line(error.format_message())} (see: csr-rating --help)\n")
            sys.exit(EXIT_INPUT)
        if type(error).__name__ == "Abort":
            sys.stderr.write("csr-rating: aborted\n")
            sys.exit(130)
        sys.stderr.write(f"csr-rating: internal error: {type(error).__name__}: {_one_line(str(error))}\n")
        sys.exit(EXIT_INTERNAL)
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()
