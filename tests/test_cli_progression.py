"""``solpt-rehab routine --week N`` / ``--on DATE`` / ``--log FILE``: the session of one week."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from solpt_rehab import dose_on, dumps, format_timeline, loads, to_document
from solpt_rehab._cli import main
from test_progression import LOGS, START, on, six_weeks


@pytest.fixture
def files(tmp_path: Path) -> tuple[str, list[str]]:
    """The six-week routine and its logs, one document per file."""
    routine = tmp_path / "routine.json"
    routine.write_text(dumps(six_weeks()), encoding="utf-8")
    logs = []
    for index, log in enumerate(LOGS):
        path = tmp_path / f"log-{index:02}.json"
        path.write_text(dumps(log), encoding="utf-8")
        logs.extend(["--log", str(path)])
    return str(routine), logs


def test_a_week_shows_the_doses_its_rules_and_logs_have_reached(
    files: tuple[str, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    routine, logs = files
    assert main(["routine", routine, "--week", "5", *logs]) == 0
    out = capsys.readouterr().out
    week_five = dose_on(six_weeks(), on(5), LOGS)
    assert out == f"The session of week 5, 2027-01-04:\n{format_timeline(week_five)}\n"
    assert out.splitlines()[3:6] == [
        "  1. Knees-to-chest stretch (knees-to-chest): hold 28 s, 3 reps, both sides together",
        "  2. Lying march (lying-march): hold 2 s, 10 reps in all, alternating, right first",
        "  3. Figure-4 stretch (figure-4-stretch): hold 15 s, 5 reps, left side",
    ]
    # without the logs, the gated march has earned nothing
    assert main(["routine", routine, "--week", "5"]) == 0
    assert "  2. Lying march (lying-march): hold 2 s, 8 reps in all" in capsys.readouterr().out
    # A date names its programme week too; a date after the programme names none.
    assert main(["routine", routine, "--on", "2027-01-06"]) == 0
    assert capsys.readouterr().out.startswith("The session of week 5, 2027-01-06:\n")
    assert main(["routine", routine, "--on", "2027-03-01"]) == 0
    assert capsys.readouterr().out.startswith("The session of 2027-03-01:\n")


def test_a_date_and_json_output(
    files: tuple[str, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    routine, logs = files
    assert main(["routine", routine, "--on", "2026-12-16", "--format", "json", *logs]) == 0
    output = json.loads(capsys.readouterr().out)
    shown = loads(json.dumps(output["routine"]), kind="routine")
    assert shown == dose_on(six_weeks(), datetime.date(2026, 12, 16), LOGS)
    assert [(item.hold_seconds, item.reps) for item in shown.items] == [(22, 3), (2, 9), (15, 3)]
    assert output["routine"] == to_document(shown)
    # The day and its programme week are named, as the text output's heading names them.
    assert (output["on"], output["week"]) == ("2026-12-16", 2)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--week", "7"], "solpt-rehab routine: week 7 is beyond the programme's 6 weeks\n"),
        (["--log", "x.json"], "solpt-rehab routine: --log needs --week or --on\n"),
    ],
)
def test_usage_errors_exit_2(
    files: tuple[str, list[str]],
    capsys: pytest.CaptureFixture[str],
    arguments: list[str],
    message: str,
) -> None:
    assert main(["routine", files[0], *arguments]) == 2
    assert capsys.readouterr().err == message


def test_a_week_beyond_the_calendar_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = to_document(six_weeks())
    document["weeks"] = None
    path = tmp_path / "open.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    assert main(["routine", str(path), "--week", "99999999999"]) == 2
    assert capsys.readouterr().err == (
        "solpt-rehab routine: week 99999999999 is beyond the calendar's last day\n"
    )


def test_a_week_of_a_routine_without_start_is_a_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["routine", "--week", "2"]) == 2
    assert capsys.readouterr().err == (
        "solpt-rehab routine: --week needs the routine's start date, which this routine does "
        "not give\n"
    )
    # A date needs no start when nothing progresses: the routine is the same every day.
    assert main(["routine", "--on", "2026-12-07"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "The session of 2026-12-07:"


def test_rules_without_a_start_are_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = to_document(six_weeks())
    document.pop("start")
    path = tmp_path / "routine.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    assert main(["routine", str(path), "--on", START.isoformat()]) == 2
    assert capsys.readouterr().err == (
        "solpt-rehab routine: routine 'Left hip, six weeks' has progression rules and no "
        "'start': its weeks cannot be counted\n"
    )


@pytest.mark.parametrize(
    ("argument", "message"),
    [
        (["--week", "0"], "argument --week: must be a whole number >= 1: '0'"),
        (["--week", "two"], "argument --week: must be a whole number >= 1: 'two'"),
        (["--on", "2026-02-30"], "argument --on: '2026-02-30' is not a day written YYYY-MM-DD"),
        (["--on", "20261207"], "argument --on: '20261207' is not a day written YYYY-MM-DD"),
        (["--week", "1", "--on", "2026-12-07"], "argument --on: not allowed with argument --week"),
    ],
)
def test_bad_option_values_are_refused_by_the_parser(
    capsys: pytest.CaptureFixture[str], argument: list[str], message: str
) -> None:
    assert main(["routine", *argument]) == 2
    assert capsys.readouterr().err.splitlines()[-1] == f"solpt-rehab routine: error: {message}"


def test_a_log_that_cannot_be_read_or_is_invalid(
    files: tuple[str, list[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.json"
    assert main(["routine", files[0], "--week", "2", "--log", str(missing)]) == 2
    assert capsys.readouterr().err == (
        f"solpt-rehab routine: cannot read {str(missing)!r}: no such file or directory\n"
    )
    bad = tmp_path / "bad.json"
    bad.write_text(
        '{"kind": "session-log", "format_version": 2, "date": "2026-12-07", "items": [],'
        ' "pain_after": 11}',
        encoding="utf-8",
    )
    assert main(["routine", files[0], "--week", "2", "--log", str(bad)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"{bad}:1:77: error empty-array: 'items' must hold at least one item: [] (at /items)",
        f"{bad}:1:95: error above-maximum: 'pain_after' must be <= 10: 11 (at /pain_after)",
    ]
