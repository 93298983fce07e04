"""The dose terms beyond a hold and a count: timed work, rest between sets, load, and more.

What else: sessions per day and "up to" counts.

The text is split into tokens first (words, numbers, single marks) by one pattern with no two
quantifiers that can match the same characters, so that splitting is linear in the length of the
text whatever it holds (long runs of white space included); everything after that walks the
token list with bounded look-behinds and look-aheads. A number is taken only when it is finite
(``float("9" * 400)`` is infinite and refused) and greater than zero.

The one judgement worth stating: **a time is timed work, not a hold, when the words before it
in its clause name continuous movement** ("march on the spot for 30 to 60 seconds", "skate for
30 minutes", "continue the arm circles for 30 seconds") **and no word of its clause says to stay
still** ("hold", "stay", "pause", "rest", "squeeze"...). A time beside a calorie figure, a tempo
("over three seconds"), a bound ("up to 60 seconds") or a period ("every five minutes") is no
timed work.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import Final, NamedTuple

from .._core.errors import InvalidValueError
from .._model.values import Load, LoadKind, Rest, WeightUnit
from ._vocabulary import TIME_UNITS, WORD_VALUES

Span = tuple[int, int]

#: A word (with one inner apostrophe), a number in digits, or any other single character that is
#: not white space. The alternatives start with disjoint characters and each quantifier is
#: followed by a character it cannot match, so no text makes the engine backtrack.
_TOKEN: Final = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?|[0-9]+(?:\.[0-9]+)?|[^\sA-Za-z0-9]")
_DIGITS: Final = frozenset("0123456789")
_SENTENCE_MARKS: Final = frozenset(".!?;\n")
_CLAUSE_MARKS: Final = frozenset(",:()[]\u2014")
_RANGE_WORDS: Final = frozenset({"-", "\u2013", "to", "or"})

_MOVING_STEMS: Final = (
    "march", "walk", "jog", "run", "cycl", "bik", "pedal", "skat", "jump", "hop", "skip", "swim",
    "row", "climb", "carr", "step", "shuffl", "bounc", "danc", "circl", "swing", "shak", "spin",
    "sprint", "strid", "kick", "punch", "mov", "continu", "repeat", "alternat", "pump",
)  # fmt: skip
_STILL_STEMS: Final = (
    "hold", "held", "stay", "still", "remain", "paus", "rest", "recover", "squeez", "static",
    "isometric", "contract", "sustain", "relax",
)  # fmt: skip
_NOT_WORK_BEFORE: Final = frozenset({"over", "in", "within", "every", "per", "each", "remaining"})
_BOUNDS: Final = (("up", "to"), ("more", "than"), ("less", "than"), ("no", "more", "than"))
_REST_WORDS: Final = frozenset({"rest", "resting", "recover", "recovery", "break"})
_SET_WORDS: Final = frozenset({"set", "sets"})
_COUNT_UNITS: Final = frozenset({"times", "repetitions", "repetition", "reps", "rep", "x"})
_SMALL_COUNTS: Final = {"once": 1, "twice": 2, "thrice": 3}
_PER: Final = frozenset({"a", "per", "each", "every"})
_WEIGHT_UNITS: Final = {
    "kg": WeightUnit.KG,
    "kgs": WeightUnit.KG,
    "kilo": WeightUnit.KG,
    "kilos": WeightUnit.KG,
    "kilogram": WeightUnit.KG,
    "kilograms": WeightUnit.KG,
    "lb": WeightUnit.LB,
    "lbs": WeightUnit.LB,
    "pound": WeightUnit.LB,
    "pounds": WeightUnit.LB,
}
_BANDS: Final = frozenset({"band", "bands", "tubing", "theraband"})
_NOT_BAND_BEFORE: Final = frozenset({"it", "iliotibial", "waist", "head", "wrist"})
_BAND_LEVELS: Final = frozenset(
    {
        "light", "medium", "heavy", "thin", "thick", "strong", "yellow", "red", "green", "blue",
        "black", "silver", "gold", "purple", "orange", "grey", "gray", "pink", "beige", "tan",
    }
)  # fmt: skip
_BAND_FILLERS: Final = frozenset({"resistance", "elastic", "exercise", "loop", "mini"})
_WEIGHTS: Final = frozenset(
    {"dumbbell", "dumbbells", "kettlebell", "kettlebells", "barbell", "barbells", "weight",
     "weights"}
)  # fmt: skip
_NOT_WEIGHT_BEFORE: Final = frozenset({"your", "my", "his", "her", "their", "body", "own"})
_NOT_WEIGHT_AFTER: Final = frozenset({"belt", "belts", "bench", "room", "distribution"})
_WEIGHT_FILLERS: Final = frozenset({"hand", "ankle", "wrist", "free", "light", "heavy"})
_BODY_WEIGHT_CUES: Final = frozenset({"using", "with", "against", "only", "use"})
_DETERMINERS: Final = frozenset({"a", "an", "the", "one", "two", "your", "some"})
_SPELLED_TENS: Final = frozenset({"twenty", "thirty", "forty", "fifty", "sixty", "seventy"})


class _Token(NamedTuple):
    word: str  # in lower case
    start: int
    end: int


class Terms(NamedTuple):
    """What :func:`read_terms` found, each with the span of text it came from."""

    work: tuple[tuple[float, float], Span] | None = None
    set_rest: tuple[Rest, Span] | None = None
    load: tuple[Load, Span] | None = None
    sessions_per_day: tuple[tuple[int, int], Span] | None = None
    up_to: tuple[int, Span] | None = None

    @property
    def empty(self) -> bool:
        """Whether nothing was found."""
        return self == _NONE


_NONE: Final = Terms()


def tokens(text: str) -> list[_Token]:
    """The text's tokens, in lower case, with their offsets."""
    return [_Token(m[0].lower(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _number(words: Sequence[_Token], index: int) -> tuple[float, int] | None:
    """The number starting at ``words[index]`` and the index just past it, or ``None``."""
    if index >= len(words):
        return None
    word = words[index].word
    if word[0] in _DIGITS:
        value = float(word)
        if not math.isfinite(value) or value <= 0:
            return None
        return (int(value) if value.is_integer() else value), index + 1
    if word not in WORD_VALUES:
        return None
    value = float(WORD_VALUES[word])
    following = index + 1
    if word in _SPELLED_TENS:
        hyphen = following < len(words) and words[following].word == "-"
        ones = following + 1 if hyphen else following
        if ones < len(words) and WORD_VALUES.get(words[ones].word, 10) < 10:  # noqa: PLR2004
            return int(value) + WORD_VALUES[words[ones].word], ones + 1
    return int(value), following


def _quantity(words: Sequence[_Token], index: int) -> tuple[float, float, int] | None:
    """A number or a range ("30 to 60", "2-3") at ``index``: ``(low, high, end index)``."""
    first = _number(words, index)
    if first is None:
        return None
    low, end = first
    if end < len(words) and words[end].word in _RANGE_WORDS:
        second = _number(words, end + 1)
        if second is not None and second[0] >= low:
            return low, second[0], second[1]
    return low, low, end


def _bounds(words: Sequence[_Token], index: int) -> int:
    """The index where a bound before ``index`` ("up to", "more than") starts, else ``index``."""
    for bound in _BOUNDS:
        start = index - len(bound)
        if start >= 0 and tuple(token.word for token in words[start:index]) == bound:
            return start
    return index


def _stems(word: str, stems: Sequence[str]) -> bool:
    return word.startswith(tuple(stems))


#: How far the context of a number reaches, in words, either side: far enough for any real
#: sentence, as the dose reader's 300 characters are.
_REACH: Final = 60


def _load(span: Span, **fields: object) -> tuple[Load, Span] | None:
    """A load and where it was read, or ``None`` when the model cannot hold the phrase.

    A phrase longer than a text may be ("resistance" a thousand times, then "band") or holding
    a control character is no load: reading a text never raises for what the text says.
    """
    try:
        return Load(**fields), span  # type: ignore[arg-type]
    except InvalidValueError:
        return None


class _Walk:
    """One walk over a text's tokens: where its clauses and sentences start."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.words = tokens(text)
        self.clause_start: list[int] = []
        self.sentence_start: list[int] = []
        clause = sentence = 0
        for index, token in enumerate(self.words):
            self.clause_start.append(clause)
            self.sentence_start.append(sentence)
            if token.word in _SENTENCE_MARKS:
                clause = sentence = index + 1
            elif token.word in _CLAUSE_MARKS:
                clause = index + 1
        self.sentence_end = [len(self.words)] * len(self.words)
        end = len(self.words)
        for index in range(len(self.words) - 1, -1, -1):
            if self.words[index].word in _SENTENCE_MARKS:
                end = index
            self.sentence_end[index] = end

    def span(self, first: int, last: int) -> Span:
        return self.words[first].start, self.words[last - 1].end

    # Each number reads its sentence and the clause before it, as far as _REACH words either
    # side: a text of one endless sentence ("rest 30 seconds between sets, " ten thousand times)
    # would otherwise cost the whole text per number, quadratic in its length.

    def sentence(self, index: int) -> list[str]:
        first = max(self.sentence_start[index], index - _REACH)
        last = min(self.sentence_end[index], index + _REACH)
        return [t.word for t in self.words[first:last]]

    def clause_before(self, index: int) -> list[str]:
        return [t.word for t in self.words[max(self.clause_start[index], index - _REACH) : index]]

    def read(self) -> Terms:
        found: dict[str, object] = {}
        index = 0
        while index < len(self.words):
            index = self.at(index, found)
        load = self.load()
        return Terms(
            work=found.get("work"),  # type: ignore[arg-type]
            set_rest=found.get("set_rest"),  # type: ignore[arg-type]
            load=load,
            sessions_per_day=found.get("sessions"),  # type: ignore[arg-type]
            up_to=found.get("up_to"),  # type: ignore[arg-type]
        )

    def at(self, index: int, found: dict[str, object]) -> int:
        """Read what starts at ``index``; return the index to go on from."""
        word = self.words[index].word
        if word in _SMALL_COUNTS:
            self.per_day(index, index + 1, (_SMALL_COUNTS[word],) * 2, found)
            return index + 1
        quantity = _quantity(self.words, index)
        if quantity is None:
            return index + 1
        low, high, end = quantity
        unit = self.words[end].word if end < len(self.words) else ""
        if unit == "-" and end + 1 < len(self.words):  # "a 20-second walk", "a 2-kg weight"
            unit = self.words[end + 1].word
            end += 1
        if unit in TIME_UNITS:
            scale = TIME_UNITS[unit]
            self.duration(index, end + 1, (low * scale, high * scale), found)
        elif (
            unit in _COUNT_UNITS
            and isinstance(low, int)
            and isinstance(high, int)
            and not self.per_day(index, end + 1, (low, high), found)
        ):
            self.up_to(index, end + 1, high, found)
        return end

    def duration(
        self, first: int, last: int, value: tuple[float, float], found: dict[str, object]
    ) -> None:
        sentence = self.sentence(first)
        if any(word.startswith("calori") for word in sentence):
            return
        before = self.clause_before(first)
        bounded = _bounds(self.words, first) != first
        if bounded or (before and before[-1] in _NOT_WORK_BEFORE):
            return
        after: list[str] = []
        for token in self.words[last : last + 3]:  # the rest of the clause, three words at most
            if token.word in _SENTENCE_MARKS or token.word in _CLAUSE_MARKS:
                break
            after.append(token.word)
        if after[:1] == ["count"]:
            return
        resting = any(word in _REST_WORDS for word in before) or any(
            word in _REST_WORDS for word in after
        )
        if resting:
            if "set_rest" not in found and self.between_sets(sentence):
                rest = Rest(min_seconds=value[0], max_seconds=value[1])
                found["set_rest"] = (rest, self.span(_bounds(self.words, first), last))
            return
        moving = any(_stems(word, _MOVING_STEMS) for word in before)
        still = any(_stems(word, _STILL_STEMS) for word in (*before, *after))
        if moving and not still:
            # Several times in one text give the smallest range covering them, as holds do.
            previous = found.get("work")
            span = self.span(first, last)
            if isinstance(previous, tuple):
                (low, high), span = previous
                value = (min(low, value[0]), max(high, value[1]))
            found["work"] = (value, span)

    @staticmethod
    def between_sets(sentence: Sequence[str]) -> bool:
        for index, word in enumerate(sentence):
            if word in _SET_WORDS and any(
                cue in {"between", "after", "each"} for cue in sentence[max(0, index - 2) : index]
            ):
                return True
        return False

    def per_day(
        self, first: int, last: int, value: tuple[int, int], found: dict[str, object]
    ) -> bool:
        after = [t.word for t in self.words[last : last + 2]]
        daily = after[:1] == ["daily"] or (after[1:] == ["day"] and after[0] in _PER)
        if not daily:
            return False
        if "sessions" not in found:
            end = last + (1 if after[0] == "daily" else 2)
            found["sessions"] = (value, self.span(first, end))
        return True

    def up_to(self, first: int, last: int, high: int, found: dict[str, object]) -> None:
        start = _bounds(self.words, first)
        if start == first or self.words[start].word != "up" or "up_to" in found:
            return
        found["up_to"] = (high, self.span(start, last))

    # -- load --------------------------------------------------------------------------------

    def load(self) -> tuple[Load, Span] | None:
        chosen: tuple[Load, Span] | None = None
        for index, token in enumerate(self.words):
            if token.word in _BANDS:
                found = self.band(index)
            elif token.word in _WEIGHTS:
                found = self.weight(index)
            elif token.word in {"bodyweight", "body"}:
                found = self.body_weight(index)
            else:
                continue
            if found is None:
                continue
            if found[0].quantified:
                return found
            if chosen is None:
                chosen = found
        return chosen

    def word(self, index: int) -> str:
        return self.words[index].word if 0 <= index < len(self.words) else ""

    def phrase_start(self, index: int) -> int:
        return index - 1 if self.word(index - 1) in _DETERMINERS else index

    def band(self, index: int) -> tuple[Load, Span] | None:
        if self.word(index - 1) in _NOT_BAND_BEFORE or self.word(index + 1) in {"pegs", "peg"}:
            return None
        first = index
        while self.word(first - 1) in _BAND_FILLERS:
            first -= 1
        level = None
        if self.word(first - 1) in _BAND_LEVELS:
            first -= 1
            level = self.words[first].word
            if self.word(first - 1) == "extra":
                first -= 1
                level = f"extra {level}"
        first = self.phrase_start(first)
        span = self.span(first, index + 1)
        return _load(span, kind=LoadKind.BAND, level=level, text=self.text[span[0] : span[1]])

    def weight(self, index: int) -> tuple[Load, Span] | None:
        word = self.words[index].word
        if word.startswith("weight") and (
            self.word(index - 1) in _NOT_WEIGHT_BEFORE or self.word(index + 1) in _NOT_WEIGHT_AFTER
        ):
            return None
        first = index
        while self.word(first - 1) in _WEIGHT_FILLERS:
            first -= 1
        amount = self.amount_before(first)
        if amount is not None:
            low, high, unit, first = amount
        first = self.phrase_start(first)
        span = self.span(first, index + 1)
        text = self.text[span[0] : span[1]]
        if amount is None:
            return _load(span, kind=LoadKind.WEIGHT, text=text)
        return _load(
            span, kind=LoadKind.WEIGHT, min_amount=low, max_amount=high, unit=unit, text=text
        )

    def amount_before(self, index: int) -> tuple[float, float, WeightUnit, int] | None:
        """``N kg`` or ``N-lb`` ending just before ``index``: low, high, unit and first index."""
        unit_at = index - 1
        if self.word(unit_at) not in _WEIGHT_UNITS:
            return None
        end = unit_at - 1 if self.word(unit_at - 1) == "-" else unit_at
        for start in (end - 3, end - 1):  # a range ("2-3 kg") or one number ("1 kg")
            if start < 0:
                continue
            quantity = _quantity(self.words, start)
            if quantity is not None and quantity[2] == end:
                return quantity[0], quantity[1], _WEIGHT_UNITS[self.word(unit_at)], start
        return None

    def body_weight(self, index: int) -> tuple[Load, Span] | None:
        last = index + 1
        if self.words[index].word == "body":
            if self.word(index + 1) != "weight":
                return None
            last = index + 2
        cue = index
        while cue > 0 and index - cue < 3 and self.word(cue - 1) not in _BODY_WEIGHT_CUES:  # noqa: PLR2004
            cue -= 1
        if self.word(cue - 1) not in _BODY_WEIGHT_CUES:
            return None
        span = self.span(index, last)
        return _load(span, kind=LoadKind.BODY_WEIGHT, text=self.text[span[0] : span[1]])


#: Without a digit, a text needs one of these (as part of a word, so a quick test) to state a
#: term: a load's noun, or a number in words.
_TRIGGERS: Final = (*_BANDS, "weight", "bell", "body", *_SMALL_COUNTS, *WORD_VALUES)


def may_state_terms(text: str) -> bool:
    """False only for a text from which :func:`read_terms` reads nothing (a quick word test).

    Every term needs a number (a digit, a number word, "once"...) or a load's noun, and every
    token is matched in lower case; a text beyond ASCII is read in full.
    """
    return not text.isascii() or _QUICK.search(text.lower()) is not None


#: A digit or a trigger anywhere in the text: one scan, where a loop per character and a test per
#: trigger cost the prose check more than reading the texts that pass. Literals only, so linear.
_QUICK: Final = re.compile(
    "[0-9]|" + "|".join(re.escape(word) for word in sorted(_TRIGGERS, key=len, reverse=True))
)


def read_terms(text: str) -> Terms:
    """Read timed work, rest between sets, load, sessions per day and "up to" counts."""
    if not may_state_terms(text):
        return _NONE
    return _Walk(text).read()
