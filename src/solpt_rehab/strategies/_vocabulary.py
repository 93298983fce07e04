"""The vocabulary of the generated values: their texts, word tables and phrases.

Texts are readable and ids are slugs, built from these few words of the project's own, so that a
failing example reads like a real prescription.
"""

from __future__ import annotations

from typing import Final

from .._model.values import (
    BodyRegion,
    Category,
    CountingRule,
    Laterality,
    Position,
    RepetitionScheme,
    Rest,
    Sets,
    format_number,
)

# -- rests ----------------------------------------------------------------------------------------

#: Rests documented only in words, the first the source's own.
VAGUE_RESTS: Final = (
    "a few seconds",
    "a short pause",
    "until your breathing settles",
    "a couple of slow breaths",
    "as long as you need",
)
#: Notes a quantified rest may carry.
REST_NOTES: Final = (
    "between repetitions",
    "sitting or lying quietly",
    "before changing sides",
)

# -- steps ----------------------------------------------------------------------------------------

#: The starting position's id word and the setup steps that put a person into it.
POSITIONS: Final[dict[Position, tuple[str, tuple[str, ...]]]] = {
    Position.SUPINE: (
        "supine",
        (
            "Lie on your back with both knees bent and your feet flat.",
            "Lie face up on a firm surface with your legs out straight.",
        ),
    ),
    Position.PRONE: (
        "prone",
        (
            "Lie face down with your forehead resting on your hands.",
            "Lie on your front with your arms along your sides.",
        ),
    ),
    Position.SIDE_LYING: (
        "side-lying",
        (
            "Lie on your side with your knees bent and stacked.",
            "Lie on one side with your head resting on your lower arm.",
        ),
    ),
    Position.SITTING: (
        "seated",
        (
            "Sit upright on a firm chair with both feet on the floor.",
            "Sit near the front edge of a chair and lengthen your spine.",
        ),
    ),
    Position.STANDING: (
        "standing",
        (
            "Stand tall with your feet hip-width apart.",
            "Stand beside a kitchen counter and rest one hand on it for balance.",
        ),
    ),
    Position.KNEELING: (
        "kneeling",
        (
            "Kneel upright on a cushion with your hips above your knees.",
            "Kneel on a folded towel and keep your trunk tall.",
        ),
    ),
    Position.QUADRUPED: (
        "quadruped",
        (
            "Come onto your hands and knees, hands below your shoulders.",
            "Kneel on all fours with your knees under your hips.",
        ),
    ),
}
SETUP_TEXTS: Final = tuple(text for _, texts in POSITIONS.values() for text in texts)

#: Target words of an id, the words a person reads, the regions, and the purpose's object.
TARGETS: Final[tuple[tuple[str, str, tuple[BodyRegion, ...], str], ...]] = (
    ("hamstring", "hamstring", (BodyRegion.THIGH,), "the back of the thigh"),
    ("calf", "calf", (BodyRegion.LOWER_LEG,), "the calf muscles"),
    ("hip-flexor", "hip flexor", (BodyRegion.HIP,), "the front of the hip"),
    ("glute", "glute", (BodyRegion.BUTTOCK, BodyRegion.HIP), "the muscles of the buttock"),
    ("quad", "quad", (BodyRegion.THIGH,), "the front of the thigh"),
    ("shoulder", "shoulder", (BodyRegion.SHOULDER,), "the muscles around the shoulder"),
    ("neck", "neck", (BodyRegion.NECK,), "the side of the neck"),
    ("chest", "chest", (BodyRegion.CHEST,), "the chest"),
    ("upper-back", "upper back", (BodyRegion.UPPER_BACK,), "the upper back"),
    ("lower-back", "lower back", (BodyRegion.LOWER_BACK,), "the lower back"),
    ("core", "core", (BodyRegion.ABDOMEN, BodyRegion.LOWER_BACK), "the deep abdominal muscles"),
    ("wrist", "wrist", (BodyRegion.FOREARM,), "the wrist and forearm"),
)

