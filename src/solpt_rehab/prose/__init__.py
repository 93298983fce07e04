"""Reading doses out of instruction prose, and drafting exercises from an article.

Most exercise content states its dose only in words: "Keep still for 12-18 seconds, then
switch sides." This module reads such text.

* :func:`extract_dose` reads one piece of text (a step, a paragraph) and returns a
  :class:`DoseReading`: the hold, the repetition count, the side cue, the rest and the sets it
  states, each with the span of text it came from, and every other phrase it recognised but did
  not take (a tempo, a rest between sets, a calorie figure, "a few seconds", "the recommended
  amount of repetitions").
* :func:`dose_disagreements` checks an :class:`~solpt_rehab.Exercise`'s steps against its
  structured hold and repetitions, for the validator.
* :func:`read_article` turns an article shaped like the source (a title, numbered exercises, a
  "Purpose:" line, a "How to ..." header and bullet steps) into draft exercises and the problems
  found.

Unknown stays unknown: a number is taken only with a unit that says what it counts, and a phrase
without a number ("a few seconds") is recognised but never given one.

Example::

    >>> from solpt_rehab.prose import extract_dose
    >>> reading = extract_dose("Keep still for 12-18 seconds, then switch sides.")
    >>> str(reading.hold), reading.laterality.value, reading.hold_span
    ('12-18 s', 'each-side', (15, 28))
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import Final, NamedTuple, TypeVar

import attrs

from .._core.errors import InvalidValueError
from .._core.problems import Problem, problem
from .._model.values import (
    Citation,
    CountingRule,
    Exercise,
    Hold,
    Laterality,
    Position,
    RepetitionScheme,
    Rest,
    Step,
    StepKind,
    _Choice,
    format_range,
    unicode_requirement,
)

__all__ = [
    "DEFAULT_COUNTING",
    "DEFAULT_LATERALITY",
    "ArticleReading",
    "DoseReading",
    "Mention",
    "MentionStatus",
    "dose_disagreements",
    "extract_dose",
    "read_article",
]

# -- what the reading returns ---------------------------------------------------------------------


class MentionStatus(_Choice):
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

    .. versionadded:: 0.1.0
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


# -- numbers --------------------------------------------------------------------------------------

_ONES: Final = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS: Final = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen")
_TEENS_MORE: Final = ("seventeen", "eighteen", "nineteen")
_TENS: Final = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_WORD_VALUES: Final[dict[str, int]] = {
    **{word: value for value, word in enumerate(_ONES, 1)},
    **{word: value for value, word in enumerate((*_TEENS, *_TEENS_MORE), 10)},
    **dict(zip(_TENS, range(20, 100, 10), strict=True)),
}
_NUMBER_WORD: Final = (
    rf"\b(?:(?:{'|'.join(_TENS)})(?:[-\s](?:{'|'.join(_ONES)}))?"
    rf"|{'|'.join((*_TEENS, *_TEENS_MORE))}|{'|'.join(_ONES)})\b"
)
_NUM: Final = rf"(?:(?<![\w.])\d+(?:\.\d+)?|{_NUMBER_WORD})"

_TIME_UNITS: Final = {
    "seconds": 1,
    "second": 1,
    "secs": 1,
    "sec": 1,
    "s": 1,
    "minutes": 60,
    "minute": 60,
    "mins": 60,
    "min": 60,
}
_COUNT_UNITS: Final = ("repetitions", "repetition", "reps", "rep", "times", "lifts")
_SET_UNITS: Final = ("sets", "set")
_OTHER_UNITS: Final = {
    "inches": "distance",
    "inch": "distance",
    "feet": "distance",
    "foot": "distance",
    "ft": "distance",
    "yards": "distance",
    "yard": "distance",
    "meters": "distance",
    "metres": "distance",
    "meter": "distance",
    "metre": "distance",
    "cm": "distance",
    "miles": "distance",
    "mile": "distance",
    "km": "distance",
    "lbs": "weight",
    "lb": "weight",
    "pounds": "weight",
    "pound": "weight",
    "kg": "weight",
    "kilograms": "weight",
    "degrees": "angle",
    "degree": "angle",
    "percent": "percentage",
    "calories": "calories",
    "calorie": "calories",
    "kcal": "calories",
    "mph": "speed",
    "o'clock": "clock position",
    "bpm": "heart rate",
}
_WHAT_NOTES: Final = {
    "distance": "a distance",
    "weight": "a weight",
    "angle": "an angle",
    "percentage": "a percentage",
    "calories": "a calorie figure",
    "speed": "a speed",
    "clock position": "a clock position",
    "heart rate": "a heart rate",
}
_SYMBOL_UNITS: Final = {"%": "percentage", "\u00b0": "angle", '"': "distance"}
_UNIT_WORDS: Final = sorted(
    [*_TIME_UNITS, *_COUNT_UNITS, *_SET_UNITS, *_OTHER_UNITS], key=len, reverse=True
)
_UNIT: Final = rf"(?:(?:{'|'.join(re.escape(word) for word in _UNIT_WORDS)})\b|%|°|\")"
#: The bounds and hedges a number may follow ("about 10 seconds", "at least 3 times").
_PRE_PHRASES: Final = (
    "between", "about", "around", "approximately", "roughly", "at least", "a minimum of",
    "minimum of", "up to", "no more than", "more than", "longer than", "less than", "fewer than",
)  # fmt: skip
_PRE: Final = "|".join(r"\s+".join(phrase.split()) for phrase in _PRE_PHRASES)
#: The characters a quantity can start with: a digit, or the first letter of a bound or a number
#: word (matched without regard to case, as the pattern's own letters are).
_QUANTITY_START: Final = (
    r"[\d" + "".join(sorted({word[0] for word in (*_PRE_PHRASES, *_WORD_VALUES)})) + "]"
)
# Every match starts where a word starts, with one of the characters of _QUANTITY_START, so the
# leading assertion changes no match: it only spares the engine trying each alternative at every
# other position.
_QUANTITY: Final = re.compile(
    rf"\b(?={_QUANTITY_START})"
    rf"(?:\b(?P<pre>{_PRE})\s+)?"
    rf"(?P<low>{_NUM})"
    rf"(?:\s*(?P<sep>[-\u2013\u2014]|\bto\b|\bor\b|\band\b)\s*(?P<high>{_NUM}))?"
    rf"(?P<plus>\s*\+|\s+or\s+more\b)?"
    rf"(?:\s*-?\s*(?P<unit>{_UNIT}))?"
    rf"(?P<post>\s+or\s+(?:more|longer)\b)?",
    re.IGNORECASE,
)
_SINGLE: Final = re.compile(
    rf"(?P<low>{_NUM})(?P<plus>\s*\+|\s+or\s+more\b)?(?:\s*-?\s*(?P<unit>{_UNIT}))?"
    rf"(?P<post>\s+or\s+(?:more|longer)\b)?",
    re.IGNORECASE,
)
_ONCE_TWICE: Final = re.compile(
    r"\b(?:repeat|do|perform|complete)\b[^.;,!?]{0,40}?\b(?P<word>once|twice|thrice)\b"
    r"(?!\s+(?:as|more|a\s+(?:day|week)|per|daily|weekly))",
    re.IGNORECASE,
)
_FULL_SECOND: Final = re.compile(r"\ba\s+full\s+second\b", re.IGNORECASE)
_ABOUT: Final = {"about", "around", "approximately", "roughly"}
_AT_LEAST: Final = {"at least", "a minimum of", "minimum of"}
_BOUND_ONLY: Final = {
    "up to",
    "no more than",
    "more than",
    "longer than",
    "less than",
    "fewer than",
}


#: The letters outside ASCII that the patterns' case-insensitive matching takes for ASCII ones
#: ("\u017feven" matches "seven"), mapped to them, so that a matched word is found in the tables.
_FOLD: Final = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def _fold(text: str) -> str:
    """``text`` in lower case, with the letters of :data:`_FOLD` made ASCII."""
    return text.translate(_FOLD).lower()


def _number(text: str) -> float:
    """The value of a number written in digits or in words ("twenty-five")."""
    if text[0].isdigit():
        value = float(text)
        return int(value) if value.is_integer() else value
    return sum(_WORD_VALUES[part] for part in re.split(r"[-\s]+", _fold(text)))


# -- context cues ---------------------------------------------------------------------------------

_I: Final = re.IGNORECASE
_CLAUSE_BREAK: Final = re.compile(r"[.!?;:](?=\s|$)|[,()\u2014\n]")
_SENTENCE_BREAK: Final = re.compile(r"[.!?;](?=\s|$)|\n")
_TEMPO_BEFORE: Final = re.compile(
    r"\b(?:over|in|within|taking|takes?)\s+(?:a\s+|an\s+|the\s+)?$", _I
)
_TEMPO_AFTER: Final = re.compile(r"^\s*(?:-\s*)?count\b", _I)
_REST_BEFORE: Final = re.compile(r"\b(?:rest|resting|recover|recovery|break)\b(?!\s+of\b)", _I)
_REST_AFTER: Final = re.compile(
    r"^\s*(?:of\s+)?(?:rest|break|recovery)\b|^\s+(?:to|for)\s+(?:rest|recover)\b", _I
)
_BETWEEN_SETS: Final = re.compile(r"\b(?:sets?|rounds?|circuits?|exercises|intervals?)\b", _I)
_HOLD_BEFORE: Final = re.compile(
    r"\b(?:hold|holds|holding|held|stay|stays|staying|remain|remaining|pause|pauses|pausing"
    r"|paused|keep|keeping|isometric|contraction|contract|contracting|squeeze|squeezing"
    r"|sustain|sustaining)\b",
    _I,
)
_HOLD_AFTER: Final = re.compile(
    r"^\s*(?:hold|pause|contraction|squeeze|isometric|stretch|static)\b", _I
)
_MOVING: Final = re.compile(
    r"\b(?:continue|continuing|repeat|repeating|alternat\w*|jog\w*|run|runs|running|walk\w*"
    r"|cycl\w*|skat\w*|jump\w*|swing\w*|circl\w*|circular|march\w*|rowing|burn\w*|spin\w*"
    r"|bik\w*|perform\w*|pedal\w*|climb\w*)\b",
    _I,
)
_CALORIES: Final = re.compile(r"\bcalori", _I)
_DEFINITION_BEFORE: Final = re.compile(
    r"\b(?:equals?|is|constitutes|counts?\s+as|considered|makes)\s+$", _I
)
_REP_MAX_AFTER: Final = re.compile(r"^\s*max(?:imum)?\b", _I)
_FREQUENCY_AFTER: Final = re.compile(
    r"^\s+(?:a|per|each|every)\s+(?:day|week|month)\b|^\s+(?:daily|weekly)\b", _I
)
_MULTIPLIER_AFTER: Final = re.compile(
    r"^\s+(?:as\s+(?!\w+\s+as\s+(?:you\s+can|possible))|more\b|less\b|longer\b|faster\b"
    r"|harder\b|heavier\b|your\b|the\b|body)",
    _I,
)
_OF_AFTER_SETS: Final = re.compile(r"^\s+of\s+$", _I)
#: After "each side" (or leg, arm, foot), what makes it a place rather than the side worked:
#: "a forearm on each side of the frame", "a dumbbell on each side of the bench".
_PLACE_AFTER: Final = r"(?!\s+of\b)"
_PER_SIDE: Final = re.compile(
    r"\b(?:(?:on|for|with|per)\s+(?:each|every)|per|each)\s+(?:side|leg|arm|foot)\b" + _PLACE_AFTER,
    _I,
)
_TOTAL: Final = re.compile(r"\bin\s+(?:all|total)\b|\btotal\b|\baltogether\b", _I)
#: The counting cues, each with the words its every match holds: one of each group.
_COUNTING_CUES: Final = (
    (CountingRule.PER_SIDE, _PER_SIDE, (("each", "every", "per"), ("side", "leg", "arm", "foot"))),
    (CountingRule.TOTAL, _TOTAL, (("all", "total", "altogether"),)),
)
_WEIGHT_BEFORE: Final = re.compile(r"(?:lbs?|pounds?|kg|plates?|weights?)\s*$", _I)

_SIDE_CUES: Final = (
    (
        Laterality.AFFECTED_SIDE,
        re.compile(
            r"\b(?:painful|affected|injured|sore|involved)\s+"
            r"(?:side|leg|hip|knee|arm|shoulder|ankle|foot|thigh|buttock)\b",
            _I,
        ),
    ),
    (
        Laterality.ALTERNATING,
        re.compile(
            r"\balternat(?:e|es|ed|ing|ely)\b(?!\s+(?:your\s+)?grip)"
            r"|\b(?:keep|keeps|continue|continues)\s+switching\b"
            r"|\bswitching\s+(?:legs|sides|arms)\s+(?:each|every|after\s+each)\b",
            _I,
        ),
    ),
    (
        Laterality.EACH_SIDE,
        re.compile(
            r"\bswitch(?:es|ing)?\s+(?:to\s+(?:the|your)\s+(?:other|opposite)\s+)?"
            r"(?:sides?|legs?|arms?|feet|foot|hands?)\b"
            r"|\b(?:repeat|repeating|perform|do|continue|then|and)\b[^.;!?]{0,80}?"
            r"\b(?:with|on|for|to|using)\s+(?:the|your)\s+(?:other|opposite)\s+"
            r"(?:side|leg|arm|foot|hand)\b"
            r"|\b(?:on|for|with|per)\s+(?:each|every)\s+(?:side|leg|arm|foot)\b"
            + _PLACE_AFTER
            + r"|\bper\s+(?:side|leg|arm|foot)\b"
            + _PLACE_AFTER
            + r"|\b(?:seconds?|reps?|repetitions?|times)\s+each\s+(?:side|leg|arm|foot)\b"
            + _PLACE_AFTER
            + r"|\bone\s+(?:side|leg|arm)\s+at\s+a\s+time\b",
            _I,
        ),
    ),
    (
        Laterality.BILATERAL,
        re.compile(
            r"\b(?:bring|brings|bringing|pull|pulls|pulling|draw|draws|drawing|hug|hugging|raise"
            r"|raises|raising|lift|lifts|lifting|tuck|tucking)\s+both\s+(?:of\s+)?(?:your\s+)?"
            r"(?:knees|legs|arms|feet)\b"
            r"|\bboth\s+(?:legs|knees|arms|feet)\s+(?:together|at\s+once|at\s+the\s+same\s+time"
            r"|simultaneously)\b",
            _I,
        ),
    ),
)

_VAGUE_UNITS: Final = (
    r"seconds|moments|minutes|inches|feet|times|repetitions|reps|breaths|centimeters|cm"
)
_VAGUE: Final = re.compile(
    rf"\b(?P<core>(?:a|one)\s+few\s+(?P<u1>{_VAGUE_UNITS})"
    rf"|several\s+(?P<u2>{_VAGUE_UNITS})"
    rf"|a\s+couple\s+(?:of\s+)?(?P<u3>{_VAGUE_UNITS})"
    r"|a\s+(?:brief\s+)?moment"
    r"|a\s+brief\s+(?:pause|hold|rest)"
    r"|a\s+second(?:'s)?(?=\s+(?:pause|hold|contraction|squeeze|of)\b)"
    r"|(?<=for\s)a\s+second|(?<=by\s)a\s+second|(?<=after\s)a\s+second"
    r"|as\s+long\s+as\s+(?:you\s+can|possible|comfortable|tolerable))\b"
    r"(?!\s+(?:time|set|rep|repetition|step|pull|phase|round|attempt|part)\b)",
    _I,
)
_PLACEHOLDER: Final = re.compile(
    r"\b(?:the\s+|all\s+(?:of\s+)?(?:the\s+)?)?(?:recommended|prescribed|desired|specified"
    r"|required|suggested|given|appropriate)\s+(?:(?:amount|number)\s+of\s+)?"
    r"(?P<what>repetitions|repetition|reps|rep\s+count|rep|times|seconds|minutes|sets|time)\b",
    _I,
)


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

    def __init__(self, reader: _Reader, span: _Span, clauses: _Breaks) -> None:
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
    if context.may_have("calori") and _CALORIES.search(context.sentence):
        return "ignored", "activity time beside a calorie figure"
    rest = _REST_AFTER.search(unit_after) is not None
    if not rest and (
        _TEMPO_AFTER.search(unit_after) or _TEMPO_BEFORE.search(context.before_clause)
    ):
        return "ignored", "tempo or time limit"
    if pre in _BOUND_ONLY:
        return "ignored", f"only a bound ({pre!r})"
    if rest or _REST_BEFORE.search(context.before_clause):
        if _BETWEEN_SETS.search(context.sentence):
            return "ignored", "rest between sets or intervals"
        return "rest", ""
    if _HOLD_AFTER.search(unit_after) or _HOLD_BEFORE.search(context.before_clause):
        return "hold", ""
    if _MOVING.search(context.before_clause):
        return "ignored", "time spent moving"
    return "hold", ""


def _count_kind(unit: str, pre: str, context: _Context) -> tuple[str, str]:
    """Classify a count: ``("repetitions" | "ignored", note)``, the first rule that fits."""
    if _DEFINITION_BEFORE.search(context.before_clause):
        return "ignored", "defines one repetition"
    if _REP_MAX_AFTER.search(context.after_clause):
        return "ignored", "a repetition maximum"
    if unit == "times" and _FREQUENCY_AFTER.search(context.after_clause):
        return "ignored", "a frequency"
    if unit == "times" and _MULTIPLIER_AFTER.search(context.after_clause):
        return "ignored", "a multiplier"
    if pre in _BOUND_ONLY:
        return "ignored", f"only a bound ({pre!r})"
    return "repetitions", ""


_Span = tuple[int, int]


class _Reader:
    """One pass over a text: the ranges taken so far and every phrase recognised."""

    def __init__(self, text: str) -> None:
        self.text = text
        # An ASCII text in lower case, for a quick test that a pattern's literal word cannot
        # match (None for other text: case folding reaches beyond ASCII, "\u017f" matches "s").
        self.lower = text.lower() if text.isascii() else None
        self.clauses: _Breaks | None = None
        self.sentences: _Breaks | None = None
        self.holds: list[tuple[tuple[float, float | None], _Span]] = []
        self.counts: list[tuple[tuple[int, int | None], _Span]] = []
        self.sets: list[tuple[tuple[int, int | None], _Span]] = []
        self.rests: list[tuple[Rest, _Span]] = []
        self.vague_rests: list[tuple[Rest, _Span]] = []
        self.mentions: list[Mention] = []

    def mention(self, span: _Span, field: str, status: MentionStatus, note: str = "") -> None:
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
        return _WEIGHT_BEFORE.search(self.text, max(0, position - 20), position) is not None

    def may_have(self, word: str) -> bool:
        """False only when the text cannot hold ``word`` (lower case ASCII), in any case."""
        return self.lower is None or word in self.lower

    def context(self, span: _Span) -> _Context:
        if self.clauses is None:
            # Where the text's clauses break: found when a phrase first needs them.
            self.clauses = _Breaks(_CLAUSE_BREAK, self.text)
        return _Context(self, span, self.clauses)

    def sentence_breaks(self) -> _Breaks:
        """Where the text's sentences break: found when a phrase first needs them."""
        if self.sentences is None:
            self.sentences = _Breaks(_SENTENCE_BREAK, self.text)
        return self.sentences

    # numbers with units

    def quantities(self) -> None:
        position = 0
        after_sets: int | None = None
        while (match := _QUANTITY.search(self.text, position)) is not None:
            pre = " ".join(_fold(match["pre"] or "").split())
            if match["high"] is not None and _fold(match["sep"]) == "and" and pre != "between":
                single = _SINGLE.match(self.text, match.start("low"))
                assert single is not None  # noqa: S101 - _SINGLE is a prefix of _QUANTITY
                match, pre = single, ""
            position = max(match.end(), position + 1)
            unit = _fold(match["unit"] or "")
            if (
                not unit
                and after_sets is not None
                and _OF_AFTER_SETS.match(self.text[after_sets : match.start("low")])
            ):
                unit = "reps"
            span = (match.start("pre") if pre else match.start("low"), match.end())
            after_sets = self.quantity(match, pre, unit, span)

    def quantity(self, match: re.Match[str], pre: str, unit: str, span: _Span) -> int | None:
        """Take or ignore one number; return its end when it counts sets ("3 sets of 10")."""
        low = _number(match["low"])
        high_text = match.groupdict().get("high")
        high: float | None = _number(high_text) if high_text else low
        if match["plus"] or match["post"] or pre in _AT_LEAST:
            high = None
        note = "about" if pre in _ABOUT else ""
        if not unit:
            if match["low"][0].isdigit():
                self.mention(span, "number", MentionStatus.IGNORED, "no unit")
        elif unit in _OTHER_UNITS or unit in _SYMBOL_UNITS:
            what = _SYMBOL_UNITS.get(unit) or _OTHER_UNITS[unit]
            self.mention(span, what, MentionStatus.IGNORED, _WHAT_NOTES[what])
        elif low <= 0 or (high is not None and high < low):
            self.mention(span, "number", MentionStatus.IGNORED, "not a valid range")
        elif unit in _TIME_UNITS:
            scale = _TIME_UNITS[unit]
            self.duration(span, (low * scale, None if high is None else high * scale), pre, note)
        elif unit in _SET_UNITS:
            self.whole(span, (low, high), "sets", note)
            return span[1]
        else:
            kind, why = _count_kind(unit, pre, self.context(span))
            if kind == "ignored":
                self.mention(span, "count", MentionStatus.IGNORED, why)
            else:
                self.whole(span, (low, high), "repetitions", note)
        return None

    def duration(self, span: _Span, value: tuple[float, float | None], pre: str, note: str) -> None:
        kind, why = _time_kind(self.text[span[1] :], pre, self.context(span))
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

    def whole(self, span: _Span, value: tuple[float, float | None], field: str, note: str) -> None:
        low, high = value
        if not isinstance(low, int) or not (high is None or isinstance(high, int)):
            self.mention(span, field, MentionStatus.IGNORED, "not a whole number")
            return
        target = self.counts if field == "repetitions" else self.sets
        target.append(((low, high), span))
        self.mention(span, field, MentionStatus.TAKEN, note)

    def small_counts(self) -> None:
        if self.may_have("once") or self.may_have("twice") or self.may_have("thrice"):
            for match in _ONCE_TWICE.finditer(self.text):
                value = {"once": 1, "twice": 2, "thrice": 3}[_fold(match["word"])]
                self.counts.append(((value, value), match.span("word")))
                self.mention(match.span("word"), "repetitions", MentionStatus.TAKEN)
        if not self.may_have("full"):
            return
        for match in _FULL_SECOND.finditer(self.text):
            self.holds.append(((1, 1), match.span()))
            self.mention(match.span(), "hold", MentionStatus.TAKEN)

    # phrases without numbers

    def vague(self) -> None:
        for match in _VAGUE.finditer(self.text):
            core = " ".join(match["core"].lower().split())
            unit = _fold(match["u1"] or match["u2"] or match["u3"] or "")
            span = match.span("core")
            before = self.context(span).before_clause
            if unit in {"inches", "feet", "centimeters", "cm"}:
                self.mention(span, "distance", MentionStatus.UNQUANTIFIED)
            elif unit in {"times", "repetitions", "reps"}:
                self.mention(span, "repetitions", MentionStatus.UNQUANTIFIED)
            elif core.startswith("as long as"):
                if _HOLD_BEFORE.search(before):
                    self.mention(span, "hold", MentionStatus.UNQUANTIFIED)
            elif _REST_BEFORE.search(before) or "rest" in core:
                self.vague_rest(span, core)
            elif _MOVING.search(before) and not _HOLD_BEFORE.search(before):
                self.mention(span, "duration", MentionStatus.IGNORED, "time spent moving")
            else:
                self.mention(span, "hold", MentionStatus.UNQUANTIFIED)

    def vague_rest(self, span: _Span, core: str) -> None:
        if _BETWEEN_SETS.search(self.context(span).sentence):
            self.mention(span, "rest", MentionStatus.IGNORED, "rest between sets or intervals")
        else:
            self.vague_rests.append((Rest(text=core), span))
            self.mention(span, "rest", MentionStatus.UNQUANTIFIED)

    def placeholders(self) -> None:
        for match in _PLACEHOLDER.finditer(self.text):
            what = _fold(match["what"])
            if what in {"seconds", "minutes", "time"}:
                before = self.context(match.span()).before_clause
                field = "hold" if _HOLD_BEFORE.search(before) else "duration"
            else:
                field = "sets" if what == "sets" else "repetitions"
            self.mention(match.span(), field, MentionStatus.PLACEHOLDER)

    # sides and counting

    def side(self) -> tuple[Laterality | None, _Span | None]:
        chosen: tuple[Laterality | None, _Span | None] = (None, None)
        for laterality, pattern in _SIDE_CUES:
            for match in pattern.finditer(self.text):
                if laterality is Laterality.EACH_SIDE and self.weight_before(match.start()):
                    continue
                self.mention(match.span(), "laterality", MentionStatus.TAKEN, laterality.value)
                if chosen[0] is None:
                    chosen = (laterality, match.span())
        return chosen

    def counting(self) -> tuple[CountingRule | None, _Span | None]:
        counted = self.counts or any(
            mention.field == "repetitions" and mention.status is MentionStatus.PLACEHOLDER
            for mention in self.mentions
        )
        if not counted:
            return None, None
        for rule, pattern, needs in _COUNTING_CUES:
            if not all(any(map(self.may_have, words)) for words in needs):
                continue
            match = pattern.search(self.text)
            if match is not None and not self.weight_before(match.start()):
                self.mention(match.span(), "counting", MentionStatus.TAKEN, rule.value)
                return rule, match.span()
        return None, None


