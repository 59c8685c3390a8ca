"""Project settings: `.csr-rating.yaml`, or `[tool.csr-rating]` in `pyproject.toml`, found from the working
directory upward, so a repository of reports says once which criteria, standard, industry, language,
thresholds and format it uses. The command line always wins over the file; `--config FILE` names a
file, `--no-config` ignores any. The pydantic model below is the format (`csr-rating schema config`).
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from csr_rating.errors import InputError
from csr_rating.yamlio import load_yaml, read_text

FILE_NAME = ".csr-rating.yaml"
PYPROJECT = "pyproject.toml"
Stars = Annotated[float, Field(ge=0, le=5)]


class Config(BaseModel):
    """csr-rating's settings for a project; every field optional, the command line overrides each."""

    # built when a settings file is first validated: most runs have none
    model_config = ConfigDict(extra="forbid", frozen=True, title="csr-rating project settings", defer_build=True)

    criteria: str | None = Field(default=None, description="Criteria folder, relative to this file.")
    standard: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_.-]+$")] | None = Field(
        default=None, description="Standard id inside the criteria folder."
    )
    industry: Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+$")] | None = Field(
        default=None, description="Industry catalog for drafts (ingest, score of a draft)."
    )
    lang: Literal["en", "zh"] | None = Field(default=None, description="Output language.")
    format: Literal["table", "json", "markdown", "html", "sarif", "junit", "github", "letter", "letter-html"] | None = Field(
        default=None, description="Output format of score and check."
    )
    top: Annotated[int, Field(ge=0, le=1000)] | None = Field(default=None, description="How many suggestions to show.")
    min_stars: Stars | None = Field(default=None, description="check: fail below these overall stars.")
    min: dict[Annotated[str, StringConstraints(pattern=r"^[a-z_]+$")], Stars] | None = Field(
        default=None, description="check: minimum stars per dimension, e.g. {balance: 4}."
    )
    rating_team: str | None = Field(default=None, description="The rating team a letter names (--format letter).")
    rating_date: str | None = Field(default=None, description="The date a letter carries (never the clock).")
    on_unknown: Literal["low", "high"] | None = Field(
        default=None, description="check: which end of a range to gate on."
    )


# which settings each command takes (its option names as the command line spells them, minus dashes)
COMMANDS: dict[str, tuple[str, ...]] = {
    "score": ("criteria", "standard", "industry", "lang", "format", "top", "rating_team", "rating_date"),
    "check": ("criteria", "standard", "lang", "format", "top", "min_stars", "min", "on_unknown"),
    "ingest": ("criteria", "standard", "industry"),
    "explain": ("criteria", "standard", "lang"),
    "ask": ("criteria", "standard", "lang"),
    "calibrate": ("criteria", "standard"),
}


@dataclass(frozen=True)
class Settings:
    """The settings in effect and the file they came from (None: defaults only)."""

    config: Config | None = None  # None: the defaults (every field unset), without building the model
    source: Path | None = None

    def default_map(self) -> dict[str, dict[str, Any]]:
        """Click's per-command defaults: the command line still overrides every one."""
        values = self.values()
        out: dict[str, dict[str, Any]] = {}
        for command, names in COMMANDS.items():
            chosen = {name: values[name] for name in names if values.get(name) is not None}
            if "min" in chosen:
                chosen["minimum"] = [f"{dim}={stars:g}" for dim, stars in chosen.pop("min").items()]
            if chosen:
                out[command] = chosen
        return out

    def values(self) -> dict[str, Any]:
        data = self.config.model_dump() if self.config is not None else dict.fromkeys(Config.model_fields)
        if data["criteria"] is not None and self.source is not None:
            data["criteria"] = str((self.source.parent / data["criteria"]).resolve())
        return data


def find(start: Path) -> Path | None:
    """The nearest `.csr-rating.yaml`, or `pyproject.toml` with a `[tool.csr-rating]` table, upward."""
    for folder in (start, *start.parents):
        candidate = folder / FILE_NAME
        if candidate.is_file():
            return candidate
        project = folder / PYPROJECT
        if project.is_file() and _has_table(project):
            return project
    return None


def _has_table(path: Path) -> bool:
    try:
        text = read_text(path)
        if "csr-rating" not in text and "\\u" not in text and "\\U" not in text:
            return False  # the table's name, spelt out or escaped, must be in the text: no TOML to parse
        return "csr-rating" in tomllib.loads(text).get("tool", {})
    except (tomllib.TOMLDecodeError, InputError):
        return False


def load(path: Path | None = None, *, disabled: bool = False, start: Path | None = None) -> Settings:
    """The settings: from ``path``, else the nearest file upward from ``start`` (the working
    directory), else none. Raises InputError naming the file, line and field of a bad setting."""
    if disabled:
        return Settings()
    chosen = path if path is not None else find(start or Path.cwd())
    if chosen is None:
        return Settings()
    shown = str(chosen)
    if not chosen.is_file():
        raise InputError(shown, "config file not found")
    if chosen.name == PYPROJECT or chosen.suffix == ".toml":
        try:
            data: Any = tomllib.loads(read_text(chosen)).get("tool", {}).get("csr-rating", {})
        except tomllib.TOMLDecodeError as exc:
            raise InputError(shown, f"invalid TOML: {exc}") from None
        source = None
    else:
        data, source = load_yaml(read_text(chosen), shown)
        if data is None:
            data = {}
    if not isinstance(data, Mapping):
        raise InputError(shown, "expected a mapping of settings")
    data = {str(key).replace("-", "_"): value for key, value in data.items()}
    try:
        return Settings(Config.model_validate(data), chosen)
    except ValidationError as exc:
        error = exc.errors()[0]
        loc = tuple(error["loc"])
        line = source.line(loc) if source is not None else None
        where = ".".join(str(part) for part in loc)
        raise InputError(shown, error["msg"], line, None, where or None) from None


def describe(settings: Settings) -> str:
    """Each setting, its value and where it came from (`csr-rating config`)."""
    values = settings.values()
    origin = str(settings.source) if settings.source is not None else "default"
    lines = [f"config file: {settings.source if settings.source is not None else '(none)'}"]
    for name in Config.model_fields:
        value = values[name]
        lines.append(
            f"{name}: {'(not set)' if value is None else value}  [{origin if value is not None else 'default'}]"
        )
    return "\n".join(lines) + "\n"
