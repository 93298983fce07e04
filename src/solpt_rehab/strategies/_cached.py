"""Strategies built once and shared by the strategy modules.

A strategy is built once, not inside every draw: building and validating a strategy costs more
than drawing from it.
"""

from __future__ import annotations

import functools
from typing import Any, Final

from hypothesis import strategies as st

BOOLEANS: Final = st.booleans()


@functools.cache
def sampled(values: tuple[Any, ...]) -> st.SearchStrategy[Any]:
    """``st.sampled_from(values)``, built once per tuple of values."""
    return st.sampled_from(values)


@functools.cache
def none_or_sampled(values: tuple[Any, ...]) -> st.SearchStrategy[Any]:
    """``None`` (first, so that it shrinks there) or one of ``values``, built once."""
    return st.one_of(st.none(), st.sampled_from(values))
