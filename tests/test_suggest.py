"""The one rule of every "did you mean": close names only."""

from __future__ import annotations

import pytest

from solpt_rehab._core.suggest import close_matches, unknown_id_hint
from solpt_rehab._model.values import Exercise
from solpt_rehab._wire.spec import shape_of

EXERCISE_KEYS = list(shape_of(Exercise).keys)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("nmae", ["name"]),  # two neighbours swapped: one edit
        ("sourse", ["source"]),
        ("hols", ["hold"]),  # starts alike
        ("repetition", ["repetitions"]),
        ("force", []),  # shares "orce" with 'source', and nothing else
        ("mechanic", []),
        ("colour", []),
    ],
)
def test_an_unknown_key_gets_only_a_close_known_key(given: str, expected: list[str]) -> None:
    assert close_matches(given, EXERCISE_KEYS, n=1) == expected


@pytest.mark.parametrize(
    ("given", "hint"),
    [
        ("lying-marsh", "did you mean 'lying-march'?"),
        ("march", "did you mean 'lying-march'?"),  # held whole
        ("figure-four-stretch", "did you mean 'figure-4-stretch'?"),
        ("bridge", "known ids: 'figure-4-stretch', 'knees-to-chest', 'lying-march'"),
    ],
)
def test_an_unknown_id_gets_the_close_ids_or_the_list(given: str, hint: str) -> None:
    known = ("figure-4-stretch", "knees-to-chest", "lying-march")
    assert unknown_id_hint(given, known) == hint


def test_a_hint_without_known_ids_or_with_many_says_so() -> None:
    assert unknown_id_hint("plank", ()) == "no exercises are known"
    many = tuple(f"stretch-{number}" for number in range(20))
    assert unknown_id_hint("plank", many) == "none of the 20 known ids is close"
