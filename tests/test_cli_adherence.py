"""``solpt-rehab adherence``: the report as text or JSON, its warnings placed in files, a chart."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import attrs
import pytest

from solpt_rehab import (
    ItemLog,
    RoutineBuilder,
    SessionLog,
    SetLog,
    adherence,
    adherence_chart,
    dumps,
    format_adherence,
    weekly_adherence,
)
from solpt_rehab import _cli_adherence as command
from solpt_rehab._cli import main

MONDAY = datetime.date(2026, 10, 5)


def day(offset: int) -> datetime.date:
    return MONDAY + datetime.timedelta(days=offset)


ROUTINE = attrs.evolve(
    RoutineBuilder("Hips", days_per_week=3)
    .add("knees-to-chest", reps=4)
    .add("lying-march", reps=10)
    .build(),
    start=MONDAY,
    weeks=2,
)
KNEES = ItemLog(exercise="knees-to-chest", sets=[SetLog(reps=4)])
MARCH = ItemLog(exercise="lying-march", sets=[SetLog(reps=10)])


def log(offset: int, *items: ItemLog, before: int | None = None, time: str = "18:00") -> SessionLog:
    return SessionLog(
        date=day(offset), time=time, items=items or (KNEES, MARCH), pain_before=before
    )


# In the order the command reads them: logs.jsonl's lines, then the folder's files by name.
JSONL = [log(0, before=3), log(2, before=4), log(2, before=4)]
FOLDER = {
    "a.json": log(7, KNEES, ItemLog(exercise="plank", sets=[SetLog(reps=1)]), before=5),
    "b.json": log(30),  # after the programme
}
LOGS = [*JSONL, *FOLDER.values()]


@pytest.fixture(autouse=True)
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    Path("routine.json").write_text(dumps(ROUTINE), encoding="utf-8")
    Path("logs.jsonl").write_text(
        "".join(dumps(entry, indent=None) + "\n" for entry in JSONL), encoding="utf-8"
    )
    Path("more").mkdir()
    for name, entry in FOLDER.items():
        Path("more", name).write_text(dumps(entry), encoding="utf-8")
    return tmp_path


WARNINGS = [
    (
        "logs.jsonl:3:1: warning duplicate-session: the session of 2026-10-07 at 18:00 is logged "
        "already (logs.jsonl:2); counted once"
    ),
    (
        "more/a.json:24:5: warning log-unknown-exercise: 'plank' is not an exercise of the "
        "routine; left out (at /items/1)"
    ),
    (
        "more/b.json:1:1: warning log-outside-programme: the session of 2026-11-04 is outside the "
        "period counted (2026-10-05 to 2026-10-18); left out"
    ),
]


def test_the_report_and_its_weeks_for_a_person_with_the_warnings_placed_in_their_files(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["adherence", "routine.json", "logs.jsonl", "more"]) == 0
    out, err = capsys.readouterr()
    report = adherence(ROUTINE, LOGS, MONDAY, day(13))
    weeks = weekly_adherence(ROUTINE, LOGS, MONDAY, day(13))
    assert out == format_adherence(attrs.evolve(report, problems=()), weeks) + "\n"
    assert out.splitlines()[:2] == [
        "Adherence from 2026-10-05 to 2026-10-18 (14 days)",
        "Sessions done: 3 of 6 prescribed (50%)",
    ]
    assert err.splitlines() == WARNINGS


def test_json_is_the_report_its_weeks_and_the_placed_problems(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["adherence", "routine.json", "logs.jsonl", "more", "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    output = json.loads(out)
    report = adherence(ROUTINE, LOGS, MONDAY, day(13))
    assert output == {
        "adherence": report.to_json(),
        "weeks": [week.to_json() for week in weekly_adherence(ROUTINE, LOGS, MONDAY, day(13))],
        "problems": [
            {
                "file": "logs.jsonl",
                "path": "",
                "code": "duplicate-session",
                "severity": "warning",
                "message": "the session of 2026-10-07 at 18:00 is logged already "
                "(logs.jsonl:2); counted once",
                "line": 3,
                "column": 1,
            },
            {
                "file": "more/a.json",
                "path": "/items/1",
                "code": "log-unknown-exercise",
                "severity": "warning",
                "message": "'plank' is not an exercise of the routine; left out",
                "line": 24,
                "column": 5,
            },
            {
                "file": "more/b.json",
                "path": "",
                "code": "log-outside-programme",
                "severity": "warning",
                "message": "the session of 2026-11-04 is outside the period counted "
                "(2026-10-05 to 2026-10-18); left out",
                "line": 1,
                "column": 1,
            },
        ],
    }
    assert [problem["path"] for problem in output["adherence"]["problems"]] == [
        "/2",
        "/3/items/1",
        "/4",
    ]


def test_the_chart_is_written_to_the_file_named(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["adherence", "routine.json", "logs.jsonl", "--chart", "weeks.svg"]) == 0
    capsys.readouterr()
    weeks = weekly_adherence(ROUTINE, JSONL, MONDAY, day(13))
    assert Path("weeks.svg").read_text(encoding="utf-8") == adherence_chart(
        weeks, title="Hips: adherence and pain per week"
    )


def test_start_and_end_choose_the_period(capsys: pytest.CaptureFixture[str]) -> None:
    arguments = ["adherence", "routine.json", "logs.jsonl", "--start", "2026-10-06"]
    assert main([*arguments, "--end", "2026-10-07", "--format", "json"]) == 0
    output = json.loads(capsys.readouterr().out)
    assert output["adherence"] == adherence(ROUTINE, JSONL, day(1), day(2)).to_json()
    assert [(week["number"], week["adherence"]["days"]) for week in output["weeks"]] == [(1, 2)]


def test_without_an_end_the_period_stops_today_when_the_programme_is_not_over(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(command, "_today", lambda: day(9))
    assert main(["adherence", "routine.json", "logs.jsonl", "--format", "json"]) == 0
    output = json.loads(capsys.readouterr().out)
    assert (output["adherence"]["start"], output["adherence"]["end"]) == (
        "2026-10-05",
        "2026-10-14",
    )
    monkeypatch.setattr(command, "_today", lambda: day(99))
    assert main(["adherence", "routine.json", "logs.jsonl", "--format", "json"]) == 0
    output = json.loads(capsys.readouterr().out)
    assert output["adherence"]["end"] == "2026-10-18"  # the programme's last day


def test_a_routine_without_a_start_counts_from_the_first_log(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(command, "_today", lambda: day(3))
    Path("open.json").write_text(dumps(attrs.evolve(ROUTINE, start=None, weeks=None)), "utf-8")
    Path("logs.jsonl").write_text(dumps(log(2), indent=None) + "\n", encoding="utf-8")
    assert main(["adherence", "open.json", "logs.jsonl", "--format", "json"]) == 0
    output = json.loads(capsys.readouterr().out)
    assert (output["adherence"]["start"], output["adherence"]["end"]) == (
        "2026-10-07",
        "2026-10-08",
    )
    assert main(["adherence", "open.json", "logs.jsonl", "--start", "2026-10-09"]) == 2
    assert capsys.readouterr().err == (
        "solpt-rehab adherence: the period would end before it starts: 2026-10-09 is after "
        "2026-10-08, today; give --end\n"
    )
    Path("empty.jsonl").write_text("", encoding="utf-8")
    assert main(["adherence", "open.json", "empty.jsonl"]) == 2
    assert capsys.readouterr().err == (
        "solpt-rehab adherence: no --start given, and neither the routine nor any log states "
        "a day\n"
    )


def test_document_errors_are_reported_as_validate_reports_them_and_no_report_is_made(
    capsys: pytest.CaptureFixture[str],
) -> None:
    Path("bad.json").write_text(
        '{"kind": "session-log", "format_version": 2, "date": "2026-10-06", "time": "7:30", '
        '"items": []}\n',
        encoding="utf-8",
    )
    Path("bad.jsonl").write_text(dumps(log(1), indent=None) + "\n\n", encoding="utf-8")
    assert main(["adherence", "routine.json", "bad.json", "bad.jsonl", "logs.jsonl"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [
        (
            "bad.json:1:76: error bad-time: 'time' must be a time of day written HH:MM or null: "
            "'7:30' (at /time)"
        ),
        "bad.json:1:93: error empty-array: 'items' must hold at least one item: [] (at /items)",
        "bad.jsonl:2:1: error empty-document: the text is empty: there is no document",
    ]
    assert main(["adherence", "routine.json", "bad.json", "--format", "json"]) == 1
    output = json.loads(capsys.readouterr().out)
    assert [
        (entry["path"], [(p["code"], p["line"], p["column"]) for p in entry["problems"]])
        for entry in output["files"]
    ] == [("bad.json", [("bad-time", 1, 76), ("empty-array", 1, 93)])]
    assert output["summary"]["errors"] == 2


def test_a_log_of_another_kind_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["adherence", "routine.json", "routine.json"]) == 1
    assert capsys.readouterr().err == (
        "routine.json:2:11: error wrong-kind: 'kind' must be 'session-log' here: 'routine' "
        "(at /kind)\n"
    )


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            ["missing.json", "logs.jsonl"],
            (
                "missing.json: error unreadable-file: cannot read 'missing.json': no such file or "
                "directory\n"
            ),
        ),
        (
            ["routine.json", "nowhere/"],
            "nowhere/: error unreadable-file: cannot read 'nowhere/': no such file or directory\n",
        ),
        (
            ["routine.json", "logs.jsonl", "--start", "2026-12-01"],
            (
                "solpt-rehab adherence: the period would end before it starts: 2026-12-01 is after "
                "2026-10-18, the programme's last day; give --end\n"
            ),
        ),
        (
            ["routine.json", "logs.jsonl", "--start", "2026-12-01", "--end", "2026-12-31"],
            (
                "solpt-rehab adherence: the period 2026-12-01 to 2026-12-31 holds no day of the "
                "routine's programme: datetime.date(2026, 10, 5) for 2 weeks\n"
            ),
        ),
        (
            ["routine.json", "logs.jsonl", "--start", "2026-10-09", "--end", "2026-10-08"],
            "solpt-rehab adherence: 'end' must be >= 'start' (2026-10-09): 2026-10-08\n",
        ),
        (["-", "-"], "solpt-rehab adherence: standard input (-) can be read once only\n"),
        (
            ["routine.json", "logs.jsonl", "--chart", "no/such/folder/weeks.svg"],
            (
                "solpt-rehab adherence: cannot write 'no/such/folder/weeks.svg': no such file or "
                "directory\n"
            ),
        ),
    ],
)
def test_what_cannot_be_read_or_measured_is_a_clean_error_of_status_2(
    capsys: pytest.CaptureFixture[str], arguments: list[str], message: str
) -> None:
    assert main(["adherence", *arguments]) == 2
    out, err = capsys.readouterr()
    assert (out, err) == ("", message)


@pytest.mark.parametrize("value", ["2026-13-01", "20261005", "yesterday", "2026-10-5"])
def test_a_day_not_written_yyyy_mm_dd_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], value: str
) -> None:
    assert main(["adherence", "routine.json", "logs.jsonl", "--end", value]) == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        f"solpt-rehab adherence: error: argument --end: {value!r} is not a day written YYYY-MM-DD"
    )


def test_names_from_files_and_arguments_are_escaped(capsys: pytest.CaptureFixture[str]) -> None:
    name = "log\x1b[2J\u202e.json"
    Path(name).write_text(dumps(log(30)), encoding="utf-8")
    assert main(["adherence", "routine.json", name]) == 0
    err = capsys.readouterr().err
    assert err.startswith("log\\x1b[2J\\u202e.json:1:1: warning log-outside-programme: ")
    assert main(["adherence", "routine.json", name, "--end", "\x1b[31m"]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err
    assert err.splitlines()[-1].endswith(
        "argument --end: '\\x1b[31m' is not a day written YYYY-MM-DD"
    )


def test_standard_input_and_yaml_are_read(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io  # noqa: PLC0415 - only this test feeds standard input
    import sys  # noqa: PLC0415

    pytest.importorskip("yaml", reason="the yaml extra is not installed")
    import yaml  # noqa: PLC0415

    Path("routine.yaml").write_text(yaml.safe_dump(json.loads(dumps(ROUTINE))), encoding="utf-8")
    stdin = io.TextIOWrapper(io.BytesIO(dumps(log(0, before=2)).encode()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    assert main(["adherence", "routine.yaml", "-", "--format", "json"]) == 0
    output = json.loads(capsys.readouterr().out)
    assert output["adherence"] == adherence(ROUTINE, [log(0, before=2)], MONDAY, day(13)).to_json()


def test_nothing_on_disk_is_changed_but_the_chart(
    files: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = {path: path.read_bytes() for path in files.rglob("*") if path.is_file()}
    assert main(["adherence", "routine.json", "logs.jsonl", "more", "--chart", "c.svg"]) == 0
    capsys.readouterr()
    after = {path: path.read_bytes() for path in files.rglob("*") if path.is_file()}
    assert after.pop(files / "c.svg")
    assert after == before


def test_without_the_yaml_extra_a_yaml_document_is_a_clean_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys  # noqa: PLC0415 - only this test hides a module

    Path("routine.yaml").write_text("kind: routine\n", encoding="utf-8")
    monkeypatch.setitem(sys.modules, "yaml", None)
    monkeypatch.delitem(sys.modules, "solpt_rehab._wire.yaml", raising=False)
    assert main(["adherence", "routine.yaml", "logs.jsonl"]) == 2
    assert capsys.readouterr() == (
        "",
        "solpt-rehab adherence: YAML needs the 'yaml' extra: pip install 'solpt_rehab[yaml]'\n",
    )


def test_with_json_output_an_unreadable_file_is_reported_as_validate_reports_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["adherence", "routine.json", "logs.jsonl", "gone.json", "--format", "json"]) == 2
    output = json.loads(capsys.readouterr().out)
    assert output == {
        "files": [
            {
                "path": "gone.json",
                "problems": [
                    {
                        "path": "",
                        "code": "unreadable-file",
                        "severity": "error",
                        "message": "cannot read 'gone.json': no such file or directory",
                        "line": None,
                        "column": None,
                    }
                ],
                "ok": False,
                "documents": 0,
                "errors": 0,
                "warnings": 0,
                "omitted": 0,
            }
        ],
        "summary": {
            "files": 1,
            "documents": 0,
            "bad_documents": 0,
            "unreadable": 1,
            "errors": 0,
            "warnings": 0,
            "omitted": 0,
        },
    }


def test_a_documents_warnings_are_printed_with_the_reports_and_the_report_is_made(
    capsys: pytest.CaptureFixture[str],
) -> None:
    Path("bom.json").write_bytes(b"\xef\xbb\xbf" + dumps(log(1)).encode("utf-8"))
    assert main(["adherence", "routine.json", "bom.json", "more/b.json"]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines()[1] == "Sessions done: 1 of 6 prescribed (17%)"
    assert err.splitlines() == [
        "bom.json:1:1: warning byte-order-mark: the text starts with a byte-order mark (U+FEFF)",
        (
            "more/b.json:1:1: warning log-outside-programme: the session of 2026-11-04 is outside "
            "the period counted (2026-10-05 to 2026-10-18); left out"
        ),
    ]
