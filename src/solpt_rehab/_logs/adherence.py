"""Adherence: what share of a routine's prescription its session logs show done (CERT item 16a).

The definition, stated once here and in ``docs/logs.md``:

* The **period** is the days from ``start`` to ``end``, both included, that fall within the
  routine's programme (from ``routine.start``, when set, for ``routine.weeks`` weeks, when set).
* **Sessions prescribed** = ``sessions_per_day`` x ``days_per_week`` x ``days / 7``: a week of
  fewer than seven session days is spread evenly over its days, so a partial week counts its
  share (3 days a week over 10 days prescribes 30/7 sessions).
* A **session is done** when its log, counted, holds at least one set of the routine's
  exercises. Logs outside the period (``log-outside-programme``) and the second of two logs of one
  session (``duplicate-session``) are not counted.
* **Per exercise**, the sets and repetitions prescribed per session are, over the routine's items
  of that exercise, ``sets_played(item)`` and ``sets_played(item) x reps``, times the sessions
  prescribed. With progression rules the dose is the one in force on each day
  (:func:`~solpt_rehab.dose_on`): each day prescribes its share of the sessions
  (``sessions_per_day x days_per_week / 7``) at that day's dose. Repetitions are counted as the
  exercise counts them: in all for a ``total`` rule or a one-sided exercise, and for a
  ``per-side`` rule each side apart (8 per side is 16); a logged set's repetitions are its
  ``reps`` (doubled for ``per-side``) or ``left_reps + right_reps``.
  Every logged set is a set done, a set given up at 0 repetitions included.
* Every **share** is done / prescribed, **capped at 1.0**: doing more on one day does not make up
  for another; the counts themselves are in the report uncapped.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator, Sequence
from fractions import Fraction
from typing import Any, Final

import attrs

from .._core.errors import InvalidValueError
from .._core.problems import Problem, problem
from .._model.values import CountingRule
from .._routines.dose import sets_played
from .._routines.values import Routine, RoutineItem
from .progression import ItemSchedule, in_force, programme_last, reps_recorded
from .values import ItemLog, SessionLog, SetLog

__all__ = ["Adherence", "ExerciseAdherence", "PainRecord", "adherence"]

#: A logged set with more than this many times the prescribed repetitions, or a session with
#: more than this many times the prescribed sets, is far from the prescription (``log-dose-far``).
FAR_FACTOR: Final = 2
_WEEK: Final = 7


def _number(value: float) -> float:
    """``value`` for JSON: a whole float as an ``int`` (``5.0`` is ``5``), else as it is."""
    return int(value) if float(value).is_integer() else value


@attrs.frozen(kw_only=True)
class ExerciseAdherence:
    """What share of one exercise's prescribed sets and repetitions the logs show done.

    Attributes:
        exercise: The exercise id.
        sets_prescribed: The sets prescribed over the period (may be fractional: see
            :func:`adherence`).
        sets_done: The sets logged in the sessions counted.
        sets_share: ``sets_done / sets_prescribed``, capped at 1.0.
        reps_prescribed: The repetitions prescribed over the period, counted as the exercise
            counts them (each side apart for a per-side rule).
        reps_done: The repetitions logged, counted the same way.
        reps_share: ``reps_done / reps_prescribed``, capped at 1.0.

    .. versionadded:: 0.2.0
    """

    exercise: str
    sets_prescribed: float
    sets_done: int
    sets_share: float
    reps_prescribed: float
    reps_done: int
    reps_share: float

    def to_json(self) -> dict[str, Any]:
        """The exercise's figures as a JSON object, every field under its own name.

        Returns:
            A new dict; a whole number is an ``int`` (``5``, never ``5.0``).

        .. versionadded:: 0.2.0
        """
        return {
            "exercise": self.exercise,
            "sets_prescribed": _number(self.sets_prescribed),
            "sets_done": self.sets_done,
            "sets_share": _number(self.sets_share),
            "reps_prescribed": _number(self.reps_prescribed),
            "reps_done": self.reps_done,
            "reps_share": _number(self.reps_share),
        }


@attrs.frozen(kw_only=True)
class PainRecord:
    """Pain before and after one counted session, on the 0-10 numeric rating scale.

    Attributes:
        date: The day of the session.
        time: The time it started, or ``None``.
        before: Pain before the session, or ``None`` when not recorded.
        after: Pain after the session, or ``None`` when not recorded.

    .. versionadded:: 0.2.0
    """

    date: datetime.date
    time: datetime.time | None
    before: int | None
    after: int | None

    def to_json(self) -> dict[str, Any]:
        """The record as a JSON object: ``{"date": "2026-12-07", "time": "07:30", ...}``.

        Returns:
            A new dict; the date in ISO 8601 (``YYYY-MM-DD``), the time as the session log
            document writes it (``HH:MM``) or ``None``.

        .. versionadded:: 0.2.0
        """
        return {
            "date": self.date.isoformat(),
            "time": None if self.time is None else self.time.isoformat(timespec="minutes"),
            "before": self.before,
            "after": self.after,
        }


@attrs.frozen(kw_only=True)
class Adherence:
    """How much of a routine's prescription its session logs show done over a period.

    Adherence is measured as the share of the prescription done (CERT item 16a):

    * the period is the days from ``start`` to ``end``, both included, within the routine's
      programme (from its ``start`` for its ``weeks``, when set);
    * sessions prescribed = sessions a day x days a week x days / 7, so a partial week counts its
      share of the week's session days;
    * a session is done when its log holds a set of the routine's exercises; logs outside the
      period and the second log of one session are left out, each with a warning;
    * per exercise, the sets prescribed are ``sets_played(item)`` per session and the repetitions
      ``sets_played(item) x reps``, summed over the exercise's items, counted as the exercise
      counts them (each side apart for a per-side rule), at the dose in force on each day when
      the items progress (each day prescribes its share of the sessions at its dose); every
      logged set is a set done;
    * each share is done / prescribed, capped at 1.0; the counts are not capped.

    Attributes:
        start: The first day of the period counted.
        end: The last day of the period counted.
        days: The number of days counted.
        sessions_prescribed: The sessions prescribed over the period.
        sessions_done: The sessions logged and counted.
        sessions_share: ``sessions_done / sessions_prescribed``, capped at 1.0.
        exercises: Per exercise of the routine, in the routine's order, its shares.
        days_without_session: The days of the period with no session done, in order (for fewer
            than seven session days a week, some are rest days).
        pain: Pain before and after each counted session, in date and time order.
        problems: What the logs hold that the figures leave out or that looks wrong, with JSON
            Pointer paths into the list of logs (``/2/items/0``).

    .. versionadded:: 0.2.0
    """

    start: datetime.date
    end: datetime.date
    days: int
    sessions_prescribed: float
    sessions_done: int
    sessions_share: float
    exercises: tuple[ExerciseAdherence, ...]
    days_without_session: tuple[datetime.date, ...]
    pain: tuple[PainRecord, ...]
    problems: tuple[Problem, ...]

    def to_json(self) -> dict[str, Any]:
        """The report as a JSON object, as ``solpt-rehab adherence --format json`` writes it.

        Every field is under its own name, in the order above; dates are ISO 8601 strings,
        ``exercises`` and ``pain`` hold :meth:`ExerciseAdherence.to_json` and
        :meth:`PainRecord.to_json` objects, and each problem is an object with its ``path``,
        ``code``, ``severity`` and ``message``. The form is described field by field in
        ``docs/logs.md``.

        Returns:
            A new dict that ``json.dumps`` writes as it is; a whole number is an ``int``
            (``5``, never ``5.0``), so that every number is written one way.

        .. versionadded:: 0.2.0
        """
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "days": self.days,
            "sessions_prescribed": _number(self.sessions_prescribed),
            "sessions_done": self.sessions_done,
            "sessions_share": _number(self.sessions_share),
            "exercises": [exercise.to_json() for exercise in self.exercises],
            "days_without_session": [day.isoformat() for day in self.days_without_session],
            "pain": [record.to_json() for record in self.pain],
            "problems": [
                {
                    "path": found.path,
                    "code": found.code,
                    "severity": found.severity.value,
                    "message": found.message,
                }
                for found in self.problems
            ],
        }


def _share(done: int, prescribed: Fraction) -> float:
    return float(min(Fraction(done) / prescribed, Fraction(1)))


def _per_side(item: RoutineItem) -> bool:
    return item.exercise.repetitions.counting is CountingRule.PER_SIDE


def _set_reps(logged: SetLog, *, per_side: bool) -> int:
    """The repetitions a set records, as the exercise counts them; none recorded counts 0."""
    return reps_recorded(logged, per_side=per_side) or 0


def _day(name: str, value: object) -> datetime.date:
    if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
        raise InvalidValueError(f"{name!r} must be a datetime.date: {value!r}")
    return value


def _check_arguments(
    routine: object, logs: object, start: object, end: object
) -> tuple[SessionLog, ...]:
    if not isinstance(routine, Routine):
        raise InvalidValueError(f"'routine' must be a Routine: {routine!r}")
    first = _day("start", start)
    if _day("end", end) < first:
        raise InvalidValueError(f"'end' must be >= 'start' ({start}): {end}")
    if isinstance(logs, (str, bytes)) or not isinstance(logs, Iterable):
        raise InvalidValueError(f"'logs' must be an iterable of SessionLog: {logs!r}")
    found = tuple(logs)
    for index, log in enumerate(found):
        if not isinstance(log, SessionLog):
            raise InvalidValueError(f"'logs[{index}]' must be a SessionLog: {log!r}")
    return found


def _counted(
    logs: Sequence[SessionLog], first: datetime.date, last: datetime.date
) -> Iterator[tuple[int, SessionLog] | Problem]:
    """The logs counted, with their index, and a problem for each left out, in the logs' order."""
    seen: dict[tuple[datetime.date, datetime.time], int] = {}
    kept: list[SessionLog] = []
    for index, log in enumerate(logs):
        if not first <= log.date <= last:
            yield problem(
                (index,),
                "log-outside-programme",
                f"the session of {log.date.isoformat()} is outside the period counted "
                f"({first.isoformat()} to {last.isoformat()}); left out",
            )
            continue
        key = None if log.time is None else (log.date, log.time)
        earlier = seen.get(key) if key is not None else None
        if earlier is None and log in kept:
            earlier = next(i for i, other in enumerate(logs) if other == log)
        if earlier is not None:
            yield problem(
                (index,),
                "duplicate-session",
                f"the session of {log.date.isoformat()}"
                f"{'' if log.time is None else ' at ' + log.time.strftime('%H:%M')} is logged "
                f"already (/{earlier}); counted once",
            )
            continue
        if key is not None:
            seen[key] = index
        kept.append(log)
        yield index, log


