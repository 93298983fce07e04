"""Load and validate real content: free-exercise-db's exercises, imported, as one catalog.

The synthetic catalog of ``bench_catalog.py`` repeats three exercises; this one reads the 868
exercises the free-exercise-db importer makes, written as one catalog document, with the same
contenders (pydantic from ``bench_catalog.py``, with its repeated-key check), each timed with the
garbage collector off and on. It also times validating the same text a second time with the prose
check's cache kept, which is what the cache is for (the collector paused, as ``timeit`` does).

Run it from a checkout with ../shared beside it (or give the file's path), with the ``bench``
extra installed::

    python benchmarks/bench_real_catalog.py [path/to/exercises.json]

It prints milliseconds; nothing is asserted.
"""

from __future__ import annotations

import functools
import json
import sys
import timeit
from collections.abc import Callable
from pathlib import Path

from bench_catalog import MODES, best_of, pydantic_read
from solpt_rehab import dumps, loads, validate_text
from solpt_rehab.importers.free_exercise_db import import_exercises
from solpt_rehab.prose._checking import may_state_dose

DEFAULT = (
    Path(__file__).resolve().parents[2] / "shared" / "data" / "free-exercise-db" / "exercises.json"
)


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    exercises = import_exercises(json.loads(path.read_text(encoding="utf-8"))).exercises
    text = dumps(exercises, indent=None)
    steps = [step.text for exercise in exercises for step in exercise.steps]
    print(
        f"{len(exercises)} exercises, {len(text) / 1e6:.2f} MB of JSON, {len(steps)} steps "
        f"({len(set(steps))} different, {sum(map(may_state_dose, steps))} may state a dose)"
    )
    measures: dict[str, Callable[[], object]] = {
        "json.loads (no validation)": functools.partial(json.loads, text),
        "solpt_rehab.loads": functools.partial(loads, text),
        "solpt_rehab.validate_text": functools.partial(validate_text, text),
        "pydantic v2 model_validate_json": functools.partial(pydantic_read, text),
    }
    times = best_of(measures, 9)  # the prose check's cache emptied before each run
    floor = "json.loads (no validation)"
    validate_text(text)
    again = min(timeit.repeat(functools.partial(validate_text, text), number=1, repeat=9))
    print(f"  {'':34}" + "".join(f"   {f'{mode}, x json.loads':>21}" for mode in MODES))
    for name in measures:
        cells = (
            f"{times[mode][name] * 1000:9.1f} ms {times[mode][name] / times[mode][floor]:6.2f}x"
            for mode in MODES
        )
        print(f"  {name:34}" + "".join(f"   {cell:>21}" for cell in cells))
    print(f"  {'validate_text again, cache kept':34}    {again * 1000:9.1f} ms (gc off)")


if __name__ == "__main__":
    main()
