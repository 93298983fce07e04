"""The value types of an exercise prescription.

Every type here is an immutable, slotted, keyword-only attrs class. Constructors reject only what
makes a value meaningless (a hold of zero seconds, a maximum below its minimum, NaN, a bool where a
number belongs, a fractional repetition count, a text that is not valid Unicode); whether a value
matches what a source documents is the business of the catalog, the builder and the validator.
This module imports nothing else of solpt_rehab but its errors.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, ClassVar, Final, TypeVar

import attrs

from .._core.errors import InvalidValueError
from . import rules
from .rules import ArrayOf, Flag, Nullable, Number, Part, Rule, Text, declare, show

__all__ = [
    "BodyRegion",
    "Category",
    "Citation",
    "CountingRule",
    "Effort",
    "Equipment",
    "Exercise",
    "Hold",
    "Laterality",
    "Level",
    "Load",
    "LoadKind",
    "Media",
    "MediaKind",
    "Position",
    "RepetitionScheme",
    "Rest",
    "Sets",
    "Step",
    "StepKind",
    "TimedWork",
    "WeightUnit",
]


# -- enumerations ---------------------------------------------------------------------------------


class StrChoice(str, enum.Enum):
    """A string enumeration whose ``str()`` is its wire value."""

    def __str__(self) -> str:
        return str(self.value)


class Laterality(StrChoice):
    """Which side of the body does the work, and how the sides share it.

    .. versionadded:: 0.1.0
    """

    #: Both sides move together, as when both knees are drawn to the chest at once.
    BILATERAL = "bilateral"
    #: Only the painful side is worked; a routine must say which side that is.
    AFFECTED_SIDE = "affected-side"
    #: Left and right take turns, one repetition each.
    ALTERNATING = "alternating"
    #: Every repetition on one side, then every repetition on the other.
    EACH_SIDE = "each-side"

    @property
    def two_sided(self) -> bool:
        """Whether the exercise works the left and the right in separate repetitions."""
        return self in (Laterality.ALTERNATING, Laterality.EACH_SIDE)


class CountingRule(StrChoice):
    """How a repetition count is read for two-sided work.

    "Eight to 10 repetitions, alternating legs" can mean eight to ten lifts in all or eight to ten
    with each leg. The model never guesses: a two-sided :class:`RepetitionScheme` names its rule.

    .. versionadded:: 0.1.0
    """

    #: The count covers every repetition, whichever side does it (8 lifts = 4 per leg).
    TOTAL = "total"
    #: The count applies to each side separately (8 lifts per leg = 16 in all).
    PER_SIDE = "per-side"


class StepKind(StrChoice):
    """What one instruction is for, so that a timer knows which step to count down.

    .. versionadded:: 0.1.0
    """

    #: Getting into the starting position.
    SETUP = "setup"
    #: Moving into the working position.
    MOVE = "move"
    #: Staying still in the working position: the step a timer counts down.
    HOLD = "hold"
    #: Letting go of the position, coming back, or resting before the next repetition.
    RELEASE = "release"
    #: Doing the whole sequence again (or with the other side).
    REPEAT = "repeat"


class Position(StrChoice):
    """The posture an exercise starts from.

    .. versionadded:: 0.1.0
    """

    #: Lying on the back, face up.
    SUPINE = "supine"
    #: Lying on the front, face down.
    PRONE = "prone"
    #: Lying on one side.
    SIDE_LYING = "side-lying"
    #: Sitting, on a chair or on the floor.
    SITTING = "sitting"
    #: Standing.
    STANDING = "standing"
    #: Kneeling upright.
    KNEELING = "kneeling"
    #: On hands and knees.
    QUADRUPED = "quadruped"


class BodyRegion(StrChoice):
    """A region of the body that an exercise targets.

    .. versionadded:: 0.1.0
    """

    NECK = "neck"
    SHOULDER = "shoulder"
    UPPER_ARM = "upper-arm"
    FOREARM = "forearm"
    CHEST = "chest"
    UPPER_BACK = "upper-back"
    LOWER_BACK = "lower-back"
    ABDOMEN = "abdomen"
    HIP = "hip"
    BUTTOCK = "buttock"
    THIGH = "thigh"
    LOWER_LEG = "lower-leg"


class Level(StrChoice):
    """The starting level an exercise suits (CERT item 15).

    .. versionadded:: 0.1.0
    """

    BEGINNER = "beginner"
    INTERMEDIATE = "intermediate"
    EXPERT = "expert"


class Category(StrChoice):
    """The kind of exercise.

    .. versionadded:: 0.1.0
    """

    STRETCHING = "stretching"
    STRENGTH = "strength"
    MOBILITY = "mobility"
    BALANCE = "balance"
    CARDIO = "cardio"
    PLYOMETRICS = "plyometrics"
    POWERLIFTING = "powerlifting"
    OLYMPIC_WEIGHTLIFTING = "olympic-weightlifting"
    STRONGMAN = "strongman"


class LoadKind(StrChoice):
    """What resists the work.

    .. versionadded:: 0.2.0
    """

    #: No external load: the body's own weight, or nothing at all.
    BODY_WEIGHT = "body-weight"
    #: An elastic band or tube; its level or colour says how strong.
    BAND = "band"
    #: A weight held or worn: dumbbell, kettlebell, ankle weight, a bag of rice.
    WEIGHT = "weight"
    #: A load the source describes in words only, such as "a full water bottle".
    DESCRIBED = "described"


class WeightUnit(StrChoice):
    """The unit of a weight.

    .. versionadded:: 0.2.0
    """

    KG = "kg"
    LB = "lb"

    @property
    def kilograms(self) -> float:
        """How many kilograms one unit weighs (a pound is exactly 0.45359237 kg)."""
        return 1.0 if self is WeightUnit.KG else 0.45359237


class MediaKind(StrChoice):
    """What a media reference shows.

    .. versionadded:: 0.2.0
    """

    IMAGE = "image"
    VIDEO = "video"


# -- checks shared by the constructors ------------------------------------------------------------


def format_number(value: float) -> str:
    """Write a finite number as briefly as it reads back: ``15``, ``2.5``, ``1e-05``."""
    number: object = value  # mypy reads "float" as "int | float"; tell them apart at run time
    if isinstance(number, float):
        return str(int(number)) if number.is_integer() else repr(number)
    return str(number)


def format_range(low: float, high: float | None) -> str:
    """Write an inclusive range: ``15-20``, ``8`` when both ends agree, ``3+`` when open-ended."""
    if high is None:
        return f"{format_number(low)}+"
    if high == low:
        return format_number(low)
    return f"{format_number(low)}-{format_number(high)}"


# -- doses ----------------------------------------------------------------------------------------

_NUMBER: Final = r"\d+(?:\.\d+)?(?:[eE][-+]?\d+)?"
_HOLD_TEXT: Final = re.compile(
    rf"\s*(?P<low>{_NUMBER})\s*(?:[-\u2013]\s*(?P<high>{_NUMBER})\s*)?(?:s|sec|secs|seconds?)?\s*"
)


def _parse_number(text: str) -> float:
    number = float(text)
    return int(number) if number.is_integer() and abs(number) < 2**53 else number


_SECONDS: Final = Number()
_COUNT: Final = Number(whole=True)


_Range = TypeVar("_Range", bound="_SecondsRange")


class _SecondsRange:
    """What a hold and timed work share: an inclusive range of seconds, written ``"15-20 s"``."""

    __slots__ = ()
    _NOUN: ClassVar[str]
    min_seconds: float
    max_seconds: float

    def __init__(self, *, min_seconds: float, max_seconds: float) -> None:  # pragma: no cover
        raise NotImplementedError  # attrs writes the subclasses' constructors

    @classmethod
    def fixed(cls: type[_Range], seconds: float) -> _Range:
        """Return a range of exactly ``seconds``."""
        return cls(min_seconds=seconds, max_seconds=seconds)

    @classmethod
    def parse(cls: type[_Range], text: str) -> _Range:
        """Read a range written the way ``str()`` writes it: ``"15-20 s"``, ``"5 s"`` or ``"5"``.

        An en dash and the units ``sec`` or ``seconds`` are accepted too; reading doses out of
        free prose, such as "15 to 20 seconds", is
        :func:`solpt_rehab.prose.extract_dose`'s job.

        Raises:
            InvalidValueError: When ``text`` is not in that form, or describes no valid range.
        """
        given: object = text  # callers without a type checker may pass anything
        match = _HOLD_TEXT.fullmatch(given) if isinstance(given, str) else None
        if match is None:
            raise InvalidValueError(f"not a {cls._NOUN}; expected a form like '15-20 s': {text!r}")
        low = _parse_number(match["low"])
        high = _parse_number(match["high"]) if match["high"] is not None else low
        return cls(min_seconds=low, max_seconds=high)

    @property
    def fixed_length(self) -> bool:
        """Whether both ends of the range agree."""
        return self.min_seconds == self.max_seconds

    def __contains__(self, seconds: object) -> bool:
        if isinstance(seconds, bool) or not isinstance(seconds, (int, float)):
            return False
        return self.min_seconds <= seconds <= self.max_seconds

    def __str__(self) -> str:
        return f"{format_range(self.min_seconds, self.max_seconds)} s"


@rules.declared(
    rules.max_not_below("min_seconds", "max_seconds", {"min_seconds": 20, "max_seconds": 19.5}),
)
@attrs.frozen(kw_only=True)
class Hold(_SecondsRange):
    """A documented hold: an inclusive range of seconds to stay still in position.

    ``Hold(min_seconds=15, max_seconds=20)`` is "hold for 15 to 20 seconds"; a fixed hold has equal
    ends (:meth:`fixed`). ``seconds in hold`` tells whether a prescribed hold is inside the range,
    ``str(hold)`` writes it as ``"15-20 s"`` and :meth:`parse` reads that form back.

    Attributes:
        min_seconds: The shortest documented hold, in seconds; a finite number > 0.
        max_seconds: The longest documented hold, in seconds; >= ``min_seconds``.

    Raises:
        InvalidValueError: For a bool, a non-number, NaN, infinity, zero or a negative number, a
            number beyond the range of a 64-bit float, or a maximum below the minimum.

    .. versionadded:: 0.1.0
    """

    min_seconds: float = attrs.field(metadata=declare(_SECONDS))
    max_seconds: float = attrs.field(metadata=declare(_SECONDS))

    _NOUN: ClassVar[str] = "hold"
    __attrs_post_init__ = rules.checks_pending


@rules.declared(
    rules.max_not_below("min_seconds", "max_seconds", {"min_seconds": 60, "max_seconds": 30}),
)
@attrs.frozen(kw_only=True)
class TimedWork(_SecondsRange):
    """Documented timed work: an inclusive range of seconds of continuous movement.

    Marching on the spot for 30 to 60 seconds is timed work, not a hold: the body keeps moving
    and a timer counts the whole time down. Whether the time is per side or in all is the
    exercise's counting rule (:class:`RepetitionScheme`), as for repetitions.
    ``TimedWork.parse("30-60 s")`` and ``str()`` work as for :class:`Hold`.

    Attributes:
        min_seconds: The shortest documented time, in seconds; a finite number > 0.
        max_seconds: The longest documented time, in seconds; >= ``min_seconds``.

    Raises:
        InvalidValueError: As :class:`Hold`.

    .. versionadded:: 0.2.0
    """

    min_seconds: float = attrs.field(metadata=declare(_SECONDS))
    max_seconds: float = attrs.field(metadata=declare(_SECONDS))

    _NOUN: ClassVar[str] = "timed work"
    __attrs_post_init__ = rules.checks_pending


def _given_with(low: str, high: str, given: str) -> Callable[[Any, Any], str | None]:
    """The test of an ``-incomplete`` rule: the other end of a range comes with ``given``."""
    missing = high if given == low else low

    def test(low_value: Any, high_value: Any) -> str | None:
        values = {low: low_value, high: high_value}
        if values[given] is None or values[missing] is not None:
            return None
        return f"{missing!r} must be given with {given!r} ({values[given]!r}): null"

    return test


def _number_key(key: str) -> dict[str, Any]:
    """The part of a schema that holds when ``key`` is present and a number."""
    return {"required": [key], "properties": {key: {"type": "number"}}}


def _both_ends(code: str, low: str, high: str, example: float) -> tuple[Rule, Rule]:
    """The two rules ``code``: a range of two optional ends gives both or neither."""
    return tuple(  # type: ignore[return-value]
        Rule(
            code=code,
            at=missing,
            reads=(low, high),
            test=_given_with(low, high, given),
            schema={"if": _number_key(given), "then": _number_key(missing)},
            breaking={given: example, missing: None},
        )
        for given, missing in ((low, high), (high, low))
    )


def _described(code: str, low: str, what: str, breaking: Mapping[str, Any]) -> Rule:
    """The rule ``code``: a value without the number ``low`` says in its ``text`` what it is."""
    lacking = "seconds" if low == "min_seconds" else "RPE"

    def test(text: Any, low_value: Any) -> str | None:
        if text is None and low_value is None:
            return f"'text' must say {what} when it has no {lacking}: null"
        return None

    return Rule(
        code=code,
        at="text",
        reads=("text", low),
        test=test,
        schema={
            "anyOf": [
                _number_key(low),
                {"required": ["text"], "properties": {"text": {"type": "string"}}},
            ]
        },
        breaking=breaking,
    )


@rules.declared(
    *_both_ends("rest-incomplete", "min_seconds", "max_seconds", 30),
    rules.max_not_below("min_seconds", "max_seconds", {"min_seconds": 60, "max_seconds": 30}),
    _described(
        "rest-undescribed",
        "min_seconds",
        "how the rest is documented",
        {"min_seconds": None, "max_seconds": None, "text": None},
    ),
)
@attrs.frozen(kw_only=True)
class Rest:
    """The rest between repetitions: a range of seconds, or documented without a number.

    A source may say "rest 30 to 60 seconds" (``Rest(min_seconds=30, max_seconds=60)``) or only
    "rest for a few seconds" (``Rest(text="a few seconds")``). The second is kept unquantified:
    :attr:`quantified` is false and no number is invented for it. Anything that needs a number, such
    as a timer, must choose a working interpretation and say that it did.

    Attributes:
        min_seconds: The shortest rest in seconds, or ``None`` when the rest has no number.
        max_seconds: The longest rest in seconds (>= ``min_seconds``); given together with
            ``min_seconds``.
        text: How the source states the rest, such as ``"a few seconds"``; required when the rest
            has no number.

    Raises:
        InvalidValueError: For an invalid number, only one end of the range, a rest with neither
            seconds nor text, or a text that is empty, too long or not valid Unicode.

    .. versionadded:: 0.1.0
    """

    min_seconds: float | None = attrs.field(default=None, metadata=declare(Nullable(_SECONDS)))
    max_seconds: float | None = attrs.field(default=None, metadata=declare(Nullable(_SECONDS)))
    text: str | None = attrs.field(default=None, metadata=declare(Nullable(Text())))

    __attrs_post_init__ = rules.checks_pending

    @property
    def quantified(self) -> bool:
        """Whether the rest has a number of seconds (``False`` for "a few seconds")."""
        return self.min_seconds is not None

    def __str__(self) -> str:
        if self.min_seconds is not None and self.max_seconds is not None:
            return f"{format_range(self.min_seconds, self.max_seconds)} s"
        return str(self.text)


@rules.declared(
    rules.max_not_below("min_sets", "max_sets", {"min_sets": 3, "max_sets": 2}),
)
@attrs.frozen(kw_only=True)
class Sets:
    """Documented sets: how many times the repetitions are done, and the rest between them.

    "2 sets of 10" is ``Sets(min_sets=2, max_sets=2)`` beside a count of 10; "2 to 3 sets, resting
    30 seconds between sets" adds ``rest=Rest(min_seconds=30, max_seconds=30)``. An exercise
    whose source states no sets has ``sets=None``: its repetitions are done once.

    Attributes:
        min_sets: The fewest documented sets; a whole number > 0.
        max_sets: The most documented sets (>= ``min_sets``), or ``None`` when the source gives
            only a lower bound ("at least 2 sets").
        rest: The rest between sets, or ``None`` when the source states none.

    .. versionadded:: 0.2.0
    """

    min_sets: int = attrs.field(metadata=declare(_COUNT))
    max_sets: int | None = attrs.field(default=None, metadata=declare(Nullable(_COUNT)))
    rest: Rest | None = attrs.field(default=None, metadata=declare(Nullable(Part(Rest))))

    __attrs_post_init__ = rules.checks_pending

    @property
    def range_text(self) -> str:
        """The count of sets alone: ``"2-3"``, ``"2"`` or ``"2+"``."""
        return format_range(self.min_sets, self.max_sets)

    def __contains__(self, sets: object) -> bool:
        if isinstance(sets, bool) or not isinstance(sets, int):
            return False
        return self.min_sets <= sets and (self.max_sets is None or sets <= self.max_sets)

    def __str__(self) -> str:
        rest = "" if self.rest is None else f", rest {self.rest} between sets"
        return f"{self.range_text} sets{rest}"


def _only_for(field: str, kind: LoadKind) -> Callable[[LoadKind, Any], str | None]:
    """The test of a ``load-*-not-allowed`` rule: ``field`` is given only for ``kind`` loads."""

    def test(given_kind: LoadKind, value: Any) -> str | None:
        if value is None or given_kind is kind:
            return None
        return f"{field!r} must be null for a {given_kind.value!r} load: {show(value)}"

    return test


def _unit_given(low: Any, high: Any, unit: WeightUnit | None) -> str | None:
    """The test of ``load-unit-missing``: a weight's amount has its unit."""
    if (low is None and high is None) or unit is not None:
        return None
    return f"'unit' must be given with an amount ({low if high is None else high!r}): null"


