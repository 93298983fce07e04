"""solpt_rehab.reminders: the iCalendar file, parsed back and expanded by third-party tools.

``icalendar`` reads the file back and ``recurring-ical-events`` expands its recurrences into the
sessions a calendar shows; each test compares them with a list of datetimes written out by hand.
"""

from __future__ import annotations

import datetime
import re
import subprocess
import sys
import zoneinfo
from typing import Any

import icalendar
import pytest
import recurring_ical_events

from solpt_rehab import InvalidValueError, Progression, Routine, RoutineBuilder
from solpt_rehab._cli import article_routine
from solpt_rehab.reminders import DEFAULT_ALARM_MINUTES, session_starts, to_ical

STAMP = datetime.datetime(2026, 2, 1, 12, 0, tzinfo=datetime.timezone.utc)
MONDAY = datetime.date(2026, 3, 2)
EIGHT = datetime.time(8, 0)


def _routine(**options: Any) -> Routine:
    return RoutineBuilder("Hips", **options).add("knees-to-chest").build()


def _occurrences(data: bytes) -> list[tuple[str, datetime.datetime]]:
    """Every occurrence of every event, in order, as (summary, start) pairs."""
    calendar = icalendar.Calendar.from_ical(data)
    found = recurring_ical_events.of(calendar).between(
        datetime.date(2000, 1, 1), datetime.date(2100, 1, 1)
    )
    return sorted((str(_prop(event, "SUMMARY")), _prop(event, "DTSTART").dt) for event in found)


def _read_text(data: bytes, name: str) -> list[str]:
    """Every value of the TEXT property ``name``, read by RFC 5545 alone (3.1 and 3.3.11).

    Lines are unfolded (a CRLF followed by a space or a tab goes), then the escapes are read left
    to right: ``\\\\``, ``\\;``, ``\\,``, ``\\n`` and ``\\N``. icalendar's parser is not used,
    so that a writer and a reader sharing one mistake cannot agree on it.
    """
    unfolded = re.sub(r"\r\n[ \t]", "", data.decode("utf-8"))
    escapes = {"\\": "\\", ";": ";", ",": ",", "n": "\n", "N": "\n"}
    return [
        re.sub(r"\\([\\;,nN])", lambda match: escapes[match[1]], line[len(name) + 1 :])
        for line in unfolded.split("\r\n")
        if line.startswith(f"{name}:")
    ]


def _events(data: bytes) -> list[icalendar.Component]:
    return icalendar.Calendar.from_ical(data).walk("VEVENT")


def _prop(component: icalendar.Component, name: str) -> Any:
    """A property's value; icalendar's annotation is the union of every property type."""
    return component[name]


def test_the_articles_routine_expands_into_one_session_a_day_for_its_weeks() -> None:
    data = to_ical(article_routine("left"), at=EIGHT, start=MONDAY, weeks=2, stamp=STAMP)

    name = "Lower back and hip pain, left side"
    assert _occurrences(data) == [
        (name, datetime.datetime(2026, 3, day, 8, 0)) for day in range(2, 16)
    ]


def test_the_articles_routine_file_is_exactly_this() -> None:
    data = to_ical(article_routine("left"), at=EIGHT, start=MONDAY, weeks=2, stamp=STAMP)

    assert data.decode("utf-8").split("\r\n") == [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//solpt_rehab//reminders//EN",
        "NAME:Lower back and hip pain\\, left side",
        "X-WR-CALNAME:Lower back and hip pain\\, left side",
        "BEGIN:VEVENT",
        "SUMMARY:Lower back and hip pain\\, left side",
        "DTSTART:20260302T080000",
        "DURATION:PT5M",
        "DTSTAMP:20260201T120000Z",
        "UID:7a935403-9dbc-550d-9088-fb609b763b60@solpt-rehab",
        "RRULE:FREQ=WEEKLY;COUNT=14;BYDAY=MO,TU,WE,TH,FR,SA,SU;WKST=MO",
        "DESCRIPTION:Lower back and hip pain\\, left side\\n1 session a day\\, 7 days ",
        " a week\\, for 2 weeks\\, starting 2026-03-02.\\n\\n1. Figure-4 stretch: Hold 1",
        " 5 seconds. Do it 3 times. Left side only.\\n2. Knees-to-chest stretch: Hold",
        "  20 seconds. Do it 3 times. Both sides together.\\n3. Lying march: Hold 2 s",
        " econds. Do it 8 times in all (4 on each side). Take turns left and right\\,",
        "  starting with the right.\\n\\nOne session takes about 2 min 48 s to 4 min 1",
        " 1 s.",
        "TRANSP:TRANSPARENT",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        "DESCRIPTION:Lower back and hip pain\\, left side",
        "TRIGGER:-PT10M",
        "END:VALARM",
        "END:VEVENT",
        "END:VCALENDAR",
        "",
    ]


