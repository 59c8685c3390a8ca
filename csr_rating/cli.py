"""The command line: parse arguments, call the library, print. Nothing else lives here."""

# No `from __future__ import annotations` here: typer reads every command's annotations at each
# start-up, and evaluating them from strings took longer than building all the commands.
import json
import os
import shlex
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum, StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from csr_rating import __version__
from csr_rating.errors import InputError
from csr_rating.help_text import Shell, completion_script, plain_help_types
from csr_rating.ingest.suffixes import is_draft
from csr_rating.names import DEFAULT_STANDARD, SCHEMA_NAMES
from csr_rating.output import write_text
from csr_rating.render import FORMATS

# Each command imports what it uses when it runs (a new process pays at start-up for every import):
# `score` never loads the calibration, the interview or the PDF reader.
if TYPE_CHECKING:
    from csr_rating.criteria import CriteriaSet
    from csr_rating.i18n import Lang
    from csr_rating.scorecard import GateVerdict, Question, Range, Scorecard

EXIT_GATE = 1
EXIT_INPUT = 2
EXIT_INTERNAL = 3

plain_help_types()
app = typer.Typer(
    add_completion=True,  # --show-completion SHELL prints the script, --install-completion installs it
    no_args_is_help=False,
    pretty_exceptions_enable=False,
    help="Rate a CSR report against the CASS-CSR 4.0 method (an independent, open encoding).",
)

def _version(value: bool) -> None:
    if value:
        _emit(f"csr-rating {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def _options(
    ctx: typer.Context,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
    config: Annotated[
        Path | None,
        typer.Option("--config", metavar="FILE", help="Settings file (default: .csr-rating.yaml or pyproject.toml, found upward)."),
    ] = None,
    no_config: Annotated[bool, typer.Option("--no-config", help="Ignore any settings file.")] = False,
) -> None:
    """Rate a CSR report against the CASS-CSR 4.0 method (an independent, open encoding)."""
    from csr_rating import config as project_config

    try:
        settings = project_config.load(config, disabled=no_config)
    except InputError as error:
        _fail(str(error))
    ctx.obj = settings
    ctx.default_map = settings.default_map()  # the settings are defaults: the command line overrides them


@app.command("config")
def config_command(ctx: typer.Context) -> None:
    """Show the settings in effect and where each comes from (a settings file or the defaults)."""
    from csr_rating import config as project_config

    settings = ctx.obj if isinstance(ctx.obj, project_config.Settings) else project_config.Settings()
    _emit(project_config.describe(settings))


Format = Enum("Format", {name: name for name in FORMATS}, type=str)  # type: ignore[misc]
DiffFormat = Enum("DiffFormat", {"table": "table", "json": "json"}, type=str)  # type: ignore[misc]
ReviewFormat = Enum("ReviewFormat", {"text": "text", "json": "json"}, type=str)  # type: ignore[misc]
Schema = Enum("Schema", {name: name for name in SCHEMA_NAMES}, type=str)  # type: ignore[misc]


class UnknownEnd(StrEnum):
    low = "low"
    high = "high"


class Language(StrEnum):
    en = "en"
    zh = "zh"


def _fail(message: str, code: int = EXIT_INPUT) -> NoReturn:
    sys.stderr.write(f"csr-rating: {message}\n")
    raise typer.Exit(code)


