"""The value types of an exercise prescription.

Every type here is an immutable, slotted, keyword-only attrs class. Constructors reject only what
makes a value meaningless (a hold of zero seconds, a maximum below its minimum, NaN, a bool where a
number belongs, a fractional repetition count, a text that is not valid Unicode); whether a value
matches what a source documents is the business of the catalog, the builder and the validator.
This module imports nothing else of solpt_rehab but its errors.
"""

from __future__ import annotations

import enum
import math
import re
from collections.abc import Iterable
from typing import Any, Final, TypeVar

import attrs

from .._core.errors import InvalidValueError

__all__ = [
    "BodyRegion",
    "Category",
    "Citation",
    "CountingRule",
    "Equipment",
    "Exercise",
    "Hold",
    "Laterality",
    "Level",
    "Position",
    "RepetitionScheme",
    "Rest",
    "Step",
    "StepKind",
]


# -- enumerations ---------------------------------------------------------------------------------


class _Choice(str, enum.Enum):
    """A string enumeration whose ``str()`` is its wire value."""

    def __str__(self) -> str:
        return str(self.value)


class Laterality(_Choice):
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


class CountingRule(_Choice):
    """How a repetition count is read for two-sided work.

    "Eight to 10 repetitions, alternating legs" can mean eight to ten lifts in all or eight to ten
    with each leg. The model never guesses: a two-sided :class:`RepetitionScheme` names its rule.

    .. versionadded:: 0.1.0
    """

    #: The count covers every repetition, whichever side does it (8 lifts = 4 per leg).
    TOTAL = "total"
    #: The count applies to each side separately (8 lifts per leg = 16 in all).
    PER_SIDE = "per-side"


class StepKind(_Choice):
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


class Position(_Choice):
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


class BodyRegion(_Choice):
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


class Level(_Choice):
    """The starting level an exercise suits (CERT item 16).

    .. versionadded:: 0.1.0
    """

    BEGINNER = "beginner"
    INTERMEDIATE = "intermediate"
    EXPERT = "expert"


class Category(_Choice):
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


# -- checks shared by the constructors ------------------------------------------------------------

_SLUG: Final = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
#: A surrogate code point: half of a UTF-16 pair, which a valid Unicode text never holds alone
#: (JSON's "\ud800" escape gives one). UTF-8 cannot encode it, so writing such a text fails.
_SURROGATE: Final = re.compile(r"[\ud800-\udfff]")
_E = TypeVar("_E", bound=_Choice)


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


def _fail(attribute: attrs.Attribute[Any], requirement: str, value: object) -> InvalidValueError:
    return InvalidValueError(f"{attribute.name!r} must {requirement}: {value!r}")


def _check_number(attribute: attrs.Attribute[Any], value: object) -> float:
    kind = type(value)
    if kind is int or (kind is float and math.isfinite(value)):  # type: ignore[arg-type]
        return value  # type: ignore[return-value]  # the common case, decided by exact type
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _fail(attribute, "be a number (int or float)", value)
    if isinstance(value, float) and not math.isfinite(value):  # an int is always finite
        raise _fail(attribute, "be finite", value)
    return value


