"""The README's set-up commands are the ones CI runs, and its code runs."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
TEST_COMMAND = "python3 -m pip install -e '.[test]' && python3 -m pytest"


def _blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, flags=re.DOTALL)


def test_the_readme_has_exactly_two_set_up_commands() -> None:
    assert [block.strip() for block in _blocks("sh")] == [
        "python3 -m pip install . && python3 -m solpt_rehab routine --painful-side left",
        TEST_COMMAND,
    ]


def test_ci_runs_the_readmes_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert TEST_COMMAND in ci


def test_the_readmes_python_runs() -> None:
    for block in _blocks("python"):
        exec(compile(block, "README.md", "exec"), {})  # noqa: S102 - our own documentation


def test_the_readmes_relative_links_lead_to_files_of_the_project() -> None:
    targets = re.findall(r"\]\(([^)]+)\)", README)
    relative = [target for target in targets if "://" not in target]
    assert relative, "the README links to its docs"
    assert [target for target in relative if not (ROOT / target).is_file()] == []
