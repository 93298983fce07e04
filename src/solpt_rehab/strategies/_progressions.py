"""Strategies for progression rules: any rule, or rules that fit one routine item."""

from __future__ import annotations

import math
from typing import Any, Final

import attrs
from hypothesis import strategies as st

from .._model.values import Exercise
from .._routines.dose import DOSE_FIELDS
from .._routines.progression import (
    Gate,
    ProgressedDose,
    Progression,
    cap_of,
    start_of,
    starting_dose,
    steps_to_cap,
)
from .._routines.values import RoutineItem
from ._arguments import flag_argument

__all__ = ["progressions", "with_progression"]

_WHOLE_STEPS: Final = st.integers(1, 3)
#: Steps of seconds or of a weight's amount: round numbers first, as clinicians write them.
_STEPS: Final = st.sampled_from((1, 2, 5, 2.5, 0.5))
_GATES: Final = st.lists(st.sampled_from(Gate), unique=True, max_size=2).map(tuple)
_EVERY: Final = st.integers(1, 4)
_WHOLE: Final = (ProgressedDose.REPS, ProgressedDose.SETS)


@st.composite
def _progressions(draw: st.DrawFn) -> Progression:
    dose = draw(st.sampled_from(ProgressedDose))
    whole = dose in _WHOLE
    step = draw(_WHOLE_STEPS if whole else _STEPS)
    weekly = draw(st.booleans())
    until = draw(st.none() | (st.integers(1, 40) if whole else st.integers(1, 120)))
    return Progression(
        dose=dose,
        step=step,
        every_weeks=draw(_EVERY) if weekly else None,
        every_sessions=None if weekly else draw(st.integers(1, 6)),
        until=until,
        gate=draw(_GATES),
    )


def progressions() -> st.SearchStrategy[Progression]:
    """Generate progression rules: any dose, a step, a schedule, perhaps a cap and gates.

    Each value constructs (whole steps and caps for repetitions and sets, exactly one schedule);
    whether it fits a given item (a dose the item prescribes, a cap inside the documented range)
    is the item's business: :func:`routine_items` and :func:`routines` with
    ``progression=True`` draw rules that fit. Values shrink toward a weekly step of one
    repetition, up to the documented maximum, without gates.

    Returns:
        A strategy of :class:`~solpt_rehab.Progression` values.

    .. versionadded:: 0.2.0
    """
    return _progressions()


def _whole_until(start: int, top: int) -> st.SearchStrategy[int]:
    return st.integers(start + 1, top)


def _seconds_until(start: float, top: float) -> st.SearchStrategy[float]:
    return st.floats(start, top, exclude_min=True, allow_nan=False, allow_infinity=False)


def _ceiling(exercise: Exercise, field: str, start: Any) -> float | None:
    """The highest cap a rule of ``field`` may take without a problem, or ``None``."""
    rule = Progression(dose=field, step=1, every_weeks=1)
    documented = cap_of(rule, exercise, start)
    level = start.max_amount if field == "load" else start
    if field == "reps" and exercise.repetitions.open_ended:
        # Beyond three times the documented minimum, the dose rules warn.
        low = exercise.repetitions.min_reps or 1
        documented = 3 * low
    elif documented is None:
        documented = level * 3 if field != "sets" else level + 3
    if documented <= level:
        return None
    return documented


@st.composite
def _with_progression(draw: st.DrawFn, item: RoutineItem) -> RoutineItem:
    exercise = item.exercise
    dose = starting_dose(exercise, {name: getattr(item, name) for name in DOSE_FIELDS})
    chosen = draw(st.lists(st.sampled_from(ProgressedDose), unique=True, max_size=3))
    rules = []
    for dose_field in chosen:
        field = dose_field.value
        start = start_of(field, dose)
        if start is None:
            continue
        top = _ceiling(exercise, field, start)
        if top is None:
            continue
        whole = dose_field in _WHOLE
        level = start.max_amount if field == "load" else start
        documented = cap_of(Progression(dose=field, step=1, every_weeks=1), exercise, start)
        until: float | None
        if documented is not None and documented <= top and draw(st.booleans()):
            until = None
        elif whole:
            until = draw(_whole_until(level, math.floor(top)))
        else:
            until = draw(_seconds_until(level, top))
        weekly = draw(st.booleans())
        rule = Progression(
            dose=dose_field,
            step=draw(_WHOLE_STEPS if whole else _STEPS),
            every_weeks=draw(_EVERY) if weekly else None,
            every_sessions=None if weekly else draw(st.integers(1, 6)),
            until=until,
            gate=draw(_GATES),
        )
        if steps_to_cap(rule, start, cap_of(rule, exercise, start) or level) > 0:
            rules.append(rule)
    return attrs.evolve(item, progression=tuple(rules))


def with_progression(
    items: st.SearchStrategy[RoutineItem], *, progression: object
) -> st.SearchStrategy[RoutineItem]:
    """``items``, each given rules that fit it when ``progression`` is true."""
    if not flag_argument("progression", progression):
        return items
    return items.flatmap(_with_progression)
