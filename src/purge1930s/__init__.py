"""
purge1930s: the Soviet Great Purge of the 1930s as typed, sourced, queryable records.

>>> import purge1930s
>>> ds = purge1930s.load()
>>> ds.people.lookup("Ezhov").name
'Nikolai Yezhov'

Everything public is listed in ``__all__``; modules whose names start with an underscore
are private.
"""

from __future__ import annotations

from typing import Any

from purge1930s._loading import load
from purge1930s._version import DATA_VERSION, __version__
from purge1930s.citing import cite
from purge1930s.collection import Collection
from purge1930s.dataset import Dataset, Membership, Recomputation
from purge1930s.dates import HistoricalDate, Precision
from purge1930s.exceptions import (
    AmbiguousError,
    DataError,
    NotFoundError,
    Problem,
    Purge1930sError,
)
from purge1930s.models import (
    Body,
    BodyKind,
    Citation,
    DeathCause,
    Defendant,
    Derivation,
    Event,
    EventKind,
    FigureVariant,
    Outcome,
    OutcomeKind,
    Period,
    Person,
    Position,
    Procedure,
    ProcedureKind,
    Rehabilitation,
    Role,
    Sentence,
    SentenceKind,
    Source,
    SourceKind,
    Statistic,
    Trial,
    Variant,
)

__all__ = [
    "AmbiguousError",
    "Body",
    "BodyKind",
    "Citation",
    "Collection",
    "DataError",
    "Dataset",
    "DeathCause",
    "Defendant",
    "Derivation",
    "Event",
    "EventKind",
    "FigureVariant",
    "HistoricalDate",
    "Membership",
    "NotFoundError",
    "Outcome",
    "OutcomeKind",
    "Period",
    "Person",
    "Position",
    "Precision",
    "Problem",
    "Procedure",
    "ProcedureKind",
    "Purge1930sError",
    "Recomputation",
    "Rehabilitation",
    "Role",
    "Sentence",
    "SentenceKind",
    "Source",
    "SourceKind",
    "Statistic",
    "Trial",
    "Variant",
    "__version__",
    "cite",
    "data_version",
    "load",
]

#: The edition of the bundled data; it changes whenever a fact changes (see the changelog).
data_version: str = DATA_VERSION

# Module-level shortcuts to the collections of the bundled dataset, loaded on first use.
_SHORTCUTS = frozenset(
    {"people", "events", "trials", "procedures", "statistics", "sources", "bodies"}
)


def __getattr__(name: str) -> Any:
    if name in _SHORTCUTS:
        return getattr(load(), name)
    msg = f"module 'purge1930s' has no attribute {name!r}"
    raise AttributeError(msg)


def __dir__() -> list[str]:
    return sorted([*__all__, *_SHORTCUTS])
