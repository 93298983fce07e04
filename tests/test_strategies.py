"""The public Hypothesis strategies: valid values, options, bad arguments and shrinking."""

from __future__ import annotations

import ast
import inspect
import math
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

import attrs
import pytest
from hypothesis import HealthCheck, Phase, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument, NoSuchExample

from solpt_rehab import (
    Citation,
    CountingRule,
    Effort,
    Equipment,
    Exercise,
    Frequency,
    Hold,
    Laterality,
    Load,
    LoadKind,
    Media,
    MediaKind,
    Pacing,
    RepetitionScheme,
    Rest,
    Routine,
    RoutineError,
    RoutineItem,
    Sets,
    Severity,
    Side,
    Step,
    StepKind,
    TimedWork,
    WeightUnit,
    catalog,
    strategies,
)
from solpt_rehab._routines.dose import IMPLAUSIBLE_OPEN_ENDED_FACTOR, item_problems
from solpt_rehab.strategies import Dose

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

#: Every strategy with its defaults, and the type of its values.
DEFAULTS: list[tuple[str, st.SearchStrategy[Any], type[Any]]] = [
    ("holds", strategies.holds(), Hold),
    ("rests", strategies.rests(), Rest),
    ("repetition_schemes", strategies.repetition_schemes(), RepetitionScheme),
    ("sets", strategies.sets(), Sets),
    ("timed_work", strategies.timed_work(), TimedWork),
    ("loads", strategies.loads(), Load),
    ("efforts", strategies.efforts(), Effort),
    ("steps", strategies.steps(), Step),
    ("equipment", strategies.equipment(), Equipment),
    ("citations", strategies.citations(), Citation),
    ("media", strategies.media(), Media),
    ("exercises", strategies.exercises(), Exercise),
    ("frequencies", strategies.frequencies(), Frequency),
    ("pacings", strategies.pacings(), Pacing),
    ("routine_items", strategies.routine_items(), RoutineItem),
    ("routine_items-deviations", strategies.routine_items(deviations=True), RoutineItem),
    ("routines", strategies.routines(), Routine),
    ("doses", strategies.exercises().flatmap(strategies.doses), Dose),
]


def _minimal(strategy: st.SearchStrategy[Any], condition: Callable[[Any], bool] = bool) -> Any:
    """The simplest value Hypothesis finds (``bool`` as condition: any value at all)."""
    return find(
        strategy,
        condition if condition is not bool else (lambda _: True),
        settings=settings(database=None, max_examples=200),
    )


def _reached(strategy: st.SearchStrategy[Any], condition: Callable[[Any], bool]) -> Any:
    """Some value that meets ``condition``, unshrunk: to show that a strategy reaches it."""
    # Health checks off: a loaded machine makes generation slow, which says nothing of reach.
    quick = settings(
        database=None,
        max_examples=1000,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    return find(strategy, condition, settings=quick)


def _dose_problems(exercise: Exercise, dose: Dose) -> list[tuple[str, str, Severity]]:
    found = item_problems(
        exercise,
        hold_seconds=dose.hold_seconds,
        reps=dose.reps,
        side=dose.side,
        deviation=dose.deviation,
        sets=dose.sets,
        work_seconds=dose.work_seconds,
        load=dose.load,
    )
    return [(problem.path, problem.code, problem.severity) for problem in found]


# -- every generated value is valid ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("strategy", "kind"),
    [(strategy, kind) for _, strategy, kind in DEFAULTS],
    ids=[name for name, _, _ in DEFAULTS],
)
@given(data=st.data())
def test_every_generated_value_is_valid_equals_its_copy_and_hashes(
    strategy: st.SearchStrategy[Any], kind: type[Any], data: st.DataObject
) -> None:
    value = data.draw(strategy)
    assert isinstance(value, kind)
    copy = attrs.evolve(value)  # runs every validator of the type again
    assert copy == value
    assert hash(copy) == hash(value)


@given(strategies.catalogs(max_size=6))
def test_a_catalog_is_a_tuple_of_exercises_with_unique_ids(exercises: tuple[Exercise, ...]) -> None:
    assert isinstance(exercises, tuple)
    assert len({exercise.id for exercise in exercises}) == len(exercises)
    assert all(attrs.evolve(exercise) == exercise for exercise in exercises)


@given(strategies.catalogs(2, 3, elements=strategies.exercises(laterality="alternating")))
def test_catalog_sizes_and_elements(exercises: tuple[Exercise, ...]) -> None:
    assert 2 <= len(exercises) <= 3
    assert {exercise.laterality for exercise in exercises} == {Laterality.ALTERNATING}


# -- holds and rests ------------------------------------------------------------------------------

bounds = st.tuples(
    st.sampled_from([0.5, 1, 2, 2.5, 15, 30]), st.sampled_from([0, 1, 5, 20, 600])
).map(lambda pair: (pair[0], pair[0] + pair[1]))


@given(bounds, st.sampled_from(["whole", "half", "any"]), st.data())
def test_holds_lie_between_the_bounds_at_their_granularity(
    limits: tuple[float, float], granularity: Literal["whole", "half", "any"], data: st.DataObject
) -> None:
    low, high = limits
    if granularity == "whole" and math.ceil(low) > math.floor(high):
        with pytest.raises(InvalidArgument):
            strategies.holds(low, high, granularity=granularity)
        return
    hold = data.draw(strategies.holds(low, high, granularity=granularity))
    ends = (hold.min_seconds, hold.max_seconds)
    assert all(low <= end <= high for end in ends)
    if granularity == "whole":
        assert all(isinstance(end, int) for end in ends)
    if granularity == "half":
        assert all(float(end * 2).is_integer() for end in ends)
    assert hold.min_seconds in hold
    assert hold.max_seconds in hold


