"""Reading doses out of instruction prose, and drafting exercises from an article.

Most exercise content states its dose only in words: "Keep still for 12-18 seconds, then
switch sides." This package reads such text. It is the public face of private modules, one
concept each: the words and patterns it knows, the reading of one text, the validator's check,
drafting exercises from their steps, and reading an article.

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

from ._article import ArticleReading, read_article
from ._checking import dose_disagreements
from ._drafting import DEFAULT_COUNTING, DEFAULT_LATERALITY
from ._reading import DoseReading, Mention, MentionStatus, extract_dose

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
