"""
The invariants every dataset keeps, checked after structuring and before a Dataset exists.

Each check yields :class:`~purge1930s.Problem` values instead of raising, so that one load
reports every broken rule at once. Uncertain dates compare as intervals: a rule such as
"born before died" is broken only when it is broken for every reading of the dates.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Final

from purge1930s.dates import HistoricalDate
from purge1930s.exceptions import Problem
from purge1930s.models import (
    Body,
    Citation,
    Event,
    EventKind,
    Person,
    Procedure,
    Record,
    SentenceKind,
    Source,
    Statistic,
    Trial,
    Variant,
)

__all__ = ["ID_PATTERN", "Located", "check"]

_HUNDRED: Final = 100
ID_PATTERN: Final = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# Events in which a person may appear after death.
_POSTHUMOUS: Final = frozenset({EventKind.REHABILITATION})

#: A record and the file it came from.
Located = tuple[str, Record]


class _Checker:
    def __init__(self, records: Mapping[str, Sequence[Located]]) -> None:
        self.records = records
        self.problems: list[Problem] = []
        self.ids: dict[str, set[str]] = {
            name: {record.id for _, record in located} for name, located in records.items()
        }
        self.people: dict[str, Person] = {
            r.id: r for _, r in records.get("people", ()) if isinstance(r, Person)
        }
        self.bodies: dict[str, Body] = {
            r.id: r for _, r in records.get("bodies", ()) if isinstance(r, Body)
        }
        self.source_ids = self.ids.get("sources", set())
        self.file = ""
        self.record = ""

    def problem(self, field: str, rule: str, message: str) -> None:
        self.problems.append(
            Problem(file=self.file, record=self.record, field=field, rule=rule, message=message)
        )

    def ref(self, field: str, value: str | None, collection: str) -> None:
        if value is not None and value not in self.ids.get(collection, ()):
            kind = {"people": "person", "bodies": "body"}.get(collection, collection[:-1])
            self.problem(field, "reference", f"no {kind} has the id {value!r}")

    def citations(self, field: str, citations: Sequence[Citation]) -> None:
        sources = self.source_ids
        for i, citation in enumerate(citations):
            if citation.source not in sources:  # the path is only formatted for a problem
                self.ref(f"{field}[{i}].source", citation.source, "sources")

    def order(
        self,
        first: tuple[str, HistoricalDate | None],
        second: tuple[str, HistoricalDate | None],
        field: str,
    ) -> None:
        (a_name, a), (b_name, b) = first, second
        if a is not None and b is not None and not a.may_precede(b):
            self.problem(field, "chronology", f"{a_name} {a} is after {b_name} {b}")

    def variants(self, variants: Sequence[Variant]) -> None:
        for i, variant in enumerate(variants):
            self.citations(f"variants[{i}].citations", variant.citations)
            if not variant.citations:
                self.problem(f"variants[{i}]", "citation", "a variant must cite its source")

    # --- per record type ----------------------------------------------------------------

    def common(self, record: Record) -> None:
        if not ID_PATTERN.fullmatch(record.id):
            self.problem("id", "id", "ids are lowercase ASCII slugs like 'nikolai-bukharin'")
        if isinstance(record, Source):
            return
        self.citations("citations", record.citations)
        if not record.citations:
            self.problem("citations", "citation", "every record must cite at least one source")
        if isinstance(record, Statistic):
            for i, v in enumerate(record.variants):
                self.citations(f"variants[{i}].citations", v.citations)
                if not v.citations:
                    self.problem(f"variants[{i}]", "citation", "a variant must cite its source")
        elif not isinstance(record, Body):
            self.variants(record.variants)

    def person(self, p: Person) -> None:
        self.order(("born", p.born), ("died", p.died), "died")
        # A known fate may lack its date ("shot, date unknown"), but a recorded death must
        # say how, if only "unknown", so that no death passes as a fate nobody looked for.
        if p.died is not None and p.death_cause is None:
            self.problem("death_cause", "death", "a death date needs a death_cause ('unknown')")
        for i, pos in enumerate(p.positions):
            body = self.bodies.get(pos.body) if pos.body else None
            if pos.citations:
                self.citations(f"positions[{i}].citations", pos.citations)
            if pos.body is not None and body is None:
                self.ref(f"positions[{i}].body", pos.body, "bodies")
            # The common case is a post in order; the paths are only formatted otherwise.
            dates = (p.born, pos.start, pos.end, p.died)
            bounds = (body.start, body.end) if body is not None else (None, None)
            if _in_order(*dates) and _in_order(bounds[0], pos.start, pos.end, bounds[1]):
                continue
            where = f"positions[{i}]"
            self.order(("start", pos.start), ("end", pos.end), f"{where}.end")
            self.order(("born", p.born), ("position start", pos.start), f"{where}.start")
            self.order(("position start", pos.start), ("death", p.died), f"{where}.start")
            self.order(("position end", pos.end), ("death", p.died), f"{where}.end")
            if body is not None:
                self.order(
                    (f"start of {body.id}", body.start),
                    ("position start", pos.start),
                    f"{where}.start",
                )
                self.order(
                    ("position start", pos.start), (f"end of {body.id}", body.end), f"{where}.start"
                )
                self.order(
                    ("position end", pos.end), (f"end of {body.id}", body.end), f"{where}.end"
                )
        if p.rehabilitated is not None:
            self.citations("rehabilitated.citations", p.rehabilitated.citations)

    def event(self, e: Event) -> None:
        self.order(("date", e.date), ("end", e.end), "end")
        people = self.people
        living_only = not e.posthumous and e.kind not in _POSTHUMOUS
        for i, pid in enumerate(e.people):
            person = people.get(pid)
            if person is None:
                self.ref(f"people[{i}]", pid, "people")
            elif living_only and person.died is not None and not e.date.may_precede(person.died):
                self.order(("event date", e.date), (f"death of {pid}", person.died), f"people[{i}]")
        for i, tid in enumerate(e.trials):
            self.ref(f"trials[{i}]", tid, "trials")
        for i, pid in enumerate(e.procedures):
            self.ref(f"procedures[{i}]", pid, "procedures")

    def trial(self, t: Trial) -> None:
        self.order(("start", t.start), ("end", t.end), "end")
        self.order(("end", t.end), ("verdict", t.verdict), "verdict")
        self.order(("start", t.start), ("verdict", t.verdict), "verdict")
        self.ref("presiding_judge", t.presiding_judge, "people")
        self.ref("prosecutor", t.prosecutor, "people")
        self.ref("procedure", t.procedure, "procedures")
        for i, judge in enumerate(t.judges):
            self.ref(f"judges[{i}]", judge, "people")
        seen: set[str] = set()
        for i, d in enumerate(t.defendants):
            where = f"defendants[{i}]"
            self.ref(f"{where}.person", d.person, "people")
            self.citations(f"{where}.citations", d.citations)
            if d.person in seen:
                self.problem(f"{where}.person", "duplicate", f"{d.person} is listed twice")
            seen.add(d.person)
            s = d.sentence
            if s.kind is SentenceKind.DEATH and s.years is not None:
                self.problem(
                    f"{where}.sentence.years", "sentence", "a death sentence has no term of years"
                )
            if s.years is not None and s.years <= 0:
                self.problem(f"{where}.sentence.years", "sentence", "a term is a positive number")
            decided = t.verdict or t.end or t.start
            self.order(("verdict", decided), ("outcome", d.outcome.date), f"{where}.outcome.date")
            person = self.people.get(d.person)
            if person is not None:
                self.order(("trial start", t.start), ("death", person.died), f"{where}.person")
                self.order(
                    ("outcome", d.outcome.date), ("death", person.died), f"{where}.outcome.date"
                )

    def procedure(self, p: Procedure) -> None:
        self.order(("enacted", p.enacted), ("repealed", p.repealed), "repealed")

    def body(self, b: Body) -> None:
        self.order(("start", b.start), ("end", b.end), "end")
        if not b.seats:
            return
        # Places filled at the body's start: people elected with it, not co-opted later.
        filled: dict[str, int] = {}
        for person in self.people.values():
            for role in {
                pos.role for pos in person.positions if pos.body == b.id and pos.start == b.start
            }:
                filled[role] = filled.get(role, 0) + 1
        seen: set[str] = set()
        for i, seats in enumerate(b.seats):
            if seats.role in seen:
                self.problem(f"seats[{i}].role", "seats", f"{seats.role} is given twice")
            seen.add(seats.role)
            if filled.get(seats.role, 0) > seats.count:
                self.problem(
                    f"seats[{i}].count",
                    "seats",
                    f"{filled[seats.role]} people hold a {seats.role} place from {b.start}, "
                    f"but the body had {seats.count}",
                )

    def statistic(self, s: Statistic) -> None:
        if s.count is None and s.percent is None and not s.text:
            self.problem("count", "count", "a figure needs a count, a percent or a text")
        _counts(self, s.count, s.total, s.percent, "")
        for i, v in enumerate(s.variants):
            if v.count is None and v.total is None and v.percent is None and not v.text:
                self.problem(f"variants[{i}]", "count", "a variant needs a value")
            # A variant that gives only a count is read against the preferred total.
            total = v.total if v.total is not None else s.total
            _counts(self, v.count, total, v.percent, f"variants[{i}].")
        if s.period is not None:
            self.order(("start", s.period.start), ("end", s.period.end), "period.end")
        if s.derived_from is not None:
            self.ref("derived_from.body", s.derived_from.body, "bodies")
            if s.derived_from.absent_from is not None:
                self.ref("derived_from.absent_from", s.derived_from.absent_from, "bodies")
                if s.derived_from.died is not None:
                    self.problem(
                        "derived_from.died",
                        "derived",
                        "a figure counted by absence from a later body does not look at deaths",
                    )
            if s.count is None:
                self.problem("count", "count", "a figure recomputed from records needs a count")

    def run(self) -> list[Problem]:
        for located in self.records.values():
            first_file: dict[str, str] = {}
            for file, record in located:
                self.file, self.record = file, record.id
                if record.id in first_file:
                    self.problem(
                        "id", "duplicate-id", f"the id is already used in {first_file[record.id]}"
                    )
                first_file.setdefault(record.id, file)
                self.common(record)
                if isinstance(record, Person):
                    self.person(record)
                elif isinstance(record, Event):
                    self.event(record)
                elif isinstance(record, Trial):
                    self.trial(record)
                elif isinstance(record, Procedure):
                    self.procedure(record)
                elif isinstance(record, Body):
                    self.body(record)
                elif isinstance(record, Statistic):
                    self.statistic(record)
        return self.problems


def _counts(
    checker: _Checker, count: int | None, total: int | None, percent: float | None, prefix: str
) -> None:
    if count is not None and count < 0:
        checker.problem(f"{prefix}count", "count", "a count cannot be negative")
    if total is not None and total < 0:
        checker.problem(f"{prefix}total", "count", "a total cannot be negative")
    if percent is not None and not 0 <= percent <= _HUNDRED:
        checker.problem(f"{prefix}percent", "percent", "a percentage lies between 0 and 100")
    if count is None or total is None or count < 0 or total < 0:
        return
    if count > total:
        checker.problem(f"{prefix}count", "count", f"count {count} exceeds total {total}")
    elif percent is not None and total > 0:
        actual = _HUNDRED * count / total
        if abs(actual - percent) > _rounding(percent):
            checker.problem(
                f"{prefix}percent",
                "percent",
                f"{percent}% does not agree with {count}/{total} = {actual:.2f}%",
            )


def _rounding(percent: float) -> float:
    """
    One unit of the last digit the percentage is stated to: sources round or truncate
    (Khrushchev's 98 of 139 is "70 per cent", though 70.5 rounds to 71).
    """
    text = repr(float(percent))
    decimals = 0 if text.endswith(".0") else len(text.partition(".")[2])
    return 10.0**-decimals + 1e-9


def _in_order(*dates: HistoricalDate | None) -> bool:
    """Whether the given dates (Nones skipped) can be read in this order, pairwise."""
    known = [d for d in dates if d is not None]
    return all(a.may_precede(b) for i, a in enumerate(known) for b in known[i + 1 :])


def check(records: Mapping[str, Sequence[Located]]) -> Iterator[Problem]:
    """Every broken invariant in *records* (collection name → located records)."""
    yield from _Checker(records).run()
