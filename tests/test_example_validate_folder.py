"""examples/validate_folder.py: the sample run prints a summary; a folder sets the status."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from solpt_rehab import catalog, dumps

SCRIPT = Path(__file__).resolve().parent.parent / "examples" / "validate_folder.py"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - our own script, with our own interpreter
        [sys.executable, str(SCRIPT), *args], capture_output=True, text=True, check=False
    )


def test_the_sample_folder_shows_each_kind_of_outcome() -> None:
    result = run()
    assert (result.returncode, result.stderr) == (0, "")
    lines = result.stdout.splitlines()
    assert lines[0] == "(no folder given: validating a sample folder of 4 files)"
    assert [line for line in lines if not line.startswith(" ")][1:] == [
        "catalog.json: 1 error(s)",
        "lying-march.json: ok",
        "notes.json: 1 error(s)",
        "routine.json: 1 error(s), 1 warning(s)",
        "1 of 4 files accepted",
    ]


def test_a_given_folder_exits_1_when_a_file_has_an_error(tmp_path: Path) -> None:
    (tmp_path / "march.json").write_text(dumps(catalog.get("lying-march")), encoding="utf-8")
    assert run(str(tmp_path)).stdout.splitlines() == ["march.json: ok", "1 of 1 files accepted"]
    assert run(str(tmp_path)).returncode == 0
    (tmp_path / "empty.json").write_text("", encoding="utf-8")
    assert run(str(tmp_path)).returncode == 1