_N = TypeVar("_N", int, float)


def _hull(
    ranges: Sequence[tuple[tuple[_N, _N | None], _Span]],
) -> tuple[tuple[_N, _N | None] | None, _Span | None]:
    """The smallest range covering every range (open-ended if any is), and the first span."""
    if not ranges:
        return None, None
    low = min(value[0] for value, _ in ranges)
    highs = [value[1] for value, _ in ranges]
    high = None if None in highs else max(h for h in highs if h is not None)
    return (low, high), ranges[0][1]


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
    given: object = text
    if not isinstance(given, str):
        raise InvalidValueError(f"'text' must be a str: {given!r}")
    reader = _Reader(text)
    reader.quantities()
    reader.small_counts()
    reader.vague()
    reader.placeholders()
    laterality, laterality_span = reader.side()
    counting, counting_span = reader.counting()
    hold_range, hold_span = _hull(reader.holds)
    reps_range, reps_span = _hull(reader.counts)
    sets_range, sets_span = _hull(reader.sets)
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
    )


# -- checking structured doses against the steps --------------------------------------------------


def _seconds_text(low: float, high: float | None) -> str:
    return f"{format_range(low, high)} s"


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
        reading = _stated(step.text)
        if reading is _NOTHING_STATED:
            continue
        where = (*base, "steps", index, "text")
        hold = _hold_disagreement(exercise, reading)
        if hold is not None:
            yield problem(where, "prose-hold-mismatch", hold)
        reps = _reps_disagreement(exercise, reading)
        if reps is not None:
            yield problem(where, "prose-reps-mismatch", reps)


