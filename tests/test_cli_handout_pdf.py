"""``solpt-rehab handout -o OUT.pdf``: the PDF side of the handout command."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from solpt_rehab import RoutineBuilder, to_document
from solpt_rehab._cli import main
from solpt_rehab._cli_handout import PAPER
from solpt_rehab.handout import PAPER_SIZES


def _poppler(name: str, *arguments: str) -> str:
    """What poppler's tool ``name`` prints for ``arguments``; skips (fails in CI) without it."""
    tool = shutil.which(name)
    if tool is None:
        message = f"{name} is not installed (Debian's poppler-utils; .ci/run installs it)"
        if os.environ.get("CI"):
            pytest.fail(f"CI must have {name}: {message}")
        pytest.skip(message)
    return subprocess.run(  # noqa: S603 - poppler's tool on our own file
        [tool, *arguments], check=True, capture_output=True, text=True
    ).stdout


def _pdftotext(path: Path) -> str:
    return _poppler("pdftotext", "-enc", "UTF-8", str(path), "-")


def test_a_pdf_suffix_writes_the_articles_handout_as_pdf(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "handout.PDF"

    status = main(["handout", "--painful-side", "right", "-o", str(out)])

    assert (status, capsys.readouterr()) == (
        0,
        (f"wrote {out}: 'Lower back and hip pain, right side', 3 exercises\n", ""),
    )
    assert out.read_bytes()[:5] == b"%PDF-"
    lines = _pdftotext(out).splitlines()
    assert lines[0] == "Lower back and hip pain, right side"
    assert "\u2022 Right side only." in lines


def test_a_routine_document_and_log_weeks_reach_the_pdf(tmp_path: Path) -> None:
    document = tmp_path / "hips.json"
    routine = RoutineBuilder("Hips", days_per_week=2).add("lying-march").build()
    document.write_text(json.dumps(to_document(routine)), encoding="utf-8")
    out = tmp_path / "hips.pdf"

    assert main(["handout", str(document), "--log-weeks", "3", "-o", str(out)]) == 0

    lines = _pdftotext(out).splitlines()
    assert lines[0] == "Hips"
    assert "Tick a box after each session: 2 a week. This log covers 3 weeks." in lines


def test_without_typst_the_pdf_is_a_clean_error_naming_the_extra(tmp_path: Path) -> None:
    # A fresh interpreter in which typst cannot be imported: the command says what to install.
    code = (
        "import sys; sys.modules['typst'] = None\n"
        "from solpt_rehab._cli import main\n"
        f"sys.exit(main(['handout', '-o', {str(tmp_path / 'h.pdf')!r}]))\n"
    )
    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )

    assert (result.returncode, result.stdout, result.stderr) == (
        2,
        "",
        (
            "solpt-rehab handout: a PDF handout needs the 'pdf' extra: "
            "pip install 'solpt_rehab[pdf]'\n"
        ),
    )
    assert not (tmp_path / "h.pdf").exists()


def test_text_the_fonts_cannot_show_is_a_clean_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = tmp_path / "smile.json"
    routine = RoutineBuilder("Hips \U0001f600").add("lying-march").build()
    document.write_text(json.dumps(to_document(routine)), encoding="utf-8")
    out = tmp_path / "smile.pdf"

    assert main(["handout", str(document), "-o", str(out)]) == 2

    assert capsys.readouterr() == (
        "",
        (
            "solpt-rehab handout: the PDF handout's fonts cannot show some of the routine's text "
            "(PDF/UA-1 forbids text that no font shows): '\U0001f600'; give font_paths a font "
            "that has them\n"
        ),
    )
    assert not out.exists()


def test_paper_chooses_the_pdfs_size_and_is_a_usage_error_for_html(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "letter.pdf"
    assert main(["handout", "--paper", "us-letter", "-o", str(out)]) == 0
    info = _poppler("pdfinfo", str(out))
    assert "Page size:       612 x 792 pts (letter)" in info.splitlines()
    capsys.readouterr()

    assert main(["handout", "--paper", "a4", "-o", str(tmp_path / "h.html")]) == 2
    assert capsys.readouterr().err == (
        "solpt-rehab handout: --paper applies to a PDF (-o NAME.pdf); the HTML page prints on A4 "
        "and Letter\n"
    )
    # The command names the sizes without loading the handout; they are the library's.
    assert PAPER == PAPER_SIZES
