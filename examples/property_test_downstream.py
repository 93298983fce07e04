"""A clinic tool's own property tests, driven by solpt_rehab's Hypothesis strategies.

The clinic-side code here writes one printable handout line per routine item and counts the
repetitions a patient does in a week. The properties check them against every kind of routine the
library can produce: built-in and generated exercises, every laterality and counting rule, fixed
and ranged holds, open-ended counts. Run it as it is (it needs ``solpt_rehab[hypothesis]``):
``python3 examples/property_test_downstream.py``; under pytest the ``test_`` functions are
collected as they are.
"""

# Property tests state their checks with assert, as pytest and Hypothesis expect.
# ruff: noqa: S101

from __future__ import annotations

from hypothesis import given

from solpt_rehab import CountingRule, Laterality, Routine, RoutineItem, Side, strategies

# -- the clinic tool's code under test ------------------------------------------------------------


def handout_line(item: RoutineItem) -> str:
    """One line of a printed handout: ``"Lying march: hold 2 s, 8 lifts in all, right first"``."""
    exercise = item.exercise
    scheme = exercise.repetitions
    parts = []
    if item.hold_seconds is not None:
        parts.append(f"hold {item.hold_seconds:g} s")
    times = "time" if item.reps == 1 else "times"
    if scheme.counting is CountingRule.PER_SIDE:
        parts.append(f"{item.reps} {times} with each side")
    elif scheme.laterality.two_sided:
        parts.append(f"{item.reps} {times} in all")
    else:
        parts.append(f"{item.reps} {times}")
    if scheme.laterality is Laterality.AFFECTED_SIDE:
        parts.append(f"{item.side.value} side only")
    elif scheme.laterality.two_sided:
        first = Side.RIGHT if item.side is Side.BOTH else item.side
        parts.append(f"{first.value} side first")
    return f"{exercise.name}: {', '.join(parts)}"


def weekly_repetitions(routine: Routine) -> int:
    """Every repetition of every item, counting both sides of per-side work, over one week."""
    per_session = sum(
        item.reps * (2 if item.exercise.repetitions.counting is CountingRule.PER_SIDE else 1)
        for item in routine.items
    )
    frequency = routine.frequency
    return per_session * frequency.sessions_per_day * frequency.days_per_week


# -- its property tests ---------------------------------------------------------------------------


@given(strategies.routine_items())
def test_a_handout_line_names_the_exercise_and_states_the_dose(item: RoutineItem) -> None:
    line = handout_line(item)
    assert line.startswith(f"{item.exercise.name}: ")
    assert "\n" not in line
    assert f" {item.reps} time" in line
    assert ("hold " in line) is (item.hold_seconds is not None)
    if item.exercise.laterality is Laterality.AFFECTED_SIDE:
        assert line.endswith(f"{item.side.value} side only")


@given(strategies.routines())
def test_a_week_holds_at_least_the_documented_minimum(routine: Routine) -> None:
    # Without deviations every dose is inside its documented range, so the week's volume can be
    # no less than the documented minimum of every item, session after session.
    least = sum(
        (item.exercise.repetitions.min_reps or 1)  # a count the source leaves unstated: 1
        * (2 if item.exercise.repetitions.counting is CountingRule.PER_SIDE else 1)
        for item in routine.items
    )
    sessions = routine.frequency.sessions_per_day * routine.frequency.days_per_week
    assert weekly_repetitions(routine) >= least * sessions
    assert weekly_repetitions(routine) % sessions == 0


if __name__ == "__main__":
    for test in (
        test_a_handout_line_names_the_exercise_and_states_the_dose,
        test_a_week_holds_at_least_the_documented_minimum,
    ):
        test()
        print(f"ok: {test.__name__}")
