"""Hypothesis strategies for solpt_rehab's values: holds, exercises, doses and routines.

Install them with the ``hypothesis`` extra (``pip install 'solpt_rehab[hypothesis]'``); importing
this module needs Hypothesis, ``import solpt_rehab`` never does. Every strategy follows
Hypothesis' own conventions:

* plural names, bounds first (``holds(min_seconds=..., max_seconds=...)``), every other option
  keyword-only;
* arguments are checked when the strategy is made, and a bad one raises
  :class:`hypothesis.errors.InvalidArgument` with a message naming it;
* every value is valid by default: it constructs, and a routine item's dose passes the dose rules
  with no error (deviations are off unless asked for);
* values shrink toward the simple: small whole numbers, fixed holds, bilateral work, no rest, the
  fewest steps, a built-in exercise at its documented minimum.

Texts are readable and ids are slugs, built from a small vocabulary of the project's own words, so
that a failing example reads like a real prescription.

Example::

    from hypothesis import given
    from solpt_rehab import strategies

    @given(strategies.routine_items())
    def test_handout(item):
        ...

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Sequence
from typing import Any, Final, Literal

try:
    from hypothesis import strategies as st
    from hypothesis.errors import InvalidArgument
except ImportError as error:  # pragma: no cover - the test suite always has Hypothesis
    raise ImportError(
        "solpt_rehab.strategies needs Hypothesis; install it with "
        "pip install 'solpt_rehab[hypothesis]'"
    ) from error

from .. import catalog
from .._model.values import (
    _SLUG,
    Citation,
    Equipment,
    Exercise,
    Hold,
    Laterality,
    Level,
    Position,
    RepetitionScheme,
    Step,
    StepKind,
)
from .._routines.values import Frequency, Routine, RoutineItem
from ._arguments import (
    check_ordered,
    choices_argument,
    flag_argument,
    optional_flag_argument,
    size_argument,
    strategy_argument,
)
from ._cached import BOOLEANS, none_or_sampled, sampled
from ._doses import Dose, doses, draw_dose, holds, repetition_schemes, rests
from ._vocabulary import (
    CITATION_TITLES,
    DISTANCES,
    EQUIPMENT,
    HOLD_TEXTS,
    MOVE_TEXTS,
    MOVEMENTS,
    POSITIONS,
    PUBLISHERS,
    PURPOSE_ENDINGS,
    RELEASE_TEXTS,
    REPEAT_TEXTS,
    ROUTINE_NAMES,
    SETUP_TEXTS,
    TARGETS,
    name_from_slug,
    repeat_text,
    seconds_words,
)

__all__ = [
    "Dose",
    "catalogs",
    "citations",
    "documents",
    "doses",
    "equipment",
    "exercises",
    "frequencies",
    "holds",
    "repetition_schemes",
    "rests",
    "routine_items",
    "routines",
    "steps",
]


def _exercise_pool_argument(value: object) -> st.SearchStrategy[Exercise] | tuple[Exercise, ...]:
    """Read the ``exercises`` option: ``None``, a strategy, or a sequence of exercises."""
    if value is None:
        return _any_exercise()
    strategy = (
        strategy_argument("exercises", value, Exercise)
        if isinstance(value, st.SearchStrategy)
        else None
    )
    if strategy is not None:
        return strategy
    problem = (
        f"exercises={value!r} must be a strategy of Exercise values, a non-empty sequence of "
        "Exercise values with unique ids, or None"
    )
    # A sequence, not any collection: the order of a set changes from one process to the next,
    # and Hypothesis must draw the same exercise from the same choices to replay a failure.
    if isinstance(value, (str, bytes)) or not isinstance(value, Sequence) or not value:
        raise InvalidArgument(problem)
    pool = tuple(value)
    if not all(isinstance(item, Exercise) for item in pool):
        raise InvalidArgument(problem)
    if len({exercise.id for exercise in pool}) != len(pool):
        raise InvalidArgument(problem)
    return pool


# -- steps ----------------------------------------------------------------------------------------


@st.composite
def _steps(draw: st.DrawFn, kinds: tuple[StepKind, ...]) -> Step:
    kind = draw(sampled(kinds))
    texts = {
        StepKind.SETUP: SETUP_TEXTS,
        StepKind.MOVE: MOVE_TEXTS,
        StepKind.HOLD: HOLD_TEXTS,
        StepKind.RELEASE: RELEASE_TEXTS,
        StepKind.REPEAT: REPEAT_TEXTS,
    }[kind]
    text = draw(sampled(texts))
    distance = draw(none_or_sampled(DISTANCES)) if kind is StepKind.MOVE else None
    return Step(text=text, kind=kind, distance=distance)


def steps(
    *, kind: StepKind | str | Collection[StepKind | str] | None = None
) -> st.SearchStrategy[Step]:
    """Generate single instructions with readable text, one of a handful per kind.

    A move step may carry a distance kept as words (``"a few inches"``). Values shrink toward the
    first setup instruction. :func:`exercises` builds whole sequences whose hold step states the
    exercise's hold; use this strategy for a step on its own.

    Args:
        kind: One :class:`~solpt_rehab.StepKind` (or its value, ``"hold"``), a collection of them
            (values shrink toward the first), or ``None`` for every kind.

    Returns:
        A strategy of :class:`~solpt_rehab.Step` values.

    Raises:
        InvalidArgument: For an unknown kind or an empty collection.

    .. versionadded:: 0.1.0
    """
    return _steps(choices_argument("kind", kind, StepKind))


# -- exercises ------------------------------------------------------------------------------------

_ALTERNATIVES: Final = {
    name: st.lists(st.sampled_from(alternatives), unique=True, max_size=2)
    for name, alternatives in EQUIPMENT
}
_HANDOUT_NUMBERS: Final = st.integers(1, 40)
_PUBLISHER_NAMES: Final = st.one_of(st.just(""), st.sampled_from(PUBLISHERS))
_URLS: Final = st.one_of(
    st.none(), _HANDOUT_NUMBERS.map(lambda n: f"https://example.org/handouts/{n}")
)
_LOCATORS: Final = st.one_of(
    st.none(),
    _HANDOUT_NUMBERS.map(lambda n: f"exercise {n}"),
    _HANDOUT_NUMBERS.map(lambda n: f"page {n}"),
)


@st.composite
def _equipment(draw: st.DrawFn) -> Equipment:
    name, _ = draw(sampled(EQUIPMENT))
    optional = draw(BOOLEANS)
    chosen = draw(_ALTERNATIVES[name])
    return Equipment(name=name, optional=optional, alternatives=tuple(chosen))


def equipment() -> st.SearchStrategy[Equipment]:
    """Generate pieces of equipment with readable names, optional or not, with alternatives.

    Values shrink toward a required yoga mat with no alternative.

    Returns:
        A strategy of :class:`~solpt_rehab.Equipment` values.

    .. versionadded:: 0.1.0
    """
    return _equipment()


@st.composite
def _citations(draw: st.DrawFn) -> Citation:
    title = draw(sampled(CITATION_TITLES))
    publisher = draw(_PUBLISHER_NAMES)
    url = draw(_URLS)
    locator = draw(_LOCATORS)
    return Citation(title=title, publisher=publisher, url=url, locator=locator)


_EQUIPMENT_LISTS: Final = st.lists(_equipment(), max_size=2, unique_by=lambda piece: piece.name)
_OPTIONAL_CITATIONS: Final = st.one_of(st.none(), _citations())
_POSITION_VALUES: Final = tuple(Position)
_LEVEL_VALUES: Final = tuple(Level)


def citations() -> st.SearchStrategy[Citation]:
    """Generate citations of handouts and programmes, with or without publisher, URL, locator.

    URLs are under ``https://example.org/``. Values shrink toward a bare title.

    Returns:
        A strategy of :class:`~solpt_rehab.Citation` values.

    .. versionadded:: 0.1.0
    """
    return _citations()


@st.composite
def _exercises(
    draw: st.DrawFn,
    ids: st.SearchStrategy[str] | None,
    hold_strategy: st.SearchStrategy[Hold | None],
    repetition_strategy: st.SearchStrategy[RepetitionScheme],
) -> Exercise:
    position = draw(none_or_sampled(_POSITION_VALUES))
    target, target_words, regions, target_object = draw(sampled(TARGETS))
    movement, category, verb, move_texts = draw(sampled(MOVEMENTS))
    if ids is not None:
        slug = draw(ids)
        if not _SLUG.fullmatch(slug):
            raise InvalidArgument(
                f"ids must generate slugs of lowercase letters and digits joined by single "
                f"hyphens: {slug!r}"
            )
        name = name_from_slug(slug)
    else:
        prefix = POSITIONS[position][0] if position is not None and draw(BOOLEANS) else None
        slug = "-".join(part for part in (prefix, target, movement) if part)
        words = " ".join(part for part in (prefix, target_words, movement) if part)
        name = words[:1].upper() + words[1:]

    hold = draw(hold_strategy)
    repetitions = draw(repetition_strategy)

    setups = SETUP_TEXTS if position is None else POSITIONS[position][1]
    sequence = [Step(text=draw(sampled(setups)), kind=StepKind.SETUP)]
    distance = draw(none_or_sampled(DISTANCES))
    sequence.append(Step(text=draw(sampled(move_texts)), kind="move", distance=distance))
    if hold is not None:
        seconds = seconds_words(hold.min_seconds, hold.max_seconds)
        sequence.append(Step(text=f"Stay in the position for {seconds}.", kind=StepKind.HOLD))
    if draw(BOOLEANS):
        sequence.append(Step(text=draw(sampled(RELEASE_TEXTS)), kind=StepKind.RELEASE))
    if draw(BOOLEANS):
        sequence.append(Step(text=repeat_text(repetitions), kind=StepKind.REPEAT))

    ending = draw(none_or_sampled(PURPOSE_ENDINGS))
    return Exercise(
        id=slug,
        name=name,
        purpose="" if ending is None else f"{verb} {target_object} {ending}.",
        steps=tuple(sequence),
        hold=hold,
        repetitions=repetitions,
        regions=regions,
        position=position,
        level=draw(none_or_sampled(_LEVEL_VALUES)),
        category=category if draw(BOOLEANS) else None,
        equipment=tuple(draw(_EQUIPMENT_LISTS)),
        source=draw(_OPTIONAL_CITATIONS),
    )


def exercises(
    *,
    ids: st.SearchStrategy[str] | None = None,
    laterality: Laterality | str | Collection[Laterality | str] | None = None,
    with_hold: bool | None = None,
    open_ended: bool | None = None,
) -> st.SearchStrategy[Exercise]:
    """Generate realistic exercises: a slug id, a readable name, steps, dose, regions, equipment.

    Ids are built from a small vocabulary (``"seated-hamstring-stretch"``), never one of the
    built-in catalog's; the name reads the id (``"Seated hamstring stretch"``). The steps run in
    order (setup, move, then the hold step when there is a hold, and perhaps a release and a repeat
    step stating the count); an exercise has a hold step exactly when it has a hold, whose text
    states the hold. Regions and category follow from the id's words. Values shrink toward an
    exercise without a hold, done once, bilaterally, in two steps, with no optional field.

    Args:
        ids: A strategy of slugs to use as ids instead of the vocabulary's (the name is then the
            id in words). Every value must be a slug, such as ``"wall-sit"``.
        laterality: As for :func:`repetition_schemes`.
        with_hold: ``True`` for exercises with a hold only, ``False`` for none, ``None`` for both.
        open_ended: As for :func:`repetition_schemes`.

    Returns:
        A strategy of :class:`~solpt_rehab.Exercise` values.

    Raises:
        InvalidArgument: For an ``ids`` that is not a strategy (or, when drawn, a value of it that
            is not a slug), an unknown laterality, or a flag that is not a bool or ``None``.

    .. versionadded:: 0.1.0
    """
    chosen_ids = strategy_argument("ids", ids, str)
    lateralities = choices_argument("laterality", laterality, Laterality)
    optional_flag_argument("with_hold", with_hold)
    optional_flag_argument("open_ended", open_ended)
    hold_strategy: st.SearchStrategy[Hold | None] = (
        st.one_of(st.none(), holds())
        if with_hold is None
        else (holds() if with_hold else st.none())
    )
    return _exercises(
        chosen_ids,
        hold_strategy,
        repetition_schemes(laterality=lateralities, open_ended=open_ended),
    )


@functools.cache
def _generated_pool() -> st.SearchStrategy[tuple[Exercise, ...]]:
    """Up to three generated exercises, the default pool's addition to the built-in ones."""
    return catalogs(max_size=3)


