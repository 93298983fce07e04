"""examples/handout_pdf.py writes the PDF handout and the picture of its first page in the docs."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PICTURE = "handout-pdf-page-1.png"


def _size(png: Path) -> tuple[int, int]:
    header = png.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", header[16:24])
    return width, height


def test_the_example_writes_the_pdf_and_the_picture_the_docs_show(tmp_path: Path) -> None:
    if shutil.which("pdftoppm") is None:
        message = "pdftoppm is not installed (Debian's poppler-utils; .ci/run installs it)"
        if os.environ.get("CI"):
            pytest.fail(f"CI must have pdftoppm: {message}")
        pytest.skip(message)

    result = subprocess.run(  # noqa: S603 - our own script, with our own interpreter
        [sys.executable, str(ROOT / "examples" / "handout_pdf.py"), str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )

    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        f"wrote {tmp_path / 'handout.pdf'}",
        f"wrote {tmp_path / 'handout-pdf-page-1'}.png",
    ]
    assert (tmp_path / "handout.pdf").read_bytes()[:5] == b"%PDF-"
    # The docs' picture is this script's output: an A4 page at 60 pixels an inch.
    assert _size(tmp_path / PICTURE) == _size(ROOT / "docs" / "images" / PICTURE) == (497, 702)
