"""The three exercises documented by the source article, with exactly its documented doses.

The source is a physical-therapy clinic's article on exercises for lower back and hip pain (see
the docs page "The source and its documented ranges"). Its facts are kept as it states them:

* figure-4 stretch: hold 15-20 s, at least 3 repetitions (no upper bound), the painful side only;
* knees-to-chest stretch: hold 20-30 s, 3-5 repetitions, both legs together, rest "a few
  seconds" between repetitions (kept without a number);
* lying march: hold 2-3 s with the foot "a few inches" up (kept without a number), 8-10
  repetitions alternating legs, read as 8-10 lifts in total (the article does not say whether the
  count is per leg; the library takes the smaller, literal reading).

Names, purposes and steps are the project's own words.

Example::

    >>> from solpt_rehab import catalog
    >>> str(catalog.get("figure-4-stretch").hold)
    '15-20 s'
    >>> [exercise.id for exercise in catalog.all()]
    ['figure-4-stretch', 'knees-to-chest', 'lying-march']
"""

from __future__ import annotations

import functools
from typing import Final

from ._core.errors import UnknownExerciseError
from ._model.values import (
    BodyRegion,
    Category,
    Citation,
    CountingRule,
    Equipment,
    Exercise,
    Hold,
    Laterality,
    Level,
    Position,
    RepetitionScheme,
    Rest,
    Step,
    StepKind,
)

__all__ = ["SOURCE", "all", "get", "ids"]

#: The article the catalog's facts come from. Its full title is not quoted, to keep the project's
#: text its own; the title here describes it.
SOURCE: Final = Citation(
    title="Exercises for lower back and hip pain",
    publisher="SOL Physical Therapy (Sports + Orthopedic Leaders)",
)

_MAT: Final = "yoga mat"


