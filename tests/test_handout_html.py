"""The HTML handout as text: escaping, the embedded cues, no network, the W3C Nu checker.

The page in a browser (the guided session, axe-core, printing, hostile content not running) is
tested in ``tests/test_handout_browser.py``.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from hypothesis import given
from hypothesis import strategies as st

from handout_hostile import PROBES, hostile_routine
from routine_strategies import pacings
from solpt_rehab import Pacing, Routine, RoutineBuilder, session_timeline
from solpt_rehab._cli import article_routine, main
from solpt_rehab.handout import _html, handout_content, handout_html
from solpt_rehab.handout._html import script_json
from solpt_rehab.strategies import routines

VNU_JAR = os.environ.get("SOLPT_REHAB_VNU_JAR")
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
#: The elements without an end tag that the handout writes.
VOID = frozenset({"meta", "br", "input"})


class _Page(HTMLParser):
    """Every start tag with its attributes, the text of each element, and the scripts' texts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: dict[str, list[str]] = {}
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.styles: list[str] = []
        self._open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self._open.append(tag)
        if tag == "script":
            self.scripts.append((dict(attrs), ""))

    def handle_endtag(self, tag: str) -> None:
        if tag in self._open:
            while self._open.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if not self._open:
            return
        tag = self._open[-1]
        self.text.setdefault(tag, []).append(data)
        if tag == "script":
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)
        elif tag == "style":
            self.styles.append(data)


#: Every element the template writes (``br`` only in the log of a programme with a start day).
TEMPLATE_TAGS = frozenset({"br",
    "html", "head", "meta", "title", "style", "body", "header", "h1", "ul", "li", "span", "p",
    "main", "section", "h2", "progress", "div", "button", "label", "input", "kbd", "svg", "desc",
    "line", "text", "rect", "article", "h3", "h4", "ol", "a", "table", "caption", "thead", "tr",
    "th", "tbody", "td", "footer", "script", "defs", "pattern",
})  # fmt: skip


def parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    return parser


def session_data(page: str) -> dict[str, Any]:
    [(attrs, text)] = [
        script for script in parse(page).scripts if script[0].get("type") == "application/json"
    ]
    assert attrs == {"type": "application/json", "id": "session-data"}
    data: dict[str, Any] = json.loads(text)
    return data


def test_the_guided_session_plays_exactly_the_cues_the_routine_command_gives(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["routine", "--painful-side", "left", "--format", "json"]) == 0
    cli = json.loads(capsys.readouterr().out)

    data = session_data(handout_html(article_routine("left")))

    assert data["timeline"] == cli["timeline"]
    assert len(data["timeline"]) == 28
    assert data["exercises"] == [
        {"number": 1, "name": "Figure-4 stretch", "first_cue": 0, "sets": 1, "repetitions": 3},
        {"number": 2, "name": "Knees-to-chest stretch", "first_cue": 6, "sets": 1,
         "repetitions": 3},
        {"number": 3, "name": "Lying march", "first_cue": 12, "sets": 1, "repetitions": 8},
    ]  # fmt: skip


def test_an_exercise_that_comes_back_is_told_apart_by_its_item() -> None:
    routine = (
        RoutineBuilder("Both sides")
        .add("figure-4-stretch", side="left", reps=3)
        .add("figure-4-stretch", side="right", reps=4)
        .build()
    )

    data = session_data(handout_html(routine))

    assert data["exercises"] == [
        {"number": 1, "name": "Figure-4 stretch", "first_cue": 0, "sets": 1, "repetitions": 3},
        {"number": 2, "name": "Figure-4 stretch", "first_cue": 6, "sets": 1, "repetitions": 4},
    ]


