"""solpt_rehab.importers.free_exercise_db: the format mapped, the prose read, nothing raised."""

from __future__ import annotations

import ast
import copy
import inspect
import json
from collections import Counter
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

from solpt_rehab import (
    BodyRegion,
    Category,
    Citation,
    CountingRule,
    DocumentError,
    Equipment,
    Exercise,
    Hold,
    InvalidValueError,
    Laterality,
    Level,
    Load,
    LoadKind,
    Media,
    MediaKind,
    Position,
    Problem,
    RepetitionScheme,
    Severity,
    Step,
    StepKind,
)
from solpt_rehab._routines.dose import (
    default_hold_seconds,
    default_reps,
    default_side,
    item_problems,
)
from solpt_rehab.importers import free_exercise_db
from solpt_rehab.importers.free_exercise_db import (
    SOURCE,
    ExerciseReport,
    ImportResult,
    import_exercises,
    import_file,
)
from solpt_rehab.prose import dose_disagreements, extract_dose

NO_COUNT = "no step states a repetition count; the draft states none either"

# Entries in free-exercise-db's format, with instructions written for these tests.
STRETCH: dict[str, object] = {
    "id": "Doorway_Chest_Opener",
    "name": "Doorway Chest Opener",
    "force": "static",
    "level": "beginner",
    "mechanic": None,
    "equipment": "other",
    "primaryMuscles": ["chest"],
    "secondaryMuscles": ["shoulders"],
    "instructions": [
        "Stand in a doorway and rest one forearm on the frame.",
        "Ease through the doorway until the shoulder stretches.",
        "Hold for 20-30 seconds, then switch sides.",
    ],
    "category": "stretching",
    "images": ["Doorway_Chest_Opener/0.jpg"],
}
CURL: dict[str, object] = {
    "id": "Alternating_Band_Curl",
    "name": "Alternating Band Curl",
    "force": "pull",
    "level": "intermediate",
    "mechanic": "isolation",
    "equipment": "bands",
    "primaryMuscles": ["biceps", "forearms", "biceps"],
    "secondaryMuscles": [],
    "instructions": [
        "Stand on the band holding a handle in each hand. This will be your starting position.",
        "Curl the right handle up, squeezing for a second at the top.",
        "Lower it and curl the left one.",
        "Repeat for the recommended amount of repetitions.",
    ],
    "category": "strength",
    "images": [],
}


