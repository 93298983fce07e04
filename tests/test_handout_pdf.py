"""solpt_rehab.handout.handout_pdf, judged by tools that are not ours.

poppler's ``pdftotext`` reads the words back and ``pdftoppm`` renders the pages (Debian's
poppler-utils, which .ci/run installs); the PyPI checker ``pdfua`` checks the machine-checkable
part of PDF/UA-1. Without poppler the tests that need it skip, except under CI=true, where they
fail: CI must run them.
"""

from __future__ import annotations

import datetime
import json
import os
import re
import shutil
import struct
import subprocess
import zoneinfo
from pathlib import Path

import attrs
import pdfua
import pytest
import typst

from solpt_rehab import (
    InvalidValueError,
    Progression,
    RoutineBuilder,
    RoutineError,
    Step,
    StepKind,
    catalog,
    session_timeline,
)
from solpt_rehab._cli import article_routine
from solpt_rehab.handout import PAPER_SIZES, handout_content, handout_pdf
from solpt_rehab.handout._pdf import _data, _template

#: pdfua 0.1.3 cannot evaluate this rule on typst's files (its code fails reading an array where
#: it expects a dictionary); every other rule runs. A rule that newly fails to run fails a test.
PDFUA_NOT_EVALUATED = {"UA-14-001"}


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        message = f"{name} is not installed (Debian's poppler-utils; .ci/run installs it)"
        if os.environ.get("CI"):
            pytest.fail(f"CI must have {name}: {message}")
        pytest.skip(message)
    return found


