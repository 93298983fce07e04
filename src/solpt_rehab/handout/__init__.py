"""A patient's handout: what they take home, as plain content and as a printable page.

:func:`handout_content` reads a routine into a :class:`HandoutContent`, plain text and numbers
that every renderer shares; :func:`handout_html` writes it as one self-contained HTML page with
the guided session (it needs the ``render`` extra: ``pip install 'solpt_rehab[render]'``);
:func:`handout_pdf` typesets it as a tagged PDF/UA-1 file (the ``pdf`` extra).

.. versionadded:: 0.2.0
"""

from ._content import (
    DEFAULT_LOG_WEEKS,
    HandoutContent,
    HandoutExercise,
    HandoutMedia,
    HowOften,
    LogWeek,
    SessionStrip,
    StripSegment,
    WorkingFigure,
    handout_content,
)
from ._html import handout_html
from ._pdf import PAPER_SIZES, handout_pdf

__all__ = [
    "DEFAULT_LOG_WEEKS",
    "PAPER_SIZES",
    "HandoutContent",
    "HandoutExercise",
    "HandoutMedia",
    "HowOften",
    "LogWeek",
    "SessionStrip",
    "StripSegment",
    "WorkingFigure",
    "handout_content",
    "handout_html",
    "handout_pdf",
]
