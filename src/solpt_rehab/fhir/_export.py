"""Writing exercises and routines as FHIR R4 resources: plain dicts, no dependency.

An :class:`~solpt_rehab.Exercise` becomes an ``ActivityDefinition``; a routine becomes a
``Bundle`` (type ``collection``) of its exercises' ``ActivityDefinition`` resources, a
``PlanDefinition`` (the routine as a template: its items in order, each the dose of one
performance) and a ``CarePlan`` (intent ``plan``: the patient's activities with their weekly
schedule). What FHIR can say goes into FHIR elements; the rest into the extensions of
:mod:`._extensions`. Every resource has a generated XHTML narrative, every value escaped.
"""

from __future__ import annotations

import copy
import html
import uuid
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Final

from .._core.errors import InvalidValueError
from .._model.values import (
    Citation,
    Effort,
    Exercise,
    Load,
    Media,
    Rest,
)
from .._routines.values import Routine, RoutineItem, describe_dose
from ._extensions import BASE, EXTENSIONS, VALUE_KEYS, url_of

if TYPE_CHECKING:
    from .._routines.progression import Progression

__all__ = [
    "EXERCISE_THERAPY",
    "activity_definition",
    "bundle",
    "canonical",
    "care_plan",
    "plan_definition",
]

#: SNOMED CT 229065009 "Exercise therapy", the code the HL7 Physical Activity IG uses.
EXERCISE_THERAPY: Final = {
    "coding": [
        {"system": "http://snomed.info/sct", "code": "229065009", "display": "Exercise therapy"}
    ]
}


def therapy_code(text: str | None = None) -> dict[str, Any]:
    """A new CodeableConcept "Exercise therapy", with ``text`` when given: never shared."""
    concept: dict[str, Any] = copy.deepcopy(EXERCISE_THERAPY)
    if text is not None:
        concept["text"] = text
    return concept


#: The unit of seconds (UCUM) for Timing.durationUnit.
_SECONDS: Final = "s"
_UCUM: Final = "http://unitsofmeasure.org"
_XHTML: Final = "http://www.w3.org/1999/xhtml"
#: FHIR's id: at most 64 letters, digits, hyphens and dots. A slug longer than that keeps its
#: identity in the resource's identifier and url.
_ID_LIMIT: Final = 64
EXERCISE_ID_SYSTEM: Final = f"{BASE}/exercise-id"


def canonical(kind: str, identifier: str) -> str:
    """The canonical URL of the library's resource of type ``kind`` for ``identifier``."""
    return f"{BASE}/{kind}/{identifier}"


def _fhir_id(identifier: str) -> str:
    return (
        identifier
        if len(identifier) <= _ID_LIMIT
        else str(uuid.uuid5(uuid.NAMESPACE_URL, identifier))
    )


def _computable(text: str, fallback: str) -> str:
    """A name matching FHIR's ``[A-Z]([A-Za-z0-9_]){0,254}`` made of ``text``'s letters."""
    words = "".join(ch if ch.isascii() and ch.isalnum() else " " for ch in text).split()
    name = "".join(word[:1].upper() + word[1:] for word in words)
    if not name or not name[0].isalpha():
        name = fallback + name
    return name[:255]


# -- extensions -----------------------------------------------------------------------------------


#: FHIR R4's largest ``positiveInt``, the largest 32-bit signed integer: the model's whole
#: numbers have no such bound, so a larger one has no FHIR form.
POSITIVE_INT_MAX: Final = 2_147_483_647


def positive_int(value: int, what: str) -> int:
    """``value``, a whole number FHIR writes as a ``positiveInt``.

    Raises:
        InvalidValueError: When it is larger than :data:`POSITIVE_INT_MAX`.
    """
    if value > POSITIVE_INT_MAX:
        raise InvalidValueError(
            f"{what} is {value}, more than FHIR R4 can carry: a positiveInt is at most "
            f"{POSITIVE_INT_MAX}"
        )
    return value


def _value(type_: str, value: object, what: str) -> dict[str, Any]:
    if type_ == "positiveInt" and isinstance(value, int):
        value = positive_int(value, what)
    return {VALUE_KEYS[type_]: value}


def simple(name: str, value: object) -> dict[str, Any]:
    """The simple extension ``name`` holding ``value``."""
    declared = EXTENSIONS[name]
    return {"url": url_of(name), **_value(str(declared.type), value, f"the {name!r} extension")}


def complex_(name: str, values: Iterable[tuple[str, object]]) -> dict[str, Any]:
    """The complex extension ``name`` with a sub-extension per given (part, value), in order."""
    types = {part.name: part.type for part in EXTENSIONS[name].parts}
    return {
        "url": url_of(name),
        "extension": [
            {"url": part, **_value(types[part], value, f"{part!r} in the {name!r} extension")}
            for part, value in values
            if value is not None
        ],
    }


