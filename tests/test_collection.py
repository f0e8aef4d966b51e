"""Collections: exact ids, folded look-up across scripts and spellings, fuzzy search."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from purge1930s import (
    AmbiguousError,
    Citation,
    Dataset,
    NotFoundError,
    Person,
)

CITE = (Citation(source="s"),)


def make(pid: str, name: str, name_ru: str | None = None, *aliases: str) -> Person:
    return Person(id=pid, name=name, name_ru=name_ru, aliases=aliases, citations=CITE)


PEOPLE = [
    make("nikolai-yezhov", "Nikolai Yezhov", "Николай Иванович Ежов", "Nikolay Ezhov", "Jeschow"),
    make("genrikh-yagoda", "Genrikh Yagoda", "Генрих Григорьевич Ягода", "Jagoda"),
    make("grigory-zinoviev", "Grigory Zinoviev", "Григорий Евсеевич Зиновьев", "Hirsch Apfelbaum"),
    make("ivan-smirnov", "Ivan Smirnov", "Иван Никитич Смирнов"),
    make("vladimir-smirnov", "Vladimir Smirnov", "Владимир Михайлович Смирнов"),
    make("lavrentiy-beria", "Lavrentiy Beria", "Лаврентий Павлович Берия", "Beriya"),
]


@pytest.fixture(scope="module")
def people() -> Dataset:
    return Dataset(people=PEOPLE)


class TestMapping:
    """The read-only mapping part."""

    def test_len_iter_contains(self, people: Dataset) -> None:
        """Iteration is in id order; `in` takes ids and records."""
        coll = people.people
        assert len(PEOPLE) == len(coll)
        assert sorted(p.id for p in PEOPLE) == [p.id for p in coll]
        assert "nikolai-yezhov" in coll
        assert PEOPLE[0] in coll
        assert "Yezhov" not in coll

    def test_getitem_is_exact(self, people: Dataset) -> None:
        """[id] takes the exact id only and suggests close ids otherwise."""
        assert "Nikolai Yezhov" == people.people["nikolai-yezhov"].name
        with pytest.raises(KeyError) as info:
            people.people["nikolai-ezhov"]
        assert "nikolai-yezhov" in str(info.value)
        assert isinstance(info.value, NotFoundError)

    def test_get(self, people: Dataset) -> None:
        """get() is dict.get."""
        assert people.people.get("nope") is None
        assert 5 == people.people.get("nope", 5)
        assert PEOPLE[1] is people.people.get("genrikh-yagoda")

    def test_read_only(self, people: Dataset) -> None:
        """Neither the collection nor the dataset can be changed."""
        with pytest.raises(AttributeError):
            people.people._by_id = {}  # type: ignore[misc]
        with pytest.raises(AttributeError):
            people.people = people.events  # type: ignore[misc, assignment]
        with pytest.raises(TypeError):
            people.people["x"] = PEOPLE[0]  # type: ignore[index]


class TestLookup:
    """lookup() across cases, accents, soft signs, transliterations and scripts."""

    @pytest.mark.parametrize(
        "text",
        [
            "Yezhov",
            "Ezhov",
            "Ежов",
            "YEZHOV",
            "yezhov",
            "Nikolai Yezhov",
            "Nikolay Ezhov",
            "Николай Иванович Ежов",
            "nikolai-yezhov",
            "Jeschow",
            "  Yezhov ",
        ],
    )
    def test_one_person_many_spellings(self, people: Dataset, text: str) -> None:
        assert "nikolai-yezhov" == people.people.lookup(text).id

    @pytest.mark.parametrize(
        ("text", "pid"),
        [
            ("Jagoda", "genrikh-yagoda"),
            ("Ягода", "genrikh-yagoda"),
            ("Zinovyev", "grigory-zinoviev"),
            ("Зиновьев", "grigory-zinoviev"),
            ("Zinov'ev", "grigory-zinoviev"),
            ("Beriya", "lavrentiy-beria"),
            ("Lavrenty Beria", "lavrentiy-beria"),
            ("Béria", "lavrentiy-beria"),
            ("Hirsch Apfelbaum", "grigory-zinoviev"),
        ],
    )
    def test_transliterations(self, people: Dataset, text: str, pid: str) -> None:
        assert pid == people.people.lookup(text).id

    def test_ambiguous_surname(self, people: Dataset) -> None:
        """A surname two people share raises AmbiguousError listing both."""
        with pytest.raises(AmbiguousError) as info:
            people.people.lookup("Smirnov")
        assert ("ivan-smirnov", "vladimir-smirnov") == info.value.candidates
        assert isinstance(info.value, LookupError)

    def test_full_name_resolves_shared_surname(self, people: Dataset) -> None:
        assert "ivan-smirnov" == people.people.lookup("Иван Никитич Смирнов").id

    def test_miss_suggests(self, people: Dataset) -> None:
        """A miss is NotFoundError with close matches."""
        with pytest.raises(NotFoundError) as info:
            people.people.lookup("Yezhof")
        assert "nikolai-yezhov" in info.value.suggestions
        assert "did you mean" in str(info.value)

    @pytest.mark.parametrize("text", ["", "   ", "-"])
    def test_empty_is_not_found(self, people: Dataset, text: str) -> None:
        with pytest.raises(NotFoundError):
            people.people.lookup(text)

    @given(st.sampled_from(PEOPLE))
    def test_every_alias_finds_its_record(self, person: Person) -> None:
        """lookup(name) finds the same record for every name and alias."""
        coll = Dataset(people=PEOPLE).people
        for name in (person.id, person.name, person.name_ru, *person.aliases):
            assert name is not None
            assert person is coll.lookup(name)


class TestSearch:
    """search(): ranked, best first."""

    def test_exact_first(self, people: Dataset) -> None:
        assert "nikolai-yezhov" == people.people.search("Ежов")[0].id

    def test_prefix_and_fuzzy(self, people: Dataset) -> None:
        assert "grigory-zinoviev" == people.people.search("zinov")[0].id
        assert "genrikh-yagoda" in [p.id for p in people.people.search("Yagodda")]

    def test_shared_surname_returns_both(self, people: Dataset) -> None:
        assert {"ivan-smirnov", "vladimir-smirnov"} == {
            p.id for p in people.people.search("Smirnov")[:2]
        }

    def test_empty_query_matches_nothing(self, people: Dataset) -> None:
        assert [] == people.people.search("")
        assert [] == people.people.search("Yezhov", limit=0)

    def test_limit(self, people: Dataset) -> None:
        assert 1 == len(people.people.search("o", limit=1))

    @given(st.text(max_size=20))
    def test_never_raises_and_is_ranked(self, text: str) -> None:
        """Any text gives a list of distinct records, exact matches first."""
        coll = Dataset(people=PEOPLE).people
        found = coll.search(text)
        assert len({p.id for p in found}) == len(found)
        try:
            exact = coll.lookup(text)
        except (NotFoundError, AmbiguousError):
            return
        assert found
        assert exact is found[0]


def test_numbers_in_names_are_not_folded_together() -> None:
    """Repeated letters fold (Kamennev ~ Kamenev); repeated digits never do."""
    ds = Dataset(people=[make("a-1", "Ivan Person1"), make("a-11", "Ivan Person11")])
    assert "a-1" == ds.people.lookup("Ivan Person1").id
    assert "a-11" == ds.people.lookup("Ivan Person11").id
