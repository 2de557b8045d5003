"""Secret redaction, shared by the log parser, the probe runner, the store and every error message.

Rules: userinfo (``user:pass@``) is replaced by ``***@``; the value of a query parameter whose name has a
secret's word as one of its parts (split at ``_``, ``-``, ``.`` and camelCase: ``api_key``, ``apiKey``,
``X-Amz-Signature``, ``sig``, ``access_token``; not ``spaceKey``, ``var-keyspace``, ``bypass_cache``,
``token_type``), or is OAuth's ``code`` (not ``country_code``), becomes ``***``
(:func:`_is_secret_query_name`, on the name percent-decoded: ``api%5Fkey`` is ``api_key``;
:func:`is_secret_name`, any name holding such a word, stays for the
stricter evidence rules); header values are never kept at all, only names. In free text
(:func:`redact_text`) the word after ``Bearer`` is a credential when it has 8+ token characters; after
``Basic``, ``token``, ``secret``, ``password``, ``pw``, ``passcode`` or a key named in words (``API key``,
``access key``; also ``password is X``, ``password for db-3: X``, ``password for the vendor portal: X`` -
more words only before a colon or ``is``: ``the API key for partner X is Y`` -, and Dataview's inline field
``password:: X``) only when it also looks like one and is no ticket, date, time or version: it has a digit,
one of ``. _ ~ + / =``, an upper-case letter after a lower-case one (base64) or 20+ characters ("the token
rotation completed", "Basic authentication enabled" stay as written); after a password's or a secret's name
the word may hold symbols too (``Summer#2025!``, ``Tr0ub4dor&3``), and a symbol inside it (``P@ssword``) is a
sign of a credential ("password is expired!" stays). Credentials known by their form are masked
whatever names them (:func:`redact_known`: AWS key ids and the 40-character secret pasted right after
one, GitHub/GitLab/Slack/Stripe/Google/SendGrid/npm/PyPI/OpenAI/Anthropic/Hugging Face/Twilio/Shopify/
DigitalOcean/Grafana/New Relic/Postman/Atlassian/Databricks tokens, Telegram bot tokens - also glued to
``bot`` as the Bot API's path writes them -, JWTs, private key
blocks, ``curl -u user:password``, HTTPie's and xh's ``http -a user:password`` (``--auth``, ``xh``), ``mysql
-pPASSWORD``), also in a file name, where ``_``, ``-`` or ``.`` and
the name's next part follow one: a token ends at the first character its form does not hold and never runs
into a stamp, which stays in any text (``curl_***_2025-10-10T02-50-44Z.log``;
:func:`redact_known_in_name`); a secret's value in a file name ends before its stamp and extension
(``check_api_key=***_2025-10-08.json``), and a label after an empty value stays (``auth= key=***``). A
proxy's userinfo written without a scheme goes (``Via: 1.1 ***@proxy``, ``HTTPS_PROXY=***@host:3128``,
``curl -x``). So are a webhook URL's path (also written in a file name, ``hooks.slack.com_services_***``;
Slack, Teams, Discord, Google Chat, Zapier, Webex, their host with a port or in capitals too;
``/hooks/<key>`` on any host, Mattermost's; Slack's ``/services/T../B../<key>`` and Discord's
``/api/webhooks/<id>/<token>`` on any host too, by their form;
PagerDuty's ``/integration/<key>/``), a
Telegram bot's token in a URL's path (``/bot<id>:***``, any host: Bot API servers are self-hosted too) and
a session in a URL's path (``;jsessionid=``). A password in a
URL's userinfo may hold ``/``, ``?`` or ``#`` unescaped, as pasted configs write it
(``postgres://app:wJal/K7@db``). After ``Authorization:`` (:data:`AUTH_IN_TEXT`) a known scheme word
stays and the credential goes, also in a dict or JSON text among other headers (``{'Authorization':
'Bearer ***', 'X-Api-Key': '***'}``): the credential ends at its quote, and the next field is read by its
own name; only ``Token token="..."`` takes a quoted value (right after ``=``). A ``Cookie:`` or
``Set-Cookie:`` header loses its cookies, not its attributes (``Set-Cookie: ***; Path=/; HttpOnly``)
nor the prose after it. After an HTML cell that names a secret, the credential in the next cell goes
(``<td>password</td><td>***</td>``); a table's (:func:`redact_row`) masks the value column of a row
whose first cell names a secret (``| DB_PASSWORD | *** | SEC-110 |``) and keeps that name.

A password's short name counts as its long one (``db_pw=***``, ``DB_PW ***`` in an env dump, 6+ characters
after a password's name; a bare ``pass: ***`` only for a 6+ character value that is no count, ``Pass: 12/14``
stays); ``password to X`` sets one (``secret to X`` too; ``reset password to default`` stays); a pair
nested in a value, escaped or not, is read as one (``x%3Dtoken%3D***``,
``?next=x=token=***``; 8 deep at most, a deeper value goes whole); a quote, backtick, ``(`` or ``[`` never
closed after a password's name opens its word all the same (``password (*** was reset``); a setting's
``key=``/``name=`` attribute names it and stays (``<add key="CacheSize" value="100"/>`` as written, ``<add
key="ApiKey" value="***"/>``); an option or ``-u`` that opens a code span or a quote is read (```--pass
***` ``); a URL glued to a word is one (``log_https://***@host``); a one-time link's token in a file named
after its URL goes (``https___host_reset_***_2025-10-10T02-50-44Z.log``), and a value in a file name stops
at its extension (``notes_db_pw=***.md``).

Commands and configs whose syntax says a password follows: a quoted name then its quoted value (``"password"
"***"``); ``pwd`` as a password's short name (``pwd ***``; not ``pwd is the shell builtin`` nor a folder it
printed, ``pwd /srv/app01``); libpq's ``PGPASS=`` (not ``PGPASSFILE``); Redis's ``AUTH ***`` (in capitals,
``AUTH user ***`` too; a word that looks like a password: ``AUTH service down`` stays), ``requirepass`` and
``masterauth``; a .netrc line (``machine db.example.com login bot password ***``, any value: the host must
have a dot or be localhost); ``az login -p``, ``zip -P``, ``7z -p``, ``openssl -k``/``-pass pass:``,
``rabbitmqctl add_user u ***``, ``net user u ***``; any command's ``-u USER -p ***`` (quoted, or a
credential-like word: not a port, ``-p 5432``, nor ``mysql -u root -p mydb``, which prompts); SQL's
``IDENTIFIED BY '***'`` and ``SET PASSWORD ... = '***'``; ``config set NAME ***`` for a secret's name (``aws
configure set aws_secret_access_key``, ``npm config set //registry/:_authToken``); a command's password
quoted with spaces in it keeps its quotes (``-p'***'``); ``credentials root:***`` (a user and a password
glued by ``:`` after a login's word; not a port, ``login db01:5432/app``). Slack's ``/workflows/`` and
``/triggers/`` webhooks go as ``/services/`` does; a URL's userinfo and a one-time link's token in a file
named after it are masked in prose that names the file too (``see
artifacts/curl_https___***@host_2025-...log``).

Secrets with no name of their own but a form or a neighbour that says it: an AWS secret access key alone (a
40-character base64 word with a ``/`` or ``+``, both cases and a digit; not a path, a git SHA or a URL's
part) where an AWS key id or a secret's word is written in the same text or on the line before
(:func:`redact_lines`, across a document's items); a private key's body split over list items, table rows
or paragraphs, every line between BEGIN and END (the markers stay; only with an END within 120 lines); a
remote shell's ``ssh ***@host`` (``user:password@`` without a scheme after ssh, scp, sftp, rsync, telnet,
ftp); a well-known account's ``admin/***`` (admin, root, administrator...: a credential after the ``/``,
not ``read/write``, ``42/42`` or a path); ``htpasswd -b FILE USER ***`` (``-nb USER ***``); ``PSK: ***``,
``PIN: ***`` (4 to 8 digits), ``OTP ***`` (6 to 8 digits); a bare ``pass ***`` only for a word with a
symbol inside or both cases and a digit ("pass the ball", "tests pass 42/42", ``pass Build-2024`` stay).
An option after ``auth login`` keeps its name (``gh auth login --with-token < ***``), and ``-u`` before a
URL is no curl's ``user:password`` (``redis-cli -u redis://h``).

Also (round 15): an AWS secret alone up to 3 non-blank lines below its key id (``- key id AKIA...`` /
``- region us-east-1`` / ``- ***``); ``PIN ***`` in capitals and ``pin code ***`` without a separator (4 to 8
digits: "PIN the version" stays); a system's ``pass`` (``db pass ***``, ``wifi pass ***``, ``DB pass is
***``: 6+ characters, a letter and a digit or a symbol; "db pass 2 of 3", "vpn pass v2.1.0", "tests pass"
stay); a user and password joined by ``/``, ``,`` or ``;`` after a login's word without a password's word
in the text (``login ops/***``; "login ops/oncall rotation" stays); a key named with a hyphen
(``api-key ***``, ``x-api-key ***``); HTTP Digest's ``response="***"`` after ``Digest``; ``vault login
***`` (``bao login`` too: its argument is a token, a legacy ``s.`` one included; a ``key=value`` argument
and a word that is no credential stay); a Twilio SID's auth token pasted after it (``AC.../***``, the SID
stays); a connection string's password with a space, to its ``;`` (``;Password=***;``); a secret fed to a
command's ``--password-stdin`` or ``--with-token`` (``echo *** | docker login ...``, ``<<< ***``; a
``$VARIABLE`` stays), and ``--password-stdin`` takes no value (``--password-stdin ghcr.io`` stays); a pair
quoted whole as a command's argument, its value with a space, to the quote or the argument's next pair
(``--set "db.password=***"``, ``--extra-vars "ansible_password=*** ansible_user=bob"``).

Also (round 15, SEC2): a secret's unquoted value in a file name or a path runs over ``/``, ``.`` and ``_``,
which a secret holds, to the name's stamp or extension, a ``;`` or a space, as in any text
(``AccountKey=***;EndpointSuffix=...``, ``check_VAULT_TOKEN=***_2025-10-10T02-50-44Z.log``, a folder's
``token=AbCd/`` takes the file's name up to its extension: ``token=***.log``); an evidence row's fallback
target shows only what the masked path shows of the name. A connection string's password with a space not
closed by ``;`` (``Server=db01;Password=***``: to the line's end, a closing backtick, quote or cell, a
spaced dash or a sentence's end, and before a word of prose in small letters, ``...;Password=*** was
rotated``) or written first (``Password=***;Server=db01``, up to the ``;`` of the next pair); a table cell
that is a password's pair alone, its value with spaces (``| Password=*** |``), and a key/value table's
password with a space (``| DB_PASSWORD | *** |`` for ``Hunter 2pg``: 2 or 3 words, one mixing letters and
digits or holding a symbol, none of prose in small letters, a ticket, a date or a version: "rotated Fri",
"rotated v2" stay). A Wi-Fi network's password
after its name and ``/`` (``wifi: Guest / ***``, ``SSID = Guest / ***``: 6+ characters, a letter and a
digit, both cases or a symbol; "wifi: office / 5GHz-band", "wifi: floor2 / floor3" stay; a key/value
table's ``| wifi | Guest / *** |`` too). HTTP Digest
keeps its parameters but ``response`` and ``cnonce`` (``Digest username="bob", ..., response="***",
cnonce="***"``): the user name after the scheme word is no credential.

Also (round 15, SEC3): a password's value then one or two short words that are its rest
(:data:`_SPACED_REST`, ``Password=***`` for ``Password=Hunter 2pg``, ``password: ***`` for ``password:
hunter 2pg``): a word that mixes letters and digits or holds a symbol inside (:func:`password_part`; no
unit, ordinal, quarter, factor, ``2fa``, version, ticket, date or time: ``Password=*** 3rd try``), or
digits alone as the line's or the sentence's last word (``Password=Hunter 2``; ``Password=*** 42 minutes
later`` stays); prose after it stays (``Password=*** rotated by Ana``). A reference or a placeholder where
a secret's value goes stays as written (:data:`_PLACEHOLDER`: ``${DB_PASS}``, ``$DB_PASS`` in capitals,
``%DB_PASS%``, ``{{ vault_db_pass }}``, ``<your-password>``, ``<redacted>``, ``***``, ``xxxx``,
``[REDACTED]``), in every rule and the evidence's; a variable's default is a value
(``password=${DB_PASS:-***}`` goes whole: ``password=***``). A key/value table's password in small letters
(``| db password | *** |`` for ``hunter 2pg``): a small-letter word counts beside a part that mixes letters
and digits, unless it is a note's word (:data:`_NOTE_WORDS`: "rotated 2x", "every 90d", "stored in vault"
stay). A URL's userinfo pasted in its path (``/ht!tp:/***@h/x``, a malformed redirect's) goes.

Also (round 15, SEC4): a variable reference that writes a default (``${DB_PASS:-Hunter2pg}``, ``-``, ``:=``,
``:+``) goes whole when the variable's or the name before it is a secret's, one form in every rule and the
evidence's (:func:`secret_defaults`: ``password: ***``, ``password=*** now``); an empty default, a reference
as the default and an error's text stay (``${DB_PASS:-}``, ``${DB_PASS:-$FALLBACK}``, ``${DB_PASS:?must be
set}``), as does a reference in a key/value table's cell (``| DB_PASSWORD | ${DB_PASS} |``) and 1Password's
``op://vault/item/field``. Prose's ``password is ***`` for ``password is Hunter 2pg``
(:data:`_SPACED_REST_IS`: the spaced rest after ``is``/``was``; a note's word as the value keeps it all, "the
password is in the vault"), ``password is set to ***`` (``was changed to``, ``has been reset to``). A password
manager's name in a note is no credential (:func:`store_name`: "in 1password", "1Password vault", "see
1password item DB-prod"; alone as the value, ``password: ***`` for ``1Password``, it may be the password).

Also (round 16, SEC5): a password's or a passphrase's value written with spaces goes to its clear end
(:data:`_SPACED_PHRASE`, after ``=``, ``:``, ``is`` or ``was``): the words up to a ``;``, ``,``, ``(``, a
quote, a cell's ``|``, a spaced dash, a sentence's end, the line's end or a word of a note or of prose
(:data:`_NOTE_WORDS`, :data:`_PHRASE_STOP`: "rotated", "for", "too", "than"), a unit, a version, a ticket or a
date; the prose after that end stays. Two words at least, 8 at most (no end within 8 words: prose, it stays).
A passphrase's words are its value whatever they are (``passphrase: ***; rotated`` for ``correct horse battery
staple``); a password's only when its last word is digits alone and no other one is (``Password=*** rotated``
for ``Hunter 2``, ``wifi password is *** (rotated)`` for ``blue monkey 42``; "password is longer than 12",
"password was tried 3 times", "password is 12 chars", "Password=*** 42 minutes later" stay, and two words
in small letters without digits, "password is blue monkey", cannot be told from prose). A Kubernetes
Secret's ``data:``/``stringData:`` values go whatever their keys' names (:func:`k8s_secret_data`; YAML, its
lines joined by spaces as a log's item joins them, or kubectl's JSON; only in a text that says ``kind:
Secret`` or ``get secret``; a YAML line's value runs to its line's end, ``NOTE: ***`` for ``two words``; a
reference and an empty value stay; a manifest's camelCase key after a secret's word is no credential,
``kind: Secret`` / ``stringData:``), and a registry's ``.dockerconfigjson`` /
``.dockercfg`` value in any text. After ``Authorization:`` or ``Bearer`` a placeholder stays as written
(:func:`auth_placeholder`: ``Authorization: Bearer <token>``, ``Bearer ${TOKEN}``; before ``***`` and
``***{TOKEN}``).

Also (round 16, SEC6): a Secret's ``stringData:`` with its pairs on one line (a log item joins the manifest's
lines with spaces) reads each value over its words to the next key (:func:`_k8s_string_line`: ``stringData:
NOTE: *** x: *** type: Opaque`` for ``NOTE: two words x: y``; a manifest's field, ``type:``, ``data:``, ends
them; on such a line the prose after the last value goes with it). A table's row written inside a line or a
message (``pasted | api_key | *** |``, :func:`cell_pairs`: each cell between two ``|`` after one naming a
secret, read as a two-column table's value, :func:`redact_field`), and in a table whose names are not in its
first column, the cell before the value's (``| time | ticket | key | value |``). A pair URL-encoded without
its ``=`` in a URL's query, path or fragment (``?token%3D***``, a check's url field), with an escaped ``:``
(``token%3a***``) or escaped twice (``token%253D***``). A secret's name in a code span before its colon
(`` `token`: *** ``). A front matter's (or a JSON object's) key that is a credential (``ghp_...: x``,
:func:`redact_mapping`). A colon typed fullwidth (``password\uff1a***``) is read as ``:``
(``password:***``), as the log reader reads it; a text with nothing to mask keeps it. A shell's line
continuation between a secret's name and its value (``export GITHUB_TOKEN=\\`` then the value on the next
line, or joined by a log item's spaces; ``--token \\``) masks both in one (``GITHUB_TOKEN=***``).

Also (round 16, SEC7): a header quoted whole whose credential a wrap split in words (``curl -H 'Authorization:
Bearer ab12`` then ``cd34'`` on the next line, or the two joined by a log item's space): the words up to the
quote that closes it are one credential (:data:`_QUOTED_AUTH_WRAPPED`: ``'Authorization: Bearer ***'``; 2 to 8
words, a known scheme word stays; a placeholder or words that join to no credential stay, "'Authorization:
pending legal review'"). A key/value table's password with spaces whose last word alone is digits
(``| DB_PASSWORD | *** |`` for ``TBL pw 33``, as :data:`_SPACED_PHRASE` reads one in prose; a count's or a
setting's words, :data:`_COUNT_WORDS`, and a note's stay: "min length 12", "max age 90", "rotated 3").

Also (round 20, SECR): an item is masked the same whichever path it takes. The log reader sends an item
through the whole chain (:func:`redact_text`) only when a cheap gate says a rule may match
(:func:`occ_lib._extract.redact`, :func:`occ_lib._extract.rare_hint`); the gates now read what the chain's
case-blind patterns read: a name in any case (``ToKeN``, ``BeArEr``), the letters such a pattern takes for
ASCII ones (``paſsword``, Kelvin's ``To\u212aEN``, Turkish ``İ``/``ı``) and a fullwidth colon, and a key
named in words as :data:`_SPACED_NAME` names it (``client key: ***``, ``app key = ***``, any white space
between), so a gate that stays shut leaves only what the chain would leave. A URL with nothing to mask keeps
its scheme as written (``HTTPS://host/api``). A password's value then its rest (:data:`_SPACED_REST`): no
rest after a value that ends a sentence or is a file's name (``the password is Correct-Horse! Then``,
``password=***.2025-10-08.json 7Z``), nor after prose's ``is weak``/``is invalid`` (:data:`_PHRASE_STOP`);
digits alone followed by a part are both the rest (``Password=***`` for ``Hunter 2 2pg``, never ``*** 2``;
:data:`_SPACED_PHRASE` likewise, ``wifi password is ***`` for ``blue monkey 42 7Z``); a label that opens a
value written after a space stays (``db_password: key=***``, as ``token: key=***``). A proxy's userinfo with
a space, unquoted, also when words follow its host (``http_proxy: ***@proxy.corp:3128 (build agents)``; a
password of 3 words at most then).

Also (round 21, REDACT): a secret's name in any case masks as its lower-case form does, on every path: the
gates of the case-blind rules read names as :func:`gate_text` writes them in small letters (``PaSsWoRd:
***``, ``AdMiN/***``, ``aUtHoRiZaTiOn: Bearer ***``), and a name camelCase splits in pieces is read as its
segments in small letters (:func:`is_secret_part_name`: ``PaSs=***``, ``aPi_KeY=***``; ``spaceKey``,
``tokenCount`` stay no secret's). A pin's separator may be spaced (``pin = ***``), and a lock's code or pin is
a secret (``door code ***``, ``gate PIN: ***``, door, gate, alarm, lock, lockbox, safe, keypad, garage, entry
or access: not ``status code 4829``, ``error code``, ``zip code``, nor ``door code review``). ``ssh ***@host``
counts for mosh, autossh, ssh-copy-id, rlogin, mysqlsh, mysql, mariadb, psql and mongosh too. After a
password's name, words joined by a hyphen, the next capitalised, are a passphrase (``the password is ***`` for
``Correct-Horse!``; prose's ``case-sensitive!``, ``expired``, ``in 1Password`` stay). Each name reads the
separators its kind does: a password's (``passcode``, ``passphrase``, ``bearer`` too) its value after a
colon with no space (``passcode:***``, with its signs: ``password:***`` for ``P@ssword``); every word of
:data:`_SECRET_PARTS` names a pair (``otp=***``, ``PAT=***``); a variable's snake-case name before ``is`` or
``was`` (``the db_password is ***``, ``api_key was ***``; with a space alone after it, the env dump's rule
reads it, in capitals, and takes a password's symbols: ``DB_PASSWORD ***`` for ``Hunter2pg!x``); a key
named in words by one list in every rule (``client key ***``, ``secret key: ***``, ``service account key is
***``); a PSK without a separator (``psk ***``). A prose word that names a secret only in a pair's syntax
keeps its bare forms (``session: 2 of 3``, ``key: ...``), as ``pin 4829`` without a separator (in capitals
only) does.

Also (round 22, REDACT): a password, a pass phrase or a community that a command's syntax says follows, no
secret's word naming it (:func:`command_secrets`). An option's value, read in its tool's words only (to the
line's, a pipe's or a ``;`` end): ``ldapsearch -w ***`` (ldappasswd's ``-s`` and ``-a`` too), ``xfreerdp
/p:***`` (``/gp:``, ``/pth:``; ``/p:`` only after an RDP client), ``rdesktop -p ***``, ``snmpwalk -c ***``
(SNMPv3's ``-A`` and ``-X``), ``sqlcmd -P ***`` (bcp, osql, isql, ipmitool), ``mongorestore -p ***``, ``cqlsh
-p ***``, ``schtasks /rp ***``, ``winrs -p:***``, keytool's ``-new``; any command's ``-storepass``,
``-keypass``, ``-password``, ``-passwd`` or ``-passphrase`` (``-storepass:env NAME`` stays; openssl's
``-password pass:***``, its ``env:`` and ``file:`` sources stay) and Windows' ``/password:***`` (``/pass:``,
``/pwd:``). A user's joined to it: lftp's ``-u deploy,***``, Samba's ``-U alice%***`` (``--user``, wbinfo's
``-a``; ``-U %USERNAME%`` stays). A positional one: ``net use \\\\fs\\share ***`` (before or after its
switches; ``*`` prompts), ``smbclient //fs/share ***``, ftp's ``user alice ***``, unixODBC's ``isql DSN USER
***``, ``openssl passwd -6 ***``, Oracle's ``sqlplus scott/***@db`` (``rman target sys/***``),
``ConvertTo-SecureString '***' -AsPlainText``; a network device's ``username admin password 0 ***``, ``enable
secret 5 ***``, ``tacacs-server key ***``, ``snmp-server community *** RO``, snmpd.conf's ``rocommunity ***``;
the value fed to ``kinit``, ``chpasswd`` or ``vncpasswd`` (``echo *** | kinit alice``). A reference, a
prompt's ``-`` and a count, a timeout or a port where the tool's option means one stay (``ping -c 3``, ``curl
-w 5``, ``ssh -p 8080``, ``mongodump -p 27017``, ``sqlcmd -P 1433``); so do the SNMP communities every device
ships with (``snmpwalk -c public``, ``private``: a default is no secret, and shown it is a finding). An
account's recovery or backup codes, one or a list (``recovery code ***``, ``mfa backup codes: ***`` for ``1234
5678``; scratch, emergency and rescue codes, a recovery key; each with a digit and no date or ticket:
"recovery code review", "backup code 2025-10-10" stay); a passcode's digits as a pin's (``the passcode is
***``, ``passcode ***``); a one-time code's other names (``verification code ***``, security, auth, login,
sign-in, sms: 6 to 8 digits); a pin's and a code's ``was``. A token's symbols glued to it are its own (``api
key ***`` for ``Hunter2pg!x``; a query's next pair, ``&x=1``, and an address's ``@host`` stay apart); a
secret's value then its short rest is read as a password's (``secret=***`` and ``secret: ***`` for ``hunter
2pg``; prose's "the secret is ..." is not); a name after ``$`` is a variable's, its value is elsewhere (``$pw
-AsPlainText`` stays).

Hostile input stays linear: a name or a scheme is read once from its start, never again from each of its
letters.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any, cast
from urllib.parse import quote, unquote, urlsplit, urlunsplit

REDACTED = "***"


# the characters redaction's patterns read as ASCII ones: a case-blind pattern's 'ſ' (an 's'), Kelvin's
# 'K', Turkish 'İ' and 'ı' (an 'i'), and a fullwidth colon (redact_text reads it as ':')
_GATE_FOLD_PAIRS = {"\u017f": "s", "\u212a": "K", "\u0130": "I", "\u0131": "i", "\uff1a": ":"}
_GATE_FOLD = str.maketrans(_GATE_FOLD_PAIRS)
_GATE_FOLDED = tuple(_GATE_FOLD_PAIRS)


def gate_text(text: str) -> str:
    """``text`` as redaction's substring gates must read it: the letters its case-blind patterns match
    as ASCII ones written so (:data:`_GATE_FOLD`), for a gate's plain test to see 'paſsword' as the
    pattern does; a text with none of them as it is (ASCII text, most items: no copy)."""
    if text.isascii():
        return text
    # (five substring tests first: translating a 100 KB log costs ~9 ms, the tests ~0.01 ms)
    if any(ch in text for ch in _GATE_FOLDED):
        return text.translate(_GATE_FOLD)
    return text  # (the same object: redact's plain path then goes on)


class _LazyPattern:
    """A pattern of this module, compiled on its first use rather than at import.

    Compiling the module's ~130 patterns cost ~40 ms of every command's start (``occ probe``, which
    redacts URLs and response headers, uses a handful of them). The first use stores the compiled
    pattern's methods and attributes on the instance, so from then on a call is the compiled
    pattern's own (no ``__getattr__``); ``pattern`` is there from the start, for patterns built
    from others (``_AWS_ID.pattern + ...``). Two threads using one first both compile: harmless.
    """

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self._flags = flags

    def __getattr__(self, name: str) -> Any:
        compiled = re.compile(self.pattern, self._flags)
        for attr in _PATTERN_ATTRS:
            setattr(self, attr, getattr(compiled, attr))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"_lazy({self.pattern!r}, {self._flags})"


_PATTERN_ATTRS = ("search", "match", "fullmatch", "sub", "subn", "finditer", "findall", "split", "scanner",
                  "flags", "groups", "groupindex")


def _lazy(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)`` compiled on first use (:class:`_LazyPattern`); typed as the
    pattern it stands for."""
    return cast("re.Pattern[str]", _LazyPattern(pattern, flags))