def _positive_number(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if _check_number(attribute, value) <= 0:
        raise _fail(attribute, "be > 0", value)


def _positive_whole(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    number = _check_number(attribute, value)
    if not isinstance(number, int):
        raise _fail(attribute, "be a whole number (an int)", value)
    if number <= 0:
        raise _fail(attribute, "be > 0", value)


def _not_below(minimum: str) -> Any:
    """Check that a field is >= the (already valid) field named ``minimum``."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        low = getattr(instance, minimum)
        if value is not None and low is not None and value < low:
            raise _fail(attribute, f"be >= {minimum!r} ({low!r})", value)

    return check


def _text(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if (
        type(value) is str and value.strip() and (value.isascii() or not _SURROGATE.search(value))
    ):  # the common case, decided by exact type
        return
    if not isinstance(value, str):
        raise _fail(attribute, "be a str", value)
    _unicode(attribute, value)
    if not value.strip():
        raise _fail(attribute, "not be empty", value)


def _unicode(attribute: attrs.Attribute[Any], value: str) -> None:
    requirement = unicode_requirement(value)
    if requirement is not None:
        raise _fail(attribute, requirement, value)


def _optional_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _text(instance, attribute, value)


def _texts(instance: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]) -> None:
    for item in value:
        _text(instance, attribute, item)


def _optional_positive_number(
    instance: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if value is not None:
        _positive_number(instance, attribute, value)


def _optional_positive_whole(
    instance: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if value is not None:
        _positive_whole(instance, attribute, value)


def _any_text(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        raise _fail(attribute, "be a str", value)
    _unicode(attribute, value)


def _slug(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _text(instance, attribute, value)
    if not _SLUG.fullmatch(str(value)):
        raise _fail(
            attribute, "be a slug of lowercase letters and digits joined by single hyphens", value
        )


def _flag(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, bool):
        raise _fail(attribute, "be a bool", value)


def _members_of(kind: type[Any]) -> Any:
    def check(_: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]) -> None:
        for item in value:
            if not isinstance(item, kind):
                raise _fail(attribute, f"hold only {kind.__name__} values", item)

    return check


def _instance_of(kind: type[Any], *, optional: bool = False) -> Any:
    def check(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None and optional:
            return
        if not isinstance(value, kind):
            raise _fail(attribute, f"be a {kind.__name__}{' or None' if optional else ''}", value)

    return check


def _choice(kind: type[_E], value: object, name: str) -> _E:
    if isinstance(value, kind):
        return value
    if isinstance(value, str):
        try:
            return kind(value)
        except ValueError:
            pass
    allowed = ", ".join(repr(member.value) for member in kind)
    raise InvalidValueError(f"{name!r} must be one of {allowed}: {value!r}")


# attrs' mypy plugin reads a converter's signature only from a named function, hence one per field.
def _to_laterality(value: Laterality | str) -> Laterality:
    if type(value) is Laterality:
        return value
    return _choice(Laterality, value, "laterality")


def _to_counting(value: CountingRule | str | None) -> CountingRule | None:
    if value is None or type(value) is CountingRule:
        return value
    return _choice(CountingRule, value, "counting")


def _to_step_kind(value: StepKind | str) -> StepKind:
    if type(value) is StepKind:
        return value
    return _choice(StepKind, value, "kind")


def _to_position(value: Position | str | None) -> Position | None:
    if value is None or type(value) is Position:
        return value
    return _choice(Position, value, "position")


def _to_level(value: Level | str | None) -> Level | None:
    if value is None or type(value) is Level:
        return value
    return _choice(Level, value, "level")


def _to_category(value: Category | str | None) -> Category | None:
    if value is None or type(value) is Category:
        return value
    return _choice(Category, value, "category")


def _to_regions(value: Iterable[BodyRegion | str]) -> tuple[BodyRegion, ...]:
    if type(value) is tuple and all(type(item) is BodyRegion for item in value):
        return value
    return tuple(_choice(BodyRegion, item, "regions") for item in _as_tuple(value, "regions"))


def _as_tuple(value: object, name: str) -> tuple[Any, ...]:
    if type(value) is tuple:  # what tuple() would return anyway
        return value
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise InvalidValueError(f"{name!r} must be a sequence: {value!r}")
    return tuple(value)


def _to_steps(value: Iterable[Step]) -> tuple[Step, ...]:
    return _as_tuple(value, "steps")


def _to_equipment(value: Iterable[Equipment]) -> tuple[Equipment, ...]:
    return _as_tuple(value, "equipment")


def _to_names(value: Iterable[str]) -> tuple[str, ...]:
    return _as_tuple(value, "alternatives")


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


@attrs.frozen(kw_only=True)
class Hold:
    """A documented hold: an inclusive range of seconds to stay in position.

    ``Hold(min_seconds=15, max_seconds=20)`` is "hold for 15 to 20 seconds"; a fixed hold has equal
    ends (:meth:`fixed`). ``seconds in hold`` tells whether a prescribed hold is inside the range,
    ``str(hold)`` writes it as ``"15-20 s"`` and :meth:`parse` reads that form back.

    Attributes:
        min_seconds: The shortest documented hold, in seconds; a finite number > 0.
        max_seconds: The longest documented hold, in seconds; >= ``min_seconds``.

    Raises:
        InvalidValueError: For a bool, a non-number, NaN, infinity, zero or a negative number, or a
            maximum below the minimum.

    .. versionadded:: 0.1.0
    """

    min_seconds: float = attrs.field(validator=_positive_number)
    max_seconds: float = attrs.field(validator=[_positive_number, _not_below("min_seconds")])

    @classmethod
    def fixed(cls, seconds: float) -> Hold:
        """Return a hold of exactly ``seconds``."""
        return cls(min_seconds=seconds, max_seconds=seconds)

    @classmethod
    def parse(cls, text: str) -> Hold:
        """Read a hold written the way ``str()`` writes it: ``"15-20 s"``, ``"5 s"`` or ``"5"``.

        An en dash and the units ``sec`` or ``seconds`` are accepted too; reading doses out of
        free prose, such as "15 to 20 seconds", is
        :func:`solpt_rehab.prose.extract_dose`'s job.

        Raises:
            InvalidValueError: When ``text`` is not in that form, or describes no valid hold.
        """
        given: object = text  # callers without a type checker may pass anything
        match = _HOLD_TEXT.fullmatch(given) if isinstance(given, str) else None
        if match is None:
            raise InvalidValueError(f"not a hold; expected a form like '15-20 s': {text!r}")
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
            seconds nor text, or a text that is empty or not valid Unicode.

    .. versionadded:: 0.1.0
    """

    min_seconds: float | None = attrs.field(default=None, validator=_optional_positive_number)
    max_seconds: float | None = attrs.field(
        default=None,
        validator=[_optional_positive_number, _not_below("min_seconds")],
    )
    text: str | None = attrs.field(default=None, validator=_optional_text)

    def __attrs_post_init__(self) -> None:
        if (self.min_seconds is None) != (self.max_seconds is None):
            given, missing = (
                ("min_seconds", "max_seconds")
                if self.max_seconds is None
                else ("max_seconds", "min_seconds")
            )
            raise InvalidValueError(
                f"{missing!r} must be given with {given!r} "
                f"({getattr(self, given)!r}): {getattr(self, missing)!r}"
            )
        if self.min_seconds is None and self.text is None:
            raise InvalidValueError(
                "'text' must say how the rest is documented when it has no seconds: None"
            )

    @property
    def quantified(self) -> bool:
        """Whether the rest has a number of seconds (``False`` for "a few seconds")."""
        return self.min_seconds is not None

    def __str__(self) -> str:
        if self.min_seconds is not None and self.max_seconds is not None:
            return f"{format_range(self.min_seconds, self.max_seconds)} s"
        return str(self.text)


@attrs.frozen(kw_only=True)
class RepetitionScheme:
    """A documented repetition count with the side that works and the rest between repetitions.

    Attributes:
        min_reps: The fewest documented repetitions; a whole number > 0.
        max_reps: The most documented repetitions (>= ``min_reps``), or ``None`` when the source
            gives only a lower bound, as in "at least three times".
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

    min_reps: int = attrs.field(validator=_positive_whole)
    max_reps: int | None = attrs.field(
        default=None, validator=[_optional_positive_whole, _not_below("min_reps")]
    )
    laterality: Laterality = attrs.field(converter=_to_laterality)
    counting: CountingRule | None = attrs.field(default=None, converter=_to_counting)
    rest: Rest | None = attrs.field(default=None, validator=_instance_of(Rest, optional=True))

    def __attrs_post_init__(self) -> None:
        if self.laterality.two_sided and self.counting is None:
            raise InvalidValueError(
                f"'counting' must be given for {self.laterality.value!r} repetitions "
                "('total' or 'per-side'): None"
            )
        if not self.laterality.two_sided and self.counting is not None:
            raise InvalidValueError(
                f"'counting' must be None for {self.laterality.value!r} repetitions: "
                f"{self.counting.value!r}"
            )

    @property
    def open_ended(self) -> bool:
        """Whether the count has no documented upper bound."""
        return self.max_reps is None

    @property
    def range_text(self) -> str:
        """The count alone, written as ``"3-5"``, ``"8"`` or ``"3+"`` (open-ended)."""
        return format_range(self.min_reps, self.max_reps)

    def __contains__(self, reps: object) -> bool:
        if isinstance(reps, bool) or not isinstance(reps, int):
            return False
        return self.min_reps <= reps and (self.max_reps is None or reps <= self.max_reps)

    def __str__(self) -> str:
        details = [self.laterality.value]
        if self.counting is not None:
            details.append(f"counted {self.counting.value}")
        if self.rest is not None:
            details.append(f"rest {self.rest}")
        return f"{self.range_text} reps ({', '.join(details)})"


# -- the exercise ---------------------------------------------------------------------------------


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

    text: str = attrs.field(validator=_text)
    kind: StepKind = attrs.field(converter=_to_step_kind)
    distance: str | None = attrs.field(default=None, validator=_optional_text)


@attrs.frozen(kw_only=True)
class Equipment:
    """A piece of equipment an exercise uses.

    Attributes:
        name: What it is, such as ``"yoga mat"``; not empty.
        optional: Whether the exercise can be done without it.
        alternatives: Other things that serve as well, such as ``("mattress",)``.

    .. versionadded:: 0.1.0
    """

    name: str = attrs.field(validator=_text)
    optional: bool = attrs.field(validator=_flag)
    alternatives: tuple[str, ...] = attrs.field(default=(), converter=_to_names, validator=_texts)


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

    title: str = attrs.field(validator=_text)
    publisher: str = attrs.field(default="", validator=_any_text)
    url: str | None = attrs.field(default=None, validator=_optional_text)
    locator: str | None = attrs.field(default=None, validator=_optional_text)


@attrs.frozen(kw_only=True)
class Exercise:
    r"""An exercise as data: what it is for, how to do it, and its documented dose.

    Attributes:
        id: A lowercase slug that names the exercise in catalogs and routines, such as
            ``"knees-to-chest"``.
        name: The name a person reads; not empty.
        purpose: What the exercise is for; may be empty when the source does not say.
        steps: The instructions in order; at least one.
        hold: The documented hold, or ``None`` for an exercise without one.
        repetitions: The documented repetitions, side and rest.
        regions: The body regions the exercise targets.
        position: The posture it starts from, or ``None`` when not stated.
        level: The starting level it suits, or ``None`` when not stated.
        category: The kind of exercise, or ``None`` when not stated.
        equipment: What it uses, each marked optional or not.
        source: Where its facts come from, or ``None``.

    Raises:
        InvalidValueError: For an empty or non-slug id, an empty name, no steps, a text that is
            not valid Unicode (it holds a surrogate code point, such as ``"\ud800"``), or a field
            of the wrong type.

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(validator=_slug)
    name: str = attrs.field(validator=_text)
    purpose: str = attrs.field(default="", validator=_any_text)
    steps: tuple[Step, ...] = attrs.field(converter=_to_steps, validator=_members_of(Step))
    hold: Hold | None = attrs.field(default=None, validator=_instance_of(Hold, optional=True))
    repetitions: RepetitionScheme = attrs.field(validator=_instance_of(RepetitionScheme))
    regions: tuple[BodyRegion, ...] = attrs.field(default=(), converter=_to_regions)
    position: Position | None = attrs.field(default=None, converter=_to_position)
    level: Level | None = attrs.field(default=None, converter=_to_level)
    category: Category | None = attrs.field(default=None, converter=_to_category)
    equipment: tuple[Equipment, ...] = attrs.field(
        default=(), converter=_to_equipment, validator=_members_of(Equipment)
    )
    source: Citation | None = attrs.field(
        default=None, validator=_instance_of(Citation, optional=True)
    )

    @steps.validator
    def _has_steps(self, attribute: attrs.Attribute[Any], value: tuple[Step, ...]) -> None:
        if not value:
            raise _fail(attribute, "hold at least one Step", value)

    @property
    def laterality(self) -> Laterality:
        """The laterality of the repetitions (a shortcut for ``repetitions.laterality``)."""
        return self.repetitions.laterality

    def steps_of(self, kind: StepKind | str) -> tuple[Step, ...]:
        """Return the steps of one kind, in order."""
        wanted = _to_step_kind(kind)
        return tuple(step for step in self.steps if step.kind is wanted)
