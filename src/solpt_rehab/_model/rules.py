"""The one declaration of the model's rules, and what is derived from it.

Every field of a declared value type names its :class:`Spec` (``Text``, ``Number``, ``Flag``,
``OneOf``, ``ArrayOf``, ``Nullable``, ``Part``) in its attrs metadata, and every rule across fields
is a :class:`Rule` given to :func:`declared`. From that one declaration come:

* the constructor's checks: :func:`declared` compiles one check per class, as attrs compiles
  ``__init__`` from the fields, and installs it as ``__attrs_post_init__``; it raises
  :class:`~solpt_rehab.InvalidValueError` with exactly the message the validator gives;
* the validator's problems (code, path, message): :meth:`Spec.problem` and :meth:`Rule.problem`;
* the JSON Schema: :meth:`Spec.schema` and :attr:`Rule.schema` (``None`` with a reason in
  :attr:`Rule.beyond_schema` for a rule a JSON Schema cannot say);
* the fast decoder (:mod:`solpt_rehab._wire.fast`), which runs the same compiled check;
* the rule-coverage test, from :meth:`Spec.breaking` and :attr:`Rule.breaking`: for each rule,
  values that break that rule alone.

A class declared here may not carry a validator of its own: :func:`declared` refuses one, so that
no rule can hide from the validator, the schema and the fast decoder.
"""

from __future__ import annotations

import datetime
import functools
import math
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from enum import Enum
from typing import Any, Final, TypeVar, cast

import attrs

from .._core.errors import InvalidValueError

__all__ = [
    "CONTROL_CLASS",
    "FLOAT_MAX",
    "GIVEN",
    "SLUG",
    "SLUG_PATTERN",
    "TEXT_LIMIT",
    "YAML_BOOLEAN_NOTE",
    "ArrayOf",
    "DeclaredField",
    "Flag",
    "Nullable",
    "Number",
    "OneOf",
    "Part",
    "Rule",
    "Spec",
    "Text",
    "TimeOfDay",
    "boolean_note",
    "check_source",
    "checks_pending",
    "control_requirement",
    "convert_member",
    "declare",
    "declared",
    "declared_classes",
    "fields_of",
    "further_check",
    "is_declared",
    "max_not_below",
    "no_control",
    "one_of",
    "rules_of",
    "schema_name",
    "show",
    "specs_within",
    "unicode_requirement",
    "valid_unicode",
    "validator",
]

#: The longest text the model and the wire format accept, in characters (code points).
TEXT_LIMIT: Final = 10_000
#: The largest magnitude a number may have: the largest finite 64-bit float.
FLOAT_MAX: Final = sys.float_info.max
#: An id: lowercase letters and digits joined by single hyphens.
SLUG: Final = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
#: The slug as a JSON Schema pattern: ``(?![\s\S])`` ends the text in ECMA-262 and in Python's
#: ``re`` alike, where ``$`` would also match before a final newline.
SLUG_PATTERN: Final = r"^[a-z0-9]+(?:-[a-z0-9]+)*(?![\s\S])"
#: A surrogate code point: half of a UTF-16 pair, which a valid Unicode text never holds alone
#: (JSON's "\ud800" escape gives one). UTF-8 cannot encode it, so writing such a text fails.
_SURROGATE: Final = re.compile(r"[\ud800-\udfff]")
_METADATA_KEY: Final = "solpt_rehab.spec"
_SINCE_KEY: Final = "solpt_rehab.since"
_VERSION_1_KEY: Final = "solpt_rehab.version_1"
_E = TypeVar("_E", bound=Enum)
_C = TypeVar("_C", bound=type)


def unicode_requirement(text: str) -> str | None:
    r"""What ``text`` fails when it is not valid Unicode (it holds a surrogate), else ``None``.

    The requirement reads after "must", as in ``'name' must be valid Unicode (U+D800 at index 3
    is a surrogate code point): 'abc\ud800'``; it names the first surrogate, so that it can be
    found in a text too long to show whole.
    """
    if text.isascii():  # the common case, and cheap: Python knows it without a scan
        return None
    found = _SURROGATE.search(text)
    if found is None:
        return None
    return (
        f"be valid Unicode (U+{ord(found.group()):04X} at index {found.start()} is a surrogate "
        "code point)"
    )


def valid_unicode(text: str) -> bool:
    """Whether ``text`` holds no surrogate code point; ASCII is decided at once."""
    return text.isascii() or _SURROGATE.search(text) is None


#: What no text of the model may hold: the C0 controls but tab and line feed (ESC starts terminal
#: escape sequences, CR overwrites a line, NUL ends C strings), DEL, the C1 controls, and the
#: bidirectional embeddings, overrides and isolates (U+202A to U+202E, U+2066 to U+2069), which
#: make a text show other than it reads. The marks U+200E and U+200F stay allowed: right-to-left
#: scripts need them, and they cannot reorder what follows.
_CONTROL_RANGES: Final = r"\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069"
CONTROL_CLASS: Final = f"[{_CONTROL_RANGES}]"
_CONTROL: Final = re.compile(CONTROL_CLASS)


