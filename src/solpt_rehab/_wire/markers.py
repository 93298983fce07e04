"""What parsing leaves for the validator: markers for what JSON text can spell but no value holds.

The text readers (:mod:`.text`, :mod:`.yaml`) put a :class:`BadNumber` where ``NaN`` or ``1e400``
stood and mark an object whose text repeated a key as :class:`DuplicateKeys`, so that the
validator reports each with its path. :data:`UNSOUND` stands for a part with an error, from which
nothing was built.
"""

from __future__ import annotations

import enum
from typing import Any, Final

import attrs

__all__ = ["UNSOUND", "BadNumber", "DuplicateKeys", "mapping_of"]


class _Unsound(enum.Enum):
    """A part with an error: nothing was built from it."""

    UNSOUND = 0


UNSOUND: Final = _Unsound.UNSOUND


@attrs.frozen
class BadNumber:
    """A number that JSON text spelled but no JSON value can hold (``NaN``, ``1e400``).

    The text parser puts one where the number stood, so that the validator reports it with its
    path, under ``code``.
    """

    text: str
    code: str
    reason: str

    def __repr__(self) -> str:
        return self.text


class DuplicateKeys(dict[Any, Any]):
    """An object in which the text repeated keys; the last value of each is kept.

    Attributes:
        duplicates: Each repeated key with how many times it appeared, in order.
    """

    duplicates: tuple[tuple[str, int], ...] = ()


def mapping_of(pairs: list[tuple[Any, Any]]) -> dict[Any, Any]:
    """The object a parser read as ``pairs``, with its repeated keys marked.

    A plain dict, or :class:`DuplicateKeys` when a key came more than once; each key's last value
    is kept, as ``dict`` keeps it.
    """
    result = dict(pairs)
    if len(result) == len(pairs):
        return result
    counts: dict[Any, int] = {}
    for key, _ in pairs:
        counts[key] = counts.get(key, 0) + 1
    marked = DuplicateKeys(result)
    marked.duplicates = tuple((key, count) for key, count in counts.items() if count > 1)
    return marked
