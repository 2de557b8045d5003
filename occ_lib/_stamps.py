"""(private) The forms of a time written after a file name's date without a ``T``, in one place.

:func:`occ_lib.times.parse_stamp` reads them and :mod:`occ_lib.evidence` finds them in file names
(a stamp's zone, a name without its stamp); a module of its own so that evidence need not import
``times`` (and compile its patterns) to build its own.
"""

from __future__ import annotations

# The time set off from its date by '_' or '-' ('date +%Y%m%d_%H%M%S', '+%F_%H-%M-%S', '+%F_%T'): HHMM or
# HHMMSS, or after a dashed date also HH-MM-SS / HH:MM:SS; no offset set off by '-' after it (not
# '2025-10-14_2025-10-15': two dates). Its groups: h3, then sep3, mi3, s3 or mi4, s4.
BARE_TIME = (
    r"[_\-](?P<h3>\d{2})(?:(?<=-\d{2}[_\-]\d{2})(?P<sep3>[:\-])(?P<mi3>\d{2})(?P=sep3)(?P<s3>\d{2})"
    r"|(?P<mi4>\d{2})(?P<s4>\d{2})?)(?!-\d)"
)
