"""The dose rules: what makes one prescribed dose of an exercise documented, and its defaults.

The rules live here, once: :func:`item_problems` is what :class:`~solpt_rehab.RoutineItem`'s
constructor, the routine builder and the document validator all ask, so the three can never
disagree. The module knows exercises and doses, not routines: the routine's values import it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, Final, Protocol

import attrs

from .._core.problems import Problem, pointer, problem
from .._model import rules
from .._model.rules import (
    FLOAT_MAX,
    Number,
    Part,
    boolean_note,
    control_requirement,
    show,
    unicode_requirement,
)
from .._model.values import (
    CountingRule,
    Exercise,
    Hold,
    Laterality,
    Load,
    RepetitionScheme,
    Sets,
    Step,
    StepKind,
    StrChoice,
    TimedWork,
)

__all__ = [
    "DOSE_FIELDS",
    "IMPLAUSIBLE_OPEN_ENDED_FACTOR",
    "TYPE_CODES",
    "Side",
    "default_hold_seconds",
    "default_load",
    "default_reps",
    "default_sets",
    "default_side",
    "default_work_seconds",
    "earlier_with_id",
    "id_conflict_problem",
    "id_conflicts",
    "item_problems",
    "number_problem",
    "sets_played",
    "stand_in",
    "to_side",
    "with_defaults",
]

#: An open-ended count ("at least 3") prescribed above this many times its lower bound is legal
#: but suspect: the validator warns (code ``reps-implausibly-high``).
IMPLAUSIBLE_OPEN_ENDED_FACTOR: Final = 3


class Side(StrChoice):
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


def to_side(value: Side | str) -> Side:
    """A :class:`Side` from itself or its value (``"left"``); an item's ``side`` converter."""
    return rules.convert_member(Side, value, "side")  # type: ignore[no-any-return]


# -- defaults -------------------------------------------------------------------------------------


def default_hold_seconds(exercise: Exercise) -> float | None:
    """The hold a routine prescribes when the clinician gives none: the documented minimum.

    The lower bound is the conservative start: it is documented, and it is the least load the
    source asks for. ``None`` for an exercise without a hold.
    """
    return None if exercise.hold is None else exercise.hold.min_seconds


def default_reps(exercise: Exercise) -> int | None:
    """The repetitions a routine prescribes when the clinician gives none: the documented least.

    ``None`` when the source states no lower bound (no count, or "up to 10"): nothing is
    invented, and the clinician must choose (``reps-not-stated``).
    """
    return exercise.repetitions.min_reps


def default_sets(exercise: Exercise) -> int | None:
    """The sets a routine prescribes when the clinician gives none: the documented least.

    ``None`` for an exercise that states no sets: its repetitions are done once.
    """
    return None if exercise.sets is None else exercise.sets.min_sets


def default_work_seconds(exercise: Exercise) -> float | None:
    """The timed work a routine prescribes when the clinician gives none: the documented least."""
    return None if exercise.timed_work is None else exercise.timed_work.min_seconds


def default_load(exercise: Exercise) -> Load | None:
    """The load a routine prescribes when the clinician gives none: the documented one, its least.

    A weight documented as a range ("1 to 2 kg") starts at its lower end; any other load is
    prescribed as documented. ``None`` when the source names no load.
    """
    load = exercise.load
    if load is None or load.min_amount is None:
        return load
    return attrs.evolve(load, max_amount=load.min_amount)


def default_side(exercise: Exercise) -> Side | None:
    """The side a routine uses when the clinician gives none.

    ``BOTH`` for bilateral and two-sided work; ``None`` for an affected-side exercise, which has
    no default: only the clinician knows which side hurts.
    """
    return None if exercise.laterality is Laterality.AFFECTED_SIDE else Side.BOTH


#: The fields of one prescribed dose, as :func:`item_problems` takes them (by keyword) and as a
#: routine item and the builder hold them: the one list the callers build their arguments from.
DOSE_FIELDS: Final = ("hold_seconds", "reps", "side", "deviation", "sets", "work_seconds", "load")

_DEFAULTS: Final[dict[str, Callable[[Exercise], object]]] = {
    "hold_seconds": default_hold_seconds,
    "reps": default_reps,
    "side": default_side,
    "sets": default_sets,
    "work_seconds": default_work_seconds,
    "load": default_load,
}


def with_defaults(exercise: Exercise, given: Mapping[str, Any]) -> dict[str, Any]:
    """The dose ``given`` (by :data:`DOSE_FIELDS`), each field left out taking its default.

    A field is left out when it is ``None``; the defaults are the ``default_*`` functions above.
    """
    return {
        name: _DEFAULTS[name](exercise) if value is None and name in _DEFAULTS else value
        for name, value in given.items()
    }


# -- the dose rules -------------------------------------------------------------------------------


_SECONDS: Final = Number()
_COUNT: Final = Number(whole=True)


