"""Round 20 (YAML): plain documents are built in one walk (``occ_lib._yaml._plain``), everything else by
PyYAML's safe constructor, with the same result either way.

``occ.yml`` of 1000 probe targets took ~8 ms in the safe constructor's generic machinery, part of
``occ probe``'s start. The walk builds mappings, sequences and core scalars; an alias of a mapping
or sequence, a merge key, ``=`` as a key, a non-scalar key and any tag beyond the core ones go to
the safe constructor, so that shared and recursive structures, merges, ``!!set``, ``!!omap`` and
``!!python/...`` (refused) are exactly what PyYAML's safe loader makes of them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from occ_lib import _yaml
from occ_lib.config import _SafeLoader

ROOT = Path(__file__).resolve().parents[1]


def _reference(text: str):
    return yaml.load(text, Loader=yaml.SafeLoader)  # (PyYAML's pure-Python safe loader: the oracle)


PLAIN = [
    ("a: 1\nb: [x, 2.5, null, true]\nc: {d: '3', e: 2025-10-10}\n",
     {"a": 1, "b": ["x", 2.5, None, True], "c": {"d": "3", "e": dt.date(2025, 10, 10)}}),
    ("- 0x1F\n- 1_000\n- .inf\n- ~\n- 'yes'\n- yes\n- 2025-10-10T07:18:00Z\n",
     [31, 1000, float("inf"), None, "yes", True, dt.datetime(2025, 10, 10, 7, 18, tzinfo=dt.UTC)]),
    ("2: two\ntrue: t\nnull: n\n2025-10-10: day\n",
     {2: "two", True: "t", None: "n", dt.date(2025, 10, 10): "day"}),
    ("bin: !!binary aGVsbG8=\nexplicit: !!str 42\n", {"bin": b"hello", "explicit": "42"}),
    ("", None),
    ("just text\n", "just text"),
    ("k: &v [1, 2]\n", {"k": [1, 2]}),  # (an anchor that no alias uses)
    ("a: &s shared\nb: *s\n", {"a": "shared", "b": "shared"}),  # (a scalar's alias: the same value)
]


@pytest.mark.parametrize("text,expected", PLAIN)
def test_plain_documents_are_built_in_one_walk_as_the_safe_loader_builds_them(text, expected, monkeypatch):
    calls = []
    monkeypatch.setattr(_SafeLoader, "construct_document", lambda self, node: calls.append(node))
    got = _yaml.load(text, _SafeLoader)
    assert (got, calls) == (expected, [])
    assert got == _reference(text)


OTHER = [
    "base: &b {x: 1, y: 2}\nmore:\n  <<: *b\n  y: 3\n",  # a merge key
    "a: &l [1, 2]\nb: *l\n",  # a list shared by two keys
    "r: &r [1, *r]\n",  # a recursive list
    "s: !!set {a, b}\n",
    "o: !!omap [{a: 1}, {b: 2}]\n",
    "? [1, 2]\n: pair\n",  # a sequence as a key
    "=: value key\n",
]


@pytest.mark.parametrize("text", OTHER)
def test_anything_else_goes_to_the_safe_constructor(text, monkeypatch):
    calls = []
    real = _SafeLoader.construct_document

    def spy(self, node):
        calls.append(node.tag)
        return real(self, node)

    monkeypatch.setattr(_SafeLoader, "construct_document", spy)
    try:
        expected = _reference(text)
    except yaml.YAMLError as exc:  # (a sequence as a key: unhashable, for both)
        with pytest.raises(type(exc)):
            _yaml.load(text, _SafeLoader)
        assert len(calls) == 1
        return
    got = _yaml.load(text, _SafeLoader)
    assert len(calls) == 1
    if text.startswith("r:"):  # (recursive: compare the shape)
        assert got["r"][0] == 1 and got["r"][1] is got["r"]
    else:
        assert got == expected
        if text.startswith("a: &l"):
            assert got["a"] is got["b"]


def test_a_python_tag_is_refused_as_before():
    with pytest.raises(yaml.constructor.ConstructorError):
        _yaml.load("x: !!python/object/apply:os.system ['true']\n", _SafeLoader)


def test_every_yaml_text_of_the_repository_loads_as_the_safe_loader_loads_it():
    # occ.yml files, and the front matter of every markdown log (between its --- lines)
    texts: list[tuple[Path, str]] = []
    for path in sorted(ROOT.glob("**/*")):
        if ".venv" in path.parts or ".git" in path.parts or not path.is_file():
            continue
        if path.suffix in (".yml", ".yaml"):
            texts.append((path, path.read_text(encoding="utf-8", errors="replace")))
        elif path.suffix == ".md":
            raw = path.read_text(encoding="utf-8", errors="replace").lstrip("\ufeff")
            if raw.startswith("---\n") and "\n---" in raw[4:]:
                texts.append((path, raw[4 : raw.index("\n---", 4) + 1]))
    checked = 0
    for path, text in texts:
        try:
            expected = _reference(text)
        except yaml.YAMLError:
            continue
        try:
            got = _yaml.load(text, _SafeLoader)
        except _yaml.DuplicateKeys:
            continue
        assert got == expected, path
        checked += 1
    assert checked >= 20, checked
