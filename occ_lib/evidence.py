"""Evidence the teams already keep (curl and wget transcripts, synthetic-check JSON) as probe rows.

Rules, so that an imported file always means the same thing:

* **Which files** (:func:`evidence_files`, for ``occ import``, :func:`import_workspace` and the report
  alike): a file named as such is read whatever it is (``README.md`` named so is a problem: ``not
  evidence (a .md file, ...)``); of those a glob or folder holds (``evidence: artifacts/**``), the
  ``.json``, ``.jsonl`` and ``.ndjson`` files, and the ``.log``, ``.txt`` and ``.out`` files whose
  head holds a status line, a curl or wget command or curl's output (or that cannot be read as
  text: empty, binary, unreadable, a link to nothing: a problem that says why); other files (a
  README, screenshots, notes) are passed over unnamed. An empty file is a problem: ``empty file``.
* **Bytes**: UTF-8 (with or without BOM), UTF-16 with its BOM (Windows PowerShell 5's ``>``), else
  Latin-1 text; NUL or control bytes make a file binary, a problem (not ESC, nor the BEL that ends a
  terminal's window title ``ESC]0;ops@box: ~ BEL``: a recording holds them). JSON nested too deeply to be a
  check result is one too, and so is a FIFO, socket or device given by name (``not a regular file,
  skipped``: never opened, a FIFO nobody writes to would block the import; ``/dev/stdin`` is read).
* **curl transcripts** (``curl -I``, ``-i``, ``-v``, ``-L``; HTTP/1.0, 1.1, 2, 3; also as a terminal
  recording kept them, ``script``, tmux or screen logs: their escape sequences, curl's bold header names
  ``ESC[1mDate ESC[0m:``, bracketed paste ``ESC[?2004h``, a window title ended by BEL or ``ESC \\``,
  are read as absent, their ``CR CR LF`` as one line end and the CR bash prints before a command's
  output (``ESC[?2004l CR``) as nothing, a row's identity still the file's text as found). util-linux
  ``script``'s header, ``Script started on 2025-10-14 09:05:00+00:00 [COMMAND="curl -sI URL" TERM=...]``
  (``script -c``; each session's, ``script -a`` appends), is read as that command typed at a prompt
  when it is one curl command (no ``;``, ``&&``, pipe or redirection) or a curl loop (below), and its
  footer's ``COMMAND_EXIT_CODE="7"`` as curl's exit code when no ``curl: (N)`` line says why (``-s``
  hides it): one of the codes below makes the row ``down``; its time is the rows' (see **time**).
  With ``-v`` only the ``< `` lines are the response (``> `` is the request, ``* `` curl's notes).
  ``--trace-ascii`` (``--trace-time`` too) is read as ``-v``: a ``<= Recv header`` block's ``0000: ``
  lines are ``< `` lines (a line cut at 64 characters joined again), a ``=> Send header`` block's
  ``> `` lines, ``== Info: X`` is the note ``* X``, and data blocks (the body) are left out. The row
  describes the *last* response: responses chain while the status is 1xx or 3xx (``-v`` prints a 1xx's header
  block with no blank line after it: the next status line starts the next response), and past a
  proxy's ``200 Connection established`` (a CONNECT tunnel; with ``-x``, also a first 2xx that another
  status line follows); after the first final response's header block the rest is body. A ``curl: (N) ...``
  error line, wherever it sits in the command's output (``2>&1`` may print it before the headers),
  makes the row ``down`` with the matching error class (6 dns, 7 connect, 28 timeout,
  35/51/58/60 tls, 47 too_many_redirects, 22 unexpected_status, 18/52/55/56 read, 1/8/16/92 protocol;
  56 for ill-formed chunks, ``chunked-encoding``, is protocol, as ``occ probe`` classes them),
  the status of a response it cut short kept (``-f``'s 22, ``The requested URL returned error: 404``,
  names the status curl did not print). Without such a line (``-sv`` hides it), ``-v``'s last
  note that ends the transfer stands for it with the code curl exits with (``* Failed to connect to X
  port N ...``: 7, ``* Operation timed out after ...``: 28, ``* Could not resolve host: X``: 6, ``*
  Empty reply from server``: 52, ``* transfer closed with N bytes remaining to read``: 18, ``* Received
  HTTP/0.9 when not allowed``: 1, ``* Unsupported response code in HTTP response`` (``HTTP/1.1 20``):
  1, ``* Invalid Content-Length: value``: 8, ``* Illegal or missing hexadecimal sequence in
  chunked-encoding``: 56...; ``* connect to X port N failed`` is an attempt curl goes on
  from, no failure). Notes are read only for a command with ``-v``/``--verbose``/``--trace*`` (or
  ``-K``; or no command line): without them curl prints none. After a final response's head its
  body begins: a note there is curl's only when nothing but curl's notes, one of them closing the
  connection (``* Closing connection 0``), follows it (a body cut short); else it is body text (a
  markdown ``* Received HTTP/0.9 ...``). One that names a host (``Could not resolve host: X``,
  ``Failed to connect to X port``) other than the command URL's, a redirect ``Location``'s or a
  proxy's belongs to another argument (``-H Authorization: Bearer X`` unquoted: curl tries
  ``Bearer`` and ``X`` as URLs) and does not apply. A proxy is the command line's (``-x``...) or
  one ``-v`` names (``* Uses proxy env variable https_proxy == 'http://proxy:3128'``); a command
  that gives curl one URL and no other word (nor ``-K``/``--next``) fetches nothing else, so a
  ``Failed to connect to X port N`` naming another host is its proxy's (set in the environment or
  ``.curlrc``) even without ``-v``. ``-w`` output such as
  ``time_total: 0.123`` gives ``elapsed_ms``; ``time_namelookup``, ``time_connect``,
  ``time_appconnect`` and ``time_starttransfer`` give the phases (measured as ``occ_lib.probe``
  does: see ``_phases``) and ``size_download`` the bytes; otherwise they are null.
* What curl printed for the ``-w FORMAT`` on its command line (``$ curl -s -o /dev/null -w '%{http_code}
  %{time_total}\\n' URL`` then ``200 0.412``) is read through that format (one that starts with ``\\n``
  after a body without a newline printed on the body's next line, with no empty line before; a Windows
  transcript's lines end in CR LF): ``http_code`` is the status (``000``: no response, ``down`` /
  ``protocol``; a format without ``http_code`` leaves the status null and says nothing of a failure),
  the ``time_*`` variables (seconds) and ``size_download`` as above, ``url_effective`` the row's URL
  (the final one after ``-L``, over the command line's), ``http_version`` (``1.1``, ``2``) the row's
  ``HTTP/1.1``, ``HTTP/2`` when no status line gives it, ``method`` its method. ``-w '%{json}'``
  prints one JSON object: its ``http_code``, times, ``size_download``, ``url_effective``,
  ``http_version`` and ``method`` are read the same way, and a nonzero
  ``exitcode`` is curl's error (``errormsg`` its message) when no ``curl: (N)`` line gives one. A format
  read from a file (``-w @curl-format.txt``) is not in the transcript: its ``time_total: 0.308s`` lines
  give the times, the status stays null; ``time_starttransfer`` 0 there (like ``http_code`` 000) means
  no response: ``down`` / ``connect`` when ``time_connect`` is 0 too, else ``protocol``.
* A file holding several ``$ curl ...`` commands gives one row per command (item index = its order).
  A command with several http(s) URLs (``curl -sSI URL1 URL2``) gives one row per URL, each read as
  the command with that URL alone from its part of the output: a URL's part ends with its final
  answer's head (not a 1xx, nor a 3xx with ``-L``) or its failure (``curl: (N)``, ``-v``'s failure
  note; ``-f``'s ``curl: (22) ... error: 503`` comes before the 503's head) and the next begins at the
  next status line, ``curl: (N)`` line or (``-v``) request line or ``*   Trying``-like note; with a
  ``-w`` format each part ends with its output (``curl: (N)`` lines, printed first by ``2>&1``, go to
  the parts that print ``000``, in turn). When the parts are not one per URL (``-s`` hid a failure:
  which answer is whose is unknown) the command is one row as before, and ``occ import`` says so (an
  :class:`EvidenceNote`, exit 0: ``3 URLs in the command, 2 answers: -s hid which failed; stored as
  one row``). The rows share the command's
  item (keys ``#0``, ``#1``...: the first URL's row keeps the key of the one row of versions before).
  A command is a ``curl`` (or ``curl.exe``) line after a shell prompt: ``$ ``, ``# ``, ``% ``, ``> ``,
  ``ops@box:~$ ``, git's ``ops@box:~/w (main)$ ``, macOS zsh's ``ops@MacBook-Pro ~ % `` and bash's
  ``MacBook-Pro:~ ops$ ``, ``[ops@bastion ~]$ ``, ``bash-5.1$ ``, busybox's ``/ # ``, oh-my-zsh's
  ``➜  ~ ``, starship's ``❯ ``, PowerShell's ``PS C:\\Users\\ops> ``, cmd's ``C:\\Users\\ops>``,
  any of them after a virtualenv's ``(venv) ``; ``time``/``sudo`` may stand before ``curl``. A
  ``curl`` line without a prompt needs an ``-option``, a URL or a ``\\`` at its end (curl's exit-60
  advice "curl failed to verify ..." is prose, and so is a line that names curl after other words).
  A command goes on over the lines after one that ends in ``\\`` (PowerShell: a backtick, cmd:
  ``^``), their continuation prompt (``> ``, ``>> ``, ``More? ``) dropped. Output of a ``-w``
  format without a newline at its end runs into the next prompt (``200ops@box:~$ curl ...``, a
  last ``503ops@box:~$ ``): a line that starts with what the format prints and goes on with a
  prompt gives that output to the command before and starts the next command there (a row's item
  stays its command's lines as found without this, the first row of them keeping them all).
* A one-line ``for`` loop of curl typed at a prompt (``$ for i in 1 2 3; do curl -s -o /dev/null -w
  '%{http_code} %{time_total}\\n' URL; done``, a ``sleep N`` beside the curl allowed) gives one row per
  pass, each line (or lines) its ``-w`` format printed, read as that curl command's (a ``curl: (N)``
  line before it its error), the URL the command's; the row's item is the loop's line and that
  output. A loop whose curl has no ``-w`` format with a status or a time is read as before (its
  passes' output has no shape that tells them apart), and one with a pipe or a redirection is none.
* A file without commands that opens with a ``date`` output line (a cron job's ``date; curl -sI URL >>
  probe.log``) gives one row per run, a run being what follows each date line up to the next (the
  redirects one run followed are one row: its last response; a run whose only output is one line of
  what ``curl -s -o /dev/null -w '%{http_code} %{time_total}\\n' URL`` or ``-w '%{http_code}\\n'``
  prints, ``200 0.412``, is read through that format, ``000`` no response: the command is not in the
  file, such a line comes from those; its method is null, as no command says it; a folder's ``.log``
  that opens so is evidence), timed by its date line (see **time**);
  a date line with no response after it is a problem naming its line (the other runs are imported;
  ``occ import`` exits 1, some input incomplete), and when no run gives a row the file is read as one
  transcript. A file of ``curl -sI URL; date`` runs (it opens with a response and ends with a date
  line, or has two or more) gives one row per run too, each run closed and timed by the date line
  after its response; what follows the last date line is a problem (a run cut short or still running:
  the next import reads it with its date line). A response, a date line and a response are one
  transcript as before. A file that holds only such a line (``200 0.412``; a ``curl: (N)`` line
  beside it), what ``-w ... > out`` wrote for one run, is one row timed as a transcript is (a
  folder's ``.out``, ``.log`` or ``.txt`` of that one line with its time is evidence).
  Date lines are also ``date +%s``'s epoch seconds (``1760080738``), ``date '+%F
  %T'``'s zoneless ``2025-10-10 07:18:58`` (read as UTC, as a file name's stamp without a zone is:
  ``time_source`` ``date_line_utc``) and what ``date`` prints in a French, German, Spanish, Italian,
  Portuguese or Dutch locale (``ven. 10 oct. 2025 07:18:58 UTC``, ``Fr 10. Okt 07:18:58 UTC 2025``).
* **Windows PowerShell 5's ``curl``** (an alias of Invoke-WebRequest; its ``>`` writes UTF-16 with CR
  LF): the object it lists is read as a response, ``StatusCode        : 200`` its status,
  ``StatusDescription`` its reason, ``RawContent        : HTTP/1.1 200 OK`` its version (no
  ``RawContent``, no version: null) and the head lines indented below it and ``Headers : {[Date,
  ...], ...}``'s pairs its headers (values the listing cut short with ``...`` left out); ``curl : The
  remote server returned an error: (503) Server Unavailable.`` is a 503; another ``curl : message``
  after a command line (``Unable to connect to the remote server``, ``The remote name could not be
  resolved``, ``The operation has timed out``) a ``down`` row classed by its words, its message
  ``Invoke-WebRequest: ...``. The command line ``PS C:\\> curl URL`` gives the URL, ``-Method X``
  the method (else GET); without a command line the method is null.
* **wget transcripts** (``wget -S``/``--server-response``, with or without ``--spider``; where curl is not
  installed): the server's lines are the ones indented by two spaces, the row describes the last response
  and the last ``--<date> <time>--  URL`` line (redirects followed), the method of ``-d``'s last request
  block, else ``HEAD`` with ``--spider`` (or, the command not in the file, the ``Spider mode enabled.`` wget
  prints for it), else ``GET``; a ``failed: Connection refused.``, ``unable to resolve host``, ``timed
  out``, ``Read error`` or certificate line after it makes the row ``down`` with that error class. wget
  prints no timings, so ``elapsed_ms`` and the phases are null. busybox's wget (``/ # wget -S -O- URL`` in a
  container) prints no ``--<date>--`` line: the URL is the command line's.
* **HTTPie and xh transcripts** (``$ http --headers URL``, ``http HEAD URL``, ``https``, ``xh``, ``xhs``;
  a response's head as curl prints it): read as a curl transcript without a command, the URL and method
  from the command typed after a prompt (one with no prompt, ``# http status ...``, is prose): a URL
  without a scheme takes ``http://`` (``https://`` for ``https`` and ``xhs``), ``:8080/x`` is
  localhost's; the method is a capitalised first word before the URL, else POST when a request item
  is data (``name=value``, ``name:=json``, ``field@file``; not a header ``Name:value`` nor a query
  ``name==value``), else GET; options' values (``-a user:password``...) are no URL. Its secrets are
  curl's (see **secrets**): ``-a``/``--auth``'s value (the password, and the ``Basic`` credential sent
  for it), header items' values (``Authorization:'Bearer X'``, ``X-API-Key:abc``), data items' and a
  secret-named query item's. Its failure, ``http: error: ConnectionError: ... [Errno 111] Connection
  refused`` (``ReadTimeout``, ``Request timed out (30s).``, ``SSLError``, ``Too many redirects``,
  ``gaierror``), or xh's ``xh: error: error sending request for url (X)`` with its ``Caused by:``
  lines, is a ``down`` row classed by its words (``timeout``, ``too_many_redirects``, ``tls``, ``dns``,
  ``read``, ``connect``; another exception's name: ``protocol``), the line its message, scrubbed; with
  no command the message's ``request to URL: X`` (xh: ``for url (X)``) gives the URL and method. A
  usage error (``http: error: unrecognized arguments``) is no failure to fetch: the file stays a problem.
* **load tests**: a ``hey`` or ApacheBench (``ab``) summary named as evidence is a problem that says
  so (``a hey summary (a load test's aggregate figures), not check results``), as a k6 summary is; in
  a folder they are passed over (no status line, no curl command).
* **URL**: ``-w``'s ``url_effective``, else the last ``> METHOD /path HTTP/x`` request line (not a
  proxy's ``CONNECT``) plus its ``> Host:`` (``-v``), else the ``curl ... URL`` command line in the
  file followed through the ``Location`` headers of the redirect responses. On the command line the
  values of options that take one (``-x``, ``-e``, ``-H``, ``-d``, ``-o``, ``-w``, ``--resolve``,
  ``--connect-to``...) are no URL; ``--url X`` is one. Always redacted
  (:func:`occ_lib.redact.redact_url`); request headers are never kept.
* **method**: the last ``> METHOD`` request line's (``-v``), else what ``-w`` printed for ``%{method}``,
  else the command line's as curl picks it: ``-X``'s, else HEAD for ``-I``, GET for ``-G``, PUT for
  ``-T``, POST for ``-d``/``--data*``/``--json``/``-F`` (and GET once ``-L`` followed a 301, 302 or 303
  from it: curl turns such a POST into a GET, unless ``-X`` or ``--post301``... keep it), else GET.
* **secrets**: every message stored from a transcript has the command line's secret words replaced by
  ``***``: the values (and their words, ``name=value`` values, ``user:password`` passwords; 3+
  characters) of ``-H``/``--header`` (an unquoted ``-H Name: a b`` takes the words after it that are
  no option or URL), ``-u``/``--user``, ``-U``/``--proxy-user``, ``-b``/``--cookie``,
  ``--oauth2-bearer``, ``-d``/``--data*``/``--json``, ``-F``/``--form``, also as ``--opt=value``; and
  the ``Basic`` credential curl sends for ``-u user:password`` or the URL's ``user:password@`` (the
  URL's password and user too), should a server echo it (``X-Request-Id: b3BzOnMz...``).
  Messages (curl's, wget's, a JSON ``error``) also pass :func:`occ_lib.redact.redact_text` and lose
  the values of secret-named ``name=value`` pairs (``cookie=...``, ``password="..."``) and ``token:``,
  ``password:``, ``api-key:``, ``cookie:`` fields, their names and values quoted or not
  (``{"x-api-key": "***"}``); after ``Authorization:`` a known scheme word stays and the credential
  goes (``Authorization: ApiKey ***``; an unknown first word goes with the next); after ``Bearer`` any
  word goes, however short. A file name (``evidence_path``, a target named by it) loses a credential
  known by its form whole (``..._sk_live_4eC3..._2025-10-10T09-00-00Z.log``: ``_``, ``-`` or ``.`` and
  the name's next part end it, the stamp stays) and the value of a secret-named ``name=value`` part up
  to the next ``_``, ``.`` or ``/`` (``check_api_key=none_2025-...`` -> ``check_api_key=***_2025-...``).
  A problem line (:func:`problem_line`, what ``occ import`` prints) names its file so, stamp, extension
  and ``:line`` kept, and its reason passes :func:`occ_lib.redact.redact_text`.
* **synthetic-check JSON**: one object, a list, or ``{"results"|"checks"|"data"|"items": [...]}``, or
  JSON lines in a ``.json``, ``.jsonl`` or ``.ndjson`` file (every line that is not blank an
  object: one item each); occ's own exports (``occ events --format jsonl``'s rows: ``source``, ``line``
  and ``section``, ``at``, ``kind``, ``text``...; probe rows: ``run_id``, ``target``, ``outcome``...)
  are no checks: such a file is named and skipped, its ``http_status`` no probe; so is a k6 summary
  (``k6 run --summary-export``, ``handleSummary``'s JSON: ``metrics`` of a whole run, ``root_group``);
  nested objects (``request``/``response``) are searched too. Keys match case-, ``_``- and
  ``-``-insensitively: url|endpoint|target (a URL); status|statusCode|http_status|httpStatusCode|
  response_code|code; ok|success|passed|up (or, without one, Checkly's hasFailures|hasErrors|failed:
  ``true`` in any of them is a failed check, the first failed assertion's ``error`` its message);
  latency|duration|elapsed|responseTime|rtt (and total with a unit, ``total_ms``, or under ``timings``:
  ``{"timings": {"total": 312.5}}``), in ms unless the key ends in ``_s``, ``sec``, ``secs`` or ``seconds``
  (or the value is a string like ``"0.8s"``; a bare key's unit may be stated beside it: ``"latency_unit":
  "s"``, else ``"unit": "s"``; ``ms``, ``s``, ``us``, ``ns`` and their long names; a bare key's integer
  of 10^7 or more, 2.8 hours as ms, is Go's ``time.Duration`` in ns: Gatus's ``"duration": 123456789``;
  a file's bare numbers, two or more, that all have a fraction and are below 60 are seconds, ``0.234``
  is 234 ms, and ``occ import`` warns that it read them so (:class:`EvidenceNote`, no problem: exit 0),
  as it does for a lone such number, which stays ms; an import says a file's notes only when it adds
  rows of it: a file imported before is counted ``already imported``, once, and its notes not said);
  checked_at|timestamp|time|startedAt|check_time|run_at|executed_at|last_checked_at (ISO 8601, naive = UTC,
  or RFC 1123's ``Fri, 10 Oct 2025 07:00:00 GMT``, or an epoch number in s, ms, µs or ns by its size: up
  to 1e11 s, 1e14 ms, 1e17 µs, 1e20 ns, so 10, 13, 16 or 19 digits today, to the µs; also written as a
  string of 9 or more digits, ``"1760070048"``; one that fits
  none, or is past 2262, is no time; 1970 or before, such as Go's zero time 0001-01-01, is no time);
  name|check|target|title|pronounceable_name|monitorName|friendly_name (a name; New Relic's
  SyntheticCheck rows, UptimeRobot's) -> target; error|message|failure|reason, else Pingdom's
  statusdesclong|statusdesc (a down check's message: ``Connection refused``) -> error class by
  keywords. Each field takes the first of its keys (in that order, the top level before nested objects)
  whose value is valid for it: a status must be 100-599, a time a date and time, an ok a
  boolean or a pass/fail word (or, in an item that names a URL, ``1``/``0`` under
  ok|success|passed|up|healthy: Grafana's ``"success": 0, "http_status_code": 0`` is a failed check with no
  status; a bare count is no check)... Datadog's top-level ``"status": 0`` (the monitor's state) gives way
  to ``result.httpStatusCode``. An item with no valid status and no ok is a problem (``status 0 is not an
  HTTP status``), as is one whose only time is no time. A failed check's latency of 0 (Pingdom's down
  result's ``"responsetime": 0``, any shape's) is no measurement: ``elapsed_ms`` null.
* **Datadog synthetics results** (``result_id``, ``probe_dc`` or ``check_time`` beside a ``result``)
  do not carry their test: an item's own ``check.config.request.url`` names it, else the one test the
  export names outside its results (``{"test": {"public_id": ..., "name": ..., "config": {"request":
  {"url": ..., "method": ...}}}, "results": [...]}``, anywhere in the file: its ``name``, else its
  ``public_id``, and its URL and method); else (none, or several) the rows keep the file's name and an
  :class:`EvidenceNote` says so once for the file. The items' identity is their own text.
* **Uptime Kuma heartbeats** (``{"heartbeatList": {"1": [{"status": 1, "time": "2025-10-10
  07:00:00.123", "msg": "200 - OK", "ping": 87}]}}``, by monitor id; ``monitorList`` beside it gives
  each monitor's name and URL, else the target is ``kuma monitor 1``): ``status`` 1 is up, 0 (down)
  and 2 (pending: failed, Kuma retrying) are down, 3 (maintenance) no check result, left out; the HTTP
  status from ``msg``'s ``200 - OK`` or ``... status code 503``, ``ping`` the ms, ``time`` (Kuma's, UTC)
  the time (``json``), a failed beat's ``msg`` its message.
* **blackbox exporter's text answer** (``curl 'localhost:9115/probe?target=...' > bb.txt``, or a
  scrape of several: Prometheus's text format, not JSON): each series' ``probe_success`` sample is a
  row (``ok`` when 1), its ``instance`` (or ``target``) label the URL or, not being one, the name (no
  label: the ``target=`` of the ``$ curl '.../probe?target=X&module=http_2xx'`` line above it, URL-decoded,
  else the file's name), ``probe_http_status_code`` (0: none) and ``probe_duration_seconds`` of the
  same labels its status and time taken, the sample's timestamp (ms) its time, else the file's. A
  failed probe (``probe_success 0``) says why as its metrics of the same labels show: a debug
  answer's (``&debug=true``) last logged ``level=error ... err="..."`` (its message, classed by its
  words: ``context deadline exceeded`` is ``timeout``); else, with no HTTP status, ``probe_ip_protocol
  0`` is ``dns`` (the name did not resolve), a ``probe_http_duration_seconds{phase="tls"}`` above 0
  ``tls``, a ``connect`` phase above 0 ``connect``, else no class but the message ``probe failed: no
  HTTP answer``; with an expected status, ``probe_failed_due_to_regex 1`` (the body or a header failed
  the module's regexp) or another of the module's checks, no class (an unexpected one is
  ``unexpected_status``, ``HTTP 503``, as before). None of this is in the row's identity.
* **Prometheus query answers** (a saved ``/api/v1/query`` or ``query_range`` response,
  ``{"status": "success", "data": {"resultType": "vector"|"matrix", "result": [...]}}``): each
  ``probe_success`` sample is a row (``ok`` when its value is 1), its URL (or, not being one, its
  name) from the series' ``instance`` label (or ``target``), its time the sample's epoch
  (``json``), ``elapsed_ms`` from ``probe_duration_seconds`` and the status from
  ``probe_http_status_code`` (0: none) of the same series at the same time in the same answer. An
  answer without ``probe_success`` samples, or a failed query, is not a probe result: the file is
  named and skipped.
* **time** (``time_source``): a JSON item's own time (``json``), else the stamp in the file name
  (``filename``, :func:`occ_lib.times.parse_stamp`; also without a ``T``: ``20251014_090500``,
  ``20251014-0905``, ``2025-10-14_09-15-00``, ``2025-10-14_09:20:00``; ``Z``, an offset, a zone abbreviation
  such as ``date +%Z``'s ``EDT``, glued to the time or set off by ``-``, ``_`` or ``.``
  (``T01-30-00-EST.log``), else UTC; an offset's minutes may follow a ``-`` as ``:`` has no place in a
  Windows file name: ``T08-20-44+05-30``, ``T08-20-44-03-30`` (only 00, 30 or 45, and a minus offset only
  after seconds); one glued to letters that name no known zone gives no time), else a ``script``
  header's time (``script``; ``Script started on 2025-10-14 09:05:00+00:00``, util-linux 2.35 and later:
  older ones and BSD's write a local time without a zone, no time) when that session ran the row's
  command (``script -c "curl ..."``: it began then), else the last response's ``Date`` header
  (``date_header``), else the last ``date`` output line between the command before the row's and
  the row's own, or the one that opens a run of a file without commands (``date_line``; ``Fri Oct 10
  07:00:00 UTC 2025``, ``Fri Oct 10 09:00:00 CEST 2025``, a locale's ``Fri 10 Oct 2025 09:00:00 AM
  CEST``, ``-R``'s ``Fri, 10 Oct 2025 09:00:00 +0200``, ``2025-10-10T09:00:00+02:00``; an abbreviation
  :func:`occ_lib.times.zone_named` knows, on the side of a clock change it names, or an offset: IST and
  CST, each printed in several zones, and unknown ones give no time; several curl runs in one file,
  each after ``$ date -u``; when two runs of a file or more have a date line each, those lines time
  them over the file name's stamp), else the header's time of the session the row is in (its command was typed
  later: the Date header, when there is one, is nearer), else the file's modification time (``mtime``).
* **target**: a configured target whose redacted URL equals the row's (scheme, host, port, path and
  query compared: ``http://host/app`` is not the target ``https://host/app``, another origin (RFC 9110)
  whose answer never touched the target's TLS and whose 301 to it says nothing of its health; ``curl
  -L`` that followed it there is the target's, its URL the final one; the first in config order when
  several do; each target's URL is keyed once per import, so matching does not grow with the number
  of targets), else the JSON item's name, else
  ``host/path?query`` of the redacted URL (default ports dropped), else the file name without its
  stamp (one that gives a valid time: ``build_12345678_123456`` keeps its digits).
* **outcome**: ``ok``/``success`` when the JSON gives it; otherwise the status against the matched
  target's ``expect`` (``2xx`` when none). Expected but slower than the target's ``degraded_ms``
  (only for a matched target), or a passed check its tool calls degraded (Checkly's ``"isDegraded":
  true``, ``"degraded": true``) -> ``degraded``. Unexpected -> ``down`` / ``unexpected_status``.
* **identity**: ``evidence_key = sha256(item) + "#" + n``, the item being the row's own text (a JSON
  item, compact with sorted keys; the lines of one ``$ curl`` command; the whole file for a one-row
  transcript; a loop's line and one pass's output; a Prometheus sample) and ``n`` counting the
  identical items before it in the file (a run of a file without commands: its lines, the first run's
  from the file's start); plus ``"@" + the UTC stamp`` (``...#0@2025-10-10T08:05:00Z``)
  when the row's time comes from the file name, a ``script`` header or a ``date`` line (a row timed
  by the file name, the ``script`` session, the ``Date`` header or the mtime by versions before is
  known by that key too; so is the one row versions before read from a file of date-lined runs, the
  whole file as it ended after some run its item: it stands for the run it described, the first final
  response, with ``-v`` the last, and only the other runs are new; a ``curl; date`` file imported while
  it ended in a response is not recognised so): byte-identical
  files named by different stamps are different probes, and so are the same command and output in
  two recordings (the header is not in the item of a session's later command). When the time is the
  file's mtime the text alone would not tell the same item of two files apart: an mtime with a
  fraction of a second, which no two separate writes share (a copy kept by ``mv``, ``cp -p``, ``rsync
  -t`` does), is added as such a stamp to the microsecond (``...#0@2025-10-14T09:00:00.123456Z``), so
  a renamed file adds nothing; a whole-second mtime (``touch -d``, an archive's) may be shared by
  different files, so the file's path is hashed before the item instead. A file renamed after a
  ``touch`` has a new path and a new time: it is a new probe. So a file imported again adds nothing
  and one that grew since (a monitor appends to the day's file, cron imports it twice a day) adds only
  its new items. A row is in the store already when its key is (for an mtime row also its key in the
  path form, or the same item of the same path at another mtime: a file touched since), or its key
  in a form earlier versions wrote is: ``sha256(file
  bytes) + ":" + item index`` (with the stamp; or without it at the same ``started_at``), or one of
  those of the same ``evidence_path`` and item index at the same ``started_at`` (the file grew
  after that import); a file whose rows all are is a duplicate and adds nothing.
"""

