"""The command line, ``solpt-rehab`` (also ``python -m solpt_rehab``).

Exit status: 0 when every file is free of errors (warnings allowed), 1 when any file has an error
(malformed content included), 2 for a usage error, an unknown exercise id, or a file that cannot be
read. ``import`` follows it: 1 as well when no entry could be imported (nothing is written).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Final

from . import _cli_adherence, _cli_calendar, _cli_fhir, _cli_handout, _cli_progression, catalog
from ._batch import (
    READING_CODES,
    FileUnit,
    LinesUnit,
    TextUnit,
    Unit,
    UnitResult,
    in_order,
    ready,
)

# article_routine stays importable from here, where tests and docs have always taken it.
from ._cli_reading import YAML_SUFFIXES, add_routine_source, chosen_routine, needs_yaml
from ._cli_reading import article_routine as article_routine  # noqa: PLC0414
from ._core.codes import CODES, Severity
from ._core.errors import DocumentError, UnknownExerciseError
from ._core.problems import problem
from ._inputs import (
    DEFAULT_INCLUDE,
    DEFAULT_MAX_BYTES,
    STDIN_NAME,
    Source,
    TooLargeError,
    jsonl_chunks,
    open_regular,
    read_stream,
    reason,
    sources,
    too_large,
)
from ._logs.progression import week_of
from ._present import (
    format_exercise,
    format_problem,
    format_timeline,
    json_safe,
    printable,
)
from ._reporters import (
    REPORTERS,
    FileStats,
    JsonReporter,
    Progress,
    Reporter,
    Summary,
    TextReporter,
)
from ._routines.timing import session_duration, session_timeline
from ._version import __version__
from ._wire.documents import dumps, to_document, validate
from ._wire.positions import LocatedProblem
from ._wire.schema import json_schema

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


def _reason(error: OSError) -> str:
    """Why a file could not be read or written: ``no such file or directory``."""
    return reason(error)


# -- validate -------------------------------------------------------------------------------------


_Tag = tuple[int, str, bool, bool]


def _units(found: Iterable[Source], limit: int) -> Iterator[tuple[_Tag, Unit]]:
    """Each input's units of work, tagged.

    The tag: the input's number, its name, whether it is JSON Lines, whether this unit is its last.
    """
    for number, source in enumerate(found):
        tag = (number, source.name, source.syntax == "jsonl")
        if source.problem is not None:
            yield (*tag, True), ready(LocatedProblem(problem=source.problem))
        elif source.syntax == "jsonl":
            yield from _jsonl_units(tag, source, limit)
        elif source.path is None:
            try:
                data = read_stream(sys.stdin.buffer, limit)
            except TooLargeError:
                yield (*tag, True), ready(LocatedProblem(problem=too_large("-", limit)))
            else:
                yield (*tag, True), TextUnit(data=data, syntax=source.syntax)
        else:
            yield (*tag, True), FileUnit(path=source.path, syntax=source.syntax, limit=limit)


def _jsonl_units(
    tag: tuple[int, str, bool], source: Source, limit: int
) -> Iterator[tuple[_Tag, Unit]]:
    """The chunks of a JSON Lines input, read as they are asked for."""
    try:
        stream = sys.stdin.buffer if source.path is None else open_regular(source.path)
    except OSError as error:
        found = problem((), "unreadable-file", f"cannot read {source.name!r}: {_reason(error)}")
        yield (*tag, True), ready(LocatedProblem(problem=found))
        return
    try:
        for first, lines, too_long in jsonl_chunks(stream, limit):
            yield (*tag, False), LinesUnit(first=first, lines=tuple(lines))
            if too_long is not None:
                what = f"line {too_long}"
                found = too_large(source.path or "-", limit, what)
                yield (*tag, False), ready(LocatedProblem(problem=found, line=too_long, column=1))
    except OSError as error:
        found = problem((), "unreadable-file", f"cannot read {source.name!r}: {_reason(error)}")
        yield (*tag, False), ready(LocatedProblem(problem=found))
    finally:
        if source.path is not None:
            stream.close()
    yield (*tag, True), ready()


def _codes(text: str | None) -> frozenset[str] | None:
    """The codes of ``--select``/``--ignore``: comma-separated, each registered."""
    if text is None:
        return None
    codes = frozenset(code.strip() for code in text.split(",") if code.strip())
    unknown = sorted(codes - CODES.keys())
    if unknown:
        raise ValueError(f"unknown problem code {', '.join(map(repr, unknown))}")
    return codes


def _colored(args: argparse.Namespace) -> bool:
    if args.color != "auto":
        return bool(args.color == "always")
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


class _Run:
    """One run of ``validate``: filters, counts and caps what the units found, for a reporter."""

    def __init__(self, args: argparse.Namespace, reporter: Reporter) -> None:
        self.select = _codes(args.select)
        self.ignore = _codes(args.ignore) or frozenset()
        self.max_problems: int | None = args.max_problems
        self.reporter = reporter
        self.summary = Summary()
        self.stats = FileStats()
        self.shown = 0
        self.fail_on = Severity.WARNING if args.fail_on == "warning" else Severity.ERROR
        self.progress: Progress | None = None
        self.clear_first = False
        if not args.quiet and args.format == "text" and sys.stderr.isatty():
            self.progress = Progress(sys.stderr)
            self.clear_first = sys.stdout.isatty()

    def kept(self, found: LocatedProblem) -> bool:
        code = found.problem.code
        if code in READING_CODES:
            return True
        return (self.select is None or code in self.select) and code not in self.ignore

    def take(self, name: str, result: UnitResult, *, first: bool, last: bool, lines: bool) -> None:
        if first:
            self.reporter.file_start(name)
            self.stats = FileStats()
            self.shown = 0
        stats = self.stats
        stats.documents += result.documents
        bad: set[int | None] = set()
        for found in result.problems:
            if not self.kept(found):
                continue
            item = found.problem
            if item.code in READING_CODES:
                stats.unreadable = True
            elif item.is_error:
                # A document of JSON Lines is a line; any other input holds one document.
                bad.add(found.line if lines else None)
                stats.errors += 1
            else:
                stats.warnings += 1
            if self.max_problems is not None and self.shown >= self.max_problems:
                stats.omitted += 1
                continue
            self.shown += 1
            if self.progress is not None and self.clear_first:
                self.progress.clear()
            self.reporter.problem(name, found)
        stats.bad_documents += len(bad)
        if last:
            self.reporter.file_end(name, stats)
            self.summary.add(stats)
        if self.progress is not None:
            self.progress.update(
                self.summary.files,
                self.summary.documents + (0 if last else stats.documents),
                self.summary.errors + (0 if last else stats.errors),
            )

    def status(self) -> int:
        if self.summary.unreadable:
            return 2
        if self.summary.errors or (self.fail_on is Severity.WARNING and self.summary.warnings):
            return 1
        return 0


def _yaml_missing(args: argparse.Namespace) -> bool:
    """Whether YAML is asked for by name (a .yaml path, --syntax yaml) and PyYAML is missing."""
    if args.syntax != "yaml" and not any(
        path.lower().endswith(YAML_SUFFIXES) for path in args.paths
    ):
        return False
    try:
        import yaml  # noqa: F401, PLC0415 - only to know that the extra is there
    except ModuleNotFoundError:
        return True
    return False


def _validate(args: argparse.Namespace) -> int:
    if args.max_problems is not None and args.max_problems < 0:
        print("solpt-rehab validate: --max-problems must be 0 or more", file=sys.stderr)
        return 2
    if args.jobs < 0 or args.max_bytes < 1:
        print("solpt-rehab validate: --jobs and --max-bytes must be positive", file=sys.stderr)
        return 2
    if args.format != "text" and args.color == "always":
        args.color = "never"
    reporter_class = REPORTERS[args.format]
    reporter: Reporter
    if reporter_class is TextReporter:
        reporter = TextReporter(
            sys.stdout, sys.stderr, max_problems=args.max_problems, color=_colored(args)
        )
    else:
        reporter = reporter_class(sys.stdout, sys.stderr, max_problems=args.max_problems)
    try:
        run = _Run(args, reporter)
    except ValueError as error:
        print(f"solpt-rehab validate: {error}", file=sys.stderr)
        return 2
    if _yaml_missing(args):
        return needs_yaml("solpt-rehab validate")
    jobs = args.jobs or os.cpu_count() or 1
    found = sources(args.paths, syntax=args.syntax, include=args.include, exclude=args.exclude)
    reporter.start()
    seen: set[int] = set()
    # A YAML file found in a folder without the extra is that file's yaml-not-installed error.
    for (number, name, lines, last), result in in_order(_units(found, args.max_bytes), jobs):
        run.take(name, result, first=number not in seen, last=last, lines=lines)
        seen.add(number)
        if last:
            seen.discard(number)
    if run.progress is not None:
        run.progress.clear()
    reporter.end(run.summary)
    sys.stdout.flush()
    if not args.quiet:
        print(run.summary.line(), file=sys.stderr)
    return run.status()


def _json_problems(name: str, found: Sequence[LocatedProblem]) -> None:
    """A document's problems on standard output, as ``validate --format json`` writes them."""
    reporter = JsonReporter(sys.stdout, sys.stderr, max_problems=None)
    reporter.start()
    reporter.file_start(name)
    for located in found:
        reporter.problem(name, located)
    errors = sum(located.problem.is_error for located in found)
    stats = FileStats(
        documents=1,
        bad_documents=1 if errors else 0,
        errors=errors,
        warnings=len(found) - errors,
    )
    reporter.file_end(name, stats)
    summary = Summary()
    summary.add(stats)
    reporter.end(summary)