def _rest(name: str, rest: Rest) -> dict[str, Any]:
    return complex_(
        name, (("min", rest.min_seconds), ("max", rest.max_seconds), ("text", rest.text))
    )


def load_extension(load: Load) -> dict[str, Any]:
    """The ``load`` extension for ``load``."""
    return complex_(
        "load",
        (
            ("kind", load.kind.value),
            ("level", load.level),
            ("min", load.min_amount),
            ("max", load.max_amount),
            ("unit", None if load.unit is None else load.unit.value),
            ("text", load.text),
        ),
    )


def _effort(effort: Effort) -> dict[str, Any]:
    return complex_(
        "effort", (("text", effort.text), ("min", effort.min_rpe), ("max", effort.max_rpe))
    )


def _exercise_extensions(exercise: Exercise) -> Iterator[dict[str, Any]]:
    scheme = exercise.repetitions
    yield complex_(
        "repetitions",
        (
            ("min", scheme.min_reps),
            ("max", scheme.max_reps),
            ("laterality", scheme.laterality.value),
            ("counting", None if scheme.counting is None else scheme.counting.value),
        ),
    )
    if scheme.rest is not None:
        yield _rest("repetition-rest", scheme.rest)
    if exercise.sets is not None:
        yield complex_("sets", (("min", exercise.sets.min_sets), ("max", exercise.sets.max_sets)))
        if exercise.sets.rest is not None:
            yield _rest("set-rest", exercise.sets.rest)
    if exercise.timed_work is not None:
        work = exercise.timed_work
        yield complex_("timed-work", (("min", work.min_seconds), ("max", work.max_seconds)))
    if exercise.load is not None:
        yield load_extension(exercise.load)
    if exercise.effort is not None:
        yield _effort(exercise.effort)
    for step in exercise.steps:
        yield complex_(
            "step", (("text", step.text), ("kind", step.kind.value), ("distance", step.distance))
        )
    for piece in exercise.equipment:
        yield complex_(
            "equipment",
            (
                ("name", piece.name),
                ("optional", piece.optional),
                *(("alternative", other) for other in piece.alternatives),
            ),
        )
    for note in exercise.precautions:
        yield simple("precaution", note)
    for name in ("position", "level", "category"):
        member = getattr(exercise, name)
        if member is not None:
            yield simple(name, member.value)


def _timing(exercise: Exercise) -> dict[str, Any] | None:
    """The Timing of one performance: what FHIR can say of the documented dose.

    ``count``/``countMax`` only for a count with both ends: ``count`` alone would mean exactly
    that many, so "at least 3" and "up to 10" stay in the ``repetitions`` extension alone.
    """
    repeat: dict[str, Any] = {}
    scheme = exercise.repetitions
    if scheme.min_reps is not None and scheme.max_reps is not None:
        repeat["count"] = positive_int(scheme.min_reps, "the fewest documented repetitions")
        if scheme.max_reps != scheme.min_reps:
            repeat["countMax"] = positive_int(scheme.max_reps, "the most documented repetitions")
    if exercise.hold is not None:
        repeat["duration"] = exercise.hold.min_seconds
        if exercise.hold.max_seconds != exercise.hold.min_seconds:
            repeat["durationMax"] = exercise.hold.max_seconds
        repeat["durationUnit"] = _SECONDS
    return {"repeat": repeat} if repeat else None


def _citation(source: Citation) -> dict[str, Any]:
    artifact: dict[str, Any] = {"type": "citation", "display": source.title}
    if source.publisher:
        artifact["extension"] = [simple("publisher", source.publisher)]
    if source.locator is not None:
        artifact["label"] = source.locator
    artifact["citation"] = str(source)
    if source.url is not None:
        artifact["url"] = source.url
    return artifact


def _media(media: Media) -> dict[str, Any]:
    artifact: dict[str, Any] = {
        "extension": [complex_("media", (("kind", media.kind.value), ("licence", media.licence)))],
        "type": "documentation",
        "url": media.uri,
    }
    if media.alt:
        artifact["display"] = media.alt
    return artifact


# -- narratives -----------------------------------------------------------------------------------


def _div(*parts: str) -> dict[str, str]:
    return {"status": "generated", "div": f'<div xmlns="{_XHTML}">{"".join(parts)}</div>'}


def _p(label: str, text: str) -> str:
    return f"<p><b>{html.escape(label)}</b>: {html.escape(text)}</p>"


