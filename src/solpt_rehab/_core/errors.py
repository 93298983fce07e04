"""The exception hierarchy: every error solpt_rehab raises derives from :class:`SolptRehabError`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, cast

from .suggest import unknown_id_hint

if TYPE_CHECKING:
    from collections.abc import Iterable

    from .problems import Problem


class Deferred(Protocol):
    """Problems whose errors are known at once and whose warnings are found only when asked.

    Such an object is also the iterable of every problem; :class:`ProblemsError` keeps it and
    iterates it only when its ``problems`` are first asked for.
    """

    @property
    def errors(self) -> tuple[Problem, ...]:
        """The errors, in document order."""

    def resolve(self) -> tuple[Problem, ...]:
        """Every problem, errors and warnings, in document order (worked out once)."""


class SolptRehabError(Exception):
    """The base class of every error solpt_rehab raises.

    .. versionadded:: 0.1.0
    """


class InvalidValueError(SolptRehabError, ValueError):
    """A constructor was given a value that means nothing for its field.

    The message names the field and shows the value, in the wording attrs uses:
    ``'max_seconds' must be >= 'min_seconds' (15): 10``.

    .. versionadded:: 0.1.0
    """


class UnknownExerciseError(SolptRehabError, LookupError):
    """An exercise id that the catalog (or a document) does not hold.

    Attributes:
        id: The id that was asked for.
        known: The ids that are known, in order.

    .. versionadded:: 0.1.0
    """

    def __init__(self, id: str, known: Iterable[str]) -> None:  # noqa: A002 - the domain's word
        self.id = id
        self.known = tuple(known)
        super().__init__(f"unknown exercise id ({unknown_id_hint(id, self.known)}): {id!r}")


class ProblemsError(SolptRehabError, ValueError):
    """Something was checked and found wanting; ``problems`` lists every reason at once.

    The message lists every problem, or only the errors when the warnings are found on first
    use of :attr:`problems` (a document read for its value finds them only when asked).

    .. versionadded:: 0.1.0
    """

    def __init__(self, summary: str, problems: Iterable[Problem]) -> None:
        self._deferred: Deferred | None = None
        self._problems: tuple[Problem, ...] | None = None
        if hasattr(problems, "resolve"):  # a reader's problems, the warnings found when asked
            self._deferred = cast("Deferred", problems)
            shown = self._deferred.errors
        else:
            self._problems = shown = tuple(problems)
        lines = [summary, *(f"  {problem}" for problem in shown)]
        super().__init__("\n".join(lines))

    @property
    def errors(self) -> tuple[Problem, ...]:
        """The problems that are errors, in order: known at once, whatever the warnings cost.

        .. versionadded:: 0.2.0
        """
        if self._problems is None:
            assert self._deferred is not None  # noqa: S101 - one of the two is always given
            return self._deferred.errors
        return tuple(problem for problem in self._problems if problem.is_error)

    @property
    def problems(self) -> tuple[Problem, ...]:
        """Every :class:`~solpt_rehab.Problem` found, errors and warnings, in document order."""
        if self._problems is None:
            assert self._deferred is not None  # noqa: S101 - one of the two is always given
            self._problems = self._deferred.resolve()
        return self._problems


class RoutineError(ProblemsError):
    """A routine could not be built: a dose outside its range, a missing side, an unknown id.

    .. versionadded:: 0.1.0
    """


class DocumentError(ProblemsError):
    """A wire-format document could not be read into model values.

    .. versionadded:: 0.1.0
    """
