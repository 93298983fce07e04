"""The HTML handout in a real browser: Debian's Chromium, driven by Playwright.

Playwright rather than Selenium: its fake clock (``page.clock``) runs the guided session's
timers as fast as the test asks, exactly to the millisecond, so the test can stop at every cue
of a three-minute session in a second or two; it also emulates print media, prints PDFs, and
lets a test inject axe-core or fake the speech and audio APIs. It is pointed at the system's
Chromium (``SOLPT_REHAB_CHROMIUM``, default ``/usr/bin/chromium``) and never downloads one.

Without Playwright or the browser the tests skip, except under ``CI=true``, where they fail.
axe-core comes from npm (``SOLPT_REHAB_AXE_JS`` names ``axe.min.js``); printing is checked with
poppler's ``pdftotext``.
"""

from __future__ import annotations

import importlib.util
import math
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from handout_hostile import hostile_routine
from solpt_rehab import Cue, CueKind, Routine, RoutineBuilder, session_timeline
from solpt_rehab._cli import article_routine
from solpt_rehab.handout import HandoutExercise, handout_content, handout_html
from solpt_rehab.handout._html import KIND_NAMES

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ConsoleMessage, Dialog, Page, Request

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("SOLPT_REHAB_CHROMIUM", "/usr/bin/chromium")
AXE = os.environ.get("SOLPT_REHAB_AXE_JS")
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
MISSING = (
    "playwright is not installed (the test extra installs it)"
    if importlib.util.find_spec("playwright") is None
    else None
    if Path(CHROMIUM).is_file()
    else f"no Chromium at {CHROMIUM} (set SOLPT_REHAB_CHROMIUM; .ci/run installs chromium)"
)

pytestmark = pytest.mark.skipif(MISSING is not None and not IN_CI, reason=str(MISSING))


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert MISSING is None, f"CI must run the browser tests: {MISSING}"
    from playwright.sync_api import sync_playwright  # noqa: PLC0415 - only these tests need it

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM)
        yield launched
        launched.close()


