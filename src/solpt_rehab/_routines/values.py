"""A patient's routine: its items with their prescribed doses, how often, and for how long.

The values apply the dose rules of :mod:`solpt_rehab._routines.dose` (:func:`item_problems`),
which are written there once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

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
    format_number,
)
from .dose import Side, id_conflict_problem, id_conflicts, item_problems
from .dose import to_side as _to_side  # the name RoutineItem's field declaration uses

if TYPE_CHECKING:  # the timeline depends on the routine, not the other way round
    from .timing import Cue, SessionDuration

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

    def duration(
        self,
        *,
        get_ready_seconds: float | None = None,
        next_exercise_seconds: float | None = None,
        release_seconds: float | None = None,
        vague_rest_seconds: float | None = None,
        switch_sides_seconds: float | None = None,
        move_seconds: float | None = None,
    ) -> SessionDuration:
        """Estimate the length of one session as a range of seconds.

        It adds up the same cues as :meth:`timeline`: the prescribed holds (or, for an item
        without one, the documented range), the documented rests, and for every length no source
        states, the range of the library's working interpretation
        (:class:`~solpt_rehab.Interpretation`): the low ends give ``min_seconds``, the high ends
        ``max_seconds``. The timeline of the same routine always lasts a length within it.

        Args:
            get_ready_seconds: Replaces the get-ready interpretation with this exact length.
            next_exercise_seconds: Replaces the change to the next exercise.
            release_seconds: Replaces the release between repetitions with no documented rest.
            vague_rest_seconds: Replaces a rest documented without a number ("a few seconds").
            switch_sides_seconds: Replaces the switch of sides of an each-side exercise.
            move_seconds: Replaces one repetition of an exercise without a hold.

        Returns:
            A :class:`~solpt_rehab.SessionDuration` with ``min_seconds`` and ``max_seconds``.

        Raises:
            InvalidValueError: For an override that is not a finite number > 0.

        .. versionadded:: 0.1.0
        """
        from .timing import session_duration  # noqa: PLC0415 - the timeline imports this module

        return session_duration(
            self,
            get_ready_seconds=get_ready_seconds,
            next_exercise_seconds=next_exercise_seconds,
            release_seconds=release_seconds,
            vague_rest_seconds=vague_rest_seconds,
            switch_sides_seconds=switch_sides_seconds,
            move_seconds=move_seconds,
        )

    def timeline(
        self,
        *,
        get_ready_seconds: float | None = None,
        next_exercise_seconds: float | None = None,
        release_seconds: float | None = None,
        vague_rest_seconds: float | None = None,
        switch_sides_seconds: float | None = None,
        move_seconds: float | None = None,
    ) -> tuple[Cue, ...]:
        """Return the timed cues of one session, in order, for a timer or a voice.

        The session opens with ``get-ready``; each later item opens with ``next-exercise``. Each
        repetition is a ``hold`` of the prescribed length on its side (a ``move`` for an exercise
        without a hold); between two repetitions of an item comes the documented ``rest``, or
        else a ``release``, and between the two sides of an each-side exercise a
        ``switch-sides``. Each cue starts where the previous one ends. Lengths no source states
        play the ``seconds`` of the library's working interpretations
        (:class:`~solpt_rehab.Interpretation`), and such cues are marked ``interpreted``.

        Sides follow the exercise's laterality and counting rule: an affected-side exercise
        holds on the item's side; a bilateral one on ``BOTH``; alternating repetitions take turns
        hold by hold; each-side repetitions all go on the leading side, then all on the other.
        Two-sided work starts on the item's side, or on the right when it is ``BOTH``. Counted in
        total, ``reps`` holds are done in all (each side: the leading side takes the larger
        half); counted per side, ``reps`` on each side.

        Args:
            get_ready_seconds: Replaces the get-ready interpretation with this exact length.
            next_exercise_seconds: Replaces the change to the next exercise.
            release_seconds: Replaces the release between repetitions with no documented rest.
            vague_rest_seconds: Replaces a rest documented without a number ("a few seconds").
            switch_sides_seconds: Replaces the switch of sides of an each-side exercise.
            move_seconds: Replaces one repetition of an exercise without a hold.

        Returns:
            A tuple of :class:`~solpt_rehab.Cue` values.

        Raises:
            InvalidValueError: For an override that is not a finite number > 0.

        .. versionadded:: 0.1.0
        """
        from .timing import session_timeline  # noqa: PLC0415 - the timeline imports this module

        return session_timeline(
            self,
            get_ready_seconds=get_ready_seconds,
            next_exercise_seconds=next_exercise_seconds,
            release_seconds=release_seconds,
            vague_rest_seconds=vague_rest_seconds,
            switch_sides_seconds=switch_sides_seconds,
            move_seconds=move_seconds,
        )

    @property
    def problems(self) -> tuple[Problem, ...]:
        """The warnings of every item, with paths such as ``/items/0/reps``."""
        return tuple(
            problem
            for index, item in enumerate(self.items)
            for problem in item._problems(("items", index))
        )


def describe_dose(item: RoutineItem) -> str:
    """Write an item's dose for a person: ``"hold 15 s, 3 reps, left"``."""
    parts = []
    if item.hold_seconds is not None:
        parts.append(f"hold {format_number(item.hold_seconds)} s")
    parts.append(f"{item.reps} reps")
    parts.append(item.side.value)
    return ", ".join(parts)
