"""Strategies for exercises, their parts (steps, equipment, precautions, media...), catalogs."""

from __future__ import annotations

from collections.abc import Collection
from typing import Final, NamedTuple, TypeVar

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from .._model.rules import SLUG, TEXT_LIMIT
from .._model.values import (
    Citation,
    Effort,
    Equipment,
    Exercise,
    Hold,
    Laterality,
    Level,
    Load,
    Media,
    MediaKind,
    Position,
    RepetitionScheme,
    Sets,
    Step,
    StepKind,
    TimedWork,
)
from ._arguments import (
    check_ordered,
    choices_argument,
    optional_flag_argument,
    size_argument,
    strategy_argument,
)
from ._cached import BOOLEANS, none_or_sampled, sampled
from ._doses import efforts, holds, loads, repetition_schemes, sets, timed_work
from ._vocabulary import (
    CITATION_TITLES,
    DISTANCES,
    EQUIPMENT,
    HOLD_TEXTS,
    LICENCES,
    MEDIA_ALTS,
    MOVE_TEXTS,
    MOVEMENTS,
    POSITIONS,
    PRECAUTIONS,
    PUBLISHERS,
    PURPOSE_ENDINGS,
    RELEASE_TEXTS,
    REPEAT_TEXTS,
    SETUP_TEXTS,
    TARGETS,
    TIMED_WORK_TEXTS,
    name_from_slug,
    repeat_text,
    seconds_words,
    sets_text,
)

_V = TypeVar("_V")

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


# -- precautions and media ------------------------------------------------------------------------

_PRECAUTIONS: Final = st.sampled_from(PRECAUTIONS)
_MEDIA_NUMBERS: Final = st.integers(1, 99)
_MEDIA_FILES: Final = {MediaKind.IMAGE: "jpg", MediaKind.VIDEO: "mp4"}
_ALT_TEXTS: Final = st.one_of(st.just(""), st.sampled_from(MEDIA_ALTS))


def precautions() -> st.SearchStrategy[str]:
    """Generate precautions: safety notes for the patient, such as when to stop.

    Each is a sentence of the project's vocabulary (``"Stop if the pain increases."``), as an
    exercise's :attr:`~solpt_rehab.Exercise.precautions` holds them. Values shrink toward that
    first note.

    Returns:
        A strategy of ``str`` values.

    .. versionadded:: 0.2.0
    """
    return _PRECAUTIONS


@st.composite
def _media(draw: st.DrawFn, kinds: tuple[MediaKind, ...]) -> Media:
    kind = draw(sampled(kinds))
    uri = f"https://example.org/media/{draw(_MEDIA_NUMBERS)}.{_MEDIA_FILES[kind]}"
    return Media(uri=uri, kind=kind, alt=draw(_ALT_TEXTS), licence=draw(none_or_sampled(LICENCES)))


def media(
    *, kind: MediaKind | str | Collection[MediaKind | str] | None = None
) -> st.SearchStrategy[Media]:
    """Generate media references: an image or a video by URI, with a text alternative and licence.

    URIs are under ``https://example.org/media/`` (``.jpg`` for images, ``.mp4`` for videos);
    the text alternative may be empty (unknown), and the licence is an SPDX identifier or
    ``None``. Values shrink toward an image with no text alternative and no licence.

    Args:
        kind: One :class:`~solpt_rehab.MediaKind` (or its value, ``"video"``), a collection of
            them, or ``None`` for both.

    Returns:
        A strategy of :class:`~solpt_rehab.Media` values.

    Raises:
        InvalidArgument: For an unknown kind or an empty collection.

    .. versionadded:: 0.2.0
    """
    return _media(choices_argument("kind", kind, MediaKind))


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
_PRECAUTION_LISTS: Final = st.lists(_PRECAUTIONS, max_size=2, unique=True)
_MEDIA_LISTS: Final = st.lists(_media(tuple(MediaKind)), max_size=2)
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


class _Parts(NamedTuple):
    """The strategies of an exercise's optional dose parts, each drawing ``None`` or a value."""

    sets: st.SearchStrategy[Sets | None]
    timed_work: st.SearchStrategy[TimedWork | None]
    load: st.SearchStrategy[Load | None]
    effort: st.SearchStrategy[Effort | None]


def _optional(
    name: str, strategy: st.SearchStrategy[_V], *, flag: bool | None
) -> st.SearchStrategy[_V | None]:
    """``None`` or a value (``flag=None``; ``None`` first), values only (``True``), or ``None``."""
    optional_flag_argument(name, flag)
    if flag is None:
        return st.one_of(st.none(), strategy)
    return strategy if flag else st.none()


