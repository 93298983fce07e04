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
        "free-exercise-db: 2 entries, 1 exercises imported, 1 left out"
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


def test_import_of_a_missing_or_malformed_file_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.json"
    assert main(["import", "free-exercise-db", str(missing)]) == 2
    assert capsys.readouterr().err.startswith(f"{missing}: error unreadable: ")
    broken = tmp_path / "broken.json"
    broken.write_text("[{", encoding="utf-8")
    assert main(["import", "free-exercise-db", str(broken)]) == 2
    assert capsys.readouterr().err.startswith(f"{broken}: error not-json: ")


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
