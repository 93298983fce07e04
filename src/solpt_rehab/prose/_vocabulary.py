"""The words and patterns the prose reader knows: numbers, units, and the cues around them.

Numbers in digits or in English words, the units that say what a number counts (a time, a count,
sets, or something that is never a dose, such as a distance), the bounds and hedges a number may
follow, and the cues in the surrounding text that tell a hold from a rest, a tempo or time spent
moving, which side is worked and how a two-sided count is read. Every pattern matches without
regard to case. Nothing here reads a text: :mod:`._reading` does.
"""

from __future__ import annotations

import re
from typing import Final

from .._model.values import CountingRule, Laterality

# -- numbers --------------------------------------------------------------------------------------

_ONES: Final = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS: Final = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen")
_TEENS_MORE: Final = ("seventeen", "eighteen", "nineteen")
_TENS: Final = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
WORD_VALUES: Final[dict[str, int]] = {
    **{word: value for value, word in enumerate(_ONES, 1)},
    **{word: value for value, word in enumerate((*_TEENS, *_TEENS_MORE), 10)},
    **dict(zip(_TENS, range(20, 100, 10), strict=True)),
}
_NUMBER_WORD: Final = (
    rf"\b(?:(?:{'|'.join(_TENS)})(?:[-\s](?:{'|'.join(_ONES)}))?"
    rf"|{'|'.join((*_TEENS, *_TEENS_MORE))}|{'|'.join(_ONES)})\b"
)
_NUM: Final = rf"(?:(?<![\w.])\d+(?:\.\d+)?|{_NUMBER_WORD})"

