"""
SQLite: one database with every table, primary and foreign keys, and indexes.

Lists and objects are stored as JSON text (query them with SQLite's ``json_each``);
booleans as 0/1; dates as EDTF text, which sorts correctly as text for dates of the same
precision. A ``meta`` table holds the package and data versions, the licence and the
citation. Three example queries:

.. code-block:: sql

    -- Everyone sentenced to death in the Trial of the Twenty-One, with the date shot
    SELECT p.name, d.executed FROM defendants d JOIN people p ON p.id = d.person
    WHERE d.trial = 'trial-of-the-twenty-one' AND d.sentence_kind = 'death';

    -- Death sentences per trial
    SELECT t.name, count(*) FROM defendants d JOIN trials t ON t.id = d.trial
    WHERE d.sentence_kind = 'death' GROUP BY t.id ORDER BY t.start;

    -- Who headed the NKVD, and when
    SELECT p.name, s.start, s."end" FROM positions s JOIN people p ON p.id = s.person
    WHERE s.body = 'nkvd' AND s.role = 'head' ORDER BY s.start;
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import Final

from purge1930s._version import DATA_VERSION, __version__
from purge1930s.dataset import Dataset
from purge1930s.export._tables import TABLES, Row, Table, from_tables, rows
from purge1930s.export.tabular import LICENCE, citation

__all__ = ["read_sqlite", "write_sqlite"]

_SQL_TYPES: Final = {
    "string": "TEXT",
    "integer": "INTEGER",
    "number": "REAL",
    "boolean": "INTEGER",
    "array": "TEXT",
    "object": "TEXT",
}
# Columns worth an index besides the foreign keys: the ones people sort and filter by.
_INDEXED: Final = {"events": ("date",), "people": ("born", "died"), "trials": ("start",)}


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _create(table: Table) -> list[str]:
    cols = [
        f"{_quote(c.name)} {_SQL_TYPES[c.type]}" + (" NOT NULL" if c.required else "")
        for c in table.columns
    ]
    cols.append(f"PRIMARY KEY ({', '.join(map(_quote, table.key))})")
    cols.extend(
        f"FOREIGN KEY ({_quote(c.name)}) REFERENCES {_quote(c.references[0])} "
        f"({_quote(c.references[1])})"
        for c in table.columns
        if c.references is not None
    )
    statements = [f"CREATE TABLE {_quote(table.name)} (\n  " + ",\n  ".join(cols) + "\n)"]
    indexed = [c.name for c in table.columns if c.references is not None]
    indexed += list(_INDEXED.get(table.name, ()))
    statements.extend(
        f"CREATE INDEX {_quote(f'{table.name}_{col}')} ON {_quote(table.name)} ({_quote(col)})"
        for col in indexed
    )
    return statements


def _cell(value: object) -> object:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def write_sqlite(ds: Dataset, path: str | os.PathLike[str]) -> Path:
    """Write the dataset to a new SQLite database at *path* (replacing any file there)."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    try:
        con.execute("PRAGMA foreign_keys = ON")
        with con:
            con.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            con.executemany(
                "INSERT INTO meta VALUES (?, ?)",
                [
                    ("package_version", __version__),
                    ("data_version", DATA_VERSION),
                    ("licence", LICENCE["path"]),
                    ("citation", citation()),
                ],
            )
            data = rows(ds)
            for table in TABLES.values():
                for statement in _create(table):
                    con.execute(statement)
                marks = ", ".join("?" for _ in table.columns)
                con.executemany(
                    f"INSERT INTO {_quote(table.name)} VALUES ({marks})",  # noqa: S608 -- names are ours
                    [[_cell(v) for v in row.values()] for row in data[table.name]],
                )
        problems = con.execute("PRAGMA foreign_key_check").fetchall()
        if problems:  # pragma: no cover -- the loader already checked every reference
            msg = f"foreign keys broken: {problems[:5]}"
            raise RuntimeError(msg)
    finally:
        con.close()
    os.replace(tmp, target)
    return target


def read_sqlite(path: str | os.PathLike[str]) -> Dataset:
    """Load a SQLite export back into a dataset."""
    con = sqlite3.connect(f"file:{Path(path)}?mode=ro", uri=True)
    try:
        data: dict[str, list[Row]] = {}
        for table in TABLES.values():
            cursor = con.execute(f"SELECT * FROM {_quote(table.name)}")  # noqa: S608
            types = [c.type for c in table.columns]
            data[table.name] = [
                {c.name: _uncell(v, t) for c, v, t in zip(table.columns, row, types, strict=True)}
                for row in cursor
            ]
    finally:
        con.close()
    return from_tables(data)


def _uncell(value: object, type_: str) -> object:
    if value is None:
        return None
    if type_ == "boolean":
        return bool(value)
    if type_ in {"array", "object"} and isinstance(value, str):
        return json.loads(value)
    return value
