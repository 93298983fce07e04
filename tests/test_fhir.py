"""solpt_rehab.fhir: export validated by two independent tools, import back equal, problems."""

from __future__ import annotations

import copy
import datetime
import json
import xml.etree.ElementTree as ET
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fhir_tools import both_errors, every_resource, fhircraft_errors, schema_errors
from solpt_rehab import (
    Exercise,
    Frequency,
    Hold,
    InvalidValueError,
    Load,
    Problem,
    Progression,
    Routine,
    RoutineBuilder,
    RoutineItem,
    Severity,
    Side,
    catalog,
    from_document,
    to_document,
    validate,
)
from solpt_rehab.fhir import (
    BASE,
    EXERCISE_THERAPY,
    FhirImport,
    from_fhir,
    structure_definitions,
    to_fhir,
)
from solpt_rehab.fhir._extensions import EXTENSIONS, structure_definition
from solpt_rehab.strategies import exercises, routines

NO_ERRORS: dict[str, list[str]] = {"schema": [], "fhircraft": []}
EXTENSION_URL = f"{BASE}/StructureDefinition/"
XHTML = "http://www.w3.org/1999/xhtml"


def left_hip() -> Routine:
    return (
        RoutineBuilder("Left hip pain", days_per_week=5, weeks=6)
        .add("figure-4-stretch", side="left", hold_seconds=20)
        .add("knees-to-chest", reps=5)
        .add("lying-march", reps=10)
        .build()
    )


def six_weeks() -> Routine:
    """The six-week routine of docs/progression.md: a rule on each item, one of them gated."""
    return (
        RoutineBuilder(
            "Left hip, six weeks", days_per_week=5, weeks=6, start=datetime.date(2026, 12, 7)
        )
        .add(
            "knees-to-chest",
            hold_seconds=20,
            progression=Progression(dose="hold_seconds", step=2, every_weeks=1),
        )
        .add(
            "lying-march",
            reps=8,
            progression=Progression(
                dose="reps", step=1, every_weeks=1, gate=["sets-done", "pain-not-higher"]
            ),
        )
        .add(
            "figure-4-stretch",
            side="left",
            progression=Progression(dose="reps", step=1, every_weeks=2, until=5),
        )
        .build()
    )


