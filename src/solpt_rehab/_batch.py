"""The command line's units of work: pure functions of their arguments, run here or in workers.

A unit is one file (read and validated where it runs), one text (standard input) or one chunk of
JSON Lines; :func:`run_unit` turns it into a :class:`UnitResult`, the located problems in document
order. Everything a unit holds and returns pickles, so ``--jobs`` runs the same function in worker
processes; :func:`in_order` gives the results back in the units' order, holding a bounded number
of units in flight so that memory does not grow with the input.
"""

from __future__ import annotations

import collections
import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Final, TypeVar

import attrs

from ._core.codes import Severity
from ._core.problems import problem
from ._inputs import TooLargeError, read_bounded, reason, too_large
from ._wire.documents import validate_text
from ._wire.positions import LocatedProblem, locate

__all__ = ["FileUnit", "LinesUnit", "ReadyUnit", "TextUnit", "UnitResult", "in_order", "run_unit"]

#: The codes of problems with reading a file: the command line exits 2 when one is found.
READING_CODES: Final = frozenset({"unreadable-file", "too-large"})


@attrs.frozen(kw_only=True)
class UnitResult:
    """What one unit found: how many documents it read and their located problems, in order."""

    documents: int
    problems: tuple[LocatedProblem, ...]


@attrs.frozen(kw_only=True)
class FileUnit:
    """A JSON or YAML file, read (within ``limit`` bytes) and validated where the unit runs."""

    path: str
    syntax: str
    limit: int


@attrs.frozen(kw_only=True)
class TextUnit:
    """A text already read (standard input), with its syntax."""

    data: bytes
    syntax: str


@attrs.frozen(kw_only=True)
class LinesUnit:
    """A chunk of JSON Lines: the first line's number and the lines."""

    first: int
    lines: tuple[bytes, ...]


@attrs.frozen(kw_only=True)
class ReadyUnit:
    """A result known without any work (a file that could not be found, say)."""

    result: UnitResult


Unit = FileUnit | TextUnit | LinesUnit | ReadyUnit


def check_text(data: bytes, syntax: str) -> tuple[LocatedProblem, ...]:
    """Validate one document's text and place its problems (only when it has some)."""
    report = validate_text(data, syntax="yaml" if syntax == "yaml" else "json")
    return locate(data, report.problems, syntax=syntax) if report.problems else ()


def check_lines(first: int, lines: Iterable[bytes]) -> tuple[LocatedProblem, ...]:
    """Validate JSON Lines, line by line; each problem's line is its line in the whole stream."""
    found: list[LocatedProblem] = []
    for number, line in enumerate(lines, first):
        report = validate_text(line)
        if report.problems:
            found.extend(
                LocatedProblem(problem=item.problem, line=number, column=item.column or 1)
                for item in locate(line, report.problems)
            )
    return tuple(found)


def run_unit(unit: Unit) -> UnitResult:
    """Do one unit's work: read what it names, validate it, place its problems."""
    if isinstance(unit, ReadyUnit):
        return unit.result
    if isinstance(unit, LinesUnit):
        return UnitResult(documents=len(unit.lines), problems=check_lines(unit.first, unit.lines))
    if isinstance(unit, TextUnit):
        return UnitResult(documents=1, problems=check_text(unit.data, unit.syntax))
    try:
        data = read_bounded(unit.path, unit.limit)
    except TooLargeError as error:
        found = too_large(unit.path, error.limit)
    except OSError as error:
        found = problem((), "unreadable-file", f"cannot read {unit.path!r}: {reason(error)}")
    else:
        return UnitResult(documents=1, problems=check_text(data, unit.syntax))
    return UnitResult(documents=0, problems=(LocatedProblem(problem=found),))


def ready(*found: LocatedProblem, documents: int = 0) -> ReadyUnit:
    """A unit whose result is these problems."""
    return ReadyUnit(result=UnitResult(documents=documents, problems=found))


def errors_of(result: UnitResult) -> int:
    """How many errors a result holds."""
    return sum(1 for item in result.problems if item.problem.severity is Severity.ERROR)


M = TypeVar("M")


def _context() -> multiprocessing.context.BaseContext:
    """Fork server where there is one (no fork of a threaded process), spawn elsewhere."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["solpt_rehab._batch"])
        return context
    return multiprocessing.get_context("spawn")  # pragma: no cover - not on Linux


def run_units(units: tuple[Unit, ...]) -> tuple[UnitResult, ...]:
    """:func:`run_unit` on each of several units, in order: one round trip to a worker."""
    return tuple(run_unit(unit) for unit in units)


#: How many files go to a worker at once: a small file's check takes less time than the round
#: trip to a worker, so files travel in batches (a chunk of JSON Lines is one unit on its own).
FILES_PER_TASK: Final = 16


def in_order(
    units: Iterable[tuple[M, Unit]],
    jobs: int,
    *,
    work: Callable[[tuple[Unit, ...]], tuple[UnitResult, ...]] = run_units,
) -> Iterator[tuple[M, UnitResult]]:
    """Each unit's result with its tag, in the units' order, from ``jobs`` worker processes.

    With one job everything runs here. With more, files go to the workers in batches of
    :data:`FILES_PER_TASK`, other units one by one, and at most ``4 * jobs`` tasks are in flight:
    the units are taken from their iterable as results are given back, so a stream of JSON Lines
    is read no faster than it is checked.
    """
    if jobs <= 1:
        for tag, unit in units:
            yield tag, work((unit,))[0]
        return
    window: collections.deque[tuple[tuple[M, ...], Future[tuple[UnitResult, ...]] | UnitResult]]
    window = collections.deque()
    tags: list[M] = []
    batch: list[Unit] = []
    with ProcessPoolExecutor(max_workers=jobs, mp_context=_context()) as pool:

        def flush() -> None:
            if batch:
                window.append((tuple(tags), pool.submit(work, tuple(batch))))
                tags.clear()
                batch.clear()

        for tag, unit in units:
            if isinstance(unit, FileUnit):
                tags.append(tag)
                batch.append(unit)
                if len(batch) < FILES_PER_TASK:
                    continue
            flush()
            if isinstance(unit, ReadyUnit):
                window.append(((tag,), unit.result))
            elif not isinstance(unit, FileUnit):
                window.append(((tag,), pool.submit(work, (unit,))))
            while len(window) > 4 * jobs:
                yield from _take(window)
        flush()
        while window:
            yield from _take(window)


def _take(
    window: collections.deque[tuple[tuple[M, ...], Future[tuple[UnitResult, ...]] | UnitResult]],
) -> Iterator[tuple[M, UnitResult]]:
    tags, pending = window.popleft()
    if isinstance(pending, UnitResult):
        yield tags[0], pending
    else:
        yield from zip(tags, pending.result(), strict=True)