from __future__ import annotations

import base64
import bisect
import contextlib
import datetime as dt
import email.utils
import functools
import hashlib
import itertools
import json
import math
import re
import shlex
import uuid
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import unquote, urljoin, urlsplit

import pandas as pd

from ._stamps import BARE_TIME
from .errors import InputError
from .redact import (
    AUTH_IN_TEXT,
    AUTH_SCHEMES,
    LABEL,
    REDACTED,
    TEXT_VALUE,
    auth_placeholder,
    digest_param,
    is_secret_name,
    masked_before_name_tail,
    masked_value,
    names_setting,
    placeholder_at,
    placeholder_value,
    redact_header_value,
    redact_mapping,
    redact_path,
    redact_text,
    redact_url,
    secret_defaults,
    store_name,
    store_note_at,
)
from .schema import PROBE_COLUMNS, conform, empty_probes
from .workspace import not_regular

MAX_BYTES = 20 * 1024 * 1024
_DEFAULT_EXPECT = ((200, 299),)
_LIST_KEYS = ("results", "checks", "data", "items", "probes")

_STATUS = re.compile(r"^(HTTP/(?:1\.0|1\.1|2(?:\.0)?|3(?:\.0)?))[ \t]+(\d{3})(?:[ \t]+(.*?))?\s*$")
_HEADER = re.compile(r"^([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \t]*(.*?)\s*$")
_REQUEST = re.compile(r"^([A-Z]+) (\S+) HTTP/[0-9.]+\s*$")
_CURL_ERR = re.compile(r"curl: \((\d+)\)\s*(.*)$")
# A shell prompt before a command: one of these forms, then maybe 'user@host...' ('ops@box:~$ ', git's
# 'ops@box:~/w (main)$ ', macOS zsh's 'ops@MacBook-Pro ~ % '), either after a virtualenv's '(venv) ';
# then maybe 'time' or 'sudo -E' in front of the program.
_PROMPT_FORMS = "|".join((
    r"\[[^\]\n]*\]\s*[$#%]",  # RHEL's '[ops@bastion ~]$ '
    r"(?:ba|z|k|da|a)?sh-\d+(?:\.\d+)*[$#]",  # 'bash-5.1$ ', 'sh-4.4# '
    r"(?:[\w.-]+:)?[~/][^\s$#%>]*\s*[$#]",  # busybox's '/ # ' (kubectl exec), '~ $ ', 'pod:/app# '
    r"[\w.-]+:\S*\s+[\w.-]+[$#]",  # macOS bash's 'MacBook-Pro:~ ops$ '
    r"[➜❯](?:\s+\S+(?:\s+git:\([^)\n]*\))?(?:\s+✗)?)?",  # oh-my-zsh's '➜  ~ ', starship's '❯ '
    r"PS(?:\s+(?:[A-Za-z]:|[/~\\])[^>\n]*)?>",  # PowerShell's 'PS C:\Users\ops> ', pwsh's 'PS /home/ops> '
    r"[A-Za-z]:\\[^>\n]*>",  # cmd's 'C:\Users\ops>'
    r"[$%#>]",
))
_VENV = r"(?:\([^()\s]+\)\s+)?"
_PROMPT_USER = r"\S+@\S+(?:\s+[^\s$#%>]+)?(?:\s+\([^)\n]*\))?\s*[:$#%>]"
_PROMPT = (
    rf"^\s*(?P<prompt>(?:{_VENV}(?:{_PROMPT_FORMS})\s*)?(?:{_VENV}{_PROMPT_USER}\s*)?)"
    r"(?:(?:time|sudo)(?:\s+-\S+)*\s+)*"
)
_COMMAND = re.compile(_PROMPT + r"curl(?:\.exe)?\s+(?P<args>.*)$")
_PROMPT_ALONE = re.compile(_PROMPT + r"$")  # (a prompt with nothing typed after it)
_WRITE_OUT = re.compile(
    r"\b(time_total|time_namelookup|time_connect|time_appconnect|time_starttransfer|size_download)"
    r"\s*[:=]\s*([0-9]+(?:\.[0-9]+)?)\s*(ms|s)?\b"
)
_CURL_CODES = {
    6: "dns", 7: "connect", 28: "timeout", 35: "tls", 51: "tls", 53: "tls", 54: "tls", 58: "tls",
    59: "tls", 60: "tls", 83: "tls", 90: "tls", 91: "tls", 47: "too_many_redirects", 52: "read",
    55: "read", 56: "read", 18: "read", 1: "protocol", 8: "protocol", 16: "protocol", 92: "protocol",
    5: "dns", 22: "unexpected_status",
}
# (read before connect: 'connection reset by peer' is a reset, as occ probe classes it, though it says
# 'connect'; Go's net/http says 'no such host' and 'context deadline exceeded')
_ERROR_WORDS = (
    ("timeout", ("timeout", "timed out", "etimedout", "deadline exceeded")),
    ("dns", ("dns", "enotfound", "getaddrinfo", "name resolution", "resolve host", "nxdomain",
             "no such host", "could not be resolved")),
    ("tls", ("tls", "ssl", "certificate", "handshake")),
    ("read", ("reset", "econnreset", "socket hang up", "read error", "empty reply", "on a receive")),
    ("connect", ("refused", "econnrefused", "connect", "unreachable")),
    ("too_many_redirects", ("redirect",)),
    ("protocol", ("protocol",)),
)
_REQUEST_ID_HEADERS = (  # same order as occ_lib.probe
    "x-request-id", "x-amzn-requestid", "x-amz-request-id", "fly-request-id", "cf-ray",
    "x-correlation-id", "x-github-request-id", "request-id", "x-trace-id",
)


@dataclass(frozen=True)
class ImportResult:
    """What ``import_evidence`` did: rows added and what was skipped or already there."""

    imported_rows: int
    imported_files: list[str] = field(default_factory=list)
    skipped_files: list[str] = field(default_factory=list)
    duplicate_files: list[str] = field(default_factory=list)
    problems: list[InputError] = field(default_factory=list)


# helpers ----------------------------------------------------------------------------------------
# a zone after a file name's time (also one without a 'T': '20251014_090500_EDT'), set off by '-', '_'
# or '.': an abbreviation ('T01-30-00-EST.log'),
# or a signed offset, bare or after UTC/GMT ('T14-30-00_+0800', '_UTC+0530', '--03' as '-%Z' prints
# Sao Paulo's zone)
_ZONE_AFTER_SEP = re.compile(
    r"(?P<time>T\d{2}[-:]?\d{2}(?:[-:]?\d{2})?(?:\.\d+)?"
    rf"|(?:(?<=\d{{8}})|(?<=\d{{4}}-\d{{2}}-\d{{2}})){BARE_TIME})"
    r"[-_.](?:(?:UTC|GMT)(?=[+\-]\d))?"
    r"(?P<zone>[A-Z]{2,5}(?![A-Za-z])|[+\-]\d{2}(?::?\d{2})?(?!\d))"
)


# an offset's minutes after '-' ('T08-20-44+05-30', '_-03-30': a Windows file name holds no ':'), glued to
# the time or set off as above; a minus offset only after seconds ('T08-20-05-30' may be 08:20:05 and a
# '-30'), and only minutes an offset has (00, 30, 45: '+08-01' may be a counter)
_HYPHEN_OFFSET = re.compile(
    r"(T\d{2}(?P<sep>[-:]?)\d{2}(?:(?P=sep)\d{2}(?:\.\d+)?(?:[-_.](?:UTC|GMT)?)?[+\-]"
    r"|(?:[-_.](?:UTC|GMT)?)?\+)\d{2})-(00|30|45)(?!\d)"
)


def _stamp(name: str) -> dt.datetime | None:
    """The stamp in a file name; a zone set off from its time by ``-``, ``_`` or ``.`` counts as one
    after a space (file names hold no spaces, so people use those), an offset's ``-30`` as ``:30``."""
    from .times import parse_stamp

    if "-" in name and _HYPHEN_OFFSET.search(name) is not None:
        name = _HYPHEN_OFFSET.sub(r"\1:\3", name)
    return parse_stamp(_ZONE_AFTER_SEP.sub(r"\g<time> \g<zone>", name))


def _norm_key(key: str) -> str:
    return re.sub(r"[^a-z0-9]", "", key.lower())


def _display(path: Path, root: Path | None) -> str:
    """The path relative to the workspace root when it is inside it, else as given."""
    if root is not None:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return path.as_posix()


def _url_key(url: str) -> tuple[str, str, int | None, str, str] | None:
    try:
        p = urlsplit(url)
        port = p.port or {"http": 80, "https": 443}.get(p.scheme)
    except ValueError:
        return None
    return (p.scheme.lower(), (p.hostname or "").lower(), port, p.path or "/", p.query)


def _target_from_url(url: str) -> str:
    """``https://host:443/app?mock=1`` -> ``host/app?mock=1`` (URL already redacted)."""
    p = urlsplit(url)
    host = (p.hostname or "").lower()
    try:
        port = p.port
    except ValueError:
        port = None
    if port and port != {"http": 80, "https": 443}.get(p.scheme):
        host += f":{port}"
    return host + (p.path if p.path not in ("", "/") else "") + (f"?{p.query}" if p.query else "")


_STAMP_IN_NAME = re.compile(
    r"(?:\d{4}-?\d{2}-?\d{2}T\d{2}[-:]?\d{2}(?:[-:]?\d{2})?(?:\.\d+)?"
    # (the forms without a 'T' that :func:`occ_lib.times.parse_stamp` reads: '20251014_090500',
    # '20251014-0905', '2025-10-14_09-15-00', '2025-10-14_09:20:00', '2025-10-14_0910'; only a valid one)
    rf"|(?<!\d)(?P<bare>(?:\d{{8}}|\d{{4}}-\d{{2}}-\d{{2}}){BARE_TIME})(?!\d))"
    r"(?:Z|[-_.]?(?:(?:UTC|GMT)(?=[+\-]\d))?[+\-]\d{2}(?::?\d{2}|-(?:00|30|45))?(?!\d)"
    r"|(?P<zsep>[-_.]?)(?P<zone>[A-Z]{2,5})(?![A-Za-z]))?")


def _name_without_stamp(path: Path) -> str:
    """``curl_hotdash-staging_2025-10-10T02-50-44Z.log`` -> ``curl_hotdash-staging``,
    ``healthz_20251014_090500.log`` -> ``healthz``; digits that make no valid date and time
    (``build_12345678_123456``) stay."""
    from .times import parse_stamp, zone_named

    def cut(m: re.Match[str]) -> str:
        if m.group("bare") and parse_stamp(m.group("bare")) is None:
            return m.group(0)
        # (a word set off after the time goes with it only when it names a zone: '_PROD' stays)
        if not m.group("zsep") or zone_named(m.group("zone")):
            return ""
        return m.group("zsep") + m.group("zone")

    name = _STAMP_IN_NAME.sub(cut, re.sub(r"\.[A-Za-z]+$", "", path.name))
    return re.sub(r"[_.-]{2,}", "_", name).strip("_.-") or path.name


# stricter than redact_text: any name that holds a secret-like word, and any 'name: value' with one
# (a name starts after no name character and is read whole, possessively: a run of 20 KB of name characters
# with no separator after it costs one pass, not one per start - hostile input stays linear)
_PAIR_IN_TEXT = re.compile(
    r"""(["']?)(?<![A-Za-z0-9_.-])([A-Za-z0-9_.-]++)\1(\s*=>?\s*)""" + TEXT_VALUE  # (Ruby's '=>' too)
)
_FIELD_IN_TEXT = re.compile(
    r"""(?i)(["']?)(?<![A-Za-z0-9_.-])(?=[A-Za-z0-9_.-]*?(?:token|secret|password|passwd|api[_-]?key|cookie))"""
    r"""([A-Za-z0-9_.-]++)\1(\s*:\s*)""" + TEXT_VALUE
)
# (any length, unlike redact_text)
_BEARER_IN_TEXT = re.compile(r"""(?i)\b(bearer:?\s+)([^\s"'`,;()\[\]{}]+)""")


def _auth_masked(m: re.Match[str]) -> str:
    """An :data:`AUTH_IN_TEXT` match with its credential masked (the scheme word kept when known);
    a value that opens with another word loses it and the word after it ('Authorization: RAWSECRET
    refused')."""
    first, space, second = m.group(2), m.group(3) or "", m.group(4)
    if auth_placeholder(m):
        return m.group(0)  # ('Authorization: Bearer <token>', 'Bearer ${TOKEN}': a reference, no secret)
    if second and (kept := digest_param(first, second)) is not None:
        return f"{m.group(1)}{first}{space}{kept}"  # ('Digest username="bob", ...': the hashes go)
    if first.lower() in AUTH_SCHEMES:
        return f"{m.group(1)}{first}{space}{REDACTED}" if second else f"{m.group(1)}{first}"
    return f"{m.group(1)}{REDACTED}{space}{REDACTED if second else ''}"


def _scrub(text: str) -> str:
    """``redact_text`` plus, written outside a URL: ``api_key=...``/``cookie=...`` pairs and
    ``token: ...`` fields (names and values quoted or not), the credential after
    ``Authorization: <scheme>`` and after ``Bearer`` (any length); a plain phrase after a plain word's name
    stays, as in the logs ('password: see vault'), not on a header's line (:func:`_plain_phrase`)."""
    text = redact_text(text)
    if "${" in text:  # ('token_ttl=${TOKEN_TTL:-3600}': a stricter name's reference and default go whole)
        text = secret_defaults(text, is_secret_name)
    text = AUTH_IN_TEXT.sub(_auth_masked, text)
    text = _BEARER_IN_TEXT.sub(
        lambda m: m.group(0) if placeholder_at(m.string, m.start(2)) else f"{m.group(1)}{REDACTED}", text)
    text = _PAIR_IN_TEXT.sub(
        lambda m: masked_value(m.group(1) + m.group(2) + m.group(1), m.group(3), m.group(4))
        if is_secret_name(m.group(2)) and not _kept_value(m)
        and not names_setting(m.group(2), m.group(4), m.string, m.end()) else m.group(0), text)
    return _FIELD_IN_TEXT.sub(
        lambda m: m.group(0) if _kept_value(m) or _plain_phrase(m)
        else masked_value(m.group(1) + m.group(2) + m.group(1), m.group(3), m.group(4)), text)


_HEADER_START = re.compile(r"[ \t]*(?:[<>][ \t]*)?")


def _plain_phrase(m: re.Match[str]) -> bool:
    """Whether a field's value (group 4) is prose, as the log rules keep it ('password: see vault'): a
    word of small letters, then another, after a plain word's name; not a header's ('X-Api-Token: x y',
    'Password: x' opening its line, '< password: x')."""
    value, text = m.group(4), m.string
    if not (value.isalpha() and value.islower() and m.group(2).isalpha()):
        return False
    if not (text.startswith(" ", m.end()) and (
        text[m.end() + 1:m.end() + 2].islower() or store_name(text[m.end() + 1:m.end() + 40].split(" ", 1)[0])
    )):  # ('password: see 1Password item DB-prod')
        return False
    line = text.rfind("\n", 0, m.start()) + 1
    head = _HEADER_START.fullmatch(text, line, m.start())
    return head is None or (not head.group(0).strip() and m.group(2)[:1].islower() and not m.group(1))


def _kept_value(m: re.Match[str]) -> bool:
    """Whether a pair's value (group 4, after its separator, group 3) is none to mask: a mask with a file
    name's stamp after it, or the next pair's name after a space ('auth= key=***': the label stays)."""
    value = m.group(4).strip("\"'")
    if placeholder_value(value) or placeholder_at(m.string, m.start(4)):
        return True  # ('password: <your-password>', 'PASSWORD=${DB_PASS}': a reference, no secret)
    if ":" in m.group(3) and store_note_at(value, m.string, m.end(4)):
        return True  # ('password: 1Password vault': where it is kept)
    return masked_before_name_tail(value) or (
        m.group(3)[-1:].isspace() and LABEL.match(m.group(4)) is not None)


def problem_line(problem: InputError) -> str:
    """A problem as one line, ``path[:line]: reason``, safe to print: the path scrubbed as
    ``evidence_path`` is (:func:`occ_lib.redact.redact_path`: its stamp, extension and the ``:``
    after it stay, so two such files are told apart), the reason as any text (``redact_text``).
    That is the message :class:`occ_lib.errors.InputError` is made with."""
    return str(problem)


def _error_class(text: str, classes: tuple[tuple[str, tuple[str, ...]], ...] = _ERROR_WORDS) -> str | None:
    """The first of ``classes`` (error class, words) whose words ``text`` holds, else None."""
    low = text.lower()
    for cls, words in classes:
        if any(w in low for w in words):
            return cls
    return None


# curl transcripts ---------------------------------------------------------------------------------
@dataclass
class _Response:
    version: str
    status: int
    line: int
    headers: dict[str, str] = field(default_factory=dict)
    reason: str = ""
    end: int | None = None  # the number of the blank line ending a final response's head (its body follows)


def _http_version(token: str) -> str:
    return {"HTTP/2.0": "HTTP/2", "HTTP/3.0": "HTTP/3"}.get(token, token)


def _responses(lines: list[tuple[int, str]], verbose: bool, proxied: bool = False) -> list[_Response]:
    out: list[_Response] = []
    state = "idle"
    for pos, (no, text) in enumerate(lines):
        if state == "body" and not verbose:
            break
        m = _STATUS.match(text)
        # (curl -v prints no blank line after a 1xx: '< HTTP/1.1 100 Continue', '< HTTP/1.1 200 OK')
        if m and (state != "headers" or out[-1].status < 200):
            out.append(_Response(_http_version(m.group(1)), int(m.group(2)), no, reason=m.group(3) or ""))
            state = "headers"
            continue
        if state != "headers":
            continue
        h = _HEADER.match(text) if text.strip() else None
        if h:
            out[-1].headers.setdefault(h.group(1).lower(), h.group(2))
        else:
            state = "idle" if _chains(out, lines, pos, proxied) else "body"
            if state == "body":
                out[-1].end = no
    return out


def _chains(out: list[_Response], lines: list[tuple[int, str]], pos: int, proxied: bool) -> bool:
    """Whether curl went on after the header block of ``out[-1]`` (ending at ``lines[pos]``): a 1xx,
    a redirect, or a proxy's ``200 Connection established`` answer to CONNECT (a tunnel, not the
    answer). A proxy may word that 200 otherwise ('200 OK'): with ``-x``, a first 2xx followed by
    another status line is one too."""
    r = out[-1]
    if r.status < 200 or 300 <= r.status < 400:
        return True
    if not 200 <= r.status < 300:
        return False
    if r.reason.strip().lower() == "connection established":
        return True
    if not proxied or len(out) > 1:
        return False
    for _no, text in lines[pos + 1: pos + 20]:  # (the next response starts right after the blank line)
        if text.strip():
            return bool(_STATUS.match(text))
    return False


class _Command(NamedTuple):
    """The first ``$ curl ... URL`` line of a transcript, read once."""

    url: str | None
    method: str
    write_out: str | None  # the ``-w``/``--write-out`` format (None also when the line cannot be split)
    index: int  # of its last line in the lines given (a command may go on over several)
    secrets: tuple[str, ...] = ()  # words of secret arguments (headers, -u, -b, -d...), longest first
    # the hosts curl's errors may name for this row: the URL's (also one written without a scheme) and
    # those of -x/--proxy/--preproxy/--connect-to; empty when the command names no URL
    hosts: tuple[str, ...] = ()
    proxied: bool = False  # -x/--proxy/--preproxy: the first answer may be a tunnel's
    # one URL and no other word curl would fetch: a failure to connect to another host is a proxy's
    # (one set by environment variable or in .curlrc)
    single: bool = False
    # -v/--verbose/--trace* (or a -K config that may set them): only then does curl print '* ' notes
    verbose: bool = True
    # the redirects (301, 302, 303) after which curl -L sends GET instead: a POST of -d's without -X
    to_get: tuple[int, ...] = ()
    urls: tuple[str, ...] = ()  # every http(s) URL of the command, in order (curl fetches each in turn)
    follows: bool = False  # -L/--location*: a 3xx is not the URL's last answer
    hides_errors: bool = False  # -s/--silent without -S/--show-error: a failed URL prints nothing


# curl's options that take an argument (curl 7.88, 'curl --help all'): that argument is no URL
_ARG_SHORT = frozenset("bcdeEmoruwxyzACDFHKPQTUXY")
_ARG_LONG = frozenset(f"--{name}" for name in (
    "abstract-unix-socket", "alt-svc", "aws-sigv4", "cacert", "capath", "cert", "cert-type", "ciphers",
    "config", "connect-timeout", "connect-to", "continue-at", "cookie", "cookie-jar", "create-file-mode",
    "crlfile", "curves", "data", "data-ascii", "data-binary", "data-raw", "data-urlencode", "delegation",
    "dns-interface", "dns-ipv4-addr", "dns-ipv6-addr", "dns-servers", "doh-url", "dump-header", "egd-file",
    "engine", "etag-compare", "etag-save", "expect100-timeout", "form", "form-string", "ftp-account",
    "ftp-alternative-to-user", "ftp-method", "ftp-port", "ftp-ssl-ccc-mode", "happy-eyeballs-timeout-ms",
    "header", "hostpubmd5", "hostpubsha256", "hsts", "interface", "json", "keepalive-time", "key",
    "key-type", "krb", "libcurl", "limit-rate", "local-port", "login-options", "mail-auth", "mail-from",
    "mail-rcpt", "max-filesize", "max-redirs", "max-time", "netrc-file", "noproxy", "oauth2-bearer",
    "output", "output-dir", "parallel-max", "pass", "pinnedpubkey", "preproxy", "proto", "proto-default",
    "proto-redir", "proxy", "proxy-cacert", "proxy-capath", "proxy-cert", "proxy-cert-type", "proxy-ciphers",
    "proxy-crlfile", "proxy-header", "proxy-key", "proxy-key-type", "proxy-pass", "proxy-pinnedpubkey",
    "proxy-service-name", "proxy-tls13-ciphers", "proxy-tlsauthtype", "proxy-tlspassword", "proxy-tlsuser",
    "proxy-user", "pubkey", "quote", "random-file", "range", "rate", "referer", "request", "request-target",
    "resolve", "retry", "retry-delay", "retry-max-time", "sasl-authzid", "service-name", "socks4", "socks4a",
    "socks5", "socks5-gssapi-service", "socks5-hostname", "speed-limit", "speed-time", "stderr",
    "telnet-option", "tftp-blksize", "time-cond", "tls-max", "tls13-ciphers", "tlsauthtype", "tlspassword",
    "tlsuser", "trace", "trace-ascii", "unix-socket", "upload-file", "url", "url-query", "user",
    "user-agent", "variable", "write-out"
))
_SHORT_NAMES = {"-H": "--header", "-u": "--user", "-U": "--proxy-user", "-b": "--cookie", "-d": "--data",
                "-F": "--form", "-x": "--proxy", "-X": "--request", "-w": "--write-out",
                "-T": "--upload-file", "-G": "--get"}