def resources_of(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [
        entry["resource"] for entry in bundle["entry"] if entry["resource"]["resourceType"] == kind
    ]


def urls_in(value: object) -> set[str]:
    if isinstance(value, dict):
        own = {value["url"]} if isinstance(value.get("url"), str) else set()
        return own.union(*(urls_in(item) for item in value.values()))
    if isinstance(value, list):
        return set().union(*(urls_in(item) for item in value))
    return set()


def problems(*found: tuple[str, str, str]) -> tuple[Problem, ...]:
    from solpt_rehab._core.problems import problem  # noqa: PLC0415 - severity from the registry

    return tuple(problem(path, code, message) for path, code, message in found)


# -- export ---------------------------------------------------------------------------------------


def test_the_article_routine_exports_to_a_bundle_both_validators_accept() -> None:
    bundle = to_fhir(left_hip())
    assert [entry["resource"]["resourceType"] for entry in bundle["entry"]] == [
        "ActivityDefinition",
        "ActivityDefinition",
        "ActivityDefinition",
        "PlanDefinition",
        "CarePlan",
    ]
    assert bundle["type"] == "collection"
    for resource in every_resource(bundle):
        assert both_errors(resource) == NO_ERRORS, resource["resourceType"]


def test_an_exercise_maps_its_documented_dose_onto_timing_only_where_fhir_can_say_it() -> None:
    figure_4 = to_fhir(catalog.get("figure-4-stretch"))
    knees = to_fhir(catalog.get("knees-to-chest"))
    # "at least 3": count alone would mean exactly 3, so only the hold is in the Timing.
    assert figure_4["timingTiming"] == {
        "repeat": {"duration": 15, "durationMax": 20, "durationUnit": "s"}
    }
    assert figure_4["extension"][0] == {
        "url": EXTENSION_URL + "repetitions",
        "extension": [
            {"url": "min", "valuePositiveInt": 3},
            {"url": "laterality", "valueCode": "affected-side"},
        ],
    }
    assert knees["timingTiming"] == {
        "repeat": {
            "count": 3,
            "countMax": 5,
            "duration": 20,
            "durationMax": 30,
            "durationUnit": "s",
        }
    }
    assert knees["extension"][1] == {
        "url": EXTENSION_URL + "repetition-rest",
        "extension": [{"url": "text", "valueString": "a few seconds"}],
    }
    assert knees["code"]["coding"] == [
        {"system": "http://snomed.info/sct", "code": "229065009", "display": "Exercise therapy"}
    ]
    assert knees["bodySite"] == [{"text": "buttock"}, {"text": "lower-back"}]


def test_the_care_plan_carries_the_schedule_and_each_item_s_dose() -> None:
    [plan] = resources_of(to_fhir(left_hip()), "CarePlan")
    assert plan["intent"] == "plan"
    assert plan["extension"] == [
        {
            "url": EXTENSION_URL + "schedule",
            "extension": [
                {"url": "sessionsPerDay", "valuePositiveInt": 1},
                {"url": "daysPerWeek", "valuePositiveInt": 5},
            ],
        }
    ]
    detail = plan["activity"][0]["detail"]
    assert detail["scheduledTiming"] == {
        "repeat": {
            "boundsDuration": {
                "value": 6,
                "unit": "wk",
                "system": "http://unitsofmeasure.org",
                "code": "wk",
            },
            "frequency": 5,
            "period": 1,
            "periodUnit": "wk",
        }
    }
    assert detail["extension"] == [
        {
            "url": EXTENSION_URL + "dose",
            "extension": [
                {"url": "reps", "valuePositiveInt": 3},
                {"url": "side", "valueCode": "left"},
                {"url": "hold", "valueDecimal": 20},
            ],
        }
    ]
    assert detail["description"] == "hold 20 s, 3 reps, left side"
    assert detail["instantiatesCanonical"] == [f"{BASE}/ActivityDefinition/figure-4-stretch"]


# -- progression rules ----------------------------------------------------------------------------

MARCH_RULE = {
    "url": EXTENSION_URL + "progression",
    "extension": [
        {"url": "dose", "valueCode": "reps"},
        {"url": "step", "valueDecimal": 1},
        {"url": "everyWeeks", "valuePositiveInt": 1},
        {"url": "gate", "valueCode": "sets-done"},
        {"url": "gate", "valueCode": "pain-not-higher"},
    ],
}
MARCH_WORDS = (
    "hold 2 s, 8 reps in all, alternating, right first, progression: reps +1 every week, up to "
    "the documented maximum, when sets-done and pain-not-higher"
)


def test_the_six_week_progression_exports_valid_and_reads_back_equal() -> None:
    bundle = to_fhir(six_weeks())
    for resource in every_resource(bundle):
        assert both_errors(resource) == NO_ERRORS, resource["resourceType"]
    [template] = resources_of(bundle, "PlanDefinition")
    [plan] = resources_of(bundle, "CarePlan")
    march_dose = {
        "url": EXTENSION_URL + "dose",
        "extension": [
            {"url": "reps", "valuePositiveInt": 8},
            {"url": "side", "valueCode": "both"},
            {"url": "hold", "valueDecimal": 2},
        ],
    }
    # Where the dose stands, its rules stand after it: on the action and on the activity.
    assert template["action"][1]["extension"] == [march_dose, MARCH_RULE]
    assert plan["activity"][1]["detail"]["extension"] == [march_dose, MARCH_RULE]
    assert plan["activity"][2]["detail"]["extension"][1] == {
        "url": EXTENSION_URL + "progression",
        "extension": [
            {"url": "dose", "valueCode": "reps"},
            {"url": "step", "valueDecimal": 1},
            {"url": "everyWeeks", "valuePositiveInt": 2},
            {"url": "until", "valueDecimal": 5},
        ],
    }
    assert plan["activity"][1]["detail"]["description"] == MARCH_WORDS
    assert template["action"][1]["textEquivalent"] == MARCH_WORDS
    written = json.loads(json.dumps(bundle))
    assert from_fhir(written) == FhirImport(value=six_weeks(), problems=())
    assert from_fhir(plan) == FhirImport(value=six_weeks(), problems=())
    assert from_fhir(template) == FhirImport(
        value=attrs.evolve(
            six_weeks(),
            frequency=attrs.evolve(six_weeks().frequency, days_per_week=7),
            weeks=None,
            start=None,
        ),
        problems=(),
    )


def test_the_narrative_says_each_rule_in_words() -> None:
    bundle = to_fhir(six_weeks())
    for resource in resources_of(bundle, "PlanDefinition") + resources_of(bundle, "CarePlan"):
        div = resource["text"]["div"]
        root = ET.fromstring(div)  # noqa: S314 - our own output, parsed to prove it well-formed
        items = ["".join(item.itertext()) for item in root.iter(f"{{{XHTML}}}li")]
        assert items == [
            (
                "Knees-to-chest stretch: hold 20 s, 3 reps, both sides together, progression: "
                "hold_seconds +2 every week, up to the documented maximum"
            ),
            f"Lying march: {MARCH_WORDS}",
            (
                "Figure-4 stretch: hold 15 s, 3 reps, left side, progression: reps +1 every 2 "
                "weeks, up to 5"
            ),
        ]


def _march_rule(plan: dict[str, Any]) -> list[dict[str, Any]]:
    return plan["activity"][1]["detail"]["extension"][1]["extension"]  # type: ignore[no-any-return]


def _replaced(index: int, part: dict[str, Any]) -> Any:
    return lambda plan: _march_rule(plan).__setitem__(index, part)


def _inserted(index: int, part: dict[str, Any]) -> Any:
    return lambda plan: _march_rule(plan).insert(index, part)


RULE_AT = "/activity/1/detail/extension/1"
BROKEN_RULES: dict[str, tuple[Any, list[tuple[str, str, str]]]] = {
    "unknown dose": (
        _replaced(0, {"url": "dose", "valueCode": "speed"}),
        [
            (
                f"{RULE_AT}/extension/0/valueCode",
                "bad-enum",
                (
                    "'dose' must be one of 'reps', 'hold_seconds', 'sets', 'work_seconds', "
                    "'load': 'speed'"
                ),
            )
        ],
    ),
    "no step": (
        lambda plan: _march_rule(plan).pop(1),
        [(RULE_AT, "wrong-type", "'step' must be a number: null")],
    ),
    "a step in words": (
        _replaced(1, {"url": "step", "valueString": "1"}),
        [
            (
                f"{RULE_AT}/extension/1",
                "fhir-invalid",
                "the part 'step' of 'progression' needs one 'valueDecimal': ['valueString']",
            )
        ],
    ),
    "a second step": (
        _inserted(2, {"url": "step", "valueDecimal": 2}),
        [
            (
                f"{RULE_AT}/extension/2",
                "fhir-invalid",
                "the part 'step' of 'progression' may stand once",
            )
        ],
    ),
    "a fractional step of repetitions": (
        _replaced(1, {"url": "step", "valueDecimal": 1.5}),
        [
            (
                f"{RULE_AT}/extension/1/valueDecimal",
                "fractional",
                "'step' must be a whole number for 'reps': 1.5",
            )
        ],
    ),
    "no schedule": (
        lambda plan: _march_rule(plan).pop(2),
        [
            (
                RULE_AT,
                "progression-no-schedule",
                "'every_weeks' or 'every_sessions' must say when the dose steps: null",
            )
        ],
    ),
    "two schedules": (
        _inserted(3, {"url": "everySessions", "valuePositiveInt": 4}),
        [
            (
                f"{RULE_AT}/extension/3/valuePositiveInt",
                "progression-two-schedules",
                "'every_sessions' must be null when 'every_weeks' is given (1): 4",
            )
        ],
    ),
    "every zero weeks": (
        _replaced(2, {"url": "everyWeeks", "valuePositiveInt": 0}),
        [
            (
                f"{RULE_AT}/extension/2/valuePositiveInt",
                "not-positive",
                "'every_weeks' must be > 0: 0",
            )
        ],
    ),
    "unknown gate": (
        _replaced(4, {"url": "gate", "valueCode": "pain-free"}),
        [
            (
                f"{RULE_AT}/extension/4/valueCode",
                "bad-enum",
                "'gate[1]' must be one of 'sets-done', 'pain-not-higher': 'pain-free'",
            )
        ],
    ),
    "a cap beyond the documented range": (
        _inserted(3, {"url": "until", "valueDecimal": 12}),
        [
            (
                f"{RULE_AT}/extension/3/valueDecimal",
                "reps-out-of-range",
                "at the rule's cap, 'reps' is outside the documented 8-10 of 'lying-march': 12",
            )
        ],
    ),
    "a dose the item does not prescribe": (
        _replaced(0, {"url": "dose", "valueCode": "work_seconds"}),
        [
            (
                f"{RULE_AT}/extension/0/valueCode",
                "progression-not-applicable",
                "'lying-march' has no prescribed timed work to progress: 'work_seconds'",
            )
        ],
    ),
    "a second rule for the same dose": (
        lambda plan: plan["activity"][1]["detail"]["extension"].append(MARCH_RULE),
        [
            (
                "/activity/1/detail/extension/2/extension/0/valueCode",
                "progression-duplicate-dose",
                "progression[0] progresses 'reps' already; one rule per dose: 'reps'",
            )
        ],
    ),
    "parts that are no array": (
        lambda plan: plan["activity"][1]["detail"]["extension"][1].update(
            extension={"url": "dose"}
        ),
        [(f"{RULE_AT}/extension", "fhir-invalid", "'extension' must be an array: {'url': 'dose'}")],
    ),
}


@pytest.mark.parametrize("broken", list(BROKEN_RULES))
def test_a_malformed_progression_extension_is_exactly_its_problems(broken: str) -> None:
    [plan] = resources_of(to_fhir(six_weeks()), "CarePlan")
    change, expected = BROKEN_RULES[broken]
    change(plan)
    kept = copy.deepcopy(plan)
    assert from_fhir(plan) == FhirImport(value=None, problems=problems(*expected))
    assert plan == kept


def test_what_a_progression_extension_holds_beyond_the_model_is_a_warning() -> None:
    [plan] = resources_of(to_fhir(six_weeks()), "CarePlan")
    _march_rule(plan).append({"url": "rate", "valueCode": "fast"})
    plan["activity"][1]["detail"]["extension"][1]["valueString"] = "faster"
    # A rule on the plan itself stands where no item's dose is: it moves nothing.
    plan["extension"].append(MARCH_RULE)
    assert from_fhir(plan) == FhirImport(
        value=six_weeks(),
        problems=problems(
            (
                f"{RULE_AT}/extension/5",
                "fhir-unmapped",
                "the extension 'progression' has no part 'rate'",
            ),
            (
                f"{RULE_AT}/valueString",
                "fhir-unmapped",
                "the model has no place for 'valueString': 'faster'",
            ),
            (
                "/extension/1",
                "fhir-unmapped",
                # The URL is cut to 60 characters, as every value shown in a message.
                (
                    "the model has no place for the extension "
                    "'https://solpt-rehab.invalid/fhir/StructureDefinition/pro..."
                ),
            ),
        ),
    )


def test_a_rule_that_never_steps_reads_with_its_warning() -> None:
    [plan] = resources_of(to_fhir(six_weeks()), "CarePlan")
    _march_rule(plan).insert(3, {"url": "until", "valueDecimal": 8})
    idle = Progression(
        dose="reps", step=1, every_weeks=1, until=8, gate=["sets-done", "pain-not-higher"]
    )
    routine = six_weeks()
    items = list(routine.items)
    items[1] = attrs.evolve(items[1], progression=(idle,))
    assert from_fhir(plan) == FhirImport(
        value=attrs.evolve(routine, items=tuple(items)),
        problems=problems(
            (
                RULE_AT,
                "progression-idle",
                (
                    "the rule stops at 8, not above the starting repetitions (8): it never "
                    "changes the dose"
                ),
            ),
            (
                "/activity/1/detail/description",
                "fhir-unmapped",
                "a dose in words other than the dose read is kept nowhere: "
                + repr(MARCH_WORDS)[:57]
                + "...",
            ),
        ),
    )


def test_rules_for_sets_timed_work_and_a_weight_travel_after_the_load() -> None:
    weighted = attrs.evolve(FULL, load=Load(kind="weight", min_amount=2, max_amount=5, unit="kg"))
    item = RoutineItem(
        exercise=weighted,
        reps=10,
        sets=2,
        work_seconds=30,
        side="right",
        load=Load(kind="weight", min_amount=2, max_amount=2, unit="kg"),
        progression=(
            Progression(dose="sets", step=1, every_sessions=4, until=4),
            Progression(dose="work_seconds", step=2.5, every_weeks=1, gate=["pain-not-higher"]),
            Progression(dose="load", step=0.5, every_weeks=2, until=4.5, gate=["sets-done"]),
        ),
    )
    routine = Routine(
        name="Side steps",
        items=(item,),
        frequency=Frequency(sessions_per_day=1, days_per_week=3),
        weeks=8,
        start=datetime.date(2027, 1, 4),
    )
    bundle = to_fhir(routine)
    for resource in every_resource(bundle):
        assert both_errors(resource) == NO_ERRORS, resource["resourceType"]
    [plan] = resources_of(bundle, "CarePlan")
    rule = EXTENSION_URL + "progression"
    assert plan["activity"][0]["detail"]["extension"][1:] == [
        {
            "url": EXTENSION_URL + "load",
            "extension": [
                {"url": "kind", "valueCode": "weight"},
                {"url": "min", "valueDecimal": 2},
                {"url": "max", "valueDecimal": 2},
                {"url": "unit", "valueCode": "kg"},
            ],
        },
        {
            "url": rule,
            "extension": [
                {"url": "dose", "valueCode": "sets"},
                {"url": "step", "valueDecimal": 1},
                {"url": "everySessions", "valuePositiveInt": 4},
                {"url": "until", "valueDecimal": 4},
            ],
        },
        {
            "url": rule,
            "extension": [
                {"url": "dose", "valueCode": "work_seconds"},
                {"url": "step", "valueDecimal": 2.5},
                {"url": "everyWeeks", "valuePositiveInt": 1},
                {"url": "gate", "valueCode": "pain-not-higher"},
            ],
        },
        {
            "url": rule,
            "extension": [
                {"url": "dose", "valueCode": "load"},
                {"url": "step", "valueDecimal": 0.5},
                {"url": "everyWeeks", "valuePositiveInt": 2},
                {"url": "until", "valueDecimal": 4.5},
                {"url": "gate", "valueCode": "sets-done"},
            ],
        },
    ]
    # The exercise's own warning (its step names a band, its load is a weight) comes back at its
    # ActivityDefinition, as its document reports it; the rules read back equal.
    assert validate(to_document(weighted)).codes == ("prose-load-mismatch",)
    assert from_fhir(json.loads(json.dumps(bundle))) == FhirImport(
        value=routine,
        problems=problems(
            (
                "/entry/0/resource",
                "prose-load-mismatch",
                (
                    "the step states a load of 'band', not the documented '2-5 kg' of "
                    "'banded-side-steps': 'a band'"
                ),
            )
        ),
    )


def test_the_shipped_structure_definitions_are_derived_from_the_declarations() -> None:
    shipped = structure_definitions()
    assert list(shipped) == [structure_definition(declared) for declared in EXTENSIONS.values()]
    assert shipped is not structure_definitions()  # a new copy each time


def test_every_structure_definition_is_valid_for_both_tools() -> None:
    for definition in structure_definitions():
        assert both_errors(definition) == NO_ERRORS, definition["url"]


def test_every_extension_the_export_writes_is_defined_and_every_definition_is_used() -> None:
    written = {
        url
        for url in urls_in(
            [to_fhir(left_hip()), to_fhir(catalog.all()), to_fhir(FULL), to_fhir(six_weeks())]
        )
        if url.startswith(EXTENSION_URL)
    }
    assert written == {definition["url"] for definition in structure_definitions()}


def _emptied(value: object) -> None:
    if isinstance(value, dict):
        for item in value.values():
            _emptied(item)
        value.clear()
    elif isinstance(value, list):
        for item in value:
            _emptied(item)
        value.clear()


def test_what_to_fhir_returns_shares_nothing_with_the_library_or_another_call() -> None:
    expected = json.loads(json.dumps(to_fhir(left_hip())))
    _emptied(to_fhir(left_hip()))
    _emptied(to_fhir(catalog.all()))
    assert to_fhir(left_hip()) == expected
    assert EXERCISE_THERAPY == {
        "coding": [
            {"system": "http://snomed.info/sct", "code": "229065009", "display": "Exercise therapy"}
        ]
    }


def test_to_fhir_refuses_what_it_cannot_write() -> None:
    with pytest.raises(InvalidValueError, match="to_fhir takes an Exercise"):
        to_fhir("lying-march")  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="goes with a Routine"):
        to_fhir(catalog.get("lying-march"), subject={"reference": "Patient/1"})


