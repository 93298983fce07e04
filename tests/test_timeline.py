"""Time: the duration of one session, its timeline of cues, and the text rendering."""

from __future__ import annotations

import inspect
import itertools
import math
import re
import runpy
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from routine_strategies import doses_inside, generated_exercises, holds, pacings, rests, routines
from solpt_rehab import (
    CountingRule,
    Cue,
    CueKind,
    Exercise,
    Hold,
    Interpretation,
    InvalidValueError,
    Laterality,
    Load,
    LoadKind,
    Pacing,
    RepetitionScheme,
    Rest,
    Routine,
    RoutineBuilder,
    RoutineError,
    RoutineItem,
    SessionDuration,
    Sets,
    Side,
    Step,
    StepKind,
    TimedWork,
    catalog,
    format_timeline,
    session_duration,
    session_timeline,
)
from solpt_rehab._model.rules import TEXT_LIMIT, show

ROOT = Path(__file__).resolve().parent.parent
L, R, B = Side.LEFT, Side.RIGHT, Side.BOTH
READY, HOLD, MOVE = CueKind.GET_READY, CueKind.HOLD, CueKind.MOVE
RELEASE, REST, SWITCH, NEXT = (
    CueKind.RELEASE,
    CueKind.REST,
    CueKind.SWITCH_SIDES,
    CueKind.NEXT_EXERCISE,
)

Row = tuple[float, float, CueKind, Side | None, bool, int | None, str]


def _rows(cues: tuple[Cue, ...]) -> list[Row]:
    return [
        (
            cue.start_seconds,
            cue.duration_seconds,
            cue.kind,
            cue.side,
            cue.interpreted,
            cue.repetition,
            cue.prompt,
        )
        for cue in cues
    ]


def _one(exercise: Exercise | str, **dose: object) -> Routine:
    return RoutineBuilder("r").add(exercise, **dose).build()  # type: ignore[arg-type]


def _exercise(
    laterality: Laterality,
    counting: CountingRule | None = None,
    *,
    hold: Hold | None = None,
    rest: Rest | None = None,
    min_reps: int = 1,
) -> Exercise:
    return Exercise(
        id="side-lift",
        name="Side lift",
        steps=(Step(text="Lift and hold.", kind=StepKind.HOLD if hold else StepKind.MOVE),),
        hold=hold,
        repetitions=RepetitionScheme(
            min_reps=min_reps, laterality=laterality, counting=counting, rest=rest
        ),
    )


# -- the three catalog exercises, exactly ---------------------------------------------------------


def test_the_figure_4_stretch_holds_on_the_painful_side_with_interpreted_releases() -> None:
    routine = _one("figure-4-stretch", side="left")
    release = "Release and come back to the start."
    assert _rows(session_timeline(routine)) == [
        (0, 10, READY, L, True, None, "Get ready: Figure-4 stretch, left side."),
        (10, 15, HOLD, L, False, 1, "Left side, hold 1 of 3: stay there for 15 seconds."),
        (25, 3, RELEASE, None, True, None, release),
        (28, 15, HOLD, L, False, 2, "Left side, hold 2 of 3: stay there for 15 seconds."),
        (43, 3, RELEASE, None, True, None, release),
        (46, 15, HOLD, L, False, 3, "Left side, hold 3 of 3: stay there for 15 seconds."),
    ]
    assert session_duration(routine) == SessionDuration(min_seconds=54, max_seconds=70)


def test_the_knees_to_chest_rest_of_a_few_seconds_is_marked_interpreted() -> None:
    routine = _one("knees-to-chest")
    rest = "Relax and rest for a few seconds."
    assert _rows(session_timeline(routine)) == [
        (0, 10, READY, B, True, None, "Get ready: Knees-to-chest stretch."),
        (10, 20, HOLD, B, False, 1, "Hold 1 of 3: stay there for 20 seconds."),
        (30, 3, REST, None, True, None, rest),
        (33, 20, HOLD, B, False, 2, "Hold 2 of 3: stay there for 20 seconds."),
        (53, 3, REST, None, True, None, rest),
        (56, 20, HOLD, B, False, 3, "Hold 3 of 3: stay there for 20 seconds."),
    ]
    assert session_duration(routine) == SessionDuration(min_seconds=69, max_seconds=85)


def test_the_lying_march_alternates_from_the_right_with_eight_lifts_in_all() -> None:
    routine = _one("lying-march")
    to_left = "Release and come back to the start. Next, your left side."
    to_right = "Release and come back to the start. Next, your right side."
    expected: list[Row] = [
        (0, 10, READY, R, True, None, "Get ready: Lying march, starting on the right.")
    ]
    start = 10
    for number in range(1, 9):
        side = R if number % 2 else L
        if number > 1:
            expected.append(
                (start, 3, RELEASE, side, True, None, to_left if side is L else to_right)
            )
            start += 3
        prompt = f"{side.value.capitalize()} side, hold {number} of 8: stay there for 2 seconds."
        expected.append((start, 2, HOLD, side, False, number, prompt))
        start += 2
    assert _rows(session_timeline(routine)) == expected
    assert session_timeline(routine)[-1].end_seconds == 47
    assert session_duration(routine) == SessionDuration(min_seconds=35, max_seconds=66)


def test_the_lying_march_may_lead_with_the_left_foot() -> None:
    sides = [
        cue.side for cue in session_timeline(_one("lying-march", side="left")) if cue.kind is HOLD
    ]
    assert sides == [L, R, L, R, L, R, L, R]


def test_items_after_the_first_open_with_next_exercise() -> None:
    routine = (
        RoutineBuilder("r").add("knees-to-chest", reps=3).add("figure-4-stretch", side="right")
    )
    cues = session_timeline(routine.build())
    assert [(cue.start_seconds, cue.kind, cue.exercise_id, cue.side) for cue in cues[5:8]] == [
        (56, HOLD, "knees-to-chest", B),
        (76, NEXT, "figure-4-stretch", R),
        (91, HOLD, "figure-4-stretch", R),
    ]
    assert cues[6].prompt == "Next exercise: Figure-4 stretch, right side. Get into position."
    assert cues[6].interpreted


# -- laterality and counting rules, exactly -------------------------------------------------------


def _plan(routine: Routine) -> list[tuple[CueKind, Side | None, int | None, float, bool]]:
    return [
        (cue.kind, cue.side, cue.repetition, cue.duration_seconds, cue.interpreted)
        for cue in session_timeline(routine)
    ]


