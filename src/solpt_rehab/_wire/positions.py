"""Where a problem stands in the text: its line and column, found only when a problem is shown.

A :class:`~solpt_rehab.Problem` says where it is by a JSON Pointer, which the validator knows at
no cost. A line and a column need the text again, so they are found after the fact by
:func:`locate`, for the problems of one text at once: one scan of JSON text (linear in its
length), or PyYAML's nodes for YAML, descended along each pointer. Valid content has no problem
and so never pays for it; the validator itself is untouched.

Which place a pointer names: the value at the pointer; for ``unknown-key`` and ``duplicate-key``
the key itself (the second spelling, for a repeated key); for a pointer that leads nowhere (a
``missing-key``) the object that lacks it, the nearest enclosing value that exists. A problem at
the root whose message gives ``line L column C`` (malformed text, too deep) is placed there;
others at the root are placed at the document's first character.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterable, Sequence
from typing import Any, Final

import attrs

from .._core.problems import Problem, escape_pointer_token

__all__ = ["LocatedProblem", "locate", "located_at"]

#: The codes whose place is the key that a pointer's last token names, not its value.
KEY_CODES: Final = frozenset({"unknown-key", "duplicate-key"})


@attrs.frozen(kw_only=True)
class LocatedProblem:
    """A problem with the line and column (1-based) of the place in the text it is about.

    Attributes:
        problem: The :class:`~solpt_rehab.Problem`, its JSON Pointer included.
        line: The line, counted from 1; ``None`` when the text could not place it.
        column: The column in characters (Unicode code points), counted from 1; ``None`` with
            ``line``.

    .. versionadded:: 0.1.0
    """

    problem: Problem
    line: int | None = None
    column: int | None = None


_WHERE: Final = re.compile(r"at line (\d+) column (\d+)")


def located_at(problems: Iterable[Problem], line: int, column: int = 1) -> list[LocatedProblem]:
    """Every problem placed at one position (one line of JSON Lines that is no object, say)."""
    return [LocatedProblem(problem=found, line=line, column=column) for found in problems]


def locate(
    text: str | bytes, problems: Sequence[Problem], *, syntax: str = "json"
) -> tuple[LocatedProblem, ...]:
    """Place each of the problems of a text at its line and column.

    Never raises: a problem the text cannot place (text that is not UTF-8, say) gets ``None``
    for both.

    Args:
        text: The text the problems were found in, as given to :func:`~solpt_rehab.validate_text`.
        problems: Its problems, such as ``validate_text(text).problems``.
        syntax: ``"json"`` or ``"yaml"``, as given to :func:`~solpt_rehab.validate_text`.

    Returns:
        One :class:`LocatedProblem` per problem, in the same order.

    .. versionadded:: 0.1.0
    """
    if not problems:
        return ()
    if isinstance(text, (bytes, bytearray, memoryview)):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError:
            return tuple(_root_only(found) for found in problems)
    if text.startswith("\ufeff"):
        text = text[1:]
    wanted = {found.path for found in problems if found.path}
    places: dict[str, int] = {}
    keys: dict[str, int] = {}
    repeats: dict[str, int] = {}
    if wanted:
        try:
            if syntax == "yaml":
                _yaml_places(text, wanted, places, keys, repeats)
            else:
                _JsonScan(text, wanted, places, keys, repeats).run()
        except Exception:  # noqa: BLE001 - a place is a nicety: never fail the report for it
            places.clear()
            keys.clear()
            repeats.clear()
    lines = _Lines(text)
    start = len(text) - len(text.lstrip())
    known = _Known(places, keys, repeats)
    return tuple(_place(found, text, known, lines, start) for found in problems)


def _root_only(found: Problem) -> LocatedProblem:
    where = _WHERE.search(found.message) if not found.path else None
    if where is None:
        return LocatedProblem(problem=found)
    return LocatedProblem(problem=found, line=int(where[1]), column=int(where[2]))


@attrs.frozen
class _Known:
    """Where the text's values, keys and second spellings of repeated keys start, by pointer."""

    places: dict[str, int]
    keys: dict[str, int]
    repeats: dict[str, int]


def _place(found: Problem, text: str, known: _Known, lines: _Lines, start: int) -> LocatedProblem:
    path = found.path
    index: int | None = None
    if not path:
        where = _WHERE.search(found.message)
        if where is not None:
            return LocatedProblem(problem=found, line=int(where[1]), column=int(where[2]))
    elif found.code == "duplicate-key":
        index = known.repeats.get(path, known.keys.get(path))
    elif found.code in KEY_CODES:
        index = known.keys.get(path)
    while index is None and path:
        index = known.places.get(path)
        path = path[: path.rfind("/")]
    if index is None:
        index = start if start < len(text) else 0
    line, column = lines.at(index)
    return LocatedProblem(problem=found, line=line, column=column)