def test_a_stretch_maps_onto_an_exercise_with_its_dose() -> None:
    result = import_exercises([STRETCH])
    assert result.exercises == (
        Exercise(
            id="doorway-chest-opener",
            name="Doorway Chest Opener",
            steps=(
                Step(
                    text="Stand in a doorway and rest one forearm on the frame.",
                    kind=StepKind.SETUP,
                ),
                Step(
                    text="Ease through the doorway until the shoulder stretches.",
                    kind=StepKind.MOVE,
                ),
                Step(text="Hold for 20-30 seconds, then switch sides.", kind=StepKind.HOLD),
            ),
            hold=Hold(min_seconds=20, max_seconds=30),
            repetitions=RepetitionScheme(
                min_reps=None,
                max_reps=None,
                laterality=Laterality.EACH_SIDE,
                counting=CountingRule.PER_SIDE,
            ),
            regions=(BodyRegion.CHEST,),
            position=Position.STANDING,
            level=Level.BEGINNER,
            category=Category.STRETCHING,
            equipment=(),
            media=(
                Media(
                    uri="Doorway_Chest_Opener/0.jpg",
                    kind=MediaKind.IMAGE,
                    alt="Doorway Chest Opener, picture 1 of 1",
                    licence="Unlicense",
                ),
            ),
            source=Citation(
                title="free-exercise-db",
                publisher="yuhonas/free-exercise-db (public domain)",
                url="https://github.com/yuhonas/free-exercise-db",
                locator="id Doorway_Chest_Opener",
            ),
        ),
    )
    (report,) = result.reports
    assert report == ExerciseReport(
        index=0,
        source_id="Doorway_Chest_Opener",
        id="doorway-chest-opener",
        name="Doorway Chest Opener",
        mapped=(
            "name 'Doorway Chest Opener'",
            "id 'Doorway_Chest_Opener' -> 'doorway-chest-opener'",
            "primaryMuscles 'chest' -> region 'chest'",
            "level 'beginner' -> 'beginner'",
            "category 'stretching' -> 'stretching'",
            "images: 1 kept as media (Unlicense)",
            "instructions: 3 steps (1 hold, 1 move, 1 setup)",
        ),
        extracted=(
            "hold 20-30 s from step 3",
            "laterality 'each-side' from step 3",
            "position 'standing' from step 1",
        ),
        unknown=(
            "secondaryMuscles 'shoulders': not mapped; an exercise's regions are those it targets",
            "equipment 'other' names no piece of equipment; left out",
            "force 'static': the model has no such field",
            NO_COUNT,
            (
                "'each-side' repetitions do not say whether the count is per side or in total; the "
                "draft reads it as 'per-side'"
            ),
        ),
        problems=(
            Problem(
                path="/0/instructions",
                code="repetitions-not-stated",
                severity=Severity.WARNING,
                message=("no step states a repetition count; the draft states none either"),
            ),
            Problem(
                path="/0/instructions",
                code="counting-not-stated",
                severity=Severity.WARNING,
                message=(
                    "'each-side' repetitions do not say whether the count is per side or in "
                    "total; the draft reads it as 'per-side'"
                ),
            ),
        ),
    )
    assert report.imported
    assert report.reason is None
    assert result.id_map == {"Doorway_Chest_Opener": "doorway-chest-opener"}
    assert result.problems == report.problems


def test_a_strength_exercise_takes_its_side_from_the_name_and_reports_the_placeholder() -> None:
    result = import_exercises([CURL])
    (exercise,) = result.exercises
    assert exercise.hold is None
    assert exercise.repetitions == RepetitionScheme(
        min_reps=None, max_reps=None, laterality=Laterality.ALTERNATING, counting=CountingRule.TOTAL
    )
    assert exercise.regions == (BodyRegion.UPPER_ARM, BodyRegion.FOREARM)
    assert exercise.equipment == (Equipment(name="bands", optional=False),)
    # The equipment says a band; the prose names it too ("the band"), with no level.
    assert exercise.load == Load(kind=LoadKind.BAND, text="the band")
    assert exercise.media == ()
    assert (exercise.level, exercise.category) == (Level.INTERMEDIATE, Category.STRENGTH)
    assert [step.kind for step in exercise.steps] == [
        StepKind.SETUP,
        StepKind.MOVE,
        StepKind.RELEASE,
        StepKind.REPEAT,
    ]
    (report,) = result.reports
    assert report.extracted == (
        "laterality 'alternating' from the name",
        "position 'standing' from step 1",
        "load 'band' from step 1",
    )
    assert [(p.code, p.message) for p in report.problems] == [
        (
            "hold-unquantified",
            "step 2 states a hold without a number; the draft has none: 'a second'",
        ),
        (
            "repetitions-not-stated",
            (
                "no step states a repetition count (step 4 stands in for it: 'the recommended "
                "amount of repetitions'); the draft states none either"
            ),
        ),
        (
            "counting-not-stated",
            (
                "'alternating' repetitions do not say whether the count is per side or in total; "
                "the draft reads it as 'total'"
            ),
        ),
    ]


def test_a_stated_count_and_an_each_leg_cue_make_the_whole_scheme() -> None:
    entry = {
        **CURL,
        "id": "Step_Up",
        "name": "Step Up",
        "instructions": ["Step onto a low box.", "Repeat 8-12 times on each leg."],
    }
    (exercise,) = import_exercises([entry]).exercises
    assert exercise.repetitions == RepetitionScheme(
        min_reps=8, max_reps=12, laterality=Laterality.EACH_SIDE, counting=CountingRule.PER_SIDE
    )
    assert [step.kind for step in exercise.steps] == [StepKind.SETUP, StepKind.REPEAT]


