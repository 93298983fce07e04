"""The public face of the wire format: write, read and validate documents.

A document is a JSON object with ``kind`` (``"exercise"``, ``"catalog"``, ``"routine"`` or
``"session-log"``),
``format_version`` (``1``) and the content's keys; ``docs/wire-format.md`` describes it.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Iterator
from typing import Any, Literal, overload

from .._core.errors import InvalidValueError
from .._logs.values import SessionLog
from .._model.values import Exercise
from .._routines.values import Routine
from .fast import decode_text
from .markers import UNSOUND
from .text import MAX_SIZE, parse_decoded, text_of
from .validate import (
    MAX_PROBLEMS,
    Outcome,
    Report,
    exercise_warnings,
    raise_for,
    read,
    read_catalog_text,
)
from .write import exercise_body, header, plain, routine_body

__all__ = [
    "dumps",
    "from_document",
    "loads",
    "to_document",
    "validate",
    "validate_jsonl",
    "validate_text",
]

Kind = Literal["exercise", "catalog", "routine", "session-log"]
Syntax = Literal["json", "yaml"]
Content = Exercise | Routine | tuple[Exercise, ...] | SessionLog
#: What :func:`to_document` and :func:`dumps` take.
Writable = Exercise | Routine | SessionLog | Iterable[Exercise]


def to_document(obj: Writable) -> dict[str, Any]:
    """Write a value as a wire-format document, every field explicit.

    Args:
        obj: An :class:`~solpt_rehab.Exercise` (an exercise document), a
            :class:`~solpt_rehab.Routine` (a routine document), a
            :class:`~solpt_rehab.SessionLog` (a session-log document), or a sequence of exercises
            such as ``catalog.all()`` (a catalog document).

    Returns:
        A new dict of plain JSON values (dicts, lists, strings, numbers, booleans, ``None``).

    Raises:
        InvalidValueError: When ``obj`` is none of these.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 A :class:`~solpt_rehab.SessionLog`.
    """
    if isinstance(obj, Exercise):
        return header("exercise") | exercise_body(obj)
    if isinstance(obj, Routine):
        return header("routine") | routine_body(obj)
    if isinstance(obj, SessionLog):
        return header("session-log") | plain(obj)  # type: ignore[no-any-return]
    given: object = obj  # callers without a type checker may pass anything
    if isinstance(given, Iterable) and not isinstance(given, (str, bytes, dict)):
        exercises = list(given)
        if all(isinstance(item, Exercise) for item in exercises):
            return header("catalog") | {"exercises": [exercise_body(item) for item in exercises]}
    raise InvalidValueError(
        f"to_document takes an Exercise, a Routine, a SessionLog or a sequence of Exercise values: "
        f"{type(obj).__name__}"
    )


def dumps(obj: Writable, *, indent: int | None = 2) -> str:
    """Write a value as JSON text: :func:`to_document`, then ``json.dumps``.

    Args:
        obj: What :func:`to_document` takes.
        indent: The indentation, or ``None`` for one line.

    Returns:
        The JSON text, non-ASCII characters kept as they are (encode it as UTF-8).

    Raises:
        InvalidValueError: When ``obj`` is not what :func:`to_document` takes.

    .. versionadded:: 0.1.0
    """
    return json.dumps(to_document(obj), indent=indent, ensure_ascii=False, allow_nan=False)


def validate(
    document: object, *, kind: Kind | None = None, max_problems: int | None = MAX_PROBLEMS
) -> Report:
    """Find every problem of a parsed document: structure and domain rules, errors and warnings.

    Never raises for a JSON-compatible value (what ``json.loads`` returns); anything else found
    in it (a set, bytes, a date) is reported as a problem too.

    Args:
        document: The parsed document.
        kind: The kind the caller expects; another kind is a ``wrong-kind`` error.
        max_problems: How many problems the report holds at most (1,000 by default; ``None`` for
            no limit). Past it, the problems are only counted, and one more problem at the end
            says how many were left out: ``too-many-problems`` (an error) when they include an
            error, ``too-many-warnings`` otherwise, so that ``report.ok`` stays true to the
            document. The report's memory then stays small whatever the document holds.

    Returns:
        The :class:`Report`; ``report.ok`` when there is no error.

    Raises:
        InvalidValueError: For an argument that is the caller's mistake, not the document's: a
            ``kind`` that is no kind of document (``"exercize"``), a negative ``max_problems``.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 ``max_problems``.
    """
    return read(document, kind=_kind(kind), limit=_limit(max_problems))[1].report()


def validate_text(
    text: str | bytes,
    *,
    kind: Kind | None = None,
    syntax: Syntax = "json",
    max_problems: int | None = MAX_PROBLEMS,
    max_size: int | None = MAX_SIZE,
) -> Report:
    """Find every problem of a document given as text: its syntax, its structure, its rules.

    Malformed text, an empty text, invalid UTF-8, a byte-order mark (a warning), ``NaN`` or
    ``Infinity``, numbers beyond a 64-bit float, repeated keys, excessive nesting and a text
    beyond ``max_size`` are problems, never exceptions. Reading takes time linear in the text.

    Args:
        text: The text, as ``str`` or as UTF-8 ``bytes``.
        kind: The kind the caller expects; another kind is a ``wrong-kind`` error.
        syntax: ``"json"``, or ``"yaml"`` (needs the ``yaml`` extra: ``pip install
            'solpt_rehab[yaml]'``).
        max_problems: As for :func:`validate`.
        max_size: The longest text read, in characters for ``str`` and in bytes for ``bytes``
            (64 MiB by default; ``None`` for no limit). A longer text is one ``too-large`` error,
            and none of it is read.

    Returns:
        The :class:`Report`.

    Raises:
        InvalidValueError: For an argument that is the caller's mistake, not the text's: a
            ``kind`` that is no kind of document, a ``syntax`` other than ``"json"`` and
            ``"yaml"`` (``"toml"`` is refused, never read as JSON), a negative ``max_problems``
            or ``max_size``. Without PyYAML, ``syntax="yaml"`` is no exception but one
            ``yaml-not-installed`` error naming the extra to install.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 ``max_problems``.and ``max_size``.
    """
    return _read_text(
        text,
        kind=_kind(kind),
        syntax=_syntax(syntax),
        warnings=True,
        limit=_limit(max_problems),
        max_size=_size(max_size),
    )[1].report()


_KINDS: tuple[Kind, ...] = ("exercise", "catalog", "routine", "session-log")
_SYNTAXES: tuple[Syntax, ...] = ("json", "yaml")


def _kind(kind: object) -> Kind | None:
    """``kind`` checked: a kind of document or ``None``, else the caller's mistake."""
    if kind is None or (isinstance(kind, str) and kind in _KINDS):
        return kind
    raise InvalidValueError(
        f"'kind' must be 'exercise', 'catalog', 'routine', 'session-log' or None: {kind!r}"
    )


