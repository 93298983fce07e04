"""The dose in force on a date: a routine's progression rules read against its session logs.

The definition, stated once here and in ``docs/progression.md``:

* Weeks are counted from the routine's ``start``: week 1 is its first seven days. A rule with
  ``every_weeks=N`` has a chance to step at the start of weeks ``N + 1``, ``2N + 1``...; the
  *period* a chance closes is the ``N`` weeks before it. Chances stop at the programme's end
  (``weeks``, when set): the dose of its last day stays in force after it.
* A rule with ``every_sessions=K`` has a chance after every ``K`` sessions of the exercise
  (counted logs that hold a set of it), in date and time order; the step is in force from the
  day after the ``K``-th session, and its period is those ``K`` sessions.
* Logs are counted as :func:`~solpt_rehab.adherence` counts them: from the routine's start, a
  second log of one session (same date and time, or equal) once.
* A chance without a gate always steps. With a gate, it steps only when the period holds a
  logged session and every condition holds (:class:`~solpt_rehab.Gate`); a chance missed is not
  made up. The dose in force on a day is read from the logs dated before that day only.
* Each step adds ``step`` to the dose, which stops at the rule's cap (``until``, else the
  documented maximum): the last step may be shorter.
"""

from __future__ import annotations

import bisect
import datetime
from collections.abc import Iterable, Sequence
from typing import Any, Final

import attrs

from .._core.errors import InvalidValueError
from .._model.values import CountingRule
from .._routines.dose import DOSE_FIELDS
from .._routines.progression import (
    Gate,
    Progression,
    cap_of,
    start_of,
    starting_dose,
    stepped,
    steps_to_cap,
)
from .._routines.values import Routine, RoutineItem
from .values import SessionLog, SetLog

__all__ = ["ItemSchedule", "dose_on", "in_force", "later"]

_WEEK: Final = 7


def later(day: datetime.date, days: int) -> datetime.date | None:
    """The day ``days`` after ``day``, or ``None`` past the calendar's last day (9999-12-31)."""
    if days > (datetime.date.max - day).days:
        return None
    return day + datetime.timedelta(days=days)


def week_of(routine: Routine, day: datetime.date) -> int | None:
    """The programme week ``day`` falls in (1 is the first seven days from ``routine.start``).

    ``None`` when the routine has no start, before the start, or after the programme's last week.
    """
    start = routine.start
    if start is None or day < start:
        return None
    week = (day - start).days // 7 + 1
    return None if routine.weeks is not None and week > routine.weeks else week


def reps_recorded(logged: SetLog, *, per_side: bool) -> int | None:
    """The repetitions a set records, counted as the exercise counts them, or ``None``."""
    if logged.reps is not None:
        return logged.reps * (2 if per_side else 1)
    if logged.left_reps is None and logged.right_reps is None:
        return None
    return (logged.left_reps or 0) + (logged.right_reps or 0)


@attrs.frozen
class _Rule:
    """One rule of an item, ready to step: where it starts, where it stops, how far it may go."""

    index: int
    rule: Progression
    start: Any
    cap: float
    most: int


