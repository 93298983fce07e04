"""Load and validate a catalog of 10,000 exercises: solpt_rehab against pydantic v2 and msgspec.

Every contender reads the same JSON text into validated, immutable values with the same rules:
types, required and unknown keys, allowed values, non-empty texts of at most 10,000 characters,
slug ids, positive numbers, whole counts, a maximum not below its minimum, the rest and counting
rules, a hold step for an exercise with a hold, and unique ids. ``json.loads`` alone is the floor.

Run it with the ``bench`` extra installed (``pip install -e '.[bench]'``)::

    python benchmarks/bench_catalog.py            # 10,000 exercises, best of 5 rounds
    python benchmarks/bench_catalog.py --size 500 --repeat 1

It prints milliseconds and ratios, each twice: with the garbage collector paused during the timed
call, and with it running. It asserts nothing about time (a benchmark, not a test). The runs go
in rounds, every measure once per round in both modes, so that a shared machine's changing load
treats all alike. Only solpt_rehab's public API is timed.
"""

from __future__ import annotations

import argparse
import functools
import gc
import json
import math
import platform
import sys
import time
from collections.abc import Callable, Iterable
from typing import Annotated, Any, Literal

import msgspec
import pydantic
from msgspec import Meta, Struct
from pydantic import BaseModel, ConfigDict, Field, model_validator

import solpt_rehab
from solpt_rehab import (
    DocumentError,
    catalog,
    from_document,
    loads,
    prose,
    validate,
    validate_text,
)
from solpt_rehab.prose import extract_dose

# -- the content ----------------------------------------------------------------------------------


#: Letters that no number word, "once", "twice", "thrice" or "second" can be spelt from, so a
#: tag made of them never states or hides a dose.
_TAG_LETTERS = "abjkmpqz"


def tag(index: int) -> str:
    """A made-up word unique to ``index``: ``"ba"``, ``"bb"``... (never a number or a unit)."""
    letters = []
    while True:
        index, digit = divmod(index, len(_TAG_LETTERS))
        letters.append(_TAG_LETTERS[digit])
        if not index:
            break
    return "b" + "".join(reversed(letters))


def catalog_document(size: int) -> dict[str, Any]:
    """A catalog of ``size`` exercises: the three documented ones, renamed and varied.

    Every step text gets a sentence of its own (``" Ref bzq."``), so that no two exercises share
    a step text and nothing that remembers texts already read makes the prose check look free;
    the added word states no dose (``check_tags`` verifies it).
    """
    base = [solpt_rehab.to_document(exercise) for exercise in catalog.all()]
    exercises = []
    for index in range(size):
        body = json.loads(json.dumps(base[index % 3]))
        del body["kind"], body["format_version"]
        body["id"] = f"{body['id']}-{index}"
        body["name"] = f"{body['name']} {index}"
        body["repetitions"]["min_reps"] += index % 4
        if body["repetitions"]["max_reps"] is not None:
            body["repetitions"]["max_reps"] += index % 4
        for step in body["steps"]:
            step["text"] = f"{step['text']} Ref {tag(index)}."
        exercises.append(body)
    return {"kind": "catalog", "format_version": 1, "exercises": exercises}


def check_tags(document: dict[str, Any], sample: int = 97) -> None:
    """Every ``sample``-th exercise's steps read the same dose with and without their tag."""
    for body in document["exercises"][::sample]:
        for step in body["steps"]:
            tagged = extract_dose(step["text"])
            plain = extract_dose(step["text"].rsplit(" Ref ", 1)[0])
            fields = ("hold_range", "reps_range", "sets_range", "laterality", "counting", "rest")
            if any(getattr(tagged, name) != getattr(plain, name) for name in fields):
                raise AssertionError(f"the tag changes the dose of {step['text']!r}")


