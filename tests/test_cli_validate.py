"""``solpt-rehab validate`` at scale: folders, JSON Lines, bounded reads, formats, filters, jobs."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from solpt_rehab import catalog, dumps
from solpt_rehab._cli import main
from solpt_rehab._reporters import Progress

MARCH = dumps(catalog.get("lying-march"))
LINE = json.dumps(json.loads(MARCH))
SARIF_SCHEMA = os.environ.get("SOLPT_REHAB_SARIF_SCHEMA")


def run(*args: str, stdin: bytes = b"", env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "solpt_rehab", *args],
        input=stdin,
        capture_output=True,
        check=False,
        timeout=300,
        env=env,
    )
    return result.returncode, result.stdout.decode(), result.stderr.decode()


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """content/: a good file, a bad one below, JSON Lines, YAML, a note, a loop and a FIFO."""
    root = tmp_path / "content"
    (root / "sub").mkdir(parents=True)
    (root / "drafts").mkdir()
    (root / "good.json").write_text(MARCH, encoding="utf-8")
    (root / "sub" / "bad.json").write_text(
        MARCH.replace('"min_reps": 8', '"min_reps": "8"'), encoding="utf-8"
    )
    (root / "drafts" / "draft.json").write_text("{", encoding="utf-8")
    (root / "notes.txt").write_text("not checked", encoding="utf-8")
    (root / "lines.jsonl").write_text(f"{LINE}\n{{}}\n\n{LINE}\n", encoding="utf-8")
    (root / "plan.yml").write_text(
        "kind: routine\nformat_version: 1\nname: r\nitems:\n"
        "  - {exercise: lying-march, reps: 80}\n",
        encoding="utf-8",
    )
    (root / "sub" / "loop").symlink_to("..")
    os.mkfifo(root / "sub" / "pipe.json")
    return root


def test_a_folder_is_walked_in_name_order_with_loops_and_fifos_reported(tree: Path) -> None:
    status, out, err = run("validate", str(tree), "--exclude", "drafts")
    assert status == 2
    assert out.splitlines() == [
        f"{tree}/lines.jsonl:2:1: error missing-key: missing required key 'kind' (at /kind)",
        (
            f"{tree}/lines.jsonl:2:1: error missing-key: missing required key 'format_version' "
            "(at /format_version)"
        ),
        f"{tree}/lines.jsonl:3:1: error empty-document: the text is empty: there is no document",
        (
            f"{tree}/plan.yml:5:35: error reps-out-of-range: 'reps' is outside the documented "
            "8-10 of 'lying-march': 80 (at /items/0/reps)"
        ),
        (
            f"{tree}/sub/bad.json:49:17: error wrong-type: 'min_reps' must be a whole number or "
            "null: '8' (at /repetitions/min_reps)"
        ),
    ]
    assert err.splitlines() == [
        (
            f"{tree}/sub/loop: error unreadable-file: cannot read '{tree}/sub/loop': a symbolic "
            "link loop (it leads back to a folder that holds it); not followed"
        ),
        (
            f"{tree}/sub/pipe.json: error unreadable-file: cannot read '{tree}/sub/pipe.json': "
            "a FIFO, not a regular file; to read a stream, give - and redirect it to stdin"
        ),
        "6 files, 7 documents: 4 with errors, 2 unreadable; 5 errors, 0 warnings",
    ]


def test_include_and_exclude_globs_by_name_and_by_path(tree: Path) -> None:
    status, out, err = run(
        "validate", str(tree), "--include", "*.json", "--exclude", "sub/*", "--exclude", "loop"
    )
    assert (status, out) == (
        1,
        (
            f"{tree}/drafts/draft.json:1:2: error malformed-json: the text is not JSON: "
            "expecting property name enclosed in double quotes at line 1 column 2\n"
        ),
    )
    assert err == "2 files: 1 with errors; 1 error, 0 warnings\n"


def test_devices_fifos_and_endless_streams_end_with_an_answer(tree: Path) -> None:
    assert run("validate", "/dev/zero") == (
        2,
        "",
        (
            "/dev/zero: error unreadable-file: cannot read '/dev/zero': a character device, not a "
            "regular file; to read a stream, give - and redirect it to stdin\n"
            "1 file: 0 with errors, 1 unreadable; 0 errors, 0 warnings\n"
        ),
    )
    status, _, err = run("validate", str(tree / "sub" / "pipe.json"))  # nobody writes: no block
    assert (status, err.splitlines()[0]) == (
        2,
        (
            f"{tree}/sub/pipe.json: error unreadable-file: cannot read '{tree}/sub/pipe.json': "
            "a FIFO, not a regular file; to read a stream, give - and redirect it to stdin"
        ),
    )
    endless = subprocess.Popen(["yes"], stdout=subprocess.PIPE)  # noqa: S607 - coreutils
    try:
        result = subprocess.run(
            [sys.executable, "-m", "solpt_rehab", "validate", "--max-bytes", "100000", "-"],
            stdin=endless.stdout,
            capture_output=True,
            check=False,
            timeout=120,
        )
    finally:
        endless.kill()
        endless.wait()
        assert endless.stdout is not None
        endless.stdout.close()
    assert (result.returncode, result.stdout, result.stderr.decode()) == (
        2,
        b"",
        (
            "<stdin>: error too-large: the input of '-' is longer than 100000 bytes, the "
            "limit (--max-bytes); the rest is not read\n"
            "1 file: 0 with errors, 1 unreadable; 0 errors, 0 warnings\n"
        ),
    )


def test_json_lines_from_stdin_with_a_line_too_long(capsys: pytest.CaptureFixture[str]) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(f"{LINE}\n[]\n{'x' * 50}\n{LINE}\n".encode()))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sys, "stdin", stdin)
        assert main(["validate", "--syntax", "jsonl", "--max-bytes", "40", "-"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""  # the first line is longer than 40 bytes too
    assert captured.err.splitlines() == [
        (
            "<stdin>:1:1: error too-large: line 1 of '-' is longer than 40 bytes, the limit "
            "(--max-bytes); the rest is not read"
        ),
        "1 file: 0 with errors, 1 unreadable; 0 errors, 0 warnings",
    ]
    stdin = io.TextIOWrapper(io.BytesIO(f"{LINE}\n[]\n{'x' * 5000}\n{LINE}\n".encode()))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sys, "stdin", stdin)
        assert main(["validate", "--syntax", "jsonl", "--max-bytes", "4000", "-"]) == 2
    captured = capsys.readouterr()
    assert captured.out == (
        "<stdin>:2:1: error wrong-type: the document must be a JSON object: []\n"
    )
    assert captured.err.splitlines() == [
        (
            "<stdin>:3:1: error too-large: line 3 of '-' is longer than 4000 bytes, the "
            "limit (--max-bytes); the rest is not read"
        ),
        "1 file, 2 documents: 1 with errors, 1 unreadable; 1 error, 0 warnings",
    ]


def test_jobs_give_exactly_the_serial_output(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for number in range(12):
        text = MARCH if number % 3 else MARCH.replace('"max_reps": 10', '"max_reps": 1')
        (corpus / f"{number:02}.json").write_text(text, encoding="utf-8")
    lines = [LINE if number % 7 else "{}" for number in range(2500)]  # three chunks
    (tmp_path / "big.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    paths = (str(corpus), str(tmp_path / "big.jsonl"))
    serial = run("validate", *paths, "--format", "json")
    parallel = run("validate", *paths, "--format", "json", "--jobs", "2")
    assert parallel == serial
    output = json.loads(serial[1])
    assert output["summary"] == {
        "files": 13,
        "documents": 2512,
        "bad_documents": 4 + 358,
        "unreadable": 0,
        "errors": 4 + 2 * 358,
        "warnings": 0,
        "omitted": 0,
    }
    assert [problem["line"] for problem in output["files"][-1]["problems"][:4]] == [1, 1, 8, 8]


def test_select_ignore_max_problems_and_fail_on(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_text(
        '{"kind": "routine", "format_version": 1, "name": "r", "a": 1, "b": 2, "c": 3,\n'
        ' "items": [{"exercise": "lying-march", "reps": 8, "deviation": "none"}]}',
        encoding="utf-8",
    )
    status, out, err = run("validate", str(path), "--ignore", "unknown-key")
    assert (status, err) == (0, "1 file: 0 with errors; 0 errors, 1 warning\n")
    assert (
        run("validate", "-q", str(path), "--ignore", "unknown-key", "--fail-on", "warning")[0] == 1
    )
    status, out, err = run("validate", str(path), "--select", "unknown-key", "--max-problems", "2")
    assert (status, out.splitlines()) == (
        1,
        [
            f"{path}:1:55: error unknown-key: unknown key 'a' (at /a)",
            f"{path}:1:63: error unknown-key: unknown key 'b' (at /b)",
            f"{path}: 1 more problem not shown (--max-problems 2)",
        ],
    )
    assert err == "1 file: 1 with errors; 3 errors, 0 warnings (1 not shown)\n"
    assert run("validate", str(path), "--select", "no-such-code") == (
        2,
        "",
        "solpt-rehab validate: unknown problem code 'no-such-code'\n",
    )


def test_colour_only_when_asked_or_on_a_terminal_without_no_color(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text("[]", encoding="utf-8")
    _, out, _ = run("validate", "--color", "always", str(path))
    assert out == (
        f"{path}:1:1: \x1b[1;31merror\x1b[0m wrong-type: the document must be a JSON object: []\n"
    )
    assert "\x1b" not in run("validate", str(path))[1]  # not a terminal
    script = "import pty, sys; sys.exit(pty.spawn(sys.argv[1:]) >> 8)"
    command = [sys.executable, "-c", script, sys.executable, "-m", "solpt_rehab", "validate"]
    on_terminal = subprocess.run(  # noqa: S603 - our own interpreter
        [*command, str(path)], capture_output=True, check=False, timeout=120
    )
    assert b"\x1b[1;31merror" in on_terminal.stdout
    without = subprocess.run(  # noqa: S603 - our own interpreter
        [*command, str(path)],
        capture_output=True,
        check=False,
        timeout=120,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert b"\x1b[1;31m" not in without.stdout
    assert b"wrong-type" in without.stdout


def test_a_key_holding_a_newline_and_escapes_cannot_forge_lines_or_reach_the_terminal(
    tmp_path: Path,
) -> None:
    path = tmp_path / "evil\x1b]0;title\x07.json"
    path.write_text(
        '{"kind": "catalog", "format_version": 1, "exercises": [],\n'
        ' "x\\u001b[2J\\nforged.json:1:1: error fake: \\u202egnp.exe": 1}',
        encoding="utf-8",
    )
    status, out, _ = run("validate", str(path))
    shown = str(path).replace("\x1b", "\\x1b").replace("\x07", "\\x07")
    assert (status, out.splitlines()) == (
        1,
        [
            (
                f"{shown}:2:2: error unknown-key: unknown key 'x\\x1b[2J\\nforged.json:1:1: error "
                "fake: \\u202egnp.exe' "
                "(at /x\\x1b[2J\\x0aforged.json:1:1: error fake: \\u202egnp.exe)"
            )
        ],
    )
    for format_ in ("json", "sarif", "github"):
        text = run("validate", "--format", format_, str(path))[1]
        assert not any(char in text for char in "\x1b\x07\u202e"), format_


def test_routine_text_escapes_names_and_step_texts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = json.loads(MARCH)
    exercise = {k: v for k, v in document.items() if k not in ("kind", "format_version")}
    routine = {
        "kind": "routine",
        "format_version": 2,
        "name": "Evil\nline",
        "items": [{"exercise": exercise, "reps": 8}],
    }
    path = tmp_path / "r.json"
    path.write_text(json.dumps(routine), encoding="utf-8")
    assert main(["routine", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[:3] == [
        "Evil\\x0aline",
        "1 session a day, 7 days a week, no set end",
        (
            "  1. Lying march (lying-march): hold 2-3 s (not prescribed), 8 reps in all, "
            "alternating, right first"
        ),
    ]
    # The model refuses control characters and bidirectional overrides in names and step texts
    # (control-character), so such a routine is not played; the errors that say so are escaped.
    exercise["name"] = "March\x1b[31m\u202e"
    exercise["steps"][0]["text"] = "Lie down.\x9b2J"
    path.write_text(json.dumps(routine), encoding="utf-8")
    assert main(["routine", str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert [line.split(": error ")[1].split(":")[0] for line in captured.err.splitlines()] == [
        "control-character",
        "control-character",
    ]
    assert not any(char in captured.err for char in "\x1b\x9b\u202e")


def test_github_annotations(tmp_path: Path) -> None:
    path = tmp_path / "a,b.json"
    path.write_text('{"kind": "catalog", "format_version": 1, "exercises": [], "x": 1}')
    assert run("validate", "--format", "github", str(path))[:2] == (
        1,
        (
            f"::error file={str(path).replace(',', '%2C')},line=1,col=59,title=unknown-key::"
            "unknown key 'x' (at /x)\n"
        ),
    )


@pytest.mark.skipif(
    SARIF_SCHEMA is None and not os.environ.get("CI"),
    reason="SOLPT_REHAB_SARIF_SCHEMA names no SARIF 2.1.0 schema (.ci/run fetches it)",
)
def test_sarif_output_is_valid_against_the_official_schema(tree: Path) -> None:
    import jsonschema  # noqa: PLC0415 - only this test needs it

    assert SARIF_SCHEMA is not None, "CI must set SOLPT_REHAB_SARIF_SCHEMA"
    schema = json.loads(Path(SARIF_SCHEMA).read_text(encoding="utf-8"))
    status, out, _ = run("validate", "--format", "sarif", "--max-problems", "1", str(tree))
    log = json.loads(out)
    jsonschema.validators.validator_for(schema)(schema).validate(log)
    [sarif_run] = log["runs"]
    assert status == 2
    assert [
        (
            result["ruleId"],
            result["level"],
            result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            result["locations"][0]["physicalLocation"].get("region"),
            result["properties"]["jsonPointer"],
        )
        for result in sarif_run["results"]
    ] == [
        (
            "missing-key",
            "error",
            (tree / "lines.jsonl").as_uri(),
            {"startLine": 2, "startColumn": 1},
            "/kind",
        ),
        (
            "reps-out-of-range",
            "error",
            (tree / "plan.yml").as_uri(),
            {"startLine": 5, "startColumn": 35},
            "/items/0/reps",
        ),
        (
            "malformed-json",
            "error",
            (tree / "drafts/draft.json").as_uri(),
            {"startLine": 1, "startColumn": 2},
            "",
        ),
        (
            "wrong-type",
            "error",
            (tree / "sub/bad.json").as_uri(),
            {"startLine": 49, "startColumn": 17},
            "/repetitions/min_reps",
        ),
        ("unreadable-file", "error", (tree / "sub/loop").as_uri(), None, ""),
        ("unreadable-file", "error", (tree / "sub/pipe.json").as_uri(), None, ""),
    ]
    assert [
        note["message"]["text"]
        for note in sarif_run["invocations"][0]["toolExecutionNotifications"]
    ] == ["2 more problems not shown (--max-problems 1)"]


def test_progress_waits_then_redraws_at_most_every_interval() -> None:
    times = iter([0.0, 0.5, 1.0, 1.1, 1.3, 1.35])
    stream = io.StringIO()
    progress = Progress(stream, clock=lambda: next(times))
    for files in range(5):
        progress.update(files, files * 10, files)
    progress.clear()
    progress.clear()
    assert stream.getvalue() == (
        "\r\x1b[Kchecking: 1 file, 10 documents, 1 error"
        "\r\x1b[Kchecking: 3 files, 30 documents, 3 errors"
        "\r\x1b[K"
    )


def test_a_yaml_file_in_a_folder_without_pyyaml_is_its_own_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "yaml", None)
    monkeypatch.delitem(sys.modules, "solpt_rehab._wire.yaml", raising=False)
    (tmp_path / "a.json").write_text(dumps(catalog.get("lying-march")), encoding="utf-8")
    (tmp_path / "b.yaml").write_text("kind: exercise\n", encoding="utf-8")
    assert main(["validate", "--jobs", "1", str(tmp_path)]) == 1
    assert capsys.readouterr() == (
        (
            f"{tmp_path / 'b.yaml'}:1:1: error yaml-not-installed: reading YAML needs the "
            "'yaml' extra: pip install 'solpt_rehab[yaml]'\n"
        ),
        "2 files: 1 with errors; 1 error, 0 warnings\n",
    )
