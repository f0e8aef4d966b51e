"""
The dataset as flat tables, and back.

Every export that is tabular (CSV, JSON Lines, SQLite, pandas) starts here, so that they
all share one schema: one table per record type, link tables for the relations (positions,
defendants, judges, event participants), and tables for variants and citations. Nested
lists of plain strings (aliases, provisions, charges) stay in their row as JSON arrays.
:func:`from_tables` rebuilds the records, so every export can be read back exactly.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from functools import partial
from typing import Any, Final

import attrs

from purge1930s._convert import converter
from purge1930s.dataset import Dataset
from purge1930s.models import (
    Body,
    Citation,
    Event,
    FigureVariant,
    Person,
    Position,
    Procedure,
    Seats,
    Source,
    Statistic,
    Trial,
    Variant,
)

__all__ = ["TABLES", "Column", "Table", "from_tables", "rows", "tables"]


@attrs.frozen(kw_only=True)
class Column:
    """One column: its name, its Frictionless type and what it means."""

    name: str
    type: str
    doc: str
    references: tuple[str, str] | None = None  # (table, column)
    required: bool = False


@attrs.frozen(kw_only=True)
class Table:
    """A table's schema: columns, primary key, and a description."""

    name: str
    doc: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]

    @property
    def column_names(self) -> tuple[str, ...]:
        """The column names in order."""
        return tuple(c.name for c in self.columns)


def _doc(cls: type, name: str) -> str:
    return str(attrs.fields_dict(cls)[name].metadata.get("doc", ""))


def _c(
    name: str, type_: str, doc: str, ref: tuple[str, str] | None = None, *, required: bool = False
) -> Column:
    return Column(name=name, type=type_, doc=doc, references=ref, required=required)


def _fields(cls: type, *names: str, types: dict[str, str] | None = None) -> list[Column]:
    types = types or {}
    return [_c(n, types.get(n, "string"), _doc(cls, n), required=(n == "id")) for n in names]


_EDTF = " (EDTF date)"
_ORD = _c("ordinal", "integer", "Position in the parent record's list, from 0.", required=True)