def test_the_description_is_the_routines_summary_and_the_alarm_goes_off_before() -> None:
    (event,) = _events(
        to_ical(article_routine("right"), at=EIGHT, start=MONDAY, alarm_minutes=25, stamp=STAMP)
    )

    assert str(_prop(event, "DESCRIPTION")) == (
        "Lower back and hip pain, right side\n"
        "1 session a day, 7 days a week, starting 2026-03-02.\n"
        "\n"
        "1. Figure-4 stretch: Hold 15 seconds. Do it 3 times. Right side only.\n"
        "2. Knees-to-chest stretch: Hold 20 seconds. Do it 3 times. Both sides together.\n"
        "3. Lying march: Hold 2 seconds. Do it 8 times in all (4 on each side). Take turns left "
        "and right, starting with the right.\n"
        "\n"
        "One session takes about 2 min 48 s to 4 min 11 s."
    )
    (alarm,) = event.walk("VALARM")
    assert (str(_prop(alarm, "ACTION")), _prop(alarm, "TRIGGER").dt) == (
        "DISPLAY",
        datetime.timedelta(minutes=-25),
    )
    assert _prop(event, "DURATION").dt == datetime.timedelta(minutes=5)


def test_the_default_alarm_is_ten_minutes_before() -> None:
    (event,) = _events(to_ical(_routine(), at=EIGHT, start=MONDAY, stamp=STAMP))
    (alarm,) = event.walk("VALARM")
    assert DEFAULT_ALARM_MINUTES == 10
    assert _prop(alarm, "TRIGGER").dt == datetime.timedelta(minutes=-10)


def test_three_days_a_week_are_spread_from_the_starts_weekday() -> None:
    wednesday = datetime.date(2026, 3, 4)
    routine = _routine(days_per_week=3, weeks=2)

    data = to_ical(routine, at=datetime.time(18, 30), start=wednesday, stamp=STAMP)

    expected = [
        datetime.datetime(2026, 3, 4, 18, 30),  # Wednesday
        datetime.datetime(2026, 3, 6, 18, 30),  # Friday
        datetime.datetime(2026, 3, 8, 18, 30),  # Sunday
        datetime.datetime(2026, 3, 11, 18, 30),
        datetime.datetime(2026, 3, 13, 18, 30),
        datetime.datetime(2026, 3, 15, 18, 30),
    ]
    assert [start for _, start in _occurrences(data)] == expected
    assert list(session_starts(routine, at=datetime.time(18, 30), start=wednesday)) == expected


def test_named_weekdays_start_on_the_first_of_them_on_or_after_the_start() -> None:
    thursday = datetime.date(2026, 3, 5)
    routine = _routine(days_per_week=2, weeks=2)

    data = to_ical(routine, at=EIGHT, start=thursday, weekdays=[0, 2], stamp=STAMP)

    expected = [
        datetime.datetime(2026, 3, 9, 8, 0),
        datetime.datetime(2026, 3, 11, 8, 0),
        datetime.datetime(2026, 3, 16, 8, 0),
        datetime.datetime(2026, 3, 18, 8, 0),
    ]
    assert [start for _, start in _occurrences(data)] == expected
    assert list(session_starts(routine, at=EIGHT, start=thursday, weekdays=[2, 0])) == expected


