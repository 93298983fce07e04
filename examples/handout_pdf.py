"""Write the article's routine as a PDF handout, and its first page as a PNG picture.

Usage: python examples/handout_pdf.py [FOLDER]

Writes FOLDER/handout.pdf (a new temporary folder when none is given) and, where poppler's
pdftoppm is installed, FOLDER/handout-pdf-page-1.png at 60 pixels an inch: the picture on the docs
page "The PDF handout" is made by ``python examples/handout_pdf.py docs/images``. Needs the
``pdf`` extra (``pip install 'solpt_rehab[pdf]'``).
"""

from __future__ import annotations

import datetime
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from solpt_rehab import RoutineBuilder
from solpt_rehab.handout import handout_pdf

#: A fixed creation date, so that the same library writes the same file.
WHEN = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.timezone.utc)


def main(folder: Path) -> None:
    routine = (
        RoutineBuilder(
            "Lower back and hip pain, left side",
            weeks=4,
            start="2026-03-02",
            notes="Move slowly and stop any exercise that makes the pain spread down your leg.",
        )
        .add("figure-4-stretch", side="left")
        .add("knees-to-chest")
        .add("lying-march")
        .build()
    )
    folder.mkdir(parents=True, exist_ok=True)
    pdf = folder / "handout.pdf"
    pdf.write_bytes(handout_pdf(routine, timestamp=WHEN))
    print(f"wrote {pdf}")
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        print("pdftoppm (poppler-utils) is not installed: no picture of the first page")
        return
    picture = folder / "handout-pdf-page-1"
    subprocess.run(  # noqa: S603 - poppler's tool on our own file
        [pdftoppm, "-r", "60", "-png", "-singlefile", "-f", "1", "-l", "1", str(pdf), str(picture)],
        check=True,
    )
    print(f"wrote {picture}.png")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp()))
