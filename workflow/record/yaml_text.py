"""YAML text <-> plain data: the codec's reading and writing of YAML, and nothing else.

YAML is written for clean line diffs: block style, one paragraph per scalar, no line
wrapping. It is read with a strings-first resolver (YAML 1.2 core, without floats): only
``true``/``false`` are booleans, only plain digits are integers, ``null``/``~``/empty are
null; ``14:00``, ``no``, ``2026-01-14`` and ``1.5`` (so floats of any size) stay
strings. Duplicate keys, anchors/aliases (and so "billion laughs" bombs), explicit tags,
integers longer than Python reads (4,300 digits) and nesting deeper than a record goes
are refused with the line and the field they are on. The only module that imports PyYAML; everything else reads and writes
records through :mod:`workflow.record.codec`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import yaml

from workflow.errors import YamlError

__all__ = ["Key", "dump_yaml", "load_yaml", "text_values"]

_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_Dumper: type = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _StrictLoader(_Loader):  # type: ignore[misc, valid-type]
    """Composes nodes with a strings-first resolver; :func:`_build` makes the data."""

    yaml_implicit_resolvers: dict[str, list[tuple[str, re.Pattern[str]]]] = {}


_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf")
)
_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789")
)
_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|)$"), ["~", "n", ""]
)

_TAG = "tag:yaml.org,2002:"
_STR, _INT, _BOOL, _NULL = _TAG + "str", _TAG + "int", _TAG + "bool", _TAG + "null"
_MAP, _SEQ = _TAG + "map", _TAG + "seq"


class _Refused(Exception):
    def __init__(self, problem: str, mark: Any, field: str = "") -> None:
        super().__init__(problem)
        self.problem = problem
        self.mark = mark
        self.field = field


def _tag_name(tag: str) -> str:
    return "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag


def _field(path: str, key: str | int) -> str:
    if isinstance(key, int) and not isinstance(key, bool):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else str(key)


def _integer(node: yaml.ScalarNode, path: str) -> int:
    try:
        return int(node.value)
    except ValueError:
        digits = sum(ch.isdigit() for ch in node.value)
        raise _Refused(
            f"the number has {digits:,} digits, far more than any field of a record holds",
            node.start_mark, path,
        ) from None


_MAX_DEPTH = 100
"""Deeper than any record, template or settings file goes (a record nests about ten)."""


def _build(node: yaml.Node, seen: set[int], path: str = "", depth: int = 0) -> Any:
    """Plain data from a composed node: no aliases, no tags, no duplicate keys."""
    if id(node) in seen:
        raise _Refused("anchors and aliases (*name) are not allowed", node.start_mark, path)
    if depth > _MAX_DEPTH:
        raise _Refused("the file nests too deeply to be a record", node.start_mark, path)
    seen.add(id(node))
    tag = node.tag
    if isinstance(node, yaml.ScalarNode):
        if tag == _STR:
            return node.value
        if tag == _INT:
            return _integer(node, path)
        if tag == _BOOL:
            return node.value == "true"
        if tag == _NULL:
            return None
    elif isinstance(node, yaml.SequenceNode) and tag == _SEQ:
        return [_build(child, seen, f"{path}[{i}]", depth + 1) for i, child in enumerate(node.value)]
    elif isinstance(node, yaml.MappingNode) and tag == _MAP:
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in (_STR, _INT):
                raise _Refused("a key must be a plain word", key_node.start_mark, path)
            key = key_node.value if key_node.tag == _STR else _integer(key_node, path)
            if key in out:
                raise _Refused(f"the key '{key}' appears twice", key_node.start_mark, path)
            out[key] = _build(value_node, seen, _field(path, key), depth + 1)
        return out
    raise _Refused(f"the tag '{_tag_name(tag)}' is not allowed", node.start_mark, path)


class _Dumper_(_Dumper):  # type: ignore[misc, valid-type]
    """Block style, no wrapping, literal blocks for multi-line text."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper_.add_representer(str, _represent_str)


def _compose(text: str | bytes, where: str) -> Any:
    """The YAML node tree of ``text``, or :class:`YamlError` naming the line."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise YamlError(f"{where} is not UTF-8 text (byte {exc.start}).") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        return yaml.compose(text, Loader=_StrictLoader)  # noqa: S506 - composes nodes only
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = f", line {mark.line + 1}" if mark is not None else ""
        problem = exc.problem or exc.context or "it is not valid YAML"
        raise YamlError(f"{where}{line}: {problem}.") from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        raise YamlError(
            f"{where}, line {line}: contains a control character (U+{exc.character:04X}) "
            "that a record cannot hold."
            if isinstance(exc.character, int)
            else f"{where}, line {line}: contains a character a record cannot hold."
        ) from None
    except yaml.YAMLError as exc:
        raise YamlError(f"{where}: {exc}.") from None
    except RecursionError:
        raise YamlError(f"{where}: the file nests too deeply to be a record.") from None


def _data(node: Any, where: str) -> Any:
    try:
        return _build(node, set()) if node is not None else None
    except _Refused as exc:
        line = f", line {exc.mark.line + 1}" if exc.mark is not None else ""
        name = exc.field if len(exc.field) <= 60 else exc.field[:57] + "..."
        field = f" (field {name})" if name else ""
        raise YamlError(f"{where}{line}{field}: {exc.problem}.") from None
    except RecursionError:
        raise YamlError(f"{where}: the file nests too deeply to be a record.") from None


def load_yaml(text: str | bytes, *, where: str = "the file") -> dict[str, Any]:
    """Parse YAML text into plain data, or raise :class:`YamlError` naming the line."""
    data = _data(_compose(text, where), where)
    if data is None:
        raise YamlError(f"{where} is empty.")
    if not isinstance(data, dict):
        raise YamlError(f"{where} must be a set of 'field: value' lines, not a single value.")
    return data


Key = tuple[str | int, ...]
"""Where a value sits in a file: its keys and list positions (``("items", 3, "title")``)."""


class _Untyped(_Loader):  # type: ignore[misc, valid-type]
    """Composes nodes without typing any value: a search needs only where each value is."""

    yaml_implicit_resolvers: dict[str, list[tuple[str, re.Pattern[str]]]] = {}


def text_values(text: str | bytes, *, where: str = "the file") -> list[tuple[int, int, Key, str]]:
    """Every scalar value of a YAML file with the lines it spans (from 1) and its key path,
    in the order of the file: what a line found by a text search holds, as written."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise YamlError(f"{where} is not UTF-8 text (byte {exc.start}).") from None
    try:
        root = yaml.compose(text, Loader=_Untyped)  # noqa: S506 - composes nodes only
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f", line {mark.line + 1}" if mark is not None else ""
        raise YamlError(f"{where}{line}: it is not valid YAML.") from None
    found: list[tuple[int, int, Key, str]] = []
    stack: list[tuple[Key, Any]] = [((), root)]
    while stack:
        key, node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            if node.value:
                found.append((node.start_mark.line + 1, node.end_mark.line + 1, key, node.value))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(((*key, i), child) for i, child in reversed(list(enumerate(node.value))))
        elif isinstance(node, yaml.MappingNode):
            stack.extend(((*key, k.value), v) for k, v in reversed(node.value)
                         if isinstance(k, yaml.ScalarNode))
    return found


def dump_yaml(data: Mapping[str, Any]) -> str:
    """Write plain data as YAML for clean diffs."""
    return yaml.dump(
        dict(data),
        Dumper=_Dumper_,
        sort_keys=False,
        default_flow_style=False,
        allow_unicode=True,
        width=2**31 - 1,
        indent=2,
    )
