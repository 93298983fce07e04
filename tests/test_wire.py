"""The format's spec and the fast path: the spec follows the model, the fast path is strict."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import given

from solpt_rehab import Exercise, catalog
from solpt_rehab._validate import UNSOUND, _Walker
from solpt_rehab._wire import (
    CITATION,
    EQUIPMENT,
    EXERCISE,
    FREQUENCY,
    HOLD,
    ITEM,
    REPETITIONS,
    REST,
    ROUTINE,
    STEP,
    Obj,
    exercise_body,
    fast_exercise,
)
from wire_strategies import exercises, mutated

SPECS = (STEP, HOLD, REST, REPETITIONS, EQUIPMENT, CITATION, EXERCISE, FREQUENCY, ITEM, ROUTINE)


@pytest.mark.parametrize("spec", SPECS, ids=[spec.cls.__name__ for spec in SPECS])
def test_the_spec_names_exactly_the_models_attributes(spec: Obj) -> None:
    assert list(spec.fields) == [field.name for field in attrs.fields(spec.cls)]


def test_the_required_keys_are_the_attributes_without_a_default_but_side() -> None:
    assert {spec.cls.__name__: sorted(spec.required) for spec in SPECS} == {
        "Step": ["kind", "text"],
        "Hold": ["max_seconds", "min_seconds"],
        "Rest": [],
        "RepetitionScheme": ["laterality", "min_reps"],
        "Equipment": ["name", "optional"],
        "Citation": ["title"],
        "Exercise": ["id", "name", "repetitions", "steps"],
        "Frequency": [],
        "RoutineItem": ["exercise", "reps"],
        "Routine": ["items", "name"],
    }


def _body(**changes: Any) -> dict[str, Any]:
    body = exercise_body(catalog.get("knees-to-chest"))
    body.update(changes)
    return body


@pytest.mark.parametrize(
    "body",
    [
        _body(name=7),
        _body(name="x" * 10_001),
        _body(steps="setup"),
        _body(regions={"hip": 1}),
        _body(regions=("hip", 1)),
        _body(hold={"min_seconds": "20", "max_seconds": 30}),
        _body(hold={"min_seconds": True, "max_seconds": 30}),
        _body(hold={"min_seconds": 10**400, "max_seconds": 10**401}),
        _body(repetitions={"min_reps": 3.0, "laterality": "bilateral"}),
        _body(equipment=[{"name": "mat", "optional": 1}]),
        _body(steps=[{"text": "Lie down.", "kind": "setup"}]),
        _body(colour="red"),
        [1],
        "knees-to-chest",
    ],
)
def test_the_fast_path_refuses_what_the_detailed_pass_reports(body: Any) -> None:
    with pytest.raises(Exception):  # noqa: B017, PT011 - any failure hands over to the walk
        fast_exercise(body)
    walker = _Walker(fast=False)
    assert walker.exercise(body, (), "document") is UNSOUND
    assert walker.out


@given(exercises().flatmap(lambda exercise: mutated(exercise_body(exercise))))
def test_the_fast_path_succeeds_exactly_when_the_walk_finds_no_error(body: dict[str, Any]) -> None:
    walker = _Walker(fast=False)
    walked = walker.exercise(body, (), "document")
    try:
        fast: Any = fast_exercise(body)
    except Exception:  # noqa: BLE001 - the fast path may fail in any way
        fast = UNSOUND
    assert fast == walked
    assert (walked is UNSOUND) == any(found.is_error for found in walker.out)
    assert walked is UNSOUND or isinstance(walked, Exercise)
