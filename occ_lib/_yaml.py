"""(private) Loading YAML safely, with a mapping key written twice an error rather than the last one winning.

PyYAML's loaders keep the last of two equal keys, so a second ``probes:`` in ``occ.yml`` silently erased the
targets of the first, and ``tz: UTC`` then ``tz: America/New_York`` in a log's front matter chose one
unseen. :func:`load` composes the node tree (libyaml's parser when given ``CSafeLoader``), walks it once
(each node once, so aliases cost nothing more and a recursive one ends), and only then constructs the
data: duplicates raise :class:`DuplicateKeys`, a ``yaml.MarkedYAMLError`` whose mark is the second key's
line, so callers that report YAML errors by line report it as they do a syntax error. Keys are compared
as written and resolved (``tz`` and ``"tz"`` are one key); a merge key (``<<: *defaults``) is not a
duplicate of the keys it brings in, which the mapping's own keys override on purpose.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

_MERGE = "tag:yaml.org,2002:merge"
_KEY_MAX = 80  # (a key is shown clipped: a pasted blob as a key must not flood the message)


class DuplicateKeys(yaml.MarkedYAMLError):
    """Mapping keys written twice: ``found`` holds ``(key path, line, first line)`` (0-based lines,
    in file order); the mark and ``problem`` are the first's."""

    def __init__(self, found: list[tuple[str, yaml.Mark, yaml.Mark]]) -> None:
        self.found = [(path, mark.line, first.line) for path, mark, first in found]
        path, mark, first = found[0]
        super().__init__(problem=f"{path}: duplicate key", problem_mark=mark)

    def reasons(self, offset: int = 1) -> list[tuple[int, str]]:
        """``(line, reason)`` per duplicate, lines numbered from ``offset`` for the text's first line:
        ``(8, 'probes: duplicate key (first at line 2)')``."""
        return [(line + offset, f"{path}: duplicate key (first at line {first + offset})")
                for path, line, first in self.found]


def load(text: str, loader: type) -> Any:
    """``yaml.load(text, Loader=loader)`` (a safe loader), raising :class:`DuplicateKeys` first."""
    ld = loader(text)
    try:
        node = ld.get_single_node()
        if node is None:
            return None
        found = _duplicates(node)
        if found:
            raise DuplicateKeys(found)
        try:
            return _plain(node, ld, set())
        except (_NotPlain, RecursionError):
            return ld.construct_document(node)
    finally:
        ld.dispose()


_STR, _MAP, _SEQ = "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"
_VALUE = "tag:yaml.org,2002:value"
_SCALARS = frozenset(
    f"tag:yaml.org,2002:{t}" for t in ("null", "bool", "int", "float", "timestamp", "binary")
)


class _NotPlain(Exception):
    """An alias, a merge key or a tag beyond YAML's core ones: the loader's own constructor builds it."""


def _plain(node: yaml.Node, ld: Any, containers: set[int]) -> Any:
    """What ``ld.construct_document(node)`` gives for a document of plain mappings, sequences and
    core scalars, built in one walk: the safe constructor's generic machinery took ~8 ms for an
    ``occ.yml`` of 1000 probe targets, this ~2 ms. Anything else raises :class:`_NotPlain`."""
    if isinstance(node, ScalarNode):
        if node.tag == _STR:
            return node.value
        if node.tag in _SCALARS:
            return ld.construct_object(node, deep=True)
        raise _NotPlain
    if id(node) in containers:  # (an alias of a mapping or sequence: shared, or recursive)
        raise _NotPlain
    containers.add(id(node))
    if isinstance(node, MappingNode) and node.tag == _MAP:
        out = {}
        for key, value in node.value:
            if not isinstance(key, ScalarNode) or key.tag in (_MERGE, _VALUE):
                raise _NotPlain
            out[_plain(key, ld, containers)] = _plain(value, ld, containers)
        return out
    if isinstance(node, SequenceNode) and node.tag == _SEQ:
        return [_plain(item, ld, containers) for item in node.value]
    raise _NotPlain


def _duplicates(root: yaml.Node) -> list[tuple[str, yaml.Mark, yaml.Mark]]:
    found = []
    stack: list[tuple[yaml.Node, str]] = [(root, "")]
    walked: set[int] = set()
    while stack:
        node, path = stack.pop()
        if id(node) in walked:
            continue
        walked.add(id(node))
        if isinstance(node, MappingNode):
            first: dict[tuple[str, str], yaml.Mark] = {}
            for key, value in node.value:
                if key.tag == _MERGE:
                    stack.append((value, path))
                    continue
                if isinstance(key, ScalarNode):
                    name = key.value if key.value.isprintable() else " ".join(key.value.split())
                    name = name if len(name) <= _KEY_MAX else name[:_KEY_MAX] + "..."
                    sub = f"{path}.{name}" if path else name
                    ident = (key.tag, key.value)
                    if ident in first:
                        found.append((sub, key.start_mark, first[ident]))
                    else:
                        first[ident] = key.start_mark
                else:
                    sub = f"{path}.?" if path else "?"
                stack.append((value, sub))
        elif isinstance(node, SequenceNode):
            stack.extend((item, f"{path}[{i}]") for i, item in enumerate(node.value))
    found.sort(key=lambda f: (f[1].line, f[1].column))
    return found
