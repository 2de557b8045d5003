"""The ``probes:`` section of ``occ.yml``: defaults plus the targets to probe.

Keys are the portable ones from the issue (``name, url, method, expect, degraded_ms, timeout_s,
follow_redirects, headers, tags``). A target inherits every key it does not set from ``defaults``;
``headers`` and ``tags`` are merged (the target wins).

Header values may reference environment variables as ``${NAME}`` (secrets stay in the environment)
or ``${NAME:-fallback}`` (fallback used when NAME is unset, e.g. ``${TOKEN:-}`` for "no token").
They are resolved while validating, kept as ``SecretStr`` and never shown by ``repr``/``str`` or
any error; an unset variable without fallback is a ``ConfigError`` naming the file and the key path
(``probes.targets[1].headers.Authorization``). Values are sent without the spaces around them; a
header whose value is empty after resolution, or
only an ``Authorization`` scheme word left by a reference that gave nothing (``Bearer ${TOKEN:-}``
with TOKEN unset or empty), is not sent: the request goes without it (such a header of a target
still overrides the defaults' header of that name). URLs and tags are shown redacted in ``repr``, dumps
and iteration (``dict(target)``); the fields themselves hold them as written (the probe's URL, the
tags ``--tag`` selects by), ``display_url``/``display_tags`` as stored.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from typing import Annotated, Any, Literal
from urllib.parse import parse_qsl, urlsplit

from pydantic import BeforeValidator, Field, SecretStr, field_serializer, field_validator, model_validator

from .config import StrictModel
from .errors import ProbeError, no_target_named
from .redact import AUTH_SCHEMES, is_secret_name, redact_mapping, redact_text, redact_url

_ENV_REF = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}")
_RANGE = re.compile(r"^([1-5])xx$", re.IGNORECASE)
_SPAN = re.compile(r"^(\d{3})\s*-\s*(\d{3})$")
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]*$")
_SPACE = re.compile(r"\s")  # (what str.isspace() is true for, found in one C pass: 1000 targets validate)


def _resolve_env(value: Any) -> Any:
    """Replace ``${NAME}`` / ``${NAME:-fallback}`` with the environment's value; a value left with
    only a scheme word by one that gave nothing (``Bearer ${TOKEN:-}``) becomes empty: no header."""
    if not isinstance(value, str):
        return value
    gave_nothing = False

    def repl(m: re.Match[str]) -> str:
        nonlocal gave_nothing
        name, fallback = m.group(1), m.group(2)
        got = os.environ.get(name)
        if got is None:
            if fallback is None:
                raise ValueError(f"environment variable {name} is not set")
            got = fallback
        gave_nothing = gave_nothing or not got.strip()
        return got

    out = _ENV_REF.sub(repl, value)
    return "" if gave_nothing and out.strip().lower() in AUTH_SCHEMES else out


#: A header value after ``${NAME}`` resolution; secret from then on.
HeaderValue = Annotated[SecretStr, BeforeValidator(_resolve_env)]
Method = Literal["HEAD", "GET"]


def in_ranges(status: int, ranges: Iterable[tuple[int, int]]) -> bool:
    """Whether ``status`` falls in one of ``ranges`` (:func:`parse_expect`'s)."""
    return any(lo <= status <= hi for lo, hi in ranges)


_STATUS_EXPECTED = "expected a status code, a class like '2xx' or a range like '200-299'"


def _status_range(item: int | str) -> tuple[int, int]:
    """One ``expect`` entry as ``(lo, hi)``; the ``ValueError`` never repeats the entry (config
    errors echo no value: the key path, ``expect[1]``, says which one)."""
    if isinstance(item, bool):
        raise ValueError(_STATUS_EXPECTED)
    if isinstance(item, int):
        lo = hi = item
    else:
        s = str(item).strip()
        if s.isdigit():
            lo = hi = int(s)
        elif m := _RANGE.match(s):
            lo, hi = int(m.group(1)) * 100, int(m.group(1)) * 100 + 99
        elif m := _SPAN.match(s):
            lo, hi = int(m.group(1)), int(m.group(2))
        else:
            raise ValueError(_STATUS_EXPECTED)
    if not (100 <= lo <= hi <= 599):
        raise ValueError("a status is within 100-599 (and a range runs from low to high)")
    return lo, hi


def parse_expect(items: Iterable[int | str]) -> tuple[tuple[int, int], ...]:
    """``[200, "2xx", "300-302"]`` -> ``((200, 200), (200, 299), (300, 302))``; ValueError if bad."""
    out = tuple(_status_range(item) for item in items)
    if not out:
        raise ValueError("expect at least one status")
    return out


def _one_status(item: Any) -> Any:
    _status_range(item)
    return item


def _one_or_many(v: Any) -> Any:
    return [v] if isinstance(v, (int, str)) else v


#: Checked entry by entry, so that an error's key path names the entry (``expect[1]``), not its value.
Expect = Annotated[list[Annotated[int | str, BeforeValidator(_one_status)]], BeforeValidator(_one_or_many)]


def _upper(v: Any) -> Any:
    return v.upper() if isinstance(v, str) else v


class Defaults(StrictModel):
    """Keys every target inherits unless it sets them."""

    method: Annotated[Method, BeforeValidator(_upper)] = "HEAD"
    timeout_s: float = Field(10.0, gt=0)
    expect: Expect = Field(default_factory=lambda: ["2xx"])
    degraded_ms: float = Field(800.0, gt=0)
    follow_redirects: bool = False
    headers: dict[str, HeaderValue] = Field(default_factory=dict)
    tags: dict[str, str] = Field(default_factory=dict)

    @field_validator("expect")
    @classmethod
    def _expect(cls, v: list[int | str]) -> list[int | str]:
        parse_expect(v)
        return v

    @field_serializer("tags")
    def _dump_tags(self, v: dict[str, str]) -> dict[str, str]:
        return redact_mapping(v)  # (a tag may link a dashboard by a URL with its token: '?auth_token=')

    @property
    def display_tags(self) -> dict[str, str]:
        """The tags as stored and shown: values redacted as any text (a URL's token, a credential's
        form) and masked under a secret's name; :attr:`tags` keeps them as written, for selecting."""
        return redact_mapping(self.tags)

    def _shown(self, key: str, value: Any) -> Any:
        """A field's value as ``repr``, iteration and dumps show it: the URL and the tags redacted."""
        if key == "url":
            return redact_url(value)
        return redact_mapping(value) if key == "tags" else value

    def __repr_args__(self):  # type: ignore[override]
        for k, v in super().__repr_args__():
            yield k, self._shown(k, v)

    def __iter__(self):  # type: ignore[override]
        # ('dict(target)', 'pd.DataFrame([dict(t) for t in targets])': as repr shows it, never the
        # URL's token; the probe reads the fields themselves)
        for k, v in super().__iter__():
            yield k, self._shown(k, v)


class Target(Defaults):
    """One endpoint to probe. Built directly (tests, notebooks) it uses the built-in defaults."""

    name: str
    url: str

    @field_validator("name")
    @classmethod
    def _name(cls, v: str) -> str:
        if not _NAME.match(v):
            raise ValueError("use letters, digits and . _ : - (no spaces), starting with a letter or digit")
        return v

    @field_validator("url")
    @classmethod
    def _url(cls, v: str) -> str:
        # The message never contains the URL: it may carry a token or a password.
        try:
            parts = urlsplit(v)
            host = parts.hostname
            _ = parts.port
        except ValueError:
            raise ValueError("not a valid URL") from None
        if parts.scheme not in ("http", "https") or not host:
            raise ValueError("expected an http:// or https:// URL with a host")
        if _SPACE.search(v):
            raise ValueError("a URL has no spaces (write %20)")
        return v

    @field_serializer("url")
    def _dump_url(self, v: str) -> str:
        return redact_url(v)  # dumps (JSON, notebooks) never carry the token or password

    @property
    def display_url(self) -> str:
        """The URL with userinfo and secret query values replaced by ``***``."""
        return redact_url(self.url)

    def expects(self, status: int) -> bool:
        """True when ``status`` is one of the expected statuses."""
        return in_ranges(status, parse_expect(self.expect))

    def header_values(self) -> dict[str, str]:
        """The resolved headers to send, for the request only: never log or store them. Values lose
        the spaces around them (HTTP refuses them: ``X: a ${EMPTY}``); an empty one is left out
        (``${TOKEN:-}`` means "no token", not a header HTTP refuses)."""
        values = {k: v.get_secret_value().strip() for k, v in self.headers.items()}
        return {k: v for k, v in values.items() if v}

    def secrets(self) -> list[str]:
        """Every secret string of this target (header values, URL password and secret query values,
        and what the shown URL masks of its path and fragment: :func:`_masked_in_path`)."""
        out = [v.get_secret_value() for v in self.headers.values()]
        parts = urlsplit(self.url)
        if parts.username:
            out.append(parts.username)
        if parts.password:
            out.append(parts.password)
        out += [val for key, val in parse_qsl(parts.query, keep_blank_values=False) if is_secret_name(key)]
        out += _masked_in_path(self.url, self.display_url)
        # Longest first, so that replacing one never leaves a tail of another; tiny strings are noise.
        return sorted({s for s in out if len(s) >= 3}, key=len, reverse=True)


def _masked_in_path(url: str, shown: str) -> list[str]:
    """What :func:`~occ_lib.redact.redact_url` masked in ``url``'s path and fragment (a webhook's key,
    ``/hooks/<key>``, a bot's token, ``#access_token=...``): secrets the probe blanks should a server
    echo one, as it blanks the query's. Read off the shown URL, so every path rule counts here too."""
    if "***" not in shown:
        return []
    a, b = urlsplit(url), urlsplit(shown)
    raw, masked = f"{a.path}#{a.fragment}", f"{b.path}#{b.fragment}"
    if "***" not in masked or raw == masked:
        return []
    pattern = "^" + "(.+?)".join(re.escape(piece) for piece in masked.split("***")) + "$"
    m = re.match(pattern, raw, re.DOTALL)
    found = [g for g in m.groups() if g != "***"] if m else []
    # (and each segment of a masked run of them, Slack's 'T0../B0../<key>': a server may echo its key alone)
    return found + [part for g in found if "/" in g for part in g.split("/")]


class ProbesConfig(StrictModel):
    """The validated ``probes:`` section; ``targets`` come back with the defaults applied."""

    defaults: Defaults = Field(default_factory=Defaults)
    targets: list[Target] = Field(default_factory=list)

    @field_validator("targets")
    @classmethod
    def _unique(cls, v: list[Target]) -> list[Target]:
        seen: dict[str, int] = {}
        for i, t in enumerate(v):
            if t.name in seen:  # (by position: an error echoes no value)
                raise ValueError(f"targets[{i}].name repeats targets[{seen[t.name]}].name")
            seen[t.name] = i
        return v

    @model_validator(mode="after")
    def _apply_defaults(self) -> ProbesConfig:
        merged = [_inherit(t, self.defaults) for t in self.targets]
        object.__setattr__(self, "targets", merged)
        return self


def _inherit(target: Target, defaults: Defaults) -> Target:
    update: dict[str, Any] = {}
    for key in Defaults.model_fields:
        if key in ("headers", "tags"):
            continue
        if key not in target.model_fields_set:
            update[key] = getattr(defaults, key)
    own = {h.lower() for h in target.headers}
    headers = {k: v for k, v in defaults.headers.items() if k.lower() not in own}
    headers.update(target.headers)
    update["headers"] = headers
    update["tags"] = {**defaults.tags, **target.tags}
    return target.model_copy(update=update)


def select_targets(
    cfg: ProbesConfig, names: Iterable[str] | None = None, tags: Mapping[str, str] | None = None
) -> list[Target]:
    """Targets named in ``names`` (all when empty) whose tags include every ``tags`` pair.

    An unknown name, or a selection that matches nothing, is a ``ProbeError`` (nothing to run).
    """
    chosen = list(cfg.targets)
    wanted = list(names or [])
    if wanted:
        by_name = {t.name: t for t in chosen}
        unknown = [n for n in wanted if n not in by_name]
        if unknown:
            known = sorted(by_name)
            # (a thousand targets are not listed; the one meant is named first when it is close)
            raise ProbeError(redact_text(no_target_named(unknown, known)))
        chosen = [by_name[n] for n in dict.fromkeys(wanted)]
    if tags:
        chosen = [t for t in chosen if all(t.tags.get(k) == v for k, v in tags.items())]
    if not chosen:
        what = " and ".join(f"{k}={v}" for k, v in (tags or {}).items())
        raise ProbeError(f"no probe target matches {what}" if what else "no probe targets configured")
    return chosen
