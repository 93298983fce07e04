"""``solpt-rehab adherence ROUTINE LOG...``: what the logs show done of a routine, and a chart.

Kept apart from :mod:`._cli`, which only registers it (:func:`add_parser`). The documents are
read and validated as ``validate`` reads them (every problem of every file at once, placed at its
line and column); the report's problems, whose paths point into the list of logs, are placed back
in the file (and the line of JSON Lines) each log came from.
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import attrs

from ._batch import READING_CODES
from ._cli_reading import day_argument, fail
from ._core.errors import InvalidValueError
from ._core.problems import Problem, problem
from ._inputs import (
    DEFAULT_MAX_BYTES,
    STDIN_NAME,
    Source,
    TooLargeError,
    jsonl_chunks,
    open_regular,
    read_bounded,
    read_stream,
    reason,
    sources,
    syntax_of,
    too_large,
)
from ._present import format_located, json_safe, printable
from ._reporters import FileStats, JsonReporter, Summary
from ._routines.values import Routine
from ._wire.documents import Kind, Syntax, loads, validate_text
from ._wire.positions import LocatedProblem, locate

if TYPE_CHECKING:
    from ._logs.adherence import Adherence
    from ._logs.values import SessionLog
    from ._logs.weekly import WeekAdherence

__all__ = ["add_parser"]

_PROG: Final = "solpt-rehab adherence"
_WEEK: Final = 7

EPILOG: Final = """\
The period runs from --start to --end, both included, within the routine's
programme. Without --start it begins on the routine's start, or on the first
log's day when the routine states none; without --end it ends on the
programme's last day or today, whichever comes first (today for a routine
without an end). How each figure is measured: docs/logs.md.

inputs:
  ROUTINE is a routine document; each LOG a session-log document (JSON, or
  YAML by its .yaml/.yml suffix), a JSON Lines file (.jsonl) of them, one a
  line, or a folder holding such files. - reads standard input (JSON), once.

output:
  The report goes to standard output: as text for a person, or with
  --format json as {"adherence": {...}, "weeks": [...], "problems": [...]}
  (docs/logs.md describes every field). The problems the report finds in the
  logs (a duplicated session, a log outside the period...) are warnings,
  printed to standard error as validate prints them:
  FILE:LINE:COL: SEVERITY CODE: MESSAGE (at POINTER), and listed in the JSON.

exit status:
  0  the report is written (warnings allowed)
  1  a document has an error: each is printed as validate prints it (with
     --format json, as validate --format json writes them), and no report
  2  a usage error, a period with no day of the programme, or a file that
     cannot be read or written

examples:
  solpt-rehab adherence routine.json logs/
  solpt-rehab adherence routine.json week1.jsonl week2.jsonl --start 2026-10-05
  solpt-rehab adherence routine.json logs.jsonl --chart weeks.svg
  solpt-rehab adherence routine.json logs.jsonl --format json > adherence.json
"""


def add_parser(commands: Any) -> None:
    """Add the ``adherence`` command to the command line's subparsers."""
    parser = commands.add_parser(
        "adherence",
        help="measure what session logs show done of a routine, per week, with a chart",
        description=(
            "Read session logs against their routine and report adherence: sessions done of "
            "those prescribed, each exercise's sets and repetitions, days without a session, "
            "pain before and after, and the same per week; optionally draw the weeks as an SVG "
            "chart."
        ),
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("routine", metavar="ROUTINE", help="the routine document")
    parser.add_argument(
        "logs",
        nargs="+",
        metavar="LOG",
        help="a session-log document, a JSON Lines file of them, or a folder",
    )
    parser.add_argument(
        "--start", type=day_argument, metavar="DAY", help="the first day (YYYY-MM-DD)"
    )
    parser.add_argument("--end", type=day_argument, metavar="DAY", help="the last day (YYYY-MM-DD)")
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text for a person (default), or one JSON object",
    )
    parser.add_argument(
        "--chart",
        metavar="FILE",
        help="also draw adherence and pain per week as an SVG image in FILE",
    )
    parser.set_defaults(handler=run)


# -- reading --------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class _Origin:
    """Where one log came from: its file, its line in JSON Lines, its text (to place problems)."""

    name: str
    line: int | None
    text: bytes


@attrs.define(kw_only=True)
class _Read:
    """What the inputs hold: the routine, the logs with their origins, every problem placed."""

    routine: Routine | None = None
    logs: list[tuple[SessionLog, _Origin]] = attrs.field(factory=list)
    problems: list[tuple[str, LocatedProblem]] = attrs.field(factory=list)


def _unreadable(name: str, why: str) -> LocatedProblem:
    found = problem((), "unreadable-file", f"cannot read {name!r}: {why}")
    return LocatedProblem(problem=found)


