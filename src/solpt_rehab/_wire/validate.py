"""Reading and validating wire-format documents: every problem at once, each with its path.

Two passes share the work. The fast pass (the converter's hooks in :mod:`._wire`) structures a
whole exercise or catalog document straight into the model, strictly. When it fails, the detailed
pass walks the content by the format's spec, trying the fast pass on each exercise and part
first: it checks every field's structure, runs the domain rules on every part that is
structurally sound, and so reports all problems together with precise paths. Valid content costs
one fast pass; only the parts with errors pay for the walk.

:func:`read` is the one entry point: :func:`validate` reports what it found, and
:func:`from_document` returns the value it built or raises with the same problems, so the two
cannot disagree. The exercise rules only warn, so :func:`from_document` skips them unless the
document has an error.
"""

from __future__ import annotations

import difflib
import enum
import math
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Final

import attrs

from .. import catalog
from .._core.codes import CODES
from .._core.errors import DocumentError, SolptRehabError
from .._core.problems import Problem, pointer
from .._model.values import (
    _SLUG,
    Citation,
    CountingRule,
    Equipment,
    Exercise,
    Hold,
    Laterality,
    RepetitionScheme,
    Rest,
    Step,
    StepKind,
    unicode_requirement,
)
from .._routines.dose import TYPE_CODES, Side, default_side, item_problems
from .._routines.values import Frequency, Routine, RoutineItem
from .fast import (
    CONVERTER,
    EXERCISE,
    FLOAT_MAX,
    FORMAT_VERSION,
    FREQUENCY,
    HEADER_KEYS,
    KINDS,
    TEXT_LIMIT,
    Array,
    BadNumber,
    Choice,
    DuplicateKeys,
    Flag,
    Nullable,
    Number,
    Obj,
    Spec,
    Text,
    fast_document,
    fast_exercise,
)

__all__ = [
    "EXERCISE_RULES",
    "ExerciseRule",
    "Report",
    "exercise_warnings",
    "problem",
    "read",
    "show",
]

Path = tuple[str | int, ...]

#: A rule about a whole exercise: given an exercise that is structurally sound (the model built
#: it) and the reference tokens of where it stands in the document (``()`` for an exercise
#: document, ``("exercises", 3)`` in a catalog, ``("items", 0, "exercise")`` in a routine), it
#: yields problems whose paths lie below those tokens. Build them with :func:`problem`.
ExerciseRule = Callable[[Exercise, Path], Iterable[Problem]]


def _prose_rule(exercise: Exercise, at: Path) -> Iterable[Problem]:
    """The prose check: a step whose text states another dose than the structured fields."""
    from ..prose import dose_disagreements  # noqa: PLC0415 - its patterns load on first use

    return dose_disagreements(exercise, at=at)


#: The extension point for rules about whole exercises, run in order on every exercise the
#: validator builds, by the fast and the detailed pass alike. It holds the prose check
#: (``prose-hold-mismatch``, ``prose-reps-mismatch``); a new rule registers its codes in
#: :data:`._codes.CODES` and ``docs/problem-codes.md``.
#:
#: A rule here only ever warns (an error from one is a programming error, raised as such): it
#: cannot make a document invalid, so reading a document for its value (:func:`from_document`,
#: :func:`loads`) skips these rules on content without an error. :func:`validate` always runs
#: them, and so does a value reader whose content has an error, for the problems it raises with.
EXERCISE_RULES: Final[list[ExerciseRule]] = [_prose_rule]


def _warnings(exercise: Exercise, at: Path) -> Iterator[Problem]:
    """What the exercise rules find about a sound exercise at ``at``: warnings only."""
    for rule in EXERCISE_RULES:
        for found in rule(exercise, at):
            if found.is_error:
                raise AssertionError(f"exercise rules may only warn; {rule!r} found {found}")
            yield found


def problem(at: Path, code: str, message: str) -> Problem:
    """A problem at the JSON Pointer of ``at``, with the registered severity of ``code``."""
    return Problem(path=pointer(*at), code=code, severity=CODES[code][0], message=message)


# -- showing values in messages ---------------------------------------------------------------

_SHORT: Final = 60


