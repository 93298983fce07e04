"""What the command line reads: files, folders, standard input and JSON Lines, with bounded reads.

Nothing here validates; it finds the inputs (:func:`sources`), reads them within a size limit
(:func:`read_bounded`, :func:`read_stream`) and cuts JSON Lines into chunks of lines
(:func:`jsonl_chunks`), each problem of reading being a :class:`~solpt_rehab.Problem` like any
other. Only regular files are opened by name: a FIFO, a device or a socket is refused (it may never
end, or block forever), and standard input (``-``) is the way to read a stream.
"""

from __future__ import annotations

import fnmatch
import os
import stat
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO, Final

import attrs

from ._core.problems import Problem, problem

__all__ = [
    "CHUNK_BYTES",
    "CHUNK_LINES",
    "DEFAULT_INCLUDE",
    "DEFAULT_MAX_BYTES",
    "STDIN_NAME",
    "Source",
    "TooLargeError",
    "jsonl_chunks",
    "read_bounded",
    "read_stream",
    "reason",
    "sources",
    "syntax_of",
]

#: How standard input is named in the output.
STDIN_NAME: Final = "<stdin>"
#: The most bytes read for one document (a file, standard input, one line of JSON Lines).
DEFAULT_MAX_BYTES: Final = 64 * 1024 * 1024
#: The files a folder's walk checks when no ``--include`` is given.
DEFAULT_INCLUDE: Final = ("*.json", "*.jsonl", "*.yaml", "*.yml")
#: How many lines, at most, and about how many bytes one chunk of JSON Lines holds.
CHUNK_LINES: Final = 1000
CHUNK_BYTES: Final = 1024 * 1024
_READ: Final = 64 * 1024


@attrs.frozen(kw_only=True)
class Source:
    """One input: a file, or standard input (``path`` is ``None``), or a problem finding it."""

    name: str
    path: str | None
    syntax: str
    problem: Problem | None = None


class TooLargeError(Exception):
    """A document longer than the limit; the rest was not read."""

    def __init__(self, limit: int) -> None:
        super().__init__(limit)
        self.limit = limit


def syntax_of(path: str, chosen: str = "auto") -> str:
    """``json``, ``yaml`` or ``jsonl``: the one chosen, or by the path's suffix (JSON otherwise)."""
    if chosen != "auto":
        return chosen
    lowered = path.lower()
    if lowered.endswith((".yaml", ".yml")):
        return "yaml"
    return "jsonl" if lowered.endswith(".jsonl") else "json"


def reason(error: OSError) -> str:
    """Why a file could not be read, its first letter in lower case: ``no such file...``."""
    text = error.strerror or str(error)
    return text[:1].lower() + text[1:]


def _unreadable(name: str, why: str) -> Problem:
    return problem((), "unreadable-file", f"cannot read {name!r}: {why}")


