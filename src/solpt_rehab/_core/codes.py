"""The registry of problem codes: every code any check emits, its default severity and its meaning.

A code is a stable kebab-case identifier: once published it is never renamed or reworded, so
that tools may match on it. ``docs/problem-codes.md`` lists exactly these codes (a test checks it),
and every problem the library emits carries one of them (another test checks that).

A new rule (the prose reading, for instance) adds its codes here and to the docs page.
"""

from __future__ import annotations

import enum
from typing import Final


class Severity(str, enum.Enum):
    """How bad a :class:`Problem` is.

    .. versionadded:: 0.1.0
    """

    #: The content is wrong: it must not be accepted as it is.
    ERROR = "error"
    #: The content is legal but suspect, or deliberately departs from what is documented.
    WARNING = "warning"

    def __str__(self) -> str:
        return self.value


__all__ = ["CODES", "PARSE_CODES", "Severity"]

E: Final = Severity.ERROR
W: Final = Severity.WARNING

#: code -> (default severity, one-line description). Grouped: reading the text, the document's
#: structure, the domain rules, the command line, drafting from prose, articles, the importer.
CODES: Final[dict[str, tuple[Severity, str]]] = {
    # -- reading the text (validate_text, loads, the command line) --
    "malformed-json": (E, "the text is not JSON; the message gives the line and column"),
    "malformed-yaml": (E, "the text is not YAML; the message gives the line and column"),
    "yaml-alias": (E, "a YAML alias (`*name`); aliases are refused, which stops alias bombs"),
    "yaml-tag": (E, "a YAML tag beyond the plain types (`!!python/object`, `!!set`); refused"),
    "yaml-not-installed": (
        E,
        "YAML asked for without PyYAML; install the extra: `pip install 'solpt_rehab[yaml]'`",
    ),
    "empty-document": (E, "the file or text holds nothing but white space"),
    "byte-order-mark": (W, "the UTF-8 text starts with a byte-order mark, which is ignored"),
    "invalid-utf8": (E, "the bytes are not UTF-8 (UTF-16 and UTF-32 are refused too)"),
    "non-finite-literal": (E, "a `NaN`, `Infinity` or `-Infinity` literal, which JSON lacks"),
    "number-too-large": (E, "a number beyond the range of a 64-bit float"),
    "duplicate-key": (E, "the same key twice in one object; JSON parsers disagree on which wins"),
    "too-deep": (E, "arrays and objects nested more deeply than the parser can follow"),
    "too-large": (
        E,
        "a text over the size limit (64 MiB unless `max_size` or `--max-bytes` says), unread",
    ),
    # -- the document's structure --
    "wrong-kind": (
        E,
        "`kind` is not `exercise`, `catalog`, `routine` or `session-log`, or not the one expected",
    ),
    "unknown-version": (E, "`format_version` is not a version this library reads (1 or 2)"),
    "missing-key": (E, "a required key is absent; the path is the key's own path"),
    "unknown-key": (E, "a key the format does not define (often a misspelling)"),
    "wrong-type": (E, "a value of the wrong JSON type, such as a string where a number belongs"),
    "bad-enum": (E, "a string that is not one of the allowed values"),
    "not-finite": (E, "a number that is NaN or infinite"),
    "not-positive": (E, "a number that must be greater than zero is not"),
    "fractional": (E, "a number that must be whole (`3`, not `3.5` or `3.0`) is not"),
    "above-maximum": (E, "a number above its largest allowed value (more than 7 days a week)"),
    "empty-text": (E, "a text that must say something is empty or only white space"),
    "too-long": (E, "a text longer than 10,000 characters"),
    "invalid-unicode": (
        E,
        "a text holding a surrogate code point (JSON's `\\ud800`): not valid Unicode",
    ),
    "control-character": (
        E,
        "a text holding a control character (C0 but tab and newline, DEL, C1) or a bidi override",
    ),
    "not-a-slug": (E, "an id that is not lowercase letters and digits joined by single hyphens"),
    "empty-array": (E, "an array that must hold at least one item is empty"),
    "bad-date": (E, "a date that is not a real day written `YYYY-MM-DD`"),
    "bad-time": (E, "a time of day that is not written `HH:MM` on a 24-hour clock"),
    "invalid-value": (E, "a value the model refuses for a reason no other code names"),
    # -- the domain rules --
    "range-inverted": (E, "a range whose maximum is below its minimum"),
    "rest-incomplete": (E, "a rest with only one end of its range of seconds"),
    "rest-undescribed": (E, "a rest with neither seconds nor a text saying how it is documented"),
    "counting-missing": (E, "two-sided repetitions without a counting rule (total or per side)"),
    "counting-not-allowed": (E, "a counting rule on repetitions that are not two-sided"),
    "hold-step-missing": (E, "an exercise with a hold but no step of kind `hold`"),
    "load-amount-incomplete": (E, "a load with only one end of its range of amounts"),
    "load-amount-not-allowed": (E, "an amount on a load that is not a weight"),
    "load-unit-missing": (E, "a weight's amount without its unit (`kg` or `lb`)"),
    "load-unit-not-allowed": (E, "a unit on a load without an amount"),
    "load-undescribed": (E, "a `described` load without a text"),
    "effort-rpe-incomplete": (E, "an effort with only one end of its RPE range"),
    "effort-undescribed": (E, "an effort with neither a text nor an RPE range"),
    "duplicate-id": (
        E,
        (
            "two exercises with one id in a catalog; in a routine, two different ones or one "
            "embedded twice"
        ),
    ),
    "unknown-exercise": (E, "a routine refers to an id neither embedded nor in the catalog"),
    "hold-out-of-range": (E, "a prescribed hold outside the exercise's documented range"),
    "reps-out-of-range": (E, "prescribed repetitions outside the exercise's documented range"),
    "hold-not-documented": (E, "a hold prescribed for an exercise that documents none"),
    "sets-out-of-range": (E, "prescribed sets outside the exercise's documented range"),
    "work-out-of-range": (E, "prescribed timed work outside the exercise's documented range"),
    "work-not-documented": (E, "timed work prescribed for an exercise that documents none"),
    "load-out-of-range": (
        E,
        "a prescribed load of another kind, band level or amount than the exercise documents",
    ),
    "reps-not-stated": (
        E,
        "no repetitions prescribed for an exercise whose source states no lower bound",
    ),
    "side-missing": (E, "no side for an exercise that works the painful side only"),
    "side-not-allowed": (E, "a side the exercise's laterality does not allow"),
    "deviation": (W, "a recorded deviation: a dose outside its range, or a reason with none"),
    "reps-implausibly-high": (W, "an open-ended count prescribed above 3 times its minimum"),
    "prose-hold-mismatch": (W, "a step's text states a hold outside the structured `hold`"),
    "prose-reps-mismatch": (W, "a step's text states a count outside the structured `repetitions`"),
    "prose-sets-mismatch": (
        W,
        "a step's text states sets or a rest between sets outside the structured `sets`",
    ),
    "prose-work-mismatch": (
        W,
        "a step's text states timed work outside the structured `timed_work`",
    ),
    "prose-load-mismatch": (
        W,
        "a step's text states a load of another kind, level or amount than `load`",
    ),
    # -- progression rules --
    "progression-no-schedule": (
        E,
        "a progression rule with neither `every_weeks` nor `every_sessions`",
    ),
    "progression-two-schedules": (
        E,
        "a progression rule with both `every_weeks` and `every_sessions`",
    ),
    "progression-duplicate-dose": (E, "a second progression rule of one item for the same dose"),
    "progression-not-applicable": (
        E,
        "a progression of a dose the item does not prescribe (no hold, no timed work, no weight)",
    ),
    "progression-uncapped": (
        E,
        "a progression without `until` of a dose whose documented range has no maximum",
    ),
    "progression-idle": (
        W,
        "a progression whose cap is not above the starting dose: it never steps",
    ),
    # -- session logs --
    "reps-two-ways": (E, "a set's repetitions given both in all (`reps`) and side by side"),
    "skipped-with-sets": (E, "an exercise logged as skipped that has sets done"),
    # -- adherence (the logs read against their routine) --
    "log-outside-programme": (
        W,
        "a log dated outside the period asked for or the routine's programme; left out",
    ),
    "duplicate-session": (
        W,
        "a second log of one session (same date and time, or equal); counted once",
    ),
    "log-unknown-exercise": (W, "a logged exercise that the routine does not hold; left out"),
    "log-dose-far": (
        W,
        "a set of more than twice the prescribed repetitions, or over twice the sets; counted",
    ),
    # -- the report itself --
    "too-many-problems": (
        E,
        "past the report's limit (`max_problems`), errors among them: counted",
    ),
    "too-many-warnings": (W, "past the report's limit (`max_problems`), only warnings: counted"),
    # -- the command line --
    "unreadable-file": (
        E,
        "the command line or `import_file` could not read the file (exit status 2)",
    ),
    # -- drafting exercises from prose (read_article and the free-exercise-db importer) --
    "hold-not-stated": (W, "no step states a hold, or a step only stands in for one: no hold"),
    "hold-unquantified": (W, "a step states a hold without a number; the draft has none"),
    "hold-open-ended": (W, "a step states a hold without an upper bound; the draft has none"),
    "repetitions-not-stated": (W, "no step states a count; the draft states none either"),
    "laterality-not-stated": (W, "no side cue; the draft reads the exercise as bilateral"),
    "counting-not-stated": (
        W,
        "two-sided work without a counting rule; the draft takes the documented default",
    ),
    "id-renamed": (
        W,
        "an id an earlier exercise of the input took; this one gets a number (`-2`, `-3`)",
    ),
    # -- reading an article (read_article) --
    "no-exercises": (
        E,
        "the article has no numbered exercise, or the imported list gives no exercise",
    ),
    "no-steps": (E, "an exercise of the article has no bullet steps, so it is left out"),
    "purpose-missing": (W, "an exercise of the article has no `Purpose:` line"),
    # -- importing free-exercise-db --
    "missing-field": (E, "an entry without its `id`, `name` or `instructions`; it is left out"),
    "bad-id": (E, "an entry whose `id` has no letter or digit to make a slug of; it is left out"),
    "no-instructions": (E, "an entry without an instruction to make a step of; it is left out"),
    "value-dropped": (
        W,
        "a value the importer cannot use (wrong type, empty, unknown name...); it is dropped",
    ),
    # -- reading FHIR (solpt_rehab.fhir.from_fhir) --
    "fhir-not-readable": (
        E,
        "not an ActivityDefinition, PlanDefinition, CarePlan or Bundle, which are what is read",
    ),
    "fhir-missing": (
        E,
        (
            "the model needs what the resource does not say, such as the side or the dose, which "
            "core FHIR cannot say (the library's extensions do)"
        ),
    ),
    "fhir-invalid": (
        E,
        (
            "an element of the wrong shape, an extension part of the wrong type, or a Timing that "
            "disagrees with the extension it shadows"
        ),
    ),
    "fhir-unmapped": (
        W,
        (
            "an element or extension the model has no place for, or a PlanDefinition's value "
            "other than its CarePlan's; it is not kept (never dropped unsaid)"
        ),
    ),
    "fhir-modifier-extension": (
        E,
        (
            "a modifier extension the reader does not know; it may change the meaning, so nothing "
            "is read as if it were absent"
        ),
    ),
}

#: Codes that only reading raw text can produce: a JSON Schema sees parsed values, not text.
#: (``number-too-large`` is not among them: a parsed document may hold an integer of 400 digits.)
PARSE_CODES: Final = frozenset(
    {
        "malformed-json",
        "malformed-yaml",
        "yaml-alias",
        "yaml-tag",
        "yaml-not-installed",
        "empty-document",
        "byte-order-mark",
        "invalid-utf8",
        "non-finite-literal",
        "duplicate-key",
        "too-deep",
        "too-large",
        "unreadable-file",
    }
)
