"""Reading and validating wire-format documents: every problem at once, each with its path.

Two passes share the work. The fast pass (:mod:`.fast`, generated from the model's declarations)
decodes a whole exercise or catalog document straight into the model. When it refuses, the
detailed pass walks the content by the model's declarations (:mod:`.spec`), trying the fast pass
on each exercise and part first: it checks every field by its spec, runs each rule across fields
on the parts whose fields are sound, and so reports all problems together with precise paths.
Every check and message comes from the declaration (:mod:`solpt_rehab._model.rules`), the same one
the constructors and the fast pass run. Valid content costs one fast pass; only the parts with
errors pay for the walk.

:func:`read` is the one entry point: :func:`validate` reports what it found, and
:func:`from_document` returns the value it built or raises with the same problems, so the two
cannot disagree. The exercise rules only warn, so :func:`from_document` runs them only when the
document has an error and somebody asks for the problems.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, Final

import attrs

from .. import catalog
from .._core.errors import DocumentError, SolptRehabError
from .._core.problems import Problem, pointer, problem
from .._core.suggest import close_matches, unknown_id_hint
from .._logs.values import SessionLog
from .._model.rules import (
    FLOAT_MAX,
    GIVEN,
    SLUG,
    TEXT_LIMIT,
    ArrayOf,
    Day,
    Nullable,
    Number,
    OneOf,
    Part,
    Spec,
    Text,
    show,
)
from .._model.values import Exercise
from .._routines.dose import (
    TYPE_CODES,
    Side,
    default_side,
    item_problems,
    stand_in,
)
from .._routines.progression import progression_problems, without_unused_deviation
from .._routines.values import Routine, RoutineItem
from .fast import catalog_segments, fast_document, fast_part, segment_exercise
from .markers import UNSOUND, BadNumber, DuplicateKeys
from .spec import (
    FORMAT_VERSION,
    HEADER_KEYS,
    KIND_SINCE,
    KINDS,
    READ_VERSIONS,
    Shape,
    shape_of,
)
from .text import keys_unrepeated, parse_json

__all__ = [
    "EXERCISE_RULES",
    "MAX_PROBLEMS",
    "ExerciseRule",
    "Outcome",
    "Report",
    "exercise_warnings",
    "raise_for",
    "read",
    "read_catalog_text",
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


# -- values in messages ---------------------------------------------------------------------------

_SHORT: Final = 60
#: How many unknown keys of one document get a "did you mean" suggestion: each costs a fuzzy
#: match, and a document of 100,000 misspelt keys would cost 30 s of them.
_SUGGESTIONS: Final = 100


def _bad_number(value: BadNumber) -> str:
    """The literal's text as written, shortened when long."""
    text = value.text
    return text if len(text) <= _SHORT else f"{text[:40]}... ({len(text)} characters)"


# -- the report -----------------------------------------------------------------------------------


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


# -- the detailed pass ---------------------------------------------------------------------------


class _PendingWarnings:
    """Where the exercise rules' warnings about a sound exercise go, should they be wanted."""

    __slots__ = ("at", "exercise")
    is_error: Final = False

    def __init__(self, exercise: Exercise, at: Path) -> None:
        self.exercise = exercise
        self.at = at


#: How many problems a report holds unless told otherwise: the first ones in document order, then
#: one more that counts the rest (``too-many-problems`` or ``too-many-warnings``). Enough for any
#: document a person fixes by hand; a report of a file of errors then stays small, whatever the
#: file holds.
MAX_PROBLEMS: Final = 1000


