"""The command line, ``solpt-rehab`` (also ``python -m solpt_rehab``).

Exit status: 0 when every file is free of errors (warnings allowed), 1 when any file has an error
(malformed content included), 2 for a usage error, an unknown exercise id, or a file that cannot be
read.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

from . import catalog
from ._core.errors import DocumentError, UnknownExerciseError
from ._core.problems import problem
from ._present import format_exercise, format_problem, format_timeline
from ._routines.builder import RoutineBuilder
from ._routines.timing import Cue, session_duration, session_timeline
from ._routines.values import Routine
from ._version import __version__
from ._wire.documents import Syntax, dumps, loads, to_document, validate, validate_text
from ._wire.schema import json_schema
from ._wire.validate import Report

#: How standard input is named in the output.
STDIN_NAME: Final = "<stdin>"
_YAML_SUFFIXES: Final = (".yaml", ".yml")


# -- the commands ---------------------------------------------------------------------------------


def _catalog(args: argparse.Namespace) -> int:
    if args.format == "json":
        print(dumps(catalog.all()))
    else:
        print("\n\n".join(format_exercise(exercise) for exercise in catalog.all()))
    return 0


def _show(args: argparse.Namespace) -> int:
    try:
        exercise = catalog.get(args.id)
    except UnknownExerciseError as error:
        print(f"solpt-rehab show: {error}", file=sys.stderr)
        return 2
    print(dumps(exercise) if args.format == "json" else format_exercise(exercise))
    return 0


def _schema(_: argparse.Namespace) -> int:
    print(json.dumps(json_schema(), indent=2))
    return 0


def _syntax(path: str, chosen: str = "auto") -> Syntax:
    if chosen in ("json", "yaml"):
        return "json" if chosen == "json" else "yaml"
    return "yaml" if path.lower().endswith(_YAML_SUFFIXES) else "json"


def _reason(error: OSError) -> str:
    """Why a file could not be read or written, in lower case: ``no such file or directory``."""
    return (error.strerror or str(error)).lower()


def _needs_yaml(command: str) -> int:
    print(
        f"solpt-rehab {command}: YAML needs the 'yaml' extra: pip install 'solpt_rehab[yaml]'",
        file=sys.stderr,
    )
    return 2


def _read(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    return Path(path).read_bytes()


def _validate(args: argparse.Namespace) -> int:
    results: list[tuple[str, Report]] = []
    unreadable = False
    for path in args.paths:
        name = STDIN_NAME if path == "-" else path
        try:
            data = _read(path)
        except OSError as error:
            unreadable = True
            report = Report(
                problems=(
                    problem((), "unreadable-file", f"cannot read {path!r}: {_reason(error)}"),
                )
            )
            results.append((name, report))
            continue
        try:
            report = validate_text(data, syntax=_syntax(path, args.syntax))
        except ModuleNotFoundError:
            return _needs_yaml("validate")
        results.append((name, report))
    if args.format == "json":
        output: dict[str, Any] = {
            "files": [
                {
                    "path": name,
                    "ok": report.ok,
                    "problems": [
                        {
                            "path": found.path,
                            "code": found.code,
                            "severity": found.severity.value,
                            "message": found.message,
                        }
                        for found in report.problems
                    ],
                }
                for name, report in results
            ]
        }
        print(json.dumps(output, indent=2, ensure_ascii=False))
    else:
        for name, report in results:
            for found in report.problems:
                stream = sys.stderr if found.code == "unreadable-file" else sys.stdout
                print(format_problem(name, found), file=stream)
        if not args.quiet:
            failed = sum(1 for _, report in results if "unreadable-file" in report.codes)
            bad = sum(1 for _, report in results if not report.ok) - failed
            print(
                f"{len(results)} file{'s' if len(results) != 1 else ''}: {bad} with errors"
                + (f", {failed} unreadable" if failed else ""),
                file=sys.stderr,
            )
    if unreadable:
        return 2
    return 0 if all(report.ok for _, report in results) else 1


def article_routine(painful_side: str) -> Routine:
    """The source article's three exercises for one painful side, at their documented minimums."""
    return (
        RoutineBuilder(f"Lower back and hip pain, {painful_side} side")
        .add("figure-4-stretch", side=painful_side)
        .add("knees-to-chest")
        .add("lying-march")
        .build()
    )


