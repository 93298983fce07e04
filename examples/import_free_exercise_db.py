"""Import free-exercise-db into a catalog document, validate it, and print what was read.

Run it as it is: ``python3 examples/import_free_exercise_db.py [exercises.json]``. Without an
argument it imports ``../shared/data/free-exercise-db/exercises.json`` when that file is beside
the checkout, and otherwise a two-entry sample in free-exercise-db's format that it writes itself.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from solpt_rehab import to_document, validate
from solpt_rehab.importers.free_exercise_db import import_file

BESIDE: Path = Path(__file__).resolve().parents[2] / "shared/data/free-exercise-db/exercises.json"

#: Two entries in free-exercise-db's format, written for this example.
SAMPLE = [
    {
        "id": "Doorway_Chest_Opener",
        "name": "Doorway Chest Opener",
        "force": "static",
        "level": "beginner",
        "mechanic": None,
        "equipment": "body only",
        "primaryMuscles": ["chest"],
        "secondaryMuscles": ["shoulders"],
        "instructions": [
            "Stand in a doorway with a forearm on each side of the frame.",
            "Lean forward until the front of the chest opens and stay there for 15 to 30 seconds.",
        ],
        "category": "stretching",
        "images": [],
    },
    {
        "id": "Step_Ups",
        "name": "Step Ups",
        "force": "push",
        "level": "beginner",
        "mechanic": "compound",
        "equipment": "other",
        "primaryMuscles": ["quadriceps"],
        "secondaryMuscles": ["glutes"],
        "instructions": [
            "Face a sturdy step and place one foot on it.",
            "Rise onto the step, come back down, and do 8 to 12 repetitions with each leg.",
        ],
        "category": "strength",
        "images": [],
    },
]


def main(argv: list[str]) -> int:
    """Import the file named in ``argv`` (or the default) and print a summary; 1 on errors."""
    with tempfile.TemporaryDirectory() as folder:
        if argv:
            source = Path(argv[0])
        elif BESIDE.is_file():
            source = BESIDE
        else:
            source = Path(folder) / "exercises.json"
            source.write_text(json.dumps(SAMPLE), encoding="utf-8")
        result = import_file(source)
    report = validate(to_document(result.exercises))
    print(result.summary())
    print(f"catalog document: {len(report.errors)} errors, {len(report.warnings)} warnings")
    for exercise in result.exercises[:3]:
        print(f"  {exercise.id}: hold {exercise.hold}, {exercise.repetitions}")
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
