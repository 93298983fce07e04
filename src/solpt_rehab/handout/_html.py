"""The HTML handout: one self-contained page with the guided session, from Jinja2 templates.

The page is written from :func:`~solpt_rehab.handout.handout_content` by the templates shipped
beside this module (``templates/``), with Jinja2's autoescaping on for every text. The session's
cues go in as JSON inside ``<script type="application/json">``, with ``<``, ``>`` and ``&``
escaped so that no text can close the element; the guided session's script reads them from
there and only ever sets text, never markup. A Content-Security-Policy lets only the page's own
style and script (by their hashes) run, and forbids every request: the page needs no network.

Jinja2 comes with the ``render`` extra and is imported on first use.
"""

from __future__ import annotations

import base64
import datetime
import functools
import hashlib
import importlib.resources
import json
import math
import urllib.parse
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Final

import attrs

from .._routines.timing import Cue, CueKind, Pacing
from .._routines.values import Routine
from .._version import __version__
from ._content import HandoutContent, handout_content, item_cues

if TYPE_CHECKING:
    import jinja2

    from .._logs.values import SessionLog

__all__ = ["handout_html", "script_json"]

#: What the guided session and the strip's legend call each kind of cue.
KIND_NAMES: Final = {
    CueKind.GET_READY.value: "Get ready",
    CueKind.HOLD.value: "Hold",
    CueKind.MOVE.value: "Move",
    CueKind.WORK.value: "Keep moving",
    CueKind.RELEASE.value: "Release",
    CueKind.REST.value: "Rest",
    CueKind.SET_REST.value: "Rest between sets",
    CueKind.SWITCH_SIDES.value: "Switch sides",
    CueKind.NEXT_EXERCISE.value: "Next exercise",
}

_TICK_STEPS: Final = (5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600)
_MOST_TICKS: Final = 10

_WIDTH: Final = 1000
_LEFT: Final = 8  # room for the first tick's label
_BAR_TOP: Final = 24
_TALL: Final = 44
_SHORT: Final = 20


def script_json(value: Any) -> str:
    r"""``value`` as JSON that is safe inside an HTML ``<script>`` element.

    ``<``, ``>`` and ``&`` are written as JSON escapes (``\u003c``), so no text can close the
    element or open a comment, and U+2028 and U+2029 too; ``JSON.parse`` reads it back unchanged.
    """
    text = json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    for char in "<>&\u2028\u2029":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text


#: What stays as it is in a link's address: RFC 3986's reserved and unreserved characters, and
#: ``%`` (an escape already made). Everything else, spaces and ``<`` included, is percent-encoded.
_URL_SAFE: Final = ":/?#[]@!$&'()*+,;=-._~%"


def _href(uri: str) -> str:
    """A linkable reference as a valid URL: ``a b<`` is ``a%20b%3C``."""
    return urllib.parse.quote(uri, safe=_URL_SAFE)


def _clock(seconds: float) -> str:
    """``"1:05"``: whole seconds rounded up, as the guided session's countdown shows them."""
    whole = max(0, math.ceil(seconds - 1e-9))
    return f"{whole // 60}:{whole % 60:02d}"


