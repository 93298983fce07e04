"""What the commands read: a document from a file or standard input, and the routine to work on.

``routine``, ``handout``, ``calendar`` and the ``--log`` of the first two all read a document the
same way: at most :data:`~solpt_rehab._inputs.DEFAULT_MAX_BYTES` bytes of a regular file or of
standard input (``-``), YAML by the suffix, and on failure one clear line (exit status 2) or every
problem of the document placed at its line and column (exit status 1). Each command's module calls
these instead of keeping a copy.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from collections.abc import Callable, Sequence
from typing import Final, TypeVar

from ._core.errors import DocumentError
from ._inputs import DEFAULT_MAX_BYTES, STDIN_NAME, TooLargeError, read_bounded, read_stream, reason
from ._logs.values import SessionLog
from ._present import format_located, printable
from ._routines.builder import RoutineBuilder
from ._routines.values import Routine
from ._wire.documents import Syntax, loads
from ._wire.positions import LocatedProblem, locate

__all__ = [
    "YAML_SUFFIXES",
    "add_routine_source",
    "article_routine",
    "chosen_routine",
    "day_argument",
    "fail",
    "needs_yaml",
    "read_bytes",
    "read_input",
    "read_routine",
    "read_session_log",
    "syntax_by_suffix",
]

#: The suffixes of a YAML document; every other file is read as JSON.
YAML_SUFFIXES: Final = (".yaml", ".yml")

_T = TypeVar("_T")
#: Where a document's problems go: the name it is shown by, and the problems placed in it.
Report = Callable[[str, Sequence[LocatedProblem]], None]


def fail(command: str, message: str) -> int:
    """Say ``message`` on standard error after the command's name; the usage-error status, 2."""
    print(f"{command}: {message}", file=sys.stderr)
    return 2


def needs_yaml(command: str) -> int:
    """Say that YAML needs the ``yaml`` extra; exit status 2."""
    return fail(command, "YAML needs the 'yaml' extra: pip install 'solpt_rehab[yaml]'")


def syntax_by_suffix(path: str, chosen: str = "auto") -> Syntax:
    """``json`` or ``yaml``: the one chosen, or by the path's suffix (JSON otherwise)."""
    if chosen in ("json", "yaml"):
        return "json" if chosen == "json" else "yaml"
    return "yaml" if path.lower().endswith(YAML_SUFFIXES) else "json"


def read_input(path: str, limit: int = DEFAULT_MAX_BYTES) -> bytes:
    """A document's bytes: standard input (``-``), or a regular file; never more than ``limit``.

    Raises:
        OSError: When it cannot be read, or is no regular file (a FIFO, a device).
        TooLargeError: When it holds more than ``limit`` bytes.
    """
    if path == "-":
        return read_stream(sys.stdin.buffer, limit)
    return read_bounded(path, limit)


def read_bytes(path: str, command: str) -> bytes | int:
    """A document's bytes (:func:`read_input`), or exit status 2 after one line saying why not."""
    try:
        return read_input(path)
    except OSError as error:
        return fail(command, f"cannot read {printable(repr(path))}: {reason(error)}")
    except TooLargeError as error:
        return fail(
            command, f"{printable(repr(path))} is longer than {error.limit} bytes, the limit"
        )


def _on_stderr(name: str, found: Sequence[LocatedProblem]) -> None:
    for located in found:
        print(format_located(name, located), file=sys.stderr)


def _document(
    path: str, command: str, read: Callable[[bytes, Syntax], _T], report: Report
) -> _T | int:
    """The value ``read`` makes of the document at ``path``, or the exit status without one."""
    data = read_bytes(path, command)
    if isinstance(data, int):
        return data
    syntax = syntax_by_suffix(path)
    try:
        return read(data, syntax)
    except DocumentError as error:
        if [found.code for found in error.problems] == ["yaml-not-installed"]:
            return needs_yaml(command)
        report(STDIN_NAME if path == "-" else path, locate(data, error.problems, syntax=syntax))
        return 1


def read_routine(path: str, command: str, report: Report = _on_stderr) -> Routine | int:
    """The routine document at ``path`` (``-``: standard input), or the exit status without one.

    A file that cannot be read, is too long, or is YAML without the extra: one line on standard
    error, 2. A document with errors: ``report`` gets every problem placed in it (by default,
    one line each on standard error), 1.
    """
    return _document(
        path, command, lambda data, syntax: loads(data, kind="routine", syntax=syntax), report
    )


def read_session_log(path: str, command: str) -> SessionLog | int:
    """The session-log document at ``path``, or the exit status without one.

    As :func:`read_routine` does, with the problems on standard error.
    """
    return _document(
        path,
        command,
        lambda data, syntax: loads(data, kind="session-log", syntax=syntax),
        _on_stderr,
    )


def day_argument(text: str) -> datetime.date:
    """An option's day, written ``YYYY-MM-DD`` (argparse turns the error into a usage error).

    Only that form: ``date.fromisoformat`` would also take ``20261207`` and ``2026-W50-1``.
    """
    error = argparse.ArgumentTypeError(f"{printable(repr(text))} is not a day written YYYY-MM-DD")
    if len(text) != len("YYYY-MM-DD"):
        raise error
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise error from None


def article_routine(painful_side: str) -> Routine:
    """The source article's three exercises for one painful side, at their documented minimums."""
    return (
        RoutineBuilder(f"Lower back and hip pain, {painful_side} side")
        .add("figure-4-stretch", side=painful_side)
        .add("knees-to-chest")
        .add("lying-march")
        .build()
    )


def chosen_routine(
    path: str | None, painful_side: str | None, command: str, report: Report = _on_stderr
) -> Routine | int:
    """The routine a command works on: the article's without ``path``, else the document's.

    ``--painful-side`` chooses the side of the article's routine; with a document it is a usage
    error (2), since a routine document states each item's side.
    """
    if path is None:
        return article_routine(painful_side or "left")
    if painful_side is not None:
        return fail(
            command,
            "--painful-side applies only to the article's routine (no PATH); a routine "
            "document states each item's side",
        )
    return read_routine(path, command, report)


def add_routine_source(parser: argparse.ArgumentParser) -> None:
    """Add ``PATH`` and ``--painful-side``, which :func:`chosen_routine` reads, to a command."""
    parser.add_argument(
        "path", nargs="?", metavar="PATH", help="a routine document (- reads stdin)"
    )
    parser.add_argument(
        "--painful-side",
        choices=("left", "right"),
        default=None,
        help=(
            "without PATH: the side of the painful hip (default: left); with PATH, a usage "
            "error (the document states each item's side)"
        ),
    )