def test_names_are_kept_exactly_and_ids_are_unique_slugs() -> None:
    entries = [
        {**STRETCH, "id": "Caf\u00e9_Stretch", "name": "  Caf\u00e9 stretch \u00bd  "},
        {**STRETCH, "id": "cafe-stretch", "name": "Another"},
        {**STRETCH, "id": "Cafe Stretch", "name": "A third"},
    ]
    result = import_exercises(entries)
    assert [(e.id, e.name) for e in result.exercises] == [
        ("cafe-stretch", "  Caf\u00e9 stretch \u00bd  "),
        ("cafe-stretch-2", "Another"),
        ("cafe-stretch-3", "A third"),
    ]
    assert [p for p in result.problems if p.code == "id-renamed"] == [
        Problem(
            path="/1/id",
            code="id-renamed",
            severity=Severity.WARNING,
            message=(
                "an earlier entry's id also makes 'cafe-stretch'; this one is 'cafe-stretch-2': "
                "'cafe-stretch'"
            ),
        ),
        Problem(
            path="/2/id",
            code="id-renamed",
            severity=Severity.WARNING,
            message=(
                "an earlier entry's id also makes 'cafe-stretch'; this one is 'cafe-stretch-3': "
                "'Cafe Stretch'"
            ),
        ),
    ]
    assert result.id_map == {
        "Caf\u00e9_Stretch": "cafe-stretch",
        "cafe-stretch": "cafe-stretch-2",
        "Cafe Stretch": "cafe-stretch-3",
    }


# -- malformed input: a problem per entry, never an exception ------------------------------------


def _without(key: str) -> dict[str, object]:
    return {k: v for k, v in STRETCH.items() if k != key}


LEFT_OUT: list[tuple[object, tuple[str, str, str]]] = [
    (42, ("/0", "wrong-type", "an exercise must be an object: 42")),
    (_without("id"), ("/0/id", "missing-field", "the entry has no 'id'")),
    ({**STRETCH, "id": 7}, ("/0/id", "wrong-type", "'id' must be a string: 7")),
    ({**STRETCH, "id": " "}, ("/0/id", "empty-text", "'id' must not be empty: ' '")),
    (
        {**STRETCH, "id": "__"},
        ("/0/id", "bad-id", "'id' has no letter or digit to make a slug from: '__'"),
    ),
    (_without("name"), ("/0/name", "missing-field", "the entry has no 'name'")),
    ({**STRETCH, "name": ["x"]}, ("/0/name", "wrong-type", "'name' must be a string: ['x']")),
    (
        _without("instructions"),
        ("/0/instructions", "missing-field", "the entry has no 'instructions'"),
    ),
    (
        {**STRETCH, "instructions": "Hold it."},
        ("/0/instructions", "wrong-type", "'instructions' must be an array of strings: 'Hold it.'"),
    ),
    (
        {**STRETCH, "instructions": []},
        (
            "/0/instructions",
            "no-instructions",
            "the entry has no instruction to make a step of: []",
        ),
    ),
    (
        {**STRETCH, "name": "Doorway\ud800 Opener"},
        (
            "/0/name",
            "invalid-unicode",
            (
                "'name' must be valid Unicode (U+D800 at index 7 is a surrogate code point): "
                "'Doorway\\ud800 Opener'"
            ),
        ),
    ),
    (
        {**STRETCH, "id": "\udfff_Opener"},
        (
            "/0/id",
            "invalid-unicode",
            (
                "'id' must be valid Unicode (U+DFFF at index 0 is a surrogate code point): "
                "'\\udfff_Opener'"
            ),
        ),
    ),
]


