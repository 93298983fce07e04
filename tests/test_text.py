"""Raw text: every kind of bad input is a problem with a place, never an exception."""

from __future__ import annotations

import contextlib
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from solpt_rehab import DocumentError, Report, catalog, dumps, loads, to_document, validate_text
from solpt_rehab._wire.documents import Kind
from solpt_rehab._wire.fast import decode_text
from solpt_rehab._wire.markers import UNSOUND
from solpt_rehab._wire.text import keys_unrepeated, parse_json, text_of
from solpt_rehab._wire.validate import read, read_catalog_text
from wire_strategies import _copy, _paths, json_values, mutated, values

E, W = "error", "warning"
MARCH = dumps(catalog.get("lying-march"))
ROUTINE = '{"kind": "routine", "format_version": 2, "name": "r", "items": [%s]}'


def rows(report: Report) -> list[tuple[str, str, str, str]]:
    return [(p.path, p.code, p.severity.value, p.message) for p in report.problems]


def march(old: str, new: str) -> str:
    assert old in MARCH
    return MARCH.replace(old, new)


CASES: dict[str, tuple[str | bytes, list[tuple[str, str, str, str]]]] = {
    "malformed JSON, with line and column": (
        '{"kind": "exercise",\n  "format_version": 2,\n  "id": }',
        [("", "malformed-json", E, "the text is not JSON: expecting value at line 3 column 9")],
    ),
    "an empty file": (b"", [("", "empty-document", E, "the text is empty: there is no document")]),
    "white space only": (
        " \n\t",
        [("", "empty-document", E, "the text is empty: there is no document")],
    ),
    "UTF-16": (
        "\ufeff{}".encode("utf-16-le"),
        [
            (
                "",
                "invalid-utf8",
                E,
                "the text must be UTF-8; it starts with a UTF-16 byte-order mark",
            )
        ],
    ),
    "invalid UTF-8": (
        b'{"kind":\n "exer\xe9cise"}',
        [
            (
                "",
                "invalid-utf8",
                E,
                "the text is not UTF-8: byte 0xe9 at line 2 column 7 (byte offset 15)",
            )
        ],
    ),
    "NaN and a number too large for a float": (
        march('"min_seconds": 2', '"min_seconds": NaN').replace(
            '"max_seconds": 3', '"max_seconds": -1e400'
        ),
        [
            (
                "/hold/min_seconds",
                "non-finite-literal",
                E,
                "'min_seconds' is a literal that JSON does not allow: NaN",
            ),
            (
                "/hold/max_seconds",
                "number-too-large",
                E,
                "'max_seconds' is beyond the range of a 64-bit float: -1e400",
            ),
        ],
    ),
    "Infinity where a kind belongs": (
        '{"kind": Infinity, "format_version": 2}',
        [
            (
                "/kind",
                "non-finite-literal",
                E,
                "'kind' is a literal that JSON does not allow: Infinity",
            )
        ],
    ),
    "an integer of 400 digits": (
        march('"min_reps": 8', '"min_reps": 1' + "0" * 400),
        [
            (
                "/repetitions/min_reps",
                "number-too-large",
                E,
                "'min_reps' is beyond the range of a 64-bit float: an integer of about 401 digits",
            )
        ],
    ),
    "an integer of 5000 digits": (
        '{"kind": "exercise",\n "id": ' + "9" * 5000 + "}",
        [
            (
                "",
                "number-too-large",
                E,
                (
                    "a number has thousands of digits, beyond the range of a 64-bit float, at line "
                    "2 column 8"
                ),
            )
        ],
    ),
    "repeated keys": (
        march('"name": "Lying march"', '"name": "Lying march", "name": "x", "name": "y"').replace(
            '"laterality": "alternating"', '"laterality": "alternating", "laterality": "bilateral"'
        ),
        [
            (
                "/name",
                "duplicate-key",
                E,
                "key 'name' appears 3 times in one object; the last value is used",
            ),
            (
                "/repetitions/counting",
                "counting-not-allowed",
                E,
                "'counting' must be null for 'bilateral' repetitions: 'total'",
            ),
            (
                "/repetitions/laterality",
                "duplicate-key",
                E,
                "key 'laterality' appears 2 times in one object; the last value is used",
            ),
        ],
    ),
    "nesting 100,000 levels deep": (
        "[" * 100_000 + "]" * 100_000,
        [
            (
                "",
                "too-deep",
                E,
                (
                    "arrays and objects are nested 100000 deep, more than the parser can follow; "
                    "the deepest point is at line 1 column 100000"
                ),
            )
        ],
    ),
    "a 10 MB string": (
        march('"name": "Lying march"', '"name": "' + "x" * 10_000_000 + '"'),
        [
            (
                "/name",
                "too-long",
                E,
                "'name' must be at most 10000 characters long: 10000000 characters",
            )
        ],
    ),
    "strings and booleans where numbers belong, long strings in a dose": (
        ROUTINE
        % (
            '{"exercise": "lying-march", "reps": "9", "hold_seconds": true}, '
            '{"exercise": "lying-march", "reps": "'
            + "9" * 100
            + '", "deviation": "'
            + "y" * 20_000
            + '"}'
        ),
        [
            ("/items/0/hold_seconds", "wrong-type", E, "'hold_seconds' must be a number: true"),
            ("/items/0/reps", "wrong-type", E, "'reps' must be a whole number: '9'"),
            (
                "/items/1/deviation",
                "too-long",
                E,
                "'deviation' must be at most 10000 characters long: 20000 characters",
            ),
            (
                "/items/1/reps",
                "wrong-type",
                E,
                (
                    "'reps' must be a whole number: '9999999999999999999999999999999999999999'... "
                    "(100 characters)"
                ),
            ),
        ],
    ),
    "a byte-order mark, then a valid document": (
        b"\xef\xbb\xbf" + MARCH.encode(),
        [("", "byte-order-mark", W, "the text starts with a byte-order mark (U+FEFF)")],
    ),
    "the wrong kind": (
        MARCH.replace('"kind": "exercise"', '"kind": "catalog"'),
        [
            ("/exercises", "missing-key", E, "missing required key 'exercises'"),
            *[
                ("/" + key, "unknown-key", E, f"unknown key {key!r}")
                for key in [
                    "id",
                    "name",
                    "purpose",
                    "steps",
                    "hold",
                    "repetitions",
                    "sets",
                    "timed_work",
                    "load",
                    "effort",
                    "regions",
                    "position",
                    "level",
                    "category",
                    "equipment",
                    "precautions",
                    "media",
                    "source",
                ]
            ],
        ],
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_bad_text_is_a_problem_with_its_place(name: str) -> None:
    text, expected = CASES[name]
    assert rows(validate_text(text)) == expected


@pytest.mark.parametrize("name", [name for name in CASES if "byte-order mark, then" not in name])
def test_loads_raises_document_error_with_the_same_problems(name: str) -> None:
    text, expected = CASES[name]
    with pytest.raises(DocumentError) as raised:
        loads(text)
    assert rows(Report(problems=raised.value.problems)) == expected


def test_loads_reads_text_and_bytes_alike() -> None:
    assert loads(MARCH) == loads(MARCH.encode()) == catalog.get("lying-march")
    assert loads(b"\xef\xbb\xbf" + MARCH.encode(), kind="exercise") == catalog.get("lying-march")


def test_loads_refuses_what_is_not_text_with_a_document_error() -> None:
    with pytest.raises(DocumentError) as raised:
        loads(5)  # type: ignore[call-overload]
    assert [p.message for p in raised.value.problems] == ["the text must be str or bytes: int"]


def test_the_document_error_message_lists_every_problem() -> None:
    with pytest.raises(DocumentError) as raised:
        loads('{"kind": "exercise"}')
    assert str(raised.value) == (
        "the document has 5 errors:\n"
        "  /format_version: error missing-key: missing required key 'format_version'\n"
        "  /id: error missing-key: missing required key 'id'\n"
        "  /name: error missing-key: missing required key 'name'\n"
        "  /steps: error missing-key: missing required key 'steps'\n"
        "  /repetitions: error missing-key: missing required key 'repetitions'"
    )


@given(st.text(max_size=60) | st.binary(max_size=60))
def test_any_text_gets_a_report(text: str | bytes) -> None:
    assert isinstance(validate_text(text), Report)


@given(
    st.lists(
        st.sampled_from(
            ['{"kind"', ': "exercise"', ", ", "[", "]", "{", "}", "NaN", "1e999", '"x"', ":", "1"]
        ),
        max_size=12,
    ).map("".join)
)
def test_json_like_text_loads_or_raises_only_document_error(text: str) -> None:
    with contextlib.suppress(DocumentError):  # anything else fails the test
        loads(text)


# -- the quick parse: trusted only when nothing the precise parse reports can hide in it ----------


class Raw(str):
    """Text written into a document as it is: a literal such as ``NaN`` or ``1e400``."""

    __slots__ = ()


class Repeated(dict[str, Any]):
    """An object written with ``key`` twice: first ``value``, then the object's own value."""

    __slots__ = ("key", "value")

    key: str
    value: Any


def render(value: Any, layout: tuple[str, str]) -> str:
    """JSON text for ``value``, with ``Raw`` literals and ``Repeated`` keys, in ``layout``."""
    comma, colon = layout
    if isinstance(value, Raw):
        return str(value)
    if isinstance(value, dict):
        pairs = [(key, element) for key, element in value.items()]
        if isinstance(value, Repeated):
            pairs.insert(0, (value.key, value.value))
        inner = comma.join(
            json.dumps(key) + colon + render(element, layout) for key, element in pairs
        )
        return "{" + inner + "}"
    if isinstance(value, list):
        return "[" + comma.join(render(element, layout) for element in value) + "]"
    return json.dumps(value)


LAYOUTS = st.sampled_from([(", ", ": "), (",", ":"), (",\n  ", " : "), (",\t", "\t:\r\n ")])
LITERALS = st.sampled_from(["NaN", "Infinity", "-Infinity", "1e400", "-1e999", "1E+309"])
TRICKY = st.sampled_from(['say "hi": now', 'a" : b', "http://x.org/a:b", "\\", '":', "x"])


@st.composite
def text_documents(draw: st.DrawFn) -> str:
    """A valid document as text, often with one change only the precise parse reads exactly."""
    document: Any = _copy(to_document(draw(values)))
    at = draw(st.sampled_from(_paths(document)))
    parent: Any = None
    target = document
    for token in at:
        parent, target = target, target[token]
    change = draw(st.sampled_from(["none", "repeat", "literal", "string"]))
    if change == "repeat" and isinstance(target, dict) and target:
        repeated = Repeated(target)
        repeated.key = draw(st.sampled_from(sorted(target)))
        repeated.value = draw(json_values | st.just(target[repeated.key]))
        target = repeated
    elif change == "literal":
        target = Raw(draw(LITERALS))
    elif change == "string":
        target = draw(TRICKY)
    if parent is None:
        document = target
    else:
        parent[at[-1]] = target
    return render(document, draw(LAYOUTS))


def precise(text: str, kind: Kind | None = None) -> tuple[Any, Report]:
    """What reading the text gives with the precise parse and the detailed pass alone."""
    decoded, found = text_of(text)
    assert decoded is not None
    value, problems, _ = parse_json(decoded)
    if any(item.is_error for item in problems):
        return UNSOUND, Report(problems=[*found, *problems])
    built, outcome = read(value, kind=kind, fast=False)
    return built, Report(problems=(*found, *problems, *outcome.resolve()))


@given(text_documents())
def test_the_fast_decoder_changes_nothing(text: str) -> None:
    built, expected = precise(text)
    assert validate_text(text) == expected
    if expected.ok:
        assert loads(text) == built
    else:
        with pytest.raises(DocumentError) as raised:
            loads(text)
        assert raised.value.problems == expected.problems


@pytest.mark.parametrize(
    ("text", "keys", "unrepeated"),
    [
        ('{"a": 1, "b": {"c": 2}}', 3, True),
        ('{"a": 1, "a": 2}', 1, False),
        ('{"a" : 1, "a"\n:2}', 1, False),
        ('{"a" : 1,\r\n "b"\t: 2}', 2, True),
        ('{"a": "x:y", "b": "http://example.org"}', 2, True),
        ('{"a": "say \\"hi\\": now"}', 1, False),  # unsure, so parsed again precisely
        ('{"a": "say \\"hi\\" : now"}', 1, False),
        ("[1, 2]", 0, True),
    ],
)
def test_the_text_bounds_its_keys(text: str, keys: int, unrepeated: bool) -> None:
    assert keys_unrepeated(text, keys) is unrepeated


def test_the_fast_decoder_hands_over_whatever_it_cannot_vouch_for() -> None:
    document = to_document(catalog.all())
    assert decode_text(json.dumps(document), None) == catalog.all()
    assert decode_text(json.dumps(document), "catalog") == catalog.all()
    for text in (
        '{"a": NaN}',
        "[-Infinity]",
        '{"a": }',
        "[" * 100_000,
        "1" * 5000,
        json.dumps(document).replace('"kind": "catalog", ', ""),  # the kind left out
        json.dumps(document).replace('"format_version": 2', '"format_version": 2.0'),
        json.dumps(document).replace('"format_version": 2', '"format_version": true'),
        json.dumps(document).replace(
            '"level": "beginner"', '"level": "beginner", "level": "expert"'
        ),
        json.dumps(document).replace('"level": "beginner"', '"level": "beginner", "colour": "red"'),
        json.dumps(document).replace('"min_reps": 3', '"min_reps": 1e400'),
        json.dumps(document).replace('"min_reps": 3', '"min_reps": ' + "9" * 400),
        json.dumps(document).replace('"figure-4-stretch"', '"figure-4-stretch\\n"'),
    ):
        assert decode_text(text, None) is UNSOUND, text[:80]
    assert decode_text(json.dumps(document), "exercise") is UNSOUND
    assert decode_text(json.dumps(document), "routine") is UNSOUND


@given(st.data())
def test_a_catalog_with_errors_is_read_exercise_by_exercise_as_the_whole(
    data: st.DataObject,
) -> None:
    document = to_document(data.draw(st.lists(st.sampled_from(catalog.all()), min_size=1)))
    exercises = document["exercises"]
    index = data.draw(st.integers(0, len(exercises) - 1))
    exercises[index] = data.draw(mutated({"exercise": exercises[index]})).get("exercise", 7)
    text = json.dumps(document)
    by_exercise = read_catalog_text(text, warnings=True)
    if by_exercise is None:  # the change made the exercise no object: read whole, as it must
        assert not isinstance(exercises[index], dict)
        return
    built, outcome = by_exercise
    expected_built, expected = precise(text)
    assert outcome.report() == expected
    assert built == expected_built


def test_a_top_level_fault_is_read_whole() -> None:
    text = json.dumps(to_document(catalog.all()))
    for changed in (
        text.replace('"kind": "catalog"', '"kind": "catalog", "kind": "catalog"'),
        text.replace('"format_version": 2', '"format_version": 2, "extra": 1'),
        text.replace('"format_version": 2', '"format_version": 3'),
        '{"kind": "catalog", "format_version": 2, "exercises": [{"id": NaN}]}',
    ):
        assert read_catalog_text(changed, warnings=True) is None, changed[:60]
