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
from collections.abc import Callable, Iterable
from typing import Any, Final

import attrs

from .._core.errors import InvalidValueError
from . import rules
from .rules import ArrayOf, Flag, Nullable, Number, Part, Rule, Text, declare

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
    """The starting level an exercise suits (CERT item 16).

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


@rules.declared(
    rules.max_not_below("min_seconds", "max_seconds", {"min_seconds": 20, "max_seconds": 19.5}),
)
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
        InvalidValueError: For a bool, a non-number, NaN, infinity, zero or a negative number, a
            number beyond the range of a 64-bit float, or a maximum below the minimum.

    .. versionadded:: 0.1.0
    """

    min_seconds: float = attrs.field(metadata=declare(_SECONDS))
    max_seconds: float = attrs.field(metadata=declare(_SECONDS))

    __attrs_post_init__ = rules.checks_pending

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


def _given_with(given: str, missing: str) -> Callable[[Any, Any], str | None]:
    """The test of ``rest-incomplete``: ``missing`` is given whenever ``given`` is."""

    def test(low: Any, high: Any) -> str | None:
        values = {"min_seconds": low, "max_seconds": high}
        if values[given] is None or values[missing] is not None:
            return None
        return f"{missing!r} must be given with {given!r} ({values[given]!r}): None"

    return test


def _number_key(key: str) -> dict[str, Any]:
    """The part of a schema that holds when ``key`` is present and a number."""
    return {"required": [key], "properties": {key: {"type": "number"}}}


def _rest_incomplete(given: str, missing: str) -> Rule:
    return Rule(
        code="rest-incomplete",
        at=missing,
        reads=("min_seconds", "max_seconds"),
        test=_given_with(given, missing),
        schema={"if": _number_key(given), "then": _number_key(missing)},
        breaking={given: 30, missing: None},
    )


def _rest_described(low: Any, text: Any) -> str | None:
    """The test of ``rest-undescribed``: a rest without seconds says in words how it is."""
    if low is None and text is None:
        return "'text' must say how the rest is documented when it has no seconds: None"
    return None


@rules.declared(
    _rest_incomplete("min_seconds", "max_seconds"),
    _rest_incomplete("max_seconds", "min_seconds"),
    rules.max_not_below("min_seconds", "max_seconds", {"min_seconds": 60, "max_seconds": 30}),
    Rule(
        code="rest-undescribed",
        at="text",
        reads=("min_seconds", "text"),
        test=_rest_described,
        schema={
            "anyOf": [
                _number_key("min_seconds"),
                {"required": ["text"], "properties": {"text": {"type": "string"}}},
            ]
        },
        breaking={"min_seconds": None, "max_seconds": None, "text": None},
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


_TWO_SIDED: Final = tuple(member.value for member in Laterality if member.two_sided)
_ONE_SIDED: Final = tuple(member.value for member in Laterality if not member.two_sided)


def _counting_given(laterality: Laterality, counting: CountingRule | None) -> str | None:
    """The test of ``counting-missing``: two-sided work names its counting rule."""
    if laterality.two_sided and counting is None:
        return (
            f"'counting' must be given for {laterality.value!r} repetitions "
            "('total' or 'per-side'): None"
        )
    return None


def _counting_absent(laterality: Laterality, counting: CountingRule | None) -> str | None:
    """The test of ``counting-not-allowed``: other work has one way to count, and names none."""
    if not laterality.two_sided and counting is not None:
        return f"'counting' must be None for {laterality.value!r} repetitions: {counting.value!r}"
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

    min_reps: int = attrs.field(metadata=declare(_COUNT))
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


_STEPS: Final = ArrayOf(Part(Step), min_items=1)
_REGIONS: Final = ArrayOf(rules.one_of(BodyRegion))
_EQUIPMENT: Final = ArrayOf(Part(Equipment))


def _to_steps(value: Iterable[Step]) -> tuple[Step, ...]:
    return _STEPS.convert(value, "steps")


def _to_equipment(value: Iterable[Equipment]) -> tuple[Equipment, ...]:
    return _EQUIPMENT.convert(value, "equipment")


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
        repetitions: The documented repetitions, side and rest.
        regions: The body regions the exercise targets.
        position: The posture it starts from, or ``None`` when not stated.
        level: The starting level it suits, or ``None`` when not stated.
        category: The kind of exercise, or ``None`` when not stated.
        equipment: What it uses, each marked optional or not.
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
    source: Citation | None = attrs.field(default=None, metadata=declare(Nullable(Part(Citation))))

    __attrs_post_init__ = rules.checks_pending

    @property
    def laterality(self) -> Laterality:
        """The laterality of the repetitions (a shortcut for ``repetitions.laterality``)."""
        return self.repetitions.laterality

    def steps_of(self, kind: StepKind | str) -> tuple[Step, ...]:
        """Return the steps of one kind, in order."""
        wanted = _to_step_kind(kind)
        return tuple(step for step in self.steps if step.kind is wanted)
