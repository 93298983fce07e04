"""The fast decoder, generated from the model's declarations (as cattrs generates its hooks).

For every declared class an exercise is made of, a *decoding twin* is generated: a subclass with
no slots of its own whose annotations are the wire types of the declared fields and whose
optional fields default to :data:`_ABSENT`. msgspec decodes JSON text (or converts parsed
objects) straight into the twins, in C, refusing wrong types, missing keys and anything a type
cannot hold. Each twin's generated ``__attrs_post_init__`` then puts the declared defaults in
place of :data:`_ABSENT`, turns the object into an instance of the model's class (the twin adds
no slot, so the object is one of the model's own), runs the class's own compiled check (the very
code its constructor runs) and counts the keys the object held.

msgspec skips keys no field names, and keeps the last of a repeated key. So the decoder accepts a
document only when its objects held as many keys as its text spells (or its parsed objects hold):
then no key was unknown or repeated. Anything it refuses is read by the detailed pass, which
reports every problem; the tests hold both to the same answer.
"""

from __future__ import annotations

import datetime
import threading
from collections.abc import Callable
from typing import Any, Final, Literal

import attrs
import msgspec

from .._model.rules import (
    ArrayOf,
    Day,
    Flag,
    Nullable,
    Number,
    OneOf,
    Part,
    Spec,
    Text,
    TimeOfDay,
    check_source,
    specs_within,
)
from .._model.values import Exercise
from .markers import UNSOUND
from .spec import FORMAT_VERSION, HEADER_KEYS, shape_of
from .text import keys_unrepeated

__all__ = [
    "catalog_segments",
    "decode_text",
    "fast_document",
    "fast_part",
    "segment_exercise",
]


