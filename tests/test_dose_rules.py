"""The dose rules shared by RoutineItem, the builder and the validator."""

from __future__ import annotations

import math

import pytest
from attrs import evolve
from hypothesis import given
from hypothesis import strategies as st

from solpt_rehab import (
    Exercise,
    InvalidValueError,
    Problem,
    Routine,
    RoutineError,
    RoutineItem,
    Severity,
    Side,
    catalog,
    strategies,
)
from solpt_rehab._routines.dose import id_conflicts, item_problems
from solpt_rehab.strategies import Dose

E, W = Severity.ERROR, Severity.WARNING


def _problems(
    exercise_id: str,
    *,
    hold: object = None,
    reps: object = 3,
    side: object = None,
    deviation: object = None,
) -> list[tuple[str, str, Severity, str]]:
    found = item_problems(
        catalog.get(exercise_id),
        hold_seconds=hold,
        reps=reps,
        side=side,
        deviation=deviation,
        at=("items", 1),
    )
    return [(p.path, p.code, p.severity, p.message) for p in found]


def test_a_documented_dose_has_no_problem() -> None:
    assert _problems("figure-4-stretch", hold=15, reps=3, side="left") == []
    assert _problems("knees-to-chest", hold=30, reps=5, side=Side.BOTH) == []
    assert _problems("lying-march", hold=2.5, reps=8, side=None) == []


def test_every_problem_of_one_item_is_reported_with_its_field() -> None:
    assert _problems("figure-4-stretch", hold=45, reps=0, side=None) == [
        (
            "/items/1/hold_seconds",
            "hold-out-of-range",
            E,
            "'hold_seconds' is outside the documented 15-20 s of 'figure-4-stretch': 45",
        ),
        ("/items/1/reps", "not-positive", E, "'reps' must be > 0: 0"),
        (
            "/items/1/side",
            "side-missing",
            E,
            (
                "'figure-4-stretch' works the painful side only; 'side' must be 'left' or 'right': "
                "null"
            ),
        ),
    ]


def test_a_deviation_turns_out_of_range_doses_into_warnings() -> None:
    assert _problems("knees-to-chest", hold=40, reps=6, deviation="post-op protocol") == [
        (
            "/items/1/hold_seconds",
            "deviation",
            W,
            (
                "'hold_seconds' is outside the documented 20-30 s of 'knees-to-chest', accepted "
                "as a recorded deviation ('post-op protocol'): 40"
            ),
        ),
        (
            "/items/1/reps",
            "deviation",
            W,
            (
                "'reps' is outside the documented 3-5 of 'knees-to-chest', accepted as a recorded "
                "deviation ('post-op protocol'): 6"
            ),
        ),
    ]


def test_a_deviation_inside_the_range_is_still_reported() -> None:
    assert _problems("knees-to-chest", hold=20, reps=3, deviation="why not") == [
        (
            "/items/1/deviation",
            "deviation",
            W,
            "a deviation is recorded although every dose is inside its documented range: 'why not'",
        )
    ]


@pytest.mark.parametrize(
    ("hold", "reps", "expected"),
    [
        (True, 3, ("/items/1/hold_seconds", "wrong-type", "'hold_seconds' must be a number: true")),
        ("20", 3, ("/items/1/hold_seconds", "wrong-type", "'hold_seconds' must be a number: '20'")),
        (
            math.nan,
            3,
            ("/items/1/hold_seconds", "not-finite", "'hold_seconds' must be finite: NaN"),
        ),
        (-1, 3, ("/items/1/hold_seconds", "not-positive", "'hold_seconds' must be > 0: -1")),
        (20, 3.5, ("/items/1/reps", "fractional", "'reps' must be a whole number: 3.5")),
        (20, False, ("/items/1/reps", "wrong-type", "'reps' must be a whole number: false")),
    ],
)
def test_values_that_are_not_doses(hold: object, reps: object, expected: tuple[str, ...]) -> None:
    path, code, message = expected
    assert _problems("knees-to-chest", hold=hold, reps=reps) == [(path, code, E, message)]


