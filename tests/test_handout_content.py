"""The handout's content model: what a patient reads, as plain text and numbers."""

from __future__ import annotations

import datetime
from typing import Any

import attrs
import pytest
from hypothesis import given

from handout_hostile import UNLINKABLE, hostile_routine
from solpt_rehab import (
    Effort,
    Exercise,
    InvalidValueError,
    Load,
    LoadKind,
    Media,
    Pacing,
    Progression,
    RepetitionScheme,
    Rest,
    Routine,
    RoutineBuilder,
    RoutineItem,
    Sets,
    Side,
    Step,
    TimedWork,
    WeightUnit,
    catalog,
    dose_on,
    session_duration,
    session_timeline,
)
from solpt_rehab._cli import article_routine
from solpt_rehab.handout import (
    DEFAULT_LOG_WEEKS,
    HandoutContent,
    HandoutMedia,
    HowOften,
    LogWeek,
    SessionStrip,
    StripSegment,
    WorkingFigure,
    handout_content,
    handout_html,
)
from solpt_rehab.strategies import routines

GET_READY = WorkingFigure(
    kind="get-ready",
    seconds=10,
    covers="getting into the starting position of the first exercise",
    text=(
        "Getting ready: 10 seconds, the library's figure for getting into the starting position "
        "of the first exercise."
    ),
)
NEXT = WorkingFigure(
    kind="next-exercise",
    seconds=15,
    covers="changing to the next exercise and getting into its starting position",
    text=(
        "Getting into position: 15 seconds, the library's figure for changing to the next "
        "exercise and getting into its starting position."
    ),
)
RELEASE = WorkingFigure(
    kind="release",
    seconds=3,
    covers="letting go and getting back into position when no rest is documented",
    text=(
        "Coming back between repetitions: 3 seconds, the library's figure for letting go and "
        "getting back into position when no rest is documented."
    ),
)


def test_the_articles_routine_reads_as_a_patient_would_be_told_it() -> None:
    routine = article_routine("left")

    content = handout_content(routine)

    assert content.title == "Lower back and hip pain, left side"
    assert content.notes is None
    assert content.how_often == HowOften(
        sessions_per_day=1,
        days_per_week=7,
        weeks=None,
        start=None,
        text="1 session a day, 7 days a week.",
    )
    assert (content.session_length, content.min_seconds, content.max_seconds) == (
        "2 min 48 s to 4 min 11 s",
        168,
        251,
    )
    assert content.timeline == session_timeline(routine)
    assert content.session_seconds == 194
    assert [
        (exercise.number, exercise.exercise_id, exercise.dose, exercise.summary)
        for exercise in content.exercises
    ] == [
        (
            1,
            "figure-4-stretch",
            ("Hold 15 seconds.", "Do it 3 times.", "Left side only."),
            "hold 15 s, 3 reps, left side",
        ),
        (
            2,
            "knees-to-chest",
            ("Hold 20 seconds.", "Do it 3 times.", "Both sides together."),
            "hold 20 s, 3 reps, both sides together",
        ),
        (
            3,
            "lying-march",
            (
                "Hold 2 seconds.",
                "Do it 8 times in all (4 on each side).",
                "Take turns left and right, starting with the right.",
            ),
            "hold 2 s, 8 reps in all, alternating, right first",
        ),
    ]
    figure_4, knees, march = content.exercises
    assert figure_4.name == "Figure-4 stretch"
    assert figure_4.steps == tuple(step.text for step in routine.items[0].exercise.steps)
    assert figure_4.purpose == routine.items[0].exercise.purpose
    assert [exercise.rest for exercise in content.exercises] == [
        None,
        "Rest a few seconds between repetitions.",
        None,
    ]
    assert [exercise.equipment for exercise in content.exercises] == [
        ("yoga mat (optional)",),
        ("yoga mat (or mattress)",),
        ("yoga mat (optional)",),
    ]
    rest = WorkingFigure(
        kind="rest",
        seconds=3,
        covers='a rest documented without a number, such as "a few seconds"',
        text=(
            "Rest between repetitions: 3 seconds, the library's figure for a rest documented "
            'without a number, such as "a few seconds".'
        ),
    )
    assert figure_4.working_figures == (GET_READY, RELEASE)
    assert knees.working_figures == (NEXT, rest)
    assert march.working_figures == (NEXT, RELEASE)
    for exercise in content.exercises:
        assert (exercise.sets, exercise.set_rest, exercise.load, exercise.effort) == (
            1,
            None,
            None,
            None,
        )
        assert (exercise.precautions, exercise.notes, exercise.media) == ((), None, ())
    assert content.log_weeks == tuple(
        LogWeek(number=number, starts=None, sessions=7) for number in range(1, 5)
    )
    assert content.log_weeks_stated is False
    assert DEFAULT_LOG_WEEKS == 4