class _Found:
    """The problems of a walk in document order: the first ``limit`` kept, the rest counted.

    Every pending warning is kept (one per sound exercise, so as many as the input holds): its
    problems are counted against the limit only when they are run. A problem beyond the limit is
    beyond it in the report too, since running the pending warnings before it only adds
    problems ahead of it.
    """

    __slots__ = ("errors_seen", "items", "kept", "limit", "omitted_errors", "omitted_warnings")

    def __init__(self, limit: int | None) -> None:
        self.items: list[Problem | _PendingWarnings] = []
        self.limit = limit
        self.kept = 0
        self.errors_seen = 0  # kept or not: for "has an error been found since"
        self.omitted_errors = 0
        self.omitted_warnings = 0

    def __iter__(self) -> Iterator[Problem | _PendingWarnings]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    @property
    def full(self) -> bool:
        """Whether a problem added now would only be counted."""
        return self.limit is not None and self.kept >= self.limit

    def append(self, item: Problem | _PendingWarnings) -> None:
        if isinstance(item, _PendingWarnings):
            self.items.append(item)
            return
        if item.is_error:
            self.errors_seen += 1
        if not self.full:
            self.items.append(item)
            self.kept += 1
        elif item.is_error:
            self.omitted_errors += 1
        else:
            self.omitted_warnings += 1

    def extend(self, items: Iterable[Problem | _PendingWarnings]) -> None:
        for item in items:
            self.append(item)

    def absorb(self, other: _Found) -> None:
        """Add what ``other`` kept, then count what it left out."""
        self.extend(other.items)
        self.errors_seen += other.omitted_errors
        self.omitted_errors += other.omitted_errors
        self.omitted_warnings += other.omitted_warnings


def _summary(limit: int, errors: int, warnings: int) -> Problem:
    """The last problem of a report that stopped at ``limit``: how many more there were."""
    code = "too-many-problems" if errors else "too-many-warnings"
    return problem(
        (),
        code,
        f"the report stops at {limit} problems; {errors + warnings} more were found and left "
        f"out ({errors} error{'s' if errors != 1 else ''}, {warnings} "
        f"warning{'s' if warnings != 1 else ''})",
    )


class Outcome:
    """The problems of a read, the exercise rules' warnings run only when first asked for.

    At most ``limit`` problems are kept (``None``: all), then one that counts the rest.
    """

    __slots__ = ("_found", "_resolved", "errors")

    def __init__(
        self,
        found: Iterable[Problem | _PendingWarnings] | _Found,
        *,
        limit: int | None = MAX_PROBLEMS,
    ) -> None:
        if isinstance(found, _Found):
            self._found = found
        else:
            self._found = _Found(limit)
            self._found.extend(found)
        self._resolved: tuple[Problem, ...] | None = None
        #: The errors kept, in order (errors beyond the limit are only counted).
        self.errors = tuple(
            item for item in self._found.items if isinstance(item, Problem) and item.is_error
        )

    @property
    def ok(self) -> bool:
        """Whether no error was found."""
        return not self.errors and not self._found.omitted_errors

    @property
    def error_count(self) -> int:
        """How many errors were found, those beyond the limit included."""
        return len(self.errors) + self._found.omitted_errors

    def after(self, problems: Iterable[Problem]) -> Outcome:
        """These problems (of reading the text, say) followed by this outcome's."""
        found = _Found(self._found.limit)
        found.extend(problems)
        found.absorb(self._found)
        return Outcome(found)

    def report(self) -> Report:
        """The report of every problem, the warnings run now."""
        return Report(problems=self.resolve())

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.resolve())

    def resolve(self) -> tuple[Problem, ...]:
        """Every problem in document order, the pending warnings run in their places.

        Past the limit, problems are counted, and one more problem says how many.
        """
        if self._resolved is None:
            limit = self._found.limit
            kept: list[Problem] = []
            errors, warnings = self._found.omitted_errors, self._found.omitted_warnings
            for item in self._found.items:
                for found in (
                    (item,) if isinstance(item, Problem) else _warnings(item.exercise, item.at)
                ):
                    if limit is None or len(kept) < limit:
                        kept.append(found)
                    elif found.is_error:
                        errors += 1
                    else:
                        warnings += 1
            if errors or warnings:
                assert limit is not None  # noqa: S101 - nothing is left out without a limit
                kept.append(_summary(limit, errors, warnings))
            self._resolved = tuple(kept)
        return self._resolved


