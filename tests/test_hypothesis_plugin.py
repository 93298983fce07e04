"""The ``hypothesis`` entry point: st.from_type works for every public model type."""

from __future__ import annotations

import enum
import importlib.metadata
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import find, given
from hypothesis import strategies as st

import solpt_rehab
from solpt_rehab import strategies
from solpt_rehab._hypothesis_plugin import REGISTERED, _hypothesis_setup_hook

ROOT = Path(__file__).resolve().parent.parent
HOOK = "solpt_rehab._hypothesis_plugin:_hypothesis_setup_hook"

#: Values the library computes rather than a user builds: draw a routine or a document and ask
#: (or a routine and its logs, for an adherence report).
COMPUTED = {
    "Problem",
    "Report",
    "Cue",
    "SessionDuration",
    "LocatedProblem",
    "Adherence",
    "ExerciseAdherence",
    "PainRecord",
    "WeekAdherence",
}

#: Every public attrs class whose values a user builds, and every public enumeration.
MODEL_TYPES: list[type[Any]] = [
    value
    for value in (getattr(solpt_rehab, name) for name in solpt_rehab.__all__)
    if attrs.has(value) and value.__name__ not in COMPUTED
]
ENUM_TYPES: list[type[Any]] = [
    value
    for value in (getattr(solpt_rehab, name) for name in solpt_rehab.__all__)
    if isinstance(value, type) and issubclass(value, enum.Enum)
]


def test_the_entry_point_is_declared_in_the_hypothesis_group() -> None:
    points = importlib.metadata.entry_points(group="hypothesis")
    ours = [point for point in points if point.value == HOOK]
    assert [(point.name, point.load()) for point in ours] == [("_", _hypothesis_setup_hook)]


def test_every_public_model_type_is_registered_with_its_strategy() -> None:
    assert sorted(kind.__name__ for kind in MODEL_TYPES) == sorted(
        kind.__name__ for kind in REGISTERED
    )
    assert set(REGISTERED.values()) <= set(strategies.__all__)


@pytest.mark.parametrize("kind", MODEL_TYPES + ENUM_TYPES, ids=lambda kind: kind.__name__)
@given(data=st.data())
def test_from_type_draws_valid_values_of_every_public_type(
    kind: type[Any], data: st.DataObject
) -> None:
    value = data.draw(st.from_type(kind))
    assert isinstance(value, kind)
    if attrs.has(kind):
        assert attrs.evolve(value) == value  # the constructor's checks pass


def test_calling_the_hook_again_is_harmless() -> None:
    _hypothesis_setup_hook()
    _hypothesis_setup_hook()
    assert find(st.from_type(solpt_rehab.Hold), lambda _: True) == solpt_rehab.Hold.fixed(1)


def test_importing_hypothesis_does_not_import_the_strategies_module() -> None:
    code = "import sys, hypothesis; print('solpt_rehab.strategies' in sys.modules)"
    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout == "False\n"


FRESH_SCRIPT = textwrap.dedent(
    """
    import sys
    import warnings

    import solpt_rehab

    assert "hypothesis" not in sys.modules, "import solpt_rehab must not import hypothesis"
    assert solpt_rehab.__file__.startswith(sys.prefix), solpt_rehab.__file__

    from hypothesis import strategies as st
    from hypothesis.errors import NonInteractiveExampleWarning

    from solpt_rehab import Exercise, Routine

    # .example() is meant for a console; in a script Hypothesis says so, which is fine here.
    warnings.simplefilter("ignore", NonInteractiveExampleWarning)

    exercise = st.from_type(Exercise).example()
    routine = st.from_type(Routine).example()
    print(type(exercise).__name__, type(routine).__name__)
    """
)


@pytest.mark.slow
def test_from_type_works_in_a_fresh_virtual_environment(tmp_path: Path) -> None:
    """Install the checkout with its hypothesis extra into a plain venv, nothing inherited."""
    venv = tmp_path / "venv"
    subprocess.run(  # noqa: S603 - the running interpreter's venv module
        [sys.executable, "-m", "venv", str(venv)], check=True, timeout=120
    )
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "HYPOTHESIS_NO_PLUGINS"}
    }
    install = subprocess.run(  # noqa: S603 - pip of the venv made above
        [str(python), "-m", "pip", "install", "--quiet", f"{ROOT}[hypothesis]"],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
        env=environment,
        cwd=tmp_path,
    )
    assert install.returncode == 0, install.stderr
    run = subprocess.run(  # noqa: S603 - the venv's python and our own script
        [str(python), "-W", "error", "-c", FRESH_SCRIPT],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env=environment,
        cwd=tmp_path,
    )
    assert (run.returncode, run.stderr, run.stdout) == (0, "", "Exercise Routine\n")
