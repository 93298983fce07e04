"""Sphinx configuration of the solpt_rehab documentation.

Build it (warnings are errors, nitpicky cross-references) with:

    python -m sphinx -W --keep-going -n -b html docs docs/_build/html

The pages are MyST Markdown; the reference is autodoc over the Google-style docstrings. Nothing is
fetched during the build: intersphinx is off, so the only cross-references are to this project's
own objects (and to builtins and ``typing``, which Sphinx resolves without an inventory).
"""

from __future__ import annotations

import enum
import importlib
import re
import sys
from pathlib import Path
from typing import Any

import attrs

ROOT = Path(__file__).resolve().parent.parent
# Document the checkout's source, never some other installed copy of the package.
sys.path.insert(0, str(ROOT / "src"))

from solpt_rehab import __version__  # noqa: E402 - needs the path above

# -- project ------------------------------------------------------------------------------------

project = "solpt_rehab"
author = "The solpt_rehab developers"
copyright = "the solpt_rehab developers"  # noqa: A001 - the name Sphinx reads
release = __version__
version = ".".join(__version__.split(".")[:2])

# -- general ------------------------------------------------------------------------------------

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
]
source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
# `code` in Markdown is literal text, not a cross-reference; only explicit roles link.
default_role = "literal"
nitpicky = True

# The projects whose objects our signatures and docstrings name: the standard library
# (collections.abc.Iterable, pathlib.Path) and the dependencies, required or optional (strategies
# return hypothesis's SearchStrategy).
_OTHER_PROJECTS = sorted(
    {*sys.stdlib_module_names, "attr", "attrs", "cattrs", "hypothesis", "yaml"}
)

# Targets that cannot resolve, each kind narrowly and with its reason.
nitpick_ignore_regex = [
    # Other projects' objects: with intersphinx off (no network during the build) Sphinx has no
    # page for them. Builtins and typing resolve without an inventory, and stay checked.
    (r"py:.*", rf"({'|'.join(map(re.escape, _OTHER_PROJECTS))})\..+"),
    # This package's private modules (solpt_rehab._routines.dose.item_problems, where the
    # dose rules are written once): public docstrings point at them; they have no page.
    (r"py:.*", r"solpt_rehab(\.\w+)*\._\w+(\..+)?"),
]
nitpick_ignore = [
    # The same private names, written short in the docstrings of the modules that define them.
    ("py:func", "item_problems"),
    # hypothesis.errors.InvalidArgument, named short in the strategies' "Raises:" sections.
    ("py:exc", "InvalidArgument"),
]

# Names that docstrings in this branch already mention but that other branches define. Each is
# ignored only while it cannot be imported: once it exists, the reference must document it, and a
# forgotten automodule line fails the build instead of hiding.
_FORTHCOMING = {
    "py:class": ["solpt_rehab.RoutineBuilder"],
}


def _importable(dotted: str) -> bool:
    module, _, name = dotted.rpartition(".")
    try:
        return hasattr(importlib.import_module(module), name)
    except ImportError:
        return False


nitpick_ignore += [
    (role, target)
    for role, targets in _FORTHCOMING.items()
    for target in targets
    if not _importable(target)
]

# -- MyST ---------------------------------------------------------------------------------------

myst_enable_extensions = ["colon_fence", "deflist"]
# Headings get anchors, so pages can link to a section: [text](source.md#the-open-range).
myst_heading_anchors = 3

# -- autodoc and napoleon -----------------------------------------------------------------------

# A module with __all__ is documented name by name from it, in its order (re-exports included).
autodoc_default_options = {
    "members": True,
    "member-order": "bysource",
    # What a class takes from the library's own bases (a hold's and timed work's shared range
    # methods) is documented on the class; what it takes from Python's types is not.
    "inherited-members": "object,str,int,float,tuple,dict,Enum,BaseException,Exception",
}
autodoc_typehints = "signature"
autodoc_class_signature = "mixed"
# Signatures and types read "Exercise", not "solpt_rehab._model.values.Exercise"; the link stays.
python_use_unqualified_type_names = True
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_include_init_with_doc = False
napoleon_use_rtype = False
# attrs and napoleon without duplicates: an attrs field is a slot with no docstring, so autodoc's
# :members: passes it over and napoleon's "Attributes:" entry is its only description. Those
# entries stay ``.. attribute::`` directives (not ``:ivar:`` fields) because docstrings link to
# them (:attr:`Exercise.hold`). Never add :undoc-members:, which would document each field twice;
# _keep_enum_members below brings in the one kind of undocumented member a reader needs.
napoleon_use_ivar = False