def show(value: object, depth: int = 0) -> str:  # noqa: PLR0911 - one return per type
    """``repr`` for a message: short, and safe for any value (huge, deep, or self-containing)."""
    if isinstance(value, str):
        if len(value) <= _SHORT:
            return repr(value)
        return f"{value[:40]!r}... ({len(value)} characters)"
    if value is None or isinstance(value, (bool, float, BadNumber)):
        return repr(value)
    if isinstance(value, int):
        if abs(value) < 10**30:
            return repr(value)
        return f"an integer of about {int(value.bit_length() * math.log10(2)) + 1} digits"
    if isinstance(value, (list, tuple, dict)):
        if depth >= 2 or len(value) > 4:  # noqa: PLR2004 - a glimpse is enough
            return (
                f"an array of {len(value)} items"
                if not isinstance(value, dict)
                else (f"an object of {len(value)} keys")
            )
        if isinstance(value, dict):
            inner = ", ".join(
                f"{show(key, depth + 1)}: {show(element, depth + 1)}"
                for key, element in value.items()
            )
            return "{" + inner + "}"
        return "[" + ", ".join(show(element, depth + 1) for element in value) + "]"
    return f"a {type(value).__name__} value"


def _bad_number(value: BadNumber) -> str:
    """The literal's text as written, shortened when long."""
    text = value.text
    return text if len(text) <= _SHORT else f"{text[:40]}... ({len(text)} characters)"


class _Shown:
    """A value passed to a rule that writes it with ``!r``: its repr is :func:`show`'s."""

    __slots__ = ("value",)

    def __init__(self, value: object) -> None:
        self.value = value

    def __repr__(self) -> str:
        return show(self.value)


class _Clipped(str):
    """A long string passed to a rule that writes it with ``!r``: its repr is shortened."""

    __slots__ = ()

    def __repr__(self) -> str:
        return show(str(self))


# -- the report -------------------------------------------------------------------------------


def _to_problems(problems: Iterable[Problem]) -> tuple[Problem, ...]:
    return tuple(problems)


@attrs.frozen(kw_only=True)
class Report:
    """What validating a document found: every problem, errors and warnings, in document order.

    ``report.ok`` is true when there is no error (warnings may remain). ``str(report)`` writes one
    problem per line, or ``"ok"``.

    Attributes:
        problems: Every :class:`~solpt_rehab.Problem` found, in document order.

    .. versionadded:: 0.1.0
    """

    problems: tuple[Problem, ...] = attrs.field(default=(), converter=_to_problems)

    @property
    def ok(self) -> bool:
        """Whether the document has no error (it may have warnings)."""
        return not any(found.is_error for found in self.problems)

    @property
    def errors(self) -> tuple[Problem, ...]:
        """The problems that are errors."""
        return tuple(found for found in self.problems if found.is_error)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        """The problems that are warnings."""
        return tuple(found for found in self.problems if not found.is_error)

    @property
    def codes(self) -> tuple[str, ...]:
        """The code of every problem, in order (handy in tests and scripts)."""
        return tuple(found.code for found in self.problems)

    def __str__(self) -> str:
        return "\n".join(str(found) for found in self.problems) or "ok"


# -- the detailed pass ------------------------------------------------------------------------


class _Unsound(enum.Enum):
    """A part with an error: nothing was built from it."""

    UNSOUND = 0


UNSOUND: Final = _Unsound.UNSOUND
#: The parts whose constructors check every rule of the part (so the fast path may build them).
_FAST_PARTS: Final = frozenset({Step, Hold, Rest, RepetitionScheme, Equipment, Citation, Frequency})


def _or_null(nullable: bool) -> str:  # noqa: FBT001 - a private helper
    return " or None" if nullable else ""


def _stand_in() -> Exercise:
    """An exercise that accepts every well-typed dose, to check an item's types alone."""
    return Exercise(
        id="stand-in",
        name="stand-in",
        steps=(Step(text="stand-in", kind=StepKind.HOLD),),
        hold=Hold(min_seconds=5e-324, max_seconds=FLOAT_MAX),
        repetitions=RepetitionScheme(
            min_reps=1, laterality=Laterality.EACH_SIDE, counting=CountingRule.TOTAL
        ),
    )


_STAND_IN: Final = _stand_in()
_DOSE_FIELDS: Final = ("hold_seconds", "reps", "side", "deviation")