_SECRET_OPTS = frozenset((
    "--header", "--proxy-header", "--user", "--proxy-user", "--cookie", "--oauth2-bearer", "--data",
    "--data-ascii", "--data-binary", "--data-raw", "--data-urlencode", "--json", "--form", "--form-string",
    "--pass", "--proxy-pass", "--tlspassword", "--proxy-tlspassword",
))
# what makes curl send a body, and so POST (``--upload-file``: PUT) unless ``-G``/``-I``/``-X`` says otherwise
_BODY_OPTS = frozenset(("--data", "--data-ascii", "--data-binary", "--data-raw", "--data-urlencode", "--json",
                        "--form", "--form-string"))
_URL_WORD = re.compile(r"(?i)https?://")
_MORE_URLS = frozenset(("--config", "-K", "--next", "-:"))  # (options that may bring other URLs)
_VERBOSE_OPTS = frozenset(("-v", "--verbose", "--trace", "--trace-ascii", "--trace-time", "--config", "-K"))


# HTTPie's (and xh's) command typed at a prompt: 'http [options] [METHOD] URL [ITEM...]', its URL
# without a scheme taking 'http://' ('https://' for the 'https' and 'xhs' programs), ':3000/x' localhost's
_HTTPIE = re.compile(_PROMPT + r"(?P<prog>https?|xhs?)\s+(?P<args>.*)$")
_HTTPIE_VALUE_OPTS = frozenset((
    "-a", "--auth", "-A", "--auth-type", "-o", "--output", "--session", "--session-read-only", "--cert",
    "--cert-key", "--cert-key-pass", "--verify", "--proxy", "--timeout", "--max-redirects", "-p",
    "--print", "--pretty", "-s", "--style", "--format-options", "--response-charset", "--response-mime",
    "--default-scheme", "--ssl", "--ciphers", "--boundary", "--raw",
))
_HTTPIE_URL = re.compile(r"(?i)^(?:https?://|:\d*/|:\d+$|localhost\b|[\w-]+(?:\.[\w-]+)+(?::\d+)?(?:[/?]|$))")
_HTTPIE_ITEM = re.compile(r"^(?:[^:=@\\]|\\.)*?(==|:=@|=@|:=|=|@|:)")


def _load_test(text: str) -> str | None:
    """The load tester whose summary ``text`` is (``hey``'s ``Requests/sec:`` and ``Status code
    distribution:``, ApacheBench's ``This is ApacheBench`` and ``Requests per second:``), else None."""
    if "Requests/sec:" in text and "Status code distribution:" in text:
        return "a hey"
    if "This is ApacheBench" in text or "Requests per second:" in text and "Complete requests:" in text:
        return "an ApacheBench (ab)"
    return None


class _Typed(NamedTuple):
    """An HTTPie (or xh) command typed at a prompt: its URL, method and secret words."""

    url: str
    method: str
    secrets: tuple[str, ...] = ()  # (-a/--auth's, header items' and data items' values), longest first


def _httpie_secrets(opts: list[tuple[str, str]], items: list[str]) -> tuple[str, ...]:
    """The secret words of an HTTPie command, as curl's ``-u``/``-H``/``-d`` are: ``-a user:password``
    (and the ``Basic`` credential sent for it; a token alone with ``-A bearer``), the values of header
    items (``Authorization:'Bearer X'``, ``X-API-Key:abc``) and data items (``password=x``, ``n:=1``),
    and of a query item whose name is a secret's (``api_key==x``)."""
    words: set[str] = set()
    for name, value in opts:
        if name in ("-a", "--auth") and value:
            words |= _secret_words("--user", value)
    for w in items:
        i = _HTTPIE_ITEM.match(w)
        if i is None or i.group(1) in ("@", "=@", ":=@"):
            continue
        value = w[i.end():]
        if i.group(1) == ":":
            words |= _secret_words("--header", w)
        elif i.group(1) != "==" or is_secret_name(w[: i.start(1)]):
            words |= _secret_words("--data", value)
    return tuple(sorted(words, key=len, reverse=True))


def _httpie_command(lines: list[str]) -> _Typed | None:
    """URL, method and secrets of the first HTTPie (or xh) command typed after a prompt in ``lines``:
    the method its first word in capitals when a URL follows, else POST when a request item is data
    (``name=value``, ``name:=json``, ``field@file``), else GET; None when there is none."""
    for text in lines:
        if "http" not in text and "xh" not in text:
            continue
        m = _HTTPIE.match(text)
        if m is None or not m.group("prompt").strip():
            continue
        try:
            args = shlex.split(m.group("args"))
        except ValueError:
            args = m.group("args").split()
        words, skip, opts = [], "", []
        for a in args:
            if skip:
                opts.append((skip, a))
                skip = ""
            elif a.startswith("-") and len(a) > 1:
                name, eq, value = a.partition("=")
                if eq and name.startswith("--"):
                    opts.append((name, value))
                else:
                    skip = a if a in _HTTPIE_VALUE_OPTS else ""
            else:
                words.append(a)
        method = None
        if len(words) >= 2 and re.fullmatch(r"[A-Z]+", words[0]):
            method, words = words[0], words[1:]
        if not words:
            return None
        url, items = words[0], words[1:]
        if not _HTTPIE_URL.match(url):  # ('# http status of the app': a comment, no command)
            continue
        if url.startswith(":"):  # (':3000/health', ':/health': localhost)
            url = "localhost" + url if url[1:2].isdigit() else "localhost" + url[1:]
        if not _URL_WORD.match(url):
            url = ("https://" if m.group("prog") in ("https", "xhs") else "http://") + url
        if method is None:
            data = any((i := _HTTPIE_ITEM.match(w)) and i.group(1) not in ("==", ":") for w in items)
            method = "POST" if data else "GET"
        return _Typed(url, method, _httpie_secrets(opts, items))
    return None


# HTTPie's and xh's failure ('http: error: ConnectionError: ... while doing a GET request to URL: X',
# 'http: error: Request timed out (30s).', 'xh: error: error sending request for url (X)' and its
# 'Caused by:' lines), classed by its words: the exception's name first
_HTTPIE_ERROR = re.compile(r"^\s*(?:https?|xhs?): error: \S")
_HTTPIE_ERROR_WORDS = (
    ("timeout", ("timeout", "timed out")),
    ("too_many_redirects", ("too many redirects", "toomanyredirects")),
    ("tls", ("sslerror", "ssl:", "ssl routines", "certificate", "tls", "handshake")),
    ("dns", ("gaierror", "name or service not known", "nodename nor servname", "failed to lookup address",
             "resolve", "name resolution", "no address associated", "dns error", "getaddrinfo")),
    ("read", ("connection aborted", "remotedisconnected", "remote end closed", "connection reset",
              "reset by peer", "incomplete message", "connection closed before message completed")),
    ("connect", ("refused", "connecterror", "connectionerror", "unreachable", "error trying to connect",
                 "tcp connect error")),
)
_HTTPIE_EXCEPTION = re.compile(r"^[A-Z]\w*(?:Error|Exception)\b")  # ('ChunkedEncodingError: ...')
_HTTPIE_ERROR_URL = re.compile(r"while doing an? (\w+) request to URL: (https?://\S+)|for url \((https?://[^)\s]+)\)")


def _httpie_error(raw: list[str]) -> tuple[str, str] | None:
    """(error class, message) of the last failure HTTPie or xh printed in ``raw`` (with HTTPie's
    ``Couldn't resolve ...`` line after it, xh's ``Caused by:`` lines joined by ``; ``); None when there
    is none, or the line is no failure to fetch (a usage error: ``http: error: unrecognized arguments``)."""
    found = None
    for i, t in enumerate(raw):
        if ": error: " not in t or not _HTTPIE_ERROR.match(t):
            continue
        parts, j = [t.strip()], i + 1
        if j < len(raw) and raw[j].strip().startswith(("Couldn’t", "Couldn't")):
            parts.append(raw[j].strip())
        while j < len(raw) and not raw[j].strip():
            j += 1
        if j < len(raw) and raw[j].strip() == "Caused by:":
            causes = []
            for t2 in raw[j + 1:]:
                if (c := re.match(r"^\s+\d+: (.*)$", t2)) is None:
                    break
                causes.append(c.group(1).strip())
            parts.append("Caused by: " + "; ".join(causes))
        message = " ".join(parts)
        said = message.split(": error: ", 1)[1]
        cls = _error_class(said, _HTTPIE_ERROR_WORDS)
        if cls is None and _HTTPIE_EXCEPTION.match(said):
            cls = "protocol"
        if cls is not None:
            found = (cls, message)
    return found


def _command_match(text: str) -> re.Match[str] | None:
    """A ``curl ...`` command line; without a prompt it needs an ``-option``, a URL or a ``\\`` that
    goes on on the next line (curl's exit-60 advice 'curl failed to verify the legitimacy of the server
    ...' is prose). Read on every line of a transcript: lines without 'curl' are skipped unread."""
    if "curl" not in text:
        return None
    m = _COMMAND.match(text)
    if m is None or m.group("prompt").strip():
        return m
    words = m.group("args").split()
    if words[-1:] == ["\\"]:
        return m
    return m if _typed_as_command(words) else None


def _typed_as_command(words: list[str]) -> bool:
    """Whether the words after a prompt-less ``curl`` make a command: an ``-option`` or a URL among
    them (curl's advice 'curl failed to verify the legitimacy ...' is prose)."""
    return any(w.startswith("-") or _URL_WORD.match(w.strip("'\"")) for w in words)


_CONTINUED = ("\\", "`", "^")  # what ends a line a command goes on from: POSIX shells, PowerShell, cmd
_CONTINUATION_PROMPTS = ("> ", ">> ", "More? ")  # bash's PS2, PowerShell's and cmd's on the next line


def _continued(args: str, lines: Sequence[str], index: int) -> tuple[str, int]:
    """``args`` of the command on ``lines[index]`` with the lines it goes on to joined (a line ending in
    ``\\``, PowerShell's backtick or cmd's ``^``; the shell's continuation prompt dropped), and the
    index of its last line: ``-w`` output comes after that."""
    end = index
    while args.rstrip().endswith(_CONTINUED) and end + 1 < len(lines) and end - index < 50:
        end += 1
        nxt = lines[end].rstrip("\r\n")
        for prompt in _CONTINUATION_PROMPTS:
            if nxt.startswith(prompt):
                nxt = nxt[len(prompt):]
                break
        args = args.rstrip()[:-1] + " " + nxt
    return args, end


def _options(args: list[str]) -> tuple[list[tuple[str, str | None]], list[str], int]:
    """curl's arguments as (long option name, value or None) in order, its other words, and how many
    words an unquoted header took.

    Short clusters read like curl does ('-sSo FILE', '-XPOST'); ``--opt=value`` is taken too. A
    header given unquoted ('-H Authorization: Bearer X') leaves its value as separate words: they
    are the header's (curl would try them as URLs), not the command's.
    """
    opts: list[tuple[str, str | None]] = []
    words: list[str] = []
    strays = 0
    i = 0
    while i < len(args):
        a = args[i]
        i += 1
        if a == "--":
            words += args[i:]
            break
        if a.startswith("--"):
            name, eq, val = a.partition("=")
            if name in _ARG_LONG and not eq and i < len(args):
                val, eq = args[i], "="
                i += 1
            opts.append((name, val if eq else None))
        elif a.startswith("-") and len(a) > 1:
            for j, c in enumerate(a[1:], start=2):
                name = _SHORT_NAMES.get(f"-{c}", f"-{c}")
                if c not in _ARG_SHORT:
                    opts.append((name, None))
                    continue
                if j < len(a):
                    opts.append((name, a[j:]))
                elif i < len(args):
                    opts.append((name, args[i]))
                    i += 1
                break
        else:
            words.append(a)
            continue
        name, val = opts[-1]
        if name == "--url" and val:  # (a URL, in its place among the others)
            words.append(val)
        if name in ("--header", "--proxy-header") and val is not None and re.fullmatch(r"[\w-]+:\s*", val):
            while i < len(args) and not args[i].startswith("-") and not _URL_WORD.match(args[i]):
                val += " " + args[i]
                i += 1
                strays += 1
            opts[-1] = (name, val)
    return opts, words, strays


def _secret_words(name: str, value: str) -> set[str]:
    """The words of a secret argument to mask: the value, its words and the values of its
    ``name=value`` / ``user:password`` parts (a header's name is no secret)."""
    if name in ("--header", "--proxy-header"):
        value = value.split(":", 1)[1] if ":" in value else value
    words = {value.strip()}
    for part in re.findall(r"[^\s&;,\"'{}\[\]()]+", value):
        words.add(part)
        words.update(re.split(r"[=:]", part, maxsplit=1)[1:])
    if name in ("--user", "--proxy-user") and ":" in value:
        words.add(_basic(value))  # (what curl sends for it, which a server may echo: 'X-Request-Id: b3Bz...')
    return {w for w in words if len(w) >= 3}


def _basic(pair: str) -> str:
    """The ``Basic`` credential curl sends for ``user:password``."""
    return base64.b64encode(pair.encode("utf-8", "surrogateescape")).decode("ascii")


def _userinfo_words(url: str | None) -> set[str]:
    """The secrets of a command URL's ``user:password@``: the password (and user) as written and
    decoded, and the ``Basic`` credential curl sends for them; empty for a URL without userinfo."""
    if not url or "@" not in url:
        return set()
    try:
        parts = urlsplit(url)
        user, password = parts.username, parts.password
    except ValueError:
        return set()
    if not password:
        return set()
    pair = f"{unquote(user or '')}:{unquote(password)}"
    words = {password, unquote(password), _basic(pair)}
    if user and len(user) >= 3:
        words |= {user, unquote(user)}
    return {w for w in words if len(w) >= 3}


def _host_of(value: str) -> str | None:
    """The host of a URL or proxy ('http://proxy:3128', 'proxy:3128') or of a --connect-to
    'H1:P1:H2:P2' (its second host); None when it has none."""
    if value.count(":") >= 3 and "://" not in value and "[" not in value:
        value = value.split(":")[2]
    if not value or value.startswith("-"):
        return None
    try:
        host = urlsplit(value if "://" in value else f"http://{value}").hostname
    except ValueError:
        return None
    return host or None


def _command(lines: list[str], url_index: int = 0) -> _Command | None:
    """The first ``$ curl ...`` command of ``lines`` (with the lines it goes on to), or None; its
    ``url`` the ``url_index``-th http(s) URL of it (curl fetches them in turn, one answer each)."""
    for index, text in enumerate(lines):
        m = _command_match(text)
        if not m:
            continue
        line, last = _continued(m.group("args"), lines, index)
        try:
            args, split = shlex.split(line), True
        except ValueError:
            args, split = line.split(), False
        opts, words, strays = _options(args)
        write_out = None
        secrets: set[str] = set()
        hosts: list[str] = []
        for name, val in opts:
            if name == "--write-out" and write_out is None and split:
                write_out = val
            elif name in ("--proxy", "--preproxy", "--connect-to") and val and (host := _host_of(val)):
                hosts.append(host.lower())
            if name in _SECRET_OPTS and val:
                secrets |= _secret_words(name, val)
        urls = tuple(w for w in words if _URL_WORD.match(w))
        url = urls[url_index] if url_index < len(urls) else None
        method, to_get = _command_method(opts)
        secrets |= _userinfo_words(url)
        url_host = _host_of(url or (words[0] if words else ""))  # (curl takes 'host/path' as http://)
        return _Command(url, method, write_out, last, tuple(sorted(secrets, key=len, reverse=True)),
                        (url_host.lower(), *hosts) if url_host else (),
                        any(n in ("--proxy", "--preproxy") for n, _v in opts),
                        len(words) == 1 and not strays and not any(n in _MORE_URLS for n, _v in opts),
                        any(n in _VERBOSE_OPTS for n, _v in opts), to_get, urls,
                        any(n in ("-L", "--location", "--location-trusted") for n, _v in opts),
                        _hides_errors({n for n, _v in opts}))
    return None


def _hides_errors(names: set[str]) -> bool:
    """Whether curl's options (the last of a pair wins, but a transcript's commands hardly repeat
    them) keep its error lines from the transcript: ``-s`` without ``-S``."""
    return bool(names & {"-s", "--silent"}) and not names & {"-S", "--show-error"}


def _command_method(opts: list[tuple[str, str | None]]) -> tuple[str, tuple[int, ...]]:
    """The method curl sends for these options (a transcript without ``> `` lines tells it only so):
    ``-X``'s, else HEAD for ``-I``, else GET for ``-G`` (the data goes into the query), else PUT for
    ``-T``, POST for ``-d``/``--json``/``-F``, else GET; and the redirects after which ``-L`` sends GET
    instead (a POST of ``-d``'s: 301, 302 and 303 but those ``--post301``... keep)."""
    names = {name for name, _val in opts}
    requested = [val for name, val in opts if name == "--request" and val]
    if requested:
        return requested[-1].upper(), ()
    if names & {"--head", "-I"}:
        return "HEAD", ()
    if names & {"--get"}:
        return "GET", ()
    if "--upload-file" in names:
        return "PUT", ()
    if not names & _BODY_OPTS:
        return "GET", ()
    followed = names & {"-L", "--location", "--location-trusted"}
    return "POST", tuple(c for c in (301, 302, 303) if followed and f"--post{c}" not in names)


def _verbose_request(
    lines: list[tuple[int, str]], before: int, cmd_url: str | None
) -> tuple[str | None, str | None]:
    """(url, method) from the last ``> METHOD target`` request line before line ``before``.

    The scheme is https when curl noted TLS (or port 443), else the command line's when it names
    the same host, else http.
    """
    method = target = host = None
    tls: bool | None = None
    for no, text in lines:
        if no > before:
            break
        if text.startswith("* Connected to "):  # a new connection: its own scheme
            tls = bool(re.search(r"\bport 443\b", text))
        elif text.startswith("* ") and re.search(r"\b(TLS|SSL connection|ALPN)\b", text):
            tls = True
        if not text.startswith("> "):
            continue
        body = text[2:]
        m = _REQUEST.match(body)
        if m:  # (a CONNECT is to the proxy: the request through its tunnel follows)
            method, target, host = (m.group(1), m.group(2), None) if m.group(1) != "CONNECT" else (None,) * 3
            continue
        h = _HEADER.match(body)
        if h and h.group(1).lower() == "host" and method:
            host = h.group(2)
    if not method or not target:
        return None, None
    if re.match(r"(?i)https?://", target):
        return target, method
    if not host:
        return None, method
    if tls is None and cmd_url:
        cmd = urlsplit(cmd_url)
        tls = cmd.scheme.lower() == "https" and (cmd.hostname or "") == host.split(":")[0].lower()
    return f"{'https' if tls else 'http'}://{host}{target}", method


_W_TOKEN = re.compile(r"%\{([a-z_]+)\}|%header\{[^}]*\}|%%|\\[nrt\\]|[^%\\]+|[%\\]")
_W_FLOATS = ("time_total", "time_namelookup", "time_connect", "time_appconnect", "time_starttransfer")
_W_ESCAPES = {"\\n": r"\r?\n", "\\r": r"\r?", "\\t": r"\t", "\\\\": r"\\", "%%": "%"}


def _format_pattern(fmt: str) -> str | None:
    """The regular expression of what curl prints for ``-w fmt`` ('%{http_code} %{time_total}\\n' ->
    '(?P<http_code>\\d{3}) (?P<time_total>...)'), its newlines at either end left out; None when the
    format prints neither a status nor a time."""
    parts: list[str] = []
    seen: set[str] = set()
    if len(fmt) > 1000:
        return None
    glued = False  # (two variables with nothing between would make the pattern backtrack)
    for m in _W_TOKEN.finditer(fmt):
        var, tok = m.group(1), m.group(0)
        if var is None:
            glued = tok.startswith("%header")
            parts.append(_W_ESCAPES.get(tok) or (r"\S*" if glued else re.escape(tok)))
            continue
        if glued:
            return None
        glued = True
        if var in ("http_code", "response_code"):
            pat = r"\d{3}"
        elif var in _W_FLOATS:
            pat = r"\d+(?:\.\d+)?"
        elif var == "size_download":
            pat = r"\d+"
        else:
            pat = r"\S*"  # (a word: '%{content_type}'; a lazy '.*' could backtrack over a long line)
        key = "http_code" if var == "response_code" else var
        parts.append(f"(?P<{key}>{pat})" if key not in seen and key.isidentifier() else pat)
        seen.add(key)
    if not seen & {"http_code", *_W_FLOATS}:
        return None
    pattern = "".join(parts).rstrip()
    while pattern.endswith(r"\r?\n") or pattern.endswith(r"\r?"):
        pattern = pattern.removesuffix(r"\r?\n").removesuffix(r"\r?")
    return pattern


def _format_values(fmt: str, text: str, start: int) -> dict[str, str] | None:
    """What curl printed for ``-w fmt`` ('%{http_code} %{time_total}\\n' -> '200 0.412') in ``text``
    after ``start``, by variable; None when no output there has the format's shape. A format that
    starts with a newline ('\\n%{http_code}') after a body without one printed its values at the
    start of a line, not after an empty one: read so when no empty line is followed by them."""
    pattern = _format_pattern(fmt)
    if pattern is None:
        return None
    found = _search_format(pattern, text, start)
    bare = _bare(pattern)
    if found is None and bare != pattern:
        found = _search_format(bare, text, start)
    return None if found is None else {k: v for k, v in found.groupdict().items() if v is not None}


def _bare(pattern: str) -> str:
    """A :func:`_format_pattern` without the newlines it starts with."""
    while pattern.startswith(r"\r?\n") or pattern.startswith(r"\r?"):
        pattern = pattern.removeprefix(r"\r?\n").removeprefix(r"\r?")
    return pattern


def _search_format(pattern: str, text: str, start: int) -> re.Match[str] | None:
    """The first line(s) after ``start`` that ``pattern`` matches whole (a line may end in CR LF: a
    Windows terminal's transcript)."""
    try:  # (what one command printed is near it: a bounded search)
        return re.compile(r"^" + pattern + r"[ \t]*\r?$", re.M).search(text, start, start + 65536)
    except re.error:
        return None


def _write_out(text: str) -> dict[str, float]:
    vals: dict[str, float] = {}
    for m in _WRITE_OUT.finditer(text):
        v = float(m.group(2))
        if m.group(3) == "ms":
            v /= 1000.0
        vals[m.group(1)] = v
    return vals


def _phases(w: dict[str, float]) -> dict[str, float | None]:
    """curl's cumulative ``-w`` times as the store's phases, measured like ``occ_lib.probe``:
    ``connect_ms`` = start to connected (DNS included), ``tls_ms`` = the handshake alone,
    ``ttfb_ms`` = start to the first response byte."""

    def ms(a: str, b: str | None = None) -> float | None:
        if a not in w or (b is not None and b not in w):
            return None
        d = w[a] - (w[b] if b else 0.0)
        return round(d * 1000.0, 3) if d >= 0 else None

    tls = ms("time_appconnect", "time_connect") if w.get("time_appconnect", 0.0) > 0 else None
    return {
        "elapsed_ms": ms("time_total"),
        "dns_ms": ms("time_namelookup"),
        "connect_ms": ms("time_connect"),
        "tls_ms": tls,
        "ttfb_ms": ms("time_starttransfer"),
        "bytes": int(w["size_download"]) if "size_download" in w else None,
    }


_ERR_HOST = re.compile(r"(?:Could not resolve host:|Failed to connect to|Failed connect to)\s+(\S+)")


def _error_host(message: str) -> str | None:
    """The host a curl error names ('Could not resolve host: X', 'Failed to connect to X port N',
    curl 7.29's 'Failed connect to X:N;'), lower case; None when it names none."""
    m = _ERR_HOST.search(message)
    if m is None:
        return None
    host = m.group(1).rstrip(";.,")
    if host.startswith("["):
        host = host[1:].split("]", 1)[0]
    elif host.count(":") == 1:
        host = host.split(":", 1)[0]
    return host.lower()


def _curl_error(
    numbered: list[tuple[int, str]], cmd: _Command | None, urls: Iterable[str], body: int | None = None
) -> tuple[int, str] | None:
    """(code, message) of the last ``curl: (N) ...`` line that is about this command's row, wherever
    it sits (with ``2>&1`` curl's stderr may come before the headers); without one, the last of
    ``-v``'s notes that is a failure (``-sv`` hides the error line, :func:`_verbose_failures`). One
    that names a host other than the URLs' (the command's, the redirects', the final one) or a
    proxy's belongs to another argument: '-H Authorization: Bearer X' unquoted makes curl try
    'Bearer' and 'X' as URLs. A proxy is one of the command line's or one ``-v`` says curl took from
    the environment (:func:`_env_proxies`); a command that gives curl one URL and no other word
    fetches nothing else, so its failure to connect to another host is its proxy's (set in the
    environment or .curlrc) even without ``-v``. Notes are read only when the command is ``-v`` (or
    unknown) and, past ``body`` (the line ending the final response's head), only curl's closing ones
    (:func:`_verbose_failures`)."""
    hosts = {h for u in urls if (h := _host_of(u))} | set(cmd.hosts if cmd else ())
    proxies: set[str] | None = None  # (read only for an error that names another host)

    def ours(message: str) -> bool:
        nonlocal proxies
        host = _error_host(message)
        if cmd is None or not cmd.hosts or host is None or host in hosts:
            return True
        if proxies is None:
            proxies = _env_proxies(numbered)
        return host in proxies or cmd.single and message.startswith(_CONNECT_FAILED)

    lines = [(int(m.group(1)), m.group(2).strip()) for _n, t in numbered if (m := _CURL_ERR.search(t))]
    notes = _verbose_failures(numbered, body) if cmd is None or cmd.verbose else []
    for found in (lines, notes):
        about = [e for e in found if ours(e[1])]
        if about:
            return about[-1]
        if found:
            return None
    return None


_CONNECT_FAILED = ("Failed to connect to", "Failed connect to")
_ENV_PROXY = re.compile(r"^\* Uses proxy env variable \S+ == '([^']*)'")


def _env_proxies(numbered: list[tuple[int, str]]) -> set[str]:
    """The hosts of the proxies curl ``-v`` says it took from the environment ('* Uses proxy env
    variable https_proxy == 'http://proxy.corp.internal:3128'')."""
    found = (_ENV_PROXY.match(t) for _n, t in numbered if t.startswith("* Uses proxy env"))
    return {h for m in found if m is not None and (h := _host_of(m.group(1)))}