# where a file name's stamp begins: a date and a time, or a date alone written with its dashes
# ('_2025-10-10T02-50-44Z.log', '_20251010T0250Z', '-2025-10-08.json'); a form whose characters take
# '_' and '-' (Slack's, a JWT, a Telegram bot's) ends there
_STAMP = r"[_.-](?:\d{4}-?\d{2}-?\d{2}T\d{2}|\d{4}-\d{2}-\d{2}(?!\d))"

_SECRET_WORDS = (
    "token", "key", "secret", "signature", "sig", "password", "passwd", "pass", "pwd",
    "auth", "code", "credential", "session", "jwt", "bearer", "apikey", "access", "cookie",
)
_SECRET_NAME = _lazy("|".join(_SECRET_WORDS), re.IGNORECASE)
_QUERY_PAIR = _lazy(r"([^&=;]+)(=)([^&;]*)")
_URL_AT = _lazy(r"[a-zA-Z][a-zA-Z0-9+.-]*://[^\s<>\"'`)\]]+")  # (where _urls_redacted finds one)
# the words before 'key' (or 'token', 'secret': _SPACED_NAME) that make it a secret's name, one list for every
# rule that reads one and its gate (_BEARER, _SPACED_NAME, _key_named): 'API key', 'client key: X', 'app key =
# X', 'service account key is X', 'master key X'
_KEY_NAMES = ("api", "access", "secret", "private", "license", "signing", "routing", "integration",
              "subscription", "encryption", "master")
_SPACED_KEY_NAMES = _KEY_NAMES + ("client", "auth", "refresh", "bearer", "app", "account")
# (a key named in words as _SPACED_NAME names one: 'client key X', 'app key is X'; a name may be a variable's,
# in snake case, before 'is' or 'was': 'the db_password is X', 'api_key was X', 'db_pass is X'; with a space
# alone after it, it is an env dump's, _ENV_SPACED's: 'DB_PASSWORD ./pw.txt', 'API_KEY <its value>')
_IS_NEXT = r"[\"']?\s+(?:is|was)\s"
_BEARER_NAME = (r"bearer|basic|token|apikey|(?:" + "|".join(_SPACED_KEY_NAMES)
                + r")(?:[ -]|_(?=key" + _IS_NEXT + r"))key"
                r"|(?P<pw>secret|password|passwd|passcode|passphrase|pwd|pw|(?<=_)pass)")
_BEARER_REST = (
    # ('root password is X', 'break-glass password for db-3: X', 'password for the vendor portal: X',
    # 'the API key for partner X is Y'; Dataview's inline field, 'password:: X')
    # ('changed the password to X': only after a password's or a secret's name)
    # (a quoted name, then its quoted value: '"password" "X"')
    r"((?:[\"'](?=[ \t]+[\"']))?"
    r"(?:\s+(?:(?(pw)(?:(?:is|was|has\s+been)\s+(?:set|changed|reset|updated)\s+)?to|(?!))|is|was|for(?:\s+[\w.-]{1,40}){2,4}(?=[*_]{0,2}:)|for(?:\s+[\w.-]{1,40}){1,4}\s+(?:is|was)"
    r"|for\s+[\w.-]{1,40}))?(?:`?[*_]{0,2}::?|\s*(?:->|\u2192))?"  # ('password -> X', 'token \u2192 X')
    r"[*_]{0,2}\s+)(?:(`)(?=[^`\n]+`)|(?P<par>\()(?=[^()\s]+\))"  # ('the admin password (X) was reset')
    r"|(?P<open>[(`\['\"]))?"  # (one never closed opens the word all the same: 'password (X was reset')
    # (a key's name is no value: 'secret access key is X' is read from 'access')
    r"(?!(?:" + "|".join(_SPACED_KEY_NAMES) + r")[ \t_-]+key\b)"
    # (a password may hold what a token never does: 'Summer#2025!', 'Tr0ub4dor&3', 'Vend0r!Pass')
    # (a password's name says what follows, so a shorter one counts: 'the root password is hunter2')
    # (a token's symbols glued to it are its own: 'api key ***' for 'Hunter2pg!x', never '***!x'; not a
    # query's next pair, '&x=1', nor an address's '@host')
    r"(?P<word>(?(pw)[A-Za-z0-9._~+/=\-#&!$%@^*?]{6,}|[A-Za-z0-9._~+/=-]{8,}"
    r"(?:(?:[#!$%^*?]|&(?![A-Za-z_][\w.-]*=))+[A-Za-z0-9._~+/=-]+)*))(?(4)`)(?(par)\))"
)
# (a name after '$' is a variable's, whose value is elsewhere: "ConvertTo-SecureString $pw -AsPlainText")
_BEARER = _lazy(r"(?i)(?<!\$)\b((?:" + _BEARER_NAME + "))" + _BEARER_REST)
# (the same, a snake-case variable's prefix before 'is' or 'was' too: used only for a text that holds a
# '_' and 'is' or 'was', as the prefix, read from each word's start, costs every other text its time)
_BEARER_SNAKE = _lazy(
    r"(?i)(?<!\$)\b((?:(?:[a-z0-9]{1,40}_){1,4}(?=(?:" + _BEARER_NAME.replace("(?P<pw>", "(?:") + ")"
    + _IS_NEXT + "))?(?:" + _BEARER_NAME + "))" + _BEARER_REST)
_CREDENTIAL_SIGN = _lazy(r"[0-9._~+/=]|[a-z][A-Z]")  # (a digit, a token character, base64's case mix)
_PASSWORD_SIGN = _lazy(r"[#&!$%@^*?][A-Za-z0-9]")  # (a symbol inside a password: 'P@ssword')
# (or words joined by a hyphen, the next one capitalised, as a passphrase is written: 'Correct-Horse'; prose's
# compound is in small letters, 'case-sensitive', a ticket's and a placeholder's in capitals, 'NOT-SET')
_PASSWORD_JOINED = _lazy(r"[a-z]-[A-Z]")


def _password_signed(word: str) -> bool:
    """Whether a word after a password's name shows a password's sign (:data:`_PASSWORD_SIGN`,
    :data:`_PASSWORD_JOINED`): 'P@ssword', 'Correct-Horse'; not 'expired!', 'case-sensitive'."""
    return _PASSWORD_SIGN.search(word) is not None or _PASSWORD_JOINED.search(word) is not None


def is_secret_name(name: str) -> bool:
    """True when a query parameter or header name suggests its value is a secret."""
    return bool(_SECRET_NAME.search(name))


@functools.lru_cache(maxsize=4096)  # (a probe run shows each target's URL twice, a --repeat run each time)
def redact_url(url: str) -> str:
    """Return ``url`` with userinfo and secret query values replaced by ``***``.

    Never raises: a string that is not a URL comes back with only the query rules applied.
    """
    if "@" in url:  # (a password with '/', '?' or '#' in it, unescaped, as configs paste it)
        url = _USERINFO.sub(_userinfo, url, count=1)
    try:
        parts = urlsplit(url)
    except ValueError:
        return _redact_query(url)
    netloc = parts.netloc
    if "@" in netloc:
        netloc = REDACTED + "@" + netloc.rsplit("@", 1)[1]
    path = parts.path
    if ";" in path:  # (a session in the path: '/cart;jsessionid=...')
        path = _redact_query(path)
    host = parts.hostname or ""  # (lower-cased, without a port: 'hooks.slack.com:443' is Slack's)
    if host.endswith(_WEBHOOK_HOSTS):  # (the path of a webhook URL is its secret)
        path = _WEBHOOK_PATH.sub(lambda m: m.group(1) + REDACTED, path)
    elif "/hooks/" in path or "/integration/" in path or "/with/key/" in path:
        path = _hook_path(host, path)
    if any(w in path for w in _RELAYED_WEBHOOK):  # (Slack's or Discord's, relayed by another host)
        path = _WEBHOOK_FORM.sub(lambda m: (m.group(1) or m.group(2)) + REDACTED, path)
    if "/bot" in path and ":" in path:  # (a Telegram bot's token: '/bot7123456789:AAH.../getMe')
        path = _BOT_PATH.sub(lambda m: m.group(1) + REDACTED, path)
    if _path_token_hint(path.lower()):  # (a one-time link's token: '/reset/AbCdEf123456XyZ')
        path = _PATH_TOKEN.sub(_path_token, path)
    if "@" in path and ":" in path:  # (a URL's userinfo pasted into a path: a bad redirect's 'ht!tp://u:pw@h')
        path = _PATH_USERINFO.sub(REDACTED + "@", path)
    if ":AA" in path:  # (one elsewhere: a file named after the Bot API's path, '..._bot7123...:AAH..._getMe')
        path = "".join(_BOT_TOKEN.sub(REDACTED, part) for part in _BEFORE_STAMP.split(path))
    query = _redact_query(parts.query) if parts.query else parts.query
    fragment = _redact_query(parts.fragment) if "=" in parts.fragment else parts.fragment
    if "%3" in url or "%253" in url:  # (a pair escaped, no '=': '?token%3Dabc', '/x/token%3Dabc', '#...')
        path, query, fragment = (_ENCODED_PAIR.sub(_encoded_pair, part) if "%3" in part else part
                                 for part in (path, query, fragment))
    return urlunsplit((parts.scheme, netloc, path, query, fragment))


def redact_header_value(name: str, value: str, scrub: Callable[[str], str] | None = None) -> str:
    """A response header's ``value`` redacted as written after its name (``scrub``, else
    :func:`redact_text`): the rules a name brings apply to a value kept alone ('Via: 1.1 user:pw@proxy'
    is a proxy's userinfo only after 'Via:')."""
    if scrub is None:
        return _header_value_redacted(name, value)
    return _after_name(name, value, scrub)


def _after_name(name: str, value: str, scrub: Callable[[str], str]) -> str:
    prefix = f"{name}: "
    out = scrub(prefix + value)
    return out[len(prefix):] if out.startswith(prefix) else scrub(value)


@functools.lru_cache(maxsize=1024)
def _header_value_redacted(name: str, value: str) -> str:
    """:func:`redact_text` of a header's value, remembered: a probe run's responses repeat their
    ``Server``, ``Via`` and (within a second) ``Date`` values, each redacted once."""
    return _after_name(name, value, redact_text)


def url_hint(text: str) -> bool:
    """Whether a URL in ``text`` may carry what :func:`redact_url` masks: a query, a fragment, userinfo,
    a path parameter, a webhook's key or a one-time link's token in its path (substring tests, as
    :func:`known_hint`)."""
    return ("?" in text or "@" in text or "#" in text or ";" in text or "hook" in text or "%3" in text
            or "googleapis" in text or "/integration/" in text or "/with/key/" in text
            or any(w in text for w in _RELAYED_WEBHOOK)  # (redact_url's own test, on any host)
            or _path_token_hint(text.lower()))


def _path_token_hint(low: str) -> bool:
    """Whether lower-cased ``low`` may hold a one-time link's path (:data:`_PATH_TOKEN`)."""
    return any(w in low for w in _PATH_TOKEN_WORDS)


# 'scheme://user:pa/ss#word@host': userinfo up to the last '@' before a host; not 'host:8443/x@y'
_USERINFO = _lazy(r"^([a-zA-Z][a-zA-Z0-9+.-]*://)([^\s@/?#]*):([^\s@]*)@(?=[\w\[])")
# a user and a password glued by ':' before '@' in one segment of a URL's path ('/ht!tp:/u:pw@h/x', what a
# redirect to a malformed Location leaves in the next request's path); '/@scope/pkg', '/users/@bob' stay
_PATH_USERINFO = _lazy(r"(?<=/)[^/@:\s]{1,200}:[^/@\s]{1,200}@(?=[\w\[])")
_PORT_THEN_PATH = _lazy(r"\d{1,5}(?:[/?#]|$)")
# the paths of Slack's and Discord's webhooks, which another host may relay (their key is masked on any host)
_RELAYED_WEBHOOK = ("/services/T", "/api/webhooks/")
_WEBHOOK_HOSTS = ("hooks.slack.com", "discord.com", "discordapp.com", "webhook.office.com",
                  "outlook.office.com", "chat.googleapis.com", "hooks.zapier.com", "webexapis.com")
_WEBHOOK_PATH = _lazy(
    r"(/(?:services|workflows|triggers|api/webhooks|webhookb2|webhook|IncomingWebhook|v1/spaces|hooks/catch"
    r"|v1/webhooks/incoming)/)"
    r"(?:(?!" + _STAMP + r")\S)+"  # (a file name's stamp after it stays)
)
# the same URL written in a file name or a path, '/' as '_' or kept ('curl_https___hooks.slack.com_
# services_T0.._B0.._XyZ.._2025-10-10T02-50-44Z.log', 'evidence/hooks.slack.com/services/T0../...'): its
# secret runs to the stamp or the extension, which stay
_WEBHOOK_IN_NAME = _lazy(
    r"(?i)((?<![A-Za-z0-9-])(?:hooks\.slack\.com|discord(?:app)?\.com|(?:[\w-]+\.)?webhook\.office\.com"
    r"|outlook\.office\.com|chat\.googleapis\.com|hooks\.zapier\.com|webexapis\.com)(?::\d+)?[/_]+"
    r"(?:services|workflows|triggers|api[/_]webhooks|webhookb2|webhook|IncomingWebhook|v1[/_]spaces|hooks[/_]catch"
    r"|v1[/_]webhooks[/_]incoming)[/_])(?:(?!" + _STAMP + r")[^\s.'\"`<>()\[\]{},;|])+"
)
# a Slack or Discord webhook's path known by its form on any host (a relay, an egress proxy's base URL,
# a mock): Slack's team and bot ids then its key, Discord's numeric id then its token; the ids stay
_WEBHOOK_FORM = _lazy(
    r"(/services/T[A-Z0-9]{6,}/B[A-Z0-9]{6,}/)[A-Za-z0-9]{16,}(?=[/?#]|$)"
    r"|(?<=/api/webhooks/)(\d{15,20}/)[A-Za-z0-9_-]{40,}(?=[/?#]|$)"
)
# a webhook's key in the path on any host: Mattermost's and Rocket.Chat's '/hooks/<key>' (on the team's
# own server: the key must look like one, '/hooks/overview' is a page); PagerDuty's
# '/integration/<key>/enqueue' and IFTTT's '/with/key/<key>' (what follows the key stays)
_HOOK_KEY = _lazy(r"^(/hooks/)([^/?#]+)")
_HOST_HOOK_KEY = (
    ("pagerduty.com", _lazy(r"(/integration/)[^/?#]+")),
    ("ifttt.com", _lazy(r"(/with/key/)[^/?#]+")),
)


def _hook_path(netloc: str, path: str) -> str:
    """``path`` with the key of a webhook URL on its own host masked (:data:`_HOOK_KEY`)."""
    m = _HOOK_KEY.match(path)
    if m is not None and _looks_like_credential(m.group(2)):
        return m.group(1) + REDACTED
    for host, key in _HOST_HOOK_KEY:
        if netloc.endswith(host):
            path = key.sub(lambda k: k.group(1) + REDACTED, path)
    return path
# the Telegram Bot API's '/bot<bot id>:<secret>/<method>' (and '/file/bot<id>:<secret>/<path>'): the id
# stays, it names the bot
_BOT_PATH = _lazy(r"(/bot\d{5,16}:)[A-Za-z0-9_-]{30,}(?=/|$)")
# a Telegram bot's token (its id, then the secret), known by its form (_KNOWN_FORMS); it starts after no
# letter or digit, or right after 'bot', as the Bot API's path writes it and a file named after that path
# keeps it ('api.telegram.org_bot7123...:AAH...'), as every known form may (_KNOWN_START)
_TELEGRAM_TOKEN = r"\d{5,16}:AA[A-Za-z0-9_-]{30,}"
_KNOWN_START = r"(?:(?<![A-Za-z0-9])|(?<=[Bb]ot)(?=\d))"
_BOT_TOKEN = _lazy(_KNOWN_START + _TELEGRAM_TOKEN)


def _userinfo(m: re.Match[str]) -> str:
    if _PORT_THEN_PATH.match(m.group(3)):
        return m.group(0)  # ('https://host:8443/@scope/pkg': a port, then a path)
    return f"{m.group(1)}{REDACTED}@"


def _is_secret_query_name(name: str) -> bool:
    """Whether a URL query parameter's name is a secret's: by its whole parts (:func:`is_secret_part_name`:
    'api_key', 'apiKey', 'x-api-key', 'X-Amz-Signature', 'sig'; not 'spaceKey', 'var-keyspace',
    'bypass_cache', 'token_type'), or one only a query uses: OAuth's ``code`` alone or after an
    authorization's word ('auth_code', 'otp_code'; not 'country_code', 'promo_code'), a ``verifier``
    (PKCE's, OAuth 1's), a session id glued to its server's prefix ('jsessionid', 'PHPSESSID') and the
    glued names of :data:`_GLUED_SECRET` ('authkey', 'passcode')."""
    if is_secret_part_name(name):
        return True
    parts = [p.lower() for p in _NAME_PARTS.findall(name)]
    if not parts:
        return False
    if parts[-1] == "code":
        return len(parts) == 1 or parts[-2] in _CODE_QUALIFIERS
    return parts[-1] == "verifier" or (len(parts) == 1 and _GLUED_SECRET.fullmatch(parts[0]) is not None)


# the word before a 'code' that makes it a credential (an OAuth grant's, a one-time password's)
_CODE_QUALIFIERS = frozenset((
    "auth", "authorization", "oauth", "otp", "mfa", "totp", "verification", "verify", "reset",
    "recovery", "device", "access", "security", "sms", "login", "activation", "confirmation", "backup",
))
_GLUED_SECRET = _lazy(
    r"[a-z]*sess(?:ion)?id|passcode|passphrase|(?:auth|otp|mfa|sms|access|reset)code"
    r"|(?:auth|access|private|signing|shared|session|subscription|master|client|app|dev|license|user"
    r"|routing|integration|service|account|consumer|hmac|webhook|write|read|admin|ingest)key"
)


_QUERY_DEPTH = 8


def _redact_query(query: str, depth: int = 0) -> str:
    """A query's (or a value's) pairs, secrets masked; a value that holds pairs of its own, escaped or not
    ('next=%2Freset%3Ftoken%3Dabc', 'next=x=token=abc'), is read as a query too, 8 deep at most (deeper is
    hostile: its value goes whole, and no nesting of 'a=a=a=...' recurses past it)."""
    def repl(m: re.Match[str]) -> str:
        name, value = m.group(1), m.group(3)
        # (a name is judged as the server reads it: 'api%5Fkey' is 'api_key')
        plain = unquote(name) if "%" in name else name
        if "=" in value.rstrip("=") and not _is_secret_query_name(plain):
            if depth >= _QUERY_DEPTH:
                return f"{name}={REDACTED}"
            return f"{name}={_redact_query(value, depth + 1)}"  # ('x=token=abc', unescaped: the pair inside)
        if value and (_is_secret_query_name(plain) or _short_name_credential(plain, value)):
            return f"{name}={REDACTED}"
        if "%3d" in value.lower():  # ('next=%2Freset%3Ftoken%3Dabc': a URL inside, its query escaped)
            if depth >= _QUERY_DEPTH:
                return f"{name}={REDACTED}"
            inner = unquote(value)
            masked = _redact_query(inner, depth + 1)
            if masked != inner:
                return f"{name}={quote(masked, safe='/*')}"
        return m.group(0)

    return _QUERY_PAIR.sub(repl, query)


# a pair written URL-encoded in free text ('token%3DUrlEncTok99', 'api_key%3Dabc%26x%3D1', a URL escaped in
# a word, '%3Ftoken%3D...'): its value runs to the escaped '&' ('%26') or the end of the word
_ENCODED_PAIR = _lazy(
    r"(?:(?<![A-Za-z0-9_.%-])|(?<=%[0-9A-Fa-f]{2}))([A-Za-z][A-Za-z0-9_.-]{0,60}(?:%3[DdAa]|%253[Dd]))"
    r"((?:[^\s&;,'\"`()\[\]{}<>%]|%(?!26)[0-9A-Fa-f]{2}){1,400})"
)


def _encoded_pair(m: re.Match[str]) -> str:
    """An :data:`_ENCODED_PAIR` masked when its name is a secret's and its value no mask, ticket or date;
    a value that holds a pair of its own is read as one ('x%3Dtoken%3Dabc': the name 'x' says nothing,
    'token' does; 8 deep at most, as a query's, :func:`_redact_query`: a deeper one is hostile and goes)."""
    value = unquote(m.group(2))
    if not is_secret_part_name(m.group(1)[:m.group(1).rfind("%")]):  # ('token%3D', '%3A', twice: '%253D')
        inner = m.group(2)
        if "%3D" in inner or "%3d" in inner or "%253" in inner:
            up = inner.upper()
            if up.count("%3D") + up.count("%253D") > _QUERY_DEPTH:  # (hostile: no nesting is that deep)
                return m.group(1) + REDACTED
            return m.group(1) + _ENCODED_PAIR.sub(_encoded_pair, inner)
        return m.group(0)
    if (value.startswith(REDACTED)
            or _NO_CREDENTIAL.fullmatch(value)):
        return m.group(0)
    return m.group(1) + REDACTED


def _short_name_credential(name: str, value: str) -> bool:
    """Whether a query value is a credential though its name is too short to say so ('?t=MagicT0ken99',
    '?k=...'): mixed case and digits, 10+ characters ('?q=Hello', '?v=1.2.3', '?id=...' stay)."""
    return (len(name) <= 2 and name.lower() not in _SHORT_NOT_SECRET and len(value) >= 10
            and _MIXED_CREDENTIAL.fullmatch(value) is not None)


_SHORT_NOT_SECRET = frozenset(("id", "q", "p", "v", "pg", "ts", "tz", "hl", "gl", "ie", "oe"))
# letters of both cases and a digit, in a token's characters
_MIXED_CREDENTIAL = _lazy(r"(?=[^a-z]*[a-z])(?=[^A-Z]*[A-Z])(?=[^0-9]*[0-9])[A-Za-z0-9_.~+/=%-]+")
# a one-time link's token in the path: '/reset/<token>', '/magic/<token>', '/invite/<token>',
# '/verify/<token>', '/confirm/<token>', '/unsubscribe/<token>' (a segment that looks like one: 12+
# characters, letters and digits)
_PATH_TOKEN = _lazy(
    r"(?i)(/(?:reset|magic|invite|verify|confirm|unsubscribe)/)(?=[A-Za-z_-]*[0-9])"
    r"(?=[0-9_-]*[A-Za-z])([A-Za-z0-9_-]{12,})(?=[/?#]|$)"
)
_PATH_TOKEN_WORDS = ("/reset/", "/magic/", "/invite/", "/verify/", "/confirm/", "/unsubscribe/")


_SLUG = _lazy(r"(?:[A-Za-z]+|[0-9]+)(?:[-_](?:[A-Za-z]+|[0-9]+))+")


def _path_token(m: re.Match[str]) -> str:
    """A :data:`_PATH_TOKEN` match, its token masked; a page's slug of words and numbers stays
    ('/reset/howto-2025-guide'; a UUID's parts mix hex letters and digits and go)."""
    if _NO_CREDENTIAL.fullmatch(m.group(2)) or _SLUG.fullmatch(m.group(2)):
        return m.group(0)
    return m.group(1) + REDACTED


def _bearer_hint(text: str) -> bool:
    """Whether :data:`_BEARER` may match ``text``: a match opens with one of its names, so ASCII text
    without them (in any case) has none and skips the pattern, which is tried at every position (its
    names are case-blind, and case-blind matching of other text is Unicode's, so other text is searched)."""
    if not text.isascii():
        return True
    # (and a name is followed by what the pattern reads next: white space, a quote, '*', '_', ':' or '-';
    # 'token=' in a URL's query is none)
    return _beside(text.lower(), _BEARER_NAMES, True, "\"'*_:-`")


_BEARER_NAMES = (
    "token", "key", "password", "passwd", "passcode", "passphrase", "pwd", "pw", "secret", "bearer", "basic",
    "_pass")


def _beside(low: str, words: tuple[str, ...], after: bool, signs: str = "") -> bool:
    """Whether one of ``words`` in ``low`` has white space or one of ``signs`` right ``after`` it (else right
    before it): what a case-blind name's pattern needs, checked in ASCII text without trying the pattern at
    every position."""
    for word in words:
        i = low.find(word)
        while i >= 0:
            j = i + len(word) if after else i - 1
            if 0 <= j < len(low) and (low[j].isspace() or low[j] in signs):
                return True
            i = low.find(word, i + 1)
    return False


# a secret's name, then a shell's line continuation ('\\' and the line's end, or the spaces a log item joins
# it with), then the value: 'export GITHUB_TOKEN=\\', '  ghp_...'; '--token \\', '  X'
_CONTINUED_VALUE = _lazy(
    r"(?<![\w-])(-{0,2}[A-Za-z][\w.-]{0,60})([ \t]*[=:]?[ \t]*)\\((?:[ \t]+\n?|\n)[ \t]*)"
    r"([^\s\"'`\\]{6,400})")


def _continued_value(m: re.Match[str]) -> str:
    name = m.group(1).lstrip("-")
    if not is_secret_part_name(name) or placeholder_value(m.group(4)) or m.group(4).startswith(REDACTED):
        return m.group(0)
    return m.group(1) + m.group(2) + REDACTED  # (one mask for the continuation and the value: 'TOKEN=***')


