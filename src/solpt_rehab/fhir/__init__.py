"""FHIR R4: exercises, routine templates and patients' plans as FHIR resources, and back.

:func:`to_fhir` writes plain dicts, with no dependency: an :class:`~solpt_rehab.Exercise` becomes
an ``ActivityDefinition`` (code SNOMED CT 229065009 "Exercise therapy"), a
:class:`~solpt_rehab.Routine` a ``Bundle`` (type ``collection``) of its exercises'
activity definitions, a ``PlanDefinition`` (the routine as a template) and a ``CarePlan``
(intent ``plan``, the patient's schedule). What FHIR cannot say travels in the library's own
extensions, each defined by a ``StructureDefinition`` shipped with the package
(:func:`structure_definitions`); every resource carries a generated XHTML narrative, every value
escaped. :func:`from_fhir` reads them back to equal values, and reads resources other tools wrote
as far as they map, reporting the rest as problems. The mapping, field by field, is in the
documentation's FHIR page.

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from importlib import resources
from typing import Any

from .._core.errors import InvalidValueError
from .._model.values import Exercise
from .._routines.values import Routine
from ._export import EXERCISE_THERAPY, activity_definition, bundle, routine_bundle
from ._extensions import BASE, EXTENSIONS
from ._import import FhirImport, from_fhir

__all__ = [
    "BASE",
    "EXERCISE_THERAPY",
    "FhirImport",
    "from_fhir",
    "structure_definitions",
    "to_fhir",
]


def to_fhir(
    value: Exercise | Routine | Iterable[Exercise], *, subject: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """Write an exercise, a catalog or a routine as FHIR R4 JSON values.

    Args:
        value: An :class:`~solpt_rehab.Exercise` (an ``ActivityDefinition``), a sequence of
            exercises such as ``catalog.all()`` (a ``Bundle`` of them), or a
            :class:`~solpt_rehab.Routine` (a ``Bundle`` of its exercises, its ``PlanDefinition``
            and its ``CarePlan``).
        subject: The ``CarePlan``'s subject, a FHIR Reference such as
            ``{"reference": "Patient/123"}``; by default ``{"display": "the patient"}``, since a
            routine names no patient. Only for a routine.

    Returns:
        A new dict of plain JSON values; ``json.dumps`` writes it.

    Raises:
        InvalidValueError: When ``value`` is none of these, ``subject`` is given for
            something other than a routine or is not a JSON object, or a whole number of the
            value (a count, a number of sets, a frequency) is larger than FHIR R4's largest
            ``positiveInt``, 2,147,483,647, which the model allows and FHIR cannot carry.

    .. versionadded:: 0.2.0
    """
    given: object = value  # callers without a type checker may pass anything
    if subject is not None and (not isinstance(given, Routine) or not isinstance(subject, Mapping)):
        raise InvalidValueError(
            f"'subject' must be a FHIR Reference (a mapping) and goes with a Routine: {subject!r}"
        )
    if isinstance(given, Exercise):
        return activity_definition(given)
    if isinstance(given, Routine):
        return routine_bundle(given, subject=None if subject is None else dict(subject))
    if isinstance(given, Iterable) and not isinstance(given, (str, bytes, Mapping)):
        exercises = list(given)
        if all(isinstance(item, Exercise) for item in exercises):
            return bundle(activity_definition(item) for item in exercises)
    raise InvalidValueError(
        "to_fhir takes an Exercise, a Routine or a sequence of Exercise values: "
        f"{type(given).__name__}"
    )


def structure_definitions() -> tuple[dict[str, Any], ...]:
    """The ``StructureDefinition`` of every extension the library writes, as shipped.

    Returns:
        New dicts read from the package's ``definitions/*.json``, in the order of the extensions'
        declaration.

    .. versionadded:: 0.2.0
    """
    folder = resources.files(__name__).joinpath("definitions")
    return tuple(
        json.loads(folder.joinpath(f"{name}.json").read_text(encoding="utf-8"))
        for name in EXTENSIONS
    )