def _routine(args: argparse.Namespace) -> int:
    # With --format json, a document's problems go to standard output as validate writes them.
    report = _json_problems if args.format == "json" else None
    routine = (
        chosen_routine(args.path, args.painful_side, "solpt-rehab routine")
        if report is None
        else chosen_routine(args.path, args.painful_side, "solpt-rehab routine", report)
    )
    if isinstance(routine, int):
        return routine
    of_the_day = _cli_progression.routine_of_the_day(routine, args)
    if isinstance(of_the_day, int):
        return of_the_day
    shown, day = of_the_day
    # The day asked for (--week or --on) and its programme week, when there is one.
    week = None if day is None else week_of(routine, day)
    if args.format == "json":
        duration = session_duration(shown)
        output: dict[str, object] = {
            "routine": to_document(shown),
            "duration": duration.to_json(),
            "timeline": [cue.to_json() for cue in session_timeline(shown)],
        }
        if day is not None:
            output |= {"on": day.isoformat(), "week": week}
        print(json_safe(json.dumps(output, indent=2, ensure_ascii=False)))
    else:
        if day is not None:
            print(f"The session of {'' if week is None else f'week {week}, '}{day.isoformat()}:")
        print(format_timeline(shown))
    return 0


def _import(args: argparse.Namespace) -> int:
    if args.source == "fhir":
        return _cli_fhir.import_fhir(args)
    from .importers.free_exercise_db import import_file  # noqa: PLC0415 - loads prose patterns

    try:
        result = import_file(args.file)
    except DocumentError as error:
        for found in error.problems:
            print(format_problem(args.file, found), file=sys.stderr)
        # As validate: a file that cannot be read is 2, text that is not JSON is content, 1.
        return 2 if any(found.code == "unreadable-file" for found in error.problems) else 1
    if not result.exercises:
        # Nothing to write: an empty catalog would pass a pipeline's next step unnoticed.
        print(result.summary(), file=sys.stderr)
        print("no catalog written: no exercise was imported", file=sys.stderr)
        return 1
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
                f"solpt-rehab import: cannot write {printable(repr(args.output))}: "
                f"{_reason(error)}",
                file=sys.stderr,
            )
            return 2
        summary = sys.stdout
    print(result.summary(), file=summary)
    print(
        f"the catalog document validates with {len(report.errors)} errors and "
        f"{len(report.warnings)} warnings"
        + (f"; written to {printable(args.output)}" if args.output is not None else ""),
        file=summary,
    )
    for found in report.errors:
        print(format_problem(args.output or STDIN_NAME, found), file=sys.stderr)
    return 0 if report.ok else 1


