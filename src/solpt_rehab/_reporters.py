"""How ``solpt-rehab validate`` writes what it found: text, JSON, SARIF 2.1.0, GitHub annotations.

Each reporter is told of a file's start, each of its problems, its end (with counts) and the end
of the run, and writes as it is told: nothing waits for the whole run, so the output of a stream
of millions of documents takes constant memory (only SARIF keeps one notification per file whose
problems were cut by ``--max-problems``). Everything untrusted (paths, pointers, messages) is made
safe for a terminal first (:func:`._present.printable`, :func:`._present.json_safe`).
"""

from __future__ import annotations

import json
import os
import time
import urllib.parse
from pathlib import Path
from typing import Any, Final, TextIO

import attrs

from ._core.codes import CODES, Severity
from ._present import format_located, json_safe, printable
from ._version import __version__
from ._wire.positions import LocatedProblem

__all__ = [
    "REPORTERS",
    "FileStats",
    "GithubReporter",
    "JsonReporter",
    "Progress",
    "Reporter",
    "SarifReporter",
    "Summary",
    "TextReporter",
]

#: The official SARIF 2.1.0 schema's address, as SARIF files name it.
SARIF_SCHEMA: Final = "https://json.schemastore.org/sarif-2.1.0.json"


@attrs.define(kw_only=True)
class FileStats:
    """What was found in one file, after ``--select``/``--ignore``."""

    documents: int = 0
    bad_documents: int = 0
    errors: int = 0
    warnings: int = 0
    omitted: int = 0
    unreadable: bool = False


@attrs.define(kw_only=True)
class Summary:
    """What was found in the whole run."""

    files: int = 0
    documents: int = 0
    bad_documents: int = 0
    unreadable: int = 0
    errors: int = 0
    warnings: int = 0
    omitted: int = 0

    def add(self, stats: FileStats) -> None:
        """Count one file in."""
        self.files += 1
        self.documents += stats.documents
        self.bad_documents += stats.bad_documents
        self.unreadable += stats.unreadable
        self.errors += stats.errors
        self.warnings += stats.warnings
        self.omitted += stats.omitted

    def line(self) -> str:
        """The closing line: ``3 files: 2 with errors; 3 errors, 1 warning``."""
        text = _count(self.files, "file")
        if self.documents != self.files - self.unreadable:
            text += f", {_count(self.documents, 'document')}"
        text += f": {self.bad_documents} with errors"
        if self.unreadable:
            text += f", {self.unreadable} unreadable"
        text += f"; {_count(self.errors, 'error')}, {_count(self.warnings, 'warning')}"
        if self.omitted:
            text += f" ({self.omitted} not shown)"
        return text


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


class Reporter:
    """The interface: told of each file, each problem and the end, in order."""

    def __init__(self, out: TextIO, err: TextIO, *, max_problems: int | None) -> None:
        self.out = out
        self.err = err
        self.max_problems = max_problems

    def start(self) -> None:
        """Before the first file."""

    def file_start(self, name: str) -> None:
        """Before a file's problems."""

    def problem(self, name: str, found: LocatedProblem) -> None:
        """One problem of the file ``name`` (already selected and within ``--max-problems``)."""

    def file_end(self, name: str, stats: FileStats) -> None:
        """After a file's problems."""

    def end(self, summary: Summary) -> None:
        """After the last file."""


def _omitted(stats: FileStats, limit: int | None) -> str:
    noun = "problem" if stats.omitted == 1 else "problems"
    return f"{stats.omitted} more {noun} not shown (--max-problems {limit})"


class TextReporter(Reporter):
    """``FILE:LINE:COL: SEVERITY CODE: MESSAGE (at POINTER)``, one line each.

    A problem with reading a file goes to standard error, the others to standard output.
    """

    def __init__(
        self, out: TextIO, err: TextIO, *, max_problems: int | None, color: bool = False
    ) -> None:
        super().__init__(out, err, max_problems=max_problems)
        self.color = color

    def problem(self, name: str, found: LocatedProblem) -> None:
        """Write one line."""
        stream = self.err if found.problem.code in _READING else self.out
        print(format_located(name, found, color=self.color), file=stream)

    def file_end(self, name: str, stats: FileStats) -> None:
        """Say how many problems ``--max-problems`` left out."""
        if stats.omitted:
            print(f"{printable(name)}: {_omitted(stats, self.max_problems)}", file=self.out)