def _unit_absent(low: Any, high: Any, unit: WeightUnit | None) -> str | None:
    """The test of ``load-unit-not-allowed``: no unit without an amount."""
    if low is not None or high is not None or unit is None:
        return None
    return f"'unit' must be null when no amount is given: {unit.value!r}"


_AN_AMOUNT: Final = {"anyOf": [_number_key("min_amount"), _number_key("max_amount")]}


def _load_described(kind: LoadKind, text: str | None) -> str | None:
    """The test of ``load-undescribed``: a load in words only has the words."""
    if kind is LoadKind.DESCRIBED and text is None:
        return "'text' must describe a 'described' load: null"
    return None


def _not_for(kind: LoadKind, field: str) -> dict[str, Any]:
    """A schema fragment: unless ``kind`` is ``kind``, ``field`` is absent or null."""
    return {
        "if": {"required": ["kind"], "properties": {"kind": {"not": {"const": kind.value}}}},
        "then": {"properties": {field: {"type": "null"}}},
    }


def _to_load_kind(value: LoadKind | str) -> LoadKind:
    return rules.convert_member(LoadKind, value, "kind")  # type: ignore[no-any-return]


def _to_unit(value: WeightUnit | str | None) -> WeightUnit | None:
    return rules.convert_member(WeightUnit, value, "unit", nullable=True)  # type: ignore[no-any-return]