def _bytes(path: str | None, name: str) -> bytes | LocatedProblem:
    try:
        if path is None:
            return read_stream(sys.stdin.buffer, DEFAULT_MAX_BYTES)
        return read_bounded(path, DEFAULT_MAX_BYTES)
    except OSError as error:
        return _unreadable(name, reason(error))
    except TooLargeError:
        return LocatedProblem(problem=too_large(name, DEFAULT_MAX_BYTES))


def _document(
    data: bytes, syntax: str, kind: Kind, line: int | None = None
) -> tuple[Any, tuple[LocatedProblem, ...]]:
    """A document's value (``None`` on an error) and its problems, placed in the text."""
    chosen: Syntax = "yaml" if syntax == "yaml" else "json"
    report = validate_text(data, kind=kind, syntax=chosen)
    located = locate(data, report.problems, syntax=chosen)
    if line is not None:
        located = tuple(
            LocatedProblem(problem=found.problem, line=line, column=found.column or 1)
            for found in located
        )
    if not report.ok:
        return None, located
    return loads(data, kind=kind, syntax=chosen), located


def _jsonl(source: Source, read: _Read) -> None:
    try:
        stream = sys.stdin.buffer if source.path is None else open_regular(source.path)
    except OSError as error:
        read.problems.append((source.name, _unreadable(source.name, reason(error))))
        return
    try:
        for first, lines, too_long in jsonl_chunks(stream, DEFAULT_MAX_BYTES):
            for number, data in enumerate(lines, first):
                log, located = _document(data, "json", "session-log", number)
                read.problems.extend((source.name, found) for found in located)
                if log is not None:
                    read.logs.append((log, _Origin(name=source.name, line=number, text=data)))
            if too_long is not None:
                found = too_large(source.name, DEFAULT_MAX_BYTES, f"line {too_long}")
                read.problems.append((source.name, LocatedProblem(problem=found, line=too_long)))
    except OSError as error:
        read.problems.append((source.name, _unreadable(source.name, reason(error))))
    finally:
        if source.path is not None:
            stream.close()


def _read(args: argparse.Namespace) -> _Read | str:
    """Read the routine and every log; a usage error's message instead when there is one."""
    if [args.routine, *args.logs].count("-") > 1:
        return "standard input (-) can be read once only"
    read = _Read()
    routine_name = STDIN_NAME if args.routine == "-" else args.routine
    data = _bytes(None if args.routine == "-" else args.routine, routine_name)
    if isinstance(data, LocatedProblem):
        read.problems.append((routine_name, data))
    else:
        read.routine, located = _document(data, syntax_of(args.routine), "routine")
        read.problems.extend((routine_name, found) for found in located)
    for source in sources(args.logs):
        if source.problem is not None:
            read.problems.append((source.name, LocatedProblem(problem=source.problem)))
        elif source.syntax == "jsonl":
            _jsonl(source, read)
        else:
            data = _bytes(source.path, source.name)
            if isinstance(data, LocatedProblem):
                read.problems.append((source.name, data))
                continue
            log, located = _document(data, source.syntax, "session-log")
            read.problems.extend((source.name, found) for found in located)
            if log is not None:
                origin = _Origin(name=source.name, line=None, text=data)
                read.logs.append((log, origin))
    return read


# -- the period and the report's problems ---------------------------------------------------------


def _today() -> datetime.date:
    """Today, the default end of an open programme (tests replace it)."""
    return datetime.date.today()


def _period(
    args: argparse.Namespace, routine: Routine, logs: Sequence[SessionLog]
) -> tuple[datetime.date, datetime.date] | str:
    start: datetime.date | None = args.start or routine.start
    if start is None:
        if not logs:
            return "no --start given, and neither the routine nor any log states a day"
        start = min(log.date for log in logs)
    if args.end is not None:
        return start, args.end
    end, which = _today(), "today"
    if routine.start is not None and routine.weeks is not None:
        last = routine.start + datetime.timedelta(days=_WEEK * routine.weeks - 1)
        if last < end:
            end, which = last, "the programme's last day"
    if end < start:
        return (
            f"the period would end before it starts: {start.isoformat()} is after "
            f"{end.isoformat()}, {which}; give --end"
        )
    return start, end


#: How a message of the report names another log: by its place in the list of logs, ``(/5)``.
_OTHER_LOG: Final = re.compile(r"\(/(\d+)\)")


def _where(origin: _Origin) -> str:
    return origin.name if origin.line is None else f"{origin.name}:{origin.line}"


