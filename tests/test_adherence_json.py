"""The adherence report's JSON form (to_json) and its text for a person (format_adherence)."""

from __future__ import annotations

import datetime
import json

import attrs
import pytest
from hypothesis import given

from solpt_rehab import (
    Adherence,
    InvalidValueError,
    ItemLog,
    Routine,
    RoutineBuilder,
    SessionLog,
    SetLog,
    adherence,
    format_adherence,
    weekly_adherence,
)
from solpt_rehab.strategies import session_logs

MONDAY = datetime.date(2026, 10, 5)


def day(offset: int) -> datetime.date:
    return MONDAY + datetime.timedelta(days=offset)


ROUTINE: Routine = attrs.evolve(
    RoutineBuilder("Hips", days_per_week=3)
    .add("knees-to-chest", reps=4)
    .add("lying-march", reps=10)
    .build(),
    start=MONDAY,
    weeks=2,
)
MARCH = ItemLog(exercise="lying-march", sets=[SetLog(left_reps=5, right_reps=4)])
LOGS = [
    SessionLog(
        date=day(0),
        time="07:30",
        items=[ItemLog(exercise="knees-to-chest", sets=[SetLog(reps=4)] * 2), MARCH],
        pain_before=4,
        pain_after=3,
    ),
    SessionLog(date=day(2), items=[MARCH], pain_before=5),
    SessionLog(date=day(2), items=[MARCH], pain_before=5),
    SessionLog(date=day(8), items=[ItemLog(exercise="plank", sets=[SetLog(reps=1)]), MARCH]),
]
REPORT = adherence(ROUTINE, LOGS, MONDAY, day(9))


def test_to_json_writes_every_field_under_its_own_name() -> None:
    assert REPORT.to_json() == {
        "start": "2026-10-05",
        "end": "2026-10-14",
        "days": 10,
        "sessions_prescribed": 30 / 7,
        "sessions_done": 3,
        "sessions_share": 0.7,
        "exercises": [
            {
                "exercise": "knees-to-chest",
                "sets_prescribed": 30 / 7,
                "sets_done": 2,
                "sets_share": 7 / 15,
                "reps_prescribed": 120 / 7,
                "reps_done": 8,
                "reps_share": 7 / 15,
            },
            {
                "exercise": "lying-march",
                "sets_prescribed": 30 / 7,
                "sets_done": 3,
                "sets_share": 0.7,
                "reps_prescribed": 300 / 7,
                "reps_done": 27,
                "reps_share": 0.63,
            },
        ],
        "days_without_session": [
            "2026-10-06",
            "2026-10-08",
            "2026-10-09",
            "2026-10-10",
            "2026-10-11",
            "2026-10-12",
            "2026-10-14",
        ],
        "pain": [
            {"date": "2026-10-05", "time": "07:30", "before": 4, "after": 3},
            {"date": "2026-10-07", "time": None, "before": 5, "after": None},
            {"date": "2026-10-13", "time": None, "before": None, "after": None},
        ],
        "problems": [
            {
                "path": "/2",
                "code": "duplicate-session",
                "severity": "warning",
                "message": "the session of 2026-10-07 is logged already (/1); counted once",
            },
            {
                "path": "/3/items/0",
                "code": "log-unknown-exercise",
                "severity": "warning",
                "message": "'plank' is not an exercise of the routine; left out",
            },
        ],
    }


def test_to_json_lists_every_field_of_the_report_in_its_order() -> None:
    """A field added to a report class and forgotten in its JSON form fails here."""
    assert list(REPORT.to_json()) == [field.name for field in attrs.fields(Adherence)]
    for exercise in REPORT.exercises:
        assert list(exercise.to_json()) == [field.name for field in attrs.fields(type(exercise))]
    for record in REPORT.pain:
        assert list(record.to_json()) == [field.name for field in attrs.fields(type(record))]


def test_whole_numbers_are_written_as_ints() -> None:
    report = adherence(ROUTINE, LOGS[:1], MONDAY, day(6))
    text = json.dumps(report.to_json())
    assert '"sessions_prescribed": 3,' in text
    assert '"reps_prescribed": 12,' in text
    assert '"sessions_share": 0.3333333333333333,' in text


