"""Compose a routine for someone with left-hip pain, then print one session's length and cues.

Run it as it is: ``python3 examples/compose_routine.py``. The doses left out take the documented
lower bounds, a conservative start; ``solpt_rehab.format_timeline(routine)`` writes the same
routine as a ready-made text.
"""

from __future__ import annotations

from solpt_rehab import Routine, RoutineBuilder, session_duration, session_timeline


def build_routine() -> Routine:
    """The article's three exercises, the figure-4 stretch on the painful (left) side."""
    return (
        RoutineBuilder("Left hip pain", sessions_per_day=1, days_per_week=7, weeks=6)
        .add("figure-4-stretch", side="left")  # affected side: the painful hip, required
        .add("knees-to-chest")  # both legs together
        .add("lying-march")  # alternating, right foot first, 8 lifts in all
        .build()
    )


def main() -> None:
    """Print the routine, how long one session lasts, and one line per cue."""
    routine = build_routine()
    frequency = routine.frequency
    print(
        f"{routine.name}: {len(routine.items)} exercises, "
        f"{frequency.sessions_per_day} session a day, {frequency.days_per_week} days a week, "
        f"for {routine.weeks} weeks"
    )
    duration = session_duration(routine)
    print(
        f"One session lasts {duration} "
        f"({duration.min_seconds:g} to {duration.max_seconds:g} seconds)."
    )
    cues = session_timeline(routine)
    print(
        f"This timeline plays {cues[-1].end_seconds:g} seconds; "
        "* marks a length the library interprets."
    )
    print()
    for cue in cues:
        length = f"+{cue.duration_seconds:g}s"
        mark = "*" if cue.interpreted else " "
        side = f"[{cue.side.value if cue.side is not None else '-'}]"
        print(
            f"{cue.start_seconds:>5g}s  {length:>4}{mark}  {cue.kind.value:<13}  {side:<7} "
            f"{cue.prompt}"
        )


if __name__ == "__main__":
    main()
