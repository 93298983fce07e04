"""An adherence report as text for a person, and the figures it and the chart share.

Nothing here computes adherence: the figures are :func:`~solpt_rehab.adherence`'s, written out.
Texts from the logs and the routine (exercise ids, problem messages, paths) are
:func:`~solpt_rehab._present.printable`: they can neither forge a line nor drive a terminal.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Final

from .._core.errors import InvalidValueError
from .._core.escaping import printable
from .._model.values import format_number
from .adherence import Adherence
from .weekly import WeekAdherence

__all__ = ["figure", "format_adherence", "percent", "short_day"]

_MONTHS: Final = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)
_WEEKDAYS: Final = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_NOT_RECORDED: Final = "-"
#: Days without a session per line, when they are not listed by week.
_PER_ROW: Final = 7


def percent(share: float) -> str:
    """A share as a whole percentage: ``0.575`` is ``"58%"`` (half to even, as ``format``)."""
    return f"{share:.0%}"


def figure(value: float) -> str:
    """A count, to two decimals at most: ``5``, ``4.29`` (30/7), ``3.5``."""
    return format_number(round(value, 2))


def short_day(day: datetime.date) -> str:
    """A day as ``7 Dec``, the same in every locale (``strftime('%b')`` is not)."""
    return f"{day.day} {_MONTHS[day.month - 1]}"


def _pain(value: float | int | None) -> str:
    return _NOT_RECORDED if value is None else figure(value)


def _check(report: object, weeks: object) -> tuple[WeekAdherence, ...]:
    if not isinstance(report, Adherence):
        raise InvalidValueError(f"'report' must be an Adherence: {report!r}")
    if isinstance(weeks, (str, bytes)) or not isinstance(weeks, Iterable):
        raise InvalidValueError(f"'weeks' must be an iterable of WeekAdherence: {weeks!r}")
    found = tuple(weeks)
    for index, week in enumerate(found):
        if not isinstance(week, WeekAdherence):
            raise InvalidValueError(f"'weeks[{index}]' must be a WeekAdherence: {week!r}")
    return found


def format_adherence(report: Adherence, weeks: Iterable[WeekAdherence] = ()) -> str:
    r"""Write an adherence report, and optionally its weeks, as text for a person.

    The text gives the period, the sessions done of those prescribed, each exercise's sets and
    repetitions done of those prescribed, the days without a session, the pain before and after
    each session (``-`` where not recorded), one line per week when ``weeks`` are given (their
    mean pain), and the report's problems as ``SEVERITY CODE: MESSAGE (at POINTER)``, the pointer
    into the list of logs. Percentages are whole (``58%``), counts have at most two decimals
    (``4.29`` sessions prescribed in a partial week). Exercise ids and messages have their control
    characters and bidirectional controls escaped (``\x1b``, ``\u202e``).

    Args:
        report: The report, from :func:`~solpt_rehab.adherence`.
        weeks: Its weeks, from :func:`~solpt_rehab.weekly_adherence`, or none.

    Returns:
        The text: one line each, without a final newline.

    Raises:
        InvalidValueError: For a ``report`` that is no :class:`~solpt_rehab.Adherence`, or
            ``weeks`` that are not :class:`~solpt_rehab.WeekAdherence` values.

    .. versionadded:: 0.2.0
    """
    found = _check(report, weeks)
    lines = [
        (
            f"Adherence from {report.start.isoformat()} to {report.end.isoformat()} "
            f"({report.days} day{'' if report.days == 1 else 's'})"
        ),
        (
            f"Sessions done: {report.sessions_done} of {figure(report.sessions_prescribed)} "
            f"prescribed ({percent(report.sessions_share)})"
        ),
        "Per exercise, done of prescribed:",
    ]
    lines.extend(
        f"  {printable(exercise.exercise)}: sets {exercise.sets_done} of "
        f"{figure(exercise.sets_prescribed)} ({percent(exercise.sets_share)}), repetitions "
        f"{exercise.reps_done} of {figure(exercise.reps_prescribed)} "
        f"({percent(exercise.reps_share)})"
        for exercise in report.exercises
    )
    missed = report.days_without_session
    if found or not missed:
        lines.append(
            f"Days without a session: {len(missed) or 'none'}" + (" (by week below)" * bool(missed))
        )
    else:
        lines.append(f"Days without a session ({len(missed)}):")
        lines.extend(
            "  " + ", ".join(day.isoformat() for day in missed[row : row + _PER_ROW])
            for row in range(0, len(missed), _PER_ROW)
        )
    if any(record.before is not None or record.after is not None for record in report.pain):
        lines.append("Pain, 0-10, before -> after:")
        lines.extend(
            f"  {record.date.isoformat()} "
            f"{'     ' if record.time is None else record.time.isoformat(timespec='minutes')}"
            f"  {_pain(record.before)} -> {_pain(record.after)}"
            for record in report.pain
        )
    else:
        lines.append("Pain: none recorded")
    if found:
        lines.append("Per week, sessions done of prescribed, mean pain before -> after:")
        for week in found:
            lines.append(
                f"  week {week.number}, {week.report.start.isoformat()} to "
                f"{week.report.end.isoformat()}: {week.report.sessions_done} of "
                f"{figure(week.report.sessions_prescribed)} "
                f"({percent(week.report.sessions_share)}), pain {_pain(week.pain_before)} -> "
                f"{_pain(week.pain_after)}"
            )
            if week.report.days_without_session:
                lines.append(
                    "    no session on "
                    + ", ".join(
                        f"{_WEEKDAYS[day.weekday()]} {short_day(day)}"
                        for day in week.report.days_without_session
                    )
                )
    if report.problems:
        lines.append(f"Problems in the logs ({len(report.problems)}):")
        lines.extend(
            f"  {problem.severity.value} {problem.code}: {printable(problem.message)} "
            f"(at {printable(problem.path)})"
            for problem in report.problems
        )
    lines.append("Shares are done / prescribed, at most 100% (the definitions: docs/logs.md)")
    return "\n".join(lines)
