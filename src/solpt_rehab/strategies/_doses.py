"""Strategies for doses: documented ones, from holds to efforts, and the dose an item prescribes.

A documented dose (an exercise's hold, repetition scheme, sets, timed work and load) and a
prescribed one (a :class:`Dose`, drawn inside the documented dose or, with ``deviations=True``,
outside it) share the same seconds, counts and amounts, so they live together.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Collection
from typing import Final, Literal

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from .._model.values import (
    CountingRule,
    Effort,
    Exercise,
    Hold,
    Laterality,
    Load,
    LoadKind,
    RepetitionScheme,
    Rest,
    Sets,
    TimedWork,
    WeightUnit,
)
from .._routines.dose import DOSE_FIELDS, IMPLAUSIBLE_OPEN_ENDED_FACTOR, Side
from .._routines.timing import Pacing
from .._routines.values import RoutineItem
from ._arguments import (
    check_ordered,
    choices_argument,
    count_argument,
    flag_argument,
    granularity_argument,
    optional_flag_argument,
    rating_argument,
    seconds_argument,
)
from ._cached import BOOLEANS, none_or_sampled, sampled
from ._vocabulary import (
    BAND_LEVELS,
    BAND_TEXTS,
    DESCRIBED_LOADS,
    DEVIATION_REASONS,
    EFFORT_TEXTS,
    REST_NOTES,
    SET_REST_NOTES,
    VAGUE_RESTS,
    WEIGHT_TEXTS,
)

_COUNTING_RULES: Final = tuple(CountingRule)

#: How a message names the seconds of each granularity.
_GRANULARITY_WORDS: Final = {
    "whole": "whole number of seconds",
    "half": "whole or half number of seconds",
    "any": "number of seconds",
}

# -- seconds --------------------------------------------------------------------------------------


def _grid_size(low: float, high: float, granularity: str) -> float:
    """How many distinct values of seconds lie between the bounds (infinity for "any")."""
    if granularity == "any":
        return math.inf if low < high else 1
    scale = 1 if granularity == "whole" else 2
    return max(0, math.floor(high * scale) - math.ceil(low * scale) + 1)


def _seconds(low: float, high: float, granularity: str) -> st.SearchStrategy[float]:
    """Seconds between the bounds: whole seconds first (they shrink best), then the rest.

    The caller makes sure that at least one value lies between the bounds.
    """
    parts: list[st.SearchStrategy[float]] = []
    if math.ceil(low) <= math.floor(high):
        parts.append(st.integers(math.ceil(low), math.floor(high)))
    if granularity == "half" and math.ceil(low - 0.5) <= math.floor(high - 0.5):
        parts.append(
            st.integers(math.ceil(low - 0.5), math.floor(high - 0.5)).map(lambda k: k + 0.5)
        )
    if granularity == "any":
        parts.append(
            st.floats(min_value=low, max_value=high, allow_nan=False, allow_infinity=False)
        )
    return st.one_of(parts)


def _seconds_bounds(
    min_seconds: float, max_seconds: float, granularity: str, *, fixed: bool | None
) -> tuple[float, float, str, bool]:
    """Check the arguments shared by :func:`holds` and :func:`rests`; return them and can_range."""
    low = seconds_argument("min_seconds", min_seconds)
    high = seconds_argument("max_seconds", max_seconds)
    check_ordered("min_seconds", low, "max_seconds", high)
    chosen = granularity_argument(granularity)
    optional_flag_argument("fixed", fixed)
    size = _grid_size(low, high, chosen)
    if size == 0:
        raise InvalidArgument(
            f"no {_GRANULARITY_WORDS[chosen]} lies between min_seconds={low!r} and "
            f"max_seconds={high!r}; widen the bounds or use granularity='any'"
        )
    if fixed is False and size < 2:  # noqa: PLR2004 - a range needs two different ends
        raise InvalidArgument(
            f"fixed=False needs two different values between min_seconds={low!r} and "
            f"max_seconds={high!r} with granularity={chosen!r}"
        )
    return low, high, chosen, size >= 2  # noqa: PLR2004


@st.composite
def _ranges(
    draw: st.DrawFn, seconds: st.SearchStrategy[float], *, fixed: bool | None, can_range: bool
) -> tuple[float, float]:
    """Two ends of a range of seconds, equal unless the range is drawn (shrinks to equal)."""
    first = draw(seconds)
    ranged = (not fixed) if fixed is not None else (can_range and draw(BOOLEANS))
    if not ranged:
        return first, first
    second = draw(seconds.filter(lambda value: value != first))
    return min(first, second), max(first, second)


def holds(
    min_seconds: float = 1,
    max_seconds: float = 120,
    *,
    fixed: bool | None = None,
    granularity: Literal["whole", "half", "any"] = "half",
) -> st.SearchStrategy[Hold]:
    """Generate documented holds whose both ends lie between ``min_seconds`` and ``max_seconds``.

    Values shrink toward a fixed hold of the fewest whole seconds.

    Args:
        min_seconds: The shortest end any hold may have; a finite number > 0.
        max_seconds: The longest end any hold may have; >= ``min_seconds``.
        fixed: ``True`` for fixed holds only (both ends equal), ``False`` for ranges only,
            ``None`` for both.
        granularity: ``"whole"`` for whole seconds only (``int``), ``"half"`` for whole or half
            seconds (``15``, ``2.5``), ``"any"`` for any finite number, as a round trip through a
            serializer needs.

    Returns:
        A strategy of :class:`~solpt_rehab.Hold` values.

    Raises:
        InvalidArgument: For bounds that are not finite numbers > 0, a maximum below the minimum,
            an unknown granularity, bounds with no value of that granularity between them, or
            ``fixed=False`` with room for only one value.

    .. versionadded:: 0.1.0
    """
    low, high, chosen, can_range = _seconds_bounds(
        min_seconds, max_seconds, granularity, fixed=fixed
    )
    return _ranges(_seconds(low, high, chosen), fixed=fixed, can_range=can_range).map(
        lambda ends: Hold(min_seconds=ends[0], max_seconds=ends[1])
    )


@st.composite
def _rests(
    draw: st.DrawFn, ranges: st.SearchStrategy[tuple[float, float]], *, quantified: bool | None
) -> Rest:
    counted = quantified if quantified is not None else draw(BOOLEANS)
    if not counted:
        return Rest(text=draw(sampled(VAGUE_RESTS)))
    low, high = draw(ranges)
    note = draw(none_or_sampled(REST_NOTES))
    return Rest(min_seconds=low, max_seconds=high, text=note)


def rests(
    min_seconds: float = 1,
    max_seconds: float = 120,
    *,
    quantified: bool | None = None,
    fixed: bool | None = None,
    granularity: Literal["whole", "half", "any"] = "half",
) -> st.SearchStrategy[Rest]:
    """Generate rests between repetitions: ranges of seconds, or documented only in words.

    A quantified rest lies between the bounds and may carry a note (``"between repetitions"``);
    an unquantified one has only words, such as ``"a few seconds"``, and no number. Values shrink
    toward ``"a few seconds"``, the source's own unquantified rest, and quantified ones toward a
    fixed rest of the fewest whole seconds.

    Args:
        min_seconds: The shortest end a quantified rest may have; a finite number > 0.
        max_seconds: The longest end a quantified rest may have; >= ``min_seconds``.
        quantified: ``True`` for rests with seconds only, ``False`` for rests in words only,
            ``None`` for both.
        fixed: As for :func:`holds`, for the quantified rests.
        granularity: As for :func:`holds`.

    Returns:
        A strategy of :class:`~solpt_rehab.Rest` values.

    Raises:
        InvalidArgument: For the reasons :func:`holds` gives, or a ``quantified`` that is not a
            bool or ``None``.

    .. versionadded:: 0.1.0
    """
    low, high, chosen, can_range = _seconds_bounds(
        min_seconds, max_seconds, granularity, fixed=fixed
    )
    optional_flag_argument("quantified", quantified)
    ranges = _ranges(_seconds(low, high, chosen), fixed=fixed, can_range=can_range)
    return _rests(ranges, quantified=quantified)


# -- repetitions ----------------------------------------------------------------------------------


@st.composite
def _repetition_schemes(
    draw: st.DrawFn,
    counts: st.SearchStrategy[int],
    shapes: tuple[str, ...],
    lateralities: tuple[Laterality, ...],
    rest_strategy: st.SearchStrategy[Rest | None],
) -> RepetitionScheme:
    first = draw(counts)  # drawn for every shape, so that none is cheaper than a fixed count
    shape = draw(sampled(shapes))
    min_reps: int | None
    max_reps: int | None
    if shape == "open":
        min_reps, max_reps = first, None
    elif shape == "range":
        second = draw(counts.filter(lambda count: count != first))
        min_reps, max_reps = min(first, second), max(first, second)
    elif shape == "up-to":
        min_reps, max_reps = None, first
    elif shape == "unstated":
        min_reps, max_reps = None, None
    else:
        min_reps, max_reps = first, first
    laterality = draw(sampled(lateralities))
    counting = draw(sampled(_COUNTING_RULES)) if laterality.two_sided else None
    rest = draw(rest_strategy)
    return RepetitionScheme(
        min_reps=min_reps, max_reps=max_reps, laterality=laterality, counting=counting, rest=rest
    )


def _count_shapes(
    low: int, high: int, *, open_ended: bool | None, up_to: bool | None, stated: bool | None
) -> tuple[str, ...]:
    """The shapes of count the flags allow, the simplest first; refuse flags that allow none."""
    flags = {"open_ended": open_ended, "up_to": up_to, "stated": stated}
    for name, value in flags.items():
        optional_flag_argument(name, value)
    bounded = not open_ended and not up_to and stated is not False
    shapes = tuple(
        shape
        for shape, allowed in (
            ("fixed", bounded),
            ("range", bounded and high > low),
            ("open", open_ended is not False and not up_to and stated is not False),
            ("up-to", up_to is not False and not open_ended and stated is not False),
            ("unstated", stated is not True and not open_ended and not up_to),
        )
        if allowed
    )
    if not shapes:
        given = ", ".join(f"{name}={value!r}" for name, value in flags.items() if value is not None)
        raise InvalidArgument(f"{given} leave no shape of count to draw")
    return shapes


def repetition_schemes(
    min_reps: int = 1,
    max_reps: int = 30,
    *,
    laterality: Laterality | str | Collection[Laterality | str] | None = None,
    open_ended: bool | None = None,
    up_to: bool | None = None,
    stated: bool | None = None,
    with_rest: bool | None = None,
) -> st.SearchStrategy[RepetitionScheme]:
    """Generate documented repetition counts, with their side, counting rule and rest.

    A count has one of five shapes: fixed ("8 times"), a range ("8 to 10 times"), open-ended
    ("at least 3 times"), up to ("up to 10 times": no lower bound) or not stated (a source that
    gives no count). Every count a scheme states lies between ``min_reps`` and ``max_reps``.
    Two-sided work (alternating, each side) always names its counting rule, whether or not a count
    is stated. Values shrink toward one repetition, fixed, bilateral, without a rest.

    Args:
        min_reps: The fewest repetitions any scheme may document; a whole number >= 1.
        max_reps: The most repetitions any scheme may document; >= ``min_reps``.
        laterality: One :class:`~solpt_rehab.Laterality` (or its value, ``"bilateral"``), a
            collection of them, or ``None`` for all four. Values shrink toward the first given
            (a set's first in the enumeration's order), though never from one-sided to two-sided
            work, which also draws its counting rule.
        open_ended: ``True`` for schemes with no upper bound only ("at least 3"), ``False`` for
            none of them, ``None`` for both.
        up_to: ``True`` for "up to" counts only (an upper bound and no lower one), ``False`` for
            none of them, ``None`` for both.
        stated: ``True`` for schemes that state a count, ``False`` for schemes that state none
            only, ``None`` for both.
        with_rest: ``True`` for schemes that document a rest (drawn by :func:`rests`), ``False``
            for none, ``None`` for both.

    Returns:
        A strategy of :class:`~solpt_rehab.RepetitionScheme` values.

    Raises:
        InvalidArgument: For a count that is not a whole number >= 1, a maximum below the
            minimum, an unknown laterality, a flag that is not a bool or ``None``, or flags that
            leave no shape of count (``open_ended=True`` with ``up_to=True``, say).

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
        Counts "up to" a number and counts not stated; the ``up_to`` and ``stated`` options.
    """
    low = count_argument("min_reps", min_reps)
    high = count_argument("max_reps", max_reps)
    check_ordered("min_reps", low, "max_reps", high)
    lateralities = choices_argument("laterality", laterality, Laterality)
    # One choice picks the shape, so that no shape costs fewer draws than the fixed count it
    # should shrink to (Hypothesis prefers shorter choice sequences).
    shapes = _count_shapes(low, high, open_ended=open_ended, up_to=up_to, stated=stated)
    optional_flag_argument("with_rest", with_rest)
    rest_strategy: st.SearchStrategy[Rest | None] = (
        st.one_of(st.none(), rests())
        if with_rest is None
        else (rests() if with_rest else st.none())
    )
    return _repetition_schemes(_counts(low, high), shapes, lateralities, rest_strategy)


# -- sets -----------------------------------------------------------------------------------------


@st.composite
def _sets(
    draw: st.DrawFn,
    counts: st.SearchStrategy[int],
    shapes: tuple[str, ...],
    rest_strategy: st.SearchStrategy[Rest | None],
) -> Sets:
    first = draw(counts)
    shape = draw(sampled(shapes))
    max_sets: int | None
    if shape == "open":
        min_sets, max_sets = first, None
    elif shape == "range":
        second = draw(counts.filter(lambda count: count != first))
        min_sets, max_sets = min(first, second), max(first, second)
    else:
        min_sets, max_sets = first, first
    return Sets(min_sets=min_sets, max_sets=max_sets, rest=draw(rest_strategy))


#: The seconds of a quantified rest between sets: whole seconds from 15 to 180.
_SET_REST_RANGES: Final = _ranges(_seconds(15, 180, "whole"), fixed=None, can_range=True)


@st.composite
def _set_rests(draw: st.DrawFn) -> Rest:
    """A rest between sets: longer than one between repetitions, in seconds or in words."""
    if not draw(BOOLEANS):
        return Rest(text=draw(sampled(VAGUE_RESTS)))
    low, high = draw(_SET_REST_RANGES)
    return Rest(min_seconds=low, max_seconds=high, text=draw(none_or_sampled(SET_REST_NOTES)))


def sets(
    min_sets: int = 1,
    max_sets: int = 5,
    *,
    open_ended: bool | None = None,
    with_rest: bool | None = None,
) -> st.SearchStrategy[Sets]:
    """Generate documented sets: a count (fixed, a range, or open-ended) and the rest between them.

    Every count lies between ``min_sets`` and ``max_sets`` (an open-ended one, "at least 2 sets",
    has only its lower bound there). A rest between sets is in seconds (15 to 180, perhaps with a
    note such as ``"between sets"``) or in words only. Values shrink toward one set, fixed, with
    no rest.

    Args:
        min_sets: The fewest sets any value may document; a whole number >= 1.
        max_sets: The most sets any value may document; >= ``min_sets``.
        open_ended: ``True`` for open-ended counts only, ``False`` for closed ones only,
            ``None`` for both.
        with_rest: ``True`` for sets with a rest between them only, ``False`` for none, ``None``
            for both.

    Returns:
        A strategy of :class:`~solpt_rehab.Sets` values.

    Raises:
        InvalidArgument: For a count that is not a whole number >= 1, a maximum below the
            minimum, or a flag that is not a bool or ``None``.

    .. versionadded:: 0.2.0
    """
    low = count_argument("min_sets", min_sets)
    high = count_argument("max_sets", max_sets)
    check_ordered("min_sets", low, "max_sets", high)
    optional_flag_argument("open_ended", open_ended)
    optional_flag_argument("with_rest", with_rest)
    shapes = tuple(
        shape
        for shape, allowed in (
            ("fixed", not open_ended),
            ("range", not open_ended and high > low),
            ("open", open_ended is not False),
        )
        if allowed
    )
    rest_strategy: st.SearchStrategy[Rest | None] = (
        st.one_of(st.none(), _set_rests())
        if with_rest is None
        else (_set_rests() if with_rest else st.none())
    )
    return _sets(_counts(low, high), shapes, rest_strategy)


# -- timed work -----------------------------------------------------------------------------------


def timed_work(
    min_seconds: float = 5,
    max_seconds: float = 300,
    *,
    fixed: bool | None = None,
    granularity: Literal["whole", "half", "any"] = "half",
) -> st.SearchStrategy[TimedWork]:
    """Generate documented timed work whose ends lie between ``min_seconds`` and ``max_seconds``.

    Timed work is continuous movement for a time ("march on the spot for 30 to 60 seconds"), not
    a hold. Values shrink toward a fixed time of the fewest whole seconds.

    Args:
        min_seconds: The shortest end any value may have; a finite number > 0.
        max_seconds: The longest end any value may have; >= ``min_seconds``.
        fixed: As for :func:`holds`.
        granularity: As for :func:`holds`.

    Returns:
        A strategy of :class:`~solpt_rehab.TimedWork` values.

    Raises:
        InvalidArgument: For the reasons :func:`holds` gives.

    .. versionadded:: 0.2.0
    """
    low, high, chosen, can_range = _seconds_bounds(
        min_seconds, max_seconds, granularity, fixed=fixed
    )
    return _ranges(_seconds(low, high, chosen), fixed=fixed, can_range=can_range).map(
        lambda ends: TimedWork(min_seconds=ends[0], max_seconds=ends[1])
    )


# -- loads ----------------------------------------------------------------------------------------

#: The amounts of a weight drawn in each unit: whole or half kilograms, whole or half pounds.
_AMOUNT_BOUNDS: Final = {WeightUnit.KG: (0.5, 20), WeightUnit.LB: (1, 45)}
_ALL_LOAD_KINDS: Final = tuple(LoadKind)


@functools.cache
def _amounts(unit: WeightUnit) -> st.SearchStrategy[tuple[float, float]]:
    low, high = _AMOUNT_BOUNDS[unit]
    return _ranges(_seconds(low, high, "half"), fixed=None, can_range=True)


@st.composite
def _loads(
    draw: st.DrawFn,
    kinds: tuple[LoadKind, ...],
    units: tuple[WeightUnit, ...],
    *,
    quantified: bool | None,
) -> Load:
    kind = draw(sampled(kinds))
    if kind is LoadKind.BAND:
        level = draw(none_or_sampled(BAND_LEVELS))
        return Load(kind=kind, level=level, text=draw(none_or_sampled(BAND_TEXTS)))
    if kind is LoadKind.WEIGHT:
        counted = quantified if quantified is not None else draw(BOOLEANS)
        text = draw(none_or_sampled(WEIGHT_TEXTS))
        if not counted:
            return Load(kind=kind, text=text)
        unit = draw(sampled(units))
        low, high = draw(_amounts(unit))
        return Load(kind=kind, min_amount=low, max_amount=high, unit=unit, text=text)
    if kind is LoadKind.DESCRIBED:
        return Load(kind=kind, text=draw(sampled(DESCRIBED_LOADS)))
    return Load(kind=kind)


def loads(
    *,
    kind: LoadKind | str | Collection[LoadKind | str] | None = None,
    unit: WeightUnit | str | Collection[WeightUnit | str] | None = None,
    quantified: bool | None = None,
) -> st.SearchStrategy[Load]:
    """Generate loads of every kind: body weight, bands, weights in kg or lb, loads in words.

    A band may name its level or colour (``"light"``, ``"red"``); a weight has amounts (whole or
    half kilograms from 0.5 to 20, or pounds from 1 to 45, fixed or a range) with their unit, or
    none ("holding a weight"), and perhaps the source's words (``"an ankle weight"``); a described
    load has only words (``"a full water bottle"``). No number is given where a source would give
    none. Values shrink toward body weight, then a band with no level.

    Not to be confused with :func:`solpt_rehab.loads`, which reads a document.

    Args:
        kind: One :class:`~solpt_rehab.LoadKind` (or its value, ``"band"``), a collection of them,
            or ``None`` for every kind.
        unit: One :class:`~solpt_rehab.WeightUnit` (or ``"kg"``, ``"lb"``), a collection of them,
            or ``None`` for both: the units of a weight's amounts.
        quantified: ``True`` for weights with amounts only (``kind`` must allow weights),
            ``False`` for loads without amounts only, ``None`` for both.

    Returns:
        A strategy of :class:`~solpt_rehab.Load` values.

    Raises:
        InvalidArgument: For an unknown kind or unit, a ``quantified`` that is not a bool or
            ``None``, or ``quantified=True`` with kinds that exclude weights.

    .. versionadded:: 0.2.0
    """
    kinds = choices_argument("kind", kind, LoadKind)
    units = choices_argument("unit", unit, WeightUnit)
    optional_flag_argument("quantified", quantified)
    if quantified:
        if LoadKind.WEIGHT not in kinds:
            chosen = ", ".join(repr(member.value) for member in kinds)
            raise InvalidArgument(
                f"quantified=True needs the kind 'weight', the only load with amounts; "
                f"kind allows {chosen}"
            )
        kinds = (LoadKind.WEIGHT,)
    return _loads(kinds, units, quantified=quantified)


# -- efforts --------------------------------------------------------------------------------------


@st.composite
def _efforts(
    draw: st.DrawFn,
    ratings: st.SearchStrategy[tuple[float, float]],
    *,
    rated: bool | None,
) -> Effort:
    with_rating = rated if rated is not None else draw(BOOLEANS)
    if not with_rating:
        return Effort(text=draw(sampled(EFFORT_TEXTS)))
    low, high = draw(ratings)
    return Effort(text=draw(none_or_sampled(EFFORT_TEXTS)), min_rpe=low, max_rpe=high)


def efforts(
    min_rpe: float = 0,
    max_rpe: float = 10,
    *,
    rated: bool | None = None,
) -> st.SearchStrategy[Effort]:
    """Generate efforts: a target in words, a rating of perceived exertion (RPE), or both.

    A rated effort's RPE range (whole or half points on the 0-10 scale, fixed or a range) lies
    between ``min_rpe`` and ``max_rpe`` and may come with words; an unrated one has words only
    (``"to a gentle stretch, not pain"``). Values shrink toward that first target in words, and
    rated ones toward the lowest whole rating, fixed, without words.

    Args:
        min_rpe: The lowest rating any value may have; a number from 0 to 10.
        max_rpe: The highest rating any value may have; from ``min_rpe`` to 10.
        rated: ``True`` for efforts with an RPE only, ``False`` for efforts in words only,
            ``None`` for both.

    Returns:
        A strategy of :class:`~solpt_rehab.Effort` values.

    Raises:
        InvalidArgument: For a rating that is not a number from 0 to 10, a maximum below the
            minimum, bounds with no whole or half point between them, or a ``rated`` that is
            not a bool or ``None``.

    .. versionadded:: 0.2.0
    """
    low = rating_argument("min_rpe", min_rpe)
    high = rating_argument("max_rpe", max_rpe)
    check_ordered("min_rpe", low, "max_rpe", high)
    optional_flag_argument("rated", rated)
    size = _grid_size(low, high, "half")
    if size == 0:
        raise InvalidArgument(
            f"no whole or half point lies between min_rpe={low!r} and max_rpe={high!r}"
        )
    ratings = _ranges(_seconds(low, high, "half"), fixed=None, can_range=size >= 2)  # noqa: PLR2004
    return _efforts(ratings, rated=rated)


# -- the dose a routine item prescribes -----------------------------------------------------------


@attrs.frozen(kw_only=True)
class Dose:
    """One prescribed dose of an exercise: all a routine item holds besides exercise and notes.

    :func:`doses` generates these; :meth:`to_item` turns one into a
    :class:`~solpt_rehab.RoutineItem`, and the fields match the keyword arguments of the dose rules
    (:func:`solpt_rehab._routines.dose.item_problems`) and of the routine builder.

    Attributes:
        hold_seconds: The prescribed hold in seconds, or ``None`` for an exercise without a hold.
        reps: The prescribed repetitions.
        side: The side worked, or led with (see :class:`~solpt_rehab.Side`).
        deviation: The recorded reason for a dose outside the documented range, or ``None``.
        sets: The prescribed sets, or ``None`` for the documented least (one set when none is
            documented).
        work_seconds: The prescribed timed work in seconds, or ``None`` for the documented least
            (or none, for an exercise without timed work).
        load: The prescribed load, or ``None`` for the documented one at its least.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
        ``sets``, ``work_seconds`` and ``load``.
    """

    hold_seconds: float | None = None
    reps: int
    side: Side
    deviation: str | None = None
    sets: int | None = None
    work_seconds: float | None = None
    load: Load | None = None

    def to_item(self, exercise: Exercise, *, notes: str | None = None) -> RoutineItem:
        """Return the routine item that prescribes this dose of ``exercise``.

        Args:
            exercise: The exercise the dose was drawn for.
            notes: The item's notes for the patient, or ``None``.

        Returns:
            A :class:`~solpt_rehab.RoutineItem` with this dose.

        Raises:
            RoutineError: When the dose breaks a dose rule of ``exercise`` (never for a dose that
                :func:`doses` drew for that exercise).
        """
        dose = {name: getattr(self, name) for name in DOSE_FIELDS}
        return RoutineItem(exercise=exercise, **dose, notes=notes)


@functools.cache
def _some_of(values: tuple[str, ...]) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(values), min_size=1, unique=True)


@functools.lru_cache(maxsize=1024)
def _counts(low: int, high: int) -> st.SearchStrategy[int]:
    return st.integers(low, high)


@functools.lru_cache(maxsize=1024)
def _in_range(low: float, high: float) -> st.SearchStrategy[float]:
    """Seconds inside a range: its minimum first, then whole or half seconds, then its maximum."""
    if low == high:
        return st.just(low)
    inside = [st.just(low)]
    if _grid_size(low, high, "half") > 0:
        inside.append(_seconds(low, high, "half"))
    inside.append(st.just(high))
    return st.one_of(inside)


@functools.lru_cache(maxsize=1024)
def _outside_range(low: float, high: float) -> st.SearchStrategy[float]:
    """Seconds outside a range, > 0: below it when there is room, or above it."""
    above = _seconds(math.floor(high) + 1, math.floor(high) * 2 + 2, "half")
    if low > 0.5:  # noqa: PLR2004 - half a second, the shortest time drawn below the range
        below = _seconds(0.5, low, "half").filter(lambda seconds: seconds < low)
        return st.one_of(below, above)
    return above


def _side_choices(laterality: Laterality) -> tuple[Side, ...]:
    """The sides a dose may name, the default (or simplest) first."""
    if laterality is Laterality.BILATERAL:
        return (Side.BOTH,)
    if laterality is Laterality.AFFECTED_SIDE:
        return (Side.LEFT, Side.RIGHT)
    return (Side.BOTH, Side.LEFT, Side.RIGHT)


#: The most repetitions drawn for a count that states no upper bound and no lower one.
_UNSTATED_TOP: Final = 10
#: How many sets above its minimum an open-ended count of sets is drawn.
_OPEN_SETS_ROOM: Final = 2


_NONE: Final = st.none()


def _reps_inside(scheme: RepetitionScheme) -> tuple[int, int]:
    """The counts a dose draws inside ``scheme`` without a warning."""
    if scheme.min_reps is None:
        return 1, scheme.max_reps if scheme.max_reps is not None else _UNSTATED_TOP
    if scheme.max_reps is None:
        return scheme.min_reps, IMPLAUSIBLE_OPEN_ENDED_FACTOR * scheme.min_reps
    return scheme.min_reps, scheme.max_reps


def _counts_outside(low: int | None, high: int | None) -> list[st.SearchStrategy[int]]:
    """Counts >= 1 outside an inclusive range of counts (``None``: no bound there)."""
    outside = []
    if low is not None and low > 1:
        outside.append(_counts(1, low - 1))
    if high is not None:
        outside.append(_counts(high + 1, 2 * high + 1))
    return outside


def _sets_inside(documented: Sets | None) -> st.SearchStrategy[int | None]:
    """Prescribed sets inside ``documented``, ``None`` (its least) first; only ``None`` without."""
    if documented is None:
        return _NONE
    top = (
        documented.max_sets
        if documented.max_sets is not None
        else documented.min_sets + _OPEN_SETS_ROOM
    )
    return st.one_of(st.none(), _counts(documented.min_sets, top))


@functools.lru_cache(maxsize=1024)
def _weights_inside(documented: Load) -> st.SearchStrategy[Load]:
    """Weights inside a documented weight: its amounts in its unit, or converted to the other."""
    low, high, unit = documented.min_amount, documented.max_amount, documented.unit
    if low is None or high is None or unit is None:
        return _loads((LoadKind.WEIGHT,), tuple(WeightUnit), quantified=None)
    options = [
        _ranges(_in_range(low, high), fixed=None, can_range=low < high).map(
            lambda ends: Load(
                kind=LoadKind.WEIGHT, min_amount=ends[0], max_amount=ends[1], unit=unit
            )
        )
    ]
    other = WeightUnit.LB if unit is WeightUnit.KG else WeightUnit.KG
    factor = unit.kilograms / other.kilograms
    least, most = math.ceil(low * factor * 2) / 2, math.floor(high * factor * 2) / 2
    if 0 < least <= most:  # whole or half amounts of the other unit strictly inside
        options.append(
            _ranges(_seconds(least, most, "half"), fixed=None, can_range=least < most).map(
                lambda ends: Load(
                    kind=LoadKind.WEIGHT, min_amount=ends[0], max_amount=ends[1], unit=other
                )
            )
        )
    return st.one_of(options)


def _loads_inside(documented: Load | None) -> st.SearchStrategy[Load | None]:
    """A prescribed load the dose rules accept for ``documented``, ``None`` (its least) first."""
    if documented is None:
        return _NONE
    if documented.kind is LoadKind.WEIGHT:
        return st.one_of(st.none(), _weights_inside(documented))
    if documented.kind is LoadKind.BAND and documented.level is None:
        return st.one_of(st.none(), _loads((LoadKind.BAND,), (), quantified=None))
    if documented.kind is LoadKind.DESCRIBED:
        return st.one_of(
            st.none(), st.just(documented), _loads((LoadKind.DESCRIBED,), (), quantified=None)
        )
    return st.one_of(st.none(), st.just(documented))


@functools.lru_cache(maxsize=1024)
def _loads_outside(documented: Load) -> st.SearchStrategy[Load]:
    """A load the dose rules find outside ``documented``: another kind or band, or heavier."""
    others = tuple(kind for kind in _ALL_LOAD_KINDS if kind is not documented.kind)
    options = [_loads(others, tuple(WeightUnit), quantified=None)]
    if documented.kind is LoadKind.BAND and documented.level is not None:
        levels = tuple(level for level in BAND_LEVELS if level != documented.level)
        options.append(sampled(levels).map(lambda level: Load(kind=LoadKind.BAND, level=level)))
    high, unit = documented.max_amount, documented.unit
    if high is not None and unit is not None:
        heavier = _seconds(math.floor(high) + 1, math.floor(high) * 2 + 2, "half")
        options.append(
            heavier.map(
                lambda amount: Load(
                    kind=LoadKind.WEIGHT, min_amount=amount, max_amount=amount, unit=unit
                )
            )
        )
    return st.one_of(options)


def draw_dose(draw: st.DrawFn, exercise: Exercise, *, deviations: bool) -> Dose:
    """Draw one dose of ``exercise`` (shared by :func:`doses` and :func:`routine_items`)."""
    scheme = exercise.repetitions
    hold, work, documented_sets = exercise.hold, exercise.timed_work, exercise.sets
    hold_seconds = None if hold is None else draw(_in_range(hold.min_seconds, hold.max_seconds))
    reps = draw(_counts(*_reps_inside(scheme)))
    side = draw(sampled(_side_choices(scheme.laterality)))
    set_count = draw(_sets_inside(documented_sets))
    work_seconds = (
        None
        if work is None
        else draw(st.one_of(st.none(), _in_range(work.min_seconds, work.max_seconds)))
    )
    load = draw(_loads_inside(exercise.load))
    deviation = None
    if deviations and draw(BOOLEANS):
        reps_outside = _counts_outside(scheme.min_reps, scheme.max_reps)
        sets_outside = (
            []
            if documented_sets is None
            else _counts_outside(documented_sets.min_sets, documented_sets.max_sets)
        )
        fields = [
            field
            for field, room in (
                ("hold", hold is not None),
                ("reps", bool(reps_outside)),
                ("sets", bool(sets_outside)),
                ("work", work is not None),
                ("load", exercise.load is not None),
            )
            if room
        ]
        if fields:
            chosen = draw(_some_of(tuple(fields)))
            if "hold" in chosen and hold is not None:
                hold_seconds = draw(_outside_range(hold.min_seconds, hold.max_seconds))
            if "reps" in chosen:
                reps = draw(st.one_of(reps_outside))
            if "sets" in chosen:
                set_count = draw(st.one_of(sets_outside))
            if "work" in chosen and work is not None:
                work_seconds = draw(_outside_range(work.min_seconds, work.max_seconds))
            if "load" in chosen and exercise.load is not None:
                load = draw(_loads_outside(exercise.load))
            deviation = draw(sampled(DEVIATION_REASONS))
    return Dose(
        hold_seconds=hold_seconds,
        reps=reps,
        side=side,
        deviation=deviation,
        sets=set_count,
        work_seconds=work_seconds,
        load=load,
    )


@st.composite
def _doses(draw: st.DrawFn, exercise: Exercise, *, deviations: bool) -> Dose:
    return draw_dose(draw, exercise, deviations=deviations)


def doses(exercise: Exercise, *, deviations: bool = False) -> st.SearchStrategy[Dose]:
    """Generate doses of one exercise that its dose rules accept.

    The hold lies inside the documented hold (``None`` for an exercise without one); the
    repetitions inside the documented range, and for an open-ended count ("at least 3") between
    the minimum and :data:`~solpt_rehab._routines.dose.IMPLAUSIBLE_OPEN_ENDED_FACTOR` times
    it, so that no dose draws a warning; a count the source does not state, or states only "up
    to", is always given (from 1, to the upper bound or to 10); the side is one the laterality
    allows. Sets, timed work and load are each ``None`` (the documented least) or inside the
    documented sets, time and load: the same kind of load, a band of the documented level, a
    weight within the documented amounts (in its unit, or converted to the other one). Like a
    hold, they are prescribed only for an exercise that documents them (the dose rules would
    accept sets or a load for one that does not, but such a dose has no documented range to stay
    in). Values shrink toward the documented minimum with the default side (the left side for
    affected-side work) and no sets, timed work or load given.

    With ``deviations=True`` some doses put one or more of the hold, the repetitions, the sets,
    the timed work and the load outside the documented range (never a time of zero or less,
    fewer than one repetition or set; a load of another kind, another band, or a heavier weight)
    and record a clinician's reason: the dose rules then warn (code ``deviation``) instead of
    raising. An exercise that leaves no room outside its ranges (no hold, no timed work, no load,
    counts open-ended from 1) gets in-range doses only.

    Args:
        exercise: The exercise the doses are for.
        deviations: Whether some doses depart from the documented range with a recorded reason.

    Returns:
        A strategy of :class:`Dose` values; ``dose.to_item(exercise)`` builds the routine item.

    Raises:
        InvalidArgument: For an ``exercise`` that is not an :class:`~solpt_rehab.Exercise`, or a
            ``deviations`` that is not a bool.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
        Sets, timed work and loads, inside their documented ranges or outside with a deviation.
    """
    if not isinstance(exercise, Exercise):
        raise InvalidArgument(f"exercise={exercise!r} must be an Exercise")
    flag_argument("deviations", deviations)
    return _doses(exercise, deviations=deviations)


def pacings() -> st.SearchStrategy[Pacing]:
    """Generate pacings: each working interpretation kept, or replaced by 1 to 60 seconds.

    Values shrink toward ``Pacing()``, which keeps every interpretation, and a replaced length
    toward one second.

    Returns:
        A strategy of :class:`~solpt_rehab.Pacing` values.

    .. versionadded:: 0.1.0
    """
    return _PACINGS


_PACINGS: Final = st.builds(
    Pacing,
    **{field.name: st.none() | _seconds(1, 60, "any") for field in attrs.fields(Pacing)},
)
