"""What a patient's handout says, as plain data: one content model for every way it is printed.

:func:`handout_content` reads a :class:`~solpt_rehab.Routine` once and writes down everything a
handout shows: the title and notes, how often in words, each exercise with its steps and its dose
in plain sentences, the working interpretations its timer uses, the session's cues for the
picture and the guided session, and the paper log's weeks. The HTML handout and the PDF handout
are both written from it, so the two never say different things.

The model is text and numbers, never markup: nothing here is escaped, and every renderer escapes
(or passes as data) every text it takes from it. The words are the library's own, from the same
values the rest of it uses (:func:`~solpt_rehab._routines.values.describe_dose`,
:func:`~solpt_rehab.session_timeline`, :func:`~solpt_rehab.session_duration`).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING, Final

import attrs

from .._core.errors import InvalidValueError
from .._model.values import (
    CountingRule,
    Exercise,
    Laterality,
    Load,
    LoadKind,
    MediaKind,
    Rest,
    format_number,
)
from .._routines.dose import DOSE_FIELDS, Side, default_load, sets_played
from .._routines.progression import Gate, ProgressedDose, cap_of, start_of, starting_dose
from .._routines.timing import (
    Cue,
    CueKind,
    Interpretation,
    Pacing,
    session_duration,
    session_timeline,
)
from .._routines.values import Routine, RoutineItem, describe_dose

if TYPE_CHECKING:
    from .._logs.values import SessionLog

__all__ = [
    "DEFAULT_LOG_WEEKS",
    "HandoutContent",
    "HandoutExercise",
    "HandoutMedia",
    "HowOften",
    "LogWeek",
    "SessionStrip",
    "StripSegment",
    "WorkingFigure",
    "handout_content",
]

#: The weeks the paper log covers when the routine's programme has no set length.
DEFAULT_LOG_WEEKS: Final = 4

#: The longest paper log, in weeks: a year of boxes is already more than a handout holds.
MAX_LOG_WEEKS: Final = 52

_DASH: Final = "\u2013"  # an en dash, as a range is printed for a reader

#: The cues a strip draws tall: the work itself (a hold, a movement, timed work).
_WORKING: Final = frozenset({CueKind.HOLD, CueKind.MOVE, CueKind.WORK})

#: The legend's words for a bar whose length is the library's own.
_OWN_LABEL: Final = "The library's own timing"


@attrs.frozen(kw_only=True)
class HowOften:
    """How often the routine is done, in numbers and in words.

    Attributes:
        sessions_per_day: Sessions in a day.
        days_per_week: Days in a week with sessions.
        weeks: The programme's length in weeks, or ``None`` when it is open.
        start: The day the programme starts, or ``None`` when not set.
        text: The same in one sentence: ``"1 session a day, 7 days a week, for 6 weeks."``.

    .. versionadded:: 0.2.0
    """

    sessions_per_day: int
    days_per_week: int
    weeks: int | None
    start: datetime.date | None
    text: str


@attrs.frozen(kw_only=True)
class HandoutMedia:
    """A picture or video of an exercise, by reference, as the handout lists it.

    A handout never loads it (the page makes no network request): it names it, and links it
    only when :attr:`linkable`.

    Attributes:
        uri: Where the media is, as the content gives it.
        kind: ``"image"`` or ``"video"``.
        alt: Its text alternative; may be empty.
        licence: The licence it is used under, or ``None``.
        linkable: Whether the reference is a web address (``http:`` or ``https:``) or a
            relative path, which a renderer may turn into a link; any other scheme
            (``javascript:``, ``data:``, ``file:``) is shown as text only.

    .. versionadded:: 0.2.0
    """

    uri: str
    kind: str
    alt: str
    licence: str | None
    linkable: bool


@attrs.frozen(kw_only=True)
class WorkingFigure:
    """A length the guided session plays that no source states: the library's own figure.

    Attributes:
        kind: The cue kind it times, such as ``"release"`` (a :class:`~solpt_rehab.CueKind`
            value).
        seconds: How long the guided session plays it.
        covers: What the time is for (the :class:`~solpt_rehab.Interpretation`'s ``covers``).
        text: One sentence for the patient: ``"Rest between repetitions: 3 seconds (a rest
            documented without a number, such as "a few seconds")."``.

    .. versionadded:: 0.2.0
    """

    kind: str
    seconds: float
    covers: str
    text: str


@attrs.frozen(kw_only=True)
class HandoutExercise:
    """One exercise of the handout, with its dose in plain words.

    Attributes:
        number: Its place in the session, from 1.
        exercise_id: The exercise's id, as the session's cues name it.
        name: The name a person reads.
        purpose: What it is for; may be empty.
        steps: The instructions, in order (a renderer numbers them).
        dose: The prescribed dose as short sentences, such as ``("Hold 15 seconds.", "Do it 3
            times.", "Left side only.")``.
        summary: The dose on one line, as :func:`~solpt_rehab.format_timeline` writes it
            (``"hold 15 s, 3 reps, left side"``).
        sets: How many sets are done (1 for an exercise without sets).
        rest: The documented rest between repetitions in a sentence, or ``None``.
        set_rest: The documented rest between sets in a sentence, or ``None``.
        load: What resists the work (the prescribed load, else the documented one at its
            least), or ``None`` for body weight or no load.
        effort: How hard it should feel, or ``None`` when the source does not say.
        equipment: What it uses, one text each (``"yoga mat (optional)"``).
        precautions: The safety notes, in order.
        notes: The clinician's notes for this exercise, or ``None``.
        media: Pictures and videos of it.
        working_figures: The lengths its guided session plays that no source states, in the
            order they first come.
        progression: How the dose rises over the weeks, one sentence per progression rule
            (``"Every week, hold it 2 seconds longer, up to 30 seconds."``); empty when it
            stays put.

    .. versionadded:: 0.2.0
    """

    number: int
    exercise_id: str
    name: str
    purpose: str
    steps: tuple[str, ...]
    dose: tuple[str, ...]
    summary: str
    sets: int
    rest: str | None
    set_rest: str | None
    load: str | None
    effort: str | None
    equipment: tuple[str, ...]
    precautions: tuple[str, ...]
    notes: str | None
    media: tuple[HandoutMedia, ...]
    working_figures: tuple[WorkingFigure, ...]
    progression: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class LogWeek:
    """One row of the paper log: a week, with a box per session.

    Attributes:
        number: The week's number, from 1.
        starts: The week's first day, when the programme has a start day; else ``None``.
        sessions: How many boxes the row has: sessions a day times days a week.

    .. versionadded:: 0.2.0
    """

    number: int
    starts: datetime.date | None
    sessions: int


@attrs.frozen(kw_only=True)
class StripSegment:
    """One bar of the session strip: a cue of the session, where it lies and what timed it.

    Attributes:
        kind: The cue's kind, such as ``"hold"`` (a :class:`~solpt_rehab.CueKind` value).
        start_seconds: Where the bar starts, in seconds from the start of the session.
        duration_seconds: How long it is.
        working: Whether it is the work itself (a hold, a movement, timed work), which a
            strip draws tall; the pauses between are drawn short.
        own: Whether its length is the library's own timing (the cue is
            :attr:`~solpt_rehab.Cue.interpreted`: a working interpretation, not a prescribed
            or documented number), which a strip marks apart from the others, hatched and
            outlined with dashes. The first bar, getting ready, always is.

    .. versionadded:: 0.2.0
    """

    kind: str
    start_seconds: float
    duration_seconds: float
    working: bool
    own: bool


@attrs.frozen(kw_only=True)
class SessionStrip:
    """The session as a strip of bars on a time axis, as every handout draws it.

    Attributes:
        total_seconds: The session's length: the end of its last bar.
        segments: One bar per cue of the session, in order.
        own_label: The legend's words for a bar whose length is the library's own:
            ``"The library's own timing"``.
        own_text: One sentence saying which bars are the library's own and how they are marked,
            for the picture's text alternative and the words beside it.

    .. versionadded:: 0.2.0
    """

    total_seconds: float
    segments: tuple[StripSegment, ...]
    own_label: str
    own_text: str


@attrs.frozen(kw_only=True)
class HandoutContent:
    """Everything a patient's handout shows, as plain, unescaped text and numbers.

    Built by :func:`handout_content`; :func:`~solpt_rehab.handout.handout_html` renders it.

    Attributes:
        title: The routine's name.
        notes: The clinician's notes for the whole routine, or ``None``.
        how_often: How often the routine is done.
        session_length: One session's estimated length in words: ``"2 min 48 s to 4 min 11 s"``.
        min_seconds: The shortest estimate of one session, in seconds.
        max_seconds: The longest estimate, in seconds.
        exercises: The exercises in the order they are done.
        timeline: The session's cues, exactly as :func:`~solpt_rehab.session_timeline` gives them.
        strip: The session drawn as a strip, a bar per cue, marking the bars whose length is
            the library's own.
        session_seconds: How long the guided session plays: the end of its last cue.
        log_weeks: The paper log's rows: one per week of the programme, or
            :data:`DEFAULT_LOG_WEEKS` for an open programme.
        log_weeks_stated: Whether the log's length is the programme's own (``False`` when the
            programme is open and the log covers a default or a chosen number of weeks).
        doses_on: For the handout of one day (``on`` of :func:`handout_content`), which day and
            week of the programme its doses are those of: ``"The doses in force on 2026-12-14,
            week 3 of the programme."``; ``None`` for the routine's starting doses.

    .. versionadded:: 0.2.0
    """

    title: str
    notes: str | None
    how_often: HowOften
    session_length: str
    min_seconds: float
    max_seconds: float
    exercises: tuple[HandoutExercise, ...]
    timeline: tuple[Cue, ...]
    strip: SessionStrip
    session_seconds: float
    log_weeks: tuple[LogWeek, ...]
    log_weeks_stated: bool
    doses_on: str | None = None


# -- words ----------------------------------------------------------------------------------------


def _plural(count: float, noun: str) -> str:
    return f"{format_number(count)} {noun}{'' if count == 1 else 's'}"


def _seconds(low: float, high: float | None = None) -> str:
    """``"15 seconds"``, ``"15\u201320 seconds"`` (with an en dash)."""
    if high is None or high == low:
        return _plural(low, "second")
    return f"{format_number(low)}{_DASH}{format_number(high)} seconds"


def _rest_words(rest: Rest) -> str:
    if rest.min_seconds is not None and rest.max_seconds is not None:
        return _seconds(rest.min_seconds, rest.max_seconds)
    return str(rest.text)


def _times(count: int) -> str:
    if count == 1:
        return "once"
    if count == 2:  # noqa: PLR2004 - "twice" is the word for two
        return "twice"
    return f"{count} times"


def _side_sentence(item: RoutineItem) -> str:
    laterality = item.exercise.laterality
    if laterality is Laterality.AFFECTED_SIDE:
        return f"{item.side.value.capitalize()} side only."
    if laterality is Laterality.BILATERAL:
        return "Both sides together."
    lead = Side.RIGHT if item.side is Side.BOTH else item.side
    other = Side.LEFT if lead is Side.RIGHT else Side.RIGHT
    if laterality is Laterality.ALTERNATING:
        return f"Take turns left and right, starting with the {lead.value}."
    return f"Do every repetition on the {lead.value} side first, then on the {other.value}."


def _count_sentence(item: RoutineItem) -> str:
    counting = item.exercise.repetitions.counting
    reps = item.reps
    if counting is CountingRule.PER_SIDE:
        return f"Do it {_times(reps)} on each side."
    if counting is CountingRule.TOTAL:
        first, second = (reps + 1) // 2, reps // 2
        split = (
            f"{first} on each side"
            if first == second
            else f"{first} on the first side, {second} on the other"
        )
        return f"Do it {_times(reps)} in all ({split})."
    return f"Do it {_times(reps)}."


def _load(item: RoutineItem) -> Load | None:
    load = default_load(item.exercise) if item.load is None else item.load
    return None if load is None or load.kind is LoadKind.BODY_WEIGHT else load


def _dose(item: RoutineItem) -> tuple[str, ...]:
    """The prescribed dose in short sentences, in the order a patient does it."""
    exercise = item.exercise
    sentences = []
    sets = sets_played(item)
    if sets > 1 or exercise.sets is not None:
        sentences.append(f"Do {_plural(sets, 'set')}.")
    if item.work_seconds is not None:
        sentences.append(f"Keep moving for {_seconds(item.work_seconds)}.")
    elif exercise.timed_work is not None:
        work = exercise.timed_work
        sentences.append(f"Keep moving for {_seconds(work.min_seconds, work.max_seconds)}.")
    if item.hold_seconds is not None:
        sentences.append(f"Hold {_seconds(item.hold_seconds)}.")
    elif exercise.hold is not None:
        sentences.append(f"Hold {_seconds(exercise.hold.min_seconds, exercise.hold.max_seconds)}.")
    count = _count_sentence(item)
    sentences.append(count if sets == 1 else count.replace("Do it", "In each set, do it", 1))
    sentences.append(_side_sentence(item))
    load = _load(item)
    if load is not None:
        sentences.append(f"Use: {load}.")
    return tuple(sentences)


# -- working figures ------------------------------------------------------------------------------

_FIGURE_NAMES: Final = {
    CueKind.GET_READY: "Getting ready",
    CueKind.NEXT_EXERCISE: "Getting into position",
    CueKind.RELEASE: "Coming back between repetitions",
    CueKind.REST: "Rest between repetitions",
    CueKind.SET_REST: "Rest between sets",
    CueKind.SWITCH_SIDES: "Switching sides",
    CueKind.MOVE: "One repetition",
}


def _interpretation(cue: Cue, exercise: Exercise) -> Interpretation:
    """Which working interpretation an interpreted cue plays."""
    if cue.kind is CueKind.REST:
        return Interpretation.VAGUE_REST
    if cue.kind is CueKind.SET_REST:
        documented = exercise.sets is not None and exercise.sets.rest is not None
        return Interpretation.VAGUE_SET_REST if documented else Interpretation.BETWEEN_SETS
    return {
        CueKind.GET_READY: Interpretation.GET_READY,
        CueKind.NEXT_EXERCISE: Interpretation.NEXT_EXERCISE,
        CueKind.RELEASE: Interpretation.RELEASE,
        CueKind.SWITCH_SIDES: Interpretation.SWITCH_SIDES,
        CueKind.MOVE: Interpretation.MOVE,
    }[cue.kind]


def _working_figures(cues: Iterable[Cue], exercise: Exercise) -> tuple[WorkingFigure, ...]:
    """The interpreted lengths among an exercise's cues, one per kind, in the order they come."""
    figures: dict[CueKind, WorkingFigure] = {}
    for cue in cues:
        if not cue.interpreted or cue.kind in figures:
            continue
        covers = _interpretation(cue, exercise).covers
        figures[cue.kind] = WorkingFigure(
            kind=cue.kind.value,
            seconds=cue.duration_seconds,
            covers=covers,
            text=(
                f"{_FIGURE_NAMES[cue.kind]}: {_seconds(cue.duration_seconds)}, "
                f"the library's figure for {covers}."
            ),
        )
    return tuple(figures.values())


