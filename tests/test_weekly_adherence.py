"""Adherence week by week: the weeks of the programme, each measured by adherence() itself."""

from __future__ import annotations

import datetime
from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from solpt_rehab import (
    Adherence,
    Frequency,
    InvalidValueError,
    ItemLog,
    Routine,
    RoutineBuilder,
    SessionLog,
    SetLog,
    WeekAdherence,
    adherence,
    weekly_adherence,
)
from solpt_rehab.strategies import session_logs

MONDAY = datetime.date(2026, 10, 5)


def day(offset: int) -> datetime.date:
    return MONDAY + datetime.timedelta(days=offset)


def routine(*, start: datetime.date | None = MONDAY, weeks: int | None = 3) -> Routine:
    built = RoutineBuilder("Hips", days_per_week=5).add("knees-to-chest", reps=4).build()
    return attrs.evolve(built, start=start, weeks=weeks)


def log(offset: int, before: int | None = None, after: int | None = None) -> SessionLog:
    return SessionLog(
        date=day(offset),
        items=[ItemLog(exercise="knees-to-chest", sets=[SetLog(reps=4)])],
        pain_before=before,
        pain_after=after,
    )


LOGS = [
    log(0, 3, 2),
    log(2, 4, 3),
    log(3),  # no pain recorded
    log(9, 5, 6),
    log(9, 5, 6),  # the same log twice: a duplicate, in week 2
    log(30),  # outside the programme: the whole period's problem, no week's
]


def test_each_week_of_the_programme_is_measured_by_adherence_over_its_days() -> None:
    weeks = weekly_adherence(routine(), LOGS, MONDAY, day(20))
    assert [week.number for week in weeks] == [1, 2, 3]
    for week, first in zip(weeks, (0, 7, 14), strict=True):
        expected = adherence(routine(), LOGS, day(first), day(first + 6))
        assert week.report == attrs.evolve(
            expected,
            problems=tuple(p for p in expected.problems if p.code != "log-outside-programme"),
        )
    assert [
        (w.report.sessions_done, w.report.sessions_prescribed, w.report.sessions_share)
        for w in weeks
    ] == [(3, 5.0, 0.6), (1, 5.0, 0.2), (0, 5.0, 0.0)]
    assert [(w.pain_before, w.pain_after) for w in weeks] == [(3.5, 2.5), (5.0, 6.0), (None, None)]
    assert [[(p.path, p.code) for p in w.report.problems] for w in weeks] == [
        [],
        [("/4", "duplicate-session")],
        [],
    ]


def test_the_weeks_are_the_programmes_even_when_the_period_starts_mid_week() -> None:
    weeks = weekly_adherence(routine(), LOGS, day(3), day(16))
    assert [(w.number, w.report.start, w.report.end, w.report.days) for w in weeks] == [
        (1, day(3), day(6), 4),
        (2, day(7), day(13), 7),
        (3, day(14), day(16), 3),
    ]
    # A partial week prescribes its share of the week's five session days.
    assert [w.report.sessions_prescribed for w in weeks] == [20 / 7, 5.0, 15 / 7]


def test_without_a_start_the_weeks_count_from_the_periods_first_day() -> None:
    weeks = weekly_adherence(routine(start=None, weeks=None), LOGS, day(2), day(10))
    assert [(w.number, w.report.start, w.report.end) for w in weeks] == [
        (1, day(2), day(8)),
        (2, day(9), day(10)),
    ]
    assert [w.report.sessions_done for w in weeks] == [2, 1]


def test_the_mean_pain_is_exact_and_leaves_out_what_was_not_recorded() -> None:
    logs = [log(0, 1, None), log(1, 2, None), log(2, 2, None), log(3, None, None)]
    [week] = weekly_adherence(routine(), logs, MONDAY, day(6))
    assert (week.pain_before, week.pain_after) == (5 / 3, None)


def test_to_json_is_the_number_the_mean_pain_and_the_report() -> None:
    [week, *_] = weekly_adherence(routine(), LOGS, MONDAY, day(20))
    assert week.to_json() == {
        "number": 1,
        "pain_before": 3.5,
        "pain_after": 2.5,
        "adherence": week.report.to_json(),
    }
    whole = weekly_adherence(routine(), [log(0, 4, 2)], MONDAY, day(6))[0]
    assert (whole.to_json()["pain_before"], whole.to_json()["pain_after"]) == (4, 2)
    assert type(whole.to_json()["pain_before"]) is int


@pytest.mark.parametrize(
    ("logs", "start", "end", "message"),
    [
        ("logs", MONDAY, day(6), "'logs' must be an iterable of SessionLog: 'logs'"),
        (42, MONDAY, day(6), "'logs' must be an iterable of SessionLog: 42"),
        ([42], MONDAY, day(6), "'logs[0]' must be a SessionLog: 42"),
        ([], day(6), MONDAY, "'end' must be >= 'start' (2026-10-11): 2026-10-05"),
        (
            [],
            day(40),
            day(50),
            (
                "the period 2026-11-14 to 2026-11-24 holds no day of the routine's programme: "
                "datetime.date(2026, 10, 5) for 3 weeks"
            ),
        ),
    ],
)
def test_bad_arguments_are_refused_as_adherence_refuses_them(
    logs: object, start: datetime.date, end: datetime.date, message: str
) -> None:
    with pytest.raises(InvalidValueError) as caught:
        weekly_adherence(routine(), logs, start, end)  # type: ignore[arg-type]
    assert str(caught.value) == message


def test_nothing_passed_in_is_modified() -> None:
    logs = list(LOGS)
    weekly_adherence(routine(), logs, MONDAY, day(20))
    assert logs == LOGS


@given(
    logs=st.lists(session_logs(), max_size=6),
    start=st.integers(0, 30),
    length=st.integers(0, 30),
    days_per_week=st.integers(1, 7),
)
def test_the_weeks_partition_the_period_and_its_sessions(
    logs: list[SessionLog], start: int, length: int, days_per_week: int
) -> None:
    """However the logs fall, the weeks cover the period's days once each, their sessions done
    add up to the whole period's and their sessions prescribed to its prescription."""
    plan = attrs.evolve(
        routine(start=day(0), weeks=None), frequency=Frequency(days_per_week=days_per_week)
    )
    moved = [attrs.evolve(entry, date=day(index * 3)) for index, entry in enumerate(logs)]
    whole: Adherence = adherence(plan, moved, day(start), day(start + length))
    weeks: tuple[WeekAdherence, ...] = weekly_adherence(
        plan, moved, day(start), day(start + length)
    )
    covered = [
        week.report.start + datetime.timedelta(days=offset)
        for week in weeks
        for offset in range(week.report.days)
    ]
    assert covered == [whole.start + datetime.timedelta(days=n) for n in range(whole.days)]
    assert sum(week.report.sessions_done for week in weeks) == whole.sessions_done
    assert sum(Fraction(days_per_week * week.report.days, 7) for week in weeks) == Fraction(
        days_per_week * whole.days, 7
    )
    assert all(0 <= week.report.sessions_share <= 1 for week in weeks)
    assert [week.number for week in weeks] == list(range(start // 7 + 1, (start + length) // 7 + 2))