@given(logs=session_logs().map(lambda entry: [entry]))
def test_the_json_form_is_json_and_reads_back_to_the_same_figures(logs: list[SessionLog]) -> None:
    report = adherence(ROUTINE, logs, MONDAY, day(13))
    form = json.loads(json.dumps(report.to_json(), allow_nan=False))
    assert form == report.to_json()
    assert (form["sessions_done"], form["sessions_share"]) == (
        report.sessions_done,
        report.sessions_share,
    )
    assert [p["code"] for p in form["problems"]] == [p.code for p in report.problems]


TEXT = """\
Adherence from 2026-10-05 to 2026-10-14 (10 days)
Sessions done: 3 of 4.29 prescribed (70%)
Per exercise, done of prescribed:
  knees-to-chest: sets 2 of 4.29 (47%), repetitions 8 of 17.14 (47%)
  lying-march: sets 3 of 4.29 (70%), repetitions 27 of 42.86 (63%)
Days without a session: 7 (by week below)
Pain, 0-10, before -> after:
  2026-10-05 07:30  4 -> 3
  2026-10-07        5 -> -
  2026-10-13        - -> -
Per week, sessions done of prescribed, mean pain before -> after:
  week 1, 2026-10-05 to 2026-10-11: 2 of 3 (67%), pain 4.5 -> 3
    no session on Tue 6 Oct, Thu 8 Oct, Fri 9 Oct, Sat 10 Oct, Sun 11 Oct
  week 2, 2026-10-12 to 2026-10-14: 1 of 1.29 (78%), pain - -> -
    no session on Mon 12 Oct, Wed 14 Oct
Problems in the logs (2):
  warning duplicate-session: the session of 2026-10-07 is logged already (/1); counted once \
(at /2)
  warning log-unknown-exercise: 'plank' is not an exercise of the routine; left out \
(at /3/items/0)
Shares are done / prescribed, at most 100% (the definitions: docs/logs.md)"""


def test_format_adherence_writes_the_report_and_its_weeks_for_a_person() -> None:
    weeks = weekly_adherence(ROUTINE, LOGS, MONDAY, day(9))
    assert format_adherence(REPORT, weeks) == TEXT


def test_without_weeks_the_days_without_a_session_are_listed_seven_a_line() -> None:
    lines = format_adherence(REPORT).splitlines()
    assert lines[5:8] == [
        "Days without a session (7):",
        "  2026-10-06, 2026-10-08, 2026-10-09, 2026-10-10, 2026-10-11, 2026-10-12, 2026-10-14",
        "Pain, 0-10, before -> after:",
    ]
    assert not any(line.startswith("Per week") for line in lines)


def test_a_report_without_pain_recorded_or_missed_days_says_so() -> None:
    every_day = [
        SessionLog(date=day(n), items=[MARCH]) for n in range(3)
    ]  # three sessions in three days: more than the 9/7 prescribed
    report = adherence(ROUTINE, every_day, MONDAY, day(2))
    assert format_adherence(report).splitlines()[1:7] == [
        "Sessions done: 3 of 1.29 prescribed (100%)",
        "Per exercise, done of prescribed:",
        "  knees-to-chest: sets 0 of 1.29 (0%), repetitions 0 of 5.14 (0%)",
        "  lying-march: sets 3 of 1.29 (100%), repetitions 27 of 12.86 (100%)",
        "Days without a session: none",
        "Pain: none recorded",
    ]


def test_control_and_bidirectional_characters_of_a_message_are_escaped() -> None:
    hostile = attrs.evolve(
        REPORT.problems[1], message="'pl\x1b[2Jank\u202e' is not an exercise of the routine"
    )
    text = format_adherence(attrs.evolve(REPORT, problems=(hostile,)))
    assert (
        "  warning log-unknown-exercise: 'pl\\x1b[2Jank\\u202e' is not an exercise of the routine "
        "(at /3/items/0)"
    ) in text.splitlines()
    assert "\x1b" not in text
    assert "\u202e" not in text


@pytest.mark.parametrize(
    ("report", "weeks", "message"),
    [
        (None, (), "'report' must be an Adherence: None"),
        (REPORT, "weeks", "'weeks' must be an iterable of WeekAdherence: 'weeks'"),
        (REPORT, 3, "'weeks' must be an iterable of WeekAdherence: 3"),
        (REPORT, [REPORT], f"'weeks[0]' must be a WeekAdherence: {REPORT!r}"),
    ],
)
def test_format_adherence_refuses_what_is_not_a_report(
    report: object, weeks: object, message: str
) -> None:
    with pytest.raises(InvalidValueError) as caught:
        format_adherence(report, weeks)  # type: ignore[arg-type]
    assert str(caught.value) == message
