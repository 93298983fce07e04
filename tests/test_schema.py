"""The JSON Schema: a valid draft 2020-12 schema that agrees with the validator on structure."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema
from hypothesis import given

from solpt_rehab import catalog, json_schema, to_document, validate
from solpt_rehab._core.codes import CODES, PARSE_CODES
from solpt_rehab._wire.schema import (
    FIELD_CODES_BEYOND_SCHEMA,
    rules_beyond_schema,
    schema_codes,
)
from wire_strategies import mutated, values

SCHEMA_CODES = schema_codes()
SCHEMA = json_schema()
CHECKER = jsonschema.Draft202012Validator(SCHEMA)


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert SCHEMA["$id"] == "urn:solpt-rehab:wire-format:2"


def test_each_call_returns_a_fresh_schema() -> None:
    first = json_schema()
    first["$defs"].clear()
    assert json_schema() == SCHEMA


def test_the_schema_codes_are_error_codes_of_the_structure() -> None:
    assert set(CODES) - PARSE_CODES >= SCHEMA_CODES


@given(values)
def test_every_valid_document_is_valid_for_the_schema(value: Any) -> None:
    document = to_document(value)
    assert list(CHECKER.iter_errors(document)) == []


@given(values.flatmap(lambda value: mutated(to_document(value))))
def test_the_schema_and_the_validator_agree_on_the_structural_rules(
    document: dict[str, Any],
) -> None:
    structural = [found for found in validate(document).errors if found.code in SCHEMA_CODES]
    schema_errors = [error.message for error in CHECKER.iter_errors(document)]
    assert (schema_errors == []) == (structural == []), (structural, schema_errors)


def _knees() -> dict[str, Any]:
    return to_document(catalog.get("knees-to-chest"))


def test_rules_between_fields_are_in_the_schema_and_ranges_are_not() -> None:
    no_hold_step = _knees()
    no_hold_step["steps"] = [step for step in no_hold_step["steps"] if step["kind"] != "hold"]
    counting = _knees()
    counting["repetitions"]["counting"] = "total"
    rest = _knees()
    rest["repetitions"]["rest"] = {"min_seconds": 5, "max_seconds": None, "text": None}
    inverted = _knees()
    inverted["hold"] = {"min_seconds": 30, "max_seconds": 20}
    duplicated = to_document((catalog.get("lying-march"), catalog.get("lying-march")))
    for document, code, schema_sees_it in [
        (no_hold_step, "hold-step-missing", True),
        (counting, "counting-not-allowed", True),
        (rest, "rest-incomplete", True),
        (inverted, "range-inverted", False),
        (duplicated, "duplicate-id", False),
    ]:
        assert validate(document).codes == (code,)
        assert CHECKER.is_valid(document) is not schema_sees_it, code


def test_the_wire_format_page_names_every_rule_the_schema_cannot_say() -> None:
    page = (Path(__file__).resolve().parent.parent / "docs" / "wire-format.md").read_text(
        encoding="utf-8"
    )
    section = page.split("What a JSON Schema cannot say", 1)[1].split("```", 1)[0]
    beyond = {code for _, code, _ in rules_beyond_schema()}
    beyond |= FIELD_CODES_BEYOND_SCHEMA
    # the rules of a routine and a catalog, beyond one object: the dose rules and the ids
    beyond |= {
        "duplicate-id",
        "unknown-exercise",
        "hold-out-of-range",
        "reps-out-of-range",
        "hold-not-documented",
        "side-missing",
        "side-not-allowed",
    }
    assert sorted(code for code in beyond if f"`{code}`" not in section) == []


def test_an_integer_beyond_a_float_is_refused_by_the_schema_as_by_the_validator() -> None:
    document = _knees()
    document["hold"]["min_seconds"] = 10**400
    assert [(found.path, found.code) for found in validate(document).problems] == [
        ("/hold/min_seconds", "number-too-large")
    ]
    assert not CHECKER.is_valid(document)
    hold = jsonschema.Draft202012Validator(SCHEMA["$defs"]["hold"])
    assert [
        (list(error.absolute_path), error.validator) for error in hold.iter_errors(document["hold"])
    ] == [(["min_seconds"], "maximum")]
    assert SCHEMA["$defs"]["hold"]["properties"]["min_seconds"] == {
        "type": "number",
        "exclusiveMinimum": 0,
        "maximum": 1.7976931348623157e308,
    }


def test_a_version_written_2_0_is_the_documented_disagreement() -> None:
    """JSON Schema cannot tell ``2.0`` from ``2``; docs/wire-format.md says so."""
    document = _knees()
    document["format_version"] = 2.0
    assert [(found.path, found.code) for found in validate(document).problems] == [
        ("/format_version", "wrong-type")
    ]
    assert CHECKER.is_valid(document)
    page = (Path(__file__).resolve().parent.parent / "docs" / "wire-format.md").read_text(
        encoding="utf-8"
    )
    assert 'the schema\naccepts `"format_version": 2.0`, which `validate` refuses' in page