@given(routine=routines(max_items=4), pacing=st.none() | pacings)
def test_any_routine_makes_a_page_of_the_templates_markup_playing_its_timeline(
    routine: Routine, pacing: Pacing | None
) -> None:
    page = handout_html(routine, pacing=pacing)
    parsed = parse(page)

    assert session_data(page)["timeline"] == [
        cue.to_json() for cue in session_timeline(routine, pacing)
    ]
    assert {tag for tag, _ in parsed.tags} <= TEMPLATE_TAGS
    assert [name for _, attrs in parsed.tags for name in attrs if name.startswith("on")] == []
    assert parsed.text["title"][0] == routine.name
    assert [tag for tag, _ in parsed.tags].count("article") == len(routine.items)
    assert len(parsed.scripts) == 2
    # A hatched overlay on each bar the library timed, and on the legend's key.
    overlays = [attrs for tag, attrs in parsed.tags if tag == "rect" and attrs["class"] == "own"]
    own = sum(cue.interpreted for cue in session_timeline(routine, pacing))
    assert len(overlays) == own + 1


@given(st.text())
def test_script_json_of_any_text_reads_back_unchanged(text: str) -> None:
    written = script_json({"text": text})
    assert not set(written) & set("<>&\u2028\u2029")
    assert json.loads(written) == {"text": text}


def test_script_json_cannot_close_its_element_and_reads_back_unchanged() -> None:
    value = {"probes": list(PROBES), "separators": "\u2028\u2029", "<": ">&"}

    text = script_json(value)

    assert not set(text) & set("<>&\u2028\u2029")
    assert json.loads(text) == value
    assert script_json("</script>") == '"\\u003c/script\\u003e"'


def test_hostile_text_stays_text_everywhere_in_the_page() -> None:
    routine = hostile_routine()
    page = handout_html(routine)
    parsed = parse(page)

    # No probe survives as markup: the only tags are the template's own.
    assert {tag for tag, _ in parsed.tags} == TEMPLATE_TAGS - {"br"}  # it has no start day
    assert [name for _, attrs in parsed.tags for name in attrs if name.startswith("on")] == []
    assert [attrs["href"] for tag, attrs in parsed.tags if tag == "a"] == [
        "https://example.org/a?b=1&c=%3C2%3E"
    ]
    assert len(parsed.scripts) == 2
    # The texts read back exactly as written.
    assert parsed.text["title"][0] == routine.name  # the page's; then the strip's
    assert "".join(parsed.text["h1"]) == routine.name
    steps = [step.text for step in routine.items[0].exercise.steps]
    items = parsed.text["li"]
    first = items.index(steps[0])
    assert items[first : first + len(steps)] == steps
    assert "{{ 7 * 7 }} {% raw %} ${alert(9)}" in parsed.text["span"]
    assert (
        parsed.text["span"].count(
            "&lt;b&gt;escaped already&lt;/b&gt; &amp; (or \u200fright-to-left mark\u061c, arabic "
            "letter mark \u2028 line separator)"
        )
        == 1
    )
    # The cues, with the hostile name in their prompts, read back from the JSON unchanged.
    assert session_data(page)["timeline"] == [cue.to_json() for cue in session_timeline(routine)]
    assert "<script>alert" not in page.replace(
        "<script>", ""
    )  # the page's own two script tags carry no probe


def test_references_that_are_not_web_addresses_are_shown_not_linked() -> None:
    page = handout_html(hostile_routine())

    assert "javascript:alert(12)</span>)" in page
    assert 'href="javascript' not in page.lower()
    assert (
        '<a class="u" href="https://example.org/a?b=1&amp;c=%3C2%3E" rel="noopener noreferrer">'
        "&lt;a href=javascript:alert(11)&gt;click&lt;/a&gt;</a>" in page
    )


