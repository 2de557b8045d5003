"""Time mentions in free text -> timezone-aware UTC instants.

Status logs write times in many ways; every later table (events, deadlines, SLA misses, timelines)
needs one unambiguous UTC instant. This module is the only place that reads times, so the rules
live here. Speed matters (the log reader must pass 10 MB/s): the scan jumps from digit to digit
with one precompiled regex whose first element is a character class (the regex engine skips to
candidates in C), tries one combined pattern at each, and does a little Python per real match;
zone lookups are cached; no dateutil. :func:`find_times_many` reads all the items of a document
in one call (the same mentions as :func:`find_times` on each), so the per-text set-up runs once.

What counts as a time
    ``07:18``, ``7:09``, ``07:18:58``, ``07:18:58.296`` (a colon), ``21h30`` (two-digit hour + ``h``),
    ``03:30PM``, ``7 AM``, ``9am``, ``9 a.m.`` (AM/PM makes a bare hour a time), ``4:15p``, ``9:30a``
    (one letter only right after the minutes: ``9:30 a`` is an article; a bare hour takes one only where
    an item opens with it, ``5p WEB-318 still slow``, after by/at/before/until/ETA/@, ``review by 11a``, or
    right after a date, ``Mon 11/3 8a PT``, since ``option 1a`` is a label), ``9.30am`` (a dot
    only with AM/PM or German ``Uhr``, ``14.30 Uhr``, ``14.30-15.00 Uhr``: ``9.30`` alone is a number;
    ``Uhr`` after a time is part of it, ``14:30 Uhr MESZ``; after an hour alone it is that hour, ``14
    Uhr``, ``gegen 9 Uhr``, ``bis 17 Uhr MESZ``, ``14-16 Uhr``, not ``14 Uhren``), ``12 noon``, ``12:00
    noon`` (``noon`` is a meridiem only after 12: in ``Oct 10 noon`` the 10 is the day);
    the words ``noon``/``midday`` (12:00) and ``midnight`` (24:00, the end of the day it is on).
    A whole hour written ``17h`` where a bare hour with a letter is one, or with a zone (``ETA 17h UTC``),
    when written as no duration is (``09h``, ``13h`` to ``23h``: ``12h``, ``24h``, ``2h`` are hours long).
    A value glued to ETA or by is one (``ETA17:00``, ``by5pm``: not ``BETA17``, ``standby5``). A clock
    mistyped (``17;00``, ``17:OO``) where an item opens with it or a keyword expects a time is no guess
    but a mention with the problem ``unreadable time``.
    ``09:30 hrs`` and ``0930 hrs``, also ``Hrs`` and ``HRS`` (in the document's zone unless a zone
    follows, ``1530 hrs IST``; ``hrs of`` is a duration).
    Optionally followed by a zone (``07:18Z``, ``07:18 UTC``, ``17:00 GMT``, ``7:09 AM Eastern``,
    ``09:00+02:00``, ``09:00 (UTC)``, ``09:00 UTC+2``, ``09:00 Europe/Berlin``). Military style
    only with a UTC zone: ``0900Z``, ``1730 UTC``, ``2359 GMT``, ``0900 UTC+2`` (so ``2025 UTC`` reads
    as 20:25).
    A 24-hour log's ``0800h`` where an item opens with it or after by/at/before/until/ETA/@ (as ``17h``
    is), and a bare ``HHMM`` only right after one of those words or ETR, NLT, ``ETA now`` (``callback by
    1600``, ``at 1400,``, ``ETR 0600``, ``Next update NLT 0600 to the RC``,
    ``ETA by 1700 local Wednesday``), in a 24-hour log (below) also after target, promised, due,
    deadline, checkpoint, cut-off, go/no-go and today, tonight, tomorrow (``target 1600 today``,
    ``promised 0900 AEST``, ``ETA pulled in to tomorrow 0900 AEST``) and right before target, deadline,
    cut-off, checkpoint or ETA after the, its, our or their (``Will miss the 1600 target``; not ``a 1500
    target``, a count), in the document's zone unless one
    follows; not before a word that is no time's (``by 1200 users``, ``target 1500 units``), and ``2000``
    to ``2039`` only with a zone (``by 2025`` is a year), or in a 24-hour log after target, due and the
    other words of that log's own list with no word after it and none of a year in the item (``new
    target 2000`` is 20:00; not ``target 2030 on the roadmap``, ``FY target 2025``, ``the 2030 target``,
    ``by 2030``).
    A bare ``HHMM`` that opens an item (``1615 no callback yet``, ``2300 CLIN-5144 opened``) is a time
    only in a 24-hour log (one that writes ``1430hrs``, ``0800h`` or ``0930 hrs`` somewhere, or names its
    ``24-hour clock`` or ``military time``, or says its times are 24-hour, ``All times Central (24-hour,
    local)``, ``Times are 24hr CT.``, not ``response time: 24-hour window``; :func:`clock24`), followed
    by a word (not ``2025 budget``:
    a year as above); elsewhere a number. In such a log a bare ``HHMM`` opening a clause after a comma
    or semicolon of an item that opens with a military time is a later step's time (``0351 CHG-880
    application back up, 0415 all interfaces caught up``), not a count (``, 1200 users affected``: a
    plural word right after it; ``, 1800 x 2``).
    A time said in words: ``half past nine ET``, ``quarter past 3``, ``a quarter to 5 PT``, ``quarter
    after 3pm`` (a number or a number word one to twelve; not ``half to 5``), and an hour said roughly,
    ``4ish``, after at/around/about/by/until/before/after/from/ETA/~/@ or opening the text (``around 4ish
    paged Priya``; not ``queue 4ish items``), read to the minute as ``around 16:00`` is. Without a
    meridiem such an hour is read in working hours: 7 to 11 in the morning, 12 noon, 1 to 6 in the
    afternoon (``quarter past 3`` is 15:15, ``half past nine`` 09:30). A date right after one is its
    date (``by quarter past 8 on Oct 9``, ``quarter to 5 Oct 10``). In a night shift's text (it says
    night, nights, overnight or tonight) an hour 1 to 6 said so without a meridiem is the small hours'
    (``overnight: half past two`` is 02:30; said ``tonight``, the next morning's), and in one that says
    tonight or this evening an hour 7 to 11 is the evening's (``half past nine tonight`` is 21:30); a
    section's or the previous items' night is not used (decided narrowly: the item's own words only).
    A range of whole hours with one meridiem letter after the second (``9-11p tonight``, ``11-1p``),
    after a window's or a time's word (window, at, from, between, by, until, downtime, maintenance,
    outage, change), or before a day word or a zone (``9-11p ET``; not ``option 1-2a``); and in a
    24-hour log a military range (``downtime 0200-0400 tonight``, ``2300-0100 CDT``; not before a word
    no time takes, ``1000-1200 users``, nor two years, ``2020-2024``), in any log one right after a date
    (``Planned outage Sat 11/10 0700-1100``, ``CHG-9 window 10/11 0700-1100``, ``2025-10-11 0700-1100``,
    ``window Oct 11 0700-1100``: that day's times, a bare slash date read with it as any is; a four-digit
    year after a month-name date is one of 1900-2099 and never such a range's start, so ``Oct 11 0700`` is
    no date of the year 700). A range in the small hours (before
    06:00) said ``tonight`` is the next morning's (``0200-0400 tonight`` written on Tuesday: Wednesday
    02:00-04:00), a range written with colons too (``maintenance window 02:00-04:00 tonight``; a single
    time said tonight is not moved).
    ``first thing Monday`` (also ``first thing tomorrow``, ``... Monday morning``, ``first thing Mon``,
    with a zone after it): 09:00 of that day, the start of a working day, in the text's zone or the one
    written; a weekday the next one ahead; keyword ``due`` when its clause says due (``first thing
    Monday: OPS-320 access review due``).
    Plain numbers never are: ``2025``, ``HTTP 200``, ``v2.10.1``, ``integrations.md:24-27``, ``25-27``,
    ``DEPLOY-147``, ``UTC-7``, ``T04-40``. Nor is a table partition's key value (``ds=2025-11-04``,
    ``dt=2025-11-04``, ``date=2025-10-10/``, ``hr=03``, ``event_date=...``, a range too,
    ``ds=2025-11-04..2025-11-05``): the data's date, not when anything happened or is due; nor a range of
    ISO dates joined by ``..`` alone (``backfill events_hourly for 2025-10-06..2025-10-08``): a backfill's
    or a rebuild's data, as a partition's value is (a span of days is written with a dash or ``to``).
What counts as a date
    ``2025-10-11`` (ISO; a trailing weekday ``2025-07-26 Saturday`` is part of the mention), ``2025/10/11``,
    ``Oct 11``, ``October 11, 2025``, ``11 Oct 2025``, ``14th October``, ``the 14th of October 2025``,
    ``11-Oct-2025``, ``11/Oct/25`` (Jira; a two-digit
    year only after ``-`` or ``/``: ``9 Oct 25 nodes`` has none), ``Sept 3rd`` (month names start with a
    capital letter so that "may 5" is not a date; the day may be glued to a short month, ``ETA Oct10 17:00``),
    ``Friday the 10th`` (the nearest 10th that is a
    Friday; also without ``the``, ``ETA Wednesday 22nd``, ``Wed 22nd at 17:00``, when the ordinal ends
    the clause or a time, a day part or a small word follows it: ``Sat 2nd shift`` is none),
    ``07.10.2025`` (dotted: day first, four-digit year;
    ``2025.10.08`` and ``1.2.3`` are not dates; with a time joined to it also the German short forms
    ``14.10.25 17:00`` and ``14.10. 17:00``, the year-less one in the year nearest ``day``, unless a
    version is named so, ``v14.10.25``, ``version 1.10.25 17:00``, ``release 1.10.25``; and in a document
    whose order is day first, :func:`slash_order`, the year-less one right after a deadline word, ``ETA
    17.10.``, ``until 10.10.``, as ``due 10/14`` is), ``13-10-2025``
    (day first, four-digit year; month first in a document whose order is month first,
    :func:`slash_order`). A slash date is read when a time is joined to
    it (``10/13 09:00 UTC``, ``13/10/2025 at 5pm ET``, ``10/10/2025 1430 hrs``) or written after it with
    ``on`` (``ETA 17:00 on 14/10/2025``), a weekday is written before it (``Wed 10/08``, ``ETA
    Thu 10/09 noon``) or a deadline word (``due 10/14``, ``ETA: 10/14/2025``, ``ETA moved from 10/8``,
    ``target date 10/10``, ``due date: 10/10``), or it
    follows such a date after an arrow or ``to`` (``10/8 → 10/10``): month first or day first, whichever
    is a real date, and when both are, the document's order (:func:`slash_order`: its ``date_order``,
    its full dates that read one way only, its zone's custom), else the one nearest ``day``, else month
    first when a 12-hour clock or a US zone follows it (``10/09/2025 02:14:07 AM``), else an
    ``ambiguous date`` problem (a
    year-less one more than two months away is no date: ``1/2 09:00``); alone (``24/7``, ``3/4``) it is not a
    date, except ``10/10/2025`` in a heading (see :func:`parse_heading`). A bare year (``2025``) is not a
    date. A date without a year takes the year that puts it nearest to ``day``. A date joined to a time
    (``2025-10-10 04:41 UTC``, ``2025-10-10T04:40:48.296Z``, ``2025-10-10T09:00+02:00``, ``Oct 11, 2025 at
    14:00``, ``09:00 UTC on 2025-10-11``, ``10:12 AM Oct 10``, as comment stamps write it) is one mention with
    ``has_date=True``; so is a date followed by a time with only a comma, a table's `` | ``, ``at``, ``@`` or
    a deadline word between (``Oct 10 by noon``, ``due 2025-10-10 before 09:00 UTC``, ``ETA Oct 10 noon ET``):
    that time on that date, a deadline when either part is one (also ``between``, ``from``, ``around``,
    ``about``, ``approximately``, ``circa`` or ``~`` between: ``Wed 10/15 between 14:00 and 16:00 ET`` is
    the range on Oct 15, not on the text's day); the date may be a wiki link's (``ETA
    [[2025-10-10]] 17:00``, ``due [[Oct 10th, 2025]] 5pm``), and one written in brackets right after a time
    is its date (``08:00 UTC (Oct 11)``, ``16:15 PDT (Oct 10)``; not ``14:30 rollback (Oct 8 deploy)``). A
    year-less date with no date around takes the year of the last date an earlier item of the document
    wrote (:func:`find_times_many`); in an item with no day (a tracker table above a log's first dated
    heading) the full date the item writes itself comes first (``2025-10-07 | shipped 10/7 16:00 UTC``:
    2025-10-07 16:00), and the document's first dated section last (``Oct 10`` in a row above ``##
    2025-10-09``) - for the year only: ``today`` or ``Fri`` there stays a problem.
    A minus after a joined time is an offset only after seconds, a ``T`` time or a space
    (``2025-10-10T09:00-04:00``, ``17:45:00 -0500``); ``Oct 10 09:00-10:00`` is a range. A weekday written
    before a date (``Friday, Oct 10``, ``Fri 10 Oct``) is part of it, no day of its own.
Ranges
    ``09:00–09:30 UTC``, ``09:00-09:30``, ``14:02--15:10 UTC``, ``21:45 to 23:28 UTC``: ``at`` is the start,
    ``until`` the end, on the next day when it is earlier than the start. A zone written on either end
    applies to both.
    Times with their dates or weekdays are a range the same way (``Oct 30 18:00 – Nov 3 09:00 ET``,
    ``Sat 23:00 - Sun 03:00 ET``, org-mode's ``<2025-10-09 Thu 14:02>--<2025-10-09 Thu 15:10>`` and a
    Logseq ``CLOCK: [...]--[...]``), and so are ``Starts at ... , Ends at ...`` (Alertmanager) and
    ``started 14:02 UTC, ended 15:10 UTC``.
    One time written twice as a range is that time, no range (``10:12Z - 10:12Z failover started``, ``Oct 10
    09:00 - Oct 10 09:00``: ``until`` None, no zero-length span).
    A start written without AM/PM takes the AM/PM of its end when that keeps it first (``2-4pm`` is
    14:00-16:00, ``11-1pm`` 11:00-13:00, ``2:00 - 3:30 PM`` 14:00-15:30; a start past 12 stays as
    written); ``2-4`` alone is no time.
    ``between 09:00 and 10:00 ET``, ``from 09:00 until 10:00 ET`` (then ``until`` makes no deadline) and
    ``09:00 through 10:30 ET`` are ranges too. A weekday written before the end is the end's day (``Wed 22:00
    - Fri 06:00``, ``freeze from 09:00 through Friday 18:00``: 09:00 on the text's day to Friday 18:00);
    "the next day" is the same wall time a calendar day later (its words read again on that day: ``02:30
    CET`` is the second 02:30), so a range over the night clocks go back is 25 hours long.
    ``tomorrow`` after a range that ends past midnight is its end's day (``22:00 - 06:00 tomorrow``;
    ``tomorrow night`` is the whole range's). ``ETA slipped from 10:00 to 13:00`` (moved, pushed, changed,
    shifted, delayed, postponed, rescheduled, bumped ``from``) is no range but two deadlines, as is ``ETA was
    10:00, now 13:00``: the old one and the new one.
Keywords after a time (and what is no keyword: ``caused by the 14:55 deploy``, ``introduced by``,
``triggered by``... name a cause; a ``by`` after a state reached tells when it was, past: ``queue drained by
10:20``, ``8 failures triaged by 18:45``, ``p99 back under 900ms by 00:31`` (a clock time after drained,
triaged, cleared, settled, gone, a host isolated or quarantined, ``both isolated by 13:05Z``, back or down
to..., and who had started, joined, logged in or arrived:
``476 of 480 started by 09:05`` is a count, no promise), ``errors were gone by 11:07``, ``OPS-1 was fixed by
Friday`` (after was, were, had (been), got, already: any participle, any day), unless its clause makes it
one to come or promised (``will be drained by 10:20``, ``needs to be back by 00:31``, ``was promised by
10:00``, ``we will, once approved, have it drained by 10:20``; its clause starts after a comma, a
bracket or a spaced dash too: ``will retry later, queue drained by 10:20`` is past; ``drain by 10:20``,
``OPS-3 fixed by 17:30`` and ``Sam back by 14:00`` are due); so does a deed told as past with its doer
before a clock time (``We fixed the 14 cost centres by 17:20``, ``I restarted both nodes by 10:05``; not a
need or a plan so told, ``we needed it by 17:00``, ``we agreed to ship by 17:00``); a ``by`` that opens a
clause (after a sentence's end, a comma, ``and``, ``but``, ``so``, ``then``) followed by a subject that did
something tells when it happened too: ``switched at 2:30pm, and by 3:10pm the payments team reported errors``,
``; by 11:30 we had paged the vendor`` (not ``by 17:00 we will have it fixed``, ``and by 17:00 we need
the patch``, ``due by 17:00 the vendor confirmed``); Go's ``context
deadline exceeded`` is a timeout error; a clock time
followed by a unit, ``01:02 min`` (not by a key that opens with one, ``14:30 SEC-88``), or after ``elapsed
time:``/``total time:``, is a duration)
    A weekday or relative day written after a time is that time's unless another time comes between
    that is not part of one list with it (``16:00 OPS-1 ETA 17:00 UTC Friday``: Friday is the ETA's;
    ``09:00, 12:00 and 15:00 UTC on Friday``: all three are Friday's), or a move does (``ETA 17:00
    missed, pushed to Friday``: 17:00 stays on its own day, and Friday is where it moved to, see Lists),
    or a state reached does (``OPS-1 ETA 15:00 UTC, fixed on Monday``: 15:00 stays on the text's day,
    Monday is the fix's, the last one, see below).
    A keyword written after the time that opens an item takes that time as its deadline (``17:00 UTC
    ETA``, ``18:00 maintenance window``) unless it has its own: ``08:35 VND-82 deadline for the review is
    Oct 15``, ``14:17 ETA Friday``, ``09:00 maintenance window Sat 02:00-04:00``, ``08:45 window closes
    at 18:00`` (a range before the keyword is the window itself: ``3pm-5pm maintenance window``), or
    the keyword is followed by what happened (``01:45 OPS-810 checkpoint passed``, ``13:58 carrier cutoff
    made``: met at 13:58) or by its move
    (``17:45 Cut-off extended to 18:00``, ``17:45 Window moved to 19:00``: the item's stamp, then where the
    cut-off went; ``the 17:45 cut-off extended to 18:00`` later in an item is the old cut-off), or by a
    miss by an amount (``16:35 FedEx cut-off missed by 5 min``: the item's stamp; 5 min is how late, no
    time), or a cut-off's own time comes later in its clause (``10:30 cut-off for the DC is 18:00 today``).
    A plural keyword governs the times it lists, each a deadline of its own (``cut-offs 14:00 (UPS) and
    16:30 (FedEx)``, ``cut-offs today: UPS 14:00, FedEx 16:30``, ``ETAs 14:00 and 16:30``, ``deadlines``). A
    small-hours time on the weekday after the text's day is that next day (``[Thu 00:05]`` under a
    Wednesday). A relative day after the keyword is the keyword's, not the opening time's (``08:02 OPS-3 ETA
    tomorrow`` happened on its section's day), and so is a possessive one (``08:25 yesterday's backup``).
    A value may open with a bracket, a stamp's or a mention's: org's ``CLOSED: [2025-10-09 Thu 14:02]
    DEADLINE: <2025-10-09 Thu 12:00>`` and Logseq's ``SCHEDULED: <2025-10-09 Thu>`` then ``DEADLINE: <...>``
    are no deadlines at the closing time or the scheduled day (Notion's ``ETA: @October 10``); an end of day
    is a value too (``Sam Lee  3:25 PM ETA EOD``: the post time is no ETA).
Lists
    Times written as one list (joined by ``,``, ``and``, ``or``, ``&``, ``/``) share the zone written
    on the last: ``09:00, 12:00 and 15:00 ET`` are all New York times, whatever the document zone.
    One moment written in two zones, ``10:00 CEST/09:00 BST``, is read at its first time.
    A deadline moved (``ETA 17:00 UTC → 19:00 UTC``, ``ETA 17:00 UTC missed, pushed to 19:00 UTC``)
    makes the time it was moved to a deadline with the same keyword, in the same clause (also after
    Notion's ``@``: ``@October 10, 2025 12:00 PM → @October 13, 2025 9:00 AM``); with ``due`` when the old
    one is written as missed (``missed the 15:00 slot, pushed to 19:00``; a colon is a ``to``,
    ``rescheduled: Oct 10 22:00``), also when the time moved to is
    written first (``moved to Mon 10/13, missed Friday slot``); ``ETA missed, pushed to 19:00 UTC`` makes
    19:00 the ETA. A day moved to without a time is a date-only deadline so too (``ETA 17:00 UTC missed,
    pushed to Friday``, ``pushed to tomorrow``, ``pushed to Friday's release``, ``pushed to the Friday
    release``: the next Friday, as ``ETA pushed to Friday`` is; what moved may be a pronoun between,
    ``we pushed it to Thursday 9pm``, ``moved them to Friday``; not ``deploy pushed to Friday``, no
    deadline before it - unless an earlier item gave the ticket it names one, ``REL-901 slipped to Oct 22``
    (:func:`moved_by_word`, :mod:`occ_lib.logs`) -, nor after a clause break, ``ETA 17:00 missed; pushed to
    Friday``, unless the move
    writes the deadline's old time again, which names it: ``ETA 17:00, missed; moved from 17:00 to 19:00``,
    ``ETA Fri 17:00; moved from Fri 17:00 to Mon 10:00``, the repeat staying a time; not ``ETA 17:00;
    standup moved from 09:00 to 10:00``). The move is the
    deadline's own only with nothing but its miss and small words between (``ETA 17:00 UTC missed and was
    pushed to``, ``missed the 15:00 slot, pushed to``): not another subject's (``ETA 17:00 UTC, retro
    moved to Friday``, ``... met, vendor call pushed to 19:00``). The old one written after the new one is
    a deadline too (``due 2025-10-31 (was 2025-10-24)``, ``ETA Oct 31 (previously Oct 24)``,
    ``originally``, ``orig.``, ``ETA 18:00 UTC (slipped from 16:00 UTC)``, also moved, pushed, changed...
    ``from``), not the item's time; an old value in brackets with no deadline before it is no mention at
    all (``pushed to next wk (was Oct 17)``).
Durations
    ``H:MM(:SS)`` after duration, elapsed, took, lasted, runtime, uptime, MTTR, lag, latency, ran
    (run, running, stalled, hung) for, or a setting's cooldown, timeout, TTL, backoff, interval, wait or
    delay is how long
    something took (``took 3:12``, ``replication lag 0:00:32``, ``ran for 1:30:12``; also as a bold field
    or a table cell, ``**Duration:** 2:43``, ``MTTR |
    1:08``, and an org-mode or Logseq clock's total, ``CLOCK: [...]--[...] =>  01:08:29``), no time of
    day; so is the next of a list of them (``took 8:45 for iOS, 11:02 for Android``, ``took 3:12 / 4:05``;
    not a clause of its own, ``took 3:12, resolved 14:05``), and a stopwatch's ``M:SS`` with a fraction of
    a second (``p99 0:00.412``; a clock's ``14:02:11.123`` has its seconds), a countdown (``2:15:00
    remaining``, ``0:42 left``, ``1:10 to go.``) and an hour of one ``0`` with seconds, a progress bar's
    (``reindex 45% done, ETA 0:12:30``: no deadline; a clock writes ``00:12:30``); one with AM/PM, a zone
    or a range end is a time all the same (``Outage duration: 14:02–15:47 UTC``).
Zones (:func:`zone_named`)
    ``UTC``/``Z``/``GMT``/``UT`` -> UTC (also ``Utc``, ``gmt``, ``Gmt``, ``ZULU`` and ``UCT``, the tz
    database's alias and the usual typo); ``ET EST EDT Eastern`` -> America/New_York;
    ``CT CST CDT Central`` -> America/Chicago; ``MT MST MDT Mountain`` -> America/Denver;
    ``PT PST PDT Pacific`` -> America/Los_Angeles; ``AKST AKDT`` -> America/Anchorage;
    ``HST`` -> Pacific/Honolulu; ``CET CEST`` -> Europe/Paris; ``EET EEST`` -> Europe/Athens;
    ``WET WEST`` -> Europe/Lisbon; ``BST`` -> Europe/London; ``IST`` -> Asia/Kolkata;
    ``JST`` -> Asia/Tokyo; ``KST`` -> Asia/Seoul; ``SGT`` -> Asia/Singapore; ``AEST AEDT`` ->
    Australia/Sydney; ``ACST ACDT`` -> Australia/Adelaide; ``AWST`` -> Australia/Perth; ``NZST
    NZDT`` -> Pacific/Auckland; ``HKT`` -> Asia/Hong_Kong; ``ICT`` -> Asia/Bangkok; ``WIB`` ->
    Asia/Jakarta; ``PHT`` -> Asia/Manila; ``PKT`` -> Asia/Karachi; ``MSK`` -> Europe/Moscow;
    ``SAST`` -> Africa/Johannesburg; ``BRT`` -> America/Sao_Paulo; ``MYT`` -> Asia/Kuala_Lumpur; ``AET``
    -> Australia/Sydney; ``NZT`` -> Pacific/Auckland; ``GST`` -> Asia/Dubai (Gulf); ``EAT`` ->
    Africa/Nairobi; ``WAT`` -> Africa/Lagos; ``ART`` -> America/Argentina/Buenos_Aires (these seven, words
    too, only in capitals; ``ART`` after a time is SAFe's Agile Release Train too, a zone only where it
    reads as one: at the end of the text or clause, before punctuation or a bracket, ``17:00 ART.``,
    ``(17:00 ART)``, ``17:00 ART;``, or before a ticket key, a day or a date, ``09:00 ART OPS-5 acked``;
    before another word or as a key's prefix, ``14:00 ART sync``, ``15:00 UTC ART demo``, ``11:00 ART-12``,
    the time is read as if it were not written, in the document's zone; the other six, seldom a name
    right after a time, are zones there too, ``11:00 GST review``); ``CAT`` -> Africa/Maputo, ``TRT`` ->
    Europe/Istanbul, ``IRST`` -> Asia/Tehran, ``NPT`` -> Asia/Kathmandu, ``WITA`` -> Asia/Makassar, ``WIT``
    -> Asia/Jayapura, ``CLT CLST`` -> America/Santiago, ``PET`` -> America/Lima, ``COT`` -> America/Bogota,
    ``ECT`` -> America/Guayaquil, ``VET`` -> America/Caracas, ``UYT`` -> America/Montevideo, ``PYT`` ->
    America/Asuncion, ``NST NDT`` -> America/St_Johns, German ``MEZ MESZ`` (CET, CEST) -> Europe/Berlin
    (``CAT PET COT VET WIT`` only in capitals; ``AST``
    and ``ADT`` are Atlantic and Arabia time both: reported as unknown); ``Central/Eastern/Western European
    (Summer) Time`` -> Europe/Paris, Europe/Athens, Europe/Lisbon; zones spelled out as prose writes them
    (``China Standard Time`` -> Asia/Shanghai, ``India``, ``Japan``, ``Korea Standard Time``, ``Singapore
    (Standard) Time``, ``Hong Kong Time``, ``Australian Eastern (Standard/Daylight) Time``, ``British Summer
    Time``, ``Irish Standard Time`` -> Europe/Dublin, ``Eastern/Central/Mountain/Pacific Standard/Daylight
    Time``, ``Brasilia Time``, ``New Zealand (Standard/Daylight) Time``, ``Greenwich Mean Time``; a seasonal
    one picks its side of the repeated hour as its abbreviation does); any IANA name; fixed offsets
    ``UTC+2``, ``UTC-7``, ``GMT+5:30``, ``+02:00``, and after UTC or GMT the minutes after a dot too
    (``UTC+5.30``, ``IST (UTC+5.30)``: +05:30, as India's offset is often written).
    Abbreviations go through the IANA zone, so daylight saving follows the date (``EST`` written in
    July still means New York time that day, UTC-4); where the clocks go back or ahead, a seasonal
    abbreviation picks the offset (``01:30 EST`` on 2025-11-02 is the second 01:30, 06:30 UTC;
    ``01:30 ET`` the first). An abbreviation the text's own zone (the ``tz`` it is read in: the
    document's declared zone) uses in that year is that zone's time, not the table's: ``14:00 CST`` in
    an Asia/Shanghai log is China Standard Time (06:00 UTC), ``IST`` in a Europe/Dublin one Irish, ``MST``
    in an America/Phoenix one Phoenix's; ``GMT`` and ``UTC`` stay UTC. A zone in brackets right after
    an abbreviation says which one is meant and wins: ``14:00 CST (China Standard Time)`` and ``14:00 CST
    (UTC+8)`` are Asia/Shanghai's (an offset picks the zone the abbreviation also names that has it that
    day: ``IST (UTC+5:30)`` India, ``IST (UTC+1)`` Ireland, ``BST (UTC+6)`` Bangladesh; else the offset
    itself, ``+06:00``), as in ``(GMT+2)``, ``(UTC-3)``, ``(Europe/Dublin)`` after any abbreviation; one
    it does not fit (``14:00 EST (UTC+8)``) is read at the bracket's and the mention's ``zone_note`` says
    the abbreviation disagrees (a ``time`` problem row of the log reader). After ``UTC`` or ``GMT`` a
    bracket is not read (``14:00 UTC (GMT+1)`` is 14:00 UTC). ``zone`` on a mention is
    ``'UTC'``, the IANA name, or ``'+02:00'``; ``None`` when the caller's default ``tz`` was applied.
Which date a time takes
    its own date (joined to it: ``Oct 10 at 14:00``, after it ``11:00 ET Mon 10/20`` (a slash date after
    a time only after ``on`` or a weekday: ``11:00 10/20`` is no date), ``2025-10-10, 14:00``, ``Posted
    Oct 09, 2025 - 14:51 EDT``) > the item's own date, i.e. an explicit date that opens the text
    (``- 2025-10-11: pinged at 09:00``; only punctuation or a weekday before it, or the ticket key that
    opens it with the date bracketed or before a colon, ``ECAB-77 (Tue Oct 7): approved at 08:10``; not a
    deadline) > the date the item's first time is written with, when after ``day`` (a step told on a
    later day than its section's, ``CHG-4422 rolled back at 00:40 on Oct 10: ..., resolved 01:05`` in a
    week's calendar: the 10th; the next day when earlier than that first time, except a deadline at most
    12 hours before a first time planned after ``day``, a step to take before it: ``NOC-313 maintenance
    Sat 10/11 02:00 UTC; drain by 01:45 UTC`` under Friday drains on Saturday; one before ``day`` is a
    reference, ``errors since Oct 3 14:00, fixed 09:00``, unless written with a weekday of the week
    before ``day`` and no reference word before it, since, from, after, starting, until, before, as of:
    ``SRE-433 fully drained 08:40 UTC Tue, resolved 08:45 UTC`` under a Wednesday is Tue 08:45, ``errors
    since Tue 08:40, fixed 09:00`` fixed on ``day``) > ``day``. A date elsewhere in the text is
    about something else ("the 2025-10-01 report") and is not used, except that a deadline written
    without a date in the same sentence after a time written with its own date is on that date, or
    the next day when it would be earlier than that time (``new deploy window Mon 13 Oct
    09:00-11:00 CEST, no later than 11:00``: the 13th; ``incident Oct 8 23:50, fix ETA 01:00``: the
    9th; in the zone written on that time when it has none of its own: 11:00 CEST, 01:00 PT;
    not after a ``.``, ``;``, ``!``, ``?``, ``|`` or
    a line break, nor after a date that opens the text, the item's own), and that with no ``day`` at all
    the text's own full date and time dates its other times (``Next update by 14:45 EDT. Posted Oct 09,
    2025 - 14:12 EDT``: a status page's update).
    The calendar date written next to a time is local to the time's zone; ``at`` is the UTC
    instant, so its UTC date can differ. A relative-day word (``yesterday``, ``today``,
    ``tonight``, ``tomorrow``) within four words of the time in the same clause (no ``; . ! ? |`` or
    dash between, and not one written right before another time: ``14:59 ETA: tomorrow 17:00``
    moves only 17:00), nor across a comma into a clause with a step verb (an -ed or -ing word, not
    ``morning``, ``evening``, ``during``, nor ``starting``/``ending`` that span the other clause's event) or
    a deadline keyword of its own (``09:41 OPS-310 blocked yesterday, ETA 17:00``, ``blocked yesterday,
    resolved 04:05``, ``blocked yesterday, still waiting at 08:00``: 17:00, 04:05 and 08:00
    on the base date, the day word is the block's; ``deployed at 10:00 UTC, users notified yesterday``:
    10:00 on the base date; a day word ahead still dates a deadline after it, ``deploy tomorrow, ETA
    10:00``: the deploy's ETA, the next day) shifts that base date by -1/0/0/+1; one that opens the text
    as a label (a standup's
    ``Yesterday: ... merged at 4:45 PM``, ``**Tomorrow** -``) shifts it for the whole text. The time that
    opens the text is its stamp, when the item was written: a day word or weekday after it dates it only
    when attached, nothing but spaces, its zone, a comma, a bracket or ``on`` between (``16:05 UTC tomorrow``,
    ``09:40 yesterday OPS-309 ...``: the next and the day before); one written later, after other words,
    is the day of what the item tells, not of its stamp (``16:05 UTC OPS-5 will deploy tomorrow``,
    ``09:40 OPS-309 resolved yesterday``, ``09:40 OPS-309 blocked yesterday, resolved today``: on the
    base date), unless the stamp is part of a list of times before it (``09:00 and 17:00 UTC tomorrow``);
    it stays a date-only mention of its own, which the log reader gives the item's step when it qualifies
    the step's verb (``resolved yesterday``: see ``at`` in :mod:`occ_lib.logs`).
    A day word written right before a time dates that time, the stamp too (``Tomorrow 09:00 UTC OPS-8
    kickoff``: the next day; ``[07:18Z] OPS-9 ETA tomorrow 10:00 UTC``: 07:18 on the base date, the
    ETA the next day).
    A day word written right after the keyword that follows a time, ``on`` between or not, is that
    deadline's day (``needed before the 22:00 IPM cut-off tonight``, ``the 22:00 deadline tomorrow``,
    ``by the 17:00 cutoff on Friday``: one deadline, 22:00 the next day, 17:00 Friday), not a date-only
    deadline of its own beside the time today's (``08:02 OPS-3 ETA tomorrow`` keeps its own: the time
    is the item's stamp, no keyword's).
    They may be written short, as words of their own, lower case or capitalized: ``tmrw``, ``tmr``,
    ``2moro`` (tomorrow), ``ystd``, ``yday``, ``yest`` (yesterday).
    ``next business day`` and ``next working day`` are the next weekday: the day after, or Monday after a
    Friday, Saturday or Sunday (``response due next business day by 12:55 ET`` written on a Friday is due
    Monday 12:55 ET; ``due next business day`` alone the Monday, date-only; holidays are not known), with
    a deadline keyword before them too (``ETA next business day 10:00``); not the one after another day
    or event (``ETA next business day after the firmware window``: unknown, no date).
    ``last night``, ``prev. evening``, ``prev night``, ``previous evening``/``night``, ``the evening``/``night
    before`` are the day before,
    only for the time right next to them (``23:10 (prev. evening)``, ``last night 23:10``, ``last night at
    23:10``: ``at``, ``around``, ``about``, ``~`` or ``@`` between). A
    relative-day word with no time near it is a date-only mention. A weekday written out
    (``Friday``) near a time moves it to that weekday: the
    next one on or after the base date when the time is a deadline (``ETA Friday 09:00``) or the
    text speaks of the future (scheduled, will, next, upcoming, planned, expected, booked, set for,
    announced as a notice, ``Maintenance announced: servers down Tue 06:00 PDT`` written on a Monday is the
    next day, ``announced for``, ``announced maintenance``, ``announcing``, a maintenance, downtime or
    outage named before it, ``Downtime announced Tue 06:00`` (not ``announced on Tue 06:00``, ``announced
    Tue 06:00``, ``Downtime announced on Tue``: when it was announced), moved/rescheduled/postponed to,
    a schedule told in the present, starts, begins, kicks off, goes live, a reminder of it
    (``Reminder: Contoso callback Mon 9am PT`` written on a Sunday is the next day; ``reminder for``/``to``/
    ``about``, ``remind ... to``; not ``reminder sent Mon``), a risk to come (``may miss``, ``might
    breach``, ``could slip``: ``Sun run may miss 07:00 IST freshness`` written on a Friday is that Sunday),
    and a slot moved from one day to another: ``rollback drill scheduled Friday 2pm``, ``Code freeze starts
    Tue 12:00``, ``Go/no-go moved from Tue 16:00 to Wed 10:00``; and a change calendar row whose status
    cell keeps its window a promise, as a ``Planned`` row's: ``| CHG-2 | Thu 14:00 | Lee | Approved |``
    under ``## 2025-10-08`` is the 9th, not the 2nd; approved, authorized, confirmed, pending, postponed,
    deferred, rescheduled, proposed, submitted, requested, ready, on hold, awaiting, genehmigt, geplant,
    verschoben, freigegeben; a ``Done`` row's weekday stays the last one), the nearest such day, ahead or
    behind, when it names a meeting's slot with no tense (meeting, sync, call, review, standup, demo, retro,
    kickoff, go/no-go, freeze, cutover, rollout, go-live, launch, a callback or ``call back``
    (``Contoso callback Mon 9am`` written on a Sunday is the next day; ``rollout at 02:00 UTC Fri`` written
    on a Tuesday is that Friday), and a maintenance's or downtime's, ``Maintenance Tue 06:00`` written
    on a Monday is the next day: ``Go/no-go meeting Wed 16:00`` written on a Monday is two days
    ahead, on a Friday two days back; not one told as done, ``Code freeze started Tue 12:00``), else the
    last one on or before it (``Monday 09:00 deploy``); a weekday with no time near it is a mention only
    when a
    deadline keyword governs it (``due Wednesday``, ``ETA Friday``: date-only, the next such day on
    or after the base date), or a deadline was moved to it (``ETA 17:00 missed, pushed to Friday``), or a
    state reached was on it (``OPS-12 resolved on Monday``, ``fixed Tue``, closed, deployed, shipped,
    merged, mitigated, rolled back..., also an escalation told with whom it reached, ``escalated it to the
    platform director on Saturday``: date-only, the last such day on or before the base date). A
    deadline written as missed in its own mention, its weekday part of it, is past whatever its keyword:
    the last such day on or before the base date (``Tue 12:00 UTC ETA missed``, ``Tue ETA was missed``, ``the
    ETA of Tue 12:00 UTC slipped``, ``missed the Tue 12:00 UTC ETA``, ``ETA Tue not met``, ``failed to meet
    the Fri ETA``; :func:`written_missed`); not a miss written elsewhere in the text (``Tue ETA missed; new
    ETA Mon 10:00``: Monday is ahead; ``ETA 17:00 missed, pushed to Friday``), a move (``Wed ETA slipped to
    Fri``), a forecast (``will be missed``) nor a text that tells of a slip to come (``fix slips to Monday —
    missed Friday target``). A weekday written after a time, a word or more from it, with a deadline keyword
    right after it is that keyword's, not the time's (``16:44 UTC NET-9 Tue ETA missed``: the item was written
    at 16:44 that day). Nor is a weekday written after a time with more than a comma or ``on`` between that
    time's day when the time is the stamp that opens the text (``22:00: PAY-7 checked the Tuesday report``,
    ``22:00 OPS-1 deploy Friday``: 22:00 stays on its section's day; ``22:00 Mon``, ``17:00 on Friday`` are
    Monday's and Friday's) or when the weekday qualifies a noun (``opened at 22:00: Monday payout batch at
    risk``, ``ETA 17:00 for the Friday release``; not ``sync at 10:00 with infra on Friday``). A weekday
    before a time dates it as above, a noun between or not (``Monday deploy at 09:00``).
    Short weekdays (``Fri``, ``Tues.``, ``THU``; capitalized or upper case, so that ``sat`` and ``sun``
    stay words) follow the same rules but name a time's day only with at most one word between
    (``ETA Fri 3pm``, ``Fri by 3pm``; not ``Sat with the vendor at 14:00``), or up to four when the short
    weekday opens its text or clause (after ``;``, ``:``, ``.`` or a dash), capitalized, before a thing run
    that day (``Sun run may miss 07:00 IST``, ``Sat batch``, ``Mon backup``: :func:`_abbr_run_opens`); after
    a deadline keyword
    their dot or comma is no break (``ETA Fri. 10:00``, ``due Fri, 10 Oct``).
    A weekday that labels an item, opening it before a colon or a dash (``Mon: deployed DEP-1 at 9am PT``,
    ``Monday: ...``, ``**Tue**: rolled back ...``, ``*Tue*: ...``, ``Thursday - shipped ...``, ``Mon —
    ...``, ``[Tue] paged``), is the day of what the item tells (:func:`label_day`; the log reader reads
    the item's times on it, its deadlines that write no day of their own too, ``Fri: ETA 17:00 UTC``, and
    the items nested under it): under a span of days the weekday inside it, under a week's heading that day
    of the week, under one day read as the weekdays above are, told as done (the states reached above,
    ``deployed``, ``rolled back``..., and ``was``, ``went``, ``started``...) the last one on or before the
    day, told as to come (the future words above) or holding a deadline the next one on or after it, and
    with no tense the nearest, ahead or behind, as a meeting's slot is (``Mon: deploy the fix 9am PT``
    written on a Sunday is the next day). No label: a weekday written before a time or a date, which dates
    it as above (``Wed 10:00 UTC: standup``, ``Tue 10/14: ...``), a range of days (``Mon - Fri: on call``),
    a weekday inside the text, a short one in lower case (``sat``, ``sun``) or with only its dot after it
    (``Tue. rolled back``), and a month (``Mar:``).
    ``this Friday`` is that day of the base date's week, ``next Friday`` of the week after (weeks
    start on Monday), ``last Friday`` the last one before the base date (``last Friday of October``
    is none of these: no mention), with or without a time.
    British ``Thursday week`` (``Monday fortnight``, ``a week on Friday``, ``a week from Friday``) is the
    next such day on or after the base date a week (two) later: from Mon 10-06, 10-16; with a time too
    (``ETA Thursday week 10:00``); not ``Thursday weekly`` nor ``Monday week 42``, and no mention when it
    is a week from a day said before, not known (``it was due Thursday week``).
    Prose deadlines (:func:`_prose_cands`), only after a deadline word (``ETA``, ``due``, ``by``...) or a
    promise within four words before, in the clause (promised, committed, expect(s), says, said,
    estimates; not a plan told, ``would be issued on the 14th``): a span from the base date, ``in two
    weeks' time``, ``in 3 days``, ``within a week``, ``a fortnight from now`` (date-only, keyword
    ``promised``, ``expects``... or the deadline word; ``rollout in 2 weeks`` is none); a day of the month,
    ``by the 3rd``, ``promised on the 14th``: the next such day on or after the base date, in its
    month or the next (no such day there: ``no such date`` problem), when the clause ends after it or a
    small word or a clock time follows (``ETA the 14th 17:00 UTC`` is the 14th at 17:00, as ``... at
    17:00 UTC``; not ``the 14th floor``, ``the 3rd attempt``; a ``by`` or ``until`` only where it
    is a deadline's, not ``was fixed by the 3rd``); and a part of a month or a quarter, ``mid-October``,
    ``early November``, ``late Q4``, ``mid-month``: a ``vague deadline`` problem, as a sprint's is.
    ``EOW``, ``end of (the) week`` and ``end of next week`` are date-only deadlines on that week's
    Friday (a weekend day is its own end of week), and so are ``this week`` and ``next week`` after a
    deadline word (``ETA next week``, ``ETA next wk``);
    ``EOM``, ``end of (the) month`` and ``end of next month`` on that month's last day.
    With no date at all: ``at=None``, ``problem='time without a date'``.
Precision
    ``'second'`` when seconds are written, ``'minute'`` for times, ``'day'`` for dates. A date-only
    mention has ``at`` = UTC midnight of that calendar date (whatever ``tz`` is) and ``zone=None``.
Deadlines
    A mention is a deadline when a keyword governs it. Before it, possibly with ``at/on/of/is/for/
    the/by/:`` or ``for`` and up to three words (``ETA for the fix: Oct 9``), a relative day or
    weekday (``ETA tomorrow 09:00``, ``due by Monday, 17:00``; a German short one, capitalized, ``NLT Fr
    10.10. 12:00``), ``EOD``,
    an approximation (``ETA ~17:00``, ``around``, ``roughly``) or a move (``ETA slipped to 19:00``,
    ``pushed out to``, ``rescheduled for``, ``ETA revised to``, ``updated to``) between: ``ETA``, ``by``,
    ``before``, ``due``, ``deadline``, ``target``, ``no later than`` (``NLT``), ``ETR`` (a utility's
    estimated time of restoration: keyword ``ETA``, and it moves as one, ``ETR now 0800``, ``new ETR
    1200``), ``until``/``till`` (not
    after watching, monitoring, soaking, silenced, muted, on call, covering or on the queue, desk, shift or
    duty, nor right after on, off, enabled or
    disabled: ``watching until 18:00``, ``flag on until 2025-10-20`` promise nothing, nor right after a
    state held, paused, on hold, held, parked, standby, kept, retained: ``rollout paused until 16:00 while we
    look``, ``on hold until Monday``, ``old primary kept as a read-only standby until Fri`` (how long it
    stays so; ``paused rollouts until 18:00``, the work stopped, is a freeze's end, below), nor after a
    meeting's move, ``Vendor call postponed until Fri 15:00`` (where a meeting moved to,
    :data:`_MEETING_MOVED`: no promise), nor after valid or
    good, a validity's end: ``license valid until Dec 1``, nor after a grant, ``Extension granted until 23:59
    for all HIST110 essay submissions``, ``extension until 12:45`` (how long others may still act), nor
    after an absence, when someone is back:
    ``Arun is on leave until October 20``, ``OOO till Friday``, ``out of office until Oct 14``, ``on PTO``,
    ``on vacation``, ``off sick``, ``away`` (a window's or a freeze's end wins: ``holiday freeze
    until``), nor after a denial, a wait for the earliest a thing may happen: ``CHG-77 not approved by CAB
    until Thu 22:00Z``, ``can't deploy until 14:00`` (a weekday after such a wait, or after on hold, on
    leave, OOO, looks ahead, and its time is no time the item happened), nor after a state told in the
    past, ``was down until Tue 14:00``, ``remained degraded until 03:10``, ``the outage lasted until
    14:00`` (when it ended; a weekday there is the one before); keyword ``window`` right
    after window, its end: ``maintenance window until 06:00``, ``change window open until 04:00``; a
    downtime's range right after the word is one (``downtime 0200-0400 tonight``, as ``maintenance window
    02:00-04:00``; a downtime's single time is none); so is a freeze's,
    ``deploy freeze until 12:00``, ``code freeze in effect until Friday``: when work may not happen, also
    when the freeze is the clause's label or in brackets after the time, ``deploy freeze: no merges until
    12:00``, ``no deploys until 14:00 UTC (freeze)``, and a restriction without the word, the work a freeze
    stops forbidden up to it: ``no deploys until 14:00``, ``do not merge until 12:00``, ``hold off on
    releases until 18:00`` (not ``no update until 14:00``); ``through``/``thru`` is that end only, ``code
    freeze through Friday 18:00``, and no keyword anywhere else: ``worked through 18:00``); a freeze's start
    in an item that announces it is ``window`` too (``Code freeze Wed 18:00 UTC announced in #release-train``,
    ``change freeze starts Fri 18:00 UTC, announced``, also written ``freeze from``: the item is the
    announcement, on its own day; not one
    told as begun, ``Code freeze started ...``, nor one not announced, ``Code freeze starts Wed 18:00``, a
    slot); a ``by``, ``before`` or EOD that closes a condition is none (``will escalate ... if no answer by
    Wed EOD``, ``page the vendor if we don't hear back by 14:00``, ``unless they reply by noon``: the time
    of someone else's answer, the trigger of a plan; a keyword after the time stays, ``if no response
    before 09:00 UTC checkpoint``),
    ``checkpoint``, ``window``, ``cutoff``, a runbook's ``go/no-go`` (``go/no-go at 13:30``, also
    ``GO/NO-GO``, ``go-no-go``; with what it decides in up to three words after ``on`` or ``for``,
    ``go/no-go on rollback at 03:30``, ``go/no-go for the cutover at 13:30``) and ``point of no return``
    (``point of no return 15:10``), their own
    keywords, kept by the item naming them again (not when told as reached: ``we passed the point of no
    return at 15:10``), an
    expiry's ``expires``/``expiry`` (not one told as a renewal's outcome: ``certificate Ready, new expiry
    2026-01-07``, ``renewed, expires 2026-01-07``: new, extended, updated, next or renewed before it),
    and the 📅 of Obsidian's tasks (keyword ``due``); also a
    promise reported, the time right after it (``@ben says Fri noon``, ``infra said EOD``, ``vendor
    expects Thursday``, ``promised 06:00``, ``committed to Oct 14``: keyword ``says``, ``said``...; its
    weekday is the next one, as an ETA's is; not ``said the deploy at 09:00 went fine``), also with what
    is promised between: ``vendor now says fix ships Mon 13 Oct``, ``expects the patch to land Friday``,
    ``says it will be out Thu`` (ships, lands, arrives, goes out, to/will ship, land, be out, ready...);
    a promise made for a time with up to three words of what or who between (``the fix was promised by
    Ops for Thursday noon``, ``Ops promised the fix for Thursday noon``, ``committed to a patch for Oct
    14``: keyword ``promised``; not after ``said``), and a call, a reply or an update promised at a time
    (``promised a callback at 1pm PT``, ``promised Dana a call back at 16:00``: keyword ``promised``; not
    ``promised the customer at 14:00 that ...``, when it was promised; a callback of no ticket is kept by
    its log's later ``callback done``, :mod:`occ_lib.sla`); and a scheduler's SLA miss, ``SLA miss on dag
    orders_daily at 06:00 UTC``, Airflow's ``SLA miss on DAG=orders_daily at 06:00`` (keyword ``missed``;
    not ``no SLA miss at 06:00``, ``risk of an SLA miss``, nor the run's logical date its e-mail lists a
    task with, ``load_gl on 2025-10-09T01:00:00+00:00``: the run's, not its due time), and an SLA's breach
    at a time (``SLA breach at 09:45``, ``breaches SLA at 11:00``, ``SLA will
    breach at 09:45``: keyword ``SLA``; told as past, ``SLA breached at 09:45``, ``missed``; not ``no SLA
    breach at 09:45``; :func:`sla_breach_at`, and :mod:`occ_lib.logs` for one at or before the item's
    time). What closes or ends at a time is a deadline only when someone commits to act before it:
    ``we will file before submission closes at 16:00 ET`` (keyword ``before`` or ``by``, up to three words
    of what closes between, also after ``by the time``: ``we will file by the time the portal closes at
    16:00 ET``, keyword ``by``), while ``submission closes at 16:00 ET`` or ``Fedwire closes 18:00`` alone is
    another party's schedule, no promise and no deadline; a window's own end stays keyword ``window``
    (``the window closes 14:45``). A date written after ``for the`` (our, their, this...)
    and before a noun qualifies that noun and is no deadline: ``deadline for the Oct 9 marketing push:
    approval needed by Wed 10/08 5:00 PM PT`` has one, the ``by`` (not ``ETA for the fix: Oct 9``, ``due
    for the Oct 9 morning``, ``deadline for Oct 9 release``). Right after it:
    ``ETA``, ``deadline``, ``window``, ``checkpoint``, ``cutoff``, ``target`` (``the 17:00 UTC ETA``, ``09:00
    UTC review window``), unless that keyword has its own value after it (in ``14:00 UTC ETA in ~2h``, ``ETA
    +2h``, ``ETA within the hour`` 14:00 is the item's time; also an ETA's, ``08:40 next checkpoint ETA
    ~2h``, a training job's checkpoint due at 10:40), or the time opens the text and any word
    follows ETA, deadline or target (``14:15 ETA slipped, now due 17:00``: the item's time; ``3pm-5pm
    maintenance window for OPS-9`` is the window). A keyword written right after wins over one before
    (``before 09:00 UTC checkpoint`` -> ``checkpoint``).
    Who gave a promise may stand between the keyword and its time: ``ETA from vendor 11:00Z``, ``ETA per
    the supplier 14:00`` (from/per vendor or supplier, with or without ``the``); so may where a crew is
    due: ``crew ETA on site 02:30``, ``tech ETA onsite 14:00`` (on site, on-site, onsite, on scene).
    A keyword written after a time said missed is that deadline's keyword even when an amount follows
    it: ``missed the 17:00 cut-off by 5 minutes`` -> ``cutoff`` (the amount is how late, not the
    keyword's own value as in ``ETA in 2h``: :func:`_missed_by_amount`).
    Notion's ``@`` before a relative day is no break (``Due: @Friday 5:00 PM``, ``Due: @Tomorrow 9:00 AM``).
    A deadline written in words takes the date in brackets right after them: ``due 5 business days after
    the incident (2025-10-16)``, ``target: end of sprint (Oct 24)`` (a duration after something, or the
    end, start or middle of something; ``due to the outage (Oct 9)`` is a cause); a sprint's end, also
    the date written right after it, after a comma, a colon or a space (``ETA end of sprint, Oct 24``,
    ``target: this sprint, Friday 10/24``: a day-precision deadline of the keyword before,
    :data:`_SPRINT_DATE`); and a duration after something takes the date after ``i.e.`` or ``that
    is``: ``notification deadline: 72 hours from detection, i.e. 2025-10-10 08:14 UTC``.
    ``keyword`` is lowercase except ``ETA``.
End of day
    ``EOD``, ``EOB``, ``COB``, ``end of (the) day``/``business``, ``close of business`` is a date-only
    deadline (keyword
    ``EOD`` unless ``ETA``/``by``... governs it) on the day written next to it (``EOD Friday``:
    the next Friday; ``tomorrow COB``), or, when a deadline keyword governs it (``by EOD``), on the
    text's own day; alone it is no mention (``posted the EOD summary``). A date written next to it,
    also with ``by`` between (``Oct 10 by EOD``, ``tomorrow by COB``), is that one deadline; after a
    missed one it looks back (``missed COB Thurs``). With a time next to it, the time is the deadline
    (``ETA EOD 17:00``; ``Thu EOD 18:00 ET``: keyword ``EOD``; ``EOD Fri 18:00 ET``, ``by EOD, ETA 17:00
    UTC``): within 12 characters, with only ``at``/``by``/``on``, a day word or punctuation between (after
    it also ``ETA``/``due``); the item's opening time is no such time (``15:28 PAY-4 ETA EOD``).
    With a zone written right after it (``fix by EOD Friday PT``, ``COB ET``) it is the end of that day
    in that zone, as ``by midnight PT`` is (24:00, to the minute), not in the text's zone.
Not read by :func:`find_times`
    anything inside a backtick code span or a URL (artifact paths, commands), and file-name stamps
    (``2025-10-10T02-50-44Z``, ``20251010T071858Z``, ``2025-10-10T073500Z``): those are evidence
    stamps, read with :func:`parse_stamp`. ``find_times(..., stamps=True)`` returns them too
    (``is_stamp=True``), including those inside code spans and URLs.
Headings (:func:`parse_heading`)
    the first date in the heading is the section date, the first time the section time (on that
    date); the title is what remains once dates, times, weekday names, empty brackets and edge
    separators (``—``, ``-``, ``:``, ``|``, mojibake ``â€”``) are removed, and the dash or ``to`` between
    a span's days (``## Week 41 (2025-10-06 – 2025-10-12)`` is titled ``Week 41``, ``## 2025-10-13 to
    2025-10-19`` has none, as ``## 2025-10-13`` has none). Year-less dates (``Oct 9``,
    and with ``year_near`` a slash ``10/7`` read like one joined to a time) take their year from
    ``year_near`` (the log reader passes the date of the section before, else the
    front matter's ``date`` or ``last_reviewed``), and a ``10/07/2025`` that reads both ways the
    reading nearest it; without ``year_near`` that is ``problem='ambiguous date ...'``, and a year-less
    date written with its weekday (``## Mon 6 Oct`` in a document that writes no year anywhere) is in the
    year nearest today in which it is that weekday (2025 for ``Mon 6 Oct`` from 2020 to 2028; the other
    years are five, six or eleven years apart, so the weekday fixes the year as well as a log's date can);
    so is a slash one, ``## 10/6 Mon``, ``## Mon 10/6``, read in the document's order, else month first.
    In a document that writes day-first dotted dates (``06.10.2025``), a heading that is only a dotted
    date, with its weekday or not, is one too: ``## Fr., 10.10.``, ``## Wed 08.10.``, ``## 08.10`` (year-less,
    the year nearest ``year_near``) and ``## 2025.10.08``; elsewhere ``## 1.2.`` and ``## 3.12`` are a
    section's or a version's number. A heading that
    opens with a weekday under a dated one (``day``) is that weekday on or after it, except that under one
    date (``one_day``: not a week's nor a span of days) the day before is that day (``### Mon night`` under
    ``## 2025-10-07 (Tue)`` is Oct 6), as is a night or evening of the day before written anywhere in it
    (``### Overnight (Mon night into Tue)``). ``until`` is the end of its time range, not compared
    (``## 2025-10-07 night shift (22:00–06:00)``: 06:00 on the 8th), ``span`` whether it writes two dates
    or more (``## 2025-10-06 – 2025-10-12``). A struck-out
    part (``~~...~~``, ``<del>``, ``<s>``, ``<strike>``) is a replaced date or time and is not read:
    ``## ~~2025-10-15~~ 2025-10-16`` is dated the 16th (and a heading whose only date is struck has
    none); the title drops a struck part that holds a date or time and keeps struck words.
Mail heads in other languages (:func:`mail_head_date`)
    only inside the head of a quoted mail (German ``Am Mi., 8. Okt. 2025 um 16:12 Uhr schrieb ...:``,
    ``Am 08.10.2025 um 16:12 schrieb ...:``, French ``Le mer. 8 oct. 2025 à 16:12, ... a écrit :``, Spanish
    ``El mié, 8 oct 2025 a las 16:12, ... escribió:``, Dutch ``Op wo 8 okt. 2025 om 16:12 schreef ...``, and
    Outlook's ``Gesendet: Mittwoch, 8. Oktober 2025 16:12``, ``Envoyé : mercredi 8 octobre 2025 16:12``,
    ``Enviado: miércoles, 8 de octubre de 2025 16:12``, ``Verzonden: woensdag 8 oktober 2025 16:12``,
    Portuguese ``Em qua., 8 de out. de 2025 às 16:12, ... escreveu:``, Italian ``Il giorno mer 8 ott 2025
    alle ore 16:12 ... ha scritto:``, ``Inviato: mercoledì 8 ottobre 2025 16:12``): the German, French,
    Spanish, Dutch, Portuguese and Italian month names and abbreviations, day first, with a four-digit
    year (or ``08.10.2025``, ``08/10/2025``: these languages write the day first), and the first time after
    the date, 24-hour or 12-hour with its mark (``a las 4:12 p. m.`` is 16:12, ``12:05 a. m.`` 00:05), with
    the zone written right after it (``16:12 MESZ``, ``16:12 (UTC+02:00)``, ``16:12 +0200``; a word that is
    no zone, ``Uhr``, is not read); the weekday is not read (the date holds it). Nowhere
    else: ``mar``, ``mai`` or ``ene`` in a log's text stay words.
Declared zones (:func:`declared_zone`)
    ``All times in PDT (UTC-7).``, ``times in BST``, ``Timezone: Europe/Berlin``, ``Time zone: ET``,
    ``tz: America/Chicago``,
    ``Times are US Eastern (ET) unless noted`` (US before the zone's word), German
    ``Zeiten in MESZ (Europe/Berlin)``, ``Zeitzone: Europe/Berlin``, ``Alle Uhrzeiten sind in MEZ``
    -> the canonical name (IANA key, ``'UTC'`` or ``'+02:00'``); a named zone
    wins over the offset in brackets, so daylight saving still follows the date, unless that zone never
    has the offset (``All times in CST (UTC+8)`` -> Asia/Shanghai, the other zone CST names that has it;
    ``EST (UTC+8)`` -> ``+08:00``), and an IANA name in
    brackets over the abbreviation before it (``ET (America/Toronto)``: Toronto). A city's time is that
    city's zone when the tz database names one, else the zone in brackets after it (``All times in
    London time (BST)`` -> Europe/London, ``Berlin time (CEST)`` -> Europe/Berlin, ``India Standard Time
    (UTC+05:30)`` -> +05:30); so is a country's of one zone (``All times UK time (BST) unless stated``,
    ``Times are British time`` -> Europe/London, ``Irish time`` -> Europe/Dublin; its local time too,
    ``Times are UK local (BST) unless marked``), and a city's local time
    (``All times Sydney local (AEST/AEDT) unless marked``, ``Times are Sydney local time`` ->
    Australia/Sydney; ``All times server local`` declares nothing). A city's time with the
    pair of abbreviations it goes by declares it however
    it is introduced (``Working in London time (BST/GMT).`` -> Europe/London, ``Berlin time (CET/CEST)``),
    when both are that city's and no time is written before it (``15:00 London time (BST/GMT)`` is that
    time's zone only); ``Amsterdam (CET)`` and ``London time (BST/CET)`` declare nothing.
Local time ``LT`` (:func:`local_zone_of`, :func:`local_zone`)
    ``12:00 LT`` is in the zone the log says local time is: ``LT = London``, ``LT: Europe/London``,
    ``unless marked LT (London local, BST = Z+1)``, ``local time (Europe/London)``, ``all times LT (UK)``
    (which makes it the document's zone too, when the log declares no other); with no such statement
    a time in ``LT`` is a problem (``unknown local zone LT``), never the document's zone. A key
    ``LT-4411`` after a time is no zone. ``05:40 local`` is local time too in such a log; in any other,
    the document's zone (as before).
Unresolvable
    ``[???]``, ``??:??``, ``(Time TBC)``, ``ETA TBD`` (TBC/TBD/TBA after a time word), impossible
    times (``25:61``, ``24:30``, ``13:00 PM``; ``24:00`` is midnight ending the day), dates
    (``2025-13-40``, ``Feb 30``, a year-less ``Oct 11`` with no ``day``) and written but unknown
    zones (``09:00 Europe/Berln``, ``UTC+25``; and capitals right after a time shaped as a zone's
    abbreviation that occ does not know, a standard or daylight time's form, one to three letters then ST
    or DT, ``17:00 XDT``, ``17:00 XYST``, also in brackets, ``17:00 (XDT)`` (:func:`unknown_zone`): not the
    words and team acronyms written so, ``17:00 UAT sign-off``, ``17:00 POST /orders``, nor a key, ``17:00
    SIT-4``; ``17:00 API`` and ``17:00 CAB`` are no zone's shape, nor is any other word ending in T,
    ``17:00 (DRT)``, ``ETA 17:00 (OAT)``, ``17:00 XYT``: far more often a team's or a phase's acronym than
    a zone, read in the document's zone), and a deadline a sprint sets with no date written, ``ETA end of
    sprint``, ``due next sprint``, ``target: this sprint`` (``vague deadline``; not ``end of sprint (Oct
    24)`` nor ``end of sprint, Oct 24``, whose date is written), and one a part of a month or a quarter
    sets, ``ETA mid-October``, ``due early November``, ``target late Q4`` (no day says when: also
    ``vague deadline``), are mentions with ``at=None`` and a
    ``problem``; every mention has exactly one of ``at`` and ``problem``.
"""

from __future__ import annotations

import bisect
import contextlib
import contextvars
import dataclasses
import datetime as dt
import functools
import operator
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from ._stamps import BARE_TIME

__all__ = [
    "Heading", "TimeMention", "declared_zone", "find_times", "find_times_many", "happens_once",
    "local_zone", "local_zone_of",
    "mail_head_date", "parse_heading", "parse_stamp", "second_in_order", "unknown_zone", "zone_named",
    "zone_named_in",
]

UTC = dt.UTC


@dataclass(frozen=True)
class TimeMention:
    """One time (or date) written in a text, resolved to UTC."""

    start: int
    end: int
    raw: str
    at: dt.datetime | None
    until: dt.datetime | None
    precision: str
    has_date: bool
    zone: str | None
    is_deadline: bool
    keyword: str | None
    problem: str | None
    is_stamp: bool = False
    # the wall time written does not exist in its zone that day (02:30 ET on 2025-03-09, the clocks
    # skip from 02:00 to 03:00): still read (as the clock reads the hour before it, 03:30 EDT), but
    # worth a problem row (:func:`occ_lib.logs.parse_log`)
    skipped: bool = False
    # the zone in brackets after the abbreviation disagrees with it ('14:00 EST (UTC+8)'): read in the
    # bracket's zone, and this says so (a problem row, :func:`occ_lib.logs.parse_log`); else None
    zone_note: str | None = None


def _replaced(m: TimeMention, **changes: object) -> TimeMention:
    """``dataclasses.replace(m, **changes)``, the same mention, without its per-call look at the fields
    (a date joined to its time is one per dated item: :func:`_join_date_times`)."""
    new = object.__new__(TimeMention)
    new.__dict__.update(m.__dict__, **changes)
    return new


@dataclass(frozen=True)
class Heading:
    """A markdown heading split into its title and the date/time it carries."""

    title: str
    date: dt.date | None
    at: dt.datetime | None
    problem: str | None
    precision: str | None = None  # 'second' | 'minute' when ``at`` is set, 'day' when only a date
    zone: str | None = None
    # the end of the heading's time range ('night shift (22:00–06:00)': 06:00 the next day), if any;
    # not compared, as it is only what ``at`` is the start of
    until: dt.datetime | None = dataclasses.field(default=None, compare=False)
    # whether it writes two dates or more ('## 2025-10-06 – 2025-10-12'): a span of days, not one day
    span: bool = dataclasses.field(default=False, compare=False)
    # whether its two dates are a day and the next ('2025-10-09/10', 'Oct 9–10, 2025'): maybe one night
    next_day: bool = dataclasses.field(default=False, compare=False)


# --------------------------------------------------------------------------------------------- zones

_ZONE_TABLE: dict[str, str] = {
    "UTC": "UTC", "Z": "UTC", "GMT": "UTC", "UT": "UTC", "ZULU": "UTC", "UCT": "UTC",
    "ET": "America/New_York", "EST": "America/New_York", "EDT": "America/New_York",
    "EASTERN": "America/New_York", "EASTERN TIME": "America/New_York",
    "CT": "America/Chicago", "CST": "America/Chicago", "CDT": "America/Chicago",
    "CENTRAL": "America/Chicago", "CENTRAL TIME": "America/Chicago",
    "MT": "America/Denver", "MST": "America/Denver", "MDT": "America/Denver",
    "MOUNTAIN": "America/Denver", "MOUNTAIN TIME": "America/Denver",
    "PT": "America/Los_Angeles", "PST": "America/Los_Angeles", "PDT": "America/Los_Angeles",
    "PACIFIC": "America/Los_Angeles", "PACIFIC TIME": "America/Los_Angeles",
    "CENTRAL EUROPEAN TIME": "Europe/Paris", "CENTRAL EUROPEAN SUMMER TIME": "Europe/Paris",
    "CENTRAL EUROPEAN STANDARD TIME": "Europe/Paris", "EASTERN EUROPEAN TIME": "Europe/Athens",
    "EASTERN EUROPEAN SUMMER TIME": "Europe/Athens", "EASTERN EUROPEAN STANDARD TIME": "Europe/Athens",
    "WESTERN EUROPEAN TIME": "Europe/Lisbon", "WESTERN EUROPEAN SUMMER TIME": "Europe/Lisbon",
    "WESTERN EUROPEAN STANDARD TIME": "Europe/Lisbon",
    "AKST": "America/Anchorage", "AKDT": "America/Anchorage", "HST": "Pacific/Honolulu",
    "CET": "Europe/Paris", "CEST": "Europe/Paris", "EET": "Europe/Athens", "EEST": "Europe/Athens",
    "WET": "Europe/Lisbon", "WEST": "Europe/Lisbon", "BST": "Europe/London",
    "IST": "Asia/Kolkata", "JST": "Asia/Tokyo", "KST": "Asia/Seoul", "SGT": "Asia/Singapore",
    "AEST": "Australia/Sydney", "AEDT": "Australia/Sydney",
    "ACST": "Australia/Adelaide", "ACDT": "Australia/Adelaide", "AWST": "Australia/Perth",
    "NZST": "Pacific/Auckland", "NZDT": "Pacific/Auckland", "HKT": "Asia/Hong_Kong",
    "ICT": "Asia/Bangkok", "WIB": "Asia/Jakarta", "PHT": "Asia/Manila", "PKT": "Asia/Karachi",
    "MSK": "Europe/Moscow", "SAST": "Africa/Johannesburg", "BRT": "America/Sao_Paulo",
    "MYT": "Asia/Kuala_Lumpur", "AET": "Australia/Sydney", "NZT": "Pacific/Auckland", "GST": "Asia/Dubai",
    "EAT": "Africa/Nairobi", "WAT": "Africa/Lagos", "ART": "America/Argentina/Buenos_Aires",
    "CAT": "Africa/Maputo", "TRT": "Europe/Istanbul", "IRST": "Asia/Tehran", "NPT": "Asia/Kathmandu",
    "WITA": "Asia/Makassar", "WIT": "Asia/Jayapura",
    "CLT": "America/Santiago", "CLST": "America/Santiago", "PET": "America/Lima", "COT": "America/Bogota",
    "ECT": "America/Guayaquil", "VET": "America/Caracas", "UYT": "America/Montevideo",
    "PYT": "America/Asuncion", "NST": "America/St_Johns", "NDT": "America/St_Johns",
    # (German: Mitteleuropäische (Sommer)Zeit, CET and CEST as a German document writes them)
    "MEZ": "Europe/Berlin", "MESZ": "Europe/Berlin",
}
# Zones as prose and headings spell them out ('All times in China Standard Time.', '14:00 Eastern
# Daylight Time'): a seasonal one names its abbreviation's side of the night the clocks change
# (_LONG_SEASONS), as the abbreviation does.
_LONG_ZONES: dict[str, str] = {
    "CHINA STANDARD TIME": "Asia/Shanghai", "INDIA STANDARD TIME": "Asia/Kolkata",
    "INDIAN STANDARD TIME": "Asia/Kolkata", "JAPAN STANDARD TIME": "Asia/Tokyo",
    "KOREA STANDARD TIME": "Asia/Seoul", "KOREAN STANDARD TIME": "Asia/Seoul",
    "SINGAPORE TIME": "Asia/Singapore", "SINGAPORE STANDARD TIME": "Asia/Singapore",
    "HONG KONG TIME": "Asia/Hong_Kong",
    "AUSTRALIAN EASTERN TIME": "Australia/Sydney", "AUSTRALIAN EASTERN STANDARD TIME": "Australia/Sydney",
    "AUSTRALIAN EASTERN DAYLIGHT TIME": "Australia/Sydney",
    "BRITISH SUMMER TIME": "Europe/London", "IRISH STANDARD TIME": "Europe/Dublin",
    "GREENWICH MEAN TIME": "UTC", "COORDINATED UNIVERSAL TIME": "UTC",
    "EASTERN STANDARD TIME": "America/New_York", "EASTERN DAYLIGHT TIME": "America/New_York",
    "CENTRAL STANDARD TIME": "America/Chicago", "CENTRAL DAYLIGHT TIME": "America/Chicago",
    "MOUNTAIN STANDARD TIME": "America/Denver", "MOUNTAIN DAYLIGHT TIME": "America/Denver",
    "PACIFIC STANDARD TIME": "America/Los_Angeles", "PACIFIC DAYLIGHT TIME": "America/Los_Angeles",
    "BRASILIA TIME": "America/Sao_Paulo", "BRAS\u00cdLIA TIME": "America/Sao_Paulo",
    "BRASILIA STANDARD TIME": "America/Sao_Paulo", "BRAS\u00cdLIA STANDARD TIME": "America/Sao_Paulo",
    "NEW ZEALAND TIME": "Pacific/Auckland", "NEW ZEALAND STANDARD TIME": "Pacific/Auckland",
    "NEW ZEALAND DAYLIGHT TIME": "Pacific/Auckland",
    "ISRAEL STANDARD TIME": "Asia/Jerusalem", "ISRAEL DAYLIGHT TIME": "Asia/Jerusalem",
    "BANGLADESH STANDARD TIME": "Asia/Dhaka",
}
_ZONE_TABLE.update(_LONG_ZONES)
_LONG_SEASONS = {
    "AUSTRALIAN EASTERN STANDARD TIME": "AEST", "AUSTRALIAN EASTERN DAYLIGHT TIME": "AEDT",
    "BRITISH SUMMER TIME": "BST", "IRISH STANDARD TIME": "IST",
    "EASTERN STANDARD TIME": "EST", "EASTERN DAYLIGHT TIME": "EDT", "CENTRAL STANDARD TIME": "CST",
    "CENTRAL DAYLIGHT TIME": "CDT", "MOUNTAIN STANDARD TIME": "MST", "MOUNTAIN DAYLIGHT TIME": "MDT",
    "PACIFIC STANDARD TIME": "PST", "PACIFIC DAYLIGHT TIME": "PDT",
    "NEW ZEALAND STANDARD TIME": "NZST", "NEW ZEALAND DAYLIGHT TIME": "NZDT",
    "CENTRAL EUROPEAN STANDARD TIME": "CET", "CENTRAL EUROPEAN SUMMER TIME": "CEST",
    "EASTERN EUROPEAN STANDARD TIME": "EET", "EASTERN EUROPEAN SUMMER TIME": "EEST",
    "WESTERN EUROPEAN STANDARD TIME": "WET", "WESTERN EUROPEAN SUMMER TIME": "WEST",
}
# (abbreviations that are words too, 'art', 'eat', 'pet': a zone only in capitals)
_CAPS_ONLY = frozenset(("MYT", "AET", "NZT", "GST", "EAT", "WAT", "ART", "CAT", "WIT", "PET", "COT", "VET"))

# (minutes after a dot only after UTC or GMT: 'UTC+5.30', as India's offset is often written)
_OFFSET_RE = re.compile(
    r"(?P<utc>UTC|GMT|UT)?\s*(?P<sign>[+\-\u2212])\s*(?P<h>\d{1,2})(?:(?::?|(?P<dot>\.))(?P<m>\d{2}))?",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=512)
def zone_named(name: str) -> dt.tzinfo | None:
    """The tzinfo a zone name means ('ET' -> America/New_York, 'UTC+2' -> +02:00); None if unknown."""
    if not isinstance(name, str):
        return None
    key = " ".join(name.strip().strip("()").split())
    if not key or len(key) > 64:
        return None
    iana = _ZONE_TABLE.get(key.upper())
    if iana is not None and key.upper() in _CAPS_ONLY and not key.isupper():
        return None
    if iana == "UTC":
        return UTC
    if iana:
        if key.upper() in _SEASONAL:
            return _Abbreviated.named(iana, _SEASON_ALIAS.get(key.upper(), key.upper()))
        return ZoneInfo(iana)
    m = _OFFSET_RE.fullmatch(key)
    if m and (m.group("utc") or not m.group("dot")):
        hours, minutes = int(m.group("h")), int(m.group("m") or 0)
        if hours > 14 or minutes > 59:
            return None
        delta = dt.timedelta(hours=hours, minutes=minutes)
        if not delta:
            return UTC
        return dt.timezone(-delta if m.group("sign") != "+" else delta)
    if "/" in key and re.fullmatch(r"[A-Za-z][A-Za-z0-9_+\-]*(?:/[A-Za-z0-9_+\-]+){1,2}", key):
        try:
            return ZoneInfo(key)
        except (ValueError, OSError, KeyError):  # ZoneInfoNotFoundError is a KeyError
            return None
    return None


# Abbreviations of one season of their zone (EST is winter in New York, EDT summer): each still
# means the whole zone (people write "EST" in July and mean New York's time), but where a wall
# time happens twice (the hour the clocks go back) or not at all (the hour they skip), the one
# written says which offset: "01:30 EST" on 2025-11-02 is the second 01:30, 06:30 UTC.
_SEASONAL = frozenset((
    "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "AKST", "AKDT", "CET", "CEST", "EET",
    "EEST", "WET", "WEST", "BST", "AEST", "AEDT", "ACST", "ACDT", "NZST", "NZDT", "MEZ", "MESZ",
    *_LONG_SEASONS,
))
# (a season's abbreviation in another language, or spelled out: the tz database's own name for that season)
_SEASON_ALIAS = {"MEZ": "CET", "MESZ": "CEST", **_LONG_SEASONS}


class _Abbreviated(ZoneInfo):
    """An IANA zone as named by a seasonal abbreviation (``abbrev``): :func:`_utc` reads the
    abbreviation where the zone's wall time is ambiguous or skipped."""

    abbrev: str

    @classmethod
    def named(cls, key: str, abbrev: str) -> _Abbreviated:
        tz = cls.no_cache(key)  # (one object per abbreviation: zone_named caches it)
        tz.abbrev = abbrev
        return tz

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (_Abbreviated.named, (self.key, self.abbrev))


def _utc(local: dt.datetime) -> dt.datetime:
    """``local`` (aware) in UTC; for a zone named by a seasonal abbreviation, on the fold whose
    abbreviation is the one written (``_SEASONAL``)."""
    abbrev = getattr(local.tzinfo, "abbrev", None)
    if abbrev is not None and local.tzname() != abbrev:
        other = local.replace(fold=1 - local.fold)
        if other.tzname() == abbrev:
            local = other
    return local.astimezone(UTC)


# The zone of the text being read (the document's or its section's) and the year it is read in: an
# abbreviation that zone itself uses is its time ('14:00 CST' in a Shanghai log is China's, not
# Chicago's), whatever :data:`_ZONE_TABLE` says (:func:`_zone_word`).
_OWN_ZONE: contextvars.ContextVar[tuple[str, int] | None] = contextvars.ContextVar("own_zone", default=None)


def _own_zone(tz: dt.tzinfo, day: dt.date | None) -> tuple[str, int] | None:
    """What :data:`_OWN_ZONE` holds for a text read in ``tz`` on ``day``: None for UTC and offsets."""
    key = getattr(tz, "key", None) if isinstance(tz, ZoneInfo) else None
    if not key or key in ("UTC", "Etc/UTC"):
        return None
    return key, (day or _today()).year


@functools.lru_cache(maxsize=512)
def _own_abbrev(key: str, abbrev: str, year: int) -> _Abbreviated | None:
    """Zone ``key`` as named by ``abbrev`` when the tz database names its time so in ``year`` (two
    days a month are enough: a season lasts months), else None."""
    tz = ZoneInfo(key)
    for month in range(1, 13):
        for d in (1, 16):
            if dt.datetime(year, month, d, 12, tzinfo=tz).tzname() == abbrev:
                return _Abbreviated.named(key, abbrev)
    return None


def _zone_word(word: str) -> dt.tzinfo | None:
    """:func:`zone_named` of a zone written after a time, except that an abbreviation the text's own
    zone uses (:data:`_OWN_ZONE`) is that zone's: 'CST' in an Asia/Shanghai log, 'IST' in a Dublin
    one. 'GMT' and 'UTC' stay UTC (London names its winter GMT, but '14:00 GMT' in July is 14:00 UTC).
    'LT' (local time) is the zone the log says local time is (:func:`local_zone`), else unknown; so is
    'local' ('05:40 local'), else the text's own zone (:func:`_zone_written`)."""
    if word in ("LT", "local"):
        return _LOCAL_ZONE.get()
    tz = zone_named(word)
    own = _OWN_ZONE.get()
    if own is None or tz is UTC or not (2 <= len(word) <= 5 and word.isalpha() and word.isupper()):
        return tz
    return _own_abbrev(own[0], word, own[1]) or tz


# The zone a log says its local time ('LT') is (:func:`local_zone_of`), set by :func:`local_zone` while the
# log is read; None when it says nothing: '12:00 LT' is then an unknown zone, not the document's.
_LOCAL_ZONE: contextvars.ContextVar[dt.tzinfo | None] = contextvars.ContextVar("local_zone", default=None)


@contextlib.contextmanager
def local_zone(tz: dt.tzinfo | None) -> Iterator[None]:
    """Read the times written 'LT' (local time) in ``tz`` meanwhile (None: an unknown zone)."""
    token = _LOCAL_ZONE.set(tz)
    try:
        yield
    finally:
        _LOCAL_ZONE.reset(token)


# what a log says local time is: 'LT = London', 'LT: Europe/London', 'marked LT (London local, BST = Z+1)',
# 'local time (Europe/London)', 'all times LT (UK)', 'LT is BST'
_LOCAL_DECL = re.compile(
    r"(?<![\w\-/])(?:LT|(?i:local\s+time))(?![\w\-/])\s*(?:=|:|\(|(?:is|means)\s)\s*"
    r"(?P<z>[A-Z][A-Za-z_]*(?:/[A-Za-z_]+)?(?:\s[A-Z][a-z]+)?)"
)
# ('all times LT (UK)': the log's own times are local time too)
_ALL_LOCAL = re.compile(r"(?i:times?)\s+(?:(?i:are|in|shown\s+in)\s+)?LT\s*$")


def local_zone_of(text: str) -> tuple[dt.tzinfo | None, bool]:
    """(the zone ``text`` says local time 'LT' is, or None; whether it says all its times are LT)."""
    if "LT" not in text and "ocal time" not in text and "OCAL TIME" not in text:
        return None, False
    for m in _LOCAL_DECL.finditer(text):
        word = m.group("z")
        tz = None
        for w in (word, word.split()[0]):
            tz = (zone_named(w) if w.upper() == w or "/" in w else None) or _city_zone(w) or (
                zone_named(_COUNTRY_ZONES[w]) if w in _COUNTRY_ZONES else None)
            if tz is not None:
                break
        if tz is not None and tz is not UTC:
            before = text[max(0, m.start() - 30):m.start() + 2]
            return tz, m.group(0).startswith("LT") and _ALL_LOCAL.search(before) is not None
    return None, False


def zone_named_in(name: str, tz: dt.tzinfo | None, day: dt.date | None = None) -> dt.tzinfo | None:
    """:func:`zone_named`, except that an abbreviation ``tz`` itself uses (in ``day``'s year, default
    this year) is ``tz``'s: a heading's '(CST)' in an Asia/Shanghai document is China's time."""
    if tz is None:
        return zone_named(name)
    token = _OWN_ZONE.set(_own_zone(tz, day))
    try:
        return _zone_word(name)
    finally:
        _OWN_ZONE.reset(token)


def _zone_label(tz: dt.tzinfo) -> str:
    """'UTC', the IANA key, or '+02:00' for a fixed offset."""
    if tz is UTC:
        return "UTC"
    if isinstance(tz, ZoneInfo):
        return tz.key
    off = tz.utcoffset(None) or dt.timedelta(0)
    total = int(off.total_seconds()) // 60
    sign = "-" if total < 0 else "+"
    total = abs(total)
    return f"{sign}{total // 60:02d}:{total % 60:02d}"


@functools.lru_cache(maxsize=64)
def _tz_from_name(name: str) -> dt.tzinfo:
    tz = zone_named(name)
    if tz is None:
        raise ValueError(f"unknown time zone {name!r}")
    return tz


def _coerce_tz(tz: dt.tzinfo | str | None) -> dt.tzinfo:
    if tz is None:
        return UTC
    if isinstance(tz, str):
        return _tz_from_name(tz)
    return tz


_DECL_ZONE = (
    r"(?P<z>[A-Za-z]+/[A-Za-z_]+(?:/[A-Za-z_]+)?|(?:UTC|GMT)\s?[+\-\u2212]\s?\d{1,2}(?::?\d{2}|\.\d{2}(?!\.?\d))?"
    r"|[+\-]\d{2}:?\d{2}|(?:Central|Eastern|Western)\s+European(?:\s+(?:Summer|Standard))?\s+Time"
    # a city's time ('London time (BST)', 'New York time'): the zone of that city, else the one in brackets
    # (or a zone spelled out, 'China Standard Time', 'Brasília Time': _LONG_ZONES)
    # (a country's time that has one zone: 'UK time (BST)', 'British time', 'Irish time': _COUNTRY_ZONES;
    # its local time too, 'Times are UK local (BST) unless marked')
    r"|(?P<country>UK|U\.K\.|British|Irish)\s+(?:[Tt]ime|local(?:\s+time)?)(?![A-Za-z])"
    # (and a city's local time: 'All times Sydney local (AEST/AEDT)', 'Times are Sydney local time')
    r"|(?P<city>[A-Z][a-z\u00e0-\u00ff]+(?:[ _][A-Z][a-z]+){0,2})\s+(?:[Tt]ime|local(?:\s+time)?)(?![A-Za-z])"
    r"|[A-Za-z]{1,8}(?!\s+European)(?:\s+Time)?)"
    r"(?:\s*\(\s*(?P<z2>(?:UTC|GMT)\s?[+\-\u2212]\s?\d{1,2}(?::?\d{2}|\.\d{2}(?!\.?\d))?|[A-Z]{2,5}"
    r"|[A-Z][a-z]+/[A-Za-z_]+(?:/[A-Za-z_]+)?|(?:[A-Z][a-z\u00e0-\u00ff]+\s+){1,3}Time)\s*\))?"
)
# Tried only where 'time' or 'tz' occurs (found with str.find, which is memchr-fast): a regex scan
# of a whole document with IGNORECASE runs at ~10 MB/s, too slow for the log reader.
_DECLARED_RE = re.compile(
    r"(?<![A-Za-z])(?:(?i:time\s*zone|zeitzone|tz)\s*[:=]?\s*"
    # (German too: 'Zeiten in MESZ (Europe/Berlin)', 'Alle Uhrzeiten sind in MEZ')
    r"|(?i:times?|timestamps?|(?:uhr)?zeiten|zeitangaben)(?:\s*:\s*|\s+(?:(?i:below|here|above)\s+)?"
    r"(?:(?i:are|is|shown|given|listed|sind)\s+)?(?:(?i:in)\s+)?))"
    # ('Times are US Eastern (ET) unless noted': the country before the zone's word is no zone)
    r"(?:(?i:local(?:\s+time)?)\s*[(:,\-]?\s*)?(?:US\s+(?=[A-Z]))?" + _DECL_ZONE
)
_COUNTRY_ZONES = {"UK": "Europe/London", "U.K.": "Europe/London", "British": "Europe/London",
                  "Irish": "Europe/Dublin"}
_DECL_WORDS = ("time", "Time", "TIME", "tz", "TZ", "Zeit", "zeit", "ZEIT", "Uhrzeit", "uhrzeit")


def declared_zone(text: str) -> str | None:
    """The zone a document declares for all its times ('All times in PDT (UTC-7).') as a name
    :func:`zone_named` accepts: the IANA name for named zones, 'UTC', or '+02:00'. None if none."""
    if not text or not isinstance(text, str):
        return None
    hits: list[int] = []
    for word in _DECL_WORDS:
        i = text.find(word)
        while i >= 0:
            hits.append(i)
            i = text.find(word, i + 1)
    hits.sort()
    for i in hits:
        m = _DECLARED_RE.match(text, i)
        if m is None:
            if text[i] in "tT" and text.startswith("ime", i + 1):
                tz = _city_pair_zone(text, i)
                if tz is not None:
                    return _zone_label(tz)
            continue
        if text[i] in "tT" and text[i + 1] in "zZ":
            line_start = text.rfind("\n", 0, i) + 1
            if text[line_start:i].strip() or text[i + 2:i + 40].lstrip()[:1] not in (":", "="):
                continue  # 'tz' only as a 'tz: Europe/Berlin' line
        word = m.group("z")
        # (an IANA name in brackets is the more exact: 'Zeiten in MESZ (Europe/Berlin)', 'ET
        # (America/Toronto)')
        # (so is a zone spelled out: 'All times in CST (China Standard Time)')
        z2 = m.group("z2") or ""
        iana = z2 if "/" in z2 or z2.endswith("Time") else None
        tz = zone_named(iana) if iana else None
        if tz is not None:
            return _zone_label(tz)
        tz = zone_named(word)
        if tz is None and "/" in word:  # ('All times CET/CEST': one zone, named for both seasons)
            word = word.split("/", 1)[0]
            tz = zone_named(word)
        if tz is None and m.group("country"):
            tz = zone_named(_COUNTRY_ZONES[m.group("country")])
        if tz is None and m.group("city"):
            # ('China Standard Time' as spelled out; 'Eastern Standard Time': the zone its first word names)
            tz = (zone_named(m.group("city") + " Time") or _city_zone(m.group("city"))
                  or zone_named(m.group("city").split()[0]))
        if tz is None and m.group("z2"):
            tz = zone_named(m.group("z2"))
        if tz is None:
            continue
        if word.isalpha() and word.islower() and word.upper() not in ("UTC", "GMT"):
            # 'times in pt' is too likely prose; abbreviations are written in capitals
            continue
        if isinstance(tz, ZoneInfo) and m.group("z2") and not iana:
            tz = _declared_offset(word, tz, m.group("z2")) or tz
        return _zone_label(tz)
    return None


# a city's time with the pair of abbreviations it goes by ('Working in London time (BST/GMT)'); the city
# just before it (not after a time: '15:00 London time (BST/GMT)' is that time's zone)
_PAIR_AFTER = re.compile(r"[Tt]ime\s*\(\s*([A-Z]{2,5})\s*/\s*([A-Z]{2,5})\s*\)")
_CITY_BEFORE = re.compile(r"(?<![\w:.])([A-Z][a-z\u00e0-\u00ff]+(?:[ _][A-Z][a-z]+){0,2})\s+$")
_TIME_BEFORE = re.compile(r"(?:\d|(?i:[ap]\.?m\.?))\s*$")


def _city_pair_zone(text: str, i: int) -> dt.tzinfo | None:
    """The zone of 'London time (BST/GMT)' at ``i`` (the 'time'): the city's, when the tz database names
    one and both abbreviations are its (in some season of this year or last); else None."""
    m = _PAIR_AFTER.match(text, i)
    if m is None:
        return None
    before = text[max(0, i - 40):i]
    c = _CITY_BEFORE.search(before)
    if c is None or _TIME_BEFORE.search(before[: c.start()]):
        return None
    tz = _city_zone(c.group(1))
    if not isinstance(tz, ZoneInfo):
        return None
    year = _today().year
    for abbrev in (m.group(1), m.group(2)):
        if not any(_own_abbrev(tz.key, abbrev, y) for y in (year, year - 1)):
            return None
    return tz


def _declared_offset(word: str, tz: ZoneInfo, written: str) -> dt.tzinfo | None:
    """The zone an abbreviation declared with an offset it never has means ('All times in CST (UTC+8)':
    Asia/Shanghai, not Chicago; 'EST (UTC+8)': +08:00, the offset wins); None when ``tz`` has that
    offset in some season ('PDT (UTC-7)': Los Angeles, whose daylight saving follows the date)."""
    fixed = zone_named(written.replace("\u2212", "-"))
    if fixed is None or isinstance(fixed, ZoneInfo):
        return None
    want = fixed.utcoffset(None)
    year = _today().year

    def has(z: dt.tzinfo) -> bool:
        return want in (dt.datetime(year, 1, 15, 12, tzinfo=z).utcoffset(),
                        dt.datetime(year, 7, 15, 12, tzinfo=z).utcoffset())

    if has(tz):
        return None
    return next((ZoneInfo(k) for k in _ABBREV_ALSO.get(word.upper(), ()) if has(ZoneInfo(k))), fixed)


_CITY_REGIONS = ("America", "Europe", "Asia", "Australia", "Africa", "Pacific", "Atlantic", "Indian")


@functools.lru_cache(maxsize=64)
def _city_zone(city: str) -> dt.tzinfo | None:
    """The IANA zone named for ``city`` ('New York' -> America/New_York), if the tz database has one."""
    key = city.replace(" ", "_")
    for region in _CITY_REGIONS:
        tz = zone_named(f"{region}/{key}")
        if tz is not None:
            return tz
    return None


# ------------------------------------------------------------------------------------------- regexes

_MONTHS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MON = (
    r"(?:J(?i:an(?:uary)?|u(?:ne?|ly?))|F(?i:eb(?:ruary)?)|M(?i:ar(?:ch)?|ay)|A(?i:pr(?:il)?|ug(?:ust)?)"
    r"|S(?i:ep(?:t(?:ember)?)?)|O(?i:ct(?:ober)?)|N(?i:ov(?:ember)?)|D(?i:ec(?:ember)?))\.?(?![A-Za-z])"
)
_WD = (
    r"(?:Mon(?:day)?|Tue(?:s(?:day)?)?|Wed(?:nesday)?|Thu(?:r(?:s(?:day)?)?)?|Fri(?:day)?"
    r"|Sat(?:urday)?|Sun(?:day)?)\.?(?![A-Za-z])"
)
# ('noon' only after 12: '12 noon', '12:00 noon'; in 'Oct 10 noon' the 10 is the day, noon the time)
_AMPM = r"(?:[AaPp]\.?[Mm]\.?(?![A-Za-z])|(?=n)(?:(?<=12)|(?<=12\s)|(?<=:00)|(?<=:00\s))noon(?![A-Za-z]))"
_IANA = (
    r"(?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc|US)"
    r"/[A-Za-z_]+(?:/[A-Za-z_]+)?"
)
# (the other spelled-out zones of _LONG_ZONES, as written after a time: '14:00 China Standard Time')
_LONG_ZWORD = (
    r"|(?:China|India|Indian|Japan|Korea|Korean)\s+Standard\s+Time|Singapore(?:\s+Standard)?\s+Time"
    r"|Hong\s+Kong\s+Time|Australian\s+Eastern(?:\s+(?:Standard|Daylight))?\s+Time|British\s+Summer\s+Time"
    r"|Irish\s+Standard\s+Time|Greenwich\s+Mean\s+Time|Coordinated\s+Universal\s+Time"
    r"|Bras[i\u00ed]lia(?:\s+Standard)?\s+Time|New\s+Zealand(?:\s+(?:Standard|Daylight))?\s+Time"
)
_ZWORD = (
    # (also as tired fingers write it, 'Utc', 'gmt', and UCT, the tz database's alias of UTC and its usual
    # typo: read in the document's zone they would shift the time by its offset)
    _IANA + r"|(?:UTC|GMT|UT|UCT|Utc|Gmt|gmt)(?:\s?[+\-\u2212]\d{1,2}(?::?\d{2}|\.\d{2}(?!\.?\d))?)?"
    r"|Zulu|ZULU|utc"
    r"|(?:Central|Eastern|Western)\s+European(?:\s+(?:Summer|Standard))?\s+Time"
    r"|(?:Eastern|Central|Mountain|Pacific)(?!\s+European)(?:\s+(?:(?:Standard|Daylight)\s+)?Time)?"
    + _LONG_ZWORD +
    r"|AKST|AKDT|AEST|AEDT|ACST|ACDT|AWST|NZST|NZDT|SAST|CEST|EEST|WEST|EST|EDT|CST|CDT|MST|MDT|PST|PDT"
    r"|CLST|IRST|WITA|NST|NDT|MESZ|MEZ"
    r"|HST|CET|EET|WET|BST|IST|JST|KST|SGT|HKT|ICT|WIB|PHT|PKT|MSK|BRT|MYT|AET|NZT|GST|EAT|WAT|ART"
    r"|CAT|TRT|NPT|WIT|CLT|PET|COT|ECT|VET|UYT|PYT"
    r"|ET|CT|MT|PT|LT(?![-/])|local"
)
# Capitals shaped as a zone's abbreviation (a standard or daylight time's: 'XDT', 'XYST') that no zone
# above is, written right after a time: a zone occ does not know, reported rather than read as the
# document's. Not a key ('17:00 SIT-4'), and '17:00 API', '17:00 CAB' are no zone's shape; nor are other
# words ending in T ('DR cutover ETA 17:00 (DRT)', '(OAT)', 'XYT', '17:00 UAT sign-off'): those are far more
# often a team's or a phase's acronym (DRT, OAT, PAT...) than a zone, which no list of acronyms could keep
# up with. The words of that shape ('09:00 POST /orders', '17:00 TEST run', 'DST') are _NOT_ZONES: a match
# that took one as its zone is made again without it (:func:`_zone_word_cut`; in the pattern, the list
# would make _FULL longer to compile).
_ZONE_LIKE = r"[A-Z]{1,3}[SD]T(?![^\W_]|[-/+.:&']\w)"
_NOT_ZONE_WORDS = (
    "DST|BEST|CAST|COST|DUST|EAST|FAST|HOST|JUST|LAST|LIST|LOST|MOST|MUST|PAST|POST|REST|TEST"
    "|BLAST|BOOST|BURST|FIRST|GHOST|GUEST|TRUST|WORST"
)
_NOT_ZONES = frozenset(_NOT_ZONE_WORDS.split("|"))
_ZONE_SHAPE = re.compile(_ZONE_LIKE)


# the month names of a mail head written in German, French, Spanish, Dutch, Portuguese or Italian
# (:func:`mail_head_date`), lower case, with their abbreviations (a final dot dropped); only such heads are
# read with them
_L10N_MONTHS: dict[str, int] = {
    name: k + 1
    for k, names in enumerate((
        "jan januar janv janvier ene enero januari j\u00e4n j\u00e4nner janeiro gen gennaio",
        "feb februar f\u00e9vr f\u00e9vrier fevr febrero februari fev fevereiro febbraio",
        "m\u00e4r m\u00e4rz maerz mars mar marzo mrt maart mar\u00e7o marco",
        "apr april avr avril abr abril aprile",
        "mai may mayo mei maio mag maggio",
        "jun juni juin junio junho giu giugno",
        "jul juli juil juillet julio julho lug luglio",
        "aug august ao\u00fbt aout ago agosto augustus",
        "sep sept september septembre septiembre setiembre set setembro settembre",
        "okt oktober oct octobre octubre out outubro ott ottobre",
        "nov november novembre noviembre novembro",
        "dez dezember d\u00e9c d\u00e9cembre dic diciembre dec december dezembro dicembre",
    ))
    for name in names.split()
}
# a day-first date in such a head ('8. Okt. 2025', '8 oct. 2025', '8 de octubre de 2025', '08.10.2025',
# '08/10/2025': these languages write the day first), then its first 24-hour time ('um 16:12 Uhr',
# '\u00e0 16:12', 'a las 16:12', 'om 16:12', 'às 16:12', 'alle ore 16:12', ', 16:12'), or 12-hour with its
# mark ('a las 4:12 p. m.'), and the zone written right after it, if any ('16:12 CEST', '16:12 (UTC+02:00)')
_L10N_DATE = re.compile(
    r"(?<!\d)(\d{1,2})(?:\.\s*|\.?\s+(?:de\s+)?)([^\W\d_]{3,10})\.?,?\s+(?:de\s+)?(\d{4})(?!\d)"
    r"|(?<![\d./])(\d{1,2})([./])(\d{1,2})\5(\d{4})(?![\d./])"
)
_L10N_TIME = re.compile(
    r"(?<![\d:.])([01]?\d|2[0-3])[:.h]([0-5]\d)(?![\d:])(?::[0-5]\d(?!\d))?"
    r"(?:\s*([ap])\.?\s*m\b\.?)?"  # ('4:12 p. m.', '4:12 PM', '4:12 a.m.')
    r"(?:\s*\(?((?:UTC|GMT)\s?[+\-\u2212]\d{1,2}(?::?\d\d)?|[+\-\u2212]\d{2}:?\d{2}|[A-Z]{2,5})\)?(?![^\W\d_]))?",
    re.IGNORECASE,
)


def mail_head_date(text: str) -> str | None:
    """The date and time of a quoted mail's head written in German, French, Spanish, Dutch, Portuguese or
    Italian (``Am Mi., 8. Okt. 2025 um 16:12 Uhr schrieb Jane <j@x.com>:``, ``Envoy\u00e9 : mercredi 8 octobre
    2025 16:12``, ``El mi\u00e9, 8 oct 2025 a las 4:12 p. m., Jane escribi\u00f3:``) as :func:`parse_heading`
    reads them, ``'2025-10-08 16:12'`` (the date alone when no time follows it; the zone written after the
    time kept, ``'2025-10-08 16:12 CEST'``); None when it writes no such date. For those heads only: see
    the module's rules."""
    m = _L10N_DATE.search(text)
    if m is None:
        return None
    if m.group(1) is not None:
        month = _L10N_MONTHS.get(m.group(2).lower())
        dom, year = int(m.group(1)), int(m.group(3))
    else:
        month, dom, year = int(m.group(6)), int(m.group(4)), int(m.group(7))
    try:
        day = dt.date(year, month or 0, dom)
    except ValueError:
        return None
    t = _L10N_TIME.search(text, m.end())
    if t is None:
        return day.isoformat()
    hour = int(t.group(1))
    if t.group(3) is not None and 1 <= hour <= 12:  # ('2:05 p. m.' is 14:05, '12:05 a. m.' 00:05)
        hour = hour % 12 + (12 if t.group(3).lower() == "p" else 0)
    zone = t.group(4)
    if zone is not None and zone.isalpha() and (not zone.isupper() or zone_named(zone) is None):
        zone = None  # (a word after the time, 'Uhr', 'Ana', is no zone)
    zone = "" if zone is None else " " + zone.replace("\u2212", "-")
    return f"{day.isoformat()} {hour:02d}:{t.group(2)}{zone}"


def unknown_zone(word: str) -> bool:
    """Whether ``word`` is written as a zone's abbreviation that occ does not know ('XDT', 'XYST': see
    :data:`_ZONE_LIKE`), not a word or a team's acronym written so ('UAT', 'POST': :data:`_NOT_ZONES`)."""
    return (
        _ZONE_SHAPE.fullmatch(word) is not None and word not in _NOT_ZONES and zone_named(word) is None
    )


# Scripts written without spaces between words (Thai, kana, CJK ideographs, hangul syllables, halfwidth
# katakana): a time, zone or key glued to them is still a token of its own ('締切17:00 JSTに').
UNSPACED = "\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff66-\uff9f"
GLUED = rf"[^\W_{UNSPACED}]"  # a letter or digit of a spaced script: what glues a token into a word

# A token boundary before a date or time: not glued to a letter or digit, a path, a dot, a sign or
# a colon after anything but a letter ('12:30:45' holds no '30:45'; 'ETA:17:00', 'due:2025-10-10' are
# a key and its value; a colon opening the text glues too, as one after a line break does in
# find_times_many's joined texts), nor a MAC address's colons ('aa:bb:12:34'); an underscore only
# counts as markdown emphasis ('__09:00 UTC__'), not as 'curl_2025-...'.
# (a deadline keyword glued to its value, 'ETA17:00', 'by5pm', as 'ETA:17:00' is: _GLUED_KW; ETA and by as
# words of their own, not 'BETA17', 'standby5')
_GLUED_KW = r"(?<=(?<![A-Za-z])(?:ETA|Eta|eta)X)|(?<=(?<![A-Za-z])(?:by|By)X)"
_NB = (
    rf"(?:(?<!{GLUED})|(?:{_GLUED_KW.replace('X', '')})(?=\d))"
    rf"(?<![/.+\-\u2212])(?<![\W\d_]:)(?<!^:)(?<![^\W_]_)"
    r"(?<![0-9A-Fa-f]{2}:[0-9A-Fa-f]{2}:)"
)
_NB1 = (  # the same, one character later
    rf"(?:(?<!{GLUED}.)|{_GLUED_KW.replace('X', '.')})(?<![/.+\-\u2212].)(?<![\W\d_]:.)(?<!^:.)(?<![^\W_]_.)"
    r"(?<![0-9A-Fa-f]{2}:[0-9A-Fa-f]{2}:.)"
)


# the four-digit year after a month-name date ('Oct 11 2025', '11 Oct 2025'): one of 1900-2099, not the
# start of a military range ('window Oct 11 0700-1100' is that day 07:00-11:00, no year 700; read by
# :func:`_range_cand` after the date)
_YEAR4 = r"(?:19|20)\d\d(?!\d|:\d|[^\S\n]?[-\u2013][^\S\n]?\d{4}(?!\d))"


def _date_re(p: str) -> str:
    iso = (
        _NB + rf"(?P<{p}y>\d{{4}})(?P<{p}sep>[-/])(?P<{p}m>\d{{1,2}})(?P={p}sep)(?P<{p}d>\d{{1,2}})"
        r"(?![\d/]|-\d|\.\w)"
    )
    mon_first = (
        _NB + rf"(?P<{p}mn>{_MON})(?:\s| {{2}})?(?P<{p}md>\d{{1,2}})(?:st|nd|rd|th)?(?![\d]|\.\d|:\d|[^\W_])"
        rf"(?:,?\s(?P<{p}my>{_YEAR4}))?"
    )
    # '11 Oct 2025', '14th of October'; '07-Oct-2025', '09/Oct/25' (Jira) as enterprise tools write it
    day_first = (
        _NB + rf"(?P<{p}dd>\d{{1,2}})(?:(?:st|nd|rd|th)(?:\s+of)?)?[\s/-](?P<{p}dm>{_MON})"
        rf"(?:(?:,?\s|[-/])(?P<{p}dy>{_YEAR4}|(?<=[-/])\d{{2}}(?!\d|:\d)))?"
    )
    # '07.10.2025': day first, as everywhere dotted dates are written; the four-digit year and a
    # day and month in range keep version numbers ('1.2.3', '2025.10.08', '1.13.2025') out.
    # '13-10-2025' the same (month first only in a document that writes its dates so). Before its time
    # also the short forms ('14.10.25 17:00', '14.10. 17:00': German, the year-less one in the year
    # nearest the day; a version named so is none, see _VERSION_BEFORE)
    short = (
        rf"|(?<=\.)(?P<{p}eys>\d\d)?(?![\d.]|[^\W_]|-\w)(?={_JOIN_AHEAD})" if p == "a" else ""
    )
    dotted = (
        _NB + rf"(?P<{p}ed>0?[1-9]|[12]\d|3[01])(?P<{p}esep>[.-])(?P<{p}em>0?[1-9]|1[0-2])(?P={p}esep)"
        rf"(?:(?P<{p}ey>\d{{4}})(?!\.?\d|[^\W_]|-[^\W_]){short})"
    )
    return rf"(?:{iso}|{mon_first}|{day_first}|{dotted})"


# what makes a dotted time one in German: 'Uhr' after it, or after the end of a range it opens
_UHR = r"(?:(?:\s?(?:[\u2013\u2014]|--?)\s?\d{1,2}\.\d\d)?\s?Uhr(?![^\W\d_]))"
# a German bare hour: 'Uhr' right after an hour of the day ('14 Uhr', 'gegen 9 Uhr', 'bis 17 Uhr MESZ'
# are 14:00, 09:00, 17:00; '14 Uhren', 'Uhrzeit' are words, '30 Uhr' no hour); a hyphen may follow, as
# after '14.30 Uhr': '3 Uhr-Termin' is the 03:00 slot
_HOUR_UHR = r"(?:(?<!\d\d)|(?<=[01]\d)|(?<=2[0-4]))\s?Uhr(?![^\W\d_])"
# a time joined to the date before it ('14.10.25 17:00', '14.10., 5pm', '14.10. 14 Uhr'): what a short
# dotted date needs
_JOIN_AHEAD = (
    r"(?:,?\s(?:at\s|@\s?)?|\s?@\s?)\d{1,2}(?::\d\d|h\d\d|\s?[AaPp]\.?[Mm]\.?(?![A-Za-z])|" + _HOUR_UHR + ")"
)
# a version's name before what would be a short dotted date: 'version 1.10.25 17:00', 'release 3.12.24'
# a table partition's key right before its value ('ds=2025-11-04', 'dt=', 'date=', 'hr=', 'event_date='):
# the data's date, no time mention (:func:`_scan`); and the value, a range of two too ('ds=...04..2025-11-05')
_PARTITION_KEY = re.compile(
    r"(?<![\w.-])(?i:ds|dt|hr|hour|day|date|partition|(?:event|load|snapshot|partition|run|batch|data|ingest"
    r"|business|process|report|p)_(?:date|ds|dt|day|hour))=$"
)
_PARTITION_VALUE = re.compile(r"[\dT:/+Z-]*(?:\.\.[\dT:/+Z-]*)?")
# ... and a range of ISO dates joined by '..' with no key ('backfill for 2025-10-06..2025-10-08'): the data's
# days too (:func:`_scan`, tried only where '..' follows a date's ten characters)
_DATA_RANGE = re.compile(r"\d{4}-\d\d-\d\d\.\.\d{4}-\d\d-\d\d(?![\w-])")
_VERSION_BEFORE = re.compile(
    r"(?<![\w-])(?i:v|ver|version|release|rel|build|tag|patch|firmware|fw|upgraded\s+to|bumped\s+to)"
    r"\.?\s*[:#]?\s*$"
)

# a bare hour that opens a range whose end has AM/PM: '2-4pm', '11 to 1pm' (the start takes its meridiem),
# or German 'Uhr': '14-16 Uhr'
_BARE_RANGE_START = (
    r"|(?=\s?(?:[\u2013\u2014]|--?)\s?\d{1,2}(?::\d{2})?\s?[AaPp]\.?[Mm]\.?(?![A-Za-z])"
    r"|\s+to\s+\d{1,2}(?::\d{2})?\s?[AaPp]\.?[Mm]\.?(?![A-Za-z])"
    r"|(?:(?<!\d\d)|(?<=[01]\d)|(?<=2[0-4]))\s?(?:[\u2013\u2014]|--?)\s?\d{1,2}" + _HOUR_UHR + ")"
)


def _time_re(p: str, lookbehind: bool = True) -> str:
    lb = _NB if lookbehind else ""
    return (
        rf"{lb}(?P<{p}h>\d{{1,2}})"
        # minutes after ':', or after '.' with am/pm ('9.30am'; a bare '9.30' is a number) or German
        # 'Uhr' ('14.30 Uhr', '14.30-15.00 Uhr')
        rf"(?:(?:(?::|\.(?=\d{{2}}(?:\s?[AaPp]\.?[Mm]|{_UHR})))(?P<{p}mi>\d{{2}})"
        rf"(?::(?P<{p}s>\d{{2}})(?:[.,](?P<{p}f>\d{{1,9}}))?)?(?![\d]|:\d))"
        # ('4:15p', '9:30a': US shorthand, the letter right after the minutes)
        rf"(?:\s?(?P<{p}ap>{_AMPM}|(?<=\d)[AaPp](?![A-Za-z]))|\s?(?:hrs|Hrs|HRS)\.?(?![A-Za-z])|\s?Uhr(?![^\W\d_]))?"
        rf"|h(?P<{p}hm>\d{{2}})(?![\w])"
        rf"|\s?(?P<{p}bap>{_AMPM})|{_HOUR_UHR}"
        + (_BARE_RANGE_START if p == "b" else "") + ")"
    )


# A minus offset follows seconds ('17:45:00-05:00'), a 'T' time ('T09:00-04:00') or a space
# ('17:45:00 -0500'); otherwise '09:00-10:00' after a date is a range, as it is everywhere else.
_MINUS_OFFSET = (
    r"(?=[\-\u2212])(?:(?<=\s)|(?<=T\d\d:\d\d)|(?<=:\d\d:\d\d)"
    + "".join(rf"|(?<=\d[.,]\d{{{k}}})" for k in range(1, 10)) + r")[\-\u2212]"
)


def _zone_re(p: str, signed: bool) -> str:
    sign = r"(?:\+|" + _MINUS_OFFSET + ")" if signed else r"\+"
    return (
        rf"(?:(?P<{p}z>Z)(?![\w])"
        rf"|\s?(?P<{p}off>{sign}\d{{2}}:?\d{{2}})(?![\d:])"
        rf"|\s{{0,2}}\(\s?(?P<{p}zp>{_ZWORD})\s?\)"
        rf"|\s{{0,2}}(?P<{p}zw>{_ZWORD})(?!{GLUED}|/(?!\d))"  # ('10:00 CEST/09:00 BST': both zones)
        # (one occ does not know: a problem, not the default zone; also in brackets, '17:00 (XDT)')
        rf"|(?:\s{{1,2}}|\s{{0,2}}(?P<{p}zb>\()\s?)(?P<{p}zu>{_ZONE_LIKE})(?({p}zb)\s?\))"
        r")?"
    )


# (a double hyphen too: '14:02--15:10 UTC', as plain text and org-mode write a dash)
_RANGE_SEP = r"(?:\s?(?:[\u2013\u2014]|--?)\s?|\s+to\s+)"
_JOIN = r"(?:T|,?\s(?:at\s|@\s?)?|\s?@\s?)"

# The scan is anchored on digits: every time, date and stamp contains one. _DIGIT finds the digits
# that start a token; its first element is a character class, so sre skips to candidates in C
# (~100-200 MB/s), and digits glued to a word, path or number ('_2025', '/10', 'INF-221') never are.
# _FULL is then tried at each. Month-first dates ('Oct 11') are found from their day number by
# looking back for the month name.
# A day glued to its month's short name, 'ETA Oct10 17:00', is the one digit after a letter that starts a
# token: only a date's day (:func:`_scan` drops any other reading of it; _MON_BEFORE checks the month).
_GLUED_MONTH = r"(?<=(?<![A-Za-z])[JFMASOND](?i:an|eb|ar|pr|ay|un|ul|ug|ep|ct|ov|ec)[0-9])"
_DIGIT = re.compile(r"[0-9](?:" + _NB1 + "|" + _GLUED_MONTH + ")")
_FULL_SRC = (
    r"(?P<stamp>\d{4}-?\d{2}-?\d{2}T\d{2}(?:-\d{2}(?:-\d{2})?|\d{2}(?:\d{2})?)(?:[.,]\d+)?Z?(?![\d:]))"
    # a date, optionally joined to a time (range) or followed by a weekday
    r"|(?P<dt>" + _date_re("a")
    + r"(?:" + _JOIN + r"(?P<at_>" + _time_re("a", lookbehind=False) + r")" + _zone_re("a", True)
    + r"(?:" + _RANGE_SEP + r"(?P<ae_>" + _time_re("ae", lookbehind=False) + r")"
    + _zone_re("ae", True) + r")?"
    + r"|\s(?P<awd2>\(" + _WD + r"\)|" + _WD + r"))?)"
    # a time, optionally a range, optionally followed by 'on <date>' or its date in brackets, '(Oct 11)'
    r"|(?P<tm>" + _time_re("b") + _zone_re("b", False)
    + r"(?:" + _RANGE_SEP + r"(?P<be_>" + _time_re("be", lookbehind=False) + r")"
    + _zone_re("be", False) + r")?"
    # ('17:00 on 14/10/2025': a slash date only after 'on' or a weekday, '11:00 ET Mon 10/20')
    + r"(?P<con>,?\s+(?:on\s+(?:" + _WD + r",?\s+)?|" + _WD + r",?\s+)"
    + r"(?P<cs1>\d{1,2})/(?P<cs2>\d{1,2})(?:/(?P<csy>\d{4}|\d{2}))?(?![\d/]|[.:]\d|[^\W_])"
    + r"|(?:,?\s+on\s+(?:" + _WD + r",?\s+)?|,?\s(?:" + _WD + r",?\s+)?|\s?(?P<cpar>\(\s?))"
    + _date_re("c") + r"(?(cpar)\s?\)))?)"
    # a slash date joined to a time: '10/10 09:00 UTC', '10/13/2025 at 5pm ET', table cells
    # '10/08 | 14:00' (alone, '24/7' and '3/4' are no dates)
    r"|(?P<sl>(?P<sl1>\d{1,2})/(?P<sl2>\d{1,2})(?:/(?P<sly>\d{4}|\d{2}))?(?![\d/])"
    + r"(?:" + _JOIN + r"|\s?\|\s?)(?P<st_>" + _time_re("s", lookbehind=False) + r")" + _zone_re("s", True)
    + r"(?:" + _RANGE_SEP + r"(?P<se_>" + _time_re("se", lookbehind=False) + r")"
    + _zone_re("se", True) + r")?"
    + r")"
    # a bare day number: a date only when a month name stands right before it
    r"|(?P<bd>\d{1,2})(?:st|nd|rd|th)?(?![^\W_]|:\d)"
    # military-style UTC times, only with their zone: '0900Z', '1730 UTC' (a bare '0900' is a number)
    r"|(?P<mil>(?P<milh>[01]\d|2[0-3])(?P<milm>[0-5]\d)(?:Z|\s?(?:UTC|GMT)"
    r"(?:\s?(?P<milo>[+\-\u2212]\d{1,2}(?::?\d{2}|\.\d{2}(?!\.?\d))?))?"
    r"|(?P<milhrs>\s?(?:hrs|Hrs|HRS)\.?(?!\s+(?i:of)\b))(?:\s(?P<milz>" + _ZWORD + r")(?![^\W_]|/))?)"
    r"(?![^\W_]|\s?[+\-\u2212]\d))"
)
_FULL = re.compile(_FULL_SRC)
_MON_BEFORE = re.compile(r"(?<![A-Za-z])" + _MON + r"(?:\s| {2})?$")  # ('Jan  2' as date(1) pads it)
_CODE = re.compile(r"`[^`\n]*`")
_URL = re.compile(r"\b(?:https?|ftp)://[^\s<>\"'`]+", re.IGNORECASE)
_UNK = re.compile(
    r"\[\s?\?{2,}\s?\]|\?\?:\?\?|\b[Xx]{2}:[Xx]{2}\b|\((?i:\s?time\s)\s?(?i:TB[CDA])\s?\)"
    r"|(?<![\w\-])(?P<tb>TB[CDA])(?![\w\-])"
)
_UNK_WORD_BEFORE = re.compile(
    r"(?i:\b(?:time|ETA|at|by|due|deadline|until|till|start|end))\s*[:=]?\s*[*_(]*$"
)
# a deadline set by a sprint, which no date says (:func:`_other_mentions`): 'ETA end of sprint', 'due
# next sprint', 'target: this sprint' are a ``vague deadline`` problem, no guess; not one whose date is
# written in brackets after it ('target: end of sprint (Oct 24)': that date is the deadline)
# ... and one whose date is written right after it, after a comma, a colon or a space: 'ETA end of
# sprint, Oct 24', 'due end of the sprint Fri Oct 24': that date is the deadline, of the keyword before
# (the sprint's end, the sprint itself: 'end of sprint', 'end of the sprint', 'this sprint', 'next sprint')
_SPRINT = r"(?i:(?:(?:the\s+)?end\s+of\s+)?(?:the\s+|this\s+|next\s+|current\s+)?sprint)"
_SPRINT_DATE = re.compile(
    r"(?<![\w-])(?P<kw>(?i:eta|due|deadline|target|by|until|till))\s*[:=]?\s*(?:(?i:by|at|in|for|is)\s+)?"
    + _SPRINT + r"[ \t]*[:=,]?[ \t]*"
    r"(?:(?i:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?[ \t]+)?$"
)
_VAGUE_DUE = re.compile(
    r"(?i:\b(?:eta|due|deadline|target|by|until|till)\s*[:=]?\s*(?:(?:by|at|in|for|is)\s+)?)"
    r"(?P<v>" + _SPRINT + r")\b"
    r"(?![ \t]*[(\[]|[ \t]*[:=,]?[ \t]*(?:\d|(?i:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul"
    r"|aug|sep|oct|nov|dec)[a-z]*\b))"
)
# What sends a text to the relative-day reading for the evening or night before (_REL's 'eve'):
# find_times and find_times_many's gate (_SLOW_LOW) both test these, on the lower-cased text
_DAY_BEFORE_HINTS = ("evening", "last night", "night before", "prev night", "prev. night", "previous night")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_ALT = "|".join(_WEEKDAYS)
# 'Fri', 'THU', 'Tues.': capitalized or upper case only, so that 'sat' and 'sun' stay words; next to a
# time they name its day only with at most one word between ('ETA Fri 3pm', 'Fri by 3pm')
_WD_ABBR = "Tues|Thurs|Thur|Mon|Tue|Wed|Thu|Fri|Sat|Sun|MON|TUE|WED|THU|FRI|SAT|SUN"
# 'this Friday' is that day of the text's week, 'next Friday' of the week after (weeks start Monday),
# 'last Friday' the one before the text's day
# The short forms of the relative days that terse on-call notes write ('new ETA tmrw 10am', 'deployed
# yday'): words of their own only ('TMR-4' is a key, 'yest' no part of 'yesterday'), lower case or
# capitalized ('TMR' is an acronym too; 'TMRW' and '2MORO' only ever mean tomorrow)
_REL_SHORT_AHEAD = "tmrw|Tmrw|TMRW|tmr|Tmr|2moro|2Moro|2MORO"
_REL_SHORT_PAST = "ystd|Ystd|yday|Yday|yest|Yest"
_REL_SHORT = _REL_SHORT_AHEAD + "|" + _REL_SHORT_PAST
# (their lower-case cores, which send a text to the relative-day path: find_times, _SLOW_LOW)
_REL_SHORT_HINTS = ("tmr", "2moro", "yest", "ystd", "yday")
# (both as one literal alternation: one pass of sre over a text, not one ``in`` per hint)
_REL_HINT = re.compile("|".join(map(re.escape, _DAY_BEFORE_HINTS + _REL_SHORT_HINTS)))
# the evening or night before, by words that say so before: 'last night', 'prev. evening', 'previous night'
_NIGHT_BEFORE = r"last\s+night|prev(?:ious|\.)?\s+(?:evening|night)"
_REL = re.compile(
    r"(?<![\w\-])(?:(?P<which>(?i:this|next|last))\s+(?=(?i:" + _WEEKDAY_ALT + r")|" + _WD_ABBR + r"))?"
    r"(?:(?P<word>(?i:yesterday|today|tonight|tomorrow|" + _WEEKDAY_ALT + r")|" + _REL_SHORT + r")"
    r"|(?P<eve>(?i:" + _NIGHT_BEFORE + r"|(?:the\s+)?(?:evening|night)\s+before(?!\s*\d)))"
    # the next business day: Monday after a Friday or a weekend day, else the day after (:func:`_rel_days`)
    # (not the one after another day or event, 'next business day after the firmware window': unknown)
    r"|(?P<bday>(?i:next[^\S\n]+(?:business|working)[^\S\n]+day)(?![^\S\n]+(?i:after|following)\b))"
    r"|(?P<abbr>" + _WD_ABBR + r")\.?)(?![\w\-])"
)

_STAMP_RE = re.compile(
    r"(?<!\d)(?P<y>\d{4})-?(?P<mo>\d{2})-?(?P<d>\d{2})"
    r"(?:T(?P<h>\d{2})(?P<sep>[:\-]?)(?P<mi>\d{2})(?:(?P=sep)(?P<s>\d{2})(?:[.,](?P<f>\d+))?)?"
    r"|\s(?P<h2>\d{2}):(?P<mi2>\d{2})(?::(?P<s2>\d{2})(?:[.,](?P<f2>\d+))?)?"
    rf"|{BARE_TIME})"  # (a file name's time set off by '_' or '-')
    r"(?![\d])(?P<z>Z|\s?[+\-\u2212]\d{2}(?::?\d{2})?(?!\d))?"
)


def _cases(words: str, reverse: bool = False) -> str:
    """A case-sensitive alternation of lower, Capitalized and UPPER forms: IGNORECASE makes sre slow."""
    forms: list[str] = []
    for w in words.split("|"):
        for f in dict.fromkeys((w.lower(), w[:1].upper() + w[1:].lower(), w.upper())):
            f = f[::-1] if reverse else f
            forms.append(re.sub(r"[ ]", r"\\s+", f.replace("-?", "\x00")).replace("\x00", "-?"))
    forms.sort(key=len, reverse=True)
    return "(?:" + "|".join(forms) + ")"


_DL_BEFORE_WORDS = (
    "eta|etr|by|before|due|due date|due back|deadline|target|targeting|targeted|no later than|nlt|until|till"
    "|through|thru"  # (only a window's or freeze's end: 'code freeze through Friday 18:00', else none)
    "|checkpoint|window|cutoff|cut-off"
    # a runbook's checkpoints: 'go/no-go at 13:30', 'point of no return 15:10' (kept by the item that
    # names them again, :mod:`occ_lib.sla`)
    "|go/no-go|go-no-go|go/no go|point of no return"
    "|\U0001f4c5"  # (📅: the due date of Obsidian's tasks, '- [ ] load test 📅 2025-10-14')
    "|expires|expiring|expiry|expiration"  # ('cert expires 2025-10-12': renewed by then, or missed)
    "|overdue since|late since|past due since|past-due since"  # (a missed one: 'overdue since Tuesday')
    "|missed|blew|blown"  # (a missed one: 'missed the 10:30 update', 'blew the Fri 17:00 cutoff')
    # a promise reported, the time right after it: '@ben says Fri noon', 'infra said EOD', 'vendor
    # expects Thursday', 'promised 06:00', 'committed to Oct 14'
    "|says|said|expects|promised|promises|committed to|commits to"
)
# words that may stand between a keyword and its time: "ETA tomorrow at 09:00", "due by EOD today 18:00"
_WD_ABBR_LOW = "|".join(dict.fromkeys(_WD_ABBR.lower().split("|")))
_DE_WD_SHORT = "oS|aS|rF|oD|iM|iD|oM"[::-1]  # (Mo Di Mi Do Fr Sa So: the weekday before a date)
_DL_FILLER = (
    "at|on|of|is|was|for|the|by|before|set to|from|now|today|tonight|tomorrow|tmrw|tmr|2moro|eod|eob|cob|"
    "its|our|their|"  # (a possessive, as 'the' is: 'missed its 15:00 due time', 'blew our Fri 17:00 cutoff')
    "around|about|approx|approximately|roughly|circa|~|"
    "next business day|next working day|"  # ('ETA next business day 10:00')
    # a deadline moved: "ETA slipped to 19:00", "deadline pushed out to Friday 17:00"
    "slipped to|slipped until|pushed to|pushed out to|pushed back to|moved to|postponed to|"
    "postponed until|delayed to|delayed until|rescheduled to|rescheduled for|bumped to|deferred to|"
    "extended to|moved from|slipped from|pushed from|changed from|shifted from|moved|slipped|pushed|"
    "changed to|revised to|updated to|shifted to|"  # ('ETA revised to 18:00')
    # a deadline brought forward: 'hotfix ETA pulled in to tomorrow 09:00', 'go-live brought forward to 14:00'
    "pulled in to|pulled forward to|brought forward to|moved up to|"
    "closes at|closes|ends at|ends|"  # ('window closes at 18:00')
    # who gave it: 'ETA from vendor 11:00Z', 'ETA per the supplier 14:00'
    "from vendor|from the vendor|from supplier|from the supplier|per vendor|per the vendor|per supplier|"
    "per the supplier|"
    # where the ETA is for: a crew's arrival, 'crew ETA on site 02:30', 'tech ETA onsite 14:00'
    "on site|on-site|onsite|on scene|"
    + _WEEKDAY_ALT + "|" + _WD_ABBR_LOW
)
# Matched against the reversed text before a mention, anchored at its start: no scanning, and the
# lazy filler loop makes the nearest keyword win ('ETA before 09:00' -> 'before').
_DEADLINE_BEFORE_REV = re.compile(
    # (an '@' too: Notion writes a date as a mention, 'Fix ETA: @October 10, 2025 12:00 PM')
    r"\s*[*_(\[<@]*\s*(?:[:=]\s*|,\s*(?="
    + _cases("today|tonight|tomorrow|tmrw|tmr|2moro|" + _WEEKDAY_ALT, reverse=True) + r")|"
    # a short weekday's dot or comma: 'ETA Fri. 10:00', 'due Fri, 10 Oct'
    + r"[.,]\s*(?=(?:" + _cases(_WD_ABBR_LOW, reverse=True) + r")(?![\w\-]))|"
    + _cases(_DL_FILLER, reverse=True) + r"@?\s+"  # (Notion's '@': 'Due: @Friday 5:00 PM')
    # a German short weekday, capitalized: 'NLT Fr 10.10. 12:00', 'by Mo. 13.10.' (_DE_WD_SHORT)
    + r"|[.,]?(?:" + _DE_WD_SHORT[::-1] + r")\s+"
    # the date a deadline moved from: 'ETA 10/8 → 10/10', 'due Oct 8 -> Oct 10', 'ETA moved from Oct 8
    # to Oct 10' (both are deadlines; a 'to' only after 'from': 'window 10/8 to 10/10' is a range)
    + r"|(?:(?:\u2192|>-{1,2}|>=)\s*|ot\s+(?=[\w/.:\-]{1,10}(?:\s[A-Za-z]{3,9})?\s+morf\s))"
    + r"[\w/.:\-]{1,10}(?:\s[A-Za-z]{3,9})??\s+"  # (the month of 'Oct 8', lazily: not 'ETA' itself)
    # a deadline missed and moved with no time of its own: 'ETA missed, pushed to 19:00 UTC'
    + r"|(?i:(?:ot|litnu|rof)\s+(?:(?:tuo|kcab|niaga)\s+)?(?:dehsup|devom|deyaled|dennoptsop|deludehcser"
    + r"|depmub|derrefed|dednetxe|deppils)\s*,\s*(?:dessim|deppils|nwolb|despal)\s+)"
    # what closes at it, in up to three words after 'before' or 'by': a promise to act before another's
    # cutoff, "we will file before submission closes at 16:00 ET" (without the keyword, "submission closes
    # at 16:00", a schedule: no promise)
    # (also after 'by the time': "we will file by the time the portal closes at 16:00 ET")
    + r"|(?:ta\s+)?" + _cases("closes|ends", reverse=True)
    + r"\s+(?:[\w\-]+\s+){1,3}?(?:(?i:emit\s+eht)\s+)?(?="
    + _cases("before|by", reverse=True) + r"(?![\w\-]))"
    # what the deadline is for, in up to three words: "ETA for the fix Oct 9", "due for review 17:00"
    + r"|(?:[\w\-]+\s+){1,3}?" + _cases("for", reverse=True) + r"\s+"
    # what a checkpoint decides, in up to three words after 'on': "go/no-go on rollback at 03:30" (the
    # gap between them is then checked, _CHECKPOINT_GAP)
    + r"|(?:[\w\-]+\s+){1,3}?" + _cases("on", reverse=True) + r"\s+(?="
    + _cases("go/no-go|go-no-go|go/no go", reverse=True) + r"(?![\w\-]))"
    # or in one word right after a keyword that names a goal: "target go-live 2 PM", "ETA fix 17:00"
    + r"|[\w\-]+\s+(?=" + _cases("eta|target|deadline|cutoff|checkpoint", reverse=True) + r"(?![\w\-]))"
    + r")*?"
    r"(?P<kw>" + _cases(_DL_BEFORE_WORDS, reverse=True) + r")(?![\w\-])"
)
_DEADLINE_AFTER = re.compile(
    r"[*_)\]>]*\s*(?:(?P<kw1>" + _cases("eta|deadline|window|checkpoint|cutoff|cut-off|target") + r")"
    r"|(?!" + _cases("for|to|on|at|and|or|if|the|a|an|in|with|from|when|then|so|as") + r"\b)[\w\-]+\s+"
    r"(?P<kw2>" + _cases("deadline|window|checkpoint|cutoff|cut-off") + r"))\b"
)
_CLAUSE_BREAK = re.compile(r"[;.!?|\n\u2013\u2014]")
# (its value may open a stamp, org's 'CLOSED: [2025-10-09 Thu 14:02] DEADLINE: <2025-10-09 Thu 12:00>', or a
# Notion mention, '@October 10'; or be an end of day: 'Sam Lee  3:25 PM ETA EOD')
# (or be an ETA's, the keyword's own: '08:40 next checkpoint ETA ~2h', a training job's next checkpoint, due
# at 10:40, not at 08:40)
_OWN_VALUE = re.compile(
    r"\s*[:=]?\s*(?:(?i:eta)\s*[:=]?\s*)?(?:(?i:in|of|is|at|by|around|about|within)\s+)?(?:[<\[@]?[~\u2248+]?\s*\d"
    r"|(?:(?i:eod|eob)|COB|(?i:end\s+of\s+(?:the\s+)?(?:business\s+)?(?:day|business)|close\s+of\s+business)"
    r"|(?i:(?:half\s+an|the(?:\s+next)?|an|one)\s+hour))\b)"
)


_SINCE = "overdue since"  # a deadline keyword that looks back: 'overdue since Tuesday'
_MISSED_KW = "missed"  # the other: 'missed Tuesday's update', 'blew the Fri 17:00 cutoff'
_LOOKS_BACK = (_SINCE, _MISSED_KW)

# A deadline whose own mention says it was missed is past, so its weekday looks back whatever keyword
# governs it: 'Tue 12:00 UTC ETA missed', 'Tue ETA was missed', 'the ETA of Tue 12:00 UTC slipped', 'ETA
# 17:00 Thu not met', 'missed the Tue 12:00 UTC ETA', 'failed to meet the Fri ETA'. A miss elsewhere in
# the item is not this deadline's ('Tue ETA missed; new ETA Mon 10:00': Mon looks ahead; 'ETA 17:00
# missed, pushed to Friday': Friday is no part of 17:00's mention), a move is no miss ('Wed ETA slipped to
# Fri'), and an item that tells of a slip to come speaks of a deadline still ahead ('fix slips to Monday -
# missed Friday target', written on a Wednesday). (No newline: find_times_many joins its texts with one.)
_MISS_GATE = re.compile("miss|slip|blew|blown|laps|breach|overdue|met|meet")
_WS = r"[^\S\n]"
_MISSED_AFTER = re.compile(
    r"[*_)\]]*(?:" + _WS + r"+(?i:eta|deadline|target|window|checkpoint|cutoff|cut-off|slot))?[*_)\]]*"
    r"(?:" + _WS + r"+(?i:was|were|has" + _WS + r"+been|had" + _WS + r"+been|got|already))*" + _WS + r"+"
    r"(?i:missed|blown|lapsed|breached|overdue|unmet|not" + _WS + r"+met(?!" + _WS + r"+yet)"
    r"|slipped(?!" + _WS + r"+(?:to|until|till|into|by|from|out|back|for)\b))(?![\w-])"
)
_MISSED_BEFORE = re.compile(
    r"(?i:\b(?:missed|blew|blown|failed" + _WS + r"+to" + _WS + r"+meet|did" + _WS + r"+not" + _WS
    + r"+meet|didn['\u2019]t" + _WS + r"+meet)" + _WS + r"+(?:(?:the|our|its|their|[\w-]+['\u2019]s)"
    + _WS + r"+)?(?:(?:eta|deadline|target|cutoff|checkpoint)" + _WS + r"+)?)$"
)
_SLIP_AHEAD = re.compile(r"(?i:\b(?:slips|slipping|will" + _WS + r"+(?:slip|miss))\b)")
# what may stand between a weekday and the time of its one mention: 'Tue 12:00', 'Tue at 12:00', 'Fri, 10:00',
# "Monday's 09:00"
_DAY_TIME_GAP = re.compile(r"(?:['\u2019]s)?[^\S\n]*[,.@]?[^\S\n]*(?:(?i:at|by|on)[^\S\n]+)?")


def written_missed(text: str, start: int, end: int, lo: int) -> bool:
    """Whether the deadline mention at ``text[start:end]`` (with its weekday) is written as the one
    missed (:data:`_MISSED_AFTER`, :data:`_MISSED_BEFORE`); ``text[lo:]`` is its own text."""
    lo = max(lo, start - 48)
    if _MISS_GATE.search(text[lo:end + 48].lower()) is None:
        return False
    if _MISSED_AFTER.match(text, end) is None and _MISSED_BEFORE.search(text, lo, start) is None:
        return False
    nl = text.find("\n", end)
    return not _slips_ahead(text, lo, nl if nl >= 0 else len(text))


# the last line _slips_ahead scanned: (text, from, to, where each _SLIP_AHEAD match starts)
_SLIPS: list[tuple[str, int, int, list[int]]] = [("", 0, 0, [])]


def _slips_ahead(text: str, lo: int, hi: int) -> bool:
    """Whether :data:`_SLIP_AHEAD` matches in ``text[lo:hi]``. The matches of a line are found once:
    its deadlines ask one after the other, each up to the line's end (a pasted line of thousands of
    missed ETAs was scanned again for each: quadratic)."""
    last = _SLIPS[0]
    if last[0] is not text or last[2] != hi or lo < last[1]:
        last = (text, lo, hi, [m.start() for m in _SLIP_AHEAD.finditer(text, lo, hi)])
        _SLIPS[0] = last
    return bisect.bisect_left(last[3], lo) < len(last[3])


def _day_missed(text: str, c: _Cand, off: int) -> bool:
    """Whether the time ``c``, a deadline with a weekday (``c.wd_at``, the weekday's span), is written
    as missed together with that weekday (:func:`written_missed`): 'Tue 12:00 UTC ETA missed'."""
    ws, we = c.wd_at
    if we <= c.start:
        if _DAY_TIME_GAP.fullmatch(text, we, c.start) is None:
            return False
        return written_missed(text, ws, c.end, off)
    if _DAY_TIME_GAP.fullmatch(text, c.end, ws) is None:
        return False
    return written_missed(text, c.start, we, off)


def _norm_keyword(kw: str) -> str:
    k = " ".join(kw.lower().split())
    if k == "eta" or k == "etr":  # (a utility's ETR, the estimated time of restoration, is its ETA)
        return "ETA"
    if k.startswith("target"):
        return "target"
    if k in ("cut-off", "cutoff"):
        return "cutoff"
    if k == "nlt":
        return "no later than"
    if k == "\U0001f4c5" or k == "due date" or k == "due back":
        return "due"
    if k == "till":
        return "until"
    if k == "thru":
        return "through"
    if k.startswith("expir"):
        return "expires"
    if k.endswith(" since"):
        return "overdue since"
    if k in ("blew", "blown"):
        return _MISSED_KW
    if "no-go" in k or "no go" in k:
        return "go/no-go"
    return k


# Cheap gates on the lower-cased text (literal alternations get sre's fast prefix scan): most
# mentions have no keyword near them, and then the two anchored regexes are not run at all.
_DL_HINT_BEFORE = re.compile(
    "eta|etr|by|before|due|deadline|target|later|nlt|until|till|through|thru|checkpoint|window|cut|expir|since|miss"
    "|blew|blown|eod|eob|cob|\U0001f4c5|say|said|expects|promis|commit|no-go|no go|no return|breach"
)
_DL_HINT_AFTER = re.compile("eta|deadline|window|checkpoint|cut|target")


def _deadline(
    text: str, start: int, end: int, low: str | None = None, a: int = 0, b: int | None = None
) -> str | None:
    """The deadline keyword governing the mention at ``text[start:end]`` (:func:`_deadline_keyword`), or
    None; a 'by', 'before' or EOD none when the mention closes a condition ('escalate if no answer by Wed
    EOD': :data:`_IF_NO_BY`; a keyword after it stays, 'if no response before 09:00 UTC checkpoint')."""
    kw = _deadline_keyword(text, start, end, low, a, b)
    if kw in ("by", "before", "EOD") and _is_condition_by(text, max(a, start - 80), start):
        return None
    if kw is None and downtime_range(text, start, a) and _RANGE_IN.search(text, start, end) is not None:
        return "window"  # ('downtime 0200-0400 tonight': a planned downtime's range is a window)
    # (every step is bounded near the mention: the anchored announcement match reads at most ~50
    # characters, so no scan of the whole item per mention, which was quadratic on a pasted blob)
    if kw is None and start > a and text.find("reeze", max(a, start - 40), start) >= 0 and (
        _FREEZE_START.search(text, max(a, start - 40), start) is not None
    ) and _FREEZE_ANNOUNCED.match(text, end, len(text) if b is None else b) is not None:
        return "window"  # ('Code freeze Wed 18:00 UTC announced': when the freeze starts, announced now)
    return kw


# a downtime's range right after the word ('downtime 0200-0400 tonight', 'downtime: 02:00-04:00 UTC'), as
# a maintenance window's is: when the work happens (a time alone, 'downtime 02:10', stays none)
_DOWNTIME_BEFORE = re.compile(r"(?<![\w-])(?i:downtime)[^\S\n]*:?[^\S\n]*$")


def downtime_range(text: str, start: int, a: int = 0) -> bool:
    """Whether the range at ``start`` is a downtime's (:data:`_DOWNTIME_BEFORE`: 'downtime 0200-0400
    tonight'): a window deadline that is also when the plan it is in happens (its item from ``a``)."""
    return start > a and text.find("owntime", max(a, start - 12), start) >= 0 and (
        _DOWNTIME_BEFORE.search(text, max(a, start - 12), start) is not None)


# a freeze's start announced ('Code freeze Wed 18:00 UTC announced in #release-train', 'change freeze
# starts Fri 18:00 UTC, announced'): when work stops, a window's bound as a freeze's end is, no promise;
# the item is the announcement, written on its own day (a freeze told as begun, 'started', is none)
_FREEZE_START = re.compile(
    r"(?i:\bfreezes?)(?:[^\S\n]+(?:starts|begins|kicks[^\S\n]+in|takes[^\S\n]+effect|at|on|is|from|starting))?"
    r"[^\S\n]*:?[^\S\n]*(?:(?i:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?[^\S\n]+)?$"
)
_FREEZE_ANNOUNCED = re.compile(r"[^.;!?\n]{0,40}?\b(?i:announced|announcing)\b")


# a plural keyword and its list of times, each of a party or carrier ('cut-offs 14:00 (UPS) and 16:30
# (FedEx)', 'cut-offs today: UPS 14:00, FedEx 16:30', 'ETAs 14:00 and 16:30'): every time listed is one
# of them, a deadline with the keyword's singular. The list goes on in the keyword's clause through items
# of a time (a digit first) with up to two capitalized names or times before or after it and a bracketed
# name, and their commas, 'and', '&' or '/'; searched up to the mention (the pattern's end), after the
# cheap test :data:`_PLURAL_HINT`, for a mention that opens with a digit (:func:`_deadline_keyword`)
_PLURAL_HINT = re.compile("offs|deadlines|etas")
_PLURAL_NAMES = r"(?:[A-Z][\w&.-]*[ \t]+){0,2}"
_PLURAL_ITEM = (
    _PLURAL_NAMES + r"\d[^\s,;()]*(?:[ \t]+(?:[A-Z][\w&.-]*|\d[^\s,;()]*)){0,2}[ \t]*"
    r"(?:\([^()\n]{1,30}\)[ \t]*)?"
)
_PLURAL_KW = re.compile(
    r"(?<![\w-])(?P<kw>(?i:cut-?offs|deadlines)|ETAs|etas)[ \t]*(?:(?i:today|tomorrow|tonight)[ \t]*)?"
    r"(?:[:=\u2013\u2014-][ \t]*)?(?:(?i:for|at)[ \t]+)?(?:" + _PLURAL_ITEM
    + r"(?:,|(?i:and|&)(?![\w-])|/)[ \t]*){0,6}" + _PLURAL_NAMES + r"\Z"
)


# a deadline written as missed by an amount after its keyword, 'missed the 17:00 cut-off by 5 minutes',
# 'blew the 17:00 deadline by 2h': the amount is by how much, not the keyword's own value ('ETA by 17:00')
_MISS_AMOUNT = re.compile(
    r"\s*(?i:by)\s+(?:~|\u2248|(?i:about|around|only|just)\s+)?\d+(?:\.\d+)?\s*"
    r"(?i:m|mins?|minutes?|h|hrs?|hours?|s|secs?|seconds?)(?![\w-])"
)


def _missed_by_amount(text: str, start: int, kw_end: int, a: int) -> bool:
    """Whether the mention at ``text[start:]``, its keyword ending at ``kw_end``, is written as missed
    ('missed the 17:00 cut-off', :data:`_MISSED_BEFORE`) by an amount after the keyword
    (:data:`_MISS_AMOUNT`). Both patterns are anchored; a cheap 'by' test first."""
    if text.find("by", kw_end, kw_end + 4) < 0 or _MISS_AMOUNT.match(text, kw_end) is None:
        return False
    return _MISSED_BEFORE.search(text, max(a, start - 48), start) is not None


def _deadline_keyword(
    text: str, start: int, end: int, low: str | None = None, a: int = 0, b: int | None = None
) -> str | None:
    """The deadline keyword governing the mention at ``text[start:end]``, or None.

    ``low`` is ``text.lower()`` when it has the same length (then used to skip the regexes);
    ``text[a:b]`` is the one text the mention belongs to (see :func:`_scan`)."""
    hi = end + 32 if b is None or b > end + 32 else b
    if low is None or _DL_HINT_AFTER.search(low, end, hi):
        after = _DEADLINE_AFTER.match(text, end, hi)
        # ('14:00 UTC ETA in ~2h': that ETA has its own value, written after it; '17:00 UTC ETA' has not)
        own = after and _OWN_VALUE.match(text, after.end(), hi + 8 if b is None else min(hi + 8, b))
        if own and _missed_by_amount(text, start, after.end(), a):
            own = None  # ('missed the 17:00 cut-off by 5 minutes': by how much, no value of the cut-off's)
        if after and not own and (start == a or _LEAD.fullmatch(text, a, start)):
            kw = (after.group("kw1") or after.group("kw2")).lower()
            if kw in ("eta", "deadline", "target"):
                # the item's own time, then what the keyword says: '14:15 ETA slipped, now due 17:00',
                # '14:17 deadline Friday', '08:35 VND-82 deadline for the review is 10/15' (the
                # keyword has its own value, or none: '17:00 UTC ETA.')
                own = _WORD_NEXT.match(text, after.end(), hi if b is None else b)
            if not own and _EVENT_NEXT.match(text, after.end(), hi if b is None else b):
                own = True  # ('01:45 OPS-810 checkpoint passed': what happened at 01:45)
            elif not own and kw in ("cutoff", "cut-off") and _CUTOFF_VALUE_LATER.match(
                text, after.end(), end + 64 if b is None else min(end + 64, b)
            ):
                own = True  # ('10:30 cut-off for the DC is 18:00 today': the cut-off's time is 18:00)
            elif not own and _MISSED_BY_NEXT.match(
                text, after.end(), hi + 8 if b is None else min(hi + 8, b)
            ):
                # ('17:09 cut-off missed by 5 min': the item's stamp; the 5 min is by how much, no time)
                own = True
            elif not own and start == a and _MOVED_NEXT.match(text, after.end(), hi if b is None else b):
                # ('17:45 Cut-off extended to 18:00': the item's stamp, then where the cut-off went)
                own = True
            elif kw == "window" and not _RANGE_IN.search(text, start, end):
                # '09:00 maintenance window Sat 02:00-04:00', '08:45 window closes at 18:00': the
                # window has its own time ('3pm-5pm maintenance window' is the window itself)
                own = _WINDOW_VALUE.match(text, after.end(), hi if b is None else b)
        if after and not own and not (
            after.group("kw2") and _NOT_A_DEADLINE_WINDOW.search(text, end, after.start("kw2"))
        ):
            return _norm_keyword(after.group("kw1") or after.group("kw2"))
    if start == a:
        return None
    if text[start - 1] == "(" and text.startswith(")", end):
        kw = _paren_value_of(text, max(a, start - 90), start)
        if kw is not None:
            return kw
    elif text.find("e.", max(a, start - 8), start) >= 0 or text.find("hat is", max(a, start - 10), start) > 0:
        m = _DUE_IE.search(text, max(a, start - 110), start)
        if m is not None:
            return _norm_keyword(m.group("kw"))
    if text.find("print", max(a, start - 60), start) >= 0 and (
        sp := _SPRINT_DATE.search(text, max(a, start - 60), start)
    ) is not None:
        return _norm_keyword(sp.group("kw"))  # ('ETA end of sprint, Oct 24': the sprint's end is that date)
    if text[start].isdigit() and (low is None or _PLURAL_HINT.search(low, max(a, start - 80), start)) and (
        listed := _PLURAL_KW.search(text, max(a, start - 80), start)
    ) is not None:
        return _norm_keyword(listed.group("kw").rstrip("sS"))  # ('cut-offs 14:00 (UPS) and 16:30 (FedEx)')
    lo = max(a, start - 40)
    if low is not None and not _DL_HINT_BEFORE.search(low, lo, start):
        return None
    before = _DEADLINE_BEFORE_REV.match(text[lo:start][::-1])
    if before and not _reported_too_far(text, before, start):
        kw = _norm_keyword(before.group("kw")[::-1])
        if kw == "window" and _NOT_A_DEADLINE_WINDOW.search(text, lo, start - before.end()):
            return None  # ('impact window: 14:02-15:47 UTC' is when it happened)
        if kw == "by" and (
            _is_causal_by(text, max(a, start - before.end() - 24), start - before.end(), start)
            or _is_past_by(text, max(a, start - before.end() - 48), start - before.end(), start)
            or _is_narrative_by(text, a, start - before.end(), end, b)
        ):
            return None  # ('alert caused by the 14:55 deploy': what caused it; 'drained by 10:20': when)
        if kw == "deadline" and _GO_TIMEOUT.search(text, max(a, start - before.end() - 12), start):
            return None  # (Go's 'context deadline exceeded at ...': a timeout error, no promise)
        if kw == "until" or kw == "through":
            return _until_keyword(text, a, b, start - before.end(), end, kw)
        if "for" in text[start - before.end():start].lower() and names_what(text, start, end, a, b):
            return None  # ('deadline for the Oct 9 marketing push: ...': the date names the push)
        if kw in ("go/no-go", "point of no return") and (_CHECKPOINT_HELD.search(
            text, max(a, start - before.end() - 40), start - before.end()
        ) or not _CHECKPOINT_GAP.fullmatch(text, start - before.end() + len(before.group("kw")), start)):
            # ('we passed the point of no return at 15:10', 'held the go/no-go at 13:30': when it was;
            # 'go/no-go moved from Tue 16:00 to Wed 10:00': a meeting's move, no checkpoint's time)
            return None
        if kw == "expires" and _NEW_EXPIRY.search(
            text, max(a, start - before.end() - 48), start - before.end()
        ):
            return None  # ('certificate renewed, new expiry 2026-01-07': the renewal's outcome, no promise)
        return kw
    if ("romis" in text[lo:start] or "ommit" in text[lo:start]) and (
        _PROMISED_FOR.search(text, lo, start) or _PROMISED_CALL.search(text, lo, start)
    ):
        return "promised"  # ('the fix was promised by Ops for Thursday noon', 'promised a callback at 1pm')
    if before is None and (low is None or low.find("miss", lo, start) >= 0):
        sla = _SLA_MISS_AT.search(text, max(a, start - 60), start)
        if sla is not None and _SLA_NOT_MISSED.search(
            text, max(a, sla.start() - 24), sla.start()
        ) is None and (_RUN_LOGICAL_DATE.match(text, start) is None or _SLA_AT_WORD.search(sla.group())):
            return _MISSED_KW  # ('SLA miss on dag orders_daily at 06:00 UTC': that time's deadline missed)
    if before is None and (low is None or low.find("breach", lo, start) >= 0):
        kw = sla_breach_at(text, start, a)
        if kw is not None:
            return kw  # ('SLA breach at 09:45': when the SLA breaches; 'SLA breached at 09:45': missed then)
    if before is None and (low is None or _SHIPS_HINT.search(low, lo, start)):
        shipped = _SHIPS_PROMISED.search(text, lo, start)
        if shipped is not None:
            return _norm_keyword(shipped.group("kw"))  # ('vendor now says fix ships Mon 13 Oct')
    if (low is None or _EOD_HINT.search(low, lo, start)) and _EOD_BEFORE.search(text, lo, start):
        return "EOD"  # ('Thu EOD 18:00 ET': the end of that day is at 18:00)
    return None


# a date written as what a deadline is for, a noun's qualifier: 'deadline for the Oct 9 marketing push',
# 'ETA for the 10/14 release train' (the push's and the train's dates, not when anything is due; 'ETA
# for the fix: Oct 9', 'ETA for Friday' and 'due for Oct 9 at 17:00' stay deadlines)
_FOR_THE_DATE = re.compile(r"(?i:\bfor[^\S\n]+(?:the|our|their|its|this|that)[^\S\n]+)$")
_NOUN_NEXT = re.compile(
    r"[^\S\n]+(?!(?i:at|by|on|in|around|about|before|after|or|and|to|until|till|through|morning|afternoon"
    r"|evening|night|noon|midnight|midday|latest|earliest|eod|eob|cob|is|was|if|unless|then|so|but|as|with"
    r"|per|pending|sharp|utc|gmt|local|time|hours?|hrs)\b)[a-z][a-z\-]{2,}\b"
)


def names_what(text: str, start: int, end: int, a: int = 0, b: int | None = None) -> bool:
    """Whether the mention at ``text[start:end]`` is written after ``for the`` and before a noun it
    qualifies (:data:`_FOR_THE_DATE`, :data:`_NOUN_NEXT`): 'deadline for the Oct 9 marketing push', 'prep
    for the Oct 9 push' name the push, not when anything is due or happened."""
    return _FOR_THE_DATE.search(text, max(a, start - 12), start) is not None and _NOUN_NEXT.match(
        text, end, end + 24 if b is None else min(b, end + 24)) is not None


# A promise reported ('says', 'said', 'expects', 'promised', 'committed to') governs only a time written
# right after it, a day word, 'at', 'around'... or Notion's '@' between ('@ben says Fri noon', 'vendor
# expects around 17:00'): 'host clock says: Fri Jan  2 10:00:00 EST 2026' is a reading, not a promise
# what is promised, between the promise and its time: 'vendor now says fix ships Mon 13 Oct', 'they
# expect the patch to land Friday', 'said it will be out Thu'
_SHIPS = (
    r"(?:(?i:the|a|an|its|their|it|that|this)[^\S\n]+)?(?:[\w-]+[^\S\n]+){0,2}?"
    r"(?i:ships|lands|arrives|goes[^\S\n]+out|is[^\S\n]+out|is[^\S\n]+due|(?:to|will|would|should)"
    r"[^\S\n]+(?:ship|land|arrive|go[^\S\n]+out|be[^\S\n]+(?:out|ready|available|released|deployed|delivered)))"
)
# a scheduler's SLA miss and the deadline it missed: 'SLA miss on dag orders_daily at 06:00 UTC', 'SLA
# miss for task load_ledger: 07:00', 'SLA miss at 06:00', Airflow's 'SLA miss on DAG=orders_daily at 06:00'
_SLA_MISS_AT = re.compile(
    r"(?<![\w-])(?i:sla|slo)[^\S\n_-]?[_-]?(?i:miss(?:es)?)(?![\w-])"
    r"(?:[^\S\n]+(?i:on|for|of|in)(?:[^\S\n]+[\w.:/=-]+){1,3}?)?[^\S\n]*(?:(?i:at|@|due)[^\S\n]*|:[^\S\n]*)?$"
)
# an SLA's breach at a time of day ('SLA breach at 09:45', 'breaches SLA at 11:00', 'P1 SLA will breach at
# 09:45', 'will breach the response SLA at 14:00'): when the SLA runs out, a deadline (keyword 'SLA') when
# it is still ahead at the item's time (a warning; at or before it, a report: :mod:`occ_lib.logs` makes it
# the deadline missed then); told as past ('SLA breached at 09:45', 'SLA was breached at 09:45', 'breached
# the SLA at 09:45'), the deadline missed at that time (keyword 'missed', as 'SLA miss at 06:00'); not
# denied ('no SLA breach at 09:45', 'avoided an SLA breach at 09:45')
_SLA_BREACH_AT = re.compile(
    r"(?<![\w-])(?:(?i:sla|slo)[^\S\n]+(?:(?P<will>(?i:will|would|is[^\S\n]+going[^\S\n]+to|to))[^\S\n]+"
    r"|(?i:was|has[^\S\n]+been|got)[^\S\n]+)?(?P<v1>(?i:breach(?:es|ed)?))"
    r"|(?:(?P<will2>(?i:will|would|to))[^\S\n]+)?(?P<v2>(?i:breach(?:es|ed)?))[^\S\n]+"
    r"(?:(?i:the|its|our|their)[^\S\n]+)?(?:[\w-]+[^\S\n]+)?(?i:sla|slo))"
    r"[^\S\n]*(?:(?i:at|@)[^\S\n]*|:[^\S\n]*)$"
)
_SLA_BREACH_DENIED = re.compile(
    r"(?i:\b(?:no|not|without|never|avoid(?:ed)?|prevent(?:ed)?)(?:[^\S\n]+(?:an?|any))?)[^\S\n]+$"
)


def sla_breach(text: str, start: int, a: int = 0) -> tuple[str, bool] | None:
    """The time at ``text[start:]`` written as when an SLA breaches (:data:`_SLA_BREACH_AT`): its keyword,
    'SLA' ('SLA breach at 09:45') or 'missed' when told as past ('SLA breached at 09:45'), and whether it
    is told as to come ('SLA will breach at 09:45': a warning even where the item's own time is not
    known); None when there is none. Reads at most 60 characters before it (the item from ``a``)."""
    m = _SLA_BREACH_AT.search(text, max(a, start - 60), start)
    if m is None or _SLA_BREACH_DENIED.search(text, max(a, m.start() - 24), m.start()) is not None:
        return None
    kw = _MISSED_KW if (m.group("v1") or m.group("v2")).lower().endswith("ed") else "SLA"
    return kw, (m.group("will") or m.group("will2")) is not None


def sla_breach_at(text: str, start: int, a: int = 0) -> str | None:
    """The keyword of :func:`sla_breach` at ``text[start:]``, else None."""
    breach = sla_breach(text, start, a)
    return None if breach is None else breach[0]


# ... not the run's logical date Airflow's SLA miss e-mail lists its tasks with ('load_gl on
# 2025-10-09T01:00:00+00:00', an ISO time to the second): the run it was, not the time it was due by (the
# SLA runs from the end of the run's interval), the miss stated without its due time
_RUN_LOGICAL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[+-]00:?00|Z)?(?![\w:])")
_SLA_AT_WORD = re.compile(r"(?:(?i:\bat|\bdue)|@)[^\S\n]*$")  # ('... at 2025-10-09 06:00:00': its time)
_SLA_NOT_MISSED = re.compile(
    r"(?i:\b(?:no|not|without|never|avoid(?:ed)?|prevent(?:ed)?|risk[^\S\n]+of|chance[^\S\n]+of|potential)"
    r"(?:[^\S\n]+(?:an?|any))?)[^\S\n]+$"
)
_SHIPS_HINT = re.compile("ship|land|arriv|out|due|ready|available|released|deployed|delivered")
_SHIPS_PROMISED = re.compile(
    r"(?<![\w-])(?P<kw>(?i:says|said|expects|promised|promises))[^\S\n]+" + _SHIPS + r"[^\S\n]+"
    r"(?:(?i:around|about|roughly|approx\.?|at|on|by|today|tonight|tomorrow|tmrw|next|this|"
    + _WEEKDAY_ALT + r")[^\S\n]+|(?:" + _WD_ABBR + r")\.?[^\S\n]+)*[@~]?$"
)
_REPORTED_KW = frozenset({"says", "said", "expects", "promised", "promises", "committed to", "commits to"})
_REPORTED_GAP = re.compile(
    r"[^\S\n]+(?:(?i:around|about|roughly|approx\.?|at|on|by|today|tonight|tomorrow|tmrw|next|this|"
    + _WEEKDAY_ALT + r")[^\S\n]+|(?:" + _WD_ABBR + r")\.?[^\S\n]+)*[@~]?"
)


# ... and a promise made for a time, what was promised or who promised it between, up to three words:
# 'the fix was promised by Ops for Thursday noon', 'Ops promised the fix for Thursday noon', 'committed
# to a patch for Oct 14' (keyword 'promised'; not 'said' or 'expects': 'said for the 09:00 deploy')
_PROMISED_FOR = re.compile(
    r"(?i:\b(?:promised|promises|committed[^\S\n]+to|commits[^\S\n]+to))[^\S\n]+(?:[\w\-]+[^\S\n]+){0,3}?"
    r"(?i:for)" + _REPORTED_GAP.pattern + r"$"
)

# ... or a call, a reply or an update promised at a time, who to between or not: 'promised a callback at
# 1pm PT', 'promised Dana a call back at 16:00', 'promised the customer an update at 15:00' (a support desk's
# commitment; not 'promised the customer at 14:00 that...': when the promise was made)
_PROMISED_CALL = re.compile(
    r"(?i:\b(?:promised|promises))[^\S\n]+(?:[\w\-]+[^\S\n]+){0,3}?"
    r"(?i:call[- ]?backs?|calls?|replies|reply|responses?|updates?|follow[- ]?ups?)" + _REPORTED_GAP.pattern
    + r"$"
)


def _reported_too_far(text: str, before: re.Match[str], start: int) -> bool:
    """Whether the keyword :data:`_DEADLINE_BEFORE_REV` matched (reversed, ending at ``start``) is a
    promise reported with more than :data:`_REPORTED_GAP` between it and the mention at ``start``."""
    kw = before.group("kw")  # (reversed: its last letter first)
    if kw[:1] not in "sdoSDO" or " ".join(kw[::-1].lower().split()) not in _REPORTED_KW:
        return False
    return _REPORTED_GAP.fullmatch(text, start - before.end() + len(kw), start) is None


# a deadline written in words, its date in brackets right after: 'Postmortem due 5 business days after
# the incident (2025-10-16)', 'target: end of sprint (Oct 24)' ('due to the outage (Oct 9)' is a cause)
_DUE_IN_WORDS = re.compile(
    r"(?<![\w-])(?P<kw>(?i:due|deadline|target|eta))(?![\w-])(?!\s+(?i:to)\b)\s*[:=]?\s*"
    r"(?:(?i:is|in|by|on|at)\s+)?(?i:\d{1,3}\s+(?:(?:business|working|calendar)\s+)?(?:days?|weeks?|hours?"
    r"|months?)\s+(?:after|from|following|of|post)\s+[^()\n;.!?]{1,40}?"
    r"|(?:the\s+)?(?:end|close|start|beginning|middle)\s+of\s+(?:the\s+)?[\w\-]+(?:\s+[\w\-]+)?)\s*\($"
)


# a duration after something, its date after 'i.e.' or 'that is': 'notification deadline: 72 hours from
# detection, i.e. 2025-10-10 08:14 UTC' ('due Friday, i.e. 2025-10-10' is one deadline, its weekday's;
# 'due end of week, i.e. Fri 17:00' is the end of the week's, as before: that end is a mention itself)
_DUE_IE = re.compile(
    r"(?<![\w-])(?P<kw>(?i:due|deadline|target|eta))(?![\w-])(?!\s+(?i:to)\b)\s*[:=]?\s*"
    r"(?:(?i:is|in|by|on|at|within)\s+)?(?i:\d{1,3}\s*(?:(?:business|working|calendar)\s+)?"
    r"(?:days?|weeks?|hours?|hrs?|h|months?)\s+(?:after|from|following|of|post|since)\s+[^()\n;.!?]{1,40}?)"
    r"\s*[,(]?\s*(?i:i\.\s?e\.|that\s+is)\s*[,:]?\s*(?:(?:" + _WEEKDAY_ALT + r"|" + _WD_ABBR + r")\.?,?\s+)?$"
)


def _paren_value_of(text: str, lo: int, start: int) -> str | None:
    """The keyword of a deadline written in words whose date is the one in brackets at ``start``."""
    m = _DUE_IN_WORDS.search(text, lo, start)
    return None if m is None else _norm_keyword(m.group("kw"))


_EOD_HINT = re.compile("eod|eob|cob")
# what is watched or held on call 'until' a time, no promise of anything by then: 'watching until 18:00',
# 'monitoring the canary until 16:00', 'soak until Friday', who is on duty ('Tom on the queue until
# 13:00', 'Ana covering until noon': a rota, no promise; what is muted: :data:`_MUTED`); and what is
# left on or off until then ('flag `new_ui` on until 2025-10-20', 'debug logging enabled until 18:00')
_WATCH_UNTIL = re.compile(
    r"(?i:\b(?:watch(?:ing)?|monitor(?:ing)?|observ(?:e|ing)|soak(?:ing)?|bak(?:e|ing)|cover(?:s|ing)?"
    r"|on[- ]call|on[^\S\n]+(?:the[^\S\n]+)?(?:queue|desk|phones?|pager|rota|shift|duty))\b)"
    r"[^\S\n]+(?:[\w-]+[^\S\n]+){0,2}$"
    r"|(?<![\w-])(?i:on|off|enabled|disabled)[^\S\n]+$"
    # a validity's end ('license valid until Dec 1', 'token good till Friday'): how long a thing lasts,
    # no promise (a renewal written as one is: 'renew before Dec 1'; an expiry stays one: 'expires')
    r"|(?<![\w-])(?i:valid|good)[^\S\n]+$"
    # a state held up to then ('rollout paused until 16:00 while we look', 'on hold until Monday', 'old
    # primary kept as a read-only standby until Fri'): how long it stays so, nobody promised anything
    # ('we have until 12:00' is one; 'paused rollouts until 18:00', the work stopped, a freeze's end)
    r"|(?<![\w-])(?i:paused|on[^\S\n]+hold|held|parked|standby|stand-by|kept|retained)[^\S\n]+$"
    # a grant up to then ('Extension granted until 23:59 for all HIST110 essay submissions', 'extension until
    # 12:45'): how long others may still do something, no promise of the team's ('deadline extended until
    # Fri' is a deadline's move, not this)
    r"|(?<![\w-])(?i:granted|extensions?)[^\S\n]+$"
)
# a window whose end 'until' writes ('maintenance window until 06:00', 'change window open until 04:00',
# 'window: until 14:00'): keyword ``window``, when work may happen, as a window's range is; and a
# freeze's end ('deploy freeze until 12:00', 'code freeze in effect until Friday'): when work may not
# happen, no promise either ('we have until 12:00 to ship' is one)
_WINDOW_UNTIL = re.compile(
    r"(?i:\b(?:windows?|freezes?)(?:[^\S\n]*:|[^\S\n]+(?:is|was|open|opens|runs|stays|lasts|extended|extends"
    r"|in[^\S\n]+effect|in[^\S\n]+place|active))?)[^\S\n]+$"
)
# a freeze written elsewhere in the clause of an 'until': as its label before ('deploy freeze: no merges
# until 12:00') or in brackets right after the time ('no deploys until 14:00 UTC (freeze)')
_FREEZE_LABEL = re.compile(r"(?i:\bfreezes?)[^\S\n]*:[^;.!?|\n\u2013\u2014:]*$")
_FREEZE_AFTER = re.compile(r"[^\S\n]*\((?i:[\w\- ]{0,24}\bfreezes?\b[\w\- ]{0,24})\)")
# a restriction told without the word freeze, the clause's work forbidden up to the time ('no deploys
# until 14:00 UTC', 'do not merge until 12:00', 'hold off on releases until 18:00', 'no prod changes
# until 18:00'): when work may not happen, as a freeze's end is, no promise ('no update until 14:00' is
# none of these: only the work a freeze stops)
_RESTRICT_UNTIL = re.compile(
    r"(?i:\b(?:no|don['’]?t|do[^\S\n]+not|hold[^\S\n]+off(?:[^\S\n]+on)?|pause[ds]?|halt(?:ed)?)"
    r"(?:[^\S\n]+(?:any|new|further|more|prod|production|the))*[^\S\n]+"
    r"(?:deploy(?:s|ments?|ing)?|merg(?:e|es|ing)|changes?|releas(?:e|es|ing)|push(?:es|ing)?|rollouts?"
    r"|roll(?:ing)?[^\S\n]+out|ship(?:s|ping)?|cutovers?|migrations?)"
    r"(?:[^\S\n]+(?:to|on|in|into)[^\S\n]+[\w./-]+)?)[^\S\n]+$"
)


def _until_keyword(text: str, a: int, b: int | None, at_kw: int, end: int, kw: str) -> str | None:
    """The keyword of a time written after ``until`` or ``through`` (at ``at_kw``): ``window`` for a
    window's or freeze's end (:data:`_WINDOW_UNTIL`, :data:`_FREEZE_LABEL`, :data:`_FREEZE_AFTER`,
    :data:`_RESTRICT_UNTIL`); no
    deadline for how long something is muted or watched (:data:`_MUTED`, :data:`_WATCH_UNTIL`) nor for
    any other ``through`` ('worked through 18:00'); else ``until``, a promise ('we have until 12:00')."""
    if _MUTED.search(text, max(a, at_kw - 40), at_kw) or _WATCH_UNTIL.search(text, max(a, at_kw - 28), at_kw):
        # ('Alert snoozed until 03:00 UTC': how long an alert stays quiet; 'mitigated, watching
        # until 18:00': how long someone looks; no promise)
        return None
    mv = _VERB_BEFORE_UNTIL.search(text, max(a, at_kw - 28), at_kw)
    if mv is not None and _MEETING_MOVED.search(text, max(a, mv.start() - 40), mv.start()) is not None:
        return None  # ('Vendor call postponed until Fri 15:00': where a meeting moved to, no promise)
    if _WINDOW_UNTIL.search(text, max(a, at_kw - 24), at_kw) or _freeze_near(text, a, b, at_kw, end) or (
        _RESTRICT_UNTIL.search(text, max(a, at_kw - 48), at_kw)
    ):
        return "window"  # ('maintenance window until 06:00 UTC', 'deploy freeze until 12:00': its end)
    if _AWAY_UNTIL.search(text, max(a, at_kw - 40), at_kw):
        return None  # ('Arun is on leave until October 20': when someone is back, no promise)
    if _NOT_UNTIL.search(text, max(a, at_kw - 60), at_kw):
        return None  # ('CHG-77 not approved by CAB until Thu 22:00Z': the earliest it can be, a wait)
    if _PAST_UNTIL.search(text, max(a, at_kw - 60), at_kw):
        return None  # ('was down until Tue 14:00': when a past state ended; its weekday looks back)
    return kw if kw == "until" else None


# a state told in the past up to a time ('was down until Tue 14:00', 'DB remained degraded until 03:10',
# 'the outage lasted until 14:00'): when it ended, no promise; with no keyword its weekday is the one
# before the text's day. Only a state's word after the verb ('was told we have until 12:00', 'was
# extended until 18:00' stay 'until')
_PAST_UNTIL = re.compile(
    r"(?i:(?:\b(?:was|were|had[^\S\n]+been|stayed|remained)[^\S\n]+(?:[\w-]+[^\S\n]+){0,2}?"
    r"(?:down|degraded|unavailable|offline|unreachable|impacted|broken|stuck|failing|flapping|unhealthy"
    r"|unstable|slow|erroring|hard[^\S\n]+down|out[^\S\n]+of[^\S\n]+service)\b[^.;!?\n]{0,24}?"
    r"|\b(?:lasted|persisted|continued|went[^\S\n]+on))[^\S\n]+)$"
)


# a thing denied up to a time ('CHG-77 not approved by CAB until Thu 22:00Z', "can't deploy until 14:00",
# "won't be restarted until Monday"): the earliest it may happen, a wait that ends then, no promise of
# anyone's (a verb's negation before 'until' in its clause; not 'no update until 14:00', the next update
# promised then)
_NOT_UNTIL = re.compile(
    r"(?i:(?:\b(?:not|never|cannot)|n['\u2019]t)\b[^.;!?\n]{0,48}?\s+)$"
)


def _freeze_near(text: str, a: int, b: int | None, at_kw: int, end: int) -> bool:
    """Whether a freeze labels the clause of the 'until' at ``at_kw`` (:data:`_FREEZE_LABEL`) or is in
    brackets after its time (:data:`_FREEZE_AFTER`); the gate reads only the 60 characters before, not the
    whole text, which once per mention was quadratic on a pasted blob of 'until's."""
    lo = max(a, at_kw - 60)
    if "reeze" in text[lo:at_kw].lower() and _FREEZE_LABEL.search(text, lo, at_kw):
        return True
    return _FREEZE_AFTER.match(text, end, len(text) if b is None else b) is not None


# someone away 'until' a time ('Arun is on leave until October 20', 'Bo OOO till Friday', 'out of office
# until Oct 14', 'on PTO until Monday', 'on vacation until the 20th', 'off sick until Wednesday'): an
# absence's end, when someone is back, no promise of anything (after a window's or a freeze's, which win:
# 'holiday freeze until Jan 2' is a freeze)
_AWAY_UNTIL = re.compile(
    r"(?:(?i:\bon[^\S\n]+(?:[\w-]+[^\S\n]+)?(?:leave|vacation|holidays?|pto|sabbatical|furlough)"
    r"|\bout[^\S\n]+of[^\S\n]+(?:the[^\S\n]+)?office|\b(?:off|out|home)[^\S\n]+sick|\bsick[^\S\n]+leave"
    r"|\baway|\booo)|\b(?:OOTO|OOF|PTO))(?:[^\S\n]+[\w-]+){0,2}?[^\S\n]+$"
)

# an expiry told as a renewal's outcome ('certificate Ready, new expiry 2026-01-07', 'renewed, expires
# 2026-01-07', 'extended expiration: Jan 7'): how long the renewed thing lasts, no promise; not one to be
# renewed ('must be renewed by Fri, expires Sat'), nor one written before the renewal word
_NEW_EXPIRY = re.compile(
    r"(?i:\b(?:new|extended|updated|renewed|next)[^\S\n]+(?:[\w-]+[^\S\n]+)?"
    r"|(?<!be[^\S\n])(?<!been[^\S\n])\b(?:renewed|reissued|re-issued|rotated)\b(?![^\S\n]+(?:by|before))"
    r"[^.;!?\n]{0,32}?[,:][^\S\n]*(?:[\w-]+[^\S\n]+)?)$"
)
# a checkpoint told as reached ('we passed the point of no return at 15:10', 'held the go/no-go at 13:30')
_CHECKPOINT_HELD = re.compile(
    r"(?i:\b(?:passed|reached|crossed|past|held|had|made|did|completed|after|before)[^\S\n]+(?:the[^\S\n]+|our[^\S\n]+)?)$"
)
# what may stand between a checkpoint and its time: 'go/no-go at 13:30', 'point of no return: 15:10', and
# what it decides, in up to three words after 'on' or 'for', before 'at' or 'by': 'go/no-go on rollback
# at 03:30', 'go/no-go for the cutover at 13:30'
_CHECKPOINT_GAP = re.compile(
    r"[^\S\n]*[:=]?[^\S\n]*[*_(]*(?:(?i:at|is|by|on|@)[^\S\n]+"
    r"|(?i:on|for)[^\S\n]+(?:[\w-]+[^\S\n]+){1,3}?(?i:at|by|@)[^\S\n]+)?~?"
)
_GO_TIMEOUT = re.compile(r"(?i:context\s+deadline\s+exceeded|DeadlineExceeded)")
# an alert or a monitor quieted for a while (Opsgenie's 'Alert snoozed until 03:00 UTC', 'muted until',
# 'silenced until', 'notifications suppressed until'): 'until' there ends the quiet, no promise
_MUTED = re.compile(
    r"(?i:\b(?:snooz(?:e|ed|es|ing)|mut(?:e|ed|es|ing)|silenc(?:e|ed|es|ing)|suppress(?:ed|es|ing)?|"
    r"downtimed?|squelch(?:ed|ing)?)\b(?:\s+[\w-]+){0,3}\s*$)"
)
_CAUSED = re.compile(
    r"(?i:(?P<cause>caused|introduced|triggered|broken|induced|impacted|affected|preceded|followed"
    r"|superseded|replaced|blocked|reverted)|fixed|resolved|reported|raised|opened|filed|approved|merged"
    r"|deployed|shipped|started|kicked\s+off|initiated|made|sent|posted)\s+$"
)
_BY_THING = re.compile(r"(?i:by\s+(?:the|a|an|our|their|its|this|that|[\w\-]+'s)\s)")


# the time of a condition ('will escalate to the Director of Partnerships if no answer by Wed EOD', 'page
# the vendor if we don't hear back by 14:00', 'unless they reply by noon'): when someone else's answer
# would be late, the trigger of a plan, no promise of ours
_IF_NO_BY = re.compile(
    r"(?i:\b(?:if|unless)\s+(?:(?:there\s+is\s+|we\s+(?:get|have|hear)\s+|we\s+receive\s+)?no\s+"
    r"(?:[\w-]+\s+)?(?:answer|reply|replies|response|word|news|update|feedback|ack|acknowledgement"
    r"|acknowledgment|confirmation|callback)|nothing|we\s+(?:don['’]t|do\s+not)\s+hear|(?:they|we|[\w-]+)"
    r"\s+(?:reply|replies|respond|responds|answer|answers|get\s+back|gets\s+back|confirm|confirms)"
    r"|(?:they|[\w-]+)\s+(?:don['’]t|doesn['’]t|do\s+not|does\s+not|haven['’]t|hasn['’]t)\s+"
    r"(?:reply|replied|respond|responded|answer|answered|get\s+back|got\s+back|confirm|confirmed))"
    r"\b[^.;!?\n]{0,24}$)"
)


def _is_condition_by(text: str, lo: int, by: int) -> bool:
    """Whether 'by' before a time closes a condition (:data:`_IF_NO_BY`): its time is no deadline."""
    return (text.find("if", lo, by) >= 0 or text.find("nless", lo, by) >= 0) and (
        _IF_NO_BY.search(text, lo, by) is not None)


def _ascii_tail(text: str, lo: int, hi: int) -> str | None:
    """``text[lo:hi]`` without its trailing white space, lower-cased, when it is ASCII, else None.

    A pattern that ends in ``\\s+$`` (searched up to ``hi``) matches only where this tail ends with its
    last word, so a test of the tail's end is an exact gate before the search, which tries every
    alternative at every position of its window. Only for ASCII: IGNORECASE also matches a few other
    letters to ASCII ones (the long s to 's', the Kelvin sign to 'k'), which ``lower`` keeps apart."""
    tail = text[lo:hi].rstrip()
    return tail.lower() if tail.isascii() else None


# how every match of _CAUSED ends before its white space ('caused', 'broken', 'kicked off', 'made', 'sent')
_CAUSED_ENDS = ("ed", "broken", "off", "made", "sent")


def _is_causal_by(text: str, lo: int, by: int, start: int) -> bool:
    """Whether 'by' before a time names what did it, not when it is due.

    'caused by 14:55 deploy' always does; 'fixed by the 14:55 deploy' does (a thing follows 'by'),
    while 'will be fixed by 17:00 UTC' is a deadline: the verbs that also make promises are causal
    only before a thing.
    """
    tail = _ascii_tail(text, lo, by)
    if tail is not None and not tail.endswith(_CAUSED_ENDS):
        return False  # (a cheap exact gate: no word of _CAUSED right before 'by')
    m = _CAUSED.search(text, lo, by)
    if m is None:
        return False
    return m.group("cause") is not None or _BY_THING.match(text, by, start) is not None


# 'by' after a state reached, reported as past: 'queue drained by 10:20', 'errors were gone by 11:07', 'p99
# back under 900ms by 00:31' (what comes before 'by', up to it, in its clause). After a past auxiliary
# any participle and any time or day ('was fixed by 10:00', 'were gone by Friday'); without one only a
# clock time after the words that tell a system reaching a state (the resolution words and the verbs
# that make promises keep their deadline: 'OPS-3 fixed by 17:30', 'deployed by 17:00', 'drained by
# Friday'), and 'back'/'down' only with what they are back to ('Sam back by 14:00' is when Sam will be).
_PAST_BY = re.compile(
    r"(?i:(?:(?P<aux>\b(?:was|were|had|got|already))\s+(?:been\s+)?(?:(?:all|fully|completely|mostly|largely"
    r"|finally|already)\s+)?(?P<any>[a-z]{2,}ed|gone|back|down|done|over|clear|green)"
    r"|\b(?P<state>drained|triaged|cleared|settled|stabili[sz]ed|normali[sz]ed|subsided|dropped|returned"
    r"|rebalanced|flushed|emptied|processed|reconciled|propagated|converged|caught\s+up|backfilled|replayed"
    r"|purged|gone|vanished|disappeared|ceased|quieted|recovered\s+to"
    # (a host a SOC contained: 'hash on 2 more hosts, both isolated by 13:05Z')
    r"|isolated|quarantined"
    # (a count of who had started or joined by a time: '476 of 480 started by 09:05')
    r"|started|begun|joined|logged\s+in|signed\s+in|checked\s+in|arrived)"
    r"|\b(?P<back>back|down)(?=\s+(?:under|below|within|to|at|in|above|up|online|normal|baseline)\b)"
    # (a step after a stamped step, told as a list of what happened: 'approved 16:05, done by 16:30')
    r"|(?<=\d,\s)(?:done|finished|completed|complete|deployed|closed|merged)"
    # (a service back, told after the step before it: '10:12Z DB-42 failover started, service restored by
    # 10:37' tells when it was restored; 'will be restored by 10:37' is due, _PAST_BY_AHEAD)
    r"|(?<=[a-z],\s)(?:[a-z]+\s+){0,2}?(?:restored|recovered))"
    r"(?:\s+(?:under|below|within|above|to|at|in|up|online|normal|baseline|zero|[\w.%]*\d[\w.%]*)){0,2}"
    r"(?:\s+(?:fully|completely|entirely|again))?\s+$)"
)
# what makes the state one still to come: 'will be drained by 10:20', 'needs to be back by 00:31'; a
# causative 'have' before its object too, as 'get' is ('we will, once approved, have it drained by
# 10:20': the clause after the commas is the promise's), not a perfect ('queues have been drained by')
_PAST_BY_AHEAD = re.compile(
    r"(?i:\b(?:will|shall|should|must|need|needs|be|being|expect|expects|expected|expecting|aim|aiming|plan"
    r"|planned|planning|target|targeting|hope|hopefully|hoping|going|want|wants|eta|promised?|promises|can"
    r"|could|would|may|might|let['\u2019]?s|please|pls|if|unless|once|until|get|make|ensure|try|trying"
    r"|scheduled|supposed|required|requested|committed|slated|meant|asked|agreed|estimated|due)\b"
    r"|\bhave\s+(?!(?:been|not|already|just|fully|completely|finally|gone|back|down|done|[a-z]{2,}ed)\b)"
    r"|['\u2019]ll\b)"
)
_CLOCK = re.compile(r"\d{1,2}(?::\d{2}|[^\S\n]?[ap]\.?m\b)", re.IGNORECASE)
# where the clause of a past 'by' starts: after a sentence's or a clause's end (:data:`_CLAUSE_END`),
# a comma, an opening bracket or a spaced dash, so that an earlier clause's 'will' does not make the
# state one to come ('will retry later, queue drained by 10:20'; 'will retry (queue drained by 10:20)')
_PAST_BY_CLAUSE = re.compile(r"[;.!?|\n,]\s|\(|\s(?:--?|[\u2013\u2014])\s")


# how the state word of every match of _PAST_BY ends ('drained', 'gone', 'back', 'caught up', 'recovered to',
# 'logged in'): at most three words follow it in the match ('back under 900ms', 'down to zero fully')
_PAST_BY_ENDS = (
    "ed", "gone", "back", "down", "done", "over", "clear", "green", "begun", "complete", "up", "to", "in",
)


# a deed told as past with its doer, then what was done, in the clause before 'by' ('We fixed the 14 cost
# centres by 17:20', 'I restarted both nodes by 10:05'): when it was done, not when it is due; not a
# need or a plan told so ('we needed it by 17:00', 'we agreed to ship by 17:00')
_DEED_BY = re.compile(
    r"(?i:\b(?:we|i|they|he|she)\s+(?:(?:all|also|finally|then|just|already)\s+)?"
    r"(?!(?:needed|wanted|asked|requested|expected|planned|promised|committed|agreed|hoped|scheduled|aimed"
    r"|targeted|estimated|required|intended|decided|tried|offered)\b)"
    r"[a-z]{2,}ed(?:\s+(?!by\b)[\w%'-]+){0,5}\s+$)"
)


def _is_past_by(text: str, lo: int, by: int, start: int) -> bool:
    """Whether 'by' before the clock time at ``start`` tells when a state was reached (:data:`_PAST_BY`)
    or a deed was done (:data:`_DEED_BY`), not when it is due: nothing in its clause up to it makes it
    one still to come or promised (:data:`_PAST_BY_AHEAD`: 'will be drained by 10:20', 'was promised by
    10:00')."""
    tail = _ascii_tail(text, lo, by)
    if (tail is None or "ed " in tail) and _CLOCK.match(text, start) is not None and (
        d := _DEED_BY.search(text, lo, by)
    ) is not None:
        cut = lo
        for c in _PAST_BY_CLAUSE.finditer(text, lo, d.start()):
            cut = c.end()
        return _PAST_BY_AHEAD.search(text, cut, by) is None
    if tail is not None and not any(w.endswith(_PAST_BY_ENDS) for w in tail.rsplit(None, 4)[-4:]):
        return False  # (a cheap exact gate: no state word in the last four words before 'by')
    m = _PAST_BY.search(text, lo, by)
    if m is None or m.group("aux") is None and _CLOCK.match(text, start) is None:
        return False  # (without a past auxiliary only a clock time: 'drained by Friday' is due)
    cut = lo
    for c in _PAST_BY_CLAUSE.finditer(text, lo, m.start()):
        cut = c.end()
    return _PAST_BY_AHEAD.search(text, cut, m.end()) is None


# 'by' opening a clause whose subject then did something, told as past: 'and by 3:10pm the payments team
# reported that...', 'By Friday we had moved three shards' (when it had happened, no promise); not 'by
# 17:00 we will have it', 'fix by 17:00 the team said' (a 'by' after what is due)
_NARRATIVE_BY_OPEN = re.compile(r"(?:^|[.;!?(\u2014]\s*|,\s*|\b(?i:and|but|so|then)\s+)$")
_NARRATIVE_BY_NEXT = re.compile(
    r",?[^\S\n]+(?:(?i:the|we|they|i|our|their|its|it|he|she|everyone|everybody|most|all|both)\b"
    r"|[A-Z][a-z]+\b)(?:[^\S\n]+(?!(?i:will|would|must|should|shall|need|needs|can|has\s+to|have\s+to"
    r"|is|are|to)\b)[\w\-]+){0,3}?[^\S\n]+"
    r"(?:[a-z]{3,}ed|was|were|had|saw|found|got|went|came|knew|told|said|began|ran|hit|lost|took|made|sent"
    r"|wrote|rolled|felt|gave|heard|kept|left|put|set|shut|spent|stood|woke|won|paged|noticed)\b"
)


def _is_narrative_by(text: str, a: int, by: int, end: int, b: int | None) -> bool:
    """Whether the 'by' at ``by`` opens its clause and the time ending at ``end`` is followed by a
    subject that did something (:data:`_NARRATIVE_BY_OPEN`, :data:`_NARRATIVE_BY_NEXT`)."""
    return _NARRATIVE_BY_OPEN.search(text, max(a, by - 6), by) is not None and (
        _NARRATIVE_BY_NEXT.match(text, end, len(text) if b is None else b) is not None
    )


_EVENT_NEXT = re.compile(
    r"\s*(?i:passed|reached|cleared|met|made|hit|done|complete|completed|green|ok|opened|started|closed|ended"
    r"|began|begins|starts|ends|open|closes)\b"
)
# a cut-off after an item's opening time whose own time its clause gives later ('10:30 cut-off for the DC is
# 18:00 today', '08:00 UPS cut-off today at 16:30'): the opening time is the item's stamp
_CUTOFF_VALUE_LATER = re.compile(r"[^.;!?\n\d]{0,40}?(?<![\w-])(?i:is|at|now|moves\s+to)[ \t]*:?[ \t]*\d")
# the keyword after an item's opening time said missed by an amount ('17:09 cut-off missed by 5 min', '17:10
# ETA blown by ~30 mins'): the time is the item's stamp, not the deadline's (missed at 17:09, by 5 minutes)
_MISSED_BY_NEXT = re.compile(
    r"\s*(?:(?i:was|were|got|been)\s+)*(?i:missed|blown|blew|breached|overshot)\s+(?i:by)\s+"
    r"(?:~|\u2248|(?i:about|around|approx\.?|roughly|only|just)\s+)?\d"
)
_RANGE_IN = re.compile(r"\d\s?(?:--?|[\u2013\u2014]|to\s)\s?\d")
_WINDOW_VALUE = re.compile(
    r"\s*[:=]?\s*(?:(?i:is|on|at|by|for|of|closes|opens|ends|starts|from|until|till)\s+)*(?:\d|(?i:tonight|tomorrow"
    r"|tmrw|tmr|2moro|today|this|next|impact|"
    + _WEEKDAY_ALT + "|" + _WD_ABBR_LOW + r")\b)"
)
_WORD_NEXT = re.compile(r"\s*[:=]?\s*[^\W_]")
_EOD_BEFORE = re.compile(r"(?:(?<![\w-])(?i:eod|eob)|(?<![\w-])COB)\s*[(@:,\-]?\s*(?:(?i:at)\s+)?$")


# a window that says when something happened, not by when it must be done
_NOT_A_DEADLINE_WINDOW = re.compile(
    r"(?<!planned )(?<!scheduled )(?<!Planned )(?<!Scheduled )"
    r"(?i:impact|outage|incident|downtime|degradation|disruption|exposure|error|failure|affected)\s+$"
)


# ------------------------------------------------------------------------------------------ resolving


class _Bad(Exception):
    """An impossible date or time inside one match; carries the problem text."""


def _year_near(month: int, dom: int, day: dt.date | None) -> int | None:
    if day is None:
        return None
    best: int | None = None
    best_gap = 10**9
    for year in (day.year - 1, day.year, day.year + 1):
        try:
            gap = abs((dt.date(year, month, dom) - day).days)
        except ValueError:
            continue
        if gap < best_gap:
            best, best_gap = year, gap
    return best if best is not None else day.year


def _getter(prefix: str, names: str) -> operator.itemgetter[tuple[str | None, ...]]:
    idx = _FULL.groupindex
    return operator.itemgetter(*(idx[prefix + n] - 1 for n in names.split()))


_Groups = tuple[str | None, ...]


def _match_date(g: _Groups, p: str, day: dt.date | None) -> dt.date | None:
    """The date of group prefix ``p``; None if that part did not match. Raises _Bad."""
    y, mo, d, mn, md, my, dd, dm, dy, ey, em, ed, esep = _DATE_GET[p](g)
    if y is None and ey is not None:
        y, mo, d = ey, em, ed
        if esep == "-" and _SLASH_ORDER.get() == "mdy" and int(ed) <= 12:
            mo, d = ed, em  # ('10-09-2025' in a document that writes October 9th as 10/09/2025)
    elif y is None and em is not None:  # ('14.10.25 17:00', '14.10. 17:00': a short dotted date)
        eys = g[_I_AEYS - 1]
        y, mo, d = 2000 + int(eys) if eys else _year_near(int(em), int(ed), day), em, ed
        if y is None:
            raise _Bad(f"date without a year {ed}.{em}.")
    if y is not None:
        try:
            return dt.date(int(y), int(mo), int(d))
        except ValueError:
            raise _Bad(f"impossible date {y}-{mo}-{d}") from None
    if mn is not None:
        mon_s, dom_s, year_s = mn, md, my
    elif dm is not None:
        mon_s, dom_s, year_s = dm, dd, dy
    else:
        return None
    month = _MONTHS[mon_s[:3].lower()]
    dom = int(dom_s)
    year = (int(year_s) + (2000 if len(year_s) == 2 else 0)) if year_s else _year_near(month, dom, day)
    label = f"{mon_s.rstrip('.')} {dom_s}" + (f", {year_s}" if year_s else "")
    if year is None:
        if 1 <= dom <= 31:
            raise _Bad(f"date without a year {label}")
        raise _Bad(f"impossible date {label}")
    try:
        return dt.date(year, month, dom)
    except ValueError:
        raise _Bad(f"impossible date {label}") from None


def _match_time(g: _Groups, p: str) -> tuple[int, int, int, int, str, int]:
    """(hour, minute, second, microsecond, precision, extra_days) of time prefix ``p``. Raises _Bad."""
    h_s, mi_s, hm_s, s_s, f_s, ap, bap = _TIME_GET[p](g)
    mi_s = mi_s or hm_s
    ap = ap or bap
    hour = int(h_s)
    minute = int(mi_s) if mi_s else 0
    sec = int(s_s) if s_s else 0
    micro = int((f_s + "000000")[:6]) if f_s else 0
    if ap:
        a = ap[0].lower()
        if a == "n":  # noon
            if hour != 12 or minute or sec:
                raise _Bad(f"impossible time {_shown(h_s, mi_s, s_s, ap)}")
        elif not 1 <= hour <= 12:
            raise _Bad(f"impossible time {_shown(h_s, mi_s, s_s, ap)}")
        elif a == "a":
            hour = 0 if hour == 12 else hour
        else:
            hour = 12 if hour == 12 else hour + 12
    extra = 0
    if minute > 59 or sec > 60 or hour > 24 or (hour == 24 and (minute or sec or micro)):
        raise _Bad(f"impossible time {_shown(h_s, mi_s, s_s, ap)}")
    if sec == 60:  # leap second: keep the instant valid
        sec = 59
        micro = 999999
    if hour == 24:
        hour, extra = 0, 1
    return hour, minute, sec, micro, ("second" if s_s else "minute"), extra


def _shown(h: str | None, mi: str | None, s: str | None, ap: str | None) -> str:
    return f"{h}" + (":" + mi if mi else "") + (":" + s if s else "") + (" " + ap if ap else "")


def _match_zone(g: _Groups, p: str) -> tuple[dt.tzinfo | None, bool]:
    """(zone, whether zone text was written) of prefix ``p``."""
    tz, word = _zone_written(*_ZONE_GET[p](g))
    return tz, word is not None


def _zone_written(
    z: str | None, off: str | None, zp: str | None, zw: str | None, zu: str | None = None
) -> tuple[dt.tzinfo | None, str | None]:
    """(zone, the text written for it) of a time's zone groups (:func:`_zone_re`); the zone is
    None for an unknown name, and both are None when none was written."""
    if z:
        return UTC, z
    word = off or zp or zw or zu
    if word == "local" and _LOCAL_ZONE.get() is None:
        return None, None  # ('17:00 local' in a log that says nothing of local time: its own zone)
    if word:
        return _zone_word(word.replace("\u2212", "-")), word
    return None, None


_DATE_GET = {p: _getter(p, "y m d mn md my dd dm dy ey em ed esep") for p in ("a", "c")}
_I_AEM, _I_AEY, _I_AEYS = (_FULL.groupindex[n] for n in ("aem", "aey", "aeys"))
_TIME_GET = {p: _getter(p, "h mi hm s f ap bap") for p in ("a", "ae", "b", "be", "s", "se")}
_ZONE_GET = {p: _getter(p, "z off zp zw zu") for p in ("a", "ae", "b", "be", "s", "se")}
_SLASH_GET = operator.itemgetter(*(_FULL.groupindex[n] - 1 for n in ("sl1", "sl2", "sly")))
_SLASH_NEAR_DAYS = 62  # a year-less slash date farther than this from the section date is no date


_US_ZONE_WORDS = frozenset(
    ("ET", "EST", "EDT", "CT", "CST", "CDT", "MT", "MST", "MDT", "PT", "PST", "PDT", "AKST", "AKDT",
     "HST", "Eastern", "Central", "Mountain", "Pacific")
)
_SLASH_US = operator.itemgetter(*(_FULL.groupindex[n] - 1 for n in ("sap", "sbap", "szw", "szp")))
_CON_SLASH = operator.itemgetter(*(_FULL.groupindex[n] - 1 for n in ("cs1", "cs2", "csy")))
_CON_US = operator.itemgetter(
    *(_FULL.groupindex[n] - 1 for n in ("bap", "bbap", "beap", "bebap", "bzw", "bzp"))
)


def _con_date(g: _Groups, day: dt.date | None) -> dt.date | None:
    """The date written after a time ('17:00 on Oct 14', '17:00 on 14/10/2025': a slash date read as
    :func:`_slash_reading` reads it, month first with no other clue when a 12-hour clock or a US zone
    is written); None when there is none. Raises _Bad."""
    a_s, b_s, y_s = _CON_SLASH(g)
    if a_s is None:
        return _match_date(g, "c", day)
    *meridiems, zw, zp = _CON_US(g)
    us = any(ap is not None for ap in meridiems) or (zw or zp) in _US_ZONE_WORDS
    return _slash_reading(a_s, b_s, y_s, day, us)


def _slash_date(g: _Groups, day: dt.date | None) -> dt.date | None:
    """The date of the ``sl`` mention's slash date (:func:`_slash_reading`); with no ``day`` to
    decide, a 12-hour clock or a US zone after it ('10/09/2025 02:14:07 AM') reads it month first."""
    ap, bap, zw, zp = _SLASH_US(g)
    us = ap is not None or bap is not None or (zw or zp) in _US_ZONE_WORDS
    return _slash_reading(*_SLASH_GET(g), day, us)


# How the document being read writes slash dates that read both ways ('3/11/2025'): 'dmy' (day
# first), 'mdy' (month first) or None (unknown); set by :func:`slash_order` for one document.
_SLASH_ORDER: contextvars.ContextVar[str | None] = contextvars.ContextVar("slash_order", default=None)
SLASH_ORDERS = ("dmy", "mdy")


@contextlib.contextmanager
def slash_order(order: str | None) -> Iterator[None]:
    """Within it, a slash date that reads both ways is read in ``order`` ('dmy': day first, 'mdy':
    month first; None: nearest the day it is read against, else month first before a 12-hour clock
    or a US zone, else an 'ambiguous date' problem). The log reader sets it per document
    (:func:`slash_order_of`)."""
    if order not in (None, *SLASH_ORDERS):
        raise ValueError(f"slash date order must be one of {SLASH_ORDERS} or None, not {order!r}")
    token = _SLASH_ORDER.set(order)
    try:
        yield
    finally:
        _SLASH_ORDER.reset(token)


# the '/MM/YYYY' of a full slash date, then the number that ends right before it (a pattern that
# opens with a literal is scanned for in C, one that opens with a digit class is tried at every digit)
_FULL_SLASH = re.compile(r"/(\d{1,2})/(?:\d{4}|\d{2})(?![\d/])")
_SLASH_FIRST = re.compile(r"(?<![\d/.])\d{1,2}\Z")
# the zones of the US zone words, and the US zones no word names
_US_ZONE_KEYS = frozenset({_ZONE_TABLE[w.upper()] for w in _US_ZONE_WORDS}) | {
    "America/Phoenix", "America/Detroit", "America/Boise", "America/Juneau",
}
_DAY_FIRST_ZONES = ("Europe/", "Australia/", "Africa/", "America/Argentina/")
_DAY_FIRST_KEYS = frozenset((
    "Pacific/Auckland", "Asia/Kolkata", "Asia/Calcutta", "Asia/Singapore", "Asia/Dubai",
    "America/Sao_Paulo", "America/Mexico_City", "America/Bogota", "America/Lima", "America/Santiago",
))


# a document's sentence that says how it writes dates: 'Dates are day first.', 'Dates are DD/MM.', 'All dates
# DD/MM/YYYY', 'Date format: MM/DD/YY', 'dates written month-first' (:func:`declared_slash_order`); the
# order word right after the date word and a few words of a short sentence, never across one's end
_ORDER_SAID = re.compile(
    r"(?i:\bdates?(?:[ \t]+(?:format|are|is|in|written|given|shown|use|as|all|here|below|always))*"
    r"[ \t]*[:=\-\u2013\u2014]?[ \t]*[`*_(]*"
    r"(?:(?P<d>day[ \t-]first|dd?/mm?(?:/yy(?:yy)?)?)|(?P<m>month[ \t-]first|mm?/dd?(?:/yy(?:yy)?)?))"
    r"(?![\w/]))"
)


def declared_slash_order(text: str) -> str | None:
    """The slash-date order a document declares in prose ('Dates are day first.', 'Dates are DD/MM.',
    'Date format: MM/DD/YYYY': :data:`_ORDER_SAID`), 'dmy' or 'mdy'; None when it declares none or
    both. A substring test first, then one scan."""
    low = lowered_doc(text)
    if "date" not in low or not ("first" in low or "dd" in low or "d/m" in low or "m/d" in low):
        return None
    said = {"dmy" if m.group("d") else "mdy" for m in _ORDER_SAID.finditer(text)}
    return said.pop() if len(said) == 1 else None


def slash_order_of(text: str, zone: str | None = None) -> str | None:
    """How a document writes slash dates: as it says in prose ('Dates are day first.', 'Dates are
    DD/MM.': :func:`declared_slash_order`); else as its full dates that read one way only do
    ('13/10/2025' is day first, '10/13/2025' month first), when they all agree; else as is the
    custom where its zone ``zone`` (an IANA key) is (US zones month first; Europe, Australia, New
    Zealand, India, Africa and most of Latin America day first); else None."""
    said = declared_slash_order(text)
    if said is not None:
        return said
    days = months = False
    if "/" in text:
        for m in _FULL_SLASH.finditer(text):
            i = m.start()
            first = _SLASH_FIRST.search(text, max(0, i - 2), i)
            if first is None:
                continue  # (no number before, or one of three digits, a path or a version)
            a, b = int(first.group()), int(m.group(1))
            days |= 12 < a <= 31 and 1 <= b <= 12
            months |= 12 < b <= 31 and 1 <= a <= 12
    if days != months:
        return "dmy" if days else "mdy"
    if days or not zone:
        return None  # (both orders written: each date must say for itself)
    if zone in _US_ZONE_KEYS or zone.startswith(("America/Indiana/", "America/Kentucky/")):
        return "mdy"
    if zone.startswith(_DAY_FIRST_ZONES) or zone in _DAY_FIRST_KEYS:
        return "dmy"
    return None


def _slash_reading(
    a_s: str, b_s: str, y_s: str | None, day: dt.date | None, us: bool = False
) -> dt.date | None:
    """The date a slash date ('10/13', '13/10/2025') means: month first or day first, whichever is
    a real date; when both are, the document's order (:func:`slash_order`), else the one nearest
    ``day``, else month first when ``us`` (an ambiguous one with neither raises _Bad). None when a
    year-less one is far from ``day`` (then it was no date: '1/2 09:00')."""
    a, b = int(a_s), int(b_s)
    shown = f"{a_s}/{b_s}" + (f"/{y_s}" if y_s else "")
    options: list[dt.date] = []
    for month, dom in dict.fromkeys(((a, b), (b, a))):
        year = (2000 + int(y_s) if len(y_s) == 2 else int(y_s)) if y_s else _year_near(month, dom, day)
        if year is None:
            continue
        try:
            options.append(dt.date(year, month, dom))
        except ValueError:
            continue
    if not options:
        if day is None and not y_s:
            raise _Bad(f"date without a year {shown}")
        raise _Bad(f"impossible date {shown}")
    if len(options) == 1:
        found = options[0]
    elif (order := _SLASH_ORDER.get()) is not None:
        found = options[0] if order == "mdy" else options[1]  # (options: month first, then day first)
    elif day is None:
        if not us:
            raise _Bad(f"ambiguous date {shown}")
        found = options[0]  # (month first: the order tried first)
    else:
        found = min(options, key=lambda d: (abs((d - day).days), d))
    if not y_s and day is not None and abs((found - day).days) > _SLASH_NEAR_DAYS:
        return None
    return found


_FAST_GROUPS = tuple(
    _FULL.groupindex[n]
    for n in ("be_", "con", "bh", "bmi", "bhm", "bs", "bap", "bbap", "bz", "boff", "bzp", "bzw", "bzu")
)
_I_AT, _I_AE, _I_BE, _I_SE = (_FULL.groupindex[n] - 1 for n in ("at_", "ae_", "be_", "se_"))


def _instant(date: dt.date, parts: tuple[int, int, int, int, str, int], tz: dt.tzinfo) -> dt.datetime:
    hour, minute, sec, micro, _, extra = parts
    local = dt.datetime(date.year, date.month, date.day, hour, minute, sec, micro, tzinfo=tz)
    if extra:
        local += dt.timedelta(days=extra)
    return _utc(local)


def _second_wall(at: dt.datetime, tz: dt.tzinfo) -> dt.datetime | None:
    """The later instant with ``at``'s wall time in ``tz`` when ``at`` is the first of the hour the
    clocks go back (01:15 EDT -> 01:15 EST, an hour on); else None."""
    if not isinstance(tz, ZoneInfo):
        return None
    local = at.astimezone(tz)
    if local.fold:
        return None
    other = local.replace(fold=1)
    if other.utcoffset() == local.utcoffset():
        return None
    return other.astimezone(UTC)


def _midnight(date: dt.date) -> dt.datetime:
    return dt.datetime(date.year, date.month, date.day, tzinfo=UTC)


@dataclass
class _Cand:
    """A mention being built; resolved into a TimeMention at the end."""

    start: int
    end: int
    kind: str  # 'time' | 'date' | 'rel' | 'unk' | 'stamp'
    date: dt.date | None = None
    time: tuple[int, int, int, int, str, int] | None = None
    until: tuple[int, int, int, int, str, int] | None = None
    tz: dt.tzinfo | None = None
    rel: int = 0
    has_rel: bool = False
    bday: bool = False  # rel is the next business day's ('next business day'): :func:`_rel_days`
    wd: int = -1  # a weekday named next to the time (0 Monday), resolved against the base date
    week: int = -1  # with wd: 0 'this Friday' (the base date's week), 1 'next Friday'; -1 neither
    ahead: bool = False  # the text speaks of the future ('scheduled Friday 2pm'): weekday looks ahead
    wd_at: tuple[int, int] = (-1, -1)  # with wd: where that weekday is written (see _day_missed)
    abbr: bool = False  # a weekday written short ('Fri'): it names a time's day only right next to it
    of_date: bool = False  # a weekday written before a date ('Friday, Oct 10'): that date's, no one else's
    nearest: bool = False  # with wd: a meeting's slot ('Go/no-go meeting Wed 16:00'): the nearest such day
    tight: bool = False  # 'prev. evening': the day of a time only right next to it ('23:10 (prev. evening)')
    # a zone written in brackets after the time's abbreviation ('14:00 CST (UTC+8)'): (the abbreviation,
    # the zone in brackets), which wins (:func:`_explained_zone`)
    explain: tuple[str, dt.tzinfo] | None = None
    problem: str | None = None
    keyword: str | None = None
    at: dt.datetime | None = None
    used: bool = False


_REL_OFFSET = {
    "yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1,
    # (_REL_SHORT: 'tmrw', 'yday'...)
    "tmrw": 1, "tmr": 1, "2moro": 1, "ystd": -1, "yday": -1, "yest": -1,
}
_OF_MONTH = re.compile(r"\s+(?i:of|in)\s+(?:the\s+)?(?i:month|" + _MON + r")")
_WHICH_WEEK = {"this": 0, "next": 1, "last": -2}  # ('last Friday': -2, the one before the day)
_WD_INDEX = {w[:3]: k for k, w in enumerate(_WEEKDAYS)}


def _build(m: re.Match[str], day: dt.date | None, kind: str) -> _Cand:
    start, end = m.span()
    if kind == "mil":
        offset = m.group("milo")
        # '0930 hrs' is in the document's zone, '1530 hrs IST' in India's; '0930Z', '0930 UTC+2' in theirs
        if m.group("milhrs"):
            tz = _zone_word(m.group("milz")) if m.group("milz") else None
        else:
            tz = zone_named("UTC" + offset.replace("\u2212", "-")) if offset else UTC  # ('UTC+5.30')
        cand = _Cand(start, end, "time", tz=tz)
        cand.time = (int(m.group("milh")), int(m.group("milm")), 0, 0, "minute", 0)
        if cand.tz is None and offset:
            cand.problem = f"unknown time zone UTC{offset}"
        return cand
    g = m.groups()
    if kind == "sl":
        cand = _Cand(start, end, "time")
        p1, p2 = "s", "se"
        until_written = g[_I_SE] is not None
        try:
            cand.date = _slash_date(g, day)
        except _Bad as bad:
            cand.problem = str(bad)
    elif kind == "dt":
        cand = _Cand(start, end, "date")
        try:
            cand.date = _match_date(g, "a", day)
        except _Bad as bad:
            cand.problem = str(bad)
        if g[_I_AT] is not None:
            cand.kind = "time"
            p1, p2 = "a", "ae"
            until_written = g[_I_AE] is not None
        else:
            return cand
    else:
        cand = _Cand(start, end, "time")
        p1, p2 = "b", "be"
        until_written = g[_I_BE] is not None
        try:
            cand.date = _con_date(g, day)
        except _Bad as bad:
            cand.problem = str(bad)
    (z1, w1), (z2, w2) = _match_zone(g, p1), _match_zone(g, p2)
    cand.tz = z1 or z2
    try:
        cand.time = _match_time(g, p1)
        if until_written:
            cand.until = _match_time(g, p2)
            t1, t2 = _TIME_GET[p1](g), _TIME_GET[p2](g)
            # '2-4pm', '2:00 - 3:30 PM': a start without its own takes the end's meridiem
            if not (t1[5] or t1[6]) and (t2[5] or t2[6]):
                cand.time = _meridiem_of_end(cand.time, cand.until, (t2[5] or t2[6])[0].lower())
    except _Bad as bad:
        cand.problem = cand.problem or str(bad)
    if (w1 and z1 is None) or (w2 and z2 is None):
        # 'Europe/Berln', 'UTC+25': guessing a zone would give a wrong instant
        word = next(w for w in _ZONE_GET[p1 if w1 and z1 is None else p2](g) if w)
        cand.problem = cand.problem or (
            "unknown local zone LT (the log does not say what local time is)" if word == "LT"
            else f"unknown time zone {word}")
    return cand


# A zone in brackets right after a time's zone abbreviation says which one is meant: '14:00 CST (China
# Standard Time)', '14:00 CST (UTC+8)', 'IST (UTC+5:30)'. The bracket wins; an abbreviation it does not
# fit ('EST (UTC+8)') is read in the bracket's zone with a note (TimeMention.zone_note).
_EXPLAINED = re.compile(
    r"\s{0,2}\(\s?(?P<x>(?:UTC|GMT)\s?[+\-\u2212]\s?\d{1,2}(?::?\d{2}|\.\d{2}(?!\.?\d))?"
    r"|[+\-\u2212]\d{2}:?\d{2}|[A-Z][a-z\u00e0-\u00ff]+(?:\s+[A-Z][a-z]+){0,3}\s+Time"
    r"|[A-Z][a-z]+/[A-Za-z_]+(?:/[A-Za-z_]+)?)\s?\)"
)
# The other zones an abbreviation names besides _ZONE_TABLE's (CST is China's too, IST Ireland's and
# Israel's, BST Bangladesh's): the one whose offset the bracket writes is meant.
_ABBREV_ALSO: dict[str, tuple[str, ...]] = {
    "CST": ("Asia/Shanghai", "Asia/Taipei", "America/Havana"), "CDT": ("America/Havana",),
    "IST": ("Europe/Dublin", "Asia/Jerusalem"), "BST": ("Asia/Dhaka",), "GST": ("Atlantic/South_Georgia",),
    "MST": ("America/Phoenix",), "AST": ("America/Halifax", "Asia/Riyadh"), "ADT": ("America/Halifax",),
    "ECT": ("America/Guayaquil",), "PST": ("Asia/Manila",), "SST": ("Asia/Singapore", "Pacific/Pago_Pago"),
}
_ZONE_PREFIXES = {"tm": ("b", "be"), "dt": ("a", "ae"), "sl": ("s", "se")}


def _explanation(text: str, e: int, b: int) -> re.Match[str] | None:
    """The bracketed zone right after a match ending at ``e`` ('14:00 CST (UTC+8)'), if any; the caller
    checks the match wrote a zone word. Gated on a '(' within three characters (no regex otherwise)."""
    if text.find("(", e, e + 3 if e + 3 < b else b) < 0:
        return None
    x = _EXPLAINED.match(text, e, b)
    return x if x is not None and zone_named(x.group("x").replace("\u2212", "-")) is not None else None


def _explain(c: _Cand, m: re.Match[str], kind: str, x: re.Match[str]) -> bool:
    """Record on ``c`` the bracketed zone ``x`` after the zone word its match ``m`` ends with (the scan
    goes on after the bracket); False (nothing done) when no zone word was written last."""
    g = m.groups()
    for p in reversed(_ZONE_PREFIXES[kind]):
        z, off, zp, zw, zu = _ZONE_GET[p](g)
        if z or off or zp:
            return False  # ('14:00Z (UTC)': an offset or bracket already says it)
        word = zw or zu
        if word is None:
            continue
        if not word.replace(" ", "").isalpha() or zone_named(word) is UTC:
            return False  # ('14:00 UTC+8 (GMT+8)', '14:00 UTC (GMT+1)': no abbreviation to explain)
        tz = zone_named(x.group("x").replace("\u2212", "-"))
        assert tz is not None  # (_explanation checked it)
        c.explain = (word, tz)  # (the mention stays as it was written up to the zone: '09:00 IST')
        if c.problem is not None and c.problem.startswith("unknown time zone"):
            c.problem = None  # ('17:00 XDT (UTC-3)': the bracket says what it is)
        return True
    return False


def _explained_zone(
    word: str, written: dt.tzinfo | None, tz: dt.tzinfo, wall: dt.datetime
) -> tuple[dt.tzinfo, dt.tzinfo, str | None]:
    """(the zone to read ``wall`` in, the zone to name, a note when they disagree) for abbreviation
    ``word`` (read as ``written``) with ``tz`` in brackets after it. A named zone in brackets is meant
    as written; an offset picks the zone of the abbreviation that has it that day (CST at UTC+8:
    Asia/Shanghai, so the label names the place; not in a repeated hour, where the offset alone is
    exact), else the offset itself, with a note."""
    abbr = " ".join(word.split()).upper()
    also = _ABBREV_ALSO.get(abbr, ())
    if isinstance(tz, ZoneInfo):
        fits = written is None or getattr(written, "key", None) == tz.key or tz.key in also or (
            wall.replace(tzinfo=tz).tzname() == abbr
            or wall.replace(tzinfo=tz).utcoffset() == wall.replace(tzinfo=written).utcoffset())
        return tz, tz, None if fits else _disagrees(word, tz, wall)
    want = tz.utcoffset(None)
    for z in ((written,) if written is not None else ()) + tuple(ZoneInfo(k) for k in also):
        first, second = wall.replace(tzinfo=z, fold=0).utcoffset(), wall.replace(tzinfo=z, fold=1).utcoffset()
        if want in (first, second):
            return tz, (z if first == second else tz), None
    return tz, tz, None if written is None else _disagrees(word, tz, wall)


def _disagrees(word: str, tz: dt.tzinfo, wall: dt.datetime) -> str:
    return (f"zone {word} disagrees with the zone in brackets after it ({_zone_label(tz)}): read as "
            f"{wall.strftime('%H:%M')} {_zone_label(tz)}")


def _meridiem_of_end(
    start: tuple[int, int, int, int, str, int], end: tuple[int, int, int, int, str, int], ap: str
) -> tuple[int, int, int, int, str, int]:
    """The start of '2-4pm' (14:00), '11-1pm' (11:00), '11-1am' (23:00): the end's meridiem when
    that keeps the start at or before the end, else the other one. A start past 12 is left as is."""
    if start[0] > 12:
        return start
    h = start[0] % 12
    end_min = end[0] * 60 + end[1]
    if ap == "p" or ap == "n":
        hour = h + 12 if (h + 12) * 60 <= end_min else h
    else:
        hour = h if h * 60 <= end_min else h + 12
    return (hour, *start[1:])


def _stamp_cand(m: re.Match[str]) -> _Cand | None:
    at = _stamp_at(m)
    if at is None:
        return None
    cand = _Cand(m.start(), m.end(), "stamp")
    cand.at = at
    cand.tz = UTC
    cand.time = (0, 0, 0, 0, "second" if (m.group("s") or m.group("s2")) else "minute", 0)
    return cand


def _excluded_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    if "`" in text:
        spans = [m.span() for m in _CODE.finditer(text)]
    if "://" in text:
        spans += [m.span() for m in _URL.finditer(text)]
    if len(spans) > 1:
        spans.sort()
        merged = [spans[0]]
        for s, e in spans[1:]:  # (a URL inside a code span: one excluded stretch)
            if s < merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], e))
            else:
                merged.append((s, e))
        spans = merged
    return spans


def _inside(pos: int, spans: list[tuple[int, int]]) -> int:
    """End of the excluded span holding ``pos``, else -1 (``spans`` sorted and disjoint)."""
    k = bisect.bisect_right(spans, (pos, _NO_END)) - 1
    if k >= 0 and spans[k][0] <= pos < spans[k][1]:
        return spans[k][1]
    return -1


_NO_END = 1 << 62


def _in_code(text: str, pos: int) -> bool:
    """Whether ``pos`` is inside a backtick code span (same pairing as ``_CODE``): an odd number of
    backticks before it on its line, and a closing one after it on the line. str.count is C-fast."""
    line_start = text.rfind("\n", 0, pos) + 1
    if not text.count("`", line_start, pos) % 2:
        return False
    close = text.find("`", pos)
    if close < 0:
        return False
    nl = text.find("\n", pos, close)
    return nl < 0


_REL_REACH = 80  # characters between a time and the relative day or weekday it takes


_NOW_GAP = re.compile(r"\s*[,;]?\s*(?i:now)\s+")
# The verbs of a deadline's move, one list: what it moved from (:data:`_MOVED_FROM`, :data:`_WAS_GAP`:
# also 'changed from') and what it moved to (:data:`_MOVE_WORD`: also 'slips', 'deferred', 'extended';
# not 'changed to', which is as often a state: 'status changed to P1')
_MOVE_VERBS = "slipped|moved|pushed|shifted|delayed|postponed|rescheduled|bumped"
_MOVED_FROM_VERBS = _MOVE_VERBS + "|changed"
_MOVED_TO_VERBS = _MOVE_VERBS + "|slips|deferred|extended"
# a keyword's move told right after it ('Cut-off extended to 18:00', 'Window moved to 19:00')
_MOVED_NEXT = re.compile(
    r"\s*(?:(?i:was|is|has\s+been|got|been)\s+)?(?i:" + _MOVED_TO_VERBS + r")(?:\s+(?i:out|back|again))?"
    r"\s+(?i:to|until|till)\b"
)
# a move's verb right before 'until' ('postponed until', 'pushed back till'): what moved is read before it
_VERB_BEFORE_UNTIL = re.compile(r"\b(?i:" + _MOVED_TO_VERBS + r")(?:\s+(?i:out|back|again))?\s+$")
_MOVED_FROM = re.compile(
    r"(?i:" + _MOVED_FROM_VERBS + ")"
    r"(?:\s+(?i:the\s+)?(?i:eta|deadline|due\s+date|target|window|it))?\s+(?i:from)\s+"
    r"(?:(?:" + _WEEKDAY_ALT + "|" + _WD_ABBR_LOW + r")\.?,?\s+)?$",
    re.IGNORECASE,
)
_NIGHT_NEXT = re.compile(r"\s+(?i:night|evening|eve)\b")
_GAP_WORD = re.compile(r"[^\s()\[\]]+")
# a clock time between a time and a weekday after it, and what a list of times is made of besides
_GAP_CLOCK = re.compile(r"\d{1,2}:\d{2}")
_LIST_OF_TIMES = re.compile(
    r"(?:\s|,|&|/|(?i:and|or|at|on)\b|\d{1,2}:\d{2}(?::\d{2})?|(?i:[ap]\.?m\.?)|[A-Z]{1,5}\b|[+-]\d{2}:?\d{2})*"
)
# a time right after a relative day or weekday: 'tomorrow 17:00', 'Friday at 9am'
_TIME_NEXT = re.compile(r"[ \t]*(?:(?i:at)[ \t]+|@[ \t]*|,[ \t]*)?\d{1,2}(?::\d{2}|[ \t]?(?i:[ap]\.?m)\b)")


def _near_rel(text: str, cand: _Cand, rels: list[_Cand], opens: bool = False) -> _Cand | None:
    """The relative day or weekday of ``rels`` that dates ``cand``, if any. ``opens``: ``cand`` opens
    the text, its stamp, which only a day word attached to it dates (:func:`_day_detached`)."""
    best: _Cand | None = None
    best_words = 99
    # rels are in text order: only those within reach are looked at (a huge item stays linear)
    lo = bisect.bisect_left(rels, cand.start - _REL_REACH - 16, key=_cand_start)
    hi = bisect.bisect_right(rels, cand.end + _REL_REACH, key=_cand_start)
    for r in rels[lo:hi]:
        if r.of_date:
            continue
        listed = False  # (a list of times before the weekday: '09:00 and 17:00 UTC Friday')
        if r.end <= cand.start:
            if cand.start - r.end > _REL_REACH:
                continue
            gap = text[r.end:cand.start]
            if r.rel < 0 and r.wd < 0 and "," in gap and (
                _own_clause(text, r.end + gap.rindex(","), cand.start)
            ):
                continue  # ('OPS-310 blocked yesterday, ETA 17:00': the ETA is today's; 'resolved 04:05' too)
            if r.tight and _AT_GAP.fullmatch(gap):
                best = r  # ('last night at 23:10', 'prev. evening ~23:10': right next to it)
                break
        elif r.start >= cand.end:
            gap = text[cand.end:r.start]
            # (every later weekday's gap holds this one, rels being in text order: a clause break or as
            # many words as the best one's rule out all of them, and the checks below are not paid for
            # each; the same outcome, linear in the weekdays within reach either way)
            if len(gap) > _REL_REACH or _CLAUSE_BREAK.search(gap):
                break
            words = len(_GAP_WORD.findall(gap))
            if words >= best_words:
                break
            if _TIME_NEXT.match(text, r.end):
                continue  # ('14:59 ETA for RCA: tomorrow 17:00': that day is the time's after it)
            if cand.until is not None and cand.time is not None and cand.until[:2] < cand.time[:2] and (
                r.rel == 1 and r.wd < 0 and not _NIGHT_NEXT.match(text, r.end)
            ):
                continue  # ('22:00 - 06:00 tomorrow': the end's day, which the end reaches anyway)
            if text[r.end:r.end + 2] in ("'s", "\u2019s"):
                continue  # ('08:25 yesterday's backup failed': a thing of that day, not the time's day)
            # (a move or an arrow between: the weekday is where it moved to)
            if _may_move(gap) and _MOVED_TO.search(gap):
                continue  # ('ETA 17:00 missed, pushed to Friday': Friday is the new day, 17:00 stays today's)
            if r.wd >= 0 and _done_on(text, r.start):
                continue  # ('ETA 15:00 UTC, fixed on Monday': Monday is the fix's day, 15:00 stays today's)
            if _GAP_CLOCK.search(gap):
                listed = _LIST_OF_TIMES.fullmatch(gap) is not None
                if not listed:
                    continue  # ('16:00 OPS-1 ETA 17:00 UTC Friday': the weekday is the later time's)
            if _keyword_in_gap(text, cand.end, r.start) and not _own_keyword_day(text, cand, r):
                continue  # ('08:02 OPS-3 ETA tomorrow': the day is the keyword's, a deadline of its own)
            if not listed and _day_detached(text, cand, r, gap, opens):
                continue  # ('16:05 OPS-5 will deploy tomorrow', '22:00: PAY-7 opened: Monday payout batch')
            if r.wd < 0 and "," in gap and _own_clause(text, cand.end + gap.rindex(","), r.start):
                continue  # ('deployed at 10:00 UTC, users notified yesterday': the day is the notice's)
        else:
            continue
        if r.end <= cand.start:
            if len(gap) > _REL_REACH or _CLAUSE_BREAK.search(gap):
                continue
            words = len(_GAP_WORD.findall(gap))  # (a bracket is no word: 'Thu EOD (18:00 ET)')
        if words and r.tight:
            continue  # ('23:10 paged, as the previous evening's runbook says': no day of 23:10's)
        if words and r.wd >= 0 and r.start >= cand.end and cand.keyword is None and (
            _keyword_next(text, r.end)
        ):
            continue  # ('16:44 UTC NET-9 Tue ETA missed': the day is the ETA's, not the item's time's)
        if (words <= (1 if r.abbr else 4) or listed or words <= 4 and r.abbr and r.end <= cand.start and (
            _abbr_run_opens(text, r)
        )) and words < best_words:  # (a list shares its day)
            best, best_words = r, words
    return best


# a thing a weekday's short form names that runs on that day ('Sun run', 'Sat batch', 'Mon backup'): the
# short form opening a clause before it is that day, a few words from the time ('Sun run may miss 07:00 IST
# freshness'), as a long form is (not 'Sat with the DB team 14:00', 'Sun Life call 14:00': no such noun)
_ABBR_RUN_NEXT = re.compile(
    r"[ \t]+(?:runs?|jobs?|batch(?:es)?|backups?|loads?|exports?|imports?|reports?|syncs?|builds?|refresh"
    r"|cron|etl|payroll|payouts?|window|maintenance|freeze|cutover|rollout|release|deploy|patch(?:ing)?"
    r"|shift|on-?call)\b"
)


def _abbr_run_opens(text: str, r: _Cand) -> bool:
    """Whether the short weekday ``r`` ('Sun') is written capitalized, opening its item or clause (after
    ';', ':', a sentence's '.' or a dash), and names a thing run that day (:data:`_ABBR_RUN_NEXT`)."""
    if not text[r.start].isupper() or _ABBR_RUN_NEXT.match(text, r.end) is None:
        return False
    before = text[max(0, r.start - 8):r.start].rstrip()
    return not before or before[-1] in ";:.|\u2014\u2013-"


# what may stand between a time and a weekday or relative day after it that is attached to it: '22:00 Mon',
# '17:00 ART on Friday', '09:00 UTC, Fri', '23:10 (prev. evening)', '[16:05] tomorrow:'
_DAY_ATTACHED_GAP = re.compile(r"[\s,()\[\]]*(?:(?i:on)\s*)?")
# a lower-case word after a weekday that is a noun it qualifies ('Monday payout batch', 'the Tuesday
# report'), not a part of the day or a word that leads on ('Friday morning', 'Friday at', 'Friday if')
_WD_NOUN_NEXT = re.compile(
    r"[ \t]+(?!(?:morning|afternoon|evening|night|noon|midnight|eod|eob|cob|at|on|by|before|after|around"
    r"|about|until|till|through|to|from|and|or|if|as|when|unless|with|then|the|next|this|week|latest)\b)"
    r"[a-z][a-z-]*\b"
)


# what may stand between a day word and the time right after it that it dates though tight ('last night at
# 23:10', 'prev. evening ~23:10')
_AT_WORD = r"(?:(?i:at|around|about)[ \t]+|[~@\u2248][ \t]*)"
_AT_GAP = re.compile(r"[ \t]*" + _AT_WORD + "?")
# a past day word right before a time, what _AT_GAP allows between ('resolved yesterday at 17:30', 'last night
# 23:10 paged'; searched on the text up to the time), or right after it ('paged at 23:10 yesterday'): the day
# word of a step told with its time (:func:`occ_lib.logs._step_day`)
_PAST_DAY = (
    r"(?<![\w\-])(?:(?i:yesterday|" + _NIGHT_BEFORE + r")|" + _REL_SHORT_PAST + r")"
    r"(?![\w\-])(?:\s+(?i:morning|afternoon|evening|night)\b)?"
)
PAST_DAY_BEFORE = re.compile(_PAST_DAY + r"[ \t]*,?" + _AT_GAP.pattern + "$")
PAST_DAY_AFTER = re.compile(r"[ \t]+" + _PAST_DAY)
AT_BEFORE = re.compile(r"(?<![\w-])" + _AT_WORD + "$")  # (the 'at' of 'at 23:10 yesterday')
# a verb a clause tells its own step with ('resolved', 'paged', 'acked'): a day word of another clause does
# not date its time (:func:`_own_clause`)
# ('still waiting at 08:00'); an -ing word that is a noun or a preposition ('morning', 'during') or that
# spans the other clause's event ('maintenance yesterday, starting at 22:00') is none
_CLAUSE_VERB = re.compile(
    r"(?<![\w'\u2019-])(?i:[a-z]{2,}ed|ack(?:['\u2019]?d)?|done|sent"
    r"|(?!(?:morning|evening|during|nothing|something|anything|everything|thing|string|spring|ceiling|meeting"
    r"|briefing|warning|starting|beginning|ending|lasting|including|following|according)(?![\w-]))[a-z]{2,}ing)"
    r"(?![\w-])"
)


def _own_clause(text: str, comma: int, end: int) -> bool:
    """Whether the clause ``text[comma:end]`` after a comma has a step verb or deadline keyword of its own
    ('blocked yesterday, resolved 04:05', '..., ETA 17:00', 'deployed at 10:00 UTC, users notified
    yesterday'): a relative day word across that comma is the other clause's, not its time's."""
    return _CLAUSE_VERB.search(text, comma, end) is not None or _keyword_in_gap(text, comma, end)


def _day_detached(text: str, cand: _Cand, r: _Cand, gap: str, opens: bool) -> bool:
    """Whether the weekday or relative day ``r``, written after the time ``cand`` with ``gap`` between,
    is not that time's day though near it: more than a comma or 'on' between, and ``cand`` is the stamp
    that opens the text (when the item was written, not when what it tells happens: '22:00: PAY-7
    checked the Tuesday report', '16:05 OPS-5 will deploy tomorrow', '09:40 OPS-309 resolved
    yesterday'), or a weekday qualifies a noun ('at 22:00: Monday payout batch at risk'). Attached ones
    date it: '22:00 Mon', '16:05 UTC tomorrow', '17:00 on Friday', 'sync at 10:00 with infra on Friday'."""
    if _DAY_ATTACHED_GAP.fullmatch(gap):
        return False
    return (opens and cand.keyword is None) or r.wd >= 0 and _WD_NOUN_NEXT.match(text, r.end) is not None


def _keyword_next(text: str, end: int) -> bool:
    """Whether a deadline keyword is written right after ``text[:end]`` ('Tue ETA', 'Fri deadline'), in
    the same text."""
    after = _DEADLINE_AFTER.match(text, end, end + 32)
    return after is not None and after.group("kw1") is not None and "\n" not in text[end:after.end()]


def _keyword_in_gap(text: str, a: int, start: int) -> bool:
    """Whether a deadline keyword governs ``text[start:]`` from inside ``text[a:start]``."""
    lo = max(a, start - 40)
    low = text[lo:start].lower()
    if not _DL_HINT_BEFORE.search(low):
        return False
    before = _DEADLINE_BEFORE_REV.match(text[lo:start][::-1])
    return before is not None and start - before.end() >= a and not _reported_too_far(text, before, start)


def _own_keyword_day(text: str, cand: _Cand, r: _Cand) -> bool:
    """Whether the day word ``r`` is written right after the keyword that follows the time ``cand`` and is
    its own ('the 22:00 IPM cut-off tonight', 'the 17:00 deadline tomorrow'): one deadline, that time on
    that day, not the time today and the day a deadline of its own."""
    if cand.keyword is None:
        return False
    after = _DEADLINE_AFTER.match(text, cand.end, r.start)
    return after is not None and _KEYWORD_DAY_GAP.fullmatch(text, after.end(), r.start) is not None


# what may stand between a time's keyword after it and the day word that is that deadline's day ('the 17:00
# cutoff on Friday')
_KEYWORD_DAY_GAP = re.compile(r"[^\S\n]*(?:(?i:on)[^\S\n]+)?")


def _take_near_rel(
    text: str, c: _Cand, rels: list[_Cand], a: int, b: int, ahead: bool | str | None, opens: bool = False
) -> bool | str | None:
    """Give ``c`` the relative day or weekday near it (:func:`_near_rel`), if any; returns whether
    ``text[a:b]`` speaks of the future (True), of a meeting's slot (``'near'``, :data:`_SLOT`) or
    neither (False), found at the first weekday and passed back in after (a long text holds many
    weekdays: it is searched once). ``opens``: ``c`` is the time that opens the text."""
    r = _near_rel(text, c, rels, opens)
    if r is not None:
        r.used = True
        c.rel, c.has_rel, c.wd, c.week, c.bday = r.rel, True, r.wd, r.week, r.bday
        if r.wd >= 0:
            c.wd_at = (r.start, r.end)
            if ahead is None:
                ahead = True if _AHEAD.search(text, a, b) is not None or (
                    "ntil" in text or "till" in text) and _WAIT_UNTIL.search(text, a, b) is not None else (
                    "near" if _SLOT.search(text, a, b) is not None and not _told_done(text, a, b, r)
                    else False)
            c.ahead = ahead is True
            c.nearest = ahead == "near"
    return ahead


def find_times(
    text: str,
    *,
    day: dt.date | None,
    tz: dt.tzinfo | str | None = None,
    stamps: bool = False,
    year_near: dt.date | None = None,
    week: bool = False,
) -> list[TimeMention]:
    """Every time and date mention in ``text``, in text order, resolved to UTC.

    ``day`` is the date a time without its own date takes (the caller's section date); ``tz`` the
    zone of times written without one (a tzinfo or a name :func:`zone_named` knows; default UTC;
    an unknown name raises ValueError). ``stamps=True`` also returns file-name stamps.
    ``year_near`` (default ``day``) is the date whose nearest year a year-less date ('Oct 11') takes.
    ``week=True`` (the text is under a heading that names a week) reads a weekday written without
    'this' or 'next' as that day of ``day``'s week (Monday to Sunday), as 'this Thursday' is.
    The hour the clocks go back is read in text order as the log reader reads a section
    (:func:`second_in_order`: '01:50 ET paged, 01:10 ET resolved' is the second 01:10; the same wall
    time written twice is one moment). :func:`find_times_many` leaves that to its caller, which
    knows the order of the texts (the log reader: by section, newest first or not).
    """
    if not text or not isinstance(text, str):
        return []
    default_tz = UTC if tz is None else _coerce_tz(tz)
    if isinstance(day, dt.datetime):
        day = day.date()
    token = _OWN_ZONE.set(_own_zone(default_tz, day or year_near))
    try:
        out = _find_times(text, day, tz, default_tz, stamps, year_near, week)
    finally:
        _OWN_ZONE.reset(token)
    return _in_text_order(out, default_tz) if _may_repeat(out) else out


def _may_repeat(found: list[TimeMention]) -> bool:
    """A cheap gate before :func:`_in_text_order`: a time of day read in a month some zone's clocks go
    back in (October and November, March and April in the southern half)."""
    return any(m.at is not None and m.precision != "day" and m.at.month in (3, 4, 10, 11) for m in found)


def _in_text_order(found: list[TimeMention], default_tz: dt.tzinfo) -> list[TimeMention]:
    """``found`` read in text order through the hour the clocks go back, as the log reader reads a
    section's items (:func:`second_in_order`): 'paged 01:50 ET, resolved 01:10 ET' on 2025-11-02 is
    resolved at the second 01:10."""
    seen: dict[str, tuple[dt.datetime, int]] = {}
    return [second_in_order(m, (zone_named(m.zone) if m.zone else None) or default_tz, seen) for m in found]


def _find_times(
    text: str, day: dt.date | None, tz: dt.tzinfo | str | None, default_tz: dt.tzinfo, stamps: bool,
    year_near: dt.date | None, week: bool,
) -> list[TimeMention]:
    """:func:`find_times` once the text's own zone is set (:data:`_OWN_ZONE`)."""
    low: str | None = text.lower()
    rels: list[_Cand] | None = None
    if "day" in low or "onight" in low or "omorrow" in low or _REL_HINT.search(low) is not None or any(
        _short_weekday_at(text, m) for m in _ABBR_HINT.finditer(text)
    ):
        rels = _rel_cands(text) or None  # (today, yesterday and the weekdays, 'Fri')
        if rels and week:
            for r in rels:
                if r.wd >= 0 and r.week < 0:
                    r.week = 0
        if rels and day is not None and rels[0].rel and rels[0].wd < 0 and _opens_as_label(text, rels[0]):
            # a standup's 'Yesterday: merged PLAT-88 at 4:45 PM': the item is on that day, its
            # times too (the label is that day itself, and other relative words count from it)
            day = day + dt.timedelta(days=rels[0].rel)
            rels[0].rel = 0
    clock_words = "noon" in low or "midday" in low or "midnight" in low
    spoken = "past" in low or "quarter" in low or "ish" in low
    first_thing = "first" in low and "thing" in low
    eod = (
        "eod" in low or "eob" in low or "eow" in low or "eom" in low or "COB" in text or "end of" in low
        or "close of" in low  # ('by close of business')
        or "s week" in low or "t week" in low  # ('ETA next week', 'due this week': its end)
        or "s wk" in low or "t wk" in low
    )
    if len(low) != len(text):
        low = None  # a few characters lower-case to two; then the deadline gates are skipped
    ticks = "`" in text
    urls = _url_spans(text, 0, len(text)) if "://" in text else None
    out, base = _scan(text, low, 0, len(text), day, day if year_near is None else year_near,
                      default_tz, rels, ticks, urls)
    glued: set[int] = set()
    words = _clock_word_cands(text, out, rels, glued) if clock_words else None
    if glued:
        out = [m for i, m in enumerate(out) if i not in glued]
    if ("-" in text or "\u2013" in text) and (
        spans := _range_cands(text, out, rels, day if year_near is None else year_near)
    ):
        words = spans + (words or [])
        out = _not_inside(out, spans)
    if first_thing and (firsts := _first_thing_cands(text, out, rels)):
        words = firsts + (words or [])
    if spoken and (said := _spoken_cands(text, out, rels, glued2 := set())):
        words = said + (words or [])  # (and no digit read inside one: the '10pm' of 'half past 10pm')
        keep = {id(f) for f in _not_inside(out, said)}
        out = [f for i, f in enumerate(out) if i not in glued2 and id(f) in keep]
    if eod:
        ends = _eod_cands(text, out, rels, base)
        words = ends + (words or []) if ends else words
    if rels or stamps or "??" in text or "TB" in text or "x:x" in text or "X:X" in text or "print" in text:
        extra = _other_mentions(text, rels, stamps, out)
    else:
        extra = None  # what _other_mentions would find needs one of these
    hay = low or text.lower()  # (lowered once, not once per hint, when low was dropped)
    if _PROSE_HINT.search(hay) is not None and (prose := _prose_cands(text, out, base)):
        extra = prose + (extra or [])  # ('ETA in 3 days', 'by the 3rd', 'due mid-October')
    if words:
        extra = words + (extra or [])
    if extra:
        for c in extra:
            if c.kind != "stamp":
                c.keyword = _deadline(text, c.start, c.end, low) or c.keyword
            out.append(_resolve(text, c, base, default_tz))
        out.sort(key=_start_of)
    out = _joined(text, 0, out, base, default_tz)
    if base is None and (stamped := _stamped_day(text, out, year_near)) is not None:
        return find_times(text, day=stamped, tz=tz, stamps=stamps, year_near=year_near, week=week)
    return out


def _joined(
    text: str, a: int, found: list[TimeMention], base: dt.date | None, default_tz: dt.tzinfo
) -> list[TimeMention]:
    """``found`` with dates and the times after them joined (:func:`_join_date_times`) and lists
    and ranges sharing their zones (:func:`_share_zones`): the last step of reading a text."""
    if len(found) >= 2:
        found = _moved_deadlines(
            text, a, _share_zones(text, a, _join_date_times(text, a, found, base, default_tz), default_tz)
        )
    return _without_old_values(text, a, found)


# what opens an old value in brackets: 'pushed to next wk (was Oct 17)', '(previously 14:00)'
_OLD_VALUE_BEFORE = re.compile(r"\(\s*(?i:was|previously|originally|formerly|prev\.|orig\.)\s*[:=]?\s*@?$")


def _without_old_values(text: str, a: int, found: list[TimeMention]) -> list[TimeMention]:
    """``found`` without the old values written in brackets that no deadline before took as the one it
    replaced (:func:`_moved_deadlines`): 'pushed to next wk (was Oct 17)' says no time of the item."""
    old = [
        m for m in found
        if not m.is_deadline and text.find("(", max(a, a + m.start - 16), a + m.start) >= 0
        and _OLD_VALUE_BEFORE.search(text, max(a, a + m.start - 16), a + m.start) is not None
    ]
    return [m for m in found if m not in old] if old else found


# what leads from a deadline to the one it became: 'ETA 17:00 UTC → 19:00 UTC', 'ETA 17:00 UTC
# missed, pushed to 19:00 UTC' (the keyword's own patterns stop at the zone or the comma)
_MOVE_WORD = (
    # ('rescheduled: Oct 10 22:00': a colon is a 'to')
    # (what moved may be a pronoun between: 'we pushed it to Thursday 9pm', 'moved them to Friday')
    r"(?i:\b(?:" + _MOVED_TO_VERBS + r")(?:\s+(?:it|them))?(?:\s+(?:out|back|again))?"
    r"(?:\s+(?:to|until|till|for)|[ \t]*:))"
    r"(?:\s+(?i:the))?"
)
_MOVE_TAIL = (
    r"(?:\s+(?:(?i:today|tonight|tomorrow|tmrw|tmr|2moro|next|this|" + _WEEKDAY_ALT + "|" + _WD_ABBR_LOW
    + r")|Mo|Di|Mi|Do|Fr|Sa|So)\.?,?)*\s*@?$"
)  # (German weekdays as a change calendar writes them, capitalised: 'moved to Mo 13.10. 10:00')
_MOVED_TO = re.compile(
    r"(?:\u2192|-{1,2}>|=>|" + _MOVE_WORD + ")" + _MOVE_TAIL
)  # (Notion's '@': 'Fix ETA: @October 10, 2025 12:00 PM → @October 13, 2025 9:00 AM')
# a literal every match of _MOVED_TO holds, lower-cased (its arrows, '→' aside, and its verbs)
_MOVE_HINT = re.compile(">|slip|moved|pushed|shifted|delayed|postponed|bumped|rescheduled|deferred|extended")


def _may_move(gap: str) -> bool:
    """Whether ``gap`` may hold a :data:`_MOVED_TO` match: a cheap exact gate before that search, which
    tries its alternatives at every position (a text with other characters than ASCII is always searched,
    as :func:`_ascii_tail` says why)."""
    return not gap.isascii() or _MOVE_HINT.search(gap.lower()) is not None
# the same in words alone, no keyword before it: 'REL-901 slipped to Oct 22' (not an arrow: 'error rate
# 09:00 -> 11:00' moved nothing), :func:`moved_by_word`
_MOVED_BY_WORD = re.compile(_MOVE_WORD + _MOVE_TAIL)


def moved_by_word(text: str, start: int) -> bool:
    """Whether the mention at ``text[start:]`` is written as where something moved to, in words
    ('slipped to Oct 22', 'pushed to Friday', 'moved to Thu 10/16'; not 'moved to Done on Oct 9'),
    and what moved is no meeting (:func:`moved_to_by_word`)."""
    m = _moved_word(text, start)
    # (what moved is a meeting, not the ticket's work: 'OPS-5 standup moved to 10:00')
    return m is not None and _MEETING_MOVED.search(text, max(0, m.start() - 40), m.start()) is None


def moved_to_by_word(text: str, start: int) -> bool:
    """Whether the mention at ``text[start:]`` is written as where anything moved to, in words, with
    every verb of :data:`_MOVED_TO_VERBS` ('slipped to', 'pushed out to', 'rescheduled for', 'postponed
    until'; a meeting too: 'standup moved to 10:00'): a time the item moves something to, never the
    item's own time (:mod:`occ_lib.logs`)."""
    return _moved_word(text, start) is not None


def _moved_word(text: str, start: int) -> re.Match[str] | None:
    """The worded move that leads to the mention at ``text[start:]`` (:data:`_MOVED_BY_WORD`), if any."""
    lo = max(0, start - 48)
    near = text[lo:start].lower()  # (a cheap test first: most mentions have no move before them)
    if not ("to" in near or "for" in near or "til" in near or ":" in near):
        return None
    return _MOVED_BY_WORD.search(text, lo, start)


# a meeting as what a worded move moves ('standup moved to 10:00', 'the sync got pushed to Fri')
_MEETING_MOVED = re.compile(
    r"(?i:\b(?:stand-?ups?|meetings?|calls?|syncs?|sync-ups?|check-ins?|huddles?|retros?|retrospectives?"
    r"|demos?|reviews?|1:1s?|one-on-ones?|interviews?|trainings?|all-hands|town-?halls?|bridge\s+calls?"
    r"|workshops?|walkthroughs?|kick-?offs?|office\s+hours))(?:\s+(?i:was|is|has\s+been|got|been|also))*\s*$"
)


# what leads from a deadline to the one it replaced: 'due 2025-10-31 (was 2025-10-24)', 'ETA Oct 31
# (originally Oct 24)', 'ETA 13:00, previously 11:00', 'ETA 18:00 UTC (slipped from 16:00 UTC)'
_WAS_GAP = re.compile(
    r"\s*[(\[,]?\s*(?i:was|previously|originally|formerly|prev\.|orig\.|(?:" + _MOVED_FROM_VERBS
    + r")\s+from)\s*[:=]?\s*@?"
)
# what leads from the time a missed deadline was moved to, to the missed one: 'moved to Mon 10/13, missed
# Friday slot'
_THEN_MISSED = re.compile(
    r"\s*[,(]?\s*(?:(?i:and|but)\s+)?(?i:missed|blew|blown|overdue\s+since)\s+(?:(?i:the)\s+)?"
)


def _moved_deadlines(text: str, a: int, found: list[TimeMention]) -> list[TimeMention]:
    """``found`` with a mention that a deadline was moved to made a deadline with its keyword (``due``
    when the old one is written as missed: 'missed the 15:00 slot, pushed to 19:00'), and the one it
    replaced too ('due 2025-10-31 (was 2025-10-24)': an old deadline, not the item's time)."""
    out = found
    prev: TimeMention | None = None
    seen: list[TimeMention] = []  # (the deadlines so far: 'ETA 17:00, missed; moved from 17:00 to 19:00')
    moved = -1  # (the index of a mention made the deadline moved to by a repeated old one)
    for i, m in enumerate(found):
        if m.is_stamp:
            continue
        if i == moved:
            prev = out[i]
            seen.append(prev)
            continue
        if m.is_deadline:
            seen.append(m)
            if (
                m.keyword in _LOOKS_BACK and i and prev is None
                and _moved_before_missed(text, a, found[i - 1], m)
            ):
                out = list(found) if out is found else out
                out[i - 1] = dataclasses.replace(found[i - 1], is_deadline=True, keyword="due")
            prev = m
            continue
        if prev is not None and m.at is not None and m.start - prev.end <= 48:
            was = _WAS_GAP.fullmatch(text, a + prev.end, a + m.start) is not None  # (the old one)
            move = None if was else _MOVED_TO.search(text, a + prev.end, a + m.start)
            if was or move is not None and not _CLAUSE_END.search(text, a + prev.end, a + m.start) and (
                _OWN_MOVE_GAP.fullmatch(text, a + prev.end, move.start()) is not None
            ):  # (another subject's move is not the deadline's: 'ETA 17:00 UTC, retro moved to 19:00')
                if out is found:
                    out = list(found)
                # (the old one was written as missed: the new one is due, no miss of its own)
                keyword = "due" if prev.keyword in _LOOKS_BACK else prev.keyword
                out[i] = dataclasses.replace(m, is_deadline=True, keyword=keyword)
                if not was:
                    prev = out[i]
                continue
        if seen and i + 1 < len(found) and (old := _repeated_old(text, a, seen, m, found[i + 1])) is not None:
            # ('ETA 17:00, missed; moved from 17:00 to 19:00': the old one written again, in a clause of
            # its own, and where it went; the repeat stays a time, 19:00 is the deadline now)
            out = list(found) if out is found else out
            keyword = "due" if old.keyword in _LOOKS_BACK else old.keyword
            out[i + 1] = dataclasses.replace(found[i + 1], is_deadline=True, keyword=keyword)
            moved = i + 1
            continue
        prev = None  # (another time between: 'ETA 12:00, error rate up 09:00 -> 11:00' moved no ETA)
    return out


# between a deadline's old time written again and the time it moved to: 'moved from 17:00 to 19:00',
# 'pushed from 17:00 -> 19:00' (_MOVED_FROM before the old time)
_FROM_TO = re.compile(
    r"\s*(?:\u2192|-{1,2}>|=>|(?i:to|until|till))\s*"
    r"(?:(?i:" + _WEEKDAY_ALT + "|" + _WD_ABBR_LOW + r")\.?,?\s+)?@?"  # ('from Tue 17:00 to Wed 10:00')
)


def _repeated_old(
    text: str, a: int, seen: list[TimeMention], m: TimeMention, n: TimeMention
) -> TimeMention | None:
    """The deadline of ``seen`` that the time ``m`` repeats as where a move started, when ``n`` after it
    is where it went ('ETA 17:00, missed; moved from 17:00 to 19:00', also after a clause break: the
    repeated time says which deadline moved); None otherwise, also when ``n`` is a deadline already."""
    if m.at is None or n.at is None or n.is_deadline or n.is_stamp or n.start - m.end > 24:
        return None
    if _MOVED_FROM.search(text, max(a, a + m.start - 40), a + m.start) is None:
        return None
    if _FROM_TO.fullmatch(text, a + m.end, a + n.start) is None:
        return None
    return next((  # (a time written without its date repeats the deadline's on its day: 'ETA Fri 17:00')
        d for d in reversed(seen) if d.at is not None and d.precision == m.precision
        and (d.at == m.at or not m.has_date and d.at.timetz() == m.at.timetz())
    ), None)


def _moved_before_missed(text: str, a: int, m: TimeMention, missed: TimeMention) -> bool:
    """Whether ``m`` is written as where the ``missed`` deadline after it was moved to: 'moved to Mon
    10/13, missed Friday slot'."""
    return (
        m.at is not None and not m.is_stamp and missed.start - m.end <= 32
        and _THEN_MISSED.fullmatch(text, a + m.end, a + missed.start) is not None
        and _MOVED_TO.search(text, max(a, a + m.start - 40), a + m.start) is not None
    )


_CLAUSE_END = re.compile(r"[;.!?|\n]\s")


_NO_DATE = "time without a date"


def _stamped_day(text: str, found: list[TimeMention], year_near: dt.date | None) -> dt.date | None:
    """With no day to read it on, the date a text's own full date and time gives its other times:
    'Next update by 14:45 EDT. Posted Oct 09, 2025 - 14:12 EDT' (a status page's update) is on Oct 09
    (the date as written, in the stamp's zone); None when no time lacks a date or no such stamp is
    there."""
    if not any(m.problem == _NO_DATE for m in found):
        return None
    for m in found:
        if m.has_date and m.at is not None and m.precision != "day" and not m.is_stamp and not m.is_deadline:
            return _written_date(text[m.start:m.end], year_near)
    return None


_LABEL_END = re.compile(r"[*_]*\s*[:\-\u2013\u2014,]")


def _opens_as_label(text: str, r: _Cand) -> bool:
    """Whether the relative day ``r`` opens ``text`` as its label ('Yesterday:', '**Tomorrow** -')."""
    return _LEAD.fullmatch(text, 0, r.start) is not None and _LABEL_END.match(text, r.end) is not None


def _scan(
    text: str, low: str | None, a: int, b: int, day: dt.date | None, year_day: dt.date | None,
    default_tz: dt.tzinfo, rels: list[_Cand] | None, ticks: bool, urls: list[tuple[int, int]] | None,
) -> tuple[list[TimeMention], dt.date | None]:
    """The mentions that start at a digit of ``text[a:b]`` (offsets relative to ``a``), and the
    base date they left (the item's own date, else ``day``).

    ``text`` may hold many texts joined by newlines (:func:`find_times_many`): every match stops at
    ``b`` and every look-back stops at ``a``, and the newline before ``a`` reads like the start of
    a string to the look-behind guards, so each text is read exactly as on its own.
    """
    out: list[TimeMention] = []
    base = day
    first = True
    pos = a
    dur_end = -1  # where the last duration read as no time ends ('took 8:45 for iOS, 11:02 for Android')
    moved_to = -1  # where the new time of 'slipped from 10:00 to 13:00' starts: the same keyword's
    full = _FULL.match
    ahead: bool | None = None
    named = text.find("ART", a, b) >= 0  # (a zone that is also a team's name: _name_zone_cut)
    for d in _DIGIT.finditer(text, a, b):
        s = d.start()
        if s < pos:
            continue
        if ticks and _in_code(text, s):
            continue
        if urls:
            e = _inside(s, urls)
            if e >= 0:
                pos = e
                continue
        if s > a and text[s - 1] == "=" and _PARTITION_KEY.search(text, max(a, s - 24), s) is not None:
            pos = _PARTITION_VALUE.match(text, s, b).end()  # ('failing since ds=2025-11-04': the data's day)
            continue
        if text.startswith("..", s + 10) and (rng := _DATA_RANGE.match(text, s, b)) is not None:
            pos = rng.end()  # ('backfill events_hourly for 2025-10-06..2025-10-08': the data's days)
            continue
        m = full(text, s, b)
        if s > a and text[s - 1].isascii() and text[s - 1].isalpha() and not _glued_value(text, s, m):
            continue  # ('Dec2025', 'ETA5': a digit glued to a word is no token of its own)
        if m is not None and (cut := _zone_word_cut(m)) >= 0:
            m = full(text, s, cut)  # ('17:00 UAT sign-off': the time, UAT no zone of it)
        if named and m is not None and (cut := _name_zone_cut(text, m, b)) >= 0:
            m = full(text, s, cut)  # ('14:00 ART sync': the Agile Release Train's, in the document's zone)
        if m is not None and m.start(_I_AEM) >= 0 and m.start(_I_AEY) < 0 and _VERSION_BEFORE.search(
            text, max(a, s - 16), s
        ):
            continue  # ('version 1.10.25 17:00': a version, and the time after it is read alone)
        if m is not None and m.start(_I_BE + 1) >= 0 and _MOVED_FROM.search(text, max(a, s - 24), s):
            cut = text.find(" to ", s, m.start(_I_BE + 1))
            if cut > 0:  # ('ETA slipped from 10:00 to 13:00': two deadlines, the old and the new)
                m, moved_to = full(text, s, cut), cut + 4
        c: _Cand | None = None
        if m is None:
            if (c := _short_hour(text, a, s, b, first, out[-1] if out else None)) is None:
                continue
            kind = "short"
        else:
            kind = m.lastgroup
        if kind == "bd":
            mb = _MON_BEFORE.search(text, max(a, s - 11), s)
            m2 = full(text, mb.start(), b) if mb is not None and mb.start() >= pos else None
            if m2 is not None and m2.lastgroup == "dt":
                m, kind = m2, "dt"
            else:  # no month before it: a date only as 'Wed 10/08'
                e = m.end()
                if text.startswith("/", e, b):
                    c = _weekday_slash(text, s, e, a, b, pos, year_day)
                elif text.startswith(".", e, b):
                    c = _dotted_deadline(text, s, e, a, b, pos, year_day)
                else:  # ('Friday the 10th')
                    c = _weekday_ordinal(text, s, e, a, pos, year_day)
                if c is None:
                    c = _typo_clock(text, a, s, b, first)
                if c is None:
                    pos = e
                    continue
        pos = c.end if c is not None else m.end()
        if kind == "stamp":
            continue  # consumed so that its pieces never read as times; stamps=True reads them below
        if kind == "tm" and _PLAIN_CLOCK.fullmatch(text, s, m.end()) and (
            not _RANGE_NEXT.match(text, m.end(), b) and (
                _after_duration_word(text, max(a, s - 20), s)
                or dur_end > 0 and _DURATION_LIST.fullmatch(text, dur_end, s) is not None)
            or _UNIT_AFTER.match(text, m.end(), b)  # ('Total time:  01:02 min', '00:14 mins')
            or _stopwatch(text, s, m.end(), b)  # ('p99 0:00.412', 'ETA 0:12:30', '2:15:00 remaining')
        ):
            dur_end = m.end()
            continue  # ('duration 00:03:12', 'took 3:12': how long, not when; not '14:02-15:47 UTC')
        dated = out[-1] if out and out[-1].has_date and out[-1].precision != "day" else None
        x = _explanation(text, m.end(), b) if c is None and kind in _ZONE_PREFIXES else None
        lead = _lead_date(out[0], base, default_tz, text, a) if out and kind == "tm" else None
        mention = _fast_time(text, low, m, base, default_tz, a, b) if (
            kind == "tm" and rels is None and x is None and lead is None) else None
        if mention is not None and dated is not None and mention.keyword is not None:
            mention = None  # (a deadline after a dated time may be on its date, in its zone: _sentence_date)
        if mention is None:
            if c is None:
                c = _build(m, year_day, kind)
                if x is not None and _explain(c, m, kind, x):
                    pos = x.end()
            # (a keyword after the bracket is the time's: '14:00 CST (UTC+8) ETA')
            c.keyword = _deadline(text, c.start, c.end if c.explain is None else pos, low, a, b)
            # the item's own date: an explicit date, not a deadline, that opens the text
            if first and c.date is not None and c.keyword is None and (
                c.start == a or _LEAD.fullmatch(text, a, c.start) or _keyed_date(text, a, c)
            ):
                base = c.date
            if rels and c.kind == "time" and c.date is None:
                ahead = _take_near_rel(text, c, rels, a, b, ahead, first and (
                    c.start == a or _LEAD.fullmatch(text, a, c.start) is not None))
                if c.until is not None:  # ('window 02:00-04:00 tonight'; a single time is not moved)
                    _tonight_small_hours(text, c)
                if c.keyword is None and c.week >= 10 and 0 <= c.wd_at[0] < c.start:
                    # ('ETA Thursday week 10:00': the keyword before the weekday, its 'week' no break)
                    c.keyword = _deadline(text, c.wd_at[0], c.end, low, a, b)
            elif rels and c.date is not None:
                _claim_weekday(text, c, rels)
            on = base
            if base is None and c.kind == "time" and c.date is None and out:
                on = _glued_date(text, a, out[-1], c.start)
            after = None
            planned = False  # (whether the dated time the mention is on is planned after the text's day)
            if dated is not None and c.kind == "time" and c.keyword is not None and c.date is None and (
                not c.has_rel and c.wd < 0
            ) and (after := _sentence_date(text, a, dated, c.start, default_tz)) is not None:
                on = after  # ('window Mon 13 Oct 09:00-11:00, no later than 11:00': the 13th's)
                c.tz = _sentence_zone(text, dated, c, b) or c.tz  # (and '... CEST, ...': 11:00 CEST)
            elif lead is not None and c.kind == "time" and c.date is None and not c.has_rel and c.wd < 0:
                # ('rolled back at 00:40 on Oct 10 ..., resolved 01:05': the 10th's)
                on = after = lead
                dated = out[0]
                planned = base is not None and lead > base
            mention = _resolve(text, c, on, default_tz, a)
            if after is not None and mention.at is not None and dated is not None and (
                dated.at is not None and mention.at < dated.at
            ) and mention.keyword != "go/no-go" and not (
                planned and c.keyword is not None and dated.at - mention.at <= _PREP_BEFORE
            ):
                # (a deadline less than 12 hours before a time planned after the text's day is a step to
                # take before it, on its day: 'maintenance Sat 10/11 02:00 UTC; drain by 01:45 UTC' under
                # Friday drains on Saturday; 'incident Oct 8 23:50, fix ETA 23:00' is the next day's; a
                # go/no-go is before what it gates: 'Release Thu Oct 9 at 14:00 PT (go/no-go at 12:00
                # PT)' is that day's noon)
                mention = _resolve(text, c, after + dt.timedelta(days=1), default_tz, a)
        first = False
        if mention.keyword is None and out and out[-1].keyword is not None and (
            a + mention.start == moved_to or _NOW_GAP.fullmatch(text, a + out[-1].end, a + mention.start)
            or (text.startswith(" to ", a + out[-1].end) and a + out[-1].end + 4 == a + mention.start
                and _MOVED_FROM.search(text, max(a, a + out[-1].start - 40), a + out[-1].start))
        ):  # ('ETA slipped from 10:00 to 13:00', 'ETA was 10:00, now 13:00': the new time of that keyword)
            mention = dataclasses.replace(mention, keyword=out[-1].keyword, is_deadline=True)
        out.append(mention)
    return out, base


# how long before a time planned after the text's day a deadline after it, with no date of its own, is
# still on that time's day (a preparation before a planned window, :func:`_scan`)
_PREP_BEFORE = dt.timedelta(hours=12)
# what ends a sentence or a clause of its own between a dated time and a deadline after it
_SENTENCE_BREAK = re.compile(r"[.;!?|](?:\s|$)|\n")


def _sentence_date(
    text: str, a: int, dated: TimeMention, start: int, default_tz: dt.tzinfo
) -> dt.date | None:
    """The calendar date of ``dated`` (a time written with its own date, as written in its zone, not
    opening the text) when the deadline at ``start`` follows it in the same sentence: that deadline is on
    it, or the next day when earlier ('deploy window Mon 13 Oct 09:00-11:00
    CEST, no later than 11:00'); else None."""
    if dated.at is None or dated.is_stamp or _SENTENCE_BREAK.search(text, a + dated.end, start) or (
        dated.start == 0 or _LEAD.fullmatch(text, a, a + dated.start)
    ):
        return None  # (one that opens the text is the item's own date: the base date already)
    tz = zone_named(dated.zone) if dated.zone else default_tz
    return dated.at.astimezone(tz or default_tz).date()


def _lead_date(
    lead: TimeMention, base: dt.date | None, default_tz: dt.tzinfo, text: str = "", a: int = 0
) -> dt.date | None:
    """The calendar date of ``lead``, the item's first time, when it is written with its own date after
    the base date (a step told on a later day than its section's: 'CHG-4422 rolled back at 00:40 on Oct
    10 ..., resolved 01:05' in a week's calendar), or with a weekday before it (a step told on an earlier
    day of the week: 'SRE-433 fully drained 08:40 UTC Tue, resolved 08:45 UTC' under Wed: Tue), not
    after a word that makes it a reference (:data:`_LEAD_REF`): the item's later times without a date of
    their own are on it, or on the next day when earlier than it; else None (a date before the base date
    is a reference, 'errors since Oct 3 14:00, fixed 09:00', 'errors since 14:00 Tue, fixed 09:00')."""
    if base is None or not lead.has_date or lead.precision == "day" or lead.keyword is not None or (
        lead.at is None or lead.is_stamp
    ):
        return None
    day = lead.at.astimezone(zone_named(lead.zone) if lead.zone else default_tz).date()
    if day > base:
        return day
    s, e = a + lead.start, a + lead.end
    if day < base and base - day < dt.timedelta(days=7) and (
        _LEAD_WD_AFTER.match(text, e) or _LEAD_WD_BEFORE.search(text, max(a, s - 16), s)
    ) and not _LEAD_REF.search(text, max(a, s - 24), s):
        return day
    return None


# a weekday written with an item's first time ('08:40 UTC Tue', 'Tue 08:40'), which dates its later times
# (:func:`_lead_date`), unless a word before it makes it a reference ('since', 'from', 'after')
_LEAD_WD_AFTER = re.compile(
    r"[^\S\n]*,?[^\S\n]*(?:(?i:on)[^\S\n]+)?\(?(?:" + _WD + r"|(?i:" + _WEEKDAY_ALT + r")\b)"
)
_LEAD_WD_BEFORE = re.compile(r"(?:" + _WD + r"|(?i:" + _WEEKDAY_ALT + r")\b),?[^\S\n]+(?:(?i:at)[^\S\n]+)?$")
_LEAD_REF = re.compile(
    r"(?i:\b(?:since|from|after|starting|started|began|begun|beginning|until|till|before|as of)"
    r"(?:[^\S\n]+(?:on|at|last))?[^\S\n]+(?:[A-Za-z]+\.?,?[^\S\n]+)?)$"
)


def _sentence_zone(text: str, dated: TimeMention, c: _Cand, b: int) -> dt.tzinfo | None:
    """The zone written on ``dated`` for the deadline ``c`` that takes its date (:func:`_sentence_date`)
    and has no zone of its own: 'deploy window Mon 13 Oct 09:00-11:00 CEST, no later than 11:00' is
    11:00 CEST. None when ``dated`` has none written, or ``c`` is not the last of a list ('no later than
    11:00 and 12:00 UTC': the last one's zone is the list's, :func:`_share_zones`)."""
    if c.tz is not None or not dated.zone or _LIST_NEXT.match(text, c.end, b):
        return None
    return zone_named(dated.zone)


def _zone_word_cut(m: re.Match[str]) -> int:
    """Where ``m`` must end when it took one of :data:`_NOT_ZONES` for an unknown zone ('17:00 UAT
    sign-off': before 'UAT'), else -1."""
    for i in _ZU_OF.get(m.lastgroup or "", ()):
        word = m.group(i)
        if word is not None and word in _NOT_ZONES:
            return m.start(i)
    return -1


_ZU_OF = {
    kind: (_FULL.groupindex[p + "zu"], _FULL.groupindex[p + "ezu"])
    for kind, p in (("tm", "b"), ("dt", "a"), ("sl", "s"))
}

# Abbreviations of a zone that are also names written right after a time: SAFe's Agile Release Train
# ('14:00 ART sync', '15:00 UTC ART demo'). Such a word is the zone only where it reads as one: at the
# end of the text or its clause, before punctuation or a bracket ('17:00 ART.', '(17:00 ART)', '17:00
# ART;'), or before what follows a zone (a ticket key, a day, a date: '09:00 ART OPS-5 acked', '17:00 ART
# on Friday'); before another word, or as a key's prefix ('11:00 ART-12 planning'), it is a name, and the
# time is read as if it were not written.
_NAME_ZONES = frozenset(("ART",))
_NAME_NEXT = re.compile(
    r"-[A-Z0-9]|[ \t]+(?![A-Z][A-Z0-9]*(?:-[A-Z][A-Z0-9]*)*-\d"
    r"|(?i:on|time|today|tonight|tomorrow|yesterday|this|next|" + _WEEKDAY_ALT + "|" + _WD_ABBR_LOW + r")\b"
    r"|" + _MON + r")[^\W\d_]"
)
_ZW_OF = {
    kind: tuple(_FULL.groupindex[g] for g in groups)
    for kind, groups in (("tm", ("bzw", "bezw")), ("dt", ("azw", "aezw")), ("sl", ("szw", "sezw")),
                         ("mil", ("milz",)))
}


def _name_zone_cut(text: str, m: re.Match[str], b: int) -> int:
    """Where ``m`` must end when it took one of :data:`_NAME_ZONES` written as a name for its zone
    ('14:00 ART sync': before 'ART'), else -1."""
    for i in _ZW_OF.get(m.lastgroup or "", ()):
        if m.group(i) in _NAME_ZONES and _NAME_NEXT.match(text, m.end(i), b):
            return m.start(i)
    return -1


# (not a ticket key that opens with a unit's letters: '14:30 SEC-88 phishing report' is a time)
_UNIT_AFTER = re.compile(r"\s?(?i:min|mins|minutes|sec|secs|seconds|hrs|hours)\b(?!-\w)")
_PLAIN_CLOCK = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?(?:\s?(?:hrs|Hrs|HRS)\.?)?")  # ('took 2:30 hrs')
_RANGE_NEXT = re.compile(r"\s?(?:[\u2013\u2014]|--?)\s?\d")
# words after which 'H:MM(:SS)' is how long something took, not a time of day
_DURATION_WORDS = ("duration", "elapsed", "took", "lasted", "runtime", "run time", "uptime", "mttr", "mttd",
                   "mtta", "ttr", "elapsed time", "total time", "time taken", "time elapsed", "lag",
                   "latency", "ran for", "run for", "runs for", "running for", "lasted for", "been up for",
                   "stalled for", "hung for", "cooldown", "cool-down", "timeout", "time-out", "ttl",
                   "backoff", "back-off", "interval", "wait", "delay")
# what may follow a duration before the next of a list of them: 'took 8:45 for iOS, 11:02 for Android',
# 'took 3:12 / 4:05' (a list, no clause of its own: '; resolved 14:05' is a time)
_DURATION_LIST = re.compile(
    r"(?:\s+(?:for|on|in)\s+[\w.-]+(?:\s[\w.-]+)?)?\s*(?:,|and|&|/|vs\.?)\s*(?:and\s+)?"
)
# what after 'M:SS' makes it a stopwatch reading: a fraction of a second with no seconds before it ('p99
# 0:00.412', 'startup 0:01.8'; a clock's '14:02:11.123' has its seconds); after any plain clock, what is
# left of something ('2:15:00 remaining', '0:42 left', '1:10 to go')
_STOPWATCH = re.compile(r"\.\d")
_LEFT_AFTER = re.compile(
    r"\s?(?i:remaining\b|(?:left|to\s+go)(?=\s*(?:[.,;:)!]|$|(?:on|in|of|until|before)\b)))"
)  # (not '14:00 to go live', '14:00 left the call')


def _stopwatch(text: str, s: int, e: int, b: int) -> bool:
    """Whether the plain clock at ``text[s:e]`` is a stopwatch or a countdown, how long: ``M:SS`` with a
    fraction after it (:data:`_STOPWATCH`), one followed by what is left (:data:`_LEFT_AFTER`), or an
    hour of one '0' with seconds ('ETA 0:12:30' of a progress bar; a clock writes '00:12:30')."""
    colons = text.count(":", s, e)
    if colons == 1 and _STOPWATCH.match(text, e, b) is not None:
        return True
    if colons == 2 and text[s] == "0" and text[s + 1] == ":":
        return True
    return _LEFT_AFTER.match(text, e, b) is not None


# what may stand between a duration word and its value: 'took ~3:12', 'MTTR: 1:08', a bold field's
# '**Duration:** 2:43', a table's 'MTTR | 1:08'
_DURATION_GAP = " \t~(:=*_|"


def _after_duration_word(text: str, lo: int, s: int) -> bool:
    """Whether ``text[lo:s]`` ends with a duration word ('took ', 'duration of ', 'MTTR: ', '**Duration:**
    ', 'MTTR | '), or with the '=>' before an org-mode or Logseq clock's total ('CLOCK: [...]--[...] =>
    1:08': how long the clock ran)."""
    prev = text[lo:s].rstrip(_DURATION_GAP).lower()
    if prev.endswith("=>"):
        return prev[:-2].rstrip().endswith(("]", ">"))
    for joint in (" of", " was", " is"):
        if prev.endswith(joint):
            prev = prev[: -len(joint)].rstrip(_DURATION_GAP)
    if not prev.endswith(_DURATION_WORDS):
        return False
    k = len(prev) - next(len(w) for w in _DURATION_WORDS if prev.endswith(w)) - 1
    return k < 0 or not prev[k].isalpha()
_WD_GAP = re.compile(r"[\s,]*")
# '5p WEB-318 still slow', '9a standup', 'review by 11a', 'ETA 5P': a bare hour with a one-letter meridiem,
# only where an item opens with it or after 'by', 'at', 'before', 'until', 'ETA' or '@' (elsewhere '1a' is a
# label: 'option 1a'); so too a whole hour written French or German style, '17h' as '21h30' is (group kh)
_SHORT_HOUR = re.compile(
    r"(?:(1[0-2]|0?[1-9])([AaPp])|(?P<kh>[01]\d|2[0-3])h)(?=[\s*_:.,;)\]]|$)" + _zone_re("k", False)
)
# (also a utility's ETR and NLT: 'ETR 0600', 'ETR now 0800', 'Next update NLT 0600')
_SHORT_AFTER = re.compile(
    r"(?<![\w-])(?:[Bb]y|[Aa]t|[Bb]efore|[Uu]ntil|(?:ETA|[Ee]ta|ETR)(?:\s+now)?|NLT|@):?\s*$"
)
# A military time without 'hrs' (a hospital's or a dispatcher's 24-hour log): '0800h' where an item opens
# with it or after by/at/before/until/ETA/@ (as '17h' is), and a bare 'HHMM' only after one of those words
# ('callback by 1600', 'at 1400, all...', 'by 1700 local Wednesday'), never before a word that is no time's
# ('by 1200 users'), and 2000-2039 only with a zone ('by 2000 CDT'; 'by 2025' is a year).
_MIL_SHORT = re.compile(
    r"(?P<mh>[01]\d|2[0-3])(?P<mm>[0-5]\d)(?P<mx>h)?(?=[\s*_.,;)\]]|$)" + _zone_re("k", False)
)
# ... and in a 24-hour log (:func:`clock24`), also after a deadline's other words and a day word, as a
# dispatcher writes them: 'target 1600 today', 'promised 0900 AEST', 'ETA pulled in to tomorrow 0900 AEST',
# 'go/no-go 0330' (elsewhere 'target 1600' is a number: 'target 1600 rps' is one in any log)
_MIL_AFTER24 = re.compile(
    r"(?<![\w-])(?:[Tt]arget|TARGET|[Pp]romised|[Dd]ue|DUE|[Dd]eadline|[Cc]heckpoint|[Cc]ut-?off|[Gg]o/no-go"
    r"|GO/NO-GO|[Tt]oday|[Tt]onight|[Tt]omorrow|tmrw):?\s*$"
)
# ... and right before a deadline's noun after a determiner ('Will miss the 1600 target', 'our 0600
# cut-off', 'the 1700 deadline'; not 'a 1500 target', a count, nor 'the 2030 target', a year's)
_MIL_BEFORE24 = re.compile(r"\s+(?:target|deadline|cut-?off|checkpoint|ETA|eta)(?![\w-])")
_MIL_DET = re.compile(r"(?<![\w-])(?:the|its|our|their|The|Its|Our|Their)\s+$")
# what makes a bare 2000-2039 after a deadline's word a year ('2030 roadmap target', 'target 2030 for
# net zero', 'FY target 2025'): without one, a 24-hour log's 'new target 2000' is 20:00
_MIL_YEAR_HINT = re.compile(
    r"(?i:\b(?:roadmap|years?|annual|fy\d*|q[1-4]|decade|vision|strategy|net[\s-]zero|budget|by\s+end\s+of"
    r"|calendar|long[\s-]term|quarter|h[12])\b)"
)


@functools.lru_cache(maxsize=4)
def _year_word_in(text: str, a: int, b: int) -> bool:
    """Whether the item ``text[a:b]`` names a year's word (:data:`_MIL_YEAR_HINT`), asked once per item:
    an item of thousands of 'new target 2000' searched itself whole once per number (quadratic).
    Emptied with :func:`forget_lowered`, after each document."""
    return _MIL_YEAR_HINT.search(text, a, b) is not None


_MIL_NEXT_WORD = re.compile(
    r"\s+(?!(?i:local|today|tonight|tomorrow|sharp|latest|at|on|or|and|to|for|" + _WD + r")\b)[A-Za-z]"
)


# the document being read is a 24-hour log (:func:`clock24`): a bare 'HHMM' that opens an item is a time
_CLOCK24: contextvars.ContextVar[bool] = contextvars.ContextVar("clock24", default=False)
# what follows an item's opening 'HHMM' in a 24-hour log: a word or ticket ('1615 no callback yet',
# '2300 CLIN-5144 opened'), after a separator or not; not a number, unit sign or 'x' ('1800 x 2')
_MIL_LEAD_NEXT = re.compile(r"(?:\s*[:\u2013\u2014]|\s+-)?\s+(?![xX]\b)[A-Za-z]")
# what makes a document a 24-hour log: a military time in hours ('1430hrs', '0800h', '0930 hrs') or
# the clock named ('24-hour clock', 'military time')
# (the first digit read before the look-behind that it follows no word: sre skips in C to a candidate of a
# pattern opening with a class of rare characters, it tries one opening with a look-behind at every
# position, ~3x slower on a log; not worth it where the class is letters, a word's every character)
_CLOCK24_HRS = re.compile(
    r"[0-2](?<![\w.:/-][0-2])(?:(?<=[01])\d|(?<=2)[0-3])[0-5]\d\s?(?:hrs|Hrs|HRS|h)(?![A-Za-z])"
)
_CLOCK24_WORDS = re.compile(r"(?i:24[- ]?h(?:ou)?r\s+clock|military\s+time)")
# ... or the times said 24-hour in the sentence that speaks of them ('All times Central (24-hour, local)',
# 'Times are 24hr CT.'): a time word before it on its line, and no noun after it ('24-hour window')
_CLOCK24_SAID = re.compile(
    r"2(?<![\w-]2)4[- ]?(?:h|H)(?:ou|OU)?(?:r|R)?(?:s|S)?(?:[- ](?i:format|notation|local))?"
    r"(?=[^\S\n]*(?:[),;.:]|$|(?i:local|times?|format|central|eastern|pacific|mountain)\b"
    r"|(?:[CEMP][SD]?T|UTC|GMT)\b))",
    re.MULTILINE,
)
_CLOCK24_TIME_WORD = re.compile(r"(?i:\btimes?\b)")


# the text being read is a night shift's by its context (:func:`night_shift`: its section's heading says
# night, or the item before it was timed between 22:00 and 06:00): a spoken hour 1-6 is the small hours'
_NIGHT: contextvars.ContextVar[bool] = contextvars.ContextVar("night", default=False)


@contextlib.contextmanager
def night_shift(flag: bool) -> Iterator[None]:
    """Within it (``flag`` true), a spoken hour 1-6 without a meridiem ('half past two') is read in the
    small hours (02:30), as in a text that says night itself (:data:`_NIGHT_WORDS`). The log reader sets
    it for an item of a night shift's context."""
    token = _NIGHT.set(bool(flag))
    try:
        yield
    finally:
        _NIGHT.reset(token)


def is_clock24(text: str, low: str | None = None) -> bool:
    """Whether ``text`` (a whole document's) is a 24-hour log: a military time in hours ('1430hrs',
    '0800h', '0930 hrs'), its clock named ('24-hour clock', 'military time') or its times said 24-hour ('All
    times Central (24-hour, local)'). One scan of the text per test, each gated by a substring; ``low``
    is ``text.lower()`` when the caller has it already (a whole document lowered once, not twice)."""
    if low is None:
        low = text.lower()
    if ("clock" in low or "military" in low) and _CLOCK24_WORDS.search(text):
        return True
    if "24" in low and "time" in low:
        for m in _CLOCK24_SAID.finditer(text):
            # (a time word before it on its line, in the same sentence: 'All times Central (24-hour')
            w = max(0, m.start() - 48)
            lo = max(text.rfind("\n", w, m.start()), text.rfind(".", w, m.start()), w - 1)
            if _CLOCK24_TIME_WORD.search(text, lo + 1, m.start()) is not None:
                return True
    return "h" in low and _CLOCK24_HRS.search(text) is not None


@contextlib.contextmanager
def clock24(flag: bool) -> Iterator[None]:
    """Within it (``flag`` true), a bare 'HHMM' that opens an item ('1615 no callback yet') is a time
    of the document's zone, as a 24-hour log writes its steps. The log reader sets it per document
    (:func:`is_clock24`)."""
    token = _CLOCK24.set(bool(flag))
    try:
        yield
    finally:
        _CLOCK24.reset(token)


# a 24-hour log's later step in the same item: a bare 'HHMM' opening a clause after a comma or semicolon
# ('0351 CHG-880 application back up, 0415 all interfaces caught up'), when the item opens with one; not a
# count ('1200 users affected': a plural word right after it; '1800 x 2', a number or sign)
_MIL_CLAUSE_BEFORE = re.compile(r"[,;][^\S\n]*$")
_MIL_ITEM_OPEN = re.compile(r"[\W_]*(?:[01]\d|2[0-3]):?[0-5]\d(?:h|hrs|Hrs|HRS)?(?![\w:])")
_MIL_COUNT_NEXT = re.compile(r"\s+(?!(?i:is|was|has|this|its|us)\b)[A-Za-z]*[a-rt-z]s\b")


def _mil_clause(text: str, a: int, s: int, e: int, b: int) -> bool:
    """Whether the bare 'HHMM' at ``text[s:e]`` opens a clause after a comma or semicolon of an item
    (``text[a:b]``) that opens with a military time ('..., 0415 all interfaces caught up'), and is no
    count ('1200 users')."""
    return s > a and _MIL_CLAUSE_BEFORE.search(text, max(a, s - 4), s) is not None and (
        _MIL_ITEM_OPEN.match(text, a, s) is not None) and _MIL_COUNT_NEXT.match(text, e, b) is None


def _short_military(text: str, a: int, s: int, b: int, first: bool) -> _Cand | None:
    """The military time at ``s`` written as '0800h' or a bare '1600' after a time keyword
    (:data:`_MIL_SHORT`), or opening an item of a 24-hour log (:func:`clock24`), else None."""
    if not text.startswith(("0", "1", "2"), s):
        return None
    m = _MIL_SHORT.match(text, s, b)
    if m is None:
        return None
    after24 = _CLOCK24.get() and m.group("mx") is None and _MIL_AFTER24.search(
        text, max(a, s - 12), s) is not None
    after = after24 or _SHORT_AFTER.search(text, max(a, s - 8), s) is not None
    if m.group("mx"):
        if not (after or first and _LEAD.fullmatch(text, a, s)):
            return None
    elif m.group("kz") is None and text[s:s + 2] == "20" and text[s + 2] in "0123" and not (
        # ('new target 2000' in a 24-hour log: 20:00, with no word of a year in the item, nor one after it)
        after24 and _MIL_NEXT_WORD.match(text, m.end(), b) is None
        and not _year_word_in(text, a, b)
    ):
        return None  # ('by 2025', '2030 roadmap': a year; 20:00-20:39 only with a zone or 'h')
    elif not after and _CLOCK24.get() and m.group("kz") is None and _MIL_BEFORE24.match(
        text, m.end(), b
    ) and _MIL_DET.search(text, max(a, s - 8), s) is not None:
        pass  # ('Will miss the 1600 target' in a 24-hour log: 16:00, the target's)
    elif after:
        if _MIL_NEXT_WORD.match(text, m.end(), b):
            return None
    elif not (
        _CLOCK24.get() and (first and _LEAD.fullmatch(text, a, s) or _mil_clause(text, a, s, m.end(), b))
        and _MIL_LEAD_NEXT.match(text, m.end(), b)
    ):
        return None
    if m.group("kzu") in _NOT_ZONES or (
        m.group("kzw") in _NAME_ZONES and _NAME_NEXT.match(text, m.end("kzw"), b)
    ):
        return None
    c = _Cand(s, m.end(), "time")
    c.time = (int(m.group("mh")), int(m.group("mm")), 0, 0, "minute", 0)
    c.tz, word = _zone_written(*m.group("kz", "koff", "kzp", "kzw", "kzu"))
    if word is not None and c.tz is None:
        c.problem = f"unknown time zone {word}"
    return c


# A clock time mistyped ('17;00', '17:OO'): where an item opens with it, or a keyword expects a time
# (_SHORT_AFTER), it is no number but a time that could not be read. Not guessed: a problem names the line
# (else the item would silently take its section's day).
_TYPO_CLOCK = re.compile(r"(?:[01]?\d|2[0-3])(?:;[0-5]\d|:(?:[Oo]{2}|[0-5][Oo]|[Oo]\d))(?![\w:;])")


def _typo_clock(text: str, a: int, s: int, b: int, first: bool) -> _Cand | None:
    """The mistyped clock time at ``s`` (:data:`_TYPO_CLOCK`) as a mention with a problem, else None."""
    m = _TYPO_CLOCK.match(text, s, b)
    if m is None:
        return None
    if not (first and _LEAD.fullmatch(text, a, s) or _SHORT_AFTER.search(text, max(a, s - 8), s)):
        return None
    return _Cand(s, m.end(), "time", problem=f"unreadable time {m.group(0)}")


def _whole_hour(m: re.Match[str]) -> bool:
    """Whether the '17h' of ``m`` (:data:`_SHORT_HOUR`) is a time of day: with a zone after it, or written
    as no duration is ('09h', '13h' to '23h'; '12h', '24h' and '2h' are far more often hours long)."""
    kh = m.group("kh")
    return m.end() > m.end("kh") + 1 or kh[0] == "0" or kh >= "13"


def _glued_value(text: str, s: int, m: re.Match[str] | None) -> bool:
    """Whether the match ``m`` at ``s``, glued to the letters before it, is a value written so: a day after
    its month's name ('Oct10', :data:`_GLUED_MONTH`), a time or date after ETA or by ('ETA17:00', 'by5pm',
    :data:`_GLUED_KW`)."""
    if m is None:
        return False
    if m.lastgroup == "bd":
        return _MON_BEFORE.search(text, max(0, s - 11), s) is not None
    return m.lastgroup in ("tm", "dt", "sl") and text[s - 1] in "aAyY"


def _short_hour(
    text: str, a: int, s: int, b: int, first: bool, before: TimeMention | None = None
) -> _Cand | None:
    """The time written as '5p' or '11a PT' at ``s`` (see :data:`_SHORT_HOUR`), else None;
    ``before`` is the mention before it (a date right before it dates it: 'Mon 11/3 8a PT')."""
    m = _SHORT_HOUR.match(text, s, b)
    if m is None:
        return _short_military(text, a, s, b, first)
    if m is not None and m.group("kzu") in _NOT_ZONES:
        m = _SHORT_HOUR.match(text, s, m.start("kzu"))  # ('5p UAT': no zone)
    if m is not None and m.group("kzw") in _NAME_ZONES and _NAME_NEXT.match(text, m.end("kzw"), b):
        m = _SHORT_HOUR.match(text, s, m.start("kzw"))  # ('5p ART sync': no zone)
    if m is None or not (
        (first and _LEAD.fullmatch(text, a, s)) or _SHORT_AFTER.search(text, max(a, s - 8), s)
        or before is not None and before.precision == "day" and before.at is not None
        and _DATE_TIME_GLUE.fullmatch(text, a + before.end, s) is not None
    ) or m.group("kh") and not _whole_hour(m):
        return None
    hour = int(m.group("kh")) if m.group("kh") else int(m.group(1)) % 12 + (12 if m.group(2) in "Pp" else 0)
    c = _Cand(s, m.end(), "time")
    c.time = (hour, 0, 0, 0, "minute", 0)
    c.tz, word = _zone_written(*m.group("kz", "koff", "kzp", "kzw", "kzu"))
    if word is not None and c.tz is None:
        c.problem = f"unknown time zone {word}"
    return c


def _glued_date(text: str, a: int, before: TimeMention, start: int) -> dt.date | None:
    """The date of ``before`` when the time at ``start`` is written right after it ('ETA <2025-10-08
    Wed 14:00>' with no date around): the day that time is read on (then joined to the date by
    :func:`_join_date_times`), else None."""
    if (
        before.precision == "day" and before.at is not None and not before.is_stamp
        and _DATE_TIME_GLUE.fullmatch(text, a + before.end, start)
    ):
        return before.at.date()
    return None


def _claim_weekday(text: str, c: _Cand, rels: list[_Cand]) -> None:
    """A weekday written right before a date ('Friday, Oct 10', 'Fri 10 Oct') or inside it ('Wed
    10/08') is that date's: it is no deadline of its own and names no other time's day."""
    k = bisect.bisect_left(rels, c.start, key=_cand_start)
    for r in rels[max(0, k - 1):k + 1]:
        if r.wd >= 0 and (
            (r.end <= c.start and _WD_GAP.fullmatch(text, r.end, c.start)) or c.start <= r.start < c.end
        ):
            r.of_date = True


# 'Wed 10/08': a weekday makes a bare slash date a date ('10/08' alone may be anything); 'Thu 10/09
# noon' is that day at noon
_WD_BEFORE = re.compile(r"(?<![A-Za-z])" + _WD + r",?\s+$")
# 'due 10/14', 'ETA: 10/14', 'by 10/14 EOD': a deadline word makes a bare slash date a date too (also
# named as a date: 'target date 10/10', 'due date: 10/10')
_KW_BEFORE = re.compile(
    r"(?<![\w-])" + _cases("eta|due|by|deadline|target|before|until|till|cutoff|cut-off|nlt|expires|expiring")
    + r"(?:\s+" + _cases("date") + r"(?=[\s:]))?"
    + r"(?:\s+" + _cases("moved|slipped|pushed|changed|shifted|postponed|delayed|bumped|extended")
    + r"(?:\s+(?:from|to|until))?|\s+(?:on|is|was|now))?[\s:~\u2248]+$"
)
# 'ETA 10/8 → 10/10', 'from 10/8 to 10/10', 'ETA 10/10 slipped to 10/14': a slash date right after
# another and an arrow or 'to' is a date too
_ARROW_GAP = re.compile(
    r"\s*(?:\u2192|-{1,2}>|=>)\s*|\s+(?:(?:moved|slipped|pushed|postponed|delayed|bumped|extended)\s+)?to\s+"
    r"|,?\s*now\s+"  # ('ETA was 10/9, now 10/13')
)
# a military time in hours right after a slash date: '10/10/2025 1430 hrs' (the digit scan reads it, and
# :func:`_join_date_times` joins it to the date)
_HRS_NEXT = re.compile(r",?\s(?:[01]\d|2[0-3])[0-5]\d\s?(?:hrs|Hrs|HRS)(?![A-Za-z])")
# what follows a year-less slash date that opens an item as its date: a capital word or a ticket, a
# bracket, or a separator ('10/7 QA-1201 resolved', '10/7: deployed', '10/7 - ...'; not '3/4 done')
_OPENS_ITEM = re.compile(r"(?:\s*[:\u2013\u2014]|\s+-\s|\s+[A-Z\[(@*])")
_SLASH_TAIL = re.compile(r"/(\d{1,2})(?:/(\d{4}|\d{2}))?(?![\d/]|:\d|\.\d)")
_CLOCK_GAP = re.compile(r"\s+(?:at\s+)?")


_WD_THE = re.compile(
    r"(?<![\w-])(?P<wd>(?i:" + _WEEKDAY_ALT + r")|" + _WD_ABBR + r")\.?,?\s+(?P<the>(?i:the)\s+)?$"
)
# what may follow a weekday's ordinal written without 'the' for it to be a date ('ETA Wednesday 22nd,
# end of day', 'slip to Tuesday 21st.', 'Wed 22nd at 17:00'): not a noun it counts ('Sat 2nd shift',
# 'Tue 3rd attempt failed')
_ORDINAL_DATE_END = re.compile(
    r"\s*(?:$|[,.;:)\]!?]|(?i:at|by|@|before|after|end|eod|cob|eob|noon|midday|morning|afternoon|evening"
    r"|night|in|on|because|as|and|or|then|so|but|for\s+(?:the|a|an)\b|if|when|unless|—|–|-)(?!\w)|\d)"
)


def _weekday_ordinal(
    text: str, s: int, e: int, a: int, pos: int, year_day: dt.date | None
) -> _Cand | None:
    """The date 'Friday the 10th' whose day number is ``text[s:e]`` (with its ordinal): the nearest
    10th to ``year_day`` that is a Friday (within a month); None when it is not written so."""
    if year_day is None or not text[s:e].rstrip().endswith(("st", "nd", "rd", "th")):
        return None
    wd = _WD_THE.search(text, max(a, pos, s - 16), s)
    if wd is None or wd.group("the") is None and _ORDINAL_DATE_END.match(text, e) is None:
        return None
    dom, weekday = int(text[s:e].rstrip()[:-2]), _WD_INDEX[wd.group("wd")[:3].lower()]
    options = []
    for k in (-1, 0, 1):
        y, mo = divmod(year_day.year * 12 + year_day.month - 1 + k, 12)
        try:
            options.append(dt.date(y, mo + 1, dom))
        except ValueError:
            continue
    if not options:
        return None
    options = [d for d in options if d.weekday() == weekday]
    if not options:
        return None  # ('Friday the 13th' when no 13th near is a Friday: no date rather than a wrong one)
    options.sort(key=lambda d: abs((d - year_day).days))
    return _Cand(wd.start(), e, "date", date=options[0])


def _weekday_slash(
    text: str, s: int, e: int, a: int, b: int, pos: int, year_day: dt.date | None
) -> _Cand | None:
    """The date 'Wed 10/08' (or 'due 10/14') whose first number is ``text[s:e]``, or None when it
    is not written so."""
    tail = _SLASH_TAIL.match(text, e, b)
    if tail is None:
        return None
    wd = _WD_BEFORE.search(text, max(a, pos, s - 12), s)
    if wd is not None:
        start = wd.start()
    elif _KW_BEFORE.search(text, max(a, pos, s - 28), s) is not None or (
        a < pos < s and text[pos - 1].isdigit() and _ARROW_GAP.fullmatch(text, pos, s)
    ) or _HRS_NEXT.match(text, tail.end(), b) is not None or (
        s == a and _OPENS_ITEM.match(text, tail.end(), b) is not None
    ):  # ('- 10/7 QA-1201 resolved': a date that opens the item, as a stamp does, not '- 3/4 done')
        start = s  # (the keyword governs the date: it is not part of it; '1430 hrs' is joined to it after)
    else:
        return None
    end = tail.end()
    try:
        date = _slash_reading(text[s:e], tail.group(1), tail.group(2), year_day)
    except _Bad as bad:
        return _Cand(start, end, "date", problem=str(bad))
    if date is None:
        return None
    gap = _CLOCK_GAP.match(text, end, b)
    clock = _CLOCK_WORD.match(text, gap.end(), b) if gap is not None else None
    if clock is None:
        return _Cand(start, end, "date", date=date)
    c = _clock_cand(clock, start)
    c.date = date
    return c


# the '.10.' of a year-less dotted date ('ETA 17.10.', 'deadline is 10.10. EOD'); not '1.2.3', '17.10.25'
_DOTTED_TAIL = re.compile(r"\.(0?[1-9]|1[0-2])\.(?![\d.]|[^\W_])")


def _dotted_deadline(
    text: str, s: int, e: int, a: int, b: int, pos: int, year_day: dt.date | None
) -> _Cand | None:
    """The year-less dotted date at ``s`` right after a deadline word in a day-first document ('ETA 17.10.',
    'until 10.10.': as plain as 'due 10/14' there; elsewhere, and with no keyword, '1.2.' is a section's
    or a version's number), day precision in the year nearest ``year_day``; else None."""
    tail = _DOTTED_TAIL.match(text, e, b)
    if tail is None or _SLASH_ORDER.get() != "dmy" or _KW_BEFORE.search(text, max(a, pos, s - 28), s) is None:
        return None
    dom, month = int(text[s:e]), int(tail.group(1))
    year = _year_near(month, dom, year_day)
    if year is None:
        return None
    try:
        return _Cand(s, tail.end(), "date", date=dt.date(year, month, dom))
    except ValueError:
        return _Cand(s, tail.end(), "date", problem=f"impossible date {text[s:tail.end()]}")


def _url_spans(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The spans of ``_URL.finditer(text, a, b)``, found from each ``://`` (str.find is C-fast;
    the pattern itself, case-insensitive and led by ``\\b``, is tried at every position).

    A match holds the ``://`` that ends its scheme (at most five characters in), so none starts
    before the first ``://`` at or after ``pos`` less five: searching from there finds the next one.
    """
    spans: list[tuple[int, int]] = []
    pos = a
    while True:
        p = text.find("://", pos, b)
        if p < 0:
            return spans
        m = _URL.search(text, max(pos, p - 5), b)
        if m is None:
            return spans
        spans.append(m.span())
        pos = m.end()


# What sends a text of find_times_many down the general path: relative days (on the lower-cased
# text), placeholders and code spans (the cases _scan alone does not cover).
_SLOW_LOW = (
    "oday", "onight", "omorrow", "esterday", "noon", "midday", "midnight", "end of", "close of",
    "eod", "eob", "eow", "eom", "s week", "t week", "s wk", "t wk",
    "ss day", "ng day",  # ('next business day', 'next working day': _REL's bday)
    *_REL_SHORT_HINTS,  # (_REL_SHORT: 'tmrw', 'yday'...)
    *_DAY_BEFORE_HINTS,  # ('23:10 (prev. evening)')
    *_WEEKDAYS,
    # (the times said in words, _SPOKEN, and 'first thing Monday', _FIRST_THING: its weekday is above)
    "quarter", "half past",
)
_SLOW = ("??", "TB", "x:x", "X:X", "`", "COB", "print")  # ('print': 'ETA end of sprint', _VAGUE_DUE)
# (a rough hour, '4ish', and an hour range, '9-11p', _HOUR_RANGE; a military one, '0200-0400', in a
# 24-hour log only): one search of the document, not of each text
_SLOW_HOURS = re.compile(r"\d(?i:ish)(?![\w-])|\d\s?[-\u2013]\s?\d{1,2}[AaPp](?!\w)")
_SLOW_MIL_RANGE = re.compile(r"(?<![\w.:/-])\d{4}\s?[-\u2013]\s?\d{4}(?![\w.:/-])")
# (a superset of _REL's 'abbr', led by its literals rather than a look-behind: sre then skips to a
# candidate in C, ~5x faster on a log; the character before is checked in Python)
_ABBR_HINT = re.compile(r"(?:" + _WD_ABBR + r")(?![\w\-])")


def _short_weekday_at(text: str, m: re.Match[str]) -> bool:
    s = m.start()
    return s == 0 or not (text[s - 1].isalnum() or text[s - 1] in "_-")


def find_times_many(
    texts: list[str], days: list[dt.date | None], tz: dt.tzinfo | str | None = None,
    zones: list[dt.tzinfo | None] | None = None, years: list[dt.date | None] | None = None,
    weeks: list[bool] | None = None, year: dt.date | None = None,
) -> list[list[TimeMention]]:
    """``[find_times(t, day=d, tz=tz) for t, d in zip(texts, days)]``, the same mentions, faster.

    The log reader calls this once per document: the texts are joined and lower-cased once, the
    rare cases (relative days, placeholders, code spans) are found with one ``str.find`` scan
    each, and only the texts that hold one go through :func:`find_times`; the others are read by
    the same digit scan (:func:`_scan`) within their bounds of the joined text. ``zones[k]``, when
    given and not None, replaces ``tz`` for ``texts[k]`` (a table whose header says 'Time (UTC)').
    ``years[k]``, when given and not None, is the ``year_near`` of ``texts[k]`` (default its day);
    ``weeks[k]`` its ``week``.

    A text with neither a day nor a ``years[k]`` (a tracker table above a log's first dated heading)
    reads a year-less date ('10/7 16:00 UTC', 'Oct 10') in the year nearest, in this order: the full
    date written in the text itself nearest it (its row's ``2025-10-07``), the last date an earlier
    text wrote, ``year`` (the log reader passes the date of the document's first dated section). That
    is for the year only: a relative day ('today', 'Fri') without a day stays a problem.
    """
    n = len(texts)
    if len(days) != n:
        raise ValueError(f"find_times_many: {n} texts but {len(days)} days")
    joined = "\n".join(texts)
    low = lowered_doc(joined)
    if zones is not None and len(zones) != n:
        raise ValueError(f"find_times_many: {n} texts but {len(zones)} zones")
    default_tz = UTC if tz is None else _coerce_tz(tz)
    tzs = [default_tz if z is None else z for z in zones] if zones is not None else None
    if years is not None and len(years) != n:
        raise ValueError(f"find_times_many: {n} texts but {len(years)} years")
    if len(low) != len(joined) or joined.count("\n") != n - 1:
        return [find_times(t, day=d, tz=default_tz if tzs is None else tzs[k],
                           year_near=None if years is None else years[k],
                           week=weeks is not None and weeks[k])
                for k, (t, d) in enumerate(zip(texts, days, strict=True))]
    starts: list[int] = []
    a = 0
    for t in texts:
        starts.append(a)
        a += len(t) + 1
    # (and 'ETA in 3 days', 'by the 3rd', 'due mid-October': _PROSE_HINTS, in the same scan of ``low``)
    slow = texts_holding(low, _SLOW_LOW_SCAN, starts) | texts_holding(joined, _SLOW, starts)
    slow.update(bisect.bisect_right(starts, m.start()) - 1 for m in _SLOW_HOURS.finditer(joined))
    if _CLOCK24.get():
        slow.update(bisect.bisect_right(starts, m.start()) - 1 for m in _SLOW_MIL_RANGE.finditer(joined))
    slow.update(
        bisect.bisect_right(starts, m.start()) - 1
        for m in _ABBR_HINT.finditer(joined) if _short_weekday_at(joined, m)
    )
    with_urls = texts_holding(joined, ("://",), starts)
    out: list[list[TimeMention]] = []
    seen: dt.date | None = None  # the last date a text wrote (a year-less one with nothing else near)
    for k, t in enumerate(texts):
        day = days[k]
        if isinstance(day, dt.datetime):
            day = day.date()
        zone = default_tz if tzs is None else tzs[k]
        near = day if years is None or years[k] is None else years[k]
        dayless = near is None
        if near is None:
            near = seen if seen is not None else year
        week = weeks is not None and weeks[k]
        if k in slow:
            out.append(find_times(t, day=day, tz=zone, year_near=near, week=week))
        elif t:
            a = starts[k]
            b = a + len(t)
            urls = _url_spans(joined, a, b) if k in with_urls else None
            token = _OWN_ZONE.set(_own_zone(zone, day or near))
            try:
                found, base = _scan(joined, low, a, b, day, near, zone, None, False, urls)
                found = _joined(joined, a, found, base, zone)
            finally:
                _OWN_ZONE.reset(token)
            if base is None and (stamped := _stamped_day(t, found, near)) is not None:
                found = find_times(t, day=stamped, tz=zone, year_near=near, week=week)
            out.append(found)
        else:
            out.append([])
        if dayless and out[-1] and (own := _own_year_day(out[-1], near)) is not None:
            out[-1] = find_times(t, day=day, tz=zone, year_near=own, week=week)
        for m in out[-1]:
            if m.has_date and m.at is not None and not m.is_deadline:
                seen = m.at.date()
    return out


# a four-digit year in a date mention's text ('2025-10-07', 'Oct 7, 2025', '07.10.2025')
_YEAR_WRITTEN = re.compile(r"(?<!\d)(?:1[6-9]|2\d)\d\d(?!\d)")
# (and 'time without a date': a year-less slash date over two months from ``near`` is no date at all)
_NO_YEAR = ("date without a year", "ambiguous date", "time without a date")


def _own_year_day(found: list[TimeMention], near: dt.date | None) -> dt.date | None:
    """The date a text with no day of its own should read its year-less dates against, when it is not
    ``near`` (what it was read against): the full date the text writes nearest its first year-less one
    (a tracker row's ``2025-10-07 | shipped 10/7 16:00 UTC``); None when it writes none, or no year-less
    date, or that full date is ``near`` already. A year-less date is one whose problem says so, or one
    read (with ``near``) whose mention writes no four-digit year, or a time left without a date."""
    if len(found) < 2:
        return None
    full: list[TimeMention] = []
    first: TimeMention | None = None
    for m in found:
        if m.at is None:
            if first is None and m.problem is not None and m.problem.startswith(_NO_YEAR):
                first = m
        elif m.has_date:
            if _YEAR_WRITTEN.search(m.raw) is not None:
                full.append(m)
            elif first is None and near is not None:
                first = m
    if first is None or not full:
        return None
    own = min(full, key=lambda m: abs(m.start - first.start)).at
    own_day = own.date() if own is not None else None
    return None if own_day is None or own_day == near else own_day


# 'Oct 10 by 17:00', 'due 2025-10-10 at noon', 'Oct 10, no later than 09:00 ET': a time written
# right after a date, with only a comma, 'at', '@' or a deadline word between, is on that date
_DATE_TIME_GLUE = re.compile(
    # (a ' | ' too: a table's Date and Time cells, '2025-10-09 | 14:02'; and a spaced dash, as a
    # status page stamps its updates: 'Posted Oct 09, 2025 - 14:51 EDT'; the date may be a wiki
    # link's, 'ETA [[2025-10-10]] 17:00', as Obsidian and Logseq write a day)
    r"(?:\]\])?\s*(?:[,|]|\s[-\u2013\u2014](?=\s))?\s*"
    # ('Wed 10/15 between 14:00 and 16:00 ET', 'Oct 15 from 09:00 until 10:00', 'Oct 15 around 14:00':
    # a range or an approximate time after a date is on that date too)
    r"(?:" + _cases("no later than|before|until|till|nlt|by|at|between|from|around|about|approximately|circa")
    + r"\s+|[@~]\s*)?"
)


def _join_date_times(
    text: str, a: int, found: list[TimeMention], base: dt.date | None, default_tz: dt.tzinfo
) -> list[TimeMention]:
    """``found`` (offsets from ``a``) with each date-only mention and the time written right after
    it (:data:`_DATE_TIME_GLUE`) made one mention: that time on that date, a deadline when either
    was. ``base`` is the date the times without a written date were read on; None when there was
    none, and then such a time was read on the date before it (:func:`_glued_date`)."""
    out: list[TimeMention] = []
    for m in found:
        d = out[-1] if out else None
        if (
            d is not None and m.at is not None and not m.has_date and m.precision != "day"
            and m.problem is None and _glued_date(text, a, d, a + m.start) is not None
        ):
            tz = _written_zone(m) or (zone_named(m.zone) if m.zone else None) or default_tz
            days = dt.timedelta(days=0 if base is None else (d.at.date() - base).days)
            keyword = d.keyword or m.keyword
            out[-1] = _replaced(
                m, start=d.start, raw=text[a + d.start:a + m.end], at=wall_shift(m.at, tz, days),
                until=None if m.until is None else wall_shift(m.until, tz, days), has_date=True,
                keyword=keyword, is_deadline=keyword is not None,
                skipped=m.skipped if not days else _skipped(
                    m.at.astimezone(tz).replace(tzinfo=None) + days, tz),
            )
        else:
            out.append(m)
    return out


_LONG_TAIL = re.compile(r"(?:[A-Z][a-z\u00e0-\u00ff]+\s+){1,3}Time$")


def _zone_tail(m: TimeMention) -> str:
    """The zone written at the end of ``m`` ('EST' of '01:30 EST', 'Eastern Standard Time' of '01:30
    Eastern Standard Time', as one word would lose its side of the hour), or its last word; '' if none."""
    if not m.zone:
        return ""
    raw = m.raw.rstrip(")").rstrip()
    t = _LONG_TAIL.search(raw)
    if t is not None and " ".join(t.group().split()).upper() in _ZONE_TABLE:
        return t.group()
    return raw.rsplit(None, 1)[-1].strip("()")


def _written_zone(m: TimeMention) -> dt.tzinfo | None:
    """The zone of ``m`` as its seasonal abbreviation names it ('01:30 EST': the EST side of the
    night the clocks go back), when it ends with one; else None (``m.zone`` is only the IANA name)."""
    word = _zone_tail(m)
    tz = _zone_word(word) if word else None
    return tz if getattr(tz, "abbrev", None) is not None else None


def happens_once(at: dt.datetime, zone: dt.tzinfo) -> bool:
    """Whether the wall time of ``at`` in ``zone`` happens once that day (not in the hour the clocks
    repeat when they go back)."""
    if zone is UTC:
        return True
    local = at.astimezone(zone)
    return local.replace(fold=1 - local.fold).utcoffset() == local.utcoffset()


def second_in_order(
    m: TimeMention, tz: dt.tzinfo, seen: dict[str, tuple[dt.datetime, int]], forward: bool = True
) -> TimeMention:
    """``m`` (read in ``tz``) as the second of the hour the clocks go back when the times read before
    it in the same section say so: once a time of that hour was read (``seen``: the zone's last such
    wall time and fold, updated here), a later one earlier on the wall clock, or any after one already
    in the second hour, is in the second hour (00:50, 01:20, 01:55, then 01:10 ET on 2025-11-02: 06:10
    UTC). Read ``forward`` (in file order, not a newest-first section from its end), a time after that
    hour counts as one in its second time: 00:50, 01:20, 02:05, then 01:30 ET is the second 01:30 (06:30
    UTC, less far back from 02:05 than the first). A time whose abbreviation names its side ('01:10
    EST', '01:10 EDT') keeps it; a deadline follows the order but does not move it (an ETA is no clock
    reading)."""
    if m.at is None or m.precision == "day" or not isinstance(tz, ZoneInfo):
        return m
    local = m.at.astimezone(tz)
    other = local.replace(fold=1 - local.fold)
    if other.utcoffset() == local.utcoffset():  # (happens_once, on the wall time read once here)
        if forward and not m.is_deadline and _after_fall_back(local):
            seen[tz.key] = (local.replace(tzinfo=None, fold=0), 1)
        return m  # (a wall time that happens once)
    wall = local.replace(tzinfo=None, fold=0)
    last = seen.get(tz.key)
    word = _zone_tail(m)
    word = _SEASON_ALIAS.get(" ".join(word.split()).upper(), word)  # ('Eastern Standard Time': EST)
    fold = local.fold
    if fold == 0 and last is not None and (last[1] or wall < last[0]) and word not in (
        local.tzname(), other.tzname()
    ):
        at = other.astimezone(UTC)
        until = m.until
        if until is not None and until < at:
            until = _second_wall(until, tz) or until
        m = dataclasses.replace(m, at=at, until=until)
        fold = 1
    if not m.is_deadline:
        seen[tz.key] = (wall, fold)
    return m


def _after_fall_back(local: dt.datetime) -> bool:
    """Whether the aware wall time ``local`` comes after clocks went back on its day (its offset is
    smaller than at noon the day before: 02:05 ET on 2025-11-02, 09:00 too; not 02:05 the day after)."""
    before, now = _noon_offset_before(local.tzinfo, local.date()), local.utcoffset()
    return before is not None and now is not None and now < before


@functools.lru_cache(maxsize=1024)
def _noon_offset_before(tz: dt.tzinfo | None, day: dt.date) -> dt.timedelta | None:
    """The offset of ``tz`` at noon the day before ``day`` (cached: asked once per time of a section)."""
    return dt.datetime.combine(day - dt.timedelta(days=1), dt.time(12), tzinfo=tz).utcoffset()


def wall_shift(at: dt.datetime, tz: dt.tzinfo, days: dt.timedelta) -> dt.datetime:
    """The instant whose wall time in ``tz`` is ``at``'s moved by ``days`` (across DST as written:
    '03:30' the night clocks go back is 25 hours after the evening's, not 24; a zone named by a
    seasonal abbreviation keeps the fold it names, '01:30 EST')."""
    return _utc((at.astimezone(tz).replace(tzinfo=None) + days).replace(tzinfo=tz))


# (the last text lowered_doc lowered, and its lower case: one slot, two strings at most held)
_LAST_LOWERED: tuple[str, str] = ("", "")


def lowered_doc(text: str) -> str:
    """``text.lower()`` of a whole document (or its items joined), kept for the next call with an equal
    text: the rules that read a document lower-cased run one after the other on the same text (its slash
    order, rarer secrets' hints, known-case keys, machines, the time scan: 100 KB of a log that is not
    ASCII cost ~1 ms a lowering, a comparison with the last one a memcmp). Not for items: most are lowered
    once, and a new short text costs a comparison too."""
    global _LAST_LOWERED
    last, low = _LAST_LOWERED
    if text == last:
        return low
    low = text.lower()
    _LAST_LOWERED = (text, low)
    return low


def forget_lowered() -> None:
    """Drop the text :func:`lowered_doc` keeps (the log reader, after each document: a 50 MB log and its
    lower case are not held until the next one)."""
    global _LAST_LOWERED
    _LAST_LOWERED = ("", "")
    _year_word_in.cache_clear()


def texts_holding(hay: str, needles: tuple[str, ...], starts: list[int]) -> set[int]:
    """Indexes of the joined texts (starting at ``starts``) that hold one of ``needles``."""
    found: set[int] = set()
    n = len(starts)
    for needle in needles:
        i = hay.find(needle)
        while i >= 0:
            k = bisect.bisect_right(starts, i) - 1
            found.add(k)
            i = hay.find(needle, starts[k + 1]) if k + 1 < n else -1
    return found


def _start_of(m: TimeMention) -> int:
    return m.start


def _cand_start(c: _Cand) -> int:
    return c.start


def _covering(found: list[TimeMention], pos: int, pad: int = 0) -> bool:
    """Whether a mention of ``found`` (in text order, not overlapping) spans ``pos`` give or take
    ``pad`` characters; a bisection, so that a text with thousands of mentions stays linear."""
    k = bisect.bisect_right(found, pos + pad, key=_start_of)
    return any(f.end + pad > pos for f in found[max(0, k - 2):k])


# zone word as written -> (tzinfo, label): the same as zone_named + _zone_label, one dict lookup
_FAST_ZONES: dict[str, tuple[dt.tzinfo | None, str | None]] = {}


def _fast_time(
    text: str, low: str | None, m: re.Match[str], base: dt.date | None, default_tz: dt.tzinfo,
    a: int, b: int,
) -> TimeMention | None:
    """The common 'HH:MM [zone]' with nothing else, straight to a mention; None for the general path."""
    be, con, h, mi, hm, sec, ap, bap, z, off, zp, zw, zu = m.group(*_FAST_GROUPS)
    if be is not None or con is not None or hm is not None or sec is not None or ap is not None:
        return None
    if bap is not None or base is None or mi is None:
        return None  # (a meridiem or a German '14 Uhr', minutes unwritten: the general path)
    hour, minute = int(h), int(mi)
    if hour > 23 or minute > 59:
        return None
    zone: str | None
    if z:
        tzinfo: dt.tzinfo | None = UTC
        zone = "UTC"
    elif off or zp or zw or zu:
        word = off or zp or zw or zu
        own = _OWN_ZONE.get() and _zone_word(word)
        known = (own, own.key) if isinstance(own, _Abbreviated) else _FAST_ZONES.get(word)
        if known is None:
            tz_ = zone_named(word.replace("\u2212", "-"))
            known = (tz_, _zone_label(tz_) if tz_ is not None else None)
            if len(_FAST_ZONES) < 1024:
                _FAST_ZONES[word] = known
        tzinfo, zone = known
        if tzinfo is None:
            return None
    else:
        tzinfo, zone = default_tz, None
    start, end = m.span()
    if low is not None and _DL_HINT_AFTER.search(low, end, end + 32 if b > end + 32 else b) is None and (
        start == a or _DL_HINT_BEFORE.search(low, start - 40 if start - 40 > a else a, start) is None
        and _PLURAL_HINT.search(low, start - 80 if start - 80 > a else a, start) is None
    ):
        kw = None  # no keyword near: what _deadline would find, without the call
    else:
        kw = _deadline(text, start, end, low, a, b)
    try:
        at = dt.datetime(base.year, base.month, base.day, hour, minute, tzinfo=tzinfo)
        if tzinfo is not UTC:
            at = _utc(at)
    except (OverflowError, ValueError):
        return None
    out = _mention(start - a, end - a, text[start:end], at, None, "minute", False, zone, kw, None)
    if tzinfo is not UTC and _skipped(dt.datetime(base.year, base.month, base.day, hour, minute), tzinfo):
        out.__dict__["skipped"] = True
    return out


# 'noon', 'midday' and 'midnight' written as the time itself ('deploy at noon ET', 'ETA midnight
# UTC'); '12 noon' and '12:00 noon' are read by the digit scan. Midnight is the one that ends the day.
_CLOCK_WORD = re.compile(
    r"(?<![\w\-])(?P<cw>(?i:noon|midday|midnight))(?![\w\-])" + _zone_re("n", False)
)
_CLOCK_TIME = {"noon": (12, 0, 0, 0, "minute", 0), "midday": (12, 0, 0, 0, "minute", 0),
               "midnight": (0, 0, 0, 0, "minute", 1)}


def _clock_cand(m: re.Match[str], start: int) -> _Cand:
    """The time of a ``_CLOCK_WORD`` match ('noon ET'), as a mention starting at ``start``."""
    tz, zu = _zone_groups(m, "n")  # ('noon UAT sign-off': no zone)
    c = _Cand(start, m.end() if tz is not None or zu else m.end("cw"), "time", tz=tz)
    c.time = _CLOCK_TIME[m.group("cw").lower()]
    if zu:
        c.problem = f"unknown time zone {zu}"  # ('noon XDT': not the document's noon)
    return c


def _clock_word_cands(
    text: str, found: list[TimeMention], rels: list[_Cand] | None, glued: set[int]
) -> list[_Cand]:
    """'noon'/'midday'/'midnight' (with an optional zone) outside code, URLs and other mentions; a
    date written right after one is its date ('by noon Jan 2'): its index in ``found`` goes to
    ``glued``, that date being no mention of its own."""
    out: list[_Cand] = []
    skip: list[tuple[int, int]] | None = None
    ahead: bool | None = None
    for m in _CLOCK_WORD.finditer(text):
        s = m.start()
        if _covering(found, s):
            continue
        if m.group("nzw") in _NAME_ZONES and _NAME_NEXT.match(text, m.end("nzw")):
            m = _CLOCK_WORD.match(text, s, m.start("nzw")) or m  # ('noon ART sync': no zone)
        if skip is None:
            skip = _excluded_spans(text)
        if skip and _inside(s, skip) >= 0:
            continue
        c = _clock_cand(m, s)
        k = bisect.bisect_left(found, c.end, key=_start_of)
        if k < len(found) and (d := found[k]).precision == "day" and d.at is not None and (
            _CLOCK_DATE_GLUE.fullmatch(text, c.end, d.start)
        ):
            c.date, c.end = d.at.date(), d.end
            glued.add(k)
        elif rels:
            ahead = _take_near_rel(text, c, rels, 0, len(text), ahead)
        out.append(c)
    return out


_CLOCK_DATE_GLUE = re.compile(r",?\s+(?:(?i:on)\s+)?")

# a time said in words ('half past nine ET', 'quarter past 3', 'a quarter to 5 PT') and an hour said
# roughly ('4ish', 'around 4ish pm'); without a meridiem the hour is read in working hours (7-11 in the
# morning, 12 noon, 1-6 in the afternoon: 'quarter past 3' is 15:15), a 24-hour one (13-23) as written
_HOUR_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
               "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_SPOKEN = re.compile(
    r"(?<![\w-])(?:(?:(?i:a)\s+)?(?P<sq>(?i:half|quarter))\s+(?P<sd>(?i:past|after|to|till|til|before))\s+"
    r"(?P<sh>1[0-2]|0?[1-9]|(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))"
    r"(?:\s*(?i:o['\u2019]?clock))?"
    r"|(?P<ih>1[0-2]|0?[1-9])(?i:ish))"
    r"(?:\s?(?P<sm>[AaPp]\.?(?:[Mm]\.?)?)(?!\w))?(?![\w:-])" + _zone_re("s", False)
)
# a rough hour is a time only after a time's word or at the item's start ('around 4ish', 'at 3ish', '4ish
# paged Priya'), never a count ('queue 4ish items')
_ISH_BEFORE = re.compile(
    r"(?:^|(?<![\w-])(?i:at|around|about|by|until|till|before|after|from|eta)\s+|[~@]\s*)$"
)
_SPOKEN_MINUTES = {"half": 30, "quarter": 15}


# a month and day right after a spoken time whose hour the digit scan read as a day ('quarter to 5 Oct 10')
_SPOKEN_MON_DAY = re.compile(
    r",?[^\S\n]+(?:(?i:on)[^\S\n]+)?(?P<mon>" + _MON + r")[^\S\n]*(?P<day>3[01]|[12]\d|0?[1-9])(?![\d:])"
)


# a night shift's text ('overnight', 'night shift', 'tonight'): a spoken hour 1-6 without a meridiem is
# the small hours' ('half past two' is 02:30), not the afternoon's
_EVENING_WORDS = re.compile(r"(?<![\w-])(?i:tonight|this\s+evening|in\s+the\s+evening)(?![\w-])")
_NIGHT_WORDS = re.compile(r"(?<![\w-])(?i:overnight|night|nights|tonight|night-shift)(?![\w-])")


def _spoken_cand(
    m: re.Match[str], start: int, night: bool = False, evening: bool = False
) -> _Cand | None:
    """The time of a ``_SPOKEN`` match ('half past nine ET'), as a mention starting at ``start``; None
    when a quarter before or after an hour cannot be one ('half to 5'); ``night``: the text is a night
    shift's (:data:`_NIGHT_WORDS`), an hour 1-6 is the small hours'; ``evening``: the text says tonight
    or this evening (:data:`_EVENING_WORDS`), an hour 7-11 is the evening's."""
    h_word = m.group("sh") or m.group("ih")
    hour = _HOUR_WORDS.get(h_word.lower()) or int(h_word)
    q = (m.group("sq") or "").lower()
    before = (m.group("sd") or "").lower() in ("to", "till", "til", "before")
    if q == "half" and before:
        return None  # ('half to 5': no such time)
    mer = (m.group("sm") or "x").lower()[0]
    if mer != "x":
        hour = hour % 12 + (12 if mer == "p" else 0)
    elif hour < 7 and not night:
        hour += 12  # (working hours: 'quarter past 3' is 15:15)
    elif 7 <= hour < 12 and evening:
        hour += 12  # ('half past nine tonight' is 21:30)
    minute = _SPOKEN_MINUTES.get(q, 0)
    if before:
        hour, minute = (hour - 1) % 24, 60 - minute
    tz, zu = _zone_groups(m, "s")
    end = m.end() if tz is not None or zu else (m.end("sm") if m.group("sm") else m.end("sh") if (
        m.group("sh")) else m.end("ih") + 3)
    c = _Cand(start, end, "time", tz=tz)
    c.time = (hour, minute, 0, 0, "minute", 0)
    if zu:
        c.problem = f"unknown time zone {zu}"
    return c


# a range of whole hours with one meridiem letter after the second ('9-11p tonight', 'window 1-3a'), and a
# military range in a 24-hour log (:func:`clock24`: 'downtime 0200-0400 tonight'; not one before a word no
# time takes, '1000-1200 users', nor one of two years, '2020-2024'); a range in the small hours said
# 'tonight' is the next morning's. The cheap test first: a dash in the item
_HOUR_RANGE = re.compile(
    r"(?<![\w./:-])(?:(?P<ra>1[0-2]|0?[1-9])\s?[-\u2013]\s?(?P<rb>1[0-2]|0?[1-9])(?P<rm>[AaPp])"
    r"|(?P<ma>[01]\d|2[0-3])(?P<mam>[0-5]\d)\s?[-\u2013]\s?(?P<mb>[01]\d|2[0-3])(?P<mbm>[0-5]\d))"
    r"(?![\w.:/-])" + _zone_re("r", False)
)
# (a one-letter range only after a window's or a time's word, or before a day word or a zone)
_SHORT_RANGE_BEFORE = re.compile(
    r"(?:^|(?<![\w-])(?i:window|windows|at|from|between|by|until|till|downtime|maintenance|outage|change)"
    r"\s*:?\s+|@\s*)$"
)
_SHORT_RANGE_AFTER = re.compile(r"[^\S\n]+(?i:tonight|today|tomorrow|tmrw|" + _WEEKDAY_ALT + r")\b")
_TONIGHT_AFTER = re.compile(r"[^\S\n]+(?i:tonight)\b")


def _tonight_small_hours(text: str, c: _Cand) -> None:
    """Move ``c``, a small-hours time (before 06:00) on the text's own day said ``tonight`` right after
    it, to the next morning ('0200-0400 tonight': the small hours after this evening)."""
    if c.has_rel and c.rel == 0 and c.wd < 0 and c.time and c.time[0] < 6 and (
        _TONIGHT_AFTER.match(text, c.end)
    ):
        c.rel = 1


def _zone_groups(m: re.Match[str], p: str) -> tuple[dt.tzinfo | None, str | None]:
    """(zone, the unknown zone-like word) of a match's zone groups named with prefix ``p``
    (:func:`_zone_re`); a word of :data:`_NOT_ZONES` is no zone ('noon UAT sign-off')."""
    z, off, zp, zw, zu = m.group(p + "z", p + "off", p + "zp", p + "zw", p + "zu")
    if zu in _NOT_ZONES:
        zu = None
    word = "Z" if z else (off or zp or zw or zu)
    return (_zone_word(word.replace("\u2212", "-")) if word else None), zu


def _range_cand(text: str, m: re.Match[str], start: int) -> _Cand | None:
    """The range of a ``_HOUR_RANGE`` match, or None where it is no time's."""
    tz, zu = _zone_groups(m, "r")
    if m.group("ra"):
        pm = m.group("rm") in "Pp"
        h1, h2 = int(m.group("ra")) % 12, int(m.group("rb")) % 12
        if pm:
            h2 += 12
            h1 += 12 if h1 + 12 <= h2 else 0  # ('11-1p' is 11:00 to 13:00)
        elif h1 > h2:
            h1 -= 12 if h1 >= 12 else 0
        t1, t2 = (h1 % 24, 0), (h2, 0)
        end = m.end("rm")
    else:
        if not _CLOCK24.get() and _DATE_BEFORE_MIL.search(text, max(0, start - 24), start) is None:
            return None  # (outside a 24-hour log, only right after a date: 'Sat 10/11 0700-1100')
        a, b = m.group("ma") + m.group("mam"), m.group("mb") + m.group("mbm")
        if tz is None and not zu and ("2000" <= a <= "2039" and "2000" <= b <= "2039"):
            return None  # ('2020-2024': years)
        end = m.end("mbm")
        if tz is None and not zu and _MIL_NEXT_WORD.match(text, end) and not _TONIGHT_AFTER.match(text, end):
            return None  # ('1000-1200 users')
        t1, t2 = (int(a[:2]), int(a[2:])), (int(b[:2]), int(b[2:]))
    c = _Cand(start, m.end() if tz is not None or zu else end, "time", tz=tz)
    c.time = (t1[0], t1[1], 0, 0, "minute", 0)
    c.until = (t2[0], t2[1], 0, 0, "minute", 1 if t2 <= t1 else 0)
    if zu:
        c.problem = f"unknown time zone {zu}"
    return c


# a date right before a military range ('Sat 10/11 0700-1100', '10/11 0700-1100', '2025-10-11 0700-1100',
# 'Oct 11 0700-1100', '11.10. 0700-1100'): the range is that day's times (:func:`_range_cand`), also outside
# a 24-hour log; a bare slash date (groups ``sa``, ``sb``, ``sy``), no mention of its own, is read with it
_DATE_BEFORE_MIL = re.compile(
    r"(?:(?<![\w/.:-])(?P<sa>\d{1,2})/(?P<sb>\d{1,2})(?:/(?P<sy>\d{4}|\d{2}))?|(?<![\w-])\d{4}-\d{2}-\d{2}"
    r"|(?<![\w-])(?i:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?"
    r"|(?<![\w-])(?i:" + _MON + r")[a-z]*\.?[ \t]+\d{1,2}(?:st|nd|rd|th)?"
    r"|(?<![\w.-])\d{1,2}(?:st|nd|rd|th)?[ \t]+(?i:" + _MON + r")[a-z]*\.?(?:[ \t]+\d{4})?"
    r"|(?<![\w.-])\d{1,2}\.\d{1,2}\.(?:\d{4})?)[ \t]*,?[ \t]+\Z"
)


def _range_cands(
    text: str, found: list[TimeMention], rels: list[_Cand] | None, near: dt.date | None = None
) -> list[_Cand]:
    """The hour ranges of :data:`_HOUR_RANGE` outside code, URLs and other mentions; a military range
    right after a bare slash date no mention holds is on that date (read against ``near``, as
    :func:`_slash_reading` reads one: '10/11 0700-1100')."""
    out: list[_Cand] = []
    skip: list[tuple[int, int]] | None = None
    ahead: bool | None = None
    for m in _HOUR_RANGE.finditer(text):
        s = m.start()
        if _covering(found, s):
            continue
        if skip is None:
            skip = _excluded_spans(text)
        if skip and _inside(s, skip) >= 0:
            continue
        if m.group("ra") and not (_SHORT_RANGE_BEFORE.search(text, max(0, s - 24), s) or (
            _SHORT_RANGE_AFTER.match(text, m.end()) or m.group("rzw") or m.group("rzp")
        )):
            continue  # ('option 1-2a': a label)
        c = _range_cand(text, m, s)
        if c is None:
            continue
        if m.group("ma") and "/" in text[max(0, s - 12):s] and (
            dm := _DATE_BEFORE_MIL.search(text, max(0, s - 24), s)
        ) is not None and dm.group("sa") and not _covering(found, dm.start()):
            try:
                date = _slash_reading(dm.group("sa"), dm.group("sb"), dm.group("sy"), near)
            except _Bad:
                date = None
            if date is not None:
                c.start, c.date = dm.start(), date
        if rels:
            ahead = _take_near_rel(text, c, rels, 0, len(text), ahead)
            _tonight_small_hours(text, c)  # ('0200-0400 tonight')
        out.append(c)
    return out


# 'first thing Monday' (also 'first thing tomorrow', '... Monday morning', 'first thing Mon', a weekday's
# short form capitalised as elsewhere): the start of that working day, read as 09:00 in the text's zone (or
# the zone written after it), a weekday the next one ahead
_FIRST_THING = re.compile(
    r"(?<![\w-])(?i:first\s+thing)(?:\s+(?i:on|this|next))?\s+(?P<fd>(?i:tomorrow|tmrw|" + _WEEKDAY_ALT
    + r")|(?:" + _WD_ABBR + r")(?=\.?(?![\w-])))\.?(?:\s+(?i:morning|am))?(?![\w-])" + _zone_re("f", False)
)


_DUE_IN_CLAUSE = re.compile(r"[^.;!?\n]{0,80}?(?<![\w-])(?i:due)(?![\w-])")


def _not_inside(found: list[TimeMention], cands: list[_Cand]) -> list[TimeMention]:
    """``found`` (in text order) without the mentions that start inside one of ``cands`` (in text order,
    not overlapping): one merge, linear in both."""
    out: list[TimeMention] = []
    j = 0
    for f in found:
        while j < len(cands) and cands[j].end <= f.start:
            j += 1
        if j < len(cands) and cands[j].start <= f.start:
            continue
        out.append(f)
    return out


def _first_thing_cands(text: str, found: list[TimeMention], rels: list[_Cand] | None) -> list[_Cand]:
    """'first thing Monday' (:data:`_FIRST_THING`) outside code and URLs: 09:00 of that day."""
    out: list[_Cand] = []
    skip: list[tuple[int, int]] | None = None
    for m in _FIRST_THING.finditer(text):
        s = m.start()
        if _covering(found, s) or not rels:
            continue
        if skip is None:
            skip = _excluded_spans(text)
        if skip and _inside(s, skip) >= 0:
            continue
        z, off, zp, zw, zu = m.group("fz", "foff", "fzp", "fzw", "fzu")
        word = "Z" if z else (off or zp or zw)
        tz = _zone_word(word.replace("\u2212", "-")) if word else None
        c = _Cand(s, m.end() if tz is not None else m.end("fd") if not m.group(0).lower().endswith(
            ("morning", "am")) or zu else m.end(), "time", tz=tz)
        c.time = (9, 0, 0, 0, "minute", 0)
        if _DUE_IN_CLAUSE.match(text, c.end):
            c.keyword = "due"  # ('first thing Monday: OPS-320 access review due')
        j = bisect.bisect_left(rels, m.start("fd"), key=_cand_start)
        if j >= len(rels) or (r := rels[j]).start != m.start("fd"):
            continue
        r.used = True
        c.rel, c.has_rel, c.wd, c.week, c.bday = r.rel, True, r.wd, r.week, r.bday
        if r.wd >= 0:
            c.wd_at, c.ahead = (r.start, r.end), True
        out.append(c)
    return out


def _spoken_cands(
    text: str, found: list[TimeMention], rels: list[_Cand] | None, glued: set[int]
) -> list[_Cand]:
    """The times said in words and the rough hours (:data:`_SPOKEN`) outside code, URLs and other
    mentions; a date right after one is its date, as after 'noon' (``glued``: :func:`_clock_word_cands`)."""
    out: list[_Cand] = []
    skip: list[tuple[int, int]] | None = None
    ahead: bool | None = None
    night: bool | None = None
    for m in _SPOKEN.finditer(text):
        s = m.start()
        if _covering(found, s) or m.group("ih") and not _ISH_BEFORE.search(text, max(0, s - 8), s):
            continue
        if m.group("szw") in _NAME_ZONES and _NAME_NEXT.match(text, m.end("szw")):
            m = _SPOKEN.match(text, s, m.start("szw")) or m
        if skip is None:
            skip = _excluded_spans(text)
        if skip and _inside(s, skip) >= 0:
            continue
        if night is None:
            # (once per text)
            night = _NIGHT.get() or "ight" in text and _NIGHT_WORDS.search(text) is not None
            evening = ("ight" in text or "vening" in text) and _EVENING_WORDS.search(text) is not None
        c = _spoken_cand(m, s, night, evening)
        if c is None:
            continue
        k = bisect.bisect_left(found, c.end, key=_start_of)
        if k < len(found) and (d := found[k]).precision == "day" and d.at is not None and (
            _CLOCK_DATE_GLUE.fullmatch(text, c.end, d.start)
        ):
            c.date, c.end = d.at.date(), d.end
            glued.add(k)
        elif k > 0 and (d := found[k - 1]).precision == "day" and d.at is not None and (
            s <= d.start < c.end < d.end) and (md := _SPOKEN_MON_DAY.match(text, c.end)) is not None:
            # ('quarter to 5 Oct 10': the digit scan read '5 Oct' inside the spoken time; its date is Oct 10)
            try:
                c.date = dt.date(d.at.year, _MONTHS[md.group("mon")[:3].lower()], int(md.group("day")))
                c.end = md.end()
            except ValueError:
                pass
        elif rels:
            ahead = _take_near_rel(text, c, rels, 0, len(text), ahead)
            if night:
                _tonight_small_hours(text, c)  # ('half past two tonight')
        out.append(c)
    return out


# 'EOD'/'eod', 'EOB', 'COB', 'end of (the) day/business', 'close of business': a deadline at the end of a
# day, the day written next to it ('EOD Friday', 'tomorrow COB') or the text's own. A time next to it is the
# deadline.
_EOD = re.compile(
    r"(?<![\w-])(?:(?i:eod|eob)|COB|(?i:end\s+of\s+(?:the\s+)?(?:business\s+)?(?:day|business)"
    r"|close\s+of\s+(?:the\s+)?business(?:\s+day)?)"
    r"|(?P<week>(?i:eow|end\s+of\s+(?:the\s+)?(?P<next>next\s+)?(?:work\s+)?(?:week|wk)"
    # ('ETA next wk', as terse notes write it)
    r"|(?P<bare>this\s+(?:week|wk)|(?P<next2>next)\s+(?:week|wk))))"
    r"|(?P<month>(?i:eom|end\s+of\s+(?:the\s+)?(?P<nextm>next\s+)?month)))(?![\w-])"
)
_EOD_GLUE = re.compile(r"[\s,(]*(?:(?i:on|of|this|by)\s+)?")


def _eod_cands(
    text: str, found: list[TimeMention], rels: list[_Cand] | None, base: dt.date | None
) -> list[_Cand]:
    """Date-only deadlines written as the end of a day (keyword ``EOD`` unless another governs)."""
    out: list[_Cand] = []
    skip: list[tuple[int, int]] | None = None
    dated = any(f.precision == "day" for f in found)
    timed = [f for f in found if f.precision != "day"] if dated else found
    for m in _EOD.finditer(text):
        s, e = m.span()
        if base is None or _time_next_to(text, timed, s, e):
            continue  # no date to take, or a time next to it ('ETA EOD 17:00') is the deadline
        if dated and _eod_of_date(text, found, s, e):
            continue  # 'by Tue 10/14 EOD', 'Oct 14 EOD': the date written next to it is the deadline
        if skip is None:
            skip = _excluded_spans(text)
        if skip and _inside(s, skip) >= 0:
            continue
        if m.group("week") or m.group("month"):
            nxt = m.group("next") or m.group("next2") or m.group("nextm")
            short = "EOW" if m.group("week") else "EOM"
            if (nxt is None or m.group("bare")) and _deadline(text, s, e) is None and (
                short.lower() not in m.group(0).lower()
            ):
                continue  # 'at the end of the week we shipped', 'next week we plan': no promise
            out.append(_Cand(s, e, "date", date=_period_end(base, short, nxt is not None), keyword=short))
            continue
        near = rels[bisect.bisect_left(rels, s - 24, key=_cand_start):
                    bisect.bisect_right(rels, e + 24, key=_cand_start)] if rels else ()
        day_word = next(
            (r for r in near if not r.used and not r.of_date
             and _EOD_GLUE.fullmatch(text, *((r.end, s) if r.end <= s else (e, r.start)))),
            None,
        )
        kw = _deadline(text, s, e)
        if day_word is None:
            if kw is None:
                continue  # 'posted the EOD summary': a report's name, no promise
            date = base
        else:
            day_word.used = True
            s, e = min(s, day_word.start), max(e, day_word.end)
            w = day_word
            # ('missed COB Thurs', 'Thu EOD missed': the Thursday before)
            ahead = kw not in _LOOKS_BACK and not (w.week < 0 and written_missed(text, s, e, 0))
            date = base + dt.timedelta(
                days=_rel_days(w, base) if w.wd < 0 else _weekday_shift(base, w.wd, ahead, w.week))
        if _is_condition_by(text, max(0, s - 80), s):
            continue  # ('escalate ... if no answer by Wed EOD': the condition's time, no promise)
        if (z := _EOD_ZONE.match(text, e)) is not None and (tz := _zone_word(z.group("ezw"))) is not None:
            # ('fix by EOD Friday PT': the end of Friday in PT, as 'by midnight PT' is; not the text's zone)
            c = _Cand(s, z.end(), "time", date=date, tz=tz, keyword="EOD")
            c.time = (0, 0, 0, 0, "minute", 1)
            out.append(c)
            continue
        out.append(_Cand(s, e, "date", date=date, keyword="EOD"))
    return out


# a zone written right after an end of day ('EOD Friday PT', 'COB ET')
_EOD_ZONE = re.compile(r"[^\S\n]{1,2}(?P<ezw>" + _ZWORD + r")(?!" + GLUED + r"|/)")


# what may stand between an end of day and the time written next to it: 'ETA EOD 17:00', 'EOD (18:00
# ET)', 'EOD at 17:00', 'EOD Fri 18:00 ET', 'by EOD, ETA 17:00 UTC', '17:00 UTC EOD' (an item's opening
# time is not: '15:28 PAY-4 ETA EOD', '17:00 ETA EOD')
_EOD_GAP_WORDS = (
    r"(?i:at|by|on|today|tonight|tomorrow|tmrw|tmr|2moro|" + _WEEKDAY_ALT + "|" + _WD_ABBR_LOW + r")\.?"
)
_EOD_TIME_BEFORE = re.compile(r"[\s,(\[@:\-]*(?:" + _EOD_GAP_WORDS + r"[\s,(\[@:\-]+)?")
_EOD_TIME_AFTER = re.compile(
    r"[\s,(\[@:\-]*(?:(?:" + _EOD_GAP_WORDS + r"|(?i:eta|due|deadline|target))[\s,(\[@:\-]+){0,2}"
)


def _time_next_to(text: str, timed: list[TimeMention], s: int, e: int) -> bool:
    """Whether a time of ``timed`` (in text order) is written next to the end of day at ``text[s:e]``:
    within 12 characters, with only :data:`_EOD_TIME_BEFORE` or :data:`_EOD_TIME_AFTER` between."""
    k = bisect.bisect_right(timed, e + 12, key=_start_of)
    for f in timed[max(0, k - 2):k]:
        if f.end <= s:
            if s - f.end <= 12 and _EOD_TIME_BEFORE.fullmatch(text, f.end, s):
                return True
        elif f.start < e or _EOD_TIME_AFTER.fullmatch(text, e, f.start):
            return True
    return False


def _period_end(base: dt.date, short: str, following: bool) -> dt.date:
    """The last day of ``base``'s week (``EOW``: its Friday, or a weekend day itself) or month
    (``EOM``), or of the one after it when ``following`` ('end of next week')."""
    if short == "EOW":
        if not following and base.weekday() > 4:
            return base
        return base + dt.timedelta(days=4 - base.weekday() + (7 if following else 0))
    ahead = 2 if following else 1
    first = dt.date(base.year + (base.month + ahead - 1) // 12, (base.month + ahead - 1) % 12 + 1, 1)
    return first - dt.timedelta(days=1)


def _eod_of_date(text: str, found: list[TimeMention], s: int, e: int) -> bool:
    """Whether a date-only mention of ``found`` is written next to the EOD at ``text[s:e]``; that
    mention becomes a deadline (keyword ``EOD`` unless it has one), in place."""
    after = bisect.bisect_left(found, e, key=_start_of)  # (found is in text order: look at the two
    for k in (after - 1, after):                         # mentions around the EOD, not at all of them)
        if not 0 <= k < len(found):
            continue
        f = found[k]
        if f.precision != "day" or f.at is None:
            continue
        if (f.end <= s and _EOD_GLUE.fullmatch(text, f.end, s)) or (
            e <= f.start and _EOD_GLUE.fullmatch(text, e, f.start)
        ):
            if f.keyword is None:
                found[k] = dataclasses.replace(f, keyword="EOD", is_deadline=True)
            return True
    return False


# Times written as one list share the zone written after the last of them ('09:00 and 10:00 ET',
# '09:00, 12:00 or 15:00 UTC'). Two times joined as a range are one mention, like '09:00-10:00 ET',
# a zone on either end applying to both: 'between 09:00 and 10:00 ET', 'from 09:00 until 10:00 ET'
# ('until' there ends a range: no deadline), '09:00 through 10:30 ET'.
_JOIN_MAX = 26  # no list or range join ('  through  ', ' , and ', ' through Wednesday, ') is longer
_LIST_GAP = re.compile(r"\s*,\s*(?:(?:and|or|&)\s+)?|\s+(?:and|or)\s+|\s*[&/]\s*")
_LIST_NEXT = re.compile(r"(?:" + _LIST_GAP.pattern + r")\d")  # (a time of the same list after it)
_BETWEEN = re.compile(r"(?i:between)\s+$")
_FROM = re.compile(r"(?i:from)\s+$")
_AND_GAP = re.compile(r"\s+(?i:and)\s+|\s*&\s*")
# (a weekday written before the end is the end's day: 'freeze from 09:00 through Friday 18:00')
_END_DAY = r"(?:(?:" + _WEEKDAY_ALT + "|" + _WD_ABBR_LOW + r")\.?,?\s+)?"
_UNTIL_GAP = re.compile(r"\s+(?i:until|till|til|through|thru)\s+" + _END_DAY, re.IGNORECASE)
_THROUGH_GAP = re.compile(r"\s+(?i:through|thru)\s+" + _END_DAY, re.IGNORECASE)
_STARTS = re.compile(r"(?i:starts?|started|starting|began|begins|start\s+time)\s*(?:at\s+|:\s*)?$")
_ENDS_GAP = re.compile(  # (Go's '+0000 UTC' leaves the zone's name after the offset)
    r"(?:\s[A-Z]{2,5})?\s*[,;]?\s*(?i:ends?|ended|ending|end\s+time)\s*(?:at\s+|:\s*)?"
)
# (org-mode and Logseq write a range of two stamps, '<2025-10-09 Thu 14:02>--<2025-10-09 Thu 15:10>',
# 'CLOCK: [2025-10-09 Thu 14:02:11]--[2025-10-09 Thu 15:10:40]')
_DASH_GAP = re.compile(
    r"(?:\s?[\u2013\u2014]\s?|\s--?\s|--?|>--?<|\]--?\[|\s+to\s+)"
    r"(?:(?:" + _WEEKDAY_ALT + "|" + _WD_ABBR_LOW + r")\.?,?\s+)?",
    re.IGNORECASE,
)


def _range_gap(text: str, a: int, m: TimeMention, nxt: TimeMention) -> bool:
    """Whether the mentions ``m`` and ``nxt`` (offsets from ``a``) are written as one range."""
    s, e = a + m.end, a + nxt.start
    if text.startswith(" to", s) and _MOVED_FROM.search(text, max(a, a + m.start - 24), a + m.start):
        return False  # ('ETA slipped from 10:00 to 13:00': a move, not a range)
    if _DASH_GAP.fullmatch(text, s, e):
        return True  # (with dates or days: 'Oct 30 18:00 - Nov 3 09:00 ET', 'Sat 23:00 - Sun 03:00')
    before = max(a, a + m.start - 12), a + m.start
    if _ENDS_GAP.fullmatch(text, s, e):  # (Alertmanager's 'Starts at 14:02:11 UTC, Ends at 15:48:30 UTC')
        return _STARTS.search(text, max(a, a + m.start - 16), a + m.start) is not None
    if _AND_GAP.fullmatch(text, s, e):
        return _BETWEEN.search(text, *before) is not None or _opens_with(m, "between")
    if _UNTIL_GAP.fullmatch(text, s, e):
        return _THROUGH_GAP.fullmatch(text, s, e) is not None or _FROM.search(text, *before) is not None or (
            _opens_with(m, "from"))
    return False


def _opens_with(m: TimeMention, word: str) -> bool:
    """Whether ``m`` is a time joined to the date before it by ``word`` ('Wed 10/15 from 14:00': its
    range's opening word is inside it, not before it)."""
    return m.has_date and f" {word} " in m.raw.lower()


def _share_zones(text: str, a: int, found: list[TimeMention], default_tz: dt.tzinfo) -> list[TimeMention]:
    """``found`` (mentions of ``text[a:]``, in order) with zone-less times of a list re-read in the
    zone written on the list's last time, and two times written as a range made one mention."""
    out = found
    nxt: TimeMention | None = None
    for i in range(len(out) - 1, -1, -1):
        m = out[i]
        timed = m.at is not None and m.precision != "day" and not m.is_stamp
        if not timed or nxt is None or nxt.start - m.end > _JOIN_MAX:
            nxt = m if timed else None  # (most pairs: far apart, no join to read)
            continue
        if out is found:
            out = list(found)
        if m.until is None and nxt.until is None and _range_gap(text, a, m, nxt):
            if m.zone is None and nxt.zone is not None:
                m = _in_zone(m, nxt.zone, default_tz)
            elif nxt.zone is None and m.zone is not None:
                nxt = _in_zone(nxt, m.zone, default_tz)
            until = _range_end(text, a, m, nxt, default_tz)
            if until == m.at:
                until = None  # ('Oct 10 09:00 - Oct 10 09:00': one time written twice, no range)
            m = dataclasses.replace(m, end=nxt.end, raw=text[a + m.start:a + nxt.end], until=until)
            out[i] = m
            del out[i + 1]
        elif m.zone is None and nxt.zone is not None and _LIST_GAP.fullmatch(text, a + m.end, a + nxt.start):
            m = out[i] = _in_zone(m, nxt.zone, default_tz)
        nxt = m if timed else None
    return out


def _range_end(
    text: str, a: int, m: TimeMention, nxt: TimeMention, default_tz: dt.tzinfo
) -> dt.datetime:
    """When the range from ``m`` to ``nxt`` ends: on the weekday written before its end ('Wed 22:00 -
    Fri 06:00'), else at the first such wall time after its start ('23:00 - 03:00' ends the next
    day, 25 hours later the night clocks go back)."""
    tz = (zone_named(nxt.zone) if nxt.zone else None) or default_tz
    assert m.at is not None and nxt.at is not None
    wd = _WD_IN_GAP.search(text, a + m.end, a + nxt.start)
    start, end = m.at.astimezone(tz), nxt.at.astimezone(tz)
    days = (end.date() - start.date()).days
    if wd is not None:
        want = (_WD_INDEX[wd.group(0)[:3].lower()] - start.weekday()) % 7
    elif nxt.at < m.at and (second := _second_wall(nxt.at, tz)) is not None and second >= m.at:
        return second  # (the second of the hour the clocks go back, after a start in the first)
    elif nxt.at < m.at:
        # the next wall time on or after the start's: a day on, or two when a whole day lies between;
        # never before the start ('noon through 09:00, Fri' under a Wednesday: the end's weekday, read
        # back to the Friday before, is no end before the start: the next 09:00)
        gap = start.replace(tzinfo=None) - end.replace(tzinfo=None)
        want = max(days + (1 if gap <= _A_DAY else 2), 0 if end.time() >= start.time() else 1)
    else:
        return nxt.at
    if want == days:
        return nxt.at
    # the end's own words read again on its day: '02:30 CET' the night clocks go back is the second
    again = find_times(nxt.raw, day=start.date() + dt.timedelta(days=want), tz=default_tz)
    if len(again) == 1 and again[0].at is not None and again[0].at >= m.at:
        return again[0].at
    return wall_shift(nxt.at, tz, dt.timedelta(days=want - days))


_A_DAY = dt.timedelta(days=1)
_WD_IN_GAP = re.compile(
    r"(?<![A-Za-z])(?:" + _WEEKDAY_ALT + "|" + _WD_ABBR_LOW + r")(?![A-Za-z])", re.IGNORECASE
)


def _in_zone(m: TimeMention, zone: str, was: dt.tzinfo) -> TimeMention:
    """``m`` (read in ``was``, no zone written) with its wall time read in ``zone`` instead."""
    tz = zone_named(zone)
    if tz is None:
        return m
    until = _rezone(m.until, was, tz) if m.until is not None else None
    wall = m.at.astimezone(was).replace(tzinfo=None)
    return dataclasses.replace(
        m, at=_rezone(m.at, was, tz), until=until, zone=zone, skipped=_skipped(wall, tz))


def _rezone(at: dt.datetime, was: dt.tzinfo, tz: dt.tzinfo) -> dt.datetime:
    """The instant whose wall time in ``was`` is read again in ``tz``."""
    return _utc(at.astimezone(was).replace(tzinfo=tz))


def _rel_cands(text: str) -> list[_Cand]:
    out: list[_Cand] = []
    skip: list[tuple[int, int]] | None = None
    weeks: bool | None = None  # (whether the text says week or fortnight: once per text, not per match)
    for m in _REL.finditer(text):
        if skip is None:
            skip = _excluded_spans(text)
        if skip and _inside(m.start(), skip) >= 0:
            continue
        if m.group("bday"):  # ('response due next business day by 12:55 ET': Fri -> Mon)
            out.append(_Cand(m.start("bday"), m.end(), "rel", has_rel=True, rel=1, bday=True))
            continue
        if m.group("eve"):  # ('23:10 (prev. evening)': the day before, for the time right next to it)
            out.append(_Cand(m.start("eve"), m.end(), "rel", has_rel=True, rel=-1, tight=True))
            continue
        abbr = m.group("abbr")
        word = (abbr or m.group("word")).lower()
        if word in _REL_OFFSET:
            out.append(_Cand(m.start("word"), m.end(), "rel", has_rel=True, rel=_REL_OFFSET[word]))
        else:
            which = m.group("which")
            if which is not None and which.lower() == "last" and _OF_MONTH.match(text, m.end()):
                continue  # ('last Friday of October': a month's last Friday, not the one before)
            week = -1 if which is None else _WHICH_WEEK[which.lower()]
            wd, short = _WD_INDEX[word[:3]], abbr is not None
            start, end = m.start(), m.end()
            if weeks is None:
                weeks = "eek" in text or "ortnight" in text
            if which is None and abbr is None and weeks:
                # British 'Thursday week', 'Monday fortnight', 'a week on Friday': that weekday's next
                # one (on or after the day) a week or two later (week 11 or 12: _weekday_shift)
                after = _WD_WEEK_AFTER.match(text, end)
                before = None if after else _WD_WEEK_BEFORE.search(text, max(0, start - 24), start)
                if (after is not None or before is not None) and _WAS_DUE.search(
                    text, max(0, start - 40), start if before is None else before.start()
                ):
                    continue  # ('it was due Thursday week': a week from the day it was said, not known)
                if after is not None:
                    end, week = after.end(), 12 if after.group(1).lower() == "fortnight" else 11
                elif before is not None:
                    start, week = before.start(), 12 if before.group(1).lower() == "fortnight" else 11
            out.append(_Cand(start, end, "rel", has_rel=True, wd=wd, week=week, abbr=short))
    return out


# 'Thursday week', 'Monday fortnight' (not 'Thursday weekly', 'Monday week 42') and 'a week on Friday',
# 'a fortnight on Monday', 'a week from Friday': the weekday a week (a fortnight) after its next one
_WD_WEEK_AFTER = re.compile(
    r"[^\S\n]+((?i:week|fortnight))(?![\w\-])(?![^\S\n]*\d+(?:$|[^\d:.apAPhH\s]|\s+(?![AaPp]\.?[Mm])))"
)
# (a week from a day said before: 'it was due Thursday week', 'had been planned for Monday fortnight')
_WAS_DUE = re.compile(
    r"(?<![\w-])(?i:was|were|had[^\S\n]+been)[^\S\n]+(?i:due|planned|scheduled|set|promised|expected)"
    r"(?:[^\S\n]+(?i:for|on|by))?[^\S\n]+$"
)
_WD_WEEK_BEFORE = re.compile(
    r"(?<![\w\-])(?i:a|one)[^\S\n]+((?i:week|fortnight))[^\S\n]+(?i:on|from)[^\S\n]+$"
)


# Words that put a weekday ahead of the text's date rather than behind it.
_AHEAD = re.compile(
    r"(?<![\w-])(?i:scheduled|schedule|will|next|upcoming|planned|planning|plans?\s+to|going\s+to"
    r"|expected|expects?|booked|set\s+for|coming"
    # a notice of what is to come: 'Maintenance announced: servers down Tue 06:00 PDT', 'announced for Tue',
    # 'announced maintenance Tue 06:00' (not 'announced on Tue 06:00', 'announced Tue 06:00': when it was)
    r"|announced(?=[^\S\n]*:|[^\S\n]+(?:for|maintenance|downtime|outage|window)\b)|announcing|announces"
    # the notice named first: 'Downtime announced Tue 06:00' (not '... announced on Tue': when it was)
    r"|(?:maintenance|downtime|outage)[^\S\n]+announced(?![^\S\n]+on\b)"
    # a schedule told in the present: 'Code freeze starts Tue 12:00', 'Freeze begins Tuesday 12:00'
    r"|starts|begins|kicks\s+off|goes\s+live"
    # a risk to come: 'Sun run may miss 07:00 IST freshness' (the coming Sunday's run)
    r"|(?:may|might|could)(?:\s+not)?\s+(?:miss|breach|slip|be\s+late)"
    # a reminder of what is to come: 'Reminder: Contoso callback Mon 9am PT' on a Sunday is the coming
    # Monday (not 'reminder sent Mon': when it went out)
    r"|reminders?(?=[^\S\n]*[:\u2014-]|[^\S\n]+(?:for|to|about|re|that)\b)|remind(?:ing)?[^\S\n]+(?:\w+[^\S\n]+)?to"
    # a meeting or a job moved: 'standup moved to Friday 10am', 'rescheduled for Mon', 'Go/no-go moved
    # from Tue 16:00 to Wed 10:00' (the slot it left was ahead too)
    r"|(?:moved|rescheduled|postponed|pushed|deferred|delayed|bumped)\s+(?:it\s+|them\s+)?(?:out\s+|back\s+)?"
    r"(?:to|until|for|from)"
    # a change calendar row's status cell that keeps its window a promise ('| Thu 14:00 | Lee | Approved |':
    # the Thursday on or after the section's day, as a 'Planned' row's; logs._WINDOW_STATUS)
    r"|\|[^\S\n]*(?:approved|authori[sz]ed|confirmed|pending|postponed|deferred|re-?scheduled|proposed"
    r"|submitted|requested|ready|on[^\S\n]+hold|awaiting|genehmigt|geplant|verschoben|freigegeben))"
    r"(?![\w-])"
)
# a wait up to a time, a weekday after it ahead ('CHG-77 not approved by CAB until Thu 22:00Z', "can't deploy
# till Mon", 'Bo on leave until Thu', 'CHG-78 on hold until Friday'): what is denied or held now ends then
_WAIT_UNTIL = re.compile(
    r"(?i:(?:(?:\b(?:not|never|cannot)|n['\u2019]t)\b[^.;!?\n]{0,48}?|\bon[^\S\n]+(?:hold|leave|pto|vacation)"
    r"|\booo|\bout[^\S\n]+of[^\S\n]+(?:the[^\S\n]+)?office)[^\S\n]+(?:until|till)\b)"
)
# a meeting's (or a maintenance's) slot, written with no tense: 'Go/no-go meeting Wed 16:00', 'retro Thu
# 10:00', 'Maintenance Tue 06:00' is the nearest
# such day, ahead or behind (written on a Monday: Wednesday this week; on a Friday: Wednesday just gone);
# so is a rollout's, a go-live's, a launch's ('rollout at 02:00 UTC Fri' written on a Tuesday: that Friday)
_SLOT = re.compile(
    r"(?<![\w-])(?i:meeting|sync|call|review|stand-?up|demo|retro|kick-?off|go/no-go|freeze|cut-?over"
    # a change's start, told as a slot: 'rollout at 02:00 UTC Fri', 'go-live Thu 09:00', 'launch Fri 10:00'
    r"|maintenance|downtime|roll-?outs?|go-?live|launch"
    # a call promised back: 'callback Mon 9am', 'call back Tue' (not one told done: 'callback was Mon')
    r"|call-?backs?|call[^\S\n]+back)(?![\w-])"
)
# a slot told as done: 'Code freeze started Tue 12:00', 'retro Wed went well' (the last such day); in the
# weekday's own clause only: 'Branch cut done; code freeze Thu 18:00 PT' is this week's Thursday
_TOLD_DONE = re.compile(
    r"(?<![\w-])(?i:was|were|went|happened|held|took\s+place|started|began|ended|finished|done|completed)(?![\w-])"
)
_CLAUSE_END = re.compile(r"[;|\n]|[.!?](?=\s|$)")


def _told_done(text: str, a: int, b: int, r: _Cand) -> bool:
    """Whether the clause of ``text[a:b]`` holding the weekday ``r`` tells its slot as done
    (:data:`_TOLD_DONE`); another clause's 'done' is another step's."""
    lo = a
    for m in _CLAUSE_END.finditer(text, a, r.start):
        lo = m.end()
    hi = _CLAUSE_END.search(text, r.end, b)
    return _TOLD_DONE.search(text, lo, b if hi is None else hi.start()) is not None


def _rel_days(c: _Cand, base: dt.date) -> int:
    """Days from ``base`` to the relative day of ``c``: its offset ('tomorrow' 1), or for the next
    business day ('next business day by 12:55') the next weekday, Monday after a Friday, Saturday or
    Sunday (holidays are not known: a holiday Monday still counts)."""
    if c.bday:
        return 7 - base.weekday() if base.weekday() >= 4 else 1
    return c.rel


def _weekday_shift(base: dt.date, weekday: int, forward: bool, week: int = -1) -> int:
    """Days from ``base`` to the weekday named next to a time: the next one on or after it for a
    deadline ("ETA Friday 09:00"), the last one on or before it otherwise ("Monday 09:00 deploy");
    with ``week`` 0 or 1, that day of base's week or of the next ("this Friday", "next Friday"); with
    -2 the last one before base ("last Friday")."""
    if week >= 10:  # ('Thursday week': the next Thursday on or after base, a week later; 12 a fortnight)
        return (weekday - base.weekday()) % 7 + 7 * (week - 10)
    if week >= 0:
        return weekday - base.weekday() + 7 * week
    if week == -2:
        return (weekday - base.weekday()) % 7 - 7
    ahead = (weekday - base.weekday()) % 7
    return ahead if forward or ahead == 0 else ahead - 7


# a state reached on a weekday written with no time ('OPS-12 resolved on Monday', 'fixed Tue'): the day
# it happened, the last such day on or before the text's (:func:`_other_mentions`, :func:`_resolve`)
_DONE_VERBS = (
    r"resolved|fixed|closed|deployed|shipped|merged|mitigated|restored|completed|finished"
    r"|released|reverted|rolled[^\S\n]+back|done"
)
_DONE_ON = re.compile(
    r"(?i:\b(?:" + _DONE_VERBS + r"))(?:[^\S\n]+(?i:on|last))?[^\S\n]+$"
    # (an escalation told with whom it reached, its day after 'on': 'escalated it to the platform
    # director on Saturday')
    r"|(?i:\bescalated(?:[^\S\n]+[\w'\u2019-]+){1,6}?[^\S\n]+on)[^\S\n]+$"
)

# (a state to come: 'will be resolved on Monday', 'to be deployed Fri')
_DONE_TO_COME = re.compile(
    r"(?i:\b(?:will|shall|to|should|must|can|could|may|might|being|be)|['\u2019]ll)(?:[^\S\n]+(?i:be|get))?[^\S\n]+$"
)


# how the last word of every match of _DONE_ON ends before its white space ('resolved', 'rolled back',
# 'done', 'fixed on', 'closed last', 'escalated it to the director on')
_DONE_ON_ENDS = ("ed", "back", "done", "on", "last")


def _done_on(text: str, start: int) -> bool:
    """Whether the weekday at ``start`` is the day a state was reached (:data:`_DONE_ON`), not one to come."""
    lo = max(0, start - 64)  # (room for 'escalated it to the director on')
    tail = _ascii_tail(text, lo, start)
    if tail is not None and not tail.endswith(_DONE_ON_ENDS):
        return False  # (a cheap exact gate, :func:`_ascii_tail`: checked once per weekday near each time)
    m = _DONE_ON.search(text, lo, start)
    return m is not None and _DONE_TO_COME.search(text, max(0, m.start() - 16), m.start()) is None


# A weekday that labels an item, opening it before a colon or a dash ('- Mon: deployed DEP-1', '- Monday:
# ...', '- **Tue**: rolled back', '- *Tue*: ...', '- Thursday - shipped', '- Mon \u2014 ...', '- [Tue]
# paged'): the day of what the item tells (:func:`label_day`). Not a weekday written before a time or a
# date, which dates that time as any does ('Wed 10:00 UTC: standup', 'Tue 10/14: ...'), nor a range of
# days ('Mon - Fri: on call'), nor a short one in lower case ('sat', 'sun' are words) or with its dot
# alone ('Tue. rolled back': a sentence's end as likely)
_WD_LABEL = re.compile(
    r"[*_]{0,3}(?P<br>\[)?[*_]{0,3}(?P<wd>(?i:" + _WEEKDAY_ALT + r")|" + _WD_ABBR + r")(?![\w\-])[*_]{0,3}"
    r"(?(br)\](?:[*_]{0,3}[^\S\n]*:)?|[^\S\n]*(?::|[\u2013\u2014]|--?(?=\s)))[*_]{0,3}(?=\s|$)"
    r"(?![^\S\n]*(?:[\u2013\u2014-][^\S\n]*)?(?:" + _WD + r"|(?i:" + _WEEKDAY_ALT + r")\b))"
)
_LABEL_FIRST = frozenset("MTWFSmtwfs*_[")  # (what such a label opens with: a cheap gate per item)
# what tells a labelled item as done: a state reached (:data:`_DONE_ON`'s verbs) or a slot told as done
# (:data:`_TOLD_DONE`'s words), not one to come ('will be deployed', :data:`_DONE_TO_COME`)
_LABEL_DONE = re.compile(
    r"(?<![\w-])(?i:" + _DONE_VERBS + r"|was|were|went|happened|held|took[^\S\n]+place|started|began|ended)"
    r"(?![\w-])"
)


def label_day(
    text: str, day: dt.date | None, *, week: bool = False, span: bool = False, after: dt.date | None = None
) -> dt.date | None:
    """The day the weekday label that opens ``text`` names (:data:`_WD_LABEL`: ``Mon: deployed DEP-1``),
    for an item written under ``day``; None when no label opens it or ``day`` is None.

    ``span``: ``day`` is the first of a span of days (``## 2025-10-13 to 2025-10-19``), the label the first
    such weekday on or after it; ``week``: ``day`` is a week's (``## Week of Oct 6``), the label that day of
    its week, Monday to Sunday. Else ``day`` is one day's, and the label is read as a weekday near a time
    is (:func:`_take_near_rel`, :func:`_resolve`): told as done (:data:`_LABEL_DONE`) the last such day on
    or before it, told of as to come (:data:`_AHEAD`, :data:`_WAIT_UNTIL`) or holding a deadline the next
    on or after it, with no tense the nearest, ahead or behind, as a meeting's slot is; but one with no
    tense in a run of labelled items keeps the run's order: ``after``, the day of the labelled item just
    before it, is followed by its next such day when the weekday is one or two days after it, preceded by
    its last one when one or two days before (an on-call rota, ``- Sat: Fay`` then ``- Sun: Gus``, written
    on a Wednesday is that Saturday and the Sunday after, not the Sunday before; ``- Mon: shipped DEP-4``
    then ``- Fri: ship DEP-5``, four days on or three back, is left to the nearest)."""
    if day is None or not text or text[0] not in _LABEL_FIRST or (m := _WD_LABEL.match(text)) is None:
        return None
    wd = _WD_INDEX[m.group("wd")[:3].lower()]
    if span:
        return day + dt.timedelta(days=(wd - day.weekday()) % 7)
    if week:
        return day + dt.timedelta(days=wd - day.weekday())
    ahead = _label_ahead(text, m.end(), day)
    if ahead is None:
        if after is not None and (step := (wd - after.weekday()) % 7) in (1, 2, 5, 6):
            return after + dt.timedelta(days=step if step <= 2 else step - 7)
        ahead = _nearest_ahead(wd, day)
    return day + dt.timedelta(days=_weekday_shift(day, wd, ahead))


def _label_ahead(text: str, end: int, day: dt.date) -> bool | None:
    """Whether the labelled item ``text`` (its label ending at ``end``) tells of what is to come (True),
    of what was done (False), or neither (None): done first ('Mon: deployed the fix, will monitor' is
    Monday's deploy), then a future word, then a deadline that does not look back ('Fri: ETA 17:00 UTC'
    is ahead, as a deadline's weekday is)."""
    for m in _LABEL_DONE.finditer(text, end):
        if _DONE_TO_COME.search(text, max(end, m.start() - 16), m.start()) is None:
            return False
    if _AHEAD.search(text, end) is not None or _WAIT_UNTIL.search(text, end) is not None:
        return True
    if any(m.is_deadline and m.keyword not in _LOOKS_BACK for m in find_times(text, day=day)):
        return True
    return None


def _nearest_ahead(wd: int, day: dt.date) -> bool:
    """Whether the weekday ``wd`` nearest ``day`` is ahead of it (three days or fewer ahead: 'meeting Wed
    16:00' written on a Monday is this Wednesday, on a Friday the one just gone)."""
    return (wd - day.weekday()) % 7 <= 3


def _other_mentions(
    text: str, rels: list[_Cand] | None, stamps: bool, found: list[TimeMention]
) -> list[_Cand]:
    """Placeholders ('[???]', '(Time TBC)'), relative days no time took, and (stamps=True) stamps;
    ``found`` are the mentions so far (a weekday inside one, 'Tue 10/14', is part of it)."""
    extra: list[_Cand] = []
    if rels:
        for r in rels:
            if r.used or r.of_date:
                continue
            # a weekday with no time near is a mention only as a deadline ('due Friday', 'ETA
            # Friday': the end of the next such day, date-only), or as the day a deadline was moved to
            # ('ETA 17:00 UTC missed, pushed to Friday', "pushed to Friday's release": _moved_deadlines
            # makes it one); "Friday's deploy" says no date
            if r.wd < 0:
                extra.append(r)
                continue
            if _covering(found, r.start):
                continue
            lo = max(0, r.start - 48)
            move = _MOVED_TO.search(text, lo, r.start) if _may_move(text[lo:r.start]) else None
            if (move is not None or text[r.end:r.end + 2] not in ("'s", "\u2019s")) and (
                _deadline(text, r.start, r.end) is not None
                or move is not None and _moved_from_deadline(text, r, move.start(), found)
            ) or move is None and text[r.end:r.end + 2] not in ("'s", "\u2019s") and _done_on(text, r.start):
                extra.append(r)  # (or the day a state was reached: 'OPS-12 resolved on Monday', past)
    if "??" in text or "TB" in text or "x:x" in text or "X:X" in text:
        skip = _excluded_spans(text)
        for m in _UNK.finditer(text):
            if skip and _inside(m.start(), skip) >= 0:
                continue
            tb = m.group("tb") is not None
            if tb and not _UNK_WORD_BEFORE.search(text, max(0, m.start() - 24), m.start()):
                continue
            extra.append(_Cand(m.start(), m.end(), "unk", problem=f"unknown time {m.group(0)}"))
    if "print" in text:
        for m in _VAGUE_DUE.finditer(text):  # ('ETA end of sprint': no date says when that is)
            extra.append(_Cand(m.start("v"), m.end("v"), "unk", problem=f"vague deadline {m.group('v')}"))
    if stamps:
        skip = _excluded_spans(text)
        for sm in _STAMP_RE.finditer(text):
            if sm.group("h") is None:
                continue  # '2025-10-10 04:41' is an ordinary mention
            if ":" in sm.group(0) and not (skip and _inside(sm.start(), skip) >= 0):
                continue  # an ISO time in the prose is an ordinary mention too
            c = _stamp_cand(sm)
            if c is not None:
                extra.append(c)
    return extra


# Prose deadlines (:func:`_prose_cands`): a span from the text's day after a promise ('promised "in two
# weeks' time"', 'ETA in 3 days', 'due a fortnight from now'), a day of the month ('by the 3rd', 'would
# be issued on the 14th') and a part of a month or quarter ('mid-October', 'late Q4': a vague deadline).
# find_times_many sends the items that may hold one down find_times (its gate: _PROSE_HINTS).
_NUM_WORDS = {"a": 1, "an": 1, **{w: n for w, n in _HOUR_WORDS.items() if n <= 10}}
_SPAN_UNIT = {"day": 1, "week": 7, "fortnight": 14}
_NUM = r"(?:\d{1,2}|(?i:an?|one|two|three|four|five|six|seven|eight|nine|ten))"
_UNIT = r"(?i:days?|weeks?|fortnights?)"
_PROSE = re.compile(
    r"(?<![\w-])(?:"
    r"(?i:in|within)[^\S\n]+(?P<n>" + _NUM + r")[^\S\n]+(?P<u>" + _UNIT + r")(?:['\u2019]s?)?"
    r"(?:[^\S\n]+(?i:time))?"
    r"|(?P<n2>" + _NUM + r")[^\S\n]+(?P<u2>" + _UNIT + r")[^\S\n]+(?i:from[^\S\n]+(?:now|today))"
    r"|(?:(?i:on)[^\S\n]+)?(?i:the) (?P<d>[0-3]?\d)(?i:st|nd|rd|th)"
    r"(?=[^\S\n]*(?:$|\n|[,.;:)\]!?\"'\u201d]|[\u2014\u2013]|-\s|(?i:at|by|as|and|or|then|so|but|if|when|unless"
    r"|because|latest|eod|cob)(?!\w)"
    # (a clock time right after it: 'ETA the 14th 17:00 UTC', 'the 14th 5pm')
    r"|(?:[01]?\d|2[0-3]):[0-5]\d(?!\d)|(?:1[0-2]|0?[1-9])[^\S\n]?(?i:am|pm)(?!\w)))"
    r"|(?P<v>(?i:mid|early|late)[- ](?:" + _MON + r"|Q[1-4](?!\w)"
    r"|(?i:(?:the[^\S\n]+|next[^\S\n]+)?(?:month|quarter)(?!\w))))"
    r")(?![\w-])"
)
# (what each of _PROSE's values holds, lower-cased: its gate in find_times, and find_times_many's, one
# search of the document for each: a regex led by none of these would cost 2-3 s on 10 MB)
_PROSE_HINTS = (
    "day", "week", "fortnight", "mid-", "mid ", "early-", "early ", "late-", "late ",
    *(f"the {d}" for d in range(10)),
)
_PROSE_HINT = re.compile("|".join(map(re.escape, _PROSE_HINTS)))  # (any of them, in one pass)
# find_times_many's needles of the lower-cased document, _SLOW_LOW's and _PROSE_HINTS' together, without
# those that hold another ('monday' holds 'day', 's week' 'week'): every text one of them is in holds that
# other, so the texts found are the same, with 15 fewer scans of the document
_SLOW_LOW_SCAN = tuple(
    n for n in dict.fromkeys((*_SLOW_LOW, *_PROSE_HINTS))
    if not any(m != n and m in n for m in (*_SLOW_LOW, *_PROSE_HINTS))
)
# what makes such a value a deadline: a deadline word right before it ('ETA in 3 days', 'by the 3rd',
# 'due mid-October'), or a promise within four words before it, in its clause ('Joost promised "in two
# weeks' time"', 'they expect it by the 3rd'); not a plan told ('the credentials would be issued on the
# 14th': the log reader would give it the ticket of the paragraph, whatever it is about)
_PROSE_KW = re.compile(
    r"(?<![\w-])(?:(?P<kw>ETA|(?i:due|deadline|target|by|before|until|till|no[^\S\n]+later[^\S\n]+than))"
    r"(?:[^\S\n]*:|[^\S\n]+(?i:is|for|on))?"
    r"|(?P<pk>(?i:promised|promises|promise|committed|commits|expects|expected|expecting|expect|says|said|estimates"
    r")(?![^\S\n]+(?i:have|not)\b))(?:[^\S\n]+[\w'\u2019-]+){0,4}?)"
    r"[^\S\n]*[\"\u201c]?[^\S\n]*$"
)
_PROMISE_KW = {"promised": "promised", "promises": "promised", "promise": "promised", "committed": "promised",
               "commits": "promised", "says": "says", "said": "said", "expects": "expects",
               "expected": "expects", "expect": "expects", "expecting": "expects", "estimates": "ETA"}


def _prose_cands(text: str, found: list[TimeMention], base: dt.date | None) -> list[_Cand]:
    """The prose deadlines of :data:`_PROSE` (a span from ``base``, a day of the month, a part of a month)
    that a deadline word or a promise governs (:data:`_PROSE_KW`), outside the mentions ``found``."""
    out: list[_Cand] = []
    skip: list[tuple[int, int]] | None = None
    for m in _PROSE.finditer(text):
        s, e = m.start(), m.end()
        if _covering(found, s) or _covering(found, e - 1):
            continue
        k = _PROSE_KW.search(text, max(0, s - 48), s)
        if k is None:
            continue
        if skip is None:
            skip = _excluded_spans(text)
        if skip and _inside(s, skip) >= 0:
            continue
        kw = _norm_keyword(k.group("kw")) if k.group("kw") else _PROMISE_KW.get(k.group("pk").lower(), "due")
        if kw in ("by", "before", "until") and _deadline(text, s, e) is None:
            continue  # ('OPS-1 was fixed by the 3rd': when it was; 'on leave until the 20th': no promise)
        if m.group("v") is not None:  # ('mid-October', 'late Q4': no day says when that is)
            out.append(_Cand(s, e, "unk", problem=f"vague deadline {m.group('v')}", keyword=kw))
            continue
        if m.group("d") is not None:  # ('by the 3rd': the next 3rd on or after the text's day)
            d = int(m.group("d"))
            c = _Cand(s, e, "date", keyword=kw)
            if base is None:
                c.kind, c.problem = "unk", f"relative day without a date {m.group(0)}"
            else:
                y, mo = base.year, base.month
                if d < base.day:
                    y, mo = (y + 1, 1) if mo == 12 else (y, mo + 1)
                try:
                    c.date = dt.date(y, mo, d)
                except ValueError:
                    c.kind, c.problem = "unk", f"no such date {m.group(0)}"
            out.append(c)
            continue
        n, u = (m.group("n"), m.group("u")) if m.group("n") else (m.group("n2"), m.group("u2"))
        days = (int(n) if n.isdigit() else _NUM_WORDS[n.lower()]) * _SPAN_UNIT[u.lower().rstrip("s")]
        out.append(_Cand(s, e, "rel", has_rel=True, rel=days, keyword=kw))
    return out


# what may stand between a deadline and the move's words for the move to be the deadline's own: its miss
# and small words ('ETA 17:00 UTC missed, pushed to Friday', '... was missed and has been moved to'), not
# another subject ('ETA 17:00 UTC, retro moved to Friday', '... met, vendor call pushed to Friday')
_OWN_MOVE_GAP = re.compile(
    r"(?:[\s,()\-\u2013\u2014]|(?i:missed|slipped|blown|overdue|passed|not|met|was|were|is|has|had|have|been"
    r"|got|and|but|so|now|then|again|already|also|it|sadly|unfortunately|hence|therefore|thus"
    r"|etas?|deadlines?|slots?|targets?|due|date|window|checkpoint|cut-?off|sla)\b)*"
)  # (the deadline's own nouns after its time: 'missed the 15:00 slot, pushed to 19:00', '14:21 ETA -> 18:00')


def _moved_from_deadline(text: str, r: _Cand, move: int, found: list[TimeMention]) -> bool:
    """Whether the mention right before the weekday ``r``, which a move's words (from ``move``) lead to,
    is a deadline in the same clause within 48 characters with nothing but its miss and small words
    before the move (:data:`_OWN_MOVE_GAP`): what :func:`_moved_deadlines` moves ('ETA 17:00 UTC missed,
    pushed to Friday'; not 'ETA 17:00 UTC, retro moved to Friday', another subject's move)."""
    k = bisect.bisect_right(found, r.start, key=_start_of)
    prev = found[k - 1] if k else None
    return (
        prev is not None and prev.is_deadline and not prev.is_stamp and prev.at is not None
        and r.start - prev.end <= 48 and _CLAUSE_END.search(text, prev.end, r.start) is None
        and prev.end <= move and _OWN_MOVE_GAP.fullmatch(text, prev.end, move) is not None
    )


_LEAD = re.compile(r"[\W_]*(?:\[[ xX]\][\W_]*)?(?:" + _WD + r"[,.]?\s+)?")  # '- [x] **Mon, ' ...
# a ticket key that opens the text before the item's own date, bracketed or before a colon:
# 'ECAB-77 (Tue Oct 7): hotfix approved at 08:10' (a change calendar's, a tracker's note)
_KEY_LEAD = re.compile(r"[\W_]*[A-Z][A-Z0-9]*-\d+\s*\(?\s*(?:" + _WD + r"[,.]?\s+)?")
_KEY_DATE_END = re.compile(r"\s*[):]")


def _keyed_date(text: str, a: int, c: _Cand) -> bool:
    """Whether ``c``, a date, is the item's own date written after the ticket key that opens the
    text: the key's note of that day, so its times without a date are on it."""
    return _KEY_LEAD.fullmatch(text, a, c.start) is not None and _KEY_DATE_END.match(text, c.end) is not None


_new = object.__new__
_set = object.__setattr__


def _mention(
    start: int, end: int, raw: str, at: dt.datetime | None, until: dt.datetime | None, precision: str,
    has_date: bool, zone: str | None, keyword: str | None, problem: str | None, is_stamp: bool = False,
) -> TimeMention:
    # frozen dataclass __init__ pays object.__setattr__ per field; this is the hot path, so set __dict__
    obj: TimeMention = _new(TimeMention)
    _set(obj, "__dict__", {
        "start": start, "end": end, "raw": raw, "at": at, "until": until, "precision": precision,
        "has_date": has_date, "zone": zone, "is_deadline": keyword is not None, "keyword": keyword,
        "problem": problem, "is_stamp": is_stamp, "skipped": False, "zone_note": None,
    })
    return obj


def _skipped(wall: dt.datetime, tz: dt.tzinfo) -> bool:
    """Whether the naive ``wall`` time does not exist in ``tz`` (the hour the clocks go ahead skips)."""
    if not isinstance(tz, ZoneInfo) or 4 <= wall.hour < 22:  # (every zone changes its clocks at night)
        return False
    local = wall.replace(tzinfo=tz)
    return local.astimezone(UTC).astimezone(tz).replace(tzinfo=None) != wall


def _resolve(
    text: str, c: _Cand, base: dt.date | None, default_tz: dt.tzinfo, off: int = 0
) -> TimeMention:
    raw = text[c.start:c.end]
    cs, ce = c.start - off, c.end - off
    kw = c.keyword
    kind = c.kind
    if kind == "time":
        prec = c.time[4] if c.time else "minute"
        zone = _zone_label(c.tz) if c.tz is not None else None
        has_date = c.date is not None or c.has_rel
        if c.problem is not None or c.time is None:
            return _mention(cs, ce, raw, None, None, prec, has_date, zone, kw,
                            c.problem or "unreadable time")
        date = c.date if c.date is not None else base
        if date is None:
            return _mention(cs, ce, raw, None, None, prec, has_date, zone, kw,
                            "relative day without a date" if c.has_rel else "time without a date")
        tzinfo = c.tz if c.tz is not None else default_tz
        try:
            if c.date is None and c.rel:
                date = date + dt.timedelta(days=_rel_days(c, date))
            if c.date is None and c.wd >= 0:
                ahead = (kw is not None and kw not in _LOOKS_BACK) or c.ahead or (
                    # ('[Thu 00:05]' under a Wednesday's section: that night, not six days before)
                    c.week < 0 and c.wd == (date.weekday() + 1) % 7 and c.time is not None and c.time[0] < 6
                )
                if ahead and kw is not None and c.week < 0 and c.wd_at[0] >= 0 and _day_missed(text, c, off):
                    ahead = False  # ('Tue 12:00 UTC ETA missed': the Tuesday before)
                elif not ahead and c.nearest and c.week < 0:
                    ahead = _nearest_ahead(c.wd, date)  # ('meeting Wed 16:00': the nearest Wednesday)
                date = date + dt.timedelta(days=_weekday_shift(date, c.wd, ahead, c.week))
            note = None
            if c.explain is not None:  # ('14:00 CST (UTC+8)': the bracket wins)
                wall = dt.datetime(date.year, date.month, date.day, c.time[0], c.time[1], c.time[2])
                tzinfo, named, note = _explained_zone(c.explain[0], c.tz, c.explain[1], wall)
                zone = _zone_label(named)
            at = _instant(date, c.time, tzinfo)
            until = None
            if c.until is not None:
                until = _instant(date, c.until, tzinfo)
                if until < at:
                    # ('01:45-01:15 ET' the night clocks go back: the second 01:15, not the next day's)
                    second = _second_wall(until, tzinfo)
                    until = second if second is not None and second >= at else _instant(
                        date + dt.timedelta(days=1), c.until, tzinfo)
                elif until == at:
                    until = None  # ('10:12Z - 10:12Z failover started': one stamp written twice, no range)
        except (OverflowError, ValueError):
            return _mention(cs, ce, raw, None, None, prec, has_date, zone, kw,
                            f"time out of range {raw}")
        out = _mention(cs, ce, raw, at, until, prec, has_date, zone, kw, None)
        if note is not None:
            out.__dict__["zone_note"] = note
        hour, minute, sec, _, _, extra = c.time
        if not extra and _skipped(dt.datetime(date.year, date.month, date.day, hour, minute, sec), tzinfo):
            out.__dict__["skipped"] = True
        return out
    if kind == "date":
        at = _midnight(c.date) if c.date is not None and c.problem is None else None
        return _mention(cs, ce, raw, at, None, "day", True, None, kw, c.problem)
    if kind == "rel":
        if base is None:
            return _mention(cs, ce, raw, None, None, "day", True, None, kw,
                            "relative day without a date")
        try:
            # (a deadline's weekday is ahead of the text's date, except one it is overdue since or
            # one written as missed: 'Tue ETA missed')
            shift = _rel_days(c, base) if c.wd < 0 else _weekday_shift(
                base, c.wd, kw not in _LOOKS_BACK and not (
                    c.week < 0 and written_missed(text, c.start, c.end, off)) and not (
                    kw is None and c.week < 0 and _done_on(text, c.start)), c.week)
            at = _midnight(base + dt.timedelta(days=shift))
        except OverflowError:
            return _mention(cs, ce, raw, None, None, "day", True, None, kw,
                            f"date out of range {raw}")
        return _mention(cs, ce, raw, at, None, "day", True, None, kw, None)
    if kind == "stamp":
        prec = c.time[4] if c.time else "second"
        return _mention(cs, ce, raw, c.at, None, prec, True, "UTC", None, None, True)
    return _mention(cs, ce, raw, None, None, "minute", False, None, kw, c.problem)


# ------------------------------------------------------------------------------------------- stamps


def _stamp_at(m: re.Match[str]) -> dt.datetime | None:
    try:
        h = m.group("h") or m.group("h2") or m.group("h3")
        mi = m.group("mi") or m.group("mi2") or m.group("mi3") or m.group("mi4")
        s = m.group("s") or m.group("s2") or m.group("s3") or m.group("s4")
        f = m.group("f") or m.group("f2")
        micro = int((f + "000000")[:6]) if f else 0
        z = (m.group("z") or "").strip().replace("\u2212", "-")
        tz = UTC if z in ("", "Z") else zone_named(z)
        if tz is None:
            return None
        return _utc(dt.datetime(
            int(m.group("y")), int(m.group("mo")), int(m.group("d")), int(h), int(mi), int(s or 0), micro,
            tzinfo=tz,
        ))
    except (ValueError, OverflowError, TypeError):
        return None


_STAMP_ABBREV = re.compile(r"( ?)([A-Z]{2,5})(?![A-Za-z])")  # ('...T07-18-58EDT': what `date +%Z` prints)


def parse_stamp(text: str) -> dt.datetime | None:
    """The first date-time stamp in ``text`` (a file name or any string), as a UTC datetime.

    Reads ``2025-10-10T02-50-44Z``, ``20251010T071858Z``, ``2025-10-10T073500Z``,
    ``2025-10-10T04-40-48.296Z``, ``20251010T0730Z``, ISO ``2025-10-10T04:40:48.296Z`` and
    ``2025-10-10 04:40:48``, the ``date`` forms people put in file names without a ``T`` (the time set
    off by ``_`` or ``-``: ``20251014_090500``, ``20251014-0905``, ``2025-10-14_09-15-00``,
    ``2025-10-14_09:20:00``, ``2025-10-14_0910``; an 8-digit date takes ``HHMM`` or ``HHMMSS`` only,
    and ``-`` and a digit after the time make it none: ``2025-10-14_2025-10-15`` is two dates), with
    ``Z``, ``+02:00``, a zone abbreviation right after it or after one space
    (``2025-10-10T07-18-58EDT``: ``EDT`` -> America/New_York, see :func:`zone_named`) or no zone
    (then UTC). Microseconds are kept. Impossible stamps are skipped, and so is one with
    capital letters right after it that name no zone this module knows (``...T07-18-58MSK``): its
    zone is unknown, so it gives no time rather than a wrong one. None when there is no valid one.
    """
    if not text or not isinstance(text, str):
        return None
    for m in _STAMP_RE.finditer(text):
        at = _stamp_at(m)
        if at is not None and not m.group("z"):
            at = _stamp_zoned(at, text, m.end())
        if at is not None:
            return at
    return None


def _stamp_zoned(at: dt.datetime, text: str, end: int) -> dt.datetime | None:
    """A zone-less stamp (``at``, read as UTC) in the zone an abbreviation at ``text[end:]`` names;
    None when capital letters glued to it name no known zone; ``at`` when nothing names a zone."""
    z = _STAMP_ABBREV.match(text, end)
    if z is None:
        return at
    tz = zone_named(z.group(2))
    if tz is None:
        return None if not z.group(1) else at
    try:
        return _utc(at.replace(tzinfo=None).replace(tzinfo=tz))
    except (ValueError, OverflowError):
        return None


# ------------------------------------------------------------------------------------------ headings

_SLASH_DATE = re.compile(r"(?<![\w/.])(\d{1,2})/(\d{1,2})/(\d{4})(?![\w/])")
_SLASH_MD = re.compile(r"(?<![\w/.])(\d{1,2})/(\d{1,2})(?![\w/.]|:\d)")
# what joins the days of a span in a heading, no title's word ('2025-10-13 to 2025-10-19', '(2025-10-06 –
# 2025-10-12)', '2025-10-06 through 2025-10-12')
_SPAN_TO = re.compile(r"[^\S\n]*(?:(?i:to|through|thru|until|till)|--?|[\u2013\u2014])[^\S\n]*")
_TITLE_EDGE = re.compile(r"^[\s\-\u2013\u2014:|,\u00b7\u2022/.]+|[\s\-\u2013\u2014:|,\u00b7\u2022/]+$")
_EMPTY_BRACKETS = re.compile(r"\(\s*[,;]?\s*\)|\[\s*\]")
_MOJIBAKE_DASH = re.compile("\u00e2\u20ac[\u201d\u201c]")
_LONE_WD = re.compile(
    r"^\s*\(?(?:" + _WD + r")\)?\s*[,\-\u2013\u2014:]?\s*|\s*[,\-\u2013\u2014:]?\s*\(?(?:" + _WD + r")\)?\s*$"
)


_HEADING_WD = re.compile(r"[\W_]*(" + _WD + r")")  # a heading that opens with a weekday ('### Tue')


# A heading that is only a dotted date, a weekday before or after it or none ('## Fr., 10.10.', '## Wed
# 08.10.', '## 08.10', '## 2025.10.08 (Wed)'): a date in a document that writes day-first dotted dates
# (:func:`dotted_dates`); alone, '## 1.2.' and '## 3.12' are more often a section's or a version's number.
_DE_WD = (
    r"(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|Mo|Di|Mi|Do|Fr|Sa|So)\.?(?![A-Za-z])"
)
_ANY_WD = rf"(?:{_WD}|{_DE_WD})"
_DOTTED_HEAD = re.compile(
    rf"[\W_]*(?:(?P<wd>{_ANY_WD})[\s,.]*)?"
    r"(?:(?P<y>(?:19|20)\d\d)\.(?P<ym>0[1-9]|1[0-2])\.(?P<yd>0[1-9]|[12]\d|3[01])"
    r"|(?P<d>0?[1-9]|[12]\d|3[01])\.(?P<m>0?[1-9]|1[0-2])\.?)"
    rf"\s*(?:[(\[]?\s*(?P<wd2>{_ANY_WD})\s*[)\]]?)?[\W_]*"
)
_DOTTED_FULL = re.compile(
    r"(?<![\w.])(?P<d>0?[1-9]|[12]\d|3[01])\.(?P<m>0?[1-9]|1[0-2])\.(?P<y>(?:19|20)\d\d)(?![\w]|\.\d)"
)
# A heading that opens with a weekday and a year-less dotted date, then a title after a dash, colon or
# bar ('## So 26.10. — DST night', '## Mo 27.10.: Hypercare Tag 1'): the weekday says the number is a day's
# (without it, '## 1.2. — Scope' is a section's number); the title is what follows.
_DOTTED_HEAD_TITLED = re.compile(
    rf"[\W_]*(?P<wd>{_ANY_WD})[\s,.]*(?P<d>0?[1-9]|[12]\d|3[01])\.(?P<m>0?[1-9]|1[0-2])\.?"
    r"(?=\s*[\u2014\u2013:|-]\s*\w)"
)


def dotted_dates(text: str) -> bool:
    """Whether ``text`` writes day-first dotted dates ('06.10.2025'), as German documents do."""
    return "." in text and _DOTTED_FULL.search(text) is not None


def first_dotted_date(text: str) -> dt.date | None:
    """The first real day-first dotted date ``text`` writes ('Fr 24.10.2025'), else None: the year a
    year-less dotted heading takes when nothing before it gives one (a cutover runbook whose first
    sections are tables: '## Sa 25.10.' is in the runbook's year)."""
    if "." not in text:
        return None
    for m in _DOTTED_FULL.finditer(text):
        with contextlib.suppress(ValueError):
            return dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    return None


def _dotted_heading(heading: str, year_near: dt.date | None) -> dt.date | None:
    """The date of a heading that is only a dotted date (``_DOTTED_HEAD``), the year-less one in the
    year nearest ``year_near``; None when it is not one."""
    m = _DOTTED_HEAD.fullmatch(heading) or _DOTTED_HEAD_TITLED.match(heading)
    if m is None:
        return None
    try:
        if m.groupdict().get("y"):
            return dt.date(int(m.group("y")), int(m.group("ym")), int(m.group("yd")))
        year = _year_near(int(m.group("m")), int(m.group("d")), year_near)
        return None if year is None else dt.date(year, int(m.group("m")), int(m.group("d")))
    except ValueError:
        return None


# a weekday written in a heading ('Mon 6 Oct', '6 Oct (Mon)'): what fixes the year of a year-less date
_ANY_WD_RE = re.compile(rf"(?<![A-Za-z])(?:{_WD})")


def _today() -> dt.date:
    return dt.date.today()


def _weekday_year(heading: str, mentions: list[TimeMention]) -> dt.date | None:
    """For a heading whose date has no year and nothing to take one from ('## Mon 6 Oct' in a document
    that writes no year): that date in the year nearest today in which it is the weekday written, else
    None."""
    raw = next((mm.raw for mm in mentions if mm.problem and mm.problem.startswith("date without a year")),
               None)
    if (wd := _ANY_WD_RE.search(heading)) is None:
        return None
    mon = None if raw is None else re.search(_MON, raw)
    dom = None if raw is None else re.search(r"(?<!\d)(\d{1,2})(?!\d)", raw)
    if mon is not None and dom is not None:
        month, day_of = _MONTHS[mon.group(0)[:3].lower()], int(dom.group(1))
    elif (md := _slash_month_day(heading)) is not None:
        month, day_of = md  # ('## 10/6 Mon', '## Mon 10/6': a US team's heading)
    else:
        return None
    weekday, today = _WD_INDEX[wd.group(0)[:3].lower()], _today()
    options = []
    for year in range(today.year - 11, today.year + 12):
        with contextlib.suppress(ValueError):
            d = dt.date(year, month, day_of)
            if d.weekday() == weekday:
                options.append(d)
    return min(options, key=lambda d: abs((d - today).days)) if options else None


def _slash_month_day(heading: str) -> tuple[int, int] | None:
    """(month, day) of the year-less slash date in ``heading``: in the document's order
    (:func:`slash_order`), else month first ('Mon 24/7 support' is none)."""
    sm = _SLASH_MD.search(heading)
    if sm is None:
        return None
    first, second = int(sm.group(1)), int(sm.group(2))
    if _SLASH_ORDER.get() == "dmy":
        first, second = second, first
    return (first, second) if 1 <= first <= 12 and 1 <= second <= 31 else None


# a date written as Japanese and Chinese headings write it: '10月8日 (水)', '2025年10月8日（水曜日）',
# '10月8日'; read as the same date written in English, its weekday too ('Oct 8 (Wed)', '2025-10-08 (Wed)'),
# so a year-less one takes its year as any other heading's does (:func:`parse_heading`)
_CJK_DATE = re.compile(
    r"(?:(?P<y>\d{4})[ \t]*\u5e74[ \t]*)?(?P<m>\d{1,2})[ \t]*\u6708[ \t]*(?P<d>\d{1,2})[ \t]*\u65e5"
    r"(?:[ \t]*[(\uff08](?P<wd>[\u6708\u706b\u6c34\u6728\u91d1\u571f\u65e5])(?:\u66dc(?:\u65e5)?)?[)\uff09])?"
)
_CJK_WEEKDAYS = dict(zip("\u6708\u706b\u6c34\u6728\u91d1\u571f\u65e5",
                         ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"), strict=True))
_MONTH_ABBRS = tuple(m.title() for m in _MONTHS)  # ('Jan', ... 'Dec': _MONTHS's order)


def _cjk_date(m: re.Match[str]) -> str:
    """The English form of a :data:`_CJK_DATE` match ('Oct 8 (Wed)', '2025-10-08'); the match as written
    when its month is none."""
    month, dom = int(m.group("m")), int(m.group("d"))
    if not 1 <= month <= 12:
        return m.group(0)
    out = f"{m.group('y')}-{month:02d}-{dom:02d}" if m.group("y") else f"{_MONTH_ABBRS[month - 1]} {dom}"
    return out + (f" ({_CJK_WEEKDAYS[m.group('wd')]})" if m.group("wd") else "")


def parse_heading(
    text: str, *, tz: dt.tzinfo | str | None = None, year_near: dt.date | None = None,
    day: dt.date | None = None, dotted: bool | dt.date | None | Callable[[], bool | dt.date | None] = False,
    one_day: bool = False,
) -> Heading:
    """Split a heading into title, date and UTC time. Leading '#' marks are ignored.

    ``year_near`` (e.g. the document's ``last_reviewed``) gives year-less dates ('Oct 10') a year;
    without it they are a ``'date without a year ...'`` problem.

    A heading time without a date in the heading ('### 14:05 — paged') takes ``day``, the date of
    the enclosing section, when given (``date`` stays None: the caller owns that inheritance); a
    heading that opens with a weekday ('### Tuesday', '### Fri 09:00 UTC') is that weekday on or
    after ``day`` (the days of a week's log under '## Week of Oct 6'). With ``one_day`` (``day`` is one
    date's, not a week's) a weekday that names the day before it is that day before ('### Mon' under
    '## 2025-10-07 (Tue)' is Oct 6, not Oct 13), and so is a night or evening of that day written
    anywhere in the heading ('### Overnight (Mon night into Tue)'); without ``day`` the time stays
    unresolved (``at=None``, no problem). ``until`` is the end of the heading's time range, if any
    ('## 2025-10-07 night shift (22:00–06:00)': 06:00 on the 8th). ``10/10/2025`` style dates
    are read month or day first, whichever is a real date; when both are, the one nearest
    ``year_near``, and without it ``problem='ambiguous date ...'``. Without ``year_near``, a year-less
    date written with its weekday ('Mon 6 Oct') is in the year nearest today in which it is that weekday.
    ``dotted`` (a bool, or a function asked only when needed): the document writes day-first dotted
    dates (:func:`dotted_dates`), so a heading that is only one, year-less or year first, is dated
    ('Fr., 10.10.', '08.10', '2025.10.08'), as is one that opens with a weekday and one, a title after
    a dash ('So 26.10. — DST night'); a date instead of True (:func:`first_dotted_date`) is the year a
    year-less one takes without ``year_near``.
    """
    if not isinstance(text, str):
        return Heading("", None, None, None)
    heading = text.strip().lstrip("#").strip()
    if "\u20ac" in heading:  # the only way _MOJIBAKE_DASH can match
        heading = _MOJIBAKE_DASH.sub("\u2014", heading)
    if "\u6708" in heading and "\u65e5" in heading:  # (月 and 日: '10月8日 (水)', '2025年10月8日')
        heading = _CJK_DATE.sub(_cjk_date, heading)
    written = heading  # (what the title is cut from; ``heading`` is what is read)
    spans: list[tuple[int, int]] = []
    if "~~" in heading or "<" in heading:
        heading = _unstruck(heading, spans, tz)
    date: dt.date | None = None
    problem: str | None = None
    two_days = "/" in heading and (pair := _DAY_PAIR.search(heading)) is not None and _next_day_of(pair)
    if two_days:  # ('Night shift 2025-10-09/10': the 9th into the 10th, read as '2025-10-09–10')
        heading = heading[: pair.start(2) - 1] + "\u2013" + heading[pair.start(2):]
    mentions = find_times(heading, day=None, tz=tz, year_near=year_near)
    if year_near is None and (
        any(mm.problem for mm in mentions) or "/" in heading and not any(mm.has_date for mm in mentions)
    ) and (wy := _weekday_year(heading, mentions)) is not None:
        year_near = wy  # ('## Mon 6 Oct' with no year anywhere: the Monday nearest today)
        mentions = find_times(heading, day=None, tz=tz, year_near=year_near)
    for mm in mentions:
        if date is not None or not mm.has_date or _is_rel(mm.raw):
            continue
        if mm.precision == "day":
            if mm.problem:
                problem = problem or mm.problem
            elif mm.at is not None:
                date = mm.at.date()
        elif mm.problem and mm.problem.startswith(("impossible date", "date without")):
            problem = problem or mm.problem
        elif mm.at is not None:
            # date written with the time: take the calendar date as written, not the UTC one
            date = _written_date(heading[mm.start:mm.end], year_near)
    if ("-" in heading or "\u2013" in heading) and (rng := _DAY_RANGE.search(heading)) is not None and (
        (days := _range_days(rng, date, year_near)) is not None
    ):  # ('Oct 9–10, 2025 night shift', '9-10 Oct': from its first day, of the year written after it)
        date, two_days = days[0], two_days or days[1] - days[0] == dt.timedelta(days=1)
        spans.append(rng.span())
        mentions = [mm for mm in mentions if mm.end <= rng.start() or mm.start >= rng.end()]
        ranged = True
    else:
        ranged = False
    if date is not None:
        problem = None  # a readable date wins over an unreadable one ('Oct 6 – Oct 12, 2025')
    if date is None and problem is None:
        sm = _SLASH_DATE.search(heading)
        if sm:
            spans.append(sm.span())
            try:  # (both readings real: the one nearest year_near; without it, a problem)
                date = _slash_reading(sm.group(1), sm.group(2), sm.group(3), year_near)
            except _Bad as bad:
                problem = str(bad)
        elif year_near is not None and (sm := _SLASH_MD.search(heading)):
            # '## Tue 10/7': a year-less slash date, read like one joined to a time in an item
            with contextlib.suppress(_Bad):
                date = _slash_reading(sm.group(1), sm.group(2), None, year_near)
            if date is not None:
                spans.append(sm.span())
    if date is None and problem is None and "." in heading and (
        (dm := _DOTTED_HEAD.fullmatch(heading) or _DOTTED_HEAD_TITLED.match(heading)) is not None
        and (writes := dotted() if callable(dotted) else dotted)
    ):
        # ('## Fr., 10.10.' in a document of '06.10.2025's; with nothing before it to give a year, the
        # year of the document's first such date, when ``dotted`` is that date)
        near = year_near or (writes if isinstance(writes, dt.date) else None)
        date = _dotted_heading(heading, near)
        if date is not None:
            spans.append((0, dm.end()))
    if date is None and problem is None and (wk := _ISO_WEEK.search(heading)) is not None and (
        wk.group("y") or wk.group("y3") or _only_week_words(heading[: wk.start()] + heading[wk.end():])
    ):  # ('Sprint 12 - Week 1', 'Week 3 of onboarding', 'Hardware refresh W2': a count, no ISO week)
        # '## 2026-W01', '## Week 1 (2026)', '## W52': the Monday of that ISO week (year-less: the one
        # nearest year_near)
        date = _iso_week_monday(wk, year_near or day)
    night = False
    if date is None and day is not None and problem is None and (wd := _HEADING_WD.match(heading)):
        # '### Tuesday' under '## Week of Oct 6, 2025': that weekday on or after the enclosing date
        # (under one date, the day before is that day: '### Mon night' under '## 2025-10-07 (Tue)')
        ahead = (_WD_INDEX[wd.group(1)[:3].lower()] - day.weekday()) % 7
        date = day + dt.timedelta(days=-1 if one_day and ahead == 6 else ahead)
        mentions = find_times(heading, day=date, tz=tz, year_near=year_near)
    elif date is None and one_day and day is not None and problem is None and "ight" in heading and (
        (nm := _NIGHT_OF.search(heading)) is not None
        and (_WD_INDEX[nm.group(1)[:3].lower()] - day.weekday()) % 7 == 6
    ):
        # '### Overnight (Mon night into Tue)' under '## 2025-10-07 (Tue)': what it holds began on Monday
        # (its weekdays are words of its title, no date of it)
        date, night = day - dt.timedelta(days=1), True
        mentions = find_times(heading, day=date, tz=tz, year_near=year_near)
    if (date is not None or (day is not None and problem is None)) and any(
        mm.problem in _NEEDS_DAY for mm in mentions
    ):
        # a time apart from the date ('(22:55) — 2025-10-10'), or under a dated section
        mentions = find_times(heading, day=date or day, tz=tz, year_near=year_near)
    at: dt.datetime | None = None
    until: dt.datetime | None = None
    precision: str | None = "day" if date is not None else None
    zone: str | None = None
    for mm in mentions:
        if _is_rel(mm.raw):
            continue  # 'Today plan' keeps its words
        spans.append((mm.start, mm.end))
        if mm.precision != "day" and at is None:
            if mm.at is not None:
                at, precision, zone, until = mm.at, mm.precision, mm.zone, mm.until
            elif mm.problem and mm.problem != _NO_DATE and problem is None:
                problem = mm.problem
    kept: list[str] = []
    pos = 0
    for s, e in sorted(spans):  # (spans may overlap: a slash date inside its mention)
        if s > pos and not (pos and _SPAN_TO.fullmatch(written, pos, s)):
            kept.append(written[pos:s])  # (not the dash or 'to' between a span's days: 'Week 41 (... – ...)')
        pos = max(pos, e)
    kept.append(written[pos:])
    title = " ".join(kept)
    if "(" in title or "[" in title:
        title = _EMPTY_BRACKETS.sub(" ", title)
    title = " ".join(title.split())
    for _ in range(3):
        before = title
        title = _TITLE_EDGE.sub("", title)
        if date is not None and not night and _may_have_lone_wd(title):
            title = _LONE_WD.sub("", title)
        if title == before:
            break
    span = date is not None and (
        two_days or ranged or sum(1 for mm in mentions if mm.has_date and not _is_rel(mm.raw)) > 1)
    return Heading(title.strip(), date, at, problem, precision, zone, until, span, bool(two_days) and span)


# an ISO date and the next day's number after a slash ('2025-10-09/10': a night's two dates)
_DAY_PAIR = re.compile(r"(?<![\d/-])(\d{4}-\d{2}-\d{2})/(\d{2})(?![\d/])")


# a range of days in one month ('Oct 9–10, 2025', 'Oct 9-10', '9–10 Oct 2025'), not 'Oct 9 - 10:30'
_DAY_RANGE = re.compile(
    rf"(?<![\w/.-])(?:(?P<m1>{_MON})\s*(?P<a1>\d{{1,2}})\s*[-\u2013]\s*(?P<b1>\d{{1,2}})"
    rf"|(?P<a2>\d{{1,2}})\s*[-\u2013]\s*(?P<b2>\d{{1,2}})\s+(?P<m2>{_MON}))"
    r"(?![\d:])(?!\s*[AaPp]\.?[Mm]\b)(?:,?\s+(?P<y>\d{4})(?!\d))?"
)


def _range_days(rng: re.Match[str], date: dt.date | None, year_near: dt.date | None) -> tuple | None:
    """The first and last day of a :data:`_DAY_RANGE`, in the year written after it, else that of the
    date already read, else the one nearest ``year_near`` (None: no year, or no range of days)."""
    mon = _MONTHS[(rng.group("m1") or rng.group("m2"))[:3].lower()]
    a, b = int(rng.group("a1") or rng.group("a2")), int(rng.group("b1") or rng.group("b2"))
    year = int(rng.group("y")) if rng.group("y") else (
        date.year if date is not None and date.month == mon else _year_near(mon, a, year_near))
    if year is None or not a < b:
        return None
    try:
        return dt.date(year, mon, a), dt.date(year, mon, b)
    except ValueError:
        return None


def _next_day_of(pair: re.Match[str]) -> bool:
    """Whether the day after the slash of :data:`_DAY_PAIR` is the day after its date (not a path)."""
    try:
        day = dt.date.fromisoformat(pair.group(1))
    except ValueError:
        return False
    return (day + dt.timedelta(days=1)).day == int(pair.group(2))


# a night or evening a heading names by its weekday ('Mon night', 'Sunday evening', 'Fri late')
_NIGHT_OF = re.compile(r"(?<![\w-])(" + _WD + r")\.?\s+(?i:night|evening|overnight)\b")


# a struck-out part of a heading: '## ~~2025-10-15~~ 2025-10-16', '## <del>Oct 15</del> Oct 16'
_STRUCK = re.compile(r"~~[^~\n]+~~|(?i:<(del|s|strike)\b[^<>]{0,200}>[^<>\n]{1,200}</\1\s*>)")


def _unstruck(heading: str, spans: list[tuple[int, int]], tz: dt.tzinfo | str | None) -> str:
    """``heading`` with its struck-out parts blanked (the same length, so that spans still point into
    it): a struck date or time was replaced and dates nothing. A struck part that holds one is no
    title either (it joins ``spans``); struck words stay in the title, as written."""
    if "~~" not in heading and _STRUCK_TAG_HINT.search(heading) is None:
        return heading

    def blank(m: re.Match[str]) -> str:
        part = m.group(0)
        if _A_DIGIT.search(part) is not None and find_times(part.replace("~", " "), day=None, tz=tz):
            spans.append(m.span())
        return " " * len(part)

    return _STRUCK.sub(blank, heading)


_STRUCK_TAG_HINT = re.compile(r"(?i:<(?:del|s|strike)\b)")
_A_DIGIT = re.compile(r"\d")


_ISO_WEEK = re.compile(
    r"(?<![\w-])(?:(?P<y>\d{4})-?W(?P<w>\d{1,2})|W(?P<w2>\d{1,2})|(?i:week|wk)\s*(?P<w3>\d{1,2}))"
    r"(?![\w-])(?:,?\s*\(?(?P<y3>\d{4})\)?(?!\d))?"
)


_WEEK_WORDS = frozenset(("weekly", "status", "report", "update", "updates", "summary", "log", "notes",
                         "on-call", "oncall", "iso", "week", "wk", "ops"))


def _only_week_words(rest: str) -> bool:
    """Whether what a heading says besides its week number is only a weekly log's words."""
    return all(w.lower() in _WEEK_WORDS for w in re.findall(r"[A-Za-z][A-Za-z-]*", rest))


def _iso_week_monday(m: re.Match[str], near: dt.date | None) -> dt.date | None:
    """The Monday of the ISO week ``m`` names; without a year written, of the year whose week is
    nearest ``near`` (no date without either)."""
    week = int(m.group("w") or m.group("w2") or m.group("w3"))
    year = m.group("y") or m.group("y3")
    years = [int(year)] if year else [near.year - 1, near.year, near.year + 1] if near else []
    options = []
    for y in years:
        with contextlib.suppress(ValueError):
            options.append(dt.date.fromisocalendar(y, week, 1))
    if not options:
        return None
    return min(options, key=lambda d: abs((d - near).days)) if near and not year else options[0]


# what an outline item that stands for a day opens with: '[[2025-10-08]]', '**Oct 8**', 'Tue:'
_OUTLINE_LEAD = re.compile(r"[\W_]*(?:[0-9]|" + _WD + "|" + _MON + ")")
OUTLINE_DATE_MAX = 64  # characters: a longer item is an event, not a day's label


def outline_date(
    text: str, *, tz: dt.tzinfo | str | None = None, year_near: dt.date | None = None,
    day: dt.date | None = None,
) -> dt.date | None:
    """The day a list item with nested items stands for, read as a heading, or None.

    Journals kept as outlines (Logseq, Workflowy, a bullet per day) write the day as a short item
    that opens with its date ('[[2025-10-08]]', 'Oct 8 (Wed)', '2025-10-08 — deploy day', 'Tue'
    under '## Week of Oct 6'); what is nested under it happened on that day. An item that opens
    with anything else ('ETA 2025-10-10 for the fix') or runs longer than OUTLINE_DATE_MAX
    characters names no day. ``day`` is the date around it (for a weekday alone).
    """
    if len(text) > OUTLINE_DATE_MAX or _OUTLINE_LEAD.match(text) is None:
        return None
    h = parse_heading(text, tz=tz, year_near=year_near, day=day)
    return h.date if h.problem is None else None


_NEEDS_DAY = ("time without a date", "relative day without a date")
_WD_HEADS = frozenset(("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"))
_WD_TAILS = ("day", "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun")


def _may_have_lone_wd(title: str) -> bool:
    """Whether ``_LONE_WD`` can match: a weekday opens or closes the title. The pattern can start at
    any position (it opens with ``\\s*``), so sre tries it everywhere; this check is a few slices."""
    title = title.strip().strip("()")  # '(Wed)'
    return title[:3] in _WD_HEADS or title.rstrip(".").endswith(_WD_TAILS)


def _is_rel(raw: str) -> bool:
    """Whether a mention is a relative day or weekday as :data:`_REL` reads them ('today', 'next
    Friday', 'Fri')."""
    return _REL.fullmatch(raw) is not None


_WRITTEN_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def _written_date(raw: str, year_near: dt.date | None = None) -> dt.date | None:
    m = _WRITTEN_ISO.search(raw)
    if m:
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    mm = _FULL.match(raw)
    if mm is not None and (mm.lastgroup in ("dt", "sl") or mm.lastgroup == "tm" and mm.group("con")):
        try:
            if mm.lastgroup == "sl":
                return _slash_date(mm.groups(), year_near)
            # (a date written after its time: '14:00 UTC on Oct 11', '16:15 PDT (Oct 10)')
            if mm.lastgroup == "dt":
                return _match_date(mm.groups(), "a", year_near)
            return _con_date(mm.groups(), year_near)
        except _Bad:
            return None
    return None
