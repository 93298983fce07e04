"""``import solpt_rehab`` loads only what it needs: the rest costs nothing until used.

The cost itself is measured by ``benchmarks/import_cost.py``; these tests pin down what is
imported, which is what decides it.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

import solpt_rehab

OPTIONAL = ("hypothesis", "yaml", "jsonschema", "pydantic", "msgspec", "pytest", "jinja2")
WIRE_LAYER = (
    "solpt_rehab._wire.documents",
    "solpt_rehab._wire.fast",
    "solpt_rehab._wire.markers",
    "solpt_rehab._wire.spec",
    "solpt_rehab._wire.text",
    "solpt_rehab._wire.validate",
    "solpt_rehab._wire.write",
)
#: The session logs' values, which the wire format reads and writes.
LOGS = ("solpt_rehab._logs", "solpt_rehab._logs.values")
#: The handout's package, which only a caller who wants a handout imports.
HANDOUT = ("solpt_rehab.handout", "solpt_rehab.handout._content", "solpt_rehab.handout._html")
#: Progression: the rules' values, and the dose in force (which reads the logs).
PROGRESSION = ("solpt_rehab._logs.progression", "solpt_rehab._routines.progression")
DEFERRED = (
    "cattrs",
    "difflib",
    "json",
    "msgspec",
    *WIRE_LAYER,
    "solpt_rehab._wire.schema",
    "solpt_rehab._routines.timing",
    "solpt_rehab._present",
    *LOGS,
    "solpt_rehab._logs.adherence",
    *HANDOUT,
    "solpt_rehab._logs.progression",
    "solpt_rehab._routines.progression",
)


def loaded_after(code: str, names: tuple[str, ...]) -> list[str]:
    """Run ``code`` in a fresh interpreter and list which of ``names`` it has imported."""
    script = f"{code}\nimport sys\nprint(sorted(set(sys.modules) & set({names!r})))"
    result = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    return list(eval(result.stdout))  # noqa: S307 - the repr of a list of str printed above


def test_importing_the_library_loads_no_optional_dependency() -> None:
    assert loaded_after("import solpt_rehab, solpt_rehab.catalog", OPTIONAL) == []


def test_importing_the_library_defers_msgspec_json_and_the_wire_layer() -> None:
    assert loaded_after("import solpt_rehab, solpt_rehab.catalog", DEFERRED) == []


def test_the_handout_loads_jinja2_only_to_write_a_page() -> None:
    assert loaded_after("import solpt_rehab.handout", OPTIONAL) == []
    code = (
        "from solpt_rehab import RoutineBuilder\n"
        "from solpt_rehab.handout import handout_html\n"
        "handout_html(RoutineBuilder('r').add('knees-to-chest').build())"
    )
    assert loaded_after(code, OPTIONAL) == ["jinja2"]


def test_building_a_routine_needs_neither_msgspec_nor_the_timeline() -> None:
    code = (
        "import solpt_rehab\n"
        "b = solpt_rehab.RoutineBuilder('r')\n"
        "b.add('figure-4-stretch', side='left')\n"
        "b.build()"
    )
    assert loaded_after(code, DEFERRED) == []


@pytest.mark.parametrize(
    ("code", "loaded"),
    [
        (
            "from solpt_rehab import loads",
            ["json", "msgspec", *WIRE_LAYER, *LOGS, "solpt_rehab._routines.progression"],
        ),
        (
            "import solpt_rehab; solpt_rehab.json_schema",
            [
                "solpt_rehab._wire.schema",
                "solpt_rehab._wire.spec",
                *LOGS,
                "solpt_rehab._routines.progression",
            ],
        ),
        ("import solpt_rehab; solpt_rehab.SessionLog", list(LOGS)),
        (
            "from solpt_rehab import adherence",
            [*LOGS, "solpt_rehab._logs.adherence", *PROGRESSION],
        ),
        ("from solpt_rehab import dose_on", [*LOGS, *PROGRESSION]),
        ("import solpt_rehab; solpt_rehab.Progression", ["solpt_rehab._routines.progression"]),
        ("import solpt_rehab; solpt_rehab.Cue", ["solpt_rehab._routines.timing"]),
        ("import solpt_rehab; solpt_rehab.Pacing", ["solpt_rehab._routines.timing"]),
        ("from solpt_rehab import session_duration", ["solpt_rehab._routines.timing"]),
        ("from solpt_rehab import session_timeline", ["solpt_rehab._routines.timing"]),
        (
            "from solpt_rehab import format_timeline",
            ["solpt_rehab._present", "solpt_rehab._routines.timing"],
        ),
        ("from solpt_rehab._routines import values", []),
        (
            "import solpt_rehab.handout",
            ["json", "solpt_rehab._routines.progression", "solpt_rehab._routines.timing", *HANDOUT],
        ),
    ],
)
def test_a_deferred_name_loads_its_module_on_first_use(code: str, loaded: list[str]) -> None:
    assert [name for name in loaded_after(code, DEFERRED) if name != "difflib"] == sorted(loaded)


def test_deferred_names_are_listed_and_resolve_to_their_definitions() -> None:
    from solpt_rehab import _present  # noqa: PLC0415
    from solpt_rehab._logs import adherence as _adherence  # noqa: PLC0415
    from solpt_rehab._routines import timing as _timeline  # noqa: PLC0415
    from solpt_rehab._wire import documents as _documents  # noqa: PLC0415
    from solpt_rehab._wire import schema as _schema  # noqa: PLC0415
    from solpt_rehab._wire import validate as _validate  # noqa: PLC0415

    assert {"Cue", "Report", "json_schema", "loads", "validate"} <= set(dir(solpt_rehab))
    assert solpt_rehab.loads is _documents.loads
    assert solpt_rehab.json_schema is _schema.json_schema
    assert solpt_rehab.Report is _validate.Report
    assert solpt_rehab.format_timeline is _present.format_timeline
    assert solpt_rehab.Pacing is _timeline.Pacing
    assert solpt_rehab.session_duration is _timeline.session_duration
    assert solpt_rehab.session_timeline is _timeline.session_timeline
    assert solpt_rehab.adherence is _adherence.adherence
    assert set(solpt_rehab.__all__) <= set(dir(solpt_rehab))


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError) as raised:
        _ = solpt_rehab.lods  # type: ignore[attr-defined]
    assert str(raised.value) == "module 'solpt_rehab' has no attribute 'lods'"
    with pytest.raises(ImportError) as not_imported:
        from solpt_rehab import lods  # type: ignore[attr-defined]  # noqa: F401, PLC0415
    assert str(not_imported.value).startswith("cannot import name 'lods' from 'solpt_rehab'")