def test_a_subject_names_the_patient_of_the_care_plan() -> None:
    subject = {"reference": "Patient/123"}
    [plan] = resources_of(to_fhir(left_hip(), subject=subject), "CarePlan")
    assert plan["subject"] == subject
    assert plan["subject"] is not subject


# -- narrative ------------------------------------------------------------------------------------

HOSTILE = '<script>alert("x")</script> & <b onclick="steal()">bold</b>'


def test_hostile_text_is_escaped_in_every_narrative() -> None:
    march = catalog.get("lying-march")
    hostile = attrs.evolve(
        march,
        name=HOSTILE,
        purpose=HOSTILE + "\n\tsecond line",
        precautions=(HOSTILE,),
    )
    routine = Routine(
        name=HOSTILE,
        items=[attrs.evolve(left_hip().items[2], exercise=hostile, notes=HOSTILE)],
        notes=HOSTILE,
    )
    bundle = to_fhir(routine)
    for resource in every_resource(bundle)[1:]:
        div = resource["text"]["div"]
        assert "<script" not in div
        assert "<b onclick" not in div
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b onclick=" in div
        root = ET.fromstring(div)  # noqa: S314 - our own output, parsed to prove it well-formed
        assert root.tag == "{http://www.w3.org/1999/xhtml}div"
        assert HOSTILE in "".join(root.itertext())
        assert both_errors(resource) == NO_ERRORS
    assert from_fhir(bundle) == FhirImport(value=routine, problems=())


