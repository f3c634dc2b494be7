"""Records <-> plain data <-> YAML text. The only module that reads or writes YAML.

YAML is written for clean line diffs: fields in model order, block style, one paragraph per
scalar, no line wrapping, empty and default fields left out. It is read with a
strings-first resolver (YAML 1.2 core, without floats): only ``true``/``false`` are
booleans, only plain digits are integers, ``null``/``~``/empty are null; ``14:00``,
``no``, ``2026-01-14`` and ``1.5`` stay strings. Duplicate keys, anchors/aliases (and so
"billion laughs" bombs) and explicit tags are refused with the line they are on.

Exempt content is stored apart: :func:`encode_meeting` returns the public text and, when
the meeting has exempt content, the text of ``meeting.exempt.yaml``. Public code paths
call :func:`decode_meeting` without the exempt text and get a redacted meeting.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
import types
import typing
from collections.abc import Callable, Mapping
from enum import Enum
from typing import Any, TypeVar, Union

import yaml

from workflow.errors import FieldError, InvalidRecord, YamlError
from workflow.record.model import Meeting, Withheld

__all__ = [
    "decode",
    "decode_list",
    "decode_meeting",
    "dump_yaml",
    "encode",
    "encode_meeting",
    "entry_lines",
    "load_yaml",
    "merge_exempt",
    "split_exempt",
]

T = TypeVar("T")

# ----------------------------------------------------------------------------- YAML

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
    def __init__(self, problem: str, mark: Any) -> None:
        super().__init__(problem)
        self.problem = problem
        self.mark = mark


def _tag_name(tag: str) -> str:
    return "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag


def _build(node: yaml.Node, seen: set[int]) -> Any:
    """Plain data from a composed node: no aliases, no tags, no duplicate keys."""
    if id(node) in seen:
        raise _Refused("anchors and aliases (*name) are not allowed", node.start_mark)
    seen.add(id(node))
    tag = node.tag
    if isinstance(node, yaml.ScalarNode):
        if tag == _STR:
            return node.value
        if tag == _INT:
            return int(node.value)
        if tag == _BOOL:
            return node.value == "true"
        if tag == _NULL:
            return None
    elif isinstance(node, yaml.SequenceNode) and tag == _SEQ:
        return [_build(child, seen) for child in node.value]
    elif isinstance(node, yaml.MappingNode) and tag == _MAP:
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in (_STR, _INT):
                raise _Refused("a key must be a plain word", key_node.start_mark)
            key = key_node.value if key_node.tag == _STR else int(key_node.value)
            if key in out:
                raise _Refused(f"the key '{key}' appears twice", key_node.start_mark)
            out[key] = _build(value_node, seen)
        return out
    raise _Refused(f"the tag '{_tag_name(tag)}' is not allowed", node.start_mark)


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
        raise YamlError(f"{where}{line}: {exc.problem}.") from None
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


def entry_lines(text: str | bytes, field: str, *, where: str = "the file") -> list[tuple[int, Any]]:
    """Where each entry of the top-level ``field`` starts (its line, from 1) with its plain
    data: the entries of a list, or the values of a mapping (such as the exempt file's
    items by uid). Empty when the file has no such field."""
    root = _compose(text, where)
    if not isinstance(root, yaml.MappingNode):
        return []
    for key, value in root.value:
        if isinstance(key, yaml.ScalarNode) and key.value == field:
            if isinstance(value, yaml.SequenceNode):
                pairs = [(child.start_mark, child) for child in value.value]
            elif isinstance(value, yaml.MappingNode):
                pairs = [(k.start_mark, v) for k, v in value.value]
            else:
                return []
            return [(mark.line + 1, _data(node, where)) for mark, node in pairs]
    return []


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


# ----------------------------------------------------------------------- data <-> model


def _hints(cls: type) -> dict[str, Any]:
    return _hints_cached(cls)


@functools.cache
def _hints_cached(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


@functools.cache
def _defaults(cls: type) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if f.default is not dataclasses.MISSING:
            out[f.name] = f.default
        elif f.default_factory is not dataclasses.MISSING:
            out[f.name] = f.default_factory()
    return out


def encode(obj: Any) -> Any:
    """A model object as plain data (dicts in field order, lists, str, int, bool)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        cls = type(obj)
        defaults = _defaults(cls)
        out: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            value = getattr(obj, f.name)
            if f.name in defaults and value == defaults[f.name]:
                continue
            out[f.name] = encode(value)
        return out
    if isinstance(obj, Enum):
        return obj.value
    if isinstance(obj, tuple | list):
        return [encode(v) for v in obj]
    if isinstance(obj, dt.datetime):
        return obj.isoformat()
    if isinstance(obj, dt.date):
        return obj.isoformat()
    if isinstance(obj, dt.time):
        return obj.strftime("%H:%M")
    return obj


