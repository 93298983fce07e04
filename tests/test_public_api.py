"""The public face: every public name is exported, sorted and documented."""

from __future__ import annotations

import enum
import inspect
import types
import typing

import attrs

import solpt_rehab
from solpt_rehab import catalog, handout


def test_all_is_sorted_and_every_name_exists() -> None:
    assert list(solpt_rehab.__all__) == sorted(solpt_rehab.__all__)
    for name in solpt_rehab.__all__:
        assert hasattr(solpt_rehab, name), name


def test_every_public_name_has_a_docstring() -> None:
    undocumented = []
    for module in (solpt_rehab, catalog, handout):
        for name in module.__all__:
            value = getattr(module, name)
            if isinstance(value, (str, enum.Enum)) or (
                not callable(value) and not isinstance(value, types.ModuleType)
            ):
                continue
            if not inspect.getdoc(value):
                undocumented.append(f"{module.__name__}.{name}")
            if inspect.isclass(value):
                undocumented.extend(
                    f"{module.__name__}.{name}.{attribute}"
                    for attribute, member in vars(value).items()
                    if not attribute.startswith("_")
                    and (inspect.isfunction(member) or isinstance(member, (property, classmethod)))
                    and not inspect.getdoc(member)
                )
    assert undocumented == []


def test_the_version_is_a_string() -> None:
    assert solpt_rehab.__version__ == "0.1.0"


def test_the_public_names_come_from_private_modules() -> None:
    for name in solpt_rehab.__all__:
        value = getattr(solpt_rehab, name)
        if inspect.isclass(value):
            assert value.__module__.startswith("solpt_rehab._"), name


def test_every_public_class_has_annotations_that_resolve() -> None:
    # Tools that read annotations (cattrs, pydantic's attrs support, IDEs) resolve them at run
    # time; every name an annotation uses must be importable where the class is defined.
    classes = [
        value
        for name in solpt_rehab.__all__
        if isinstance(value := getattr(solpt_rehab, name), type) and attrs.has(value)
    ]
    assert len(classes) >= 20
    for cls in classes:
        assert typing.get_type_hints(cls), cls