def test_each_side_counted_in_total_gives_the_leading_side_the_extra_one() -> None:
    exercise = _exercise(
        Laterality.EACH_SIDE,
        CountingRule.TOTAL,
        hold=Hold.fixed(30),
        rest=Rest(min_seconds=10, max_seconds=20),
    )
    routine = _one(exercise, reps=5, side="left")
    assert _plan(routine) == [
        (READY, L, None, 10, True),
        (HOLD, L, 1, 30, False),
        (REST, None, None, 10, False),
        (HOLD, L, 2, 30, False),
        (REST, None, None, 10, False),
        (HOLD, L, 3, 30, False),
        (SWITCH, R, None, 5, True),
        (HOLD, R, 4, 30, False),
        (REST, None, None, 10, False),
        (HOLD, R, 5, 30, False),
    ]
    assert session_timeline(routine)[2].prompt == "Relax and rest for 10 seconds."
    assert session_timeline(routine)[6].prompt == "Switch sides: set up on your right side."
    assert session_duration(routine) == SessionDuration(
        min_seconds=5 + 150 + 30 + 3, max_seconds=15 + 150 + 60 + 10
    )


def test_each_side_counted_per_side_does_every_repetition_on_each_side() -> None:
    exercise = _exercise(Laterality.EACH_SIDE, CountingRule.PER_SIDE, hold=Hold.fixed(5))
    routine = _one(exercise, reps=2)
    assert _plan(routine) == [
        (READY, R, None, 10, True),
        (HOLD, R, 1, 5, False),
        (RELEASE, None, None, 3, True),
        (HOLD, R, 2, 5, False),
        (SWITCH, L, None, 5, True),
        (HOLD, L, 1, 5, False),
        (RELEASE, None, None, 3, True),
        (HOLD, L, 2, 5, False),
    ]
    assert session_timeline(routine)[0].prompt == "Get ready: Side lift, starting on the right."


def test_each_side_with_a_single_repetition_in_total_works_the_leading_side_only() -> None:
    exercise = _exercise(Laterality.EACH_SIDE, CountingRule.TOTAL, hold=Hold.fixed(5))
    assert _plan(_one(exercise, reps=1)) == [(READY, R, None, 10, True), (HOLD, R, 1, 5, False)]


def test_alternating_counted_per_side_numbers_each_side_and_rests_as_documented() -> None:
    exercise = _exercise(
        Laterality.ALTERNATING,
        CountingRule.PER_SIDE,
        hold=Hold.fixed(2),
        rest=Rest(text="a moment"),
    )
    routine = _one(exercise, reps=2)
    assert _plan(routine) == [
        (READY, R, None, 10, True),
        (HOLD, R, 1, 2, False),
        (REST, L, None, 3, True),
        (HOLD, L, 1, 2, False),
        (REST, R, None, 3, True),
        (HOLD, R, 2, 2, False),
        (REST, L, None, 3, True),
        (HOLD, L, 2, 2, False),
    ]
    assert (
        session_timeline(routine)[2].prompt == "Relax and rest for a moment. Next, your left side."
    )


def test_an_exercise_without_a_hold_moves_for_an_interpreted_time() -> None:
    exercise = _exercise(Laterality.ALTERNATING, CountingRule.TOTAL)
    routine = _one(exercise, reps=3)
    assert _plan(routine) == [
        (READY, R, None, 10, True),
        (MOVE, R, 1, 3, True),
        (RELEASE, L, None, 3, True),
        (MOVE, L, 2, 3, True),
        (RELEASE, R, None, 3, True),
        (MOVE, R, 3, 3, True),
    ]
    assert (
        session_timeline(routine)[1].prompt
        == "Right side, repetition 1 of 3: move steadily out and back."
    )
    bilateral = _one(_exercise(Laterality.BILATERAL), reps=1)
    assert session_timeline(bilateral)[1].prompt == "Repetition 1 of 1: move steadily out and back."
    assert session_duration(bilateral) == SessionDuration(min_seconds=7, max_seconds=19)


def test_an_unprescribed_hold_plays_the_minimum_and_allows_for_the_documented_range() -> None:
    item = RoutineItem(exercise=catalog.get("knees-to-chest"), reps=3, side="both")
    routine = Routine(name="r", items=(item,))
    assert [cue.duration_seconds for cue in session_timeline(routine) if cue.kind is HOLD] == [
        20,
        20,
        20,
    ]
    assert session_duration(routine) == SessionDuration(min_seconds=69, max_seconds=15 + 90 + 10)
    assert "hold 20-30 s (not prescribed)" in format_timeline(routine)


def test_a_one_second_hold_is_said_in_the_singular() -> None:
    exercise = _exercise(Laterality.BILATERAL, hold=Hold(min_seconds=1, max_seconds=2))
    assert session_timeline(_one(exercise))[1].prompt == "Hold 1 of 1: stay there for 1 second."


# -- sets, timed work and load (issue 12) ---------------------------------------------------------

WORK, SET_REST = CueKind.WORK, CueKind.SET_REST


def _band_pull_apart() -> Exercise:
    """The issue's "2 sets of 10, hold 5 s, light band"."""
    return Exercise(
        id="band-pull-apart",
        name="Band pull-apart",
        steps=(Step(text="Pull the band apart and hold.", kind=StepKind.HOLD),),
        hold=Hold.fixed(5),
        repetitions=RepetitionScheme(min_reps=10, max_reps=10, laterality=Laterality.BILATERAL),
        sets=Sets(min_sets=2, max_sets=2),
        load=Load(kind=LoadKind.BAND, level="light"),
    )


def _march_on_the_spot() -> Exercise:
    """The issue's "march on the spot for 30-60 s, each side", with no count stated."""
    return Exercise(
        id="march-on-the-spot",
        name="March on the spot",
        steps=(Step(text="March on the spot, lifting your knees.", kind=StepKind.MOVE),),
        repetitions=RepetitionScheme(
            laterality=Laterality.EACH_SIDE, counting=CountingRule.PER_SIDE
        ),
        timed_work=TimedWork(min_seconds=30, max_seconds=60),
    )


def _sets_of(cues: tuple[Cue, ...]) -> list[int | None]:
    return [cue.set_number for cue in cues]


