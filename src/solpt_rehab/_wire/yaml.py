"""YAML input, through the optional ``yaml`` extra (PyYAML), read safely.

PyYAML's safe loader builds only plain values (no Python objects). On top of it:

* aliases (``*name``) are refused, code ``yaml-alias``: an alias bomb ("billion laughs") is a few
  lines of aliases that expand into a huge value, and the wire format never needs one;
* a key twice in one mapping is reported (``duplicate-key``, with its path), where PyYAML would
  keep the last value silently;
* nesting too deep for the parser is ``too-deep``, malformed text ``malformed-yaml``, each with the
  line and column.

This module imports PyYAML at its top, and is itself imported only when YAML is asked for.
"""

from __future__ import annotations

from typing import Any

import yaml

from .._core.problems import Problem, problem
from .markers import UNSOUND, DuplicateKeys, mapping_of

__all__ = ["parse_yaml"]


class _AliasRefusedError(Exception):
    def __init__(self, mark: Any) -> None:
        super().__init__("alias")
        self.mark = mark


class _Loader(yaml.SafeLoader):
    """PyYAML's safe loader, refusing aliases before they are resolved."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            raise _AliasRefusedError(self.peek_event().start_mark)  # type: ignore[no-untyped-call]
        return super().compose_node(parent, index)


def _where(mark: Any) -> str:
    return f"line {mark.line + 1} column {mark.column + 1}"


class _Builder:
    def __init__(self, loader: _Loader) -> None:
        self.loader = loader
        self.clean = True

    def build(self, node: yaml.Node) -> Any:
        if isinstance(node, yaml.MappingNode):
            pairs = [(self.key(self.build(key)), self.build(value)) for key, value in node.value]
            result = mapping_of(pairs)
            if type(result) is DuplicateKeys:
                self.clean = False
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.build(element) for element in node.value]
        return self.loader.construct_object(node, deep=True)

    @staticmethod
    def key(key: Any) -> Any:
        try:
            hash(key)
        except TypeError:  # a mapping or a sequence used as a key
            return repr(key)
        return key


def parse_yaml(text: str) -> tuple[Any, list[Problem], bool]:  # noqa: PLR0911 - one per outcome
    """Parse YAML text: the value (``UNSOUND`` when none), its problems, and whether it is clean."""
    try:
        loader = _Loader(text)  # the reader refuses control characters such as NUL right away
    except yaml.reader.ReaderError as error:
        character = error.character
        shown = chr(character) if isinstance(character, int) else character
        return (
            UNSOUND,
            [
                problem(
                    (),
                    "malformed-yaml",
                    f"the text is not YAML: the character {shown!r} at position "
                    f"{error.position} is not allowed",
                )
            ],
            False,
        )
    try:
        node = loader.get_single_node()
        if node is None:
            return (
                UNSOUND,
                [problem((), "empty-document", "the text is empty: there is no document")],
                False,
            )
        builder = _Builder(loader)
        value = builder.build(node)
    except _AliasRefusedError as error:
        return (
            UNSOUND,
            [
                problem(
                    (),
                    "yaml-alias",
                    f"YAML aliases are refused, since one can expand without bound: an alias at "
                    f"{_where(error.mark)}",
                )
            ],
            False,
        )
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        at = f" at {_where(mark)}" if mark is not None else ""
        reason = error.problem or error.context or "unreadable"
        return (
            UNSOUND,
            [problem((), "malformed-yaml", f"the text is not YAML: {reason}{at}")],
            False,
        )
    except yaml.YAMLError as error:
        return UNSOUND, [problem((), "malformed-yaml", f"the text is not YAML: {error}")], False
    except RecursionError:
        return (
            UNSOUND,
            [
                problem(
                    (),
                    "too-deep",
                    "sequences and mappings are nested more deeply than the parser can follow",
                )
            ],
            False,
        )
    finally:
        loader.dispose()
    return value, [], builder.clean