def control_requirement(text: str) -> str | None:
    """What ``text`` fails when it holds a control character or a bidirectional override.

    The requirement reads after "must", and names the first such character and where it is.
    """
    if text.isprintable():  # the common case: every character the rule refuses is unprintable
        return None
    found = _CONTROL.search(text)
    if found is None:
        return None
    return (
        f"not hold control characters or bidirectional overrides (U+{ord(found.group()):04X} "
        f"at index {found.start()})"
    )


def no_control(text: str) -> bool:
    """Whether ``text`` holds no character of :data:`CONTROL_CLASS`; printable text at once."""
    return text.isprintable() or _CONTROL.search(text) is None


# -- showing values in messages -------------------------------------------------------------------

_SHORT: Final = 60


#: The words of JSON (and of YAML's JSON schema) for Python's constants.
_JSON_WORDS: Final[dict[object, str]] = {
    None: "null",
    True: "true",
    False: "false",
}


def show(value: object, depth: int = 0) -> str:  # noqa: PLR0911 - one return per type
    """A value for a message, as JSON writes it: short, and safe for any value.

    ``None``, ``True`` and ``False`` are ``null``, ``true`` and ``false``; a non-finite float is
    ``NaN``, ``Infinity`` or ``-Infinity``; text keeps its quotes (``'left'``), as keys do in
    messages; a huge, deep or self-containing value is cut short.
    """
    if isinstance(value, str):
        if len(value) <= _SHORT:
            return repr(value)
        return f"{value[:40]!r}... ({len(value)} characters)"
    if value is None or isinstance(value, bool):
        return _JSON_WORDS[value]
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        return repr(value) if math.isfinite(value) else ("Infinity" if value > 0 else "-Infinity")
    if isinstance(value, Enum):
        return show(value.value, depth)
    if isinstance(value, int):
        if abs(value) < 10**30:
            return repr(value)
        return f"an integer of about {int(value.bit_length() * math.log10(2)) + 1} digits"
    if isinstance(value, (list, tuple, dict)):
        if depth >= 2 or len(value) > 4:  # noqa: PLR2004 - a glimpse is enough
            noun = "key" if isinstance(value, dict) else "item"
            whole = "an object" if isinstance(value, dict) else "an array"
            return f"{whole} of {len(value)} {noun}{'' if len(value) == 1 else 's'}"
        if isinstance(value, dict):
            inner = ", ".join(
                f"{show(key, depth + 1)}: {show(element, depth + 1)}"
                for key, element in value.items()
            )
            return "{" + inner + "}"
        return "[" + ", ".join(show(element, depth + 1) for element in value) + "]"
    if attrs.has(type(value)):
        return f"a {type(value).__name__}"
    return f"a {type(value).__name__} value"


def _or_none(nullable: bool) -> str:  # noqa: FBT001 - a private helper
    return " or null" if nullable else ""


#: What a message adds when a boolean stands where text belongs: YAML 1.1 (PyYAML's) reads an
#: unquoted ``no``, ``off``, ``yes`` or ``on`` as one, and the author meant the word.
YAML_BOOLEAN_NOTE: Final = " (YAML reads an unquoted no, off, yes or on as false or true: quote it)"


def boolean_note(value: object) -> str:
    """:data:`YAML_BOOLEAN_NOTE` when ``value`` is a boolean where text belongs, else ``""``."""
    return YAML_BOOLEAN_NOTE if isinstance(value, bool) else ""


# -- field specs ----------------------------------------------------------------------------------

#: What a check found: a registered code and the message for a person.
Found = tuple[str, str]


class Spec:
    """What one field holds. Each kind knows its check, its schema and the values that break it."""

    __slots__ = ()

    def problem(self, value: object, name: str, *, nullable: bool = False) -> Found | None:
        """The first rule of this spec that a model value breaks, or ``None``."""
        raise NotImplementedError

    def inline(self, var: str, namespace: dict[str, Any]) -> str:
        """A Python expression, true exactly when the model value in ``var`` passes."""
        raise NotImplementedError

    def schema(self) -> dict[str, Any]:
        """The JSON Schema of the field's wire value."""
        raise NotImplementedError

    def breaking(self) -> Iterator[tuple[str, object]]:
        """Wire values that break one rule of this spec each, and no other: ``(code, value)``."""
        raise NotImplementedError


def specs_within(spec: Spec) -> Iterator[Spec]:
    """``spec`` and the specs it holds (a nullable's, an array's items'), outermost first."""
    yield spec
    inner = getattr(spec, "inner", None) or getattr(spec, "item", None)
    if isinstance(inner, Spec):
        yield from specs_within(inner)


def _name(namespace: dict[str, Any], value: object) -> str:
    """Put ``value`` into a generated function's namespace; return the name it has there."""
    name = f"_v{len(namespace)}"
    namespace[name] = value
    return name