class _Walker:
    """Collects the problems of one document while building what is sound.

    Without ``warnings``, the exercise rules do not run as the walk goes: a
    :class:`_PendingWarnings` keeps their place among the problems.
    """

    def __init__(
        self, *, fast: bool = True, warnings: bool = True, limit: int | None = MAX_PROBLEMS
    ) -> None:
        self.fast = fast
        self.warnings = warnings
        self.out = _Found(limit)
        self.suggestions = _SUGGESTIONS
        #: The document's format version: a key a later version introduced is unknown in it.
        self.version = FORMAT_VERSION

    def read_version(self, version: int) -> None:
        """Read the rest of the document as ``version`` says: an older one by the detailed walk."""
        self.version = version
        self.fast = self.fast and version == FORMAT_VERSION

    def add(self, at: Path, code: str, message: str) -> None:
        self.out.append(problem(at, code, message))

    def error_mark(self) -> int:
        """A mark for :meth:`has_errors_since`: how many errors were found so far."""
        return self.out.errors_seen

    def has_errors_since(self, mark: int) -> bool:
        """Whether an error was found since :meth:`error_mark` gave ``mark``."""
        return self.out.errors_seen > mark

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
        if isinstance(spec, OneOf):
            member = spec.member(value)
            if member is not None:
                return member
        elif isinstance(spec, Day):
            day = spec.day(value)
            if day is not None:
                return day
        elif isinstance(spec, ArrayOf):
            return self.array(spec, value, at, name, nullable=nullable)
        elif isinstance(spec, Part):
            return self.part(spec.cls, value, at, name, nullable=nullable)
        found = spec.problem(value, name, nullable=nullable)
        if found is None:
            return value
        self.add(at, *found)
        return UNSOUND

    def array(self, spec: ArrayOf, value: object, at: Path, name: str, *, nullable: bool) -> Any:
        found = spec.container_problem(value, name, nullable=nullable)
        if found is not None:
            self.add(at, *found)
            return UNSOUND
        assert isinstance(value, (list, tuple))  # noqa: S101 - what container_problem checked
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

    def keys(
        self, value: dict[Any, Any], at: Path, known: Iterable[str], since: Mapping[str, int] = {}
    ) -> None:
        """Report repeated keys (from parsed text) and unknown keys, in document order.

        ``since`` maps the keys that a later version of the format introduced to that version:
        they are unknown in a document of an earlier one.
        """
        self.repeated_keys(value, at)
        allowed = list(known)
        for key in value:
            introduced = since.get(key, 1) if isinstance(key, str) else 1
            if introduced > self.version:
                self.add(
                    (*at, key),
                    "unknown-key",
                    f"key {show(key)} is new in format version {introduced}; this document "
                    f"is version {self.version}",
                )
            elif key not in allowed:
                hint = ""
                # A suggestion costs a fuzzy match against every known key: only the first few
                # unknown keys of a document get one, and none that the report leaves out.
                if (
                    isinstance(key, str)
                    and len(key) <= _SHORT
                    and self.suggestions > 0
                    and not self.out.full
                ):
                    self.suggestions -= 1
                    close = close_matches(key, allowed, n=1)
                    hint = f" (did you mean {close[0]!r}?)" if close else ""
                self.add((*at, str(key)), "unknown-key", f"unknown key {show(key)}{hint}")

    def fields(self, shape: Shape, value: dict[Any, Any], at: Path) -> dict[str, Any]:
        """Check every field of ``shape`` in order; a missing optional key keeps its default.

        Unknown and repeated keys are the caller's to report (:meth:`keys`), after the rules.
        """
        built: dict[str, Any] = {}
        for field in shape.fields:
            key = field.name
            if field.since > self.version:
                continue
            spec, required = field.read_by(self.version)
            if key in value:
                built[key] = self.value(spec, value[key], (*at, key), key)
            elif required:
                self.add((*at, key), "missing-key", f"missing required key {key!r}")
                built[key] = UNSOUND
        return built

    def rules(self, shape: Shape, built: dict[str, Any], raw: dict[Any, Any], at: Path) -> None:
        """Run each rule across fields whose fields are sound, in declaration order.

        A field the rule reads only for its presence counts when it is given with errors.
        """
        if not shape.rules:
            return
        values = {field.name: built.get(field.name, field.default) for field in shape.fields}
        for rule in shape.rules:
            given = {
                name: GIVEN
                for name in rule.presence
                if values[name] is UNSOUND and raw.get(name) is not None
            }
            if any(values[name] is UNSOUND and name not in given for name in rule.reads):
                continue
            found = rule.problem({**values, **given})
            if found is not None:
                self.add((*at, rule.at), *found)

    def part(self, cls: type[Any], value: object, at: Path, name: str, *, nullable: bool) -> Any:
        """An object of a declared class: the fast pass first, the detailed walk when it fails."""
        if not isinstance(value, dict):
            self.add(
                at,
                "wrong-type",
                f"{name!r} must be an object{' or null' if nullable else ''}: {show(value)}",
            )
            return UNSOUND
        built: Any = fast_part(cls, value) if self.fast else UNSOUND
        if built is UNSOUND:
            shape = shape_of(cls)
            fields = self.fields(shape, value, at)
            before = self.error_mark()
            self.rules(shape, fields, value, at)
            self.keys(value, at, shape.keys, shape.since)
            if UNSOUND in fields.values() or self.has_errors_since(before):
                return UNSOUND
            built = self.construct(cls, fields, at)
        if cls is Exercise and built is not UNSOUND:
            self.pending(built, at)
        return built

    def pending(self, exercise: Exercise, at: Path) -> None:
        """The exercise rules' warnings about a sound exercise, now or in their place."""
        if self.warnings:
            self.out.extend(_warnings(exercise, at))
        else:
            self.out.append(_PendingWarnings(exercise, at))

    def construct(self, cls: type[Any], built: dict[str, Any], at: Path) -> Any:
        try:
            return cls(**built)
        except SolptRehabError as error:  # pragma: no cover - the walk checks all the model does
            self.add(at, "invalid-value", str(error).splitlines()[0])
            return UNSOUND

    def exercise(self, value: object, at: Path, name: str) -> Any:
        """An exercise object, with the exercise rules' warnings (or their place)."""
        return self.part(Exercise, value, at, name, nullable=False)


