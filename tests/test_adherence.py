"""Adherence: a routine's logs read against its prescription, every figure and every problem."""

from __future__ import annotations

import datetime
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from solpt_rehab import (
    Adherence,
    CountingRule,
    ExerciseAdherence,
    Frequency,
    InvalidValueError,
    ItemLog,
    PainRecord,
    Problem,
    Routine,
    RoutineBuilder,
    SessionLog,
    SetLog,
    Severity,
    adherence,
    catalog,
)
from solpt_rehab._routines.dose import sets_played
from solpt_rehab.strategies import routines, session_logs

W = Severity.WARNING
DEC = 2026, 12


def day(number: int) -> datetime.date:
    return datetime.date(*DEC, number)


def hips(**changes: Any) -> Routine:
    """Knees-to-chest (3 reps, bilateral) and the lying march (8 lifts in all), 5 days a week,
    for two weeks from Monday 7 December 2026."""
    builder = RoutineBuilder("Hips")
    builder.add("knees-to-chest")
    builder.add("lying-march")
    routine = builder.build()
    fields: dict[str, Any] = {
        "frequency": Frequency(days_per_week=5),
        "weeks": 2,
        "start": day(7),
        **changes,
    }
    return attrs.evolve(routine, **fields)


def ktc(reps: int) -> ItemLog:
    return ItemLog(exercise="knees-to-chest", sets=[SetLog(reps=reps, hold_seconds=20)])


LOGS = [
    SessionLog(
        date=day(7),
        time="07:30",
        items=[ktc(3), ItemLog(exercise="lying-march", sets=[SetLog(left_reps=4, right_reps=4)])],
        pain_before=4,
        pain_after=3,
    ),
    SessionLog(
        date=day(8),
        time="07:30",
        items=[ktc(2), ItemLog(exercise="lying-march", skipped="tired")],
        pain_before=4,
        pain_after=4,
    ),
    SessionLog(date=day(8), time="07:30", items=[ktc(3)]),
    SessionLog(
        date=day(10),
        items=[
            ktc(3),
            ItemLog(exercise="lying-march", sets=[SetLog(reps=20)]),
            ItemLog(exercise="bridge", sets=[SetLog(reps=10)]),
        ],
        pain_before=5,
        pain_after=6,
    ),
    SessionLog(date=day(14), items=[ktc(3)]),
    SessionLog(
        date=day(11), items=[ItemLog(exercise="knees-to-chest", skipped="pain")], pain_before=6
    ),
]


def test_a_week_of_logs_gives_every_figure_exactly() -> None:
    assert adherence(hips(), LOGS, day(7), day(13)) == Adherence(
        start=day(7),
        end=day(13),
        days=7,
        sessions_prescribed=5.0,
        sessions_done=3,
        sessions_share=0.6,
        exercises=(
            ExerciseAdherence(
                exercise="knees-to-chest",
                sets_prescribed=5.0,
                sets_done=3,
                sets_share=0.6,
                reps_prescribed=15.0,
                reps_done=8,
                reps_share=8 / 15,
            ),
            ExerciseAdherence(
                exercise="lying-march",
                sets_prescribed=5.0,
                sets_done=2,
                sets_share=0.4,
                reps_prescribed=40.0,
                reps_done=28,
                reps_share=0.7,
            ),
        ),
        days_without_session=(day(9), day(11), day(12), day(13)),
        pain=(
            PainRecord(date=day(7), time=datetime.time(7, 30), before=4, after=3),
            PainRecord(date=day(8), time=datetime.time(7, 30), before=4, after=4),
            PainRecord(date=day(10), time=None, before=5, after=6),
            PainRecord(date=day(11), time=None, before=6, after=None),
        ),
        problems=(
            Problem(
                path="/2",
                code="duplicate-session",
                severity=W,
                message="the session of 2026-12-08 at 07:30 is logged already (/1); counted once",
            ),
            Problem(
                path="/3/items/1/sets/0",
                code="log-dose-far",
                severity=W,
                message=(
                    "20 repetitions done, more than 2 times the 8 prescribed for 'lying-march'"
                ),
            ),
            Problem(
                path="/3/items/2",
                code="log-unknown-exercise",
                severity=W,
                message="'bridge' is not an exercise of the routine; left out",
            ),
            Problem(
                path="/4",
                code="log-outside-programme",
                severity=W,
                message=(
                    "the session of 2026-12-14 is outside the period counted "
                    "(2026-12-07 to 2026-12-13); left out"
                ),
            ),
        ),
    )