@attrs.frozen
class Text(Spec):
    """Valid Unicode text of at most ``limit`` characters, without control characters.

    ``nonempty`` asks for something besides white space; ``slug`` for an id; ``limit`` is
    :data:`TEXT_LIMIT` for every text a person writes, and larger only for a text the library
    composes from several of them (a cue's prompt). No text holds a
    character of :data:`CONTROL_CLASS` (``control-character``): text from strangers is shown to
    people, in terminals and on pages, and these characters change what they see.
    """

    nonempty: bool = True
    slug: bool = False
    limit: int = TEXT_LIMIT

    def problem(  # noqa: PLR0911 - one return per rule
        self, value: object, name: str, *, nullable: bool = False
    ) -> Found | None:
        """See :meth:`Spec.problem`."""
        if not isinstance(value, str):
            return (
                "wrong-type",
                (
                    f"{name!r} must be a string{_or_none(nullable)}: {show(value)}"
                    f"{boolean_note(value)}"
                ),
            )
        if len(value) > self.limit:
            return (
                "too-long",
                f"{name!r} must be at most {self.limit} characters long: {len(value)} characters",
            )
        invalid = unicode_requirement(value)
        if invalid is not None:
            return "invalid-unicode", f"{name!r} must {invalid}: {show(value)}"
        if self.nonempty and not value.strip():
            return "empty-text", f"{name!r} must not be empty: {show(value)}"
        control = None if self.slug else control_requirement(value)
        if control is not None:
            return "control-character", f"{name!r} must {control}: {show(value)}"
        if self.slug and not SLUG.fullmatch(value):
            return (
                "not-a-slug",
                (
                    f"{name!r} must be a slug of lowercase letters and digits joined by single "
                    f"hyphens: {show(value)}"
                ),
            )
        return None

    def inline(self, var: str, namespace: dict[str, Any]) -> str:
        """See :meth:`Spec.inline`."""
        unicode = _name(namespace, valid_unicode)
        test = (
            f"type({var}) is str and len({var}) <= {self.limit} "
            f"and ({var}.isascii() or {unicode}({var}))"
        )
        if self.nonempty:
            test += f" and {var} and not {var}.isspace()"
        if self.slug:
            test += f" and {_name(namespace, SLUG.fullmatch)}({var}) is not None"
        else:
            test += f" and {_name(namespace, no_control)}({var})"
        return test

    def schema(self) -> dict[str, Any]:
        """See :meth:`Spec.schema`."""
        schema: dict[str, Any] = {"type": "string", "maxLength": self.limit}
        if self.slug:
            schema["pattern"] = SLUG_PATTERN
        else:  # no control character from start to end; something besides white space
            nonempty = r"(?=[\s\S]*\S)" if self.nonempty else ""
            schema["pattern"] = f"^{nonempty}[^{_CONTROL_RANGES}]*(?![\\s\\S])"
        return schema

    def breaking(self) -> Iterator[tuple[str, object]]:
        """See :meth:`Spec.breaking`."""
        yield "wrong-type", 7
        yield "too-long", "a" * (self.limit + 1)
        if not self.slug:  # a surrogate is no slug either: that value would break two rules
            yield "invalid-unicode", "a\ud800"
        if self.nonempty:
            yield "empty-text", " \t"
        if not self.slug:
            yield "control-character", "a\x1b[2J"
            yield "control-character", "\u202egnp.exe"
        if self.slug:
            yield "not-a-slug", "Not-a-slug"
            yield "not-a-slug", "trailing-newline\n"


@attrs.frozen
class Number(Spec):
    """A finite number > 0 within the range of a 64-bit float; ``whole`` asks for an int.

    ``zero`` allows 0 too (a time that starts at the beginning); ``maximum`` caps it.
    """

    whole: bool = False
    maximum: int | None = None
    zero: bool = False

    def problem(self, value: object, name: str, *, nullable: bool = False) -> Found | None:  # noqa: PLR0911
        """See :meth:`Spec.problem`."""
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            kind = "a whole number" if self.whole else "a number"
            return "wrong-type", f"{name!r} must be {kind}{_or_none(nullable)}: {show(value)}"
        if isinstance(value, float) and not math.isfinite(value):
            return "not-finite", f"{name!r} must be finite: {show(value)}"
        if not -FLOAT_MAX <= value <= FLOAT_MAX:
            return (
                "number-too-large",
                f"{name!r} is beyond the range of a 64-bit float: {show(value)}",
            )
        if self.whole and not isinstance(value, int):
            return "fractional", f"{name!r} must be a whole number: {value!r}"
        if value < 0 if self.zero else value <= 0:
            return "not-positive", f"{name!r} must be {'>=' if self.zero else '>'} 0: {value!r}"
        if self.maximum is not None and value > self.maximum:
            return "above-maximum", f"{name!r} must be <= {self.maximum}: {value!r}"
        return None

    def inline(self, var: str, namespace: dict[str, Any]) -> str:
        """See :meth:`Spec.inline`."""
        kind = f"type({var}) is int" if self.whole else f"type({var}) in (int, float)"
        top = FLOAT_MAX if self.maximum is None else self.maximum
        # NaN fails every comparison and infinity exceeds the top, so both are refused here.
        return f"{kind} and 0 {'<=' if self.zero else '<'} {var} <= {_name(namespace, top)}"

    def schema(self) -> dict[str, Any]:
        """See :meth:`Spec.schema`."""
        schema: dict[str, Any] = {"type": "integer" if self.whole else "number"}
        schema["minimum" if self.zero else "exclusiveMinimum"] = 0
        # Without a maximum of its own, a number is still one a 64-bit float holds: the schema
        # says it too, for a parsed integer of 400 digits (``number-too-large``).
        schema["maximum"] = FLOAT_MAX if self.maximum is None else self.maximum
        return schema

    def breaking(self) -> Iterator[tuple[str, object]]:
        """See :meth:`Spec.breaking`."""
        yield "wrong-type", "1"
        yield "wrong-type", True
        if self.maximum is None:  # else the value is above the maximum too
            yield "number-too-large", 10**400
        if self.whole:
            yield "fractional", 2.5
        if not self.zero:
            yield "not-positive", 0
        yield "not-positive", -1
        if self.maximum is not None:
            yield "above-maximum", self.maximum + 1


