"""Drafting exercises from their steps: the dose, the step kinds and the position, and an id.

:func:`draft_exercise` gathers what :func:`~._reading.extract_dose` read in each step into one
hold, one repetition scheme, a kind for each step and a position, and notes every gap it fills
with a documented fallback (:data:`DEFAULT_LATERALITY`, :data:`DEFAULT_COUNTING`). The article
reader and the free-exercise-db importer both draft with it, and make ids with :func:`slug_of`
and :class:`Ids`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Final

import attrs

from .._model.values import (
    CountingRule,
    Hold,
    Laterality,
    Load,
    Position,
    RepetitionScheme,
    Rest,
    Sets,
    Step,
    StepKind,
    TimedWork,
    format_range,
)
from ._reading import DoseReading, Mention, MentionStatus, seconds_text
from ._vocabulary import HOLD_BEFORE, SIDE_CUES

#: The side a draft records when no step gives a side cue: the whole body working at once, which
#: is what an instruction without any side cue describes (a squat, a crunch, a bridge).
DEFAULT_LATERALITY: Final = Laterality.BILATERAL
#: How a draft reads an unstated two-sided count: alternating work counts every repetition
#: (the catalog's reading of the lying march); each-side work counts each side's set.
DEFAULT_COUNTING: Final[Mapping[Laterality, CountingRule]] = MappingProxyType(
    {Laterality.ALTERNATING: CountingRule.TOTAL, Laterality.EACH_SIDE: CountingRule.PER_SIDE}
)
_SIDE_PRIORITY: Final = tuple(laterality for laterality, _ in SIDE_CUES)
#: Where a dose stated once for every exercise comes from.
_SHARED: Final = "the text before the first exercise"

_SETUP_STRONG: Final = re.compile(
    r"^\W*(?:(?:to\s+begin|first)\W+)?(?:lie|lay|sit|stand|kneel|place|put|position|grab|grasp"
    r"|get\s+into|start|begin|set\s+up|attach|adjust|secure|load|assume)\b"
    r"|\b(?:this|that)\s+(?:will\s+be|is)\s+(?:your|the)\s+start(?:ing)?\s+position\b",
    re.IGNORECASE,
)
_SETUP_LEADING: Final = re.compile(
    r"^\W*(?:bend|cross|wrap|hold|rest|keep|hook|clasp|take|step|face|lean|use)\b",
    re.IGNORECASE,
)
_REPEAT_STEP: Final = re.compile(
    r"^\W*(?:(?:then|now|next)\W+)?(?:repeat|continue|alternate|switch|keep\s+switching"
    r"|do\s+the\s+(?:same|stretch|exercise|movement|whole)|perform\s+the\s+(?:same|exercise))\b",
    re.IGNORECASE,
)
_RELEASE_STEP: Final = re.compile(
    r"^\W*(?:(?:slowly|gently|then|now|finally|carefully)\s+)?(?:return|release|relax|let\s+go"
    r"|come\s+back|go\s+back|lower|reverse|rest)\b"
    r"|\bback\s+(?:down\s+)?(?:to|toward|towards|onto)\b"
    r"|\breturn\s+to\s+(?:the\s+)?(?:starting|start|original)\s+position\b",
    re.IGNORECASE,
)
_LYING: Final = r"\b(?:lie|lies|lying|lay|laying)\b[^.;]{0,40}?"
_POSITIONS: Final = (
    (
        Position.SUPINE,
        re.compile(
            rf"\bon\s+your\s+back\b|{_LYING}\bfac(?:e|ing)\s+up\b|\bsupine\b", re.IGNORECASE
        ),
    ),
    (
        Position.PRONE,
        re.compile(
            rf"\bon\s+your\s+(?:stomach|front|belly)\b|{_LYING}\bfac(?:e|ing)\s+down\b"
            r"|\bprone\b",
            re.IGNORECASE,
        ),
    ),
    (Position.SIDE_LYING, re.compile(r"\b(?:lie|lying|lay)\s+on\s+your\s+side\b", re.IGNORECASE)),
    (Position.QUADRUPED, re.compile(r"\bhands\s+and\s+knees\b|\ball\s+fours\b", re.IGNORECASE)),
    (Position.KNEELING, re.compile(r"\bkneel(?:ing)?\b", re.IGNORECASE)),
    (Position.SITTING, re.compile(r"\b(?:sit|sitting|seated)\b", re.IGNORECASE)),
    (Position.STANDING, re.compile(r"\b(?:stand|standing)\b", re.IGNORECASE)),
)


@attrs.frozen
class DraftNote:
    """Something a draft could not read, or read with a documented fallback."""

    code: str
    field: tuple[str, ...]
    message: str


@attrs.frozen
class Draft:
    """An exercise's dose read from its steps, with what was read and what was assumed."""

    hold: Hold | None
    repetitions: RepetitionScheme
    steps: tuple[Step, ...]
    position: Position | None
    found: tuple[str, ...]
    notes: tuple[DraftNote, ...]
    sets: Sets | None = None
    timed_work: TimedWork | None = None
    load: Load | None = None