def _no_inline_types(
    _app: object, what: str, _name: str, _obj: object, _options: object, lines: list[str]
) -> None:
    """Keep napoleon from reading "Some words: more words" as "type: description".

    For an attribute, a constant or a property, napoleon takes the text before the first colon of
    the first line as the value's type (the Google style's inline type), so ``#: Staying still:
    the step a timer counts down`` would render "Staying still" as an unresolvable type. This
    project never writes inline types (the annotations carry them). An empty reStructuredText
    comment as the first line gives napoleon no colon to split on and renders as nothing.
    """
    if what in {"attribute", "data", "property"} and lines and lines[0].strip():
        lines[:0] = ["..", ""]


def _factory_defaults(
    _app: object,
    what: str,
    _name: str,
    obj: object,
    _options: object,
    signature: str | None,
    return_annotation: str | None,
) -> tuple[str | None, str | None] | None:
    """Show an attrs field's factory default as ``Frequency()`` instead of attrs' ``NOTHING``.

    attrs writes ``__init__`` with its ``NOTHING`` sentinel as the default of a field made by a
    factory, and autodoc shows that sentinel; a reader wants to know what the default is.
    """
    if what not in {"class", "exception"} or not signature:
        return None
    if not isinstance(obj, type) or not attrs.has(obj):
        return None
    for field in attrs.fields(obj):
        # attrs.Factory is typed as a function, so ask the default what it is instead.
        factory = getattr(field.default, "factory", None)
        if callable(factory) and not getattr(field.default, "takes_self", False):
            made = getattr(factory, "__name__", "factory")
            signature = re.sub(
                rf"\b({re.escape(field.alias)}(?:: [^=]+?)?) = NOTHING\b",
                rf"\1 = {made}()",
                signature,
            )
    return signature, return_annotation


_ATTRIBUTE = re.compile(r"(\s*)\.\. attribute:: \S+")


def _attribute_types_inline(
    _app: object, _what: str, _name: str, _obj: object, _options: object, lines: list[str]
) -> None:
    """Show an attribute's type beside its name (``title: str``) instead of in a field below.

    Napoleon turns each entry of an "Attributes:" section into an ``.. attribute::`` directive
    (indexed, so ``:attr:`Exercise.hold``` links), with the type as a ``:type:`` field in its
    body. Moved up into the directive's options, the type renders as in a signature.
    """
    index = 0
    while index < len(lines):
        match = _ATTRIBUTE.fullmatch(lines[index])
        index += 1
        if match is None:
            continue
        body = match[1] + "   "
        end = index
        while end < len(lines) and (not lines[end].strip() or lines[end].startswith(body)):
            end += 1
        for line in range(index, end):
            if lines[line].startswith(body + ":type: "):
                typed = lines.pop(line)
                if not lines[line - 1].strip():
                    del lines[line - 1]
                lines.insert(index, typed)
                break


def _keep_enum_members(
    _app: object,
    what: str,
    _name: str,
    obj: object,
    _skip: bool,  # noqa: FBT001 - Sphinx passes it by position
    _options: object,
) -> bool | None:
    """Document every member of an enumeration, also those without a ``#:`` comment.

    autodoc leaves out members without a docstring, and ``:undoc-members:`` would bring in every
    attrs field a second time (napoleon already documents them from "Attributes:"). An
    enumeration's members are its values, so a reader needs all of them.
    """
    if what == "class" and isinstance(obj, enum.Enum):
        return False
    return None


def setup(app: Any) -> None:
    """Register the hooks: the first before napoleon's (default priority, 500), the next after."""
    app.connect("autodoc-process-docstring", _no_inline_types, priority=400)
    app.connect("autodoc-process-docstring", _attribute_types_inline, priority=600)
    app.connect("autodoc-process-signature", _factory_defaults)
    app.connect("autodoc-skip-member", _keep_enum_members)


# -- HTML ---------------------------------------------------------------------------------------

html_theme = "furo"
html_title = f"solpt_rehab {release}"
html_static_path: list[str] = []
html_show_sourcelink = False
