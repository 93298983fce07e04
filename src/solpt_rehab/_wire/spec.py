"""The wire format's shape: derived from the model's declarations, plus what only the format has.

Each object of a document is a declared class of the model (:func:`.._model.rules.fields_of`):
its keys are the fields, a key may be left out exactly when the field has a default. A routine
item is the one object the model does not declare, since its rules are the dose rules of
:mod:`solpt_rehab._routines`: its shape is written here, where the format refers to an exercise by
id or embeds it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Final

import attrs

from .._model.rules import (
    SLUG_PATTERN,
    TEXT_LIMIT,
    DeclaredField,
    Nullable,
    Number,
    Part,
    Rule,
    Spec,
    Text,
    fields_of,
    one_of,
    rules_of,
    show,
    specs_within,
)
from .._model.values import Exercise, Load
from .._routines.dose import Side
from .._routines.progression import PROGRESSIONS
from .._routines.values import RoutineItem

__all__ = [
    "FORMAT_VERSION",
    "HEADER_KEYS",
    "KINDS",
    "KIND_SINCE",
    "READ_VERSIONS",
    "ExerciseRef",
    "Shape",
    "shape_of",
]

#: The version of the wire format this library writes.
FORMAT_VERSION: Final = 2
#: The versions it reads: a version-1 document is read by the same rules, and may not hold a key
#: that version 2 introduced (a field's :attr:`~.._model.rules.DeclaredField.since`).
READ_VERSIONS: Final = (1, 2)
#: The kinds of document, in the order the docs present them.
KINDS: Final = ("exercise", "catalog", "routine", "session-log")
#: The version of the format that introduced each kind, where later than the first.
KIND_SINCE: Final = {"session-log": 2}
#: The keys a document adds to its content.
HEADER_KEYS: Final = ("kind", "format_version")


@attrs.frozen
class ExerciseRef(Spec):
    """A routine item's exercise: a catalog or embedded id (a slug), or an embedded exercise."""

    def problem(self, value: object, name: str, *, nullable: bool = False) -> Any:  # noqa: ARG002
        """See :meth:`Spec.problem`: checked by the validator's routine reading."""
        if isinstance(value, (str, dict)):
            return None
        return (
            "wrong-type",
            f"{name!r} must be an exercise id or an exercise object: {show(value)}",
        )

    def inline(self, var: str, namespace: dict[str, Any]) -> str:  # noqa: ARG002
        """See :meth:`Spec.inline`."""
        return f"isinstance({var}, (str, dict))"

    def schema(self) -> dict[str, Any]:
        """See :meth:`Spec.schema`."""
        return {
            "anyOf": [
                {"type": "string", "maxLength": TEXT_LIMIT, "pattern": SLUG_PATTERN},
                {"$ref": "#/$defs/exercise"},
            ]
        }

    def breaking(self) -> Iterator[tuple[str, object]]:
        """See :meth:`Spec.breaking`."""
        yield "wrong-type", 3


@attrs.frozen
class Shape:
    """An object of the format: the class it builds, its keys in order, and its rules."""

    cls: type[Any]
    fields: tuple[DeclaredField, ...]
    rules: tuple[Rule, ...]
    #: The keys, in order.
    keys: tuple[str, ...] = attrs.field(init=False)
    #: The keys that may not be left out.
    required: frozenset[str] = attrs.field(init=False)
    #: The keys a later version of the format introduced, with that version.
    since: dict[str, int] = attrs.field(init=False)

    @keys.default
    def _keys(self) -> tuple[str, ...]:
        return tuple(field.name for field in self.fields)

    @required.default
    def _required(self) -> frozenset[str]:
        return frozenset(field.name for field in self.fields if field.required)

    @since.default
    def _since(self) -> dict[str, int]:
        return {field.name: field.since for field in self.fields if field.since > 1}


#: A routine item: ``side`` may be left out, and then means the exercise's default side.
_ITEM: Final = Shape(
    cls=RoutineItem,
    fields=(
        DeclaredField(name="exercise", spec=ExerciseRef(), default=attrs.NOTHING),
        DeclaredField(name="hold_seconds", spec=Nullable(Number()), default=None),
        DeclaredField(name="reps", spec=Number(whole=True), default=attrs.NOTHING),
        DeclaredField(name="side", spec=Nullable(one_of(Side)), default=None),
        DeclaredField(name="deviation", spec=Nullable(Text()), default=None),
        DeclaredField(name="sets", spec=Nullable(Number(whole=True)), default=None, since=2),
        DeclaredField(name="work_seconds", spec=Nullable(Number()), default=None, since=2),
        DeclaredField(name="load", spec=Nullable(Part(Load)), default=None, since=2),
        DeclaredField(name="notes", spec=Nullable(Text()), default=None, since=2),
        DeclaredField(name="progression", spec=PROGRESSIONS, default=(), since=2),
    ),
    rules=(),
)
_SHAPES: Final[dict[type[Any], Shape]] = {RoutineItem: _ITEM}


def shape_of(cls: type[Any]) -> Shape:
    """The shape of the objects that build ``cls``."""
    shape = _SHAPES.get(cls)
    if shape is None:
        shape = _SHAPES[cls] = Shape(cls=cls, fields=fields_of(cls), rules=rules_of(cls))
    return shape


def parts(cls: type[Any] = Exercise) -> Iterator[type[Any]]:
    """``cls`` and every class its fields hold as a part, each once, depth first."""
    seen: set[type[Any]] = set()

    def visit(kind: type[Any]) -> Iterator[type[Any]]:
        if kind in seen:
            return
        seen.add(kind)
        yield kind
        for field in shape_of(kind).fields:
            for spec in specs_within(field.spec):
                if isinstance(spec, Part):
                    yield from visit(spec.cls)
                elif isinstance(spec, ExerciseRef):
                    yield from visit(Exercise)

    yield from visit(cls)