def _item_problems(
    index: int,
    log: SessionLog,
    items: dict[str, list[RoutineItem]],
) -> Iterator[Problem]:
    """The warnings of one log's exercises, against the items in force on its date."""
    sets_by_exercise: dict[str, list[int]] = {}
    for position, item_log in enumerate(log.items):
        prescribed = items.get(item_log.exercise)
        if prescribed is None:
            yield problem(
                (index, "items", position),
                "log-unknown-exercise",
                f"{item_log.exercise!r} is not an exercise of the routine; left out",
            )
            continue
        sets_by_exercise.setdefault(item_log.exercise, []).append(position)
        per_side = _per_side(prescribed[0])
        most = max(item.reps for item in prescribed) * (2 if per_side else 1)
        for number, logged in enumerate(item_log.sets):
            reps = _set_reps(logged, per_side=per_side)
            if reps > FAR_FACTOR * most:
                yield problem(
                    (index, "items", position, "sets", number),
                    "log-dose-far",
                    f"{reps} repetitions done, more than {FAR_FACTOR} times the {most} "
                    f"prescribed for {item_log.exercise!r}",
                )
    for exercise, positions in sets_by_exercise.items():
        done = sum(len(log.items[position].sets) for position in positions)
        prescribed_sets = sum(sets_played(item) for item in items[exercise])
        if done > FAR_FACTOR * prescribed_sets:
            yield problem(
                (index, "items", positions[0], "sets"),
                "log-dose-far",
                f"{done} sets of {exercise!r} done in one session, more than {FAR_FACTOR} times "
                f"the {prescribed_sets} prescribed",
            )


