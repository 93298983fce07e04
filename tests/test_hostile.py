"""Every reproducer of issue 17 (hostile input): a clear answer, never a traceback.

Each test feeds one reproducer to the public entry points it reached and asserts the full answer.
None of them looks at a time: ``benchmarks/hostile.py`` measures how each family grows, and
``tests/test_hostile_benchmark.py`` keeps that benchmark running.
"""

from __future__ import annotations

import json
import tracemalloc
from typing import Any

import attrs
import pytest

from solpt_rehab import (
    DocumentError,
    InvalidValueError,
    catalog,
    from_document,
    loads,
    to_document,
    validate,
    validate_text,
)
from solpt_rehab.importers.free_exercise_db import import_exercises
from solpt_rehab.prose import Mention, MentionStatus, extract_dose, read_article

NINES = "9" * 400


def _exercise(**changes: Any) -> dict[str, Any]:
    document = to_document(catalog.get("knees-to-chest"))
    document.update(changes)
    return document


def _with_extra_step(text: str, kind: str = "move") -> dict[str, Any]:
    document = _exercise()
    document["steps"].append({"text": text, "kind": kind, "distance": None})
    return document


# -- 0: a number of 400 digits in a step ---------------------------------------------------------


@pytest.mark.parametrize("verb", ["Rest", "Hold", "Stay there"])
@pytest.mark.parametrize("unit", ["seconds", "minutes"])
def test_a_number_beyond_a_float_is_ignored_not_taken(verb: str, unit: str) -> None:
    text = f"{verb} for {NINES} {unit}."
    start = len(verb) + len(" for ")

    reading = extract_dose(text)

    assert (reading.hold_range, reading.rest, reading.reps_range) == (None, None, None)
    assert reading.mentions == (
        Mention(
            field="number",
            status=MentionStatus.IGNORED,
            start=start,
            end=start + 401 + len(unit),
            text=f"{NINES} {unit}",
            note="not a finite number",
        ),
    )


def test_a_number_finite_in_minutes_but_not_in_seconds_is_ignored() -> None:
    reading = extract_dose("Hold for " + "9" * 307 + " minutes.")

    assert reading.hold_range is None
    assert [mention.note for mention in reading.mentions] == ["not a finite number"]


def test_a_step_resting_a_number_beyond_a_float_validates_and_reads() -> None:
    document = _with_extra_step(f"Rest for {NINES} seconds.")
    text = json.dumps(document)

    assert validate(document).problems == ()
    assert validate_text(text).problems == ()
    assert from_document(document, kind="exercise").steps[-1].text == f"Rest for {NINES} seconds."
    assert loads(text, kind="exercise") == from_document(document, kind="exercise")


def test_a_step_holding_a_number_beyond_a_float_is_not_a_mismatch() -> None:
    document = _with_extra_step(f"Hold for {NINES} seconds.", kind="hold")

    assert validate(document).problems == ()


def test_an_article_step_holding_a_number_beyond_a_float_drafts_without_a_hold() -> None:
    reading = read_article(f"Title\n1. Stretch\n- Hold for {NINES} seconds.\n")

    assert [exercise.hold for exercise in reading.exercises] == [None]
    assert [(found.path, found.code) for found in reading.problems] == [
        ("/exercises/0/purpose", "purpose-missing"),
        ("/exercises/0/hold", "hold-not-stated"),
        ("/exercises/0/repetitions", "repetitions-not-stated"),
        ("/exercises/0/repetitions/laterality", "laterality-not-stated"),
    ]


# -- 1: a number, a long run of spaces, no unit -------------------------------------------------


def test_a_number_before_a_long_run_of_spaces_is_a_number_without_a_unit() -> None:
    reading = extract_dose("Hold 1" + " " * 20_000 + "x")

    assert reading.mentions == (
        Mention(
            field="number",
            status=MentionStatus.IGNORED,
            start=5,
            end=6,
            text="1",
            note="no unit",
        ),
    )


def test_a_unit_after_spaces_and_a_hyphen_is_still_read() -> None:
    for text in ("Hold 10 - seconds.", "Hold 10 -seconds.", "Hold 10- seconds.", "Hold 10-second."):
        assert extract_dose(text).hold_range == (10, 10), text