def _band_walk() -> Exercise:
    return Exercise(
        id="band-walk",
        name="Band walk",
        steps=[Step(text="Walk on the spot.", kind="move")],
        timed_work=TimedWork(min_seconds=30, max_seconds=60),
        repetitions=RepetitionScheme(min_reps=1, max_reps=2, laterality="bilateral"),
        sets=Sets(min_sets=2, max_sets=3),
        load=Load(kind="weight", min_amount=1, max_amount=2, unit="kg"),
        effort=Effort(text="moderate", min_rpe=3, max_rpe=5),
        precautions=["Stop if your knee hurts."],
        media=[Media(uri="images/walk.png", kind="image", alt="A walk", licence="CC0")],
    )


def test_sets_timed_work_load_effort_frequency_and_weeks_are_all_said() -> None:
    routine = (
        RoutineBuilder(
            "Walks",
            sessions_per_day=2,
            days_per_week=3,
            weeks=6,
            start="2026-12-07",
            notes="Walk slowly.",
        )
        .add(_band_walk(), sets=3, work_seconds=45, notes="Hold a chair.")
        .build()
    )

    content = handout_content(routine)

    assert content.notes == "Walk slowly."
    assert content.how_often == HowOften(
        sessions_per_day=2,
        days_per_week=3,
        weeks=6,
        start=datetime.date(2026, 12, 7),
        text="2 sessions a day, 3 days a week, for 6 weeks, starting 2026-12-07.",
    )
    [walk] = content.exercises
    assert walk.dose == (
        "Do 3 sets.",
        "Keep moving for 45 seconds.",
        "In each set, do it once.",
        "Both sides together.",
        "Use: 1 kg.",
    )
    assert walk.summary == "work 45 s, 3 sets of 1 rep, both sides together, 1 kg"
    assert (walk.sets, walk.rest, walk.set_rest, walk.load, walk.effort) == (
        3,
        None,
        None,
        "1 kg",
        "moderate, RPE 3-5",
    )
    assert (walk.precautions, walk.notes) == (("Stop if your knee hurts.",), "Hold a chair.")
    assert walk.media == (
        HandoutMedia(
            uri="images/walk.png", kind="image", alt="A walk", licence="CC0", linkable=True
        ),
    )
    assert walk.working_figures == (
        GET_READY,
        WorkingFigure(
            kind="set-rest",
            seconds=30,
            covers="pausing between two sets when no rest between sets is documented",
            text=(
                "Rest between sets: 30 seconds, the library's figure for pausing between two "
                "sets when no rest between sets is documented."
            ),
        ),
    )
    assert [(week.number, week.starts, week.sessions) for week in content.log_weeks] == [
        (1, datetime.date(2026, 12, 7), 6),
        (2, datetime.date(2026, 12, 14), 6),
        (3, datetime.date(2026, 12, 21), 6),
        (4, datetime.date(2026, 12, 28), 6),
        (5, datetime.date(2027, 1, 4), 6),
        (6, datetime.date(2027, 1, 11), 6),
    ]
    assert content.log_weeks_stated is True


