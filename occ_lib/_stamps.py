"""(private) The forms of a time that more than one module's patterns write, in one place.

:func:`occ_lib.times.parse_stamp` reads :data:`BARE_TIME` and :mod:`occ_lib.evidence` finds it in file
names (a stamp's zone, a name without its stamp); :data:`CLOCK` is the time stamp an item opens with,
for :mod:`occ_lib._subjects` (and :mod:`occ_lib.logs`) and :mod:`occ_lib.threads`; :data:`SENDER` is a
chat message's sender for :mod:`occ_lib._markdown` (its head lines) and :mod:`occ_lib._extract` (a check
mark after that head). A module of its own
so that a module need not import another (and compile its patterns) to build its own.
"""

from __future__ import annotations

# The time set off from its date by '_' or '-' ('date +%Y%m%d_%H%M%S', '+%F_%H-%M-%S', '+%F_%T'): HHMM or
# HHMMSS, or after a dashed date also HH-MM-SS / HH:MM:SS; no offset set off by '-' after it (not
# '2025-10-14_2025-10-15': two dates). Its groups: h3, then sep3, mi3, s3 or mi4, s4.
BARE_TIME = (
    r"[_\-](?P<h3>\d{2})(?:(?<=-\d{2}[_\-]\d{2})(?P<sep3>[:\-])(?P<mi3>\d{2})(?P=sep3)(?P<s3>\d{2})"
    r"|(?P<mi4>\d{2})(?P<s4>\d{2})?)(?!-\d)"
)

# The clock of a time stamp an item opens with ('10:00', '21h30', '10.15', '10:00:05'), with its am/pm
# ('9:05 a.m.', '6:20pm'; an hour alone takes one: '6am', '9 PM'), a 'Z', and a zone word after it
# ('UTC', 'GMT', 'ET', 'PDT', and any other in capitals: 'BST', 'CEST', 'IST'). The same whatever the
# flags of the pattern it is written into: 'UTC', 'GMT' and the US zones in any case, another zone word
# in capitals only ('10:00 BST', not '10:00 best').
CLOCK = (
    r"(?:\d{1,2}(?:[:hH.]\d{2}){1,2}(?!\d)\s*(?:(?i:[ap]\.?m\.?)(?!\w)|(?i:z)\b)?"
    r"|\d{1,2}\s?(?i:[ap]\.?m\.?)(?!\w))"
    r"(?:\s*(?:(?i:UTC|GMT|[ECMP][SD]?T)|(?-i:[A-Z]{2,4}T(?![\w-])))\b)?"
)
# a date written before that clock ('2025-10-10 04:41 UTC', '2025-10-10T04:41Z')
CLOCK_DATE = r"(?:\d{4}-\d{2}-\d{2}[ T])?"

# a chat message's sender ('alice', 'Bob Lee', 'm.lopez', 'Émilie Durand'): up to four words
SENDER = r"[^\W\d_][\w.'\u2019-]*(?: [^\W\d_][\w.'\u2019-]*){0,3}"