def test_the_ten_kilobyte_step_of_the_issue_validates_with_its_one_warning() -> None:
    step = "Stay in the stretch for 15 to 20 seconds, 1" + " " * 9940 + "x"
    document = _with_extra_step(step, kind="hold")

    report = validate_text(json.dumps(document))

    assert [(found.path, found.code) for found in report.problems] == [
        ("/steps/7/text", "prose-hold-mismatch"),
    ]


# -- 2: the article's line patterns, and 10: ids --------------------------------------------------


def test_an_article_name_with_a_long_run_of_spaces_is_read_whole() -> None:
    name = "x" + " " * 5000 + "y"
    reading = read_article(f"Title\n1. {name}  \n- Hold 10 seconds.\n")

    assert [exercise.name for exercise in reading.exercises] == [name]


def test_article_bullets_and_purposes_keep_their_inner_spaces_and_lose_the_outer_ones() -> None:
    reading = read_article(
        "Title\n  1.  Stretch  \n  Purpose:   a   b   \n  -   Hold   10 seconds.  \n"
        "\u2022Then   rest.\n"
    )

    (exercise,) = reading.exercises
    assert exercise.purpose == "a   b"
    assert [step.text for step in exercise.steps] == ["Hold   10 seconds.", "Then   rest."]


@pytest.mark.parametrize(
    ("article", "field"),
    [
        ("Title\n1. Stretch\n- a" + " " * 10_000 + "b\n", "/exercises/0/steps/0/text"),
        ("Title\n1. Stretch\nPurpose: a" + " " * 10_000 + "b\n- Hold.\n", "/exercises/0/purpose"),
        ("Title\n1. a" + " " * 10_000 + "b\n- Hold.\n", "/exercises/0/name"),
    ],
)
def test_an_article_text_longer_than_the_model_allows_is_a_problem(
    article: str, field: str
) -> None:
    reading = read_article(article)
    name = field.rsplit("/", 1)[1]

    assert reading.exercises == ()
    assert [str(found) for found in reading.problems if found.is_error] == [
        f"{field}: error too-long: {name!r} must be at most 10000 characters long: 10002 characters"
    ]


def test_an_article_of_many_exercises_of_one_name_numbers_their_ids() -> None:
    reading = read_article("Title\n" + "1. Same\n- Hold 10 seconds.\n" * 5 + "1. Same 3\n- Hold.\n")

    assert [exercise.id for exercise in reading.exercises] == [
        "same",
        "same-2",
        "same-3",
        "same-4",
        "same-5",
        "same-3-2",
    ]


def test_a_free_id_skips_the_ids_other_names_took() -> None:
    reading = read_article(
        "Title\n1. Same 3\n- Hold.\n" + "1. Same\n- Hold.\n" * 4 + "1. Same 5\n- Hold.\n"
    )

    assert [exercise.id for exercise in reading.exercises] == [
        "same-3",
        "same",
        "same-2",
        "same-4",
        "same-5",
        "same-5-2",
    ]


def test_the_importer_numbers_the_ids_of_entries_of_one_name() -> None:
    entry = {"id": "Same", "name": "Same", "instructions": ["Hold 10 seconds."]}

    result = import_exercises([entry] * 4)

    assert [exercise.id for exercise in result.exercises] == ["same", "same-2", "same-3", "same-4"]


def test_from_document_and_loads_raise_only_document_error_on_a_bad_step() -> None:
    document = _with_extra_step(f"Rest for {NINES} seconds.")
    document["repetitions"]["min_reps"] = 0

    with pytest.raises(DocumentError) as error:
        from_document(document)
    with pytest.raises(DocumentError) as text_error:
        loads(json.dumps(document))

    assert [found.code for found in error.value.problems] == ["not-positive"]
    assert text_error.value.problems == error.value.problems


# -- 3: the too-deep fallback's token scan --------------------------------------------------------


def test_too_deep_text_with_an_unterminated_string_of_escaped_quotes_is_too_deep() -> None:
    report = validate_text("[" * 2000 + '"' + '\\"' * 50_000)

    assert [str(found) for found in report.problems] == [
        (
            "(root): error too-deep: arrays and objects are nested 2000 deep, more than the parser "
            "can follow; the deepest point is at line 1 column 2000"
        )
    ]


def test_brackets_inside_strings_do_not_count_toward_the_depth() -> None:
    text = "[" * 1500 + '"[[[\\"]]]"' + "]" * 1500 + "[" * 10

    assert [str(found) for found in validate_text(text).problems] == [
        (
            "(root): error too-deep: arrays and objects are nested 1500 deep, more than the parser "
            "can follow; the deepest point is at line 1 column 1500"
        )
    ]


