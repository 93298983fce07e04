"""Progression: rules as data, the dose in force on a date, and adherence over a rising dose."""

from __future__ import annotations

import datetime
from fractions import Fraction
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from solpt_rehab import (
    ExerciseAdherence,
    Gate,
    InvalidValueError,
    ItemLog,
    ProgressedDose,
    Progression,
    Routine,
    RoutineBuilder,
    RoutineError,
    RoutineItem,
    SessionLog,
    SetLog,
    Severity,
    adherence,
    catalog,
    dose_on,
    dumps,
    loads,
    session_timeline,
    to_document,
    validate,
)
from solpt_rehab._model.values import CountingRule, Load, Sets
from solpt_rehab._routines.dose import DOSE_FIELDS, item_problems, sets_played
from solpt_rehab._routines.progression import cap_of, start_of, starting_dose
from solpt_rehab.strategies import exercises, progressions, routines, session_logs

E, W = Severity.ERROR, Severity.WARNING
START = datetime.date(2026, 12, 7)  # a Monday


def on(week: int, weekday: int = 0) -> datetime.date:
    """The day ``weekday`` (0 for the first) of programme week ``week`` (1 for the first)."""
    return START + datetime.timedelta(days=7 * (week - 1) + weekday)


# -- the example: six weeks, a weekly progression, missed days and rising pain ------------


def six_weeks() -> Routine:
    return (
        RoutineBuilder("Left hip, six weeks", days_per_week=5, weeks=6, start=START)
        .add(
            "knees-to-chest",
            hold_seconds=20,
            progression=Progression(dose="hold_seconds", step=2, every_weeks=1),
        )
        .add(
            "lying-march",
            reps=8,
            progression=Progression(
                dose="reps", step=1, every_weeks=1, gate=("sets-done", "pain-not-higher")
            ),
        )
        .add(
            "figure-4-stretch",
            side="left",
            progression=Progression(dose="reps", step=1, every_weeks=2, until=5),
        )
        .build()
    )


def session(
    day: datetime.date, march: int, figure: int, pain: tuple[int, int] | None = None
) -> SessionLog:
    before, after = pain if pain is not None else (None, None)
    return SessionLog(
        date=day,
        items=[
            ItemLog(exercise="knees-to-chest", sets=[SetLog(reps=3)]),
            ItemLog(exercise="lying-march", sets=[SetLog(reps=march)]),
            ItemLog(exercise="figure-4-stretch", sets=[SetLog(reps=figure)]),
        ],
        pain_before=before,
        pain_after=after,
    )


LOGS = [
    # week 1: three sessions, every lift, pain easing: the march steps up
    session(on(1, 0), 8, 3, (3, 2)),
    session(on(1, 2), 8, 3, (3, 2)),
    session(on(1, 4), 8, 3, (2, 2)),
    # week 2: two sessions, pain rising after the second: the march stays
    session(on(2, 1), 9, 3, (2, 2)),
    session(on(2, 3), 9, 3, (2, 4)),
    # week 3: no session at all: nothing earns a step
    # week 4: three sessions, every lift, pain steady: the march steps up
    session(on(4, 0), 9, 4, (3, 3)),
    session(on(4, 2), 9, 4, (3, 2)),
    session(on(4, 4), 9, 4),
    # week 5: four sessions at the documented maximum
    session(on(5, 0), 10, 5, (2, 1)),
    session(on(5, 1), 10, 5, (2, 2)),
    session(on(5, 3), 10, 5, (2, 2)),
    session(on(5, 4), 10, 5, (2, 2)),
    # week 6: two sessions, pain rising again
    session(on(6, 0), 10, 5, (3, 4)),
    session(on(6, 2), 10, 5, (3, 5)),
]


def doses(routine: Routine) -> list[tuple[str, float | None, int]]:
    return [(item.exercise.id, item.hold_seconds, item.reps) for item in routine.items]


