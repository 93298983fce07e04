"""The routine builder: defaults, every problem at once, deviations, and what it leaves alone."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from routine_strategies import (
    doses_inside,
    exercises,
    fields_outside,
    generated_exercises,
    one_per_id,
    value_outside,
)
from solpt_rehab import (
    Exercise,
    Frequency,
    InvalidValueError,
    Laterality,
    Routine,
    RoutineBuilder,
    RoutineError,
    RoutineItem,
    Severity,
    Side,
    catalog,
)
from wire_strategies import characters

E, W = Severity.ERROR, Severity.WARNING
FIGURE_4 = catalog.get("figure-4-stretch")
KNEES = catalog.get("knees-to-chest")
MARCH = catalog.get("lying-march")


def _problems(builder: RoutineBuilder) -> list[tuple[str, str, Severity, str]]:
    with pytest.raises(RoutineError) as error:
        builder.build()
    return [(p.path, p.code, p.severity, p.message) for p in error.value.problems]


# -- building -------------------------------------------------------------------------------------


def test_left_out_doses_take_the_documented_lower_bounds() -> None:
    routine = (
        RoutineBuilder("left hip")
        .add("figure-4-stretch", side="left")
        .add("knees-to-chest")
        .add("lying-march")
        .build()
    )
    assert routine == Routine(
        name="left hip",
        items=(
            RoutineItem(exercise=FIGURE_4, hold_seconds=15, reps=3, side=Side.LEFT),
            RoutineItem(exercise=KNEES, hold_seconds=20, reps=3, side=Side.BOTH),
            RoutineItem(exercise=MARCH, hold_seconds=2, reps=8, side=Side.BOTH),
        ),
        frequency=Frequency(sessions_per_day=1, days_per_week=7),
        weeks=None,
    )
    assert routine.problems == ()


def test_given_doses_frequency_and_weeks_are_kept() -> None:
    routine = (
        RoutineBuilder("evening", sessions_per_day=2, days_per_week=5, weeks=6)
        .add(FIGURE_4, hold_seconds=17.5, reps=4, side=Side.RIGHT)
        .add("lying-march", hold_seconds=3, reps=10, side="left")
        .build()
    )
    assert [(i.exercise.id, i.hold_seconds, i.reps, i.side) for i in routine.items] == [
        ("figure-4-stretch", 17.5, 4, Side.RIGHT),
        ("lying-march", 3, 10, Side.LEFT),
    ]
    assert (routine.name, routine.frequency, routine.weeks) == (
        "evening",
        Frequency(sessions_per_day=2, days_per_week=5),
        6,
    )


@pytest.mark.parametrize("side", [Side.BOTH, "both", None])
def test_side_accepts_the_enum_its_string_or_the_default(side: Side | str | None) -> None:
    routine = RoutineBuilder("r").add("knees-to-chest", side=side).build()
    assert routine.items[0].side is Side.BOTH


def test_add_returns_the_builder_itself() -> None:
    builder = RoutineBuilder("r")
    assert builder.add("knees-to-chest") is builder
    assert repr(builder) == "RoutineBuilder('r', items=1)"


def test_build_can_be_called_twice_and_add_can_follow() -> None:
    builder = RoutineBuilder("r").add("knees-to-chest")
    first = builder.build()
    assert builder.build() == first
    longer = builder.add("lying-march").build()
    assert [item.exercise.id for item in longer.items] == ["knees-to-chest", "lying-march"]
    assert [item.exercise.id for item in first.items] == ["knees-to-chest"]


def test_warnings_do_not_block_the_build_and_stay_on_the_routine() -> None:
    routine = (
        RoutineBuilder("r")
        .add("knees-to-chest", hold_seconds=40, deviation="post-operative protocol")
        .add("figure-4-stretch", side="left", reps=10)
        .build()
    )
    assert routine.items[0].deviation == "post-operative protocol"
    assert [(p.path, p.code, p.severity, p.message) for p in routine.problems] == [
        (
            "/items/0/hold_seconds",
            "deviation",
            W,
            (
                "'hold_seconds' is outside the documented 20-30 s of 'knees-to-chest', accepted "
                "as a recorded deviation ('post-operative protocol'): 40"
            ),
        ),
        (
            "/items/1/reps",
            "reps-implausibly-high",
            W,
            "'reps' is more than 3 times the documented minimum of 'figure-4-stretch' (3+): 10",
        ),
    ]


def test_an_own_exercise_is_used_as_given() -> None:
    own = attrs.evolve(KNEES, id="own-stretch", name="Own stretch")
    routine = RoutineBuilder("r").add(own, reps=5).build()
    assert routine.items[0].exercise is own


def test_an_exercises_mapping_replaces_the_catalog() -> None:
    own = attrs.evolve(KNEES, id="own-stretch")
    builder = RoutineBuilder("r", exercises={"own-stretch": own})
    assert builder.add("own-stretch").build().items[0].exercise is own
    assert _problems(builder.add("knees-to-chest")) == [
        (
            "/items/1/exercise",
            "unknown-exercise",
            E,
            "unknown exercise id (known ids: 'own-stretch'): 'knees-to-chest'",
        )
    ]


def test_two_different_exercises_with_one_id_are_a_duplicate_id_where_the_id_stands() -> None:
    gentle = attrs.evolve(FIGURE_4, name="Gentle figure-4 stretch")
    builder = (
        RoutineBuilder("Hips")
        .add(gentle, side="left")
        .add("figure-4-stretch", side="right", reps=0)  # the catalog's: given by id
        .add(gentle, side="right")  # the same exercise again: allowed
        .add(FIGURE_4, side="left")  # the catalog's again, given as a value
        .add("knees-to-chest")
    )
    message = (
        "names a different exercise in items[0] already; give each exercise its own id: "
        "'figure-4-stretch'"
    )
    expected = [
        ("/items/1/exercise", "duplicate-id", E, f"'exercise' {message}"),
        ("/items/1/reps", "not-positive", E, "'reps' must be > 0: 0"),
        ("/items/3/exercise/id", "duplicate-id", E, f"'id' {message}"),
    ]
    assert _problems(builder) == expected
    assert [(p.path, p.code, p.severity, p.message) for p in builder.problems] == expected


def test_one_exercise_may_come_back_in_many_items() -> None:
    routine = (
        RoutineBuilder("Hips")
        .add("figure-4-stretch", side="left")
        .add(attrs.evolve(FIGURE_4), side="right")  # an equal copy
        .add("figure-4-stretch", side="left", hold_seconds=20)
        .build()
    )
    assert [item.exercise for item in routine.items] == [FIGURE_4] * 3


def test_the_catalog_and_own_exercises_merge_by_hand() -> None:
    own = attrs.evolve(KNEES, id="own-stretch")
    merged = {**{exercise.id: exercise for exercise in catalog.all()}, own.id: own}
    routine = RoutineBuilder("r", exercises=merged).add("own-stretch").add("lying-march").build()
    assert [item.exercise for item in routine.items] == [own, MARCH]


# -- every problem at once ------------------------------------------------------------------------


def test_every_error_of_every_item_is_reported_in_document_order() -> None:
    builder = (
        RoutineBuilder(" ", sessions_per_day=0, days_per_week=8, weeks=2.5)  # type: ignore[arg-type]
        .add("figure-4-stretch", hold_seconds=45, reps=0)
        .add("knees-to-chest", reps=4)
        .add("lying-march", side="up", deviation="")
        .add("figure-four-stretch", reps=True)
    )
    expected = [
        ("/name", "empty-text", E, "'name' must not be empty: ' '"),
        (
            "/items/0/hold_seconds",
            "hold-out-of-range",
            E,
            "'hold_seconds' is outside the documented 15-20 s of 'figure-4-stretch': 45",
        ),
        ("/items/0/reps", "not-positive", E, "'reps' must be > 0: 0"),
        (
            "/items/0/side",
            "side-missing",
            E,
            (
                "'figure-4-stretch' works the painful side only; 'side' must be 'left' or 'right': "
                "null"
            ),
        ),
        (
            "/items/2/deviation",
            "empty-text",
            E,
            "'deviation' must be a reason in words, or null: ''",
        ),
        ("/items/2/side", "bad-enum", E, "'side' must be one of 'left', 'right', 'both': 'up'"),
        (
            "/items/3/exercise",
            "unknown-exercise",
            E,
            "unknown exercise id (did you mean 'figure-4-stretch'?): 'figure-four-stretch'",
        ),
        ("/items/3/reps", "wrong-type", E, "'reps' must be a whole number: true"),
        ("/frequency/sessions_per_day", "not-positive", E, "'sessions_per_day' must be > 0: 0"),
        ("/frequency/days_per_week", "above-maximum", E, "'days_per_week' must be <= 7: 8"),
        ("/weeks", "fractional", E, "'weeks' must be a whole number: 2.5"),
    ]
    assert _problems(builder) == expected
    assert [(p.path, p.code, p.severity, p.message) for p in builder.problems] == expected


def test_the_error_is_a_value_error_with_a_summary_and_every_problem() -> None:
    builder = RoutineBuilder("r").add("knees-to-chest", reps=9).add("lying-march", reps=7)
    with pytest.raises(RoutineError) as error:
        builder.build()
    assert isinstance(error.value, ValueError)
    assert str(error.value) == (
        "routine 'r' cannot be built; 2 errors:\n"
        "  /items/0/reps: error reps-out-of-range: "
        "'reps' is outside the documented 3-5 of 'knees-to-chest': 9\n"
        "  /items/1/reps: error reps-out-of-range: "
        "'reps' is outside the documented 8-10 of 'lying-march': 7"
    )


def test_warnings_travel_with_the_errors() -> None:
    builder = (
        RoutineBuilder("r")
        .add("knees-to-chest", reps=6, deviation="tolerates more")
        .add("lying-march", hold_seconds=1)
    )
    assert _problems(builder) == [
        (
            "/items/0/reps",
            "deviation",
            W,
            (
                "'reps' is outside the documented 3-5 of 'knees-to-chest', accepted as a recorded "
                "deviation ('tolerates more'): 6"
            ),
        ),
        (
            "/items/1/hold_seconds",
            "hold-out-of-range",
            E,
            "'hold_seconds' is outside the documented 2-3 s of 'lying-march': 1",
        ),
    ]


def test_an_empty_routine_and_a_name_of_the_wrong_type() -> None:
    assert _problems(RoutineBuilder(7)) == [  # type: ignore[arg-type]
        ("/name", "wrong-type", E, "'name' must be a string: 7"),
        ("/items", "empty-array", E, "'items' must hold at least one item: []"),
    ]


def test_texts_that_are_not_valid_unicode_are_problems_not_exceptions() -> None:
    builder = (
        RoutineBuilder("Hips\ud800")
        .add("lying-march", reps=20, deviation="after review\udfff")
        .add("lying\ud800march", deviation="\ud800")
    )
    assert _problems(builder) == [
        (
            "/name",
            "invalid-unicode",
            E,
            (
                "'name' must be valid Unicode (U+D800 at index 4 is a surrogate code point): "
                "'Hips\\ud800'"
            ),
        ),
        (
            "/items/0/deviation",
            "invalid-unicode",
            E,
            (
                "'deviation' must be valid Unicode (U+DFFF at index 12 is a surrogate code point): "
                "'after review\\udfff'"
            ),
        ),
        (
            "/items/0/reps",
            "reps-out-of-range",
            E,
            "'reps' is outside the documented 8-10 of 'lying-march': 20",
        ),
        (
            "/items/1/exercise",
            "unknown-exercise",
            E,
            "unknown exercise id (did you mean 'lying-march'?): 'lying\\ud800march'",
        ),
        (
            "/items/1/deviation",
            "invalid-unicode",
            E,
            (
                "'deviation' must be valid Unicode (U+D800 at index 0 is a surrogate code point): "
                "'\\ud800'"
            ),
        ),
    ]


def test_a_hold_for_an_exercise_without_one_and_a_side_it_does_not_allow() -> None:
    no_hold = attrs.evolve(KNEES, hold=None)
    assert _problems(RoutineBuilder("r").add(no_hold, hold_seconds=20, side="left")) == [
        (
            "/items/0/hold_seconds",
            "hold-not-documented",
            E,
            "'knees-to-chest' has no documented hold to prescribe: 20",
        ),
        (
            "/items/0/side",
            "side-not-allowed",
            E,
            "'knees-to-chest' works both sides together; 'side' must be 'both' or null: 'left'",
        ),
    ]


def test_an_exercise_that_is_neither_an_exercise_nor_an_id() -> None:
    builder = RoutineBuilder("r").add(None, hold_seconds="long", side=3)  # type: ignore[arg-type]
    assert _problems(builder) == [
        (
            "/items/0/exercise",
            "wrong-type",
            E,
            "'exercise' must be an Exercise or an exercise id: null",
        ),
        ("/items/0/hold_seconds", "wrong-type", E, "'hold_seconds' must be a number: 'long'"),
        ("/items/0/side", "bad-enum", E, "'side' must be one of 'left', 'right', 'both': 3"),
    ]


@pytest.mark.parametrize(
    ("known", "given", "message"),
    [
        (None, "march", "unknown exercise id (did you mean 'lying-march'?): 'march'"),
        (
            None,
            "plank",
            (
                "unknown exercise id (known ids: 'figure-4-stretch', 'knees-to-chest', "
                "'lying-march'): 'plank'"
            ),
        ),
        ({}, "plank", "unknown exercise id (no exercises are known): 'plank'"),
        (
            {f"stretch-{n}": n for n in range(20)},
            "plank",
            "unknown exercise id (none of the 20 known ids is close): 'plank'",
        ),
        (
            {f"stretch-{n}": n for n in range(20)},
            "stretch-100",
            (
                "unknown exercise id (did you mean 'stretch-10' or 'stretch-1' or 'stretch-0'?): "
                "'stretch-100'"
            ),
        ),
    ],
)
def test_an_unknown_id_gets_a_helpful_message(
    known: dict[str, int] | None, given: str, message: str
) -> None:
    exercises = (
        None
        if known is None
        else {key: attrs.evolve(KNEES, id=key) for key in known}  # ids that are their keys
    )
    builder = RoutineBuilder("r", exercises=exercises).add(given)
    assert _problems(builder) == [("/items/0/exercise", "unknown-exercise", E, message)]


def test_a_huge_whole_number_is_reported_not_an_overflow() -> None:
    builder = RoutineBuilder("r").add("knees-to-chest", hold_seconds=10**400)
    assert [(p.path, p.code) for p in RoutineBuilder("r").problems] == [("/items", "empty-array")]
    assert _problems(builder) == [
        (
            "/items/0/hold_seconds",
            "number-too-large",
            E,
            "'hold_seconds' is beyond the range of a 64-bit float: an integer of about 401 digits",
        )
    ]


@pytest.mark.parametrize(
    ("exercises", "message"),
    [
        ([KNEES], "'exercises' must be a mapping of ids to Exercise: [" + repr(KNEES) + "]"),
        (
            {"knees-to-chest": "knees"},
            "'exercises' must map ids to Exercise values; 'knees-to-chest' maps to: 'knees'",
        ),
        (
            {"knees": KNEES},
            "'exercises' must map each exercise by its own id ('knees-to-chest'): 'knees'",
        ),
    ],
)
def test_a_bad_exercises_mapping_is_refused_at_once(exercises: object, message: str) -> None:
    with pytest.raises(InvalidValueError) as error:
        RoutineBuilder("r", exercises=exercises)  # type: ignore[arg-type]
    assert str(error.value) == message


# -- nothing passed in changes --------------------------------------------------------------------


def test_the_builder_copies_the_mapping_and_changes_nothing_passed_in() -> None:
    own = attrs.evolve(KNEES, id="own-stretch")
    mapping = {"own-stretch": own}
    builder = RoutineBuilder("r", exercises=mapping).add("own-stretch", side="both")
    mapping.clear()
    routine = builder.build()
    assert mapping == {}
    assert routine.items[0].exercise is own
    assert own == attrs.evolve(KNEES, id="own-stretch")


# -- properties -----------------------------------------------------------------------------------


@st.composite
def inside(draw: st.DrawFn) -> list[tuple[Exercise, dict[str, Any]]]:
    chosen = one_per_id(draw(st.lists(exercises, min_size=1, max_size=4)))
    return [(exercise, draw(doses_inside(exercise))) for exercise in chosen]


@given(inside())
def test_any_dose_inside_the_documented_ranges_builds(
    entries: list[tuple[Exercise, dict[str, Any]]],
) -> None:
    builder = RoutineBuilder("r")
    for exercise, dose in entries:
        builder.add(exercise, **dose)
    routine = builder.build()
    assert len(routine.items) == len(entries)
    for item, (exercise, dose) in zip(routine.items, entries, strict=True):
        assert item.exercise is exercise
        assert item.reps in exercise.repetitions
        if exercise.hold is None:
            assert item.hold_seconds is None
        else:
            assert item.hold_seconds in exercise.hold
        if dose.get("side") is not None:
            assert item.side is Side(dose["side"])
        assert item.deviation is None
    assert [p for p in routine.problems if p.code == "deviation"] == []


@st.composite
def one_outside(draw: st.DrawFn) -> tuple[list[tuple[Exercise, dict[str, Any]]], int, str]:
    entries = draw(inside())
    taken = {chosen.id for chosen, _ in entries}
    exercise = draw(
        generated_exercises().filter(lambda drawn: drawn.id not in taken and fields_outside(drawn))
    )
    field = draw(st.sampled_from(fields_outside(exercise)))
    dose = draw(doses_inside(exercise))
    dose[field] = draw(value_outside(exercise, field))
    index = draw(st.integers(min_value=0, max_value=len(entries)))
    entries.insert(index, (exercise, dose))
    return entries, index, field


@given(one_outside())
def test_any_dose_outside_fails_and_names_its_item_and_field(
    case: tuple[list[tuple[Exercise, dict[str, Any]]], int, str],
) -> None:
    entries, index, field = case
    builder = RoutineBuilder("r")
    for exercise, dose in entries:
        builder.add(exercise, **dose)
    with pytest.raises(RoutineError) as error:
        builder.build()
    code = "hold-out-of-range" if field == "hold_seconds" else "reps-out-of-range"
    assert [(p.path, p.code) for p in error.value.problems if p.is_error] == [
        (f"/items/{index}/{field}", code)
    ]


@given(one_outside(), st.text(characters, min_size=1).filter(str.strip))
def test_a_deviation_always_builds_and_is_recorded(
    case: tuple[list[tuple[Exercise, dict[str, Any]]], int, str], reason: str
) -> None:
    entries, index, field = case
    builder = RoutineBuilder("r")
    for position, (exercise, dose) in enumerate(entries):
        builder.add(exercise, **dose, deviation=reason if position == index else None)
    routine = builder.build()
    assert routine.items[index].deviation == reason
    assert [(p.path, p.code, p.severity) for p in routine.problems if p.code == "deviation"] == [
        (f"/items/{index}/{field}", "deviation", W)
    ]


@given(exercises, st.text(characters, min_size=1).filter(str.strip))
def test_a_deviation_inside_the_range_is_recorded_too(exercise: Exercise, reason: str) -> None:
    side = "left" if exercise.laterality is Laterality.AFFECTED_SIDE else None
    routine = RoutineBuilder("r").add(exercise, side=side, deviation=reason).build()
    assert routine.items[0].deviation == reason
    assert [(p.path, p.code) for p in routine.problems if p.code == "deviation"] == [
        ("/items/0/deviation", "deviation")
    ]