def test_a_partial_week_counts_its_share_of_the_session_days() -> None:
    report = adherence(hips(), [], day(7), day(16))
    assert (report.days, report.sessions_prescribed) == (10, 50 / 7)
    assert report.sessions_share == 0.0
    assert report.exercises[1].reps_prescribed == 8 * 50 / 7


def test_the_period_is_clipped_to_the_programme_and_logs_beyond_it_are_left_out() -> None:
    report = adherence(hips(), [SessionLog(date=day(21), items=[ktc(3)])], day(1), day(31))
    assert (report.start, report.end, report.days, report.sessions_prescribed) == (
        day(7),
        day(20),
        14,
        10.0,
    )
    assert [(found.path, found.code) for found in report.problems] == [
        ("/0", "log-outside-programme")
    ]
    assert report.sessions_done == 0


def test_a_routine_without_start_or_weeks_counts_the_period_asked_for() -> None:
    report = adherence(hips(start=None, weeks=None), [], day(1), day(2))
    assert (report.start, report.end, report.days) == (day(1), day(2), 2)


def test_the_same_log_twice_without_a_time_is_counted_once() -> None:
    log = SessionLog(date=day(7), items=[ktc(3)])
    report = adherence(hips(), [log, log], day(7), day(7))
    assert report.sessions_done == 1
    assert report.exercises[0].reps_done == 3
    assert [(found.path, found.code, found.message) for found in report.problems] == [
        (
            "/1",
            "duplicate-session",
            "the session of 2026-12-07 is logged already (/0); counted once",
        )
    ]


def test_a_log_of_exercises_the_routine_lacks_is_no_session_done() -> None:
    logs = [SessionLog(date=day(7), items=[ItemLog(exercise="bridge", sets=[SetLog(reps=8)])])]
    report = adherence(hips(), logs, day(7), day(7))
    assert (report.sessions_done, report.days_without_session) == (0, (day(7),))
    assert [found.code for found in report.problems] == ["log-unknown-exercise"]


def test_two_sessions_of_one_day_at_different_times_both_count() -> None:
    logs = [SessionLog(date=day(7), time=time, items=[ktc(3)]) for time in ("07:00", "19:00")]
    report = adherence(hips(frequency=Frequency(sessions_per_day=2)), logs, day(7), day(7))
    assert (report.sessions_prescribed, report.sessions_done, report.sessions_share) == (
        2.0,
        2,
        1.0,
    )
    assert report.problems == ()


def test_shares_are_capped_and_counts_are_not() -> None:
    logs = [SessionLog(date=day(7), items=[ktc(5)])]
    report = adherence(hips(frequency=Frequency(days_per_week=1)), logs, day(7), day(7))
    assert (report.sessions_prescribed, report.sessions_done, report.sessions_share) == (
        1 / 7,
        1,
        1.0,
    )
    assert (report.exercises[0].reps_done, report.exercises[0].reps_share) == (5, 1.0)


def test_too_many_sets_in_one_session_are_far_from_the_prescription() -> None:
    logs = [
        SessionLog(date=day(7), items=[ItemLog(exercise="knees-to-chest", sets=[SetLog()] * 3)])
    ]
    report = adherence(hips(), logs, day(7), day(7))
    assert [(found.path, found.code, found.message) for found in report.problems] == [
        (
            "/0/items/0/sets",
            "log-dose-far",
            "3 sets of 'knees-to-chest' done in one session, more than 2 times the 1 prescribed",
        )
    ]
    assert report.exercises[0].sets_done == 3