def redact_text(text: str) -> str:
    """Redact every URL found in free text, ``Bearer <token>`` style credentials, and the secrets
    a pasted command or config shows (:func:`redact_pairs`). Credentials known by their form go
    before the word after ``Bearer``/``token``: that rule ends a word at ``:`` and would leave a
    Telegram bot's secret ('token 7123456789:AAH...')."""
    if "\uff1a" in text:  # ('password\uff1aX': a colon typed fullwidth, as a log reads it; kept if no mask)
        folded = text.replace("\uff1a", ":")
        out = redact_text(folded)
        return text if out == folded else out
    if "\\" in text:  # ('export GITHUB_TOKEN=\\' then the value on the next line: a shell's continuation)
        text = _CONTINUED_VALUE.sub(_continued_value, text)
    if "${" in text:  # ('password: ${DB_PASS:-Hunter2pg}': the default is a value, the reference goes whole)
        text = secret_defaults(text)
    if ("'" in text or '"' in text) and "uthorization" in gate_text(text).lower():
        text = _QUOTED_AUTH_WRAPPED.sub(_quoted_auth_wrapped, text)  # ("'Authorization: Bearer ab\n  cd'")
    if "@" in text and "://" in text and ('"' in text or "'" in text):
        text = _QUOTED_URL_USERINFO.sub(lambda m: m.group(1) + m.group(2) + REDACTED + "@", text)
    if "://" in text:
        text = _urls_redacted(text)
    text = redact_known(text)
    if "%3" in text or "%253" in text:  # ('token%3DUrlEncTok99': a pair escaped, outside a URL's query)
        text = _ENCODED_PAIR.sub(_encoded_pair, text)
    if ("ecret" in text or "ECRET" in text) and ("ata:" in text or 'ata"' in text) or "dockerc" in text:
        # (a k8s Secret's data, a registry's '.dockerconfigjson')
        text = k8s_secret_data(text)
    if spaced_rest_hint(text) and "pass" in gate_text(text).lower():  # ('passphrase: correct horse battery')
        text = _SPACED_PHRASE.sub(_spaced_phrase, text)
    if _bearer_hint(text):
        text = (_BEARER_SNAKE if "_" in text and _is_or_was(text) else _BEARER).sub(_credential, text)
    if spaced_rest_hint(text) and _is_or_was(text):
        text = _SPACED_REST_IS.sub(_spaced_rest_is, text)  # ('password is Hunter 2pg')
    if ('"' in text or "'" in text or "`" in text) and _quoted_secret_hint(text):
        text = _QUOTED_AFTER_NAME.sub(_quoted_after_name, text)
    if "</t" in text or "</d" in text or "</T" in text or "</D" in text:
        text = _HTML_PAIR.sub(_html_pair, text)
    if "</" in text:
        text = _XML_FIELD.sub(_xml_field, text)
    if "|" in text and text.count("|") >= 3:  # ('pasted | api_key | X |': a table's row in a line)
        text = cell_pairs(text)
    return redact_pairs(text) if pair_hint(text) else text


# a header quoted whole whose credential a line's wrap (or a log item's join) split in words: the words up to
# the quote that closes the header are its credential ("curl -H 'Authorization: Bearer ab12\n  cd34'")
_QUOTED_AUTH_WRAPPED = _lazy(
    r"""(?i)(["'])((?:proxy-)?authorization[ \t]*:[ \t]*)(?:([A-Za-z][\w-]{0,30})([ \t]+))?"""
    r"""([^\s"'`]{1,400}(?:(?:[ \t]*\n[ \t]*|[ \t]+)[^\s"'`]{1,400}){1,7})(?=\1)"""
)


# a scheme's word before a header's one credential, a known one or written as a name ('Basic', 'GenieKey',
# 'Token'; not a token's capitals, 'WRAPCODE')
_SCHEME_WORD = _lazy(r"[A-Z][a-z]+(?:[A-Z][a-z]+)*")


def _quoted_auth_wrapped(m: re.Match[str]) -> str:
    """A :data:`_QUOTED_AUTH_WRAPPED` match, its credential's words masked as one (a known scheme word
    stays); a placeholder, a mask or words that join to no credential stay."""
    scheme, space, value = m.group(3) or "", m.group(4) or "", m.group(5)
    words = value.split()
    if scheme and scheme.lower() not in AUTH_SCHEMES:
        words, scheme, space = [scheme, *words], "", ""
    if not scheme and len(words) == 2 and _SCHEME_WORD.fullmatch(words[0]) is not None:
        return m.group(0)  # ("'Authorization: GenieKey 4f2a9c1e'": a scheme and one credential, read as such)
    if REDACTED in value or placeholder_value(words[0]) or not _looks_like_credential("".join(words)):
        return m.group(0)
    return m.group(1) + m.group(2) + scheme + space + REDACTED


_CELL_HINTS = ("token", "secret", "pass", "pw", "key", "auth", "cookie", "sess", "sid", "jwt", "cred", "sig",
               "priv", "bearer", "otp", "pat")
# a cell that may name a secret in a table's row written inside a text ('| api_key | X |')
_CELL_NAME = _lazy(r"[ \t]*[*_`]{0,2}[A-Za-z][A-Za-z0-9_.\- ]{0,40}?[*_`]{0,2}[ \t]*")


def cell_pairs(text: str) -> str:
    """``text`` with each table cell that follows a cell naming a secret masked as a two-column table's
    value (:func:`redact_field`): a row pasted in a line or a message keeps its cells ('| api_key | *** |');
    only cells between two '|' of a line, each read once."""
    out: list[str] = []
    for line in text.split("\n"):
        if line.count("|") < 3:
            out.append(line)
            continue
        low = line.lower()  # (a cheap test first: no secret's word, no name of one, :data:`_SECRET_PARTS`)
        if not any(w in low for w in _CELL_HINTS):
            out.append(line)
            continue
        cells = line.split("|")
        for i in range(1, len(cells) - 2):  # (a name's cell and its value's, both closed by a '|')
            name = cells[i]
            if len(name) <= 48 and _CELL_NAME.fullmatch(name) is not None:
                value = cells[i + 1]
                masked = redact_field(name.strip(" \t*_`"), value.strip(" \t"))
                if masked != value.strip(" \t"):
                    lead = value[:len(value) - len(value.lstrip(" \t"))]
                    trail = value[len(value.rstrip(" \t")):]
                    cells[i + 1] = lead + masked + trail
        out.append("|".join(cells))
    return "\n".join(out)


#: the characters of a URL scheme (``[a-zA-Z0-9+.-]``): a URL is found from its ``://`` back over them
SCHEME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-")


def _urls_redacted(text: str) -> str:
    """``text`` with every URL redacted (:func:`redact_url`), each found from its '://' back to its scheme:
    a regex alone tries every letter after a '.' or '-' as a scheme's start and reads to the run's end
    from each, which is quadratic on a hostile word ('a.a.a.a...', 20 KB)."""
    out: list[str] = []
    done = 0
    i = text.find("://")
    while i >= 0:
        j = i
        while j > done and text[j - 1] in SCHEME_CHARS:
            j -= 1
        # (its scheme opens at the run's first letter, a word's boundary or not: a URL glued to a word,
        # 'log_https://u:pw@host', '1https://...', is one all the same)
        while j < i and not (text[j] in SCHEME_CHARS and text[j].isalpha()):
            j += 1
        m = _URL_AT.match(text, j) if j < i else None
        if m is None:
            i = text.find("://", i + 1)
            continue
        url = m.group(0)
        masked = redact_url(url)
        k = i - j  # (urlsplit writes a scheme in small letters: 'HTTPS://host/api', nothing masked, stays)
        out.append(text[done:j] + (url if masked[k:] == url[k:] else masked))
        done = m.end()
        i = text.find("://", done)
    return "".join(out) + text[done:] if out else text


# a URL in quotes whose password holds a space, which ends a URL in free text ('DATABASE_URL="postgres://u:p
# w@db/app"', 'psql "postgresql://u:p w@h/db"'): its userinfo runs to the last '@' before the host and the
# closing quote
_QUOTED_URL_USERINFO = _lazy(
    r"""(["'])([a-zA-Z][a-zA-Z0-9+.-]*://)[^\s"'@/:]*:[^"'\n]*@(?=[\w\[][^\s@"']*\1)"""
)


# a secret in quotes or backticks with a space in it, right after a password's or a token's name (prose's
# rule, _BEARER, reads one word): 'passphrase "Pass Phrase 9!"', 'Password: `Hunter 2 with spaces`'
_QUOTED_AFTER_NAME = _lazy(
    r"(?i)\b(token|secret|password|passwd|passphrase|passcode|pw|pwd)(?![\"'`])"  # (not its own quote)
    r"((?:\s+(?:is|was))?[*_]{0,2}(?:::?|\s*(?:->|\u2192|=))?[*_]{0,2}\s*)([\"'`])([^\"'`\n]{1,100})\3"
)
_QUOTED_SECRET_HINT = _lazy(r"(?i)token|secret|passw|passp|passc|pwd?\b")


def _quoted_secret_hint(text: str) -> bool:
    """Whether :data:`_QUOTED_SECRET_HINT` is found in ``text``, its words asked of the lower-cased text first
    (the case-blind pattern has no literal to skip to: sre tries it at every position). Exact: of what
    IGNORECASE reads as these letters, only the long s ('\u017f') does not lower to its ASCII letter (the
    Kelvin sign lowers to 'k'), and no other character lowers to one; 'pw' then needs the pattern's '\b'."""
    low = text.lower()
    if "token" in low or "secret" in low or "passw" in low or "passp" in low or "passc" in low:
        return True
    return ("pw" in low or "\u017f" in text) and _QUOTED_SECRET_HINT.search(text) is not None


def _quoted_after_name(m: re.Match[str]) -> str:
    """A :data:`_QUOTED_AFTER_NAME` match, its quoted value masked when it holds a space (one word is
    the other rules') and a digit or a symbol, as a credential does ('token "expired soon"' stays)."""
    value = m.group(4)
    if " " not in value.strip() or not re.search(r"[0-9#&!$%@^*?+/=_~.-]", value):
        return m.group(0)
    return f"{m.group(1)}{m.group(2)}{m.group(3)}{REDACTED}{m.group(3)}"


def prose_hint(low: str) -> bool:
    """Whether lower-cased ``low`` may hold a secret only :func:`redact_text`'s prose rules find (a
    caller's gate, as :func:`known_hint`): a key named in words ('the API key for partner X is Y'),
    'pw', an HTML table's name and value cells ('<td>password</td><td>X</td>')."""
    return ("pw" in low or "</td" in low or "</dd" in low
            # (or joined by '-' or '_': 'api-key 9f8e...', 'x-api-key 9f8e...', as _BEARER reads it; and
            # _SPACED_NAME's 'client key: X', 'app  key = X', whatever white space between)
            or "key" in low and _key_named(low)
            # (an XML element named for a secret: '<password>X</password>')
            or "</" in low and ("key" in low or "token" in low or "pass" in low or "secret" in low
                                or "pwd" in low))


def _key_named(low: str) -> bool:
    """Whether a 'key' in lower-cased ``low`` follows one of :data:`_SPACED_KEY_NAMES` after '-', '_' or white
    space, or is glued to 'api' (:data:`_BEARER`'s 'api-key', 'api_key is X', 'apikey X';
    :data:`_SPACED_NAME`'s 'client key'): each 'key' is looked at once, its white space walked back only to
    the 'key' before it (linear on 'key key key ...')."""
    i = low.find("key")
    last = 0
    while i >= 0:
        j = i
        if j > last and low[j - 1] in "-_":
            j -= 1
        else:
            while j > last and low[j - 1].isspace():
                j -= 1
        if j < i and any(low.endswith(w, 0, j) for w in _SPACED_KEY_NAMES) or low.endswith("api", last, i):
            return True
        last = i + 3
        i = low.find("key", last)
    return False


# an HTML table's (or definition list's) cell naming a secret, then the cell of its value, as a row pasted
# from a wiki keeps them: '<td>password</td><td>X</td>', '<dt>API token</dt><dd>X</dd>'
_HTML_PAIR = _lazy(
    r"(?i)(<(t[dh]|dt)\b[^<>]{0,100}>\s*([A-Za-z][A-Za-z0-9_.\- ]{0,40}?)\s*</\2\s*>\s*"
    r"<(td|dd)\b[^<>]{0,100}>)([^<>\n]{1,200}?)(?=\s*</\4\s*>)"
)


def _html_pair(m: re.Match[str]) -> str:
    return m.group(1) + redact_field(m.group(3), m.group(5))


# an XML element named for a secret, its text the value: '<password>X</password>', '<ns:apiKey>X</ns:apiKey>'
_XML_FIELD = _lazy(r"<([A-Za-z][\w.:-]{0,40})((?:\s[^<>]{0,200})?>)([^<>\n]{1,200})(</\1\s*>)")


def _xml_field(m: re.Match[str]) -> str:
    name = m.group(1).rsplit(":", 1)[-1]
    return f"<{m.group(1)}{m.group(2)}{redact_field(name, m.group(3))}{m.group(4)}"


# --- credentials known by their form, whatever names them: cloud and SaaS tokens with a fixed
# prefix (as secret scanners list them), JWTs, private key blocks, 'curl -u user:password'
_KNOWN_FORMS = (
    r"(?:(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}"  # AWS key ids
    r"|gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,}"  # GitHub
    r"|gl(?:pat|ptt|dt|rt|soat|cbt)-[A-Za-z0-9_-]{20,}"  # GitLab (personal, trigger, deploy, runner...)
    r"|xox[abposre]-[A-Za-z0-9-]{10,}|xapp-[A-Za-z0-9-]{10,}"  # Slack (xoxe-: a refresh token)
    # Stripe (a short key only with a digit: 'sk_test_fixtures.py' is a file)
    r"|[sr]k_(?:live|test)_(?:[A-Za-z0-9]{10,}|(?=[A-Za-z]*\d)[A-Za-z0-9]{8,9})|whsec_[A-Za-z0-9]{10,}"
    # Google (GOCSPX-: an OAuth client's secret)
    r"|AIza[0-9A-Za-z_-]{35}|ya29\.[0-9A-Za-z_-]{20,}|GOCSPX-[0-9A-Za-z_-]{20,}"
    r"|SG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}|npm_[A-Za-z0-9]{36}|pypi-[A-Za-z0-9_-]{50,}"
    r"|hv[sb]\.[A-Za-z0-9_-]{20,}"  # Vault
    # OpenAI (project, service account, admin; the legacy 'sk-' and 48), Anthropic
    r"|sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{20,}|sk-ant-(?:api|admin)\d\d-[A-Za-z0-9_-]{20,}"
    r"|sk-[A-Za-z0-9]{32,}"
    r"|hf_[A-Za-z0-9]{30,}|SK[0-9a-f]{32}"  # Hugging Face, a Twilio API key
    r"|shp(?:at|ss|ca|pa)_[A-Fa-f0-9]{32}|do[opr]_v1_[a-f0-9]{64}"  # Shopify, DigitalOcean
    r"|glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}|NRAK-[A-Z0-9]{27}|PMAK-[a-f0-9]{24}-[a-f0-9]{34}"  # Grafana, ...
    r"|ATATT3[A-Za-z0-9_=-]{20,}|dapi[a-f0-9]{32}"  # Atlassian, Databricks
    r"|" + _TELEGRAM_TOKEN +  # a Telegram bot's
    r"|eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,})"  # a JWT
)
# a token ends at the first character its form does not hold: a file name's next part after '_', '-' or
# '.' stays ('check_api_key=sk_live_..._2025-10-10T09-00-00Z.log', 'curl_ghp_..._prod.log'), in free
# text as in a file name (which prose names: 'see evidence/curl_sk_live_..._2025-...log'), and a token
# never runs into a stamp (:data:`_BEFORE_STAMP`)
_KNOWN_TOKEN = _lazy(_KNOWN_START + _KNOWN_FORMS + r"(?![A-Za-z0-9])")
# an AWS secret access key (40 characters of base64, no form of its own) right after its key id, as a
# pair is pasted: 'AKIA... / wJalr...', 'AKIA...:wJalr...', 'AKIA...,wJalr...' (the console's CSV), or
# the id and the secret on two lines; the separator stays
_AWS_PAIR = _lazy(
    r"(?<![A-Za-z0-9])((?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])[\"'`]?[ \t]*[/:,;|]?[ \t]*(?:\r?\n[ \t]*)?"
    r"[\"'`]?)[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])"
)
_BEFORE_STAMP = _lazy("(?=" + _STAMP + ")")
_PRIVATE_KEY = _lazy(
    r"(-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----)(.*?)"
    r"(-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----|$)",
    re.DOTALL,
)
# mysql's '-pPASSWORD' (the password joined to the option; '-p' alone prompts for it)
# a command's password after its option: a word, or a quoted one that may hold spaces ("-p'My Pw 55'")
_OPTION_VALUE = r"""(?:'[^'\n]*'|"[^"\n]*"|\S+)"""
_MYSQL_PASSWORD = _lazy(
    r"(\bmysql(?:dump|admin|check|import|sh)?\b[^\n|;&]*?\s-p)(?=[^\s-])" + _OPTION_VALUE
)
# 'docker login -u deploy -p PASSWORD', 'helm registry login --password X', 'oras login -p X'
_LOGIN_PASSWORD = _lazy(
    r"(\b(?:docker|podman|nerdctl|buildah|skopeo|helm(?:\s+registry)?|oras|crane|oc|cf|az(?:\s+acr)?)\s+login\b"
    r"[^\n|;&]*?\s(?:-p|--password)(?:\s+|=))(?!-)" + _OPTION_VALUE
)
_CURL_USER = _lazy(
    r"(?<![^\s`(\[])(-u|--user|--proxy-user|-U)(\s+|=|(?<=u))"
    r"(?:([\"'])([^\s:'\"]+):(?!//)[^'\"\n]+\3|([^\s:'\"]+):(?!//)\S+)"  # (not a URL: 'redis-cli -u redis://h')
)


# HTTPie's and xh's '-a user:password' ('http -a ops:pw URL', '--auth=ops:pw'), as curl's '-u' (the
# command's word within 200 characters before it: a line of many words stays linear)
_HTTPIE_AUTH = _lazy(
    r"""((?<![\w/.-])(?:https?|xhs?)[ \t](?:[^\n|;&]{0,200}?[ \t])?(?:-a|--auth)(?:[ \t]+|=))(["']?)"""
    r"""([^\s:'"]+):(?!//)([^\s'"]+)\2"""
)


def redact_known(text: str) -> str:
    """``text`` with the credentials known by their form masked (see above); cheap when none."""
    if aws_secret_hint(text):  # (an AWS secret alone, its id or a secret's word in the same text)
        text = _aws_secret_masked(text, "")
    if known_hint(text):
        if "AKIA" in text or "ASIA" in text:  # (before the id goes: it is how the secret is found)
            text = _AWS_PAIR.sub(lambda m: m.group(1) + REDACTED, text)
        text = _known_tokens(text)
    if "-u" in text or "--user" in text or "-U" in text or "mysql" in text or "login" in text:
        text = _CURL_USER.sub(_curl_user, text)
    if ("-a" in text or "--auth" in text) and ("http" in text or "xh" in text):
        text = _HTTPIE_AUTH.sub(lambda m: f"{m.group(1)}{m.group(2)}{m.group(3)}:{REDACTED}{m.group(2)}",
                                text)
    if "PRIVATE KEY" in text:
        text = _PRIVATE_KEY.sub(lambda m: f"{m.group(1)}{REDACTED}{m.group(3)}", text)
    if "mysql" in text and "-p" in text:
        text = _MYSQL_PASSWORD.sub(_option_masked, text)
    if "login" in text and "-p" in text:
        text = _LOGIN_PASSWORD.sub(_option_masked, text)
    if tool_hint(text):
        text = _TOOL_PASSWORD.sub(
            lambda m: _credential_option(m) if m.group(1).startswith("net") else _option_masked(m), text)
    if "-u" in text and "-p" in text:
        text = _USER_THEN_P.sub(_credential_option, text)
    low = gate_text(text).lower()  # (case-blind patterns' names in any case: 'IdEnTiFiEd bY', 'Vault Login')
    if command_hint(text, low):  # ('ldapsearch -w X', 'smbclient -U alice%X', 'net use \\\\fs\\share X')
        text = command_secrets(text, low)
    if "dentified" in low or "set password" in low:
        text = _SQL_PASSWORD.sub(_sql_password, text)
    if "onfig" in low and "set" in low:
        text = _CONFIG_SET.sub(_config_set, text)
    if "password" in low and "machine" in low:
        text = _NETRC.sub(_option_masked, text)
    if "AUTH " in text or "requirepass" in low or "masterauth" in low:
        text = _REDIS_AUTH.sub(_redis_auth, text)
    if login_hint(low):
        text = _USER_PASS.sub(_user_pass, text)
        text = _SASL_AUTH.sub(lambda m: m.group(1) + REDACTED if len(m.group(2)) >= 8 else m.group(0), text)
    if "--" in text:
        text = _SECRET_OPTION.sub(_secret_option, text)
    if code_hint(text, low):
        text = _CODE_SECRET.sub(_code_secret, text)
        if "@" in text:
            text = _SHELL_USERINFO.sub(lambda m: m.group(1) + REDACTED + "@", text)
        if "/" in text:
            text = _ACCOUNT_SLASH.sub(
                lambda m: m.group(1) + REDACTED if _strong_password(m.group("word")) else m.group(0), text)
    if "htpasswd" in text:
        text = _HTPASSWD.sub(_htpasswd, text)
    if "-stdin" in text or "with-token" in text or stdin_reader_hint(text):  # ('echo X | docker login ...')
        text = _STDIN_ECHO.sub(_stdin_fed, text)
        text = _STDIN_HERE.sub(_stdin_fed, text)
    if "login" in low and ("vault" in low or "bao" in low):
        text = _VAULT_LOGIN.sub(
            lambda m: m.group(1) + REDACTED if _looks_like_credential(m.group(2)) else m.group(0), text)
    if twilio_hint(text):
        text = _TWILIO_PAIR.sub(lambda m: m.group(1) + REDACTED, text)
    if env_secret_hint(text):  # ('AWS_SECRET_ACCESS_KEY wJalr...': a variable's name, a space, its value)
        text = _ENV_SPACED.sub(_env_spaced, text)
    if "___" in text or ":__" in text or "/" in text and _url_named(text):  # (a URL named in a file's name)
        text = _url_in_name(text)
    if ("ook" in text or "OOK" in text or "googleapis" in text) and webhook_hint(text.lower()):
        text = _WEBHOOK_IN_NAME.sub(lambda m: m.group(1) + REDACTED, text)
    if ":" in text or "=" in text:
        low = text.lower()
        if ("key" in low or "token" in low or "secret" in low) and _spaced_name_hint(text, low):
            text = _SPACED_NAME.sub(_spaced_pair, text)
        if "@" in text and proxy_hint(low):
            if "proxy" in low or "-x" in low:  # (a password with a space in it: 'alice:s3cret PW@proxy')
                text = _QUOTED_PROXY.sub(lambda m: m.group(1) + REDACTED + "@", text)
                text = _LINE_PROXY.sub(lambda m: m.group(1) + REDACTED + "@", text)
            text = _PROXY_FIELD.sub(lambda m: _BARE_USERINFO.sub(REDACTED + "@", m.group(0)), text)
    return text


# an AWS secret access key alone (40 characters of base64, no form of its own) where its key id or a
# secret's word is written in the same text or the line before: a whole word, with a '/' or '+', both
# cases and a digit; not a path ('/' first, or an extension after), a git SHA (hex, no '/'), nor in a URL
_AWS_SECRET_ALONE = _lazy(r"(?<![^\s\"'`(\[=:,|])(?!/)[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=]|\.[A-Za-z])")
_AWS_ID = _lazy(r"(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])")
_AWS_CONTEXT = _lazy(_AWS_ID.pattern + r"|(?i:secret)")


def _aws_secret_alone(m: re.Match[str]) -> str:
    """An :data:`_AWS_SECRET_ALONE` match masked when it looks like base64 (both cases, a digit, a '/' or a
    '+'), not a URL's part ('https://host/<40 characters>': its word holds '://')."""
    run = m.group(0)
    if not ("/" in run or "+" in run) or run.isupper() or run.islower() or not any(c.isdigit() for c in run):
        return m.group(0)
    start = m.string.rfind(" ", 0, m.start()) + 1
    if "://" in m.string[start:m.start()]:
        return m.group(0)
    return REDACTED


def aws_secret_hint(text: str) -> bool:
    """Whether ``text`` names what makes a lone 40-character base64 word an AWS secret (a caller's gate)."""
    return "AKIA" in text or "ASIA" in text or "ecret" in text or "ECRET" in text


def _aws_secret_masked(text: str, context: str) -> str:
    """``text`` with :data:`_AWS_SECRET_ALONE` masked when ``text`` or ``context`` (the line before)
    names an AWS key id or a secret."""
    if ("/" in text or "+" in text) and (aws_secret_hint(text) or aws_secret_hint(context)) and (
        _AWS_CONTEXT.search(text) or _AWS_CONTEXT.search(context)
    ):
        return _AWS_SECRET_ALONE.sub(_aws_secret_alone, text)
    return text


# a private key's body between its markers wherever a document splits it (list items, table rows,
# paragraphs): a word of base64 16+ long or padded with '=', or a line that is base64 alone (after a list
# or quote marker); the markers stay. Only up to an END marker within _KEY_LINES lines.
_KEY_BEGIN = _lazy(r"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----")
_KEY_END = _lazy(r"-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----")
_KEY_WORD = _lazy(r"(?<!\S)(?:[A-Za-z0-9+/]{16,}={0,2}|[A-Za-z0-9+/]+={1,2})(?![^\s|`])")
_KEY_LINE = _lazy(r"^([ \t]*(?:(?:[-*+]|\d{1,3}[.)]|>)[ \t]*)*)[A-Za-z0-9+/]+={0,2}[ \t]*$")
_KEY_LINES = 120


def _key_body_masked(part: str) -> str:
    """A piece of a private key's body (a line, or a line's part after BEGIN or before END) masked."""
    m = _KEY_LINE.match(part)
    if m is not None:
        return m.group(1) + REDACTED
    return _KEY_WORD.sub(REDACTED, part)


def redact_lines(lines: list[str], text: str) -> list[str]:
    """A document's ``lines`` (``text``, joined) with the secrets that only their neighbours tell masked:
    a private key's body split over items, rows or paragraphs, and an AWS secret on the line after its key
    id. The line count stays; each piece is then redacted alone as before."""
    keyed = "PRIVATE KEY" in text
    aws = aws_secret_hint(text)  # (asked once: the AWS pass below needs the same answer)
    if not keyed and not (aws and ("/" in text or "+" in text)):
        return lines
    out = list(lines)
    if keyed:
        i, n = 0, len(out)
        while i < n:
            b = _KEY_BEGIN.search(out[i]) if "PRIVATE KEY" in out[i] else None
            if b is None or _KEY_END.search(out[i], b.end()):
                i += 1
                continue
            end = next((j for j in range(i + 1, min(n, i + _KEY_LINES)) if "PRIVATE KEY" in out[j]), None)
            e = _KEY_END.search(out[end]) if end is not None else None
            if e is None:
                i += 1
                continue
            out[i] = out[i][:b.end()] + _KEY_WORD.sub(REDACTED, out[i][b.end():])
            for j in range(i + 1, end):
                out[j] = _key_body_masked(out[j])
            out[end] = _KEY_WORD.sub(REDACTED, out[end][:e.start()]) + out[end][e.start():]
            i = end + 1
    if aws:
        prev, ids = "", 0  # (ids: the non-blank lines after an AWS key id's that may still hold its secret)
        for k, line in enumerate(out):
            if line.strip():
                # (a key id up to _AWS_ID_LINES lines before: '- key id AKIA...', '- region x', '- wJalr...')
                out[k] = _aws_secret_masked(line, prev if ids <= 0 else prev + "\n" + _AWS_ID_MARK)
                prev = line
                # (its literal first: the regex opens with a look-behind, tried at every position)
                aws_id = ("AKIA" in line or "ASIA" in line) and _AWS_ID.search(line) is not None
                ids = _AWS_ID_LINES if aws_id else ids - 1
    return out