class _Lines:
    """Line and column of an index, from the offsets where the lines start (found on first use)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts: list[int] | None = None

    def at(self, index: int) -> tuple[int, int]:
        if self.starts is None:
            self.starts = [0, *(match.end() for match in re.finditer("\n", self.text))]
        line = bisect.bisect_right(self.starts, index)
        return line, index - self.starts[line - 1] + 1


# -- JSON ------------------------------------------------------------------------------------------

_SPACE: Final = re.compile(r"[ \t\n\r]*")
# Unrolled, so that one attempt is linear in the string's length and no attempt is repeated.
_STRING: Final = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_SCALAR: Final = re.compile(r"[^\s,\]}:\[{\"]+")
_PLAIN: Final = re.compile(r'[^"\[\]{}]+')


class _JsonScan:
    """One pass over JSON text, noting where the wanted pointers' values and keys start.

    Iterative (no recursion, so any depth), linear in the text, and stopping quietly at the first
    thing that is not JSON: whatever was found before it is kept. A value that no wanted pointer
    lies in is passed over without decoding its keys.
    """

    def __init__(
        self,
        text: str,
        wanted: set[str],
        places: dict[str, int],
        keys: dict[str, int],
        repeats: dict[str, int],
    ) -> None:
        self.text = text
        self.wanted = wanted
        # Every prefix of a wanted pointer: a value whose pointer is none of them is skipped whole.
        self.prefixes = {""}
        for path in wanted:
            at = 0
            while (at := path.find("/", at + 1)) != -1:
                self.prefixes.add(path[:at])
            self.prefixes.add(path)
        self.places = places
        self.keys = keys
        self.repeats = repeats

    def run(self) -> None:  # noqa: PLR0912 - one loop over the grammar
        text = self.text
        # For each open container: its pointer and, for an array, the index of its next member.
        stack: list[list[Any]] = []
        index = _space(text, 0)
        pointer = ""
        member = False
        while True:
            if member:
                parent, position = stack[-1]
                if position is not None:
                    stack[-1][1] = position + 1
                    pointer = f"{parent}/{position}"
                else:
                    found = self._key(parent, index)
                    if found is None:
                        return
                    index, pointer = found
            if pointer in self.prefixes:
                self.places[pointer] = index
                char = text[index : index + 1]
                if char in ("[", "{"):
                    stack.append([pointer, 0 if char == "[" else None])
                    index = _space(text, index + 1)
                    if text[index : index + 1] not in ("]", "}"):
                        member = True
                        continue
                    stack.pop()
                    index += 1
                else:
                    end = _scalar_end(text, index)
                    if end is None:
                        return
                    index = end
            else:
                end = _skip(text, index)
                if end is None:
                    return
                index = end
            member = False
            while stack:
                index = _space(text, index)
                char = text[index : index + 1]
                if char == ",":
                    index = _space(text, index + 1)
                    member = True
                    break
                if char not in ("]", "}"):
                    return
                stack.pop()
                index += 1
            if not member:
                return

    def _key(self, parent: str, index: int) -> tuple[int, str] | None:
        """The start of a member's value and its pointer, from its key at ``index``."""
        text = self.text
        match = _STRING.match(text, index)
        if match is None:
            return None
        pointer = f"{parent}/{escape_pointer_token(json.loads(match.group()))}"
        if pointer in self.prefixes:
            if pointer in self.keys:
                self.repeats.setdefault(pointer, index)
            else:
                self.keys[pointer] = index
        index = _space(text, match.end())
        if text[index : index + 1] != ":":
            return None
        return _space(text, index + 1), pointer


def _space(text: str, index: int) -> int:
    return _SPACE.match(text, index).end()  # type: ignore[union-attr]


def _scalar_end(text: str, index: int) -> int | None:
    """Where the string, number or literal at ``index`` ends; ``None`` when there is none."""
    match = (_STRING if text[index : index + 1] == '"' else _SCALAR).match(text, index)
    return None if match is None else match.end()


def _skip(text: str, index: int) -> int | None:
    """Where the value at ``index`` ends, passed over without a look inside its strings."""
    if text[index : index + 1] not in ("[", "{"):
        return _scalar_end(text, index)
    depth = 0
    while index < len(text):
        char = text[index]
        if char == '"':
            match = _STRING.match(text, index)
            if match is None:
                return None
            index = match.end()
        elif char in "[{":
            depth += 1
            index += 1
        elif char in "]}":
            depth -= 1
            index += 1
            if depth == 0:
                return index
        else:
            index = _PLAIN.match(text, index).end()  # type: ignore[union-attr]
    return None


# -- YAML ------------------------------------------------------------------------------------------


def _yaml_places(
    text: str,
    wanted: set[str],
    places: dict[str, int],
    keys: dict[str, int],
    repeats: dict[str, int],
) -> None:
    """Place the wanted pointers by PyYAML's nodes, descending along each pointer.

    Composing builds nodes only (no values), and an alias is one more node, never expanded, so an
    alias bomb costs nothing here; the descent follows one path per problem.
    """
    import yaml  # noqa: PLC0415 - the optional extra, on use

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    root = yaml.compose(text, Loader=loader)
    if root is None:
        return
    starts = _Lines(text)
    starts.at(0)

    def index_of(mark: Any) -> int:
        assert starts.starts is not None  # noqa: S101 - filled by the call above
        return int(starts.starts[mark.line] + mark.column)

    places[""] = index_of(root.start_mark)
    for path in wanted:
        node = root
        prefix = ""
        for token in path.split("/")[1:]:
            name = token.replace("~1", "/").replace("~0", "~")
            child = None
            if isinstance(node, yaml.MappingNode):
                spelled = [(key, value) for key, value in node.value if key.value == name]
                if spelled:
                    child = spelled[-1][1]
                    keys.setdefault(f"{prefix}/{token}", index_of(spelled[0][0].start_mark))
                    if len(spelled) > 1:
                        repeats[f"{prefix}/{token}"] = index_of(spelled[1][0].start_mark)
            elif isinstance(node, yaml.SequenceNode) and name.isdigit():
                position = int(name)
                child = node.value[position] if position < len(node.value) else None
            if child is None:
                break
            node = child
            prefix = f"{prefix}/{token}"
            places[prefix] = index_of(node.start_mark)
