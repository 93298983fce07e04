"""Writing values as wire-format documents: every field explicit, enumerations as their values."""

from __future__ import annotations

import datetime
import enum
from typing import Any

from .. import catalog
from .._model.rules import is_declared
from .._model.values import Exercise
from .._routines.values import Routine, RoutineItem
from .spec import FORMAT_VERSION, shape_of

__all__ = ["exercise_body", "header", "plain", "routine_body"]


def plain(value: Any) -> Any:
    """A model value as plain JSON values: objects in declaration order, arrays as lists."""
    if is_declared(type(value)):
        return {key: plain(getattr(value, key)) for key in shape_of(type(value)).keys}
    if isinstance(value, tuple):
        return [plain(element) for element in value]
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, datetime.time):
        return value.isoformat(timespec="minutes")
    return value


def exercise_body(exercise: Exercise) -> dict[str, Any]:
    """An exercise as a JSON object, every field written, in declaration order."""
    body: dict[str, Any] = plain(exercise)
    return body


def routine_body(routine: Routine) -> dict[str, Any]:
    """A routine as a JSON object: an exercise equal to the catalog's is written by its id.

    Any other exercise is embedded where it first appears and referred to by id afterwards; an id
    embedded in a routine takes precedence over the catalog's wherever it appears. A routine holds
    one exercise per id (:class:`~solpt_rehab.Routine` refuses two different ones), so the id
    always means the exercise each item holds, and the routine reads back equal.
    """
    embedded: set[str] = set()
    items = []
    for item in routine.items:
        exercise = item.exercise
        reference: object = exercise.id
        if exercise.id not in embedded and not _in_catalog(exercise):
            reference = exercise_body(exercise)
            embedded.add(exercise.id)
        items.append(
            {
                key: reference if key == "exercise" else plain(getattr(item, key))
                for key in shape_of(RoutineItem).keys
            }
        )
    return {
        key: items if key == "items" else plain(getattr(routine, key))
        for key in shape_of(Routine).keys
    }


def _in_catalog(exercise: Exercise) -> bool:
    """Whether the built-in catalog holds ``exercise`` under its id, exactly as it is."""
    return exercise.id in catalog.ids() and catalog.get(exercise.id) == exercise


def header(kind: str) -> dict[str, Any]:
    """The keys that open a document of ``kind``."""
    return {"kind": kind, "format_version": FORMAT_VERSION}