def with_errors(document: dict[str, Any], where: Iterable[int]) -> dict[str, Any]:
    """The same catalog with one error in each exercise of ``where`` (four kinds, in turn)."""
    copy: dict[str, Any] = json.loads(json.dumps(document))
    for count, index in enumerate(where):
        body = copy["exercises"][index]
        match count % 4:
            case 0:
                body["repetitions"]["min_reps"] = str(body["repetitions"]["min_reps"])
            case 1:
                body["hold"] = {"min_seconds": 30, "max_seconds": 3}
            case 2:
                body["steps"] = [step for step in body["steps"] if step["kind"] != "hold"]
            case _:
                body["nmae"] = body.pop("name")
    return copy


# -- pydantic v2 ----------------------------------------------------------------------------------

PText = Annotated[str, Field(max_length=10_000, pattern=r"\S")]
PAnyText = Annotated[str, Field(max_length=10_000)]
PSlug = Annotated[str, Field(max_length=10_000, pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
PSeconds = Annotated[float, Field(gt=0, allow_inf_nan=False)]
PCount = Annotated[int, Field(gt=0)]
Region = Literal[
    "neck", "shoulder", "upper-arm", "forearm", "chest", "upper-back", "lower-back", "abdomen",
    "hip", "buttock", "thigh", "lower-leg",
]  # fmt: skip
PositionName = Literal[
    "supine", "prone", "side-lying", "sitting", "standing", "kneeling", "quadruped"
]
LevelName = Literal["beginner", "intermediate", "expert"]
CategoryName = Literal[
    "stretching", "strength", "mobility", "balance", "cardio", "plyometrics", "powerlifting",
    "olympic-weightlifting", "strongman",
]  # fmt: skip
StepKindName = Literal["setup", "move", "hold", "release", "repeat"]
LateralityName = Literal["bilateral", "affected-side", "alternating", "each-side"]


class PModel(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class PStep(PModel):
    text: PText
    kind: StepKindName
    distance: PText | None = None


class PHold(PModel):
    min_seconds: PSeconds
    max_seconds: PSeconds

    @model_validator(mode="after")
    def _ordered(self) -> PHold:
        if self.max_seconds < self.min_seconds:
            raise ValueError("'max_seconds' must be >= 'min_seconds'")
        return self


class PRest(PModel):
    min_seconds: PSeconds | None = None
    max_seconds: PSeconds | None = None
    text: PText | None = None

    @model_validator(mode="after")
    def _complete(self) -> PRest:
        if (self.min_seconds is None) != (self.max_seconds is None):
            raise ValueError("a rest needs both ends of its range")
        if self.min_seconds is None and self.text is None:
            raise ValueError("a rest needs seconds or a text")
        if self.min_seconds is not None and self.max_seconds < self.min_seconds:  # type: ignore[operator]
            raise ValueError("'max_seconds' must be >= 'min_seconds'")
        return self


class PRepetitions(PModel):
    min_reps: PCount
    max_reps: PCount | None = None
    laterality: LateralityName
    counting: Literal["total", "per-side"] | None = None
    rest: PRest | None = None

    @model_validator(mode="after")
    def _consistent(self) -> PRepetitions:
        if self.max_reps is not None and self.max_reps < self.min_reps:
            raise ValueError("'max_reps' must be >= 'min_reps'")
        if (self.laterality in ("alternating", "each-side")) != (self.counting is not None):
            raise ValueError("'counting' goes with two-sided repetitions only")
        return self


class PEquipment(PModel):
    name: PText
    optional: bool
    alternatives: tuple[PText, ...] = ()


class PCitation(PModel):
    title: PText
    publisher: PAnyText = ""
    url: PText | None = None
    locator: PText | None = None


class PExercise(PModel):
    id: PSlug
    name: PText
    purpose: PAnyText = ""
    steps: tuple[PStep, ...] = Field(min_length=1)
    hold: PHold | None = None
    repetitions: PRepetitions
    regions: tuple[Region, ...] = ()
    position: PositionName | None = None
    level: LevelName | None = None
    category: CategoryName | None = None
    equipment: tuple[PEquipment, ...] = ()
    source: PCitation | None = None

    @model_validator(mode="after")
    def _hold_step(self) -> PExercise:
        if self.hold is not None and not any(step.kind == "hold" for step in self.steps):
            raise ValueError("an exercise with a hold needs a hold step")
        return self


class PCatalog(PModel):
    kind: Literal["catalog"]
    format_version: Literal[1]
    exercises: tuple[PExercise, ...]

    @model_validator(mode="after")
    def _unique(self) -> PCatalog:
        if len({exercise.id for exercise in self.exercises}) != len(self.exercises):
            raise ValueError("ids must be unique")
        return self


# -- msgspec --------------------------------------------------------------------------------------

MText = Annotated[str, Meta(max_length=10_000, pattern=r"\S")]
MAnyText = Annotated[str, Meta(max_length=10_000)]
MSlug = Annotated[str, Meta(max_length=10_000, pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
MSeconds = Annotated[float, Meta(gt=0)]
MCount = Annotated[int, Meta(gt=0)]


class MStep(Struct, forbid_unknown_fields=True, frozen=True):
    text: MText
    kind: StepKindName
    distance: MText | None = None


class MHold(Struct, forbid_unknown_fields=True, frozen=True):
    min_seconds: MSeconds
    max_seconds: MSeconds

    def __post_init__(self) -> None:
        if self.max_seconds < self.min_seconds:
            raise ValueError("'max_seconds' must be >= 'min_seconds'")


class MRest(Struct, forbid_unknown_fields=True, frozen=True):
    min_seconds: MSeconds | None = None
    max_seconds: MSeconds | None = None
    text: MText | None = None

    def __post_init__(self) -> None:
        if (self.min_seconds is None) != (self.max_seconds is None):
            raise ValueError("a rest needs both ends of its range")
        if self.min_seconds is None and self.text is None:
            raise ValueError("a rest needs seconds or a text")
        if self.min_seconds is not None and self.max_seconds < self.min_seconds:  # type: ignore[operator]
            raise ValueError("'max_seconds' must be >= 'min_seconds'")


class MRepetitions(Struct, forbid_unknown_fields=True, frozen=True):
    min_reps: MCount
    laterality: LateralityName
    max_reps: MCount | None = None
    counting: Literal["total", "per-side"] | None = None
    rest: MRest | None = None

    def __post_init__(self) -> None:
        if self.max_reps is not None and self.max_reps < self.min_reps:
            raise ValueError("'max_reps' must be >= 'min_reps'")
        if (self.laterality in ("alternating", "each-side")) != (self.counting is not None):
            raise ValueError("'counting' goes with two-sided repetitions only")


class MEquipment(Struct, forbid_unknown_fields=True, frozen=True):
    name: MText
    optional: bool
    alternatives: tuple[MText, ...] = ()


class MCitation(Struct, forbid_unknown_fields=True, frozen=True):
    title: MText
    publisher: MAnyText = ""
    url: MText | None = None
    locator: MText | None = None


class MExercise(Struct, forbid_unknown_fields=True, frozen=True):
    id: MSlug
    name: MText
    steps: Annotated[tuple[MStep, ...], Meta(min_length=1)]
    repetitions: MRepetitions
    purpose: MAnyText = ""
    hold: MHold | None = None
    regions: tuple[Region, ...] = ()
    position: PositionName | None = None
    level: LevelName | None = None
    category: CategoryName | None = None
    equipment: tuple[MEquipment, ...] = ()
    source: MCitation | None = None

    def __post_init__(self) -> None:
        if self.hold is not None and not any(step.kind == "hold" for step in self.steps):
            raise ValueError("an exercise with a hold needs a hold step")


class MCatalog(Struct, forbid_unknown_fields=True, frozen=True):
    kind: Literal["catalog"]
    format_version: Literal[1]
    exercises: tuple[MExercise, ...]

    def __post_init__(self) -> None:
        if len({exercise.id for exercise in self.exercises}) != len(self.exercises):
            raise ValueError("ids must be unique")


_MSGSPEC_DECODER = msgspec.json.Decoder(MCatalog)


# -- the contenders -------------------------------------------------------------------------------


def solpt_loads(text: str) -> object:
    try:
        return loads(text, kind="catalog")
    except DocumentError as error:
        return error.problems


def solpt_validate(text: str) -> object:
    return validate_text(text, kind="catalog")


def pydantic_loads(text: str) -> object:
    try:
        return PCatalog.model_validate_json(text)
    except pydantic.ValidationError as error:
        return error.errors()


def msgspec_loads(text: str) -> object:
    try:
        return _MSGSPEC_DECODER.decode(text)
    except msgspec.ValidationError as error:
        return str(error)


CONTENDERS: dict[str, Callable[[str], object]] = {
    "json.loads (no validation)": json.loads,
    "solpt_rehab.loads": solpt_loads,
    "solpt_rehab.validate_text": solpt_validate,
    "pydantic v2 model_validate_json": pydantic_loads,
    "msgspec.json.decode": msgspec_loads,
}


#: solpt_rehab's public calls on a document that ``json.loads`` parsed beforehand, untimed.
PARSED: dict[str, Callable[[object], object]] = {
    "solpt_rehab.from_document (parsed)": functools.partial(from_document, kind="catalog"),
    "solpt_rehab.validate (parsed)": functools.partial(validate, kind="catalog"),
}


# -- agreement ------------------------------------------------------------------------------------


def check_agreement(valid: str, broken: str) -> None:
    """Every contender accepts the valid text and rejects the broken one."""
    if not isinstance(loads(valid), tuple) or validate_text(broken).ok:
        raise AssertionError("solpt_rehab disagrees on the benchmark's content")
    PCatalog.model_validate_json(valid)
    _MSGSPEC_DECODER.decode(valid)
    for reader, error in ((PCatalog.model_validate_json, pydantic.ValidationError),
                          (_MSGSPEC_DECODER.decode, msgspec.ValidationError)):  # fmt: skip
        try:
            reader(broken)
        except error:
            continue
        raise AssertionError(f"{reader} accepted the broken catalog")


# -- timing ---------------------------------------------------------------------------------------

#: The two ways each measure is timed: the garbage collector paused during the call, or running.
MODES: dict[str, bool] = {"gc off": False, "gc on": True}


def clear_prose_cache() -> None:
    """Forget every step text the prose check has read, so that no run profits from another."""
    prose._read_cached.cache_clear()  # MERGE: private name, being renamed; fix this line only


def time_once(function: Callable[[], object], *, collector: bool) -> float:
    """One call's seconds, the collector as ``collector`` says, from an empty prose cache.

    A full collection comes first in either mode, so that what earlier calls left is not billed
    to this one. The call's result is dropped inside the timing, so freeing it is timed too.
    """
    clear_prose_cache()
    gc.collect()
    if collector:
        gc.enable()
    else:
        gc.disable()
    start = time.perf_counter()
    function()
    seconds = time.perf_counter() - start
    gc.enable()
    return seconds


def best_of(functions: dict[str, Callable[[], object]], repeat: int) -> dict[str, dict[str, float]]:
    """The fastest of ``repeat`` runs of each function in each mode of :data:`MODES`, in seconds.

    The runs go in rounds, each function once per round in both modes (one mode first in even
    rounds, the other in odd ones), so that a shared machine whose load changes during the
    benchmark treats every contender and both modes alike.
    """
    fastest = {mode: dict.fromkeys(functions, math.inf) for mode in MODES}
    was_enabled = gc.isenabled()
    try:
        for round_ in range(repeat):
            order = list(MODES) if round_ % 2 == 0 else list(reversed(MODES))
            for name, function in functions.items():
                for mode in order:
                    seconds = time_once(function, collector=MODES[mode])
                    fastest[mode][name] = min(fastest[mode][name], seconds)
    finally:
        if not was_enabled:
            gc.disable()
    return fastest


# -- the report -----------------------------------------------------------------------------------


def _cell(seconds: float, ratio: float) -> str:
    return f"{seconds * 1000:9.1f} ms {ratio:6.2f}x"


def _table(title: str, heading: str, rows: dict[str, tuple[str, ...]], indent: int = 2) -> None:
    """Print ``rows`` under ``title``: a label, then one cell for each mode of :data:`MODES`."""
    width = indent + max(map(len, rows))
    print(title)
    print(f"{'':{width}}" + "".join(f"   {f'{mode}, {heading}':>19}" for mode in MODES))
    for label, cells in rows.items():
        print(
            f"{' ' * indent}{label:{width - indent}}" + "".join(f"   {cell:>19}" for cell in cells)
        )


def report(times: dict[str, dict[str, float]], texts: dict[str, str], warnings: int) -> None:
    """Print every measure and ratio, one column for each mode of :data:`MODES`."""
    floor = "json.loads (no validation)"
    _table(
        f"\nvalid content ({warnings} warnings, which loads does not report):",
        "x json.loads",
        {
            name: tuple(_cell(times[m][name], times[m][name] / times[m][floor]) for m in MODES)
            for name in (*CONTENDERS, *PARSED)
        },
    )
    ours = "solpt_rehab.loads"
    pydantic_name, msgspec_name = "pydantic v2 model_validate_json", "msgspec.json.decode"
    ratios = {
        "vs pydantic: x as fast (target >= 1.5)": lambda m: (
            times[m][pydantic_name] / times[m][ours]
        ),
        "vs json.loads: x the time (target <= 3)": lambda m: times[m][ours] / times[m][floor],
        "vs msgspec: x as fast": lambda m: times[m][msgspec_name] / times[m][ours],
    }
    _table(
        "\nsolpt_rehab.loads against the others, in the same mode:",
        "ratio",
        {label: tuple(f"{ratio(m):.2f}x" for m in MODES) for label, ratio in ratios.items()},
    )
    print("\ncontent with errors (every problem reported), against the same call on valid content:")
    for label, text in texts.items():
        rows = {
            f"solpt_rehab.{call} (target <= 3)": tuple(
                _cell(
                    times[m][f"{label}: {call}"],
                    times[m][f"{label}: {call}"] / times[m][f"solpt_rehab.{call}"],
                )
                for m in MODES
            )
            for call in ("validate_text", "loads")
        }
        problems = len(validate_text(text, kind="catalog").problems)
        _table(f"  {label} ({problems} problems):", "x valid", rows, indent=4)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--size", type=int, default=10_000, help="exercises in the catalog")
    parser.add_argument("--repeat", type=int, default=5, help="rounds; the best of each counts")
    args = parser.parse_args(argv)
    if args.size < 1 or args.repeat < 1:
        parser.error("--size and --repeat must be at least 1")

    document = catalog_document(args.size)
    check_tags(document)
    valid = json.dumps(document)
    texts = {
        label: json.dumps(with_errors(document, where))
        for label, where in (
            ("1 exercise in 100 with an error", range(0, args.size, 100)),
            ("only the last exercise with an error", [args.size - 1]),
            ("every exercise with an error", range(args.size)),
        )
    }
    del document  # only texts, and the one parsed document below, stay in memory while timing
    check_agreement(valid, texts["1 exercise in 100 with an error"])
    print(
        f"{args.size} exercises, {len(valid) / 1e6:.1f} MB of JSON; Python "
        f"{platform.python_version()}, pydantic {pydantic.VERSION}, msgspec {msgspec.__version__}; "
        f"best of {args.repeat} round{'s' * (args.repeat > 1)}, each measure timed with the "
        "garbage collector off and on"
    )
    parsed = json.loads(valid)
    measures: dict[str, Callable[[], object]] = {
        name: functools.partial(function, valid) for name, function in CONTENDERS.items()
    }
    measures |= {name: functools.partial(call, parsed) for name, call in PARSED.items()}
    for label, text in texts.items():
        measures[f"{label}: validate_text"] = functools.partial(solpt_validate, text)
        measures[f"{label}: loads"] = functools.partial(solpt_loads, text)
    times = best_of(measures, args.repeat)
    report(times, texts, len(validate_text(valid, kind="catalog").warnings))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
