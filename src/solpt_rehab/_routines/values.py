"""A patient's routine: its items with their prescribed doses, how often, and for how long.

The values apply the dose rules of :mod:`solpt_rehab._routines.dose` (:func:`item_problems`),
which are written there once, and know nothing of time: a session's length and cues are functions
of a routine (:func:`~solpt_rehab.session_duration`, :func:`~solpt_rehab.session_timeline`) whose
module imports this one and is never imported by it.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Final

import attrs

from .._core.errors import RoutineError
from .._core.problems import Problem
from .._model import rules
from .._model.rules import ArrayOf, Day, Nullable, Number, Part, Text, declare
from .._model.values import CountingRule, Exercise, Laterality, Load, format_number
from .dose import (
    DOSE_FIELDS,
    Side,
    default_load,
    id_conflict_problem,
    id_conflicts,
    item_problems,
    sets_played,
)
from .dose import to_side as _to_side  # the name RoutineItem's field declaration uses

if TYPE_CHECKING:
    from .progression import Progression

    _Rules = tuple[Progression, ...]
else:
    # The rules' module loads with the first rule (``import solpt_rehab`` stays as cheap as it
    # was): at run time the field's annotation resolves to ``tuple``, for type checkers it says
    # what the tuple holds.
    _Rules = tuple

__all__ = ["Frequency", "Routine", "RoutineItem", "describe_dose"]


@rules.declared()
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

    sessions_per_day: int = attrs.field(default=1, metadata=declare(Number(whole=True)))
    days_per_week: int = attrs.field(default=7, metadata=declare(Number(whole=True, maximum=7)))

    __attrs_post_init__ = rules.checks_pending

    def __str__(self) -> str:
        """``1 session a day, 7 days a week``."""
        sessions, days = self.sessions_per_day, self.days_per_week
        return (
            f"{sessions} session{'' if sessions == 1 else 's'} a day, "
            f"{days} day{'' if days == 1 else 's'} a week"
        )


# -- the routine ----------------------------------------------------------------------------------


def describe_dose(item: RoutineItem) -> str:
    """An item's dose for a person: ``"hold 15 s, 3 reps in all, left side"``.

    The hold, the timed work, the sets and repetitions with their counting rule, the sides, the
    load, a recorded deviation and the progression rules; a documented hold or timed work that
    the item does not prescribe is named as such. :meth:`RoutineItem.__str__` and
    :func:`~solpt_rehab.format_timeline` both write it. The text is the values' own: a caller
    that prints text from strangers escapes it (the deviation is free text).
    """
    exercise = item.exercise
    scheme = exercise.repetitions
    parts = []
    if item.hold_seconds is not None:
        parts.append(f"hold {format_number(item.hold_seconds)} s")
    elif exercise.hold is not None:
        parts.append(f"hold {exercise.hold} (not prescribed)")
    if item.work_seconds is not None:
        parts.append(f"work {format_number(item.work_seconds)} s")
    elif exercise.timed_work is not None:
        parts.append(f"work {exercise.timed_work} (not prescribed)")
    count = f"{item.reps} rep{'' if item.reps == 1 else 's'}"
    if item.sets is not None or exercise.sets is not None:
        sets = sets_played(item)
        count = f"{sets} set{'' if sets == 1 else 's'} of {count}"
    if scheme.counting is CountingRule.PER_SIDE:
        count += " per side"
    elif scheme.counting is CountingRule.TOTAL:
        count += " in all"
    parts.append(count)
    laterality = scheme.laterality
    if laterality is Laterality.BILATERAL:
        parts.append("both sides together")
    elif laterality is Laterality.AFFECTED_SIDE:
        parts.append(f"{item.side.value} side")
    else:
        lead = Side.RIGHT if item.side is Side.BOTH else item.side
        parts.append(f"{laterality.value}, {lead.value} first")
    load = default_load(exercise) if item.load is None else item.load
    if load is not None:
        parts.append(str(load))
    if item.deviation is not None:
        parts.append(f"deviation: {item.deviation}")
    parts.extend(f"progression: {rule}" for rule in item.progression)
    return ", ".join(parts)


def _raise_errors(problems: Iterable[Problem], summary: str) -> None:
    found = tuple(problems)
    if any(problem.is_error for problem in found):
        raise RoutineError(summary, found)


def _to_progression(value: Iterable[Progression]) -> tuple[Progression, ...]:
    """An item's ``progression``: a tuple of rules, checked; none costs no import."""
    if value == () or (type(value) is list and not value):
        return ()
    from .progression import to_progression  # noqa: PLC0415 - loaded with the first rule

    return to_progression(value)


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
        sets: The prescribed sets, or ``None``: the documented least, and one set when the
            exercise documents none.
        work_seconds: The prescribed timed work in seconds, or ``None`` (the documented least;
            none for an exercise without timed work).
        load: The prescribed load, or ``None`` (the documented load, at its least amount).
        notes: Notes for the patient about this exercise, or ``None``.
        progression: The rules that raise the dose over time (:class:`Progression`), at most
            one per dose; empty for a dose that stays as prescribed. What is in force on a date
            is :func:`~solpt_rehab.dose_on`'s answer.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 ``progression``.
    """

    exercise: Exercise = attrs.field(validator=rules.validator(Part(Exercise)))
    hold_seconds: float | None = attrs.field(default=None)
    reps: int = attrs.field()
    side: Side = attrs.field(converter=_to_side)
    deviation: str | None = attrs.field(default=None, validator=rules.validator(Nullable(Text())))
    sets: int | None = attrs.field(default=None)
    work_seconds: float | None = attrs.field(default=None)
    load: Load | None = attrs.field(default=None)
    notes: str | None = attrs.field(default=None, validator=rules.validator(Nullable(Text())))
    progression: _Rules = attrs.field(default=(), converter=_to_progression)

    def __attrs_post_init__(self) -> None:
        _raise_errors(self._problems(()), f"this dose of {self.exercise.id!r} is not documented:")

    def _problems(self, at: tuple[str | int, ...]) -> Iterator[Problem]:
        return iter(
            dose_and_progression_problems(self.exercise, self._dose(), self.progression, at)
        )

    def _dose(self) -> dict[str, object]:
        return {name: getattr(self, name) for name in DOSE_FIELDS}

    @property
    def problems(self) -> tuple[Problem, ...]:
        """The warnings this item carries (a recorded deviation, an implausible count)."""
        return tuple(self._problems(()))

    def __str__(self) -> str:
        """The exercise id and the dose: ``figure-4-stretch: hold 15 s, 3 reps, left side``.

        ``repr()`` stays attrs' own, faithful to every field.
        """
        return f"{self.exercise.id}: {describe_dose(self)}"


def dose_and_progression_problems(
    exercise: Exercise,
    dose: dict[str, object],
    progression: tuple[Progression, ...],
    at: tuple[str | int, ...],
) -> list[Problem]:
    """Every problem of one item's dose (with its defaults in place) and of its progression.

    The progression is judged only when the dose has no error: its rules start from that dose.
    """
    found = list(item_problems(exercise, **dose, at=at))
    if not progression or any(item.is_error for item in found):
        return found
    # A rule's module is loaded with the first rule: importing the package costs nothing more.
    from .progression import progression_problems, without_unused_deviation  # noqa: PLC0415

    progressed = list(progression_problems(exercise, dose, progression, at))
    return without_unused_deviation(found, progressed, at)


def _one_exercise_per_id(routine: Routine) -> None:
    """A routine's document names an exercise by its id: one id, one exercise."""
    _raise_errors(
        (
            id_conflict_problem(
                ("items", index, "exercise", "id"), first, routine.items[index].exercise.id
            )
            for index, first in id_conflicts(item.exercise for item in routine.items)
        ),
        f"routine {routine.name!r} holds different exercises with one id:",
    )


