"""The checks a fuzzer runs on every input: solpt_rehab's promises about content nobody vetted.

Each check takes raw bytes and either returns quietly or raises ``AssertionError`` (a broken
promise) or any other exception (a crash). The checks need nothing but solpt_rehab, so the test
suite runs them on seeds and on Hypothesis' inputs, and ``fuzz/run.py`` runs them for hours under
atheris, a coverage-guided fuzzer.

The promises:

* ``validate_text`` never raises, whatever the bytes (JSON and YAML alike);
* ``loads`` raises nothing but ``DocumentError``, and succeeds exactly when ``validate_text``
  finds no error; what it returns goes round ``dumps``/``loads`` unchanged;
* ``validate`` never raises on a JSON-compatible value, never modifies it, and agrees with
  ``from_document``; a value ``from_document`` returns writes back to a document that validates.
"""

from __future__ import annotations

import copy
import json
import math
import struct
from typing import Any, Final

from solpt_rehab import (
    DocumentError,
    RoutineBuilder,
    catalog,
    dumps,
    from_document,
    loads,
    to_document,
    validate,
    validate_text,
)

_SHORT_TEXTS: Final = (
    "",
    " ",
    "exercise",
    "catalog",
    "routine",
    "hold",
    "left",
    "both",
    "alternating",
    "per-side",
    "a few seconds",
    "figure-4-stretch",
    "knees-to-chest",
    "lying-march",
    "Hold for 45 seconds.",
    "Repeat 12 times on each side.",
    "\ud800",
    "\x00",
    "x" * 10_001,
)
_NUMBERS: Final = (0, -1, 1, 2, 3, 5, 8, 10, 15, 20, 30, 2.5, 3.0, 1e308, 10**400, math.nan)


def seed_documents() -> list[dict[str, Any]]:
    """Valid documents of every kind: where the mutations start."""
    routine = (
        RoutineBuilder("Seed routine", weeks=4)
        .add("figure-4-stretch", side="left")
        .add("knees-to-chest", reps=4, hold_seconds=25)
        .add("lying-march", deviation="a longer programme after review", reps=12)
        .build()
    )
    return [
        *(to_document(exercise) for exercise in catalog.all()),
        to_document(catalog.all()),
        to_document(routine),
    ]


SEEDS: Final = seed_documents()


class ByteSource:
    """Draws choices from fuzzer bytes; when they run out, every draw is the simplest choice."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._at = 0

    def byte(self) -> int:
        """The next byte, or 0 once the bytes are used up."""
        if self._at >= len(self._data):
            return 0
        self._at += 1
        return self._data[self._at - 1]

    def below(self, bound: int) -> int:
        """A whole number from 0 to ``bound - 1``."""
        return (self.byte() << 8 | self.byte()) % bound if bound > 1 else 0

    def pick(self, options: tuple[Any, ...] | list[Any]) -> Any:
        """One of ``options``."""
        return options[self.below(len(options))]

    def number(self) -> float:
        """A number: a notable one, or any float the next eight bytes spell."""
        if self.below(4):
            notable: float = self.pick(_NUMBERS)
            return notable
        raw = bytes(self.byte() for _ in range(8))
        return float(struct.unpack("<d", raw)[0])

    def text(self) -> str:
        """A string: a notable one, or characters the next bytes spell."""
        if self.below(3):
            return str(self.pick(_SHORT_TEXTS))
        return "".join(chr(self.below(0x3000)) for _ in range(self.below(12)))


#: How deep generated values nest before only scalars are drawn.
MAX_DEPTH: Final = 6


def _scalar(source: ByteSource, kind: int) -> object:
    drawn: object = source.number()  # a notable number may be an int beyond any float
    values: tuple[object, ...] = (
        None,
        bool(source.below(2)),
        drawn,
        drawn if isinstance(drawn, int) else 7,
        source.text(),
    )
    return values[kind]


def json_value(source: ByteSource, depth: int = 0) -> object:
    """Any JSON-compatible value (with NaN and huge numbers, which ``json.loads`` can yield)."""
    kind = source.below(8 if depth < MAX_DEPTH else 5)
    if kind in (5, 6):
        return {source.text(): json_value(source, depth + 1) for _ in range(source.below(5))}
    if kind == 7:  # noqa: PLR2004 - the last kind: an array
        return [json_value(source, depth + 1) for _ in range(source.below(5))]
    return _scalar(source, kind)


def _containers(value: object, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path] if isinstance(value, (dict, list)) else []
    if isinstance(value, dict):
        for key, item in value.items():
            found.extend(_containers(item, (*path, key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.extend(_containers(item, (*path, index)))
    return found


def _at(value: Any, path: tuple[Any, ...]) -> Any:
    for token in path:
        value = value[token]
    return value


def mutate(document: dict[str, Any], source: ByteSource) -> object:
    """A copy of ``document`` with a few changes: keys removed or added, values replaced."""
    mutated: Any = copy.deepcopy(document)
    for _ in range(1 + source.below(3)):
        places = _containers(mutated)
        if not places:
            return mutated
        container = _at(mutated, source.pick(places))
        if isinstance(container, dict) and container:
            key = source.pick(list(container))
            action = source.below(4)
            if action == 0:
                del container[key]
            elif action == 1:
                container[source.text()] = json_value(source)
            elif action == 2:  # noqa: PLR2004 - one branch per change
                container[key] = json_value(source)
            else:
                container[key] = source.pick(_NUMBERS)
        elif isinstance(container, list) and container:
            index = source.below(len(container))
            if source.below(2):
                container[index] = json_value(source)
            else:
                container.append(copy.deepcopy(container[index]))
    return mutated


def check_text(data: bytes) -> None:
    """``validate_text`` never raises; ``loads`` agrees with it and round-trips what it reads."""
    report = validate_text(data)
    try:
        value = loads(data)
    except DocumentError as error:
        assert not report.ok, (data, report)
        assert error.problems == report.problems, (data, error.problems, report.problems)
    else:
        assert report.ok, (data, report)
        assert loads(dumps(value)) == value, data


def check_yaml(data: bytes) -> None:
    """``validate_text`` never raises on YAML either (needs the ``yaml`` extra)."""
    validate_text(data, syntax="yaml")


def check_document(data: bytes) -> None:
    """``validate`` never raises or modifies; ``from_document`` agrees; values write back."""
    source = ByteSource(data)
    document = json_value(source) if source.below(4) == 0 else mutate(source.pick(SEEDS), source)
    before = json.dumps(document, sort_keys=True, default=repr)
    report = validate(document)
    assert json.dumps(document, sort_keys=True, default=repr) == before, "validate modified it"
    try:
        value = from_document(document)
    except DocumentError as error:
        assert not report.ok, (document, report)
        assert error.problems == report.problems, (document, error.problems, report.problems)
    else:
        assert report.ok, (document, report)
        assert validate(to_document(value)).ok, document


CHECKS: Final = {"text": check_text, "yaml": check_yaml, "document": check_document}
