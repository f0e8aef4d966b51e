"""The bundled data: every record, every reference, and the facts the narrative names."""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date
from typing import ClassVar

import pytest

import purge1930s
from purge1930s import (
    Dataset,
    DeathCause,
    OutcomeKind,
    SentenceKind,
    SourceKind,
)
from purge1930s._loading import _no_duplicate_keys, _read_bundled

DS = purge1930s.load()
CYRILLIC = re.compile(r"[А-Яа-яЁё]")


def test_pinned_counts() -> None:
    """Record counts are pinned so that a change to the data is deliberate."""
    assert {
        "people": 228,
        "events": 237,
        "trials": 7,
        "procedures": 6,
        "statistics": 59,
        "bodies": 9,
        "sources": 1012,
    } == {
        name: len(getattr(DS, name))
        for name in ("people", "events", "trials", "procedures", "statistics", "bodies", "sources")
    }


class TestEveryRecord:
    """Rules every record keeps (the loader enforces most; these say so explicitly)."""

    @pytest.mark.parametrize(
        "name", ["people", "events", "trials", "procedures", "statistics", "bodies"]
    )
    def test_cites_existing_sources(self, name: str) -> None:
        """Every record cites at least one source, and every cited source exists."""
        for record in getattr(DS, name):
            assert record.citations, record.id
            for citation in record.citations:
                assert citation.source in DS.sources, (record.id, citation.source)

    def test_every_source_is_cited(self) -> None:
        """No source sits in the data unused."""
        cited = {c.source for c in _all_citations(DS)}
        assert [] == sorted(set(DS.sources.ids()) - cited)

    def test_sources_have_urls_and_kinds(self) -> None:
        """Every source can be found again: a URL, a title and a kind."""
        for s in DS.sources:
            assert s.url, s.id
            assert s.url.startswith(("http://", "https://")), s.id
            assert s.title.strip(), s.id
            assert isinstance(s.kind, SourceKind)

    def test_every_soviet_person_has_a_cyrillic_name(self) -> None:
        """name_ru is present and written in Cyrillic."""
        for p in DS.people:
            assert p.name_ru, p.id
            assert CYRILLIC.search(p.name_ru), p.id

    def test_people_have_summaries(self) -> None:
        for p in DS.people:
            assert len(p.summary) > 40, p.id

    def test_timeline_is_sorted(self) -> None:
        line = DS.timeline()
        assert len(DS.events) == len(line)
        assert [e.date.earliest for e in line] == sorted(e.date.earliest for e in line)