def test_two_sets_of_ten_with_a_five_second_hold_and_a_light_band_twice_a_day() -> None:
    routine = RoutineBuilder("Shoulders", sessions_per_day=2).add(_band_pull_apart()).build()
    release = "Release and come back to the start."
    expected: list[Row] = [
        (0, 10, READY, B, True, None, "Get ready: Band pull-apart. Load: light band.")
    ]
    start = 10
    for set_number in (1, 2):
        if set_number == 2:
            expected.append(
                (start, 30, SET_REST, None, True, None, "Take a break before set 2 of 2.")
            )
            start += 30
        for number in range(1, 11):
            if number > 1:
                expected.append((start, 3, RELEASE, None, True, None, release))
                start += 3
            announce = f"Set {set_number} of 2. " if number == 1 else ""
            prompt = f"{announce}Hold {number} of 10: stay there for 5 seconds."
            expected.append((start, 5, HOLD, B, False, number, prompt))
            start += 5
    cues = session_timeline(routine)
    assert _rows(cues) == expected
    assert _sets_of(cues) == [None] + [1] * 19 + [2] * 20
    assert cues[-1].end_seconds == 10 + 2 * (10 * 5 + 9 * 3) + 30 == 194
    assert session_duration(routine) == SessionDuration(
        min_seconds=5 + 20 * 5 + 18 * 2 + 15, max_seconds=15 + 20 * 5 + 18 * 5 + 60
    )
    assert format_timeline(routine).splitlines()[1:3] == [
        "2 sessions a day, 7 days a week, no set end",
        (
            "  1. Band pull-apart (band-pull-apart): hold 5 s, 2 sets of 10 reps, "
            "both sides together, light band"
        ),
    ]


def test_marching_on_the_spot_each_side_counts_down_timed_work_on_each_side() -> None:
    routine = _one(_march_on_the_spot(), reps=1)
    assert _rows(session_timeline(routine)) == [
        (0, 10, READY, R, True, None, "Get ready: March on the spot, starting on the right."),
        (10, 30, WORK, R, False, 1, "Right side, repetition 1 of 1: keep moving for 30 seconds."),
        (40, 5, SWITCH, L, True, None, "Switch sides: set up on your left side."),
        (45, 30, WORK, L, False, 1, "Left side, repetition 1 of 1: keep moving for 30 seconds."),
    ]
    assert _sets_of(session_timeline(routine)) == [None] * 4
    assert session_duration(routine) == SessionDuration(min_seconds=68, max_seconds=85)
    assert format_timeline(routine).splitlines()[2] == (
        "  1. March on the spot (march-on-the-spot): work 30 s, 1 rep per side, each-side, "
        "right first"
    )


def test_timed_work_not_prescribed_plays_the_least_and_allows_for_the_documented_range() -> None:
    item = RoutineItem(exercise=_march_on_the_spot(), reps=1, side="left")
    routine = Routine(name="r", items=(item,))
    cues = session_timeline(routine)
    assert [(cue.kind, cue.side, cue.duration_seconds) for cue in cues if cue.kind is WORK] == [
        (WORK, L, 30),
        (WORK, R, 30),
    ]
    assert cues[-1].end_seconds == 75
    assert session_duration(routine) == SessionDuration(
        min_seconds=5 + 30 + 3 + 30, max_seconds=15 + 60 + 10 + 60
    )
    assert "work 30-60 s (not prescribed)" in format_timeline(routine)
    prescribed = _one(_march_on_the_spot(), reps=1, work_seconds=45)
    assert [cue.duration_seconds for cue in session_timeline(prescribed)] == [10, 45, 5, 45]
    assert session_duration(prescribed) == SessionDuration(min_seconds=98, max_seconds=115)


def test_sets_of_each_side_work_rest_as_documented_and_start_each_set_on_the_leading_side() -> None:
    exercise = attrs.evolve(
        _exercise(Laterality.EACH_SIDE, CountingRule.PER_SIDE, hold=Hold.fixed(10)),
        sets=Sets(min_sets=2, max_sets=3, rest=Rest(min_seconds=30, max_seconds=60)),
    )
    routine = _one(exercise, reps=1, sets=2)
    cues = session_timeline(routine)
    assert _rows(cues) == [
        (0, 10, READY, R, True, None, "Get ready: Side lift, starting on the right."),
        (
            10,
            10,
            HOLD,
            R,
            False,
            1,
            "Set 1 of 2. Right side, hold 1 of 1: stay there for 10 seconds.",
        ),
        (20, 5, SWITCH, L, True, None, "Switch sides: set up on your left side."),
        (25, 10, HOLD, L, False, 1, "Left side, hold 1 of 1: stay there for 10 seconds."),
        (
            35,
            30,
            SET_REST,
            R,
            False,
            None,
            "Relax and rest for 30 seconds before set 2 of 2. Next, your right side.",
        ),
        (
            65,
            10,
            HOLD,
            R,
            False,
            1,
            "Set 2 of 2. Right side, hold 1 of 1: stay there for 10 seconds.",
        ),
        (75, 5, SWITCH, L, True, None, "Switch sides: set up on your left side."),
        (80, 10, HOLD, L, False, 1, "Left side, hold 1 of 1: stay there for 10 seconds."),
    ]
    assert _sets_of(cues) == [None, 1, 1, 1, 2, 2, 2, 2]
    assert session_duration(routine) == SessionDuration(
        min_seconds=5 + 40 + 2 * 3 + 30, max_seconds=15 + 40 + 2 * 10 + 60
    )
    assert format_timeline(routine).splitlines()[2] == (
        "  1. Side lift (side-lift): hold 10 s, 2 sets of 1 rep per side, each-side, right first"
    )