def test_the_six_week_example_gives_the_dose_of_every_week() -> None:
    routine = six_weeks()
    weekly = [doses(dose_on(routine, on(week), LOGS)) for week in range(1, 7)]
    assert weekly == [
        [("knees-to-chest", 20, 3), ("lying-march", 2, 8), ("figure-4-stretch", 15, 3)],
        [("knees-to-chest", 22, 3), ("lying-march", 2, 9), ("figure-4-stretch", 15, 3)],
        [("knees-to-chest", 24, 3), ("lying-march", 2, 9), ("figure-4-stretch", 15, 4)],
        [("knees-to-chest", 26, 3), ("lying-march", 2, 9), ("figure-4-stretch", 15, 4)],
        [("knees-to-chest", 28, 3), ("lying-march", 2, 10), ("figure-4-stretch", 15, 5)],
        [("knees-to-chest", 30, 3), ("lying-march", 2, 10), ("figure-4-stretch", 15, 5)],
    ]
    # A day inside a week has that week's dose; after the programme, its last week's stays.
    assert doses(dose_on(routine, on(2, 6), LOGS)) == weekly[1]
    assert doses(dose_on(routine, on(9), LOGS)) == weekly[5]
    # Without logs no gated step is earned; the ungated rules step all the same.
    assert doses(dose_on(routine, on(6))) == [
        ("knees-to-chest", 30, 3),
        ("lying-march", 2, 8),
        ("figure-4-stretch", 15, 5),
    ]
    # The routine of a day is a plain routine: no rules left, and the timeline shows that week.
    week_five = dose_on(routine, on(5), LOGS)
    assert all(item.progression == () for item in week_five.items)
    holds = [cue.duration_seconds for cue in session_timeline(week_five) if cue.kind == "hold"]
    assert holds[:3] == [28, 28, 28]
    assert routine == six_weeks()  # the routine given is not changed


def test_the_six_week_example_gives_the_adherence_of_the_rising_dose() -> None:
    report = adherence(six_weeks(), LOGS, START, on(6, 6))
    assert (report.days, report.sessions_prescribed, report.sessions_done) == (42, 30.0, 14)
    assert report.sessions_share == 14 / 30
    # Weekly doses: the march 8, 9, 9, 9, 10, 10 lifts over 5 sessions a week; the figure-4
    # stretch 3, 3, 4, 4, 5, 5; the knees-to-chest holds longer, its count stays at 3.
    assert report.exercises == (
        ExerciseAdherence(
            exercise="knees-to-chest",
            sets_prescribed=30.0,
            sets_done=14,
            sets_share=14 / 30,
            reps_prescribed=90.0,
            reps_done=42,
            reps_share=42 / 90,
        ),
        ExerciseAdherence(
            exercise="lying-march",
            sets_prescribed=30.0,
            sets_done=14,
            sets_share=14 / 30,
            reps_prescribed=275.0,
            reps_done=129,
            reps_share=129 / 275,
        ),
        ExerciseAdherence(
            exercise="figure-4-stretch",
            sets_prescribed=30.0,
            sets_done=14,
            sets_share=14 / 30,
            reps_prescribed=120.0,
            reps_done=57,
            reps_share=57 / 120,
        ),
    )
    assert len(report.days_without_session) == 28
    assert [(pain.before, pain.after) for pain in report.pain if pain.date >= on(6)] == [
        (3, 4),
        (3, 5),
    ]
    assert report.problems == ()


# -- the rules: how a dose steps ----------------------------------------------------------------


def _march(rule: Progression, reps: int = 8) -> Routine:
    return (
        RoutineBuilder("March", start=START, weeks=8)
        .add("lying-march", reps=reps, progression=rule)
        .build()
    )


def _reps_on(routine: Routine, day: datetime.date, logs: list[SessionLog]) -> int:
    return dose_on(routine, day, logs).items[0].reps


def _marched(day: datetime.date, *reps: int, time: str | None = None) -> SessionLog:
    return SessionLog(
        date=day,
        time=time,
        items=[ItemLog(exercise="lying-march", sets=[SetLog(reps=count) for count in reps])],
    )


def test_a_rule_after_every_k_sessions_steps_the_day_after_the_kth() -> None:
    routine = _march(Progression(dose="reps", step=1, every_sessions=2))
    logs = [_marched(on(1, 0), 8), _marched(on(1, 3), 8), _marched(on(1, 5), 9)]
    assert [_reps_on(routine, on(1, day), logs) for day in range(7)] == [8, 8, 8, 8, 9, 9, 9]
    # A log that holds no set of the exercise, or a second log of one session, is no session.
    skipped = SessionLog(date=on(1, 1), items=[ItemLog(exercise="lying-march", skipped="tired")])
    twice = [_marched(on(1, 0), 8, time="07:00"), _marched(on(1, 0), 8, time="07:00")]
    assert _reps_on(routine, on(2), [skipped, *twice]) == 8


