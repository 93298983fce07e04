"""Problems: what a check found, where, how bad, and a message for a person.

:func:`problem` is the one way to make one: its severity comes from the registry of codes
(:data:`.codes.CODES`), so a code is an error or a warning everywhere alike.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from .codes import CODES, Severity


def escape_pointer_token(token: str | int) -> str:
    """Escape one reference token for an RFC 6901 JSON Pointer (``~`` then ``/``)."""
    return str(token).replace("~", "~0").replace("/", "~1")


def pointer(*tokens: str | int) -> str:
    """Join reference tokens into an RFC 6901 JSON Pointer; no tokens gives ``""``, the root."""
    return "".join("/" + escape_pointer_token(token) for token in tokens)


@attrs.frozen(kw_only=True)
class Problem:
    """One thing a check found wrong or suspect.

    Attributes:
        path: An RFC 6901 JSON Pointer to the place in the document (or routine) the problem is
            about; ``""`` is the root. A missing key's path is the path the key would have.
        code: A stable identifier of the rule, such as ``"dose-out-of-range"``; documented, never
            reworded.
        severity: :attr:`Severity.ERROR` or :attr:`Severity.WARNING`.
        message: A sentence for a person: lower case, no trailing period, values shown with repr.

    .. versionadded:: 0.1.0
    """

    path: str
    code: str
    severity: Severity
    message: str

    @property
    def is_error(self) -> bool:
        """Whether this problem is an error (not a warning)."""
        return self.severity is Severity.ERROR

    def __str__(self) -> str:
        return f"{self.path or '(root)'}: {self.severity.value} {self.code}: {self.message}"


def problem(at: Iterable[str | int] | str, code: str, message: str) -> Problem:
    """The problem ``code`` at ``at``, with the severity the registry gives the code.

    Args:
        at: Where: reference tokens such as ``("items", 2, "reps")``, or a JSON Pointer.
        code: A registered code (:data:`.codes.CODES`).
        message: The sentence for a person: lower case, no trailing period.

    Raises:
        KeyError: When ``code`` is not registered: a programming error, found by the tests.
    """
    path = at if isinstance(at, str) else pointer(*at)
    return Problem(path=path, code=code, severity=CODES[code][0], message=message)
