"""Reading a dose out of one piece of text: :func:`extract_dose` and what it returns.

A :class:`Reader` makes one pass over a text with the patterns of :mod:`._vocabulary`: numbers
with units first (each classified by the words around it as a hold, a rest, a count, sets, or a
number that is no dose), then the small counts ("twice"), the phrases without a number ("a few
seconds"), the placeholders ("the recommended amount of reps"), the side cues and the counting
rule. :func:`extract_dose` runs every pass and gathers the result in a :class:`DoseReading`.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Sequence
from typing import Final, TypeVar

import attrs

from .._core.errors import InvalidValueError
from .._model.values import (
    CountingRule,
    Hold,
    Laterality,
    Load,
    RepetitionScheme,
    Rest,
    Sets,
    StrChoice,
    TimedWork,
    format_range,
)
from ._dose_terms import Terms, read_terms
from ._vocabulary import (
    ACTIVITY_AFTER,
    AS_PRESCRIBED,
    AT_LEAST,
    BARE_COUNT_AFTER,
    BARE_COUNT_BEFORE,
    BARE_COUNT_VERB,
    BETWEEN_SETS,
    BOUND_ONLY,
    BREATHING_BEFORE,
    CALORIES,
    CLAUSE_BREAK,
    CLAUSE_END_AFTER,
    COUNTING_CUES,
    DEFINITION_BEFORE,
    FREQUENCY_AFTER,
    FULL_SECOND,
    HEDGES,
    HOLD_AFTER,
    HOLD_BEFORE,
    INTERVAL_AFTER,
    MINUTE_WORDS,
    MOVING,
    MULTIPLIER_AFTER,
    NOT_SIDES_AFTER,
    OF_AFTER_SETS,
    ONCE_TWICE,
    ONE_REP_BEFORE,
    ONE_REP_DEFINED,
    OTHER_UNITS,
    PLACEHOLDER,
    QUANTITY,
    REP_MAX_AFTER,
    REPEAT_VERB,
    REST_AFTER,
    REST_BEFORE,
    SENTENCE_BREAK,
    SET_UNITS,
    SIDE_CUES,
    SINGLE,
    SYMBOL_UNITS,
    TEMPO_AFTER,
    TEMPO_BEFORE,
    TIME_UNITS,
    VAGUE,
    WALKING_HANDS_BEFORE,
    WARM_UP,
    WEIGHT_BEFORE,
    WHAT_NOTES,
    fold,
    number_value,
)

# -- what the reading returns ---------------------------------------------------------------------


class MentionStatus(StrChoice):
    """What :func:`extract_dose` did with a phrase it recognised.

    .. versionadded:: 0.1.0
    """

    #: The phrase states a dose and the reading took it (a hold, a count, a rest, sets, a side).
    TAKEN = "taken"
    #: The phrase states a dose without a number, such as "a few seconds": kept, never quantified.
    UNQUANTIFIED = "unquantified"
    #: The phrase stands in for a dose the text does not state: "the recommended amount of
    #: repetitions".
    PLACEHOLDER = "placeholder"
    #: The phrase has a number that is not a hold, a count or a rest between repetitions: a tempo,
    #: a rest between sets, a percentage, a calorie figure, a distance.
    IGNORED = "ignored"


@attrs.frozen(kw_only=True)
class Mention:
    """One phrase of the text that :func:`extract_dose` recognised.

    Attributes:
        field: What the phrase is about: ``"hold"``, ``"repetitions"``, ``"rest"``, ``"sets"``,
            ``"laterality"``, ``"counting"``, ``"distance"``, or, for ignored numbers, what they
            measure (``"duration"``, ``"count"``, ``"percentage"``, ``"calories"``...).
        status: What the reading did with it.
        start: The offset of its first character in the text.
        end: The offset just past its last character (``text[start:end]`` is the phrase).
        text: The phrase as written.
        note: Why, in a few words: ``"about"``, ``"tempo"``, ``"rest between sets"``...;
            empty when there is nothing to add.

    .. versionadded:: 0.1.0
    """

    field: str
    status: MentionStatus
    start: int
    end: int
    text: str
    note: str = ""

    @property
    def span(self) -> tuple[int, int]:
        """The ``(start, end)`` offsets of the phrase."""
        return (self.start, self.end)


@attrs.frozen(kw_only=True)
class DoseReading:
    """What a piece of instruction text states about a dose.

    Each field holds what the text states and nothing more. A count is kept in ``reps_range``
    even when the text says nothing about the side; :attr:`repetitions` is a
    :class:`~solpt_rehab.RepetitionScheme` only when the text states enough for one (a count, a
    side, and for two-sided work the counting rule), and :meth:`scheme` builds one with the
    caller's own fallbacks, so that whoever fills a gap says so.

    Attributes:
        text: The text that was read.
        hold_range: The stated hold in seconds as ``(low, high)``; ``high`` is ``None`` for an
            open-ended hold ("10 or more seconds"); ``None`` when no hold is stated. When the
            text states several holds, the smallest range that covers them all.
        hold_span: Where the (first) hold was stated, as ``(start, end)`` offsets.
        reps_range: The stated repetition count as ``(low, high)``, ``high`` ``None`` when
            open-ended ("at least three times"); inside "3 sets of 10" it is the 10.
        reps_span: Where the (first) count was stated.
        sets_range: The stated number of sets, or ``None``.
        sets_span: Where the sets were stated.
        laterality: The side cue, or ``None`` when the text gives none. With several cues the
            most specific wins: affected side, then alternating, then each side, then bilateral.
        laterality_span: Where the side cue was stated.
        counting: How a two-sided count is read, when the text says ("on each leg" is
            ``PER_SIDE``, "in all" is ``TOTAL``), else ``None``.
        counting_span: Where the counting rule was stated.
        rest: The rest between repetitions, quantified or not ("a few seconds"); a rest between
            sets is not one.
        rest_span: Where the rest was stated.
        mentions: Every phrase recognised, taken or not, in text order.
        work_range: The stated timed work (continuous movement) in seconds as ``(low, high)``,
            or ``None``; a time is timed work when the words before it name movement and none
            says to stay still (see ``prose._dose_terms``).
        work_span: Where the timed work was stated.
        set_rest: The rest between sets ("rest 30 seconds between sets"), or ``None``.
        set_rest_span: Where the rest between sets was stated.
        load: The load the text names (a band and its level, a weight and its amount, body
            weight), or ``None``; an amount only when the text writes one.
        load_span: Where the load was stated.
        sessions_per_day: How many times a day ("twice a day", "2-3 times a day") as
            ``(low, high)``, or ``None``; a frequency, never a count.
        sessions_span: Where the sessions per day were stated.
        up_to_reps: The most repetitions of an "up to N times" count, or ``None``; such a count
            has no lower bound and is not in ``reps_range``.
        up_to_span: Where the "up to" count was stated.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 timed work, rest between sets, load, sessions per day, "up to".
    """

    text: str
    hold_range: tuple[float, float | None] | None = None
    hold_span: tuple[int, int] | None = None
    reps_range: tuple[int, int | None] | None = None
    reps_span: tuple[int, int] | None = None
    sets_range: tuple[int, int | None] | None = None
    sets_span: tuple[int, int] | None = None
    laterality: Laterality | None = None
    laterality_span: tuple[int, int] | None = None
    counting: CountingRule | None = None
    counting_span: tuple[int, int] | None = None
    rest: Rest | None = None
    rest_span: tuple[int, int] | None = None
    mentions: tuple[Mention, ...] = ()
    work_range: tuple[float, float] | None = None
    work_span: tuple[int, int] | None = None
    set_rest: Rest | None = None
    set_rest_span: tuple[int, int] | None = None
    load: Load | None = None
    load_span: tuple[int, int] | None = None
    sessions_per_day: tuple[int, int] | None = None
    sessions_span: tuple[int, int] | None = None
    up_to_reps: int | None = None
    up_to_span: tuple[int, int] | None = None

    @property
    def timed_work(self) -> TimedWork | None:
        """The stated timed work as a :class:`~solpt_rehab.TimedWork`, or ``None``."""
        if self.work_range is None:
            return None
        return TimedWork(min_seconds=self.work_range[0], max_seconds=self.work_range[1])

    @property
    def sets(self) -> Sets | None:
        """The stated sets with the rest between them, or ``None`` when no sets are stated."""
        if self.sets_range is None:
            return None
        return Sets(min_sets=self.sets_range[0], max_sets=self.sets_range[1], rest=self.set_rest)

    @property
    def hold(self) -> Hold | None:
        """The stated hold as a :class:`~solpt_rehab.Hold`; ``None`` when none or open-ended."""
        if self.hold_range is None or self.hold_range[1] is None:
            return None
        return Hold(min_seconds=self.hold_range[0], max_seconds=self.hold_range[1])

    @property
    def repetitions(self) -> RepetitionScheme | None:
        """The stated repetitions as a scheme, or ``None`` when the text does not state enough.

        Enough is a count and a side cue, and for alternating or each-side work also the
        counting rule. Nothing is filled in; :meth:`scheme` takes fallbacks.
        """
        if self.laterality is None:
            return None
        if self.laterality.two_sided and self.counting is None:
            return None
        return self.scheme(laterality=self.laterality, counting=self.counting)

    def scheme(
        self, *, laterality: Laterality, counting: CountingRule | None = None
    ) -> RepetitionScheme | None:
        """Build the stated repetitions, with the given side and counting rule where unstated.

        What the text states always wins over the fallbacks.

        Args:
            laterality: The side to use when the text states none.
            counting: The counting rule to use for two-sided work when the text states none.

        Returns:
            The scheme, or ``None`` when the text states no count.

        Raises:
            InvalidValueError: When the fallbacks leave a two-sided scheme without a counting
                rule.
        """
        if self.reps_range is None:
            return None
        side = self.laterality if self.laterality is not None else laterality
        rule = (
            (self.counting if self.counting is not None else counting) if side.two_sided else None
        )
        return RepetitionScheme(
            min_reps=self.reps_range[0],
            max_reps=self.reps_range[1],
            laterality=side,
            counting=rule,
            rest=self.rest,
        )

    @property
    def approximate(self) -> bool:
        """Whether a taken hold or count was hedged ("about", "around", "approximately")."""
        return any(
            mention.status is MentionStatus.TAKEN and mention.note == "about"
            for mention in self.mentions
        )

    @property
    def unquantified(self) -> tuple[Mention, ...]:
        """The phrases that state a dose without a number, such as "a few seconds"."""
        return self._with(MentionStatus.UNQUANTIFIED)

    @property
    def placeholders(self) -> tuple[Mention, ...]:
        """The phrases that stand in for an unstated dose ("the recommended amount of reps")."""
        return self._with(MentionStatus.PLACEHOLDER)

    @property
    def ignored(self) -> tuple[Mention, ...]:
        """The numbers recognised but not taken (tempo, rest between sets, calories...)."""
        return self._with(MentionStatus.IGNORED)

    def _with(self, status: MentionStatus) -> tuple[Mention, ...]:
        return tuple(mention for mention in self.mentions if mention.status is status)


def seconds_text(low: float, high: float | None) -> str:
    """A stated hold for a message: ``"10-15 s"``, or ``"10+ s"`` when open-ended."""
    return f"{format_range(low, high)} s"


# -- where a phrase stands: its clause and its sentence -------------------------------------------

#: How far the context of a phrase reaches at most, in characters, either side: far enough for
#: any real sentence, and it keeps reading linear in the length of pathological text.
_REACH: Final = 300


class _Breaks:
    """Where a pattern breaks a text (clauses or sentences), for quick look-ups by offset."""

    def __init__(self, pattern: re.Pattern[str], text: str) -> None:
        spans = [match.span() for match in pattern.finditer(text)]
        self.starts = [start for start, _ in spans]
        self.ends = [end for _, end in spans]
        self.length = len(text)

    def before(self, position: int) -> int:
        """The end of the last break that ends at or before ``position`` (0 if none)."""
        index = bisect.bisect_right(self.ends, position)
        return self.ends[index - 1] if index else 0

    def after(self, position: int) -> int:
        """The start of the first break at or after ``position`` (the text's length if none)."""
        index = bisect.bisect_left(self.starts, position)
        return self.starts[index] if index < len(self.starts) else self.length


class _Context:
    """The text around a phrase: its clause and sentence, before and after it.

    The sentence is found when a rule first needs it (most need only the clause).
    """

    __slots__ = ("_reader", "_sentence", "_span", "after_clause", "before_clause", "may_have")

    def __init__(self, reader: Reader, span: Span, clauses: _Breaks) -> None:
        start, end = span
        text = reader.text
        self._reader = reader
        self._span = span
        self._sentence: str | None = None
        self.may_have = reader.may_have
        self.before_clause = text[max(clauses.before(start), start - _REACH) : start]
        self.after_clause = text[end : min(clauses.after(end), end + _REACH)]

    @property
    def sentence(self) -> str:
        """The sentence around the phrase, the phrase included."""
        if self._sentence is None:
            start, end = self._span
            sentences = self._reader.sentence_breaks()
            self._sentence = self._reader.text[
                max(sentences.before(start), start - _REACH) : min(
                    sentences.after(end), end + _REACH
                )
            ]
        return self._sentence


# -- the reader -----------------------------------------------------------------------------------


def _time_kind(unit_after: str, pre: str, context: _Context) -> tuple[str, str]:  # noqa: PLR0911
    """Classify a duration: ``("hold" | "rest" | "ignored", note)``, the first rule that fits."""
    if context.may_have("calori") and CALORIES.search(context.sentence):
        return "ignored", "activity time beside a calorie figure"
    rest = REST_AFTER.search(unit_after) is not None
    if not rest and (TEMPO_AFTER.search(unit_after) or TEMPO_BEFORE.search(context.before_clause)):
        return "ignored", "tempo or time limit"
    if pre in BOUND_ONLY:
        return "ignored", f"only a bound ({pre!r})"
    if INTERVAL_AFTER.search(unit_after):
        return "ignored", "work and rest intervals"
    if rest or REST_BEFORE.search(context.before_clause):
        if BETWEEN_SETS.search(context.sentence):
            return "ignored", "rest between sets or intervals"
        return "rest", ""
    if HOLD_AFTER.search(unit_after) or HOLD_BEFORE.search(context.before_clause):
        return "hold", ""
    if BREATHING_BEFORE.search(context.before_clause):
        return "ignored", "a breathing pace"
    warming = context.may_have("warm") or context.may_have("cool") or context.may_have("loosen")
    if ACTIVITY_AFTER.search(unit_after) or (warming and WARM_UP.search(context.sentence)):
        return "ignored", "a warm-up or general activity"
    if MOVING.search(context.before_clause):
        return "ignored", "time spent moving"
    return "hold", ""


def _count_kind(unit: str, pre: str, context: _Context, *, one: bool) -> tuple[str, str]:
    """Classify a count: ``("repetitions" | "ignored", note)``, the first rule that fits."""
    if DEFINITION_BEFORE.search(context.before_clause) or (
        one and unit in {"rep", "repetition"} and ONE_REP_BEFORE.search(context.before_clause)
    ):
        return "ignored", "defines one repetition"
    if REP_MAX_AFTER.search(context.after_clause):
        return "ignored", "a repetition maximum"
    if unit == "times" and FREQUENCY_AFTER.search(context.after_clause):
        return "ignored", "a frequency"
    if unit == "times" and MULTIPLIER_AFTER.search(context.after_clause):
        return "ignored", "a multiplier"
    if pre in BOUND_ONLY:
        return "ignored", f"only a bound ({pre!r})"
    return "repetitions", ""


Span = tuple[int, int]


def _finite(low: float, high: float | None, scale: int) -> bool:
    """Whether a stated range's ends are finite once scaled (minutes to seconds, ``scale`` 60).

    A number of hundreds of digits reads as infinity (``float("9" * 400)``), and a finite one
    may overflow when minutes become seconds: no hold, count or rest can hold either.
    """
    return math.isfinite(float(low) * scale) and (
        high is None or math.isfinite(float(high) * scale)
    )


class Reader:
    """One pass over a text: the ranges taken so far and every phrase recognised."""

    def __init__(self, text: str) -> None:
        self.text = text
        # An ASCII text in lower case, for a quick test that a pattern's literal word cannot
        # match (None for other text: case folding reaches beyond ASCII, "\u017f" matches "s").
        self.lower = text.lower() if text.isascii() else None
        self.seen: dict[str, bool] = {}
        self.clauses: _Breaks | None = None
        self.sentences: _Breaks | None = None
        self.holds: list[tuple[tuple[float, float | None], Span]] = []
        self.counts: list[tuple[tuple[int, int | None], Span]] = []
        self.sets: list[tuple[tuple[int, int | None], Span]] = []
        self.rests: list[tuple[Rest, Span]] = []
        self.vague_rests: list[tuple[Rest, Span]] = []
        self.mentions: list[Mention] = []

    def mention(self, span: Span, field: str, status: MentionStatus, note: str = "") -> None:
        start, end = span
        self.mentions.append(
            Mention(
                field=field,
                status=status,
                start=start,
                end=end,
                text=self.text[start:end],
                note=note,
            )
        )

    def weight_before(self, position: int) -> bool:
        """Whether a weight ends just before ``position`` ("20 lbs on each side")."""
        return WEIGHT_BEFORE.search(self.text, max(0, position - 20), position) is not None

    def may_have(self, word: str) -> bool:
        """False only when the text cannot hold ``word`` (lower case ASCII), in any case.

        Each word's answer is kept: the calorie test asks once per number, and a search of the
        whole text each time would make reading quadratic in the number of numbers.
        """
        if self.lower is None:
            return True
        found = self.seen.get(word)
        if found is None:
            found = self.seen[word] = word in self.lower
        return found

    def context(self, span: Span) -> _Context:
        if self.clauses is None:
            # Where the text's clauses break: found when a phrase first needs them.
            self.clauses = _Breaks(CLAUSE_BREAK, self.text)
        return _Context(self, span, self.clauses)

    def sentence_breaks(self) -> _Breaks:
        """Where the text's sentences break: found when a phrase first needs them."""
        if self.sentences is None:
            self.sentences = _Breaks(SENTENCE_BREAK, self.text)
        return self.sentences

    # numbers with units

    def quantities(self) -> None:
        position = 0
        after_sets: int | None = None
        while (match := QUANTITY.search(self.text, position)) is not None:
            pre = " ".join(fold(match["pre"] or "").split())
            if match["high"] is not None and fold(match["sep"]) == "and" and pre != "between":
                single = SINGLE.match(self.text, match.start("low"))
                assert single is not None  # noqa: S101 - SINGLE is a prefix of QUANTITY
                match, pre = single, ""
            position = max(match.end(), position + 1)
            unit = fold(match["unit"] or "")
            if (
                not unit
                and after_sets is not None
                and OF_AFTER_SETS.match(self.text[after_sets : match.start("low")])
            ):
                unit = "reps"
            span = (match.start("pre") if pre else match.start("low"), match.end())
            if not unit and self.bare_count(span):
                unit = "reps"  # "repeat 4-6 for each side": checked as any count is
            after_sets = self.quantity(match, pre, unit, span)
        self.minutes_in_words()

    def quantity(self, match: re.Match[str], pre: str, unit: str, span: Span) -> int | None:
        """Take or ignore one number; return its end when it counts sets ("3 sets of 10")."""
        low = number_value(match["low"])
        high_text = match.groupdict().get("high")
        high: float | None = number_value(high_text) if high_text else low
        if match["plus"] or match["post"] or (pre in AT_LEAST and not high_text):
            high = None  # "at least 15 to 30 seconds" states its upper bound: a range
        note = "about" if pre in HEDGES else ""
        if not unit:
            if match["low"][0].isdigit():
                self.mention(span, "number", MentionStatus.IGNORED, "no unit")
        elif unit in OTHER_UNITS or unit in SYMBOL_UNITS:
            what = SYMBOL_UNITS.get(unit) or OTHER_UNITS[unit]
            self.mention(span, what, MentionStatus.IGNORED, WHAT_NOTES[what])
        elif not _finite(low, high, TIME_UNITS.get(unit, 1)):
            # "9" * 400 is beyond a float: no hold, count or rest can hold it, so none is made.
            self.mention(span, "number", MentionStatus.IGNORED, "not a finite number")
        elif low <= 0 or (high is not None and high < low):
            self.mention(span, "number", MentionStatus.IGNORED, "not a valid range")
        elif unit in TIME_UNITS:
            scale = TIME_UNITS[unit]
            self.duration(span, (low * scale, None if high is None else high * scale), pre, note)
        elif unit in SET_UNITS and pre in BOUND_ONLY:
            # "work up to 3 sets of 12": a target, not the sets to do now, nor its count
            self.mention(span, "sets", MentionStatus.IGNORED, f"only a bound ({pre!r})")
        elif unit in SET_UNITS:
            self.whole(span, (low, high), "sets", note)
            return span[1]
        else:
            kind, why = _count_kind(unit, pre, self.context(span), one=(low, high) == (1, 1))
            if kind == "ignored":
                self.mention(span, "count", MentionStatus.IGNORED, why)
            else:
                self.whole(span, (low, high), "repetitions", note)
        return None

    def bare_count(self, span: Span) -> bool:
        """Whether a number without a unit is a count: "repeat 4-6", "do 10 on each leg"."""
        context = self.context(span)
        after = context.after_clause
        if BARE_COUNT_BEFORE.search(context.before_clause):
            return CLAUSE_END_AFTER.match(after) is not None or bool(BARE_COUNT_AFTER.match(after))
        return bool(BARE_COUNT_AFTER.match(after)) and bool(
            BARE_COUNT_VERB.search(context.before_clause)
        )

    def minutes_in_words(self) -> None:
        """Read a minute in words: "half a minute", "a minute and a half", "a minute or two"."""
        if not self.may_have("minute"):
            return
        for match in MINUTE_WORDS.finditer(self.text):
            if match["half"]:
                value: tuple[float, float] = (30, 30)
            elif match["ninety"]:
                value = (90, 90)
            else:
                value = (60, 120) if match["two"] else (60, 60)
            self.duration(match.span(), value, "", "")

    def duration(self, span: Span, value: tuple[float, float | None], pre: str, note: str) -> None:
        kind, why = _time_kind(self.text[span[1] : span[1] + _REACH], pre, self.context(span))
        low, high = value
        if kind == "ignored":
            self.mention(span, "duration", MentionStatus.IGNORED, why)
        elif kind == "rest" and high is None:
            self.mention(span, "rest", MentionStatus.IGNORED, "open-ended rest")
        elif kind == "rest" and high is not None:
            self.rests.append((Rest(min_seconds=low, max_seconds=high), span))
            self.mention(span, "rest", MentionStatus.TAKEN, note)
        else:
            self.holds.append(((low, high), span))
            self.mention(span, "hold", MentionStatus.TAKEN, note)

    def whole(self, span: Span, value: tuple[float, float | None], field: str, note: str) -> None:
        low, high = value
        if not isinstance(low, int) or not (high is None or isinstance(high, int)):
            self.mention(span, field, MentionStatus.IGNORED, "not a whole number")
            return
        target = self.counts if field == "repetitions" else self.sets
        target.append(((low, high), span))
        self.mention(span, field, MentionStatus.TAKEN, note)

    def small_counts(self) -> None:
        if self.may_have("once") or self.may_have("twice") or self.may_have("thrice"):
            for match in ONCE_TWICE.finditer(self.text):
                value = {"once": 1, "twice": 2, "thrice": 3}[fold(match["word"])]
                self.counts.append(((value, value), match.span("word")))
                self.mention(match.span("word"), "repetitions", MentionStatus.TAKEN)
        if not self.may_have("full"):
            return
        for match in FULL_SECOND.finditer(self.text):
            self.holds.append(((1, 1), match.span()))
            self.mention(match.span(), "hold", MentionStatus.TAKEN)

    # phrases without numbers

    def vague(self) -> None:
        for match in VAGUE.finditer(self.text):
            core = " ".join(match["core"].lower().split())
            unit = fold(match["u1"] or match["u2"] or match["u3"] or "")
            span = match.span("core")
            before = self.context(span).before_clause
            if unit in {"inches", "feet", "centimeters", "cm"}:
                self.mention(span, "distance", MentionStatus.UNQUANTIFIED)
            elif unit in {"times", "repetitions", "reps"}:
                self.mention(span, "repetitions", MentionStatus.UNQUANTIFIED)
            elif core.startswith("as long as"):
                if HOLD_BEFORE.search(before):
                    self.mention(span, "hold", MentionStatus.UNQUANTIFIED)
            elif REST_BEFORE.search(before) or "rest" in core:
                self.vague_rest(span, core)
            elif MOVING.search(before) and not HOLD_BEFORE.search(before):
                self.mention(span, "duration", MentionStatus.IGNORED, "time spent moving")
            else:
                self.mention(span, "hold", MentionStatus.UNQUANTIFIED)

    def vague_rest(self, span: Span, core: str) -> None:
        if BETWEEN_SETS.search(self.context(span).sentence):
            self.mention(span, "rest", MentionStatus.IGNORED, "rest between sets or intervals")
        else:
            self.vague_rests.append((Rest(text=core), span))
            self.mention(span, "rest", MentionStatus.UNQUANTIFIED)

    def placeholders(self) -> None:
        for match in PLACEHOLDER.finditer(self.text):
            what = fold(match["what"])
            if what in {"seconds", "minutes", "time"}:
                before = self.context(match.span()).before_clause
                field = "hold" if HOLD_BEFORE.search(before) else "duration"
            else:
                field = "sets" if what == "sets" else "repetitions"
            self.mention(match.span(), field, MentionStatus.PLACEHOLDER)
        if not self.may_have("as"):
            return
        for match in AS_PRESCRIBED.finditer(self.text):
            before = self.context(match.span()).before_clause
            if HOLD_BEFORE.search(before):
                self.mention(match.span(), "hold", MentionStatus.PLACEHOLDER)
            elif REPEAT_VERB.search(before):
                self.mention(match.span(), "repetitions", MentionStatus.PLACEHOLDER)

    # sides and counting

    def side(self) -> tuple[Laterality | None, Span | None]:
        chosen: tuple[Laterality | None, Span | None] = (None, None)
        for laterality, pattern in SIDE_CUES:
            for match in pattern.finditer(self.text):
                if laterality is Laterality.EACH_SIDE and self.weight_before(match.start()):
                    continue
                if laterality is Laterality.ALTERNATING and self.not_about_sides(match):
                    continue
                self.mention(match.span(), "laterality", MentionStatus.TAKEN, laterality.value)
                if chosen[0] is None:
                    chosen = (laterality, match.span())
        if (
            chosen[0] is Laterality.EACH_SIDE
            and self.may_have("one")
            and ONE_REP_DEFINED.search(self.text) is not None
        ):
            # one side then the other is one repetition: the sides alternate
            return Laterality.ALTERNATING, chosen[1]
        return chosen

    def not_about_sides(self, match: re.Match[str]) -> bool:
        """Whether an alternation is not about sides.

        "Alternating direction", "alternate single skips with ...", or hands walked forward
        "alternating left and right".
        """
        if NOT_SIDES_AFTER.match(self.text[match.end() : match.end() + _REACH]):
            return True
        if not self.may_have("walk"):
            return False
        start = max(self.sentence_breaks().before(match.start()), match.start() - _REACH)
        return WALKING_HANDS_BEFORE.search(self.text, start, match.start()) is not None

    def counting(self) -> tuple[CountingRule | None, Span | None]:
        counted = self.counts or any(
            mention.field == "repetitions" and mention.status is MentionStatus.PLACEHOLDER
            for mention in self.mentions
        )
        if not counted:
            return None, None
        for rule, pattern, needs in COUNTING_CUES:
            if not all(any(map(self.may_have, words)) for words in needs):
                continue
            match = pattern.search(self.text)
            if match is not None and not self.weight_before(match.start()):
                self.mention(match.span(), "counting", MentionStatus.TAKEN, rule.value)
                return rule, match.span()
        return None, None


_N = TypeVar("_N", int, float)


def covering_range(
    ranges: Sequence[tuple[tuple[_N, _N | None], Span]],
) -> tuple[tuple[_N, _N | None] | None, Span | None]:
    """The smallest range covering every range (open-ended if any is), and the first span."""
    if not ranges:
        return None, None
    low = min(value[0] for value, _ in ranges)
    highs = [value[1] for value, _ in ranges]
    high = None if None in highs else max(h for h in highs if h is not None)
    return (low, high), ranges[0][1]


def require_str(text: object) -> None:
    """Refuse a text that is not a str, as the readers of prose do.

    Raises:
        InvalidValueError: When ``text`` is not a str.
    """
    if not isinstance(text, str):
        raise InvalidValueError(f"'text' must be a str: {text!r}")


def extract_dose(text: str) -> DoseReading:
    """Read the hold, repetitions, side, rest and sets that a piece of English text states.

    It reads numbers in digits or words ("three to five", "eight to 10", "fifteen"), ranges with
    a hyphen, an en dash, "to", "or" or "between ... and", units "s", "sec", "seconds",
    "minute(s)" (minutes become seconds), "repetitions", "reps", "times", "sets of", hedges
    ("about": kept, noted) and lower bounds ("at least", "or more": open-ended). It takes a
    duration for a hold unless it is a tempo ("a three to six second count", "lower over three
    seconds"), a rest ("rest 30 seconds"; a rest between sets is not taken), a time spent moving
    ("continue for 30 seconds"), only a bound ("up to 60 seconds") or beside a calorie figure.
    Percentages, distances, weights and angles are never doses. "A second" (the idiom), "a few
    seconds" and "as long as you can" are recognised without a number; "one second" is 1 s.

    Args:
        text: The instruction text.

    Returns:
        What the text states; every field the text does not state is ``None``.

    Raises:
        InvalidValueError: When ``text`` is not a str.

    .. versionadded:: 0.1.0
    """
    require_str(text)
    reader = Reader(text)
    reader.quantities()
    reader.small_counts()
    reader.vague()
    reader.placeholders()
    laterality, laterality_span = reader.side()
    counting, counting_span = reader.counting()
    terms = take_terms(reader)
    hold_range, hold_span = covering_range(reader.holds)
    reps_range, reps_span = covering_range(reader.counts)
    sets_range, sets_span = covering_range(reader.sets)
    rests = reader.rests or reader.vague_rests
    rest, rest_span = rests[0] if rests else (None, None)
    return DoseReading(
        text=text,
        hold_range=hold_range,
        hold_span=hold_span,
        reps_range=reps_range,
        reps_span=reps_span,
        sets_range=sets_range,
        sets_span=sets_span,
        laterality=laterality,
        laterality_span=laterality_span,
        counting=counting,
        counting_span=counting_span,
        rest=rest,
        rest_span=rest_span,
        mentions=tuple(sorted(reader.mentions, key=lambda mention: (mention.start, mention.end))),
        work_range=None if terms.work is None else terms.work[0],
        work_span=None if terms.work is None else terms.work[1],
        set_rest=None if terms.set_rest is None else terms.set_rest[0],
        set_rest_span=None if terms.set_rest is None else terms.set_rest[1],
        load=None if terms.load is None else terms.load[0],
        load_span=None if terms.load is None else terms.load[1],
        sessions_per_day=None if terms.sessions_per_day is None else terms.sessions_per_day[0],
        sessions_span=None if terms.sessions_per_day is None else terms.sessions_per_day[1],
        up_to_reps=None if terms.up_to is None else terms.up_to[0],
        up_to_span=None if terms.up_to is None else terms.up_to[1],
    )


def take_terms(reader: Reader) -> Terms:
    """Read the terms of ``prose._dose_terms`` and note them as taken.

    A time read as timed work is no hold: a hold the reader took at the same place is dropped.
    """
    terms = read_terms(reader.text)
    if terms.work is not None:
        start, end = terms.work[1]
        reader.holds = [hold for hold in reader.holds if hold[1][1] <= start or hold[1][0] >= end]
        reader.mentions = [
            mention
            for mention in reader.mentions
            if not (mention.field == "hold" and mention.start < end and mention.end > start)
        ]
    for field, found in (
        ("timed_work", terms.work),
        ("set_rest", terms.set_rest),
        ("load", terms.load),
        ("sessions_per_day", terms.sessions_per_day),
        ("repetitions", terms.up_to),
    ):
        if found is not None:
            note = "up to" if field == "repetitions" else ""
            reader.mention(found[1], field, MentionStatus.TAKEN, note)
    return terms