def test_a_gated_step_needs_every_set_at_its_count_and_pain_not_rising() -> None:
    routine = _march(
        Progression(dose="reps", step=1, every_weeks=1, gate=(Gate.SETS_DONE, Gate.PAIN_NOT_HIGHER))
    )
    short = _marched(on(1, 0), 7)
    uncounted = SessionLog(date=on(1, 0), items=[ItemLog(exercise="lying-march", sets=[SetLog()])])
    side_by_side = SessionLog(
        date=on(1, 0),
        items=[ItemLog(exercise="lying-march", sets=[SetLog(left_reps=4, right_reps=4)])],
    )
    other = SessionLog(date=on(1, 0), items=[ItemLog(exercise="knees-to-chest", sets=[SetLog()])])
    hurting = attrs.evolve(_marched(on(1, 0), 8), pain_before=2, pain_after=3)
    halfway = attrs.evolve(_marched(on(1, 0), 8), pain_before=2)
    assert [
        _reps_on(routine, on(2), logs)
        for logs in (
            [],
            [short],
            [uncounted],
            [side_by_side],
            [other],
            [hurting],
            [halfway],
            [_marched(on(1, 0), 8), short],
        )
    ] == [8, 8, 9, 9, 8, 8, 9, 8]


def test_a_missed_step_is_not_made_up_and_the_last_step_stops_at_the_cap() -> None:
    routine = _march(Progression(dose="reps", step=3, every_weeks=1, gate=("sets-done",)))
    logs = [_marched(on(2, 0), 8), _marched(on(3, 0), 10)]
    assert [_reps_on(routine, on(week), logs) for week in range(1, 6)] == [8, 8, 10, 10, 10]


def test_the_dose_before_the_start_is_the_first_and_steps_stop_at_the_programme_end() -> None:
    routine = attrs.evolve(_march(Progression(dose="reps", step=1, every_weeks=1), reps=8), weeks=1)
    assert _reps_on(routine, START - datetime.timedelta(days=3), []) == 8
    assert _reps_on(routine, on(4), []) == 8
    plain = RoutineBuilder("Plain").add("lying-march").build()
    assert dose_on(plain, START) is plain  # no rules, no start needed


def test_holds_sets_timed_work_and_weights_step_too() -> None:
    exercise = attrs.evolve(
        catalog.get("knees-to-chest"),
        id="loaded-knees",
        sets=Sets(min_sets=1, max_sets=3),
        timed_work=None,
        load=Load(kind="weight", min_amount=1, max_amount=3, unit="kg"),
    )
    routine = (
        RoutineBuilder("Loaded", start=START, exercises={exercise.id: exercise})
        .add(
            exercise,
            hold_seconds=20,
            sets=1,
            load=Load(kind="weight", min_amount=1, max_amount=1, unit="kg"),
            progression=[
                Progression(dose="hold_seconds", step=2.5, every_weeks=1),
                Progression(dose="sets", step=1, every_weeks=2, until=3),
                Progression(dose="load", step=0.5, every_weeks=1),
            ],
        )
        .build()
    )
    found = [
        (item.hold_seconds, item.sets, item.load)
        for week in (1, 3, 5, 6)
        for item in dose_on(routine, on(week)).items
    ]
    kg = "kg"
    assert found == [
        (20, 1, Load(kind="weight", min_amount=1, max_amount=1, unit=kg)),
        (25.0, 2, Load(kind="weight", min_amount=2.0, max_amount=2.0, unit=kg)),
        (30, 3, Load(kind="weight", min_amount=3, max_amount=3, unit=kg)),
        (30, 3, Load(kind="weight", min_amount=3, max_amount=3, unit=kg)),
    ]


def test_a_step_too_small_to_count_steps_still_gives_a_dose() -> None:
    routine = (
        RoutineBuilder("Tiny", start=START)
        .add(
            "knees-to-chest",
            progression=Progression(dose="hold_seconds", step=5e-324, every_weeks=1),
        )
        .build()
    )
    assert dose_on(routine, on(3)).items[0].hold_seconds == 20.0