@given(strategies.holds(fixed=True), strategies.holds(fixed=False))
def test_fixed_chooses_fixed_holds_or_ranges(fixed: Hold, ranged: Hold) -> None:
    assert fixed.fixed_length
    assert not ranged.fixed_length


@given(strategies.holds())
def test_a_realistic_hold_written_by_str_parses_back_to_an_equal_hold(hold: Hold) -> None:
    assert Hold.parse(str(hold)) == hold


@given(strategies.rests(10, 60, quantified=True), strategies.rests(quantified=False))
def test_quantified_chooses_rests_with_seconds_or_in_words(counted: Rest, vague: Rest) -> None:
    assert counted.quantified
    assert counted.min_seconds is not None
    assert counted.max_seconds is not None
    assert 10 <= counted.min_seconds <= counted.max_seconds <= 60
    assert not vague.quantified
    assert vague.text


# -- repetition schemes ---------------------------------------------------------------------------


@given(
    st.integers(1, 20).flatmap(lambda low: st.tuples(st.just(low), st.integers(low, low + 20))),
    st.data(),
)
def test_repetition_counts_lie_between_the_bounds(
    limits: tuple[int, int], data: st.DataObject
) -> None:
    low, high = limits
    scheme = data.draw(strategies.repetition_schemes(low, high))
    stated = [count for count in (scheme.min_reps, scheme.max_reps) if count is not None]
    assert all(low <= count <= high for count in stated)
    assert stated == sorted(stated)
    assert (scheme.counting is not None) is scheme.laterality.two_sided


@given(
    strategies.repetition_schemes(laterality=["each-side", Laterality.AFFECTED_SIDE]),
    strategies.repetition_schemes(open_ended=True, with_rest=True),
    strategies.repetition_schemes(open_ended=False, with_rest=False),
)
def test_repetition_scheme_options(
    chosen: RepetitionScheme, open_ended: RepetitionScheme, closed: RepetitionScheme
) -> None:
    assert chosen.laterality in {Laterality.EACH_SIDE, Laterality.AFFECTED_SIDE}
    assert open_ended.open_ended
    assert open_ended.rest is not None
    assert not closed.open_ended
    assert closed.rest is None


@given(
    strategies.repetition_schemes(up_to=True),
    strategies.repetition_schemes(stated=False),
    strategies.repetition_schemes(up_to=False, stated=True),
)
def test_counts_up_to_a_number_and_counts_not_stated(
    up_to: RepetitionScheme, unstated: RepetitionScheme, stated: RepetitionScheme
) -> None:
    assert (up_to.min_reps, up_to.range_text) == (None, f"up to {up_to.max_reps}")
    assert (unstated.min_reps, unstated.max_reps, unstated.stated) == (None, None, False)
    assert stated.min_reps is not None


def test_every_shape_of_count_is_drawn() -> None:
    def shape(scheme: RepetitionScheme) -> str:
        if scheme.min_reps is None:
            return "unstated" if scheme.max_reps is None else "up-to"
        if scheme.max_reps is None:
            return "open"
        return "fixed" if scheme.min_reps == scheme.max_reps else "range"

    def of_shape(wanted: str) -> Callable[[RepetitionScheme], bool]:
        return lambda scheme: shape(scheme) == wanted

    for wanted in ("fixed", "range", "open", "up-to", "unstated"):
        assert shape(_reached(strategies.repetition_schemes(), of_shape(wanted))) == wanted


# -- sets, timed work, loads, efforts, precautions, media -----------------------------------------


@given(
    st.integers(1, 6).flatmap(lambda low: st.tuples(st.just(low), st.integers(low, low + 6))),
    st.data(),
)
def test_set_counts_lie_between_the_bounds(limits: tuple[int, int], data: st.DataObject) -> None:
    low, high = limits
    sets = data.draw(strategies.sets(low, high))
    assert low <= sets.min_sets <= high
    assert sets.max_sets is None or sets.min_sets <= sets.max_sets <= high
    assert sets.min_sets in sets


@given(
    strategies.sets(open_ended=True, with_rest=True),
    strategies.sets(2, 4, open_ended=False, with_rest=False),
)
def test_set_options(open_ended: Sets, closed: Sets) -> None:
    assert open_ended.max_sets is None
    assert open_ended.rest is not None
    assert closed.max_sets is not None
    assert 2 <= closed.min_sets <= closed.max_sets <= 4
    assert closed.rest is None


@given(strategies.sets(with_rest=True))
def test_a_quantified_rest_between_sets_is_longer_than_one_between_repetitions(sets: Sets) -> None:
    assert sets.rest is not None
    if sets.rest.quantified:
        assert sets.rest.min_seconds is not None
        assert sets.rest.max_seconds is not None
        assert 15 <= sets.rest.min_seconds <= sets.rest.max_seconds <= 180
    else:
        assert sets.rest.text


@given(bounds, st.sampled_from(["whole", "half", "any"]), st.data())
def test_timed_work_lies_between_the_bounds_and_reads_back(
    limits: tuple[float, float], granularity: Literal["whole", "half", "any"], data: st.DataObject
) -> None:
    low, high = limits
    if granularity == "whole" and math.ceil(low) > math.floor(high):
        with pytest.raises(InvalidArgument):
            strategies.timed_work(low, high, granularity=granularity)
        return
    work = data.draw(strategies.timed_work(low, high, granularity=granularity))
    assert low <= work.min_seconds <= work.max_seconds <= high
    assert TimedWork.parse(str(work)) == work


@given(strategies.timed_work(fixed=True), strategies.timed_work(30, 60, fixed=False))
def test_fixed_chooses_fixed_timed_work_or_ranges(fixed: TimedWork, ranged: TimedWork) -> None:
    assert fixed.fixed_length
    assert not ranged.fixed_length
    assert 30 <= ranged.min_seconds < ranged.max_seconds <= 60