def _placed(found: Problem, origins: Sequence[_Origin]) -> tuple[str, LocatedProblem]:
    """A problem of the report, its path into the list of logs, placed in its log's file.

    A message naming another log by its place in the list (``logged already (/5)``) names its
    file instead, and its line in JSON Lines (``(logs.jsonl:6)``): the list is the command's own.
    """
    _, index, *rest = found.path.split("/")
    origin = origins[int(index)]
    message = _OTHER_LOG.sub(
        lambda match: (
            f"({_where(origins[int(match.group(1))])})"
            if int(match.group(1)) < len(origins)
            else match.group()
        ),
        found.message,
    )
    inside = attrs.evolve(found, path="".join(f"/{token}" for token in rest), message=message)
    [located] = locate(origin.text, [inside])
    if origin.line is not None:
        located = LocatedProblem(problem=inside, line=origin.line, column=located.column or 1)
    return origin.name, located


# -- writing --------------------------------------------------------------------------------------


def _json_problem(name: str, found: LocatedProblem) -> dict[str, Any]:
    item = found.problem
    return {
        "file": name,
        "path": item.path,
        "code": item.code,
        "severity": item.severity.value,
        "message": item.message,
        "line": found.line,
        "column": found.column,
    }


def _document_errors(
    args: argparse.Namespace, problems: Sequence[tuple[str, LocatedProblem]]
) -> None:
    """Every document's problems, as ``validate`` writes them (text on stderr, or JSON)."""
    if args.format == "text":
        for name, found in problems:
            print(format_located(name, found), file=sys.stderr)
        return
    reporter = JsonReporter(sys.stdout, sys.stderr, max_problems=None)
    reporter.start()
    summary = Summary()
    for name in dict.fromkeys(name for name, _ in problems):
        mine = [found for other, found in problems if other == name]
        reporter.file_start(name)
        for found in mine:
            reporter.problem(name, found)
        # As validate counts them: a file that cannot be read is unreadable, not an error.
        unreadable = any(found.problem.code in READING_CODES for found in mine)
        errors = sum(
            found.problem.is_error and found.problem.code not in READING_CODES for found in mine
        )
        stats = FileStats(
            documents=0 if unreadable else 1,
            bad_documents=1 if errors and not unreadable else 0,
            errors=errors,
            warnings=sum(not found.problem.is_error for found in mine),
            unreadable=unreadable,
        )
        reporter.file_end(name, stats)
        summary.add(stats)
    reporter.end(summary)


def _output(
    args: argparse.Namespace,
    report: Adherence,
    weeks: Sequence[WeekAdherence],
    problems: Sequence[tuple[str, LocatedProblem]],
) -> None:
    if args.format == "json":
        output = {
            "adherence": report.to_json(),
            "weeks": [week.to_json() for week in weeks],
            "problems": [_json_problem(name, found) for name, found in problems],
        }
        print(json_safe(json.dumps(output, indent=2, ensure_ascii=False)))
        return
    from ._logs.text import format_adherence  # noqa: PLC0415 - see run()

    print(format_adherence(attrs.evolve(report, problems=()), weeks))
    for name, found in problems:
        print(format_located(name, found), file=sys.stderr)


def _fail(message: str) -> int:
    return fail(_PROG, message)


def run(args: argparse.Namespace) -> int:  # noqa: PLR0911 - one return per outcome
    """Run ``solpt-rehab adherence``; return the exit status."""
    # Imported here, not above: every other command starts without the reports and the chart.
    from ._logs.adherence import adherence  # noqa: PLC0415
    from ._logs.chart import adherence_chart  # noqa: PLC0415
    from ._logs.weekly import weekly_adherence  # noqa: PLC0415

    read = _read(args)
    if isinstance(read, str):
        return _fail(read)
    codes = {found.problem.code for _, found in read.problems}
    if "yaml-not-installed" in codes:
        return _fail("YAML needs the 'yaml' extra: pip install 'solpt_rehab[yaml]'")
    if any(found.problem.is_error for _, found in read.problems):
        _document_errors(args, read.problems)
        return 2 if codes & READING_CODES else 1
    routine = read.routine
    if routine is None:  # pragma: no cover - no error means the routine was read
        return _fail("no routine was read")
    logs = [log for log, _ in read.logs]
    period = _period(args, routine, logs)
    if isinstance(period, str):
        return _fail(period)
    try:
        report = adherence(routine, logs, *period)
        weeks = weekly_adherence(routine, logs, *period)
    except InvalidValueError as error:
        return _fail(printable(str(error)))
    origins = [origin for _, origin in read.logs]
    placed = [*read.problems, *(_placed(found, origins) for found in report.problems)]
    if args.chart is not None:
        chart = adherence_chart(weeks, title=f"{routine.name}: adherence and pain per week")
        try:
            Path(args.chart).write_text(chart, encoding="utf-8")
        except OSError as error:
            return _fail(f"cannot write {printable(repr(args.chart))}: {reason(error)}")
    _output(args, report, weeks, placed)
    return 0