# how many non-blank lines after an AWS key id's may hold its secret alone (a region, a name between them)
_AWS_ID_LINES = 3
_AWS_ID_MARK = "AKIA0000000000000000"  # (the context a key id a few lines up gives: _aws_secret_masked)


# a password after its user with no name for either, where the form says it: a remote shell's target
# 'ssh admin:pw@10.0.0.5' (scp, sftp, rsync, telnet, ftp too; a path after ':' is none), a well-known
# account's 'admin/AdminPw55' (a credential after the '/': not 'read/write', '42/42', a path)
# (and the other clients that take a target so: 'mosh', 'autossh', 'ssh-copy-id', 'rlogin', MySQL Shell's
# 'mysqlsh u:pw@db:3306', a database client's 'psql u:pw@db')
_REMOTE_COMMANDS = ("ssh", "scp", "sftp", "rsync", "telnet", "lftp", "ftp", "mosh", "sshfs", "autossh",
                    "ssh-copy-id", "rlogin", "mysqlsh", "mysql", "mariadb", "psql", "mongo", "mongosh")
_SHELL_USERINFO = _lazy(
    # (8 words at most between the command and its target: a scan from each 'ssh' to the line's end costs
    # a hostile 'ssh ssh ssh ...' quadratic time)
    r"(\b(?:" + "|".join(sorted(_REMOTE_COMMANDS, key=len, reverse=True)) + r")(?![\w-])"
    r"(?:[ \t]+[^\s@|;&]+){0,8}?[ \t]+[\"'`]?)"
    r"[\w.-]+:(?!/)[^\s@]+@(?=[\w\[])"
)
_ACCOUNT_SLASH = _lazy(
    r"(?i)(?<![\w./~:@-])((?:admin|administrator|root|superuser|sysadmin|ubnt|operator)/)"
    r"(?P<word>[^\s/`'\"]{5,}[^\s/`'\".,;:)])(?=[.,;:)]*(?:\s|$))"
)
# what a lock's code or pin opens, a secret's name: 'door code 4829', 'Gate PIN: 4829' (not 'status code',
# 'error code', 'zip code')
_LOCK_CODE = (r"(?i:door|gate|alarm|lock|lockbox|safe|keypad|garage|entry|access)[ \t]+(?i:code|pin)")
# the words before 'code' that name a one-time code (_CODE_SECRET: 6 to 8 digits after them)
_OTP_CODES = ("verification", "security", "auth", "authentication", "login", "sign-?in", "sms")
# an account's recovery or backup codes (_CODE_SECRET): their names, and a code's form: 4 to 12 letters and
# digits, a digit among them, in up to 8 groups joined by '-' (GitHub's 'ab12c-3de4f', Google's '1234 5678'
# as two, BitLocker's recovery key's eight groups of six digits); not a time, a version or a path
_RECOVERY_WORDS = ("recovery", "backup", "scratch", "emergency", "rescue")
_RECOVERY_CODE = r"(?=[A-Za-z-]*\d)[A-Za-z0-9]{4,12}(?:-[A-Za-z0-9]{3,12}){0,7}(?![\w/:@-]|\.\w)"
_RECOVERY_PART = _lazy(r"[A-Za-z0-9-]+")
# the systems whose 'pass' is a password ('db pass hunter22'; 'tests pass', 'builds pass' are no owners)
_PASS_OWNERS = (
    "db", "database", "sql", "mysql", "postgres", "pg", "redis", "mongo", "wifi", "wi-fi", "wlan", "vpn",
    "admin", "root", "sudo", "ssh", "sftp", "ftp", "smtp", "mail", "email", "ldap", "bios", "ilo", "idrac",
    "ipmi", "console", "portal", "router", "guest", "svc", "service account", "kafka", "rabbit", "rabbitmq",
)
# a code's value after its name: a Wi-Fi 'PSK: X' (a credential-like word), 'PIN: 1234' (4 to 8 digits
# after ':', '=' or 'is'), 'OTP 123456' (6 to 8 digits), a bare 'pass X' (a letter, a digit and a symbol
# or both cases in X: 'pass the ball', 'tests pass 42/42' stay); a name in any case, as the lower-case one
# ('Pin = 4829', 'Otp 123456', 'pAsS X'), but for 'PIN 4829' with no separator, in capitals only ('pin
# 4829' may be a verb's: 'pin 2024 as the baseline')
_CODE_SECRET = _lazy(
    # (a separator, or white space alone: 'psk Hunter2pg!x' as 'psk: Hunter2pg!x')
    r"(?<![\w-])(?:(?i:psk|pre-?shared[ -]key|wpa_passphrase)(?:[ \t]*(?:[:=]|[ \t](?i:is))[ \t]*|[ \t]+)"
    r"(?P<psk>[^\s`'\"]+)"
    # ('PIN 4829' in capitals, 'pin code 4829' with no separator too: 'PIN the version' has no digits; a
    # door's, a gate's, an alarm's code or pin too, 'door code 4829': not 'status code', 'error code 4829')
    # (a passcode's as a pin's: 'the passcode is 4829', 'passcode 4829')
    r"|(?:(?:(?i:pin|passcode)(?:[ \t]+(?i:code))?|" + _LOCK_CODE + r")[ \t]*(?::|=|[ \t](?i:is|was))[ \t]*"
    r"|(?:PIN|(?i:pin[ \t]+code|passcode)|" + _LOCK_CODE + r")[ \t]+)"
    r"(?P<pin>\d{4,8})(?![\w/:-]|\.\d)"
    # (a one-time code's names: 'verification code 482913', 'the login code was 482913'; not 'status code')
    r"|(?i:otp|totp|one-time[ \t]+(?:code|password)|(?:2fa|mfa|" + "|".join(_OTP_CODES) + r")[ \t]+code)"
    r"[ \t]*(?::|=|[ \t](?i:is|was))?[ \t]*(?P<otp>\d{6,8})(?![\w/:-]|\.\d)"
    # (an account's recovery or backup codes, one or a list: 'recovery code ab12-cd34-ef56', 'mfa backup
    # codes: 1234 5678', 'backup codes are 1234 5678 and 9012 3456'; each with a digit: 'recovery code
    # review', 'backup codes regenerated' stay)
    r"|(?i:" + "|".join(_RECOVERY_WORDS) + r")[ \t]+(?i:codes?|key)"
    r"(?:[ \t]*[:=]|[ \t]+(?i:is|are|was|were))?[ \t]+"
    r"(?P<rcode>" + _RECOVERY_CODE + r"(?:[ \t]*[,;]?[ \t]+(?:(?i:and)[ \t]+)?" + _RECOVERY_CODE + r")*)"
    # (a system's pass, 'db pass hunter22', 'wifi pass guest2025': letters and a digit are enough)
    r"|(?i:" + "|".join(_PASS_OWNERS) + r")[ \t]+(?i:pass)(?:[ \t]+(?i:is))?[ \t]+"
    r"(?P<spass>[^\s`'\"/]{5,}[^\s`'\"/.,;:)])(?=[.,;:)]*(?:\s|$))"
    r"|(?i:pass)[ \t]+(?P<pass>[^\s`'\"/]{5,}[^\s`'\"/.,;:)])(?=[.,;:)]*(?:\s|$))"
    # (a Wi-Fi's network and its password: 'wifi: Guest / Welcome2025!', the network up to 4 words)
    r"|(?i:wi-?fi|wlan|ssid)(?:[ \t]+(?i:network|creds|credentials|login|access))?"
    r"[ \t]*(?::|=|[ \t](?i:is)|\|)[ \t]*"
    r"[\"'`]?[^\s/\"'`]{1,32}(?:[ \t]+[^\s/\"'`]{1,32}){0,3}?[\"'`]?[ \t]*/[ \t]*"
    r"[\"'`]?(?P<wifi>[^\s`'\"/]{5,}[^\s`'\"/.,;:)])(?=[\"'`]?[.,;:)]*(?:\s|$)))"
)


def code_hint(text: str, low: str | None = None) -> bool:
    """Whether ``text`` may hold a secret of :data:`_CODE_SECRET`, :data:`_SHELL_USERINFO` or
    :data:`_ACCOUNT_SLASH` (a caller's gate, as :func:`known_hint`: substring tests), its names in any case
    as the patterns read them ('AdMiN/X', 'Pin = 4829'): of ``low``, :func:`gate_text` of ``text`` in small
    letters (computed here when the caller has none)."""
    if low is None:
        low = gate_text(text).lower()
    return ("psk" in low or "hared" in low or "wpa_" in low or "PIN" in text
            or ("pin" in low or "code" in low or "ry key" in low) and _PIN_HINT.search(low) is not None
            or "otp" in low or "-time" in low or "fa code" in low
            or "pass" in low and ("pass " in low or "pass\t" in low)
            or "/" in text and (("ifi" in low or "i-fi" in low) and _WIFI_WORD.search(text) is not None
                                or "wlan" in low or "ssid" in low or "min/" in low or "oot/" in low
                                or "ubnt/" in low or "user/" in low or "ator/" in low)
            or "@" in text and ("ssh" in text or "scp" in text or "ftp" in text or "rsync" in text
                                or "telnet" in text or "mosh" in text or "rlogin" in text or "sql" in text
                                or "mariadb" in text or "mongo" in text))


# (code_hint's: 'notification', 'verified' hold 'ifi' too; '(?i)wi-?fi' with each letter's cases written out,
# 'i' as IGNORECASE reads it, with the dotted and dotless ones: a class first lets sre skip to a 'w' in C,
# a case-blind literal first is tried at every position)
_WIFI_WORD = _lazy("[wW][iI\u0130\u0131]-?[fF][iI\u0130\u0131]")
# (code_hint's: a pin's or a lock's code with its separator or its code's word, in small letters)
_PIN_HINT = _lazy(r"pin[ \t]*(?:[:=]|is\b|was\b|code)|passcode|" + _LOCK_CODE
                  + r"|(?:" + "|".join(_OTP_CODES) + r")[ \t]+code"
                  + r"|(?:" + "|".join(_RECOVERY_WORDS) + r")[ \t]+(?:code|key)")


def _code_secret(m: re.Match[str]) -> str:
    """A :data:`_CODE_SECRET` match, its value masked (after 'pass' and 'PSK' only one that looks like a
    credential)."""
    name = next(g for g in ("psk", "pin", "otp", "rcode", "spass", "pass", "wifi") if m.group(g) is not None)
    word = m.group(name)
    if name == "rcode" and any(_NO_CREDENTIAL.fullmatch(c) or _UNIT_WORD.fullmatch(c)
                               for c in _RECOVERY_PART.findall(word)):
        return m.group(0)  # ('backup code 2025-10-10', 'recovery codes OPS-1234': a date's, a ticket's)
    if name == "wifi" and not _wifi_password(word):
        return m.group(0)  # ('wifi: office / 5GHz-band', 'wifi: floor2 / floor3')
    if name == "spass" and not _owned_password(word):
        return m.group(0)  # ('db pass 2 of 3', 'vpn pass v2.1.0', 'db pass migrations')
    if name == "pass" and not (
        ((signed := _PASSWORD_SIGN.search(word) is not None) or word.isalnum())
        and _strong_password(word, signed)  # (its sign, searched once)
    ):
        return m.group(0)  # ('pass Build-2024': a symbol only inside, as a password holds one)
    if name == "psk" and not _named_password(word.rstrip(".,;!?")):
        return m.group(0)
    return m.string[m.start():m.start(name)] + REDACTED + m.string[m.end(name):m.end()]


def _wifi_password(word: str) -> bool:
    """A word after a Wi-Fi network's name and '/' that is its password: 6+ characters, a letter and a
    digit, and both cases or a symbol; no band ('5GHz-band'), ticket, date or version."""
    w = word.rstrip(".,;:)")
    return (len(w) >= 6 and any(c.isalpha() for c in w) and any(c.isdigit() for c in w)
            and (not (w.islower() or w.isupper()) or any(c in "!#$%&*?@^+=~" for c in w))
            and _BAND.search(w) is None and _NO_CREDENTIAL.fullmatch(w) is None)


_BAND = _lazy(r"(?i)\d(?:\.\d+)?[ -]?[GM]Hz|[GM]bps|802\.11")


def _owned_password(word: str) -> bool:
    """A word after a system's 'pass' ('db pass hunter22') that is a password: 6+ characters, a letter
    and a digit (or a symbol inside); no ticket, date, time or version."""
    w = word.rstrip(".,;:)")
    return (len(w) >= 6 and any(c.isalpha() for c in w)
            and (any(c.isdigit() for c in w) or _PASSWORD_SIGN.search(w) is not None)
            and _NO_CREDENTIAL.fullmatch(w) is None)


def _strong_password(word: str, signed: bool | None = None) -> bool:
    """A word that says it is a password with no name for it: 6+ characters, a letter and a digit, and a
    symbol inside or both cases; no ticket, date or version. ``signed``: whether :data:`_PASSWORD_SIGN`
    is in ``word``, when the caller has asked already (else it is searched here)."""
    return (len(word) >= 6 and any(c.isdigit() for c in word) and any(c.isalpha() for c in word)
            and ((_PASSWORD_SIGN.search(word) is not None if signed is None else signed)
                 or not (word.islower() or word.isupper()))
            and _NO_CREDENTIAL.fullmatch(word) is None)


# a secret fed to a command's standard input, which reads it ('--password-stdin', '--with-token'): 'echo X |
# docker login -u u --password-stdin', "printf '%s' X | ...", '... --password-stdin <<< X'; a variable stays
# ('echo "$CR_PAT" | docker login ...': its value is elsewhere)
# (and the commands that read a password from it whatever their options: 'echo X | kinit alice', "echo
# 'alice:X' | chpasswd", 'echo X | vncpasswd -f', 'echo X | sudo -S apt update')
_STDIN_READERS = (
    r"\b(?:kinit|chpasswd|vncpasswd"
    r"|sudo(?:[ \t]+-[ugpChDrtUT][ \t]+[^\s|-]\S*|[ \t]+-[A-Za-z]+)*?[ \t]+-[A-Za-z]*S)"
)
_STDIN_VALUE = r"""('[^'\n]*'|"[^"\n]*"|[^\s'"|;&<>]+)"""
_STDIN_ECHO = _lazy(
    r"(\b(?:echo(?:[ \t]+-[neE]+)?|printf(?:[ \t]+(?:'%s(?:\\n)?'|\"%s(?:\\n)?\"))?)[ \t]+)" + _STDIN_VALUE
    + r"(?=[ \t]*\|[^\n|]{0,200}(?:-stdin|--with-token|" + _STDIN_READERS + r")\b)"
)
_STDIN_HERE = _lazy(
    r"((?:-stdin|--with-token|" + _STDIN_READERS + r")\b[^\n|<]{0,200}<<<[ \t]*)" + _STDIN_VALUE
)


def stdin_reader_hint(text: str) -> bool:
    """Whether ``text`` names a command of :data:`_STDIN_READERS` (a caller's gate)."""
    return "kinit" in text or "chpasswd" in text or "vncpasswd" in text or "sudo" in text and "S" in text


def _stdin_fed(m: re.Match[str]) -> str:
    """A :data:`_STDIN_ECHO` or :data:`_STDIN_HERE` match, its value masked unless it is a variable's or a
    command's output ('$GH_TOKEN', '"${PW}"', '$(cat pw.txt)'); quotes stay."""
    value = m.group(2)
    q = value[0] if value[:1] in "'\"" else ""
    inner = value[1:-1] if q else value
    if not inner or inner.startswith("$") or inner == REDACTED:
        return m.group(0)
    return f"{m.group(1)}{q}{REDACTED}{q}"


# 'vault login TOKEN' (OpenBao's 'bao login' too): its argument is a token whatever its form (a legacy 's.'
# token has none of its own); options stay, and so do 'key=value' arguments ('vault login -method=userpass
# username=bob': the pair rules read them) and a word that is no credential ('vault login failed')
_VAULT_LOGIN = _lazy(
    r"(?i)(\b(?:vault|bao)[ \t]+login(?:[ \t]+-[\w-]+(?:=\S*)?){0,8}[ \t]+[`'\"]?)(?!-)"
    r"([^\s=`'\"]{8,})(?=[`'\".,;:)]?(?:\s|$))"
)
# a Twilio account's SID (no secret) and its auth token (32 hex digits) pasted as a pair, as an AWS key
# id and its secret are (_AWS_PAIR): 'AC0123.../0123...', 'AC0123... : 0123...'; the SID stays
_TWILIO_PAIR = _lazy(
    r"(?<![A-Za-z0-9])(AC[0-9a-f]{32}(?![A-Za-z0-9])[\"'`]?[ \t]*[/:,;|][ \t]*[\"'`]?)"
    r"[0-9a-f]{32}(?![A-Za-z0-9])"
)


def twilio_hint(text: str) -> bool:
    """Whether ``text`` holds a Twilio SID and auth token pair (:data:`_TWILIO_PAIR`; a caller's gate)."""
    return "AC" in text and _TWILIO_PAIR.search(text) is not None


# htpasswd's batch mode, its password on the command line: 'htpasswd -b[c] FILE USER X', 'htpasswd -nb USER X'
_HTPASSWD = _lazy(
    r"(\bhtpasswd((?:[ \t]+-[A-Za-z]+(?:[ \t]+\d+)?)+)[ \t]+(\S+)[ \t]+)(\S+)(?:([ \t]+)(\S+))?"
)


def _htpasswd(m: re.Match[str]) -> str:
    """A :data:`_HTPASSWD` match, its password masked when the flags hold 'b' (batch: it is given)."""
    flags = m.group(2).replace("-", "")
    if "b" not in flags:
        return m.group(0)
    if "n" in flags:  # (no file: the user, then the password)
        return m.group(1) + REDACTED + (m.group(5) or "") + (m.group(6) or "")
    if m.group(6) is None:
        return m.group(0)
    return f"{m.group(1)}{m.group(4)}{m.group(5)}{REDACTED}"


def _option_masked(m: re.Match[str]) -> str:
    """A command's password option (group 1) with its value masked, a quoted value's quotes kept."""
    value = m.group(0)[len(m.group(1)):]
    q = value[0] if len(value) > 1 and value[0] in "'\"" and value[-1] == value[0] else ""
    return f"{m.group(1)}{q}{REDACTED}{q}"


def env_secret_hint(text: str) -> bool:
    """Whether ``text`` may hold an ALL_CAPS variable named for a secret (:data:`_ENV_SPACED`; a caller's
    gate, as :func:`known_hint`)."""
    return "_" in text and (  # (_ENV_SECRET_WORDS, tested one by one: no generator per item)
        "KEY" in text or "TOKEN" in text or "SECRET" in text or "PASS" in text or "PW" in text
        or "AUTH" in text or "SESSION" in text or "COOKIE" in text or "JWT" in text or "CREDENTIAL" in text
        or "SIG" in text or "PRIVATE" in text or "BEARER" in text or "OTP" in text or "PAT" in text
    )


_ENV_SECRET_WORDS = ("KEY", "TOKEN", "SECRET", "PASS", "PW", "AUTH", "SESSION", "COOKIE", "JWT", "CREDENTIAL",
                     "SIG", "PRIVATE", "BEARER", "OTP", "PAT")
# an ALL_CAPS variable named for a secret, a space and its value, as 'env' or a table pasted as text writes
# it: 'AWS_SECRET_ACCESS_KEY wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' (the value must look like a
# credential: _env_spaced; 8+ characters, 6+ after a password's name)
_ENV_SPACED = _lazy(
    # (a password's symbols too, 'DB_PASSWORD Hunter2pg!x', as after a name and ':')
    r"(?<![\w$/.{-])([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)([ \t]+)"
    r"([A-Za-z0-9/+=._~#&!%@^*?-]{5,199}[A-Za-z0-9/+=#&!%@^*?])"
    r"(?=[.,;:)]?(?:\s|$))"
)
_FILE_LIKE = _lazy(r"(?i)[/.~]\S*|\S*\.(?:json|ya?ml|env|txt|pem|key|ini|cfg|conf|toml|sh|py|log|md)")


def _env_spaced(m: re.Match[str]) -> str:
    """An :data:`_ENV_SPACED` match, its value masked when the name is a secret's (not an id's, 'AWS_ACCESS_
    KEY_ID') and the value a credential: letters and digits, or 20+ characters of both cases; not a
    ticket, date, version, variable or file ('GH_TOKEN SEC-110', 'API_KEY v1.2.3', 'DB_PASSWORD ./pw.txt')."""
    name, value = m.group(1), m.group(3)
    if name.endswith("_ID") or not is_secret_part_name(name):
        return m.group(0)
    if _NO_CREDENTIAL.fullmatch(value) or _ENV_NAME.fullmatch(value) or _FILE_LIKE.fullmatch(value):
        return m.group(0)
    has_digit = any(c.isdigit() for c in value)
    has_alpha = any(c.isalpha() for c in value)
    mixed = any(c.islower() for c in value) and any(c.isupper() for c in value)
    if not (has_digit and has_alpha or len(value) >= 20 and mixed  # (or a password's sign: 'DB_PW P@ssword')
            or _is_password_name(name) and value[0].isalnum() and _password_signed(value)):
        return m.group(0)
    if len(value) < 8 and not _is_password_name(name):  # (a password's name says a shorter one is one)
        return m.group(0)
    return f"{name}{m.group(2)}{REDACTED}"


def webhook_hint(low: str) -> bool:
    """Whether lower-cased ``low`` may hold a webhook URL's host (a caller's gate, as :func:`known_hint`)."""
    return ("hooks." in low or "discord" in low or "webhook." in low or "outlook." in low
            or "googleapis" in low or "webexapis" in low)


def proxy_hint(low: str) -> bool:
    """Whether lower-cased ``low`` may name a proxy whose userinfo is written without a scheme (a
    caller's gate, as :func:`known_hint`; the text must also hold an '@')."""
    return "via" in low or "proxy" in low or "forwarded" in low or "-x " in low


# a proxy written without a scheme, its userinfo in it: a 'Via:' header's value ('Via: 1.1 user:pw@proxy'),
# a proxy's variable or option ('HTTPS_PROXY=user:pw@proxy:3128', '--proxy user:pw@host', 'curl -x ...'),
# to the end of its line; only a 'user:password@host' word in it goes (a URL's is masked by redact_url)
_PROXY_FIELD = _lazy(
    r"(?i)(?:\b(?:via|forwarded|x-forwarded-[\w-]+|[\w-]*proxy[\w-]*)[\"']?[ \t]*[:=]"
    r"|(?<!\S)(?:-x|--proxy)[ \t])[^\n]*"
)
# (not a URI's scheme before an address: 'mailto:ops@corp.com', 'sip:alice@pbx'; nor a URL's, whose
# userinfo redact_url masked: 'socks5h://***@proxy' keeps its scheme)
_BARE_USERINFO = _lazy(
    r"""(?<![^\s,=:"'(])(?!(?i:mailto|sips?|xmpp|tel):)[^\s:@,/"'=()]+:(?!//)[^\s,"'()]*@(?=[\w\[][^\s@,"'()]*(?:[\s,"')]|$))"""
)


# a proxy's value in quotes, or to the end of its line (YAML's 'http_proxy: alice:s3cret PW@proxy'), whose
# password holds a space, which ends _BARE_USERINFO's word: 'HTTP_PROXY: "alice:s3cret PW@proxy"',
# "https_proxy='bob:p w@10.0.0.1:3128'", 'curl -x "alice:p w@proxy:3128"'; its userinfo runs to the last
# '@' before the host (and the closing quote, or the line's end); a scheme stays
_PROXY_NAME = r"(?:\b[\w-]*proxy[\w-]*[\"']?[ \t]*[:=][ \t]*|(?<!\S)(?:-x|--proxy)(?:[ \t]+|=))"
_QUOTED_PROXY = _lazy(
    r"(?i)(" + _PROXY_NAME + r"([\"'])(?:[a-z][a-z0-9+.-]*://)?)(?!(?:mailto|sips?|xmpp|tel):)[^\s\"'@/:]+:(?!//)[^\"'\n]*@"
    r"(?=[\w\[][^\s@\"']*\2)"
)
# (or, words after its host, 'http_proxy: alice:s3cret PW@proxy.corp:3128 (build agents)': a password of 3
# words at most before the host's word)
_LINE_PROXY = _lazy(
    r"(?im)(\b[\w-]*proxy[\w-]*[ \t]*[:=][ \t]*(?:[a-z][a-z0-9+.-]*://)?)(?!(?:mailto|sips?|xmpp|tel):)[^\s\"'@/:]+:(?!//)"
    r"(?:[^\"'\n]*@(?=[\w\[][^\s@\"']*[ \t]*$)|[^\s\"']*(?:[ \t]+[^\s\"']+){0,2}@(?=[\w\[][^\s@\"']*[ \t]))"
)


# a URL's userinfo in a file named after it, '://' and '/' written as '_' ('curl_https___alice_s3cret@host_
# 2025-...log'): after the scheme's '___' up to the '@' before the host ('_@scope' is a path's '/@scope'; 256
# characters at most, so that a name of many '___' stays linear)
_USERINFO_IN_NAME = _lazy(
    r"(?i)((?<![a-z0-9])[a-z][a-z0-9+.-]*(?:___|:__))[^\s/@]{0,255}[^\s/@_]@(?=[\w\[])"
)


# a one-time link's token in a file named after its URL, '/' written as '_' or kept ('curl_https___app.
# example.com_reset_AbCdEf123456XyZ_2025-10-10T02-50-44Z.log'): it runs to the stamp or the extension,
# which stay; only a segment that looks like a token goes (_path_token: 'confirm_deploy_step_12' is a slug)
_PATH_TOKEN_IN_NAME = _lazy(
    r"(?i)((?<![A-Za-z0-9])(?:reset|magic|invite|verify|confirm|unsubscribe)[/_]+)"
    r"((?:(?!" + _STAMP + r")[A-Za-z0-9_-]){12,})"
)


