"""Drafting exercises from an article shaped like the source: :func:`read_article`.

The article is cut into numbered exercises, each with its name, "Purpose:" line and bullet steps;
each becomes a draft exercise through :func:`~._drafting.draft_exercise`, and what could not be
taken as stated becomes a problem.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Final

import attrs

from .._core.problems import Problem, problem
from .._model.rules import Spec, fields_of, show, unicode_requirement
from .._model.values import Citation, Exercise, Step
from ._drafting import Ids, draft_exercise, slug_of
from ._reading import DoseReading, extract_dose, require_str

# Each pattern reads a line with its surrounding white space stripped (``str.strip`` removes what
# ``\s`` matches), so none ends in ``\S.*?\s*$``: that ending tries every split of a run of
# spaces inside the line, quadratic in its length. What is left has no two neighbouring
# quantifiers that can take the same character, so each match runs in linear time.
_NUMBERED: Final = re.compile(r"\d+\s*[.)]\s+(?P<name>\S.*)")
_BULLET: Final = re.compile(
    r"(?:[\u2022\u25cf\u25aa\u25e6\u2023\u2219\u00b7]\s*|[*\-\u2013\u2014]\s+)(?P<text>\S.*)"
)
_PURPOSE: Final = re.compile(r"purpose\s*:\s*(?P<text>.*)", re.IGNORECASE)
_HOW_TO: Final = re.compile(r"how\s+to\b", re.IGNORECASE)
#: A bullet alone on its line, its text on the next (as text taken from HTML often has it).
_LONE_BULLET: Final = frozenset("\u2022\u25cf\u25aa\u25e6\u2023\u2219\u00b7*-\u2013\u2014")
#: A heading is short: at most this many characters and words.
_HEADING_CHARS: Final = 60
_HEADING_WORDS: Final = 8


def _spec(cls: type[Any], name: str) -> Spec:
    """The declared spec of a field: what the constructor will check of a drafted value."""
    return next(field.spec for field in fields_of(cls) if field.name == name)


_NAME: Final = _spec(Exercise, "name")
_PURPOSE_TEXT: Final = _spec(Exercise, "purpose")
_STEP_TEXT: Final = _spec(Step, "text")


@attrs.frozen(kw_only=True)
class ArticleReading:
    """What :func:`read_article` drafted from an article.

    Attributes:
        title: The article's first line, or ``""`` when it has none.
        exercises: The draft exercises, in the article's order; an exercise that cannot be
            drafted (one without steps) is left out and reported.
        problems: Everything the reading could not take as stated, with JSON Pointer paths
            ``/exercises/N/...`` where N counts every numbered exercise of the article from 0,
            drafted or left out: errors for what was left out, warnings for the gaps a draft
            fills with a documented fallback.

    .. versionadded:: 0.1.0
    """

    title: str
    exercises: tuple[Exercise, ...]
    problems: tuple[Problem, ...]


@attrs.define
class _Block:
    """An exercise of the article as read: its name, purpose and steps."""

    name: str
    purpose: str | None = None
    steps: list[str] = attrs.Factory(list)
    #: The lines of each step (a step may be wrapped onto new lines), joined by :meth:`unwrap`
    #: at the end: joining each line as it comes copies the step once per line, quadratic.
    lines: list[list[str]] = attrs.Factory(list)
    #: Whether its steps are numbered lines (its name was not): then every numbered line is one.
    numbered_steps: bool = False

    def add_step(self, text: str) -> None:
        self.lines.append([text])

    def unwrap(self) -> None:
        self.steps = [" ".join(lines) for lines in self.lines]


def _heading_like(text: str) -> bool:
    """Whether a line reads as an exercise's name: short, and not ended like a sentence."""
    words = text.split()
    return (
        len(" ".join(words)) <= _HEADING_CHARS
        and len(words) <= _HEADING_WORDS
        and text[-1] not in ".!?:;,"
        and not text[0].islower()
    )