def test_two_sessions_a_day_are_two_recurring_events_with_stable_uids() -> None:
    routine = _routine(sessions_per_day=2, days_per_week=2, weeks=1)
    times = [datetime.time(19, 0), datetime.time(7, 15)]

    data = to_ical(routine, at=times, start=MONDAY, stamp=STAMP)

    assert _occurrences(data) == [
        ("Hips (1 of 2)", datetime.datetime(2026, 3, 2, 7, 15)),
        ("Hips (1 of 2)", datetime.datetime(2026, 3, 5, 7, 15)),
        ("Hips (2 of 2)", datetime.datetime(2026, 3, 2, 19, 0)),
        ("Hips (2 of 2)", datetime.datetime(2026, 3, 5, 19, 0)),
    ]
    uids = [str(_prop(event, "UID")) for event in _events(data)]
    later = datetime.datetime(2027, 1, 1, tzinfo=datetime.timezone.utc)
    again = to_ical(
        routine, at=[datetime.time(20, 0), datetime.time(8, 0)], start=MONDAY, stamp=later
    )
    assert [str(_prop(event, "UID")) for event in _events(again)] == uids
    assert len(set(uids)) == 2
    assert all(re.fullmatch(r"[0-9a-f-]{36}@solpt-rehab", uid) for uid in uids)
    other = to_ical(routine, at=times, start=datetime.date(2026, 4, 6), stamp=STAMP)
    assert set(uids).isdisjoint(str(_prop(event, "UID")) for event in _events(other))


def test_a_programme_without_weeks_recurs_without_an_end() -> None:
    (event,) = _events(to_ical(_routine(days_per_week=1), at=EIGHT, start=MONDAY, stamp=STAMP))

    assert _prop(event, "RRULE").to_ical() == b"FREQ=WEEKLY;BYDAY=MO;WKST=MO"
    calendar = icalendar.Calendar.from_ical(
        to_ical(_routine(days_per_week=1), at=EIGHT, start=MONDAY, stamp=STAMP)
    )
    year = recurring_ical_events.of(calendar).between(
        datetime.date(2026, 1, 1), datetime.date(2027, 1, 1)
    )
    assert len(year) == 44  # every Monday from 2 March to 28 December 2026


def test_the_routines_own_start_and_weeks_are_used_when_not_given() -> None:
    routine = _routine(days_per_week=1, weeks=3, start="2026-03-03")

    data = to_ical(routine, at=EIGHT, stamp=STAMP)

    assert [start for _, start in _occurrences(data)] == [
        datetime.datetime(2026, 3, 3, 8, 0),
        datetime.datetime(2026, 3, 10, 8, 0),
        datetime.datetime(2026, 3, 17, 8, 0),
    ]