def _list(tag: str, texts: Iterable[str]) -> str:
    items = "".join(f"<li>{html.escape(text)}</li>" for text in texts)
    return f"<{tag}>{items}</{tag}>" if items else ""


def exercise_narrative(exercise: Exercise) -> dict[str, str]:
    """The narrative of an exercise: everything a person needs, without the extensions."""
    parts = [f"<p><b>{html.escape(exercise.name)}</b></p>"]
    if exercise.purpose:
        parts.append(_p("Purpose", exercise.purpose))
    parts.append(
        _list(
            "ol",
            (
                step.text + (f" ({step.distance})" if step.distance else "")
                for step in exercise.steps
            ),
        )
    )
    if exercise.hold is not None:
        parts.append(_p("Hold", str(exercise.hold)))
    parts.append(_p("Repetitions", str(exercise.repetitions)))
    for label, value in (
        ("Sets", exercise.sets),
        ("Timed work", exercise.timed_work),
        ("Load", exercise.load),
        ("Effort", exercise.effort),
    ):
        if value is not None:
            parts.append(_p(label, str(value)))
    if exercise.equipment:
        parts.append(_p("Equipment", "; ".join(str(piece) for piece in exercise.equipment)))
    if exercise.precautions:
        parts.append("<p><b>Precautions</b></p>" + _list("ul", exercise.precautions))
    if exercise.source is not None:
        parts.append(_p("Source", str(exercise.source)))
    return _div(*parts)


def _routine_narrative(routine: Routine, what: str) -> dict[str, str]:
    parts = [f"<p><b>{html.escape(routine.name)}</b> ({html.escape(what)})</p>"]
    parts.append(_p("How often", str(routine.frequency)))
    if routine.weeks is not None:
        parts.append(_p("For", f"{routine.weeks} week{'s' * (routine.weeks != 1)}"))
    if routine.start is not None:
        parts.append(_p("Starting", routine.start.isoformat()))
    parts.append(
        _list(
            "ol",
            (
                f"{item.exercise.name}: {describe_dose(item)}"
                + ("" if item.notes is None else f" ({item.notes})")
                for item in routine.items
            ),
        )
    )
    if routine.notes is not None:
        parts.append(_p("Notes", routine.notes))
    return _div(*parts)


# -- resources ------------------------------------------------------------------------------------


def activity_definition(exercise: Exercise) -> dict[str, Any]:
    """The ``ActivityDefinition`` of ``exercise``."""
    resource: dict[str, Any] = {
        "resourceType": "ActivityDefinition",
        "id": _fhir_id(exercise.id),
        "text": exercise_narrative(exercise),
        "extension": list(_exercise_extensions(exercise)),
        "url": canonical("ActivityDefinition", exercise.id),
        "identifier": [{"system": EXERCISE_ID_SYSTEM, "value": exercise.id}],
        "name": _computable(exercise.id, "Exercise"),
        "title": exercise.name,
        "status": "active",
    }
    if exercise.purpose:
        resource["description"] = exercise.purpose
    artifacts = [_media(media) for media in exercise.media]
    if exercise.source is not None:
        artifacts.append(_citation(exercise.source))
    if artifacts:
        resource["relatedArtifact"] = artifacts
    # Applied, the definition is an order of exercise therapy: a ServiceRequest, as the Physical
    # Activity IG writes an exercise prescription.
    resource["kind"] = "ServiceRequest"
    resource["code"] = therapy_code(exercise.name)
    timing = _timing(exercise)
    if timing is not None:
        resource["timingTiming"] = timing
    if exercise.regions:
        resource["bodySite"] = [{"text": region.value} for region in exercise.regions]
    return resource


def _dose_extensions(item: RoutineItem) -> list[dict[str, Any]]:
    extensions = [
        complex_(
            "dose",
            (
                ("reps", item.reps),
                ("side", item.side.value),
                ("hold", item.hold_seconds),
                ("sets", item.sets),
                ("work", item.work_seconds),
                ("deviation", item.deviation),
                ("notes", item.notes),
            ),
        )
    ]
    if item.load is not None:
        extensions.append(load_extension(item.load))
    extensions.extend(progression_extension(rule) for rule in item.progression)
    return extensions


def progression_extension(rule: Progression) -> dict[str, Any]:
    """The ``progression`` extension for one rule of an item, its gates in order."""
    return complex_(
        "progression",
        (
            ("dose", rule.dose.value),
            ("step", rule.step),
            ("everyWeeks", rule.every_weeks),
            ("everySessions", rule.every_sessions),
            ("until", rule.until),
            *(("gate", gate.value) for gate in rule.gate),
        ),
    )


