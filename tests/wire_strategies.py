"""Local Hypothesis strategies for the wire-format tests: valid values, and documents of them.

Kept here, beside the tests that use them; the library's public strategies live elsewhere.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from solpt_rehab import (
    BodyRegion,
    Category,
    Citation,
    CountingRule,
    Equipment,
    Exercise,
    Frequency,
    Hold,
    Laterality,
    Level,
    Position,
    RepetitionScheme,
    Rest,
    Routine,
    RoutineItem,
    Side,
    Step,
    StepKind,
    catalog,
)
from solpt_rehab._routines.dose import IMPLAUSIBLE_OPEN_ENDED_FACTOR

slugs = st.from_regex(r"[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}", fullmatch=True)
#: The characters a text of the model may hold: no surrogate (Cs), no control character (Cc) but
#: tab and newline, no bidirectional embedding, override or isolate.
characters = st.characters(
    codec="utf-8",
    exclude_categories=["Cs", "Cc"],
    include_characters="\t\n",
    exclude_characters="\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
)
texts = st.text(alphabet=characters, min_size=1, max_size=20).filter(
    lambda text: text.strip() != ""
)
any_texts = st.text(alphabet=characters, max_size=12)
seconds = st.one_of(
    st.integers(min_value=1, max_value=600),
    st.floats(min_value=0.5, max_value=600, allow_nan=False, allow_infinity=False),
)


@st.composite
def holds(draw: st.DrawFn) -> Hold:
    low = draw(seconds)
    high = draw(st.one_of(st.just(low), seconds.filter(lambda value: value >= low)))
    return Hold(min_seconds=low, max_seconds=high)


@st.composite
def rests(draw: st.DrawFn) -> Rest:
    if draw(st.booleans()):
        return Rest(text=draw(texts))
    low = draw(seconds)
    high = draw(seconds.filter(lambda value: value >= low))
    return Rest(min_seconds=low, max_seconds=high, text=draw(st.none() | texts))


@st.composite
def schemes(draw: st.DrawFn) -> RepetitionScheme:
    low = draw(st.integers(min_value=1, max_value=30))
    high = draw(st.none() | st.integers(min_value=low, max_value=low + 20))
    laterality = draw(st.sampled_from(Laterality))
    counting = draw(st.sampled_from(CountingRule)) if laterality.two_sided else None
    return RepetitionScheme(
        min_reps=low,
        max_reps=high,
        laterality=laterality,
        counting=counting,
        rest=draw(st.none() | rests()),
    )


steps = st.builds(Step, text=texts, kind=st.sampled_from(StepKind), distance=st.none() | texts)
equipment = st.builds(
    Equipment,
    name=texts,
    optional=st.booleans(),
    alternatives=st.lists(texts, max_size=2).map(tuple),
)
citations = st.builds(
    Citation,
    title=texts,
    publisher=any_texts,
    url=st.none() | texts,
    locator=st.none() | texts,
)


@st.composite
def exercises(draw: st.DrawFn, ids: st.SearchStrategy[str] = slugs) -> Exercise:
    hold = draw(st.none() | holds())
    drawn = draw(st.lists(steps, min_size=1, max_size=4))
    if hold is not None and not any(step.kind is StepKind.HOLD for step in drawn):
        drawn.insert(draw(st.integers(0, len(drawn))), Step(text=draw(texts), kind=StepKind.HOLD))
    return Exercise(
        id=draw(ids),
        name=draw(texts),
        purpose=draw(any_texts),
        steps=tuple(drawn),
        hold=hold,
        repetitions=draw(schemes()),
        regions=tuple(draw(st.lists(st.sampled_from(BodyRegion), max_size=3))),
        position=draw(st.none() | st.sampled_from(Position)),
        level=draw(st.none() | st.sampled_from(Level)),
        category=draw(st.none() | st.sampled_from(Category)),
        equipment=tuple(draw(st.lists(equipment, max_size=2))),
        source=draw(st.none() | citations),
    )


@st.composite
def catalogs(draw: st.DrawFn, ids: st.SearchStrategy[str] = slugs) -> tuple[Exercise, ...]:
    """Exercises with unique ids."""
    chosen = draw(st.lists(ids, unique=True, max_size=4))
    return tuple(draw(exercises(ids=st.just(identifier))) for identifier in chosen)


@st.composite
def items(draw: st.DrawFn, exercise: Exercise) -> RoutineItem:
    """A dose of ``exercise``: inside its ranges, or outside them with a recorded deviation."""
    deviation = draw(st.none() | texts)
    scheme = exercise.repetitions
    least = 1 if scheme.min_reps is None else scheme.min_reps  # stated here and in the catalog
    high = scheme.max_reps or least * IMPLAUSIBLE_OPEN_ENDED_FACTOR
    reps = draw(st.integers(least, high) if deviation is None else st.integers(1, high + 5))
    hold_seconds = None
    if exercise.hold is not None and draw(st.booleans()):
        hold = exercise.hold
        hold_seconds = (
            draw(st.floats(hold.min_seconds, hold.max_seconds))
            if deviation is None
            else draw(seconds)
        )
    laterality = exercise.laterality
    if laterality is Laterality.AFFECTED_SIDE:
        side = draw(st.sampled_from([Side.LEFT, Side.RIGHT]))
    elif laterality is Laterality.BILATERAL:
        side = Side.BOTH
    else:
        side = draw(st.sampled_from(Side))
    return RoutineItem(
        exercise=exercise, hold_seconds=hold_seconds, reps=reps, side=side, deviation=deviation
    )


@st.composite
def routines(draw: st.DrawFn) -> Routine:
    custom = draw(catalogs(ids=slugs.filter(lambda slug: slug not in catalog.ids())))
    pool = [*catalog.all(), *custom]
    chosen = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=4))
    return Routine(
        name=draw(texts),
        items=tuple(draw(items(exercise)) for exercise in chosen),
        frequency=draw(
            st.builds(
                Frequency,
                sessions_per_day=st.integers(1, 5),
                days_per_week=st.integers(1, 7),
            )
        ),
        weeks=draw(st.none() | st.integers(1, 52)),
    )


#: Every kind of value a document holds.
values = st.one_of(exercises(), catalogs(), routines())

#: JSON values of any shape, small.
json_values: st.SearchStrategy[Any] = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=8,
)


#: Values that replace a part of a document: each a JSON type, an empty text, a bad enum value.
#: No float with a whole value (``3.0``): JSON Schema counts it an integer, the validator does not.
replacements = st.sampled_from(
    [None, True, False, 0, -1, 2, 1.5, "", " ", "x", "bogus value", [], [1], {}, {"x": 1}]
)


def _paths(value: Any, at: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [at]
    if isinstance(value, dict):
        for key, element in value.items():
            found.extend(_paths(element, (*at, key)))
    elif isinstance(value, list):
        for index, element in enumerate(value):
            found.extend(_paths(element, (*at, index)))
    return found


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _copy(element) for key, element in value.items()}
    if isinstance(value, list):
        return [_copy(element) for element in value]
    return value


@st.composite
def mutated(
    draw: st.DrawFn, document: dict[str, Any], by: st.SearchStrategy[Any] = replacements
) -> dict[str, Any]:
    """``document`` with one structural change: a value replaced, a key removed or added."""
    result: dict[str, Any] = _copy(document)
    at = draw(st.sampled_from(_paths(result)))
    parent: Any = result
    for token in at[:-1]:
        parent = parent[token]
    target = parent[at[-1]] if at else result
    change = draw(st.sampled_from(["replace", "remove", "add"]))
    if change == "add" and isinstance(target, dict):
        target[draw(st.sampled_from(["extra", "nmae", "Kind", "id", "hold"]))] = draw(by)
    elif change == "remove" and at and isinstance(parent, dict):
        del parent[at[-1]]
    elif at:
        parent[at[-1]] = draw(by)
    else:
        result["kind"] = draw(by | st.sampled_from(["exercise", "catalog", "routine"]))
    return result
