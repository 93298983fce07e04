"""``solpt-rehab routine``: the article's routine or a routine document, as a timeline."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from solpt_rehab import (
    CountingRule,
    Cue,
    Exercise,
    Hold,
    Laterality,
    Load,
    RepetitionScheme,
    RoutineBuilder,
    SessionDuration,
    Sets,
    Step,
    StepKind,
    TimedWork,
    dumps,
    format_timeline,
    session_duration,
    session_timeline,
    validate,
)
from solpt_rehab._cli import article_routine, main


def test_without_a_path_it_shows_the_articles_routine_for_the_painful_side(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["routine", "--painful-side", "right"]) == 0
    out = capsys.readouterr().out
    assert out == format_timeline(article_routine("right")) + "\n"
    assert out.splitlines()[:6] == [
        "Lower back and hip pain, right side",
        "1 session a day, 7 days a week, no set end",
        "  1. Figure-4 stretch (figure-4-stretch): hold 15 s, 3 reps, right side",
        "  2. Knees-to-chest stretch (knees-to-chest): hold 20 s, 3 reps, both sides together",
        "  3. Lying march (lying-march): hold 2 s, 8 reps in all, alternating, right first",
        "One session: 2 min 48 s to 4 min 11 s (this timeline: 3 min 14 s)",
    ]


def test_the_default_painful_side_is_left(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["routine"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "Lower back and hip pain, left side"


def test_json_output_holds_a_valid_routine_document_its_duration_and_every_cue(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["routine", "--format", "json"]) == 0
    output = json.loads(capsys.readouterr().out)
    routine = article_routine("left")
    duration = session_duration(routine)
    assert list(output) == ["routine", "duration", "timeline"]
    assert validate(output["routine"]).ok
    assert output["duration"] == {
        "min_seconds": duration.min_seconds,
        "max_seconds": duration.max_seconds,
    }
    assert output["timeline"] == [cue.to_json() for cue in session_timeline(routine)]
    assert len(output["timeline"]) == 28
    assert output["timeline"][1] == {
        "start_seconds": 10,
        "duration_seconds": 15,
        "kind": "hold",
        "exercise_id": "figure-4-stretch",
        "side": "left",
        "prompt": "Left side, hold 1 of 3: stay there for 15 seconds.",
        "interpreted": False,
        "repetition": 1,
        "set_number": None,
    }


def test_a_routine_document_is_read_from_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    routine = RoutineBuilder("Knees only").add("knees-to-chest", reps=5, hold_seconds=30).build()
    path = tmp_path / "routine.json"
    path.write_text(dumps(routine), encoding="utf-8")
    assert main(["routine", str(path)]) == 0
    assert capsys.readouterr().out == format_timeline(routine) + "\n"


def test_an_invalid_routine_document_prints_every_problem_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "routine.json"
    document = {
        "kind": "routine",
        "format_version": 2,
        "name": "Too much",
        "items": [{"exercise": "knees-to-chest", "reps": 9}, {"exercise": "plank", "reps": 1}],
    }
    path.write_text(json.dumps(document), encoding="utf-8")
    assert main(["routine", str(path)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        (
            f"{path}:1:111: error reps-out-of-range: 'reps' is outside the documented "
            "3-5 of 'knees-to-chest': 9 (at /items/0/reps)"
        ),
        (
            f"{path}:1:128: error unknown-exercise: 'exercise' is neither embedded in "
            "this routine nor in the catalog (known ids: 'figure-4-stretch', 'knees-to-chest', "
            "'lying-march'): 'plank' (at /items/1/exercise)"
        ),
    ]
    text = path.read_text(encoding="utf-8")
    assert (text[110], text[127:134]) == ("9", '"plank"')


def test_an_unreadable_routine_file_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.json"
    assert main(["routine", str(missing)]) == 2
    assert capsys.readouterr().err == (
        f"solpt-rehab routine: cannot read {str(missing)!r}: no such file or directory\n"
    )


def test_sets_timed_work_and_load_show_in_the_text_and_the_json_cues(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    band = Exercise(
        id="band-pull-apart",
        name="Band pull-apart",
        steps=(Step(text="Pull the band apart and hold.", kind=StepKind.HOLD),),
        hold=Hold.fixed(5),
        repetitions=RepetitionScheme(min_reps=10, max_reps=10, laterality=Laterality.BILATERAL),
        sets=Sets(min_sets=2, max_sets=2),
        load=Load(kind="band", level="light"),
    )
    march = Exercise(
        id="march-on-the-spot",
        name="March on the spot",
        steps=(Step(text="March on the spot.", kind=StepKind.MOVE),),
        repetitions=RepetitionScheme(
            laterality=Laterality.EACH_SIDE, counting=CountingRule.PER_SIDE
        ),
        timed_work=TimedWork(min_seconds=30, max_seconds=60),
    )
    routine = (
        RoutineBuilder("Shoulders and legs", sessions_per_day=2)
        .add(band)
        .add(march, reps=1)
        .build()
    )
    path = tmp_path / "routine.json"
    path.write_text(dumps(routine), encoding="utf-8")
    assert main(["routine", str(path)]) == 0
    assert capsys.readouterr().out.splitlines()[1:4] == [
        "2 sessions a day, 7 days a week, no set end",
        (
            "  1. Band pull-apart (band-pull-apart): hold 5 s, 2 sets of 10 reps, "
            "both sides together, light band"
        ),
        (
            "  2. March on the spot (march-on-the-spot): work 30 s, 1 rep per side, each-side, "
            "right first"
        ),
    ]
    assert main(["routine", str(path), "--format", "json"]) == 0
    timeline = json.loads(capsys.readouterr().out)["timeline"]
    assert timeline == [cue.to_json() for cue in session_timeline(routine)]
    assert [(cue["kind"], cue["set_number"]) for cue in timeline[19:22]] == [
        ("hold", 1),
        ("set-rest", 2),
        ("hold", 2),
    ]
    assert timeline[20] == {
        "start_seconds": 87,
        "duration_seconds": 30,
        "kind": "set-rest",
        "exercise_id": "band-pull-apart",
        "side": None,
        "prompt": "Take a break before set 2 of 2.",
        "interpreted": True,
        "repetition": None,
        "set_number": 2,
    }
    assert [(cue["kind"], cue["side"], cue["duration_seconds"]) for cue in timeline[-3:]] == [
        ("work", "right", 30),
        ("switch-sides", "left", 5),
        ("work", "left", 30),
    ]


def test_a_yaml_routine_without_pyyaml_is_a_usage_error_naming_the_extra(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "yaml", None)
    monkeypatch.delitem(sys.modules, "solpt_rehab._wire.yaml", raising=False)
    path = tmp_path / "routine.yaml"
    path.write_text("kind: routine\n", encoding="utf-8")
    assert main(["routine", str(path)]) == 2
    assert capsys.readouterr() == (
        "",
        "solpt-rehab routine: YAML needs the 'yaml' extra: pip install 'solpt_rehab[yaml]'\n",
    )


def test_a_painful_side_with_a_routine_document_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "routine.json"
    path.write_text(dumps(article_routine("right")), encoding="utf-8")
    assert main(["routine", str(path), "--painful-side", "left"]) == 2
    assert capsys.readouterr() == (
        "",
        (
            "solpt-rehab routine: --painful-side applies only to the article's routine "
            "(no PATH); a routine document states each item's side\n"
        ),
    )


def test_a_bad_routine_with_format_json_prints_its_problems_as_validate_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(
        '{"kind": "routine", "format_version": 2, "name": "r",\n'
        ' "items": [{"exercise": "lying-march", "reps": 1}], "colour": "red"}',
        encoding="utf-8",
    )
    assert main(["validate", "--format", "json", str(path)]) == 1
    expected = capsys.readouterr().out
    assert main(["routine", str(path), "--format", "json"]) == 1
    assert capsys.readouterr() == (expected, "")
    assert [
        (found["code"], found["path"], found["line"])
        for found in json.loads(expected)["files"][0]["problems"]
    ] == [("reps-out-of-range", "/items/0/reps", 2), ("unknown-key", "/colour", 2)]


def _numbers(text: str) -> list[object]:
    """Every number of a JSON text, as ``json`` reads it (``15.0`` stays a float)."""
    found: list[object] = []

    def walk(value: object) -> None:
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            found.append(value)

    walk(json.loads(text))
    return found


def test_json_output_writes_every_whole_number_as_an_int(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["routine", "--format", "json"]) == 0
    text = capsys.readouterr().out
    assert [value for value in _numbers(text) if isinstance(value, float)] == []
    output = json.loads(text)
    assert output["duration"] == {"min_seconds": 168, "max_seconds": 251}
    assert [type(output["timeline"][0][key]) for key in ("start_seconds", "duration_seconds")] == [
        int,
        int,
    ]


def test_cue_and_duration_to_json_keep_a_fraction_and_drop_a_whole_floats_point() -> None:
    cue = Cue(
        start_seconds=12.0,
        duration_seconds=2.5,
        kind="hold",
        exercise_id="lying-march",
        side="left",
        prompt="Hold.",
        interpreted=False,
        repetition=1,
    )
    assert cue.to_json() == {
        "start_seconds": 12,
        "duration_seconds": 2.5,
        "kind": "hold",
        "exercise_id": "lying-march",
        "side": "left",
        "prompt": "Hold.",
        "interpreted": False,
        "repetition": 1,
        "set_number": None,
    }
    assert type(cue.to_json()["start_seconds"]) is int
    duration = SessionDuration(min_seconds=63.5, max_seconds=76.0)
    assert duration.to_json() == {"min_seconds": 63.5, "max_seconds": 76}
    assert type(duration.to_json()["max_seconds"]) is int


def test_timeline_warnings_show_their_code() -> None:
    routine = RoutineBuilder("r").add("lying-march", reps=2, deviation="a first try").build()
    assert [line for line in format_timeline(routine).splitlines() if "warning" in line] == [
        (
            "  warning deviation: 'reps' is outside the documented 8-10 of 'lying-march', "
            "accepted as a recorded deviation ('a first try'): 2 (at /items/0/reps)"
        )
    ]
