"""Every declared rule, broken alone, is refused by every path derived from the declaration.

For each field of each declared class, each value its spec says breaks one of its rules
(:meth:`Spec.breaking`), and for each rule across fields its own breaking values
(:attr:`Rule.breaking`), this puts that value into an otherwise valid document and checks that
the constructor raises (with the validator's message), that ``validate`` reports exactly that
code at that path, that ``loads`` and the fast decoder refuse the text, and that the JSON Schema
refuses the document exactly when it can say the rule. A rule declared but not wired, a breaking
value that breaks nothing or more than its rule, or a class declared without a place here fails.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterator
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from solpt_rehab import (
    Citation,
    Cue,
    DocumentError,
    Effort,
    Equipment,
    Exercise,
    Frequency,
    Hold,
    InvalidValueError,
    ItemLog,
    Laterality,
    Load,
    Media,
    Pacing,
    Progression,
    RepetitionScheme,
    Rest,
    Routine,
    RoutineItem,
    SessionDuration,
    SessionLog,
    SetLog,
    Sets,
    Step,
    TimedWork,
    catalog,
    dumps,
    json_schema,
    loads,
    to_document,
    validate,
)
from solpt_rehab._model import rules
from solpt_rehab._model.rules import (
    FLOAT_MAX,
    TEXT_LIMIT,
    ArrayOf,
    Nullable,
    Number,
    OneOf,
    Part,
    Spec,
    Text,
    declared_classes,
    fields_of,
    rules_of,
    show,
)
from solpt_rehab._wire.fast import decode_text, fast_document
from solpt_rehab._wire.markers import UNSOUND
from solpt_rehab._wire.schema import schema_codes

EXERCISE = Exercise(
    id="wall-sit",
    name="Wall sit",
    purpose="Strength for the thighs.",
    steps=(
        Step(text="Stand with your back to a wall.", kind="setup", distance="a step away"),
        Step(text="Slide down the wall and stay there.", kind="hold"),
    ),
    hold=Hold(min_seconds=10, max_seconds=20),
    repetitions=RepetitionScheme(
        min_reps=3,
        max_reps=5,
        laterality="each-side",
        counting="per-side",
        rest=Rest(min_seconds=30, max_seconds=60, text="sit down between them"),
    ),
    sets=Sets(min_sets=2, max_sets=3, rest=Rest(min_seconds=60, max_seconds=90)),
    timed_work=TimedWork(min_seconds=30, max_seconds=60),
    load=Load(kind="weight", min_amount=1, max_amount=2, unit="kg"),
    effort=Effort(text="hard but steady", min_rpe=3, max_rpe=5),
    regions=("thigh",),
    position="standing",
    level="beginner",
    category="strength",
    equipment=(Equipment(name="wall", optional=False, alternatives=("door",)),),
    precautions=("Stop if your knee hurts.",),
    media=(Media(uri="https://example.org/wall-sit.png", kind="image", alt="A wall sit"),),
    source=Citation(title="Handout", publisher="Clinic", url="https://example.org", locator="p 1"),
)
ROUTINE = Routine(
    name="Hips",
    items=(RoutineItem(exercise=catalog.get("knees-to-chest"), reps=3, side="both"),),
    frequency=Frequency(sessions_per_day=2, days_per_week=5),
    weeks=6,
    start=datetime.date(2026, 12, 1),
    notes="Stop and call us if the pain spreads.",
)
#: An exercise with every dose documented: the place of a progression rule. Its item records a
#: deviation, so that a rule's cap beyond the documented range (``until=6`` repetitions, or any
#: boundary value) is a warning of the item, not an error that the rule's constructor cannot see.
STEPPED = attrs.evolve(
    EXERCISE,
    id="wall-sit-stepped",
    hold=Hold(min_seconds=1, max_seconds=10),
    sets=Sets(min_sets=1, max_sets=10),
    timed_work=TimedWork(min_seconds=1, max_seconds=10),
    load=Load(kind="weight", min_amount=1, max_amount=10, unit="kg"),
)
PROGRESSING = Routine(
    name="Stepping up",
    items=(
        RoutineItem(
            exercise=STEPPED,
            hold_seconds=1,
            work_seconds=1,
            reps=3,
            side="both",
            deviation="strong, and keen to do more",
            progression=(
                Progression(dose="reps", step=1, every_weeks=1, until=6, gate=("sets-done",)),
            ),
        ),
    ),
    start=datetime.date(2026, 12, 1),
)
SESSION_LOG = SessionLog(
    date=datetime.date(2026, 12, 2),
    time=datetime.time(7, 30),
    items=(
        ItemLog(
            exercise="wall-sit",
            sets=(
                SetLog(
                    hold_seconds=15,
                    work_seconds=40,
                    load=Load(kind="weight", min_amount=1, max_amount=1, unit="kg"),
                ),
            ),
            rpe=4,
            difficulty="moderate",
            notes="Knee fine.",
        ),
        ItemLog(exercise="knees-to-chest"),
    ),
    pain_before=3,
    pain_after=2,
    rpe=4.5,
    difficulty="easy",
    notes="Done before breakfast.",
)
#: Where each declared class stands in one of the valid documents.
PLACES: dict[type[Any], tuple[Any, tuple[str | int, ...]]] = {
    Exercise: (EXERCISE, ()),
    Step: (EXERCISE, ("steps", 0)),
    Hold: (EXERCISE, ("hold",)),
    RepetitionScheme: (EXERCISE, ("repetitions",)),
    Rest: (EXERCISE, ("repetitions", "rest")),
    Sets: (EXERCISE, ("sets",)),
    TimedWork: (EXERCISE, ("timed_work",)),
    Load: (EXERCISE, ("load",)),
    Effort: (EXERCISE, ("effort",)),
    Media: (EXERCISE, ("media", 0)),
    Equipment: (EXERCISE, ("equipment", 0)),
    Citation: (EXERCISE, ("source",)),
    Frequency: (ROUTINE, ("frequency",)),
    Routine: (ROUTINE, ()),
    Progression: (PROGRESSING, ("items", 0, "progression", 0)),
    SetLog: (SESSION_LOG, ("items", 0, "sets", 0)),
    ItemLog: (SESSION_LOG, ("items", 1)),
    SessionLog: (SESSION_LOG, ()),
}
SCHEMA = jsonschema.Draft202012Validator(json_schema())
SCHEMA_CODES = schema_codes()


@attrs.frozen
class Case:
    """One rule broken alone: where, by which values, and what every path must say."""

    cls: type[Any]
    changes: dict[str, Any]
    code: str
    at: tuple[str | int, ...]
    in_schema: bool

    def __str__(self) -> str:
        return f"{self.cls.__name__}:{self.code}:{'/'.join(map(str, self.at))}"


def _cases() -> Iterator[Case]:
    for cls in PLACES:
        for field in fields_of(cls):
            spec = field.spec.inner if isinstance(field.spec, Nullable) else field.spec
            for code, value in spec.breaking():
                at: tuple[str | int, ...] = (field.name,)
                if isinstance(spec, ArrayOf) and isinstance(value, list) and value:
                    at = (field.name, 0)
                yield Case(cls, {field.name: value}, code, at, code in SCHEMA_CODES)
        for rule in rules_of(cls):
            yield Case(cls, dict(rule.breaking), rule.code, (rule.at,), rule.schema is not None)


CASES = list(_cases())


#: Declared values that no document holds (the timeline's): their constructors alone check them.
COMPUTED: dict[type[Any], Any] = {
    Pacing: Pacing(get_ready_seconds=30),
    SessionDuration: SessionDuration(min_seconds=10, max_seconds=20),
    Cue: Cue(
        start_seconds=0,
        duration_seconds=2,
        kind="hold",
        exercise_id="wall-sit",
        side="left",
        prompt="Hold.",
        interpreted=False,
        repetition=1,
    ),
}


def test_every_declared_class_has_a_place_here() -> None:
    assert set(declared_classes()) == {*PLACES, *COMPUTED}


def _computed_cases() -> Iterator[tuple[Any, dict[str, Any], str, str]]:
    """Each rule of a computed value broken alone, with the message the declaration gives."""
    for cls, base in COMPUTED.items():
        for field in fields_of(cls):
            spec = field.spec.inner if isinstance(field.spec, Nullable) else field.spec
            for code, value in spec.breaking():
                found = field.spec.problem(value, field.name)
                assert found is not None
                yield base, {field.name: value}, code, found[1]
        for rule in rules_of(cls):
            found = rule.problem({**attrs.asdict(base, recurse=False), **rule.breaking})
            assert found is not None
            yield base, dict(rule.breaking), rule.code, found[1]


@pytest.mark.parametrize(
    ("base", "changes", "code", "message"),
    list(_computed_cases()),
    ids=lambda value: value if isinstance(value, str) and len(value) < 30 else None,
)
def test_a_computed_value_refuses_each_rule_broken_alone(
    base: Any, changes: dict[str, Any], code: str, message: str
) -> None:
    with pytest.raises(InvalidValueError) as raised:
        attrs.evolve(base, **changes)
    assert (code, str(raised.value)) == (code, message)


def _document(value: Any, path: tuple[str | int, ...], changes: dict[str, Any]) -> dict[str, Any]:
    document = to_document(value)
    target: Any = document
    for token in path:
        target = target[token]
    target.update(changes)
    return document


def _model_value(spec: Spec, wire: Any) -> Any:
    """The model value a wire value of a valid part builds (other values go as they are)."""
    if isinstance(spec, Nullable):
        return None if wire is None else _model_value(spec.inner, wire)
    if isinstance(spec, Part) and isinstance(wire, dict):
        by_name = {field.name: field.spec for field in fields_of(spec.cls)}
        return spec.cls(**{key: _model_value(by_name[key], item) for key, item in wire.items()})
    if isinstance(spec, ArrayOf) and isinstance(wire, list):
        return tuple(_model_value(spec.item, item) for item in wire)
    return wire


def _part(value: Any, path: tuple[str | int, ...]) -> Any:
    for token in path:
        value = value[token] if isinstance(token, int) else getattr(value, token)
    return value


@pytest.mark.parametrize("case", CASES, ids=str)
def test_a_rule_broken_alone_is_refused_by_every_path(case: Case) -> None:
    base, path = PLACES[case.cls]
    document = _document(base, path, case.changes)
    pointer = "".join(f"/{token}" for token in (*path, *case.at))
    # the validator: exactly this error, here
    report = validate(document)
    assert [(found.path, found.code) for found in report.errors] == [(pointer, case.code)]
    # the constructor: refuses it, in the validator's words (a type aside: the model names a
    # class where the document has an object)
    by_name = {field.name: field.spec for field in fields_of(case.cls)}
    changes = {name: _model_value(by_name[name], value) for name, value in case.changes.items()}
    with pytest.raises(InvalidValueError) as raised:
        attrs.evolve(_part(base, path), **changes)
    if case.code != "wrong-type":
        assert str(raised.value) == report.errors[0].message
    # the fast decoder refuses the parsed document and the text; loads reports the same
    text = json.dumps(document)
    assert fast_document(document, None) is UNSOUND
    assert decode_text(text, None) is UNSOUND
    with pytest.raises(DocumentError) as refused:
        loads(text)
    assert refused.value.problems == report.problems
    # the JSON Schema, exactly where it can say the rule
    assert SCHEMA.is_valid(document) is not case.in_schema


@pytest.mark.parametrize(
    "value",
    [EXERCISE, ROUTINE, SESSION_LOG],
    ids=["exercise", "routine", "session-log"],
)
def test_the_valid_documents_are_valid_everywhere(value: Any) -> None:
    document = to_document(value)
    assert validate(document).problems == ()
    assert SCHEMA.is_valid(document)
    assert loads(dumps(value)) == value


# -- boundary values of every spec, valid ones: each goes round the wire format -------------------


def _valid_boundaries(spec: Spec) -> Iterator[Any]:
    if isinstance(spec, Nullable):
        yield None
        yield from _valid_boundaries(spec.inner)
    elif isinstance(spec, Text):
        yield "a" * TEXT_LIMIT
        yield "é\U0001f600 a"  # beyond ASCII and beyond the Basic Multilingual Plane
        if not spec.nonempty:
            yield ""
    elif isinstance(spec, Number):
        top = FLOAT_MAX if spec.maximum is None else spec.maximum
        yield 1
        yield int(top) if spec.whole else top
        if not spec.whole:
            yield 5e-324
            yield 0.1
    elif isinstance(spec, OneOf):
        yield from (member.value for member in spec.enum)


def _boundary_values() -> Iterator[tuple[type[Any], str, Any]]:
    for cls in PLACES:
        for field in fields_of(cls):
            for value in _valid_boundaries(field.spec):
                yield cls, field.name, value


@pytest.mark.parametrize(
    ("cls", "name", "value"),
    list(_boundary_values()),
    ids=lambda value: value.__name__ if isinstance(value, type) else None,
)
def test_a_valid_boundary_value_goes_round_whenever_the_constructor_takes_it(
    cls: type[Any], name: str, value: Any
) -> None:
    base, path = PLACES[cls]
    document = _document(base, path, {name: value})
    try:
        attrs.evolve(_part(base, path), **{name: value})
    except InvalidValueError:  # another rule of the class (a maximum below its minimum, say)
        assert not validate(document).ok
        return
    built = loads(json.dumps(document))
    assert to_document(built) == document
    assert loads(dumps(built)) == built


# -- the two cases the constructors used to accept and the wire format refused --------------------


def test_a_hold_without_a_hold_step_and_a_text_too_long_are_model_rules() -> None:
    with pytest.raises(InvalidValueError) as raised:
        attrs.evolve(EXERCISE, steps=EXERCISE.steps[:1])
    assert str(raised.value) == (
        "'steps' must include a step of kind 'hold', since the exercise has a hold: ['setup']"
    )
    with pytest.raises(InvalidValueError) as raised:
        Step(text="a" * (TEXT_LIMIT + 1), kind="move")
    assert str(raised.value) == "'text' must be at most 10000 characters long: 10001 characters"


@given(st.data())
def test_values_the_fast_decoder_builds_pass_their_own_constructors(data: st.DataObject) -> None:
    from solpt_rehab import strategies  # noqa: PLC0415 - the optional extra

    exercise = data.draw(strategies.exercises())
    built = loads(dumps(exercise))
    assert built == exercise
    for value in _parts(built):  # a check outside the declaration would refuse one of these
        assert attrs.evolve(value) == value


def _parts(value: Any) -> Iterator[Any]:
    if rules.is_declared(type(value)):
        yield value
        for field in fields_of(type(value)):
            yield from _parts(getattr(value, field.name))
    elif isinstance(value, tuple):
        for element in value:
            yield from _parts(element)


def test_values_of_subclasses_are_judged_by_the_spec_not_refused() -> None:
    class Words(str):
        __slots__ = ()

    class Count(int):
        pass

    step = Step(text=Words("Lie down."), kind="setup")
    assert step.text == "Lie down."
    assert Hold(min_seconds=Count(3), max_seconds=4.5).min_seconds == 3
    with pytest.raises(InvalidValueError) as raised:
        Step(text=Words(" "), kind="setup")
    assert str(raised.value) == "'text' must not be empty: ' '"


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (None, "null"),
        (True, "true"),
        (False, "false"),
        (float("nan"), "NaN"),
        (float("inf"), "Infinity"),
        (float("-inf"), "-Infinity"),
        (2.5, "2.5"),
        ("left", "'left'"),
        ({"a": None, "b": [True, 1]}, "{'a': null, 'b': [true, 1]}"),
        ([[[1]]], "[[an array of 1 item]]"),
        (list(range(5)), "an array of 5 items"),
    ],
)
def test_values_in_messages_are_written_as_json_writes_them(value: object, shown: str) -> None:
    assert show(value) == shown


def test_a_boolean_where_text_belongs_gets_the_yaml_note_from_constructor_and_validator() -> None:
    message = (
        "'laterality' must be one of 'bilateral', 'affected-side', 'alternating', 'each-side': "
        "false (YAML reads an unquoted no, off, yes or on as false or true: quote it)"
    )
    with pytest.raises(InvalidValueError) as error:
        RepetitionScheme(min_reps=1, laterality=False)  # type: ignore[arg-type]
    assert str(error.value) == message
    assert OneOf(Laterality).problem(False, "laterality") == ("bad-enum", message)
