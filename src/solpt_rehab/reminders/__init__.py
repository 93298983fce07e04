"""Calendar reminders for a routine: an iCalendar file (RFC 5545) a phone or a desktop imports.

One recurring event per session of the day, on the routine's days a week over its weeks, each with
an alarm and the routine's summary in its description. Writing the file needs the ``calendar``
extra (``pip install 'solpt_rehab[calendar]'``, the ``icalendar`` package), imported on first use;
:func:`session_starts` needs nothing beyond the library. See the how-to page "Calendar reminders".

Example::

    >>> import datetime
    >>> from solpt_rehab import RoutineBuilder
    >>> from solpt_rehab.reminders import session_starts
    >>> routine = RoutineBuilder("Hips", weeks=1).add("knees-to-chest").build()
    >>> [str(when) for when in session_starts(
    ...     routine, start=datetime.date(2026, 3, 2), at=[datetime.time(8)]
    ... )][:2]
    ['2026-03-02 08:00:00', '2026-03-03 08:00:00']

.. versionadded:: 0.2.0
"""

from ._ical import DEFAULT_ALARM_MINUTES, session_starts, to_ical

__all__ = ["DEFAULT_ALARM_MINUTES", "session_starts", "to_ical"]