def test_a_per_side_exercise_counts_each_side_apart() -> None:
    march = catalog.get("lying-march")
    per_side = attrs.evolve(
        march,
        repetitions=attrs.evolve(march.repetitions, counting=CountingRule.PER_SIDE),
    )
    builder = RoutineBuilder("March")
    builder.add(per_side)
    routine = builder.build()
    logs = [
        SessionLog(date=day(7), items=[ItemLog(exercise="lying-march", sets=[SetLog(reps=8)])]),
        SessionLog(
            date=day(8),
            items=[ItemLog(exercise="lying-march", sets=[SetLog(left_reps=8, right_reps=7)])],
        ),
    ]
    (report,) = adherence(routine, logs, day(7), day(8)).exercises
    assert (report.reps_prescribed, report.reps_done, report.reps_share) == (32.0, 31, 31 / 32)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ((hips(), [], day(8), day(7)), "'end' must be >= 'start' (2026-12-08): 2026-12-07"),
        (("Hips", [], day(7), day(8)), "'routine' must be a Routine: 'Hips'"),
        ((hips(), ["log"], day(7), day(8)), "'logs[0]' must be a SessionLog: 'log'"),
        ((hips(), "logs", day(7), day(8)), "'logs' must be an iterable of SessionLog: 'logs'"),
        ((hips(), [], "2026-12-07", day(8)), "'start' must be a datetime.date: '2026-12-07'"),
        (
            (hips(), [], day(1), day(6)),
            (
                "the period 2026-12-01 to 2026-12-06 holds no day of the routine's programme: "
                "datetime.date(2026, 12, 7) for 2 weeks"
            ),
        ),
    ],
)
def test_bad_arguments_raise(arguments: tuple[Any, ...], message: str) -> None:
    with pytest.raises(InvalidValueError) as raised:
        adherence(*arguments)
    assert str(raised.value) == message


def _full_logs(routine: Routine, first: datetime.date, days: int) -> list[SessionLog]:
    """A log of every session of every day, each item played as prescribed."""
    items = [
        ItemLog(exercise=item.exercise.id, sets=[SetLog(reps=item.reps)] * sets_played(item))
        for item in routine.items
    ]
    return [
        SessionLog(
            date=first + datetime.timedelta(days=offset),
            time=datetime.time(session),
            items=items,
        )
        for offset in range(days)
        for session in range(routine.frequency.sessions_per_day)
    ]


@settings(max_examples=50, deadline=None)
@given(routines(max_items=3), st.integers(1, 21))
def test_logs_that_follow_the_prescription_give_share_one(routine: Routine, days: int) -> None:
    routine = attrs.evolve(routine, start=day(1), weeks=None)
    report = adherence(routine, _full_logs(routine, day(1), days), day(1), day(days))
    assert report.problems == ()
    assert report.sessions_share == 1.0
    assert report.days_without_session == ()
    assert all(one.sets_share == one.reps_share == 1.0 for one in report.exercises)


@settings(max_examples=50, deadline=None)
@given(st.data(), routines(max_items=3), st.integers(1, 21))
def test_shares_stay_within_zero_and_one_and_done_within_the_logs(
    data: st.DataObject, routine: Routine, days: int
) -> None:
    routine = attrs.evolve(routine, start=day(1), weeks=None)
    ids = [item.exercise.id for item in routine.items]
    logs = data.draw(
        st.lists(session_logs(exercise_ids=ids, min_date=day(1), max_date=day(31)), max_size=8)
    )
    report = adherence(routine, logs, day(1), day(days))
    assert report.sessions_done <= len(logs)
    assert 0.0 <= report.sessions_share <= 1.0
    for one in report.exercises:
        assert 0.0 <= one.sets_share <= 1.0
        assert 0.0 <= one.reps_share <= 1.0
        logged = [i for log in logs for i in log.items if i.exercise == one.exercise]
        assert one.sets_done <= sum(len(i.sets) for i in logged)
    assert all(found.severity is W for found in report.problems)