@rules.declared(
    *_both_ends("load-amount-incomplete", "min_amount", "max_amount", 2),
    rules.max_not_below("min_amount", "max_amount", {"min_amount": 2, "max_amount": 1}),
    Rule(
        code="load-amount-not-allowed",
        at="min_amount",
        reads=("kind", "min_amount"),
        test=_only_for("min_amount", LoadKind.WEIGHT),
        schema=_not_for(LoadKind.WEIGHT, "min_amount"),
        breaking={"kind": "band", "level": None},
    ),
    Rule(
        code="load-unit-missing",
        at="unit",
        reads=("min_amount", "max_amount", "unit"),
        test=_unit_given,
        schema={
            "if": _AN_AMOUNT,
            "then": {"required": ["unit"], "properties": {"unit": {"type": "string"}}},
        },
        breaking={"unit": None},
    ),
    Rule(
        code="load-unit-not-allowed",
        at="unit",
        reads=("min_amount", "max_amount", "unit"),
        test=_unit_absent,
        schema={"if": {"not": _AN_AMOUNT}, "then": {"properties": {"unit": {"type": "null"}}}},
        breaking={"min_amount": None, "max_amount": None},
    ),
    Rule(
        code="load-undescribed",
        at="text",
        reads=("kind", "text"),
        test=_load_described,
        schema={
            "if": {"required": ["kind"], "properties": {"kind": {"const": "described"}}},
            "then": {"required": ["text"], "properties": {"text": {"type": "string"}}},
        },
        breaking={"kind": "described", "min_amount": None, "max_amount": None, "unit": None},
    ),
)
@attrs.frozen(kw_only=True)
class Load:
    """What resists the work: the body's weight, a band, a weight, or a load in words.

    A source's number is kept and none is invented: "a light resistance band" is
    ``Load(kind="band", level="light")``; "holding a 1 kg weight" is
    ``Load(kind="weight", min_amount=1, max_amount=1, unit="kg")``; "holding a weight" with no
    number is ``Load(kind="weight")``; "a full water bottle" is
    ``Load(kind="described", text="a full water bottle")``.

    Attributes:
        kind: What resists.
        level: How strong the load is as the source names it, without a number: a band's
            level or colour (``"light"``, ``"red"``), or "light" weights; or ``None``.
        min_amount: The least weight, or ``None`` when the source gives no number; only for
            weights, and given with ``max_amount`` and ``unit``.
        max_amount: The most weight (>= ``min_amount``), or ``None``.
        unit: The unit of the amounts, ``kg`` or ``lb``; given exactly when they are.
        text: The source's own words for the load, or ``None``; required for a described load.

    .. versionadded:: 0.2.0
    """

    kind: LoadKind = attrs.field(converter=_to_load_kind, metadata=declare(rules.one_of(LoadKind)))
    level: str | None = attrs.field(default=None, metadata=declare(Nullable(Text())))
    min_amount: float | None = attrs.field(default=None, metadata=declare(Nullable(_SECONDS)))
    max_amount: float | None = attrs.field(default=None, metadata=declare(Nullable(_SECONDS)))
    unit: WeightUnit | None = attrs.field(
        default=None, converter=_to_unit, metadata=declare(Nullable(rules.one_of(WeightUnit)))
    )
    text: str | None = attrs.field(default=None, metadata=declare(Nullable(Text())))

    __attrs_post_init__ = rules.checks_pending

    @property
    def quantified(self) -> bool:
        """Whether the load has an amount (a weight with a number)."""
        return self.min_amount is not None

    def kilograms(self) -> tuple[float, float] | None:
        """The amounts in kilograms, or ``None`` without amounts."""
        if self.min_amount is None or self.max_amount is None or self.unit is None:
            return None
        factor = self.unit.kilograms
        return self.min_amount * factor, self.max_amount * factor

    def __str__(self) -> str:
        if self.text is not None and self.kind is LoadKind.DESCRIBED:
            return self.text
        level = "" if self.level is None else f"{self.level} "
        if self.kind is LoadKind.BAND:
            return f"{level}band"
        if self.kind is LoadKind.WEIGHT:
            if self.min_amount is None or self.max_amount is None or self.unit is None:
                return f"{level}weight"
            return f"{format_range(self.min_amount, self.max_amount)} {self.unit.value}"
        return f"{level}body weight"