_READING: Final = frozenset({"unreadable-file", "too-large"})


def _problem_object(found: LocatedProblem) -> dict[str, Any]:
    item = found.problem
    return {
        "path": item.path,
        "code": item.code,
        "severity": item.severity.value,
        "message": item.message,
        "line": found.line,
        "column": found.column,
    }


def _dumps(value: object, indent: int) -> str:
    text = json.dumps(value, indent=2, ensure_ascii=False)
    return json_safe(text.replace("\n", "\n" + " " * indent))


class JsonReporter(Reporter):
    """One JSON object, ``{"files": [...], "summary": {...}}``, written as it is found.

    The text is exactly ``json.dumps(value, indent=2, ensure_ascii=False)`` of the whole object
    (the tests hold it to that), but each problem is written when it is found.
    """

    def __init__(self, out: TextIO, err: TextIO, *, max_problems: int | None) -> None:
        super().__init__(out, err, max_problems=max_problems)
        self.files = 0
        self.problems = 0

    def start(self) -> None:
        """Open the object and its list of files."""
        self.out.write('{\n  "files": [')

    def file_start(self, name: str) -> None:
        """Open a file's object and its list of problems."""
        self.out.write(("," if self.files else "") + "\n    {\n")
        self.out.write(f'      "path": {_dumps(name, 6)},\n      "problems": [')
        self.files += 1
        self.problems = 0

    def problem(self, name: str, found: LocatedProblem) -> None:  # noqa: ARG002 - one file open
        """Write one problem's object."""
        self.out.write(("," if self.problems else "") + "\n        ")
        self.out.write(_dumps(_problem_object(found), 8))
        self.problems += 1

    def file_end(self, name: str, stats: FileStats) -> None:  # noqa: ARG002 - one file open
        """Close the list of problems; the file's counts."""
        self.out.write("\n      ]," if self.problems else "],")
        counts = {
            "ok": stats.errors == 0 and not stats.unreadable,
            "documents": stats.documents,
            "errors": stats.errors,
            "warnings": stats.warnings,
            "omitted": stats.omitted,
        }
        for key, value in counts.items():
            self.out.write(f"\n      {json.dumps(key)}: {json.dumps(value)}")
            self.out.write("," if key != "omitted" else "\n    }")

    def end(self, summary: Summary) -> None:
        """Close the list of files; the run's counts."""
        self.out.write("\n  ],\n" if self.files else "],\n")
        self.out.write(f'  "summary": {_dumps(attrs.asdict(summary), 2)}\n}}\n')


def _uri(name: str) -> str:
    """A file's name as a SARIF artifact URI: relative and percent-encoded, or a ``file:`` URI."""
    path = Path(name)
    if path.is_absolute():
        return path.as_uri()
    return urllib.parse.quote(name.replace(os.sep, "/"))