def number_problem(value: object, where: str, field: str, *, whole: bool) -> Problem | None:
    """A problem with a number, by the model's spec of seconds or counts, or ``None``."""
    found = (_COUNT if whole else _SECONDS).problem(value, field)
    return None if found is None else problem(where, *found)


#: The codes :func:`item_problems` gives about a value's type, whatever the exercise: the problems
#: that an item of an unknown exercise can still be checked for, by the builder and the validator.
TYPE_CODES: Final = frozenset(
    {
        "wrong-type",
        "not-finite",
        "number-too-large",
        "fractional",
        "not-positive",
        "bad-enum",
        "empty-text",
        "invalid-unicode",
        "control-character",
    }
)


@functools.cache
def stand_in() -> Exercise:
    """An exercise that accepts every well-typed dose, made once, on first use.

    The builder and the validator check the dose of an unknown exercise against it, keeping only
    the problems of :data:`TYPE_CODES`.
    """
    return Exercise(
        id="stand-in",
        name="stand-in",
        steps=(Step(text="stand-in", kind=StepKind.HOLD),),
        hold=Hold(min_seconds=5e-324, max_seconds=FLOAT_MAX),
        repetitions=RepetitionScheme(
            min_reps=1, laterality=Laterality.EACH_SIDE, counting=CountingRule.TOTAL
        ),
        sets=Sets(min_sets=1),
        timed_work=TimedWork(min_seconds=5e-324, max_seconds=FLOAT_MAX),
    )


def item_problems(
    exercise: Exercise,
    *,
    hold_seconds: object,
    reps: object,
    side: object,
    deviation: object,
    sets: object = None,
    work_seconds: object = None,
    load: object = None,
    at: Iterable[str | int] = (),
) -> Iterator[Problem]:
    """Yield every problem with one prescribed dose of ``exercise``, errors and warnings.

    The values are checked as given (any Python value), so that a builder or a validator can
    report a bool, NaN or a string as a problem instead of raising.

    Args:
        exercise: The exercise the dose is for.
        hold_seconds: The prescribed hold, or ``None``.
        reps: The prescribed repetitions; ``None`` is a problem (``reps-not-stated`` when the
            source states no lower bound to start from).
        side: The side, as a :class:`Side`, its string value, or ``None``.
        deviation: The clinician's recorded reason for departing from the documented range, or
            ``None``. With a reason, a dose outside its range is a ``deviation`` warning instead of
            an error.
        sets: The prescribed sets, or ``None`` (the documented least; one set when none is
            documented).
        work_seconds: The prescribed timed work in seconds, or ``None``.
        load: The prescribed :class:`~solpt_rehab.Load`, or ``None``.
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
    code = "invalid-unicode"
    if invalid is None and reason is not None:
        invalid, code = control_requirement(reason), "control-character"
    if invalid is not None:  # not a reason that can be written down: as good as none
        yield problem(path("deviation"), code, f"'deviation' must {invalid}: {show(reason)}")
        reason = None
    elif deviation is not None and reason is None:
        yield problem(
            path("deviation"),
            "wrong-type" if not isinstance(deviation, str) else "empty-text",
            f"'deviation' must be a reason in words, or null: {show(deviation)}"
            f"{boolean_note(deviation)}",
        )
    found = [
        *_hold_problems(exercise, hold_seconds, reason, path("hold_seconds")),
        *_reps_problems(exercise, reps, reason, path("reps")),
        *_sets_problems(exercise, sets, reason, path("sets")),
        *_work_problems(exercise, work_seconds, reason, path("work_seconds")),
        *_load_problems(exercise, load, reason, path("load")),
    ]
    yield from found
    yield from _side_problems(exercise, side, path("side"))
    if reason is not None and not any(problem.code == "deviation" for problem in found):
        yield problem(
            path("deviation"),
            "deviation",
            f"a deviation is recorded although every dose is inside its documented range: "
            f"{show(reason)}",
        )


def _outside(where: str, code: str, text: str, value: object, reason: str | None) -> Problem:
    """An out-of-range dose: an error, or a ``deviation`` warning when a reason is recorded."""
    if reason is None:
        return problem(where, code, f"{text}: {show(value)}")
    return problem(
        where,
        "deviation",
        f"{text}, accepted as a recorded deviation ({show(reason)}): {show(value)}",
    )


def _hold_problems(
    exercise: Exercise, hold_seconds: object, reason: str | None, where: str
) -> Iterator[Problem]:
    return _seconds_problems(exercise, exercise.hold, "hold", hold_seconds, reason=reason, at=where)


def _work_problems(
    exercise: Exercise, work_seconds: object, reason: str | None, where: str
) -> Iterator[Problem]:
    return _seconds_problems(
        exercise, exercise.timed_work, "work", work_seconds, reason=reason, at=where
    )


_WHAT: Final = {"hold": "hold", "work": "timed work"}


def _seconds_problems(
    exercise: Exercise,
    documented: Hold | TimedWork | None,
    name: str,
    seconds: object,
    *,
    reason: str | None,
    at: str,
) -> Iterator[Problem]:
    """The problems of a prescribed hold or timed work (``name``), against the documented range."""
    if seconds is None:
        return
    field = f"{name}_seconds"
    bad = number_problem(seconds, at, field, whole=False)
    if bad is not None:
        yield bad
    elif documented is None:
        yield problem(
            at,
            f"{name}-not-documented",
            f"{exercise.id!r} has no documented {_WHAT[name]} to prescribe: {show(seconds)}",
        )
    elif seconds not in documented:
        text = f"{field!r} is outside the documented {documented} of {exercise.id!r}"
        yield _outside(at, f"{name}-out-of-range", text, seconds, reason)


def _reps_problems(
    exercise: Exercise, reps: object, reason: str | None, where: str
) -> Iterator[Problem]:
    scheme = exercise.repetitions
    if reps is None and scheme.min_reps is None:
        yield problem(
            where,
            "reps-not-stated",
            f"'reps' must be given: the source of {exercise.id!r} states "
            f"{'no count' if scheme.max_reps is None else 'only an upper bound'} "
            f"({scheme.range_text}): null",
        )
        return
    bad = number_problem(reps, where, "reps", whole=True)
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
            f"of {exercise.id!r} ({scheme.range_text}): {show(reps)}",
        )


def _sets_problems(
    exercise: Exercise, sets: object, reason: str | None, where: str
) -> Iterator[Problem]:
    if sets is None:
        return
    bad = number_problem(sets, where, "sets", whole=True)
    if bad is not None:
        yield bad
    elif exercise.sets is not None and sets not in exercise.sets:
        text = f"'sets' is outside the documented {exercise.sets.range_text} of {exercise.id!r}"
        yield _outside(where, "sets-out-of-range", text, sets, reason)


_LOAD: Final = Part(Load)


def _load_problems(
    exercise: Exercise, load: object, reason: str | None, where: str
) -> Iterator[Problem]:
    if load is None:
        return
    bad = _LOAD.problem(load, "load", nullable=True)
    if bad is not None:
        yield problem(where, *bad)
        return
    assert isinstance(load, Load)  # noqa: S101 - what the spec checked
    documented = exercise.load
    if documented is None:
        return
    if load.kind is not documented.kind:
        text = f"'load' is not the documented {documented.kind.value!r} load of {exercise.id!r}"
    elif documented.level not in (None, load.level):
        text = f"'load' is not the documented {documented} of {exercise.id!r}"
    elif not _within(load, documented):
        text = f"'load' is outside the documented {documented} of {exercise.id!r}"
    else:
        return
    yield _outside(where, "load-out-of-range", text, str(load), reason)


#: How far apart two weights in different units may be and still be called equal, in kg: a
#: pound written with two decimals in kilograms is 0.45 kg (0.0036 kg off).
_WEIGHT_TOLERANCE: Final = 0.005


def _within(load: Load, documented: Load) -> bool:
    """Whether a weight's amounts lie inside the documented amounts (in any unit)."""
    if documented.min_amount is None or documented.max_amount is None:
        return True
    if load.min_amount is None or load.max_amount is None:
        return False
    if load.unit is documented.unit:
        return documented.min_amount <= load.min_amount and load.max_amount <= documented.max_amount
    low, high = documented.kilograms() or (0.0, 0.0)
    least, most = load.kilograms() or (0.0, 0.0)
    return low - _WEIGHT_TOLERANCE <= least and most <= high + _WEIGHT_TOLERANCE


