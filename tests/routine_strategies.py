"""Local Hypothesis strategies for the builder and timeline tests: exercises, doses, routines.

Kept beside the tests that use them (the library's public strategies are another issue's). The
exercises cover every laterality, counting rule and kind of rest, with and without a hold, open
ended or not; counts stay small so that the timelines stay short and the suite fast.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from solpt_rehab import (
    CountingRule,
    Exercise,
    Hold,
    Interpretation,
    Laterality,
    Pacing,
    RepetitionScheme,
    Rest,
    Routine,
    RoutineItem,
    Side,
    Step,
    StepKind,
    catalog,
)

seconds = st.one_of(
    st.integers(min_value=1, max_value=60),
    st.floats(min_value=0.5, max_value=60, allow_nan=False, allow_infinity=False),
)


@st.composite
def holds(draw: st.DrawFn) -> Hold:
    low = draw(seconds)
    high = draw(st.one_of(st.just(low), seconds.map(lambda extra: low + extra)))
    return Hold(min_seconds=low, max_seconds=high)


rests = st.one_of(
    st.none(),
    st.sampled_from([Rest(text="a few seconds"), Rest(text="a moment")]),
    seconds.map(lambda low: Rest(min_seconds=low, max_seconds=low * 2)),
)


@st.composite
def generated_exercises(draw: st.DrawFn) -> Exercise:
    """An exercise of any laterality, counting rule and rest, with or without a hold."""
    low = draw(st.integers(min_value=1, max_value=8))
    high = draw(st.one_of(st.none(), st.integers(min_value=low, max_value=low + 6)))
    laterality = draw(st.sampled_from(Laterality))
    hold = draw(st.one_of(st.none(), holds()))
    return Exercise(
        id=f"exercise-{draw(st.integers(min_value=0, max_value=999))}",
        name=draw(st.sampled_from(["Bridge", "Side plank", "Heel slide", "Clamshell"])),
        steps=(
            Step(text="Get into position.", kind=StepKind.SETUP),
            Step(
                text="Stay there." if hold is not None else "Move and come back.",
                kind=StepKind.HOLD if hold is not None else StepKind.MOVE,
            ),
        ),
        hold=hold,
        repetitions=RepetitionScheme(
            min_reps=low,
            max_reps=high,
            laterality=laterality,
            counting=draw(st.sampled_from(CountingRule)) if laterality.two_sided else None,
            rest=draw(rests),
        ),
    )


exercises = st.one_of(st.sampled_from(catalog.all()), generated_exercises())


def _least(scheme: RepetitionScheme) -> int:
    """The least count a dose of ``scheme`` may have: its minimum, or 1 when it states none.

    These helpers' exercises (and the built-in ones) always state their least count.
    """
    return 1 if scheme.min_reps is None else scheme.min_reps


def sides_for(exercise: Exercise) -> st.SearchStrategy[Side | str | None]:
    """Every side the dose rules accept for ``exercise``, as Side, as string, or left out."""
    laterality = exercise.laterality
    if laterality is Laterality.AFFECTED_SIDE:
        allowed = [Side.LEFT, Side.RIGHT]
    elif laterality is Laterality.BILATERAL:
        allowed = [Side.BOTH]
    else:
        allowed = list(Side)
    options: list[Side | str | None] = [*allowed, *(side.value for side in allowed)]
    if laterality is not Laterality.AFFECTED_SIDE:
        options.append(None)
    return st.sampled_from(options)


@st.composite
def doses_inside(draw: st.DrawFn, exercise: Exercise) -> dict[str, Any]:
    """A dose inside the documented ranges, as :meth:`RoutineBuilder.add` keywords; any left out."""
    dose: dict[str, Any] = {"side": draw(sides_for(exercise))}
    if exercise.hold is not None and draw(st.booleans()):
        hold = exercise.hold
        dose["hold_seconds"] = draw(
            st.floats(min_value=hold.min_seconds, max_value=hold.max_seconds)
            | st.sampled_from([hold.min_seconds, hold.max_seconds])
        )
    if draw(st.booleans()):
        scheme = exercise.repetitions
        least = _least(scheme)
        top = scheme.max_reps if scheme.max_reps is not None else 3 * least
        dose["reps"] = draw(st.integers(min_value=least, max_value=top))
    return dose


def fields_outside(exercise: Exercise) -> list[str]:
    """The dose fields that can be given outside their documented range for ``exercise``."""
    fields = []
    if exercise.hold is not None:
        fields.append("hold_seconds")
    scheme = exercise.repetitions
    if _least(scheme) > 1 or scheme.max_reps is not None:
        fields.append("reps")
    return fields


@st.composite
def value_outside(draw: st.DrawFn, exercise: Exercise, field: str) -> float:
    """A value of ``field`` outside the documented range of ``exercise`` (but a valid number)."""
    if field == "hold_seconds":
        assert exercise.hold is not None
        low, high = exercise.hold.min_seconds, exercise.hold.max_seconds
        return draw(
            st.floats(min_value=low / 100, max_value=low, exclude_max=True)
            | st.floats(min_value=high, max_value=high * 10, exclude_min=True)
        )
    scheme = exercise.repetitions
    options = []
    if _least(scheme) > 1:
        options.append(st.integers(min_value=1, max_value=_least(scheme) - 1))
    if scheme.max_reps is not None:
        options.append(st.integers(min_value=scheme.max_reps + 1, max_value=scheme.max_reps + 50))
    return draw(st.one_of(options))


def one_per_id(chosen: list[Exercise]) -> list[Exercise]:
    """``chosen`` with each exercise replaced by the first one with its id.

    A routine holds one exercise per id (generated ids may collide); an exercise may come back.
    """
    first: dict[str, Exercise] = {}
    return [first.setdefault(exercise.id, exercise) for exercise in chosen]


@st.composite
def routine_items(draw: st.DrawFn, exercise: Exercise) -> RoutineItem:
    """A valid item of ``exercise``; its hold is sometimes left unprescribed (``None``)."""
    dose = draw(doses_inside(exercise))
    side = dose.get("side")
    if side is None:
        side = Side.BOTH if exercise.laterality is not Laterality.AFFECTED_SIDE else Side.LEFT
    return RoutineItem(
        exercise=exercise,
        hold_seconds=dose.get("hold_seconds"),
        reps=dose.get("reps", _least(exercise.repetitions)),
        side=side,
    )


@st.composite
def _routines(draw: st.DrawFn) -> Routine:
    chosen = one_per_id(draw(st.lists(exercises, min_size=1, max_size=4)))
    items = [draw(routine_items(exercise)) for exercise in chosen]
    return Routine(name="generated", items=tuple(items))


routines = _routines()

#: Lengths of one's own for some of the working interpretations, each left out or a few seconds.
pacings = st.builds(
    Pacing, **{interpretation.keyword: st.none() | seconds for interpretation in Interpretation}
)
