"""
Hypothesis strategies for purge1930s data, for this project's tests and for yours.

Requires Hypothesis (``pip install purge1930s[test]``); importing :mod:`purge1930s` never
imports this module.

* :func:`edtf_texts` and :func:`historical_dates` — valid dates of every precision and
  qualifier;
* :func:`documents` — whole valid datasets as JSON-ready documents, in the format that
  :func:`purge1930s.load` reads with ``extra=``: references resolve, every record cites a
  source, lives, posts, trials and events are in order, counts stay within totals;
* :func:`datasets` — the same, already loaded into a :class:`~purge1930s.Dataset`.

Generated ids start with ``gen-`` so that they never clash with the bundled data, and a
generated document loads together with it:

>>> from hypothesis import given, settings
>>> import json, tempfile, purge1930s
>>> from purge1930s.testing import documents
>>> @settings(max_examples=5, deadline=None)
... @given(documents())
... def loads(document):
...     with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as fh:
...         json.dump(document, fh)
...     purge1930s.load(extra=[fh.name])
>>> loads()
"""

from __future__ import annotations

import calendar
from typing import Any

from hypothesis import strategies as st

from purge1930s._validate import check
from purge1930s.dataset import Dataset
from purge1930s.dates import HistoricalDate
from purge1930s.exceptions import DataError
from purge1930s.models import (
    BodyKind,
    DeathCause,
    EventKind,
    OutcomeKind,
    Role,
    SentenceKind,
    SourceKind,
)

__all__ = ["datasets", "documents", "edtf_texts", "historical_dates"]

Document = dict[str, list[dict[str, Any]]]

_QUALIFIERS = ("", "?", "~", "%")
_FIRST_YEAR = 1850
_LAST_YEAR = 1995


@st.composite
def edtf_texts(draw: st.DrawFn, min_year: int = 1, max_year: int = 9999) -> str:
    """Valid EDTF date text (``1937``, ``1937-05``, ``1937-05-14``) with any qualifier."""
    year = draw(st.integers(min_year, max_year))
    text = f"{year:04d}"
    precision = draw(st.sampled_from(("year", "month", "day")))
    if precision != "year":
        month = draw(st.integers(1, 12))
        text += f"-{month:02d}"
        if precision == "day":
            text += f"-{draw(st.integers(1, calendar.monthrange(year, month)[1])):02d}"
    return text + draw(st.sampled_from(_QUALIFIERS))


def historical_dates(min_year: int = 1, max_year: int = 9999) -> st.SearchStrategy[HistoricalDate]:
    """Valid :class:`~purge1930s.HistoricalDate` values between the given years."""
    return edtf_texts(min_year, max_year).map(HistoricalDate.parse)


def _in_year(draw: st.DrawFn, year: int) -> str:
    return draw(edtf_texts(year, year))


def _citations(draw: st.DrawFn, sources: list[str]) -> list[dict[str, str]]:
    picked = draw(st.lists(st.sampled_from(sources), min_size=1, max_size=2, unique=True))
    return [{"source": s, "locator": f"p. {i + 1}"} for i, s in enumerate(picked)]


_WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=9)


def _sources(draw: st.DrawFn) -> list[dict[str, Any]]:
    return [
        {
            "id": f"gen-source-{i}",
            "kind": draw(st.sampled_from(SourceKind)).value,
            "title": draw(_WORDS).title(),
            "url": f"https://example.org/{i}",
        }
        for i in range(draw(st.integers(1, 3)))
    ]


def _bodies(draw: st.DrawFn, source_ids: list[str]) -> list[dict[str, Any]]:
    return [
        {
            "id": f"gen-body-{i}",
            "name": f"Body {draw(_WORDS)}",
            "kind": draw(st.sampled_from(BodyKind)).value,
            "start": _in_year(draw, draw(st.integers(_FIRST_YEAR, 1900))),
            "citations": _citations(draw, source_ids),
        }
        for i in range(draw(st.integers(0, 2)))
    ]


def _positions(
    draw: st.DrawFn, bodies: list[dict[str, Any]], born: int, last: int
) -> list[dict[str, Any]]:
    positions = []
    for body in bodies:
        first = max(born, int(body["start"][:4])) + 1
        if first >= last or not draw(st.booleans()):
            continue
        start = draw(st.integers(first, last - 1))
        position: dict[str, Any] = {
            "title": "Member",
            "body": body["id"],
            "role": draw(st.sampled_from(Role)).value,
            "start": _in_year(draw, start),
        }
        if draw(st.booleans()):
            position["end"] = _in_year(draw, draw(st.integers(start + 1, last)))
        positions.append(position)
    return positions


def _people(
    draw: st.DrawFn, max_people: int, bodies: list[dict[str, Any]], source_ids: list[str]
) -> list[dict[str, Any]]:
    people = []
    for i in range(draw(st.integers(1, max_people))):
        born = draw(st.integers(_FIRST_YEAR + 10, 1910))
        died = draw(st.one_of(st.none(), st.integers(born + 20, _LAST_YEAR)))
        person: dict[str, Any] = {
            "id": f"gen-person-{i}",
            "name": f"{draw(_WORDS).title()} Gen{i}",
            "name_ru": f"Имя Генов{i}",
            "aliases": [f"Alias{i} {draw(_WORDS).title()}"],
            "born": _in_year(draw, born),
            "citations": _citations(draw, source_ids),
        }
        if died is not None:
            person["died"] = _in_year(draw, died)
            person["death_cause"] = draw(st.sampled_from(DeathCause)).value
        elif draw(st.integers(0, 3)) == 0:
            # A known fate on an unknown day ("shot, date unknown").
            person["death_cause"] = draw(st.sampled_from(DeathCause)).value
        positions = _positions(draw, bodies, born, (died - 1) if died else _LAST_YEAR)
        if positions:
            person["positions"] = positions
        people.append(person)
    return people