def _side_problems(exercise: Exercise, side: object, where: str) -> Iterator[Problem]:
    laterality = exercise.laterality
    if side is None:
        if laterality is Laterality.AFFECTED_SIDE:
            yield problem(
                where,
                "side-missing",
                f"{exercise.id!r} works the painful side only; 'side' must be 'left' or 'right': "
                "null",
            )
        return
    try:
        chosen = to_side(side)  # type: ignore[arg-type]
    except ValueError:
        allowed = ", ".join(repr(member.value) for member in Side)
        yield problem(
            where, "bad-enum", f"'side' must be one of {allowed}: {show(side)}{boolean_note(side)}"
        )
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
            f"{exercise.id!r} works both sides together; 'side' must be 'both' or null: "
            f"{chosen.value!r}",
        )


# -- one exercise per id --------------------------------------------------------------------------


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
        f"exercise its own id: {show(identifier)}",
    )


class _Prescribed(Protocol):
    """What :func:`sets_played` reads of a routine item."""

    @property
    def exercise(self) -> Exercise: ...

    @property
    def sets(self) -> int | None: ...


def sets_played(item: _Prescribed) -> int:
    """How many sets a session plays of ``item``: the prescribed sets, else the documented least.

    One set when neither the item nor its exercise states any (the repetitions are done once).
    """
    if item.sets is not None:
        return item.sets
    documented = default_sets(item.exercise)
    return 1 if documented is None else documented