class Watch:
    """What a page did besides rendering: dialogs, console messages, errors, requests."""

    def __init__(self, page: Page, url: str) -> None:
        self.dialogs: list[str] = []
        self.console: list[str] = []
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.url = url
        page.on("dialog", self._dialog)
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("request", self._request)

    def _dialog(self, dialog: Dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _console(self, message: ConsoleMessage) -> None:
        self.console.append(f"{message.type}: {message.text}")

    def _request(self, request: Request) -> None:
        if request.url != self.url:
            self.requests.append(request.url)

    @property
    def quiet(self) -> bool:
        return not (self.dialogs or self.console or self.errors or self.requests)


def open_page(
    browser: Browser, tmp_path: Path, routine: Routine, *, bypass_csp: bool = False
) -> tuple[Page, Watch]:
    """The routine's handout, opened from a file with the fake clock installed at 0."""
    path = tmp_path / "handout.html"
    path.write_text(handout_html(routine), encoding="utf-8")
    context = browser.new_context(bypass_csp=bypass_csp, viewport={"width": 900, "height": 900})
    page = context.new_page()
    watch = Watch(page, path.as_uri())
    page.clock.install(time=0)
    page.goto(path.as_uri())
    return page, watch


def text(page: Page, role: str) -> str:
    return page.locator(f"#guided [data-role={role}]").inner_text()


def cue_index(page: Page) -> int:
    return int(page.get_attribute("#guided", "data-cue") or "-1")


def play_every_cue(page: Page, routine: Routine) -> list[tuple[int, str, str, str, str]]:
    """Start the session and stop at every cue: what the page shows at each one's start."""
    content = handout_content(routine)
    page.click("[data-role=start]")
    seen = []
    elapsed = ends = 0
    for cue, exercise in zip(
        content.timeline, items_of(content.exercises, content.timeline), strict=True
    ):
        seen.append(
            (cue_index(page), text(page, "kind"), text(page, "prompt"), text(page, "countdown"),
             text(page, "exercise"))
        )  # fmt: skip
        assert text(page, "exercise") == (
            f"Exercise {exercise.number} of {len(content.exercises)}: {exercise.name}"
        )
        # The timer ticks every 100 ms; the next cue starts at the first tick at or after its
        # start (every cue of these routines lasts whole seconds, so exactly at it).
        ends += round(cue.duration_seconds * 1000)
        target = math.ceil(ends / 100) * 100
        page.clock.run_for(target - elapsed)
        elapsed = target
    return seen


def items_of(
    exercises: tuple[HandoutExercise, ...], timeline: tuple[Cue, ...]
) -> list[HandoutExercise]:
    """The item of each cue: an item's cues start at its get-ready or next-exercise cue."""
    openings = (CueKind.GET_READY, CueKind.NEXT_EXERCISE)
    found, number = [], -1
    for cue in timeline:
        number += cue.kind in openings
        found.append(exercises[number])
    return found


def expected(routine: Routine) -> list[tuple[int, str, str, str, str]]:
    content = handout_content(routine)
    total = len(content.exercises)
    timeline = session_timeline(routine)
    return [
        (
            index,
            KIND_NAMES[cue.kind.value],
            cue.prompt,
            f"{int(cue.duration_seconds) // 60}:{int(cue.duration_seconds) % 60:02d}",
            f"Exercise {exercise.number} of {total}: {exercise.name}",
        )
        for index, (cue, exercise) in enumerate(
            zip(timeline, items_of(content.exercises, timeline), strict=True)
        )
    ]


def test_the_page_renders_and_a_screenshot_is_written(browser: Browser, tmp_path: Path) -> None:
    routine = article_routine("left")
    page, watch = open_page(browser, tmp_path, routine)

    assert page.title() == "Lower back and hip pain, left side"
    assert page.locator("h1").inner_text() == "Lower back and hip pain, left side"
    # The script has taken over from the static first cue.
    assert page.get_attribute("#guided", "data-static") is None
    assert text(page, "start") == "Start"
    assert text(page, "prompt") == "Get ready: Figure-4 stretch, left side."
    assert page.locator("svg.strip rect.seg").count() == 28
    shot = tmp_path / "handout.png"
    page.screenshot(path=str(shot), full_page=True)
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert width == 900
    assert height > 2000
    assert watch.quiet, (watch.dialogs, watch.console, watch.errors, watch.requests)


def test_the_librarys_own_timings_are_hatched_and_dashed_under_the_pages_policy(
    browser: Browser, tmp_path: Path
) -> None:
    routine = article_routine("left")
    page, watch = open_page(browser, tmp_path, routine)  # the policy in force
    page.emulate_media(media="print")

    drawn = page.evaluate(
        """() => [...document.querySelectorAll("svg.strip rect.own")].map(rect => {
            const style = getComputedStyle(rect);
            const bar = rect.previousElementSibling.getBoundingClientRect();
            const box = rect.getBoundingClientRect();
            return [rect.previousElementSibling.getAttribute("class"), style.fill,
                    style.strokeDasharray, box.width > 0 && box.width === bar.width
                    && box.x === bar.x && box.height === bar.height];
        })"""
    )

    # The stylesheet ran (its hash matches): the dashes are drawn, over each bar's own box.
    own = [cue.kind.value for cue in session_timeline(routine) if cue.interpreted]
    assert drawn == [[f"seg k-{kind}", 'url("#own-hatch")', "3px, 2px", True] for kind in own]
    key = page.locator(".legend li").last
    assert key.inner_text() == "The library's own timing"
    assert key.locator("rect.own").count() == 1
    assert watch.quiet, (watch.dialogs, watch.console, watch.errors, watch.requests)


def test_a_phone_wide_screen_needs_no_sideways_scrolling(browser: Browser, tmp_path: Path) -> None:
    page, _ = open_page(browser, tmp_path, article_routine("left"))
    page.set_viewport_size({"width": 360, "height": 740})

    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") == 0
    assert page.locator("[data-role=start]").is_visible()


@pytest.mark.parametrize("side", ["left", "right"])
def test_the_guided_timer_steps_through_every_cue_of_the_articles_routine_in_order(
    browser: Browser, tmp_path: Path, side: str
) -> None:
    routine = article_routine(side)
    page, watch = open_page(browser, tmp_path, routine)

    seen = play_every_cue(page, routine)

    assert seen == expected(routine)
    assert len(seen) == 28
    assert cue_index(page) == 28
    assert page.get_attribute("#guided", "data-state") == "done"
    assert (text(page, "kind"), text(page, "prompt"), text(page, "countdown")) == (
        "Done",
        "Session complete. Well done.",
        "0:00",
    )
    assert text(page, "start") == "Start again"
    assert watch.quiet, (watch.dialogs, watch.console, watch.errors, watch.requests)


def test_an_exercise_that_comes_back_shows_its_own_place_and_count(
    browser: Browser, tmp_path: Path
) -> None:
    routine = (
        RoutineBuilder("Both sides")
        .add("figure-4-stretch", side="left", reps=3)
        .add("figure-4-stretch", side="right", reps=4)
        .build()
    )
    page, watch = open_page(browser, tmp_path, routine)

    seen = play_every_cue(page, routine)

    assert seen == expected(routine)
    assert [row[4] for row in seen] == [
        *["Exercise 1 of 2: Figure-4 stretch"] * 6,
        *["Exercise 2 of 2: Figure-4 stretch"] * 8,
    ]
    assert watch.quiet, (watch.dialogs, watch.console, watch.errors, watch.requests)


def test_sets_rests_and_switching_sides_show_their_progress(
    browser: Browser, tmp_path: Path
) -> None:
    routine = hostile_routine()
    page, _ = open_page(browser, tmp_path, routine)
    page.click("[data-role=start]")
    cues = session_timeline(routine)

    shown = []
    for index, cue in enumerate(cues[:12]):
        assert cue_index(page) == index
        shown.append((cue.kind.value, text(page, "set"), text(page, "repetition")))
        page.clock.run_for(round(cue.duration_seconds * 1000))

    assert shown == [
        ("get-ready", "", ""),
        ("hold", "Set 1 of 2", "Repetition 1 of 2"),
        ("rest", "Set 1 of 2", ""),
        ("hold", "Set 1 of 2", "Repetition 2 of 2"),
        ("switch-sides", "Set 1 of 2", ""),
        ("hold", "Set 1 of 2", "Repetition 1 of 2"),
        ("rest", "Set 1 of 2", ""),
        ("hold", "Set 1 of 2", "Repetition 2 of 2"),
        ("set-rest", "Set 2 of 2", ""),
        ("hold", "Set 2 of 2", "Repetition 1 of 2"),
        ("rest", "Set 2 of 2", ""),
        ("hold", "Set 2 of 2", "Repetition 2 of 2"),
    ]


def test_the_keyboard_starts_pauses_goes_back_and_skips(browser: Browser, tmp_path: Path) -> None:
    routine = article_routine("left")
    cues = session_timeline(routine)
    page, watch = open_page(browser, tmp_path, routine)

    page.keyboard.press("k")
    assert page.get_attribute("[data-role=start]", "aria-pressed") == "true"
    page.clock.run_for(4_000)
    assert text(page, "countdown") == "0:06"
    page.keyboard.press("Space")
    assert text(page, "start") == "Resume"
    page.clock.run_for(60_000)  # paused: nothing moves
    assert (cue_index(page), text(page, "countdown")) == (0, "0:06")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("l")
    assert (cue_index(page), text(page, "prompt")) == (2, cues[2].prompt)
    page.keyboard.press("ArrowLeft")
    assert (cue_index(page), text(page, "countdown")) == (1, "0:15")
    page.keyboard.press("j")
    page.keyboard.press("ArrowLeft")  # at the first cue, back stays there
    assert cue_index(page) == 0
    assert page.locator("[data-role=back]").is_disabled()
    # Tab reaches the buttons and the switches in order; Space on a button presses it once.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.role") == "start"
    page.keyboard.press("Space")
    assert text(page, "start") == "Pause"
    page.keyboard.press("Tab")  # Back is disabled at the first cue, so Tab passes it
    assert page.evaluate("document.activeElement.dataset.role") == "skip"
    page.keyboard.press("Enter")
    assert cue_index(page) == 1
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.role") == "sound"
    page.keyboard.press("Space")
    assert page.is_checked("[data-role=sound]")
    assert watch.quiet, (watch.dialogs, watch.console, watch.errors, watch.requests)


FAKE_MEDIA = """
window.__calls = [];
Object.defineProperty(window, "speechSynthesis", {configurable: true, value: {
  speak: function (utterance) { window.__calls.push("speak " + utterance.text); },
  cancel: function () {}
}});
window.SpeechSynthesisUtterance = function (text) { this.text = text; };
window.AudioContext = function () {
  window.__calls.push("audio");
  this.currentTime = 0;
  this.destination = {};
  this.createOscillator = function () {
    return {frequency: {value: 0}, connect: function () {}, stop: function () {},
            start: function () { window.__calls.push("beep"); }};
  };
  this.createGain = function () { return {gain: {value: 0}, connect: function () {}}; };
};
"""


def test_sound_and_spoken_prompts_stay_off_until_turned_on(
    browser: Browser, tmp_path: Path
) -> None:
    routine = article_routine("left")
    cues = session_timeline(routine)
    path = tmp_path / "handout.html"
    path.write_text(handout_html(routine), encoding="utf-8")
    page = browser.new_page()
    page.add_init_script(FAKE_MEDIA)
    page.clock.install(time=0)
    page.goto(path.as_uri())

    assert not page.is_checked("[data-role=sound]")
    assert not page.is_checked("[data-role=speech]")
    page.click("[data-role=start]")
    page.clock.run_for(30_000)
    assert page.evaluate("window.__calls") == []

    page.check("[data-role=speech]")
    page.check("[data-role=sound]")
    page.click("[data-role=skip]")
    calls: list[Any] = page.evaluate("window.__calls")
    assert calls == ["audio", "beep", f"speak {cues[cue_index(page)].prompt}"]


def test_axe_core_finds_no_violation(browser: Browser, tmp_path: Path) -> None:
    if AXE is None and not IN_CI:
        pytest.skip("SOLPT_REHAB_AXE_JS names no axe.min.js (.ci/run fetches axe-core)")
    assert AXE is not None, "CI must set SOLPT_REHAB_AXE_JS"
    found = {}
    for name, routine in [("article", article_routine("left")), ("hostile", hostile_routine())]:
        # axe-core is injected as a script of its own, which the page's policy would refuse.
        page, _ = open_page(browser, tmp_path, routine, bypass_csp=True)
        page.add_script_tag(path=AXE)
        for started in (False, True):
            if started:
                page.click("[data-role=start]")
                page.clock.run_for(11_000)
            results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
            found[name, started] = [
                (violation["id"], violation["impact"]) for violation in results["violations"]
            ]
        page.context.close()

    assert found == {
        ("article", False): [],
        ("article", True): [],
        ("hostile", False): [],
        ("hostile", True): [],
    }


@pytest.mark.parametrize("bypass_csp", [False, True], ids=["with-policy", "escaping-alone"])
def test_hostile_content_shows_as_text_and_runs_nothing(
    browser: Browser, tmp_path: Path, bypass_csp: bool
) -> None:
    # Without the page's policy too: the escaping alone keeps every probe from running.
    routine = hostile_routine()
    page, watch = open_page(browser, tmp_path, routine, bypass_csp=bypass_csp)

    assert page.title() == routine.name
    assert page.locator("h1").inner_text() == routine.name
    exercise = routine.items[0].exercise
    steps = page.locator("article").first.locator("ol > li").all_text_contents()
    assert steps == [step.text for step in exercise.steps]
    assert (
        page.evaluate(
            "[...document.querySelectorAll('*')].flatMap(e => [...e.attributes].map(a => a.name))"
            ".filter(n => n.startsWith('on'))"
        )
        == []
    )
    assert page.locator("iframe, img, object, embed").count() == 0
    assert page.locator("a").evaluate_all("links => links.map(a => a.href)") == [
        "https://example.org/a?b=1&c=%3C2%3E"
    ]
    # Every element that holds a stranger's text isolates its direction.
    assert set(page.locator(".u").evaluate_all(
        "nodes => nodes.map(n => getComputedStyle(n).unicodeBidi)"
    )) == {"isolate"}  # fmt: skip
    # Play the whole session: every prompt holds the hostile name, set as text.
    seen = play_every_cue(page, routine)
    assert [row[2] for row in seen] == [cue.prompt for cue in session_timeline(routine)]
    page.mouse.move(10, 10)
    page.hover("h1")
    assert watch.dialogs == []
    assert watch.errors == []
    assert watch.console == []
    assert watch.requests == []


@pytest.mark.skipif(
    shutil.which("pdftotext") is None and not IN_CI,
    reason="pdftotext (poppler-utils) is not installed",
)
@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_it_prints_the_handout_alone_within_the_page_on_a4_and_letter(
    browser: Browser, tmp_path: Path, paper: str
) -> None:
    routine = article_routine("left")
    page, _ = open_page(browser, tmp_path, routine)
    # The printable width of the paper at the page's margins (12 mm each side) in CSS pixels.
    width_mm = {"A4": 210, "Letter": 215.9}[paper] - 24
    page.set_viewport_size({"width": int(width_mm / 25.4 * 96), "height": 1000})
    page.emulate_media(media="print")

    assert not page.locator("#guided").is_visible()
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    pdf = tmp_path / f"handout-{paper}.pdf"
    pdf.write_bytes(page.pdf(format=paper, print_background=True))
    pdftotext = shutil.which("pdftotext")
    assert pdftotext is not None, "CI must install poppler-utils"
    printed = subprocess.run(  # noqa: S603 - poppler on our own file
        [pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    words = " ".join(printed.split())
    assert "Guided session" not in words
    assert "Start" not in words
    for sentence in (
        "Lower back and hip pain, left side",
        "How often: 1 session a day, 7 days a week.",
        "Hold 15 seconds. Do it 3 times. Left side only.",
        "Hold 20 seconds. Do it 3 times. Both sides together.",
        "Do it 8 times in all (4 on each side).",
        "Rest a few seconds between repetitions.",
        "Session log",
        "Notes, pain 0\u201310",
    ):
        assert sentence in words, sentence
    # Three pages of handout, and the log on a page of its own (pdftotext ends each with \f).
    assert printed.count("\f") == 4
    assert printed.split("\f")[3].lstrip().startswith("Session log")


def test_the_docs_screenshots_script_writes_both_pictures(tmp_path: Path) -> None:
    # In a process of its own: Playwright's sync API does not nest inside the browser fixture's.
    result = subprocess.run(  # noqa: S603 - our own script, with our own interpreter
        [sys.executable, str(ROOT / "docs" / "screenshots.py"), str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env={**os.environ, "SOLPT_REHAB_CHROMIUM": CHROMIUM},
    )

    assert (result.returncode, result.stderr) == (0, "")
    assert (
        result.stdout
        == f"wrote {tmp_path / 'handout.png'}\nwrote {tmp_path / 'guided-session.png'}\n"
    )
    assert [path.name for path in sorted(tmp_path.iterdir())] == [
        "guided-session.png",
        "handout.png",
    ]
    for path in tmp_path.iterdir():
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
