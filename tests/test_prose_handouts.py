"""Precision and recall of extract_dose on handout-style sentences nobody tuned it on first.

The sample (``fixtures/handout_dose_labels.json``) was written for this project in the style of
public patient handouts and labelled by hand before the reader was changed for it; it is split
into a ``dev`` half, which the reader was tuned on, and a ``held_out`` half, run once at the end
(docs/prose.md, "Measured on handout-style text").
"""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

from solpt_rehab.prose import DoseReading, extract_dose

FIXTURES = Path(__file__).resolve().parent / "fixtures"
FIELDS = ("hold", "count", "sets", "side", "counting")

Score = dict[str, tuple[int, int, int]]


def found(reading: DoseReading) -> dict[str, object]:
    """What the reading states, in the labels' terms."""
    count: object = None
    if reading.reps_range is not None:
        count = list(reading.reps_range)
    elif reading.up_to_reps is not None:
        count = {"up_to": reading.up_to_reps}
    return {
        "hold": None if reading.hold_range is None else list(reading.hold_range),
        "count": count,
        "sets": None if reading.sets_range is None else list(reading.sets_range),
        "side": None if reading.laterality is None else reading.laterality.value,
        "counting": None if reading.counting is None else reading.counting.value,
    }


def score(rows: list[dict[str, object]]) -> Score:
    """Hits, false positives and misses per field.

    A value found and equal to its label is a hit; a value found and different (or found where
    the label has none) a false positive; a labelled value not found, or found different, a miss.
    """
    tally = {field: [0, 0, 0] for field in FIELDS}
    for row in rows:
        values = found(extract_dose(str(row["text"])))
        for field in FIELDS:
            value, expected = values[field], row[field]
            if value is not None and value == expected:
                tally[field][0] += 1
                continue
            tally[field][1] += value is not None
            tally[field][2] += expected is not None
    return {field: (hits, wrong, missed) for field, (hits, wrong, missed) in tally.items()}


def labels() -> dict[str, list[dict[str, object]]]:
    data = json.loads((FIXTURES / "handout_dose_labels.json").read_text("utf-8"))
    return {"dev": data["dev"], "held_out": data["held_out"]}


def test_the_sample_is_split_in_two_halves_with_every_field_labelled() -> None:
    parts = labels()
    assert (len(parts["dev"]), len(parts["held_out"])) == (53, 54)
    texts = [row["text"] for part in parts.values() for row in part]
    assert len(set(texts)) == len(texts)
    assert all(set(row) == {"text", *FIELDS} for part in parts.values() for row in part)


def rates(tally: tuple[int, int, int]) -> tuple[Fraction, Fraction]:
    hits, wrong, missed = tally
    return Fraction(hits, max(hits + wrong, 1)), Fraction(hits, max(hits + missed, 1))


#: Hits, false positives and misses per field, measured once on each half (docs/prose.md). The
#: held-out half was run once, after the reader was written, and not tuned on afterwards.
MEASURED: dict[str, Score] = {
    "dev": {
        "hold": (17, 0, 0),
        "count": (19, 0, 0),
        "sets": (1, 0, 0),
        "side": (21, 0, 0),
        "counting": (8, 0, 0),
    },
    "held_out": {
        # misses: "Rest your hand on ... and hold the stretch for 15 seconds" reads a rest;
        # "Do 10 calf raises" has no unit the reader takes for a count
        "hold": (20, 0, 1),
        "count": (20, 0, 1),
        "sets": (4, 0, 0),
        "side": (25, 0, 0),
        "counting": (5, 0, 0),
    },
}


def test_the_figures_in_the_docs_are_what_the_reader_scores() -> None:
    parts = labels()
    assert {part: score(rows) for part, rows in parts.items()} == MEASURED


def test_the_held_out_half_meets_the_goal_of_issue_19_per_field() -> None:
    for field, tally in score(labels()["held_out"]).items():
        precision, recall = rates(tally)
        assert precision >= Fraction(97, 100), field
        assert recall >= Fraction(92, 100), field
