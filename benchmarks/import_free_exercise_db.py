"""Time the free-exercise-db import, and dose extraction alone, on the real file.

Run it from a checkout with ../shared beside it (or give the file's path)::

    python benchmarks/import_free_exercise_db.py [path/to/exercises.json]

It prints the best and the median of several runs; nothing is asserted.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from solpt_rehab.importers.free_exercise_db import import_exercises
from solpt_rehab.prose import extract_dose

DEFAULT = (
    Path(__file__).resolve().parents[2] / "shared" / "data" / "free-exercise-db" / "exercises.json"
)
RUNS = 7


def timed(work: Callable[[], object]) -> list[float]:
    """Run ``work`` RUNS times and return each run's wall time in seconds."""
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    data = json.loads(path.read_text(encoding="utf-8"))
    steps = [text for entry in data for text in entry.get("instructions", []) if text.strip()]
    result = import_exercises(data)
    print(f"{path}: {len(data)} entries, {len(result.exercises)} imported, {len(steps)} steps")
    for label, work in (
        ("import_exercises (whole file)", lambda: import_exercises(data)),
        ("extract_dose (every step)", lambda: [extract_dose(text) for text in steps]),
    ):
        times = timed(work)
        print(
            f"{label}: best {min(times):.3f} s, median {statistics.median(times):.3f} s "
            f"over {RUNS} runs"
        )


if __name__ == "__main__":
    main()