#: Movement words of an id, the kind of exercise, the purpose's verb, and the moving steps.
MOVEMENTS: Final[tuple[tuple[str, Category, str, tuple[str, ...]], ...]] = (
    (
        "stretch",
        Category.STRETCHING,
        "Lengthens",
        (
            "Lean gently into the stretch until you feel a mild pull.",
            "Ease a little further into the position without bouncing.",
        ),
    ),
    (
        "bridge",
        Category.STRENGTH,
        "Strengthens",
        (
            "Push through your heels and lift your hips off the floor.",
            "Raise your hips until your knees, hips and shoulders line up.",
        ),
    ),
    (
        "raise",
        Category.STRENGTH,
        "Strengthens",
        (
            "Lift the limb slowly, keeping the movement smooth and controlled.",
            "Raise it to a comfortable height, then pause.",
        ),
    ),
    (
        "squeeze",
        Category.STRENGTH,
        "Wakes up",
        (
            "Tighten the muscles gently while you keep breathing.",
            "Draw the muscles in softly, at about a third of your full effort.",
        ),
    ),
    (
        "rotation",
        Category.MOBILITY,
        "Loosens",
        (
            "Turn slowly to one side, only as far as is comfortable.",
            "Rotate back through the middle and on to the other side.",
        ),
    ),
    (
        "slide",
        Category.MOBILITY,
        "Loosens",
        (
            "Glide your heel along the floor, away from your body.",
            "Let the limb slide out until you feel a gentle stretch.",
        ),
    ),
    (
        "press",
        Category.STRENGTH,
        "Strengthens",
        (
            "Press steadily against the resistance while your back stays still.",
            "Push into the band slowly and keep your shoulders relaxed.",
        ),
    ),
)
MOVE_TEXTS: Final = tuple(text for *_, texts in MOVEMENTS for text in texts)
DISTANCES: Final = ("a few inches", "about 10 cm", "a hand's width", "as far as is comfortable")
HOLD_TEXTS: Final = (
    "Keep still in this position and breathe steadily.",
    "Stay there without holding your breath.",
)
RELEASE_TEXTS: Final = (
    "Relax and return slowly to where you started.",
    "Let go gently and rest for a moment.",
    "Lower back down with control.",
)
REPEAT_TEXTS: Final = (
    "Repeat the whole sequence.",
    "Do the same on the other side.",
)
PURPOSE_ENDINGS: Final = (
    "to ease stiffness",
    "to make everyday movement easier",
    "to help settle lower back and hip pain",
    "after long spells of sitting",
)

# -- phrases made from a value --------------------------------------------------------------------


def seconds_words(low: float, high: float) -> str:
    """Say a hold in words: ``"1 second"``, ``"20 seconds"``, ``"15 to 30 seconds"``."""
    if low == high:
        return f"{format_number(low)} second{'' if low == 1 else 's'}"
    return f"{format_number(low)} to {format_number(high)} seconds"


def _count_words(scheme: RepetitionScheme) -> str:
    """Say a scheme's count in words: ``"once"``, ``"3 to 5 times"``, ``"at least 3 times"``.

    A count with no lower bound reads ``"up to 10 times"``, and no count at all ``"as many times
    as is comfortable"``: the words state no number the scheme does not.
    """
    low = scheme.min_reps
    if low is None:
        if scheme.max_reps is None:
            return "as many times as is comfortable"
        return f"up to {scheme.max_reps} times"
    if scheme.max_reps is None:
        return f"at least {low} times"
    if scheme.max_reps == low:
        return "once" if low == 1 else f"{low} times"
    return f"{low} to {scheme.max_reps} times"


def repeat_text(scheme: RepetitionScheme) -> str:
    """The repeat step's text: the count, and how the sides share it."""
    count = _count_words(scheme)
    per_side = scheme.counting is CountingRule.PER_SIDE
    if scheme.laterality is Laterality.BILATERAL:
        return f"Do it {count} in all."
    if scheme.laterality is Laterality.AFFECTED_SIDE:
        return f"Do it {count}, on the painful side only."
    if scheme.laterality is Laterality.ALTERNATING:
        return f"Switch sides each time: {count} {'with each side' if per_side else 'in all'}."
    if per_side:
        return f"Do it {count} on one side, then as many times on the other."
    return f"Do every repetition on one side, then change sides: {count} in all."


def _rest_words(rest: Rest) -> str:
    """Say a rest in words: ``"30 seconds"``, ``"30 to 60 seconds"``, or its own text."""
    if rest.min_seconds is None or rest.max_seconds is None:
        return str(rest.text)
    return seconds_words(rest.min_seconds, rest.max_seconds)


