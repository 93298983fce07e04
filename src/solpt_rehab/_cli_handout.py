"""``solpt-rehab handout``: a patient's handout of a routine, as HTML (or PDF), by the suffix.

Kept apart from :mod:`solpt_rehab._cli`, which only registers it (:func:`add_parser`).
"""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path
from typing import Final

from ._cli_progression import add_arguments, chosen_day
from ._cli_reading import add_routine_source, chosen_routine, fail
from ._core.errors import InvalidValueError
from ._inputs import reason
from ._logs.values import SessionLog
from ._present import printable
from ._routines.values import Routine

_NAME: Final = "solpt-rehab handout"
_HTML_SUFFIXES: Final = (".html", ".htm")
#: The PDF's paper sizes (solpt_rehab.handout.PAPER_SIZES, named here so that building the
#: parser does not load the handout; a test keeps the two equal).
PAPER: Final = ("a4", "us-letter")
#: The day whose doses the handout gives (``None`` for the starting doses), and the logs read.
_Day = tuple[datetime.date | None, list[SessionLog]]

_EPILOG: Final = """\
The format follows OUT's suffix: .html (or .htm) writes one self-contained page
(the handout, the session as a picture, a paper log, and a guided session with a
countdown that plays in any browser, offline); .pdf writes the printable handout
(needs the 'pdf' extra). -o - writes the HTML page to standard output.

exit status:
  0  the handout was written
  1  the routine document has an error
  2  a usage error, an extra that is not installed, or a file that cannot be read
     or written

examples:
  solpt-rehab handout --painful-side left -o handout.html
  solpt-rehab handout my-routine.json -o handout.html
  solpt-rehab handout my-routine.yaml --log-weeks 6 -o handout.pdf
  solpt-rehab handout --painful-side left --paper us-letter -o handout.pdf
  solpt-rehab handout my-routine.json --week 3 --log done.json -o week-3.html
"""


def _fail(message: str) -> int:
    return fail(_NAME, message)


def _pdf(routine: Routine, log_weeks: int | None, day: _Day, paper: str) -> bytes | int:
    from .handout import handout_pdf  # noqa: PLC0415 - the handout's renderers, on first use

    try:
        return handout_pdf(
            routine,
            log_weeks=log_weeks,
            on=day[0],
            logs=day[1],
            paper="us-letter" if paper == "us-letter" else "a4",
        )
    except ModuleNotFoundError:
        return _fail("a PDF handout needs the 'pdf' extra: pip install 'solpt_rehab[pdf]'")


def _html(routine: Routine, log_weeks: int | None, day: _Day) -> bytes | int:
    from .handout import handout_html  # noqa: PLC0415 - the handout's renderers, on first use

    try:
        return handout_html(routine, log_weeks=log_weeks, on=day[0], logs=day[1]).encode("utf-8")
    except ModuleNotFoundError:
        return _fail("an HTML handout needs the 'render' extra: pip install 'solpt_rehab[render]'")


def _misused(args: argparse.Namespace, suffix: str) -> str | None:
    """What is wrong with the options given, before any file is read; ``None`` when nothing."""
    output: str = args.output
    if output != "-" and suffix not in (*_HTML_SUFFIXES, ".pdf"):
        return (
            f"cannot tell the format of {printable(repr(output))} from its suffix: "
            "name it .html or .pdf"
        )
    if args.paper is not None and suffix != ".pdf":
        return "--paper applies to a PDF (-o NAME.pdf); the HTML page prints on A4 and Letter"
    if args.log_weeks is not None and not 1 <= args.log_weeks <= 52:  # noqa: PLR2004
        return f"--log-weeks must be from 1 to 52: {args.log_weeks}"
    return None


def _render(args: argparse.Namespace) -> tuple[Routine, bytes] | int:
    """The routine and its handout's bytes, or the exit status when there are none."""
    suffix = Path(args.output).suffix.lower()
    misused = _misused(args, suffix)
    if misused is not None:
        return _fail(misused)
    routine = chosen_routine(args.path, args.painful_side, _NAME)
    if isinstance(routine, int):
        return routine
    day = chosen_day(routine, args, _NAME)
    if isinstance(day, int):
        return day
    try:
        written = (
            _pdf(routine, args.log_weeks, day, args.paper or "a4")
            if suffix == ".pdf"
            else _html(routine, args.log_weeks, day)
        )
    except InvalidValueError as error:
        return _fail(printable(str(error)))
    return written if isinstance(written, int) else (routine, written)


def _handout(args: argparse.Namespace) -> int:
    rendered = _render(args)
    if isinstance(rendered, int):
        return rendered
    routine, written = rendered
    output: str = args.output
    if output == "-":
        sys.stdout.buffer.write(written)
        return 0
    try:
        Path(output).write_bytes(written)
    except OSError as error:
        return _fail(f"cannot write {printable(repr(output))}: {reason(error)}")
    count = len(routine.items)
    sys.stdout.write(
        f"wrote {printable(output)}: {printable(repr(routine.name))}, "
        f"{count} exercise{'' if count == 1 else 's'}\n"
    )
    return 0


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``handout`` among the command line's subcommands."""
    parser = commands.add_parser(
        "handout",
        help="write a patient's handout of a routine (HTML with a guided session, or PDF)",
        description=(
            "Write a patient's handout of a routine. With no PATH, the routine is the source "
            "article's three exercises at their documented minimums, the figure-4 stretch on "
            "the painful side."
        ),
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_routine_source(parser)
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="OUT",
        help="where to write it: a .html or .pdf file, or - for the HTML on standard output",
    )
    parser.add_argument(
        "--log-weeks",
        type=int,
        default=None,
        metavar="N",
        help="weeks the paper log covers, 1 to 52 (default: the programme's, or 4 when open)",
    )
    parser.add_argument(
        "--paper",
        choices=PAPER,
        default=None,
        help="the PDF's paper size (default: a4)",
    )
    add_arguments(parser, shown="write the handout")
    parser.set_defaults(handler=_handout)
