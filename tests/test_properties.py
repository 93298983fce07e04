"""The library's promises as properties, drawn from its own public strategies.

Every generated value validates; every model type goes round the wire format unchanged; one
mutation of a valid document gives an error at the mutated place; nothing JSON-compatible makes
``validate`` raise, and no text makes ``loads`` raise anything but the library's own error.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import Phase, assume, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from solpt_rehab import (
    DocumentError,
    Exercise,
    Problem,
    Routine,
    RoutineError,
    RoutineItem,
    Severity,
    catalog,
    dumps,
    from_document,
    loads,
    session_duration,
    session_timeline,
    to_document,
    validate,
)
from solpt_rehab import strategies as ss
from solpt_rehab._core.problems import pointer

Path = tuple[str | int, ...]

#: Keys the wire format requires wherever they stand (a rest's keys are optional and skipped).
REQUIRED = frozenset(
    {
        "kind",
        "format_version",
        "id",
        "name",
        "steps",
        "repetitions",
        "text",
        "min_seconds",
        "max_seconds",
        "min_reps",
        "laterality",
        "optional",
        "title",
        "exercises",
        "items",
        "exercise",
        "reps",
    }
)


def _walk(value: object, path: Path = ()) -> list[tuple[Path, object]]:
    """Every place in a document with the value there, the root first."""
    places: list[tuple[Path, object]] = [(path, value)]
    if isinstance(value, dict):
        for key, item in value.items():
            places.extend(_walk(item, (*path, key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            places.extend(_walk(item, (*path, index)))
    return places


def _parent(document: Any, path: Path) -> Any:
    for token in path[:-1]:
        document = document[token]
    return document


def _errors_at(document: object) -> set[str]:
    return {p.path for p in validate(document).problems if p.severity is Severity.ERROR}


# -- every generated value is valid ---------------------------------------------------------------


@given(ss.documents())
def test_every_generated_document_validates_with_no_error(document: dict[str, Any]) -> None:
    report = validate(document)
    assert report.ok, report


@given(ss.routines(deviations=True))
def test_every_routine_dose_is_inside_its_range_or_carries_a_recorded_deviation(
    routine: Routine,
) -> None:
    for item in routine.items:
        hold, scheme = item.exercise.hold, item.exercise.repetitions
        inside = item.reps in scheme and (
            item.hold_seconds is None or (hold is not None and item.hold_seconds in hold)
        )
        assert inside or item.deviation is not None


@given(ss.routines())
def test_the_timeline_lies_inside_the_sessions_duration(routine: Routine) -> None:
    duration, cues = session_duration(routine), session_timeline(routine)
    end = cues[-1].start_seconds + cues[-1].duration_seconds
    assert duration.min_seconds <= end <= duration.max_seconds


def test_documents_refuses_an_unknown_kind() -> None:
    with pytest.raises(InvalidArgument) as error:
        ss.documents("plan")  # type: ignore[arg-type]
    assert (
        str(error.value) == "kind='plan' must be one of 'exercise', 'catalog', 'routine', or None"
    )


@pytest.mark.parametrize("kind", ["exercise", "catalog", "routine"])
@given(data=st.data())
def test_documents_of_one_kind_are_of_that_kind(kind: Any, data: st.DataObject) -> None:
    assert data.draw(ss.documents(kind))["kind"] == kind


# -- the wire format round trip --------------------------------------------------------------------


@given(ss.exercises())
def test_an_exercise_goes_round_the_wire_format_unchanged(exercise: Exercise) -> None:
    assert from_document(to_document(exercise)) == exercise
    assert loads(dumps(exercise)) == exercise


@given(ss.catalogs())
def test_a_catalog_goes_round_the_wire_format_unchanged(exercises: tuple[Exercise, ...]) -> None:
    assert from_document(to_document(exercises)) == exercises
    assert loads(dumps(exercises)) == exercises


#: Exercises under the built-in catalog's ids but different from its own: a routine that holds
#: one is written with it embedded, and its id then means it wherever the routine names it.
SHADOWS = ss.exercises(ids=st.sampled_from(catalog.ids()))
#: Routines of the default pool, and of pools that mix built-in exercises with such shadows.
ANY_ROUTINES = st.one_of(
    ss.routines(deviations=True),
    ss.routines(exercises=st.one_of(st.sampled_from(catalog.all()), SHADOWS), deviations=True),
)


@given(ANY_ROUTINES)
def test_a_routine_goes_round_the_wire_format_unchanged(routine: Routine) -> None:
    assert from_document(to_document(routine)) == routine
    assert loads(dumps(routine)) == routine


@pytest.mark.parametrize(
    ("name", "condition"),
    [
        ("one exercise in two items", lambda routine: _repeats(routine) > 0),
        ("a shadow beside its id's", lambda routine: _shadowed(routine) and _repeats(routine) > 1),
    ],
)
def test_the_round_trip_strategies_reach_repeated_and_shadowing_exercises(
    name: str, condition: Callable[[Routine], bool]
) -> None:
    quick = settings(database=None, max_examples=2000, phases=[Phase.generate])  # no shrinking
    found = find(ANY_ROUTINES, condition, settings=quick)
    assert condition(found), name


def _repeats(routine: Routine) -> int:
    return len(routine.items) - len({item.exercise.id for item in routine.items})


def _shadowed(routine: Routine) -> bool:
    return any(
        item.exercise.id in catalog.ids() and item.exercise != catalog.get(item.exercise.id)
        for item in routine.items
    )


#: Items whose exercises often share an id while differing, and items that come back unchanged.
CLASHING_ITEMS = st.lists(
    ss.routine_items(exercises=ss.exercises(ids=st.sampled_from(["wall-sit", "figure-4-stretch"]))),
    min_size=1,
    max_size=3,
).flatmap(lambda pool: st.lists(st.sampled_from(pool), min_size=1, max_size=5))


@given(CLASHING_ITEMS)
def test_a_routine_holds_one_exercise_per_id_so_every_routine_goes_round(
    items: list[RoutineItem],
) -> None:
    first: dict[str, int] = {}
    expected = []
    for index, item in enumerate(items):
        earlier = first.setdefault(item.exercise.id, index)
        if items[earlier].exercise != item.exercise:
            expected.append((f"/items/{index}/exercise/id", "duplicate-id"))
    if expected:
        with pytest.raises(RoutineError) as error:
            Routine(name="Clashes", items=tuple(items))
        assert [(p.path, p.code) for p in error.value.problems] == expected
        return
    routine = Routine(name="Clashes", items=tuple(items))
    assert from_document(to_document(routine)) == routine
    assert loads(dumps(routine)) == routine


# -- one mutation, one error where it was made -----------------------------------------------------


@given(ss.documents(), st.data())
def test_removing_a_required_key_is_an_error_at_the_keys_path(
    document: dict[str, Any], data: st.DataObject
) -> None:
    places = [
        path
        for path, _ in _walk(document)
        if path and path[-1] in REQUIRED and not (len(path) >= 2 and path[-2] == "rest")
    ]
    path = data.draw(st.sampled_from(places))
    del _parent(document, path)[path[-1]]
    assert pointer(*path) in _errors_at(document)


def _other_type(value: object) -> object:
    if isinstance(value, bool):
        return "yes"
    if isinstance(value, (int, float)):
        return "twelve"
    if isinstance(value, str):
        return 12345
    if value is None:
        return ["not", "null"]
    return "a text instead"


@given(ss.documents(), st.data())
def test_changing_a_values_type_is_an_error_at_its_path(
    document: dict[str, Any], data: st.DataObject
) -> None:
    path, value = data.draw(st.sampled_from([place for place in _walk(document) if place[0]]))
    _parent(document, path)[path[-1]] = _other_type(value)
    assert pointer(*path) in _errors_at(document)


@given(ss.documents(), st.data())
def test_making_a_number_negative_is_an_error_at_its_path(
    document: dict[str, Any], data: st.DataObject
) -> None:
    numbers = [
        (path, value)
        for path, value in _walk(document)
        if isinstance(value, (int, float))
        and not isinstance(value, bool)
        and path[-1] != "format_version"
    ]
    assume(numbers)
    path, value = data.draw(st.sampled_from(numbers))
    _parent(document, path)[path[-1]] = -abs(value) - 1
    assert pointer(*path) in _errors_at(document)


@given(ss.documents(), st.data())
def test_inverting_a_range_is_an_error_at_its_maximum(
    document: dict[str, Any], data: st.DataObject
) -> None:
    ranges = [
        (path, low_key, low_key.replace("min_", "max_"))
        for path, value in _walk(document)
        if isinstance(value, dict)
        for low_key in ("min_seconds", "min_reps")
        if isinstance(value.get(low_key), (int, float))
        and isinstance(value.get(low_key.replace("min_", "max_")), (int, float))
        and value[low_key.replace("min_", "max_")] > value[low_key]
    ]
    assume(ranges)
    path, low_key, high_key = data.draw(st.sampled_from(ranges))
    at = _parent(document, (*path, low_key))
    at[low_key], at[high_key] = at[high_key], at[low_key]
    assert pointer(*path, high_key) in _errors_at(document)


@given(ss.documents(), st.data())
def test_an_unknown_key_is_an_error_at_its_own_path(
    document: dict[str, Any], data: st.DataObject
) -> None:
    objects = [path for path, value in _walk(document) if isinstance(value, dict)]
    path = data.draw(st.sampled_from(objects))
    _parent(document, (*path, "unexpected"))["unexpected"] = 1
    problems = validate(document).problems
    assert ("unknown-key", pointer(*path, "unexpected")) in {(p.code, p.path) for p in problems}


# -- never a traceback -----------------------------------------------------------------------------

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=20)
    | st.sampled_from(["exercise", "catalog", "routine", "lying-march", "hold", "left"]),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(["kind", "format_version", "id", "name", "steps", "items", "hold", "x"])
            | st.text(max_size=8),
            children,
            max_size=5,
        )
    ),
    max_leaves=30,
)


@given(json_values)
def test_validate_never_raises_on_a_json_value_and_never_modifies_it(value: object) -> None:
    before = copy.deepcopy(value)
    report = validate(value)
    assert json.dumps(value, default=repr) == json.dumps(before, default=repr)
    try:
        from_document(value)
    except DocumentError:
        assert not report.ok
    else:
        assert report.ok


@given(st.one_of(st.text(), st.binary(), json_values.map(lambda v: json.dumps(v)[:-1])))
def test_loads_raises_nothing_but_the_librarys_error(text: str | bytes) -> None:
    problems: tuple[Problem, ...] = ()
    try:
        loads(text)
    except DocumentError as error:
        problems = error.problems
        assert any(p.severity is Severity.ERROR for p in problems)
    assert all(p.message for p in problems)
