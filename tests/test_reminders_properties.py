"""Properties of the reminders, over routines and schedules drawn by Hypothesis.

Whatever the routine and the schedule, the file that ``to_ical`` writes, expanded by the
third-party ``recurring-ical-events``, holds exactly the sessions ``session_starts`` lists, and
those are the prescribed number, each week of the programme holding the routine's days.
"""

from __future__ import annotations

import datetime
from typing import Any

import attrs
import icalendar
import recurring_ical_events
from hypothesis import given
from hypothesis import strategies as st

from solpt_rehab import Frequency, Routine
from solpt_rehab.reminders import session_starts, to_ical
from solpt_rehab.strategies import routines

STAMP = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)
ZONES = (None, "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "UTC")


@st.composite
def schedules(draw: st.DrawFn) -> tuple[Routine, dict[str, Any]]:
    """A routine with a drawn frequency and programme, and a schedule that fits it."""
    sessions = draw(st.integers(1, 3))
    days = draw(st.integers(1, 7))
    routine = attrs.evolve(
        draw(routines(max_items=2)),
        frequency=Frequency(sessions_per_day=sessions, days_per_week=days),
        weeks=draw(st.integers(1, 6)),
    )
    times = draw(
        st.lists(
            st.times().map(lambda time: time.replace(second=0, microsecond=0)),
            min_size=sessions,
            max_size=sessions,
            unique=True,
        )
    )
    named = draw(st.none() | st.permutations(range(7)).map(lambda order: order[:days]))
    schedule = {
        "at": times,
        "start": draw(st.dates(datetime.date(2020, 1, 1), datetime.date(2035, 12, 31))),
        "weekdays": named,
        "timezone": draw(st.sampled_from(ZONES)),
    }
    return routine, schedule


@given(schedules())
def test_the_expanded_file_holds_exactly_the_prescribed_sessions(
    drawn: tuple[Routine, dict[str, Any]],
) -> None:
    routine, schedule = drawn
    frequency = routine.frequency
    assert routine.weeks is not None

    data = to_ical(routine, stamp=STAMP, **schedule)
    starts = session_starts(routine, **schedule)

    calendar = icalendar.Calendar.from_ical(data)
    expanded = sorted(
        event["DTSTART"].dt
        for event in recurring_ical_events.of(calendar).between(
            datetime.date(2019, 1, 1), datetime.date(2037, 1, 1)
        )
    )
    assert expanded == list(starts)
    assert len(starts) == frequency.sessions_per_day * frequency.days_per_week * routine.weeks
    first = starts[0].date()
    assert first >= schedule["start"]
    assert (first - schedule["start"]).days < 7
    for week in range(routine.weeks):
        begin = first + datetime.timedelta(weeks=week)
        days = {start.date() for start in starts if 0 <= (start.date() - begin).days < 7}
        assert len(days) == frequency.days_per_week
        if schedule["weekdays"] is not None:
            assert {day.weekday() for day in days} == set(schedule["weekdays"])
    times = sorted(schedule["at"])
    assert [start.time() for start in starts[: len(times)]] == times
