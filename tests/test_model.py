"""The value types: every constructor invariant, as properties and as exact messages."""

from __future__ import annotations

import math
from typing import Any

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from solpt_rehab import (
    BodyRegion,
    Citation,
    CountingRule,
    Effort,
    Equipment,
    Exercise,
    Frequency,
    Hold,
    InvalidValueError,
    Laterality,
    Load,
    Media,
    Position,
    RepetitionScheme,
    Rest,
    SolptRehabError,
    Step,
    StepKind,
    catalog,
    strategies,
)
from solpt_rehab._model.rules import show
from wire_strategies import characters

positive_seconds = st.one_of(
    st.integers(min_value=1, max_value=10**6),
    st.floats(min_value=1e-3, max_value=1e6, allow_nan=False, allow_infinity=False),
)
positive_counts = st.integers(min_value=1, max_value=10**6)
not_positive = st.one_of(
    st.integers(max_value=0), st.floats(max_value=0, allow_nan=False, allow_infinity=False)
)
not_finite = st.sampled_from([math.nan, math.inf, -math.inf])
not_numbers = st.one_of(st.booleans(), st.text(), st.none(), st.lists(st.integers(), max_size=2))
fractions = st.floats(allow_nan=False, allow_infinity=False, min_value=1e-3, max_value=1e6).filter(
    lambda value: not value.is_integer()
)


#: The library's own strategies, widened to any float and to large counts for the model's
#: invariants (the defaults stay realistic: whole or half seconds up to two minutes).
holds = strategies.holds(1e-3, 1e6, granularity="any")
schemes = strategies.repetition_schemes(1, 10**6)


def _message(error: pytest.ExceptionInfo[BaseException]) -> str:
    return str(error.value)


# -- the error hierarchy --------------------------------------------------------------------------


def test_invalid_value_error_is_a_value_error_of_the_library() -> None:
    assert issubclass(InvalidValueError, SolptRehabError)
    assert issubclass(InvalidValueError, ValueError)


# -- Hold -----------------------------------------------------------------------------------------


@given(holds)
def test_any_valid_hold_constructs_equals_its_evolved_copy_and_hashes(hold: Hold) -> None:
    copy = attrs.evolve(hold)
    assert copy == hold
    assert hash(copy) == hash(hold)
    assert hold.min_seconds in hold
    assert hold.max_seconds in hold


@given(holds)
def test_str_of_a_hold_parses_back_to_an_equal_hold(hold: Hold) -> None:
    assert Hold.parse(str(hold)) == hold


@given(positive_seconds, positive_seconds)
def test_a_maximum_below_the_minimum_is_rejected_naming_both(low: float, high: float) -> None:
    assume(high < low)
    with pytest.raises(InvalidValueError) as error:
        Hold(min_seconds=low, max_seconds=high)
    assert _message(error) == f"'max_seconds' must be >= 'min_seconds' ({low!r}): {high!r}"


@pytest.mark.parametrize("field", ["min_seconds", "max_seconds"])
@given(value=not_positive)
def test_a_hold_of_zero_or_less_is_rejected(field: str, value: float) -> None:
    fields: dict[str, Any] = {"min_seconds": 1, "max_seconds": 2, field: value}
    with pytest.raises(InvalidValueError) as error:
        Hold(**fields)
    assert _message(error) == f"{field!r} must be > 0: {value!r}"


@pytest.mark.parametrize("field", ["min_seconds", "max_seconds"])
@given(value=not_finite)
def test_a_hold_that_is_not_finite_is_rejected(field: str, value: float) -> None:
    fields: dict[str, Any] = {"min_seconds": 1, "max_seconds": 2, field: value}
    with pytest.raises(InvalidValueError) as error:
        Hold(**fields)
    assert _message(error) == f"{field!r} must be finite: {show(value)}"


@pytest.mark.parametrize("field", ["min_seconds", "max_seconds"])
@given(value=not_numbers)
def test_a_hold_that_is_not_a_number_is_rejected(field: str, value: object) -> None:
    fields: dict[str, Any] = {"min_seconds": 1, "max_seconds": 2, field: value}
    with pytest.raises(InvalidValueError) as error:
        Hold(**fields)
    assert _message(error) == f"{field!r} must be a number: {show(value)}"


def test_a_bool_is_not_a_number_of_seconds() -> None:
    with pytest.raises(InvalidValueError) as error:
        Hold(min_seconds=True, max_seconds=2)
    assert _message(error) == "'min_seconds' must be a number: true"


