"""The command line at scale: documents per second, the speed-up of --jobs 2, peak memory.

Run from a checkout (check-jsonschema, from the ``bench`` extra, is the peer when installed)::

    python benchmarks/scale.py                      # 1,000 files; 100,000 and 1,000,000 lines
    python benchmarks/scale.py --files 200 --lines 2000 20000 --repeat 1   # a quick look

Everything runs in one go, each measure as a fresh ``solpt-rehab validate`` process (its wall
time and the peak resident memory of it and its workers, from ``wait4``), with the garbage
collector of the main process on and then off. The corpus is made here: exercise documents
(one in ten with an error) as files, and JSON Lines of routine and exercise documents (one line
in ten with an error). Nothing is asserted: ratios within one run are what to compare.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from solpt_rehab import catalog, dumps, json_schema

RUNNER = (
    "import gc, sys\n"
    "if sys.argv[1] == 'off': gc.disable()\n"
    "from solpt_rehab._cli import main\n"
    "sys.exit(main(sys.argv[2:]))\n"
)


def make_files(folder: Path, count: int) -> None:
    """``count`` exercise documents, one in ten with an error."""
    folder.mkdir(parents=True, exist_ok=True)
    good = dumps(catalog.get("lying-march"))
    bad = good.replace('"max_reps": 10', '"max_reps": 1')
    for number in range(count):
        (folder / f"{number:06}.json").write_text(bad if number % 10 == 10 - 1 else good, "utf-8")


def make_lines(path: Path, count: int) -> None:
    """``count`` lines: routines and exercises, one line in ten with an error."""
    exercise = json.dumps(json.loads(dumps(catalog.get("knees-to-chest"))))
    routine = json.dumps(
        {
            "kind": "routine",
            "format_version": 1,
            "name": "r",
            "items": [{"exercise": "lying-march", "reps": 8}],
        }
    )
    lines = [routine] * 8 + [exercise, routine.replace('"reps": 8', '"reps": 80')]
    with path.open("w", encoding="utf-8") as out:
        for number in range(count):
            out.write(lines[number % 10] + "\n")


def measure(command: Sequence[str]) -> tuple[float, float]:
    """Wall seconds and peak resident MiB of a process (its largest worker's, if larger)."""
    start = time.perf_counter()
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and tools
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, _, usage = os.wait4(process.pid, 0)
    process.returncode = 0
    wall = time.perf_counter() - start
    return wall, usage.ru_maxrss / 1024


def ours(gc: str, *args: str) -> list[str]:
    """The command line of a run of ours, with the garbage collector ``on`` or ``off``."""
    return [sys.executable, "-c", RUNNER, gc, "validate", "--quiet", *args]


def best(command: Sequence[str], repeat: int) -> tuple[float, float]:
    """The fastest of ``repeat`` runs and the largest peak memory."""
    runs = [measure(command) for _ in range(repeat)]
    return min(wall for wall, _ in runs), max(peak for _, peak in runs)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--lines", type=int, nargs=2, default=[100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores; best of {args.repeat}")
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        make_files(root / "files", args.files)
        small, large = args.lines
        make_lines(root / "small.jsonl", small)
        make_lines(root / "large.jsonl", large)
        schema = root / "schema.json"
        schema.write_text(json.dumps(json_schema()), encoding="utf-8")
        files = sorted(str(path) for path in (root / "files").iterdir())
        peer = shutil.which("check-jsonschema")
        for gc in ("on", "off"):
            print(f"\ngarbage collector {gc} (in the main process)")
            one, _ = best(ours(gc, str(root / "files")), args.repeat)
            two, _ = best(ours(gc, "--jobs", "2", str(root / "files")), args.repeat)
            print(f"  {args.files} files, --jobs 1   {args.files / one:>10,.0f} documents/s")
            print(
                f"  {args.files} files, --jobs 2   {args.files / two:>10,.0f} documents/s"
                f"   speed-up {one / two:.2f}x"
            )
            if peer is not None:
                theirs, _ = best([peer, "--schemafile", str(schema), *files], args.repeat)
                print(
                    f"  check-jsonschema, same files {args.files / theirs:>10,.0f} documents/s"
                    f"   ours is {theirs / one:.2f}x as fast"
                )
            for path, count in (("small.jsonl", small), ("large.jsonl", large)):
                one, peak_one = best(ours(gc, str(root / path)), 1)
                two, peak_two = best(ours(gc, "--jobs", "2", str(root / path)), 1)
                print(
                    f"  {count:>9,} lines, --jobs 1  {count / one:>10,.0f} documents/s"
                    f"   peak {peak_one:.0f} MiB"
                )
                print(
                    f"  {count:>9,} lines, --jobs 2  {count / two:>10,.0f} documents/s"
                    f"   peak {peak_two:.0f} MiB   speed-up {one / two:.2f}x"
                )
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"\n(the benchmark's own peak, making the corpus: {own} MiB)")


if __name__ == "__main__":
    main()