def _emit(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


ReportArg = Annotated[
    Path,
    typer.Argument(help='The structured report (YAML; "-" reads standard input) or a draft (.txt .md .pdf .docx).'),
]
IndustryOpt = Annotated[
    str | None,
    typer.Option(metavar="INDUSTRY", help="Industry catalog for a draft (e.g. telecom); default: detected from the text."),
]
YearOpt = Annotated[
    int | None,
    typer.Option(min=1950, max=2100, metavar="YEAR", help="Reporting year of a draft; default: read from the text."),
]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
ExplainOpt = Annotated[bool, typer.Option(help="Every criterion with points, evidence and what is missing.")]
LangOpt = Annotated[Language | None, typer.Option(help="Output language (default: the report's).")]
TopOpt = Annotated[
    int | None,
    typer.Option(
        min=0, max=1000, metavar="N", help="How many suggestions to show (default 5; 10 for github, markdown, html)."
    ),
]
CriteriaOpt = Annotated[Path | None, typer.Option(metavar="DIR", help="Criteria folder (default: the bundled one).")]
StandardOpt = Annotated[str, typer.Option(metavar="ID", help="Standard id inside the criteria folder.")]
OutputOpt = Annotated[Path | None, typer.Option("--output", "-o", metavar="FILE", help="Write to FILE instead of stdout.")]
ForceOpt = Annotated[bool, typer.Option(help="Let --output replace an existing file.")]


def _scored(report: Path, criteria: "CriteriaSet", industry: str | None = None, year: int | None = None) -> "Scorecard":
    from csr_rating.api import rate

    card = rate(report, criteria, industry=industry, year=year)
    for note in card.notes:
        sys.stderr.write(f"csr-rating: warning: {_one_line(note)}\n")
    return card


DEFAULT_TOP = {"github": 10, "markdown": 10, "html": 10, "letter": 5}  # annotations and hand-overs show the ten most valuable


def _render(
    card: "Scorecard", format: Format, lang: Language | None, explain: bool, top: int | None, to_stdout: bool = False
) -> str:
    from csr_rating.api import default_lang
    from csr_rating.render import table as table_view

    chosen = lang.value if lang is not None else default_lang(card.report.languages)
    count = top if top is not None else DEFAULT_TOP.get(format.value, 5)
    if format.value == "table" and to_stdout:
        shown = table_view.terminal(sys.stdout, os.environ)
        if shown is not None:  # a terminal: its width and colour (a pipe keeps the fixed, plain text)
            return table_view.render(card, chosen, explain, count, width=shown[0], color=shown[1])  # type: ignore[arg-type]
    return FORMATS[format.value](card, chosen, explain, count)  # type: ignore[arg-type]


def _deliver(text: str, output: Path | None, force: bool, *inputs: Path | None) -> None:
    """Standard output, or ``output`` (``-`` is standard output too), which may not be an input."""
    if output is None:
        _emit(text)
    else:
        write_text(output, text, force, inputs=[source for source in inputs if source is not None])


ScoreFormat = Enum("ScoreFormat", {name: name for name in (*FORMATS, "csv")}, type=str)  # type: ignore[misc]


@app.command()
def score(
    reports: Annotated[
        list[Path],
        typer.Argument(
            help='The structured report (YAML; "-" reads standard input) or a draft (.txt .md .pdf .docx); '
            "several, or a folder, give one row per report.",
            metavar="REPORT",
        ),
    ],
    format: Annotated[ScoreFormat, typer.Option("--format", "-f", help="Output format (csv: several reports).")] = "table",  # type: ignore[assignment]
    explain: ExplainOpt = False,
    lang: LangOpt = None,
    top: TopOpt = None,
    criteria: CriteriaOpt = None,
    standard: StandardOpt = DEFAULT_STANDARD,
    output: OutputOpt = None,
    force: ForceOpt = False,
    industry: IndustryOpt = None,
    year: YearOpt = None,
    rating_team: Annotated[
        str | None, typer.Option(metavar="NAMES", help="The rating team a letter names (--format letter).")
    ] = None,
    rating_date: Annotated[
        str | None, typer.Option(metavar="DATE", help="The date a letter carries (never taken from the clock).")
    ] = None,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=1, max=256, metavar="N", help="Several reports: score N at a time, in N processes.")
    ] = 1,
) -> None:
    """Score REPORT: stars per dimension, the overall grade and ranked suggestions (several: a table)."""
    if len(reports) > 1 or reports[0].is_dir():
        _score_many(reports, format.value, lang, criteria, standard, output, force, jobs)
        return
    report = reports[0]
    if format.value == "csv":
        _fail("--format csv is for several reports (a folder or several files); use json for one")
    from csr_rating.api import default_lang, reviews_left
    from csr_rating.loading import load_criteria

    try:
        card = _scored(report, load_criteria(criteria, standard), industry, year)
        if format.value in ("letter", "letter-html"):
            from csr_rating.render import letter as letter_view

            chosen = lang.value if lang is not None else default_lang(card.report.languages)
            count = top if top is not None else DEFAULT_TOP.get("letter", 5)
            write = letter_view.render if format.value == "letter" else letter_view.render_html
            text = write(card, chosen, explain, count, team=rating_team, date=rating_date)  # type: ignore[arg-type]
        else:
            text = _render(card, Format(format.value), lang, explain, top, output is None)
        _deliver(text, output, force, report)
        left = reviews_left(report)
    except InputError as error:
        _fail(str(error))
    if left:
        items = '1 item marked "# review:" is' if left == 1 else f'{left} items marked "# review:" are'
        sys.stderr.write(
            f"csr-rating: {report}: {items} left; list them with: csr-rating review {shlex.quote(str(report))}\n"
        )