# -- the parser -----------------------------------------------------------------------------------

_RAW: Final = argparse.RawDescriptionHelpFormatter

_VALIDATE_EPILOG: Final = """\
Each problem is printed as FILE:LINE:COL: SEVERITY CODE: MESSAGE (at POINTER),
where LINE and COL (from 1) place it in the text and POINTER is its RFC 6901
JSON Pointer into the document (left out for the document itself). In JSON
Lines (.jsonl), LINE is the document's line. Control characters and
bidirectional controls in names, keys and messages are shown escaped (\\x1b).
The problem codes are listed in docs/problem-codes.md.

inputs:
  A folder is walked recursively for *.json, *.jsonl, *.yaml and *.yml (or the
  --include globs), leaving out the --exclude globs; a glob with a / matches the
  path below the folder, one without matches the name. Only regular files are
  read (a FIFO or a device is refused: give - and redirect it), each within
  --max-bytes (a line of JSON Lines too); JSON Lines is read as a stream.

exit status:
  0  no problem at or above --fail-on (warnings allowed by default)
  1  some file has such a problem, malformed content included
  2  a usage error, or a file that cannot be read or is longer than --max-bytes

examples:
  solpt-rehab validate exercise.json
  solpt-rehab validate content/ --exclude 'drafts' --jobs 2
  solpt-rehab validate corpus/ big.jsonl --jobs 2 --format sarif > results.sarif
  solpt-rehab validate content/ --format github --fail-on warning
  solpt-rehab validate content/ --select unknown-key,missing-key --max-problems 20
  cat routine.json | solpt-rehab validate -
  zcat corpus.jsonl.gz | solpt-rehab validate --syntax jsonl -
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
            "  solpt-rehab handout --painful-side left -o handout.html\n"
            "  solpt-rehab calendar --start 2026-03-02 --at 08:00 --weeks 6 -o routine.ics\n"
            "  solpt-rehab show lying-march --format json\n"
            "  solpt-rehab validate exercise.json\n"
            "  solpt-rehab import free-exercise-db exercises.json -o catalog.json\n"
            "  solpt-rehab adherence routine.json logs.jsonl --chart weeks.svg\n"
            "  solpt-rehab export fhir routine.json -o bundle.json\n"
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
    check.add_argument(
        "paths", nargs="+", metavar="PATH", help="a file or folder to check; - reads stdin"
    )
    check.add_argument(
        "--format",
        choices=tuple(REPORTERS),
        default="text",
        help=(
            'text lines (default); one JSON object {"files": [...], "summary": {...}}; '
            "a SARIF 2.1.0 log; or GitHub workflow annotations"
        ),
    )
    check.add_argument(
        "--syntax",
        choices=("auto", "json", "yaml", "jsonl"),
        default="auto",
        help="how to read the files: by suffix (default; stdin is JSON), JSON, YAML or JSON Lines",
    )
    check.add_argument(
        "--include",
        action="append",
        default=[],
        metavar="GLOB",
        help=f"in folders, check the files matching GLOB (default: {' '.join(DEFAULT_INCLUDE)})",
    )
    check.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="GLOB",
        help="in folders, leave out the files and folders matching GLOB",
    )
    check.add_argument(
        "--fail-on",
        choices=("error", "warning"),
        default="error",
        help="exit 1 on an error (default), or on a warning too",
    )
    check.add_argument(
        "--select", metavar="CODES", help="report only these problem codes (comma-separated)"
    )
    check.add_argument(
        "--ignore", metavar="CODES", help="leave out these problem codes (comma-separated)"
    )
    check.add_argument(
        "--max-problems",
        type=int,
        metavar="N",
        help="show at most N problems per file, and how many were left out",
    )
    check.add_argument(
        "--max-bytes",
        type=int,
        default=DEFAULT_MAX_BYTES,
        metavar="N",
        help=f"read at most N bytes per document (default: {DEFAULT_MAX_BYTES}, 64 MiB)",
    )
    check.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help="check in N worker processes (0: one per core); the output is the same",
    )
    check.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the severities: on a terminal unless NO_COLOR is set (default), or not",
    )
    check.add_argument(
        "-q", "--quiet", action="store_true", help="leave out the summary line and the progress"
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
            "  solpt-rehab routine my-routine.json --week 3 --log monday.json\n"
            "  solpt-rehab routine --format json > session.json   (cues for a timer app)"
        ),
        formatter_class=_RAW,
    )
    add_routine_source(plan)
    plan.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text for a person (default), or JSON with the routine, duration and cues",
    )
    _cli_progression.add_arguments(plan)
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
            "  free-exercise-db   the JSON list of free-exercise-db (dist/exercises.json)\n"
            "  fhir               FHIR R4 JSON: an ActivityDefinition, PlanDefinition, CarePlan\n"
            "                     or Bundle, written as the document it maps to\n\n"
            "The catalog goes to OUT, or to standard output (the summary then goes to\n"
            "standard error). Entries that cannot become exercises are left out and listed\n"
            "in the summary.\n\n"
            "exit status:\n"
            "  0  a catalog of at least one exercise, written; it validates without an error\n"
            "  1  content problems: FILE is not JSON or not an array, no entry could be\n"
            "     imported (nothing is written), or the catalog does not validate\n"
            "  2  a usage error, or FILE cannot be read or OUT cannot be written\n\n"
            "examples:\n"
            "  solpt-rehab import free-exercise-db exercises.json -o catalog.json\n"
            "  solpt-rehab import free-exercise-db exercises.json | solpt-rehab validate -"
        ),
        formatter_class=_RAW,
    )
    importing.add_argument(
        "source", choices=("free-exercise-db", "fhir"), help="the content's format"
    )
    importing.add_argument("file", metavar="FILE", help="the file to import")
    importing.add_argument(
        "-o", "--output", metavar="OUT", help="where to write the catalog (default: stdout)"
    )
    importing.set_defaults(handler=_import)
    # The commands kept in their own modules.
    _cli_adherence.add_parser(commands)
    _cli_handout.add_parser(commands)
    _cli_calendar.add_parser(commands)
    _cli_fhir.add_export_parser(commands)
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