class _Absent:
    """A key the decoded object did not hold."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "_ABSENT"


_ABSENT: Final = _Absent()
#: How many keys the objects decoded on this thread held, counted by the twins as they are made.
_COUNT: Final = threading.local()
#: What msgspec raises for content it refuses: a type it cannot hold, a rule the twin's check
#: finds broken, a text it cannot encode (a lone surrogate), nesting too deep to follow.
_REFUSED: Final = (
    msgspec.ValidationError,
    msgspec.DecodeError,
    ValueError,
    TypeError,
    RecursionError,
)
_set: Final = object.__setattr__
_TWINS: Final[dict[type[Any], type[Any]]] = {}


def _wire_type(spec: Spec) -> Any:  # noqa: PLR0911 - one return per kind of spec
    """The type msgspec decodes a field of ``spec`` as."""
    if isinstance(spec, Text):
        return str
    if isinstance(spec, Number):
        return int if spec.whole else int | float  # an int stays an int, as written
    if isinstance(spec, Flag):
        return bool
    if isinstance(spec, Day):
        return datetime.date
    if isinstance(spec, OneOf):
        return spec.enum
    if isinstance(spec, Part):
        return twin(spec.cls)
    if isinstance(spec, ArrayOf):
        return tuple[_wire_type(spec.item), ...]  # type: ignore[misc]
    if isinstance(spec, Nullable):
        return _wire_type(spec.inner) | None
    raise TypeError(f"no wire type for {spec!r}")  # pragma: no cover - a new kind of spec


def twin(cls: type[Any]) -> type[Any]:
    """The decoding twin of a declared class, generated once."""
    made = _TWINS.get(cls)
    if made is not None:
        return made
    fields = shape_of(cls).fields
    body: dict[str, Any] = {
        "__annotations__": {field.name: _wire_type(field.spec) for field in fields},
        "__attrs_post_init__": _finish(cls),
        "__module__": __name__,
    }
    for field in fields:
        if not field.required:
            body[field.name] = _ABSENT
    made = attrs.frozen(kw_only=True, slots=True)(type(f"_Decoded{cls.__name__}", (cls,), body))
    _TWINS[cls] = made
    return made


def _finish(cls: type[Any]) -> Callable[[Any], None]:
    """Generate a twin's ``__attrs_post_init__``: defaults, class, the declared check, the count.

    The check is the class's own (:func:`~solpt_rehab._model.rules.check_source`), written into
    the same function so that a decoded object costs one call.
    """
    fields = shape_of(cls).fields
    namespace: dict[str, Any] = {"_ABSENT": _ABSENT, "_set": _set, "_cls": cls, "_COUNT": _COUNT}
    lines = ["def finish(self):", f"    keys = {len(fields)}"]
    for index, field in enumerate(fields):
        if field.required:
            continue
        namespace[f"_d{index}"] = field.default
        lines += [
            f"    if self.{field.name} is _ABSENT:",
            f"        _set(self, {field.name!r}, _d{index})",
            "        keys -= 1",
        ]
    lines.append("    _set(self, '__class__', _cls)")
    lines += check_source(cls, namespace)
    lines.append("    _COUNT.keys += keys")
    exec(compile("\n".join(lines), f"<decoding twin of {cls.__qualname__}>", "exec"), namespace)  # noqa: S102 - our own generated source
    finish: Callable[[Any], None] = namespace["finish"]
    return finish


# -- documents ------------------------------------------------------------------------------------


def _exercise_document() -> type[msgspec.Struct]:
    """An exercise document: the header's keys beside the exercise's own."""
    fields: list[tuple[str, Any, Any]] = [
        ("format_version", Literal[FORMAT_VERSION], msgspec.NODEFAULT),
    ]
    for field in shape_of(Exercise).fields:
        default = msgspec.NODEFAULT if field.required else msgspec.UNSET
        fields.append((field.name, _wire_type(field.spec), default))
    required = [field for field in fields if field[2] is msgspec.NODEFAULT]
    optional = [field for field in fields if field[2] is not msgspec.NODEFAULT]
    return msgspec.defstruct(
        "ExerciseDocument",
        [*((name, kind) for name, kind, _ in required), *optional],
        tag_field="kind",
        tag="exercise",
        forbid_unknown_fields=True,
    )


def _catalog_document() -> type[msgspec.Struct]:
    return msgspec.defstruct(
        "CatalogDocument",
        [
            ("format_version", Literal[FORMAT_VERSION]),
            ("exercises", tuple[twin(Exercise), ...]),  # type: ignore[misc]
        ],
        tag_field="kind",
        tag="catalog",
        forbid_unknown_fields=True,
    )


_EXERCISE_DOCUMENT: Final = _exercise_document()
_CATALOG_DOCUMENT: Final = _catalog_document()
#: Both kinds, told apart by ``kind`` (which a union of tagged structs requires).
_DECODER: Final = msgspec.json.Decoder(_CATALOG_DOCUMENT | _EXERCISE_DOCUMENT)


def _content(document: Any) -> tuple[Any, int]:
    """What a decoded document builds, and how many keys it held besides its parts'."""
    if isinstance(document, _CATALOG_DOCUMENT):
        exercises = document.exercises  # type: ignore[attr-defined]
        if len({exercise.id for exercise in exercises}) != len(exercises):
            return UNSOUND, 0
        return exercises, 3
    values = {
        field.name: getattr(document, field.name)
        for field in shape_of(Exercise).fields
        if getattr(document, field.name) is not msgspec.UNSET
    }
    try:
        return Exercise(**values), len(HEADER_KEYS) + len(values)
    except ValueError:
        return UNSOUND, 0


def _catalog_segments() -> type[msgspec.Struct]:
    """A catalog document whose exercises are kept as raw JSON, each to be read on its own."""
    return msgspec.defstruct(
        "CatalogSegments",
        [("format_version", Literal[FORMAT_VERSION]), ("exercises", list[msgspec.Raw])],
        tag_field="kind",
        tag="catalog",
        forbid_unknown_fields=True,
    )


_SEGMENTS: Final = msgspec.json.Decoder(_catalog_segments())
_EXERCISE: Final = msgspec.json.Decoder(twin(Exercise))


def catalog_segments(text: str) -> list[msgspec.Raw] | None:
    """The raw JSON of each exercise of a catalog document, or ``None``.

    ``None`` when the text is no catalog document whose top level is sound (its kind, version
    and keys), or is not JSON: the whole text is then read as before. The top level's keys
    are not counted here: :func:`segment_exercise` counts each exercise's, and the caller
    checks the whole text's count.
    """
    try:
        return _SEGMENTS.decode(text).exercises  # type: ignore[attr-defined, no-any-return]
    except _REFUSED:
        return None


