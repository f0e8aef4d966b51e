"""
The one cattrs converter: JSON-shaped data to records and back.

It is strict where cattrs is lenient by default: a string is never coerced from a number,
an integer never from a bool or a string, unknown keys are errors, and dates must be EDTF
text. Unstructuring omits fields left at their defaults, so a record written back to JSON
reads the way the data files are written.
"""

from __future__ import annotations

import enum
from typing import Any, Final

import cattrs
from cattrs.cols import homogenous_tuple_structure_factory, is_sequence
from cattrs.dispatch import StructureHook

from purge1930s.dates import HistoricalDate
from purge1930s.models import (
    Body,
    BodyKind,
    DeathCause,
    Event,
    EventKind,
    OutcomeKind,
    Person,
    Procedure,
    ProcedureKind,
    Role,
    SentenceKind,
    Source,
    SourceKind,
    Statistic,
    Trial,
)

__all__ = ["COLLECTIONS", "converter"]

#: The JSON key of each collection and the record type it holds, in load order.
COLLECTIONS: Final[dict[str, type[Any]]] = {
    "sources": Source,
    "bodies": Body,
    "people": Person,
    "procedures": Procedure,
    "trials": Trial,
    "events": Event,
    "statistics": Statistic,
}

_ENUMS: Final = (
    BodyKind,
    DeathCause,
    EventKind,
    OutcomeKind,
    ProcedureKind,
    Role,
    SentenceKind,
    SourceKind,
)


def _strict_str(value: object, _: type) -> str:
    if type(value) is not str:
        msg = f"expected a string, got {type(value).__name__}"
        raise TypeError(msg)
    return value


def _strict_int(value: object, _: type) -> int:
    if type(value) is not int:
        msg = f"expected an integer, got {type(value).__name__}"
        raise TypeError(msg)
    return value


def _strict_float(value: object, _: type) -> float:
    if type(value) is int:
        return float(value)
    if type(value) is not float:
        msg = f"expected a number, got {type(value).__name__}"
        raise TypeError(msg)
    return value


def _strict_bool(value: object, _: type) -> bool:
    if type(value) is not bool:
        msg = f"expected true or false, got {type(value).__name__}"
        raise TypeError(msg)
    return value


def _str_or_int(value: object, _: type) -> str | int:
    if type(value) is str or type(value) is int:
        return value
    msg = f"expected a string or an integer, got {type(value).__name__}"
    raise TypeError(msg)


def _enum(value: object, type_: type[enum.Enum]) -> enum.Enum:
    if type(value) is not str:
        msg = f"expected a string, got {type(value).__name__}"
        raise TypeError(msg)
    try:
        return type_(value)
    except ValueError:
        allowed = ", ".join(repr(m.value) for m in type_)
        msg = f"{value!r} is not one of {allowed}"
        raise ValueError(msg) from None


def _enum_value(value: enum.Enum) -> str:
    return str(value.value)


def _date(value: object, _: type) -> HistoricalDate:
    if type(value) is not str:
        msg = f"expected an EDTF date string, got {type(value).__name__}"
        raise TypeError(msg)
    return HistoricalDate.parse(value)


def _list_only(type_: Any, conv: cattrs.Converter) -> StructureHook:
    # cattrs would happily iterate a string into a tuple of characters; JSON arrays only.
    inner = homogenous_tuple_structure_factory(type_, conv)

    def structure(value: object, type_: Any) -> Any:
        if type(value) is not list:
            msg = f"expected a list, got {type(value).__name__}"
            raise TypeError(msg)
        return inner(value, type_)

    return structure


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True, omit_if_default=True)
    conv.register_structure_hook(str, _strict_str)
    conv.register_structure_hook(int, _strict_int)
    conv.register_structure_hook(float, _strict_float)
    conv.register_structure_hook(bool, _strict_bool)
    # Each StrEnum by name: dispatch on str would otherwise take them as plain strings.
    for enum_type in _ENUMS:
        conv.register_structure_hook(enum_type, _enum)
        conv.register_unstructure_hook(enum_type, _enum_value)
    conv.register_structure_hook(str | int, _str_or_int)
    conv.register_structure_hook(HistoricalDate, _date)
    conv.register_structure_hook_factory(is_sequence, _list_only)
    conv.register_unstructure_hook(HistoricalDate, str)
    return conv


#: Configured once, shared by the loader, the exports and the tests.
converter: Final = _make_converter()
