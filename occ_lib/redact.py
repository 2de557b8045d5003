"""Secret redaction, shared by the log parser, the probe runner, the store and every error message.

Rules: userinfo (``user:pass@``) is replaced by ``***@``; the value of a query parameter whose name
contains a secret-like word (token, key, secret, signature, sig, password, pass, pwd, auth, code,
credential, session, jwt, bearer, cookie) becomes ``***``; header values are never kept at all, only
names. In free text (:func:`redact_text`) the word after ``Bearer`` is a credential when it has 8+
token characters; after ``Basic`` or ``token`` only when it also looks like one: it has a digit, one
of ``. _ ~ + / =``, an upper-case letter after a lower-case one (base64) or 20+ characters ("the
token rotation completed", "Basic authentication enabled" stay as written).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

REDACTED = "***"

_SECRET_WORDS = (
    "token", "key", "secret", "signature", "sig", "password", "passwd", "pass", "pwd",
    "auth", "code", "credential", "session", "jwt", "bearer", "apikey", "access", "cookie",
)
_SECRET_NAME = re.compile("|".join(_SECRET_WORDS), re.IGNORECASE)
_QUERY_PAIR = re.compile(r"([^&=;]+)(=)([^&;]*)")
_URL_IN_TEXT = re.compile(r"\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\s<>\"'`)\]]+")
_BEARER = re.compile(r"(?i)\b(bearer|basic|token)\s+([A-Za-z0-9._~+/=-]{8,})")
_CREDENTIAL_SIGN = re.compile(r"[0-9._~+/=]|[a-z][A-Z]")  # (a digit, a token character, base64's case mix)


def is_secret_name(name: str) -> bool:
    """True when a query parameter or header name suggests its value is a secret."""
    return bool(_SECRET_NAME.search(name))


def redact_url(url: str) -> str:
    """Return ``url`` with userinfo and secret query values replaced by ``***``.

    Never raises: a string that is not a URL comes back with only the query rules applied.
    """
    try:
        parts = urlsplit(url)
    except ValueError:
        return _redact_query(url)
    netloc = parts.netloc
    if "@" in netloc:
        netloc = REDACTED + "@" + netloc.rsplit("@", 1)[1]
    query = _redact_query(parts.query) if parts.query else parts.query
    fragment = _redact_query(parts.fragment) if "=" in parts.fragment else parts.fragment
    return urlunsplit((parts.scheme, netloc, parts.path, query, fragment))


def _redact_query(query: str) -> str:
    def repl(m: re.Match[str]) -> str:
        name = m.group(1)
        return f"{name}={REDACTED}" if is_secret_name(name) and m.group(3) else m.group(0)

    return _QUERY_PAIR.sub(repl, query)


def redact_text(text: str) -> str:
    """Redact every URL found in free text, ``Bearer <token>`` style credentials, and the secrets
    a pasted command or config shows (:func:`redact_pairs`)."""
    text = _URL_IN_TEXT.sub(lambda m: redact_url(m.group(0)), text)
    text = _BEARER.sub(_credential, text)
    return redact_pairs(text) if pair_hint(text) else text


# --- secrets written as a name and a value in free text: 'GH_TOKEN=ghp_...', 'routing_key=R02...',
# '-H "X-Api-Key: sk_live_..."', '{"password": "..."}', 'Authorization: GenieKey 4f2a...',
# "Cookie: session=abc123". The name says it: one of its parts (split at '_', '-', '.' and where a
# lower-case letter meets an upper-case one) is a secret word. A 'Name: value' pair counts only for
# a header- or variable-like name (with '-' or '_'), or Cookie/Set-Cookie/Authorization, and a value
# that looks like a credential (unless quoted), so that prose ('Token: rotated yesterday', 'Key
# updates: ...') and messages ('X-Api-Key: environment variable ... is not set') stay as written; a
# quoted name is JSON's.
TEXT_VALUE = r"""("[^"\n]*"|'[^'\n]*'|[^\s&;,'"`()\[\]{}]+)"""  # a value, quoted or a word
_PAIR_WORDS = re.compile("key|oken|ecret|pass|pwd|auth|ookie|ession|jwt|redential|sig|rivate")
_STRONG_NAMES = ("password", "passwd", "pwd", "secret", "token", "apikey")
_STRONG_CASED = re.compile("assw|ASSW|ecret|ECRET|oken|OKEN|pwd|PWD|pikey|piKey|PIKEY")


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
    if not ("=" in text or '":' in text or "':" in text or "uthoriz" in text or "UTHORIZ" in text
            or "ookie" in text or "OOKIE" in text or _HEADER_COLON.search(text) is not None):
        return ":" in text and _STRONG_CASED.search(text) is not None and _strong_colon(text.lower())
    return _PAIR_WORDS.search(text.lower()) is not None
_SECRET_PARTS = frozenset((
    "token", "secret", "secrets", "password", "passwd", "pwd", "pass", "apikey", "key", "auth",
    "authorization", "cookie", "session", "sessionid", "sid", "jwt", "credential", "credentials",
    "signature", "sig", "private", "bearer", "otp", "pat",
))
_NOT_SECRET_LAST = frozenset((
    "timeout", "count", "ttl", "length", "len", "size", "expiry", "expires", "expiration", "age",
    "limit", "type", "name", "url", "uri", "path", "file", "dir", "format", "version", "rate",
    "interval", "duration", "seconds", "secs", "ms", "max", "min", "enabled", "disabled", "mode",
    "header", "endpoint", "host", "port", "rotation", "policy", "store", "provider",
))
_SECRET_INSIDE = ("password", "passwd", "secret", "token", "apikey", "credential")
_NAME_PARTS = re.compile(r"[A-Z]?[a-z0-9]+|[A-Z0-9]+(?![a-z])")
_PAIR_COLON = re.compile(
    r"""(["']?)\b([A-Za-z][A-Za-z0-9]*(?:[_-][A-Za-z0-9]+)+|(?i:set-cookie|cookie|password|passwd|pwd|secret|token|apikey))"""
    r"""\1(\s*:\s*)("[^"\n]*"|'[^'\n]*'|[^\s"'`()\[\]{}]+)"""  # (a header's value may hold '&' or ';')
)
_PAIR_QUOTED = re.compile(r"""(["'])([A-Za-z][A-Za-z0-9_.-]*)\1(\s*:\s*)""" + TEXT_VALUE)  # (JSON)
_HEADER_COLON = re.compile(r"[_-][A-Za-z0-9]+[\"']?\s*:")  # (what _PAIR_COLON needs, found fast)
_COOKIE_VALUE = re.compile(r"""(?i)\b((?:set-)?cookie["']?\s*:\s*)([^"'\n)\]}]+)""")
# 'Authorization: ApiKey X': a known scheme word stays, the credential after it goes
AUTH_IN_TEXT = re.compile(
    r"""(?i)\b((?:proxy-)?authorization["']?\s*[:=]\s*["']?)([^\s"',;()\[\]{}]+)"""
    r"""(?:([ \t]+)([^\s"',;()\[\]{}]+))?"""
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
    if len(parts) > 1 and parts[-1] in _NOT_SECRET_LAST:
        return False  # ('session_timeout', 'token_count': about the secret, not it)
    low = name.lower()
    return any(w in low for w in _SECRET_INSIDE) or any(p in _SECRET_PARTS for p in parts)


def masked_value(name: str, sep: str, value: str) -> str:
    """``name sep ***`` keeping the value's quotes (``password="***"``, ``{"x-api-key": "***"}``)."""
    quote = value[0] if value[:1] in ("'", '"') else ""
    return f"{name}{sep}{quote}{REDACTED}{quote}"


_NAME_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-")
_EQ_VALUE = re.compile(r"\s*" + TEXT_VALUE)


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
        name = text[start:k].lstrip("-")  # ('--password=...': an option's dashes)
        if start > done and text[start - 1] in "?&;":  # (a URL's query: redact_url's business)
            i = text.find("=", i + 1)
            continue
        m = _EQ_VALUE.match(text, i + 1 + arrow)
        if name and name[0].isalpha() and m is not None and is_secret_part_name(name):
            value = m.group(1)
            q = value[0] if value[:1] in "\"'" else ""
            out.append(text[done:m.start(1)] + f"{q}{REDACTED}{q}")
            done = m.end()
        i = text.find("=", max(i + 1 + arrow, done))
    return "".join(out) + text[done:] if out else text


def _pair(m: re.Match[str]) -> str:
    if not is_secret_part_name(m.group(2)):
        return m.group(0)
    return masked_value(m.group(1) + m.group(2) + m.group(1), m.group(3), m.group(4))


def _header_pair(m: re.Match[str]) -> str:
    """As :func:`_pair`, for 'Name: value' written unquoted: only a value that looks like a
    credential ('X-Api-Key: sk_live_51H...'; not an error's 'X-Api-Key: environment variable ...')."""
    value = m.group(4)
    if value[:1] not in ("'", '"') and value != REDACTED and not _looks_like_credential(value):
        return m.group(0)
    return _pair(m)


def _auth_soft(m: re.Match[str]) -> str:
    """An :data:`AUTH_IN_TEXT` match with its credential masked: after a known scheme word (or any
    word that is no credential itself, 'GenieKey') the word after it; else the first word when it
    looks like a credential ('Authorization: pending from legal' stays)."""
    first, space, second = m.group(2), m.group(3) or "", m.group(4)
    if first == REDACTED or second == REDACTED:
        return m.group(0)
    if first.lower() in AUTH_SCHEMES or (first.isalpha() and second and _looks_like_credential(second)):
        return f"{m.group(1)}{first}{space}{REDACTED}" if second else m.group(0)
    if _looks_like_credential(first):
        return f"{m.group(1)}{REDACTED}{space}{second or ''}"
    return m.group(0)


def _looks_like_credential(word: str) -> bool:
    if _TICKETISH.fullmatch(word.strip("\"'")):
        return False  # ('Authorization: INC-42 sign-off from Dir. Ops': a ticket, no credential)
    return len(word) >= 20 or _CREDENTIAL_SIGN.search(word) is not None


# ServiceNow's record numbers have no hyphen: a table prefix and seven digits or more (INC0012345,
# CHG0034567, RITM0010042); only these prefixes, so that 'ABC1234567' or a part number stays text.
# (Defined here, below occ_lib._extract, which reads tickets with it.)
SERVICENOW_TICKET = r"(?:INC|CHG|PRB|RITM|REQ|SCTASK|CTASK|PTASK|TASK|CS)[0-9]{7,10}(?![\w-])"
_TICKETISH = re.compile(r"[A-Z][A-Z0-9]*(?:-[A-Z][A-Z0-9]*)*-\d{1,7}|" + SERVICENOW_TICKET)


_FIELD_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_.\- ]{0,40}")


def redact_field(name: str, value: str) -> str:
    """``value`` of a key/value pair written apart (a two-column table's row, '| DB_PASSWORD |
    Hunter2pg |'): masked when ``name`` is a secret's and ``value`` looks like a credential."""
    key = name.strip(" *_`'\"")
    if _FIELD_NAME.fullmatch(key) and value.strip() and is_secret_part_name(key) and (
        _looks_like_credential(value.strip())
    ):
        return REDACTED
    return value


def redact_pairs(text: str) -> str:
    """``text`` with the secrets written as name and value masked (see above); each pattern runs
    only where the characters it needs are there (log items are many, secrets in them rare)."""
    if "uthorization" in text or "UTHORIZATION" in text:
        text = AUTH_IN_TEXT.sub(_auth_soft, text)
    if "ookie" in text or "OOKIE" in text:
        text = _COOKIE_VALUE.sub(lambda m: f"{m.group(1)}{REDACTED}", text)
    if "=" in text:
        text = _pairs_eq(text)
    if ":" in text:
        if '"' in text or "'" in text:
            text = _PAIR_QUOTED.sub(_pair, text)
        if _HEADER_COLON.search(text) or _strong_colon(text.lower()):
            text = _PAIR_COLON.sub(_header_pair, text)
    return text


def _credential(m: re.Match[str]) -> str:
    """``Bearer ***`` for a match of :data:`_BEARER`; after basic/token only a word that looks like a
    credential (prose says 'the token rotation completed', 'Basic authentication enabled')."""
    word = m.group(2)
    if m.group(1).lower() == "bearer" or len(word) >= 20 or _CREDENTIAL_SIGN.search(word):
        return f"{m.group(1)} {REDACTED}"
    return m.group(0)