class _DecodeError(Exception):
    def __init__(self, path: str, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.message = message


def decode(cls: type[T], data: Any, *, where: str = "the record") -> T:
    """Build a model object from plain data; raise :class:`InvalidRecord` naming the field."""
    try:
        return typing.cast(T, _decode(cls, data, ""))
    except _DecodeError as exc:
        raise InvalidRecord(where, [FieldError(exc.path, exc.message)]) from None


def decode_list(cls: type[T], data: Any, *, where: str, field: str) -> tuple[T, ...]:
    """Build a list of model objects, naming ``field[i]`` in any error."""
    try:
        return typing.cast(tuple[T, ...], _decode(tuple[cls, ...], data, field))  # type: ignore[valid-type]
    except _DecodeError as exc:
        raise InvalidRecord(where, [FieldError(exc.path, exc.message)]) from None


def _join(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def _decode(tp: Any, data: Any, path: str) -> Any:
    return _decoder(tp)(data, path)


Decoder = Callable[[Any, str], Any]


@functools.cache
def _decoder(tp: Any) -> Decoder:
    """A function decoding plain data into ``tp``, built once per type."""
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        inner = _decoder(args[0]) if len(args) == 1 else _union_decoder(tuple(args))
        return lambda data, path: None if data is None else inner(data, path)
    if origin is tuple:
        item = _decoder(typing.get_args(tp)[0])

        def decode_tuple(data: Any, path: str) -> Any:
            if not isinstance(data, list):
                raise _DecodeError(path, "should be a list")
            return tuple(item(v, f"{path}[{i}]") for i, v in enumerate(data))

        return decode_tuple
    if dataclasses.is_dataclass(tp):
        return _dataclass_decoder(tp)
    return lambda data, path: _decode_scalar(tp, data, path)


def _required(cls: type) -> frozenset[str]:
    return frozenset(
        f.name
        for f in dataclasses.fields(cls)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    )


def _union_decoder(args: tuple[type, ...]) -> Decoder:
    choices = [(_required(cls), _dataclass_decoder(cls)) for cls in args]
    names = " or ".join("/".join(sorted(required)) for required, _ in choices)

    def decode_union(data: Any, path: str) -> Any:
        if isinstance(data, dict):
            for required, decode in choices:
                if required and required <= data.keys():
                    return decode(data, path)
        raise _DecodeError(path, f"should have one of these fields: {names}")

    return decode_union


def _dataclass_decoder(cls: type) -> Decoder:
    hints = _hints(cls)
    fields = {f.name: hints[f.name] for f in dataclasses.fields(cls)}
    required = _required(cls)
    plan: dict[str, Decoder] = {}

    def decode_dataclass(data: Any, path: str) -> Any:
        if not isinstance(data, dict):
            raise _DecodeError(path, "should be a set of fields")
        kwargs: dict[str, Any] = {}
        for key, value in data.items():
            decode = plan.get(key)
            if decode is None:
                if key not in fields:
                    raise _DecodeError(_join(path, str(key)), "is not a field here")
                decode = plan[key] = _decoder(fields[key])
            kwargs[key] = decode(value, _join(path, key))
        if not required <= kwargs.keys():
            missing = sorted(required - kwargs.keys())[0]
            raise _DecodeError(_join(path, missing), "is required")
        return cls(**kwargs)

    return decode_dataclass


_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


def _decode_scalar(tp: Any, data: Any, path: str) -> Any:
    if tp is str:
        if isinstance(data, bool) or not isinstance(data, str | int):
            raise _DecodeError(path, "should be text")
        return str(data)
    if tp is bool:
        if not isinstance(data, bool):
            raise _DecodeError(path, "should be true or false")
        return data
    if tp is int:
        if isinstance(data, bool) or not isinstance(data, int):
            raise _DecodeError(path, "should be a whole number")
        return data
    if tp is dt.date:
        try:
            return dt.date.fromisoformat(str(data))
        except ValueError:
            raise _DecodeError(path, f"'{data}' is not a real date (use YYYY-MM-DD)") from None
    if tp is dt.time:
        m = _TIME.match(str(data))
        if not m:
            raise _DecodeError(path, f"'{data}' is not a time (use HH:MM, 24-hour)")
        return dt.time(int(m.group(1)), int(m.group(2)))
    if isinstance(tp, type) and issubclass(tp, Enum):
        try:
            return tp(data)
        except ValueError:
            allowed = ", ".join(str(m.value) for m in tp)
            raise _DecodeError(path, f"'{data}' is not one of: {allowed}") from None
    raise _DecodeError(path, "has a type minutebook cannot read")  # pragma: no cover


# ------------------------------------------------------------------- meeting on disk

_PUBLIC_ITEM_FIELDS = (
    "uid",
    "agenda_number",
    "minute_number",
    "kind",
    "public_title",
    "exemption",
    "urgency",
    "key_decision",
)


def split_exempt(meeting: Meeting) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """The public data of a meeting and, apart, its exempt content (or ``None``)."""
    data = encode(meeting)
    exempt_items: dict[str, Any] = {}
    exempt_blocks: list[dict[str, Any]] = []
    items_out: list[dict[str, Any]] = []
    for item, item_data in zip(meeting.items, data.get("items", []), strict=True):
        if item.exemption is not None:
            public = {k: item_data[k] for k in _PUBLIC_ITEM_FIELDS if k in item_data}
            public["withheld"] = True
            rest = {k: v for k, v in item_data.items() if k not in _PUBLIC_ITEM_FIELDS}
            rest.pop("withheld", None)
            exempt_items[item.uid] = rest
            items_out.append(public)
            continue
        body: list[Any] = []
        for index, block in enumerate(item.body):
            exemption = getattr(block, "exemption", None)
            if exemption is not None:
                exempt_blocks.append(
                    {"item": item.uid, "position": index, "block": encode(block)}
                )
                body.append(encode(Withheld(withheld=exemption.basis, paragraph=exemption.paragraph)))
            else:
                body.append(encode(block))
        if body:
            item_data = {**item_data, "body": body}
        items_out.append(item_data)
    if items_out:
        data["items"] = items_out
    exempt: dict[str, Any] | None = None
    if exempt_items or exempt_blocks:
        exempt = {"meeting": meeting.id}
        if exempt_items:
            exempt["items"] = exempt_items
        if exempt_blocks:
            exempt["blocks"] = exempt_blocks
    return data, exempt


def encode_meeting(meeting: Meeting) -> tuple[str, str | None]:
    """YAML text of ``meeting.yaml`` and of ``meeting.exempt.yaml`` (``None`` if no exempt)."""
    public, exempt = split_exempt(meeting)
    return dump_yaml(public), (dump_yaml(exempt) if exempt is not None else None)


def merge_exempt(public: dict[str, Any], exempt: Mapping[str, Any] | None) -> dict[str, Any]:
    """Put the exempt content back into the public data of a meeting."""
    if not exempt:
        return public
    exempt_items = exempt.get("items") or {}
    blocks: dict[tuple[str, int], Any] = {}
    for entry in exempt.get("blocks") or []:
        if isinstance(entry, dict):
            blocks[(str(entry.get("item")), entry.get("position"))] = entry.get("block")  # type: ignore[index]
    items = []
    for item in public.get("items") or []:
        if not isinstance(item, dict):
            items.append(item)
            continue
        uid = str(item.get("uid", ""))
        if item.get("withheld") and uid in exempt_items:
            item = {k: v for k, v in item.items() if k != "withheld"}
            item.update(exempt_items[uid])
        body = item.get("body")
        if isinstance(body, list) and any((uid, i) in blocks for i in range(len(body))):
            item = {**item, "body": [blocks.get((uid, i), b) for i, b in enumerate(body)]}
        items.append(item)
    return {**public, "items": items}


def decode_meeting(
    public_text: str | bytes,
    exempt_text: str | bytes | None = None,
    *,
    where: str = "meeting.yaml",
) -> Meeting:
    """Read a meeting from its YAML text (and exempt text); no schema checks here."""
    public = load_yaml(public_text, where=where)
    exempt = load_yaml(exempt_text, where="meeting.exempt.yaml") if exempt_text else None
    return decode(Meeting, merge_exempt(public, exempt), where=where)
