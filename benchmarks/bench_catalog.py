"""Load and validate a catalog of 10,000 exercises: solpt_rehab against pydantic v2 and msgspec.

The catalog is in wire format 2, as ``dumps`` writes it (every key present), and most of its
exercises use keys that version 2 added: sets, timed work, loads, efforts, precautions, media,
and counts with no lower bound. Every contender reads the same JSON text into validated,
immutable values with the same rules: types, required and unknown keys, allowed values,
non-empty texts of at most 10,000 characters, slug ids, positive numbers, whole counts, a maximum
not below its minimum, the rest and counting rules, a hold step for an exercise with a hold, the
rules of sets, loads (amounts both or neither, only for a weight, a unit exactly with them, words
for a described load) and efforts (an RPE of 0 to 10, both ends or neither, words or an RPE), and
unique ids. The peers also refuse what solpt_rehab refuses while reading the text: a key
repeated in one object, a number beyond the range of a 64-bit float (an integer of 400 digits
included), a ``format_version`` other than the integer 2, a slug id with a trailing newline, and
a text holding a lone surrogate; ``check_agreement`` proves it on hand-made documents before
anything is timed, and stops the benchmark if a contender disagrees. ``json.loads`` alone is the
floor. The peers model version 2 only: solpt_rehab still reads version 1, by its detailed path,
which this benchmark does not time.

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
import re
import sys
import time
from collections.abc import Callable, Iterable
from typing import Annotated, Any, Literal

import attrs
import msgspec
import pydantic
from msgspec import Meta, Struct
from pydantic import BaseModel, ConfigDict, Field, model_validator

import solpt_rehab
from solpt_rehab import (
    DocumentError,
    Effort,
    Load,
    LoadKind,
    Media,
    MediaKind,
    Rest,
    Sets,
    TimedWork,
    WeightUnit,
    catalog,
    from_document,
    loads,
    validate,
    validate_text,
)
from solpt_rehab.prose import extract_dose
from solpt_rehab.prose._checking import clear_cache

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


_SETS_AND_BAND: dict[str, Any] = {
    "sets": Sets(min_sets=2, max_sets=3, rest=Rest(min_seconds=30, max_seconds=60)),
    "load": Load(kind=LoadKind.BAND, level="light"),
}
_EFFORT: dict[str, Any] = {
    "effort": Effort(text="to a gentle stretch, not pain", min_rpe=2, max_rpe=4),
    "precautions": ("Stop if the pain increases.", "Breathe normally."),
}
_WEIGHT_AND_PICTURE: dict[str, Any] = {
    "load": Load(kind=LoadKind.WEIGHT, min_amount=0.5, max_amount=1, unit=WeightUnit.KG),
    "media": (
        Media(
            uri="https://example.org/exercise.png",
            kind=MediaKind.IMAGE,
            alt="The end position",
            licence="CC-BY-4.0",
        ),
    ),
}
_TIMED_UP_TO: dict[str, Any] = {
    "timed_work": TimedWork(min_seconds=30, max_seconds=60),
    "min_reps": None,  # "up to" the maximum, or no count stated where there is none
}

#: What an exercise adds of wire format 2's keys, by ``index % 8``: a quarter have sets and a
#: band, a quarter an effort and precautions, a quarter a weight in kg and a picture, an eighth
#: no least count and timed work, and an eighth none of them (every key is written all the same,
#: as null or empty).
VARIANTS: tuple[dict[str, Any], ...] = (
    _SETS_AND_BAND, _EFFORT, _WEIGHT_AND_PICTURE, _TIMED_UP_TO,
    _SETS_AND_BAND, _EFFORT, _WEIGHT_AND_PICTURE, {},
)  # fmt: skip


#: The keys of an exercise that wire format 2 introduced.
VERSION_2_KEYS = frozenset({"sets", "timed_work", "load", "effort", "precautions", "media"})


def _templates() -> list[list[dict[str, Any]]]:
    """Each documented exercise in each variant, as ``to_document`` writes it (no header)."""
    templates = []
    for exercise in catalog.all():
        variants = []
        for variant in VARIANTS:
            changes = dict(variant)
            if "min_reps" in changes:
                changes["repetitions"] = attrs.evolve(
                    exercise.repetitions, min_reps=changes.pop("min_reps")
                )
            body = solpt_rehab.to_document(attrs.evolve(exercise, **changes))
            del body["kind"], body["format_version"]
            variants.append(body)
        templates.append(variants)
    return templates


def catalog_document(size: int) -> dict[str, Any]:
    """A catalog of ``size`` exercises: the three documented ones, renamed and varied.

    It is a version-2 catalog as ``dumps`` writes it, every key present. Besides the counts,
    shifted by ``index % 4``, the exercises vary by ``index % 8`` (:data:`VARIANTS`), so that
    the keys that version 2 added are read, not only their nulls.

    Every step text gets a sentence of its own (``" Ref bzq."``), so that no two exercises share
    a step text and nothing that remembers texts already read makes the prose check look free;
    the added word states no dose (``check_tags`` verifies it).
    """
    templates = _templates()
    exercises = []
    for index in range(size):
        body = json.loads(json.dumps(templates[index % 3][index % len(VARIANTS)]))
        body["id"] = f"{body['id']}-{index}"
        body["name"] = f"{body['name']} {index}"
        repetitions = body["repetitions"]
        for end in ("min_reps", "max_reps"):
            if repetitions[end] is not None:
                repetitions[end] += index % 4
        for step in body["steps"]:
            step["text"] = f"{step['text']} Ref {tag(index)}."
        exercises.append(body)
    return {"kind": "catalog", "format_version": 2, "exercises": exercises}


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


# -- what the peers add to their libraries' own checks ---------------------------------------------

#: The largest finite 64-bit float. An integer is compared with it exactly, as solpt_rehab does:
#: ``int(FLOAT_MAX) + 1`` is beyond the range although ``float()`` would round it to ``FLOAT_MAX``.
FLOAT_MAX = sys.float_info.max


class RepeatedKeyError(ValueError):
    """A peer's refusal of a text in which one object repeats a key."""


