"""Validate a JSON Lines corpus with Dask: dask.bag over partitions, the serial run's reports.

Usage: python examples/validate_jsonl_dask.py [CORPUS.jsonl]

Without a file it writes a small corpus of its own (every seventh line broken). Each line goes
through ``validate_text``, a pure function of the line whose ``Report`` pickles, so any engine
that maps a function over lines can run it; here ``dask.bag.read_text`` cuts the file into
partitions by bytes and two worker processes validate them. Dask keeps the lines in order, so the
n-th report is line n's: exactly what ``validate_jsonl`` gives serially, which the script checks.
Needs the ``dask`` extra: ``pip install 'solpt_rehab[dask]'``.
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from solpt_rehab import Report, catalog, dumps, validate_jsonl, validate_text

BROKEN_EVERY = 7


def write_corpus(path: Path, lines: int) -> None:
    """A corpus of exercise documents, one a line; every seventh has no ``kind``."""
    good = json.loads(dumps(catalog.get("lying-march")))
    bad = {key: value for key, value in good.items() if key != "kind"}
    with path.open("w", encoding="utf-8") as out:
        for number in range(lines):
            out.write(json.dumps(bad if number % BROKEN_EVERY == 3 % BROKEN_EVERY else good) + "\n")


def dask_reports(path: Path, *, workers: int = 2, blocksize: int = 64 * 1024) -> list[Report]:
    """Every line's report, from Dask's local process scheduler."""
    import dask.bag  # noqa: PLC0415 - the optional extra, imported on use

    lines = dask.bag.read_text(str(path), blocksize=blocksize)  # type: ignore[no-untyped-call]
    reports: list[Report] = lines.map(validate_text).compute(
        scheduler="processes", num_workers=workers
    )
    return reports


def main(argv: Sequence[str]) -> int:
    try:
        import dask  # noqa: F401, PLC0415 - only to know whether the extra is there
    except ModuleNotFoundError:
        print("this example needs Dask: pip install 'solpt_rehab[dask]'")
        return 0
    with tempfile.TemporaryDirectory() as folder:
        if len(argv) > 1:
            path = Path(argv[1])
        else:
            path = Path(folder) / "corpus.jsonl"
            write_corpus(path, 2000)
        reports = dask_reports(path)
        with path.open("rb") as lines:
            if reports != list(validate_jsonl(lines)):
                print("Dask and the serial run disagree", file=sys.stderr)
                return 1
        bad = [(number, report) for number, report in enumerate(reports, 1) if not report.ok]
        for number, report in bad[:3]:
            for found in report.problems:
                print(f"{path.name}:{number}: {found}")
        print(f"{len(reports)} documents, {len(bad)} with errors; the same as the serial run")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