def _text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "handout.pdf"
    path.write_bytes(pdf)
    return subprocess.run(  # noqa: S603 - poppler's tool on our own file
        [_tool("pdftotext"), "-enc", "UTF-8", str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def _pdfua_findings(pdf: bytes, tmp_path: Path) -> list[str]:
    path = tmp_path / "checked.pdf"
    path.write_bytes(pdf)
    report = pdfua.validate(str(path))
    assert {outcome.rule_id for outcome in report.skipped} <= PDFUA_NOT_EVALUATED
    return [f"{finding.rule_id}: {finding.message}" for finding in report.findings]


def _section(text: str, heading: str) -> list[list[str]]:
    """The lines under each ``heading`` line, up to the next line that is no list item."""
    lines = text.splitlines()
    found = []
    for index, line in enumerate(lines):
        if line == heading:
            items = []
            for item in lines[index + 1 :]:
                if not re.match(r"(\u2022|\d+\.) ", item):
                    break
                items.append(item)
            found.append(items)
    return found


# -- the article's routine ------------------------------------------------------------------------


def test_the_dose_words_are_exactly_the_prescription(tmp_path: Path) -> None:
    text = _text(handout_pdf(article_routine("left")), tmp_path)

    assert _section(text, "Your dose") == [
        ["\u2022 Hold 15 seconds.", "\u2022 Do it 3 times.", "\u2022 Left side only."],
        ["\u2022 Hold 20 seconds.", "\u2022 Do it 3 times.", "\u2022 Both sides together."],
        [
            "\u2022 Hold 2 seconds.",
            "\u2022 Do it 8 times in all (4 on each side).",
            "\u2022 Take turns left and right, starting with the right.",
        ],
    ]
    lines = text.splitlines()
    assert lines[:3] == [
        "Lower back and hip pain, left side",
        "How often: 1 session a day, 7 days a week.",
        "One session takes about: 2 min 48 s to 4 min 11 s",
    ]
    for heading in ("1. Figure-4 stretch", "2. Knees-to-chest stretch", "3. Lying march"):
        assert lines.count(heading) == 1
    assert lines.count("Rest a few seconds between repetitions.") == 1
    assert "Tick a box after each session: 7 a week. This log covers 4 weeks." in lines
    assert (
        "The session at a glance: tall bars are the holds and movements, short bars the rests, "
        "releases and changes between them, and the numbers mark where each exercise begins. "
        "Played with the library's timings, the session takes 3 min 14 s."
    ) in " ".join(text.split())


def test_the_strip_hatches_exactly_the_bars_whose_length_the_library_chose(
    tmp_path: Path,
) -> None:
    routine = article_routine("left")
    cues = session_timeline(routine)

    strip = _data(handout_content(routine), "a4")["strip"]

    # The data typst draws from: the library's own bars, and only those, are hatched.
    own = [index for index, cue in enumerate(cues) if cue.interpreted]
    assert own == [0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26]
    assert [index for index, segment in enumerate(strip["segments"]) if segment["own"]] == own
    assert [segment["kind"] for segment in strip["segments"]] == [cue.kind.value for cue in cues]
    assert strip["segments"][:2] == [
        {"kind": "get-ready", "start": 0, "width": 10 / 194, "working": False, "own": True},
        {"kind": "hold", "start": 10 / 194, "width": 15 / 194, "working": True, "own": False},
    ]
    assert strip["own_label"] == "The library's own timing"
    own_text = (
        "14 of the 28 bars, hatched and outlined with dashes, are the library's own timing, "
        "lengths that no source states as a number: getting ready, coming back between "
        "repetitions, getting into position and rest between repetitions."
    )
    assert strip["text"].endswith(f"the session takes 3 min 14 s. {own_text}")
    # The legend's key and the sentence are printed text, the hatched key an artifact.
    text = _text(handout_pdf(routine), tmp_path)
    lines = text.splitlines()
    assert "The library's own timing" in lines
    assert own_text in " ".join(text.split())


def test_the_words_are_the_content_models_own(tmp_path: Path) -> None:
    routine = (
        RoutineBuilder("Strength", sessions_per_day=2, days_per_week=3, weeks=2, start="2026-03-02")
        .add("knees-to-chest", notes="Keep your head on the mat.")
        .build()
    )
    content = handout_content(routine)

    text = _text(handout_pdf(routine), tmp_path)

    (exercise,) = content.exercises
    assert _section(text, "Your dose") == [[f"\u2022 {line}" for line in exercise.dose]]
    assert _section(text, "What to do") == [
        [f"{number}. {step}" for number, step in enumerate(exercise.steps, start=1)]
    ]
    lines = text.splitlines()
    assert "How often: 2 sessions a day, 3 days a week, for 2 weeks, starting 2026-03-02." in lines
    assert "From your clinician: Keep your head on the mat." in lines
    assert "Tick a box after each session: 6 a week, for the 2 weeks of the programme." in lines
    assert "2026-03-09" in lines


def test_pdfua_finds_nothing_in_the_articles_handout(tmp_path: Path) -> None:
    assert _pdfua_findings(handout_pdf(article_routine("left")), tmp_path) == []


def test_pdfua_does_find_the_faults_of_an_untagged_file(tmp_path: Path) -> None:
    # The control: the same template compiled without tags and without PDF/UA, which the checker
    # must fault, so that its silence above means something.
    data = _data(handout_content(article_routine("left")), "a4")
    untagged = typst.compile(
        _template(),
        sys_inputs={"content": json.dumps(data)},
        ignore_system_fonts=True,
        pdf_tags=False,
    )

    findings = _pdfua_findings(untagged, tmp_path)
    assert [finding.split(":")[0] for finding in findings] == [
        "UA-01-005",
        "UA-01-002",
        "UA-07-002",
        "UA-28-004",
    ]


@pytest.mark.parametrize(
    ("paper", "size"),
    [("a4", (596, 842)), ("us-letter", (612, 792))],  # A4 is 595.28 points wide
)
def test_the_pages_render_to_png_on_the_chosen_paper(
    paper: str, size: tuple[int, int], tmp_path: Path
) -> None:
    path = tmp_path / "handout.pdf"
    path.write_bytes(handout_pdf(article_routine("left"), paper=paper))  # type: ignore[arg-type]

    subprocess.run(  # noqa: S603 - poppler's tool on our own file
        [_tool("pdftoppm"), "-r", "72", "-png", str(path), str(tmp_path / "page")], check=True
    )

    pages = sorted(tmp_path.glob("page-*.png"))
    assert [page.name for page in pages] == ["page-1.png", "page-2.png"]
    for page in pages:
        header = page.read_bytes()[:24]
        assert header[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", header[16:24]) == size


def test_a_timestamp_dates_the_file_and_makes_the_same_bytes_again() -> None:
    routine = article_routine("right")
    when = datetime.datetime(2026, 3, 2, 9, 30, tzinfo=datetime.timezone.utc)

    first = handout_pdf(routine, timestamp=when)

    assert handout_pdf(routine, timestamp=when) == first
    assert b"/CreationDate(D:20260302093000Z)" in first
    berlin = datetime.datetime(2026, 7, 2, 9, 30, tzinfo=zoneinfo.ZoneInfo("Europe/Berlin"))
    assert b"/CreationDate(D:20260702073000Z)" in handout_pdf(routine, timestamp=berlin)


# -- text from strangers --------------------------------------------------------------------------

HOSTILE = (
    "<script>alert(1)</script>",
    '#set page(width: 2cm) #read("/etc/passwd")',
    "$x^2$ *bold* _it_ ] [ \\ \\\\ `raw` @ref <label>",
    '#import "/x.typ": * {{ }} // /* */ #{ panic() }',
    "</html> <img src=x onerror=alert(1)> javascript:alert(1)",
    "\u200fmarked\u200e right-to-left \u05e9\u05dc\u05d5\u05dd",
)
#: The marks U+200E and U+200F have no glyph, and pdftotext leaves some out; it also wraps a
#: right-to-left run in U+202B ... U+202C of its own. Both sides are compared without them.
_MARKS = str.maketrans("", "", "\u200e\u200f\u202a\u202b\u202c\u202d\u202e")


def test_hostile_text_prints_as_the_text_it_is(tmp_path: Path) -> None:
    base = catalog.get("knees-to-chest")
    hostile = attrs.evolve(
        base,
        name="#emph[Name] $ * ] \\",
        purpose="#strong[purpose] ]",
        steps=(*(Step(text=text, kind=StepKind.MOVE) for text in HOSTILE), *base.steps),
        precautions=HOSTILE,
    )
    routine = (
        RoutineBuilder("Title #strong[x] ] $", notes=HOSTILE[1], exercises={hostile.id: hostile})
        .add(hostile.id, notes=HOSTILE[3])
        .build()
    )
    pdf = handout_pdf(routine)

    text = _text(pdf, tmp_path).translate(_MARKS)

    lines = text.splitlines()
    assert lines[:2] == ["Title #strong[x] ] $", HOSTILE[1]]
    assert "1. #emph[Name] $ * ] \\" in lines
    assert "#strong[purpose] ]" in lines
    (steps,) = _section(text, "What to do")
    assert steps[: len(HOSTILE)] == [
        f"{number}. {step.translate(_MARKS)}" for number, step in enumerate(HOSTILE, start=1)
    ]
    assert _section(text, "Take care") == [[f"\u2022 {line.translate(_MARKS)}" for line in HOSTILE]]
    assert f"From your clinician: {HOSTILE[3]}" in lines
    assert "root:" not in text
    assert _pdfua_findings(pdf, tmp_path) == []


def test_a_direction_override_never_reaches_the_handout() -> None:
    # The model refuses U+202E and its kin in every text, so no handout can hold one.
    with pytest.raises(RoutineError) as caught:
        RoutineBuilder("Hips \u202eevil").add("knees-to-chest").build()
    assert [str(problem) for problem in caught.value.problems] == [
        (
            "/name: error control-character: 'name' must not hold control characters or "
            "bidirectional overrides (U+202E at index 5): 'Hips \\u202eevil'"
        )
    ]


# -- arguments ------------------------------------------------------------------------------------


def test_the_paper_sizes() -> None:
    assert PAPER_SIZES == ("a4", "us-letter")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"paper": "a5"}, "'paper' must be one of a4, us-letter: 'a5'"),
        (
            {"timestamp": datetime.datetime(2026, 3, 2)},
            "'timestamp' must be an aware datetime or None: a datetime value",
        ),
        (
            {"timestamp": "2026-03-02"},
            "'timestamp' must be an aware datetime or None: '2026-03-02'",
        ),
        ({"log_weeks": 0}, "'log_weeks' must be from 1 to 52: 0"),
    ],
)
def test_bad_arguments_are_refused_with_a_clear_message(
    options: dict[str, object], message: str
) -> None:
    with pytest.raises(InvalidValueError) as caught:
        handout_pdf(article_routine("left"), **options)  # type: ignore[arg-type]
    assert str(caught.value) == message