TIME_UNITS: Final = {
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
COUNT_UNITS: Final = ("repetitions", "repetition", "reps", "rep", "times", "lifts")
SET_UNITS: Final = ("sets", "set")
OTHER_UNITS: Final = {
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
WHAT_NOTES: Final = {
    "distance": "a distance",
    "weight": "a weight",
    "angle": "an angle",
    "percentage": "a percentage",
    "calories": "a calorie figure",
    "speed": "a speed",
    "clock position": "a clock position",
    "heart rate": "a heart rate",
}
SYMBOL_UNITS: Final = {"%": "percentage", "\u00b0": "angle", '"': "distance"}
UNIT_WORDS: Final = sorted(
    [*TIME_UNITS, *COUNT_UNITS, *SET_UNITS, *OTHER_UNITS], key=len, reverse=True
)
_UNIT: Final = rf"(?:(?:{'|'.join(re.escape(word) for word in UNIT_WORDS)})\b|%|°|\")"
#: The bounds and hedges a number may follow ("about 10 seconds", "at least 3 times").
_PRE_PHRASES: Final = (
    "between", "about", "around", "approximately", "roughly", "at least", "a minimum of",
    "minimum of", "up to", "no more than", "more than", "longer than", "less than", "fewer than",
    "a maximum of", "maximum of", "a max of", "max of",
)  # fmt: skip
_PRE: Final = "|".join(r"\s+".join(phrase.split()) for phrase in _PRE_PHRASES)
#: The characters a quantity can start with: a digit, or the first letter of a bound or a number
#: word (matched without regard to case, as the pattern's own letters are).
QUANTITY_START: Final = (
    r"[\d" + "".join(sorted({word[0] for word in (*_PRE_PHRASES, *WORD_VALUES)})) + "]"
)


def _spaces(name: str, *, least: int = 0) -> str:
    r"""White space taken whole and never given back, as ``\s*+`` would take it.

    After a number, a run of white space is followed by what the pattern wants next (a unit, a
    range's separator) or by nothing it wants. A plain ``\s*`` would then give the run back one
    character at a time, trying each alternative at each, which costs a pass over every unit
    word per space (and more where two such runs meet). Python 3.10 has no possessive quantifier,
    so a lookahead, which ``re`` never re-enters, captures the whole run, and a backreference
    takes it. No alternative that follows starts with white space, so no match changes.
    """
    return rf"(?=(?P<{name}>\s{'+' if least else '*'}))(?P={name})"


# Every match starts where a word starts, with one of the characters of QUANTITY_START, so the
# leading assertion changes no match: it only spares the engine trying each alternative at every
# other position.
QUANTITY: Final = re.compile(
    rf"\b(?={QUANTITY_START})"
    rf"(?:\b(?P<pre>{_PRE}){_spaces('w0', least=1)})?"
    rf"(?P<low>{_NUM})"
    rf"(?:{_spaces('w1')}(?P<sep>[-\u2013\u2014]|\bto\b|\bor\b|\band\b){_spaces('w2')}"
    rf"(?P<high>{_NUM}))?"
    rf"(?P<plus>{_spaces('w3')}\+|{_spaces('w4', least=1)}or\s+more\b)?"
    rf"(?:{_spaces('w5')}(?:-{_spaces('w6')})?(?P<unit>{_UNIT}))?"
    rf"(?P<post>{_spaces('w7', least=1)}or\s+(?:more|longer)\b)?",
    re.IGNORECASE,
)
SINGLE: Final = re.compile(
    rf"(?P<low>{_NUM})(?P<plus>{_spaces('w3')}\+|{_spaces('w4', least=1)}or\s+more\b)?"
    rf"(?:{_spaces('w5')}(?:-{_spaces('w6')})?(?P<unit>{_UNIT}))?"
    rf"(?P<post>{_spaces('w7', least=1)}or\s+(?:more|longer)\b)?",
    re.IGNORECASE,
)
ONCE_TWICE: Final = re.compile(
    r"\b(?:repeat|do|perform|complete)\b[^.;,!?]{0,40}?\b(?P<word>once|twice|thrice)\b"
    r"(?!\s+(?:as|more|a\s+(?:day|week)|per|daily|weekly))",
    re.IGNORECASE,
)
FULL_SECOND: Final = re.compile(r"\ba\s+full\s+second\b", re.IGNORECASE)
#: A minute in words, without a number: "half a minute" (30 s), "a minute and a half" (90 s),
#: "a minute" or "a full minute" (60 s), "a minute or two" (60-120 s). Each alternative starts
#: with its own word, and no two quantifiers meet over the same characters.
MINUTE_WORDS: Final = re.compile(
    r"\b(?:(?P<half>half\s+a\s+minute|a\s+half[\s-]minute)"
    r"|(?P<ninety>a\s+minute\s+and\s+a\s+half|one\s+and\s+a\s+half\s+minutes)"
    r"|(?P<one>a\s+(?:full\s+)?minute)(?P<two>\s+or\s+two)?)\b",
    re.IGNORECASE,
)
#: Before a number without a unit, a verb that makes it a count: "repeat 4-6", "repeat 10."
BARE_COUNT_BEFORE: Final = re.compile(r"\brepeat(?:s|ing)?\s+(?:(?:it|this)\s+)?$", re.IGNORECASE)
#: After a number without a unit, what makes it a count when a verb of doing precedes it:
#: "do 10 on each leg", "done 12 per side", "do 10 of these".
BARE_COUNT_AFTER: Final = re.compile(
    r"^\s+(?:(?:on|for|with)\s+(?:each|every)\s+|per\s+|each\s+)(?:side|leg|arm|foot)\b"
    r"|^\s+of\s+(?:these|them|those)\b",
    re.IGNORECASE,
)
BARE_COUNT_VERB: Final = re.compile(
    r"\b(?:do|does|done|doing|complete|completed|perform|performed|repeat|repeats|repeating)\b",
    re.IGNORECASE,
)
#: The end of a clause just after a number: "repeat 10." counts, "repeat 10 steps" does not.
CLAUSE_END_AFTER: Final = re.compile(r"^\s*(?:[.;,!?)]|$)")
#: The hedges that mark a taken number as approximate ("about 10 seconds").
HEDGES: Final = {"about", "around", "approximately", "roughly"}
#: The bounds that make a number a lower bound: the range it starts is open-ended.
AT_LEAST: Final = {"at least", "a minimum of", "minimum of"}
#: The bounds that make a number only a limit ("up to 60 seconds"): never taken as a dose.
BOUND_ONLY: Final = {
    "up to",
    "no more than",
    "more than",
    "longer than",
    "less than",
    "fewer than",
    "a maximum of",
    "maximum of",
    "a max of",
    "max of",
}


#: The letters outside ASCII that the patterns' case-insensitive matching takes for ASCII ones
#: ("\u017feven" matches "seven"), mapped to them, so that a matched word is found in the tables.
_FOLD: Final = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def fold(text: str) -> str:
    """``text`` in lower case, with the letters of :data:`_FOLD` made ASCII."""
    return text.translate(_FOLD).lower()


def number_value(text: str) -> float:
    """The value of a number written in digits or in words ("twenty-five")."""
    if text[0].isdigit():
        value = float(text)
        return int(value) if value.is_integer() else value
    return sum(WORD_VALUES[part] for part in re.split(r"[-\s]+", fold(text)))


# -- context cues ---------------------------------------------------------------------------------

_I: Final = re.IGNORECASE
CLAUSE_BREAK: Final = re.compile(r"[.!?;:](?=\s|$)|[,()\u2014\n]")
SENTENCE_BREAK: Final = re.compile(r"[.!?;](?=\s|$)|\n")
TEMPO_BEFORE: Final = re.compile(
    r"\b(?:over|in|within|taking|takes?)\s+(?:a\s+|an\s+|the\s+)?$", _I
)
TEMPO_AFTER: Final = re.compile(r"^\s*(?:-\s*)?count\b", _I)
REST_BEFORE: Final = re.compile(r"\b(?:rest|resting|recover|recovery|break)\b(?!\s+of\b)", _I)
REST_AFTER: Final = re.compile(
    r"^\s*(?:of\s+)?(?:rest|break|recovery)\b|^\s+(?:to|for)\s+(?:rest|recover)\b", _I
)
BETWEEN_SETS: Final = re.compile(r"\b(?:sets?|rounds?|circuits?|exercises|intervals?)\b", _I)
HOLD_BEFORE: Final = re.compile(
    r"\b(?:hold|holds|holding|held|stay|stays|staying|remain|remaining|pause|pauses|pausing"
    r"|paused|(?:keep|keeping)(?!\s+(?:up|going|on|moving|rolling)\b)|isometric|contraction"
    r"|contract|contracting|squeeze|squeezing"
    r"|sustain|sustaining)\b",
    _I,
)
HOLD_AFTER: Final = re.compile(
    r"^\s*(?:hold|pause|contraction|squeeze|isometric|stretch|static)\b", _I
)
MOVING: Final = re.compile(
    r"\b(?:continue|continuing|repeat|repeating|alternat\w*|jog\w*|run|runs|running|walk\w*"
    r"|cycl\w*|skat\w*|jump\w*|swing\w*|circl\w*|circular|march\w*|rowing|burn\w*|spin\w*"
    r"|bik\w*|perform\w*|pedal\w*|climb\w*|roll|rolls|rolling|massag\w*|rub|rubs|rubbing)\b",
    _I,
)
CALORIES: Final = re.compile(r"\bcalori", _I)
DEFINITION_BEFORE: Final = re.compile(
    r"\b(?:equals?|is|constitutes|counts?\s+as|considered|makes)\s+$", _I
)
#: Before "one repetition", what makes it the definition of one: "to complete one rep".
ONE_REP_BEFORE: Final = re.compile(
    r"\bto\s+(?:complete|finish|make|perform|do)\s+$"
    r"|\b(?:completes|completing|finishes|finishing)\s+$",
    _I,
)
#: A movement with one side then the other defined as one repetition: "Now curl with your right
#: arm; that makes one rep." The sides alternate within each repetition.
ONE_REP_DEFINED: Final = re.compile(
    r"\b(?:equals?|is|counts\s+as|makes|completes)\s+(?:one|a\s+single)\s+(?:full\s+)?"
    r"(?:rep|repetition)\b",
    _I,
)
#: Breathing at a pace is no hold: "breathe in for 4 seconds and out for 6".
BREATHING_BEFORE: Final = re.compile(
    r"\b(?:breathe|breathes|breathing|inhale|inhales|inhaling|exhale|exhales|exhaling)\b", _I
)
#: Warming up, cooling down and general activity: minutes of it are no hold.
WARM_UP: Final = re.compile(
    r"\bwarm(?:ing)?[\s-]?ups?\b|\bcool(?:ing)?[\s-]?downs?\b|\bloosen(?:ing)?\s+up\b", _I
)
ACTIVITY_AFTER: Final = re.compile(
    r"^\s+of\s+(?:(?:light|gentle|easy|moderate|brisk|steady)\s+)?"
    r"(?:activity|exercise|walking|cardio|aerobics?|movement|cycling|marching)\b",
    _I,
)
#: Work and rest intervals: "10 seconds on, 20 seconds off".
INTERVAL_AFTER: Final = re.compile(r"^\s+(?:on\s*[,;.]|on\s+and\b|off\b)", _I)
REP_MAX_AFTER: Final = re.compile(r"^\s*max(?:imum)?\b", _I)
FREQUENCY_AFTER: Final = re.compile(
    r"^\s+(?:a|per|each|every)\s+(?:day|week|month)\b|^\s+(?:daily|weekly)\b", _I
)
MULTIPLIER_AFTER: Final = re.compile(
    r"^\s+(?:as\s+(?!\w+\s+as\s+(?:you\s+can|possible))|more\b|less\b|longer\b|faster\b"
    r"|harder\b|heavier\b|your\b|the\b|body)",
    _I,
)
OF_AFTER_SETS: Final = re.compile(r"^\s+of\s+$", _I)
#: After "each side" (or leg, arm, foot), what makes it a place rather than the side worked:
#: "a forearm on each side of the frame", "a dumbbell on each side of the bench".
_PLACE_AFTER: Final = r"(?!\s+of\b)"
_PER_SIDE: Final = re.compile(
    r"\b(?:(?:on|for|with|per)\s+(?:each|every)|per|each)\s+(?:side|leg|arm|foot)\b" + _PLACE_AFTER,
    _I,
)
_TOTAL: Final = re.compile(r"\bin\s+(?:all|total)\b|\btotal\b|\baltogether\b", _I)
#: The counting cues, each with the words its every match holds: one of each group.
#: A count stated for each side in turn: "4 times to the left, then 4 times to the right".
_LEFT_THEN_RIGHT: Final = re.compile(
    r"\b(?:times|reps|repetitions)\s+(?:to|on|with)\s+(?:the|your)\s+(?:left|right)\b", _I
)
COUNTING_CUES: Final = (
    (CountingRule.PER_SIDE, _PER_SIDE, (("each", "every", "per"), ("side", "leg", "arm", "foot"))),
    (CountingRule.PER_SIDE, _LEFT_THEN_RIGHT, (("left", "right"),)),
    (CountingRule.TOTAL, _TOTAL, (("all", "total", "altogether"),)),
)
WEIGHT_BEFORE: Final = re.compile(r"(?:lbs?|pounds?|kg|plates?|weights?)\s*$", _I)

#: A change of side: "switch", "swap", "change" in their forms.
_SWITCH: Final = r"(?:switch(?:es|ing)?|swap(?:s|ping)?|chang(?:e|es|ing))"
#: The parts a "repeat with the other ..." may name.
_BODY_PARTS: Final = (
    r"(?:side|leg|arm|foot|hand|knee|hip|shoulder|ankle|wrist|elbow|calf|thigh|heel|buttock)"
)
#: After "alternate", what makes the alternation not about sides: "alternating direction",
#: "alternate single skips with ...", "alternating between looking up and down".
NOT_SIDES_AFTER: Final = re.compile(
    r"^\s+(?:(?:the|your)\s+)?(?:directions?|grips?|single|double|fast|slow|quick|short|long"
    r"|light|heavy|easy|hard|high|low|speeds?|tempo|pace)\b"
    r"|^\s+between\s+(?!(?:the\s+|your\s+)?(?:left|right|legs?|arms?|sides?|feet|foot|hands?)\b)",
    _I,
)
#: Before an alternation in its sentence, walking on the hands or feet: "walk the hands forward,
#: alternating left and right" moves the body along, it does not work one side at a time.
WALKING_HANDS_BEFORE: Final = re.compile(
    r"\bwalk\w*\s+(?:(?:your|the|both)\s+)?(?:hands|feet)\b", _I
)

SIDE_CUES: Final = (
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
            r"\b(?=[acekqrs])(?:"
            r"\balternat(?:e|es|ed|ing|ely)\b(?!\s+(?:your\s+)?grip)"
            r"|\b(?:keep|keeps|continue|continues)\s+switching\b"
            r"|\bswitching\s+(?:legs|sides|arms)\s+(?:each|every|after\s+each)\b"
            r"|\b(?:quickly|rapidly|explosively|swiftly)\s+"
            + _SWITCH
            + r"\s+(?:legs|feet|arms|sides)\b"
            r"|\b" + _SWITCH + r"\s+(?:legs|feet)\s+in\s+(?:the\s+|mid-?)?air\b)",
            _I,
        ),
    ),
    (
        Laterality.EACH_SIDE,
        re.compile(
            # Every alternative starts at a word starting with one of these letters: the
            # assertion spares trying each alternative at every other position.
            r"\b(?=[acdfhoprstw])(?:"
            r"\b" + _SWITCH + r"\s+(?:to\s+(?:the|your)\s+(?:other|opposite)\s+)?"
            r"(?:sides?|legs?|arms?|feet|foot|hands?)\b"
            r"|\b(?:then|and)\s+(?:switch|swap)\b(?=\s*(?:[.;!?,)]|$))"
            r"|\b" + _SWITCH + r"\s+(?:to\s+)?(?:the\s+)?other\b"
            r"(?!\s+(?:exercise|exercises|stretch|stretches|position|one|way|activity)\b)"
            r"|\b(?:switch|swap)\s+over\b"
            r"|\b(?:repeat|do|stretch|perform|hold|work)\b[^.;!?]{0,60}?"
            r"\b(?:on|for)\s+both\s+sides\b(?!\s+of\b)"
            r"|\b(?:stretch|repeat|work|do)\s+(?:both\s+sides|each\s+(?:side|leg|arm))\b"
            r"|\b(?:stretch|repeat|work|do)\s+(?:on\s+)?(?:the|your)\s+(?:other|opposite)\s+"
            r"(?:side|leg|arm|foot|hand|knee|hip|shoulder)\b"
            r"|\b(?:repeat|repeating)\b[^.;!?]{0,60}?\b(?:with|on|for|using)\s+(?:the|your)\s+"
            r"(?:other|opposite)\s+" + _BODY_PARTS + r"\b"
            r"|\brepeat(?:ing)?\s+(?:(?:the\s+)?(?:same|exercise|stretch|movement)\s+)?"
            r"(?:with|on|for|using)\s+(?:the|your)\s+(?:left|right)\s+" + _BODY_PARTS + r"\b"
            r"|\b(?:to|on)\s+the\s+left\b[^.;!?]{0,60}?\b(?:to|on)\s+the\s+right\b"
            r"|\b(?:to|on)\s+the\s+right\b[^.;!?]{0,60}?\b(?:to|on)\s+the\s+left\b"
            r"|\bone\s+side\b[^.;!?]{0,60}?\bthen\s+(?:on\s+|to\s+|with\s+|do\s+)?the\s+other\b"
            r"|\b(?:repeat|repeating|perform|do|continue|then|and)\b[^.;!?]{0,80}?"
            r"\b(?:with|on|for|to|using)\s+(?:the|your)\s+(?:other|opposite)\s+"
            r"(?:side|leg|arm|foot|hand)\b"
            r"|\b(?:on|for|with|per)\s+(?:each|every)\s+(?:side|leg|arm|foot)\b"
            + _PLACE_AFTER
            + r"|\bper\s+(?:side|leg|arm|foot)\b"
            + _PLACE_AFTER
            + r"|\b(?:seconds?|reps?|repetitions?|times)\s+each\s+(?:side|leg|arm|foot)\b"
            + _PLACE_AFTER
            + r"|\bone\s+(?:side|leg|arm)\s+at\s+a\s+time\b)",
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
VAGUE: Final = re.compile(
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
PLACEHOLDER: Final = re.compile(
    r"\b(?:the\s+|all\s+(?:of\s+)?(?:the\s+)?)?(?:recommended|prescribed|desired|specified"
    r"|required|suggested|given|appropriate|(?<=the\s)set)\s+(?:(?:amount|number)\s+of\s+)?"
    r"(?P<what>repetitions|repetition|reps|rep\s+count|rep|times|seconds|minutes|sets|time)\b",
    _I,
)
#: "As prescribed" and its kin stand in for a dose the text does not state.
AS_PRESCRIBED: Final = re.compile(
    r"\bas\s+(?:prescribed|directed|instructed|advised|recommended)\b", _I
)
REPEAT_VERB: Final = re.compile(
    r"\b(?:repeat|repeats|repeating|do|perform|complete|reps|repetitions|times)\b", _I
)
