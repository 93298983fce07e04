"""Text for a person: a routine with the timeline of one session, an exercise, a problem.

The command line prints these; they are kept apart from it (nothing here parses arguments or
writes to a stream) and apart from the values they describe, which know nothing of how they are
shown. :func:`format_timeline` is public (``solpt_rehab.format_timeline``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from ._core.escaping import json_safe, printable
from ._core.problems import Problem
from ._model.values import Exercise, format_number
from ._routines.timing import (
    Pacing,
    format_length,
    session_duration,
    session_timeline,
)
from ._routines.values import Routine, describe_dose

if TYPE_CHECKING:
    from ._wire.positions import LocatedProblem

__all__ = [
    "format_exercise",
    "format_located",
    "format_problem",
    "format_timeline",
    "json_safe",
    "printable",
]


# -- a routine and its timeline -------------------------------------------------------------------


def _clock(seconds: float) -> str:
    """A moment of a session as minutes and seconds: ``"0:05"``, ``"12:07.5"``."""
    tenths = round(seconds * 10)
    minutes, tenths = divmod(tenths, 600)
    whole, tenth = divmod(tenths, 10)
    return f"{minutes}:{whole:02d}" + (f".{tenth}" if tenth else "")


def _frequency(routine: Routine) -> str:
    text = str(routine.frequency)
    if routine.weeks is None:
        return f"{text}, no set end"
    return f"{text}, for {routine.weeks} week{'' if routine.weeks == 1 else 's'}"


def format_timeline(routine: Routine, pacing: Pacing | None = None) -> str:
    r"""Write a routine and the timeline of one session as text for a person.

    The text gives the routine's name, how often it is done, each item with its dose (hold, timed
    work, sets and repetitions, sides, load), any warnings (a recorded deviation, an implausibly
    high count: ``warning CODE: MESSAGE (at POINTER)``), the length of one session as a range,
    then one line per cue: its start
    (minutes:seconds), its length in seconds, its kind and its prompt. A ``*`` after a length
    marks a working interpretation of the library's own (:class:`~solpt_rehab.Interpretation`),
    not a prescribed or documented number. Names, step texts and other texts of the document have
    their control characters and bidirectional controls escaped (``\x1b``, ``\u202e``): they can
    neither forge a line nor drive a terminal.

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
    lines = [printable(routine.name), _frequency(routine)]
    lines.extend(
        f"  {number}. {printable(item.exercise.name)} ({printable(item.exercise.id)}): "
        f"{printable(describe_dose(item))}"
        for number, item in enumerate(routine.items, 1)
    )
    lines.extend(
        f"  warning {problem.code}: {printable(problem.message)} (at {printable(problem.path)})"
        for problem in routine.problems
    )
    total = cues[-1].end_seconds
    lines.append(f"One session: {duration} (this timeline: {format_length(total)})")
    lines.append(f"  {'start':>7}  {'length':<6}  {'cue':<13}  prompt")
    for cue in cues:
        length = format_number(round(cue.duration_seconds, 1)) + ("*" if cue.interpreted else "")
        kind = cue.kind.value
        prompt = printable(cue.prompt)
        lines.append(f"  {_clock(cue.start_seconds):>7}  {length:<6}  {kind:<13}  {prompt}")
    lines.append(
        "  * the library's working interpretation of a length the source leaves open "
        "(docs/routines.md)"
    )
    return "\n".join(lines)


# -- an exercise and a problem --------------------------------------------------------------------


def format_exercise(exercise: Exercise) -> str:
    """Write an exercise and its documented dose as text for a person."""
    reps = exercise.repetitions
    lines = [f"{printable(exercise.name)} ({printable(exercise.id)})"]
    if exercise.purpose:
        lines.append(f"  purpose:     {printable(exercise.purpose)}")
    lines.append(f"  hold:        {exercise.hold if exercise.hold is not None else 'none'}")
    count = f"at least {reps.min_reps}" if reps.open_ended else reps.range_text
    lines.append(f"  repetitions: {count}")
    side = reps.laterality.value
    if reps.counting is not None:
        side += f", counted {reps.counting.value}"
    lines.append(f"  side:        {side}")
    if reps.rest is not None:
        quantified = "" if reps.rest.quantified else " (documented without a number)"
        lines.append(f"  rest:        {printable(str(reps.rest))}{quantified}")
    lines.append("  steps:")
    lines.extend(
        f"    {number}. [{step.kind.value}] {printable(step.text)}"
        for number, step in enumerate(exercise.steps, 1)
    )
    return "\n".join(lines)


_COLORS: Final = {"error": "\x1b[1;31m", "warning": "\x1b[1;33m"}
_RESET: Final = "\x1b[0m"


def format_problem(
    path: str,
    found: Problem,
    line: int | None = None,
    column: int | None = None,
    *,
    color: bool = False,
) -> str:
    """One problem as ``FILE:LINE:COL: SEVERITY CODE: MESSAGE (at POINTER)``, safe to print.

    Without a line, ``FILE: SEVERITY CODE: MESSAGE (at POINTER)``; a problem at the root has no
    ``(at ...)``. The file's name, the message and the pointer are :func:`printable`; with
    ``color`` the severity is red (an error) or yellow (a warning).
    """
    where = printable(path) if line is None else f"{printable(path)}:{line}:{column or 1}"
    severity = found.severity.value
    if color:
        severity = f"{_COLORS[severity]}{severity}{_RESET}"
    at = f" (at {printable(found.path)})" if found.path else ""
    return f"{where}: {severity} {found.code}: {printable(found.message)}{at}"


def format_located(path: str, found: LocatedProblem, *, color: bool = False) -> str:
    """A located problem as :func:`format_problem` writes it, with its line and column."""
    return format_problem(path, found.problem, found.line, found.column, color=color)
