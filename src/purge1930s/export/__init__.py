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

import importlib
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:  # at run time each writer loads on first use
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

# Where each name lives. The command line reads FORMATS on every run, and a script that writes
# one format should not pay for the others (sqlite3, csv, the table schema).
_HOMES: Final = {
    **dict.fromkeys(("to_frames", "to_graph"), "frames"),
    **dict.fromkeys(("to_jsonld", "to_popolo"), "linked"),
    **dict.fromkeys(("read_sqlite", "write_sqlite"), "sqlite"),
    **dict.fromkeys(
        ("datapackage", "read_csv", "read_jsonl", "write_csv", "write_jsonl"), "tabular"
    ),
    "to_timelinejs": "timelinejs",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        msg = f"module 'purge1930s.export' has no attribute {name!r}"
        raise AttributeError(msg)
    value = getattr(importlib.import_module(f"purge1930s.export.{home}"), name)
    globals()[name] = value  # later look-ups are plain attribute access
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


def export(ds: Dataset, fmt: str, out: str | os.PathLike[str]) -> list[Path]:
    """
    Write *ds* in format *fmt* to *out*: a folder for ``csv`` and ``jsonl`` (one file per
    table and a ``datapackage.json``), a file for the others. Returns the paths written.

    Raises:
        ValueError: for an unknown format.
    """
    if fmt not in FORMATS:
        msg = f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}"
        raise ValueError(msg)
    if fmt in {"csv", "jsonl"}:
        written: list[Path] = __getattr__(f"write_{fmt}")(ds, out)
        return written
    if fmt == "sqlite":
        return [__getattr__("write_sqlite")(ds, out)]
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    document = __getattr__(f"to_{fmt}")(ds)
    text = json.dumps(document, ensure_ascii=False, indent=1) + "\n"
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
    return [path]
