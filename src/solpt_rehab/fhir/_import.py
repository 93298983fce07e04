"""Reading FHIR R4 resources back into exercises and routines, reporting what does not map.

The reader turns FHIR into the library's own wire documents and reads those with the wire
format's reader (:func:`~.._wire.validate.read`), so every rule of the model applies exactly as to
any document, and its problems are moved onto the FHIR element they came from. What FHIR holds
that the model has no place for is a ``fhir-unmapped`` warning at its path; what the model needs
and the FHIR lacks is ``fhir-missing``; what has the wrong shape is ``fhir-invalid``. Nothing
raises and nothing is dropped unsaid.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator, Mapping
from typing import Any, Final

import attrs

from .. import catalog
from .._core.problems import Problem, pointer, problem
from .._model.values import Exercise
from .._routines.values import Routine, RoutineItem, describe_dose
from .._wire.markers import UNSOUND
from .._wire.spec import FORMAT_VERSION
from .._wire.validate import read
from ._export import EXERCISE_ID_SYSTEM, EXERCISE_THERAPY, canonical, sessions
from ._extensions import EXTENSIONS, VALUE_KEYS, url_of

__all__ = ["FhirImport", "from_fhir"]

Path = tuple[str | int, ...]
Content = Exercise | Routine | tuple[Exercise, ...]

#: Elements every resource may carry that say nothing the model holds: the narrative is made
#: again from the values, the id and meta are the server's.
_IGNORED: Final = frozenset({"resourceType", "id", "meta", "text", "language"})
_DEFAULT_SUBJECT: Final = {"display": "the patient"}
_SECONDS_PER: Final = {"s": 1, "min": 60, "h": 3600}
_WEEK: Final = 7
#: The statuses of definitions and plans, and of a plan's activities, that say they are in use.
_CURRENT: Final = frozenset({"active", "draft"})
_UNDERWAY: Final = frozenset({"scheduled", "not-started", "in-progress"})
#: The parts of an activity's Timing that make the routine's schedule.
_SCHEDULE: Final = ("frequency", "period", "periodUnit", "boundsDuration")
_DAYS_PER: Final = {"wk": _WEEK, "d": 1}
_AD_PREFIX: Final = canonical("ActivityDefinition", "")
_PD_PREFIX: Final = canonical("PlanDefinition", "")
_SNOMED: Final = EXERCISE_THERAPY["coding"][0]["system"]
_THERAPY: Final = EXERCISE_THERAPY["coding"][0]["code"]
_EMBEDDED: Final = re.compile(r"/items/\d+/exercise/")


@attrs.frozen(kw_only=True)
class FhirImport:
    """What reading FHIR found: the value, when it could be built, and every problem.

    Attributes:
        value: An :class:`~solpt_rehab.Exercise` (from an ``ActivityDefinition``), a tuple of
            them (a ``Bundle`` of activity definitions), a :class:`~solpt_rehab.Routine` (from a
            ``CarePlan``, a ``PlanDefinition`` or a ``Bundle`` holding one), or ``None`` when
            there is an error.
        problems: Every :class:`~solpt_rehab.Problem`, errors and warnings, with JSON Pointer
            paths into the resource given.

    .. versionadded:: 0.2.0
    """

    value: Content | None
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        """Whether there is no error (warnings may remain)."""
        return not any(found.is_error for found in self.problems)

    @property
    def codes(self) -> tuple[str, ...]:
        """The code of every problem, in order."""
        return tuple(found.code for found in self.problems)


class _Node:
    """A JSON object being read: which keys and extensions were used, to report the rest."""

    def __init__(self, reader: _Reader, data: Mapping[str, Any], at: Path) -> None:
        self.reader, self.data, self.at = reader, data, at
        self.used: set[str] = set()
        self.used_extensions: set[int] = set()

    def get(self, key: str) -> Any:
        self.used.add(key)
        return self.data.get(key)

    def node(self, key: str) -> _Node | None:
        value = self.get(key)
        return None if value is None else self.reader.node(value, (*self.at, key))

    def nodes(self, key: str) -> list[_Node]:
        value = self.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.reader.add(
                (*self.at, key), "fhir-invalid", f"{key!r} must be an array: {_show(value)}"
            )
            return []
        found = (self.reader.node(item, (*self.at, key, index)) for index, item in enumerate(value))
        return [node for node in found if node is not None]

    def extensions(self, name: str) -> list[_Node]:
        """The extensions of this object with the library's URL for ``name``, in order."""
        self.used.add("extension")
        found = []
        entries = self.data.get("extension")
        if not isinstance(entries, list):
            return []
        for index, entry in enumerate(entries):
            if isinstance(entry, dict) and entry.get("url") == url_of(name):
                self.used_extensions.add(index)
                node = _Node(self.reader, entry, (*self.at, "extension", index))
                node.used.add("url")
                found.append(node)
        return found

    def extension(self, name: str) -> _Node | None:
        found = self.extensions(name)
        for extra in found[1:]:
            self.reader.add(extra.at, "fhir-invalid", f"the extension {name!r} may stand only once")
        return found[0] if found else None

    def finish(self) -> None:
        """Report every key and extension of this object that nothing read."""
        for key, value in self.data.items():
            if key in _IGNORED or key in self.used:
                if key == "extension" and isinstance(value, list):
                    self._other_extensions(value)
                continue
            if key == "modifierExtension":
                self.reader.add(
                    (*self.at, key),
                    "fhir-modifier-extension",
                    f"a modifier extension changes the meaning of what it stands on, and this "
                    f"reader does not know it: {_urls(value)}",
                )
                continue
            if key == "extension" and isinstance(value, list):
                self._other_extensions(value)
                continue
            self.reader.add(
                (*self.at, key),
                "fhir-unmapped",
                f"the model has no place for {key!r}: {_show(value)}",
            )

    def _other_extensions(self, entries: list[Any]) -> None:
        for index, entry in enumerate(entries):
            if index not in self.used_extensions:
                url = entry.get("url") if isinstance(entry, dict) else entry
                self.reader.add(
                    (*self.at, "extension", index),
                    "fhir-unmapped",
                    f"the model has no place for the extension {_show(url)}",
                )