_KINDS: Final = (
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _not_regular(mode: int) -> str:
    what = next((f"{name}, " for test, name in _KINDS if test(mode)), "")
    return f"{what}not a regular file; to read a stream, give - and redirect it to stdin"


def _matches(relative: str, patterns: Sequence[str]) -> bool:
    """Whether a path matches a glob: by its name, or whole (below the folder) for one with a /."""
    name = relative.rsplit("/", 1)[-1]
    return any(
        fnmatch.fnmatchcase(relative if "/" in pattern else name, pattern) for pattern in patterns
    )


def sources(
    paths: Iterable[str],
    *,
    syntax: str = "auto",
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
) -> Iterator[Source]:
    """Every input the paths name, in order; a folder's files first, then its folders, by name.

    A file named on the command line is checked whatever its name. In a folder, a file is checked
    when its name (or, for a glob holding ``/``, its path below the folder) matches an
    ``include`` glob (:data:`DEFAULT_INCLUDE` by default) and no ``exclude`` glob; a folder that
    matches an ``exclude`` glob is not entered. Symbolic links are followed, but a link back to a
    folder being walked (a loop) is reported, not followed, and a folder reached twice is walked
    once. A folder or entry that cannot be read, and an entry that is no regular file (a FIFO, a
    device), is reported as ``unreadable-file``.
    """
    wanted = tuple(include) or DEFAULT_INCLUDE
    for path in paths:
        if path == "-":
            yield Source(name=STDIN_NAME, path=None, syntax="json" if syntax == "auto" else syntax)
            continue
        try:
            status = Path(path).stat()
        except OSError as error:
            yield Source(
                name=path, path=path, syntax="json", problem=_unreadable(path, reason(error))
            )
            continue
        if stat.S_ISDIR(status.st_mode):
            yield from _walk(path, syntax, wanted, tuple(exclude))
        else:
            yield Source(name=path, path=path, syntax=syntax_of(path, syntax))


def _walk(
    top: str, syntax: str, include: Sequence[str], exclude: Sequence[str]
) -> Iterator[Source]:
    """Walk one folder depth first, in name order, without recursion and without loops."""
    top_status = Path(top).stat()
    seen = {(top_status.st_dev, top_status.st_ino)}
    # Each entry: a folder to list, its path below ``top``, and the identities of the folders
    # above it (a link to one of them is a loop).
    pending: list[tuple[str, str, frozenset[tuple[int, int]]]] = [
        (top, "", frozenset(seen)),
    ]
    while pending:
        folder, relative, above = pending.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as error:
            yield Source(
                name=folder, path=folder, syntax="json", problem=_unreadable(folder, reason(error))
            )
            continue
        folders: list[tuple[str, str, frozenset[tuple[int, int]]]] = []
        for entry in entries:
            below = f"{relative}{entry.name}"
            if _matches(below, exclude):
                continue
            try:
                status = entry.stat()
            except OSError as error:
                if entry.is_symlink() or _matches(below, include):
                    yield Source(
                        name=entry.path,
                        path=entry.path,
                        syntax="json",
                        problem=_unreadable(entry.path, reason(error)),
                    )
                continue
            if stat.S_ISDIR(status.st_mode):
                identity = (status.st_dev, status.st_ino)
                if identity in above:
                    yield Source(
                        name=entry.path,
                        path=entry.path,
                        syntax="json",
                        problem=_unreadable(
                            entry.path,
                            "a symbolic link loop (it leads back to a folder that holds it); "
                            "not followed",
                        ),
                    )
                elif identity not in seen:
                    seen.add(identity)
                    folders.append((entry.path, f"{below}/", above | {identity}))
                continue
            if not _matches(below, include):
                continue
            if not stat.S_ISREG(status.st_mode):
                yield Source(
                    name=entry.path,
                    path=entry.path,
                    syntax="json",
                    problem=_unreadable(entry.path, _not_regular(status.st_mode)),
                )
                continue
            yield Source(name=entry.path, path=entry.path, syntax=syntax_of(entry.path, syntax))
        pending.extend(reversed(folders))


def _refuse_unless_regular(mode: int) -> None:
    if not stat.S_ISREG(mode):
        raise OSError(0, _not_regular(mode))


def open_regular(path: str) -> BinaryIO:
    """Open a regular file for reading, refusing anything else without blocking on it.

    Raises:
        OSError: When the file cannot be opened, or is no regular file (a FIFO, a device).
    """
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        _refuse_unless_regular(os.fstat(descriptor).st_mode)
        if hasattr(os, "set_blocking"):
            os.set_blocking(descriptor, True)
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def read_stream(stream: BinaryIO, limit: int) -> bytes:
    """Read a stream to its end in chunks, but never more than ``limit`` bytes.

    Raises:
        TooLargeError: When the stream holds more than ``limit`` bytes; it is read no further.
    """
    parts: list[bytes] = []
    size = 0
    while True:
        chunk = stream.read(min(_READ, limit + 1 - size))
        if not chunk:
            return b"".join(parts)
        parts.append(chunk)
        size += len(chunk)
        if size > limit:
            raise TooLargeError(limit)


def read_bounded(path: str, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes.

    Raises:
        OSError: When it cannot be read, or is no regular file.
        TooLargeError: When it holds more than ``limit`` bytes.
    """
    with open_regular(path) as stream:
        return read_stream(stream, limit)


def too_large(name: str, limit: int, what: str = "the input") -> Problem:
    """The problem of a document longer than the limit."""
    return problem(
        (),
        "too-large",
        f"{what} of {name!r} is longer than {limit} bytes, the limit (--max-bytes); "
        "the rest is not read",
    )


def jsonl_chunks(
    stream: BinaryIO, limit: int, *, lines: int = CHUNK_LINES, size: int = CHUNK_BYTES
) -> Iterator[tuple[int, list[bytes], int | None]]:
    """Cut JSON Lines into chunks: the first line's number, the lines, and a line too long.

    Memory stays within one chunk (``lines`` lines or about ``size`` bytes) whatever the stream's
    length. A line longer than ``limit`` bytes ends the reading: the last chunk gives its number as
    its third member, and nothing after it is read (a stream of one endless line ends so). A final
    line without its newline counts; a lone final newline does not make an empty line.
    """
    number = 1
    chunk: list[bytes] = []
    held = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            break
        if len(line) > limit and not (len(line) == limit + 1 and line.endswith(b"\n")):
            yield number, chunk, number + len(chunk)
            return
        chunk.append(line)
        held += len(line)
        if len(chunk) >= lines or held >= size:
            yield number, chunk, None
            number += len(chunk)
            chunk, held = [], 0
    if chunk or number == 1:
        yield number, chunk, None
