"""The command line's ``export fhir`` and ``import fhir``."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import attrs
import pytest

from solpt_rehab import Progression, Routine, RoutineBuilder, catalog, dumps, to_document
from solpt_rehab._cli import main
from solpt_rehab.fhir import to_fhir

ROUTINE = (
    RoutineBuilder("Left hip pain", days_per_week=5, weeks=6)
    .add("figure-4-stretch", side="left", hold_seconds=20)
    .add("knees-to-chest", reps=5)
    .add("lying-march", reps=10)
    .build()
)


PROGRESSING = (
    RoutineBuilder("Left hip, rising", days_per_week=5, weeks=6, start=datetime.date(2026, 12, 7))
    .add(
        "knees-to-chest",
        hold_seconds=20,
        progression=Progression(dose="hold_seconds", step=2.5, every_sessions=3, until=29.5),
    )
    .add("lying-march", reps=8, progression=Progression(dose="reps", step=1, every_weeks=2))
    .build()
)


@pytest.mark.parametrize("routine", [ROUTINE, PROGRESSING], ids=["article", "progression"])
def test_export_writes_the_bundle_and_import_reads_it_back_to_the_same_document(
    routine: Routine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "routine.json"
    source.write_text(dumps(routine), encoding="utf-8")
    bundle, document = tmp_path / "bundle.json", tmp_path / "back.json"
    assert main(["export", "fhir", str(source), "-o", str(bundle)]) == 0
    assert json.loads(bundle.read_text(encoding="utf-8")) == to_fhir(routine)
    assert main(["import", "fhir", str(bundle), "-o", str(document)]) == 0
    assert json.loads(document.read_text(encoding="utf-8")) == to_document(routine)
    assert capsys.readouterr() == ("", "")


def test_export_of_one_exercise_prints_its_activity_definition(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "march.json"
    source.write_text(dumps(catalog.get("lying-march")), encoding="utf-8")
    assert main(["export", "fhir", str(source)]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out) == to_fhir(catalog.get("lying-march"))
    assert err == ""


def test_export_reports_a_document_s_problems_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "bad.json"
    source.write_text('{"kind": "exercise", "format_version": 2, "id": "Plank"}', encoding="utf-8")
    out_path = tmp_path / "out.json"
    assert main(["export", "fhir", str(source), "-o", str(out_path)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines()[0] == (
        f"{source}: error not-a-slug: 'id' must be a slug of lowercase letters and digits "
        "joined by single hyphens: 'Plank' (at /id)"
    )
    assert not out_path.exists()


def test_export_refuses_a_session_log_and_a_missing_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "log.json"
    log.write_text(
        json.dumps(
            {
                "kind": "session-log",
                "format_version": 2,
                "date": "2026-03-01",
                "items": [{"exercise": "knees-to-chest", "sets": [{"reps": 3}]}],
            }
        ),
        encoding="utf-8",
    )
    assert main(["export", "fhir", str(log)]) == 1
    assert capsys.readouterr().err == (
        f"solpt-rehab export: {str(log)!r} is a session log, which has no FHIR form here; give "
        "an exercise, catalog or routine document\n"
    )
    missing = tmp_path / "missing.json"
    assert main(["export", "fhir", str(missing)]) == 2
    assert capsys.readouterr().err == (
        f"solpt-rehab export: cannot read {str(missing)!r}: no such file or directory\n"
    )


def test_import_prints_every_problem_of_a_plan_written_without_the_extensions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = {
        "resourceType": "CarePlan",
        "status": "active",
        "intent": "plan",
        "title": "Hips",
        "subject": {"display": "the patient"},
        "activity": [{"detail": {"code": {"text": "Bridge"}, "status": "scheduled"}}],
    }
    source = tmp_path / "plan.json"
    source.write_text(json.dumps(plan), encoding="utf-8")
    assert main(["import", "fhir", str(source), "-o", str(tmp_path / "out.json")]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [
        (
            f"{source}: error fhir-missing: the activity names no ActivityDefinition "
            "(at /activity/0/detail/instantiatesCanonical)"
        ),
        (
            f"{source}: error fhir-missing: the prescribed dose is not stated (core FHIR reads a "
            "Timing's count over the whole schedule; the extension "
            "'https://solpt-rehab.invalid/fhir/StructureDefinition/dose' states one performance's "
            "dose) (at /activity/0/detail/extension)"
        ),
        "solpt-rehab import: nothing written: the FHIR has errors",
    ]
    assert not (tmp_path / "out.json").exists()


def test_import_escapes_what_it_prints_and_reports_text_that_is_not_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    resource = to_fhir(catalog.get("lying-march"))
    resource["title"] = "March\x1b[2J"
    source = tmp_path / "march.json"
    source.write_text(json.dumps(resource), encoding="utf-8")
    assert main(["import", "fhir", str(source)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "\x1b" not in err
    assert err.splitlines()[0] == (
        f"{source}: error control-character: 'name' must not hold control characters or "
        "bidirectional overrides (U+001B at index 5): 'March\\x1b[2J' (at /title)"
    )
    source.write_text("{", encoding="utf-8")
    assert main(["import", "fhir", str(source)]) == 1
    assert capsys.readouterr() == (
        "",
        (
            f"{source}: error malformed-json: the text is not JSON: Expecting property name "
            "enclosed in double quotes: line 1 column 2 (char 1)\n"
        ),
    )


def test_import_of_a_catalog_bundle_writes_a_catalog_to_standard_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "bundle.json"
    source.write_text(json.dumps(to_fhir(catalog.all())), encoding="utf-8")
    assert main(["import", "fhir", str(source)]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out) == to_document(catalog.all())
    assert err == ""


def test_export_of_a_count_fhir_cannot_carry_is_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    march = catalog.get("lying-march")
    many = attrs.evolve(march, repetitions=attrs.evolve(march.repetitions, max_reps=2**31))
    source = tmp_path / "many.json"
    source.write_text(dumps(many), encoding="utf-8")
    out_path = tmp_path / "out.json"

    assert main(["export", "fhir", str(source), "-o", str(out_path)]) == 1
    assert capsys.readouterr() == (
        "",
        (
            "solpt-rehab export: 'max' in the 'repetitions' extension is 2147483648, more than "
            "FHIR R4 can carry: a positiveInt is at most 2147483647\n"
        ),
    )
    assert not out_path.exists()


def test_import_of_a_bundle_whose_template_disagrees_writes_the_care_plan_s_routine_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bundle = to_fhir(ROUTINE)
    template = bundle["entry"][3]["resource"]
    template["title"] = "Hip\x1b[2J, tailored"
    del template["action"][2]
    source, document = tmp_path / "bundle.json", tmp_path / "back.json"
    source.write_text(json.dumps(bundle), encoding="utf-8")
    assert main(["import", "fhir", str(source), "-o", str(document)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        (
            f"{source}: error control-character: 'name' must not hold control characters or "
            "bidirectional overrides (U+001B at index 3): 'Hip\\x1b[2J, tailored' "
            "(at /entry/3/resource/title)"
        ),
        "solpt-rehab import: nothing written: the FHIR has errors",
    ]
    assert not document.exists()
    template["title"] = "Hip, tailored"
    source.write_text(json.dumps(bundle), encoding="utf-8")
    assert main(["import", "fhir", str(source), "-o", str(document)]) == 0
    assert json.loads(document.read_text(encoding="utf-8")) == to_document(ROUTINE)
    assert capsys.readouterr() == (
        "",
        (
            f"{source}: warning fhir-unmapped: the PlanDefinition gives the title 'Hip, tailored', "
            "the CarePlan 'Left hip pain'; the care plan's is read (at /entry/3/resource/title)\n"
            f"{source}: warning fhir-unmapped: the PlanDefinition has 2 actions, the CarePlan 3 "
            "activities; no action stands for the activities of ['lying-march'] "
            "(at /entry/3/resource/action)\n"
        ),
    )
