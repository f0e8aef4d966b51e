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

import importlib
from typing import TYPE_CHECKING, Any

from purge1930s._version import DATA_VERSION, __version__

if TYPE_CHECKING:  # for type checkers and IDEs; at run time these load on first use
    from purge1930s._loading import load
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
        Seats,
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
    "Seats",
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


# Where each public name lives. Importing purge1930s imports none of them: a script that
# only checks the version pays for nothing, and the first use of a name imports its module.
_HOMES = {
    "load": "_loading",
    "cite": "citing",
    "Collection": "collection",
    **dict.fromkeys(("Dataset", "Membership", "Recomputation"), "dataset"),
    **dict.fromkeys(("HistoricalDate", "Precision"), "dates"),
    **dict.fromkeys(
        ("AmbiguousError", "DataError", "NotFoundError", "Problem", "Purge1930sError"),
        "exceptions",
    ),
    **dict.fromkeys(
        (
            "Body",
            "BodyKind",
            "Citation",
            "DeathCause",
            "Defendant",
            "Derivation",
            "Event",
            "EventKind",
            "FigureVariant",
            "Outcome",
            "OutcomeKind",
            "Period",
            "Person",
            "Position",
            "Procedure",
            "ProcedureKind",
            "Rehabilitation",
            "Role",
            "Seats",
            "Sentence",
            "SentenceKind",
            "Source",
            "SourceKind",
            "Statistic",
            "Trial",
            "Variant",
        ),
        "models",
    ),
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is not None:
        value = getattr(importlib.import_module(f"purge1930s.{home}"), name)
        globals()[name] = value  # later look-ups are plain attribute access
        return value
    if name in _SHORTCUTS:
        return getattr(__getattr__("load")(), name)
    msg = f"module 'purge1930s' has no attribute {name!r}"
    raise AttributeError(msg)


def __dir__() -> list[str]:
    return sorted([*__all__, *_SHORTCUTS])
