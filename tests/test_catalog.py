"""The catalog: exactly the source article's documented facts."""

from __future__ import annotations

import pytest

from solpt_rehab import (
    BodyRegion,
    Category,
    CountingRule,
    Equipment,
    Exercise,
    Hold,
    Laterality,
    Level,
    Position,
    RepetitionScheme,
    Rest,
    StepKind,
    UnknownExerciseError,
    catalog,
)


def test_the_catalog_holds_the_three_exercises_in_the_articles_order() -> None:
    assert [exercise.id for exercise in catalog.all()] == [
        "figure-4-stretch",
        "knees-to-chest",
        "lying-march",
    ]
    assert catalog.ids() == ("figure-4-stretch", "knees-to-chest", "lying-march")
    assert [catalog.get(key) for key in catalog.ids()] == list(catalog.all())


def test_figure_4_stretch() -> None:
    exercise = catalog.get("figure-4-stretch")
    assert exercise.hold == Hold(min_seconds=15, max_seconds=20)
    assert exercise.repetitions == RepetitionScheme(
        min_reps=3, max_reps=None, laterality=Laterality.AFFECTED_SIDE
    )
    assert exercise.position is Position.SUPINE
    assert exercise.equipment == (Equipment(name="yoga mat", optional=True),)
    assert set(exercise.regions) == {BodyRegion.BUTTOCK, BodyRegion.HIP, BodyRegion.LOWER_BACK}


def test_knees_to_chest() -> None:
    exercise = catalog.get("knees-to-chest")
    assert exercise.hold == Hold(min_seconds=20, max_seconds=30)
    assert exercise.repetitions == RepetitionScheme(
        min_reps=3, max_reps=5, laterality=Laterality.BILATERAL, rest=Rest(text="a few seconds")
    )
    rest = exercise.repetitions.rest
    assert rest is not None
    assert (rest.quantified, rest.min_seconds, rest.max_seconds) == (False, None, None)
    assert exercise.equipment == (
        Equipment(name="yoga mat", optional=False, alternatives=("mattress",)),
    )
    assert set(exercise.regions) == {BodyRegion.BUTTOCK, BodyRegion.LOWER_BACK}


def test_lying_march() -> None:
    exercise = catalog.get("lying-march")
    assert exercise.hold == Hold(min_seconds=2, max_seconds=3)
    assert exercise.repetitions == RepetitionScheme(
        min_reps=8, max_reps=10, laterality=Laterality.ALTERNATING, counting=CountingRule.TOTAL
    )
    assert [step.distance for step in exercise.steps if step.distance] == ["a few inches"]
    assert exercise.equipment == (Equipment(name="yoga mat", optional=True),)
    assert set(exercise.regions) == {BodyRegion.HIP, BodyRegion.BUTTOCK, BodyRegion.LOWER_BACK}


@pytest.mark.parametrize("exercise", catalog.all(), ids=catalog.ids())
def test_every_exercise_has_one_hold_step_and_cites_its_source(exercise: Exercise) -> None:
    assert len(exercise.steps_of(StepKind.HOLD)) == 1
    assert exercise.steps[0].kind is StepKind.SETUP
    assert exercise.source is not None
    assert exercise.source.title == catalog.SOURCE.title
    assert exercise.position is Position.SUPINE


def test_levels_and_categories() -> None:
    assert [(exercise.level, exercise.category) for exercise in catalog.all()] == [
        (Level.BEGINNER, Category.STRETCHING),
        (Level.BEGINNER, Category.STRETCHING),
        (Level.BEGINNER, Category.STRENGTH),
    ]


def test_the_hold_step_states_the_structured_hold() -> None:
    texts = [exercise.steps_of("hold")[0].text for exercise in catalog.all()]
    assert texts == [
        "Stay in the stretch for 15 to 20 seconds.",
        "Stay there for 20 to 30 seconds.",
        "Keep it raised for 2 to 3 seconds.",
    ]


@pytest.mark.parametrize("unknown", ["figure-four", "", "FIGURE-4-STRETCH"])
def test_an_unknown_id_is_a_lookup_error_listing_the_known_ids(unknown: str) -> None:
    with pytest.raises(UnknownExerciseError) as error:
        catalog.get(unknown)
    assert isinstance(error.value, LookupError)
    assert str(error.value) == (
        "unknown exercise id (known ids: 'figure-4-stretch', 'knees-to-chest', 'lying-march'): "
        f"{unknown!r}"
    )
    assert error.value.known == catalog.ids()


def test_a_misspelt_id_gets_the_close_one_as_the_builder_gives_it() -> None:
    with pytest.raises(UnknownExerciseError) as error:
        catalog.get("lying-marsh")
    assert str(error.value) == "unknown exercise id (did you mean 'lying-march'?): 'lying-marsh'"


def test_an_unhashable_id_is_unknown_too() -> None:
    with pytest.raises(UnknownExerciseError):
        catalog.get([])  # type: ignore[arg-type]
