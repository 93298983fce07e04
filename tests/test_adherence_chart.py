"""The SVG chart of adherence and pain per week: its bars and points exactly, valid SVG, escaped."""

from __future__ import annotations

import datetime
import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from solpt_rehab import (
    InvalidValueError,
    ItemLog,
    Routine,
    RoutineBuilder,
    SessionLog,
    SetLog,
    WeekAdherence,
    adherence_chart,
    weekly_adherence,
)
from solpt_rehab._present import printable
from solpt_rehab.strategies import routines, session_logs

ROOT = Path(__file__).resolve().parent.parent
VNU_JAR = os.environ.get("SOLPT_REHAB_VNU_JAR")
SVG = "{http://www.w3.org/2000/svg}"
MONDAY = datetime.date(2026, 10, 5)
#: The plot's baseline (0% and pain 0) and its height (100% and pain 10), in user units.
BOTTOM, HEIGHT = 272, 200


def day(offset: int) -> datetime.date:
    return MONDAY + datetime.timedelta(days=offset)


ROUTINE = attrs.evolve(
    RoutineBuilder("Hips", days_per_week=5).add("knees-to-chest", reps=4).build(),
    start=MONDAY,
    weeks=4,
)


def session(offset: int, before: int | None, after: int | None) -> SessionLog:
    return SessionLog(
        date=day(offset),
        items=[ItemLog(exercise="knees-to-chest", sets=[SetLog(reps=4)])],
        pain_before=before,
        pain_after=after,
    )


# Week 1: four sessions, pain 2 and 3 before, 2 and 4 after (two record none); week 2: none;
# week 3: two sessions, 5 before and after; week 4: one, 6 before, nothing after.
LOGS = [
    session(0, 2, 2),
    session(1, 3, 4),
    session(2, None, None),
    session(3, None, None),
    session(15, 5, 5),
    session(16, 5, 5),
    session(22, 6, None),
]
WEEKS = weekly_adherence(ROUTINE, LOGS, MONDAY, day(27))


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314 - our own output, parsed to check it


def group(root: ET.Element, name: str) -> ET.Element:
    [found] = [g for g in root.iter(f"{SVG}g") if g.get("class") == name]
    return found


def numbers(element: ET.Element, *names: str) -> tuple[float, ...]:
    return tuple(float(element.get(name, "nan")) for name in names)


def test_the_weeks_are_as_the_logs_say() -> None:
    assert [
        (w.number, w.report.sessions_done, w.report.sessions_share, w.pain_before, w.pain_after)
        for w in WEEKS
    ] == [
        (1, 4, 0.8, 2.5, 3.0),
        (2, 0, 0.0, None, None),
        (3, 2, 0.4, 5.0, 5.0),
        (4, 1, 0.2, 6.0, None),
    ]


def test_one_bar_per_week_its_height_the_share_of_sessions_done() -> None:
    root = parse(adherence_chart(WEEKS))
    # Four weeks take the least plot width, 384 from x=64: a slot of 96 each, bars 36 wide.
    bars = [
        numbers(rect, "x", "y", "width", "height")
        for rect in group(root, "sessions").iter(f"{SVG}rect")
    ]
    assert bars == [
        (94.0, BOTTOM - 160.0, 36.0, 160.0),
        (190.0, float(BOTTOM), 36.0, 0.0),
        (286.0, BOTTOM - 80.0, 36.0, 80.0),
        (382.0, BOTTOM - 40.0, 36.0, 40.0),
    ]
    texts = [text.text for text in group(root, "sessions").iter(f"{SVG}text")]
    assert texts == [
        "80%", "Week 1", "5 Oct",
        "0%", "Week 2", "12 Oct",
        "40%", "Week 3", "19 Oct",
        "20%", "Week 4", "26 Oct",
    ]  # fmt: skip
    assert [
        rect.findtext(f"{SVG}title") for rect in group(root, "sessions").iter(f"{SVG}rect")
    ] == [
        (
            "Week 1, 2026-10-05 to 2026-10-11: 4 of 5 sessions done (80%); mean pain 2.5 before, "
            "3 after"
        ),
        "Week 2, 2026-10-12 to 2026-10-18: 0 of 5 sessions done (0%); pain not recorded",
        "Week 3, 2026-10-19 to 2026-10-25: 2 of 5 sessions done (40%); mean pain 5 before, 5 after",
        (
            "Week 4, 2026-10-26 to 2026-11-01: 1 of 5 sessions done (20%); mean pain 6 before, "
            "not recorded after"
        ),
    ]