def test_a_long_integer_after_many_shorter_ones_is_found_where_it_starts() -> None:
    text = '{"kind": "exercise", "a": [' + ("9" * 999 + ",") * 3 + "9" * 5000 + "]}"

    assert [str(found) for found in validate_text(text).problems] == [
        (
            "(root): error number-too-large: a number has thousands of digits, beyond the range "
            "of a 64-bit float, at line 1 column 3028"
        )
    ]


# -- 5 and 9: YAML --------------------------------------------------------------------------------


def test_a_yaml_integer_of_more_digits_than_python_converts_is_a_problem_at_its_path() -> None:
    text = "kind: exercise\nformat_version: " + "9" * 5000 + "\n"
    expected = [
        "/format_version: error number-too-large: 'format_version' is beyond the range of a "
        "64-bit float: " + "9" * 40 + "... (5000 characters)",
        # The rest of the document is read, by the newest version's rules.
        *(
            f"/{key}: error missing-key: missing required key {key!r}"
            for key in ("id", "name", "steps", "repetitions")
        ),
    ]

    assert [str(found) for found in validate_text(text, syntax="yaml").problems] == expected
    with pytest.raises(DocumentError) as error:
        loads(text, syntax="yaml")
    assert [str(found) for found in error.value.problems] == expected


def test_a_yaml_tag_on_a_sequence_is_refused_not_dropped() -> None:
    text = "kind: exercise\nsteps: !!python/object/apply:os.system [ls]\n"

    assert [str(found) for found in validate_text(text, syntax="yaml").problems] == [
        (
            "(root): error yaml-tag: YAML tags other than the plain types are refused: the tag "
            "'tag:yaml.org,2002:python/object/apply:os.system' at line 2 column 8"
        )
    ]


def test_yaml_keys_1_and_true_are_two_keys() -> None:
    text = "kind: exercise\nformat_version: 1\n1: a\ntrue: b\n"

    assert [(found.path, found.code) for found in validate_text(text, syntax="yaml").problems] == [
        ("/id", "missing-key"),
        ("/name", "missing-key"),
        ("/steps", "missing-key"),
        ("/repetitions", "missing-key"),
        ("/1", "unknown-key"),
        ("/True", "unknown-key"),
    ]


# -- 4 and 8: limits: the report's length, suggestions, the text's size ---------------------------


def _unknown_keys(count: int, stem: str = "colour") -> dict[str, Any]:
    return _exercise(**{f"{stem}{index}": "red" for index in range(count)})


def test_a_report_stops_at_a_thousand_problems_and_counts_the_rest() -> None:
    report = validate(_unknown_keys(1500))

    assert [str(found) for found in report.problems] == [
        *(
            f"/colour{index}: error unknown-key: unknown key 'colour{index}'"
            for index in range(1000)
        ),
        (
            "(root): error too-many-problems: the report stops at 1000 problems; 500 more were "
            "found and left out (500 errors, 0 warnings)"
        ),
    ]
    assert not report.ok


def test_max_problems_sets_the_limit_and_none_lifts_it() -> None:
    document = _unknown_keys(5)

    assert [str(found) for found in validate(document, max_problems=2).problems] == [
        "/colour0: error unknown-key: unknown key 'colour0'",
        "/colour1: error unknown-key: unknown key 'colour1'",
        (
            "(root): error too-many-problems: the report stops at 2 problems; 3 more were found "
            "and left out (3 errors, 0 warnings)"
        ),
    ]
    assert validate_text(json.dumps(document), max_problems=0).codes == ("too-many-problems",)
    assert validate(document, max_problems=None).codes == ("unknown-key",) * 5
    assert validate(document, max_problems=5).codes == ("unknown-key",) * 5


def _catalog(*exercises: dict[str, Any]) -> dict[str, Any]:
    bodies = []
    for index, exercise in enumerate(exercises):
        body = {
            key: value for key, value in exercise.items() if key not in ("kind", "format_version")
        }
        bodies.append({**body, "id": f"stretch-{index}"})
    return {"kind": "catalog", "format_version": 2, "exercises": bodies}


MISMATCH = _exercise(steps=[{"text": "Stay in the stretch for 45 seconds.", "kind": "hold"}])