def test_each_side_work_counted_per_side_with_documented_rests() -> None:
    content = handout_content(hostile_routine())

    hostile = content.exercises[0]
    assert hostile.dose == (
        "Do 2 sets.",
        "Hold 2 seconds.",
        "In each set, do it twice on each side.",
        "Do every repetition on the right side first, then on the left.",
        "Use: ' onmouseover='alert(8)' x='.",
    )
    assert hostile.rest == "Rest x{}</style><style>body{display:none}</style> between repetitions."
    assert hostile.set_rest == (
        "Rest a{background:url(javascript:alert(7))} <!-- <![CDATA[ --> between sets."
    )
    assert [figure.kind for figure in hostile.working_figures] == [
        "get-ready",
        "rest",
        "switch-sides",
        "set-rest",
    ]
    assert hostile.working_figures[2].text == (
        "Switching sides: 5 seconds, the library's figure for releasing one side and setting up "
        "on the other (each-side exercises)."
    )
    assert hostile.working_figures[3].covers == (
        'a rest between sets documented without a number, such as "a short while"'
    )


def test_a_reference_is_linkable_only_as_a_web_address_or_a_relative_path() -> None:
    content = handout_content(hostile_routine())

    assert [(media.uri, media.linkable) for media in content.exercises[0].media] == [
        *((uri, False) for uri in UNLINKABLE),
        ("https://example.org/a?b=1&c=<2>", True),
    ]
    for uri, linkable in [
        ("images/a.png", True),
        ("a/b:c.png", True),
        ("?page=1", True),
        ("HTTP://EXAMPLE.ORG", True),
        ("vbscript:msgbox", False),
        ("file:///etc/passwd", False),
        ("images\\a.png", False),
        ("images/a.png ", False),
    ]:
        exercise = attrs.evolve(_band_walk(), media=[Media(uri=uri, kind="video")])
        routine = RoutineBuilder("R").add(exercise).build()
        assert handout_content(routine).exercises[0].media[0].linkable is linkable, uri


def test_the_log_covers_the_weeks_asked_for_or_at_most_a_year() -> None:
    routine = RoutineBuilder("R", weeks=60).add("knees-to-chest").build()
    long = handout_content(routine)
    assert (len(long.log_weeks), long.log_weeks_stated) == (52, False)
    chosen = handout_content(routine, log_weeks=2)
    assert (chosen.log_weeks, chosen.log_weeks_stated) == (
        (LogWeek(number=1, starts=None, sessions=7), LogWeek(number=2, starts=None, sessions=7)),
        False,
    )


def test_pacing_changes_the_timeline_and_the_working_figures_alike() -> None:
    routine = article_routine("right")
    pacing = Pacing(get_ready_seconds=30, release_seconds=4)

    content = handout_content(routine, pacing=pacing)

    assert content.timeline == session_timeline(routine, pacing)
    duration = session_duration(routine, pacing)
    assert (content.min_seconds, content.max_seconds) == (
        duration.min_seconds,
        duration.max_seconds,
    )
    assert [figure.seconds for figure in content.exercises[0].working_figures] == [30, 4]
    assert content.exercises[0].dose[-1] == "Right side only."


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"routine": "hips"}, "'routine' must be a Routine: 'hips'"),
        ({"pacing": 5}, "'pacing' must be a Pacing or None: 5"),
        ({"log_weeks": 0}, "'log_weeks' must be from 1 to 52: 0"),
        ({"log_weeks": 53}, "'log_weeks' must be from 1 to 52: 53"),
        ({"log_weeks": True}, "'log_weeks' must be a whole number or None: True"),
        ({"log_weeks": 2.0}, "'log_weeks' must be a whole number or None: 2.0"),
        ({"on": "2026-12-14"}, "'on' must be a date: '2026-12-14'"),
        (
            {"on": datetime.datetime(2026, 12, 14, 8, 0)},
            "'on' must be a date: datetime.datetime(2026, 12, 14, 8, 0)",
        ),
        ({"logs": [object()]}, "'logs' are read only for the doses of a day: give 'on' too"),
    ],
)
def test_bad_arguments_are_refused_with_a_clear_message(
    arguments: dict[str, Any], message: str
) -> None:
    given: dict[str, Any] = {"routine": article_routine("left"), **arguments}
    routine = given.pop("routine")
    with pytest.raises(InvalidValueError) as raised:
        handout_content(routine, **given)
    assert str(raised.value) == message


