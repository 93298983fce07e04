"""YAML input through the optional extra: read safely, every problem with its place."""

from __future__ import annotations

import subprocess
import sys

import pytest

from solpt_rehab import Report, catalog, loads, validate_text

E = "error"
MARCH_YAML = """\
kind: exercise
format_version: 2
id: march
name: March
steps:
  - {text: Lift one foot., kind: move}
  - {text: Keep it up., kind: hold}
hold: {min_seconds: 2, max_seconds: 3}
repetitions: {min_reps: 8, max_reps: 10, laterality: alternating, counting: total}
"""


def rows(report: Report) -> list[tuple[str, str, str, str]]:
    return [(p.path, p.code, p.severity.value, p.message) for p in report.problems]


def test_a_yaml_document_reads_like_its_json() -> None:
    exercise = loads(MARCH_YAML, syntax="yaml", kind="exercise")
    assert (exercise.id, exercise.hold, exercise.repetitions.max_reps) == (
        "march",
        catalog.get("lying-march").hold,
        10,
    )


CASES: dict[str, tuple[str, list[tuple[str, str, str, str]]]] = {
    "an alias": (
        "kind: &k exercise\nformat_version: 2\nid: *k\n",
        [
            (
                "",
                "yaml-alias",
                E,
                (
                    "YAML aliases are refused, since one can expand without bound: an alias at "
                    "line 3 column 5"
                ),
            )
        ],
    ),
    "an alias bomb": (
        'a: &a ["x","x"]\nb: &b [*a,*a]\nc: &c [*b,*b]\nd: [*c,*c]\n',
        [
            (
                "",
                "yaml-alias",
                E,
                (
                    "YAML aliases are refused, since one can expand without bound: an alias at "
                    "line 2 column 8"
                ),
            )
        ],
    ),
    "a repeated key": (
        MARCH_YAML.replace("name: March", "name: March\nname: Other"),
        [
            (
                "/name",
                "duplicate-key",
                E,
                "key 'name' appears 2 times in one object; the last value is used",
            )
        ],
    ),
    "malformed text": (
        "kind: exercise\n  bad: [\n",
        [
            (
                "",
                "malformed-yaml",
                E,
                "the text is not YAML: mapping values are not allowed here at line 2 column 6",
            )
        ],
    ),
    "a Python object tag": (
        "kind: !!python/object:os.system ls\n",
        [
            (
                "",
                "malformed-yaml",
                E,
                (
                    "the text is not YAML: could not determine a constructor for the tag "
                    "'tag:yaml.org,2002:python/object:os.system' at line 1 column 7"
                ),
            )
        ],
    ),
    "a control character, which the YAML reader refuses before parsing": (
        "kind: exercise\n\x00",
        [
            (
                "",
                "malformed-yaml",
                E,
                "the text is not YAML: the character '\\x00' at position 15 is not allowed",
            )
        ],
    ),
    "comments only": (
        "# nothing\n",
        [("", "empty-document", E, "the text is empty: there is no document")],
    ),
    "deep nesting": (
        "[" * 5000 + "]" * 5000,
        [
            (
                "",
                "too-deep",
                E,
                "sequences and mappings are nested more deeply than the parser can follow",
            )
        ],
    ),
    "a date where a text belongs, a mapping as a key": (
        MARCH_YAML.replace("name: March", "name: 2024-01-01\n? [a]\n: 1"),
        [
            ("/name", "wrong-type", E, "'name' must be a string: a date value"),
            ("/['a']", "unknown-key", E, "unknown key \"['a']\""),
        ],
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_bad_yaml_is_a_problem_with_its_place(name: str) -> None:
    text, expected = CASES[name]
    assert rows(validate_text(text, syntax="yaml")) == expected


def test_importing_the_library_imports_no_optional_dependency() -> None:
    code = (
        "import sys, solpt_rehab; "
        "print(sorted({m.split('.')[0] for m in sys.modules} "
        "& {'yaml', 'jsonschema', 'hypothesis'}))"
    )
    result = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout == "[]\n"
