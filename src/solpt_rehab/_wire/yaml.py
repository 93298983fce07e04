"""YAML input, through the optional ``yaml`` extra (PyYAML), read safely.

PyYAML's safe loader builds only plain values (no Python objects); libyaml's C loader does the
parsing and composing when PyYAML was built with it (several times faster on large text), the
pure-Python one otherwise, with the same answers. On top of it:

* aliases (``*name``) are refused, code ``yaml-alias``: an alias bomb ("billion laughs") is a few
  lines of aliases that expand into a huge value, and the wire format never needs one;
* tags beyond the plain types (``!!python/object/apply:...``, ``!custom``, ``!!set``) are refused,
  code ``yaml-tag``, on scalars, sequences and mappings alike: none is dropped silently;
* a key twice in one mapping is reported (``duplicate-key``, with its path), where PyYAML would
  keep the last value silently; keys of different types are different keys (``1`` and ``true``
  are equal in Python, not in YAML);
* an integer of any length is read: one beyond a float's range is ``number-too-large`` at its path,
  without converting its digits (Python refuses to convert more than 4,300 decimal digits, and
  takes quadratic time to convert many);
* nesting too deep for the parser is ``too-deep``, malformed text ``malformed-yaml``, each with the
  line and column.

This module imports PyYAML at its top, and is itself imported only when YAML is asked for.
"""

from __future__ import annotations

from typing import Any, Final

import yaml

from .._core.problems import Problem, problem
from .._model.rules import show
from .markers import UNSOUND, BadNumber, DuplicateKeys, mapping_of

__all__ = ["YamlKey", "parse_yaml"]


class _AliasRefusedError(Exception):
    def __init__(self, mark: Any) -> None:
        super().__init__("alias")
        self.mark = mark


class _TagRefusedError(Exception):
    def __init__(self, node: yaml.Node) -> None:
        super().__init__("tag")
        self.tag = node.tag
        self.mark = node.start_mark


class _ValueRefusedError(Exception):
    def __init__(self, node: yaml.Node) -> None:
        super().__init__("value")
        self.tag = node.tag
        self.value = node.value
        self.mark = node.start_mark


class _Resolving:
    """The implicit typing of plain scalars, in linear time for a scalar of any length.

    YAML 1.1 reads ``1:30`` as a number in base 60 (90), and PyYAML's patterns for it repeat a
    group once per place, which Python's ``re`` runs keeping a state per repetition: a scalar of
    half a million places took six times as long as one of half as many. A base-60 number of
    more than :data:`_LONGEST_INT` characters is far beyond a float anyway, so such a scalar is
    read as the text it is (and refused as the wrong type where a number belongs).
    """

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is yaml.ScalarNode and implicit[0] and len(value) > _LONGEST_INT and ":" in value:
            return _STR_TAG
        return super().resolve(kind, value, implicit)  # type: ignore[misc]


class _PythonLoader(_Resolving, yaml.SafeLoader):
    """PyYAML's pure-Python safe loader, refusing aliases before they are resolved."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            raise _AliasRefusedError(self.peek_event().start_mark)  # type: ignore[no-untyped-call]
        return super().compose_node(parent, index)


_C_SAFE_LOADER: type[Any] | None = getattr(yaml, "CSafeLoader", None)
#: libyaml's loader, composed in C: it resolves aliases itself, into a node met twice, which the
#: builder refuses; the pure-Python loader then finds where the alias stands, for the message.
_CLoader: type[Any] | None = (
    None
    if _C_SAFE_LOADER is None
    else type("_CLoader", (_Resolving, _C_SAFE_LOADER), {"__doc__": "libyaml's safe loader."})
)

#: The tags of the values the builder makes: the plain scalars PyYAML's safe loader constructs,
#: plain sequences and plain mappings. Dates and bytes are built, for the validator to refuse as
#: the wrong type with their path.
_SCALAR_TAGS: Final = frozenset(
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "timestamp", "binary")
)
_SEQUENCE_TAG: Final = "tag:yaml.org,2002:seq"
_MAPPING_TAG: Final = "tag:yaml.org,2002:map"
_INT_TAG: Final = "tag:yaml.org,2002:int"
_STR_TAG: Final = "tag:yaml.org,2002:str"
#: More significant characters than this, and an integer is beyond a float's range in every base
#: YAML writes (2**1100 is, and every other base grows faster, sexagesimal's "1:00" included).
_LONGEST_INT: Final = 1100


def _where(mark: Any) -> str:
    return f"line {mark.line + 1} column {mark.column + 1}"


def _beyond_float(text: str) -> bool:
    """Whether a YAML integer's text is too long for any float, leading zeros aside."""
    if len(text) <= _LONGEST_INT:
        return False
    digits = text.replace("_", "").lstrip("+-")
    if digits[:2].lower() in ("0b", "0x", "0o"):
        digits = digits[2:]
    return len(digits.lstrip("0:")) > _LONGEST_INT


