"""Record classes: frozen, slotted, keyword-only, and the derived fields."""

from __future__ import annotations

import attrs
import pytest

import purge1930s
from purge1930s import (
    Defendant,
    HistoricalDate,
    Outcome,
    OutcomeKind,
    Person,
    Sentence,
    SentenceKind,
)
from purge1930s._convert import COLLECTIONS, converter

RECORDS = [
    purge1930s.Person,
    purge1930s.Event,
    purge1930s.Trial,
    purge1930s.Defendant,
    purge1930s.Sentence,
    purge1930s.Outcome,
    purge1930s.Procedure,
    purge1930s.Statistic,
    purge1930s.Source,
    purge1930s.Citation,
    purge1930s.Position,
    purge1930s.Body,
    purge1930s.Variant,
    purge1930s.FigureVariant,
    purge1930s.Rehabilitation,
    purge1930s.Derivation,
    purge1930s.Period,
]


@pytest.mark.parametrize("cls", RECORDS, ids=lambda c: c.__name__)
def test_frozen_slotted_keyword_only(cls: type) -> None:
    """Every record class is an attrs class, frozen, slotted, keyword-only, documented."""
    assert attrs.has(cls)
    assert "__slots__" in cls.__dict__
    assert all(a.kw_only for a in attrs.fields(cls))
    assert (cls.__doc__ or "").strip()


def test_cannot_mutate() -> None:
    p = Person(id="x", name="X")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        p.name = "Y"  # type: ignore[misc]
    with pytest.raises(TypeError):
        Person("x", "X")  # type: ignore[misc]


def test_executed_follows_outcome() -> None:
    """Defendant.executed is the outcome date only when the defendant was shot."""
    day = HistoricalDate.parse("1938-03-15")
    shot = Defendant(
        person="a",
        sentence=Sentence(kind=SentenceKind.DEATH),
        outcome=Outcome(kind=OutcomeKind.SHOT, date=day),
    )
    killed = Defendant(
        person="b",
        sentence=Sentence(kind=SentenceKind.IMPRISONMENT, years=10),
        outcome=Outcome(kind=OutcomeKind.KILLED, date=day),
    )
    assert day == shot.executed
    assert killed.executed is None


@pytest.mark.parametrize("name", sorted(COLLECTIONS))
def test_bundled_records_round_trip(name: str, ds: purge1930s.Dataset) -> None:
    """structure(unstructure(record)) gives back the record, for every bundled record."""
    record_type = COLLECTIONS[name]
    for record in getattr(ds, name):
        assert record == converter.structure(converter.unstructure(record), record_type)


def test_public_names() -> None:
    """__all__ lists exactly what the package exports, and each name exists."""
    for name in purge1930s.__all__:
        assert hasattr(purge1930s, name), name
    assert sorted(purge1930s.__all__) == purge1930s.__all__


@pytest.mark.parametrize("cls", RECORDS, ids=lambda c: c.__name__)
def test_every_field_says_what_it_means(cls: type) -> None:
    """Each field carries a description (used by the data dictionary and the exports)."""
    for f in attrs.fields(cls):
        assert f.metadata.get("doc", "").strip(), f"{cls.__name__}.{f.name}"
