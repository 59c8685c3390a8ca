"""The pre-commit hook and the GitHub Action call the CLI the way their hosts do."""

from __future__ import annotations

import re

import yaml

from tests.conftest import REPORTS, ROOT


def test_pre_commit_hook_runs_check_on_several_files(cli):
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "csr-rating-check")
    assert hook["entry"] == "csr-rating check" and hook["language"] == "python"
    files = sorted(str(p.relative_to(ROOT)) for p in REPORTS.glob("*.yaml"))
    assert all(re.search(hook["files"], f) for f in files)
    # pre-commit appends the file names after the hook's args
    run = cli("check", *hook["args"], *files)
    assert run.code == 1  # the fictitious first draft is below three stars
    assert "fictitious-first-draft.yaml: gate failed" in run.stderr
    assert cli("check", "--min-stars", "1", *files).code == 0


def test_action_inputs_mirror_the_cli_flags_and_sarif_is_uploaded_even_on_failure():
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    assert {"report", "min-stars", "min", "baseline", "lang", "criteria"} <= set(action["inputs"])
    steps = action["runs"]["steps"]
    script = next(s["run"] for s in steps if s.get("id") == "gate")
    for flag in (
        "--min-stars",
        "--min",
        "--baseline",
        "--lang",
        "--criteria",
        "--format markdown",
        "--format sarif",
        "GITHUB_STEP_SUMMARY",
    ):
        assert flag in script
    upload = next(s for s in steps if "upload-sarif" in s.get("uses", ""))
    assert upload["if"].startswith("always()")
    assert steps[-1]["if"] == "always()" and "exit-code" in steps[-1]["run"]