def test_a_report_that_leaves_out_only_warnings_ends_with_a_warning_and_stays_ok() -> None:
    report = validate(_catalog(*[MISMATCH] * 4), max_problems=2)

    assert [(found.path, found.code) for found in report.problems] == [
        ("/exercises/0/steps/0/text", "prose-hold-mismatch"),
        ("/exercises/1/steps/0/text", "prose-hold-mismatch"),
        ("", "too-many-warnings"),
    ]
    assert report.problems[-1].message == (
        "the report stops at 2 problems; 2 more were found and left out (0 errors, 2 warnings)"
    )
    assert report.ok


def test_an_error_past_the_limit_keeps_the_report_from_being_ok() -> None:
    bad = {**MISMATCH, "colour": "red"}
    document = _catalog(MISMATCH, MISMATCH, bad)

    report = validate(document, max_problems=2)
    text_report = validate_text(json.dumps(document), max_problems=2)

    assert [(found.path, found.code) for found in report.problems] == [
        ("/exercises/0/steps/0/text", "prose-hold-mismatch"),
        ("/exercises/1/steps/0/text", "prose-hold-mismatch"),
        ("", "too-many-problems"),
    ]
    assert report.problems[-1].message == (
        "the report stops at 2 problems; 1 more were found and left out (1 error, 0 warnings)"
    )
    assert not report.ok
    assert text_report == report


def test_from_document_and_loads_raise_with_the_capped_report() -> None:
    document = _catalog(*[{**MISMATCH, "colour": "red"}, MISMATCH] * 600)
    text = json.dumps(document)

    with pytest.raises(DocumentError) as error:
        from_document(document)
    with pytest.raises(DocumentError) as text_error:
        loads(text)

    assert str(error.value).splitlines()[0] == "the document has 600 errors:"
    assert error.value.problems == validate(document).problems
    assert text_error.value.problems == validate_text(text).problems
    assert len(error.value.problems) == 1001
    assert error.value.problems[-1].message == (
        "the report stops at 1000 problems; 200 more were found and left out "
        "(100 errors, 100 warnings)"
    )


def test_embedded_exercises_of_a_routine_share_the_limit_in_item_order() -> None:
    body = {key: value for key, value in _unknown_keys(3).items() if key not in ("kind",)}
    del body["format_version"]
    items = [{"exercise": {**body, "id": f"e{index}"}, "reps": 3} for index in range(3)]
    document = {"kind": "routine", "format_version": 2, "name": "r", "items": items}

    capped = validate(document, max_problems=4)
    whole = validate(document, max_problems=None)

    assert capped.problems[:4] == whole.problems[:4]
    assert [str(found) for found in capped.problems[4:]] == [
        (
            f"(root): error too-many-problems: the report stops at 4 problems; "
            f"{len(whole.problems) - 4} more were found and left out "
            f"({len(whole.errors) - 4} errors, {len(whole.warnings)} warnings)"
        )
    ]


@pytest.mark.parametrize("value", [-1, True, 2.0, "3"])
def test_a_limit_that_is_no_count_is_refused(value: object) -> None:
    with pytest.raises(InvalidValueError) as error:
        validate({}, max_problems=value)  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError) as size_error:
        validate_text("{}", max_size=value)  # type: ignore[arg-type]

    assert str(error.value) == f"'max_problems' must be an int >= 0 or None: {value!r}"
    assert str(size_error.value) == f"'max_size' must be an int >= 0 or None: {value!r}"


def test_only_the_first_hundred_unknown_keys_get_a_suggestion() -> None:
    report = validate(_unknown_keys(150, stem="purpose"), max_problems=None)

    assert [found.message for found in report.problems] == [
        *(f"unknown key 'purpose{index}' (did you mean 'purpose'?)" for index in range(100)),
        *(f"unknown key 'purpose{index}'" for index in range(100, 150)),
    ]


def test_a_text_beyond_the_size_limit_is_refused_unread() -> None:
    text = json.dumps(_exercise())
    expected = (
        f"(root): error too-large: the text is {len(text)} characters long, more than the limit "
        "of 100; none of it is read"
    )

    assert [str(found) for found in validate_text(text, max_size=100).problems] == [expected]
    assert [str(found) for found in validate_text(text.encode(), max_size=100).problems] == [
        expected.replace("characters", "bytes")
    ]
    with pytest.raises(DocumentError) as error:
        loads(text, max_size=100)
    assert [str(found) for found in error.value.problems] == [expected]
    assert validate_text(text, max_size=len(text)).ok
    assert validate_text(text, max_size=None).ok


