"""The pre-commit hook: what it declares, which files it takes, and that its entry runs."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import yaml

from solpt_rehab import catalog, dumps

ROOT = Path(__file__).resolve().parent.parent


def test_the_hook_runs_the_validator_on_content_files() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hooks == [
        {
            "id": "solpt-rehab-validate",
            "name": "solpt-rehab validate",
            "description": (
                "Validate exercise, catalog and routine documents (JSON, JSON Lines, YAML)."
            ),
            "entry": "solpt-rehab validate --quiet",
            "language": "python",
            "files": r"\.(json|jsonl|ya?ml)$",
            "types": ["file"],
        }
    ]
    files = re.compile(hooks[0]["files"])
    names = ["a.json", "b/c.jsonl", "d.yaml", "e.yml", "f.json5", "g.txt", "h.json.bak"]
    assert [name for name in names if files.search(name)] == [
        "a.json",
        "b/c.jsonl",
        "d.yaml",
        "e.yml",
    ]


def test_the_hooks_entry_takes_file_names_as_pre_commit_passes_them(tmp_path: Path) -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    good, bad = tmp_path / "good.json", tmp_path / "bad.json"
    good.write_text(dumps(catalog.get("lying-march")), encoding="utf-8")
    bad.write_text("{}", encoding="utf-8")
    command = shlex.split(hooks[0]["entry"])
    assert command[0] == "solpt-rehab"
    result = subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "solpt_rehab", *command[1:], str(good), str(bad)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert (result.returncode, result.stderr) == (1, "")
    assert result.stdout.splitlines() == [
        f"{bad}:1:1: error missing-key: missing required key 'kind' (at /kind)",
        f"{bad}:1:1: error missing-key: missing required key 'format_version' (at /format_version)",
    ]