# -- documents ------------------------------------------------------------------------------------


_KIND: Final = Text()
_VERSION: Final = Number(whole=True)
_ROUTINE: Final = shape_of(Routine)
_ITEM: Final = shape_of(RoutineItem)
_ID: Final = Text(slug=True)
#: The keys of a routine item read by their specs rather than as raw dose values.
_WALKED: Final = frozenset({"load", "notes", "progression"})
#: The keys of a routine item that the dose rules do not read.
_NOT_DOSE: Final = frozenset({"notes", "progression"})


def _header(walker: _Walker, document: dict[Any, Any], expected: str | None) -> str | None:
    """Check ``kind`` and ``format_version``; return the kind when the content can be read.

    A ``format_version`` that is missing, of the wrong type or unknown is reported, and the rest
    of the document is still read, by the newest version's rules, so that its other problems are
    reported with it (the document has an error either way). A bad ``kind`` stops the reading:
    there is no knowing which keys the content should have.
    """
    good = True
    kind = document.get("kind", UNSOUND)
    allowed = ", ".join(repr(name) for name in KINDS)
    if isinstance(kind, BadNumber):
        walker.value(_KIND, kind, ("kind",), "kind")
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
        walker.value(_VERSION, version, ("format_version",), "format_version")
    elif version is UNSOUND:
        walker.add(("format_version",), "missing-key", "missing required key 'format_version'")
    elif isinstance(version, bool) or not isinstance(version, int):
        walker.add(
            ("format_version",),
            "wrong-type",
            f"'format_version' must be an integer: {show(version)}",
        )
    elif version not in READ_VERSIONS:
        read = " or ".join(str(number) for number in READ_VERSIONS)
        walker.add(
            ("format_version",),
            "unknown-version",
            f"'format_version' must be {read}, the versions this library reads: {show(version)}",
        )
    else:
        walker.read_version(version)
    return kind if good else None


def read(
    document: object,
    *,
    kind: str | None = None,
    fast: bool = True,
    whole: bool = True,
    warnings: bool = True,
    limit: int | None = MAX_PROBLEMS,
) -> tuple[Any, Outcome]:
    """Read a document: what it builds (or ``UNSOUND`` when it has an error) and its problems.

    Never raises for a JSON-compatible ``document``. Without ``fast`` the fast pass is never
    tried: the detailed pass alone reads the document, building through the constructors (the
    tests compare the two). ``whole`` is false when the caller knows the
    fast pass refuses the whole document (it tried the same content); the walk then starts at
    once, trying the fast pass on each part as ever (a part holding a marker of the text, such as
    a repeated key, is refused by it and walked). Without ``warnings``, the
    warning-only :data:`EXERCISE_RULES` are skipped when the document has no error; when it has
    one, the report's problems run them on first use. ``limit`` is how many problems the
    outcome keeps (:data:`MAX_PROBLEMS`; ``None`` for all): the rest are counted.
    """
    if fast and whole:
        built = fast_document(document, kind)
        if built is not UNSOUND:
            return built, Outcome(exercise_warnings(built) if warnings else (), limit=limit)
    return _walk(document, kind=kind, fast=fast, warnings=warnings, limit=limit)