def _syntax(syntax: object) -> Syntax:
    """``syntax`` checked: ``"json"`` or ``"yaml"``, else the caller's mistake."""
    if isinstance(syntax, str) and syntax in _SYNTAXES:
        return syntax
    raise InvalidValueError(f"'syntax' must be 'json' or 'yaml': {syntax!r}")


def _limit(max_problems: object) -> int | None:
    if max_problems is None or (
        isinstance(max_problems, int) and not isinstance(max_problems, bool) and max_problems >= 0
    ):
        return max_problems
    raise InvalidValueError(f"'max_problems' must be an int >= 0 or None: {max_problems!r}")


def _size(max_size: object) -> int | None:
    if max_size is None or (
        isinstance(max_size, int) and not isinstance(max_size, bool) and max_size >= 0
    ):
        return max_size
    raise InvalidValueError(f"'max_size' must be an int >= 0 or None: {max_size!r}")


def validate_jsonl(lines: Iterable[str | bytes], *, kind: Kind | None = None) -> Iterator[Report]:
    r"""Validate JSON Lines: one document per line, one report per line, as the lines come.

    Lazy: each line is validated when its report is asked for, so a file object or any other
    stream of lines is read in constant memory, however many lines it has. Each line is
    :func:`validate_text`'s on its own (a pure function of the line, which worker processes or
    Dask can run as well). The n-th report is line n's: JSON Lines allows no blank line, so one is
    an ``empty-document`` error; the line's ending (``\n`` or ``\r\n``) is white space.

    Args:
        lines: The lines, as ``str`` or UTF-8 ``bytes``: a file opened in binary or text mode, a
            list, a generator.
        kind: The kind every line must be; another kind is a ``wrong-kind`` error.

    Yields:
        One :class:`Report` per line, in order.

    Raises:
        InvalidValueError: For a ``kind`` that is no kind of document, when the first report is
            asked for.

    .. versionadded:: 0.1.0
    """
    checked = _kind(kind)
    for line in lines:
        yield validate_text(line, kind=checked)


