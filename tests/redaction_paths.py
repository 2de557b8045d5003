"""A text's masking on every redaction path, and as a parsed log's event text, for the rounds' tests of
redaction (REDACT, PWSWEEP): each case is checked on all of them, so that no path leaves what another
masks."""

from __future__ import annotations

from pathlib import Path

from occ_lib._extract import rare_hint, redact
from occ_lib.logs import read_logs
from occ_lib.redact import redact_text


def paths(text: str) -> list[str]:
    """The item's masking on every path: the gate's with the document's rare hint open, with the item's
    own hint (a document of this item alone), and the whole chain."""
    return [redact(text), redact(text, rare_hint(text)), redact_text(text)]


def logged(tmp_path: Path, texts: list[str]) -> list[str]:
    """The event texts of a log whose items are ``texts``, each after its own time and ticket."""
    path = tmp_path / "ops.md"
    path.write_text("# Ops log\n\n## 2025-10-09\n\n" + "\n".join(f"- {s}" for s in stamped(texts)) + "\n",
                    encoding="utf-8")
    return read_logs(str(path)).events["text"].tolist()


def stamped(texts: list[str]) -> list[str]:
    """``texts`` as :func:`logged` writes them: each after its time and ticket."""
    return [f"{9 + i // 60:02d}:{i % 60:02d} UTC OPS-{i + 1} {t}" for i, t in enumerate(texts)]