def _path_token_in_name(m: re.Match[str]) -> str:
    """A :data:`_PATH_TOKEN_IN_NAME` match, its token masked when it holds letters and digits and is no
    slug, ticket or date (as :func:`_path_token`)."""
    token = m.group(2).strip("_-")
    s, i = m.string, m.start()
    head = s[max(s.rfind("/", 0, i), s.rfind(" ", 0, i), s.rfind("\t", 0, i), s.rfind("\n", 0, i)) + 1:i]
    if "/" not in m.group(1) and not _url_trace(head.lower()):
        return m.group(0)  # (the URL's trace must be in the same file or folder name: not 'test_reset_x1/')
    if (not any(c.isdigit() for c in token) or not any(c.isalpha() for c in token)
            or _NO_CREDENTIAL.fullmatch(token) or _SLUG.fullmatch(token)):
        return m.group(0)
    return m.group(1) + REDACTED


def _url_named(name: str) -> bool:
    """Whether a file name is written after a URL ('https___host_...', 'https_host_...', a host, '//')
    and names a one-time link's word (a substring test gates :data:`_PATH_TOKEN_IN_NAME`)."""
    low = name.lower()
    return ("reset" in low or "magic" in low or "invite" in low or "verify" in low or "confirm" in low
            or "unsubscribe" in low) and ("//" in low or _url_trace(low))


def _url_trace(low: str) -> bool:
    """Whether lower-cased ``low`` shows a URL written in a file name: its scheme's '___' (or 'https_'),
    or a host ('app.example.com_')."""
    return "___" in low or ":__" in low or "http" in low or _HOST_IN_NAME.search(low) is not None


# a host's name in a file name ('curl_app.example.com_reset_...'; a target's name, its '___' made '_')
_HOST_IN_NAME = _lazy(r"[a-z0-9-]\.[a-z]{2,24}[/_]")


def redact_known_in_name(name: str) -> str:
    """A file name (or a path) with the credentials known by their form masked (see
    :func:`redact_known`), also where ``_``, ``-`` or ``.`` and the name's next part follow one, which
    ends no token in free text ('..._sk_live_4eC3..._2025-10-10T09-00-00Z.log'); the stamp stays."""
    if webhook_hint(name.lower()):
        name = _WEBHOOK_IN_NAME.sub(lambda m: m.group(1) + REDACTED, name)
    name = _url_in_name(name)
    if not known_hint(name):
        return name
    if "AKIA" in name or "ASIA" in name:  # (a secret alone after its id: found by the id, which goes next)
        name = _aws_secret_masked(name, "")
    return _known_tokens(name)


def _url_in_name(text: str) -> str:
    """``text`` with the userinfo and one-time link's token of a URL written in a file name masked
    (:data:`_USERINFO_IN_NAME`, :data:`_PATH_TOKEN_IN_NAME`): a name's, or one prose names ('see
    artifacts/curl_https___u_pw@host_2025-...log')."""
    if "@" in text and ("___" in text or ":__" in text):
        text = _USERINFO_IN_NAME.sub(lambda m: m.group(1) + REDACTED + "@", text)
    if _url_named(text):
        text = _PATH_TOKEN_IN_NAME.sub(_path_token_in_name, text)
    return text


def _known_tokens(text: str) -> str:
    """``text`` with :data:`_KNOWN_TOKEN` masked, each stamp's part apart: a token ends before a stamp,
    which stays (its evidence time is read from it)."""
    if _BEFORE_STAMP.search(text) is None:
        return _KNOWN_TOKEN.sub(REDACTED, text)
    return "".join(_KNOWN_TOKEN.sub(REDACTED, part) for part in _BEFORE_STAMP.split(text))


# a character of a file name's unquoted secret value: none that ends a value in any text, and no stamp
# nor the name's extension begins at it (they stay: the evidence's time is read from the stamp)
_PATH_VALUE_CHAR = (
    r"(?:(?!" + _STAMP + r"|\.(?i:log|txt|out|json|jsonl|ndjson|md|markdown|csv|html?|ya?ml)(?![^\s/])"
    r")[^&?#\s()\[\]\"';,`{}<>|])"
)


# a secret's value in a file name ends where the name's next part begins ('check_api_key=abc_2025-10-10T
# 09-00-00Z.json' keeps its stamp and extension); a credential known by its form is masked whole before
# (redact_known_in_name: 'key=sk_live_4eC3..._2025-...' must not lose only its 'sk')
_PATH_PAIR = _lazy(
    r"(?i)((?:^|(?<=[^A-Za-z0-9]))[A-Za-z0-9-]*(?:key|token|secret|passw(?:or)?d|pwd|pw|pass|auth|sig"
    r"|signature|session|cookie|code)[A-Za-z0-9-]*=)"
    # ('c (api_key=X)' keeps its ')'; a quoted value keeps its quotes: _path_pair)
    # (a password's '&' is its own, '&' and a word that is no pair's name: _path_pair)
    # (an unquoted value runs over '/', '.' and '_', which a secret holds: 'AccountKey=AbC+/dEf==',
    # 'VAULT_TOKEN=s.AbCd'; it ends before a stamp, the name's extension or a ';', as in any text)
    r"(?:([\"'])([^\"'\n]*)\2|("
    + _PATH_VALUE_CHAR + r"+(?:&(?![A-Za-z_][\w.-]*=)" + _PATH_VALUE_CHAR + r"+)*))"
)


def redact_path(text: str) -> str:
    """A file name or a target named by one, its secrets masked (credentials known by their form
    whole, then :data:`_PATH_PAIR`); then the rules of any text (URLs...)."""
    text = redact_known_in_name(text)
    if "\\" in text:  # (a shell's continuation before a secret's value, as in any text)
        text = _CONTINUED_VALUE.sub(_continued_value, text)
    if "${" in text:  # ('password=${DB_PASS:-Hunter2pg}' goes whole, as in any text)
        text = secret_defaults(text)
    if "=" in text:
        text = _PATH_PAIR.sub(_path_pair, text)
    m = _EXTENSION.search(text)
    # (a value the text rules read would run into '.md'; a stamp before it ends the value already)
    if m is not None and ("=" in text or "%3" in text) and _NAME_TAIL.search(text) is None:
        return redact_text(text[:m.start()]) + m.group(0)
    return redact_text(text)


# an evidence file's or a log's extension: no secret's value runs into it ('notes_db_pw=***.md')
_EXTENSION = _lazy(r"(?i)\.(?:log|txt|out|json|jsonl|ndjson|md|markdown|csv|html?|ya?ml)$")


# a _PATH_PAIR name whose only secret's word is 'pw' or 'pass' (which other words hold: 'npw', 'bypass')
_PATH_SHORT_PW = _lazy(
    r"(?i)(?:(?!key|token|secret|passw(?:or)?d|pwd|auth|sig|session|cookie|code)[A-Za-z0-9-])*"
)


def _path_pair(m: re.Match[str]) -> str:
    """A :data:`_PATH_PAIR` masked; a scheme word before a space stays ('Authorization=Bearer X': the
    credential after it is :func:`redact_text`'s, which would not find it after a mask)."""
    name = m.group(1)[:-1]
    if _PATH_SHORT_PW.fullmatch(name) is not None and not is_secret_part_name(name):
        return m.group(0)  # ('npw=3': 'pw' and 'pass' count only as a name's own part, 'db_pw=', 'PASS=')
    if m.group(2) is not None:  # (quoted: the value runs to its closing quote, a file name's tail stays)
        q, value = m.group(2), m.group(3)
        if names_setting(name, q + value + q, m.string, m.end()) or placeholder_value(value):
            return m.group(0)  # ('<add key="CacheSize" value="100"/>' names a setting; 'pw="${DB_PASS}"')
        tail = _NAME_TAIL.search(value, 1)
        return f"{m.group(1)}{q}{REDACTED}{value[tail.start():] if tail else ''}{q}" if value else m.group(0)
    value = m.group(4)
    if value.lower() in AUTH_SCHEMES and m.string[m.end():m.end() + 1].isspace():
        return m.group(0)
    if placeholder_value(value) or placeholder_at(m.string, m.start(4)):
        return m.group(0)  # ('Password=${DB_PASS}': a reference)
    if "&" in value and (not _is_password_name(m.group(1)[:-1]) or _in_query(m.string, m.start())):
        return m.group(1) + REDACTED + value[value.index("&"):]  # (another secret's '&' stays a separator)
    return m.group(1) + REDACTED


# 'sshpass -p PW ssh ...', 'redis-cli -h cache -a PW'
# ... 'zip -P PW' ('unzip -P PW'), '7z a -pPW', 'openssl enc -k PW' ('-pass pass:PW'), 'rabbitmqctl add_user
# ops PW', 'net user admin PW /add'
_TOOL_PASSWORD = _lazy(
    r"(\bsshpass\s+-p\s*|\bredis-cli\b[^\n|;&]*?\s-a\s+|\b(?:un)?zip\b[^\n|;&]*?\s-P\s+|\b7za?\b[^\n|;&]*?\s-p(?=\S)"
    r"|\bopenssl\b[^\n|;&]*?\s-(?:k\s+|pass(?:in|out)?\s+pass:)"
    r"|\brabbitmqctl\s+(?:add_user|change_password)\s+\S+\s+|\bnet\s+user\s+\S+\s+)(?![-/])" + _OPTION_VALUE
)


def tool_hint(text: str) -> bool:
    """Whether ``text`` may hold a command of :data:`_TOOL_PASSWORD` (a caller's gate, as
    :func:`known_hint`)."""
    return ("sshpass" in text or "redis-cli" in text or "zip" in text or "7z" in text or "openssl" in text
            or "rabbitmqctl" in text or "net user" in text)  # (a chain: a generator per item costs more)


# --- a password, a pass phrase or an SNMP community that a command's syntax says follows (round 22): an
# option's value ('ldapsearch -w X', 'keytool -storepass X', 'snmpwalk -c X', 'xfreerdp /p:X', 'sqlcmd -P X'),
# a user's joined to it ('smbclient -U alice%X', 'lftp -u deploy,X') or a positional argument ('net use
# \\fs\share X', 'ftp> user alice X', 'sqlplus scott/X@db', 'openssl passwd -6 X'). A row of a tool's options
# reads that tool's words only, to its line's, pipe's or ';' end (400 characters at most), and the next
# command is looked for after them: 'ping -c 3' keeps its count, 'curl -w 5' its timeout, 'ssh -p 8080'
# its port
_COMMAND_END = _lazy(r"[\n|;&]")
_COMMAND_SPAN = 400
_VALUE = "(" + _OPTION_VALUE + ")"  # (the value, group 2: _command_masked)
_VALUE_AFTER = r"(?:[ \t]+|(?=[^\s-]))"  # (an option's value after a space, or glued: '-wX', '-cX')
# (a tool's name as the gate finds it, its pattern, the pattern of the options its value follows, and what
# the value must be: 'any' whatever the syntax says, 'cred' one that looks like a credential, not a port or
# a word, 'community' any but a well-known default)
def _short_option(flag: str) -> _LazyPattern:
    """A tool's one-letter option (``flag``, a pattern: 'w', '[as]') and its value, after a space or glued to
    it ('-w X', '-wX'), for :data:`_TOOL_OPTIONS` (group 1 the option, group 2 the value)."""
    return _lazy(r"((?<!\S)-" + flag + _VALUE_AFTER + ")(?!-)" + _VALUE)


_TOOL_OPTIONS = (
    ("ldap", _lazy(r"\bldap[a-z]+\b"), _short_option(r"w"), "any"),
    # (ldappasswd's old and new passwords; ldapsearch's '-s' is a scope, '-a' a deref)
    ("ldappasswd", _lazy(r"\bldappasswd\b"), _short_option(r"[as]"), "any"),
    # (keytool's new password after '-storepasswd' or '-keypasswd'; its '-storepass' is any command's below)
    ("keytool", _lazy(r"\bkeytool\b"), _lazy(r"((?<!\S)-new[ \t]+)(?!-)" + _VALUE), "any"),
    # (an RDP client's password, its gateway's and a pass-the-hash's NTLM hash: '/p:' only after one)
    ("freerdp", _lazy(r"\b(?:xfreerdp|wlfreerdp|sdl-freerdp|freerdp)3?\b"),
     _lazy(r"((?<![^\s\"'])/(?:p|password|gp|gateway-password|pth):|(?<=,)p:|(?<!\S)-p[ \t]+)(?![-\s])"
           + _VALUE), "any"),
    ("rdesktop", _lazy(r"\brdesktop\b"), _short_option(r"p"), "any"),
    # (net-snmp's tools: '-c' a community, '-A' and '-X' SNMPv3's pass phrases, '-3m'/'-3k' their keys; not
    # Cisco's 'snmp-server', a config line below)
    ("snmp", _lazy(r"\bsnmp[a-z]*\b(?!-)"), _short_option(r"c"), "community"),
    ("snmp", _lazy(r"\bsnmp[a-z]*\b(?!-)"), _short_option(r"(?:A|X|3[mMkK])"), "any"),
    ("winrs", _lazy(r"(?i:\bwinrs\b)"), _lazy(r"((?<![^\s\"'])[-/](?i:p|password):)" + _VALUE), "any"),
    ("schtasks", _lazy(r"(?i:\bschtasks\b)"), _lazy(r"((?<!\S)/(?i:rp|p)[ \t]+)(?![-/*])" + _VALUE),
     "any"),
    # (SQL Server's and Sybase's clients, IPMI's: '-P' a password; scp's '-P' is a port, mysql's too)
    ("-P", _lazy(r"\b(?:sqlcmd|bcp|osql|isql)\b"), _short_option(r"P"), "word"),
    ("ipmitool", _lazy(r"\bipmitool\b"), _short_option(r"P"), "word"),
    # (MongoDB's and Cassandra's clients: '-p' a password, not a port: 'mongodump -p 27017' stays)
    ("mongo", _lazy(r"\bmongo(?:sh|dump|restore|export|import|stat|top|files)?\b"), _short_option(r"p"),
     "word"),
    ("cqlsh", _lazy(r"\bcqlsh\b"), _short_option(r"p"), "word"),
    # (lftp's 'user,password'; its '-e' script's 'open -u' too)
    ("lftp", _lazy(r"\blftp\b"),
     _lazy(r"((?<![^\s\"'`])(?:-u|--user)(?:[ \t]+|=)[\"']?[^\s,\"':]+,)([^\s\"'`]+)"), "any"),
    # (Samba's 'user%password' after wbinfo's '-a')
    ("%", _lazy(r"\b(?:wbinfo|ntlm_auth)\b"),
     _lazy(r"((?<!\S)(?:-a|--authenticate)(?:=|[ \t]+)[\"']?[^\s%\"'`]+%)([^\s\"'`]+)"), "any"),
)
# the same, any command's: a single-dash option named for a password ('keytool -storepass X', 'influx
# -password X', 'x11vnc -passwd X', 'openssl pkcs12 -password pass:X'; keytool's '-storepass:env NAME' names a
# variable), Samba's 'user%password' after '-U' or '--user' (smbclient, rpcclient, winexe, net, samba-tool...;
# '-U %USERNAME%' is a variable), and a Windows tool's '/password:X' ('cmdkey /pass:X', 'wmic /password:X')
_DASH_PASSWORD = _lazy(
    r"((?<![^\s\"'`])-(?:password|passwd|passphrase|(?:src|dest)?(?:store|key)pass)[ \t]+)(?!-)" + _VALUE
)
_SAMBA_USER = _lazy(r"((?<![^\s\"'`])(?:-U|--user(?:name)?)(?:=|[ \t]*)[\"']?[^\s%\"'`]+%)([^\s\"'`]+)")
_SLASH_PASSWORD = _lazy(r"((?<![^\s\"'`])/(?i:password|passwd|pass|pwd):)" + _VALUE)
# positional passwords: Windows' 'net use [X:] \\host\share PASSWORD [/user:...]' (also after its switches),
# smbclient's '//host/share PASSWORD', ftp's 'user NAME PASSWORD' (lftp's, ncftp's; 'ftp user guide' stays),
# unixODBC's 'isql DSN USER PASSWORD', 'openssl passwd [-6 | -salt S] PASSWORD', Oracle's 'user/password'
# ('sqlplus scott/tiger@db', 'rman target sys/X@prod'; 'sqlplus / as sysdba' has none), PowerShell's
# "ConvertTo-SecureString 'X' -AsPlainText", and a network device's config ('username admin password 0 X',
# 'enable secret 5 X', 'tacacs-server key X', 'snmp-server community X RO', snmpd.conf's 'rocommunity X')
_NET_USE = _lazy(
    r"((?i:\bnet[ \t]+use)[ \t]+(?:[A-Za-z]:[ \t]+|\*[ \t]+)?[\"']?\\\\[^\s\"']+[\"']?"
    r"(?:[ \t]+/\S+){0,4}[ \t]+)"
    r"(?![/*])" + _VALUE
)
_SMB_SERVICE = _lazy(
    r"(\bsmbclient\b[^\n|;&]{0,200}?[ \t][\"']?(?://|\\\\\\\\)[^\s\"']+[\"']?[ \t]+)(?!-)" + _VALUE
)
_FTP_USER = _lazy(
    r"(\b(?:l?ftp|ncftp)>?(?:[ \t]+[^\s|;&]+){0,4}?[ \t]+user[ \t]+[^\s\"'`]+[ \t]+)(?![-/])" + _VALUE
)
_ISQL_DSN = _lazy(
    r"(\bisql[ \t]+(?:-[A-Za-z0-9]\S*[ \t]+){0,6}(?!-)[^\s\"']+[ \t]+(?!-)[^\s\"']+[ \t]+)(?!-)" + _VALUE
)
_OPENSSL_PASSWD = _lazy(
    r"(\bopenssl[ \t]+passwd\b(?:[ \t]+-(?:salt[ \t]+\S+|\S+)){0,6}[ \t]+)(?!-)" + _VALUE
)
_ORACLE_LOGIN = _lazy(
    r"(\b(?:sqlplus|sqlldr|expdp|impdp|rman|dgmgrl)\b(?:[ \t]+-\w+){0,4}[ \t]+"
    r"(?:(?:userid|target|auxiliary|catalog)[ \t]*=?[ \t]*)?[\"']?[A-Za-z_][\w$#.]*/)(?![/\s])([^\s@\"'/]+)"
)
_SECURE_STRING = _lazy(
    r"((?i:\bConvertTo-SecureString)[ \t]+(?:(?i:-String)[ \t]+)?)('[^'\n]*'|\"[^\"\n]*\")"
    r"(?=[ \t]+(?i:-AsPlainText))"
)
_DEVICE_SECRET = _lazy(
    r"(\b(?:username[ \t]+\S+(?:[ \t]+privilege[ \t]+\d+)?[ \t]+(?:password|secret)"
    r"|enable[ \t]+(?:password|secret)(?:[ \t]+level[ \t]+\d+)?"
    r"|(?:tacacs|radius)-server(?:[ \t]+host[ \t]+\S+)?[ \t]+key|key-string)[ \t]+(?:[0-9][ \t]+)?)"
    r"(?!-)([^\s\"'`]+)"
)
_DEVICE_COMMUNITY = _lazy(
    r"(\b(?:snmp-server[ \t]+community|r[ow]community6?|com2sec6?[ \t]+\S+[ \t]+\S+)[ \t]+)(?!-)([^\s\"'`]+)"
)
# (what the gate looks for, in small letters: command_hint; a device's 'username admin password 0 X' and
# 'enable secret 5 X' need no word of their own, 'passw' and 'secret' open every gate; nor does 'net use',
# whose share's '\\\\' the gate asks for. One search of the text: a word at a time costs ~40 tests per item)
_COMMAND_WORDS = (
    "ldap", "keytool", "freerdp", "rdesktop", "snmp", "ipmitool", "mongo", "cqlsh", "lftp", "wbinfo",
    "ntlm_auth", "passw", "passp", "storepass", "keypass", "smbclient", "ftp", "isql", "openssl", "sqlplus",
    "sqlldr", "expdp", "impdp", "rman", "dgmgrl", "tacacs", "radius", "key-string", "community", "com2sec",
    "kinit", "chpasswd", "vncpasswd", "winrs", "schtasks", "/pass", "/pwd", "securestring", "secret",
)
_COMMAND_LOW_WORDS = ("winrs", "schtasks", "/pass", "/pwd", "securestring")  # (case-blind tools' rows)


def _word_trie(words: tuple[str, ...] | list[str]) -> str:
    """A pattern that finds any of ``words``, written as a trie ('k(?:ey(?:-string|pass|tool)|init)'): sre
    tries each branch of a flat alternation at every position, a trie's only by its next letter (~40%
    less time on a log's items)."""
    heads: dict[str, list[str]] = {}
    for w in words:
        heads.setdefault(w[0], []).append(w[1:])
    parts = []
    for c, rests in sorted(heads.items()):
        if "" in rests:  # (a word that is another's start ends the branch: the shorter one is found)
            parts.append(re.escape(c))
        elif len(rests) == 1:
            parts.append(re.escape(c + rests[0]))
        else:
            parts.append(re.escape(c) + "(?:" + _word_trie(rests) + ")")
    return "|".join(parts)


_COMMAND_HINT = _lazy(_word_trie(_COMMAND_WORDS))
# the SNMP communities every device ships with: no secret, a finding ('snmpwalk -c public' stays as written)
_DEFAULT_COMMUNITIES = frozenset(("public", "private"))


def command_hint(text: str, low: str) -> bool:
    """Whether ``text`` (``low``: :func:`gate_text` of it in small letters) may hold a command of
    :func:`command_secrets` (a caller's gate, as :func:`known_hint`: substring tests)."""
    if "%" in text and ("-U" in text or "--user" in text) or "-P" in text:  # ('-U alice%X', 'sqlcmd -P X')
        return True
    if "\\\\" in text and "net" in low:  # ('net use \\\\fs\\share X')
        return True
    return _COMMAND_HINT.search(low) is not None


# a variable's or a command's output where a value goes ('$PW', '${PW}', '$(cat pw)'; not a crypt
# hash's '$1$...')
_REFERENCE = _lazy(r"\$[A-Za-z_{(]")


def _command_value_kept(value: str, kind: str) -> bool:
    """Whether a command's password argument (``value``, quotes and all) is no secret: empty, a prompt's
    '-' or '*', a reference ('$PW', '${PW}', '%PW%', '<password>'), a mask already; for ``kind`` 'cred' (an
    option that names no credential in every tool) a bare word that looks like none or digits ('-P 1433'); for
    'community' a well-known default or digits ('-c public', '-c 3')."""
    q = value[:1] if len(value) > 1 and value[:1] in "'\"" and value[-1] == value[0] else ""
    inner = value[1:-1] if q else value
    if (not inner.strip() or inner in ("-", "*") or REDACTED in inner or _REFERENCE.match(inner)
            or placeholder_value(inner.rstrip(".,;:)"))):
        return True
    if kind == "community":
        return inner.lower() in _DEFAULT_COMMUNITIES or inner.isdigit()
    if kind == "cred":
        return inner.isdigit() or not q and not (
            _looks_like_credential(inner) or _PASSWORD_SIGN.search(inner) is not None)
    if kind == "word":
        if q:
            return False
        word = inner.rstrip(".,;:!?)")
        return (inner.isdigit() and len(inner) <= 5 or word.lower() in _PROSE_WORDS
                or word.isalpha() and word.islower() and word.endswith(("ed", "ing")))  # ('logged in')
    return False


# what prose puts where a command takes its password, for ``kind`` 'word' ('net use \\\\fs\\share failed',
# 'smbclient //fs/share works again', 'the ipmitool -P flag'), besides a verb's '-ed' or '-ing' form
# ('ftp user alice logged in'): any other bare word there is masked, a plain one too ('-P calvin',
# 'net use \\\\fs\\share summer'), as the command would take it
_PROSE_WORDS = frozenset((
    "a", "an", "the", "and", "or", "but", "nor", "so", "then", "than", "to", "from", "on", "in", "at", "of",
    "by", "via", "with", "without", "for", "as", "if", "when", "while", "until", "after", "before", "again",
    "now", "still", "also", "too", "not", "no", "yes", "is", "are", "was", "were", "be", "been", "being",
    "has", "have", "had", "do", "does", "did", "can", "could", "will", "would", "should", "may", "might",
    "must", "it", "its", "this", "that", "these", "those", "there", "here", "which", "who", "what",
    "failed", "fails", "failing", "fail", "works", "worked", "working", "work", "succeeded", "succeeds",
    "success", "returned", "returns", "return", "returning", "hangs", "hung", "hang", "timed", "times",
    "timeout", "error", "errors", "errored", "ok", "okay", "fine", "mapped", "maps", "mount", "mounted",
    "mounts", "connected", "connects", "disconnected", "refused", "denied", "rejected", "prompts",
    "prompted", "asks", "asked", "flag", "flags", "option", "options", "switch", "argument", "arguments",
    "parameter", "syntax", "command", "usage", "etc", "says", "said", "say", "shows", "showed", "explains",
    "explained", "describes", "described", "recommends", "suggests", "mentions", "notes", "covers", "lists",
    "states", "instead", "only", "first", "rather", "alone", "above", "below", "prompt", "interactive",
    "interactively", "required", "empty", "blank", "unset"
))


def _command_masked(m: re.Match[str], kind: str = "any") -> str:
    """A command's match (group 1 its head, group 2 the value) with the value masked, its quotes kept;
    openssl's 'pass:X' keeps 'pass:' and its other sources stay ('env:NAME', 'file:path', 'stdin')."""
    head, value = m.group(1), m.group(2)
    if value.startswith("pass:"):  # (its source's word says a password follows, whatever it is)
        head, value, kind = head + "pass:", value[5:], "any"
    elif value == "stdin" or value.startswith(("env:", "file:", "fd:")):
        return m.group(0)
    if _command_value_kept(value, kind):
        return m.group(0)
    q = value[:1] if len(value) > 1 and value[:1] in "'\"" and value[-1] == value[0] else ""
    return f"{head}{q}{REDACTED}{q}"


def _dash_password(m: re.Match[str]) -> str:
    """A :data:`_DASH_PASSWORD` match masked: a Java store's password whatever it is ('-storepass changeit'),
    another option's only one that looks like a credential (prose names the option: 'the -password flag')."""
    return _command_masked(m, "any" if "pass " in m.group(1) or "pass\t" in m.group(1) else "word")


def _samba_user(m: re.Match[str]) -> str:
    """A :data:`_SAMBA_USER` match masked, unless its value ends a Windows variable ('-U DOM\\%USERNAME%')."""
    if m.group(2).endswith("%") and m.group(2)[:-1].replace("_", "").isalnum():
        return m.group(0)
    return _command_masked(m)


