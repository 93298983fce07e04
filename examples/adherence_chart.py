"""Six weeks of session logs read against their routine: the report, and a chart of each week.

Run it as it is: ``python3 examples/adherence_chart.py`` prints the adherence report week by
week; ``python3 examples/adherence_chart.py chart.svg`` also writes the chart of adherence and
pain per week to ``chart.svg``. The docs show the chart this script writes
(``docs/images/adherence-chart.svg``; a test checks that the two agree).

The patient does fewer sessions as the weeks go by and the pain rises: the pattern a clinician
looks for at follow-up. One session is sent twice, which the report points out.
"""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

from solpt_rehab import (
    ItemLog,
    Routine,
    RoutineBuilder,
    SessionLog,
    SetLog,
    WeekAdherence,
    adherence,
    adherence_chart,
    format_adherence,
    weekly_adherence,
)

START = datetime.date(2026, 10, 5)  # a Monday
#: Per week of the programme, the sessions done: the weekday (0 is Monday), pain before, after.
DONE = (
    ((0, 3, 2), (1, 3, 2), (2, 2, 2), (3, 3, 2), (4, 2, 2)),
    ((0, 3, 3), (2, 3, 3), (3, 3, 2), (4, 3, 3)),
    ((0, 4, 4), (1, 3, 4), (3, 4, 4)),
    ((1, 4, 5), (3, 5, 5)),
    ((0, 5, 5), (2, 5, 6), (4, 5, 5)),
    ((1, 6, 6),),
)


#: From this week on (counted from 0), the march stops at 6 lifts of the 10 prescribed.
PAIN_RISES = 3


def build_routine() -> Routine:
    """Two of the article's exercises, five days a week for six weeks from START."""
    return (
        RoutineBuilder("Lower back, weeks 1 to 6", days_per_week=5, weeks=6, start=START)
        .add("knees-to-chest", reps=4)
        .add("lying-march", reps=10)
        .build()
    )


def build_logs() -> list[SessionLog]:
    """One log per session done; later sessions stop the march short; one log is sent twice."""
    logs = []
    for week, sessions in enumerate(DONE):
        for weekday, before, after in sessions:
            march = 10 if week < PAIN_RISES else 6  # fewer lifts once the pain rises
            logs.append(
                SessionLog(
                    date=START + datetime.timedelta(days=7 * week + weekday),
                    time="18:00",
                    items=[
                        ItemLog(exercise="knees-to-chest", sets=[SetLog(reps=4, hold_seconds=20)]),
                        ItemLog(exercise="lying-march", sets=[SetLog(reps=march)]),
                    ],
                    pain_before=before,
                    pain_after=after,
                )
            )
    logs.append(logs[5])  # the first session of week 2, sent again by the patient's app
    return logs


def build_weeks() -> tuple[WeekAdherence, ...]:
    """The six weeks of the programme, measured week by week."""
    return weekly_adherence(
        build_routine(), build_logs(), START, START + datetime.timedelta(days=41)
    )


def main() -> None:
    """Print the report with its weeks; write the chart to the path given, if any."""
    routine, logs = build_routine(), build_logs()
    end = START + datetime.timedelta(days=41)
    report = adherence(routine, logs, START, end)
    weeks = weekly_adherence(routine, logs, START, end)
    print(format_adherence(report, weeks))
    if len(sys.argv) > 1:
        chart = adherence_chart(weeks, title=f"{routine.name}: adherence and pain per week")
        Path(sys.argv[1]).write_text(chart, encoding="utf-8")
        print(f"chart written to {sys.argv[1]}")


if __name__ == "__main__":
    main()
