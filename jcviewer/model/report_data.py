"""A Report as plain data and back, through a strict loader: the format of the parsed-report cache (Qt-free).

Data, not code: JSON of the model's dataclasses, read back field by field against their type hints. Anything
that does not match the model exactly (a missing or extra field, a wrong type, an unknown warning code) is
refused with ``ReportDataError``; nothing in a cache file can run.
"""

from __future__ import annotations

import dataclasses
import json
import types
from functools import cache
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

from jcviewer.model.report import Report

FORMAT = 1
"""Bumped whenever the model's dataclasses change shape."""


class ReportDataError(ValueError):
    """The data is not a Report of this model."""


def report_to_json(report: Report) -> str:
    """The report as JSON text (every field of every dataclass)."""
    return json.dumps({"format": FORMAT, "report": dataclasses.asdict(report)}, ensure_ascii=False)


def report_from_json(text: str | bytes) -> Report:
    """The report ``report_to_json`` wrote; ReportDataError for anything else."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as error:
        raise ReportDataError(f"not JSON: {error}") from error
    if not isinstance(data, dict) or data.get("format") != FORMAT or set(data) != {"format", "report"}:
        raise ReportDataError("not a report of this format")
    report = _load(Report, data["report"], "report")
    assert isinstance(report, Report)
    return report


@cache
def _hints(cls: type) -> dict[str, Any]:
    return get_type_hints(cls)


def _load(hint: Any, value: Any, where: str) -> Any:
    """``value`` read as ``hint`` (a dataclass, tuple, Literal, optional or scalar type), or ReportDataError."""
    origin, args = get_origin(hint), get_args(hint)
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return _load_dataclass(hint, value, where)
    if origin is tuple:
        if not isinstance(value, list):
            raise ReportDataError(f"{where}: expected a list")
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_load(args[0], item, f"{where}[{i}]") for i, item in enumerate(value))
        if len(args) != len(value):
            raise ReportDataError(f"{where}: expected {len(args)} items")
        return tuple(_load(arg, item, f"{where}[{i}]") for i, (arg, item) in enumerate(zip(args, value, strict=True)))
    if origin is Literal:
        if value not in args:
            raise ReportDataError(f"{where}: {value!r} is not one of {args}")
        return value
    if origin in (Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        others = [arg for arg in args if arg is not type(None)]
        if len(others) != 1:
            raise ReportDataError(f"{where}: unsupported type {hint}")
        return _load(others[0], value, where)
    return _load_scalar(hint, value, where)


def _load_dataclass(cls: type, value: Any, where: str) -> Any:
    if not isinstance(value, dict):
        raise ReportDataError(f"{where}: expected an object")
    fields = {field.name for field in dataclasses.fields(cls)}
    if set(value) != fields:
        raise ReportDataError(f"{where}: fields {sorted(set(value) ^ fields)} do not match {cls.__name__}")
    hints = _hints(cls)
    return cls(**{name: _load(hints[name], value[name], f"{where}.{name}") for name in fields})


def _load_scalar(hint: Any, value: Any, where: str) -> Any:
    if hint is float and isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if hint in (str, int, bool) and type(value) is hint:
        return value
    raise ReportDataError(f"{where}: expected {getattr(hint, '__name__', hint)}, got {type(value).__name__}")