def test_a_rest_between_sets_without_a_number_plays_a_working_interpretation() -> None:
    exercise = attrs.evolve(
        _exercise(Laterality.BILATERAL), sets=Sets(min_sets=3, rest=Rest(text="a minute or so"))
    )
    routine = _one(exercise)
    cues = session_timeline(routine)
    assert _rows(cues) == [
        (0, 10, READY, B, True, None, "Get ready: Side lift."),
        (10, 3, MOVE, B, True, 1, "Set 1 of 3. Repetition 1 of 1: move steadily out and back."),
        (
            13,
            30,
            SET_REST,
            None,
            True,
            None,
            "Relax and rest for a minute or so before set 2 of 3.",
        ),
        (43, 3, MOVE, B, True, 1, "Set 2 of 3. Repetition 1 of 1: move steadily out and back."),
        (
            46,
            30,
            SET_REST,
            None,
            True,
            None,
            "Relax and rest for a minute or so before set 3 of 3.",
        ),
        (76, 3, MOVE, B, True, 1, "Set 3 of 3. Repetition 1 of 1: move steadily out and back."),
    ]
    assert _sets_of(cues) == [None, 1, 2, 2, 3, 3]
    assert session_duration(routine) == SessionDuration(
        min_seconds=5 + 3 * 2 + 2 * 15, max_seconds=15 + 3 * 4 + 2 * 60
    )
    pacing = Pacing(vague_set_rest_seconds=45, between_sets_seconds=1)
    assert [cue.duration_seconds for cue in session_timeline(routine, pacing)] == [
        10,
        3,
        45,
        3,
        45,
        3,
    ]
    assert session_duration(routine, pacing) == SessionDuration(min_seconds=101, max_seconds=117)
    assert format_timeline(routine).splitlines()[2] == (
        "  1. Side lift (side-lift): 3 sets of 1 rep, both sides together"
    )


def test_sets_without_a_documented_rest_take_an_interpreted_break() -> None:
    exercise = attrs.evolve(
        _exercise(Laterality.AFFECTED_SIDE, hold=Hold.fixed(5)), sets=Sets(min_sets=2)
    )
    routine = _one(exercise, side="left")
    assert _plan(routine) == [
        (READY, L, None, 10, True),
        (HOLD, L, 1, 5, False),
        (SET_REST, None, None, 30, True),
        (HOLD, L, 1, 5, False),
    ]
    assert session_timeline(routine)[2].prompt == "Take a break before set 2 of 2."
    assert [
        cue.duration_seconds for cue in session_timeline(routine, Pacing(between_sets_seconds=20))
    ] == [10, 5, 20, 5]
    assert session_duration(routine) == SessionDuration(min_seconds=30, max_seconds=85)


def test_one_set_says_no_set_and_has_no_rest_between_sets() -> None:
    exercise = attrs.evolve(
        _exercise(Laterality.BILATERAL, hold=Hold.fixed(5)),
        sets=Sets(min_sets=1, max_sets=3, rest=Rest(min_seconds=30, max_seconds=30)),
    )
    routine = _one(exercise, reps=2)
    assert _plan(routine) == [
        (READY, B, None, 10, True),
        (HOLD, B, 1, 5, False),
        (RELEASE, None, None, 3, True),
        (HOLD, B, 2, 5, False),
    ]
    assert _sets_of(session_timeline(routine)) == [None] * 4
    assert session_timeline(routine)[1].prompt == "Hold 1 of 2: stay there for 5 seconds."
    assert "hold 5 s, 1 set of 2 reps, both sides together" in format_timeline(routine)
    unstated = _one(_exercise(Laterality.BILATERAL, hold=Hold.fixed(5)), reps=2, sets=2)
    assert [cue.kind for cue in session_timeline(unstated)] == [
        READY,
        HOLD,
        RELEASE,
        HOLD,
        SET_REST,
        HOLD,
        RELEASE,
        HOLD,
    ]


def test_timed_work_and_a_hold_in_one_repetition_play_the_work_then_the_hold() -> None:
    exercise = Exercise(
        id="step-up",
        name="Step-up",
        steps=(
            Step(text="Step up and down.", kind=StepKind.MOVE),
            Step(text="Stand on one leg.", kind=StepKind.HOLD),
        ),
        hold=Hold.fixed(5),
        timed_work=TimedWork.fixed(20),
        repetitions=RepetitionScheme(
            min_reps=2, laterality=Laterality.ALTERNATING, counting=CountingRule.TOTAL
        ),
    )
    routine = _one(exercise, reps=2)
    assert _rows(session_timeline(routine)) == [
        (0, 10, READY, R, True, None, "Get ready: Step-up, starting on the right."),
        (10, 20, WORK, R, False, 1, "Right side, repetition 1 of 2: keep moving for 20 seconds."),
        (30, 5, HOLD, R, False, 1, "Right side, hold 1 of 2: stay there for 5 seconds."),
        (
            35,
            3,
            RELEASE,
            L,
            True,
            None,
            "Release and come back to the start. Next, your left side.",
        ),
        (38, 20, WORK, L, False, 2, "Left side, repetition 2 of 2: keep moving for 20 seconds."),
        (58, 5, HOLD, L, False, 2, "Left side, hold 2 of 2: stay there for 5 seconds."),
    ]
    assert "hold 5 s, work 20 s, 2 reps in all" in format_timeline(routine)


def test_the_opening_cue_names_the_load_to_pick_up() -> None:
    weight = attrs.evolve(
        _exercise(Laterality.EACH_SIDE, CountingRule.TOTAL, hold=Hold.fixed(5)),
        load=Load(kind=LoadKind.WEIGHT, min_amount=1, max_amount=2, unit="kg"),
    )
    bottle = Load(kind=LoadKind.DESCRIBED, text="a full water bottle")
    routine = (
        RoutineBuilder("r")
        .add(
            attrs.evolve(
                _exercise(Laterality.BILATERAL), id="bridge", load=Load(kind="body-weight")
            )
        )
        .add(weight)
        .build()
    )
    cues = session_timeline(routine)
    assert [cue.prompt for cue in cues if cue.kind in (READY, NEXT)] == [
        "Get ready: Side lift.",
        "Next exercise: Side lift, starting on the right. Get into position. Load: 1 kg.",
    ]
    lines = format_timeline(routine).splitlines()
    assert lines[2:4] == [
        "  1. Side lift (bridge): 1 rep, both sides together, body weight",
        "  2. Side lift (side-lift): hold 5 s, 1 rep in all, each-side, right first, 1 kg",
    ]
    described = _one(weight, load=bottle, deviation="no weights at home")
    assert session_timeline(described)[0].prompt == (
        "Get ready: Side lift, starting on the right. Load: a full water bottle."
    )


def test_a_session_whose_sets_add_up_too_long_to_time_is_refused() -> None:
    exercise = attrs.evolve(
        _exercise(Laterality.BILATERAL, hold=Hold(min_seconds=1, max_seconds=1e308)),
        sets=Sets(min_sets=1, max_sets=2),
    )
    assert session_timeline(_one(exercise, hold_seconds=1e308))[-1].end_seconds == 10 + 1e308
    routine = _one(exercise, hold_seconds=1e308, sets=2)
    message = "routine 'r' is too long to time: its cues add up beyond the range of a 64-bit float"
    for timing in (session_timeline, session_duration, format_timeline):
        with pytest.raises(InvalidValueError) as error:
            timing(routine)
        assert str(error.value) == message


