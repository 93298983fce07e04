"""The ``routine`` command's week: ``--week N``, ``--on DATE`` and ``--log FILE``.

A routine whose items progress prescribes another dose each week; these options show the
session of one week or day (:func:`~solpt_rehab.dose_on`), the gated rules reading the session
logs given. The command line registers them with :func:`add_arguments` and applies them with
:func:`routine_of_the_day`, a few lines in ``_cli.py``.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from typing import Final

from ._cli_reading import day_argument, read_session_log
from ._core.errors import InvalidValueError
from ._logs.progression import dose_on, later
from ._logs.values import SessionLog
from ._present import printable
from ._routines.values import Routine

__all__ = ["add_arguments", "chosen_day", "day_of", "routine_of_the_day"]

_COMMAND: Final = "solpt-rehab routine"


def _week(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number >= 1: {text!r}")
    return int(text)


def add_arguments(parser: argparse.ArgumentParser, shown: str = "show the session") -> None:
    """Add ``--week``, ``--on`` and ``--log`` to a command's parser (``routine``, ``handout``).

    ``shown`` says what the command makes of the day, for the help: ``"show the session"``.
    """
    when = parser.add_mutually_exclusive_group()
    when.add_argument(
        "--week",
        type=_week,
        metavar="N",
        help=(
            f"{shown} of programme week N (1 is the first), with the doses its "
            "progression rules have reached; needs the routine's start"
        ),
    )
    when.add_argument(
        "--on",
        type=day_argument,
        metavar="DATE",
        help=f"{shown} of DATE (YYYY-MM-DD), with the doses in force that day",
    )
    parser.add_argument(
        "--log",
        action="append",
        default=[],
        metavar="FILE",
        help=(
            "a session-log document that gated rules read (repeat for more); only logs dated "
            "before the day shown count"
        ),
    )


def day_of(routine: Routine, week: int | None, on: datetime.date | None) -> datetime.date | str:
    """The day asked for, or the reason there is none (for a usage error)."""
    if on is not None:
        return on
    assert week is not None  # noqa: S101 - the caller asks only with one of the two
    if routine.start is None:
        return "--week needs the routine's start date, which this routine does not give"
    if routine.weeks is not None and week > routine.weeks:
        return f"week {week} is beyond the programme's {routine.weeks} weeks"
    day = later(routine.start, 7 * (week - 1))
    if day is None:
        return f"week {week} is beyond the calendar's last day"
    return day


def _logs(paths: list[str], command: str) -> list[SessionLog] | int:
    """The session logs named, or the exit status after saying what is wrong with one."""
    found: list[SessionLog] = []
    for path in paths:
        log = read_session_log(path, command)
        if isinstance(log, int):
            return log
        found.append(log)
    return found


def chosen_day(
    routine: Routine, args: argparse.Namespace, command: str = _COMMAND
) -> tuple[datetime.date | None, list[SessionLog]] | int:
    """The day ``args`` ask for (``None`` without ``--week`` or ``--on``) and the logs given.

    Returns the exit status, after a message on standard error that names ``command``, for a
    usage error or a log that cannot be read.
    """
    if args.week is None and args.on is None:
        if args.log:
            print(f"{command}: --log needs --week or --on", file=sys.stderr)
            return 2
        return None, []
    day = day_of(routine, args.week, args.on)
    if isinstance(day, str):
        print(f"{command}: {day}", file=sys.stderr)
        return 2
    logs = _logs(args.log, command)
    if isinstance(logs, int):
        return logs
    return day, logs


def routine_of_the_day(
    routine: Routine, args: argparse.Namespace
) -> tuple[Routine, datetime.date | None] | int:
    """The routine as prescribed on the day ``args`` ask for, and that day.

    Returns the routine unchanged and ``None`` without ``--week`` or ``--on``; the exit status
    (after a message on standard error) for a usage error or a log that cannot be read.
    """
    chosen = chosen_day(routine, args)
    if isinstance(chosen, int):
        return chosen
    day, logs = chosen
    if day is None:
        return routine, None
    try:
        shown = dose_on(routine, day, logs)
    except InvalidValueError as error:
        print(f"{_COMMAND}: {printable(str(error))}", file=sys.stderr)
        return 2
    return shown, day