def test_a_hold_for_an_exercise_without_one() -> None:
    exercise = catalog.get("knees-to-chest")
    no_hold = evolve(exercise, hold=None)
    found = list(
        item_problems(no_hold, hold_seconds=20, reps=3, side=None, deviation=None, at=("items", 0))
    )
    assert found == [
        Problem(
            path="/items/0/hold_seconds",
            code="hold-not-documented",
            severity=E,
            message="'knees-to-chest' has no documented hold to prescribe: 20",
        )
    ]


@pytest.mark.parametrize(
    ("exercise_id", "side", "expected"),
    [
        (
            "figure-4-stretch",
            "both",
            (
                "side-not-allowed",
                (
                    "'figure-4-stretch' works the painful side only; prescribe one item per "
                    "painful side: 'both'"
                ),
            ),
        ),
        (
            "knees-to-chest",
            "left",
            (
                "side-not-allowed",
                "'knees-to-chest' works both sides together; 'side' must be 'both' or null: 'left'",
            ),
        ),
        (
            "lying-march",
            "up",
            ("bad-enum", "'side' must be one of 'left', 'right', 'both': 'up'"),
        ),
    ],
)
def test_side_rules(exercise_id: str, side: str, expected: tuple[str, str]) -> None:
    code, message = expected
    reps = catalog.get(exercise_id).repetitions.min_reps
    assert _problems(exercise_id, reps=reps, side=side) == [("/items/1/side", code, E, message)]


def test_an_implausibly_high_open_ended_count_is_a_warning() -> None:
    assert _problems("figure-4-stretch", reps=9, side="left") == []
    assert _problems("figure-4-stretch", reps=10, side="left") == [
        (
            "/items/1/reps",
            "reps-implausibly-high",
            W,
            "'reps' is more than 3 times the documented minimum of 'figure-4-stretch' (3+): 10",
        )
    ]


#: An exercise, built-in or generated, with a dose drawn for it.
exercises_with_doses = st.one_of(st.sampled_from(catalog.all()), strategies.exercises()).flatmap(
    lambda exercise: st.tuples(st.just(exercise), strategies.doses(exercise))
)
exercises_with_deviations = st.one_of(
    st.sampled_from(catalog.all()), strategies.exercises()
).flatmap(
    lambda exercise: st.tuples(st.just(exercise), strategies.doses(exercise, deviations=True))
)


@given(exercises_with_doses)
def test_routine_items_accept_any_documented_dose(pair: tuple[Exercise, Dose]) -> None:
    exercise, dose = pair
    item = RoutineItem(
        exercise=exercise, hold_seconds=dose.hold_seconds, reps=dose.reps, side=dose.side
    )
    assert (item.hold_seconds, item.reps, item.side, item.problems) == (
        dose.hold_seconds,
        dose.reps,
        dose.side,
        (),
    )


@given(exercises_with_deviations)
def test_a_recorded_deviation_is_what_turns_an_undocumented_dose_into_warnings(
    pair: tuple[Exercise, Dose],
) -> None:
    exercise, dose = pair
    item = dose.to_item(exercise)
    if dose.deviation is None:
        assert item.problems == ()
        return
    warned = [(p.path, p.severity) for p in item.problems]
    assert warned
    assert {severity for _, severity in warned} == {W}
    # Without its reason, the same dose is refused, for the same fields.
    with pytest.raises(RoutineError) as error:
        evolve(item, deviation=None)
    assert [(p.path, p.code.replace("-out-of-range", "")) for p in error.value.problems] == [
        (path, path.removeprefix("/").removesuffix("_seconds")) for path, _ in warned
    ]


