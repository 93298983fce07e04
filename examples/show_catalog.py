"""Print the three documented exercises with their doses.

Run it as it is: ``python3 examples/show_catalog.py``.
"""

from __future__ import annotations

from solpt_rehab import catalog


def main() -> None:
    """Print one line per documented exercise: its id, hold, repetitions and side."""
    for exercise in catalog.all():
        reps = exercise.repetitions
        count = f"at least {reps.min_reps}" if reps.open_ended else reps.range_text
        print(f"{exercise.id}: hold {exercise.hold}, {count} reps, {reps.laterality}")


if __name__ == "__main__":
    main()