class TestTrials:
    """The benches of the trials, checked against the published counts."""

    # Defendants and death sentences per trial, as the sources report them.
    BENCHES: ClassVar[dict[str, tuple[int, int]]] = {
        "leningrad-centre-trial": (14, 14),
        "moscow-centre-trial": (19, 0),
        "trial-of-the-sixteen": (16, 16),
        "trial-of-the-seventeen": (17, 13),
        "tukhachevsky-trial": (8, 8),
        "trial-of-the-twenty-one": (21, 18),
    }

    @pytest.mark.parametrize(("trial_id", "expected"), sorted(BENCHES.items()))
    def test_bench_and_death_sentences(self, trial_id: str, expected: tuple[int, int]) -> None:
        t = DS.trials[trial_id]
        deaths = sum(d.sentence.kind is SentenceKind.DEATH for d in t.defendants)
        assert expected == (len(t.defendants), deaths)

    def test_defendants_are_people(self) -> None:
        for t in DS.trials:
            for d in t.defendants:
                assert d.person in DS.people, (t.id, d.person)

    def test_nobody_executed_before_verdict_or_after_death(self) -> None:
        for t in DS.trials:
            decided = t.verdict or t.end or t.start
            for d in t.defendants:
                if d.executed is not None:
                    assert decided.may_precede(d.executed), (t.id, d.person)
                    died = DS.people[d.person].died
                    assert died is not None, d.person
                    assert d.executed.may_precede(died), (t.id, d.person)

    def test_shot_defendants_died_on_the_execution_date(self) -> None:
        """A defendant shot after this trial died that day (other dates are variants)."""
        for t in DS.trials:
            for d in t.defendants:
                if d.outcome.kind is OutcomeKind.SHOT:
                    p = DS.people[d.person]
                    assert p.death_cause is DeathCause.EXECUTED, p.id
                    assert p.died == d.executed, (t.id, p.id)

    def test_death_sentences_have_no_term(self) -> None:
        for t in DS.trials:
            for d in t.defendants:
                if d.sentence.kind is SentenceKind.DEATH:
                    assert d.sentence.years is None

    def test_the_three_prison_terms_of_1938(self) -> None:
        t = DS.trials["trial-of-the-twenty-one"]
        terms = {
            d.person: d.sentence.years
            for d in t.defendants
            if d.sentence.kind is SentenceKind.IMPRISONMENT
        }
        assert {"dmitry-pletnev": 25, "christian-rakovsky": 20, "sergei-bessonov": 15} == terms

    @pytest.mark.parametrize(
        "name",
        [
            "Trial of the Twenty-One",
            "Bukharin trial",
            "Third Moscow Trial",
            "trial-of-the-twenty-one",
        ],
    )
    def test_found_by_any_name(self, name: str) -> None:
        assert "trial-of-the-twenty-one" == DS.trials.lookup(name).id