_RPE: Final = Number(zero=True, maximum=10)


@rules.declared(
    *_both_ends("effort-rpe-incomplete", "min_rpe", "max_rpe", 3),
    rules.max_not_below("min_rpe", "max_rpe", {"min_rpe": 5, "max_rpe": 4}),
    _described(
        "effort-undescribed",
        "min_rpe",
        "the effort in words",
        {"text": None, "min_rpe": None, "max_rpe": None},
    ),
)
@attrs.frozen(kw_only=True)
class Effort:
    """How hard the work should feel: a target in words and, where stated, an RPE range.

    ``Effort(text="to a gentle stretch, not pain")``; ``Effort(min_rpe=3, max_rpe=5)`` on the
    0-10 scale of perceived exertion (Borg CR10).

    Attributes:
        text: The target in words, or ``None``; required without an RPE.
        min_rpe: The lowest rating of perceived exertion, 0 to 10, or ``None``.
        max_rpe: The highest (>= ``min_rpe``); given with ``min_rpe``.

    .. versionadded:: 0.2.0
    """

    text: str | None = attrs.field(default=None, metadata=declare(Nullable(Text())))
    min_rpe: float | None = attrs.field(default=None, metadata=declare(Nullable(_RPE)))
    max_rpe: float | None = attrs.field(default=None, metadata=declare(Nullable(_RPE)))

    __attrs_post_init__ = rules.checks_pending

    def __str__(self) -> str:
        parts = [] if self.text is None else [self.text]
        if self.min_rpe is not None and self.max_rpe is not None:
            parts.append(f"RPE {format_range(self.min_rpe, self.max_rpe)}")
        return ", ".join(parts)


