"""Strategies for routine items and routines, and the pool of exercises their items draw from."""

from __future__ import annotations

import datetime
import functools
from collections.abc import Sequence
from typing import Final

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from .. import catalog
from .._model.values import Exercise
from .._routines.values import Frequency, Routine, RoutineItem
from ._arguments import check_ordered, flag_argument, size_argument, strategy_argument
from ._cached import BOOLEANS, sampled
from ._doses import draw_dose
from ._exercises import catalogs, exercises
from ._progressions import with_progression
from ._vocabulary import ITEM_NOTES, ROUTINE_NAMES, ROUTINE_NOTES

_FREQUENCIES: Final = st.builds(
    Frequency, sessions_per_day=st.integers(1, 3), days_per_week=st.integers(1, 7)
)
_PHASES: Final = st.integers(1, 3)
_WEEKS: Final = st.one_of(st.none(), st.integers(1, 26))
#: Notes for the patient, or ``None`` (first): one choice each, so that they cost the shrinker
#: little on the way to an item's least dose.
_ITEM_NOTES: Final = st.sampled_from((None, *ITEM_NOTES))
_ROUTINE_NOTES: Final = st.sampled_from((None, *ROUTINE_NOTES))
#: A programme's first day: none, or a day from 2020 to 2035 (shrinking toward the first).
_PROGRAMME_STARTS: Final = st.dates(datetime.date(2020, 1, 1), datetime.date(2035, 12, 31))
_STARTS: Final = st.one_of(st.none(), _PROGRAMME_STARTS)

# -- the exercises an item is drawn from ----------------------------------------------------------


@functools.cache
def _generated_pool() -> st.SearchStrategy[tuple[Exercise, ...]]:
    """Up to three generated exercises, the default pool's addition to the built-in ones."""
    return catalogs(max_size=3)


@functools.cache
def _any_exercise() -> st.SearchStrategy[Exercise]:
    """A built-in exercise (first, so that examples shrink toward one) or a generated one."""
    return st.one_of(st.sampled_from(catalog.all()), exercises())


def _exercise_pool_argument(value: object) -> st.SearchStrategy[Exercise] | tuple[Exercise, ...]:
    """Read the ``exercises`` option: ``None``, a strategy, or a sequence of exercises."""
    if value is None:
        return _any_exercise()
    strategy = (
        strategy_argument("exercises", value, Exercise)
        if isinstance(value, st.SearchStrategy)
        else None
    )
    if strategy is not None:
        return strategy
    problem = (
        f"exercises={value!r} must be a strategy of Exercise values, a non-empty sequence of "
        "Exercise values with unique ids, or None"
    )
    # A sequence, not any collection: the order of a set changes from one process to the next,
    # and Hypothesis must draw the same exercise from the same choices to replay a failure.
    if isinstance(value, (str, bytes)) or not isinstance(value, Sequence) or not value:
        raise InvalidArgument(problem)
    pool = tuple(value)
    if not all(isinstance(item, Exercise) for item in pool):
        raise InvalidArgument(problem)
    if len({exercise.id for exercise in pool}) != len(pool):
        raise InvalidArgument(problem)
    return pool


# -- routine items --------------------------------------------------------------------------------


@st.composite
def _routine_items(
    draw: st.DrawFn,
    pool: st.SearchStrategy[Exercise] | tuple[Exercise, ...],
    *,
    deviations: bool,
) -> RoutineItem:
    exercise = draw(sampled(pool) if isinstance(pool, tuple) else pool)
    dose = draw_dose(draw, exercise, deviations=deviations)
    return dose.to_item(exercise, notes=draw(_ITEM_NOTES))


def routine_items(
    *,
    exercises: st.SearchStrategy[Exercise] | Sequence[Exercise] | None = None,
    deviations: bool = False,
    progression: bool = False,
) -> st.SearchStrategy[RoutineItem]:
    """Generate routine items: an exercise with a dose from :func:`doses`, perhaps with notes.

    The dose's sets, timed work and load lie inside the documented ranges like its hold and
    repetitions; the notes for the patient are ``None`` or a sentence. By default the exercise is
    one of the built-in catalog's or a generated one; examples shrink toward the built-in
    bilateral knees-to-chest stretch at its documented minimum, with no notes. Items carry no
    problem at all unless ``deviations=True``, when some carry a recorded deviation (warnings,
    never errors).

    Args:
        exercises: A strategy of exercises, a sequence of exercises with unique ids to choose
            from (such as ``catalog.all()``), or ``None`` for the built-in and generated ones.
        deviations: As for :func:`doses`.
        progression: Whether items may carry progression rules (up to three, one per dose,
            each fitting the item: a dose it prescribes, a cap inside the documented range and
            below three times an open-ended minimum, so that the rules add no problem).

    Returns:
        A strategy of :class:`~solpt_rehab.RoutineItem` values.

    Raises:
        InvalidArgument: For an ``exercises`` that is neither a strategy nor a non-empty
            sequence of exercises with unique ids, or a ``deviations`` or ``progression`` that
            is not a bool.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
        Sets, timed work, loads and notes; ``progression``.
    """
    pool = _exercise_pool_argument(exercises)
    items = _routine_items(pool, deviations=flag_argument("deviations", deviations))
    return with_progression(items, progression=progression)