def _steps_word(indexes: Sequence[int]) -> str:
    numbers = ", ".join(str(index + 1) for index in indexes)
    return f"step {numbers}" if len(indexes) == 1 else f"steps {numbers}"


def _first_mention(
    readings: Sequence[DoseReading], field: str, status: MentionStatus
) -> tuple[int, Mention] | None:
    for index, reading in enumerate(readings):
        for mention in reading.mentions:
            if mention.field == field and mention.status is status:
                return index, mention
    return None


def _draft_hold(readings: Sequence[DoseReading]) -> tuple[Hold | None, list[str], list[DraftNote]]:
    found: list[str] = []
    notes: list[DraftNote] = []
    closed = [(i, hold) for i, r in enumerate(readings) if (hold := r.hold) is not None]
    opened = [(i, r.hold_range) for i, r in enumerate(readings) if r.hold_range and not r.hold]
    if closed:
        low = min(stated.min_seconds for _, stated in closed)
        high = max(stated.max_seconds for _, stated in closed)
        hold = Hold(min_seconds=low, max_seconds=high)
        found.append(f"hold {hold} from {_steps_word([i for i, _ in closed])}")
        return hold, found, notes
    if opened:
        index, value = opened[0]
        assert value is not None  # noqa: S101 - filtered above
        notes.append(
            DraftNote(
                "hold-open-ended",
                ("hold",),
                f"step {index + 1} states an open-ended hold "
                f"({seconds_text(value[0], None)!r}); a hold needs an upper bound, so the draft "
                "has none",
            )
        )
        return None, found, notes
    for status, code, wording in (
        (MentionStatus.UNQUANTIFIED, "hold-unquantified", "states a hold without a number"),
        (MentionStatus.PLACEHOLDER, "hold-not-stated", "stands in for a hold it does not state"),
    ):
        first = _first_mention(readings, "hold", status)
        if first is not None:
            index, mention = first
            notes.append(
                DraftNote(
                    code,
                    ("hold",),
                    f"step {index + 1} {wording}; the draft has none: {mention.text!r}",
                )
            )
            return None, found, notes
    notes.append(
        DraftNote("hold-not-stated", ("hold",), "no step states a hold; the draft has none")
    )
    return None, found, notes


def _draft_count(
    readings: Sequence[DoseReading],
) -> tuple[int | None, int | None, list[str], list[DraftNote]]:
    counts = [(i, value) for i, r in enumerate(readings) if (value := r.reps_range) is not None]
    if counts:
        low = min(value[0] for _, value in counts)
        highs = [value[1] for _, value in counts]
        high = None if None in highs else max(h for h in highs if h is not None)
        where = _steps_word([i for i, _ in counts])
        return low, high, [f"repetitions {format_range(low, high)} from {where}"], []
    up_to = [(i, most) for i, r in enumerate(readings) if (most := r.up_to_reps) is not None]
    if up_to:
        most = max(value for _, value in up_to)
        where = _steps_word([i for i, _ in up_to])
        return None, most, [f"repetitions up to {most} from {where}"], []
    reason = "no step states a repetition count"
    for status, wording in (
        (MentionStatus.PLACEHOLDER, "stands in for it"),
        (MentionStatus.UNQUANTIFIED, "states it without a number"),
    ):
        first = _first_mention(readings, "repetitions", status)
        if first is not None:
            reason += f" (step {first[0] + 1} {wording}: {first[1].text!r})"
            break
    message = f"{reason}; the draft states none either"
    return None, None, [], [DraftNote("repetitions-not-stated", ("repetitions",), message)]


