"""Every script in examples/ runs as it is, and prints what it promises."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

EXAMPLES = sorted((ROOT / "examples").glob("*.py"))


def run_example(name: str) -> subprocess.CompletedProcess[str]:
    """Run one example script with this interpreter and return what it printed."""
    return subprocess.run(  # noqa: S603 - our own script, with our own interpreter
        [sys.executable, str(ROOT / "examples" / name)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


@pytest.mark.parametrize("path", EXAMPLES, ids=[path.name for path in EXAMPLES])
def test_every_example_runs_cleanly(path: Path) -> None:
    result = run_example(path.name)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout


def test_show_catalog_prints_the_documented_doses() -> None:
    assert run_example("show_catalog.py").stdout.splitlines() == [
        "figure-4-stretch: hold 15-20 s, at least 3 reps, affected-side",
        "knees-to-chest: hold 20-30 s, 3-5 reps, bilateral",
        "lying-march: hold 2-3 s, 8-10 reps, alternating",
    ]


def test_import_free_exercise_db_reads_doses_from_the_instructions(tmp_path: Path) -> None:
    sample = tmp_path / "exercises.json"
    path = ROOT / "examples" / "import_free_exercise_db.py"
    script = path.read_text(encoding="utf-8")
    namespace: dict[str, object] = {"__name__": "example", "__file__": str(path)}
    exec(compile(script, "import_free_exercise_db.py", "exec"), namespace)  # noqa: S102 - ours
    sample.write_text(json.dumps(namespace["SAMPLE"]), encoding="utf-8")
    result = subprocess.run(  # noqa: S603 - our own script, with our own interpreter
        [sys.executable, str(ROOT / "examples" / "import_free_exercise_db.py"), str(sample)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines()[-3:] == [
        "catalog document: 0 errors, 0 warnings",
        "  doorway-chest-opener: hold 15-30 s, not stated reps (bilateral)",
        "  step-ups: hold None, 8-12 reps (each-side, counted per-side)",
    ]


def test_progress_over_weeks_prints_each_weeks_dose_and_the_adherence() -> None:
    assert run_example("progress_over_weeks.py").stdout.splitlines() == [
        "week 1: knees-to-chest hold 20 s, lying march 8",
        "week 2: knees-to-chest hold 22 s, lying march 9",
        "week 3: knees-to-chest hold 24 s, lying march 9",
        "week 4: knees-to-chest hold 26 s, lying march 9",
        "week 5: knees-to-chest hold 28 s, lying march 9",
        "week 6: knees-to-chest hold 30 s, lying march 9",
        "weeks 1-3: 4 of 9 sessions, lying march 34 of 78 lifts",
    ]