def _score_many(
    paths: list[Path],
    fmt: str,
    lang: Language | None,
    criteria: Path | None,
    standard: str,
    output: Path | None,
    force: bool,
    jobs: int = 1,
) -> None:
    """`score` of several reports or a folder: one row each, scored one at a time."""
    from csr_rating import batch
    from csr_rating.loading import load_criteria

    if fmt not in batch.FORMATS:
        _fail(f"several reports give one row each: --format {', '.join(batch.FORMATS)} (not {fmt})")
    try:
        criteria_set = load_criteria(criteria, standard)
        files = batch.reports_in(paths)
        if not files:
            raise InputError(" ".join(str(p) for p in paths), "no report (YAML) or draft found")
        chosen: Lang = "zh" if lang is not None and lang.value == "zh" else "en"
        dimensions = [(d.spec.id, d.spec.name.get(chosen)) for d in criteria_set.dimensions]
        with _progress(len(files)) as step:
            found = list(batch.rows(files, criteria_set, step, jobs))
        _deliver(batch.render(found, dimensions, fmt, chosen), output, force, *files)  # type: ignore[arg-type]
    except InputError as error:
        _fail(str(error))
    failed = [row for row in found if row.error is not None]
    for row in failed:
        sys.stderr.write(f"csr-rating: {row.error}\n")
    if failed:
        raise typer.Exit(EXIT_INPUT)


@contextmanager
def _progress(total: int) -> Iterator[Callable[[], None]]:
    """A progress bar on stderr when it is a terminal (never in a pipe or a CI log)."""
    if not sys.stderr.isatty():
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("scoring", total=total)
        yield lambda: bar.advance(task)


def _format_target(text: str) -> tuple[str, Path]:
    """``json=card.json`` -> ("json", Path("card.json")); an unknown format is a usage error."""
    name, sep, file = text.partition("=")
    if not sep or not file.strip():
        raise InputError("--output-format", f"{text!r} is not FORMAT=FILE (e.g. sarif=results.sarif)")
    if name not in FORMATS:
        raise InputError("--output-format", f"unknown format {name!r} (known: {', '.join(FORMATS)})")
    return name, Path(file)


