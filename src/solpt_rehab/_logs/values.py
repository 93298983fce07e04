"""Session logs as data: what was done in one session, set by set, with pain and effort.

A log records; it does not judge. Whether a session falls within its routine's dates, was logged
twice, or departs far from the prescription is the business of :func:`~solpt_rehab.adherence`,
which reports each as a problem with a code. The constructors check only what would make a log
meaningless (a negative count, a pain score of 11, a skipped exercise with sets done), by the
declarations every other path derives from.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any, Final

import attrs

from .._model import rules
from .._model.rules import (
    ArrayOf,
    Day,
    Nullable,
    Number,
    Part,
    Rule,
    Text,
    TimeOfDay,
    declare,
)
from .._model.values import Load, StrChoice

__all__ = ["Difficulty", "ItemLog", "SessionLog", "SetLog"]


class Difficulty(StrChoice):
    """How hard an exercise or a session felt, for a patient who would rather not give a number.

    .. versionadded:: 0.2.0
    """

    #: Easier than it should be.
    EASY = "easy"
    #: About right.
    MODERATE = "moderate"
    #: Harder than it should be.
    HARD = "hard"


#: A count done: a whole number, zero included (a set begun and given up).
_COUNT: Final = Nullable(Number(whole=True, zero=True))
#: Seconds done, zero included.
_SECONDS: Final = Nullable(Number(zero=True))
#: The 0-10 numeric rating scale of pain: whole numbers only, as patients are asked it.
_PAIN: Final = Nullable(Number(whole=True, zero=True, maximum=10))
#: Perceived exertion on the 0-10 scale (Borg CR10), which allows halves and the like.
_RPE: Final = Nullable(Number(zero=True, maximum=10))
_DAY: Final = Day()
_TIME: Final = TimeOfDay()


def _reps_one_way(reps: Any, left: Any, right: Any) -> str | None:
    if reps is None or (left is None and right is None):
        return None
    name, value = ("left_reps", left) if left is not None else ("right_reps", right)
    return f"{name!r} must be None when 'reps' is given ({reps!r}): {value!r}"


def _null_unless(given: str, *others: str) -> dict[str, Any]:
    """A schema fragment: when ``given`` is a number, each of ``others`` is null or absent."""
    return {
        "if": {"required": [given], "properties": {given: {"type": "number"}}},
        "then": {"properties": {other: {"type": "null"} for other in others}},
    }


_REPS_ONE_WAY: Final = Rule(
    code="reps-two-ways",
    at="left_reps",
    reads=("reps", "left_reps", "right_reps"),
    test=_reps_one_way,
    schema=_null_unless("reps", "left_reps", "right_reps"),
    breaking={"reps": 3, "left_reps": 5},
)


@rules.declared(_REPS_ONE_WAY)
@attrs.frozen(kw_only=True)
class SetLog:
    """One set as it was done.

    Every field is optional: a patient records what they counted. The repetitions are read as the
    routine item's are, by the exercise's counting rule (``reps``), or side by side for two-sided
    work (``left_reps`` and ``right_reps``), never both ways at once (``reps-two-ways``).

    Attributes:
        reps: Repetitions done, read by the exercise's counting rule; a whole number >= 0.
        left_reps: Repetitions done with the left side, when counted side by side.
        right_reps: Repetitions done with the right side, when counted side by side.
        hold_seconds: How long each hold lasted, in seconds (>= 0).
        work_seconds: Timed work done, in seconds (>= 0).
        load: The load used, or ``None`` when it was the prescribed one or none.

    .. versionadded:: 0.2.0
    """

    reps: int | None = attrs.field(default=None, metadata=declare(_COUNT))
    left_reps: int | None = attrs.field(default=None, metadata=declare(_COUNT))
    right_reps: int | None = attrs.field(default=None, metadata=declare(_COUNT))
    hold_seconds: float | None = attrs.field(default=None, metadata=declare(_SECONDS))
    work_seconds: float | None = attrs.field(default=None, metadata=declare(_SECONDS))
    load: Load | None = attrs.field(default=None, metadata=declare(Nullable(Part(Load))))

    __attrs_post_init__ = rules.checks_pending


_SET_LOGS: Final = ArrayOf(Part(SetLog))


def _to_sets(value: Iterable[SetLog]) -> tuple[SetLog, ...]:
    return _SET_LOGS.convert(value, "sets")


def _to_difficulty(value: Difficulty | str | None) -> Difficulty | None:
    return rules.convert_member(Difficulty, value, "difficulty", nullable=True)  # type: ignore[no-any-return]


def _skipped_without_sets(skipped: Any, sets: Any) -> str | None:
    if skipped is None or not sets:
        return None
    count = len(sets)
    sets_done = f"{count} set{'s' * (count != 1)}"
    return f"'sets' must be empty when 'skipped' is given ({skipped!r}): {sets_done}"


_SKIPPED_WITHOUT_SETS: Final = Rule(
    code="skipped-with-sets",
    at="sets",
    reads=("skipped", "sets"),
    test=_skipped_without_sets,
    schema={
        "if": {"required": ["skipped"], "properties": {"skipped": {"type": "string"}}},
        "then": {"properties": {"sets": {"maxItems": 0}}},
    },
    breaking={"skipped": "too tired", "sets": [{}]},
)


@rules.declared(_SKIPPED_WITHOUT_SETS)
@attrs.frozen(kw_only=True)
class ItemLog:
    """What was done of one exercise of the routine in one session, or why it was skipped.

    Attributes:
        exercise: The id of the routine's exercise (a slug).
        sets: The sets done, in order; empty when none was done.
        skipped: Why the exercise was skipped, or ``None``; a skipped exercise has no sets
            (``skipped-with-sets``).
        rpe: Perceived exertion on the 0-10 scale (Borg CR10), or ``None``.
        difficulty: How hard it felt, in words, or ``None``.
        notes: The patient's notes about this exercise, or ``None``.

    .. versionadded:: 0.2.0
    """

    exercise: str = attrs.field(metadata=declare(Text(slug=True)))
    sets: tuple[SetLog, ...] = attrs.field(
        default=(), converter=_to_sets, metadata=declare(_SET_LOGS)
    )
    skipped: str | None = attrs.field(default=None, metadata=declare(Nullable(Text())))
    rpe: float | None = attrs.field(default=None, metadata=declare(_RPE))
    difficulty: Difficulty | None = attrs.field(
        default=None, converter=_to_difficulty, metadata=declare(Nullable(rules.one_of(Difficulty)))
    )
    notes: str | None = attrs.field(default=None, metadata=declare(Nullable(Text())))

    __attrs_post_init__ = rules.checks_pending


_ITEM_LOGS: Final = ArrayOf(Part(ItemLog), min_items=1)


def _to_items(value: Iterable[ItemLog]) -> tuple[ItemLog, ...]:
    return _ITEM_LOGS.convert(value, "items")


def _to_date(value: datetime.date | str) -> datetime.date:
    return _DAY.convert(value, "date")  # type: ignore[no-any-return]


def _to_time(value: datetime.time | str | None) -> datetime.time | None:
    return _TIME.convert(value, "time", nullable=True)  # type: ignore[no-any-return]


@rules.declared()
@attrs.frozen(kw_only=True)
class SessionLog:
    """One session as the patient did it: each exercise's sets, pain before and after, effort.

    Attributes:
        date: The day of the session.
        time: The time of day it started, to the minute, or ``None``.
        items: What was done of each exercise, in the order done; at least one.
        pain_before: Pain before the session on the 0-10 numeric rating scale, or ``None``.
        pain_after: Pain after the session on the same scale, or ``None``.
        rpe: Perceived exertion of the whole session on the 0-10 scale, or ``None``.
        difficulty: How hard the session felt, in words, or ``None``.
        notes: The patient's notes about the session, or ``None``.

    .. versionadded:: 0.2.0
    """

    date: datetime.date = attrs.field(converter=_to_date, metadata=declare(_DAY))
    time: datetime.time | None = attrs.field(
        default=None, converter=_to_time, metadata=declare(Nullable(_TIME))
    )
    items: tuple[ItemLog, ...] = attrs.field(converter=_to_items, metadata=declare(_ITEM_LOGS))
    pain_before: int | None = attrs.field(default=None, metadata=declare(_PAIN))
    pain_after: int | None = attrs.field(default=None, metadata=declare(_PAIN))
    rpe: float | None = attrs.field(default=None, metadata=declare(_RPE))
    difficulty: Difficulty | None = attrs.field(
        default=None, converter=_to_difficulty, metadata=declare(Nullable(rules.one_of(Difficulty)))
    )
    notes: str | None = attrs.field(default=None, metadata=declare(Nullable(Text())))

    __attrs_post_init__ = rules.checks_pending