@given(strategies.loads())
def test_loads_state_no_number_a_source_would_not(load: Load) -> None:
    if load.kind is LoadKind.WEIGHT and load.quantified:
        assert load.min_amount is not None
        assert load.max_amount is not None
        assert load.unit is not None
        low, high = (0.5, 20) if load.unit is WeightUnit.KG else (1, 45)
        assert low <= load.min_amount <= load.max_amount <= high
        assert float(load.min_amount * 2).is_integer()
    else:
        assert (load.min_amount, load.max_amount, load.unit) == (None, None, None)
    assert (load.level is None) or load.kind is LoadKind.BAND
    assert (load.text is not None) or load.kind is not LoadKind.DESCRIBED
    assert str(load)


@given(
    strategies.loads(kind="weight", unit="lb", quantified=True),
    strategies.loads(kind=["band", LoadKind.DESCRIBED]),
    strategies.loads(quantified=False),
)
def test_load_options(pounds: Load, other: Load, unquantified: Load) -> None:
    assert (pounds.kind, pounds.unit) == (LoadKind.WEIGHT, WeightUnit.LB)
    assert other.kind in {LoadKind.BAND, LoadKind.DESCRIBED}
    assert not unquantified.quantified


def test_every_kind_of_load_and_unit_is_drawn() -> None:
    def with_value(name: str, value: object) -> Callable[[Load], bool]:
        return lambda load: getattr(load, name) is value

    for kind in LoadKind:
        assert _reached(strategies.loads(), with_value("kind", kind)).kind is kind
    for unit in WeightUnit:
        assert _reached(strategies.loads(), with_value("unit", unit)).unit is unit


@given(
    strategies.efforts(), strategies.efforts(2, 5.5, rated=True), strategies.efforts(rated=False)
)
def test_efforts_say_something_and_rate_on_the_0_to_10_scale(
    effort: Effort, rated: Effort, unrated: Effort
) -> None:
    assert effort.text is not None or effort.min_rpe is not None
    for ends in ((effort.min_rpe, effort.max_rpe), (rated.min_rpe, rated.max_rpe)):
        if ends[0] is not None:
            assert ends[1] is not None
            assert 0 <= ends[0] <= ends[1] <= 10
    assert rated.min_rpe is not None
    assert rated.max_rpe is not None
    assert 2 <= rated.min_rpe <= rated.max_rpe <= 5.5
    assert (unrated.min_rpe, unrated.max_rpe) == (None, None)
    assert unrated.text


@given(strategies.media(), strategies.media(kind="video"))
def test_media_are_images_or_videos_by_uri(any_media: Media, video: Media) -> None:
    extension = {MediaKind.IMAGE: ".jpg", MediaKind.VIDEO: ".mp4"}[any_media.kind]
    assert any_media.uri.startswith("https://example.org/media/")
    assert any_media.uri.endswith(extension)
    assert video.kind is MediaKind.VIDEO


@given(strategies.precautions())
def test_precautions_are_sentences(precaution: str) -> None:
    assert precaution[0].isupper()
    assert precaution.endswith(".")
    knees = attrs.evolve(catalog.get("knees-to-chest"), precautions=(precaution,))
    assert knees.precautions == (precaution,)


# -- steps and exercises --------------------------------------------------------------------------


@given(strategies.steps(kind="move"), strategies.steps(kind=[StepKind.HOLD, "release"]))
def test_steps_of_the_kinds_asked_for(move: Step, other: Step) -> None:
    assert move.kind is StepKind.MOVE
    assert other.kind in {StepKind.HOLD, StepKind.RELEASE}
    assert other.distance is None
    assert move.text[0].isupper()
    assert move.text.endswith(".")


@given(strategies.exercises())
def test_exercises_are_realistic(exercise: Exercise) -> None:
    assert SLUG.fullmatch(exercise.id)
    assert exercise.id not in catalog.ids()
    assert exercise.name[0].isupper()
    assert exercise.name.lower().replace(" ", "-") == exercise.id
    kinds = [step.kind for step in exercise.steps]
    assert kinds[:2] == [StepKind.SETUP, StepKind.MOVE]
    assert kinds == sorted(kinds, key=list(StepKind).index)  # setup, move, hold, release, repeat
    assert all(step.text.endswith(".") for step in exercise.steps)
    assert exercise.regions
    hold_steps = exercise.steps_of(StepKind.HOLD)
    if exercise.hold is None:
        assert hold_steps == ()
    else:
        (step,) = hold_steps
        low, high = exercise.hold.min_seconds, exercise.hold.max_seconds
        stated = re.findall(r"\d+(?:\.\d+)?", step.text)
        assert [float(number) for number in stated] == sorted({float(low), float(high)})


@given(
    strategies.exercises(with_hold=True, laterality="affected-side", open_ended=True),
    strategies.exercises(with_hold=False, open_ended=False),
)
def test_exercise_options(with_hold: Exercise, without_hold: Exercise) -> None:
    assert with_hold.hold is not None
    assert with_hold.laterality is Laterality.AFFECTED_SIDE
    assert with_hold.repetitions.open_ended
    assert without_hold.hold is None
    assert not without_hold.repetitions.open_ended


@given(
    strategies.exercises(
        with_sets=True, with_timed_work=True, with_load=True, with_effort=True, up_to=True
    ),
    strategies.exercises(
        with_sets=False, with_timed_work=False, with_load=False, with_effort=False, stated=False
    ),
)
def test_exercise_options_for_the_dose_the_field_writes(full: Exercise, bare: Exercise) -> None:
    assert None not in (full.sets, full.timed_work, full.load, full.effort)
    assert full.repetitions.min_reps is None
    assert full.repetitions.max_reps is not None
    assert (bare.sets, bare.timed_work, bare.load, bare.effort) == (None, None, None, None)
    assert not bare.repetitions.stated