@app.command()
def check(
    reports: Annotated[list[Path], typer.Argument(help="One or more structured reports (YAML).")],
    min_stars: Annotated[float | None, typer.Option(metavar="STARS", help="Fail below these overall stars.")] = None,
    minimum: Annotated[
        list[str] | None, typer.Option("--min", metavar="DIMENSION=STARS", help="A dimension's minimum; repeatable.")
    ] = None,
    baseline: Annotated[
        Path | None, typer.Option(metavar="FILE", help="Earlier JSON scorecard: fail if any stars fell.")
    ] = None,
    on_unknown: Annotated[
        UnknownEnd,
        typer.Option(help="While facts are unknown, gate on the low end (proven facts only) or the high end."),
    ] = "low",  # type: ignore[assignment]
    format: FormatOpt = "table",  # type: ignore[assignment]
    explain: ExplainOpt = False,
    lang: LangOpt = None,
    top: TopOpt = None,
    criteria: CriteriaOpt = None,
    standard: StandardOpt = DEFAULT_STANDARD,
    output: OutputOpt = None,
    output_format: Annotated[
        list[str] | None,
        typer.Option(
            "--output-format",
            metavar="FORMAT=FILE",
            help="Also write FORMAT to FILE (repeatable): score once, write every format.",
        ),
    ] = None,
    force: ForceOpt = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print only the verdicts and failures (the pre-commit hook's way).")
    ] = False,
    skip_other_yaml: Annotated[
        bool,
        typer.Option("--skip-other-yaml", help="Pass over YAML files that are not reports (no meta section), with a note."),
    ] = False,
) -> None:
    """Gate a release: score each REPORT, then exit 1 if any is below a threshold or regressed."""
    from csr_rating import gate
    from csr_rating.api import default_lang
    from csr_rating.loading import load_criteria, looks_like_report
    from csr_rating.render.many import Many
    from csr_rating.render.paths import report_path

    failed = False
    try:
        if skip_other_yaml:
            kept = [r for r in reports if str(r) == "-" or is_draft(r) or looks_like_report(r)]
            for other in (r for r in reports if r not in kept):
                sys.stderr.write(f"csr-rating: {other}: not a csr-rating report (no meta section); skipped\n")
            if not kept:
                return
            reports = kept
        extra = [_format_target(item) for item in (output_format or [])]
        criteria_set = load_criteria(criteria, standard)
        ids = [d.spec.id for d in criteria_set.dimensions]
        minima = dict(gate.parse_minimum(item, ids) for item in (minimum or []))
        needed = None if min_stars is None else gate.stars_value(min_stars, "--min-stars")
        old = gate.load_baselines(baseline) if baseline is not None else None
        if needed is None and not minima and old is None:
            raise InputError("check", "give a threshold: --min-stars, --min DIMENSION=STARS or --baseline")
        outputs: list[tuple[Many, Path | None]] = []  # each format's output, fed one scorecard at a time
        verdicts: list[tuple[str, GateVerdict, Range | None]] = []  # what the summary needs of each card
        for report in reports:
            card = _scored(report, criteria_set)
            before = None if old is None else old.get(report_path(str(report)), old.get(None))
            if old is not None and before is None:
                raise InputError(str(baseline), f"the baseline has no scorecard for {report_path(str(report))}")
            found = gate.verdict(card, criteria_set.standard, needed, minima, before, end=on_unknown.value)
            card = card.model_copy(update={"gate": found})  # every format shows the verdict
            if not verdicts:  # the first card decides the language
                chosen = lang.value if lang is not None else default_lang(card.report.languages)
                wanted = [(format.value, output)] if not quiet or output is not None else []
                for fmt, target in [*wanted, *extra]:
                    count = top if top is not None else DEFAULT_TOP.get(fmt, 5)
                    outputs.append((Many(fmt, chosen, explain, count), target))  # type: ignore[arg-type]
            for many, _ in outputs:
                many.add(card)
            verdicts.append((card.report.file, found, card.overall.range))
        sources = [*reports, *([baseline] if baseline else [])]
        for index, (many, target) in enumerate(outputs):
            if index == 0 and (not quiet or output is not None):
                _deliver(many.text(), output, force, *reports, baseline)
            else:
                write_text(target, many.text(), force, inputs=sources)  # type: ignore[arg-type]
    except InputError as error:
        _fail(str(error))
    for file, verdict, found_range in verdicts:
        for failure in verdict.failures:
            sys.stderr.write(f"csr-rating: {file}: gate failed: {failure.message}\n")
        if verdict.passed:
            unsure = found_range is not None and found_range.low != found_range.high
            end = f", the {on_unknown.value} end of its range" if unsure else ""
            sys.stderr.write(f"csr-rating: {file}: gate passed ({verdict.stars:g}★, {verdict.score:.1f}{end})\n")
        failed = failed or not verdict.passed
    if failed:
        raise typer.Exit(EXIT_GATE)