@functools.cache
def _any_exercise() -> st.SearchStrategy[Exercise]:
    """A built-in exercise (first, so that examples shrink toward one) or a generated one."""
    return st.one_of(st.sampled_from(catalog.all()), exercises())


def catalogs(
    min_size: int = 0,
    max_size: int | None = None,
    *,
    elements: st.SearchStrategy[Exercise] | None = None,
) -> st.SearchStrategy[tuple[Exercise, ...]]:
    """Generate catalogs: tuples of exercises whose ids are all different.

    Args:
        min_size: The fewest exercises; a whole number >= 0.
        max_size: The most exercises (>= ``min_size``), or ``None`` for no bound.
        elements: The strategy the exercises come from; :func:`exercises` when ``None``. Pass
            ``st.one_of(st.sampled_from(catalog.all()), exercises())`` to mix in the built-in
            exercises.

    Returns:
        A strategy of tuples of :class:`~solpt_rehab.Exercise` values with unique ids.

    Raises:
        InvalidArgument: For a size that is not a whole number in range, or an ``elements`` that
            is not a strategy.

    .. versionadded:: 0.1.0
    """
    low = size_argument("min_size", min_size, minimum=0)
    if max_size is not None:
        high = size_argument("max_size", max_size, minimum=0)
        check_ordered("min_size", low, "max_size", high)
    source = strategy_argument("elements", elements, Exercise)
    return st.lists(
        exercises() if source is None else source,
        min_size=low,
        max_size=max_size,
        unique_by=lambda exercise: exercise.id,
    ).map(tuple)