def _draft_side(
    readings: Sequence[DoseReading],
    hint: tuple[Laterality, str] | None,
    shared_counting: CountingRule | None = None,
) -> tuple[Laterality, CountingRule | None, list[str], list[DraftNote]]:
    found: list[str] = []
    notes: list[DraftNote] = []
    stated = [(i, r.laterality) for i, r in enumerate(readings) if r.laterality is not None]
    if stated:
        laterality = min((side for _, side in stated), key=_SIDE_PRIORITY.index)
        where = _steps_word([i for i, side in stated if side is laterality])
        found.append(f"laterality {laterality.value!r} from {where}")
    elif hint is not None:
        laterality = hint[0]
        found.append(f"laterality {laterality.value!r} from {hint[1]}")
    else:
        laterality = DEFAULT_LATERALITY
        notes.append(
            DraftNote(
                "laterality-not-stated",
                ("repetitions", "laterality"),
                f"no step gives a side cue; the draft reads the exercise as {laterality.value!r}",
            )
        )
    if not laterality.two_sided:
        return laterality, None, found, notes
    rules = [(i, r.counting) for i, r in enumerate(readings) if r.counting is not None]
    if rules:
        index, rule = rules[0]
        assert rule is not None  # noqa: S101 - filtered above
        found.append(f"counting {rule.value!r} from step {index + 1}")
        return laterality, rule, found, notes
    if shared_counting is not None:
        found.append(f"counting {shared_counting.value!r} from {_SHARED}")
        return laterality, shared_counting, found, notes
    rule = DEFAULT_COUNTING[laterality]
    notes.append(
        DraftNote(
            "counting-not-stated",
            ("repetitions", "counting"),
            f"{laterality.value!r} repetitions do not say whether the count is per side or in "
            f"total; the draft reads it as {rule.value!r}",
        )
    )
    return laterality, rule, found, notes


def _draft_rest(readings: Sequence[DoseReading]) -> tuple[Rest | None, list[str]]:
    rests = [(i, rest) for i, r in enumerate(readings) if (rest := r.rest) is not None]
    quantified = [(i, rest) for i, rest in rests if rest.quantified]
    if not rests:
        return None, []
    index, rest = (quantified or rests)[0]
    return rest, [f"rest {str(rest)!r} from step {index + 1}"]


def _draft_sets(readings: Sequence[DoseReading]) -> tuple[Sets | None, list[str]]:
    stated = [(i, sets) for i, r in enumerate(readings) if (sets := r.sets) is not None]
    if not stated:
        return None, []
    index, sets = stated[0]
    if sets.rest is None:  # the rest between sets may be stated in another step
        rest = next((r.set_rest for r in readings if r.set_rest is not None), None)
        sets = attrs.evolve(sets, rest=rest)
    return sets, [f"sets {str(sets)!r} from step {index + 1}"]


def _draft_work(readings: Sequence[DoseReading]) -> tuple[TimedWork | None, list[str]]:
    stated = [(i, value) for i, r in enumerate(readings) if (value := r.work_range) is not None]
    if not stated:
        return None, []
    work = TimedWork(
        min_seconds=min(low for _, (low, _high) in stated),
        max_seconds=max(high for _, (_low, high) in stated),
    )
    return work, [f"timed work {work} from {_steps_word([i for i, _ in stated])}"]


def _draft_load(readings: Sequence[DoseReading]) -> tuple[Load | None, list[str]]:
    stated = [(i, load) for i, r in enumerate(readings) if (load := r.load) is not None]
    if not stated:
        return None, []
    index, load = next(((i, load) for i, load in stated if load.quantified), stated[0])
    return load, [f"load {str(load)!r} from step {index + 1}"]


def _step_kind(
    index: int, text: str, reading: DoseReading, *, hold: bool, leading: bool, moved: bool
) -> StepKind:
    if hold and reading.hold is not None:
        return StepKind.HOLD
    counted = reading.reps_range is not None or any(
        mention.field == "repetitions" and mention.status is MentionStatus.PLACEHOLDER
        for mention in reading.mentions
    )
    if _REPEAT_STEP.search(text) or counted:
        return StepKind.REPEAT
    if _SETUP_STRONG.search(text) or (leading and _SETUP_LEADING.search(text)):
        return StepKind.SETUP
    if moved and _RELEASE_STEP.search(text):
        return StepKind.RELEASE
    if index == 0:
        return StepKind.SETUP
    return StepKind.MOVE


def _held_step(steps: Sequence[Step]) -> int:
    """The step a hold stated for every exercise holds, when no step of this one states it.

    The first step that says to hold or stay without a number ("hold the stretch"), else the
    last step that moves into the position (the position reached is the one held), else the
    last step that sets up.
    """
    for index, step in enumerate(steps):
        if HOLD_BEFORE.search(step.text):
            return index
    for kind in (StepKind.MOVE, StepKind.SETUP):
        moved = [index for index, step in enumerate(steps) if step.kind is kind]
        if moved:
            return moved[-1]
    return 0