@pytest.mark.parametrize(("entry", "expected"), LEFT_OUT)
def test_an_entry_that_cannot_become_an_exercise_is_left_out_with_its_reason(
    entry: object, expected: tuple[str, str, str]
) -> None:
    result = import_exercises([entry])
    assert result.exercises == ()
    (report,) = result.reports
    assert not report.imported
    assert report.id is None
    errors = [(p.path, p.code, p.message) for p in report.problems if p.is_error]
    assert errors == [expected]
    assert report.reason == expected[2]


def test_fields_of_the_wrong_kind_are_dropped_with_a_warning() -> None:
    entry = {
        **STRETCH,
        "level": "advanced",
        "category": 3,
        "equipment": ["mat"],
        "primaryMuscles": ["chest", "toes", None],
        "secondaryMuscles": "shoulders",
        "instructions": ["", 5, "Hold for 15 seconds.", "   "],
        "extra": True,
    }
    result = import_exercises([entry])
    (exercise,) = result.exercises
    assert [step.text for step in exercise.steps] == ["Hold for 15 seconds."]
    assert (exercise.level, exercise.category, exercise.equipment) == (None, None, ())
    assert exercise.regions == (BodyRegion.CHEST,)
    assert [(p.path, p.code, p.severity.value, p.message) for p in result.problems] == [
        ("/0/instructions/0", "value-dropped", "warning", "an empty instruction; dropped: ''"),
        (
            "/0/instructions/1",
            "value-dropped",
            "warning",
            "an instruction must be a string; dropped: 5",
        ),
        ("/0/instructions/3", "value-dropped", "warning", "an empty instruction; dropped: '   '"),
        (
            "/0/primaryMuscles/1",
            "value-dropped",
            "warning",
            "not a free-exercise-db muscle: 'toes'",
        ),
        ("/0/primaryMuscles/2", "value-dropped", "warning", "not a free-exercise-db muscle: null"),
        (
            "/0/secondaryMuscles",
            "value-dropped",
            "warning",
            "'secondaryMuscles' must be an array of strings: 'shoulders'",
        ),
        (
            "/0/level",
            "value-dropped",
            "warning",
            "'level' must be one of 'beginner', 'intermediate', 'expert': 'advanced'",
        ),
        (
            "/0/category",
            "value-dropped",
            "warning",
            (
                "'category' must be one of 'stretching', 'strength', 'cardio', 'plyometrics', "
                "'powerlifting', 'olympic weightlifting', 'strongman': 3"
            ),
        ),
        ("/0/equipment", "value-dropped", "warning", "'equipment' must be a name: ['mat']"),
        (
            "/0/instructions",
            "repetitions-not-stated",
            "warning",
            NO_COUNT,
        ),
        (
            "/0/instructions",
            "laterality-not-stated",
            "warning",
            "no step gives a side cue; the draft reads the exercise as 'bilateral'",
        ),
    ]
    assert "key 'extra' is not part of the format; not read" in result.reports[0].unknown


def test_text_that_is_not_valid_unicode_is_dropped_with_a_warning_where_it_stands() -> None:
    entry = {
        **STRETCH,
        "equipment": "foam\udc00roller",
        "instructions": ["Stand in a doorway.", "Lean\ud83d forward.", "Hold for 15 seconds."],
    }
    result = import_exercises([entry])
    (exercise,) = result.exercises
    assert [step.text for step in exercise.steps] == ["Stand in a doorway.", "Hold for 15 seconds."]
    assert exercise.equipment == ()
    assert [(p.path, p.code, p.message) for p in result.problems if p.code == "value-dropped"] == [
        (
            "/0/instructions/1",
            "value-dropped",
            (
                "an instruction must be valid Unicode (U+D83D at index 4 is a surrogate "
                "code point); dropped: 'Lean\\ud83d forward.'"
            ),
        ),
        (
            "/0/equipment",
            "value-dropped",
            (
                "'equipment' must be valid Unicode (U+DC00 at index 4 is a surrogate code point): "
                "'foam\\udc00roller'"
            ),
        ),
    ]
    assert all(not p.is_error for p in result.problems)


