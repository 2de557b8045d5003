"""Reading YAML config safely and turning pydantic errors into one-line ``ConfigError``s.

Each section of ``occ.yml`` has its own pydantic model in the module of its concept (``targets`` for
``probes:``, ``policy`` for ``sla:``, ``report`` for ``report:``); they all validate through
:func:`validate_section`, so every error names the file and the key path (``probes.targets[1].url``)
and never echoes the offending value (it may be a secret). A key written twice in one mapping is an error
naming its line, its key path and the first one's line (``occ.yml: line 8: probes: duplicate key (first at
line 2)``), every such key at once: YAML loaders otherwise keep the last, silently (:mod:`occ_lib._yaml`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from . import _yaml
from .errors import ConfigError

M = TypeVar("M", bound=BaseModel)

# libyaml's safe loader when PyYAML was built with it (10x faster on large target lists).
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class StrictModel(BaseModel):
    """Base for config models: unknown keys are errors, values are not coerced silently."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def read_yaml(path: str | Path) -> dict[str, Any]:
    """Parse a YAML mapping with the safe loader; errors name the file and line (and a duplicate key's
    path)."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ConfigError(p, "", "file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(p, "", f"cannot read: {exc.__class__.__name__}") from None
    try:
        data = _yaml.load(text, _SafeLoader)
    except _yaml.DuplicateKeys as exc:
        (line, reason), *more = exc.reasons()
        raise ConfigError(p, f"line {line}", reason, more=tuple((f"line {n}", r) for n, r in more)) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise ConfigError(p, where, problem) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(p, "", "expected a mapping at the top level")
    return data


def key_path(loc: tuple[Any, ...], prefix: str = "") -> str:
    """Render a pydantic ``loc`` tuple as ``a.b[2].c``."""
    out = prefix
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def validate_section(model: type[M], data: Any, path: str | Path, prefix: str) -> M:
    """Validate ``data`` against ``model``; the errors become one ``ConfigError`` (every one of
    them: a config with three mistakes is fixed in one go).

    Only pydantic's message is used, never ``input_value``, so a secret in a bad value stays hidden.
    """
    try:
        return model.model_validate(data if data is not None else {})
    except ValidationError as exc:
        found = [_key_and_reason(err, prefix) for err in exc.errors(include_url=False, include_input=False)]
        found = list(dict.fromkeys(found))
        raise ConfigError(path, *found[0], more=tuple(found[1:])) from None


def _key_and_reason(err: Any, prefix: str) -> tuple[str, str]:
    msg = err["msg"].removeprefix("Value error, ").removeprefix("Assertion failed, ")
    if err["type"] == "extra_forbidden":
        msg = "unknown key"
    return key_path(tuple(err["loc"]), prefix), msg
