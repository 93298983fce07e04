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
    """Say a scheme's count in words: ``"once"``, ``"3 to 5 times"``, ``"at least 3 times"``."""
    low = scheme.min_reps
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