class ItemSchedule:
    """The dose of one item over time: each rule's steps, by the day they come into force."""

    def __init__(
        self,
        item: RoutineItem,
        first: datetime.date,
        last: datetime.date | None,
        sessions: Sequence[SessionLog],
        horizon: datetime.date,
    ) -> None:
        self.item = item
        self.first = first
        self.last = last
        self.per_side = item.exercise.repetitions.counting is CountingRule.PER_SIDE
        self.start = starting_dose(
            item.exercise, {name: getattr(item, name) for name in DOSE_FIELDS}
        )
        self.rules: list[_Rule] = []
        for index, rule in enumerate(item.progression):
            start = start_of(rule.dose.value, self.start)
            cap = None if start is None else cap_of(rule, item.exercise, start)
            if start is None or cap is None:  # pragma: no cover - the item refuses such a rule
                continue
            self.rules.append(_Rule(index, rule, start, cap, steps_to_cap(rule, start, cap)))
        #: For each rule that needs the logs, the days its steps came into force, in order.
        self.steps: dict[int, list[datetime.date]] = {
            entry.index: []
            for entry in self.rules
            if entry.rule.gate or entry.rule.every_sessions is not None
        }
        self._walk(sessions, horizon)

    # -- counting steps --

    def _week_chances(self, day: datetime.date, weeks: int) -> int:
        """How many chances of an ``every_weeks`` rule have come by ``day``."""
        end = day if self.last is None else min(day, self.last)
        if end < self.first:
            return 0
        return (end - self.first).days // (_WEEK * weeks)

    def _count(self, entry: _Rule, day: datetime.date) -> int:
        taken = self.steps.get(entry.index)
        if taken is None:  # an ungated weekly rule: every chance steps
            return min(entry.most, self._week_chances(day, entry.rule.every_weeks or 1))
        return bisect.bisect_right(taken, day)

    def dose(self, day: datetime.date) -> dict[str, Any]:
        """The item's dose fields in force on ``day``."""
        dose = {name: getattr(self.item, name) for name in DOSE_FIELDS}
        for entry in self.rules:
            count = self._count(entry, day)
            if count:
                dose[entry.rule.dose.value] = stepped(entry.rule, entry.start, entry.cap, count)
        return dose

    # -- the gates --

    def _gate(self, rule: Progression, period: Sequence[SessionLog]) -> bool:
        if not rule.gate:
            return True
        if not period:
            return False
        for log in period:
            if Gate.PAIN_NOT_HIGHER in rule.gate and (
                log.pain_before is not None
                and log.pain_after is not None
                and log.pain_after > log.pain_before
            ):
                return False
            if Gate.SETS_DONE in rule.gate and not self._sets_done(log):
                return False
        return True

    def _sets_done(self, log: SessionLog) -> bool:
        dose = self.dose(log.date)
        sets: int = dose["sets"] if dose["sets"] is not None else self.start["sets"]
        reps: int = dose["reps"] * (2 if self.per_side else 1)
        done = 0
        for item_log in log.items:
            if item_log.exercise != self.item.exercise.id:
                continue
            for logged in item_log.sets:
                recorded = reps_recorded(logged, per_side=self.per_side)
                done += recorded is None or recorded >= reps
        return done >= sets

    # -- the walk --

    def _chances(
        self, sessions: Sequence[SessionLog], horizon: datetime.date
    ) -> list[tuple[datetime.date, int, list[SessionLog]]]:
        """Every chance of the rules that read the logs: (day in force, rule, its period)."""
        found: list[tuple[datetime.date, int, list[SessionLog]]] = []
        for entry in self.rules:
            rule = entry.rule
            if entry.index not in self.steps:
                continue
            if rule.every_sessions is not None:
                done = [
                    log
                    for log in sessions
                    if any(
                        item_log.sets
                        for item_log in log.items
                        if item_log.exercise == self.item.exercise.id
                    )
                ]
                size = rule.every_sessions
                for end in range(size, len(done) + 1, size):
                    day = later(done[end - 1].date, 1)
                    if (
                        day is not None
                        and day <= horizon
                        and (self.last is None or day <= self.last)
                    ):
                        found.append((day, entry.index, done[end - size : end]))
                continue
            length = _WEEK * (rule.every_weeks or 1)
            periods: dict[int, list[SessionLog]] = {}
            for log in sessions:
                periods.setdefault((log.date - self.first).days // length, []).append(log)
            for number, period in sorted(periods.items()):
                day = later(self.first, length * (number + 1))
                if day is not None and day <= horizon and (self.last is None or day <= self.last):
                    found.append((day, entry.index, period))
        found.sort(key=lambda chance: (chance[0], chance[1]))
        return found

    def _walk(self, sessions: Sequence[SessionLog], horizon: datetime.date) -> None:
        by_index = {entry.index: entry for entry in self.rules}
        for day, index, period in self._chances(sessions, horizon):
            entry = by_index[index]
            taken = self.steps[index]
            if len(taken) < entry.most and self._gate(entry.rule, period):
                taken.append(day)


def _sessions(logs: Iterable[SessionLog], first: datetime.date) -> list[SessionLog]:
    """The logs counted from ``first``, in date and time order, each session once."""
    ordered = sorted(
        (log for log in logs if log.date >= first),
        key=lambda log: (log.date, log.time or datetime.time.min),
    )
    kept: list[SessionLog] = []
    seen: set[tuple[datetime.date, datetime.time]] = set()
    for log in ordered:
        key = None if log.time is None else (log.date, log.time)
        if (key is not None and key in seen) or log in kept:
            continue
        if key is not None:
            seen.add(key)
        kept.append(log)
    return kept


def programme_last(routine: Routine) -> datetime.date | None:
    """The programme's last day, or ``None`` when it has no start or no set length."""
    if routine.start is None or routine.weeks is None:
        return None
    return later(routine.start, _WEEK * routine.weeks - 1)


def in_force(
    routine: Routine, logs: Iterable[SessionLog], horizon: datetime.date
) -> list[ItemSchedule | None]:
    """Each item's schedule of doses up to ``horizon`` (``None`` for an item without rules).

    Raises:
        InvalidValueError: When an item has progression rules and the routine has no start.
    """
    if not any(item.progression for item in routine.items):
        return [None] * len(routine.items)
    first = routine.start
    if first is None:
        raise InvalidValueError(
            f"routine {routine.name!r} has progression rules and no 'start': its weeks cannot "
            "be counted"
        )
    sessions = _sessions(logs, first)
    last = programme_last(routine)
    return [
        ItemSchedule(item, first, last, sessions, horizon) if item.progression else None
        for item in routine.items
    ]


def _check(routine: object, day: object, logs: object) -> tuple[SessionLog, ...]:
    if not isinstance(routine, Routine):
        raise InvalidValueError(f"'routine' must be a Routine: {routine!r}")
    if not isinstance(day, datetime.date) or isinstance(day, datetime.datetime):
        raise InvalidValueError(f"'day' must be a datetime.date: {day!r}")
    if isinstance(logs, (str, bytes)) or not isinstance(logs, Iterable):
        raise InvalidValueError(f"'logs' must be an iterable of SessionLog: {logs!r}")
    found = tuple(logs)
    for index, log in enumerate(found):
        if not isinstance(log, SessionLog):
            raise InvalidValueError(f"'logs[{index}]' must be a SessionLog: {log!r}")
    return found


def dose_on(routine: Routine, day: datetime.date, logs: Iterable[SessionLog] = ()) -> Routine:
    """The routine as it is prescribed on ``day``: each item at the dose in force, rules applied.

    Each item's :attr:`~solpt_rehab.RoutineItem.progression` is applied as the module's
    definition says (weeks from ``routine.start``; gates read from the ``logs`` dated before
    ``day``), and the item comes back with that dose and no rules, so that
    :func:`~solpt_rehab.session_timeline`, :func:`~solpt_rehab.session_duration` and a handout
    show that day's session unchanged. An item without rules comes back as it is; a routine
    without rules, as it is. Before the start, the doses are the starting ones.

    Args:
        routine: The routine, with its rules.
        day: The day asked about.
        logs: The session logs that gated rules read, in any order.

    Returns:
        A new :class:`~solpt_rehab.Routine` (the one given is not changed).

    Raises:
        InvalidValueError: For a ``routine`` that is not a :class:`~solpt_rehab.Routine`, a
            ``day`` that is not a date, a log that is not a :class:`~solpt_rehab.SessionLog`,
            or a routine with rules and no ``start``.

    .. versionadded:: 0.2.0
    """
    found = _check(routine, day, logs)
    schedules = in_force(routine, found, day)
    if all(schedule is None for schedule in schedules):
        return routine
    items = tuple(
        item if schedule is None else attrs.evolve(item, **schedule.dose(day), progression=())
        for item, schedule in zip(routine.items, schedules, strict=True)
    )
    return attrs.evolve(routine, items=items)