class _Later:
    """Where the exercise rules' warnings about a sound exercise go, should they be wanted."""

    __slots__ = ("at", "exercise")
    is_error: Final = False

    def __init__(self, exercise: Exercise, at: Path) -> None:
        self.exercise = exercise
        self.at = at


class _Walker:
    """Collects the problems of one document while building what is sound.

    Without ``warnings``, the exercise rules do not run as the walk goes: a :class:`_Later`
    keeps their place among the problems (it moves with them), and :meth:`problems` runs them
    there only when the document turns out to have an error.
    """

    def __init__(self, *, fast: bool, warnings: bool = True) -> None:
        self.fast = fast
        self.warnings = warnings
        self.out: list[Problem | _Later] = []

    def problems(self) -> tuple[Problem, ...]:
        """Every problem found, in order: the rules' warnings too when there is an error."""
        wanted = any(found.is_error for found in self.out)
        return tuple(
            problem
            for found in self.out
            for problem in (
                (found,)
                if isinstance(found, Problem)
                else _warnings(found.exercise, found.at)
                if wanted
                else ()
            )
        )

    def add(self, at: Path, code: str, message: str) -> None:
        self.out.append(problem(at, code, message))

    # -- values --

    def value(  # noqa: PLR0911 - one return per kind of spec
        self, spec: Spec, value: object, at: Path, name: str, *, nullable: bool = False
    ) -> Any:
        """Check ``value`` against ``spec``; return what it builds, or ``UNSOUND``."""
        if isinstance(value, BadNumber):
            self.add(at, value.code, f"{name!r} {value.reason}: {_bad_number(value)}")
            return UNSOUND
        if isinstance(spec, Nullable):
            return None if value is None else self.value(spec.inner, value, at, name, nullable=True)
        if isinstance(spec, Text):
            return self.text(spec, value, at, name, nullable=nullable)
        if isinstance(spec, Number):
            return self.number(spec, value, at, name, nullable=nullable)
        if isinstance(spec, Flag):
            if isinstance(value, bool):
                return value
            self.add(at, "wrong-type", f"{name!r} must be true or false: {show(value)}")
            return UNSOUND
        if isinstance(spec, Choice):
            return self.choice(spec, value, at, name, nullable=nullable)
        if isinstance(spec, Array):
            return self.array(spec, value, at, name, nullable=nullable)
        if isinstance(spec, Obj):
            if spec is EXERCISE:
                return self.exercise(value, at, name, nullable=nullable)
            return self.obj(spec, value, at, name, nullable=nullable)
        raise AssertionError(spec)  # pragma: no cover - ExerciseRef is the routine's business

    def text(self, spec: Text, value: object, at: Path, name: str, *, nullable: bool) -> Any:
        if not isinstance(value, str):
            self.add(
                at, "wrong-type", f"{name!r} must be a string{_or_null(nullable)}: {show(value)}"
            )
            return UNSOUND
        if len(value) > TEXT_LIMIT:
            self.add(
                at,
                "too-long",
                f"{name!r} must be at most {TEXT_LIMIT} characters long: {len(value)} characters",
            )
            return UNSOUND
        invalid = unicode_requirement(value)
        if invalid is not None:
            self.add(at, "invalid-unicode", f"{name!r} must {invalid}: {show(value)}")
            return UNSOUND
        if spec.nonempty and not value.strip():
            self.add(at, "empty-text", f"{name!r} must not be empty: {show(value)}")
            return UNSOUND
        if spec.slug and not _SLUG.fullmatch(value):
            self.add(
                at,
                "not-a-slug",
                f"{name!r} must be a slug of lowercase letters and digits joined by single "
                f"hyphens: {show(value)}",
            )
            return UNSOUND
        return value

    def number(self, spec: Number, value: object, at: Path, name: str, *, nullable: bool) -> Any:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            kind = "a whole number" if spec.whole else "a number"
            self.add(
                at, "wrong-type", f"{name!r} must be {kind}{_or_null(nullable)}: {show(value)}"
            )
        elif isinstance(value, float) and not math.isfinite(value):
            self.add(at, "not-finite", f"{name!r} must be finite: {value!r}")
        elif not -FLOAT_MAX <= value <= FLOAT_MAX:
            self.add(
                at,
                "number-too-large",
                f"{name!r} is beyond the range of a 64-bit float: {show(value)}",
            )
        elif spec.whole and not isinstance(value, int):
            self.add(at, "fractional", f"{name!r} must be a whole number: {value!r}")
        elif value <= 0:
            self.add(at, "not-positive", f"{name!r} must be > 0: {value!r}")
        elif spec.maximum is not None and value > spec.maximum:
            self.add(at, "above-maximum", f"{name!r} must be <= {spec.maximum}: {value!r}")
        else:
            return value
        return UNSOUND

    def choice(self, spec: Choice, value: object, at: Path, name: str, *, nullable: bool) -> Any:
        member = spec.members.get(value) if isinstance(value, str) else None
        if member is not None:
            return member
        allowed = ", ".join(repr(allowed) for allowed in spec.values)
        self.add(
            at, "bad-enum", f"{name!r} must be one of {allowed}{_or_null(nullable)}: {show(value)}"
        )
        return UNSOUND

    def array(self, spec: Array, value: object, at: Path, name: str, *, nullable: bool) -> Any:
        if not isinstance(value, (list, tuple)):
            self.add(
                at, "wrong-type", f"{name!r} must be an array{_or_null(nullable)}: {show(value)}"
            )
            return UNSOUND
        if len(value) < spec.min_items:
            self.add(at, "empty-array", f"{name!r} must hold at least one item: []")
            return UNSOUND
        built = [
            self.value(spec.item, element, (*at, index), f"{name}[{index}]")
            for index, element in enumerate(value)
        ]
        return UNSOUND if UNSOUND in built else tuple(built)

    # -- objects --

    def repeated_keys(self, value: dict[Any, Any], at: Path) -> None:
        """Report the keys that the parsed text repeated in ``value``, in document order."""
        if isinstance(value, DuplicateKeys):
            for key, count in value.duplicates:
                self.add(
                    (*at, key),
                    "duplicate-key",
                    f"key {show(key)} appears {count} times in one object; the last value is used",
                )

    def keys(self, value: dict[Any, Any], at: Path, known: Iterable[str]) -> None:
        """Report repeated keys (from parsed text) and unknown keys, in document order."""
        self.repeated_keys(value, at)
        allowed = list(known)
        for key in value:
            if key not in allowed:
                hint = ""
                if isinstance(key, str) and len(key) <= _SHORT:
                    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.7)
                    hint = f" (did you mean {close[0]!r}?)" if close else ""
                self.add((*at, str(key)), "unknown-key", f"unknown key {show(key)}{hint}")

    def fields(self, spec: Obj, value: dict[Any, Any], at: Path) -> dict[str, Any]:
        """Check every field of ``spec`` in order; a missing optional key keeps its default.

        Unknown and repeated keys are the caller's to report (:meth:`keys`), after the rules.
        """
        built: dict[str, Any] = {}
        for key, field_spec in spec.fields.items():
            if key in value:
                built[key] = self.value(field_spec, value[key], (*at, key), key)
            elif key in spec.required:
                self.add((*at, key), "missing-key", f"missing required key {key!r}")
                built[key] = UNSOUND
        return built

    def obj(self, spec: Obj, value: object, at: Path, name: str, *, nullable: bool) -> Any:
        if not isinstance(value, dict):
            self.add(
                at, "wrong-type", f"{name!r} must be an object{_or_null(nullable)}: {show(value)}"
            )
            return UNSOUND
        if self.fast and spec.cls in _FAST_PARTS:
            # A part of a broken exercise is most often sound: try the fast path on it first.
            # Its constructor checks every rule of the part, so success means no problem.
            try:
                return CONVERTER.get_structure_hook(spec.cls)(value, spec.cls)
            except Exception:  # noqa: BLE001, S110 - any failure means: walk it in detail
                pass
        built = self.fields(spec, value, at)
        before = len(self.out)
        _DOMAIN.get(spec.cls, _no_rules)(self, built, value, at)
        self.keys(value, at, spec.fields)
        if UNSOUND in built.values() or any(p.is_error for p in self.out[before:]):
            return UNSOUND
        return self.construct(spec.cls, built, at)

    def construct(self, cls: type[Any], built: dict[str, Any], at: Path) -> Any:
        try:
            return cls(**built)
        except SolptRehabError as error:  # pragma: no cover - the walk checks all the model does
            self.add(at, "invalid-value", str(error).splitlines()[0])
            return UNSOUND

    def exercise(self, value: object, at: Path, name: str, *, nullable: bool = False) -> Any:
        """An exercise object: the fast pass first, the detailed walk when it fails."""
        built: Any = UNSOUND
        if self.fast:
            try:
                built = fast_exercise(value)
            except Exception:  # noqa: BLE001 - any failure means: walk it in detail
                built = UNSOUND
        if built is UNSOUND:
            built = self.obj(EXERCISE, value, at, name, nullable=nullable)
        if built is not UNSOUND:
            if self.warnings:
                self.out.extend(_warnings(built, at))
            else:
                self.out.append(_Later(built, at))
        return built


