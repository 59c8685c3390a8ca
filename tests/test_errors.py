"""Bad input gets one line `path:line:col: what is wrong (field: …)` on stderr and exit code 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURES, REPORTS


def write(tmp_path: Path, text: str, name: str = "report.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def assert_one_line_error(run, must_contain: list[str]) -> None:
    assert run.code == 2, run
    assert run.stdout == ""
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1, run.stderr
    assert "Traceback" not in run.stderr
    for text in must_contain:
        assert text in lines[0], (text, lines[0])


def test_missing_file_names_the_path(cli_in_process, tmp_path):
    missing = tmp_path / "nope.yaml"
    assert_one_line_error(cli_in_process("score", str(missing)), [str(missing), "no such file"])


def test_directory_instead_of_file(cli_in_process, tmp_path):
    assert_one_line_error(cli_in_process("score", str(tmp_path)), [str(tmp_path), "directory"])


def test_invalid_yaml_names_line_and_column(cli_in_process, tmp_path):
    path = write(tmp_path, "meta:\n  organisation: [unclosed\n  year: 2020\n")
    run = cli_in_process("score", str(path))
    assert_one_line_error(run, [f"{path}:", "invalid YAML"])


def test_unknown_field_is_an_error_with_a_hint(cli_in_process, tmp_path):
    path = write(tmp_path, "meta:\n  organisation: A\n  title: B\n  year: 2020\n  industy: telecom\n")
    assert_one_line_error(
        cli_in_process("score", str(path)),
        [f"{path}:5:3:", "unknown field 'industy'", "did you mean 'industry'", "(field: meta.industy)"],
    )


def test_wrong_type_points_at_the_value(cli_in_process, tmp_path):
    text = "meta: {organisation: A, title: B, year: 2020}\nindicators:\n  - name: Staff\n    values: {2020: [1, 2]}\n"
    path = write(tmp_path, text)
    assert_one_line_error(cli_in_process("score", str(path)), [f"{path}:4:", "indicators[0].values.2020"])


def test_missing_required_field(cli_in_process, tmp_path):
    path = write(tmp_path, "meta:\n  organisation: A\n  year: 2020\n")
    assert_one_line_error(cli_in_process("score", str(path)), [f"{path}:1:1:", "required field 'title' is missing"])


def test_duplicate_key_is_refused(cli_in_process, tmp_path):
    path = write(tmp_path, "meta:\n  organisation: A\n  title: B\n  title: C\n  year: 2020\n")
    assert_one_line_error(cli_in_process("score", str(path)), [f"{path}:4:3:", "duplicate key 'title'"])


def test_python_tags_are_refused(cli_in_process, tmp_path):
    path = write(tmp_path, "meta: !!python/object/apply:os.system ['true']\n")
    assert_one_line_error(cli_in_process("score", str(path)), [str(path), "not allowed"])


def test_a_list_at_the_top_is_refused(cli_in_process, tmp_path):
    assert_one_line_error(cli_in_process("score", str(write(tmp_path, "- a\n- b\n"))), ["expected a YAML mapping"])


def test_empty_file(cli_in_process, tmp_path):
    assert_one_line_error(cli_in_process("score", str(write(tmp_path, ""))), ["empty"])


def test_invalid_utf8_names_the_byte(cli_in_process, tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("meta:\n  organisation: Soci\u00e9t\u00e9\n".encode("latin-1"))
    assert_one_line_error(cli_in_process("score", str(path)), [str(path), ":2:", "byte offset 26"])


def test_unknown_catalog_id_suggests_the_close_one(cli_in_process, tmp_path):
    text = (
        "meta: {organisation: A, title: B, year: 2020, industry: telecom}\n"
        "indicators:\n  - {id: gen.total-asset, name: Assets, values: {2020: 1}}\n"
    )
    path = write(tmp_path, text)
    assert_one_line_error(cli_in_process("score", str(path)), [f"{path}:3:", "gen.total-asset", "did you mean 'gen.total-assets'"])


def test_value_for_a_year_after_the_reporting_year(cli_in_process, tmp_path):
    text = "meta: {organisation: A, title: B, year: 2020}\nindicators:\n  - {name: Staff, values: {2020: 1, 2021: 2}}\n"
    assert_one_line_error(cli_in_process("score", str(write(tmp_path, text))), ["2021 is after the reporting year 2020"])


def test_nan_is_not_a_value(cli_in_process, tmp_path):
    text = "meta: {organisation: A, title: B, year: 2020}\nindicators:\n  - {name: Staff, values: {2020: .nan}}\n"
    assert_one_line_error(cli_in_process("score", str(write(tmp_path, text))), ["not a finite number"])


def test_unknown_format_is_a_usage_error(cli_in_process):
    run = cli_in_process("score", str(FIXTURES / "minimal.yaml"), "--format", "pdf")
    assert run.code == 2 and "Traceback" not in run.stderr


def test_broken_criteria_exit_2_never_0(cli_in_process, tmp_path):
    import shutil

    from tests.conftest import ROOT

    copy = tmp_path / "criteria"
    shutil.copytree(ROOT / "criteria", copy)
    standard = copy / "cass-csr-4.0" / "standard.yaml"
    standard.write_text(standard.read_text(encoding="utf-8").replace("weight: 15 ", "weight: 16 "), encoding="utf-8")
    assert_one_line_error(
        cli_in_process("score", str(REPORTS / "china-telecom-2020.yaml"), "--criteria", str(copy)),
        ["standard.yaml", "weights sum to 101"],
    )


@pytest.mark.parametrize(
    "args",
    [
        ["bogus"],
        ["schema", "nonsense"],
        ["score"],
        ["score", "a.yaml", "--top", "-1"],
        ["score", "a.yaml", "--lang", "fr"],
        ["score", "a.yaml", "--format", "pdf"],
        ["score", "a.yaml", "--bogus"],
        ["kinds", "extra"],
    ],
)
def test_usage_errors_are_one_line_and_exit_2(cli_in_process, args):
    assert_one_line_error(cli_in_process(*args), ["csr-rating --help"])


def test_a_device_is_not_read_without_end(cli_in_process):
    assert_one_line_error(cli_in_process("score", "/dev/zero"), ["/dev/zero", "not a regular file"])


def test_too_many_values_are_refused_before_parsing(cli_in_process, tmp_path):
    path = write(tmp_path, "junk: [" + "1," * 300_000 + "1]\n")
    assert_one_line_error(cli_in_process("score", str(path)), ["more than 100000"])


def test_control_characters_are_located_and_never_echoed_raw(cli_in_process, tmp_path):
    path = write(tmp_path, 'meta: {organisation: "a\x07b"}\n')
    assert_one_line_error(cli_in_process("score", str(path)), [f"{path}:1:", "U+0007"])
    key = write(tmp_path, 'meta:\n  "\\e[31mRED": 1\n', "escape.yaml")
    run = cli_in_process("score", str(key))
    assert run.code == 2 and "\x1b" not in run.stderr


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ("{2020: yes}", "yes/no flag"),
        ("{2020: true}", "valid number"),
        ("{2020: 1, '2020': 2}", "duplicate key"),
        ("{2020: 1, '02020': 2}", "given twice"),
        ("{2020: .inf}", "finite"),
    ],
)
def test_values_that_would_score_silently_wrong(cli_in_process, tmp_path, values, message):
    text = f"meta: {{organisation: A, title: B, year: 2020}}\nindicators:\n  - {{name: Staff, values: {values}}}\n"
    assert_one_line_error(cli_in_process("score", str(write(tmp_path, text))), [message])


def test_a_repeated_indicator_is_refused(cli_in_process, tmp_path):
    text = (
        "meta: {organisation: A, title: B, year: 2020}\nindicators:\n"
        "  - {name: Staff, unit: persons, values: {2020: 1}}\n  - {name: STAFF, unit: persons, values: {2019: 1}}\n"
    )
    assert_one_line_error(cli_in_process("score", str(write(tmp_path, text))), [":4:", "repeats indicators[0]"])


def test_markup_like_text_in_a_report_prints_as_written(cli_in_process, tmp_path):
    path = write(tmp_path, "meta: {organisation: 'Foo [/red] [bold]Co', title: '[link=x]T', year: 2020}\n")
    run = cli_in_process("score", str(path))
    assert run.code == 0, run.stderr
    assert "Foo [/red] [bold]Co" in run.stdout and "[link=x]T" in run.stdout


def test_binary_names_the_byte_offset(cli_in_process, tmp_path):
    path = tmp_path / "b.yaml"
    path.write_bytes(b"ab\x00cd")
    assert_one_line_error(cli_in_process("score", str(path)), ["byte offset 2"])


def test_a_reporting_year_in_the_future_is_a_warning(cli_in_process, tmp_path):
    run = cli_in_process("score", str(write(tmp_path, "meta: {organisation: A, title: B, year: 2099}\n")), "--format", "json")
    assert run.code == 0 and "meta.year 2099 is in the future" in run.stderr