#: A quote, then white space before a colon: how a key may end that ``'":'`` does not count.
_QUOTE_SPACE = re.compile(r'"[ \t\n\r]')
_QUOTE_SPACE_COLON = re.compile(r'"[ \t\n\r]+:')


def no_key_repeated(text: str, distinct_keys: int) -> bool:
    """Whether no object of ``text`` repeats a key, given how many different keys its objects hold.

    A peer gives ``distinct_keys``: the keys of every object of the text, each object's counted
    once. This is solpt_rehab's own way, so that both do the same work. Every key is followed by
    optional white space and a colon, so the text's colons bound its keys from above, and when
    there are exactly as many colons as different keys, no key was written twice. When strings
    hold colons, a tighter bound counts each quote followed by optional white space and a colon
    (every key ends so). Both are counts in C. When neither bound is met (a repeated key, or
    strings that hold ``'":'``), the keys are counted exactly: ``json.loads`` hands every
    object's pairs to one list's ``extend``, so nothing but the parse runs. The peer has
    accepted the text, so ``json.loads`` reads it.
    """
    if text.count(":") == distinct_keys:
        return True
    bound = text.count('":')
    if _QUOTE_SPACE.search(text):
        bound += len(_QUOTE_SPACE_COLON.findall(text))
    if bound == distinct_keys:
        return True
    pairs: list[tuple[str, object]] = []
    json.loads(text, object_pairs_hook=pairs.extend)
    return len(pairs) == distinct_keys


def document_keys(document: dict[str, Any]) -> int:
    """The keys of every object of a parsed catalog whose shape a peer has already checked."""
    count = len(document)
    for exercise in document["exercises"]:
        count += len(exercise)
        for step in exercise["steps"]:
            count += len(step)
        repetitions, sets = exercise["repetitions"], exercise.get("sets")
        count += len(repetitions)
        parts = (
            exercise.get("hold"),
            repetitions.get("rest"),
            sets,
            None if sets is None else sets.get("rest"),
            exercise.get("timed_work"),
            exercise.get("load"),
            exercise.get("effort"),
            exercise.get("source"),
            *exercise.get("equipment", ()),
            *exercise.get("media", ()),
        )
        count += sum(len(part) for part in parts if part is not None)
    return count


# -- pydantic v2 ----------------------------------------------------------------------------------

