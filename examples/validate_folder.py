"""Validate every .json file of a folder and print a summary.

Run it on a folder of third-party content::

    python3 examples/validate_folder.py path/to/folder

It prints each file's problems, then one summary line, and exits 1 when any file has an error.
Run without an argument, it writes a small sample folder to a temporary directory (a valid
exercise, a catalog with a duplicate id, a routine with a dose outside its range and a recorded
deviation, and a file that is not JSON at all), validates that, and exits 0: the sample's errors
are there on purpose.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from solpt_rehab import Report, catalog, dumps, validate_text


def write_sample(folder: Path) -> None:
    """Write four small documents, three of them with problems."""
    (folder / "lying-march.json").write_text(dumps(catalog.get("lying-march")), encoding="utf-8")
    twice = dumps((catalog.get("knees-to-chest"), catalog.get("knees-to-chest")))
    (folder / "catalog.json").write_text(twice, encoding="utf-8")
    (folder / "routine.json").write_text(
        """{
  "kind": "routine",
  "format_version": 2,
  "name": "Morning",
  "items": [
    {"exercise": "figure-4-stretch", "reps": 3, "side": "left", "hold_seconds": 40},
    {"exercise": "knees-to-chest", "reps": 6, "deviation": "tolerated well last week"}
  ]
}""",
        encoding="utf-8",
    )
    (folder / "notes.json").write_text("hold 20 to 30 seconds", encoding="utf-8")


def validate_folder(folder: Path) -> dict[Path, Report]:
    """Validate every .json file directly in ``folder``, in name order."""
    return {path: validate_text(path.read_bytes()) for path in sorted(folder.glob("*.json"))}


def report(reports: dict[Path, Report]) -> bool:
    """Print every problem and a summary; return whether every file is free of errors."""
    for path, found in reports.items():
        status = "ok" if found.ok else f"{len(found.errors)} error(s)"
        if found.warnings:
            status += f", {len(found.warnings)} warning(s)"
        print(f"{path.name}: {status}")
        for problem in found.problems:
            print(f"  {problem}")
    accepted = sum(1 for found in reports.values() if found.ok)
    print(f"{accepted} of {len(reports)} files accepted")
    return accepted == len(reports)


def main(argv: list[str]) -> int:
    """Validate the folder named in ``argv``, or a sample folder when there is none."""
    if argv:
        return 0 if report(validate_folder(Path(argv[0]))) else 1
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        write_sample(folder)
        print(
            f"(no folder given: validating a sample folder of {len(list(folder.iterdir()))} files)"
        )
        report(validate_folder(folder))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
