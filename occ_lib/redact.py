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
    """Redact every URL found in free text, and ``Bearer <token>`` style credentials."""
    text = _URL_IN_TEXT.sub(lambda m: redact_url(m.group(0)), text)
    return _BEARER.sub(_credential, text)


def _credential(m: re.Match[str]) -> str:
    """``Bearer ***`` for a match of :data:`_BEARER`; after basic/token only a word that looks like a
    credential (prose says 'the token rotation completed', 'Basic authentication enabled')."""
    word = m.group(2)
    if m.group(1).lower() == "bearer" or len(word) >= 20 or _CREDENTIAL_SIGN.search(word):
        return f"{m.group(1)} {REDACTED}"
    return m.group(0)
