"""
The :class:`Dataset`: every collection, plus the questions that need more than one of them.

Get one with :func:`purge1930s.load`; it is immutable and safe to share between threads.
"""

from __future__ import annotations

import bisect
import datetime
import heapq
import threading
from collections.abc import Iterable
from typing import Any, Final, final

import attrs

from purge1930s._lazy import once
from purge1930s.collection import Collection
from purge1930s.dates import HistoricalDate
from purge1930s.exceptions import NotFoundError
from purge1930s.models import (
    Body,
    DeathCause,
    Derivation,
    Event,
    EventKind,
    FigureVariant,
    Period,
    Person,
    Procedure,
    Role,
    Source,
    Statistic,
    Trial,
)

__all__ = ["Dataset", "Membership", "Recomputation"]

_FAR_PAST: Final = datetime.date.min
_FAR_FUTURE: Final = datetime.date.max


@attrs.frozen(kw_only=True)
class Membership:
    """
    That a person held a place in a body over a period (in the sense of the Popolo standard's
    Membership). ``person`` and ``body`` are ids; ``role`` is e.g. member or candidate.
    """

    person: str
    body: str
    role: Role
    title: str
    start: HistoricalDate | None
    end: HistoricalDate | None


@attrs.frozen(kw_only=True)
class Recomputation:
    """
    A published figure next to the value recomputed from person records.

    ``published`` is the statistic's count as published; ``value`` the recomputed count;
    ``total`` the recomputed size of the cohort; ``people`` the ids counted and ``cohort``
    the ids of everyone considered. ``matches`` says whether the two values agree;
    ``complete`` whether the records hold the whole cohort the figure counts (its published
    ``total``), and ``missing`` how many of that cohort are not yet in the data.
    ``undetermined`` are the ids not counted whose records cannot say whether they should
    be: the cause of death is unknown, or no death is recorded, and the death could fall in
    the counted period; or the cause is a counted one but the date of death, needed to
    check the counted period, is not recorded. A post the person held after the period
    rules a death inside it out. ``bounds`` gives the least and the most the count can
    be, the people not yet in the data included. A figure counted with ``absent_from``
    has no undetermined people.
    """

    statistic: Statistic
    published: int | None
    value: int
    total: int
    people: tuple[str, ...]
    cohort: tuple[str, ...]
    undetermined: tuple[str, ...] = ()

    @property
    def matches(self) -> bool:
        """Whether the recomputed value equals the published one."""
        return self.published == self.value

    @property
    def explanation(self) -> FigureVariant | None:
        """
        Where the values differ, the variant of the figure that records the recomputed
        value and says why it differs from the published one; else ``None``.
        """
        if self.matches:
            return None
        return next((v for v in self.statistic.variants if v.count == self.value), None)

    @property
    def status(self) -> str:
        """
        One word for the comparison: ``"matches"``, ``"explained"`` (differs, and a variant
        says why), ``"differs"`` or ``"incomplete"`` (part of the cohort is not in the data).
        """
        if not self.complete:
            return "incomplete"
        if self.matches:
            return "matches"
        return "explained" if self.explanation is not None else "differs"

    @property
    def missing(self) -> int:
        """How many of the published total are not (yet) in the records; 0 if no total."""
        expected = self.statistic.total
        return 0 if expected is None else max(expected - self.total, 0)

    @property
    def complete(self) -> bool:
        """Whether the records hold everyone the published figure counts among."""
        return self.missing == 0

    @property
    def bounds(self) -> tuple[int, int]:
        """
        The least and the most the figure can be, given the records: ``value`` if no open
        case counts, and ``value`` plus every undetermined and every missing person if all
        of them do. A published value outside these bounds cannot be reproduced from the
        records under the figure's definition.
        """
        return self.value, self.value + len(self.undetermined) + self.missing


DateLike = HistoricalDate | datetime.date | str


def as_date(value: DateLike) -> HistoricalDate:
    """A :class:`HistoricalDate` from one, from a :class:`datetime.date`, or from EDTF text."""
    if isinstance(value, HistoricalDate):
        return value
    if isinstance(value, datetime.date):
        return HistoricalDate.from_date(value)
    return HistoricalDate.parse(value)


