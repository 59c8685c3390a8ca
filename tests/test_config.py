"""Project settings: found upward from the working directory, overridden by the command line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.conftest import REFERENCE, ROOT


def _project(tmp_path: Path, settings: str, name: str = ".csr-rating.yaml") -> Path:
    """A repository with settings at its top and the reference report in reports/."""
    (tmp_path / name).write_text(settings, encoding="utf-8")
    reports = tmp_path / "reports"
    reports.mkdir()
    shutil.copy(REFERENCE, reports / "report.yaml")
    return reports


def test_settings_found_upward_are_the_defaults_and_the_command_line_wins(cli_in_process, tmp_path):
    reports = _project(tmp_path, "lang: zh\nformat: json\nmin_stars: 4.5\nmin: {balance: 5}\n")
    run = cli_in_process("check", "report.yaml", cwd=reports)
    doc = json.loads(run.stdout)
    assert run.code == 1 and doc["lang"] == "zh" and doc["gate"]["failures"][0]["subject"] == "balance"
    run = cli_in_process("check", "report.yaml", "--min", "balance=4", "-f", "markdown", "--lang", "en", cwd=reports)
    assert run.code == 0 and run.stdout.startswith("> ✅ **Gate passed")
    assert cli_in_process("--no-config", "check", "report.yaml", cwd=reports).code == 2  # no threshold without the file


def test_pyproject_table_and_a_criteria_folder_relative_to_it(cli_in_process, tmp_path):
    shutil.copytree(ROOT / "criteria", tmp_path / "my-criteria")
    reports = _project(tmp_path, '[tool.csr-rating]\ncriteria = "my-criteria"\nmin-stars = 4\n', "pyproject.toml")
    shown = cli_in_process("config", cwd=reports).stdout
    assert f"config file: {tmp_path / 'pyproject.toml'}" in shown
    assert f"criteria: {(tmp_path / 'my-criteria').resolve()}" in shown and "min_stars: 4.0" in shown
    assert cli_in_process("check", "report.yaml", cwd=reports).code == 0


def test_a_bad_setting_is_one_line_with_file_line_and_field(cli_in_process, tmp_path):
    reports = _project(tmp_path, "lang: zh\nmin_stars: 7\n")
    run = cli_in_process("score", "report.yaml", cwd=reports)
    assert run.code == 2 and run.stderr.count("\n") == 1
    assert ".csr-rating.yaml:2:" in run.stderr and "(field: min_stars)" in run.stderr
    assert cli_in_process("--config", str(tmp_path / "missing.yaml"), "score", "report.yaml", cwd=reports).code == 2
    assert "lang: (not set)  [default]" in cli_in_process("--no-config", "config", cwd=reports).stdout