def test_the_content_is_immutable() -> None:
    content = handout_content(article_routine("left"))
    assert isinstance(content, HandoutContent)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        content.title = "x"  # type: ignore[misc]
    assert isinstance(content.exercises, tuple)
    assert all(isinstance(exercise.steps, tuple) for exercise in content.exercises)


def test_the_handout_of_a_day_gives_the_doses_in_force_and_says_which() -> None:
    routine = (
        RoutineBuilder("Six weeks", days_per_week=5, weeks=6, start=datetime.date(2026, 12, 7))
        .add(
            "knees-to-chest",
            hold_seconds=20,
            progression=Progression(dose="hold_seconds", step=2, every_weeks=1),
        )
        .add(
            "figure-4-stretch",
            side="left",
            progression=Progression(dose="reps", step=1, every_weeks=2, until=5),
        )
        .build()
    )
    seen = {
        day: (content.doses_on, [exercise.dose[:2] for exercise in content.exercises])
        for day in (
            None,
            datetime.date(2026, 12, 1),
            datetime.date(2026, 12, 21),
            datetime.date(2027, 1, 17),
            datetime.date(2027, 3, 1),
        )
        for content in [handout_content(routine, on=day)]
    }
    assert seen == {
        None: (
            None,
            [("Hold 20 seconds.", "Do it 3 times."), ("Hold 15 seconds.", "Do it 3 times.")],
        ),
        datetime.date(2026, 12, 1): (
            "The doses in force on 2026-12-01.",
            [("Hold 20 seconds.", "Do it 3 times."), ("Hold 15 seconds.", "Do it 3 times.")],
        ),
        datetime.date(2026, 12, 21): (
            "The doses in force on 2026-12-21, week 3 of the programme.",
            [("Hold 24 seconds.", "Do it 3 times."), ("Hold 15 seconds.", "Do it 4 times.")],
        ),
        datetime.date(2027, 1, 17): (
            "The doses in force on 2027-01-17, week 6 of the programme.",
            [("Hold 30 seconds.", "Do it 3 times."), ("Hold 15 seconds.", "Do it 5 times.")],
        ),
        datetime.date(2027, 3, 1): (
            "The doses in force on 2027-03-01, after the programme's end.",
            [("Hold 30 seconds.", "Do it 3 times."), ("Hold 15 seconds.", "Do it 5 times.")],
        ),
    }
    # The guided session of that day plays that day's holds.
    week_3 = handout_content(routine, on=datetime.date(2026, 12, 21))
    assert week_3.timeline == session_timeline(dose_on(routine, datetime.date(2026, 12, 21)))