def _to_media_kind(value: MediaKind | str) -> MediaKind:
    return rules.convert_member(MediaKind, value, "kind")  # type: ignore[no-any-return]


@rules.declared()
@attrs.frozen(kw_only=True)
class Media:
    """A picture or video of an exercise, by reference.

    Attributes:
        uri: Where the media is: a URL, or a path relative to the content.
        kind: What it is.
        alt: A text alternative for a person who cannot see it; may be empty when unknown.
        licence: The licence it is used under, such as ``"Unlicense"``, or ``None``.

    .. versionadded:: 0.2.0
    """

    uri: str = attrs.field(metadata=declare(Text()))
    kind: MediaKind = attrs.field(
        converter=_to_media_kind, metadata=declare(rules.one_of(MediaKind))
    )
    alt: str = attrs.field(default="", metadata=declare(Text(nonempty=False)))
    licence: str | None = attrs.field(default=None, metadata=declare(Nullable(Text())))

    __attrs_post_init__ = rules.checks_pending

    def __str__(self) -> str:
        """The kind and the reference: ``image images/band-row-1.jpg``."""
        return f"{self.kind.value} {self.uri}"


_TWO_SIDED: Final = tuple(member.value for member in Laterality if member.two_sided)
_ONE_SIDED: Final = tuple(member.value for member in Laterality if not member.two_sided)