@st.composite
def _routine_items(
    draw: st.DrawFn,
    pool: st.SearchStrategy[Exercise] | tuple[Exercise, ...],
    *,
    deviations: bool,
) -> RoutineItem:
    exercise = draw(sampled(pool) if isinstance(pool, tuple) else pool)
    return draw_dose(draw, exercise, deviations=deviations).to_item(exercise)


def routine_items(
    *,
    exercises: st.SearchStrategy[Exercise] | Sequence[Exercise] | None = None,
    deviations: bool = False,
) -> st.SearchStrategy[RoutineItem]:
    """Generate routine items: an exercise with a dose from :func:`doses`.

    By default the exercise is one of the built-in catalog's or a generated one; examples shrink
    toward the built-in bilateral knees-to-chest stretch at its documented minimum. Items carry
    no problem at all unless ``deviations=True``, when some carry a recorded deviation (warnings,
    never errors).

    Args:
        exercises: A strategy of exercises, a sequence of exercises with unique ids to choose
            from (such as ``catalog.all()``), or ``None`` for the built-in and generated ones.
        deviations: As for :func:`doses`.

    Returns:
        A strategy of :class:`~solpt_rehab.RoutineItem` values.

    Raises:
        InvalidArgument: For an ``exercises`` that is neither a strategy nor a non-empty
            sequence of exercises with unique ids, or a ``deviations`` that is not a bool.

    .. versionadded:: 0.1.0
    """
    pool = _exercise_pool_argument(exercises)
    return _routine_items(pool, deviations=flag_argument("deviations", deviations))