@st.composite
def _dosed_routines(draw: st.DrawFn) -> Routine:
    """A one-item routine whose exercise may document sets (with any rest) and timed work."""
    exercise = draw(generated_exercises())
    sets = draw(
        st.none()
        | st.builds(
            lambda low, extra, rest: Sets(min_sets=low, max_sets=low + extra, rest=rest),
            st.integers(min_value=1, max_value=3),
            st.integers(min_value=0, max_value=1),
            rests,
        )
    )
    work = draw(
        st.none()
        | holds().map(lambda h: TimedWork(min_seconds=h.min_seconds, max_seconds=h.max_seconds))
    )
    exercise = attrs.evolve(exercise, sets=sets, timed_work=work)
    dose = draw(doses_inside(exercise))
    if sets is None:
        dose["sets"] = draw(st.none() | st.integers(min_value=1, max_value=3))
    elif draw(st.booleans()):
        dose["sets"] = draw(st.integers(min_value=sets.min_sets, max_value=sets.max_sets))
    if work is not None and draw(st.booleans()):
        dose["work_seconds"] = draw(
            st.floats(min_value=work.min_seconds, max_value=work.max_seconds)
        )
    routine = RoutineBuilder("r").add(exercise, **dose).build()
    if draw(st.booleans()):  # doses left out, as a document or a hand-made item may leave them
        item = attrs.evolve(routine.items[0], sets=None, work_seconds=None)
        routine = attrs.evolve(routine, items=(item,))
    return routine


@given(_dosed_routines(), pacings)
def test_sets_and_timed_work_stay_within_the_duration(routine: Routine, pacing: Pacing) -> None:
    cues = session_timeline(routine, pacing)
    assert cues[-1].end_seconds in session_duration(routine, pacing)
    for previous, cue in itertools.pairwise(cues):
        assert cue.start_seconds == previous.end_seconds


@given(_dosed_routines())
def test_every_set_plays_every_repetition_and_rests_between_sets(routine: Routine) -> None:
    [item] = routine.items
    exercise = item.exercise
    cues = session_timeline(routine)
    documented = 1 if exercise.sets is None else exercise.sets.min_sets  # a set left out
    sets = documented if item.sets is None else item.sets
    set_rests = [cue for cue in cues if cue.kind is SET_REST]
    assert len(set_rests) == sets - 1
    assert cues[0].set_number is None
    numbers = _sets_of(cues[1:])
    assert numbers == sorted(numbers, key=lambda n: n or 0)
    if sets == 1:
        assert set(numbers) == {None}
    else:
        assert [cue.set_number for cue in set_rests] == list(range(2, sets + 1))
        assert set(numbers) == set(range(1, sets + 1))
        rest = None if exercise.sets is None else exercise.sets.rest
        assert {cue.interpreted for cue in set_rests} == {rest is None or not rest.quantified}
    groups: dict[int | None, list[tuple[CueKind, Side | None, int | None, float]]] = {}
    for cue in cues[1:]:
        if cue.kind in (WORK, HOLD, MOVE):
            groups.setdefault(cue.set_number, []).append(
                (cue.kind, cue.side, cue.repetition, cue.duration_seconds)
            )
    first, *others = groups.values()
    assert all(other == first for other in others)
    kinds = {kind for kind, *_ in first}
    assert (WORK in kinds, HOLD in kinds) == (
        exercise.timed_work is not None,
        exercise.hold is not None,
    )
    assert (MOVE in kinds) is (exercise.timed_work is None and exercise.hold is None)
    per_side = exercise.repetitions.counting is CountingRule.PER_SIDE
    for kind in kinds:  # one cue of each kind per repetition
        repetitions = [entry for entry in first if entry[0] is kind]
        assert len(repetitions) == (2 * item.reps if per_side else item.reps)
    if item.work_seconds is not None:
        assert {duration for kind, *_, duration in first if kind is WORK} == {item.work_seconds}


# -- the working interpretations and their overrides ----------------------------------------------


def test_the_working_interpretations_are_ranges_around_what_a_timer_plays() -> None:
    assert [
        (i.name, i.keyword, i.min_seconds, i.seconds, i.max_seconds) for i in Interpretation
    ] == [
        ("GET_READY", "get_ready_seconds", 5, 10, 15),
        ("NEXT_EXERCISE", "next_exercise_seconds", 10, 15, 30),
        ("RELEASE", "release_seconds", 2, 3, 5),
        ("VAGUE_REST", "vague_rest_seconds", 2, 3, 5),
        ("SWITCH_SIDES", "switch_sides_seconds", 3, 5, 10),
        ("MOVE", "move_seconds", 2, 3, 4),
        ("BETWEEN_SETS", "between_sets_seconds", 15, 30, 60),
        ("VAGUE_SET_REST", "vague_set_rest_seconds", 15, 30, 60),
    ]
    for interpretation in Interpretation:
        assert 0 < interpretation.min_seconds <= interpretation.seconds
        assert interpretation.seconds <= interpretation.max_seconds
        assert interpretation.covers


def test_every_interpretation_can_be_overridden_by_its_keyword() -> None:
    keywords = [field.name for field in attrs.fields(Pacing)]
    assert keywords == [interpretation.keyword for interpretation in Interpretation]


@pytest.mark.parametrize(
    "function", [session_duration, session_timeline, format_timeline], ids=lambda f: f.__name__
)
def test_every_session_function_takes_the_routine_and_one_pacing(function: object) -> None:
    parameters = inspect.signature(function).parameters  # type: ignore[arg-type]
    assert [(name, p.default) for name, p in parameters.items()] == [
        ("routine", inspect.Parameter.empty),
        ("pacing", None),
    ]


def test_an_override_pins_the_interpretation_in_duration_and_timeline() -> None:
    routine = _one("knees-to-chest")
    slow_rest = Pacing(vague_rest_seconds=5.5)
    assert [cue.duration_seconds for cue in session_timeline(routine, slow_rest)] == [
        10,
        20,
        5.5,
        20,
        5.5,
        20,
    ]
    pinned = session_duration(routine, Pacing(vague_rest_seconds=5.5, get_ready_seconds=1))
    assert pinned == SessionDuration(min_seconds=72, max_seconds=72)
    assert session_timeline(routine, slow_rest)[2].interpreted


