"""YAML input through the optional extra: read safely, every problem with its place."""

from __future__ import annotations

import subprocess
import sys

import pytest
import yaml

from solpt_rehab import Report, catalog, loads, validate_text
from solpt_rehab._wire import yaml as yaml_module

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
                "yaml-tag",
                E,
                (
                    "YAML tags other than the plain types are refused: the tag "
                    "'tag:yaml.org,2002:python/object:os.system' at line 1 column 7"
                ),
            )
        ],
    ),
    "a Python object tag on a sequence, which PyYAML's safe loader would drop": (
        "kind: exercise\nformat_version: 1\nsteps: !!python/object/apply:os.system [ls]\n",
        [
            (
                "",
                "yaml-tag",
                E,
                (
                    "YAML tags other than the plain types are refused: the tag "
                    "'tag:yaml.org,2002:python/object/apply:os.system' at line 3 column 8"
                ),
            )
        ],
    ),
    "a set, which the wire format has no place for": (
        "kind: !!set {exercise: null}\n",
        [
            (
                "",
                "yaml-tag",
                E,
                (
                    "YAML tags other than the plain types are refused: the tag "
                    "'tag:yaml.org,2002:set' at line 1 column 7"
                ),
            )
        ],
    ),
    "a plain tag on text it cannot hold": (
        "kind: exercise\nformat_version: !!int one\n",
        [
            (
                "",
                "malformed-yaml",
                E,
                (
                    "the text is not YAML: the tag 'tag:yaml.org,2002:int' cannot hold 'one' at "
                    "line 2 column 17"
                ),
            )
        ],
    ),
    "keys 1 and true, which Python holds equal": (
        MARCH_YAML + "1: a\ntrue: b\n",
        [
            ("/1", "unknown-key", E, "unknown key 1"),
            ("/True", "unknown-key", E, "unknown key True"),
        ],
    ),
    "keys 1 and '1', and 1 twice": (
        MARCH_YAML + "1: a\n'1': b\n1: c\n",
        [
            (
                "/1",
                "duplicate-key",
                E,
                "key 1 appears 2 times in one object; the last value is used",
            ),
            ("/1", "unknown-key", E, "unknown key 1"),
            ("/1", "unknown-key", E, "unknown key '1'"),
        ],
    ),
    "an integer of more digits than Python converts": (
        MARCH_YAML.replace("min_reps: 8", "min_reps: " + "9" * 5000),
        [
            (
                "/repetitions/min_reps",
                "number-too-large",
                E,
                "'min_reps' is beyond the range of a 64-bit float: "
                + "9" * 40
                + "... (5000 characters)",
            )
        ],
    ),
    "a long integer that is small": (
        MARCH_YAML.replace("min_reps: 8", "min_reps: 0b" + "0" * 5000 + "1000"),
        [],
    ),
    "a base-60 number, as YAML 1.1 reads one": (
        MARCH_YAML.replace("min_reps: 8", "min_reps: 1:30"),
        [
            (
                "/repetitions/max_reps",
                "range-inverted",
                E,
                "'max_reps' must be >= 'min_reps' (90): 10",
            )
        ],
    ),
    "a base-60 number of more than 1,100 characters, read as text": (
        MARCH_YAML.replace("min_reps: 8", "min_reps: 1" + ":1" * 600),
        [
            (
                "/repetitions/min_reps",
                "wrong-type",
                E,
                "'min_reps' must be a whole number or null: '"
                + "1:" * 20
                + "'... (1201 characters)",
            )
        ],
    ),
    "an integer in hex beyond a float": (
        MARCH_YAML.replace("min_reps: 8", "min_reps: 0x" + "f" * 1200),
        [
            (
                "/repetitions/min_reps",
                "number-too-large",
                E,
                "'min_reps' is beyond the range of a 64-bit float: 0x"
                + "f" * 38
                + "... (1202 characters)",
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


#: The loaders: libyaml's C loader, used when PyYAML has it, and the pure-Python one.
LOADERS = ["libyaml", "python"]


@pytest.fixture(params=LOADERS)
def loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    name: str = request.param
    if name == "python":
        monkeypatch.setattr(yaml_module, "_CLoader", None)
    elif yaml_module._CLoader is None:
        pytest.skip("PyYAML was built without libyaml")
    return name


#: Where the two loaders word a syntax error differently, each one's wording.
MALFORMED = {
    "libyaml": "mapping values are not allowed in this context",
    "python": "mapping values are not allowed here",
}


@pytest.mark.parametrize("name", list(CASES))
def test_bad_yaml_is_a_problem_with_its_place(name: str, loader: str) -> None:
    text, expected = CASES[name]
    found = rows(validate_text(text, syntax="yaml"))
    assert found == [
        (path, code, severity, message.replace(MALFORMED["python"], MALFORMED[loader]))
        for path, code, severity, message in expected
    ]


def test_the_c_loader_is_used_when_pyyaml_has_it() -> None:
    c_loader = getattr(yaml, "CSafeLoader", None)
    if c_loader is None:
        assert yaml_module._CLoader is None
    else:
        assert yaml_module._CLoader is not None
        assert issubclass(yaml_module._CLoader, c_loader)


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


def test_a_yaml_boolean_where_a_word_belongs_says_to_quote_it() -> None:
    text = (
        "kind: routine\nformat_version: 2\nname: Hips\nitems:\n"
        "  - exercise: figure-4-stretch\n    reps: 3\n    side: no\n"
        "  - exercise: knees-to-chest\n    reps: 3\n    deviation: off\n"
    )
    note = " (YAML reads an unquoted no, off, yes or on as false or true: quote it)"
    assert [str(found) for found in validate_text(text, syntax="yaml").problems] == [
        "/items/0/side: error bad-enum: 'side' must be one of 'left', 'right', 'both': false"
        + note,
        "/items/1/deviation: error wrong-type: 'deviation' must be a reason in words, or null: "
        "false" + note,
    ]
    quoted = text.replace("side: no", "side: 'left'").replace("deviation: off", "notes: 'off'")
    assert validate_text(quoted, syntax="yaml").ok