def exercise_warnings(built: Exercise | tuple[Exercise, ...]) -> Iterator[Problem]:
    """What the exercise rules find about a sound exercise or catalog document, in order."""
    if isinstance(built, Exercise):
        yield from _warnings(built, ())
        return
    for index, item in enumerate(built):
        yield from _warnings(item, ("exercises", index))


def _walk(
    document: object, *, kind: str | None, fast: bool, warnings: bool, limit: int | None
) -> tuple[Any, Outcome]:
    """The detailed pass over a whole document (trying the fast pass on each part)."""
    walker = _Walker(fast=fast, warnings=warnings, limit=limit)
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
            elif found == "session-log":
                built = _session_log(walker, content)
            else:
                built = _routine(walker, content)
    outcome = Outcome(walker.out)
    return (built if outcome.ok else UNSOUND), outcome


def _session_log(walker: _Walker, content: dict[str, Any]) -> Any:
    """A session log: one object of the model, read by its declarations like any part."""
    since = KIND_SINCE["session-log"]
    if walker.version < since:
        walker.add(
            ("format_version",),
            "unknown-version",
            f"'format_version' must be {since} or later for a 'session-log' document, which "
            f"format version {walker.version} does not have: {walker.version}",
        )
        return UNSOUND
    return walker.part(SessionLog, content, (), "document", nullable=False)


def _catalog(walker: _Walker, content: dict[str, Any]) -> Any:
    exercises = content.get("exercises", UNSOUND)
    if exercises is UNSOUND:
        walker.add(("exercises",), "missing-key", "missing required key 'exercises'")
    elif not isinstance(exercises, (list, tuple)):
        walker.add(("exercises",), "wrong-type", f"'exercises' must be an array: {show(exercises)}")
    walker.keys(content, (), ("exercises",))
    if not isinstance(exercises, (list, tuple)):
        return UNSOUND
    built: list[Any] = []
    seen: dict[str, int] = {}
    for index, body in enumerate(exercises):
        at = ("exercises", index)
        if isinstance(body, _Built):
            built.append(body.exercise)
            walker.pending(body.exercise, at)
            identifier: str | None = body.exercise.id
        else:
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


class _Built:
    """An exercise the fast decoder built from its raw text: the walk takes it as it is."""

    __slots__ = ("exercise",)

    def __init__(self, exercise: Exercise) -> None:
        self.exercise = exercise


def _occurrences(value: object) -> int:
    """How many keys the text of a precisely parsed value spelled, repeated ones included."""
    if isinstance(value, dict):
        repeated: int = sum(count - 1 for _, count in getattr(value, "duplicates", ()))
        return len(value) + repeated + sum(map(_occurrences, value.values()))
    if isinstance(value, list):
        return sum(map(_occurrences, value))
    return 0


def _parsed(raw: object) -> Any:
    """One exercise's raw JSON parsed precisely, markers in place; ``UNSOUND`` if it fails."""
    value, problems, _ = parse_json(bytes(raw).decode("utf-8"))  # type: ignore[call-overload]
    return UNSOUND if problems else value