class _Stated(NamedTuple):
    """What the prose check needs of a :class:`DoseReading`: the hold, the count, the counting."""

    text: str
    hold_range: tuple[float, float | None] | None
    hold_span: tuple[int, int] | None
    reps_range: tuple[int, int | None] | None
    reps_span: tuple[int, int] | None
    counting: CountingRule | None


_NOTHING_STATED: Final = _Stated("", None, None, None, None, None)


def _ascii_words(words: Iterable[str]) -> frozenset[bytes]:
    return frozenset(word.encode() for word in words)


#: The number words :data:`_NUM` reads ("twenty-five" is two words to the filter below).
_NUMBER_WORDS: Final = _ascii_words(_WORD_VALUES)
#: The units after a number that make it a hold, a count, or the sets that a count without a
#: unit may follow ("3 sets of 10"): every other unit, and no unit, give neither.
_DOSE_UNITS: Final = _ascii_words((*_TIME_UNITS, *_COUNT_UNITS, *_SET_UNITS))
#: The words of :data:`_ONCE_TWICE`'s counts.
_SMALL_COUNT_WORDS: Final = _ascii_words(("once", "twice", "thrice"))
#: Without a digit, a text needs one of these words to state a hold or a count.
_TRIGGER_WORDS: Final = _NUMBER_WORDS | _SMALL_COUNT_WORDS | {b"full"}
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