def test_no_pacing_and_an_empty_pacing_keep_every_working_interpretation() -> None:
    routine = _one("lying-march")
    assert session_timeline(routine, Pacing()) == session_timeline(routine)
    assert session_duration(routine, Pacing()) == session_duration(routine)
    assert format_timeline(routine, Pacing()) == format_timeline(routine)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (0, "'release_seconds' must be > 0: 0"),
        (-2.5, "'release_seconds' must be > 0: -2.5"),
        (math.inf, "'release_seconds' must be finite: Infinity"),
        (True, "'release_seconds' must be a number or null: true"),
        ("3", "'release_seconds' must be a number or null: '3'"),
    ],
)
def test_a_meaningless_override_is_refused(value: object, message: str) -> None:
    with pytest.raises(InvalidValueError) as error:
        Pacing(release_seconds=value)  # type: ignore[arg-type]
    assert str(error.value) == message
    with pytest.raises(InvalidValueError) as error:
        attrs.evolve(Pacing(), release_seconds=value)  # type: ignore[arg-type]
    assert str(error.value) == message


@pytest.mark.parametrize("keyword", [interpretation.keyword for interpretation in Interpretation])
def test_pacing_checks_every_field(keyword: str) -> None:
    for value, requirement in [
        (0, "be > 0"),
        (-1.5, "be > 0"),
        (math.nan, "be finite"),
        (-math.inf, "be finite"),
        (False, "be a number or null"),
        (None, None),
        (0.25, None),
        (90, None),
    ]:
        if requirement is None:
            assert getattr(Pacing(**{keyword: value}), keyword) == value
            continue
        with pytest.raises(InvalidValueError) as error:
            Pacing(**{keyword: value})
        assert str(error.value) == f"{keyword!r} must {requirement}: {show(value)}"


def test_a_pacing_is_an_immutable_value_equal_by_its_lengths() -> None:
    pacing = Pacing(get_ready_seconds=30, vague_rest_seconds=5)
    assert pacing == Pacing(vague_rest_seconds=5, get_ready_seconds=30)
    assert pacing == Pacing(get_ready_seconds=30.0, vague_rest_seconds=5, move_seconds=None)
    assert pacing != Pacing(get_ready_seconds=30)
    assert pacing != Pacing()
    assert hash(pacing) == hash(Pacing(vague_rest_seconds=5, get_ready_seconds=30))
    assert Pacing() == Pacing(**{i.keyword: None for i in Interpretation})
    assert attrs.evolve(pacing, vague_rest_seconds=None) == Pacing(get_ready_seconds=30)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        pacing.move_seconds = 4  # type: ignore[misc]
    with pytest.raises(TypeError):
        Pacing(30)  # type: ignore[call-arg]


def test_a_pacing_of_the_wrong_type_is_refused() -> None:
    routine = _one("figure-4-stretch", side="right")
    given = {"release_seconds": 5}
    for function in (session_duration, session_timeline, format_timeline):
        with pytest.raises(InvalidValueError) as error:
            function(routine, given)  # type: ignore[arg-type]
        assert str(error.value) == "'pacing' must be a Pacing or None: {'release_seconds': 5}"


# -- the values -----------------------------------------------------------------------------------


def test_a_session_duration_contains_and_writes_its_range() -> None:
    duration = SessionDuration(min_seconds=54, max_seconds=250.25)
    assert (54 in duration, 250.25 in duration, 251 in duration, True in duration) == (
        True,
        True,
        False,
        False,
    )
    assert "54" not in duration
    assert str(duration) == "54 s to 4 min 10.2 s"
    assert str(SessionDuration(min_seconds=120, max_seconds=120)) == "2 min"
    with pytest.raises(InvalidValueError) as error:
        SessionDuration(min_seconds=10, max_seconds=5)
    assert str(error.value) == "'max_seconds' must be >= 'min_seconds' (10): 5"
    with pytest.raises(InvalidValueError) as error:
        SessionDuration(min_seconds=-1, max_seconds=5)
    assert str(error.value) == "'min_seconds' must be >= 0: -1"


def test_a_cue_checks_its_fields_and_converts_strings() -> None:
    cue = Cue(
        start_seconds=0,
        duration_seconds=2,
        kind="switch-sides",
        exercise_id="lying-march",
        side="left",
        prompt="Switch.",
        interpreted=True,
    )
    assert (cue.kind, cue.side, cue.repetition, cue.set_number, cue.end_seconds) == (
        SWITCH,
        L,
        None,
        None,
        2,
    )
    assert str(cue.kind) == "switch-sides"
    bad: list[tuple[dict[str, Any], str]] = [
        ({"duration_seconds": 0}, "'duration_seconds' must be > 0: 0"),
        ({"start_seconds": -1}, "'start_seconds' must be >= 0: -1"),
        (
            {"kind": "jump"},
            "'kind' must be one of " + ", ".join(repr(k.value) for k in CueKind) + ": 'jump'",
        ),
        ({"interpreted": 1}, "'interpreted' must be true or false: 1"),
        ({"repetition": 0}, "'repetition' must be > 0: 0"),
        ({"repetition": 1.0}, "'repetition' must be a whole number: 1.0"),
        ({"set_number": 0}, "'set_number' must be > 0: 0"),
        ({"set_number": True}, "'set_number' must be a whole number or null: true"),
    ]
    for change, message in bad:
        with pytest.raises(InvalidValueError) as error:
            attrs.evolve(cue, **change)
        assert str(error.value) == message


def test_a_session_too_long_to_time_is_a_library_error() -> None:
    routine = _one("knees-to-chest", hold_seconds=1.5e308, deviation="a thought experiment")
    message = "routine 'r' is too long to time: its cues add up beyond the range of a 64-bit float"
    for timing in (session_timeline, session_duration):
        with pytest.raises(InvalidValueError) as error:
            timing(routine)
        assert str(error.value) == message


# -- the text -------------------------------------------------------------------------------------