def _lines(text: str) -> list[str]:
    """The article's lines that hold text, stripped, a lone bullet joined to the next line.

    Text taken from HTML has lines of white space only and bullets on lines of their own. What
    is inside a line is kept as written (the patterns take any white space between words).
    """
    lines: list[str] = []
    pending = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line in _LONE_BULLET:
            pending = line
            continue
        lines.append(f"{pending} {line}" if pending else line)
        pending = ""
    return lines


def _starts_steps(line: str, after: str) -> bool:
    """Whether a line may follow an exercise's name: a step, a "Purpose:" or a "How to" line.

    A numbered line is a step when it reads as a sentence, or when another numbered line
    follows it (a list of steps, where "1. Figure 4 stretch" then "Purpose: ..." is a name).
    """
    numbered = _NUMBERED.fullmatch(line)
    if numbered is not None:
        return not _heading_like(numbered["name"]) or _NUMBERED.fullmatch(after) is not None
    return (
        _BULLET.fullmatch(line) is not None
        or _PURPOSE.fullmatch(line) is not None
        or _HOW_TO.match(line) is not None
    )


def _blocks(text: str) -> tuple[str, list[str], list[_Block]]:  # noqa: PLR0912
    """The title, the lines before the first exercise, and the exercises.

    An exercise starts at a numbered line that reads as a name ("1. Figure 4 stretch"), or at
    a line that reads as a name and is followed by a step, a "Purpose:" or a "How to" line
    ("Knee hug" then "1. Lie on your back."). Its steps are bullets, or numbered lines that read
    as sentences (or any numbered line once its steps are numbered).
    """
    title = ""
    intro: list[str] = []
    blocks: list[_Block] = []
    current: _Block | None = None
    in_steps = False
    lines = _lines(text)
    for index, line in enumerate(lines):
        following, after = [*lines[index + 1 : index + 3], "", ""][:2]
        numbered = _NUMBERED.fullmatch(line)
        if numbered is not None:
            name = numbered["name"]
            if current is not None and (
                current.numbered_steps or (not current.lines and not _heading_like(name))
            ):
                current.add_step(name)
                current.numbered_steps = in_steps = True
            else:
                current = _Block(name=name)
                blocks.append(current)
                in_steps = False
            continue
        if not title and not blocks:
            title = line
            continue
        bullet = _BULLET.fullmatch(line)
        purpose = _PURPOSE.fullmatch(line)
        if (
            bullet is None
            and purpose is None
            and not _HOW_TO.match(line)
            and _heading_like(line)
            and _starts_steps(following, after)
        ):
            current = _Block(name=line, numbered_steps=_NUMBERED.fullmatch(following) is not None)
            blocks.append(current)
            in_steps = False
            continue
        if current is None:
            intro.append(line)
            continue
        if bullet is not None and not current.numbered_steps:
            current.add_step(bullet["text"])
            in_steps = True
        elif purpose is not None and current.purpose is None and not in_steps:
            current.purpose = purpose["text"]
        elif _HOW_TO.match(line) and not in_steps:
            in_steps = True
        elif in_steps and current.lines and line[0].islower():
            current.lines[-1].append(line)  # a step wrapped onto a new line
        elif in_steps and current.lines:
            current, in_steps = None, False
    for block in blocks:
        block.unwrap()
    return title, intro, blocks