# -- the strip ----------------------------------------------------------------------------------


def _strip(timeline: tuple[Cue, ...]) -> SessionStrip:
    """A bar per cue, and which of them the library timed: the one source of both renderers."""
    segments = tuple(
        StripSegment(
            kind=cue.kind.value,
            start_seconds=cue.start_seconds,
            duration_seconds=cue.duration_seconds,
            working=cue.kind in _WORKING,
            own=cue.interpreted,
        )
        for cue in timeline
    )
    # Never empty: a session opens with getting ready, whose length no source states.
    own = [cue for cue in timeline if cue.interpreted]
    *first, last = dict.fromkeys(_FIGURE_NAMES[cue.kind].lower() for cue in own)
    kinds = f"{', '.join(first)} and {last}" if first else last
    return SessionStrip(
        total_seconds=timeline[-1].end_seconds,
        segments=segments,
        own_label=_OWN_LABEL,
        own_text=(
            f"{len(own)} of the {len(segments)} bars, hatched and outlined with dashes, "
            f"{'is' if len(own) == 1 else 'are'} the library's own timing, "
            f"{'a length' if len(own) == 1 else 'lengths'} that no source states as a number: "
            f"{kinds}."
        ),
    )


# -- the rest of the handout ----------------------------------------------------------------------