Lives = dict[str, tuple[int, int | None]]


def _alive(lives: Lives, first: int, last: int) -> list[str]:
    """People born before *first* and not dead by *last* (by year, strictly)."""
    return [pid for pid, (b, d) in lives.items() if b < first and (d is None or d > last)]


def _defendant(draw: st.DrawFn, pid: str, death: int | None, verdict: int) -> dict[str, Any]:
    kind = draw(st.sampled_from(SentenceKind))
    sentence: dict[str, Any] = {"kind": kind.value}
    if kind in {SentenceKind.IMPRISONMENT, SentenceKind.EXILE}:
        sentence["years"] = draw(st.integers(1, 25))
    outcome: dict[str, Any] = {"kind": draw(st.sampled_from(OutcomeKind)).value}
    ceiling = (death - 1) if death is not None else verdict + 20
    if ceiling > verdict and draw(st.booleans()):
        outcome["date"] = _in_year(draw, draw(st.integers(verdict + 1, ceiling)))
    return {"person": pid, "sentence": sentence, "outcome": outcome}


def _trials(draw: st.DrawFn, lives: Lives, source_ids: list[str]) -> list[dict[str, Any]]:
    trials = []
    for i in range(draw(st.integers(0, 2))):
        start = draw(st.integers(1925, 1945))
        verdict = start + draw(st.integers(0, 1))
        bench = _alive(lives, start, verdict + 1)
        if not bench:
            continue
        chosen = draw(st.lists(st.sampled_from(bench), min_size=1, max_size=4, unique=True))
        trial: dict[str, Any] = {
            "id": f"gen-trial-{i}",
            "name": f"Trial {draw(_WORDS)} {i}",
            "court": "A court",
            "public": draw(st.booleans()),
            "start": _in_year(draw, start),
            "defendants": [_defendant(draw, pid, lives[pid][1], verdict) for pid in chosen],
            "citations": _citations(draw, source_ids),
        }
        if verdict > start:
            trial["verdict"] = _in_year(draw, verdict)
        trials.append(trial)
    return trials


def _events(
    draw: st.DrawFn, lives: Lives, trials: list[dict[str, Any]], source_ids: list[str]
) -> list[dict[str, Any]]:
    events = []
    for i in range(draw(st.integers(0, 6))):
        year = draw(st.integers(1900, 1950))
        event: dict[str, Any] = {
            "id": f"gen-event-{i}",
            "title": f"Event {draw(_WORDS)}",
            "date": _in_year(draw, year),
            "kind": draw(st.sampled_from(EventKind)).value,
            "citations": _citations(draw, source_ids),
        }
        end = draw(st.one_of(st.none(), st.integers(year + 1, year + 3)))
        if end is not None:
            event["end"] = _in_year(draw, end)
        alive = _alive(lives, year, end or year)
        if alive:
            event["people"] = draw(st.lists(st.sampled_from(alive), max_size=3, unique=True))
        with_trial = draw(st.booleans())
        if trials and with_trial:
            event["trials"] = [draw(st.sampled_from(trials))["id"]]
        events.append(event)
    return events


def _statistics(draw: st.DrawFn, source_ids: list[str]) -> list[dict[str, Any]]:
    statistics = []
    for i in range(draw(st.integers(0, 3))):
        total = draw(st.integers(0, 10_000))
        count = draw(st.integers(0, total))
        stat: dict[str, Any] = {
            "id": f"gen-statistic-{i}",
            "label": f"Figure {i}",
            "count": count,
            "total": total,
            "citations": _citations(draw, source_ids),
        }
        if total and draw(st.booleans()):
            stat["percent"] = round(100 * count / total, 1)
        if draw(st.booleans()):
            stat["variants"] = [
                {"count": draw(st.integers(0, total)), "citations": _citations(draw, source_ids)}
            ]
        statistics.append(stat)
    return statistics


@st.composite
def documents(draw: st.DrawFn, max_people: int = 8) -> Document:
    """
    A whole valid dataset as a JSON-ready document.

    Chronology is kept by strictly increasing years (born < post start < post end < died,
    verdict < outcome < death), so every rule holds whatever the precision of each date.
    """
    sources = _sources(draw)
    source_ids = [s["id"] for s in sources]
    bodies = _bodies(draw, source_ids)
    people = _people(draw, max_people, bodies, source_ids)
    lives: Lives = {
        p["id"]: (int(p["born"][:4]), int(p["died"][:4]) if "died" in p else None) for p in people
    }
    trials = _trials(draw, lives, source_ids)
    document: Document = {"sources": sources, "people": people}
    for name, records in (
        ("bodies", bodies),
        ("trials", trials),
        ("events", _events(draw, lives, trials, source_ids)),
        ("statistics", _statistics(draw, source_ids)),
    ):
        if records:
            document[name] = records
    return document


def _to_dataset(document: Document) -> Dataset:
    from purge1930s._loading import structure_document  # noqa: PLC0415 -- avoid a cycle

    records, problems = structure_document("generated", document)
    problems.extend(check(records))
    if problems:
        raise DataError(problems)
    return Dataset(**{name: [r for _, r in located] for name, located in records.items()})  # type: ignore[arg-type]


def datasets(max_people: int = 8) -> st.SearchStrategy[Dataset]:
    """Valid :class:`~purge1930s.Dataset` values built from :func:`documents` alone."""
    return documents(max_people).map(_to_dataset)