def test_control_characters_coming_in_are_problems_at_their_fhir_path() -> None:
    resource = to_fhir(catalog.get("lying-march"))
    resource["title"] = "Lying\x1b[31m march"
    resource["extension"][2]["extension"][0]["valueString"] = "Lie\u202e down"
    assert from_fhir(resource) == FhirImport(
        value=None,
        problems=problems(
            (
                "/title",
                "control-character",
                (
                    "'name' must not hold control characters or bidirectional overrides (U+001B at "
                    "index 5): 'Lying\\x1b[31m march'"
                ),
            ),
            (
                "/extension/2/extension/0/valueString",
                "control-character",
                (
                    "'text' must not hold control characters or bidirectional overrides (U+202E at "
                    "index 3): 'Lie\\u202e down'"
                ),
            ),
        ),
    )


def test_unicode_spaces_are_fhir_strings_that_only_the_json_schema_refuses() -> None:
    # FHIR's string is [ \r\n\t\S]+ read as XML Schema, where \S excludes only the four ASCII
    # spaces; the JSON Schema's ECMAScript \S also excludes U+00A0, U+2028 and the like. The
    # export keeps the text as it is (a reader gets it back), and this pins the difference.
    spaced = attrs.evolve(catalog.get("lying-march"), name="Lying\u00a0march")
    resource = to_fhir(spaced)
    assert fhircraft_errors(resource) == []
    assert "'Lying\\xa0march' does not match '^[ \\\\r\\\\n\\\\t\\\\S]+$'" in "\n".join(
        schema_errors(resource)
    )
    assert from_fhir(resource) == FhirImport(value=spaced, problems=())


# -- import ---------------------------------------------------------------------------------------

FULL: Exercise = from_document(
    {
        "kind": "exercise",
        "format_version": 2,
        "id": "banded-side-steps",
        "name": "Banded side steps",
        "purpose": "Strengthens the hip abductors.",
        "steps": [
            {"text": "Stand with a band around both ankles.", "kind": "setup"},
            {"text": "Step sideways, keeping tension.", "kind": "move", "distance": "a short step"},
            {"text": "Pause with the feet apart.", "kind": "hold"},
        ],
        "hold": {"min_seconds": 1, "max_seconds": 2},
        "repetitions": {
            "max_reps": 12,
            "laterality": "each-side",
            "counting": "per-side",
            "rest": {"min_seconds": 5, "max_seconds": 10},
        },
        "sets": {"min_sets": 2, "rest": {"text": "a short walk"}},
        "timed_work": {"min_seconds": 30, "max_seconds": 45},
        "load": {"kind": "band", "level": "red"},
        "effort": {"text": "hard but steady", "min_rpe": 5, "max_rpe": 7},
        "regions": ["hip", "thigh"],
        "position": "standing",
        "level": "intermediate",
        "category": "strength",
        "equipment": [{"name": "resistance band", "optional": False, "alternatives": ["tubing"]}],
        "precautions": ["Stop if the knee hurts."],
        "media": [
            {
                "uri": "images/side-steps.jpg",
                "kind": "image",
                "alt": "a side step",
                "licence": "CC0",
            },
            {"uri": "https://video.test/steps", "kind": "video"},
        ],
        "source": {
            "title": "A handout",
            "publisher": "A clinic",
            "url": "https://clinic.test/h",
            "locator": "page 2",
        },
    },
    kind="exercise",
)


@pytest.mark.parametrize("value", [FULL, *catalog.all(), catalog.all(), left_hip()], ids=repr)
def test_what_to_fhir_writes_reads_back_equal(value: Exercise | Routine) -> None:
    written = json.loads(json.dumps(to_fhir(value)))
    kept = copy.deepcopy(written)
    assert from_fhir(written) == FhirImport(value=value, problems=())
    assert written == kept


def test_the_full_exercise_is_valid_for_both_tools() -> None:
    assert both_errors(to_fhir(FULL)) == NO_ERRORS


def test_a_care_plan_alone_reads_with_the_catalog_s_exercises() -> None:
    [plan] = resources_of(to_fhir(left_hip()), "CarePlan")
    assert from_fhir(plan) == FhirImport(value=left_hip(), problems=())


def test_a_plan_definition_alone_reads_as_a_routine_with_the_default_schedule() -> None:
    [template] = resources_of(to_fhir(left_hip()), "PlanDefinition")
    assert from_fhir(template) == FhirImport(
        value=attrs.evolve(
            left_hip(), frequency=attrs.evolve(left_hip().frequency, days_per_week=7), weeks=None
        ),
        problems=(),
    )


HANDWRITTEN_PLAN: dict[str, Any] = {
    "resourceType": "CarePlan",
    "text": {
        "status": "generated",
        "div": '<div xmlns="http://www.w3.org/1999/xhtml">Knees to chest, and a bridge</div>',
    },
    "status": "active",
    "intent": "plan",
    "title": "Hip stretches",
    "subject": {"reference": "Patient/example"},
    "activity": [
        {
            "detail": {
                "instantiatesCanonical": [f"{BASE}/ActivityDefinition/knees-to-chest"],
                "code": {"text": "Knees-to-chest stretch"},
                "status": "scheduled",
                "scheduledTiming": {"repeat": {"frequency": 2, "period": 1, "periodUnit": "d"}},
                "description": "3 to 5 repetitions, holding each for 20 seconds",
            }
        },
        {"detail": {"code": {"text": "Bridge"}, "status": "scheduled"}},
    ],
}
DOSE_MISSING = (
    "the prescribed dose is not stated (core FHIR reads a Timing's count over the whole "
    f"schedule; the extension '{EXTENSION_URL}dose' states one performance's dose)"
)


def test_a_care_plan_written_without_the_extensions_reads_with_exactly_its_problems() -> None:
    assert both_errors(HANDWRITTEN_PLAN) == NO_ERRORS
    assert from_fhir(HANDWRITTEN_PLAN) == FhirImport(
        value=None,
        problems=problems(
            (
                "/subject",
                "fhir-unmapped",
                (
                    "a routine has no patient; the subject is not kept: "
                    "{'reference': 'Patient/example'}"
                ),
            ),
            ("/activity/0/detail/extension", "fhir-missing", DOSE_MISSING),
            (
                "/activity/0/detail/description",
                "fhir-unmapped",
                (
                    "a dose in words only is kept nowhere: "
                    "'3 to 5 repetitions, holding each for 20 seconds'"
                ),
            ),
            (
                "/activity/1/detail/instantiatesCanonical",
                "fhir-missing",
                "the activity names no ActivityDefinition",
            ),
            ("/activity/1/detail/extension", "fhir-missing", DOSE_MISSING),
        ),
    )


