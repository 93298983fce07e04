"""Import free-exercise-db's JSON format into exercises, with a report of what was read.

free-exercise-db (public domain) is a list of exercise objects with the fields ``id``, ``name``,
``force``, ``level``, ``mechanic``, ``equipment``, ``primaryMuscles``, ``secondaryMuscles``,
``instructions``, ``category`` and ``images``. It has no structured dose: holds and counts, when
there are any, are in the instructions' prose, and :func:`~solpt_rehab.prose.extract_dose` reads
them. :func:`import_exercises` maps every entry it can and reports, per entry, what it mapped,
what it read from the prose, what it left unknown, and why an entry was left out.

How fields map:

* ``id`` becomes a slug (``"3_4_Sit-Up"`` is ``"3-4-sit-up"``); the report keeps the pair, and
  the exercise's :attr:`~solpt_rehab.Exercise.source` cites the original id. ``name`` is kept
  exactly as it is, so that people find the exercise under the name they know.
* ``primaryMuscles`` become :class:`~solpt_rehab.BodyRegion` values (:data:`MUSCLE_REGIONS`);
  ``secondaryMuscles`` are reported, not mapped, since an exercise's regions are the ones it
  targets.
* ``equipment`` becomes one :class:`~solpt_rehab.Equipment` under the source's own word
  (``"body only"`` is no equipment, ``"other"`` names nothing and is reported); ``level`` and
  ``category`` map onto :class:`~solpt_rehab.Level` and :class:`~solpt_rehab.Category`.
* ``instructions`` become steps, with kinds inferred; the steps stating the hold are ``HOLD``
  steps. Empty strings are dropped and reported; an entry with no instruction left is left out.
* ``force`` and ``mechanic`` have no place in the model and are reported.

What the prose leaves open is never made up. An exercise whose instructions state no repetition
count gets a scheme that states none (``min_reps=None, max_reps=None``), reported as
``repetitions-not-stated``; "up to 10 times" gives ``max_reps=10`` alone. ``equipment`` gives a
load where it states one as a fact (:data:`EQUIPMENT_LOADS`: ``"bands"`` a band with no level,
``"dumbbell"`` a weight with no amount, ``"body only"`` body weight); the prose adds a level or an
amount only where it writes one. ``images`` become :class:`~solpt_rehab.Media` of kind
``image``, their paths as given, the licence :data:`IMAGE_LICENCE` and the name and place of
each picture as alternative text. Without a side cue in
the steps or the name ("Alternating ...", "One-Arm ...") the exercise is read as bilateral
(``laterality-not-stated``); an unstated two-sided counting rule takes
:data:`~solpt_rehab.prose.DEFAULT_COUNTING` (``counting-not-stated``). Without a stated hold the
exercise has none.

Example::

    >>> from solpt_rehab.importers.free_exercise_db import import_exercises
    >>> result = import_exercises([{"id": "Wall_Calf_Stretch", "name": "Wall Calf Stretch",
    ...     "level": "beginner", "category": "stretching", "equipment": None,
    ...     "primaryMuscles": ["calves"], "instructions": [
    ...         "Stand facing a wall.", "Hold for 20-30 seconds, then switch sides."]}])
    >>> exercise = result.exercises[0]
    >>> exercise.id, str(exercise.hold), exercise.laterality.value
    ('wall-calf-stretch', '20-30 s', 'each-side')
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Final, TypeVar

import attrs

from .._core.errors import DocumentError, InvalidValueError
from .._core.problems import Problem, pointer, problem
from .._inputs import reason
from .._model.rules import control_requirement, show, unicode_requirement
from .._model.values import (
    BodyRegion,
    Category,
    Citation,
    Equipment,
    Exercise,
    Laterality,
    Level,
    Load,
    LoadKind,
    Media,
    MediaKind,
)
from .._wire.text import parse_json, text_of
from ..prose import extract_dose
from ..prose._drafting import Ids, draft_exercise, slug_of

__all__ = [
    "CATEGORIES",
    "EQUIPMENT_LOADS",
    "IMAGE_LICENCE",
    "MUSCLE_REGIONS",
    "SOURCE",
    "ExerciseReport",
    "ImportResult",
    "import_exercises",
    "import_file",
]

#: Where imported exercises come from; each exercise cites it with its original id as locator.
SOURCE: Final = Citation(
    title="free-exercise-db",
    publisher="yuhonas/free-exercise-db (public domain)",
    url="https://github.com/yuhonas/free-exercise-db",
)

#: The body region each of free-exercise-db's muscle names belongs to. The model has no middle
#: back: the middle back, the lats and the traps are the upper back.
MUSCLE_REGIONS: Final[Mapping[str, BodyRegion]] = MappingProxyType(
    {
        "abdominals": BodyRegion.ABDOMEN,
        "abductors": BodyRegion.HIP,
        "adductors": BodyRegion.THIGH,
        "biceps": BodyRegion.UPPER_ARM,
        "calves": BodyRegion.LOWER_LEG,
        "chest": BodyRegion.CHEST,
        "forearms": BodyRegion.FOREARM,
        "glutes": BodyRegion.BUTTOCK,
        "hamstrings": BodyRegion.THIGH,
        "lats": BodyRegion.UPPER_BACK,
        "lower back": BodyRegion.LOWER_BACK,
        "middle back": BodyRegion.UPPER_BACK,
        "neck": BodyRegion.NECK,
        "quadriceps": BodyRegion.THIGH,
        "shoulders": BodyRegion.SHOULDER,
        "traps": BodyRegion.UPPER_BACK,
        "triceps": BodyRegion.UPPER_ARM,
    }
)

#: free-exercise-db's categories and the model's.
CATEGORIES: Final[Mapping[str, Category]] = MappingProxyType(
    {
        "stretching": Category.STRETCHING,
        "strength": Category.STRENGTH,
        "cardio": Category.CARDIO,
        "plyometrics": Category.PLYOMETRICS,
        "powerlifting": Category.POWERLIFTING,
        "olympic weightlifting": Category.OLYMPIC_WEIGHTLIFTING,
        "strongman": Category.STRONGMAN,
    }
)

#: The load each of free-exercise-db's equipment names states as a fact: the kind only, never a
#: band's level or a weight's amount, which the field does not give. Cables, machines, balls and
#: foam rollers state no load of their own, so they give none.
EQUIPMENT_LOADS: Final[Mapping[str, LoadKind]] = MappingProxyType(
    {
        "body only": LoadKind.BODY_WEIGHT,
        "bands": LoadKind.BAND,
        "dumbbell": LoadKind.WEIGHT,
        "barbell": LoadKind.WEIGHT,
        "kettlebells": LoadKind.WEIGHT,
        "e-z curl bar": LoadKind.WEIGHT,
        "medicine ball": LoadKind.WEIGHT,
    }
)

#: The licence of free-exercise-db's images: the data set is dedicated to the public domain
#: under the Unlicense (its LICENSE.md).
IMAGE_LICENCE: Final = "Unlicense"

_T = TypeVar("_T", Level, Category)
_NO_EQUIPMENT: Final = "body only"
_UNNAMED_EQUIPMENT: Final = "other"
_UNMODELLED: Final = ("force", "mechanic")
_KNOWN_KEYS: Final = frozenset(
    {
        "id",
        "name",
        "level",
        "category",
        "equipment",
        "primaryMuscles",
        "secondaryMuscles",
        "instructions",
        "images",
        *_UNMODELLED,
    }
)
_NAME_SIDES: Final = (
    (Laterality.ALTERNATING, re.compile(r"\balternat(?:e|ing)\b", re.IGNORECASE)),
    (
        Laterality.EACH_SIDE,
        re.compile(r"\b(?:one|single)[-\s](?:arm|leg|legged|hand|handed|sided)\b", re.IGNORECASE),
    ),
)


@attrs.frozen(kw_only=True)
class ExerciseReport:
    """What the importer did with one entry of the source.

    Attributes:
        index: The entry's position in the source list (its JSON Pointer is ``/index``).
        source_id: The entry's ``id`` as the source gives it, or ``None`` when it has no usable
            one.
        id: The slug the exercise got, or ``None`` when the entry was left out.
        name: The entry's name, or ``None`` when it has no usable one.
        mapped: The fields mapped onto the model, one line each, for a person.
        extracted: What was read from the instructions' prose (hold, count, side, rest...).
        unknown: What the source leaves open or the model has no place for, and the fallbacks
            taken.
        problems: What was wrong or left open, with JSON Pointer paths into the source list:
            errors for an entry left out, warnings for a field dropped or a dose not stated.

    .. versionadded:: 0.1.0
    """

    index: int
    source_id: str | None
    id: str | None
    name: str | None
    mapped: tuple[str, ...] = ()
    extracted: tuple[str, ...] = ()
    unknown: tuple[str, ...] = ()
    problems: tuple[Problem, ...] = ()

    @property
    def imported(self) -> bool:
        """Whether the entry became an exercise."""
        return self.id is not None

    @property
    def reason(self) -> str | None:
        """Why the entry was left out (the first error's message), or ``None`` if imported."""
        if self.imported:
            return None
        return next((problem.message for problem in self.problems if problem.is_error), None)

    def describe(self) -> str:
        """Write the report for a person, one line per finding."""
        label = self.name if self.name is not None else f"entry {self.index}"
        head = (
            f"{label!r} -> {self.id!r}" if self.imported else f"{label!r}: left out ({self.reason})"
        )
        lines = [head]
        for title, items in (
            ("mapped", self.mapped),
            ("from the prose", self.extracted),
            ("unknown", self.unknown),
        ):
            lines.extend(f"  {title}: {item}" for item in items)
        lines.extend(f"  {problem}" for problem in self.problems)
        return "\n".join(lines)


@attrs.frozen(kw_only=True)
class ImportResult:
    """The exercises imported from free-exercise-db, and what happened to every entry.

    Attributes:
        exercises: The imported exercises, in source order; a catalog as it stands.
        reports: One report per source entry, imported or left out, in source order.
        problems: Every problem, the whole input's first (``""`` is the list itself), then each
            entry's, in source order.

    .. versionadded:: 0.1.0
    """

    exercises: tuple[Exercise, ...]
    reports: tuple[ExerciseReport, ...]
    problems: tuple[Problem, ...]

    @property
    def left_out(self) -> tuple[ExerciseReport, ...]:
        """The reports of the entries that did not become exercises."""
        return tuple(report for report in self.reports if not report.imported)

    @property
    def id_map(self) -> dict[str, str]:
        """The source ids of the imported exercises and the slugs they became."""
        return {
            report.source_id: report.id
            for report in self.reports
            if report.source_id is not None and report.id is not None
        }

    def summary(self) -> str:
        """Write a short account for a person: counts, what the prose gave, and what was left out.

        Returns:
            Lines of text, without a trailing newline.
        """
        imported = [report for report in self.reports if report.imported]
        with_hold = sum(1 for exercise in self.exercises if exercise.hold is not None)
        codes = Counter(problem.code for problem in self.problems)
        lines = [
            (
                f"free-exercise-db: {_count(len(self.reports), 'entry', 'entries')}, "
                f"{_count(len(imported), 'exercise', 'exercises')} imported, "
                f"{len(self.left_out)} left out"
            ),
            (
                f"  read from the prose: a hold for {with_hold}, "
                f"a repetition count for {_counted(imported, 'repetitions ')}, "
                f"a side for {_counted(imported, 'laterality ')}"
            ),
        ]
        if codes:
            lines.append("  problems by code:")
            lines.extend(f"    {code}: {count}" for code, count in sorted(codes.items()))
        if self.left_out:
            lines.append("  left out:")
            lines.extend(
                f"    {pointer(report.index)} {_label(report)}: {report.reason}"
                for report in self.left_out
            )
        root = [problem for problem in self.problems if problem.path == ""]
        lines.extend(f"  {problem}" for problem in root)
        return "\n".join(lines)


def _count(number: int, one: str, many: str) -> str:
    """``1 entry``, ``2 entries``."""
    return f"{number} {one if number == 1 else many}"


def _label(report: ExerciseReport) -> str:
    if report.name is not None:
        return repr(report.name)
    return "(no name)" if report.source_id is None else repr(report.source_id)


def _counted(reports: Sequence[ExerciseReport], prefix: str) -> int:
    return sum(1 for report in reports if any(item.startswith(prefix) for item in report.extracted))


def import_file(path: str | Path) -> ImportResult:
    """Read a free-exercise-db JSON file (such as its ``exercises.json``) and import it.

    Args:
        path: The file's path.

    Returns:
        What :func:`import_exercises` returns for its content.

    Raises:
        DocumentError: When the file cannot be read (``unreadable-file``, as the command line's
            ``validate`` says it) or its text is not JSON, with the codes and messages of
            :func:`~solpt_rehab.validate_text` (``invalid-utf8``, ``empty-document``,
            ``malformed-json``, ``too-deep``...).

    .. versionadded:: 0.1.0
    """
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        unreadable = problem((), "unreadable-file", f"cannot read {name!r}: {reason(error)}")
        raise DocumentError(f"cannot read {name!r}", [unreadable]) from None
    text, found = text_of(data, max_size=None)
    if text is not None:
        try:
            return import_exercises(json.loads(text))
        except (ValueError, RecursionError):
            # The precise parse says what and where, in the words the validator uses.
            _, found, _ = parse_json(text)
    errors = [item for item in found if item.is_error]
    raise DocumentError(f"{name!r} is not JSON", errors) from None


def import_exercises(data: object) -> ImportResult:
    """Import free-exercise-db's exercises from its parsed JSON (a list of objects).

    Any input gets an answer and never an exception: a value that is not a list gives a result
    with no exercise and a ``wrong-type`` problem, and a list that gives no exercise (empty, or
    every entry left out) a ``no-exercises`` error at the root; an entry that cannot become an
    exercise (not an object, no usable id, name or instruction) is left out with an error for
    each reason in its report; a field of the wrong type or an unknown value is dropped with a
    ``value-dropped`` warning, and an id that another entry's slug already took gets a numbered
    one (``id-renamed``). Nothing passed in is modified.

    Args:
        data: The parsed JSON, such as ``json.load(open("exercises.json"))``.

    Returns:
        The exercises and a report per entry.

    .. versionadded:: 0.1.0
    """
    if not isinstance(data, list):
        not_a_list = problem(
            (),
            "wrong-type",
            f"free-exercise-db content must be a JSON array of exercises: {show(data)}",
        )
        return ImportResult(exercises=(), reports=(), problems=(not_a_list,))
    exercises: list[Exercise] = []
    reports: list[ExerciseReport] = []
    taken = Ids()
    for index, entry in enumerate(data):
        exercise, report = _Entry(index, entry, taken).run()
        reports.append(report)
        if exercise is not None:
            exercises.append(exercise)
    root: tuple[Problem, ...] = ()
    if not data:
        root = (problem((), "no-exercises", "the array has no entries: nothing to import"),)
    elif not exercises:
        every = "the entry" if len(data) == 1 else f"all {len(data)} entries"
        root = (problem((), "no-exercises", f"no exercise imported: {every} left out"),)
    problems = root + tuple(problem for report in reports for problem in report.problems)
    return ImportResult(exercises=tuple(exercises), reports=tuple(reports), problems=problems)


class _LeftOut(Exception):  # noqa: N818 - a control-flow signal, not an error users see
    """Raised inside :class:`_Entry` when the entry cannot become an exercise."""


class _Entry:
    """One entry being imported: the report's lists, filled as fields are read."""

    def __init__(self, index: int, entry: object, taken: Ids) -> None:
        self.index = index
        self.entry = entry
        self.taken = taken
        self.source_id: str | None = None
        self.name: str | None = None
        self.mapped: list[str] = []
        self.extracted: list[str] = []
        self.unknown: list[str] = []
        self.problems: list[Problem] = []

    def fail(self, at: Sequence[str | int], code: str, message: str) -> _LeftOut:
        """Report, with an error code, why the entry is left out; the caller raises the result."""
        self.problems.append(problem((self.index, *at), code, message))
        return _LeftOut()

    def warn(self, at: Sequence[str | int], code: str, message: str) -> None:
        """Report, with a warning code, a value dropped or a gap filled, and go on."""
        self.problems.append(problem((self.index, *at), code, message))

    def report(self, slug: str | None) -> ExerciseReport:
        return ExerciseReport(
            index=self.index,
            source_id=self.source_id,
            id=slug,
            name=self.name,
            mapped=tuple(self.mapped),
            extracted=tuple(self.extracted),
            unknown=tuple(self.unknown),
            problems=tuple(self.problems),
        )

    def run(self) -> tuple[Exercise | None, ExerciseReport]:
        try:
            exercise = self.exercise()
        except _LeftOut:
            return None, self.report(None)
        except InvalidValueError as error:  # a safety net: the fields are checked before
            self.problems.append(problem((self.index,), "invalid-value", str(error)))
            return None, self.report(None)
        return exercise, self.report(exercise.id)

    def exercise(self) -> Exercise:
        if not isinstance(self.entry, Mapping):
            raise self.fail((), "wrong-type", f"an exercise must be an object: {show(self.entry)}")
        fields: Mapping[object, object] = self.entry
        # Every reason to leave the entry out is reported, and its usable id and name label it.
        self.source_id = self.text_field(fields, "id")
        self.name = self.text_field(fields, "name", keep=True)
        texts = self.instructions(fields.get("instructions"), present="instructions" in fields)
        if self.source_id is None or self.name is None or texts is None:
            raise _LeftOut
        slug = self.slug(self.source_id)
        for key in fields:
            if key not in _KNOWN_KEYS:
                self.unknown.append(f"key {show(key)} is not part of the format; not read")
        regions = self.regions(fields)
        level = self.choice(fields, "level", {member.value: member for member in Level})
        category = self.choice(fields, "category", CATEGORIES)
        equipment = self.equipment(fields)
        for key in _UNMODELLED:
            if fields.get(key) not in (None, [], ""):
                self.unknown.append(f"{key} {show(fields[key])}: the model has no such field")
        media = self.images(fields.get("images"))
        readings = [extract_dose(text) for text in texts]
        draft = draft_exercise(texts, readings, laterality_hint=self.name_side())
        load = self.load(fields.get("equipment"), draft.load)
        self.extracted.extend(draft.found)
        for note in draft.notes:
            self.unknown.append(note.message)
            self.warn(("instructions",), note.code, note.message)
        kinds = Counter(step.kind.value for step in draft.steps)
        self.mapped.append(
            f"instructions: {len(texts)} steps ("
            + ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items()))
            + ")"
        )
        return Exercise(
            id=slug,
            name=self.name,
            steps=draft.steps,
            hold=draft.hold,
            repetitions=draft.repetitions,
            sets=draft.sets,
            timed_work=draft.timed_work,
            load=load,
            regions=regions,
            position=draft.position,
            level=level,
            category=category,
            equipment=equipment,
            media=media,
            source=attrs.evolve(SOURCE, locator=f"id {self.source_id}"),
        )

    def images(self, value: object) -> tuple[Media, ...]:
        """The entry's images as media, each with its name and place as alternative text."""
        if value is None or value == []:
            return ()
        if not isinstance(value, list):
            self.warn(
                ("images",), "value-dropped", f"'images' must be an array of paths: {show(value)}"
            )
            return ()
        usable: list[tuple[int, str]] = []
        for number, item in enumerate(value):
            if not isinstance(item, str) or not item.strip() or unicode_requirement(item):
                self.warn(
                    ("images", number),
                    "value-dropped",
                    f"an image must be a path: {show(item)}",
                )
            else:
                usable.append((number, item))
        media = tuple(
            Media(
                uri=uri,
                kind=MediaKind.IMAGE,
                alt=f"{self.name}, picture {place} of {len(usable)}",
                licence=IMAGE_LICENCE,
            )
            for place, (_, uri) in enumerate(usable, 1)
        )
        if media:
            self.mapped.append(f"images: {len(media)} kept as media ({IMAGE_LICENCE})")
        return media

    def load(self, equipment: object, stated: Load | None) -> Load | None:
        """The load: the equipment's kind where it states one, with the prose's level or amount.

        The equipment field is a fact about the exercise and wins over the prose on the kind; the
        prose adds a band's level or a weight's amount only when it names the same kind. Where
        the equipment states no load, the prose's load is taken as it is.
        """
        kind = EQUIPMENT_LOADS.get(equipment) if isinstance(equipment, str) else None
        if kind is None:
            return stated
        if stated is not None and stated.kind is kind:
            return stated
        self.mapped.append(f"equipment {equipment!r} -> load {kind.value!r}")
        return Load(kind=kind)

    def text_field(
        self, fields: Mapping[object, object], key: str, *, keep: bool = False
    ) -> str | None:
        """The text at ``key``, or ``None`` with an error when it cannot be used."""
        if key not in fields:
            self.fail((key,), "missing-field", f"the entry has no {key!r}")
            return None
        value = fields[key]
        if not isinstance(value, str):
            self.fail((key,), "wrong-type", f"{key!r} must be a string: {show(value)}")
            return None
        if not value.strip():
            self.fail((key,), "empty-text", f"{key!r} must not be empty: {show(value)}")
            return None
        requirement = unicode_requirement(value) or control_requirement(value)
        if requirement is not None:
            code = "invalid-unicode" if unicode_requirement(value) else "control-character"
            self.fail((key,), code, f"{key!r} must {requirement}: {show(value)}")
            return None
        if keep:
            self.mapped.append(f"{key} {value!r}")
        return value

    def slug(self, source_id: str) -> str:
        slug = slug_of(source_id)
        if not slug:
            raise self.fail(
                ("id",), "bad-id", f"'id' has no letter or digit to make a slug from: {source_id!r}"
            )
        unique = self.taken.take(slug)
        if unique != slug:
            self.warn(
                ("id",),
                "id-renamed",
                f"an earlier entry's id also makes {slug!r}; this one is {unique!r}: {source_id!r}",
            )
        self.mapped.append(f"id {source_id!r} -> {unique!r}")
        return unique

    def instructions(self, value: object, *, present: bool) -> list[str] | None:
        """The usable instructions, or ``None`` with an error when there is none."""
        if not present:
            self.fail(("instructions",), "missing-field", "the entry has no 'instructions'")
            return None
        if not isinstance(value, list):
            self.fail(
                ("instructions",),
                "wrong-type",
                f"'instructions' must be an array of strings: {show(value)}",
            )
            return None
        texts: list[str] = []
        for number, item in enumerate(value):
            if not isinstance(item, str):
                self.warn(
                    ("instructions", number),
                    "value-dropped",
                    f"an instruction must be a string; dropped: {show(item)}",
                )
            elif not item.strip():
                self.warn(
                    ("instructions", number),
                    "value-dropped",
                    f"an empty instruction; dropped: {item!r}",
                )
            elif (
                requirement := unicode_requirement(item) or control_requirement(item)
            ) is not None:
                self.warn(
                    ("instructions", number),
                    "value-dropped",
                    f"an instruction must {requirement}; dropped: {item!r}",
                )
            else:
                texts.append(item)
        if not texts:
            self.fail(
                ("instructions",),
                "no-instructions",
                f"the entry has no instruction to make a step of: {show(value)}",
            )
            return None
        return texts

    def regions(self, fields: Mapping[object, object]) -> tuple[BodyRegion, ...]:
        regions: list[BodyRegion] = []
        for key, mapped in (("primaryMuscles", True), ("secondaryMuscles", False)):
            value = fields.get(key)
            if value is None:
                self.unknown.append(f"{key} not stated")
                continue
            if not isinstance(value, list):
                self.warn(
                    (key,), "value-dropped", f"{key!r} must be an array of strings: {show(value)}"
                )
                continue
            for number, muscle in enumerate(value):
                region = MUSCLE_REGIONS.get(muscle) if isinstance(muscle, str) else None
                if region is None:
                    self.warn(
                        (key, number),
                        "value-dropped",
                        f"not a free-exercise-db muscle: {show(muscle)}",
                    )
                elif not mapped:
                    self.unknown.append(
                        f"{key} {muscle!r}: not mapped; an exercise's regions are those it targets"
                    )
                elif region not in regions:
                    regions.append(region)
                    self.mapped.append(f"{key} {muscle!r} -> region {region.value!r}")
        return tuple(regions)

    def choice(
        self, fields: Mapping[object, object], key: str, table: Mapping[str, _T]
    ) -> _T | None:
        value = fields.get(key)
        if value is None:
            self.unknown.append(f"{key} not stated")
            return None
        chosen = table.get(value) if isinstance(value, str) else None
        if chosen is None:
            allowed = ", ".join(repr(name) for name in table)
            self.warn((key,), "value-dropped", f"{key!r} must be one of {allowed}: {show(value)}")
            return None
        self.mapped.append(f"{key} {value!r} -> {str(chosen)!r}")
        return chosen

    def equipment(self, fields: Mapping[object, object]) -> tuple[Equipment, ...]:
        value = fields.get("equipment")
        if value is None:
            self.unknown.append("equipment not stated")
            return ()
        if not isinstance(value, str) or not value.strip():
            self.warn(("equipment",), "value-dropped", f"'equipment' must be a name: {show(value)}")
            return ()
        requirement = unicode_requirement(value) or control_requirement(value)
        if requirement is not None:
            self.warn(("equipment",), "value-dropped", f"'equipment' must {requirement}: {value!r}")
            return ()
        if value == _NO_EQUIPMENT:
            self.mapped.append(f"equipment {value!r} -> none")
            return ()
        if value == _UNNAMED_EQUIPMENT:
            self.unknown.append(f"equipment {value!r} names no piece of equipment; left out")
            return ()
        self.mapped.append(f"equipment {value!r}")
        return (Equipment(name=value, optional=False),)

    def name_side(self) -> tuple[Laterality, str] | None:
        for laterality, pattern in _NAME_SIDES:
            if self.name is not None and pattern.search(self.name):
                return laterality, "the name"
        return None
