"""
Take the data anywhere: tables, SQLite, linked data, timelines, pandas and graphs.

>>> import purge1930s, tempfile
>>> from purge1930s import export
>>> ds = purge1930s.load()
>>> folder = tempfile.mkdtemp()
>>> paths = export.export(ds, "csv", folder)
>>> sorted(p.name for p in paths)[:3]
['bodies.csv', 'body_seats.csv', 'citations.csv']
>>> list(export.read_csv(folder).people) == list(ds.people)
True

Every export is deterministic (the same data gives the same bytes) and carries the package
version, the data edition, the data licence and a citation.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Final

from purge1930s.dataset import Dataset
from purge1930s.export.frames import to_frames, to_graph
from purge1930s.export.linked import to_jsonld, to_popolo
from purge1930s.export.sqlite import read_sqlite, write_sqlite
from purge1930s.export.tabular import datapackage, read_csv, read_jsonl, write_csv, write_jsonl
from purge1930s.export.timelinejs import to_timelinejs

__all__ = [
    "FORMATS",
    "datapackage",
    "export",
    "read_csv",
    "read_jsonl",
    "read_sqlite",
    "to_frames",
    "to_graph",
    "to_jsonld",
    "to_popolo",
    "to_timelinejs",
    "write_csv",
    "write_jsonl",
    "write_sqlite",
]

#: The formats of :func:`export` and ``purge1930s export --format``.
FORMATS: Final = ("csv", "jsonl", "sqlite", "jsonld", "popolo", "timelinejs")


def export(ds: Dataset, fmt: str, out: str | os.PathLike[str]) -> list[Path]:
    """
    Write *ds* in format *fmt* to *out*: a folder for ``csv`` and ``jsonl`` (one file per
    table and a ``datapackage.json``), a file for the others. Returns the paths written.

    Raises:
        ValueError: for an unknown format.
    """
    if fmt == "csv":
        return write_csv(ds, out)
    if fmt == "jsonl":
        return write_jsonl(ds, out)
    if fmt == "sqlite":
        return [write_sqlite(ds, out)]
    documents = {"jsonld": to_jsonld, "popolo": to_popolo, "timelinejs": to_timelinejs}
    if fmt not in documents:
        msg = f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}"
        raise ValueError(msg)
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(documents[fmt](ds), ensure_ascii=False, indent=1) + "\n"
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
    return [path]