@given(strategies.exercises())
def test_the_steps_state_the_sets_and_no_number_for_timed_work(exercise: Exercise) -> None:
    repeats = [step.text for step in exercise.steps_of(StepKind.REPEAT)]
    set_steps = [text for text in repeats if " set" in text]
    if exercise.sets is None:
        assert set_steps == []
    for text in set_steps:
        assert exercise.sets is not None
        assert text.startswith(f"Do {'at least ' if exercise.sets.max_sets is None else ''}")
        assert str(exercise.sets.min_sets) in text
    moves = exercise.steps_of(StepKind.MOVE)
    assert len(moves) == (2 if exercise.timed_work is not None else 1)
    assert not any(character.isdigit() for step in moves[1:] for character in step.text)
    if not exercise.repetitions.stated:
        assert not any(
            character.isdigit() for text in repeats if text not in set_steps for character in text
        )
    assert len(set(exercise.precautions)) == len(exercise.precautions) <= 2
    assert len(exercise.media) <= 2


def test_every_optional_part_of_an_exercise_is_drawn_and_left_out() -> None:
    def with_part(name: str) -> Callable[[Exercise], bool]:
        return lambda exercise: getattr(exercise, name) is not None

    simplest = _minimal(strategies.exercises())
    for part in ("sets", "timed_work", "load", "effort"):
        assert getattr(_reached(strategies.exercises(), with_part(part)), part) is not None
        assert getattr(simplest, part) is None
    assert _reached(strategies.exercises(), lambda e: bool(e.precautions and e.media))


@given(strategies.exercises(ids=st.sampled_from(["wall-sit", "heel-raise-2"])))
def test_exercise_ids_from_a_strategy_name_the_exercise(exercise: Exercise) -> None:
    assert (exercise.id, exercise.name) in {
        ("wall-sit", "Wall sit"),
        ("heel-raise-2", "Heel raise 2"),
    }


@pytest.mark.parametrize(
    ("ids", "message"),
    [
        (st.just(7), "ids must generate str values: 7"),
        (
            st.just("Wall Sit"),
            (
                "ids must generate slugs of lowercase letters and digits joined by single "
                "hyphens, of at most 10000 characters: 'Wall Sit'"
            ),
        ),
        (
            st.just("a" * 10_001),
            (
                "ids must generate slugs of lowercase letters and digits joined by single "
                "hyphens, of at most 10000 characters: " + repr("a" * 10_001)
            ),
        ),
    ],
)
def test_ids_that_are_not_slugs_are_an_invalid_argument_when_drawn(
    ids: st.SearchStrategy[Any], message: str
) -> None:
    with pytest.raises(InvalidArgument) as error:
        _minimal(strategies.exercises(ids=ids))
    assert str(error.value) == message


# -- doses and routine items ----------------------------------------------------------------------


@given(strategies.exercises(), st.data())
def test_doses_lie_inside_the_documented_ranges_and_draw_no_problem(
    exercise: Exercise, data: st.DataObject
) -> None:
    dose = data.draw(strategies.doses(exercise))
    scheme = exercise.repetitions
    if exercise.hold is None:
        assert dose.hold_seconds is None
    else:
        assert dose.hold_seconds in exercise.hold
    assert dose.reps in scheme
    if scheme.min_reps is not None and scheme.max_reps is None:
        assert dose.reps <= IMPLAUSIBLE_OPEN_ENDED_FACTOR * scheme.min_reps
    if exercise.sets is None:
        assert dose.sets is None
    else:
        assert dose.sets is None or dose.sets in exercise.sets
    if exercise.timed_work is None:
        assert dose.work_seconds is None
    else:
        assert dose.work_seconds is None or dose.work_seconds in exercise.timed_work
    documented = exercise.load
    if documented is None:
        assert dose.load is None
    elif dose.load is not None:
        assert dose.load.kind is documented.kind
        if documented.level is not None:
            assert dose.load.level == documented.level
        if documented.kilograms() is not None:
            low, high = documented.kilograms() or (0, 0)
            least, most = dose.load.kilograms() or (-1, -1)
            assert low - 0.005 <= least <= most <= high + 0.005
    assert dose.deviation is None
    assert _dose_problems(exercise, dose) == []
    assert dose.to_item(exercise).problems == ()


@pytest.mark.parametrize("exercise", catalog.all(), ids=catalog.ids())
@given(data=st.data())
def test_doses_of_the_built_in_exercises(exercise: Exercise, data: st.DataObject) -> None:
    dose = data.draw(strategies.doses(exercise))
    assert _dose_problems(exercise, dose) == []
    allowed = {
        "figure-4-stretch": {Side.LEFT, Side.RIGHT},
        "knees-to-chest": {Side.BOTH},
        "lying-march": {Side.BOTH, Side.LEFT, Side.RIGHT},
    }[exercise.id]
    assert dose.side in allowed


@given(st.one_of(st.sampled_from(catalog.all()), strategies.exercises()), st.data())
def test_doses_with_deviations_are_outside_the_range_with_a_reason_and_never_an_error(
    exercise: Exercise, data: st.DataObject
) -> None:
    dose = data.draw(strategies.doses(exercise, deviations=True))
    found = _dose_problems(exercise, dose)
    if dose.deviation is None:
        assert found == []
    else:
        assert found
        assert {(code, severity) for _, code, severity in found} == {
            ("deviation", Severity.WARNING)
        }
        assert {path for path, _, _ in found} <= {
            "/hold_seconds",
            "/reps",
            "/sets",
            "/work_seconds",
            "/load",
        }
    assert dose.reps >= 1
    assert dose.hold_seconds is None or dose.hold_seconds > 0
    assert dose.sets is None or dose.sets >= 1
    assert dose.work_seconds is None or dose.work_seconds > 0
    item = dose.to_item(exercise)
    assert not any(problem.is_error for problem in item.problems)


