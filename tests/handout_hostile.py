"""A routine whose every text a stranger wrote to break out of a page: for the handout's tests.

Each text comes from the usual lists of cross-site scripting probes: script tags, event handlers,
``javascript:`` URLs, closing tags of the elements a handout writes (``</title>``, ``</style>``,
``</script>``, ``</textarea>``), comments and CDATA, CSS that tries to leave its rule, template
syntax, text that is escaped already, and the bidirectional marks the model lets through. Each
probe that would run calls ``alert()`` with its own number, so a test that listens for dialogs
knows which one got through.
"""

from __future__ import annotations

from typing import Final

from solpt_rehab import (
    Effort,
    Equipment,
    Exercise,
    Hold,
    Load,
    Media,
    RepetitionScheme,
    Rest,
    Routine,
    RoutineBuilder,
    Sets,
    Step,
)

#: The probes, in the order the routine uses them.
PROBES: Final = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    '"><svg onload=alert(3)>',
    "</title><script>alert(4)</script>",
    "</script><script>alert(5)</script>",
    "</style><script>alert(6)</script><style>",
    "x{}</style><style>body{display:none}</style>",
    "a{background:url(javascript:alert(7))} <!-- <![CDATA[ -->",
    "' onmouseover='alert(8)' x='",
    "{{ 7 * 7 }} {% raw %} ${alert(9)}",
    "&lt;b&gt;escaped already&lt;/b&gt; &amp;",
    "\u200fright-to-left mark\u061c, arabic letter mark \u2028 line separator",
    "</textarea><iframe srcdoc='<script>alert(10)</script>'></iframe>",
    "<a href=javascript:alert(11)>click</a>",
)

#: Media references a stranger wrote: none of them may become a link.
UNLINKABLE: Final = (
    "javascript:alert(12)",
    " javascript:alert(13)",
    "JaVaScRiPt:alert(14)",
    "data:text/html,<script>alert(15)</script>",
    "java\tscript:alert(16)",
)


def hostile_exercise() -> Exercise:
    """An exercise whose name, purpose, steps, precautions and media are all probes."""
    return Exercise(
        id="hostile-stretch",
        name=PROBES[0] + " " + PROBES[4],
        purpose=" ".join(PROBES[1:4]),
        steps=[Step(text=probe, kind="setup") for probe in PROBES]
        + [Step(text=PROBES[5], kind="hold")],
        hold=Hold(min_seconds=2, max_seconds=3),
        repetitions=RepetitionScheme(
            min_reps=2,
            max_reps=2,
            laterality="each-side",
            counting="per-side",
            rest=Rest(text=PROBES[6]),
        ),
        sets=Sets(min_sets=2, max_sets=2, rest=Rest(text=PROBES[7])),
        load=Load(kind="described", text=PROBES[8]),
        effort=Effort(text=PROBES[9]),
        equipment=[Equipment(name=PROBES[10], optional=False, alternatives=[PROBES[11]])],
        precautions=PROBES[11:],
        media=[Media(uri=uri, kind="image", alt=PROBES[12]) for uri in UNLINKABLE]
        + [Media(uri="https://example.org/a?b=1&c=<2>", kind="video", alt=PROBES[13])],
    )


def hostile_routine() -> Routine:
    """A routine of the hostile exercise, with a probe for its name and notes, and the catalog's."""
    return (
        RoutineBuilder(PROBES[3] + " " + PROBES[4], notes=PROBES[5] + PROBES[6])
        .add(hostile_exercise(), notes=PROBES[1])
        .add("knees-to-chest")
        .build()
    )
