"""
Rewrite the bundled data files in their canonical form, or check that they are in it.

Canonical: one JSON object per file keyed by the collection name, records sorted by id,
fields in the order of the record class, fields left at their defaults omitted, two-space
indentation, UTF-8 without escapes, a final newline. A diff of the data then reads as a
change to history, not to formatting.

    python tools/normalize_data.py            # rewrite the files in place
    python tools/normalize_data.py --check    # exit 1 if any file is not canonical
    python tools/normalize_data.py --add F    # merge the records of F into the data first
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from purge1930s._convert import COLLECTIONS, converter

DATA = Path(__file__).resolve().parent.parent / "src" / "purge1930s" / "data"


def canonical(name: str, records: list[dict[str, object]]) -> str:
    """The canonical text of one collection's file."""
    record_type = COLLECTIONS[name]
    items = [converter.unstructure(converter.structure(r, record_type)) for r in records]
    items.sort(key=lambda r: str(r["id"]))
    return json.dumps({name: items}, ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only check; change nothing")
    parser.add_argument("--add", nargs="*", default=[], type=Path, metavar="FILE")
    args = parser.parse_args(argv)
    collections: dict[str, list[dict[str, object]]] = {name: [] for name in COLLECTIONS}
    for name in COLLECTIONS:
        path = DATA / f"{name}.json"
        if path.exists():
            collections[name].extend(json.loads(path.read_text(encoding="utf-8"))[name])
    for extra in args.add:
        for name, records in json.loads(extra.read_text(encoding="utf-8")).items():
            collections[name].extend(records)
    stale = []
    for name, records in collections.items():
        path = DATA / f"{name}.json"
        text = canonical(name, records)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            stale.append(path.name)
            if not args.check:
                path.write_text(text, encoding="utf-8")
    if args.check and stale:
        print("not canonical (run python tools/normalize_data.py):", ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