@attrs.frozen
class Flag(Spec):
    """``true`` or ``false``."""

    def problem(self, value: object, name: str, *, nullable: bool = False) -> Found | None:
        """See :meth:`Spec.problem`."""
        if isinstance(value, bool):
            return None
        return "wrong-type", f"{name!r} must be true or false{_or_none(nullable)}: {show(value)}"

    def inline(self, var: str, namespace: dict[str, Any]) -> str:  # noqa: ARG002 - Spec's signature
        """See :meth:`Spec.inline`."""
        return f"type({var}) is bool"

    def schema(self) -> dict[str, Any]:
        """See :meth:`Spec.schema`."""
        return {"type": "boolean"}

    def breaking(self) -> Iterator[tuple[str, object]]:
        """See :meth:`Spec.breaking`."""
        yield "wrong-type", "yes"


_LEAP_YEAR: Final = r"(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)"
#: A real day of the Gregorian calendar written ``YYYY-MM-DD``, leap days included, year 0 not:
#: the model and the schema read dates by this one pattern.
_DAY_PATTERN: Final = (
    r"^(?!0000)(?:[0-9]{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
    r"|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))"
    rf"|{_LEAP_YEAR}-02-29)(?![\s\S])"
)


@functools.cache
def _day() -> re.Pattern[str]:
    """:data:`_DAY_PATTERN`, compiled on first use: most imports never read a date."""
    return re.compile(_DAY_PATTERN)


@attrs.frozen
class Day(Spec):
    """A calendar date: a :class:`datetime.date` in the model, ``"YYYY-MM-DD"`` on the wire."""

    def day(self, value: object) -> datetime.date | None:
        """The date a model or wire value is or names, or ``None``."""
        if type(value) is datetime.date:
            return value
        if isinstance(value, str) and _day().match(value):
            return datetime.date.fromisoformat(value)
        return None

    def problem(self, value: object, name: str, *, nullable: bool = False) -> Found | None:
        """See :meth:`Spec.problem`: a date, or a string that names one, passes."""
        if self.day(value) is not None:
            return None
        return (
            "bad-date",
            f"{name!r} must be a date written YYYY-MM-DD{_or_none(nullable)}: {show(value)}",
        )

    def inline(self, var: str, namespace: dict[str, Any]) -> str:
        """See :meth:`Spec.inline`."""
        return f"type({var}) is {_name(namespace, datetime.date)}"

    def schema(self) -> dict[str, Any]:
        """See :meth:`Spec.schema`."""
        return {"type": "string", "format": "date", "pattern": _DAY_PATTERN}

    def breaking(self) -> Iterator[tuple[str, object]]:
        """See :meth:`Spec.breaking`."""
        yield "bad-date", "2026-02-30"
        yield "bad-date", "2100-02-29"
        yield "bad-date", "30/11/2026"
        yield "bad-date", 20261130

    def convert(self, value: object, name: str, *, nullable: bool = False) -> Any:
        """The date ``value`` is or names; :class:`InvalidValueError` otherwise."""
        if nullable and value is None:
            return None
        day = self.day(value)
        if day is None:
            _fail(self.problem(value, name, nullable=nullable))
        return day


#: A time of day to the minute, ``HH:MM`` on a 24-hour clock, as the model and the schema read it.
_TIME_PATTERN: Final = r"^(?:[01][0-9]|2[0-3]):[0-5][0-9](?![\s\S])"


@functools.cache
def _time() -> re.Pattern[str]:
    """:data:`_TIME_PATTERN`, compiled on first use."""
    return re.compile(_TIME_PATTERN)