def _tool_options(text: str, tool: re.Pattern[str], option: re.Pattern[str], kind: str) -> str:
    """``text`` with ``option``'s values masked in each command of ``tool``: its words up to the line's, a
    pipe's or a ';' end (:data:`_COMMAND_SPAN` at most); the next command is looked for after them."""
    out: list[str] = []
    done = 0
    t = tool.search(text)
    while t is not None:
        end = _COMMAND_END.search(text, t.end(), t.end() + _COMMAND_SPAN)
        stop = end.start() if end is not None else min(len(text), t.end() + _COMMAND_SPAN)
        out.append(text[done:t.end()] + option.sub(lambda m: _command_masked(m, kind), text[t.end():stop]))
        done = stop
        t = tool.search(text, stop)
    return "".join(out) + text[done:] if out else text


def command_secrets(text: str, low: str) -> str:
    """``text`` with the passwords, pass phrases and communities a command's syntax says follow masked (see
    above; ``low``: :func:`gate_text` of ``text`` in small letters, the case-blind patterns' gate)."""
    for word, tool, option, kind in _TOOL_OPTIONS:
        if word in (low if word in _COMMAND_LOW_WORDS else text):  # (a case-blind tool's name: 'SCHTASKS')
            text = _tool_options(text, tool, option, kind)
    if "-passw" in text or "-passp" in text or "storepass" in text or "keypass" in text:
        text = _DASH_PASSWORD.sub(_dash_password, text)
    if "%" in text and ("-U" in text or "--user" in text):
        text = _SAMBA_USER.sub(_samba_user, text)
    if "/pass" in low or "/pwd" in low:
        text = _SLASH_PASSWORD.sub(_command_masked, text)
    if "net" in low and "\\\\" in text:
        text = _NET_USE.sub(lambda m: _command_masked(m, "word"), text)
    if "smbclient" in text:
        text = _SMB_SERVICE.sub(lambda m: _command_masked(m, "word"), text)
    if "ftp" in text and "user" in text:
        text = _FTP_USER.sub(lambda m: _command_masked(m, "word"), text)
    if "isql" in text:
        text = _ISQL_DSN.sub(lambda m: _command_masked(m, "word"), text)
    if "openssl" in text and "passwd" in text:
        text = _OPENSSL_PASSWD.sub(_command_masked, text)
    if "/" in text and ("sqlplus" in text or "sqlldr" in text or "expdp" in text or "impdp" in text
                        or "rman" in text or "dgmgrl" in text):
        text = _ORACLE_LOGIN.sub(_command_masked, text)
    if "securestring" in low:
        text = _SECURE_STRING.sub(_command_masked, text)
    if "passw" in low or "secret" in low or "tacacs" in text or "radius" in text or "key-string" in text:
        text = _DEVICE_SECRET.sub(lambda m: _command_masked(m, "cred"), text)
    if "community" in text or "com2sec" in text:
        text = _DEVICE_COMMUNITY.sub(lambda m: _command_masked(m, "community"), text)
    return text


# any command's '-u USER -p PW' ('mongosh -u admin -p "X"'; '-p' alone prompts, '-p 5432' is a port): a
# quoted value, or a word that looks like a credential (_credential_option)
# (winrs writes them '-u:USER -p:PW': its ':' stays with the option)
_USER_THEN_P = _lazy(r"((?<!\S)-u[ \t]*[^\s-]\S*[ \t]+-p(?:[ \t]+|[=:])?)(?![-\s])" + _OPTION_VALUE)


def _credential_option(m: re.Match[str]) -> str:
    """A password option's match (group 1, then its value) masked when the value is quoted or looks like a
    credential, not a port or a word ('-p 5432', 'net user list was empty')."""
    value = m.group(0)[len(m.group(1)):]
    if value[0] not in "'\"" and (value.isdigit() or not (_looks_like_credential(value)
                                                        or _PASSWORD_SIGN.search(value))):
        return m.group(0)  # ('mysql -u root -p mydb' prompts, then names the database)
    return _option_masked(m)


# SQL's password: "CREATE USER app IDENTIFIED BY 'X'", "ALTER USER .. IDENTIFIED WITH mysql_native_password BY
# 'X'", "SET PASSWORD FOR 'app'@'%' = 'X'" (a quoted value whatever it is; a bare word that looks like one:
# 'root cause identified by OPS team' stays)
_SQL_PASSWORD = _lazy(
    r"(?i)(\bidentified\s+(?:with\s+\S+\s+)?by\s+(?:password\s+)?"
    r"|\bset\s+password\s+(?:for\s+\S+\s*)?=\s*(?:password\s*\(\s*)?)" + _OPTION_VALUE
)


def _sql_password(m: re.Match[str]) -> str:
    value = m.group(0)[len(m.group(1)):]
    if value[0] not in "'\"" and not _looks_like_credential(value.rstrip(";)")):
        return m.group(0)
    if value[0] not in "'\"":
        tail = value[len(value.rstrip(";)")):]
        return m.group(1) + REDACTED + tail
    return _option_masked(m)


# a tool's setting written 'config set NAME VALUE' ('aws configure set aws_secret_access_key X', 'npm config
# set //registry.npmjs.org/:_authToken X'): the value goes when the name is a secret's
_CONFIG_SET = _lazy(r"(?i)(\bconfig(?:ure)?\s+set\s+(?:--?[\w-]+\s+)*(\S+)[ \t]+)(?!-)" + _OPTION_VALUE)


def _config_set(m: re.Match[str]) -> str:
    if not is_secret_part_name(m.group(2)):
        return m.group(0)
    return _option_masked(m)
# a login written as a user and a password, '/' or ',' between them: 'vendor creds: user `svc_ops` / pass
# `VendP4ss!x`', 'creds are admin / Adm1nPass99', 'login: ops, password Tr0ub4dor&3' (the user stays); or
# ':' glued, as curl's '-u' writes it: 'credentials root:RootPw9988' (not a port: 'login db01:5432/app')
_USER_PASS = _lazy(
    r"(?i)(\b(?:user(?:name)?|login|creds|credentials)[*_]{0,2}(?:\s+(?:is|are))?:?[*_]{0,2}[ \t]+(`?)"
    r"[^\s`/,;:]+\2(?:(?P<colon>:)(?=[^\s/:])|[ \t]*(?:/|,|;|\band\b)[ \t]*)"
    r"(?:(?P<named>pass(?:word)?|passwd|pw|pwd)\b[*_]{0,2}(?:\s+is)?[ \t]*[:=]?[*_]{0,2}[ \t]*)?)"
    r"(?P<tick>`?)(?![=:])(?P<word>[^\s`]+?)(?P=tick)(?=[.,;)]?(?:\s|$))"
)
# SMTP's, IMAP's and POP3's SASL credential after its mechanism: 'AUTH PLAIN AHVzZXIA...', 'AUTH XOAUTH2 ...'
# (not an option after it: 'gh auth login --with-token < ghp_...' keeps its option's name)
_SASL_AUTH = _lazy(
    r"(?i)(\bAUTH(?:ENTICATE)?[ \t]+(?:PLAIN|LOGIN|XOAUTH2?|OAUTHBEARER)[ \t]+)(?!-)([^\s]+)"
)


# a .netrc entry's password ('machine db.example.com login bot password X'): the file's own syntax says what
# follows is one, whatever its form ('plainpass'); its host has a dot or is localhost ('machine learning login
# page password reset' is prose)
_NETRC = _lazy(
    r"(\b(?i:machine)[ \t]+(?:[\w-]+(?:\.[\w-]+)+|localhost)(?:[ \t]+(?i:login|account)[ \t]+\S+)*"
    r"[ \t]+(?i:password)[ \t]+)"
    + _OPTION_VALUE
)
# Redis's password: its 'AUTH' command (in capitals, as redis-cli's transcript writes it; ACL's 'AUTH user
# pw' too), a redis.conf's 'requirepass' or 'masterauth' line; a quoted value goes whole (_redis_auth)
_REDIS_AUTH = _lazy(
    r"""(?<![\w-])((?:AUTH|(?i:requirepass|masterauth))[ \t]+(?:(?!PLAIN\b|LOGIN\b|XOAUTH|OAUTHBEARER\b)"""
    r"""([a-z_][\w.-]{0,40})[ \t]+(?=[^\s'"]))?)('[^'\n]+'|"[^"\n]+"|[^\s'"`]+)"""
)


def _redis_auth(m: re.Match[str]) -> str:
    """A :data:`_REDIS_AUTH` match, its password masked: a quoted one, or a word that looks like one as
    after a password's name (6+ characters, a digit, a token's character or a symbol inside; no ticket,
    date or version: 'AUTH service down', 'AUTH p95 1200ms' stay); after a user's name ('AUTH alice
    X') only a strong one (:func:`_strong_credential`), else the word after AUTH is read alone."""
    value = m.group(3)
    if value[0] in "'\"":
        return f"{m.group(1)}{value[0]}{REDACTED}{value[0]}"
    if m.group(2) is not None:  # ('AUTH alice X': a user then a password)
        if _strong_credential(value) or _PASSWORD_SIGN.search(value):
            return m.group(1) + REDACTED
        value, head = m.group(2), m.group(0)[:m.start(2) - m.start()]
        return (head + REDACTED + m.group(0)[m.end(2) - m.start():] if _named_password(value)
                else m.group(0))
    return m.group(1) + REDACTED if _named_password(value) else m.group(0)


def _named_password(word: str) -> bool:
    """Whether a word written after what names a password (Redis's AUTH or requirepass, a PSK) looks like
    one (as :data:`_BEARER` reads one after a password's name)."""
    return (len(word) >= 6 and not _NO_CREDENTIAL.fullmatch(word.rstrip(".,;!?"))
            and (len(word) >= 20 or _CREDENTIAL_SIGN.search(word) is not None
                 or _PASSWORD_SIGN.search(word) is not None))


def login_hint(low: str) -> bool:
    """Whether lower-cased ``low`` may hold a login of :data:`_USER_PASS` or :data:`_SASL_AUTH` (a
    caller's gate, as :func:`known_hint`)."""
    return (("pass" in low or "cred" in low or "pw" in low)
            and ("user" in low or "login" in low or "cred" in low)
            # (a password glued to its user by '/', ',', ';' or 'and' needs no password's word: 'login
            # ops/Hunter2xy'; 'users report' is no login's word)
            or ("login" in low or "user " in low or "user:" in low or "username" in low)
            and ("/" in low or "," in low or ";" in low or " and " in low)
            or "auth " in low and ("plain" in low or "login" in low or "oauth" in low)
            or "login " in low and ":" in low)  # ('login admin:Hunter2xyz', as curl's -u writes it)


_NOT_A_PASSWORD = _lazy(r"[\d.:]+|\S*://\S*|[\w.+-]+@[\w-]+\.[\w.-]+|[#@]\w+")


def _user_pass(m: re.Match[str]) -> str:
    """A :data:`_USER_PASS` match, its password masked: a word that looks like one (after a password's
    name, one with a symbol inside counts too: 'P@ssword'), not a ticket, date or time."""
    word, tick = m.group("word"), m.group("tick")
    if len(word) < 6 or _NO_CREDENTIAL.fullmatch(word.strip("!?.")) or _NOT_A_PASSWORD.fullmatch(word):
        return m.group(0)  # ('user bob, 10.0.0.7 blocked', 'user reports, https://status.page/x')
    if not (_looks_like_credential(word) or m.group("named") and _password_signed(word)):
        return m.group(0)
    if m.group("colon") and _PORT_THEN_PATH.match(word):
        return m.group(0)  # ('login db01:5432/app': a host's port, no password)
    return f"{m.group(1)}{tick}{REDACTED}{tick}"


# a command's option named for a secret, its value after a space: '--api-key sk_live_...', '--token X'
# (the option may open a code span or a quote: '`--pass CliPass99`', '"--token X"')
_SECRET_OPTION = _lazy(
    r"(?<![^\s`'\"(\[])(--[A-Za-z][\w-]*)(\s+)(?!-)([^\s'\"`]+|'[^'\n]*'|\"[^\"\n]*\")"
)
# a secret's name written in words: 'Secret Access Key: ...', 'client secret = ...', 'API token: ...'
_SPACED_NAME = _lazy(
    r"(?i)\b((?:aws\s+)?(?:secret\s+access|personal\s+access|service\s+account|" + "|".join(_SPACED_KEY_NAMES)
    + r")\s+(?:key|token|secret)(?:\s+id)?[*_]{0,2}\s*(?:::?|=)[*_]{0,2}\s*)(`?)"
    r"([^\s`'\",;()\[\]{}]+)\2"
)


def _spaced_name_hint(text: str, low: str) -> bool:
    """Whether :data:`_SPACED_NAME` may match ``text`` (``low`` lower-cased): its name ends in white
    space and 'key', 'token' or 'secret', so ASCII text without white space right before one has none
    (the pattern is case-blind and tried at every position; other text is searched: 'ſecret')."""
    return not text.isascii() or _beside(low, ("key", "token", "secret"), False)


# an option that names a password itself ('--password', '--db-pass', '--passphrase'; not '--password-file'):
# its value is one whatever its form, a plain word too ('mongosh --password summer'), unless prose's
_PASSWORD_OPTION = _lazy(r"--(?:[A-Za-z][\w-]*[-_])?pass(?:word|wd|phrase)?")


def _secret_option(m: re.Match[str]) -> str:
    name, value = m.group(1), m.group(3)
    if name.endswith("-stdin"):
        return m.group(0)  # ('--password-stdin ghcr.io': the option takes no value, the registry follows)
    if not is_secret_part_name(name.lstrip("-")):
        return m.group(0)
    if not _looks_like_credential(value.strip("'\"")) and (
        _PASSWORD_OPTION.fullmatch(name) is None or _command_value_kept(value, "word")
    ):
        return m.group(0)
    quote = value[0] if value[:1] in "'\"" else ""
    return f"{name}{m.group(2)}{quote}{REDACTED}{quote}"


def _spaced_pair(m: re.Match[str]) -> str:
    if m.group(1).lower().rstrip(" :=*_").endswith(" id") or not _looks_like_credential(m.group(3)):
        return m.group(0)  # ('Access Key ID: AKIA...' is masked by its form; the id is no secret)
    value = m.group(3)
    if m.group(1)[-1:].isspace() and not m.group(2):  # ('API token: key=SECRET': the label stays)
        if _label_before_quote(value, m.string[m.end():]):
            return m.group(0)
        return f"{m.group(1)}{_label_kept(value)}"
    return f"{m.group(1)}{m.group(2)}{REDACTED}{m.group(2)}"


def known_hint(text: str) -> bool:
    """Whether ``text`` may hold a credential of :data:`_KNOWN_TOKEN` (substring tests: a regex over
    every log item would cost more than the rest of its redaction)."""
    return (
        "eyJ" in text or "AKIA" in text or "ASIA" in text or "AGPA" in text or "AROA" in text
        or "AIDA" in text or "ANPA" in text or "ANVA" in text or "AIPA" in text
        or "gh" in text and ("ghp_" in text or "gho_" in text or "ghu_" in text or "ghs_" in text
                             or "ghr_" in text)
        or "github_pat_" in text  # (no 'gh' in it: 'github_pat_11AAAA...')
        or "GOCSPX-" in text
        or "glpat-" in text or "xox" in text or "xapp-" in text or "_live_" in text or "_test_" in text
        or "whsec_" in text or "AIza" in text or "ya29." in text or "SG." in text or "npm_" in text
        or "pypi-" in text or "PRIVATE KEY" in text or "hvs." in text or "hvb." in text or ":AA" in text
        or "hf_" in text or "shp" in text or "_v1_" in text or "NRAK-" in text or "PMAK-" in text
        or "ATATT3" in text
        or "gl" in text and ("glptt-" in text or "gldt-" in text or "glrt-" in text or "glsoat-" in text
                             or "glcbt-" in text or "glsa_" in text)
        # ('sk-', 'SK' and 'dapi' begin words of prose too: 'disk-full', 'TASK', 'dapine')
        or ("sk-" in text or "SK" in text or "dapi" in text) and _PLAIN_PREFIXED.search(text) is not None
    )


_PLAIN_PREFIXED = _lazy(r"(?<![A-Za-z0-9])(?:sk-|SK[0-9a-f]{32}|dapi[a-f0-9]{32})")


def _curl_user(m: re.Match[str]) -> str:
    quote = m.group(3) or ""
    return f"{m.group(1)}{m.group(2)}{quote}{m.group(4) or m.group(5)}:{REDACTED}{quote}"


# --- secrets written as a name and a value in free text: 'GH_TOKEN=ghp_...', 'routing_key=R02...',
# '-H "X-Api-Key: sk_live_..."', '{"password": "..."}', 'Authorization: GenieKey 4f2a...',
# "Cookie: session=abc123". The name says it: one of its parts (split at '_', '-', '.' and where a
# lower-case letter meets an upper-case one) is a secret word. A 'Name: value' pair counts only for
# a header- or variable-like name (with '-' or '_'), or Cookie/Set-Cookie/Authorization, and a value
# that looks like a credential (unless quoted), so that prose ('Token: rotated yesterday', 'Key
# updates: ...') and messages ('X-Api-Key: environment variable ... is not set') stay as written; a
# quoted name is JSON's.
TEXT_VALUE = r"""("[^"\n]*"|'[^'\n]*'|[^\s&;,'"`()\[\]{}]+)"""  # a value, quoted or a word
# ('pw' too: a short password's name, 'db_pw=', 'user_pw=', is one of the names is_secret_part_name reads)
# (every word of _SECRET_PARTS is in one of these: 'otp=', 'PAT=', 'sid=', 'bearer=' are pairs too)
_PAIR_WORDS = _lazy("key|oken|ecret|pass|pw|auth|ookie|ession|jwt|redential|sig|rivate|earer|otp|pat|sid")
_STRONG_NAMES = ("password", "passwd", "passcode", "passphrase", "pwd", "pw", "pass", "secret", "token",
                 "apikey", "bearer")
_STRONG_LOW = _lazy("pass|pw|secret|token|apikey|bearer")  # (one of _STRONG_NAMES, in small letters)


def _strong_colon(low: str) -> bool:
    """Whether a bare secret name is followed by a colon in ``low`` ('password: ...')."""
    for w in _STRONG_NAMES:
        i = low.find(w)
        while i >= 0:
            j = i + len(w)
            while j < len(low) and low[j] in "\"' \t":
                j += 1
            if low.startswith(":", j):
                return True
            i = low.find(w, i + 1)
    return False


def pair_hint(text: str) -> bool:
    """Whether ``text`` may hold a secret written as a name and a value: a separator such a pair
    needs ('=', a quoted name's colon, a header-like name's colon, a bare secret name's colon), then
    a secret-like word (cheap tests: most log items hold none; a false hint only costs the pass)."""
    if "=" in text or '":' in text or "':" in text or _header_colon(text):
        return _PAIR_WORDS.search(gate_text(text).lower()) is not None
    if ":" not in text:  # (an 'Authorization:' or 'Cookie:' header, a bare secret's name: all need one)
        return False
    low = gate_text(text).lower()  # (a name in any case, as the case-blind patterns read it: 'PaSsWoRd:')
    return ("uthoriz" in low or "ookie" in low
            or _STRONG_LOW.search(low) is not None and _strong_colon(low))  # (one scan first: most have none)
_SECRET_PARTS = frozenset((
    "token", "secret", "secrets", "password", "passwd", "pwd", "pw", "pass", "apikey", "key", "auth",
    "authorization", "cookie", "session", "sessionid", "sid", "jwt", "credential", "credentials",
    "signature", "sig", "private", "bearer", "otp", "pat", "passcode", "passphrase",
    "pgpass",  # (libpq's 'PGPASS=...': a name of its own, no other holds it; 'PGPASSFILE' is a path's)
))
_NOT_SECRET_LAST = frozenset((
    "timeout", "count", "ttl", "length", "len", "size", "expiry", "expires", "expiration", "age",
    "limit", "type", "name", "url", "uri", "path", "file", "dir", "format", "version", "rate",
    "interval", "duration", "seconds", "secs", "ms", "max", "min", "enabled", "disabled", "mode",
    "header", "endpoint", "host", "port", "rotation", "policy", "store", "provider",
    # (when: 'session_start=2025-10-08T14:02Z', 'token_refresh_at=...', 'key_rotation_due=...')
    "start", "end", "at", "due", "deadline", "started", "ended", "date", "time", "timestamp", "ts",
    "created", "updated", "owner", "owners", "contacts", "contact", "team", "status", "state",
))
_SECRET_INSIDE = ("password", "passwd", "secret", "token", "apikey", "credential")
_NAME_PARTS = _lazy(r"[A-Z]?[a-z0-9]+|[A-Z0-9]+(?![a-z])")
_PAIR_COLON = _lazy(
    r"""(["']?)\b([A-Za-z][A-Za-z0-9]*(?:[_-][A-Za-z0-9]+)+"""
    r"""|(?i:set-cookie|cookie|password|passwd|passcode|passphrase|pwd|pw|pass|secret|token|apikey|bearer))"""
    r"""\1(\s*::?\s*)("[^"\n]*"|'[^'\n]*'|[^\s"'`()\[\]{}]+)"""  # (a header's value may hold '&' or ';')
)
_PAIR_QUOTED = _lazy(r"""(["'])([A-Za-z][A-Za-z0-9_.-]*)\1(\s*:\s*)""" + TEXT_VALUE)  # (JSON)
_HEADER_COLON = _lazy(r"[_-][A-Za-z0-9]+[\"']?\s*:")  # (what _PAIR_COLON needs, found fast)


def _header_colon(text: str) -> bool:
    """Whether :data:`_HEADER_COLON` matches ``text``; searched up to the last ':' only (every match ends
    with one, and the pattern looks at nothing after it), so an item whose colon is its time's
    ('03:54Z: Re-ran ...') is not read to its end."""
    end = text.rfind(":")
    return end > 0 and _HEADER_COLON.search(text, 0, end + 1) is not None
# (a cookie header's value is 'name=value' pairs, '; ' between them; '**Cookie:** banner fix' is prose.
# The mask ends with the cookies: Set-Cookie's attributes ('; Path=/; HttpOnly') and the prose after
# them stay)
_COOKIE = r"""[^\s;=,"'`()\[\]{}<>]+=(?:"[^"\n]*"|[^\s;"'`)\]}]*)"""
_COOKIE_ATTRIBUTE = (
    r"(?:path|domain|expires|max-age|samesite|secure|httponly|partitioned|priority|version|comment)\b"
)
_COOKIE_VALUE = _lazy(
    r"""(?i)\b((?:set-)?cookie["']?\s*:\s*)(""" + _COOKIE + r"(?:;[ \t]*(?!" + _COOKIE_ATTRIBUTE + ")"
    + _COOKIE + ")*)"
)
# 'Authorization: ApiKey X': a known scheme word stays, the credential after it goes. The second word
# takes a quoted value only right after its '=' ('Token token="..."'): a quote after anything else
# closes the header's own quoted value ("{'Authorization': 'Bearer X', 'X-Api-Key': 'Y'}"), and the
# next field's name must stay for its own rule
# (nor a backtick: '`Authorization: Bearer X`' keeps its closing one)
AUTH_IN_TEXT = _lazy(
    r"""(?i)\b((?:proxy-)?authorization["']?\s*[:=]\s*["']?)([^\s"'`,;()\[\]{}]+)"""
    r"""(?:([ \t]+)([^\s"'`,;()\[\]{}]+(?:(?:(?<==)|(?<==\\))(?:"[^"\n]*"|'[^'\n]*'))?))?"""
)
AUTH_SCHEMES = frozenset((
    "basic", "bearer", "digest", "dpop", "hoba", "mutual", "negotiate", "ntlm", "oauth", "scram-sha-1",
    "scram-sha-256", "vapid", "apikey", "api-key", "key", "token", "ssws", "aws4-hmac-sha256", "splunk",
    "geniekey",
))


def is_secret_part_name(name: str) -> bool:
    """Whether a variable or header name has a secret word as one of its parts ('GH_TOKEN',
    'routing_key', 'X-Api-Key', 'apiKey'; not 'status_code', 'passed', 'signal'), or holds one of
    the words no other name holds ('PGPASSWORD', 'mysecret')."""
    parts = [p.lower() for p in _NAME_PARTS.findall(name)]
    low = name.lower()
    # ('session_timeout', 'token_count': about the secret, not it)
    if not (len(parts) > 1 and parts[-1] in _NOT_SECRET_LAST):
        # (each word of _SECRET_INSIDE tested inline, in its order: no generator per name)
        if "password" in low or "passwd" in low or "secret" in low or "token" in low or "apikey" in low or (
            "credential" in low
        ):
            return True
        if _secret_part(parts):
            return True
    if name.islower() or name.isupper():
        return False
    # (a part written in random case, 'PaSs', 'aPi_KeY', 'PAt', which camelCase splits in pieces: read as the
    # name's segments in small letters, between '_', '-', '.' and spaces, as its lower-case form is read)
    parts = _SEGMENTS.findall(low)
    return not (len(parts) > 1 and parts[-1] in _NOT_SECRET_LAST) and _secret_part(parts)


_SEGMENTS = _lazy(r"[a-z0-9]+")


def _secret_part(parts: list[str]) -> bool:
    """Whether one of a name's ``parts`` (in small letters) is a secret's word; not a key that orders or
    finds things ('cache_key', 'sort_key', 'spaceKey': no credential)."""
    return any(p in _SECRET_PARTS and not (p == "key" and i and parts[i - 1] in _ORDINARY_KEY)
               for i, p in enumerate(parts))


# the word before a 'key' that makes it a data key, not a credential
_ORDINARY_KEY = frozenset((
    "space", "sort", "cache", "partition", "primary", "foreign", "issue", "project", "idempotency",
    "dedup", "dedupe", "deduplication", "lookup", "group", "shard", "hash", "row", "object", "map",
    "search", "index", "range", "item", "entity", "record", "parent", "child", "public", "composite",
    "unique", "column", "field", "table", "translation", "i18n", "locale", "message", "cluster", "order",
))


def masked_value(name: str, sep: str, value: str) -> str:
    """``name sep ***`` keeping the value's quotes (``password="***"``, ``{"x-api-key": "***"}``)."""
    quote = value[0] if value[:1] in ("'", '"') else ""
    return f"{name}{sep}{quote}{REDACTED}{quote}"


# a pair's name and its '=' at the start of a value: after an empty value and a space it is the next pair
LABEL = _lazy(r"[A-Za-z_][\w.-]*=(?![=>])")
_NAME_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-")
_EQ_VALUE = _lazy(r"\s*" + TEXT_VALUE)


# a file name's stamp and suffix after a secret's value written in it ('check_api_key=X_2025-10-08.json'):
# they stay, the value ends before them (only with an extension at the end: a password may end in a date)
_NAME_TAIL = _lazy("(?:" + _STAMP + r")[A-Za-z0-9_.:+-]*\.[A-Za-z][A-Za-z0-9]{0,5}$")