def _names(record: Person | Trial | Procedure | Body) -> Iterable[str]:
    yield record.name
    if record.name_ru:
        yield record.name_ru
    yield from record.aliases


@final
class Dataset:
    """
    The whole data: ``sources``, ``people``, ``bodies``, ``events``, ``trials``,
    ``procedures`` and ``statistics``, each a read-only :class:`~purge1930s.Collection`.
    """

    __slots__ = (
        "_lock",
        "_memberships",
        "_time",
        "bodies",
        "events",
        "people",
        "procedures",
        "sources",
        "statistics",
        "trials",
    )

    sources: Collection[Source]
    people: Collection[Person]
    bodies: Collection[Body]
    events: Collection[Event]
    trials: Collection[Trial]
    procedures: Collection[Procedure]
    statistics: Collection[Statistic]
    _lock: threading.Lock
    _time: _TimeIndex | None
    _memberships: dict[str, tuple[Membership, ...]] | None

    def __init__(
        self,
        *,
        sources: Iterable[Source] = (),
        people: Iterable[Person] = (),
        bodies: Iterable[Body] = (),
        events: Iterable[Event] = (),
        trials: Iterable[Trial] = (),
        procedures: Iterable[Procedure] = (),
        statistics: Iterable[Statistic] = (),
    ) -> None:
        set_ = object.__setattr__
        set_(self, "sources", Collection("source", sources, key=_id, names=lambda s: (s.title,)))
        set_(self, "people", Collection("person", people, key=_id, names=_names, surnames=True))
        set_(self, "bodies", Collection("body", bodies, key=_id, names=_names))
        set_(self, "events", Collection("event", events, key=_id, names=lambda e: (e.title,)))
        set_(self, "trials", Collection("trial", trials, key=_id, names=_names))
        set_(self, "procedures", Collection("procedure", procedures, key=_id, names=_names))
        set_(
            self,
            "statistics",
            Collection("statistic", statistics, key=_id, names=lambda s: (s.label,)),
        )
        set_(self, "_lock", threading.Lock())
        set_(self, "_time", None)
        set_(self, "_memberships", None)

    # The timeline and membership indexes are built on first use, once, under a lock.

    def _time_index(self) -> _TimeIndex:
        return once(self, "_time", self._lock, lambda: _TimeIndex(self.events))

    def _membership_index(self) -> dict[str, tuple[Membership, ...]]:
        return once(self, "_memberships", self._lock, lambda: _memberships(self.people))

    def __setattr__(self, name: str, value: object) -> None:
        msg = "Dataset is immutable"
        raise AttributeError(msg)

    def __repr__(self) -> str:
        counts = ", ".join(
            f"{len(getattr(self, name))} {name}"
            for name in ("people", "events", "trials", "procedures", "statistics", "sources")
        )
        return f"<Dataset: {counts}>"

    # --- time ---------------------------------------------------------------------------

    def timeline(self, start: DateLike | None = None, end: DateLike | None = None) -> list[Event]:
        """
        Events in chronological order (see :func:`timeline_key`), optionally only those
        whose days can fall between *start* and *end* inclusive.

        *start* and *end* accept EDTF text (``"1936-08"``), a :class:`HistoricalDate` or a
        :class:`datetime.date`; a month or year means all of its days. An event counts as
        inside the window when any day it can mean (from ``date`` to ``end``) is inside.
        """
        lo = _FAR_PAST if start is None else as_date(start).earliest
        hi = _FAR_FUTURE if end is None else as_date(end).latest
        return self._time_index().window(lo, hi, everything=start is None and end is None)

    # --- bodies -------------------------------------------------------------------------

    def members(self, body: str, at: DateLike | None = None) -> tuple[Membership, ...]:
        """
        Memberships of *body* (an id), ordered by start then person; with *at*, only those
        that can have been held on that date (an uncertain date counts if any reading fits).

        Raises:
            NotFoundError: if *body* is not a body id.
        """
        self.bodies[body]  # raises NotFoundError with suggestions
        memberships = self._membership_index().get(body, ())
        if at is None:
            return memberships
        when = as_date(at)
        window = Period(start=when, end=when)
        return tuple(m for m in memberships if self._held_in(m, window))

    def _held_in(self, m: Membership, period: Period | None) -> bool:
        """Whether *m* can have been held at some time in *period* (always, if None)."""
        if period is None:
            return True
        lo = period.start.earliest if period.start else _FAR_PAST
        hi = period.end.latest if period.end else _FAR_FUTURE
        if m.start is not None and m.start.earliest > hi:
            return False
        if m.end is not None:
            return m.end.latest >= lo
        died = self.people[m.person].died
        return died is None or died.latest >= lo

    # --- figures ------------------------------------------------------------------------

    def recompute(self, statistic: str) -> Recomputation:
        """
        Recompute a published figure from the person records, following its
        :attr:`~purge1930s.Statistic.derived_from`.

        Raises:
            NotFoundError: if there is no such statistic or it cannot be derived.
        """
        stat = self.statistics[statistic]
        rule = stat.derived_from
        if rule is None:
            derivable = [s.id for s in self.statistics if s.derived_from is not None]
            raise NotFoundError("derivable statistic", statistic, derivable[:3])
        cohort: dict[str, None] = {}
        for m in self.members(rule.body):
            if (
                m.role in rule.roles
                and _within(m.start, rule.started)
                and self._held_in(m, rule.held)
            ):
                cohort[m.person] = None
        ids = tuple(sorted(cohort))
        counted, undetermined = (
            _absent(ids, self.members(rule.absent_from))
            if rule.absent_from is not None
            else self._by_fate(ids, rule)
        )
        return Recomputation(
            statistic=stat,
            published=stat.count,
            value=len(counted),
            total=len(ids),
            people=counted,
            cohort=ids,
            undetermined=undetermined,
        )

    def _by_fate(
        self, cohort: tuple[str, ...], rule: Derivation
    ) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The cohort counted by fate: those counted, and those the records leave open."""
        counted = tuple(
            pid
            for pid in cohort
            if (person := self.people[pid]).death_cause in rule.fates
            and _within(person.died, rule.died)
        )

        # Not knowing how (or when) someone died is different from knowing they were not
        # counted: an unknown cause whose death may fall in the window, or a counted cause
        # with no date to check against the window, could go either way. A post held
        # after the window closes rules a death inside it out, date or no date.
        def open_case(person: Person) -> bool:
            if person.died is None and _seen_after(person, rule.died):
                return False
            if person.death_cause in rule.fates:
                return person.died is None
            if person.death_cause in (None, DeathCause.UNKNOWN):
                return person.died is None or _within(person.died, rule.died)
            return False

        done = set(counted)
        undetermined = tuple(
            pid for pid in cohort if pid not in done and open_case(self.people[pid])
        )
        return counted, undetermined

    # --- exports ------------------------------------------------------------------------

    def to_frames(self) -> dict[str, Any]:
        """
        Every table of the export as a pandas DataFrame (needs the ``pandas`` extra).

        See :mod:`purge1930s.export` for the tables.
        """
        from purge1930s.export.frames import to_frames  # noqa: PLC0415 -- optional extra

        return to_frames(self)

    def to_graph(self) -> Any:
        """A networkx graph of people, trials, events and bodies (needs ``networkx``)."""
        from purge1930s.export.frames import to_graph  # noqa: PLC0415 -- optional extra

        return to_graph(self)

    # --- people -------------------------------------------------------------------------

    def trials_of(self, person: str) -> tuple[Trial, ...]:
        """The trials in which *person* (an id) was a defendant, by start date."""
        self.people[person]
        found = [t for t in self.trials if any(d.person == person for d in t.defendants)]
        return tuple(sorted(found, key=lambda t: (t.start, t.id)))

    def events_of(self, person: str) -> tuple[Event, ...]:
        """The events *person* (an id) took part in, in chronological order."""
        self.people[person]
        return tuple(e for e in self._time_index().timeline if person in e.people)


_SHORT: Final = datetime.timedelta(days=31)


def _last(e: Event) -> datetime.date:
    return (e.end or e.date).latest


def _span(e: Event) -> datetime.timedelta:
    return _last(e) - e.date.earliest


_KIND_RANK: Final = {kind: rank for rank, kind in enumerate(EventKind)}


def timeline_key(e: Event) -> tuple[HistoricalDate, HistoricalDate, int, str]:
    """
    The timeline's order: by date, then end, then kind in the order :class:`EventKind`
    lists them (so that on one day an arrest precedes a verdict and a verdict an
    execution), then id.
    """
    return (e.date, e.end or e.date, _KIND_RANK[e.kind], e.id)


class _TimeIndex:
    """
    The events in timeline order, indexed for window queries: the short events (up to
    _SHORT long) are bisected by start, since one that starts more than _SHORT before a
    window cannot reach into it; the few long ones are checked one by one.
    O(log n + k + number of long events).
    """

    __slots__ = ("ends", "long", "short", "starts", "timeline")

    def __init__(self, events: Iterable[Event]) -> None:
        self.timeline = tuple(sorted(events, key=timeline_key))
        self.short = tuple(e for e in self.timeline if _span(e) <= _SHORT)
        self.starts = [e.date.earliest for e in self.short]
        self.ends = [_last(e) for e in self.short]
        self.long = tuple(e for e in self.timeline if _span(e) > _SHORT)

    def window(self, lo: datetime.date, hi: datetime.date, *, everything: bool) -> list[Event]:
        if everything:
            return list(self.timeline)
        first = lo - _SHORT if lo - _FAR_PAST > _SHORT else _FAR_PAST
        i = bisect.bisect_left(self.starts, first)
        j = bisect.bisect_right(self.starts, hi)
        found = [self.short[k] for k in range(i, j) if self.ends[k] >= lo]
        long_found = [e for e in self.long if e.date.earliest <= hi and _last(e) >= lo]
        if not long_found:
            return found
        return list(heapq.merge(found, long_found, key=timeline_key))


def _memberships(people: Iterable[Person]) -> dict[str, tuple[Membership, ...]]:
    found: dict[str, list[Membership]] = {}
    for person in people:
        for p in person.positions:
            if p.body is not None:
                found.setdefault(p.body, []).append(
                    Membership(
                        person=person.id,
                        body=p.body,
                        role=p.role,
                        title=p.title,
                        start=p.start,
                        end=p.end,
                    )
                )
    return {
        body: tuple(sorted(ms, key=lambda m: (m.start is None, m.start, m.person)))
        for body, ms in found.items()
    }


def _id(record: Source | Person | Body | Event | Trial | Procedure | Statistic) -> str:
    return record.id


def _absent(
    cohort: tuple[str, ...], later: tuple[Membership, ...]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """
    The cohort counted by absence from a later body. The records' seats in that body are
    taken as complete for the cohort (a seat is recorded for everyone a source names as
    re-elected), so nobody is left open.
    """
    kept = {m.person for m in later}
    return tuple(pid for pid in cohort if pid not in kept), ()


def _seen_after(person: Person, period: Period | None) -> bool:
    """
    Whether the records show *person* alive after *period* ends: a post of theirs starts
    or ends later (loading checks that no post starts or ends after its holder's death).
    """
    if period is None or period.end is None:
        return False
    hi = period.end.latest
    return any(
        d is not None and d.earliest > hi
        for position in person.positions
        for d in (position.start, position.end)
    )


def _within(date: HistoricalDate | None, period: Period | None) -> bool:
    """Whether *date* can fall inside *period* (always, when there is no period)."""
    if period is None:
        return True
    if date is None:
        return False
    lo = period.start.earliest if period.start else _FAR_PAST
    hi = period.end.latest if period.end else _FAR_FUTURE
    return date.overlaps(lo, hi)