def test_the_calendars_last_day_ends_the_chances_without_an_error() -> None:
    last = datetime.date.max
    done = [_marched(last, 8)]
    weekly = attrs.evolve(
        _march(Progression(dose="reps", step=1, every_weeks=4, gate=["sets-done"])),
        start=last - datetime.timedelta(days=10),
        weeks=10**20,
    )
    assert _reps_on(weekly, last, done) == 8
    assert adherence(weekly, done, last, last).sessions_done == 1
    after = attrs.evolve(_march(Progression(dose="reps", step=1, every_sessions=1)), start=last)
    assert _reps_on(after, last, done) == 8


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (("routine", START), "'routine' must be a Routine: 'routine'"),
        ((None, "2026-12-07"), "'day' must be a datetime.date: '2026-12-07'"),
        ((None, datetime.datetime(2026, 12, 7)), "'day' must be a datetime.date: "),
        ((None, START, "logs"), "'logs' must be an iterable of SessionLog: 'logs'"),
        ((None, START, [3]), "'logs[0]' must be a SessionLog: 3"),
    ],
)
def test_bad_arguments_raise(arguments: tuple[Any, ...], message: str) -> None:
    routine = _march(Progression(dose="reps", step=1, every_weeks=1))
    given = (routine if arguments[0] is None else arguments[0], *arguments[1:])
    with pytest.raises(InvalidValueError) as raised:
        dose_on(*given)
    assert str(raised.value).startswith(message)


def test_a_routine_with_rules_and_no_start_cannot_say_its_weeks() -> None:
    routine = attrs.evolve(_march(Progression(dose="reps", step=1, every_weeks=1)), start=None)
    message = "routine 'March' has progression rules and no 'start': its weeks cannot be counted"
    with pytest.raises(InvalidValueError, match=message):
        dose_on(routine, START)
    with pytest.raises(InvalidValueError, match=message):
        adherence(routine, [], START, on(2))


# -- the rules: what is refused, by the builder, the constructor and the validator -----------------


def _problems(
    exercise: str, reps: int, *rules: dict[str, Any], **dose: Any
) -> list[tuple[str, str, Severity, str]]:
    """The builder's problems and the validator's for one item with ``rules``, which agree."""
    builder = RoutineBuilder("r").add(
        exercise, reps=reps, progression=[Progression(**rule) for rule in rules], **dose
    )
    document = {
        "kind": "routine",
        "format_version": 2,
        "name": "r",
        "items": [{"exercise": exercise, "reps": reps, "progression": list(rules), **dose}],
    }
    found = [(p.path, p.code, p.severity, p.message) for p in builder.problems]
    assert [(p.path, p.code, p.severity, p.message) for p in validate(document).problems] == found
    return found


def test_a_cap_beyond_the_range_is_an_error_without_a_deviation_and_a_warning_with_one() -> None:
    rule = {"dose": "reps", "step": 1, "every_weeks": 1, "until": 12}
    assert _problems("lying-march", 8, rule) == [
        (
            "/items/0/progression/0/until",
            "reps-out-of-range",
            E,
            "at the rule's cap, 'reps' is outside the documented 8-10 of 'lying-march': 12",
        )
    ]
    assert _problems("lying-march", 8, rule, deviation="training for a hike") == [
        (
            "/items/0/progression/0/until",
            "deviation",
            W,
            (
                "at the rule's cap, 'reps' is outside the documented 8-10 of 'lying-march', "
                "accepted as a recorded deviation ('training for a hike'): 12"
            ),
        )
    ]
    with pytest.raises(RoutineError) as raised:
        RoutineBuilder("r").add(
            "lying-march",
            reps=8,
            progression=Progression(**rule),  # type: ignore[arg-type]
        ).build()
    assert [p.code for p in raised.value.problems] == ["reps-out-of-range"]
    item = RoutineBuilder("r").add("lying-march", reps=8).build().items[0]
    with pytest.raises(RoutineError):
        attrs.evolve(item, progression=[Progression(**rule)])  # type: ignore[arg-type]