def test_format_timeline_writes_the_routine_its_warnings_and_its_cues() -> None:
    routine = (
        RoutineBuilder("Trial", sessions_per_day=2, days_per_week=1, weeks=1)
        .add("knees-to-chest", hold_seconds=32.5, reps=1, deviation="tolerates longer holds")
        .add("lying-march", reps=2, side="left", deviation="a first try")
        .build()
    )
    assert format_timeline(routine, Pacing(next_exercise_seconds=20)).splitlines() == [
        "Trial",
        "2 sessions a day, 1 day a week, for 1 week",
        (
            "  1. Knees-to-chest stretch (knees-to-chest): hold 32.5 s, 1 rep, both sides "
            "together, deviation: tolerates longer holds"
        ),
        (
            "  2. Lying march (lying-march): hold 2 s, 2 reps in all, alternating, left first, "
            "deviation: a first try"
        ),
        (
            "  warning deviation: 'hold_seconds' is outside the documented 20-30 s "
            "of 'knees-to-chest', accepted as a recorded deviation ('tolerates longer holds'): "
            "32.5 (at /items/0/hold_seconds)"
        ),
        (
            "  warning deviation: 'reps' is outside the documented 3-5 of 'knees-to-chest', "
            "accepted as a recorded deviation ('tolerates longer holds'): 1 (at /items/0/reps)"
        ),
        (
            "  warning deviation: 'reps' is outside the documented 8-10 of 'lying-march', "
            "accepted as a recorded deviation ('a first try'): 2 (at /items/1/reps)"
        ),
        "One session: 1 min 3.5 s to 1 min 16.5 s (this timeline: 1 min 9.5 s)",
        "    start  length  cue            prompt",
        "     0:00  10*     get-ready      Get ready: Knees-to-chest stretch.",
        "     0:10  32.5    hold           Hold 1 of 1: stay there for 32.5 seconds.",
        (
            "   0:42.5  20*     next-exercise  Next exercise: Lying march, starting on the left. "
            "Get into position."
        ),
        "   1:02.5  2       hold           Left side, hold 1 of 2: stay there for 2 seconds.",
        (
            "   1:04.5  3*      release        Release and come back to the start. Next, your "
            "right side."
        ),
        "   1:07.5  2       hold           Right side, hold 2 of 2: stay there for 2 seconds.",
        (
            "  * the library's working interpretation of a length the source leaves open "
            "(docs/routines.md)"
        ),
    ]


def test_format_timeline_of_an_open_ended_programme_and_a_long_session() -> None:
    routine = RoutineBuilder("Long").add("figure-4-stretch", side="right", reps=9).build()
    lines = format_timeline(routine, Pacing(release_seconds=60)).splitlines()
    assert lines[:3] == [
        "Long",
        "1 session a day, 7 days a week, no set end",
        "  1. Figure-4 stretch (figure-4-stretch): hold 15 s, 9 reps, right side",
    ]
    assert lines[3] == "One session: 10 min 20 s to 10 min 30 s (this timeline: 10 min 25 s)"
    assert lines[-2] == (
        "    10:10  15      hold           Right side, hold 9 of 9: stay there for 15 seconds."
    )


def test_the_compose_routine_example_prints_its_duration_and_timeline(
    capsys: pytest.CaptureFixture[str],
) -> None:
    runpy.run_path(str(ROOT / "examples" / "compose_routine.py"), run_name="__main__")
    lines = capsys.readouterr().out.splitlines()
    assert lines[:4] == [
        "Left hip pain: 3 exercises, 1 session a day, 7 days a week, for 6 weeks",
        "One session lasts 2 min 48 s to 4 min 11 s (168 to 251 seconds).",
        "This timeline plays 194 seconds; * marks a length the library interprets.",
        "",
    ]
    assert lines[4:8] == [
        "    0s  +10s*  get-ready      [left]  Get ready: Figure-4 stretch, left side.",
        "   10s  +15s   hold           [left]  Left side, hold 1 of 3: stay there for 15 seconds.",
        "   25s   +3s*  release        [-]     Release and come back to the start.",
        "   28s  +15s   hold           [left]  Left side, hold 2 of 3: stay there for 15 seconds.",
    ]
    assert len(lines) == 4 + 28
    assert lines[-1] == (
        "  192s   +2s   hold           [left]  Left side, hold 8 of 8: stay there for 2 seconds."
    )


# -- properties -----------------------------------------------------------------------------------


@given(routines, pacings)
def test_the_duration_is_a_range(routine: Routine, pacing: Pacing) -> None:
    duration = session_duration(routine, pacing)
    assert 0 < duration.min_seconds <= duration.max_seconds


@given(routines, pacings)
def test_the_timeline_lasts_a_length_within_the_duration(routine: Routine, pacing: Pacing) -> None:
    cues = session_timeline(routine, pacing)
    assert cues[-1].end_seconds in session_duration(routine, pacing)


@given(routines, pacings)
def test_cues_never_go_back_and_each_starts_where_the_last_ended(
    routine: Routine, pacing: Pacing
) -> None:
    cues = session_timeline(routine, pacing)
    assert cues[0].start_seconds == 0
    for previous, cue in itertools.pairwise(cues):
        assert cue.start_seconds >= previous.start_seconds
        assert cue.start_seconds == previous.end_seconds


def _by_item(routine: Routine, cues: tuple[Cue, ...]) -> list[list[Cue]]:
    """The cues of each item: a new item begins at each get-ready or next-exercise cue."""
    groups: list[list[Cue]] = []
    for cue in cues:
        if cue.kind in (READY, NEXT):
            groups.append([])
        groups[-1].append(cue)
    assert len(groups) == len(routine.items)
    return groups


def _work(cues: list[Cue]) -> list[Cue]:
    return [cue for cue in cues if cue.kind in (HOLD, MOVE)]


@given(routines)
def test_hold_cues_follow_the_counting_rule(routine: Routine) -> None:
    for item, cues in zip(routine.items, _by_item(routine, session_timeline(routine)), strict=True):
        work = _work(cues)
        kinds = {cue.kind for cue in work}
        assert kinds == ({MOVE} if item.exercise.hold is None else {HOLD})
        counting = item.exercise.repetitions.counting
        if counting is CountingRule.PER_SIDE:
            assert len(work) == 2 * item.reps
            for side in (L, R):
                numbers = [cue.repetition for cue in work if cue.side is side]
                assert numbers == list(range(1, item.reps + 1))
        else:
            assert len(work) == item.reps
            assert [cue.repetition for cue in work] == list(range(1, item.reps + 1))
        if item.hold_seconds is not None:
            assert {cue.duration_seconds for cue in work} == {item.hold_seconds}


