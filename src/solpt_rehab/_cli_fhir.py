"""The command line's FHIR commands: ``export fhir`` and ``import fhir``.

``export fhir FILE`` reads an exercise, catalog or routine document and writes a FHIR R4 Bundle
(or, for one exercise, its ActivityDefinition); ``import fhir FILE`` reads FHIR R4 JSON and writes
the library's document, printing every problem :func:`~solpt_rehab.fhir.from_fhir` reports. Exit
status, as ``import``: 0 written without an error, 1 content problems (nothing written), 2 a usage
error or a file that cannot be read or written.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Final

from ._cli_reading import read_bytes
from ._core.errors import DocumentError, InvalidValueError
from ._core.problems import Problem, problem
from ._inputs import STDIN_NAME, reason
from ._logs.values import SessionLog
from ._present import format_problem, json_safe, printable
from ._wire.documents import loads, to_document
from ._wire.text import text_of

__all__ = ["add_export_parser", "import_fhir"]

_RAW: Final = argparse.RawDescriptionHelpFormatter


def _write(command: str, text: str, output: str | None) -> int:
    if output is None:
        sys.stdout.write(text)
        return 0
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as error:
        print(
            f"solpt-rehab {command}: cannot write {printable(repr(output))}: {reason(error)}",
            file=sys.stderr,
        )
        return 2
    return 0


def _report(name: str, problems: tuple[Problem, ...] | list[Problem]) -> None:
    for found in problems:
        print(format_problem(name, found), file=sys.stderr)


def _export(args: argparse.Namespace) -> int:
    from .fhir import to_fhir  # noqa: PLC0415 - loaded by the command that needs it

    name = STDIN_NAME if args.file == "-" else args.file
    data = read_bytes(args.file, "solpt-rehab export")
    if isinstance(data, int):
        return data
    try:
        content = loads(data)
    except DocumentError as error:
        _report(name, error.problems)
        return 1
    if isinstance(content, SessionLog):
        print(
            f"solpt-rehab export: {printable(repr(name))} is a session log, which has no FHIR "
            "form here; give an exercise, catalog or routine document",
            file=sys.stderr,
        )
        return 1
    try:
        resource = to_fhir(content)
    except InvalidValueError as error:  # a whole number beyond what FHIR R4 can carry
        print(f"solpt-rehab export: {printable(str(error))}", file=sys.stderr)
        return 1
    text = json_safe(json.dumps(resource, indent=2, ensure_ascii=False)) + "\n"
    return _write("export", text, args.output)


def import_fhir(args: argparse.Namespace) -> int:
    """``solpt-rehab import fhir FILE [-o OUT]``: FHIR R4 JSON in, the library's document out."""
    from .fhir import from_fhir  # noqa: PLC0415 - loaded by the command that needs it

    name = STDIN_NAME if args.file == "-" else args.file
    data = read_bytes(args.file, "solpt-rehab import")
    if isinstance(data, int):
        return data
    decoded, problems = text_of(data)
    resource: object = None
    if decoded is not None:
        try:
            resource = json.loads(decoded)
        except (json.JSONDecodeError, RecursionError) as error:
            detail = str(error) if isinstance(error, json.JSONDecodeError) else "nested too deeply"
            problems.append(problem((), "malformed-json", f"the text is not JSON: {detail}"))
    if any(found.is_error for found in problems):
        _report(name, problems)
        return 1
    found = from_fhir(resource)
    _report(name, [*problems, *found.problems])
    if found.value is None:
        print("solpt-rehab import: nothing written: the FHIR has errors", file=sys.stderr)
        return 1
    document = to_document(found.value)
    return _write("import", json.dumps(document, indent=2, ensure_ascii=False) + "\n", args.output)


def add_export_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``export`` to the command line's subcommands."""
    export = commands.add_parser(
        "export",
        help="export a document to another format (FHIR R4)",
        description=(
            "Export an exercise, catalog or routine document as FHIR R4 JSON: one exercise as "
            "an ActivityDefinition; a catalog as a Bundle of them; a routine as a Bundle of its "
            "exercises, its PlanDefinition and its CarePlan. What FHIR cannot say travels in the "
            "library's extensions (see the documentation's FHIR page)."
        ),
        epilog=(
            "exit status:\n"
            "  0  written\n"
            "  1  FILE is not a valid document (its problems are printed), or a session log\n"
            "  2  a usage error, or FILE cannot be read or OUT cannot be written\n\n"
            "examples:\n"
            "  solpt-rehab export fhir routine.json -o bundle.json\n"
            "  solpt-rehab show lying-march --format json | solpt-rehab export fhir -"
        ),
        formatter_class=_RAW,
    )
    export.add_argument("target", choices=("fhir",), help="the format to write")
    export.add_argument("file", metavar="FILE", help="the document to export ('-': stdin)")
    export.add_argument(
        "-o", "--output", metavar="OUT", help="where to write the result (default: stdout)"
    )
    export.set_defaults(handler=_export)
