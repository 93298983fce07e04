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

import attrs
import pytest
from hypothesis import HealthCheck, Phase, assume, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from solpt_rehab import (
    DocumentError,
    Effort,
    Exercise,
    Hold,
    Laterality,
    Load,
    LoadKind,
    Media,
    Problem,
    RepetitionScheme,
    Routine,
    RoutineError,
    RoutineItem,
    Sets,
    Severity,
    Side,
    TimedWork,
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

#: Keys the wire format requires wherever they stand. The keys of a rest, an effort and a load
#: (but its kind) are optional, each required only with another (``load-unit-missing``), and are
#: skipped; ``min_reps`` is optional since format 2 (a count may be "up to 10", or not stated).
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
        "min_sets",
        "laterality",
        "optional",
        "title",
        "uri",
        "exercises",
        "items",
        "exercise",
        "reps",
        "date",
    }
)
#: The parts whose keys are all optional (but a load's kind).
OPTIONAL_PARTS = frozenset({"rest", "effort", "load"})


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


#: Exercises that document every part of a dose, so that every prescribed part has a range.
FULL_DOSES = ss.exercises(with_sets=True, with_timed_work=True, with_load=True)
#: Routines of the default pool, and of exercises that document every part of a dose.
DOSED_ROUTINES = st.one_of(
    ss.routines(deviations=True), ss.routines(exercises=FULL_DOSES, deviations=True)
)


def _load_inside(load: Load, documented: Load) -> bool:
    """Whether a prescribed load is the documented one, or inside its amounts (in any unit)."""
    if load.kind is not documented.kind:
        return False
    if documented.kind is LoadKind.BAND and documented.level is not None:
        return load.level == documented.level
    documented_range = documented.kilograms()
    if documented_range is None:
        return True
    prescribed = load.kilograms()
    if prescribed is None:
        return False
    low, high = documented_range
    return low - 0.005 <= prescribed[0] <= prescribed[1] <= high + 0.005


def _outside(item: RoutineItem) -> list[str]:
    """The fields of an item's dose that lie outside the documented ranges, by the properties'
    own reading of "inside", written apart from the dose rules."""
    exercise = item.exercise
    hold, scheme, sets = exercise.hold, exercise.repetitions, exercise.sets
    work, load = exercise.timed_work, exercise.load
    checks = {
        "hold_seconds": item.hold_seconds is None
        or (hold is not None and hold.min_seconds <= item.hold_seconds <= hold.max_seconds),
        "reps": (scheme.min_reps or 1) <= item.reps
        and (scheme.max_reps is None or item.reps <= scheme.max_reps),
        "sets": item.sets is None
        or sets is None
        or (sets.min_sets <= item.sets and (sets.max_sets is None or item.sets <= sets.max_sets)),
        "work_seconds": item.work_seconds is None
        or (work is not None and work.min_seconds <= item.work_seconds <= work.max_seconds),
        "load": item.load is None or load is None or _load_inside(item.load, load),
    }
    return [field for field, inside in checks.items() if not inside]


@given(DOSED_ROUTINES)
def test_every_routine_dose_is_inside_its_range_or_carries_a_recorded_deviation(
    routine: Routine,
) -> None:
    for index, item in enumerate(routine.items):
        outside = _outside(item)
        assert not outside or item.deviation is not None
        deviations = sorted(p.path for p in item.problems if p.code == "deviation")
        assert deviations == sorted(f"/{field}" for field in outside)
        assert [p for p in routine.problems if p.path.startswith(f"/items/{index}/")] == [
            attrs.evolve(p, path=f"/items/{index}{p.path}") for p in item.problems
        ]


@given(ss.routines(exercises=FULL_DOSES))
def test_without_deviations_every_prescribed_part_is_inside_its_range(routine: Routine) -> None:
    for item in routine.items:
        assert _outside(item) == []
        assert item.deviation is None
        assert item.problems == ()


@given(FULL_DOSES, st.data())
def test_the_validator_agrees_with_the_constructor_on_any_dose(
    exercise: Exercise, data: st.DataObject
) -> None:
    dose: dict[str, Any] = {
        "hold_seconds": data.draw(st.none() | st.sampled_from([0.5, 1, 2.5, 20, 45, 600])),
        "reps": data.draw(st.integers(1, 40)),
        "side": data.draw(st.sampled_from(list(Side))),
        "deviation": data.draw(st.none() | st.just("agreed at review")),
        "sets": data.draw(st.none() | st.integers(1, 9)),
        "work_seconds": data.draw(st.none() | st.sampled_from([1, 5, 30, 90, 400])),
        "load": data.draw(st.none() | ss.loads()),
    }
    side = Side.LEFT if exercise.laterality is Laterality.AFFECTED_SIDE else Side.BOTH
    first = RoutineItem(exercise=exercise, reps=exercise.repetitions.min_reps or 1, side=side)
    base = Routine(name="Agreement", items=(first,))
    document = to_document(base)
    document["items"][0].update({key: to_document_part(value) for key, value in dose.items()})
    report = validate(document)
    item: RoutineItem | None = None
    problems: tuple[Problem, ...] = ()
    try:
        item = RoutineItem(exercise=exercise, **dose)
    except RoutineError as error:
        problems = error.problems
    assert [(p.path, p.code) for p in report.errors] == [
        (f"/items/0{p.path}", p.code) for p in problems if p.is_error
    ]
    if item is not None:
        assert from_document(document) == attrs.evolve(base, items=(item,))


