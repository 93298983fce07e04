"""The validator: exact problem lists for bad documents, and its invariants as properties."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from solpt_rehab import (
    DocumentError,
    Exercise,
    Problem,
    Report,
    Severity,
    catalog,
    from_document,
    loads,
    to_document,
    validate,
    validate_text,
)
from solpt_rehab._core.problems import problem
from solpt_rehab._model.rules import show
from solpt_rehab._wire import validate as validate_module
from solpt_rehab._wire.documents import Kind
from solpt_rehab._wire.markers import UNSOUND
from solpt_rehab._wire.validate import EXERCISE_RULES, read
from wire_strategies import json_values, mutated, values

E, W = "error", "warning"
Row = tuple[str, str, str, str]


def rows(report: Report) -> list[Row]:
    return [(p.path, p.code, p.severity.value, p.message) for p in report.problems]


def knees() -> dict[str, Any]:
    return to_document(catalog.get("knees-to-chest"))


def edit(
    change: Callable[[dict[str, Any]], object], base: Callable[[], dict[str, Any]] = knees
) -> dict[str, Any]:
    document = base()
    change(document)
    return document


def routine(*items: object, **extra: Any) -> dict[str, Any]:
    return {"kind": "routine", "format_version": 2, "name": "hips", "items": list(items), **extra}


REGIONS = (
    "'neck', 'shoulder', 'upper-arm', 'forearm', 'chest', 'upper-back', 'lower-back', "
    "'abdomen', 'hip', 'buttock', 'thigh', 'lower-leg'"
)


def _many_exercise_errors(doc: dict[str, Any]) -> None:
    doc["hold"] = {"min_seconds": 30, "max_seconds": 20}
    doc["steps"] = [step for step in doc["steps"] if step["kind"] != "hold"]
    doc["repetitions"]["min_reps"] = 2.5
    doc["repetitions"]["rest"] = {"min_seconds": 5}
    doc["equipment"][0]["optional"] = "no"
    doc["regions"] = ["hip", "knee"]
    doc["source"]["title"] = "   "
    doc["colour"] = "red"


def _more_exercise_errors(doc: dict[str, Any]) -> None:
    doc["repetitions"] = {
        "min_reps": 0,
        "max_reps": None,
        "laterality": "each-side",
        "counting": None,
        "rest": {},
    }
    doc["id"] = "Knees To Chest"
    doc["name"] = "x" * 20_000
    doc["steps"][0]["text"] = 5
    del doc["purpose"]


CASES: dict[str, tuple[object, list[Row]]] = {
    "not an object": (
        [1, 2],
        [("", "wrong-type", E, "the document must be a JSON object: [1, 2]")],
    ),
    "no header": (
        {},
        [
            ("/kind", "missing-key", E, "missing required key 'kind'"),
            ("/format_version", "missing-key", E, "missing required key 'format_version'"),
        ],
    ),
    "unknown kind and version": (
        {"kind": "plan", "format_version": 3, "name": "x"},
        [
            (
                "/kind",
                "wrong-kind",
                E,
                "'kind' must be one of 'exercise', 'catalog', 'routine', 'session-log': 'plan'",
            ),
            (
                "/format_version",
                "unknown-version",
                E,
                "'format_version' must be 1 or 2, the versions this library reads: 3",
            ),
        ],
    ),
    "version as a string or a bool": (
        {"kind": "catalog", "format_version": True, "exercises": []},
        [("/format_version", "wrong-type", E, "'format_version' must be an integer: true")],
    ),
    "every problem of one exercise": (
        edit(_many_exercise_errors),
        [
            (
                "/hold/max_seconds",
                "range-inverted",
                E,
                "'max_seconds' must be >= 'min_seconds' (30): 20",
            ),
            ("/repetitions/min_reps", "fractional", E, "'min_reps' must be a whole number: 2.5"),
            (
                "/repetitions/rest/max_seconds",
                "rest-incomplete",
                E,
                "'max_seconds' must be given with 'min_seconds' (5): null",
            ),
            ("/regions/1", "bad-enum", E, f"'regions[1]' must be one of {REGIONS}: 'knee'"),
            ("/equipment/0/optional", "wrong-type", E, "'optional' must be true or false: 'no'"),
            ("/source/title", "empty-text", E, "'title' must not be empty: '   '"),
            (
                "/steps",
                "hold-step-missing",
                E,
                (
                    "'steps' must include a step of kind 'hold', since the exercise has a hold: "
                    "['setup', 'move', 'setup', 'move', 'release', 'repeat']"
                ),
            ),
            ("/colour", "unknown-key", E, "unknown key 'colour'"),
        ],
    ),
    "more problems of one exercise": (
        edit(_more_exercise_errors),
        [
            (
                "/id",
                "not-a-slug",
                E,
                (
                    "'id' must be a slug of lowercase letters and digits joined by single hyphens: "
                    "'Knees To Chest'"
                ),
            ),
            (
                "/name",
                "too-long",
                E,
                "'name' must be at most 10000 characters long: 20000 characters",
            ),
            ("/steps/0/text", "wrong-type", E, "'text' must be a string: 5"),
            ("/repetitions/min_reps", "not-positive", E, "'min_reps' must be > 0: 0"),
            (
                "/repetitions/rest/text",
                "rest-undescribed",
                E,
                "'text' must say how the rest is documented when it has no seconds: null",
            ),
            (
                "/repetitions/counting",
                "counting-missing",
                E,
                (
                    "'counting' must be given for 'each-side' repetitions ('total' or "
                    "'per-side'): null"
                ),
            ),
        ],
    ),
    "missing keys, a misspelt one, wrong types": (
        {
            "kind": "exercise",
            "format_version": 2,
            "id": "march",
            "nmae": "March",
            "steps": "lift",
            "hold": 5,
            "repetitions": {
                "min_reps": "8",
                "max_reps": 4,
                "laterality": "bilateral",
                "counting": "total",
            },
        },
        [
            ("/name", "missing-key", E, "missing required key 'name'"),
            ("/steps", "wrong-type", E, "'steps' must be an array: 'lift'"),
            ("/hold", "wrong-type", E, "'hold' must be an object or null: 5"),
            (
                "/repetitions/min_reps",
                "wrong-type",
                E,
                "'min_reps' must be a whole number or null: '8'",
            ),
            (
                "/repetitions/counting",
                "counting-not-allowed",
                E,
                "'counting' must be null for 'bilateral' repetitions: 'total'",
            ),
            ("/nmae", "unknown-key", E, "unknown key 'nmae' (did you mean 'name'?)"),
        ],
    ),
    "numbers: a bool, NaN, a huge int": (
        edit(
            lambda doc: doc.update(
                hold={"min_seconds": True, "max_seconds": float("nan")},
                repetitions={"min_reps": 10**400, "laterality": "bilateral"},
            )
        ),
        [
            ("/hold/min_seconds", "wrong-type", E, "'min_seconds' must be a number: true"),
            ("/hold/max_seconds", "not-finite", E, "'max_seconds' must be finite: NaN"),
            (
                "/repetitions/min_reps",
                "number-too-large",
                E,
                "'min_reps' is beyond the range of a 64-bit float: an integer of about 401 digits",
            ),
        ],
    ),
    "a catalog with repeated ids": (
        {
            "kind": "catalog",
            "format_version": 2,
            "exercises": [
                edit(lambda doc: [doc.pop("kind"), doc.pop("format_version")]),
                edit(lambda doc: [doc.pop("format_version")]),
                edit(lambda doc: [doc.pop("kind"), doc.pop("format_version")]),
                7,
            ],
        },
        [
            ("/exercises/1/kind", "unknown-key", E, "unknown key 'kind'"),
            (
                "/exercises/1/id",
                "duplicate-id",
                E,
                "'id' must be unique in a catalog; exercises[0] has it too: 'knees-to-chest'",
            ),
            (
                "/exercises/2/id",
                "duplicate-id",
                E,
                "'id' must be unique in a catalog; exercises[0] has it too: 'knees-to-chest'",
            ),
            ("/exercises/3", "wrong-type", E, "'exercises[3]' must be an object: 7"),
        ],
    ),
    "a catalog without exercises": (
        {"kind": "catalog", "format_version": 2, "name": "mine"},
        [
            ("/exercises", "missing-key", E, "missing required key 'exercises'"),
            ("/name", "unknown-key", E, "unknown key 'name'"),
        ],
    ),
    "a routine's dose rules, references and warnings": (
        routine(
            {"exercise": "figure-4-stretch", "reps": 3, "hold_seconds": 45},
            {"exercise": "knees-to-chest", "reps": 8, "side": "left", "deviation": "post-op"},
            {"exercise": "lying-march", "reps": 8, "deviation": "none needed"},
            {"exercise": "figure-4-stretch", "reps": 12, "side": "right"},
            {"exercise": "bridge", "reps": "3", "side": "up"},
        ),
        [
            (
                "/items/0/hold_seconds",
                "hold-out-of-range",
                E,
                "'hold_seconds' is outside the documented 15-20 s of 'figure-4-stretch': 45",
            ),
            (
                "/items/0/side",
                "side-missing",
                E,
                (
                    "'figure-4-stretch' works the painful side only; 'side' must be 'left' or "
                    "'right': null"
                ),
            ),
            (
                "/items/1/reps",
                "deviation",
                W,
                (
                    "'reps' is outside the documented 3-5 of 'knees-to-chest', accepted as a "
                    "recorded deviation ('post-op'): 8"
                ),
            ),
            (
                "/items/1/side",
                "side-not-allowed",
                E,
                "'knees-to-chest' works both sides together; 'side' must be 'both' or null: 'left'",
            ),
            (
                "/items/2/deviation",
                "deviation",
                W,
                (
                    "a deviation is recorded although every dose is inside its documented range: "
                    "'none needed'"
                ),
            ),
            (
                "/items/3/reps",
                "reps-implausibly-high",
                W,
                "'reps' is more than 3 times the documented minimum of 'figure-4-stretch' (3+): 12",
            ),
            (
                "/items/4/exercise",
                "unknown-exercise",
                E,
                (
                    "'exercise' is neither embedded in this routine nor in the catalog (known "
                    "ids: 'figure-4-stretch', 'knees-to-chest', 'lying-march'): 'bridge'"
                ),
            ),
            ("/items/4/reps", "wrong-type", E, "'reps' must be a whole number: '3'"),
            ("/items/4/side", "bad-enum", E, "'side' must be one of 'left', 'right', 'both': 'up'"),
        ],
    ),
    "a routine's embedded exercises": (
        routine(
            {"exercise": "bridge", "reps": 2},
            {
                "exercise": edit(
                    lambda doc: doc.update(id="bridge", hold=None, steps=doc["steps"][:1]),
                    lambda: {
                        key: value
                        for key, value in knees().items()
                        if key not in ("kind", "format_version")
                    },
                ),
                "reps": 4,
                "hold_seconds": 5,
            },
            {"exercise": {"id": "bridge"}, "reps": 4},
            {"exercise": {"id": "plank", "name": ""}, "reps": 0, "colour": 1},
            {"reps": 1},
            3,
            frequency={"days_per_week": 8},
            weeks=0,
            remarks="x",
        ),
        [
            (
                "/items/0/reps",
                "reps-out-of-range",
                E,
                "'reps' is outside the documented 3-5 of 'bridge': 2",
            ),
            (
                "/items/1/hold_seconds",
                "hold-not-documented",
                E,
                "'bridge' has no documented hold to prescribe: 5",
            ),
            ("/items/2/exercise/name", "missing-key", E, "missing required key 'name'"),
            ("/items/2/exercise/steps", "missing-key", E, "missing required key 'steps'"),
            (
                "/items/2/exercise/repetitions",
                "missing-key",
                E,
                "missing required key 'repetitions'",
            ),
            (
                "/items/2/exercise/id",
                "duplicate-id",
                E,
                "'id' is embedded already by items[1]; refer to it by id: 'bridge'",
            ),
            ("/items/3/exercise/name", "empty-text", E, "'name' must not be empty: ''"),
            ("/items/3/exercise/steps", "missing-key", E, "missing required key 'steps'"),
            (
                "/items/3/exercise/repetitions",
                "missing-key",
                E,
                "missing required key 'repetitions'",
            ),
            ("/items/3/reps", "not-positive", E, "'reps' must be > 0: 0"),
            ("/items/3/colour", "unknown-key", E, "unknown key 'colour'"),
            ("/items/4/exercise", "missing-key", E, "missing required key 'exercise'"),
            ("/items/5", "wrong-type", E, "'items[5]' must be an object: 3"),
            ("/frequency/days_per_week", "above-maximum", E, "'days_per_week' must be <= 7: 8"),
            ("/weeks", "not-positive", E, "'weeks' must be > 0: 0"),
            ("/remarks", "unknown-key", E, "unknown key 'remarks'"),
        ],
    ),
    "a routine without items": (
        routine(name=" "),
        [
            ("/name", "empty-text", E, "'name' must not be empty: ' '"),
            ("/items", "empty-array", E, "'items' must hold at least one item: []"),
        ],
    ),
    "a routine whose items are no array, nor named": (
        {"kind": "routine", "format_version": 2, "items": {"exercise": "lying-march"}},
        [
            ("/name", "missing-key", E, "missing required key 'name'"),
            ("/items", "wrong-type", E, "'items' must be an array: {'exercise': 'lying-march'}"),
        ],
    ),
    "a routine expected, an exercise given": (
        knees(),
        [("/kind", "wrong-kind", E, "'kind' must be 'routine' here: 'exercise'")],
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_every_problem_of_a_bad_document_comes_back_at_once(name: str) -> None:
    document, expected = CASES[name]
    kind: Kind | None = "routine" if name == "a routine expected, an exercise given" else None
    assert rows(validate(document, kind=kind)) == expected
    with pytest.raises(DocumentError) as raised:
        from_document(document, kind=kind)
    assert rows(Report(problems=raised.value.problems)) == expected


def test_a_document_with_only_warnings_is_ok_and_reads() -> None:
    document = routine({"exercise": "lying-march", "reps": 8, "deviation": "none needed"})
    report = validate(document)
    assert (report.ok, report.codes, len(report.warnings), report.errors) == (
        True,
        ("deviation",),
        1,
        (),
    )
    assert from_document(document, kind="routine").items[0].deviation == "none needed"


def test_the_report_prints_one_problem_a_line() -> None:
    assert str(validate({"kind": "exercise"})) == (
        "/format_version: error missing-key: missing required key 'format_version'\n"
        "/id: error missing-key: missing required key 'id'\n"
        "/name: error missing-key: missing required key 'name'\n"
        "/steps: error missing-key: missing required key 'steps'\n"
        "/repetitions: error missing-key: missing required key 'repetitions'"
    )
    assert str(validate(knees())) == "ok"


def test_a_bad_format_version_hides_no_other_problem() -> None:
    # The rest is read by the newest version's rules: a key new in version 2 is no problem.
    document = {
        **knees(),
        "format_version": "1",
        "id": "Knees",
        "name": "",
        "sets": {"min_sets": 0},
        "tempo": "slow",
        "force": "pull",
    }
    assert [(p.path, p.code, p.message) for p in validate(document).problems] == [
        ("/format_version", "wrong-type", "'format_version' must be an integer: '1'"),
        (
            "/id",
            "not-a-slug",
            (
                "'id' must be a slug of lowercase letters and digits joined by single hyphens: "
                "'Knees'"
            ),
        ),
        ("/name", "empty-text", "'name' must not be empty: ''"),
        ("/sets/min_sets", "not-positive", "'min_sets' must be > 0: 0"),
        ("/tempo", "unknown-key", "unknown key 'tempo'"),
        ("/force", "unknown-key", "unknown key 'force'"),
    ]
    unknown_version = {**document, "format_version": 7}
    assert [p.code for p in validate(unknown_version).problems] == [
        "unknown-version",
        "not-a-slug",
        "empty-text",
        "not-positive",
        "unknown-key",
        "unknown-key",
    ]
    wrong_kind = {**document, "kind": "exercize"}
    assert [p.code for p in validate(wrong_kind).problems] == ["wrong-kind", "wrong-type"]


def test_an_unknown_routine_exercise_gets_a_did_you_mean_as_in_the_builder() -> None:
    document = {
        "kind": "routine",
        "format_version": 2,
        "name": "Hips",
        "items": [{"exercise": "lying-marsh", "reps": 10}],
    }
    assert [(p.path, p.code, p.message) for p in validate(document).problems] == [
        (
            "/items/0/exercise",
            "unknown-exercise",
            (
                "'exercise' is neither embedded in this routine nor in the catalog (did you mean "
                "'lying-march'?): 'lying-marsh'"
            ),
        )
    ]


def test_the_documented_catalog_reads_back_exactly() -> None:
    assert from_document(to_document(catalog.all())) == catalog.all()
    for exercise in catalog.all():
        assert from_document(to_document(exercise), kind="exercise") == exercise


def test_a_side_left_out_takes_the_default_and_is_written_out() -> None:
    read_back = from_document(routine({"exercise": "lying-march", "reps": 9}), kind="routine")
    assert read_back.items[0].side.value == "both"
    assert to_document(read_back)["items"][0] == {
        "exercise": "lying-march",
        "hold_seconds": None,
        "reps": 9,
        "side": "both",
        "deviation": None,
        "sets": None,
        "work_seconds": None,
        "load": None,
        "notes": None,
        "progression": [],
    }


@given(values)
def test_every_valid_value_validates_and_reads_back_equal(value: Any) -> None:
    document = to_document(value)
    report = validate(document)
    assert report.ok, str(report)
    assert from_document(document) == value


@given(values.flatmap(lambda value: mutated(to_document(value))))
def test_validate_and_from_document_agree_and_the_fast_path_changes_nothing(
    document: dict[str, Any],
) -> None:
    before = copy.deepcopy(document)
    built_fast, read_fast = read(document)
    built_slow, read_slow = read(document, fast=False)
    fast, slow = read_fast.report(), read_slow.report()
    assert fast == slow
    assert built_fast == built_slow
    assert (built_fast is UNSOUND) == (not fast.ok)
    if fast.ok:
        assert from_document(document) == built_fast
    else:
        with pytest.raises(DocumentError) as raised:
            from_document(document)
        assert raised.value.problems == fast.problems
    assert document == before  # nothing the caller passed is modified


@given(json_values)
def test_any_json_value_gets_a_report_never_an_exception(document: Any) -> None:
    assert isinstance(validate(document), Report)


@given(
    st.dictionaries(
        st.sampled_from(["kind", "format_version", "id", "exercises", "items"]), json_values
    )
)
def test_any_object_with_header_keys_gets_a_report(document: dict[str, Any]) -> None:
    document.setdefault("format_version", 1)
    for kind in ("exercise", "catalog", "routine"):
        assert isinstance(validate({**document, "kind": kind}), Report)


def test_values_that_are_not_json_are_problems_too() -> None:
    nested: list[Any] = []
    for _ in range(100_000):
        nested = [nested]
    cyclic: list[Any] = []
    cyclic.append(cyclic)
    document = edit(
        lambda doc: doc.update(
            name={1, 2}, purpose=b"x", regions=nested, steps=cyclic, position=(1,)
        )
    )
    assert [(path, code) for path, code, _, _ in rows(validate(document))] == [
        ("/name", "wrong-type"),
        ("/purpose", "wrong-type"),
        ("/steps/0", "wrong-type"),
        ("/regions/0", "bad-enum"),
        ("/position", "bad-enum"),
    ]


def test_show_keeps_messages_short_and_safe() -> None:
    assert show("x" * 100) == "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'... (100 characters)"
    assert show(list(range(10))) == "an array of 10 items"
    assert show({"a": [1, [2, [3]]]}) == "{'a': [1, an array of 2 items]}"
    assert show(10**5000) == "an integer of about 5001 digits"
    assert show(object()) == "a object value"


def test_an_exercise_rule_sees_every_sound_exercise_with_its_place() -> None:
    seen: list[tuple[str, tuple[str | int, ...]]] = []

    def rule(exercise: Exercise, at: tuple[str | int, ...]) -> list[Problem]:
        seen.append((exercise.id, at))
        return [problem((*at, "steps", 0), "deviation", "a rule's warning")]

    EXERCISE_RULES.append(rule)
    try:
        document = routine(
            {"exercise": "lying-march", "reps": 8},
            {"exercise": {**to_document(catalog.get("lying-march")), "id": "march"}, "reps": 8},
        )
        document["items"][1]["exercise"].pop("kind")
        document["items"][1]["exercise"].pop("format_version")
        report = validate(document)
        catalog_report = validate(to_document(catalog.all()[:1]))
    finally:
        EXERCISE_RULES.remove(rule)
    assert seen == [("march", ("items", 1, "exercise")), ("figure-4-stretch", ("exercises", 0))]
    assert [(p.path, p.severity) for p in (*report.problems, *catalog_report.problems)] == [
        ("/items/1/exercise/steps/0", Severity.WARNING),
        ("/exercises/0/steps/0", Severity.WARNING),
    ]


@given(
    values.flatmap(
        lambda value: mutated(to_document(value), by=json_values | st.floats() | st.integers())
    )
)
def test_any_json_value_anywhere_gets_a_report_and_both_passes_agree(
    document: dict[str, Any],
) -> None:
    built_fast, fast = read(document)
    built_slow, slow = read(document, fast=False)
    assert (fast.report(), built_fast) == (slow.report(), built_slow)


def test_an_exercise_rule_may_only_warn() -> None:
    def rule(_exercise: Exercise, at: tuple[str | int, ...]) -> list[Problem]:
        return [problem((*at, "id"), "duplicate-id", "an error from a rule")]

    EXERCISE_RULES.append(rule)
    try:
        with pytest.raises(AssertionError, match="exercise rules may only warn"):
            validate(knees())
    finally:
        EXERCISE_RULES.remove(rule)


def test_reading_a_value_skips_the_warning_rules_unless_the_content_has_an_error() -> None:
    seen: list[str] = []

    def rule(exercise: Exercise, at: tuple[str | int, ...]) -> list[Problem]:
        seen.append(exercise.id)
        return [problem((*at, "name"), "deviation", "a rule's warning")]

    good = to_document(catalog.all())
    bad = to_document(catalog.all())
    bad["exercises"][2]["hold"]["min_seconds"] = -1
    EXERCISE_RULES.append(rule)
    try:
        assert from_document(good) == catalog.all()
        assert loads(json.dumps(good)) == catalog.all()
        assert seen == []
        with pytest.raises(DocumentError) as raised:
            from_document(bad)
        assert raised.value.problems == validate(bad).problems
        assert [p.path for p in raised.value.problems] == [
            "/exercises/0/name",
            "/exercises/1/name",
            "/exercises/2/hold/min_seconds",
        ]
        march = {**to_document(catalog.get("lying-march")), "id": "march"}
        del march["kind"], march["format_version"]
        broken = routine(
            {"exercise": "knees-to-chest", "reps": 0},
            {"exercise": "march", "reps": 8},
            {"exercise": march, "reps": 8, "side": "sideways"},
        )
        with pytest.raises(DocumentError) as raised:
            from_document(broken)
        assert raised.value.problems == validate(broken).problems
        assert [(p.path, p.code) for p in raised.value.problems] == [
            ("/items/0/reps", "not-positive"),
            ("/items/2/exercise/name", "deviation"),
            ("/items/2/side", "bad-enum"),
        ]
    finally:
        EXERCISE_RULES.remove(rule)


@given(values.flatmap(lambda value: mutated(to_document(value))))
def test_reading_without_warnings_differs_only_by_the_rules_warnings(
    document: dict[str, Any],
) -> None:
    built, read_fully = read(document)
    built_quietly, read_quietly = read(document, warnings=False)
    full, quiet = read_fully.report(), read_quietly.report()
    assert built_quietly == built
    if full.ok:
        rules = {"prose-hold-mismatch", "prose-reps-mismatch"}
        assert quiet.problems == tuple(p for p in full.problems if p.code not in rules)
    else:
        assert quiet == full


# -- texts that are not valid Unicode --------------------------------------------------------------


def _not_unicode(name: str, code_point: str, index: int, shown: str) -> str:
    return (
        f"{name!r} must be valid Unicode (U+{code_point} at index {index} is a surrogate code "
        f"point): {shown}"
    )


def _surrogates_everywhere(doc: dict[str, Any]) -> None:
    doc["name"] = "Knees to chest\ud800"
    doc["purpose"] = "\udfff"
    doc["steps"][0]["text"] = "Lie\udc00 on your back."
    doc["steps"][1]["distance"] = "a few \ud83d inches"
    doc["repetitions"]["min_reps"] = 0
    doc["repetitions"]["rest"] = {"text": "a moment\ud800"}
    doc["equipment"][0]["alternatives"] = ["bed", "\ud800"]
    doc["source"]["publisher"] = "\ud800"
    doc["source"]["locator"] = "exercise 2" + "x" * 80 + "\ud800"
    doc["colour"] = "red"


def _embedded(document: dict[str, Any]) -> dict[str, Any]:
    """An exercise document as a routine embeds it, without the header keys."""
    return {key: value for key, value in document.items() if key not in ("kind", "format_version")}


def _own_knees_with_a_surrogate(doc: dict[str, Any]) -> None:
    doc["id"] = "own-knees"
    doc["steps"][2]["text"] = "Let go\ud800."


SURROGATE_CASES: dict[str, tuple[object, list[Row]]] = {
    "an exercise": (
        edit(_surrogates_everywhere),
        [
            (
                "/name",
                "invalid-unicode",
                E,
                _not_unicode("name", "D800", 14, r"'Knees to chest\ud800'"),
            ),
            ("/purpose", "invalid-unicode", E, _not_unicode("purpose", "DFFF", 0, r"'\udfff'")),
            (
                "/steps/0/text",
                "invalid-unicode",
                E,
                _not_unicode("text", "DC00", 3, r"'Lie\udc00 on your back.'"),
            ),
            (
                "/steps/1/distance",
                "invalid-unicode",
                E,
                _not_unicode("distance", "D83D", 6, r"'a few \ud83d inches'"),
            ),
            ("/repetitions/min_reps", "not-positive", E, "'min_reps' must be > 0: 0"),
            (
                "/repetitions/rest/text",
                "invalid-unicode",
                E,
                _not_unicode("text", "D800", 8, r"'a moment\ud800'"),
            ),
            (
                "/equipment/0/alternatives/1",
                "invalid-unicode",
                E,
                _not_unicode("alternatives[1]", "D800", 0, r"'\ud800'"),
            ),
            (
                "/source/publisher",
                "invalid-unicode",
                E,
                _not_unicode("publisher", "D800", 0, r"'\ud800'"),
            ),
            (
                "/source/locator",
                "invalid-unicode",
                E,
                _not_unicode(
                    "locator", "D800", 90, "'exercise 2" + "x" * 30 + "'... (91 characters)"
                ),
            ),
            ("/colour", "unknown-key", E, "unknown key 'colour'"),
        ],
    ),
    "a routine, an embedded exercise, a deviation and a reference": (
        routine(
            {
                "exercise": _embedded(edit(_own_knees_with_a_surrogate)),
                "reps": 3,
            },
            {"exercise": "lying-march", "reps": 20, "deviation": "after review\ud800"},
            {"exercise": "lying\ud800march", "reps": 0},
            name="Hips\udfff",
        ),
        [
            ("/name", "invalid-unicode", E, _not_unicode("name", "DFFF", 4, r"'Hips\udfff'")),
            (
                "/items/0/exercise/steps/2/text",
                "invalid-unicode",
                E,
                _not_unicode("text", "D800", 6, r"'Let go\ud800.'"),
            ),
            (
                "/items/1/deviation",
                "invalid-unicode",
                E,
                _not_unicode("deviation", "D800", 12, r"'after review\ud800'"),
            ),
            # Without a reason that can be written down, the dose outside its range is an error.
            (
                "/items/1/reps",
                "reps-out-of-range",
                E,
                "'reps' is outside the documented 8-10 of 'lying-march': 20",
            ),
            (
                "/items/2/exercise",
                "invalid-unicode",
                E,
                _not_unicode("exercise", "D800", 5, r"'lying\ud800march'"),
            ),
            ("/items/2/reps", "not-positive", E, "'reps' must be > 0: 0"),
        ],
    ),
    "a catalog": (
        edit(
            lambda doc: doc["exercises"][1]["steps"][0].update(text="Lie face up.\ud800"),
            base=lambda: to_document(catalog.all()),
        ),
        [
            (
                "/exercises/1/steps/0/text",
                "invalid-unicode",
                E,
                _not_unicode("text", "D800", 12, r"'Lie face up.\ud800'"),
            )
        ],
    ),
}


@pytest.mark.parametrize("name", list(SURROGATE_CASES))
def test_a_surrogate_in_any_text_is_an_error_where_it_stands(name: str) -> None:
    document, expected = SURROGATE_CASES[name]
    assert rows(validate(document)) == expected
    with pytest.raises(DocumentError) as raised:
        from_document(document)
    assert rows(Report(problems=raised.value.problems)) == expected
    # As JSON text, each surrogate is a "\ud800" escape: loads and validate_text agree.
    text = json.dumps(document)
    assert "\\ud800" in text
    assert rows(validate_text(text)) == expected
    with pytest.raises(DocumentError) as raised:
        loads(text)
    assert rows(Report(problems=raised.value.problems)) == expected


def test_a_surrogate_pair_in_json_text_is_one_valid_character() -> None:
    text = json.dumps(edit(lambda doc: doc.update(name="Knees to chest \U0001f600")))
    assert "\\ud83d\\ude00" in text
    assert loads(text, kind="exercise").name == "Knees to chest \U0001f600"


def test_a_document_error_finds_the_warnings_only_when_asked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[str] = []

    def rule(exercise: Exercise, at: tuple[str | int, ...]) -> list[Problem]:
        calls.append(exercise.id)
        return [problem((*at, "name"), "prose-reps-mismatch", "a warning of a rule")]

    monkeypatch.setattr(validate_module, "EXERCISE_RULES", [rule])
    document = to_document(catalog.all())
    document["exercises"][2]["name"] = ""
    with pytest.raises(DocumentError) as raised:
        from_document(document)
    error = raised.value
    assert calls == []
    assert [(p.path, p.code) for p in error.errors] == [("/exercises/2/name", "empty-text")]
    assert str(error) == (
        "the document has 1 error:\n"
        "  /exercises/2/name: error empty-text: 'name' must not be empty: ''"
    )
    assert calls == []
    assert [(p.path, p.code) for p in error.problems] == [
        ("/exercises/0/name", "prose-reps-mismatch"),
        ("/exercises/1/name", "prose-reps-mismatch"),
        ("/exercises/2/name", "empty-text"),
    ]
    assert calls == ["figure-4-stretch", "knees-to-chest"]
    assert error.errors == error.problems[2:]


def test_a_dose_that_is_an_array_or_an_object_is_shown_as_json() -> None:
    document = {
        "kind": "routine",
        "format_version": 2,
        "name": "Hips",
        "items": [{"exercise": "lying-march", "reps": [1, None], "hold_seconds": {"a": True}}],
    }
    assert [(p.path, p.code, p.message) for p in validate(document).problems] == [
        ("/items/0/hold_seconds", "wrong-type", "'hold_seconds' must be a number: {'a': true}"),
        ("/items/0/reps", "wrong-type", "'reps' must be a whole number: [1, null]"),
    ]
