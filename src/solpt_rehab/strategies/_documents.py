"""The strategy for wire-format documents, made from the strategies of each kind's values.

The wire format loads msgspec, so it is imported on the first call of :func:`documents`, never
when the strategies are.
"""

from __future__ import annotations

from typing import Any, Final, Literal

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from ._exercises import catalogs, exercises
from ._logs import session_logs
from ._routines import routines

_KINDS: Final = ("exercise", "catalog", "routine", "session-log")


def documents(
    kind: Literal["exercise", "catalog", "routine", "session-log"] | None = None,
) -> st.SearchStrategy[dict[str, Any]]:
    """Generate valid wire-format documents: what :func:`solpt_rehab.to_document` writes.

    An exercise document comes from :func:`exercises`, a catalog document from :func:`catalogs`
    and a routine document from :func:`routines` (which embeds its generated exercises and refers
    to the built-in ones by id; some with progression rules), and a session-log document from
    :func:`session_logs`. Every document validates with no error; a fresh dict is drawn each
    time, so a test may change it freely. Values shrink toward an exercise document.

    Args:
        kind: ``"exercise"``, ``"catalog"``, ``"routine"`` or ``"session-log"`` for documents of
            that kind only, or ``None`` for any kind.

    Returns:
        A strategy of JSON-compatible dicts.

    Raises:
        InvalidArgument: For any other ``kind``.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 Session-log documents; routines with progression rules.
    """
    if kind is not None and kind not in _KINDS:
        allowed = ", ".join(repr(name) for name in _KINDS)
        raise InvalidArgument(f"kind={kind!r} must be one of {allowed}, or None")
    from .._wire.documents import to_document  # noqa: PLC0415 - the wire format loads msgspec

    by_kind: dict[str, st.SearchStrategy[dict[str, Any]]] = {
        "exercise": exercises().map(to_document),
        "catalog": catalogs().map(to_document),
        "routine": st.one_of(routines(), routines(progression=True)).map(to_document),
        "session-log": session_logs().map(to_document),
    }
    if kind is not None:
        return by_kind[kind]
    return st.one_of(*(by_kind[name] for name in _KINDS))
