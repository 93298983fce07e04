"""``benchmarks/hostile.py`` still runs every family and prints a line for each, so it cannot rot.

Nothing here looks at a time, only at what is printed: the sizes are tiny, and the verdicts
(which compare times) are not asserted. The benchmark itself measures the growth.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path
from types import ModuleType

import pytest

pytest.importorskip("yaml", reason="the YAML families need the 'yaml' extra")

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


@pytest.fixture
def hostile(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    return importlib.import_module("hostile")


def test_every_family_runs_and_prints_its_ratios(
    hostile: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    hostile.main(["--min-size", "64", "--max-size", "256", "--min-time", "0", "--budget", "60"])
    lines = capsys.readouterr().out.splitlines()

    assert lines[0] == (
        "sizes 64 B to 256 B, doubling; best CPU time of a call in 3 rounds, garbage collector "
        "on; linear when the growth per doubling < 2.5"
    )
    names = [line.split()[0] for line in lines[1:]]
    assert names == list(hostile.FAMILIES)
    for line in lines[1:]:
        assert re.fullmatch(
            r"\S+ +(linear|SUPERLINEAR) +growth \d+\.\d\d per doubling from 64 B, largest "
            r"single \d+\.\d\d; 256 B in \d+\.\d ms; ratios \d+\.\d\d \d+\.\d\d",
            line,
        ), line


def test_one_family_can_be_chosen(hostile: ModuleType, capsys: pytest.CaptureFixture[str]) -> None:
    hostile.main(
        ["--family", "dose-space-run", "--min-size", "64", "--max-size", "128", "--min-time", "0"]
    )
    lines = capsys.readouterr().out.splitlines()

    assert [line.split()[0] for line in lines[1:]] == ["dose-space-run"]


def test_a_family_that_raises_is_reported_not_fatal(
    hostile: ModuleType, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(size: int) -> object:
        def run() -> None:
            raise ValueError(f"broken at {size}")

        return run

    monkeypatch.setitem(hostile.FAMILIES, "broken", broken)
    hostile.main(["--family", "broken", "--min-size", "64", "--max-size", "128"])

    assert capsys.readouterr().out.splitlines()[1:] == [
        f"{'broken':28} RAISES      ValueError: broken at 64"
    ]


def test_every_family_the_fuzz_harness_grows_is_measured_here(
    hostile: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.syspath_prepend(str(BENCHMARKS.parent / "fuzz"))
    harness = importlib.import_module("harness")

    assert sorted(set(harness.HOSTILE) - set(hostile.FAMILIES)) == []


def test_the_mean_growth_starts_where_calls_cost_a_millisecond(hostile: ModuleType) -> None:
    times = [(1024, 0.0001), (2048, 0.0005), (4096, 0.001), (8192, 0.002), (16384, 0.0064)]

    growth, since = hostile.mean_growth(times)

    assert (round(growth, 6), since) == (round(6.4**0.5, 6), 4096)
    assert hostile.mean_growth(times[:3]) == (10.0**0.5, 1024)
