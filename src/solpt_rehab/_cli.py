"""The command line, ``solpt-rehab`` (also ``python -m solpt_rehab``)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from . import catalog
from ._model import Exercise
from ._version import __version__


def format_exercise(exercise: Exercise) -> str:
    """Write an exercise and its documented dose as text for a person."""
    reps = exercise.repetitions
    lines = [f"{exercise.name} ({exercise.id})"]
    if exercise.purpose:
        lines.append(f"  purpose:     {exercise.purpose}")
    lines.append(f"  hold:        {exercise.hold if exercise.hold is not None else 'none'}")
    count = f"at least {reps.min_reps}" if reps.open_ended else reps.range_text
    lines.append(f"  repetitions: {count}")
    side = reps.laterality.value
    if reps.counting is not None:
        side += f", counted {reps.counting.value}"
    lines.append(f"  side:        {side}")
    if reps.rest is not None:
        quantified = "" if reps.rest.quantified else " (documented without a number)"
        lines.append(f"  rest:        {reps.rest}{quantified}")
    lines.append("  steps:")
    lines.extend(
        f"    {number}. [{step.kind.value}] {step.text}"
        for number, step in enumerate(exercise.steps, 1)
    )
    return "\n".join(lines)


def _catalog(_: argparse.Namespace) -> int:
    print("\n\n".join(format_exercise(exercise) for exercise in catalog.all()))
    return 0


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser of the command line."""
    parser = argparse.ArgumentParser(
        prog="solpt-rehab",
        description="Home exercise prescriptions as typed, validated data.",
        epilog="example:\n  solpt-rehab catalog",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    show = commands.add_parser(
        "catalog",
        help="list the documented exercises with their doses",
        description="List the documented exercises with their doses.",
        epilog="example:\n  solpt-rehab catalog",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    show.set_defaults(handler=_catalog)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return 2
    status: int = handler(args)
    return status