# curl -v's notes ('* ...') that end a transfer, as the exit code curl gives it (-sv prints no
# 'curl: (N)' line: -s hides it; -S would show the same words)
_VERBOSE_FAILURES = (
    (re.compile(r"^\* ((?:Could not resolve (?:host|proxy)):.*)$"), 6),
    (re.compile(r"^\* ((?:Failed to connect to|Failed connect to) .*)$"), 7),
    (re.compile(r"^\* ((?:Operation|Connection|Resolving) timed out after .*)$"), 28),
    (re.compile(r"^\* (Maximum \(\d+\) redirects followed.*)$"), 47),
    (re.compile(r"^\* (Empty reply from server.*)$"), 52),
    # (a body cut short: Content-Length's bytes, or a chunked body's end, never came)
    (re.compile(r"^\* (transfer closed with (?:\d+ bytes|outstanding read data) remaining.*)$"), 18),
    (re.compile(r"^\* (Received HTTP/0\.9 when not allowed.*)$"), 1),  # (no status line: curl 7.66+)
    (re.compile(r"^\* (Send failure: .*)$"), 55),
    (re.compile(r"^\* (Recv failure: .*)$"), 56),
    (re.compile(r"^\* (SSL certificate problem: .*)$"), 60),
    (re.compile(r"^\* ((?:OpenSSL )?SSL_connect: .*)$"), 35),
    (re.compile(r"^\* (The requested URL returned error: .*)$"), 22),
    # (a reply curl refuses: its status line, its Content-Length, its chunks)
    (re.compile(r"^\* (Unsupported response code in HTTP response.*)$"), 1),
    (re.compile(r"^\* (Invalid Content-Length: .*)$"), 8),
    (re.compile(
        r"^\* ((?:Illegal or missing hexadecimal sequence|Malformed encoding found) in chunked-encoding.*)$"
    ), 56),
)


# how curl -v ends a connection it gives up on ('* Closing connection 0'; curl 8's '* closing connection
# #0', '* shutting down connection #0'): the whole line, so a markdown item that starts so is no such note
_CLOSING_NOTE = re.compile(r"^\* (?:[Cc]losing connection|shutting down connection)(?: #?\d+)?\s*$")


def _closing_notes(numbered: list[tuple[int, str]], pos: int) -> bool:
    """Whether curl's notes alone follow ``numbered[pos]`` up to one ending the connection: a failure
    note after a final response's head is curl's only so (a body cut short); body text would go on."""
    for _n, text in numbered[pos + 1:]:
        if _CLOSING_NOTE.match(text):
            return True
        if text.strip() and not text.startswith(("* ", "{ [", "} [")):
            return False
    return False


def _verbose_failures(numbered: list[tuple[int, str]], body: int | None = None) -> list[tuple[int, str]]:
    """(code, message) of each ``* `` note of ``curl -v`` that reports a failed transfer ('* Failed to
    connect to X port N ...', '* Operation timed out after ...'); a failed attempt curl goes on from
    ('* connect to ::1 port 80 failed: ...', then the next address) is none. Past line ``body`` (a
    final response's head ended there) a line is the body's unless only curl's closing notes follow it
    (:func:`_closing_notes`): a markdown body's '* Received HTTP/0.9 ...' is no note."""
    out = []
    for pos, (n, text) in enumerate(numbered):
        if not text.startswith("* "):
            continue
        for pattern, code in _VERBOSE_FAILURES:
            if m := pattern.match(text.rstrip()):
                if body is None or n <= body or _closing_notes(numbered, pos):
                    out.append((code, m.group(1).strip()))
                break
    return out


def _json_write_out(text: str, start: int) -> tuple[dict[str, str], tuple[int, str] | None] | None:
    """What ``-w '%{json}'`` printed (one JSON object on a line after ``start``) as :func:`_format_values`
    gives it, and curl's failure from its ``exitcode``/``errormsg`` (None when 0); None when absent."""
    for line in text[start:start + 65536].splitlines():
        if not line.lstrip().startswith("{"):
            continue
        try:
            doc = json.loads(line)
        except json.JSONDecodeError:
            continue
        if not isinstance(doc, dict) or not ({"http_code", "response_code", "exitcode"} & doc.keys()):
            continue
        code = doc.get("http_code", doc.get("response_code"))
        printed = {"http_code": f"{code:03d}"} if isinstance(code, int) and 0 <= code <= 999 else {}
        for k in (*_W_FLOATS, "size_download"):
            if isinstance(doc.get(k), int | float) and not isinstance(doc.get(k), bool):
                printed[k] = str(doc[k])
        for k in ("url_effective", "http_version", "method"):
            if isinstance(doc.get(k), str):
                printed[k] = doc[k]
        exit_code = doc.get("exitcode")
        failed = None
        if isinstance(exit_code, int) and exit_code and not isinstance(exit_code, bool):
            failed = (exit_code, str(doc.get("errormsg") or f"exit code {exit_code}"))
        return printed, failed
    return None


def _masked(text: str, secrets: Sequence[str]) -> str:
    """``text`` with each secret word of the command line (longest first) replaced by ``***``."""
    for word in secrets:
        text = text.replace(word, REDACTED)
    return text


# curl --trace-ascii: a block's head ('=> Send header, 78 bytes (0x4e)', '<= Recv data, ...', '== Info: ...'),
# maybe after --trace-time's time or the progress meter's glued output, then its lines as 'NNNN: text'
_TRACE_MARK = re.compile(r"^(?:.*?[\d\s])??(?:\d{2}:\d{2}:\d{2}\.\d{6} )?(== Info: |=> Send |<= Recv )(.*)$")
_TRACE_DATA = re.compile(r"^([0-9a-f]{4,}): ?(.*)$")
_TRACE_WIDTH = 64  # (what --trace-ascii prints of a line at most before it goes on on the next)


def _untraced(text: str) -> str:
    """A ``curl --trace-ascii`` transcript as ``-v`` would print it, line for line: ``== Info: X`` as
    ``* X``, the lines of a ``=> Send header`` block as ``> `` lines, of a ``<= Recv header`` block as
    ``< `` lines (a line cut at 64 characters joined with the rest: its next offset is 64 on, not 66
    as after a CR LF), data blocks (the body, TLS bytes) left out as empty lines; other lines as they
    are."""
    out: list[str] = []
    prefix: str | None = None  # ('> ', '< ': a header block's lines; '': a data block's; None: none)
    last: tuple[int, int, int] | None = None  # (out index, offset, length) of a header block's last line
    for line in text.splitlines():
        m = _TRACE_MARK.match(line) if "== Info: " in line or "=> Send " in line or "<= Recv " in line \
            else None
        if m is not None:
            kind, rest = m.group(1), m.group(2)
            if kind == "== Info: ":
                out.append("* " + rest)
                prefix = None
            else:
                prefix = ("> " if kind == "=> Send " else "< ") if rest.startswith("header") else ""
                out.append("")
            last = None
            continue
        d = _TRACE_DATA.match(line) if prefix is not None else None
        if d is None:
            prefix = last = None
            out.append(line)
            continue
        offset, data = int(d.group(1), 16), d.group(2)
        if not prefix:
            out.append("")
        elif last is not None and last[2] == _TRACE_WIDTH and last[1] + _TRACE_WIDTH == offset:
            out[last[0]] += data  # (the rest of a long line)
            out.append("")
            last = (last[0], offset, len(data))
        else:
            out.append(prefix + data)
            last = (len(out) - 1, offset, len(data))
    return "\n".join(out)


def _parse_curl(text: str, path: Path, exit_code: int | None = None, url_index: int = 0) -> dict[str, Any]:
    """One row's fields from a curl transcript; InputError when it is not one. ``exit_code``: the
    command's, when a ``script`` recording kept it (:func:`_exit_error`); ``url_index``: which URL of
    the command the text's output answers (:func:`_command_rows`)."""
    if "== Info: " in text or "<= Recv " in text:  # (curl --trace-ascii)
        text = _untraced(text)
    listed = _powershell(text) if "StatusCode" in text or "curl : " in text or "iwr : " in text \
        or "Invoke-WebRequest : " in text else None
    if listed is not None:  # (Windows PowerShell 5's 'curl', Invoke-WebRequest: its object listing)
        text, known_version, failure = listed
        if failure is not None:
            return _powershell_failure(text, failure)
        row = _parse_curl(text, path, exit_code, url_index)
        row["http_version"] = row["http_version"] if known_version else None
        return row
    raw = text.splitlines()
    numbered = list(enumerate(raw, start=1))
    cmd = _command(raw[:50], url_index)
    cmd_url, cmd_method = (cmd.url, cmd.method) if cmd is not None else (None, None)
    secrets = cmd.secrets if cmd is not None else ()
    typed_err = None
    if cmd is None and (typed := _httpie_command(raw[:50])) is not None:  # ('$ http --headers URL')
        cmd_url, cmd_method, secrets = typed
    if cmd is None and ": error: " in text and (typed_err := _httpie_error(raw)) is not None \
            and cmd_url is None and (said := _HTTPIE_ERROR_URL.search(typed_err[1])) is not None:
        cmd_url, cmd_method = said.group(2) or said.group(3), said.group(1)  # (no command: the message's)
    verbose = any(t.startswith("< HTTP/") for t in raw)
    if verbose:
        resp_lines = [(n, t[2:] if t.startswith("< ") else "") for n, t in numbered if t.startswith("<")]
    else:
        resp_lines = numbered
    responses = _responses(resp_lines, verbose, proxied=bool(cmd and cmd.proxied))
    printed = json_failed = None
    if cmd is not None and cmd.write_out is not None:  # '$ curl -w "%{http_code}\n" URL' then '200'
        after = len("\n".join(raw[: cmd.index + 1]))
        if "%{json}" in cmd.write_out and (found := _json_write_out(text, after)) is not None:
            printed, json_failed = found
        else:
            printed = _format_values(cmd.write_out, text, after)
    timings = _write_out(text)
    if not printed and cmd is not None and "time_total" in timings:  # ('-w @curl-format.txt': its lines)
        printed = {k: str(v) for k, v in timings.items()}
    last = responses[-1] if responses else None
    url = method = None
    if verbose and last is not None:
        url, method = _verbose_request(numbered, last.line, cmd_url)
    seen = [cmd_url] if cmd_url else []  # (the URLs curl fetched: an error about another host is not ours)
    for i, r in enumerate(responses):
        loc = r.headers.get("location")
        if loc and 300 <= r.status < 400 and seen:
            # ('http://[::1:x/' is no URL: curl stops there too, 'could not be parsed')
            with contextlib.suppress(ValueError):
                seen.append(urljoin(seen[-1], loc))
        if i == len(responses) - 2 and url is None:  # (the last response is at the URL reached before it)
            url = seen[-1] if seen else None
    if url is None:
        url = cmd_url
    effective = printed.get("url_effective", "") if printed else ""
    if effective.startswith(("http://", "https://")):  # (curl's own word for the final URL after -L)
        url = effective
    body = last.end if last is not None else None
    curl_err = _curl_error(numbered, cmd, [*seen, *([url] if url else [])], body) or json_failed
    curl_err = curl_err or _exit_error(exit_code)
    if not responses and curl_err is None and not printed and typed_err is None:
        if any(_CURL_ERR.search(t) for t in raw):
            raise InputError(path, "no response and no curl error about the command's URL")
        if (tool := _load_test(text)) is not None:  # (as a k6 summary is: no probe, said so)
            raise InputError(path, f"{tool} summary (a load test's aggregate figures), not check results")
        raise InputError(path, "not a curl transcript: no HTTP status line (HTTP/1.0, 1.1, 2 or 3)")
    if cmd is not None and any(r.status in cmd.to_get for r in responses[:-1]):
        cmd_method = "GET"  # (curl -L -d: a 301, 302 or 303 turns the POST into a GET)
    method = method or (printed or {}).get("method") or cmd_method
    status = last.status if last else None
    if status is None and curl_err is not None and curl_err[0] == 22:
        status = _failed_status(curl_err[1])  # ('curl -f': 'The requested URL returned error: 404')
    if printed:
        timings.update({k: float(printed[k]) for k in (*_W_FLOATS, "size_download") if k in printed})
        code = int(printed.get("http_code", "0"))
        status = status if status is not None else code or None
        if curl_err is None and last is None:
            curl_err = _no_response(printed)
    row: dict[str, Any] = {
        "url": redact_url(url) if url else None,
        "method": method,
        "status": status,
        "http_version": last.version if last else _printed_version(printed),
        **_phases(timings),
        **_kept_headers(last, secrets),
    }
    if curl_err is None and typed_err is not None:  # (HTTPie's or xh's failure)
        row["error"] = typed_err[0]
        row["error_message"] = _scrub(_masked(typed_err[1], secrets))[:300]
    if curl_err is not None:
        code, msg = curl_err
        row["error"] = _CURL_CODES.get(code) or _error_class(msg) or "protocol"
        if code == 56 and "chunked-encoding" in msg:  # (ill-formed chunks: as occ probe classes them)
            row["error"] = "protocol"
        message = f"curl: ({code}) {msg}" if code else f"curl -w: {msg}"
        row["error_message"] = _scrub(_masked(message, cmd.secrets if cmd else ()))[:300]
    return row