def read_catalog_text(
    text: str, *, warnings: bool, limit: int | None = MAX_PROBLEMS
) -> tuple[Any, Outcome] | None:
    """Read a catalog document's text exercise by exercise, or ``None`` to read it whole.

    The fast decoder builds each exercise from its own raw JSON; only an exercise it refuses is
    parsed precisely and walked, so that one error costs about one exercise's walk, not the
    whole document's. The result is exactly what the detailed pass gives the whole document:
    the same problems in the same order (the tests hold it to that). ``None`` when the top level
    is not sound, an exercise is not readable JSON on its own, or the text spells more keys than
    were read (a key repeated or unknown where the fast decoder does not look).
    """
    segments = catalog_segments(text)
    if segments is None:
        return None
    exercises: list[object] = []
    held: list[int] = []  # the keys each exercise held
    for raw in segments:
        built, keys = segment_exercise(raw)
        if built is UNSOUND:
            value = _parsed(raw)
            if value is UNSOUND:
                return None
            exercises.append(value)
            held.append(_occurrences(value))
        else:
            exercises.append(_Built(built))
            held.append(keys)
    if not keys_unrepeated(text, 3 + sum(held)):  # 3: kind, format_version, exercises
        # An exercise spells a key its decoder skipped (unknown, or repeated): find it, walk it.
        for index, raw in enumerate(segments):
            if isinstance(exercises[index], _Built) and not keys_unrepeated(
                bytes(raw).decode("utf-8"), held[index]
            ):
                exercises[index] = value = _parsed(raw)
                held[index] = _occurrences(value)
        if not keys_unrepeated(text, 3 + sum(held)):
            return None
    walker = _Walker(warnings=warnings, limit=limit)
    built = _catalog(walker, {"exercises": exercises})
    outcome = Outcome(walker.out)
    return (built if outcome.ok else UNSOUND), outcome


def _raw_id(body: object) -> str | None:
    """The id of an exercise object when it is a well-formed one, sound or not otherwise."""
    if not isinstance(body, dict):
        return None
    identifier = body.get("id")
    if isinstance(identifier, str) and len(identifier) <= TEXT_LIMIT and SLUG.fullmatch(identifier):
        return identifier
    return None


def _routine(walker: _Walker, content: dict[str, Any]) -> Any:
    built: dict[str, Any] = {}
    for field in _ROUTINE.fields:
        key = field.name
        if field.since > walker.version:
            continue
        if key not in content:
            if field.required:
                walker.add((key,), "missing-key", f"missing required key {key!r}")
                built[key] = UNSOUND
        elif key == "items":
            built[key] = _items(walker, content[key])
        else:
            built[key] = walker.value(field.spec, content[key], (key,), key)
    walker.keys(content, (), _ROUTINE.keys, _ROUTINE.since)
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
    # apart so that each is reported with its item, in document order.
    embedded: dict[str, Any] = {}
    where: dict[str, int] = {}
    # The embedded exercises' problems come out in item order, so the first ``limit`` of them
    # are all that any report can show: what they keep together stays within the limit.
    limit = walker.out.limit
    embedded_problems: dict[int, _Found] = {}
    for index, item in enumerate(items):
        body = item.get("exercise") if isinstance(item, dict) else None
        if not isinstance(body, dict):
            continue
        at = ("items", index, "exercise")
        outer, walker.out = walker.out, _Found(limit)
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
        embedded_problems[index], walker.out = walker.out, outer
        if limit is not None:
            limit = max(0, limit - embedded_problems[index].kept)
    built = [
        _item(walker, item, index, embedded, embedded_problems.get(index))
        for index, item in enumerate(items)
    ]
    return UNSOUND if UNSOUND in built else tuple(built)