# -- routines -------------------------------------------------------------------------------------


def frequencies() -> st.SearchStrategy[Frequency]:
    """Generate frequencies: one to three sessions a day, on one to seven days a week.

    Values shrink toward one session on one day a week.

    Returns:
        A strategy of :class:`~solpt_rehab.Frequency` values.

    .. versionadded:: 0.1.0
    """
    return _FREQUENCIES


@st.composite
def _routines(
    draw: st.DrawFn,
    min_items: int,
    max_items: int | None,
    pool: st.SearchStrategy[Exercise] | tuple[Exercise, ...] | None,
    *,
    deviations: bool,
    progression: bool,
) -> Routine:
    if pool is None:
        generated = draw(_generated_pool())
        choices: tuple[Exercise, ...] = catalog.all() + generated
    elif isinstance(pool, tuple):
        choices = pool
    else:
        choices = draw(catalogs(min_size=1, max_size=4, elements=pool))
    items = draw(
        st.lists(
            with_progression(
                _routine_items(choices, deviations=deviations), progression=progression
            ),
            min_size=min_items,
            max_size=max_items,
        )
    )
    name = draw(sampled(ROUTINE_NAMES))
    if draw(BOOLEANS):
        name = f"{name}, phase {draw(_PHASES)}"
    frequency = draw(_FREQUENCIES)
    weeks = draw(_WEEKS)
    start = draw(_PROGRAMME_STARTS if progression else _STARTS)
    notes = draw(_ROUTINE_NOTES)
    return Routine(
        name=name, items=tuple(items), frequency=frequency, weeks=weeks, start=start, notes=notes
    )


def routines(
    min_items: int = 1,
    max_items: int | None = None,
    *,
    exercises: st.SearchStrategy[Exercise] | Sequence[Exercise] | None = None,
    deviations: bool = False,
    progression: bool = False,
) -> st.SearchStrategy[Routine]:
    """Generate routines: named, with items, a frequency, and perhaps weeks, a start and notes.

    The start date is a day from 2020 to 2035. The items of one routine draw from one pool of
    exercises whose ids are unique, so an id always names the same exercise within a routine,
    while an exercise may come back (say, once per painful side). By default the pool is the
    built-in catalog plus up to three generated exercises. Items carry no problem unless
    ``deviations=True`` (see :func:`doses`); deviations are off by default because a routine's
    documented doses are the common case and a deviation is a warning a test must expect. Values
    shrink toward one item of the knees-to-chest stretch at its documented minimum, once a day,
    one day a week, with no start date and no notes.

    Args:
        min_items: The fewest items; a whole number >= 1 (a routine has at least one).
        max_items: The most items (>= ``min_items``), or ``None`` for no bound.
        exercises: A strategy the pool's exercises come from (one to four of them), a sequence
            of exercises with unique ids to use as the pool, or ``None`` for the default pool.
        deviations: As for :func:`doses`.
        progression: As for :func:`routine_items`; such a routine always has a start, which
            its rules count weeks from.

    Returns:
        A strategy of :class:`~solpt_rehab.Routine` values.

    Raises:
        InvalidArgument: For item bounds that are not whole numbers in range, an ``exercises``
            that is neither a strategy nor a sequence of exercises with unique ids, or a
            ``deviations`` that is not a bool.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
        Start dates and notes, and items with sets, timed work, loads and notes;
        ``progression``.
    """
    low = size_argument("min_items", min_items, minimum=1)
    if max_items is not None:
        high = size_argument("max_items", max_items, minimum=1)
        check_ordered("min_items", low, "max_items", high)
    pool = None if exercises is None else _exercise_pool_argument(exercises)
    return _routines(
        low,
        max_items,
        pool,
        deviations=flag_argument("deviations", deviations),
        progression=flag_argument("progression", progression),
    )