@app.command()
def diff(
    old: Annotated[Path, typer.Argument(help="The earlier report (YAML).")],
    new: Annotated[Path, typer.Argument(help="The later report (YAML).")],
    format: Annotated[DiffFormat, typer.Option("--format", "-f", help="Output format.")] = "table",  # type: ignore[assignment]
    lang: LangOpt = None,
    criteria: CriteriaOpt = None,
    standard: StandardOpt = DEFAULT_STANDARD,
    output: OutputOpt = None,
    force: ForceOpt = False,
) -> None:
    """Show how each dimension and criterion changed from OLD to NEW."""
    from csr_rating.api import default_lang, rate
    from csr_rating.diff import compare, render_json, render_text
    from csr_rating.loading import load_criteria

    try:
        criteria_set = load_criteria(criteria, standard)
        before, after = rate(old, criteria_set), rate(new, criteria_set)
        chosen = lang.value if lang is not None else default_lang(after.report.languages)
        change = compare(before, after)
        text = render_json(change, chosen) if format.value == "json" else render_text(change, chosen)  # type: ignore[arg-type]
        _deliver(text, output, force, old, new)
    except InputError as error:
        _fail(str(error))


@app.command()
def ingest(
    draft: Annotated[Path, typer.Argument(help='The draft: .txt, .md, .pdf or .docx ("-" reads standard input).')],
    output: OutputOpt = None,
    force: ForceOpt = False,
    industry: IndustryOpt = None,
    year: YearOpt = None,
    criteria: CriteriaOpt = None,
    standard: StandardOpt = DEFAULT_STANDARD,
) -> None:
    """Turn a draft report into the structured YAML that `score` reads; check its `# review:` lines."""
    from csr_rating.api import ingest_draft
    from csr_rating.loading import load_criteria

    try:
        result = ingest_draft(draft, industry=industry, year=year, criteria=load_criteria(criteria, standard))
        _deliver(result.yaml, output, force, draft)
    except InputError as error:
        _fail(str(error))
    stats = result.stats
    sys.stderr.write(
        f"csr-rating: {result.document.path}: {stats.table_rows} table rows ({stats.linked_rows} linked), "
        f"{stats.prose_figures} prose figures, {stats.chart_series} chart series, {stats.qualitative} practices, {stats.topics} topics; "
        f"{stats.reviews} items to review\n"
    )


@app.command()
def review(
    report: Annotated[Path, typer.Argument(help='The YAML `csr-rating ingest` wrote ("-" reads standard input).')],
    draft: Annotated[
        Path | None,
        typer.Option(metavar="FILE", help="The draft it was ingested from; default: the file its header names, next to it."),
    ] = None,
    format: Annotated[ReviewFormat, typer.Option("--format", "-f", help="text or json.")] = "text",  # type: ignore[assignment]
    output: OutputOpt = None,
    force: ForceOpt = False,
) -> None:
    """List the `# review:` notes of an ingested draft, each with the draft line it came from."""
    from csr_rating.review import render_json as review_json
    from csr_rating.review import render_text as review_text
    from csr_rating.review import review as review_notes

    try:
        result = review_notes(report, draft)
        shown = "<stdin>" if str(report) == "-" else str(report)
        text = review_json(result) if format.value == "json" else review_text(result, shown)
        _deliver(text, output, force, report, draft)
    except InputError as error:
        _fail(str(error))
    if not result.items:
        sys.stderr.write(f'csr-rating: {shown}: no items marked "# review:" are left\n')
    elif not result.draft_found and any(item.where for item in result.items):
        named = (
            f"the draft {result.draft_name!r} is not next to it" if result.draft_name else "its header names no draft"
        )
        sys.stderr.write(f"csr-rating: {shown}: {named}; pass --draft PATH to show the source lines\n")