def read_article(text: str) -> ArticleReading:
    """Draft exercises from an article shaped like the source.

    The shape: a title on the first line; each exercise starts with a numbered line ("1. Figure
    4 stretch"; the number itself is not read, since the source numbers every exercise "1."),
    then an optional "Purpose:" line, an optional "How to ..." header and bullet steps ("•", "*",
    "-"). The first line that is not a bullet after an exercise's steps ends it.

    Each draft takes its hold, repetitions, side, rest, sets (with the rest between them), timed
    work, load and position from its steps through
    :func:`extract_dose`: the hold is the smallest range covering every stated hold, the side the
    most specific cue (affected side, alternating, each side, bilateral). A step's kind is
    inferred: the steps stating the hold are ``HOLD`` steps, those stating a count or sending the
    work to the other side ``REPEAT``, setting-up steps ``SETUP``, coming back ``RELEASE``, the
    rest ``MOVE``. What the steps leave open is filled with a documented fallback and reported
    as a warning: no count gives a scheme that states none (``repetitions-not-stated``; an "up to
    N" count gives only a maximum), no side cue gives
    :data:`DEFAULT_LATERALITY` (``laterality-not-stated``), an unstated two-sided counting rule
    gives :data:`DEFAULT_COUNTING` (``counting-not-stated``). No hold leaves the draft without
    one (``hold-not-stated``, ``hold-unquantified`` or ``hold-open-ended``). Ids are slugs of the
    names. Text that is not valid Unicode (it holds a surrogate code point) gives no draft and one
    ``invalid-unicode`` error, since no exercise can hold such text.

    Args:
        text: The article as plain text.

    Returns:
        The drafts and the problems found.

    Raises:
        InvalidValueError: When ``text`` is not a str.

    .. versionadded:: 0.1.0
    """
    require_str(text)
    title, intro, blocks = _blocks(text)
    requirement = unicode_requirement(text)
    if requirement is not None:  # no draft could hold such text, so none is made
        refused = problem((), "invalid-unicode", f"the article must {requirement}")
        return ArticleReading(title=title, exercises=(), problems=(refused,))
    problems: list[Problem] = []
    exercises: list[Exercise] = []
    taken = Ids()
    shared = extract_dose(" ".join(intro)) if intro else None
    if not blocks:
        problems.append(
            problem((), "no-exercises", f"the article has no numbered exercise: {show(title)}")
        )
    for position, block in enumerate(blocks):
        exercise = _article_exercise(
            block,
            position=position,
            count=len(blocks),
            title=title,
            taken=taken,
            problems=problems,
            shared=shared,
        )
        if exercise is not None:
            exercises.append(exercise)
    return ArticleReading(title=title, exercises=tuple(exercises), problems=tuple(problems))


def _article_exercise(
    block: _Block,
    *,
    position: int,
    count: int,
    title: str,
    taken: Ids,
    problems: list[Problem],
    shared: DoseReading | None,
) -> Exercise | None:
    def add_problem(field: Sequence[str | int], code: str, message: str) -> None:
        problems.append(problem(("exercises", position, *field), code, message))

    if not block.steps:
        add_problem(
            ("steps",),
            "no-steps",
            f"the exercise has no bullet steps, so it is left out: {show(block.name)}",
        )
        return None
    slug = slug_of(block.name) or f"exercise-{position + 1}"
    unique = taken.take(slug)
    if unique != slug:
        add_problem(
            ("id",), "id-renamed", f"another exercise has the id {slug!r}; this one is {unique!r}"
        )
    if block.purpose is None:
        add_problem(
            ("purpose",),
            "purpose-missing",
            f"the exercise has no 'Purpose:' line: {show(block.name)}",
        )
    refused = [
        (field, found)
        for field, spec, value in (
            (("name",), _NAME, block.name),
            (("purpose",), _PURPOSE_TEXT, block.purpose or ""),
            *(
                (("steps", index, "text"), _STEP_TEXT, step)
                for index, step in enumerate(block.steps)
            ),
        )
        if (found := spec.problem(value, str(field[-1]))) is not None
    ]
    if refused:  # the model's own rules for its texts (too long, say): no draft could hold them
        for field, (code, message) in refused:
            add_problem(field, code, message)
        return None
    readings = [extract_dose(step) for step in block.steps]
    draft = draft_exercise(block.steps, readings, shared=shared)
    for note in draft.notes:
        add_problem(note.field, note.code, note.message)
    return Exercise(
        id=unique,
        name=block.name,
        purpose=block.purpose or "",
        steps=draft.steps,
        hold=draft.hold,
        repetitions=draft.repetitions,
        sets=draft.sets,
        timed_work=draft.timed_work,
        load=draft.load,
        position=draft.position,
        source=Citation(title=title, locator=f"exercise {position + 1} of {count}")
        if title
        else None,
    )