def test_an_activity_definition_from_another_tool_reads_as_far_as_it_maps() -> None:
    foreign = {
        "resourceType": "ActivityDefinition",
        "id": "clamshell",
        "status": "active",
        "title": "Clamshell",
        "description": "Strengthens the hip abductors.",
        "code": {"coding": [{"system": "http://snomed.info/sct", "code": "229065009"}]},
        "timingTiming": {
            "repeat": {"count": 10, "countMax": 15, "frequency": 1, "period": 1, "periodUnit": "d"}
        },
        "participant": [{"type": "patient"}],
    }
    assert from_fhir(foreign) == FhirImport(
        value=None,
        problems=problems(
            (
                "/extension",
                "fhir-missing",
                (
                    "the exercise's steps are not stated (FHIR has no element for them; the "
                    f"extension '{EXTENSION_URL}step' does)"
                ),
            ),
            (
                "/extension",
                "fhir-missing",
                (
                    "the side that works is not stated (FHIR cannot say it; the extension "
                    f"'{EXTENSION_URL}repetitions' does)"
                ),
            ),
            (
                "/timingTiming/repeat/frequency",
                "fhir-unmapped",
                "the model has no place for 'frequency': 1",
            ),
            (
                "/timingTiming/repeat/period",
                "fhir-unmapped",
                "the model has no place for 'period': 1",
            ),
            (
                "/timingTiming/repeat/periodUnit",
                "fhir-unmapped",
                "the model has no place for 'periodUnit': 'd'",
            ),
            (
                "/participant",
                "fhir-unmapped",
                "the model has no place for 'participant': [{'type': 'patient'}]",
            ),
        ),
    )


def test_a_hold_in_minutes_reads_in_seconds_and_a_hold_without_its_unit_is_refused() -> None:
    resource = to_fhir(catalog.get("knees-to-chest"))
    resource["timingTiming"]["repeat"] |= {
        "duration": 0.5,
        "durationMax": 0.5,
        "durationUnit": "min",
    }
    found = from_fhir(resource)
    assert found.value == attrs.evolve(
        catalog.get("knees-to-chest"), hold=Hold(min_seconds=30, max_seconds=30)
    )
    # The model's warning that the hold step's words no longer match, at that step's extension.
    assert [(each.path, each.code) for each in found.problems] == [
        ("/extension/6/extension/0/valueString", "prose-hold-mismatch")
    ]
    for unit in (None, "d"):
        resource["timingTiming"]["repeat"]["durationUnit"] = unit
        assert from_fhir(resource) == FhirImport(
            value=None,
            problems=problems(
                (
                    "/timingTiming/repeat/durationUnit",
                    "fhir-invalid",
                    f"a hold's duration needs its unit, 's', 'min' or 'h': {unit!r}",
                ),
            ),
        )


def test_a_coding_other_than_exercise_therapy_is_reported_not_dropped() -> None:
    resource = to_fhir(catalog.get("knees-to-chest"))
    other = {"system": "http://snomed.info/sct", "code": "183301007"}
    resource["code"]["coding"].append(other)
    found = from_fhir(resource)
    assert found.value == catalog.get("knees-to-chest")
    assert found.problems == problems(
        (
            "/code/coding/1",
            "fhir-unmapped",
            (
                "an exercise is coded as 'Exercise therapy'; this coding is not kept: "
                "{'system': 'http://snomed.info/sct', 'code': '183301007'}"
            ),
        ),
    )


def test_the_model_s_rules_report_at_the_fhir_element_their_field_came_from() -> None:
    resource = to_fhir(catalog.get("knees-to-chest"))
    resource["extension"][0]["extension"][1]["valuePositiveInt"] = 2  # max 2 below min 3
    resource["timingTiming"]["repeat"]["countMax"] = 2
    resource["bodySite"].append({"text": "elbow"})
    resource["modifierExtension"] = [{"url": "https://other.test/negation", "valueBoolean": True}]
    resource["extension"].append({"url": "https://other.test/x", "valueString": "y"})
    assert from_fhir(resource) == FhirImport(
        value=None,
        problems=problems(
            (
                "/extension/13",
                "fhir-unmapped",
                "the model has no place for the extension 'https://other.test/x'",
            ),
            (
                "/modifierExtension",
                "fhir-modifier-extension",
                (
                    "a modifier extension changes the meaning of what it stands on, and this "
                    "reader does not know it: ['https://other.test/negation']"
                ),
            ),
        ),
    )
    del resource["modifierExtension"]
    found = from_fhir(resource)
    assert [(each.path, each.code) for each in found.problems] == [
        ("/extension/13", "fhir-unmapped"),
        ("/extension/0/extension/1/valuePositiveInt", "range-inverted"),
        ("/bodySite/2", "bad-enum"),
    ]
    assert found.value is None


def test_an_activity_with_a_schedule_of_its_own_is_reported() -> None:
    [plan] = resources_of(to_fhir(left_hip()), "CarePlan")
    plan["activity"][2]["detail"]["scheduledTiming"]["repeat"]["frequency"] = 3
    found = from_fhir(plan)
    assert found.value == left_hip()
    assert found.problems == problems(
        (
            "/activity/2/detail/scheduledTiming",
            "fhir-unmapped",
            (
                "a routine has one schedule, the first activity's; this one differs and is not "
                "kept: {'frequency': 3, 'period': 1, 'periodUnit': 'wk', 'bounds..."
            ),
        ),
    )


def test_statuses_not_in_use_a_cancelled_activity_and_a_disagreeing_timing_are_reported() -> None:
    [plan] = resources_of(to_fhir(left_hip()), "CarePlan")
    plan["status"] = "revoked"
    plan["activity"][1]["detail"]["status"] = "cancelled"
    plan["activity"][1]["detail"]["doNotPerform"] = True
    plan["activity"][0]["detail"]["scheduledTiming"]["repeat"]["frequency"] = 7
    assert from_fhir(plan) == FhirImport(
        value=None,
        problems=problems(
            (
                "/status",
                "fhir-unmapped",
                "the model keeps content in use; this status is not kept: 'revoked'",
            ),
            (
                "/activity/0/detail/scheduledTiming/repeat/frequency",
                "fhir-invalid",
                (
                    "the timing ({'frequency': 7, 'period': 1, 'periodUnit': 'wk'}) disagrees with "
                    "the schedule extension, which reads {'frequency': 5, 'period': 1, "
                    "'periodUnit': 'wk'}"
                ),
            ),
            (
                "/activity/1/detail/status",
                "fhir-unmapped",
                "the model keeps content in use; this status is not kept: 'cancelled'",
            ),
            (
                "/activity/1/detail/doNotPerform",
                "fhir-invalid",
                "an activity not to be done is no item of a routine",
            ),
            (
                "/activity/1/detail/scheduledTiming",
                "fhir-unmapped",
                (
                    "a routine has one schedule, the first activity's; this one differs and is not "
                    "kept: {'frequency': 5, 'period': 1, 'periodUnit': 'wk', 'bounds..."
                ),
            ),
            (
                "/activity/2/detail/scheduledTiming",
                "fhir-unmapped",
                (
                    "a routine has one schedule, the first activity's; this one differs and is not "
                    "kept: {'frequency': 5, 'period': 1, 'periodUnit': 'wk', 'bounds..."
                ),
            ),
        ),
    )


def test_a_bundle_with_other_resources_reports_them() -> None:
    bundle = to_fhir(catalog.all())
    bundle["entry"].append({"resource": {"resourceType": "Patient", "id": "p"}})
    found = from_fhir(bundle)
    assert found.value == catalog.all()
    assert found.problems == problems(
        ("/entry/3/resource", "fhir-unmapped", "the model has no place for a 'Patient' resource")
    )


@pytest.mark.parametrize(
    ("resource", "expected"),
    [
        (None, [("", "fhir-invalid", "expected a JSON object: None")]),
        ([], [("", "fhir-invalid", "expected a JSON object: []")]),
        (
            {"resourceType": "Patient"},
            [
                (
                    "/resourceType",
                    "fhir-not-readable",
                    (
                        "expected an ActivityDefinition, a PlanDefinition, a CarePlan or a Bundle: "
                        "'Patient'"
                    ),
                )
            ],
        ),
        (
            {"resourceType": "Bundle", "entry": []},
            [
                (
                    "/entry",
                    "fhir-missing",
                    "the bundle holds no ActivityDefinition, PlanDefinition or CarePlan",
                )
            ],
        ),
    ],
)
def test_what_is_no_readable_resource_is_a_problem(
    resource: object, expected: list[tuple[str, str, str]]
) -> None:
    assert from_fhir(resource) == FhirImport(value=None, problems=problems(*expected))


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=12,
)