@app.command()
def ask(
    report: Annotated[Path, typer.Argument(help="The report YAML an ingest wrote (or any report with `unknown:`).")],
    answers: Annotated[
        Path | None, typer.Option(metavar="FILE", help="Take the answers from FILE (answers: {field: value}) instead of asking.")
    ] = None,
    in_place: Annotated[bool, typer.Option(help="Write the answers into REPORT itself (atomically).")] = False,
    lang: LangOpt = None,
    criteria: CriteriaOpt = None,
    standard: StandardOpt = DEFAULT_STANDARD,
    output: Annotated[Path | None, typer.Option("--output", "-o", metavar="FILE", help="Write the answered report to FILE.")] = None,
    force: ForceOpt = False,
) -> None:
    """Ask the questions REPORT leaves open, largest gain first, and write the answers into its YAML
    (comments and review notes kept). Enter skips a question; '-' says the report does not have it."""
    from csr_rating.answers import load_answers, write_answers
    from csr_rating.api import answer
    from csr_rating.asking import interview
    from csr_rating.loading import load_criteria

    try:
        if in_place == (output is not None):
            raise InputError(str(report), "pass -o FILE for the answered report, or --in-place to update this file")
        criteria_set = load_criteria(criteria, standard)
        chosen: dict[str, Any] = load_answers(answers) if answers is not None else {}

        def ask_them(questions: "list[Question]") -> dict[str, Any]:
            if answers is not None:
                return chosen
            if not questions:
                return {}
            language = lang.value if lang is not None else "en"
            return interview(questions, _read_answer, language, _say)  # type: ignore[arg-type]

        text, given, card = answer(report, criteria_set, ask_them)
        if card is None:
            sys.stderr.write(f"csr-rating: {report}: no answers; nothing written\n")
            return
        where = write_answers(report, text, in_place=in_place, output=output, force=force)
    except InputError as error:
        _fail(str(error))
    rng = card.overall.range
    now = f"{card.overall.stars:g}★" + (
        f" (up to {rng.high_stars:g}★)" if rng and rng.high_stars > rng.low_stars else ""
    )
    sys.stderr.write(
        f"csr-rating: {where}: {len(given)} answer{'' if len(given) == 1 else 's'} written; now {now}, "
        f"{len(card.questions)} questions left\n"
    )


def _read_answer(prompt: str) -> str:
    """One typed line, the prompt on stderr (stdout stays clean); EOF ends the interview."""
    sys.stderr.write(prompt)
    sys.stderr.flush()
    line = sys.stdin.readline()
    if not line:
        raise EOFError
    return line


def _say(text: str) -> None:
    sys.stderr.write(text + "\n")


CalibrateFormat = Enum("CalibrateFormat", {"table": "table", "markdown": "markdown", "json": "json"}, type=str)  # type: ignore[misc]


@app.command()
def calibrate(
    rated: Annotated[Path, typer.Argument(help="A rated set (YAML): reports with their published stars.")],
    fit: Annotated[
        bool, typer.Option(help="Fit the criteria's free parameters; show leave-one-out agreement.")
    ] = False,
    format: Annotated[CalibrateFormat, typer.Option("--format", "-f", help="Output format.")] = "table",  # type: ignore[assignment]
    criteria: CriteriaOpt = None,
    standard: StandardOpt = DEFAULT_STANDARD,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", metavar="DIR", help="With --fit: a new folder for the fitted criteria pack.")
    ] = None,
) -> None:
    """Agreement with published ratings, per dimension and overall; with --fit, fit the pack's free
    parameters and write an overlay pack that extends it to -o (never over an existing folder)."""
    from csr_rating.api import calibrate as calibrate_set
    from csr_rating.calibration import render_json as render_calibration_json
    from csr_rating.calibration import render_text as render_calibration_text
    from csr_rating.fitting import write_fitted
    from csr_rating.loading import default_criteria_root, load_criteria

    try:
        if output is not None and not fit:
            raise InputError("calibrate", "-o writes a fitted pack: add --fit")
        if output is not None and output.exists():
            raise InputError(str(output), "already exists; the fitted pack goes to a new folder")
        criteria_set = load_criteria(criteria, standard)
        run, values = calibrate_set(rated, criteria_set, fit=fit)
        if output is not None and values is not None:
            write_fitted(criteria or default_criteria_root(), criteria_set, values, output, rated)
    except InputError as error:
        _fail(str(error))
    if format.value == "json":
        _emit(render_calibration_json(run))
    else:
        _emit(render_calibration_text(run, markdown=format.value == "markdown"))
    if output is not None:
        sys.stderr.write(
            f"csr-rating: fitted pack written to {output}; score with --criteria {output} --standard {criteria_set.standard.id}-fitted\n"
        )


