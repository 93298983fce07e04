"""``solpt-rehab calendar``: reminders for a routine's sessions, as an iCalendar file.

The command's parser and handler live here, apart from :mod:`solpt_rehab._cli`, which registers
them with :func:`add_parser`; :mod:`solpt_rehab.reminders` does the work.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path
from typing import Final

from ._cli_reading import add_routine_source, chosen_routine, day_argument, fail
from ._core.errors import InvalidValueError
from ._inputs import reason
from ._present import printable
from .reminders._ical import DEFAULT_ALARM_MINUTES

__all__ = ["add_parser"]

_PROG: Final = "solpt-rehab calendar"
_DAYS: Final = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_EPILOG: Final = """\
Each session of the day is one recurring event (give one --at per session a
day), on the routine's days a week for its weeks (--weeks, or the document's;
without either the events recur without an end), with an alarm --alarm minutes
before and the routine's summary in the description. Times are floating local
time (the patient's own, wherever they are) unless --timezone names a zone.
By default the days are spread over each week from the start's weekday.

exit status:
  0  the file was written
  1  the routine document has errors (listed on standard error)
  2  a usage error, a schedule that does not fit the routine, a file that
     cannot be read or written, or the 'calendar' extra is missing

examples:
  solpt-rehab calendar --painful-side left --start 2026-03-02 --at 08:00 --weeks 6 -o routine.ics
  solpt-rehab calendar my-routine.json --start 2026-03-02 --at 08:00 --at 18:00 -o routine.ics
  solpt-rehab calendar my-routine.json --at 07:30 --days mon,wed,fri --timezone Europe/Berlin
"""


def _times(text: str) -> list[datetime.time]:
    times = []
    for part in text.split(","):
        try:
            time = datetime.time.fromisoformat(part.strip())
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"not a time of day as HH:MM: {printable(repr(part))}"
            ) from None
        if time.tzinfo is not None:
            raise argparse.ArgumentTypeError(
                f"a time of day without a zone (use --timezone): {printable(repr(part))}"
            )
        times.append(time)
    return times


def _weekdays(text: str) -> list[int]:
    days = []
    for part in text.split(","):
        name = part.strip().lower()
        found = [day for day, full in enumerate(_DAYS) if name in (full, full[:3])]
        if not found:
            raise argparse.ArgumentTypeError(
                f"not a day of the week (mon, tue, ... sun): {printable(repr(part))}"
            )
        days.extend(found)
    return days


def _fail(message: str) -> int:
    return fail(_PROG, message)


def _calendar(args: argparse.Namespace) -> int:
    from .reminders import to_ical  # noqa: PLC0415 - loaded with the command

    routine = chosen_routine(args.path, args.painful_side, _PROG)
    if isinstance(routine, int):
        return routine

    try:
        data = to_ical(
            routine,
            at=[time for group in args.at for time in group],
            start=args.start,
            weeks=args.weeks,
            weekdays=args.days,
            timezone=args.timezone,
            alarm_minutes=args.alarm,
        )
    except (InvalidValueError, ModuleNotFoundError) as error:
        return _fail(printable(str(error)))
    if args.output in (None, "-"):
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return 0
    try:
        Path(args.output).write_bytes(data)
    except OSError as error:
        return _fail(f"cannot write {printable(repr(args.output))}: {reason(error)}")
    return 0


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``calendar`` command to the command line's subcommands."""
    command = commands.add_parser(
        "calendar",
        help="write calendar reminders (iCalendar) for a routine's sessions",
        description=(
            "Write an iCalendar file (.ics) of reminders for a routine's sessions, which a phone "
            "or a desktop calendar imports. With no PATH, the routine is the source article's "
            "three exercises, the figure-4 stretch on the painful side."
        ),
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_routine_source(command)
    command.add_argument(
        "--start",
        type=day_argument,
        metavar="DATE",
        help="the first day, YYYY-MM-DD (default: the document's start)",
    )
    command.add_argument(
        "--at",
        type=_times,
        action="append",
        required=True,
        metavar="TIME",
        help="a session's time of day, HH:MM; one per session a day (repeat, or 08:00,18:00)",
    )
    command.add_argument(
        "--weeks",
        type=int,
        metavar="N",
        help="the programme's weeks (default: the document's; none: no end)",
    )
    command.add_argument(
        "--days",
        type=_weekdays,
        metavar="DAYS",
        help="the session days, such as mon,wed,fri; as many as the routine's days a week",
    )
    command.add_argument(
        "--timezone",
        metavar="ZONE",
        help="an IANA time zone such as Europe/Berlin (default: floating local time)",
    )
    command.add_argument(
        "--alarm",
        type=int,
        default=DEFAULT_ALARM_MINUTES,
        metavar="MINUTES",
        help=f"minutes before a session that its alarm goes off (default: {DEFAULT_ALARM_MINUTES})",
    )
    command.add_argument(
        "-o", "--output", metavar="OUT", help="where to write the file (default: stdout)"
    )
    command.set_defaults(handler=_calendar)