def _performance(item: RoutineItem) -> dict[str, Any]:
    """The Timing of one performance of an item: its repetitions and hold."""
    repeat: dict[str, Any] = {"count": positive_int(item.reps, "the prescribed repetitions")}
    if item.hold_seconds is not None:
        repeat |= {"duration": item.hold_seconds, "durationUnit": _SECONDS}
    return {"repeat": repeat}


def _routine_id(routine: Routine) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, canonical("PlanDefinition", routine.name)))


def plan_definition(routine: Routine) -> dict[str, Any]:
    """The ``PlanDefinition`` of ``routine``: one action per item, in order."""
    return {
        "resourceType": "PlanDefinition",
        "id": _routine_id(routine),
        "text": _routine_narrative(routine, "template"),
        "url": canonical("PlanDefinition", _routine_id(routine)),
        "name": _computable(routine.name, "Routine"),
        "title": routine.name,
        "status": "active",
        "action": [
            {
                "extension": _dose_extensions(item),
                "title": item.exercise.name,
                "textEquivalent": describe_dose(item),
                "code": [therapy_code()],
                "timingTiming": _performance(item),
                "definitionCanonical": canonical("ActivityDefinition", item.exercise.id),
            }
            for item in routine.items
        ],
    }


def sessions(sessions_per_day: int, days_per_week: int, *, check: bool = True) -> dict[str, Any]:
    """Timing's frequency: sessions per day when every day has them, else sessions per week.

    With ``check`` (export), a frequency beyond :data:`POSITIVE_INT_MAX` raises
    :class:`~solpt_rehab.InvalidValueError`; the reader compares without it, and never raises.
    """
    if days_per_week == 7:  # noqa: PLR2004 - a week's days
        frequency, unit = sessions_per_day, "d"
    else:
        frequency, unit = sessions_per_day * days_per_week, "wk"
    return {
        "frequency": positive_int(frequency, "the sessions in a period") if check else frequency,
        "period": 1,
        "periodUnit": unit,
    }


def _schedule(routine: Routine) -> dict[str, Any]:
    """The weekly schedule: how often, and for how many weeks."""
    frequency = routine.frequency
    repeat = sessions(frequency.sessions_per_day, frequency.days_per_week)
    if routine.weeks is not None:
        repeat = {
            "boundsDuration": {"value": routine.weeks, "unit": "wk", "system": _UCUM, "code": "wk"}
        } | repeat
    return {"repeat": repeat}


def care_plan(routine: Routine, *, subject: dict[str, Any] | None = None) -> dict[str, Any]:
    """The ``CarePlan`` (intent ``plan``) of ``routine`` for ``subject``."""
    plan: dict[str, Any] = {
        "resourceType": "CarePlan",
        "id": _routine_id(routine),
        "text": _routine_narrative(routine, "plan"),
        "extension": [
            complex_(
                "schedule",
                (
                    ("sessionsPerDay", routine.frequency.sessions_per_day),
                    ("daysPerWeek", routine.frequency.days_per_week),
                ),
            )
        ],
        "instantiatesCanonical": [canonical("PlanDefinition", _routine_id(routine))],
        "status": "active",
        "intent": "plan",
        "title": routine.name,
        "subject": dict(subject) if subject is not None else {"display": "the patient"},
    }
    if routine.start is not None:
        plan["period"] = {"start": routine.start.isoformat()}
    plan["activity"] = [
        {
            "detail": {
                "extension": _dose_extensions(item),
                "kind": "ServiceRequest",
                "instantiatesCanonical": [canonical("ActivityDefinition", item.exercise.id)],
                "code": therapy_code(item.exercise.name),
                "status": "scheduled",
                "scheduledTiming": _schedule(routine),
                "description": describe_dose(item),
            }
        }
        for item in routine.items
    ]
    if routine.notes is not None:
        plan["note"] = [{"text": routine.notes}]
    return plan


def _entry(resource: dict[str, Any]) -> dict[str, Any]:
    url = resource.get("url") or canonical(resource["resourceType"], resource["id"])
    return {"fullUrl": url, "resource": resource}


def bundle(resources: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """A ``Bundle`` of type ``collection`` holding ``resources`` in order."""
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [_entry(resource) for resource in resources],
    }


def routine_bundle(routine: Routine, *, subject: dict[str, Any] | None = None) -> dict[str, Any]:
    """Everything ``routine`` needs: its exercises, its template and its care plan."""
    seen: dict[str, Exercise] = {}
    for item in routine.items:
        seen.setdefault(item.exercise.id, item.exercise)
    return bundle(
        [
            *(activity_definition(exercise) for exercise in seen.values()),
            plan_definition(routine),
            care_plan(routine, subject=subject),
        ]
    )