def _whole_minute(value: object) -> bool:
    """Whether ``value`` is a :class:`datetime.time` to the minute, without a time zone."""
    return (
        type(value) is datetime.time
        and value.second == 0
        and value.microsecond == 0
        and value.tzinfo is None
        and not value.fold
    )


@attrs.frozen
class TimeOfDay(Spec):
    """A time of day to the minute: a :class:`datetime.time` in the model, ``"HH:MM"`` on the wire.

    A session log says when the session was done; a clock reads to the minute and a local time
    carries no zone, so the model holds neither seconds nor a zone.
    """

    def time(self, value: object) -> datetime.time | None:
        """The time a model or wire value is or names, or ``None``."""
        if _whole_minute(value):
            return value  # type: ignore[return-value]
        if isinstance(value, str) and _time().match(value):
            return datetime.time.fromisoformat(value)
        return None

    def problem(self, value: object, name: str, *, nullable: bool = False) -> Found | None:
        """See :meth:`Spec.problem`: a time to the minute, or a string that names one, passes."""
        if self.time(value) is not None:
            return None
        return (
            "bad-time",
            f"{name!r} must be a time of day written HH:MM{_or_none(nullable)}: {show(value)}",
        )

    def inline(self, var: str, namespace: dict[str, Any]) -> str:
        """See :meth:`Spec.inline`."""
        return f"{_name(namespace, _whole_minute)}({var})"

    def schema(self) -> dict[str, Any]:
        """See :meth:`Spec.schema`."""
        return {"type": "string", "pattern": _TIME_PATTERN}

    def breaking(self) -> Iterator[tuple[str, object]]:
        """See :meth:`Spec.breaking`."""
        yield "bad-time", "24:00"
        yield "bad-time", "7:30"
        yield "bad-time", "07:30:00"
        yield "bad-time", 730

    def convert(self, value: object, name: str, *, nullable: bool = False) -> Any:
        """The time ``value`` is or names; :class:`InvalidValueError` otherwise."""
        if nullable and value is None:
            return None
        found = self.time(value)
        if found is None:
            _fail(self.problem(value, name, nullable=nullable))
        return found


@attrs.frozen
class OneOf(Spec):
    """One of an enumeration's string values; the model holds the member."""

    enum: type[Enum]
    #: The member each allowed string names, in the enumeration's order: worked out once, since
    #: the validator looks a value up for every enumerated field it reads.
    members: Mapping[str, Enum] = attrs.field(init=False, eq=False, repr=False)

    @members.default
    def _members(self) -> Mapping[str, Enum]:
        return {str(member.value): member for member in self.enum}

    def member(self, value: object) -> Enum | None:
        """The member a wire value names, or ``None``."""
        return self.members.get(value) if isinstance(value, str) else None

    def problem(self, value: object, name: str, *, nullable: bool = False) -> Found | None:
        """See :meth:`Spec.problem`: a member, or a string that names one, passes."""
        if isinstance(value, self.enum) or self.member(value) is not None:
            return None
        allowed = ", ".join(repr(allowed) for allowed in self.members)
        return (
            "bad-enum",
            (
                f"{name!r} must be one of {allowed}{_or_none(nullable)}: {show(value)}"
                f"{boolean_note(value)}"
            ),
        )

    def inline(self, var: str, namespace: dict[str, Any]) -> str:
        """See :meth:`Spec.inline`."""
        return f"type({var}) is {_name(namespace, self.enum)}"

    def schema(self) -> dict[str, Any]:
        """See :meth:`Spec.schema`."""
        return {"type": "string", "enum": list(self.members)}

    def breaking(self) -> Iterator[tuple[str, object]]:
        """See :meth:`Spec.breaking`."""
        yield "bad-enum", "no-such-value"
        yield "bad-enum", 3

    def convert(self, value: object, name: str, *, nullable: bool = False) -> Any:
        """The member ``value`` is or names; :class:`InvalidValueError` otherwise."""
        if isinstance(value, self.enum) or (nullable and value is None):
            return value
        member = self.member(value)
        if member is None:
            _fail(self.problem(value, name, nullable=nullable))
        return member


@attrs.frozen
class Part(Spec):
    """A value of another declared class (an object on the wire)."""

    cls: type[Any]

    def problem(self, value: object, name: str, *, nullable: bool = False) -> Found | None:
        """See :meth:`Spec.problem`."""
        if isinstance(value, self.cls):
            return None
        what = f"a {self.cls.__name__}{_or_none(nullable)}"
        return "wrong-type", f"{name!r} must be {what}: {show(value)}"

    def inline(self, var: str, namespace: dict[str, Any]) -> str:
        """See :meth:`Spec.inline`."""
        return f"isinstance({var}, {_name(namespace, self.cls)})"

    def schema(self) -> dict[str, Any]:
        """See :meth:`Spec.schema`: a reference the schema's builder resolves."""
        return {"$ref": f"#/$defs/{schema_name(self.cls)}"}

    def breaking(self) -> Iterator[tuple[str, object]]:
        """See :meth:`Spec.breaking`."""
        yield "wrong-type", "not an object"


