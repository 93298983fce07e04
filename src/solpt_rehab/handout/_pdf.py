"""The PDF handout: the handout's content typeset by typst as a tagged PDF/UA-1 file.

Why typst (the ``typst`` package) and not WeasyPrint: its wheel carries the whole compiler and
its fonts, so ``pip install 'solpt_rehab[pdf]'`` needs no system library (WeasyPrint needs Pango
and its kin from the system); it writes tagged PDF/UA-1, checking the standard's rules as it
compiles; and it reads data as data. The template (``templates/handout.typ``, shipped in the
package) takes one JSON input, ``sys.inputs.content``, and places every text as a string value,
which typst never reads as markup: nothing a stranger writes is spliced into the template's source.

The fonts are typst's own (Libertinus Serif), never the system's, so the same routine gives the
same pages on every machine. typst is imported on first use.
"""

from __future__ import annotations

import datetime
import functools
import importlib.resources
import json
import os
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Final, Literal

from .._core.errors import InvalidValueError
from .._model.rules import show
from .._routines.timing import CueKind, Pacing, format_length
from .._routines.values import Routine
from .._version import __version__
from ._content import HandoutContent, HandoutExercise, handout_content

if TYPE_CHECKING:
    from .._logs.values import SessionLog

__all__ = ["PAPER_SIZES", "handout_pdf"]

#: The paper sizes :func:`handout_pdf` sets a handout on, by typst's names.
PAPER_SIZES: Final = ("a4", "us-letter")

#: How typst names a text that no font it has can show (PDF/UA-1 forbids such text).
_UNSHOWN: Final = re.compile(r'the text `"(.+?)"` could not be displayed')
#: The most characters an error about them lists.
_MOST_SHOWN: Final = 10

_FIGURES_NOTE: Final = (
    "Hold times and repetitions are your prescription. A few lengths of time in the session, "
    "listed under each exercise as timings the library chose, are stated by no source: they are "
    "the library's own working figures, not clinical advice."
)


@functools.cache
def _template() -> bytes:
    return (importlib.resources.files(__package__) / "templates" / "handout.typ").read_bytes()


def _extra(exercise: HandoutExercise) -> list[str]:
    """The lines after the dose: the rests between repetitions and sets, and the effort."""
    lines = [line for line in (exercise.rest, exercise.set_rest) if line is not None]
    if exercise.effort is not None:
        lines.append(f"How hard: {exercise.effort}.")
    return lines


def _media(exercise: HandoutExercise) -> list[str]:
    lines = []
    for media in exercise.media:
        line = f"{media.kind.capitalize()}: {media.uri}"
        if media.alt:
            line += f" ({media.alt})"
        if media.licence is not None:
            line += f", licence: {media.licence}"
        lines.append(line)
    return lines


#: Where each exercise's cues begin: its get-ready or next-exercise cue.
_OPENING: Final = frozenset({CueKind.GET_READY.value, CueKind.NEXT_EXERCISE.value})


def _log_note(content: HandoutContent) -> str:
    weeks = len(content.log_weeks)
    boxes = content.log_weeks[0].sessions
    each = f"Tick a box after each session: {boxes} a week"
    if content.log_weeks_stated:
        return f"{each}, for the {weeks} weeks of the programme."
    return f"{each}. This log covers {weeks} week{'' if weeks == 1 else 's'}."


def _strip(content: HandoutContent) -> dict[str, Any]:
    """The session drawn as a strip: a bar per cue on a time axis, as the HTML handout draws it."""
    strip = content.strip
    total = strip.total_seconds
    return {
        "total": total,
        "segments": [
            {
                "kind": segment.kind,
                "start": segment.start_seconds / total,
                "width": segment.duration_seconds / total,
                "working": segment.working,
                "own": segment.own,
            }
            for segment in strip.segments
        ],
        "marks": [
            {"number": number, "start": segment.start_seconds / total}
            for number, segment in enumerate(
                (segment for segment in strip.segments if segment.kind in _OPENING), start=1
            )
        ],
        "own_label": strip.own_label,
        "text": (
            "The session at a glance: tall bars are the holds and movements, short bars the "
            "rests, releases and changes between them, and the numbers mark where each exercise "
            f"begins. Played with the library's timings, the session takes {format_length(total)}. "
            f"{strip.own_text}"
        ),
    }


def _data(content: HandoutContent, paper: str) -> dict[str, Any]:
    """What the template reads: plain JSON, every text as it is (typst shows it as text)."""
    return {
        "paper": paper,
        "title": content.title,
        "notes": content.notes,
        "doses_on": content.doses_on,
        "how_often": content.how_often.text,
        "session_length": content.session_length,
        "figures_note": _FIGURES_NOTE,
        "strip": _strip(content),
        "exercises": [
            {
                "number": exercise.number,
                "name": exercise.name,
                "purpose": exercise.purpose,
                "dose": list(exercise.dose),
                "extra": _extra(exercise),
                "steps": list(exercise.steps),
                "equipment": list(exercise.equipment),
                "precautions": list(exercise.precautions),
                "progression": list(exercise.progression),
                "notes": exercise.notes,
                "media": _media(exercise),
                "working_figures": [figure.text for figure in exercise.working_figures],
            }
            for exercise in content.exercises
        ],
        "log_note": _log_note(content),
        "log": [
            {
                "number": week.number,
                "starts": "" if week.starts is None else week.starts.isoformat(),
                "sessions": week.sessions,
            }
            for week in content.log_weeks
        ],
        "footer": f"Made with solpt_rehab {__version__}",
    }


