"""Progression as data: rules that raise one dose of a routine item over time, and their checks.

A :class:`Progression` says which dose moves (repetitions, hold, sets, timed work or a weight's
amount), by how much, how often (every N weeks of the programme, or after every K logged
sessions of the exercise), up to where, and whether the logs must earn each step. It is declared
like every other value of the model (:func:`~solpt_rehab._model.rules.declared`), so its
constructor, the validator, the JSON Schema and the fast decoder share its rules.

What a rule may reach is judged by the dose rules, not here: :func:`progression_problems` asks
:func:`~solpt_rehab._routines.dose.item_problems` about the dose at the rule's cap, so a rule that
would take a dose beyond its documented range is an error unless the item records a deviation,
exactly as a dose prescribed there today. Which dose is in force on a date, from the rules and the
logs, is :func:`solpt_rehab.dose_on`'s business (in the logs' package: a routine knows nothing of
its logs).
"""

from __future__ import annotations

import math
import sys
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Final

import attrs

from .._core.errors import InvalidValueError
from .._core.problems import Problem, pointer, problem
from .._model import rules
from .._model.rules import ArrayOf, Nullable, Number, Rule, declare, show
from .._model.values import Exercise, Load, StrChoice, format_number
from .dose import default_load, default_sets, item_problems

__all__ = [
    "PROGRESSIONS",
    "Gate",
    "ProgressedDose",
    "Progression",
    "cap_of",
    "progression_problems",
    "start_of",
    "starting_dose",
    "stepped",
    "steps_to_cap",
    "to_progression",
    "without_unused_deviation",
]


class ProgressedDose(StrChoice):
    """Which dose of a routine item a :class:`Progression` changes; the values are field names.

    .. versionadded:: 0.2.0
    """

    #: The repetitions (``RoutineItem.reps``), read by the exercise's counting rule.
    REPS = "reps"
    #: The hold in seconds (``RoutineItem.hold_seconds``).
    HOLD_SECONDS = "hold_seconds"
    #: The sets (``RoutineItem.sets``; one set when neither the item nor the exercise states any).
    SETS = "sets"
    #: The timed work in seconds (``RoutineItem.work_seconds``).
    WORK_SECONDS = "work_seconds"
    #: The amount of a weight (``RoutineItem.load``), in the prescribed load's unit.
    LOAD = "load"


class Gate(StrChoice):
    """A condition the logs of a period must meet before a :class:`Progression` takes its step.

    .. versionadded:: 0.2.0
    """

    #: Every logged session of the period holds the prescribed sets of the exercise, none of them
    #: short of the prescribed repetitions (a set that records no count counts as done).
    SETS_DONE = "sets-done"
    #: No logged session of the period records more pain after than before (a session without
    #: both scores says nothing either way).
    PAIN_NOT_HIGHER = "pain-not-higher"


#: The doses counted in whole numbers: their steps and caps are whole numbers too.
_WHOLE: Final = frozenset({"reps", "sets"})
_WHAT: Final = {
    "reps": "repetitions",
    "hold_seconds": "hold",
    "sets": "sets",
    "work_seconds": "timed work",
    "load": "weight",
}


def _no_schedule(every_weeks: Any, every_sessions: Any) -> str | None:
    if every_weeks is not None or every_sessions is not None:
        return None
    return "'every_weeks' or 'every_sessions' must say when the dose steps: null"


def _two_schedules(every_weeks: Any, every_sessions: Any) -> str | None:
    if every_weeks is None or every_sessions is None:
        return None
    return (
        f"'every_sessions' must be null when 'every_weeks' is given ({every_weeks!r}): "
        f"{every_sessions!r}"
    )


def _whole_for(field: str) -> Any:
    def test(dose: ProgressedDose, value: Any) -> str | None:
        if value is None or dose.value not in _WHOLE or isinstance(value, int):
            return None
        return f"{field!r} must be a whole number for {dose.value!r}: {show(value)}"

    return test