def _media(exercise: Exercise) -> tuple[HandoutMedia, ...]:
    return tuple(
        HandoutMedia(
            uri=media.uri,
            kind="image" if media.kind is MediaKind.IMAGE else "video",
            alt=media.alt,
            licence=media.licence,
            linkable=_linkable(media.uri),
        )
        for media in exercise.media
    )


def _linkable(uri: str) -> bool:
    """A web address or a relative path: no other scheme, no control character, no backslash."""
    if any(ord(char) < 0x20 or char in "\\\x7f" for char in uri) or uri.strip() != uri:  # noqa: PLR2004
        return False
    lowered = uri.lower()
    if lowered.startswith(("http://", "https://")):
        return True
    scheme, colon, _ = uri.partition(":")
    # No scheme: a colon only after a slash, a query or a fragment ("a/b:c" is a path).
    return not colon or any(char in scheme for char in "/?#")


def _how_often(routine: Routine) -> HowOften:
    frequency = routine.frequency
    weeks = "" if routine.weeks is None else f", for {_plural(routine.weeks, 'week')}"
    start = "" if routine.start is None else f", starting {routine.start.isoformat()}"
    return HowOften(
        sessions_per_day=frequency.sessions_per_day,
        days_per_week=frequency.days_per_week,
        weeks=routine.weeks,
        start=routine.start,
        text=f"{frequency}{weeks}{start}.",
    )


