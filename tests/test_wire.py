"""The format's spec and the fast path: the spec follows the model, the fast path is strict."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from solpt_rehab import (
    Citation,
    Effort,
    Equipment,
    Exercise,
    Frequency,
    Hold,
    Load,
    Media,
    RepetitionScheme,
    Rest,
    Routine,
    RoutineItem,
    Sets,
    Step,
    TimedWork,
    catalog,
    to_document,
)
from solpt_rehab._model.rules import fields_of
from solpt_rehab._wire.fast import fast_document, fast_part
from solpt_rehab._wire.markers import UNSOUND
from solpt_rehab._wire.spec import shape_of
from solpt_rehab._wire.validate import _Walker
from solpt_rehab._wire.write import exercise_body, plain
from wire_strategies import (
    citations,
    equipment,
    exercises,
    holds,
    json_values,
    mutated,
    replacements,
    rests,
    schemes,
    steps,
)

CLASSES = (
    Step,
    Hold,
    TimedWork,
    Rest,
    Sets,
    RepetitionScheme,
    Load,
    Effort,
    Media,
    Equipment,
    Citation,
    Exercise,
    Frequency,
    RoutineItem,
    Routine,
)


@pytest.mark.parametrize("cls", CLASSES, ids=[cls.__name__ for cls in CLASSES])
def test_the_shape_names_exactly_the_models_attributes(cls: type[Any]) -> None:
    assert shape_of(cls).keys == tuple(field.name for field in attrs.fields(cls))


@pytest.mark.parametrize("cls", CLASSES[:-2], ids=[cls.__name__ for cls in CLASSES[:-2]])
def test_the_shape_of_a_declared_class_is_its_declaration(cls: type[Any]) -> None:
    assert shape_of(cls).fields == fields_of(cls)


def test_the_required_keys_are_the_attributes_without_a_default_but_side() -> None:
    assert {cls.__name__: sorted(shape_of(cls).required) for cls in CLASSES} == {
        "Step": ["kind", "text"],
        "Hold": ["max_seconds", "min_seconds"],
        "Rest": [],
        "TimedWork": ["max_seconds", "min_seconds"],
        "Sets": ["min_sets"],
        "RepetitionScheme": ["laterality"],
        "Load": ["kind"],
        "Effort": [],
        "Media": ["kind", "uri"],
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
        _body(name="Knees to chest\ud800"),
        _body(purpose="\udfff"),
        _body(steps=[{"text": "Lie\udc00 down.", "kind": "hold"}]),
        _body(steps=[{"text": "Lie down.", "kind": "hold", "distance": "\ud83d"}]),
        _body(equipment=[{"name": "mat", "optional": True, "alternatives": ["\ud800"]}]),
        _body(source={"title": "Handout", "publisher": "Clinic \ud800"}),
        _body(source={"title": "Handout", "locator": "page\udbff"}),
        _body(repetitions={"min_reps": 3, "laterality": "bilateral", "rest": {"text": "\ud800"}}),
        [1],
        "knees-to-chest",
    ],
)
def test_the_fast_path_refuses_what_the_detailed_pass_reports(body: Any) -> None:
    assert fast_part(Exercise, body) is UNSOUND
    walker = _Walker(fast=False)
    assert walker.exercise(body, (), "document") is UNSOUND
    assert walker.out


@given(exercises().flatmap(lambda exercise: mutated(exercise_body(exercise))))
def test_the_fast_path_succeeds_exactly_when_the_walk_finds_no_error(body: dict[str, Any]) -> None:
    walker = _Walker(fast=False)
    walked = walker.exercise(body, (), "document")
    assert same(fast_part(Exercise, body), walked)
    assert (walked is UNSOUND) == any(found.is_error for found in walker.out)
    assert walked is UNSOUND or isinstance(walked, Exercise)


def same(fast: Any, slow: Any) -> bool:
    """Equal, and of the very same types all the way down (a str is not its enum member)."""
    if type(fast) is not type(slow):
        return False
    if attrs.has(type(fast)):
        return all(
            same(getattr(fast, field.name), getattr(slow, field.name))
            for field in attrs.fields(type(fast))
        )
    if isinstance(fast, tuple):
        return len(fast) == len(slow) and all(map(same, fast, slow))
    return bool(fast == slow)


PARTS: dict[str, tuple[type[Any], st.SearchStrategy[Any]]] = {
    "Step": (Step, steps),
    "Hold": (Hold, holds()),
    "Rest": (Rest, rests()),
    "RepetitionScheme": (RepetitionScheme, schemes()),
    "Equipment": (Equipment, equipment),
    "Citation": (Citation, citations),
    "Exercise": (Exercise, exercises()),
}
#: Texts that are not valid Unicode: a lone surrogate, alone or among other characters.
SURROGATES = st.sampled_from(["\ud800", "Stay\udfff there.", "\u00e9\ud83d", "\ud83d\ude00"])
ANY_VALUE = json_values | st.floats() | st.integers() | replacements | SURROGATES


@pytest.mark.parametrize("part", list(PARTS))
@given(data=st.data())
def test_each_fast_part_builds_exactly_what_the_constructors_build(
    part: str, data: st.DataObject
) -> None:
    cls, values = PARTS[part]
    body = plain(data.draw(values))
    body = data.draw(st.just(body) | mutated(body, by=ANY_VALUE))
    walker = _Walker(fast=False, warnings=False)  # it builds through the constructors
    walked = walker.part(cls, body, (), "part", nullable=False)
    assert same(fast_part(cls, body), walked)
    assert (walked is UNSOUND) == any(found.is_error for found in walker.out)


def test_a_whole_document_is_fast_only_when_it_has_no_error() -> None:
    exercises_ = catalog.all()
    document = to_document(exercises_)
    assert fast_document(document, None) == exercises_
    assert fast_document(to_document(exercises_[0]), "exercise") == exercises_[0]
    twice = to_document((*exercises_, exercises_[0]))
    item = RoutineItem(exercise=exercises_[1], reps=4, side="both")
    routine = to_document(Routine(name="r", items=(item,)))
    for bad, kind in (
        (twice, None),  # an id twice
        (document, "exercise"),  # not the kind asked for
        ({**document, "format_version": True}, None),
        ({**document, "format_version": 1.0}, None),
        ({**document, "extra": 1}, None),
        (routine, None),  # the detailed pass reads routines
    ):
        assert fast_document(bad, kind) is UNSOUND
