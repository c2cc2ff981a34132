"""A Report as plain data and back, through a strict loader: the format of the parsed-report cache (Qt-free).

Data, not code: JSON of the model's dataclasses, read back field by field against their type hints. Anything
that does not match the model exactly (a missing or extra field, a wrong type, an unknown warning code) is
refused with ``ReportDataError``; nothing in a cache file can run.
"""

from __future__ import annotations

import dataclasses
import json
import types
from collections.abc import Callable
from functools import cache
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

from jcviewer.model.report import Report

FORMAT = 3
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


Loader = Callable[[Any, str], Any]


def _load(hint: Any, value: Any, where: str) -> Any:
    """``value`` read as ``hint`` (a dataclass, tuple, Literal, optional or scalar type), or ReportDataError."""
    return _loader(hint)(value, where)


@cache
def _loader(hint: Any) -> Loader:
    """A function reading a value as ``hint``, built once per type (a cached report is read on every start)."""
    origin, args = get_origin(hint), get_args(hint)
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return _dataclass_loader(hint)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return _sequence_loader(args[0])
    if origin is tuple:
        return _pair_loader(args)
    if origin is Literal:
        return _choice_loader(args)
    if origin in (Union, types.UnionType):
        others = [arg for arg in args if arg is not type(None)]
        if len(others) != 1 or len(args) != 2:
            raise TypeError(f"unsupported type {hint}")
        return _optional_loader(others[0])
    return _scalar_loader(hint)


def _dataclass_loader(cls: type) -> Loader:
    hints = get_type_hints(cls)
    names = frozenset(field.name for field in dataclasses.fields(cls))

    def load(value: Any, where: str) -> Any:
        if not isinstance(value, dict):
            raise ReportDataError(f"{where}: expected an object")
        if value.keys() != names:
            raise ReportDataError(f"{where}: fields {sorted(set(value) ^ names)} do not match {cls.__name__}")
        return cls(**{name: _loader(hints[name])(value[name], f"{where}.{name}") for name in names})

    return load


def _sequence_loader(item: Any) -> Loader:
    def load(value: Any, where: str) -> Any:
        if not isinstance(value, list):
            raise ReportDataError(f"{where}: expected a list")
        read = _loader(item)
        return tuple(read(element, f"{where}[{i}]") for i, element in enumerate(value))

    return load


def _pair_loader(items: tuple[Any, ...]) -> Loader:
    def load(value: Any, where: str) -> Any:
        if not isinstance(value, list) or len(value) != len(items):
            raise ReportDataError(f"{where}: expected {len(items)} items")
        return tuple(
            _loader(item)(element, f"{where}[{i}]") for i, (item, element) in enumerate(zip(items, value, strict=True))
        )

    return load


def _choice_loader(choices: tuple[Any, ...]) -> Loader:
    def load(value: Any, where: str) -> Any:
        if value not in choices:
            raise ReportDataError(f"{where}: {value!r} is not one of {choices}")
        return value

    return load


def _optional_loader(inner: Any) -> Loader:
    def load(value: Any, where: str) -> Any:
        return None if value is None else _loader(inner)(value, where)

    return load


def _scalar_loader(hint: Any) -> Loader:
    def load(value: Any, where: str) -> Any:
        if hint is float and isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
        if type(value) is hint:
            return value
        raise ReportDataError(f"{where}: expected {getattr(hint, '__name__', hint)}, got {type(value).__name__}")

    if hint not in (str, int, float, bool):
        raise TypeError(f"unsupported type {hint}")
    return load