def _command_rows(text: str, path: Path, exit_code: int | None = None,
                  line: int | None = None) -> list[dict[str, Any]]:
    """The rows of one command's transcript: one per URL of a ``curl URL1 URL2`` command whose output
    splits into one transfer each (:func:`_url_starts`), each read as the command with that URL alone
    (the ``script`` exit code is the last one's); else the one row :func:`_parse_curl` reads, and
    when that is for several URLs an :class:`EvidenceNote` says so (``line``: the command's)."""
    if text.count("://") < 2 or "== Info: " in text:  # (one URL, or --trace-ascii: read as before)
        return [_parse_curl(text, path, exit_code)]
    raw = text.splitlines(keepends=True)
    cmd = _command([t.rstrip("\r\n") for t in raw[:50]])
    if cmd is None or len(cmd.urls) < 2:
        return [_parse_curl(text, path, exit_code)]
    head, out = "".join(raw[: cmd.index + 1]), raw[cmd.index + 1:]
    parts = _write_out_parts("".join(out), cmd.write_out, len(cmd.urls)) if cmd.write_out else None
    if parts is None:
        starts = _url_starts(out, any(t.startswith("< HTTP/") for t in out), cmd.follows)
        if len(starts) != len(cmd.urls):  # (-s hid a failed URL's error: which output is whose is unknown)
            row = _parse_curl(text, path, exit_code)
            _one_row_note(path, line, len(cmd.urls), len(starts), cmd.hides_errors)
            return [row]
        bounds = [*starts, len(out)]
        parts = ["".join(out[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]
    rows = [_parse_curl(head + part, path, exit_code if i == len(parts) - 1 else None, i)
            for i, part in enumerate(parts)]
    for i, row in enumerate(rows[1:], start=1):
        row["_url"] = i  # (the command's one row of before was its first URL's: see _legacy_index)
    return rows


def _one_row_note(path: Path, line: int | None, urls: int, answers: int, hidden: bool) -> None:
    """Say that a command's ``urls`` URLs gave ``answers`` parts of output, so it is one row: the
    rows of the URLs lost are no check that passed or failed, and nothing else would show them
    (``hidden``: the command has ``-s`` without ``-S``, which prints nothing for a failed URL)."""
    why = "-s hid which failed" if hidden and answers < urls else "which is whose is unknown"
    note = (f"{urls} URLs in the command, {answers} answer{'s' * (answers != 1)}: {why}; "
            f"stored as one row")
    warnings.warn(EvidenceNote(problem_line(InputError(path, note, line))), stacklevel=3)


_CURL_ERR_LINE = re.compile(r"(?m)^curl: \(\d+\).*(?:\n|$)")


def _write_out_parts(out: str, fmt: str, n: int) -> list[str] | None:
    """Each URL's part of what ``curl -w FMT URL1 URL2 ...`` printed, up to and with its ``FMT``
    output; None unless that output is there ``n`` times. curl's ``curl: (N)`` lines (stderr, not
    buffered: ``2>&1`` may print them before stdout's lines) go in turn to the parts whose
    ``http_code`` is ``000`` (no answer) when they are as many, else stay where they are."""
    pattern = _format_pattern(fmt)
    if pattern is None:
        return None
    found = list(re.compile(r"^" + _bare(pattern) + r"[ \t]*\r?$", re.M).finditer(out))
    if len(found) != n:
        return None
    bounds = [0, *(m.end() for m in found[:-1]), len(out)]
    parts = [out[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
    errors = _CURL_ERR_LINE.findall(out) if "curl: (" in out else []
    unanswered = [i for i, m in enumerate(found) if m.groupdict().get("http_code") == "000"]
    if errors and len(errors) == len(unanswered):
        parts = [_CURL_ERR_LINE.sub("", p) for p in parts]
        for i, line in zip(unanswered, errors, strict=True):
            parts[i] = line + parts[i]
    return parts


# curl -v's notes that begin the transfer of a command's next URL (its first request line, '> GET',
# or the 'curl: (N)' line of a URL that failed, may come instead)
_TRANSFER_NOTES = ("*   Trying ", "* Found bundle", "* Re-using existing", "* Hostname ",
                   "* Could not resolve")


def _url_starts(out: list[str], verbose: bool, follows: bool) -> list[int]:
    """Where the output of each URL of a ``curl URL1 URL2 ...`` command begins among its lines: a URL
    is done once a final answer's head ended (not a 1xx, nor a 3xx with ``-L``) or curl reported it
    failed (``curl: (N)``, a ``-v`` failure note); the next begins at the next status line or ``curl:
    (N)`` line (with ``-v``: request line, ``*   Trying``... note). ``-f`` prints its ``curl: (22) ...
    error: 503`` before the 503's head (stderr is not buffered): that head is the same URL's."""
    starts = [0]
    done: str | None = None  # what ended the current URL: 'answer' or 'error'
    head: int | None = None  # the status of a head being read
    failed: int | None = None
    for i, line in enumerate(out):
        t = line.rstrip("\r\n")
        s = t[2:] if t.startswith("< ") else ("" if t == "<" else None) if verbose else t
        m = _STATUS.match(s) if s else None
        err = t.startswith("curl: (")
        if done is not None:
            opens = bool(m) or err or (verbose and t.startswith(("> ", *_TRANSFER_NOTES)))
            if done == "error" and (err or (m and failed == int(m.group(2)))):
                opens = False  # (-v's note then curl's line; -f's line then the head it cut short)
            if opens:
                starts.append(i)
                done = failed = None
        if m:
            head = int(m.group(2))
        elif head is not None and s is not None and not s.strip():
            if head >= 200 and not (follows and 300 <= head < 400):
                done = "answer"
            head = None
        elif err or (verbose and t.startswith("* ") and any(p.match(t) for p, _c in _VERBOSE_FAILURES)):
            done, failed = "error", _failed_status(t)
    return starts


# Windows PowerShell 5's 'curl' (an alias of Invoke-WebRequest) lists the response object ('StatusCode
# : 200', 'RawContent : HTTP/1.1 200 OK' and its head indented below, 'Headers : {[Date, ...], ...}'),
# and for a 4xx/5xx answer prints its error: 'curl : The remote server returned an error: (503) Server
# Unavailable.'
_PS_FIELD = re.compile(r"^(StatusCode|StatusDescription|RawContent|Headers)[ \t]+: ?(.*?)\s*$")  # (padded)
_PS_PAIR = re.compile(r"\[([!#$%&'*+.^_`|~0-9A-Za-z-]+), ([^\]]*)\]")
_PS_ERROR = re.compile(r"^(?:curl|iwr|Invoke-WebRequest) : (.+?)\s*$")
_PS_STATUS_ERROR = re.compile(r"^The remote server returned an error: \((\d{3})\) ?(.*?)\.?$")
_PS_METHOD = re.compile(r"(?i)\s-Method\s+['\"]?([A-Za-z]+)")


def _powershell(text: str) -> tuple[str, bool, str | None] | None:
    """What Windows PowerShell 5's ``curl`` (Invoke-WebRequest) printed, as the ``curl -i`` transcript
    :func:`_parse_curl` reads, and whether its HTTP version was printed (``RawContent``'s first line:
    the listing alone does not give it); None when ``text`` is no such output. The status is
    ``StatusCode``'s (or the error's ``(503)``), the headers ``RawContent``'s head lines and
    ``Headers``' ``[Name, value]`` pairs (the listing cuts both short with ``...``), the command line
    (``PS C:\\> curl URL -Method Head``) the URL's and method's. Another error than a status
    (``curl : Unable to connect to the remote server``) is the third item, the text the command."""
    fields: dict[str, str] = {}
    head: list[str] = []
    command: str | None = None
    raw_open = False
    failure = None
    for t in text.splitlines():
        if command is None and (c := _command_match(t)) is not None:
            method = _PS_METHOD.search(t)
            args = _PS_METHOD.sub("", c.group("args"))
            command = f"$ curl {'-X ' + method.group(1).upper() + ' ' if method else ''}{args}"
        elif m := _PS_FIELD.match(t):
            fields.setdefault(m.group(1), m.group(2))
            raw_open = m.group(1) == "RawContent"
        elif (e := _PS_ERROR.match(t)) is not None and "StatusCode" not in fields:
            if (status := _PS_STATUS_ERROR.match(e.group(1))) is not None:
                fields.update(StatusCode=status.group(1), StatusDescription=status.group(2))
            elif command is not None:
                failure = failure or e.group(1)
        elif raw_open and t[:1].isspace() and t.strip():
            head.append(t.strip())
        else:
            raw_open = False
    code = fields.get("StatusCode", "")
    if not (len(code) == 3 and code.isdigit()):
        return None if failure is None or command is None else (command, False, failure)
    first = _STATUS.match(fields.get("RawContent", ""))
    version = first.group(1) if first else "HTTP/1.1"
    lines = [command or "", f"{version} {code} {fields.get('StatusDescription', '')}".rstrip()]
    lines += [h for h in head if _HEADER.match(h) and not h.endswith("...")]
    lines += [f"{n}: {v}" for n, v in _PS_PAIR.findall(fields.get("Headers", "")) if not v.endswith("...")]
    return "\n".join([*lines, "", ""]), first is not None, None


def _powershell_failure(command: str, message: str) -> dict[str, Any]:
    """The row of an Invoke-WebRequest that got no answer (``command``: the curl form of its line):
    ``down``, classed by the words of its message (``Unable to connect``: connect, ``could not be
    resolved``: dns, ``timed out``: timeout, ``SSL/TLS``: tls, ``on a receive``: read)."""
    cmd = _command([command])
    secrets = cmd.secrets if cmd is not None else ()
    url = cmd.url if cmd is not None else None
    return {
        "url": redact_url(url) if url else None, "method": cmd.method if cmd is not None else None,
        "status": None, "error": _error_class(message) or "protocol",
        "error_message": _scrub(_masked(f"Invoke-WebRequest: {message}", secrets))[:300],
    }


_FAILED_STATUS = re.compile(r"returned error: ([1-5]\d\d)\b")


def _failed_status(message: str) -> int | None:
    """The status curl ``-f`` names in its exit-22 message ('The requested URL returned error: 404'):
    it printed no response, the status is there alone."""
    m = _FAILED_STATUS.search(message)
    return int(m.group(1)) if m else None


def _printed_version(printed: dict[str, str] | None) -> str | None:
    """The HTTP version ``-w '%{http_version}'`` (or ``%{json}``) printed ('1.1', '2', '3') as a
    status line writes it ('HTTP/1.1'); None for its '0' (no response) or anything else."""
    version = (printed or {}).get("http_version", "")
    return f"HTTP/{version}" if version in ("0.9", "1.0", "1.1", "2", "3") else None


def _exit_error(code: int | None) -> tuple[int, str] | None:
    """(code, why) for the exit code a ``script`` recording kept of its curl command
    (``COMMAND_EXIT_CODE="7"``) when it is one of curl's failures occ knows the class of: ``-s``
    hides curl's own ``curl: (7) ...`` line. Another code (23, a write error; 0) says nothing."""
    if not code or code not in _CURL_CODES:
        return None
    return code, f"exit code {code} (script's COMMAND_EXIT_CODE)"


def _no_response(printed: dict[str, str]) -> tuple[int, str] | None:
    """(0, why) when what ``-w`` printed says no response came: ``http_code`` 000, or (a format
    without it) ``time_starttransfer`` 0; None otherwise."""
    if printed.get("http_code") == "000":
        return 0, "no response (http_code 000)"
    if "http_code" not in printed and printed.get("time_starttransfer") is not None \
            and float(printed["time_starttransfer"]) == 0:
        never = "time_connect" in printed and float(printed["time_connect"]) == 0
        return 0, "no connection (time_connect 0)" if never else "no response (time_starttransfer 0)"
    return None


# wget transcripts ----------------------------------------------------------------------------------
# 'wget -S' (--server-response) prints the server's status line and headers indented by two
# spaces, and each URL it fetches (the first, then each redirect's) as '--2025-10-09 14:02:00--  URL'
_WGET_FETCH = re.compile(r"^--\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}--\s+(\S+)\s*$")
_WGET_COMMAND = re.compile(_PROMPT + r"wget\s+(?P<args>.*)$")
_WGET_ERRORS = (
    ("dns", ("unable to resolve host", "name or service not known", "temporary failure in name resolution")),
    ("connect", ("connection refused", "no route to host", "network is unreachable")),
    ("timeout", ("timed out",)),
    ("tls", ("certificate", "ssl", "tls", "handshake")),
    ("too_many_redirects", ("redirections exceeded",)),
    ("read", ("read error", "connection reset", "closed prematurely", "no data received")),
)


def _is_wget(lines: list[str]) -> bool:
    return any(_WGET_FETCH.match(t) or _WGET_COMMAND.match(t) for t in lines[:50])


def _parse_wget(text: str, path: Path) -> dict[str, Any]:
    """One row's fields from a ``wget -S`` transcript (its last response, its last URL; HEAD with
    ``--spider``); InputError when it shows neither a response nor an error."""
    raw = text.splitlines()
    numbered = list(enumerate(raw, start=1))
    served: list[tuple[int, str]] = []
    for n, t in numbered:
        if t.startswith("  "):
            if served and _STATUS.match(t[2:]):  # (a redirect's headers run straight into the next status)
                served.append((n, ""))
            served.append((n, t[2:]))
    responses = _responses(served, verbose=True)
    fetches = [(n, m.group(1)) for n, t in numbered if (m := _WGET_FETCH.match(t))]
    command = next((m.group("args") for t in raw[:50] if (m := _WGET_COMMAND.match(t))), "")
    url = fetches[-1][1] if fetches else _first_url(command)
    after = fetches[-1][0] if fetches else 0
    error = None
    for n, t in numbered:
        low = t.lower()
        if n >= after and not t.startswith("  ") and (cls := _wget_error(low)) is not None:
            error = (n, cls, t.strip())
    last = responses[-1] if responses else None
    if last is None and error is None:
        raise InputError(path, "not a wget transcript: no response (wget -S) and no error")
    row: dict[str, Any] = {
        "url": redact_url(url) if url else None,
        "method": _wget_method(text, numbered, command),
        "status": last.status if last else None,
        "http_version": last.version if last else None,
        **_phases({}),
        **_kept_headers(last),
    }
    if error is not None and (last is None or error[0] > last.line):
        row["error"] = error[1]
        row["error_message"] = _scrub(f"wget: {error[2]}")[:300]
    return row


_WGET_SPIDER = re.compile(r"(?m)^Spider mode enabled\.")


def _wget_method(text: str, numbered: list[tuple[int, str]], command: str) -> str:
    """The method of wget's last request: the line after ``-d``'s last ``---request begin---``, else
    ``HEAD`` for ``--spider`` (on the command line, or the ``Spider mode enabled.`` wget prints for it
    when the command is not in the file) or ``--method=HEAD``, else ``GET``."""
    if "---request begin---" in text:
        found = [m.group(1) for (_n, t), (_n2, nxt) in zip(numbered, numbered[1:], strict=False)
                 if t.startswith("---request begin---") and (m := _REQUEST.match(nxt))]
        if found:
            return found[-1]
    if "--spider" in command or "--method=head" in command.lower() or _WGET_SPIDER.search(text):
        return "HEAD"
    return "GET"


def _wget_error(low: str) -> str | None:
    """The error class a line of wget's own says, by :data:`_WGET_ERRORS` (only a line that says it
    failed: 'Connecting to ... failed: Connection refused.')."""
    if "failed" not in low and "error" not in low and "unable" not in low and "timed out" not in low:
        return None
    return _error_class(low, _WGET_ERRORS)


def _kept_headers(last: _Response | None, secrets: Sequence[str] = ()) -> dict[str, str | None]:
    """The last response's headers a row keeps (``h_*``), as ``occ_lib.probe`` keeps them, with the
    command line's secrets masked should a server echo one ('Via: 1.1 gw (key=...)')."""
    hdr = last.headers if last else {}
    kept = {
        "h_date": hdr.get("date"),
        "h_server": hdr.get("server"),
        "h_via": hdr.get("via"),
        "h_request_id": next((hdr[h] for h in _REQUEST_ID_HEADERS if h in hdr), None),
    }
    # (each value read after its header's name: 'Via: 1.1 user:pw@proxy' holds a proxy's userinfo)
    return {k: redact_header_value(k[2:].replace("_", "-"), _masked(v, secrets), _scrub) if v else v
            for k, v in kept.items()}


def _first_url(command: str) -> str | None:
    m = re.search(r"https?://\S+", command)
    return m.group(0).strip("'\"") if m else None


# synthetic-check JSON -------------------------------------------------------------------------------
_URL_KEYS = ("url", "endpoint", "uri", "href")
_NAME_KEYS = ("name", "check", "checkname", "monitor", "title", "pronounceablename",  # (Better Stack's)
              "monitorname", "friendlyname")  # (New Relic's SyntheticCheck rows, UptimeRobot's monitors)
_STATUS_KEYS = (
    "status", "statuscode", "httpstatus", "httpstatuscode", "code", "responsestatus", "responsecode",
    "httpcode",
)
_OK_KEYS = ("ok", "success", "passed", "up", "healthy", "result")
_FLAG_KEYS = _OK_KEYS[:-1]  # (1 or 0 says ok or not; a 'result' number may be anything)
_FAIL_KEYS = ("hasfailures", "haserrors", "failed")  # (Checkly's: true when the run failed, not ok)
_DEGRADED_KEYS = ("isdegraded", "degraded")  # (Checkly's: true when it passed slower than its limit)
_TIME_KEYS = (
    "checkedat", "timestamp", "time", "startedat", "startat", "checktime", "checkedtime", "runat",
    "executedat", "lastcheckedat", "ts", "date", "datetime", "at",  # (Better Stack's last_checked_at)
)
_ERROR_KEYS = ("error", "errormessage", "message", "failure", "reason",
               "statusdesclong", "statusdesc")  # (Pingdom's results: 'Connection refused')
_LATENCY_BASES = ("latency", "duration", "elapsed", "responsetime", "rtt", "total")
_UNIT_REQUIRED = frozenset({"total"})  # '{"timings": {"total_ms": 312}}'; a bare 'total' may be a count
_LATENCY_UNITS = {"": "ms", "ms": "ms", "millis": "ms", "milliseconds": "ms", "s": "s", "sec": "s",
                  "secs": "s", "seconds": "s"}


def _flatten(obj: dict[str, Any], timings: bool = False) -> dict[str, list[tuple[str, Any]]]:
    """normalized key -> every (original key, value) under it: the top level's first, then nested
    objects' in order. Under a ``timings`` object a bare ``total`` is the request's duration in ms
    (Datadog's synthetics: ``{"timings": {"total": 312.5}}``); elsewhere it may be a count."""
    out: dict[str, list[tuple[str, Any]]] = {}
    for k, v in obj.items():
        if not isinstance(v, dict):
            norm = _norm_key(k)
            out.setdefault("totalms" if timings and norm == "total" else norm, []).append((k, v))
    for k, v in obj.items():
        if isinstance(v, dict):
            for k2, found in _flatten(v, _norm_key(k) in ("timing", "timings")).items():
                out.setdefault(k2, []).extend(found)
    return out


def _pick(
    flat: dict[str, list[tuple[str, Any]]], keys: Sequence[str], valid: Any = None
) -> tuple[str, Any] | None:
    """The first (original key, value) of ``keys`` (in that order, the top level before nested
    objects) whose value is set and, with ``valid``, valid for the field: Datadog's top-level
    ``"status": 0`` (the monitor's state) must not hide ``result.httpStatusCode``."""
    for k in keys:
        for orig, v in flat.get(k, ()):
            if v is not None and (valid is None or valid(v)):
                return orig, v
    return None


def _latency_ms(flat: dict[str, list[tuple[str, Any]]]) -> tuple[float | None, tuple[str, float] | None]:
    """Milliseconds from the first latency-like key; the key's suffix (or the value's) gives the unit.
    Also the key and number when nothing said the unit (a bare key's number read as ms: the file's
    other items may show it is seconds, :func:`_bare_seconds`), else None."""
    for base in _LATENCY_BASES:
        for norm, found in flat.items():
            if not norm.startswith(base):
                continue
            suffix = norm[len(base):]
            unit = _LATENCY_UNITS.get(suffix)
            if unit is None or (not suffix and base in _UNIT_REQUIRED):
                continue
            declared = _declared_unit(flat, base) if not suffix else None
            unit = declared or unit  # ('"latency": 0.31, "latency_unit": "s"': the unit in a key of its own)
            for orig, v in found:
                if not suffix and declared is None and type(v) is int and v >= _GO_DURATION_MIN:
                    return round(v * _PER_MS["ns"], 3), None  # (Gatus's '"duration": 123456789': 123 ms)
                ms = _latency_value(v, unit)
                if ms is not None:
                    bare = not suffix and declared is None and type(v) in (int, float)
                    return ms, (orig, float(v)) if bare else None
    return None, None


class EvidenceNote(UserWarning):
    """What an import assumed where the evidence did not say (a bare latency's unit): printed by ``occ
    import`` as a warning, the rows still imported (no problem, exit 0)."""


_SECONDS_BELOW = 60.0  # (a bare latency of a minute or more is no check's seconds: ms)


def _bare_seconds(rows: list[dict[str, Any]], path: Path) -> None:
    """Read a file's bare latencies (no unit in key, value or beside it: ms by default) as seconds
    when there are two or more and every one has a fraction and is below 60 (``"duration": 0.234``,
    ``1.05``: Python's ``elapsed.total_seconds()``). Such ms are possible (a loopback check's), but
    seconds read as ms make every check look 1000 times faster, silently, while ms read as seconds
    show at once as slow checks: the louder reading is taken, and said in an :class:`EvidenceNote`;
    a lone such value stays ms (too little to tell by), and that is said too."""
    bare = [r for r in rows if r.get("_bare_latency") is not None]
    if not bare or not all(v % 1 and v < _SECONDS_BELOW for _k, v in (r["_bare_latency"] for r in bare)):
        return
    key, first = bare[0]["_bare_latency"]
    fix = f"name the unit ('{key}_ms', '{key}_s' or '\"unit\": \"s\"') to be sure"
    if len(bare) < 2:
        note = f"a bare '{key}' {first:g} read as ms, as a key without a unit is; if it is seconds, {fix}"
    else:
        for r in bare:
            r["elapsed_ms"] = round(r["_bare_latency"][1] * _PER_MS["s"], 3)
        note = (f"bare '{key}' values read as seconds: all {len(bare)} have a fraction and are below "
                f"60 ({first:g} -> {first * 1000:g} ms); {fix}")
    warnings.warn(EvidenceNote(problem_line(InputError(path, note))), stacklevel=2)


# a bare latency integer this large is no count of ms (2.8 hours: no check waits so long) but Go's
# time.Duration as encoding/json writes it, nanoseconds (Gatus, Go exporters)
_GO_DURATION_MIN = 10**7


# where a check states the unit of a bare latency key: '<key>_unit', else a 'unit' beside it
_UNIT_KEYS = ("unit", "units")
_DECLARED_UNITS = {**_LATENCY_UNITS, "us": "us", "µs": "us", "micros": "us", "microseconds": "us",
                   "ns": "ns", "nanos": "ns", "nanoseconds": "ns"}
_PER_MS = {"ms": 1.0, "s": 1000.0, "us": 1e-3, "ns": 1e-6}


def _declared_unit(flat: dict[str, list[tuple[str, Any]]], base: str) -> str | None:
    """The unit a check states for its bare ``base`` latency key (``latency_unit``, ``unit``...): a
    seconds value read as ms was 1000 times too fast. None when it states none (or no time unit)."""
    for key in (*(base + k for k in _UNIT_KEYS), "timeunit", *_UNIT_KEYS):
        for _orig, v in flat.get(key, []):
            if isinstance(v, str) and (unit := _DECLARED_UNITS.get(v.strip().lower())) is not None:
                return unit
    return None


def _latency_value(v: Any, unit: str) -> float | None:
    """``v`` in ms (``unit`` the key's; a string may say its own: ``"0.8s"``), None when not a number."""
    if isinstance(v, bool) or v is None:
        return None
    if isinstance(v, str):
        m = re.fullmatch(r"\s*([0-9]+(?:\.[0-9]+)?)\s*(ms|s)?\s*", v)
        if not m:
            return None
        num, unit = float(m.group(1)), m.group(2) or unit
    elif isinstance(v, (int, float)):
        num = float(v)
    else:
        return None
    return round(num * _PER_MS[unit], 3)


# an epoch number's unit by its size, as tools write them (today: 10 digits s, 13 ms, 16 µs, 19 ns)
_EPOCH_UNITS = ((1e11, "s", 1), (1e14, "ms", 10**3), (1e17, "us", 10**6), (1e20, "ns", 10**9))
_EPOCH_MAX_S = pd.Timestamp.max.value // 10**9  # (2262-04-11: past it a store's time wraps round)


def _epoch(value: float) -> pd.Timestamp | None:
    """An epoch number as an instant, its unit by :data:`_EPOCH_UNITS`; None when it fits no unit (or
    its instant no store): a wrong date must never be stored for it."""
    size = abs(value)
    found = next(((unit, per_s) for limit, unit, per_s in _EPOCH_UNITS if size <= limit), None)
    if found is None or size / found[1] >= _EPOCH_MAX_S:
        return None
    at = pd.Timestamp(value, unit=found[0], tz="UTC")
    # (a float to the nearest µs: 1760080800.123 is 1760080800.1229999..., .122999 once truncated)
    return at.round("us") if isinstance(value, float) else at


_EPOCH_TEXT = re.compile(r"\s*(\d{9,20})(\.\d+)?\s*")


def _epoch_text(value: Any) -> pd.Timestamp | None:
    """An epoch written as a string of digits (``"1760070048"``, ``"1760070048123"``: some exporters
    quote every value), its unit by its size as a number's; None for another string (8 digits or
    fewer are ISO 8601's basic date, ``"20251010"``)."""
    m = _EPOCH_TEXT.fullmatch(value) if isinstance(value, str) else None
    if m is None:
        return None
    return _epoch(int(m.group(1)) if m.group(2) is None else float(m.group(0)))


_RFC1123 = re.compile(
    r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} (?:GMT|UTC|[+-]\d{4})$"
)


def _json_time(value: Any) -> pd.Timestamp | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        if isinstance(value, (int, float)):
            if (ts := _epoch(value)) is None:
                return None
        elif (ts := _epoch_text(value)) is not None:
            pass
        else:
            # ISO 8601 only: pandas alone would read '09.10.2025 09:10' month-first, as September;
            # and RFC 1123's 'Fri, 10 Oct 2025 07:00:00 GMT' (an HTTP Date header's form)
            text = str(value).strip()
            rfc = ", " in text and _RFC1123.match(text) is not None  # (the comma gates the pattern)
            ts = pd.Timestamp(email.utils.parsedate_to_datetime(text) if rfc
                              else dt.datetime.fromisoformat(text))
    except (ValueError, TypeError, OverflowError):
        return None
    if pd.isna(ts) or ts.year <= 1970:
        return None  # (Go's zero time 0001-01-01 and the Unix epoch are how tools write "no time")
    return ts.tz_localize("UTC") if ts.tzinfo is None else ts.tz_convert("UTC")


def _json_items(data: Any) -> list[Any]:
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        for k, v in data.items():
            if _norm_key(k) in _LIST_KEYS and isinstance(v, list):
                return v
        return [data]
    return [data]


_OK_WORDS = {"true": True, "pass": True, "passed": True, "ok": True, "success": True, "up": True,
             "false": False, "fail": False, "failed": False, "error": False, "down": False}
_STATUS_WORDS = frozenset(("up", "ok", "pass", "passed", "success", "down", "fail", "failed", "error"))


def _http_status(v: Any) -> int | None:
    """An HTTP status (100-599) from an int or a string of digits, else None."""
    if isinstance(v, int) and not isinstance(v, bool):
        n = v
    elif isinstance(v, str) and v.strip().isdigit():
        n = int(v.strip())
    else:
        return None
    return n if 100 <= n <= 599 else None


def _is_word(words: Any) -> Any:
    return lambda v: isinstance(v, str) and v.strip().lower() in words


def _parse_json_item(item: Any, index: int, path: Path) -> dict[str, Any]:
    if not isinstance(item, dict):
        raise InputError(path, f"item {index}: expected an object, got {type(item).__name__}")
    flat = _flatten(item)
    row: dict[str, Any] = {}
    url_v = _pick(flat, _URL_KEYS, lambda v: isinstance(v, str) and bool(v.strip()))
    tgt_v = _pick(flat, ("target",), lambda v: isinstance(v, str))
    url = url_v[1] if url_v else None
    name = None
    if tgt_v:
        if re.match(r"(?i)https?://", tgt_v[1]) and url is None:
            url = tgt_v[1]
        elif not re.match(r"(?i)https?://", tgt_v[1]):
            name = tgt_v[1]
    name_v = _pick(flat, _NAME_KEYS, lambda v: isinstance(v, (str, int)) and not isinstance(v, bool))
    if name is None and name_v:
        name = str(name_v[1])
    row["url"] = redact_url(url) if url else None
    row["_name"] = name
    st = _pick(flat, _STATUS_KEYS, lambda v: _http_status(v) is not None)
    row["status"] = status = _http_status(st[1]) if st else None
    word = _pick(flat, _STATUS_KEYS, _is_word(_STATUS_WORDS))  # ('"status": "down"' says ok or not)
    if word is not None and "ok" not in flat:
        flat["ok"] = [("ok", _OK_WORDS[word[1].strip().lower()])]
    okv = _pick(flat, _OK_KEYS, lambda v: isinstance(v, bool) or _is_word(_OK_WORDS)(v))
    if okv is None and url is not None:  # (Grafana's '"success": 0'; a bare count is no check)
        okv = _pick(flat, _FLAG_KEYS, lambda v: type(v) is int and v in (0, 1))
        okv = None if okv is None else (okv[0], bool(okv[1]))
    ok = None if okv is None else okv[1] if isinstance(okv[1], bool) else _OK_WORDS[okv[1].strip().lower()]
    if ok is None:  # (Checkly's '"hasFailures": true, "hasErrors": false': failed when either is true)
        fails = [v for k in _FAIL_KEYS for _o, v in flat.get(k, ()) if isinstance(v, bool)]
        ok = not any(fails) if fails else None
    row["_ok"] = ok
    row["_degraded"] = any(v is True for k in _DEGRADED_KEYS for _o, v in flat.get(k, ()))
    if status is None and ok is None:
        bad = _pick(flat, _STATUS_KEYS, lambda v: isinstance(v, str) and v.strip().isdigit()
                    or isinstance(v, int) and not isinstance(v, bool))
        if bad is not None:
            raise InputError(path, f"item {index}: status {bad[1]} is not an HTTP status")
        raise InputError(path, f"item {index}: no status or ok/success field")
    row["elapsed_ms"], row["_bare_latency"] = _latency_ms(flat)
    row["_zero_latency"] = row["elapsed_ms"] == 0  # (null if the check failed: :func:`_finish`)
    tv = _pick(flat, _TIME_KEYS, lambda v: _json_time(v) is not None)
    if tv is None and (bad := _pick(flat, _TIME_KEYS)) is not None:
        raise InputError(path, f"item {index}: {bad[0]} is not a date and time")
    row["_time"] = _json_time(tv[1]) if tv else None
    ev = _pick(flat, _ERROR_KEYS, lambda v: isinstance(v, str) and bool(v.strip()))
    if ev is None and ok is False:
        ev = _assertion_error(item)
    if ev is not None:
        row["error_message"] = _scrub(ev[1].strip())[:300]
        row["_error_hint"] = _error_class(ev[1])
    hv = _pick(flat, ("httpversion", "protocol"),
               lambda v: isinstance(v, str) and bool(re.match(r"(?i)^(HTTP/)?[0-9.]+$", v)))
    if hv:
        ver = hv[1].upper()
        row["http_version"] = _http_version(ver if ver.startswith("HTTP/") else f"HTTP/{ver}")
    mv = _pick(flat, ("method",), lambda v: isinstance(v, str))
    if mv:
        row["method"] = mv[1].upper()
    return row


def _assertion_error(obj: Any, depth: int = 0) -> tuple[str, str] | None:
    """("error", message) of the first failed assertion in an ``assertions`` list of ``obj`` or of an
    object in it (Checkly's ``"assertions": [{"source": "JSON_BODY", ..., "error": "expected true"}]``),
    None when there is none."""
    if not isinstance(obj, dict) or depth > 4:
        return None
    for k, v in obj.items():
        if _norm_key(k) == "assertions" and isinstance(v, list):
            for a in v:
                got = _pick(_flatten(a), ("error", "errormessage"), lambda x: isinstance(x, str) and bool(
                    x.strip())) if isinstance(a, dict) else None
                if got is not None:
                    return got
        elif isinstance(v, dict) and (got := _assertion_error(v, depth + 1)) is not None:
            return got
    return None


# Prometheus query responses -------------------------------------------------------------------------
# A saved '/api/v1/query' (or query_range) answer about the blackbox exporter: each probe_success
# sample is a row, probe_duration_seconds and probe_http_status_code of the same series add to it.
_PROM_EXTRA = ("probe_duration_seconds", "probe_http_status_code")


def _is_prometheus(doc: Any) -> bool:
    """A Prometheus HTTP API answer: ``{"status": "success", "data": {"resultType": ...}}`` or its error."""
    if not isinstance(doc, dict) or doc.get("status") not in ("success", "error"):
        return False
    data = doc.get("data")
    return (isinstance(data, dict) and "resultType" in data) or "errorType" in doc


def _prom_samples(doc: dict[str, Any]) -> list[tuple[dict[str, Any], Any, Any]]:
    """(labels, epoch, value) of every sample of a vector or matrix result."""
    out: list[tuple[dict[str, Any], Any, Any]] = []
    result = doc["data"].get("result") if isinstance(doc.get("data"), dict) else None
    for series in result if isinstance(result, list) else []:
        if not isinstance(series, dict) or not isinstance(series.get("metric"), dict):
            continue
        values = series.get("values") if "values" in series else [series.get("value")]
        for sample in values if isinstance(values, list) else []:
            if isinstance(sample, list) and len(sample) == 2:
                out.append((series["metric"], sample[0], sample[1]))
    return out


def _series(labels: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((str(k), str(v)) for k, v in labels.items() if k != "__name__"))


def _prom_number(value: Any) -> float | None:
    """A finite number from a sample's "0.25" (or a number), else None."""
    try:
        num = float(value)
    except (TypeError, ValueError):
        return None
    return num if math.isfinite(num) else None


def _prometheus_rows(doc: dict[str, Any], path: Path) -> tuple[list[dict[str, Any]], list[InputError]]:
    """Rows of a Prometheus query answer; InputError when it holds no probe_success sample."""
    if doc.get("status") == "error":
        raise InputError(path, "a failed Prometheus query (status error): not a probe result")
    samples = _prom_samples(doc)
    extra: dict[tuple[str, Any], dict[Any, float]] = {}  # (metric, series) -> {epoch: value}
    for labels, at, value in samples:
        if labels.get("__name__") in _PROM_EXTRA and (num := _prom_number(value)) is not None:
            extra.setdefault((labels["__name__"], _series(labels)), {})[at] = num
    found = [(lbl, at, value) for lbl, at, value in samples if lbl.get("__name__") == "probe_success"]
    if not found:
        raise InputError(path, "a Prometheus query result without probe_success samples: not a probe result")
    rows: list[dict[str, Any]] = []
    problems: list[InputError] = []
    for index, (labels, at, value) in enumerate(found):
        epoch = _prom_number(at)  # (seconds with milliseconds: as integer ms, so .123 stays .123)
        num, when = _prom_number(value), _json_time(round(epoch * 1000) if epoch is not None else None)
        if num is None or when is None:
            problems.append(InputError(path, f"item {index}: probe_success sample is not [time, value]"))
            continue
        named = [str(labels[k]) for k in ("instance", "target") if labels.get(k)]
        where = next((n for n in named if re.match(r"(?i)https?://", n)), named[0] if named else "")
        is_url = bool(re.match(r"(?i)https?://", where))
        seconds = _prom_extra(extra, "probe_duration_seconds", labels, at)
        code = _prom_extra(extra, "probe_http_status_code", labels, at)
        rows.append({
            "url": redact_url(where) if is_url else None, "_name": None if is_url else (where or None),
            "status": _http_status(int(code)) if code is not None else None, "_ok": num == 1.0,
            "elapsed_ms": round(seconds * 1000.0, 3) if seconds is not None else None, "_time": when,
            "_index": index, "_item": json.dumps([labels, at, value], sort_keys=True, separators=(",", ":")),
        })
    return rows, problems


def _prom_extra(extra: dict[tuple[str, Any], dict[Any, float]], name: str, labels: dict[str, Any],
                at: Any) -> float | None:
    """The ``name`` sample of the same series at the same time (else that series' only sample)."""
    got = extra.get((name, _series(labels)), {})
    return got.get(at, next(iter(got.values())) if len(got) == 1 else None)


# reading ------------------------------------------------------------------------------------------
#: Suffixes the reader reads: transcripts (sniffed when a glob or folder holds them) and check JSON.
TRANSCRIPT_SUFFIXES = (".log", ".txt", ".out")
JSON_SUFFIXES = (".json", ".jsonl", ".ndjson")
EVIDENCE_SUFFIXES = TRANSCRIPT_SUFFIXES + JSON_SUFFIXES
_SNIFF_BYTES = 256 * 1024
#: Suffixes of files kept beside evidence that never are any (not even opened to look).
_NEVER_EVIDENCE = frozenset((
    ".md", ".markdown", ".rst", ".html", ".htm", ".pdf", ".png", ".jpg", ".jpeg", ".gif", ".webp",
    ".svg", ".bmp", ".ico", ".mp4", ".mov", ".webm", ".zip", ".gz", ".tgz", ".bz2", ".xz", ".7z",
    ".tar", ".har", ".csv", ".tsv", ".xlsx", ".xls", ".docx", ".doc", ".pptx", ".parquet", ".yml",
    ".yaml", ".py", ".sh", ".ps1", ".js", ".ts", ".css", ".pem", ".key", ".crt",
))
# what only a transcript holds: a status line (curl's '< ', wget's indent, --trace-ascii's '0000: '),
# curl's error line, its -w variables, wget's '--<date>--  URL' line, a trace's received header block
_TRANSCRIPT_MARK = re.compile(
    r"(?m)^[ \t]*(?:< |[0-9a-f]{4}: )?HTTP/[0-9.]+[ \t]+\d{3}\b|curl: \(\d+\)|\btime_total\b|\bhttp_code\b"
    r"|^--\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}--|<= Recv header|COMMAND=\"(?:\S*/)?curl\b"
    r"|^[ \t]*(?:https?|xhs?): error: \S"  # (HTTPie's or xh's failure)
)


def _looks_like_transcript(path: Path, sure: bool = False) -> bool:
    """Whether a ``.log``/``.txt``/``.out`` file a glob or folder holds is worth reading: a status
    line, a curl or wget command or curl's output in its head, or no text at all (empty, binary, not
    readable: the reader names why). Notes and app logs (``artifacts/README.txt``) are passed over.
    With ``sure`` (a file without one of those suffixes, ``artifacts/curl-output``) only a head that
    holds a transcript counts: an empty, binary or JSON file of another kind is no evidence."""
    if (path.is_symlink() and not path.exists()) or not_regular(path):
        return not sure
    try:
        with path.open("rb") as fh:
            head = fh.read(_SNIFF_BYTES)
    except OSError:
        return not sure
    wide = head[:2] in (b"\xff\xfe", b"\xfe\xff")  # (UTF-16 with its BOM: PowerShell 5's '>')
    if not head.strip() or (not wide and b"\x00" in head):
        return not sure
    text = head.decode("utf-16", "ignore") if wide else head.decode("latin-1")
    text = _TERMINAL_SEQUENCE.sub("", text)
    if _TRANSCRIPT_MARK.search(text):
        return True
    if sure:  # (a command alone, no output: a script or a note, not a run)
        return False
    if text.lstrip()[:1] in ("{", "["):
        return _one_json_document(path)
    head_lines = [t for t in text.splitlines()[:20] if t.strip()][:2]
    if len(head_lines) == 2 and _BARE_WRITE_OUT.match(head_lines[1].strip()) and _date_line(head_lines[0]):
        return True  # (a cron job's date line, then what 'curl -w "%{http_code} %{time_total}\n"' printed)
    alone = head_lines[0].strip() if len(head_lines) == 1 else ""
    if len(alone.split()) == 2 and _BARE_WRITE_OUT.match(alone):
        return True  # (that output alone, '200 0.412': the file a cron job's '-w ... > out' wrote)
    return any(
        _command_match(t) or _WGET_COMMAND.match(t) for t in text.splitlines() if "curl" in t or "wget" in t
    )


def _one_json_document(path: Path) -> bool:
    """Whether a transcript-suffixed file is one JSON document (the reader reads it as check JSON);
    JSON lines there are an app's log, no checks."""
    try:
        if path.stat().st_size > MAX_BYTES:
            return True  # (the reader says it is too large)
        json.loads(_decode(path.read_bytes(), path))
    except (OSError, InputError, ValueError, RecursionError):
        return False
    return True


def _is_evidence(path: Path) -> bool:
    """Whether a file that a glob or folder holds is read as evidence (:func:`evidence_files`)."""
    suffix = path.suffix.lower()
    if suffix in JSON_SUFFIXES:
        return True
    if suffix in TRANSCRIPT_SUFFIXES:
        return _looks_like_transcript(path)
    # (a transcript saved without a suffix or under another one: 'curl-output', 'probe.headers';
    # never a document, picture or archive, which are passed over unopened)
    return suffix not in _NEVER_EVIDENCE and _looks_like_transcript(path, sure=True)


def split_evidence(
    patterns: Iterable[str | Path], root: Path | None = None
) -> tuple[list[Path], list[Path]]:
    """:func:`evidence_files` and the files its globs and folders held that are no evidence."""
    from .workspace import expand, is_glob

    pats = [str(p) for p in patterns]
    named = set()
    for pat in pats:
        full = root / pat if root is not None and not Path(pat).is_absolute() else Path(pat)
        if not is_glob(str(full)) and not full.is_dir():
            named.add(full)  # (read as it is: a problem that says so when it is no evidence)
    kept: list[Path] = []
    passed: list[Path] = []
    for f in expand(pats, root, broken_links=True):
        (kept if f in named or _is_evidence(f) else passed).append(f)
    return kept, passed


def evidence_files(patterns: Iterable[str | Path], root: Path | None = None) -> list[Path]:
    """The files ``patterns`` give that the reader should read: a file named as such always (one
    that is no evidence is a problem that says so); of the files a glob or folder holds, the check
    JSON (``.json``, ``.jsonl``, ``.ndjson``) and the ``.log``, ``.txt`` and ``.out`` files that hold
    a transcript (:func:`_looks_like_transcript`), so ``evidence: artifacts/**`` passes over the
    README, screenshots and notes kept beside them. Used by ``occ import``, :func:`import_workspace`
    and the report's store refresh alike."""
    return split_evidence(patterns, root)[0]


def _read_bytes(path: Path) -> bytes:
    if path.is_symlink() and not path.exists():  # (a glob or folder holds it: say why it gives nothing)
        raise InputError(path, "broken symbolic link (its target does not exist)")
    if not_regular(path):  # (a FIFO nobody writes to would block the import forever: never opened)
        raise InputError(path, "not a regular file, skipped")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(path, f"too large for evidence ({size} bytes > {MAX_BYTES})")
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(path, "file not found") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory") from None
    except PermissionError:
        raise InputError(path, "cannot read: permission denied") from None
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc.__class__.__name__}") from None


_CONTROL_BYTE = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")  # (not ESC: colour codes)
_STATUS_BEFORE_BODY = re.compile(rb"(?m)^(?:< )?HTTP/[0-9.]+ [1-5][0-9][0-9]\b")
_OSC_BEL = re.compile(rb"\x1b\][^\x07\x1b\r\n]*\x07")  # (as _TERMINAL_SEQUENCE reads one)


def _control_byte(data: bytes, end: int = 65536) -> re.Match[bytes] | None:
    """The first byte before ``end`` that no text holds (binary data), None when there is none. The
    BEL that ends a terminal's OSC sequence (a prompt's window title, ``ESC]0;ops@box: ~ BEL``) is
    text: a terminal recording holds one at every prompt, and counting it cut a UTF-8 recording at
    its second prompt and made a Latin-1 one binary."""
    if b"\x1b]" in data[:end]:
        data = _OSC_BEL.sub(lambda m: m.group(0)[:-1] + b" ", data[:end])  # (same length: positions kept)
    return _CONTROL_BYTE.search(data, 0, end)


def _decode(data: bytes, path: Path) -> str:
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        # UTF-16 with its BOM: what Windows PowerShell 5 writes for 'curl.exe -I URL > file.log'
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(path, "binary file, not a transcript or JSON") from None
    ctl = _control_byte(data) if b"\x00" in data[:65536] or not data.isascii() else None
    if ctl is not None:
        head = data[: ctl.start()]
        # ('curl -si URL/favicon.ico': a status line and its header block, then the binary body,
        # which a transcript's row never reads)
        if _STATUS_BEFORE_BODY.search(head) and (b"\n\n" in head or b"\n\r\n" in head):
            data = head
    if b"\x00" in data[:65536]:
        raise InputError(path, "binary file, not a transcript or JSON")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        if _control_byte(data) is not None:
            raise InputError(path, "binary file, not a transcript or JSON", line) from None
        return data.decode("latin-1")


def _file_rows(path: Path, data: bytes) -> tuple[list[dict[str, Any]], list[InputError]]:
    """Rows of one file and the problems of single JSON items; InputError when the file is unusable.

    ``.json`` files are JSON; another file is JSON when it parses as JSON, else a curl transcript.
    A ``.json``, ``.jsonl`` or ``.ndjson`` file may hold JSON lines (another file's are no checks:
    occ's own exports, logs). occ's own exports are no checks in any file: one whose items all have
    their shape (:func:`_occ_export`) is a problem, not rows (an event's ``http_status`` is no probe).
    """
    text = _decode(data, path)
    if not text.strip():  # (a redirect that wrote nothing: say so, not 'no HTTP status line')
        raise InputError(path, "empty file" if not text else "empty file (only blank lines)")
    doc: Any = None
    is_json = path.suffix.lower() == ".json"
    try:
        if is_json or text.lstrip()[:1] in ("{", "["):
            doc = json.loads(text)
            is_json = True
            if _nested_deeper(doc):
                raise InputError(path, _TOO_DEEP)
    except json.JSONDecodeError as exc:
        lines_ok = exc.msg == "Extra data" and path.suffix.lower() in (".json", ".jsonl", ".ndjson")
        doc = _json_lines(text) if lines_ok else None
        if doc is not None:
            is_json = True
        elif is_json:
            raise InputError(path, f"invalid JSON: {exc.msg}", exc.lineno) from None
    if is_json and _is_prometheus(doc):
        return _prometheus_rows(doc, path)
    kuma = is_json and isinstance(doc, dict) and isinstance(doc.get("heartbeatList"), dict)
    blackbox = not is_json and "probe_success" in text and (doc := _blackbox_items(text)) is not None
    if is_json or blackbox:
        rows, problems = [], []
        if _is_k6_summary(doc):
            raise InputError(path, "a k6 summary (a load test's aggregate metrics), not check results")
        items = _kuma_items(doc) if kuma else doc if blackbox else _json_items(doc)
        if not items:
            raise InputError(path, "no checks in the file")
        if (kind := _occ_export(items[0])) and all(_occ_export(i) == kind for i in items):
            raise InputError(path, f"occ's own export ({kind} rows), not check results")
        for i, item in enumerate(items):
            failure = item.pop("_failure", None) if blackbox else None  # (not in the item's identity)
            try:
                r = _parse_json_item(item, i, path)
            except InputError as exc:
                problems.append(exc)
                continue
            if failure is not None and not r.get("error_message"):  # (with a status: said when expected)
                r["_error_hint"], r["error_message" if r.get("status") is None else "_fail_note"] = failure
            r["_index"] = i
            r["_item"] = json.dumps(item, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
            rows.append(r)
        if not kuma and not blackbox and _is_datadog_results(items):
            _datadog_named(rows, doc, items, path)
        _bare_seconds(rows, path)
        return rows, problems
    return _parse_curl_file(text, path)


def _is_datadog_results(items: list[Any]) -> bool:
    """Whether check items are Datadog synthetics results (the results API's: ``result_id``, ``probe_dc``,
    ``check_time`` beside a ``result`` object), which do not carry their test's name or URL."""
    return any(isinstance(i, dict) and isinstance(i.get("result"), dict)
               and ("result_id" in i or "probe_dc" in i or "check_time" in i) for i in items)


def _datadog_test(doc: Any, items: list[Any]) -> tuple[str | None, str | None, str | None]:
    """(name, URL, method) of the one synthetics test a Datadog export names outside its results: a
    ``test``'s (or the document's) ``name`` and ``public_id``, a ``config.request``'s ``url`` and
    ``method``, wherever they sit (``{"test": {...}, "results": [...]}``, ``check.config.request``);
    each None when the export names none, or several (which test a result is of is unknown)."""
    names: set[str] = set()
    ids: set[str] = set()
    urls: set[tuple[str, str | None]] = set()

    def walk(obj: Any, key: str, depth: int) -> None:
        if depth > 6 or obj is items:
            return
        if isinstance(obj, list):
            for v in obj:
                walk(v, key, depth + 1)
            return
        if not isinstance(obj, dict):
            return
        for k, v in obj.items():
            norm = _norm_key(k)
            if norm == "publicid" and isinstance(v, str) and v.strip():
                ids.add(v.strip())
            elif norm == "name" and isinstance(v, str) and v.strip() and (
                    key == "test" or "publicid" in map(_norm_key, obj) or "config" in obj):
                names.add(v.strip())
            elif norm == "request" and key == "config" and isinstance(v, dict):
                url, method = v.get("url"), v.get("method")
                if isinstance(url, str) and _URL_WORD.match(url):
                    urls.add((url, method.upper() if isinstance(method, str) else None))
            walk(v, norm, depth + 1)

    walk(doc, "", 0)
    name = next(iter(names)) if len(names) == 1 else next(iter(ids)) if len(ids) == 1 and not names else None
    url, method = next(iter(urls)) if len(urls) == 1 else (None, None)
    return name, url, method


def _datadog_named(rows: list[dict[str, Any]], doc: Any, items: list[Any], path: Path) -> None:
    """Datadog synthetics results named by their test when the export says which (:func:`_datadog_test`);
    else they keep the file's name, and an :class:`EvidenceNote` says so, once for the file. The item's
    identity stays its own text."""
    name, url, method = _datadog_test(doc, items)
    unnamed = [r for r in rows if r.get("_name") is None and r.get("url") is None]
    for r in unnamed:
        r["_name"] = name
        r["url"] = redact_url(url) if url else None
        if method and not r.get("method"):
            r["method"] = method
    if unnamed and name is None and url is None:
        note = (f"Datadog synthetics results without their test's name or URL (no public_id, test name or "
                f"config.request.url in the file): {len(unnamed)} rows named by the file")
        warnings.warn(EvidenceNote(problem_line(InputError(path, note))), stacklevel=2)


# Uptime Kuma's heartbeats ('{"heartbeatList": {"1": [{"status": 1, "time": "2025-10-10 07:00:00.123",
# "msg": "200 - OK", "ping": 87}]}}', by monitor id; 'monitorList' beside it names them): status 0 is
# down, 1 up, 2 pending (failed, Kuma retrying before it says down), 3 maintenance (no check result)
_KUMA_STATUS = re.compile(r"^\s*([1-5]\d\d)\s+-\s|status code ([1-5]\d\d)\b")  # (axios: '... code 503')


def _kuma_items(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """Uptime Kuma's heartbeats as check items :func:`_parse_json_item` reads: ``ok`` from its
    ``status`` (1 up; 0 down and 2 pending failed; 3, maintenance, is no check: left out), the HTTP
    status from ``msg``'s ``200 - OK``, ``ping`` the ms, ``time`` (UTC) the time, the monitor's name
    and URL from ``monitorList`` when it is there, else ``kuma monitor N``."""
    monitors = doc.get("monitorList")
    listed = list(monitors.values()) if isinstance(monitors, dict) else monitors
    listed = listed if isinstance(listed, list) else []
    named = {str(m.get("id")): m for m in listed if isinstance(m, dict)}
    items: list[dict[str, Any]] = []
    for mid, beats in doc["heartbeatList"].items():
        monitor = named.get(str(mid), {})
        for beat in beats if isinstance(beats, list) else []:
            if not isinstance(beat, dict) or beat.get("status") not in (0, 1, 2):
                continue
            msg = beat.get("msg") if isinstance(beat.get("msg"), str) else ""
            code = _KUMA_STATUS.search(msg)
            item = {
                "monitor": monitor.get("name") or f"kuma monitor {mid}", "url": monitor.get("url"),
                "ok": beat["status"] == 1,
                "http_status": int(code.group(1) or code.group(2)) if code else None,
                "latency_ms": beat.get("ping"), "time": beat.get("time"),
                "message": msg if beat["status"] != 1 and msg else None,
            }
            items.append({k: v for k, v in item.items() if v is not None})  # (an absent field: no key)
    return items


# Prometheus's text format, as blackbox exporter's /probe answers ('probe_success 1',
# 'probe_http_status_code 200', 'probe_duration_seconds 0.123'; a scrape of several has their labels),
# and what tells a failed probe's cause: 'probe_ip_protocol' (0: the name did not resolve),
# 'probe_http_duration_seconds{phase="..."}', 'probe_failed_due_to_regex'
_METRIC_LINE = re.compile(r"^(probe_success|probe_http_status_code|probe_duration_seconds|probe_ip_protocol"
                          r"|probe_http_duration_seconds|probe_failed_due_to_regex)(\{[^}]*\})?"
                          r"[ \t]+(\S+)(?:[ \t]+(\d+))?\s*$")
_LABEL = re.compile(r'(\w+)="((?:[^"\\]|\\.)*)"')
_PHASE_LABEL = re.compile(r'(?:,\s*)?\bphase="(\w+)"(?:\s*,)?')
# a debug answer's ('&debug=true') log line of why the probe failed: 'level=error msg="Error for HTTP
# request" err="Get \"https://a.example\": dial tcp 10.0.0.7:443: connect: connection refused"'
_BB_LOG_ERR = re.compile(r'\blevel=error\b.*?\berr="((?:[^"\\]|\\.)*)"')


def _blackbox_items(text: str) -> list[dict[str, Any]] | None:
    """The ``probe_success`` samples of blackbox exporter's text answer as check items: one per series
    (its ``instance`` or ``target`` label the URL, or the name when it is no URL), ``ok`` when 1, the
    ``probe_http_status_code`` (0: none) and ``probe_duration_seconds`` of the same labels, the
    sample's timestamp (ms) its time; None when the text has no ``probe_success`` sample. A failed
    probe's item carries ``_failure`` (:func:`_blackbox_failure`: its error class and message), which
    is no part of the item's identity."""
    series: dict[tuple[str | None, str], dict[str, Any]] = {}
    facts: dict[tuple[str | None, str], dict[str, float]] = {}
    asked = "target=" in text  # (a '$ curl .../probe?target=X' line before its answer: X is the target)
    logged = "level=error" in text  # (a debug answer's log lines before its metrics)
    target: str | None = None
    errors: list[str] = []
    for line in text.splitlines():
        if not line.startswith("probe_") or (m := _METRIC_LINE.match(line)) is None:
            if asked and "target=" in line and _command_match(line) is not None:
                target = _probe_target(line)
            elif logged and "err=" in line and (e := _BB_LOG_ERR.search(line)) is not None:
                errors.append(e.group(1).replace('\\"', '"'))
            continue
        name, labels, value, stamp = m.groups()
        number = _prom_number(value)
        if name == "probe_http_duration_seconds":  # (one series per phase: its labels without the phase)
            phase = _PHASE_LABEL.search(labels or "")
            if phase is not None and number is not None:
                rest = _PHASE_LABEL.sub(",", labels).strip("{},")
                facts.setdefault((target, f"{{{rest}}}" if rest else ""), {})[phase.group(1)] = number
            continue
        if name in ("probe_ip_protocol", "probe_failed_due_to_regex"):
            if number is not None:
                facts.setdefault((target, labels or ""), {})[name] = number
            continue
        item = series.setdefault((target, labels or ""), {})
        if name == "probe_success":
            pairs = dict(_LABEL.findall(labels or ""))
            where = pairs.get("instance") or pairs.get("target") or target
            item["ok"] = number == 1
            if stamp:
                item["timestamp"] = int(stamp)
            if where:
                item["url" if _URL_WORD.match(where) else "check"] = where
        elif name == "probe_http_status_code":
            if number:
                item["http_status"] = int(number)
            else:
                facts.setdefault((target, labels or ""), {})["status_0"] = 1.0
        elif name == "probe_duration_seconds" and number is not None:
            item["duration_s"] = number
    items = []
    for key, item in series.items():
        if "ok" not in item:
            continue
        if not item["ok"]:
            logged_err = errors[-1] if errors and len(series) == 1 else None
            item["_failure"] = _blackbox_failure(item.get("http_status"), facts.get(key, {}), logged_err)
        items.append(item)
    return items or None


def _blackbox_failure(status: int | None, facts: dict[str, float],
                      logged: str | None) -> tuple[str | None, str]:
    """(error class, message) of a failed blackbox probe, from what its metrics show: a debug answer's
    logged ``err=`` (classed by its words); else, with no HTTP status, ``probe_ip_protocol 0`` (the
    name did not resolve: ``dns``), a ``tls`` phase that took time (``tls``), a ``connect`` phase that
    did (``connect``), else no class; with one, ``probe_failed_due_to_regex 1`` (the body or a header
    failed the module's regexp) or another of the module's checks (no class: the status is expected,
    or ``unexpected_status`` says the rest)."""
    if logged:  # (its words may hold the target's URL with a token: scrubbed as any message)
        return _error_class(logged), _scrub(f"probe failed: {logged}")[:300]
    if status is not None:
        if facts.get("probe_failed_due_to_regex") == 1:
            return None, (f"probe failed: HTTP {status}, the body or a header failed the module's regexp "
                          "(blackbox probe_failed_due_to_regex 1)")
        return None, (f"probe failed: HTTP {status}, another of the module's checks failed "
                      "(blackbox probe_success 0)")
    if facts.get("probe_ip_protocol") == 0:
        return "dns", "probe failed: the host name did not resolve (blackbox probe_ip_protocol 0)"
    if facts.get("tls", 0) > 0:
        return "tls", "probe failed: no HTTP answer after the TLS handshake began (blackbox tls phase)"
    if facts.get("connect", 0) > 0:
        return "connect", "probe failed: no HTTP answer after connecting began (blackbox connect phase)"
    if facts.get("status_0"):
        return None, "probe failed: no HTTP answer (blackbox probe_http_status_code 0)"
    return None, "probe failed (blackbox probe_success 0)"


_PROBE_TARGET = re.compile(r"[?&]target=([^&'\"\s]+)")


def _probe_target(line: str) -> str | None:
    """The ``target=`` of the ``/probe?...`` URL a curl command line asks blackbox exporter, decoded
    (``target=https%3A%2F%2Fa.example``); None when there is none."""
    m = _PROBE_TARGET.search(line)
    return unquote(m.group(1)) if m else None


# the shapes of occ's own exports ('occ events|deadlines|sections --format json|jsonl', probe rows,
# 'occ probe --format json' summaries): keys that no check result has together
_LOG_ROW = frozenset(("source", "line"))
_LOG_ROW_MORE = frozenset(("section", "at", "kind", "tickets", "text", "due_at", "heading", "title"))
_PROBE_ROW = frozenset(("run_id", "target", "outcome"))
_PROBE_ROW_MORE = frozenset(("evidence_key", "probe_host", "time_source", "started_at"))
_SUMMARY_ROW = frozenset(("target", "probes", "up", "degraded", "down"))


def _occ_export(item: Any) -> str | None:
    """Which of occ's exports ``item`` is a row of ('probe', 'events or deadlines'...), None for another:
    re-importing occ's output would turn an event's ``http_status`` into a probe."""
    if not isinstance(item, dict):
        return None
    keys = item.keys()
    if keys >= _LOG_ROW and len(_LOG_ROW_MORE & keys) >= 2:
        return "events or deadlines"
    if keys >= _PROBE_ROW and _PROBE_ROW_MORE & keys:
        return "probe"
    return "probe summary" if keys >= _SUMMARY_ROW else None


def _is_k6_summary(doc: Any) -> bool:
    """Whether ``doc`` is what ``k6 run --summary-export`` or ``handleSummary`` writes: aggregates
    (``http_req_duration``'s p95, ``checks``' pass count) of a whole run, no one check's result."""
    if not isinstance(doc, dict) or not isinstance(doc.get("metrics"), dict):
        return False
    return "root_group" in doc or "http_reqs" in doc["metrics"] or "http_req_duration" in doc["metrics"]


#: How deep a check file's JSON may nest lists and objects (Prometheus's answers nest 6).
_MAX_JSON_DEPTH = 100
_TOO_DEEP = "JSON nested too deeply to be a check result"


def _nested_deeper(doc: Any, limit: int = _MAX_JSON_DEPTH) -> bool:
    """Whether ``doc`` nests lists and objects more than ``limit`` deep. Python's decoder gives up
    (RecursionError) at a depth each version sets its own way (under 1,000 on 3.11, past 5,000 on
    3.13): a file nested 5,000 deep is the same problem on every one."""
    stack: list[tuple[Any, int]] = [(doc, 1)]
    while stack:
        value, depth = stack.pop()
        children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
        for child in children:
            if isinstance(child, dict | list):
                if depth >= limit:
                    return True
                stack.append((child, depth + 1))
    return False


def _json_lines(text: str) -> list[dict[str, Any]] | None:
    """The objects of JSON lines (one check a line, as a monitor appends them), None unless every
    line that is not blank is one."""
    items = []
    for line in text.splitlines():
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError:
            return None
        if not isinstance(item, dict):
            return None
        items.append(item)
    return items


# what a terminal recording ('script', tmux or screen logs) keeps of curl's output on a tty: CSI sequences
# (colour, curl's bold header names 'ESC[1mDate ESC[0m:', bracketed paste 'ESC[?2004h') and OSC ones (a
# prompt setting the window title, ended by BEL or ST); none holds a line end, so lines stay lines
# (and a character set's 'ESC(B' after tput sgr0, a keypad mode's 'ESC=' / 'ESC>')
_TERMINAL_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b\r\n]*(?:\x07|\x1b\\)?|\x1b[()][0-9A-Za-z]|\x1b[=>]"
)


# a CR alone at the start of a line of a recording: bash's '\x1b[?2004l\r' before a command's output
_CR_AT_LINE_START = re.compile(r"(?:^|\n)\r(?!\r?\n)")


def _terminal_lines(text: str) -> tuple[list[str], list[int] | None]:
    """The lines of a transcript as read and, when they are not line for line its lines as found,
    where each starts among those (one more at the end). A terminal recording's sequences go
    (:data:`_TERMINAL_SEQUENCE`), and its ``CR CR LF`` (the tty adds a CR to curl's CR LF) ends one
    line, not a line and an empty one that would end a response's head. A CR at the start of a line
    (bash ends a command's line with bracketed paste off and a CR, ``ESC[?2004l CR``, before its
    output) only returns the cursor to where it is: the output's line starts there, at the start of
    a line (as ``-w`` output is read), not after a line end."""
    if "\x1b" in text:
        text = _TERMINAL_SEQUENCE.sub("", text)
    lines = text.splitlines(keepends=True)  # (line for line the raw ones: no sequence holds a line end)
    if "\r\r\n" not in text and _CR_AT_LINE_START.search(text) is None:
        return lines, None
    merged: list[str] = []
    starts: list[int] = []
    i = 0
    while i < len(lines):
        starts.append(i)
        if lines[i] == "\r" and i + 1 < len(lines) and lines[i + 1] != "\r\n" \
                and (i == 0 or lines[i - 1].endswith("\n")):
            i += 1  # (the line goes on after the CR)
        t = lines[i]
        if t.endswith("\r") and i + 1 < len(lines) and lines[i + 1] == "\r\n":
            merged.append(t[:-1] + "\r\n")
            i += 2
        else:
            merged.append(t)
            i += 1
    starts.append(len(lines))
    return merged, starts


def _parse_curl_file(text: str, path: Path) -> tuple[list[dict[str, Any]], list[InputError]]:
    """One row per ``$ curl ...`` command in the file (one row when it has at most one command), one
    per iteration of a curl loop (:func:`_loop_rows`).

    A row's item (its identity) is its command's lines as commands were found before more prompts
    were known and ``-w`` output glued to a prompt was (:func:`_found_before`): the first row of
    such lines keeps them all, so a file imported before adds only the rows it lacked; its lines
    are the file's as found, those of a terminal recording read without its sequences
    (:func:`_terminal_lines`). A ``script`` header's ``COMMAND`` is read as a command line typed
    there (:func:`_script_sessions`), and gives its rows their time (:func:`_recorded`)."""
    raw = text.splitlines(keepends=True)  # (the items: a row's identity is its text as found)
    at_raw: list[int] | None = None
    if "\x1b" in text or "\r\r\n" in text:
        lines, at_raw = _terminal_lines(text)
        whole, text = text, "".join(lines)
    else:
        lines, whole = raw, text
    sessions = _script_sessions(lines) if "Script started on " in text else []
    if any(s.typed for s in sessions):
        lines = _typed(lines, sessions)
        text = "".join(lines)
    loops = {i: c for i, t in enumerate(lines) if (c := _loop_curl(t.rstrip("\r\n"))) is not None}
    starts = [i for i, t in enumerate(lines) if i in loops or _command_match(t.rstrip("\r\n"))]
    if not starts and _is_wget(text.splitlines()):
        row = _parse_wget(text, path)
        row["_index"], row["_item"] = 0, whole
        return _recorded([row], [(0, False)], sessions), []
    found, glued = _glued_output(lines, starts)

    def rawi(i: int) -> int:  # (a line's index among the raw lines)
        return at_raw[i] if at_raw is not None else i

    if not found and (dates := _date_starts(lines)) is not None:
        got_blocks = _date_blocks(lines, raw, rawi, dates, path, sessions)
        if got_blocks is not None:
            return got_blocks
    elif not found and (dates := _date_ends(lines, text)) is not None:
        got_blocks = _date_blocks(lines, raw, rawi, dates, path, sessions, after=True)
        if got_blocks is not None:
            return got_blocks
    if len(found) <= 1:
        at = found[0] if found else 0
        if at in loops:
            got = _loop_rows(loops[at], lines[at], "".join(lines[at + 1:]), path)
        elif not found and not sessions and (bare := _bare_write_out(lines, path)) is not None:
            got = [bare]  # ('curl -s -o /dev/null -w "%{http_code} %{time_total}\n" URL > out': '200 0.412')
        else:
            got = _command_rows(_unglued(lines, 0, len(lines), glued) if glued else text, path,
                                _session_exit(sessions, at), rawi(at) + 1 if found else None)
        for row in got:
            row["_index"] = 0
            row.setdefault("_item", whole)
        at_lines = [(at, bool(found))] * len(got)
        return _dated(_recorded(got, at_lines, sessions), at_lines, lines, found), []

    bounds = [0, *found[1:], len(lines)]
    before = [i for i in found if _found_before(raw[rawi(i)].rstrip("\r\n"))]  # (a subset of found)
    items = None if before == found else [0, *before[1:], len(lines)]  # (where earlier items began)
    rows: list[dict[str, Any]] = []
    at_lines: list[tuple[int, bool]] = []
    problems: list[InputError] = []
    for idx, (a, b) in enumerate(zip(bounds, bounds[1:], strict=False)):
        segment = "".join(raw[rawi(a):rawi(b)])
        at = found[idx]
        try:
            if at in loops:
                got = _loop_rows(loops[at], lines[at], "".join(lines[at + 1:b]), path)
            else:
                got = _command_rows(_unglued(lines, a, b, glued) if glued else "".join(lines[a:b]), path,
                                    _session_exit(sessions, at), rawi(at) + 1)
        except InputError as exc:
            problems.append(InputError(path, exc.reason, rawi(at) + 1))
            continue
        if items is not None and (i := bisect.bisect_left(items, a)) < len(items) - 1 and items[i] == a:
            segment = "".join(raw[rawi(a):rawi(items[i + 1])])  # (up to the next command found as before)
        for row in got:
            row["_index"] = idx
            row.setdefault("_item", segment)
        rows += got
        at_lines += [(at, True)] * len(got)
    return _dated(_recorded(rows, at_lines, sessions), at_lines, lines, found), problems


# util-linux's 'script' writes a header and a footer around each session it records: 'Script started on
# 2025-10-14 09:05:00+00:00 [COMMAND="curl -sI URL" TERM="xterm" TTY="/dev/pts/3" COLUMNS="200" LINES="50"]'
# (no COMMAND for an interactive shell; '<not executed on terminal>' for TERM... when its input is no
# tty), 'Script done on 2025-10-14 09:05:01+00:00 [COMMAND_EXIT_CODE="7"]'; 'script -a' appends sessions.
# It writes the command's own quotes as they are: the command ends at the '"' that only the other fields
# follow. (Versions before 2.35, and BSD's, write a local time without a zone: no time.)
_SCRIPT_START = re.compile(r"^Script started on (?P<at>.*?)(?: \[(?P<fields>.*)\])?\s*$")
_SCRIPT_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[+\-]\d{2}:?\d{2}|Z)")
_SCRIPT_COMMAND = re.compile(
    r'^COMMAND="(?P<command>.*?)"(?=(?: [A-Z_]+="[^"]*")*(?: <not executed on terminal>)?$)'
)
_SCRIPT_DONE = re.compile(r'^Script done on .*\[COMMAND_EXIT_CODE="(?P<code>\d+)"\]\s*$')


class _Session(NamedTuple):
    """One session of a ``script`` recording: its header's line, time and command, and the exit code
    its footer gives."""

    line: int
    at: pd.Timestamp | None
    command: str | None
    exit_code: int | None
    typed: bool  # (its command is one curl command or a curl loop: read as if typed at a prompt there)


def _script_sessions(lines: list[str]) -> list[_Session]:
    """The sessions of a ``script`` recording, in order (none when it is not one)."""
    found: list[_Session] = []
    for i, t in enumerate(lines):
        if t.startswith("Script done on ") and found and found[-1].exit_code is None:
            if (done := _SCRIPT_DONE.match(t)) is not None:
                found[-1] = found[-1]._replace(exit_code=int(done.group("code")))
            continue
        m = _SCRIPT_START.match(t) if t.startswith("Script started on ") else None
        if m is None:
            continue
        at = None
        if _SCRIPT_TIME.fullmatch(m.group("at")):
            at = pd.Timestamp(dt.datetime.fromisoformat(m.group("at"))).tz_convert("UTC")
        c = _SCRIPT_COMMAND.match(m.group("fields") or "")
        command = c.group("command") if c is not None else None
        typed = command is not None and (_one_curl(command) or _loop_curl(f"$ {command}") is not None)
        found.append(_Session(i, at, command, None, typed))
    return found


def _typed(lines: list[str], sessions: list[_Session]) -> list[str]:
    """``lines`` with each header whose command is curl's replaced by that command after a prompt."""
    out = list(lines)
    for s in sessions:
        if s.typed:
            out[s.line] = f"$ {s.command}\n"
    return out


_SHELL_OPERATORS = frozenset(";&|<>()")


def _shell_words(command: str) -> list[str] | None:
    """A shell command line's words, its operators (``;``, ``&&``, ``|``, ``>``...) words of their own;
    None when it cannot be split (an open quote)."""
    lex = shlex.shlex(command, posix=True, punctuation_chars="".join(sorted(_SHELL_OPERATORS)))
    lex.whitespace_split = True
    try:
        return list(lex)
    except ValueError:
        return None


def _operator(word: str) -> bool:
    return bool(word) and set(word) <= _SHELL_OPERATORS


def _one_curl(command: str) -> bool:
    """Whether a command line is one curl command and nothing else (no ``;``, ``&&``, pipe or
    redirection): only then is its output the transcript's and its exit code curl's."""
    words = _shell_words(command)
    return bool(words) and words[0] in ("curl", "curl.exe") and not any(_operator(w) for w in words) \
        and _command_match(f"$ {command}") is not None


# a one-line loop typed at a prompt ('$ for i in 1 2 3; do curl -s -o /dev/null -w '%{http_code}
# %{time_total}\n' URL; done', a 'sleep 1' beside the curl allowed)
_LOOP = re.compile(_PROMPT + r"(?P<loop>for\s.*)$")


def _loop_curl(text: str) -> str | None:
    """The curl command a one-line ``for`` loop typed after a prompt runs at each iteration (its words
    joined again), when curl prints a ``-w`` format occ reads (one status or time a pass); None for
    another line. Without ``-w`` the passes' output has no shape that tells them apart."""
    if "for" not in text or "curl" not in text or (m := _LOOP.match(text)) is None \
            or not m.group("prompt").strip():
        return None
    words = _shell_words(m.group("loop"))
    if not words or len(words) < 7 or words[2] != "in" or words[-2:] != [";", "done"] \
            or "do" not in words or not words[words.index("do") - 1].endswith(";"):  # ('$(seq 3); do')
        return None
    body = words[words.index("do") + 1:-2]
    commands: list[list[str]] = [[]]
    for w in body:
        if w == ";":
            commands.append([])
        elif _operator(w):
            return None
        else:
            commands[-1].append(w)
    curls = [c for c in commands if c and c[0] in ("curl", "curl.exe")]
    others = [c for c in commands if c and c[0] not in ("curl", "curl.exe")]
    if len(curls) != 1 or any(c[0] != "sleep" for c in others):
        return None
    command = shlex.join(curls[0])
    cmd = _command([f"$ {command}"])
    if cmd is None or cmd.write_out is None or _format_pattern(cmd.write_out) is None:
        return None
    return command


def _loop_rows(command: str, loop_line: str, output: str, path: Path) -> list[dict[str, Any]]:
    """One row per pass of a curl loop (:func:`_loop_curl`): each time the ``-w`` format's output
    (what ``curl: (N) ...`` printed before it included) read as that curl command's, the URL the
    command's. A row's item is the loop's line and that pass's output."""
    cmd_line = f"$ {command}\n"
    fmt = _command([cmd_line]).write_out  # type: ignore[union-attr]  # (_loop_curl read it)
    pattern = re.compile(r"^" + _bare(_format_pattern(fmt) or "") + r"[ \t]*\r?$", re.M)
    rows: list[dict[str, Any]] = []
    pos = 0
    output = "".join(t.rstrip("\r\n") + "\n" for t in output.splitlines())  # (CR LF, a recording's)
    for m in pattern.finditer(output):
        printed = output[pos:m.end()].lstrip("\r\n")
        pos = m.end()
        row = _parse_curl(cmd_line + printed + "\n", path)
        row["_item"] = loop_line.rstrip("\r\n") + "\n" + printed + "\n"
        rows.append(row)
    if not rows:
        raise InputError(path, "a curl loop without the output of its -w format")
    return rows


def _session_exit(sessions: list[_Session], line: int) -> int | None:
    """The exit code of the curl command a ``script`` header ran (its line ``line``), else None."""
    for s in sessions:
        if s.line == line and s.typed and _one_curl(s.command or ""):
            return s.exit_code
    return None


def _recorded(rows: list[dict[str, Any]], at: list[tuple[int, bool]],
              sessions: list[_Session]) -> list[dict[str, Any]]:
    """``rows`` with the time of the ``script`` session each is in (``at``: the line of its command,
    and whether it has one): ``_recorded_at``, and ``_at_start`` when the session ran that very
    command (``script -c "curl ..."``), which then began at that time."""
    for row, (line, command) in zip(rows, at, strict=True):
        s = next((s for s in reversed(sessions) if s.line <= line), None)
        if s is not None and s.at is not None:
            row["_recorded_at"] = s.at
            row["_at_start"] = command and s.line == line and s.typed
    return rows


# what 'date' prints (GNU, BSD, busybox: 'Fri Oct 10 07:00:00 UTC 2025', 'Fri Oct 10 09:00:00 CEST 2025',
# 'Fri Oct 10 10:00:00 -03 2025' for a zone without an abbreviation; a locale's 'Fri 10 Oct 2025 09:00:00
# AM CEST'; '-R': 'Fri, 10 Oct 2025 09:00:00 +0200'; '-Iseconds' / '+%FT%T%:z': '2025-10-10T09:00:00+02:00'),
# a line of its own
_DAYS = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)"
_MONTH_NAMES = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
_DATE_ZONE = r"(?:[A-Z]{2,5}|[+-]\d{2}(?::?\d{2})?)"  # (an abbreviation, or the offset date prints instead)
_DATE_LINE = re.compile(
    rf"^{_DAYS},? +(?:(?P<mon>{_MONTH_NAMES}) +(?P<d>\d{{1,2}}) +(?P<h>\d{{1,2}}):(?P<mi>\d{{2}}):"
    rf"(?P<s>\d{{2}})(?: +(?P<ampm1>AM|PM))? +(?P<z>{_DATE_ZONE}) +(?P<y>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}}) +(?P<mon2>{_MONTH_NAMES}) +(?P<y2>\d{{4}}),? +"
    rf"(?P<h2>\d{{1,2}}):(?P<mi2>\d{{2}}):(?P<s2>\d{{2}})(?: +(?P<ampm>AM|PM))? +"
    rf"(?P<z2>{_DATE_ZONE}))\s*$"
)
_ISO_DATE_LINE = re.compile(
    r"^(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2}))\s*$")
