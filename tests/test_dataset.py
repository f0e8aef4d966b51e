"""Dataset queries that span collections: timeline, members, recompute."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from purge1930s import (
    Body,
    BodyKind,
    Citation,
    Dataset,
    DeathCause,
    Derivation,
    Event,
    EventKind,
    FigureVariant,
    HistoricalDate,
    NotFoundError,
    Period,
    Person,
    Position,
    Role,
    Statistic,
)
from purge1930s.dataset import timeline_key

from .strategies import period_dates

CITE = (Citation(source="s"),)
D = HistoricalDate.parse


@st.composite
def events(draw: st.DrawFn) -> Event:
    date = draw(period_dates())
    end = draw(st.one_of(st.none(), period_dates().filter(date.may_precede)))
    return Event(
        id=draw(st.from_regex(r"[a-z]{1,8}", fullmatch=True)),
        title="t",
        date=date,
        end=end,
        kind=draw(st.sampled_from(EventKind)),
        citations=CITE,
    )


def unique_events() -> st.SearchStrategy[list[Event]]:
    return st.lists(events(), max_size=25, unique_by=lambda e: e.id)


class TestTimeline:
    """timeline(): chronological, stable, bounded."""

    @given(unique_events())
    def test_sorted_and_complete(self, evs: list[Event]) -> None:
        """The whole timeline holds every event, ordered by date, end, kind, id."""
        line = Dataset(events=evs).timeline()
        assert sorted(e.id for e in evs) == sorted(e.id for e in line)
        keys = [timeline_key(e) for e in line]
        assert keys == sorted(keys)

    @given(unique_events(), period_dates(), period_dates())
    def test_window_is_the_overlapping_subset(
        self, evs: list[Event], a: HistoricalDate, b: HistoricalDate
    ) -> None:
        """timeline(a, b) is exactly the events whose span meets [a, b], in timeline order."""
        ds = Dataset(events=evs)
        window = ds.timeline(a, b)
        expected = [
            e
            for e in ds.timeline()
            if e.date.earliest <= b.latest and (e.end or e.date).latest >= a.earliest
        ]
        assert [e.id for e in expected] == [e.id for e in window]

    @given(unique_events(), period_dates())
    def test_open_ends(self, evs: list[Event], a: HistoricalDate) -> None:
        """A missing bound is unbounded, and text, dates and HistoricalDates agree."""
        ds = Dataset(events=evs)
        assert ds.timeline(a, None) == ds.timeline(str(a), None)
        assert ds.timeline(None, a) == ds.timeline(None, str(a))
        assert set(ds.timeline(a)) <= set(ds.timeline())
        if a.exact:
            assert ds.timeline(a.earliest, a.earliest) == ds.timeline(a, a)

    def test_month_window_includes_month_precision_events(self) -> None:
        e1 = Event(id="a", title="t", date=D("1936-08"), kind=EventKind.OTHER, citations=CITE)
        e2 = Event(
            id="b",
            title="t",
            date=D("1936-07-30"),
            end=D("1936-08-02"),
            kind=EventKind.OTHER,
            citations=CITE,
        )
        e3 = Event(id="c", title="t", date=D("1936-09-01"), kind=EventKind.OTHER, citations=CITE)
        assert ["b", "a"] == [
            e.id for e in Dataset(events=[e1, e2, e3]).timeline("1936-08", "1936-08")
        ]

    def test_bad_bound(self) -> None:
        with pytest.raises(ValueError, match="invalid historical date"):
            Dataset().timeline("August 1936")


def _person(pid: str, died: str | None, cause: DeathCause | None, *positions: Position) -> Person:
    return Person(
        id=pid,
        name=pid.title(),
        died=None if died is None else D(died),
        death_cause=cause,
        positions=positions,
        citations=CITE,
    )


MARSHAL = Body(id="marshals", name="Marshals", kind=BodyKind.MILITARY, citations=CITE)


def _marshal(start: str, end: str | None = None) -> Position:
    return Position(
        title="Marshal",
        body="marshals",
        role=Role.MEMBER,
        start=D(start),
        end=None if end is None else D(end),
    )


class TestMembers:
    """members(): who sat in a body, and when."""

    def test_members_at_a_date(self) -> None:
        ds = Dataset(
            bodies=[MARSHAL],
            people=[
                _person("a", "1937-06-12", DeathCause.EXECUTED, _marshal("1935-11-20")),
                _person("b", None, None, _marshal("1935-11-20")),
                _person("c", None, None, _marshal("1940-05")),
            ],
        )
        assert ["a", "b", "c"] == [m.person for m in ds.members("marshals")]
        assert ["a", "b"] == [m.person for m in ds.members("marshals", at="1936")]
        assert ["b"] == [m.person for m in ds.members("marshals", at="1938-01-01")]
        assert ["b", "c"] == [
            m.person for m in ds.members("marshals", at=datetime.date(1940, 5, 15))
        ]
        m = ds.members("marshals")[0]
        assert (m.body, m.role, m.start) == ("marshals", Role.MEMBER, D("1935-11-20"))

    def test_unknown_body(self) -> None:
        with pytest.raises(NotFoundError):
            Dataset().members("politburo")


class TestRecompute:
    """recompute(): a published figure next to the records."""

    @given(
        st.lists(st.sampled_from([None, *DeathCause]), max_size=20),
        st.integers(0, 20),
        st.none() | st.integers(0, 25),
    )
    def test_count_within_cohort(
        self, fates: list[DeathCause | None], published: int, total: int | None
    ) -> None:
        """The recomputed count never exceeds the cohort and equals the people listed."""
        people = [
            _person(f"p{i}", None if f is None else "1938", f, _marshal("1935-11-20"))
            for i, f in enumerate(fates)
        ]
        stat = Statistic(
            id="s",
            label="x",
            count=published,
            total=total,
            citations=CITE,
            derived_from=Derivation(
                body="marshals", fates=(DeathCause.EXECUTED, DeathCause.DIED_IN_CUSTODY)
            ),
        )
        r = Dataset(bodies=[MARSHAL], people=people, statistics=[stat]).recompute("s")
        assert r.value == len(r.people) <= r.total == len(fates)
        assert r.value == sum(f in {DeathCause.EXECUTED, DeathCause.DIED_IN_CUSTODY} for f in fates)
        assert set(r.people) <= set(r.cohort)
        assert r.matches == (published == r.value)
        # Completeness compares the cohort in the records with the published total.
        assert r.missing == (0 if total is None else max(total - len(fates), 0))
        assert r.complete == (r.missing == 0)
        assert (r.status == "incomplete") == (not r.complete)
        if r.complete:
            assert (r.status == "matches") == r.matches
        assert r.explanation is None  # no variants were given
        # Undetermined: not counted, and the record cannot say whether they should be.
        unknown = {None, DeathCause.UNKNOWN}
        assert len(r.undetermined) == sum(f in unknown for f in fates)
        assert not set(r.undetermined) & set(r.people)
        assert set(r.undetermined) <= set(r.cohort)
        assert list(r.undetermined) == sorted(r.undetermined)
        assert r.value + len(r.undetermined) <= r.total
        # The bounds: nothing open counted, or every open case and every missing person.
        low, high = r.bounds
        assert (low, high) == (r.value, r.value + len(r.undetermined) + r.missing)
        if r.matches:
            assert low <= r.published <= high

    def test_undetermined_respects_the_death_window(self) -> None:
        """
        Undetermined: an unknown cause whose death can fall in the window, or a counted
        cause with no date of death to check against the window.
        """
        people = [
            _person("a", "1938", DeathCause.UNKNOWN, _marshal("1935-11-20")),
            _person("b", "1950", DeathCause.UNKNOWN, _marshal("1935-11-20")),
            _person("c", None, None, _marshal("1935-11-20")),
            _person("d", "1938", DeathCause.SUICIDE, _marshal("1935-11-20")),
            # Known to have been shot, but not when: the window cannot be checked.
            _person("e", None, DeathCause.EXECUTED, _marshal("1935-11-20")),
            _person("f", "1941", DeathCause.EXECUTED, _marshal("1935-11-20")),
        ]
        rule = Derivation(body="marshals", died=Period(start=D("1937"), end=D("1939")))
        stat = Statistic(id="s", label="x", count=1, derived_from=rule, citations=CITE)
        r = Dataset(bodies=[MARSHAL], people=people, statistics=[stat]).recompute("s")
        assert ((), ("a", "c", "e")) == (r.people, r.undetermined)

    def test_a_post_held_after_the_window_rules_a_death_in_it_out(self) -> None:
        """With no death date, a post that starts or ends after the window settles the case."""
        later = Position(title="Commissar", start=D("1941"))
        ended = _marshal("1935-11-20", "1940-03")
        people = [
            _person("a", None, None, _marshal("1935-11-20"), later),
            _person("b", None, DeathCause.EXECUTED, _marshal("1935-11-20"), later),
            _person("c", None, None, ended),
            _person("d", None, None, _marshal("1935-11-20", "1938")),
            _person("e", None, DeathCause.EXECUTED, _marshal("1935-11-20")),
        ]
        rule = Derivation(body="marshals", died=Period(start=D("1937"), end=D("1939")))
        stat = Statistic(id="s", label="x", count=1, derived_from=rule, citations=CITE)
        r = Dataset(bodies=[MARSHAL], people=people, statistics=[stat]).recompute("s")
        assert ((), ("d", "e")) == (r.people, r.undetermined)

    def test_explanation_is_the_variant_with_the_recomputed_value(self) -> None:
        people = [_person("a", "1937", DeathCause.EXECUTED, _marshal("1935-11-20"))]
        why = FigureVariant(count=1, note="definitions differ", citations=CITE)
        other = FigureVariant(count=7, note="another book", citations=CITE)
        stat = Statistic(
            id="s",
            label="x",
            count=2,
            citations=CITE,
            variants=(other, why),
            derived_from=Derivation(body="marshals"),
        )
        r = Dataset(bodies=[MARSHAL], people=people, statistics=[stat]).recompute("s")
        assert (why, "explained") == (r.explanation, r.status)

    def test_started_and_died_windows(self) -> None:
        people = [
            _person("a", "1937-06-12", DeathCause.EXECUTED, _marshal("1935-11-20")),
            _person("b", "1941", DeathCause.EXECUTED, _marshal("1935-11-20")),
            _person("c", "1938", DeathCause.EXECUTED, _marshal("1940-05")),
        ]
        rule = Derivation(
            body="marshals",
            started=Period(start=D("1935-11"), end=D("1935-11")),
            died=Period(start=D("1937"), end=D("1939")),
        )
        stat = Statistic(id="s", label="x", count=1, total=2, derived_from=rule, citations=CITE)
        r = Dataset(bodies=[MARSHAL], people=people, statistics=[stat]).recompute("s")
        assert (("a",), ("a", "b")) == (r.people, r.cohort)

    def test_not_derivable(self) -> None:
        stat = Statistic(id="s", label="x", count=1, citations=CITE)
        with pytest.raises(NotFoundError, match="derivable"):
            Dataset(statistics=[stat]).recompute("s")


def test_recompute_held_window() -> None:
    """held= keeps the members who sat at some time in the period, whenever they started."""
    people = [
        _person("early", "1938", DeathCause.EXECUTED, _marshal("1920", "1930")),
        _person("during", "1938", DeathCause.EXECUTED, _marshal("1926")),
        _person("later", "1938", DeathCause.EXECUTED, _marshal("1936")),
    ]
    rule = Derivation(body="marshals", held=Period(start=D("1934-02"), end=D("1935-02")))
    stat = Statistic(id="s", label="x", count=1, derived_from=rule, citations=CITE)
    r = Dataset(bodies=[MARSHAL], people=people, statistics=[stat]).recompute("s")
    assert ("during",) == r.cohort


LATER = Body(id="later", name="Later committee", kind=BodyKind.PARTY, citations=CITE)


@given(
    st.lists(st.tuples(st.booleans(), st.sampled_from([None, *DeathCause])), max_size=20),
    st.integers(0, 20),
)
def test_recompute_absent_from_counts_who_was_not_kept(
    members: list[tuple[bool, DeathCause | None]], published: int
) -> None:
    """
    absent_from= counts the cohort members with no seat in the later body, whatever their
    fate: the counted and the kept split the cohort, and nothing is left undetermined.
    """
    people = []
    for i, (kept, cause) in enumerate(members):
        seats = [_marshal("1935-11-20")]
        if kept:
            seats.append(Position(title="Member", body="later", role=Role.MEMBER, start=D("1939")))
        people.append(_person(f"p{i:02}", None if cause is None else "1938", cause, *seats))
    rule = Derivation(body="marshals", absent_from="later")
    stat = Statistic(id="s", label="x", count=published, derived_from=rule, citations=CITE)
    ds = Dataset(bodies=[MARSHAL, LATER], people=people, statistics=[stat])
    r = ds.recompute("s")
    kept = {m.person for m in ds.members("later")}
    assert r.value == len(r.people) == sum(not k for k, _ in members) <= r.total
    assert set(r.people) == set(r.cohort) - kept
    assert list(r.people) == sorted(r.people)
    assert r.undetermined == ()
    assert r.bounds == (r.value, r.value)
    assert r.matches == (published == r.value)