# -- the domain rules of each object, on the parts that are sound -----------------------------


def _sound(*values: object) -> bool:
    return UNSOUND not in values


def _hold_rules(walker: _Walker, built: dict[str, Any], _raw: dict[Any, Any], at: Path) -> None:
    low, high = built["min_seconds"], built["max_seconds"]
    if _sound(low, high) and high < low:
        walker.add(
            (*at, "max_seconds"),
            "range-inverted",
            f"'max_seconds' must be >= 'min_seconds' ({low!r}): {high!r}",
        )


def _rest_rules(walker: _Walker, built: dict[str, Any], _raw: dict[Any, Any], at: Path) -> None:
    low, high = built.get("min_seconds"), built.get("max_seconds")
    text = built.get("text")
    if not _sound(low, high):
        return
    if (low is None) != (high is None):
        given, missing = (
            ("min_seconds", "max_seconds") if high is None else ("max_seconds", "min_seconds")
        )
        walker.add(
            (*at, missing),
            "rest-incomplete",
            f"{missing!r} must be given with {given!r} ({built[given]!r}): None",
        )
    elif low is not None and high < low:
        walker.add(
            (*at, "max_seconds"),
            "range-inverted",
            f"'max_seconds' must be >= 'min_seconds' ({low!r}): {high!r}",
        )
    elif low is None and text is None:
        walker.add(
            (*at, "text"),
            "rest-undescribed",
            "'text' must say how the rest is documented when it has no seconds: None",
        )


