"""Exports: every format reads back to the same data, deterministically."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import purge1930s
from purge1930s import export
from purge1930s.cli import main
from purge1930s.export._tables import TABLES, from_tables, rows
from purge1930s.export.timelinejs import display_date
from purge1930s.testing import datasets

COLLECTIONS = ("people", "events", "trials", "procedures", "statistics", "sources", "bodies")


def same(a: purge1930s.Dataset, b: purge1930s.Dataset) -> None:
    for name in COLLECTIONS:
        assert list(getattr(a, name)) == list(getattr(b, name)), name


def digest(paths: list[Path]) -> str:
    h = hashlib.sha256()
    for p in sorted(paths):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()


class TestRoundTrips:
    """What goes out comes back: the same records and counts."""

    def test_csv(self, ds: purge1930s.Dataset, tmp_path: Path) -> None:
        export.write_csv(ds, tmp_path)
        same(ds, export.read_csv(tmp_path))

    def test_jsonl(self, ds: purge1930s.Dataset, tmp_path: Path) -> None:
        export.write_jsonl(ds, tmp_path)
        same(ds, export.read_jsonl(tmp_path))

    def test_sqlite(self, ds: purge1930s.Dataset, tmp_path: Path) -> None:
        path = export.write_sqlite(ds, tmp_path / "p.sqlite")
        same(ds, export.read_sqlite(path))

    @settings(deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=30)
    @given(datasets())
    def test_tables_round_trip_generated_data(self, ds: purge1930s.Dataset) -> None:
        same(ds, from_tables(rows(ds)))


class TestSqlite:
    def test_foreign_keys_hold(self, ds: purge1930s.Dataset, tmp_path: Path) -> None:
        path = export.write_sqlite(ds, tmp_path / "p.sqlite")
        con = sqlite3.connect(path)
        assert [] == con.execute("PRAGMA foreign_key_check").fetchall()
        fks = con.execute("SELECT count(*) FROM pragma_foreign_key_list('defendants')").fetchone()
        assert 2 == fks[0]
        meta = dict(con.execute("SELECT key, value FROM meta"))
        assert purge1930s.data_version == meta["data_version"]
        assert "CC BY 4.0" in meta["citation"]

    def test_documented_queries(self, ds: purge1930s.Dataset, tmp_path: Path) -> None:
        con = sqlite3.connect(export.write_sqlite(ds, tmp_path / "p.sqlite"))
        shot = con.execute(
            "SELECT count(*) FROM defendants WHERE trial = 'trial-of-the-twenty-one' "
            "AND sentence_kind = 'death'"
        ).fetchone()
        assert 18 == shot[0]
        heads = con.execute(
            "SELECT p.name FROM positions s JOIN people p ON p.id = s.person "
            "WHERE s.body = 'nkvd' AND s.role = 'head' ORDER BY s.start"
        ).fetchall()
        assert ["Genrikh Yagoda", "Nikolai Yezhov", "Lavrentiy Beria"] == [h[0] for h in heads]


class TestDescriptors:
    @pytest.mark.parametrize("fmt", ["csv", "jsonl"])
    def test_datapackage_lists_every_file_and_field(
        self, ds: purge1930s.Dataset, tmp_path: Path, fmt: str
    ) -> None:
        export.export(ds, fmt, tmp_path)
        package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
        files = {p.name for p in tmp_path.iterdir()} - {"datapackage.json"}
        assert files == {r["path"] for r in package["resources"]}
        for resource in package["resources"]:
            header = (tmp_path / resource["path"]).read_text(encoding="utf-8").splitlines()[0]
            names = [f["name"] for f in resource["schema"]["fields"]]
            if fmt == "csv":
                assert ",".join(names) == header
            else:
                assert names == list(json.loads(header))
            assert all(f["description"] for f in resource["schema"]["fields"])
        assert purge1930s.data_version == package["version"]
        assert "CC-BY-4.0" == package["licenses"][0]["name"]

    def test_every_table_is_described(self) -> None:
        package = export.datapackage("csv")
        assert set(TABLES) == {r["name"] for r in package["resources"]}


class TestLinkedData:
    def test_jsonld_nodes_have_ids(self, ds: purge1930s.Dataset) -> None:
        doc = json.loads(json.dumps(export.to_jsonld(ds)))
        assert "@context" in doc
        ids = [node["@id"] for node in doc["@graph"]]
        assert len(ids) == len(set(ids))
        assert all(i.startswith("urn:purge1930s:") for i in ids)
        people = [n for n in doc["@graph"] if n["@type"] == "Person"]
        assert len(ds.people) == len(people)
        known = set(ids)
        for node in doc["@graph"]:
            for c in node.get("citation", []) if isinstance(node.get("citation"), list) else []:
                assert c["@id"] in known

    def test_popolo(self, ds: purge1930s.Dataset) -> None:
        doc = export.to_popolo(ds)
        persons = {p["id"] for p in doc["persons"]}
        orgs = {o["id"] for o in doc["organizations"]}
        assert len(ds.people) == len(persons)
        for m in doc["memberships"]:
            assert m["person_id"] in persons
            assert m["organization_id"] in orgs
            for key in ("start_date", "end_date"):
                if key in m:
                    assert m[key][-1].isdigit()

    def test_timelinejs(self, ds: purge1930s.Dataset) -> None:
        doc = export.to_timelinejs(ds)
        assert len(ds.events) == len(doc["events"])
        assert all("year" in e["start_date"] for e in doc["events"])
        assert "CC BY 4.0" in doc["title"]["text"]["text"]

    @pytest.mark.parametrize(
        ("text", "shown"),
        [("1937", "1937"), ("1937-05~", "c. May 1937"), ("1941-09-11?", "11 September 1941?")],
    )
    def test_display_dates(self, text: str, shown: str) -> None:
        assert shown == display_date(purge1930s.HistoricalDate.parse(text))


@pytest.mark.parametrize("fmt", export.FORMATS)
def test_deterministic(ds: purge1930s.Dataset, tmp_path: Path, fmt: str) -> None:
    """The same data gives the same bytes."""
    out = "a" if fmt in {"csv", "jsonl"} else "a.out"
    first = digest(export.export(ds, fmt, tmp_path / "1" / out))
    second = digest(export.export(ds, fmt, tmp_path / "2" / out))
    assert first == second


def test_unknown_format(ds: purge1930s.Dataset, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown format"):
        export.export(ds, "xlsx", tmp_path / "x")


def test_cli_export(tmp_path: Path) -> None:
    assert 0 == main(["export", "--format", "sqlite", "--out", str(tmp_path / "p.sqlite")])
    assert (tmp_path / "p.sqlite").exists()
    with pytest.raises(SystemExit) as info:
        main(["export", "--format", "xlsx", "--out", str(tmp_path)])
    assert 2 == info.value.code


class TestFrames:
    def test_to_frames(self, ds: purge1930s.Dataset) -> None:
        frames = ds.to_frames()
        assert set(TABLES) == set(frames)
        people = frames["people"]
        assert len(ds.people) == len(people)
        assert "Nikolai Yezhov" == people.loc["nikolai-yezhov", "name"]
        assert 96 == len(frames["defendants"])

    def test_collection_to_frame(self, ds: purge1930s.Dataset) -> None:
        frame = ds.trials.to_frame()
        assert list(ds.trials.ids()) == list(frame.index)

    def test_to_graph(self, ds: purge1930s.Dataset) -> None:
        g = ds.to_graph()
        edges = [
            (u, v)
            for u, v, d in g.edges(data=True)
            if d["relation"] == "defendant" and v == "trial:trial-of-the-twenty-one"
        ]
        assert 21 == len(edges)
        assert "person" == g.nodes["person:nikolai-bukharin"]["kind"]

    def test_missing_extra_says_how_to_install(self, ds: purge1930s.Dataset) -> None:
        code = (
            "import sys; sys.modules['pandas'] = None\n"
            "import purge1930s\n"
            "try:\n"
            "    purge1930s.load().to_frames()\n"
            "except ImportError as exc:\n"
            "    print(exc)\n"
        )
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert "pip install 'purge1930s[pandas]'" in done.stdout
