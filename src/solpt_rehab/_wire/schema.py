"""A JSON Schema (draft 2020-12) of the wire format, generated from the format's own spec.

The schema and the validator read the same description (:mod:`._wire`), so they agree on the
structure; ``SCHEMA_CODES`` in :mod:`._codes` lists the rules the schema expresses, and
``docs/wire-format.md`` the ones it cannot (ranges, ids, references, doses).
"""

from __future__ import annotations

import copy
from typing import Any, Final

from .fast import (
    CITATION,
    EQUIPMENT,
    EXERCISE,
    FORMAT_VERSION,
    FREQUENCY,
    HOLD,
    ITEM,
    KINDS,
    REPETITIONS,
    REST,
    ROUTINE,
    STEP,
    TEXT_LIMIT,
    Array,
    Choice,
    ExerciseRef,
    Flag,
    Nullable,
    Number,
    Obj,
    Spec,
    Text,
)

__all__ = ["SCHEMA_ID", "json_schema"]

#: The schema's ``$id``: a name, not a place to download from.
SCHEMA_ID: Final = f"urn:solpt-rehab:wire-format:{FORMAT_VERSION}"
_SLUG_PATTERN: Final = "^[a-z0-9]+(?:-[a-z0-9]+)*$"
_NAMES: Final[dict[int, str]] = {
    id(STEP): "step",
    id(HOLD): "hold",
    id(REST): "rest",
    id(REPETITIONS): "repetitions",
    id(EQUIPMENT): "equipment",
    id(CITATION): "citation",
    id(EXERCISE): "exercise",
    id(FREQUENCY): "frequency",
    id(ITEM): "routine_item",
}


def _spec(spec: Spec) -> dict[str, Any]:  # noqa: PLR0911 - one return per kind of spec
    if isinstance(spec, Text):
        schema: dict[str, Any] = {"type": "string", "maxLength": TEXT_LIMIT}
        if spec.slug:
            schema["pattern"] = _SLUG_PATTERN
        elif spec.nonempty:
            schema["pattern"] = "\\S"
        return schema
    if isinstance(spec, Number):
        schema = {"type": "integer" if spec.whole else "number", "exclusiveMinimum": 0}
        if spec.maximum is not None:
            schema["maximum"] = spec.maximum
        return schema
    if isinstance(spec, Flag):
        return {"type": "boolean"}
    if isinstance(spec, Choice):
        return {"type": "string", "enum": list(spec.values)}
    if isinstance(spec, Array):
        schema = {"type": "array", "items": _spec(spec.item)}
        if spec.min_items:
            schema["minItems"] = spec.min_items
        return schema
    if isinstance(spec, Nullable):
        return {"anyOf": [_spec(spec.inner), {"type": "null"}]}
    if isinstance(spec, ExerciseRef):
        return {
            "anyOf": [
                {"type": "string", "maxLength": TEXT_LIMIT, "pattern": _SLUG_PATTERN},
                {"$ref": "#/$defs/exercise"},
            ]
        }
    return {"$ref": f"#/$defs/{_NAMES[id(spec)]}"}


def _number(key: str) -> dict[str, Any]:
    """The part of a schema that holds when ``key`` is present and a number."""
    return {"required": [key], "properties": {key: {"type": "number"}}}


#: The rules across fields that a JSON Schema can say, by object.
_CONDITIONS: Final[dict[int, list[dict[str, Any]]]] = {
    id(REST): [
        {"if": _number("min_seconds"), "then": _number("max_seconds")},  # rest-incomplete
        {"if": _number("max_seconds"), "then": _number("min_seconds")},
        {  # rest-undescribed
            "anyOf": [
                _number("min_seconds"),
                {"required": ["text"], "properties": {"text": {"type": "string"}}},
            ]
        },
    ],
    id(REPETITIONS): [
        {  # counting-missing, counting-not-allowed
            "if": {
                "required": ["laterality"],
                "properties": {"laterality": {"enum": ["alternating", "each-side"]}},
            },
            "then": {"required": ["counting"], "properties": {"counting": {"type": "string"}}},
            "else": {"properties": {"counting": {"type": "null"}}},
        }
    ],
    id(EXERCISE): [
        {  # hold-step-missing
            "if": {"required": ["hold"], "properties": {"hold": {"type": "object"}}},
            "then": {
                "properties": {
                    "steps": {
                        "contains": {
                            "type": "object",
                            "required": ["kind"],
                            "properties": {"kind": {"const": "hold"}},
                        }
                    }
                }
            },
        }
    ],
}


def _object(spec: Obj, header: dict[str, Any] | None = None) -> dict[str, Any]:
    properties = dict(header or {})
    properties.update((key, _spec(field)) for key, field in spec.fields.items())
    required = [*(header or {}), *(key for key in spec.fields if key in spec.required)]
    schema: dict[str, Any] = {
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }
    conditions = _CONDITIONS.get(id(spec))
    if conditions:
        schema["allOf"] = copy.deepcopy(conditions)
    return schema


def json_schema() -> dict[str, Any]:
    """Return a JSON Schema (draft 2020-12) of the wire format, for authors in other languages.

    The schema checks the structure of all three kinds of document: keys, types, allowed values,
    non-empty texts, positive numbers, and the rules between fields that a schema can say. It
    cannot check ranges (a maximum below its minimum), unique ids, references to exercises, or
    the dose rules of routine items; :func:`validate` does.

    Returns:
        A new dict each call, ready for ``json.dumps``.

    .. versionadded:: 0.1.0
    """

    def header(kind: str) -> dict[str, Any]:
        return {"kind": {"const": kind}, "format_version": {"const": FORMAT_VERSION}}

    definitions = {
        name: _object(spec)
        for spec in (STEP, HOLD, REST, REPETITIONS, EQUIPMENT, CITATION, EXERCISE, FREQUENCY, ITEM)
        for name in [_NAMES[id(spec)]]
    }
    definitions["exercise_document"] = _object(EXERCISE, header("exercise"))
    definitions["catalog_document"] = {
        "type": "object",
        "properties": {
            **header("catalog"),
            "exercises": {"type": "array", "items": {"$ref": "#/$defs/exercise"}},
        },
        "required": ["kind", "format_version", "exercises"],
        "additionalProperties": False,
    }
    definitions["routine_document"] = _object(ROUTINE, header("routine"))
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": f"solpt_rehab document, format version {FORMAT_VERSION}",
        "description": (
            "An exercise, a catalog of exercises, or a routine, as solpt_rehab reads and writes "
            "them. Ranges, unique ids, exercise references and dose rules are checked by "
            "solpt_rehab.validate, not by this schema."
        ),
        "type": "object",
        "required": ["kind", "format_version"],
        "properties": {
            "kind": {"enum": list(KINDS)},
            "format_version": {"const": FORMAT_VERSION},
        },
        "allOf": [
            {
                "if": {"required": ["kind"], "properties": {"kind": {"const": kind}}},
                "then": {"$ref": f"#/$defs/{kind}_document"},
            }
            for kind in KINDS
        ],
        "$defs": definitions,
    }
