"""A chart of adherence and pain per week, as SVG text written by this module alone.

No plotting library: the chart is a few rectangles, lines and texts, written as plain SVG 1.1
that a browser, a word processor or a PDF tool shows as it is. Every text in it goes through
:func:`_text`, which escapes what XML must not hold raw (``<``, ``&``, quotes) and writes the
characters XML 1.0 cannot hold at all (controls, lone surrogates) and the bidirectional controls as
visible escapes, as the terminal output does.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from typing import Final

from .._core.errors import InvalidValueError
from .._core.escaping import printable
from .text import figure, percent, short_day
from .weekly import WeekAdherence

__all__ = ["adherence_chart"]

#: The chart's title when none is given.
DEFAULT_TITLE: Final = "Adherence and pain per week"

# The layout, in SVG user units (CSS pixels).
_LEFT: Final = 64  # the percentage labels
_RIGHT: Final = 48  # the pain labels
_TOP: Final = 72  # the title and the axes' names
_PLOT_HEIGHT: Final = 200  # 100% of sessions, and pain 10
_SLOT: Final = 64  # one week's width, at least
_MIN_PLOT_WIDTH: Final = 384  # room for the title and the legend with few weeks
_BAR: Final = 36
_BOTTOM: Final = _TOP + _PLOT_HEIGHT
_HEIGHT: Final = _BOTTOM + 88
_PAIN_MAX: Final = 10
_GRID_STEPS: Final = 5  # gridlines every 20%, which is pain 2

# Colours of the Okabe-Ito palette, told apart by people with a colour vision deficiency; the two
# pain lines differ by their dashes and markers as well.
_BAR_COLOUR: Final = "#56b4e9"
_BEFORE_COLOUR: Final = "#e69f00"
_AFTER_COLOUR: Final = "#d55e00"
_INK: Final = "#222222"
_GRID: Final = "#dddddd"

#: What XML 1.0 cannot hold even as a character reference, beyond what :func:`printable` escapes.
_NOT_XML: Final = re.compile("[\ud800-\udfff\ufffe\uffff]")


def _text(value: str) -> str:
    r"""``value`` as SVG character data or an attribute value: escaped, never markup.

    Controls and bidirectional controls become visible escapes (``\x1b``, ``\u202e``) as on a
    terminal, lone surrogates and the non-characters U+FFFE and U+FFFF likewise, then ``&``,
    ``<``, ``>`` and both quotes become character references.
    """
    visible = _NOT_XML.sub(lambda match: f"\\u{ord(match.group()):04x}", printable(value))
    return html.escape(visible, quote=True)


def _n(value: float) -> str:
    """A coordinate: at most two decimals, no trailing zeros."""
    return figure(value)


def _pain_y(pain: float) -> float:
    return _BOTTOM - pain / _PAIN_MAX * _PLOT_HEIGHT


def _week_text(week: WeekAdherence) -> str:
    report = week.report
    days = f"{report.start.isoformat()} to {report.end.isoformat()}"
    pain = (
        "pain not recorded"
        if week.pain_before is None and week.pain_after is None
        else f"mean pain {_pain(week.pain_before)} before, {_pain(week.pain_after)} after"
    )
    return (
        f"Week {week.number}, {days}: {report.sessions_done} of "
        f"{figure(report.sessions_prescribed)} sessions done "
        f"({percent(report.sessions_share)}); {pain}"
    )


def _pain(value: float | None) -> str:
    return "not recorded" if value is None else figure(value)


def _check(weeks: object, title: object) -> tuple[WeekAdherence, ...]:
    if not isinstance(title, str):
        raise InvalidValueError(f"'title' must be a str: {title!r}")
    if isinstance(weeks, (str, bytes)) or not isinstance(weeks, Iterable):
        raise InvalidValueError(f"'weeks' must be an iterable of WeekAdherence: {weeks!r}")
    found = tuple(weeks)
    if not found:
        raise InvalidValueError("'weeks' must hold at least one week: ()")
    for index, week in enumerate(found):
        if not isinstance(week, WeekAdherence):
            raise InvalidValueError(f"'weeks[{index}]' must be a WeekAdherence: {week!r}")
    return found


def _axes(right: float) -> Iterator[str]:
    """The gridlines with their labels: 0-100% on the left, pain 0-10 on the right."""
    yield '<g class="axes" font-size="11">'
    for step in range(_GRID_STEPS + 1):
        y = _n(_BOTTOM - step * _PLOT_HEIGHT / _GRID_STEPS)
        share = step * 100 // _GRID_STEPS
        pain = step * _PAIN_MAX // _GRID_STEPS
        yield (
            f'<line x1="{_LEFT}" y1="{y}" x2="{_n(right)}" y2="{y}" stroke="{_GRID}"/>'
            f'<text x="{_LEFT - 6}" y="{y}" text-anchor="end" dominant-baseline="middle">'
            f"{share}%</text>"
            f'<text x="{_n(right + 6)}" y="{y}" dominant-baseline="middle">{pain}</text>'
        )
    yield (
        f'<text x="8" y="{_TOP - 20}">Sessions done</text>'
        f'<text x="{_n(right + _RIGHT - 8)}" y="{_TOP - 20}" text-anchor="end">Pain, 0-10</text>'
        f'<line x1="{_LEFT}" y1="{_BOTTOM}" x2="{_n(right)}" y2="{_BOTTOM}" stroke="{_INK}"/>'
    )
    yield "</g>"


def _bars(weeks: tuple[WeekAdherence, ...], slot: float) -> Iterator[str]:
    yield f'<g class="sessions" fill="{_BAR_COLOUR}">'
    for index, week in enumerate(weeks):
        report = week.report
        centre = _LEFT + slot * (index + 0.5)
        height = report.sessions_share * _PLOT_HEIGHT
        top = _BOTTOM - height  # the share's figure sits inside the bar, clear of the lines
        yield (
            f'<rect x="{_n(centre - _BAR / 2)}" y="{_n(top)}" width="{_BAR}" '
            f'height="{_n(height)}"><title>{_text(_week_text(week))}</title></rect>'
            f'<text x="{_n(centre)}" y="{_BOTTOM - 6}" text-anchor="middle" fill="{_INK}">'
            f"{_text(percent(report.sessions_share))}</text>"
            f'<text x="{_n(centre)}" y="{_BOTTOM + 18}" text-anchor="middle" fill="{_INK}">'
            f"{_text(f'Week {week.number}')}</text>"
            f'<text x="{_n(centre)}" y="{_BOTTOM + 33}" text-anchor="middle" fill="{_INK}" '
            f'font-size="10">{_text(short_day(report.start))}</text>'
        )
    yield "</g>"


def _line(weeks: tuple[WeekAdherence, ...], slot: float, *, after: bool) -> Iterator[str]:
    """One pain line: a point per week with pain recorded, joined where weeks follow each other."""
    name, colour = ("after", _AFTER_COLOUR) if after else ("before", _BEFORE_COLOUR)
    dashes = "" if after else ' stroke-dasharray="6 4"'
    yield f'<g class="pain-{name}" stroke="{colour}" fill="{colour}">'
    points: list[tuple[float, float, WeekAdherence, float]] = []
    runs: list[list[str]] = [[]]
    for index, week in enumerate(weeks):
        pain = week.pain_after if after else week.pain_before
        if pain is None:
            runs.append([])
            continue
        x, y = _LEFT + slot * (index + 0.5), _pain_y(pain)
        points.append((x, y, week, pain))
        runs[-1].append(f"{_n(x)},{_n(y)}")
    for run in runs:
        if len(run) > 1:
            yield f'<polyline points="{" ".join(run)}" fill="none" stroke-width="2"{dashes}/>'
    for x, y, week, pain in points:
        label = _text(f"Week {week.number}: mean pain {name} {figure(pain)}")
        if after:
            yield (
                f'<rect x="{_n(x - 4)}" y="{_n(y - 4)}" width="8" height="8">'
                f"<title>{label}</title></rect>"
            )
        else:
            yield f'<circle cx="{_n(x)}" cy="{_n(y)}" r="4"><title>{label}</title></circle>'
    yield "</g>"


def _legend(y: float) -> str:
    return (
        f'<g class="legend" fill="{_INK}">'
        f'<rect x="{_LEFT}" y="{_n(y - 9)}" width="12" height="12" fill="{_BAR_COLOUR}"/>'
        f'<text x="{_LEFT + 18}" y="{_n(y)}">sessions done, % of prescribed</text>'
        f'<line x1="{_LEFT + 200}" y1="{_n(y - 3)}" x2="{_LEFT + 224}" y2="{_n(y - 3)}" '
        f'stroke="{_BEFORE_COLOUR}" stroke-width="2" stroke-dasharray="6 4"/>'
        f'<circle cx="{_LEFT + 212}" cy="{_n(y - 3)}" r="4" fill="{_BEFORE_COLOUR}"/>'
        f'<text x="{_LEFT + 230}" y="{_n(y)}">pain before</text>'
        f'<line x1="{_LEFT + 310}" y1="{_n(y - 3)}" x2="{_LEFT + 334}" y2="{_n(y - 3)}" '
        f'stroke="{_AFTER_COLOUR}" stroke-width="2"/>'
        f'<rect x="{_LEFT + 318}" y="{_n(y - 7)}" width="8" height="8" fill="{_AFTER_COLOUR}"/>'
        f'<text x="{_LEFT + 340}" y="{_n(y)}">pain after</text>'
        "</g>"
    )


def adherence_chart(weeks: Iterable[WeekAdherence], *, title: str = DEFAULT_TITLE) -> str:
    """Draw adherence and pain per week as an SVG image, for a person who would rather look.

    One bar per week gives the share of the week's prescribed sessions done (left axis, 0 to
    100%, the percentage above it); two lines give the week's mean pain before (dashed, circles)
    and after (solid, squares) its sessions (right axis, the 0-10 numeric rating scale); a week
    without pain recorded has no point, and the line breaks there. Each bar and point carries a
    ``<title>`` with its figures (a tooltip in a browser), and the image's ``<desc>`` states every
    week's figures in words for a screen reader. The title and every other text are escaped:
    markup in a routine's name stays text.

    Args:
        weeks: The weeks, from :func:`~solpt_rehab.weekly_adherence`; at least one.
        title: The chart's title, shown above it and as the image's accessible name.

    Returns:
        The SVG document, a standalone ``<svg>`` element (no XML declaration needed: it is
        UTF-8), ending in a newline; write it to a ``.svg`` file or inline it in HTML.

    Raises:
        InvalidValueError: For ``weeks`` that are empty or not :class:`~solpt_rehab.WeekAdherence`
            values, or a ``title`` that is not a string.

    .. versionadded:: 0.2.0
    """
    found = _check(weeks, title)
    plot_width = max(_SLOT * len(found), _MIN_PLOT_WIDTH)
    slot = plot_width / len(found)
    right = _LEFT + plot_width
    width = right + _RIGHT
    description = (
        "Bars: the share of the prescribed sessions done each week, 0 to 100%. Lines: the mean "
        "pain before (dashed, circles) and after (solid, squares) the week's sessions, 0 to 10. "
        + " ".join(f"{_week_text(week)}." for week in found)
    )
    parts = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{_n(width)}" height="{_HEIGHT}" '
            f'viewBox="0 0 {_n(width)} {_HEIGHT}" role="img" '
            'aria-labelledby="adherence-chart-title adherence-chart-desc" '
            f'font-family="sans-serif" font-size="12" fill="{_INK}">'
        ),
        f'<title id="adherence-chart-title">{_text(title)}</title>',
        f'<desc id="adherence-chart-desc">{_text(description)}</desc>',
        f'<rect width="{_n(width)}" height="{_HEIGHT}" fill="#ffffff"/>',
        (
            f'<text x="{_n(width / 2)}" y="24" text-anchor="middle" font-size="15" '
            f'font-weight="bold">{_text(title)}</text>'
        ),
        *_axes(right),
        *_bars(found, slot),
        *_line(found, slot, after=False),
        *_line(found, slot, after=True),
        _legend(_HEIGHT - 16),
        "</svg>",
    ]
    return "\n".join(parts) + "\n"