def _read_text(
    text: object,
    *,
    kind: str | None,
    syntax: str,
    warnings: bool,
    limit: int | None = MAX_PROBLEMS,
    max_size: int | None = MAX_SIZE,
) -> tuple[Any, Outcome]:
    """Parse and read a document: what it builds (``UNSOUND`` for an error) and its problems.

    JSON text is first read by the fast decoder alone (:func:`.fast.decode_text`), which vouches
    for an exercise or catalog document with no error. Anything else is parsed precisely, every
    marker in place, and read by :func:`read`. ``warnings`` and ``limit`` are :func:`read`'s.
    """
    decoded, found = text_of(text, max_size)
    if decoded is None:
        return UNSOUND, Outcome(found, limit=limit)
    if syntax == "json":
        built = decode_text(decoded, kind)
        if built is not UNSOUND:
            more = exercise_warnings(built) if warnings else ()
            return built, Outcome(itertools.chain(found, more), limit=limit)
        if kind in (None, "catalog"):
            read_by_exercise = read_catalog_text(decoded, warnings=warnings, limit=limit)
            if read_by_exercise is not None:
                built, outcome = read_by_exercise
                return built, outcome.after(found)
    value, problems, _ = parse_decoded(decoded, syntax)
    problems = [*found, *problems]
    if any(problem.is_error for problem in problems):
        return UNSOUND, Outcome(problems, limit=limit)
    # A text the fast decoder refused is refused again parsed precisely: start the walk at once.
    built, outcome = read(value, kind=kind, whole=syntax != "json", warnings=warnings, limit=limit)
    return built, outcome.after(problems)


@overload
def from_document(document: object, *, kind: Literal["exercise"]) -> Exercise: ...
@overload
def from_document(document: object, *, kind: Literal["catalog"]) -> tuple[Exercise, ...]: ...
@overload
def from_document(document: object, *, kind: Literal["routine"]) -> Routine: ...
@overload
def from_document(document: object, *, kind: Literal["session-log"]) -> SessionLog: ...
@overload
def from_document(document: object, *, kind: None = None) -> Content: ...
def from_document(document: object, *, kind: Kind | None = None) -> Content:
    """Read a parsed document into model values.

    Args:
        document: The parsed document.
        kind: The kind the caller expects; another kind is an error.

    Returns:
        An :class:`~solpt_rehab.Exercise`, a tuple of them (a catalog), a
        :class:`~solpt_rehab.Routine`, or a :class:`~solpt_rehab.SessionLog`.

    Raises:
        DocumentError: When the document has any error; ``error.problems`` holds every problem
            :func:`validate` reports, warnings included.
        InvalidValueError: For a ``kind`` that is no kind of document (the caller's mistake).

    .. versionadded:: 0.1.0
    """
    built, outcome = read(document, kind=_kind(kind), warnings=False)
    raise_for(outcome)
    return built  # type: ignore[no-any-return]


@overload
def loads(
    text: str | bytes,
    *,
    kind: Literal["exercise"],
    syntax: Syntax = "json",
    max_size: int | None = MAX_SIZE,
) -> Exercise: ...
@overload
def loads(
    text: str | bytes,
    *,
    kind: Literal["catalog"],
    syntax: Syntax = "json",
    max_size: int | None = MAX_SIZE,
) -> tuple[Exercise, ...]: ...
@overload
def loads(
    text: str | bytes,
    *,
    kind: Literal["routine"],
    syntax: Syntax = "json",
    max_size: int | None = MAX_SIZE,
) -> Routine: ...
@overload
def loads(
    text: str | bytes,
    *,
    kind: Literal["session-log"],
    syntax: Syntax = "json",
    max_size: int | None = MAX_SIZE,
) -> SessionLog: ...
@overload
def loads(
    text: str | bytes,
    *,
    kind: None = None,
    syntax: Syntax = "json",
    max_size: int | None = MAX_SIZE,
) -> Content: ...
def loads(
    text: str | bytes,
    *,
    kind: Kind | None = None,
    syntax: Syntax = "json",
    max_size: int | None = MAX_SIZE,
) -> Content:
    """Read a document from text into model values.

    Args:
        text: The text, as ``str`` or as UTF-8 ``bytes``.
        kind: The kind the caller expects; another kind is an error.
        syntax: ``"json"``, or ``"yaml"`` (needs the ``yaml`` extra).
        max_size: As for :func:`validate_text`: a longer text is a ``too-large`` error.

    Returns:
        What :func:`from_document` returns.

    Raises:
        DocumentError: For anything wrong with the text or the document, with every problem
            :func:`validate_text` reports (its first 1,000, then one counting the rest).
            Nothing else, for any content. Without PyYAML, ``syntax="yaml"`` is a
            ``yaml-not-installed`` error naming the extra to install.
        InvalidValueError: For an argument that is the caller's mistake: a ``kind`` that is no
            kind of document, a ``syntax`` other than ``"json"`` and ``"yaml"``, a negative
            ``max_size``.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 ``max_size``.
    """
    built, outcome = _read_text(
        text, kind=_kind(kind), syntax=_syntax(syntax), warnings=False, max_size=_size(max_size)
    )
    raise_for(outcome)
    return built  # type: ignore[no-any-return]
