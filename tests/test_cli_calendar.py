"""``solpt-rehab calendar``: the article's routine or a routine document, as calendar reminders."""

from __future__ import annotations

import datetime
import json
import subprocess
import sys
from pathlib import Path

import icalendar
import pytest
import recurring_ical_events

from solpt_rehab import RoutineBuilder, to_document
from solpt_rehab._cli import main


def _starts(path: Path) -> list[tuple[str, datetime.datetime]]:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    found = recurring_ical_events.of(calendar).between(
        datetime.date(2000, 1, 1), datetime.date(2100, 1, 1)
    )
    return sorted((str(event["SUMMARY"]), event["DTSTART"].dt) for event in found)


def test_the_articles_routine_for_the_painful_side_becomes_daily_sessions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "routine.ics"

    status = main(
        [
            "calendar", "--painful-side", "right", "--start", "2026-03-02", "--at", "07:30",
            "--weeks", "1", "-o", str(out),
        ]
    )  # fmt: skip

    assert (status, capsys.readouterr()) == (0, ("", ""))
    name = "Lower back and hip pain, right side"
    assert _starts(out) == [(name, datetime.datetime(2026, 3, day, 7, 30)) for day in range(2, 9)]


def test_a_routine_document_with_two_sessions_on_three_named_days(tmp_path: Path) -> None:
    routine = RoutineBuilder("Hips", sessions_per_day=2, days_per_week=3, weeks=1)
    document = tmp_path / "hips.json"
    document.write_text(json.dumps(to_document(routine.add("lying-march").build())))
    out = tmp_path / "hips.ics"

    status = main(
        [
            "calendar", str(document), "--start", "2026-03-02", "--at", "08:00,18:00",
            "--days", "tue,Thursday,sat", "-o", str(out),
        ]
    )  # fmt: skip

    assert status == 0
    assert _starts(out) == [
        ("Hips (1 of 2)", datetime.datetime(2026, 3, 3, 8, 0)),
        ("Hips (1 of 2)", datetime.datetime(2026, 3, 5, 8, 0)),
        ("Hips (1 of 2)", datetime.datetime(2026, 3, 7, 8, 0)),
        ("Hips (2 of 2)", datetime.datetime(2026, 3, 3, 18, 0)),
        ("Hips (2 of 2)", datetime.datetime(2026, 3, 5, 18, 0)),
        ("Hips (2 of 2)", datetime.datetime(2026, 3, 7, 18, 0)),
    ]


def test_without_output_the_file_goes_to_standard_output(
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    status = main(
        ["calendar", "--start", "2026-03-02", "--at", "08:00", "--timezone", "Europe/Berlin"]
    )

    captured = capsysbinary.readouterr()
    assert (status, captured.err) == (0, b"")
    calendar = icalendar.Calendar.from_ical(captured.out)
    (event,) = calendar.walk("VEVENT")
    assert event.to_ical().count(b"\r\nRRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU;WKST=MO") == 1
    assert b"DTSTART;TZID=Europe/Berlin:20260302T080000\r\n" in captured.out


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            ["--at", "08:00"],
            "'start' must be given: the routine states no start day (Routine.start)",
        ),
        (
            ["--start", "2026-03-02", "--at", "08:00", "--at", "09:00"],
            "'at' must hold one time for each of the routine's 1 session a day: 2 given",
        ),
        (
            ["--start", "2026-03-02", "--at", "08:00", "--days", "mon,wed"],
            (
                "'weekdays' must hold 7 different days, one for each of the routine's days a week: "
                "[0, 2]"
            ),
        ),
        (
            ["--start", "2026-03-02", "--at", "08:00", "--timezone", "Nowhere/\x1b[31mRed"],
            (
                "'timezone' must be an IANA time zone name such as 'Europe/Berlin': "
                "'Nowhere/\\x1b[31mRed'"
            ),
        ),
        (["--start", "2026-03-02", "--at", "08:00", "--weeks", "0"], "'weeks' must be >= 1: 0"),
        (
            ["--start", "2026-03-02", "--at", "08:00", "--alarm", "-1"],
            "'alarm_minutes' must be >= 0: -1",
        ),
    ],
)
def test_a_schedule_that_does_not_fit_is_a_clean_usage_error(
    arguments: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["calendar", *arguments]) == 2
    assert capsys.readouterr() == ("", f"solpt-rehab calendar: {message}\n")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            ["--start", "2026-3-2", "--at", "08:00"],
            "argument --start: '2026-3-2' is not a day written YYYY-MM-DD",
        ),
        (
            ["--start", "20260302", "--at", "08:00"],
            "argument --start: '20260302' is not a day written YYYY-MM-DD",
        ),
        (["--start", "2026-03-02", "--at", "8pm"], "argument --at: not a time of day as HH:MM: "),
        (
            ["--start", "2026-03-02", "--at", "08:00+01:00"],
            "argument --at: a time of day without a zone (use --timezone): ",
        ),
        (
            ["--start", "2026-03-02", "--at", "08:00", "--days", "mon,\x1b"],
            "argument --days: not a day of the week (mon, tue, ... sun): ",
        ),
    ],
)
def test_an_argument_that_is_no_date_time_or_day_is_refused_by_the_parser(
    arguments: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["calendar", *arguments]) == 2
    err = capsys.readouterr().err
    assert err.splitlines()[-1].startswith(f"solpt-rehab calendar: error: {message}")
    assert "\x1b" not in err


