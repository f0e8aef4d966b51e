"""The loader: bundled data, user files, every kind of bad input, caching."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import purge1930s
from purge1930s import DataError, DeathCause, Problem
from purge1930s._loading import bundled_files, clear_cache

WriteJson = Callable[..., Path]

SOURCE = {"id": "test-source", "kind": "reference-work", "title": "A test source"}
CITE = [{"source": "test-source", "locator": "p. 1"}]


def person(**fields: Any) -> dict[str, Any]:
    """A valid person record, changed by *fields*."""
    record: dict[str, Any] = {
        "id": "test-person",
        "name": "Test Person",
        "born": "1890",
        "died": "1938-03-15",
        "death_cause": "executed",
        "citations": CITE,
    }
    record.update(fields)
    return {k: v for k, v in record.items() if v is not ...}


def problems_of(paths: list[Path]) -> tuple[Problem, ...]:
    with pytest.raises(DataError) as info:
        purge1930s.load(extra=paths)
    return info.value.problems


def one_problem(write_json: WriteJson, document: Any) -> Problem:
    path = write_json(document)
    found = problems_of([path])
    assert len(found) == 1, found
    assert str(path) == found[0].file
    return found[0]


class TestBundled:
    """The bundled data."""

    def test_loads_and_is_cached(self) -> None:
        """load() returns the same object every time."""
        assert purge1930s.load() is purge1930s.load()

    def test_every_collection_has_records(self, ds: purge1930s.Dataset) -> None:
        """No bundled collection is empty."""
        for name in ("people", "events", "trials", "procedures", "statistics", "sources"):
            assert len(getattr(ds, name)) > 0, name

    def test_bundled_files(self) -> None:
        """One file per collection, found through importlib.resources."""
        assert [
            "bodies.json",
            "events.json",
            "people.json",
            "procedures.json",
            "sources.json",
            "statistics.json",
            "trials.json",
        ] == bundled_files()

    def test_threads_get_one_dataset(self) -> None:
        """Loading from several threads at once from a cold cache builds one dataset."""
        clear_cache()
        results: list[purge1930s.Dataset] = []
        barrier = threading.Barrier(8)

        def worker() -> None:
            barrier.wait()
            results.append(purge1930s.load())

        threads = [threading.Thread(target=worker) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert 8 == len(results)
        assert all(r is results[0] for r in results)

    def test_shortcuts(self) -> None:
        """purge1930s.people and friends are the bundled collections."""
        ds = purge1930s.load()
        assert ds.people is purge1930s.people  # type: ignore[attr-defined]
        assert ds.trials is purge1930s.trials  # type: ignore[attr-defined]
        with pytest.raises(AttributeError):
            _ = purge1930s.no_such_thing  # type: ignore[attr-defined]


class TestExtra:
    """User files loaded with load(extra=...)."""

    def test_valid_extra_adds_records(self, write_json: WriteJson) -> None:
        """Records from a user file join the bundled ones; the cache is untouched."""
        base = purge1930s.load()
        path = write_json({"sources": [SOURCE], "people": [person()]})
        ds = purge1930s.load(extra=[path])
        assert "test-person" in ds.people
        assert len(base.people) + 1 == len(ds.people)
        assert "test-person" not in purge1930s.load().people
        assert base is purge1930s.load()

    def test_extra_can_reference_bundled_records(self, write_json: WriteJson) -> None:
        """A user event may name bundled people and cite bundled sources."""
        base = purge1930s.load()
        someone = next(p for p in base.people if p.died is not None)
        source = next(iter(base.sources)).id
        event = {
            "id": "test-event",
            "title": "A test event",
            "date": str(someone.died),
            "kind": "other",
            "people": [someone.id],
            "citations": [{"source": source}],
        }
        ds = purge1930s.load(extra=[write_json({"events": [event]})])
        assert someone.id in ds.events["test-event"].people

    def test_single_path_is_refused(self, write_json: WriteJson) -> None:
        """A bare path (not a list) is a usage error, not a list of characters."""
        with pytest.raises(TypeError):
            purge1930s.load(extra=str(write_json({})))  # type: ignore[arg-type]

    def test_all_or_nothing(self, write_json: WriteJson) -> None:
        """One bad file rejects the load; a later plain load() is unchanged."""
        before = purge1930s.load()
        good = write_json({"sources": [SOURCE], "people": [person()]})
        bad = write_json({"people": [person(id="other-person", born="1937-13")]})
        problems_of([good, bad])
        assert purge1930s.load() is before
        assert "test-person" not in before.people

    def test_every_problem_is_reported(self, write_json: WriteJson) -> None:
        """All problems of a load come together, not only the first."""
        path = write_json(
            {
                "sources": [SOURCE],
                "people": [
                    person(id="first-person", born="1937-13"),
                    person(id="second-person", name=5),
                    person(id="third-person", citations=[{"source": "missing"}]),
                ],
            }
        )
        found = problems_of([path])
        assert {"first-person", "second-person", "third-person"} == {p.record for p in found}


class TestBadInput:
    """One test per kind of bad input: each names the file, record, field and rule."""

    def test_unknown_field(self, write_json: WriteJson) -> None:
        p = one_problem(write_json, {"sources": [SOURCE], "people": [person(nickname="X")]})
        assert ("test-person", "nickname", "unknown-field") == (p.record, p.field, p.rule)

    def test_nested_unknown_field(self, write_json: WriteJson) -> None:
        positions = [{"title": "Post", "salary": 5}]
        p = one_problem(write_json, {"sources": [SOURCE], "people": [person(positions=positions)]})
        assert ("positions[0].salary", "unknown-field") == (p.field, p.rule)

    def test_missing_field(self, write_json: WriteJson) -> None:
        p = one_problem(write_json, {"sources": [SOURCE], "people": [person(name=...)]})
        assert ("test-person", "name", "missing-field") == (p.record, p.field, p.rule)

    def test_wrong_type(self, write_json: WriteJson) -> None:
        p = one_problem(write_json, {"sources": [SOURCE], "people": [person(name=["A", "B"])]})
        assert ("name", "type") == (p.field, p.rule)
        assert "expected a string" in p.message

    def test_number_is_not_coerced_to_string(self, write_json: WriteJson) -> None:
        p = one_problem(write_json, {"sources": [SOURCE], "people": [person(aliases=[1937])]})
        assert ("aliases[0]", "type") == (p.field, p.rule)

    def test_string_is_not_a_list(self, write_json: WriteJson) -> None:
        p = one_problem(write_json, {"sources": [SOURCE], "people": [person(aliases="Ezhov")]})
        assert ("aliases", "type") == (p.field, p.rule)

    def test_bool_is_not_an_integer(self, write_json: WriteJson) -> None:
        stat = {"id": "test-stat", "label": "x", "count": True, "citations": CITE}
        p = one_problem(write_json, {"sources": [SOURCE], "statistics": [stat]})
        assert ("test-stat", "count", "type") == (p.record, p.field, p.rule)

    def test_bad_enum_value(self, write_json: WriteJson) -> None:
        p = one_problem(write_json, {"sources": [SOURCE], "people": [person(death_cause="shot")]})
        assert ("death_cause", "type") == (p.field, p.rule)
        assert "'executed'" in p.message

    def test_a_death_date_needs_a_cause(self, write_json: WriteJson) -> None:
        """A recorded death says how, if only 'unknown'; a known fate may lack its date."""
        p = one_problem(write_json, {"sources": [SOURCE], "people": [person(death_cause=...)]})
        assert ("death_cause", "death") == (p.field, p.rule)
        shot_undated = write_json({"sources": [SOURCE], "people": [person(died=...)]})
        ds = purge1930s.load(extra=[shot_undated])
        assert (None, DeathCause.EXECUTED) == (
            ds.people["test-person"].died,
            ds.people["test-person"].death_cause,
        )

    @pytest.mark.parametrize("bad", ["1937-13", "1937-02-30", "abc", "1937/1938"])
    def test_bad_date(self, write_json: WriteJson, bad: str) -> None:
        p = one_problem(write_json, {"sources": [SOURCE], "people": [person(born=bad)]})
        assert ("test-person", "born", "type") == (p.record, p.field, p.rule)
        assert repr(bad) in p.message

    def test_duplicate_id(self, write_json: WriteJson) -> None:
        p = one_problem(write_json, {"sources": [SOURCE], "people": [person(), person()]})
        assert ("test-person", "id", "duplicate-id") == (p.record, p.field, p.rule)

    def test_id_clashing_with_bundled(self, write_json: WriteJson) -> None:
        existing = next(iter(purge1930s.load().people)).id
        p = one_problem(write_json, {"sources": [SOURCE], "people": [person(id=existing)]})
        assert (existing, "duplicate-id") == (p.record, p.rule)
        assert "people.json" in p.message

    def test_malformed_id(self, write_json: WriteJson) -> None:
        p = one_problem(write_json, {"sources": [SOURCE], "people": [person(id="Test Person")]})
        assert ("Test Person", "id", "id") == (p.record, p.field, p.rule)

    def test_dangling_reference(self, write_json: WriteJson) -> None:
        event = {
            "id": "test-event",
            "title": "t",
            "date": "1937",
            "kind": "other",
            "people": ["nobody-at-all"],
            "citations": CITE,
        }
        p = one_problem(write_json, {"sources": [SOURCE], "events": [event]})
        assert ("test-event", "people[0]", "reference") == (p.record, p.field, p.rule)

    def test_missing_source(self, write_json: WriteJson) -> None:
        p = one_problem(write_json, {"people": [person()]})
        assert ("test-person", "citations[0].source", "reference") == (p.record, p.field, p.rule)

    def test_no_citation(self, write_json: WriteJson) -> None:
        p = one_problem(write_json, {"people": [person(citations=[])]})
        assert ("test-person", "citations", "citation") == (p.record, p.field, p.rule)

    def test_chronology(self, write_json: WriteJson) -> None:
        p = one_problem(write_json, {"sources": [SOURCE], "people": [person(born="1939")]})
        assert ("test-person", "died", "chronology") == (p.record, p.field, p.rule)

    def test_not_json(self, write_json: WriteJson, tmp_path: Path) -> None:
        path = tmp_path / "broken.json"
        path.write_text('{"people": [', encoding="utf-8")
        found = problems_of([path])
        assert [(str(path), "json")] == [(p.file, p.rule) for p in found]
        assert "line 1" in found[0].message

    def test_not_utf8(self, tmp_path: Path) -> None:
        path = tmp_path / "latin1.json"
        path.write_bytes('{"people": [{"name": "Ежов"}]}'.encode("cp1251"))
        assert ["encoding"] == [p.rule for p in problems_of([path])]

    def test_empty_file(self, tmp_path: Path) -> None:
        path = tmp_path / "empty.json"
        path.write_bytes(b"")
        assert ["json"] == [p.rule for p in problems_of([path])]

    def test_directory(self, tmp_path: Path) -> None:
        found = problems_of([tmp_path])
        assert [(str(tmp_path), "file")] == [(p.file, p.rule) for p in found]

    def test_missing_file(self, tmp_path: Path) -> None:
        assert ["file"] == [p.rule for p in problems_of([tmp_path / "nope.json"])]

    def test_top_level_not_an_object(self, write_json: WriteJson) -> None:
        assert ["json"] == [p.rule for p in problems_of([write_json([person()])])]

    def test_unknown_collection(self, write_json: WriteJson) -> None:
        p = one_problem(write_json, {"persons": []})
        assert "unknown-field" == p.rule
        assert "'persons'" in p.message

    def test_collection_not_a_list(self, write_json: WriteJson) -> None:
        p = one_problem(write_json, {"people": {"id": "x"}})
        assert ("people", "type") == (p.field, p.rule)

    def test_record_not_an_object(self, write_json: WriteJson) -> None:
        p = one_problem(write_json, {"people": ["nikolai-yezhov"]})
        assert ("people[0]", "type") == (p.record, p.rule)

    def test_duplicate_json_keys(self, tmp_path: Path) -> None:
        path = tmp_path / "dupes.json"
        path.write_text('{"people": [{"id": "a", "id": "b"}]}', encoding="utf-8")
        found = problems_of([path])
        assert ["json"] == [p.rule for p in found]
        assert "'id'" in found[0].message

    def test_nan_is_refused(self, tmp_path: Path) -> None:
        path = tmp_path / "nan.json"
        path.write_text('{"statistics": [{"count": NaN}]}', encoding="utf-8")
        assert ["json"] == [p.rule for p in problems_of([path])]

    def test_huge_integer(self, tmp_path: Path) -> None:
        path = tmp_path / "huge.json"
        path.write_text('{"statistics": [{"count": ' + "9" * 5000 + "}]}", encoding="utf-8")
        assert ["json"] == [p.rule for p in problems_of([path])]

    def test_deep_nesting(self, tmp_path: Path) -> None:
        path = tmp_path / "deep.json"
        path.write_text('{"people": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
        assert ["json"] == [p.rule for p in problems_of([path])]

    def test_death_sentence_with_years(self, write_json: WriteJson) -> None:
        trial = {
            "id": "test-trial",
            "name": "Test trial",
            "court": "A court",
            "public": True,
            "start": "1937-01-01",
            "defendants": [
                {
                    "person": "test-person",
                    "sentence": {"kind": "death", "years": 10},
                    "outcome": {"kind": "unknown"},
                }
            ],
            "citations": CITE,
        }
        p = one_problem(write_json, {"sources": [SOURCE], "people": [person()], "trials": [trial]})
        assert ("test-trial", "defendants[0].sentence.years", "sentence") == (
            p.record,
            p.field,
            p.rule,
        )

    def test_count_exceeds_total(self, write_json: WriteJson) -> None:
        stat = {"id": "test-stat", "label": "x", "count": 140, "total": 139, "citations": CITE}
        p = one_problem(write_json, {"sources": [SOURCE], "statistics": [stat]})
        assert ("test-stat", "count", "count") == (p.record, p.field, p.rule)

    def test_percent_disagrees(self, write_json: WriteJson) -> None:
        stat = {
            "id": "test-stat",
            "label": "x",
            "count": 98,
            "total": 139,
            "percent": 75,
            "citations": CITE,
        }
        p = one_problem(write_json, {"sources": [SOURCE], "statistics": [stat]})
        assert ("percent", "percent") == (p.field, p.rule)

    def test_message_names_everything(self, write_json: WriteJson) -> None:
        """The DataError message itself names file, record, field and rule."""
        path = write_json({"sources": [SOURCE], "people": [person(born="1937-13")]})
        with pytest.raises(DataError) as info:
            purge1930s.load(extra=[path])
        message = str(info.value)
        for part in (str(path), "test-person", "born", "[type]", "1937-13"):
            assert part in message


def test_data_error_is_a_value_error() -> None:
    """DataError can be caught as ValueError and as the package's base error."""
    assert issubclass(DataError, ValueError)
    assert issubclass(DataError, purge1930s.Purge1930sError)


def test_json_dump_of_problem_fields() -> None:
    """Problems are plain values that serialise."""
    p = Problem(file="f.json", record="r", field="x", rule="type", message="m")
    assert "f.json: r: x: [type] m" == str(p)
    assert json.dumps([p.file, p.record])
