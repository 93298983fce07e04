"""The Dask example: dask.bag with two local processes gives exactly the serial run's reports."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from solpt_rehab import catalog, dumps, validate_jsonl

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "validate_jsonl_dask.py"

dask = pytest.importorskip("dask", reason="the dask extra is not installed")


def load_example() -> object:
    spec = importlib.util.spec_from_file_location("validate_jsonl_dask", EXAMPLE)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_dask_with_two_processes_gives_the_serial_reports(tmp_path: Path) -> None:
    good = json.dumps(json.loads(dumps(catalog.get("knees-to-chest"))))
    lines = [
        good,
        "{}",
        "",
        '{"kind": "routine", "format_version": 1, "name": "r", "items": []}',
        good.replace('"max_reps": 5', '"max_reps": 2'),
        "[1, 2",
        good.replace('"name"', '"nmae"'),
    ] * 300
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    example = load_example()
    # Small partitions: many of them, spread over the two processes.
    reports = example.dask_reports(corpus, workers=2, blocksize=16 * 1024)  # type: ignore[attr-defined]
    with corpus.open("rb") as stream:
        serial = list(validate_jsonl(stream))
    assert reports == serial
    assert len(reports) == 2100
    assert [report.codes for report in reports[:7]] == [
        (),
        ("missing-key", "missing-key"),
        ("empty-document",),
        ("empty-array",),
        ("range-inverted",),
        ("malformed-json",),
        ("missing-key", "missing-key", "unknown-key", "unknown-key"),
    ]