# -- routines -------------------------------------------------------------------------------------


def frequencies() -> st.SearchStrategy[Frequency]:
    """Generate frequencies: one to three sessions a day, on one to seven days a week.

    Values shrink toward one session on one day a week.

    Returns:
        A strategy of :class:`~solpt_rehab.Frequency` values.

    .. versionadded:: 0.1.0
    """
    return _FREQUENCIES


_FREQUENCIES: Final = st.builds(
    Frequency, sessions_per_day=st.integers(1, 3), days_per_week=st.integers(1, 7)
)
_PHASES: Final = st.integers(1, 3)
_WEEKS: Final = st.one_of(st.none(), st.integers(1, 26))


@st.composite
def _routines(
    draw: st.DrawFn,
    min_items: int,
    max_items: int | None,
    pool: st.SearchStrategy[Exercise] | tuple[Exercise, ...] | None,
    *,
    deviations: bool,
) -> Routine:
    if pool is None:
        generated = draw(_generated_pool())
        choices: tuple[Exercise, ...] = catalog.all() + generated
    elif isinstance(pool, tuple):
        choices = pool
    else:
        choices = draw(catalogs(min_size=1, max_size=4, elements=pool))
    items = draw(
        st.lists(
            _routine_items(choices, deviations=deviations), min_size=min_items, max_size=max_items
        )
    )
    name = draw(sampled(ROUTINE_NAMES))
    if draw(BOOLEANS):
        name = f"{name}, phase {draw(_PHASES)}"
    frequency = draw(_FREQUENCIES)
    weeks = draw(_WEEKS)
    return Routine(name=name, items=tuple(items), frequency=frequency, weeks=weeks)