def _mutations(resource: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
    """The resource with any JSON value at one place: a key replaced, or a key added."""
    places: list[list[str | int]] = []

    def walk(value: object, at: list[str | int]) -> None:
        if isinstance(value, dict):
            places.append([*at, "extra"])
            places.extend([*at, key] for key in value)
            for key, item in value.items():
                walk(item, [*at, key])
        elif isinstance(value, list):
            for index, item in enumerate(value):
                places.append([*at, index])
                walk(item, [*at, index])

    walk(resource, [])

    def mutate(place: list[str | int], new: object) -> dict[str, Any]:
        changed = copy.deepcopy(resource)
        target: Any = changed
        for token in place[:-1]:
            target = target[token]
        target[place[-1]] = new
        return changed

    return st.builds(mutate, st.sampled_from(places), JSON)


# Cheap (a few milliseconds an example) and searching a large space: at least 2,000 examples.
@settings(max_examples=max(settings().max_examples, 2000))
@given(
    st.one_of(
        JSON,
        _mutations(to_fhir(left_hip())),
        _mutations(to_fhir(FULL)),
        _mutations(to_fhir(catalog.all())),
        _mutations(to_fhir(six_weeks())),
    )
)
def test_from_fhir_never_raises_and_reports_every_error(resource: object) -> None:
    found = from_fhir(resource)
    assert isinstance(found, FhirImport)
    assert (found.value is None) == any(each.severity is Severity.ERROR for each in found.problems)


# -- properties -----------------------------------------------------------------------------------


@given(exercises())
def test_every_drawn_exercise_exports_valid_and_reads_back_equal(exercise: Exercise) -> None:
    resource = to_fhir(exercise)
    assert both_errors(resource) == NO_ERRORS
    found = from_fhir(json.loads(json.dumps(resource)))
    assert found.value == exercise
    # The model's warnings (such as a step naming a load the exercise does not document) come
    # back as they do for the exercise's own document, at the FHIR element of their field.
    assert found.codes == validate(to_document(exercise)).codes


# Each example validates five to eight resources with both tools (about 0.4 s): the thorough
# profile's 300 examples would add two minutes to CI, so this property stops at 100.
@settings(max_examples=min(settings().max_examples, 100))
@given(st.one_of(routines(max_items=4), routines(max_items=4, progression=True)))
def test_every_drawn_routine_exports_valid_and_reads_back_equal(routine: Routine) -> None:
    bundle = to_fhir(routine)
    for resource in every_resource(bundle):
        assert both_errors(resource) == NO_ERRORS
    found = from_fhir(json.loads(json.dumps(bundle)))
    assert found.value == routine
    expected = {
        item.exercise.id: validate(to_document(item.exercise)).codes for item in routine.items
    }
    assert found.codes == sum(expected.values(), ())


# -- the Timing invariants: fhircraft enforces each, and the export never breaks one --------------

TIMING_BREAKS = {
    "tim-1": {"duration": 5},
    "tim-2": {"frequency": 1, "period": 1},
    "tim-4": {"duration": -1, "durationUnit": "s"},
    "tim-5": {"frequency": 1, "period": -1, "periodUnit": "d"},
    "tim-6": {"frequency": 1, "periodMax": 2, "periodUnit": "d"},
    "tim-7": {"durationMax": 5, "durationUnit": "s"},
    "tim-8": {"countMax": 5},
    "tim-9": {"offset": 30},
    "tim-10": {"when": ["MORN"], "timeOfDay": ["08:00:00"]},
}


@pytest.mark.parametrize("key", list(TIMING_BREAKS))
def test_fhircraft_refuses_a_timing_that_breaks_each_invariant(key: str) -> None:
    resource = to_fhir(catalog.get("knees-to-chest"))
    assert fhircraft_errors(resource) == []
    resource["timingTiming"] = {"repeat": TIMING_BREAKS[key]}
    [error] = fhircraft_errors(resource)
    assert f"[{key}]" in error


def test_a_whole_number_beyond_fhirs_positive_int_is_refused_and_the_largest_is_carried() -> None:
    # The model's whole numbers have no upper bound; FHIR's positiveInt stops at 2**31 - 1.
    documented = catalog.get("knees-to-chest")
    open_ended = attrs.evolve(
        documented, repetitions=attrs.evolve(documented.repetitions, max_reps=None)
    )

    def routine(reps: int) -> Routine:
        item = RoutineItem(exercise=open_ended, reps=reps, side=Side.BOTH, hold_seconds=20)
        return Routine(name="Many", items=[item])

    with pytest.raises(InvalidValueError) as raised:
        to_fhir(routine(2**31))
    assert str(raised.value) == (
        "'reps' in the 'dose' extension is 2147483648, more than FHIR R4 can carry: a "
        "positiveInt is at most 2147483647"
    )
    with pytest.raises(InvalidValueError) as raised:
        to_fhir(
            attrs.evolve(
                documented, repetitions=attrs.evolve(documented.repetitions, max_reps=2**40)
            )
        )
    assert str(raised.value) == (
        "'max' in the 'repetitions' extension is 1099511627776, more than FHIR R4 can carry: a "
        "positiveInt is at most 2147483647"
    )
    largest = to_fhir(routine(2**31 - 1))
    assert [both_errors(resource) for resource in every_resource(largest)] == [
        {"schema": [], "fhircraft": []}
    ] * len(every_resource(largest))
    assert from_fhir(largest).value == routine(2**31 - 1)


# -- a bundle's PlanDefinition agrees with its CarePlan -------------------------------------------

TEMPLATE_AT = "/entry/3/resource"
CARE_PLAN_READ = "the care plan's is read"


def left_hip_with(*changes: dict[str, Any], count: int = 3) -> Routine:
    """The left-hip routine with the dose of each item changed as given, its first ``count``."""
    doses: list[tuple[str, dict[str, Any]]] = [
        ("figure-4-stretch", {"side": "left", "hold_seconds": 20}),
        ("knees-to-chest", {"reps": 5}),
        ("lying-march", {"reps": 10}),
    ]
    builder = RoutineBuilder("Left hip pain", days_per_week=5, weeks=6)
    for (exercise, dose), change in zip(doses[:count], [*changes, *[{}] * count], strict=False):
        builder.add(exercise, **(dose | change))
    return builder.build()


def bundle_with_template(plan: Routine, template: Routine) -> dict[str, Any]:
    """``plan``'s bundle whose PlanDefinition, still the one its CarePlan names, is ``template``'s.

    Both validators accept every resource of it: another tool may well write such a bundle.
    """
    bundle = to_fhir(plan)
    [ours] = resources_of(bundle, "PlanDefinition")
    [theirs] = resources_of(to_fhir(template), "PlanDefinition")
    ours.update({key: theirs[key] for key in ("title", "action", "text")})
    for resource in every_resource(bundle):
        assert both_errors(resource) == NO_ERRORS
    return bundle


def read_unchanged(bundle: dict[str, Any]) -> FhirImport:
    kept = copy.deepcopy(bundle)
    found = from_fhir(bundle)
    assert bundle == kept
    return found


def test_a_template_that_agrees_with_its_care_plan_reads_with_no_problem() -> None:
    # The PlanDefinition is read too: every element of it is read, and it says what the plan says.
    bundle = bundle_with_template(six_weeks(), six_weeks())
    assert read_unchanged(bundle) == FhirImport(value=six_weeks(), problems=())


def test_a_template_with_another_title_is_reported_at_its_title() -> None:
    bundle = bundle_with_template(left_hip(), attrs.evolve(left_hip(), name="Hip, left"))
    assert read_unchanged(bundle) == FhirImport(
        value=left_hip(),
        problems=problems(
            (
                f"{TEMPLATE_AT}/title",
                "fhir-unmapped",
                "the PlanDefinition gives the title 'Hip, left', the CarePlan 'Left hip pain'; "
                + CARE_PLAN_READ,
            )
        ),
    )


def test_a_template_with_its_exercises_in_another_order_names_both_items_at_each_place() -> None:
    swapped = (
        RoutineBuilder("Left hip pain", days_per_week=5, weeks=6)
        .add("figure-4-stretch", side="left", hold_seconds=20)
        .add("lying-march", reps=10)
        .add("knees-to-chest", reps=5)
        .build()
    )
    bundle = bundle_with_template(left_hip(), swapped)
    march = "lying-march: hold 2 s, 10 reps in all, alternating, right first"
    knees = "knees-to-chest: hold 20 s, 5 reps, both sides together"
    assert read_unchanged(bundle) == FhirImport(
        value=left_hip(),
        problems=problems(
            (
                f"{TEMPLATE_AT}/action/1/definitionCanonical",
                "fhir-unmapped",
                f"the PlanDefinition gives {march!r}, the CarePlan's activity 1 {knees!r}; "
                + CARE_PLAN_READ,
            ),
            (
                f"{TEMPLATE_AT}/action/2/definitionCanonical",
                "fhir-unmapped",
                f"the PlanDefinition gives {knees!r}, the CarePlan's activity 2 {march!r}; "
                + CARE_PLAN_READ,
            ),
        ),
    )


def test_a_template_with_fewer_actions_names_the_activities_it_lacks() -> None:
    bundle = bundle_with_template(left_hip(), left_hip_with(count=1))
    assert read_unchanged(bundle) == FhirImport(
        value=left_hip(),
        problems=problems(
            (
                f"{TEMPLATE_AT}/action",
                "fhir-unmapped",
                (
                    "the PlanDefinition has 1 action, the CarePlan 3 activities; no action "
                    "stands for the activities of ['knees-to-chest', 'lying-march']"
                ),
            )
        ),
    )


def test_a_template_with_more_actions_reports_each_one_the_plan_lacks() -> None:
    bundle = bundle_with_template(left_hip_with(count=1), left_hip())
    counts = "the PlanDefinition has 3 actions, the CarePlan 1 activity"
    # One exercise, so the PlanDefinition is the second entry; the others are the catalog's.
    assert read_unchanged(bundle) == FhirImport(
        value=left_hip_with(count=1),
        problems=problems(
            (
                "/entry/1/resource/action/1",
                "fhir-unmapped",
                f"{counts}; this action ('knees-to-chest') has no activity and is not read",
            ),
            (
                "/entry/1/resource/action/2",
                "fhir-unmapped",
                f"{counts}; this action ('lying-march') has no activity and is not read",
            ),
        ),
    )


DOSE_PART = "/extension/0/extension/"


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        (
            [{"hold_seconds": 15}],
            [(f"/action/0{DOSE_PART}2/valueDecimal", "hold_seconds 15", "20")],
        ),
        (
            [{"side": "right"}],
            [(f"/action/0{DOSE_PART}1/valueCode", "side 'right'", "'left'")],
        ),
        (
            [{}, {"reps": 4}, {"reps": 9, "notes": "slowly"}],
            [
                (f"/action/1{DOSE_PART}0/valuePositiveInt", "reps 4", "5"),
                (f"/action/2{DOSE_PART}0/valuePositiveInt", "reps 9", "10"),
                (f"/action/2{DOSE_PART}3/valueString", "notes 'slowly'", "None"),
            ],
        ),
        (
            [{}, {}, {"sets": 2}],
            [(f"/action/2{DOSE_PART}3/valuePositiveInt", "sets 2", "None")],
        ),
    ],
)
def test_a_template_with_another_dose_names_both_values_at_its_dose_part(
    changes: list[dict[str, Any]], expected: list[tuple[str, str, str]]
) -> None:
    found = read_unchanged(bundle_with_template(left_hip(), left_hip_with(*changes)))
    assert found == FhirImport(
        value=left_hip(),
        problems=problems(
            *[
                (
                    f"{TEMPLATE_AT}{path}",
                    "fhir-unmapped",
                    f"the PlanDefinition gives {given}, the CarePlan's activity {path[8]} {read}; "
                    + CARE_PLAN_READ,
                )
                for path, given, read in expected
            ]
        ),
    )


