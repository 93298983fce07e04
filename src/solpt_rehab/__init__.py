"""solpt_rehab: home exercise prescriptions as typed, validated data.

The public face of the library: value types for exercises and their documented doses, the catalog
of the source article's exercises (:mod:`solpt_rehab.catalog`), routines with their builder and
session timeline, problems, and the wire format with its validator (:func:`validate`,
:func:`from_document`, :func:`json_schema`). Everything here is defined in a private module and
re-exported.

The wire format, the validator, the JSON Schema and the session timeline are loaded on first use
(:pep:`562`), so that ``import solpt_rehab`` costs little more than importing attrs, about what
importing cattrs costs; msgspec, which only the wire format needs, is imported with it.
"""

import importlib
from typing import TYPE_CHECKING, Any

from . import catalog
from ._core.codes import Severity
from ._core.errors import (
    DocumentError,
    InvalidValueError,
    ProblemsError,
    RoutineError,
    SolptRehabError,
    UnknownExerciseError,
)
from ._core.problems import Problem
from ._model.values import (
    BodyRegion,
    Category,
    Citation,
    CountingRule,
    Effort,
    Equipment,
    Exercise,
    Hold,
    Laterality,
    Level,
    Load,
    LoadKind,
    Media,
    MediaKind,
    Position,
    RepetitionScheme,
    Rest,
    Sets,
    Step,
    StepKind,
    TimedWork,
    WeightUnit,
)
from ._routines.builder import RoutineBuilder
from ._routines.dose import Side
from ._routines.values import Frequency, Routine, RoutineItem
from ._version import __version__

# The names that need msgspec (and json), and the timeline's, by the private module that defines
# them. ``__getattr__`` below imports one the first time somebody asks for it.
_LAZY: dict[str, str] = {
    "Adherence": "_logs.adherence",
    "Cue": "_routines.timing",
    "CueKind": "_routines.timing",
    "Difficulty": "_logs.values",
    "ExerciseAdherence": "_logs.adherence",
    "Gate": "_routines.progression",
    "Interpretation": "_routines.timing",
    "ItemLog": "_logs.values",
    "LocatedProblem": "_wire.positions",
    "Pacing": "_routines.timing",
    "PainRecord": "_logs.adherence",
    "ProgressedDose": "_routines.progression",
    "Progression": "_routines.progression",
    "Report": "_wire.validate",
    "WeekAdherence": "_logs.weekly",
    "SessionDuration": "_routines.timing",
    "SessionLog": "_logs.values",
    "SetLog": "_logs.values",
    "adherence": "_logs.adherence",
    "adherence_chart": "_logs.chart",
    "dose_on": "_logs.progression",
    "dumps": "_wire.documents",
    "format_adherence": "_logs.text",
    "format_timeline": "_present",
    "from_document": "_wire.documents",
    "json_schema": "_wire.schema",
    "loads": "_wire.documents",
    "locate": "_wire.positions",
    "session_duration": "_routines.timing",
    "session_timeline": "_routines.timing",
    "to_document": "_wire.documents",
    "validate": "_wire.documents",
    "validate_jsonl": "_wire.documents",
    "validate_text": "_wire.documents",
    "weekly_adherence": "_logs.weekly",
}

if TYPE_CHECKING:
    # Type checkers see plain imports, and no module ``__getattr__``: a misspelt name stays an
    # error for them instead of becoming ``Any``.
    from ._logs.adherence import Adherence, ExerciseAdherence, PainRecord, adherence
    from ._logs.chart import adherence_chart
    from ._logs.progression import dose_on
    from ._logs.text import format_adherence
    from ._logs.values import Difficulty, ItemLog, SessionLog, SetLog
    from ._logs.weekly import WeekAdherence, weekly_adherence
    from ._present import format_timeline
    from ._routines.progression import Gate, ProgressedDose, Progression
    from ._routines.timing import (
        Cue,
        CueKind,
        Interpretation,
        Pacing,
        SessionDuration,
        session_duration,
        session_timeline,
    )
    from ._wire.documents import (
        dumps,
        from_document,
        loads,
        to_document,
        validate,
        validate_jsonl,
        validate_text,
    )
    from ._wire.positions import LocatedProblem, locate
    from ._wire.schema import json_schema
    from ._wire.validate import Report
else:

    def __getattr__(name: str) -> Any:
        """Import a deferred public name the first time it is asked for.

        Args:
            name: The attribute looked up on the package.

        Returns:
            The public object, which is then kept in the package's namespace.

        Raises:
            AttributeError: ``name`` is not a name of the package.
        """
        module = _LAZY.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f".{module}", __name__), name)
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    """List the package's names, including those not imported yet.

    Returns:
        The sorted names of the package's namespace and of the deferred ones.
    """
    return sorted({*globals(), *_LAZY})


__all__ = [
    "Adherence",
    "BodyRegion",
    "Category",
    "Citation",
    "CountingRule",
    "Cue",
    "CueKind",
    "Difficulty",
    "DocumentError",
    "Effort",
    "Equipment",
    "Exercise",
    "ExerciseAdherence",
    "Frequency",
    "Gate",
    "Hold",
    "Interpretation",
    "InvalidValueError",
    "ItemLog",
    "Laterality",
    "Level",
    "Load",
    "LoadKind",
    "LocatedProblem",
    "Media",
    "MediaKind",
    "Pacing",
    "PainRecord",
    "Position",
    "Problem",
    "ProblemsError",
    "ProgressedDose",
    "Progression",
    "RepetitionScheme",
    "Report",
    "Rest",
    "Routine",
    "RoutineBuilder",
    "RoutineError",
    "RoutineItem",
    "SessionDuration",
    "SessionLog",
    "SetLog",
    "Sets",
    "Severity",
    "Side",
    "SolptRehabError",
    "Step",
    "StepKind",
    "TimedWork",
    "UnknownExerciseError",
    "WeekAdherence",
    "WeightUnit",
    "__version__",
    "adherence",
    "adherence_chart",
    "catalog",
    "dose_on",
    "dumps",
    "format_adherence",
    "format_timeline",
    "from_document",
    "json_schema",
    "loads",
    "locate",
    "session_duration",
    "session_timeline",
    "to_document",
    "validate",
    "validate_jsonl",
    "validate_text",
    "weekly_adherence",
]