@attrs.frozen
class Nullable(Spec):
    """``null`` (``None``), or ``inner``."""

    inner: Spec

    def problem(self, value: object, name: str, *, nullable: bool = False) -> Found | None:  # noqa: ARG002 - Spec's signature
        """See :meth:`Spec.problem`."""
        return None if value is None else self.inner.problem(value, name, nullable=True)

    def inline(self, var: str, namespace: dict[str, Any]) -> str:
        """See :meth:`Spec.inline`."""
        return f"({var} is None or ({self.inner.inline(var, namespace)}))"

    def schema(self) -> dict[str, Any]:
        """See :meth:`Spec.schema`."""
        return {"anyOf": [self.inner.schema(), {"type": "null"}]}

    def breaking(self) -> Iterator[tuple[str, object]]:
        """See :meth:`Spec.breaking`."""
        return self.inner.breaking()


@attrs.frozen
class ArrayOf(Spec):
    """An array of ``item`` (a tuple in the model), with at least ``min_items``."""

    item: Spec
    min_items: int = 0

    def container_problem(
        self, value: object, name: str, *, nullable: bool = False
    ) -> Found | None:
        """The first rule of the array itself (not of its items) that ``value`` breaks."""
        if not isinstance(value, (list, tuple)):
            return "wrong-type", f"{name!r} must be an array{_or_none(nullable)}: {show(value)}"
        if len(value) < self.min_items:
            return "empty-array", f"{name!r} must hold at least one item: []"
        return None

    def problem(self, value: object, name: str, *, nullable: bool = False) -> Found | None:
        """See :meth:`Spec.problem`."""
        found = self.container_problem(value, name, nullable=nullable)
        if found is not None:
            return found
        assert isinstance(value, (list, tuple))  # noqa: S101 - what container_problem checked
        for index, element in enumerate(value):
            found = self.item.problem(element, f"{name}[{index}]")
            if found is not None:
                return found
        return None

    def inline(self, var: str, namespace: dict[str, Any]) -> str:
        """See :meth:`Spec.inline`."""
        test = f"type({var}) is tuple"
        if self.min_items:
            test += f" and len({var}) >= {self.min_items}"
        item = self.item.inline("_x", namespace)
        return f"{test} and all([{item} for _x in {var}])"

    def schema(self) -> dict[str, Any]:
        """See :meth:`Spec.schema`."""
        schema: dict[str, Any] = {"type": "array", "items": self.item.schema()}
        if self.min_items:
            schema["minItems"] = self.min_items
        return schema

    def breaking(self) -> Iterator[tuple[str, object]]:
        """See :meth:`Spec.breaking`: the array's own rules, then an item's, in a list."""
        yield "wrong-type", "not an array"
        if self.min_items:
            yield "empty-array", []
        # An item that breaks a rule, after enough good items to fill the minimum: the coverage
        # test puts the valid items it has in front.
        for code, value in self.item.breaking():
            yield code, [value]

    def convert(self, value: object, name: str) -> tuple[Any, ...]:
        """``value`` as a tuple; :class:`InvalidValueError` when it is no sequence."""
        if type(value) is tuple:
            return value
        if isinstance(value, (str, bytes, dict)) or not hasattr(value, "__iter__"):
            _fail(("wrong-type", f"{name!r} must be an array: {show(value)}"))
        return tuple(cast("Iterable[Any]", value))


