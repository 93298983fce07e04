"""The command line, in process and through ``python -m solpt_rehab``."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from solpt_rehab import catalog, dumps, from_document, json_schema, validate_text
from solpt_rehab._cli import main

MARCH = dumps(catalog.get("lying-march"))


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "solpt_rehab", *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


@pytest.fixture
def files(tmp_path: Path) -> Path:
    (tmp_path / "good.json").write_text(MARCH, encoding="utf-8")
    (tmp_path / "bad.json").write_text(
        MARCH.replace('"min_reps": 8', '"min_reps": "8"').replace(
            '"kind": "setup"', '"kind": "x"', 1
        ),
        encoding="utf-8",
    )
    (tmp_path / "broken.json").write_text('{"kind": ', encoding="utf-8")
    (tmp_path / "warned.json").write_text(
        '{"kind": "routine", "format_version": 2, "name": "r", '
        '"items": [{"exercise": "lying-march", "reps": 8, "deviation": "none"}]}',
        encoding="utf-8",
    )
    (tmp_path / "plan.yaml").write_text(
        "kind: routine\nformat_version: 2\nname: r\nitems:\n  - {exercise: lying-march, reps: 8}\n",
        encoding="utf-8",
    )
    return tmp_path


def test_validate_prints_each_problem_with_file_and_pointer(files: Path) -> None:
    result = run(
        "validate", str(files / "good.json"), str(files / "bad.json"), str(files / "broken.json")
    )
    bad, broken = files / "bad.json", files / "broken.json"
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        (
            f"{bad}:10:15: error bad-enum: 'kind' must be one of 'setup', 'move', 'hold', "
            "'release', 'repeat': 'x' (at /steps/0/kind)"
        ),
        (
            f"{bad}:49:17: error wrong-type: 'min_reps' must be a whole number or null: '8' "
            "(at /repetitions/min_reps)"
        ),
        (
            f"{broken}:1:10: error malformed-json: the text is not JSON: expecting value at line 1 "
            "column 10"
        ),
    ]
    lines = bad.read_text(encoding="utf-8").splitlines()
    assert (lines[9][14:], lines[48][16:]) == ('"x",', '"8",')
    assert result.stderr == "3 files: 2 with errors; 3 errors, 0 warnings\n"


def test_validate_exits_0_on_warnings_and_reads_stdin_and_yaml(files: Path) -> None:
    result = run("validate", "-", str(files / "warned.json"), str(files / "plan.yaml"), stdin=MARCH)
    assert (result.returncode, result.stderr) == (
        0,
        "3 files: 0 with errors; 0 errors, 1 warning\n",
    )
    assert result.stdout.splitlines() == [
        (
            f"{files / 'warned.json'}:1:117: warning deviation: a deviation is "
            "recorded although every dose is inside its documented range: 'none' "
            "(at /items/0/deviation)"
        )
    ]


def test_validate_in_json(
    files: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    status = main(["validate", "--format", "json", str(files / "bad.json"), "-"])
    text = capsys.readouterr().out
    expected = {
        "files": [
            {
                "path": str(files / "bad.json"),
                "problems": [
                    {
                        "path": "/steps/0/kind",
                        "code": "bad-enum",
                        "severity": "error",
                        "message": "'kind' must be one of 'setup', 'move', 'hold', 'release', "
                        "'repeat': 'x'",
                        "line": 10,
                        "column": 15,
                    },
                    {
                        "path": "/repetitions/min_reps",
                        "code": "wrong-type",
                        "severity": "error",
                        "message": "'min_reps' must be a whole number or null: '8'",
                        "line": 49,
                        "column": 17,
                    },
                ],
                "ok": False,
                "documents": 1,
                "errors": 2,
                "warnings": 0,
                "omitted": 0,
            },
            {
                "path": "<stdin>",
                "problems": [
                    {
                        "path": "",
                        "code": "empty-document",
                        "severity": "error",
                        "message": "the text is empty: there is no document",
                        "line": 1,
                        "column": 1,
                    }
                ],
                "ok": False,
                "documents": 1,
                "errors": 1,
                "warnings": 0,
                "omitted": 0,
            },
        ],
        "summary": {
            "files": 2,
            "documents": 2,
            "bad_documents": 2,
            "unreadable": 0,
            "errors": 3,
            "warnings": 0,
            "omitted": 0,
        },
    }
    assert status == 1
    # Streamed as it is found, yet exactly what json.dumps writes of the whole.
    assert text == json.dumps(expected, indent=2) + "\n"


def test_an_unreadable_file_exits_2_and_the_others_are_still_checked(
    files: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = files / "missing.json"
    assert main(["validate", str(missing), str(files / "bad.json")]) == 2
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        (
            f"{missing}: error unreadable-file: cannot read {str(missing)!r}: no such file or "
            "directory"
        ),
        "2 files: 1 with errors, 1 unreadable; 2 errors, 0 warnings",
    ]
    assert len(captured.out.splitlines()) == 2
    assert main(["validate", "--format", "json", str(missing)]) == 2
    assert json.loads(capsys.readouterr().out)["files"][0]["problems"][0]["code"] == (
        "unreadable-file"
    )


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate"]) == 2
    assert main(["validate", "x.json", "--format", "xml"]) == 2
    assert main([]) == 2
    assert main(["show", "bridge"]) == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        "solpt-rehab show: unknown exercise id (known ids: 'figure-4-stretch', "
        "'knees-to-chest', 'lying-march'): 'bridge'"
    )
    assert main(["show", "lying-marsh"]) == 2
    assert capsys.readouterr().err == (
        "solpt-rehab show: unknown exercise id (did you mean 'lying-march'?): 'lying-marsh'\n"
    )


def test_show_and_catalog_print_documents_that_validate(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "lying-march", "--format", "json"]) == 0
    shown = capsys.readouterr().out
    assert shown == MARCH + "\n"
    assert validate_text(shown).ok
    assert main(["catalog", "--format", "json"]) == 0
    listed = capsys.readouterr().out
    assert validate_text(listed).ok
    assert from_document(json.loads(listed)) == catalog.all()


def test_show_and_catalog_in_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "knees-to-chest"]) == 0
    assert capsys.readouterr().out.splitlines()[:4] == [
        "Knees-to-chest stretch (knees-to-chest)",
        (
            "  purpose:     Lengthens the muscles of the buttocks and the lower back, to ease "
            "lower back and hip pain."
        ),
        "  hold:        20-30 s",
        "  repetitions: 3-5",
    ]
    assert main(["catalog"]) == 0
    assert capsys.readouterr().out.count("\n\n") == 2


def test_schema_prints_the_json_schema() -> None:
    result = run("schema")
    assert result.returncode == 0
    assert json.loads(result.stdout) == json_schema()


@pytest.mark.parametrize("command", [[], ["catalog"], ["show"], ["validate"], ["schema"]])
def test_every_command_has_help_with_examples(
    command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*command, "--help"]) == 0
    text = capsys.readouterr().out
    assert "example" in text
    assert "solpt-rehab" in text


def test_a_reader_that_goes_away_stops_the_output_quietly() -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # nobody reads: every write fails with a broken pipe
    try:
        result = subprocess.run(
            [sys.executable, "-m", "solpt_rehab", "catalog", "--format", "json"],
            stdout=write_end,
            stderr=subprocess.PIPE,
            check=False,
            timeout=120,
        )
    finally:
        os.close(write_end)
    assert (result.returncode, result.stderr) == (1, b"")


def test_a_lone_surrogate_in_a_text_is_an_error_with_its_place_not_a_traceback(
    tmp_path: Path,
) -> None:
    path = tmp_path / "odd.json"
    path.write_text(MARCH.replace('"name": "Lying march"', '"name": "Lying march\\ud800"'))
    assert "\\ud800" in path.read_text()
    message = (
        "'name' must be valid Unicode (U+D800 at index 11 is a surrogate code point): "
        "'Lying march\\ud800'"
    )
    result = run("validate", str(path))
    assert (result.returncode, result.stdout, result.stderr) == (
        1,
        f"{path}:5:11: error invalid-unicode: {message} (at /name)\n",
        "1 file: 1 with errors; 1 error, 0 warnings\n",
    )
    result = run("validate", "--format", "json", str(path))
    assert result.returncode == 1
    assert json.loads(result.stdout)["files"][0]["problems"] == [
        {
            "path": "/name",
            "code": "invalid-unicode",
            "severity": "error",
            "message": message,
            "line": 5,
            "column": 11,
        }
    ]


def test_a_lone_surrogate_in_a_key_is_written_escaped(tmp_path: Path) -> None:
    path = tmp_path / "odd.json"
    path.write_text('{"kind": "catalog", "format_version": 2, "exercises": [], "\\ud800": 1}')
    result = run("validate", str(path))
    assert (result.returncode, result.stdout) == (
        1,
        f"{path}:1:59: error unknown-key: unknown key '\\ud800' (at /\\ud800)\n",
    )
    result = run("validate", "--format", "json", str(path))
    assert json.loads(result.stdout)["files"][0]["problems"][0]["path"] == "/\ud800"