def _log_weeks(routine: Routine, log_weeks: int | None) -> tuple[tuple[LogWeek, ...], bool]:
    if log_weeks is not None:
        if isinstance(log_weeks, bool) or not isinstance(log_weeks, int):
            raise InvalidValueError(f"'log_weeks' must be a whole number or None: {log_weeks!r}")
        if not 1 <= log_weeks <= MAX_LOG_WEEKS:
            raise InvalidValueError(f"'log_weeks' must be from 1 to {MAX_LOG_WEEKS}: {log_weeks!r}")
    # A programme longer than the longest log is cut there, and the log says it is not its own.
    stated = log_weeks is None and routine.weeks is not None and routine.weeks <= MAX_LOG_WEEKS
    if log_weeks is None:
        log_weeks = (
            DEFAULT_LOG_WEEKS if routine.weeks is None else min(routine.weeks, MAX_LOG_WEEKS)
        )
    boxes = routine.frequency.sessions_per_day * routine.frequency.days_per_week
    start = routine.start
    return (
        tuple(
            LogWeek(
                number=number,
                starts=None if start is None else start + datetime.timedelta(weeks=number - 1),
                sessions=boxes,
            )
            for number in range(1, log_weeks + 1)
        ),
        stated,
    )


def item_cues(timeline: tuple[Cue, ...]) -> tuple[tuple[int, int], ...]:
    """Where each item's cues lie in ``timeline``: ``(begin, end)`` indexes, one per item.

    An item's cues run from its ``get-ready`` or ``next-exercise`` cue to the next item's; the
    same exercise may come back in several items, so its id does not tell them apart.
    """
    opening = (CueKind.GET_READY, CueKind.NEXT_EXERCISE)
    starts = [index for index, cue in enumerate(timeline) if cue.kind in opening]
    return tuple(zip(starts, [*starts[1:], len(timeline)], strict=True))


