"""Progress a routine over six weeks and print the dose in force each week.

The knees-to-chest hold grows by 2 seconds a week. The lying march gains a lift a week, but only
after a week in which every logged session did every lift and pain did not rise. The logs say
the patient managed week 1, had more pain after a session of week 2, and missed week 3.

Run it: ``python examples/progress_over_weeks.py``.
"""

from __future__ import annotations

import datetime

from solpt_rehab import (
    ItemLog,
    Progression,
    RoutineBuilder,
    SessionLog,
    SetLog,
    adherence,
    dose_on,
)

START = datetime.date(2026, 12, 7)


def day(week: int, weekday: int) -> datetime.date:
    """Day ``weekday`` (0 for the first) of programme week ``week`` (1 for the first)."""
    return START + datetime.timedelta(days=7 * (week - 1) + weekday)


def main() -> None:
    """Build the routine, log three weeks, print each week's doses and the adherence so far."""
    routine = (
        RoutineBuilder("Hips, six weeks", days_per_week=3, weeks=6, start=START)
        .add(
            "knees-to-chest",
            hold_seconds=20,
            progression=Progression(dose="hold_seconds", step=2, every_weeks=1),
        )
        .add(
            "lying-march",
            reps=8,
            progression=Progression(
                dose="reps", step=1, every_weeks=1, gate=["sets-done", "pain-not-higher"]
            ),
        )
        .build()
    )

    def session(when: datetime.date, lifts: int, pain_after: int) -> SessionLog:
        return SessionLog(
            date=when,
            items=[
                ItemLog(exercise="knees-to-chest", sets=[SetLog(reps=3)]),
                ItemLog(exercise="lying-march", sets=[SetLog(reps=lifts)]),
            ],
            pain_before=3,
            pain_after=pain_after,
        )

    logs = [
        session(day(1, 0), 8, 2),
        session(day(1, 2), 8, 3),
        session(day(2, 0), 9, 3),
        session(day(2, 2), 9, 5),  # more pain after than before: no step next week
    ]
    for week in range(1, 7):
        today = dose_on(routine, day(week, 0), logs)
        knees, march = today.items
        print(f"week {week}: knees-to-chest hold {knees.hold_seconds} s, lying march {march.reps}")
    report = adherence(routine, logs, START, day(3, 6))
    print(
        f"weeks 1-3: {report.sessions_done} of {report.sessions_prescribed:g} sessions, "
        f"lying march {report.exercises[1].reps_done} of "
        f"{report.exercises[1].reps_prescribed:g} lifts"
    )


if __name__ == "__main__":
    main()
