"""Documents of wire format 1, written by release 0.1.0, read back to equal values.

The fixtures in ``fixtures/version-1`` were written by the release before format 2 (commit
cf07b54): the built-in catalog, the article's routine, a routine with an embedded exercise and a
deviation, and 40 exercises and routines its strategies drew. Format 2 only adds keys, so a value
read from a version-1 document writes the same document again, at version 2, with each new key
at its default (``null`` or ``[]``), and nothing of the old document is lost.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from solpt_rehab import from_document, loads, to_document, validate

FIXTURES = Path(__file__).parent / "fixtures" / "version-1"


def _documents() -> list[tuple[str, dict[str, Any]]]:
    found: list[tuple[str, dict[str, Any]]] = []
    for path in sorted(FIXTURES.glob("*.json")):
        content = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(content, list):
            found.extend((f"{path.stem}[{index}]", item) for index, item in enumerate(content))
        else:
            found.append((path.stem, content))
    return found


DOCUMENTS = _documents()


def test_the_fixtures_are_version_1_and_cover_every_kind() -> None:
    assert len(DOCUMENTS) == 43
    assert {document["format_version"] for _, document in DOCUMENTS} == {1}
    assert {document["kind"] for _, document in DOCUMENTS} == {"exercise", "catalog", "routine"}


def _kept(old: object, new: object, at: str = "") -> list[str]:
    """Where ``new`` loses or changes what ``old`` says; a key ``new`` adds is at its default."""
    if isinstance(old, dict) and isinstance(new, dict):
        lost = [f"{at}/{key}" for key in old if key not in new]
        for key, value in new.items():
            if key in old:
                lost += _kept(old[key], value, f"{at}/{key}")
            elif value not in (None, []):
                lost.append(f"{at}/{key} (new, not at its default)")
        return lost
    if isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        return [
            found
            for index, pair in enumerate(zip(old, new, strict=True))
            for found in _kept(*pair, f"{at}/{index}")
        ]
    return [] if old == new and type(old) is type(new) else [at or "/"]


@pytest.mark.parametrize(("name", "document"), DOCUMENTS, ids=[name for name, _ in DOCUMENTS])
def test_a_version_1_document_reads_to_a_value_that_writes_it_again_at_version_2(
    name: str, document: dict[str, Any]
) -> None:
    assert validate(document).errors == ()
    value = from_document(document)
    text = (FIXTURES / f"{name.split('[', maxsplit=1)[0]}.json").read_text(encoding="utf-8")
    if "[" not in name:
        assert loads(text) == value
    written = to_document(value)
    assert written["format_version"] == 2
    assert _kept({**document, "format_version": 2}, written) == []
    assert from_document(written) == value


def test_a_version_1_document_may_not_hold_a_key_of_version_2() -> None:
    document = json.loads((FIXTURES / "routine-embedded-deviation.json").read_text("utf-8"))
    document["items"][0]["sets"] = 2
    document["items"][0]["exercise"]["precautions"] = ["Stop if it hurts."]
    document["notes"] = "Call us."
    assert [(found.path, found.code, found.message) for found in validate(document).problems] == [
        (
            "/items/0/exercise/precautions",
            "unknown-key",
            "key 'precautions' is new in format version 2; this document is version 1",
        ),
        (
            "/items/0/sets",
            "unknown-key",
            "key 'sets' is new in format version 2; this document is version 1",
        ),
        (
            "/notes",
            "unknown-key",
            "key 'notes' is new in format version 2; this document is version 1",
        ),
    ]


def test_a_version_1_document_states_its_count_as_version_1_required() -> None:
    document = json.loads((FIXTURES / "catalog.json").read_text("utf-8"))
    document["exercises"][0]["repetitions"]["min_reps"] = None
    del document["exercises"][1]["repetitions"]["min_reps"]
    assert [(found.path, found.code, found.message) for found in validate(document).problems] == [
        (
            "/exercises/0/repetitions/min_reps",
            "wrong-type",
            "'min_reps' must be a whole number: null",
        ),
        ("/exercises/1/repetitions/min_reps", "missing-key", "missing required key 'min_reps'"),
    ]
    document["format_version"] = 2  # version 2 reads both as a count the source leaves unstated
    assert validate(document).errors == ()
