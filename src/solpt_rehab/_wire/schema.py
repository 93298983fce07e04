"""A JSON Schema (draft 2020-12) of the wire format, generated from the model's declarations.

Each object's properties come from its declared fields (:mod:`.spec`), and its ``allOf`` from the
rules across fields that a schema can say (:attr:`~solpt_rehab._model.rules.Rule.schema`); the
rules it cannot say are listed by :func:`rules_beyond_schema`, which ``docs/wire-format.md``
shows, each with the reason.
"""

from __future__ import annotations

import copy
from typing import Any, Final

from .._logs.values import ItemLog, SessionLog, SetLog
from .._model.rules import Rule, schema_name, specs_within
from .._model.values import Exercise
from .._routines.progression import Progression
from .._routines.values import Frequency, Routine, RoutineItem
from .spec import FORMAT_VERSION, KINDS, Shape, parts, shape_of

__all__ = [
    "FIELD_CODES_BEYOND_SCHEMA",
    "SCHEMA_ID",
    "json_schema",
    "rules_beyond_schema",
    "schema_codes",
]

#: The schema's ``$id``: a name, not a place to download from.
SCHEMA_ID: Final = f"urn:solpt-rehab:wire-format:{FORMAT_VERSION}"

#: The codes of the format's own structure, which the schema says beside the declarations'.
_STRUCTURE_CODES: Final = frozenset({"wrong-kind", "unknown-version", "missing-key", "unknown-key"})
#: Codes of field specs that no JSON Schema can say: JSON Schema sees parsed values, in which a
#: surrogate code point matches patterns unevenly across validators (many match by UTF-16 unit)
#: and NaN and infinity have no JSON form. (An integer beyond a float's range is above the
#: numbers' ``maximum``, the largest float: the schema says ``number-too-large``.)
FIELD_CODES_BEYOND_SCHEMA: Final = frozenset({"invalid-unicode", "not-finite"})


def _classes() -> tuple[type[Any], ...]:
    return (*parts(Exercise), Frequency, RoutineItem, Progression, ItemLog, SetLog)


def _object(shape: Shape, header: dict[str, Any] | None = None) -> dict[str, Any]:
    properties = dict(header or {})
    properties.update((field.name, field.spec.schema()) for field in shape.fields)
    required = [*(header or {}), *(field.name for field in shape.fields if field.required)]
    schema: dict[str, Any] = {
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }
    conditions = [copy.deepcopy(rule.schema) for rule in shape.rules if rule.schema is not None]
    if conditions:
        schema["allOf"] = conditions
    return schema


def json_schema() -> dict[str, Any]:
    """Return a JSON Schema (draft 2020-12) of the wire format, for authors in other languages.

    The schema checks the structure of every kind of document: keys, types, allowed values,
    non-empty texts, positive numbers, and the rules between fields that a schema can say. It
    cannot check ranges (a maximum below its minimum), unique ids, references to exercises, or
    the dose rules of routine items; :func:`validate` does.

    Returns:
        A new dict each call, ready for ``json.dumps``.

    .. versionadded:: 0.1.0
    """

    def header(kind: str) -> dict[str, Any]:
        return {"kind": {"const": kind}, "format_version": {"const": FORMAT_VERSION}}

    definitions = {schema_name(cls): _object(shape_of(cls)) for cls in _classes()}
    definitions["exercise_document"] = _object(shape_of(Exercise), header("exercise"))
    definitions["catalog_document"] = {
        "type": "object",
        "properties": {
            **header("catalog"),
            "exercises": {"type": "array", "items": {"$ref": "#/$defs/exercise"}},
        },
        "required": ["kind", "format_version", "exercises"],
        "additionalProperties": False,
    }
    definitions["routine_document"] = _object(shape_of(Routine), header("routine"))
    definitions["session_log_document"] = _object(shape_of(SessionLog), header("session-log"))
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": f"solpt_rehab document, format version {FORMAT_VERSION}",
        "description": (
            "An exercise, a catalog of exercises, a routine or a session log, as solpt_rehab "
            "reads and writes them. Ranges, unique ids, exercise references and dose rules are "
            "checked by solpt_rehab.validate, not by this schema."
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
                "then": {"$ref": f"#/$defs/{kind.replace('-', '_')}_document"},
            }
            for kind in KINDS
        ],
        "$defs": definitions,
    }


def schema_codes() -> frozenset[str]:
    """The error codes :func:`json_schema` says too: for these, the schema and the validator agree.

    ``fractional`` is among them for values such as ``2.5``; JSON Schema counts ``3.0`` as an
    integer, which the validator refuses.
    """
    codes = set(_STRUCTURE_CODES)
    for cls in (*_classes(), Routine, SessionLog):
        shape = shape_of(cls)
        for field in shape.fields:
            for spec in specs_within(field.spec):
                codes.update(code for code, _ in spec.breaking())
        codes.update(rule.code for rule in shape.rules if rule.schema is not None)
    return frozenset(codes - FIELD_CODES_BEYOND_SCHEMA)


def rules_beyond_schema() -> list[tuple[str, str, str]]:
    """The rules across fields no JSON Schema can say: ``(object, code, why)``, in order."""
    found: list[tuple[str, str, str]] = []
    for cls in (*_classes(), Routine, SessionLog):
        rules: tuple[Rule, ...] = shape_of(cls).rules
        found.extend(
            (cls.__name__, rule.code, rule.beyond_schema) for rule in rules if rule.schema is None
        )
    return found
