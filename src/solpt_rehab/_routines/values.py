"""A patient's routine: prescribed doses of exercises, and the rules that keep them documented.

The dose rules live here, once: :func:`item_problems` is what :class:`RoutineItem`'s constructor,
the routine builder and the document validator all ask, so the three can never disagree.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Final

import attrs

from .._core.errors import RoutineError
from .._core.problems import Problem, pointer, problem
from .._model import rules
from .._model.rules import FLOAT_MAX, ArrayOf, Nullable, Number, Part, Text, declare
from .._model.values import (
    CountingRule,
    Exercise,
    Hold,
    Laterality,
    RepetitionScheme,
    Step,
    StepKind,
    _Choice,
    _choice,
    _instance_of,
    _optional_text,
    format_number,
    unicode_requirement,
)

if TYPE_CHECKING:  # the timeline depends on the routine, not the other way round
    from .timing import Cue, SessionDuration

__all__ = [
    "IMPLAUSIBLE_OPEN_ENDED_FACTOR",
    "STAND_IN",
    "Frequency",
    "Routine",
    "RoutineItem",
    "Side",
    "default_hold_seconds",
    "default_reps",
    "default_side",
    "earlier_with_id",
    "id_conflicts",
    "item_problems",
]

#: An open-ended count ("at least 3") prescribed above this many times its lower bound is legal
#: but suspect: the validator warns (code ``reps-implausibly-high``).
IMPLAUSIBLE_OPEN_ENDED_FACTOR: Final = 3


class Side(_Choice):
    """The side a routine item works, or leads with.

    For an :attr:`~Laterality.AFFECTED_SIDE` exercise it is the painful side (``LEFT`` or
    ``RIGHT``, required). For a :attr:`~Laterality.BILATERAL` exercise it is ``BOTH``. For
    two-sided work (alternating, each side) ``LEFT`` or ``RIGHT`` names the side that goes first and
    ``BOTH`` leaves the library's default, the right side first, as the source's lying march does.

    .. versionadded:: 0.1.0
    """

    LEFT = "left"
    RIGHT = "right"
    BOTH = "both"


def _to_side(value: Side | str) -> Side:
    return _choice(Side, value, "side")


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


# -- defaults -------------------------------------------------------------------------------------


def default_hold_seconds(exercise: Exercise) -> float | None:
    """The hold a routine prescribes when the clinician gives none: the documented minimum.

    The lower bound is the conservative start: it is documented, and it is the least load the
    source asks for. ``None`` for an exercise without a hold.
    """
    return None if exercise.hold is None else exercise.hold.min_seconds


def default_reps(exercise: Exercise) -> int:
    """The repetitions a routine prescribes when the clinician gives none: the documented least."""
    return exercise.repetitions.min_reps


def default_side(exercise: Exercise) -> Side | None:
    """The side a routine uses when the clinician gives none.

    ``BOTH`` for bilateral and two-sided work; ``None`` for an affected-side exercise, which has
    no default: only the clinician knows which side hurts.
    """
    return None if exercise.laterality is Laterality.AFFECTED_SIDE else Side.BOTH


# -- the dose rules -------------------------------------------------------------------------------


def _number_problem(value: object, where: str, field: str, *, whole: bool) -> Problem | None:
    """A problem with a number's type or sign, or ``None`` when it is a usable number."""
    kind = "a whole number" if whole else "a number"
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return problem(where, "wrong-type", f"{field!r} must be {kind}: {value!r}")
    if isinstance(value, float) and not math.isfinite(value):  # an int is always finite
        return problem(where, "not-finite", f"{field!r} must be finite: {value!r}")
    if whole and not isinstance(value, int):
        return problem(where, "fractional", f"{field!r} must be a whole number: {value!r}")
    if value <= 0:
        return problem(where, "not-positive", f"{field!r} must be > 0: {value!r}")
    return None