def test_every_rule_problem_at_once_with_paths() -> None:
    assert _problems(
        "figure-4-stretch",
        3,
        {"dose": "reps", "step": 1, "every_weeks": 1},
        {"dose": "hold_seconds", "step": 1, "every_weeks": 1, "until": 15},
        {"dose": "work_seconds", "step": 5, "every_sessions": 3},
        {"dose": "reps", "step": 2, "every_sessions": 3, "until": 9},
        {"dose": "load", "step": 1, "every_weeks": 1},
        {"dose": "sets", "step": 1, "every_weeks": 1, "until": 10},
        side="left",
        hold_seconds=15,
    ) == [
        (
            "/items/0/progression/0/until",
            "progression-uncapped",
            E,
            (
                "'until' must be given: 'figure-4-stretch' documents no maximum repetitions to "
                "stop at: null"
            ),
        ),
        (
            "/items/0/progression/1",
            "progression-idle",
            W,
            "the rule stops at 15, not above the starting hold (15): it never changes the dose",
        ),
        (
            "/items/0/progression/2/dose",
            "progression-not-applicable",
            E,
            "'figure-4-stretch' has no prescribed timed work to progress: 'work_seconds'",
        ),
        (
            "/items/0/progression/3/dose",
            "progression-duplicate-dose",
            E,
            "progression[0] progresses 'reps' already; one rule per dose: 'reps'",
        ),
        (
            "/items/0/progression/4/dose",
            "progression-not-applicable",
            E,
            "'figure-4-stretch' has no prescribed weight with an amount to progress: 'load'",
        ),
    ]


def test_an_implausible_cap_of_an_open_ended_count_is_a_warning() -> None:
    assert _problems(
        "figure-4-stretch",
        3,
        {"dose": "reps", "step": 1, "every_weeks": 1, "until": 10},
        side="left",
    ) == [
        (
            "/items/0/progression/0/until",
            "reps-implausibly-high",
            W,
            (
                "at the rule's cap, 'reps' is more than 3 times the documented minimum of "
                "'figure-4-stretch' (3+): 10"
            ),
        )
    ]


def test_the_builder_copies_the_rules_it_is_given() -> None:
    rules = [Progression(dose="reps", step=1, every_weeks=1)]
    builder = RoutineBuilder("r").add("lying-march", progression=rules)
    rules.append(Progression(dose="reps", step=2, every_weeks=1))
    assert builder.build().items[0].progression == (rules[0],)
    assert len(rules) == 2


def test_a_rule_of_the_wrong_shape_is_refused_by_the_constructor_and_the_validator() -> None:
    with pytest.raises(InvalidValueError, match="'every_weeks' or 'every_sessions' must say"):
        Progression(dose="reps", step=1)
    with pytest.raises(InvalidValueError, match=r"'step' must be a whole number for 'sets': 0.5"):
        Progression(dose="sets", step=0.5, every_weeks=1)
    with pytest.raises(InvalidValueError, match=r"'gate\[0\]' must be one of"):
        Progression(dose="reps", step=1, every_weeks=1, gate=["always"])
    builder = (
        RoutineBuilder("r")
        .add("lying-march", progression=["reps"])  # type: ignore[list-item]
        .add("plank", progression=3)  # type: ignore[arg-type]
    )
    assert [(p.path, p.code, p.message) for p in builder.problems] == [
        ("/items/0/progression", "wrong-type", "'progression[0]' must be a Progression: 'reps'"),
        (
            "/items/1/exercise",
            "unknown-exercise",
            (
                "unknown exercise id (known ids: 'figure-4-stretch', 'knees-to-chest', "
                "'lying-march'): 'plank'"
            ),
        ),
        ("/items/1/progression", "wrong-type", "'progression' must be an array: 3"),
    ]
    with pytest.raises(InvalidValueError, match=r"'progression\[0\]' must be a Progression"):
        attrs.evolve(six_weeks().items[0], progression=[3])  # type: ignore[list-item]


def test_progression_goes_round_the_wire_format_and_a_version_1_document_refuses_it() -> None:
    routine = six_weeks()
    assert loads(dumps(routine)) == routine
    document = to_document(routine)
    assert document["items"][1]["progression"] == [
        {
            "dose": "reps",
            "step": 1,
            "every_weeks": 1,
            "every_sessions": None,
            "until": None,
            "gate": ["sets-done", "pain-not-higher"],
        }
    ]
    document["format_version"] = 1
    for item in document["items"]:
        for key in ("sets", "work_seconds", "load", "notes"):
            item.pop(key)
    document.pop("start")
    document.pop("notes")
    assert [(p.path, p.code) for p in validate(document).problems] == [
        (f"/items/{index}/progression", "unknown-key") for index in range(3)
    ]