def masked_before_name_tail(value: str) -> bool:
    """Whether ``value`` is a mask and a file name's stamp and suffix after it ('***_2025-10-08.json', as
    :func:`redact_text` leaves a secret's value in a file name): a stricter pass keeps it."""
    return value.startswith(REDACTED) and _NAME_TAIL.match(value, len(REDACTED)) is not None


def _masked_already(value: str) -> bool:
    """Whether a pair's value is a mask as it stands (``***``, ``***.json``, ``***_2025-10-08.json``
    in a file name); a word glued to it by ``-`` or ``_`` is the value's own rest ('***-extra')."""
    if not value.startswith(REDACTED):
        return False
    return value[len(REDACTED):len(REDACTED) + 1] not in ("-", "_") or masked_before_name_tail(value)


def _pairs_eq(text: str) -> str:
    """``text`` with the value of each ``name=value`` whose name is a secret's masked: found from
    each '=' back to its name (a regex over every word would cost a scan per log item)."""
    out: list[str] = []
    done = 0
    i = text.find("=")
    while i >= 0:
        if text.startswith("==", i) or (i and text[i - 1] in "!<>="):
            i = text.find("=", i + 2)  # (a comparison)
            continue
        arrow = text.startswith("=>", i)  # (Ruby's and PHP's 'key => value')
        j = i
        while j > done and text[j - 1] in " \t]":
            j -= 1
        quote = text[j - 1] if j > done and text[j - 1] in "\"'" else ""
        k = j - len(quote)
        start = k
        while start > done and text[start - 1] in _NAME_CHARS:
            start -= 1
        name = text[start:k].lstrip("-_")  # ('--password=...': an option's dashes; .npmrc's ':_authToken=')
        m = _EQ_VALUE.match(text, i + 1 + arrow)
        if m is not None and m.start(1) > i + 1 + arrow and LABEL.match(m.group(1)):
            m = None  # ('auth= key=X': the next pair's name is no value; its own '=' is read next)
        if name and name[0].isalpha() and m is not None and is_secret_part_name(name) and (
            _NO_CREDENTIAL.fullmatch(m.group(1).strip("\"'")) is None  # ('issue_key=OCC-INF-221')
            # ('password=${DB_PASS}', 'PASSWORD=$DB_PASS', 'password="<your-password>"': no secret)
            and not placeholder_value(m.group(1).strip("\"'")) and not placeholder_at(text, m.start(1))
            # ('<add key="CacheSize" value="100"/>': the attribute names the setting, _KEY_VALUE_ATTRS)
            and not names_setting(name, m.group(1), text, m.end())
            # (masked already: a known token's mask alone, or with a file name's stamp after it; a
            # tail glued to a mask is the value's own rest, 'api_key=***-extra', and goes with it)
            and not _masked_already(m.group(1).strip("\"'"))
            # ('auth=Basic ***': a scheme word whose credential is masked already stays, as after
            # 'Authorization:')
            and not (m.group(1).lower() in AUTH_SCHEMES and text.startswith(" " + REDACTED, m.end()))
        ):
            value = m.group(1)
            q = value[0] if value[:1] in "\"'" else ""
            end = m.end()
            if not q and text.startswith("&", end) and _is_password_name(name) and not _in_query(text, i):
                end = _password_rest(text, end)
            if value == "$" and text.startswith("{", end):  # ('${DB_PASS:-Hunter2pg}': its default goes)
                d = _DEFAULT_REF.match(text, m.start(1))
                end = d.end() if d is not None else end
            value = text[m.start(1):end]
            tail = _NAME_TAIL.search(value, 1) if not q else None
            out.append(text[done:m.start(1)] + f"{q}{REDACTED}{q}")
            done = end if tail is None else m.start(1) + tail.start()
        i = text.find("=", max(i + 1 + arrow, done))
    return "".join(out) + text[done:] if out else text


def _is_password_name(name: str) -> bool:
    """Whether a pair's name is a password's ('password', 'DB_PASSWD', 'pwd', 'user_pw'): its value may hold
    '&', which outside a URL is no separator ('password=Tr0ub4dor&3')."""
    low = name.lower()
    return "pass" in low or "pwd" in low or "pw" in (p.lower() for p in _NAME_PARTS.findall(name)) or (
        not (name.islower() or name.isupper()) and "pw" in _SEGMENTS.findall(low))  # ('pW', 'Db_pW')


_AMP_REST = _lazy(r"&(?![A-Za-z_][\w.-]*=)[^\s&;,'\"`()\[\]{}]+")


def _in_query(text: str, i: int) -> bool:
    """Whether ``text[i]`` is in a URL's query (a '?' before it in its word): there '&' is a separator."""
    start = max(text.rfind(" ", 0, i), text.rfind("\t", 0, i), text.rfind("\n", 0, i))
    return "?" in text[start + 1:i]


def _password_rest(text: str, end: int) -> int:
    """Where a password's value ends that :data:`TEXT_VALUE` cut at an '&' (``end``): the '&' and the word
    after it are the password's own, unless that word is the next pair's name ('password=X&user=bob')."""
    m = _AMP_REST.match(text, end)
    while m is not None:
        end = m.end()
        m = _AMP_REST.match(text, end)
    return end


# a setting written as a name's attribute and a value's ('<add key="ApiKey" value="X"/>', '<param name=
# "password" value="X">', '<meta name="csrf-token" content="X">'): the value goes when the name is a secret's
_KEY_VALUE_ATTRS = _lazy(
    r"""(?i)\b((?:key|name)\s*=\s*(["'])([^"'\n]{1,80})\2\s+(?:value|content)\s*=\s*)(["'])([^"'\n]*)\4"""
)


_SETTING_VALUE = _lazy(r"""\s+(?:value|content)\s*=\s*["']""", re.IGNORECASE)


def names_setting(name: str, value: str, text: str, end: int) -> bool:
    """Whether ``name=value`` (ending at ``text[end]``) is the quoted ``key=``/``name=`` attribute that
    names a setting whose ``value=`` follows ('<add key="CacheSize" value="100"/>'): the name is no
    secret, and its value is one only when the name says so (:data:`_KEY_VALUE_ATTRS`)."""
    return (name.lower() in ("key", "name") and value[:1] in ("'", '"')
            and _SETTING_VALUE.match(text, end) is not None)


def _key_value_attrs(m: re.Match[str]) -> str:
    if not m.group(5) or not is_secret_part_name(m.group(3)):
        return m.group(0)
    return f"{m.group(1)}{m.group(4)}{REDACTED}{m.group(4)}"


def _pair(m: re.Match[str]) -> str:
    inner = m.group(4).strip("\"'")
    if not is_secret_part_name(m.group(2)) or _NO_CREDENTIAL.fullmatch(inner) or placeholder_value(inner):
        return m.group(0)  # (and '{"key": "DEPLOY-147"}', a Jira issue's key, is a ticket)
    if (inner.endswith(" " + REDACTED) and m.group(2).lower().endswith("authorization")
            and _SCHEME_KEPT.fullmatch(inner[:-4])):
        return m.group(0)  # ('{"Authorization": "Bearer ***"}': AUTH_IN_TEXT kept the scheme word)
    value = m.group(4)
    if m.group(3)[-1:].isspace() and value[:1] not in ("'", '"') and _VALUE_LABEL.match(value):
        # ('token: key=SECRET': a label after the colon and a space stays, its value goes; 'token: key="X"'
        # or 'token: key=***': the pair after the colon is its own, masked by its own rule)
        if _label_before_quote(value, m.string[m.end():]):
            return m.group(0)
        return f"{m.group(1)}{m.group(2)}{m.group(1)}{m.group(3)}{_label_kept(value)}"
    return masked_value(m.group(1) + m.group(2) + m.group(1), m.group(3), m.group(4))


_SCHEME_KEPT = _lazy(r"[A-Za-z][A-Za-z0-9-]{0,30}")
# a connection string's password with a space in it (ADO.NET, ODBC, JDBC: 'Server=db01;Password=Hunter 2pg;'):
# after a ';' the value runs to the next ';' (a word ends a value elsewhere: 'Password=*** 2pg;' kept half);
# only a value with a space that its ';' closes ('{...}' quoting is the pair rules')
# a pair quoted whole as a command's argument, its value with a space in it ('--from-literal="password=Hunter
# 2pg"', "-var 'db_password=Hunter 2pg'", '--set "db.password=Hunter 2pg"'): the value runs to the closing
# quote, or to the next pair of an argument that holds several ('--extra-vars "ansible_password=Hunter 2pg
# ansible_user=bob"': the user stays); one word is the pair rules'
_QUOTED_ARG_PAIR = _lazy(
    r"""(?<![\w"'])(["'])([A-Za-z_][\w.-]{0,60}=)(?!["'])([^"'\n=]{0,200}?[ \t][^"'\n]{0,200}?)(?=\1)"""
)
_NEXT_PAIR = _lazy(r"[ \t]+[A-Za-z_][\w.-]{0,60}=")


def _quoted_arg_pair(m: re.Match[str]) -> str:
    """A :data:`_QUOTED_ARG_PAIR` match, its value masked when its name is a secret's (up to the next pair
    in the argument, which stays)."""
    name, value = m.group(2)[:-1], m.group(3)
    if not is_secret_part_name(name.rsplit(".", 1)[-1]) or not value.strip():
        return m.group(0)
    nxt = _NEXT_PAIR.search(value)
    head, rest = (value[:nxt.start()], value[nxt.start():]) if nxt else (value, "")
    if " " not in head.strip() and "\t" not in head.strip():
        return m.group(0)  # (one word: the pair rules mask it)
    return f"{m.group(1)}{m.group(2)}{REDACTED}{rest}"


# a reference or a placeholder written where a secret's value goes, no secret itself: a variable
# ('${DB_PASS}', '$DB_PASS' in capitals, Windows' '%DB_PASS%'), a template's ('{{ vault_db_pass }}'), a
# name in angle brackets ('<your-password>', '<redacted>'), a mask ('***', 'xxxx', '[REDACTED]'); a
# default written in it is a value ('${DB_PASS:-Hunter2pg}' goes whole)
_PLACEHOLDER = (
    r"\$\{[A-Za-z_][\w.]{0,60}(?::?\?[^{}\n]{0,60}|:?-(?:\$[A-Za-z_]\w{0,60})?)?\}|\$[A-Z_][A-Z0-9_]{1,60}|%[A-Za-z_]\w{0,60}%"
    r"|\{\{[ \t]*[^{}\n]{1,80}?[ \t]*\}\}|<[A-Za-z][A-Za-z_ -]{0,40}>|\*{3,}|[xX]{3,}"
    r"|\[(?i:redacted|masked|hidden)\]|(?i:redacted)"
    r"|op://[\w.-]{1,80}/[\w.-]{1,80}/[\w./-]{1,160}"  # (1Password's secret reference, 'op://prod/db/password')
)
_PLACEHOLDER_AT = _lazy("(?:" + _PLACEHOLDER + r")(?![^\s&;,'\"`)\]}|.!?:])")
_PLACEHOLDER_WHOLE = _lazy(_PLACEHOLDER)


def placeholder_value(value: str) -> bool:
    """Whether a secret's value (its quotes stripped) is a reference or a placeholder (:data:`_PLACEHOLDER`):
    it stays as written."""
    return _PLACEHOLDER_WHOLE.fullmatch(value) is not None


def placeholder_at(text: str, i: int) -> bool:
    """Whether a placeholder opens at ``text[i]`` and ends with the value ('Password=${DB_PASS};...')."""
    return text[i:i + 1] in ("$", "{", "%", "<", "*", "x", "X", "[", "r", "R", "o") and (
        _PLACEHOLDER_AT.match(text, i) is not None)


# a variable with a default ('${DB_PASS:-Hunter2pg}', '${DB_PASS-x}', ':=', ':+'); ':?' is an error's text
_DEFAULT_REF = _lazy(r"\$\{([A-Za-z_][\w.]{0,60})(:?[-=+])([^{}\n]{0,200})\}")
# the secret's name written before it ('password=', 'DB_PASSWORD: ', '"password": "', 'password is ')
_NAME_BEFORE_REF = _lazy(
    r"([A-Za-z][\w.-]{0,60})[\"']?(?:[ \t]*(?:::?|=>?|->)|[ \t]+(?:is|was))?[ \t]*[\"'`]?\Z", re.IGNORECASE
)


def secret_defaults(text: str, secret: Callable[[str], bool] = is_secret_part_name) -> str:
    """``text`` with each variable reference that writes a default (``${DB_PASS:-Hunter2pg}``) masked whole
    (``***``) when the variable's name or the name written before it is a secret's: the default is a value,
    and one form in every rule ('password=***', 'password: ***'). An empty default or one that is a reference
    itself (``${DB_PASS:-}``, ``${DB_PASS:-$FALLBACK}``) and a non-secret's (``port=${PORT:-5432}``) stay;
    ``secret`` tells a secret's name (the evidence's stricter :func:`is_secret_name`)."""
    out: list[str] = []
    done = 0
    i = text.find("${")
    while i >= 0:
        m = _DEFAULT_REF.match(text, i)
        if m is not None:
            default = m.group(3).strip(" \t\"'")
            before = _NAME_BEFORE_REF.search(text, max(done, i - 80), i)
            if default and not placeholder_value(default) and (
                secret(m.group(1)) or (before is not None and secret(before.group(1).lstrip("-_.")))
            ):
                out.append(text[done:i] + REDACTED)
                done = m.end()
        i = text.find("${", max(i + 2, done))
    return "".join(out) + text[done:] if out else text


# a password's value, then a short word that is its rest ('Password=Hunter 2pg', 'password: hunter 2pg'):
# one or two words of :func:`password_part` (a last word of digits alone too, at the line's or the
# sentence's end: 'Password=Hunter 2'); prose after it stays ('Password=*** rotated by Ana')
_SPACED_REST = _lazy(
    r"(?i)((?<![\w-])[\w.-]{0,40}?(?:password|passwd|passphrase|pwd|secret)[\"']?[ \t]*(?:::?|=)[ \t]*)"
    r"(?![\"'`{:=])([^\s\"'`()\[\]{}<>|;,&]{1,80})"  # (no value opens on the separator's own ':')
    r"((?:[ \t]+[A-Za-z0-9#&!$%@^*?+~_-]{1,12}(?=[.,;:!?)\]]*(?:\s|$))){1,2})"
)


def spaced_rest_hint(text: str) -> bool:
    """Whether ``text`` may hold a :data:`_SPACED_REST` (a password's name, a separator and a space): its
    name in any case, as the case-blind pattern reads it ('PAssword=Hunter 2pg', 'paſsword')."""
    if not (" " in text or "\t" in text):
        return False
    if "ass" in text or "ASS" in text or "wd" in text or "WD" in text or "ecret" in text or "ECRET" in text:
        return True
    low = gate_text(text).lower()  # (rarer: a name in mixed case)
    return "pass" in low or "pwd" in low or "secret" in low


def _is_or_was(text: str) -> bool:
    """Whether ``text`` writes 'is' or 'was', in any case, as :data:`_SPACED_REST_IS` and
    :data:`_BEARER_SNAKE` read them ('password Is Hunter 2pg'; a substring test, a gate's)."""
    low = gate_text(text).lower()
    return "is" in low or "was" in low


def _spaced_rest(m: re.Match[str]) -> str:
    """A :data:`_SPACED_REST` match, the value and the words of its rest masked."""
    value = m.group(2)
    if (value != REDACTED and placeholder_value(value)) or _NO_CREDENTIAL.fullmatch(value.strip(".,:!?")):
        return m.group(0)  # (a mask is a value all the same: 'Password=*** 2pg' as a path's pair left it)
    if value[-1] in _PHRASE_END or _EXTENSION.search(value) is not None:
        return m.group(0)  # (a sentence's end, 'password is Correct-Horse! Then', or a file's name, no rest)
    rest = m.group(3)
    words = list(_SPACED_WORD.finditer(rest))
    cut = 0
    for n, w in enumerate(words):
        word = w.group(1)
        # (digits alone: a last word only, 'Password=Hunter 2', or before a part, 'Hunter 2 2pg')
        if word.isdigit():
            after = m.string[m.start(3) + w.end():].lstrip(".,;:!?)]")
            if after[:1] not in ("", "\n", "\r") and not (
                n + 1 < len(words) and password_part(words[n + 1].group(1))
            ):
                break
        elif not password_part(word):
            break
        cut = w.end()
    if not cut:
        return m.group(0)
    # (a label that opens a value written after a space stays, as after 'token: ': 'password is user=***')
    return m.group(1) + (_label_kept(value) if m.group(1)[-1:].isspace() else REDACTED) + rest[cut:]


# prose's 'password is Hunter 2pg' ('the password was hunter 2pg'): as _SPACED_REST after 'is' or 'was'; a
# note's word as the value keeps it all ('the password is in the vault', 'password is in 1password')
_SPACED_REST_IS = _lazy(
    r"(?i)((?<![\w-])(?:password|passwd|passphrase)[ \t]+(?:is|was)[ \t]+)"
    r"(?![\"'`{])([^\s\"'`()\[\]{}<>|;,&]{1,80})"
    r"((?:[ \t]+[A-Za-z0-9#&!$%@^*?+~_-]{1,12}(?=[.,;:!?)\]]*(?:\s|$))){1,2})"
)


def _spaced_rest_is(m: re.Match[str]) -> str:
    """A :data:`_SPACED_REST_IS` match, masked as :func:`_spaced_rest` does unless its value is a note's word
    ('is in the vault', 'was rotated 2x', 'is set to ...')."""
    word = m.group(2).strip(".,:!?").lower()
    if word in _NOTE_WORDS or word in _PHRASE_STOP:
        return m.group(0)  # ('passphrase is weak 2x', 'password is invalid 7Z': prose)
    return _spaced_rest(m)


# a password's or a passphrase's value of words written with spaces, to a clear end (:func:`_spaced_phrase`):
# 'passphrase: correct horse battery staple', 'wifi password is blue monkey 42 (rotated)', 'Password=Hunter 2
# rotated'; read once from each name, at most 8 words of 40 characters
_SPACED_PHRASE = _lazy(
    r"(?i)(pass(?:word|wd|phrase)[\"']?(?:[ \t]*(?:::?|=)[ \t]*|[ \t]+(?:is|was)[ \t]+))"
    r"(?![\"'`{$<%\[])[A-Za-z0-9#&!$%@^*?+~_.-]{1,40}(?:[ \t]+[A-Za-z0-9#&!$%@^*?+~_.-]{1,40}){1,7}"
)
# words that end a spaced value or say it is prose: a note's (:data:`_NOTE_WORDS`) and these
_PHRASE_STOP = frozenset((
    "too", "very", "weak", "strong", "wrong", "invalid", "incorrect", "missing", "empty", "required",
    "needed", "unknown", "unchanged", "same", "different", "than", "least", "most", "longer", "shorter",
    "older", "still", "also", "only", "just", "tried", "used", "reused", "entered", "typed", "attempt",
    "attempts", "retry", "retries", "then", "but", "so", "if", "when", "because", "please", "ok", "okay",
))
_PHRASE_END = frozenset(".!?:")
_PHRASE_WORD = _lazy(r"\S+")


def _spaced_phrase(m: re.Match[str]) -> str:
    """A :data:`_SPACED_PHRASE` match with its value masked: the words up to the first note's or prose's word
    (:data:`_PHRASE_STOP`), unit, version, ticket, date, a spaced dash or a sentence's end, and only when
    the words stop at a clear end (that word, ';', ',', '(', a quote, a cell's '|', the line's end). Two
    words at least; a passphrase's words are its value whatever they are ('correct horse battery staple');
    a password's only when one word is digits alone and it is the last or only parts follow it ('blue monkey
    42', 'Hunter 2', 'blue monkey 42 7Z':
    the words with a mixed part are :data:`_SPACED_REST`'s, '42 minutes later' a count)."""
    text, whole = m.string, m.group(0)
    start = m.end(1) - m.start()
    words = [(w.start(), w.group(0)) for w in _PHRASE_WORD.finditer(whole, start)]
    cut = 0  # (the value's end in ``whole``)
    count, digits_at = 0, []
    parts_after = True  # (whether every word after the last one of digits alone is a password's part)
    stopped = False
    for i, word in words:
        w = word.rstrip(".,:!?")
        low = w.lower()
        if w == REDACTED and not count:  # (a mask is a value all the same: 'Password=*** 2', a path's pair's)
            count, cut = 1, i + len(w)
            continue
        if not w or w.strip("-\u2013\u2014") == "" or low in _NOTE_WORDS or low in _PHRASE_STOP or (
            _NO_CREDENTIAL.fullmatch(w) or _SHORT_VERSION.fullmatch(w) or _UNIT_WORD.fullmatch(w)
            and not w.isdigit() or store_name(w) or placeholder_value(w)
        ):
            stopped = True
            break
        count += 1
        if w.isdigit():
            digits_at.append(count)
            parts_after = True
        elif digits_at and parts_after:
            parts_after = password_part(w)
        cut = i + len(w)
        if word[len(w):len(w) + 1] in _PHRASE_END and word != w:
            stopped = True  # ('... staple.': a sentence's end)
            break
    if not stopped:  # (the words ran to the match's end: a clear end must follow)
        after = text[m.end():m.end() + 2]
        if after[:1] not in ("", "\n", "\r", ";", ",", "(", ")", "|", '"', "'", "`") and not (
            after[:1] in (" ", "\t") and after[1:2] in ("(", "|", "")
        ):
            return whole
    if count < 2:
        return whole
    if whole[:10].lower().startswith("passphrase"):
        return whole[:start] + REDACTED + whole[cut:]
    # (or digits then parts alone, 'blue monkey 42 7Z', 'blue monkey 42 2pg 7Z', as _spaced_rest reads them)
    if len(digits_at) != 1 or not parts_after:
        return whole
    return whole[:start] + REDACTED + whole[cut:]


# a Kubernetes Secret's manifest pasted (YAML, its lines or joined by spaces as a log item joins them; or
# kubectl's JSON): every value under its 'data:' or 'stringData:' is a secret, whatever its key's name
# ('DB_URL: cG9z...', '.dockerconfigjson: eyJ...'); only in a text that says it is a Secret's
_K8S_SECRET = _lazy(r"(?i)\bkind[\"']?[ \t]*:[ \t]*[\"']?secret\b|\bget[ \t]+secrets?\b")
_K8S_VALUE = (r"(?:\$\{[^{}\s]{1,200}\}(?![^\s])"
               # (a YAML line's value runs to its end, spaces and all: 'NOTE: two words')
               r"|[^\s\"'{}\[\]|>](?:[^\n\"'{}\[\]:#]|:(?![ \t\n])){0,4095}(?=[ \t]*\n)"
               r"|[^\s\"'{}\[\]]{0,4095}[^\s\"'{}\[\]:]|\"[^\"\n]{0,4096}\""
               r"|'[^'\n]{0,4096}')")  # (no key: 'stringData: API_URL: x' opens the next block)
_K8S_DATA = _lazy(
    r"(?<![\w.-])((?:stringD|d)ata:)((?:[ \t]*\n?[ \t]*(?!(?:kind|type|metadata|apiVersion|immutable|data"
    r"|stringData):)[\w.-]{1,253}:[ \t]+" + _K8S_VALUE + ")+)"
)
_K8S_PAIR = _lazy(r"([\w.-]{1,253}:[ \t]+)(" + _K8S_VALUE + ")")
_K8S_JSON_DATA = _lazy(
    r"(\"(?:stringD|d)ata\"[ \t]*:[ \t]*\{)((?:[^{}$]|\$(?!\{)|\$\{[^{}\n]{0,200}\}){0,65536})\}"
)
_DOCKER_CONFIG = _lazy(r"(\.docker(?:configjson|cfg)[\"']?[ \t]*:[ \t]*[\"']?)([^\s\"'{}]{8,65536})")
_K8S_JSON_PAIR = _lazy(r"(\"[^\"\n]{1,253}\"[ \t]*:[ \t]*\")((?:[^\"\\\n]|\\.){1,65536})\"")
# a Secret's 'stringData:' and its pairs on one line (a log item joins the manifest's lines with spaces):
# a value runs over its words to the next key ('stringData: NOTE: two words x: y' -> 'NOTE: *** x: ***')
_K8S_STRING_LINE = _lazy(r"(?<![\w.-])stringData:[ \t]+(?=[\w.-]{1,253}:[ \t])([^\n]*)")
_K8S_KEY_WORD = _lazy(r"[\w.-]{1,253}:")
_K8S_MANIFEST_KEYS = frozenset(("kind:", "type:", "metadata:", "apiVersion:", "immutable:", "data:",
                                "stringData:"))


def _k8s_string_line(m: re.Match[str]) -> str:
    """The pairs of a ``stringData:`` written on one line, each value (its words to the next key) masked;
    a manifest's next field ('type: Opaque') ends them, placeholders and empty values stay."""
    parts = re.split(r"([ \t]+)", m.group(1))  # words and the spaces between, kept as written
    out: list[str] = []
    value: list[str] = []

    def close() -> None:
        if not value:
            return
        words = "".join(value).rstrip(" \t")
        tail = "".join(value)[len(words):]
        quoted = len(words) > 1 and words[:1] in ("'", '"') and words[-1:] == words[:1]
        inner = words[1:-1] if quoted else words
        if not inner or placeholder_value(inner):
            out.append(words)
        else:
            out.append(words[0] + REDACTED + words[0] if inner != words else REDACTED)
        out.append(tail)
        value.clear()

    i = 0
    while i < len(parts):
        part = parts[i]
        if part and not part[0].isspace() and _K8S_KEY_WORD.fullmatch(part) is not None:
            close()
            if part in _K8S_MANIFEST_KEYS:
                out.append("".join(parts[i:]))
                break
            out.append(part)
            if i + 1 < len(parts):
                out.append(parts[i + 1])  # (the spaces after the key)
            i += 2
            continue
        if out:  # (a word of the current value)
            value.append(part)
        else:
            out.append(part)
        i += 1
    close()
    return m.group(0)[:m.start(1) - m.start(0)] + "".join(out)