#: The codes :func:`item_problems` gives about a value's type, whatever the exercise: the problems
#: that an item of an unknown exercise can still be checked for, by the builder and the validator.
TYPE_CODES: Final = frozenset(
    {
        "wrong-type",
        "not-finite",
        "fractional",
        "not-positive",
        "bad-enum",
        "empty-text",
        "invalid-unicode",
    }
)


def _stand_in() -> Exercise:
    """An exercise that accepts every well-typed dose, to check a dose's types alone."""
    return Exercise(
        id="stand-in",
        name="stand-in",
        steps=(Step(text="stand-in", kind=StepKind.HOLD),),
        hold=Hold(min_seconds=5e-324, max_seconds=FLOAT_MAX),
        repetitions=RepetitionScheme(
            min_reps=1, laterality=Laterality.EACH_SIDE, counting=CountingRule.TOTAL
        ),
    )


#: An exercise that accepts every well-typed dose: the builder and the validator check the dose
#: of an unknown exercise against it, keeping only the problems of :data:`TYPE_CODES`.
STAND_IN: Final = _stand_in()


def item_problems(
    exercise: Exercise,
    *,
    hold_seconds: object,
    reps: object,
    side: object,
    deviation: object,
    at: Iterable[str | int] = (),
) -> Iterator[Problem]:
    """Yield every problem with one prescribed dose of ``exercise``, errors and warnings.

    The values are checked as given (any Python value), so that a builder or a validator can
    report a bool, NaN or a string as a problem instead of raising.

    Args:
        exercise: The exercise the dose is for.
        hold_seconds: The prescribed hold, or ``None``.
        reps: The prescribed repetitions.
        side: The side, as a :class:`Side`, its string value, or ``None``.
        deviation: The clinician's recorded reason for departing from the documented range, or
            ``None``. With a reason, a dose outside its range is a ``deviation`` warning instead of
            an error.
        at: The reference tokens of the item, such as ``("items", 2)``; problem paths are JSON
            Pointers below it.

    Yields:
        :class:`Problem` values, in field order.
    """
    base = tuple(at)

    def path(field: str) -> str:
        return pointer(*base, field)

    reason = deviation if isinstance(deviation, str) and deviation.strip() else None
    invalid = None if reason is None else unicode_requirement(reason)
    if invalid is not None:  # not a reason that can be written down: as good as none
        yield problem(
            path("deviation"), "invalid-unicode", f"'deviation' must {invalid}: {reason!r}"
        )
        reason = None
    elif deviation is not None and reason is None:
        yield problem(
            path("deviation"),
            "wrong-type" if not isinstance(deviation, str) else "empty-text",
            f"'deviation' must be a reason in words, or None: {deviation!r}",
        )
    found = [
        *_hold_problems(exercise, hold_seconds, reason, path("hold_seconds")),
        *_reps_problems(exercise, reps, reason, path("reps")),
    ]
    yield from found
    yield from _side_problems(exercise, side, path("side"))
    if reason is not None and not any(problem.code == "deviation" for problem in found):
        yield problem(
            path("deviation"),
            "deviation",
            f"a deviation is recorded although every dose is inside its documented range: "
            f"{reason!r}",
        )


def _outside(where: str, code: str, text: str, value: object, reason: str | None) -> Problem:
    """An out-of-range dose: an error, or a ``deviation`` warning when a reason is recorded."""
    if reason is None:
        return problem(where, code, f"{text}: {value!r}")
    return problem(
        where, "deviation", f"{text}, accepted as a recorded deviation ({reason!r}): {value!r}"
    )


def _hold_problems(
    exercise: Exercise, hold_seconds: object, reason: str | None, where: str
) -> Iterator[Problem]:
    if hold_seconds is None:
        return
    bad = _number_problem(hold_seconds, where, "hold_seconds", whole=False)
    if bad is not None:
        yield bad
    elif exercise.hold is None:
        yield problem(
            where,
            "hold-not-documented",
            f"{exercise.id!r} has no documented hold to prescribe: {hold_seconds!r}",
        )
    elif hold_seconds not in exercise.hold:
        text = f"'hold_seconds' is outside the documented {exercise.hold} of {exercise.id!r}"
        yield _outside(where, "hold-out-of-range", text, hold_seconds, reason)