def test_pain_is_a_point_per_week_recorded_and_the_line_breaks_at_a_week_without() -> None:
    root = parse(adherence_chart(WEEKS))
    before, after = group(root, "pain-before"), group(root, "pain-after")
    # Pain 10 is the plot's top: y = 272 - pain x 20.
    assert [numbers(c, "cx", "cy") for c in before.iter(f"{SVG}circle")] == [
        (112.0, 222.0),
        (304.0, 172.0),
        (400.0, 152.0),
    ]
    assert [p.get("points") for p in before.iter(f"{SVG}polyline")] == ["304,172 400,152"]
    assert [c.findtext(f"{SVG}title") for c in before.iter(f"{SVG}circle")] == [
        "Week 1: mean pain before 2.5",
        "Week 3: mean pain before 5",
        "Week 4: mean pain before 6",
    ]
    # The squares after: 8 wide, centred on the point.
    assert [numbers(r, "x", "y") for r in after.iter(f"{SVG}rect")] == [
        (108.0, 208.0),
        (300.0, 168.0),
    ]
    assert list(after.iter(f"{SVG}polyline")) == []
    assert before.get("stroke") == "#e69f00"
    assert after.get("stroke") == "#d55e00"


def test_the_image_is_named_and_described_for_a_screen_reader() -> None:
    root = parse(adherence_chart(WEEKS, title="Hips"))
    assert root.tag == f"{SVG}svg"
    assert (root.get("role"), root.get("aria-labelledby")) == (
        "img",
        "adherence-chart-title adherence-chart-desc",
    )
    assert (root.get("width"), root.get("height"), root.get("viewBox")) == (
        "496",
        "360",
        "0 0 496 360",
    )
    assert root.findtext(f"{SVG}title") == "Hips"
    assert root.findtext(f"{SVG}desc") == (
        "Bars: the share of the prescribed sessions done each week, 0 to 100%. Lines: the mean "
        "pain before (dashed, circles) and after (solid, squares) the week's sessions, 0 to 10. "
        "Week 1, 2026-10-05 to 2026-10-11: 4 of 5 sessions done (80%); mean pain 2.5 before, "
        "3 after. Week 2, 2026-10-12 to 2026-10-18: 0 of 5 sessions done (0%); pain not "
        "recorded. Week 3, 2026-10-19 to 2026-10-25: 2 of 5 sessions done (40%); mean pain 5 "
        "before, 5 after. Week 4, 2026-10-26 to 2026-11-01: 1 of 5 sessions done (20%); mean "
        "pain 6 before, not recorded after."
    )
    axes = [text.text for text in group(root, "axes").iter(f"{SVG}text")]
    assert axes == [
        "0%", "0", "20%", "2", "40%", "4", "60%", "6", "80%", "8", "100%", "10",
        "Sessions done", "Pain, 0-10",
    ]  # fmt: skip


def test_many_weeks_widen_the_chart_a_slot_of_64_each() -> None:
    long = attrs.evolve(ROUTINE, weeks=10)
    weeks = weekly_adherence(long, LOGS, MONDAY, day(69))
    root = parse(adherence_chart(weeks))
    assert root.get("width") == str(64 + 640 + 48)
    centres = [
        float(rect.get("x", "nan")) + 18 for rect in group(root, "sessions").iter(f"{SVG}rect")
    ]
    assert centres == [96.0 + 64 * n for n in range(10)]


HOSTILE = "<script>alert(\"x\")</script> & 'q' \x1b[2J\u202e\ud800\ufffe"
SHOWN = "<script>alert(\"x\")</script> & 'q' \\x1b[2J\\u202e\\ud800\\ufffe"


def test_the_title_is_text_never_markup_and_never_what_xml_cannot_hold() -> None:
    svg = adherence_chart(WEEKS, title=HOSTILE)
    svg.encode("utf-8")  # no lone surrogate left
    root = parse(svg)
    assert root.findtext(f"{SVG}title") == SHOWN
    [heading] = [t for t in root.iter(f"{SVG}text") if t.get("font-weight") == "bold"]
    assert heading.text == SHOWN
    assert [element.tag for element in root.iter() if "script" in element.tag] == []
    assert "\x1b" not in svg
    assert "\u202e" not in svg