# -- text that typst's own fonts cannot show ------------------------------------------------------

#: Debian's fonts-dejavu-core (.ci/run installs it), which has glyphs Libertinus Serif lacks.
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")


def test_text_no_font_can_show_is_a_clear_error_listing_it() -> None:
    # Neither typst's fonts nor DejaVu have a leg (U+1F9B5); DejaVu has the grinning face.
    routine = (
        RoutineBuilder("Hips \U0001f600 \U0001f600", notes="\U0001f9b5").add("lying-march").build()
    )

    with pytest.raises(InvalidValueError) as caught:
        handout_pdf(routine)

    assert str(caught.value) == (
        "the PDF handout's fonts cannot show some of the routine's text (PDF/UA-1 forbids text "
        "that no font shows): '\U0001f600', '\U0001f9b5'; give font_paths a font that has them"
    )


def test_a_long_list_of_characters_no_font_shows_is_cut_short() -> None:
    name = "".join(chr(code) for code in range(0x4E00, 0x4E0C))  # twelve CJK ideographs
    routine = RoutineBuilder(name).add("lying-march").build()

    with pytest.raises(InvalidValueError) as caught:
        handout_pdf(routine)

    listed = ", ".join(repr(chr(code)) for code in range(0x4E00, 0x4E0A))
    assert str(caught.value) == (
        "the PDF handout's fonts cannot show some of the routine's text (PDF/UA-1 forbids text "
        f"that no font shows): {listed} and 2 more; give font_paths a font that has them"
    )