def test_a_value_the_model_still_refuses_leaves_the_entry_out_instead_of_raising() -> None:
    # Every field is checked before the exercise is made; should the model refuse one anyway,
    # the entry is left out with the validator's code for that case.
    refusal = InvalidValueError("'name' must be refused: 'Doorway Chest Opener'")
    with mock.patch.object(free_exercise_db, "Exercise", side_effect=refusal):
        result = import_exercises([STRETCH])
    assert result.exercises == ()
    assert [(p.path, p.code, p.message) for p in result.problems if p.is_error] == [
        ("", "no-exercises", "no exercise imported: the entry left out"),
        ("/0", "invalid-value", "'name' must be refused: 'Doorway Chest Opener'"),
    ]


@pytest.mark.parametrize(
    ("data", "shown"),
    [({"exercises": []}, "{'exercises': []}"), (None, "null"), ("[]", "'[]'"), (3.5, "3.5")],
)
def test_content_that_is_not_a_list_gives_one_problem(data: object, shown: str) -> None:
    assert import_exercises(data) == ImportResult(
        exercises=(),
        reports=(),
        problems=(
            Problem(
                path="",
                code="wrong-type",
                severity=Severity.ERROR,
                message=f"free-exercise-db content must be a JSON array of exercises: {shown}",
            ),
        ),
    )


def test_long_or_deep_values_are_shortened_in_messages() -> None:
    deep: list[object] = []
    inner = deep
    for _ in range(10_000):
        nested: list[object] = []
        inner.append(nested)
        inner = nested
    long_id: dict[str, object] = {**STRETCH, "id": ["x" * 100]}
    many_levels: dict[str, object] = {**STRETCH, "level": list(range(1000))}
    result = import_exercises([long_id, deep, many_levels])
    assert [p.message for p in result.problems if p.code in {"wrong-type", "value-dropped"}] == [
        "'id' must be a string: ['" + "x" * 40 + "'... (100 characters)]",
        "an exercise must be an object: [[an array of 1 item]]",
        "'level' must be one of 'beginner', 'intermediate', 'expert': an array of 1000 items",
    ]
    assert "    /1 (no name): an exercise must be an object: [[an array of 1 item]]" in (
        result.summary()
    )


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=30)
    | st.sampled_from(["beginner", "chest", "body only", "Hold for 10-20 seconds.", "strength"]),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                ["id", "name", "level", "category", "equipment", "primaryMuscles", "instructions"]
            )
            | st.text(max_size=8),
            children,
            max_size=6,
        )
    ),
    max_leaves=25,
)
entries = st.fixed_dictionaries(
    {},
    optional={
        "id": json_values | st.text(max_size=12),
        "name": json_values | st.text(max_size=12),
        "level": json_values,
        "category": json_values,
        "equipment": json_values,
        "primaryMuscles": json_values | st.lists(st.sampled_from(["chest", "glutes", "x"])),
        "secondaryMuscles": json_values,
        "instructions": json_values | st.lists(st.text(max_size=40), max_size=4),
        "force": json_values,
    },
)


@given(json_values | st.lists(entries | json_values, max_size=5))
def test_any_json_is_imported_without_an_exception_and_left_unchanged(data: object) -> None:
    before = copy.deepcopy(data)
    result = import_exercises(data)
    assert data == before
    assert all(isinstance(exercise, Exercise) for exercise in result.exercises)
    if isinstance(data, list):
        assert len(result.reports) == len(data)
        assert len(result.exercises) == sum(report.imported for report in result.reports)
        assert all(
            report.problems and any(p.is_error for p in report.problems)
            for report in result.reports
            if not report.imported
        )
    else:
        assert [p.code for p in result.problems] == ["wrong-type"]
    assert isinstance(result.summary(), str)
    for report in result.reports:
        assert isinstance(report.describe(), str)