def test_an_item_with_rules_names_them_and_its_session_of_a_day_does_not() -> None:
    item = six_weeks().items[1]
    assert str(item) == (
        "lying-march: hold 2 s, 8 reps in all, alternating, right first, progression: reps +1 "
        "every week, up to the documented maximum, when sets-done and pain-not-higher"
    )
    assert str(dose_on(six_weeks(), on(6), LOGS).items[1]) == (
        "lying-march: hold 2 s, 10 reps in all, alternating, right first"
    )


def test_a_rule_reads_as_a_sentence() -> None:
    assert [
        str(rule)
        for rule in (
            Progression(dose="reps", step=1, every_weeks=1),
            Progression(dose="hold_seconds", step=2.5, every_weeks=2, until=30),
            Progression(dose="sets", step=1, every_sessions=1, gate=["sets-done"]),
            Progression(dose="load", step=0.5, every_sessions=4, gate=list(Gate)),
        )
    ] == [
        "reps +1 every week, up to the documented maximum",
        "hold_seconds +2.5 every 2 weeks, up to 30",
        "sets +1 after every session, up to the documented maximum, when sets-done",
        (
            "load +0.5 after every 4 sessions, up to the documented maximum, when sets-done and "
            "pain-not-higher"
        ),
    ]


# -- properties ---------------------------------------------------------------------------------


#: Routines whose items progress: from the default pool (with deviations), and from exercises
#: that document sets, timed work and a load, so that every dose has its rules drawn.
PROGRESSING = st.one_of(
    routines(max_items=3, progression=True, deviations=True),
    routines(
        max_items=2,
        progression=True,
        exercises=exercises(with_sets=True, with_timed_work=True, with_load=True),
    ),
)


def _logs_for(routine: Routine) -> st.SearchStrategy[list[SessionLog]]:
    assert routine.start is not None
    return st.lists(
        session_logs(
            exercise_ids=[item.exercise.id for item in routine.items],
            min_date=routine.start - datetime.timedelta(days=7),
            max_date=routine.start + datetime.timedelta(days=70),
        ),
        max_size=12,
    )


def _level(field: str, value: Any) -> float:
    """A progressed dose as a number: a weight by its upper amount."""
    return value.max_amount if field == "load" else value  # type: ignore[no-any-return]


def _dose_of(item: RoutineItem, field: str) -> Any:
    dose = starting_dose(item.exercise, {name: getattr(item, name) for name in DOSE_FIELDS})
    return start_of(field, dose)


@settings(max_examples=80, deadline=None)
@given(st.data(), PROGRESSING)
def test_the_dose_in_force_stays_documented_and_steps_as_declared(
    data: st.DataObject, routine: Routine
) -> None:
    assert routine.start is not None
    logs = data.draw(_logs_for(routine))
    offsets = sorted(data.draw(st.lists(st.integers(-7, 80), min_size=2, max_size=5)))
    days = [routine.start + datetime.timedelta(days=offset) for offset in offsets]
    seen: list[Routine] = [dose_on(routine, day, logs) for day in days]
    for index, item in enumerate(routine.items):
        start = starting_dose(item.exercise, {name: getattr(item, name) for name in DOSE_FIELDS})
        for then in seen:
            now = then.items[index]
            dose = {name: getattr(now, name) for name in DOSE_FIELDS}
            # never outside the documented range without a deviation: the dose rules say so
            assert not [p for p in item_problems(now.exercise, **dose) if p.is_error]
            if now.deviation is None:
                assert now.reps in now.exercise.repetitions
        for rule in item.progression:
            field = rule.dose.value
            first = start_of(field, start)
            cap = cap_of(rule, item.exercise, first)
            assert cap is not None
            values = [_level(field, _dose_of(then.items[index], field)) for then in seen]
            low = _level(field, first)
            # monotone, from the start, never past the cap, by whole steps until the cap
            assert values == sorted(values)
            assert all(low <= value <= max(low, cap) for value in values)
            for value in values:
                steps = (Fraction(value) - Fraction(low)) / Fraction(rule.step)
                assert (
                    value == cap
                    or steps.denominator == 1
                    or abs(float(steps) - round(float(steps))) < 1e-9
                )


