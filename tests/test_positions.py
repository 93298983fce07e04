"""Lines and columns of problems: found from the pointer after the fact, in JSON and YAML."""

from __future__ import annotations

import json

import pytest

from solpt_rehab import (
    LocatedProblem,
    Problem,
    catalog,
    dumps,
    locate,
    validate_jsonl,
    validate_text,
)
from solpt_rehab._core.problems import problem

MARCH = dumps(catalog.get("lying-march"))


def placed(text: str, syntax: str = "json") -> list[tuple[int | None, int | None, str, str]]:
    report = validate_text(text, syntax="yaml" if syntax == "yaml" else "json")
    return [
        (item.line, item.column, item.problem.code, item.problem.path)
        for item in locate(text, report.problems, syntax=syntax)
    ]


def test_a_value_a_key_a_repeated_key_and_a_missing_key_each_have_their_place() -> None:
    text = MARCH.replace('"min_reps": 8', '"min_reps": "8"').replace(
        '"id": "lying-march"', '"idd": 1, "id": "lying-march", "id": "lying-march"'
    )
    lines = text.splitlines()
    assert lines[3] == '  "idd": 1, "id": "lying-march", "id": "lying-march",'
    assert placed(text) == [
        (4, 34, "duplicate-key", "/id"),  # the second spelling
        (49, 17, "wrong-type", "/repetitions/min_reps"),  # the value
        (4, 3, "unknown-key", "/idd"),  # the key
    ]
    missing = '{"kind": "exercise", "format_version": 1,\n  "id": "x", "name": "X"}'
    assert placed(missing)[0] == (1, 1, "missing-key", "/steps")  # the object that lacks it


def test_malformed_text_is_placed_where_the_parser_stopped() -> None:
    assert placed('{"kind": \n  ]') == [(2, 3, "malformed-json", "")]
    assert placed("  \n  [1]") == [(2, 3, "wrong-type", "")]


def test_valid_text_has_nothing_to_place() -> None:
    assert locate(MARCH, ()) == ()
    assert placed(MARCH) == []


def test_keys_with_escapes_slashes_and_tildes_are_found() -> None:
    text = '{"kind": "catalog", "format_version": 1, "exercises": [],\n "a/b~c\\n": 1}'
    assert placed(text) == [(2, 2, "unknown-key", "/a~1b~0c\n")]


def test_a_pointer_beyond_a_deep_or_skipped_value_still_finds_its_place() -> None:
    document = json.loads(dumps(catalog.all()))
    document["exercises"][2]["repetitions"]["min_reps"] = -1
    text = json.dumps(document, indent=1)
    [(line, column, code, path)] = placed(text)
    assert (code, path) == ("not-positive", "/exercises/2/repetitions/min_reps")
    assert line is not None
    assert column is not None
    assert text.splitlines()[line - 1][column - 1 :] == "-1,"


def test_yaml_places_come_from_its_nodes() -> None:
    text = (
        "kind: routine\nformat_version: 1\nname: r\nitems:\n"
        "  - {exercise: lying-march, reps: 80, extra: 1}\n"
        "  - exercise: nope\n    reps: 3\n"
    )
    assert placed(text, "yaml") == [
        (5, 35, "reps-out-of-range", "/items/0/reps"),
        (5, 39, "unknown-key", "/items/0/extra"),
        (6, 15, "unknown-exercise", "/items/1/exercise"),
    ]
    assert placed("kind: routine\nkind: routine\n", "yaml")[0] == (2, 1, "duplicate-key", "/kind")


def test_text_that_is_not_utf8_places_only_what_its_message_says() -> None:
    found = problem((), "invalid-utf8", "the text is not UTF-8: byte 0xff at line 1 column 2")
    other = problem("/x", "wrong-type", "'x' must be a string: 1")
    assert locate(b"{\xff", [found, other]) == (
        LocatedProblem(problem=found, line=1, column=2),
        LocatedProblem(problem=other),
    )


@pytest.mark.parametrize(
    "text",
    ['{"a": [1, 2', '{"a" 1}', '{"a": "unterminated', "[" * 5000, '{"a": {"b": [}}', "\ufeff{}"],
)
def test_broken_text_never_raises(text: str) -> None:
    found: list[Problem] = [problem("/a/b/0", "wrong-type", "x"), problem("/a", "unknown-key", "y")]
    assert [item.line is not None for item in locate(text, found)] == [True, True]


def test_validate_jsonl_gives_one_report_per_line_lazily() -> None:
    one = json.dumps(json.loads(MARCH))
    given: list[str | bytes] = [
        one + "\n",
        b"{}\r\n",
        "\n",
        one.replace('"min_reps": 8', '"min_reps": 0'),
    ]
    lines = iter(given)
    reports = validate_jsonl(lines)
    assert next(reports).problems == ()
    assert next(lines) == b"{}\r\n"  # read no further than the reports asked for
    assert [report.codes for report in reports] == [("empty-document",), ("not-positive",)]
    assert [r.codes for r in validate_jsonl([b"{}", "", "[]"], kind="routine")] == [
        ("missing-key", "missing-key"),
        ("empty-document",),
        ("wrong-type",),
    ]
