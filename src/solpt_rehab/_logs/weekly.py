"""Adherence week by week, with the week's pain: what a follow-up reads as a trend.

Each week is measured by :func:`~solpt_rehab.adherence` itself over the days of that week, so a
week's figures follow the one definition of adherence (``docs/logs.md``); this module only cuts
the period into weeks and averages the week's pain.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from fractions import Fraction
from typing import Any, Final

import attrs

from .._core.errors import InvalidValueError
from .._routines.values import Routine
from .adherence import Adherence, adherence
from .values import SessionLog

__all__ = ["WeekAdherence", "weekly_adherence"]

_WEEK: Final = 7


def _mean(values: Iterable[int | None]) -> float | None:
    """The mean of the values recorded (``None`` left out), or ``None`` when none is."""
    recorded = [value for value in values if value is not None]
    if not recorded:
        return None
    return float(Fraction(sum(recorded), len(recorded)))


@attrs.frozen(kw_only=True)
class WeekAdherence:
    """One week of a period: its adherence report, and its mean pain before and after.

    Attributes:
        number: The week's number, from 1: the week of the routine's programme when the routine
            has a ``start`` (week 1 begins on that day), else the week of the period.
        report: The week's :class:`~solpt_rehab.Adherence`, measured over the days of the week
            that fall in the period (a first or last week may have fewer than seven). Its
            problems are those of the week's own logs: a log of another week is none of its
            business, so no ``log-outside-programme`` is among them.
        pain_before: The mean of the pain before the week's sessions, over those that record
            it, or ``None`` when none does.
        pain_after: The mean of the pain after, likewise.

    .. versionadded:: 0.2.0
    """

    number: int
    report: Adherence
    pain_before: float | None
    pain_after: float | None

    def to_json(self) -> dict[str, Any]:
        """The week as a JSON object: its number, its mean pain, and its report.

        Returns:
            A new dict: ``{"number": 1, "pain_before": 3.5, "pain_after": 4, "adherence":
            {...}}``, the report as :meth:`Adherence.to_json <solpt_rehab.Adherence.to_json>`
            writes it; a whole number is an ``int``.

        .. versionadded:: 0.2.0
        """
        return {
            "number": self.number,
            "pain_before": _number(self.pain_before),
            "pain_after": _number(self.pain_after),
            "adherence": self.report.to_json(),
        }


def _number(value: float | None) -> float | None:
    if value is None:
        return None
    return int(value) if value.is_integer() else value


def _week(number: int, report: Adherence) -> WeekAdherence:
    return WeekAdherence(
        number=number,
        report=attrs.evolve(
            report,
            problems=tuple(
                found for found in report.problems if found.code != "log-outside-programme"
            ),
        ),
        pain_before=_mean(record.before for record in report.pain),
        pain_after=_mean(record.after for record in report.pain),
    )


def weekly_adherence(
    routine: Routine,
    logs: Iterable[SessionLog],
    start: datetime.date,
    end: datetime.date,
) -> tuple[WeekAdherence, ...]:
    """Measure adherence week by week from ``start`` to ``end``, with each week's mean pain.

    The period is :func:`~solpt_rehab.adherence`'s (``start`` to ``end`` within the routine's
    programme). It is cut into the programme's weeks when the routine has a ``start`` (week 1
    begins on that day), else into weeks from the period's first day; the first and last may be
    partial. Each week is ``adherence(routine, logs, first, last)`` over its own days, so its
    sessions prescribed are its share of the week's session days, and its pain is the mean of
    what its counted sessions record.

    Args:
        routine: The routine prescribed.
        logs: The session logs, in any order; problem paths index this sequence.
        start: The first day of the period, included.
        end: The last day of the period, included.

    Returns:
        One :class:`WeekAdherence` per week of the period, in order; never empty.

    Raises:
        InvalidValueError: As :func:`~solpt_rehab.adherence` does: a ``routine``, a log,
            ``start`` or ``end`` of the wrong type, ``end`` before ``start``, or a period with
            no day of the programme.

    .. versionadded:: 0.2.0
    """
    checked: object = logs  # a caller's mistake is no Iterable[SessionLog]
    if isinstance(checked, (str, bytes)) or not isinstance(checked, Iterable):
        raise InvalidValueError(f"'logs' must be an iterable of SessionLog: {logs!r}")
    found = tuple(logs)
    whole = adherence(routine, found, start, end)
    anchor = routine.start if routine.start is not None else whole.start
    first_number = (whole.start - anchor).days // _WEEK + 1
    last_number = (whole.end - anchor).days // _WEEK + 1
    weeks = []
    for number in range(first_number, last_number + 1):
        week_start = anchor + datetime.timedelta(days=_WEEK * (number - 1))
        first = max(week_start, whole.start)
        last = min(week_start + datetime.timedelta(days=_WEEK - 1), whole.end)
        report = adherence(routine, found, first, last)
        weeks.append(_week(number, report))
    return tuple(weeks)