def _counting_given(laterality: Laterality, counting: CountingRule | None) -> str | None:
    """The test of ``counting-missing``: two-sided work names its counting rule."""
    if laterality.two_sided and counting is None:
        return (
            f"'counting' must be given for {laterality.value!r} repetitions "
            "('total' or 'per-side'): null"
        )
    return None


def _counting_absent(laterality: Laterality, counting: CountingRule | None) -> str | None:
    """The test of ``counting-not-allowed``: other work has one way to count, and names none."""
    if not laterality.two_sided and counting is not None:
        return f"'counting' must be null for {laterality.value!r} repetitions: {counting.value!r}"
    return None


def _laterality_in(values: tuple[str, ...]) -> dict[str, Any]:
    return {"required": ["laterality"], "properties": {"laterality": {"enum": list(values)}}}


def _to_laterality(value: Laterality | str) -> Laterality:
    return rules.convert_member(Laterality, value, "laterality")  # type: ignore[no-any-return]


def _to_counting(value: CountingRule | str | None) -> CountingRule | None:
    return rules.convert_member(CountingRule, value, "counting", nullable=True)  # type: ignore[no-any-return]


@rules.declared(
    rules.max_not_below("min_reps", "max_reps", {"min_reps": 5, "max_reps": 4}),
    Rule(
        code="counting-missing",
        at="counting",
        reads=("laterality", "counting"),
        test=_counting_given,
        schema={
            "if": _laterality_in(_TWO_SIDED),
            "then": {"required": ["counting"], "properties": {"counting": {"type": "string"}}},
        },
        breaking={"laterality": "alternating", "counting": None},
    ),
    Rule(
        code="counting-not-allowed",
        at="counting",
        reads=("laterality", "counting"),
        test=_counting_absent,
        schema={
            "if": _laterality_in(_ONE_SIDED),
            "then": {"properties": {"counting": {"type": "null"}}},
        },
        breaking={"laterality": "bilateral", "counting": "total"},
    ),
)
@attrs.frozen(kw_only=True)
class RepetitionScheme:
    """A documented repetition count with the side that works and the rest between repetitions.

    The four forms of a count: ``min_reps=8, max_reps=10`` ("8 to 10 times"), ``min_reps=3``
    ("at least 3 times"), ``max_reps=10`` ("up to 10 times": at most 10, and the least left to
    the clinician), and neither: the source states no count, and a routine must choose one. The
    side and the counting rule are stated either way, since timed work and holds need them too.

    Attributes:
        min_reps: The fewest documented repetitions, a whole number > 0, or ``None`` when the
            source states no lower bound: either no count at all, or only an upper one.
        max_reps: The most documented repetitions (>= ``min_reps``), or ``None`` when the source
            gives only a lower bound, as in "at least three times", or no count.

        laterality: Which side works and how the sides share the repetitions.
        counting: How the count is read for two-sided work (:attr:`Laterality.ALTERNATING`,
            :attr:`Laterality.EACH_SIDE`): required there, and ``None`` otherwise, since a single
            side or both sides together have only one way to count.
        rest: The rest between repetitions, or ``None`` when the source states none.

    Raises:
        InvalidValueError: For a bool, a fraction, NaN, zero or a negative count, a maximum below
            the minimum, an unknown laterality or counting rule, or a counting rule given or
            missing against the laterality.

    .. versionadded:: 0.1.0
    """

    min_reps: int | None = attrs.field(
        default=None, metadata=declare(Nullable(_COUNT), version_1=_COUNT)
    )
    max_reps: int | None = attrs.field(default=None, metadata=declare(Nullable(_COUNT)))
    laterality: Laterality = attrs.field(
        converter=_to_laterality, metadata=declare(rules.one_of(Laterality))
    )
    counting: CountingRule | None = attrs.field(
        default=None, converter=_to_counting, metadata=declare(Nullable(rules.one_of(CountingRule)))
    )
    rest: Rest | None = attrs.field(default=None, metadata=declare(Nullable(Part(Rest))))

    __attrs_post_init__ = rules.checks_pending

    @property
    def stated(self) -> bool:
        """Whether the source states a count at all (either end of the range)."""
        return self.min_reps is not None or self.max_reps is not None

    @property
    def open_ended(self) -> bool:
        """Whether the count has a documented lower bound and no upper one ("at least 3")."""
        return self.min_reps is not None and self.max_reps is None

    @property
    def range_text(self) -> str:
        """The count alone: ``"3-5"``, ``"8"``, ``"3+"``, ``"up to 10"`` or ``"not stated"``."""
        if self.min_reps is None:
            return "not stated" if self.max_reps is None else f"up to {self.max_reps}"
        return format_range(self.min_reps, self.max_reps)

    def __contains__(self, reps: object) -> bool:
        if isinstance(reps, bool) or not isinstance(reps, int) or reps < 1:
            return False
        low = 1 if self.min_reps is None else self.min_reps
        return low <= reps and (self.max_reps is None or reps <= self.max_reps)

    def __str__(self) -> str:
        details = [self.laterality.value]
        if self.counting is not None:
            details.append(f"counted {self.counting.value}")
        if self.rest is not None:
            details.append(f"rest {self.rest}")
        return f"{self.range_text} reps ({', '.join(details)})"