def test_hold_contains_only_numbers_inside_its_range() -> None:
    hold = Hold(min_seconds=15, max_seconds=20)
    assert [value in hold for value in (14.9, 15, 17.5, 20, 20.1)] == [
        False,
        True,
        True,
        True,
        False,
    ]
    assert True not in Hold(min_seconds=1, max_seconds=2)
    assert "15" not in hold


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15-20 s", Hold(min_seconds=15, max_seconds=20)),
        ("15 \u2013 20 seconds", Hold(min_seconds=15, max_seconds=20)),
        ("5 s", Hold.fixed(5)),
        ("2.5", Hold.fixed(2.5)),
        ("2-3sec", Hold(min_seconds=2, max_seconds=3)),
    ],
)
def test_hold_parse_reads_the_written_forms(text: str, expected: Hold) -> None:
    assert Hold.parse(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("fifteen seconds", "not a hold; expected a form like '15-20 s': 'fifteen seconds'"),
        ("", "not a hold; expected a form like '15-20 s': ''"),
        ("20-15 s", "'max_seconds' must be >= 'min_seconds' (20): 15"),
        ("0 s", "'min_seconds' must be > 0: 0"),
    ],
)
def test_hold_parse_rejects_what_is_not_a_hold(text: str, message: str) -> None:
    with pytest.raises(InvalidValueError) as error:
        Hold.parse(text)
    assert _message(error) == message


def test_str_of_holds() -> None:
    assert [
        str(Hold(min_seconds=15, max_seconds=20)),
        str(Hold.fixed(5.0)),
        str(Hold.fixed(2.5)),
    ] == [
        "15-20 s",
        "5 s",
        "2.5 s",
    ]


# -- Rest -----------------------------------------------------------------------------------------


def test_an_unquantified_rest_keeps_its_words_and_no_number() -> None:
    rest = Rest(text="a few seconds")
    assert (rest.quantified, rest.min_seconds, rest.max_seconds, str(rest)) == (
        False,
        None,
        None,
        "a few seconds",
    )


def test_a_quantified_rest() -> None:
    rest = Rest(min_seconds=30, max_seconds=60)
    assert (rest.quantified, str(rest)) == (True, "30-60 s")


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({}, "'text' must say how the rest is documented when it has no seconds: null"),
        ({"min_seconds": 5}, "'max_seconds' must be given with 'min_seconds' (5): null"),
        ({"max_seconds": 5}, "'min_seconds' must be given with 'max_seconds' (5): null"),
        ({"min_seconds": 5, "max_seconds": 4}, "'max_seconds' must be >= 'min_seconds' (5): 4"),
        ({"min_seconds": 0, "max_seconds": 4}, "'min_seconds' must be > 0: 0"),
        ({"text": "  "}, "'text' must not be empty: '  '"),
    ],
)
def test_a_meaningless_rest_is_rejected(fields: dict[str, Any], message: str) -> None:
    with pytest.raises(InvalidValueError) as error:
        Rest(**fields)
    assert _message(error) == message


# -- RepetitionScheme -----------------------------------------------------------------------------


@given(schemes)
def test_any_valid_scheme_constructs_equals_its_evolved_copy_and_hashes(
    scheme: RepetitionScheme,
) -> None:
    assert attrs.evolve(scheme) == scheme
    assert hash(attrs.evolve(scheme)) == hash(scheme)
    least = 1 if scheme.min_reps is None else scheme.min_reps
    assert least in scheme
    assert (least - 1) not in scheme
    assert scheme.open_ended is (scheme.min_reps is not None and scheme.max_reps is None)


@given(positive_counts, positive_counts)
def test_a_maximum_count_below_the_minimum_is_rejected(low: int, high: int) -> None:
    assume(high < low)
    with pytest.raises(InvalidValueError) as error:
        RepetitionScheme(min_reps=low, max_reps=high, laterality=Laterality.BILATERAL)
    assert _message(error) == f"'max_reps' must be >= 'min_reps' ({low!r}): {high!r}"


@pytest.mark.parametrize("field", ["min_reps", "max_reps"])
@given(value=fractions)
def test_a_fractional_count_is_rejected(field: str, value: float) -> None:
    fields: dict[str, Any] = {"min_reps": 1, "max_reps": 10**7, field: value}
    with pytest.raises(InvalidValueError) as error:
        RepetitionScheme(laterality=Laterality.BILATERAL, **fields)
    assert _message(error) == f"{field!r} must be a whole number: {value!r}"