class TestNarrative:
    """Everything the narrative names is in the data, with the facts of the sources."""

    @pytest.mark.parametrize(
        "person_id",
        [
            "sergei-kirov",
            "leonid-nikolaev",
            "mikhail-borisov",
            "joseph-stalin",
            "leon-trotsky",
            "grigory-zinoviev",
            "lev-kamenev",
            "ivan-smirnov",
            "georgy-pyatakov",
            "karl-radek",
            "grigori-sokolnikov",
            "nikolai-bukharin",
            "alexei-rykov",
            "mikhail-tukhachevsky",
            "genrikh-yagoda",
            "nikolai-yezhov",
            "lavrentiy-beria",
        ],
    )
    def test_people(self, person_id: str) -> None:
        assert person_id in DS.people

    def test_kirov_assassination(self) -> None:
        [e] = [
            e for e in DS.events if e.kind.value == "assassination" and "sergei-kirov" in e.people
        ]
        assert "1934-12-01" == str(e.date)
        assert "leonid-nikolaev" in e.people

    def test_law_of_1_december_1934_has_five_provisions(self) -> None:
        law = DS.procedures["law-of-1-december-1934"]
        assert "1934-12-01" == str(law.enacted)
        assert 5 == len(law.provisions)

    def test_secret_letter_of_january_1935(self) -> None:
        assert "1935-01-18" == str(DS.procedures["closed-letter-of-18-january-1935"].enacted)

    def test_zinoviev_and_kamenev_in_1935(self) -> None:
        t = DS.trials["moscow-centre-trial"]
        years = {d.person: d.sentence.years for d in t.defendants}
        assert (10, 5) == (years["grigory-zinoviev"], years["lev-kamenev"])

    def test_bukharin_and_rykov_arrested_at_the_plenum(self) -> None:
        arrests = [
            e
            for e in DS.events
            if e.kind.value == "arrest" and {"nikolai-bukharin", "alexei-rykov"} <= set(e.people)
        ]
        assert ["1937-02-27"] == [str(e.date) for e in arrests]

    def test_nkvd_succession(self) -> None:
        heads = [
            (m.person, str(m.start), str(m.end))
            for m in DS.members("nkvd")
            if m.role.value == "head"
        ]
        assert [
            ("genrikh-yagoda", "1934-07-10", "1936-09-26"),
            ("nikolai-yezhov", "1936-09-26", "1938-11-25"),
            ("lavrentiy-beria", "1938-11-25", "1945-12-29"),
        ] == heads

    def test_yezhov_fall(self) -> None:
        """Shot on 4 February 1940; the narrative's 1 April 1940 survives only as a variant."""
        yezhov = DS.people["nikolai-yezhov"]
        assert "1940-02-04" == str(yezhov.died)
        assert "1940-04-01" in {v.value for v in yezhov.variants if v.field == "died"}

    def test_central_committee_figure(self) -> None:
        s = DS.statistics["central-committee-17th-congress-repressed"]
        assert (98, 139) == (s.count, s.total)

    def test_delegates_figure_and_the_1996_variant(self) -> None:
        s = DS.statistics["delegates-17th-congress-arrested"]
        assert (1108, 1966) == (s.count, s.total)
        assert 1996 in {v.total for v in s.variants}

    def test_politburo_recomputed(self) -> None:
        """Five of the seventeen who sat in the Politburo in 1934-35 were shot."""
        r = DS.recompute("politburo-1934-1938-members-killed")
        assert (5, 5, 17) == (r.published, r.value, r.total)
        assert {
            "stanislav-kosior",
            "vlas-chubar",
            "robert-eikhe",
            "pavel-postyshev",
            "yan-rudzutak",
        } == set(r.people)

    def test_politburo_between_the_17th_and_18th_congresses(self) -> None:
        """Everyone who sat in the Politburo, as member or candidate, from 1934 to 1939."""
        congress_17, congress_18 = date(1934, 2, 10), date(1939, 3, 10)
        sat = {
            m.person
            for m in DS.members("politburo")
            # certainly overlapping: Beria's candidacy "1939" began after the 18th Congress
            if (m.start is None or m.start.latest <= congress_18)
            and (m.end is None or m.end.earliest >= congress_17)
        }
        assert {
            # elected on 10 February 1934
            "joseph-stalin",
            "vyacheslav-molotov",
            "lazar-kaganovich",
            "kliment-voroshilov",
            "mikhail-kalinin",
            "sergo-ordzhonikidze",
            "valerian-kuybyshev",
            "sergei-kirov",
            "andrey-andreyev",
            "stanislav-kosior",
            "anastas-mikoyan",
            "vlas-chubar",
            "grigory-petrovsky",
            "pavel-postyshev",
            "yan-rudzutak",
            # added later: February 1935, October 1937, January 1938
            "andrei-zhdanov",
            "robert-eikhe",
            "nikolai-yezhov",
            "nikita-khrushchev",
        } == sat

    def test_central_committee_size_as_published(self) -> None:
        """The 17th Congress elected 71 full members and 68 candidates."""
        seats = DS.bodies["central-committee-17th-congress"].seats
        assert {"member": 71, "candidate": 68} == {s.role.value: s.count for s in seats}

    def _elected_1934(self) -> dict[str, set[str]]:
        at_election = DS.members("central-committee-17th-congress", at="1934-02-10")
        elected: dict[str, set[str]] = {"member": set(), "candidate": set()}
        for m in at_election:
            elected[m.role.value].add(m.person)
        return elected

    def test_central_committee_roster_within_its_size(self) -> None:
        """Never more people elected in 1934 than there were places; nobody in both roles."""
        elected = self._elected_1934()
        assert len(elected["member"]) <= 71
        assert len(elected["candidate"]) <= 68
        assert not elected["member"] & elected["candidate"]

    @pytest.mark.xfail(
        strict=True,
        reason="roster incomplete: the sources read so far confirm only part of the 139 "
        "(see the issue notes); when it is complete this test passes and strict xfail fails, "
        "so the marker must then be removed",
    )
    def test_central_committee_roster_complete(self) -> None:
        elected = self._elected_1934()
        assert (71, 68) == (len(elected["member"]), len(elected["candidate"]))

    def test_conquests_candidates_13_to_68_all_hold_candidate_seats(self) -> None:
        """
        Conquest's numbered list of the 68 candidates (its items 13-68 were read) is fully in
        the data, once each and only on candidate seats; the docs rely on this to say the one
        missing candidate is among his first twelve.
        """
        items: Counter[int] = Counter()
        for person in DS.people:
            for position in person.positions:
                for citation in position.citations:
                    if citation.source != "rulit-conquest-bolshoj-terror-kniga-ii-173":
                        continue
                    found = re.search(r"\bitem (\d+)", citation.locator or "")
                    if found is None:  # cited for an absence from the list (Menzhinsky)
                        continue
                    if position.body == "central-committee-18th-congress":
                        continue  # the list's marks for re-election in 1939
                    assert position.body == "central-committee-17th-congress", person.id
                    assert position.role is not None
                    assert position.role.value == "candidate", person.id
                    items[int(found.group(1))] += 1
        assert set(items) == set(range(13, 69))
        assert set(items.values()) == {1}

    def test_central_committee_after_the_1937_plenums(self) -> None:
        """Nobody the June and October 1937 plenums removed still sits on 1 January 1938."""
        removed = set(DS.events["june-1937-plenum-expels-central-committee-members"].people)
        removed |= set(DS.events["october-1937-plenum-composition-of-the-central-committee"].people)
        sitting = {m.person for m in DS.members("central-committee-17th-congress", at="1938-01-01")}
        assert not removed & sitting, sorted(removed & sitting)

    def test_one_record_per_seat_in_the_central_committee(self) -> None:
        """
        A seat in the 1934 Central Committee is recorded once, under its body; a generic
        Central Committee post may only add other terms or the Orgburo, never repeat it.
        """
        term = (date(1934, 2, 10), date(1939, 3, 10))
        for person in DS.people:
            seats = {
                p.role for p in person.positions if p.body == "central-committee-17th-congress"
            }
            for p in person.positions:
                if p.body != "central-committee" or p.role not in seats:
                    continue
                within = (p.start is None or p.start.earliest >= date(1934, 1, 1)) and (
                    p.end is None or p.end.latest <= term[1]
                )
                assert not within, (person.id, p.title)
                assert "orgburo" not in p.title.lower(), (person.id, p.title)
                assert "organizational bureau" not in p.title.lower(), (person.id, p.title)

    def test_central_committee_recomputed(self) -> None:
        """Khrushchev's 98 of 139, recomputed over the part of the roster in the data."""
        r = DS.recompute("central-committee-17th-congress-repressed")
        assert (98, 139) == (r.published, r.statistic.total)
        assert r.total + r.missing == 139
        assert r.value <= r.published
        # Counted only executions of the purge years, not Beria's in 1953.
        assert "lavrentiy-beria" in r.cohort
        assert "lavrentiy-beria" not in r.people
        assert {"nikolai-bukharin", "alexei-rykov", "georgy-pyatakov"} <= set(r.people)
        assert r.status in {"matches", "explained"} if r.complete else r.status == "incomplete"

    def test_every_derivable_figure_matches_or_explains(self) -> None:
        """A recomputed figure agrees, or a variant records and explains the difference."""
        derivable = [s for s in DS.statistics if s.derived_from is not None]
        assert len(derivable) >= 3
        for s in derivable:
            r = DS.recompute(s.id)
            assert r.status in {"matches", "explained", "incomplete"}, s.id
            if r.status == "explained":
                assert r.explanation is not None
                assert r.explanation.note
            if r.status == "matches":
                # A match must not be luck: nobody in the cohort may be able to tip it.
                assert r.undetermined == (), (s.id, r.undetermined)

    def test_deaths_between_the_congresses_by_name(self) -> None:
        """Rogovin's and Mawdsley and White's counts, next to the people the records give."""
        named = {
            "central-committee-17th-congress-natural-deaths": {
                "valerian-kuybyshev",
                "vyacheslav-menzhinsky",
                "nadezhda-krupskaya",
                "ivan-tovstukha",
                "alexander-shteingart",
            },
            # Rogovin's three who shot themselves ahead of arrest, plus the three the
            # records also give as suicides (the variant says why they differ).
            "central-committee-17th-congress-suicides": {
                "mikhail-tomsky",
                "yan-gamarnik",
                "panas-liubchenko",
                "sergo-ordzhonikidze",
                "iosif-kosior",
                "nikolai-goloded",
            },
            "central-committee-17th-congress-died-1934": {
                "alexander-shteingart",
                "vyacheslav-menzhinsky",
                "sergei-kirov",
            },
        }
        for sid, people in named.items():
            r = DS.recompute(sid)
            assert set(r.people) == people, sid
            if r.value != r.published:
                variant = r.statistic.variants
                assert any(getattr(v, "count", None) == r.value for v in variant), sid

    def test_reelected_in_1939_by_name(self) -> None:
        """Conquest's 55 and 60 gone by 1939: who the records keep in the 1939 committee."""
        kept_members = {
            "joseph-stalin",
            "vyacheslav-molotov",
            "lazar-kaganovich",
            "mikhail-kaganovich",
            "kliment-voroshilov",
            "mikhail-kalinin",
            "andrey-andreyev",
            "anastas-mikoyan",
            "andrei-zhdanov",
            "nikita-khrushchev",
            "nikolai-shvernik",
            "lavrentiy-beria",
            "dmitry-manuilsky",
            "maxim-litvinov",
            "alexei-badayev",
        }
        kept_candidates = {
            "nikolai-bulganin",
            "lev-mekhlis",
            "mir-jafar-baghirov",
            "solomon-lozovsky",
            "alexander-poskrebyshev",
            "semyon-budyonny",
            "i-g-makarov",
            "gavriil-veinberg",
        }
        for sid, kept, gone in (
            ("central-committee-17th-congress-members-not-reelected", kept_members, 55),
            ("central-committee-17th-congress-candidates-not-reelected", kept_candidates, 60),
        ):
            r = DS.recompute(sid)
            assert set(r.cohort) - set(r.people) == kept, sid
            assert r.published == gone
            # Everyone kept really sits in the later committee, and nobody counted does.
            later = {m.person for m in DS.members("central-committee-18th-congress")}
            assert kept <= later
            assert not set(r.people) & later
        # Conquest's 16 + 8 = 24, the number re-elected that other accounts give: the
        # records hold 23, one short, and the figure's variant says so.
        r = DS.recompute("central-committee-17th-congress-members-not-reelected")
        assert (r.value, r.status) == (r.total - len(kept_members), "explained")

    def test_marshals_recomputed(self) -> None:
        r = DS.recompute("marshals-of-the-soviet-union-repressed")
        assert (3, 3, 5) == (r.published, r.value, r.total)


def _all_citations(ds: Dataset) -> list[purge1930s.Citation]:
    found: list[purge1930s.Citation] = []
    for name in ("people", "events", "trials", "procedures", "statistics", "bodies"):
        for record in getattr(ds, name):
            found.extend(record.citations)
            for v in getattr(record, "variants", ()):
                found.extend(v.citations)
    for p in ds.people:
        for pos in p.positions:
            found.extend(pos.citations)
        if p.rehabilitated:
            found.extend(p.rehabilitated.citations)
    for t in ds.trials:
        for d in t.defendants:
            found.extend(d.citations)
    return found


def test_no_duplicate_names_among_people() -> None:
    """Two people never share a preferred name (lookup by name would be ambiguous)."""
    names = Counter(p.name for p in DS.people)
    assert [] == [n for n, c in names.items() if c > 1]


def test_bundled_files_have_no_duplicate_keys() -> None:
    """The loader trusts the bundled files on this point; here is the check it skips."""
    for name, raw in _read_bundled():
        assert isinstance(raw, bytes)
        json.loads(raw, object_pairs_hook=_no_duplicate_keys)  # raises on a duplicate
        assert name.endswith(".json")