@given(st.integers(min_value=6, max_value=1000))
def test_routine_items_reject_undocumented_doses_with_every_problem(reps: int) -> None:
    with pytest.raises(RoutineError) as error:
        RoutineItem(exercise=catalog.get("knees-to-chest"), hold_seconds=10, reps=reps, side="left")
    assert [(p.path, p.code) for p in error.value.problems] == [
        ("/hold_seconds", "hold-out-of-range"),
        ("/reps", "reps-out-of-range"),
        ("/side", "side-not-allowed"),
    ]
    assert isinstance(error.value, ValueError)


def test_an_integer_beyond_a_float_is_refused_as_the_wire_format_refuses_it() -> None:
    assert _problems("knees-to-chest", reps=10**400)[0][:2] == (
        "/items/1/reps",
        "number-too-large",
    )


# -- one exercise per id in a routine --------------------------------------------------------------

FIGURE_4 = catalog.get("figure-4-stretch")
GENTLE = evolve(FIGURE_4, name="Gentle figure-4 stretch")


def _item(exercise: Exercise, side: str) -> RoutineItem:
    return RoutineItem(exercise=exercise, reps=3, side=side)


def test_a_routine_refuses_two_different_exercises_with_one_id() -> None:
    items = (
        _item(FIGURE_4, "left"),
        _item(GENTLE, "left"),
        _item(catalog.get("knees-to-chest"), "both"),
        _item(GENTLE, "right"),
    )
    with pytest.raises(RoutineError) as error:
        Routine(name="Hips", items=items)
    message = (
        "'id' names a different exercise in items[0] already; give each exercise its own id: "
        "'figure-4-stretch'"
    )
    assert [(p.path, p.code, p.severity, p.message) for p in error.value.problems] == [
        ("/items/1/exercise/id", "duplicate-id", E, message),
        ("/items/3/exercise/id", "duplicate-id", E, message),
    ]
    assert str(error.value).splitlines()[0] == (
        "routine 'Hips' holds different exercises with one id:"
    )
    assert isinstance(error.value, ValueError)


def test_a_routine_may_hold_one_exercise_in_many_items() -> None:
    copy = evolve(FIGURE_4)  # equal, not the same object
    assert copy is not FIGURE_4
    routine = Routine(name="Hips", items=(_item(FIGURE_4, "left"), _item(copy, "right")))
    assert [item.exercise for item in routine.items] == [FIGURE_4, FIGURE_4]


def test_id_conflicts_name_each_later_exercise_and_the_first_with_its_id() -> None:
    knees = catalog.get("knees-to-chest")
    found = list(id_conflicts([FIGURE_4, knees, GENTLE, FIGURE_4, GENTLE, evolve(knees)]))
    assert found == [(2, 0), (4, 0)]


# -- texts are valid Unicode -----------------------------------------------------------------------


def test_a_deviation_that_is_not_valid_unicode_is_no_reason() -> None:
    assert _problems("lying-march", reps=20, deviation="review\ud800") == [
        (
            "/items/1/deviation",
            "invalid-unicode",
            E,
            (
                "'deviation' must be valid Unicode (U+D800 at index 6 is a surrogate code point): "
                "'review\\ud800'"
            ),
        ),
        (
            "/items/1/reps",
            "reps-out-of-range",
            E,
            "'reps' is outside the documented 8-10 of 'lying-march': 20",
        ),
    ]
    with pytest.raises(InvalidValueError) as error:
        RoutineItem(exercise=catalog.get("lying-march"), reps=8, side="both", deviation="\udfff")
    assert str(error.value) == (
        "'deviation' must be valid Unicode (U+DFFF at index 0 is a surrogate code point): '\\udfff'"
    )


def test_a_routine_name_that_is_not_valid_unicode_is_rejected() -> None:
    with pytest.raises(InvalidValueError) as error:
        Routine(name="Hips\ud800", items=(_item(FIGURE_4, "left"),))
    assert str(error.value) == (
        "'name' must be valid Unicode (U+D800 at index 4 is a surrogate code point): 'Hips\\ud800'"
    )