def sets_text(sets: Sets) -> str:
    """A repeat step's text for the sets: ``"Do 2 to 3 sets, resting 30 seconds between sets."``."""
    low, high = sets.min_sets, sets.max_sets
    if high is None:
        count = f"at least {low} sets"
    elif high == low:
        count = "1 set" if low == 1 else f"{low} sets"
    else:
        count = f"{low} to {high} sets"
    rest = "" if sets.rest is None else f", resting {_rest_words(sets.rest)} between sets"
    return f"Do {count}{rest}."


def name_from_slug(slug: str) -> str:
    """The name a slug reads as: ``"wall-sit"`` is ``"Wall sit"``."""
    words = slug.replace("-", " ")
    return words[:1].upper() + words[1:]


# -- equipment and citations ----------------------------------------------------------------------

#: Each piece of equipment and what may stand in for it.
EQUIPMENT: Final = (
    ("yoga mat", ("mattress", "folded blanket")),
    ("resistance band", ("towel",)),
    ("firm chair", ("bench",)),
    ("pillow", ("rolled towel",)),
    ("foam roller", ("rolled blanket",)),
    ("small ball", ("rolled towel",)),
    ("step", ("bottom stair",)),
)
CITATION_TITLES: Final = (
    "Home exercise handout",
    "Clinic exercise sheet",
    "Physiotherapy home programme",
    "Lower limb rehabilitation notes",
)
PUBLISHERS: Final = ("Example Physiotherapy Clinic", "Riverside Rehabilitation Centre")

# -- doses and routines ---------------------------------------------------------------------------

#: A clinician's recorded reason for a dose outside the documented range.
DEVIATION_REASONS: Final = (
    "agreed with the patient at review",
    "the surgeon's post-operative protocol",
    "reduced after a flare-up",
    "progressed after two weeks without pain",
)
ROUTINE_NAMES: Final = (
    "Home programme",
    "Morning stretches",
    "Lower back and hip routine",
    "Evening mobility",
    "Gentle strength block",
)

# -- sets, timed work, load, effort, precautions, media ----------------------------------------

#: Notes a quantified rest between sets may carry, and rests between sets in words only.
SET_REST_NOTES: Final = ("between sets", "sitting down")
#: The steps of timed work: they keep the body moving until the time is up, and state no number
#: (a number of seconds in a step reads as a hold).
TIMED_WORK_TEXTS: Final = (
    "Keep the movement going at a steady pace until the time is up.",
    "Carry on smoothly, without rushing, until the timer ends.",
)
#: A band's level or colour as handouts name it.
BAND_LEVELS: Final = ("light", "medium", "heavy", "yellow", "red", "green", "blue")
#: A source's own words for a band or a weight.
BAND_TEXTS: Final = ("a resistance band", "an exercise band tied in a loop")
WEIGHT_TEXTS: Final = ("a dumbbell", "an ankle weight", "a small kettlebell")
#: Loads described in words only.
DESCRIBED_LOADS: Final = (
    "a full water bottle",
    "a tin of beans in each hand",
    "a bag of rice",
    "a shopping bag with two books in it",
)
#: How hard the work should feel, in words.
EFFORT_TEXTS: Final = (
    "to a gentle stretch, not pain",
    "until the muscles feel tired",
    "comfortably hard",
    "easy enough to talk through",
)
#: Safety notes for the patient.
PRECAUTIONS: Final = (
    "Stop if the pain increases.",
    "Stop and sit down if you feel dizzy.",
    "Keep breathing; do not hold your breath.",
    "Stay within a range that is free of pain.",
    "Check with your surgeon before doing this in the first six weeks after an operation.",
)
#: A picture's or a video's text alternative, and licences media is used under.
MEDIA_ALTS: Final = (
    "The starting position.",
    "The end of the movement.",
    "A physiotherapist demonstrating the exercise.",
)
LICENCES: Final = ("CC0-1.0", "CC-BY-4.0", "Unlicense")
#: Notes for the patient about one exercise, and about a whole routine.
ITEM_NOTES: Final = (
    "Start on the less painful side.",
    "Do this one after a warm shower.",
    "Skip it on days when your back is sore.",
)
ROUTINE_NOTES: Final = (
    "Spread the sessions over the day.",
    "Bring this sheet to your next appointment.",
    "Call the clinic if the pain gets worse over two days.",
)