@pytest.mark.parametrize(
    ("field", "documenting"),
    [
        ("sets", strategies.exercises(with_sets=True)),
        ("work_seconds", strategies.exercises(with_timed_work=True)),
        ("load", strategies.exercises(with_load=True)),
    ],
    ids=["sets", "work_seconds", "load"],
)
def test_deviations_reach_sets_timed_work_and_loads(
    field: str, documenting: st.SearchStrategy[Exercise]
) -> None:
    def outside(exercise: Exercise, dose: Dose) -> bool:
        return any(path == f"/{field}" for path, _, _ in _dose_problems(exercise, dose))

    pairs = documenting.flatmap(
        lambda exercise: st.tuples(st.just(exercise), strategies.doses(exercise, deviations=True))
    )
    exercise, dose = _reached(pairs, lambda pair: outside(*pair))
    assert dose.deviation is not None
    assert outside(exercise, dose)


def test_deviations_happen_where_there_is_room() -> None:
    for exercise in catalog.all():
        dose = _minimal(strategies.doses(exercise, deviations=True), lambda d: bool(d.deviation))
        assert _dose_problems(exercise, dose)
    roomless = attrs.evolve(
        catalog.get("figure-4-stretch"),
        hold=None,
        steps=catalog.get("lying-march").steps[:2],
        repetitions=RepetitionScheme(min_reps=1, laterality=Laterality.AFFECTED_SIDE),
    )
    with pytest.raises(NoSuchExample):
        _minimal(strategies.doses(roomless, deviations=True), lambda d: bool(d.deviation))


def test_a_dose_that_breaks_the_rules_is_a_routine_error() -> None:
    dose = Dose(hold_seconds=90, reps=3, side=Side.BOTH)
    with pytest.raises(RoutineError) as error:
        dose.to_item(catalog.get("knees-to-chest"))
    assert [problem.code for problem in error.value.problems] == ["hold-out-of-range"]


@given(strategies.routine_items())
def test_routine_items_carry_no_problem(item: RoutineItem) -> None:
    assert item.problems == ()


@given(strategies.routine_items(exercises=catalog.all(), deviations=True))
def test_routine_items_from_a_collection_with_deviations(item: RoutineItem) -> None:
    assert item.exercise in catalog.all()
    assert all(problem.code == "deviation" for problem in item.problems)
    assert bool(item.problems) is (item.deviation is not None)


# -- routines -------------------------------------------------------------------------------------


@given(strategies.routines())
def test_routines_carry_no_problem_and_an_id_names_one_exercise(routine: Routine) -> None:
    assert routine.problems == ()
    assert len(routine.items) >= 1
    by_id = {item.exercise.id: item.exercise for item in routine.items}
    assert all(by_id[item.exercise.id] == item.exercise for item in routine.items)
    assert 1 <= routine.frequency.sessions_per_day <= 3
    assert routine.weeks is None or 1 <= routine.weeks <= 26
    assert routine.start is None or 2020 <= routine.start.year <= 2035
    assert routine.notes is None or routine.notes.endswith(".")
    assert all(item.notes is None or item.notes.endswith(".") for item in routine.items)


def test_routines_draw_start_dates_and_notes() -> None:
    routine = _reached(strategies.routines(exercises=catalog.all()), lambda r: r.start is not None)
    assert routine.start is not None
    assert _reached(strategies.routines(), lambda r: r.notes is not None).notes
    assert _reached(strategies.routine_items(), lambda i: i.notes is not None).notes


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(
    strategies.routines(2, 3, exercises=strategies.exercises(laterality="bilateral")),
    strategies.routines(exercises=[catalog.get("lying-march")], deviations=True),
)
def test_routine_options(bilateral: Routine, marches: Routine) -> None:
    assert 2 <= len(bilateral.items) <= 3
    assert {item.side for item in bilateral.items} == {Side.BOTH}
    assert {item.exercise.id for item in marches.items} == {"lying-march"}
    assert not any(problem.is_error for problem in marches.problems)


# -- shrinking ------------------------------------------------------------------------------------


def test_a_list_of_choices_shrinks_toward_its_first_and_a_set_toward_the_enumerations() -> None:
    def simplest_laterality(laterality: Any) -> Laterality:
        scheme: RepetitionScheme = _minimal(strategies.repetition_schemes(laterality=laterality))
        return scheme.laterality

    assert simplest_laterality(["affected-side", "bilateral"]) is Laterality.AFFECTED_SIDE
    assert simplest_laterality({"affected-side", "bilateral"}) is Laterality.BILATERAL
    # Two-sided work also draws its counting rule, so it is never simpler than one-sided work.
    assert simplest_laterality(["each-side", "bilateral"]) is Laterality.BILATERAL
    assert _minimal(strategies.steps(kind=("release", "move"))).kind is StepKind.RELEASE