def _may_state_dose(text: str) -> bool:
    """False only for a text from which :func:`extract_dose` reads no hold and no count.

    The patterns match without regard to case, each word with a word boundary on both sides, so
    in ASCII text they see the text's words in lower case (runs of letters, digits and "_").
    :func:`extract_dose` takes a hold or a count only from:

    * "once", "twice" or "thrice" (:data:`_ONCE_TWICE`): one of :data:`_SMALL_COUNT_WORDS`;
    * "a full second" (:data:`_FULL_SECOND`): the words "full" and "second";
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
    if not found.isdisjoint(_SMALL_COUNT_WORDS) or (b"full" in found and b"second" in found):
        return True
    if not digit and found.isdisjoint(_NUMBER_WORDS):
        return False
    if not found.isdisjoint(_DOSE_UNITS):
        return True
    return digit and any(
        word[0] in _DIGITS and word.lstrip(_DIGITS) in _DOSE_UNITS for word in found
    )


class _QuietReader(_Reader):
    """A reader that keeps no mentions: the prose check needs only the ranges."""

    def mention(self, span: _Span, field: str, status: MentionStatus, note: str = "") -> None:
        """Keep nothing (:meth:`_Reader.counting` looks at mentions only when no count is read)."""


def _read_stated(text: str) -> _Stated:
    """The hold, the count and its counting rule, read exactly as :func:`extract_dose` reads them.

    Only the passes those depend on run: numbers with units and the small counts (the vague
    phrases, the placeholders and the side cues add no hold and no count, and the counting rule
    matters only beside a count).
    """
    reader = _QuietReader(text)
    reader.quantities()
    reader.small_counts()
    hold_range, hold_span = _hull(reader.holds)
    reps_range, reps_span = _hull(reader.counts)
    counting = reader.counting()[0] if reader.counts else None
    if hold_range is None and reps_range is None:
        return _NOTHING_STATED
    return _Stated(text, hold_range, hold_span, reps_range, reps_span, counting)


#: Texts longer than this are read each time rather than remembered, so the cache stays small.
_CACHED_LENGTH: Final = 500
_read_cached: Final = functools.lru_cache(maxsize=2048)(_read_stated)


def _stated(text: str) -> _Stated:
    """:func:`_read_stated` for a text that may state a dose, remembered for short texts."""
    if not _may_state_dose(text):
        return _NOTHING_STATED
    if type(text) is str and len(text) <= _CACHED_LENGTH:
        return _read_cached(text)
    return _read_stated(text)


def _phrase(reading: _Stated, span: tuple[int, int] | None) -> str:
    return "" if span is None else reading.text[span[0] : span[1]]


def _hold_disagreement(exercise: Exercise, reading: _Stated) -> str | None:
    if reading.hold_range is None:
        return None
    low, high = reading.hold_range
    stated = _seconds_text(low, high)
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


def _reps_disagreement(exercise: Exercise, reading: _Stated) -> str | None:
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
    inside = low >= scheme.min_reps and (
        scheme.max_reps is None or (high is not None and high <= scheme.max_reps)
    )
    if inside:
        return None
    return (
        f"the step states {format_range(low, high)!r} repetitions, outside the documented "
        f"{scheme.range_text!r} of {exercise.id!r}: {_phrase(reading, reading.reps_span)!r}"
    )


# -- drafting an exercise from its steps ----------------------------------------------------------

#: The side a draft records when no step gives a side cue: the whole body working at once, which
#: is what an instruction without any side cue describes (a squat, a crunch, a bridge).
DEFAULT_LATERALITY: Final = Laterality.BILATERAL
#: How a draft reads an unstated two-sided count: alternating work counts every repetition
#: (the catalog's reading of the lying march); each-side work counts each side's set.
DEFAULT_COUNTING: Final[Mapping[Laterality, CountingRule]] = MappingProxyType(
    {Laterality.ALTERNATING: CountingRule.TOTAL, Laterality.EACH_SIDE: CountingRule.PER_SIDE}
)
_SIDE_PRIORITY: Final = tuple(laterality for laterality, _ in _SIDE_CUES)

_SETUP_STRONG: Final = re.compile(
    r"^\W*(?:(?:to\s+begin|first)\W+)?(?:lie|lay|sit|stand|kneel|place|put|position|grab|grasp"
    r"|get\s+into|start|begin|set\s+up|attach|adjust|secure|load|assume)\b"
    r"|\b(?:this|that)\s+(?:will\s+be|is)\s+(?:your|the)\s+start(?:ing)?\s+position\b",
    _I,
)
_SETUP_LEADING: Final = re.compile(
    r"^\W*(?:bend|cross|wrap|hold|rest|keep|hook|clasp|take|step|face|lean|use)\b",
    _I,
)
_REPEAT_STEP: Final = re.compile(
    r"^\W*(?:(?:then|now|next)\W+)?(?:repeat|continue|alternate|switch|keep\s+switching"
    r"|do\s+the\s+(?:same|stretch|exercise|movement|whole)|perform\s+the\s+(?:same|exercise))\b",
    _I,
)
_RELEASE_STEP: Final = re.compile(
    r"^\W*(?:(?:slowly|gently|then|now|finally|carefully)\s+)?(?:return|release|relax|let\s+go"
    r"|come\s+back|go\s+back|lower|reverse|rest)\b"
    r"|\bback\s+(?:down\s+)?(?:to|toward|towards|onto)\b"
    r"|\breturn\s+to\s+(?:the\s+)?(?:starting|start|original)\s+position\b",
    _I,
)
_LYING: Final = r"\b(?:lie|lies|lying|lay|laying)\b[^.;]{0,40}?"
_POSITIONS: Final = (
    (
        Position.SUPINE,
        re.compile(rf"\bon\s+your\s+back\b|{_LYING}\bfac(?:e|ing)\s+up\b|\bsupine\b", _I),
    ),
    (
        Position.PRONE,
        re.compile(
            rf"\bon\s+your\s+(?:stomach|front|belly)\b|{_LYING}\bfac(?:e|ing)\s+down\b"
            r"|\bprone\b",
            _I,
        ),
    ),
    (Position.SIDE_LYING, re.compile(r"\b(?:lie|lying|lay)\s+on\s+your\s+side\b", _I)),
    (Position.QUADRUPED, re.compile(r"\bhands\s+and\s+knees\b|\ball\s+fours\b", _I)),
    (Position.KNEELING, re.compile(r"\bkneel(?:ing)?\b", _I)),
    (Position.SITTING, re.compile(r"\b(?:sit|sitting|seated)\b", _I)),
    (Position.STANDING, re.compile(r"\b(?:stand|standing)\b", _I)),
)


@attrs.frozen
class _Note:
    """Something a draft could not read, or read with a documented fallback."""

    code: str
    field: tuple[str, ...]
    message: str


@attrs.frozen
class _Draft:
    """An exercise's dose read from its steps, with what was read and what was assumed."""

    hold: Hold | None
    repetitions: RepetitionScheme
    steps: tuple[Step, ...]
    position: Position | None
    found: tuple[str, ...]
    notes: tuple[_Note, ...]


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