DEVIATED = (
    "'reps' is outside the documented 3-5 of 'knees-to-chest', accepted as a "
    "recorded deviation ('tolerates more'): 7"
)


def test_the_template_s_own_warnings_are_at_its_own_elements() -> None:
    template = left_hip_with({}, {"reps": 7, "deviation": "tolerates more"})
    found = read_unchanged(bundle_with_template(left_hip(), template))
    reps = f"{TEMPLATE_AT}/action/1{DOSE_PART}0/valuePositiveInt"
    assert found == FhirImport(
        value=left_hip(),
        problems=problems(
            (reps, "deviation", DEVIATED),
            (
                reps,
                "fhir-unmapped",
                "the PlanDefinition gives reps 7, the CarePlan's activity 1 5; " + CARE_PLAN_READ,
            ),
            (
                f"{TEMPLATE_AT}/action/1{DOSE_PART}3/valueString",
                "fhir-unmapped",
                "the PlanDefinition gives deviation 'tolerates more', the CarePlan's activity 1 "
                "None; " + CARE_PLAN_READ,
            ),
        ),
    )


def test_a_warning_of_the_model_that_plan_and_template_share_is_said_once() -> None:
    deviated = left_hip_with({}, {"reps": 7, "deviation": "tolerates more"})
    found = read_unchanged(to_fhir(deviated))
    assert found == FhirImport(
        value=deviated,
        problems=problems(
            (
                f"/entry/4/resource/activity/1/detail{DOSE_PART}0/valuePositiveInt",
                "deviation",
                DEVIATED,
            )
        ),
    )


def test_a_template_with_another_rule_names_both_rules_at_the_rule() -> None:
    routine = six_weeks()
    items = list(routine.items)
    march = items[1].progression[0]
    items[1] = attrs.evolve(items[1], progression=(attrs.evolve(march, gate=("sets-done",)),))
    items[2] = attrs.evolve(items[2], progression=())
    bundle = bundle_with_template(routine, attrs.evolve(routine, items=tuple(items)))
    gated = "reps +1 every week, up to the documented maximum, when sets-done"
    assert read_unchanged(bundle) == FhirImport(
        value=routine,
        problems=problems(
            (
                f"{TEMPLATE_AT}/action/1/extension/1",
                "fhir-unmapped",
                f"the PlanDefinition gives progression [{gated!r}], the CarePlan's activity 1 "
                f"[{gated + ' and pain-not-higher'!r}]; " + CARE_PLAN_READ,
            ),
            (
                f"{TEMPLATE_AT}/action/2",
                "fhir-unmapped",
                "the PlanDefinition gives progression [], the CarePlan's activity 2 "
                "['reps +1 every 2 weeks, up to 5']; " + CARE_PLAN_READ,
            ),
        ),
    )