def test_values_shrink_toward_the_simple() -> None:
    assert _minimal(strategies.holds()) == Hold.fixed(1)
    assert _minimal(strategies.holds(), lambda h: not h.fixed_length) == Hold(
        min_seconds=1, max_seconds=2
    )
    assert _minimal(strategies.holds(5.5, 9)) == Hold.fixed(6)
    assert _minimal(strategies.rests()) == Rest(text="a few seconds")
    assert _minimal(strategies.rests(), lambda r: r.quantified) == Rest(
        min_seconds=1, max_seconds=1
    )
    assert _minimal(strategies.repetition_schemes()) == RepetitionScheme(
        min_reps=1, max_reps=1, laterality=Laterality.BILATERAL
    )
    assert _minimal(strategies.repetition_schemes(), lambda s: s.open_ended) == (
        RepetitionScheme(min_reps=1, laterality=Laterality.BILATERAL)
    )
    assert _minimal(strategies.repetition_schemes(), lambda s: s.laterality.two_sided) == (
        RepetitionScheme(
            min_reps=1,
            max_reps=1,
            laterality=Laterality.ALTERNATING,
            counting=CountingRule.TOTAL,
        )
    )
    assert _minimal(strategies.steps()) == Step(
        text="Lie on your back with both knees bent and your feet flat.", kind=StepKind.SETUP
    )
    assert _minimal(strategies.equipment()) == Equipment(name="yoga mat", optional=False)
    assert _minimal(strategies.citations()) == Citation(title="Home exercise handout")
    assert _minimal(strategies.sets()) == Sets(min_sets=1, max_sets=1)
    assert _minimal(strategies.sets(), lambda s: s.rest is not None) == Sets(
        min_sets=1, max_sets=1, rest=Rest(text="a few seconds")
    )
    assert _minimal(strategies.timed_work()) == TimedWork.fixed(5)
    assert _minimal(strategies.loads()) == Load(kind=LoadKind.BODY_WEIGHT)
    assert _minimal(strategies.loads(), lambda load: load.quantified) == Load(
        kind=LoadKind.WEIGHT, min_amount=1, max_amount=1, unit=WeightUnit.KG
    )
    assert _minimal(strategies.efforts()) == Effort(text="to a gentle stretch, not pain")
    assert _minimal(strategies.efforts(), lambda e: e.min_rpe is not None) == Effort(
        min_rpe=0, max_rpe=0
    )
    assert _minimal(strategies.media()) == Media(
        uri="https://example.org/media/1.jpg", kind=MediaKind.IMAGE
    )
    assert _minimal(strategies.precautions()) == "Stop if the pain increases."
    assert _minimal(strategies.frequencies()) == Frequency(sessions_per_day=1, days_per_week=1)
    assert _minimal(strategies.pacings()) == Pacing()
    assert _minimal(strategies.pacings(), lambda p: p.move_seconds is not None) == Pacing(
        move_seconds=1
    )


def test_an_exercise_shrinks_to_two_steps_without_a_hold_done_once_bilaterally() -> None:
    assert _minimal(strategies.exercises()) == Exercise(
        id="hamstring-stretch",
        name="Hamstring stretch",
        steps=(
            Step(
                text="Lie on your back with both knees bent and your feet flat.",
                kind=StepKind.SETUP,
            ),
            Step(
                text="Lean gently into the stretch until you feel a mild pull.",
                kind=StepKind.MOVE,
            ),
        ),
        repetitions=RepetitionScheme(min_reps=1, max_reps=1, laterality=Laterality.BILATERAL),
        regions=("thigh",),
    )
    with_hold = _minimal(strategies.exercises(), lambda e: e.hold is not None)
    assert with_hold.hold == Hold.fixed(1)
    assert with_hold.steps[-1] == Step(text="Stay in the position for 1 second.", kind="hold")


def test_doses_shrink_to_the_documented_minimum_with_the_default_side() -> None:
    assert [_minimal(strategies.doses(exercise)) for exercise in catalog.all()] == [
        Dose(hold_seconds=15, reps=3, side=Side.LEFT),
        Dose(hold_seconds=20, reps=3, side=Side.BOTH),
        Dose(hold_seconds=2, reps=8, side=Side.BOTH),
    ]


def test_routine_items_and_routines_shrink_to_a_built_in_exercise_at_its_minimum() -> None:
    # Hypothesis' shrinker works within a budget of calls (ten times max_examples): from a
    # generated exercise it reliably reaches a built-in one, but not always that one's least dose
    # (about one run in thirty stops a repetition short), and inside a routine, which draws a few
    # hundred choices, not always the least dose, frequency or notes (measured: a repetition or
    # a hold's end short in about one run in fifteen, and no better at the base of issue 12 in
    # one run in forty). Only what it reliably reaches is asserted; the exact least dose is
    # asserted from the built-in pool, where it is reached.
    item = _minimal(strategies.routine_items(exercises=catalog.all()))
    assert (item.exercise, item.hold_seconds, item.reps, item.side, item.deviation) == (
        catalog.get("knees-to-chest"),
        20,
        3,
        Side.BOTH,
        None,
    )
    assert (item.sets, item.work_seconds, item.load) == (None, None, None)
    assert _minimal(strategies.routine_items()).exercise in catalog.all()
    routine = _minimal(strategies.routines(max_items=2, exercises=catalog.all()))
    assert (routine.name, len(routine.items), routine.weeks) == ("Home programme", 1, None)
    assert routine.items[0].exercise == catalog.get("knees-to-chest")


# -- bad arguments --------------------------------------------------------------------------------

E = catalog.get("knees-to-chest")

