"""Hypothesis strategies for solpt_rehab's values: doses, exercises, routines, progression, logs.

Install them with the ``hypothesis`` extra (``pip install 'solpt_rehab[hypothesis]'``); importing
this module needs Hypothesis, ``import solpt_rehab`` never does. Every strategy follows
Hypothesis' own conventions:

* plural names, bounds first (``holds(min_seconds=..., max_seconds=...)``), every other option
  keyword-only;
* arguments are checked when the strategy is made, and a bad one raises
  :class:`hypothesis.errors.InvalidArgument` with a message naming it;
* every value is valid by default: it constructs, and a routine item's dose passes the dose rules
  with no error (deviations are off unless asked for);
* values shrink toward the simple: small whole numbers, fixed holds, bilateral work, no rest, no
  sets, timed work, load or effort, the fewest steps, a built-in exercise at its documented
  minimum.

Texts are readable and ids are slugs, built from a small vocabulary of the project's own words, so
that a failing example reads like a real prescription.

Example::

    from hypothesis import given
    from solpt_rehab import strategies

    @given(strategies.routine_items())
    def test_handout(item):
        ...

.. versionadded:: 0.1.0
"""

# Every strategy module imports Hypothesis: check it once, first, to say which extra installs it.
try:
    import hypothesis  # noqa: F401 - imported to check that it is installed
except ImportError as error:  # pragma: no cover - the test suite always has Hypothesis
    raise ImportError(
        "solpt_rehab.strategies needs Hypothesis; install it with "
        "pip install 'solpt_rehab[hypothesis]'"
    ) from error

from ._documents import documents
from ._doses import (
    Dose,
    doses,
    efforts,
    holds,
    loads,
    pacings,
    repetition_schemes,
    rests,
    sets,
    timed_work,
)
from ._exercises import catalogs, citations, equipment, exercises, media, precautions, steps
from ._logs import item_logs, session_logs, set_logs
from ._progressions import progressions
from ._routines import frequencies, routine_items, routines

__all__ = [
    "Dose",
    "catalogs",
    "citations",
    "documents",
    "doses",
    "efforts",
    "equipment",
    "exercises",
    "frequencies",
    "holds",
    "item_logs",
    "loads",
    "media",
    "pacings",
    "precautions",
    "progressions",
    "repetition_schemes",
    "rests",
    "routine_items",
    "routines",
    "session_logs",
    "set_logs",
    "sets",
    "steps",
    "timed_work",
]
