"""Properties of the PDF handout, over routines drawn by Hypothesis (the library's strategies).

Whatever the routine, its text from strangers included, ``handout_pdf`` either writes a PDF or
refuses with the one clear error it documents (text that no font of the handout can show); and
the PDF is tagged and says it is PDF/UA. Compiling is fast (typst), so a
few dozen routines cost about a second.
"""

from __future__ import annotations

import re

from hypothesis import given, settings

from solpt_rehab import InvalidValueError, Routine
from solpt_rehab.handout import handout_pdf
from solpt_rehab.strategies import routines

_REFUSED = re.compile(
    r"the PDF handout's fonts cannot show some of the routine's text \(PDF/UA-1 forbids text "
    r"that no font shows\): '.+'( and \d+ more)?; give font_paths a font that has them"
)


@settings(max_examples=40)
@given(routines(max_items=3))
def test_a_routine_gives_a_pdf_or_the_one_documented_refusal(routine: Routine) -> None:
    refused: InvalidValueError | None = None
    try:
        pdf = handout_pdf(routine)
    except InvalidValueError as error:
        refused = error
    if refused is not None:
        assert _REFUSED.fullmatch(str(refused)), str(refused)
        return
    assert pdf.startswith(b"%PDF-")
    assert pdf.rstrip().endswith(b"%%EOF")
    assert b"/StructTreeRoot" in pdf  # tagged
    assert b"pdfuaid:part" in pdf  # and it says it is PDF/UA
