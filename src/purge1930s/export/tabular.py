"""
CSV and JSON Lines: one file per table, with a Frictionless ``datapackage.json``.

The tables are those of :mod:`purge1930s.export._tables`: one per record type plus link
tables (positions, defendants, judges, event participants) and the variants and citations.
In CSV, lists and objects are JSON text, booleans are ``true``/``false`` and a missing value
is an empty cell; the data package says so, so that Frictionless tools read the files
correctly. :func:`read_csv` and :func:`read_jsonl` load an export back into a
:class:`~purge1930s.Dataset`.
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path
from typing import Any

from purge1930s._version import DATA_VERSION, __version__
from purge1930s.dataset import Dataset
from purge1930s.export._tables import TABLES, Row, Table, from_tables, rows

__all__ = ["datapackage", "read_csv", "read_jsonl", "write_csv", "write_jsonl"]

CITATION = (
    "purge1930s {version}, data edition {data}: the Soviet Great Purge of the 1930s as typed, "
    "sourced records. Data licence CC BY 4.0."
)
LICENCE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0",
}


def citation() -> str:
    """How to cite an export: package and data edition."""
    return CITATION.format(version=__version__, data=DATA_VERSION)


def datapackage(fmt: str = "csv") -> dict[str, Any]:
    """The Frictionless data package descriptor for a ``csv`` or ``jsonl`` export."""
    resources = [_resource(table, fmt) for table in TABLES.values()]
    return {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": "purge1930s",
        "title": "purge1930s: the Soviet Great Purge of the 1930s as sourced records",
        "description": (
            "People, trials, events, procedures and figures of the Great Purge (1934-1940), "
            "every record citing its sources. The charges recorded were fabricated; they "
            "are allegations, not facts. Dates are EDTF text."
        ),
        "version": DATA_VERSION,
        "licenses": [LICENCE],
        "contributors": [{"title": "The purge1930s authors", "roles": ["creator"]}],
        "keywords": ["history", "Soviet Union", "Great Purge", "Moscow trials"],
        "purge1930s": {"package_version": __version__, "citation": citation()},
        "resources": resources,
    }


def _resource(table: Table, fmt: str) -> dict[str, Any]:
    fields = []
    for c in table.columns:
        field: dict[str, Any] = {"name": c.name, "type": c.type, "description": c.doc}
        if c.type == "boolean" and fmt == "csv":
            field["trueValues"], field["falseValues"] = ["true"], ["false"]
        if c.required or c.name in table.key:
            field["constraints"] = {"required": True}
        fields.append(field)
    foreign = [
        {
            "fields": [c.name],
            "reference": {"resource": c.references[0], "fields": [c.references[1]]},
        }
        for c in table.columns
        if c.references is not None
    ]
    schema: dict[str, Any] = {"fields": fields, "primaryKey": list(table.key)}
    if foreign:
        schema["foreignKeys"] = foreign
    if fmt == "csv":
        schema["missingValues"] = [""]
    return {
        "name": table.name,
        "path": f"{table.name}.{fmt}",
        "format": fmt,
        "mediatype": "text/csv" if fmt == "csv" else "application/jsonl",
        "encoding": "utf-8",
        "description": table.doc,
        "schema": schema,
    }


# --- writing -----------------------------------------------------------------------------------


def _csv_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def _write(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8", newline="")
    os.replace(tmp, path)


def write_csv(ds: Dataset, folder: str | os.PathLike[str]) -> list[Path]:
    """Write one CSV file per table and ``datapackage.json`` into *folder*; return the paths."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, items in rows(ds).items():
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(TABLES[name].column_names)
        writer.writerows([_csv_cell(v) for v in row.values()] for row in items)
        path = out / f"{name}.csv"
        _write(path, buffer.getvalue())
        written.append(path)
    return [*written, _write_descriptor(out, "csv")]


def write_jsonl(ds: Dataset, folder: str | os.PathLike[str]) -> list[Path]:
    """Write one JSON Lines file per table and ``datapackage.json`` into *folder*."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, items in rows(ds).items():
        lines = [json.dumps(row, ensure_ascii=False, sort_keys=False) for row in items]
        path = out / f"{name}.jsonl"
        _write(path, "".join(line + "\n" for line in lines))
        written.append(path)
    return [*written, _write_descriptor(out, "jsonl")]


def _write_descriptor(out: Path, fmt: str) -> Path:
    path = out / "datapackage.json"
    _write(path, json.dumps(datapackage(fmt), ensure_ascii=False, indent=2) + "\n")
    return path


# --- reading back ------------------------------------------------------------------------------


def _parse_csv_cell(value: str, type_: str) -> object:
    if value == "":
        return None
    if type_ == "integer":
        return int(value)
    if type_ == "number":
        return float(value)
    if type_ == "boolean":
        return value == "true"
    if type_ in {"array", "object"}:
        return json.loads(value)
    return value


def read_csv(folder: str | os.PathLike[str]) -> Dataset:
    """Load a CSV export back into a dataset."""
    data: dict[str, list[Row]] = {}
    for name, table in TABLES.items():
        text = (Path(folder) / f"{name}.csv").read_text(encoding="utf-8")
        reader = csv.DictReader(io.StringIO(text))
        types = {c.name: c.type for c in table.columns}
        data[name] = [{k: _parse_csv_cell(v, types[k]) for k, v in r.items()} for r in reader]
    return from_tables(data)


def read_jsonl(folder: str | os.PathLike[str]) -> Dataset:
    """Load a JSON Lines export back into a dataset."""
    data = {
        name: [
            json.loads(line)
            for line in (Path(folder) / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
        ]
        for name in TABLES
    }
    return from_tables(data)