def _number(value: float) -> str:
    """A coordinate with at most two decimals: ``12.5``, ``100``."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


@attrs.frozen(kw_only=True)
class _Rect:
    kind: str
    x: str
    y: int
    width: str
    height: int
    own: bool


@attrs.frozen(kw_only=True)
class _Tick:
    x: str
    text_x: str
    anchor: str
    label: str


@attrs.frozen(kw_only=True)
class _Mark:
    number: int
    x: str
    text_x: str


@attrs.frozen(kw_only=True)
class _Strip:
    width: int
    height: int
    axis_y: int
    bar_bottom: int
    segments: tuple[_Rect, ...]
    ticks: tuple[_Tick, ...]
    exercises: tuple[_Mark, ...]
    legend: tuple[tuple[str, str], ...]
    own_label: str
    description: str


def _tick_step(total: float) -> int:
    for step in _TICK_STEPS:
        if total / step <= _MOST_TICKS:
            return step
    return math.ceil(total / _MOST_TICKS / 3600) * 3600


def _strip(content: HandoutContent) -> _Strip:
    """The session as a strip: a bar per cue on a time axis, exercises marked above it."""
    strip = content.strip
    total = strip.total_seconds
    scale = (_WIDTH - 2 * _LEFT) / total

    def x(seconds: float) -> float:
        return _LEFT + seconds * scale

    bottom = _BAR_TOP + _TALL
    segments = tuple(
        _Rect(
            kind=segment.kind,
            x=_number(x(segment.start_seconds)),
            y=bottom - (_TALL if segment.working else _SHORT),
            width=_number(segment.duration_seconds * scale),
            height=_TALL if segment.working else _SHORT,
            own=segment.own,
        )
        for segment in strip.segments
    )
    step = _tick_step(total)
    count = int(total // step)
    ticks = []
    for number in range(count + 1):
        seconds = number * step
        # The first label starts at the left edge, one near the right edge ends there.
        shift: float
        if number == 0:
            anchor, shift = "start", -_LEFT
        elif x(seconds) > _WIDTH - 3 * _LEFT:
            anchor, shift = "end", _WIDTH - x(seconds)
        else:
            anchor, shift = "middle", 0
        ticks.append(
            _Tick(
                x=_number(x(seconds)),
                text_x=_number(x(seconds) + shift),
                anchor=anchor,
                label=_clock(seconds),
            )
        )
    marks = tuple(
        _Mark(
            number=number, x=_number(x(cue.start_seconds)), text_x=_number(x(cue.start_seconds) + 4)
        )
        for number, cue in enumerate(_openings(content.timeline), start=1)
    )
    kinds = {segment.kind for segment in strip.segments}
    legend = tuple((kind, name) for kind, name in KIND_NAMES.items() if kind in kinds)
    return _Strip(
        width=_WIDTH,
        height=bottom + 32,
        axis_y=bottom + 2,
        bar_bottom=bottom,
        segments=segments,
        ticks=tuple(ticks),
        exercises=marks,
        legend=legend,
        own_label=strip.own_label,
        description=(
            f"{len(strip.segments)} steps over {_clock(total)} (minutes and seconds), "
            f"{len(content.exercises)} exercise{'' if len(content.exercises) == 1 else 's'}. "
            f"{strip.own_text}"
        ),
    )


def _openings(timeline: Iterable[Cue]) -> Iterable[Cue]:
    opening = (CueKind.GET_READY, CueKind.NEXT_EXERCISE)
    return (cue for cue in timeline if cue.kind in opening)


def _log_headings(content: HandoutContent) -> tuple[str, ...]:
    days = content.how_often.days_per_week
    sessions = content.how_often.sessions_per_day
    if sessions == 1:
        return tuple(f"Day {day}" for day in range(1, days + 1))
    return tuple(
        f"Day {day} ({session})" for day in range(1, days + 1) for session in range(1, sessions + 1)
    )


def _session_data(content: HandoutContent) -> dict[str, Any]:
    """What the guided session plays: the cues as ``routine --format json`` gives them."""
    exercises = []
    for exercise, (begin, end) in zip(content.exercises, item_cues(content.timeline), strict=True):
        repetitions = [
            cue.repetition for cue in content.timeline[begin:end] if cue.repetition is not None
        ]
        exercises.append(
            {
                "number": exercise.number,
                "name": exercise.name,
                "first_cue": begin,
                "sets": exercise.sets,
                "repetitions": max(repetitions, default=0),
            }
        )
    return {"exercises": exercises, "timeline": [cue.to_json() for cue in content.timeline]}


@functools.cache
def _asset(name: str) -> str:
    return (importlib.resources.files(__package__) / "templates" / name).read_text(encoding="utf-8")


def _digest(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


@functools.cache
def _environment() -> jinja2.Environment:
    try:
        import jinja2  # noqa: PLC0415 - the render extra, loaded on first use
    except ModuleNotFoundError as error:
        raise ModuleNotFoundError(
            "handout_html needs Jinja2, which the 'render' extra installs: "
            "pip install 'solpt_rehab[render]'",
            name=error.name,
        ) from error
    return jinja2.Environment(
        loader=jinja2.FunctionLoader(_asset),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


def handout_html(
    routine: Routine,
    *,
    pacing: Pacing | None = None,
    log_weeks: int | None = None,
    on: datetime.date | None = None,
    logs: Iterable[SessionLog] = (),
) -> str:
    """Write a patient's handout for ``routine`` as one self-contained HTML page.

    The page holds the title, notes and how often; the guided session, which plays the
    session's cues with a countdown (start, pause, back and skip, by mouse or keyboard; sound
    and spoken prompts stay off until the patient turns them on); the session drawn as a strip
    on a time axis; each exercise with its purpose, dose in plain words, steps, precautions,
    media and the working figures its timing uses; and a paper log with a box per session.
    Style and script are inline and the page makes no request; printed (A4 or Letter), it
    leaves out the guided session.

    Every text is escaped, and the cues are embedded as JSON that no text can break out of, so
    content from strangers shows as text and runs nothing.

    Example::

        >>> from solpt_rehab import RoutineBuilder
        >>> from solpt_rehab.handout import handout_html
        >>> page = handout_html(RoutineBuilder("Hips").add("knees-to-chest").build())
        >>> page.startswith("<!DOCTYPE html>")
        True

    Args:
        routine: The routine.
        pacing: Lengths of your own for the working interpretations, as for
            :func:`~solpt_rehab.session_timeline`; ``None`` keeps the library's.
        log_weeks: How many weeks the paper log covers, as for :func:`handout_content`.
        on: The day whose doses the handout gives, as for :func:`handout_content`.
        logs: The session logs that gated progression rules read, as for
            :func:`handout_content`.

    Returns:
        The page, as text (write it as UTF-8).

    Raises:
        InvalidValueError: For an argument :func:`handout_content` refuses.
        ModuleNotFoundError: When Jinja2 (the ``render`` extra) is not installed.

    .. versionadded:: 0.2.0
    """
    content = handout_content(routine, pacing=pacing, log_weeks=log_weeks, on=on, logs=logs)
    environment = _environment()
    css, js = _asset("handout.css"), _asset("guided.js")
    policy = (
        "default-src 'none'; "
        f"style-src 'sha256-{_digest(css)}'; "
        f"script-src 'sha256-{_digest(js)}'; "
        "img-src 'none'; base-uri 'none'; form-action 'none'"
    )
    import markupsafe  # noqa: PLC0415 - comes with Jinja2

    return environment.get_template("handout.html").render(
        content=content,
        first=content.timeline[0],
        kinds=KIND_NAMES,
        clock=_clock,
        href=_href,
        strip=_strip(content),
        log_headings=_log_headings(content),
        policy=policy,
        version=__version__,
        # The page's own style and script, and the escaped JSON, go in as they are.
        css=markupsafe.Markup(css),  # noqa: S704 - the package's own file
        js=markupsafe.Markup(js),  # noqa: S704 - the package's own file
        data=markupsafe.Markup(script_json(_session_data(content))),  # noqa: S704 - escaped above
    )
