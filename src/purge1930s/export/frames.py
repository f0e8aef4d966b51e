"""
pandas DataFrames and a networkx graph, behind the optional extras.

``pip install 'purge1930s[pandas]'`` or ``'purge1930s[networkx]'``; the libraries are
imported only when these functions are called, and a missing one is reported with the
command that installs it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, Final

from purge1930s._version import DATA_VERSION
from purge1930s.dataset import Dataset
from purge1930s.export._tables import TABLES, rows

if TYPE_CHECKING:
    from purge1930s.collection import Collection

__all__ = ["collection_frame", "to_frames", "to_graph"]

_DTYPES: Final = {
    "string": "string",
    "integer": "Int64",
    "number": "Float64",
    "boolean": "boolean",
    "array": "object",
    "object": "object",
}
# Collection kind -> (Dataset argument, table name).
_KINDS: Final = {
    "source": "sources",
    "person": "people",
    "body": "bodies",
    "event": "events",
    "trial": "trials",
    "procedure": "procedures",
    "statistic": "statistics",
}


def _require(module: str, extra: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        msg = f"{module} is needed for this; install it with: pip install 'purge1930s[{extra}]'"
        raise ImportError(msg) from exc


def _frame(pd: Any, name: str, items: list[dict[str, Any]]) -> Any:
    table = TABLES[name]
    frame = pd.DataFrame(items, columns=list(table.column_names))
    for c in table.columns:
        frame[c.name] = frame[c.name].astype(_DTYPES[c.type])
    return frame.set_index(list(table.key)) if table.key == ("id",) else frame


def to_frames(ds: Dataset) -> dict[str, Any]:
    """Every table of the export as a pandas DataFrame (tables with an id are indexed by it)."""
    pd = _require("pandas", "pandas")
    return {name: _frame(pd, name, items) for name, items in rows(ds).items()}


def collection_frame(collection: Collection[Any]) -> Any:
    """One collection's main table as a DataFrame indexed by id."""
    pd = _require("pandas", "pandas")
    name = _KINDS[collection._kind]
    return _frame(pd, name, rows(Dataset(**{name: list(collection)}))[name])


def to_graph(ds: Dataset) -> Any:
    """
    A networkx ``MultiDiGraph`` of people, trials, events, bodies and procedures.

    Nodes are ``"<kind>:<id>"`` with the attributes ``kind``, ``id`` and ``label``. Edges
    carry a ``relation``: ``defendant`` (person to trial, with ``sentence`` and
    ``outcome``), ``presiding_judge``, ``judge``, ``prosecutor``, ``member`` (person to body,
    with ``role``, ``start``, ``end``), ``took_part`` (person to event), ``part_of`` (event
    to trial) and ``applied`` (event to procedure).
    """
    nx = _require("networkx", "networkx")
    g = nx.MultiDiGraph(data_version=DATA_VERSION)
    for kind, coll, label in (
        ("person", ds.people, "name"),
        ("trial", ds.trials, "name"),
        ("event", ds.events, "title"),
        ("body", ds.bodies, "name"),
        ("procedure", ds.procedures, "name"),
    ):
        for r in coll:
            g.add_node(f"{kind}:{r.id}", kind=kind, id=r.id, label=getattr(r, label))
    for t in ds.trials:
        trial = f"trial:{t.id}"
        for d in t.defendants:
            g.add_edge(
                f"person:{d.person}",
                trial,
                relation="defendant",
                sentence=d.sentence.kind.value,
                outcome=d.outcome.kind.value,
            )
        if t.presiding_judge:
            g.add_edge(f"person:{t.presiding_judge}", trial, relation="presiding_judge")
        for j in t.judges:
            g.add_edge(f"person:{j}", trial, relation="judge")
        if t.prosecutor:
            g.add_edge(f"person:{t.prosecutor}", trial, relation="prosecutor")
    for p in ds.people:
        for pos in p.positions:
            if pos.body is not None:
                g.add_edge(
                    f"person:{p.id}",
                    f"body:{pos.body}",
                    relation="member",
                    role=pos.role.value,
                    start=str(pos.start or ""),
                    end=str(pos.end or ""),
                )
    for e in ds.events:
        for pid in e.people:
            g.add_edge(f"person:{pid}", f"event:{e.id}", relation="took_part")
        for tid in e.trials:
            g.add_edge(f"event:{e.id}", f"trial:{tid}", relation="part_of")
        for prid in e.procedures:
            g.add_edge(f"event:{e.id}", f"procedure:{prid}", relation="applied")
    return g
