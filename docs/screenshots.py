"""Make the pictures of docs/handout.md from the code they show: run it after changing the page.

    python docs/screenshots.py            # writes docs/_static/handout.png, guided-session.png

It renders the article's routine for a painful left side with
:func:`solpt_rehab.handout.handout_html`, opens it in the system's Chromium through Playwright
(``SOLPT_REHAB_CHROMIUM``, default ``/usr/bin/chromium``; Playwright never downloads a browser
here), and takes two screenshots: the handout as it prints, and the guided session twelve
seconds in, during the first hold. ``tests/test_handout_browser.py`` runs it into a temporary
folder, so the script keeps working.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from solpt_rehab import RoutineBuilder
from solpt_rehab.handout import handout_html

HERE = Path(__file__).resolve().parent
CHROMIUM = os.environ.get("SOLPT_REHAB_CHROMIUM", "/usr/bin/chromium")


def article_routine() -> RoutineBuilder:
    """The routine ``solpt-rehab handout --painful-side left`` writes, built as the docs show."""
    return (
        RoutineBuilder("Lower back and hip pain, left side")
        .add("figure-4-stretch", side="left")
        .add("knees-to-chest")
        .add("lying-march")
    )


def write_screenshots(out: Path, chromium: str = CHROMIUM) -> tuple[Path, Path]:
    """Write ``handout.png`` and ``guided-session.png`` into ``out``; return their paths."""
    out.mkdir(parents=True, exist_ok=True)
    page_file = out / "handout.html"
    page_file.write_text(handout_html(article_routine().build()), encoding="utf-8")
    handout, guided = out / "handout.png", out / "guided-session.png"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium)
            page = browser.new_page(viewport={"width": 820, "height": 900})
            page.clock.install(time=0)
            page.goto(page_file.as_uri())
            page.emulate_media(media="print")
            page.screenshot(path=str(handout), full_page=True)
            page.emulate_media(media="screen")
            page.click("[data-role=start]")
            page.clock.run_for(12_000)
            page.locator("#guided").screenshot(path=str(guided))
            browser.close()
    finally:
        page_file.unlink()
    return handout, guided


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "_static"
    for path in write_screenshots(target):
        print(f"wrote {path}")  # noqa: T201 - a script tells what it wrote