# -- reports -------------------------------------------------------------------------------------


def test_the_summary_counts_what_was_read_and_lists_what_was_left_out() -> None:
    result = import_exercises([STRETCH, CURL, {"id": "Empty", "name": "Empty", "instructions": []}])
    assert result.summary() == "\n".join(
        [
            "free-exercise-db: 3 entries, 2 exercises imported, 1 left out",
            "  read from the prose: a hold for 1, a repetition count for 0, a side for 2",
            "  problems by code:",
            "    counting-not-stated: 2",
            "    hold-unquantified: 1",
            "    no-instructions: 1",
            "    repetitions-not-stated: 2",
            "  left out:",
            "    /2 'Empty': the entry has no instruction to make a step of: []",
        ]
    )
    assert [report.source_id for report in result.left_out] == ["Empty"]
    assert import_exercises(42).summary() == "\n".join(
        [
            "free-exercise-db: 0 entries, 0 exercises imported, 0 left out",
            "  read from the prose: a hold for 0, a repetition count for 0, a side for 0",
            "  problems by code:",
            "    wrong-type: 1",
            (
                "  (root): error wrong-type: free-exercise-db content must be a JSON array of "
                "exercises: 42"
            ),
        ]
    )


def test_a_report_describes_itself_for_a_person() -> None:
    result = import_exercises([{"id": "X", "name": "Bare", "instructions": ["Stand tall."]}, 5])
    assert result.reports[0].describe() == "\n".join(
        [
            "'Bare' -> 'x'",
            "  mapped: name 'Bare'",
            "  mapped: id 'X' -> 'x'",
            "  mapped: instructions: 1 steps (1 setup)",
            "  from the prose: position 'standing' from step 1",
            "  unknown: primaryMuscles not stated",
            "  unknown: secondaryMuscles not stated",
            "  unknown: level not stated",
            "  unknown: category not stated",
            "  unknown: equipment not stated",
            "  unknown: no step states a hold; the draft has none",
            f"  unknown: {NO_COUNT}",
            "  unknown: no step gives a side cue; the draft reads the exercise as 'bilateral'",
            "  /0/instructions: warning hold-not-stated: no step states a hold; the draft has none",
            (
                "  /0/instructions: warning repetitions-not-stated: no step states a repetition "
                "count; the draft states none either"
            ),
            (
                "  /0/instructions: warning laterality-not-stated: no step gives a side cue; the "
                "draft reads the exercise as 'bilateral'"
            ),
        ]
    )
    assert result.reports[1].describe() == "\n".join(
        [
            "'entry 1': left out (an exercise must be an object: 5)",
            "  /1: error wrong-type: an exercise must be an object: 5",
        ]
    )


# -- files ---------------------------------------------------------------------------------------


def test_a_file_is_read_and_imported(tmp_path: Path) -> None:
    path = tmp_path / "exercises.json"
    path.write_text(json.dumps([STRETCH]), encoding="utf-8")
    assert import_file(path) == import_exercises([STRETCH])
    assert import_file(str(path)) == import_exercises([STRETCH])


def test_an_unreadable_or_non_json_file_is_a_document_error(tmp_path: Path) -> None:
    missing = tmp_path / "missing.json"
    with pytest.raises(DocumentError) as raised:
        import_file(missing)
    assert [(p.path, p.code, p.message) for p in raised.value.problems] == [
        ("", "unreadable-file", f"cannot read {str(missing)!r}: no such file or directory")
    ]
    assert str(raised.value).startswith(f"cannot read {str(missing)!r}")
    broken = tmp_path / "broken.json"
    broken.write_text("[{", encoding="utf-8")
    with pytest.raises(DocumentError) as raised:
        import_file(broken)
    assert [(p.path, p.code, p.message) for p in raised.value.problems] == [
        (
            "",
            "malformed-json",
            (
                "the text is not JSON: expecting property name enclosed in double quotes at "
                "line 1 column 3"
            ),
        )
    ]
    assert str(raised.value).startswith(f"{str(broken)!r} is not JSON")