_MONTH_NUMBER = {m: i for i, m in enumerate(_MONTH_NAMES.split("|"), 1)}
# 'date +%s' (epoch seconds: 10 digits, 2001 to 2286) and 'date "+%F %T"' (no zone: read as UTC, as a file
# name's stamp without one is; time_source 'date_line_utc' says so)
_EPOCH_DATE_LINE = re.compile(r"^(\d{10})\s*$")
_ZONELESS_DATE_LINE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:[.,]\d+)?\s*$")
# what 'date' prints in a French, German, Spanish, Italian, Portuguese or Dutch locale: 'ven. 10 oct. 2025
# 07:18:58 UTC' (fr_FR), 'Fr 10. Okt 07:18:58 UTC 2025' (de_DE), 'vie 10 oct 2025 07:18:58 UTC' (es_ES):
# a day's and a month's abbreviation of these tables, the year before the time or after the zone
_LOCALE_DATE_LINE = re.compile(
    rf"^(?P<day>[^\W\d_]{{2,4}})\.?,? +(?P<d>\d{{1,2}})\.? +(?P<mon>[^\W\d_]{{3,5}})\.? +"
    rf"(?:(?P<y>\d{{4}}),? +)?"
    rf"(?P<h>\d{{1,2}}):(?P<mi>\d{{2}}):(?P<s>\d{{2}}) +(?P<z>{_DATE_ZONE})(?: +(?P<y2>\d{{4}}))?\s*$"
)
_LOCALE_DAYS = frozenset((
    "lun", "mar", "mer", "jeu", "ven", "sam", "dim",  # fr
    "mo", "di", "mi", "do", "fr", "sa", "so",  # de
    "mié", "mie", "jue", "vie", "sáb", "sab", "dom",  # es (lun, mar: fr's)
    "gio",  # it (lun, mar, mer, ven, sab, dom: fr's and es's)
    "seg", "ter", "qua", "qui", "sex",  # pt (sáb, dom: es's)
    "ma", "wo", "vr", "za", "zo",  # nl (di, do: de's)
))
_LOCALE_MONTHS = {
    **{m: i for i, ms in enumerate((
        "jan janv ene gen", "feb févr fév fevr fev", "mär mrz mar mars mrt", "apr avr abr", "mai may mag mei",
        "jun juin giu", "jul juil lug", "aug août aout ago", "sep sept set", "okt oct ott out",
        "nov", "dez déc dec dic"), 1) for m in ms.split()},
}
# (what date prints in more than one zone: IST in Kolkata, Dublin's summer and Jerusalem, CST in Chicago,
# Shanghai and Havana; the table's choice would be hours off for the others)
_AMBIGUOUS_DATE_ZONES = frozenset(("IST", "CST"))