def test_painful_side_with_a_document_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = tmp_path / "r.json"
    document.write_text("{}")
    assert main(["calendar", str(document), "--painful-side", "left", "--at", "08:00"]) == 2
    assert capsys.readouterr().err == (
        "solpt-rehab calendar: --painful-side applies only to the article's routine (no PATH); "
        "a routine document states each item's side\n"
    )


def test_a_document_with_errors_lists_them_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = tmp_path / "bad.json"
    document.write_text('{"kind": "routine", "format_version": 2, "name": "", "items": []}\n')

    assert main(["calendar", str(document), "--start", "2026-03-02", "--at", "08:00"]) == 1

    assert capsys.readouterr() == (
        "",
        (
            f"{document}:1:50: error empty-text: 'name' must not be empty: '' (at /name)\n"
            f"{document}:1:63: error empty-array: 'items' must hold at least one item: [] "
            "(at /items)\n"
        ),
    )


def test_a_missing_file_and_an_unwritable_output_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.json"
    assert main(["calendar", str(missing), "--at", "08:00"]) == 2
    assert capsys.readouterr().err == (
        f"solpt-rehab calendar: cannot read {str(missing)!r}: no such file or directory\n"
    )
    out = tmp_path / "no-such-folder" / "r.ics"
    assert main(["calendar", "--start", "2026-03-02", "--at", "08:00", "-o", str(out)]) == 2
    assert capsys.readouterr().err == (
        f"solpt-rehab calendar: cannot write {str(out)!r}: no such file or directory\n"
    )


def test_the_command_is_listed_in_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "    calendar  write calendar reminders (iCalendar) for a routine's sessions\n" in out
    assert "  solpt-rehab calendar --start 2026-03-02 --at 08:00 --weeks 6 -o routine.ics" in out


def test_without_icalendar_it_is_a_clean_error_naming_the_extra(tmp_path: Path) -> None:
    # A fresh interpreter in which icalendar cannot be imported: the command says what to install.
    out = tmp_path / "r.ics"
    code = (
        "import sys; sys.modules['icalendar'] = None\n"
        "from solpt_rehab._cli import main\n"
        "sys.exit(main(['calendar', '--start', '2026-03-02', '--at', '08:00', "
        f"'-o', {str(out)!r}]))\n"
    )
    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )

    assert (result.returncode, result.stdout, result.stderr) == (
        2,
        "",
        (
            "solpt-rehab calendar: calendar reminders need the 'calendar' extra: "
            "pip install 'solpt_rehab[calendar]'\n"
        ),
    )
    assert not out.exists()