_GATE_WORDS: Final = {
    Gate.SETS_DONE: "you did all your sets",
    Gate.PAIN_NOT_HIGHER: "your pain after the sessions was no higher than before",
}


def _amount(dose: ProgressedDose, amount: float, unit: str) -> str:
    """An amount of the dose a rule moves: ``"twice"``, ``"2 seconds"``, ``"1 set"``, ``"2 kg"``."""
    if dose is ProgressedDose.REPS:
        return _times(int(amount))
    if dose is ProgressedDose.SETS:
        return _plural(amount, "set")
    if dose is ProgressedDose.LOAD:
        return f"{format_number(amount)} {unit}"
    return _plural(amount, "second")


#: What one step does, in the patient's words, around its amount.
_STEP_WORDS: Final = {
    ProgressedDose.REPS: "do it {} more",
    ProgressedDose.HOLD_SECONDS: "hold it {} longer",
    ProgressedDose.SETS: "add {}",
    ProgressedDose.WORK_SECONDS: "keep going {} longer",
    ProgressedDose.LOAD: "add {}",
}


def _progression(item: RoutineItem) -> tuple[str, ...]:
    """How the item's dose rises, one sentence per rule that can move it."""
    if not item.progression:
        return ()
    start = starting_dose(item.exercise, {name: getattr(item, name) for name in DOSE_FIELDS})
    sentences = []
    for rule in item.progression:
        begin = start_of(rule.dose.value, start)
        cap = None if begin is None else cap_of(rule, item.exercise, begin)
        if cap is None:  # a load without an amount, which no rule moves
            continue
        unit = begin.unit.value if rule.dose is ProgressedDose.LOAD else ""
        if rule.every_weeks is not None:
            weeks = rule.every_weeks
            when = "Every week" if weeks == 1 else f"Every {weeks} weeks"
        else:
            sessions = rule.every_sessions
            when = "After each session" if sessions == 1 else f"After every {sessions} sessions"
        gate = " and ".join(_GATE_WORDS[gate] for gate in rule.gate)
        step = _STEP_WORDS[rule.dose].format(_amount(rule.dose, rule.step, unit))
        upto = _amount(rule.dose, cap, unit)
        sentences.append(f"{when}, {step}, up to {upto}{f', if {gate}' if gate else ''}.")
    return tuple(sentences)