def k8s_secret_data(text: str) -> str:
    """``text`` with a Kubernetes Secret's ``data``/``stringData`` values masked (:data:`_K8S_DATA`); keys,
    placeholders and the manifest's other fields stay."""
    if "dockerc" in text:  # ('.dockerconfigjson: eyJhdXRocyI6...': a registry's credentials, any manifest's)
        text = _DOCKER_CONFIG.sub(
            lambda m: m.group(0) if placeholder_value(m.group(2)) else m.group(1) + REDACTED, text)
    if _K8S_SECRET.search(text) is None:
        return text

    def pair(m: re.Match[str]) -> str:
        value = m.group(2)
        quote_ = value[0] if value[:1] in ("'", '"') else ""
        inner = value[1:-1] if quote_ else value
        if not inner or inner in ("|", ">", "|-", ">-") or placeholder_value(inner):
            return m.group(0)
        return f"{m.group(1)}{quote_}{REDACTED}{quote_}"

    def data(m: re.Match[str]) -> str:
        nl = m.string[m.end():m.end() + 1] == "\n"  # (a line's value ends at its '\n': read it with it)
        pairs = _K8S_PAIR.sub(pair, m.group(2) + "\n" if nl else m.group(2))
        return m.group(1) + (pairs[:-1] if nl else pairs)

    def json_pair(m: re.Match[str]) -> str:
        return m.group(0) if placeholder_value(m.group(2)) else f'{m.group(1)}{REDACTED}"'

    if "stringData:" in text:  # ('stringData: NOTE: two words x: y': a log item's joined manifest)
        text = _K8S_STRING_LINE.sub(_k8s_string_line, text)
    if "ata:" in text:
        text = _K8S_DATA.sub(data, text)
    if 'ata"' in text:
        text = _K8S_JSON_DATA.sub(
            lambda m: m.group(1) + _K8S_JSON_PAIR.sub(json_pair, m.group(2)) + "}", text)
    return text


_CONN_PASSWORD_HINT = _lazy(r"(?i)(?:password|pwd)[ \t]*=")
# a connection string's password with a space in it ('Server=db01;Password=Hunter 2pg'): after a ';' it
# runs to its ';', the end of the line, a closing backtick, quote or table cell, a spaced dash or a
# sentence's end ('...;Password=*** - rotated'); written first, to the ';' that opens the next pair
# ('Password=***;Server=db01')
_CONN_PASSWORD = _lazy(
    r"(?i)(;[ \t]*(?:password|pwd)[ \t]*=[ \t]*)(?![{\"'])"
    r"[^;\n{}\"'`|]{1,200}?(?=[ \t]*(?:[;\n`|\"']|$|[ \t][-\u2013\u2014]{1,2}[ \t]|\.(?:[ \t]|$)))"
)
_CONN_PASSWORD_FIRST = _lazy(
    r"(?i)((?<![\w.;-])(?:password|pwd)[ \t]*=[ \t]*)(?![{\"'])"
    r"[^;\n{}\"'`|]{1,200}(?=;[ \t]*[A-Za-z][\w .-]{0,40}=)"
)


def _conn_password(m: re.Match[str]) -> str:
    """A :data:`_CONN_PASSWORD` (or ``_FIRST``) match, its value masked when it holds a space (a word alone
    is the pair rules'); a value that nothing closes (the line's end, a dash, a sentence's end) stops
    before a word of prose, all lower-case letters ('...;Password=*** was rotated')."""
    value = m.group(0)[len(m.group(1)):].rstrip()
    tail = m.group(0)[len(m.group(1)) + len(value):]
    if m.string[m.end():m.end() + 1] not in (";", "`", "|", '"', "'"):
        cut = next((w.start() for w in _SPACED_WORD.finditer(value) if _PROSE_WORD.fullmatch(w.group(1))),
                   None)
        if cut is not None:
            value, tail = value[:cut], value[cut:] + tail
    if " " not in value and "\t" not in value:
        return m.group(0)
    return m.group(1) + REDACTED + tail


_SPACED_WORD = _lazy(r"[ \t]+(\S+)")
_PROSE_WORD = _lazy(r"[a-z]{2,}[,:!?]?")


# HTTP Digest's 'response' (the hash of the password, the nonce and the request: it answers that nonce,
# and a dictionary recovers the password from it) and 'cnonce', after 'Digest' on its line: 'Authorization:
# Digest username="bob", ..., response="6629fae4..."' -> 'response="***"' (the user name and the other
# parameters stay); 'response=' elsewhere stays
_DIGEST_LINE = _lazy(r"(?i)\bdigest[ \t]+(?:\*\*\*|[\w-]+[ \t]*=)[^\n]{0,2000}")
_DIGEST_HASH = _lazy(r"""(?i)([\s,](?:response|cnonce)[ \t]*=[ \t]*)(["']?)(?!\*\*\*)[^"',\s]+\2""")


def _digest_hashes(m: re.Match[str]) -> str:
    """A :data:`_DIGEST_LINE` match with every 'response' and 'cnonce' value in it masked."""
    return _DIGEST_HASH.sub(lambda h: f"{h.group(1)}{h.group(2)}{REDACTED}{h.group(2)}", m.group(0))


def _header_pair(m: re.Match[str]) -> str:
    """As :func:`_pair`, for 'Name: value' written unquoted: only a value that looks like a
    credential ('X-Api-Key: sk_live_51H...'; not an error's 'X-Api-Key: environment variable ...')."""
    value = m.group(4)
    if value[:1] not in ("'", '"') and value != REDACTED and (
        not (_looks_like_credential(value) or value[:1].isalnum() and _password_signed(value) and (
            _is_password_name(m.group(2)) or "secret" in m.group(2).lower()))
        or store_note_at(value, m.string, m.end())
    ):
        return m.group(0)  # (after a password's name its signs count too: 'password:P@ssword')
    if m.group(2).lower() == "pass" and not _bare_pass_value(value):
        return m.group(0)  # ('Pass: 12/14', 'pass: 98.5%': a test run's count, no password)
    return _pair(m)


def _bare_pass_value(value: str) -> bool:
    """Whether the value after a bare 'pass:' is a password's: 6+ characters, no ticket, date or count."""
    word = value.strip("\"'")
    count = word.rstrip("%").replace(".", "").isdigit()
    return len(word) >= 6 and _NO_CREDENTIAL.fullmatch(word) is None and not count


_DIGEST_PARAM = _lazy(r"([A-Za-z][\w-]{0,40}[ \t]*=[ \t]*)([\"']?)(.*?)\2", re.DOTALL)
_DIGEST_SECRETS = frozenset(("response", "cnonce"))


def digest_param(scheme: str, param: str) -> str | None:
    """The first parameter after HTTP Digest's scheme word as shown: a ``name=value`` pair stays but for
    the hashes ('username="bob"' as written, 'response="***"', 'cnonce="***"'); None when ``scheme`` is
    no Digest or ``param`` no pair (the credential rules apply)."""
    if scheme.lower() != "digest" or "=" not in param:
        return None
    m = _DIGEST_PARAM.fullmatch(param)
    if m is None:
        return None
    name = m.group(1).rstrip(" \t=").lower()
    return f"{m.group(1)}{m.group(2)}{REDACTED}{m.group(2)}" if name in _DIGEST_SECRETS else param


def _auth_soft(m: re.Match[str]) -> str:
    """An :data:`AUTH_IN_TEXT` match with its credential masked: after a known scheme word (or any
    word that is no credential itself, 'GenieKey') the word after it; else the first word when it
    looks like a credential ('Authorization: pending from legal' stays)."""
    first, space, second = m.group(2), m.group(3) or "", m.group(4)
    if first == REDACTED or second == REDACTED or auth_placeholder(m):
        return m.group(0)
    if second and (kept := digest_param(first, second)) is not None:
        return f"{m.group(1)}{first}{space}{kept}"  # ('Digest username="bob", ...': the hashes go later)
    if first.lower() in AUTH_SCHEMES or (first.isalpha() and second and _looks_like_credential(second)):
        return f"{m.group(1)}{first}{space}{REDACTED}" if second else m.group(0)
    if _looks_like_credential(first):
        return f"{m.group(1)}{REDACTED}{space}{second or ''}"
    return m.group(0)


def auth_placeholder(m: re.Match[str]) -> bool:
    """Whether an :data:`AUTH_IN_TEXT` match's credential is a placeholder or a reference, kept as written
    ('Authorization: Bearer <token>', 'Authorization: Bearer ${TOKEN}', 'Authorization: ${AUTH}')."""
    if m.group(2) == REDACTED or m.group(4) == REDACTED:
        return False  # (a mask is no placeholder: the evidence's stricter rule masks the word after it)
    i = m.start(4) if m.group(4) else m.start(2)
    return placeholder_at(m.string, i) or (m.group(4) is not None and placeholder_at(m.string, m.start(2)))


def _looks_like_credential(word: str) -> bool:
    if _NO_CREDENTIAL.fullmatch(word.strip("\"'`*_()[],;.")):
        return False  # ('Authorization: INC-42 sign-off', 'token: 2025-10-10 14:00 deadline')
    return len(word) >= 20 or _CREDENTIAL_SIGN.search(word) is not None


# ServiceNow's record numbers have no hyphen: a table prefix and seven digits or more (INC0012345,
# CHG0034567, RITM0010042); only these prefixes, so that 'ABC1234567' or a part number stays text.
# (Defined here, below occ_lib._extract, which reads tickets with it.)
SERVICENOW_TICKET = r"(?:INC|CHG|PRB|RITM|REQ|SCTASK|CTASK|PTASK|TASK|CS)[0-9]{7,10}(?![\w-])"
# what a credential-looking word may be and is not: a ticket, a date, a time or a timestamp
_NO_CREDENTIAL = _lazy(
    r"[A-Z][A-Z0-9]*(?:-[A-Z][A-Z0-9]*)*-\d{1,7}|" + SERVICENOW_TICKET
    + r"|\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
    r"|\d{1,2}:\d{2}(?::\d{2})?(?:Z|(?i:[ap]m))?|\d{1,2}/\d{1,2}(?:/\d{2,4})?|\d{1,2}(?i:[ap]m)|[vV]?\d+(?:\.\d+){1,3}"
    # (tickets in capitals only: 'Tr0ub4dor-77' is a password)
)


_FIELD_NAME = _lazy(r"[A-Za-z][A-Za-z0-9_.\- ]{0,40}")


def is_secret_field(name: str, column: bool = False) -> bool:
    """Whether a field written apart from its value (a table's row, '| DB_PASSWORD |') names a
    secret; a column's header (``column``) only when the secret is its last word ('Temp password',
    'API key'; not 'Password expires', whose cells are dates)."""
    key = name.strip(" *_`'\"")
    if _FIELD_NAME.fullmatch(key) is None or not is_secret_part_name(key):
        return False
    if not column:
        return True
    parts = _NAME_PARTS.findall(key)
    last = parts[-1].lower()
    if last == "key":  # ('API key', 'Access key'; a key/value table's 'Key' names the row)
        return len(parts) > 1
    return last in _SECRET_COLUMN or any(w in last for w in _SECRET_INSIDE)


# the last word of a column header that names a secret ('Temp password', 'Token', 'Session cookie')
_SECRET_COLUMN = frozenset((
    "token", "tokens", "secret", "secrets", "password", "passwords", "passwd", "pwd", "apikey",
    "credential", "credentials", "jwt", "otp", "cookie", "bearer",
))


def redact_mapping(value: Any, name: str = "") -> Any:
    """``value`` (front matter, a JSON object: dicts, lists, scalars) with every value under a
    secret's name masked and every string redacted as text (:func:`redact_text`)."""
    if isinstance(value, dict):  # (a key that is a credential goes too: 'ghp_...: x', a token as a key)
        return {(redact_text(k) if isinstance(k, str) and len(k) >= 12 else k): redact_mapping(v, str(k))
                for k, v in value.items()}
    if isinstance(value, list):
        return [redact_mapping(v, name) for v in value]
    if name and isinstance(value, str | int) and not isinstance(value, bool) and is_secret_field(name):
        value = redact_field(name, str(value)) if isinstance(value, str) else (
            REDACTED if _looks_like_credential(str(value)) else value)
    return redact_text(value) if isinstance(value, str) else value


def redact_field(name: str, value: str, column: bool = False) -> str:
    """``value`` of a key/value pair written apart (a two-column table's row, '| DB_PASSWORD |
    Hunter2pg |'): masked when ``name`` is a secret's and ``value`` looks like a credential ('|
    Token | rotated |' stays); in a column named for a secret (``column``), only a one-word value
    ('| Credentials | OCC-INF-221 pending infra delivery |' is a note about them)."""
    word = value.strip()
    if not word or (column and (" " in word or "\t" in word)) or not is_secret_field(name, column):
        return value
    if placeholder_value(word):
        return value  # ('| DB_PASSWORD | ${DB_PASS} |', '| password | <redacted> |': a reference, no secret)
    if " " not in word and "\t" not in word:
        return REDACTED if _looks_like_credential(word) else value
    if not column and _is_password_name(name) and _spaced_password(word):
        return REDACTED  # ('| DB_PASSWORD | Hunter 2pg |': a password with a space, no note)
    # a note with a credential in it ('Hunter2pg9 (rotated Fri)'): only that word goes; its tickets,
    # dates and times stay ('| Shopify API token | expires 2025-10-12 09:00 UTC |')
    return _STRONG_WORD.sub(lambda m: REDACTED if _strong_credential(m.group(0)) else m.group(0), value)


_SHORT_VERSION = _lazy(r"[vV]\d{1,3}")
# a short word that mixes letters and digits and is no password's part: a count's unit, an ordinal, a
# quarter, a factor ('3d', '10min', '2nd', 'Q3', '2x', '2fa', '5GHz')
_UNIT_WORD = _lazy(
    r"(?i)\d+(?:st|nd|rd|th|x|k|[kmgt]b|[kmg]hz|ms|s|m|h|d|w|y|mo|min|mins|sec|secs|hrs?|days?|wks?|fa)|q[1-4]"
    r"|[a-z]\d{0,2}"  # (a grid's or a floor's: 'B2', 'q' alone)
)
# prose words of a note about a password, not a password's words ('rotated Fri', 'in 1password', 'every 90d')
_NOTE_WORDS = frozenset((
    "a", "an", "the", "in", "at", "on", "to", "via", "from", "by", "of", "for", "with", "and", "or", "no",
    "not", "see", "ask", "use", "per", "every", "each", "until", "since", "after", "before", "set", "reset",
    "rotate", "rotated", "rotating", "expire", "expires", "expired", "changed", "pending", "stored", "moved",
    "updated", "check", "none", "tbd", "todo", "vault", "sent", "shared", "old", "new", "was", "is",
))


# a password manager's name, where a note says a password is kept ('in 1password', '1Password vault')
_STORE_NAMES = frozenset(("1password",))


def store_name(word: str) -> bool:
    """Whether ``word`` is a password manager's name (:data:`_STORE_NAMES`, any case, "1Password's")."""
    w = word.strip(".,;:()!?*_'\"`").lower()
    return w.removesuffix("'s").removesuffix("\u2019s") in _STORE_NAMES


def store_note_at(word: str, text: str, end: int) -> bool:
    """Whether ``word`` (ending at ``text[end]``) is a password manager's name that a word follows: a note
    of where the password is kept ('password: 1Password vault'), no password (``1Password`` alone is one)."""
    return store_name(word) and re.match(r"[ \t]+[A-Za-z]", text[end:end + 2]) is not None


def password_part(word: str) -> bool:
    """Whether a short word after a password's value (or beside one in a cell) is a part of it: it mixes
    letters and digits or holds a symbol inside ('2pg', 'P@ss'); no unit, ordinal, quarter, version,
    ticket, date, time or password manager ('2fa', '3d', 'Q3', 'v2', 'OPS-12', '1password')."""
    w = word.strip(".,;:()!?")
    if not w or store_name(w) or _NO_CREDENTIAL.fullmatch(w) or _SHORT_VERSION.fullmatch(w) or (
        _UNIT_WORD.fullmatch(w)
    ):
        return False
    mixed = any(c.isdigit() for c in w) and any(c.isalpha() for c in w)
    return mixed or _PASSWORD_SIGN.search(w) is not None


def _spaced_password(value: str) -> bool:
    """Whether a password's value written apart with a space in it is the password: 2 or 3 words, one
    mixing letters and digits or holding a symbol, none a word of prose in small letters, a ticket, a
    date, a time or a version ('Hunter 2pg'; not 'rotated v2', 'see OPS-12', 'expires 2025-10-12')."""
    words = value.split()
    if len(words) > 3:
        return False
    for w in words:
        w = w.strip(".,;:()!?")
        if _NO_CREDENTIAL.fullmatch(w) or _SHORT_VERSION.fullmatch(w) or w.lower() in _NOTE_WORDS:
            return False
    # (words in small letters are a password's too, 'hunter 2pg', beside a part that mixes letters and
    # digits or holds a symbol; a note's words are none: 'rotated 2x', 'in 1password', 'every 90d')
    if any(password_part(w) for w in words):
        return True
    # (as :data:`_SPACED_PHRASE` reads one: words whose last alone is digits, 'TBL pw 33', 'Hunter 2'; not a
    # count or a setting, 'min length 12', 'expires in 90', 'rotated 3')
    bare = [w.strip(".,;:()!?") for w in words]
    return len(bare) >= 2 and bare[-1].isdigit() and not any(w.isdigit() for w in bare[:-1]) and not any(
        w.lower() in _PHRASE_STOP or w.lower() in _COUNT_WORDS or _UNIT_WORD.fullmatch(w) and not w.isdigit()
        or store_name(w) or placeholder_value(w) for w in bare)


# a setting's or a count's words beside digits in a password's cell, no password's ('| password | min length
# 12 |')
_COUNT_WORDS = frozenset((
    "length", "len", "chars", "characters", "char", "min", "max", "minimum", "maximum", "size", "age",
    "count",
    "ttl", "days", "hours", "minutes", "weeks", "months", "years", "port", "policy", "level", "tier", "step",
    "attempt", "attempts", "tries", "retries", "history", "expiry", "lockout", "rule", "rules", "version",
))


def value_column(headers: list[str]) -> int | None:
    """The column of a table that holds the values of the names in its first: the second of two, else
    the first after it headed 'Value' ('| Secret | Value | Owner |', '| Variable | Current value |
    Owner |'); None when there is none."""
    if len(headers) == 2:
        return 1
    for j, h in enumerate(headers[1:], 1):
        words = h.strip(" *_`").lower().split()
        if words and words[-1] in ("value", "values"):
            return j
    return None


def redact_row(
    cells: list[str], headers: list[str], secret_cols: list[int], value_col: int | None
) -> list[str]:
    """A table row's cells with its secrets masked: the value's cell (``value_col``) of a row whose
    first cell names a secret ('| DB_PASSWORD | Hunter2pg | SEC-110 |'), and the one-word cells of
    the columns named for a secret (``secret_cols``, :func:`is_secret_field` of their header) - except
    that first cell when its value was masked: it is the secret's name ('| Secret | Value |' tables)."""
    out = list(cells)
    named = False
    if value_col is not None and value_col < len(out) and out[value_col]:
        masked = redact_field(out[0], out[value_col])
        if masked == out[value_col] and value_col > 1:  # ('| 10:00 | OPS-1 | api_key | X |': a Key's column)
            masked = redact_field(out[value_col - 1], out[value_col])
        named, out[value_col] = masked != out[value_col], masked
    for j in secret_cols:
        if not (named and j == 0):
            out[j] = redact_field(headers[j], out[j], column=True)
    if value_col is not None and value_col < len(out) and "/" in out[value_col] and _WIFI_FIELD.fullmatch(
        out[0].strip(" *_`")
    ):  # ('| wifi | Guest / Welcome2025! |': the network stays, its password goes)
        out[value_col] = _CODE_SECRET.sub(_code_secret, "wifi: " + out[value_col])[len("wifi: "):]
    for j, c in enumerate(out):  # ('| Password=Hunter 2pg |': the cell ends the value, spaces and all)
        if "=" in c and (" " in c or "\t" in c) and _CELL_PASSWORD_HINT.search(c) is not None:
            out[j] = _CELL_PASSWORD.sub(lambda m: m.group(1) + REDACTED, c)
    return out


_WIFI_FIELD = _lazy(
    r"(?i)(?:guest[ \t]+)?(?:wi-?fi|wlan|ssid)(?:[ \t]+(?:network|creds|credentials|login|access))?"
)
_CELL_PASSWORD_HINT = _lazy(r"(?i)pass|pwd")
_CELL_PASSWORD = _lazy(
    r"(?i)^([ \t]*[\w.-]{0,40}(?:password|passwd|passphrase|pwd)[ \t]*=[ \t]*)(?![\"'`{$]|\*\*\*$)"
    r"(?=[^ \t]*[ \t]+[^ \t])[^\n]*?(?=[ \t]*$)"
)


_STRONG_WORD = _lazy(r"[^\s()\[\]{},;|`'\"]+")
_ENV_NAME = _lazy(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+")


def _strong_credential(word: str) -> bool:
    """A word of prose that is a credential: 8+ characters with letters and digits mixed (or 20+),
    not a ticket, date, time, version, variable name, path or @mention."""
    w = word.strip(".:*_")
    if len(w) < 8 or w.startswith("@") or "/" in w or _NO_CREDENTIAL.fullmatch(w) or _ENV_NAME.fullmatch(w):
        return False
    if store_name(w):
        return False  # ('in 1password': a password manager's name)
    has_digit = any(c.isdigit() for c in w)
    has_alpha = any(c.isalpha() for c in w)
    return len(w) >= 20 or (has_digit and has_alpha)


def redact_pairs(text: str) -> str:
    """``text`` with the secrets written as name and value masked (see above); each pattern runs
    only where the characters it needs are there (log items are many, secrets in them rare)."""
    if "${" in text:  # ('DB_PASS=${DB_PASS:-hunter2}': the reference with its default goes whole)
        text = secret_defaults(text)
    low = gate_text(text).lower()  # (the case-blind patterns' names in any case: 'aUtHoRiZaTiOn', 'CoOkIe')
    if "uthorization" in low:
        if "'" in text or '"' in text:  # ("'Authorization: ApiKey ab12\n  cd34'": one credential)
            text = _QUOTED_AUTH_WRAPPED.sub(_quoted_auth_wrapped, text)
        text = AUTH_IN_TEXT.sub(_auth_soft, text)
    if "igest" in low and ("esponse" in low or "nonce" in low):
        text = _DIGEST_LINE.sub(_digest_hashes, text)
    if "ookie" in low:
        text = _COOKIE_VALUE.sub(lambda m: f"{m.group(1)}{REDACTED}", text)
    if "=" in text:
        if ('"' in text or "'" in text) and _QUOTED_ARG_PAIR.search(text) is not None:
            text = _QUOTED_ARG_PAIR.sub(_quoted_arg_pair, text)  # ('--set "db.password=Hunter 2pg"')
        if ";" in text and _CONN_PASSWORD_HINT.search(text) is not None:  # ('Server=db;Password=Pw 2;')
            text = _CONN_PASSWORD.sub(_conn_password, text)
            text = _CONN_PASSWORD_FIRST.sub(_conn_password, text)  # ('Password=Pw 2;Server=db')
        if "value" in low or "content" in low:  # ('<add key="ApiKey" value="X"/>')
            text = _KEY_VALUE_ATTRS.sub(_key_value_attrs, text)
        if spaced_rest_hint(text):  # ('Password=Hunter 2pg': the short word after is the password's rest)
            text = _SPACED_REST.sub(_spaced_rest, text)
        text = _pairs_eq(text)
    if ":" in text:
        if "=" not in text and spaced_rest_hint(text):  # ('password: hunter 2pg')
            text = _SPACED_REST.sub(_spaced_rest, text)
        if '"' in text or "'" in text:
            text = _PAIR_QUOTED.sub(_pair, text)
        if _header_colon(text) or _strong_colon(low):
            text = _PAIR_COLON.sub(_header_pair, text)
    return text


def _credential(m: re.Match[str]) -> str:
    """``Bearer ***`` for a match of :data:`_BEARER`; after basic/token only a word that looks like a
    credential (prose says 'the token rotation completed', 'Basic authentication enabled')."""
    word, tick = m.group("word"), m.group(4) or ""
    opening, closing = (tick, tick) if not m.group("par") else ("(", ")")
    opening = m.group("open") or opening
    if _NO_CREDENTIAL.fullmatch(word.strip("._-!?*")) or m.string.startswith(":", m.end("word")) and (
        m.string[m.end("word") + 1:m.end("word") + 2].isdigit()
    ):
        return m.group(0)  # ('token OCC-INF-221 pending', 'password 2025-10-10 rotation', '...T14:00Z')
    if m.string.startswith(":", m.end("word")) and _YAML_KEY.fullmatch(word) and (
        m.string[m.end("word") + 1:m.end("word") + 2] in ("", " ", "\t", "\n", "\r")
    ):
        return m.group(0)  # ('kind: Secret\nstringData:', 'the secret: apiVersion: v1': a manifest's key)
    if placeholder_value(word) or placeholder_at(m.string, m.start("word")):
        return m.group(0)  # ('password is $DB_PASS', 'password: %DB_PASS%': a reference)
    if store_note_at(word, m.string, m.end("word")):
        return m.group(0)  # ('password: 1Password vault': where it is kept)
    if word[:1] in "/~." and m.group(1).lower() == "pwd":
        return m.group(0)  # ('pwd /srv/app01': the shell's builtin and the folder it printed)
    if m.group(1).lower() == "bearer" or len(word) >= 20 or _CREDENTIAL_SIGN.search(word) or (
        m.group("pw") and _password_signed(word)
    ):
        return f"{m.group(1)}{m.group(3)}{opening}{_label_kept(word)}{closing}"
    return m.group(0)


# a camelCase key of a pasted manifest ('stringData', 'apiVersion'), no credential when a ':' ends it
_YAML_KEY = _lazy(r"[a-z]+(?:[A-Z][a-z]+)+")


def _label_kept(value: str) -> str:
    """The mask of a secret's ``value`` written after a space: a label that opens it stays and only
    what follows it goes ('token: key=SECRET' -> 'token: key=***'), as a label after an empty value
    does (:data:`LABEL`); a value without one goes whole."""
    m = _VALUE_LABEL.match(value)
    if m is None or m.end() == len(value):
        return REDACTED
    return value[:m.end()] + REDACTED


# a label that opens a secret's value (_label_kept): a word of letters, two or more ('key=', 'api_key=';
# not a password's own 'P=' or 'Pass1=' - what stays of a secret must be no part of it)
_VALUE_LABEL = _lazy(r"[A-Za-z_][A-Za-z_.-]*[A-Za-z_]=(?![=>])")


def _label_before_quote(value: str, after: str) -> bool:
    """Whether ``value`` is a label whose quoted value follows (``after``: 'token: key="X"'), or one whose
    value is masked already ('token: key=***'): the pair is its own, masked by its own rule."""
    m = _VALUE_LABEL.match(value)
    if m is None:
        return False
    rest = value[m.end():]
    return (not rest and after[:1] in ("'", '"')) or rest == REDACTED
