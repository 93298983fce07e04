"""Hostile inputs: does every reader's time grow linearly with its input?

Each family builds an adversarial input of a given size (in characters) and feeds it to one
public entry point. The benchmark runs each family at sizes doubling from 1 KB to 1 MB and prints
the time at each size and the growth ratio per doubling: a reader that is linear in its input
shows ratios near 2, a quadratic one near 4. A family counts as linear when its growth per
doubling, the geometric mean of its ratios from the first size above 1 ms, stays below 2.5 (the
verdict column); the largest single ratio is printed beside it, and every ratio after. The
families are the reproducers of issue 17 and a few more.

Run it from the repository root (the ``yaml`` extra is needed for the YAML families)::

    python benchmarks/hostile.py                       # 1 KB to 1 MB, every family
    python benchmarks/hostile.py --max-size 65536 --family article-numbered-spaces
    python benchmarks/hostile.py --gc off              # the collector paused while timing

A family whose single call takes longer than ``--budget`` seconds stops growing there (a
quadratic reader at 1 MB would take hours). Times are CPU times of this process (the wall clock
of a shared machine counts other work too), the best of a few calls, each size getting
at least ``--min-time`` seconds of calls, so that small sizes are not all noise, and the sizes
are measured ``--rounds`` times over (3), each keeping its best, since on a shared machine a
burst of other work would otherwise show as a ratio. Nothing here is
asserted: this is a benchmark, not a test (``tests/test_hostile_benchmark.py`` runs it at tiny
sizes to keep it working).
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import itertools
import json
import time
from collections.abc import Callable
from typing import Any

from solpt_rehab import catalog, loads, to_document, validate, validate_text
from solpt_rehab.importers.free_exercise_db import import_exercises
from solpt_rehab.prose import extract_dose, read_article

Run = Callable[[], Any]
Family = Callable[[int], Run]

KB = 1024
GROWTH_LIMIT = 2.5


def _exercise_document(**changes: Any) -> dict[str, Any]:
    document = to_document(catalog.get("knees-to-chest"))
    document.update(changes)
    return document


def _with_step(text: str) -> dict[str, Any]:
    document = _exercise_document()
    document["steps"] = [{"kind": "hold", "text": text}]
    document["hold"] = {"min_seconds": 15, "max_seconds": 20}
    return document


# -- the prose readers ----------------------------------------------------------------------------


def dose_space_run(size: int) -> Run:
    """Issue 17, item 1: a number, a long run of spaces, a letter that is no unit."""
    text = "Hold 1" + " " * size + "x"
    return lambda: extract_dose(text)


def dose_range_space_run(size: int) -> Run:
    """A range whose second number never comes: "1 to", spaces, a letter."""
    text = "Hold 1 to" + " " * size + "x"
    return lambda: extract_dose(text)


def dose_many_quantities(size: int) -> Run:
    """Many numbers with units: each one's context must not cost the rest of the text."""
    text = "Hold 10 seconds, rest 5 s; " * (size // 27 + 1)
    return lambda: extract_dose(text)


def dose_infinite_number(size: int) -> Run:
    """Issue 17, item 0: a rest of a number too large for a float."""
    text = "Rest for " + "9" * size + " seconds."
    return lambda: extract_dose(text)


def dose_rests_between_sets(size: int) -> Run:
    """One endless sentence of rests between sets: each number's sentence is the whole text."""
    unit = "rest 30 seconds between sets, "
    text = unit * (size // len(unit) + 1)
    return lambda: extract_dose(text)


def dose_small_count_space_run(size: int) -> Run:
    """ "do once", then a long run of spaces before what may make it a frequency."""
    text = "do once" + " " * size + "x"
    return lambda: extract_dose(text)


def dose_many_words(size: int) -> Run:
    """Words every pattern starts on (number words, bounds, cues), none of them a dose."""
    text = "about twenty hold rest each side a few do " * (size // 42 + 1)
    return lambda: extract_dose(text)


def dose_side_words(size: int) -> Run:
    """Issue 19's side cues that look ahead up to 60 characters, each left unfinished: "to the
    left" with no right, "one side" with no "then the other", "repeat with" with no other part,
    "on both sides" after a verb."""
    text = "to the left one side repeat with the do on both sides " * (size // 54 + 1)
    return lambda: extract_dose(text)


def dose_alternations(size: int) -> Run:
    """Issue 19: alternations each tested for what follows and for hands walked before them."""
    text = "walk your hands alternating between " * (size // 36 + 1)
    return lambda: extract_dose(text)


def dose_bare_counts(size: int) -> Run:
    """Issue 19: numbers without a unit beside "repeat" and a side, and minutes in words."""
    text = "repeat 4-6 for each side, do 10 of these, half a minute and a half " * (size // 68 + 1)
    return lambda: extract_dose(text)


def _catalog_of_steps(steps: list[str]) -> str:
    bodies = []
    for step in steps:
        body = _with_step(step)
        del body["kind"], body["format_version"]
        bodies.append(body)
    return json.dumps({"kind": "catalog", "format_version": 1, "exercises": bodies})


def step_space_run(size: int) -> Run:
    """Issue 17, item 1: a step of the trap up to 8 KB, then more exercises of 8 KB steps."""
    trap = "Stay in the stretch for 15 to 20 seconds, 1"
    length = min(size, 8 * KB)
    steps = [trap + " " * length + f"x{index}" for index in range(max(1, size // (8 * KB)))]
    text = _catalog_of_steps(steps)
    return lambda: validate_text(text)


def step_infinite_number(size: int) -> Run:
    """Issue 17, item 0, through the validator: steps stating a rest of 400 digits, all distinct."""
    steps = [f"Rest for {'9' * 400} seconds, step {index}." for index in range(size // 512)]
    text = _catalog_of_steps(steps or ["Rest for " + "9" * 400 + " seconds."])
    return lambda: validate_text(text)


def article_numbered_spaces(size: int) -> Run:
    """Issue 17, item 2: a numbered line with a long run of spaces inside its name."""
    text = "Title\n1. x" + " " * size + "y\n"
    return lambda: read_article(text)


def article_bullet_spaces(size: int) -> Run:
    """A bullet step with a long run of spaces inside it."""
    text = "Title\n1. Stretch\n- a" + " " * size + "b\n"
    return lambda: read_article(text)


def article_purpose_spaces(size: int) -> Run:
    """A "Purpose:" line with a long run of spaces inside it."""
    text = "Title\n1. Stretch\nPurpose: a" + " " * size + "b\n- Hold 10 seconds.\n"
    return lambda: read_article(text)


def article_wrapped_step(size: int) -> Run:
    """Issue 19: one step wrapped over many lines, each continuing it."""
    text = "Title\nStretch\n1. Lie down\n" + "and stay\n" * (size // 9 + 1)
    return lambda: read_article(text)


def article_plain_headings(size: int) -> Run:
    """Issue 19: many exercises under plain headings with numbered steps, and lone bullets."""
    block = "Knee hug\n1. Hold 10 seconds.\n2. Repeat 3 times.\nBridge\n\u2022\nHold it.\n"
    text = "Title\nHold each for 20 seconds.\n" + block * (size // len(block) + 1)
    return lambda: read_article(text)


def article_same_name(size: int) -> Run:
    """Issue 17, item 10: many exercises of one name, each needing a free id."""
    block = "1. Same\n- Hold 10 seconds.\n"
    text = "Title\n" + block * (size // len(block) + 1)
    return lambda: read_article(text)


def article_infinite_hold(size: int) -> Run:
    """Issue 17, item 2: a step stating a hold of a number too large for a float."""
    text = "Title\n1. Stretch\n- Hold for " + "9" * size + " seconds.\n"
    return lambda: read_article(text)


def importer_same_name(size: int) -> Run:
    """Issue 17, item 10: free-exercise-db entries of one name."""
    entry = {"id": "Same", "name": "Same", "instructions": ["Hold 10 seconds."]}
    entries = [entry] * (size // 70 + 1)
    return lambda: import_exercises(entries)


# -- the parsers and the validator ---------------------------------------------------------------


def too_deep_escaped_quotes(size: int) -> Run:
    """Issue 17, item 3: too deep for the parser, then an unterminated string of escaped quotes."""
    text = "[" * 2000 + '"' + '\\"' * (size // 2)
    return lambda: validate_text(text)


def too_deep_brackets(size: int) -> Run:
    """Nesting far deeper than the parser follows, brackets only."""
    text = "[" * size
    return lambda: validate_text(text)


def json_long_integers(size: int) -> Run:
    """Many integers of 999 digits, then one of 5,000: where is the long one?"""
    text = "[" + ("9" * 999 + ",") * (size // 1000) + "9" * 5000 + "]"
    return lambda: validate_text(text)


def unknown_keys(size: int) -> Run:
    """Issue 17, item 4: an exercise document with thousands of unknown keys."""
    document = _exercise_document()
    document.update({f"unknown{index}": 1 for index in range(size // 15 + 1)})
    text = json.dumps(document)
    return lambda: validate_text(text)


def unknown_keys_parsed(size: int) -> Run:
    """The same, through ``validate`` on the parsed document."""
    document = _exercise_document()
    document.update({f"unknown{index}": 1 for index in range(size // 15 + 1)})
    return lambda: validate(document)


def catalog_of_integers(size: int) -> Run:
    """Issue 17, item 8: a catalog whose exercises are integers: a problem per two bytes."""
    text = '{"kind": "catalog", "format_version": 1, "exercises": [' + "4," * (size // 2) + "4]}"
    return lambda: validate_text(text)


def loads_catalog_of_integers(size: int) -> Run:
    """The same, through ``loads`` (it raises ``DocumentError``)."""
    text = '{"kind": "catalog", "format_version": 1, "exercises": [' + "4," * (size // 2) + "4]}"

    def run() -> None:
        with contextlib.suppress(ValueError):
            loads(text)

    return run


def yaml_list(size: int) -> Run:
    """Issue 17, item 4: a YAML list (the document is no object)."""
    text = "- 1\n" * (size // 4)
    return lambda: validate_text(text, syntax="yaml")


def yaml_catalog_of_integers(size: int) -> Run:
    """A YAML catalog whose exercises are integers."""
    text = "kind: catalog\nformat_version: 1\nexercises:\n" + "- 4\n" * (size // 4)
    return lambda: validate_text(text, syntax="yaml")


def yaml_long_integer(size: int) -> Run:
    """Issue 17, item 5: an integer of more digits than Python converts."""
    text = "kind: exercise\nformat_version: " + "9" * size + "\n"
    return lambda: validate_text(text, syntax="yaml")


def yaml_sexagesimal(size: int) -> Run:
    """A base-60 integer ("1:1:1...") of many places: converting it is quadratic."""
    text = "kind: exercise\nformat_version: 1" + ":1" * (size // 2) + "\n"
    return lambda: validate_text(text, syntax="yaml")


def yaml_tag(size: int) -> Run:
    """Issue 17, item 9: a Python tag on a long sequence."""
    text = "kind: exercise\nsteps: !!python/object/apply:os.system [" + "ls, " * (size // 4) + "]\n"
    return lambda: validate_text(text, syntax="yaml")


def yaml_deep(size: int) -> Run:
    """YAML flow sequences nested far deeper than any document needs."""
    text = "[" * size
    return lambda: validate_text(text, syntax="yaml")


FAMILIES: dict[str, Family] = {
    "dose-space-run": dose_space_run,
    "dose-range-space-run": dose_range_space_run,
    "dose-many-quantities": dose_many_quantities,
    "dose-infinite-number": dose_infinite_number,
    "dose-rests-between-sets": dose_rests_between_sets,
    "dose-small-count-space-run": dose_small_count_space_run,
    "dose-many-words": dose_many_words,
    "dose-side-words": dose_side_words,
    "dose-alternations": dose_alternations,
    "dose-bare-counts": dose_bare_counts,
    "step-space-run": step_space_run,
    "step-infinite-number": step_infinite_number,
    "article-numbered-spaces": article_numbered_spaces,
    "article-bullet-spaces": article_bullet_spaces,
    "article-purpose-spaces": article_purpose_spaces,
    "article-wrapped-step": article_wrapped_step,
    "article-plain-headings": article_plain_headings,
    "article-same-name": article_same_name,
    "article-infinite-hold": article_infinite_hold,
    "importer-same-name": importer_same_name,
    "too-deep-escaped-quotes": too_deep_escaped_quotes,
    "too-deep-brackets": too_deep_brackets,
    "json-long-integers": json_long_integers,
    "unknown-keys": unknown_keys,
    "unknown-keys-parsed": unknown_keys_parsed,
    "catalog-of-integers": catalog_of_integers,
    "loads-catalog-of-integers": loads_catalog_of_integers,
    "yaml-list": yaml_list,
    "yaml-catalog-of-integers": yaml_catalog_of_integers,
    "yaml-long-integer": yaml_long_integer,
    "yaml-sexagesimal": yaml_sexagesimal,
    "yaml-tag": yaml_tag,
    "yaml-deep": yaml_deep,
}


def best_time(run: Run, min_time: float) -> float:
    """The best time of one call, calling until ``min_time`` seconds have passed (at least 2).

    The time is the process's CPU time, not the wall clock's: on a shared machine the wall clock
    also counts the time other processes held the CPU, which would show as growth.
    """
    best = float("inf")
    spent = 0.0
    calls = 0
    while calls < 2 or spent < min_time:  # noqa: PLR2004 - at least two calls
        start = time.process_time()
        run()
        took = time.process_time() - start
        best = min(best, took)
        spent += took
        calls += 1
        if took > min_time:
            break
    return best


def measure(
    family: Family, sizes: list[int], *, min_time: float, budget: float, rounds: int = 1
) -> list[tuple[int, float]]:
    """``(size, seconds)`` for each size, stopping after a call slower than ``budget``.

    The sizes are measured ``rounds`` times over, each keeping its best: on a shared machine a
    burst of other work slows one measure, rarely the same size in every round.
    """
    best: dict[int, float] = {}
    for round_ in range(rounds):
        for size in sizes:
            if round_ and size not in best:
                break
            seconds = best_time(family(size), min_time)
            best[size] = min(best.get(size, seconds), seconds)
            if seconds > budget:
                break
    return sorted(best.items())


#: Below this, a call's time is mostly fixed costs and the allocator's moods, not the reader's
#: growth: the mean growth is taken from the first size that costs more.
FLOOR = 0.001


def mean_growth(times: list[tuple[int, float]]) -> tuple[float, int]:
    """The growth per doubling over the measured range, and the size it is taken from.

    It is the geometric mean of the ratios from the first size whose call takes at least
    :data:`FLOOR` (or from the first size, when fewer than two doublings would be left) to the
    last: one step of a buffer that doubles, or one full pass of the garbage collector, moves a
    single ratio past 2.5 and the next one below 2, where the mean stays with the reader.
    """
    start = next((index for index, (_, took) in enumerate(times) if took >= FLOOR), len(times))
    if len(times) - 1 - start < 2:  # noqa: PLR2004 - at least two doublings to average
        start = 0
    steps = len(times) - 1 - start
    if steps < 1 or times[start][1] <= 0:
        return 0.0, times[start][0]
    return (times[-1][1] / times[start][1]) ** (1 / steps), times[start][0]


def ratios(times: list[tuple[int, float]]) -> list[float]:
    """The growth ratio of each doubling: time at a size over time at half of it."""
    return [
        later / earlier for (_, earlier), (_, later) in itertools.pairwise(times) if earlier > 0
    ]


def _size(size: int) -> str:
    if size < KB:
        return f"{size} B"
    return f"{size // KB} KB" if size < KB * KB else f"{size // (KB * KB)} MB"


def main(argv: list[str] | None = None) -> None:
    """Measure the families named (every one by default) and print a line per family."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-size", type=int, default=KB)
    parser.add_argument("--max-size", type=int, default=KB * KB)
    parser.add_argument("--min-time", type=float, default=0.2)
    parser.add_argument("--budget", type=float, default=5.0)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--family", action="append", choices=sorted(FAMILIES))
    parser.add_argument(
        "--gc",
        choices=("on", "off"),
        default="on",
        help="off: the garbage collector paused while timing (a full pass moves single ratios)",
    )
    arguments = parser.parse_args(argv)
    if arguments.gc == "off":
        gc.collect()
        gc.disable()
    sizes = []
    size = arguments.min_size
    while size <= arguments.max_size:
        sizes.append(size)
        size *= 2
    names = arguments.family or list(FAMILIES)
    print(
        f"sizes {_size(sizes[0])} to {_size(sizes[-1])}, doubling; best CPU time of a call in "
        f"{arguments.rounds} round{'s' if arguments.rounds != 1 else ''}, garbage collector "
        f"{arguments.gc}; "
        f"linear when the growth per doubling < {GROWTH_LIMIT}"
    )
    for name in names:
        try:
            times = measure(
                FAMILIES[name],
                sizes,
                min_time=arguments.min_time,
                budget=arguments.budget,
                rounds=arguments.rounds,
            )
        except Exception as error:  # noqa: BLE001 - a reader that raises is a finding to print
            print(f"{name:28} RAISES      {type(error).__name__}: {str(error)[:60]}")
            continue
        growth = ratios(times)
        worst = max(growth, default=0.0)
        mean, since = mean_growth(times)
        verdict = "linear" if mean < GROWTH_LIMIT and len(times) == len(sizes) else "SUPERLINEAR"
        if len(times) < len(sizes):
            verdict += f" (stopped at {_size(times[-1][0])}: over {arguments.budget:g} s)"
        shown = " ".join(f"{ratio:.2f}" for ratio in growth)
        last_size, last_time = times[-1]
        # The other yardstick: a document of about 10 KB, of any shape, in well under a
        # second (the first size measured from 10 KB up).
        near_10_kb = next(((size, took) for size, took in times if size >= 10 * KB), None)
        small = (
            ""
            if near_10_kb is None
            else f"{_size(near_10_kb[0])} in {near_10_kb[1] * 1000:.1f} ms; "
        )
        print(
            f"{name:28} {verdict:11} growth {mean:4.2f} per doubling from {_size(since)}, "
            f"largest single {worst:4.2f}; {small}"
            f"{_size(last_size)} in {last_time * 1000:.1f} ms; ratios {shown}"
        )


if __name__ == "__main__":
    main()