TABLES: Final[dict[str, Table]] = {
    t.name: t
    for t in [
        Table(
            name="sources",
            doc="Every document cited.",
            key=("id",),
            columns=tuple(
                _fields(
                    Source,
                    "id",
                    "kind",
                    "title",
                    "author",
                    "publisher",
                    "year",
                    "url",
                    "accessed",
                    "note",
                    types={"year": "integer"},
                )
            ),
        ),
        Table(
            name="bodies",
            doc="Organisations people belonged to.",
            key=("id",),
            columns=tuple(
                _fields(
                    Body,
                    "id",
                    "name",
                    "name_ru",
                    "aliases",
                    "kind",
                    "start",
                    "end",
                    "summary",
                    types={"aliases": "array"},
                )
            ),
        ),
        Table(
            name="body_seats",
            doc="How many places of each role a body elected as a whole had at its start.",
            key=("body", "ordinal"),
            columns=(
                _c("body", "string", "Id of the body.", ("bodies", "id"), required=True),
                _ORD,
                _c("role", "string", _doc(Seats, "role"), required=True),
                _c("count", "integer", _doc(Seats, "count"), required=True),
            ),
        ),
        Table(
            name="people",
            doc="Persons.",
            key=("id",),
            columns=(
                *_fields(
                    Person,
                    "id",
                    "name",
                    "name_ru",
                    "aliases",
                    "born",
                    "died",
                    "death_cause",
                    types={"aliases": "array"},
                ),
                _c("rehabilitated", "boolean", "Whether a later finding cleared the person."),
                _c("rehabilitated_date", "string", "When the person was rehabilitated" + _EDTF),
                _c("rehabilitated_by", "string", "The body that rehabilitated the person."),
                _c("rehabilitated_note", "string", "Notes on the rehabilitation."),
                *_fields(Person, "summary"),
            ),
        ),
        Table(
            name="positions",
            doc="Posts and memberships held by people.",
            key=("person", "ordinal"),
            columns=(
                _c("person", "string", "Id of the person.", ("people", "id"), required=True),
                _ORD,
                *[
                    _c(n, "string", _doc(Position, n), ("bodies", "id") if n == "body" else None)
                    for n in ("title", "body", "role", "start", "end")
                ],
            ),
        ),
        Table(
            name="procedures",
            doc="Laws, orders and extrajudicial bodies.",
            key=("id",),
            columns=tuple(
                _fields(
                    Procedure,
                    "id",
                    "name",
                    "name_ru",
                    "aliases",
                    "kind",
                    "enacted",
                    "enacted_by",
                    "provisions",
                    "repealed",
                    "repealed_by",
                    "summary",
                    types={"aliases": "array", "provisions": "array"},
                )
            ),
        ),
        Table(
            name="trials",
            doc="Trials.",
            key=("id",),
            columns=(
                *_fields(
                    Trial,
                    "id",
                    "name",
                    "name_ru",
                    "aliases",
                    "court",
                    "public",
                    "start",
                    "end",
                    "verdict",
                    types={"aliases": "array", "public": "boolean"},
                ),
                _c("presiding_judge", "string", _doc(Trial, "presiding_judge"), ("people", "id")),
                _c("prosecutor", "string", _doc(Trial, "prosecutor"), ("people", "id")),
                _c("procedure", "string", _doc(Trial, "procedure"), ("procedures", "id")),
                *_fields(Trial, "charges", "summary", types={"charges": "array"}),
            ),
        ),
        Table(
            name="trial_judges",
            doc="Members of the bench besides the presiding judge.",
            key=("trial", "ordinal"),
            columns=(
                _c("trial", "string", "Id of the trial.", ("trials", "id"), required=True),
                _ORD,
                _c("person", "string", "Id of the judge.", ("people", "id"), required=True),
            ),
        ),
        Table(
            name="defendants",
            doc="Every defendant of every trial, with sentence and fate.",
            key=("trial", "ordinal"),
            columns=(
                _c("trial", "string", "Id of the trial.", ("trials", "id"), required=True),
                _ORD,
                _c("person", "string", "Id of the defendant.", ("people", "id"), required=True),
                _c("sentence_kind", "string", "What was decreed: death, imprisonment, exile..."),
                _c("sentence_years", "integer", "Term in years (none for a death sentence)."),
                _c("sentence_note", "string", "Notes on the sentence."),
                _c("outcome_kind", "string", "What then happened: shot, killed, released..."),
                _c("outcome_date", "string", "When it happened" + _EDTF),
                _c("outcome_note", "string", "Notes on the outcome."),
                _c("executed", "string", "Date of shooting, if shot after this trial" + _EDTF),
                _c("notes", "string", "Allegations and pleas; the charges were fabricated."),
            ),
        ),
        Table(
            name="events",
            doc="Dated events; ordered by the timeline.",
            key=("id",),
            columns=tuple(
                _fields(
                    Event,
                    "id",
                    "title",
                    "date",
                    "end",
                    "kind",
                    "place",
                    "posthumous",
                    "summary",
                    types={"posthumous": "boolean"},
                )
            ),
        ),
        Table(
            name="event_people",
            doc="Who took part in each event.",
            key=("event", "ordinal"),
            columns=(
                _c("event", "string", "Id of the event.", ("events", "id"), required=True),
                _ORD,
                _c("person", "string", "Id of the person.", ("people", "id"), required=True),
            ),
        ),
        Table(
            name="event_trials",
            doc="Which trials each event belongs to.",
            key=("event", "ordinal"),
            columns=(
                _c("event", "string", "Id of the event.", ("events", "id"), required=True),
                _ORD,
                _c("trial", "string", "Id of the trial.", ("trials", "id"), required=True),
            ),
        ),
        Table(
            name="event_procedures",
            doc="Which procedures each event enacted or applied.",
            key=("event", "ordinal"),
            columns=(
                _c("event", "string", "Id of the event.", ("events", "id"), required=True),
                _ORD,
                _c(
                    "procedure",
                    "string",
                    "Id of the procedure.",
                    ("procedures", "id"),
                    required=True,
                ),
            ),
        ),
        Table(
            name="statistics",
            doc="Published figures.",
            key=("id",),
            columns=(
                *_fields(
                    Statistic,
                    "id",
                    "label",
                    "count",
                    "total",
                    "percent",
                    "text",
                    "unit",
                    types={"count": "integer", "total": "integer", "percent": "number"},
                ),
                _c("period_start", "string", "Start of the period covered" + _EDTF),
                _c("period_end", "string", "End of the period covered" + _EDTF),
                *_fields(Statistic, "scope", "derived_from", types={"derived_from": "object"}),
            ),
        ),
        Table(
            name="figure_variants",
            doc="Other published values of the figures.",
            key=("statistic", "ordinal"),
            columns=(
                _c("statistic", "string", "Id of the figure.", ("statistics", "id"), required=True),
                _ORD,
                *_fields(
                    FigureVariant,
                    "count",
                    "total",
                    "percent",
                    "text",
                    "note",
                    types={"count": "integer", "total": "integer", "percent": "number"},
                ),
            ),
        ),
        Table(
            name="variants",
            doc="Values of fields that other sources give differently.",
            key=("record_type", "record_id", "ordinal"),
            columns=(
                _c("record_type", "string", "Table of the record.", required=True),
                _c("record_id", "string", "Id of the record.", required=True),
                _ORD,
                _c("field", "string", _doc(Variant, "field")),
                _c("value", "string", _doc(Variant, "value")),
                _c("value_type", "string", "Whether the value is a string or an integer."),
                _c("note", "string", _doc(Variant, "note")),
            ),
        ),
        Table(
            name="citations",
            doc="Every citation of every record and nested part.",
            key=("record_type", "record_id", "path", "ordinal"),
            columns=(
                _c("record_type", "string", "Table of the citing record.", required=True),
                _c("record_id", "string", "Id of the citing record.", required=True),
                _c(
                    "path",
                    "string",
                    "Where in the record: citations, positions[2].citations...",
                    required=True,
                ),
                _ORD,
                _c("source", "string", "Id of the source.", ("sources", "id"), required=True),
                _c("locator", "string", "Where in the source."),
            ),
        ),
    ]
}