@given(
    routine=routines(max_items=3),
    logs=st.lists(session_logs(), max_size=8),
    days=st.integers(1, 60),
    title=st.text(st.characters(exclude_categories=())),
)
def test_any_weeks_and_any_title_draw_well_formed_svg_true_to_the_figures(
    routine: Routine, logs: list[SessionLog], days: int, title: str
) -> None:
    """For any routine, logs and title: XML that parses, one bar per week as high as its share,
    a point per week with pain recorded, and the title shown as text, escaped as on a terminal."""
    routine = attrs.evolve(routine, start=MONDAY, weeks=None)
    logs = [attrs.evolve(entry, date=day(3 * index)) for index, entry in enumerate(logs)]
    weeks = weekly_adherence(routine, logs, MONDAY, day(days - 1))
    svg = adherence_chart(weeks, title=title)
    svg.encode("utf-8")
    root = parse(svg)
    assert root.findtext(f"{SVG}title") == printable(title).translate(
        {code: f"\\u{code:04x}" for code in (*range(0xD800, 0xE000), 0xFFFE, 0xFFFF)}
    )
    heights = [
        float(rect.get("height", "nan")) for rect in group(root, "sessions").iter(f"{SVG}rect")
    ]
    assert heights == [float(_two(week.report.sessions_share * HEIGHT)) for week in weeks]
    assert len(list(group(root, "pain-before").iter(f"{SVG}circle"))) == sum(
        week.pain_before is not None for week in weeks
    )
    assert len(list(group(root, "pain-after").iter(f"{SVG}rect"))) == sum(
        week.pain_after is not None for week in weeks
    )


def _two(value: float) -> float:
    return round(value, 2)


def test_the_weeks_passed_in_are_not_modified() -> None:
    weeks = list(WEEKS)
    adherence_chart(weeks)
    assert weeks == list(WEEKS)


@pytest.mark.parametrize(
    ("weeks", "title", "message"),
    [
        ((), "t", "'weeks' must hold at least one week: ()"),
        ("weeks", "t", "'weeks' must be an iterable of WeekAdherence: 'weeks'"),
        (None, "t", "'weeks' must be an iterable of WeekAdherence: None"),
        ([1], "t", "'weeks[0]' must be a WeekAdherence: 1"),
        (WEEKS, None, "'title' must be a str: None"),
    ],
)
def test_bad_arguments_are_refused(weeks: object, title: object, message: str) -> None:
    with pytest.raises(InvalidValueError) as caught:
        adherence_chart(weeks, title=title)  # type: ignore[arg-type]
    assert str(caught.value) == message


def test_a_single_week_without_pain_draws_a_bar_and_no_point() -> None:
    week = WeekAdherence(number=2, report=WEEKS[1].report, pain_before=None, pain_after=None)
    root = parse(adherence_chart([week]))
    assert len(list(group(root, "sessions").iter(f"{SVG}rect"))) == 1
    assert list(group(root, "pain-before").iter(f"{SVG}circle")) == []
    assert list(group(root, "pain-after").iter(f"{SVG}rect")) == []


def test_the_docs_image_is_what_the_example_draws(tmp_path: Path) -> None:
    """docs/images/adherence-chart.svg is made by examples/adherence_chart.py, not by hand."""
    written = tmp_path / "chart.svg"
    result = subprocess.run(  # noqa: S603 - our own script, with our own interpreter
        [sys.executable, str(ROOT / "examples" / "adherence_chart.py"), str(written)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stderr) == (0, "")
    committed = ROOT / "docs" / "images" / "adherence-chart.svg"
    assert written.read_text(encoding="utf-8") == committed.read_text(encoding="utf-8")


@pytest.mark.skipif(
    VNU_JAR is None and not os.environ.get("CI"),
    reason="SOLPT_REHAB_VNU_JAR names no vnu.jar, the W3C Nu checker (.ci/run fetches it)",
)
def test_the_chart_is_valid_svg_to_the_w3c_nu_checker(tmp_path: Path) -> None:
    assert VNU_JAR is not None, "CI must set SOLPT_REHAB_VNU_JAR"
    java = shutil.which("java")
    assert java is not None, "the Nu checker needs java on PATH"
    paths = []
    for number, (weeks, title) in enumerate(
        [
            (WEEKS, HOSTILE),
            (WEEKS[1:2], "one week"),
            (weekly_adherence(ROUTINE, [], MONDAY, day(3)), "x"),
        ]
    ):
        path = tmp_path / f"chart-{number}.svg"
        path.write_text(adherence_chart(weeks, title=title), encoding="utf-8")
        paths.append(str(path))
    paths.append(str(ROOT / "docs" / "images" / "adherence-chart.svg"))
    result = subprocess.run(  # noqa: S603 - a fixed checker on our own files
        [java, "-jar", VNU_JAR, "--svg", "--format", "json", *paths],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert json.loads(result.stderr)["messages"] == []
    assert result.returncode == 0