def _draft_hold(readings: Sequence[DoseReading]) -> tuple[Hold | None, list[str], list[_Note]]:
    found: list[str] = []
    notes: list[_Note] = []
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
            _Note(
                "hold-open-ended",
                ("hold",),
                f"step {index + 1} states an open-ended hold "
                f"({_seconds_text(value[0], None)!r}); a hold needs an upper bound, so the draft "
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
                _Note(
                    code,
                    ("hold",),
                    f"step {index + 1} {wording}; the draft has none: {mention.text!r}",
                )
            )
            return None, found, notes
    notes.append(_Note("hold-not-stated", ("hold",), "no step states a hold; the draft has none"))
    return None, found, notes


def _draft_count(readings: Sequence[DoseReading]) -> tuple[int, int | None, list[str], list[_Note]]:
    counts = [(i, value) for i, r in enumerate(readings) if (value := r.reps_range) is not None]
    if counts:
        low = min(value[0] for _, value in counts)
        highs = [value[1] for _, value in counts]
        high = None if None in highs else max(h for h in highs if h is not None)
        where = _steps_word([i for i, _ in counts])
        return low, high, [f"repetitions {format_range(low, high)} from {where}"], []
    reason = "no step states a repetition count"
    for status, wording in (
        (MentionStatus.PLACEHOLDER, "stands in for it"),
        (MentionStatus.UNQUANTIFIED, "states it without a number"),
    ):
        first = _first_mention(readings, "repetitions", status)
        if first is not None:
            reason += f" (step {first[0] + 1} {wording}: {first[1].text!r})"
            break
    message = f"{reason}; the draft records 'at least 1', which says only that it is done"
    return 1, None, [], [_Note("repetitions-not-stated", ("repetitions",), message)]


