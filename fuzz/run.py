"""Fuzz solpt_rehab's readers with atheris, for as long as you like.

Usage (from the repository root, with ``pip install -e '.[fuzz]'``)::

    python fuzz/run.py text     -max_total_time=3600 fuzz/corpus/text
    python fuzz/run.py document -max_total_time=3600
    python fuzz/run.py yaml     -runs=100000
    python fuzz/run.py hostile  -max_total_time=3600 fuzz/corpus/hostile

The first argument names the check (see ``fuzz/harness.py``); the rest go to libFuzzer
(``-max_total_time``, ``-runs``, ``-jobs``, a corpus folder...). An empty corpus folder is
seeded: the text and document checks with the catalog's and a routine's documents and the JSON
hostile families, the yaml check with the YAML ones, the hostile check with the choice of each
family at a few sizes. Unless told otherwise, libFuzzer is given ``-timeout=10``: an input that
takes longer than 10 s is a failure, as a crash is (the promise of bounded time), and
``-rss_limit_mb=2048``. A failure stops the run and leaves the input in a ``crash-*`` or
``timeout-*`` file; ``python fuzz/run.py text crash-...`` replays it.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def _seed(corpus: Path, check: str) -> None:
    from harness import (  # noqa: PLC0415 - imported under instrumentation, in main()
        SEEDS,
        hostile_choice,
        hostile_seeds,
    )
    from solpt_rehab import dumps, from_document  # noqa: PLC0415

    corpus.mkdir(parents=True, exist_ok=True)
    if any(corpus.iterdir()):
        return
    seeds: dict[str, bytes] = {}
    if check in ("text", "document"):
        for number, document in enumerate(SEEDS):
            seeds[f"seed-{number}.json"] = dumps(from_document(document)).encode()
    if check == "hostile":
        for name in hostile_seeds():
            for repeats in (10, 1000, 30000):
                seeds[f"hostile-{name}-{repeats}"] = hostile_choice(name, repeats)
    else:
        wanted = "yaml" if check == "yaml" else "json"
        for name, (text, reader) in hostile_seeds().items():
            if reader == wanted:
                seeds[f"hostile-{name}.{wanted}"] = text
    for name, data in seeds.items():
        (corpus / name).write_bytes(data)


#: libFuzzer's options that the harness gives unless the command line does.
DEFAULTS = {"-timeout": "10", "-rss_limit_mb": "2048"}


def main() -> None:
    """Run the named check under atheris with the remaining arguments for libFuzzer."""
    if len(sys.argv) < 2 or sys.argv[1] not in ("text", "yaml", "document", "hostile"):  # noqa: PLR2004
        print(__doc__, file=sys.stderr)
        raise SystemExit(2)
    name = sys.argv.pop(1)

    import atheris  # noqa: PLC0415 - only the fuzzer needs it

    # Instrument solpt_rehab before anything imports it: coverage guides the fuzzer.
    with atheris.instrument_imports(include=["solpt_rehab", "harness"]):
        import harness  # noqa: PLC0415

    for argument in sys.argv[1:]:
        if not argument.startswith("-") and not Path(argument).is_file():
            _seed(Path(argument), name)
    given = {argument.split("=", 1)[0] for argument in sys.argv[1:]}
    sys.argv.extend(
        f"{option}={value}" for option, value in DEFAULTS.items() if option not in given
    )
    atheris.Setup(sys.argv, harness.CHECKS[name])
    atheris.Fuzz()


if __name__ == "__main__":
    main()
