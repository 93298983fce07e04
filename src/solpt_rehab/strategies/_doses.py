"""Strategies for doses: holds, rests, repetition schemes, and the dose a routine item prescribes.

A documented dose (an exercise's hold and repetition scheme) and a prescribed one (a
:class:`Dose`, drawn inside the documented dose or, with ``deviations=True``, outside it) share
the same seconds and counts, so they live together.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Collection
from typing import Final, Literal

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from .._model.values import CountingRule, Exercise, Hold, Laterality, RepetitionScheme, Rest
from .._routines.dose import IMPLAUSIBLE_OPEN_ENDED_FACTOR, Side
from .._routines.timing import Pacing
from .._routines.values import RoutineItem
from ._arguments import (
    check_ordered,
    choices_argument,
    count_argument,
    flag_argument,
    granularity_argument,
    optional_flag_argument,
    seconds_argument,
)
from ._cached import BOOLEANS, none_or_sampled, sampled
from ._vocabulary import DEVIATION_REASONS, REST_NOTES, VAGUE_RESTS

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
    first = draw(counts)
    shape = draw(sampled(shapes))
    if shape == "open":
        min_reps, max_reps = first, None
    elif shape == "range":
        second = draw(counts.filter(lambda count: count != first))
        min_reps, max_reps = min(first, second), max(first, second)
    else:
        min_reps, max_reps = first, first
    laterality = draw(sampled(lateralities))
    counting = draw(sampled(_COUNTING_RULES)) if laterality.two_sided else None
    rest = draw(rest_strategy)
    return RepetitionScheme(
        min_reps=min_reps, max_reps=max_reps, laterality=laterality, counting=counting, rest=rest
    )


def repetition_schemes(
    min_reps: int = 1,
    max_reps: int = 30,
    *,
    laterality: Laterality | str | Collection[Laterality | str] | None = None,
    open_ended: bool | None = None,
    with_rest: bool | None = None,
) -> st.SearchStrategy[RepetitionScheme]:
    """Generate documented repetition counts, with their side, counting rule and rest.

    Every count of a scheme lies between ``min_reps`` and ``max_reps`` (an open-ended scheme has
    only its lower bound there). Two-sided work (alternating, each side) always names its
    counting rule. Values shrink toward one repetition, fixed, bilateral, without a rest.

    Args:
        min_reps: The fewest repetitions any scheme may document; a whole number >= 1.
        max_reps: The most repetitions any scheme may document; >= ``min_reps``.
        laterality: One :class:`~solpt_rehab.Laterality` (or its value, ``"bilateral"``), a
            collection of them, or ``None`` for all four. Values shrink toward the first given
            (a set's first in the enumeration's order), though never from one-sided to two-sided
            work, which also draws its counting rule.
        open_ended: ``True`` for schemes with no upper bound only ("at least 3"), ``False`` for
            closed ranges only, ``None`` for both.
        with_rest: ``True`` for schemes that document a rest (drawn by :func:`rests`), ``False``
            for none, ``None`` for both.

    Returns:
        A strategy of :class:`~solpt_rehab.RepetitionScheme` values.

    Raises:
        InvalidArgument: For a count that is not a whole number >= 1, a maximum below the
            minimum, an unknown laterality, or a flag that is not a bool or ``None``.

    .. versionadded:: 0.1.0
    """
    low = count_argument("min_reps", min_reps)
    high = count_argument("max_reps", max_reps)
    check_ordered("min_reps", low, "max_reps", high)
    lateralities = choices_argument("laterality", laterality, Laterality)
    optional_flag_argument("open_ended", open_ended)
    optional_flag_argument("with_rest", with_rest)
    # One choice picks the shape, so that no shape costs fewer draws than the fixed count it
    # should shrink to (Hypothesis prefers shorter choice sequences).
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
        st.one_of(st.none(), rests())
        if with_rest is None
        else (rests() if with_rest else st.none())
    )
    return _repetition_schemes(st.integers(low, high), shapes, lateralities, rest_strategy)


# -- the dose a routine item prescribes -----------------------------------------------------------


@attrs.frozen(kw_only=True)
class Dose:
    """One prescribed dose of an exercise: everything a routine item holds besides the exercise.

    :func:`doses` generates these; :meth:`to_item` turns one into a
    :class:`~solpt_rehab.RoutineItem`, and the fields match the keyword arguments of the dose rules
    (:func:`solpt_rehab._routines.dose.item_problems`) and of the routine builder.

    Attributes:
        hold_seconds: The prescribed hold in seconds, or ``None`` for an exercise without a hold.
        reps: The prescribed repetitions.
        side: The side worked, or led with (see :class:`~solpt_rehab.Side`).
        deviation: The recorded reason for a dose outside the documented range, or ``None``.

    .. versionadded:: 0.1.0
    """

    hold_seconds: float | None = None
    reps: int
    side: Side
    deviation: str | None = None

    def to_item(self, exercise: Exercise) -> RoutineItem:
        """Return the routine item that prescribes this dose of ``exercise``.

        Args:
            exercise: The exercise the dose was drawn for.

        Returns:
            A :class:`~solpt_rehab.RoutineItem` with this dose.

        Raises:
            RoutineError: When the dose breaks a dose rule of ``exercise`` (never for a dose that
                :func:`doses` drew for that exercise).
        """
        return RoutineItem(
            exercise=exercise,
            hold_seconds=self.hold_seconds,
            reps=self.reps,
            side=self.side,
            deviation=self.deviation,
        )


@functools.cache
def _some_of(values: tuple[str, ...]) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(values), min_size=1, unique=True)


@functools.lru_cache(maxsize=1024)
def _counts(low: int, high: int) -> st.SearchStrategy[int]:
    return st.integers(low, high)


@functools.lru_cache(maxsize=1024)
def _in_hold(hold: Hold) -> st.SearchStrategy[float]:
    """A hold inside ``hold``: its minimum first, then whole or half seconds, then its maximum."""
    low, high = hold.min_seconds, hold.max_seconds
    if low == high:
        return st.just(low)
    inside = [st.just(low)]
    if _grid_size(low, high, "half") > 0:
        inside.append(_seconds(low, high, "half"))
    inside.append(st.just(high))
    return st.one_of(inside)


@functools.lru_cache(maxsize=1024)
def _outside_hold(hold: Hold) -> st.SearchStrategy[float]:
    """A hold outside ``hold``, > 0: below it when there is room, or above it."""
    low, high = hold.min_seconds, hold.max_seconds
    above = _seconds(math.floor(high) + 1, math.floor(high) * 2 + 2, "half")
    if low > 0.5:  # noqa: PLR2004 - half a second, the shortest hold drawn below the range
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


def draw_dose(draw: st.DrawFn, exercise: Exercise, *, deviations: bool) -> Dose:
    """Draw one dose of ``exercise`` (shared by :func:`doses` and :func:`routine_items`)."""
    scheme = exercise.repetitions
    top = (
        scheme.max_reps
        if scheme.max_reps is not None
        else IMPLAUSIBLE_OPEN_ENDED_FACTOR * scheme.min_reps
    )
    hold_seconds = None if exercise.hold is None else draw(_in_hold(exercise.hold))
    reps = draw(_counts(scheme.min_reps, top))
    side = draw(sampled(_side_choices(scheme.laterality)))
    deviation = None
    if deviations and draw(BOOLEANS):
        reps_outside = []
        if scheme.min_reps > 1:
            reps_outside.append(_counts(1, scheme.min_reps - 1))
        if scheme.max_reps is not None:
            reps_outside.append(_counts(scheme.max_reps + 1, 2 * scheme.max_reps + 1))
        fields = [
            field
            for field, room in (("hold", exercise.hold is not None), ("reps", bool(reps_outside)))
            if room
        ]
        if fields:
            chosen = draw(_some_of(tuple(fields)))
            if "hold" in chosen and exercise.hold is not None:
                hold_seconds = draw(_outside_hold(exercise.hold))
            if "reps" in chosen:
                reps = draw(st.one_of(reps_outside))
            deviation = draw(sampled(DEVIATION_REASONS))
    return Dose(hold_seconds=hold_seconds, reps=reps, side=side, deviation=deviation)


@st.composite
def _doses(draw: st.DrawFn, exercise: Exercise, *, deviations: bool) -> Dose:
    return draw_dose(draw, exercise, deviations=deviations)


def doses(exercise: Exercise, *, deviations: bool = False) -> st.SearchStrategy[Dose]:
    """Generate doses of one exercise that its dose rules accept.

    The hold lies inside the documented hold (``None`` for an exercise without one); the
    repetitions inside the documented range, and for an open-ended count ("at least 3") between
    the minimum and :data:`~solpt_rehab._routines.dose.IMPLAUSIBLE_OPEN_ENDED_FACTOR` times
    it, so that no dose draws a warning; the side is one the laterality allows. Values shrink
    toward the documented minimum with the default side (the left side for affected-side work).

    With ``deviations=True`` some doses put the hold, the repetitions or both outside the
    documented range (never a hold of zero or less, or fewer than one repetition) and record a
    clinician's reason: the dose rules then warn (code ``deviation``) instead of raising. An
    exercise that leaves no room outside its range (no hold, an open-ended count from 1) gets
    in-range doses only.

    Args:
        exercise: The exercise the doses are for.
        deviations: Whether some doses depart from the documented range with a recorded reason.

    Returns:
        A strategy of :class:`Dose` values; ``dose.to_item(exercise)`` builds the routine item.

    Raises:
        InvalidArgument: For an ``exercise`` that is not an :class:`~solpt_rehab.Exercise`, or a
            ``deviations`` that is not a bool.

    .. versionadded:: 0.1.0
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
