"""Checks of the arguments a strategy is made with, shared by the strategy modules.

Each check reads one argument and returns it, or raises
:class:`hypothesis.errors.InvalidArgument` with a message naming the argument and its value, when
the strategy is made rather than when it is first drawn from.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Sequence
from typing import Final, TypeVar

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from .._model.values import Laterality, LoadKind, MediaKind, StepKind, WeightUnit

_T = TypeVar("_T")
_C = TypeVar("_C", Laterality, LoadKind, MediaKind, StepKind, WeightUnit)

#: How finely seconds are drawn: whole seconds, whole or half seconds (2.5), or any float.
_GRANULARITIES: Final = ("whole", "half", "any")


def seconds_argument(name: str, value: object) -> float:
    """Read a number of seconds: a finite int or float > 0, not a bool."""
    if (
        isinstance(value, bool)
        or not isinstance(value, (int, float))
        or not math.isfinite(value)
        or value <= 0
    ):
        raise InvalidArgument(f"{name}={value!r} must be a finite number > 0")
    return value


def count_argument(name: str, value: object) -> int:
    """Read a count of repetitions: an int >= 1, not a bool."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InvalidArgument(f"{name}={value!r} must be a whole number >= 1 (an int)")
    return value


def rating_argument(name: str, value: object) -> float:
    """Read a rating of perceived exertion: a finite int or float from 0 to 10, not a bool."""
    if (
        isinstance(value, bool)
        or not isinstance(value, (int, float))
        or not math.isfinite(value)
        or not 0 <= value <= 10  # noqa: PLR2004 - the ends of the 0-10 scale
    ):
        raise InvalidArgument(f"{name}={value!r} must be a number from 0 to 10")
    return value


def size_argument(name: str, value: object, *, minimum: int) -> int:
    """Read a size: an int >= ``minimum``, not a bool."""
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise InvalidArgument(f"{name}={value!r} must be a whole number >= {minimum} (an int)")
    return value


def check_ordered(low_name: str, low: float, high_name: str, high: float) -> None:
    """Check that an upper bound is not below its lower bound."""
    if high < low:
        raise InvalidArgument(f"{high_name}={high!r} must be >= {low_name}={low!r}")


def optional_flag_argument(name: str, value: object) -> bool | None:
    """Read a flag that may also be ``None`` (for both kinds of value)."""
    if value is not None and not isinstance(value, bool):
        raise InvalidArgument(f"{name}={value!r} must be True, False or None")
    return value


def flag_argument(name: str, value: object) -> bool:
    """Read a flag: ``True`` or ``False``."""
    if not isinstance(value, bool):
        raise InvalidArgument(f"{name}={value!r} must be True or False")
    return value


def granularity_argument(value: object) -> str:
    """Read ``granularity``: ``"whole"``, ``"half"`` or ``"any"``."""
    if not isinstance(value, str) or value not in _GRANULARITIES:
        allowed = ", ".join(repr(choice) for choice in _GRANULARITIES)
        raise InvalidArgument(f"granularity={value!r} must be one of {allowed}")
    return value


def choices_argument(name: str, value: object, kind: type[_C]) -> tuple[_C, ...]:
    """Read ``None``, one member (or its string value) or a collection of them."""
    allowed = ", ".join(repr(member.value) for member in kind)
    problem = (
        f"{name}={value!r} must be a {kind.__name__} (one of {allowed}), a non-empty "
        "collection of them, or None"
    )
    if value is None:
        return tuple(kind)
    given: object = (value,) if isinstance(value, str) else value
    if not isinstance(given, Collection) or not given:
        raise InvalidArgument(problem)
    chosen: list[_C] = []
    for item in given:
        try:
            member = kind(item)
        except ValueError:
            raise InvalidArgument(problem) from None
        if member not in chosen:
            chosen.append(member)
    if not isinstance(given, Sequence):  # a set has no order of its own: use the enumeration's
        chosen.sort(key=list(kind).index)
    return tuple(chosen)


def _type_check(name: str, kind: type[_T]) -> Callable[[object], _T]:
    """A check that a caller's strategy generates the type it promised."""

    def check(value: object) -> _T:
        if not isinstance(value, kind):
            raise InvalidArgument(f"{name} must generate {kind.__name__} values: {value!r}")
        return value

    return check


def strategy_argument(name: str, value: object, kind: type[_T]) -> st.SearchStrategy[_T] | None:
    """Read an optional strategy option; its values are checked as they are drawn."""
    if value is None:
        return None
    if not isinstance(value, st.SearchStrategy):
        raise InvalidArgument(f"{name}={value!r} must be a Hypothesis strategy or None")
    return value.map(_type_check(name, kind))
