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
    Citation,
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

_ENUM_VALUES: Final[dict[type[enum.Enum], dict[object, enum.Enum]]] = {
    e: {m.value: m for m in e} for e in _ENUMS
}


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
    # A dict look-up: calling the enum class is several times slower.
    member = _ENUM_VALUES[type_].get(value) if type(value) is str else None
    if member is not None:
        return member
    if type(value) is not str:
        msg = f"expected a string, got {type(value).__name__}"
        raise TypeError(msg)
    allowed = ", ".join(repr(m.value) for m in type_)
    msg = f"{value!r} is not one of {allowed}"
    raise ValueError(msg)


def _enum_value(value: enum.Enum) -> str:
    return str(value.value)


# Dates repeat across records (the same day of a trial, a shooting, a plenum); they are
# immutable, so one instance per text serves them all, saving both parsing and memory.
_DATES: dict[str, HistoricalDate] = {}
_DATES_MAX: Final = 200_000


def _date(value: object, _: type) -> HistoricalDate:
    if type(value) is not str:
        msg = f"expected an EDTF date string, got {type(value).__name__}"
        raise TypeError(msg)
    found = _DATES.get(value)
    if found is None:
        found = HistoricalDate.parse(value)
        if len(_DATES) < _DATES_MAX:
            _DATES[value] = found
    return found


# Citations repeat even more than dates (the same source and locator across records).
_CITATIONS: dict[tuple[str, str], Citation] = {}


def _citation(value: object, _: type) -> Citation:
    if type(value) is dict:
        source, locator = value.get("source"), value.get("locator", "")
        if (
            type(source) is str
            and type(locator) is str
            and len(value) == (2 if "locator" in value else 1)
        ):
            found = _CITATIONS.get((source, locator))
            if found is None:
                found = Citation(source=source, locator=locator)
                if len(_CITATIONS) < _DATES_MAX:
                    _CITATIONS[(source, locator)] = found
            return found
    # Anything unusual goes through cattrs, whose errors name the field.
    return _CITATION_DETAILED(value, Citation)  # type: ignore[no-any-return]


def _citations(value: object, _: type) -> tuple[Citation, ...]:
    if type(value) is not list:
        msg = f"expected a list, got {type(value).__name__}"
        raise TypeError(msg)
    try:
        return tuple([_citation(v, Citation) for v in value])
    except (cattrs.BaseValidationError, TypeError, ValueError):
        return _CITATIONS_DETAILED(value, tuple[Citation, ...])  # type: ignore[no-any-return]


def _optional_date(value: object, _: type) -> HistoricalDate | None:
    return None if value is None else _date(value, HistoricalDate)


def _optional_str(value: object, _: type) -> str | None:
    return None if value is None else _strict_str(value, str)


def _strings(value: object, _: type) -> tuple[str, ...]:
    if type(value) is not list:
        msg = f"expected a list, got {type(value).__name__}"
        raise TypeError(msg)
    for item in value:
        if type(item) is not str:
            # Fall back to the detailed path so that the error names the index.
            return _STRINGS_DETAILED(value, tuple[str, ...])  # type: ignore[no-any-return]
    return tuple(value)


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
    # The commonest shapes get direct hooks: cattrs' general ones cost more per value.
    conv.register_structure_hook_func(lambda t: t == HistoricalDate | None, _optional_date)
    conv.register_structure_hook_func(lambda t: t == str | None, _optional_str)
    conv.register_structure_hook_factory(is_sequence, _list_only)
    conv.register_unstructure_hook(HistoricalDate, str)
    return conv


#: Configured once, shared by the loader, the exports and the tests.
converter: Final = _make_converter()
_STRINGS_DETAILED: Final = converter.get_structure_hook(tuple[str, ...])
_CITATION_DETAILED: Final = converter.get_structure_hook(Citation)
_CITATIONS_DETAILED: Final = converter.get_structure_hook(tuple[Citation, ...])
converter.register_structure_hook(Citation, _citation)
converter.register_structure_hook_func(lambda t: t == tuple[Citation, ...], _citations)
converter.register_structure_hook_func(lambda t: t == tuple[str, ...], _strings)