def _item(
    walker: _Walker,
    item: object,
    index: int,
    embedded: dict[str, Any],
    embedded_problems: _Found | None,
) -> Any:
    at: Path = ("items", index)
    if not isinstance(item, dict):
        walker.add(at, "wrong-type", f"'items[{index}]' must be an object: {show(item)}")
        return UNSOUND
    walker.repeated_keys(item, at)
    exercise = _reference(walker, item, at, embedded, embedded_problems)
    before = walker.error_mark()
    fields = [field for field in _ITEM.fields[1:] if field.since <= walker.version]
    values: dict[str, Any] = {}
    for field in fields:
        name = field.name
        if name in _WALKED and name not in item:  # left out: its default
            values[name] = field.default
        elif name in _WALKED:  # an object, an array or a text that is no dose: by its spec
            values[name] = walker.value(field.spec, item[name], (*at, name), name)
        else:
            values[name] = _dose_value(walker, item.get(name), (*at, name), name)
    if "reps" not in item:
        walker.add((*at, "reps"), "missing-key", "missing required key 'reps'")
    dropped = {
        pointer(*at, name)
        for name in values
        if values[name] is UNSOUND or (name == "reps" and "reps" not in item)
    }
    checked_against = exercise if isinstance(exercise, Exercise) else stand_in()
    found = item_problems(
        checked_against,
        **{
            name: None if value is UNSOUND else value
            for name, value in values.items()
            if name not in _NOT_DOSE
        },
        at=at,
    )
    kept = [
        found_problem
        for found_problem in found
        if found_problem.path not in dropped
        and (checked_against is not stand_in() or found_problem.code in TYPE_CODES)
    ]
    progression = values.get("progression", ())
    if (
        progression
        and progression is not UNSOUND
        and isinstance(exercise, Exercise)
        and not walker.has_errors_since(before)
        and not any(found_problem.is_error for found_problem in kept)
    ):
        # The values as the item will hold them: what is left out stays out, as in the model.
        dose = {name: values[name] for name in values if name not in _NOT_DOSE}
        progressed = list(progression_problems(exercise, dose, progression, at))
        kept = without_unused_deviation(kept, progressed, at)
    walker.out.extend(kept)
    walker.keys(dict.fromkeys(item), at, _ITEM.keys, _ITEM.since)
    if not isinstance(exercise, Exercise) or walker.has_errors_since(before):
        return UNSOUND
    side = item.get("side")
    return walker.construct(
        RoutineItem,
        {
            **{name: values[name] for name in values if name in _WALKED},
            **{name: item.get(name) for name in values if name not in _WALKED},
            "exercise": exercise,
            "side": default_side(exercise) if side is None else Side(side),
        },
        at,
    )


def _reference(  # noqa: PLR0911 - one return per outcome
    walker: _Walker,
    item: dict[Any, Any],
    at: Path,
    embedded: dict[str, Any],
    embedded_problems: _Found | None,
) -> Any:
    """Resolve an item's exercise: embedded, an embedded id, a catalog id; report what fails."""
    if "exercise" not in item:
        walker.add((*at, "exercise"), "missing-key", "missing required key 'exercise'")
        return UNSOUND
    reference = item["exercise"]
    if isinstance(reference, dict):
        if embedded_problems is not None:
            walker.out.absorb(embedded_problems)
        identifier = _raw_id(reference)
        return embedded.get(identifier, UNSOUND) if identifier is not None else UNSOUND
    if not isinstance(reference, str):
        walker.add(
            (*at, "exercise"),
            "wrong-type",
            f"'exercise' must be an exercise id or an exercise object: {show(reference)}",
        )
        return UNSOUND
    identifier = walker.value(_ID, reference, (*at, "exercise"), "exercise")
    if identifier is UNSOUND:
        return UNSOUND
    if identifier in embedded:
        return embedded[identifier]  # UNSOUND when the embedded exercise has errors
    if identifier in catalog.ids():
        return catalog.get(identifier)
    hint = unknown_id_hint(identifier, [*embedded, *catalog.ids()])
    walker.add(
        (*at, "exercise"),
        "unknown-exercise",
        f"'exercise' is neither embedded in this routine nor in the catalog ({hint}): "
        f"{identifier!r}",
    )
    return UNSOUND


def _dose_value(walker: _Walker, value: object, at: Path, name: str) -> Any:
    """Prepare a dose value for :func:`item_problems`, which writes values with ``!r``.

    Returns ``UNSOUND`` when the problem is reported here (a marker of the text, a number beyond
    a float, a deviation too long), the value as it is, or a stand-in whose repr is short.
    """
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
    if isinstance(value, str) and len(value) > TEXT_LIMIT and name == "deviation":
        walker.add(
            at,
            "too-long",
            f"{name!r} must be at most {TEXT_LIMIT} characters long: {len(value)} characters",
        )
        return UNSOUND
    # Otherwise the value as it is: the dose rules write values with show(), short and in JSON's
    # words, whatever they are.
    return value


# -- the public functions ---------------------------------------------------------------------


def raise_for(outcome: Outcome) -> None:
    """Raise :class:`DocumentError` when the read found an error.

    Its message lists the errors; its ``problems`` add the warnings on first use.
    """
    if not outcome.ok:
        count = outcome.error_count
        raise DocumentError(f"the document has {count} error{'s' if count != 1 else ''}:", outcome)
