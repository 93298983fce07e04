"""A patient's routine: its items with their prescribed doses, how often, and for how long.

The values apply the dose rules of :mod:`solpt_rehab._routines.dose` (:func:`item_problems`),
which are written there once, and know nothing of time: a session's length and cues are functions
of a routine (:func:`~solpt_rehab.session_duration`, :func:`~solpt_rehab.session_timeline`) whose
module imports this one and is never imported by it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from .._core.errors import InvalidValueError, RoutineError
from .._core.problems import Problem
from .._model.values import (
    Exercise,
    _as_tuple,
    _instance_of,
    _optional_text,
    _positive_whole,
    _text,
)
from .dose import Side, id_conflict_problem, id_conflicts, item_problems
from .dose import to_side as _to_side  # the name RoutineItem's field declaration uses

__all__ = ["Frequency", "Routine", "RoutineItem"]


@attrs.frozen(kw_only=True)
class Frequency:
    """How often a routine is done.

    The source states no frequency; the defaults (one session a day, seven days a week) are the
    library's own and say nothing clinical. A clinician sets them.

    Attributes:
        sessions_per_day: Sessions in a day; a whole number > 0.
        days_per_week: Days in a week with sessions; a whole number from 1 to 7.

    .. versionadded:: 0.1.0
    """

    sessions_per_day: int = attrs.field(default=1, validator=_positive_whole)
    days_per_week: int = attrs.field(default=7, validator=_positive_whole)

    @days_per_week.validator
    def _at_most_seven(self, _attribute: attrs.Attribute[Any], value: int) -> None:
        if value > 7:  # noqa: PLR2004 - the days of a week
            raise InvalidValueError(f"'days_per_week' must be <= 7: {value!r}")


# -- the routine ----------------------------------------------------------------------------------


def _raise_errors(problems: Iterable[Problem], summary: str) -> None:
    found = tuple(problems)
    if any(problem.is_error for problem in found):
        raise RoutineError(summary, found)


@attrs.frozen(kw_only=True)
class RoutineItem:
    """One exercise of a routine with its prescribed dose.

    The constructor applies the dose rules (:func:`item_problems`): a dose outside the documented
    range without a recorded deviation, a hold for an exercise without one, or a missing or wrong
    side raises :class:`~solpt_rehab.RoutineError`. Most code builds items through
    :class:`~solpt_rehab.RoutineBuilder`, which reports every item's problems at once.

    Attributes:
        exercise: The exercise.
        hold_seconds: The prescribed hold in seconds, or ``None`` for an exercise without a hold.
        reps: The prescribed repetitions, read by the exercise's counting rule.
        side: The side worked (affected-side), ``BOTH`` (bilateral), or the leading side (two-sided
            work; ``BOTH`` for the default).
        deviation: The clinician's reason for a dose outside the documented range, or ``None``.

    .. versionadded:: 0.1.0
    """

    exercise: Exercise = attrs.field(validator=_instance_of(Exercise))
    hold_seconds: float | None = attrs.field(default=None)
    reps: int = attrs.field()
    side: Side = attrs.field(converter=_to_side)
    deviation: str | None = attrs.field(default=None, validator=_optional_text)

    def __attrs_post_init__(self) -> None:
        _raise_errors(self._problems(()), f"this dose of {self.exercise.id!r} is not documented:")

    def _problems(self, at: tuple[str | int, ...]) -> Iterator[Problem]:
        return item_problems(
            self.exercise,
            hold_seconds=self.hold_seconds,
            reps=self.reps,
            side=self.side,
            deviation=self.deviation,
            at=at,
        )

    @property
    def problems(self) -> tuple[Problem, ...]:
        """The warnings this item carries (a recorded deviation, an implausible count)."""
        return tuple(self._problems(()))


def _to_items(value: Iterable[RoutineItem]) -> tuple[RoutineItem, ...]:
    return _as_tuple(value, "items")


@attrs.frozen(kw_only=True)
class Routine:
    """A patient's routine: named items, how often they are done, and for how long.

    Attributes:
        name: What the routine is called; not empty.
        items: The exercises with their doses, in the order they are done; at least one.
        frequency: How often the routine is done.
        weeks: The programme's length in weeks, or ``None`` when open.

    Raises:
        InvalidValueError: For an empty name, no items, an item that is not a
            :class:`RoutineItem`, or a frequency or weeks of the wrong type.
        RoutineError: When two items hold different exercises with one id (``duplicate-id``): a
            routine's document names an exercise by its id, so such a routine could not be
            written and read back. The same exercise may come back in any number of items.

    .. versionadded:: 0.1.0
    """

    name: str = attrs.field(validator=_text)
    items: tuple[RoutineItem, ...] = attrs.field(converter=_to_items)
    frequency: Frequency = attrs.field(factory=Frequency, validator=_instance_of(Frequency))
    weeks: int | None = attrs.field(
        default=None, validator=attrs.validators.optional(_positive_whole)
    )

    @items.validator
    def _check_items(
        self, _attribute: attrs.Attribute[Any], value: tuple[RoutineItem, ...]
    ) -> None:
        if not value:
            raise InvalidValueError(f"'items' must hold at least one RoutineItem: {value!r}")
        for item in value:
            if not isinstance(item, RoutineItem):
                raise InvalidValueError(f"'items' must hold only RoutineItem values: {item!r}")
        _raise_errors(
            (
                id_conflict_problem(
                    ("items", index, "exercise", "id"), first, value[index].exercise.id
                )
                for index, first in id_conflicts(item.exercise for item in value)
            ),
            f"routine {self.name!r} holds different exercises with one id:",
        )

    @property
    def problems(self) -> tuple[Problem, ...]:
        """The warnings of every item, with paths such as ``/items/0/reps``."""
        return tuple(
            problem
            for index, item in enumerate(self.items)
            for problem in item._problems(("items", index))
        )