def _show(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."  # noqa: PLR2004 - a short excerpt


def _urls(value: object) -> str:
    if isinstance(value, list):
        return _show([entry.get("url") if isinstance(entry, dict) else entry for entry in value])
    return _show(value)


class _Reader:
    """Collects problems, and where each wire field of the document being made came from."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.origins: dict[str, Path] = {}

    def add(self, at: Path, code: str, message: str) -> None:
        self.problems.append(problem(at, code, message))

    def node(self, value: object, at: Path) -> _Node | None:
        if isinstance(value, dict):
            return _Node(self, value, at)
        self.add(at, "fhir-invalid", f"expected a JSON object: {_show(value)}")
        return None

    def origin(self, wire: Path, at: Path) -> None:
        self.origins[pointer(*wire)] = at

    def moved(self, found: Problem, base: Path) -> Problem:
        """A wire problem moved onto the FHIR element its field came from."""
        tokens = found.path.split("/")
        while tokens:
            key = "/".join(tokens)
            if key in self.origins:
                return attrs.evolve(found, path=pointer(*self.origins[key]))
            tokens.pop()
        return attrs.evolve(found, path=pointer(*base))

    def parts(self, node: _Node | None, name: str) -> dict[str, list[tuple[Any, Path]]]:
        """The sub-extensions of the complex extension ``name``: values and paths, by part."""
        found: dict[str, list[tuple[Any, Path]]] = {}
        if node is None:
            return found
        types = {part.name: part.type for part in EXTENSIONS[name].parts}
        repeats = {part.name: part.repeats for part in EXTENSIONS[name].parts}
        for sub in node.nodes("extension"):
            part = sub.get("url")
            if not isinstance(part, str) or part not in types:
                self.add(
                    sub.at, "fhir-unmapped", f"the extension {name!r} has no part {_show(part)}"
                )
                continue
            expected = VALUE_KEYS[types[part]]
            keys = [key for key in sub.data if str(key).startswith("value")]
            if keys != [expected]:
                self.add(
                    sub.at,
                    "fhir-invalid",
                    f"the part {part!r} of {name!r} needs one {expected!r}: {_show(keys)}",
                )
                continue
            if part in found and not repeats[part]:
                self.add(sub.at, "fhir-invalid", f"the part {part!r} of {name!r} may stand once")
                continue
            found.setdefault(part, []).append((sub.get(expected), (*sub.at, expected)))
            sub.finish()
        entries = node.data.get("extension")
        node.used_extensions.update(range(len(entries) if isinstance(entries, list) else 0))
        node.finish()
        return found


def _one(parts: dict[str, list[tuple[Any, Path]]], name: str) -> tuple[Any, Path | None]:
    values = parts.get(name)
    return values[0] if values else (None, None)


class _Builder:
    """Writes one wire document, recording the FHIR origin of each field it sets."""

    def __init__(self, reader: _Reader, wire: Path) -> None:
        self.reader, self.wire = reader, wire
        self.body: dict[str, Any] = {}

    def set(self, key: str, value: Any, at: Path | None) -> None:
        self.body[key] = value
        if at is not None:
            self.reader.origin((*self.wire, key), at)

    def take(self, key: str, parts: dict[str, list[tuple[Any, Path]]], part: str) -> None:
        value, at = _one(parts, part)
        self.set(key, value, at)


# -- exercises ------------------------------------------------------------------------------------


def _seconds(node: _Node, key: str, factor: int) -> float | None:
    value = node.get(key)
    if value is None or isinstance(value, bool) or not isinstance(value, (int, float)):
        return value  # the wire reader reports a wrong type
    return value * factor if factor != 1 else value


def _hold(reader: _Reader, repeat: _Node | None, wire: Path) -> dict[str, Any] | None:
    """The hold of one performance's Timing, in seconds, whatever unit of time it is in."""
    if repeat is None or repeat.get("duration") is None:
        return None
    unit = repeat.get("durationUnit")
    factor = _SECONDS_PER.get(unit) if isinstance(unit, str) else None
    if factor is None:
        repeat.get("durationMax")
        reader.add(
            (*repeat.at, "durationUnit"),
            "fhir-invalid",
            f"a hold's duration needs its unit, 's', 'min' or 'h': {_show(unit)}",
        )
        return None
    low = _seconds(repeat, "duration", factor)
    high = _seconds(repeat, "durationMax", factor)
    reader.origin((*wire, "hold"), (*repeat.at, "duration"))
    return {"min_seconds": low, "max_seconds": low if high is None else high}


def _status(reader: _Reader, node: _Node, kept: frozenset[str]) -> None:
    """Read a status: one that says the content is in use is the model's; another is said."""
    status = node.get("status")
    if status is not None and (not isinstance(status, str) or status not in kept):
        reader.add(
            (*node.at, "status"),
            "fhir-unmapped",
            f"the model keeps content in use; this status is not kept: {_show(status)}",
        )


def _code(reader: _Reader, node: _Node, key: str) -> None:
    """Read a code that should be "Exercise therapy"; any other coding is not kept, and said."""
    value = node.get(key)
    concepts = value if isinstance(value, list) else [value]
    for index, concept in enumerate(concepts):
        at = (*node.at, key, index) if isinstance(value, list) else (*node.at, key)
        codings = concept.get("coding") if isinstance(concept, dict) else None
        for number, coding in enumerate(codings if isinstance(codings, list) else []):
            if not isinstance(coding, dict) or (coding.get("system"), coding.get("code")) != (
                _SNOMED,
                _THERAPY,
            ):
                reader.add(
                    (*at, "coding", number),
                    "fhir-unmapped",
                    f"an exercise is coded as 'Exercise therapy'; this coding is not kept: "
                    f"{_show(coding)}",
                )


def _rest(reader: _Reader, node: _Node | None, name: str, wire: Path) -> dict[str, Any] | None:
    if node is None:
        return None
    parts = reader.parts(node, name)
    rest = _Builder(reader, wire)
    reader.origin(wire, node.at)
    rest.take("min_seconds", parts, "min")
    rest.take("max_seconds", parts, "max")
    rest.take("text", parts, "text")
    return rest.body


def _ranged(
    reader: _Reader, node: _Node | None, name: str, wire: Path, keys: tuple[str, str]
) -> dict[str, Any] | None:
    if node is None:
        return None
    parts = reader.parts(node, name)
    built = _Builder(reader, wire)
    reader.origin(wire, node.at)
    built.take(keys[0], parts, "min")
    built.take(keys[1], parts, "max")
    return built.body


def _load(reader: _Reader, node: _Node | None, wire: Path) -> dict[str, Any] | None:
    if node is None:
        return None
    parts = reader.parts(node, "load")
    load = _Builder(reader, wire)
    reader.origin(wire, node.at)
    for key, part in (
        ("kind", "kind"),
        ("level", "level"),
        ("min_amount", "min"),
        ("max_amount", "max"),
        ("unit", "unit"),
        ("text", "text"),
    ):
        load.take(key, parts, part)
    return load.body


def _timing_repeat(node: _Node, key: str) -> _Node | None:
    timing = node.node(key)
    if timing is None:
        return None
    repeat = timing.node("repeat")
    timing.finish()
    return repeat


def _repetitions(reader: _Reader, ad: _Node, repeat: _Node | None, wire: Path) -> dict[str, Any]:
    node = ad.extension("repetitions")
    scheme = _Builder(reader, (*wire, "repetitions"))
    count = countmax = None
    if repeat is not None:
        count, countmax = repeat.get("count"), repeat.get("countMax")
    if node is None:
        reader.add(
            (*ad.at, "extension"),
            "fhir-missing",
            "the side that works is not stated (FHIR cannot say it; the extension "
            f"{url_of('repetitions')!r} does)",
        )
        counted = (*repeat.at, "count") if repeat is not None else None
        scheme.set("min_reps", count, counted)
        scheme.set("max_reps", count if countmax is None else countmax, counted)
        return scheme.body
    reader.origin((*wire, "repetitions"), node.at)
    parts = reader.parts(node, "repetitions")
    for key, part in (
        ("min_reps", "min"),
        ("max_reps", "max"),
        ("laterality", "laterality"),
        ("counting", "counting"),
    ):
        scheme.take(key, parts, part)
    if count is not None and repeat is not None:
        low, high = scheme.body["min_reps"], scheme.body["max_reps"]
        if (count, count if countmax is None else countmax) != (low, high):
            reader.add(
                (*repeat.at, "count"),
                "fhir-invalid",
                f"the timing's count ({count!r} to {countmax!r}) disagrees with the documented "
                f"repetitions ({low!r} to {high!r})",
            )
    rest = _rest(
        reader, ad.extension("repetition-rest"), "repetition-rest", (*wire, "repetitions", "rest")
    )
    scheme.set("rest", rest, None)
    return scheme.body


def _exercise_id(ad: _Node) -> tuple[Any, Path]:
    for index, identifier in enumerate(ad.nodes("identifier")):
        if identifier.get("system") == EXERCISE_ID_SYSTEM:
            value = identifier.get("value")
            identifier.finish()
            return value, (*ad.at, "identifier", index, "value")
        identifier.finish()
    return ad.data.get("id"), (*ad.at, "id")


def _steps(reader: _Reader, ad: _Node, wire: Path) -> list[dict[str, Any]] | None:
    steps = []
    for index, node in enumerate(ad.extensions("step")):
        parts = reader.parts(node, "step")
        step = _Builder(reader, (*wire, "steps", index))
        reader.origin((*wire, "steps", index), node.at)
        for key in ("text", "kind", "distance"):
            step.take(key, parts, key)
        steps.append(step.body)
    if not steps:
        reader.add(
            (*ad.at, "extension"),
            "fhir-missing",
            "the exercise's steps are not stated (FHIR has no element for them; the extension "
            f"{url_of('step')!r} does)",
        )
        return None
    return steps


def _artifacts(reader: _Reader, ad: _Node, exercise: _Builder, wire: Path) -> None:
    media: list[dict[str, Any]] = []
    source = None
    for node in ad.nodes("relatedArtifact"):
        kind = node.get("type")
        shown = node.extension("media") if kind == "documentation" else None
        if shown is not None:
            parts = reader.parts(shown, "media")
            item = _Builder(reader, (*wire, "media", len(media)))
            reader.origin((*wire, "media", len(media)), node.at)
            item.set("uri", node.get("url"), (*node.at, "url"))
            item.take("kind", parts, "kind")
            item.set("alt", node.get("display") or "", (*node.at, "display"))
            item.take("licence", parts, "licence")
            media.append(item.body)
        elif kind == "citation" and source is None:
            cited = _Builder(reader, (*wire, "source"))
            reader.origin((*wire, "source"), node.at)
            cited.set("title", node.get("display"), (*node.at, "display"))
            publisher = node.extension("publisher")
            cited.set(
                "publisher",
                "" if publisher is None else publisher.get("valueString"),
                None if publisher is None else (*publisher.at, "valueString"),
            )
            if publisher is not None:
                publisher.finish()
            cited.set("url", node.get("url"), (*node.at, "url"))
            cited.set("locator", node.get("label"), (*node.at, "label"))
            node.get("citation")  # the citation's text for people, written from the parts above
            source = cited.body
        else:
            reader.add(
                node.at,
                "fhir-unmapped",
                f"the model has no place for a related artifact of type {_show(kind)} here",
            )
            continue
        node.finish()
    exercise.set("media", media, None)
    exercise.set("source", source, None)


def _described(reader: _Reader, ad: _Node, exercise: _Builder, wire: Path) -> None:
    """The exercise's regions, position, level, category, equipment and precautions."""
    regions = []
    for index, site in enumerate(ad.nodes("bodySite")):
        regions.append(site.get("text"))
        reader.origin((*wire, "regions", index), site.at)
        site.finish()
    exercise.set("regions", regions, None)
    for key in ("position", "level", "category"):
        node = ad.extension(key)
        exercise.set(
            key,
            None if node is None else node.get("valueCode"),
            None if node is None else (*node.at, "valueCode"),
        )
        if node is not None:
            node.finish()
    equipment = []
    for index, node in enumerate(ad.extensions("equipment")):
        parts = reader.parts(node, "equipment")
        reader.origin((*wire, "equipment", index), node.at)
        equipment.append(
            {
                "name": _one(parts, "name")[0],
                "optional": _one(parts, "optional")[0],
                "alternatives": [value for value, _ in parts.get("alternative", [])],
            }
        )
    exercise.set("equipment", equipment, None)
    precautions = []
    for index, node in enumerate(ad.extensions("precaution")):
        precautions.append(node.get("valueString"))
        reader.origin((*wire, "precautions", index), node.at)
        node.finish()
    exercise.set("precautions", precautions, None)


def _exercise_body(reader: _Reader, ad: _Node, wire: Path) -> dict[str, Any] | None:
    """The wire body of the exercise an ``ActivityDefinition`` describes, or ``None``."""
    exercise = _Builder(reader, wire)
    reader.origin(wire, ad.at)
    identifier, at = _exercise_id(ad)
    exercise.set("id", identifier, at)
    title = ad.get("title")
    exercise.set(
        "name",
        title if title is not None else ad.data.get("name"),
        (*ad.at, "title" if title is not None else "name"),
    )
    for key in ("name", "url", "kind"):
        ad.get(key)
    _status(reader, ad, _CURRENT)
    _code(reader, ad, "code")
    exercise.set("purpose", ad.get("description") or "", (*ad.at, "description"))
    steps = _steps(reader, ad, wire)
    exercise.set("steps", steps, (*ad.at, "extension"))
    repeat = _timing_repeat(ad, "timingTiming")
    exercise.set("hold", _hold(reader, repeat, wire), None)
    exercise.set("repetitions", _repetitions(reader, ad, repeat, wire), None)
    if repeat is not None:
        repeat.finish()
    sets = _ranged(reader, ad.extension("sets"), "sets", (*wire, "sets"), ("min_sets", "max_sets"))
    if sets is not None:
        sets["rest"] = _rest(reader, ad.extension("set-rest"), "set-rest", (*wire, "sets", "rest"))
    elif ad.extension("set-rest") is not None:
        ad.used_extensions.difference_update(
            index
            for index, entry in enumerate(ad.data["extension"])
            if isinstance(entry, dict) and entry.get("url") == url_of("set-rest")
        )
    exercise.set("sets", sets, None)
    exercise.set(
        "timed_work",
        _ranged(
            reader,
            ad.extension("timed-work"),
            "timed-work",
            (*wire, "timed_work"),
            ("min_seconds", "max_seconds"),
        ),
        None,
    )
    exercise.set("load", _load(reader, ad.extension("load"), (*wire, "load")), None)
    effort_node = ad.extension("effort")
    effort = None
    if effort_node is not None:
        parts = reader.parts(effort_node, "effort")
        built = _Builder(reader, (*wire, "effort"))
        reader.origin((*wire, "effort"), effort_node.at)
        for key, part in (("text", "text"), ("min_rpe", "min"), ("max_rpe", "max")):
            built.take(key, parts, part)
        effort = built.body
    exercise.set("effort", effort, None)
    _described(reader, ad, exercise, wire)
    _artifacts(reader, ad, exercise, wire)
    ad.finish()
    return exercise.body if steps is not None else None


# -- routines -------------------------------------------------------------------------------------


class _Exercises:
    """The exercises a routine's activities may name: a bundle's, then the catalog's."""

    def __init__(self, reader: _Reader) -> None:
        self.reader = reader
        self.bodies: dict[str, dict[str, Any]] = {}
        self.embedded: set[str] = set()

    def resolve(self, url: object, at: Path) -> dict[str, Any] | str | None:
        """The exercise at ``url``: embedded the first time, then named by its id."""
        if isinstance(url, str) and url in self.bodies:
            if url in self.embedded:
                return self.bodies[url]["id"]  # type: ignore[no-any-return]
            self.embedded.add(url)
            return self.bodies[url]
        if isinstance(url, str) and url.startswith(_AD_PREFIX):
            identifier = url[len(_AD_PREFIX) :]
            if identifier in catalog.ids():
                return identifier
        if url is None:
            self.reader.add(at, "fhir-missing", "the activity names no ActivityDefinition")
        else:
            self.reader.add(at, "fhir-missing", f"no ActivityDefinition is at {_show(url)}")
        return None


def _progression(reader: _Reader, node: _Node, wire: Path) -> list[dict[str, Any]]:
    """The wire rules of an item's ``progression`` extensions, in order."""
    rules = []
    for index, extension in enumerate(node.extensions("progression")):
        parts = reader.parts(extension, "progression")
        reader.origin((*wire, index), extension.at)
        rule = _Builder(reader, (*wire, index))
        for key, part in (
            ("dose", "dose"),
            ("step", "step"),
            ("every_weeks", "everyWeeks"),
            ("every_sessions", "everySessions"),
            ("until", "until"),
        ):
            rule.take(key, parts, part)
        gates = parts.get("gate", [])
        for number, (_, at) in enumerate(gates):
            reader.origin((*wire, index, "gate", number), at)
        rule.set("gate", [value for value, _ in gates], None)
        rules.append(rule.body)
    return rules


def _item(
    reader: _Reader, node: _Node, exercises: _Exercises, wire: Path, *, reference: str, timing: str
) -> dict[str, Any] | None:
    """The wire item of a PlanDefinition action or a CarePlan activity's detail."""
    reader.origin(wire, node.at)
    item = _Builder(reader, wire)
    canonical_ = node.get(reference)
    if isinstance(canonical_, list):
        canonical_ = canonical_[0] if len(canonical_) == 1 else canonical_
    exercise = exercises.resolve(canonical_, (*node.at, reference))
    item.set("exercise", exercise, (*node.at, reference))
    _code(reader, node, "code")
    node.get("title")
    dose_node = node.extension("dose")
    if dose_node is None:
        reader.add(
            (*node.at, "extension"),
            "fhir-missing",
            "the prescribed dose is not stated (core FHIR reads a Timing's count over the whole "
            f"schedule; the extension {url_of('dose')!r} states one performance's dose)",
        )
        return None
    parts = reader.parts(dose_node, "dose")
    for key, part in (
        ("hold_seconds", "hold"),
        ("reps", "reps"),
        ("side", "side"),
        ("deviation", "deviation"),
        ("sets", "sets"),
        ("work_seconds", "work"),
        ("load", None),
        ("notes", "notes"),
    ):
        if part is None:
            item.set("load", _load(reader, node.extension("load"), (*wire, "load")), None)
        else:
            item.take(key, parts, part)
    item.set("progression", _progression(reader, node, (*wire, "progression")), None)
    if timing == "timingTiming":
        repeat = _timing_repeat(node, timing)
        if repeat is not None:
            for key, wanted in (
                ("count", item.body["reps"]),
                ("duration", item.body["hold_seconds"]),
            ):
                if repeat.get(key) != wanted:
                    reader.add(
                        (*repeat.at, key),
                        "fhir-invalid",
                        f"the timing's {key} ({repeat.data.get(key)!r}) disagrees with the dose "
                        f"({wanted!r})",
                    )
            if item.body["hold_seconds"] is not None:
                repeat.get("durationUnit")
            repeat.finish()
    return item.body if exercise is not None else None


def _agrees(reader: _Reader, repeat: _Node, frequency: dict[str, Any]) -> None:
    """Check that an activity's Timing says what the schedule extension says."""
    given = {key: repeat.get(key) for key in ("frequency", "period", "periodUnit")}
    per_day, days = frequency["sessions_per_day"], frequency["days_per_week"]
    if not all(type(number) is int for number in (per_day, days)):
        return  # the wire reader reports the extension's own problem
    expected = sessions(per_day, days, check=False)
    if given != expected:
        reader.add(
            (*repeat.at, "frequency"),
            "fhir-invalid",
            f"the timing ({_show(given)}) disagrees with the schedule extension, which reads "
            f"{_show(expected)}",
        )


def _frequency(reader: _Reader, plan: _Node, routine: _Builder, repeat: _Node | None) -> None:
    schedule = plan.extension("schedule")
    if schedule is not None:
        parts = reader.parts(schedule, "schedule")
        reader.origin(("frequency",), schedule.at)
        frequency = _Builder(reader, ("frequency",))
        frequency.take("sessions_per_day", parts, "sessionsPerDay")
        frequency.take("days_per_week", parts, "daysPerWeek")
        routine.set("frequency", frequency.body, None)
        if repeat is not None:
            _agrees(reader, repeat, frequency.body)
        return
    if repeat is None:
        return
    count, period, unit = repeat.get("frequency"), repeat.get("period"), repeat.get("periodUnit")
    at = (*repeat.at, "frequency")
    if period == 1 and unit == "d":
        routine.set("frequency", {"sessions_per_day": count, "days_per_week": _WEEK}, at)
    elif (
        period == 1
        and unit == "wk"
        and isinstance(count, int)
        and not isinstance(count, bool)
        and count <= _WEEK
    ):
        routine.set("frequency", {"sessions_per_day": 1, "days_per_week": count}, at)
    else:
        reader.add(
            at,
            "fhir-unmapped",
            f"the model cannot say {count!r} per {period!r} {unit!r} as sessions per day and "
            "days per week",
        )


def _weeks(reader: _Reader, repeat: _Node, routine: _Builder) -> None:
    bounds = repeat.node("boundsDuration")
    if bounds is None:
        return
    unit, value = bounds.get("code") or bounds.get("unit"), bounds.get("value")
    bounds.get("unit")
    bounds.get("system")
    days = _DAYS_PER.get(unit) if isinstance(unit, str) else None
    if (
        days is None
        or not isinstance(value, (int, float))
        or isinstance(value, bool)
        or (value * days) % _WEEK
    ):
        reader.add(
            bounds.at,
            "fhir-unmapped",
            f"the model counts a programme in whole weeks: {value!r} {unit!r}",
        )
    else:
        routine.set("weeks", int(value * days // _WEEK), (*bounds.at, "value"))
    bounds.finish()


def _activities(
    reader: _Reader, plan: _Node, routine: _Builder, exercises: _Exercises
) -> list[tuple[Any, Path]]:
    """The items of a CarePlan's activities, and each item's dose in words and its path."""
    items: list[dict[str, Any]] = []
    descriptions: list[tuple[Any, Path]] = []
    schedule_read = False
    first: dict[str, Any] = {}
    for activity in plan.nodes("activity"):
        detail = activity.node("detail")
        activity.finish()
        if detail is None:
            reader.add(
                activity.at, "fhir-missing", "an activity without a detail names no exercise"
            )
            continue
        detail.get("kind")
        _status(reader, detail, _UNDERWAY)
        if detail.get("doNotPerform") is True:
            reader.add(
                (*detail.at, "doNotPerform"),
                "fhir-invalid",
                "an activity not to be done is no item of a routine",
            )
        repeat = _timing_repeat(detail, "scheduledTiming")
        schedule = {} if repeat is None else {key: repeat.data.get(key) for key in _SCHEDULE}
        if not schedule_read:
            _frequency(reader, plan, routine, repeat)
            if repeat is not None:
                _weeks(reader, repeat, routine)
            schedule_read, first = True, schedule
        elif repeat is not None:
            for key in _SCHEDULE:
                repeat.get(key)
        if repeat is not None and schedule != first:
            reader.add(
                (*detail.at, "scheduledTiming"),
                "fhir-unmapped",
                "a routine has one schedule, the first activity's; this one differs and is not "
                f"kept: {_show(schedule)}",
            )
        if repeat is not None:
            repeat.finish()
        item = _item(
            reader,
            detail,
            exercises,
            ("items", len(items)),
            reference="instantiatesCanonical",
            timing="scheduledTiming",
        )
        description = detail.get("description")
        if item is not None:
            items.append(item)
            descriptions.append((description, (*detail.at, "description")))
        elif description is not None:
            reader.add(
                (*detail.at, "description"),
                "fhir-unmapped",
                f"a dose in words only is kept nowhere: {_show(description)}",
            )
        detail.finish()
    if not schedule_read:
        _frequency(reader, plan, routine, None)
    routine.set("items", items, (*plan.at, "activity"))
    return descriptions


def _care_plan(
    reader: _Reader, plan: _Node, exercises: _Exercises, templates: set[str]
) -> tuple[dict[str, Any], list[tuple[Any, Path]]]:
    routine = _Builder(reader, ())
    routine.set("name", plan.get("title"), (*plan.at, "title"))
    plan.get("intent")
    _status(reader, plan, _CURRENT)
    subject = plan.get("subject")
    if subject is not None and subject != _DEFAULT_SUBJECT:
        reader.add(
            (*plan.at, "subject"),
            "fhir-unmapped",
            f"a routine has no patient; the subject is not kept: {_show(subject)}",
        )
    instantiates = plan.get("instantiatesCanonical")
    for index, url in enumerate(instantiates if isinstance(instantiates, list) else []):
        if not isinstance(url, str) or not (url in templates or url.startswith(_PD_PREFIX)):
            reader.add(
                (*plan.at, "instantiatesCanonical", index),
                "fhir-unmapped",
                f"the model has no place for {_show(url)}",
            )
    descriptions = _activities(reader, plan, routine, exercises)
    period = plan.node("period")
    if period is not None:
        start = period.get("start")
        routine.set("start", start[:10] if isinstance(start, str) else start, (*period.at, "start"))
        period.finish()
    for index, note in enumerate(plan.nodes("note")):
        if index:
            reader.add(note.at, "fhir-unmapped", "a routine keeps one note; this one is not kept")
            continue
        routine.set("notes", note.get("text"), (*note.at, "text"))
        note.finish()
    plan.finish()
    return routine.body, descriptions


def _plan_definition(
    reader: _Reader, plan: _Node, exercises: _Exercises
) -> tuple[dict[str, Any], list[tuple[Any, Path]]]:
    routine = _Builder(reader, ())
    routine.set("name", plan.get("title"), (*plan.at, "title"))
    for key in ("name", "url"):
        plan.get(key)
    _status(reader, plan, _CURRENT)
    items: list[dict[str, Any]] = []
    descriptions: list[tuple[Any, Path]] = []
    for action in plan.nodes("action"):
        words = action.get("textEquivalent")
        item = _item(
            reader,
            action,
            exercises,
            ("items", len(items)),
            reference="definitionCanonical",
            timing="timingTiming",
        )
        if item is not None:
            items.append(item)
            descriptions.append((words, (*action.at, "textEquivalent")))
        action.finish()
    routine.set("items", items, (*plan.at, "action"))
    plan.finish()
    return routine.body, descriptions


# -- documents ------------------------------------------------------------------------------------


def _read_wire(reader: _Reader, document: dict[str, Any], kind: str, base: Path) -> Any:
    built, outcome = read(document, kind=kind, limit=None)
    # An embedded exercise's own warnings were reported at its ActivityDefinition already (an
    # exercise with an error is never embedded).
    found = [
        each
        for each in outcome.report().problems
        if each.is_error or not _EMBEDDED.match(each.path)
    ]
    reader.problems.extend(reader.moved(each, base) for each in found)
    return None if built is UNSOUND or any(each.is_error for each in found) else built


def _header(kind: str) -> dict[str, Any]:
    return {"kind": kind, "format_version": FORMAT_VERSION}


def _exercise(reader: _Reader, ad: _Node) -> Exercise | None:
    errors = sum(each.is_error for each in reader.problems)
    body = _exercise_body(reader, ad, ())
    if body is None or sum(each.is_error for each in reader.problems) > errors:
        return None
    return _read_wire(reader, _header("exercise") | body, "exercise", ad.at)  # type: ignore[no-any-return]


def _routine(
    reader: _Reader, body: dict[str, Any], base: Path, descriptions: list[tuple[Any, Path]]
) -> Routine | None:
    if any(each.is_error for each in reader.problems):
        return None
    routine: Routine | None = _read_wire(reader, _header("routine") | body, "routine", base)
    if routine is not None:
        for item, (description, at) in zip(routine.items, descriptions, strict=True):
            if description is not None and description != describe_dose(item):
                reader.add(
                    at,
                    "fhir-unmapped",
                    "a dose in words other than the dose read is kept nowhere: "
                    f"{_show(description)}",
                )
    return routine


def _bundled_exercises(
    reader: _Reader, entries: list[_Node], exercises: _Exercises
) -> list[Exercise | None]:
    """Read a bundle's ActivityDefinitions, and report the resources no reading takes."""
    ours = {url_of(name) for name in EXTENSIONS}
    built: list[Exercise | None] = []
    for resource in entries:
        kind = resource.data.get("resourceType")
        if kind == "ActivityDefinition":
            errors = sum(each.is_error for each in reader.problems)
            body = _exercise_body(reader, resource, ("exercises", len(built)))
            if body is None or sum(each.is_error for each in reader.problems) > errors:
                built.append(None)
                continue
            built.append(_read_wire(reader, _header("exercise") | body, "exercise", resource.at))
            url = resource.data.get("url")
            if isinstance(url, str) and url in exercises.bodies:
                # The first keeps the url: a second would replace it unsaid.
                if exercises.bodies[url] == body:
                    reader.add(
                        (*resource.at, "url"),
                        "fhir-unmapped",
                        f"another ActivityDefinition of this bundle has the url {_show(url)}, "
                        "with the same exercise: this copy is not read again",
                    )
                else:
                    reader.add(
                        (*resource.at, "url"),
                        "fhir-invalid",
                        f"another ActivityDefinition of this bundle has the url {_show(url)}, "
                        "with another exercise: which one a reference means cannot be told",
                    )
            elif isinstance(url, str):
                exercises.bodies[url] = body
        elif kind == "StructureDefinition" and str(resource.data.get("url")) in ours:
            continue
        elif kind not in ("CarePlan", "PlanDefinition"):
            reader.add(
                resource.at, "fhir-unmapped", f"the model has no place for a {_show(kind)} resource"
            )
    return built


def _shown(value: object) -> str:
    """A dose of a routine item for a message: a choice by its code, a rule or load in words."""
    if isinstance(value, enum.Enum):
        return repr(value.value)
    if isinstance(value, tuple):
        return repr([str(rule) for rule in value])
    if value is not None and not isinstance(value, (str, int, float)):
        return repr(str(value))
    return repr(value)


def _where(reader: _Reader, wire: Path) -> Path:
    """The FHIR element a wire field of the document ``reader`` made came from."""
    tokens = list(wire)
    while tokens:
        if (found := reader.origins.get(pointer(*tokens))) is not None:
            return found
        tokens.pop()
    return ()


def _first_difference(given: tuple[object, ...], read_: tuple[object, ...]) -> int:
    """The index of the first rule that differs (the shorter length when one list goes on)."""
    for index, (ours, theirs) in enumerate(zip(given, read_, strict=False)):
        if ours != theirs:
            return index
    return min(len(given), len(read_))


def _disagreements(
    template: Routine, plan: Routine, reader: _Reader, at: Path
) -> Iterator[tuple[Path, str]]:
    """Where a PlanDefinition's routine says otherwise than its CarePlan's, and what it says."""
    read = "the care plan's is read"
    if template.name != plan.name:
        names = f"{template.name!r}, the CarePlan {plan.name!r}"
        yield (*at, "title"), f"the PlanDefinition gives the title {names}; {read}"
    for index, (ours, theirs) in enumerate(zip(template.items, plan.items, strict=False)):
        if ours.exercise != theirs.exercise:
            # Another exercise: its dose is no dose of the activity's, so the action is one value.
            message = (
                f"the PlanDefinition gives {str(ours)!r}, the CarePlan's activity {index} "
                f"{str(theirs)!r}"
                if ours.exercise.id != theirs.exercise.id
                else f"the PlanDefinition's action names another definition of "
                f"{ours.exercise.id!r} than the CarePlan's activity {index}"
            )
            yield _where(reader, ("items", index, "exercise")), f"{message}; {read}"
            continue
        for field in attrs.fields(RoutineItem):
            given, read_ = getattr(ours, field.name), getattr(theirs, field.name)
            if given == read_:
                continue
            wire: Path = ("items", index, field.name)
            if field.name == "progression":
                differing = _first_difference(given, read_)
                wire = (*wire, differing) if differing < len(given) else ("items", index)
            message = (
                f"the PlanDefinition gives {field.name} {_shown(given)}, the CarePlan's activity "
                f"{index} {_shown(read_)}"
            )
            yield _where(reader, wire), f"{message}; {read}"
    actions, activities = len(template.items), len(plan.items)
    counts = (
        f"the PlanDefinition has {actions} action{'' if actions == 1 else 's'}, the CarePlan "
        f"{activities} activit{'y' if activities == 1 else 'ies'}"
    )
    for index, extra in enumerate(template.items[len(plan.items) :], start=len(plan.items)):
        message = f"this action ({extra.exercise.id!r}) has no activity and is not read"
        yield _where(reader, ("items", index)), f"{counts}; {message}"
    if len(plan.items) > len(template.items):
        missing = [item.exercise.id for item in plan.items[len(template.items) :]]
        yield (*at, "action"), f"{counts}; no action stands for the activities of {missing!r}"


def _template_agrees(
    reader: _Reader,
    template: _Node,
    exercises: _Exercises,
    plan: Routine | None,
    said: list[Problem],
) -> set[str]:
    """Read a PlanDefinition the CarePlan instantiates, and report where it says otherwise.

    It is read as it would be alone, with a reader of its own (the CarePlan's wire fields are
    not its own), and its problems join the report. A warning of the model's that the CarePlan's
    reading gave already (a recorded deviation, a rule that never steps) is not said twice.
    Returns the URLs of the bundle's ActivityDefinitions its actions name.
    """
    own = _Reader()
    node = _Node(own, template.data, template.at)
    known = _Exercises(own)
    known.bodies.update(exercises.bodies)
    body, descriptions = _plan_definition(own, node, known)
    found = _routine(own, body, template.at, descriptions)
    again = {
        (each.code, each.message)
        for each in said
        if not each.is_error and not each.code.startswith("fhir-")
    }
    reader.problems.extend(
        each
        for each in own.problems
        if each.is_error or each.code.startswith("fhir-") or (each.code, each.message) not in again
    )
    if found is not None and plan is not None:
        for at, message in _disagreements(found, plan, own, template.at):
            reader.add(at, "fhir-unmapped", message)
    return known.embedded


def _unnamed(
    reader: _Reader, entries: list[_Node], built: list[Exercise | None], named: set[str]
) -> None:
    """Report each exercise of a routine's bundle that no item of the routine names."""
    definitions = [
        each for each in entries if each.data.get("resourceType") == "ActivityDefinition"
    ]
    for resource, exercise in zip(definitions, built, strict=True):
        url = resource.data.get("url")
        if exercise is not None and (not isinstance(url, str) or url not in named):
            reader.add(
                resource.at,
                "fhir-unmapped",
                f"no item of the routine names this ActivityDefinition ({exercise.id!r}): it is "
                "not kept",
            )


def _one_of(reader: _Reader, found: list[_Node], kind: str) -> _Node:
    for extra in found[1:]:
        reader.add(
            extra.at, "fhir-unmapped", f"a bundle is read as one routine: this second {kind} is not"
        )
    return found[0]


def _bundle(reader: _Reader, node: _Node) -> Content | None:
    node.get("type")
    entries = []
    for entry in node.nodes("entry"):
        entry.get("fullUrl")
        resource = entry.node("resource")
        entry.finish()
        if resource is not None:
            entries.append(resource)
    node.finish()
    exercises = _Exercises(reader)
    built = _bundled_exercises(reader, entries, exercises)
    plans = [each for each in entries if each.data.get("resourceType") == "CarePlan"]
    templates = [each for each in entries if each.data.get("resourceType") == "PlanDefinition"]
    if plans:
        plan = _one_of(reader, plans, "CarePlan")
        urls = {url for each in templates if isinstance(url := each.data.get("url"), str)}
        before = len(reader.problems)
        body, descriptions = _care_plan(reader, plan, exercises, urls)
        routine = _routine(reader, body, plan.at, descriptions)
        said = reader.problems[before:]
        named: set[str] = set()
        instantiated = plan.data.get("instantiatesCanonical")
        for template in templates:
            if not isinstance(instantiated, list) or template.data.get("url") not in instantiated:
                reader.add(
                    template.at,
                    "fhir-unmapped",
                    "a PlanDefinition that the CarePlan does not instantiate is not read",
                )
            else:
                named |= _template_agrees(reader, template, exercises, routine, said)
        _unnamed(reader, entries, built, named | exercises.embedded)
        return routine
    if templates:
        template = _one_of(reader, templates, "PlanDefinition")
        body, descriptions = _plan_definition(reader, template, exercises)
        routine = _routine(reader, body, template.at, descriptions)
        _unnamed(reader, entries, built, exercises.embedded)
        return routine
    if not built:
        reader.add(
            (*node.at, "entry"),
            "fhir-missing",
            "the bundle holds no ActivityDefinition, PlanDefinition or CarePlan",
        )
    if not built or any(exercise is None for exercise in built):
        return None
    return tuple(exercise for exercise in built if exercise is not None)


def from_fhir(resource: object) -> FhirImport:
    """Read a FHIR R4 resource (parsed JSON) back into the library's values.

    An ``ActivityDefinition`` gives an :class:`~solpt_rehab.Exercise`; a ``CarePlan`` or a
    ``PlanDefinition`` a :class:`~solpt_rehab.Routine` (their exercises are found in the
    enclosing bundle, or in the catalog by the library's canonical URL); a ``Bundle`` the routine
    of its ``CarePlan`` (else of its ``PlanDefinition``), or else the tuple of its exercises. A
    bundle's ``PlanDefinition`` that its ``CarePlan`` instantiates is read too and compared with
    the care plan item by item: each difference (title, exercise, count of items, dose, side,
    rule) is a ``fhir-unmapped`` warning at the template's element naming both values, and the
    care plan's value is the one read. What :func:`to_fhir` writes reads back equal. Resources
    other tools wrote are read as far as they map: every element the model has no place for is a
    ``fhir-unmapped`` warning, everything the model needs and the resource lacks is a
    ``fhir-missing`` error, and the model's own rules report at the FHIR element their field came
    from.

    Args:
        resource: The resource, as ``json.loads`` returns it.

    Returns:
        A :class:`FhirImport`: the value (``None`` when there is an error) and every problem.
        It never raises for a JSON value.

    .. versionadded:: 0.2.0
    """
    reader = _Reader()
    node = reader.node(resource, ())
    value: Content | None = None
    if node is not None:
        kind = node.data.get("resourceType")
        if kind == "ActivityDefinition":
            value = _exercise(reader, node)
        elif kind == "Bundle":
            value = _bundle(reader, node)
        elif kind == "CarePlan":
            body, descriptions = _care_plan(reader, node, _Exercises(reader), set())
            value = _routine(reader, body, (), descriptions)
        elif kind == "PlanDefinition":
            body, descriptions = _plan_definition(reader, node, _Exercises(reader))
            value = _routine(reader, body, (), descriptions)
        else:
            reader.add(
                ("resourceType",),
                "fhir-not-readable",
                "expected an ActivityDefinition, a PlanDefinition, a CarePlan or a Bundle: "
                f"{_show(kind)}",
            )
    problems = tuple(reader.problems)
    if any(each.is_error for each in problems):
        value = None
    return FhirImport(value=value, problems=problems)