def schema_name(cls: type[Any]) -> str:
    """The name of a class's definition in the JSON Schema: ``RoutineItem`` is ``routine_item``."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", cls.__name__).lower()


# -- rules across fields --------------------------------------------------------------------------


@attrs.frozen
class Rule:
    """A rule across the fields of one class.

    Attributes:
        code: The registered code of the problem it finds.
        at: The field the problem is reported at.
        reads: The fields it reads, in the order ``test`` takes them; the validator runs it only
            when all of them are sound.
        test: Given the values of ``reads``, the message when the rule is broken, else ``None``.
        schema: The JSON Schema fragment (one entry of the object's ``allOf``) that says the
            rule, or ``None`` when a JSON Schema cannot.
        beyond_schema: Why a JSON Schema cannot say it, when ``schema`` is ``None``.
        breaking: Wire values for fields of a valid object that break this rule alone.
        presence: The fields of ``reads`` that the rule asks only whether they are given (not
            ``None``): the validator runs it when such a field is given with errors of its own,
            passing :data:`GIVEN`, so that both problems are reported at once.
    """

    code: str
    at: str
    reads: tuple[str, ...]
    test: Callable[..., str | None]
    schema: dict[str, Any] | None
    breaking: Mapping[str, Any]
    beyond_schema: str = ""
    presence: tuple[str, ...] = ()

    def __attrs_post_init__(self) -> None:
        if (self.schema is None) == (not self.beyond_schema):
            # One or the other: a rule is said by the schema, or the docs say why not.
            raise TypeError(f"rule {self.code!r} needs a schema fragment or beyond_schema")

    def problem(self, values: Mapping[str, Any]) -> Found | None:
        """The rule's code and message for these field values, or ``None``."""
        message = self.test(*(values[name] for name in self.reads))
        return None if message is None else (self.code, message)


class _Given:
    """A field that is given, with errors of its own: not ``None``, and nothing more is known."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "GIVEN"


#: Passed to a rule for a field of its :attr:`Rule.presence` that is given but has errors.
GIVEN: Final = _Given()


def max_not_below(low: str, high: str, breaking: Mapping[str, Any]) -> Rule:
    """The rule ``range-inverted``: ``high``, when given, is not below ``low``."""

    def test(low_value: Any, high_value: Any) -> str | None:
        if low_value is None or high_value is None or high_value >= low_value:
            return None
        return f"{high!r} must be >= {low!r} ({low_value!r}): {high_value!r}"

    return Rule(
        code="range-inverted",
        at=high,
        reads=(low, high),
        test=test,
        schema=None,
        beyond_schema="JSON Schema cannot compare two values of one object",
        breaking=breaking,
    )


# -- declaring a class ----------------------------------------------------------------------------


@attrs.frozen
class DeclaredField:
    """One declared field: its name, its spec, its default (``attrs.NOTHING`` when required).

    ``since`` is the version of the wire format that introduced the field's key: a document of an
    earlier version may not hold it. ``version_1`` is the field's spec in version 1 where it was
    stricter there (a count that version 2 lets be ``null``): a version-1 document is read by it,
    and its key is required there.
    """

    name: str
    spec: Spec
    default: Any
    since: int = 1
    version_1: Spec | None = None

    def read_by(self, version: int) -> tuple[Spec, bool]:
        """The spec a document of ``version`` reads this field by, and whether it requires it."""
        if version == 1 and self.version_1 is not None:
            return self.version_1, True
        return self.spec, self.required

    @property
    def required(self) -> bool:
        """Whether the field has no default (the wire format then requires its key)."""
        return self.default is attrs.NOTHING


def declare(spec: Spec, *, since: int = 1, version_1: Spec | None = None) -> dict[str, Any]:
    """The attrs metadata that declares a field's spec: ``attrs.field(metadata=declare(...))``.

    ``since`` is the wire format's version that introduced the field, ``version_1`` its stricter
    spec in version 1 (see :class:`DeclaredField`).
    """
    return {_METADATA_KEY: spec, _SINCE_KEY: since, _VERSION_1_KEY: version_1}


_FIELDS: Final[dict[type[Any], tuple[DeclaredField, ...]]] = {}
_RULES: Final[dict[type[Any], tuple[Rule, ...]]] = {}
_FURTHER: Final[dict[type[Any], Callable[[Any], None]]] = {}


def fields_of(cls: type[Any]) -> tuple[DeclaredField, ...]:
    """The declared fields of a class made by :func:`declared`, in order."""
    return _FIELDS[cls]


def rules_of(cls: type[Any]) -> tuple[Rule, ...]:
    """The rules across fields of a class made by :func:`declared`, in order."""
    return _RULES[cls]


def further_check(cls: type[Any]) -> Callable[[Any], None] | None:
    """The check a class runs beyond its fields and rules (``then``), or ``None``."""
    return _FURTHER.get(cls)


def declared_classes() -> tuple[type[Any], ...]:
    """Every class made by :func:`declared` so far, in the order they were declared."""
    return tuple(_FIELDS)


def is_declared(cls: type[Any]) -> bool:
    """Whether ``cls`` was made by :func:`declared`."""
    return cls in _FIELDS


def checks_pending(self: object) -> None:
    """Stands for a declared class's check until :func:`declared` compiles it."""
    raise TypeError(f"{type(self).__name__} is declared but its checks were never compiled")


def _fail(found: Found | None) -> Any:
    if found is not None:
        raise InvalidValueError(found[1])
    return None


def _field_failed(spec: Spec, name: str, value: object) -> None:
    """The inline test refused ``value``: the spec says why, or takes it after all.

    The inline test asks for exact types, which is quick and what every reader gives; a value of
    a subclass (a ``str`` subclass, say) is judged by the spec itself.
    """
    _fail(spec.problem(value, name))


def _rule_failed(message: str | None) -> None:
    raise InvalidValueError(message)


def declared(*rules: Rule, then: Callable[[Any], None] | None = None) -> Callable[[_C], _C]:
    """Compile the checks of an attrs class from its declaration and install them.

    The class is decorated by ``attrs.frozen`` first (below this decorator), every field declares
    its spec with :func:`declare`, and the class body says
    ``__attrs_post_init__ = checks_pending``, which this replaces with the compiled check: each
    field's spec in order, then each rule, then ``then`` (rules beyond one value, such as a
    routine's dose rules, declared where they live).

    Args:
        rules: The rules across fields, in the order they are checked and reported.
        then: A further check of the whole value, run last.

    Raises:
        TypeError: At import, when a field has no spec or a validator of its own, a rule reads a
            field the class lacks, or the class body lacks the placeholder.
    """

    def decorate(cls: _C) -> _C:
        if vars(cls).get("__attrs_post_init__") is not checks_pending:
            raise TypeError(f"{cls.__name__} must say __attrs_post_init__ = checks_pending")
        declared_fields = []
        for field in attrs.fields(cls):
            spec = field.metadata.get(_METADATA_KEY)
            if not isinstance(spec, Spec):
                raise TypeError(f"{cls.__name__}.{field.name} declares no spec")
            if field.validator is not None:
                raise TypeError(
                    f"{cls.__name__}.{field.name} has a validator of its own; declare the rule "
                    "with its spec or as a Rule, so that every path derives it"
                )
            default = field.default
            if isinstance(default, attrs.Factory):  # type: ignore[arg-type]  # attrs' own idiom
                default = default.factory()
            declared_fields.append(
                DeclaredField(
                    name=field.name,
                    spec=spec,
                    default=default,
                    since=field.metadata.get(_SINCE_KEY, 1),
                    version_1=field.metadata.get(_VERSION_1_KEY),
                )
            )
        names = {field.name for field in declared_fields}
        for rule in rules:
            if not {rule.at, *rule.reads} <= names:
                raise TypeError(f"rule {rule.code!r} names a field {cls.__name__} lacks")
        _FIELDS[cls] = tuple(declared_fields)
        _RULES[cls] = tuple(rules)
        if then is not None:
            _FURTHER[cls] = then
        cls.__attrs_post_init__ = _compiled_on_first_use(cls)  # type: ignore[attr-defined]
        return cls

    return decorate


def check_source(cls: type[Any], namespace: dict[str, Any]) -> list[str]:
    """The body of ``cls``'s compiled check, as lines indented once, checking ``self``.

    Each field's inline test in order, then each rule, then the further check; the names the
    lines use are put into ``namespace``. The fast decoder embeds the same lines in its own
    generated code, so that a decoded object passes exactly the constructor's checks.
    """
    namespace.update(_field_failed=_field_failed, _rule_failed=_rule_failed)
    lines = []
    for field in _FIELDS[cls]:
        var = f"_f_{field.name}"
        spec = _name(namespace, field.spec)
        lines.append(f"    {var} = self.{field.name}")
        lines.append(f"    if not ({field.spec.inline(var, namespace)}):")
        lines.append(f"        _field_failed({spec}, {field.name!r}, {var})")
    for rule in _RULES[cls]:
        arguments = ", ".join(f"_f_{name}" for name in rule.reads)
        lines.append(f"    _m = {_name(namespace, rule.test)}({arguments})")
        lines.append("    if _m is not None:")
        lines.append("        _rule_failed(_m)")
    further = _FURTHER.get(cls)
    if further is not None:
        lines.append(f"    {_name(namespace, further)}(self)")
    return lines


def _compiled_on_first_use(cls: type[Any]) -> Callable[[Any], None]:
    """A check that compiles ``cls``'s own on the first value made, installs it and runs it.

    Importing the package then compiles nothing for the classes it does not build at import
    (the dose's newer parts, the timeline's values), as attrs compiles only what it must.
    """

    def check(self: Any) -> None:
        compiled = _compile(cls)
        cls.__attrs_post_init__ = compiled
        compiled(self)

    check.__qualname__ = f"{cls.__qualname__}.__attrs_post_init__"
    check.__doc__ = f"Check a new {cls.__name__} against its declaration."
    return check


def _compile(cls: type[Any]) -> Callable[[Any], None]:
    """Generate the check of ``cls``: one inline test per field, then the rules, then ``then``."""
    namespace: dict[str, Any] = {}
    lines = ["def check(self):", *check_source(cls, namespace), "    return None"]
    source = "\n".join(lines)
    exec(compile(source, f"<declared checks of {cls.__qualname__}>", "exec"), namespace)  # noqa: S102 - our own generated source, as attrs does
    check: Callable[[Any], None] = namespace["check"]
    check.__qualname__ = f"{cls.__qualname__}.__attrs_post_init__"
    check.__doc__ = f"Check a new {cls.__name__} against its declaration."
    return check


def validator(spec: Spec) -> Callable[[object, attrs.Attribute[Any], object], None]:
    """An attrs validator checking a field by ``spec``, for a class :func:`declared` does not make.

    Such a class (a routine item, whose rules are the dose rules; the timeline's computed values)
    still takes each field's check and message from a spec, so that nothing is written twice.
    """

    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        _fail(spec.problem(value, attribute.name))

    return check


@functools.cache
def one_of(kind: type[Enum]) -> OneOf:
    """The spec of an enumeration's values, made once per enumeration."""
    return OneOf(kind)


def convert_member(kind: type[_E], value: object, name: str, *, nullable: bool = False) -> Any:
    """The member of ``kind`` that ``value`` is or names, with :class:`OneOf`'s message."""
    if type(value) is kind or (nullable and value is None):
        return value
    return one_of(kind).convert(value, name, nullable=nullable)