def _reps_problems(
    exercise: Exercise, reps: object, reason: str | None, where: str
) -> Iterator[Problem]:
    scheme = exercise.repetitions
    bad = _number_problem(reps, where, "reps", whole=True)
    if bad is not None:
        yield bad
    elif reps not in scheme:
        text = f"'reps' is outside the documented {scheme.range_text} of {exercise.id!r}"
        yield _outside(where, "reps-out-of-range", text, reps, reason)
    elif scheme.open_ended and reps > IMPLAUSIBLE_OPEN_ENDED_FACTOR * scheme.min_reps:  # type: ignore[operator]
        yield problem(
            where,
            "reps-implausibly-high",
            f"'reps' is more than {IMPLAUSIBLE_OPEN_ENDED_FACTOR} times the documented minimum "
            f"of {exercise.id!r} ({scheme.range_text}): {reps!r}",
        )


def _side_problems(exercise: Exercise, side: object, where: str) -> Iterator[Problem]:
    laterality = exercise.laterality
    if side is None:
        if laterality is Laterality.AFFECTED_SIDE:
            yield problem(
                where,
                "side-missing",
                f"{exercise.id!r} works the painful side only; 'side' must be 'left' or 'right': "
                "None",
            )
        return
    try:
        chosen = _to_side(side)  # type: ignore[arg-type]
    except ValueError:
        allowed = ", ".join(repr(member.value) for member in Side)
        yield problem(where, "bad-enum", f"'side' must be one of {allowed}: {side!r}")
        return
    if laterality is Laterality.AFFECTED_SIDE and chosen is Side.BOTH:
        yield problem(
            where,
            "side-not-allowed",
            f"{exercise.id!r} works the painful side only; prescribe one item per painful side: "
            f"{chosen.value!r}",
        )
    elif laterality is Laterality.BILATERAL and chosen is not Side.BOTH:
        yield problem(
            where,
            "side-not-allowed",
            f"{exercise.id!r} works both sides together; 'side' must be 'both' or None: "
            f"{chosen.value!r}",
        )


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


def id_conflicts(exercises: Iterable[Exercise]) -> Iterator[tuple[int, int]]:
    """Find the exercises whose id an earlier, different exercise has, in a routine's item order.

    One routine holds one exercise per id: its document refers to an exercise by id, so two
    different exercises under one id could not be written and read back. The same exercise (an
    equal value) may come back any number of times, say once per painful side.

    Yields:
        ``(index, first)`` for each exercise that differs from the one first seen with its id, at
        ``first``.
    """
    seen: dict[str, tuple[int, Exercise]] = {}
    for index, exercise in enumerate(exercises):
        first = earlier_with_id(seen, index, exercise)
        if first is not None:
            yield index, first


def earlier_with_id(
    seen: dict[str, tuple[int, Exercise]], index: int, exercise: Exercise
) -> int | None:
    """The index of the first exercise seen with ``exercise``'s id when it is a different one.

    ``seen`` maps each id met so far to the first index and exercise with it; ``exercise`` (at
    ``index``) is added when its id is new.
    """
    first, earlier = seen.setdefault(exercise.id, (index, exercise))
    return None if earlier is exercise or earlier == exercise else first


def id_conflict_problem(at: Iterable[str | int], first: int, identifier: str) -> Problem:
    """The ``duplicate-id`` error of an exercise whose id names another one at ``items[first]``.

    ``at`` is where the id stands: ``("items", 2, "exercise", "id")``, or the item's
    ``exercise`` when that was given as an id.
    """
    tokens = tuple(at)
    return problem(
        pointer(*tokens),
        "duplicate-id",
        f"{tokens[-1]!r} names a different exercise in items[{first}] already; give each "
        f"exercise its own id: {identifier!r}",
    )


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

    __attrs_post_init__ = rules.checks_pending

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