def _position(texts: Sequence[str]) -> Position | None:
    for text in texts[:1]:
        for position, pattern in _POSITIONS:
            if pattern.search(text):
                return position
    return None


def draft_exercise(
    texts: Sequence[str],
    readings: Sequence[DoseReading],
    *,
    laterality_hint: tuple[Laterality, str] | None = None,
    shared: DoseReading | None = None,
) -> Draft:
    """Read an exercise's dose, step kinds and position from its steps.

    Args:
        texts: The steps' texts, in order.
        readings: What :func:`~._reading.extract_dose` read in each of them.
        laterality_hint: A side, and where it was found, to take when no step gives a side cue
            (the free-exercise-db importer reads one from the name).
        shared: A dose stated once for every exercise (an article's introduction: "hold each
            stretch for 30 seconds"): its hold, count, side and counting rule are taken where
            no step states one.

    Returns:
        The draft, with what was read and a note for each gap filled with a fallback.
    """
    hold, found, notes = _draft_hold(readings)
    low, high, count_found, count_notes = _draft_count(readings)
    if shared is not None:
        if hold is None and shared.hold is not None:
            hold, found, notes = shared.hold, [f"hold {shared.hold} from {_SHARED}"], []
        if low is None and high is None and shared.reps_range is not None:
            low, high = shared.reps_range
            count_found, count_notes = [f"repetitions {format_range(low, high)} from {_SHARED}"], []
        if laterality_hint is None and shared.laterality is not None:
            laterality_hint = (shared.laterality, _SHARED)
    laterality, counting, side_found, side_notes = _draft_side(
        readings, laterality_hint, None if shared is None else shared.counting
    )
    rest, rest_found = _draft_rest(readings)
    sets, sets_found = _draft_sets(readings)
    timed_work, work_found = _draft_work(readings)
    load, load_found = _draft_load(readings)
    repetitions = RepetitionScheme(
        min_reps=low, max_reps=high, laterality=laterality, counting=counting, rest=rest
    )
    steps: list[Step] = []
    leading = True
    moved = False
    for index, (text, reading) in enumerate(zip(texts, readings, strict=True)):
        kind = _step_kind(index, text, reading, hold=hold is not None, leading=leading, moved=moved)
        leading = leading and kind is StepKind.SETUP
        moved = moved or kind in {StepKind.MOVE, StepKind.HOLD}
        distance = next(
            (mention.text for mention in reading.unquantified if mention.field == "distance"),
            None,
        )
        steps.append(Step(text=text, kind=kind, distance=distance))
    if hold is not None and all(step.kind is not StepKind.HOLD for step in steps):
        held = _held_step(steps)
        steps[held] = attrs.evolve(steps[held], kind=StepKind.HOLD)
        found.append(f"step {held + 1} is the one held")
    position = _position(texts)
    if position is not None:
        side_found.append(f"position {position.value!r} from step 1")
    return Draft(
        hold=hold,
        repetitions=repetitions,
        steps=tuple(steps),
        position=position,
        found=(
            *found,
            *count_found,
            *side_found,
            *rest_found,
            *sets_found,
            *work_found,
            *load_found,
        ),
        notes=(*notes, *count_notes, *side_notes),
        sets=sets,
        timed_work=timed_work,
        load=load,
    )


def slug_of(text: str) -> str:
    """A lowercase slug of letters and digits joined by hyphens ("" when none is left)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


class Ids:
    """The ids given so far, each slug with the number its next copy starts counting from.

    :meth:`take` returns ``slug``, or when it is taken ``slug-2``, ``slug-3``... Counting for a
    slug resumes where its last copy stopped, so that N entries of one name cost N look-ups in
    all rather than N each (counting from ``slug-2`` every time is quadratic).
    """

    def __init__(self) -> None:
        self._taken: set[str] = set()
        self._next: dict[str, int] = {}

    def __contains__(self, identifier: object) -> bool:
        return identifier in self._taken

    def take(self, slug: str) -> str:
        """``slug``, or the first free ``slug-N`` (N from 2); the id returned is taken."""
        candidate, number = slug, self._next.get(slug, 1)
        if candidate in self._taken:
            number = max(number, 2)
            candidate = f"{slug}-{number}"
            while candidate in self._taken:
                number += 1
                candidate = f"{slug}-{number}"
            self._next[slug] = number + 1
        self._taken.add(candidate)
        return candidate
