"""The reminders' schedule, and the iCalendar file that carries it.

The decisions, each documented on the how-to page (docs/calendar.md):

* **One recurring event per session of the day.** A routine of two sessions a day is two events,
  one at each time of ``at``; the library does not invent times of day, so ``at`` must give
  exactly one time per session.
* **Which days.** ``days_per_week`` days in every week of seven days counted from the start. By
  default they are spread over the week from the start's weekday (day offsets ``i * 7 // n``: three
  days from a Monday are Monday, Wednesday and Friday); ``weekdays`` names them instead.
* **How long.** ``weeks`` weeks (the routine's own when not given): each event recurs
  ``days_per_week * weeks`` times (``COUNT``). A routine without weeks recurs without an end.
* **Time zone.** Floating local time by default (``DTSTART:20260302T080000``, no ``TZID``): the
  session is at 08:00 wherever the patient is, across daylight-saving changes and travel, which is
  what a home exercise reminder means. ``timezone="Europe/Berlin"`` pins the events to that zone
  instead (``TZID`` and a ``VTIMEZONE``), for calendars that handle floating times badly.
* **Stable UIDs.** A UUID (version 5) of the routine's name, the first day and the session's
  number in the day: writing the same schedule again gives the same UIDs, so a calendar that imports
  it again updates the events instead of doubling them.
"""

from __future__ import annotations

import datetime
import functools
import json
import math
import uuid
import zoneinfo
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Final

import attrs

from .._core.errors import InvalidValueError
from .._model.rules import show
from .._routines.timing import session_duration
from .._routines.values import Routine
from ..handout._content import handout_content

if TYPE_CHECKING:
    import icalendar

__all__ = ["DEFAULT_ALARM_MINUTES", "session_starts", "to_ical"]

#: Minutes before a session that its alarm goes off, unless ``alarm_minutes`` says otherwise.
DEFAULT_ALARM_MINUTES: Final = 10

#: The longest programme a schedule covers: ten years of weeks.
MAX_WEEKS: Final = 520
#: The earliest an alarm goes off: a week before its session.
MAX_ALARM_MINUTES: Final = 7 * 24 * 60

#: The product identifier of the files written (RFC 5545, 3.7.3).
_PRODID: Final = "-//solpt_rehab//reminders//EN"
#: The namespace of the events' UIDs: a UUID of its own, so that no other tool's UIDs collide.
_NAMESPACE: Final = uuid.UUID("6f1d7f0e-3c2a-5b8e-9a41-2d7c55b0e1a3")
#: RFC 5545's escapes of TEXT (3.3.11), applied in one pass: a backslash, a semicolon, a comma
#: and a line feed (the model's text holds no other control character but a tab, which TEXT allows).
_TEXT_ESCAPES: Final = str.maketrans({"\\": "\\\\", ";": "\\;", ",": "\\,", "\n": "\\n"})
_DAY_CODES: Final = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_WEEK: Final = 7


@attrs.frozen(kw_only=True)
class _Plan:
    """A schedule resolved against its routine and checked: what both functions need."""

    start: datetime.date
    times: tuple[datetime.time, ...]
    weekdays: tuple[int, ...]  # Monday 0, in the order they come from the start
    weeks: int | None
    zone: zoneinfo.ZoneInfo | None

    @property
    def first(self) -> datetime.date:
        """The first session's day: the first chosen weekday on or after the start."""
        return self.start + datetime.timedelta(days=(self.weekdays[0] - self.start.weekday()) % 7)


