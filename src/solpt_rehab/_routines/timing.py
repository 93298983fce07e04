"""Time: how long one session of a routine lasts, and its cues for a timer.

A session is a sequence of segments: getting ready, a hold (or a movement, or timed work) per
repetition, releases or rests between repetitions, a switch of sides, a rest between sets, the
change to the next exercise. A hold's and timed work's length is prescribed; a documented rest has
its own numbers; everything else is a length
no source states, which the library fills with a *working interpretation*: one of the named
:class:`Interpretation` constants below, each a range with the one value a timer plays, unless a
:class:`Pacing` gives a length of its own. :func:`session_duration` adds up the low ends and the
high ends; :func:`session_timeline` plays the segments one after the other.

Both compute the same segments in the same order, so the timeline's length always lies within
the duration (floating-point addition is monotonic). Both are functions of a routine: this module
imports the routine's values and they never import it, so the routine stays free of timing policy.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Iterator
from typing import Any, Final

import attrs

from .._core.errors import InvalidValueError
from .._model import rules
from .._model.rules import TEXT_LIMIT, Flag, Nullable, Number, Text, declare
from .._model.values import (
    CountingRule,
    Hold,
    Laterality,
    Load,
    LoadKind,
    Rest,
    StrChoice,
    TimedWork,
    format_number,
)
from .dose import (
    Side,
    default_hold_seconds,
    default_load,
    default_work_seconds,
    sets_played,
)
from .values import Routine, RoutineItem

__all__ = [
    "Cue",
    "CueKind",
    "Interpretation",
    "Pacing",
    "SessionDuration",
    "format_length",
    "session_duration",
    "session_timeline",
    "sets_played",
]


_LENGTH: Final = Nullable(Number())
_SINCE_START: Final = Number(zero=True)


class Interpretation(enum.Enum):
    """A length of time that no source states, as the library reads it: the named constants.

    The numbers are the library's own working choices for pacing a home session, not clinical
    facts and not the source's: a timer needs some number, and these say openly which one. Each
    is a range (:attr:`min_seconds` to :attr:`max_seconds`, which
    :func:`~solpt_rehab.session_duration` adds up) and the one value
    :func:`~solpt_rehab.session_timeline` plays (:attr:`seconds`). The :class:`~solpt_rehab.Pacing`
    field named by the member's :attr:`keyword` replaces it with an exact length of your own.

    Example::

        >>> from solpt_rehab import Interpretation
        >>> rest = Interpretation.VAGUE_REST
        >>> (rest.keyword, rest.min_seconds, rest.seconds, rest.max_seconds)
        ('vague_rest_seconds', 2, 3, 5)

    .. versionadded:: 0.1.0
    """

    #: Getting into the starting position of the session's first exercise (onto the mat, lying
    #: down, finding the position).
    GET_READY = (
        "get_ready_seconds",
        5,
        10,
        15,
        "getting into the starting position of the first exercise",
    )
    #: Changing from one exercise to the next and getting into its starting position.
    NEXT_EXERCISE = (
        "next_exercise_seconds",
        10,
        15,
        30,
        "changing to the next exercise and getting into its starting position",
    )
    #: Letting go of a repetition and getting back into position for the next one, when the
    #: source states no rest between repetitions.
    RELEASE = (
        "release_seconds",
        2,
        3,
        5,
        "letting go and getting back into position when no rest is documented",
    )
    #: A rest documented without a number, such as the article's "a few seconds".
    VAGUE_REST = (
        "vague_rest_seconds",
        2,
        3,
        5,
        'a rest documented without a number, such as "a few seconds"',
    )
    #: Releasing the last repetition on one side and setting up on the other (each-side work).
    SWITCH_SIDES = (
        "switch_sides_seconds",
        3,
        5,
        10,
        "releasing one side and setting up on the other (each-side exercises)",
    )
    #: One repetition of an exercise that documents no hold: the movement out and back.
    MOVE = (
        "move_seconds",
        2,
        3,
        4,
        "one repetition of an exercise without a hold, out and back",
    )
    #: The pause between two sets when the source documents no rest between sets.
    #:
    #: .. versionadded:: 0.2.0
    BETWEEN_SETS = (
        "between_sets_seconds",
        15,
        30,
        60,
        "pausing between two sets when no rest between sets is documented",
    )
    #: A rest between sets documented without a number, such as "a short while".
    #:
    #: .. versionadded:: 0.2.0
    VAGUE_SET_REST = (
        "vague_set_rest_seconds",
        15,
        30,
        60,
        'a rest between sets documented without a number, such as "a short while"',
    )

    keyword: str
    min_seconds: float
    seconds: float
    max_seconds: float
    covers: str

    def __init__(
        self, keyword: str, min_seconds: float, seconds: float, max_seconds: float, covers: str
    ) -> None:
        #: The field of :class:`~solpt_rehab.Pacing` that replaces it, such as
        #: ``"vague_rest_seconds"``.
        self.keyword = keyword
        #: The short end of the range, in seconds.
        self.min_seconds = min_seconds
        #: What a timer plays, from ``min_seconds`` to ``max_seconds``.
        self.seconds = seconds
        #: The long end of the range, in seconds.
        self.max_seconds = max_seconds
        #: What the time is for, for a person.
        self.covers = covers


@rules.declared()
@attrs.frozen(kw_only=True)
class Pacing:
    """Exact lengths of your own for the working interpretations of a session.

    Each field is named by an :class:`~solpt_rehab.Interpretation`'s :attr:`keyword
    <solpt_rehab.Interpretation.keyword>`. ``None`` (the default) keeps the library's working
    interpretation; a number replaces it, in :func:`~solpt_rehab.session_duration` and
    :func:`~solpt_rehab.session_timeline` alike, with exactly that many seconds. A replaced length
    is still the library's pacing rather than the source's, so its cues stay marked
    ``interpreted``.

    Example::

        >>> from solpt_rehab import Pacing
        >>> Pacing(get_ready_seconds=30, vague_rest_seconds=5) == Pacing(
        ...     vague_rest_seconds=5, get_ready_seconds=30
        ... )
        True

    Attributes:
        get_ready_seconds: Replaces :attr:`Interpretation.GET_READY
            <solpt_rehab.Interpretation.GET_READY>`: getting ready for the first exercise.
        next_exercise_seconds: Replaces :attr:`Interpretation.NEXT_EXERCISE
            <solpt_rehab.Interpretation.NEXT_EXERCISE>`: the change to the next exercise.
        release_seconds: Replaces :attr:`Interpretation.RELEASE
            <solpt_rehab.Interpretation.RELEASE>`: the release between repetitions with no
            documented rest.
        vague_rest_seconds: Replaces :attr:`Interpretation.VAGUE_REST
            <solpt_rehab.Interpretation.VAGUE_REST>`: a rest documented without a number ("a few
            seconds").
        switch_sides_seconds: Replaces :attr:`Interpretation.SWITCH_SIDES
            <solpt_rehab.Interpretation.SWITCH_SIDES>`: the switch of sides of an each-side
            exercise.
        move_seconds: Replaces :attr:`Interpretation.MOVE <solpt_rehab.Interpretation.MOVE>`: one
            repetition of an exercise without a hold.
        between_sets_seconds: Replaces :attr:`Interpretation.BETWEEN_SETS
            <solpt_rehab.Interpretation.BETWEEN_SETS>`: the pause between sets when no rest
            between sets is documented (since 0.2.0).
        vague_set_rest_seconds: Replaces :attr:`Interpretation.VAGUE_SET_REST
            <solpt_rehab.Interpretation.VAGUE_SET_REST>`: a rest between sets documented without
            a number (since 0.2.0).

    Raises:
        InvalidValueError: For a field that is neither ``None`` nor a finite number > 0.

    .. versionadded:: 0.1.0
    """

    get_ready_seconds: float | None = attrs.field(default=None, metadata=declare(_LENGTH))
    next_exercise_seconds: float | None = attrs.field(default=None, metadata=declare(_LENGTH))
    release_seconds: float | None = attrs.field(default=None, metadata=declare(_LENGTH))
    vague_rest_seconds: float | None = attrs.field(default=None, metadata=declare(_LENGTH))
    switch_sides_seconds: float | None = attrs.field(default=None, metadata=declare(_LENGTH))
    move_seconds: float | None = attrs.field(default=None, metadata=declare(_LENGTH))
    between_sets_seconds: float | None = attrs.field(default=None, metadata=declare(_LENGTH))
    vague_set_rest_seconds: float | None = attrs.field(default=None, metadata=declare(_LENGTH))

    __attrs_post_init__ = rules.checks_pending


# -- values ---------------------------------------------------------------------------------------


def format_length(seconds: float) -> str:
    """A length for a person: ``"45 s"``, ``"2 min"``, ``"3 min 7.5 s"``."""
    rounded = round(seconds, 1)
    minutes, rest = divmod(rounded, 60)
    rest = round(rest, 1)
    if minutes == 0:
        return f"{format_number(rest)} s"
    whole = f"{format_number(minutes)} min"
    return whole if rest == 0 else f"{whole} {format_number(rest)} s"


@rules.declared(
    rules.max_not_below("min_seconds", "max_seconds", {"min_seconds": 60, "max_seconds": 30})
)
@attrs.frozen(kw_only=True)
class SessionDuration:
    """The estimated length of one session: a range of seconds.

    The holds and timed work are prescribed and count once (a dose left out counts its whole
    documented range); the rest of the range comes from the documented rests, between repetitions
    and between sets, and the working interpretations (:class:`~solpt_rehab.Interpretation`):
    :attr:`min_seconds` takes their low ends, :attr:`max_seconds` their high ends.
    ``seconds in duration`` tells whether a length lies inside; ``str()`` writes the range for a
    person.

    Attributes:
        min_seconds: The shortest estimate, in seconds; a finite number >= 0.
        max_seconds: The longest estimate, in seconds; >= ``min_seconds``.

    .. versionadded:: 0.1.0
    """

    min_seconds: float = attrs.field(metadata=declare(_SINCE_START))
    max_seconds: float = attrs.field(metadata=declare(_SINCE_START))

    __attrs_post_init__ = rules.checks_pending

    def to_json(self) -> dict[str, float]:
        """The range as a JSON object: ``{"min_seconds": 168, "max_seconds": 251}``.

        Returns:
            A new dict; a whole number of seconds is an ``int`` (``168``, never ``168.0``).

        .. versionadded:: 0.2.0
        """
        return {"min_seconds": _number(self.min_seconds), "max_seconds": _number(self.max_seconds)}

    def __contains__(self, seconds: object) -> bool:
        if isinstance(seconds, bool) or not isinstance(seconds, (int, float)):
            return False
        return self.min_seconds <= seconds <= self.max_seconds

    def __str__(self) -> str:
        low, high = format_length(self.min_seconds), format_length(self.max_seconds)
        return low if low == high else f"{low} to {high}"


class CueKind(StrChoice):
    """What a timer cue is for.

    .. versionadded:: 0.1.0
    """

    #: Getting into the starting position of the session's first exercise.
    GET_READY = "get-ready"
    #: Staying in the working position for the prescribed hold: the countdown.
    HOLD = "hold"
    #: One repetition of an exercise without a hold, out and back.
    MOVE = "move"
    #: Moving continuously for the prescribed timed work: the countdown. Not a hold.
    #:
    #: .. versionadded:: 0.2.0
    WORK = "work"
    #: Letting go and getting back into position before the next repetition (no rest documented).
    RELEASE = "release"
    #: The documented rest between repetitions.
    REST = "rest"
    #: The rest between two sets: documented, or the library's working interpretation.
    #:
    #: .. versionadded:: 0.2.0
    SET_REST = "set-rest"
    #: Changing from the last repetition on one side to the first on the other (each side).
    SWITCH_SIDES = "switch-sides"
    #: Changing to the next exercise and getting into its starting position.
    NEXT_EXERCISE = "next-exercise"


def _to_cue_kind(value: CueKind | str) -> CueKind:
    return rules.convert_member(CueKind, value, "kind")  # type: ignore[no-any-return]


def _to_optional_side(value: Side | str | None) -> Side | None:
    return rules.convert_member(Side, value, "side", nullable=True)  # type: ignore[no-any-return]


#: The longest prompt a cue may have, in characters: a prompt joins texts of the model, each of at
#: most TEXT_LIMIT characters (an exercise's name, its load's
#: level and words, a rest's words), with the library's own words around them.
_PROMPT_LIMIT: Final = 5 * TEXT_LIMIT


@rules.declared()
@attrs.frozen(kw_only=True)
class Cue:
    """One timed cue of a session, for a timer or a voice.

    Attributes:
        start_seconds: When the cue starts, in seconds from the start of the session.
        duration_seconds: How long it lasts; > 0. The next cue starts where this one ends.
        kind: What the cue is for.
        exercise_id: The exercise it belongs to (for ``next-exercise``, the one coming).
        side: The side that works during a ``hold``, ``move`` or ``work``; the side to start
            with for ``get-ready`` and ``next-exercise``; the side to change to for
            ``switch-sides``; for a ``release``, ``rest`` or ``set-rest`` after which the side
            changes, the side that comes next. ``BOTH`` for both sides at once; ``None`` when no
            side changes.
        prompt: A short sentence to say aloud.
        interpreted: Whether the length is one of the library's working interpretations
            (:class:`~solpt_rehab.Interpretation`) instead of a prescribed or documented number.
        repetition: For a ``hold``, ``move`` or ``work``, the repetition's number as the
            exercise counts it (across both sides when counted in total, per side when counted
            per side); ``None`` otherwise.
        set_number: For the cues of an item that does more than one set, the number of the set
            the cue belongs to (for a ``set-rest``, the set that comes next); ``None`` for
            ``get-ready``, ``next-exercise`` and every cue of an item of one set (since 0.2.0).

    .. versionadded:: 0.1.0
    """

    start_seconds: float = attrs.field(metadata=declare(_SINCE_START))
    duration_seconds: float = attrs.field(metadata=declare(Number()))
    kind: CueKind = attrs.field(converter=_to_cue_kind, metadata=declare(rules.one_of(CueKind)))
    exercise_id: str = attrs.field(metadata=declare(Text(slug=True)))
    side: Side | None = attrs.field(
        default=None, converter=_to_optional_side, metadata=declare(Nullable(rules.one_of(Side)))
    )
    prompt: str = attrs.field(metadata=declare(Text(nonempty=False, limit=_PROMPT_LIMIT)))
    interpreted: bool = attrs.field(metadata=declare(Flag()))
    repetition: int | None = attrs.field(
        default=None, metadata=declare(Nullable(Number(whole=True)))
    )
    set_number: int | None = attrs.field(
        default=None, metadata=declare(Nullable(Number(whole=True)))
    )

    __attrs_post_init__ = rules.checks_pending

    @property
    def end_seconds(self) -> float:
        """When the cue ends: ``start_seconds + duration_seconds``."""
        return self.start_seconds + self.duration_seconds

    def to_json(self) -> dict[str, Any]:
        """The cue as a JSON object for a timer app, as ``solpt-rehab routine`` writes it.

        Returns:
            A new dict with every field under its own name; ``kind`` and ``side`` are their string
            values (``side`` ``None`` when no side changes), and a whole number of seconds is an
            ``int`` (``10``, never ``10.0``), so that every number is written one way.

        .. versionadded:: 0.2.0
        """
        return {
            "start_seconds": _number(self.start_seconds),
            "duration_seconds": _number(self.duration_seconds),
            "kind": self.kind.value,
            "exercise_id": self.exercise_id,
            "side": None if self.side is None else self.side.value,
            "prompt": self.prompt,
            "interpreted": self.interpreted,
            "repetition": self.repetition,
            "set_number": self.set_number,
        }

    def __str__(self) -> str:
        """When, how long, what and the prompt: ``0:10 +15 s hold (figure-4-stretch): ...``.

        A ``*`` after the length marks a working interpretation, as in ``format_timeline``.

        ``repr()`` stays attrs' own, faithful to every field.
        """
        minutes, seconds = divmod(self.start_seconds, 60)
        start = f"{int(minutes)}:{format_number(round(seconds, 1)).zfill(2)}"
        length = format_number(round(self.duration_seconds, 1)) + ("*" if self.interpreted else "")
        return f"{start} +{length} s {self.kind.value} ({self.exercise_id}): {self.prompt}"


def _number(seconds: float) -> float:
    """``seconds`` for JSON: a whole float as an ``int`` (``15.0`` is ``15``), else as it is."""
    return int(seconds) if float(seconds).is_integer() else seconds


# -- pacing ---------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class _Span:
    """A segment's length: the low end, what a timer plays, the high end."""

    low: float
    play: float
    high: float

    @classmethod
    def exactly(cls, seconds: float) -> _Span:
        return cls(low=seconds, play=seconds, high=seconds)


def _spans(pacing: Pacing | None) -> dict[str, _Span]:
    """The span of each interpretation, keyed by its keyword; a length ``pacing`` gives pins it."""
    if pacing is None:
        pacing = Pacing()
    elif not isinstance(pacing, Pacing):
        raise InvalidValueError(f"'pacing' must be a Pacing or None: {pacing!r}")
    spans = {}
    for interpretation in Interpretation:
        given: float | None = getattr(pacing, interpretation.keyword)
        spans[interpretation.keyword] = (
            _Span(
                low=interpretation.min_seconds,
                play=interpretation.seconds,
                high=interpretation.max_seconds,
            )
            if given is None
            else _Span.exactly(given)
        )
    return spans


@attrs.frozen(kw_only=True)
class _Segment:
    """A cue before it has a start time, with the range of its length."""

    kind: CueKind
    exercise_id: str
    side: Side | None
    prompt: str
    interpreted: bool
    span: _Span
    repetition: int | None = None
    set_number: int | None = None


@attrs.frozen(kw_only=True)
class _Repetition:
    side: Side
    number: int
    of: int


def _repetitions(item: RoutineItem) -> tuple[_Repetition, ...]:
    """The repetitions of an item in order, each with its side and number, by the counting rule."""
    scheme = item.exercise.repetitions
    reps = item.reps
    laterality = scheme.laterality
    if laterality is Laterality.AFFECTED_SIDE or laterality is Laterality.BILATERAL:
        return tuple(_Repetition(side=item.side, number=n, of=reps) for n in range(1, reps + 1))
    lead = Side.RIGHT if item.side is Side.BOTH else item.side
    other = Side.LEFT if lead is Side.RIGHT else Side.RIGHT
    per_side = scheme.counting is CountingRule.PER_SIDE
    if laterality is Laterality.ALTERNATING:
        holds = 2 * reps if per_side else reps
        return tuple(
            _Repetition(
                side=lead if index % 2 == 0 else other,
                number=index // 2 + 1 if per_side else index + 1,
                of=reps,
            )
            for index in range(holds)
        )
    # Each side: every repetition on the leading side, then every one on the other. Counted in
    # total, the leading side takes the larger half.
    first = reps if per_side else (reps + 1) // 2
    second = reps if per_side else reps // 2
    offset = 0 if per_side else first
    return (
        *(_Repetition(side=lead, number=n, of=reps) for n in range(1, first + 1)),
        *(_Repetition(side=other, number=offset + n, of=reps) for n in range(1, second + 1)),
    )


def _seconds_text(seconds: float) -> str:
    return f"{format_number(seconds)} second{'' if seconds == 1 else 's'}"


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _side_phrase(side: Side) -> str:
    return "" if side is Side.BOTH else f", {side.value} side"


def _start_phrase(item: RoutineItem, side: Side) -> str:
    """How the first cue of an exercise names its side."""
    if item.exercise.laterality.two_sided:
        return f", starting on the {side.value}"
    return _side_phrase(side)


def _load_phrase(item: RoutineItem) -> str:
    """What the first cue of an exercise says of its load: ``" Load: light band."``, or nothing.

    The prescribed load, or else the documented one at its least, as the dose rules read a load
    left out; nothing for body weight or for an exercise that names no load.
    """
    load: Load | None = default_load(item.exercise) if item.load is None else item.load
    if load is None or load.kind is LoadKind.BODY_WEIGHT:
        return ""
    return f" Load: {load}."


@attrs.frozen(kw_only=True)
class _SetOf:
    """The set a repetition belongs to, and how many the item does."""

    number: int
    of: int


def _segments(routine: Routine, spans: dict[str, _Span]) -> Iterator[_Segment]:
    """Every segment of one session, in order."""
    for index, item in enumerate(routine.items):
        exercise = item.exercise
        repetitions = _repetitions(item)
        first_side = repetitions[0].side
        opening = _start_phrase(item, first_side)
        load = _load_phrase(item)
        if index == 0:
            yield _Segment(
                kind=CueKind.GET_READY,
                exercise_id=exercise.id,
                side=first_side,
                prompt=f"Get ready: {exercise.name}{opening}.{load}",
                interpreted=True,
                span=spans[Interpretation.GET_READY.keyword],
            )
        else:
            yield _Segment(
                kind=CueKind.NEXT_EXERCISE,
                exercise_id=exercise.id,
                side=first_side,
                prompt=f"Next exercise: {exercise.name}{opening}. Get into position.{load}",
                interpreted=True,
                span=spans[Interpretation.NEXT_EXERCISE.keyword],
            )
        sets = sets_played(item)
        for number in range(1, sets + 1):
            of = None if sets == 1 else _SetOf(number=number, of=sets)
            if of is not None and number > 1:
                yield _between_sets(item, repetitions[-1], repetitions[0], of, spans)
            previous: _Repetition | None = None
            for repetition in repetitions:
                if previous is not None:
                    between = _between(item, previous, repetition, spans)
                    yield between if of is None else attrs.evolve(between, set_number=of.number)
                yield from _work(item, repetition, spans, of=of, opens_set=previous is None)
                previous = repetition


def _prescribed_span(
    prescribed: float | None, documented: Hold | TimedWork, default: float | None
) -> _Span:
    """The span of a hold or timed work: as prescribed, or else the default within its range.

    Not prescribed, it plays the default and allows for the whole documented range.
    """
    if prescribed is not None:
        return _Span.exactly(prescribed)
    return _Span(
        low=documented.min_seconds,
        play=documented.min_seconds if default is None else default,
        high=documented.max_seconds,
    )


def _work(
    item: RoutineItem,
    repetition: _Repetition,
    spans: dict[str, _Span],
    *,
    of: _SetOf | None,
    opens_set: bool,
) -> Iterator[_Segment]:
    """The work of one repetition: its timed work, then its hold; or, with neither, a movement.

    ``of`` is the set, for an item of more than one set, whose first repetition (``opens_set``)
    announces it.
    """
    exercise = item.exercise
    side = repetition.side
    where = "" if side is Side.BOTH else f"{side.value} side, "
    count = f"{repetition.number} of {repetition.of}"
    announce = f"Set {of.number} of {of.of}. " if of is not None and opens_set else ""

    def segment(kind: CueKind, what: str, span: _Span, *, interpreted: bool) -> _Segment:
        # Only the first segment of a repetition that opens a set announces it.
        nonlocal announce
        prompt, announce = announce + _sentence(f"{where}{what}"), ""
        return _Segment(
            kind=kind,
            exercise_id=exercise.id,
            side=side,
            prompt=prompt,
            interpreted=interpreted,
            span=span,
            repetition=repetition.number,
            set_number=None if of is None else of.number,
        )

    if exercise.timed_work is not None:
        work = _prescribed_span(
            item.work_seconds, exercise.timed_work, default_work_seconds(exercise)
        )
        what = f"repetition {count}: keep moving for {_seconds_text(work.play)}."
        yield segment(CueKind.WORK, what, work, interpreted=False)
    if exercise.hold is not None:
        hold = _prescribed_span(item.hold_seconds, exercise.hold, default_hold_seconds(exercise))
        what = f"hold {count}: stay there for {_seconds_text(hold.play)}."
        yield segment(CueKind.HOLD, what, hold, interpreted=False)
    elif exercise.timed_work is None:
        what = f"repetition {count}: move steadily out and back."
        yield segment(CueKind.MOVE, what, spans[Interpretation.MOVE.keyword], interpreted=True)


def _between(
    item: RoutineItem, previous: _Repetition, coming: _Repetition, spans: dict[str, _Span]
) -> _Segment:
    """What comes between two repetitions of one item: a switch of sides, a rest or a release."""
    exercise = item.exercise
    if exercise.laterality is Laterality.EACH_SIDE and coming.side is not previous.side:
        return _Segment(
            kind=CueKind.SWITCH_SIDES,
            exercise_id=exercise.id,
            side=coming.side,
            prompt=f"Switch sides: set up on your {coming.side.value} side.",
            interpreted=True,
            span=spans[Interpretation.SWITCH_SIDES.keyword],
        )
    changing = coming.side is not previous.side
    then = f" Next, your {coming.side.value} side." if changing else ""
    side = coming.side if changing else None
    rest = exercise.repetitions.rest
    if rest is None:
        return _Segment(
            kind=CueKind.RELEASE,
            exercise_id=exercise.id,
            side=side,
            prompt=f"Release and come back to the start.{then}",
            interpreted=True,
            span=spans[Interpretation.RELEASE.keyword],
        )
    return _rest(
        item, rest, then=f".{then}", side=side, spans=spans, vague=Interpretation.VAGUE_REST
    )


def _between_sets(
    item: RoutineItem,
    previous: _Repetition,
    coming: _Repetition,
    of: _SetOf,
    spans: dict[str, _Span],
) -> _Segment:
    """The rest before set ``of``: documented, or the working interpretation of one."""
    exercise = item.exercise
    changing = coming.side is not previous.side
    then = f" Next, your {coming.side.value} side." if changing else ""
    side = coming.side if changing else None
    upcoming = f"set {of.number} of {of.of}"
    documented = None if exercise.sets is None else exercise.sets.rest
    if documented is None:
        return _Segment(
            kind=CueKind.SET_REST,
            exercise_id=exercise.id,
            side=side,
            prompt=f"Take a break before {upcoming}.{then}",
            interpreted=True,
            span=spans[Interpretation.BETWEEN_SETS.keyword],
            set_number=of.number,
        )
    return _rest(
        item,
        documented,
        then=f" before {upcoming}.{then}",
        side=side,
        spans=spans,
        vague=Interpretation.VAGUE_SET_REST,
        kind=CueKind.SET_REST,
        set_number=of.number,
    )


def _rest(
    item: RoutineItem,
    rest: Rest,
    *,
    then: str,
    side: Side | None,
    spans: dict[str, _Span],
    vague: Interpretation,
    kind: CueKind = CueKind.REST,
    set_number: int | None = None,
) -> _Segment:
    """A documented rest: its low end played, or the interpretation ``vague`` without a number.

    Its prompt says the seconds, or the source's words, and ends with ``then``.
    """
    if rest.min_seconds is None or rest.max_seconds is None:
        return _Segment(
            kind=kind,
            exercise_id=item.exercise.id,
            side=side,
            prompt=f"Relax and rest for {rest.text}{then}",
            interpreted=True,
            span=spans[vague.keyword],
            set_number=set_number,
        )
    return _Segment(
        kind=kind,
        exercise_id=item.exercise.id,
        side=side,
        prompt=f"Relax and rest for {_seconds_text(rest.min_seconds)}{then}",
        interpreted=False,
        span=_Span(low=rest.min_seconds, play=rest.min_seconds, high=rest.max_seconds),
        set_number=set_number,
    )


# -- the public computations ----------------------------------------------------------------------


def session_duration(routine: Routine, pacing: Pacing | None = None) -> SessionDuration:
    """Estimate the length of one session of ``routine`` as a range of seconds.

    It adds up the same cues as :func:`session_timeline`, every set of every item: the prescribed
    holds and timed work (or, for an item without one, the documented range), the documented
    rests between repetitions and between sets, and for every length no source states, the range
    of the library's working interpretation (:class:`~solpt_rehab.Interpretation`) or the exact
    length ``pacing`` gives: the low ends give ``min_seconds``, the high ends ``max_seconds``.
    The timeline of the same routine and pacing always lasts a length within it.

    Args:
        routine: The routine.
        pacing: Lengths of your own for some working interpretations; ``None`` keeps them all.

    Returns:
        A :class:`~solpt_rehab.SessionDuration` with ``min_seconds`` and ``max_seconds``.

    Raises:
        InvalidValueError: For a ``pacing`` that is not a :class:`~solpt_rehab.Pacing`, or a
            session whose length adds up beyond the range of a 64-bit float.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       Sets, the rest between sets and timed work count.
    """
    spans = _spans(pacing)
    low = high = 0.0
    for segment in _segments(routine, spans):
        low += segment.span.low
        high += segment.span.high
    _timeable(routine, high)
    return SessionDuration(min_seconds=low, max_seconds=high)


def _timeable(routine: Routine, seconds: float) -> None:
    """Refuse a session whose length adds up beyond the range of a 64-bit float."""
    if not math.isfinite(seconds):
        raise InvalidValueError(
            f"routine {routine.name!r} is too long to time: its cues add up beyond the range of "
            "a 64-bit float"
        )


def session_timeline(routine: Routine, pacing: Pacing | None = None) -> tuple[Cue, ...]:
    """Return the timed cues of one session of ``routine``, in order, for a timer or a voice.

    The session opens with ``get-ready``; each later item opens with ``next-exercise`` (both name
    the item's load, when it has one other than body weight). Each repetition is the prescribed
    timed ``work`` counted down, then a ``hold`` of the prescribed length, on its side; an
    exercise with neither plays a ``move``. Between two repetitions of an item comes the
    documented ``rest``, or else a ``release``, and between the two sides of an each-side exercise
    a ``switch-sides``. An item of N sets plays all its repetitions N times, with a ``set-rest``
    (the exercise's documented rest between sets, or a working interpretation) before each set
    after the first; the first repetition of each set says "Set 2 of 3", and the cues of such an
    item carry ``set_number``. Each cue starts where the previous one ends. Lengths no source
    states play the ``seconds`` of the library's working interpretations
    (:class:`~solpt_rehab.Interpretation`), or the length ``pacing`` gives, and such cues are
    marked ``interpreted``.

    Sides follow the exercise's laterality and counting rule: an affected-side exercise
    holds on the item's side; a bilateral one on ``BOTH``; alternating repetitions take turns
    hold by hold; each-side repetitions all go on the leading side, then all on the other.
    Two-sided work starts on the item's side, or on the right when it is ``BOTH``. Counted in
    total, ``reps`` holds are done in all (each side: the leading side takes the larger
    half); counted per side, ``reps`` on each side. Timed work follows the same rule: each
    repetition is ``work_seconds`` of work (the documented least when the item gives none), so
    per-side timed work plays on one side, switches, and plays on the other. Every set starts
    on the leading side.

    Args:
        routine: The routine.
        pacing: Lengths of your own for some working interpretations; ``None`` keeps them all.

    Returns:
        A tuple of :class:`~solpt_rehab.Cue` values.

    Raises:
        InvalidValueError: For a ``pacing`` that is not a :class:`~solpt_rehab.Pacing`, or a
            session whose length adds up beyond the range of a 64-bit float.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       Sets (``set-rest``, ``set_number``) and timed work (``work``).
    """
    spans = _spans(pacing)
    cues = []
    start = 0.0
    for segment in _segments(routine, spans):
        _timeable(routine, start + segment.span.play)
        cues.append(
            Cue(
                start_seconds=start,
                duration_seconds=segment.span.play,
                kind=segment.kind,
                exercise_id=segment.exercise_id,
                side=segment.side,
                prompt=segment.prompt,
                interpreted=segment.interpreted,
                repetition=segment.repetition,
                set_number=segment.set_number,
            )
        )
        start += segment.span.play
    return tuple(cues)