# The patterns run on pydantic-core's Rust regex engine (set explicitly below, so that a change
# of pydantic's default cannot change what they mean). There ``\s`` lacks U+001C to U+001F,
# which Python's ``str.strip`` (solpt_rehab's test of an empty text) removes, so they are named;
# and ``\z`` is the end of the text, where Python's ``$`` also matches before a final newline.
PText = Annotated[str, Field(max_length=10_000, pattern=r"[^\s\x{1c}-\x{1f}]")]
PAnyText = Annotated[str, Field(max_length=10_000)]
PSlug = Annotated[str, Field(max_length=10_000, pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*\z")]
# An integer stays an integer, so that the model's validator compares it with FLOAT_MAX exactly
# (with ``float`` alone, or an ``le`` on the integer branch, pydantic would round an integer a
# little beyond the range down to FLOAT_MAX and accept it). A float literal beyond the range
# is read as infinity, which ``allow_inf_nan=False`` refuses.
PSeconds = Annotated[int, Field(gt=0)] | Annotated[float, Field(gt=0, allow_inf_nan=False)]
PCount = Annotated[int, Field(gt=0, le=int(FLOAT_MAX))]  # pydantic-core compares big ints exactly
# A rating of perceived exertion, 0 to 10: its bounds refuse a big integer and infinity too.
PRpe = (
    Annotated[int, Field(ge=0, le=10)] | Annotated[float, Field(ge=0, le=10, allow_inf_nan=False)]
)
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
LoadKindName = Literal["body-weight", "band", "weight", "described"]


class PModel(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, regex_engine="rust-regex")


class PStep(PModel):
    text: PText
    kind: StepKindName
    distance: PText | None = None


def _check_rest(low: float | None, high: float | None, text: str | None) -> None:
    """A rest's rules, for both peers: both ends or neither, and words when there is no number."""
    if low is None or high is None:
        if (low is None) != (high is None):
            raise ValueError("a rest needs both ends of its range")
        if text is None:
            raise ValueError("a rest needs seconds or a text")
    else:
        _check_seconds(low, high)


def _check_seconds(low: float, high: float) -> None:
    """A range of numbers typed ``int | float``: within a 64-bit float's range, and in order."""
    if low > FLOAT_MAX or high > FLOAT_MAX:
        raise ValueError("a number beyond the range of a 64-bit float")
    if high < low:
        raise ValueError("a range's maximum must be >= its minimum")


def _check_both(low: object, high: object, what: str) -> None:
    """The two ends of an optional range are given together or not at all."""
    if (low is None) != (high is None):
        raise ValueError(f"{what} needs both ends of its range")


def _check_reps(low: int | None, high: int | None, laterality: str, counting: str | None) -> None:
    """A repetition scheme's rules, for both peers: counts in range and in order, and counting."""
    if (low is not None and low > FLOAT_MAX) or (high is not None and high > FLOAT_MAX):
        raise ValueError("a count beyond the range of a 64-bit float")
    if low is not None and high is not None and high < low:
        raise ValueError("'max_reps' must be >= 'min_reps'")
    if (laterality in ("alternating", "each-side")) != (counting is not None):
        raise ValueError("'counting' goes with two-sided repetitions only")


def _check_sets(low: int, high: int | None) -> None:
    if low > FLOAT_MAX or (high is not None and high > FLOAT_MAX):
        raise ValueError("a count beyond the range of a 64-bit float")
    if high is not None and high < low:
        raise ValueError("'max_sets' must be >= 'min_sets'")


def _check_load(
    kind: str, low: float | None, high: float | None, unit: str | None, text: str | None
) -> None:
    """A load's rules, for both peers: amounts both or neither, in range and in order, only for
    a weight, with a unit exactly when given; a described load has its text."""
    _check_both(low, high, "a load's amount")
    if low is not None and high is not None:
        _check_seconds(low, high)
        if kind != "weight":
            raise ValueError("only a weight has an amount")
    if (low is not None) != (unit is not None):
        raise ValueError("a load has a unit exactly when it has an amount")
    if kind == "described" and text is None:
        raise ValueError("a described load needs its text")


def _check_effort(text: str | None, low: float | None, high: float | None) -> None:
    """An effort's rules, for both peers: RPE both ends or neither, in order; words or an RPE."""
    _check_both(low, high, "an RPE")
    if low is not None and high is not None and high < low:
        raise ValueError("'max_rpe' must be >= 'min_rpe'")
    if text is None and low is None:
        raise ValueError("an effort needs words or an RPE")


class PHold(PModel):
    min_seconds: PSeconds
    max_seconds: PSeconds

    @model_validator(mode="after")
    def _ordered(self) -> PHold:
        _check_seconds(self.min_seconds, self.max_seconds)
        return self


class PRest(PModel):
    min_seconds: PSeconds | None = None
    max_seconds: PSeconds | None = None
    text: PText | None = None

    @model_validator(mode="after")
    def _complete(self) -> PRest:
        _check_rest(self.min_seconds, self.max_seconds, self.text)
        return self


class PRepetitions(PModel):
    min_reps: PCount | None = None
    max_reps: PCount | None = None
    laterality: LateralityName
    counting: Literal["total", "per-side"] | None = None
    rest: PRest | None = None

    @model_validator(mode="after")
    def _consistent(self) -> PRepetitions:
        _check_reps(self.min_reps, self.max_reps, self.laterality, self.counting)
        return self


class PSets(PModel):
    min_sets: PCount
    max_sets: PCount | None = None
    rest: PRest | None = None

    @model_validator(mode="after")
    def _ordered(self) -> PSets:
        _check_sets(self.min_sets, self.max_sets)
        return self


class PTimedWork(PHold):
    pass


class PLoad(PModel):
    kind: LoadKindName
    level: PText | None = None
    min_amount: PSeconds | None = None
    max_amount: PSeconds | None = None
    unit: Literal["kg", "lb"] | None = None
    text: PText | None = None

    @model_validator(mode="after")
    def _consistent(self) -> PLoad:
        _check_load(self.kind, self.min_amount, self.max_amount, self.unit, self.text)
        return self


class PEffort(PModel):
    text: PText | None = None
    min_rpe: PRpe | None = None
    max_rpe: PRpe | None = None

    @model_validator(mode="after")
    def _consistent(self) -> PEffort:
        _check_effort(self.text, self.min_rpe, self.max_rpe)
        return self


class PMedia(PModel):
    uri: PText
    kind: Literal["image", "video"]
    alt: PAnyText = ""
    licence: PText | None = None


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
    sets: PSets | None = None
    timed_work: PTimedWork | None = None
    load: PLoad | None = None
    effort: PEffort | None = None
    regions: tuple[Region, ...] = ()
    position: PositionName | None = None
    level: LevelName | None = None
    category: CategoryName | None = None
    equipment: tuple[PEquipment, ...] = ()
    precautions: tuple[PText, ...] = ()
    media: tuple[PMedia, ...] = ()
    source: PCitation | None = None

    @model_validator(mode="after")
    def _hold_step(self) -> PExercise:
        if self.hold is not None and not any(step.kind == "hold" for step in self.steps):
            raise ValueError("an exercise with a hold needs a hold step")
        return self


class PCatalog(PModel):
    kind: Literal["catalog"]
    # Not Literal[2]: pydantic's literal validator accepts 2.0 for it, even in strict mode, and
    # refuses to be made strict; a strict integer refuses it. Only version 2 is modelled: the
    # benchmark's catalog is version 2, and solpt_rehab reads version 1 by its slow path only.
    format_version: Annotated[int, Field(ge=2, le=2)]
    exercises: tuple[PExercise, ...]

    @model_validator(mode="after")
    def _unique(self) -> PCatalog:
        if len({exercise.id for exercise in self.exercises}) != len(self.exercises):
            raise ValueError("ids must be unique")
        return self


def pydantic_keys(read: PCatalog) -> int:
    """The keys the text's objects held, each object's counted once: its models' fields set.

    Every object of a catalog is one model, and ``extra="forbid"`` makes each key a field, so
    the fields set of a model (given explicitly, even with the default value) are the
    different keys of its object.
    """
    count = len(read.model_fields_set)
    for exercise in read.exercises:
        count += len(exercise.model_fields_set)
        for step in exercise.steps:
            count += len(step.model_fields_set)
        repetitions, sets = exercise.repetitions, exercise.sets
        count += len(repetitions.model_fields_set)
        parts = (
            exercise.hold,
            repetitions.rest,
            sets,
            None if sets is None else sets.rest,
            exercise.timed_work,
            exercise.load,
            exercise.effort,
            exercise.source,
            *exercise.equipment,
            *exercise.media,
        )
        count += sum(len(part.model_fields_set) for part in parts if part is not None)
    return count


def pydantic_read(text: str) -> PCatalog:
    """The catalog pydantic reads from ``text``, refused as solpt_rehab refuses it.

    pydantic-core keeps the last of repeated keys and has no option to refuse them (its JSON
    reader turns jiter's ``catch_duplicate_keys`` off), hence :func:`no_key_repeated` afterwards.

    Raises:
        pydantic.ValidationError: For every other refusal, a lone surrogate included (jiter
            refuses the escape, and the text cannot be read as UTF-8 when it holds one itself).
        RepeatedKeyError: When an object repeats a key.
    """
    read = PCatalog.model_validate_json(text)
    if not no_key_repeated(text, pydantic_keys(read)):
        raise RepeatedKeyError("an object repeats a key")
    return read


# -- msgspec --------------------------------------------------------------------------------------

# msgspec runs patterns with Python's ``re.search``: ``\S`` is exactly what ``str.strip`` keeps,
# and ``\Z`` is the end of the text (``$`` would accept a slug with a trailing newline).
MText = Annotated[str, Meta(max_length=10_000, pattern=r"\S")]
MAnyText = Annotated[str, Meta(max_length=10_000)]
MSlug = Annotated[str, Meta(max_length=10_000, pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*\Z")]
# msgspec refuses integer bounds beyond an int64, so the bound on a count, and on seconds written
# as an integer, is checked in ``__post_init__``; an integer stays an integer for that, exactly
# as in the pydantic model. A float literal beyond the range is refused by the decoder itself.
MSeconds = Annotated[int, Meta(gt=0)] | Annotated[float, Meta(gt=0)]
MCount = Annotated[int, Meta(gt=0)]
MRpe = Annotated[int, Meta(ge=0, le=10)] | Annotated[float, Meta(ge=0, le=10)]


class MStep(Struct, forbid_unknown_fields=True, frozen=True):
    text: MText
    kind: StepKindName
    distance: MText | None = None


class MHold(Struct, forbid_unknown_fields=True, frozen=True):
    min_seconds: MSeconds
    max_seconds: MSeconds

    def __post_init__(self) -> None:
        _check_seconds(self.min_seconds, self.max_seconds)


class MRest(Struct, forbid_unknown_fields=True, frozen=True):
    min_seconds: MSeconds | None = None
    max_seconds: MSeconds | None = None
    text: MText | None = None

    def __post_init__(self) -> None:
        _check_rest(self.min_seconds, self.max_seconds, self.text)


class MRepetitions(Struct, forbid_unknown_fields=True, frozen=True):
    laterality: LateralityName
    min_reps: MCount | None = None
    max_reps: MCount | None = None
    counting: Literal["total", "per-side"] | None = None
    rest: MRest | None = None

    def __post_init__(self) -> None:
        _check_reps(self.min_reps, self.max_reps, self.laterality, self.counting)


class MSets(Struct, forbid_unknown_fields=True, frozen=True):
    min_sets: MCount
    max_sets: MCount | None = None
    rest: MRest | None = None

    def __post_init__(self) -> None:
        _check_sets(self.min_sets, self.max_sets)


class MTimedWork(MHold, forbid_unknown_fields=True, frozen=True):
    pass


class MLoad(Struct, forbid_unknown_fields=True, frozen=True):
    kind: LoadKindName
    level: MText | None = None
    min_amount: MSeconds | None = None
    max_amount: MSeconds | None = None
    unit: Literal["kg", "lb"] | None = None
    text: MText | None = None

    def __post_init__(self) -> None:
        _check_load(self.kind, self.min_amount, self.max_amount, self.unit, self.text)


class MEffort(Struct, forbid_unknown_fields=True, frozen=True):
    text: MText | None = None
    min_rpe: MRpe | None = None
    max_rpe: MRpe | None = None

    def __post_init__(self) -> None:
        _check_effort(self.text, self.min_rpe, self.max_rpe)


class MMedia(Struct, forbid_unknown_fields=True, frozen=True):
    uri: MText
    kind: Literal["image", "video"]
    alt: MAnyText = ""
    licence: MText | None = None


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
    sets: MSets | None = None
    timed_work: MTimedWork | None = None
    load: MLoad | None = None
    effort: MEffort | None = None
    regions: tuple[Region, ...] = ()
    position: PositionName | None = None
    level: LevelName | None = None
    category: CategoryName | None = None
    equipment: tuple[MEquipment, ...] = ()
    precautions: tuple[MText, ...] = ()
    media: tuple[MMedia, ...] = ()
    source: MCitation | None = None

    def __post_init__(self) -> None:
        if self.hold is not None and not any(step.kind == "hold" for step in self.steps):
            raise ValueError("an exercise with a hold needs a hold step")


class MCatalog(Struct, forbid_unknown_fields=True, frozen=True):
    kind: Literal["catalog"]
    format_version: Literal[2]  # msgspec refuses 2.0 for it; version 2 only, as in PCatalog
    exercises: tuple[MExercise, ...]

    def __post_init__(self) -> None:
        if len({exercise.id for exercise in self.exercises}) != len(self.exercises):
            raise ValueError("ids must be unique")


_MSGSPEC_DECODER = msgspec.json.Decoder(MCatalog)
_MSGSPEC_ANY = msgspec.json.Decoder()


def msgspec_read(text: str) -> MCatalog:
    """The catalog msgspec reads from ``text``, refused as solpt_rehab refuses it.

    msgspec keeps the last of repeated keys, with no option to refuse them, and a struct does
    not tell which fields its object held; so the text is also decoded into plain dicts, which
    hold each object's different keys, for :func:`no_key_repeated`. That decode comes first,
    and its dicts are freed before the structs are made, so that the collector, when it runs,
    never walks both trees (on 10,000 exercises, in a probe, best of 9: 320 ms instead of 385
    with the collector running; 150 instead of 143 with it paused). A text not shaped as a
    catalog cannot be counted, and the structs refuse it.

    Raises:
        msgspec.DecodeError: For every other refusal; a lone surrogate written as an escape is
            refused as malformed JSON (a ``msgspec.ValidationError`` is a ``DecodeError``).
        UnicodeEncodeError: When the text itself holds a lone surrogate (msgspec reads a
            ``str`` as UTF-8, which cannot encode one).
        RepeatedKeyError: When an object repeats a key.
    """
    try:
        distinct_keys = document_keys(_MSGSPEC_ANY.decode(text))
    except (TypeError, KeyError, AttributeError):
        distinct_keys = -1  # not a catalog's shape: the structs refuse it below
    read = _MSGSPEC_DECODER.decode(text)
    if not no_key_repeated(text, distinct_keys):
        raise RepeatedKeyError("an object repeats a key")
    return read


# -- the contenders -------------------------------------------------------------------------------

#: What each peer raises when it refuses a text.
PEERS: dict[str, tuple[Callable[[str], object], tuple[type[Exception], ...]]] = {
    "pydantic": (pydantic_read, (pydantic.ValidationError, RepeatedKeyError)),
    "msgspec": (msgspec_read, (msgspec.DecodeError, UnicodeEncodeError, RepeatedKeyError)),
}


def solpt_loads(text: str) -> object:
    """``loads``, and on an error what a caller reads first: the errors (the warnings that
    ``DocumentError.problems`` adds are found only when asked for, and cost the prose check)."""
    try:
        return loads(text, kind="catalog")
    except DocumentError as error:
        return error.errors


def solpt_validate(text: str) -> object:
    return validate_text(text, kind="catalog")


def pydantic_loads(text: str) -> object:
    try:
        return pydantic_read(text)
    except PEERS["pydantic"][1] as error:
        return error


def msgspec_loads(text: str) -> object:
    try:
        return msgspec_read(text)
    except PEERS["msgspec"][1] as error:
        return error


CONTENDERS: dict[str, Callable[[str], object]] = {
    "json.loads (no validation)": json.loads,
    "solpt_rehab.loads": solpt_loads,
    "solpt_rehab.validate_text": solpt_validate,
    "pydantic v2 model_validate_json": pydantic_loads,
    "msgspec.json.decode": msgspec_loads,
}

#: The peers without their repeated-key check, to show what it costs (not compared).
UNCHECKED: dict[str, Callable[[str], object]] = {
    "  for reference: pydantic, keys unchecked": PCatalog.model_validate_json,
    "  for reference: msgspec, keys unchecked": _MSGSPEC_DECODER.decode,
}

#: solpt_rehab's public calls on a document that ``json.loads`` parsed beforehand, untimed.
PARSED: dict[str, Callable[[object], object]] = {
    "solpt_rehab.from_document (parsed)": functools.partial(from_document, kind="catalog"),
    "solpt_rehab.validate (parsed)": functools.partial(validate, kind="catalog"),
}


# -- agreement ------------------------------------------------------------------------------------


def _edit(text: str, old: str, new: str) -> str:
    """``text`` with its first ``old`` replaced by ``new``; an edit that misses stops everything."""
    if old not in text:
        raise AssertionError(f"a hand-made document lost its anchor {old!r}")
    return text.replace(old, new, 1)


Changes = dict[tuple[str | int, ...], object]


def _changed(document: dict[str, Any], changes: Changes, **dump: Any) -> str:
    """The JSON text of ``document`` with the value at each path (keys and indexes) replaced."""
    copy: Any = json.loads(json.dumps(document))
    for path, value in changes.items():
        target = copy
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value
    return json.dumps(copy, **dump)


def hand_made() -> tuple[dict[str, tuple[str, str]], dict[str, str]]:
    """Small catalogs with one fault each, by label, and near misses that must be accepted.

    Each fault comes with the only error code solpt_rehab may report for it, which proves that
    the document holds that fault and no other. (solpt_rehab does not compare a number it
    refused with the other end of its range, so a count beyond the range stands alone.)
    """
    # Exercise 0 holds 15 to 20 s, has 2 to 3 sets and a band; 1 rests "a few seconds", has an
    # effort and precautions; 2 has a weight of 0.5 to 1 kg and a picture; 3 timed work.
    base = catalog_document(4)
    text = json.dumps(base)
    big = 10**400
    beyond = int(FLOAT_MAX) + 1  # float() rounds it down to FLOAT_MAX; it is still beyond
    sets, band, effort = (
        ("exercises", 0, "sets"),
        ("exercises", 0, "load"),
        ("exercises", 1, "effort"),
    )
    weight, media = ("exercises", 2, "load"), ("exercises", 2, "media", 0)
    timed = ("exercises", 3, "timed_work")
    reps = ("exercises", 1, "repetitions")
    hold = ("exercises", 0, "hold")
    name = ("exercises", 0, "name")
    # Strings that hold colons: a colon alone, which the second bound of no_key_repeated sees
    # through, and a quote and a colon, which only the exact count does.
    colon = _edit(text, '"purpose": "', '"purpose": "Note: ')
    quote_colon = _edit(text, '"purpose": "', '"purpose": "Note: \\": ')

    def repeated(old: str, new: str, source: str = text) -> tuple[str, str]:
        return _edit(source, old, new), "duplicate-key"

    def too_large(changes: Changes) -> tuple[str, str]:
        return _changed(base, changes), "number-too-large"

    refused = {
        "(a) a key repeated in the catalog object": repeated(
            '"kind": "catalog"', '"kind": "catalog", "kind": "catalog"'
        ),
        "(a) a key repeated in a step": repeated(
            '"kind": "setup"', '"kind": "setup", "kind": "setup"'
        ),
        "(a) a key repeated in a rest, a space before each colon": repeated(
            '"text": "a few', '"text" : "a few seconds", "text" : "a few'
        ),
        "(a) a key repeated where a string holds colons": repeated(
            '"min_reps": 3', '"min_reps": 3, "min_reps": 3', quote_colon
        ),
        "(b) format_version: an integer of 401 digits": (
            _edit(text, '"format_version": 2', f'"format_version": {big}'),
            "unknown-version",
        ),
        "(b) min_reps: an integer of 401 digits": too_large(
            {(*reps, "min_reps"): big, (*reps, "max_reps"): None}
        ),
        "(b) max_reps: an integer of 401 digits": too_large({(*reps, "max_reps"): big}),
        "(b) min_reps: int(FLOAT_MAX) + 1": too_large(
            {(*reps, "min_reps"): beyond, (*reps, "max_reps"): None}
        ),
        "(b) hold: integers of 401 digits": too_large(
            {(*hold, "min_seconds"): big, (*hold, "max_seconds"): big}
        ),
        "(b) hold max_seconds: int(FLOAT_MAX) + 1": too_large({(*hold, "max_seconds"): beyond}),
        "(b) hold min_seconds: 1e400": (
            _edit(text, '"min_seconds": 15', '"min_seconds": 1e400'),
            "number-too-large",
        ),
        "(b) rest: integers of 401 digits": too_large(
            {(*reps, "rest"): {"min_seconds": big, "max_seconds": big}}
        ),
        "(b) rest max_seconds: int(FLOAT_MAX) + 1": too_large(
            {(*reps, "rest"): {"min_seconds": 5, "max_seconds": beyond}}
        ),
        "(b) sets min_sets: int(FLOAT_MAX) + 1": too_large(
            {(*sets, "min_sets"): beyond, (*sets, "max_sets"): None}
        ),
        "(b) load: amounts of 401 digits": too_large(
            {(*weight, "min_amount"): big, (*weight, "max_amount"): big}
        ),
        "(b) timed work max_seconds: 1e400": (
            _edit(text, '"max_seconds": 60}, "load"', '"max_seconds": 1e400}, "load"'),
            "number-too-large",
        ),
        "(c) format_version: 2.0": (_changed(base, {("format_version",): 2.0}), "wrong-type"),
        "(c) format_version: true": (_changed(base, {("format_version",): True}), "wrong-type"),
        "(d) id with a trailing newline": (
            _changed(base, {("exercises", 0, "id"): "figure-4-stretch-0\n"}),
            "not-a-slug",
        ),
        "(e) name with a lone high surrogate, escaped": (
            _changed(base, {name: "Figure-4 \ud800"}),
            "invalid-unicode",
        ),
        "(e) step text with a lone low surrogate, escaped": (
            _changed(base, {("exercises", 2, "steps", 0, "text"): "Lie \udc00 down."}),
            "invalid-unicode",
        ),
        "(e) name with a lone surrogate in the text itself": (
            _changed(base, {name: "Figure-4 \ud800"}, ensure_ascii=False),
            "invalid-unicode",
        ),
        "name of U+001C alone, which str.strip removes": (
            _changed(base, {("exercises", 1, "name"): "\x1c"}),
            "empty-text",
        ),
        # (f) to (i): the rules of wire format 2's new objects, one each.
        "(f) sets: max_sets below min_sets": (
            _changed(base, {(*sets, "min_sets"): 3, (*sets, "max_sets"): 2}),
            "range-inverted",
        ),
        "(f) sets: 2.5 sets": (_changed(base, {(*sets, "min_sets"): 2.5}), "fractional"),
        "(f) sets: a rest between sets with one end": (
            _changed(base, {(*sets, "rest", "max_seconds"): None}),
            "rest-incomplete",
        ),
        "(f) timed work: max_seconds below min_seconds": (
            _changed(base, {(*timed, "max_seconds"): 20}),
            "range-inverted",
        ),
        "(g) load: a band with an amount": (
            _changed(
                base, {(*band, "min_amount"): 1, (*band, "max_amount"): 1, (*band, "unit"): "kg"}
            ),
            "load-amount-not-allowed",
        ),
        "(g) load: a weight's amount without its unit": (
            _changed(base, {(*weight, "unit"): None}),
            "load-unit-missing",
        ),
        "(g) load: a unit without an amount": (
            _changed(base, {(*weight, "min_amount"): None, (*weight, "max_amount"): None}),
            "load-unit-not-allowed",
        ),
        "(g) load: one end of an amount": (
            _changed(base, {(*weight, "max_amount"): None}),
            "load-amount-incomplete",
        ),
        "(g) load: a described load without words": (
            _changed(base, {(*band, "kind"): "described"}),
            "load-undescribed",
        ),
        "(g) load: a kind not allowed": (
            _changed(base, {(*band, "kind"): "elastic"}),
            "bad-enum",
        ),
        "(g) load: a unit not allowed": (_changed(base, {(*weight, "unit"): "g"}), "bad-enum"),
        "(h) effort: an RPE above 10": (
            _changed(base, {(*effort, "max_rpe"): 11}),
            "above-maximum",
        ),
        "(h) effort: an RPE below 0": (_changed(base, {(*effort, "min_rpe"): -1}), "not-positive"),
        "(h) effort: an RPE with one end": (
            _changed(base, {(*effort, "max_rpe"): None}),
            "effort-rpe-incomplete",
        ),
        "(h) effort: neither words nor an RPE": (
            _changed(base, {effort: {"text": None, "min_rpe": None, "max_rpe": None}}),
            "effort-undescribed",
        ),
        "(i) precautions: a blank one": (
            _changed(base, {("exercises", 1, "precautions", 1): " "}),
            "empty-text",
        ),
        "(i) media: a kind not allowed": (
            _changed(base, {(*media, "kind"): "audio"}),
            "bad-enum",
        ),
        "(i) media: an empty uri": (_changed(base, {(*media, "uri"): ""}), "empty-text"),
    }
    accepted = {
        "counts of 2**64 and int(FLOAT_MAX)": _changed(
            base, {(*reps, "min_reps"): 2**64, (*reps, "max_reps"): int(FLOAT_MAX)}
        ),
        "a rest of int(FLOAT_MAX) to FLOAT_MAX seconds": _changed(
            base, {(*reps, "rest"): {"min_seconds": int(FLOAT_MAX), "max_seconds": FLOAT_MAX}}
        ),
        "a name with a surrogate pair": _changed(base, {name: "Lotus \U0001f9d8"}),
        "a string that holds a colon": colon,
        "a string that holds a quote and a colon": quote_colon,
        "a space around every colon, indented": json.dumps(base, indent=1, separators=(",", " : ")),
        "counts up to 6, and none at all; sets from 2 with no maximum": _changed(
            base,
            {
                (*reps, "min_reps"): None,
                ("exercises", 0, "repetitions", "min_reps"): None,
                (*sets, "max_sets"): None,
                (*sets, "rest"): {"min_seconds": None, "max_seconds": None, "text": "a minute"},
            },
        ),
        "an RPE of 0 to 10, no words; a level and words on a band": _changed(
            base,
            {
                effort: {"text": None, "min_rpe": 0, "max_rpe": 10.0},
                (*band, "text"): "a red band",
            },
        ),
        "a weight of 0.5 to 2.5 lb; a described load with a level": _changed(
            base,
            {
                (*weight, "max_amount"): 2.5,
                (*weight, "unit"): "lb",
                ("exercises", 1, "load"): {
                    "kind": "described",
                    "level": "heavy",
                    "min_amount": None,
                    "max_amount": None,
                    "unit": None,
                    "text": "a full water bottle",
                },
            },
        ),
        "a video with no alternative text and no licence": _changed(
            base, {media: {"uri": "clip.mp4", "kind": "video", "alt": "", "licence": None}}
        ),
        "the keys new in version 2 left out": json.dumps(
            {
                **base,
                "exercises": [
                    {key: value for key, value in exercise.items() if key not in VERSION_2_KEYS}
                    for exercise in base["exercises"]
                ],
            }
        ),
    }
    return refused, accepted


def _accepts(
    read: Callable[[str], object], refusals: tuple[type[Exception], ...], text: str
) -> bool:
    try:
        read(text)
    except refusals:
        return False
    return True


def acceptance(text: str) -> dict[str, bool]:
    """Whether each contender accepts ``text``; anything but a refusal propagates."""
    solpt_read = functools.partial(loads, kind="catalog")
    return {
        "solpt_rehab.loads": _accepts(solpt_read, (DocumentError,), text),
        "solpt_rehab.validate_text": validate_text(text, kind="catalog").ok,
        **{name: _accepts(read, refusals, text) for name, (read, refusals) in PEERS.items()},
    }


def check_agreement(valid: str, broken: Iterable[str]) -> str:
    """Every contender refuses each hand-made fault and each broken catalog, and accepts the rest.

    Returns:
        A line that says what was checked.

    Raises:
        AssertionError: Naming the document and the contenders that disagree.
    """
    refused, accepted = hand_made()
    for label, (text, code) in refused.items():
        errors = {problem.code for problem in validate_text(text, kind="catalog").errors}
        if errors != {code}:
            raise AssertionError(f"{label}: solpt_rehab reports {sorted(errors)}, not {code!r}")
    broken = list(broken)
    expected = [(label, text, False) for label, (text, _) in refused.items()]
    expected += [(f"catalog with errors {index}", text, False) for index, text in enumerate(broken)]
    expected += [(label, text, True) for label, text in accepted.items()]
    expected.append(("the benchmark's valid catalog", valid, True))
    for label, text, accept in expected:
        wrong = [name for name, verdict in acceptance(text).items() if verdict is not accept]
        if wrong:
            verb = "refused" if accept else "accepted"
            raise AssertionError(f"{label}: {verb} by {', '.join(wrong)}")
    if from_document(json.loads(valid), kind="catalog") != loads(valid, kind="catalog"):
        raise AssertionError("from_document on the parsed catalog differs from loads")
    return (
        f"agreement: every contender refuses {len(refused)} hand-made faults and "
        f"{len(broken)} catalogs with errors, and accepts {len(accepted)} near misses and the "
        "valid catalog"
    )


# -- timing ---------------------------------------------------------------------------------------

#: The two ways each measure is timed: the garbage collector paused during the call, or running.
MODES: dict[str, bool] = {"gc off": False, "gc on": True}


def clear_prose_cache() -> None:
    """Forget every step text the prose check has read, so that no run profits from another."""
    clear_cache()


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
            for name in (*CONTENDERS, *PARSED, *UNCHECKED)
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
    agreement = check_agreement(valid, texts.values())
    print(
        f"{args.size} exercises, {len(valid) / 1e6:.1f} MB of JSON; Python "
        f"{platform.python_version()}, pydantic {pydantic.VERSION}, msgspec {msgspec.__version__}; "
        f"best of {args.repeat} round{'s' * (args.repeat > 1)}, each measure timed with the "
        "garbage collector off and on"
    )
    print(agreement)
    parsed = json.loads(valid)
    measures: dict[str, Callable[[], object]] = {
        name: functools.partial(function, valid)
        for name, function in {**CONTENDERS, **UNCHECKED}.items()
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