# -- the exercise ---------------------------------------------------------------------------------


def _to_step_kind(value: StepKind | str) -> StepKind:
    return rules.convert_member(StepKind, value, "kind")  # type: ignore[no-any-return]


@rules.declared()
@attrs.frozen(kw_only=True)
class Step:
    """One instruction of an exercise, in order.

    Attributes:
        text: The instruction for a person; not empty.
        kind: What the step is for; the :attr:`StepKind.HOLD` step is the one a timer counts down.
        distance: How far the step moves a limb, as documented, kept as text when the source gives
            no number (``"a few inches"``), or ``None``.

    .. versionadded:: 0.1.0
    """

    text: str = attrs.field(metadata=declare(Text()))
    kind: StepKind = attrs.field(converter=_to_step_kind, metadata=declare(rules.one_of(StepKind)))
    distance: str | None = attrs.field(default=None, metadata=declare(Nullable(Text())))

    __attrs_post_init__ = rules.checks_pending

    def __str__(self) -> str:
        """The kind and the text: ``[hold] Hold for 15 seconds.``."""
        return f"[{self.kind.value}] {self.text}"


def _to_names(value: Iterable[str]) -> tuple[str, ...]:
    return _NAMES.convert(value, "alternatives")


_NAMES: Final = ArrayOf(Text())


@rules.declared()
@attrs.frozen(kw_only=True)
class Equipment:
    """A piece of equipment an exercise uses.

    Attributes:
        name: What it is, such as ``"yoga mat"``; not empty.
        optional: Whether the exercise can be done without it.
        alternatives: Other things that serve as well, such as ``("mattress",)``.

    .. versionadded:: 0.1.0
    """

    name: str = attrs.field(metadata=declare(Text()))
    optional: bool = attrs.field(metadata=declare(Flag()))
    alternatives: tuple[str, ...] = attrs.field(
        default=(), converter=_to_names, metadata=declare(_NAMES)
    )

    __attrs_post_init__ = rules.checks_pending

    def __str__(self) -> str:
        """The name, whether optional, the alternatives: ``yoga mat (optional; or mattress)``."""
        notes = ["optional"] if self.optional else []
        if self.alternatives:
            notes.append("or " + ", ".join(self.alternatives))
        return self.name + (f" ({'; '.join(notes)})" if notes else "")


@rules.declared()
@attrs.frozen(kw_only=True)
class Citation:
    """Where an exercise's facts come from.

    Attributes:
        title: The source's title or a description that identifies it; not empty.
        publisher: Who published it; may be empty when unknown.
        url: Where to read it, or ``None``.
        locator: Where in the source the facts stand, such as ``"exercise 2"``, or ``None``.

    .. versionadded:: 0.1.0
    """

    title: str = attrs.field(metadata=declare(Text()))
    publisher: str = attrs.field(default="", metadata=declare(Text(nonempty=False)))
    url: str | None = attrs.field(default=None, metadata=declare(Nullable(Text())))
    locator: str | None = attrs.field(default=None, metadata=declare(Nullable(Text())))

    __attrs_post_init__ = rules.checks_pending

    def __str__(self) -> str:
        """The title, publisher and locator given, joined: ``Title, Publisher, exercise 2``."""
        return ", ".join(part for part in (self.title, self.publisher, self.locator) if part)


_STEPS: Final = ArrayOf(Part(Step), min_items=1)
_REGIONS: Final = ArrayOf(rules.one_of(BodyRegion))
_EQUIPMENT: Final = ArrayOf(Part(Equipment))
_MEDIA: Final = ArrayOf(Part(Media))


def _to_steps(value: Iterable[Step]) -> tuple[Step, ...]:
    return _STEPS.convert(value, "steps")


def _to_equipment(value: Iterable[Equipment]) -> tuple[Equipment, ...]:
    return _EQUIPMENT.convert(value, "equipment")


def _to_precautions(value: Iterable[str]) -> tuple[str, ...]:
    return _NAMES.convert(value, "precautions")


def _to_media(value: Iterable[Media]) -> tuple[Media, ...]:
    return _MEDIA.convert(value, "media")


def _to_regions(value: Iterable[BodyRegion | str]) -> tuple[BodyRegion, ...]:
    if type(value) is tuple and all(type(item) is BodyRegion for item in value):
        return value
    return tuple(
        rules.convert_member(BodyRegion, item, f"regions[{index}]")
        for index, item in enumerate(_REGIONS.convert(value, "regions"))
    )


def _to_position(value: Position | str | None) -> Position | None:
    return rules.convert_member(Position, value, "position", nullable=True)  # type: ignore[no-any-return]


def _to_level(value: Level | str | None) -> Level | None:
    return rules.convert_member(Level, value, "level", nullable=True)  # type: ignore[no-any-return]


def _to_category(value: Category | str | None) -> Category | None:
    return rules.convert_member(Category, value, "category", nullable=True)  # type: ignore[no-any-return]


