"""The library's own FHIR extensions: one declaration each, and the StructureDefinition made of it.

FHIR R4 cannot say some of what a home-exercise prescription states: a repetition count open at
the top ("at least 3"), the side that works and how two-sided work is counted, the rest between
repetitions, an amount stated only in words ("a few seconds"), sets, load, effort, the steps'
kinds, a clinician's recorded deviation, and the rules that raise a dose over the weeks. Each
travels in an extension declared here once; the exporter writes it, the importer reads it, and
:func:`structure_definition` derives the ``StructureDefinition`` shipped in ``definitions/`` (a
test proves the shipped files are exactly what this module derives).
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any, Final

import attrs

__all__ = [
    "BASE",
    "EXTENSIONS",
    "Declared",
    "Part",
    "structure_definition",
    "url_of",
]

#: The canonical base of the library's FHIR artefacts. The project has no public home yet, so its
#: canonical URLs live under the reserved top-level domain ``.invalid`` (RFC 2606): they identify,
#: they never resolve, and they can never name somebody else's server. Canonical URLs need not
#: resolve (FHIR R4, "Canonical URLs"); when the project has a home, the base moves there.
BASE: Final = "https://solpt-rehab.invalid/fhir"

#: The FHIR type of each sub-extension's value, and the JSON key that holds it.
VALUE_KEYS: Final = {
    "positiveInt": "valuePositiveInt",
    "decimal": "valueDecimal",
    "code": "valueCode",
    "string": "valueString",
    "boolean": "valueBoolean",
}


@attrs.frozen
class Part:
    """One sub-extension of a complex extension: its name, value type, and how many."""

    name: str
    type: str
    definition: str
    required: bool = False
    repeats: bool = False


@attrs.frozen
class Declared:
    """One extension: its name (the last part of its URL), where it may stand, and its value."""

    name: str
    title: str
    definition: str
    contexts: tuple[str, ...]
    #: The value type of a simple extension, or ``None`` for a complex one.
    type: str | None = None
    parts: tuple[Part, ...] = ()
    repeats: bool = False


def url_of(name: str) -> str:
    """The canonical URL of the extension ``name``."""
    return f"{BASE}/StructureDefinition/{name}"


_AD: Final = ("ActivityDefinition",)
_ITEM: Final = ("PlanDefinition.action", "CarePlan.activity.detail")
_SECONDS_MIN: Final = "the shortest, in seconds"
_SECONDS_MAX: Final = "the longest, in seconds; given with min"


def _rest(name: str, between: str) -> Declared:
    return Declared(
        name=name,
        title=f"Rest between {between}",
        definition=(
            f"The documented rest between {between}: a range of seconds, or the source's words "
            "when it gives no number (such as 'a few seconds'); no number is invented for those."
        ),
        contexts=_AD,
        parts=(
            Part("min", "decimal", _SECONDS_MIN),
            Part("max", "decimal", _SECONDS_MAX),
            Part("text", "string", "how the source states the rest, required without seconds"),
        ),
    )


#: Every extension the library writes, by name.
EXTENSIONS: Final[Mapping[str, Declared]] = {
    declared.name: declared
    for declared in (
        Declared(
            name="repetitions",
            title="Documented repetitions",
            definition=(
                "The documented repetition count as the source states it, which Timing cannot "
                "say: 'at least 3' (min only; count alone would mean exactly 3), 'up to 10' (max "
                "only), or no count at all (neither); with the side that works and, for "
                "two-sided work, whether the count is per side or in all."
            ),
            contexts=_AD,
            parts=(
                Part("min", "positiveInt", "the fewest documented repetitions"),
                Part("max", "positiveInt", "the most documented repetitions"),
                Part(
                    "laterality",
                    "code",
                    "bilateral | affected-side | alternating | each-side",
                    required=True,
                ),
                Part("counting", "code", "total | per-side; only for two-sided work"),
            ),
        ),
        _rest("repetition-rest", "repetitions"),
        Declared(
            name="sets",
            title="Documented sets",
            definition="The documented number of sets; Timing has no sets.",
            contexts=_AD,
            parts=(
                Part("min", "positiveInt", "the fewest documented sets", required=True),
                Part("max", "positiveInt", "the most documented sets; absent when open-ended"),
            ),
        ),
        _rest("set-rest", "sets"),
        Declared(
            name="timed-work",
            title="Documented timed work",
            definition=(
                "The documented time of continuous movement (not a static hold, which is "
                "Timing.repeat.duration)."
            ),
            contexts=_AD,
            parts=(
                Part("min", "decimal", _SECONDS_MIN, required=True),
                Part("max", "decimal", _SECONDS_MAX, required=True),
            ),
        ),
        Declared(
            name="load",
            title="Load",
            definition=(
                "What resists the work: body weight, a band by level or colour, a weight (a "
                "range in kg or lb, or none stated), or a load described in words."
            ),
            contexts=(*_AD, *_ITEM),
            parts=(
                Part("kind", "code", "body-weight | band | weight | described", required=True),
                Part("level", "string", "how strong, as the source names it"),
                Part("min", "decimal", "the least weight"),
                Part("max", "decimal", "the most weight"),
                Part("unit", "code", "kg | lb; given exactly with an amount"),
                Part("text", "string", "the source's own words for the load"),
            ),
        ),
        Declared(
            name="effort",
            title="Effort",
            definition="How hard it should feel: in words, or RPE 0 to 10 (Borg CR10), or both.",
            contexts=_AD,
            parts=(
                Part("text", "string", "the target in words"),
                Part("min", "decimal", "the lowest rating of perceived exertion"),
                Part("max", "decimal", "the highest rating of perceived exertion"),
            ),
        ),
        Declared(
            name="step",
            title="Step",
            definition=(
                "One instruction, in order, with what it is for (the hold step is the one a "
                "timer counts down) and a distance stated only in words."
            ),
            contexts=_AD,
            repeats=True,
            parts=(
                Part("text", "string", "the instruction", required=True),
                Part("kind", "code", "setup | move | hold | release | repeat", required=True),
                Part("distance", "string", "how far, as documented (such as 'a few inches')"),
            ),
        ),
        Declared(
            name="equipment",
            title="Equipment",
            definition="A piece of equipment, whether it is optional, and what serves as well.",
            contexts=_AD,
            repeats=True,
            parts=(
                Part("name", "string", "what it is", required=True),
                Part("optional", "boolean", "whether it can be done without", required=True),
                Part("alternative", "string", "something that serves as well", repeats=True),
            ),
        ),
        Declared(
            name="precaution",
            title="Precaution",
            definition="A safety note for the patient, such as when to stop; in order.",
            contexts=_AD,
            type="string",
            repeats=True,
        ),
        Declared(
            name="position",
            title="Starting position",
            definition="supine | prone | side-lying | sitting | standing | kneeling | quadruped",
            contexts=_AD,
            type="code",
        ),
        Declared(
            name="level",
            title="Starting level",
            definition="beginner | intermediate | expert (CERT item 15)",
            contexts=_AD,
            type="code",
        ),
        Declared(
            name="category",
            title="Category",
            definition="The kind of exercise, such as stretching or strength.",
            contexts=_AD,
            type="code",
        ),
        Declared(
            name="media",
            title="Media",
            definition="What a documentation link shows (image | video) and its licence.",
            contexts=("RelatedArtifact",),
            parts=(
                Part("kind", "code", "image | video", required=True),
                Part("licence", "string", "the licence it is used under"),
            ),
        ),
        Declared(
            name="publisher",
            title="Source publisher",
            definition="Who published the source a citation names.",
            contexts=("RelatedArtifact",),
            type="string",
        ),
        Declared(
            name="dose",
            title="Prescribed dose",
            definition=(
                "The dose one item of a routine prescribes for one performance: repetitions "
                "(read by the exercise's counting rule), hold, sets, timed work, the side "
                "(worked, or leading for two-sided work), and a clinician's recorded deviation "
                "from the documented range with its reason."
            ),
            contexts=_ITEM,
            parts=(
                Part("reps", "positiveInt", "the prescribed repetitions", required=True),
                Part("side", "code", "left | right | both", required=True),
                Part("hold", "decimal", "the prescribed hold, in seconds"),
                Part("sets", "positiveInt", "the prescribed sets"),
                Part("work", "decimal", "the prescribed timed work, in seconds"),
                Part("deviation", "string", "why the dose departs from the documented range"),
                Part("notes", "string", "notes for the patient about this exercise"),
            ),
        ),
        Declared(
            name="progression",
            title="Progression rule",
            definition=(
                "One rule that raises one dose of a routine item over time, in order: which "
                "dose, by how much each step, when it steps (every N weeks of the programme, "
                "or after every K logged sessions of the exercise; exactly one of the two), "
                "where it stops (absent: the documented maximum), and the conditions the logs "
                "must meet before each step."
            ),
            contexts=_ITEM,
            repeats=True,
            parts=(
                Part(
                    "dose",
                    "code",
                    "reps | hold_seconds | sets | work_seconds | load",
                    required=True,
                ),
                Part(
                    "step",
                    "decimal",
                    "what each step adds, in the dose's unit (seconds, or the load's unit)",
                    required=True,
                ),
                Part("everyWeeks", "positiveInt", "step every this many weeks of the programme"),
                Part(
                    "everySessions",
                    "positiveInt",
                    "step after every this many logged sessions of the exercise",
                ),
                Part("until", "decimal", "the dose the rule stops at"),
                Part("gate", "code", "sets-done | pain-not-higher", repeats=True),
            ),
        ),
        Declared(
            name="schedule",
            title="Sessions per day and days per week",
            definition=(
                "Both halves of the routine's frequency, which one Timing.repeat cannot hold "
                "at once (frequency has one period)."
            ),
            contexts=("CarePlan",),
            parts=(
                Part("sessionsPerDay", "positiveInt", "sessions in a day", required=True),
                Part("daysPerWeek", "positiveInt", "days in a week with sessions", required=True),
            ),
        ),
    )
}


def _narrative(declared: Declared) -> dict[str, str]:
    items = "".join(
        f"<li>{html.escape(part.name)} ({html.escape(part.type)}): "
        f"{html.escape(part.definition)}</li>"
        for part in declared.parts
    )
    body = f"<ul>{items}</ul>" if items else f"<p>Value: {html.escape(str(declared.type))}</p>"
    return {
        "status": "generated",
        "div": (
            '<div xmlns="http://www.w3.org/1999/xhtml">'
            f"<p><b>{html.escape(declared.title)}</b></p>"
            f"<p>{html.escape(declared.definition)}</p>{body}</div>"
        ),
    }


def _element(path: str, element_id: str | None = None, **fields: Any) -> dict[str, Any]:
    return {"id": element_id or path, "path": path, **fields}


def structure_definition(declared: Declared) -> dict[str, Any]:
    """The ``StructureDefinition`` (R4) that defines ``declared``, as plain JSON values.

    ``fhirVersion`` is left out (it is optional): the official R4 JSON Schema as published on npm
    enumerates versions up to ``4.0.0`` and refuses ``4.0.1``, the R4 technical correction.
    """
    url = url_of(declared.name)
    root = _element(
        "Extension",
        short=declared.title,
        definition=declared.definition,
        min=0,
        max="*" if declared.repeats else "1",
    )
    elements: list[dict[str, Any]] = [root]
    if declared.type is not None:
        elements += [
            _element("Extension.extension", max="0"),
            _element("Extension.url", fixedUri=url),
            _element("Extension.value[x]", min=1, type=[{"code": declared.type}]),
        ]
    else:
        elements.append(
            _element(
                "Extension.extension",
                slicing={"discriminator": [{"type": "value", "path": "url"}], "rules": "closed"},
            )
        )
        for part in declared.parts:
            slice_id = f"Extension.extension:{part.name}"
            elements += [
                _element(
                    "Extension.extension",
                    slice_id,
                    sliceName=part.name,
                    short=part.definition,
                    definition=part.definition,
                    min=1 if part.required else 0,
                    max="*" if part.repeats else "1",
                ),
                _element("Extension.extension.extension", f"{slice_id}.extension", max="0"),
                _element("Extension.extension.url", f"{slice_id}.url", fixedUri=part.name),
                _element(
                    "Extension.extension.value[x]",
                    f"{slice_id}.value[x]",
                    min=1,
                    type=[{"code": part.type}],
                ),
            ]
        elements += [
            _element("Extension.url", fixedUri=url),
            _element("Extension.value[x]", max="0"),
        ]
    return {
        "resourceType": "StructureDefinition",
        "id": f"solpt-rehab-{declared.name}",
        "text": _narrative(declared),
        "url": url,
        "name": "".join(word.capitalize() for word in declared.name.split("-")),
        "title": declared.title,
        "status": "active",
        "description": declared.definition,
        "kind": "complex-type",
        "abstract": False,
        "context": [{"type": "element", "expression": context} for context in declared.contexts],
        "type": "Extension",
        "baseDefinition": "http://hl7.org/fhir/StructureDefinition/Extension",
        "derivation": "constraint",
        "differential": {"element": elements},
    }
