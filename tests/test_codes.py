"""The registry of problem codes: the docs page agrees with it, and every code is reachable."""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path
from typing import Any

import pytest

import solpt_rehab
from draft_problems import ADHERENCE, DRAFTS
from solpt_rehab import Report, catalog, dumps, to_document, validate, validate_text
from solpt_rehab._cli import main
from solpt_rehab._core.codes import CODES, PARSE_CODES
from solpt_rehab._wire.schema import schema_codes
from solpt_rehab.fhir import from_fhir, to_fhir

SCHEMA_CODES = schema_codes()

ROOT = Path(__file__).resolve().parent.parent
ROW = re.compile(r"^\| `([a-z0-9-]+)` \| (error|warning) \| (.+) \| (yes|no|n/a) \|$", re.MULTILINE)
MARCH = dumps(catalog.get("lying-march"))


def test_the_docs_page_lists_exactly_the_registry_in_order() -> None:
    page = (ROOT / "docs" / "problem-codes.md").read_text(encoding="utf-8")
    rows = ROW.findall(page)
    assert [(code, severity, meaning) for code, severity, meaning, _ in rows] == [
        (code, severity.value, meaning) for code, (severity, meaning) in CODES.items()
    ]
    assert {code for code, _, _, schema in rows if schema == "yes"} == SCHEMA_CODES
    assert {code for code, _, _, schema in rows if schema == "n/a"} == PARSE_CODES


HEADER = "| code | severity | meaning | in the JSON Schema |"
SEPARATOR = "|---|---|---|---|"


def test_the_docs_page_has_no_row_like_line_but_the_registrys_and_tables_stand_apart() -> None:
    """Every table is a header, a separator and registry rows, with a blank line on each side:
    a paragraph glued to a table (no blank line between them) renders as bogus rows."""
    lines = (ROOT / "docs" / "problem-codes.md").read_text(encoding="utf-8").splitlines()
    rows: list[str] = []
    for number, line in enumerate(lines):
        if line in (HEADER, SEPARATOR) or not line.startswith("|"):
            continue
        assert ROW.fullmatch(line), (number + 1, line)
        rows.append(line)
    assert [ROW.findall(row)[0][0] for row in rows] == list(CODES)
    for number, line in enumerate(lines):
        if line == HEADER:
            assert lines[number - 1] == "", number + 1
            assert lines[number + 1] == SEPARATOR, number + 1
        following = lines[number + 1] if number + 1 < len(lines) else ""
        if line.startswith("|"):
            assert following == "" or following.startswith("|"), (number + 2, following)


def test_codes_are_kebab_case_with_one_line_meanings() -> None:
    for code, (_, meaning) in CODES.items():
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", code)
        assert meaning == meaning.strip()
        assert "\n" not in meaning
        assert not meaning.endswith(".")


def _exercise(**changes: Any) -> dict[str, Any]:
    document = to_document(catalog.get("knees-to-chest"))
    document.update(changes)
    return document


def _reps(**changes: Any) -> dict[str, Any]:
    document = _exercise()
    document["repetitions"].update(changes)
    return document


def _routine(**item: Any) -> dict[str, Any]:
    return {"kind": "routine", "format_version": 2, "name": "r", "items": [item]}


def _embedded(**changes: Any) -> dict[str, Any]:
    """The knees-to-chest exercise as a routine embeds it (no header), under the id ``x``."""
    document = _exercise(id="x", **changes)
    for key in ("kind", "format_version"):
        document.pop(key)
    return document


def _session_log(**changes: Any) -> dict[str, Any]:
    """A session log of one exercise with one set, then ``changes``."""
    document: dict[str, Any] = {
        "kind": "session-log",
        "format_version": 2,
        "date": "2026-12-02",
        "items": [{"exercise": "knees-to-chest", "sets": [{"reps": 3}]}],
    }
    document.update(changes)
    return document


_BANDED: dict[str, Any] = {"kind": "band", "level": "light"}
_WEIGHTED: dict[str, Any] = {"kind": "weight", "min_amount": 1, "max_amount": 2, "unit": "kg"}