def _whole(value: object, name: str, minimum: int, maximum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidValueError(f"{name!r} must be a whole number: {show(value)}")
    if value < minimum:
        raise InvalidValueError(f"{name!r} must be >= {minimum}: {value}")
    if value > maximum:
        raise InvalidValueError(f"{name!r} must be <= {maximum}: {value}")
    return value


def _aware(value: object) -> bool:
    return isinstance(value, datetime.datetime) and value.tzinfo is not None


def _times(at: Iterable[datetime.time] | datetime.time, sessions: int) -> tuple[datetime.time, ...]:
    if isinstance(at, datetime.time):
        at = (at,)
    times = tuple(at)
    for time in times:
        if not isinstance(time, datetime.time):
            raise InvalidValueError(f"'at' must hold times of day: {show(time)}")
        if time.tzinfo is not None:
            raise InvalidValueError(
                f"'at' must hold local times without a zone (give 'timezone' instead): {time}"
            )
        if time.microsecond:
            raise InvalidValueError(f"'at' must hold times to the second (iCalendar's): {time}")
    if len(times) != sessions:
        word = "session" if sessions == 1 else "sessions"
        raise InvalidValueError(
            f"'at' must hold one time for each of the routine's {sessions} {word} a day: "
            f"{len(times)} given"
        )
    if len(set(times)) != len(times):
        raise InvalidValueError(f"'at' must hold different times: {', '.join(map(str, times))}")
    return tuple(sorted(times))


def _weekdays(chosen: Iterable[int] | None, days: int, start: datetime.date) -> tuple[int, ...]:
    if chosen is None:
        return tuple((start.weekday() + index * _WEEK // days) % _WEEK for index in range(days))
    given: list[int] = []
    for day in chosen:
        value: object = day
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < _WEEK:
            raise InvalidValueError(
                f"'weekdays' must hold weekdays from 0 (Monday) to 6 (Sunday): {show(value)}"
            )
        given.append(value)
    if len(set(given)) != len(given) or len(given) != days:
        raise InvalidValueError(
            f"'weekdays' must hold {days} different days, one for each of the routine's days a "
            f"week: {given}"
        )
    return tuple(sorted(given, key=lambda day: (day - start.weekday()) % _WEEK))


def _zone(name: str | None) -> zoneinfo.ZoneInfo | None:
    if name is None:
        return None
    if not isinstance(name, str):
        raise InvalidValueError(f"'timezone' must be a string or None: {show(name)}")
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as error:
        raise InvalidValueError(
            f"'timezone' must be an IANA time zone name such as 'Europe/Berlin': {name!r}"
        ) from error


def _plan(
    routine: Routine,
    *,
    at: Iterable[datetime.time] | datetime.time,
    start: datetime.date | None,
    weeks: int | None,
    weekdays: Iterable[int] | None,
    timezone: str | None,
) -> _Plan:
    if not isinstance(routine, Routine):
        raise InvalidValueError(f"'routine' must be a Routine: {show(routine)}")
    first = routine.start if start is None else start
    if first is None:
        raise InvalidValueError(
            "'start' must be given: the routine states no start day (Routine.start)"
        )
    if isinstance(first, datetime.datetime) or not isinstance(first, datetime.date):
        raise InvalidValueError(f"'start' must be a date: {show(first)}")
    length = routine.weeks if weeks is None else weeks
    if length is not None:
        _whole(length, "weeks", 1, MAX_WEEKS)
    frequency = routine.frequency
    plan = _Plan(
        start=first,
        times=_times(at, frequency.sessions_per_day),
        weekdays=_weekdays(weekdays, frequency.days_per_week, first),
        weeks=length,
        zone=_zone(timezone),
    )
    try:
        plan.first + datetime.timedelta(weeks=length or 1)
    except OverflowError:
        raise InvalidValueError(
            f"'start' must leave room for the programme before the calendar ends: {first}"
        ) from None
    return plan


def _days(plan: _Plan, count: int) -> list[datetime.date]:
    """The first ``count`` days of the plan's sessions."""
    days: list[datetime.date] = []
    day = plan.first
    chosen = frozenset(plan.weekdays)
    while len(days) < count:
        if day.weekday() in chosen:
            days.append(day)
        day += datetime.timedelta(days=1)
    return days


def session_starts(
    routine: Routine,
    *,
    at: Sequence[datetime.time] | datetime.time,
    start: datetime.date | None = None,
    weeks: int | None = None,
    weekdays: Iterable[int] | None = None,
    timezone: str | None = None,
) -> tuple[datetime.datetime, ...]:
    """When each session of a programme starts: the occurrences :func:`to_ical`'s events make.

    Args:
        routine: The routine; its frequency gives the sessions a day and the days a week.
        at: The time of day of each session, one per session a day (``datetime.time(8)``).
        start: The programme's first day; the routine's own :attr:`~solpt_rehab.Routine.start`
            when not given.
        weeks: The programme's length in weeks; the routine's own when not given.
        weekdays: The days of the sessions, 0 (Monday) to 6 (Sunday), as many as the routine's
            days a week; by default spread over the week from the start's weekday.
        timezone: An IANA time zone name: the times are then aware datetimes in that zone.
            ``None`` (the default): naive datetimes, local time wherever the patient is.

    Returns:
        Every session's start, in order: ``days_per_week * weeks * sessions_per_day`` of them.

    Raises:
        InvalidValueError: For a programme without weeks (it has no end: give ``weeks``), or a
            schedule that does not fit the routine (see :func:`to_ical`).

    .. versionadded:: 0.2.0
    """
    plan = _plan(routine, at=at, start=start, weeks=weeks, weekdays=weekdays, timezone=timezone)
    if plan.weeks is None:
        raise InvalidValueError(
            "'weeks' must be given: the routine's programme has no end (Routine.weeks is None)"
        )
    days = _days(plan, len(plan.weekdays) * plan.weeks)
    return tuple(
        datetime.datetime.combine(day, time, tzinfo=plan.zone)
        for day in days
        for time in plan.times
    )


def _uid(routine: Routine, plan: _Plan, number: int) -> str:
    key = json.dumps([routine.name, plan.first.isoformat(), number], ensure_ascii=False)
    return f"{uuid.uuid5(_NAMESPACE, key)}@solpt-rehab"


def _description(routine: Routine, plan: _Plan) -> str:
    """The routine's summary for a person, in the handout's words.

    Its name, how often (with the schedule's weeks and first day), each exercise with its dose in
    plain sentences (and how it rises, for a dose that progresses), and a session's length: the
    same words as the printed handout (:func:`~solpt_rehab.handout.handout_content`).
    """
    content = handout_content(attrs.evolve(routine, weeks=plan.weeks, start=plan.start))
    lines = [content.title, content.how_often.text]
    if content.notes is not None:
        lines += ["", content.notes]
    lines.append("")
    # The starting dose, and how it rises when it progresses: a recurring event cannot change its
    # description from week to week, so it says the rule, as the handout does.
    lines += [
        f"{exercise.number}. {exercise.name}: {' '.join((*exercise.dose, *exercise.progression))}"
        for exercise in content.exercises
    ]
    lines += ["", f"One session takes about {content.session_length}."]
    return "\n".join(lines)


@functools.cache
def _text_type() -> type[icalendar.vText]:
    r"""The TEXT type of icalendar, escaped exactly as RFC 5545 says.

    icalendar's own ``vText`` also reads the two characters ``\N`` of a text as a line break
    (its documented convenience), so a name holding them would show another text than it holds.
    """
    import icalendar  # noqa: PLC0415 - the optional extra, on first use

    class Text(icalendar.vText):
        __slots__ = ()

        def to_ical(self) -> bytes:
            return str(self).translate(_TEXT_ESCAPES).encode("utf-8")

    return Text


def to_ical(
    routine: Routine,
    *,
    at: Sequence[datetime.time] | datetime.time,
    start: datetime.date | None = None,
    weeks: int | None = None,
    weekdays: Iterable[int] | None = None,
    timezone: str | None = None,
    alarm_minutes: int = DEFAULT_ALARM_MINUTES,
    stamp: datetime.datetime | None = None,
) -> bytes:
    """An iCalendar file of reminders for a routine's sessions.

    One ``VEVENT`` per session of the day, recurring weekly on the session days (``RRULE``) for the
    programme's weeks (without an end when it has none), lasting the session's longest estimate in
    whole minutes, with a display alarm ``alarm_minutes`` before it and the routine's summary (its
    name, how often, each exercise's dose, a session's length) as its description. Text is written
    as RFC 5545 ``TEXT``: commas, semicolons, backslashes and line breaks escaped, so that nothing
    in a name or a note can start a property or a line of its own.

    Args:
        routine: The routine.
        at: The time of day of each session, one per session a day.
        start: The programme's first day; the routine's own when not given.
        weeks: The programme's length in weeks; the routine's own when not given.
        weekdays: The days of the sessions, 0 (Monday) to 6 (Sunday); see :func:`session_starts`.
        timezone: An IANA time zone name to pin the events to, or ``None`` (the default) for
            floating local time.
        alarm_minutes: How many minutes before each session its alarm goes off; 0 at the start.
        stamp: When the file is made (``DTSTAMP``), an aware datetime; now when not given. Give
            one to write the same bytes twice.

    Returns:
        The file's bytes: UTF-8, CRLF line ends, lines folded at 75 octets.

    Raises:
        InvalidValueError: For no start (none given, none in the routine), a number of times that
            is not the routine's sessions a day, times with a zone or finer than a second,
            weekdays that are not the routine's days a week, an unknown time zone,
            ``alarm_minutes`` below 0 or above a
            week (10,080), weeks below 1 or above 520 (ten years), a start too close to the end
            of the calendar (year 9999) for the programme, or a naive ``stamp``.
        ModuleNotFoundError: When the ``calendar`` extra (``icalendar``) is not installed.

    .. versionadded:: 0.2.0
    """
    plan = _plan(routine, at=at, start=start, weeks=weeks, weekdays=weekdays, timezone=timezone)
    alarm = _whole(alarm_minutes, "alarm_minutes", 0, MAX_ALARM_MINUTES)
    if stamp is None:
        stamp = datetime.datetime.now(datetime.timezone.utc)
    elif not _aware(stamp):
        raise InvalidValueError(f"'stamp' must be an aware datetime: {show(stamp)}")
    try:
        import icalendar as ical  # noqa: PLC0415 - the optional extra, on first use
    except ModuleNotFoundError as error:
        raise ModuleNotFoundError(
            "calendar reminders need the 'calendar' extra: pip install 'solpt_rehab[calendar]'",
            name=error.name,
        ) from error
    text = _text_type()
    calendar = ical.Calendar()
    calendar.add("prodid", _PRODID)
    calendar.add("version", "2.0")
    # Every text goes in as TEXT, which escapes it: icalendar would write a property it does not
    # know (NAME, X-WR-CALNAME) raw, and a line break in a name would then end the line.
    calendar.add("name", text(routine.name))  # RFC 7986
    calendar.add("x-wr-calname", text(routine.name))  # what most calendars read
    duration = datetime.timedelta(
        minutes=max(1, math.ceil(session_duration(routine).max_seconds / 60))
    )
    description = _description(routine, plan)
    rule: dict[str, object] = {
        "freq": "weekly",
        "byday": [_DAY_CODES[day] for day in plan.weekdays],
        "wkst": "MO",
    }
    if plan.weeks is not None:
        rule["count"] = len(plan.weekdays) * plan.weeks
    sessions = len(plan.times)
    for number, time in enumerate(plan.times, start=1):
        event = ical.Event()
        event.add("uid", _uid(routine, plan, number))
        event.add("dtstamp", stamp.astimezone(datetime.timezone.utc))
        event.add("dtstart", datetime.datetime.combine(plan.first, time, tzinfo=plan.zone))
        event.add("duration", duration)
        event.add("rrule", rule)
        summary = routine.name if sessions == 1 else f"{routine.name} ({number} of {sessions})"
        event.add("summary", text(summary))
        event.add("description", text(description))
        event.add("transp", "TRANSPARENT")
        reminder = ical.Alarm()
        reminder.add("action", "DISPLAY")
        reminder.add("description", text(summary))
        reminder.add("trigger", datetime.timedelta(minutes=-alarm))
        event.add_component(reminder)
        calendar.add_component(event)
    if plan.zone is not None:
        calendar.add_missing_timezones()
    return calendar.to_ical()  # type: ignore[no-any-return]