class YamlKey(str):
    """A mapping key that YAML typed as something other than a string (``1``, ``true``, ``~``).

    It is a key of its own: unequal to the string of its text (``"1"``) and to keys of other
    types that Python holds equal (``1`` and ``true``). Its ``str`` is the value's (the pointer
    token), its ``repr`` the value's repr (for messages).
    """

    __slots__ = ("value",)
    value: object

    def __new__(cls, value: object) -> YamlKey:
        """A key for ``value``."""
        key = super().__new__(cls, str(value))
        key.value = value
        return key

    def __eq__(self, other: object) -> bool:
        return (
            type(other) is YamlKey
            and type(self.value) is type(other.value)
            and self.value == other.value
        )

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __hash__(self) -> int:
        return hash((YamlKey, type(self.value), self.value))

    def __repr__(self) -> str:
        return repr(self.value)


class _Builder:
    """Builds plain values from composed nodes, refusing aliases and tags it does not know."""

    def __init__(self, loader: Any) -> None:
        self.loader = loader
        self.clean = True
        self.seen: set[int] = set()

    def build(self, node: yaml.Node) -> Any:
        if id(node) in self.seen:  # a node met twice: libyaml resolved an alias to it
            raise _AliasRefusedError(node.start_mark)
        self.seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            if node.tag != _MAPPING_TAG:
                raise _TagRefusedError(node)
            pairs = [(self.key(self.build(key)), self.build(value)) for key, value in node.value]
            result = mapping_of(pairs)
            if type(result) is DuplicateKeys:
                self.clean = False
            return result
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQUENCE_TAG:
                raise _TagRefusedError(node)
            return [self.build(element) for element in node.value]
        if node.tag not in _SCALAR_TAGS:
            raise _TagRefusedError(node)
        if node.tag == _INT_TAG and _beyond_float(node.value):
            self.clean = False
            return BadNumber(
                node.value, "number-too-large", "is beyond the range of a 64-bit float"
            )
        try:
            return self.loader.construct_object(node, deep=True)
        except (ValueError, KeyError, AttributeError, TypeError) as error:
            # An explicit tag on text it cannot hold ("!!int abc", "!!bool maybe"): PyYAML's
            # constructors fail with whatever the conversion raised.
            raise _ValueRefusedError(node) from error

    @staticmethod
    def key(key: Any) -> Any:
        if isinstance(key, str):
            return key
        try:
            hash(key)
        except TypeError:  # a mapping or a sequence used as a key
            return repr(key)
        return YamlKey(key)


def _reader_problem(error: yaml.reader.ReaderError) -> Problem:
    character = error.character
    shown = chr(character) if isinstance(character, int) else character
    return problem(
        (),
        "malformed-yaml",
        f"the text is not YAML: the character {shown!r} at position {error.position} is not "
        "allowed",
    )


def _alias_problem(mark: Any) -> Problem:
    return problem(
        (),
        "yaml-alias",
        f"YAML aliases are refused, since one can expand without bound: an alias at {_where(mark)}",
    )


def _first_alias(text: str) -> Any:
    """Where the first alias of ``text`` stands, found by the pure-Python loader's events."""
    loader = _PythonLoader(text)
    try:
        loader.get_single_node()
    except _AliasRefusedError as error:
        return error.mark
    finally:
        loader.dispose()
    raise AssertionError("libyaml met a node twice, but the text has no alias")  # pragma: no cover


def parse_yaml(text: str) -> tuple[Any, list[Problem], bool]:
    """Parse YAML text: the value (``UNSOUND`` when none), its problems, and whether it is clean."""
    try:
        return _parse(text, _CLoader or _PythonLoader)
    except _AliasRefusedError as error:
        if _CLoader is not None:  # the mark is the node's, not the alias's: find the alias
            return UNSOUND, [_alias_problem(_first_alias(text))], False
        return UNSOUND, [_alias_problem(error.mark)], False


def _parse(text: str, loader_class: type[Any]) -> tuple[Any, list[Problem], bool]:  # noqa: PLR0911 - one per outcome
    try:
        loader = loader_class(text)  # the Python reader refuses control characters right away
    except yaml.reader.ReaderError as error:
        return UNSOUND, [_reader_problem(error)], False
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
    except _TagRefusedError as error:
        return (
            UNSOUND,
            [
                problem(
                    (),
                    "yaml-tag",
                    f"YAML tags other than the plain types are refused: the tag {error.tag!r} at "
                    f"{_where(error.mark)}",
                )
            ],
            False,
        )
    except _ValueRefusedError as error:
        return (
            UNSOUND,
            [
                problem(
                    (),
                    "malformed-yaml",
                    f"the text is not YAML: the tag {error.tag!r} cannot hold {show(error.value)} "
                    f"at {_where(error.mark)}",
                )
            ],
            False,
        )
    except yaml.reader.ReaderError as error:  # libyaml's reader refuses them as it reads
        return UNSOUND, [_reader_problem(error)], False
    except yaml.MarkedYAMLError as error:
        if "maximum nesting depth" in str(error.problem):  # libyaml's own limit
            return UNSOUND, [_too_deep()], False
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
        return UNSOUND, [_too_deep()], False
    finally:
        loader.dispose()
    return value, [], builder.clean


def _too_deep() -> Problem:
    return problem(
        (), "too-deep", "sequences and mappings are nested more deeply than the parser can follow"
    )
