"""Importers of third-party exercise content.

Each importer is a public submodule that reads one source's format into
:class:`~solpt_rehab.Exercise` values and a report of what it mapped, read from prose, or left
unknown:

* :mod:`solpt_rehab.importers.free_exercise_db`: free-exercise-db's JSON (public domain).

.. versionadded:: 0.1.0
"""

__all__: list[str] = []
