"""Fuzz solpt_rehab's readers with atheris, for as long as you like.

Usage (from the repository root, with ``pip install -e '.[fuzz]'``)::

    python fuzz/run.py text     -max_total_time=3600 fuzz/corpus/text
    python fuzz/run.py document -max_total_time=3600
    python fuzz/run.py yaml     -runs=100000

The first argument names the check (see ``fuzz/harness.py``); the rest go to libFuzzer
(``-max_total_time``, ``-runs``, ``-jobs``, a corpus folder...). A corpus folder is seeded with
the catalog's and a routine's documents when it is empty. A broken promise or a crash stops the
run and leaves the input in a ``crash-*`` file; ``python fuzz/run.py text crash-...`` replays it.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def _seed(corpus: Path) -> None:
    from harness import SEEDS  # noqa: PLC0415 - imported under instrumentation, in main()
    from solpt_rehab import dumps, from_document  # noqa: PLC0415

    corpus.mkdir(parents=True, exist_ok=True)
    if any(corpus.iterdir()):
        return
    for number, document in enumerate(SEEDS):
        text = dumps(from_document(document))
        (corpus / f"seed-{number}.json").write_text(text, encoding="utf-8")


def main() -> None:
    """Run the named check under atheris with the remaining arguments for libFuzzer."""
    if len(sys.argv) < 2 or sys.argv[1] not in ("text", "yaml", "document"):  # noqa: PLR2004
        print(__doc__, file=sys.stderr)
        raise SystemExit(2)
    name = sys.argv.pop(1)

    import atheris  # noqa: PLC0415 - only the fuzzer needs it

    # Instrument solpt_rehab before anything imports it: coverage guides the fuzzer.
    with atheris.instrument_imports(include=["solpt_rehab", "harness"]):
        import harness  # noqa: PLC0415

    for argument in sys.argv[1:]:
        if not argument.startswith("-") and not Path(argument).is_file():
            _seed(Path(argument))
    atheris.Setup(sys.argv, harness.CHECKS[name])
    atheris.Fuzz()


if __name__ == "__main__":
    main()