def _repetition_rules(
    walker: _Walker, built: dict[str, Any], _raw: dict[Any, Any], at: Path
) -> None:
    low, high = built.get("min_reps"), built.get("max_reps")
    if _sound(low, high) and high is not None and high < low:
        walker.add(
            (*at, "max_reps"),
            "range-inverted",
            f"'max_reps' must be >= 'min_reps' ({low!r}): {high!r}",
        )
    laterality, counting = built.get("laterality"), built.get("counting")
    if not _sound(laterality, counting) or laterality is None:
        return
    if laterality.two_sided and counting is None:
        walker.add(
            (*at, "counting"),
            "counting-missing",
            f"'counting' must be given for {laterality.value!r} repetitions "
            "('total' or 'per-side'): None",
        )
    elif not laterality.two_sided and counting is not None:
        walker.add(
            (*at, "counting"),
            "counting-not-allowed",
            f"'counting' must be None for {laterality.value!r} repetitions: {counting.value!r}",
        )


def _exercise_rules(walker: _Walker, built: dict[str, Any], raw: dict[Any, Any], at: Path) -> None:
    # Whether the exercise has a hold is known as soon as "hold" is an object, sound or not.
    steps = built.get("steps")
    if (
        isinstance(raw.get("hold"), dict)
        and _sound(steps)
        and steps is not None
        and not any(step.kind is StepKind.HOLD for step in steps)
    ):
        walker.add(
            (*at, "steps"),
            "hold-step-missing",
            "'steps' must include a step of kind 'hold', since the exercise has a hold: "
            f"{[step.kind.value for step in steps]!r}",
        )


def _no_rules(walker: _Walker, built: dict[str, Any], _raw: dict[Any, Any], at: Path) -> None:
    """Objects whose every rule is in the structure."""


_DOMAIN: Final[dict[type[Any], Callable[[_Walker, dict[str, Any], dict[Any, Any], Path], None]]] = {
    Hold: _hold_rules,
    Rest: _rest_rules,
    RepetitionScheme: _repetition_rules,
    Exercise: _exercise_rules,
}