def _hold_step_present(steps: tuple[Step, ...], hold: Hold | None) -> str | None:
    """The test of ``hold-step-missing``: an exercise with a hold says when to hold."""
    if hold is None or any(step.kind is StepKind.HOLD for step in steps):
        return None
    kinds = [step.kind.value for step in steps]
    return f"'steps' must include a step of kind 'hold', since the exercise has a hold: {kinds!r}"


@rules.declared(
    Rule(
        code="hold-step-missing",
        at="steps",
        reads=("steps", "hold"),
        presence=("hold",),
        test=_hold_step_present,
        schema={
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
        },
        breaking={
            "hold": {"min_seconds": 5, "max_seconds": 10},
            "steps": [{"text": "Lie on your back.", "kind": "setup"}],
        },
    ),
)
@attrs.frozen(kw_only=True)
class Exercise:
    r"""An exercise as data: what it is for, how to do it, and its documented dose.

    Attributes:
        id: A lowercase slug that names the exercise in catalogs and routines, such as
            ``"knees-to-chest"``.
        name: The name a person reads; not empty.
        purpose: What the exercise is for; may be empty when the source does not say.
        steps: The instructions in order; at least one, and a step of kind ``hold`` when the
            exercise has a hold.
        hold: The documented hold, or ``None`` for an exercise without one.
        repetitions: The documented repetitions (or that none are stated), side and rest.
        sets: The documented sets and the rest between them, or ``None`` when the source states
            none (the repetitions are done once).
        timed_work: The documented time of continuous movement, or ``None``.
        load: What resists the work, or ``None`` when the source does not say.
        effort: How hard it should feel, or ``None`` when the source does not say.
        regions: The body regions the exercise targets.
        position: The posture it starts from, or ``None`` when not stated.
        level: The starting level it suits, or ``None`` when not stated.
        category: The kind of exercise, or ``None`` when not stated.
        equipment: What it uses, each marked optional or not.
        precautions: Safety notes for the patient, such as when to stop, in order.
        media: Pictures and videos of it.
        source: Where its facts come from, or ``None``.

    Raises:
        InvalidValueError: For an empty or non-slug id, an empty name, no steps, a hold without a
            step of kind ``hold``, a text longer than 10,000 characters or not valid Unicode (it
            holds a surrogate code point, such as ``"\ud800"``), or a field of the wrong type.

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(metadata=declare(Text(slug=True)))
    name: str = attrs.field(metadata=declare(Text()))
    purpose: str = attrs.field(default="", metadata=declare(Text(nonempty=False)))
    steps: tuple[Step, ...] = attrs.field(converter=_to_steps, metadata=declare(_STEPS))
    hold: Hold | None = attrs.field(default=None, metadata=declare(Nullable(Part(Hold))))
    repetitions: RepetitionScheme = attrs.field(metadata=declare(Part(RepetitionScheme)))
    sets: Sets | None = attrs.field(default=None, metadata=declare(Nullable(Part(Sets)), since=2))
    timed_work: TimedWork | None = attrs.field(
        default=None, metadata=declare(Nullable(Part(TimedWork)), since=2)
    )
    load: Load | None = attrs.field(default=None, metadata=declare(Nullable(Part(Load)), since=2))
    effort: Effort | None = attrs.field(
        default=None, metadata=declare(Nullable(Part(Effort)), since=2)
    )
    regions: tuple[BodyRegion, ...] = attrs.field(
        default=(), converter=_to_regions, metadata=declare(_REGIONS)
    )
    position: Position | None = attrs.field(
        default=None, converter=_to_position, metadata=declare(Nullable(rules.one_of(Position)))
    )
    level: Level | None = attrs.field(
        default=None, converter=_to_level, metadata=declare(Nullable(rules.one_of(Level)))
    )
    category: Category | None = attrs.field(
        default=None, converter=_to_category, metadata=declare(Nullable(rules.one_of(Category)))
    )
    equipment: tuple[Equipment, ...] = attrs.field(
        default=(), converter=_to_equipment, metadata=declare(_EQUIPMENT)
    )
    precautions: tuple[str, ...] = attrs.field(
        default=(), converter=_to_precautions, metadata=declare(_NAMES, since=2)
    )
    media: tuple[Media, ...] = attrs.field(
        default=(), converter=_to_media, metadata=declare(_MEDIA, since=2)
    )
    source: Citation | None = attrs.field(default=None, metadata=declare(Nullable(Part(Citation))))

    __attrs_post_init__ = rules.checks_pending

    def __str__(self) -> str:
        """The id, the name and the documented dose, on one line, for a REPL or a log.

        ``lying-march ('Lying march'): 10+ reps, alternating, counted total``; ``repr()`` stays
        attrs' own, faithful to every field.
        """
        dose = [f"hold {self.hold}"] if self.hold is not None else []
        dose.extend(
            str(part) for part in (self.sets, self.timed_work, self.load) if part is not None
        )
        dose.append(str(self.repetitions))
        return f"{self.id} ({self.name!r}): {', '.join(dose)}"

    @property
    def laterality(self) -> Laterality:
        """The laterality of the repetitions (a shortcut for ``repetitions.laterality``)."""
        return self.repetitions.laterality

    def steps_of(self, kind: StepKind | str) -> tuple[Step, ...]:
        """Return the steps of one kind, in order."""
        wanted = _to_step_kind(kind)
        return tuple(step for step in self.steps if step.kind is wanted)
