"""Text from strangers made safe to print: in a terminal, and in JSON that a terminal shows.

The lowest layer of presentation, so that every module that shows text (the command line, the
adherence report and chart, :mod:`solpt_rehab._present`) escapes it the same way without
importing what sits above it.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["json_safe", "printable"]


# -- text from strangers, made safe to print ------------------------------------------------------

#: The characters below but the C0 controls, which ``json.dumps`` escapes itself.
_BEYOND_C0: Final = "\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
#: What must never reach a terminal raw: the C0 controls (ESC starts a terminal's escape sequences,
#: a newline would forge another line, BEL rings), DEL, the C1 controls (U+009B is a one-character
#: CSI), the line and paragraph separators, and the bidirectional marks, embeddings, overrides and
#: isolates (U+202E shows text right to left, "Trojan Source").
_UNSAFE: Final = re.compile(f"[\x00-\x1f{_BEYOND_C0}]")
#: What JSON text may hold raw inside a string although a terminal acts on it.
_UNSAFE_IN_JSON: Final = re.compile(f"[{_BEYOND_C0}]")


_LATIN1: Final = 0xFF


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= _LATIN1 else f"\\u{code:04x}"


def printable(text: str) -> str:
    r"""``text`` with every character a terminal would act on written as a Python escape.

    Control characters (C0, DEL, C1), the line and paragraph separators and the bidirectional
    controls (U+202E and its kin) become ``\x1b``, ``\u202e`` and so on, so that a name, a key
    or a path from a document can neither forge a line of output nor reach the terminal as an
    escape sequence. Everything else, other Unicode and a backslash included, is kept.
    """
    return _UNSAFE.sub(_escaped, text)


def _json_escaped(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def json_safe(text: str) -> str:
    r"""JSON text with the characters a terminal acts on written as ``\uXXXX`` escapes.

    ``json.dumps`` escapes the C0 controls already; this adds DEL, the C1 controls and the
    bidirectional controls, which it keeps raw with ``ensure_ascii=False``. Outside strings JSON
    text holds none of them, so the result parses to the same value.
    """
    return _UNSAFE_IN_JSON.sub(_json_escaped, text)