_ITEMS: Final = ArrayOf(Part(RoutineItem), min_items=1)
_DAY: Final = Day()


def _to_day(value: datetime.date | str | None) -> datetime.date | None:
    return _DAY.convert(value, "start", nullable=True)  # type: ignore[no-any-return]


def _to_items(value: Iterable[RoutineItem]) -> tuple[RoutineItem, ...]:
    return _ITEMS.convert(value, "items")


@rules.declared(then=_one_exercise_per_id)
@attrs.frozen(kw_only=True)
class Routine:
    """A patient's routine: named items, how often they are done, and for how long.

    Attributes:
        name: What the routine is called; not empty.
        items: The exercises with their doses, in the order they are done; at least one.
        frequency: How often the routine is done.
        weeks: The programme's length in weeks, or ``None`` when open.
        start: The day the programme starts, or ``None`` when not set.
        notes: Notes for the patient about the whole routine, or ``None``.

    Raises:
        InvalidValueError: For an empty name, no items, an item that is not a
            :class:`RoutineItem`, or a frequency or weeks of the wrong type.
        RoutineError: When two items hold different exercises with one id (``duplicate-id``): a
            routine's document names an exercise by its id, so such a routine could not be
            written and read back. The same exercise may come back in any number of items.

    .. versionadded:: 0.1.0
    """

    name: str = attrs.field(metadata=declare(Text()))
    items: tuple[RoutineItem, ...] = attrs.field(converter=_to_items, metadata=declare(_ITEMS))
    frequency: Frequency = attrs.field(factory=Frequency, metadata=declare(Part(Frequency)))
    weeks: int | None = attrs.field(default=None, metadata=declare(Nullable(Number(whole=True))))
    start: datetime.date | None = attrs.field(
        default=None, converter=_to_day, metadata=declare(Nullable(_DAY), since=2)
    )
    notes: str | None = attrs.field(default=None, metadata=declare(Nullable(Text()), since=2))

    __attrs_post_init__ = rules.checks_pending

    def __str__(self) -> str:
        """The name, the items' ids and how often: one line, for a REPL or a log.

        ``'Hips': 2 items (knees-to-chest, lying-march), 1 session a day, 7 days a week``; the
        weeks when set. ``repr()`` stays attrs' own, faithful to every field.
        """
        count = len(self.items)
        ids = ", ".join(item.exercise.id for item in self.items)
        weeks = "" if self.weeks is None else f", for {self.weeks} week{'s' * (self.weeks != 1)}"
        return (
            f"{self.name!r}: {count} item{'' if count == 1 else 's'} ({ids}), "
            f"{self.frequency}{weeks}"
        )

    @property
    def problems(self) -> tuple[Problem, ...]:
        """The warnings of every item, with paths such as ``/items/0/reps``."""
        return tuple(
            problem
            for index, item in enumerate(self.items)
            for problem in item._problems(("items", index))
        )