@functools.cache
def _by_id() -> dict[str, Exercise]:
    """The exercises by id, in the article's order: made on first use, not at import."""
    figure_4_stretch = Exercise(
        id="figure-4-stretch",
        name="Figure-4 stretch",
        purpose=(
            "Lengthens the gluteal muscles on the painful side, which can ease pain in the lower "
            "back and the hip."
        ),
        steps=(
            Step(kind=StepKind.SETUP, text="Lie face up on the floor; a yoga mat adds cushioning."),
            Step(kind=StepKind.SETUP, text="Bend both knees and set both feet flat on the floor."),
            Step(
                kind=StepKind.SETUP,
                text="Rest the ankle of the painful leg across the opposite thigh.",
            ),
            Step(
                kind=StepKind.SETUP,
                text="Clasp your hands behind the thigh of the other leg, a little above the knee.",
            ),
            Step(
                kind=StepKind.MOVE,
                text=(
                    "Ease that leg slowly toward your chest until the buttock of the painful side "
                    "feels a stretch."
                ),
            ),
            Step(kind=StepKind.HOLD, text="Stay in the stretch for 15 to 20 seconds."),
            Step(kind=StepKind.REPEAT, text="Do the stretch three times or more."),
        ),
        hold=Hold(min_seconds=15, max_seconds=20),
        repetitions=RepetitionScheme(
            min_reps=3, max_reps=None, laterality=Laterality.AFFECTED_SIDE
        ),
        regions=(BodyRegion.BUTTOCK, BodyRegion.HIP, BodyRegion.LOWER_BACK),
        position=Position.SUPINE,
        level=Level.BEGINNER,
        category=Category.STRETCHING,
        equipment=(Equipment(name=_MAT, optional=True),),
        source=Citation(title=SOURCE.title, publisher=SOURCE.publisher, locator="exercise 1 of 3"),
    )

    knees_to_chest = Exercise(
        id="knees-to-chest",
        name="Knees-to-chest stretch",
        purpose=(
            "Lengthens the muscles of the buttocks and the lower back, to ease lower back and hip "
            "pain."
        ),
        steps=(
            Step(kind=StepKind.SETUP, text="Lie face up on a yoga mat or on a mattress."),
            Step(kind=StepKind.MOVE, text="Draw both knees up toward your chest."),
            Step(kind=StepKind.SETUP, text="Put one hand behind each thigh, just above the knee."),
            Step(
                kind=StepKind.MOVE,
                text=(
                    "With your hands, bring the knees in closer until the buttocks and the lower "
                    "back feel a stretch."
                ),
            ),
            Step(kind=StepKind.HOLD, text="Stay there for 20 to 30 seconds."),
            Step(kind=StepKind.RELEASE, text="Let go and rest for a few seconds."),
            Step(kind=StepKind.REPEAT, text="Do the stretch three to five times in all."),
        ),
        hold=Hold(min_seconds=20, max_seconds=30),
        repetitions=RepetitionScheme(
            min_reps=3, max_reps=5, laterality=Laterality.BILATERAL, rest=Rest(text="a few seconds")
        ),
        regions=(BodyRegion.BUTTOCK, BodyRegion.LOWER_BACK),
        position=Position.SUPINE,
        level=Level.BEGINNER,
        category=Category.STRETCHING,
        equipment=(Equipment(name=_MAT, optional=False, alternatives=("mattress",)),),
        source=Citation(title=SOURCE.title, publisher=SOURCE.publisher, locator="exercise 2 of 3"),
    )

    lying_march = Exercise(
        id="lying-march",
        name="Lying march",
        purpose=(
            "Gently stretches and strengthens the hip, buttock and lower back muscles, to help "
            "keep lower back and hip pain from coming back."
        ),
        steps=(
            Step(
                kind=StepKind.SETUP,
                text="Lie face up on the floor, on a yoga mat for padding if needed.",
            ),
            Step(
                kind=StepKind.SETUP,
                text="Rest both feet flat on the floor with the knees slightly bent.",
            ),
            Step(
                kind=StepKind.MOVE,
                text="Raise your right foot slowly, a few inches clear of the floor.",
                distance="a few inches",
            ),
            Step(kind=StepKind.HOLD, text="Keep it raised for 2 to 3 seconds."),
            Step(kind=StepKind.RELEASE, text="Bring the foot slowly back down to the floor."),
            Step(kind=StepKind.REPEAT, text="Do the same with your left leg."),
            Step(
                kind=StepKind.REPEAT,
                text="Keep switching legs until you reach 8 to 10 lifts in all.",
            ),
        ),
        hold=Hold(min_seconds=2, max_seconds=3),
        repetitions=RepetitionScheme(
            min_reps=8, max_reps=10, laterality=Laterality.ALTERNATING, counting=CountingRule.TOTAL
        ),
        regions=(BodyRegion.HIP, BodyRegion.BUTTOCK, BodyRegion.LOWER_BACK),
        position=Position.SUPINE,
        level=Level.BEGINNER,
        category=Category.STRENGTH,
        equipment=(Equipment(name=_MAT, optional=True),),
        source=Citation(title=SOURCE.title, publisher=SOURCE.publisher, locator="exercise 3 of 3"),
    )
    exercises = (figure_4_stretch, knees_to_chest, lying_march)
    return {exercise.id: exercise for exercise in exercises}


def get(id: str) -> Exercise:  # noqa: A002 - "id" is the domain's word, and the wire format's
    """Return the documented exercise with this id.

    Args:
        id: One of :func:`ids`, such as ``"lying-march"``.

    Raises:
        UnknownExerciseError: (a :class:`LookupError`) for any other id; its message lists the
            known ids.

    .. versionadded:: 0.1.0
    """
    try:
        return _by_id()[id]
    except (KeyError, TypeError):
        raise UnknownExerciseError(id, _by_id()) from None


def all() -> tuple[Exercise, ...]:  # noqa: A001 - the catalog's own "all", as the API promises
    """Return every documented exercise, in the article's order.

    .. versionadded:: 0.1.0
    """
    return tuple(_by_id().values())


def ids() -> tuple[str, ...]:
    """Return the ids of the documented exercises, in the article's order.

    .. versionadded:: 0.1.0
    """
    return tuple(_by_id())