def _whole_schema(field: str, *, nullable: bool) -> dict[str, Any]:
    whole: dict[str, Any] = {"type": ["integer", "null"] if nullable else "integer"}
    return {
        "if": {"required": ["dose"], "properties": {"dose": {"enum": sorted(_WHOLE)}}},
        "then": {"properties": {field: whole}},
    }


_GIVEN_INTEGER: Final = {"type": "integer"}

_NO_SCHEDULE: Final = Rule(
    code="progression-no-schedule",
    at="every_weeks",
    reads=("every_weeks", "every_sessions"),
    test=_no_schedule,
    schema={
        "anyOf": [
            {"required": ["every_weeks"], "properties": {"every_weeks": _GIVEN_INTEGER}},
            {"required": ["every_sessions"], "properties": {"every_sessions": _GIVEN_INTEGER}},
        ]
    },
    breaking={"every_weeks": None},
)
_TWO_SCHEDULES: Final = Rule(
    code="progression-two-schedules",
    at="every_sessions",
    reads=("every_weeks", "every_sessions"),
    test=_two_schedules,
    schema={
        "not": {
            "required": ["every_weeks", "every_sessions"],
            "properties": {"every_weeks": _GIVEN_INTEGER, "every_sessions": _GIVEN_INTEGER},
        }
    },
    breaking={"every_sessions": 3},
)
_WHOLE_STEP: Final = Rule(
    code="fractional",
    at="step",
    reads=("dose", "step"),
    test=_whole_for("step"),
    schema=_whole_schema("step", nullable=False),
    breaking={"step": 1.5},
)
_WHOLE_UNTIL: Final = Rule(
    code="fractional",
    at="until",
    reads=("dose", "until"),
    test=_whole_for("until"),
    schema=_whole_schema("until", nullable=True),
    breaking={"until": 5.5},
)


def _to_dose(value: ProgressedDose | str) -> ProgressedDose:
    return rules.convert_member(ProgressedDose, value, "dose")  # type: ignore[no-any-return]


_GATES: Final = ArrayOf(rules.one_of(Gate))


def _to_gates(value: Iterable[Gate | str]) -> tuple[Gate, ...]:
    return tuple(
        rules.convert_member(Gate, gate, f"gate[{index}]")
        for index, gate in enumerate(_GATES.convert(value, "gate"))
    )


@rules.declared(_NO_SCHEDULE, _TWO_SCHEDULES, _WHOLE_STEP, _WHOLE_UNTIL)
@attrs.frozen(kw_only=True)
class Progression:
    """A rule that raises one dose of a routine item by a step, on a schedule, up to a cap.

    ``Progression(dose="reps", step=1, every_weeks=1)`` adds a repetition each week of the
    programme, counted from the routine's ``start``, up to the documented maximum;
    ``every_sessions=4`` steps instead after every four logged sessions of the exercise. A rule
    with a ``gate`` takes a step only when the logs of the period it closes meet every condition
    (see :class:`Gate`); a step not earned is not made up later. Steps only ever raise the dose:
    a rule never lowers it.

    The dose stops at ``until`` when given, else at the documented maximum of the exercise; a
    rule whose dose has no documented maximum needs ``until`` (``progression-uncapped``). An
    ``until`` beyond the documented range is an error of the item unless the item records a
    deviation, when it is a ``deviation`` warning: the dose rules judge the dose at the cap as
    they judge any prescribed dose.

    Attributes:
        dose: The dose that changes.
        step: How much each step adds: seconds for a hold or timed work, the load's unit for a
            weight, a whole number for repetitions and sets; > 0.
        every_weeks: Step at the start of every this many weeks of the programme; or ``None``.
        every_sessions: Step after every this many logged sessions of the exercise (a session
            whose log holds a set of it); or ``None``. Exactly one of the two is given.
        until: The dose the rule stops at, or ``None`` for the documented maximum.
        gate: The conditions each step must meet in the logs of its period (the weeks since the
            previous chance, or the sessions counted); empty for none.

    .. versionadded:: 0.2.0
    """

    dose: ProgressedDose = attrs.field(
        converter=_to_dose, metadata=declare(rules.one_of(ProgressedDose))
    )
    step: float = attrs.field(metadata=declare(Number()))
    every_weeks: int | None = attrs.field(
        default=None, metadata=declare(Nullable(Number(whole=True)))
    )
    every_sessions: int | None = attrs.field(
        default=None, metadata=declare(Nullable(Number(whole=True)))
    )
    until: float | None = attrs.field(default=None, metadata=declare(Nullable(Number())))
    gate: tuple[Gate, ...] = attrs.field(default=(), converter=_to_gates, metadata=declare(_GATES))

    __attrs_post_init__ = rules.checks_pending

    def __str__(self) -> str:
        """``reps +1 every week, up to the documented maximum, when sets-done``."""
        if self.every_weeks is not None:
            weeks = self.every_weeks
            when = "every week" if weeks == 1 else f"every {weeks} weeks"
        else:
            sessions = self.every_sessions
            when = "after every session" if sessions == 1 else f"after every {sessions} sessions"
        cap = "the documented maximum" if self.until is None else format_number(self.until)
        gate = "" if not self.gate else f", when {' and '.join(g.value for g in self.gate)}"
        return f"{self.dose.value} +{format_number(self.step)} {when}, up to {cap}{gate}"