# -- the real file -------------------------------------------------------------------------------


def test_the_whole_of_free_exercise_db_imports(shared_dir: Path) -> None:
    path = shared_dir / "data" / "free-exercise-db" / "exercises.json"
    source = json.loads(path.read_text(encoding="utf-8"))
    result = import_file(path)
    assert (len(result.reports), len(result.exercises)) == (873, 868)
    assert [report.source_id for report in result.left_out] == [
        "Iron_Cross",
        "One-Arm_Kettlebell_Swings",
        "Push_Press",
        "Side_Bridge",
        "Side_Jackknife",
    ]
    assert {report.reason for report in result.left_out} == {
        "the entry has no instruction to make a step of: []"
    }
    imported = [entry for entry, report in zip(source, result.reports, strict=True) if report.id]
    assert [exercise.name for exercise in result.exercises] == [e["name"] for e in imported]
    assert list(result.id_map) == [entry["id"] for entry in imported]
    assert len(set(result.id_map.values())) == 868
    assert not any(
        problem.is_error for report in result.reports if report.id for problem in report.problems
    )
    holds = [exercise for exercise in result.exercises if exercise.hold is not None]
    assert len(holds) == 66
    assert all(exercise.steps_of(StepKind.HOLD) for exercise in holds)
    counted = [e for e in result.exercises if e.repetitions.stated]
    assert len(counted) == 19
    assert [p.code for p in result.problems if p.code in {"value-dropped", "no-instructions"}] == [
        "value-dropped",
        "value-dropped",
        *["no-instructions"] * 5,
    ]
    for index, exercise in enumerate(result.exercises):
        dose = item_problems(
            exercise,
            hold_seconds=default_hold_seconds(exercise),
            reps=default_reps(exercise),
            side=default_side(exercise),
            deviation=None,
            at=("items", index),
        )
        # A count the source does not state is the clinician's to choose: the only error.
        unstated = [] if exercise.repetitions.min_reps is not None else ["reps-not-stated"]
        assert [problem.code for problem in dose if problem.is_error] == unstated
    disagreements = [
        problem
        for index, exercise in enumerate(result.exercises)
        for problem in dose_disagreements(exercise, at=("exercises", index))
    ]
    assert [
        (p.code, p.message.split(":")[-1])
        for p in disagreements
        if p.code.endswith("hold-mismatch")
    ] == [
        ("prose-hold-mismatch", " '10 or more seconds'"),
        ("prose-hold-mismatch", " '10 or more seconds'"),
    ]
    # One load per exercise: a barbell worked against bands (13), or a band, an ankle weight or
    # a dumbbell beside body-weight work (4), names a second load the structured one lacks.
    assert Counter(p.code for p in disagreements) == {
        "prose-hold-mismatch": 2,
        "prose-load-mismatch": 17,
    }


# -- the public face of the module ---------------------------------------------------------------


def test_the_public_names_of_the_importer_are_documented() -> None:
    assert list(free_exercise_db.__all__) == sorted(
        free_exercise_db.__all__, key=lambda name: (not name.isupper(), not name[0].isupper(), name)
    )
    undocumented = []
    for name in free_exercise_db.__all__:
        value = getattr(free_exercise_db, name)
        if inspect.isclass(value) or inspect.isfunction(value):
            if "versionadded:: 0.1.0" not in (inspect.getdoc(value) or ""):
                undocumented.append(name)
            if inspect.isclass(value):
                undocumented.extend(
                    f"{name}.{attribute}"
                    for attribute, member in vars(value).items()
                    if not attribute.startswith("_")
                    and (inspect.isfunction(member) or isinstance(member, property))
                    and not inspect.getdoc(member)
                )
    assert undocumented == []
    assert SOURCE.url == "https://github.com/yuhonas/free-exercise-db"


