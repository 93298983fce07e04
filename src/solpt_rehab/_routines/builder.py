"""The routine builder: compose a patient's routine in code and learn every problem at once.

:class:`RoutineBuilder` records what it is told and judges it only in :meth:`~RoutineBuilder.build`,
which asks the dose rules of :mod:`solpt_rehab._routines.dose` (:func:`item_problems`), so that the
builder, :class:`~solpt_rehab.RoutineItem` and the document validator cannot disagree.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Final, cast

import attrs

from .. import catalog
from .._core.errors import InvalidValueError, RoutineError
from .._core.problems import Problem, pointer, problem
from .._core.suggest import unknown_id_hint
from .._model.rules import Nullable, Text, fields_of, show
from .._model.values import Exercise, Load
from .dose import (
    DOSE_FIELDS,
    TYPE_CODES,
    Side,
    earlier_with_id,
    id_conflict_problem,
    item_problems,
    stand_in,
    with_defaults,
)
from .values import Frequency, Routine, RoutineItem, dose_and_progression_problems

if TYPE_CHECKING:
    from .progression import Progression

__all__ = ["RoutineBuilder"]

_NOTES: Final = Nullable(Text())


@attrs.frozen(kw_only=True)
class _Entry:
    """One call of :meth:`RoutineBuilder.add`, exactly as it was made."""

    exercise: object
    hold_seconds: object
    reps: object
    side: object
    deviation: object
    sets: object
    work_seconds: object
    load: object
    notes: object
    progression: object


def _exercise_lookup(exercises: object) -> dict[str, Exercise] | None:
    """Copy the ``exercises`` mapping after checking it; ``None`` stands for the catalog."""
    if exercises is None:
        return None
    if not isinstance(exercises, Mapping):
        raise InvalidValueError(f"'exercises' must be a mapping of ids to Exercise: {exercises!r}")
    lookup: dict[str, Exercise] = {}
    for key, exercise in exercises.items():
        if not isinstance(exercise, Exercise):
            raise InvalidValueError(
                f"'exercises' must map ids to Exercise values; {key!r} maps to: {exercise!r}"
            )
        if key != exercise.id:
            raise InvalidValueError(
                f"'exercises' must map each exercise by its own id ({exercise.id!r}): {key!r}"
            )
        lookup[key] = exercise
    return lookup


class RoutineBuilder:
    """Compose a routine item by item, then build it, or learn every problem at once.

    :meth:`add` records an exercise and its dose and returns the builder, so calls chain; it never
    raises for a bad dose. :meth:`build` checks everything with the library's dose rules and
    returns a :class:`~solpt_rehab.Routine`, or raises one :class:`~solpt_rehab.RoutineError`
    listing every error (and warning) of the name, each item, the frequency and the weeks.

    A dose left out takes the conservative start: the documented lower bound of the hold
    (:func:`~solpt_rehab._routines.dose.default_hold_seconds`), the repetitions
    (:func:`~solpt_rehab._routines.dose.default_reps`), the sets, the timed work and a weight's
    amount, and the default side (``BOTH`` for bilateral and two-sided work; none for an
    affected-side exercise, whose painful side only the clinician knows). Where the source states
    no lower bound of the repetitions (no count, or "up to 10"), nothing is invented: the
    clinician must give ``reps`` (``reps-not-stated`` otherwise).

    One routine holds one exercise per id, since its document refers to exercises by id: the same
    exercise may come back in any number of items, but a different exercise under an id that an
    earlier item's exercise has is a ``duplicate-id`` error.

    The builder copies what it is given and never changes it. :meth:`build` does not change the
    builder either: it may be called any number of times, each call returning an equal routine,
    and :meth:`add` may follow it to build a longer routine.

    Args:
        name: What the routine is called; not empty.
        sessions_per_day: Sessions in a day; a whole number > 0.
        days_per_week: Days in a week with sessions; a whole number from 1 to 7.
        weeks: The programme's length in weeks (a whole number > 0), or ``None`` when open.
        start: The day the programme starts (a :class:`datetime.date` or ``"YYYY-MM-DD"``), or
            ``None``.
        notes: Notes for the patient about the whole routine, or ``None``.
        exercises: The exercises that ids given to :meth:`add` refer to, keyed by their own ids;
            ``None`` (the default) means the built-in :mod:`solpt_rehab.catalog`. Given, it
            replaces the catalog; merge the two to use both. :class:`~solpt_rehab.Exercise`
            values passed to :meth:`add` need no lookup.

    Raises:
        InvalidValueError: When ``exercises`` is not a mapping of ids to
            :class:`~solpt_rehab.Exercise` values, each under its own id. (The name, the frequency
            and the weeks are checked by :meth:`build`, with the rest.)

    Example::

        >>> from solpt_rehab import RoutineBuilder
        >>> routine = (
        ...     RoutineBuilder("left hip", days_per_week=5)
        ...     .add("figure-4-stretch", side="left")
        ...     .add("knees-to-chest", hold_seconds=25)
        ...     .build()
        ... )
        >>> [(item.exercise.id, item.hold_seconds, item.reps) for item in routine.items]
        [('figure-4-stretch', 15, 3), ('knees-to-chest', 25, 3)]

    .. versionadded:: 0.1.0
    """

    __slots__ = (
        "_days_per_week",
        "_entries",
        "_lookup",
        "_name",
        "_notes",
        "_sessions_per_day",
        "_start",
        "_weeks",
    )

    def __init__(
        self,
        name: str,
        *,
        sessions_per_day: int = 1,
        days_per_week: int = 7,
        weeks: int | None = None,
        start: datetime.date | str | None = None,
        notes: str | None = None,
        exercises: Mapping[str, Exercise] | None = None,
    ) -> None:
        self._name: object = name
        self._sessions_per_day: object = sessions_per_day
        self._days_per_week: object = days_per_week
        self._weeks: object = weeks
        self._start: object = start
        self._notes: object = notes
        self._lookup = _exercise_lookup(exercises)
        self._entries: list[_Entry] = []

    def __repr__(self) -> str:
        return f"RoutineBuilder({self._name!r}, items={len(self._entries)})"

    def add(
        self,
        exercise_or_id: Exercise | str,
        *,
        hold_seconds: float | None = None,
        reps: int | None = None,
        side: Side | str | None = None,
        deviation: str | None = None,
        sets: int | None = None,
        work_seconds: float | None = None,
        load: Load | None = None,
        notes: str | None = None,
        progression: Progression | Iterable[Progression] = (),
    ) -> RoutineBuilder:
        """Add an exercise with its dose as the routine's next item; nothing is checked yet.

        Args:
            exercise_or_id: An :class:`~solpt_rehab.Exercise`, or the id of one in the builder's
                exercises (the catalog by default).
            hold_seconds: The hold in seconds; ``None`` for the documented minimum (or no hold,
                for an exercise without one).
            reps: The repetitions, read by the exercise's counting rule; ``None`` for the
                documented minimum.
            side: A :class:`~solpt_rehab.Side` or its value (``"left"``, ``"right"``,
                ``"both"``): the painful side for an affected-side exercise (required there), the
                leading side for two-sided work; ``None`` for the default.
            deviation: The clinician's reason for a dose outside the documented range; with it
                such a dose builds, is recorded on the item and is reported as a warning.
            sets: The sets; ``None`` for the documented minimum (one set, for an exercise that
                documents none).
            work_seconds: The timed work in seconds; ``None`` for the documented minimum (or
                none, for an exercise without timed work).
            load: A :class:`~solpt_rehab.Load`; ``None`` for the documented load at its least.
            notes: Notes for the patient about this exercise.
            progression: A :class:`~solpt_rehab.Progression` or a sequence of them (one per
                dose): the rules that raise the dose over the weeks. A rule whose cap lies
                beyond the documented range builds only with a ``deviation``.

        Returns:
            This builder, for chaining.

        .. versionchanged:: 0.2.0 ``progression``.
        """
        self._entries.append(
            _Entry(
                exercise=exercise_or_id,
                hold_seconds=hold_seconds,
                reps=reps,
                side=side,
                deviation=deviation,
                sets=sets,
                work_seconds=work_seconds,
                load=load,
                notes=notes,
                # A copy: a list changed after this call does not change the routine.
                progression=(
                    tuple(progression)
                    if isinstance(progression, Iterable)
                    and not isinstance(progression, (str, bytes, dict))
                    else progression
                ),
            )
        )
        return self

    @property
    def problems(self) -> tuple[Problem, ...]:
        """Every problem :meth:`build` would report, errors and warnings, without raising.

        In document order: ``/name``, then each item (``/items/2/reps``), then
        ``/frequency/...`` and ``/weeks``.
        """
        return tuple(self._check()[0])

    def build(self) -> Routine:
        """Check everything recorded and return the routine.

        Returns:
            The :class:`~solpt_rehab.Routine`; its warnings (a recorded deviation, an implausibly
            high count) stay available as :attr:`Routine.problems <solpt_rehab.Routine.problems>`.

        Raises:
            RoutineError: (a :class:`ValueError`) when anything is wrong; its ``problems`` list
                every error and warning found, each with its path, such as ``/items/2/reps``.
        """
        problems, items = self._check()
        if any(problem.is_error for problem in problems):
            count = sum(problem.is_error for problem in problems)
            raise RoutineError(
                f"routine {self._name!r} cannot be built; {count} error"
                f"{'' if count == 1 else 's'}:",
                problems,
            )
        # Without an error, every value has the type its field wants.
        return Routine(
            name=cast("str", self._name),
            items=tuple(item for item in items if item is not None),
            frequency=Frequency(
                sessions_per_day=cast("int", self._sessions_per_day),
                days_per_week=cast("int", self._days_per_week),
            ),
            weeks=cast("int | None", self._weeks),
            start=cast("datetime.date | str | None", self._start),
            notes=cast("str | None", self._notes),
        )

    # -- the checks -------------------------------------------------------------------------------

    def _check(self) -> tuple[list[Problem], list[RoutineItem | None]]:
        """Every problem in document order, and each item (``None`` where it has an error)."""
        problems = list(_declared_problems(Routine, ("name",), self._name))
        items: list[RoutineItem | None] = []
        if not self._entries:
            problems.extend(_declared_problems(Routine, ("items",), ()))
        first_by_id: dict[str, tuple[int, Exercise]] = {}
        for index, entry in enumerate(self._entries):
            found, item = self._item(index, entry, first_by_id)
            problems.extend(found)
            items.append(item)
        problems.extend(
            _declared_problems(Frequency, ("frequency", "sessions_per_day"), self._sessions_per_day)
        )
        problems.extend(
            _declared_problems(Frequency, ("frequency", "days_per_week"), self._days_per_week)
        )
        for key in ("weeks", "start", "notes"):
            problems.extend(_declared_problems(Routine, (key,), getattr(self, f"_{key}")))
        return problems, items

    def _item(
        self, index: int, entry: _Entry, first_by_id: dict[str, tuple[int, Exercise]]
    ) -> tuple[list[Problem], RoutineItem | None]:
        """The problems of one entry, and its item when it has no error.

        ``first_by_id`` maps each id met so far to the first item and exercise it named: one
        routine holds one exercise per id (see :func:`~solpt_rehab._routines.dose.id_conflicts`).
        """
        at = ("items", index)
        at_id = (*at, "exercise")
        exercise, unresolved = self._resolve(entry.exercise, pointer(*at_id))
        given = {name: getattr(entry, name) for name in DOSE_FIELDS}
        if exercise is None:
            # Without an exercise only the types of the dose can be checked.
            found = [
                found_problem
                for found_problem in item_problems(
                    stand_in(),
                    **{**given, "reps": 1 if entry.reps is None else entry.reps},
                    at=at,
                )
                if found_problem.code in TYPE_CODES
            ]
            rules_given = _progression(entry.progression, at)
            if isinstance(rules_given, Problem):
                found.append(rules_given)
            return [unresolved, *found] if unresolved is not None else found, None
        dose = with_defaults(exercise, given)
        notes = _NOTES.problem(entry.notes, "notes", nullable=True)
        found = [] if notes is None else [problem((*at, "notes"), *notes)]
        first = earlier_with_id(first_by_id, index, exercise)
        if first is not None:
            # Where the id stands: in the Exercise given, or the id given for the exercise.
            where = (*at, "exercise", "id") if isinstance(entry.exercise, Exercise) else at_id
            found.append(id_conflict_problem(where, first, exercise.id))
        rules_given = _progression(entry.progression, at)
        if isinstance(rules_given, Problem):
            found.extend(item_problems(exercise, **dose, at=at))
            found.append(rules_given)
            return found, None
        found.extend(dose_and_progression_problems(exercise, dose, rules_given, at))
        if any(found_problem.is_error for found_problem in found):
            return found, None
        # Without an error, item_problems has checked every value's type.
        item = RoutineItem(
            exercise=exercise,
            **dose,
            notes=cast("str | None", entry.notes),
            progression=rules_given,
        )
        return found, item

    def _resolve(self, given: object, where: str) -> tuple[Exercise | None, Problem | None]:
        """The exercise an entry names, or the problem that stops it from naming one."""
        if isinstance(given, Exercise):
            return given, None
        if not isinstance(given, str):
            return None, problem(
                where,
                "wrong-type",
                f"'exercise' must be an Exercise or an exercise id: {show(given)}",
            )
        if self._lookup is None:
            if given in catalog.ids():
                return catalog.get(given), None
            known = catalog.ids()
        elif given in self._lookup:
            return self._lookup[given], None
        else:
            known = tuple(self._lookup)
        hint = unknown_id_hint(given, known)
        return None, problem(where, "unknown-exercise", f"unknown exercise id ({hint}): {given!r}")


def _progression(given: object, at: tuple[str | int, ...]) -> tuple[Progression, ...] | Problem:
    """The progression rules given to :meth:`RoutineBuilder.add`, or the problem with them."""
    if given == () or (type(given) is list and not given):
        return ()
    from .progression import PROGRESSIONS, Progression  # noqa: PLC0415 - loaded with a rule

    rules_given = given
    if isinstance(given, Progression):
        rules_given = (given,)
    elif isinstance(given, Iterable) and not isinstance(given, (str, bytes, dict)):
        rules_given = tuple(given)
    found = PROGRESSIONS.problem(rules_given, "progression")
    if found is not None:
        return problem((*at, "progression"), *found)
    return rules_given  # type: ignore[return-value]  # what the spec checked


def _declared_problems(cls: type[Any], at: tuple[str, ...], value: object) -> Iterator[Problem]:
    """The problem a value gives as the field ``at[-1]`` of ``cls``, by its declared spec."""
    spec = next(field.spec for field in fields_of(cls) if field.name == at[-1])
    found = spec.problem(value, at[-1])
    if found is not None:
        yield problem(at, *found)