# -- documents --------------------------------------------------------------------------------


def _header(walker: _Walker, document: dict[Any, Any], expected: str | None) -> str | None:
    """Check ``kind`` and ``format_version``; return the kind when the content can be read."""
    good = True
    kind = document.get("kind", UNSOUND)
    allowed = ", ".join(repr(name) for name in KINDS)
    if isinstance(kind, BadNumber):
        walker.value(Text(), kind, ("kind",), "kind")
        good = False
    elif kind is UNSOUND:
        walker.add(("kind",), "missing-key", "missing required key 'kind'")
        good = False
    elif not isinstance(kind, str) or kind not in KINDS:
        walker.add(("kind",), "wrong-kind", f"'kind' must be one of {allowed}: {show(kind)}")
        good = False
    elif expected is not None and kind != expected:
        walker.add(("kind",), "wrong-kind", f"'kind' must be {expected!r} here: {kind!r}")
        good = False
    version = document.get("format_version", UNSOUND)
    if isinstance(version, BadNumber):
        walker.value(Number(whole=True), version, ("format_version",), "format_version")
        good = False
    elif version is UNSOUND:
        walker.add(("format_version",), "missing-key", "missing required key 'format_version'")
        good = False
    elif isinstance(version, bool) or not isinstance(version, int):
        walker.add(
            ("format_version",),
            "wrong-type",
            f"'format_version' must be an integer: {show(version)}",
        )
        good = False
    elif version != FORMAT_VERSION:
        walker.add(
            ("format_version",),
            "unknown-version",
            f"'format_version' must be {FORMAT_VERSION}, the only version this library reads: "
            f"{show(version)}",
        )
        good = False
    return kind if good else None


def read(
    document: object,
    *,
    kind: str | None = None,
    fast: bool = True,
    whole: bool = True,
    warnings: bool = True,
) -> tuple[Any, Report]:
    """Read a document: what it builds (or ``UNSOUND`` when it has an error) and the report.

    Never raises for a JSON-compatible ``document``. ``fast`` is false when the parsed text held
    repeated keys, which only the detailed pass sees. ``whole`` is false when the caller knows
    the fast pass refuses the whole document (it tried the same content): the detailed pass then
    starts at once, trying the fast pass on each exercise as ever. Without ``warnings``, the
    warning-only :data:`EXERCISE_RULES` are skipped when the document has no error, and the
    report then holds no warning of theirs; when it has an error, the report is
    :func:`validate`'s in full anyway.
    """
    if fast and whole:
        try:
            built = fast_document(document, kind)
        except Exception:  # noqa: BLE001 - any failure means: walk it in detail
            built = UNSOUND
        if built is not UNSOUND:
            return built, Report(problems=exercise_warnings(built) if warnings else ())
    return _walk(document, kind=kind, fast=fast, warnings=warnings)


def exercise_warnings(built: Exercise | tuple[Exercise, ...]) -> list[Problem]:
    """What the exercise rules find about a sound exercise or catalog document, in order."""
    if isinstance(built, Exercise):
        return list(_warnings(built, ()))
    return [
        found for index, item in enumerate(built) for found in _warnings(item, ("exercises", index))
    ]


def _walk(document: object, *, kind: str | None, fast: bool, warnings: bool) -> tuple[Any, Report]:
    """The detailed pass over a whole document (trying the fast path on each exercise)."""
    walker = _Walker(fast=fast, warnings=warnings)
    built: Any = UNSOUND
    if not isinstance(document, dict):
        walker.add((), "wrong-type", f"the document must be a JSON object: {show(document)}")
    else:
        walker.repeated_keys(document, ())
        found = _header(walker, document, kind)
        if found is not None:
            content = {key: value for key, value in document.items() if key not in HEADER_KEYS}
            if found == "exercise":
                built = walker.exercise(content, (), "document")
            elif found == "catalog":
                built = _catalog(walker, content)
            else:
                built = _routine(walker, content)
    report = Report(problems=walker.problems())
    return (built if report.ok else UNSOUND), report