def segment_exercise(raw: msgspec.Raw) -> tuple[Any, int]:
    """Build one exercise from its raw JSON: the exercise and the keys it held, or ``UNSOUND``."""
    _COUNT.keys = 0
    try:
        return _EXERCISE.decode(raw), _COUNT.keys
    except _REFUSED:
        return UNSOUND, 0


def decode_text(text: str, kind: str | None) -> Any:
    """Read an exercise or catalog document from JSON text, or ``UNSOUND``.

    ``UNSOUND`` means only that this decoder does not vouch for the text: the detailed pass reads
    it. A routine or session-log document is always left to the detailed pass.
    """
    if kind in ("routine", "session-log"):
        return UNSOUND
    _COUNT.keys = 0
    try:
        document = _DECODER.decode(text)
    except _REFUSED:
        return UNSOUND
    if kind is not None and not isinstance(
        document, _CATALOG_DOCUMENT if kind == "catalog" else _EXERCISE_DOCUMENT
    ):
        return UNSOUND
    built, keys = _content(document)
    if built is UNSOUND or not keys_unrepeated(text, _COUNT.keys + keys):
        return UNSOUND
    return built


# -- parsed objects -------------------------------------------------------------------------------


_CONTAINERS: Final = (dict, list, tuple)


def _keys_in(value: Any) -> int:
    """How many keys the objects in ``value`` hold; -1 when one is not a plain JSON object.

    A dict subclass (the parser's mark of repeated keys) is not plain; arrays may be lists or
    tuples, as the validator reads both.
    """
    kind = type(value)
    if kind is dict:
        total = len(value)
        elements = value.values()
    elif kind is list or kind is tuple:
        total = 0
        elements = value
    else:
        return -1 if isinstance(value, dict) else 0
    for element in elements:
        if type(element) in _CONTAINERS or isinstance(element, dict):
            found = _keys_in(element)
            if found < 0:
                return -1
            total += found
    return total


def _converted(value: object, target: Any) -> Any:
    """``value`` converted to ``target`` when every key it holds was read, else ``UNSOUND``."""
    try:
        keys = _keys_in(value)
    except RecursionError:
        return UNSOUND
    if keys < 0:
        return UNSOUND
    _COUNT.keys = 0
    try:
        built = msgspec.convert(value, target)
    except _REFUSED:
        return UNSOUND
    return built if _COUNT.keys == keys else UNSOUND


_HAS_TWIN: Final[dict[type[Any], bool]] = {}


def _has_twin(cls: type[Any]) -> bool:
    """Whether ``cls`` can be decoded by a twin: not when a field holds a time of day.

    msgspec reads RFC 3339 times, which want seconds and take a zone; the model's ``"HH:MM"``
    is read by the walk alone (a session log's one field), so the two can never disagree.
    """
    found = _HAS_TWIN.get(cls)
    if found is None:
        found = _HAS_TWIN[cls] = not any(
            isinstance(spec, TimeOfDay)
            for field in shape_of(cls).fields
            for spec in specs_within(field.spec)
        )
    return found


def fast_part(cls: type[Any], value: object) -> Any:
    """Build one object of a declared class from parsed content, or ``UNSOUND``."""
    if type(value) is not dict or not _has_twin(cls):
        return UNSOUND
    return _converted(value, twin(cls))


def fast_document(document: object, kind: str | None) -> Any:  # noqa: PLR0911 - one return per refusal
    """Build an exercise or catalog document from parsed content, or ``UNSOUND``."""
    if type(document) is not dict:
        return UNSOUND
    found = document.get("kind")
    version = document.get("format_version")
    if type(version) is not int or version != FORMAT_VERSION or (kind not in (None, found)):
        return UNSOUND
    if found == "exercise":
        content = {key: value for key, value in document.items() if key not in HEADER_KEYS}
        return fast_part(Exercise, content)
    exercises = document.get("exercises")
    if found != "catalog" or document.keys() != {*HEADER_KEYS, "exercises"}:
        return UNSOUND
    if type(exercises) is not list and type(exercises) is not tuple:
        return UNSOUND
    built = _converted(exercises, tuple[twin(Exercise), ...])  # type: ignore[misc]
    if built is UNSOUND or len({exercise.id for exercise in built}) != len(built):
        return UNSOUND
    return built
