"""The fuzzing harness's checks hold on its seeds and on Hypothesis' inputs.

These are the promises ``fuzz/run.py`` checks for hours under atheris; here each check runs on
the seed documents and on a few hundred inputs per test run, so a broken promise shows up in CI
too, and the harness itself stays tested.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "fuzz"))

from harness import (
    SEEDS,
    ByteSource,
    check_document,
    check_hostile,
    check_text,
    check_yaml,
    hostile_choice,
    hostile_seeds,
    mutate,
    read_hostile,
)
from solpt_rehab import dumps, from_document, validate


@pytest.mark.parametrize("document", SEEDS, ids=[d["kind"] for d in SEEDS])
def test_every_seed_is_valid_and_passes_the_text_check(document: dict[str, object]) -> None:
    assert validate(document).ok
    check_text(dumps(from_document(document)).encode())


@given(st.binary(max_size=400))
def test_the_text_check_holds_on_any_bytes(data: bytes) -> None:
    check_text(data)


@given(st.text(alphabet='{}[]:," 0123456789.eE-+truefalsnNIiy\\u\n', max_size=200))
def test_the_text_check_holds_on_json_like_text(text: str) -> None:
    check_text(text.encode())


@given(st.binary(max_size=400))
def test_the_document_check_holds_on_any_bytes(data: bytes) -> None:
    check_document(data)


@given(st.binary(max_size=200))
def test_the_yaml_check_holds_on_any_bytes(data: bytes) -> None:
    check_yaml(data)


def test_a_byte_source_gives_the_simplest_choices_when_it_runs_out() -> None:
    source = ByteSource(b"")
    assert (source.byte(), source.below(10), source.pick(("a", "b")), source.number()) == (
        0,
        0,
        "a",
        0,
    )


def test_mutations_change_a_copy_and_leave_the_seed_alone() -> None:
    seed = SEEDS[0]
    before = dumps(from_document(seed))
    mutated = mutate(seed, ByteSource(bytes(range(256))))
    assert mutated != seed
    assert dumps(from_document(seed)) == before


@pytest.mark.parametrize("name", sorted(hostile_seeds()))
def test_every_hostile_family_is_answered_at_its_seed_size(name: str) -> None:
    text, reader = hostile_seeds()[name]
    read_hostile(text.decode(), reader)


@pytest.mark.parametrize("name", sorted(hostile_seeds()))
def test_the_hostile_check_grows_each_family_from_its_choice(name: str) -> None:
    check_hostile(hostile_choice(name, 500))


@given(st.binary(max_size=40))
def test_the_hostile_check_holds_on_any_bytes(data: bytes) -> None:
    check_hostile(data, max_size=4096)  # small: the fuzzer grows them to 256 KB


def test_the_yaml_check_finds_loads_and_validate_text_in_agreement() -> None:
    check_yaml(b"kind: exercise\n")
    check_yaml(hostile_seeds()["yaml-tag"][0])
