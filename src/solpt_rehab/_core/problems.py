"""Problems: what a check found, where, how bad, and a message for a person."""

from __future__ import annotations

import enum

import attrs


class Severity(str, enum.Enum):
    """How bad a :class:`Problem` is.

    .. versionadded:: 0.1.0
    """

    #: The content is wrong: it must not be accepted as it is.
    ERROR = "error"
    #: The content is legal but suspect, or deliberately departs from what is documented.
    WARNING = "warning"

    def __str__(self) -> str:
        return self.value


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
