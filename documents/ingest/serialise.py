"""What was read from a paper, as JSON and back, so its meeting can be built again later.

The page texts are stored as pages of their own; everything else a parser returned is kept
with the paper. Generic over the dataclasses of ``parsed``, so a field added there is kept
without a change here; a field a stored reading lacks takes its default.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from functools import cache

from documents.ingest.parsed import ParsedDocument

VERSION = 1
_SKIP = {"pages"}  # stored as Page rows


def to_json(value):
    if dataclasses.is_dataclass(value):
        return {
            f.name: to_json(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.name not in _SKIP
        }
    if isinstance(value, list | tuple):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    return value


def reading_as_json(parsed: ParsedDocument) -> dict:
    data = to_json(parsed)
    data["page_count"] = parsed.page_count
    data["format"] = VERSION
    return data


@cache
def _hints(cls) -> dict:
    return typing.get_type_hints(cls)


def _from(kind, value):
    if value is None:
        return None
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(kind) if a is not type(None)]
        return _from(options[0], value) if len(options) == 1 else value
    if origin is list:
        (inner,) = typing.get_args(kind) or (typing.Any,)
        return [_from(inner, v) for v in value]
    if origin is dict:
        return dict(value)
    if dataclasses.is_dataclass(kind):
        hints = _hints(kind)
        known = {f.name for f in dataclasses.fields(kind) if f.init}
        values = {
            name: _from(hints[name], v)
            for name, v in value.items()
            if name in known and name not in _SKIP
        }
        values.update({name: [] for name in _SKIP & known})
        return kind(**values)
    if kind is dt.date:
        return dt.date.fromisoformat(value)
    if kind is dt.time:
        return dt.time.fromisoformat(value)
    if kind is dt.datetime:
        return dt.datetime.fromisoformat(value)
    return value


def reading_from_json(data: dict) -> ParsedDocument:
    """The ParsedDocument a paper's stored reading describes (with no pages)."""
    return _from(ParsedDocument, data)