# --- records to rows ---------------------------------------------------------------------------

Row = dict[str, Any]


def _s(value: object) -> Any:
    """A cell value: dates and enums as text, tuples as lists, the rest as is."""
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, tuple):
        return [_s(v) for v in value]
    if isinstance(value, str):
        return str(value)
    return str(value)


def _pick(record: object, *names: str) -> Row:
    return {n: _s(getattr(record, n)) for n in names}


def _cite(
    out: dict[str, list[Row]], kind: str, rid: str, path: str, citations: Iterable[Citation]
) -> None:
    for i, c in enumerate(citations):
        out["citations"].append(
            {
                "record_type": kind,
                "record_id": rid,
                "path": path,
                "ordinal": i,
                "source": c.source,
                "locator": c.locator,
            }
        )


def _variants(out: dict[str, list[Row]], kind: str, rid: str, variants: Iterable[Variant]) -> None:
    for i, v in enumerate(variants):
        out["variants"].append(
            {
                "record_type": kind,
                "record_id": rid,
                "ordinal": i,
                "field": v.field,
                "value": str(v.value),
                "value_type": "integer" if type(v.value) is int else "string",
                "note": v.note,
            }
        )
        _cite(out, kind, rid, f"variants[{i}].citations", v.citations)


def rows(ds: Dataset) -> dict[str, list[Row]]:
    """Every table's rows, in a stable order (by key)."""
    out: dict[str, list[Row]] = defaultdict(list)
    for s in ds.sources:
        out["sources"].append(_pick(s, *TABLES["sources"].column_names))
    for b in ds.bodies:
        out["bodies"].append(_pick(b, *TABLES["bodies"].column_names))
        out["body_seats"].extend(
            {"body": b.id, "ordinal": i, "role": _s(seats.role), "count": seats.count}
            for i, seats in enumerate(b.seats)
        )
        _cite(out, "bodies", b.id, "citations", b.citations)
    for p in ds.people:
        row = _pick(p, "id", "name", "name_ru", "aliases", "born", "died", "death_cause", "summary")
        r = p.rehabilitated
        row.update(
            rehabilitated=r is not None,
            rehabilitated_date=_s(r.date) if r else None,
            rehabilitated_by=r.by if r else None,
            rehabilitated_note=r.note if r else None,
        )
        out["people"].append(row)
        for i, pos in enumerate(p.positions):
            out["positions"].append(
                {
                    "person": p.id,
                    "ordinal": i,
                    **_pick(pos, "title", "body", "role", "start", "end"),
                }
            )
            _cite(out, "people", p.id, f"positions[{i}].citations", pos.citations)
        if r is not None:
            _cite(out, "people", p.id, "rehabilitated.citations", r.citations)
        _cite(out, "people", p.id, "citations", p.citations)
        _variants(out, "people", p.id, p.variants)
    for pr in ds.procedures:
        out["procedures"].append(_pick(pr, *TABLES["procedures"].column_names))
        _cite(out, "procedures", pr.id, "citations", pr.citations)
        _variants(out, "procedures", pr.id, pr.variants)
    for t in ds.trials:
        out["trials"].append(_pick(t, *TABLES["trials"].column_names))
        for i, judge in enumerate(t.judges):
            out["trial_judges"].append({"trial": t.id, "ordinal": i, "person": judge})
        for i, d in enumerate(t.defendants):
            out["defendants"].append(
                {
                    "trial": t.id,
                    "ordinal": i,
                    "person": d.person,
                    "sentence_kind": _s(d.sentence.kind),
                    "sentence_years": d.sentence.years,
                    "sentence_note": d.sentence.note,
                    "outcome_kind": _s(d.outcome.kind),
                    "outcome_date": _s(d.outcome.date),
                    "outcome_note": d.outcome.note,
                    "executed": _s(d.executed),
                    "notes": d.notes,
                }
            )
            _cite(out, "trials", t.id, f"defendants[{i}].citations", d.citations)
        _cite(out, "trials", t.id, "citations", t.citations)
        _variants(out, "trials", t.id, t.variants)
    for e in ds.events:
        out["events"].append(_pick(e, *TABLES["events"].column_names))
        for name, ids, col in (
            ("event_people", e.people, "person"),
            ("event_trials", e.trials, "trial"),
            ("event_procedures", e.procedures, "procedure"),
        ):
            out[name].extend({"event": e.id, "ordinal": i, col: x} for i, x in enumerate(ids))
        _cite(out, "events", e.id, "citations", e.citations)
        _variants(out, "events", e.id, e.variants)
    for st in ds.statistics:
        row = _pick(st, "id", "label", "count", "total", "percent", "text", "unit", "scope")
        row["period_start"] = _s(st.period.start) if st.period else None
        row["period_end"] = _s(st.period.end) if st.period else None
        row["derived_from"] = converter.unstructure(st.derived_from) if st.derived_from else None
        out["statistics"].append(row)
        for i, v in enumerate(st.variants):
            out["figure_variants"].append(
                {
                    "statistic": st.id,
                    "ordinal": i,
                    **_pick(v, "count", "total", "percent", "text", "note"),
                }
            )
            _cite(out, "statistics", st.id, f"variants[{i}].citations", v.citations)
        _cite(out, "statistics", st.id, "citations", st.citations)
    result = {}
    for name, table in TABLES.items():
        ordered = sorted(out.get(name, []), key=_row_key(table.key))
        result[name] = [{c: r.get(c) for c in table.column_names} for r in ordered]
    return result