def test_a_time_zone_pins_the_sessions_across_a_daylight_saving_change() -> None:
    berlin = zoneinfo.ZoneInfo("Europe/Berlin")
    routine = _routine(days_per_week=1, weeks=3)
    friday = datetime.date(2026, 3, 20)

    data = to_ical(routine, at=EIGHT, start=friday, timezone="Europe/Berlin", stamp=STAMP)

    starts = [start for _, start in _occurrences(data)]
    assert starts == [
        datetime.datetime(2026, 3, 20, 8, 0, tzinfo=berlin),
        datetime.datetime(2026, 3, 27, 8, 0, tzinfo=berlin),
        datetime.datetime(2026, 4, 3, 8, 0, tzinfo=berlin),
    ]
    # Berlin moves to summer time on 29 March: 07:00 UTC, then 06:00 UTC.
    assert [start.astimezone(datetime.timezone.utc).hour for start in starts] == [7, 7, 6]
    calendar = icalendar.Calendar.from_ical(data)
    assert [str(_prop(zone, "TZID")) for zone in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    assert b"DTSTART;TZID=Europe/Berlin:20260320T080000\r\n" in data
    assert list(session_starts(routine, at=EIGHT, start=friday, timezone="Europe/Berlin")) == starts


def test_the_same_schedule_gives_the_same_bytes() -> None:
    routine = article_routine("left")
    first = to_ical(routine, at=EIGHT, start=MONDAY, weeks=4, stamp=STAMP)
    assert to_ical(routine, at=EIGHT, start=MONDAY, weeks=4, stamp=STAMP) == first


def test_without_a_stamp_the_file_is_stamped_now() -> None:
    before = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    (event,) = _events(to_ical(_routine(), at=EIGHT, start=MONDAY))
    after = datetime.datetime.now(datetime.timezone.utc)
    assert before <= _prop(event, "DTSTAMP").dt <= after


# -- text from strangers --------------------------------------------------------------------------

HOSTILE = (
    'Hips</script><script>alert(1)</script> "quoted"; a, b\\n',
    "Line one\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:forged\nATTACH:http://evil.example/x",
    "\u200fRight-to-left mark\u200e; DESCRIPTION;X=1:value\\, \\; \\\\ \\N",
    "Tab\there: #set text(red) $x$ *bold* ] \\",
)


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_comes_back_as_text_and_starts_no_property(text: str) -> None:
    routine = RoutineBuilder(text, notes=text, weeks=1).add("knees-to-chest").build()

    data = to_ical(routine, at=EIGHT, start=MONDAY, stamp=STAMP)

    assert _read_text(data, "NAME") == [text]
    assert _read_text(data, "X-WR-CALNAME") == [text]
    assert _read_text(data, "SUMMARY") == [text]
    description, alarm = _read_text(data, "DESCRIPTION")
    assert (description.split("\n\n")[1], alarm) == (text, text)
    calendar = icalendar.Calendar.from_ical(data)
    (event,) = calendar.walk("VEVENT")
    if "\\N" not in text:  # icalendar reads those two characters as a line break
        assert str(_prop(event, "SUMMARY")) == text
        assert str(_prop(event, "DESCRIPTION")).split("\n\n")[1] == text
    assert sorted(event) == [
        "DESCRIPTION",
        "DTSTAMP",
        "DTSTART",
        "DURATION",
        "RRULE",
        "SUMMARY",
        "TRANSP",
        "UID",
    ]
    assert [component.name for component in calendar.walk()] == [
        "VCALENDAR",
        "VEVENT",
        "VALARM",
    ]
    # Each physical line is a property of ours or the folded rest of one (RFC 5545, 3.1).
    names = {
        "BEGIN", "END", "VERSION", "PRODID", "NAME", "X-WR-CALNAME", "SUMMARY", "DTSTART",
        "DURATION", "DTSTAMP", "UID", "RRULE", "DESCRIPTION", "TRANSP", "ACTION", "TRIGGER",
    }  # fmt: skip
    lines = data.decode("utf-8").split("\r\n")
    assert lines[-1] == ""
    for line in lines[:-1]:
        assert line.startswith(" ") or re.match(r"[A-Z-]+", line)[0] in names, line  # type: ignore[index]
        assert len(line.encode("utf-8")) <= 75
    assert len(_occurrences(data)) == 7


# -- a schedule that does not fit -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            {"at": [EIGHT, datetime.time(9)]},
            "'at' must hold one time for each of the routine's 1 session a day: 2 given",
        ),
        ({"at": []}, "'at' must hold one time for each of the routine's 1 session a day: 0 given"),
        ({"at": ["08:00"]}, "'at' must hold times of day: '08:00'"),
        (
            {"at": [datetime.time(8, tzinfo=datetime.timezone.utc)]},
            "'at' must hold local times without a zone (give 'timezone' instead): 08:00:00+00:00",
        ),
        (
            {"at": [datetime.time(8, 0, 30, 500)]},
            "'at' must hold times to the second (iCalendar's): 08:00:30.000500",
        ),
        ({"at": EIGHT, "weeks": 0}, "'weeks' must be >= 1: 0"),
        ({"at": EIGHT, "weeks": True}, "'weeks' must be a whole number: true"),
        (
            {"at": EIGHT, "weekdays": [0, 7]},
            "'weekdays' must hold weekdays from 0 (Monday) to 6 (Sunday): 7",
        ),
        (
            {"at": EIGHT, "weekdays": [0, 2]},
            (
                "'weekdays' must hold 7 different days, one for each of the routine's days a "
                "week: [0, 2]"
            ),
        ),
        (
            {"at": EIGHT, "timezone": "Mars/Olympus"},
            "'timezone' must be an IANA time zone name such as 'Europe/Berlin': 'Mars/Olympus'",
        ),
        (
            {"at": EIGHT, "timezone": "../../etc/passwd"},
            "'timezone' must be an IANA time zone name such as 'Europe/Berlin': '../../etc/passwd'",
        ),
        ({"at": EIGHT, "alarm_minutes": -5}, "'alarm_minutes' must be >= 0: -5"),
        ({"at": EIGHT, "alarm_minutes": 10081}, "'alarm_minutes' must be <= 10080: 10081"),
        ({"at": EIGHT, "weeks": 521}, "'weeks' must be <= 520: 521"),
        (
            {"at": EIGHT, "start": datetime.date(9999, 12, 25), "weeks": 1},
            "'start' must leave room for the programme before the calendar ends: 9999-12-25",
        ),
        (
            {"at": EIGHT, "stamp": datetime.datetime(2026, 1, 1)},
            "'stamp' must be an aware datetime: a datetime value",
        ),
        (
            {"at": EIGHT, "start": datetime.datetime(2026, 3, 2, 8)},
            "'start' must be a date: a datetime value",
        ),
    ],
)
def test_a_schedule_that_does_not_fit_is_refused_with_a_clear_message(
    options: dict[str, Any], message: str
) -> None:
    options.setdefault("start", MONDAY)
    with pytest.raises(InvalidValueError) as caught:
        to_ical(_routine(), **options)
    assert str(caught.value) == message