def handout_pdf(
    routine: Routine,
    *,
    pacing: Pacing | None = None,
    log_weeks: int | None = None,
    on: datetime.date | None = None,
    logs: Iterable[SessionLog] = (),
    paper: Literal["a4", "us-letter"] = "a4",
    timestamp: datetime.datetime | None = None,
    font_paths: Sequence[str | os.PathLike[str]] = (),
) -> bytes:
    """Write a patient's handout for ``routine`` as a PDF: tagged, PDF/UA-1, ready to print.

    The pages hold the title, notes, how often and a session's length; the session drawn as a
    strip of bars on a time axis (marked as an artifact, with a sentence that says what it shows);
    each exercise with its
    dose in plain words, the rests and effort, its numbered steps, what it needs, its precautions,
    the clinician's notes, its media (named, not embedded) and the timings the library chose
    where no source states one; and a paper log with a box per session for each week. The words
    are those of :func:`handout_content`, the same as the HTML handout's.

    Every text is passed to typst as data, never as markup, so content from strangers prints as
    the text it is.

    Example::

        >>> from solpt_rehab import RoutineBuilder
        >>> from solpt_rehab.handout import handout_pdf
        >>> pdf = handout_pdf(RoutineBuilder("Hips").add("knees-to-chest").build())
        >>> pdf[:5]
        b'%PDF-'

    Args:
        routine: The routine.
        pacing: Lengths of your own for the working interpretations, as for
            :func:`~solpt_rehab.session_timeline`; ``None`` keeps the library's.
        log_weeks: How many weeks the paper log covers, as for :func:`handout_content`.
        on: The day whose doses the handout gives, as for :func:`handout_content`.
        logs: The session logs that gated progression rules read, as for
            :func:`handout_content`.
        paper: ``"a4"`` (the default) or ``"us-letter"``.
        timestamp: The document's creation date, an aware datetime in any zone (the file says it
            in UTC); ``None`` for now. Give one to make the same bytes again from one routine.
        font_paths: Font files or folders of them, for text that typst's own fonts cannot show
            (Chinese, Arabic, emoji...): a character that Libertinus Serif lacks is taken from
            the first of them that has it.

    Returns:
        The PDF file's bytes.

    Raises:
        InvalidValueError: For an argument :func:`handout_content` refuses, a paper size that is
            not one of :data:`PAPER_SIZES`, a naive ``timestamp``, a ``font_paths`` entry that
            is no path, or text that no font can show (PDF/UA-1 forbids it): the message lists
            the characters, for a font of ``font_paths`` to show.
        ModuleNotFoundError: When typst (the ``pdf`` extra) is not installed.

    .. versionadded:: 0.2.0
    """
    content = handout_content(routine, pacing=pacing, log_weeks=log_weeks, on=on, logs=logs)
    if paper not in PAPER_SIZES:
        raise InvalidValueError(f"'paper' must be one of {', '.join(PAPER_SIZES)}: {show(paper)}")
    aware = isinstance(timestamp, datetime.datetime) and timestamp.tzinfo is not None
    if timestamp is not None and not aware:
        raise InvalidValueError(f"'timestamp' must be an aware datetime or None: {show(timestamp)}")
    try:
        import typst  # noqa: PLC0415 - the optional extra, on first use
    except ModuleNotFoundError as error:
        raise ModuleNotFoundError(
            "the PDF handout needs the 'pdf' extra: pip install 'solpt_rehab[pdf]'",
            name=error.name,
        ) from error
    # typst's own fonts and the caller's, never the system's: the same pages on every machine.
    if timestamp is not None:
        # typst takes only a fixed offset: a zone's (Europe/Berlin) becomes the one it has then.
        offset = timestamp.utcoffset() or datetime.timedelta(0)
        timestamp = timestamp.astimezone(datetime.timezone(offset))
    fonts = typst.Fonts(include_system_fonts=False, font_paths=_font_paths(font_paths))
    data = json.dumps(_data(content, paper), ensure_ascii=False, allow_nan=False)
    try:
        pdf, _ = typst.compile_with_warnings(
            _template(),
            sys_inputs={"content": data},
            pdf_standards="ua-1",
            font_paths=fonts,
            ignore_system_fonts=True,
            timestamp=timestamp,
        )
    except typst.TypstError as error:
        unshown = list(dict.fromkeys(_UNSHOWN.findall(error.diagnostic or error.message)))
        if not unshown:
            raise
        listed = ", ".join(show(text) for text in unshown[:_MOST_SHOWN])
        more = len(unshown) - _MOST_SHOWN
        raise InvalidValueError(
            "the PDF handout's fonts cannot show some of the routine's text (PDF/UA-1 forbids "
            f"text that no font shows): {listed}{f' and {more} more' if more > 0 else ''}; "
            "give font_paths a font that has them"
        ) from None
    return pdf


def _font_paths(paths: Sequence[str | os.PathLike[str]]) -> list[str]:
    if isinstance(paths, (str, bytes)) or not isinstance(paths, Sequence):
        raise InvalidValueError(f"'font_paths' must be a sequence of paths: {show(paths)}")
    found = []
    for path in paths:
        value: object = path
        if not isinstance(value, (str, os.PathLike)):
            raise InvalidValueError(f"'font_paths' must hold paths: {show(value)}")
        found.append(os.fspath(value))
    return found
