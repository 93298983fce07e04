"""The wire format: its constants, its shape as data, and the cattrs converter of the fast path.

The shape is written down once, as :class:`Obj` and its field specs. The detailed validator walks
documents by it, and the JSON Schema is generated from it, so the two cannot drift apart. The
converter here is the fast path: cattrs structures a document straight into the model, strictly
(no coercion of ``"3"`` to ``3``), and any failure sends the part that failed to the detailed
validator, which reports every problem with its path.
"""

from __future__ import annotations

import enum
import sys
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Final

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn

from . import catalog
from ._model import (
    BodyRegion,
    Category,
    Citation,
    CountingRule,
    Equipment,
    Exercise,
    Hold,
    Laterality,
    Level,
    Position,
    RepetitionScheme,
    Rest,
    Step,
    StepKind,
)
from ._routine import Frequency, Routine, RoutineItem, Side

#: The one version of the wire format this library reads and writes.
FORMAT_VERSION: Final = 1
#: The kinds of document, in the order the docs present them.
KINDS: Final = ("exercise", "catalog", "routine")
#: The longest text the format accepts, in characters (code points).
TEXT_LIMIT: Final = 10_000
#: The largest magnitude a number may have: the largest finite 64-bit float.
FLOAT_MAX: Final = sys.float_info.max
#: The keys a document adds to its content.
HEADER_KEYS: Final = ("kind", "format_version")


# -- what parsing text leaves for the validator -----------------------------------------------


@attrs.frozen
class BadNumber:
    """A number that JSON text spelled but no JSON value can hold (``NaN``, ``1e400``).

    The text parser puts one where the number stood, so that the validator reports it with its
    path, under ``code``.
    """

    text: str
    code: str
    reason: str

    def __repr__(self) -> str:
        return self.text


class DuplicateKeys(dict[Any, Any]):
    """An object in which the text repeated keys; the last value of each is kept.

    Attributes:
        duplicates: Each repeated key with how many times it appeared, in order.
    """

    duplicates: tuple[tuple[str, int], ...] = ()


# -- the shape of the format, as data ---------------------------------------------------------


@attrs.frozen
class Text:
    """A string: not empty (unless ``nonempty`` is false), at most :data:`TEXT_LIMIT` long."""

    nonempty: bool = True
    slug: bool = False


@attrs.frozen
class Number:
    """A finite number > 0; ``whole`` asks for an int, ``maximum`` caps it."""

    whole: bool = False
    maximum: int | None = None


@attrs.frozen
class Flag:
    """``true`` or ``false``."""


@attrs.frozen
class Choice:
    """One of an enumeration's string values."""

    enum: type[enum.Enum]

    @property
    def values(self) -> tuple[str, ...]:
        """The allowed strings, in the enumeration's order."""
        return tuple(str(member.value) for member in self.enum)


@attrs.frozen
class Array:
    """An array of ``item``, with at least ``min_items``."""

    item: Spec
    min_items: int = 0


@attrs.frozen
class Nullable:
    """``null``, or ``inner``."""

    inner: Spec


@attrs.frozen
class ExerciseRef:
    """A routine item's exercise: a catalog or embedded id (a slug), or an embedded exercise."""


@attrs.frozen
class Obj:
    """An object that structures into ``cls``: its fields in order, and which are required."""

    cls: type[Any]
    fields: Mapping[str, Spec]
    required: frozenset[str]


Spec = Text | Number | Flag | Choice | Array | Nullable | ExerciseRef | Obj


def _obj(cls: type[Any], fields: dict[str, Spec], *, optional: Iterable[str] = ()) -> Obj:
    """Describe ``cls``: a key may be omitted exactly when the attribute has a default."""
    names = [field.name for field in attrs.fields(cls)]
    if names != list(fields):  # pragma: no cover - a programming error caught at import
        raise AssertionError(f"the spec of {cls.__name__} must list {names}")
    required = {field.name for field in attrs.fields(cls) if field.default is attrs.NOTHING} - set(
        optional
    )
    return Obj(cls=cls, fields=fields, required=frozenset(required))