def _date_line(text: str) -> pd.Timestamp | None:
    """The UTC instant a ``date`` output line states (its zone an abbreviation
    :func:`occ_lib.times.zone_named` knows, read on the season it names, or an offset), None for
    another line or an unknown zone: a wrong hour is worse than none."""
    text = text.strip()
    if text[:1].isdigit() and (m := _EPOCH_DATE_LINE.match(text) or _ZONELESS_DATE_LINE.match(text)):
        if m.re is _EPOCH_DATE_LINE:
            return pd.Timestamp(int(m.group(1)), unit="s", tz="UTC") if int(m.group(1)) >= 10**9 else None
        return _zoned_instant("UTC", tuple(int(g) for g in m.groups()))  # type: ignore[arg-type]
    if (m := _ISO_DATE_LINE.match(text)) is not None:
        try:
            return pd.Timestamp(dt.datetime.fromisoformat(m.group(1).replace(",", "."))).tz_convert("UTC")
        except ValueError:
            return None
    if (m := _DATE_LINE.match(text)) is None:
        return _locale_date_line(text) if text[:1].isalpha() and ":" in text else None
    g = m.groupdict()
    if g["y"] is not None:
        y, mon, d, h, mi, sec, zone = g["y"], g["mon"], g["d"], g["h"], g["mi"], g["s"], g["z"]
    else:
        y, mon, d, h, mi, sec, zone = g["y2"], g["mon2"], g["d2"], g["h2"], g["mi2"], g["s2"], g["z2"]
    hour, ampm = int(h), g["ampm1"] or g["ampm"]
    if ampm is not None:  # (coreutils 9 in an en_US locale: 'Fri Oct 10 07:00:00 AM UTC 2025')
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "PM" else 0)
    return _zoned_instant(zone, (int(y), _MONTH_NUMBER[mon], int(d), hour, int(mi), int(sec)))


def _locale_date_line(text: str) -> pd.Timestamp | None:
    """The instant of a ``date`` line printed in another locale (:data:`_LOCALE_DATE_LINE`), None when
    its day or month is no abbreviation of the tables or it gives its year twice or not at all."""
    if (m := _LOCALE_DATE_LINE.match(text)) is None or (m.group("y") is None) == (m.group("y2") is None):
        return None
    mon = _LOCALE_MONTHS.get(m.group("mon").lower())
    if mon is None or m.group("day").lower() not in _LOCALE_DAYS:
        return None
    fields = (int(m.group("y") or m.group("y2")), mon, int(m.group("d")), int(m.group("h")),
              int(m.group("mi")), int(m.group("s")))
    return _zoned_instant(m.group("z"), fields)


def _zoneless(text: str) -> bool:
    """Whether a date line (:func:`_date_line`) gives no zone: ``2025-10-10 07:18:58``, read as UTC."""
    return _ZONELESS_DATE_LINE.match(text.strip()) is not None


def _zoned_instant(zone: str, fields: tuple[int, int, int, int, int, int]) -> pd.Timestamp | None:
    """The wall time ``fields`` in ``zone`` (``UTC``, ``CEST``, ``EDT``, ``+0200``, ``-03``) as a UTC
    instant; None for a zone no table names or an impossible date."""
    from .times import _utc, zone_named  # (lazily: times compiles many patterns)

    tz = None if zone in _AMBIGUOUS_DATE_ZONES else zone_named(zone)
    if tz is None:
        return None
    try:
        return pd.Timestamp(_utc(dt.datetime(*fields, tzinfo=tz)))
    except (ValueError, OverflowError):
        return None


def _dated(rows: list[dict[str, Any]], at: list[tuple[int, bool]], lines: list[str],
           commands: list[int]) -> list[dict[str, Any]]:
    """``rows`` with ``_date_line_at``: the time of the last ``date -u`` output line between the
    command before a row's and the row's own (``$ date -u`` typed before each of several curl runs in
    one file), which tells the runs apart when their responses carry no ``Date`` header."""
    found: dict[int, tuple[pd.Timestamp, int] | None] = {}  # (a loop's passes share their command's line)
    for row, (line, command) in zip(rows, at, strict=True):
        if not command:
            continue
        if line not in found:
            i = bisect.bisect_left(commands, line)
            lo = commands[i - 1] + 1 if i > 0 else 0
            found[line] = next(((w, k) for k in range(line - 1, lo - 1, -1)
                                if (w := _date_line(lines[k])) is not None), None)
        if (got := found[line]) is not None:
            row["_date_line_at"], row["_date_line_utc"] = got[0], _zoneless(lines[got[1]])
    return _runs_dated(rows, sum(w is not None for w in found.values()))


def _runs_dated(rows: list[dict[str, Any]], runs: int) -> list[dict[str, Any]]:
    """``rows`` with ``_runs_dated`` on those with a date line when ``runs`` (more than one) of the
    file's runs have one each: a file of several runs is named for one moment, its date lines tell when
    each ran (:func:`_row_time`)."""
    if runs > 1:
        for row in rows:
            if row.get("_date_line_at") is not None:
                row["_runs_dated"] = True
    return rows


def _date_starts(lines: list[str]) -> list[int] | None:
    """The lines of a file without prompts that open each of its runs with a ``date`` line (a cron
    job's ``date; curl -sI URL >> probe.log``), None when its first line that is not blank is none."""
    first = next((i for i, t in enumerate(lines) if t.strip()), None)
    if first is None or _date_line(lines[first]) is None:
        return None
    return [i for i in range(first, len(lines)) if _date_line(lines[i]) is not None]


# (a line that may be a date line, :func:`_date_line`: one pass over a file finds the few worth reading)
_DATE_LINE_HINT = re.compile(
    r"(?m)^[ \t]*(?:[^\W\d_]{2,4}\.?,? [^\n]*\d:\d\d:\d\d|\d{10}[ \t\r]*$|\d{4}-\d\d-\d\d[T ]\d)")


def _date_ends(lines: list[str], text: str) -> list[int] | None:
    """The lines of a file without prompts that close each of its runs with a ``date`` line (a cron
    job's ``curl -sI URL; date``): its first line that is not blank is none, and it ends with one or has
    two or more (a response, a date line and a response are one transcript still, and so is a body
    whose last line, not after a blank one, is a time); else None."""
    first = next((i for i, t in enumerate(lines) if t.strip()), None)
    if first is None or not _STATUS.match(lines[first]) or _DATE_LINE_HINT.search(text) is None:
        return None
    offsets = list(itertools.accumulate(len(t) for t in lines))  # (where each line ends in the text)
    at = dict.fromkeys(bisect.bisect_right(offsets, m.start()) for m in _DATE_LINE_HINT.finditer(text))
    ends = [i for i in at if i < len(lines) and _date_line(lines[i]) is not None]
    last = next((i for i in range(len(lines) - 1, -1, -1) if lines[i].strip()), None)
    if not ends or (len(ends) == 1 and (ends[0] != last or lines[last - 1].strip())):
        return None  # (one date line: the last, after the blank line that ends a header block)
    return ends


def _date_blocks(
    lines: list[str], raw: list[str], rawi: Any, dates: list[int], path: Path, sessions: list[_Session],
    after: bool = False,
) -> tuple[list[dict[str, Any]], list[InputError]] | None:
    """One row per run of a file of appended runs, each after its ``date`` line (``dates``; with
    ``after``, each before it: ``curl -sI URL; date``): the run's last response (the redirects one run
    followed come before it), timed by that line; its item the run's lines, the first run's from the
    file's start (a file of one run keeps its item; with ``after``, a run's ends at its date line). A run
    without a response is a problem naming its date line; with ``after``, so is what follows the last
    date line (a run cut short, or still running: its date line not yet written). None when no run gives
    a row: the file is read as one transcript."""
    rows: list[dict[str, Any]] = []
    at: list[tuple[int, bool]] = []
    problems: list[InputError] = []
    if after:
        bounds = [0, *(i + 1 for i in dates)]
        trailing = next((i for i in range(bounds[-1], len(lines)) if lines[i].strip()), None)
        if trailing is not None:
            problems.append(InputError(path, "a run without the date line that follows each run's response "
                                             "(cut short, or still running)", rawi(trailing) + 1))
    else:
        bounds = [*dates, len(lines)]
    done = 0  # (where the last row's item ended among the raw lines)
    for idx, (a, b) in enumerate(zip(bounds, bounds[1:], strict=False)):
        dated = b - 1 if after else a
        try:
            bare = _bare_write_out(lines[a + 1:b], path) if not after and b - a <= 4 else None
            row = bare if bare is not None else _parse_curl("".join(lines[a:b]), path)
        except InputError as exc:
            reason = exc.reason.removeprefix("not a curl transcript: ")
            where = "before" if after else "after"
            problems.append(InputError(path, f"{reason} {where} this date line", rawi(dated) + 1))
            continue
        start = rawi(a) if idx else 0
        end = rawi(b) if b < len(lines) else len(raw)
        row["_index"] = idx
        row["_item"] = "".join(raw[start:end])
        row["_gap"] = "".join(raw[done:start])  # (a run that gave no row: in the file, in no item)
        done = end
        row["_date_line_at"] = _date_line(lines[dated])
        row["_date_line_utc"] = _zoneless(lines[dated])
        rows.append(row)
        at.append((a, False))
    if not rows:
        return None
    if len(rows) > 1:
        _described_before(rows, any(t.startswith("< HTTP/") for t in lines))
    problems.sort(key=lambda p: p.line or 0)
    return _runs_dated(_recorded(rows, at, sessions), len(rows)), problems


# what a cron job's 'curl -s -o /dev/null -w "%{http_code} %{time_total}\n" URL' (or '-w "%{http_code}\n"')
# prints after its date line: the status (000: no response) and the seconds it took
_BARE_WRITE_OUT = re.compile(r"^(?:000|[1-5]\d\d)(?:[ \t]+\d+\.\d+)?[ \t]*$")


def _bare_write_out(run: list[str], path: Path) -> dict[str, Any] | None:
    """The row of a run whose only output (beside a ``curl: (N)`` line) is one line of what ``-w
    '%{http_code} %{time_total}\\n'`` or ``-w '%{http_code}\\n'`` prints, read through that format
    (the command is not in the file: these are the formats such a line comes from); None for another
    run."""
    out = [t.strip() for t in run if t.strip() and not _CURL_ERR.search(t)]
    if len(out) != 1 or _BARE_WRITE_OUT.match(out[0]) is None:
        return None
    fmt = "%{http_code} %{time_total}\\n" if " " in out[0] or "\t" in out[0] else "%{http_code}\\n"
    row = _parse_curl(f"$ curl -s -o /dev/null -w '{fmt}'\n" + "".join(run), path)
    row["method"] = None  # (the command is not in the file: which method it sent is not known)
    return row


def _described_before(rows: list[dict[str, Any]], verbose: bool) -> None:
    """Set ``_was_row`` on each run's row: which run's row the one row versions before read from the
    file as it ended after that run described (the file was one transcript then). Without ``-v`` that
    was the first final response (a 1xx or redirect chains on to the next status line, the rest was
    body), with ``-v`` the last response (a status line after a body starts another response)."""
    first = None
    for k, row in enumerate(rows):
        if row.get("status") is not None and (verbose or first is None or _chained(rows[first]["status"])):
            first = k
        row["_was_row"] = first


# A command line as earlier versions found it, before zsh's, PowerShell's, cmd's... prompts, curl.exe
# and a prompt-less line's backslash at its end were known: kept, frozen, only to key rows as then.
_COMMAND_BEFORE = re.compile(
    r"^\s*(?P<prompt>(?:\[[^\]\n]*\][$#]\s*|[$%#>]\s*)?(?:\S+@\S+[:$#]\s*)?)"
    r"(?:(?:time|sudo)(?:\s+-\S+)*\s+)*curl\s+(?P<args>.*)$"
)


def _found_before(text: str) -> bool:
    """Whether a command line (:func:`_command_match`) was one to earlier versions (for its row's key)."""
    m = _COMMAND_BEFORE.match(text)
    if m is None or m.group("prompt").strip():
        return m is not None
    return _typed_as_command(m.group("args").split())


