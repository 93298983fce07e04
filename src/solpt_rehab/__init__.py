"""solpt_rehab: home exercise prescriptions as typed, validated data.

The public face of the library: value types for exercises and their documented doses, the catalog
of the source article's exercises (:mod:`solpt_rehab.catalog`), routines with their builder and
session timeline, problems, and the wire format with its validator (:func:`validate`,
:func:`from_document`, :func:`json_schema`). Everything here is defined in a private module and
re-exported.
"""

from . import catalog
from ._builder import RoutineBuilder
from ._documents import dumps, from_document, loads, to_document, validate, validate_text
from ._errors import (
    DocumentError,
    InvalidValueError,
    ProblemsError,
    RoutineError,
    SolptRehabError,
    UnknownExerciseError,
)
from ._model import (
    BodyRegion,
    Category,
    Citation,
    CountingRule,
    Equipment,
    Exercise,
    Hold,
    Laterality,
    Level,
    Position,
    RepetitionScheme,
    Rest,
    Step,
    StepKind,
)
from ._problems import Problem, Severity
from ._routine import Frequency, Routine, RoutineItem, Side
from ._schema import json_schema
from ._timeline import (
    Cue,
    CueKind,
    Interpretation,
    SessionDuration,
    format_timeline,
)
from ._validate import Report
from ._version import __version__

__all__ = [
    "BodyRegion",
    "Category",
    "Citation",
    "CountingRule",
    "Cue",
    "CueKind",
    "DocumentError",
    "Equipment",
    "Exercise",
    "Frequency",
    "Hold",
    "Interpretation",
    "InvalidValueError",
    "Laterality",
    "Level",
    "Position",
    "Problem",
    "ProblemsError",
    "RepetitionScheme",
    "Report",
    "Rest",
    "Routine",
    "RoutineBuilder",
    "RoutineError",
    "RoutineItem",
    "SessionDuration",
    "Severity",
    "Side",
    "SolptRehabError",
    "Step",
    "StepKind",
    "UnknownExerciseError",
    "__version__",
    "catalog",
    "dumps",
    "format_timeline",
    "from_document",
    "json_schema",
    "loads",
    "to_document",
    "validate",
    "validate_text",
]