def cue_document(cue: Cue) -> dict[str, Any]:
    """One cue as a JSON object for a timer app; enumerations are their string values."""
    return {
        "start_seconds": cue.start_seconds,
        "duration_seconds": cue.duration_seconds,
        "kind": cue.kind.value,
        "exercise_id": cue.exercise_id,
        "side": None if cue.side is None else cue.side.value,
        "prompt": cue.prompt,
        "interpreted": cue.interpreted,
        "repetition": cue.repetition,
        "set_number": cue.set_number,
    }


def _routine(args: argparse.Namespace) -> int:
    if args.path is None:
        routine = article_routine(args.painful_side)
    else:
        name = STDIN_NAME if args.path == "-" else args.path
        try:
            data = _read(args.path)
        except OSError as error:
            print(
                f"solpt-rehab routine: cannot read {args.path!r}: {_reason(error)}",
                file=sys.stderr,
            )
            return 2
        try:
            routine = loads(data, kind="routine", syntax=_syntax(args.path))
        except DocumentError as error:
            for found in error.problems:
                print(format_problem(name, found), file=sys.stderr)
            return 1
        except ModuleNotFoundError:
            return _needs_yaml("routine")
    if args.format == "json":
        duration = session_duration(routine)
        output = {
            "routine": to_document(routine),
            "duration": {"min_seconds": duration.min_seconds, "max_seconds": duration.max_seconds},
            "timeline": [cue_document(cue) for cue in session_timeline(routine)],
        }
        print(json.dumps(output, indent=2, ensure_ascii=False))
    else:
        print(format_timeline(routine))
    return 0


def _import(args: argparse.Namespace) -> int:
    from .importers.free_exercise_db import import_file  # noqa: PLC0415 - loads prose patterns

    try:
        result = import_file(args.file)
    except DocumentError as error:
        for found in error.problems:
            print(format_problem(args.file, found), file=sys.stderr)
        return 2
    document = to_document(result.exercises)
    report = validate(document)
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    if args.output is None:
        sys.stdout.write(text)
        summary = sys.stderr
    else:
        try:
            Path(args.output).write_text(text, encoding="utf-8")
        except OSError as error:
            print(
                f"solpt-rehab import: cannot write {args.output!r}: {_reason(error)}",
                file=sys.stderr,
            )
            return 2
        summary = sys.stdout
    print(result.summary(), file=summary)
    print(
        f"the catalog document validates with {len(report.errors)} errors and "
        f"{len(report.warnings)} warnings"
        + (f"; written to {args.output}" if args.output is not None else ""),
        file=summary,
    )
    for found in report.errors:
        print(format_problem(args.output or STDIN_NAME, found), file=sys.stderr)
    return 0 if report.ok else 1


# -- the parser -----------------------------------------------------------------------------------

_RAW: Final = argparse.RawDescriptionHelpFormatter

