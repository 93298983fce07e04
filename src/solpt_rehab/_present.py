"""Text for a person: a routine with the timeline of one session, an exercise, a problem.

The command line prints these; they are kept apart from it (nothing here parses arguments or
writes to a stream) and apart from the values they describe, which know nothing of how they are
shown. :func:`format_timeline` is public (``solpt_rehab.format_timeline``).
"""

from __future__ import annotations

from ._core.problems import Problem
from ._model.values import CountingRule, Exercise, Laterality, format_number
from ._routines.dose import Side, default_load
from ._routines.timing import (
    Pacing,
    format_length,
    session_duration,
    session_timeline,
    sets_played,
)
from ._routines.values import Routine, RoutineItem

__all__ = ["format_exercise", "format_problem", "format_timeline"]


# -- a routine and its timeline -------------------------------------------------------------------


def _clock(seconds: float) -> str:
    """A moment of a session as minutes and seconds: ``"0:05"``, ``"12:07.5"``."""
    tenths = round(seconds * 10)
    minutes, tenths = divmod(tenths, 600)
    whole, tenth = divmod(tenths, 10)
    return f"{minutes}:{whole:02d}" + (f".{tenth}" if tenth else "")


def _describe(item: RoutineItem) -> str:
    """An item's dose: ``"hold 5 s, 2 sets of 10 reps, both sides together, light band"``."""
    exercise = item.exercise
    scheme = exercise.repetitions
    parts = []
    if item.hold_seconds is not None:
        parts.append(f"hold {format_number(item.hold_seconds)} s")
    elif exercise.hold is not None:
        parts.append(f"hold {exercise.hold} (not prescribed)")
    if item.work_seconds is not None:
        parts.append(f"work {format_number(item.work_seconds)} s")
    elif exercise.timed_work is not None:
        parts.append(f"work {exercise.timed_work} (not prescribed)")
    count = f"{item.reps} rep{'' if item.reps == 1 else 's'}"
    if item.sets is not None or exercise.sets is not None:
        sets = sets_played(item)
        count = f"{sets} set{'' if sets == 1 else 's'} of {count}"
    if scheme.counting is CountingRule.PER_SIDE:
        count += " per side"
    elif scheme.counting is CountingRule.TOTAL:
        count += " in all"
    parts.append(count)
    laterality = scheme.laterality
    if laterality is Laterality.BILATERAL:
        parts.append("both sides together")
    elif laterality is Laterality.AFFECTED_SIDE:
        parts.append(f"{item.side.value} side")
    else:
        lead = Side.RIGHT if item.side is Side.BOTH else item.side
        parts.append(f"{laterality.value}, {lead.value} first")
    load = default_load(exercise) if item.load is None else item.load
    if load is not None:
        parts.append(str(load))
    if item.deviation is not None:
        parts.append(f"deviation: {item.deviation}")
    return ", ".join(parts)


def _frequency(routine: Routine) -> str:
    frequency = routine.frequency
    sessions = frequency.sessions_per_day
    days = frequency.days_per_week
    text = (
        f"{sessions} session{'' if sessions == 1 else 's'} a day, "
        f"{days} day{'' if days == 1 else 's'} a week"
    )
    if routine.weeks is None:
        return f"{text}, no set end"
    return f"{text}, for {routine.weeks} week{'' if routine.weeks == 1 else 's'}"


def format_timeline(routine: Routine, pacing: Pacing | None = None) -> str:
    """Write a routine and the timeline of one session as text for a person.

    The text gives the routine's name, how often it is done, each item with its dose (hold, timed
    work, sets and repetitions, sides, load), any warnings (a recorded deviation, an implausibly
    high count), the length of one session as a range, then one line per cue: its start
    (minutes:seconds), its length in seconds, its kind and its prompt. A ``*`` after a length
    marks a working interpretation of the library's own (:class:`~solpt_rehab.Interpretation`),
    not a prescribed or documented number.

    Args:
        routine: The routine.
        pacing: Lengths of your own for some working interpretations, as for
            :func:`~solpt_rehab.session_timeline`; ``None`` keeps them all.

    Returns:
        The text: one line each, without a final newline.

    Raises:
        InvalidValueError: For a ``pacing`` that is not a :class:`~solpt_rehab.Pacing`, or a
            prescribed hold too large to time.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       Items show their sets, timed work and load.
    """
    duration = session_duration(routine, pacing)
    cues = session_timeline(routine, pacing)
    lines = [routine.name, _frequency(routine)]
    lines.extend(
        f"  {number}. {item.exercise.name} ({item.exercise.id}): {_describe(item)}"
        for number, item in enumerate(routine.items, 1)
    )
    lines.extend(f"  warning {problem.path}: {problem.message}" for problem in routine.problems)
    total = cues[-1].end_seconds
    lines.append(f"One session: {duration} (this timeline: {format_length(total)})")
    lines.append(f"  {'start':>7}  {'length':<6}  {'cue':<13}  prompt")
    for cue in cues:
        length = format_number(round(cue.duration_seconds, 1)) + ("*" if cue.interpreted else "")
        kind = cue.kind.value
        lines.append(f"  {_clock(cue.start_seconds):>7}  {length:<6}  {kind:<13}  {cue.prompt}")
    lines.append(
        "  * the library's working interpretation of a length the source leaves open "
        "(docs/routines.md)"
    )
    return "\n".join(lines)


# -- an exercise and a problem --------------------------------------------------------------------


def format_exercise(exercise: Exercise) -> str:
    """Write an exercise and its documented dose as text for a person."""
    reps = exercise.repetitions
    lines = [f"{exercise.name} ({exercise.id})"]
    if exercise.purpose:
        lines.append(f"  purpose:     {exercise.purpose}")
    lines.append(f"  hold:        {exercise.hold if exercise.hold is not None else 'none'}")
    count = f"at least {reps.min_reps}" if reps.open_ended else reps.range_text
    lines.append(f"  repetitions: {count}")
    side = reps.laterality.value
    if reps.counting is not None:
        side += f", counted {reps.counting.value}"
    lines.append(f"  side:        {side}")
    if reps.rest is not None:
        quantified = "" if reps.rest.quantified else " (documented without a number)"
        lines.append(f"  rest:        {reps.rest}{quantified}")
    lines.append("  steps:")
    lines.extend(
        f"    {number}. [{step.kind.value}] {step.text}"
        for number, step in enumerate(exercise.steps, 1)
    )
    return "\n".join(lines)


def format_problem(path: str, found: Problem) -> str:
    """One problem as ``FILE:POINTER: SEVERITY CODE: MESSAGE``; the root pointer is empty."""
    return f"{path}:{found.path}: {found.severity.value} {found.code}: {found.message}"
