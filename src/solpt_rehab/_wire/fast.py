"""The wire format: its constants, its shape as data, and the cattrs converter of the fast path.

The shape is written down once, as :class:`Obj` and its field specs. The detailed validator walks
documents by it, and the JSON Schema is generated from it, so the two cannot drift apart. The
converter here is the fast path: its hooks (written out for every part of an exercise, generated
by cattrs for the rest) structure a document straight into the model, strictly (no coercion of
``"3"`` to ``3``), and any failure sends the part that failed to the detailed validator, which
reports every problem with its path.
"""

from __future__ import annotations

import enum
import sys
from collections.abc import Callable, Iterable, Mapping
from enum import Enum
from types import MappingProxyType
from typing import Any, Final

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn

from .. import catalog
from .._model.values import (
    _SLUG,
    _SURROGATE,
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
from .._routines.dose import Side
from .._routines.values import Frequency, Routine, RoutineItem

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


def mapping_of(pairs: list[tuple[Any, Any]]) -> dict[Any, Any]:
    """The object a parser read as ``pairs``, with its repeated keys marked.

    A plain dict, or :class:`DuplicateKeys` when a key came more than once; each key's last value
    is kept, as ``dict`` keeps it.
    """
    result = dict(pairs)
    if len(result) == len(pairs):
        return result
    counts: dict[Any, int] = {}
    for key, _ in pairs:
        counts[key] = counts.get(key, 0) + 1
    marked = DuplicateKeys(result)
    marked.duplicates = tuple((key, count) for key, count in counts.items() if count > 1)
    return marked


# -- the shape of the format, as data ---------------------------------------------------------


@attrs.frozen
class Text:
    """Valid Unicode text: not empty (unless ``nonempty`` is false), :data:`TEXT_LIMIT` at most."""

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
    #: The allowed strings, in the enumeration's order, and the member each names: worked out
    #: once, since the detailed pass looks a value up for every enumerated field it reads.
    members: Mapping[str, Enum] = attrs.field(init=False, eq=False, repr=False)

    @members.default
    def _members(self) -> Mapping[str, Enum]:
        return MappingProxyType({str(member.value): member for member in self.enum})

    @property
    def values(self) -> tuple[str, ...]:
        """The allowed strings, in the enumeration's order."""
        return tuple(self.members)


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


# -- the fast path ----------------------------------------------------------------------------
#
# Valid content is read in one pass by the functions below, registered as the converter's hooks
# for the parts of an exercise. Each checks every rule of the wire format for its part (the spec
# above and the domain rules the detailed pass applies: types, required and unknown keys, allowed
# values, texts (valid Unicode, no surrogate), numbers, ranges, the rest and counting rules, the
# hold step), which include every check of the model's constructor for that class, and refuses
# anything else with an exception.
# Having checked them, it builds the value without running those checks a second time: it sets
# the attributes of a new instance directly, with the values the constructor would store (tuples,
# enumeration members). The tests hold both halves to it: the fast path succeeds exactly when the
# detailed pass, which builds through the constructors, finds no error, and builds an equal value.


class Rejected(Exception):  # noqa: N818 - internal signal, never seen by a caller
    """The fast path met something it does not accept; the detailed validator takes over."""


def _strict_text(value: object, _: object) -> str:
    if not isinstance(value, str) or len(value) > TEXT_LIMIT or not _unicode(value):
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
    if type(value) is not str:
        raise Rejected
    return _MEMBERS[kind][value]  # KeyError for anything else


def _enum_value(value: enum.Enum) -> object:
    return value.value


_new: Final = object.__new__


def _setters(cls: type[Any], names: Iterable[str]) -> tuple[Callable[[Any, Any], None], ...]:
    """The slot setters of ``cls``'s attributes; ``names`` must list them all, in order."""
    names = tuple(names)
    if names != tuple(field.name for field in attrs.fields(cls)):  # pragma: no cover
        raise AssertionError(f"the fast path of {cls.__name__} must set {attrs.fields(cls)}")
    return tuple(vars(cls)[name].__set__ for name in names)


def _reject() -> Any:
    raise Rejected


def _unicode(text: str) -> bool:
    """Whether ``text`` is valid Unicode (no surrogate code point); ASCII is decided at once."""
    return text.isascii() or not _SURROGATE.search(text)


def _text(value: object) -> str:
    """A valid Unicode text that is not empty (nor only white space), at most TEXT_LIMIT long."""
    if type(value) is str and len(value) <= TEXT_LIMIT and value.strip() and _unicode(value):
        return value
    raise Rejected


def _optional_text(value: object) -> str | None:
    if value is None or (
        type(value) is str and len(value) <= TEXT_LIMIT and value.strip() and _unicode(value)
    ):
        return value
    raise Rejected


def _any_text(value: object) -> str:
    """A valid Unicode text, empty or not, at most TEXT_LIMIT long."""
    if type(value) is str and len(value) <= TEXT_LIMIT and _unicode(value):
        return value
    raise Rejected


def _seconds(value: Any) -> float:
    """A finite number > 0 (an int or a float, never a bool) within the range of a float."""
    kind = type(value)
    if (kind is int or kind is float) and 0 < value <= FLOAT_MAX:  # NaN and inf fail here
        return value  # type: ignore[no-any-return]
    raise Rejected


def _count(value: Any) -> int:
    """A whole number > 0 (an int, never a bool) within the range of a float."""
    if type(value) is int and 0 < value <= FLOAT_MAX:
        return value
    raise Rejected


def _array(value: object) -> list[Any] | tuple[Any, ...]:
    if type(value) is list or type(value) is tuple:
        return value
    raise Rejected


_STEP_KINDS: Final = _MEMBERS[StepKind]
_REGIONS: Final = _MEMBERS[BodyRegion]
_LATERALITIES: Final = _MEMBERS[Laterality]
_COUNTINGS: Final = _MEMBERS[CountingRule]
_POSITIONS: Final = _MEMBERS[Position]
_LEVELS: Final = _MEMBERS[Level]
_CATEGORIES: Final = _MEMBERS[Category]
_TWO_SIDED: Final = frozenset(member.value for member in Laterality if member.two_sided)

_STEP_KEYS: Final = frozenset(STEP.fields)
_STEP_SET: Final = _setters(Step, STEP.fields)


def fast_step(value: Any) -> Step:
    """The hottest part (an exercise has several steps), so its checks are written inline."""
    if type(value) is not dict:
        raise Rejected
    text = value["text"]
    kind = value["kind"]
    distance = value.get("distance")
    if (
        len(value) != 2 + ("distance" in value)  # no key but these three
        or type(text) is not str
        or len(text) > TEXT_LIMIT
        or not text.strip()
        or not (text.isascii() or _SURROGATE.search(text) is None)
        or type(kind) is not str
        or (
            distance is not None
            and (
                type(distance) is not str
                or len(distance) > TEXT_LIMIT
                or not distance.strip()
                or not _unicode(distance)
            )
        )
    ):
        raise Rejected
    set_text, set_kind, set_distance = _STEP_SET
    step = _new(Step)
    set_text(step, text)
    set_kind(step, _STEP_KINDS[kind])
    set_distance(step, distance)
    return step


_HOLD_KEYS: Final = frozenset(HOLD.fields)
_HOLD_SET: Final = _setters(Hold, HOLD.fields)


def fast_hold(value: Any) -> Hold:
    """A hold: two numbers of seconds, the maximum not below the minimum."""
    if type(value) is not dict or not value.keys() <= _HOLD_KEYS:
        raise Rejected
    low = _seconds(value["min_seconds"])
    high = _seconds(value["max_seconds"])
    if high < low:
        raise Rejected
    set_low, set_high = _HOLD_SET
    hold = _new(Hold)
    set_low(hold, low)
    set_high(hold, high)
    return hold


_REST_KEYS: Final = frozenset(REST.fields)
_REST_SET: Final = _setters(Rest, REST.fields)


def fast_rest(value: Any) -> Rest:
    """A rest: both ends of a range of seconds, or neither and a text; a text in any case."""
    if type(value) is not dict or not value.keys() <= _REST_KEYS:
        raise Rejected
    low = value.get("min_seconds")
    high = value.get("max_seconds")
    text = _optional_text(value.get("text"))
    if low is None:
        if high is not None or text is None:
            raise Rejected
    elif high is None or _seconds(high) < _seconds(low):
        raise Rejected
    set_low, set_high, set_text = _REST_SET
    rest = _new(Rest)
    set_low(rest, low)
    set_high(rest, high)
    set_text(rest, text)
    return rest


_REPETITIONS_KEYS: Final = frozenset(REPETITIONS.fields)
_REPETITIONS_SET: Final = _setters(RepetitionScheme, REPETITIONS.fields)


def fast_repetitions(value: Any) -> RepetitionScheme:
    """A repetition scheme: counts, laterality, a counting rule exactly for two-sided work."""
    if type(value) is not dict or not value.keys() <= _REPETITIONS_KEYS:
        raise Rejected
    low = _count(value["min_reps"])
    high = value.get("max_reps")
    if high is not None and _count(high) < low:
        raise Rejected
    laterality = value["laterality"]
    counting = value.get("counting")
    if (
        type(laterality) is not str
        or (counting is not None and type(counting) is not str)
        or (laterality in _TWO_SIDED) != (counting is not None)
    ):
        raise Rejected
    laterality = _LATERALITIES[laterality]
    if counting is not None:
        counting = _COUNTINGS[counting]
    rest = value.get("rest")
    if rest is not None:
        rest = fast_rest(rest)
    set_low, set_high, set_laterality, set_counting, set_rest = _REPETITIONS_SET
    scheme = _new(RepetitionScheme)
    set_low(scheme, low)
    set_high(scheme, high)
    set_laterality(scheme, laterality)
    set_counting(scheme, counting)
    set_rest(scheme, rest)
    return scheme


_EQUIPMENT_KEYS: Final = frozenset(EQUIPMENT.fields)
_EQUIPMENT_SET: Final = _setters(Equipment, EQUIPMENT.fields)


def fast_equipment(value: Any) -> Equipment:
    """A piece of equipment: a name, whether it is optional, alternative names."""
    if type(value) is not dict or not value.keys() <= _EQUIPMENT_KEYS:
        raise Rejected
    name = _text(value["name"])
    optional = value["optional"]
    alternatives = _array(value.get("alternatives", ()))
    if type(optional) is not bool:
        raise Rejected
    alternatives = tuple([_text(item) for item in alternatives]) if alternatives else ()
    set_name, set_optional, set_alternatives = _EQUIPMENT_SET
    equipment = _new(Equipment)
    set_name(equipment, name)
    set_optional(equipment, optional)
    set_alternatives(equipment, alternatives)
    return equipment


_CITATION_KEYS: Final = frozenset(CITATION.fields)
_CITATION_SET: Final = _setters(Citation, CITATION.fields)


def fast_citation(value: Any) -> Citation:
    """A citation: a title, a publisher (may be empty), an optional url and locator."""
    if type(value) is not dict or not value.keys() <= _CITATION_KEYS:
        raise Rejected
    set_title, set_publisher, set_url, set_locator = _CITATION_SET
    citation = _new(Citation)
    set_title(citation, _text(value["title"]))
    set_publisher(citation, _any_text(value.get("publisher", "")))
    set_url(citation, _optional_text(value.get("url")))
    set_locator(citation, _optional_text(value.get("locator")))
    return citation


_EXERCISE_KEYS: Final = frozenset(EXERCISE.fields)
_EXERCISE_SET: Final = _setters(Exercise, EXERCISE.fields)
_HOLD_STEP: Final = StepKind.HOLD


def _choice(members: dict[str, Any], value: object) -> Any:
    if value is None:
        return None
    if type(value) is not str:
        raise Rejected
    return members[value]


def fast_exercise(body: object, keys: list[int] | None = None) -> Exercise:
    """Build an exercise object, or raise (anything) when it is not perfectly valid.

    Args:
        body: The exercise object.
        keys: When given, ``keys[0]`` grows by the number of keys of every object read.
    """
    value: Any = body
    if type(value) is not dict or not value.keys() <= _EXERCISE_KEYS:
        raise Rejected
    identifier = value["id"]
    if (
        type(identifier) is not str
        or len(identifier) > TEXT_LIMIT
        or not _SLUG.fullmatch(identifier)
    ):
        raise Rejected
    raw_steps = _array(value["steps"])
    if not raw_steps:
        raise Rejected
    steps = tuple([fast_step(step) for step in raw_steps])
    raw_hold = value.get("hold")
    hold = None
    if raw_hold is not None:
        hold = fast_hold(raw_hold)
        for step in steps:
            if step.kind is _HOLD_STEP:
                break
        else:
            raise Rejected
    raw_repetitions = value["repetitions"]
    raw_equipment = _array(value.get("equipment", ()))
    raw_source = value.get("source")
    (
        set_id,
        set_name,
        set_purpose,
        set_steps,
        set_hold,
        set_repetitions,
        set_regions,
        set_position,
        set_level,
        set_category,
        set_equipment,
        set_source,
    ) = _EXERCISE_SET
    exercise = _new(Exercise)
    set_id(exercise, identifier)
    set_name(exercise, _text(value["name"]))
    set_purpose(exercise, _any_text(value.get("purpose", "")))
    set_steps(exercise, steps)
    set_hold(exercise, hold)
    set_repetitions(exercise, fast_repetitions(raw_repetitions))
    set_regions(
        exercise,
        tuple(
            [
                _REGIONS[region] if type(region) is str else _reject()
                for region in _array(value.get("regions", ()))
            ]
        ),
    )
    set_position(exercise, _choice(_POSITIONS, value.get("position")))
    set_level(exercise, _choice(_LEVELS, value.get("level")))
    set_category(exercise, _choice(_CATEGORIES, value.get("category")))
    set_equipment(exercise, tuple([fast_equipment(item) for item in raw_equipment]))
    set_source(exercise, None if raw_source is None else fast_citation(raw_source))
    if keys is not None:
        rest = raw_repetitions.get("rest")
        keys[0] += (
            len(value)
            + sum(map(len, raw_steps))
            + (0 if raw_hold is None else len(raw_hold))
            + len(raw_repetitions)
            + (0 if rest is None else len(rest))
            + sum(map(len, raw_equipment))
            + (0 if raw_source is None else len(raw_source))
        )
    return exercise


_CATALOG_KEYS: Final = frozenset({*HEADER_KEYS, "exercises"})


def fast_document(document: object, kind: str | None, keys: list[int] | None = None) -> Any:
    """Build an exercise or catalog document, or raise (anything) when it has any error.

    A routine document always raises: routines are read by the detailed pass.

    Args:
        document: The parsed document.
        kind: The kind the caller expects, or ``None``.
        keys: When given, ``keys[0]`` grows by the number of keys of every object read.

    Returns:
        The :class:`Exercise`, or the tuple of a catalog's exercises.
    """
    value: Any = document
    if type(value) is not dict:
        raise Rejected
    found = value.get("kind")
    version = value.get("format_version")
    if (
        type(version) is not int
        or version != FORMAT_VERSION
        or type(found) is not str
        or (kind is not None and found != kind)
    ):
        raise Rejected
    if found == "catalog":
        if value.keys() != _CATALOG_KEYS:
            raise Rejected
        exercises = tuple([fast_exercise(body, keys) for body in _array(value["exercises"])])
        if len({exercise.id for exercise in exercises}) != len(exercises):
            raise Rejected
        if keys is not None:
            keys[0] += len(value)
        return exercises
    if found == "exercise":
        content = {key: element for key, element in value.items() if key not in HEADER_KEYS}
        exercise = fast_exercise(content, keys)
        if keys is not None:
            keys[0] += len(HEADER_KEYS)
        return exercise
    raise Rejected


def _unstructure_array(converter: cattrs.Converter) -> Callable[[tuple[Any, ...]], list[Any]]:
    def unstructure(value: tuple[Any, ...]) -> list[Any]:
        return [converter.unstructure(element) for element in value]

    return unstructure


def _hook(function: Callable[[Any], Any]) -> Callable[[Any, Any], Any]:
    def structure(value: Any, _: object) -> Any:
        return function(value)

    return structure


def make_converter() -> cattrs.Converter:
    """Build the converter: the fast path's hooks, strict primitives, unknown keys refused."""
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=False)
    converter.register_structure_hook(str, _strict_text)
    converter.register_structure_hook(int, _strict_int)
    converter.register_structure_hook(float, _strict_float)
    converter.register_structure_hook(bool, _strict_bool)
    for kind in _MEMBERS:
        converter.register_structure_hook(kind, _strict_enum)
        converter.register_unstructure_hook(kind, _enum_value)
    for cls, function in (
        (Step, fast_step),
        (Hold, fast_hold),
        (Rest, fast_rest),
        (RepetitionScheme, fast_repetitions),
        (Equipment, fast_equipment),
        (Citation, fast_citation),
        (Exercise, fast_exercise),
    ):
        converter.register_structure_hook(cls, _hook(function))
    converter.register_structure_hook(
        Frequency, make_dict_structure_fn(Frequency, converter, _cattrs_forbid_extra_keys=True)
    )
    converter.register_unstructure_hook_func(
        lambda kind: getattr(kind, "__origin__", None) is tuple, _unstructure_array(converter)
    )
    return converter


CONVERTER: Final = make_converter()


# -- writing documents ------------------------------------------------------------------------


def exercise_body(exercise: Exercise) -> dict[str, Any]:
    """An exercise as a JSON object, every field written."""
    body: dict[str, Any] = CONVERTER.unstructure(exercise)
    return body


def routine_body(routine: Routine) -> dict[str, Any]:
    """A routine as a JSON object: an exercise equal to the catalog's is written by its id.

    Any other exercise is embedded where it first appears and referred to by id afterwards; an id
    embedded in a routine takes precedence over the catalog's wherever it appears. A routine holds
    one exercise per id (:class:`Routine` refuses two different ones), so the id always means
    the exercise each item holds, and the routine reads back equal.
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


def _in_catalog(exercise: Exercise) -> bool:
    """Whether the built-in catalog holds ``exercise`` under its id, exactly as it is."""
    return exercise.id in catalog.ids() and catalog.get(exercise.id) == exercise


def header(kind: str) -> dict[str, Any]:
    """The keys that open a document of ``kind``."""
    return {"kind": kind, "format_version": FORMAT_VERSION}
