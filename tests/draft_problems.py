"""Inputs that raise each problem code of drafting from prose, of articles and of the importer.

Kept beside the registry's tests (test_codes.py), which check that these and the validator's
inputs together raise every registered code. The codes of adherence are kept apart
(``ADHERENCE``): they are not drafting's, whose codes test_codes.py finds in the source.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence

import attrs

from solpt_rehab import (
    ItemLog,
    Problem,
    RoutineBuilder,
    SessionLog,
    SetLog,
    adherence,
    catalog,
    to_document,
    validate,
)
from solpt_rehab.importers.free_exercise_db import import_exercises
from solpt_rehab.prose import read_article


def _entry(**changes: object) -> list[dict[str, object]]:
    return [{"id": "Squat", "name": "Squat", "instructions": ["Stand up."], **changes}]


def _article(text: str) -> Callable[[], Sequence[Problem]]:
    return lambda: read_article(text).problems


def _imported(data: object) -> Callable[[], Sequence[Problem]]:
    return lambda: import_exercises(data).problems


def _validated(step: str) -> Callable[[], Sequence[Problem]]:
    """The validator's problems for the lying march with one more step, which states ``step``."""
    march = catalog.get("lying-march")
    changed = attrs.evolve(march, steps=(*march.steps, attrs.evolve(march.steps[-1], text=step)))
    return lambda: validate(to_document(changed)).problems


def _adherence(*items: ItemLog, date: str = "2026-12-07") -> Callable[[], Sequence[Problem]]:
    """Adherence's problems for a routine of the lying march and two logs of ``items``, at
    ``date`` and 7 December 2026 (07:30 both), over 7 December 2026."""
    builder = RoutineBuilder("March")
    builder.add("lying-march")
    day = datetime.date(2026, 12, 7)
    logs = [SessionLog(date=date, time="07:30", items=items)] * 2
    return lambda: adherence(builder.build(), logs, day, day).problems


_MARCH = ItemLog(exercise="lying-march", sets=[SetLog(reps=8)])


#: Each code, and what raises it (the validator's prose check too, for the codes it gained with
#: the readings of sets, timed work and load).
DRAFTS: dict[str, Callable[[], Sequence[Problem]]] = {
    "hold-not-stated": _article("1. Squat\n- Stand up.\n"),
    "hold-unquantified": _article("1. Tilt\n- Hold for a few seconds.\n"),
    "hold-open-ended": _article("1. Push\n- Push for 10 or more seconds.\n"),
    "repetitions-not-stated": _article("1. Squat\n- Stand up.\n"),
    "laterality-not-stated": _article("1. Squat\n- Stand up.\n"),
    "counting-not-stated": _article("1. Step\n- Step up on each side.\n"),
    "id-renamed": _imported(_entry() * 2),
    "no-exercises": _article("Just a title"),
    "no-steps": _article("1. Squat\nPurpose: Strength.\n"),
    "purpose-missing": _article("1. Squat\n- Stand up.\n"),
    "missing-field": _imported([{"id": "Squat", "instructions": ["Stand up."]}]),
    "bad-id": _imported(_entry(id="__")),
    "no-instructions": _imported(_entry(instructions=[])),
    "value-dropped": _imported(_entry(level="guru")),
    "prose-sets-mismatch": _validated("Do 2 sets."),
    "prose-work-mismatch": _validated("March on the spot for 30 seconds."),
    "prose-load-mismatch": _validated("Hold a 1 kg weight in each hand."),
}

#: Each code of adherence (the logs read against their routine), and what raises it.
ADHERENCE: dict[str, Callable[[], Sequence[Problem]]] = {
    "log-outside-programme": _adherence(_MARCH, date="2026-12-08"),
    "duplicate-session": _adherence(_MARCH),
    "log-unknown-exercise": _adherence(ItemLog(exercise="bridge", sets=[SetLog(reps=8)])),
    "log-dose-far": _adherence(ItemLog(exercise="lying-march", sets=[SetLog(reps=17)])),
}