def test_a_template_naming_another_definition_of_the_same_exercise_is_reported() -> None:
    bundle = to_fhir(left_hip())
    knees = copy.deepcopy(resources_of(bundle, "ActivityDefinition")[1])
    knees.update(url="https://example.org/fhir/ActivityDefinition/knees", description="Hug.")
    bundle["entry"].append({"resource": knees})
    [template] = resources_of(bundle, "PlanDefinition")
    template["action"][1]["definitionCanonical"] = knees["url"]
    for resource in every_resource(bundle):
        assert both_errors(resource) == NO_ERRORS
    assert read_unchanged(bundle) == FhirImport(
        value=left_hip(),
        problems=problems(
            (
                f"{TEMPLATE_AT}/action/1/definitionCanonical",
                "fhir-unmapped",
                "the PlanDefinition's action names another definition of 'knees-to-chest' than "
                "the CarePlan's activity 1; " + CARE_PLAN_READ,
            )
        ),
    )


NOT_INSTANTIATED = "a PlanDefinition that the CarePlan does not instantiate is not read"


def test_a_template_the_care_plan_does_not_instantiate_is_reported_and_not_compared() -> None:
    bundle = bundle_with_template(left_hip(), attrs.evolve(left_hip(), name="Another routine"))
    [template] = resources_of(bundle, "PlanDefinition")
    template["url"] = f"{BASE}/PlanDefinition/another"
    assert both_errors(template) == NO_ERRORS
    assert read_unchanged(bundle) == FhirImport(
        value=left_hip(),
        problems=problems((TEMPLATE_AT, "fhir-unmapped", NOT_INSTANTIATED)),
    )


def test_several_templates_are_each_compared_or_reported() -> None:
    bundle = to_fhir(left_hip())
    [template] = resources_of(bundle, "PlanDefinition")
    renamed = copy.deepcopy(template) | {"title": "Hip, left"}
    other = copy.deepcopy(template) | {"url": f"{BASE}/PlanDefinition/another"}
    bundle["entry"][4:4] = [{"resource": renamed}, {"resource": other}]
    assert read_unchanged(bundle) == FhirImport(
        value=left_hip(),
        problems=problems(
            (
                "/entry/4/resource/title",
                "fhir-unmapped",
                "the PlanDefinition gives the title 'Hip, left', the CarePlan 'Left hip pain'; "
                + CARE_PLAN_READ,
            ),
            ("/entry/5/resource", "fhir-unmapped", NOT_INSTANTIATED),
        ),
    )


def test_the_template_is_read_with_its_own_problems_at_its_own_paths() -> None:
    bundle = to_fhir(left_hip())
    [template] = resources_of(bundle, "PlanDefinition")
    template["action"][2]["participant"] = [{"type": "patient"}]
    assert read_unchanged(bundle) == FhirImport(
        value=left_hip(),
        problems=problems(
            (
                f"{TEMPLATE_AT}/action/2/participant",
                "fhir-unmapped",
                "the model has no place for 'participant': [{'type': 'patient'}]",
            )
        ),
    )
    template["action"][0]["modifierExtension"] = [
        {"url": "https://example.org/not", "valueBoolean": True}
    ]
    assert read_unchanged(bundle) == FhirImport(
        value=None,
        problems=problems(
            (
                f"{TEMPLATE_AT}/action/0/modifierExtension",
                "fhir-modifier-extension",
                (
                    "a modifier extension changes the meaning of what it stands on, and this "
                    "reader does not know it: ['https://example.org/not']"
                ),
            ),
            (
                f"{TEMPLATE_AT}/action/2/participant",
                "fhir-unmapped",
                "the model has no place for 'participant': [{'type': 'patient'}]",
            ),
        ),
    )


@pytest.mark.parametrize("kept", ["CarePlan", "PlanDefinition"])
def test_an_exercise_of_the_bundle_that_no_item_names_is_reported(kept: str) -> None:
    bundle = to_fhir(left_hip())
    bundle["entry"] = [
        {"resource": to_fhir(FULL)},
        *[
            entry
            for entry in bundle["entry"]
            if entry["resource"]["resourceType"] in {"ActivityDefinition", kept}
        ],
    ]
    routine = left_hip()
    if kept == "PlanDefinition":  # alone, it reads with the default schedule
        routine = attrs.evolve(
            routine, frequency=attrs.evolve(routine.frequency, days_per_week=7), weeks=None
        )
    assert read_unchanged(bundle) == FhirImport(
        value=routine,
        problems=problems(
            (
                "/entry/0/resource",
                "fhir-unmapped",
                (
                    "no item of the routine names this ActivityDefinition "
                    f"({FULL.id!r}): it is not kept"
                ),
            )
        ),
    )


# Without the validators each example is a few milliseconds: the thorough profile's 300 run.
@given(routines(max_items=4, progression=True, deviations=True), st.data())
def test_a_template_adds_problems_exactly_when_it_disagrees_and_the_plan_is_read(
    routine: Routine, data: st.DataObject
) -> None:
    order = data.draw(st.permutations(range(len(routine.items))), label="order")
    kept = data.draw(st.integers(1, len(routine.items)), label="actions kept")
    name = data.draw(st.sampled_from([routine.name, "A tailored routine"]), label="title")
    template = attrs.evolve(
        routine, name=name, items=tuple(routine.items[index] for index in order[:kept])
    )
    bundle = to_fhir(routine)
    at = next(
        index
        for index, entry in enumerate(bundle["entry"])
        if entry["resource"]["resourceType"] == "PlanDefinition"
    )
    [theirs] = resources_of(to_fhir(template), "PlanDefinition")
    bundle["entry"][at]["resource"].update(
        {key: theirs[key] for key in ("title", "action", "text")}
    )
    found = read_unchanged(bundle)
    alone = from_fhir(to_fhir(routine))
    assert found.value == routine == alone.value
    # The template's own warnings are the plan's (its items are the plan's), so said once; what
    # it adds is its differences, each at its own element.
    assert found.problems[: len(alone.problems)] == alone.problems
    added = found.problems[len(alone.problems) :]
    assert {(each.code, each.path.split("/action")[0].split("/title")[0]) for each in added} <= {
        ("fhir-unmapped", f"/entry/{at}/resource")
    }
    assert (added == ()) == ((template.name, template.items) == (routine.name, routine.items))


def test_two_activity_definitions_with_one_url_are_reported_never_replaced_unsaid() -> None:
    bundle = to_fhir(left_hip())
    # The message shows the url cut to 60 characters, as every FHIR message shows a value.
    url = repr(bundle["entry"][0]["resource"]["url"])[:57] + "..."
    copied = copy.deepcopy(bundle)
    copied["entry"].append(copy.deepcopy(bundle["entry"][0]))
    kept = copy.deepcopy(copied)

    # The same exercise twice: read once, and the copy said.
    assert from_fhir(copied) == FhirImport(
        value=left_hip(),
        problems=problems(
            (
                "/entry/5/resource/url",
                "fhir-unmapped",
                (
                    f"another ActivityDefinition of this bundle has the url {url}, with the "
                    "same exercise: this copy is not read again"
                ),
            ),
        ),
    )
    assert copied == kept
    # Another exercise under the same url: which one the plan names cannot be told.
    copied["entry"][5]["resource"]["title"] = "Another stretch"
    assert from_fhir(copied) == FhirImport(
        value=None,
        problems=problems(
            (
                "/entry/5/resource/url",
                "fhir-invalid",
                (
                    f"another ActivityDefinition of this bundle has the url {url}, with "
                    "another exercise: which one a reference means cannot be told"
                ),
            ),
        ),
    )