def _reference(
    routine: Routine, logs: list[SessionLog], first: datetime.date, last: datetime.date
) -> dict[str, tuple[Fraction, int, Fraction, int]]:
    """Adherence's figures per exercise, the plain way: day by day, the dose from dose_on."""
    per_day = Fraction(routine.frequency.sessions_per_day * routine.frequency.days_per_week, 7)
    prescribed: dict[str, list[Fraction]] = {}
    day = first
    while day <= last:
        for item in dose_on(routine, day, logs).items:
            per_side = 2 if item.exercise.repetitions.counting is CountingRule.PER_SIDE else 1
            sets, reps = prescribed.setdefault(item.exercise.id, [Fraction(0), Fraction(0)])
            prescribed[item.exercise.id] = [
                sets + per_day * sets_played(item),
                reps + per_day * sets_played(item) * item.reps * per_side,
            ]
        day += datetime.timedelta(days=1)
    kept: list[SessionLog] = []
    for log in logs:
        if not first <= log.date <= last or log in kept:
            continue
        if log.time is not None and any((k.date, k.time) == (log.date, log.time) for k in kept):
            continue
        kept.append(log)
    found = {}
    for exercise, (sets, reps) in prescribed.items():
        item = next(i for i in routine.items if i.exercise.id == exercise)
        per_side = 2 if item.exercise.repetitions.counting is CountingRule.PER_SIDE else 1
        done_sets = done_reps = 0
        for log in kept:
            for logged in log.items:
                if logged.exercise != exercise:
                    continue
                for one in logged.sets:
                    done_sets += 1
                    if one.reps is not None:
                        done_reps += one.reps * per_side
                    else:
                        done_reps += (one.left_reps or 0) + (one.right_reps or 0)
        found[exercise] = (sets, done_sets, reps, done_reps)
    return found


@settings(max_examples=50, deadline=None)
@given(st.data(), PROGRESSING, st.integers(0, 60))
def test_adherence_over_progression_equals_a_plain_reference(
    data: st.DataObject, routine: Routine, length: int
) -> None:
    routine = attrs.evolve(routine, weeks=None)
    assert routine.start is not None
    logs = data.draw(_logs_for(routine))
    last = routine.start + datetime.timedelta(days=length)
    report = adherence(routine, logs, routine.start, last)
    expected = _reference(routine, logs, routine.start, last)
    for one in report.exercises:
        sets, done_sets, reps, done_reps = expected[one.exercise]
        assert (one.sets_prescribed, one.sets_done) == (float(sets), done_sets)
        assert (one.reps_prescribed, one.reps_done) == (float(reps), done_reps)
        assert one.sets_share == float(min(Fraction(done_sets) / sets, Fraction(1)))
        assert one.reps_share == float(min(Fraction(done_reps) / reps, Fraction(1)))
        assert 0.0 <= one.sets_share <= 1.0
        assert 0.0 <= one.reps_share <= 1.0
    assert [one.exercise for one in report.exercises] == list(expected)


@given(progressions())
def test_every_drawn_rule_constructs_and_reads_back(rule: Progression) -> None:
    assert attrs.evolve(rule) == rule
    assert isinstance(rule.dose, ProgressedDose)
    assert (rule.every_weeks is None) != (rule.every_sessions is None)


def test_the_fast_decoder_builds_a_rule_and_refuses_each_broken_one() -> None:
    from solpt_rehab._wire.fast import fast_part  # noqa: PLC0415 - the wire layer's own
    from solpt_rehab._wire.markers import UNSOUND  # noqa: PLC0415

    rule = {"dose": "reps", "step": 1, "every_weeks": 2, "gate": ["sets-done"]}
    assert fast_part(Progression, rule) == Progression(
        dose="reps", step=1, every_weeks=2, gate=(Gate.SETS_DONE,)
    )
    for broken in (
        {"dose": "reps", "step": 1},
        {**rule, "step": 1.5},
        {**rule, "until": 9.5},
        {**rule, "every_sessions": 2},
        {**rule, "gate": ["always"]},
        {**rule, "colour": "red"},
        {**rule, "step": 0},
    ):
        assert fast_part(Progression, broken) is UNSOUND, broken