@st.composite
def _exercises(
    draw: st.DrawFn,
    ids: st.SearchStrategy[str] | None,
    hold_strategy: st.SearchStrategy[Hold | None],
    repetition_strategy: st.SearchStrategy[RepetitionScheme],
    parts: _Parts,
) -> Exercise:
    position = draw(none_or_sampled(_POSITION_VALUES))
    target, target_words, regions, target_object = draw(sampled(TARGETS))
    movement, category, verb, move_texts = draw(sampled(MOVEMENTS))
    if ids is not None:
        slug = draw(ids)
        if not SLUG.fullmatch(slug) or len(slug) > TEXT_LIMIT:
            raise InvalidArgument(
                f"ids must generate slugs of lowercase letters and digits joined by single "
                f"hyphens, of at most {TEXT_LIMIT} characters: {slug!r}"
            )
        name = name_from_slug(slug)
    else:
        prefix = POSITIONS[position][0] if position is not None and draw(BOOLEANS) else None
        slug = "-".join(part for part in (prefix, target, movement) if part)
        words = " ".join(part for part in (prefix, target_words, movement) if part)
        name = words[:1].upper() + words[1:]

    hold = draw(hold_strategy)
    repetitions = draw(repetition_strategy)
    work = draw(parts.timed_work)
    documented_sets = draw(parts.sets)

    setups = SETUP_TEXTS if position is None else POSITIONS[position][1]
    sequence = [Step(text=draw(sampled(setups)), kind=StepKind.SETUP)]
    distance = draw(none_or_sampled(DISTANCES))
    sequence.append(Step(text=draw(sampled(move_texts)), kind="move", distance=distance))
    if work is not None:  # in words without a number, which the prose check would read as a hold
        sequence.append(Step(text=draw(sampled(TIMED_WORK_TEXTS)), kind=StepKind.MOVE))
    if hold is not None:
        seconds = seconds_words(hold.min_seconds, hold.max_seconds)
        sequence.append(Step(text=f"Stay in the position for {seconds}.", kind=StepKind.HOLD))
    if draw(BOOLEANS):
        sequence.append(Step(text=draw(sampled(RELEASE_TEXTS)), kind=StepKind.RELEASE))
    if draw(BOOLEANS):
        sequence.append(Step(text=repeat_text(repetitions), kind=StepKind.REPEAT))
    if documented_sets is not None and draw(BOOLEANS):
        sequence.append(Step(text=sets_text(documented_sets), kind=StepKind.REPEAT))

    ending = draw(none_or_sampled(PURPOSE_ENDINGS))
    return Exercise(
        id=slug,
        name=name,
        purpose="" if ending is None else f"{verb} {target_object} {ending}.",
        steps=tuple(sequence),
        hold=hold,
        repetitions=repetitions,
        sets=documented_sets,
        timed_work=work,
        load=draw(parts.load),
        effort=draw(parts.effort),
        regions=regions,
        position=position,
        level=draw(none_or_sampled(_LEVEL_VALUES)),
        category=category if draw(BOOLEANS) else None,
        equipment=tuple(draw(_EQUIPMENT_LISTS)),
        precautions=tuple(draw(_PRECAUTION_LISTS)),
        media=tuple(draw(_MEDIA_LISTS)),
        source=draw(_OPTIONAL_CITATIONS),
    )


def exercises(
    *,
    ids: st.SearchStrategy[str] | None = None,
    laterality: Laterality | str | Collection[Laterality | str] | None = None,
    with_hold: bool | None = None,
    open_ended: bool | None = None,
    up_to: bool | None = None,
    stated: bool | None = None,
    with_sets: bool | None = None,
    with_timed_work: bool | None = None,
    with_load: bool | None = None,
    with_effort: bool | None = None,
) -> st.SearchStrategy[Exercise]:
    """Generate realistic exercises: a slug id, a readable name, steps, dose, regions, equipment.

    Ids are built from a small vocabulary (``"seated-hamstring-stretch"``), never one of the
    built-in catalog's; the name reads the id (``"Seated hamstring stretch"``). The steps run in
    order (setup, move, then the hold step when there is a hold, and perhaps a release and a repeat
    step stating the count, and one stating the sets); an exercise has a hold step exactly when it
    has a hold, whose text states the hold, and timed work adds a move step that keeps going until
    the time is up. Regions and category follow from the id's words. Sets, timed work, a load and
    an effort are each present or absent (drawn by :func:`sets`, :func:`timed_work`,
    :func:`loads` and :func:`efforts`), and up to two precautions and two media references are
    drawn (:func:`precautions`, :func:`media`). Values shrink toward an exercise without a hold,
    done once, bilaterally, in two steps, with no optional field.

    Args:
        ids: A strategy of slugs to use as ids instead of the vocabulary's (the name is then the
            id in words). Every value must be a slug, such as ``"wall-sit"``.
        laterality: As for :func:`repetition_schemes`.
        with_hold: ``True`` for exercises with a hold only, ``False`` for none, ``None`` for both.
        open_ended: As for :func:`repetition_schemes`.
        up_to: As for :func:`repetition_schemes`.
        stated: As for :func:`repetition_schemes`.
        with_sets: ``True`` for exercises that document sets only, ``False`` for none, ``None``
            for both.
        with_timed_work: The same, for timed work.
        with_load: The same, for a load.
        with_effort: The same, for an effort.

    Returns:
        A strategy of :class:`~solpt_rehab.Exercise` values.

    Raises:
        InvalidArgument: For an ``ids`` that is not a strategy (or, when drawn, a value of it that
            is not a slug), an unknown laterality, a flag that is not a bool or ``None``, or count
            flags that leave no shape of count.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
        Sets, timed work, loads, efforts, precautions, media, and counts "up to" a number or not
        stated, with the options that choose them.
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
    repetition_strategy = repetition_schemes(
        laterality=lateralities, open_ended=open_ended, up_to=up_to, stated=stated
    )
    parts = _Parts(
        sets=_optional("with_sets", sets(), flag=with_sets),
        timed_work=_optional("with_timed_work", timed_work(), flag=with_timed_work),
        load=_optional("with_load", loads(), flag=with_load),
        effort=_optional("with_effort", efforts(), flag=with_effort),
    )
    return _exercises(chosen_ids, hold_strategy, repetition_strategy, parts)


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