@app.command()
def schema(
    name: Annotated[Schema, typer.Argument(help="Which input format.")] = "report",  # type: ignore[assignment]
) -> None:
    """Print the JSON Schema of an input format (report, standard, criteria, catalog)."""
    from csr_rating.api import json_schema

    _emit(json_schema(name.value))


criteria_app = typer.Typer(help="Work with criteria sets.", add_completion=False)
app.add_typer(criteria_app, name="criteria")


@criteria_app.command("lint")
def criteria_lint(
    path: Annotated[Path | None, typer.Argument(help="Criteria folder (default: the bundled one).")] = None,
) -> None:
    """Validate every standard in a criteria folder, with the checks `score` applies; exit 2 on the first error."""
    from csr_rating.loading import load_criteria, standards_in

    try:
        for standard in standards_in(path):
            loaded = load_criteria(path, standard)
            count = sum(len(d.criteria) for d in loaded.dimensions)
            catalogs = ", ".join(
                f"{c.id} ({len(c.core())} core, {len(c.topics)} topics)" for c in loaded.catalogs.values()
            )
            _emit(
                f"ok: {standard} v{loaded.standard.version}: {len(loaded.dimensions)} dimensions, "
                f"{count} criteria, weights 100; catalogs: {catalogs}\n"
            )
    except InputError as error:
        _fail(str(error))