class SarifReporter(Reporter):
    """A SARIF 2.1.0 log of one run, results written as they are found.

    Each result has the code as its ``ruleId`` (the driver lists every registered code as a rule),
    its severity as ``level``, the file, line and column (in Unicode code points, the run's
    ``columnKind``), and the JSON Pointer in ``properties.jsonPointer``. What ``--max-problems``
    left out is a note among the invocation's notifications.
    """

    def __init__(self, out: TextIO, err: TextIO, *, max_problems: int | None) -> None:
        super().__init__(out, err, max_problems=max_problems)
        self.results = 0
        self.notes: list[dict[str, Any]] = []
        self.index = {code: position for position, code in enumerate(CODES)}

    def start(self) -> None:
        """The log's header, the tool with its rules, and the opening of the results."""
        rules = [
            {
                "id": code,
                "shortDescription": {"text": meaning},
                "defaultConfiguration": {"level": severity.value},
            }
            for code, (severity, meaning) in CODES.items()
        ]
        tool = {
            "driver": {
                "name": "solpt-rehab",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": rules,
            }
        }
        self.out.write(
            '{\n  "$schema": "' + SARIF_SCHEMA + '",\n  "version": "2.1.0",\n  "runs": [\n    {\n'
        )
        self.out.write(f'      "tool": {_dumps(tool, 6)},\n')
        self.out.write('      "columnKind": "unicodeCodePoints",\n      "results": [')

    def problem(self, name: str, found: LocatedProblem) -> None:
        """One result."""
        item = found.problem
        location: dict[str, Any] = {"artifactLocation": {"uri": _uri(name)}}
        if found.line is not None:
            location["region"] = {"startLine": found.line, "startColumn": found.column or 1}
        result = {
            "ruleId": item.code,
            "ruleIndex": self.index.get(item.code, -1),
            "level": "error" if item.severity is Severity.ERROR else "warning",
            "message": {"text": item.message},
            "locations": [{"physicalLocation": location}],
            "properties": {"jsonPointer": item.path},
        }
        self.out.write(("," if self.results else "") + "\n        " + _dumps(result, 8))
        self.results += 1

    def file_end(self, name: str, stats: FileStats) -> None:
        """Keep a note of what ``--max-problems`` left out."""
        if stats.omitted:
            self.notes.append(
                {
                    "level": "note",
                    "message": {"text": _omitted(stats, self.max_problems)},
                    "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(name)}}}],
                }
            )

    def end(self, summary: Summary) -> None:
        """Close the results; the invocation with its notes."""
        self.out.write("\n      ],\n" if self.results else "],\n")
        invocation = {
            "executionSuccessful": summary.unreadable == 0,
            "toolExecutionNotifications": self.notes,
        }
        self.out.write(f'      "invocations": [{_dumps(invocation, 6)}]\n    }}\n  ]\n}}\n')


def _github_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(text: str) -> str:
    return _github_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubReporter(Reporter):
    """GitHub Actions workflow commands: ``::error file=F,line=L,col=C,title=CODE::MESSAGE``."""

    def problem(self, name: str, found: LocatedProblem) -> None:
        """One annotation."""
        item = found.problem
        command = "error" if item.severity is Severity.ERROR else "warning"
        properties = [f"file={_github_property(printable(name))}"]
        if found.line is not None:
            properties += [f"line={found.line}", f"col={found.column or 1}"]
        properties.append(f"title={_github_property(item.code)}")
        message = item.message + (f" (at {item.path})" if item.path else "")
        self.out.write(f"::{command} {','.join(properties)}::{_github_data(printable(message))}\n")

    def file_end(self, name: str, stats: FileStats) -> None:
        """A notice of what ``--max-problems`` left out."""
        if stats.omitted:
            self.out.write(
                f"::notice file={_github_property(printable(name))}::"
                f"{_github_data(_omitted(stats, self.max_problems))}\n"
            )


REPORTERS: Final[dict[str, type[Reporter]]] = {
    "text": TextReporter,
    "json": JsonReporter,
    "sarif": SarifReporter,
    "github": GithubReporter,
}


class Progress:
    """A line on standard error, rewritten in place, for runs long enough to want one.

    It shows nothing for the first ``delay`` seconds (a short run stays quiet) and is rewritten at
    most every ``every`` seconds; :meth:`clear` rubs it out before other output and at the end.
    """

    def __init__(
        self,
        stream: TextIO,
        *,
        delay: float = 1.0,
        every: float = 0.2,
        clock: Any = time.monotonic,
    ) -> None:
        self.stream = stream
        self.clock = clock
        self.started = clock()
        self.delay = delay
        self.every = every
        self.drawn_at: float | None = None
        self.visible = False

    def update(self, files: int, documents: int, errors: int) -> None:
        """Show the counts so far, when it is time to."""
        now = self.clock()
        if now - self.started < self.delay:
            return
        if self.drawn_at is not None and now - self.drawn_at < self.every:
            return
        self.drawn_at = now
        self.visible = True
        self.stream.write(
            f"\r\x1b[Kchecking: {_count(files, 'file')}, {_count(documents, 'document')}, "
            f"{_count(errors, 'error')}"
        )
        self.stream.flush()

    def clear(self) -> None:
        """Rub the line out, if it is shown."""
        if self.visible:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.visible = False