STEP: Final = _obj(Step, {"text": Text(), "kind": Choice(StepKind), "distance": Nullable(Text())})
HOLD: Final = _obj(Hold, {"min_seconds": Number(), "max_seconds": Number()})
REST: Final = _obj(
    Rest,
    {
        "min_seconds": Nullable(Number()),
        "max_seconds": Nullable(Number()),
        "text": Nullable(Text()),
    },
)
REPETITIONS: Final = _obj(
    RepetitionScheme,
    {
        "min_reps": Number(whole=True),
        "max_reps": Nullable(Number(whole=True)),
        "laterality": Choice(Laterality),
        "counting": Nullable(Choice(CountingRule)),
        "rest": Nullable(REST),
    },
)
EQUIPMENT: Final = _obj(
    Equipment, {"name": Text(), "optional": Flag(), "alternatives": Array(Text())}
)
CITATION: Final = _obj(
    Citation,
    {
        "title": Text(),
        "publisher": Text(nonempty=False),
        "url": Nullable(Text()),
        "locator": Nullable(Text()),
    },
)
EXERCISE: Final = _obj(
    Exercise,
    {
        "id": Text(slug=True),
        "name": Text(),
        "purpose": Text(nonempty=False),
        "steps": Array(STEP, min_items=1),
        "hold": Nullable(HOLD),
        "repetitions": REPETITIONS,
        "regions": Array(Choice(BodyRegion)),
        "position": Nullable(Choice(Position)),
        "level": Nullable(Choice(Level)),
        "category": Nullable(Choice(Category)),
        "equipment": Array(EQUIPMENT),
        "source": Nullable(CITATION),
    },
)
FREQUENCY: Final = _obj(
    Frequency,
    {"sessions_per_day": Number(whole=True), "days_per_week": Number(whole=True, maximum=7)},
)
#: ``side`` may be omitted: it then means the library's default side for the exercise.
ITEM: Final = _obj(
    RoutineItem,
    {
        "exercise": ExerciseRef(),
        "hold_seconds": Nullable(Number()),
        "reps": Number(whole=True),
        "side": Nullable(Choice(Side)),
        "deviation": Nullable(Text()),
    },
    optional=("side",),
)
ROUTINE: Final = _obj(
    Routine,
    {
        "name": Text(),
        "items": Array(ITEM, min_items=1),
        "frequency": FREQUENCY,
        "weeks": Nullable(Number(whole=True)),
    },
)


# -- the fast path: a strict cattrs converter -------------------------------------------------


class Rejected(Exception):  # noqa: N818 - internal signal, never seen by a caller
    """The fast path met something it does not accept; the detailed validator takes over."""


def _strict_text(value: object, _: object) -> str:
    if not isinstance(value, str) or len(value) > TEXT_LIMIT:
        raise Rejected
    return value


def _strict_int(value: object, _: object) -> int:
    if type(value) is not int or value > FLOAT_MAX or value < -FLOAT_MAX:
        raise Rejected
    return value


def _strict_float(value: object, _: object) -> float:
    kind = type(value)
    if kind is float:
        return value  # type: ignore[return-value]  # the model's validators check finiteness
    if kind is int and -FLOAT_MAX <= value <= FLOAT_MAX:  # type: ignore[operator]
        return value  # type: ignore[return-value]
    raise Rejected


def _strict_bool(value: object, _: object) -> bool:
    if type(value) is not bool:
        raise Rejected
    return value


_MEMBERS: Final[dict[type[enum.Enum], dict[str, enum.Enum]]] = {
    kind: {member.value: member for member in kind}
    for kind in (
        BodyRegion,
        Category,
        CountingRule,
        Laterality,
        Level,
        Position,
        Side,
        StepKind,
    )
}


def _strict_enum(value: Any, kind: type[enum.Enum]) -> enum.Enum:
    return _MEMBERS[kind][value]  # KeyError or TypeError (unhashable) for anything else


_STEP_KEYS: Final = frozenset({"text", "kind", "distance"})


def _structure_step(value: Any, _: object) -> Step:
    """The hottest hook (an exercise has several steps), written out instead of generated."""
    if type(value) is not dict or not value.keys() <= _STEP_KEYS:
        raise Rejected
    text = value["text"]
    distance = value.get("distance")
    if (
        type(text) is not str
        or len(text) > TEXT_LIMIT
        or (distance is not None and (type(distance) is not str or len(distance) > TEXT_LIMIT))
    ):
        raise Rejected
    kind: Any = _MEMBERS[StepKind][value["kind"]]
    return Step(text=text, kind=kind, distance=distance)


def _enum_value(value: enum.Enum) -> object:
    return value.value