def test_each_progression_rule_is_told_in_the_patients_words() -> None:
    weight = Load(kind=LoadKind.WEIGHT, min_amount=1, max_amount=5, unit=WeightUnit.KG)
    exercise = attrs.evolve(
        catalog.get("knees-to-chest"),
        sets=Sets(min_sets=1, max_sets=3),
        timed_work=TimedWork(min_seconds=20, max_seconds=60),
        load=weight,
    )
    item = RoutineItem(
        exercise=exercise,
        reps=3,
        hold_seconds=20,
        side=Side.BOTH,
        sets=1,
        work_seconds=20,
        load=attrs.evolve(weight, max_amount=1),
        progression=[
            Progression(dose="sets", step=1, every_weeks=2),
            Progression(dose="work_seconds", step=10, every_sessions=4, until=50),
            Progression(dose="load", step=0.5, every_weeks=1, gate=["pain-not-higher"]),
            Progression(dose="reps", step=2, every_sessions=1),
        ],
    )
    routine = Routine(name="Rising", items=[item], start=datetime.date(2026, 12, 7), weeks=6)

    assert handout_content(routine).exercises[0].progression == (
        "Every 2 weeks, add 1 set, up to 3 sets.",
        "After every 4 sessions, keep going 10 seconds longer, up to 50 seconds.",
        (
            "Every week, add 0.5 kg, up to 5 kg, if your pain after the sessions was no higher "
            "than before."
        ),
        "After each session, do it twice more, up to 5 times.",
    )
    # The handout of a day gives that day's doses, which move no further on it.
    assert handout_content(routine, on=datetime.date(2026, 12, 21)).exercises[0].progression == ()
    # Both renderers say it under the dose.
    page = handout_html(routine)
    assert (
        '<h4>Week by week</h4>\n<ul>\n<li class="u">Every 2 weeks, add 1 set, up to 3 sets.</li>'
    ) in page


# -- the session strip ----------------------------------------------------------------------------


def test_the_strip_marks_exactly_the_bars_whose_length_the_library_chose() -> None:
    routine = article_routine("left")
    cues = session_timeline(routine)

    strip = handout_content(routine).strip

    # The library times getting ready, each release, each vague rest and each change of
    # exercise: every short bar of the article's routine; its holds are prescribed.
    own = [index for index, cue in enumerate(cues) if cue.interpreted]
    assert own == [0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26]
    assert [index for index, segment in enumerate(strip.segments) if segment.own] == own
    assert strip.segments[:4] == (
        StripSegment(
            kind="get-ready", start_seconds=0, duration_seconds=10, working=False, own=True
        ),
        StripSegment(kind="hold", start_seconds=10, duration_seconds=15, working=True, own=False),
        StripSegment(kind="release", start_seconds=25, duration_seconds=3, working=False, own=True),
        StripSegment(kind="hold", start_seconds=28, duration_seconds=15, working=True, own=False),
    )
    assert strip.total_seconds == 194
    assert strip.own_label == "The library's own timing"
    assert strip.own_text == (
        "14 of the 28 bars, hatched and outlined with dashes, are the library's own timing, "
        "lengths that no source states as a number: getting ready, coming back between "
        "repetitions, getting into position and rest between repetitions."
    )


def test_a_rest_documented_with_a_number_is_not_the_librarys_own() -> None:
    knees = catalog.get("knees-to-chest")
    timed = attrs.evolve(
        knees,
        repetitions=attrs.evolve(knees.repetitions, rest=Rest(min_seconds=5, max_seconds=5)),
    )
    routine = RoutineBuilder("Knees").add(timed).build()

    strip = handout_content(routine).strip

    assert [(segment.kind, segment.own) for segment in strip.segments] == [
        ("get-ready", True),
        ("hold", False),
        ("rest", False),
        ("hold", False),
        ("rest", False),
        ("hold", False),
    ]
    assert strip.own_text == (
        "1 of the 6 bars, hatched and outlined with dashes, is the library's own timing, "
        "a length that no source states as a number: getting ready."
    )


@given(routine=routines(max_items=4))
def test_every_cue_is_a_bar_marked_as_the_librarys_own_exactly_when_interpreted(
    routine: Routine,
) -> None:
    content = handout_content(routine)

    assert content.strip == SessionStrip(
        total_seconds=content.session_seconds,
        segments=tuple(
            StripSegment(
                kind=cue.kind.value,
                start_seconds=cue.start_seconds,
                duration_seconds=cue.duration_seconds,
                working=cue.kind.value in {"hold", "move", "work"},
                own=cue.interpreted,
            )
            for cue in content.timeline
        ),
        own_label="The library's own timing",
        own_text=content.strip.own_text,
    )
    assert content.strip.segments[0].own
