"""Strategies for session logs: sets as done, each exercise's record, a whole session."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Final

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from .._logs.values import Difficulty, ItemLog, SessionLog, SetLog
from .._model.rules import SLUG, TEXT_LIMIT
from ._doses import loads

__all__ = ["item_logs", "session_logs", "set_logs"]

#: A few exercise ids of the built-in catalog: the default ids a log names.
_IDS: Final = ("knees-to-chest", "lying-march", "figure-4-stretch")
_SKIP_REASONS: Final = ("too tired", "knee sore", "no time this morning")
_NOTES: Final = ("Felt fine.", "A little stiff at first.", "Easier than last week.")
_COUNTS: Final = st.integers(min_value=0, max_value=30)
_SECONDS: Final = st.integers(min_value=0, max_value=120)
_PAIN: Final = st.none() | st.integers(min_value=0, max_value=10)
#: RPE in whole or half steps, as patients give it.
_RPE: Final = st.none() | st.integers(min_value=0, max_value=20).map(lambda half: half / 2)
_DIFFICULTY: Final = st.none() | st.sampled_from(Difficulty)
_NOTE: Final = st.none() | st.sampled_from(_NOTES)
_TIMES: Final = st.builds(
    datetime.time, st.integers(min_value=0, max_value=23), st.integers(min_value=0, max_value=59)
)


@st.composite
def _set_logs(draw: st.DrawFn) -> SetLog:
    side_by_side = draw(st.booleans())
    counted = st.none() | _COUNTS
    return SetLog(
        reps=None if side_by_side else draw(counted),
        left_reps=draw(counted) if side_by_side else None,
        right_reps=draw(counted) if side_by_side else None,
        hold_seconds=draw(st.none() | _SECONDS),
        work_seconds=draw(st.none() | _SECONDS),
        load=draw(st.none() | loads()),
    )


def set_logs() -> st.SearchStrategy[SetLog]:
    """Generate sets as done: a count in all or side by side, perhaps a hold, timed work, a load.

    Counts and seconds are whole numbers from 0 (a set begun and given up); every field may be
    missing, as a patient records what they counted. Values shrink toward an empty set.

    Returns:
        A strategy of :class:`~solpt_rehab.SetLog` values.

    .. versionadded:: 0.2.0
    """
    return _set_logs()


def _ids_argument(exercise_ids: object) -> tuple[str, ...]:
    if (
        isinstance(exercise_ids, (str, bytes))
        or not isinstance(exercise_ids, Sequence)
        or not exercise_ids
        or not all(
            isinstance(identifier, str)
            and len(identifier) <= TEXT_LIMIT
            and SLUG.fullmatch(identifier)
            for identifier in exercise_ids
        )
    ):
        raise InvalidArgument(
            f"exercise_ids={exercise_ids!r} must be a non-empty sequence of exercise ids (slugs)"
        )
    return tuple(exercise_ids)


@st.composite
def _item_logs(draw: st.DrawFn, ids: tuple[str, ...]) -> ItemLog:
    skipped = draw(st.none() | st.sampled_from(_SKIP_REASONS))
    return ItemLog(
        exercise=draw(st.sampled_from(ids)),
        sets=() if skipped is not None else tuple(draw(st.lists(set_logs(), max_size=4))),
        skipped=skipped,
        rpe=draw(_RPE),
        difficulty=draw(_DIFFICULTY),
        notes=draw(_NOTE),
    )


def item_logs(*, exercise_ids: Sequence[str] = _IDS) -> st.SearchStrategy[ItemLog]:
    """Generate what was done of one exercise: its sets, or a reason it was skipped.

    Args:
        exercise_ids: The ids the log may name (a few of the catalog's by default).

    Returns:
        A strategy of :class:`~solpt_rehab.ItemLog` values; a skipped exercise has no sets.

    Raises:
        hypothesis.errors.InvalidArgument: When ``exercise_ids`` is empty or holds a non-slug.

    .. versionadded:: 0.2.0
    """
    return _item_logs(_ids_argument(exercise_ids))


@st.composite
def _session_logs(
    draw: st.DrawFn, ids: tuple[str, ...], days: st.SearchStrategy[datetime.date]
) -> SessionLog:
    return SessionLog(
        date=draw(days),
        time=draw(st.none() | _TIMES),
        items=tuple(draw(st.lists(_item_logs(ids), min_size=1, max_size=4))),
        pain_before=draw(_PAIN),
        pain_after=draw(_PAIN),
        rpe=draw(_RPE),
        difficulty=draw(_DIFFICULTY),
        notes=draw(_NOTE),
    )


def session_logs(
    *,
    exercise_ids: Sequence[str] = _IDS,
    min_date: datetime.date = datetime.date(2026, 1, 1),
    max_date: datetime.date = datetime.date(2026, 12, 31),
) -> st.SearchStrategy[SessionLog]:
    """Generate session logs: a day and perhaps a time, each exercise's record, pain and effort.

    Args:
        exercise_ids: The ids the logs may name (a few of the catalog's by default).
        min_date: The earliest day drawn.
        max_date: The latest day drawn.

    Returns:
        A strategy of :class:`~solpt_rehab.SessionLog` values, times to the minute.

    Raises:
        hypothesis.errors.InvalidArgument: For empty or non-slug ids, a bound that is no date,
            or ``max_date`` before ``min_date``.

    .. versionadded:: 0.2.0
    """
    ids = _ids_argument(exercise_ids)
    for name, value in (("min_date", min_date), ("max_date", max_date)):
        if type(value) is not datetime.date:
            raise InvalidArgument(f"{name}={value!r} must be a datetime.date")
    if max_date < min_date:
        raise InvalidArgument(f"max_date={max_date!r} must not be before min_date={min_date!r}")
    return _session_logs(ids, st.dates(min_value=min_date, max_value=max_date))