def _array_of(
    item: Callable[[Any, Any], Any], item_type: type[Any]
) -> Callable[[object, object], tuple[Any, ...]]:
    def structure(value: object, _: object) -> tuple[Any, ...]:
        if not isinstance(value, (list, tuple)):
            raise Rejected
        return tuple([item(element, item_type) for element in value])

    return structure


def _unstructure_array(converter: cattrs.Converter) -> Callable[[tuple[Any, ...]], list[Any]]:
    def unstructure(value: tuple[Any, ...]) -> list[Any]:
        return [converter.unstructure(element) for element in value]

    return unstructure


def make_converter() -> cattrs.Converter:
    """Build the converter: strict primitives, arrays only as arrays, unknown keys refused."""
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=False)
    converter.register_structure_hook(str, _strict_text)
    converter.register_structure_hook(int, _strict_int)
    converter.register_structure_hook(float, _strict_float)
    converter.register_structure_hook(bool, _strict_bool)
    for kind in _MEMBERS:
        converter.register_structure_hook(kind, _strict_enum)
        converter.register_unstructure_hook(kind, _enum_value)

    # Hooks are generated in dependency order: a generated function keeps the hooks of its
    # fields as they are when it is made, so an array hook must exist before its container's.
    def array(alias: object, item: Callable[[Any, Any], Any], item_type: type[Any]) -> None:
        converter.register_structure_hook_func(
            lambda kind: kind == alias, _array_of(item, item_type)
        )

    def attrs_class(cls: type[Any]) -> None:
        converter.register_structure_hook(
            cls, make_dict_structure_fn(cls, converter, _cattrs_forbid_extra_keys=True)
        )

    array(tuple[str, ...], _strict_text, str)
    array(tuple[BodyRegion, ...], _strict_enum, BodyRegion)
    converter.register_structure_hook(Step, _structure_step)
    for cls in (Hold, Rest, RepetitionScheme, Equipment, Citation, Frequency):
        attrs_class(cls)
    array(tuple[Step, ...], converter.get_structure_hook(Step), Step)
    array(tuple[Equipment, ...], converter.get_structure_hook(Equipment), Equipment)
    converter.register_unstructure_hook_func(
        lambda kind: getattr(kind, "__origin__", None) is tuple, _unstructure_array(converter)
    )
    attrs_class(Exercise)
    return converter


CONVERTER: Final = make_converter()
_structure_exercise: Final = CONVERTER.get_structure_hook(Exercise)


def fast_exercise(body: object) -> Exercise:
    """Structure an exercise object, or raise (anything) when it is not perfectly valid."""
    exercise: Exercise = _structure_exercise(body, Exercise)
    if exercise.hold is not None and not exercise.steps_of(StepKind.HOLD):
        raise Rejected
    return exercise


# -- writing documents ------------------------------------------------------------------------


def exercise_body(exercise: Exercise) -> dict[str, Any]:
    """An exercise as a JSON object, every field written."""
    body: dict[str, Any] = CONVERTER.unstructure(exercise)
    return body


def routine_body(routine: Routine) -> dict[str, Any]:
    """A routine as a JSON object: an exercise equal to the catalog's is written by its id.

    An exercise the catalog lacks (or holds differently) is embedded where it first appears and
    referred to by id afterwards. An id embedded in a routine takes precedence over the catalog's
    wherever it appears, so a catalog exercise is written by id only when the routine embeds no
    other exercise of that id.
    """
    known = set(catalog.ids())
    custom = {
        item.exercise.id
        for item in routine.items
        if item.exercise.id not in known or item.exercise != catalog.get(item.exercise.id)
    }
    written: dict[str, Exercise] = {}
    items = []
    for item in routine.items:
        exercise = item.exercise
        reference: object
        if exercise.id not in custom or written.get(exercise.id) == exercise:
            reference = exercise.id
        else:
            reference = exercise_body(exercise)
            written.setdefault(exercise.id, exercise)
        items.append(
            {
                "exercise": reference,
                "hold_seconds": item.hold_seconds,
                "reps": item.reps,
                "side": item.side.value,
                "deviation": item.deviation,
            }
        )
    return {
        "name": routine.name,
        "items": items,
        "frequency": CONVERTER.unstructure(routine.frequency),
        "weeks": routine.weeks,
    }


def header(kind: str) -> dict[str, Any]:
    """The keys that open a document of ``kind``."""
    return {"kind": kind, "format_version": FORMAT_VERSION}
