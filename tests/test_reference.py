"""The API reference (docs/reference.md) covers every public name.

Two checks. The sources: every public module has an ``automodule`` with ``:members:`` (which
documents the names of its ``__all__``), and the names ``:members:`` leaves out (dunders such as
``__version__``, and submodules) are written out. The build: every public name is an object of the
built site's inventory, ``objects.inv``. Building takes Sphinx (the ``docs`` extra), so the second
check reads the inventory when it exists and skips otherwise; CI builds the docs and then runs this
module with ``SOLPT_REHAB_DOCS_INVENTORY`` set, which turns the skip into a failure.
"""

from __future__ import annotations

import enum
import importlib
import os
import pkgutil
import re
import types
import zlib
from pathlib import Path

import pytest

import solpt_rehab

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
INVENTORY = DOCS / "_build" / "html" / "objects.inv"
BUILD = "python -m sphinx -W --keep-going -n -b html docs docs/_build/html"


def public_modules() -> list[types.ModuleType]:
    """The package and every module below it with no part of its name starting with ``_``."""
    names = [
        info.name
        for info in pkgutil.walk_packages(solpt_rehab.__path__, prefix="solpt_rehab.")
        if not any(part.startswith("_") for part in info.name.split("."))
    ]
    return [solpt_rehab, *(importlib.import_module(name) for name in sorted(names))]


def public_names() -> list[str]:
    """Every public name, fully qualified, and the members of the public enumerations.

    The names are those of each public module's ``__all__``; an enumeration's members are its
    values, which a reader comes to the reference to find.
    """
    names = []
    for module in public_modules():
        for name in module.__all__:
            names.append(f"{module.__name__}.{name}")
            value = getattr(module, name)
            if isinstance(value, type) and issubclass(value, enum.Enum):
                names.extend(f"{module.__name__}.{name}.{member.name}" for member in value)
    return names


def reference_sources() -> str:
    """The text of the reference pages: docs/reference.md and anything under docs/reference/."""
    pages = [DOCS / "reference.md", *sorted((DOCS / "reference").glob("**/*.md"))]
    return "\n".join(page.read_text(encoding="utf-8") for page in pages if page.is_file())


def automodules(text: str) -> dict[str, str]:
    """Each ``.. automodule::`` of the reference with the option lines under it."""
    found = re.finditer(r"^\.\. automodule:: (\S+)\n((?:[ \t]+:.*\n)*)", text, flags=re.MULTILINE)
    return {match[1]: match[2] for match in found}


def read_inventory(path: Path) -> set[str]:
    """The names of the Python objects in a Sphinx inventory (version 2, zlib-compressed)."""
    data = path.read_bytes()
    header, _, body = data.partition(b"\n")
    assert header == b"# Sphinx inventory version 2", header
    for _ in range(3):
        _, _, body = body.partition(b"\n")
    names = set()
    for line in zlib.decompress(body).decode("utf-8").splitlines():
        match = re.match(r"(.+?)\s+(py:\S+)\s+-?\d+\s", line)
        if match:
            names.add(match[1])
    return names


def test_every_public_module_has_an_all() -> None:
    assert [m.__name__ for m in public_modules() if not hasattr(m, "__all__")] == []


def test_every_public_module_is_an_automodule_with_its_members() -> None:
    documented = automodules(reference_sources())
    missing = [m.__name__ for m in public_modules() if m.__name__ not in documented]
    without_members = [
        name for name, options in documented.items() if ":members:" not in options.split()
    ]
    assert (missing, without_members) == ([], [])


def test_the_names_members_leaves_out_are_written_out() -> None:
    # autodoc's :members: documents the names of __all__ but neither dunders nor submodules.
    text = reference_sources()
    documented = automodules(text)
    left_out = []
    for module in public_modules():
        for name in module.__all__:
            value = getattr(module, name)
            if isinstance(value, types.ModuleType):
                if value.__name__ not in documented:
                    left_out.append(value.__name__)
            elif name.startswith("__") and not re.search(
                rf"^\.\. (?:py:data|autodata):: (?:{re.escape(module.__name__)}\.)?{name}$",
                text,
                flags=re.MULTILINE,
            ):
                left_out.append(f"{module.__name__}.{name}")
    assert left_out == []


def test_every_public_name_is_in_the_built_reference() -> None:
    required = os.environ.get("SOLPT_REHAB_DOCS_INVENTORY")
    path = Path(required) if required else INVENTORY
    if not path.is_file():
        if required:
            pytest.fail(f"SOLPT_REHAB_DOCS_INVENTORY names no file: {path}")
        pytest.skip(f"the docs are not built (build them with: {BUILD})")
    inventory = read_inventory(path)
    missing = sorted(set(public_names()) - inventory)
    assert missing == [], f"not in {path} (rebuild the docs if it is stale: {BUILD})"
