"""Suggestions for a name that is not known: an exercise id, a key of the wire format.

One rule serves every "did you mean": the builder's and the validator's unknown exercise ids,
:class:`~solpt_rehab.UnknownExerciseError` (``solpt-rehab show``), and the validator's unknown
keys. A known name is suggested only when it is close: difflib finds it similar, and besides it
starts with the same character, holds the given name whole, or is at most a few edits away (one
edit for every four characters, at least one; swapping two neighbours is one edit). So
``'nmae'`` gets ``'name'`` and ``'march'`` gets ``'lying-march'``, but ``'force'`` does not get
``'source'``, with which it shares letters and nothing else.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

__all__ = ["close_matches", "unknown_id_hint"]

#: The most known ids a hint lists when none is close to the id given.
LISTED_IDS: Final = 10


def _edits(given: str, known: str, limit: int) -> int:
    """The optimal string alignment distance, or ``limit + 1`` once it is sure to exceed it."""
    if abs(len(given) - len(known)) > limit:
        return limit + 1
    before: list[int] = []
    previous = list(range(len(known) + 1))
    for row, char in enumerate(given, 1):
        current = [row]
        for column, other in enumerate(known, 1):
            cost = 0 if char == other else 1
            best = min(previous[column] + 1, current[column - 1] + 1, previous[column - 1] + cost)
            if row > 1 and column > 1 and char == known[column - 2] and given[row - 2] == other:
                best = min(best, before[column - 2] + 1)
            current.append(best)
        if min(current) > limit:
            return limit + 1
        before, previous = previous, current
    return previous[-1]


def _close(given: str, known: str) -> bool:
    return (
        given[:1] == known[:1]
        or given in known
        or _edits(given, known, max(1, len(given) // 4)) <= max(1, len(given) // 4)
    )


def close_matches(given: str, known: Sequence[str], n: int = 3) -> list[str]:
    """The known names closest to ``given``, best first, at most ``n``; only close ones.

    Args:
        given: The name that is not known.
        known: The names that are.
        n: How many to return at most.

    Returns:
        difflib's matches (ratio 0.6 or more) that are also close by the module's rule.
    """
    import difflib  # noqa: PLC0415 - only a misspelt name needs it; keeps the package import cheap

    similar = difflib.get_close_matches(given, known, n=max(n, 5), cutoff=0.6)
    return [name for name in similar if _close(given, name)][:n]


def unknown_id_hint(given: str, known: Sequence[str]) -> str:
    """Help for an unknown id: the closest known ids, or the known ids when there are few.

    Args:
        given: The id that is not known.
        known: The ids that are, in order.

    Returns:
        ``did you mean 'lying-march'?``, ``known ids: 'a', 'b'``, ``no exercises are known`` or
        ``none of the 20 known ids is close``.
    """
    close = close_matches(given, known)
    if close:
        return "did you mean " + " or ".join(repr(identifier) for identifier in close) + "?"
    if not known:
        return "no exercises are known"
    if len(known) <= LISTED_IDS:
        return "known ids: " + ", ".join(repr(identifier) for identifier in known)
    return f"none of the {len(known)} known ids is close"
