"""The codec: records <-> plain data <-> YAML text, the one way a record is read or written.

Plain data is written in model field order with empty and default fields left out, so a
file reads top to bottom like the printed minutes; decoding checks every field's type and
names the field that is wrong. The YAML text itself is read and written by
:mod:`workflow.record.yaml_text` (:func:`load_yaml`, :func:`dump_yaml` and
:func:`text_values` are part of the codec's API).

Exempt content is stored apart: :func:`encode_meeting` returns the public text and, when
the meeting has exempt content, the text of ``meeting.exempt.yaml``. Public code paths
call :func:`decode_meeting` without the exempt text and get a redacted meeting.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import types
import typing
from collections.abc import Callable, Mapping
from enum import Enum
from typing import Any, TypeVar, Union

from workflow.errors import FieldError, InvalidRecord
from workflow.record.model import Meeting, Withheld
from workflow.record.yaml_text import dump_yaml, load_yaml, text_values
from workflow.text.dates import TIME

__all__ = [
    "decode",
    "decode_list",
    "decode_meeting",
    "dump_yaml",
    "encode",
    "encode_meeting",
    "load_yaml",
    "merge_exempt",
    "split_exempt",
    "text_values",
]

T = TypeVar("T")

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
        m = TIME.fullmatch(str(data))
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