def test_without_a_start_anywhere_it_says_so() -> None:
    with pytest.raises(InvalidValueError) as caught:
        to_ical(_routine(), at=EIGHT)
    assert str(caught.value) == (
        "'start' must be given: the routine states no start day (Routine.start)"
    )


def test_something_else_than_a_routine_is_refused() -> None:
    with pytest.raises(InvalidValueError) as caught:
        to_ical({"name": "Hips"}, at=EIGHT, start=MONDAY)  # type: ignore[arg-type]
    assert str(caught.value) == "'routine' must be a Routine: {'name': 'Hips'}"


def test_the_sessions_of_an_open_programme_cannot_be_listed() -> None:
    with pytest.raises(InvalidValueError) as caught:
        session_starts(_routine(), at=EIGHT, start=MONDAY)
    assert str(caught.value) == (
        "'weeks' must be given: the routine's programme has no end (Routine.weeks is None)"
    )


def test_the_arguments_are_not_modified() -> None:
    times = [datetime.time(19), datetime.time(7)]
    days = [3, 0]
    routine = _routine(sessions_per_day=2, days_per_week=2, weeks=1)
    to_ical(routine, at=times, start=MONDAY, weekdays=days, stamp=STAMP)
    assert (times, days) == ([datetime.time(19), datetime.time(7)], [3, 0])


def test_neither_module_imports_its_extra_until_it_is_used() -> None:
    code = (
        "import sys\n"
        "import solpt_rehab.reminders, solpt_rehab.handout, solpt_rehab._cli\n"
        "print(sorted(name for name in ('icalendar', 'typst', 'recurring_ical_events') "
        "if name in sys.modules))\n"
    )
    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout == "[]\n"


def test_a_dose_that_progresses_is_described_with_how_it_rises() -> None:
    # One recurring event cannot change its words each week: it gives the starting dose and the
    # rule, in the handout's words.
    routine = (
        RoutineBuilder("Rising", weeks=6, start=MONDAY)
        .add(
            "knees-to-chest",
            hold_seconds=20,
            progression=Progression(dose="hold_seconds", step=2, every_weeks=1),
        )
        .build()
    )
    (event,) = _events(to_ical(routine, at=EIGHT, stamp=STAMP))

    assert str(_prop(event, "DESCRIPTION")).splitlines()[3] == (
        "1. Knees-to-chest stretch: Hold 20 seconds. Do it 3 times. Both sides together. Every "
        "week, hold it 2 seconds longer, up to 30 seconds."
    )
