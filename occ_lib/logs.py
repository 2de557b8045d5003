"""Status logs (markdown) -> typed tables: documents, sections, events, deadlines, tables, problems.

``read_logs(paths_or_globs)`` reads files, folders (their ``*.md``, ``*.markdown``, ``*.txt`` files)
and globs (a path that exists as written is read as that path, ``status [W41].md``, before any glob
matching); :func:`parse_log` parses one text or byte string in memory. Both return :class:`Logs`,
whose frames follow docs/architecture.md exactly. Times are ``datetime64[us, UTC]``; list columns
hold Python lists (never None).

Reading
    UTF-8 with or without BOM (UTF-16 or UTF-32 with a BOM too: ``FF FE 00 00`` is UTF-32's, not
    UTF-16's); bytes that are not UTF-8 are cp1252 (then Latin-1). CRLF, CR and LF. Only a line
    holding a mojibake marker (``Â Ã â ð``...) is repaired:
    UTF-8 read as cp1252 is undone directly when the line (or each marker sequence such as
    ``â€”``) decodes cleanly, anything else goes through ``ftfy.fix_text``; ``docs.repairs`` counts
    the lines changed. Digits and colons typed fullwidth (``１７：００``), the Unicode hyphens of an ISO
    date (``2025‑10‑14``: U+2010 to U+2013, and the fullwidth U+FF0D) and a ticket key typed fullwidth as an
    input method writes it (``ＯＰＳ－１２``: the key alone, NFKC) are read as ASCII, and written so in the
    items' text too, as
    ``&nbsp;`` is a no-break space there and zero-width spaces are dropped (:func:`occ_lib._markdown.decode`).
    NUL bytes (or mostly control bytes) mean a binary file: skipped with a
    ``file`` problem, like empty, missing and unreadable files and folders without logs, and a symbolic
    link to a missing file, also one a glob or folder holds (its reason names the link's target), and a
    FIFO, socket or device given by name or as all a glob matches (``not a regular file, skipped``, never
    opened: a FIFO nobody writes to would block forever; a folder's or a glob's among logs are left out;
    ``/dev/stdin`` and bash's ``<(cmd)`` are read). YAML front
    matter is read with a safe loader (an impossible date stays a string) and every key kept;
    ``tz:`` (or ``timezone:``) sets the zone of zone-less times, else (also when that zone is
    unknown, a ``front_matter`` problem: every command names it and exits 1) a prose declaration
    ("All times in PDT (UTC-7).", "Zeiten in MESZ (Europe/Berlin)", :func:`occ_lib.times.declared_zone`),
    else UTC. Invalid or unclosed front matter, also one that writes a key twice (``tz: UTC`` then
    ``tz: America/New_York``: none of its keys is used), is a ``front_matter`` problem and the body is
    still read. ``docs.tz`` is the IANA name used; ``docs.tz_declared`` says whether the document
    declared it (front matter or prose: "All times UTC" is declared, a log that says nothing is read
    in UTC by default), since a date-only deadline is judged in a declared zone (:mod:`occ_lib.sla`).
    ``date_order:`` (``dmy``/``day first``, ``mdy``/``month first``) says how the document writes
    slash dates that read both ways (``3/11/2025``); without it, a sentence of its prose that says so
    (``Dates are day first.``, ``Dates are DD/MM.``, ``Date format: MM/DD/YYYY``), else its full dates
    that read one way only say it, else its zone's custom (:func:`occ_lib.times.slash_order_of`);
    ``docs.date_order`` is the order used (None: each such date is read nearest its section's date, else
    is a problem).

Structure (one pass over the lines, then one pass per field over each document's items)
    Headings are ATX (``## ...``) and setext (a line underlined with ``===`` or ``---``); in plain-text
    logs a ``=== 2025-10-09 ===`` banner and a line that is only a date (``Wednesday, October 8, 2025``)
    are level-2 headings too. The first level-1 heading is the title (without one, a pasted e-mail's
    ``Subject:``, ``RE:``/``FWD:`` dropped, whose tickets are then the document's as a title's are); every
    other heading (any level) is a section, in file order
    (``position``) - never assumed to be in time order. Its date and time come from
    :func:`occ_lib.times.parse_heading` (also a date as Japanese and Chinese write it, ``## 10月8日 (水)``,
    ``## 2025年10月8日``, year-less or not); a year-less date (``## Oct 9``) takes the year nearest the date
    of the section before (else the front matter's ``date`` or ``last_reviewed``; with neither, one written
    with its weekday, ``## Mon 6 Oct``, the year nearest today in which it is that weekday), and a date that
    reads both ways (``## 10/07/2025``) the reading nearest it; in a document that writes day-first dotted
    dates (``06.10.2025`` anywhere), a heading that is only a dotted date is dated (``## Fr., 10.10.``,
    ``## 08.10``, ``## 2025.10.08``). Headings nest by level: one without a date takes
    the date of the nearest enclosing heading that has one (``## 2025-10-08`` then ``### Actions``), and a
    time-only heading (``### 14:05 — paged``) is that time on that date; a heading whose own date is
    unreadable borrows nothing. A weekday heading is that weekday on or after the enclosing date (a week's
    days), except that under a heading of one date (not a week nor a span of days, ``## 2025-10-06 –
    2025-10-12``) the weekday of the day before is that day, as is a night of it named anywhere in the
    heading (``### Mon night`` or ``### Overnight (Mon night into Tue)`` under ``## 2025-10-07 (Tue)``: the
    6th; :func:`occ_lib.times.parse_heading`). An item labelled with its weekday (``- Mon: deployed DEP-1
    at 9am PT``, ``- **Tue**: rolled back ...``, ``- Thursday - shipped ...``, ``- [Tue] paged``) is on
    that day, its times and its deadlines without a day of their own too (``- Fri: ETA 17:00 UTC``), and
    so are the items nested under it: the weekday inside its section's span of days (``## Week 41
    (2025-10-06 – 2025-10-12)``, ``## 2025-10-13 to 2025-10-19``), that day of its week (``## 2025-W41``),
    else, under one day, the last such day for what was done, the next for what is to come, the nearest
    with no tense (:func:`occ_lib.times.label_day`). A heading that declares a zone (``## Tokyo handoff (all
    times JST)``), or
    names one alone in brackets or after a closing dash as zones are written (``## Timeline (UTC)``, ``[PT]``,
    ``- PDT``, ``(Pacific)``, ``(America/Los_Angeles)``; not ``## Payments (ET team)``, ``## Rollout (EU)``,
    an abbreviation the words before it spell, ``## Integrated System Test (IST)``, nor ``(ART)``, ``(WEST)``,
    more likely a name there, ``## PI planning (ART)``, nor a time's own zone,
    ``### 14:05 (UTC) paged``), sets it for its section's and subsections' zone-less times, not for the
    document; so does, in a document that declares no zone, a heading timed in one (``### @bob commented
    on Oct 8, 2025, 4:01 PM PDT``). An item that opens with a time written in a zone is read on that
    clock: its zone-less times are in the stamp's zone, over the section's and the document's (``- 09:00
    EST: vendor says fix lands by 11am`` is due 16:00 UTC, not 11:00 UTC; ``- 07:30 PT ... ETA 9:45`` in a
    New York log is 9:45 PT; a later step, ``[07:30 PT] paged; 07:50 acked``, too), and a time that writes
    its own zone keeps it (``ETA 9:45 UTC``); a stamp without a zone leaves them in the section's or the
    document's (:func:`_stamp_zones`). Under
    a heading that names a week (``## Week of Oct 6``, ``## w/c 6 October``, ``## Week commencing 6 Oct
    2025``, ``Weekly status - Oct 10``, ``W41``; an ISO week
    number is dated by its Monday when written with its year, ``2026-W01``, ``Week 1 (2026)``, or alone
    with a weekly log's words, ``## W01``, ``Weekly status W41``, in the year nearest the section before;
    not ``Sprint 12 - Week 1``, ``Week 3 of onboarding``, ``Hardware refresh W2``) a weekday in an item is
    that day of the heading date's week, Monday to Sunday (``Thu 9:05 AM`` is Oct 9), unless a
    heading nested in it names its own day (``## 2025-10-09`` under ``# Daily log - W41``). An item
    under it that writes no day of its own is on the day of the last item before it in the section that
    wrote one (``- Tue 10/07 14:30 ET: ACME-1240 opened`` then ``- ACME-1240 fix ETA next business day``:
    the 7th, its ETA the 8th), its bare times and relative days too (:func:`_week_days`); a prose
    paragraph that opens with its date (``Friday 17 October. PAY-1 ETA Wednesday.``) is on that day, its
    weekdays read from it as under a day's heading (the 22nd, not the heading week's 15th); before any such
    item, on the heading's date (the week's first day), at precision ``day``: a week is no precision of
    its own (the SLA, charts and store read ``day``), and the earliest day keeps the item in its week. An
    undated heading written after dated ones of its level under a heading or title that names a week or
    a span of days (``## Open items`` after ``## Mon 10/6`` ... ``## Sun 10/12`` under ``# On-call log,
    week of Oct 6 2025``) is on the latest date they wrote, not the week's first day: its table of open
    items was written at the end of those days, and a ticket is not first mentioned, nor done, on the
    Monday before its story (a section written before the days, ``## Summary``, keeps the week's first
    day). Under a
    standup's heading (``## Standup — Thu Oct 9``) an item's ``Y:`` is yesterday, as ``Yesterday:`` is. A
    dated title (``# Daily log — 2025-10-10``), or the front matter's ``date:`` (a postmortem's), dates
    the items written before the first section, and the undated sections under it; so does, in a document
    whose title has no date, the first dated header line written before the first section (an incident
    report's ``**Detected:** 2025-10-09 14:02 CEST``, also as a list item or in a two-column table, an
    e-mail's ``Sent: Thursday, October 9, 2025 4:12 PM``): its date in the document's zone. Further down,
    a pasted e-mail's header (``From:`` then ``Sent:``, or ``Date:`` under a ``From:`` with an address, as
    Outlook's ``-----Original Message-----`` and a forward write it; also in the languages of the quoted
    heads below, ``Von:`` then ``Gesendet: Donnerstag, 9. Oktober 2025 14:05``, ``Da:`` then ``Inviato:``,
    read by :func:`occ_lib.times.mail_head_date`) dates the items after it up to the next
    heading the same way, and the tickets of its ``Subject:`` are theirs when they name none. A Slack day
    divider, a line ``Yesterday`` or ``Today`` over a chat message's head, dates the items after it up to
    the next heading too: the day before the section's, or the section's. Items with no day at all (a
    tracker table above the first dated heading) read a year-less date (``10/7 16:00 UTC``, ``Oct 10``)
    in the year nearest the full date the item writes itself (its ``Due`` cell's ``2025-10-07``), else
    the last date an earlier item wrote, else the date of the document's first dated items (its first
    dated section's): the year only, their relative days (``today``, ``new ETA Fri``) stay problems
    (:func:`occ_lib.times.find_times_many`).

    Items are prose lines that open with their time (``14:02 UTC deployed``, ``[2025-10-07 09:30] kim:
    ...``, ``Dec 31 23:52 sam: acked``, ``[Wed 23:58]``, a runbook's author initials in the bracket,
    ``[AK 13:05] T-55. Backups verified``, as plain-text and pasted chat logs are written),
    also after a ``Key:`` (``**Resolved:**
    2025-10-09 18:40 UTC``; a next ``Key:`` line is its own line, no continuation), and a pasted chat
    message, whose head line is a sender and a time (``alice 9:41 AM``, ``Bob Lee — 10:32``, ``Émilie
    Durand  3:20 PM``, Slack's ``Priya Raman (she/her)  3:15 PM``, Teams' ``[Yesterday 3:04 PM] Sam Lee``)
    and whose text follows below it (``item`` = ``line``; a list right under the head, a blank line
    between or not, is its text too: its items that write no time of their own were sent at the head's,
    ``Alice Wong  10:42 AM`` then ``- escalated to the vendor`` is 10:42, :func:`_chat_lists`; its lines
    that look like a ``Key:`` field are its text too, ``Status: resolved``, ``Ticket: HS-44721``, unless one
    after the first names a time;
    so are those under a dated head, a help desk's ``**Anna Schmidt** (Agent) — Oct 10, 2025, 09:15`` or
    Jira's ``Ana Lopez added a comment - 09/Oct/25 3:14 PM``: ``Status changed: In Progress → Done``),
    any other paragraph of prose (a pasted e-mail's sentences; ``item`` = ``paragraph``; not in a ``>``
    quote without a head, which repeats an earlier message: a quote right after a paragraph, a message or
    a list item is no part of it; a quoted message under its head, the line before it that says who wrote
    it when, ``On Thu, Oct 9, 2025 at 1:15 PM Sam Lee <sam@example.com> wrote:`` (no text of its own),
    a ``> On ... wrote:`` over a ``>>`` quote, or Outlook's ``> From:`` ... ``> Sent:`` fields in the quote
    (also as German, French, Spanish, Dutch, Portuguese and Italian mail clients write them, ``Am
    08.10.2025 um 16:12 schrieb ...:``, ``Le mer. 8 oct. 2025 à 16:12, ... a écrit :``, ``El jue, 9 oct 2025
    a las 2:05 p. m., ... escribió:`` (14:05), ``Em qui., 9 de out. de 2025 às 14:05, ... escreveu:``, ``Il
    giorno gio 9 ott 2025 alle ore 14:05 ... ha scritto:``, ``Il 09/10/2025 14:05, ... ha scritto:``, ``>
    Von:`` ... ``> Gesendet:``, ``> De :`` ... ``> Envoyé :``, ``> De:`` ... ``> Enviado:``/``Enviado el:``,
    ``> Da:`` ... ``> Inviato:``: their dates read by :func:`occ_lib.times.mail_head_date`; a head a client
    wrapped before its last word, ``On ... Ana <a@x.com>`` then ``wrote:``, is one head; an English head on
    a 12-hour clock writes its slash date month first, ``On 10/9/25 2:05 PM, Ana wrote:`` is Oct 9 in a log
    whose slash dates are day first too, and so does an English Outlook field, ``Sent: 10/9/2025 2:05 PM``
    or ``Date:``, quoted or pasted: the pasted header's own lines and its body too), is read as the
    message it is, its items, paragraphs and lines on the head's day and, naming no time of their own, at its
    time, about its ``Subject:``'s tickets, a time without zone in the log's zone (in a log that declares
    none, a ``time`` problem on the head's line, as a pasted ``Sent:`` line's, and a head timed in a
    zone, ``2:00 PM PDT``, puts the message's zone-less times in it); once: a quoted paragraph, item or
    line whose words the log writes outside quotes, the original pasted before or after the reply, or in
    a quote read before, the same quote in a second reply, is not read again,
    :func:`occ_lib._markdown.blocks`; nor, among the logs read in one call (:func:`read_logs`,
    :func:`parse_logs`), one whose words another log writes outside quotes (the team's log that pasted
    the message, the vendor thread that quotes it) or quotes in a log read before (:func:`_quoted_once`;
    :func:`parse_log` reads one log alone); an Obsidian callout, ``> [!warning] OPS-803 blocked``, is
    the author's own words, read as if unquoted, its title the start of its text unless it only labels a
    list or table under it, ``> [!todo] Today``; ``[!quote]`` and ``[!cite]`` are quotes) when it
    names a ticket of its own, a time or a deadline, or its kind is one that tells (escalation, reopened,
    resolved, acknowledged, follow_up, blocked) - a ``Key: value`` field (``**Status:** Resolved``,
    ``Subject: ...``) only when it names a time, and ``Hi all,`` or ``All times in PDT.`` never -, list
    items (``-``, ``*``, ``+``, ``1.``; nesting by indentation, continuation lines joined to their item
    with a space; a task box (``- [ ]``, ``- [x]``) is dropped from the text, and a ticked one says the
    task is done, see ``kind``; Logseq's task markers, an item's first word (``DONE``, ``CANCELED``, ``TODO``,
    ``NOW``, ``LATER``, ``DOING``, ``WAITING``), are boxes too, kept in the text; a short item that opens
    with a date and has items nested under it, as
    outline journals write a day, ``- [[2025-10-08]]`` or ``- Oct 9 (Thu)``, dates what is nested under
    it as a heading would, :func:`occ_lib.times.outline_date`) and table body rows (cells joined with
    `` | ``; a column headed ``Due``, ``Due date``, ``Deadline``, ``ETA``, ``Target`` or ``By`` holds
    deadlines, read as ``due 2025-10-10``, not the row's time (also with a bracketed word after it that
    names no zone nor a unit, ``Due (EOD)``, ``ETA (SLA)``, ``Deadline (P1)``; not ``Target (ms)``); one
    headed for a deliverable, ``PIR due``, ``RCA due``, ``Postmortem due``, ``Retro due`` (``| Change | PIR
    owner | PIR due |``), holds that deliverable's deadlines, keyword ``postmortem``; with a
    ``Revised``/``New``/``Current`` one beside an ``Original``/``Initial``/``Baseline`` one, the revised
    date is the deadline, written as a replacement, and the original is history, neither a deadline nor
    the row's time (in a row whose revised cell is empty, the original is still the deadline); a
    tracker export's ``Created`` (``Opened``, ``Reported``) column before a ``Resolved`` (``Closed``,
    ``Resolution date``, ``Done at``) one, both holding a time, is read as the row opened at the one
    (its time, a ``note``) and resolved at the other (a step of its own; its ``Status`` cell, ``Done``,
    is the state that step tells, an ``Updated`` cell between is no step): ``| DATA-815 | Done |
    06/Oct/25 2:08 PM | 09/Oct/25 4:50 PM |`` was not resolved when it was created; a ``Resolved`` cell
    of a date alone, ``2025-10-08``, ``08/Oct/25``, ``Oct 8, 2025``, is a step of that day, day precision
    (the Created cell must hold a time); a runbook's ``Planned``/``Plan``/``Scheduled`` columns beside
    ``Actual`` ones (``| Step | Planned start | Planned end | Actual start | Actual end | Status |``, ``|
    Checkpoint | Planned | Actual | Decision |``) are the plan, history, in a row whose actual cell holds a
    time: the row happened at its actual time (``| 1.2 | Import transports | 24.10. 19:00 | 24.10. 21:00 |
    24.10. 19:10 | 24.10. 22:05 | done |`` at 19:10, not 19:00), and a row with no actual time yet is read at
    its plan as before; an empty
    cell of a ``Date`` column is the date above it, as a merged cell is exported; a column named for a secret,
    ``Temp password``, ``API key``, has its one-word credentials masked; a table whose first time is a clock
    time alone, ``| 11:42 PM | First 502s |``, under a table of dated times in its section or a section
    enclosing it, a pasted postmortem's milestones ``| Impact start | Oct 7, 11:42 PM |`` dated at most a
    week before the section, starts on the day that puts that time nearest the first of those times, not
    on the section's, often the day it was pasted: ``12:05 AM`` after ``Oct 7, 11:42 PM`` is Oct 8, its
    later rows past midnight on the next day as a section's items are; a dated heading between dates its
    own); a deadline written in a cell after the row's key cell (its first cell that names a ticket of
    the row's own) that names no ticket itself is the key's (``| 10/09 | Raj | STD-102 | In progress | 10/10
    EOD | SEC-4 approved 15:10 |``: STD-102's, not SEC-4's), and one that gives the key's tickets another due
    than such a cell of a table under another heading did, with the same keyword, moves it (a standup
    table per day, its ETA column the current ETA: ``10/10 EOD`` on the 8th, ``Mon`` on the 10th is
    ``moves``; rows of one table never move each other, a plan's steps); tables are also kept whole in
    ``tables``. A postmortem's milestones written as key-value lines
    (``**Impact start:** Oct 7, 11:42 PM PT``, ``- Detected: 2025-10-07 23:50 PT``, ``- **Mitigated**: 00:40
    PT (Oct 8)``, ``Resolved — Oct 8 01:15 PT``: impact start or end, detected, first alert or page,
    acknowledged, declared, escalated, mitigated, resolved, recovered, all clear, then a colon or a
    spaced dash; the first dated one) date its timeline list the same way: under a heading that names a
    timeline (``## Timeline``, ``### Timeline (all times PT)``, ``## Chronology``, ``## Sequence of
    events``; no time of its own) the list of clock times (``- 23:42 First 502s``, ``- 00:05 rollback
    started``) starts on the day that puts its first time nearest the milestone, its small hours on the
    next day as a section's are, when that day is at most a week before the section's; the milestones
    hold up to the next dated heading or one of the level of the heading that dates them (a postmortem
    dated by its front matter: its ``## Key milestones`` hold for its ``## Timeline``). Each milestone is
    an event of its kind at its stated time, and one written with a spaced dash under another
    (``Detected: Oct 7 11:50 PM PT`` then ``Mitigated — Oct 8, 12:40 AM PT``) is a line of its own, no
    continuation. A summary figure as a list item, a field whose value is only a duration (``- Duration:
    1h 33m``, ``- Time to detect: 8 min``, ``- **TTR:** 93 minutes``), is no event, as the same field
    written as a line is none. An incident's date alone (``**Incident date:** Oct 7, 2025``, ``Date of
    incident: 2025-10-07``, ``- Outage date: ...``; before any dated milestone) dates the timeline on that
    day, past midnight on the next, until a milestone's time does; a milestone written without a date
    (``**Impact start:** 11:42 PM`` under it, ``Resolved: 01:15 AM PT`` under ``Impact start: Oct 7, 11:42
    PM PT``) is on the day the milestones put it nearest, the ones after it past midnight on the next; the
    first one's time then stands for the incident date's (``00:05`` in the timeline after ``11:42 PM`` is
    the next day). A timeline's untimed items before its first clock time (``- all times PT``) are on the
    day its clock times are, at day precision. Under a heading that says the section is a postmortem
    (``Postmortem``, ``Post-mortem``, ``Incident review``/``report``, ``RCA``, ``PIR``, ``Root cause``,
    ``Retro``, ``After-action``; a substring test first), what is written before its milestones' times (or
    its incident date's only: ``## Summary``'s ``- pool exhausted after the 23:30 config push``,
    ``Summary: ...`` over ``Impact start: Oct 7, 11:42 PM PT``) is on the incident's day too, when it is at
    most a week before the section's: by section, the day that puts its first clock time nearest the
    milestone (else the milestone's day, at day precision), its small hours after an evening on the next;
    not under its ``### Action items``/``Follow-ups``/``Next steps``/``Lessons``, nor an item that counts
    from the day it was written or plans (``today``, ``tomorrow``, a weekday, ``next week``, ``in 2
    days``, ``ETA``, ``due``, ``follow-up``, ``will``, ``planned``: ``- OPS-9 fix ETA Wednesday`` is the
    writing week's), nor before a dated heading between (the items wait for the milestones, then are
    re-dated: still one pass).

    HTML pasted from a wiki or a tracker is read as the structure it writes, where a block-level tag opens
    a line (CommonMark's HTML block; an inline ``<br>``, ``<b>`` or ``<kbd>`` stays in its prose): ``<h1>``-
    ``<h6>`` are headings, ``<li>`` list items (nested by their lists), ``<tr>`` table rows (a first row of
    ``<th>`` cells is the header; a table is kept whole as a markdown one is), ``<p>`` and other text
    paragraphs (not in a ``<blockquote>``), ``<pre>`` code; tags are stripped and entities decoded, a
    ``<br>`` is a clause break (``; ``), ``<del>`` struck text and a link ``[text](url)``; each element is on
    the line it starts on (:mod:`occ_lib._html`).

    Fenced code and HTML comments (``<!-- -->``, which a reader never sees) are skipped; an unclosed fence
    is not a fence, except that a fence in a ``>`` quote opens and closes within the quote (it ends where
    the quote does, at the latest) and a fence in a list item's content, whatever its indentation, is
    code up to its closing fence or the item's end (the item's text goes on after it). An indented code
    block - lines indented 4 columns beyond the open list item's content (or the margin) after a blank
    line, which no list continuation is - is skipped too: code yields no events and no text.
    ``~~Struck-out~~`` words (also ``<del>``, ``<s>``, ``<strike>``) hold no times, deadlines, kinds or misses
    (``~~ETA 12:00~~ ETA 14:00`` is one deadline; ``~~14:00~~ 15:30 UTC paged`` is at 15:30; ``~~escalated to
    CTO~~ resolved`` is resolved), and what is written right after them, an arrow between or not, replaces
    them (``ETA ~~Oct 10~~ Oct 14 (slipped)``: Oct 14 is not the one missed; nor is 17:00 in ``ETA ~~15:00~~
    17:00, missed``, and the struck 15:00 is no deadline, missed or not: the writer corrected the record,
    which says nothing of a miss). A struck date or time in a heading dates nothing either (``##
    ~~2025-10-15~~ 2025-10-16`` is the 16th, :func:`occ_lib.times.parse_heading`). An escaped pipe
    (``\\|``) is a pipe inside its cell. The items' fields below are then found field by field over all of a
    document's items (:func:`_items`), times in one call for the document
    (:func:`occ_lib.times.find_times_many`): the same values as item by item, with the per-item set-up paid
    once per document.

Per item (the rules, in order)
    - ``tickets``: keys like ``DEPLOY-147``, ``OCC-INF-221``, ``HS-44721`` (upper-case segments, the
      first of two letters or more, then a number) with nothing word-like or hyphenated glued on
      either side, so ``T04-40`` in a stamp, ``INF-221`` in ``OCC-INF-221``, ``CVE-2021`` in
      ``CVE-2021-44228`` never count, and prefixes such as ``UTC``, ``GMT``, ``CVE``, ``PYSEC``,
      zone abbreviations, severities and counters (``SEV-2``, ``TIER-1``, ``SPRINT-14``, a
      postmortem's action items ``AI-1``, numbered anew in each), product codes, models and standards
      (``SKU-00``, ``GPT-4``, ``SOC-2``, ``NIST-800``, ``FIPS-140``, a broadcast's ``SCTE-35``,
      ``SMPTE-2110``, ``EBU-R128``; ``SOC`` only with one digit: a SOC's
      case ``SOC-4471`` is a key), cluster objects and release labels
      (``HPA-2``, ``NODE-12``, ``POD-3``, ``PVC-7``, ``PDB-1``, ``VPA-1``, ``SHARD-3``, ``REPLICA-2``,
      ``RC-2``), a purchase or sales order's number (``PO-4471``, ``SO-4412``), a warehouse's pallet or
      licence plate number (``PLT-000231``, ``LPN-0004411``), an Oracle error's five digits (``failed
      with ORA-01476``, ``ORA-00060 deadlock``, ``TNS-12541``, ``PLS-00201``; ``ORA-1234`` is a key), a
      region's shard (EU, NA, SEA, APAC, EMEA, AMER, LATAM, OCE, MENA or ANZ and one or two digits:
      ``EU-1``, ``SEA-3``; ``EU-1234`` is a key), a flight
      (an airline's IATA designator, ``UA``, ``LH``, ``BA``..., and one to four digits, in an item that speaks
      of flights: a flight, gate, boarding, departure, arrival, pax, station, check-in, ATC, aircraft or crew:
      ``LH400 and UA-901 unaffected`` after ``boarding from gate B22``; ``UA-901 opened`` is a key) are not
      projects, nor is an error code named as one (after ``errors``, ``code``, ``error code``, ``errs``, a
      colon or ``#`` between: ``matchmaking errors MM-504``, ``error code AUTH-401``; after a singular
      ``error`` only an HTTP status's number, ``gateway error GW-503``, as ``checkout error PAY-1234
      opened`` names a ticket; every code of such a list is one, joined by a comma, ``and``, ``or``, ``&``
      or ``/`` with the code before it and of its prefix: ``errors: MM-504, MM-505``, ``error codes MM-504
      and MM-505`` name no key, ``errors MM-504, OPS-7 escalated`` names OPS-7), nor is a key numbered
      0 (``OPS-0``, ``OPS-00``, ``OPS-0000``) or whose number of two or three digits starts with 0
      (device and host names ``PRN-03``, ``SW-01``, ``AP-07``, ``DB-012``, ACME's challenge type
      ``DNS-01``; in-house trackers pad to four digits or more, so ``REQ-0012``, ``INC-000123``,
      ``TKT-00042`` are keys), nor a key of several segments whose number starts with 0 (a host or
      an asset tag: ``FIN-WS-0231``, ``LON-SW-0042``; ``OCC-INF-221`` is a key),
      nor a key written right after the noun of a machine or equipment (server, node, host, switch,
      transformer, router, encoder, decoder, appliance, chassis, firewall, vm, machine, breaker, feeder,
      generator: ``playout server PLY-FRA-2``, ``tie switch TS-88``), which names that machine in every
      item of the document (``0 bitrate on PLY-FRA-2``), and, for a name of several segments, its
      siblings too (``PLY-FRA-2 backup PLY-FRA-3``; ``host OPS-2`` makes no other OPS key a machine);
      so is a finance document's number after its noun (``credit memo CM-2291``, ``credit note CN-88``,
      ``invoice INV-4410``: what a refund is booked as, not the desk's ticket),
      nor an e-mail address (``NOC-24@vendor.com``);
      and ServiceNow's numbers, which have no hyphen (``INC0012345``,
      ``CHG0034567``, ``RITM0010042``: INC, CHG, PRB, RITM, REQ, (SC/C/P)TASK or CS and seven digits or
      more), and a PagerDuty incident's id, letters and digits mixed after ``PD-`` (``PD-Q1X2Y3``,
      ``#PD-R7T8U9``), when the item names no other key (``page #PD-Z9Y8X7 for SRE-447`` is SRE-447's
      page: the id is an alias). A key right after a ``/`` counts when a key is written before the
      slash (``INC-5678/INC-5679``,
      ``CHG-1234/CHG-1235``), never in a path (``docs/DEPLOY-147.md``, ``docs/INC-1/INC-2.md``);
      numbers glued after a key by ``/`` or ``,`` are its siblings (``PAY-891/892/893``, ``OPS-1,2,3``,
      ``PAY-891/2/3`` for a key of three digits or more, ``PAY-891, 892, 893`` with two or more after a
      comma and a space, or one or more and a last after ``and`` or ``&``: ``OPS-1, 2, 3 and 4``,
      ``OPS-1, 2 & 3``), when they count up and have no more digits than it (``OPS-12/2025``,
      ``OPS-1,000``, ``OPS-4, 5 customers``, ``OPS-10/9`` are not; ``INC-1/3`` names INC-3, a fraction is
      written apart: ``INC-1: 1/3 done``). A key written in lower or mixed case (``ops-885``, ``Ops-885``)
      is that key, in upper case, when the document writes it in upper case elsewhere (its items or
      headings; a heading's own ``## ops-102 purge`` too), or another log read with it does (the CDN
      team's ``ops-102``, infra's ``OPS-102``: only such a document is read a second time, knowing
      those keys); otherwise it is a word
      (``utf-8``, ``sha-256``, ``gpt-4``); the item's text keeps it as written. A help desk's ticket
      written as ``#`` and its number (Zendesk's ``#48213``) is the key of that number the document, or a
      log read with it, writes (``ZD-48213``), when exactly one key has it and the number has three digits
      or more; not a pull or merge request's (``PR #1240``, ``MR #55``), nor one glued to a word or a path
      (``org/infra#88``); with no such key it is no ticket (GitHub's ``#1234`` alone), unless an item
      opens with it (after its time or not: ``16:45 #48291 Globex - duplicate charge``) in a document
      whose ``#`` numbers are all one tracker's keys of that length (``#48213`` is ``ZD-48213``): then it
      is that tracker's key too, ``ZD-48291``, in every item that writes it (a desk that writes its
      tickets as ``#`` only). A
      nested item inherits its ancestors' tickets (its own first), but one that opens with a ticket of
      its own (after a time stamp or decoration: ``- REL-42: filed QA-315, QA-316`` > ``- QA-315 is a
      dup of QA-290``, ``- QA-316 ETA Thu EOD``) speaks of that ticket: its kind, level and deadlines
      are its own tickets', and those it inherits get a ``note`` row of it, level 0, after its own
      (``- fixed INC-2`` under ``- OPS-1 rollout`` still resolves both); an item that names none takes
      those of the nearest enclosing heading that names any (``### PAY-412 rollback``). Underscores
      around a key are emphasis, as asterisks are (``_PAY-114_``, ``__PAY-116__``: Slack's italic), unless
      they glue it to a word (``env_PAY-114``, ``PAY-114_v2``).
    - ``refs``: the tickets the item only refers to, written right after a reference's words and nowhere
      else in it (:func:`occ_lib._subjects.references`: ``OPS-5 fixed (see also OPS-77)``, ``OPS-6 dup
      of OPS-2, closed``, ``OPS-8 restarted, cf. INFRA-12``, ``OPS-9 not related to OPS-10``, ``WEB-315
      blocked on SEC-88``, a standup cell's ``Blocked (waiting SEC-4)`` (``waiting`` right before a key),
      ``merged PAY-411 into PAY-410``, a label ``related: OPS-12``, and the rest of
      a list after them, ``see OPS-1, OPS-2``, up to a ticket that a verb or a state follows, the subject
      of a clause of its own: ``see OPS-40, OPS-41 resolved too``, ``blocked on DEPLOY-9, DEPLOY-10
      shipped``), or written right before what says it is no part of the item (``OPS-2 still ok, OPS-1
      not related, closed``, ``OPS-3 is unrelated``); not the new key of a move or a rename, ``moved OPS-103
      to
      INFRA-9``, ``OPS-319 is now INFRA-13``, the ticket itself going on: a ``note`` row; nor one told
      of in a relative clause, ``dup of OPS-910, which remains open``). The item says nothing of their
      state: they are left out of ``tickets`` (its own, those it passes to the items nested under it,
      and its deadlines'), so they get no row, no timeline and none of its kind; unless it has no other
      ticket (its own, its parent's or its heading's: ``- see OPS-77`` alone is about OPS-77, and
      ``refs`` is then empty), or they are a vendor's own (the item speaks of a vendor or supplier and
      names the key's prefix as the party: ``DCS vendor (SITA) engaged, ref SITA-448812; ETA 07:00``): the
      item is then about the tickets of the item before it in its section (the incident the vendor
      works on), else none; the vendor's key stays in ``refs``. What counts the tickets seen (``occ summary``,
      :func:`occ_lib.sla.unmatched_keys`) counts them. A heading's or a mail ``Subject:``'s tickets
      that it only refers to are not passed to the items under it (``### OPS-9 rollback (cf. OPS-4)``,
      ``Subject: OPS-5 resolved, see OPS-77``: OPS-9, OPS-5), unless it names no other. A deadline row's
      ``refs`` are those written in its sentence or ``;`` part, and in the parts that name no other
      ticket nor a deadline (``OPS-5 ETA 17:00; OPS-6 ETA 18:00, see OPS-77``: 18:00's alone;
      ``OPS-5 ETA 17:00. See OPS-77.``: 17:00's; :func:`occ_lib._subjects.deadline_refs`).
    - ``artifacts``: paths in backticks (with a ``/`` or a known file extension) and bare paths under
      a known folder (``artifacts/``, ``docs/``, ...) or named with a known extension; ``:24-27``
      line references are dropped; URLs are not paths.
    - ``channels``: ``#deploy-ops`` style names (lower case; not ``#1`` nor ``Case #0412-88231``, a name
      with no letter; not headings, not colours). A GitHub issue or PR number (``#1234``, ``PR #1240``,
      ``acme/ci-runner#567``, ``org/infra#88``), also written beside a ticket key (``PLAT-310 (#1234) CI
      red``), is kept as text only: no channel, no ticket and no ``refs`` entry (a number scoped to a
      repository, which the key beside it already stands for; ``refs`` holds ticket keys, and a later item
      naming only ``#1234`` is not taken for PLAT-310's: no alias is read).
    - ``urls``: every URL, redacted with :func:`occ_lib.redact.redact_url`; the ``text`` itself is
      redacted with :func:`occ_lib.redact.redact_text` too.
    - ``http_status``: the first ``HTTP 200`` / ``HTTP/1.1 503`` / ``status 502``, or a number followed
      by its standard reason phrase (:class:`http.HTTPStatus`: ``502 Bad Gateway``, ``got 401
      Unauthorized``, ``404 - Not Found``) written as the standard does or in capitals; in lower case only
      an error's phrase of two words or more (``503 service unavailable``; not ``201 created``, ``410
      gone``).
    - times: :func:`occ_lib.times.find_times` with the section's date as the day and the document's zone (a
      table row's: the zone its header gives a time column, ``Time (UTC)``, ``When - ET``, if any; one occ
      does not know, ``Time (XDT)``, ``ETA (XDT)``, makes each zone-less time of the column a ``time``
      problem, as ``17:00 XDT`` is, not a time in the document's zone; only a standard or daylight time's
      shape, :func:`occ_lib.times.unknown_zone`: ``Time (DRT)`` names an acronym). A deadline
      mention (ETA, by, before, due, deadline, target, window, checkpoint, no later than, until, cutoff,
      expires: a certificate or a token that ``expires 2025-10-12`` must be renewed by then; overdue since,
      late since, past due since, and missed, blew: a missed one, ``overdue since Tuesday`` and ``missed Tue``
      looking back, ``missed the 10:30 update`` naming its time; not a ``by`` that tells when a state was
      reached, ``queue drained by 10:20``, ``errors were gone by 11:07``, ``p99 back under 900ms by 00:31``,
      nor an ``until`` that ends an alert's quiet, ``Alert snoozed until 03:00 UTC``, ``muted``, ``silenced``,
      nor a cut-off told as reached or passed, ``cut-off 17:30 CET reached``, ``Cut-off 17:30 was reached``,
      ``cutoff passed at 17:30``: a fact of the calendar, the item a note,
      :func:`occ_lib._extract.cutoff_reached`,
      :func:`occ_lib.times.find_times`) becomes a row of ``deadlines``, with
      the item's tickets, or those its clause names when the item names two or more of its own
      (``OPS-1 ETA 17:00; OPS-2 ETA 18:00``, ``OPS-3 by 15:00, OPS-4 by 16:00``; a list shares its
      clause's: ``OPS-1, OPS-2: ETA 18:00``, also after the time the item opens with, ``10:00 UTC OPS-1,
      OPS-2 ETA 18:00`` (any clock of :data:`occ_lib._stamps.CLOCK`: ``21h30``, ``14.00``, ``9am``,
      ``9:05 a.m.``, ``14:00 utc``, ``09:00 CEST``, as for the ticket the item opens with); a clause
      that names none takes its sentence's or ``;`` part's, ``OPS-5 ETA
      17:00; OPS-6 blocked, ETA 18:00``; one whose part names none either is the ticket the item opens
      with (or names as its subject, ``Update on SUP-4410:``, ``Re: OPS-1``, ``INC-2 opened for OPS-1``)
      when the others are only opened or linked, ``SUP-4410 update: ..., incident INC-7301 opened.
      ETA 15:00 BST.`` is SUP-4410's, or those the item opened when it resolves that ticket, ``OPS-1
      resolved; created OPS-2 ... ETA 17:00`` is OPS-2's, else every ticket's;
      :func:`occ_lib._subjects.deadline_tickets`; and a sentence's or ``;`` part's that names no ticket of
      the item and opens with another subject of a name and noun that a part naming them opens with too is
      no ticket's: ``14:30 Sony cert submission due Oct 16 (CERT-41); Xbox cert submitted 13:10, result ETA
      Fri``, the 17th is the Xbox cert's; not ``... (CERT-41); Sony cert result ETA Fri``, nor after a part
      that opens with its ticket, ``CERT-41 submitted; result ETA Fri``: :func:`occ_lib._subjects.
      other_subjects`),
      but not a ticket named only as what another waits for: ``OPS-54 blocked on DEPLOY-9, ETA 15:00`` (also
      blocked by, waiting on or for, awaiting, depends on) is OPS-54's deadline alone, and so is one in
      brackets right after the blocker, ``OPS-54 blocked on DEP-9 (ETA 15:00), OPS-55 done`` (not OPS-55's),
      nor one it only
      refers to (``refs``: ``OPS-5 ETA 17:00, see OPS-77`` and ``OPS-54 caused by CHG-9, ETA 15:00`` are
      the first ticket's)
      (``stated_missed`` when the item says missed, slipped, overdue, past due, blew, blown, breached, late,
      lapsed, exceeded, a scheduler's SLA miss (Airflow's ``SLA miss on dag orders_daily at 06:00 UTC``,
      ``SLA miss on DAG=orders_daily at 06:00``: that time is the deadline missed, keyword ``missed``; not
      ``no SLA miss``, ``risk of an SLA miss``; the noun alone, ``SLA miss on finance_daily``, or with the
      run's logical date Airflow's e-mail lists, ``load_gl on 2025-10-09T01:00:00+00:00``, is a miss
      with no due time written: that date is the run's, not when it was due),
      or that a deadline was not met (``vendor's 17:00 deadline not met``, ``ETA wasn't
      met``, ``unmet``, ``failed to meet the 17:00 ETA``, ``didn't meet``), or not reached (``not done by
      EOD``, ``not fixed by 17:00``, ``didn't make it by EOD``; not ``will not be done by``, ``may not
      be``, ``if not done by``), or missed by an amount with no miss word (``the window overran by 48 min``,
      ``ran over by 20 mins``, ``45 min behind the ETA``, ``1h10m late vs plan``: a ticket's miss with no
      due time when none is written; not ``will be 20 min behind plan``, ``if the window overran``,
      ``overran its budget``), or that what was promised has not come (``0905 hotfix not delivered
      (promised 0900)``, ``still not delivered, promised by 09:00``: that promise's time before the
      item's is missed, not the next day's; not ``not delivered yet, promised by 1100``, ``if not
      delivered``); ``not met yet`` only when the
      deadline is before the item's time, and so is a timed item's late, overdue or slipping that tells
      of the work, not written on the deadline: ``17:00 export running late; ETA 20:00`` is no miss of
      20:00, ``18:00 export running late; ETA 17:00`` and ``10:00 ETA 17:00 is late`` are; not ``ETA
      met``, ``will not meet``, a forecast as ``will miss``
      is, ``if the deadline is not met``, nor a metric's or a thing's ``latency target not met``,
      ``prerequisites not met``, ``unmet dependencies``) - not when it only says nothing was (``not
      missed``, ``nothing slipped``, a
      tracker's ``Slipped: No``, ``Missed: none``, Dataview's ``[slipped:: no]``) or a
      metric went over its threshold (``p95 latency exceeded 800ms``, ``error budget breached``; not
      ``exceeded the 09:00 deadline``), nor when the word speaks of a risk, a doubt, a forecast or a
      condition (``no risk of slipping``, ``may be late``, ``the 17:00 ETA will be missed``, ``will be
      late``, ``is going to be missed`` (``gonna``), ``if the vendor is late``, ``unless``, ``to avoid a
      late fee``),
      of someone rather than a deadline (``Apologies for the late response``, ``I'm running late``,
      ``running late today``, ``Missed call from vendor``), of a broadcast's ad break or cue that did
      not air (``the missed ad break``, ``make-good plan for the missed break``, ``SCTE-35 cue at
      half-time missed``; not ``missed the break ETA``) or names a thing (``[[Missed deadlines
      report]]``, ``the missed-SLA dashboard``) -,
      except for a deadline written as the replacement: "slipped - new ETA Monday 10am", "pushed to
      19:00", "ETA now 11:15", "patch ETA now Thu 16:00 UTC" (its weekday between), "now due Tues", "vendor
      moved the patch ETA to Thu 09:00", "pushed our deadline to Friday" (the verb before the promise it
      moves), "missed ETA 15:00; next ETA 19:00", the second of "ETA
      10/8 → 10/10" or "moved from Oct 8 to Oct 10", both of which are deadlines, unless its own mention
      says it was missed too ("next ETA 19:00 UTC missed"), while the old one is no deadline now unless the
      item says it was missed (``ETA moved from 17:00 to 19:00``, ``ETA was 10:00, now 13:00``, ``due
      Oct 31 (was Oct 24)``, ``ETA 10/8 → 10/10``: the new one alone), and neither is one written before a
      renewal of the same promise for the same tickets (``ETA 17:00; next ETA 19:00``, also new, revised,
      updated ETA, ``ETA now``, ``by EOD, moved to tomorrow EOD``: 19:00 alone; not ``checkpoint 10:00;
      new ETA 19:00``, another kind of promise, nor ``OPS-1 ETA 17:00; OPS-2 new ETA 19:00``, another
      ticket's); such a replacement (also ``ETA revised to 18:00``, ``ETA updated to``, a promise brought
      forward, ``ETA pulled in to tomorrow 09:00``, ``brought forward to``, ``moved up to``, ``ETA was 09:40,
      now 10:15``, ``ETA 10:15 (was 09:40)``, ``ETA 13:00, previously 11:00``; not ``status updated to
      P1, ETA 17:00``) has ``moves`` True, and :mod:`occ_lib.sla`
      supersedes with it the ticket's earlier promises of its kind written in earlier items; so has a
      promise given anew, ``vendor now says fix ships Mon 13 Oct`` (now says, expects, promises...), or
      reported by the party an earlier deadline of its tickets names (``vendor says fix ships Mon 13 Oct``
      after ``vendor promised fix by Friday``: the word before says, said, expects, promised, promises, no
      pronoun; not ``infra says``, another party, nor another ticket's); so has a move with no deadline word
      of a ticket an earlier item gave a deadline (``REL-901 slipped to Oct 22``, pushed, moved,
      rescheduled... to or for a date or time, or with a colon, ``CHG0012345 rescheduled: Oct 10 22:00``, a
      deadline with that earlier one's keyword, also after
      ``until``, whose own keyword it then takes: ``CHG0012345 postponed until Oct 15 22:00`` after its
      change window moves that window, no ``until`` promise beside it; not ``moved
      to Done on Oct 17``, ``pushed to main at 11:30``, nor a ticket with no deadline before, unless an
      earlier item of the document planned it, a change calendar's ``| CHG-2104 | ... | Fr 10.10.
      10:00–11:00 | planned |`` (an event of kind ``plan`` with a time, or a table row with a time whose
      status cell keeps the window a promise: approved, authorized, confirmed, pending, postponed,
      deferred, rescheduled, proposed, submitted, requested, ready, on hold, awaiting, ``| CHG-4423 ... |
      Thu 14:00-15:00 | Lee | Postponed to Thu |``; not done, completed, rolled back, cancelled, rejected,
      failed): ``CHG-2104 moved to Mo 13.10. 10:00`` then moves that window, keyword ``window``,
      :func:`_planned`; so does a plan told in the move's own sentence before it, ``The third shard was
      planned for Wednesday but we pushed it to Thursday 9pm``, :func:`_planned_here`); so has, in an
      item of no ticket, a move of the subject of the document's last earlier deadline of no ticket (a word of
      four letters or more, or hyphenated, written before the move's verb, that is no deadline word,
      :func:`same_subject`: ``RC2 sign-off moved to Fri 10/10 noon ET`` after ``Sign-off deadline for
      RC1: Thu 10/09 6:00 p.m. ET``, its keyword ``deadline``; not ``Standup moved to 10:00``); a
      replacement of no ticket written in the item right after one that gave one ticket a promise of its
      kind (same section) is that ticket's (``CLIN-5131 vendor ETA noon.`` then ``1215 vendor says fix
      needs a window; new ETA by 1700 local.``: CLIN-5131's; not with an item between,
      :func:`_previous_promise`); a
      replacement
      of an item that states a
      miss and has no deadline left missed (``10:00 OPS-13 migration slipped - new ETA 17:00``, ``ETA
      missed, pushed to 19:00``) also gives the row with no ``due_at`` below, the miss being an earlier
      promise's; a move that writes the old time again names the deadline moved, after a clause break
      too (``ETA 17:00, missed; moved from 17:00 to 19:00``: 17:00 missed, 19:00 due,
      :func:`occ_lib.times.find_times`); and when the item writes a time as
      the missed
      one, ``missed the 10:30 update``, or as the old one, ``ETA Oct 31 (was Oct 24, slipped)``, ``ETA 18:00
      (slipped from 16:00)``, only that one (the one it was moved to is due: ``missed the 15:00 slot,
      pushed to 19:00``); and when the miss is written in a clause of its own deadline (clauses split by
      ``;``, a sentence's end, a spaced dash), the deadlines of the other clauses did not miss (``next
      update by 19:00 UTC; missed the 15:00 UTC ETA``, ``ETA 19:00 UTC; the 15:00 UTC checkpoint was
      missed``: 15:00 only), unless a clause without a deadline (or with only a new one) states a miss too
      (``ETA 12:00; checkpoint 10:00; both slipped``, ``due Oct 17 - slipped, new ETA Oct 30``) and names
      no one deadline by its keyword (``checkpoint 15:00 UTC; ETA 22:00 UTC; the checkpoint was missed``,
      ``due 15:00 UTC; ETA 22:00 UTC - we missed the due time``: 15:00 only), also next to an old one
      replaced in a clause that states no miss (``ETA was 19:40, now 20:15. OPS-2 missed the 17:00
      cut-off``: the cut-off missed, 19:40 superseded, not the miss); its ``text``
      is the
      item's, clipped at
      ``DEADLINE_TEXT_MAX`` characters; in an item with more than 24 deadlines, a pasted export or
      roll-up (``{"key": "OPS-1", "summary": "fix ETA 10:00"}, ...``), only a deadline alone in its
      clause takes the tickets its clause names, any other those written since the deadline before it,
      else the last one written before it, else the first after it: no ticket list goes to more than one
      row, which made rows x tickets). A miss written before the deadline it names is that deadline's
      (``missed again — ETA 17:00 UTC``, ``Missed: ETA 17:00``: one row, 17:00 stated missed), unless it
      is still ahead at the item's own time (to the minute; a date-only one from its day's start: ``ETA
      today`` is not ahead) and the miss is written neither on it nor after it (``ETA 17:00 slipped``,
      ``ETA 17:00 is late``, ``ETA 19:00; missed``, ``Tue ETA slipped to Thu``) nor right before it (``blew
      the 17:00 ETA``, ``missed Thursday target``, ``slipped from Thu 10:00``; a weekday or ``the`` between):
      ``10:00 UTC OPS-1 missed again — ETA 17:00 UTC`` admits that an earlier promise was missed, and
      17:00 is the new one, not missed (judged when due, as any other; dropped when the item supersedes
      it; its time read as a promise's is: ``23:50 missed again — ETA 00:30`` is the next 00:30); when no
      deadline of the item is left missed, the miss is a row with no ``due_at`` as below
      (:mod:`occ_lib.sla` gives it to the ticket's latest deadline due by then, else it is a row of its
      own), and one past at the item's time keeps it alone (``10:00 ETA 09:30; missed; ETA 17:00``:
      09:30). An item known only to its day has no time to tell ahead by and keeps the miss as written.
      An item of
      a ticket that states a miss of a deadline without
      writing its time (``OPS-9 missed the deadline``, ``ETA missed``, ``blew the SLA``; not ``context
      deadline exceeded``) is a row with no ``due_at``, keyword ``missed``, stated missed. A duration
      after ETA (also ``Eta``, a sentence's first word: ``Eta for fix 45 min``), ``due in`` or ``within``
      (``ETA 30 min``,
      ``ETA ~2h``, ``within 3 days``, ``ETA +1d``, ``ETA within the hour``, ``ETA in an hour``, ``ETA half an
      hour``, hours and minutes, ``ETA 1h30m``, ``ETA 1 hr 30 min``; of a range its longer end, ``ETA 1-2
      days``: two days; where a crew is due between, ``ETA on-site in 40 min``, ``ETA onsite 40 min``), a
      service's restoration promised so (``service should be back in 20 min``, ``API back up in 1h``, ``site
      will be back online in 30 mins``: keyword ``ETA``; only with a service's or system's noun right before
      it, not a person's, ``Marta back in 20 min``, ``I'm back in 20``, nor one told as past, ``service was
      back in 20 min``, ``restarted pods, service back in 5 min``: with no should or will, after a deed in
      the past in its sentence), someone's estimate of the work left (``Manhattan says ~3 hrs``, ``Kieran
      estimates 40 min``, ``vendor estimate: 2h``, ``DBA reckons it'll take 2 hrs``: keyword ``ETA``; not
      how long something took or was, ``took 3 hrs``, ``ran for 40 min``, ``3 hrs of downtime``, ``says 40
      min late``), and an SLA's clock told as running out (``SLA breach in 45m``, ``breaches SLA
      in 2h``, ``P1 SLA will breach in 1h``: keyword ``SLA``; ``SLA expires in 45 minutes``: ``expires``, as
      ``SLA expires 09:45`` is; ``SLA breach in 2h 13m for next update``: ``update``, kept by that update;
      not a count, ``no SLA breach in 30 days``, ``2 SLA breaches in 24h``), and a help desk's first-response
      target on the ticket's intake (``08:02 #48213 SSO loop. P1, FRT 1h``: keyword ``due``, a reply owed,
      kept by the first reply or acknowledgement; not ``FRT targets: P1 1h`` with no item time; ``FRT
      breached`` is a stated miss), is a deadline that long after the
      item's ``at`` when that is known to the minute (in whole days: to the day); not one read as a time of
      day, ``ETA 17h UTC``; one of hours in an item known only to its day (``ETA ~2h``, ``ETA 12h``, ``ETA
      within the hour`` with no time) is no row but a problem, ``relative deadline without the item's
      time`` (the promise is not dropped silently). A time written after the duration at the very instant
      it ends spells it out, one promise, the duration's (``critical patch within 72h, i.e. by Fri
      2025-10-10 11:00 UTC`` written Tue 11:00: one ``within`` row, not a ``by`` one beside it). A table
      row that writes a cron expression (``|
      finance_daily | 30 23 * * * | Ravi | finance mart fresh by 07:00 IST |``, ```0 3 * * *```, ``*/15 * * *
      *``) is a scheduled job's: its ``by 07:00`` is every run's standing target, no deadline (the cron's
      numbers are no times either). A ``within`` after a state reached, told as past (``was
      resolved within the hour``, ``queue recovered within 10 min of the restart``), says how long it
      took: no deadline (``must be resolved within 4h``, ``fix expected within the hour`` are); nor is a
      duration told as a standing policy in its sentence (``response within 15 minutes of paging is our
      target``, ``our SLA is response within 15 minutes``, ``the target is ack within 15 min``: is our or the
      target, SLA, SLO, goal, policy; our or the target, SLA... is), which counts from what it names, not
      from the item. An SLA's breach at a time of day (``SLA breach at 09:45``, ``breaches SLA at 11:00``,
      ``P1 SLA will breach at 09:45``) is a deadline, keyword ``SLA``, when it is ahead of the item's time (a
      warning); at or before it, a report: the deadline missed then (keyword ``missed``, stated missed, as
      ``SLA breached at 09:45`` always is); in an item of no time, only one told as to come (``will
      breach``) is read. A number of
      business or working days after
      ``target``, ``ETA``, ``due in``, ``within`` or ``deadline`` (``14:00 HD-5521 assigned to AV team,
      target 2 working days``, ``within 3 business days``) is a deadline that many weekdays after the
      item's time, at the same time of day in its zone (Monday 14:00 BST: Wednesday 14:00 BST;
      Saturdays and Sundays skipped, holidays not known), keyword ``target``, ``ETA``, ``due``,
      ``within`` or ``deadline``; in an item known only to its day, that day's date.
      A promise of the next update (``Next update by 14:45 EDT``,
      ``next status update at 16:00``, ``Next update: 17:00 UTC``, ``we will post an update by 15:00``,
      ``next update in 30 minutes``, on a day named between, ``Next update tomorrow 10:00 CET``, ``next
      update Monday by 09:00 ET``, to whom it goes, ``next CISO update due Thu 09:00``, ``Next update to the
      exec channel by 14:00``, ``next update for the board by 17:00`` (not ``next firmware update``: work,
      not news); also one promised or owed, ``carrier promised an update by 17:00
      CDT``, ``vendor owes us an update by noon``, ``Customer update promised by 11am``: the update is
      promised, not the fix; and as a support lead writes it, ``next update promised by 11:00``,
      ``customer update due 15:00``, ``next comms at 10:00``, ``next comms in 30 min``, ``update ETA
      14:00`` (not ``firmware update ETA 14:00``, a release's, nor ``update ETA to 14:00``, a move), ``will
      update by 10:00``, ``update the customer by 10:00`` (not ``update the firmware by 10:00``, work; nor
      ``the agent will update at 02:00``, software)) is a deadline
      with keyword ``update``, also without ``by``, and no time
      of the item; :func:`occ_lib.sla.deadline_misses` judges it by the ticket's next update, not by its
      fix (by its next item naming the status page when the promise's item names it). A promise of an
      ETA (``we'd have an ETA for them by noon``, ``send the customer an ETA by 15:00``: have, give, send,
      share, provide, post or get an ETA or estimate, by/before/at its time) has keyword ``ETA update``:
      kept by the ticket's next item giving an ETA, not by the fix. A deadline whose clause names,
      before it, a deliverable that follows an incident (``RCA ETA
      2025-10-14``, ``postmortem for INC-4100 due 2025-10-10``, ``PIR by Oct 15``, also a duration,
      ``postmortem due in 2 days``: an RCA, postmortem, post-incident review or report, problem review
      (``BOPS-118 problem review due 23 Oct``), retro, after-action review, a carrier's RFO, ``RFO from Tata
      due within 72h (by 2025-10-11 03:14 IST)``, ``incident report owed within 24 hours``; in a table row
      also the cell right before the deadline's, ``| BCST-4423 | incident report to LeagueCo | Mon 13 Oct
      17:39 BST |``) has keyword ``postmortem``: the SLA judges it by the
      ticket's later event that says it was delivered (``RCA published``, ``Tata RFO received``), not by the
      incident's resolution. One whose clause names a notice owed before it (``Regulatory notification
      deadline: 72 hours from detection, i.e. 2025-10-10 08:14 UTC``, ``notify affected customers by
      Fri``) has keyword ``notification``: judged by the later event, of its ticket or of no ticket in its
      log, that says its addressee was notified (``Regulator notified via DPA portal``, ``customers
      notified``, ``notification submitted to the ICO``; not ``notified the CISO``, ``customers to be
      notified``). A ``window`` written as a range is due at its end (``maintenance
      window Sat 02:00-04:00 ET``), no time of the item's (a plan of no time of its own is on its section's
      date), nor is a time after the range's end on a later day than the section's, the plan's too
      (``Weekend: maintenance window Sat 11 Oct 02:00–04:00 UTC; Sun run may miss 07:00 IST freshness``
      under a Friday is at the Friday's date, due Sat 04:00; :func:`_after_planned_window`); an impact,
      outage or incident window is when it happened, no deadline (a
      planned or scheduled one is one); nor is a window's day alone of no ticket (``Window: Thursday Oct
      9, 2025.`` announces when it is: nobody promised anything, and no table can miss it; ``OPS-7 window
      Oct 10`` is OPS-7's; ``maintenance window until 06:00 UTC`` is a timed ``window``, its end, as the
      range's, and so is a freeze's, ``deploy freeze until 12:00 UTC``, ``code freeze through Friday 18:00
      UTC``, ``deploy freeze: no merges until 12:00 UTC``: when work may not happen). A window that is
      another thing's is no target of the item's tickets, a row of no ticket: an exam's (``INC0045150
      opened, P1; exam window 09:00-12:00 BST for PSYC105``; exam, assessment, test, quiz, sitting), and a
      maintenance's written in a clause of its own after an incident's (``INC``) tickets (``INC0045151
      opened; maintenance window 22:00-23:00``; ``CHG-1 approved; maintenance window 22:00-23:00`` is
      CHG-1's). A
      deadline time
      written without a date more than 12 hours before the item's own first time (else its section's) is the
      next day's (``23:40 paged, ETA 00:30``; so is one
      marked ``(+1)`` or ``D+1``), and so is one any time before it that is still to come: a promise
      (promised, committed to, agreed to, will: ``07:10 vendor promised a patch by 06:00``; a next update's,
      ``1800 Next update NLT 0600`` is the next morning's; one reported,
      says, said, expects: ``17:30 @ben says 09:00`` is due the next morning) or what a
      handoff's note with no time of its own hands over (``EU shift to grab it before 10:00 CEST`` under
      ``### Handed to EU shift at 07:00``; a heading that says handoff, handover, handed to; not a window);
      none of them when the item says it was missed or tells of it as past (``was``, ``this
      morning``, ``came and went``), nor a deadline the item says is not met yet. On a 12-hour clock (an item
      whose own time has AM/PM, as a chat export writes it), a deadline ``H:MM`` without AM/PM written up
      to 12 hours before the item's time is the one to come, 12 hours later (``[10:55 AM] Sam Lee: fix ETA
      4:30`` is due 4:30 PM; not ``04:30`` nor ``16:30``, nor one the item says was missed). A runbook's
      step that opens with its offset from the start (``T+00:15 — start pg_dump``, ``T+45m``, ``T+2h``)
      and writes no time of its own is at that start plus the offset, once an item before it said when the
      start is (the first time
      written after ``T+00:00`` or ``T0``: ``Start time (T+00:00) = 22:00 CDT``, or right after ``T =``:
      ``Cutover start T = 0200 hrs Wed 15/10/25``); so is one that opens with a T-minus (``T-15m (0145):
      switched to manual cards``), and a deadline written as such an offset after due, by, ETA, target or
      deadline (``01:10 G2 (due T+05:00) missed``: due at the start plus 5 hours; not ``T+1 settlement``,
      a day count with no unit). A heading whose time range
      runs past midnight (``## 2025-10-07 night shift (22:00–06:00)``, ``(6pm – 6am PT)``; a night's two
      dates, ``### Handoff 2025-10-09 → 2025-10-10 (night shift)``, ``## Night shift 2025-10-09/10`` or a
      range of the two days, ``## Oct 9–10, 2025 night shift``, ``9-10 Oct``, as
      ``(22:00–06:00)``) puts an item under it (or under its subheadings without a date or time of their own)
      timed before 6 hours after the range's end, or before halfway back to its start when that is sooner, on
      the range's second day (``- 02:10 paged`` is 02:10 on the 8th; ``- 13:30`` stays on the 7th; under
      ``(23:00–02:00)`` the cut is 08:00), with the item's other times of that day; a date or day word in the
      item keeps its
      own. A section with no date of its own (``### Handoff Tue → Wed (Priya → Marco)`` in a log
      without dated headings) dates an item's time or weekday that needs a date (``- 03:45 paged the
      IC``, ``- due by Thu 18:00 UTC``) by the last item before it in that section that wrote a full
      date and time (``- 2025-10-07 03:02 UTC page #PD-R7T8U9``), or a time read so, on its clock
      (a time before 06:00 after one from 18:00 on: the next day); without one before it, the first
      after it dates a weekday alone, never a bare time (:func:`_carry_dates`).
      A time said in words without a meridiem (``half past two``) in a night shift's context, its
      section's heading saying night or overnight, or the timed item right before it in its section
      between 22:00 and 06:00 on its clock, is the small hours' (02:30; elsewhere working hours, 14:30;
      :func:`_spoken_nights`).
      A section that runs past midnight puts the small hours on the next day:
      an item timed before 06:00 right after an item of the same section (an untimed plan of a window in
      the small hours said tonight counts as timed at its start: ``- Planned EHR downtime 0200-0400
      tonight (CHG-880)`` then ``- 0205 downtime started`` is that night's; a downtime's range is both
      the plan's time and a ``window`` deadline) (or of the sections before it
      that the headings of no date or time of their own after them go on: ``## Issues`` after ``##
      Pre-checks (Oct 9)``) timed from 18:00 on, and the
      small-hours items after it (``- 23:52 ramp paused`` then ``- 00:20 rollback complete`` under ``##
      2025-10-24``); both read on the clock the item's time is written on (``12:25 AM PT`` after ``11:40 PM
      PT`` in a UTC log; ``02:05 UTC`` after ``20:30`` in a New York log, which is 00:30 UTC the next day).
      In a section whose timed items are in time order, the run goes on into the next day: a later item
      that on the section's day would be more than 12 hours before the rolled item before it (and before the
      run's evening hour) is the next day's too (``- 09:00 follow-up`` after ``- 01:05 resolved``). A date
      the item writes keeps its own and ends the run (one that is not on the section's night, ``- Change
      freeze starts Sat 00:00``, is another day's plan and leaves the run to the items after it; first in
      its section, it is no time the untimed items after it are read after: ``- code freeze starts Friday
      18:00 UTC`` then ``- OPS-1 ETA 11:00 UTC`` is due on the section's day); an item
      nested under the evening one is about that day (not one nested under an untimed item after it,
      ``- PAY-7802 new`` then ``  - paged at 01:05``), one nested under a rolled item is rolled with it, and
      so is an untimed item's deadline in the run that on the section's day would be before the item
      above it (``- mitigated 00:35`` then ``- vendor contacted, ETA 06:00``; an untimed item's deadline
      is read after the timed item before it, as a timed item's is after its own time, when both are read on
      one clock: ``- PAY-2 report owed by 4pm`` after ``- 14:00 EST PAY-1 solved`` in a UTC log is 16:00 UTC
      on the section's day, not the next, :func:`_same_clock`). The next day is read
      again in the time's zone, so the night clocks change comes out right (``03:10`` after ``23:40``
      under ``## 2025-11-01`` in New York is 08:10 UTC, and ``02:30 CET`` after ``23:50`` under
      ``## 2025-10-25`` the second 02:30, 01:30 UTC). Every other
      resolved mention goes to ``times``, except a time written as where something moved to, with every
      verb of a move (slipped, moved, pushed, shifted, delayed, postponed, rescheduled, bumped, slips,
      deferred, extended; ``out``, ``back`` or ``again`` after it; to, until, till or for: ``Vendor call
      rescheduled for Fri 15:00``, ``standup moved to 10:00``, ``CHG-2104 moved to Mo 13.10. 10:00``, a
      German weekday written capitalised; :func:`occ_lib.times.moved_to_by_word`), which is never the
      item's own time (the stamp it opens with is: ``10:00 standup moved to 11:00`` is at 10:00; an
      arrow is no move, ``error rate 09:00 -> 11:00``, nor ``moved to #ops at 10:00``), nor are the two
      times of a move written from one to the other (``CHG0034571 rescheduled from Wed 26 Nov 01:00 UTC+8 to
      Tue 2 Dec 01:00 UTC+8``, a move's verb then ``from`` before the first, ``to``/``until``/an arrow
      between them, :func:`_moved_from_to`: the old slot is no row, the new one of an item with tickets
      a ``window`` deadline, a plan told in the move's own sentence, as ``planned for Wednesday but we
      pushed it to Thursday`` is; not a deadline's move, ``ETA slipped from 12:00 to 15:00``, read above;
      so are the two of a slot written as what it was and is now, ``DB-8 cutover was 09:40, now 10:15``:
      a ``window`` at 10:15 that ``moves``, no time of the item's),
      nor, in a prose paragraph that opens with its date (``Wednesday 8 October. ...``,
      :func:`_opening_day`), a time on a later day than that date (``a go/no-go for the pilot at 15:00 on
      Friday 24 October``): written on the 8th, that is a plan, no time of the paragraph's, and a
      ``go/no-go`` deadline when a go/no-go is written before it in its clause; and one that
      ends (or starts) a period a thing lasts, which
      is not when the item happened (:func:`_ends_period`): a validity (``cert valid to 2025-12-01``,
      ``license valid until Dec 1``, ``good through``, a certificate's ``notAfter=``), a sunset (``flag
      checkout_v2 sunset date 2025-11-01``), an end of life or support (``EOL 2026-01-31``), and an
      ``until`` that is no deadline (``watching until 18:00``); an expiry is a deadline (above), and
      so is a renewal (``renew before 2025-12-01``), nor is a date that qualifies what the item names
      (``deadline for the Oct 9 marketing push: ...``, ``prep for the Oct 9 push``: the push's date,
      :func:`occ_lib.times.names_what`), nor a date written after ``since`` or ``from`` before the item's
      section's day (a time, two days or more before: a time of the night before, ``down since yesterday
      23:50``, is when the outage began, as above), which tells when a state began, not when the item was
      written (``DB-4398 disk alerts open since 2025-10-01``, ``slow checkpoints from Oct 3``, under
      ``## 2025-10-08``: the 8th, day precision; the date stays in ``times``, :func:`_past_from`). The
      stamp written again right after itself (``[10:12Z] 10:12Z failover started``) is one time. ``at``
      is the first of those with a time (``end_at``
      its range end), else the first date-only one (a done task's ``✅`` date before the created ``➕``,
      started ``🛫`` or scheduled ``⏳`` ones); else, for a nested list item, its parent item's (its
      precision: ``- 09:05 OPS-1 paged`` > ``- vendor looped in`` is 09:05, as is an item nested under
      that one); else the section's time (its precision), or for an item that opens with an
      offset from the T0 its heading names (a postmortem's ``T+15m``, ``T+1h45m``, ``T-5 min`` under ``##
      Relative timeline (T0 = 14:02 UTC)``; not ``T+15`` with no unit) that time plus the offset; else the
      section's date (``day``,
      UTC midnight); else NaT. A date-only deadline (``due 2025-10-10``) is at UTC midnight of that date with
      ``due_precision`` ``day``: readers decide whether that means the end of the day. Mentions that cannot be
      resolved (``[???]``, ``(Time TBC)``, ``25:61``, a time in an undated section) are ``time`` problems, on
      the line the mention is written on (in an item of several lines, not its first); an unreadable
      heading date is a ``date`` problem. One instant written in several zones, the times only a ``/``
      apart and each with its own zone (``up at 09:00 PDT / 16:00 UTC / 18:00 CEST``), is one mention, the
      first (one time, one deadline); a time of the chain that is another instant (``/ 19:00 CEST``) is a
      ``time`` problem naming the first, and is not read either. (Only asked in an item with a ``/``.)
    - ``kind``, the first rule that matches (on the item's lower-case words; the words of its URLs, web
      addresses written without a scheme and paths are none: ``see status.example.com/incidents/42`` is no
      status, ``ran scripts/close_resolved.sh`` resolves nothing, though a path's first folder named for
      evidence, ``artifacts/``, ``evidence/``, is still that word, rule 7; a state an arrow leads
      away from is no word of it, though a ticket key written there is still the item's: "Status: Reopened →
      Closed" is closed, "Reopened → In Progress → Closed" too; nor one a change leaves in words, "status
      changed from Reopened to Resolved", "moved from Reopened to Done", nor the ``From`` cell of a change
      history's row, ``| Field | From | To |`` or ``Old value``/``New value``: ``| Status | Reopened |
      Done |`` is done; but an arrow after an action, escalated, esc'd, paged, re-paged, pinged, looped...,
      says "to" or "then" and leaves it a word, ``escalated -> dir``, ``escalated to mgr -> she ok'd
      failover``, ``paged -> no answer``, unless it leads to a tracker's state, ``Status: Escalated →
      Closed``); a change from a resolution to an open state, the last the item names, is a reopening, as
      trackers log one: ``Status changed: Done → In Progress``, ``Resolution: Fixed → Unresolved``,
      ``moved from Done to In Progress`` are reopened, rule 2, not ``Done → In Progress → Done`` nor
      ``tests done -> open the PR``, a step). Being paged is no page made: ``paged by alert``, ``paged by
      PagerDuty``, ``got paged`` are read without those words (not ``mgr got paged``). A word right after a
      negation, or one word further in the same clause (no ``,;:.!?|``, dash or arrow between), does
      not count for any rule unless the item also writes it un-negated: "manager was not paged",
      "not escalated", "nothing paged", "nobody acked the page", "PagerDuty: Unacknowledged (ack
      timeout)" match none of the rules through those words and fall through to the next. The
      negations: not, never, no, no-one, nobody, nothing, none, without, isn't, wasn't, weren't,
      hasn't, haven't, hadn't, didn't, don't, doesn't, won't, couldn't, can't, cannot, nicht, kein(e),
      pas, sin, and the un- forms of the verbs, also hyphenated (unacknowledged, unacked, unescalated,
      unpaged, unresolved, unfixed, unclosed, unmitigated, unrestored, un-acked). Jira's resolutions
      "Won't Fix" and "Won't Do" (and the label wontfix), written alone (nothing after them but
      punctuation: ``closed as won't fix``, ``Resolution: Won't Fix, ticket closed``), are no negation
      but the name of a resolution, and as a state (after as, marked, labelled, a field's ``:``, a
      cell's ``|``, an arrow: ``| Won't fix |``) a resolution, rule 3; not ``we won't fix it today``; so
      is GitHub's close reason ``closed this as not planned``.
      So is Jira's "Duplicate" as a state whose original is not named (``Closing OPS-304 as a
      duplicate``, ``Marking OPS-304 as dup``, ``OPS-304: duplicate, closing``), unless its clause
      guesses, plans, denies or asks it (``possible duplicate``, ``will close OPS-304 as a
      duplicate``, ``...as a duplicate?``); not ``OPS-304 is a duplicate`` nor ``duplicate alerts``
      (``duplicate of OPS-1`` names the original: the ticket groups below split it).
      1. ``escalation``: escalated / re-escalated / escalating (also esc'd, esc'ed, escd, and ``esc``
         before a manager, lead or executive: ``esc to mgr``; not ``press esc to close``; and a common
         transposition, ``escaltaed``, ``esclated``, ``escalted``, ``esclate``..., read as the word only
         before ``to`` and a level or role it reaches: ``Escaltaed ZD-1 to Tier 3 + VP of Support``), or
         "escalation" with a done verb
         (sent, delivered, posted, raised, paged...) or written to a manager, lead or executive
         (``escalation to the manager``, ``Escalation to the director for OPS-303``, ``escalation to
         team lead``; not when a plan word says it is still to come, ``next step: escalation to the
         director``, rule 8), or paged/paging a manager, lead or on-call,
         or a manager or executive looped/roped/pulled/brought in (or looping/roping/pulling/
         bringing in), notified, alerted, briefed, cc'd/cc'ed/cc'ing, or reached directly: paged,
         pinged, emailed, messaged, contacted, raised with ("paged the CTO", "raised it with my
         manager"; a "lead" alone is no role here), or informed/engaged when the role is who was
         (``informed the CEO``, ``IC engaged VP Eng``; not ``the VP informed us``). The role may be
         written in a handle (``looped in @eng-director``, ``paged @mgr-oncall``, ``pinged
         @head-of-infra``; an on-call's, ``@oncall-secondary paged``, is a page, rule 5).
         A drafted or planned escalation ("prepare CIO escalation note if...") is not one, nor one
         put off ("let's hold off on escalating to the VP": read without it), nor one called off after
         the fact ("OPS-306 escalation to the VP cancelled", "called off the CTO escalation", "escalation
         to the VP withdrawn"; also rescinded, retracted, revoked, stood down, aborted, dropped: read
         without it, a ``note`` unless the rest tells more; a bare "escalation cancelled" in a clause after
         one that escalated calls that one off, read without both: ``escalated OPS-3 to VP Eng, escalation
         cancelled`` is a ``note``; not a page before it, ``paged on-call, escalation cancelled``, the page
         made), and one made only if
         something happens ("escalating to CTO if not mitigated by 15:30", "will escalate to the
         Director of Partnerships if no answer by Wed EOD", "escalate to the VP if ...") is a ``plan``
         unless the rest of the item tells more (``Followed up with partner manager; will escalate to
         the VP if no answer``: a ``follow_up``). Management (also mgmt) is a manager when
         it is whom the item reaches (``escalated to management``, ``escalation sent to mgmt``,
         ``notified senior management``), not a thing named for managing (``incident management
         team``, ``the mgmt network``). The legal team brought in is an escalation at a manager's level
         (``legal looped in (Tomasz)``, ``looped in legal``, ``notified legal``, ``Legal counsel was
         briefed``, ``escalated OPS-1 to legal``; not ``legal hold``, ``notified legal entities``,
         ``blocked on legal``).
      2. ``reopened``: reopened, re-opened, reopening, regressed, recurred, re-occurred, re-triggered /
         retriggered (Datadog's "Re-Triggered:"), Sentry's "Regression:" label, and the same in other
         words: the resolution was none ("not actually resolved", "wasn't really fixed", "fix didn't
         hold", "the patch did not stick", "resolution reverted", "marked resolved by mistake", "closed
         in error", "mistakenly closed"), the ticket went back ("back to open", "moving back to In
         Progress", "back to triage") or the problem did ("issue is back", "errors are back", "alerts
         came back"; not "errors are back to baseline", "back down", "back in range"; "happening
         again", "occurred again"; not "paged again"): the ticket is open
         again, and only a resolution after it resolves it (:func:`occ_lib.timeline.summary`,
         :mod:`occ_lib.sla`).
      3. ``resolved``: a ticked task box (``- [x]``, ``- [X]``, Logseq's ``DONE``) or Obsidian's
         done mark (``✅ 2025-10-20``), whatever the words say - except a done task whose verb makes
         an escalation or a follow-up, read as done (``- [x] Escalate OPS-1 to VP Eng`` is escalated,
         ``- [x] Page the on-call DBA`` paged, ``- [x] Ping vendor about OPS-3`` and ``- [x] pinged the
         vendor again`` follow-ups, rule 5, unless the item also says a resolution: the box records
         that the ping was made, and the ticket stays open), and a done step of an open task that names
         no ticket of its own (``- [x] snapshot taken ✅ ...`` under ``- [ ] OPS-1500 migrate ...``),
         a ``status`` of the ticket it inherits; an unticked ``- [ ]`` is read by its words, but
         its resolution words name the goal still to do (``- [ ] QA-1203 crash fixed and verified``, a
         ``plan`` unless a rule after 3 reads it); a cancelled ``- [-]`` (``CANCELED``) too, and its
         deadlines are dropped, as are a task's with
         Obsidian's cancelled date, ``❌ 2025-10-08`` (in a task box, or ending the item; elsewhere a
         ❌ stamps a failure, ``- ❌ 14:05 smoke tests failed; fix ETA 18:00``, and is read as words);
         outside a task box a ✅ with a date and a time opening the item stamps a pass and is read as
         words too (``- ✅ 2025-10-09 14:30 OPS-13 smoke tests passed; full rollout ETA 18:00``; ``- ✅
         2025-10-20 INC-8 cleanup``, without a time, is a done list's entry, resolved); or
         closed, resolved, solved, delivered (not a report or document delivered, ``T+1 settlement
         report delivered to treasury (FIN-884)``: a deliverable sent, no fix), done, merged, landed,
         shipped, fixed, completed,
         succeeded, renewed, fulfilled (a ServiceNow request item's end, ``RITM0012345 fulfilled``),
         restored, recovered, repaired (``Dock 4 repaired, back in service``), mitigated, met,
         auto-resolved, auto-closed, self-resolved, self-healed,
         auto-healed, auto-recovered, auto-renewed (``licence auto-renewed overnight (was due
         2025-10-10 00:00 PT)``), auto-merged (a bot's PR merged), the writer closing a ticket named
         right after, ``recon clean. closing FIN-884``, ``Closing out OPS-12`` (not ``will be closing
         OPS-1``, ``closing in on the cause``) (German erledigt, behoben, gelöst,
         geschlossen;
         French résolu, corrigé, clôturé, rétabli; Spanish resuelto, solucionado, cerrado; not deployed
         nor released: ``PAY-8130 fix deployed`` rolled a change out, which is not yet seen to fix the
         problem, a ``note`` unless the rest tells more, while shipped, merged and landed end a change's
         own work; but a deploy seen to work, its smoke, sanity, health or synthetic check said passed, ok or
         green, or the deploy said verified, resolves: ``deployed to prod, smoke check OK``, ``hotfix
         deployed + health check green``, ``fix deployed, verified``; not one short of production, ``deployed
         to staging, smoke OK``, ``canary deployed, health checks green``, ``deployed to 10%``; told in timed
         steps, ``deployed 14:00, smoke green 14:20``, the check's step is the resolution, at 14:20) - unless
         the item also says not, never, once (not once as a count, rule 8), until, unless, if, when,
         pending, awaiting, waiting,
         remains, yet, no (not "no longer", which says a problem ended: ``OPS-304 no longer blocked;
         resolved``, nor a 'no' after the resolution that denies something else, ``resolved, no customer
         impact``, ``Alert auto-closed after 30m of no events``, ``audit complete: no use of the key
         found. Resolved.``, complete as a state; still ``fixed, no change in error rate``,
         ``closed? no``), without, must, should, to reflect (nicht; pas, non, toujours, attente;
         pendiente, sin; ``none of`` reaches four words past ``of``, ``blocked by QA-1 (none of the fixes
         landed)``, ``none of them have been deployed``; a negation, not, no, never, isn't, wasn't..., in a
         clause before the one that
         resolves and that says nothing else the rules read is another statement: ``DATA-310 not a real
         problem, budget was wrong, closed`` is resolved, as a denied outage, ``OUT-4412 not an outage;
         closed``, ``not a real outage, closed``; ``not escalated, self-healed`` and ``fixed, not
         deployed`` are not), or every such word is a resolution still to come: after be, expected,
         expecting, estimated ("expected done 00:30", "to be merged", "will be fixed"), or before
         "by" and a time or a day ("done by 17:00", "done by Friday", "done by EOD", "done by close of
         business"; "fixed by @bob" is done), nor a period of work closed (``week closed out``,
         ``shift done``, ``sprint closed``: read without it) or a call or a meeting held (``13:00
         callback done, plan: ...``, ``bridge call done``, ``kickoff meeting done``: a step of the work,
         not its end), nor a tally, a count of tickets said
         resolved after a colon, a comma, a semicolon or 'and' (``weekly: 4 escalations, 2 resolved,
         CSAT 3.5``, ``subtasks: 2 done, 1 open``, ``3 tickets closed``: read without it; not ``build
         1234 succeeded``, ``09:30 resolved``, ``Oct 9, 2025 closed``), nor a market, a bank, a
         payment rail or an office closed (``Columbus Day: ACH and Fedwire closed``, ``US markets
         closed``: a closure of the calendar, read without it), nor a board or a group that met, a
         meeting held (``CAB met: 3 emergency changes approved``, ``steering group met to discuss``, ``we
         met with the vendor``: read without it; not ``SLA met``, ``the team met the deadline``).
         ``complete`` counts as a state, not as a verb ("migration complete", "| Complete ✅
         |"; not "complete the rollout"); so is a change's downtime or maintenance (window) said over
         ("downtime ended", "maintenance window over", "downtime has ended": the change is done; not
         "until downtime ends", "is the downtime over?"). Progress is no resolution but a ``status``: a
         share done ("60% done", also in words: "about half done", "mostly fixed", "nearly complete",
         "partially restored", "almost done"), "completed on 2 of 6 regions", a count of the parts done short
         of all of them ("3 of 5 regions restored", "restored 12 of 40 feeders", "4/7 partitions replayed", a
         ``status`` with no resolution word too, rule 10; "5/5 regions restored" resolves), "rest in
         progress", "still
         running", "investigation continues", a restoration in part ("OUT-1 partial restore, ~540 still
         out", "Feeders 3 and 14 restored; Feeder 5 still out", also still down, dark, offline,
         de-energized; not "was still down until 10:00"), a fix merged whose deploy is still to come ("fix
         merged, deploy tomorrow 10:00 BRT", "merged, will deploy Monday"), a box still unticked beside
         what is done ("✅ smoke
         done, ☐ full rollout", "canary done, [ ] rollout"), a numbered step said done while another
         is named ("steps 1-3 done, step 4 todo", "phase 1 complete, phase 2 starts Monday"), and so is a run
         that ended in failure ("Process completed with exit code 2", "completed
         with errors"). Nor is it one when the item says the problem goes on ("restart fixed nothing,
         errors continue", "alert auto-resolved but issue persists", "still failing", "still seeing 500s";
         not "errors returned to baseline"), or when each of its resolution words is none: "fixed
         nothing", "thought it was fixed", DNS's "resolved to the old IP", "a fixed 20 connections", an
         step of the work done while the item sets a deadline for the fix (``triage done, fix ETA 10/9``;
         triage, investigation, analysis, RCA, diagnosis, repro, build, rollback, failover, backup, snapshot,
         copy, dump, and a runbook's named step, batch, chunk, backfill chunk, step/phase/stage (with its
         number or not), promote, promotion, a command ending in promote, ```pg_ctl promote` done``: read
         without it, a ``status`` unless the rest tells more; ``fix done``, ``MOB-223 done``
         resolve; one such step done in an item that names no ticket of its own is a ``status`` of the
         ticket it inherits, ``- 21:10 snapshot complete`` under ``# Migration journal (DBA-318)``, also
         from its thread, ``[JR 13:26] T-34. Batch done`` after ``[AK 13:00] ... DBM-310``, and so is
         each timed step of it, ``Promote ... — `pg_ctl promote` done 14:01``; so is any item said done that
         names no ticket of its own under a heading of a checklist, steps or tasks (``1. Block list review —
         done`` under ``### Eradication checklist (SEC-812)``: a step of it,
         :func:`occ_lib._extract.checklist_step`; its thread's too, :mod:`occ_lib.threads`), unless
         it speaks of the whole or writes a fix's own word (``incident closed``, ``all steps done``, ``14:30
         service restored`` under ``### Steps taken (INC-44)`` resolve); an item with a resolution
         word of its own, ``batch done 14:12, resolved 14:19``, or naming the ticket, ``DBM-310 done``,
         resolves), an
         escalation that ended while the ticket goes on ("VP escalation closed out for OPS-804; manager
         keeps it", "closed out the VP escalation": a de-escalation, as "de-escalated" is), a
         maintenance window or freeze that closed ("loss still 3% after the window closed", "change
         freeze has been closed": the window ended, not the ticket; "OPS-8 closed after the window" is
         closed), an item whose one ticket it opens after, in a clause of its own, the resolution words
         told of another thing (``T-30: CDN pre-warm done on Akamai. BCST-4412 opened for the Fastly
         shortfall``, ``fixed the cron; opened OPS-9 for the RCA``: a ``status``, the ticket has begun; not
         ``INC-7 opened and resolved``, nor an item that inherits another ticket the resolution may be of,
         :func:`occ_lib._extract.done_before_opened`), or
         asked ("is PAY-412 fixed?", a question opening a clause or a chat message; not one answered
         "yes"): then the next rules read it. A possessive is its word ("escalated to the CIO's office"
         names an executive); a name glued to a code or domain suffix is one word of none of the rules
         (``Next.js middleware`` plans nothing, ``deploy.sh done`` is done: ``.js``, ``.io``, ``.sh``,
         ``.py``, ``.md``, ``.com``...). Their words for escalated (eskaliert, escaladé, remonté), a manager
         (Teamleitung, Vorgesetzte, Abteilungsleiter..., responsable, gerente), an executive
         (Vorstand, Geschäftsführung, directeur/directrice) and acknowledged (quittiert, bestätigt,
         acquitté) count too.
      4. ``acknowledged``: acknowledged, acked, ack'd, ack'ed, and chat's bare ``ack`` and ``acking``
         (``paged PD-R7T8U9 P1, declines spiking, acking``) unless packet words are near (tcp, syn,
         packets...) (an alert or a ticket taken up, PagerDuty's
         "Acknowledged": a first response), with the same exceptions as ``resolved`` (but not for a
         word of them only in a bracketed aside: ``API still read-only after their window (should have
         ended 01:00). acked 06:44`` is acked), and not when only asked ("has PAY-413 been acked?");
         also a ticket taken up ("picked up by on-call", "picked
         up by the service desk", an engineer, tech or on-call on or joining the bridge: "Engineer on the
         bridge 08:58 ET", not "Vendor on the bridge"; "kim
         is looking into it", chat's eyes beside on it or looking: "👀 on it", "👀 PAY-9 looking", "looking
         👀", someone started on it: "started investigating", "began working on OPS-1"; not a job's
         start, "backfill started 14:10", nor an onset, "errors started") or answered ("replied to Acme on
         SUP-4410", "responded to the customer", a help desk's "first reply sent with macro", "first reply
         overdue by 25 min - sent now", "reply sent to the customer"; not "first reply not sent yet",
         "first response will be sent by 10:00");
         not what a customer or a vendor wrote, "customer replied to our mail", "replied to us"), or taken
         in chat's own words, by who writes ("picked up here", "picking this up", "taking this", "taking
         OPS-7", "I've got it", "we got this"; not "taking this offline", "taking it to the CAB", "got it
         working", a bare "got it, thanks"), or a crew or a technician sent to the fault or arrived, a field
         operation's first response ("line crew 3 dispatched to site", "dispatched a crew to feeder 12",
         "sent a tech out", "truck rolled", "rolled a truck", "tech en route", "splicer on the way", "crew
         3 on site", "tech arrived 09:10"; not "crew to be dispatched", "no truck rolled yet", "truck roll
         scheduled for Thu", "engineer on site Wednesday morning", "reseated by the tech on site"). A "no"
         after the acknowledgement that denies something else is no veto here either ("OPS-1 acked, no
         customer impact", "vegetation crew dispatched, no customer impact"; still "acked, no ETA").
         An escalation whose item tells the ack in a clause of its own (``acked by Wei; paged the
         incident commander``, ``Wei acked and escalated to the VP``; the clause alone reads
         ``acknowledged``, not ``escalation acknowledged by the VP`` nor ``not acked yet``) is two events
         at its time, ``acknowledged`` then the escalation: the ack is the ticket's first response.
         A status page's update that opens with its Investigating or Identified label (bold, or
         then a spaced dash, a colon or the line's end: ``**Investigating** - We are investigating
         elevated errors. Posted Oct 09, 2025 - 14:05 EDT``, ``Identified - The cause is known``) is
         ``acknowledged`` before rule 3 and those after it, whatever else it says (the team's public first
         response; its promise of a next update stays a deadline); not the word elsewhere (``we are
         investigating``, ``root cause identified``).
      5. ``follow_up``: follow-up, followed up, ping(ed), chased, nudge(d), reminder, paged, re-paged - when
         it was done (a done verb) or nothing marks it as planned (a plan word of another clause plans
         that clause: ``08:30 follow-up ping to the vendor; next update due 10:00`` is a follow-up);
         an open task (``- [ ] follow up with Acme``, Logseq's ``LATER ...``) or an action item
         (``Action item: follow up ...``, ``To-do: ...``) is still to do: a ``plan`` (unless rule 6
         or 7 reads it), and answers no one. A follow-up named as a ticket is no ping (``follow-up
         ticket OPS-312 filed``, ``postmortem follow-ups tracked in OPS-313``, ``follow-up OPS-906
         remains open``, ``PAY-891 opened for follow ups``: read without it, a ``note``), and follow-up
         work or tasks are still to do
         (``Follow-up work in OPS-230``: a ``plan``).
      6. ``blocked``: blocked, blocker, awaiting, waiting, pending, stuck, stalled, on hold,
         unresolved (not Jira's resolution field of an open ticket, ``Resolution: Unresolved`` or an
         export's ``| Unresolved |`` cell: no resolution set yet, no blocker), nor a wait denied by
         its object (``release blocked by nothing``, ``blocked on: none``, ``blockers: none``: read
         without it), nor the symptom an opened ticket describes in brackets or after a colon or a dash
         (``ACME-1250 opened (P2, sync stuck)``, ``OPS-9 created: payments pending``: stuck, stalled and
         pending there are the user's problem, read without them; ``opened (blocked on SEC-88)`` waits),
         nor an indicator blocked (a containment step: ``Blocked 185.220.101.47 at the proxy``, ``sender
         domain blocked``, ``IOCs blocked``, ``blocked the C2 domain``: read without it), nor a wait for
         what follows an incident, its RCA, RFO (a carrier's reason for outage), postmortem, PIR...
         (``NOC-88213 restored at 03:14 IST; Case 02918811 pending RFO``, ``closed, awaiting RFO``,
         ``INC-1 resolved, RCA pending``, ``waiting for the postmortem``: read as ``status``, so the
         resolution stands; ``INC-2: RCA pending`` alone is a ``status``).
      7. ``evidence``: captured, evidence, artifact, transcript, screenshot, recording, HAR.
      8. ``plan``: next, will, plan(ned), schedule(d) (not a schedule kept, said of what ran: ``went out
         on schedule``, ``ran as scheduled``, ``behind schedule``), upcoming, to do, draft(ed), staged (not
         before rollout, release, deploy or canary: ``staged rollout to 5%`` rolls out in stages), prep,
         queued (not with a count, how many waited: ``outage 12:10-13:25, queued 41 jobs``, ``41 jobs
         queued``; nor a job's state, said queued at a clause's end, ``runs queued``, ``PAY-2 still queued``;
         still with what it waits for, ``queued 3 deploys for Monday``, ``deploy queued for 14:00``), if,
         once (not once as a count, ``recloser cycled once and held``, ``only once``, ``once a day``),
         tomorrow (not a plan word that only dates a deadline: ``new ETA tomorrow 10 AM``, ``next ETA 19:00``,
         ``response due next business day by 12:55 ET`` are deadlines; nor the head of an Airflow run id,
         ``events_rollup for scheduled__2025-10-09T03:00:00+00:00 is still queued``: the run's name).
         And a ``note`` whose time, written with its day, falls after its section's day and that names
         only a milestone before it, no verb (``Release cut Thursday 17:00 CET for v2.4.0`` under
         Wednesday, ``PAY-9 go-live: Fri 10/10 09:00``: release or branch cut, cut-off, code freeze,
         go-live, launch, cutover, release, deploy, rollout, migration, upgrade, drill, demo; not with a
         verb after the time, ``Release Thu 10/09 17:00 deployed``): what is to come then, a ``plan``.
         A rollout's, a go-live's or a launch's weekday, as a meeting's slot, is the nearest such day
         (``rollout at 02:00 UTC Fri`` under a Tuesday: that Friday, then a milestone, a ``plan``). A ``note``
         of no ticket that moves a slot to a day after its section's (``09:10 PSYC105 postponed to Friday 17
         October``, ``Vendor call postponed to Fri 10/10 15:00 UTC``, ``Drill rescheduled from Wed 26 Nov to
         Tue 2 Dec``): the slot is to come, a ``plan`` (the slot is still no time of the item's; a ticket's
         move is read by the deadline rules, a change calendar's row's status). A ``status`` or ``note`` of a
         maintenance, an outage or a downtime tonight (``maintenance outage tonight 22:00-23:00``; not with a
         done verb, ``... completed``): a ``plan``. A ``note`` with no time of its own that writes one weekday
         with a part of the day (``HD-5521 AV engineer on site Wednesday morning.`` under a Tuesday) after its
         section's day, and no past verb (``was``, ``reported``; nor ``last``, ``since``, ``until`` before the
         day): a ``plan`` on that day (``day`` precision). A ``resolved`` item that opens (its first 60
         characters) with a go decision for a later run of its change, ``go``, ``approved``, ``green light``
         for a weekday, tonight, tomorrow, the weekend, the window, the cutover or the upgrade (``CHG-20417
         status: GO for Sat. Comms to app teams sent, read-only banner config merged``), and writes no fix's
         word (resolved, fixed, closed, restored, recovered, mitigated, solved: ``OPS-1 fixed; CHG-9 approved
         for Sat`` resolves; nor ``ready to go for Sat``, no decision): what it says done readies that run, a
         ``plan`` (:func:`occ_lib._extract.go_for_later`).
      9. ``deadline``: the item states a deadline and nothing above.
      10. ``status``: updated, confirmed, verified, re-read, refreshed, synced, published,
         monitoring, tracking, healthy, degraded, status, unblocked (a ticket that can move again
         is not resolved)..., a count of the parts done short of all of them (``4/7 partitions
         replayed``, ``48 of 96 fibers spliced``: progress), and a re-run under way (``CUT-17 fix loaded,
         re-run of failed POs from 14:10``, ``re-run started``; not ``re-run needs lock_timeout set``).
      11. ``note``: anything else; but an item that names a ticket and ends in a check mark (✅, ✔️, ☑️),
         ``INFRA-706 flaps stopped, closing ✅``, or opens with one and leaves no box unticked (☐, ⬜,
         ``[ ]``), ``✅ OPS-12 webhook`` (also a chat message's text under its head, ``**Sam Lee** 9:51
         AM`` then ``✅ PAY-8142 rollback``; not after a stamp on its line, ``00:45 ✅ INFRA-706``), is
         ``resolved``, unless a ❌ is in it too.
      Slack's shortcodes are read as their marks by every rule (``:white_check_mark:`` ✅,
      ``:heavy_check_mark:`` ✔, ``:ballot_box_with_check:`` ☑, ``:x:`` ❌, ``:heavy_multiplication_x:`` ✖,
      ``:eyes:`` 👀; :data:`occ_lib._extract.SHORTCODES`; ``:rotating_light:`` and the others mean nothing),
      except one written with a count, a reaction below the message (``:eyes: 3 :white_check_mark: 1``:
      what readers clicked, not what the message says); the ``text`` keeps them as written.
    - ``level`` (escalation level): an escalation is 3 when it names an executive (CIO, CTO, CEO,
      COO, CFO, CISO, a hospital's CMIO, CMO, CNO, CNIO, VP, SVP, EVP, VPE, VPoE, director, executive,
      "vice president", "head of", "Dir.",
      also inside a hyphenated handle: ``@eng-director``, ``@head-of-infra``; not "ahead of" nor
      "head-of-line"; and dir as whom the item reaches, after an escalation verb and to or an arrow or
      after looped in: ``escalated -> dir``, ``looped in Dir Eng``, ``eng dir``, ``dir of eng``; never
      ``mkdir dir`` nor ``the dir /var/log``), else 2 when it names a
      manager (also mgr, "Eng Mgr", EM, management as in rule 1, a skip-level), lead, teamlead, supervisor,
      TL (written
      so, as whom the item reaches: ``escalated to TL``; not ``TL;DR``) or is a
      re-escalation, else the level of
      an escalation policy it names, up to 3 (PagerDuty's and Opsgenie's "Escalated to level 2"; 1 when
      the one it reached is an on-call, "Escalated to level 2: Lee (Secondary on-call)"; a support tier is
      1 whatever its number, "escalated to Tier 3 (transport engineering)": the ticket goes to a further
      line of specialists, ITIL's functional escalation, no one above the team, and Tier 3 is no executive;
      "Head of Network Ops" is, 3, and "paged the duty manager" or "the on-call lead" a manager's, 2),
      else 1 (a ping,
      or a page to the on-call); a follow-up is 1; any other kind is 0. A manager that is
      a thing names no one (``password manager``, ``AWS Secrets Manager``, ``cert-manager``, ``package
      manager``; an ``incident manager`` is a person), nor does a role named only as a document's owner
      (``escalated per the director's runbook`` is 1; ``the CIO's office`` is the CIO's), for rule 1 too.
    - the day of a step: a past day word written without a time (``yesterday``, ``yday``, ``the previous
      evening``; not a date in digits, not today nor later) right before or after the verb of the item's
      kind, nothing but spaces between (``resolved yesterday``, ``yesterday resolved``, ``was fixed
      yesterday evening``, ``fixed late yesterday``; the verbs of resolved, escalation, acknowledged,
      follow_up, blocked, reopened, and a note's ``deployed``, ``failed``, ``released``...:
      :func:`occ_lib._extract.step_day_word`), dates the event to that day, ``at_precision`` ``day``, not
      to the time the item opens with: ``09:40 OPS-309 resolved yesterday.`` under 2025-10-08 was resolved
      on the 7th, at a time unknown (09:40 is when it was written; the SLA judges it as a resolution known
      to its day). With the time it dates written right after it (``at``, ``around``, ``~`` or a comma
      between) or right before it, the step is at that time: ``09:40 OPS-309 resolved yesterday at 17:30``
      was resolved on the 7th at 17:30, ``09:45 OPS-314 last night 23:10 paged`` paged on the 7th at 23:10
      (``last night`` is the day before, as ``the previous evening``). An escalation's weekday after
      ``on``, whom it reached between, dates it so too (``I escalated it to the platform director on
      Saturday``; in a week's text, a weekly dated by its week, a weekday of that week on either side of
      its day), and when the item's first time is told in an earlier clause that is no stamp
      (``PLAT-910 paged us twice (Wednesday 3:12am and Saturday 6:40am); I escalated it ... on
      Saturday``), that clause is an event of its own at that time, of the kind it tells: the pages at
      03:12, the escalation on Saturday (:func:`_told_before`). A day word of something else keeps
      the stamp (``16:05 OPS-5 rolled back the deploy from
      yesterday``, ``09:40 OPS-7 blocked yesterday, resolved today``: the resolution is the stamp's), as
      does one attached to the stamp (``09:40 yesterday OPS-309 resolved``: 09:40 the day before). Of an
      item told in steps, the first step (the stamp's) is read so in its own clause (``09:40 OPS-1 blocked
      yesterday; resolved 09:35``: blocked on the 7th, resolved at 09:35); the deadlines of the item are
      judged at its time as written. The day word counts from the stamp's day, one rolled past midnight
      too (``00:20 OPS-7 paged yesterday`` after ``23:30 ...``: paged on the section's day).
    - steps: an item that tells of several things at their own times ("Paged on-call at 21:47 ET
      ...; recovered 22:03 ET", "paged 0340 UTC, resolved 04:05 UTC") is one event per step, each
      with its own time, kind and level (the other fields are the item's, the text clipped at
      ``DEADLINE_TEXT_MAX`` characters as a deadline row's; of an item naming several tickets, a step
      whose clauses up to the next step's name some has those, ``16:20 ET OPS-9120 resolved. VND-4412
      closed 17:02 ET``, with what the item inherits; one whose sentence names none, those named before
      it: ``ECAB-78: approved 16:05, done by 16:30. Follow-up SEC-301 ...`` is ECAB-78's at 16:30, and
      ``done by 16:30`` after a stamped step tells when it was done, no promise; naming none before it
      either, those its later sentences up to the next step name: ``21:15 Colt repaired fibre at 22:05
      CEST. BCST-4420 closed. BCST-4423 resolved 21:20.`` is BCST-4420's repair at 20:05 UTC and
      BCST-4423's resolution at 21:20): when
      a clause break (``;``, ``,``, ``.``, a dash, ``then``, a spaced ``+`` before a word in lower case,
      ``hotfix deployed 14:00 + health check green 14:10``, not ``OPS-1 + OPS-2``, an arrow: ``resolved 08:51
      → reopened 09:30 → resolved 11:10``, a bracket that opens an aside holding the later time, ``10:12Z DB
      failover started (restored 10:37)``: started at 10:12, resolved at 10:37; not an aside closed before it,
      ``escalated to the lead (Ravi) at 06:15``, nor one that tells what the step before it told, ``done late
      (finished 21:40 UTC)``: one step; a colon that opens a quotation: ``09:10 BST pasted from #sre:
      "[08:05Z] INC-7301 escalated to the Director"`` is the paste and, at 08:05 UTC, the escalation it
      quotes) splits every two of its times (the item's own stamp written again right after it
      is one time: ``08:51 OPS-705 resolved 08:51, reopened 09:30, ...``; in a table row, the border of the
      cell that tells what was done at its time, ``| Production release 2.14.0 | Thu 17:00 UTC | Jonas |
      shipped 17:42 |``: planned at 17:00, a ``note``, resolved at 17:42; shipped, released, deployed,
      done, completed, finished, resolved, fixed, closed, merged, landed, rolled out; with no break, a
      verb of what was done right before a later time than the item's first, ``21:15 BCST-1 resolved
      21:20``, ``resolved at 21:20``: written at 21:15, resolved at 21:20, not after ``will be``; resolved,
      restored, recovered, fixed, mitigated, repaired, also with its object, up to three words, and ``at``
      between, ``Colt repaired fibre at 22:05 CEST``, not ``fixed the job scheduled at 22:05`` nor a day
      word's, ``resolved yesterday at 17:30``, ``resolved at 17:30 yesterday`` (the step's day, below);
      closed only of a ticket, ``OPS-1 closed 21:20``, ``closed OPS-1 at 21:20``, not ``window closed at
      16:45``: ``_told_at``) and a
      clause after the first has a kind that tells (escalation, reopened, resolved, acknowledged,
      follow_up, blocked); more than 24 timed clauses are a pasted export, one event. A time written
      after ``since`` in a reply that did not come (``SUP-48270 no reply from customer since Thu 17:45;
      auto-reminder sent 09:00``, ``no update from the vendor since 08:00``) is when an earlier message
      was: no step, nor the item's time (09:00 is; ``down since 09:12, recovered 09:40`` and ``waiting on
      vendor since 08:00; pinged 09:00`` tell when a state began, a step). The steps are
      the first clause (the item's own time: PagerDuty's
      ``Triggered 10:14 AM EDT, Acknowledged ... 10:41 AM EDT, Resolved ...``, ``Incident 14:02
      UTC, resolved at 15:10 UTC``) and each later clause that tells. Otherwise the item is one
      event, as above; a resolved item timed by a range (``[RESOLVED] ... Starts at 14:02:11 UTC,
      Ends at 15:48:30 UTC``, ``resolved; outage 14:02-15:47 UTC``) is two: a ``note`` at its start
      and the resolution at its end; so is a ``status`` or ``note`` that tells of an outage, downtime,
      disruption, degradation or incident timed by a range right after it, which happened and was over at
      its end (``PLAT-318 GitHub Actions outage (githubstatus.com) 12:10–13:25, queued 41 jobs``: a ``note``
      at 12:10, ``resolved`` at 13:25; not a planned, scheduled or maintenance one, nor one said to go on
      or to come: ongoing, still, continues, persists, expected, ETA, will, tonight, tomorrow, next; nor
      one whose item opens its ticket, ``Outage 10:02-10:40 (DB stalls), INC-5512 opened``: the ticket filed
      for it has only begun, :func:`occ_lib._extract.opens_ticket`).
    - ticket groups: an item (not told in steps) whose kind tells and that names two tickets or more of
      its own is one event per group of tickets when its clauses say different things of them
      (:mod:`occ_lib._subjects`): ``INC-4830 resolved; created OPS-333`` resolves INC-4830 and is a
      ``note`` of OPS-333; ``OPS-7 closed as duplicate of OPS-1``, ``WEB-315 blocked on SEC-88``,
      ``merged PAY-411 into PAY-410``, ``OPS-501 escalated to the CTO, context in OPS-3``: the ticket
      pointed at is in ``refs``, no row of its own, and never takes the item's kind (``PAY-412 dup of
      PAY-410, closed``; a move's new key is a ``note`` row); an item with one ticket of its own besides
      those it points at gives it its kind, whatever clause says it (``OPS-2 is fine, see OPS-1,
      resolved``: OPS-2 resolved; ``OPS-2 not blocked by OPS-1, closed``: a denied wait vetoes no
      resolution);
      ``Escalated INC-1 to manager; INC-2 still fine``; a clause that gives its tickets a deadline or a new
      date of their own (``due``, ``ETA``, ``deadline``, ``target for``, ``moved``/``pushed``/``slipped``
      ``to`` a day or a date, ``postponed``, ``rescheduled``, ``deferred``; not ``due to``, nor ``moved OPS-31
      to the VP queue``) is theirs, of its own kind, and does not lean on the clause next to it: ``INC0045150
      resolved after index rebuild; PRB0002210 RCA due 24 Oct.`` and ``PAYINT-102 moved to 31 October.
      PAYINT-104 done yesterday at 17:45.`` resolve INC0045150 and PAYINT-104 alone; ``OPS-1 fixed and
      OPS-2 pending``, ``OPS-1 resolved but OPS-2 still open``, ``OPS-1 fixed and 2 pending`` (``and``,
      ``but``, ``while`` before a ticket that a state follows opens a clause, unless what is before it only
      lists tickets). The item's
      own kind and level go to the tickets
      of the clauses that give it (and to the tickets the item inherits, unless it opens with a ticket
      of its own, below), in the first of its rows; a
      list of tickets (``INC-1, INC-2 and INC-3 resolved``) is one group. An item whose kind does not
      tell is read so too when it ends a ticket (a duplicate or one superseded is closed, a ticket
      moved or renamed to another key ends under its old one: ``OPS-301 dup of OPS-1``, ``Closing
      OPS-304 as a duplicate of OPS-1``, ``moved OPS-103 to INFRA-9``, ``OPS-319 is now INFRA-13``: the
      first ticket ``resolved``, the other a ``note`` that goes on; not ``OPS-1 may be a dup of OPS-2``),
      and when only the clauses of other tickets veto its resolution or acknowledgement (``OPS-901
      resolved; OPS-902 remains open`` resolves OPS-901).
"""

from __future__ import annotations

import bisect
import contextlib
import contextvars
import datetime as dt
import gc
import itertools
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from operator import itemgetter
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

from . import _extract as ex
from . import _markdown
from . import times as _times
from ._markdown import (
    _MILESTONE_FIRST,
    MILESTONE,
    Decoded,
    blocks,
    decode,
    front_matter,
    is_field,
    mail_field,
)
from ._stamps import CLOCK
from ._subjects import SUBJECT_LEAD as _SUBJECT_LEAD
from ._subjects import TELLING as _TELLING
from ._subjects import (
    blockers,
    deadline_refs,
    deadline_tickets,
    may_split,
    other_subjects,
    references,
    ticket_groups,
)
from .redact import (
    is_secret_field,
    redact_lines,
    redact_mapping,
    redact_path,
    redact_row,
    redact_text,
    value_column,
)
from .workspace import expand, is_glob, not_regular

__all__ = [
    "DEADLINE_COLUMNS", "DOC_COLUMNS", "EVENT_COLUMNS", "LOG_SUFFIXES", "Logs", "PROBLEM_COLUMNS",
    "SECTION_COLUMNS", "TABLE_COLUMNS", "parse_log", "parse_logs", "read_logs",
]

LOG_SUFFIXES: tuple[str, ...] = (".md", ".markdown", ".txt")

# column -> kind: str, int, Int64, bool, ts (UTC instant), obj (lists, dicts, frames)
_DOCS = {
    "source": "str", "title": "str", "encoding": "str", "newline": "str", "bom": "bool",
    "repairs": "int", "lines": "int", "sections": "int", "events": "int", "front_matter": "obj",
    "doc": "str", "owner": "str", "epoch": "str", "last_reviewed": "ts", "expires": "ts", "tz": "str",
    "date_order": "str", "tz_declared": "bool",
}
_SECTIONS = {
    "source": "str", "line": "int", "level": "int", "heading": "str", "title": "str", "date": "ts",
    "at": "ts", "at_precision": "str", "position": "int",
}
_EVENTS = {
    "source": "str", "line": "int", "section": "str", "section_line": "Int64", "at": "ts",
    "at_precision": "str", "end_at": "ts", "kind": "str", "level": "int", "tickets": "obj", "refs": "obj",
    "artifacts": "obj", "channels": "obj", "urls": "obj", "http_status": "Int64", "times": "obj",
    "item": "str", "depth": "int", "text": "str",
}
_DEADLINES = {
    "source": "str", "line": "int", "section": "str", "tickets": "obj", "refs": "obj", "due_at": "ts",
    "due_precision": "str", "keyword": "str", "text": "str", "stated_missed": "bool", "moves": "bool",
}
_TABLES = {"source": "str", "line": "int", "section": "str", "headers": "obj", "frame": "obj"}
_PROBLEMS = {"source": "str", "line": "Int64", "what": "str", "token": "str", "reason": "str"}

DOC_COLUMNS: tuple[str, ...] = tuple(_DOCS)
SECTION_COLUMNS: tuple[str, ...] = tuple(_SECTIONS)
EVENT_COLUMNS: tuple[str, ...] = tuple(_EVENTS)
DEADLINE_COLUMNS: tuple[str, ...] = tuple(_DEADLINES)
TABLE_COLUMNS: tuple[str, ...] = tuple(_TABLES)
PROBLEM_COLUMNS: tuple[str, ...] = tuple(_PROBLEMS)

_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_US = dt.timedelta(microseconds=1)
_HALF_DAY, _ONE_DAY = dt.timedelta(hours=12), dt.timedelta(days=1)
# a clock of a 12-hour dial written without AM/PM ('4:30', not '04:30', '16:30', '4:30pm'), in an item
# whose own time has AM/PM ('10:55 AM'): either half of the day
_BARE_HOUR = re.compile(r"[1-9]:[0-5]\d(?:\s+[A-Z]{1,5}T)?$|1[01]:[0-5]\d(?:\s+[A-Z]{1,5}T)?$")
_MERIDIEM = re.compile(r"\d\s?[AaPp]\.?[Mm]\b")
# a shift's handoff, whose notes hand over what is still to come ('### Handed to EU shift at 07:00')
_HANDOFF = re.compile(r"(?i)\bhand(?:ed|ing|s)?[\s-]?(?:off|over|to)\b")
# a deadline written as a promise still to keep: 'vendor promised a patch by 06:00', 'will ship by 09:00',
# also one reported ('@ben says 09:00' written at 17:30: the next 09:00)
_PROMISE = re.compile(
    r"(?i)\b(?:promised|promises|promise|committed\s+to|commits\s+to|agreed\s+to|will|says|said|expects)\b"
)
_DAY_US = 86_400_000_000
# the keywords of a promise that an item saying it has not come reads as missed when its time is before
# the item's (:func:`occ_lib._extract.undelivered`)
_PROMISED_KW = frozenset({"promised", "promises", "committed to", "commits to", "by", "ETA", "due"})
# an ETA told of as past: 'vendor ETA was 08:00', '08:00 this morning came and went'
_PAST_TENSE = re.compile(
    r"(?i:\b(?:was|were|had\s+been|this\s+morning|earlier\s+today|came\s+and\s+went|ago)\b)"
)
_NAT = np.iinfo(np.int64).min


@dataclass
class Logs:
    """The parsed logs: six DataFrames (schemas in docs/architecture.md)."""

    docs: pd.DataFrame
    sections: pd.DataFrame
    events: pd.DataFrame
    deadlines: pd.DataFrame
    tables: pd.DataFrame
    problems: pd.DataFrame

    @property
    def failed(self) -> list[str]:
        """Sources that could not be read at all (skipped files, bad paths)."""
        p = self.problems
        return list(dict.fromkeys(p.loc[p["what"] == "file", "source"].tolist()))

    def __repr__(self) -> str:
        return (
            f"Logs(docs={len(self.docs)}, sections={len(self.sections)}, events={len(self.events)}, "
            f"deadlines={len(self.deadlines)}, tables={len(self.tables)}, problems={len(self.problems)})"
        )


@dataclass
class _PlanIndex:
    """The tickets of the planned rows (:func:`_planned_row`) in the last run of event rows of one source,
    kept up as rows are appended (each row read once): :func:`_planned` asks it per move, where scanning
    every earlier row was quadratic on a file of moves."""

    seen: int = 0  # (how many rows of the list were read)
    source: str | None = None  # (the source of the last run of rows)
    keys: set[str] = field(default_factory=set)

    def run_keys(self, rows: list[tuple], source: str) -> set[str] | None:
        """The planned tickets of the last run of ``rows`` when that run is ``source``'s, else None."""
        for i in range(self.seen, len(rows)):
            r = rows[i]
            if r[0] != self.source:
                self.source, self.keys = r[0], set()
            if _planned_row(r):
                self.keys.update(r[9])
        self.seen = len(rows)
        return self.keys if self.source == source and rows else None


@dataclass
class _Acc:
    """Column lists of every table, filled by the parser and turned into frames once."""

    docs: dict[str, list] = field(default_factory=lambda: {c: [] for c in _DOCS})
    sections: dict[str, list] = field(default_factory=lambda: {c: [] for c in _SECTIONS})
    event_rows: list[tuple] = field(default_factory=list)  # row tuples: the hot path appends once
    deadline_rows: list[tuple] = field(default_factory=list)  # row tuples, like event_rows
    tables: dict[str, list] = field(default_factory=lambda: {c: [] for c in _TABLES})
    problems: dict[str, list] = field(default_factory=lambda: {c: [] for c in _PROBLEMS})
    keys: set[str] = field(default_factory=set)  # (a read of several logs: the keys it writes...)
    loose: set[str] = field(default_factory=set)  # (...and those it writes in lower case only)
    # (a log read again for a quote another log holds: what it was read against, for a later reading)
    quoted_elsewhere: tuple[str, frozenset[str]] | None = None
    plans: _PlanIndex = field(default_factory=_PlanIndex)  # (event_rows' planned tickets: _planned)

    def problem(self, source: str, line: int | None, what: str, token: str | None, reason: str) -> None:
        p = self.problems
        p["source"].append(source)
        p["line"].append(line)
        p["what"].append(what)
        p["token"].append(token)
        p["reason"].append(reason)

    def extend(self, other: _Acc) -> None:
        for name in ("docs", "sections", "tables", "problems"):
            mine, theirs = getattr(self, name), getattr(other, name)
            for c, vals in theirs.items():
                mine[c].extend(vals)
        self.event_rows.extend(other.event_rows)
        self.deadline_rows.extend(other.deadline_rows)
        if other.keys or other.loose:
            self.keys |= other.keys
            self.loose |= other.loose

    def build(self) -> Logs:
        # column by column with itemgetter: zip(*rows) makes one iterator object per row, and those
        # allocations set off full garbage collections over every object parsed so far
        events = _columns(self.event_rows, _EVENTS)
        deadlines = _columns(self.deadline_rows, _DEADLINES)
        return Logs(
            _frame(self.docs, _DOCS), _frame(self.sections, _SECTIONS), _frame(events, _EVENTS),
            _frame(deadlines, _DEADLINES), _frame(self.tables, _TABLES),
            _frame(self.problems, _PROBLEMS),
        )


def _columns(rows: list[tuple], kinds: dict[str, str]) -> dict[str, list]:
    return {c: list(map(itemgetter(k), rows)) for k, c in enumerate(kinds)}


def _str_array(vals: list[str | None]) -> Any:
    """A pandas ``str`` array, made through a pyarrow array first: ~2x faster than from the list
    (the same array; anything pyarrow does not take as a string goes the list way)."""
    try:
        return pd.array(pa.array(vals, type=pa.large_string()), dtype="str")
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return pd.array(vals, dtype="str")


def _frame(cols: dict[str, list], kinds: dict[str, str]) -> pd.DataFrame:
    data: dict[str, Any] = {}
    for c, kind in kinds.items():
        vals = cols[c]
        if kind == "str":
            data[c] = _str_array(vals)
        elif kind == "int":
            data[c] = np.array(vals, dtype=np.int64)
        elif kind == "Int64":
            data[c] = pd.array(vals, dtype="Int64")
        elif kind == "bool":
            data[c] = np.array(vals, dtype=bool)
        elif kind == "ts":
            arr = np.array(vals, dtype=np.int64).view("datetime64[us]")
            data[c] = pd.DatetimeIndex(arr).tz_localize("UTC")
        else:
            # element by element: lists stay list objects (np.array would try to nest them)
            data[c] = np.fromiter(vals, dtype=object, count=len(vals))
    return pd.DataFrame(data)


def _us(value: dt.datetime | None) -> int:
    """Microseconds since the epoch (NaT sentinel for None); naive means UTC."""
    if value is None:
        return _NAT
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return (value - _EPOCH) // _US


DEADLINE_TEXT_MAX = 2000  # characters of an item's text a deadline row keeps (then '…')


def clip_text(text: str) -> str:
    """``text`` as a row that copies an item's text keeps it (a deadline row, a step, a timeline row):
    at most :data:`DEADLINE_TEXT_MAX` characters, then '…', so that a pasted blob of thousands of rows
    cannot cost gigabytes of copies."""
    return text if len(text) <= DEADLINE_TEXT_MAX else text[:DEADLINE_TEXT_MAX] + "…"


def _day_us(value: dt.date | None) -> int:
    if value is None:
        return _NAT
    return (dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC) - _EPOCH) // _US


# --- the parser ------------------------------------------------------------------------------

# A cheap superset of what occ_lib.times reads (a clock, an ISO date, a military UTC time, a month
# name, a relative day, a weekday, noon or midnight, EOD, an unknown-time token): a title without any
# of these is not read for a date. Tested against find_times.
_TIME_HINT = re.compile(
    r"\d[:h]\d|\d\s?(?i:[ap]\.?m|noon)|\d{4}-\d|\d{4}\s?(?:Z|UTC|GMT)|\?\?|(?i:xx:xx)|TB[CDA]"
    r"|[JFMASOND](?i:an|eb|ar|pr|ay|un|ul|ug|ep|ct|ov|ec)"
    r"|(?i:yesterday|today|tonight|tomorrow|noon|midday|midnight|end of|eod|eob)|COB"
    r"|[MTWFSmtwfs](?i:on|ue|ed|hu|ri|at|un)"  # (a weekday: 'ETA Mon' is a deadline)
)


# The same hint split so that each part starts with a character class (sre then skips to
# candidates in C; one alternation led by ``\d`` and case-insensitive words scans char by char).
_HINT_DIGIT = re.compile(
    r"\d(?:[:h]\d|\s?(?i:[ap]\.?m|noon)|\d{3}-\d|\d{3}\s?(?:Z|UTC|GMT)|\d{3}h)"
    # (a military time: '0800h', or a bare 'HHMM' after a time keyword, 'by 1600', '@0930')
    r"|(?:[Bb]y|[Aa]t|[Bb]efore|[Uu]ntil|ETA|[Ee]ta|@):?\s*[012]\d{3}"
)
_HINT_MONTH = re.compile(r"[JFMASOND](?i:an|eb|ar|pr|ay|un|ul|ug|ep|ct|ov|ec)")
_HINT_REL = re.compile(r"[YyTtNnMm](?i:esterday|oday|onight|omorrow|oon|idday|idnight)")
_HINT_WD = re.compile(r"[MTWFSmtwfs](?i:on|ue|ed|hu|ri|at|un)")


def _may_have_times(text: str) -> bool:
    """Whether ``_TIME_HINT`` would match (the same alternatives, tested fastest first)."""
    return (
        _HINT_DIGIT.search(text) is not None
        or "??" in text
        or "TB" in text
        or _HINT_MONTH.search(text) is not None
        or _HINT_REL.search(text) is not None
        or (":" in text and _XX.search(text) is not None)
        or "COB" in text or _HINT_END.search(text) is not None
        or _HINT_WD.search(text) is not None
    )


_XX = re.compile(r"(?i:xx:xx)")
_HINT_END = re.compile(r"(?i:end of|eod|eob)")


def _as_str(v: Any) -> str | None:
    if v is None:
        return None
    return v if isinstance(v, str) else str(v)


def _fm_token(value: Any) -> str:
    """A front-matter value a problem names, redacted as the rest of the front matter is (a value
    pasted under the wrong key may be a credential: 'expires: sk_live_...'), before it is cut."""
    return redact_text(str(value))[:80]


def _fm_date(
    acc: _Acc, source: str, fm: dict[str, Any], key: str, key_lines: dict[str, int]
) -> int:
    v = fm.get(key)
    if v is None:
        return _NAT
    if isinstance(v, dt.datetime):
        return _day_us(v.date())
    if isinstance(v, dt.date):
        return _day_us(v)
    try:
        return _day_us(dt.date.fromisoformat(str(v).strip()))
    except ValueError:
        acc.problem(source, key_lines.get(key), "date", _fm_token(v), f"{key}: not a valid date")
        return _NAT


_HEADER_TIME_WORD = re.compile(r"(?i:\b(?:times?|when|timestamps?|start|end|eta|due|at|hours?|clock)\b)")
# a zone spelled out in a header ('Time (India Standard Time)'): zone_named says whether it is one
_SPELLED_ZONE = re.compile(r"(?<![A-Za-z])(?:[A-Z][a-z\u00e0-\u00ff]+\s+){1,3}Time(?![A-Za-z])")
_HEADER_TOKEN = re.compile(r"[A-Za-z][A-Za-z_/]*(?:[+\-\u2212]\d{1,2}(?::?\d{2}|\.\d{2}(?!\.?\d))?)?")


def _header_zone(headers: list[str], own: dt.tzinfo | None = None) -> dt.tzinfo | None:
    """The zone a table header gives its times ('Time (UTC)', 'When - ET', 'Start (Europe/Berlin)'); an
    abbreviation the document's zone ``own`` uses is its ('Time (CST)' in a Shanghai log)."""
    for cell in headers:
        tz = _cell_zone(cell, own)
        if tz is not None:
            return tz
    return None


def _cell_zone(cell: str, own: dt.tzinfo | None = None) -> dt.tzinfo | None:
    """The zone one header cell names for its column's times, if it is a time column's."""
    if not _HEADER_TIME_WORD.search(cell):
        return None
    words = _HEADER_TOKEN.findall(cell)
    if len(words) < 2:
        return None
    for name in _SPELLED_ZONE.findall(cell):  # ('Time (China Standard Time)')
        tz = _times.zone_named(name)
        if tz is not None:
            return tz
    for word in words:
        if word.isupper() or "/" in word or word[:3].upper() in ("UTC", "GMT"):
            tz = _times.zone_named_in(word, own)
            if tz is not None:
                return tz
    return None


def _header_unknown_zone(headers: list[str]) -> tuple[int, str] | None:
    """(column, word) of a time column whose header names, in brackets or after a dash as a zone is
    written there, a zone occ does not know ('Time (XDT)', 'When - XDT'): its cells' times are read as
    written with it, a ``time`` problem each, not silently in the document's zone ('Time (OPS)',
    'Time (TBC)' name none). None when no header does."""
    for j, cell in enumerate(headers):
        if "T" not in cell or not _HEADER_TIME_WORD.search(cell):
            continue
        m = _HEADER_ZONE_TAIL.search(cell.strip(" *_:"))
        word = None if m is None else (m.group(1) or m.group(2)).strip()
        if word and _times.unknown_zone(word):
            return j, word
    return None


# A column whose header says its dates are deadlines ('| Action | Owner | Due | Status |'): the
# keyword its cells are read with
_DEADLINE_HEADERS = {
    "due": "due", "due date": "due", "due by": "due", "due on": "due", "deadline": "deadline",
    "eta": "ETA", "target": "target", "target date": "target", "by": "by", "by when": "by",
    "no later than": "no later than", "nlt": "no later than",
}
# a deliverable's own due column ('| Change | PIR owner | PIR due |'): read as 'PIR due <cell>', the
# deliverable's deadline (keyword 'postmortem', kept by its delivery)
_DEADLINE_HEADERS |= {f"{d} {h}": f"{d.upper() if len(d) == 3 else d} due"
                      for d in ("pir", "rca", "postmortem", "retro") for h in ("due", "due date")}
# a tracker's moved deadline: 'Original ETA | Revised ETA'; the revised one is the deadline now, the
# original (superseded) only when no revised column is there
_REVISED = ("revised", "new", "current", "updated", "latest", "adjusted")
_ORIGINAL = ("original", "orig.", "orig", "initial", "old", "baseline", "planned")
_DEADLINE_HEADERS |= {f"{w} {h}": kw for w in _REVISED + _ORIGINAL for h, kw in _DEADLINE_HEADERS.items()
                      if h in ("due", "due date", "deadline", "eta", "target", "target date")}
# the zone a deadline header may name after its words: 'Due (UTC)', 'ETA - AEDT', 'Deadline [ET]'
_HEADER_ZONE_TAIL = re.compile(r"\s*(?:[(\[]\s*([^()\[\]]+?)\s*[)\]]|[-\u2013\u2014,]\s*(\S+))\s*$")
# a bracketed unit after a deadline word: a measure, not a date ('Target (ms)', 'ETA (hrs)', 'Due (%)')
_HEADER_UNIT = re.compile(
    r"%|#|n|ms|s|secs?|seconds?|mins?|minutes?|m|h|hrs?|hours?|d|days?|wks?|weeks?|pct|percent|count|qty"
    r"|sp|pts|points|usd|eur|\$|k|mb|gb|tb|rps|qps|x"
)


def _header_deadlines(headers: list[str]) -> list[tuple[str, str | None] | None] | None:
    """Per column, the deadline keyword its header gives its dates and the zone word it names
    (``Due (UTC)``: ``("due", "UTC")``; ``Due (EOD)``, ``ETA (SLA)``: a bracketed word that names no zone
    nor a unit leaves the column a deadline one, ``("due", None)``); None when no column has one."""
    kws: list[tuple[str, str | None] | None] = []
    for h in headers:
        low = " ".join(h.lower().strip(" *_:").split())
        kw = _DEADLINE_HEADERS.get(low)
        zone = None
        if kw is None and (m := _HEADER_ZONE_TAIL.search(low)) is not None:
            word = (m.group(1) or m.group(2)).strip()
            kw = _DEADLINE_HEADERS.get(low[: m.start()].strip(" *_:"))
            if kw is not None and (_times.zone_named(word.upper() if "/" not in word else word) is not None
                                   or _times.unknown_zone(word.upper()) and word.upper() in h):
                # (one occ does not know, 'ETA (XDT)': its cells' times are problems, as '17:00 XDT' is)
                zone = h.strip(" *_:")[m.start() :].strip(" ()[]-\u2013\u2014,")
            elif kw is None or m.group(1) is None or _HEADER_UNIT.fullmatch(word) is not None or (
                word in _ORIGINAL or word in _REVISED
            ):  # ('ETA (hrs)': a unit, no deadline; 'Due - owner' names no zone; 'ETA (orig)': as before)
                kw = None
            # (else a bracketed word that names no zone, 'Due (EOD)', 'ETA (SLA)': still a deadline column)
        kws.append(None if kw is None else (kw, zone))
    if any(kw and h.lower().strip(" *_:").startswith(_REVISED) for kw, h in zip(kws, headers, strict=True)):
        # the revised date replaces the original ('new ETA ...': not the one missed); the original
        # cell is history, read as nothing (neither a deadline nor the row's time)
        kws = [("", None) if (kw and h.lower().strip(" *_:").startswith(_ORIGINAL))
               or h.lower().strip(" *_:") in _ORIGINAL  # (a bare 'Baseline' column beside 'Current ETA')
               else (f"new {kw[0]}", kw[1]) if kw and h.lower().strip(" *_:").startswith(_REVISED) else kw
               for kw, h in zip(kws, headers, strict=True)]
    return kws if any(kws) else None


# a time written in a cell ('18:00', '6 PM'), and the zones a cell may name ('ET', 'Europe/Berlin',
# '18:00Z', '+05:30')
_CELL_TIME = re.compile(r"(?i)\d:\d\d|\d\s?[ap]\.?m\b|\d{4}\s?hrs\b")
_CELL_ZONE_WORD = re.compile(r"(?<![A-Za-z])(?:[A-Z]{2,5}|[A-Z][a-z]+/[A-Za-z_]+)(?![A-Za-z])")
_CELL_OFFSET = re.compile(r"\d[Zz]\b|[+\-\u2212]\d\d:?\d\d\b")


# a tracker export's lifecycle columns (Jira's '| Key | Summary | Status | Created | Updated | Resolved |'):
# when the row was opened, last touched and resolved; its status column says the state at the export
_CREATED_HEADERS = frozenset(
    {"created", "created at", "created on", "created date", "date created", "opened", "opened at", "reported",
     "reported at"}
)
_RESOLVED_HEADERS = frozenset(
    {"resolved", "resolved at", "resolved on", "resolution date", "date resolved", "closed", "closed at",
     "closed on", "done at", "completed at"}
)
# a date written alone in a cell (a 'Resolved' cell of a day, '2025-10-08', '08/Oct/25', 'Oct 8, 2025')
_CELL_DATE = re.compile(
    r"\d{4}-\d\d-\d\d|\d{1,2}/[A-Z][a-z]{2}/\d\d|[A-Z][a-z]{2,8}\.? \d{1,2}\b|\d{1,2} [A-Z][a-z]{2}"
)
_UPDATED_HEADERS = frozenset({"updated", "updated at", "last updated", "last update", "modified"})
_STATUS_HEADERS = frozenset({"status", "state"})


def _lifecycle_columns(cols: list[str], dl_cols: list | None) -> tuple[int, int, list[int], list[int]] | None:
    """(created, resolved, status columns, updated columns) of a table that has a created column before a
    resolved one (neither a deadline column), else None."""
    names = [" ".join(h.strip(" *_:").lower().split()) for h in cols]
    created = next((j for j, h in enumerate(names) if h in _CREATED_HEADERS), None)
    resolved = next((j for j, h in enumerate(names) if h in _RESOLVED_HEADERS), None)
    if created is None or resolved is None or created > resolved or (
        dl_cols is not None and (dl_cols[created] or dl_cols[resolved])
    ):
        return None
    return (created, resolved, [j for j, h in enumerate(names) if h in _STATUS_HEADERS],
            [j for j, h in enumerate(names) if h in _UPDATED_HEADERS and created < j])


# a runbook's plan beside what happened ('| Step | Planned start | Planned end | Actual start | Actual end |',
# '| Checkpoint | Planned | Actual | Decision |'): the actual times are when the row happened
_PLANNED_HEAD = re.compile(r"(?:planned|plan|scheduled|sched\.?)(?![\w-])")
_ACTUAL_HEAD = re.compile(r"actual(?![\w-])")


def _plan_columns(cols: list[str], dl_cols: list | None) -> tuple[list[int], list[int]] | None:
    """(planned columns, actual columns) of a table that has both (no deadline column among them), else
    None: in a row whose actual cell holds a time, the planned ones are the plan, history, neither the
    row's time nor a deadline ('| 1.2 | Import transports | 19:00 | 21:00 | 19:10 | 22:05 | done |' happened
    at 19:10)."""
    names = [h.strip(" *_:").lower() for h in cols]
    planned = [j for j, h in enumerate(names) if _PLANNED_HEAD.match(h) and not (dl_cols and dl_cols[j])]
    actual = [j for j, h in enumerate(names) if _ACTUAL_HEAD.match(h) and not (dl_cols and dl_cols[j])]
    return (planned, actual) if planned and actual else None


# a time written after 'since' in a reply that did not come ('no reply from customer since Thu 17:45',
# 'no update from the vendor since 10:00'): when an earlier message was, no step of the item's own
# ('down since 09:12, recovered 09:40' and 'waiting on vendor since 08:00; pinged 09:00' tell when a
# state began: a step)
_SINCE_TIME = re.compile(
    r"(?i:\b(?:no|not|nothing|without)[^\S\n]+(?:[\w-]+[^\S\n]+){0,2}?(?:reply|replies|response|answer|update"
    r"|word|news|contact|feedback|activity|heard|ack)\b)"
    r"[^;.!?\n]{0,40}?(?i:\bsince)[^\S\n]+(?:(?:on|at|the)[^\S\n]+)?(?:[A-Za-z]{3,9}\.?,?[^\S\n]+)?$"
)
# what may stand between an item's stamp and the same time written again right after it ('[10:12Z] 10:12Z
# failover started', '10:12 - 10:12Z'): one time
_SAME_STAMP_GAP = re.compile(r"[\s\])\-\u2013\u2014:|*_]*")
# 'since' or 'from' right before a time ('open since 2025-10-01', 'lag from Oct 3', 'since Wed 1 Oct'):
# :func:`_past_from`
_SINCE_FROM = re.compile(
    r"(?i:\b(?:since|from))[^\S\n]+(?:(?:on|the)[^\S\n]+)?(?:[A-Za-z]{3,9}\.?,?[^\S\n]+)?$"
)


def _past_from(prose: str, m: _times.TimeMention, day: dt.date | None, zone: dt.tzinfo | None) -> bool:
    """Whether the date ``m``, written after 'since' or 'from', is a day before ``day`` (the item's
    section's; a time, two days or more before): when a state began ('DB-7 replica lag open since
    2025-10-01', 'from Oct 3'), not when the item was written, which stays its stamp or its section's date."""
    if day is None or m.at is None or not m.has_date:
        return False
    on = m.at.date() if m.precision == "day" else m.at.astimezone(_mention_zone(m, zone)).date()
    # (a time of the night before, 'down since yesterday 23:50', is when the outage began: a step of the
    # item's story, read as before; a date alone, or a time days before, is no time of this day's item)
    return (on < day if m.precision == "day" else (day - on).days > 1) and _SINCE_FROM.search(
        prose, max(0, m.start - 28), m.start) is not None


_LIFE_RESOLVED = "; resolved "  # (how _lifecycle_read writes a row's resolved cell)


def _lifecycle_read(cells: list[str], life: tuple[int, int, list[int], list[int]]) -> list[str]:
    """A tracker row whose created and resolved cells both hold a time, as the item reads it: opened at
    its created time (the row's time), resolved at its resolved one, a step of its own ('; resolved
    <cell>'); its status cell ('Done') is the state the resolution step tells, and an updated cell
    between is a clause of its own, no step."""
    created, resolved, status, updated = life
    read = list(cells)
    for j in status:
        if j != created and j != resolved:
            read[j] = ""
    for j in updated:
        if read[j].strip():
            read[j] = f"; {read[j]}"
    read[resolved] = f"{_LIFE_RESOLVED}{read[resolved]}"
    return read


def _deadline_cell(cell: str, kw: tuple[str, str | None] | None) -> str:
    """A cell of a deadline column as the item reads it: 'due <cell>', with the header's zone after
    a time that names none ('| ETA (AEDT) |' over '2025-10-10 18:00')."""
    if kw is None or not cell.strip():
        return cell
    word, zone = kw
    if not word:
        return ""  # (a superseded 'Original ETA')
    if zone and _zoneless_time(cell):
        return f"{word} {cell.strip()} {zone}"
    return f"{word} {cell}"


def _zoneless_time(cell: str) -> bool:
    """Whether ``cell`` writes a time and no zone of its own."""
    return _CELL_TIME.search(cell) is not None and _CELL_OFFSET.search(cell) is None and not any(
        _times.zone_named(z) is not None for z in _CELL_ZONE_WORD.findall(cell)
    )


def _promised(rows: list[tuple], tks: list[str]) -> str | None:
    """The keyword of the last deadline written before for one of ``tks`` (a deadline row's tickets and
    keyword), None without one: what a ticket's bare move ('slipped to Oct 22') moves."""
    want = set(tks)
    return next((r[7] for r in reversed(rows) if r[5] != _NAT and not want.isdisjoint(r[3])), None)


def _row_key(text: str, owned: list[str]) -> tuple[int, list[str]] | None:
    """(end, tickets) of the first cell of a table row's text (cells joined with `` | ``) that names
    tickets of ``owned``: the row's key ('| 10/08 | Raj | STD-102 | Blocked (waiting SEC-4) | ETA +2d |');
    None when the row has no such cell, or it names a deadline itself."""
    if " | " not in text:
        return None
    mine = set(owned)
    lo = 0
    while lo <= len(text):
        hi = text.find(" | ", lo)
        hi = len(text) if hi < 0 else hi
        keys = [t for t in ex.tickets(text[lo:hi]) if t in mine]
        if keys:
            return hi, list(dict.fromkeys(keys))
        lo = hi + 3
    return None


def _table_move(
    dues: dict[tuple[str, ...], tuple[Any, int, str]], tks: list[str], table: Any, due: int, kw: str
) -> bool:
    """Whether a deadline of a table row's key-less cell (:func:`_cell_key`) due at ``due`` moves the
    one the same tickets had in such a cell of a table under another heading (a standup table per day:
    its ETA column is the ticket's current ETA), with the same keyword and another due; records it."""
    key = tuple(tks)
    prev = dues.get(key)
    dues[key] = (table, due, kw)
    return prev is not None and prev[0] != table and prev[1] != due and prev[2] == kw


def _cell_key(text: str, start: int, keyed: tuple[int, list[str]]) -> list[str] | None:
    """The row key's tickets (:func:`_row_key`) for a deadline written at ``start`` in a later cell that
    names no ticket of its own (a deadline column's, read as 'ETA <cell>'), else None."""
    end, keys = keyed
    if start < end:
        return None
    lo = text.rfind(" | ", 0, start) + 3
    hi = text.find(" | ", start)
    if ex.tickets(text[lo:len(text) if hi < 0 else hi]):
        return None
    return list(keys)


_NO_ITEM_TIME = "relative deadline without the item's time"
# a time written as the same instant as the one before it, in another zone, but not that instant
# ('up at 09:00 PDT / 16:00 UTC / 19:00 CEST': 19:00 CEST is 17:00Z)
_EQUIV_DISAGREE = "written as the same time as {} but is another instant"


# who reports a promise: 'vendor says ...', 'AWS now expects ...' (the word before the keyword)
_PARTY = re.compile(
    r"(?<![\w-])(?P<p>[A-Za-z][\w.&-]{2,})[^\S\n]+(?:(?:now|also|again|then|later)[^\S\n]+)?"
    r"(?:says|said|expects|promised|promises|committed[^\S\n]+to|commits[^\S\n]+to)(?![\w-])"
)
_NO_PARTY = frozenset(("she", "they", "who", "and", "but", "the", "has", "have", "had", "which", "that",
                       "also", "now", "then", "still", "again", "later", "just", "team", "someone"))


def _repromised(rows: list[tuple], tks: list[str], prose: str, start: int) -> bool:
    """Whether the promise reported at ``prose[start:]`` (``vendor says fix ships Mon 13 Oct``) is one
    its party gave before for one of ``tks``: an earlier deadline of those tickets of a promise's kind
    whose text names the same party (``vendor promised fix by Friday``), which it replaces."""
    party = None
    for found in _PARTY.finditer(prose, max(0, start - 64), start):
        party = found
    if party is None or party.group("p").lower() in _NO_PARTY:
        return False
    who = re.compile(r"(?<![\w-])" + re.escape(party.group("p")) + r"(?![\w-])", re.IGNORECASE)
    want = set(tks)
    return any(
        r[5] != _NAT and not want.isdisjoint(r[3]) and promise_kind(r[7]) == "promise"
        and who.search(r[8]) is not None for r in rows
    )


_MOVE_STEMS = ("slip", "move", "push", "shift", "delay", "postpon", "reschedul", "bump", "defer", "extend")


def _moves_something(text: str) -> bool:
    """Whether ``text`` may write a move (a cheap test before :func:`occ_lib.times.moved_to_by_word`)."""
    low = text.lower()
    # (each stem of _MOVE_STEMS tested inline, in its order: no generator per item)
    return ("slip" in low or "move" in low or "push" in low or "shift" in low or "delay" in low
            or "postpon" in low or "reschedul" in low or "bump" in low or "defer" in low or "extend" in low)


# a change calendar row's status cell that keeps its window a promise ('| Approved |', '| Postponed to
# Thu |', '| Pending |'); not one that says the change ran or is off (done, rolled back, cancelled...)
_WINDOW_STATUS = re.compile(
    r"\|\s*(?:approved|authori[sz]ed|confirmed|pending|postponed|deferred|re-?scheduled|proposed|submitted"
    r"|requested|ready|on\s+hold|awaiting|genehmigt|geplant|verschoben|freigegeben)\b",
    re.IGNORECASE,
)


def _planned_row(r: tuple) -> bool:
    """Whether the event row ``r`` plans a window of its tickets (see :func:`_planned`)."""
    return r[4] != _NAT and r[5] != "day" and (r[7] == "plan" or (
        r[16] == "table" and r[7] != "resolved" and _WINDOW_STATUS.search(r[18]) is not None
    ))


def _planned(acc: _Acc, source: str, tks: list[str]) -> str | None:
    """``window`` when an earlier item of ``source`` planned one of ``tks`` (an event row of kind
    ``plan`` with a time: a change calendar's ``| CHG-2104 | ... | Fr 10.10. 10:00–11:00 | planned |``;
    or a table row with a time whose status cell keeps its window a promise, :data:`_WINDOW_STATUS`:
    ``| CHG-4423 CDN config rollout | Thu 14:00-15:00 | Lee | Postponed to Thu |``, approved, pending,
    confirmed...; not done, rolled back, cancelled, rejected, failed), else None: what a ticket's bare
    move with no deadline before it ('CHG-2104 moved to Mo 13.10. 10:00') moves. Only the document's own
    rows are looked at: the last run of ``acc.event_rows``, ``source``'s (:class:`_PlanIndex`, kept up as
    rows are appended)."""
    keys = acc.plans.run_keys(acc.event_rows, source)
    return "window" if keys and not keys.isdisjoint(tks) else None


# a plan told in the sentence of the move that changes it ('The third shard was planned for Wednesday but
# we pushed it to Thursday 9pm'), as an earlier item's plan is (:func:`_planned`)
_PLANNED_HERE = re.compile(r"(?i:\b(?:planned|scheduled|booked)\b)[^.;!?\n]{0,80}$")


# a go/no-go told before a later day's time in its clause ('agreed a go/no-go for the pilot at 15:00 on
# Friday 24 October')
_GO_NO_GO_BEFORE = re.compile(r"(?i:\bgo[/ -]+no[ -]?go\b)[^.;!?\n]{0,50}$")


def _opening_day(prose: str, ms: list[_times.TimeMention], zone: dt.tzinfo | None) -> dt.date | None:
    """The date a paragraph opens with ('Wednesday 8 October. ...'), a date alone that is no deadline,
    else None."""
    if not ms or len(ms) < 2:
        return None
    first = ms[0]
    if first.at is None or first.is_deadline or not first.has_date or first.precision != "day" or (
        _OPENS_ITEM.fullmatch(prose, 0, first.start) is None
    ):
        return None
    return first.at.astimezone(_mention_zone(first, zone or dt.UTC)).date()


def _moved_from_to(prose: str, ms: list[_times.TimeMention]) -> dict[int, bool] | None:
    """The starts of the times a move writes as from one to the other ('CHG0034571 rescheduled from Wed
    26 Nov 01:00 UTC+8 to Tue 2 Dec 01:00 UTC+8', 'DB-8 cutover was 09:40, now 10:15'): False for the old
    slot, True for the new (False for a meeting's, 'standup moved from 09:00 to 10:00': no window); None
    if none."""
    out: dict[int, bool] = {}
    for a, b in zip(ms, ms[1:], strict=False):
        if a.at is None or b.at is None or a.is_deadline or b.is_deadline:
            continue
        mv = _times._MOVED_FROM.search(prose, max(0, a.start - 40), a.start)
        if mv is None or _times._FROM_TO.fullmatch(prose, a.end, b.start) is None:
            # ('cutover was 09:40, now 10:15': the same move, the old slot then the new)
            mv = _WAS_SLOT.search(prose, max(0, a.start - 16), a.start)
            if mv is None or _times._NOW_GAP.fullmatch(prose, a.end, b.start) is None:
                continue
        # (a meeting's move, 'standup moved from 09:00 to 10:00': neither slot the item's, no window)
        met = _times._MEETING_MOVED.search(prose, max(0, mv.start() - 40), mv.start()) is not None
        out[a.start], out[b.start] = False, not met
    return out or None


# 'was' right before a slot a move writes as the old one ('cutover was 09:40, now 10:15', 'was at 09:40')
_WAS_SLOT = re.compile(r"(?i:\bwas)[^\S\n]+(?:(?:at|on|set[^\S\n]+for|for)[^\S\n]+)?$")


def _planned_here(prose: str, start: int) -> str | None:
    """``window`` when the sentence of the move to the time at ``start`` of ``prose`` tells the plan it
    moves before it (:data:`_PLANNED_HERE`), else None."""
    lo = max(0, start - 140)
    low = prose[lo:start].lower()
    if "planned" not in low and "scheduled" not in low and "booked" not in low:
        return None
    return "window" if _PLANNED_HERE.search(prose, lo, start) is not None else None


def _previous_promise(
    events: list[tuple], deadlines: list[tuple], source: str, section: str | None, line: int,
    keyword: str | None,
) -> list[str] | None:
    """The ticket of the promise the item right before (in ``source``'s same section) gave, when it named
    one ticket and the new deadline of no ticket at ``line`` renews a promise of its kind ('CLIN-5131
    vendor ETA noon.' then '1215 vendor says fix needs a window; new ETA by 1700 local.': CLIN-5131's new
    ETA); else None."""
    if not deadlines:
        return None
    r = deadlines[-1]
    if r[0] != source or r[2] != section or r[1] == line or len(r[3]) != 1 or (
        promise_kind(r[7]) != promise_kind(keyword)
    ):
        return None
    for e in reversed(events):
        if e[0] != source:
            return None
        if e[1] != line:
            return list(r[3]) if e[1] == r[1] else None
    return None


def _promised_alike(rows: list[tuple], source: str, before: str) -> str | None:
    """The keyword of the last deadline of no ticket written before in ``source`` whose subject the
    words ``before`` a move name (:func:`same_subject`: 'RC2 sign-off moved to Fri 10/10 noon' after
    'Sign-off deadline for RC1: Thu 10/09 6:00 p.m.'), else None."""
    for r in reversed(rows):
        if r[0] != source:
            return None
        if not r[3] and r[5] != _NAT and same_subject(r[8], before):
            return r[7]
    return None


# the words that name no subject of a move ('Sign-off slipped: RC2 sign-off moved to Fri': sign-off)
_SUBJECT_WORD = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
_NO_SUBJECT = frozenset((
    "deadline", "deadlines", "target", "targets", "eta", "due", "date", "time", "window", "again", "then",
    "from", "with", "that", "this", "their", "have", "been", "will", "also", "still", "just", "the", "and",
    "for", "was", "were", "has", "had", "our", "its",
))
_MOVE_VERB = re.compile(r"(?i:\b(?:" + _times._MOVED_TO_VERBS + r")\b)")


def same_subject(old: str, mover: str) -> bool:
    """Whether a move of no ticket (``mover``: its text, up to the first verb that moves) names a word
    of the subject of an earlier deadline of no ticket (``old``'s text): a word of four letters or more,
    or one hyphenated, that is no deadline word ('RC2 sign-off moved to Fri' and 'Sign-off deadline for
    RC1': sign-off; not 'Standup moved to 10:00' and 'Sign-off deadline')."""
    v = _MOVE_VERB.search(mover)
    words = {w for w in _SUBJECT_WORD.findall((mover if v is None else mover[:v.start()]).lower())
             if (len(w) >= 4 or "-" in w) and w not in _NO_SUBJECT}
    if not words:
        return False
    return not words.isdisjoint(_SUBJECT_WORD.findall(old.lower()))


def _row_time(cells: list[str], dl_cols: list | None) -> str | None:
    """The first cell of a table row that writes a clock time, a deadline column's aside."""
    return next((c for j, c in enumerate(cells)
                 if (dl_cols is None or j >= len(dl_cols) or not dl_cols[j]) and _CELL_TIME.search(c)), None)


# how long before its section's date a postmortem's milestones may date its timeline (pasted a week later)
_ANCHOR_SPAN = dt.timedelta(days=7)
# a postmortem's summary figure as a list item, a field whose value is a duration alone ('- Duration: 1h
# 33m', '- Time to detect: 8 min', '- **TTR:** 93 minutes'): no event, no time, no deadline
_METRIC_FIELD = re.compile(
    r"[*_]{0,2}(?i:(?:total |impact |incident |outage )?duration|time[ -]to[ -](?:detect|ack(?:nowledge)?"
    r"|engage|mitigate|mitigation|resolve|resolution|recover|recovery|restore)|mtt[adrm]|tt[adrm])"
    r"[*_]{0,2}:[*_]{0,2}[ \t]*~?(?:\d+(?:\.\d+)?[ \t]*(?i:h|hrs?|hours?|m|mins?|minutes?|s|secs?|seconds?)"
    r"\b,?[ \t]*){1,3}[.)]?[ \t]*$"
)
_METRIC_FIRST = frozenset("*_DdTtMmIiOo")


def _anchored_day(cell: str, anchor: dt.date, zone: dt.tzinfo | None) -> dt.date:
    """The day a timeline's first clock time (``cell``) is on: the reading of it, the day before, on
    or after the milestone's (``anchor``), nearest that milestone (``12:05 AM`` after ``Oct 7, 11:42
    PM`` is Oct 8), on the clock the table is written on; an incident's date alone (``Incident date:
    Oct 7, 2025``) is that day."""
    if not isinstance(anchor, dt.datetime):
        return anchor
    day = anchor.astimezone(zone or dt.UTC).date()
    at = _times.parse_heading(cell, tz=zone, day=day).at
    if at is None:
        return day
    hours = (at - anchor).total_seconds() / 3600
    return day - _ONE_DAY if hours > 12 else day + _ONE_DAY if hours < -12 else day


# a postmortem's timeline, the heading over its list of clock times ('### Timeline (all times PT)',
# '## Chronology', '## Sequence of events')
_TIMELINE_HEADING = re.compile(r"(?i)\b(?:timeline|chronology|sequence of events)\b")
# a list item (or line) of such a timeline, which opens with a clock time alone ('- 23:42 First 502s',
# '- 11:42 PM — first reports', '**00:05** rollback started'), no date before it
_OPENS_CLOCK = re.compile(r"[*_\[(]{0,2}(" + CLOCK + r")(?![/\d-])")
# a clock time anywhere in a line ('Summary: pool exhausted after the 23:30 config push.')
_A_CLOCK = re.compile(r"(?<![\d:.])(" + CLOCK + r")(?![/\d-])")
# a postmortem's date alone, the day its timeline is on ('**Incident date:** Oct 7, 2025', 'Date of
# incident: 2025-10-07', '- Outage date: 10/07/2025')
_INCIDENT_DATE = re.compile(
    r"[*_]{0,2}(?i:(?:incident|outage) (?:date|day)|date of (?:the )?(?:incident|outage))"
    r"[*_]{0,2}:[*_]{0,2}[ \t]"
)
# a heading that says its section is a postmortem ('## 2025-10-10 Postmortem OPS-9', '# Incident
# review: INC-8801', '## RCA', '## Retro notes: INC-5120'): what is written in it before its milestones
# is about the incident's day (gated by _POSTMORTEM_WORDS, substrings of the lowercased heading)
_POSTMORTEM_HEADING = re.compile(
    r"(?i)\bpost[- ]?mortem|\bincident (?:review|report|analysis|retro)|\b(?:RCA|PIR)\b|\broot[- ]cause"
    r"|\bretro(?:spective)?\b|\bafter[- ]action"
)
_POSTMORTEM_WORDS = ("mortem", "incident", "rca", "pir", "root", "retro", "action")
# a postmortem's sections that are not about the incident's day ('## Action items', '### Follow-ups')
_FOLLOW_UP_HEADING = re.compile(
    r"(?i)\baction items?|\bfollow[- ]?ups?\b|\bnext steps|\bremediation|\blessons|\bto ?dos?\b"
)
# (an item that counts from the day it was written, a relative day or weekday, or plans what is to come:
# 'fix ETA Wednesday', 'review today at 10:00', 'follow-up in 2 days': the writing day's, not the
# incident's; asked only of a postmortem's items before its milestones)
_WRITTEN_DAY = re.compile(
    r"(?i)\b(?:today|yesterday|tomorrow|tonight|this (?:morning|afternoon|evening|week)|last night"
    r"|next (?:\w+day|week|month)|(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?s?"
    r"|eta|eod|eow|cob|due(?! to)|deadline|by end|in \d+ (?:days?|weeks?|hours?|h)|follow[- ]?ups?|will"
    r"|plan(?:s|ned)?|schedul\w*|to be)\b"
)


def _is_postmortem(heading: str) -> bool:
    """Whether a heading says its section is a postmortem (:data:`_POSTMORTEM_HEADING`)."""
    low = heading.lower()
    return any(w in low for w in _POSTMORTEM_WORDS) and _POSTMORTEM_HEADING.search(heading) is not None


def _redate(items: list[tuple], ks: list[int], sec: tuple, day: dt.date) -> None:
    """In place: items ``ks`` (of section ``sec``) on ``day``, their section's tuple re-dated."""
    new = (*sec[:2], day, _day_us(day), *sec[4:])
    for k in ks:
        it = items[k]
        items[k] = (*it[:4], new, it[5], it[6], day, *it[8:])


def _date_before(
    items: list[tuple], before: list[int], anchor: dt.date, tz: dt.tzinfo | None
) -> None:
    """In place: a postmortem's items written before its milestones (``before``), by section, on the
    incident's day: the day that puts the section's first clock time nearest the milestone
    (:func:`_anchored_day`; ``Summary: pool exhausted after the 23:30 config push.`` over ``Impact
    start: Oct 7, 11:42 PM PT`` is Oct 7), else the milestone's own, when that day is at most a week
    before the section's; the past-midnight roll then reads its later times as a section's. ``before``
    is emptied: those items are dated."""
    groups: dict[int | None, list[int]] = {}
    for k in before:
        groups.setdefault(items[k][4][1], []).append(k)
    before.clear()
    for ks in groups.values():
        sec = items[ks[0]][4]
        zone = items[ks[0]][5] or tz
        m = next((m for k in ks if (m := _A_CLOCK.search(items[k][2])) is not None), None)
        day = _anchored_day(m.group(1) if m is not None else "", anchor, zone)
        if day != sec[2] and dt.timedelta(0) <= sec[2] - day <= _ANCHOR_SPAN:
            _redate(items, ks, sec, day)


def _dated_level(enclosing: list[tuple], day: dt.date) -> int:
    """The level of the heading that dates what is under the enclosing headings (``day``): the
    outermost of the innermost run that holds that date (0 for the title or the front matter's), which
    only a heading of that level or higher ends: a postmortem's milestones under ``## Key milestones``
    hold for its ``## Timeline``, a section of the same document dated by its front matter."""
    lvl = 0
    for entry in reversed(enclosing):
        if entry[1] != day:
            break
        lvl = entry[0]
    return lvl


def _dated_by_header(day: dt.date, enclosing: list[tuple]) -> tuple:
    """The section tuple of what a report's header line dates (``day``), with the undated title
    (or the level-0 entry, which no heading pops) in ``enclosing`` dated too."""
    if enclosing and enclosing[0][1] is None:
        enclosing[0] = (enclosing[0][0], day, *enclosing[0][2:])
    elif not enclosing:
        enclosing.append((0, day, [], None, 0))
    return (None, None, day, _day_us(day), _NAT, None)


def _header_day(text: str, tz: dt.tzinfo | None, near: dt.date | None) -> dt.date | None:
    """The date a report's header line gives the document: its date, or for a time written in
    another zone, that instant's date in the document's (``**Detected:** 2025-10-22 04:58 UTC`` in a
    log whose times are PDT is October 21st there)."""
    h = _times.parse_heading(text, tz=tz, year_near=near)
    if h.at is not None and h.zone is not None and tz is not None:
        return h.at.astimezone(tz).date()
    return h.date


_UNZONED_MAIL = "time without zone in a pasted email header, read as UTC"


_AMPM = re.compile(r"\d\s?[AaPp]\.?[Mm]\b")


def _english_12h(when: str) -> bool:
    """Whether an English mail head (``On ... wrote:``, or an Outlook ``Sent:``/``Date:`` field) writes a
    slash date on a 12-hour clock: its client writes the date month first ('Sent: 10/9/2025 2:05 PM')."""
    if "/" not in when or not (when[:2] == "On" or _mail_field(when) is not None):
        return False
    return _AMPM.search(when) is not None


def _english_field_12h(text: str) -> bool:
    """Whether a line of ``text`` is an English mail's ``Sent:``/``Date:`` field with a slash date on a
    12-hour clock (:func:`_english_12h`): the item's dates are then read month first."""
    return any(_mail_field(line) in ("sent", "date") and _english_12h(line) for line in text.split("\n"))


def _quote_head(
    line: int, head: str, sec: _Section, zone: dt.tzinfo | None, own: dt.tzinfo | None, near: dt.date | None,
    undeclared: bool, problems: list[tuple[int, str, str, str]],
) -> tuple[_Section, dt.date, list[str], dt.tzinfo | None] | None:
    """What a quoted message's head (``On Wed, Oct 8, 2025 at 4:12 PM, Jane <jane@x.com> wrote:``, or
    an Outlook header's fields, one a line) gives its text: the section tuple its items are read in
    (the head's day and time: what names no time of its own is at the time it was sent), that day, and
    the tickets of its ``Subject:``, and the zone of its zone-less times; None when the head writes no
    date (the section's then hold). A time without zone is in ``zone``; in a log that declares none it
    is a ``time`` problem, as a ``Sent:`` line's is (:data:`_UNZONED_MAIL`), and a head timed in a zone
    (``2:00 PM PDT``) puts the message's zone-less times in it, as such a heading does its section's."""
    when, tks = head, []
    english = head[:2] == "On"
    if "\n" in head:  # (Outlook's fields: 'Sent:' or 'Date:' dates it, 'Subject:' names its tickets)
        when = ""
        for k, f in enumerate(head.split("\n")):
            name = mail_field(f)
            if name in ("sent", "date") and not when:
                when, line = f, line + k  # (the problem names the 'Sent:' line)
                english = _mail_field(f) is not None
            elif name == "subject":
                tks = _own_tickets(f)
    read = when if english else _times.mail_head_date(when)  # ('Gesendet: Mittwoch, 8. Oktober 2025 16:12')
    if english and _english_12h(when):
        # (an English client on a 12-hour clock writes its slash date month first, whatever the log's
        # order: Thunderbird's 'On 10/9/25 2:05 PM, Ana wrote:' and Outlook's 'Sent: 10/9/2025 2:05 PM'
        # are Oct 9 in a log in CET too)
        with _times.slash_order("mdy"):
            h = _times.parse_heading(read, tz=zone, year_near=near)
    else:
        h = _times.parse_heading(read, tz=zone, year_near=near) if read else None
    if h is None or h.date is None:
        return None
    day = h.date
    if h.at is not None and h.zone is not None and zone is not None:
        day = h.at.astimezone(zone).date()  # ('4:12 PM PDT' in a log in Tokyo time: that day there)
    if h.at is None:
        return (sec[0], sec[1], day, _day_us(day), _NAT, None), day, tks, own
    if undeclared and h.zone is None:
        problems.append((line, "time", when[:120], _UNZONED_MAIL))
    elif undeclared:
        own = _times.zone_named(h.zone)
    prec = getattr(h, "precision", None) or "minute"
    return (sec[0], sec[1], day, _day_us(day), _us(h.at), prec), day, tks, own


def _unzoned_time(text: str, near: dt.date | None) -> bool:
    """Whether a pasted mail's ``Sent:`` line writes its time without a zone (``Sent: Thursday, October
    9, 2025 4:12 PM``, as Outlook writes the reader's local time): in a log that declares no zone it is
    read as UTC, maybe hours off, so it is said (a ``time`` problem), not guessed."""
    h = _times.parse_heading(text, tz=None, year_near=near)
    return h.at is not None and h.zone is None


def _fm_day(
    data: dict[str, Any], keys: tuple[str, ...] = ("date", "last_reviewed", "updated")
) -> dt.date | None:
    """The front matter's ``date`` (else ``last_reviewed``, ``updated``; or ``keys``) as a date, when
    it is one."""
    for key in keys:
        v = data.get(key)
        if isinstance(v, dt.datetime):
            return v.date()
        if isinstance(v, dt.date):
            return v
        if isinstance(v, str):
            try:
                return dt.date.fromisoformat(v.strip()[:10])
            except ValueError:
                continue
    return None


def _zone(acc: _Acc, source: str, fm: Any, text: str) -> tuple[dt.tzinfo | None, str]:
    """The zone of zone-less times: front matter ``tz:``, else a prose declaration, else UTC."""
    for key in ("tz", "timezone", "time_zone"):
        name = fm.data.get(key)
        if name is not None:
            tz = _times.zone_named(str(name))
            if tz is not None:
                return tz, getattr(tz, "key", None) or _label(tz)
            # (a front_matter problem, as a bad date_order is: every time of the document hangs on it)
            acc.problem(
                source, fm.key_lines.get(key), "front_matter", _fm_token(name), f"{key}: unknown time zone"
            )
            break
    if not _may_declare_zone(text):  # (the cheap test once: _declared_zone would repeat it)
        return None, "UTC"
    if "\n##" in text:
        # a section's own declaration ('## Tokyo (times JST)') is not the document's
        text = _without_headings(text)
    tz = _declared_zone(text)
    if tz is not None:
        return tz, getattr(tz, "key", None) or _label(tz)
    return None, "UTC"


# a heading line after the first ('## Tokyo (times JST)'), with the newline before it: removing each is what
# dropping the lines whose text opens with '##' (after spaces) and joining the rest with newlines gives
_HEADING_LINE = re.compile(r"\n *##[^\n]*")


def _without_headings(text: str) -> str:
    """``text`` without its heading lines (those opening with '##' after spaces): the lines kept, joined
    by newlines. One C scan for a newline before '##' (a line-by-line loop in Python is ~10x slower);
    leading heading lines, which no newline precedes, are cut first."""
    while text.lstrip(" ").startswith("##"):
        nl = text.find("\n")
        if nl < 0:
            return ""
        text = text[nl + 1:]
    return _HEADING_LINE.sub("", text)


def _declared_zone(text: str) -> dt.tzinfo | None:
    """The zone ``text`` declares for its times ('All times in PDT.', a heading 'Tokyo handoff (all
    times JST)'), if any."""
    if not _may_declare_zone(text):
        return None
    name = _times.declared_zone(text)
    return _times.zone_named(name) if name else None


# a zone a heading names alone in brackets or after a closing dash: '## Timeline (UTC)', '## Timeline [PT]',
# '## Timeline - PDT', '## Timeline (America/Los_Angeles)'; not '## Payments (ET team)' (a team's name)
_HEADING_ZONE = re.compile(
    r"\(\s*([^()\[\]]{1,40}?)\s*\)|\[\s*([^()\[\]]{1,40}?)\s*\]"
    r"|\s[-\u2013\u2014]\s+((?:[A-Z]\S*\s+){1,3}Time|\S+(?:\s+Time)?)\s*$"
)
_HEADING_ZONE_WORDS = frozenset(("Pacific", "Eastern", "Central", "Mountain"))
# (zone abbreviations that a heading's brackets more likely hold as a name: '## PI planning (ART)', an
# agile release train; '## Rollout (WEST)')
_HEADING_NOT_ZONES = frozenset(("WEST", "ART"))
# (right after a time a zone is that time's, '### 14:05 (UTC) paged': the section keeps the document's)
_AFTER_TIME = re.compile(r"(?:\d|(?i:[ap]\.?m\.?))$")


def _heading_zone(heading: str, own: dt.tzinfo | None = None) -> dt.tzinfo | None:
    """The zone a heading names for its section's times in brackets or after a dash, if any: written as a
    zone is (an abbreviation in capitals, an IANA name, an offset, 'Pacific'), not right after a time."""
    if "(" not in heading and "[" not in heading and not _DASHES.intersection(heading):
        return None
    for m in _HEADING_ZONE.finditer(heading):
        word = m.group(1) or m.group(2) or m.group(3)
        if not (
            word.isupper() and 2 <= len(word) <= 5 and word not in _HEADING_NOT_ZONES or "/" in word
            or word[:1] in "+-"
            or word.upper().startswith(("UTC", "GMT")) or word.split()[0] in _HEADING_ZONE_WORDS
            or word.endswith(" Time")  # (a zone spelled out, 'China Standard Time': if zone_named knows it)
        ) or _AFTER_TIME.search(heading[: m.start()].rstrip()):
            continue
        tz = _times.zone_named_in(word, own)  # ('(CST)' in a Shanghai document: China's)
        if tz is not None and not _spelled_out(heading[: m.start()], word):
            return tz
    return None


_INITIAL_WORDS = re.compile(r"[A-Za-z][\w'-]*")
_SMALL_WORDS = frozenset(("and", "of", "the", "for", "in"))


def _spelled_out(before: str, word: str) -> bool:
    """Whether the abbreviation ``word`` is what the words before it spell ('Integrated System Test
    (IST)', 'Unit tests (UT)'), not a zone; 'Pacific Time (PT)' still names one."""
    if not word.isalpha():
        return False
    words = [w for w in _INITIAL_WORDS.findall(before) if w.lower() not in _SMALL_WORDS][-len(word):]
    return (
        len(words) == len(word) and "".join(w[0] for w in words).upper() == word.upper()
        and _times.zone_named(" ".join(words)) is None
    )


_DASHES = frozenset("-\u2013\u2014")


def _may_declare_zone(text: str) -> bool:
    """A cheap check before :func:`occ_lib.times.declared_zone`: most texts say nothing of the kind."""
    # ('All times in PDT', 'Timezone: PT', 'TZ: Europe/Berlin', front matter's 'tz:')
    return (
        "ime" in text or "IME" in text or "zone" in text or "TZ" in text or "tz" in text
        or "eit" in text or "EIT" in text  # (German: 'Zeiten in MESZ', 'Zeitzone: Europe/Berlin')
    )


def _label(tz: dt.tzinfo) -> str:
    off = tz.utcoffset(None)
    if not off:
        return "UTC"
    total = int(off.total_seconds()) // 60
    sign = "-" if total < 0 else "+"
    return f"{sign}{abs(total) // 60:02d}:{abs(total) % 60:02d}"


_FROM_HEADERS = frozenset({"from", "from status", "old value", "old status", "previous status"})
_TO_HEADERS = frozenset({"to", "to status", "new value", "new status"})


def _from_column(headers: list[str]) -> tuple[int, int] | None:
    """(from, to) columns of a change history ('| Field | From | To |', 'Old value | New value'), or
    None."""
    names = [h.strip(" *_:").lower() for h in headers]
    fr = next((j for j, h in enumerate(names) if h in _FROM_HEADERS), None)
    to = next((j for j, h in enumerate(names) if h in _TO_HEADERS), None)
    return None if fr is None or to is None else (fr, to)


def _unique_headers(headers: list[str]) -> list[str]:
    out: list[str] = []
    for k, h in enumerate(headers):
        name = h or f"column_{k + 1}"
        base, n = name, 2
        while name in out:
            name, n = f"{base}_{n}", n + 1
        out.append(name)
    return out


def _table_frame(body: list[list[str]], cols: list[str]) -> pd.DataFrame:
    """A table as a frame of object columns holding Python strings (a pandas ``str`` array per
    column costs ~2x more), built from one 2-D array: a single block, ~1.5x faster than rows."""
    grid = np.empty((len(body), len(cols)), dtype=object)
    if body:
        grid[:] = body
    return pd.DataFrame(grid, columns=cols, dtype=object, copy=False)


def _parse_into(acc: _Acc, data: bytes | str, source: str, body: bool = True) -> None:
    """Parse one file's content into ``acc`` (which the caller discards if this raises); with
    ``body=False`` only as far as its file problems go (decoding, emptiness, front matter)."""
    d: Decoded = decode(data)
    if d.problem is not None:
        acc.problem(source, None, "file", None, d.problem)
        return
    lines = d.lines
    if not any(ln.strip() for ln in lines):
        acc.problem(source, None, "file", None, "empty file")
        return
    fm = front_matter(lines)
    if fm.problem is not None:
        acc.problem(source, fm.problem[0], "front_matter", None, fm.problem[1])
    tz, tz_name = _zone(acc, source, fm, d.text)
    # (what the log says local time 'LT' is: 'LT = London'; 'all times LT (UK)' is its own zone too)
    local, all_local = _times.local_zone_of(d.text)
    if all_local and tz is None and local is not None:
        tz, tz_name = local, getattr(local, "key", None) or _label(local)
    order = _slash_order(acc, source, fm, d.text, tz_name)
    if not body:
        return
    with _times.slash_order(order), _times.local_zone(local):
        _parse_document(acc, source, d, fm, tz, tz_name, order)


def _slash_order(acc: _Acc, source: str, fm: Any, text: str, zone: str) -> str | None:
    """How the document writes slash dates that read both ways: front matter ``date_order:``
    (``dmy``/``day first``, ``mdy``/``month first``), else :func:`occ_lib.times.slash_order_of`."""
    value = fm.data.get("date_order")
    if value is not None:
        key = re.sub(r"[\s_/-]+", " ", str(value).strip().lower())
        order = _ORDER_WORDS.get(key)
        if order is not None:
            return order
        acc.problem(source, fm.key_lines.get("date_order"), "front_matter", _fm_token(value),
                    "date_order: expected dmy (day first) or mdy (month first)")
    return _times.slash_order_of(text, None if zone == "UTC" else zone)


_ORDER_WORDS = {
    "dmy": "dmy", "d m y": "dmy", "dd mm yyyy": "dmy", "dd mm": "dmy", "day first": "dmy",
    "mdy": "mdy", "m d y": "mdy", "mm dd yyyy": "mdy", "mm dd": "mdy", "month first": "mdy",
}


def _parse_document(
    acc: _Acc, source: str, d: Decoded, fm: Any, tz: dt.tzinfo | None, tz_name: str, order: str | None
) -> None:
    """:func:`_parse_into`'s work once the document's encoding, front matter and zones are known."""
    # (what rarer secrets need, looked for once in the whole document: most have none of it; a secret
    # that only the lines around it tell, a private key's body split over items, goes first)
    joined = "\n".join(d.lines)
    lines = redact_lines(d.lines, joined)
    rare = ex.rare_hint(joined)

    # Pass 1, the structure: sections, tables and the items with the section each belongs to.
    # The items' fields are then found document-wide, pass by pass (_items), not item by item.
    S, T = acc.sections, acc.tables
    first_sec, first_table = len(S["line"]), len(T["line"])  # (this document's, from there on)
    parse_heading = _times.parse_heading
    # (the first day-first dotted date the document writes, None without one: asked of few headings)
    dotted: list[dt.date | None] = []

    def writes_dotted() -> dt.date | None:
        if not dotted:
            dotted.append(_times.first_dotted_date(d.text))
        return dotted[0]

    title: str | None = None
    sec: _Section = (None, None, None, _NAT, _NAT, None)
    position = 0
    # what a year-less heading date ('## Oct 9') or one that reads both ways ('## 10/07/2025') is
    # read against: the date of the section before, else the front matter's
    near = _fm_day(fm.data)
    # the front matter's 'date:' is the document's day, as a dated title is: what is written before
    # the first section and under undated sections is on it (a postmortem's '14:09 | IC declared')
    doc_day = _fm_day(fm.data, ("date",))
    if doc_day is not None:
        sec = (None, None, doc_day, _day_us(doc_day), _NAT, None)
    # the enclosing headings: (level, date, tickets, zone, week), each as it holds for what is under it
    # (its own, else inherited): a heading without a date takes its parent's ('## 2025-10-08' >
    # '### 14:05 — paged'), items that name no ticket take their heading's ('### PAY-412 rollback'
    # > '- rolled back at 15:10'), and a zone a heading declares ('## Tokyo handoff (all times
    # JST)') holds for the zone-less times of its section and subsections
    # (flags: _WEEK, the heading names a week, '## Week of Oct 6', and a weekday under it is that
    # week's; _STANDUP, it is a standup's, where 'Y:' is yesterday)
    enclosing: list[tuple[int, dt.date | None, list[str], dt.tzinfo | None, int]] = (
        [(0, doc_day, [], None, 0)] if doc_day is not None else []  # (no heading pops level 0)
    )
    head_flags = 0  # the enclosing headings' _WEEK, _SPAN and _STANDUP
    # by heading level, the latest date a dated heading of that level wrote under the current parent
    # (an undated sibling after them under a week's heading is on it: '## Open items' after '## Sun 10/12')
    sibling_day: dict[int, dt.date] = {}
    # a heading's time range that runs past midnight ('## 2025-10-07 night shift (22:00–06:00)'), as it
    # holds for what is under it: (level, (date, hour before which an item is the next day's) or None);
    # ``nights`` is it by section line, for the items (:func:`_night_shift`)
    night_stack: list[tuple[int, tuple[dt.date, float] | None]] = []
    nights: dict[int, tuple[dt.date, float]] = {}
    head_tks: list[str] = []
    sec_zone: dt.tzinfo | None = None
    # a pasted postmortem's milestones ('| Impact start | Oct 7, 11:42 PM |'): (the level of the section
    # holding the table, its first dated time), what a table of clock times only under it is dated by
    anchor: tuple[int, dt.datetime] | None = None
    # a timeline's section as the milestones re-date it (its line -> the section tuple its items take)
    anchored: dict[int | None, _Section] = {}
    # a postmortem's heading (the level of the heading that says it is one, _is_postmortem) and, before
    # its milestones, its items that may be on the incident's day (their index: _date_before); in a
    # timeline's section below the milestones, its items before its first clock time (by section line)
    pm_level: int | None = None
    pm_skip = False  # (under its '## Action items': the day they were written)
    before: list[int] = []
    pre_clock: dict[int | None, list[int]] = {}
    items: list[_Item] = []
    kind_as: dict[int, str] = {}  # (an item's text as its kind is read, when not its own: _from_column)
    nesting: list[int] = []  # for ticket inheritance: item index, or -1 - depth (empty bullet), or _CLEAR
    date_problems: list[tuple[int, str, str, str]] = []  # (a heading's, a mail header's: line, what, ...)
    # the open list items that stand for a day ('- [[2025-10-08]]' in an outline journal, '- Wed: deployed
    # DEP-9' by its label): (depth, date, the section a label nested in it is read against, a labelled
    # item's, else None); what is nested under one is on that day. ``prev`` is the last list item: (depth,
    # text), and ``prev_label`` the day its weekday label names with the section it was read against
    days: list[tuple[int, dt.date, _Section | None]] = []
    prev: tuple[int, str] | None = None
    prev_label: tuple[dt.date, _Section] | None = None
    run: tuple[int, dt.date] | None = None  # (the depth and day of the last item of a run of labelled ones)
    # the open list items' tasks by depth: an item nested in an open task is its subtask
    tasks: list[str] = []
    subject: str | None = None
    # the day the items after a Slack divider ('Yesterday') or a pasted mail's 'Sent:' are on, and the
    # tickets that mail's 'Subject:' names, up to the next heading; in_mail: in a mail's header fields
    over: dt.date | None = None
    mail_tks: list[str] = []
    in_mail = mail_addr = False  # (a 'Date:' is a mail's only under a 'From:' with an address)
    # the quoted message the items are text of, when its head is dated ('> On Wed, Oct 8, 2025 at 4:12
    # PM, Jane <jane@x.com> wrote:'): (its section tuple, its day, its subject's tickets, its zone)
    quoted: tuple[_Section, dt.date, list[str], dt.tzinfo | None] | None = None
    for b in blocks(lines, fm.body_start):
        tag = b[0]
        if tag != "i":
            prev = run = None
            days.clear()
            tasks.clear()
        if in_mail and (tag != "p" or not is_field(b[3])):
            in_mail = False
        if tag == "i" or tag == "l" or tag == "p":
            if tag == "p" and title is None and subject is None and position == 0:
                m = _SUBJECT.match(b[3])
                subject = ex.redact(m.group(1).strip(), rare) if m else None  # (an e-mail's title)
                if subject and (tks := _own_tickets(subject)):
                    # its tickets are the document's, as a title's are ('Subject: RE: OPS-881 ...')
                    head_tks = tks
                    if enclosing:
                        enclosing[0] = (*enclosing[0][:2], tks, *enclosing[0][3:])
                    else:
                        enclosing.append((0, None, tks, None, 0))
            mail_day: dt.date | None | bool = False  # (a 'Sent:' line's _header_day, once read: False)
            if tag == "p" and (in_mail or b[3][:1] in _MAIL_FIRST) and (
                field_name := _any_mail_field(b[3])
            ) is not None:
                # a pasted mail's header ('From:', 'Sent:', 'Subject:'; Outlook's '-----Original
                # Message-----' over it; also localized, 'Von:', 'Gesendet:', 'Betreff:'): its body is on
                # the day it was sent, about its subject's tickets
                if field_name == "from":
                    in_mail, mail_addr = True, "@" in b[3]
                elif in_mail and (field_name == "sent" or field_name == "date" and mail_addr):
                    # ('Gesendet: Donnerstag, 9. Oktober 2025 14:05': its date as mail_head_date reads it)
                    when = b[3] if _mail_field(b[3]) is not None else _times.mail_head_date(b[3]) or ""
                    if when is b[3] and _english_12h(when):  # ('Sent: 10/9/2025 2:05 PM': month first)
                        with _times.slash_order("mdy"):
                            day_sent = _header_day(when, sec_zone or tz, near)
                    else:
                        day_sent = _header_day(when, sec_zone or tz, near)
                    if when is b[3]:
                        mail_day = day_sent
                    over = day_sent or over
                    if tz is None and sec_zone is None and _unzoned_time(when, near):
                        # (the header quoted as written, its secrets masked first: 'Date: ... password: ***')
                        date_problems.append((b[1], "time", ex.redact(b[3], rare)[:120], _UNZONED_MAIL))
                elif in_mail and field_name == "subject":
                    mail_tks = _own_tickets(ex.redact(b[3], rare))
            if (tag == "l" or (tag == "p" or tag == "i" and b[2] == 0 and not days) and is_field(b[3])) and (
                position == 0 and sec[2] is None and b[3]
            ):
                # a report's header line before any section ('**Detected:** 2025-10-09 14:02 CEST',
                # 'Date: 2025-10-09', also as a list item) dates the document as a dated title does
                # (the same line, zone and year as a mail's 'Sent:' read just above: its day, not read again)
                day = _header_day(b[3], sec_zone or tz, near) if mail_day is False else mail_day
                if day is not None:
                    near, sec = day, _dated_by_header(day, enclosing)
            it_sec, it_near = sec, near
            sub = False
            if quoted is not None:
                it_sec, it_near = quoted[0], quoted[1]
            elif over is not None:
                it_sec, it_near = (sec[0], sec[1], over, _day_us(over), _NAT, None), over
            told_on = it_sec  # (the section a weekday label is read against: the day it was written)
            if tag == "i":
                depth = b[2]
                while days and days[-1][0] >= depth:
                    days.pop()
                if prev is not None and prev[0] < depth:  # the first item nested under ``prev``
                    # (under a labelled item, '- Mon: deployed DEP-1', its label's day; a label nested in
                    # it is read against the day its parent's was, not against that label's day)
                    day, on = prev_label if prev_label is not None else (_times.outline_date(
                        prev[1], tz=sec_zone or tz, year_near=near, day=days[-1][1] if days else sec[2]
                    ), None)
                    if day is not None:
                        days.append((prev[0], day, on))
                        near = day  # (as a dated heading is: 'Oct 9' further down is in its year)
                if days:
                    day = days[-1][1]
                    it_sec, it_near = (sec[0], sec[1], day, _day_us(day), _NAT, None), day
                    told_on = days[-1][2] or it_sec
                prev, prev_label = (depth, b[3]), None
                if tasks or b[4]:
                    sub = 0 < depth <= len(tasks) and tasks[depth - 1] == "open"
                    del tasks[depth:]
                    tasks.extend([""] * (depth - len(tasks)))
                    tasks.append(b[4])
            after = run[1] if tag == "i" and run is not None and run[0] == b[2] else None
            if told_on[2] is not None and (label := _times.label_day(
                b[3], told_on[2], week=bool(head_flags & _WEEK),
                span=bool(head_flags & _SPAN) and told_on is sec,  # (a span's first day, not an outline's)
                after=after,  # (a rota's '- Sat: Fay' then '- Sun: Gus': the run's order)
            )) is not None:
                # a weekday label ('- Wed: DEP-2 blocked on vendor', '- **Tue**: rolled back ...'): the
                # item's day, and its nested items' (:func:`occ_lib.times.label_day`)
                if label != it_sec[2]:
                    it_sec, it_near = (it_sec[0], it_sec[1], label, _day_us(label), _NAT, None), label
                if tag == "i":
                    prev_label = (label, told_on)
                    run = (b[2], label)
            elif tag == "i" and run is not None and b[2] <= run[0]:
                run = None  # (an item without a label ends the run at its depth)
            waits = None  # (the list this item waits in for its section's day, when it is an event)
            if b[3] and over is None and sec[2] is not None and (
                anchor is not None or b[3][:1] in _MILESTONE_FIRST
            ):
                mile = b[3][:1] in _MILESTONE_FIRST and MILESTONE.match(b[3]) is not None
                h = None
                if (anchor is None or not isinstance(anchor[1], dt.datetime)) and (
                    mile or anchor is None and b[3][:1] in _MILESTONE_FIRST and _INCIDENT_DATE.match(b[3])
                ):
                    # a postmortem's milestone ('**Impact start:** Oct 7, 11:42 PM PT'): its time, when
                    # dated, dates the timeline of clock times under it as a milestones table does; its
                    # date alone ('**Incident date:** Oct 7, 2025') dates it on that day, until a dated
                    # milestone's time does
                    h = parse_heading(b[3], tz=sec_zone or tz, year_near=near)
                    if h.date is not None and (h.at is not None or anchor is None and not mile):
                        anchor = (_dated_level(enclosing, sec[2]), h.at or h.date)
                        if before:
                            _date_before(items, before, anchor[1], tz)
                        mile = False
                if anchor is not None and not days and sec[0] is not None and sec[4] == _NAT and (
                    (timeline := sec[1] in anchored or _TIMELINE_HEADING.search(sec[0]) is not None) or mile
                ):
                    # '- 23:42 First 502s' under '### Timeline' below the milestones: on the incident's
                    # day, not the section's (the day the postmortem was written); so is a milestone
                    # without a date of its own ('**Impact start:** 11:42 PM' under '**Incident date:**
                    # Oct 7, 2025'), its section's later milestones past midnight on the next day
                    key = sec[1] if timeline else -1 - (sec[1] or 0)
                    if key not in anchored and (m := (
                        _OPENS_CLOCK.match(b[3]) if timeline else (
                            None if (h or parse_heading(b[3], tz=sec_zone or tz, year_near=near)).date
                            is not None else _A_CLOCK.search(b[3])
                        )
                    )) is not None:
                        day = _anchored_day(m.group(1), anchor[1], sec_zone or tz)
                        anchored[key] = (*sec[:2], day, _day_us(day), *sec[4:]) if (
                            day != sec[2] and dt.timedelta(0) <= sec[2] - day <= _ANCHOR_SPAN) else sec
                        if pre_clock.get(key) and anchored[key] is not sec:
                            # ('- all times PT' over its first clock time: the incident's day too)
                            _redate(items, pre_clock.pop(key), sec, day)
                        if not isinstance(anchor[1], dt.datetime) and (
                            at := parse_heading(m.group(1), tz=sec_zone or tz, day=day).at
                        ) is not None:
                            anchor = (anchor[0], at)  # (the incident date's first time: nearest that)
                            if before:
                                _date_before(items, before, at, tz)
                    if key in anchored:
                        it_sec = anchored[key]
                        it_near = it_sec[2]
                    elif timeline:
                        waits = pre_clock.setdefault(key, [])
            if pm_level is not None and not pm_skip and waits is None and it_sec is sec and b[3] and (
                anchor is None or not isinstance(anchor[1], dt.datetime)
            ) and sec[2] is not None and sec[4] == _NAT and not _WRITTEN_DAY.search(b[3]):
                waits = before  # (a postmortem's item before its milestones' times: _date_before)
            if b[3] and not (tag == "i" and b[3][:1] in _METRIC_FIRST and _METRIC_FIELD.match(b[3])):
                nesting.append(len(items))
                kind_of_item = _ITEM_KINDS[tag]
                items.append(
                    (b[1], b[2], b[3], kind_of_item, it_sec, quoted[3] if quoted is not None else sec_zone,
                     (quoted[2] if quoted is not None else None) or mail_tks or head_tks, it_near,
                     _standup_reading(b[3]) if head_flags & _STANDUP else None,
                     head_flags | _TASK_FLAGS[b[4]] | (_SUBTASK if sub else 0))
                )
                if waits is not None:
                    waits.append(len(items) - 1)
            else:  # an empty bullet is no event (nor a postmortem's 'Duration: 1h 33m'), but its
                # children must not inherit past it
                nesting.append(-1 - b[2])
        elif tag == "q":  # a quoted message's head, or the end of its text ("")
            quoted = None
            if b[3]:
                quoted = _quote_head(b[1], ex.redact(b[3], rare), sec, sec_zone or tz, sec_zone, near,
                                     tz is None and sec_zone is None, date_problems)
        elif tag == "d":  # Slack's 'Yesterday' or 'Today' over pasted messages: the day they are on
            over = None if sec[2] is None else sec[2] - _ONE_DAY if b[3] == "Yesterday" else sec[2]
        elif tag == "h":
            _, line, level, htext = b
            nesting.append(_CLEAR)
            over, mail_tks, quoted = None, [], None
            htext = ex.redact(htext, rare)
            if before and anchor is not None:  # (under an incident's date alone: on that day)
                _date_before(items, before, anchor[1], tz)
            while enclosing and enclosing[-1][0] >= level:
                enclosing.pop()
            if anchor is not None and level <= anchor[0]:
                anchor = None
            if pm_level is not None and level <= pm_level:
                pm_level = None
                before.clear()
            if pm_level is None and _is_postmortem(htext):
                pm_level = level
            pm_skip = pm_level is not None and _FOLLOW_UP_HEADING.search(htext) is not None
            _, parent, parent_tks, parent_zone, parent_flags = (
                enclosing[-1] if enclosing else (0, None, [], None, 0)
            )
            head_flags = (
                parent_flags | (_WEEK if _WEEK_HEADING.search(htext) else 0)
                | (_STANDUP if _STANDUP_HEADING.search(htext) else 0)
            )
            head_tks = _own_tickets(_keyed_heading(acc, htext)) or parent_tks
            sec_zone = _declared_zone(htext) or _heading_zone(htext, tz) or parent_zone
            if level == 1 and title is None:
                title = htext
                date = None
                if position == 0 and _may_have_times(htext):
                    # '# Daily log — 2025-10-10': items before the first section take its date
                    h = parse_heading(htext, tz=sec_zone or tz, year_near=near, dotted=writes_dotted)
                    near = h.date or near
                    date = h.date
                    sec = (None, None, h.date, _day_us(h.date), _us(h.at),
                           (getattr(h, "precision", None) or "minute") if h.at is not None else None)
                    if h.span:
                        head_flags |= _SPAN  # ('# Ops log 2025-10-06 – 2025-10-12': no one day)
                enclosing.append(
                    (level, date if date is not None else doc_day, head_tks, sec_zone, head_flags)
                )
                continue
            # (under one date, not a week's nor a span of days, a weekday heading may be the day before:
            # '### Mon night' under '## 2025-10-07 (Tue)')
            h = parse_heading(htext, tz=sec_zone or tz, year_near=near, day=parent, dotted=writes_dotted,
                              one_day=parent is not None and not parent_flags & (_WEEK | _SPAN))
            near = h.date or near
            if h.date is not None:
                anchor = None  # (a dated subsection is dated by its own heading)
                before.clear()
            if h.date is not None and head_flags & _WEEK and not _WEEK_HEADING.search(htext):
                head_flags &= ~_WEEK  # ('## 2025-10-09' under '# Daily log - W41': that day's weekdays)
            if h.span:
                head_flags |= _SPAN
            elif h.date is not None:
                head_flags &= ~_SPAN
            while night_stack and night_stack[-1][0] >= level:
                night_stack.pop()
            night = _night_range(h, sec_zone or tz) if h.until is not None and h.date is not None else (
                night_stack[-1][1] if night_stack and h.date is None and h.at is None else None)
            if night is None and h.span and h.date is not None and _overnight(htext, h):
                night = (h.date, 12.0)  # ('### Handoff 2025-10-09 → 2025-10-10 (night shift)': until noon)
            night_stack.append((level, night))
            if night is not None:
                nights[line] = night
            if h.problem:
                date_problems.append((line, "date", htext[:120], h.problem))
            if tz is None and sec_zone is None and h.zone is not None and h.at is not None:
                # '### @bob commented on Oct 8, 2025, 4:01 PM PDT': in a document that declares no
                # zone, what is written under a heading timed in a zone is in that zone too
                sec_zone = _times.zone_named(h.zone)
            # (a heading whose own date is unreadable does not borrow its parent's; what is under it does)
            date = h.date if h.date is not None or (h.problem and "date" in h.problem) else parent
            for deeper in [k for k in sibling_day if k > level]:
                del sibling_day[deeper]  # (the dated headings of the previous sibling's subtree)
            last_day = sibling_day.get(level)
            if h.date is not None:
                sibling_day[level] = h.date if last_day is None or h.date > last_day else last_day
            elif date is not None and last_day is not None and last_day > date and parent_flags & (
                _WEEK | _SPAN
            ):
                # ('## Open items' after '## Sun 10/12' under '# On-call log, week of Oct 6': written at
                # the end of the days before it, not on the week's Monday)
                date = last_day
            enclosing.append((level, h.date or date, head_tks, sec_zone, head_flags))
            sec_prec = (getattr(h, "precision", None) or "minute") if h.at is not None else None
            sec = (htext, line, date, _day_us(date), _us(h.at), sec_prec)
            S["source"].append(source)
            S["line"].append(line)
            S["level"].append(level)
            S["heading"].append(htext)
            S["title"].append(h.title)
            S["date"].append(sec[3])
            S["at"].append(sec[4])
            S["at_precision"].append(sec_prec or ("day" if date is not None else None))
            S["position"].append(position)
            position += 1
        else:
            _, line, headers, rows = b
            nesting.append(_CLEAR)
            cols = _unique_headers(headers)
            width = len(cols)
            if width == 2 and position == 0 and sec[2] is None:
                # a report's header as a key/value table ('| **Detected** | 2025-10-21 21:58 PDT |')
                day = next((hd for _, cells in rows if len(cells) == 2 and cells[1]
                            and (hd := _header_day(cells[1], sec_zone or tz, near)) is not None), None)
                if day is not None:
                    near, sec = day, _dated_by_header(day, enclosing)
            # 'Due': the dates of that column are read as deadlines ('due 2025-10-10'), in the zone
            # its header names ('Due (UTC)'), if any
            dl_cols = _header_deadlines(cols)
            # (a row whose revised cell is empty reads its superseded original as the deadline again)
            dl_alone = None if dl_cols is None or ("", None) not in dl_cols else [
                (_header_deadlines([h]) or [None])[0] if kw == ("", None) else kw
                for h, kw in zip(cols, dl_cols, strict=True)]
            # 'Time (UTC)': the rows' zone-less times are in it, else in the section's (a deadline
            # column's zone is its own)
            plain = headers if dl_cols is None else [h for h, d in zip(headers, dl_cols, strict=False)
                                                     if not d]
            zone = _header_zone(plain, sec_zone or tz)
            # ('Time (XDT)': a zone occ does not know, read with its column's zone-less times: problems)
            odd = None if zone is not None else _header_unknown_zone(
                headers if dl_cols is None
                else [h if not d else "" for h, d in zip(headers, dl_cols, strict=True)]
            )
            zone = zone or sec_zone
            row_sec = sec
            if sec[2] is not None and (first := next(
                (t for _, cells in rows if (t := _row_time(cells, dl_cols)) is not None), None
            )) is not None:
                h = parse_heading(first, tz=zone or tz, year_near=near)
                if h.date is not None and h.at is not None:
                    if anchor is None or not isinstance(anchor[1], dt.datetime):
                        anchor = (_dated_level(enclosing, sec[2]), h.at)
                        if before:
                            _date_before(items, before, anchor[1], tz)
                elif h.date is None and anchor is not None and (
                    (day := _anchored_day(first, anchor[1], zone or tz)) != sec[2]
                    and dt.timedelta(0) <= sec[2] - day <= _ANCHOR_SPAN
                ):  # ('| 11:42 PM | First 502s |' under the milestones: on the incident's day)
                    row_sec = (*sec[:2], day, _day_us(day), *sec[4:])
            body = []
            # a Date column's empty cell is the date above it (a merged cell, as wikis export them)
            date_cols = [j for j, h in enumerate(cols) if h.strip(" *_:").lower() in ("date", "day")]
            above: dict[int, str] = {}
            # a column named for a secret ('| System | Temp password |'): its credentials are masked
            secret_cols = [j for j, h in enumerate(headers) if is_secret_field(h, column=True)]
            value_col = value_column(headers)
            # a change history's 'From' and 'To' columns (Jira's '| Field | From | To |'): the state left
            # says nothing of what happened, the kind is read without it ('| Status | Reopened | Done |')
            left = _from_column(cols)
            # a tracker export's 'Created' and 'Resolved' columns: the row was opened at the one and
            # resolved at the other (:func:`_lifecycle_columns`)
            life = _lifecycle_columns(cols, dl_cols)
            # a runbook's 'Planned' and 'Actual' columns: a row that happened is read at its actual times
            plan = _plan_columns(cols, dl_cols) if any("ctual" in h for h in headers) else None
            for rline, cells in rows:
                cells = (cells + [""] * width)[:width] if len(cells) != width else cells
                # ('| DB_PASSWORD | Hunter2pg |': a secret's name and value; '| Temp password |' column)
                cells = redact_row(cells, headers, secret_cols, value_col)
                body.append(cells)
                for j in date_cols:
                    if cells[j].strip():
                        above[j] = cells[j]
                    elif j in above and any(c.strip() for c in cells):
                        cells = [*cells[:j], above[j], *cells[j + 1:]]
                rtext = " | ".join(cells).rstrip()
                if rtext.strip(" |"):
                    row_dl = dl_cols
                    if dl_alone is not None and not any(
                        c.strip() for c, kw in zip(cells, dl_cols, strict=True)
                        if kw and kw[0].startswith("new ")
                    ):  # (no revised date in this row: the original one is still the deadline)
                        row_dl = dl_alone
                    read = None if row_dl is None else [
                        _deadline_cell(c, kw) for c, kw in zip(cells, row_dl, strict=True)
                    ]
                    if odd is not None and odd[0] < width and _zoneless_time(cells[odd[0]]):
                        read = list(cells if read is None else read)
                        read[odd[0]] = f"{cells[odd[0]].rstrip()} {odd[1]}"
                    if life is not None and _CELL_TIME.search(cells[life[0]]) is not None and (
                        _CELL_TIME.search(cells[life[1]]) is not None or _CELL_DATE.search(cells[life[1]])
                    ):
                        read = _lifecycle_read(cells if read is None else read, life)
                    if plan is not None and any(_CELL_TIME.search(cells[j]) for j in plan[1]):
                        read = [("" if j in plan[0] else c)
                                for j, c in enumerate(cells if read is None else read)]
                    read_as = None if read is None else " | ".join(read).rstrip()
                    if left is not None and cells[left[0]].strip() and cells[left[1]].strip():
                        kind_as[len(items)] = " | ".join([*cells[:left[0]], "", *cells[left[0] + 1:]])
                    items.append(
                        (rline, 0, rtext, "table", row_sec, zone, head_tks, near, read_as, head_flags))
            cols = [ex.redact(c, rare) for c in cols]  # (kept whole, as the items are: no secret in a cell)
            frame = _table_frame([[ex.redact(c, rare) for c in row] for row in body], cols)
            T["source"].append(source)
            T["line"].append(line)
            T["section"].append(sec[0])
            T["headers"].append(list(cols))
            T["frame"].append(frame)

    if before and anchor is not None:
        _date_before(items, before, anchor[1], tz)
    time_problems, n_events = _items(acc, source, items, nesting, tz, rare, nights, kind_as)
    if time_problems:
        # (an item of several lines: each problem names the line its token is written on)
        starts = [it[0] for it in items] + S["line"][first_sec:] + T["line"][first_table:]
        time_problems = _token_lines(time_problems, starts, lines)
    # problems in file order, as one pass over the file would have met them
    time_problems.extend(date_problems)
    time_problems.sort(key=itemgetter(0))
    for line, what, token, reason in time_problems:
        acc.problem(source, line, what, token, reason)

    fmd = fm.data
    Dc = acc.docs
    Dc["source"].append(source)
    Dc["title"].append(title if title is not None else subject)
    Dc["encoding"].append(d.encoding)
    Dc["newline"].append(d.newline)
    Dc["bom"].append(d.bom)
    Dc["repairs"].append(d.repairs)
    Dc["lines"].append(len(lines))
    Dc["sections"].append(position)
    Dc["events"].append(n_events)
    shown = redact_mapping(dict(fmd))  # (kept whole: no secret in it either, nor in what is read of it)
    Dc["front_matter"].append(shown)
    Dc["doc"].append(_as_str(shown.get("doc")))
    Dc["owner"].append(_as_str(shown.get("owner")))
    Dc["epoch"].append(_as_str(shown.get("epoch")))
    Dc["last_reviewed"].append(_fm_date(acc, source, fmd, "last_reviewed", fm.key_lines))
    Dc["expires"].append(_fm_date(acc, source, fmd, "expires", fm.key_lines))
    Dc["tz"].append(tz_name)
    Dc["date_order"].append(order)
    Dc["tz_declared"].append(tz is not None)  # (_zone gives no tzinfo when it fell back to UTC)


def _token_lines(
    problems: list[tuple[int, str, str | None, str]], starts: list[int], lines: list[str]
) -> list[tuple[int, str, str | None, str]]:
    """``problems`` (each at its item's first line) with the line of each one's token instead, when
    the item runs over several lines (continuation lines, a paragraph, a chat message): the line
    before the next block (``starts``: the lines items, headings and tables start on) that holds it.
    An item's tokens are looked for in turn from where the one before was found (its mentions come
    in text order; a pasted dump of thousands stays linear). Only called for documents with problems."""
    starts = sorted(set(starts))
    cursor: dict[int, tuple[int, int]] = {}  # item line -> (line index, column) after its last token
    out = []
    for line, what, token, reason in problems:
        k = bisect.bisect_right(starts, line)
        end = min(starts[k] if k < len(starts) else len(lines) + 1, len(lines) + 1)
        if token and end - line > 1:
            at = _find_token(lines, cursor.get(line, (line - 1, 0)), end - 1, token)
            if at is not None:
                cursor[line] = at
                out.append((at[0] + 1, what, token, reason))
                continue
        out.append((line, what, token, reason))
    return out


def _find_token(lines: list[str], at: tuple[int, int], end: int, token: str) -> tuple[int, int] | None:
    """Where ``token`` is next written from ``at`` (line index, column) up to line index ``end``:
    (its line index, the column after it); a token the item's joined lines split (``ETA 25:30`` /
    ``UTC``) by its first word; None when neither is there (a token its text was rewritten into)."""
    probes = (token, token.split()[0]) if " " in token.strip() else (token,)
    for probe in probes:
        j, col = at
        while j < end:
            c = lines[j].find(probe, col)
            if c >= 0:
                return j, c + len(probe)
            j, col = j + 1, 0
    return None


# A section as the items see it: (heading, line, date, date as microseconds, time as microseconds,
# time precision); the microseconds are the NaT sentinel when unknown.
_Section = tuple[str | None, int | None, dt.date | None, int, int, str | None]
# An item as _items reads it: (line, depth, text, item kind, section, zone of its zone-less times or
# None for the document's, tickets of the enclosing headings, the date a year-less date is read
# against: its section's, else the last dated section's or the front matter's, the text its times
# are read from when not its own: a table row with a 'Due' column or a standup's 'Y:', the flags of
# its enclosing headings: _WEEK, _STANDUP, and _TASK: it is a task (a box, '- [ ] ...', or a Logseq
# marker, '- TODO ...'), _TICKED: a done one, '- [x] ...', '- DONE ...', _CANCELLED: a cancelled one,
# '- [-] ...', '- CANCELED ...'; _SUBTASK: it is nested in an open task)
_Item = tuple[int, int, str, str, _Section, dt.tzinfo | None, list[str], dt.date | None, str | None, int]
_CLEAR = -(1 << 30)  # in ``nesting``: a heading or table ends every open list
_ITEM_KINDS = {"i": "list", "l": "line", "p": "paragraph"}
_WEEK, _STANDUP, _TICKED, _CANCELLED, _TASK, _SUBTASK, _SPAN = 1, 2, 4, 8, 16, 32, 64
_TASK_FLAGS = {"": 0, "open": _TASK, "done": _TASK | _TICKED, "cancelled": _TASK | _CANCELLED}
# Obsidian Tasks' cancelled date, in a task or closing the item ('drop it 📅 2025-10-11 ❌ 2025-10-09');
# elsewhere a ❌ stamps a failure ('- ❌ 2025-10-09 14:05 smoke tests failed; fix ETA 18:00')
_CANCEL_MARK = re.compile(r"\u274c\s*\d{4}-\d{2}-\d{2}")
# a postmortem's offset from its T0, opening an item: 'T+15m', 'T+1h45m', 'T-5 min', 'T+2h', 'T+0'
_T_OFFSET = re.compile(
    r"[\W_]{0,4}T\s?(?P<sign>[+\-\u2212])\s?(?=\d)(?:(?P<h>\d{1,3})\s?h(?:rs?|ours?)?)?\s?"
    r"(?:(?P<m>\d{1,4})(?:\s?m(?:in(?:s|utes?)?)?)?)?(?![\w.]|:\d)"
)


def _t0_offset(text: str) -> int | None:
    """The minutes an item's opening ``T+15m`` adds to its section's T0, or None."""
    m = _T_OFFSET.match(text)
    if m is None or not (m.group("h") or m.group("m")):
        return None
    if m.group("m") and not m.group("h") and m.group("m") != "0" and not text[m.start("m"):m.end()].rstrip(
    ).endswith(("m", "min", "mins", "minute", "minutes")):
        return None  # ('T+15' alone: no unit)
    minutes = int(m.group("h") or 0) * 60 + int(m.group("m") or 0)
    return -minutes if m.group("sign") != "+" else minutes


_CANCEL_END = re.compile(r"\u274c\s*\d{4}-\d{2}-\d{2}\s*(?:\^[\w-]+\s*)?$")
# a standup's heading ('## Standup — Thu Oct 9'): under it 'Y: merged PLAT-88 at 4:45 PM' is yesterday
_STANDUP_HEADING = re.compile(r"(?i:\bstand-?ups?\b|\bdaily\s+scrum\b)")
_STANDUP_Y = re.compile(r"[*_]{0,2}Y[*_]{0,2}:[*_]{0,2}\s")


def _standup_reading(text: str) -> str | None:
    """A standup item's 'Y: ...' read as 'Yesterday: ...' (its times are the day before), else None."""
    m = _STANDUP_Y.match(text)
    return None if m is None else "Yesterday: " + text[m.end():]


# a heading that names a week: what is under it names its weekdays ('- Thu 9:05 AM pinged' under
# '## Week of Oct 6' is Oct 9, not the Thursday before)
# ('## w/c 6 October', '## Week commencing 6 Oct 2025': British for the week that starts that day)
_WEEK_HEADING = re.compile(
    r"(?i:\bweek\s+(?:of\b|\d|(?:commencing|beginning|starting)\b)|\bw/[cb]\b|\bweekly\b|\bwk\s*\d)"
    r"|\bW\d{1,2}\b"
)
_SUBJECT = re.compile(r"[*_]{0,2}(?i:subject):[*_]{0,2}\s*(?:(?i:re|fwd?):\s*)*(.+)")
# what makes a paragraph an event: a kind of _TELLING (_subjects'), a ticket of its own, a time or a deadline
# ('Hi all,', 'Thanks, Priya' and 'All times in PDT.' are none); a 'Key: value' field ('**Status:**
# Resolved', 'Subject: CHG-880 follow-up') only a time
# a pasted mail's header field ('From: Alex Kim <alex@vendor.com>', '**Sent:** Wednesday, ...')
_MAIL_FIELD = re.compile(r"[*_]{0,2}(From|Sent|Date|Subject)[*_]{0,2}:")


def _mail_field(text: str) -> str | None:
    """The name of the mail header field ``text`` is (``from``, ``sent``, ``date``, ``subject``), if any."""
    m = _MAIL_FIELD.match(text)
    return None if m is None else m.group(1).lower()


_MAIL_FIRST = "F*_VD"  # (the first letters a pasted mail's 'From:' opens with, 'Von:', 'De:', 'Da:' too)


def _any_mail_field(text: str) -> str | None:
    """:func:`_mail_field`, also in the languages of :func:`occ_lib._markdown.mail_field` (``Von:`` is
    ``from``, ``Gesendet:`` ``sent``, ``Betreff:`` ``subject``)."""
    name = _mail_field(text)
    if name is None and (name := mail_field(text)) not in ("from", "sent", "date", "subject"):
        return None
    return name


def _chat_lists(items: list[tuple], texts: list[str]) -> dict[int, int]:
    """The list items of a pasted chat message whose text is a list (``Alice Wong  10:42 AM`` then ``-
    WMS-311 picking wave stuck again``, ``- escalated to the vendor``): item index -> its head's index.
    The list opens on the line after the head (a blank line between or not) in its section and goes on
    while its items follow each other; a head is a ``line`` item that is only a sender and a time
    (:func:`occ_lib._markdown.chat_head`). The head's time is theirs when they write none. Cheap: a head
    is tested only for a line item right before a list item."""
    out: dict[int, int] = {}
    for k in range(1, len(items)):
        it, prev = items[k], items[k - 1]
        if it[3] != "list" or it[4] is not prev[4]:
            continue
        if prev[3] == "list":
            if (h := out.get(k - 1)) is not None:
                out[k] = h
        elif prev[3] == "line" and 0 < it[0] - prev[0] <= 2 and it[1] == 0 and (
            _markdown.chat_head(texts[k - 1])
        ):
            out[k] = k - 1
    return out


def _parents(items: list[tuple], nesting: list[int]) -> list[int] | None:
    """Each item's parent list item (the index of the item it is nested under, else -1): what it
    inherits its tickets (:func:`_inherit`) and its time from. An empty bullet is no event, but its
    children must not inherit past it; a heading or a table ends every open list. None when no item
    is nested (most documents: no list to make)."""
    if not any(it[1] for it in items):
        return None
    out = [-1] * len(items)
    open_: list[int] = []  # the open list items, by depth (-1: an empty bullet)
    for k in nesting:
        if k >= 0:
            depth = items[k][1]
            if depth and open_:
                out[k] = open_[min(depth, len(open_)) - 1]
            del open_[depth:]
            open_.append(k)
        elif k == _CLEAR:
            open_.clear()
        else:
            del open_[-1 - k:]
            open_.append(-1)
    return out


def _vendor_refs(text: str, refs: list[str]) -> bool:
    """Whether the references ``refs`` of an item that names no other ticket are a vendor's own ('DCS
    vendor (SITA) engaged, ref SITA-448812'): the item speaks of a vendor or supplier and names each key's
    prefix apart from the key, as the party (the incident the vendor works on is ours, not that key: the
    tickets of the item before it in its section, else none)."""
    low = text.lower()
    if "vendor" not in low and "supplier" not in low:
        return False
    return all(text.count(t.split("-", 1)[0]) > text.count(t) for t in refs)


def _inherit(
    items: list[tuple], owns: list[list[str]], nesting: list[int], parents: list[int] | None,
    refs: list[list[str]] | None = None, vendors: frozenset[int] = frozenset(),
) -> list[list[str]]:
    """Each item's tickets: its own, then (for a nested list item) its parent's (:func:`_parents`) not
    already named. Those it only refers to (``refs``: 'see also OPS-77') are left out, unless it has no
    other ticket, its parent's or its heading's (``- related: OPS-12`` under ``- OPS-11 escalated`` is
    OPS-11's), nor a vendor's reference (``vendors``: :func:`_vendor_refs`)."""
    if refs is not None:
        owns = [[t for t in own if t not in r] if r else own for own, r in zip(owns, refs, strict=True)]
    tks = list(owns)
    for k in nesting:  # (a parent comes before its children)
        if k < 0:
            continue
        if parents is not None and (p := parents[k]) >= 0 and tks[p]:
            own = owns[k]
            tks[k] = own + [t for t in tks[p] if t not in own]
        if refs is not None and refs[k] and not tks[k] and not items[k][6] and k not in vendors:
            tks[k] = list(refs[k])  # (it names nothing else: it is about them)
    return tks


def _items(
    acc: _Acc, source: str, items: list[_Item], nesting: list[int], tz: dt.tzinfo | None, rare: bool = True,
    nights: dict[int, tuple[dt.date, float]] | None = None, kind_as: dict[int, str] | None = None,
) -> tuple[list[tuple[int, str, str | None, str]], int]:
    """Events and deadlines of one document's items; returns their time problems (line, ...) and
    the number of events (a paragraph that says nothing reportable is none, :data:`_TELLING`).

    Each field is found for all items in one go (texts, then tickets, then times...): one short
    loop per field keeps the interpreter on one small piece of code, and the time scan runs over
    the whole document at once (:func:`occ_lib.times.find_times_many`).
    """
    redact, tickets, without_code = ex.redact, ex.tickets, ex.without_code
    texts = [redact(_without_tags(it[2]) if "<" in it[2] else it[2], rare) for it in items]
    owns = [tickets(t) for t in texts]
    # ('ops-885' where the document writes OPS-885: that key; the items' text stays as written)
    known: set[str] = {t for tks in owns for t in tks}.union(*(it[6] for it in items if it[6]))
    across = _ACROSS.get()
    if across is not None:  # ('ops-102' where another log, or a heading, writes OPS-102: _recase)
        acc.keys |= known
        if not across:
            acc.loose |= ex.loose_keys(texts, known)
        known = known | across
    keyed = ex.known_case(texts, known)
    if keyed is not None:
        owns = [tickets(t) if t != o else own for t, o, own in zip(keyed, texts, owns, strict=True)]
    # ('#48213' where the document writes ZD-48213: that ticket, in the order it is written)
    for k, extra in ex.hash_aliases(texts, known).items():
        spans = sorted(ex.ticket_spans(keyed[k] if keyed is not None else texts[k]) + extra)
        owns[k] = list(dict.fromkeys(key for _, key in spans))
    # ('playout server PLY-FRA-2' in one item: the document's machine, no ticket in any of its items)
    machines = ex.equipment_keys(texts)
    if machines:
        owns = [[t for t in own if t not in machines] if own else own for own in owns]
    proses = [without_code(t if it[8] is None else redact(it[8], rare))
              for t, it in zip(texts, items, strict=True)]
    if keyed is not None:
        proses = ex.known_case(proses, known) or proses
    # 'OPS-5 fixed (see also OPS-77)': the tickets an item only refers to are none of its own
    refs_all = [references(p, own) if own else own for p, own in zip(proses, owns, strict=True)]
    parents = _parents(items, nesting)
    vendors = frozenset(k for k, (p, r, own) in enumerate(zip(proses, refs_all, owns, strict=True))
                        if r and len(r) == len(own) and _vendor_refs(p, r))
    tks_all = _inherit(items, owns, nesting, parents, refs_all, vendors)
    for k in sorted(vendors):
        # (the vendor works on the incident the item before it in its section is about: its tickets)
        if not tks_all[k] and k and items[k - 1][4] is items[k][4] and tks_all[k - 1]:
            tks_all[k] = list(tks_all[k - 1])
    for k, it in enumerate(items):
        if not tks_all[k] and it[6]:
            tks_all[k] = it[6]
    zones = [it[5] for it in items] if any(it[5] is not None for it in items) else None
    weeks = [bool(it[9] & _WEEK) for it in items] if any(it[9] & _WEEK for it in items) else None
    # (items above the first dated heading, a tracker table at the top: their year-less dates take
    # the year nearest the date the document's first dated items are read against)
    year = next((it[7] for it in items if it[7] is not None), None) if (
        items and items[0][7] is None and items[0][4][2] is None) else None
    # (a 24-hour log, '1430hrs' or '24-hour clock' in it: an item's opening '1615' is a time)
    prose_all = "\n".join(proses)  # (joined and lowered once per document: two tests read it)
    low_all = _times.lowered_doc(prose_all)  # (and the time scan lowers the same join)
    with _times.clock24(_times.is_clock24(prose_all, low_all)):
        found = _times.find_times_many(
            proses, [it[4][2] for it in items], tz, zones, [it[7] for it in items], weeks, year
        )
        # ('Sent: 10/9/2025 2:05 PM' pasted: an English client's, month first; the joined text asked first:
        # a word with no newline in it is in an item exactly when it is in the join)
        if "Sent:" in prose_all or "Date:" in prose_all:
            for k, p in enumerate(proses):
                if ("Sent:" in p or "Date:" in p) and "/" in p and _english_field_12h(p):
                    with _times.slash_order("mdy"):
                        found[k] = _times.find_times_many(
                            [p], [items[k][4][2]], tz, None if zones is None else [zones[k]], [items[k][7]],
                            None if weeks is None else [weeks[k]], year,
                        )[0]
        if (own := _stamp_zones(proses, found, zones, tz)) is not None:
            # ('09:00 EST: vendor says fix lands by 11am': the item's zone-less times are on its stamp's
            # clock, 11:00 EST; the item is read again in that zone, and its zone is that one after)
            items, zones = list(items), list(zones) if zones is not None else [None] * len(items)
            for k, z in own.items():
                it = items[k]
                items[k] = (*it[:5], z, *it[6:])
                zones[k] = z
                again = _times.find_times_many(
                    [proses[k]], [it[4][2]], tz, [z], [it[7]], None if weeks is None else [weeks[k]], year)[0]
                if again and again[0].at == found[k][0].at:  # (the stamp itself is read as before)
                    found[k] = again
        if "quarter" in low_all or "half past" in low_all:
            _spoken_nights(items, proses, found, tz, zones, weeks, year)
    # (in an item exactly when in the join: no newline in it)
    if "T+" in prose_all or "T-" in prose_all or "T\u2212" in prose_all:
        _offsets(proses, found)
    _carry_dates(items, proses, found, tz)
    if weeks is not None:
        _week_days(items, proses, found, tz)
    if nights:
        _night_shift(items, found, tz, nights)
    after = _past_midnight(items, found, tz)
    _fall_back(items, found, tz)
    kind_texts = [ex.kind_text(t) for t in (texts if keyed is None else keyed)]
    if kind_as:
        for k, t in kind_as.items():  # (a change history's row without the state it left)
            kind_texts[k] = ex.kind_text(redact(t, rare))
    kws = [ex.keywords(t) for t in kind_texts]
    problems: list[tuple[int, str, str | None, str]] = []
    E = acc.event_rows.append
    DL = acc.deadline_rows.append
    # per tickets, (heading line, due, keyword) of the last deadline a table row's key-less cell gave them
    # (a standup's ETA column): a later table's other due for them moves it (:func:`_table_move`)
    table_dues: dict[tuple[str, ...], tuple[Any, int, str]] = {}
    classify, artifacts, http_status = ex.classify, ex.artifacts, ex.http_status
    epoch, us = _EPOCH, _US
    n_events = 0
    aside_row: tuple | None = None  # (a nested item's note row for the tickets it inherits)
    # (with parents: each item's own time, from its mentions, its T0 offset or its parent's, else None)
    timed: list[tuple[int, str | None] | None] = [None] * len(items) if parents is not None else []
    # (the list items of a pasted chat message, under its head: sent at the head's time)
    chat_of = _chat_lists(items, texts)
    heads = frozenset(chat_of.values())
    head_at: dict[int, tuple[int, str | None]] = {}
    for k, (line, depth, _raw, kind_of_item, sec, _zone, _htks, _near, _read_as, flags) in enumerate(items):
        text = texts[k]
        at = _NAT
        prec = None
        end = _NAT
        times: list[dt.datetime] = []
        planned_ref = False  # (whether the item's first time is written with a date after its section's)
        ref_start = 0  # (where that time is written)
        dls = []
        # ('Next update by 14:45 EDT', 'next comms at 10:00': a promise kept by the next update)
        upd = "pdate" in text or "omms" in text or "ommunicat" in text
        ends: bool | None = None  # (whether a period's end may be written: _may_end_period, once asked)
        last_end = -1  # (where the last period end read ends)
        deliv_end = -1  # (where the item's last deliverable's deadline ends, once one is read)
        has_since = "since" in text or "Since" in text
        notif = "otif" in proses[k]  # (once per item: a test per mention is quadratic in a long item)
        at_since = False  # (whether the item's time so far is one written after 'since')
        # ('open since 2025-10-01', 'from Oct 3': a past day a state began; once per item, not per mention)
        past_from = sec[2] is not None and (has_since or "rom" in text)
        first_end = 0  # (where the item's first time ends: the same stamp right after it is that time again)
        moves: bool | None = None  # (whether the item may write a move: _moves_something, once asked)
        # ('CHG-1 rescheduled from Wed 01:00 to Tue 01:00': the old slot and the new, no time of the item's)
        # ('cutover was 09:40, now 10:15': the same, written as what it was and is now)
        old_new = _moved_from_to(proses[k], found[k]) if len(found[k]) > 1 and (
            "from" in proses[k] and _moves_something(proses[k]) or "now" in proses[k] and "was" in proses[k]
        ) else None
        # ('Wednesday 8 October. ... a go/no-go at 15:00 on Friday 24 October': written on the 8th, its
        # later day's time is a plan, not the paragraph's time)
        para_day = _opening_day(proses[k], found[k], _zone or tz) if kind_of_item == "paragraph" else None
        para_go = para_day is not None and "go" in proses[k].lower()  # (once per item: a go/no-go word)
        moved_ahead = False  # (whether a slot moved to a later day than the section's was read: a plan)
        # ('up at 09:00 PDT / 16:00 UTC / 18:00 CEST': one instant written in three zones; once per item)
        equiv = "/" in proses[k] and len(found[k]) > 1
        prev_zoned: _times.TimeMention | None = None  # (the last zoned time read, when equiv)
        for m in found[k]:
            mbw: bool | None = None  # (moved_by_word of this mention, once asked: it is asked up to 3 times)
            if upd and m.at is not None and m.keyword != "update" and ex.update_promise(proses[k], m.start):
                m = replace(m, is_deadline=True, keyword="update")
            elif m.is_deadline and m.keyword in _ETA_PROMISE_KWS and ex.eta_promise(proses[k], m.start):
                m = replace(m, keyword="ETA update")  # ("we'd have an ETA for them by noon": the ETA's)
            elif m.is_deadline and m.keyword != "missed" and ex.deliverable_promise(
                proses[k], m.start, kind_of_item == "table"
            ):  # ('RCA ETA 2025-10-14', '| INC-1 | incident report | Mon 13 Oct |': kept by its delivery)
                m = replace(m, keyword="postmortem")
            elif m.is_deadline and m.keyword != "missed" and notif and ex.notification_promise(
                proses[k], m.start
            ):  # ('Regulatory notification deadline: ... 2025-10-10 08:14 UTC': kept by the notice sent)
                m = replace(m, keyword="notification")
            elif m.is_deadline and deliv_end >= 0 and promise_kind(m.keyword) == "promise" and (
                ex.is_replacement(proses[k], m.start)
            ) and _CLAUSE_STOP.search(proses[k], deliv_end, m.start) is None:
                m = replace(m, keyword="postmortem")  # ('RCA missed Thu 17:00 - new ETA Mon': the RCA's)
            if m.is_deadline and m.at is not None and (m.keyword == "postmortem" or (
                m.keyword == "missed" and ex.deliverable_promise(proses[k], m.start)
            )):
                deliv_end = m.end
            if m.at is None:
                if m.problem:
                    problems.append((line, "time", m.raw, m.problem))
                continue
            if equiv and m.zone is not None and m.precision != "day":
                if prev_zoned is not None and m.zone != prev_zoned.zone and (
                    m.start - prev_zoned.end <= 5 and proses[k][prev_zoned.end:m.start].strip() == "/"
                ):
                    if m.at != prev_zoned.at:
                        problems.append((line, "time", m.raw, _EQUIV_DISAGREE.format(prev_zoned.raw)))
                    # (the same instant again, in another zone: one mention, the first; the next one
                    # written after it is compared with the first)
                    prev_zoned = replace(m, at=prev_zoned.at, raw=prev_zoned.raw)
                    continue
                prev_zoned = m
            if not m.is_deadline and tks_all[k] and not m.is_stamp and (
                mbw := _times.moved_by_word(proses[k], m.start)
            ) and (kw := _promised(acc.deadline_rows, tks_all[k])) is not None:
                m = replace(m, is_deadline=True, keyword=kw)  # ('REL-901 slipped to Oct 22': its due moved)
            elif m.keyword in ("until", "till") and tks_all[k] and (
                mbw if mbw is not None else (mbw := _times.moved_by_word(proses[k], m.start))
            ) and (kw := _promised(acc.deadline_rows, tks_all[k])) is not None:
                m = replace(m, keyword=kw)  # ('CHG0012345 postponed until Oct 15 22:00': the window moved)
            elif not m.is_deadline and not m.is_stamp and (
                mbw if mbw is not None else (mbw := _times.moved_by_word(proses[k], m.start))
            ) and (kw := (
                (_planned(acc, source, tks_all[k]) or _planned_here(proses[k], m.start))
                if tks_all[k] else _promised_alike(acc.deadline_rows, source, proses[k][:m.start])
            )) is not None:
                # ('CHG-2104 moved to Mo 13.10. 10:00' after its planned window; 'RC2 sign-off moved to Fri
                # noon' after 'Sign-off deadline for RC1: Thu 6 p.m.', no ticket: the same subject's)
                m = replace(m, is_deadline=True, keyword=kw)
            if m.skipped:
                problems.append((line, "time", m.raw, _skipped_reason(m, _mention_zone(m, _zone or tz))))
            if m.zone_note is not None:  # ('14:00 EST (UTC+8)': read at UTC+8, which the row says)
                problems.append((line, "time", m.raw, m.zone_note))
            if old_new is not None and not m.is_deadline and m.start in old_new:
                if not old_new[m.start] or not tks_all[k]:
                    # (the old slot: when it was no more; the new one with no ticket: a plan)
                    moved_ahead = moved_ahead or bool(old_new[m.start]) and _later_day(m, sec[2], _zone or tz)
                    continue
                m = replace(m, is_deadline=True, keyword="window")  # (the change's new window, as planned)
            elif para_day is not None and not m.is_deadline and m.has_date and (
                m.at.astimezone(_mention_zone(m, _zone or tz)).date() > para_day
            ):
                if not para_go or _GO_NO_GO_BEFORE.search(proses[k], max(0, m.start - 60), m.start) is None:
                    continue  # (a later day's time in a dated paragraph: a plan, not when it was written)
                m = replace(m, is_deadline=True, keyword="go/no-go")
            elif not m.is_deadline and not m.is_stamp and dls and (
                _after_planned_window(m, dls[-1], sec[2], _zone or tz)
            ):
                continue  # ('Weekend: maintenance window Sat 02:00-04:00 UTC; Sun run may miss 07:00 IST')
            if m.is_deadline and (m.keyword != "window" or m.precision != "day" or tks_all[k]):
                dls.append(m)
                if not (m.keyword == "window" and m.until is not None and (
                    _times.downtime_range(proses[k], m.start))):
                    continue
                # ('Planned EHR downtime 0200-0400 tonight': the downtime's window, and when the plan is)
            # (a window's day of no ticket, 'Window: Thursday Oct 9, 2025.', is when the item is)
            if not m.is_stamp and (moves if moves is not None else (moves := _moves_something(text))) and (
                mbw or _times.moved_to_by_word(proses[k], m.start)  # (a move by word is a move to)
            ):
                # (where something moved to, 'standup moved to 10:00', is not when the item was; to a later
                # day than the section's, 'PSYC105 postponed to Friday 17 October', a plan)
                moved_ahead = moved_ahead or _later_day(m, sec[2], _zone or tz)
                continue
            if ends is None:
                ends = _may_end_period(text)
            if ends and (_ends_period(proses[k], m.start) or last_end >= 0 and _PERIOD_TO.fullmatch(
                proses[k], last_end, m.start
            )):
                last_end = m.end
                continue  # ('cert valid to 2025-12-01', 'EOL 2026-01-31': how long it lasts, not when)
            if not times and m.has_date and m.precision != "day" and sec[2] is not None:
                # ('NOC-313 maintenance Sat 10/11 02:00 CDT; we will drain by 01:45 CDT' under Friday:
                # the item was not written at 02:00 Saturday; its deadlines were dated by it, times.py)
                planned_ref = m.at.astimezone(_mention_zone(m, _zone or tz)).date() > sec[2]
                ref_start = m.start
            if m.precision == "day" and "for" in proses[k][max(0, m.start - 12):m.start] and (
                _times.names_what(proses[k], m.start, m.end)
            ):
                continue  # ('deadline for the Oct 9 marketing push: ...': the push's date, not the item's)
            if len(times) == 1 and m.at == times[0] and _SAME_STAMP_GAP.fullmatch(
                proses[k], first_end, m.start
            ):
                continue  # ('[10:12Z] 10:12Z failover started': the stamp written again, one time)
            if not times:
                first_end = m.end
            times.append(m.at)
            if past_from and _past_from(proses[k], m, sec[2], _zone or tz):
                continue  # ('DB-7 lag open since 2025-10-01' under Oct 8: when it began, not the item's time)
            # ('no reply since Thu 17:45; reminder sent 09:00': 17:45 is an earlier event's, the item's
            # time is 09:00)
            # (searched only when it is read: for a mention the item's time may become, or after one
            # written after 'since')
            since: bool | None = None
            if at == _NAT or (prec == "day" and m.precision != "day") or at_since and not (
                since := has_since and _SINCE_TIME.search(
                    proses[k], max(0, m.start - 96), m.start) is not None
            ) and (m.precision != "day" or prec == "day"):  # a time beats a bare date
                if since is None:
                    since = has_since and _SINCE_TIME.search(
                        proses[k], max(0, m.start - 96), m.start) is not None
                at, prec, at_since = (m.at - epoch) // us, m.precision, since
                end = _NAT if m.until is None else (m.until - epoch) // us
        if prec == "day" and "\u2705" in text and (done := _done_day(proses[k], found[k])) is not None:
            # ('➕ 2025-10-06 📅 2025-10-08 ✅ 2025-10-10': done on the 10th, not created on the 6th)
            at, end = (done - epoch) // us, _NAT
        if at != _NAT:
            if parents is not None:
                timed[k] = (at, prec)
            if chat_of and k in heads:
                head_at[k] = (at, prec)
        elif chat_of and (h := chat_of.get(k)) is not None and (up := head_at.get(h)) is not None:
            at, prec = up  # ('Alice Wong  10:42 AM' then '- escalated to the vendor': sent at 10:42)
            if parents is not None:
                timed[k] = up
        elif parents is not None and parents[k] >= 0 and (up := timed[parents[k]]) is not None:
            at, prec = up  # ('- 09:05 OPS-1 paged' > '  - vendor looped in': the parent's time)
            timed[k] = up
        else:
            if sec[4] != _NAT:
                at, prec = sec[4], sec[5]
                if text[:8].find("T") >= 0 and sec[0] and "T0" in sec[0] and sec[5] != "day" and (
                    off := _t0_offset(text)
                ) is not None:
                    at = at + off * 60_000_000  # ('T+15m: IC declared' under '## Timeline (T0 = 14:02 UTC)')
                    if parents is not None:
                        timed[k] = (at, prec)
            elif sec[3] != _NAT:
                at, prec = sec[3], "day"
        if prec is not None:
            # 'ETA 30 min': due that long after the item's time (known to the minute); 'ETA ~2 days'
            # after its day, when only that is known
            rel = ex.duration_deadline(proses[k])
            if rel is not None and any(
                m.start < rel[3] and rel[2] < m.end and m.precision != "day" for m in found[k]
            ):
                rel = None  # ('ETA 17h UTC': a time of day, read as one, no duration)
            elif rel is not None and any(m.start < rel[3] and rel[2] < m.end for m in found[k]):
                # ('due in 2 days': the span times read it to the day; the duration from the item's time
                # is the finer reading, that one only)
                dls = [m for m in dls if not (m.start < rel[3] and rel[2] < m.end)]
            if rel is not None and (prec != "day" or rel[0] % 1440 == 0):
                due = epoch + dt.timedelta(microseconds=at) + dt.timedelta(minutes=rel[0])
                kw = rel[1]
                if kw != "update" and ex.deliverable_promise(proses[k], rel[2]):
                    kw = "postmortem"  # ('postmortem due in 2 days': kept by its delivery, as a dated one)
                # ('critical patch within 72h, i.e. by Fri 2025-10-10 11:00 UTC' written at Tue 11:00: the
                # time after it spells the duration out, one promise, the duration's)
                dls = [m for m in dls if not (m.start >= rel[3] and m.at == due)]
                dls.append(_times.TimeMention(
                    start=rel[2], end=rel[3], raw=proses[k][rel[2]:rel[3]], at=due, until=None,
                    precision="day" if prec == "day" else "minute", has_date=True, zone=None,
                    is_deadline=True, keyword=kw, problem=None,
                ))
            elif rel is None and (bd := ex.bday_deadline(proses[k])) is not None and not any(
                m.is_deadline for m in found[k]
            ):
                # ('14:00 HD-5521 assigned to AV team, target 2 working days' on a Monday: Wednesday 14:00,
                # in the item's zone; known only to its day, that day's date, as a date-only deadline is kept)
                local = (epoch + dt.timedelta(microseconds=at)).astimezone(
                    dt.UTC if prec == "day" else _zone or tz or dt.UTC)
                due = dt.datetime.combine(
                    ex.add_business_days(local.date(), bd[0]), local.time(), local.tzinfo)
                kw = bd[1]
                dls.append(_times.TimeMention(
                    start=bd[2], end=bd[3], raw=proses[k][bd[2]:bd[3]], at=due.astimezone(dt.UTC), until=None,
                    precision="day" if prec == "day" else "minute", has_date=True, zone=None,
                    is_deadline=True, keyword=kw, problem=None,
                ))
            elif rel is not None:
                # ('ETA ~2h' in an item known only to its day: due two hours after a time nobody wrote;
                # no guess, and no silence either: a problem naming it)
                problems.append((line, "time", proses[k][rel[2]:rel[3]], _NO_ITEM_TIME))
        if dls and ("reached" in (low_k := proses[k].lower()) or "passed" in low_k) and any(
            m.keyword == "cutoff" for m in dls
        ):
            # ('17:30 cut-off 17:30 CET reached', 'cutoff passed at 17:30': the calendar's fact, no promise)
            dls = [m for m in dls if not (
                m.keyword == "cutoff" and ex.cutoff_reached(proses[k], m.start, m.end))]
        if dls and (flags & _CANCELLED or "\u274c" in text and (
            _CANCEL_END.search(text) if not flags & _TASK else _CANCEL_MARK.search(text)
        )):
            dls = []  # (a cancelled task, '- [-] ...' or Obsidian's '❌ 2025-10-08', promises nothing now)
        if dls and kind_of_item == "table" and "* *" in text and ex.cron_schedule(text):
            # ('| finance_daily | 30 23 * * * | Ravi | finance mart fresh by 07:00 IST |': a scheduled job's
            # standing target, every run's; no one deadline of the day the table was written)
            dls = []
        w = kws[k]
        kind, level = classify(kind_texts[k], w, bool(dls), bool(flags & _TICKED), bool(flags & _TASK))
        if flags & _SUBTASK and kind == "resolved" and not owns[k] and (flags & _TICKED or "\u2705" in text):
            kind = "status"  # (a done step of an open task, 'snapshot taken ✅ ...': the ticket goes on)
        elif kind == "resolved" and not owns[k] and tks_all[k] and (
            ex.step_done(sec[0], kind_texts[k])
        ):
            # ('21:10 snapshot complete' under '# Migration journal (DBA-318)', '1. Block list review —
            # done' under '### Eradication checklist (SEC-812)': a step)
            kind = "status"
        elif kind == "resolved" and tks_all[k] == owns[k] and ex.done_before_opened(kind_texts[k], owns[k]):
            kind = "status"  # ('CDN pre-warm done. BCST-4412 opened for the shortfall': the ticket has begun)
        elif kind == "note" and planned_ref and ex.milestone_at(proses[k], ref_start):
            kind = "plan"  # ('Release cut Thursday 17:00 CET' under Wednesday: the cut is to come then)
        elif end != _NAT and kind in ("status", "note") and ex.past_outage(kind_texts[k]):
            kind = "resolved"  # ('PLAT-318 outage 12:10-13:25': it began at 12:10 and was over at 13:25)
        elif kind == "note" and moved_ahead and not tks_all[k]:
            kind = "plan"  # ('09:10 PSYC105 postponed to Friday 17 October': the exam is to come then)
        elif kind == "resolved" and ex.go_for_later(kind_texts[k]):
            kind = "plan"  # ('CHG-20417 status: GO for Sat. Comms sent, banner config merged': to come Sat)
        elif kind in ("status", "note") and ex.tonight_window(kind_texts[k]):
            kind = "plan"  # ('maintenance outage tonight 22:00-23:00': to come tonight)
        elif kind == "note" and not times and prec == "day" and sec[2] is not None and sec[3] == at and (
            ahead := ex.day_part_ahead(proses[k], sec[2])
        ):
            kind = "plan"  # ('HD-5521 AV engineer on site Wednesday morning.' under Tuesday: Wednesday's)
            at += ahead * 86_400_000_000
        tks = tks_all[k]
        refs = [t for t in refs_all[k] if t not in tks] if refs_all[k] else refs_all[k]
        if kind_of_item == "paragraph" and (not (
            found[k] if is_field(text) else found[k] or dls or owns[k] or kind in _TELLING
        ) or not owns[k] and _declared_zone(text) is not None):
            continue  # (nothing happened; 'Times in ET (UTC-4 until Nov 2, UTC-5 after).' is a note)
        # one tuple per event, in EVENT_COLUMNS order; columns are made once in _Acc.build
        shared = (
            tks, refs, artifacts(text, proses[k]), ex.channels(text) if "#" in text else [],
            ex.urls(text) if "://" in text else [], http_status(text), times, kind_of_item, depth, text,
        )
        steps = _steps(
            proses[k], found[k], kind_of_item == "table" and _LIFE_RESOLVED in proses[k],
            kind_of_item == "table",
        ) if len(times) > 1 else None
        # '- REL-42: 3 failures, filed QA-315' > '- QA-315 is a dup of QA-290': a nested item that opens
        # with a ticket of its own speaks of that one; what it inherits only keeps it as a note
        aside = _inherited(tks, owns[k]) if (
            depth and owns[k] and len(tks) > len(owns[k]) and steps is None and kind != "note"
            and (end == _NAT or kind != "resolved") and _opens_with(proses[k], owns[k])
        ) else None
        if aside:
            tks = [t for t in tks if t not in aside]
            aside_row = (source, line, sec[0], sec[1], at, prec, end, "note", 0, aside, *shared[1:])
            shared = (tks, *shared[1:])
        if steps is None and kind == "resolved" and end != _NAT:
            # '[RESOLVED] ... Starts at 14:02:11 UTC, Ends at 15:48:30 UTC', 'resolved; outage
            # 14:02-15:47': what was resolved began at the start, and was resolved at the end
            n_events += 2
            E((source, line, sec[0], sec[1], at, prec, end, "note", 0, *shared))
            E((source, line, sec[0], sec[1], end, prec, _NAT, kind, level, *shared))
        elif steps is None and (groups := _ticket_groups(kind_texts[k], owns[k], kind, level, w)) is not None:
            # 'INC-4830 resolved; created OPS-333': one event per group of tickets, with its own kind
            inherited = _inherited(tks, owns[k])
            if inherited and depth and groups[0][1] != "note" and _opens_with(proses[k], owns[k]):
                # (as above: what it inherits keeps it as a note)
                aside_row = (source, line, sec[0], sec[1], at, prec, end, "note", 0, inherited, *shared[1:])
                tks = [t for t in tks if t not in inherited]
                inherited = []
            for i, (group, g_kind, g_level) in enumerate(groups):
                if refs and group:  # ('OPS-6 dup of OPS-2, closed': OPS-2 is no ticket of the item's)
                    group = [t for t in group if t not in refs]
                    if not group and i:
                        continue
                if i == 0:
                    group = group + inherited
                n_events += 1
                E((source, line, sec[0], sec[1], at, prec, end, g_kind, g_level, group, *shared[1:]))
        elif steps is None:
            n_events += 1
            ev_at, ev_prec = at, prec
            if prec is not None and prec != "day" and end == _NAT and len(found[k]) > 1 and (
                day := _step_day(proses[k], found[k], 0, len(proses[k]), kind, sec[2], _zone or tz,
                                 weeks is not None and weeks[k])
            ) is not None:
                ev_at, ev_prec = day  # ('09:40 OPS-309 resolved yesterday': resolved that day)
                told = _told_before(proses[k], found[k], day)
                if told is not None:
                    # ('PLAT-910 paged us twice (Wednesday 3:12am ...); I escalated it to the platform
                    # director on Saturday': the pages at their time, the escalation on its day)
                    t_kind, t_level = classify(told[1], ex.keywords(told[1]), False)
                    n_events += 1
                    E((source, line, sec[0], sec[1], at, prec, end, t_kind, t_level, *shared))
            if kind == "escalation" and not w.isdisjoint(ex.ACK) and _acked_too(kind_texts[k]):
                # ('acked by Wei; paged the incident commander': the ack is the first response, at its time)
                n_events += 1
                E((source, line, sec[0], sec[1], ev_at, ev_prec, end, "acknowledged", 0, *shared))
            E((source, line, sec[0], sec[1], ev_at, ev_prec, end, kind, level, *shared))
        else:  # 'paged 03:40 UTC, resolved 04:05 UTC': one event per step, at its own time
            n_events += len(steps)
            shared = (*shared[:-1], clip_text(text))  # (as a deadline row's: a blob of steps)
            per_step = _step_tickets(proses[k], steps, owns[k], tks) if len(owns[k]) > 1 else None
            for i, (m, step_kind, step_level, lo) in enumerate(steps):
                ev_at, ev_prec = (m.at - epoch) // us, m.precision
                if step_kind == "resolved" and not owns[k] and tks_all[k] and (
                    ex.step_done(sec[0], kind_texts[k])
                ):
                    # ('Promote `orders-pg16` — `pg_ctl promote` done 14:01' in its thread: every
                    # resolution word of the item a step, as above; read whole, with the code span
                    # the prose blanks)
                    step_kind = "status"
                # (the first step is the stamp's: '09:40 OPS-1 blocked yesterday, resolved 04:05')
                if i == 0 and m.until is None and (day := _step_day(
                    proses[k], found[k], lo, steps[1][3], step_kind, sec[2], _zone or tz
                )) is not None:
                    ev_at, ev_prec = day
                E((source, line, sec[0], sec[1], ev_at, ev_prec,
                   _NAT if m.until is None else (m.until - epoch) // us, step_kind, step_level,
                   *(shared if per_step is None else (per_step[i], *shared[1:]))))
        if aside_row is not None:
            n_events += 1
            E(aside_row)
            aside_row = None
        if dls:
            missed = ex.stated_missed(kind_texts[k], w)
            # ('17:00 deadline not met yet': missed when the item is written after it, else still open)
            pending = not missed and ex.unmet(kind_texts[k], w) == 2 and at != _NAT
            # ('17:00 export running late; ETA 20:00': the work is late, the ETA still ahead at the item's
            # own time: as pending; an item dated only by its day has no time to tell 'ahead' by)
            late = missed and at != _NAT and prec != "day" and ex.behind_only(kind_texts[k], w)
            # a deadline written as the one missed ('missed the 10:30 update') takes the item's miss
            # alone: 'ETA 11:15 (missed the 10:30 update)' did not miss 11:15
            named = missed and any(m.keyword == "missed" for m in dls)
            # and one written as the old one ('ETA Oct 31 (was Oct 24, slipped)') takes it alone too
            formers = [ex.is_former(proses[k], m.start) for m in dls] if (
                missed and not named and len(dls) > 1) else None
            former = formers is not None and any(formers)
            # 'next update by 19:00 UTC; missed the 15:00 UTC ETA': the miss is the deadline's of its clause
            own = None
            if missed and not named and len(dls) > 1:
                own = _clause_misses(proses[k], dls)
                if formers is not None and former and own is not None and not any(
                    f and o for f, o in zip(formers, own, strict=True)
                ):
                    # ('ETA was 09:40, now 10:15. OPS-2 missed the 17:00 cut-off': the miss is stated in
                    # the cut-off's clause, not the old ETA's)
                    former = False
                elif former:
                    own = None
            # '10:00 OPS-1 missed again — ETA 17:00': a miss admitted next to deadlines all still ahead at
            # the item's own time (to the minute) is an earlier promise's; its rows wait here to be told so
            ahead: list[tuple[tuple, int, bool]] | None = [] if (
                missed and not named and not former and at != _NAT and prec != "day") else None
            dtext = clip_text(text)  # (one copy of it per deadline row)
            past: bool | None = None  # (whether the item tells of its ETA as past: searched once, not
            # per deadline, which made an item of thousands of ETAs quadratic)
            # (whether it writes a meridiem or a promise word: searched once too, when first asked; per
            # deadline they were quadratic on thousands of cutoffs or checkpoints in one item)
            meridiem: bool | None = None
            promise: bool | None = None
            undone: bool | None = None  # (whether it says what was promised has not come: once too)
            # 'OPS-1 ETA 17:00; OPS-2 ETA 18:00': each deadline is the tickets of its clause
            per = deadline_tickets(
                proses[k], owns[k], [m.start for m in dls], [m.end for m in dls], len(dls) > _MAX_DEADLINES
            ) if len(owns[k]) > 1 else None
            inherited = _inherited(tks, owns[k]) if per is not None else []  # (once, not per row)
            # ('Sony cert due Oct 16 (CERT-41); Xbox cert submitted 13:10, result ETA Fri': the ETA of a part
            # that opens with another subject of the same noun is no ticket's)
            others = other_subjects(proses[k], owns[k], [m.start for m in dls]) if owns[k] and (
                ";" in proses[k] or ". " in proses[k]) else None
            # 'ETA moved from 17:00 to 19:00', 'ETA 17:00; next ETA 19:00': 17:00 is no promise now
            # (unless the item says it was missed)
            old = _superseded(proses[k], dls, _whole(per, owns[k])) if len(dls) > 1 else None
            # 'OPS-54 blocked on DEPLOY-9, ETA 15:00': the ETA is OPS-54's, not its blocker's
            blocked = blockers(proses[k], owns[k]) if len(tks) > 1 else None
            if refs:  # ('OPS-5 ETA 17:00, see OPS-77': OPS-5's alone)
                blocked = blocked.union(refs) if blocked else set(refs)
            # ('OPS-5 ETA 17:00; OPS-6 ETA 18:00, see OPS-77': OPS-77 is 18:00's reference alone)
            part_refs = deadline_refs(proses[k], owns[k], refs, [m.start for m in dls]) if refs else None
            # ('| STD-102 | Blocked (waiting SEC-4) | +2d | SEC-4 approved 15:10 |': a deadline column's
            # cell is the row's key's, the first cell that names a ticket of the row's own)
            keyed = _row_key(proses[k], owns[k]) if kind_of_item == "table" and owns[k] else None
            for i, m in enumerate(dls):
                d_tks = list(tks) if per is None or per[i] is None else per[i] + inherited
                cell = None if keyed is None else _cell_key(proses[k], m.start, keyed)
                if cell is not None:
                    d_tks = cell
                if blocked:
                    d_tks = _subjects_of(d_tks, tks, blocked)
                if others is not None and others[i]:
                    d_tks = []
                if d_tks and m.keyword == "window" and _others_window(proses[k], m.start, d_tks):
                    d_tks = []  # ('INC0045150 opened; exam window 09:00-12:00 BST for PSYC105': the exam's)
                d_refs = [t for t in part_refs[i] if t not in d_tks] if part_refs is not None else refs
                # ('ETA moved to 18:00', 'slipped - new ETA 17:00': the promise moved, which supersedes the
                # ticket's earlier ones of its kind across items, :mod:`occ_lib.sla`)
                # (also 'ETA 10:15 (was 09:40)': the one it replaced written after it)
                moves = (ex.is_replacement(proses[k], m.start) or ex.is_replaced_after(
                    proses[k], m.end)) and not ex.is_former(proses[k], m.start)
                if not moves and d_tks and m.keyword in _times._REPORTED_KW:
                    # ('vendor says fix ships Mon 13 Oct' after 'vendor promised fix by Friday')
                    moves = _repromised(acc.deadline_rows, d_tks, proses[k], m.start)
                if moves and not d_tks and (prev := _previous_promise(
                    acc.event_rows, acc.deadline_rows, source, sec[0], line, m.keyword
                )) is not None:
                    d_tks = prev  # ('CLIN-5131 vendor ETA noon.' then '1215 ...; new ETA by 1700 local.')
                if named:
                    row_missed = m.keyword == "missed"
                elif former:
                    row_missed = ex.is_former(proses[k], m.start)
                else:  # (a replacement missed in turn says so in its own words: 'next ETA 19:00 missed too')
                    row_missed = missed and (own is None or own[i]) and (
                        not moves or _times.written_missed(proses[k], m.start, m.end, 0)
                    )
                behind = late and row_missed and not ex.behind_on(proses[k], m.end)
                if behind:
                    row_missed = False  # (decided once the due time is known, below, as a pending one)
                held = pending or behind
                due = m.until if m.keyword == "window" and m.until is not None else m.at
                # 'ETA 00:30' written at 23:40 (or in a section timed 23:40): the next 00:30, not the
                # one 23 hours before; '05:00 (+1)', '05:00 D+1': the next day, as written
                timed_sec = sec[4] != _NAT and sec[5] != "day"
                ref = times[0] if times else (
                    epoch + dt.timedelta(microseconds=int(sec[4])) if timed_sec else after.get(k))
                if not row_missed and ref is not None and due < ref <= due + _HALF_DAY and (
                    _BARE_HOUR.match(m.raw) is not None and (meridiem if meridiem is not None else (
                        meridiem := _MERIDIEM.search(text) is not None))
                ):
                    due += _HALF_DAY  # ('[10:55 AM] Sam: fix ETA 4:30': on a 12-hour clock, the 4:30 to come)
                # (a miss admitted next to it, not written on it: maybe an earlier promise's, so its
                # time is read as a promise's, '23:50 missed again — ETA 00:30' the next 00:30)
                earlier = ahead is not None and row_missed and not held and not _missed_on(
                    proses[k], m, dls[i + 1].start if i + 1 < len(dls) > _MAX_DEADLINES else None)
                if not row_missed and not held and ref is not None and due < ref <= due + _HALF_DAY and (
                    m.keyword in _PROMISED_KW and not m.has_date and m.precision != "day"
                ) and (undone if undone is not None else (undone := ex.undelivered(kind_texts[k]))):
                    # ('0905 CAD-1207 hotfix not delivered (promised 0900)': that promise missed, not the
                    # next day's 09:00)
                    row_missed = True
                if (not row_missed or earlier) and not m.has_date and m.precision != "day" and (
                    # (a go/no-go gates what comes after it: 'Release Thu 14:00 PT (go/no-go at 12:00 PT)'
                    # is that day's noon, not the next)
                    ref is not None and (ref - due > _HALF_DAY or due < ref and not held and (
                        not planned_ref and m.keyword != "go/no-go"
                    ) and (
                        # (a handoff's note, no time of its own under '### Handed to EU shift at 07:00',
                        # hands over what is still to come; so does a promise: 'vendor promised a
                        # patch by 06:00' written at 07:10)
                        not times and timed_sec and m.keyword != "window" and sec[0] is not None
                        and _HANDOFF.search(sec[0]) is not None
                        # (and so does a next update's: 'Next update NLT 0600' written at 1800; asked
                        # before the promise words, which are then not searched for it)
                        or m.keyword == "update"
                        or (promise if promise is not None else (
                            promise := _PROMISE.search(kind_texts[k]) is not None))
                    )) or _PLUS_ONE.match(proses[k], m.end)
                ):
                    if past is None:
                        past = _PAST_TENSE.search(text) is not None
                    if not past:
                        due = _next_day_due(m, due, _zone or tz)
                if cell is not None and d_tks:
                    # ('| 10/08 | STD-105 | New | 10/10 EOD |' under one day's heading, '| 10/10 | STD-105 |
                    # Blocked | Mon |' under a later one: the ETA moved, as a struck-out one says)
                    moves = _table_move(table_dues, d_tks, sec[1], (due - epoch) // us, m.keyword) or moves
                if behind or pending and not moves:
                    row_missed = (due - epoch) // us + (_DAY_US if m.precision == "day" else 0) <= at
                if old and i in old and not row_missed:
                    continue
                d_kw = m.keyword
                if d_kw == "SLA" and m.precision != "day" and (
                    breach := _times.sla_breach(proses[k], m.start)
                ) is not None and breach[0] == "SLA":
                    if at != _NAT and prec != "day":
                        if (due - epoch) // us <= at:
                            # ('10:00 OPS-1 SLA breach at 09:45': a report, the SLA missed then)
                            d_kw, row_missed = _times._MISSED_KW, True
                    elif not breach[1]:
                        continue  # ('SLA breach at 09:45' with no time of the item: a warning or a report)
                row = (source, line, sec[0], d_tks, d_refs, (due - epoch) // us,
                       "day" if m.precision == "day" else "minute", d_kw, dtext, row_missed, moves)
                if ahead is None:
                    DL(row)
                else:  # (still ahead at the item's time: a date-only one from its day's start; 'slipped -
                    # new ETA 17:00' written at 10:00: the miss is an earlier promise's, not the new one's,
                    # unless the item writes that one itself, struck out or in a tracker's original column)
                    ahead.append((row, i, (earlier or moves and missed and not row_missed and (
                        kind_of_item != "table" and ex.STRUCK_MARK not in proses[k])) and row[5] > at))
            if ahead:
                _earlier_miss(DL, ahead, old, refs)
        elif tks and not flags & _CANCELLED and ex.may_state_missed(w) and (_DEADLINE_NOUN.search(
            kind_texts[k]
        ) or _amount_of(kind_texts[k], w, tks)) and ex.stated_missed(kind_texts[k], w):
            # 'OPS-9 missed the deadline': a ticket's miss admitted with no due time written is still a
            # miss (one naming no ticket, 'updated the tracker with the missed deadline', says of nothing);
            # so is one told by its amount, which names what it missed ('the window overran by 48 min',
            # '1h10m late vs plan')
            DL((source, line, sec[0], list(tks), list(refs), _NAT, None, "missed", clip_text(text), True,
                False))
    return problems, n_events


def _amount_of(text: str, w: frozenset[str], tks: list[str]) -> bool:
    """Whether the item says its ticket missed by an amount (:func:`occ_lib._extract.missed_by_amount`),
    the ticket written before it: 'CHG-7 overran by 20 min' is CHG-7's, not 'batch overran by 40 min;
    OPS-118 opened' (the ticket raised for it)."""
    at = ex.missed_by_amount(text, w)
    return at is not None and any(0 <= text.find(t) < at for t in tks)


# a miss word right before a deadline's mention, a weekday or a determiner between at most, also as the
# old end of a move ('missed Thursday target', 'ETA slipped from Thu 10:00', 'blew the 17:00 ETA'; not
# 'missed again - ETA 17:00', 'Missed: ETA 17:00': an earlier promise's when 17:00 is still ahead)
_MISSED_JUST_BEFORE = re.compile(
    r"(?i:\b(?:missed|blew|blown|breached|slipped|overdue)(?:[^\S\n]+from)?"
    r"(?:[^\S\n]+(?:the|our|its|their))?(?:[^\S\n]+[a-z]+\.?)?[^\S\n]+)$"
)


def _missed_on(prose: str, m: _times.TimeMention, stop: int | None = None) -> bool:
    """Whether the miss is written on the deadline mention itself or after it ('ETA 17:00 slipped',
    'ETA 17:00 is late', 'failed to meet ETA 17:00', 'ETA 19:00; missed', 'Tue ETA slipped to Thu'):
    then it is that deadline's, whatever the item's time; one written only before it ('missed again -
    ETA 17:00') is not. ``stop``: where the text after it ends, the next deadline's mention in an item of
    more than :data:`_MAX_DEADLINES` (a pasted roll-up: each deadline's miss is told up to the next one;
    reading the whole rest of the item per deadline was quadratic)."""
    if _times.written_missed(prose, m.start, m.end, 0) or ex.behind_on(prose, m.end) or (
        _MISSED_JUST_BEFORE.search(prose, max(0, m.start - 40), m.start) is not None
    ):
        return True
    tail = prose[m.end:stop]
    return ex.stated_missed(tail, ex.keywords(tail))


def _earlier_miss(
    DL: Any, rows: list[tuple[tuple, int, bool]], old: set[int] | None, refs: list[str]
) -> None:
    """Add an item's deadline rows, each with whether the item's miss would fall on it though it is
    still ahead at the item's time and not written as the one missed: the miss is not its ('10:00
    OPS-1 missed again - ETA 17:00': 17:00 is the new promise; one the item supersedes is then dropped,
    as a superseded one not missed is). When no row is left missed, the miss is an earlier promise's:
    a row of those tickets with no due time, which :mod:`occ_lib.sla` gives to their latest deadline
    due by then."""
    tks: dict[str, None] = {}
    kept = False
    for row, i, ahead in rows:
        if ahead:
            tks.update(dict.fromkeys(row[3]))
            if old and i in old:
                continue
            row = (*row[:9], False, *row[10:])
        kept = kept or row[9]
        DL(row)
    if tks and not kept:
        first = rows[0][0]
        d_refs = [t for t in refs if t not in tks] if refs else list(refs)
        DL((first[0], first[1], first[2], list(tks), d_refs, _NAT, None, "missed", first[8], True, False))


# a word that names a promise with a due time ('missed the deadline', 'ETA missed', 'blew the SLA'): an
# item that states a miss of one without writing its time is an undated deadline row (not 'deploy slipped',
# 'running late': the work, not a promise; nor Go's 'context deadline exceeded', an error message)
_DEADLINE_NOUN = re.compile(
    r"(?i)\b(?:etas?|(?<!context\s)deadlines?|due\s+(?:date|time)s?|slas?|checkpoints?|cut-?offs?|target\s+dates?"
    r"|committed\s+date|frt)\b"  # (a help desk's first-response target: 'FRT breached by 20 min')
)


# more deadlines than a person writes in one item: a pasted export or roll-up ('OPS-1 ETA 01:00 missed;
# OPS-2 ETA 02:00 missed; ...'), whose every row would carry all of its tickets (rows x tickets: time and
# memory squared); as _MAX_STEPS for timed clauses (:func:`occ_lib._subjects.deadline_tickets`)
_MAX_DEADLINES = 24


def _done_day(prose: str, mentions: list[_times.TimeMention]) -> dt.datetime | None:
    """The date written after Obsidian's done mark (``✅ 2025-10-10``): a done task's time, whatever
    date (created ➕, started 🛫, scheduled ⏳) is written before it."""
    for m in mentions:
        if m.at is not None and not m.is_deadline and m.precision == "day":
            j = m.start
            while j and prose[j - 1].isspace():
                j -= 1
            if prose[j - 1:j] == "\u2705":
                return m.at
    return None


def _mention_zone(m: _times.TimeMention, zone: dt.tzinfo | None) -> dt.tzinfo:
    """The zone ``m`` was read in: the one written on it, else the item's."""
    return (_times.zone_named(m.zone) if m.zone else None) or zone or dt.UTC


# (read again on the next day, a time is 23 to 25 hours later; 'midnight', read as the end of its day,
# read again on the date of that end would be two days later: shifted by the wall clock instead)
_NEXT_DAY_MAX = dt.timedelta(hours=26)


def _next_day(m: _times.TimeMention, zone: dt.tzinfo | None) -> _times.TimeMention:
    """``m`` read again on the next day in its zone: the night clocks change is not 24 hours long,
    and '02:30 CET' names the second 02:30 of that night."""
    tz = _mention_zone(m, zone)
    assert m.at is not None
    again = _times.find_times(m.raw, day=m.at.astimezone(tz).date() + _ONE_DAY, tz=tz)
    if (len(again) == 1 and again[0].at is not None and again[0].precision == m.precision
            and _HALF_DAY < again[0].at - m.at <= _NEXT_DAY_MAX):
        return replace(m, at=again[0].at, until=again[0].until if m.until is not None else None)
    until = None if m.until is None else _times.wall_shift(m.until, tz, _ONE_DAY)
    return replace(m, at=_times.wall_shift(m.at, tz, _ONE_DAY), until=until)


# what ends a clause for the miss a clause states: ';', a sentence's end, a spaced dash or an em dash
# (not a comma: 'ETA 12:00, 15:00 missed' may be a list)
_MISS_CLAUSE = re.compile(r"[;!?|\n]|\.(?=\s)|\s(?:--?|[\u2013\u2014])\s|\u2014")


# a window that is another thing's, named before its time: an exam's ('exam window 09:00-12:00 BST for
# PSYC105', 'assessment window'), always; a maintenance's in a clause of its own after an incident's
# ticket ('INC0045151 opened; maintenance window 22:00-23:00 for the DB'): no target of the ticket
_EXAM_WINDOW = re.compile(
    r"(?i:\b(?:exams?|assessments?|tests?|quiz(?:zes)?|sittings?)[^\S\n]+windows?\b)[^\d;.]{0,12}$"
)
_MAINT_WINDOW = re.compile(r"(?i:\b(?:maintenance|maint\.?)[^\S\n]+windows?\b)[^\d;.]{0,12}$")
_CLAUSE_BREAK = re.compile(r"[;.!?](?:\s|$)")


def _others_window(prose: str, start: int, tks: list[str]) -> bool:
    """Whether the window deadline at ``start`` of ``prose`` is an exam's, or a maintenance's written in a
    clause of its own after an incident's tickets (:data:`_EXAM_WINDOW`, :data:`_MAINT_WINDOW`), not a
    target of the item's tickets ``tks``."""
    lo = max(0, start - 40)
    low = prose[lo:start].lower()
    if "window" not in low:
        return False
    if _EXAM_WINDOW.search(prose, lo, start) is not None:
        return True
    m = _MAINT_WINDOW.search(prose, lo, start)
    if m is None or not all(t.startswith("INC") for t in tks):
        return False
    lo = max(0, m.start() - 200)  # (a clause's reach: an item of thousands of windows stays linear)
    cut = -1
    for c in _CLAUSE_BREAK.finditer(prose, lo, m.start()):
        cut = c.end()
    return cut >= 0 and not any(t in prose[cut:start] for t in tks) and any(
        t in prose[max(0, cut - 200):cut] for t in tks)


def _clause_misses(prose: str, dls: list[_times.TimeMention]) -> list[bool] | None:
    """Per deadline of a missed item, whether the clause it is written in states the miss ('next update
    by 19:00 UTC; missed the 15:00 UTC ETA': 15:00 only; 'ETA 19:00 UTC; the 15:00 UTC checkpoint was
    missed'; a clause that holds none and names one by its keyword is that one's: 'checkpoint 15:00 UTC;
    ETA 22:00 UTC; the checkpoint was missed', :func:`_named_deadline`); None when no deadline's clause
    states one, or a clause that holds no deadline and names none does too ('ETA 12:00; checkpoint 10:00;
    both slipped'), which may be any deadline's: then the item's miss is each one's, as before. A clause
    break inside a mention ('ETA Fri. 10:00') joins its clauses; a deadline written as the new one is
    left to :func:`occ_lib._extract.is_replacement` (True here)."""
    cuts = [0]
    for b in _MISS_CLAUSE.finditer(prose):
        cuts += (b.start(), b.end())
    cuts.append(len(prose))
    ends = cuts[1::2]  # clause j is prose[cuts[2j]:cuts[2j + 1]]
    spans: list[tuple[int, int] | None] = []
    for m in dls:
        if ex.is_replacement(prose, m.start):
            spans.append(None)  # (the new one: 'due Oct 17 - slipped, new ETA Oct 30' tells of the old one)
            continue
        j = bisect.bisect_right(ends, m.start)  # (the first clause ending after the mention's start)
        e = bisect.bisect_left(ends, m.end)  # (the clause the mention ends in)
        spans.append((cuts[2 * j], cuts[2 * min(e, len(ends) - 1) + 1]))
    said: dict[tuple[int, int], bool] = {}
    for span in spans:
        if span is not None and span not in said:
            part = prose[span[0]:span[1]]
            said[span] = ex.stated_missed(part, ex.keywords(part))
    covered = sorted(said)
    named: list[tuple[int, int]] = []
    for j in range(len(ends)):
        lo, hi = cuts[2 * j], cuts[2 * j + 1]
        k = bisect.bisect_right(covered, (lo, len(prose) + 1)) - 1
        if k >= 0 and covered[k][0] <= lo and hi <= covered[k][1]:
            continue  # (a deadline's clause, read above)
        part = prose[lo:hi]
        if ex.stated_missed(part, ex.keywords(part)):
            span = _named_deadline(part, dls, spans)
            if span is None:
                return None
            named.append(span)  # ('ETA 22:00 UTC; the checkpoint was missed': the checkpoint's miss)
    for span in named:
        said[span] = True
    if not any(said.values()):
        return None
    return [span is None or said[span] for span in spans]


# the deadline nouns a clause may name a deadline by ('the checkpoint was missed', 'we missed the due time')
_NAMING_KEYWORDS = frozenset({"eta", "deadline", "checkpoint", "due", "target", "cutoff", "cut-off", "slot"})


def _named_deadline(
    part: str, dls: list[_times.TimeMention], spans: list[tuple[int, int] | None]
) -> tuple[int, int] | None:
    """The clause span of the one deadline whose keyword the clause ``part``, which holds none, names
    ('due 15:00 UTC; ETA 22:00 UTC - we missed the due time': the due one); None when it names none, or
    more than one deadline has a keyword it names."""
    w = ex.words(part)
    found: tuple[int, int] | None = None
    for m, span in zip(dls, spans, strict=True):
        kw = (m.keyword or "").lower()
        if span is None or kw not in _NAMING_KEYWORDS or kw not in w:
            continue
        if found is not None:
            return None
        found = span
    return found


def _next_day_due(m: _times.TimeMention, due: dt.datetime, zone: dt.tzinfo | None) -> dt.datetime:
    """The deadline ``due`` of ``m`` on the next day ('ETA 00:30' written at 23:40)."""
    if due is m.at:
        return _next_day(m, zone).at or due
    return _times.wall_shift(due, _mention_zone(m, zone), _ONE_DAY)


_PLUS_ONE = re.compile(r"\s*(?:\(\+1\)|\+1d?\b|\(?D\+1\)?)")


# HTML that GitHub and pasted pages leave in markdown: a line break inside a table cell or an item
# ('14:05 ack by Sam<br>14:10 rollback started') and the tags around folded notes
_BR = re.compile(r"(?i:\s*<br\s*/?>\s*)")
_TAG = re.compile(
    r"(?i:</?(?:details|summary|p|div|span|b|i|em|strong|sub|sup|kbd|small|u|s)\b[^<>]{0,200}>)"
)


def _without_tags(text: str) -> str:
    """``text`` without those tags; a ``<br>`` is a clause break (``; ``), and a struck-out part
    (``<del>``, ``<s>``, ``<strike>``) is written as markdown strikes it (``~~Oct 10~~``)."""
    if "<" in text and _STRIKE_TAG.search(text):
        text = _STRIKE_TAG.sub(lambda m: f"~~{m.group(2)}~~", text)
    return _TAG.sub("", _BR.sub("; ", text)).strip()


_STRIKE_TAG = re.compile(r"(?i)<(del|s|strike)\b[^<>]{0,200}>([^<>~\n]{1,200})</\1\s*>")


# what ends one step of an item and starts the next: '; ', ', ', '. ', a dash, 'then', an arrow
# ('resolved 08:51 → reopened 09:30 → resolved 11:10', 'triaged 09:00 -> fixed 10:10'), a spaced plus
# before a clause in lower case ('hotfix deployed 14:00 + health check green 14:10'; not 'OPS-1 + OPS-2')
# (a colon before a quotation opens one: '09:10 BST pasted from #sre: "[08:05Z] INC-1 escalated ..."' is
# the paste and the step it quotes, at the quote's own time)
_STEP_BREAK = re.compile(
    r"[;,.]\s|:\s*[\"\u201c]|\s[\u2013\u2014-]\s|\s\+\s(?=[a-z])|\bthen\b|\s*(?:\u2192|-{1,2}>|=>)\s*"
    r"|\s\("  # (an aside that tells a later step at its time: 'failover started (restored 10:37)')
)


# a table cell that tells what was done at its time ('shipped 17:42', 'done 10:05', 'resolved at 11:30'):
# a step of the row after its planned time
_CELL_STEP = re.compile(
    r"[^\S\n]*(?i:shipped|released|deployed|done|completed|finished|resolved|fixed|closed|merged|landed"
    r"|rolled[^\S\n]+out)(?:[^\S\n]+(?:at|@))?[^\S\n]*$"
)


def _night_range(h: _times.Heading, zone: dt.tzinfo | None) -> tuple[dt.date, float] | None:
    """For a heading whose time range runs past midnight (``## 2025-10-07 night shift (22:00–06:00)``,
    ``(6pm – 6am PT)``): its date and the wall-clock hour before which an item under it is the next
    day's: 6 hours after the range's end, or halfway from its end to its start when that is sooner
    (22:00-06:00: 12:00; 23:00-02:00: 08:00, so the morning's announcement stays on the day). None for
    any other heading."""
    assert h.at is not None and h.until is not None and h.date is not None
    clock = (_times.zone_named(h.zone) if h.zone else None) or zone or dt.UTC
    start, end = _hours_after(h.at, clock, h.date), _hours_after(h.until, clock, h.date)
    if not (0 <= start < 24 <= end < 48):
        return None
    return h.date, min(end - 24 + 6, (end - 24 + start) / 2)


# a runbook's offset from its start ('T+00:15 — start pg_dump', 'T+45m', 'T+2h'), opening an item;
# and the start it is counted from, the time written after 'T+00:00' or 'T0' ('Start time (T+00:00) =
# 22:00 CDT', 'T0 = 22:00 CDT')
# (before it too, a T-minus: 'T-15m (0145): switched to manual cards'; the start also 'T = 0200 hrs')
_OFFSET_VALUE = (
    r"T\s?(?P<sign>[+\-\u2212])\s?(?:(?P<h>\d{1,2}):(?P<m>\d{2})|(?P<n>\d{1,3})\s*(?P<u>m|mins?|h|hrs?)\b)"
)
_OFFSET = re.compile(r"[\W_]*" + _OFFSET_VALUE)
_ZERO = re.compile(r"\bT(?:\+0{1,2}:00|0)\b|\bT\s?=\s?(?=\d)")
# a deadline written as an offset from the start, inside an item: 'G2 (due T+05:00) missed', 'ETA T+2h',
# 'target T+45m' (a T with no unit, 'T+1 settlement', is a trade's day count, no time)
_DUE_OFFSET = re.compile(
    r"(?<![\w-])(?P<kw>due|by|ETA|eta|target|deadline)\s*:?\s+(?<![\w+-])" + _OFFSET_VALUE
)
_OFFSET_KW = {"due": "due", "by": "by", "eta": "ETA", "target": "target", "deadline": "deadline"}


def _offset_minutes(m: re.Match[str]) -> int:
    """The signed minutes of an offset from the start (:data:`_OFFSET_VALUE`)."""
    minutes = int(m["h"]) * 60 + int(m["m"]) if m["h"] else int(m["n"]) * (
        60 if m["u"].startswith("h") else 1)
    return -minutes if m["sign"] != "+" else minutes


def _offsets(proses: list[str], found: list[list[_times.TimeMention]]) -> None:
    """In place: an item that opens with its offset from the runbook's start (``T+02:05 — copy
    complete``) and writes no time of its own is timed at that start plus the offset, once an item
    before it has said when ``T+00:00`` is (``Start time (T+00:00) = 22:00 CDT``: the first time written
    after it)."""
    start: dt.datetime | None = None
    for k, prose in enumerate(proses):
        if "T+" not in prose and "T0" not in prose and "T-" not in prose and "T\u2212" not in prose and (
            "T =" not in prose and "T=" not in prose
        ):
            continue
        if start is not None and (m := _OFFSET.match(prose)) is not None and _item_time(found[k]) is None:
            at = start + dt.timedelta(minutes=_offset_minutes(m))
            found[k] = [_times.TimeMention(m.start(), m.end(), m.group(0).strip(), at, None, "minute", True,
                                           None, False, None, None), *found[k]]
        elif start is None and (z := _ZERO.search(prose)) is not None:
            # ('T = 0200 hrs Wed 15/10/25': the time right after it; 'T0 = Sat 10/18/2025 20:00 CT')
            near = z.end() + 24 if z.group(0).startswith("T") and "=" in z.group(0) else len(prose)
            start = next((t.at for t in found[k] if z.end() <= t.start <= near and t.at is not None
                          and t.precision != "day" and not t.is_deadline), None)
        if start is not None and (due := [d for d in _DUE_OFFSET.finditer(prose) if not any(
            t.start < d.end() and d.start() < t.end for t in found[k]
        )]):
            # ('01:10 G2 (due T+05:00) missed': due at the start plus 5 hours)
            found[k] = sorted([*found[k], *(_times.TimeMention(
                d.start(), d.end(), d.group(0), start + dt.timedelta(minutes=_offset_minutes(d)), None,
                "minute", True, None, True, _OFFSET_KW[d["kw"].lower()], None) for d in due)],
                key=lambda t: t.start)


_NIGHT_WORD = re.compile(r"(?i:\b(?:over)?night\b)")


def _overnight(htext: str, h: _times.Heading) -> bool:
    """Whether a heading that spans days is one night's: it writes the next day's date and says night
    (``### Handoff 2025-10-09 → 2025-10-10 (night shift)``, ``## Night shift 2025-10-09/10``, ``## Oct
    9–10, 2025 night shift``), read as ``(22:00–06:00)`` is (:func:`_night_range`): what is timed before
    noon under it is on its second day."""
    return ("ight" in htext or "IGHT" in htext) and (
        h.next_day or (h.date + _ONE_DAY).isoformat() in htext
    ) and _NIGHT_WORD.search(htext) is not None


# what may stand before an item's opening stamp: brackets, emphasis, a list's or quote's marks
_STAMP_LEAD = re.compile(r"[\W_]{0,4}")


def _stamp_zones(
    proses: list[str], found: list[list[_times.TimeMention]], zones: list[dt.tzinfo | None] | None,
    tz: dt.tzinfo | None,
) -> dict[int, dt.tzinfo] | None:
    """Per item that opens with a time written in a zone other than the one it is read in
    (``09:00 EST: vendor says fix lands by 11am`` in a UTC log, ``07:30 PT ... ETA 9:45``) and writes a
    time of day without a zone after it, that stamp's zone: the writer's clock for the whole item
    (11:00 EST, 09:45 PT), as a chat message's head zone is its text's; an explicit zone on the later
    time still wins (read so already), and an item whose stamp names no zone keeps the document's or
    section's. None when no item is so (the common case: one cheap look at each item's first mention)."""
    out: dict[int, dt.tzinfo] | None = None
    for k, ms in enumerate(found):
        if len(ms) < 2:
            continue
        m0 = ms[0]
        if m0.zone is None or m0.at is None or m0.precision == "day" or m0.is_deadline or (
            m0.start > 4 or _STAMP_LEAD.fullmatch(proses[k], 0, m0.start) is None
        ):
            continue
        z = _times.zone_named(m0.zone)
        here = (zones[k] if zones is not None else None) or tz or dt.UTC
        if z is None or z == here or getattr(z, "key", 0) == getattr(here, "key", 1):
            continue
        if any(m.zone is None and m.at is not None and m.precision != "day" for m in ms[1:]):
            if out is None:
                out = {}
            out[k] = z
    return out


# a night shift's context for a spoken hour ('half past two'): its section's heading says night
_NIGHT_HEADING = re.compile(r"(?<![\w-])(?i:night|nights|overnight|night-shift|nightshift)(?![\w-])")


def _spoken_nights(
    items: list[tuple], proses: list[str], found: list[list[_times.TimeMention]], tz: dt.tzinfo | None,
    zones: list | None, weeks: list | None, year: dt.date | None,
) -> None:
    """In place: an item holding a time said in words ('half past two', 'quarter to 5') in a night
    shift's context, its section's heading saying night or overnight, or the timed item before it in
    its section between 22:00 and 06:00 (its zone's wall clock), read again with a spoken hour 1-6 in
    the small hours (:func:`occ_lib.times.night_shift`: 02:30, not the working hours' 14:30). Decided
    narrowly: only the item right before counts, and only a spoken hour without a meridiem changes."""
    prev: tuple[Any, int] | None = None  # (section line, local hour of the last timed item)
    for k, p in enumerate(proses):
        it = items[k]
        sec = it[4]
        low = p.lower()
        if "quarter" in low or "half past" in low:
            night = sec[0] is not None and _NIGHT_HEADING.search(sec[0]) is not None or (
                prev is not None and prev[0] == sec[1] and (prev[1] >= 22 or prev[1] < 6))
            if night:
                with _times.night_shift(True):
                    found[k] = _times.find_times_many(
                        [p], [sec[2]], tz, None if zones is None else [zones[k]], [it[7]],
                        None if weeks is None else [weeks[k]], year,
                    )[0]
        first = _item_time(found[k])
        if first is not None:
            local = first.at.astimezone(_mention_zone(first, it[5] or tz))
            prev = (sec[1], local.hour)


def _night_shift(
    items: list[tuple], found: list[list[_times.TimeMention]], tz: dt.tzinfo | None,
    nights: dict[int, tuple[dt.date, float]],
) -> None:
    """In place: under a heading whose time range runs past midnight (:func:`_night_range`), an item
    timed before the hour it gives is on the range's second day (``- 02:10 paged`` under ``##
    2025-10-07 night shift (22:00–06:00)`` is 02:10 on the 8th), with its other times of that day; a
    date or relative day written in the item keeps its own."""
    for k, it in enumerate(items):
        sec = it[4]
        night = nights.get(sec[1]) if sec[1] is not None else None
        if night is None or sec[2] != night[0]:
            continue  # (a Slack divider or an outline day under it dates its items itself)
        first = _item_time(found[k])
        if first is None or first.has_date:
            continue
        if not 0 <= _hours_after(first.at, _mention_zone(first, it[5] or tz), sec[2]) < night[1]:
            continue
        found[k] = _rolled(found[k], it[5] or tz, sec[2])


# what ends the clause of a deliverable's deadline before a replacement ('RCA missed 17:00; new ETA 18:00'
# for the fix is the fix's): a semicolon, a sentence's end, a line break
_CLAUSE_STOP = re.compile(r"[;!?\n|]|\.(?:\s|$)")


_NEEDS_DAY = ("time without a date", "relative day without a date")


# what may come before the day that opens an item: decoration and its weekday ('- **Tue 10/07 14:30 ET:**')
_OPENS_ITEM = re.compile(r"[\s*_\[(`>-]*(?:(?i:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?,?\s+)?")


def _week_days(
    items: list[tuple], proses: list[str], found: list[list[_times.TimeMention]], tz: dt.tzinfo | None
) -> None:
    """In place: under a heading that names a week (``## Week of Mon 2025-10-06``), an item that writes no
    date of its own (``- ACME-1240 fix ETA next business day``, ``- 09:40 root cause found``) is on the day
    of the last item before it in that section that wrote one (``- Tue 10/07 14:30 ET: ACME-1240
    opened``), when that day is after the heading's: its times, relative days and, with none, its day
    (precision day) are read on that day. Before any such item it stays on the heading's date. Only a
    day that opens an item is the day it was written (``- CHG-4425 reindex Wed 10/15 10:00`` in a preview
    plans it), and a deadline's date is no item's day (``- OPS-1 ETA Fri``). A prose paragraph that opens
    with its date (``Friday 17 October. PAY-1 ETA Wednesday.``) is on that day itself, and its weekdays are
    read from it as under a day's heading (the 22nd, not the heading week's 15th)."""
    last: dict[int, dt.date] = {}  # section id -> the last day an item of it wrote
    for k, it in enumerate(items):
        sec = it[4]
        if not it[9] & _WEEK or sec[2] is None or sec[4] != _NAT:
            continue
        key = id(sec)
        ms = found[k]
        zone = it[5] or tz or dt.UTC
        first = ms[0] if ms else None
        if first is not None and first.has_date:
            opens = _OPENS_ITEM.fullmatch(proses[k], 0, first.start) is not None
            if first.at is not None and not first.is_deadline and opens:
                day = first.at.astimezone(_mention_zone(first, zone)).date()
                if day >= sec[2]:
                    last[key] = day
                if day > sec[2] and it[3] == "paragraph":
                    # ('Friday 17 October. PAY-1 ETA Wednesday.': a paragraph that opens with its date
                    # is written that day, its weekdays read from it as a day's section's are, the 22nd)
                    found[k] = _times.find_times(proses[k], day=day, tz=zone)
                    items[k] = (*it[:4], (*sec[:2], day, _day_us(day), *sec[4:]), *it[5:])
            if not first.is_deadline:
                continue
        day = last.get(key)
        if day is None or day <= sec[2]:
            continue
        found[k] = _times.find_times(proses[k], day=day, tz=zone, week=True)
        items[k] = (*it[:4], (*sec[:2], day, _day_us(day), *sec[4:]), *it[5:])


def _carry_dates(
    items: list[tuple], proses: list[str], found: list[list[_times.TimeMention]], tz: dt.tzinfo | None
) -> None:
    """In place: in a section that has no date of its own (``### Handoff Tue → Wed (Priya → Marco)``
    in a log with no dated heading), an item whose time or weekday needs a date (``- 03:45 paged the
    IC``, ``- due by Thu 18:00 UTC``) is read on the date of the last item before it in that section
    that wrote a full date (``- 2025-10-07 03:02 UTC page #PD-R7T8U9``), on that date's clock; a time
    of the small hours (before 06:00) after one from 18:00 on is on the next day. Without such an item
    before it, the first one after it dates a weekday alone (``08:40 UTC Tue``), never a bare time.
    Only in a log with no dated heading: above a log's first dated heading, 'ETA Fri' stays a problem."""
    if any(it[4][2] is not None for it in items):
        return  # (a log with dated headings: an item above them has no day to borrow, round 12; asked
        # first, as its first item nearly always answers it, before every mention is looked at)
    if not any(m.problem in _NEEDS_DAY for ms in found for m in ms):
        return  # (the cheap gate: nothing to carry in nearly every document)
    anchors: dict[int, tuple[dt.date, int, dt.tzinfo]] = {}  # section id -> (date, minutes, zone)
    pending: list[int] = []
    for k, it in enumerate(items):
        sec = it[4]
        if sec[2] is not None:
            continue
        key = id(sec)
        ms = found[k]
        zone = it[5] or tz or dt.UTC
        needs = any(m.problem in _NEEDS_DAY for m in ms)
        if needs and key in anchors:
            day, mins, _z = anchors[key]
            first = next((m for m in ms if m.problem in _NEEDS_DAY), None)
            again = _times.find_times(proses[k], day=day, tz=zone)
            own = _item_time(again)
            if own is not None and first is not None and own.start == first.start and mins >= 18 * 60:
                local = own.at.astimezone(_mention_zone(own, zone))
                if local.hour < 6 and local.date() == day:
                    again = _times.find_times(proses[k], day=day + dt.timedelta(days=1), tz=zone)
            found[k] = ms = again
        elif needs:
            pending.append(k)
        dated = [m for m in ms if m.at is not None and m.has_date and not m.is_deadline
                 and m.precision != "day"]
        timed = [m for m in ms if m.at is not None and not m.is_deadline and m.precision != "day"]
        if dated or (timed and key in anchors):
            last = timed[-1] if timed else dated[-1]
            local = last.at.astimezone(_mention_zone(last, zone))
            if key not in anchors and pending:
                for j in pending:  # (a weekday alone before the section's first dated item)
                    if id(items[j][4]) != key:
                        continue
                    again = _times.find_times(proses[j], day=local.date(), tz=items[j][5] or tz)
                    bare = {m.start for m in found[j] if m.problem == "time without a date"}
                    if bare:  # (a bare time only on the weekday's date it follows: '08:40 UTC Tue,
                        # resolved 08:45 UTC', the same whatever the section's day; never the anchor's)
                        other = _times.find_times(
                            proses[j], day=local.date() + dt.timedelta(days=1), tz=items[j][5] or tz)
                        if len(other) != len(again) or any(
                            m.start in bare and (m.at is None or m.at != n.at)
                            for m, n in zip(again, other, strict=True)
                        ):
                            continue
                    found[j] = again
                pending = [j for j in pending if id(items[j][4]) != key]
            anchors[key] = (local.date(), local.hour * 60 + local.minute, zone)


def _past_midnight(
    items: list[tuple], found: list[list[_times.TimeMention]], tz: dt.tzinfo | None
) -> dict[int, dt.datetime]:
    """In place: the times of an item that follows an evening item of the same section and is
    written in the small hours (``- 23:52 ramp paused`` then ``- 00:20 rollback complete`` under
    ``## 2025-10-24``) are on the next day, as are those of the items after it that stay in the small
    hours, and, in a section written in time order, the later ones that on the section's day would be
    over 12 hours before the rolled item before them (``- 09:00 follow-up`` after ``- 01:05 resolved``);
    a date written in the item keeps its own.

    Both times are read on the clock of the item's own time (its written zone, else its section's or
    the document's), as its writer read them: ``12:25 AM PT`` after ``11:40 PM PT`` in a UTC log is
    past midnight, and so is ``02:05 UTC`` after ``20:30`` in a New York log (00:30 UTC the next day),
    while ``09:00 AWST`` (01:00 UTC) after ``09:00 ACDT`` (22:30 UTC) is no small hour.

    Returns, by item index, the instant of the timed item (as read, or rolled) that an untimed item of
    its run follows: what its dateless deadlines are read after, as a timed item's are after its time."""
    after: dict[int, dt.datetime] = {}
    prev_key: tuple | None = None
    prev_at: dt.datetime | None = None  # the previous timed item's instant (as read, or rolled)
    prev_depth = -1
    gap_depth = 1 << 30  # the shallowest untimed item since it (a sibling of it ends its nesting)
    run_from: dt.datetime | None = None  # while items are rolled: the evening item they follow
    prev_zone: dt.tzinfo | None = None  # the clock the previous timed item's time is written on
    ordered = True  # the section's timed items so far are in time order
    for k, it in enumerate(items):
        sec = it[4]
        if sec[2] is None:
            continue
        first = _item_time(found[k])
        if first is None and "tonight" in it[2]:
            first = _tonight_window(found[k], it[5] or tz, sec[2])
        if first is None:
            if _run_key(sec, prev_key) == prev_key:
                gap_depth = min(gap_depth, it[1])
                if prev_at is not None and (run_from is not None or _same_clock(prev_zone, it[5] or tz)):
                    # ('- mitigated 00:35' then '- vendor contacted, ETA 06:00': written after it; not
                    # after '- 14:00 EST ...' in a UTC log, '- Customer update promised by 4pm' is read on
                    # another clock than that item's: on its section's day, as written)
                    after[k] = prev_at
            continue
        key = _run_key(sec, prev_key)
        if key != prev_key:
            prev_key, prev_at, prev_depth, run_from, ordered = key, None, -1, None, True
        at = first.at
        roll = False
        # (an item nested under an evening one is about that evening: '- 18:30 recap:' then '  - 03:10
        # ...'; one nested under an item already rolled is on the next day with it; one nested under an
        # untimed sibling of the evening item is not nested under it)
        if prev_at is not None and not first.has_date and (
            it[1] <= prev_depth or gap_depth <= prev_depth or run_from is not None
        ):
            zone = _mention_zone(first, it[5] or tz)  # (the clock the item's time is written on)
            hours = _hours_after(at, zone, sec[2])
            if 0 <= hours < 6:
                roll = 18 <= _hours_after(prev_at, zone, sec[2]) < 30
            elif 6 <= hours < 24 and run_from is not None and ordered:
                # ('- 09:00 follow-up' after '- 01:05 resolved': on that day it is over 12 hours before the
                # item before it, on the next within 12 after it, and before the run's evening comes again)
                roll = 0 < hours + 24 - _hours_after(prev_at, zone, sec[2]) <= 12 and (
                    hours < _hours_after(run_from, zone, sec[2]))
            if roll:
                found[k] = _rolled(found[k], it[5] or tz)
                at = next(m.at for m in found[k] if m.start == first.start)
                run_from = run_from or prev_at
        if not roll:
            run_from = None
        if first.has_date and not 0 <= _hours_after(at, _mention_zone(first, it[5] or tz), sec[2]) < 30:
            # ('- Change freeze starts Sat 00:00': another day's plan, not the night's last hour; nor,
            # first in its section, the time the untimed items after it are read after)
            continue
        if prev_at is not None and at < prev_at:
            ordered = False
        prev_at, prev_depth, gap_depth = at, it[1], 1 << 30
        prev_zone = _mention_zone(first, it[5] or tz)
    return after


def _same_clock(a: dt.tzinfo | None, b: dt.tzinfo | None) -> bool:
    """Whether ``a`` and ``b`` (None: UTC) are one clock: the same zone, or two names of UTC."""
    a, b = a or dt.UTC, b or dt.UTC
    if a == b:
        return True
    ka, kb = getattr(a, "key", None) or str(a), getattr(b, "key", None) or str(b)
    return ka == kb or {ka, kb} <= {"UTC", "Etc/UTC", "GMT", "Etc/GMT", "Z"}


def _tonight_window(
    ms: list[_times.TimeMention], zone: dt.tzinfo | None, day: dt.date
) -> _times.TimeMention | None:
    """The window an untimed item plans for the small hours after its day's evening ('Planned EHR
    downtime 0200-0400 tonight': a ``window`` deadline from 02:00 to 04:00 the next morning), which the
    items after it in the small hours follow (``- 0205 downtime started`` is that night's), as they
    would follow an evening item; else None."""
    for m in ms:
        if m.keyword == "window" and m.until is not None and m.at is not None and m.has_date and (
            24 <= _hours_after(m.at, _mention_zone(m, zone), day) < 30
        ):
            return m
    return None


_DIGIT = re.compile(r"\d")


def _run_key(sec: tuple, prev_key: tuple | None) -> tuple:
    """The run of small-hours items (:func:`_past_midnight`) a section's items belong to: its own, or
    the section's before it when it goes on with that day, a heading of no date or time of its own
    (``## Issues`` after ``## Runbook steps`` under a migration night started in ``## Pre-checks (Oct
    9)``: its ``01:20 CDT`` is after that section's ``21:45``)."""
    own = (sec[1], sec[2])
    if own == prev_key or prev_key is None or sec[2] != prev_key[1] or sec[4] != _NAT or sec[0] is None:
        return own
    return prev_key if _DIGIT.search(sec[0]) is None else own


def _fall_back(items: list[tuple], found: list[list[_times.TimeMention]], tz: dt.tzinfo | None) -> None:
    """In place: the times of each section read in the order they happened
    (:func:`occ_lib.times.second_in_order`), so that the hour the clocks go back is read twice: ``-
    01:55 ET`` then ``- 01:10 ET`` is the second 01:10, as is ``- 01:30 ET`` after ``- 02:05 ET``. A
    section written newest first (more of its items earlier than the one above them than later) is read
    from its end, with only the first rule; one whose times cannot tell (all in the repeated hour, ``-
    01:15 resolved``, ``- 01:50 mitigated``, ``- 01:20 paged``) is read in the order of the document's
    dated headings (newest first when more of them go back than forward: from its end)."""
    if not _may_fall_back(found):
        return
    doc_forward: bool | None = None  # (the document's order, found only when a section cannot tell)
    k, n = 0, len(items)
    while k < n:
        key = (items[k][4][1], items[k][4][2])
        j = k + 1
        while j < n and (items[j][4][1], items[j][4][2]) == key:
            j += 1
        order = range(k, j)
        # (the order told by the times that happen once: those of the repeated hour cannot tell it)
        firsts = [m.at for i in order if (m := _item_time(found[i])) is not None and m.at is not None
                  and _times.happens_once(m.at, _mention_zone(m, items[i][5] or tz))]
        steps = list(itertools.pairwise(firsts))
        back, ahead = sum(b < a for a, b in steps), sum(b > a for a, b in steps)
        if back == ahead and j - k > 1:
            if doc_forward is None:
                doc_forward = not _newest_first(items)
            forward = doc_forward
        else:
            forward = back <= ahead
        if not forward:
            order = range(j - 1, k - 1, -1)
        seen: dict[str, tuple[dt.datetime, int]] = {}
        for i in order:
            if found[i]:
                zone = items[i][5] or tz
                found[i] = [_times.second_in_order(m, _mention_zone(m, zone), seen, forward)
                            for m in found[i]]
        k = j


def _newest_first(items: list[tuple]) -> bool:
    """Whether the document's dated sections go back in time more often than forward, in file order
    (a log written newest first: ``## 2025-11-03`` above ``## 2025-11-02``); by their times on one date."""
    moments = []
    last = None
    for it in items:
        sec = it[4]
        if sec is last:
            continue
        last = sec
        when = sec[4] if sec[4] != _NAT else sec[3]
        if when != _NAT and (not moments or moments[-1] != when):
            moments.append(when)
    steps = list(itertools.pairwise(moments))
    return sum(b < a for a, b in steps) > sum(b > a for a, b in steps)


def _after_planned_window(
    m: _times.TimeMention, window: _times.TimeMention, day: dt.date | None, zone: dt.tzinfo | None
) -> bool:
    """Whether the time ``m`` goes on the plan of the ``window`` range written before it in its item, on a
    later day than the section's: both after ``day`` and ``m`` after the window's end ('Weekend:
    maintenance window Sat 02:00-04:00 UTC; Sun run may miss 07:00 IST freshness' under a Friday: a
    weekend's plan, neither time the item's, which is on its section's date as a window's plan is)."""
    return window.keyword == "window" and window.until is not None and m.at is not None and (
        m.at > window.until and _later_day(window, day, zone) and _later_day(m, day, zone))


def _later_day(m: _times.TimeMention, day: dt.date | None, zone: dt.tzinfo | None) -> bool:
    """Whether the time ``m`` falls on a day after ``day`` (a section's), in ``m``'s zone."""
    return day is not None and m.at is not None and m.at.astimezone(_mention_zone(m, zone)).date() > day


def _skipped_reason(m: _times.TimeMention, zone: dt.tzinfo) -> str:
    """The problem of a time the clocks skip ('02:30 ET' on 2025-03-09), naming what it was read as."""
    assert m.at is not None
    local = m.at.astimezone(zone)
    return (f"time does not exist on {local.date().isoformat()} in {getattr(zone, 'key', zone)} (the clocks "
            f"go ahead): read as {local.strftime('%H:%M')} {local.tzname()}")


def _may_fall_back(found: list[list[_times.TimeMention]]) -> bool:
    """A cheap check before :func:`_fall_back`: whether any time is read on a day some zone's clocks go
    back (the days of October and November, and of March and April in the southern half)."""
    return any(
        m.at is not None and m.precision != "day" and m.at.month in (3, 4, 10, 11) for ms in found for m in ms
    )


# the end (or start) of a period a thing lasts, written before its time: a validity ('valid to',
# 'valid until', 'good through', a certificate's 'notAfter=' / 'Not Before:'), a sunset, an end of life
# or support ('EOL 2026-01-31'), a freeze's or window's end ('freeze through Friday'), and any 'until'
# that is no deadline ('watching until 18:00'): not when the item happened (an expiry is a deadline,
# :mod:`occ_lib.times`, so it never gets here)
_PERIOD_END = re.compile(
    r"(?:(?<![\w-])(?i:until|till|valid(?:[\s_-]+|(?=[TFUt]))(?:to|through|thru|till|until|from|since)"
    r"|good[^\S\n]+(?:through|thru)|(?:freeze|window)s?[^\S\n]+(?:through|thru)"
    r"|sunset(?:s|ting)?|EOL|end[\s_-]of[\s_-](?:life|support)"
    r"|(?:support|life|lifetime|validity)[^\S\n]+ends?)"
    r"|(?<![\w-])(?i:not)[\s_-]?(?i:after|before))"
    r"(?:[^\S\n]*(?i:date|day|on|is|at|of|set[^\S\n]+for|scheduled[^\S\n]+for|planned[^\S\n]+for"
    # (the weekday of the time: 'not approved by CAB until Thu 22:00Z', a wait's end, no time it happened)
    r"|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?)\b"
    r"|[^\S\n]*[*_]*[:=(|])*[^\S\n]*[*_]*[^\S\n]*$"
)
# the other end of a period whose first end was just read ('valid from 2025-10-01 to 2025-12-01')
_PERIOD_TO = re.compile(r"[^\S\n]*(?:(?i:to|through|thru|until|till)|--?|[\u2013\u2014])[^\S\n]*")
_PERIOD_HINTS = (  # (' till', not 'still')
    "ntil", "NTIL", " till", "Till", "TILL", "alid", "ALID", "unset", "UNSET", "EOL", "EoL", "of life",
    "of-life", "OF LIFE", "of support", "OF SUPPORT", "ot after", "otAfter", "ot before", "otBefore",
    "OT AFTER", "OT BEFORE", "ood thr", "OOD THR", "upport end", "UPPORT END", "ife end", "ime end",
    "eeze thr", "EEZE THR", "ndow thr", "NDOW THR",  # ('freeze through Friday': its end)
)


def _may_end_period(text: str) -> bool:
    """A cheap gate for :func:`_ends_period`: whether the item writes any of its words (any of
    :data:`_PERIOD_HINTS`; the hints that share a piece are tested only when the item holds it, ``ot``
    before ``ot after``, ``otAfter``, ``ot before``, ``otBefore``: the same answer in fewer tests)."""
    return (
        "ntil" in text or "NTIL" in text or "ill" in text and (" till" in text or "Till" in text)
        or "TILL" in text or "alid" in text or "ALID" in text or "unset" in text or "UNSET" in text
        or "EOL" in text or "EoL" in text
        or "of" in text and ("of life" in text or "of-life" in text or "of support" in text)
        or "OF " in text and ("OF LIFE" in text or "OF SUPPORT" in text)
        or "ot" in text and ("ot after" in text or "otAfter" in text or "ot before" in text
                             or "otBefore" in text)
        or "OT " in text and ("OT AFTER" in text or "OT BEFORE" in text)
        or " thr" in text and ("ood thr" in text or "eeze thr" in text or "ndow thr" in text)
        or " THR" in text and ("OOD THR" in text or "EEZE THR" in text or "NDOW THR" in text)
        or " end" in text and ("upport end" in text or "ife end" in text or "ime end" in text)
        or " END" in text and "UPPORT END" in text
    )


def _ends_period(prose: str, start: int) -> bool:
    """Whether the time at ``start`` ends (or starts) a period a thing lasts (:data:`_PERIOD_END`): a
    certificate ``valid to 2025-12-01``, a flag's ``sunset date 2025-11-01``, ``EOL 2026-01-31``, ``license
    valid until Dec 1``: no time the item happened, so its ``at`` is the section's (a timeline's first
    sighting never lands on that later day)."""
    return _PERIOD_END.search(prose, max(0, start - 40), start) is not None


def _item_time(ms: list[_times.TimeMention]) -> _times.TimeMention | None:
    """The item's own time, which decides whether it is rolled to the next day: its first time of day
    that is no deadline (None when it has none)."""
    for m in ms:
        if m.at is not None and not m.is_deadline and m.precision != "day":
            return m
    return None


def _rolled(
    ms: list[_times.TimeMention], zone: dt.tzinfo | None, day: dt.date | None = None
) -> list[_times.TimeMention]:
    """``ms`` with every time of day written without a date read on the next day (:func:`_next_day`; a
    date written in the item keeps its own); with ``day``, only those on that day on their own clock
    (a night shift's item: a time already past it is not moved again). One rule for
    :func:`_night_shift` and :func:`_past_midnight`."""
    return [
        _next_day(m, zone)
        if m.at is not None and not m.has_date and m.precision != "day"
        and (day is None or 0 <= _hours_after(m.at, _mention_zone(m, zone), day) < 24) else m
        for m in ms
    ]


def _hours_after(at: dt.datetime, zone: dt.tzinfo, day: dt.date) -> float:
    """The wall-clock hours of ``at`` in ``zone`` after the start of ``day`` (26.5: 02:30 the next day)."""
    local = at if zone is dt.UTC else at.astimezone(zone)
    return (local.date() - day).days * 24 + local.hour + local.minute / 60


# more timed clauses than a person tells in one item: a pasted export ('[{"updated": "2025-10-09 01:01",
# ...}, ...]'), whose every step would carry the item's hundreds of tickets (time and memory squared)
_MAX_STEPS = 24
# a verb of what was done, right before a later time of the item than its first, and nothing between
# ('21:15 BCST-1 resolved 21:20', 'restored at 10:37'), not after a word that makes it one to come; or
# its object between, up to three words, then 'at' ('Colt repaired fibre at 22:05 CEST', 'fixed the cron at
# 10:40'; not 'fixed the job scheduled at 22:05', whose time is the job's, nor a day word, 'resolved
# yesterday at 17:30', :func:`_step_day`'s); 'closed' only of a ticket,
# 'OPS-1 closed 21:20', 'closed OPS-1 at 21:20' ('window closed at 16:45' is a venue's or a change's)
_TOLD_AT_GATE = ("resolved", "restored", "recovered", "fixed", "mitigated", "repaired", "closed")
_TOLD_NOT_TO_COME = r"(?<!\bbe )(?<!\bbeen )(?<!\bwill )(?<!\bnot )"
_TOLD_AT_WORD = r"(?:at[^\S\n]+|@[^\S\n]*)"
_TOLD_OBJECT = (
    r"(?:(?!(?:at|by|for|until|till|before|after|since|to|scheduled|planned|due|set|expected|running"
    r"|runs|starting|starts|that|which|and|but|or|on|in|yesterday|yday|today|tonight|tomorrow|last|previous"
    r"|earlier|later|morning|afternoon|evening|night|overnight)\b)[\w'\u2019./-]+[^\S\n]+){1,3}"
)
_TOLD_AT = re.compile(
    _TOLD_NOT_TO_COME + r"\b(?:resolved|restored|recovered|fixed|mitigated|repaired)"
    r"[^\S\n]+(?:" + _TOLD_AT_WORD + "?|" + _TOLD_OBJECT + _TOLD_AT_WORD + ")$"
    r"|(?<![\w-])[A-Z][A-Z0-9]+-\d+[^\S\n]+(?:(?:was|is|got|has[^\S\n]+been)[^\S\n]+)?(?P<closed>closed)[^\S\n]+"
    + _TOLD_AT_WORD + "?$"
    r"|" + _TOLD_NOT_TO_COME + r"\bclosed[^\S\n]+[A-Z][A-Z0-9]+-\d+[^\S\n]+" + _TOLD_AT_WORD + "$"
)
# where a step's sentence ends, after its time (:func:`_step_tickets`)
_STEP_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


# what joins a deadline to the one it was changed to ('ETA 10/8 → 10/10', 'moved ETA from 17:00 to 19:00')
_CHANGED_TO = re.compile(r"\s*(?:\u2192|\u27f6|\u2794|->|=>|(?i:to))\s*")


def _superseded(
    prose: str, dls: list[_times.TimeMention], per: list[list[str] | None] | None = None
) -> set[int]:
    """The indices in ``dls`` of the deadlines an item writes as replaced by another of its own: the
    old one (``ETA was 10:00, now 13:00``, ``due Oct 31 (was Oct 24)``, ``ETA moved from 17:00 to
    19:00``, :func:`occ_lib._extract.is_former`) or one followed by an arrow or 'to' and its
    replacement (``ETA 10/8 → 10/10``, ``changed 17:00 -> 19:00``), or one written before a replacement
    of the same promise for the same tickets (``per``, :func:`occ_lib._subjects.deadline_tickets`): ``ETA
    17:00; next ETA 19:00`` (new, revised, updated ETA; ``by EOD, moved to tomorrow EOD``;
    :func:`_renewed`): no longer a promise."""
    order = sorted(range(len(dls)), key=lambda i: dls[i].start)
    out = {i for i in order if ex.is_former(prose, dls[i].start)}
    for i, j in zip(order, order[1:], strict=False):
        if (
            dls[i].end <= dls[j].start
            and _CHANGED_TO.fullmatch(prose, dls[i].end, dls[j].start) is not None
            and ex.is_replacement(prose, dls[j].start)
        ):
            out.add(i)
    out |= _renewed(prose, dls, order, per)
    if len(out) == len(dls):  # (every one written as old: keep them all, none is the new one)
        return set()
    return out


# the deadline keywords of one promise a replacement renews ('by EOD, moved to tomorrow EOD', 'ETA 17:00;
# new deadline 19:00'); any other keyword is a promise of its own kind ('checkpoint 10:00; new ETA 14:00')
_PROMISE_WORDS = frozenset({
    "eta", "by", "due", "deadline", "target", "targeting", "targeted", "before", "no later than", "nlt",
    "until", "till", "eod", "eob", "cob",
}) | _times._REPORTED_KW  # (and a promise reported: 'says', 'promised'...)


# the keywords of a time an ETA is promised by ("we'd have an ETA for them by noon": keyword 'ETA update')
_ETA_PROMISE_KWS = frozenset({"by", "before", "at", "NLT", "no later than"})


def promise_kind(keyword: str | None) -> str:
    """What a replacement of a deadline with ``keyword`` renews: ``promise`` for an ETA, a due time, a
    target... (:data:`_PROMISE_WORDS`), else its own keyword (``update``, ``postmortem``, ``checkpoint``):
    a new ETA moves the fix's promise, not the next update's nor the RCA's."""
    kw = (keyword or "").lower()
    return "promise" if kw in _PROMISE_WORDS else kw


def _renewed(
    prose: str, dls: list[_times.TimeMention], order: list[int], per: list[list[str] | None] | None
) -> set[int]:
    """The deadlines written before a replacement of the same promise (:func:`occ_lib._extract.
    is_replacement`: ``next ETA``, ``new ETA``, ``revised ETA``, ``updated ETA``, ``ETA now``, ``moved
    to``) for the same tickets: ``ETA 17:00; next ETA 19:00`` promises 19:00 alone. One pass in written
    order: each replacement ends the promises of its kind and tickets written before it."""
    out: set[int] = set()
    open_: dict[tuple[str, tuple[str, ...] | None], list[int]] = {}
    for i in order:
        m = dls[i]
        key = (promise_kind(m.keyword), None if per is None or per[i] is None else tuple(per[i]))
        if ex.is_replacement(prose, m.start) and not ex.is_former(prose, m.start):
            out.update(open_.pop(key, ()))
        open_.setdefault(key, []).append(i)
    return out


def _whole(per: list[list[str] | None] | None, own: list[str]) -> list[list[str] | None] | None:
    """``per`` (:func:`occ_lib._subjects.deadline_tickets`) with a deadline that names every ticket of
    the item as one that names none (None): both are the whole item's ('10:00 OPS-1, OPS-2 ETA 17:00; new
    ETA 19:00' renews one promise)."""
    if per is None:
        return None
    mine = set(own)
    return [None if p is None or mine.issubset(p) else p for p in per]


def _subjects_of(d_tks: list[str], tks: list[str], blocked: set[str]) -> list[str]:
    """A deadline's tickets without those the item names only as its blockers (:func:`occ_lib._subjects.
    blockers`): its clause's others, else the item's others ('OPS-54 blocked; waiting on DEPLOY-9 ETA
    15:00' is OPS-54's), else as they were (an item that names no subject besides its blocker)."""
    rest = [t for t in d_tks if t not in blocked]
    return rest or [t for t in tks if t not in blocked] or d_tks


def _opens_with(text: str, own: list[str]) -> bool:
    """Whether ``text`` opens with one of its ``own`` tickets (after a time stamp or decoration): the
    ticket is what the item is about, not a tool it names ('resolved by rolling back DEPLOY-9')."""
    lead = _SUBJECT_LEAD.match(text)
    i = lead.end() if lead else 0
    return any(text.startswith(t, i) and not text[i + len(t):i + len(t) + 1].isalnum() for t in own)


def _keyed_heading(acc: _Acc, htext: str) -> str:
    """A heading's text with its keys in lower case written in upper case when they are keys the
    document (or another log read with it) writes so, read a second time (:func:`_recase`); on the
    first reading its keys in lower case are noted (``acc.loose``), known or not: the items under
    the heading that make them known come after it."""
    across = _ACROSS.get()
    if across is None or "-" not in htext:
        return htext
    if not across:
        acc.loose |= ex.loose_keys([htext], set())
        return htext
    keyed = ex.known_case([htext], set(across))
    return htext if keyed is None else keyed[0]


def _own_tickets(text: str) -> list[str]:
    """The tickets of a heading or a mail's ``Subject:`` that the items under it are about: those it
    does not only refer to ('Subject: OPS-5 resolved, see OPS-77', '### OPS-9 rollback (cf. OPS-4)':
    OPS-5, OPS-9), or all when it names no other."""
    tks = ex.tickets(text)
    if len(tks) < 2:
        return tks
    refs = references(text, tks)
    return [t for t in tks if t not in refs] or tks if refs else tks


def _inherited(tks: list[str], own: list[str]) -> list[str]:
    """The tickets of ``tks`` an item takes from its parents, not its ``own`` (a set to test against:
    a pasted export names thousands)."""
    mine = set(own)
    return [t for t in tks if t not in mine]


def _ticket_groups(
    text: str, owned: list[str], kind: str, level: int, w: frozenset[str]
) -> list[tuple[list[str], str, int]] | None:
    """:func:`occ_lib._subjects.ticket_groups` for an item whose kind tells and that names two
    tickets or more of its own, or whose kind does not tell but that may end one ticket or set one
    against another ('OPS-301 dup of OPS-1', 'OPS-901 resolved; OPS-902 remains open':
    :func:`occ_lib._subjects.may_split`); None for every other item (the pre-checks keep this off the
    hot path)."""
    if len(owned) < 2 or kind not in _TELLING and not may_split(text, w):
        return None
    return ticket_groups(text, owned, kind, level)


def _steps(
    prose: str, mentions: list[_times.TimeMention], life: bool = False, cells: bool = False
) -> list[tuple[_times.TimeMention, str, int, int]] | None:
    """The steps of an item that tells of several at their own times ('Paged on-call at 21:47 ET
    ...; recovered 22:03 ET'): ``(mention, kind, level, start of its clause)`` for the first clause and
    each other clause whose kind tells (:data:`_TELLING`), when one after the first does and every two
    timed mentions are split by a clause break; else None (the item is one event). ``life``: a tracker
    row read by :func:`_lifecycle_read`, whose resolved step may be a date alone (day precision).
    ``cells``: a table row, whose cells' border ' | ' also ends a step when the later cell tells what
    happened at its own time ('| Production release 2.14.0 | Thu 17:00 UTC | Jonas | shipped 17:42 |': the
    release planned at 17:00, shipped at 17:42)."""
    since = "since" in prose or "Since" in prose
    timed = [m for m in mentions if m.at is not None and not m.is_deadline and (
        m.precision != "day" or life and m.start > prose.find(_LIFE_RESOLVED)) and not (
        since and _SINCE_TIME.search(prose, max(0, m.start - 96), m.start))]
    if len(timed) < 2 or len(timed) > _MAX_STEPS:
        return None  # (one time is no sequence; hundreds are a pasted export, not a told story)
    cuts = [0]
    asides: set[int] = set()  # (the cuts that open a bracketed aside: 'started (restored 10:37)')
    unbroken = -1  # (the cut at a told verb, no break before it: '21:15 fixed the cron at 21:40')
    kept = [timed[0]]
    for b in timed[1:]:
        a = kept[-1]
        breaks = list(_STEP_BREAK.finditer(prose, a.end, b.start))
        if breaks and breaks[-1].group().endswith("(") and ")" in prose[breaks[-1].end():b.start]:
            breaks.pop()  # ('escalated to the lead (Ravi) at 06:15': an aside closed before the time)
        if not breaks and cells and (cell := prose.rfind(" | ", a.end, b.start)) >= 0 and (
            _CELL_STEP.match(prose, cell + 3, b.start) is not None
        ):
            kept.append(b)
            cuts.append(cell + 3)
            continue
        if not breaks and len(kept) == 1 and b.at != a.at and (
            told := _told_at(prose, a.end, b.start)
        ) is not None and _times.PAST_DAY_AFTER.match(prose, b.end) is None:  # ('17:30 yesterday': _step_day)
            kept.append(b)  # ('21:15 BCST-1 resolved 21:20': written at 21:15, resolved at 21:20)
            cuts.append(told)
            unbroken = told
            continue
        if not breaks:
            if b.at == a.at and len(kept) == 1:
                continue  # ('08:51 OPS-705 resolved 08:51, reopened 09:30': the stamp written again)
            return None
        kept.append(b)
        cuts.append(breaks[-1].end())
        if breaks[-1].group().endswith("("):
            asides.add(breaks[-1].end())
    timed = kept
    cuts.append(len(prose))
    steps = []
    for m, lo, hi in zip(timed, cuts, cuts[1:], strict=False):
        # (a path's words tell nothing; the break before a later clause and the time before it are
        # read with it: 'approved 16:05, done by 16:30' tells when it was done, ex._FUTURE_DONE)
        # (a told verb's clause has no break before it: the stamp's digits are no count, '15 fixed')
        clause = ex.without_paths(prose[max(0, lo - 3) if lo and lo != unbroken else lo:hi])
        kind, level = ex.classify(clause, ex.keywords(clause), False)
        if steps and kind not in _TELLING and ex.check_passed_step(prose[:hi], clause):
            kind = "resolved"  # ('auth 5.1 deployed 14:00, smoke green 14:20': seen to work at 14:20)
        # (the first step is the item's own time whatever it tells: 'Triggered 10:14 AM, ...'; an aside
        # that tells what the step before it told, 'done late (finished 21:40 UTC)', is that step again)
        if (kind in _TELLING or not steps) and not (lo in asides and kind == steps[-1][1]):
            steps.append((m, kind, level, lo))
    # (a clause after the first tells: 'Incident 14:02 UTC, resolved at 15:10 UTC')
    return steps if len(steps) > 1 else None


def _told_at(prose: str, lo: int, hi: int) -> int | None:
    """Where the verb starts that tells, right before the time at ``hi``, what was done then, in the
    words after the item's first time (``lo``) with no clause break ('21:15 BCST-1 resolved 21:20',
    'resolved at 21:20', 'repaired fibre at 22:05', 'OPS-1 closed 21:20': :data:`_TOLD_AT`): that time is
    the step's, not the stamp's; None when there is none, or the words make it one to come ('to be resolved
    21:20', 'will be resolved at 21:20')."""
    if hi - lo > 80 or not any(v in prose[lo:hi] for v in _TOLD_AT_GATE):
        return None  # (cheap: a verb of the few must be in the words between)
    m = _TOLD_AT.search(prose, lo, hi)
    return None if m is None else m.start("closed") if m.group("closed") else m.start()


def _step_day(
    prose: str, mentions: list[_times.TimeMention], lo: int, hi: int, kind: str, day: dt.date | None,
    zone: dt.tzinfo | None, week: bool = False,
) -> tuple[int, str] | None:
    """When (microseconds since the epoch, its precision) a step happened, told by a past day word (no date
    written in digits) in ``prose[lo:hi]`` that qualifies the step verb of ``kind``: without a time, its
    day's UTC midnight at ``day`` precision ('09:40 OPS-309 resolved yesterday': resolved on the 7th, at a
    time unknown; 09:40 is when the item was written); with the time it dates, right before or after it,
    that time ('resolved yesterday at 17:30', 'last night 23:10 paged': :data:`occ_lib.times.PAST_DAY_BEFORE`,
    ``PAST_DAY_AFTER``); else None. A day word of the stamp's day or after ('resolved today', 'deploy
    tomorrow') leaves the stamp: it is no earlier than what the item tells. The day word counts from the
    stamp's day: a stamp rolled past midnight ('00:20 OPS-7 paged yesterday' after '23:30 ...') moves it with
    it, and the time it dates ('paged yesterday at 23:50', the wall time kept). In a week's text
    (``week``: a weekly dated by its week), a weekday of that week dates its step whichever side of ``day``
    ('I escalated it to the platform director on Saturday' in the week of Monday Oct 6: the 11th)."""
    if day is None:
        return None
    stamp = _item_time(mentions)
    shift = 0
    if stamp is not None and stamp.at is not None and not stamp.has_date:
        shift = int(_hours_after(stamp.at, _mention_zone(stamp, zone), day) // 24)
    for m in mentions:
        if m.start >= hi:
            break
        if m.start < lo or m.is_deadline or m.at is None or m is stamp:
            continue
        if m.precision == "day":
            if (m.at.date() < day or week and m.at.date() != day) and _DIGIT.search(m.raw) is None and (
                ex.step_day_word(prose, m.start, m.end, kind)
            ):
                return (m.at + dt.timedelta(days=shift) - _EPOCH) // _US, "day"
        elif m.has_date and m.until is None and (span := _past_day_span(prose, m, lo)) is not None and (
            ex.step_day_word(prose, *span, kind)
        ):
            at = _times.wall_shift(m.at, _mention_zone(m, zone), dt.timedelta(days=shift)) if shift else m.at
            return (at - _EPOCH) // _US, m.precision
    return None


def _told_before(
    prose: str, mentions: list[_times.TimeMention], day: tuple[int, str]
) -> tuple[_times.TimeMention, str] | None:
    """The item's own time and its clause, when a step told in an earlier clause of the item happened at
    it and :func:`_step_day` dated the item's verb to another day (``day``) in a later clause: 'PLAT-910
    paged us twice (Wednesday 3:12am and Saturday 6:40am); I escalated it to the platform director on
    Saturday' tells the pages at their time. None when the time opens the item (its stamp, when it was
    written: '09:40 OPS-309 resolved yesterday') or no clause break (``;``, a sentence's end) is between."""
    own = _item_time(mentions)
    if own is None or own.at is None or (own.at - _EPOCH) // _US == day[0]:
        return None
    if not _WORDS_BEFORE.search(prose, 0, own.start):
        return None  # (a stamp, or a ticket key before it: when the item was written)
    dated = next((m for m in mentions if m.start > own.end and m.precision == "day" and m.at is not None
                  and (m.at - _EPOCH) // _US == day[0]), None)
    if dated is None:
        return None
    cut = _TOLD_BREAK.search(prose, own.end, dated.start)
    return None if cut is None else (own, prose[:cut.start()])


# the clauses of an escalation that may tell an ack of their own: 'acked by Wei; paged the IC', 'Wei acked and
# escalated to the VP', 'paged the IC, then acknowledged'
_ACK_CLAUSE_BREAK = re.compile(r"[;,.!?]\s|\s[\u2013\u2014-]\s|\b(?:and|then)\b|\s&\s")


def _acked_too(text: str) -> bool:
    """Whether an escalation's item tells, in a clause of its own, that the ticket was acknowledged ('acked
    by Wei; paged the incident commander'): that clause alone reads ``acknowledged`` (not 'escalation
    acknowledged by the VP', which the VP's answer is, nor 'not acked yet')."""
    cuts = [0, *(m.start() for m in _ACK_CLAUSE_BREAK.finditer(text)), len(text)]
    if len(cuts) < 3:
        return False
    for lo, hi in zip(cuts, cuts[1:], strict=False):
        clause = text[lo:hi]
        if "ck" in clause or "CK" in clause or "quitt" in clause or "stätigt" in clause:
            w = ex.keywords(clause)
            if not w.isdisjoint(ex.ACK) and ex.classify(clause, w, False)[0] == "acknowledged":
                return True
    return False


# a word before an item's first time (not only a stamp or a ticket key: 'PLAT-910 paged us (Wed 3:12am')
_WORDS_BEFORE = re.compile(r"(?<![\w-])(?![A-Z][A-Z0-9]*-\d)[A-Za-z]{2,}\b(?!-\d)")
_TOLD_BREAK = re.compile(r"[;.!?](?:\s|$)")


def _past_day_span(prose: str, m: _times.TimeMention, lo: int) -> tuple[int, int] | None:
    """The span of the time ``m`` with the past day word written right before or after it that dates it
    ('yesterday at 17:30', 'at 23:10 yesterday'), if any: its verb is the word right outside it."""
    before = _times.PAST_DAY_BEFORE.search(prose, max(lo, m.start - 40), m.start)
    if before is not None:
        return before.start(), m.end
    after = _times.PAST_DAY_AFTER.match(prose, m.end)
    if after is None:
        return None
    at = _times.AT_BEFORE.search(prose, max(lo, m.start - 8), m.start)
    return (m.start if at is None else at.start()), after.end()


def _step_tickets(
    prose: str, steps: list[tuple[_times.TimeMention, str, int, int]], owns: list[str], tks: list[str]
) -> list[list[str]] | None:
    """Per step of an item naming several tickets, those its own clauses name, up to the next step's
    (``16:20 ET: OPS-9120 resolved. VND-4412 closed by vendor 17:02 ET``: one each), with what the
    item inherits; a step whose sentence names none has those named before it, else those its later
    sentences up to the next step name, else them all. None when no step names fewer than all."""
    ends = [lo for *_, lo in steps[1:]] + [len(prose)]
    inherited = [t for t in tks if t not in owns]
    out = []
    for (m, *_, lo), hi in zip(steps, ends, strict=True):
        # (its clauses end with the sentence of its time: in 'ECAB-78: approved 16:05, done by 16:30.
        # Follow-up SEC-301 ...' the 16:30 step names none, and is of the tickets named before it)
        end = _STEP_SENTENCE_END.search(prose, m.end, hi)
        part = prose[lo:end.start() if end else hi]
        # (naming none before it either, those its clauses after the sentence name: in '21:15 Colt repaired
        # fibre at 22:05 CEST. BCST-4420 closed. BCST-4423 resolved 21:20.' the repair is BCST-4420's)
        named = [t for t in owns if t in part and t in tks] or (
            [t for t in owns if t in prose[:lo] and t in tks]
            or [t for t in owns if t in prose[end.end():hi] and t in tks] if end else [])
        out.append(named + inherited if named else list(tks))
    return out if any(len(o) < len(tks) for o in out) else None


def _parse_safely(acc: _Acc, data: bytes | str, source: str, body: bool = True) -> None:
    one = _Acc()
    try:
        _parse_into(one, data, source, body)
    except Exception as exc:  # noqa: BLE001 - one bad file must never cost the others
        acc.problem(source, None, "file", None, f"could not be parsed ({exc.__class__.__name__}: {exc})")
        return
    finally:
        _times.forget_lowered()  # (the document's text and its lower case are not kept past it)
    acc.extend(one)


@contextlib.contextmanager
def _no_cyclic_gc():
    """Pause the cyclic garbage collector while parsing, restoring its state after.

    Parsing allocates millions of small acyclic objects (tuples, lists, strings); each allocation
    burst sets off collections that walk every live object, so their cost grows with the heap
    (~10-20% of the parse on a 50 MB corpus). Reference counting still frees what is dropped; any
    cycle waits for the next collection once the collector is back on.
    """
    enabled = gc.isenabled()
    if enabled:
        gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def parse_log(data: bytes | str, source: str = "<text>") -> Logs:
    """Parse one log held in memory (``bytes`` are decoded like a file; ``str`` is used as is)."""
    return parse_logs([(source, data)])


def _source(path: str) -> str:
    """A log's path as its rows and problems name it (``source``): a secret in the file name masked
    as in an evidence file's (:func:`occ_lib.redact.redact_path`: 'handoff_token=***.md'); its folders
    and the rest of its name stay, so that it still tells the files apart."""
    return redact_path(path)


def _as_patterns(paths_or_globs: str | Path | Iterable[str | Path]) -> list[str]:
    if isinstance(paths_or_globs, str | Path):
        return [str(paths_or_globs)]
    return [str(p) for p in paths_or_globs]


def _files(acc: _Acc, patterns: list[str]) -> list[Path]:
    """Expand files, folders and globs; what names nothing becomes a ``file`` problem."""
    out: dict[Path, None] = {}
    for pat in patterns:
        p = Path(pat)
        # (a link to a missing file that a glob or folder holds is kept: reading it names it a problem)
        if is_glob(pat):  # (not a path that exists as written: 'status [W41].md')
            found = expand([pat], broken_links=True)
            if not found:
                # (what it matches may be FIFOs or devices, which a folder or a glob skips: say so)
                found = expand([pat], special=True)
                if not found:
                    acc.problem(_source(pat), None, "file", None, "no files match this pattern")
            for f in found:
                out.setdefault(f, None)
        elif p.is_dir():
            found = [f for f in expand([pat], broken_links=True)
                     if f.parent == p and f.suffix.lower() in LOG_SUFFIXES]
            if not found:
                acc.problem(
                    _source(pat), None, "file", None, "folder holds no log files (*.md, *.markdown, *.txt)"
                )
            for f in found:
                out.setdefault(f, None)
        elif not p.exists():
            acc.problem(_source(pat), None, "file", None, _dangling(p) or "no such file or folder")
        else:
            out.setdefault(p, None)
    return list(out)


def _dangling(path: Path) -> str | None:
    """The reason to give for a symbolic link whose target is missing (an archive moved away, a
    link copied without its file): it says where the link points. None for anything else."""
    try:
        target = os.readlink(path)
    except OSError:
        return None  # (not a link)
    return None if path.exists() else f"a link to a missing file ({target})"


def read_logs(paths_or_globs: str | Path | Iterable[str | Path]) -> Logs:
    """Read every log named by files, folders and globs into one :class:`Logs`.

    Never raises for bad input: a file that cannot be read or understood becomes a ``problems`` row
    naming it (and the line), and every other file is still parsed.
    """
    return _read(paths_or_globs, body=True)


def check_logs(paths_or_globs: str | Path | Iterable[str | Path]) -> Logs:
    """The file problems :func:`read_logs` would report (a pattern matching nothing, a file it cannot
    read or decode, an empty one, bad front matter), without parsing the logs' bodies: for a caller
    that only names the files that failed while others read them (``occ report weekly``, whose
    notebooks parse the logs in their kernels). Its other tables are empty."""
    return _read(paths_or_globs, body=False)


def _read(paths_or_globs: str | Path | Iterable[str | Path], body: bool) -> Logs:
    acc = _Acc()
    with _no_cyclic_gc():
        return _parse_each(acc, _file_logs(_files(acc, _as_patterns(paths_or_globs))), body)


def _file_logs(files: Iterable[Path]) -> Iterator[tuple[str, Callable[[_Acc], bytes | None]]]:
    """Each file's source name, and what reads its bytes (:func:`_read_file`) when its turn comes."""
    for path in files:
        source = _source(str(path))
        yield source, lambda part, p=path, s=source: _read_file(part, p, s)


def _parse_each(
    acc: _Acc, logs: Iterable[tuple[str, Callable[[_Acc], bytes | str | None]]], body: bool = True
) -> Logs:
    """``acc`` with every log of ``logs`` (its source, and what gives its data, or None and a problem
    in the part it is given) parsed into it, each into a part of its own first; then those that spell a
    key in lower case that another writes in upper case are read again (:func:`_recase`)."""
    parts: list[tuple[str, bytes | str | None, _Acc]] = []
    # (each log's loader, and the quoted texts it kept: :func:`_quoted_once`)
    quotes: list[tuple[Callable[[_Acc], bytes | str | None], list[str]]] = []
    token = _ACROSS.set(frozenset() if body else None)
    try:
        for source, load in logs:
            part = _Acc()
            data = load(part)
            kept: list[str] = []
            if data is not None:
                qtoken = _markdown.QUOTES_KEPT.set(kept)
                try:
                    _parse_safely(part, data, source, body)
                finally:
                    _markdown.QUOTES_KEPT.reset(qtoken)
            parts.append((source, data if part.loose else None, part))
            quotes.append((load, kept))
    finally:
        _ACROSS.reset(token)
    if len(parts) > 1 and any(kept for _, kept in quotes):
        _quoted_once(parts, quotes, body)
    _recase(parts)
    for *_, part in parts:
        acc.extend(part)
    return acc.build()


def _read_file(acc: _Acc, path: Path, source: str) -> bytes | None:
    """The bytes of the log at ``path``, or None and a ``file`` problem naming why not."""
    if not_regular(path):  # (a FIFO nobody writes to would block forever: never opened)
        acc.problem(source, None, "file", None, "not a regular file, skipped")
        return None
    try:
        return path.read_bytes()
    except PermissionError:
        acc.problem(source, None, "file", None, "permission denied")
    except IsADirectoryError:
        acc.problem(source, None, "file", None, "is a folder, not a file")
    except OSError as exc:
        reason = _dangling(path) if isinstance(exc, FileNotFoundError) else None
        acc.problem(
            source, None, "file", None,
            reason or f"cannot read ({exc.strerror or exc.__class__.__name__})",
        )
    return None


#: While logs are read: the keys that a document being read again spells in lower case and that it
#: (in a heading's stead) or another log writes in upper case (empty on the first reading), else None.
_ACROSS: contextvars.ContextVar[frozenset[str] | None] = contextvars.ContextVar("across", default=None)


def _quoted_once(
    parts: list[tuple[str, bytes | str | None, _Acc]],
    quotes: list[tuple[Callable[[_Acc], bytes | str | None], list[str]]],
    body: bool = True,
) -> None:
    """Read again, in place, each log of ``parts`` that kept a quoted message (``quotes``: its loader
    and the texts of the quoted blocks it read) another log of the call holds: written outside quotes
    (a team's log that pasted the message, a vendor thread that quotes it), or quoted by a log read
    before it. It is then left out there, as a quote of a message the document itself holds is: a
    message counts once. Only logs that read a headed quote are looked at, only those that repeat one
    are read twice, as they were read the first time (``body``, and the keys it spells in lower case
    for :func:`_recase`); a log is read alone (:func:`parse_log`) as before."""
    texts: list[str | None] = [None] * len(parts)

    def text(k: int) -> str:
        if texts[k] is None:
            data = quotes[k][0](_Acc())  # (read again: only when some log kept a quote)
            texts[k] = "" if data is None else _markdown.unquoted_text(decode(data).lines)
        return texts[k] or ""

    earlier: set[str] = set()
    for k, (load, kept) in enumerate(quotes):
        if not kept:
            continue
        others = [text(j) for j in range(len(parts)) if j != k]
        if any(q in earlier or any(q in t for t in others) for q in kept):
            source, data, part = parts[k]
            data = load(_Acc()) if data is None else data
            again = _Acc()
            again.quoted_elsewhere = ("\n".join(others), frozenset(earlier))
            token = _markdown.QUOTES_ELSEWHERE.set(again.quoted_elsewhere)
            now: list[str] = []
            qtoken = _markdown.QUOTES_KEPT.set(now)
            atoken = _ACROSS.set(frozenset() if body else None)
            try:
                _parse_safely(again, data, source, body) if data is not None else None
            finally:
                _ACROSS.reset(atoken)
                _markdown.QUOTES_KEPT.reset(qtoken)
                _markdown.QUOTES_ELSEWHERE.reset(token)
            parts[k] = (source, data if again.loose else None, again)
            kept = now
        earlier.update(kept)


def _recase(parts: list[tuple[str, bytes | str | None, _Acc]]) -> None:
    """Read again, in place, each log of ``parts`` (source, its data when it wrote a key in lower
    case only, its rows) that spells in lower case a key another log writes in upper case
    ('ops-102' in the CDN team's log, OPS-102 in infra's), or in a heading a key its own items
    write in upper case (headings are read before the items that make their keys known): that key
    is the ticket there too, as it is in an item of a document that writes it in upper case. Only
    such documents are read twice."""
    if not any(data is not None for _, data, _ in parts):
        return
    seen = set().union(*(part.keys for *_, part in parts))
    for k, (source, data, part) in enumerate(parts):
        if data is None:
            continue
        other = frozenset(part.loose & seen)
        if not other:
            continue
        again = _Acc()
        token = _ACROSS.set(other)
        # (a log read again for a quote another log holds leaves that quote out again)
        qtoken = _markdown.QUOTES_ELSEWHERE.set(part.quoted_elsewhere) if part.quoted_elsewhere else None
        try:
            _parse_safely(again, data, source)
        finally:
            if qtoken is not None:
                _markdown.QUOTES_ELSEWHERE.reset(qtoken)
            _ACROSS.reset(token)
        parts[k] = (source, None, again)


def parse_logs(items: Iterable[tuple[str, bytes | str]]) -> Logs:
    """Parse many in-memory logs, given as ``(source, text or bytes)`` pairs, into one :class:`Logs`
    (a key one spells in lower case and another in upper case is that key in both, as in
    :func:`read_logs`)."""
    with _no_cyclic_gc():
        return _parse_each(_Acc(), ((_source(source), lambda _part, d=data: d) for source, data in items))