@pytest.mark.parametrize("field", ["min_reps", "max_reps"])
@given(value=st.integers(max_value=0))
def test_a_count_of_zero_or_less_is_rejected(field: str, value: int) -> None:
    fields: dict[str, Any] = {"min_reps": 1, "max_reps": 5, field: value}
    with pytest.raises(InvalidValueError) as error:
        RepetitionScheme(laterality=Laterality.BILATERAL, **fields)
    assert _message(error) == f"{field!r} must be > 0: {value!r}"


@pytest.mark.parametrize("field", ["min_reps", "max_reps"])
@given(value=st.one_of(not_finite, st.booleans()))
def test_a_count_that_is_a_bool_or_not_finite_is_rejected(field: str, value: object) -> None:
    fields: dict[str, Any] = {"min_reps": 1, "max_reps": 5, field: value}
    with pytest.raises(InvalidValueError) as error:
        RepetitionScheme(laterality=Laterality.BILATERAL, **fields)
    # either end may be None: no count stated, or only one bound
    requirement = "be a whole number or null" if isinstance(value, bool) else "be finite"
    assert _message(error) == f"{field!r} must {requirement}: {show(value)}"


def test_a_whole_float_is_still_not_a_count() -> None:
    with pytest.raises(InvalidValueError) as error:
        RepetitionScheme(min_reps=3.0, laterality=Laterality.BILATERAL)  # type: ignore[arg-type]
    assert _message(error) == "'min_reps' must be a whole number: 3.0"


def test_two_sided_work_must_name_its_counting_rule() -> None:
    with pytest.raises(InvalidValueError) as error:
        RepetitionScheme(min_reps=8, max_reps=10, laterality=Laterality.ALTERNATING)
    assert _message(error) == (
        "'counting' must be given for 'alternating' repetitions ('total' or 'per-side'): null"
    )


def test_one_sided_work_takes_no_counting_rule() -> None:
    with pytest.raises(InvalidValueError) as error:
        RepetitionScheme(min_reps=3, laterality="bilateral", counting="total")
    assert _message(error) == "'counting' must be null for 'bilateral' repetitions: 'total'"


def test_enumerations_accept_their_string_values() -> None:
    scheme = RepetitionScheme(min_reps=8, laterality="each-side", counting="per-side")
    assert (scheme.laterality, scheme.counting) == (Laterality.EACH_SIDE, CountingRule.PER_SIDE)


def test_an_unknown_laterality_lists_the_allowed_values() -> None:
    with pytest.raises(InvalidValueError) as error:
        RepetitionScheme(min_reps=3, laterality="both")
    assert _message(error) == (
        "'laterality' must be one of 'bilateral', 'affected-side', 'alternating', 'each-side': "
        "'both'"
    )


def test_laterality_values_are_exactly_the_documented_four() -> None:
    assert [member.value for member in Laterality] == [
        "bilateral",
        "affected-side",
        "alternating",
        "each-side",
    ]


def test_str_of_schemes() -> None:
    assert [
        str(RepetitionScheme(min_reps=3, laterality="affected-side")),
        str(
            RepetitionScheme(
                min_reps=3, max_reps=5, laterality="bilateral", rest=Rest(text="a bit")
            )
        ),
        str(RepetitionScheme(min_reps=8, max_reps=8, laterality="alternating", counting="total")),
    ] == [
        "3+ reps (affected-side)",
        "3-5 reps (bilateral, rest a bit)",
        "8 reps (alternating, counted total)",
    ]


# -- Step, Equipment, Citation, Exercise ----------------------------------------------------------


def _exercise(**changes: Any) -> Exercise:
    fields: dict[str, Any] = {
        "id": "wall-sit",
        "name": "Wall sit",
        "steps": (Step(text="Slide down the wall.", kind=StepKind.HOLD),),
        "repetitions": RepetitionScheme(min_reps=1, laterality=Laterality.BILATERAL),
    }
    fields.update(changes)
    return Exercise(**fields)