TEXTS: dict[str, tuple[str | bytes, str]] = {
    "malformed-json": ("{", "json"),
    "malformed-yaml": ("a: [\n", "yaml"),
    "yaml-alias": ("a: &x 1\nb: *x\n", "yaml"),
    "yaml-tag": ("a: !!python/name:os.system\n", "yaml"),
    "empty-document": ("", "json"),
    "byte-order-mark": ("\ufeff" + MARCH, "json"),
    "invalid-utf8": (b"\xff", "json"),
    "non-finite-literal": (MARCH.replace('"min_seconds": 2', '"min_seconds": NaN'), "json"),
    "number-too-large": (MARCH.replace('"min_seconds": 2', '"min_seconds": 1e400'), "json"),
    "duplicate-key": ('{"kind": "x", "kind": "y"}', "json"),
    "too-deep": ("[" * 100_000, "json"),
    "too-large": (MARCH, "json"),
}
#: What a text of TEXTS is read with besides its syntax (a small size limit, say).
TEXT_OPTIONS: dict[str, dict[str, int]] = {"too-large": {"max_size": 100}}


def _mismatching_catalog(count: int) -> dict[str, Any]:
    """A catalog of ``count`` exercises whose step states another hold: one warning each."""
    exercise = _exercise(steps=[{"text": "Stay in the stretch for 45 seconds.", "kind": "hold"}])
    del exercise["kind"], exercise["format_version"]
    return {
        "kind": "catalog",
        "format_version": 2,
        "exercises": [{**exercise, "id": f"stretch-{index}"} for index in range(count)],
    }


DOCUMENTS: dict[str, object] = {
    "wrong-kind": {"kind": "plan", "format_version": 2},
    "unknown-version": {"kind": "exercise", "format_version": 3},
    "missing-key": {"format_version": 2},
    "unknown-key": _exercise(colour="red"),
    "wrong-type": _exercise(name=5),
    "bad-enum": _exercise(position="upside-down"),
    "not-finite": _exercise(hold={"min_seconds": float("inf"), "max_seconds": 30}),
    "not-positive": _reps(min_reps=0),
    "fractional": _reps(min_reps=1.5),
    "above-maximum": {
        **_routine(exercise="lying-march", reps=8),
        "frequency": {"days_per_week": 9},
    },
    "empty-text": _exercise(name=" "),
    "too-long": _exercise(name="x" * 10_001),
    "invalid-unicode": _exercise(name="Knees to chest\ud800"),
    "control-character": _exercise(name="Knees to chest\x1b]0;pwned\x07"),
    "not-a-slug": _exercise(id="Knees"),
    "empty-array": _exercise(steps=[]),
    "bad-date": {**_routine(exercise="lying-march", reps=8), "start": "2026-02-30"},
    "bad-time": _session_log(time="7:30"),
    "range-inverted": _reps(max_reps=2),
    "rest-incomplete": _reps(rest={"min_seconds": 5}),
    "rest-undescribed": _reps(rest={}),
    "counting-missing": _reps(laterality="alternating"),
    "counting-not-allowed": _reps(counting="total"),
    "hold-step-missing": _exercise(steps=[{"text": "Lie down.", "kind": "setup"}]),
    "load-amount-incomplete": _exercise(load={"kind": "weight", "min_amount": 1, "unit": "kg"}),
    "load-amount-not-allowed": _exercise(load={**_WEIGHTED, "kind": "band"}),
    "load-unit-missing": _exercise(load={**_WEIGHTED, "unit": None}),
    "load-unit-not-allowed": _exercise(load={"kind": "weight", "unit": "lb"}),
    "load-undescribed": _exercise(load={"kind": "described"}),
    "effort-rpe-incomplete": _exercise(effort={"max_rpe": 4}),
    "effort-undescribed": _exercise(effort={}),
    "duplicate-id": to_document(catalog.all() * 2),
    "unknown-exercise": _routine(exercise="bridge", reps=1),
    "hold-out-of-range": _routine(exercise="lying-march", reps=8, hold_seconds=9),
    "reps-out-of-range": _routine(exercise="lying-march", reps=1),
    "hold-not-documented": _routine(exercise=_embedded(hold=None), reps=3, hold_seconds=5),
    "sets-out-of-range": _routine(
        exercise=_embedded(sets={"min_sets": 2, "max_sets": 3}), reps=3, sets=4
    ),
    "work-out-of-range": _routine(
        exercise=_embedded(timed_work={"min_seconds": 30, "max_seconds": 60}),
        reps=3,
        work_seconds=90,
    ),
    "work-not-documented": _routine(exercise="lying-march", reps=8, work_seconds=30),
    "load-out-of-range": _routine(exercise=_embedded(load=_WEIGHTED), reps=3, load=_BANDED),
    "reps-not-stated": _routine(
        exercise=_embedded(repetitions={"laterality": "bilateral", "counting": None}), reps=None
    ),
    "side-missing": _routine(exercise="figure-4-stretch", reps=3),
    "side-not-allowed": _routine(exercise="knees-to-chest", reps=3, side="left"),
    "deviation": _routine(exercise="lying-march", reps=8, deviation="none"),
    "reps-implausibly-high": _routine(exercise="figure-4-stretch", reps=10, side="left"),
    "prose-hold-mismatch": _exercise(
        steps=[{"text": "Stay in the stretch for 45 seconds.", "kind": "hold"}]
    ),
    "reps-two-ways": _session_log(
        items=[{"exercise": "knees-to-chest", "sets": [{"reps": 3, "left_reps": 3}]}]
    ),
    "skipped-with-sets": _session_log(
        items=[{"exercise": "knees-to-chest", "sets": [{}], "skipped": "too tired"}]
    ),
    "progression-no-schedule": _routine(
        exercise="lying-march", reps=8, progression=[{"dose": "reps", "step": 1}]
    ),
    "progression-two-schedules": _routine(
        exercise="lying-march",
        reps=8,
        progression=[{"dose": "reps", "step": 1, "every_weeks": 1, "every_sessions": 3}],
    ),
    "progression-duplicate-dose": _routine(
        exercise="lying-march",
        reps=8,
        progression=[
            {"dose": "reps", "step": 1, "every_weeks": 1},
            {"dose": "reps", "step": 1, "every_sessions": 3},
        ],
    ),
    "progression-not-applicable": _routine(
        exercise="lying-march",
        reps=8,
        progression=[{"dose": "work_seconds", "step": 5, "every_weeks": 1}],
    ),
    "progression-uncapped": _routine(
        exercise="figure-4-stretch",
        reps=3,
        side="left",
        progression=[{"dose": "reps", "step": 1, "every_weeks": 1}],
    ),
    "progression-idle": _routine(
        exercise="lying-march",
        reps=10,
        progression=[{"dose": "reps", "step": 1, "every_weeks": 1}],
    ),
    "too-many-problems": _exercise(**{f"colour{index}": "red" for index in range(1001)}),
    "too-many-warnings": _mismatching_catalog(1001),
    "prose-reps-mismatch": _exercise(
        steps=[
            {"text": "Pull both knees in and stay there.", "kind": "hold"},
            {"text": "Do this 12 times.", "kind": "repeat"},
        ]
    ),
}