def _catalog(walker: _Walker, content: dict[str, Any]) -> Any:
    exercises = content.get("exercises", UNSOUND)
    if exercises is UNSOUND:
        walker.add(("exercises",), "missing-key", "missing required key 'exercises'")
    elif not isinstance(exercises, (list, tuple)):
        walker.add(("exercises",), "wrong-type", f"'exercises' must be an array: {show(exercises)}")
    walker.keys(content, (), ("exercises",))
    if not isinstance(exercises, (list, tuple)):
        return UNSOUND
    built = []
    seen: dict[str, int] = {}
    for index, body in enumerate(exercises):
        at = ("exercises", index)
        built.append(walker.exercise(body, at, f"exercises[{index}]"))
        identifier = _raw_id(body)
        if identifier is None:
            continue
        if identifier in seen:
            walker.add(
                (*at, "id"),
                "duplicate-id",
                f"'id' must be unique in a catalog; exercises[{seen[identifier]}] has it too: "
                f"{identifier!r}",
            )
        else:
            seen[identifier] = index
    return UNSOUND if UNSOUND in built else tuple(built)


def _raw_id(body: object) -> str | None:
    """The id of an exercise object when it is a well-formed one, sound or not otherwise."""
    if not isinstance(body, dict):
        return None
    identifier = body.get("id")
    if (
        isinstance(identifier, str)
        and len(identifier) <= TEXT_LIMIT
        and _SLUG.fullmatch(identifier)
    ):
        return identifier
    return None


def _routine(walker: _Walker, content: dict[str, Any]) -> Any:
    built: dict[str, Any] = {}
    if "name" in content:
        built["name"] = walker.value(Text(), content["name"], ("name",), "name")
    else:
        walker.add(("name",), "missing-key", "missing required key 'name'")
        built["name"] = UNSOUND
    if "items" not in content:
        walker.add(("items",), "missing-key", "missing required key 'items'")
        built["items"] = UNSOUND
    else:
        built["items"] = _items(walker, content["items"])
    if "frequency" in content:
        built["frequency"] = walker.value(
            FREQUENCY, content["frequency"], ("frequency",), "frequency"
        )
    if "weeks" in content:
        built["weeks"] = walker.value(
            Nullable(Number(whole=True)), content["weeks"], ("weeks",), "weeks"
        )
    walker.keys(content, (), ("name", "items", "frequency", "weeks"))
    if UNSOUND in built.values():
        return UNSOUND
    return walker.construct(Routine, built, ())


def _items(walker: _Walker, items: object) -> Any:
    if not isinstance(items, (list, tuple)):
        walker.add(("items",), "wrong-type", f"'items' must be an array: {show(items)}")
        return UNSOUND
    if not items:
        walker.add(("items",), "empty-array", "'items' must hold at least one item: []")
        return UNSOUND
    # First the embedded exercises, which any item may refer to by id, with their problems kept
    # aside so that each is reported with its item, in document order.
    embedded: dict[str, Any] = {}
    where: dict[str, int] = {}
    aside: dict[int, list[Problem | _Later]] = {}
    for index, item in enumerate(items):
        body = item.get("exercise") if isinstance(item, dict) else None
        if not isinstance(body, dict):
            continue
        at = ("items", index, "exercise")
        outer, walker.out = walker.out, []
        exercise = walker.exercise(body, at, "exercise")
        identifier = _raw_id(body)
        if identifier is not None and identifier in where:
            walker.add(
                (*at, "id"),
                "duplicate-id",
                f"'id' is embedded already by items[{where[identifier]}]; refer to it by id: "
                f"{identifier!r}",
            )
        elif identifier is not None:
            where[identifier] = index
            embedded[identifier] = exercise
        aside[index], walker.out = walker.out, outer
    built = [
        _item(walker, item, index, embedded, aside.get(index, []))
        for index, item in enumerate(items)
    ]
    return UNSOUND if UNSOUND in built else tuple(built)