def to_document_part(value: object) -> object:
    """A dose value as the wire format writes it: a load as its object, anything else as is."""
    if isinstance(value, Load):
        return {
            "kind": value.kind.value,
            "level": value.level,
            "min_amount": value.min_amount,
            "max_amount": value.max_amount,
            "unit": None if value.unit is None else value.unit.value,
            "text": value.text,
        }
    if isinstance(value, Side):
        return value.value
    return value


@given(st.one_of(ss.routines(), ss.routines(exercises=FULL_DOSES)))
def test_the_timeline_lies_inside_the_sessions_duration(routine: Routine) -> None:
    duration, cues = session_duration(routine), session_timeline(routine)
    end = cues[-1].start_seconds + cues[-1].duration_seconds
    assert duration.min_seconds <= end <= duration.max_seconds


def test_documents_refuses_an_unknown_kind() -> None:
    with pytest.raises(InvalidArgument) as error:
        ss.documents("plan")  # type: ignore[arg-type]
    assert (
        str(error.value)
        == "kind='plan' must be one of 'exercise', 'catalog', 'routine', 'session-log', or None"
    )


@pytest.mark.parametrize("kind", ["exercise", "catalog", "routine", "session-log"])
@given(data=st.data())
def test_documents_of_one_kind_are_of_that_kind(kind: Any, data: st.DataObject) -> None:
    assert data.draw(ss.documents(kind))["kind"] == kind


# -- the wire format round trip --------------------------------------------------------------------


@given(
    st.one_of(
        ss.exercises(),
        ss.exercises(with_sets=True, with_timed_work=True, with_load=True, with_effort=True),
    )
)
def test_an_exercise_goes_round_the_wire_format_unchanged(exercise: Exercise) -> None:
    assert from_document(to_document(exercise)) == exercise
    assert loads(dumps(exercise)) == exercise


@given(
    st.one_of(
        ss.sets(),
        ss.timed_work(granularity="any"),
        ss.loads(),
        ss.efforts(),
        ss.media(),
        ss.holds(granularity="any"),
        ss.repetition_schemes(),
    )
)
def test_every_part_of_a_dose_goes_round_inside_an_exercise(part: object) -> None:
    knees = catalog.get("knees-to-chest")
    if isinstance(part, Sets):
        exercise = attrs.evolve(knees, sets=part)
    elif isinstance(part, TimedWork):
        exercise = attrs.evolve(knees, timed_work=part)
    elif isinstance(part, Load):
        exercise = attrs.evolve(knees, load=part)
    elif isinstance(part, Effort):
        exercise = attrs.evolve(knees, effort=part)
    elif isinstance(part, Media):
        exercise = attrs.evolve(knees, media=(part,))
    elif isinstance(part, Hold):
        exercise = attrs.evolve(knees, hold=part)
    else:
        assert isinstance(part, RepetitionScheme)
        exercise = attrs.evolve(knees, repetitions=part)
    assert from_document(to_document(exercise)) == exercise
    assert loads(dumps(exercise)) == exercise


#: Exercises under the built-in catalog's ids but different from its own: a routine that holds
#: one is written with it embedded, and its id then means it wherever the routine names it.
SHADOWS = ss.exercises(ids=st.sampled_from(catalog.ids()))
#: Routines of the default pool, of pools that mix built-in exercises with such shadows, and of
#: exercises that document every part of a dose.
SHADOWING = ss.routines(
    exercises=st.one_of(st.sampled_from(catalog.all()), SHADOWS), deviations=True
)
ANY_ROUTINES = st.one_of(
    ss.routines(deviations=True), SHADOWING, ss.routines(exercises=FULL_DOSES, deviations=True)
)


@given(ANY_ROUTINES)
def test_a_routine_goes_round_the_wire_format_unchanged(routine: Routine) -> None:
    assert from_document(to_document(routine)) == routine
    assert loads(dumps(routine)) == routine


# A routine found may be large; Hypothesis warns when it writes one's repr, which says nothing here.
@pytest.mark.parametrize(
    ("name", "strategy", "condition"),
    [
        ("one exercise in two items", ANY_ROUTINES, lambda routine: _repeats(routine) > 0),
        # The pool of ANY_ROUTINES that holds shadows, searched alone: through the whole
        # one_of, a third of the draws, the search missed about one run in fifteen.
        (
            "a shadow beside its id's",
            SHADOWING,
            lambda routine: _shadowed(routine) and _repeats(routine) > 1,
        ),
    ],
)
def test_the_round_trip_strategies_reach_repeated_and_shadowing_exercises(
    name: str, strategy: st.SearchStrategy[Routine], condition: Callable[[Routine], bool]
) -> None:
    quick = settings(
        database=None,
        max_examples=2000,
        phases=[Phase.generate],  # no shrinking
        suppress_health_check=list(HealthCheck),
    )
    found = find(strategy, condition, settings=quick)
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
        if path
        and path[-1] in REQUIRED
        and not (len(path) >= 2 and path[-2] in OPTIONAL_PARTS and path[-1] != "kind")
        and not (len(path) >= 2 and path[-2] == "rest")
        and not (len(path) >= 3 and path[-3] == "sets")  # a set log's keys are all optional
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
        for low_key in ("min_seconds", "min_reps", "min_sets", "min_amount", "min_rpe")
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
