"""Hypothesis' entry point: ``st.from_type`` for every model type of solpt_rehab.

pyproject.toml declares ``_hypothesis_setup_hook`` in the ``hypothesis`` entry-point group, so
Hypothesis calls it while it is imported, in any environment where solpt_rehab is installed (set
``HYPOTHESIS_NO_PLUGINS`` to turn every such hook off). The hook registers a function per type,
not a strategy: :mod:`solpt_rehab.strategies` is imported only when a test first asks
``st.from_type`` for one of the types, so importing Hypothesis stays cheap and draws nothing while
Hypothesis is still initialising.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Final

from ._logs.values import ItemLog, SessionLog, SetLog
from ._model.values import (
    Citation,
    Effort,
    Equipment,
    Exercise,
    Hold,
    Load,
    Media,
    RepetitionScheme,
    Rest,
    Sets,
    Step,
    TimedWork,
)
from ._routines.progression import Progression
from ._routines.timing import Pacing
from ._routines.values import Frequency, Routine, RoutineItem

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

#: Each registered type and the name of the strategy in :mod:`solpt_rehab.strategies` that
#: generates it with its defaults. The enumerations need no entry: ``st.from_type`` samples them.
REGISTERED: Final[dict[type[Any], str]] = {
    Hold: "holds",
    Rest: "rests",
    RepetitionScheme: "repetition_schemes",
    Sets: "sets",
    TimedWork: "timed_work",
    Load: "loads",
    Effort: "efforts",
    Step: "steps",
    Equipment: "equipment",
    Citation: "citations",
    Media: "media",
    Exercise: "exercises",
    Frequency: "frequencies",
    Pacing: "pacings",
    RoutineItem: "routine_items",
    Progression: "progressions",
    Routine: "routines",
    SetLog: "set_logs",
    ItemLog: "item_logs",
    SessionLog: "session_logs",
}


def _resolver(name: str) -> Callable[[type[Any]], SearchStrategy[Any]]:
    def resolve(_type: type[Any]) -> SearchStrategy[Any]:
        from . import strategies  # noqa: PLC0415 - imported on first use, never at Hypothesis' import

        strategy: SearchStrategy[Any] = getattr(strategies, name)()
        return strategy

    return resolve


def _hypothesis_setup_hook() -> None:
    """Register a strategy for every model type with ``st.register_type_strategy``.

    Called by Hypothesis through the ``hypothesis`` entry point; calling it again is harmless.
    """
    from hypothesis import strategies as st  # noqa: PLC0415 - Hypothesis is an optional extra

    for kind, name in REGISTERED.items():
        st.register_type_strategy(kind, _resolver(name))