BAD_ARGUMENTS: list[tuple[Callable[..., object], dict[str, Any], str]] = [
    (strategies.holds, {"min_seconds": 0}, "min_seconds=0 must be a finite number > 0"),
    (strategies.holds, {"min_seconds": True}, "min_seconds=True must be a finite number > 0"),
    (strategies.holds, {"max_seconds": math.inf}, "max_seconds=inf must be a finite number > 0"),
    (strategies.holds, {"max_seconds": "20"}, "max_seconds='20' must be a finite number > 0"),
    (
        strategies.holds,
        {"min_seconds": 20, "max_seconds": 15},
        "max_seconds=15 must be >= min_seconds=20",
    ),
    (
        strategies.holds,
        {"granularity": "tenth"},
        "granularity='tenth' must be one of 'whole', 'half', 'any'",
    ),
    (
        strategies.holds,
        {"min_seconds": 1.2, "max_seconds": 1.8, "granularity": "whole"},
        (
            "no whole number of seconds lies between min_seconds=1.2 and max_seconds=1.8; widen "
            "the bounds or use granularity='any'"
        ),
    ),
    (
        strategies.holds,
        {"min_seconds": 1.1, "max_seconds": 1.4},
        (
            "no whole or half number of seconds lies between min_seconds=1.1 and "
            "max_seconds=1.4; widen the bounds or use granularity='any'"
        ),
    ),
    (
        strategies.holds,
        {"min_seconds": 5, "max_seconds": 5, "fixed": False},
        (
            "fixed=False needs two different values between min_seconds=5 and max_seconds=5 "
            "with granularity='half'"
        ),
    ),
    (strategies.holds, {"fixed": "yes"}, "fixed='yes' must be True, False or None"),
    (strategies.rests, {"quantified": 1}, "quantified=1 must be True, False or None"),
    (strategies.rests, {"max_seconds": -5}, "max_seconds=-5 must be a finite number > 0"),
    (
        strategies.repetition_schemes,
        {"min_reps": 0},
        "min_reps=0 must be a whole number >= 1 (an int)",
    ),
    (
        strategies.repetition_schemes,
        {"max_reps": 2.5},
        "max_reps=2.5 must be a whole number >= 1 (an int)",
    ),
    (
        strategies.repetition_schemes,
        {"min_reps": 5, "max_reps": 3},
        "max_reps=3 must be >= min_reps=5",
    ),
    (
        strategies.repetition_schemes,
        {"laterality": "both"},
        (
            "laterality='both' must be a Laterality (one of 'bilateral', 'affected-side', "
            "'alternating', 'each-side'), a non-empty collection of them, or None"
        ),
    ),
    (
        strategies.repetition_schemes,
        {"laterality": []},
        (
            "laterality=[] must be a Laterality (one of 'bilateral', 'affected-side', "
            "'alternating', 'each-side'), a non-empty collection of them, or None"
        ),
    ),
    (
        strategies.repetition_schemes,
        {"open_ended": "no"},
        "open_ended='no' must be True, False or None",
    ),
    (
        strategies.repetition_schemes,
        {"with_rest": 0},
        "with_rest=0 must be True, False or None",
    ),
    (
        strategies.repetition_schemes,
        {"open_ended": True, "up_to": True},
        "open_ended=True, up_to=True leave no shape of count to draw",
    ),
    (
        strategies.repetition_schemes,
        {"stated": False, "up_to": True},
        "up_to=True, stated=False leave no shape of count to draw",
    ),
    (strategies.repetition_schemes, {"stated": "no"}, "stated='no' must be True, False or None"),
    (strategies.sets, {"min_sets": 0}, "min_sets=0 must be a whole number >= 1 (an int)"),
    (strategies.sets, {"min_sets": 4, "max_sets": 2}, "max_sets=2 must be >= min_sets=4"),
    (strategies.sets, {"with_rest": "yes"}, "with_rest='yes' must be True, False or None"),
    (strategies.timed_work, {"min_seconds": -1}, "min_seconds=-1 must be a finite number > 0"),
    (
        strategies.timed_work,
        {"min_seconds": 60, "max_seconds": 30},
        "max_seconds=30 must be >= min_seconds=60",
    ),
    (
        strategies.loads,
        {"kind": "kettlebell"},
        (
            "kind='kettlebell' must be a LoadKind (one of 'body-weight', 'band', 'weight', "
            "'described'), a non-empty collection of them, or None"
        ),
    ),
    (
        strategies.loads,
        {"unit": "stone"},
        (
            "unit='stone' must be a WeightUnit (one of 'kg', 'lb'), a non-empty collection of "
            "them, or None"
        ),
    ),
    (
        strategies.loads,
        {"kind": "band", "quantified": True},
        "quantified=True needs the kind 'weight', the only load with amounts; kind allows 'band'",
    ),
    (strategies.loads, {"quantified": 1}, "quantified=1 must be True, False or None"),
    (strategies.efforts, {"min_rpe": -1}, "min_rpe=-1 must be a number from 0 to 10"),
    (strategies.efforts, {"max_rpe": 11}, "max_rpe=11 must be a number from 0 to 10"),
    (strategies.efforts, {"max_rpe": True}, "max_rpe=True must be a number from 0 to 10"),
    (strategies.efforts, {"min_rpe": 6, "max_rpe": 5}, "max_rpe=5 must be >= min_rpe=6"),
    (
        strategies.efforts,
        {"min_rpe": 2.1, "max_rpe": 2.4},
        "no whole or half point lies between min_rpe=2.1 and max_rpe=2.4",
    ),
    (strategies.efforts, {"rated": "yes"}, "rated='yes' must be True, False or None"),
    (
        strategies.media,
        {"kind": "audio"},
        (
            "kind='audio' must be a MediaKind (one of 'image', 'video'), a non-empty collection "
            "of them, or None"
        ),
    ),
    (strategies.exercises, {"with_sets": 1}, "with_sets=1 must be True, False or None"),
    (
        strategies.exercises,
        {"with_timed_work": "no"},
        "with_timed_work='no' must be True, False or None",
    ),
    (strategies.exercises, {"with_load": 0}, "with_load=0 must be True, False or None"),
    (strategies.exercises, {"with_effort": []}, "with_effort=[] must be True, False or None"),
    (
        strategies.exercises,
        {"open_ended": True, "stated": False},
        "open_ended=True, stated=False leave no shape of count to draw",
    ),
    (
        strategies.steps,
        {"kind": "stretch"},
        (
            "kind='stretch' must be a StepKind (one of 'setup', 'move', 'hold', 'release', "
            "'repeat'), a non-empty collection of them, or None"
        ),
    ),
    (
        strategies.exercises,
        {"ids": ["wall-sit"]},
        "ids=['wall-sit'] must be a Hypothesis strategy or None",
    ),
    (strategies.exercises, {"with_hold": 1}, "with_hold=1 must be True, False or None"),
    (
        strategies.exercises,
        {"laterality": 3},
        (
            "laterality=3 must be a Laterality (one of 'bilateral', 'affected-side', "
            "'alternating', 'each-side'), a non-empty collection of them, or None"
        ),
    ),
    (strategies.catalogs, {"min_size": -1}, "min_size=-1 must be a whole number >= 0 (an int)"),
    (strategies.catalogs, {"min_size": 3, "max_size": 2}, "max_size=2 must be >= min_size=3"),
    (
        strategies.catalogs,
        {"elements": catalog.all()},
        f"elements={catalog.all()!r} must be a Hypothesis strategy or None",
    ),
    (
        strategies.doses,
        {"exercise": "knees-to-chest"},
        "exercise='knees-to-chest' must be an Exercise",
    ),
    (
        strategies.doses,
        {"exercise": E, "deviations": None},
        "deviations=None must be True or False",
    ),
    (
        strategies.routine_items,
        {"exercises": []},
        (
            "exercises=[] must be a strategy of Exercise values, a non-empty sequence of "
            "Exercise values with unique ids, or None"
        ),
    ),
    (
        strategies.routine_items,
        {"exercises": "knees-to-chest"},
        (
            "exercises='knees-to-chest' must be a strategy of Exercise values, a non-empty "
            "sequence of Exercise values with unique ids, or None"
        ),
    ),
    (
        strategies.routine_items,
        {"deviations": "yes"},
        "deviations='yes' must be True or False",
    ),
    (strategies.routines, {"min_items": 0}, "min_items=0 must be a whole number >= 1 (an int)"),
    (strategies.routines, {"min_items": 4, "max_items": 2}, "max_items=2 must be >= min_items=4"),
    (
        strategies.routines,
        {"exercises": (E, attrs.evolve(E, name="Knee hug"))},
        (
            f"exercises={(E, attrs.evolve(E, name='Knee hug'))!r} must be a strategy of Exercise "
            "values, a non-empty sequence of Exercise values with unique ids, or None"
        ),
    ),
    (strategies.routines, {"deviations": 1}, "deviations=1 must be True or False"),
    (
        strategies.routines,
        {"exercises": frozenset(catalog.all()[:1])},
        (
            f"exercises={frozenset(catalog.all()[:1])!r} must be a strategy of Exercise values, "
            "a non-empty sequence of Exercise values with unique ids, or None"
        ),
    ),
]