def _digest(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


def test_only_the_pages_own_style_and_script_may_run_and_nothing_is_fetched() -> None:
    page = handout_html(article_routine("left"))
    parsed = parse(page)

    [(_, script)] = [script for script in parsed.scripts if not script[0]]
    [style] = parsed.styles
    [policy] = [
        attrs["content"]
        for tag, attrs in parsed.tags
        if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy"
    ]
    assert policy == (
        f"default-src 'none'; style-src 'sha256-{_digest(style)}'; "
        f"script-src 'sha256-{_digest(script)}'; img-src 'none'; base-uri 'none'; "
        "form-action 'none'"
    )
    # Nothing in the page names another resource to load.
    assert [attrs for _, attrs in parsed.tags if "src" in attrs or "srcset" in attrs] == []
    assert not re.search(r"url\(|@import|https?://", style + script)
    assert "fetch(" not in script
    assert "XMLHttpRequest" not in script
    assert "innerHTML" not in script


def test_the_session_strip_draws_every_cue_on_the_time_axis() -> None:
    routine = article_routine("left")
    page = handout_html(routine)
    rects = [attrs for tag, attrs in parse(page).tags if tag == "rect"]

    cues = session_timeline(routine)
    bars = [attrs for attrs in rects if (attrs["class"] or "").startswith("seg ")]
    assert [bar["class"] for bar in bars] == [f"seg k-{cue.kind.value}" for cue in cues]
    # 194 s over 984 units of width, from x = 8.
    assert [(bar["x"], bar["width"]) for bar in bars[:3]] == [
        ("8", "50.72"),
        ("58.72", "76.08"),
        ("134.8", "15.22"),
    ]
    assert [bar["height"] for bar in bars[:3]] == ["20", "44", "20"]
    ticks = [
        text
        for text in parse(page).text["text"]
        if ":" in text  # the axis' labels; the exercises' marks are their numbers
    ]
    assert ticks == ["0:00", "0:30", "1:00", "1:30", "2:00", "2:30", "3:00"]
    assert [text for text in parse(page).text["text"] if ":" not in text] == ["1", "2", "3"]


def _strip_svg(page: str) -> ElementTree.Element:
    """The session strip's ``<svg>``, parsed as XML (the template writes it well-formed)."""
    start = page.index('<svg class="strip"')
    end = page.index("</svg>", start) + len("</svg>")
    return ElementTree.fromstring(page[start:end])  # noqa: S314 - our own output


def test_the_strip_hatches_exactly_the_bars_whose_length_the_library_chose() -> None:
    routine = article_routine("left")
    cues = session_timeline(routine)
    page = handout_html(routine)
    svg = _strip_svg(page)

    rects = list(svg.iter("rect"))
    bars = [rect.attrib for rect in rects if rect.get("class", "").startswith("seg ")]
    overlays = [rect.attrib for rect in rects if rect.get("class") == "own"]
    # Every cue the library timed, and only those, has a hatched overlay on its own bar.
    own = [index for index, cue in enumerate(cues) if cue.interpreted]
    assert own == [0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26]
    place = ("x", "y", "width", "height")
    assert [tuple(overlay[key] for key in place) for overlay in overlays] == [
        tuple(bars[index][key] for key in place) for index in own
    ]
    assert {overlay["fill"] for overlay in overlays} == {"url(#own-hatch)"}
    [pattern] = svg.iter("pattern")
    assert pattern.get("id") == "own-hatch"
    # Each overlay comes right after its bar, so it is drawn over it.
    classes = [rect.get("class") for rect in rects]
    assert [classes[index - 1] for index, name in enumerate(classes) if name == "own"] == [
        f"seg k-{cues[index].kind.value}" for index in own
    ]
    # The text alternative and the words under the strip say which bars are the library's own.
    own_text = (
        "14 of the 28 bars, hatched and outlined with dashes, are the library's own timing, "
        "lengths that no source states as a number: getting ready, coming back between "
        "repetitions, getting into position and rest between repetitions."
    )
    assert svg.findtext("desc") == (
        f"28 steps over 3:14 (minutes and seconds), 3 exercises. {own_text}"
    )
    assert svg.findtext("title") == "The session on a time line"
    [note] = [text for text in parse(page).text["p"] if text.startswith("Numbers above")]
    assert note.endswith(f"The time axis is in minutes and seconds. {own_text}")


def test_the_strips_legend_keys_the_librarys_own_timing_last() -> None:
    page = handout_html(article_routine("left"))
    start = page.index('<ul class="legend">')
    legend = page[start : page.index("</ul>", start)]

    keys = re.findall(r'<rect class="([^"]+)"[^>]*/></svg>([^<]+)</li>', legend)
    assert keys == [
        ("k-get-ready", "Get ready"),
        ("k-hold", "Hold"),
        ("k-release", "Release"),
        ("k-rest", "Rest"),
        ("k-next-exercise", "Next exercise"),
        ("own", "The library&#39;s own timing"),
    ]


def test_the_log_has_a_box_per_session_and_a_row_per_week() -> None:
    routine = RoutineBuilder("R", sessions_per_day=2, days_per_week=2, weeks=3, start="2026-12-07")
    page = handout_html(routine.add("knees-to-chest").build())
    parsed = parse(page)

    headings = [text for text in parsed.text["th"] if text.startswith(("Week", "Day", "Notes"))]
    assert headings == [
        "Week",
        "Day 1 (1)",
        "Day 1 (2)",
        "Day 2 (1)",
        "Day 2 (2)",
        "Notes, pain 0\u201310",
    ]
    assert "from 2026-12-21" in parsed.text["th"]
    assert page.count("<td></td>") == 3 * (4 + 1)
    assert "One row for each week of the programme." in "".join(parsed.text["caption"])


def test_without_jinja2_the_error_names_the_render_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "jinja2", None)
    _html._environment.cache_clear()
    try:
        with pytest.raises(ModuleNotFoundError) as raised:
            handout_html(article_routine("left"))
    finally:
        _html._environment.cache_clear()
    assert str(raised.value) == (
        "handout_html needs Jinja2, which the 'render' extra installs: "
        "pip install 'solpt_rehab[render]'"
    )