def _draft_side(
    readings: Sequence[DoseReading], hint: tuple[Laterality, str] | None
) -> tuple[Laterality, CountingRule | None, list[str], list[_Note]]:
    found: list[str] = []
    notes: list[_Note] = []
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
            _Note(
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
    rule = DEFAULT_COUNTING[laterality]
    notes.append(
        _Note(
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


def _position(texts: Sequence[str]) -> Position | None:
    for text in texts[:1]:
        for position, pattern in _POSITIONS:
            if pattern.search(text):
                return position
    return None


def _draft(
    texts: Sequence[str],
    readings: Sequence[DoseReading],
    *,
    laterality_hint: tuple[Laterality, str] | None = None,
) -> _Draft:
    """Read an exercise's dose, step kinds and position from its steps."""
    hold, found, notes = _draft_hold(readings)
    low, high, count_found, count_notes = _draft_count(readings)
    laterality, counting, side_found, side_notes = _draft_side(readings, laterality_hint)
    rest, rest_found = _draft_rest(readings)
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
    position = _position(texts)
    if position is not None:
        side_found.append(f"position {position.value!r} from step 1")
    return _Draft(
        hold=hold,
        repetitions=repetitions,
        steps=tuple(steps),
        position=position,
        found=(*found, *count_found, *side_found, *rest_found),
        notes=(*notes, *count_notes, *side_notes),
    )


def _slug(text: str) -> str:
    """A lowercase slug of letters and digits joined by hyphens ("" when none is left)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _unique(slug: str, taken: set[str]) -> str:
    candidate, number = slug, 1
    while candidate in taken:
        number += 1
        candidate = f"{slug}-{number}"
    taken.add(candidate)
    return candidate


# -- reading an article ---------------------------------------------------------------------------

_NUMBERED: Final = re.compile(r"^\s*\d+\s*[.)]\s+(?P<name>\S.*?)\s*$")
_BULLET: Final = re.compile(
    r"^\s*(?:[\u2022\u25cf\u25aa\u25e6\u2023\u2219\u00b7]\s*|[*\-\u2013\u2014]\s+)"
    r"(?P<text>\S.*?)\s*$"
)
_PURPOSE: Final = re.compile(r"^\s*purpose\s*:\s*(?P<text>.*?)\s*$", _I)
_HOW_TO: Final = re.compile(r"^\s*how\s+to\b", _I)


@attrs.frozen(kw_only=True)
class ArticleReading:
    """What :func:`read_article` drafted from an article.

    Attributes:
        title: The article's first line, or ``""`` when it has none.
        exercises: The draft exercises, in the article's order; an exercise that cannot be
            drafted (one without steps) is left out and reported.
        problems: Everything the reading could not take as stated, with JSON Pointer paths
            ``/exercises/N/...`` where N counts every numbered exercise of the article from 0,
            drafted or left out: errors for what was left out, warnings for the gaps a draft
            fills with a documented fallback.

    .. versionadded:: 0.1.0
    """

    title: str
    exercises: tuple[Exercise, ...]
    problems: tuple[Problem, ...]


@attrs.define
class _Block:
    name: str
    purpose: str | None = None
    steps: list[str] = attrs.Factory(list)


def _blocks(text: str) -> tuple[str, list[_Block]]:
    title = ""
    blocks: list[_Block] = []
    current: _Block | None = None
    in_steps = False
    for line in text.splitlines():
        if not line.strip():
            continue
        numbered = _NUMBERED.match(line)
        if numbered is not None:
            current = _Block(name=numbered["name"])
            blocks.append(current)
            in_steps = False
            continue
        if not title and not blocks:
            title = line.strip()
            continue
        if current is None:
            continue
        bullet = _BULLET.match(line)
        purpose = _PURPOSE.match(line)
        if bullet is not None:
            current.steps.append(bullet["text"])
            in_steps = True
        elif purpose is not None and current.purpose is None and not in_steps:
            current.purpose = purpose["text"]
        elif _HOW_TO.match(line) and not in_steps:
            in_steps = True
        elif in_steps and current.steps:
            current, in_steps = None, False
    return title, blocks


def read_article(text: str) -> ArticleReading:
    """Draft exercises from an article shaped like the source.

    The shape: a title on the first line; each exercise starts with a numbered line ("1. Figure
    4 stretch"; the number itself is not read, since the source numbers every exercise "1."),
    then an optional "Purpose:" line, an optional "How to ..." header and bullet steps ("•", "*",
    "-"). The first line that is not a bullet after an exercise's steps ends it.

    Each draft takes its hold, repetitions, side, rest and position from its steps through
    :func:`extract_dose`: the hold is the smallest range covering every stated hold, the side the
    most specific cue (affected side, alternating, each side, bilateral). A step's kind is
    inferred: the steps stating the hold are ``HOLD`` steps, those stating a count or sending the
    work to the other side ``REPEAT``, setting-up steps ``SETUP``, coming back ``RELEASE``, the
    rest ``MOVE``. What the steps leave open is filled with a documented fallback and reported
    as a warning: no count gives "at least 1" (``repetitions-not-stated``), no side cue gives
    :data:`DEFAULT_LATERALITY` (``laterality-not-stated``), an unstated two-sided counting rule
    gives :data:`DEFAULT_COUNTING` (``counting-not-stated``). No hold leaves the draft without
    one (``hold-not-stated``, ``hold-unquantified`` or ``hold-open-ended``). Ids are slugs of the
    names. Text that is not valid Unicode (it holds a surrogate code point) gives no draft and one
    ``invalid-unicode`` error, since no exercise can hold such text.

    Args:
        text: The article as plain text.

    Returns:
        The drafts and the problems found.

    Raises:
        InvalidValueError: When ``text`` is not a str.

    .. versionadded:: 0.1.0
    """
    given: object = text
    if not isinstance(given, str):
        raise InvalidValueError(f"'text' must be a str: {given!r}")
    title, blocks = _blocks(text)
    requirement = unicode_requirement(text)
    if requirement is not None:  # no draft could hold such text, so none is made
        refused = problem((), "invalid-unicode", f"the article must {requirement}")
        return ArticleReading(title=title, exercises=(), problems=(refused,))
    problems: list[Problem] = []
    exercises: list[Exercise] = []
    taken: set[str] = set()
    if not blocks:
        problems.append(
            problem((), "no-exercises", f"the article has no numbered exercise: {title!r}")
        )
    for position, block in enumerate(blocks):
        exercise = _article_exercise(
            block, position=position, count=len(blocks), title=title, taken=taken, problems=problems
        )
        if exercise is not None:
            exercises.append(exercise)
    return ArticleReading(title=title, exercises=tuple(exercises), problems=tuple(problems))


def _article_exercise(
    block: _Block,
    *,
    position: int,
    count: int,
    title: str,
    taken: set[str],
    problems: list[Problem],
) -> Exercise | None:
    def add_problem(field: Sequence[str], code: str, message: str) -> None:
        problems.append(problem(("exercises", position, *field), code, message))

    if not block.steps:
        add_problem(
            ("steps",),
            "no-steps",
            f"the exercise has no bullet steps, so it is left out: {block.name!r}",
        )
        return None
    slug = _slug(block.name) or f"exercise-{position + 1}"
    unique = _unique(slug, taken)
    if unique != slug:
        add_problem(
            ("id",), "id-renamed", f"another exercise has the id {slug!r}; this one is {unique!r}"
        )
    if block.purpose is None:
        add_problem(
            ("purpose",), "purpose-missing", f"the exercise has no 'Purpose:' line: {block.name!r}"
        )
    readings = [extract_dose(step) for step in block.steps]
    draft = _draft(block.steps, readings)
    for note in draft.notes:
        add_problem(note.field, note.code, note.message)
    return Exercise(
        id=unique,
        name=block.name,
        purpose=block.purpose or "",
        steps=draft.steps,
        hold=draft.hold,
        repetitions=draft.repetitions,
        position=draft.position,
        source=Citation(title=title, locator=f"exercise {position + 1} of {count}")
        if title
        else None,
    )
