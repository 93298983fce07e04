"""Writing and reading documents: explicit output, catalog references, and the typed readers."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any

import pytest
from attrs import evolve

from solpt_rehab import (
    DocumentError,
    InvalidValueError,
    Problem,
    Routine,
    RoutineError,
    RoutineItem,
    Severity,
    Side,
    catalog,
    dumps,
    from_document,
    loads,
    to_document,
    validate,
    validate_jsonl,
    validate_text,
)


def test_an_exercise_document_writes_every_field() -> None:
    assert to_document(catalog.get("lying-march")) == {
        "kind": "exercise",
        "format_version": 2,
        "id": "lying-march",
        "name": "Lying march",
        "purpose": (
            "Gently stretches and strengthens the hip, buttock and lower back muscles, to help "
            "keep lower back and hip pain from coming back."
        ),
        "steps": [
            {
                "text": "Lie face up on the floor, on a yoga mat for padding if needed.",
                "kind": "setup",
                "distance": None,
            },
            {
                "text": "Rest both feet flat on the floor with the knees slightly bent.",
                "kind": "setup",
                "distance": None,
            },
            {
                "text": "Raise your right foot slowly, a few inches clear of the floor.",
                "kind": "move",
                "distance": "a few inches",
            },
            {"text": "Keep it raised for 2 to 3 seconds.", "kind": "hold", "distance": None},
            {
                "text": "Bring the foot slowly back down to the floor.",
                "kind": "release",
                "distance": None,
            },
            {"text": "Do the same with your left leg.", "kind": "repeat", "distance": None},
            {
                "text": "Keep switching legs until you reach 8 to 10 lifts in all.",
                "kind": "repeat",
                "distance": None,
            },
        ],
        "hold": {"min_seconds": 2, "max_seconds": 3},
        "repetitions": {
            "min_reps": 8,
            "max_reps": 10,
            "laterality": "alternating",
            "counting": "total",
            "rest": None,
        },
        "sets": None,
        "timed_work": None,
        "load": None,
        "effort": None,
        "regions": ["hip", "buttock", "lower-back"],
        "position": "supine",
        "level": "beginner",
        "category": "strength",
        "equipment": [{"name": "yoga mat", "optional": True, "alternatives": []}],
        "precautions": [],
        "media": [],
        "source": {
            "title": "Exercises for lower back and hip pain",
            "publisher": "SOL Physical Therapy (Sports + Orthopedic Leaders)",
            "url": None,
            "locator": "exercise 3 of 3",
        },
    }


def test_a_minimal_exercise_reads_with_the_model_defaults() -> None:
    minimal = {
        "kind": "exercise",
        "format_version": 1,
        "id": "wall-sit",
        "name": "Wall sit",
        "steps": [{"text": "Slide down the wall.", "kind": "move"}],
        "repetitions": {"min_reps": 1, "laterality": "bilateral"},
    }
    exercise = from_document(minimal, kind="exercise")
    assert (exercise.hold, exercise.repetitions.max_reps, exercise.regions, exercise.source) == (
        None,
        None,
        (),
        None,
    )
    written = to_document(exercise)
    assert written["purpose"] == ""
    assert written["repetitions"]["rest"] is None
    assert from_document(written) == exercise


def _item(exercise_id: str, **changes: Any) -> RoutineItem:
    exercise = catalog.get(exercise_id)
    fields: dict[str, Any] = {"exercise": exercise, "reps": exercise.repetitions.min_reps}
    fields["side"] = Side.LEFT if exercise_id == "figure-4-stretch" else Side.BOTH
    fields.update(changes)
    return RoutineItem(**fields)


def test_a_routine_refers_to_catalog_exercises_and_embeds_the_others_once() -> None:
    own = evolve(catalog.get("lying-march"), id="slow-march", name="Slow march")
    changed = evolve(catalog.get("knees-to-chest"), name="Knee hug")
    routine = Routine(
        name="Hips",
        items=(
            _item("figure-4-stretch", hold_seconds=15),
            _item("lying-march", exercise=own),
            _item("lying-march"),
            _item("lying-march", exercise=own, reps=9),
            _item("knees-to-chest", exercise=changed),
        ),
    )
    document = to_document(routine)
    references = [item["exercise"] for item in document["items"]]
    assert references[0] == "figure-4-stretch"
    assert references[1]["id"] == "slow-march"
    assert references[2:4] == ["lying-march", "slow-march"]
    assert references[4]["name"] == "Knee hug"
    assert (document["frequency"], document["weeks"]) == (
        {"sessions_per_day": 1, "days_per_week": 7},
        None,
    )
    assert validate(document).ok
    assert from_document(document, kind="routine") == routine


def test_an_exercise_shadowing_a_catalog_id_is_embedded_once_then_named_by_id() -> None:
    shadow = evolve(catalog.get("lying-march"), name="Marching in place")
    routine = Routine(
        name="r",
        items=(
            _item("knees-to-chest"),
            _item("lying-march", exercise=shadow),
            _item("lying-march", exercise=shadow, reps=9),
        ),
    )
    document = to_document(routine)
    assert [item["exercise"] for item in document["items"]] == [
        "knees-to-chest",
        {
            key: value
            for key, value in to_document(shadow).items()
            if key not in ("kind", "format_version")
        },
        "lying-march",  # the embedded shadow, which the id means throughout the routine
    ]
    assert from_document(document, kind="routine") == routine


def test_a_routine_cannot_hold_a_catalog_exercise_and_its_shadow() -> None:
    shadow = evolve(catalog.get("lying-march"), name="Marching in place")
    with pytest.raises(RoutineError) as error:
        Routine(name="r", items=(_item("lying-march"), _item("lying-march", exercise=shadow)))
    assert [(p.path, p.code) for p in error.value.problems] == [
        ("/items/1/exercise/id", "duplicate-id")
    ]


def test_dumps_writes_indented_text_and_keeps_non_ascii() -> None:
    exercise = evolve(catalog.get("lying-march"), name="Marche couchée")
    text = dumps(exercise)
    assert text.startswith('{\n  "kind": "exercise",\n  "format_version": 2,')
    assert '"Marche couchée"' in text
    assert "\n" not in dumps(exercise, indent=None)
    assert loads(text) == exercise
    assert json.loads(dumps(catalog.all()))["kind"] == "catalog"


@pytest.mark.parametrize("value", [None, "lying-march", [catalog.get("lying-march"), 3], {}])
def test_to_document_refuses_anything_else(value: Any) -> None:
    with pytest.raises(InvalidValueError, match=r"^to_document takes an Exercise, a Routine"):
        to_document(value)


def test_any_iterable_of_exercises_is_a_catalog() -> None:
    assert to_document(iter(catalog.all())) == to_document(list(catalog.all()))


def test_an_empty_catalog_is_a_catalog() -> None:
    assert to_document(()) == {"kind": "catalog", "format_version": 2, "exercises": []}
    assert from_document(to_document(()), kind="catalog") == ()


# -- the caller's arguments (issue 18, item 7) ------------------------------------------------

KIND_MESSAGE = "'kind' must be 'exercise', 'catalog', 'routine', 'session-log' or None: 'exercize'"
SYNTAX_MESSAGE = "'syntax' must be 'json' or 'yaml': 'toml'"


def test_a_kind_that_is_no_kind_is_the_callers_mistake_not_the_documents() -> None:
    document = to_document(catalog.get("lying-march"))
    text = dumps(catalog.get("lying-march"))
    calls: list[Callable[[], object]] = [
        lambda: validate(document, kind="exercize"),  # type: ignore[arg-type]
        lambda: validate_text(text, kind="exercize"),  # type: ignore[arg-type]
        lambda: from_document(document, kind="exercize"),  # type: ignore[call-overload]
        lambda: loads(text, kind="exercize"),  # type: ignore[call-overload]
        lambda: next(validate_jsonl([text], kind="exercize")),  # type: ignore[arg-type]
    ]
    for call in calls:
        with pytest.raises(InvalidValueError) as error:
            call()
        assert str(error.value) == KIND_MESSAGE


def test_a_syntax_other_than_json_and_yaml_is_refused_not_read_as_json() -> None:
    text = dumps(catalog.get("lying-march"))
    for call in (
        lambda: validate_text(text, syntax="toml"),  # type: ignore[arg-type]
        lambda: loads(text, syntax="toml"),  # type: ignore[call-overload]
    ):
        with pytest.raises(InvalidValueError) as error:
            call()
        assert str(error.value) == SYNTAX_MESSAGE


def test_yaml_without_pyyaml_is_a_problem_naming_the_extra(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "yaml", None)
    monkeypatch.delitem(sys.modules, "solpt_rehab._wire.yaml", raising=False)
    expected = Problem(
        path="",
        code="yaml-not-installed",
        severity=Severity.ERROR,
        message="reading YAML needs the 'yaml' extra: pip install 'solpt_rehab[yaml]'",
    )
    assert validate_text("kind: exercise\n", syntax="yaml").problems == (expected,)
    with pytest.raises(DocumentError) as error:
        loads("kind: exercise\n", syntax="yaml")
    assert error.value.problems == (expected,)