@given(routines)
def test_sides_alternate_or_group_as_the_laterality_says(routine: Routine) -> None:
    for item, cues in zip(routine.items, _by_item(routine, session_timeline(routine)), strict=True):
        sides = [cue.side for cue in _work(cues)]
        switches = [index for index, cue in enumerate(cues) if cue.kind is SWITCH]
        laterality = item.exercise.laterality
        lead = R if item.side is B else item.side
        other = L if lead is R else R
        assert cues[0].side is sides[0]
        if laterality is Laterality.AFFECTED_SIDE:
            assert item.side in (L, R)
            assert sides == [item.side] * len(sides)
        elif laterality is Laterality.BILATERAL:
            assert sides == [B] * len(sides)
        elif laterality is Laterality.ALTERNATING:
            assert sides == [lead if index % 2 == 0 else other for index in range(len(sides))]
        else:
            first = sides.count(lead)
            assert sides == [lead] * first + [other] * (len(sides) - first)
            assert first - sides.count(other) in (0, 1)
            assert len(switches) == (1 if other in sides else 0)
            if switches:
                assert cues[switches[0] + 1].side is other
        if laterality is not Laterality.EACH_SIDE:
            assert switches == []


@given(routines)
def test_only_lengths_no_source_states_are_marked_interpreted(routine: Routine) -> None:
    for item, cues in zip(routine.items, _by_item(routine, session_timeline(routine)), strict=True):
        rest = item.exercise.repetitions.rest
        for cue in cues:
            if cue.kind is HOLD:
                assert not cue.interpreted
            elif cue.kind is REST:
                assert rest is not None
                assert cue.interpreted is not rest.quantified
            else:
                assert cue.interpreted
                assert cue.kind is not RELEASE or rest is None


def test_format_timeline_names_per_side_counting_and_exercises_without_a_hold() -> None:
    exercise = _exercise(Laterality.EACH_SIDE, CountingRule.PER_SIDE)
    text = format_timeline(_one(exercise, reps=1, side="left"))
    assert (
        text.splitlines()[2] == "  1. Side lift (side-lift): 1 rep per side, each-side, left first"
    )
    assert "     0:13  5*      switch-sides   Switch sides: set up on your right side." in text


@given(routines)
def test_format_timeline_writes_one_line_per_cue_for_any_routine(routine: Routine) -> None:
    lines = format_timeline(routine).splitlines()
    fixed = 2 + len(routine.items) + len(routine.problems) + 2 + 1
    assert len(lines) == fixed + len(session_timeline(routine))


def _text_blocks(page: str) -> list[str]:
    text = (ROOT / "docs" / page).read_text(encoding="utf-8")
    return re.findall(r"^```text\n(.*?)^```", text, flags=re.DOTALL | re.MULTILINE)


def test_the_docs_page_shows_what_the_library_prints() -> None:
    error_text, timeline_text = _text_blocks("routines.md")
    builder = (
        RoutineBuilder("Left hip pain", days_per_week=8)
        .add("figure-4-stretch", hold_seconds=45)
        .add("knees-to-chest", reps=6)
        .add("lying-marsh")
    )
    with pytest.raises(RoutineError) as error:
        builder.build()
    assert error_text == f"{error.value}\n"
    routine = (
        RoutineBuilder("Left hip pain")
        .add("figure-4-stretch", side="left")
        .add("knees-to-chest")
        .add("lying-march")
        .build()
    )
    assert format_timeline(routine).startswith(timeline_text)


def test_values_print_short_and_repr_stays_faithful() -> None:
    routine = (
        RoutineBuilder("Left hip pain", weeks=4)
        .add("figure-4-stretch", side="left")
        .add("lying-march", sets=2, deviation="two sets, as agreed")
        .build()
    )
    assert str(routine) == (
        "'Left hip pain': 2 items (figure-4-stretch, lying-march), 1 session a day, "
        "7 days a week, for 4 weeks"
    )
    assert [str(item) for item in routine.items] == [
        "figure-4-stretch: hold 15 s, 3 reps, left side",
        (
            "lying-march: hold 2 s, 2 sets of 8 reps in all, alternating, right first, "
            "deviation: two sets, as agreed"
        ),
    ]
    assert [str(cue) for cue in session_timeline(routine)[:2]] == [
        "0:00 +10* s get-ready (figure-4-stretch): Get ready: Figure-4 stretch, left side.",
        "0:10 +15 s hold (figure-4-stretch): Left side, hold 1 of 3: stay there for 15 seconds.",
    ]
    item = routine.items[0]
    assert repr(item).startswith("RoutineItem(exercise=Exercise(id='figure-4-stretch', ")
    assert repr(item).endswith(
        "hold_seconds=15, reps=3, side=<Side.LEFT: 'left'>, deviation=None, sets=None, "
        "work_seconds=None, load=None, notes=None, progression=())"
    )
    # The timeline writes each item's dose with the same function as str(item).
    assert format_timeline(routine).splitlines()[2:4] == [
        "  1. Figure-4 stretch (figure-4-stretch): hold 15 s, 3 reps, left side",
        (
            "  2. Lying march (lying-march): hold 2 s, 2 sets of 8 reps in all, alternating, "
            "right first, deviation: two sets, as agreed"
        ),
    ]


def test_prompts_hold_texts_of_the_longest_length_the_model_accepts() -> None:
    # A prompt joins several texts of the model (here a name and a load's words, each of the
    # longest length the model accepts): the cue holds it, and the timeline does not raise.
    longest = "é" * TEXT_LIMIT
    exercise = catalog.get("figure-4-stretch")
    exercise = attrs.evolve(
        exercise,
        name=longest,
        repetitions=attrs.evolve(exercise.repetitions, rest=Rest(text=longest)),
        load=Load(kind=LoadKind.DESCRIBED, level=longest, text=longest),
    )
    routine = Routine(
        name=longest,
        items=(RoutineItem(exercise=exercise, side=Side.LEFT, reps=3, hold_seconds=15),),
    )
    prompts = [cue.prompt.replace(longest, "<longest>") for cue in session_timeline(routine)]
    assert prompts == [
        "Get ready: <longest>, left side. Load: <longest>.",
        "Left side, hold 1 of 3: stay there for 15 seconds.",
        "Relax and rest for <longest>.",
        "Left side, hold 2 of 3: stay there for 15 seconds.",
        "Relax and rest for <longest>.",
        "Left side, hold 3 of 3: stay there for 15 seconds.",
    ]