def handout_content(
    routine: Routine,
    *,
    pacing: Pacing | None = None,
    log_weeks: int | None = None,
    on: datetime.date | None = None,
    logs: Iterable[SessionLog] = (),
) -> HandoutContent:
    """Read everything a patient's handout shows out of ``routine``.

    Example::

        >>> from solpt_rehab import RoutineBuilder
        >>> from solpt_rehab.handout import handout_content
        >>> routine = RoutineBuilder("Hips").add("figure-4-stretch", side="left").build()
        >>> content = handout_content(routine)
        >>> content.exercises[0].dose
        ('Hold 15 seconds.', 'Do it 3 times.', 'Left side only.')
        >>> content.how_often.text
        '1 session a day, 7 days a week.'

    Args:
        routine: The routine.
        pacing: Lengths of your own for the working interpretations, as for
            :func:`~solpt_rehab.session_timeline`; ``None`` keeps the library's.
        log_weeks: How many weeks the paper log covers; ``None`` for the programme's weeks, or
            :data:`DEFAULT_LOG_WEEKS` when the programme is open. At most 52.
        on: The day whose doses the handout gives, for a routine whose items progress: each
            item at the dose in force that day (:func:`~solpt_rehab.dose_on`), and a sentence
            saying which day and week; ``None`` for the starting doses.
        logs: The session logs that gated progression rules read (only with ``on``).

    Returns:
        A :class:`HandoutContent`; its texts are plain, unescaped.

    Raises:
        InvalidValueError: For a ``routine`` that is not a :class:`~solpt_rehab.Routine`, a
            ``pacing`` that is not a :class:`~solpt_rehab.Pacing`, or ``log_weeks`` that is not
            a whole number from 1 to 52.

    .. versionadded:: 0.2.0
    """
    if not isinstance(routine, Routine):
        raise InvalidValueError(f"'routine' must be a Routine: {routine!r}")
    logs = tuple(logs)
    doses_on = None
    if on is not None:
        from .._logs.progression import dose_on  # noqa: PLC0415 - only for a day's doses

        doses_on = _doses_on(routine, on)
        routine = dose_on(routine, on, logs)
    elif logs:
        raise InvalidValueError("'logs' are read only for the doses of a day: give 'on' too")
    timeline = session_timeline(routine, pacing)
    duration = session_duration(routine, pacing)
    weeks, stated = _log_weeks(routine, log_weeks)
    exercises = []
    for number, (item, (begin, end)) in enumerate(
        zip(routine.items, item_cues(timeline), strict=True), start=1
    ):
        exercise = item.exercise
        sets = exercise.sets
        load = _load(item)
        exercises.append(
            HandoutExercise(
                number=number,
                exercise_id=exercise.id,
                name=exercise.name,
                purpose=exercise.purpose,
                steps=tuple(step.text for step in exercise.steps),
                dose=_dose(item),
                summary=describe_dose(item),
                sets=sets_played(item),
                rest=(
                    None
                    if exercise.repetitions.rest is None
                    else "Rest " + _rest_words(exercise.repetitions.rest) + " between repetitions."
                ),
                set_rest=(
                    None
                    if sets is None or sets.rest is None
                    else f"Rest {_rest_words(sets.rest)} between sets."
                ),
                load=None if load is None else str(load),
                effort=None if exercise.effort is None else str(exercise.effort),
                equipment=tuple(str(equipment) for equipment in exercise.equipment),
                precautions=exercise.precautions,
                notes=item.notes,
                media=_media(exercise),
                working_figures=_working_figures(timeline[begin:end], exercise),
                progression=_progression(item),
            )
        )
    return HandoutContent(
        title=routine.name,
        notes=routine.notes,
        how_often=_how_often(routine),
        session_length=str(duration),
        min_seconds=duration.min_seconds,
        max_seconds=duration.max_seconds,
        exercises=tuple(exercises),
        timeline=timeline,
        strip=_strip(timeline),
        session_seconds=timeline[-1].end_seconds,
        log_weeks=weeks,
        log_weeks_stated=stated,
        doses_on=doses_on,
    )


def _doses_on(routine: Routine, day: datetime.date) -> str:
    """Which day, and week of the programme, a handout's doses are those of."""
    given: object = day  # a caller's value, whatever its annotation says
    if not isinstance(given, datetime.date) or isinstance(given, datetime.datetime):
        raise InvalidValueError(f"'on' must be a date: {day!r}")
    from .._logs.progression import week_of  # noqa: PLC0415 - only for a day's doses

    week = week_of(routine, day)
    if week is not None:
        return f"The doses in force on {day.isoformat()}, week {week} of the programme."
    if routine.start is not None and day >= routine.start:
        return f"The doses in force on {day.isoformat()}, after the programme's end."
    return f"The doses in force on {day.isoformat()}."
