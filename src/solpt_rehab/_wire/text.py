"""Reading raw text (JSON, or YAML through the ``yaml`` extra) without ever raising on content.

Everything JSON text can hold that no JSON value should (``NaN``, ``1e400``, a key twice in one
object) is kept in place as a marker (:class:`.markers.BadNumber`,
:class:`.markers.DuplicateKeys`), so that the validator reports it with its JSON Pointer. What
stops parsing altogether (malformed text, invalid UTF-8, nesting too deep) is a problem at the
root, with the line and column.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any, Final

from .._core.problems import Problem, problem
from .markers import UNSOUND, BadNumber, DuplicateKeys, mapping_of

__all__ = [
    "MAX_SIZE",
    "keys_unrepeated",
    "parse_decoded",
    "parse_json",
    "text_of",
]

_BOMS: Final = (
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\xfe\xff", "UTF-16"),
    (b"\xff\xfe", "UTF-16"),
)


class _Parse:
    """One parse: the markers it left, and whether any was left (then no fast path)."""

    def __init__(self) -> None:
        self.clean = True

    def pairs(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result = mapping_of(pairs)
        if type(result) is DuplicateKeys:
            self.clean = False
        return result

    def constant(self, text: str) -> BadNumber:
        self.clean = False
        return BadNumber(text, "non-finite-literal", "is a literal that JSON does not allow")

    def floating(self, text: str) -> float | BadNumber:
        number = float(text)
        if math.isinf(number):
            self.clean = False
            return BadNumber(text, "number-too-large", "is beyond the range of a 64-bit float")
        return number


def _where(text: str, index: int) -> str:
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return f"line {line} column {column}"


def _decode(data: bytes) -> tuple[str | None, list[Problem]]:
    for mark, name in _BOMS:
        if data.startswith(mark):
            return None, [
                problem(
                    (),
                    "invalid-utf8",
                    f"the text must be UTF-8; it starts with a {name} byte-order mark",
                )
            ]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        return None, [
            problem(
                (),
                "invalid-utf8",
                f"the text is not UTF-8: byte {data[error.start]:#04x} at line {line} "
                f"column {column} (byte offset {error.start})",
            )
        ]


#: The largest text the readers take unless told otherwise, in characters for ``str`` and in
#: bytes for ``bytes``: 64 MiB, several times the largest catalog the benchmarks read, and small
#: enough that reading it cannot take minutes.
MAX_SIZE: Final = 64 * 1024 * 1024


def _size_problem(text: object, max_size: int | None) -> Problem | None:
    """``too-large`` when ``text`` is longer than ``max_size``; nothing of it is read then."""
    if max_size is None or not isinstance(text, (str, bytes, bytearray, memoryview)):
        return None
    size = text.nbytes if isinstance(text, memoryview) else len(text)
    if size <= max_size:
        return None
    unit = "characters" if isinstance(text, str) else "bytes"
    return problem(
        (),
        "too-large",
        f"the text is {size} {unit} long, more than the limit of {max_size}; none of it is read",
    )


def text_of(text: object, max_size: int | None = MAX_SIZE) -> tuple[str | None, list[Problem]]:
    """The text as ``str``: decoded, without its byte-order mark (a warning).

    A text longer than ``max_size`` (``None``: no limit) is refused, unread.
    """
    too_large = _size_problem(text, max_size)
    if too_large is not None:
        return None, [too_large]
    if isinstance(text, (bytes, bytearray, memoryview)):
        decoded, problems = _decode(bytes(text))
        if decoded is None:
            return None, problems
        text = decoded
    if not isinstance(text, str):
        return None, [
            problem((), "wrong-type", f"the text must be str or bytes: {type(text).__name__}")
        ]
    found = []
    if text.startswith("\ufeff"):
        text = text[1:]
        found.append(
            problem((), "byte-order-mark", "the text starts with a byte-order mark (U+FEFF)")
        )
    if not text.strip():
        found.append(problem((), "empty-document", "the text is empty: there is no document"))
        return None, found
    return text, found


# A run of digits is tried from its first digit only: from inside a run of 999 digits the
# pattern would count up to 999 again at each one.
_DIGITS: Final = re.compile(r"(?<!\d)\d{1000,}")
# A string, or a bracket, in text whose escapes are masked (see _deepest). A string without its
# closing quote runs to the end of the text: if it had to close, the scan would try it again from
# every quote inside it (an unterminated string of escaped quotes was quadratic). With the escapes
# masked, a string is one run of one character class, which the engine scans without keeping a
# state per character.
_TOKEN: Final = re.compile(r'"[^"]*"?|[\[\]{}]')


def _deepest(text: str) -> tuple[int, int]:
    """The greatest nesting depth of ``text`` and where it is first reached (an index)."""
    # Escaped backslashes, then escaped quotes, become two other characters each: no quote is
    # escaped any more, and every index stays where it was.
    masked = text.replace("\\\\", "__").replace('\\"', "__")
    depth = deepest = where = 0
    for match in _TOKEN.finditer(masked):
        bracket = match.group()
        if bracket in "[{":
            depth += 1
            if depth > deepest:
                deepest, where = depth, match.start()
        elif bracket in "]}":
            depth -= 1
    return deepest, where


def parse_decoded(decoded: str, syntax: str) -> tuple[Any, list[Problem], bool]:
    """:func:`parse` for text that :func:`text_of` has decoded already."""
    if syntax == "yaml":
        try:
            from .yaml import parse_yaml  # noqa: PLC0415 - the optional extra, imported on use
        except ImportError:
            message = "reading YAML needs the 'yaml' extra: pip install 'solpt_rehab[yaml]'"
            return UNSOUND, [problem((), "yaml-not-installed", message)], False
        return parse_yaml(decoded)
    return parse_json(decoded)


def parse_json(decoded: str) -> tuple[Any, list[Problem], bool]:
    """The precise parse of JSON text: every marker in place, every failure a problem."""
    found: list[Problem] = []
    state = _Parse()
    try:
        value = json.loads(
            decoded,
            object_pairs_hook=state.pairs,
            parse_constant=state.constant,
            parse_float=state.floating,
        )
    except json.JSONDecodeError as error:
        message = error.msg[:1].lower() + error.msg[1:]
        found.append(
            problem(
                (),
                "malformed-json",
                f"the text is not JSON: {message} at line {error.lineno} column {error.colno}",
            )
        )
        return UNSOUND, found, False
    except RecursionError:
        depth, index = _deepest(decoded)
        found.append(
            problem(
                (),
                "too-deep",
                f"arrays and objects are nested {depth} deep, more than the parser can follow; "
                f"the deepest point is at {_where(decoded, index)}",
            )
        )
        return UNSOUND, found, False
    except ValueError:  # an integer of more digits than Python converts
        digits = _DIGITS.search(decoded)
        at = f", at {_where(decoded, digits.start())}" if digits else ""
        found.append(
            problem(
                (),
                "number-too-large",
                f"a number has thousands of digits, beyond the range of a 64-bit float{at}",
            )
        )
        return UNSOUND, found, False
    return value, found, state.clean


_QUOTE_SPACE: Final = re.compile(r'"[ \t\n\r]')
_QUOTE_SPACE_COLON: Final = re.compile(r'"[ \t\n\r]+:')


def keys_unrepeated(decoded: str, keys: int) -> bool:
    """Whether the JSON text spells no more keys than ``keys``, the number its objects hold.

    When it does not, no object of the text repeated a key. Each key the text spells is followed
    by optional white space and a colon outside any string, so the text's colons bound the keys
    from above (a colon inside a string only adds one). When strings hold colons, a tighter bound
    counts a quote, optional white space and a colon: every key ends so (a quote escaped inside
    a string can only add one). ``str.count`` does the work; the pattern with white space is
    searched only when the text has a quote followed by white space anywhere.
    """
    if decoded.count(":") == keys:
        return True
    bound = decoded.count('":')
    if _QUOTE_SPACE.search(decoded):
        bound += len(_QUOTE_SPACE_COLON.findall(decoded))
    return bound == keys