def test_an_exercise_converts_sequences_to_tuples_and_strings_to_enums() -> None:
    steps = [Step(text="Stand.", kind="setup")]
    exercise = _exercise(steps=steps, regions=["thigh"], position="standing", equipment=[])
    assert exercise.steps == (Step(text="Stand.", kind=StepKind.SETUP),)
    assert (exercise.regions, exercise.position) == ((BodyRegion.THIGH,), Position.STANDING)
    assert steps == [Step(text="Stand.", kind="setup")]  # the caller's list is left alone


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"id": ""}, "'id' must not be empty: ''"),
        (
            {"id": "Wall Sit"},
            (
                "'id' must be a slug of lowercase letters and digits joined by single hyphens: "
                "'Wall Sit'"
            ),
        ),
        (
            {"id": "wall--sit"},
            (
                "'id' must be a slug of lowercase letters and digits joined by single hyphens: "
                "'wall--sit'"
            ),
        ),
        ({"id": 7}, "'id' must be a string: 7"),
        ({"name": " "}, "'name' must not be empty: ' '"),
        ({"steps": ()}, "'steps' must hold at least one item: []"),
        ({"steps": "Stand up."}, "'steps' must be an array: 'Stand up.'"),
        ({"steps": ("Stand up.",)}, "'steps[0]' must be a Step: 'Stand up.'"),
        ({"hold": 15}, "'hold' must be a Hold or null: 15"),
        ({"repetitions": None}, "'repetitions' must be a RepetitionScheme: null"),
        (
            {"regions": ["knee"]},
            (
                "'regions[0]' must be one of 'neck', 'shoulder', 'upper-arm', 'forearm', 'chest', "
                "'upper-back', 'lower-back', 'abdomen', 'hip', 'buttock', 'thigh', 'lower-leg': "
                "'knee'"
            ),
        ),
        ({"purpose": None}, "'purpose' must be a string: null"),
    ],
)
def test_a_meaningless_exercise_is_rejected(changes: dict[str, Any], message: str) -> None:
    with pytest.raises(InvalidValueError) as error:
        _exercise(**changes)
    assert _message(error) == message


@given(st.text(alphabet=" \t\n\r\u00a0\u2003\u3000", min_size=0))
def test_a_step_of_only_white_space_is_rejected(text: str) -> None:
    with pytest.raises(InvalidValueError) as error:
        Step(text=text, kind=StepKind.MOVE)
    assert _message(error) == f"'text' must not be empty: {text!r}"


@given(st.from_regex(r"[a-z0-9]+(-[a-z0-9]+){0,3}", fullmatch=True))
def test_any_slug_is_an_id(slug: str) -> None:
    assert _exercise(id=slug).id == slug


def test_equipment_and_citation_check_their_fields() -> None:
    with pytest.raises(InvalidValueError) as error:
        Equipment(name="mat", optional="yes")  # type: ignore[arg-type]
    assert _message(error) == "'optional' must be true or false: 'yes'"
    with pytest.raises(InvalidValueError) as error:
        Citation(title="")
    assert _message(error) == "'title' must not be empty: ''"


def test_steps_of_a_kind() -> None:
    hold = Step(text="Hold.", kind=StepKind.HOLD)
    exercise = _exercise(steps=(Step(text="Lie down.", kind=StepKind.SETUP), hold))
    assert exercise.steps_of("hold") == (hold,)
    assert exercise.laterality is Laterality.BILATERAL


@given(strategies.exercises())
def test_steps_of_each_kind_partition_the_steps_in_order(exercise: Exercise) -> None:
    by_kind = {kind: exercise.steps_of(kind) for kind in StepKind}
    assert sum(len(steps) for steps in by_kind.values()) == len(exercise.steps)
    for kind, steps in by_kind.items():
        assert steps == tuple(step for step in exercise.steps if step.kind is kind)
    assert exercise.laterality is exercise.repetitions.laterality


def test_values_are_frozen() -> None:
    hold = Hold(min_seconds=1, max_seconds=2)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        hold.min_seconds = 3  # type: ignore[misc]


def test_an_integer_beyond_a_float_is_refused_as_the_wire_format_refuses_it() -> None:
    huge = 10**400
    shown = "an integer of about 401 digits"
    with pytest.raises(InvalidValueError) as error:
        Hold(min_seconds=huge, max_seconds=huge)
    assert _message(error) == f"'min_seconds' is beyond the range of a 64-bit float: {shown}"
    with pytest.raises(InvalidValueError) as error:
        RepetitionScheme(min_reps=huge, laterality=Laterality.BILATERAL)
    assert _message(error) == f"'min_reps' is beyond the range of a 64-bit float: {shown}"


# -- texts are valid Unicode -----------------------------------------------------------------------

#: One valid value of every class of the model that holds text, every text field given.
WITH_TEXTS: tuple[Any, ...] = (
    Step(text="Slide down the wall.", kind=StepKind.MOVE, distance="a few inches"),
    Rest(text="a few seconds"),
    Equipment(name="yoga mat", optional=True, alternatives=("mattress",)),
    Citation(title="Handout", publisher="Clinic", url="https://example.org/", locator="page 2"),
    Load(kind="described", level="light", text="a full water bottle"),
    Effort(text="to a gentle stretch, not pain"),
    Media(uri="https://example.org/a.png", kind="image", alt="A wall sit", licence="CC0"),
    _exercise(purpose="Strength for the thighs.", precautions=("Stop if it hurts.",)),
)
TEXT_FIELDS = [
    (value, field.name)
    for value in WITH_TEXTS
    for field in attrs.fields(type(value))
    if "str" in str(field.type)
]