def test_the_importer_imports_no_private_name_of_the_library() -> None:
    tree = ast.parse(Path(free_exercise_db.__file__).read_text(encoding="utf-8"))
    private = [
        f"{node.module}.{alias.name}"
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.level > 0
        for alias in node.names
        if alias.name.startswith("_")
    ]
    assert private == []


def test_free_exercise_db_imports_no_invented_dose(shared_dir: Path) -> None:
    path = shared_dir / "data" / "free-exercise-db" / "exercises.json"
    source = {entry["id"]: entry for entry in json.loads(path.read_text(encoding="utf-8"))}
    result = import_file(path)
    exercises = dict(zip(result.id_map, result.exercises, strict=True))

    def states_a_count(texts: list[str]) -> bool:
        readings = [extract_dose(text) for text in texts if text.strip()]
        return any(r.reps_range is not None or r.up_to_reps is not None for r in readings)

    silent = [key for key in exercises if not states_a_count(source[key]["instructions"])]
    assert len(silent) == 849
    assert [key for key in silent if exercises[key].repetitions.stated] == []
    assert sum(exercise.repetitions.stated for exercise in exercises.values()) == 19
    # Every image is kept, in order, as media under the data set's licence.
    for key, exercise in exercises.items():
        assert [media.uri for media in exercise.media] == source[key]["images"]
        assert {(media.kind, media.licence) for media in exercise.media} <= {
            (MediaKind.IMAGE, "Unlicense")
        }
        assert all(media.alt.startswith(f"{exercise.name}, picture ") for media in exercise.media)
    assert sum(len(exercise.media) for exercise in exercises.values()) == 1736
    # Loads: the equipment's kind, and never an amount (the data set writes none for a load).
    kinds = Counter(None if e.load is None else e.load.kind for e in exercises.values())
    assert kinds == {
        LoadKind.WEIGHT: 493,
        None: 231,
        LoadKind.BODY_WEIGHT: 109,
        LoadKind.BAND: 35,
    }
    assert not any(e.load is not None and e.load.quantified for e in exercises.values())
    for key, exercise in exercises.items():
        equipment = source[key]["equipment"]
        if equipment in free_exercise_db.EQUIPMENT_LOADS:
            assert exercise.load is not None
            assert exercise.load.kind is free_exercise_db.EQUIPMENT_LOADS[equipment]
    timed = {key: str(e.timed_work) for key, e in exercises.items() if e.timed_work is not None}
    assert timed == {
        "Arm_Circles": "10 s",
        "Mountain_Climbers": "20-30 s",
        "Skating": "120-1800 s",
    }


def test_equipment_gives_a_load_of_its_kind_and_the_prose_its_level() -> None:
    entry = {**CURL, "instructions": ["Stand on a red band.", "Curl up to 12 times."]}
    (exercise,) = import_exercises([entry]).exercises
    assert exercise.load == Load(kind=LoadKind.BAND, level="red", text="a red band")
    assert (exercise.repetitions.min_reps, exercise.repetitions.max_reps) == (None, 12)
    dumbbell = {**CURL, "equipment": "dumbbell", "instructions": ["Curl the band."]}
    (exercise,) = import_exercises([dumbbell]).exercises
    assert exercise.load == Load(kind=LoadKind.WEIGHT)
    images = {**CURL, "images": ["a/0.jpg", 5, "a/1.jpg"]}
    result = import_exercises([images])
    assert result.exercises[0].media == (
        Media(uri="a/0.jpg", kind="image", alt="Alternating Band Curl, picture 1 of 2",
              licence="Unlicense"),
        Media(uri="a/1.jpg", kind="image", alt="Alternating Band Curl, picture 2 of 2",
              licence="Unlicense"),
    )  # fmt: skip
    assert [(p.path, p.code) for p in result.problems if p.code == "value-dropped"] == [
        ("/0/images/1", "value-dropped")
    ]
