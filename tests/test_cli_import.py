"""``solpt-rehab import free-exercise-db``: a catalog document that validates, and a summary."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from solpt_rehab import validate
from solpt_rehab._cli import main

#: Two entries in free-exercise-db's format, written for this test, and one that cannot import.
ENTRIES = [
    {
        "id": "Seated_Calf_Reach",
        "name": "Seated Calf Reach",
        "force": "static",
        "level": "beginner",
        "mechanic": None,
        "equipment": "body only",
        "primaryMuscles": ["calves"],
        "secondaryMuscles": [],
        "instructions": [
            "Sit on the floor with both legs straight in front of you.",
            "Reach toward your toes and keep the reach for 20 to 30 seconds.",
        ],
        "category": "stretching",
        "images": [],
    },
    {
        "id": "Empty_One",
        "name": "Empty One",
        "force": None,
        "level": "beginner",
        "mechanic": None,
        "equipment": None,
        "primaryMuscles": [],
        "secondaryMuscles": [],
        "instructions": [],
        "category": "strength",
        "images": [],
    },
]


def _write(tmp_path: Path) -> Path:
    source = tmp_path / "exercises.json"
    source.write_text(json.dumps(ENTRIES), encoding="utf-8")
    return source


def test_import_writes_a_valid_catalog_and_prints_its_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "catalog.json"
    assert main(["import", "free-exercise-db", str(_write(tmp_path)), "-o", str(out)]) == 0
    document = json.loads(out.read_text(encoding="utf-8"))
    assert [exercise["id"] for exercise in document["exercises"]] == ["seated-calf-reach"]
    assert document["exercises"][0]["hold"] == {"min_seconds": 20, "max_seconds": 30}
    assert validate(document).ok
    captured = capsys.readouterr()
    assert captured.out.splitlines()[0] == (
        "free-exercise-db: 2 entries, 1 exercise imported, 1 left out"
    )
    assert captured.out.splitlines()[-1] == (
        f"the catalog document validates with 0 errors and 0 warnings; written to {out}"
    )
    assert captured.err == ""


def test_import_without_output_writes_the_catalog_to_stdout(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", "free-exercise-db", str(_write(tmp_path))]) == 0
    captured = capsys.readouterr()
    assert validate(json.loads(captured.out)).ok
    assert "1 left out" in captured.err.splitlines()[0]


def test_import_of_a_missing_file_exits_2_as_validate_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.json"
    assert main(["import", "free-exercise-db", str(missing)]) == 2
    assert capsys.readouterr().err == (
        f"{missing}: error unreadable-file: cannot read {str(missing)!r}: "
        "no such file or directory\n"
    )
    assert main(["validate", "-q", str(missing)]) == 2
    assert capsys.readouterr().err == (
        f"{missing}: error unreadable-file: cannot read {str(missing)!r}: "
        "no such file or directory\n"
    )


def test_import_of_text_that_is_not_json_exits_1_with_the_validators_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("[{", encoding="utf-8")
    assert main(["import", "free-exercise-db", str(broken)]) == 1
    assert capsys.readouterr().err == (
        f"{broken}: error malformed-json: the text is not JSON: expecting property name "
        "enclosed in double quotes at line 1 column 3\n"
    )


@pytest.mark.parametrize(
    ("content", "lines"),
    [
        (
            {"a": 1},
            [
                "free-exercise-db: 0 entries, 0 exercises imported, 0 left out",
                "  read from the prose: a hold for 0, a repetition count for 0, a side for 0",
                "  problems by code:",
                "    wrong-type: 1",
                (
                    "  (root): error wrong-type: free-exercise-db content must be a JSON array of "
                    "exercises: {'a': 1}"
                ),
            ],
        ),
        (
            [],
            [
                "free-exercise-db: 0 entries, 0 exercises imported, 0 left out",
                "  read from the prose: a hold for 0, a repetition count for 0, a side for 0",
                "  problems by code:",
                "    no-exercises: 1",
                "  (root): error no-exercises: the array has no entries: nothing to import",
            ],
        ),
        (
            [{"name": "X"}],
            [
                "free-exercise-db: 1 entry, 0 exercises imported, 1 left out",
                "  read from the prose: a hold for 0, a repetition count for 0, a side for 0",
                "  problems by code:",
                "    missing-field: 2",
                "    no-exercises: 1",
                "  left out:",
                "    /0 'X': the entry has no 'id'",
                "  (root): error no-exercises: no exercise imported: the entry left out",
            ],
        ),
    ],
)
def test_an_import_that_gives_no_exercise_exits_1_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: object, lines: list[str]
) -> None:
    source = tmp_path / "exercises.json"
    source.write_text(json.dumps(content), encoding="utf-8")
    out = tmp_path / "catalog.json"
    assert main(["import", "free-exercise-db", str(source), "-o", str(out)]) == 1
    assert not out.exists()
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [*lines, "no catalog written: no exercise was imported"]


def test_the_import_help_states_the_exit_statuses(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", "--help"]) == 0
    help_text = capsys.readouterr().out
    assert help_text[help_text.index("exit status:") :].splitlines()[:6] == [
        "exit status:",
        "  0  a catalog of at least one exercise, written; it validates without an error",
        "  1  content problems: FILE is not JSON or not an array, no entry could be",
        "     imported (nothing is written), or the catalog does not validate",
        "  2  a usage error, or FILE cannot be read or OUT cannot be written",
        "",
    ]


def test_import_to_an_unwritable_place_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "no-such-folder" / "catalog.json"
    assert main(["import", "free-exercise-db", str(_write(tmp_path)), "-o", str(target)]) == 2
    assert capsys.readouterr().err == (
        f"solpt-rehab import: cannot write {str(target)!r}: no such file or directory\n"
    )


def test_an_unknown_source_format_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", "wger", str(_write(tmp_path))]) == 2
    assert "invalid choice: 'wger'" in capsys.readouterr().err


def test_free_exercise_db_imports_from_the_command_line(shared_dir: Path, tmp_path: Path) -> None:
    source = shared_dir / "data" / "free-exercise-db" / "exercises.json"
    out = tmp_path / "catalog.json"
    result = subprocess.run(  # noqa: S603 - our own interpreter and module
        [
            sys.executable,
            "-m",
            "solpt_rehab",
            "import",
            "free-exercise-db",
            str(source),
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stderr) == (0, "")
    lines = result.stdout.splitlines()
    assert lines[0] == "free-exercise-db: 873 entries, 868 exercises imported, 5 left out"
    assert lines[-1] == (
        f"the catalog document validates with 0 errors and 19 warnings; written to {out}"
    )
    document = json.loads(out.read_text(encoding="utf-8"))
    assert len(document["exercises"]) == 868
    # Two open-ended holds, and 17 steps naming a second load beside the one the equipment gives.
    assert Counter(validate(document).codes) == {
        "prose-hold-mismatch": 2,
        "prose-load-mismatch": 17,
    }