_VALIDATE_EPILOG: Final = """\
Each problem is printed as FILE:POINTER: SEVERITY CODE: MESSAGE, where POINTER
is an RFC 6901 JSON Pointer into the document (empty for the document itself,
as in "a.json:: error malformed-json: ..."). The problem codes are listed in
docs/problem-codes.md.

exit status:
  0  no file has an error (warnings allowed)
  1  some file has an error, malformed content included
  2  a usage error, or a file that cannot be read

examples:
  solpt-rehab validate exercise.json
  solpt-rehab validate content/*.json --format json
  cat routine.json | solpt-rehab validate -
  solpt-rehab validate plan.yaml          (needs: pip install 'solpt_rehab[yaml]')
"""


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser of the command line."""
    parser = argparse.ArgumentParser(
        prog="solpt-rehab",
        description="Home exercise prescriptions as typed, validated data.",
        epilog=(
            "examples:\n"
            "  solpt-rehab catalog\n"
            "  solpt-rehab routine --painful-side left\n"
            "  solpt-rehab show lying-march --format json\n"
            "  solpt-rehab validate exercise.json\n"
            "  solpt-rehab import free-exercise-db exercises.json -o catalog.json\n"
            "  solpt-rehab schema > solpt-rehab.schema.json\n\n"
            "Run 'solpt-rehab COMMAND --help' for a command's options."
        ),
        formatter_class=_RAW,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    listing = commands.add_parser(
        "catalog",
        help="list the documented exercises with their doses",
        description="List the documented exercises with their doses.",
        epilog=(
            "examples:\n"
            "  solpt-rehab catalog\n"
            "  solpt-rehab catalog --format json > catalog.json   (a catalog document)"
        ),
        formatter_class=_RAW,
    )
    listing.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text for a person (default), or a catalog document in JSON",
    )
    listing.set_defaults(handler=_catalog)

    show = commands.add_parser(
        "show",
        help="show one documented exercise",
        description="Show one documented exercise of the catalog.",
        epilog=(
            "examples:\n"
            "  solpt-rehab show figure-4-stretch\n"
            "  solpt-rehab show lying-march --format json > lying-march.json"
        ),
        formatter_class=_RAW,
    )
    show.add_argument("id", help=f"the exercise's id: {', '.join(catalog.ids())}")
    show.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text for a person (default), or an exercise document in JSON",
    )
    show.set_defaults(handler=_show)

    check = commands.add_parser(
        "validate",
        help="validate exercise, catalog and routine documents",
        description=(
            "Validate documents (JSON, or YAML by their .yaml/.yml suffix) and print every problem."
        ),
        epilog=_VALIDATE_EPILOG,
        formatter_class=_RAW,
    )
    check.add_argument("paths", nargs="+", metavar="PATH", help="a file to check; - reads stdin")
    check.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help='text lines (default), or one JSON object {"files": [...]}',
    )
    check.add_argument(
        "--syntax",
        choices=("auto", "json", "yaml"),
        default="auto",
        help="how to read the files: by suffix (default; stdin is JSON), JSON, or YAML",
    )
    check.add_argument(
        "-q", "--quiet", action="store_true", help="leave out the closing summary line"
    )
    check.set_defaults(handler=_validate)

    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of the wire format",
        description="Print the JSON Schema (draft 2020-12) of the wire format.",
        epilog="example:\n  solpt-rehab schema > solpt-rehab.schema.json",
        formatter_class=_RAW,
    )
    schema.set_defaults(handler=_schema)

    plan = commands.add_parser(
        "routine",
        help="show a routine's session length and its timeline of cues",
        description=(
            "Show one session of a routine: its estimated length and its timeline of cues. With "
            "no PATH, the routine is the source article's three exercises at their documented "
            "minimums, the figure-4 stretch on the painful side."
        ),
        epilog=(
            "Cues marked * last a working interpretation of the library's own (a get-ready\n"
            "time, 'a few seconds' of rest...), not a documented number.\n\n"
            "examples:\n"
            "  solpt-rehab routine --painful-side left\n"
            "  solpt-rehab routine my-routine.json\n"
            "  solpt-rehab routine --format json > session.json   (cues for a timer app)"
        ),
        formatter_class=_RAW,
    )
    plan.add_argument("path", nargs="?", metavar="PATH", help="a routine document (- reads stdin)")
    plan.add_argument(
        "--painful-side",
        choices=("left", "right"),
        default="left",
        help="without PATH: the side of the painful hip (default: left)",
    )
    plan.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text for a person (default), or JSON with the routine, duration and cues",
    )
    plan.set_defaults(handler=_routine)

    importing = commands.add_parser(
        "import",
        help="import third-party exercise content as a catalog document",
        description=(
            "Import third-party exercise content into a catalog document, reading doses out of "
            "the instructions, and print a summary of what was mapped, read or left out."
        ),
        epilog=(
            "formats:\n"
            "  free-exercise-db   the JSON list of free-exercise-db (dist/exercises.json)\n\n"
            "The catalog goes to OUT, or to standard output (the summary then goes to\n"
            "standard error). Exit status: 0 when the catalog validates without an error,\n"
            "1 when it does not, 2 when the file cannot be read or written.\n\n"
            "examples:\n"
            "  solpt-rehab import free-exercise-db exercises.json -o catalog.json\n"
            "  solpt-rehab import free-exercise-db exercises.json | solpt-rehab validate -"
        ),
        formatter_class=_RAW,
    )
    importing.add_argument("source", choices=("free-exercise-db",), help="the content's format")
    importing.add_argument("file", metavar="FILE", help="the file to import")
    importing.add_argument(
        "-o", "--output", metavar="OUT", help="where to write the catalog (default: stdout)"
    )
    importing.set_defaults(handler=_import)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    for stream in (sys.stdout, sys.stderr):
        # A key or a text may hold a lone surrogate ("\ud800" in JSON): write it escaped, which
        # inside JSON output is exactly its JSON escape, rather than fail to encode it.
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # argparse exits 2 on a usage error, 0 after --help
        return exit_.code if isinstance(exit_.code, int) else 2
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        status: int = handler(args)
        sys.stdout.flush()
    except BrokenPipeError:  # the reader went away (``| head``): stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    return status