def _report(code: str) -> Report:
    if code in TEXTS:
        text, syntax = TEXTS[code]
        return validate_text(text, syntax=syntax, **TEXT_OPTIONS.get(code, {}))  # type: ignore[arg-type]
    return validate(DOCUMENTS[code])


@pytest.mark.parametrize("code", [code for code in CODES if code in TEXTS or code in DOCUMENTS])
def test_every_code_has_a_document_that_raises_it_and_only_registered_ones(
    code: str,
) -> None:
    report = _report(code)
    assert code in report.codes
    assert set(report.codes) <= set(CODES)
    assert all(found.severity is CODES[found.code][0] for found in report.problems)


@pytest.mark.parametrize("code", [code for code in CODES if code in DRAFTS])
def test_every_code_of_prose_and_the_importer_has_an_input_that_raises_it(code: str) -> None:
    problems = DRAFTS[code]()
    assert code in {found.code for found in problems}
    assert all(found.severity is CODES[found.code][0] for found in problems)


@pytest.mark.parametrize("code", list(ADHERENCE))
def test_every_code_of_adherence_has_logs_that_raise_it(code: str) -> None:
    problems = ADHERENCE[code]()
    assert code in {found.code for found in problems}
    assert all(found.severity is CODES[found.code][0] for found in problems)


#: A FHIR resource that makes each code of solpt_rehab.fhir.from_fhir.
FHIR: dict[str, Any] = {
    "fhir-not-readable": {"resourceType": "Patient"},
    "fhir-missing": {"resourceType": "ActivityDefinition", "status": "active", "title": "Plank"},
    "fhir-invalid": {"resourceType": "CarePlan", "activity": "every day"},
    "fhir-unmapped": {
        **to_fhir(catalog.get("lying-march")),
        "participant": [{"type": "patient"}],
    },
    "fhir-modifier-extension": {
        **to_fhir(catalog.get("lying-march")),
        "modifierExtension": [{"url": "https://other.test/not", "valueBoolean": True}],
    },
}