def test_the_memory_of_a_report_of_a_file_of_errors_grows_with_the_file_not_the_problems() -> None:
    text = '{"kind": "catalog", "format_version": 1, "exercises": [' + "4," * 20_000 + "4]}"

    def peak(max_problems: int | None) -> float:
        tracemalloc.start()
        try:
            validate_text(text, max_problems=max_problems)
            return tracemalloc.get_traced_memory()[1] / len(text)
        finally:
            tracemalloc.stop()

    # Measured on CPython 3.11: about 41 bytes per byte of text with the limit, 157 without it
    # (a problem costs some 300 bytes, and this text has one every two bytes).
    assert peak(1000) < 80 < peak(None)


# -- 7 (the model's part): control characters and bidirectional overrides -----------------------


@pytest.mark.parametrize(
    ("text", "code_point", "index"),
    [
        ("Knees to chest\x1b]0;pwned\x07", "001B", 14),
        ("Hold\r\x1b[2K10 seconds", "000D", 4),
        ("exe.\u202egnp", "202E", 4),
        ("\u2066Stretch", "2066", 0),
        ("Stretch\x85", "0085", 7),
        ("Stretch\x7f", "007F", 7),
        ("Stretch\x00", "0000", 7),
    ],
)
def test_names_and_step_texts_refuse_control_characters_and_bidi_overrides(
    text: str, code_point: str, index: int
) -> None:
    document = _exercise(name=text)
    document["steps"][0]["text"] = text
    requirement = (
        f"must not hold control characters or bidirectional overrides (U+{code_point} at "
        f"index {index})"
    )

    assert [str(found) for found in validate(document).problems] == [
        f"/name: error control-character: 'name' {requirement}: {text!r}",
        f"/steps/0/text: error control-character: 'text' {requirement}: {text!r}",
    ]
    with pytest.raises(InvalidValueError) as error:
        attrs.evolve(catalog.get("knees-to-chest"), name=text)
    assert str(error.value) == f"'name' {requirement}: {text!r}"


def test_tabs_newlines_and_direction_marks_are_text() -> None:
    document = _exercise(name="Knees\tto chest \u200f\u05d0")
    document["steps"][0]["text"] = "Lie face up.\nRelax."

    assert validate(document).problems == ()


def _integers_report_expected(count: int) -> list[str]:
    return [
        *(
            f"/exercises/{index}: error wrong-type: 'exercises[{index}]' must be an object: 4"
            for index in range(1000)
        ),
        (
            "(root): error too-many-problems: the report stops at 1000 problems; "
            f"{count - 1000} more were found and left out ({count - 1000} errors, 0 warnings)"
        ),
    ]


def test_a_catalog_whose_exercises_are_integers_gets_a_report_of_a_thousand_and_a_count() -> None:
    text = '{"kind": "catalog", "format_version": 1, "exercises": [' + "4, " * 4999 + "4]}"

    assert [str(found) for found in validate_text(text).problems] == (
        _integers_report_expected(5000)
    )


def test_a_yaml_catalog_whose_exercises_are_integers_gets_the_same_report() -> None:
    text = "kind: catalog\nformat_version: 1\nexercises:\n" + "- 4\n" * 5000

    assert [str(found) for found in validate_text(text, syntax="yaml").problems] == (
        _integers_report_expected(5000)
    )


# -- the terms of a dose (sets, timed work, loads) -----------------------------------------------


def test_a_load_phrase_the_model_cannot_hold_is_no_load() -> None:
    for text in (
        "Use a resistance \x0b band.",
        "Use a " + "resistance " * 1200 + "band.",
        "Hold a " + "light " * 2000 + "dumbbell.",
    ):
        assert extract_dose(text).mentions == (), text[:30]


def test_rests_between_sets_in_one_endless_sentence_are_read_once_each() -> None:
    reading = extract_dose("rest 30 seconds between sets, " * 400)
    found = [(mention.field, mention.status.value, mention.note) for mention in reading.mentions]

    assert found == [
        ("duration", "ignored", "rest between sets or intervals"),
        ("set_rest", "taken", ""),
        *[("duration", "ignored", "rest between sets or intervals")] * 399,
    ]
