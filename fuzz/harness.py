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
  ``from_document``; a value ``from_document`` returns writes back to a document that validates;
* ``extract_dose`` and ``read_article`` answer any text, and every reader answers the hostile
  families of :data:`HOSTILE` grown to any size (``check_hostile``);
* every check finishes in bounded time: ``fuzz/run.py`` gives libFuzzer a ``-timeout`` (10 s
  per input unless told otherwise), so an input that makes a reader super-linear is reported
  as a failure like a crash. The test suite never looks at a time; ``benchmarks/hostile.py``
  measures how each family grows.
"""

from __future__ import annotations

import copy
import json
import math
import struct
from typing import Any, Final, Literal

from solpt_rehab import (
    DocumentError,
    Progression,
    RoutineBuilder,
    catalog,
    dumps,
    from_document,
    loads,
    to_document,
    validate,
    validate_text,
)
from solpt_rehab.prose import extract_dose, read_article

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
        .add(
            "figure-4-stretch",
            side="left",
            progression=Progression(dose="reps", step=1, every_sessions=3, until=5),
        )
        .add(
            "knees-to-chest",
            reps=4,
            hold_seconds=25,
            progression=Progression(
                dose="hold_seconds", step=2.5, every_weeks=1, gate=["sets-done", "pain-not-higher"]
            ),
        )
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
    """``validate_text`` never raises on YAML either, and ``loads`` agrees (the ``yaml`` extra)."""
    report = validate_text(data, syntax="yaml")
    try:
        loads(data, syntax="yaml")
    except DocumentError as error:
        assert not report.ok, (data, report)
        assert error.problems == report.problems, (data, error.problems, report.problems)
    else:
        assert report.ok, (data, report)


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


# -- hostile families (issue 17): inputs that once made a reader super-linear or raise ----------

#: Each family: a prefix, a unit repeated to grow the input, a suffix, and the reader it feeds
#: ("json" and "yaml" through ``validate_text``, "dose" through ``extract_dose``, "article"
#: through ``read_article``). The seeds of the fuzz corpora are these at a small size.
HOSTILE: Final[dict[str, tuple[str, str, str, str]]] = {
    "dose-space-run": ("Hold 1", " ", "x", "dose"),
    "dose-range-space-run": ("Hold 1 to", " ", "x", "dose"),
    "dose-many-quantities": ("", "Hold 10 seconds, rest 5 s; ", "", "dose"),
    "dose-infinite-number": ("Rest for ", "9", " seconds.", "dose"),
    "dose-rests-between-sets": ("", "rest 30 seconds between sets, ", "", "dose"),
    "dose-small-count-space-run": ("do once", " ", "x", "dose"),
    "article-numbered-spaces": ("Title\n1. x", " ", "y\n", "article"),
    "article-bullet-spaces": ("Title\n1. Stretch\n- a", " ", "b\n", "article"),
    "article-purpose-spaces": ("Title\n1. Stretch\nPurpose: a", " ", "b\n- Hold.\n", "article"),
    "article-same-name": ("Title\n", "1. Same\n- Hold 10 seconds.\n", "", "article"),
    "article-infinite-hold": ("Title\n1. Stretch\n- Hold for ", "9", " seconds.\n", "article"),
    "step-space-run": (
        (
            '{"kind": "exercise", "format_version": 1, "id": "a", "name": "A", "hold": '
            '{"min_seconds": 15, "max_seconds": 20}, "repetitions": {"min_reps": 1, '
            '"laterality": "bilateral"}, "steps": [{"kind": "hold", "text": '
            '"Stay in the stretch for 15 to 20 seconds, 1'
        ),
        " ",
        'x"}]}',
        "json",
    ),
    "step-infinite-number": (
        (
            '{"kind": "exercise", "format_version": 1, "id": "a", "name": "A", "repetitions": '
            '{"min_reps": 1, "laterality": "bilateral"}, "steps": [{"kind": "move", "text": '
            '"Rest for '
        ),
        "9",
        ' seconds."}]}',
        "json",
    ),
    "too-deep-escaped-quotes": ("[" * 2000 + '"', '\\"', "", "json"),
    "json-long-integers": ("[", "9" * 999 + ",", "9" * 5000 + "]", "json"),
    "unknown-keys": (
        '{"kind": "exercise", "format_version": 1, ',
        '"unknown": 1, ',
        '"id": "a"}',
        "json",
    ),
    "catalog-of-integers": (
        '{"kind": "catalog", "format_version": 1, "exercises": [',
        "4,",
        "4]}",
        "json",
    ),
    "yaml-list": ("", "- 1\n", "", "yaml"),
    "yaml-long-integer": ("kind: exercise\nformat_version: ", "9", "\n", "yaml"),
    "yaml-sexagesimal": ("kind: exercise\nformat_version: 1", ":1", "\n", "yaml"),
    "yaml-tag": (
        "kind: exercise\nsteps: !!python/object/apply:os.system [",
        "ls, ",
        "ls]\n",
        "yaml",
    ),
    "yaml-deep": ("", "[", "", "yaml"),
}
#: How large ``check_hostile`` grows a family, in characters: past the sizes at which every
#: super-linear reader of issue 17 took seconds, small enough for many runs a minute.
HOSTILE_MAX_SIZE: Final = 256 * 1024


def hostile_text(name: str, repeats: int) -> str:
    """The family ``name`` of :data:`HOSTILE` with its unit repeated ``repeats`` times."""
    prefix, unit, suffix, _ = HOSTILE[name]
    return prefix + unit * repeats + suffix


def hostile_seeds(repeats: int = 300) -> dict[str, tuple[bytes, str]]:
    """Every family at a small size: ``{name: (text as UTF-8, reader)}``, for the corpora."""
    return {
        name: (hostile_text(name, repeats).encode(), reader)
        for name, (_, _, _, reader) in HOSTILE.items()
    }


def read_hostile(text: str, reader: str) -> None:
    """Feed ``text`` to ``reader``: every reader answers; ``loads`` raises only DocumentError."""
    if reader == "dose":
        extract_dose(text)
    elif reader == "article":
        read_article(text)
    else:
        syntax: Literal["json", "yaml"] = "yaml" if reader == "yaml" else "json"
        report = validate_text(text, syntax=syntax)
        try:
            loads(text, syntax=syntax)
        except DocumentError as error:
            assert not report.ok, text[:200]
            assert error.problems == report.problems, text[:200]
        else:
            assert report.ok, text[:200]


def check_hostile(data: bytes, max_size: int = HOSTILE_MAX_SIZE) -> None:
    """Every reader answers a hostile family grown to any size, with the fuzzer's bytes inside.

    The bytes choose a family, how many times its unit repeats (up to about ``max_size``
    characters in all, :data:`HOSTILE_MAX_SIZE` by default), and a text spliced in where the
    unit runs.
    Bounded time is libFuzzer's ``-timeout`` to check (``fuzz/run.py`` sets one).
    """
    source = ByteSource(data)
    name = source.pick(sorted(HOSTILE))
    prefix, unit, suffix, reader = HOSTILE[name]
    repeats = source.below(max_size // len(unit) + 1)
    cut = source.below(repeats + 1)
    inserted = bytes(source.byte() for _ in range(source.below(16))).decode("utf-8", "replace")
    text = prefix + unit * cut + inserted + unit * (repeats - cut) + suffix
    read_hostile(text, reader)


def hostile_choice(name: str, repeats: int) -> bytes:
    """The bytes that make :func:`check_hostile` grow ``name`` ``repeats`` times.

    ``repeats`` is taken modulo what the family allows (and below 65,536).
    """
    index = sorted(HOSTILE).index(name)
    return bytes((0, index, repeats >> 8, repeats & 0xFF, 0, 0, 0, 0))


CHECKS: Final = {
    "text": check_text,
    "yaml": check_yaml,
    "document": check_document,
    "hostile": check_hostile,
}
