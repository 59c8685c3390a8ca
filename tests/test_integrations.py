"""The pre-commit hook and the GitHub Action call the CLI the way their hosts do."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPORTS, ROOT


def test_pre_commit_hook_runs_check_on_several_files(cli):
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "csr-rating-check")
    assert hook["entry"].startswith("csr-rating check") and hook["language"] == "python"
    entry = hook["entry"].split()[1:]
    files = sorted(str(p.relative_to(ROOT)) for p in REPORTS.glob("*.yaml"))
    assert all(re.search(hook["files"], f) for f in files)
    # pre-commit appends the file names after the hook's args
    run = cli(*entry, *hook["args"], *files)
    assert run.code == 1  # the fictitious first draft is below three stars
    assert "fictitious-first-draft.yaml: gate failed" in run.stderr
    assert run.stdout == "" and len(run.stderr.splitlines()) == len(files)  # a verdict per report, nothing else
    assert cli(*entry, "--min-stars", "1", *files).code == 0


def test_the_hook_passes_over_yaml_that_is_not_a_report(cli, tmp_path):
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    entry = next(h for h in hooks if h["id"] == "csr-rating-check")["entry"].split()[1:]
    other = tmp_path / "workflow.yaml"
    other.write_text("on: push\njobs: {}\n", encoding="utf-8")
    run = cli(*entry, "--min-stars", "1", str(other), str(REPORTS / "china-telecom-2020.yaml"))
    assert run.code == 0 and "workflow.yaml: not a csr-rating report (no meta section); skipped" in run.stderr
    assert "gate passed" in run.stderr
    broken = tmp_path / "broken.yaml"
    broken.write_text("meta: [unclosed\n", encoding="utf-8")
    assert cli(*entry, "--min-stars", "1", str(broken)).code == 2  # a report with an error is not passed over


def test_action_inputs_mirror_the_cli_flags_and_score_once():
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    assert {"report", "min-stars", "min", "baseline", "on-unknown", "lang", "criteria"} <= set(action["inputs"])
    assert {"soft-fail", "version", "upload-sarif"} <= set(action["inputs"])
    assert action["inputs"]["upload-sarif"]["default"] == "false"  # code scanning is not on everywhere
    steps = action["runs"]["steps"]
    script = next(s["run"] for s in steps if s.get("id") == "gate")
    for flag in ("--min-stars", "--min", "--baseline", "--on-unknown", "--lang", "--criteria", "GITHUB_STEP_SUMMARY"):
        assert flag in script
    assert script.count("csr-rating check") == 1 and "csr-rating score" not in script  # every format, one scoring
    assert '--output-format "markdown=' in script and '--output-format "sarif=' in script
    assert any("actions/cache" in s.get("uses", "") for s in steps)
    upload = next(s for s in steps if "upload-sarif" in s.get("uses", ""))
    assert upload["if"].startswith("always()") and upload["continue-on-error"] is True
    assert steps[-1]["if"] == "always()" and "SOFT" in steps[-1]["run"]


def _run_step(script: str, env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """A composite step's bash as the runner runs it, with the runner's files in a temp folder."""
    for name in ("GITHUB_OUTPUT", "GITHUB_STEP_SUMMARY"):
        (tmp_path / name).touch()
    full = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "RUNNER_TEMP": str(tmp_path),
        "GITHUB_OUTPUT": str(tmp_path / "GITHUB_OUTPUT"),
        "GITHUB_STEP_SUMMARY": str(tmp_path / "GITHUB_STEP_SUMMARY"),
        **env,
    }
    return subprocess.run(["bash", "-c", script], cwd=ROOT, env=full, capture_output=True, text=True, check=False, timeout=120)


@pytest.mark.skipif(shutil.which("bash") is None or not (Path(sys.executable).parent / "csr-rating").exists(), reason="needs bash and the installed command")
def test_action_script_rates_a_glob_of_reports_once_and_reports_the_gate(tmp_path: Path):
    steps = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))["runs"]["steps"]
    gate = next(s for s in steps if s.get("id") == "gate")
    inputs = {"REPORTS": "reports/*.yaml", "MIN_STARS": "3", "MINIMA": "", "BASELINE": "", "ON_UNKNOWN": "low",
              "LANG_OPT": "", "CRITERIA": "", "SARIF": str(tmp_path / "out.sarif")}  # fmt: skip
    done = _run_step(gate["run"], inputs, tmp_path)
    assert "exit-code=1" in (tmp_path / "GITHUB_OUTPUT").read_text(encoding="utf-8")  # the first draft is below 3
    summary = (tmp_path / "GITHUB_STEP_SUMMARY").read_text(encoding="utf-8")
    assert summary.count("Gate passed") >= 2 and "Gate failed" in summary
    assert "::error" in done.stdout and len(json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))["runs"]) == 1
    apply = steps[-1]["run"]
    assert _run_step(apply, {"CODE": "1", "SOFT": "true"}, tmp_path).returncode == 0
    assert _run_step(apply, {"CODE": "1", "SOFT": "false"}, tmp_path).returncode == 1
