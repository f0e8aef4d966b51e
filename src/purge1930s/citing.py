"""
How to cite a record: the package, the data edition, and the sources behind the record.
"""

from __future__ import annotations

from purge1930s._version import DATA_VERSION, __version__
from purge1930s.dataset import Dataset
from purge1930s.models import Record, Source

__all__ = ["cite", "format_source"]


def format_source(source: Source, locator: str = "") -> str:
    """One source as a reference-list entry, with *locator* (section, page) if given."""
    parts = [p for p in (source.author, source.title, source.publisher) if p]
    text = ". ".join(parts)
    if source.year is not None:
        text += f" ({source.year})"
    if source.url:
        text += f". {source.url}"
        if source.accessed is not None:
            text += f" (accessed {source.accessed})"
    if locator:
        text += f", {locator}"
    return text + "."


def cite(record: Record, dataset: Dataset | None = None) -> str:
    """
    A citation for *record*: the package and data edition, the record's id, and every source
    it cites with the locator (sources are looked up in *dataset*, by default the bundled
    one). A :class:`~purge1930s.Source` cites itself.
    """
    if dataset is None:
        from purge1930s._loading import load  # noqa: PLC0415 -- load only when asked

        dataset = load()
    label = getattr(record, "name", None) or getattr(record, "title", None) or record.id
    head = (
        f"{label} [{record.id}]. In: purge1930s {__version__}, data edition {DATA_VERSION}. "
        "Data licence CC BY 4.0."
    )
    if isinstance(record, Source):
        return f"{head}\n  {format_source(record)}"
    lines = [head, "Sources:"]
    seen: set[tuple[str, str]] = set()
    for citation in record.citations:
        key = (citation.source, citation.locator)
        if key in seen:
            continue
        seen.add(key)
        source = dataset.sources.get(citation.source)
        entry = format_source(source, citation.locator) if source else citation.source
        lines.append(f"  - {entry}")
    return "\n".join(lines)
