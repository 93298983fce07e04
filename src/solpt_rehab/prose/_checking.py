"""The validator's prose check: a step whose text states another dose than its exercise documents.

:func:`dose_disagreements` reads each step as :func:`extract_dose` would, but only for the hold,
the count and its counting rule, and only in a text that may state one (:func:`may_state_dose`,
a quick test of its words); short texts are remembered, since catalogs repeat their steps.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from typing import Final, NamedTuple

from .._core.problems import Problem, problem
from .._model.values import CountingRule, Exercise, Load, LoadKind, Rest, format_range
from ._dose_terms import Terms, may_state_terms, read_terms
from ._reading import MentionStatus, Reader, Span, covering_range, seconds_text
from ._vocabulary import COUNT_UNITS, SET_UNITS, TIME_UNITS, WORD_VALUES


def dose_disagreements(exercise: Exercise, *, at: Iterable[str | int] = ()) -> Iterator[Problem]:
    """Yield a warning for each step whose text states a dose its exercise does not document.

    A step that states a hold outside the exercise's :attr:`~solpt_rehab.Exercise.hold` (or a
    hold when the exercise has none) gets a ``prose-hold-mismatch`` warning; a step that states a
    repetition count outside the exercise's :attr:`~solpt_rehab.Exercise.repetitions` gets a
    ``prose-reps-mismatch`` warning. A stated range agrees when it lies inside the documented
    one; an open-ended statement ("at least 3") agrees only with an open-ended range. A count
    read per side is not compared with a total count, nor the reverse.

    Args:
        exercise: The exercise whose steps are read.
        at: The reference tokens of the exercise in its document, such as ``("exercises", 3)``;
            paths are JSON Pointers below it (``/exercises/3/steps/1/text``).

    Yields:
        :class:`~solpt_rehab.Problem` warnings, in step order.

    .. versionadded:: 0.1.0
    """
    base = tuple(at)
    for index, step in enumerate(exercise.steps):
        reading = stated_dose(step.text)
        if reading is _NOTHING_STATED and not may_state_terms(step.text):
            continue
        where = (*base, "steps", index, "text")
        hold = _hold_disagreement(exercise, reading)
        if hold is not None:
            yield problem(where, "prose-hold-mismatch", hold)
        reps = _reps_disagreement(exercise, reading)
        if reps is not None:
            yield problem(where, "prose-reps-mismatch", reps)
        terms = stated_terms(step.text)
        if terms.empty and reading.sets_range is None:
            continue
        for code, found in (
            ("prose-sets-mismatch", _sets_disagreement(exercise, reading, terms, step.text)),
            ("prose-work-mismatch", _work_disagreement(exercise, terms, step.text)),
            ("prose-load-mismatch", _load_disagreement(exercise, terms, step.text)),
        ):
            if found is not None:
                yield problem(where, code, found)


class StatedDose(NamedTuple):
    """What the prose check needs of a :class:`DoseReading`: the hold, the count, the sets."""

    text: str
    hold_range: tuple[float, float | None] | None
    hold_span: tuple[int, int] | None
    reps_range: tuple[int, int | None] | None
    reps_span: tuple[int, int] | None
    counting: CountingRule | None
    sets_range: tuple[int, int | None] | None = None
    sets_span: tuple[int, int] | None = None


_NOTHING_STATED: Final = StatedDose("", None, None, None, None, None)


def _ascii_words(words: Iterable[str]) -> frozenset[bytes]:
    return frozenset(word.encode() for word in words)


#: The number words of :data:`WORD_VALUES` ("twenty-five" is two words to the filter below).
_NUMBER_WORDS: Final = _ascii_words(WORD_VALUES)
#: The units after a number that make it a hold, a count, or the sets that a count without a
#: unit may follow ("3 sets of 10"): every other unit, and no unit, give neither.
_DOSE_UNITS: Final = _ascii_words((*TIME_UNITS, *COUNT_UNITS, *SET_UNITS))
#: The words of :data:`ONCE_TWICE`'s counts.
_SMALL_COUNT_WORDS: Final = _ascii_words(("once", "twice", "thrice"))
#: A minute in words states a hold without a number (:data:`MINUTE_WORDS`): "half a minute".
_MINUTE_WORDS: Final = _ascii_words(("minute", "minutes"))
#: The words beside which a number without a unit is a count (:data:`BARE_COUNT_BEFORE`,
#: :data:`BARE_COUNT_AFTER`): "repeat 4-6", "do 10 on each leg", "do 10 of these".
_BARE_COUNT_BEFORE: Final = _ascii_words(("repeat", "repeats", "repeating"))
_BARE_COUNT_AFTER: Final = _ascii_words(("on", "for", "with", "per", "each", "of"))
#: Without a digit, a text needs one of these words to state a hold or a count.
_TRIGGER_WORDS: Final = _NUMBER_WORDS | _SMALL_COUNT_WORDS | _MINUTE_WORDS | {b"full"}
_ASCII_DIGIT: Final = re.compile(r"[0-9]")
_DIGITS: Final = b"0123456789"
#: ASCII letters to lower case, digits and "_" kept (the word characters), anything else a space.
_ASCII_WORDS: Final = bytes.maketrans(
    bytes(range(256)),
    bytes(
        ord(char.lower()) if char.isascii() and (char.isalnum() or char == "_") else ord(" ")
        for char in map(chr, range(256))
    ),
)


def may_state_dose(text: str) -> bool:
    """False only for a text from which :func:`extract_dose` reads no hold and no count.

    The patterns match without regard to case, each word with a word boundary on both sides, so
    in ASCII text they see the text's words in lower case (runs of letters, digits and "_").
    :func:`extract_dose` takes a hold or a count only from:

    * "once", "twice" or "thrice" (:data:`ONCE_TWICE`): one of :data:`_SMALL_COUNT_WORDS`;
    * "a full second" (:data:`FULL_SECOND`): the words "full" and "second";
    * a minute in words (:data:`MINUTE_WORDS`, "half a minute"): the word "minute(s)";
    * a number without a unit after "repeat" or before a word that may start a side or "of
      these" (:func:`_bare_count`: "repeat 4-6", "do 10 on each leg");
    * a number (a digit, or one of :data:`_NUMBER_WORDS`) with a unit of :data:`_DOSE_UNITS`: a
      unit is a word of its own after the number ("10 seconds", "ten-second", "10 + reps"), or
      written straight after the number's digits ("10s", "1.5sec": a word that is digits, then
      the unit). A count without a unit is taken only after sets ("3 sets of 10"), which need
      the unit "sets".

    Any other text (where case folding and word characters reach beyond ASCII) is read in full.
    """
    if not text.isascii():
        return True
    words = text.encode().translate(_ASCII_WORDS).split()
    digit = _ASCII_DIGIT.search(text) is not None
    if not digit and _TRIGGER_WORDS.isdisjoint(words):
        return False
    found = set(words)
    if (
        not found.isdisjoint(_SMALL_COUNT_WORDS)
        or (b"full" in found and b"second" in found)
        or not found.isdisjoint(_MINUTE_WORDS)
    ):
        return True
    if not digit and found.isdisjoint(_NUMBER_WORDS):
        return False
    if not found.isdisjoint(_DOSE_UNITS) or _bare_count(words):
        return True
    return digit and any(
        word[0] in _DIGITS and word.lstrip(_DIGITS) in _DOSE_UNITS for word in found
    )


def _bare_count(words: list[bytes]) -> bool:
    """Whether a number may be a count without a unit: "repeat 4-6", "do 10 on each leg".

    A number right after "repeat" (or one word after: "repeat it 6"), or right before "on",
    "for", "with", "per", "each" or "of".
    """
    if _BARE_COUNT_BEFORE.isdisjoint(words) and _BARE_COUNT_AFTER.isdisjoint(words):
        return False
    for index, word in enumerate(words):
        if not (word[0] in _DIGITS or word in _NUMBER_WORDS):
            continue
        if not _BARE_COUNT_BEFORE.isdisjoint(words[max(0, index - 2) : index]) or (
            index + 1 < len(words) and words[index + 1] in _BARE_COUNT_AFTER
        ):
            return True
    return False


class _QuietReader(Reader):
    """A reader that keeps no mentions: the prose check needs only the ranges."""

    def mention(self, span: Span, field: str, status: MentionStatus, note: str = "") -> None:
        """Keep nothing (:meth:`Reader.counting` looks at mentions only when no count is read)."""


def read_stated(text: str) -> StatedDose:
    """The hold, the count and its counting rule, read exactly as :func:`extract_dose` reads them.

    Only the passes those depend on run: numbers with units and the small counts (the vague
    phrases, the placeholders and the side cues add no hold and no count, and the counting rule
    matters only beside a count).
    """
    reader = _QuietReader(text)
    reader.quantities()
    reader.small_counts()
    work = read_terms(text).work if may_state_terms(text) else None
    holds = reader.holds
    if work is not None:  # a time read as timed work is no hold, as in extract_dose
        start, end = work[1]
        holds = [hold for hold in holds if hold[1][1] <= start or hold[1][0] >= end]
    hold_range, hold_span = covering_range(holds)
    reps_range, reps_span = covering_range(reader.counts)
    sets_range, sets_span = covering_range(reader.sets)
    counting = reader.counting()[0] if reader.counts else None
    if hold_range is None and reps_range is None and sets_range is None:
        return _NOTHING_STATED
    return StatedDose(
        text, hold_range, hold_span, reps_range, reps_span, counting, sets_range, sets_span
    )


#: Texts longer than this are read each time rather than remembered, so the cache stays small.
_CACHED_LENGTH: Final = 500
_read_cached: Final = functools.lru_cache(maxsize=2048)(read_stated)


_terms_cached: Final = functools.lru_cache(maxsize=2048)(read_terms)


def clear_cache() -> None:
    """Forget every text the prose check has read, so that the next check reads each anew."""
    _read_cached.cache_clear()
    _terms_cached.cache_clear()


def stated_terms(text: str) -> Terms:
    """:func:`read_terms`, remembered for short texts."""
    if type(text) is str and len(text) <= _CACHED_LENGTH:
        return _terms_cached(text)
    return read_terms(text)


def stated_dose(text: str) -> StatedDose:
    """:func:`read_stated` for a text that may state a dose, remembered for short texts."""
    if not may_state_dose(text):
        return _NOTHING_STATED
    if type(text) is str and len(text) <= _CACHED_LENGTH:
        return _read_cached(text)
    return read_stated(text)


def _phrase(reading: StatedDose, span: tuple[int, int] | None) -> str:
    return "" if span is None else reading.text[span[0] : span[1]]


def _hold_disagreement(exercise: Exercise, reading: StatedDose) -> str | None:
    if reading.hold_range is None:
        return None
    low, high = reading.hold_range
    stated = seconds_text(low, high)
    phrase = _phrase(reading, reading.hold_span)
    documented = exercise.hold
    if documented is None:
        return (
            f"the step states a hold of {stated!r} but {exercise.id!r} documents none: {phrase!r}"
        )
    if low < documented.min_seconds or high is None or high > documented.max_seconds:
        return (
            f"the step states a hold of {stated!r}, outside the documented {str(documented)!r} "
            f"of {exercise.id!r}: {phrase!r}"
        )
    return None


def _reps_disagreement(exercise: Exercise, reading: StatedDose) -> str | None:
    if reading.reps_range is None:
        return None
    scheme = exercise.repetitions
    if (
        reading.counting is not None
        and scheme.counting is not None
        and reading.counting is not scheme.counting
    ):
        return None
    low, high = reading.reps_range
    if not scheme.stated:
        return (
            f"the step states {format_range(low, high)!r} repetitions but {exercise.id!r} "
            f"documents no count: {_phrase(reading, reading.reps_span)!r}"
        )
    documented_low = 1 if scheme.min_reps is None else scheme.min_reps
    inside = low >= documented_low and (
        scheme.max_reps is None or (high is not None and high <= scheme.max_reps)
    )
    if inside:
        return None
    return (
        f"the step states {format_range(low, high)!r} repetitions, outside the documented "
        f"{scheme.range_text!r} of {exercise.id!r}: {_phrase(reading, reading.reps_span)!r}"
    )


def _span_text(text: str, span: Span) -> str:
    return text[span[0] : span[1]]


def _sets_disagreement(
    exercise: Exercise, reading: StatedDose, terms: Terms, text: str
) -> str | None:
    documented = exercise.sets
    if reading.sets_range is not None:
        low, high = reading.sets_range
        phrase = _phrase(reading, reading.sets_span)
        stated = format_range(low, high)
        if documented is None:
            return f"the step states {stated!r} sets but {exercise.id!r} documents none: {phrase!r}"
        inside = low >= documented.min_sets and (
            documented.max_sets is None or (high is not None and high <= documented.max_sets)
        )
        if not inside:
            return (
                f"the step states {stated!r} sets, outside the documented "
                f"{documented.range_text!r} of {exercise.id!r}: {phrase!r}"
            )
    if terms.set_rest is None:
        return None
    rest, span = terms.set_rest
    phrase = _span_text(text, span)
    documented_rest = None if documented is None else documented.rest
    if documented_rest is None or not _rest_inside(rest, documented_rest):
        shown = "none" if documented_rest is None else repr(str(documented_rest))
        return (
            f"the step states a rest of {str(rest)!r} between sets but {exercise.id!r} documents "
            f"{shown}: {phrase!r}"
        )
    return None


def _rest_inside(stated: Rest, documented: Rest) -> bool:
    if documented.min_seconds is None or documented.max_seconds is None:
        return False
    assert stated.min_seconds is not None  # noqa: S101 - a rest between sets has seconds
    assert stated.max_seconds is not None  # noqa: S101
    return (
        documented.min_seconds
        <= stated.min_seconds
        <= stated.max_seconds
        <= (documented.max_seconds)
    )


def _work_disagreement(exercise: Exercise, terms: Terms, text: str) -> str | None:
    if terms.work is None:
        return None
    (low, high), span = terms.work
    stated = seconds_text(low, high)
    phrase = _span_text(text, span)
    documented = exercise.timed_work
    if documented is None:
        return (
            f"the step states timed work of {stated!r} but {exercise.id!r} documents none: "
            f"{phrase!r}"
        )
    if low < documented.min_seconds or high > documented.max_seconds:
        return (
            f"the step states timed work of {stated!r}, outside the documented "
            f"{str(documented)!r} of {exercise.id!r}: {phrase!r}"
        )
    return None


def _load_disagreement(exercise: Exercise, terms: Terms, text: str) -> str | None:
    if terms.load is None:
        return None
    stated, span = terms.load
    phrase = _span_text(text, span)
    documented = exercise.load
    if documented is None:
        return (
            f"the step states a load ({stated.kind.value!r}) but {exercise.id!r} documents none: "
            f"{phrase!r}"
        )
    if not _load_agrees(stated, documented):
        return (
            f"the step states a load of {str(stated)!r}, not the documented {str(documented)!r} "
            f"of {exercise.id!r}: {phrase!r}"
        )
    return None


def _load_agrees(stated: Load, documented: Load) -> bool:
    """Whether a stated load fits the documented one: same kind, and no other level or amount."""
    if documented.kind is LoadKind.DESCRIBED:
        return True  # a load in words cannot be compared with a reading
    if stated.kind is not documented.kind:
        return False
    if stated.level is not None and documented.level is not None:
        return stated.level.casefold() == documented.level.casefold()
    stated_kg, documented_kg = stated.kilograms(), documented.kilograms()
    if stated_kg is None or documented_kg is None:
        return True
    tolerance = 1e-9
    return documented_kg[0] - tolerance <= stated_kg[0] and stated_kg[1] <= (
        documented_kg[1] + tolerance
    )