def _done(item_logs: Iterable[ItemLog], *, per_side: bool) -> tuple[int, int]:
    sets = reps = 0
    for item_log in item_logs:
        sets += len(item_log.sets)
        reps += sum(_set_reps(logged, per_side=per_side) for logged in item_log.sets)
    return sets, reps


class _DosesByDay:
    """The routine's items in force on a day, by exercise, each day worked out once."""

    def __init__(self, routine: Routine, schedules: list[ItemSchedule | None]) -> None:
        self.routine = routine
        self.schedules = schedules
        self.progresses = any(schedule is not None for schedule in schedules)
        self._cache: dict[object, dict[str, list[RoutineItem]]] = {}

    def _key(self, day: datetime.date) -> object:
        """Days with equal doses share a key: the doses themselves."""
        if not self.progresses:
            return None
        return tuple(
            None if schedule is None else tuple(schedule.dose(day).values())
            for schedule in self.schedules
        )

    def days(self, period: list[datetime.date]) -> list[tuple[datetime.date, int]]:
        """The period's days grouped by equal doses: (a day of the group, how many days)."""
        groups: dict[object, tuple[datetime.date, int]] = {}
        for day in period:
            key = self._key(day)
            first, count = groups.get(key, (day, 0))
            groups[key] = (first, count + 1)
        return list(groups.values())

    def items(self, day: datetime.date) -> dict[str, list[RoutineItem]]:
        key = self._key(day)
        found = self._cache.get(key)
        if found is None:
            found = {}
            for item, schedule in zip(self.routine.items, self.schedules, strict=True):
                if schedule is not None:
                    item = attrs.evolve(item, **schedule.dose(day), progression=())  # noqa: PLW2901
                found.setdefault(item.exercise.id, []).append(item)
            self._cache[key] = found
        return found