#: An item's progression rules, as a routine item and the wire format hold them.
PROGRESSIONS: Final = ArrayOf(rules.Part(Progression))


def to_progression(value: Iterable[Progression]) -> tuple[Progression, ...]:
    """An item's ``progression``: any iterable of rules, as a tuple, each a :class:`Progression`.

    Raises:
        InvalidValueError: For a value that is no array, or an element that is no rule.
    """
    found = PROGRESSIONS.convert(value, "progression")
    problem_found = PROGRESSIONS.problem(found, "progression")
    if problem_found is not None:
        raise InvalidValueError(problem_found[1])
    return found


# -- the dose a rule moves ------------------------------------------------------------------------


def starting_dose(exercise: Exercise, dose: Mapping[str, Any]) -> dict[str, Any]:
    """An item's dose as a session plays it: the sets played, the load in force.

    Sets left out are the documented least, or one set; a load left out is the documented one
    at its least (:func:`~solpt_rehab._routines.dose.default_load`).
    """
    sets = dose.get("sets")
    if sets is None:
        sets = default_sets(exercise) or 1
    load = dose.get("load")
    return {**dose, "sets": sets, "load": default_load(exercise) if load is None else load}


def start_of(field: str, dose: Mapping[str, Any]) -> Any:
    """The starting value of ``field`` in a :func:`starting_dose`, or ``None`` when it has none.

    A load only moves when it is a weight with an amount (``None`` otherwise).
    """
    value = dose.get(field)
    if field == "load" and (not isinstance(value, Load) or value.max_amount is None):
        return None
    return value


def _documented_max(exercise: Exercise, field: str, start: Any) -> float | None:
    """The documented maximum of ``field``, in the unit of ``start`` for a weight."""
    if field == "reps":
        return exercise.repetitions.max_reps
    if field == "hold_seconds":
        return None if exercise.hold is None else exercise.hold.max_seconds
    if field == "sets":
        return None if exercise.sets is None else exercise.sets.max_sets
    if field == "work_seconds":
        return None if exercise.timed_work is None else exercise.timed_work.max_seconds
    documented = exercise.load
    if documented is None or documented.max_amount is None or documented.unit is None:
        return None
    unit = start.unit
    return float(documented.max_amount * documented.unit.kilograms / unit.kilograms)


def cap_of(rule: Progression, exercise: Exercise, start: Any) -> float | None:
    """Where ``rule`` stops: its ``until``, else the documented maximum, else ``None``."""
    if rule.until is not None:
        return rule.until
    return _documented_max(exercise, rule.dose.value, start)


def _level(field: str, start: Any) -> float:
    """The number a rule raises: the dose itself, or a weight's upper amount."""
    return start.max_amount if field == "load" else start  # type: ignore[no-any-return]


