"""``import solpt_rehab`` loads no optional dependency: they cost nothing until used."""

from __future__ import annotations

import subprocess
import sys

OPTIONAL = ("hypothesis", "yaml", "jsonschema", "pydantic", "msgspec", "pytest")


def test_importing_the_library_loads_no_optional_dependency() -> None:
    script = (
        "import sys, solpt_rehab, solpt_rehab.catalog\n"
        f"print(sorted({{m.split('.')[0] for m in sys.modules}} & set({OPTIONAL!r})))"
    )
    result = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