@pytest.mark.parametrize("code", list(FHIR))
def test_every_code_of_fhir_reading_has_a_resource_that_raises_it(code: str) -> None:
    problems = from_fhir(FHIR[code]).problems
    assert code in {found.code for found in problems}
    assert all(found.severity is CODES[found.code][0] for found in problems)


def test_fhir_reading_writes_only_registered_codes_of_the_right_severity() -> None:
    found = _codes_in_source(SOURCE / "fhir" / "_import.py")
    assert {code for call, code in found if call == "add"} == set(FHIR)


def test_every_registered_code_is_covered_here() -> None:
    covered = (
        set(TEXTS)
        | set(DOCUMENTS)
        | set(DRAFTS)
        | set(ADHERENCE)
        | set(FHIR)
        | {
            "unreadable-file",
            "invalid-value",
            "yaml-not-installed",
        }
    )
    assert covered == set(CODES)


def test_yaml_not_installed_comes_from_yaml_without_pyyaml(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "yaml", None)
    monkeypatch.delitem(sys.modules, "solpt_rehab._wire.yaml", raising=False)
    assert validate_text("a: 1\n", syntax="yaml").codes == ("yaml-not-installed",)


#: The package being tested, wherever it is installed (the packaging check tests the wheel).
SOURCE = Path(solpt_rehab.__file__).resolve().parent
#: The calls that take a problem code in prose and the importer, and the code's position.
CODE_ARGUMENTS = {
    "problem": 1,
    "add_problem": 1,
    "fail": 1,
    "warn": 1,
    "DraftNote": 0,
    "add": 1,
}
#: The calls whose codes must have one severity: an entry left out, a value dropped, a fallback.
SEVERITY_OF_CALL = {"fail": "error", "warn": "warning", "DraftNote": "warning"}
KEBAB = re.compile(r"[a-z0-9]+(-[a-z0-9]+)+")
#: The kebab-case strings of those modules that are not problem codes.
NOT_CODES = {"free-exercise-db", "utf-8"}


def _codes_in_source(path: Path) -> list[tuple[str, str]]:
    """Each code written in ``path``: (the call it is passed to, the code), the call ``""`` for a
    kebab-case literal elsewhere (a code kept in a table before it is passed on)."""
    found: list[tuple[str, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            name = str(getattr(node.func, "id", None) or getattr(node.func, "attr", ""))
            position = CODE_ARGUMENTS.get(name)
            if position is None or len(node.args) <= position:
                continue
            code = node.args[position]
            if isinstance(code, ast.Constant) and isinstance(code.value, str):
                found.append((name, code.value))
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and KEBAB.fullmatch(node.value)
            and node.value not in NOT_CODES
        ):
            found.append(("", node.value))
    return found


def test_prose_and_the_importer_write_only_registered_codes_of_the_right_severity() -> None:
    paths = sorted([*(SOURCE / "prose").glob("*.py"), *(SOURCE / "importers").glob("*.py")])
    found = [(path.name, call, code) for path in paths for call, code in _codes_in_source(path)]
    unregistered = [entry for entry in found if entry[2] not in CODES]
    misjudged = [
        entry
        for entry in found
        if entry[1] in SEVERITY_OF_CALL
        and entry[2] in CODES
        and CODES[entry[2]][0].value != SEVERITY_OF_CALL[entry[1]]
    ]
    assert (unregistered, misjudged) == ([], [])
    # The scan sees every code these modules raise, so a new one cannot hide from it.
    assert {code for _, _, code in found} == set(DRAFTS) | {
        "unreadable-file",
        "wrong-type",
        "empty-text",
        "invalid-unicode",
        "control-character",
        "invalid-value",
        "prose-hold-mismatch",
        "prose-reps-mismatch",
    }


def test_adherence_writes_only_its_registered_warnings() -> None:
    found = _codes_in_source(SOURCE / "_logs" / "adherence.py")
    assert {code for _, code in found} == set(ADHERENCE)
    assert all(CODES[code][0].value == "warning" for _, code in found)


def test_unreadable_file_comes_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", "--quiet", str(tmp_path / "missing.json")]) == 2
    assert "unreadable-file" in capsys.readouterr().err


def test_the_command_line_reports_a_file_longer_than_its_limit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "long.json"
    path.write_text("{}    ", encoding="utf-8")
    assert main(["validate", "--quiet", "--max-bytes", "4", str(path)]) == 2
    assert capsys.readouterr().err == (
        f"{path}: error too-large: the input of {str(path)!r} is longer than 4 bytes, "
        "the limit (--max-bytes); the rest is not read\n"
    )
