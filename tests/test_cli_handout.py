"""``solpt-rehab handout``: the article's routine or a routine document, as a handout file."""

from __future__ import annotations

import datetime
import io
import json
import sys
from pathlib import Path

import pytest

from handout_hostile import hostile_routine
from solpt_rehab import Progression, Routine, RoutineBuilder, dumps, handout
from solpt_rehab._cli import article_routine, main
from solpt_rehab.handout import _html, handout_html


def run(
    capsys: pytest.CaptureFixture[str], *arguments: str
) -> tuple[int, str, str]:  # fmt: skip
    status = main(list(arguments))
    out, err = capsys.readouterr()
    return status, out, err


def test_the_articles_routine_works_out_of_the_box(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "handout.html"

    status, out, err = run(capsys, "handout", "--painful-side", "left", "-o", str(target))

    assert (status, err) == (0, "")
    assert out == f"wrote {target}: 'Lower back and hip pain, left side', 3 exercises\n"
    assert target.read_text(encoding="utf-8") == handout_html(article_routine("left"))


def test_the_default_painful_side_is_left_and_htm_is_html_too(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "Handout.HTM"
    assert run(capsys, "handout", "-o", str(target))[0] == 0
    assert target.read_text(encoding="utf-8") == handout_html(article_routine("left"))


def test_a_routine_document_becomes_its_handout_with_the_weeks_asked_for(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    routine = hostile_routine()
    source = tmp_path / "routine.json"
    source.write_text(dumps(routine), encoding="utf-8")
    target = tmp_path / "out.html"

    status, out, err = run(capsys, "handout", str(source), "--log-weeks", "2", "-o", str(target))

    assert (status, err) == (0, "")
    # The routine's name is a stranger's: shown escaped, as repr shows it.
    assert out == f"wrote {target}: {routine.name!r}, 2 exercises\n"
    assert target.read_text(encoding="utf-8") == handout_html(routine, log_weeks=2)


def test_dash_writes_the_page_to_standard_output(
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    assert main(["handout", "--painful-side", "right", "-o", "-"]) == 0
    out, err = capsysbinary.readouterr()
    assert (out.decode("utf-8"), err) == (handout_html(article_routine("right")), b"")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            ["-o", "handout.txt"],
            "cannot tell the format of 'handout.txt' from its suffix: name it .html or .pdf",
        ),
        (["-o", "handout"], ("cannot tell the format of 'handout' from its suffix: name it "
         ".html or .pdf")),
        (["--log-weeks", "0", "-o", "h.html"], "--log-weeks must be from 1 to 52: 0"),
        (["--log-weeks", "53", "-o", "h.html"], "--log-weeks must be from 1 to 52: 53"),
        (
            ["routine.json", "--painful-side", "left", "-o", "h.html"],
            ("--painful-side applies only to the article's routine (no PATH); a routine "
            "document states each item's side"),
        ),
        (["missing.json", "-o", "h.html"], "cannot read 'missing.json': no such file or directory"),
        (["-o", "h\x1b[31m.txt"], ("cannot tell the format of 'h\\x1b[31m.txt' from its suffix: "
         "name it .html or .pdf")),
    ],
)  # fmt: skip
def test_usage_errors_exit_2_with_one_clear_line(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    arguments: list[str],
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "routine.json").write_text(dumps(article_routine("left")), encoding="utf-8")

    assert run(capsys, "handout", *arguments) == (2, "", f"solpt-rehab handout: {message}\n")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["routine.json"]


def test_without_an_output_argparse_says_it_is_required(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = run(capsys, "handout")
    assert (status, out) == (2, "")
    assert err.splitlines()[-1] == (
        "solpt-rehab handout: error: the following arguments are required: -o/--output"
    )


def test_an_invalid_routine_document_prints_every_problem_and_exits_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "bad.json"
    source.write_text(
        json.dumps(
            {
                "kind": "routine",
                "format_version": 2,
                "name": "",
                "items": [{"exercise": "lying-march", "reps": 0}],
            }
        ),
        encoding="utf-8",
    )
    target = tmp_path / "out.html"

    status, out, err = run(capsys, "handout", str(source), "-o", str(target))

    assert (status, out) == (1, "")
    assert err.splitlines() == [
        f"{source}:1:50: error empty-text: 'name' must not be empty: '' (at /name)",
        f"{source}:1:100: error not-positive: 'reps' must be > 0: 0 (at /items/0/reps)",
    ]
    assert not target.exists()


def test_an_unwritable_output_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "h.html"
    assert run(capsys, "handout", "-o", str(target)) == (
        2,
        "",
        f"solpt-rehab handout: cannot write {str(target)!r}: no such file or directory\n",
    )


def test_a_pdf_is_written_by_handout_pdf_when_there_is_one(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    given = []

    def fake_pdf(
        routine: object, *, log_weeks: int | None, on: object, logs: object, paper: str
    ) -> bytes:
        given.append((routine, log_weeks, on, logs, paper))
        return b"%PDF-1.7 made for the test"

    monkeypatch.setattr(handout, "handout_pdf", fake_pdf, raising=False)
    target = tmp_path / "h.pdf"

    status, _, err = run(capsys, "handout", "--log-weeks", "3", "-o", str(target))

    assert (status, err) == (0, "")
    assert given == [(article_routine("left"), 3, None, [], "a4")]
    assert target.read_bytes() == b"%PDF-1.7 made for the test"


def test_a_pdf_renderer_missing_its_library_names_the_extra(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def needs_typst(routine: object, **given: object) -> bytes:  # noqa: ARG001
        raise ModuleNotFoundError("No module named 'typst'", name="typst")

    monkeypatch.setattr(handout, "handout_pdf", needs_typst, raising=False)
    status, _, err = run(capsys, "handout", "-o", str(tmp_path / "h.pdf"))
    assert (status, err) == (
        2,
        (
            "solpt-rehab handout: a PDF handout needs the 'pdf' extra: "
            "pip install 'solpt_rehab[pdf]'\n"
        ),
    )


def test_html_without_jinja2_names_the_render_extra(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "jinja2", None)
    _html._environment.cache_clear()
    try:
        result = run(capsys, "handout", "-o", str(tmp_path / "h.html"))
    finally:
        _html._environment.cache_clear()
    assert result == (
        2,
        "",
        (
            "solpt-rehab handout: an HTML handout needs the 'render' extra: "
            "pip install 'solpt_rehab[render]'\n"
        ),
    )


def test_the_top_level_help_shows_the_handout_example(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--help"]) == 0
    assert "  solpt-rehab handout --painful-side left -o handout.html\n" in capsys.readouterr().out


def test_a_routine_document_is_read_from_standard_input(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    routine = article_routine("right")
    source = tmp_path / "routine.json"
    source.write_text(dumps(routine), encoding="utf-8")
    target = tmp_path / "h.html"
    with source.open("rb") as stream:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(stream))
        status, _, err = run(capsys, "handout", "-", "-o", str(target))
    assert (status, err) == (0, "")
    assert target.read_text(encoding="utf-8") == handout_html(routine)


def test_a_folder_as_the_output_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "folder.html"
    target.mkdir()
    assert run(capsys, "handout", "-o", str(target)) == (
        2,
        "",
        f"solpt-rehab handout: cannot write {str(target)!r}: is a directory\n",
    )


def _progressing() -> Routine:
    """Six weeks from a Monday: the hold of knees-to-chest rises by 2 s a week."""
    return (
        RoutineBuilder("Six weeks", days_per_week=5, weeks=6, start=datetime.date(2026, 12, 7))
        .add(
            "knees-to-chest",
            hold_seconds=20,
            progression=Progression(dose="hold_seconds", step=2, every_weeks=1),
        )
        .build()
    )


def test_week_n_writes_the_handout_with_that_weeks_doses(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    routine = _progressing()
    source = tmp_path / "routine.json"
    source.write_text(dumps(routine), encoding="utf-8")
    target = tmp_path / "week-3.html"

    status, out, err = run(capsys, "handout", str(source), "--week", "3", "-o", str(target))

    assert (status, out, err) == (0, f"wrote {target}: 'Six weeks', 1 exercise\n", "")
    page = target.read_text(encoding="utf-8")
    assert page == handout_html(routine, on=datetime.date(2026, 12, 21))
    assert "<p><strong>The doses in force on 2026-12-21, week 3 of the programme.</strong></p>" in (
        page
    )
    assert "Hold 24 seconds." in page
    assert "Hold 20 seconds." not in page


def test_on_and_log_reach_the_handout_and_their_errors_are_usage_errors(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    routine = _progressing()
    source = tmp_path / "routine.json"
    source.write_text(dumps(routine), encoding="utf-8")
    target = tmp_path / "h.html"
    unstarted = tmp_path / "unstarted.json"
    unstarted.write_text(dumps(article_routine("left")), encoding="utf-8")

    assert run(capsys, "handout", str(source), "--on", "2026-12-14", "-o", str(target)) == (
        0,
        f"wrote {target}: 'Six weeks', 1 exercise\n",
        "",
    )
    assert target.read_text(encoding="utf-8") == handout_html(
        routine, on=datetime.date(2026, 12, 14)
    )
    assert run(capsys, "handout", str(source), "--log", "x.json", "-o", str(target)) == (
        2,
        "",
        "solpt-rehab handout: --log needs --week or --on\n",
    )
    assert run(capsys, "handout", str(unstarted), "--week", "2", "-o", str(target)) == (
        2,
        "",
        (
            "solpt-rehab handout: --week needs the routine's start date, which this routine "
            "does not give\n"
        ),
    )
    assert run(
        capsys, "handout", str(source), "--on", "2026-12-14", "--log", "missing.json", "-o", "-"
    ) == (
        2,
        "",
        "solpt-rehab handout: cannot read 'missing.json': no such file or directory\n",
    )