def test_the_content_a_page_shows_is_the_content_model() -> None:
    routine = article_routine("right")
    content = handout_content(routine)
    parsed = parse(handout_html(routine))

    for exercise in content.exercises:
        for sentence in exercise.dose:
            assert sentence in parsed.text["p"]
        for figure in exercise.working_figures:
            assert figure.text in parsed.text["li"]
    assert content.how_often.text in parsed.text["span"]


# -- the W3C Nu HTML checker ----------------------------------------------------------------------

#: What the checker says of the Content-Security-Policy: it does not compute the hashes of inline
#: style and script, so it notes (type "info") that they would be blocked. The browser tests show
#: that they run: the hashes match.


def _blocked(what: str, directive: str) -> tuple[str, str, str]:
    return (
        "info",
        "warning",
        (
            f"Inline {what} violates Content Security Policy (meta tag): blocked by "
            f"\u201c{directive}\u201d directive (missing \u201c\u2018unsafe-inline\u2019\u201d or "
            "nonce/hash)."
        ),
    )


CSP_NOTES = [_blocked("style", "style-src"), *[_blocked("script", "script-src")] * 2]


@pytest.mark.skipif(
    (VNU_JAR is None or shutil.which("java") is None) and not IN_CI,
    reason="SOLPT_REHAB_VNU_JAR names no vnu.jar, or java is missing (.ci/run fetches vnu-jar)",
)
def test_the_pages_pass_the_w3c_nu_html_checker(tmp_path: Path) -> None:
    assert VNU_JAR is not None, "CI must set SOLPT_REHAB_VNU_JAR"
    java = shutil.which("java")
    assert java is not None, "CI must install java"
    walk = RoutineBuilder("Walks", sessions_per_day=2, days_per_week=3, weeks=2, start="2026-12-07")
    pages = {
        "article.html": handout_html(article_routine("left")),
        "hostile.html": handout_html(hostile_routine()),
        "schedule.html": handout_html(walk.add("lying-march", reps=10, side="left").build()),
    }
    for name, page in pages.items():
        (tmp_path / name).write_text(page, encoding="utf-8")

    result = subprocess.run(  # noqa: S603 - java with the checker's jar and our files
        [java, "-jar", VNU_JAR, "--format", "json", "--also-check-svg", "--exit-zero-always",
         *(str(tmp_path / name) for name in pages)],
        capture_output=True, text=True, check=True, timeout=300,
    )  # fmt: skip

    messages = json.loads(result.stderr)["messages"]
    found: dict[str, list[tuple[str, str | None, str]]] = {name: [] for name in pages}
    for message in messages:
        found[Path(message["url"]).name].append(
            (message["type"], message.get("subType"), message["message"])
        )
    assert found == dict.fromkeys(pages, CSP_NOTES)