@pytest.mark.parametrize(
    ("function", "arguments", "message"),
    BAD_ARGUMENTS,
    ids=[f"{function.__name__}-{'-'.join(arguments)}" for function, arguments, _ in BAD_ARGUMENTS],
)
def test_a_bad_argument_is_an_invalid_argument_naming_it(
    function: Callable[..., object], arguments: dict[str, Any], message: str
) -> None:
    with pytest.raises(InvalidArgument) as error:
        function(**arguments)
    assert str(error.value) == message


def test_a_strategy_of_something_else_is_an_invalid_argument_when_drawn() -> None:
    with pytest.raises(InvalidArgument) as error:
        _minimal(strategies.routine_items(exercises=st.just("knees-to-chest")))  # type: ignore[arg-type]
    assert str(error.value) == "exercises must generate Exercise values: 'knees-to-chest'"


# -- the module -----------------------------------------------------------------------------------


def test_every_public_strategy_is_documented() -> None:
    assert list(strategies.__all__) == sorted(strategies.__all__)
    undocumented = []
    for name in strategies.__all__:
        value = getattr(strategies, name)
        doc = inspect.getdoc(value) or ""
        if not re.search(r"^\.\. versionadded:: 0\.[12]\.0$", doc, flags=re.MULTILINE):
            undocumented.append(f"{name}: versionadded")
        if inspect.isfunction(value) and "Returns:" not in doc:
            undocumented.append(f"{name}: Returns")
        if inspect.isfunction(value) and inspect.signature(value).parameters and "Args:" not in doc:
            undocumented.append(f"{name}: Args")
    assert undocumented == []
    assert "Args:" in (inspect.getdoc(Dose.to_item) or "")


def test_importing_solpt_rehab_does_not_import_hypothesis() -> None:
    code = "import sys, solpt_rehab; print('hypothesis' in sys.modules)"
    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout == "False\n"


def test_without_hypothesis_the_module_says_which_extra_to_install() -> None:
    code = (
        "import sys\n"
        "sys.modules['hypothesis'] = None\n"
        "try:\n"
        "    import solpt_rehab.strategies\n"
        "except ImportError as error:\n"
        "    print(error)\n"
    )
    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout == (
        "solpt_rehab.strategies needs Hypothesis; install it with "
        "pip install 'solpt_rehab[hypothesis]'\n"
    )


#: The private modules of solpt_rehab.strategies, each of which imports only those before it.
LAYERS = (
    "_cached",
    "_arguments",
    "_vocabulary",
    "_doses",
    "_exercises",
    "_progressions",
    "_routines",
    "_logs",
    "_documents",
)


def test_the_package_defines_nothing_and_re_exports_its_private_modules() -> None:
    homes = {getattr(strategies, name).__module__ for name in strategies.__all__}
    assert homes <= {f"solpt_rehab.strategies.{layer}" for layer in LAYERS}


def test_the_private_modules_import_one_way_and_no_private_name() -> None:
    package = Path(strategies.__file__).parent
    assert sorted(path.stem for path in package.glob("_*.py") if path.stem != "__init__") == sorted(
        LAYERS
    )
    wrong = []
    for index, name in enumerate(LAYERS):
        tree = ast.parse((package / f"{name}.py").read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.ImportFrom) or node.level != 1:
                continue
            if node.module not in LAYERS[:index]:
                wrong.append(f"{name} imports {node.module}")
            wrong.extend(
                f"{name} imports {node.module}.{alias.name}"
                for alias in node.names
                if alias.name.startswith("_")
            )
    assert wrong == []