def _item(
    walker: _Walker,
    item: object,
    index: int,
    embedded: dict[str, Any],
    aside: list[Problem | _Later],
) -> Any:
    at: Path = ("items", index)
    if not isinstance(item, dict):
        walker.add(at, "wrong-type", f"'items[{index}]' must be an object: {show(item)}")
        return UNSOUND
    walker.repeated_keys(item, at)
    exercise = _reference(walker, item, at, embedded, aside)
    before = len(walker.out)
    values: dict[str, Any] = {}
    for name in _DOSE_FIELDS:
        raw = item.get(name)
        values[name] = _screen(walker, raw, (*at, name), name)
    if "reps" not in item:
        walker.add((*at, "reps"), "missing-key", "missing required key 'reps'")
    dropped = {
        pointer(*at, name)
        for name in _DOSE_FIELDS
        if values[name] is UNSOUND or (name == "reps" and "reps" not in item)
    }
    judge = exercise if isinstance(exercise, Exercise) else _STAND_IN
    found = item_problems(
        judge,
        **{name: None if values[name] is UNSOUND else values[name] for name in _DOSE_FIELDS},
        at=at,
    )
    walker.out.extend(
        found_problem
        for found_problem in found
        if found_problem.path not in dropped
        and (judge is not _STAND_IN or found_problem.code in TYPE_CODES)
    )
    walker.keys(dict.fromkeys(item), at, ("exercise", *_DOSE_FIELDS))
    if not isinstance(exercise, Exercise) or any(p.is_error for p in walker.out[before:]):
        return UNSOUND
    side = item.get("side")
    return walker.construct(
        RoutineItem,
        {
            "exercise": exercise,
            "hold_seconds": item.get("hold_seconds"),
            "reps": item["reps"],
            "side": default_side(exercise) if side is None else Side(side),
            "deviation": item.get("deviation"),
        },
        at,
    )


def _reference(  # noqa: PLR0911 - one return per outcome
    walker: _Walker,
    item: dict[Any, Any],
    at: Path,
    embedded: dict[str, Any],
    aside: list[Problem | _Later],
) -> Any:
    """Resolve an item's exercise: embedded, an embedded id, a catalog id; report what fails."""
    if "exercise" not in item:
        walker.add((*at, "exercise"), "missing-key", "missing required key 'exercise'")
        return UNSOUND
    reference = item["exercise"]
    if isinstance(reference, dict):
        walker.out.extend(aside)
        identifier = _raw_id(reference)
        return embedded.get(identifier, UNSOUND) if identifier is not None else UNSOUND
    if not isinstance(reference, str):
        walker.add(
            (*at, "exercise"),
            "wrong-type",
            f"'exercise' must be an exercise id or an exercise object: {show(reference)}",
        )
        return UNSOUND
    identifier = walker.value(Text(slug=True), reference, (*at, "exercise"), "exercise")
    if identifier is UNSOUND:
        return UNSOUND
    if identifier in embedded:
        return embedded[identifier]  # UNSOUND when the embedded exercise has errors
    if identifier in catalog.ids():
        return catalog.get(identifier)
    walker.add(
        (*at, "exercise"),
        "unknown-exercise",
        f"'exercise' is neither embedded in this routine nor in the catalog: {identifier!r}",
    )
    return UNSOUND


def _screen(  # noqa: PLR0911 - one return per kind of value
    walker: _Walker, value: object, at: Path, name: str
) -> Any:
    """Prepare a dose value for :func:`item_problems`; ``UNSOUND`` when reported here."""
    if isinstance(value, BadNumber):
        walker.add(at, value.code, f"{name!r} {value.reason}: {_bad_number(value)}")
        return UNSOUND
    if (
        isinstance(value, int)
        and not isinstance(value, bool)
        and not -FLOAT_MAX <= value <= FLOAT_MAX
    ):
        walker.add(
            at, "number-too-large", f"{name!r} is beyond the range of a 64-bit float: {show(value)}"
        )
        return UNSOUND
    if isinstance(value, str) and len(value) > TEXT_LIMIT:
        if name == "deviation":
            walker.add(
                at,
                "too-long",
                f"{name!r} must be at most {TEXT_LIMIT} characters long: {len(value)} characters",
            )
            return UNSOUND
        return _Clipped(value)
    if isinstance(value, str) and len(value) > _SHORT:
        return _Clipped(value)
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return _Shown(value)


# -- the public functions ---------------------------------------------------------------------


def raise_for(report: Report) -> None:
    """Raise :class:`DocumentError` with every problem when the report has an error."""
    if not report.ok:
        count = len(report.errors)
        raise DocumentError(
            f"the document has {count} error{'s' if count != 1 else ''}:", report.problems
        )
