"""Session logs: the values, their wire format and their strategies."""

from __future__ import annotations

import datetime
import json

import pytest
from hypothesis import given
from hypothesis.errors import InvalidArgument

from solpt_rehab import (
    Difficulty,
    DocumentError,
    InvalidValueError,
    ItemLog,
    SessionLog,
    SetLog,
    dumps,
    from_document,
    json_schema,
    loads,
    strategies,
    to_document,
    validate,
    validate_text,
)

LOG = SessionLog(
    date="2026-12-02",
    time="07:30",
    items=[
        ItemLog(exercise="knees-to-chest", sets=[SetLog(reps=3, hold_seconds=20)] * 2, rpe=3),
        ItemLog(exercise="lying-march", sets=[SetLog(left_reps=8, right_reps=7)]),
        ItemLog(exercise="figure-4-stretch", skipped="hip sore", difficulty="hard"),
    ],
    pain_before=4,
    pain_after=3,
    notes="Before breakfast.",
)


def test_a_log_converts_its_fields_and_holds_tuples() -> None:
    assert LOG.date == datetime.date(2026, 12, 2)
    assert LOG.time == datetime.time(7, 30)
    assert LOG.items[2].difficulty is Difficulty.HARD
    assert LOG.items[0].sets == (SetLog(reps=3, hold_seconds=20), SetLog(reps=3, hold_seconds=20))


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: SetLog(reps=-1), "'reps' must be >= 0: -1"),
        (
            lambda: SetLog(reps=2, right_reps=2),
            "'right_reps' must be None when 'reps' is given (2): 2",
        ),
        (
            lambda: ItemLog(exercise="wall-sit", skipped="tired", sets=[SetLog()]),
            "'sets' must be empty when 'skipped' is given ('tired'): 1 set",
        ),
        (
            lambda: ItemLog(exercise="Wall sit"),
            (
                "'exercise' must be a slug of lowercase letters and digits joined by single "
                "hyphens: 'Wall sit'"
            ),
        ),
        (
            lambda: SessionLog(date="2026-12-02", items=[]),
            "'items' must hold at least one item: []",
        ),
        (
            lambda: SessionLog(date="2026-12-02", items=LOG.items, pain_after=11),
            "'pain_after' must be <= 10: 11",
        ),
        (
            lambda: SessionLog(date="2026-12-02", items=LOG.items, time=datetime.time(7, 30, 15)),
            "'time' must be a time of day written HH:MM or null: a time value",
        ),
        (
            lambda: SessionLog(date="2026-12-02", items=LOG.items, time="7.30"),
            "'time' must be a time of day written HH:MM or null: '7.30'",
        ),
    ],
)
def test_constructors_refuse_what_makes_a_log_meaningless(make: object, message: str) -> None:
    with pytest.raises(InvalidValueError) as raised:
        make()  # type: ignore[operator]
    assert str(raised.value) == message


def test_a_log_is_written_with_every_field_and_read_back_equal() -> None:
    document = to_document(LOG)
    assert document["kind"] == "session-log"
    assert (document["date"], document["time"]) == ("2026-12-02", "07:30")
    assert document["items"][1]["sets"] == [
        {
            "reps": None,
            "left_reps": 8,
            "right_reps": 7,
            "hold_seconds": None,
            "work_seconds": None,
            "load": None,
        }
    ]
    assert from_document(document, kind="session-log") == LOG
    assert loads(dumps(LOG), kind="session-log") == LOG
    assert validate(document).problems == ()


def test_every_problem_of_a_bad_log_comes_back_at_once() -> None:
    document = to_document(LOG)
    document["time"] = "25:00"
    document["pain_before"] = 4.5
    document["items"][0]["sets"][1]["left_reps"] = 3
    document["items"][1]["exercise"] = "Lying march"
    document["items"][2]["sets"] = [{"reps": 1}]
    document["items"][2]["colour"] = "red"
    report = validate(document)
    assert [(found.path, found.code, found.message) for found in report.problems] == [
        ("/time", "bad-time", "'time' must be a time of day written HH:MM or null: '25:00'"),
        (
            "/items/0/sets/1/left_reps",
            "reps-two-ways",
            "'left_reps' must be None when 'reps' is given (3): 3",
        ),
        (
            "/items/1/exercise",
            "not-a-slug",
            (
                "'exercise' must be a slug of lowercase letters and digits joined by single "
                "hyphens: 'Lying march'"
            ),
        ),
        (
            "/items/2/sets",
            "skipped-with-sets",
            "'sets' must be empty when 'skipped' is given ('hip sore'): 1 set",
        ),
        ("/items/2/colour", "unknown-key", "unknown key 'colour'"),
        ("/pain_before", "fractional", "'pain_before' must be a whole number: 4.5"),
    ]
    with pytest.raises(DocumentError) as raised:
        loads(json.dumps(document))
    assert raised.value.problems == report.problems


def test_a_session_log_is_new_in_format_version_2() -> None:
    report = validate({**to_document(LOG), "format_version": 1})
    assert [(found.path, found.code, found.message) for found in report.problems] == [
        (
            "/format_version",
            "unknown-version",
            (
                "'format_version' must be 2 or later for a 'session-log' document, which "
                "format version 1 does not have: 1"
            ),
        )
    ]


def test_the_kind_must_be_the_one_expected() -> None:
    assert validate_text(dumps(LOG), kind="routine").codes == ("wrong-kind",)
    assert validate_text(dumps(LOG), kind="session-log").ok


def test_the_schema_has_a_session_log_document() -> None:
    definitions = json_schema()["$defs"]
    assert definitions["session_log_document"]["required"] == [
        "kind",
        "format_version",
        "date",
        "items",
    ]
    assert definitions["session_log_document"]["properties"]["time"] == {
        "anyOf": [
            {"type": "string", "pattern": "^(?:[01][0-9]|2[0-3]):[0-5][0-9](?![\\s\\S])"},
            {"type": "null"},
        ]
    }


@given(strategies.session_logs())
def test_a_drawn_log_goes_round_the_wire_format(log: SessionLog) -> None:
    assert loads(dumps(log), kind="session-log") == log
    assert validate(to_document(log)).problems == ()


@given(strategies.documents("session-log"))
def test_a_drawn_log_document_is_valid(document: dict[str, object]) -> None:
    assert validate(document).ok


@given(strategies.item_logs(exercise_ids=["wall-sit"]))
def test_item_logs_name_the_ids_given(log: ItemLog) -> None:
    assert log.exercise == "wall-sit"
    assert not (log.skipped and log.sets)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (
            lambda: strategies.item_logs(exercise_ids=[]),
            "exercise_ids=[] must be a non-empty sequence of exercise ids (slugs)",
        ),
        (
            lambda: strategies.session_logs(exercise_ids="wall-sit"),
            "exercise_ids='wall-sit' must be a non-empty sequence of exercise ids (slugs)",
        ),
        (
            lambda: strategies.session_logs(min_date="2026-01-01"),  # type: ignore[arg-type]
            "min_date='2026-01-01' must be a datetime.date",
        ),
        (
            lambda: strategies.session_logs(
                min_date=datetime.date(2026, 2, 1), max_date=datetime.date(2026, 1, 1)
            ),
            (
                "max_date=datetime.date(2026, 1, 1) must not be before "
                "min_date=datetime.date(2026, 2, 1)"
            ),
        ),
    ],
)
def test_bad_strategy_arguments_are_refused_at_once(make: object, message: str) -> None:
    with pytest.raises(InvalidArgument) as raised:
        make()  # type: ignore[operator]
    assert str(raised.value) == message