def steps_to_cap(rule: Progression, start: Any, cap: float) -> int:
    """How many steps take the dose from ``start`` to ``cap`` (the last one may stop short)."""
    gap = cap - _level(rule.dose.value, start)
    if gap <= 0:
        return 0
    steps = gap / rule.step
    if not math.isfinite(steps):  # a step of 5e-324 seconds: more steps than any calendar holds
        return sys.maxsize
    return max(1, math.ceil(steps))


def stepped(rule: Progression, start: Any, cap: float, steps: int) -> Any:
    """The dose after ``steps`` steps of ``rule`` from ``start``, never beyond ``cap``."""
    field = rule.dose.value
    level = _level(field, start)
    if steps <= 0 or cap <= level:
        return start
    raised = min(level + steps * rule.step, cap)
    if field != "load":
        return raised
    low = start.min_amount if start.min_amount is not None else start.max_amount
    return attrs.evolve(start, min_amount=low + (raised - level), max_amount=raised)


# -- the checks -----------------------------------------------------------------------------------


def progression_problems(
    exercise: Exercise,
    dose: Mapping[str, Any],
    progression: Iterable[Progression],
    at: Iterable[str | int] = (),
) -> Iterator[Problem]:
    """Yield every problem of an item's progression rules, given its sound dose.

    ``dose`` holds the item's :data:`~solpt_rehab._routines.dose.DOSE_FIELDS` with the defaults
    in place and no error of its own. Each rule is checked in order: a second rule for one dose
    (``progression-duplicate-dose``), a dose the item does not prescribe
    (``progression-not-applicable``), no cap (``progression-uncapped``), a rule that can never
    change the dose (``progression-idle``), and the dose at the cap, by the dose rules (an error
    such as ``reps-out-of-range`` at the rule's ``until``, or a ``deviation`` warning).
    """
    base = tuple(at)
    dose = starting_dose(exercise, dose)
    seen: dict[str, int] = {}
    for index, rule in enumerate(progression):
        where = (*base, "progression", index)
        field = rule.dose.value
        if field in seen:
            yield problem(
                (*where, "dose"),
                "progression-duplicate-dose",
                f"progression[{seen[field]}] progresses {field!r} already; one rule per dose: "
                f"{field!r}",
            )
            continue
        seen[field] = index
        start = start_of(field, dose)
        if start is None:
            yield problem(
                (*where, "dose"),
                "progression-not-applicable",
                f"{exercise.id!r} has no prescribed {_WHAT[field]}"
                f"{' with an amount' if field == 'load' else ''} to progress: {field!r}",
            )
            continue
        cap = cap_of(rule, exercise, start)
        if cap is None:
            yield problem(
                (*where, "until"),
                "progression-uncapped",
                f"'until' must be given: {exercise.id!r} documents no maximum {_WHAT[field]} "
                "to stop at: null",
            )
            continue
        if steps_to_cap(rule, start, cap) == 0:
            level = _level(field, start)
            yield problem(
                where,
                "progression-idle",
                f"the rule stops at {format_number(cap)}, not above the starting "
                f"{_WHAT[field]} ({format_number(level)}): it never changes the dose",
            )
            continue
        top = {**dose, field: stepped(rule, start, cap, steps_to_cap(rule, start, cap))}
        target = pointer(*base, field)
        for found in item_problems(exercise, **top, at=base):
            if found.path == target:
                yield problem(
                    (*where, "until"),
                    found.code,
                    f"at the rule's cap, {found.message}",
                )


def without_unused_deviation(
    found: list[Problem], progressed: list[Problem], at: Iterable[str | int] = ()
) -> list[Problem]:
    """The dose's problems and its progression's, as one list.

    A deviation that the progression uses (a cap beyond the range) is not also reported as
    recorded with every dose inside its range.
    """
    if any(item.code == "deviation" for item in progressed):
        unused = pointer(*at, "deviation")
        found = [item for item in found if not (item.code == "deviation" and item.path == unused)]
    return [*found, *progressed]