def routines(
    min_items: int = 1,
    max_items: int | None = None,
    *,
    exercises: st.SearchStrategy[Exercise] | Sequence[Exercise] | None = None,
    deviations: bool = False,
) -> st.SearchStrategy[Routine]:
    """Generate routines: named, with items, a frequency and perhaps a length in weeks.

    The items of one routine draw from one pool of exercises whose ids are unique, so an id always
    names the same exercise within a routine, while an exercise may come back (say, once per
    painful side). By default the pool is the built-in catalog plus up to three generated
    exercises. Items carry no problem unless ``deviations=True`` (see :func:`doses`); deviations
    are off by default because a routine's documented doses are the common case and a deviation
    is a warning a test must expect. Values shrink toward one item of the knees-to-chest stretch at
    its documented minimum, once a day, one day a week.

    Args:
        min_items: The fewest items; a whole number >= 1 (a routine has at least one).
        max_items: The most items (>= ``min_items``), or ``None`` for no bound.
        exercises: A strategy the pool's exercises come from (one to four of them), a sequence
            of exercises with unique ids to use as the pool, or ``None`` for the default pool.
        deviations: As for :func:`doses`.

    Returns:
        A strategy of :class:`~solpt_rehab.Routine` values.

    Raises:
        InvalidArgument: For item bounds that are not whole numbers in range, an ``exercises``
            that is neither a strategy nor a sequence of exercises with unique ids, or a
            ``deviations`` that is not a bool.

    .. versionadded:: 0.1.0
    """
    low = size_argument("min_items", min_items, minimum=1)
    if max_items is not None:
        high = size_argument("max_items", max_items, minimum=1)
        check_ordered("min_items", low, "max_items", high)
    pool = None if exercises is None else _exercise_pool_argument(exercises)
    return _routines(low, max_items, pool, deviations=flag_argument("deviations", deviations))


_KINDS: Final = ("exercise", "catalog", "routine")


def documents(
    kind: Literal["exercise", "catalog", "routine"] | None = None,
) -> st.SearchStrategy[dict[str, Any]]:
    """Generate valid wire-format documents: what :func:`solpt_rehab.to_document` writes.

    An exercise document comes from :func:`exercises`, a catalog document from :func:`catalogs`
    and a routine document from :func:`routines` (which embeds its generated exercises and refers
    to the built-in ones by id). Every document validates with no error; a fresh dict is drawn
    each time, so a test may change it freely. Values shrink toward an exercise document.

    Args:
        kind: ``"exercise"``, ``"catalog"`` or ``"routine"`` for documents of that kind only, or
            ``None`` for any kind.

    Returns:
        A strategy of JSON-compatible dicts.

    Raises:
        InvalidArgument: For any other ``kind``.

    .. versionadded:: 0.1.0
    """
    if kind is not None and kind not in _KINDS:
        allowed = ", ".join(repr(name) for name in _KINDS)
        raise InvalidArgument(f"kind={kind!r} must be one of {allowed}, or None")
    from .._wire.documents import to_document  # noqa: PLC0415 - the wire format loads cattrs

    by_kind: dict[str, st.SearchStrategy[dict[str, Any]]] = {
        "exercise": exercises().map(to_document),
        "catalog": catalogs().map(to_document),
        "routine": routines().map(to_document),
    }
    if kind is not None:
        return by_kind[kind]
    return st.one_of(*(by_kind[name] for name in _KINDS))