@app.command("industries")
def industries_command(
    criteria: CriteriaOpt = None,
    standard: StandardOpt = DEFAULT_STANDARD,
    format: Annotated[DiffFormat, typer.Option("--format", "-f", help="table or json.")] = "table",  # type: ignore[assignment]
) -> None:
    """List the industry catalogs: id, names, core indicators and topics (own and inherited), what each extends."""
    from csr_rating.api import industries
    from csr_rating.loading import load_criteria

    try:
        rows = industries(load_criteria(criteria, standard))
    except InputError as error:
        _fail(str(error))
    if format.value == "json":
        _emit(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    _emit(f"{'id':<14}{'extends':<10}{'core':>5}{'own':>5}{'quant':>6}{'topics':>7}{'scale':>7}  name\n")
    for row in rows:
        _emit(
            f"{row['id']:<14}{row['extends'] or '-':<10}{row['core']:>5}{row['own_core']:>5}{row['quantitative']:>6}"
            f"{row['topics']:>7}{row['share_scale']:>7.3f}  {row['name']['en']} / {row['name']['zh']}\n"
        )


@app.command()
def explain(
    criterion: Annotated[str, typer.Argument(help="A criterion id, e.g. substance.topic-cases.")],
    lang: LangOpt = None,
    criteria: CriteriaOpt = None,
    standard: StandardOpt = DEFAULT_STANDARD,
) -> None:
    """Explain one criterion: its dimension, points, check and definition with the reasons for its bands."""
    from csr_rating.explaining import explain as explain_criterion
    from csr_rating.loading import default_criteria_root, load_criteria

    try:
        loaded = load_criteria(criteria, standard)
        root = Path(criteria) if criteria is not None else default_criteria_root()
        _emit(explain_criterion(loaded, root, criterion, lang.value if lang is not None else "en"))
    except InputError as error:
        _fail(str(error))


@app.command()
def init(
    output: Annotated[Path, typer.Argument(metavar="FILE", help="Where to write the template (never over a file without --force).")],
    industry: Annotated[str, typer.Option(metavar="INDUSTRY", help="The industry catalog (csr-rating industries lists them).")] = "general",
    year: Annotated[int, typer.Option(min=1950, max=2100, metavar="YEAR", help="The reporting year.")] = 2025,
    lang: LangOpt = None,
    criteria: CriteriaOpt = None,
    standard: StandardOpt = DEFAULT_STANDARD,
    force: ForceOpt = False,
) -> None:
    """Start a report: a commented template for an industry, every section present, the catalog's topics and core indicators ready to uncomment."""
    from csr_rating.loading import load_criteria
    from csr_rating.template import template as report_template

    try:
        loaded = load_criteria(criteria, standard)
        if industry not in loaded.catalogs:
            known = ", ".join(sorted(loaded.catalogs))
            raise InputError("--industry", f"unknown industry {industry!r} (known: {known})")
        chosen: Lang = "zh" if lang is not None and lang.value == "zh" else "en"
        write_text(output, report_template(loaded, industry, year, chosen), force)
    except InputError as error:
        _fail(str(error))
    sys.stderr.write(f"csr-rating: wrote {output}; fill it in, then: csr-rating score {shlex.quote(str(output))}\n")


@app.command()
def completion(
    shell: Annotated[Shell, typer.Argument(help="The shell: bash, zsh, fish or powershell.")],
) -> None:
    """Print the tab-completion script for SHELL: eval "$(csr-rating completion bash)" in ~/.bashrc."""
    _emit(completion_script(shell))


@app.command()
def serve(
    host: Annotated[str, typer.Option(metavar="ADDRESS", help="Address to listen on (127.0.0.1: this machine only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(metavar="PORT", min=0, max=65535, help="Port to listen on (0: a free one).")] = 0,
) -> None:
    """A local page for authors: drop a draft, answer the questions, correct the review items, download
    the report, its scorecard and a rating letter. Nothing leaves this machine; Ctrl-C stops it."""
    from csr_rating.serve.run import serve as serve_page  # the web stack loads only for this command

    try:
        serve_page(host, port, _emit, lambda text: sys.stderr.write(f"csr-rating: {text}\n"))
    except InputError as error:
        _fail(str(error))


@app.command()
def kinds() -> None:
    """List the check kinds criteria can use, with their documentation."""
    from csr_rating import checks

    for name in checks.KINDS:
        _emit(f"## {name}\n\n{checks.documentation(name)}\n\n")


def _one_line(text: str) -> str:
    return " ".join(str(text).replace("Value error, ", "").split())


class Terminated(BaseException):
    """SIGTERM, raised where the process is so that open temporary files are removed on the way out."""


def _terminate(signum: int, frame: object) -> NoReturn:
    raise Terminated


def main() -> None:
    """Run the app; every way it can end is one line on stderr and a documented exit code."""
    # the command line uses no pydantic plugins; looking for them scans every installed package's metadata
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    signal.signal(signal.SIGTERM, _terminate)
    if len(sys.argv) == 1:
        sys.argv.append("--help")  # bare `csr-rating` shows what it can do
    try:
        code = app(standalone_mode=False)
    except KeyboardInterrupt:
        sys.stderr.write("csr-rating: interrupted\n")
        sys.exit(130)
    except Terminated:
        sys.stderr.write("csr-rating: terminated\n")
        sys.exit(143)
    except OSError as error:  # permissions, a full disk, a loop of links: the user's to fix
        where = f"{error.filename}: " if error.filename else ""
        sys.stderr.write(f"csr-rating: {where}{_one_line(error.strerror or str(error))}\n")
        sys.exit(EXIT_INPUT)
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