def adherence(
    routine: Routine,
    logs: Iterable[SessionLog],
    start: datetime.date,
    end: datetime.date,
) -> Adherence:
    """Measure how much of ``routine`` the ``logs`` show done from ``start`` to ``end``.

    The definition is :class:`Adherence`'s. The logs are read, never judged silently: a log outside
    the period or the programme (``log-outside-programme``), a second log of one session, the same
    date and time or the same log twice (``duplicate-session``), a logged exercise the routine
    lacks (``log-unknown-exercise``) are left out of the counts with a warning; a set of more than
    twice the prescribed repetitions, or more than twice the prescribed sets in one session
    (``log-dose-far``), is counted with a warning.

    Args:
        routine: The routine prescribed.
        logs: The session logs, in any order; problem paths index this sequence.
        start: The first day of the period, included.
        end: The last day of the period, included.

    Returns:
        The report, with its problems.

    Raises:
        InvalidValueError: For a ``routine`` that is not a :class:`~solpt_rehab.Routine`, a log
            that is not a :class:`~solpt_rehab.SessionLog`, ``start`` or ``end`` not a date,
            ``end`` before ``start``, a period with no day of the routine's programme, or a
            routine whose items progress and that has no ``start``.

    .. versionadded:: 0.2.0
    """
    found = _check_arguments(routine, logs, start, end)
    programme_first, programme_end = routine.start, programme_last(routine)
    first = start if programme_first is None else max(start, programme_first)
    last = end if programme_end is None else min(end, programme_end)
    if last < first:
        raise InvalidValueError(
            f"the period {start.isoformat()} to {end.isoformat()} holds no day of the routine's "
            f"programme: {routine.start!r} for {routine.weeks!r} weeks"
        )
    days = (last - first).days + 1
    frequency = routine.frequency
    sessions = Fraction(frequency.sessions_per_day * frequency.days_per_week * days, _WEEK)

    schedules = in_force(routine, found, last)
    on_day = _DosesByDay(routine, schedules)

    problems: list[Problem] = []
    counted: list[SessionLog] = []
    for entry in _counted(found, first, last):
        if isinstance(entry, Problem):
            problems.append(entry)
            continue
        index, log = entry
        problems.extend(_item_problems(index, log, on_day.items(log.date)))
        counted.append(log)

    items = on_day.items(first)
    per_day = Fraction(frequency.sessions_per_day * frequency.days_per_week, _WEEK)
    period = [first + datetime.timedelta(days=offset) for offset in range(days)]

    done = [
        log
        for log in counted
        if any(item_log.sets for item_log in log.items if item_log.exercise in items)
    ]
    session_days = {log.date for log in done}
    exercises = []
    for exercise, prescribed in items.items():
        per_side = _per_side(prescribed[0])
        sets_prescribed = Fraction(0)
        reps_prescribed = Fraction(0)
        for day, count in on_day.days(period):
            in_force_then = on_day.items(day)[exercise]
            sets_prescribed += count * per_day * sum(sets_played(item) for item in in_force_then)
            reps_prescribed += (
                count
                * per_day
                * sum(
                    sets_played(item) * item.reps * (2 if per_side else 1) for item in in_force_then
                )
            )
        sets_done, reps_done = _done(
            (
                item_log
                for log in counted
                for item_log in log.items
                if item_log.exercise == exercise
            ),
            per_side=per_side,
        )
        exercises.append(
            ExerciseAdherence(
                exercise=exercise,
                sets_prescribed=float(sets_prescribed),
                sets_done=sets_done,
                sets_share=_share(sets_done, sets_prescribed),
                reps_prescribed=float(reps_prescribed),
                reps_done=reps_done,
                reps_share=_share(reps_done, reps_prescribed),
            )
        )
    ordered = sorted(counted, key=lambda log: (log.date, log.time or datetime.time.min))
    return Adherence(
        start=first,
        end=last,
        days=days,
        sessions_prescribed=float(sessions),
        sessions_done=len(done),
        sessions_share=_share(len(done), sessions),
        exercises=tuple(exercises),
        days_without_session=tuple(
            day
            for offset in range(days)
            if (day := first + datetime.timedelta(days=offset)) not in session_days
        ),
        pain=tuple(
            PainRecord(date=log.date, time=log.time, before=log.pain_before, after=log.pain_after)
            for log in ordered
        ),
        problems=tuple(sorted(problems, key=_order_key)),
    )


def _order_key(found: Problem) -> tuple[int, ...]:
    """Problems in the logs' order: by the numbers of their paths."""
    return tuple(int(token) if token.isdigit() else -1 for token in found.path.split("/")[1:])