def test_font_paths_lend_the_glyphs_the_handout_lacks(tmp_path: Path) -> None:
    if not (DEJAVU / "DejaVuSans.ttf").is_file():
        message = f"no DejaVu fonts in {DEJAVU} (Debian's fonts-dejavu-core; .ci/run installs it)"
        if os.environ.get("CI"):
            pytest.fail(f"CI must have them: {message}")
        pytest.skip(message)
    routine = RoutineBuilder("Hips \U0001f600", notes="Smile").add("lying-march").build()

    pdf = handout_pdf(routine, font_paths=[DEJAVU])

    lines = _text(pdf, tmp_path).splitlines()
    assert lines[:2] == ["Hips \U0001f600", "Smile"]
    assert _pdfua_findings(pdf, tmp_path) == []
    leg = RoutineBuilder("Hips \U0001f9b5").add("lying-march").build()
    with pytest.raises(InvalidValueError) as caught:
        handout_pdf(leg, font_paths=[str(DEJAVU)])
    assert str(caught.value).endswith(
        "no font shows): '\U0001f9b5'; give font_paths a font that has them"
    )


@pytest.mark.parametrize(
    ("font_paths", "message"),
    [
        ("fonts", "'font_paths' must be a sequence of paths: 'fonts'"),
        ([3], "'font_paths' must hold paths: 3"),
    ],
)
def test_font_paths_must_be_paths(font_paths: object, message: str) -> None:
    with pytest.raises(InvalidValueError) as caught:
        handout_pdf(article_routine("left"), font_paths=font_paths)  # type: ignore[arg-type]
    assert str(caught.value) == message


def test_an_overlong_word_wraps_inside_the_margins(tmp_path: Path) -> None:
    word = "Lowerbackandhippain" * 25  # 475 letters, no space nor any other break opportunity
    base = catalog.get("knees-to-chest")
    long = attrs.evolve(base, steps=(Step(text=f"See {word} first.", kind="move"), *base.steps))
    routine = RoutineBuilder("Hips", exercises={long.id: long}).add(long.id).build()
    path = tmp_path / "long.pdf"
    path.write_bytes(handout_pdf(routine))

    boxes = subprocess.run(  # noqa: S603 - poppler's tool on our own file
        [_tool("pdftotext"), "-bbox", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout

    right = max(
        float(x) for x in re.findall(r'<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)"', boxes)
    )
    margin = 2 / 2.54 * 72  # 2 cm in points
    assert right <= 595.28 - margin + 0.5
    # The word breaks after every 40 characters without a space, at an invisible U+200B, which
    # pdftotext keeps: without it and the line breaks, the word comes back whole.
    text = _text(path.read_bytes(), tmp_path)
    assert word in "".join(text.replace("\u200b", "").split())


def test_the_pdf_of_a_week_prints_that_weeks_doses_and_says_which(tmp_path: Path) -> None:
    routine = (
        RoutineBuilder("Six weeks", days_per_week=5, weeks=6, start=datetime.date(2026, 12, 7))
        .add(
            "knees-to-chest",
            hold_seconds=20,
            progression=Progression(dose="hold_seconds", step=2, every_weeks=1),
        )
        .build()
    )
    text = _text(handout_pdf(routine, on=datetime.date(2026, 12, 21)), tmp_path)

    assert text.splitlines()[:2] == [
        "Six weeks",
        "The doses in force on 2026-12-21, week 3 of the programme.",
    ]
    assert _section(text, "Your dose") == [
        ["\u2022 Hold 24 seconds.", "\u2022 Do it 3 times.", "\u2022 Both sides together."]
    ]