def test_every_text_field_of_the_model_is_listed_here() -> None:
    assert [(type(value).__name__, name) for value, name in TEXT_FIELDS] == [
        ("Step", "text"),
        ("Step", "distance"),
        ("Rest", "text"),
        ("Equipment", "name"),
        ("Equipment", "alternatives"),
        ("Citation", "title"),
        ("Citation", "publisher"),
        ("Citation", "url"),
        ("Citation", "locator"),
        ("Load", "level"),
        ("Load", "text"),
        ("Effort", "text"),
        ("Media", "uri"),
        ("Media", "alt"),
        ("Media", "licence"),
        ("Exercise", "id"),
        ("Exercise", "name"),
        ("Exercise", "purpose"),
        ("Exercise", "precautions"),
    ]


@pytest.mark.parametrize(
    ("value", "name"), TEXT_FIELDS, ids=[f"{type(v).__name__}.{n}" for v, n in TEXT_FIELDS]
)
def test_a_surrogate_in_any_text_field_is_rejected_naming_the_field(value: Any, name: str) -> None:
    text = "wall\ud800sit" if name == "id" else "Slide down\udfff"
    listed = name in ("alternatives", "precautions")
    given = (text,) if listed else text
    with pytest.raises(InvalidValueError) as error:
        attrs.evolve(value, **{name: given})
    code_point, index = ("D800", 4) if name == "id" else ("DFFF", 10)
    name = f"{name}[0]" if listed else name
    assert _message(error) == (
        f"{name!r} must be valid Unicode (U+{code_point} at index {index} is a surrogate code "
        f"point): {text!r}"
    )


@given(
    st.text(characters, min_size=1).filter(str.strip),
    st.text(st.characters(categories=["Cs"]), min_size=1),
    st.data(),
)
def test_text_is_accepted_exactly_when_it_holds_no_surrogate(
    valid: str, surrogates: str, data: st.DataObject
) -> None:
    assert Step(text=valid, kind=StepKind.MOVE).text == valid  # characters has no surrogate
    at = data.draw(st.integers(0, len(valid)))
    with pytest.raises(InvalidValueError, match=r"must be valid Unicode \(U\+D[89A-F]"):
        Step(text=valid[:at] + surrogates + valid[at:], kind=StepKind.MOVE)
    valid.encode()  # what the model accepts can be written as UTF-8


def test_a_surrogate_pair_as_two_code_points_is_not_valid_unicode_either() -> None:
    with pytest.raises(InvalidValueError) as error:
        Step(text="Smile \ud83d\ude00", kind=StepKind.MOVE)
    assert _message(error) == (
        "'text' must be valid Unicode (U+D83D at index 6 is a surrogate code point): "
        "'Smile \\ud83d\\ude00'"
    )
    assert Step(text="Smile \U0001f600", kind=StepKind.MOVE).text == "Smile \U0001f600"


def test_model_values_print_short_and_repr_stays_faithful() -> None:
    knees = catalog.get("knees-to-chest")
    assert str(knees) == (
        "knees-to-chest ('Knees-to-chest stretch'): hold 20-30 s, 3-5 reps "
        "(bilateral, rest a few seconds)"
    )
    assert str(knees.steps[0]) == "[setup] Lie face up on a yoga mat or on a mattress."
    assert str(knees.source) == (
        "Exercises for lower back and hip pain, SOL Physical Therapy (Sports + Orthopedic "
        "Leaders), exercise 2 of 3"
    )
    assert str(Equipment(name="yoga mat", optional=True, alternatives=("mattress",))) == (
        "yoga mat (optional; or mattress)"
    )
    assert str(Equipment(name="band", optional=False)) == "band"
    assert str(Citation(title="Notes")) == "Notes"
    assert str(Media(uri="images/row.jpg", kind="image")) == "image images/row.jpg"
    assert str(Frequency(sessions_per_day=2, days_per_week=1)) == "2 sessions a day, 1 day a week"
    assert repr(knees).startswith("Exercise(id='knees-to-chest', name='Knees-to-chest stretch', ")
    assert repr(knees).endswith(
        "source=Citation(title='Exercises for lower back and hip pain', publisher='SOL Physical "
        "Therapy (Sports + Orthopedic Leaders)', url=None, locator='exercise 2 of 3'))"
    )