def _glued_output(lines: list[str], starts: list[int]) -> tuple[list[int], dict[int, int]]:
    """Where what a ``-w`` format without a newline at its end printed ('-w "%{http_code}"') runs into
    the next prompt ('200ops@box:~$ curl ...', '200$ curl ...', a last '503ops@box:~$ '): the lines of
    the commands, those found so among them, and {line: where its prompt starts}."""
    found: list[int] = []
    glued: dict[int, int] = {}
    p, current = 1, starts[0] if starts else None
    while current is not None:
        found.append(current)
        upto = starts[p] if p < len(starts) else len(lines) - 1
        got = _glued_line(lines, current, upto, glued.get(current, 0))
        if got is not None:
            glued[got[0]] = got[1]
        if got is not None and got[2] and not (p < len(starts) and got[0] == starts[p]):
            current = got[0]  # (a command found so: the next one)
        else:
            current, p = (starts[p] if p < len(starts) else None), p + 1
    return found, glued


def _glued_line(lines: list[str], start: int, upto: int, cut: int) -> tuple[int, int, bool] | None:
    """(line, where its prompt starts, whether a command follows it) of the first line after the
    command at ``start`` (its text from ``cut``) up to ``upto`` that starts with what its ``-w``
    format prints, when that has no newline at its end, and goes on with a prompt; None when there is
    none. Only such a line counts: a body's '<pre>$ curl' line is no command."""
    head = lines[start][cut:].rstrip()  # (after what the command before printed)
    if "%{" not in head and not head.endswith(_CONTINUED):  # (a cheap test before reading it)
        return None
    cmd = _command([t.rstrip("\r\n") for t in (head, *lines[start + 1:start + 51])])
    fmt = cmd.write_out if cmd is not None else None
    pattern = _format_pattern(fmt) if fmt and not re.search(r"(?:\\n|\n)\s*$", fmt) else None
    if cmd is None or pattern is None or r"\n" in _bare(pattern):  # (output over lines: not here)
        return None
    printed = re.compile(_bare(pattern))
    for j in range(start + cmd.index + 1, upto + 1):
        m = printed.match(lines[j])
        if m is None or not m.end():
            continue
        rest = lines[j][m.end():].rstrip("\r\n")
        if (c := _command_match(rest)) is not None and c.group("prompt").strip():
            return j, m.end(), True
        if (c := _PROMPT_ALONE.match(rest)) is not None and c.group("prompt").strip():
            return j, m.end(), False
    return None


def _unglued(lines: list[str], a: int, b: int, glued: dict[int, int]) -> str:
    """The command of lines ``a`` up to ``b`` (the next command's or the end) as read: output glued
    to a prompt goes with the command before ('200' of '200ops@box:~$ curl ...' ends this command's
    lines, the next starts at its prompt; '503' of a last '503ops@box:~$ ' ends them)."""
    out = []
    for j in range(a, b):
        cut = glued.get(j)
        if cut is None:
            out.append(lines[j])
        else:  # (the first line of a command, or a prompt with nothing typed after it)
            out.append(lines[j][cut:] if j == a else lines[j][:cut] + "\n")
    if b in glued:
        out.append(lines[b][: glued[b]] + "\n")
    return "".join(out)


class _Targets:
    """The configured targets indexed once per import: by URL key (each target's URL redacted and
    keyed a single time, not once per row) and by name, so matching a row costs O(1) however many
    targets there are."""

    def __init__(self, targets: Sequence[Any]) -> None:
        self.by_key: dict[tuple[str, str, int | None, str, str] | None, Any] = {}
        for t in targets:  # (several of one key: the first in config order names the row)
            self.by_key.setdefault(_url_key(redact_url(t.url)), t)
        self.by_name = {getattr(t, "name", None): t for t in targets}

    def match(self, url: str | None) -> Any:
        """The first target whose redacted URL has the row's key (scheme, host, port, path, query)."""
        if not url or not self.by_key:
            return None
        return self.by_key.get(_url_key(url))


class _FileFacts:
    """What the rows of one file share, worked out once per file rather than once per row (the
    redacted path and the name's stamp were a tenth of reading a 10,000-line JSONL file); the stamp
    and the name without it only when a row needs them."""

    def __init__(self, path: Path, shown: str, mtime: float) -> None:
        self.path = path
        self.mtime = mtime
        self.evidence_path = redact_path(shown)
        self._targets: dict[str, str] = {}

    @functools.cached_property
    def stamp(self) -> pd.Timestamp | None:
        """The file name's stamp (:func:`_stamp`) in UTC, None when it has none."""
        stamp = _stamp(self.path.name)
        if stamp is None:
            return None
        at = pd.Timestamp(stamp)
        return at.tz_localize("UTC") if at.tzinfo is None else at.tz_convert("UTC")

    @functools.cached_property
    def bare_name(self) -> str:
        """The file name without its stamp (:func:`_name_without_stamp`): a row's last-resort target; a
        secret's value that runs from a folder into the name ('azure_AccountKey=AbC+/dEf==.log': '/' is
        the value's own) leaves only what the redacted path shows of the name."""
        name = self.path.name
        shown = self.evidence_path
        if shown != redact_path(name) and not shown.endswith("/" + redact_path(name)):
            return _name_without_stamp(Path(shown.rsplit("/", 1)[-1]))
        return _name_without_stamp(self.path)

    def target(self, name: str) -> str:
        """``name`` redacted as a target (the file's rows mostly repeat a few names)."""
        if name not in self._targets:
            self._targets[name] = redact_path(name)
        return self._targets[name]


def _finish(row: dict[str, Any], file: _FileFacts, targets: _Targets, run_id: str) -> dict[str, Any]:
    target = targets.match(row.get("url"))
    if target is None and row.get("_name") in targets.by_name:
        target = targets.by_name[row["_name"]]
    if target is not None:
        name = target.name
    elif row.get("_name"):
        name = row["_name"]
    elif row.get("url"):
        name = _target_from_url(row["url"])
    else:
        name = file.bare_name
    started, source = _row_time(row, file)
    status, ok, error = row.get("status"), row.get("_ok"), row.get("error")
    expects = target.expects if target is not None else (
        lambda s: any(lo <= s <= hi for lo, hi in _DEFAULT_EXPECT))
    if error:
        outcome = "down"
    elif ok is False or (ok is None and status is not None and not expects(status)):
        outcome = "down"
        unexpected = status is not None and not expects(status)
        error = "unexpected_status" if unexpected else row.get("_error_hint")
    else:
        outcome = "up"
        limit = getattr(target, "degraded_ms", None) if target is not None else None
        slow = limit is not None and row.get("elapsed_ms") is not None and row["elapsed_ms"] > limit
        if slow or row.get("_degraded"):
            outcome = "degraded"
    # (a failed check's 0 is no measurement: Pingdom's down result, 'responsetime': 0)
    out_ms = None if outcome == "down" and row.get("_zero_latency") else row.get("elapsed_ms")
    message = row.get("error_message") if outcome == "down" else None  # e.g. "message": "OK"
    if error == "unexpected_status" and not message:
        message = f"HTTP {status}"
    elif outcome == "down" and not message:  # (a blackbox probe failed by another check than its status)
        message = row.get("_fail_note")
    tags = redact_mapping(getattr(target, "tags", None) or {})  # (as a probe stores them: display_tags)
    out = {c: row.get(c) for c in PROBE_COLUMNS}
    out.update({
        "run_id": run_id, "source": "evidence", "probe_host": None,
        "target": file.target(name) if name else name,
        "started_at": started.as_unit("us"), "outcome": outcome, "error": error, "error_message": message,
        "elapsed_ms": out_ms,
        "tags": json.dumps(dict(sorted(tags.items())), separators=(",", ":")),
        "evidence_path": file.evidence_path,
        "time_source": source, "evidence_key": None,
    })
    return out


def _key_stamp(at: pd.Timestamp, timespec: str = "auto") -> str:
    """``at`` as a key's UTC stamp, ``2025-10-10T08:05:00Z`` (``timespec`` as ``isoformat``'s: an mtime's
    key writes its microseconds always)."""
    return at.tz_convert("UTC").isoformat(timespec=timespec).replace("+00:00", "Z")


def _row_time(row: dict[str, Any], file: _FileFacts, dated: bool = True) -> tuple[pd.Timestamp, str]:
    """When a row's probe ran and what says so (``time_source``): the JSON item's time, the file
    name's stamp, the ``script`` header of the session that ran the row's command (``script -c "curl
    ..."``: it began then), the response's ``Date`` header, the ``date -u`` line printed before the
    row's command (``date_line``; not with ``dated`` False: the time versions before read), the
    header of the session the row is in (its command was typed after that), else the file's mtime."""
    if row.get("_time") is not None:
        return row["_time"], "json"
    if file.stamp is not None and not (dated and row.get("_runs_dated")):
        return file.stamp, "filename"
    recorded = row.get("_recorded_at")
    if recorded is not None and row.get("_at_start"):
        return recorded, "script"
    if row.get("h_date"):
        try:
            at = pd.Timestamp(email.utils.parsedate_to_datetime(row["h_date"]))
            return (at.tz_localize("UTC") if at.tzinfo is None else at), "date_header"
        except (TypeError, ValueError, IndexError):
            pass
    if dated and row.get("_date_line_at") is not None:
        return row["_date_line_at"], "date_line_utc" if row.get("_date_line_utc") else "date_line"
    if recorded is not None:
        return recorded, "script"
    return pd.Timestamp(file.mtime, unit="s", tz="UTC"), "mtime"


def _evidence_key(key: str, started: pd.Timestamp, source: str | None) -> str:
    """``key`` plus ``@<UTC stamp>`` when the time is the file name's or a ``script`` header's, which
    the row's own text does not hold: byte-identical files named by different stamps (three
    'connection refused' transcripts) are three probes, and so are the same command and output in
    two recordings."""
    if source not in ("filename", "script", "date_line", "date_line_utc"):
        return key
    return f"{key}@{_key_stamp(started)}"


def _item_keys(items: list[str], rows: list[dict[str, Any]]) -> tuple[list[str], list[str | None]]:
    """The evidence key of each row of one file: ``sha256(item)#n``, ``item`` the row's own text (a
    JSON item, a command's lines) and ``n`` counting identical items before it; items appended to a
    file since the last import are all that is new in it. When the time is the file's mtime the text
    does not tell that probe from the same text in another file: an mtime with a fraction of a second
    (no two separate writes share one; a copy kept by ``mv``, ``cp -p`` or ``rsync -t`` does) is added
    as a stamp, ``sha256(item)#n@2025-10-14T09:00:00.123456Z``, so a renamed file adds nothing; a
    whole-second one (``touch -d``, an archive's) may be another file's too, so the file's path is
    hashed before the item instead. Also each mtime row's key in that path form (what earlier
    versions wrote for every mtime row), else None."""
    seen: dict[str, int] = {}
    keys: list[str] = []
    path_keys: list[str | None] = []
    for item, r in zip(items, rows, strict=True):
        mtime = r["time_source"] == "mtime"
        stamped = mtime and r["started_at"].microsecond != 0
        ident = item if not mtime or stamped else f"{r['evidence_path']}\0{item}"
        digest = hashlib.sha256(ident.encode("utf-8", "surrogatepass")).hexdigest()
        n = seen.get(digest, 0)
        seen[digest] = n + 1
        in_path = None
        if stamped:
            path_ident = f"{r['evidence_path']}\0{item}".encode("utf-8", "surrogatepass")
            in_path = hashlib.sha256(path_ident).hexdigest()
        elif mtime:
            in_path = digest  # (the path is hashed before the item already)
        key, path_key = _key_forms(digest, in_path, n, r["started_at"], r["time_source"])
        keys.append(key)
        path_keys.append(path_key)
    return keys, path_keys


def _key_forms(
    digest: str, in_path: str | None, n: int, started: pd.Timestamp, source: str | None,
) -> tuple[str, str | None]:
    """The key and path key of the ``n``-th row whose item hashes to ``digest`` (``in_path`` when hashed
    after its file's path, given for an mtime row), in the forms of :func:`_item_keys`: one place for
    them, which :func:`_one_row_before` writes too from the hashes it grows."""
    if source != "mtime" or in_path is None:
        return _evidence_key(f"{digest}#{n}", started, source), None
    path_key = f"{in_path}#{n}"
    if started.microsecond:
        return f"{digest}#{n}@{_key_stamp(started, 'microseconds')}", path_key
    return path_key, path_key


def new_run_id(prefix: str = "import") -> str:
    """``import-20251010T071858Z-1a2b3c``: sortable, unique per import."""
    now = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    return f"{prefix}-{now}-{uuid.uuid4().hex[:6]}"


def read_evidence(
    paths: Iterable[str | Path],
    targets: Sequence[Any] | None = None,
    root: str | Path | None = None,
    run_id: str | None = None,
) -> tuple[pd.DataFrame, list[InputError]]:
    """Parse evidence files into probe rows; files it cannot read come back as problems.

    ``targets`` (``occ_lib.targets.Target``-like: ``name``, ``url``, ``expects``, ``degraded_ms``,
    ``tags``) name rows whose URL they match; ``root`` makes ``evidence_path`` relative.
    """
    df, problems, _skipped, notes = _read(paths, targets, root, run_id)
    _say_notes(notes)
    return df, problems


def _read(
    paths: Iterable[str | Path],
    targets: Sequence[Any] | None,
    root: str | Path | None,
    run_id: str | None,
) -> tuple[pd.DataFrame, list[InputError], list[str], list[tuple[str, Warning]]]:
    """``read_evidence`` plus the files that gave no row at all (skipped) and the notes of each file
    (its ``evidence_path``, the :class:`EvidenceNote`), not yet said; ``df.attrs["legacy_keys"]``
    holds each row's key as versions before the per-item key wrote it (``sha256(file):index``),
    ``df.attrs["path_keys"]`` an mtime row's key in the path form (:func:`_item_keys`), else None."""
    tindex = _Targets(list(targets or []))
    rootp = Path(root) if root is not None else None
    rid = run_id or new_run_id()
    rows: list[dict[str, Any]] = []
    legacy: list[str] = []
    path_keys: list[str | None] = []
    before: list[tuple[str, str, pd.Timestamp, str | None] | None] = []
    one_row: list[list[tuple[str, str, pd.Timestamp, str | None]]] = []
    problems: list[InputError] = []
    skipped: list[str] = []
    notes: list[tuple[str, Warning]] = []  # (each file's notes, said once its rows are known to be new)
    for p in paths:
        path = Path(p)
        try:
            data = _read_bytes(path)
            mtime = path.stat().st_mtime
            try:
                with warnings.catch_warnings(record=True) as caught:
                    warnings.simplefilter("always", EvidenceNote)
                    file_rows, item_problems = _file_rows(path, data)
                _notes(caught, path, notes)
            except RecursionError:  # (JSON nested thousands deep: no check is shaped so)
                raise InputError(path, _TOO_DEEP) from None
            except InputError as exc:
                raise _not_evidence(path, exc) from None
        except InputError as exc:
            problems.append(exc)
            skipped.append(str(path))
            continue
        problems += item_problems
        if not file_rows:
            skipped.append(str(path))
            continue
        digest = hashlib.sha256(data).hexdigest()
        facts = _FileFacts(path, _display(path, rootp), mtime)
        done = [_finish(r, facts, tindex, rid) for r in file_rows]
        items = [r["_item"] for r in file_rows]
        keys, file_path_keys = _item_keys(items, done)
        path_keys += file_path_keys
        for r, out, key in zip(file_rows, done, keys, strict=True):
            out["evidence_key"] = key
            old = f"{digest}:{_legacy_index(r)}"
            legacy.append(_evidence_key(old, out["started_at"], out["time_source"]))
        before += _undated(file_rows, done, items, facts, digest)
        one_row += _one_row_before(file_rows, facts)
        rows += done
    df = conform(pd.DataFrame(rows, columns=list(PROBE_COLUMNS))) if rows else empty_probes()
    df.attrs["legacy_keys"] = legacy
    df.attrs["path_keys"] = path_keys
    df.attrs["undated"] = before
    df.attrs["one_row"] = one_row
    notes = [(redact_path(_display(Path(f), rootp)), w) for f, w in notes]
    return df, problems, list(dict.fromkeys(skipped)), notes


def _notes(caught: list[warnings.WarningMessage], path: Path, notes: list[tuple[str, Warning]]) -> None:
    """Keep a file's :class:`EvidenceNote` warnings in ``notes`` (with its path) for the caller to say
    (an import says only those of files it adds rows of); other warnings are passed on as they came."""
    for w in caught:
        if isinstance(w.message, EvidenceNote):
            notes.append((str(path), w.message))
        else:
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)


def _say_notes(notes: list[tuple[str, Warning]], old: set[str] = frozenset()) -> None:
    """Warn the kept notes again, but those of the ``old`` files (``evidence_path``s)."""
    for shown, note in notes:
        if shown not in old:
            warnings.warn(note, stacklevel=3)


def _legacy_index(row: dict[str, Any]) -> str:
    """The item index of a row's file-hash key (``sha256(file):index``): a command's row of its second
    or later URL (versions before kept one row per command) gets ``index/n``, a form none wrote, so a
    stored first row never stands for it."""
    return f"{row['_index']}/{row['_url']}" if row.get("_url") else str(row["_index"])


def _undated(
    file_rows: list[dict[str, Any]], done: list[dict[str, Any]], items: list[str], facts: _FileFacts,
    digest: str,
) -> list[tuple[str, str, pd.Timestamp, str | None] | None]:
    """For each row whose time a ``date`` line changed (it times the row, or a file name's stamp gave
    way to the runs' date lines), its key, legacy key, time and path key as versions before read its
    time (the file name's stamp, the ``script`` session's, the ``Date`` header's or the mtime), None
    for other rows: a file imported by them adds nothing again."""
    if not any(r.get("_date_line_at") is not None for r in file_rows):
        return [None] * len(done)
    was = []
    changed = []
    for r, out in zip(file_rows, done, strict=True):
        started, source = _row_time(r, facts, dated=False)
        changed.append((started.as_unit("us"), source) != (out["started_at"], out["time_source"]))
        was.append({**out, "started_at": started.as_unit("us"), "time_source": source})
    if not any(changed):
        return [None] * len(done)
    keys, path_keys = _item_keys(items, was)
    return [
        (k, _evidence_key(f"{digest}:{_legacy_index(r)}", w["started_at"], w["time_source"]),
         w["started_at"], pk)
        if c else None
        for r, w, c, k, pk in zip(file_rows, was, changed, keys, path_keys, strict=True)
    ]


def _chained(status: int) -> bool:
    """Whether curl went on past a response of this status (a 1xx, a redirect): the next is the answer."""
    return status < 200 or 300 <= status < 400


def _one_row_before(
    file_rows: list[dict[str, Any]], facts: _FileFacts,
) -> list[list[tuple[str, str, pd.Timestamp, str | None]]]:
    """For each row of a file of date-lined runs, the identities (key, legacy key, time, path key) of
    the one row versions before read from the file as it ended after each run, when that row described
    this row's run (:func:`_described_before`); empty lists for other rows. Such a row (the whole
    file its item, its bytes its legacy hash) stands for that run: imported again, the file adds only
    the runs it did not describe. The file's prefixes are hashed as they grow, once each."""
    found: list[list[tuple[str, str, pd.Timestamp, str | None]]] = [[] for _ in file_rows]
    if len(file_rows) < 2 or "_was_row" not in file_rows[0]:
        return found
    text = hashlib.sha256()
    in_path = hashlib.sha256(f"{facts.evidence_path}\0".encode("utf-8", "surrogatepass"))
    for row in file_rows:
        grown = (row["_gap"] + row["_item"]).encode("utf-8", "surrogatepass")
        text.update(grown)
        in_path.update(grown)
        if (was := row["_was_row"]) is None:
            continue
        started, source = _row_time(file_rows[was], facts, dated=False)
        started = started.as_unit("us")
        digest = text.hexdigest()
        path_digest = in_path.hexdigest() if source == "mtime" else None
        key, path_key = _key_forms(digest, path_digest, 0, started, source)
        found[was].append((key, _evidence_key(f"{digest}:0", started, source), started, path_key))
    return found


def _not_evidence(path: Path, exc: InputError) -> InputError:
    """``exc`` for a file of another kind than evidence (``README.md`` named on the command line):
    that it is none comes first, the reader's reason after."""
    suffix = path.suffix.lower()
    if suffix in EVIDENCE_SUFFIXES or exc.reason.startswith(("empty file", "binary file")):
        return exc
    kind = f"a {suffix} file" if suffix else "a file without an extension"
    return InputError(path, f"not evidence ({kind}, no curl or wget transcript nor check JSON): "
                            f"{exc.reason}", exc.line)


class _Stored(NamedTuple):
    """What an import compares its rows with (:func:`occ_lib.store.evidence_identities`)."""

    keys: set[str]
    key_starts: set[tuple[str, pd.Timestamp]]
    # (path, item index, started_at) of the rows stored under the file-hash key ('sha256:index')
    file_items: set[tuple[str | None, int, pd.Timestamp]]
    # (path, 'sha256(item)#n') of the rows stored under an mtime key ('sha256(item)#n@...09:00:00.123456Z')
    mtime_items: set[tuple[str | None, str]]

    @classmethod
    def of(cls, found: set[tuple[str, pd.Timestamp, str | None]]) -> _Stored:
        file_items = set()
        mtime_items = set()
        for k, t, p in found:
            m = _FILE_KEY.match(k)
            if m is not None:
                file_items.add((p, int(m.group(1)), t))
            elif (m := _MTIME_KEY.match(k)) is not None:
                mtime_items.add((p, m.group(1)))
        return cls({k for k, _t, _p in found}, {(k, t) for k, t, _p in found}, file_items, mtime_items)


_FILE_KEY = re.compile(r"^[0-9a-f]{64}:(\d+)(?:@|$)")
_MTIME_KEY = re.compile(r"^([0-9a-f]{64}#\d+)@[0-9T:-]+\.\d{6}Z$")


def _known(key: str, legacy: str, started: pd.Timestamp, path: str, stored: _Stored,
           path_key: str | None = None) -> bool:
    """Whether a row is in the store already: its key; else, for a row timed by its file's mtime,
    its key in the path form (imported by an earlier version) or the same item of the same path under
    another mtime (the file touched since); else one of the forms earlier versions wrote:
    the file-hash key (``sha256(file):index``, with the stamp or, before the stamp was part of it,
    without it at the same ``started_at``), or a file-hash key of the same file and item index at
    the same ``started_at`` (the file grew after that import)."""
    at = started.as_unit("us")
    if key in stored.keys or legacy in stored.keys:
        return True
    if path_key is not None and (path_key in stored.keys or (
            (m := _MTIME_KEY.match(key)) is not None and (path, m.group(1)) in stored.mtime_items)):
        return True
    if "@" in legacy and (legacy.split("@", 1)[0], at) in stored.key_starts:
        return True
    m = _FILE_KEY.match(legacy)
    return m is not None and (path, int(m.group(1)), at) in stored.file_items


def import_evidence(
    store: str | Path,
    paths: Iterable[str | Path],
    targets: Sequence[Any] | None = None,
    root: str | Path | None = None,
) -> ImportResult:
    """Read evidence files and store the rows not stored before (``source = evidence``).

    Holds the store's import lock while it compares ``evidence_key``s and writes, so two imports
    at once cannot both add the same file. A store that cannot be written raises its
    :class:`~occ_lib.errors.StoreNotWritable` with the files (or items) that could not be read as
    its ``problems``.
    """
    from .errors import StoreNotWritable
    from .store import evidence_identities, store_lock, write_probes

    df, problems, skipped, notes = _read(paths, targets, root, None)
    try:
        with store_lock(store, "import"):
            stored = _Stored.of(evidence_identities(store))
            cols = (df["evidence_key"], df.attrs["legacy_keys"], df["started_at"], df["evidence_path"],
                    df.attrs["path_keys"], df.attrs["undated"], df.attrs["one_row"])
            new = [
                not (_known(k, old, t, p, stored, pk)
                     or (was is not None and _known(*was[:3], p, stored, was[3]))
                     or any(_known(*w[:3], p, stored, w[3]) for w in whole))
                for k, old, t, p, pk, was, whole in zip(*cols, strict=True)
            ]
            fresh = df[pd.Series(new, index=df.index, dtype=bool)]  # (a bare empty list picks no columns)
            fresh = fresh[~fresh["evidence_key"].duplicated()]
            write_probes(store, fresh)
    except StoreNotWritable as exc:  # (the files were read: a report that skips the import names them)
        exc.problems = list(problems)
        raise
    files = df["evidence_path"].astype("object")
    new_files = list(dict.fromkeys(fresh["evidence_path"].astype("object")))
    dup = [f for f in dict.fromkeys(files) if f not in set(new_files)]
    _say_notes(notes, set(dup))  # (a file imported before, none of its rows new: its notes were said then)
    return ImportResult(len(fresh), new_files, skipped, dup, problems)


def workspace_targets(ws: Any) -> list[Any]:
    """The ``probes:`` targets of a workspace, to name evidence rows by URL (none when absent).

    Headers are dropped before validation: importing needs no secret, so an unset ``${TOKEN}``
    must not stop it. Other mistakes in ``probes:`` are still a ``ConfigError``.
    """
    raw = ws.config.probes
    if not raw:
        return []
    from .config import validate_section
    from .targets import ProbesConfig

    def _strip(d: Any) -> Any:
        return {k: v for k, v in d.items() if k != "headers"} if isinstance(d, dict) else d

    clean = dict(raw)
    if "defaults" in clean:
        clean["defaults"] = _strip(clean["defaults"])
    if isinstance(clean.get("targets"), list):
        clean["targets"] = [_strip(t) for t in clean["targets"]]
    return list(validate_section(ProbesConfig, clean, ws.config_path, "probes").targets)


def import_workspace(ws: Any, paths: Iterable[str | Path] | None = None) -> ImportResult:
    """Import ``paths`` (default: the workspace's ``evidence:``) into its store, named by its targets,
    with ``evidence_path`` relative to the workspace folder: what ``occ import`` does."""
    files = list(paths) if paths is not None else ws.evidence_paths()
    return import_evidence(ws.store, files, targets=workspace_targets(ws), root=ws.root)


__all__ = ["EVIDENCE_SUFFIXES", "ImportResult", "evidence_files", "import_evidence", "import_workspace",
           "new_run_id", "problem_line", "read_evidence", "split_evidence", "workspace_targets"]