def _row_key(key: tuple[str, ...]) -> Callable[[Row], tuple[Any, ...]]:
    def row_key(row: Row) -> tuple[Any, ...]:
        return tuple(row[c] for c in key)

    return row_key


def tables(ds: Dataset) -> dict[str, tuple[Table, list[Row]]]:
    """Each table's schema with its rows."""
    data = rows(ds)
    return {name: (table, data[name]) for name, table in TABLES.items()}


# --- rows to records ---------------------------------------------------------------------------


def _clean(row: Row, drop: Iterable[str] = ()) -> Row:
    """A row as converter input: no None values, no table-only columns."""
    skip = set(drop)
    return {k: v for k, v in row.items() if v is not None and k not in skip}


class _Rebuilder:
    """Turns table rows back into the nested records the converter structures."""

    def __init__(self, data: dict[str, list[Row]]) -> None:
        self.data = data
        self.cites: dict[tuple[str, str, str], list[Row]] = defaultdict(list)
        for c in sorted(data["citations"], key=lambda c: c["ordinal"]):
            self.cites[(c["record_type"], c["record_id"], c["path"])].append(
                {"source": c["source"], "locator": c["locator"] or ""}
            )
        self.children: dict[str, dict[str, list[Row]]] = defaultdict(lambda: defaultdict(list))
        for name, parent in (
            ("positions", "person"),
            ("body_seats", "body"),
            ("trial_judges", "trial"),
            ("defendants", "trial"),
            ("event_people", "event"),
            ("event_trials", "event"),
            ("event_procedures", "event"),
            ("figure_variants", "statistic"),
        ):
            for row in sorted(data[name], key=lambda r: r["ordinal"]):
                self.children[name][row[parent]].append(row)
        self.variants: dict[tuple[str, str], list[Row]] = defaultdict(list)
        for v in sorted(data["variants"], key=lambda v: v["ordinal"]):
            self.variants[(v["record_type"], v["record_id"])].append(v)

    def with_cites(self, kind: str, rid: str, path: str, record: Row) -> Row:
        found = self.cites.get((kind, rid, path))
        if found:
            record["citations"] = found
        return record

    def var(self, kind: str, rid: str) -> list[Row]:
        return [
            self.with_cites(
                kind,
                rid,
                f"variants[{v['ordinal']}].citations",
                {
                    "field": v["field"],
                    "note": v["note"] or "",
                    "value": int(v["value"]) if v["value_type"] == "integer" else v["value"],
                },
            )
            for v in self.variants.get((kind, rid), [])
        ]

    def person(self, row: Row) -> Row:
        pid = row["id"]
        record = _clean(
            row,
            ("rehabilitated", "rehabilitated_date", "rehabilitated_by", "rehabilitated_note"),
        )
        if row["rehabilitated"]:
            rehab = _clean(
                {
                    "date": row["rehabilitated_date"],
                    "by": row["rehabilitated_by"],
                    "note": row["rehabilitated_note"],
                }
            )
            record["rehabilitated"] = self.with_cites(
                "people", pid, "rehabilitated.citations", rehab
            )
        record["positions"] = [
            self.with_cites(
                "people",
                pid,
                f"positions[{p['ordinal']}].citations",
                _clean(p, ("person", "ordinal")),
            )
            for p in self.children["positions"][pid]
        ]
        record["variants"] = self.var("people", pid)
        return self.with_cites("people", pid, "citations", record)

    def defendant(self, tid: str, d: Row) -> Row:
        sentence = {
            "kind": d["sentence_kind"],
            "years": d["sentence_years"],
            "note": d["sentence_note"],
        }
        outcome = {"kind": d["outcome_kind"], "date": d["outcome_date"], "note": d["outcome_note"]}
        record = {
            "person": d["person"],
            "notes": d["notes"] or "",
            "sentence": _clean(sentence),
            "outcome": _clean(outcome),
        }
        return self.with_cites("trials", tid, f"defendants[{d['ordinal']}].citations", record)

    def trial(self, row: Row) -> Row:
        tid = row["id"]
        record = _clean(row)
        record["judges"] = [j["person"] for j in self.children["trial_judges"][tid]]
        record["defendants"] = [self.defendant(tid, d) for d in self.children["defendants"][tid]]
        record["variants"] = self.var("trials", tid)
        return self.with_cites("trials", tid, "citations", record)

    def event(self, row: Row) -> Row:
        eid = row["id"]
        record = _clean(row)
        record["people"] = [x["person"] for x in self.children["event_people"][eid]]
        record["trials"] = [x["trial"] for x in self.children["event_trials"][eid]]
        record["procedures"] = [x["procedure"] for x in self.children["event_procedures"][eid]]
        record["variants"] = self.var("events", eid)
        return self.with_cites("events", eid, "citations", record)

    def statistic(self, row: Row) -> Row:
        sid = row["id"]
        record = _clean(row, ("period_start", "period_end"))
        if row["period_start"] is not None or row["period_end"] is not None:
            record["period"] = _clean({"start": row["period_start"], "end": row["period_end"]})
        record["variants"] = [
            self.with_cites(
                "statistics",
                sid,
                f"variants[{v['ordinal']}].citations",
                _clean(v, ("statistic", "ordinal")),
            )
            for v in self.children["figure_variants"][sid]
        ]
        return self.with_cites("statistics", sid, "citations", record)

    def body(self, row: Row) -> Row:
        record = self.plain("bodies", row, has_variants=False)
        record["seats"] = [
            {"role": x["role"], "count": x["count"]} for x in self.children["body_seats"][row["id"]]
        ]
        return record

    def plain(self, kind: str, row: Row, *, has_variants: bool) -> Row:
        record = _clean(row)
        if kind != "sources":
            record = self.with_cites(kind, row["id"], "citations", record)
        if has_variants:
            record["variants"] = self.var(kind, row["id"])
        return record


def from_tables(data: dict[str, list[Row]]) -> Dataset:
    """Rebuild the dataset from table rows (as :func:`rows` gives them)."""
    r = _Rebuilder(data)
    build: dict[str, tuple[type, Callable[[Row], Row]]] = {
        "sources": (Source, partial(r.plain, "sources", has_variants=False)),
        "bodies": (Body, r.body),
        "procedures": (Procedure, partial(r.plain, "procedures", has_variants=True)),
        "people": (Person, r.person),
        "trials": (Trial, r.trial),
        "events": (Event, r.event),
        "statistics": (Statistic, r.statistic),
    }
    records: dict[str, list[Any]] = {
        name: [converter.structure(make(row), cls) for row in data[name]]
        for name, (cls, make) in build.items()
    }
    return Dataset(**records)
