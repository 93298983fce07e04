"""``benchmarks/bench_catalog.py`` still runs and prints every measure, so that it cannot rot.

It needs pydantic and msgspec, which the ``bench`` extra installs and the ``test`` extra does not;
without them these tests are skipped. Nothing here looks at a time, only at what is printed.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path
from types import ModuleType

import pytest

pytest.importorskip("pydantic", reason="bench_catalog needs pydantic, from the 'bench' extra")
pytest.importorskip("msgspec", reason="bench_catalog needs msgspec, from the 'bench' extra")

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"

CELL = r"\d+\.\d ms +\d+\.\d\dx"
RATIO = r"\d+\.\d\dx"


@pytest.fixture
def bench(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    return importlib.import_module("bench_catalog")


def rows(lines: list[str], label: str, cell: str) -> list[str]:
    """The lines that show ``label`` followed by one ``cell`` per collector mode."""
    pattern = re.compile(rf" +{re.escape(label)} +{cell} +{cell}")
    return [line for line in lines if pattern.fullmatch(line)]


def test_the_catalog_benchmark_prints_every_measure_in_both_modes(
    bench: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    bench.main(["--size", "40", "--repeat", "1"])
    lines = capsys.readouterr().out.splitlines()

    assert re.fullmatch(
        r"40 exercises, 0\.1 MB of JSON; Python \S+, pydantic \S+, msgspec \S+; best of 1 round, "
        r"each measure timed with the garbage collector off and on",
        lines[0],
    )
    assert lines[1] == (
        "agreement: every contender refuses 41 hand-made faults and 3 catalogs with errors, "
        "and accepts 11 near misses and the valid catalog"
    )
    headings = [line.split() for line in lines if "gc off," in line]
    assert headings == [
        ["gc", "off,", "x", "json.loads", "gc", "on,", "x", "json.loads"],
        ["gc", "off,", "ratio", "gc", "on,", "ratio"],
        *[["gc", "off,", "x", "valid", "gc", "on,", "x", "valid"]] * 3,
    ]
    for label in (
        "json.loads (no validation)",
        "solpt_rehab.loads",
        "solpt_rehab.validate_text",
        "pydantic v2 model_validate_json",
        "msgspec.json.decode",
        "solpt_rehab.from_document (parsed)",
        "solpt_rehab.validate (parsed)",
        "for reference: pydantic, keys unchecked",
        "for reference: msgspec, keys unchecked",
    ):
        assert len(rows(lines, label, CELL)) == 1, label
    for label in (
        "vs pydantic: x as fast (target >= 1.5)",
        "vs json.loads: x the time (target <= 3)",
        "vs msgspec: x as fast",
    ):
        assert len(rows(lines, label, RATIO)) == 1, label
    groups = [line for line in lines if line.endswith(" problems):")]
    assert [group.split(" (")[0].strip() for group in groups] == [
        "1 exercise in 100 with an error",
        "only the last exercise with an error",
        "every exercise with an error",
    ]
    for call in ("validate_text", "loads"):
        assert len(rows(lines, f"solpt_rehab.{call} (target <= 3)", CELL)) == 3


def test_a_peer_that_accepts_a_repeated_key_stops_the_benchmark(
    bench: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    unchecked = (bench.PCatalog.model_validate_json, bench.PEERS["pydantic"][1])
    monkeypatch.setitem(bench.PEERS, "pydantic", unchecked)
    valid = bench.json.dumps(bench.catalog_document(4))

    with pytest.raises(AssertionError) as error:
        bench.check_agreement(valid, [])

    assert str(error.value) == "(a) a key repeated in the catalog object: accepted by pydantic"
