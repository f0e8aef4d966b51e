"""
How fast and how big purge1930s is, measured against what it is built from.

    python benchmarks/bench.py            # full run (about a minute and a half)
    python benchmarks/bench.py --quick    # smaller sizes, fewer repeats, for a smoke test

Every figure is a median of several repeats, and every target is a ratio between two
things measured in the same run, so that a noisy or slow machine moves both sides. The
script prints each figure with its target and a pass/fail mark, and exits 1 if any target
is missed.
"""

from __future__ import annotations

import argparse
import bisect
import datetime
import gc
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
import unicodedata
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path
from typing import Any

import purge1930s
from purge1930s import _loading

RESULTS: list[tuple[str, str, str, bool | None]] = []


def median_time(fn: Callable[[], object], repeats: int) -> float:
    """Median wall time of *fn* over *repeats* runs, in seconds."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
        # Freeing what fn built (a whole dataset, say) is not part of what it costs to build.
        del result
    return statistics.median(times)


def paired(a: Callable[[], object], b: Callable[[], object], repeats: int) -> tuple[float, float]:
    """
    Median times of *a* and *b*, run alternately so that drift in the machine's speed
    (frequent on shared virtual machines) falls on both sides of a ratio alike.
    """
    times_a, times_b = [], []
    for _ in range(repeats):
        for fn, times in ((a, times_a), (b, times_b)):
            start = time.perf_counter()
            result = fn()
            times.append(time.perf_counter() - start)
            del result
    return statistics.median(times_a), statistics.median(times_b)


def report(name: str, figure: str, target: str = "", ok: bool | None = None) -> None:
    RESULTS.append((name, figure, target, ok))
    mark = "" if ok is None else ("PASS" if ok else "FAIL")
    print(f"  {name:<52} {figure:<34} {target:<18} {mark}", flush=True)


# --- 1. import ---------------------------------------------------------------------------------


def process(code: str) -> Callable[[], None]:
    def run() -> None:
        subprocess.run([sys.executable, "-c", code], check=True)

    run()  # warm the file cache
    return run


def bench_import(repeats: int) -> None:
    print("\nImport (whole processes)")
    ours, base = paired(process("import purge1930s"), process("import attrs, cattrs"), repeats)
    bare = median_time(process("pass"), repeats)
    ratio = ours / base
    report("python -c 'import attrs, cattrs'", f"{base * 1000:.1f} ms")
    report(
        "python -c 'import purge1930s'",
        f"{ours * 1000:.1f} ms (bare python {bare * 1000:.1f} ms)",
        "<= 1.15 x attrs+cattrs",
        ratio <= 1.15,
    )
    report("  ratio", f"{ratio:.2f} x")
    first_use = median_time(process("import purge1930s; purge1930s.load()"), repeats)
    report("python -c 'import purge1930s; load()' (first use)", f"{first_use * 1000:.1f} ms")
    probe = (
        "import sys\n"
        "opened = []\n"
        "sys.addaudithook(lambda event, args: opened.append(str(args[0])) "
        "if event == 'open' and args and isinstance(args[0], str) else None)\n"
        "import purge1930s\n"
        "data = [p for p in opened if 'purge1930s' in p and p.endswith('.json')]\n"
        "heavy = {'pandas', 'networkx', 'matplotlib', 'hypothesis'} & set(sys.modules)\n"
        "print(len(data), sorted(heavy))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.strip()
    reads, heavy = out.split(" ", 1)
    report("data files read by 'import purge1930s'", reads, "0", reads == "0")
    report("optional libraries imported", heavy, "[]", heavy == "[]")


# --- 2. load -----------------------------------------------------------------------------------


def bench_load(repeats: int) -> None:
    print("\nLoad of the bundled data (cold cache, every invariant checked)")
    folder = files("purge1930s") / "data"
    raw = [(p.name, p.read_bytes()) for p in folder.iterdir() if p.name.endswith(".json")]
    size = sum(len(b) for _, b in raw)

    def cold() -> purge1930s.Dataset:
        _loading.clear_cache()
        return purge1930s.load()

    load_time, json_time = paired(cold, lambda: [json.loads(b) for _, b in raw], repeats)
    ratio = load_time / json_time
    report("json.loads of the bundled files", f"{json_time * 1000:.1f} ms ({size / 1e6:.2f} MB)")
    report("purge1930s.load(), cold", f"{load_time * 1000:.1f} ms", "<= 4 x json.loads", ratio <= 4)
    report("  ratio", f"{ratio:.2f} x")


# --- 3 and 4. synthetic data at scale -------------------------------------------------------


def synthetic(n_people: int, seed: int = 1937) -> dict[str, Any]:
    """A valid document of *n_people* persons, n/2 events, citing the bundled sources."""
    rng = random.Random(seed)
    ds = purge1930s.load()
    sources = list(ds.sources.ids())[:50]
    bodies = ["central-committee", "procuracy"]
    roles = ["member", "candidate", "head", "deputy"]
    people = []
    for i in range(n_people):
        born = rng.randint(1870, 1905)
        died = rng.randint(born + 30, 1980)
        start = rng.randint(born + 20, min(died - 2, 1940))
        people.append(
            {
                "id": f"syn-person-{i}",
                "name": f"Ivan Syntheticov{i}",
                "name_ru": f"Иван Иванович Синтетиков{i}",
                "aliases": [f"I. I. Syntheticov{i}", f"Sintetikov{i}"],
                "born": f"{born}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                "died": f"{died}-{rng.randint(1, 12):02d}",
                "death_cause": "executed",
                "positions": [
                    {
                        "title": "Member",
                        "body": rng.choice(bodies),
                        "role": rng.choice(roles),
                        "start": str(start),
                        "end": str(rng.randint(start + 1, died - 1)),
                    },
                    {"title": "Official", "start": str(start)},
                ],
                "summary": "A synthetic person for the benchmark, with a summary of typical length "
                "for the records of the bundled data.",
                "citations": [{"source": s, "locator": "p. 1"} for s in rng.sample(sources, 2)],
            }
        )
    events = []
    for i in range(n_people // 2):
        day = datetime.date(1930, 1, 1) + datetime.timedelta(days=rng.randint(0, 12 * 365))
        a, b = rng.sample(range(n_people), 2)
        event: dict[str, Any] = {
            "id": f"syn-event-{i}",
            "title": f"Synthetic event {i}",
            "date": day.isoformat(),
            "kind": rng.choice(["arrest", "verdict", "execution", "other"]),
            "people": [f"syn-person-{a}", f"syn-person-{b}"],
            "citations": [{"source": rng.choice(sources), "locator": "p. 2"}],
        }
        # People must be alive: choose the event year inside both lives by construction.
        lo = max(int(people[a]["born"][:4]), int(people[b]["born"][:4])) + 1
        hi = min(int(people[a]["died"][:4]), int(people[b]["died"][:4])) - 1
        year = min(max(day.year, lo), hi) if lo <= hi else None
        if year is None:
            event["people"] = []
        else:
            event["date"] = f"{year}-{day.month:02d}-{min(day.day, 28):02d}"
        if rng.random() < 0.1:
            event["end"] = (
                datetime.date.fromisoformat(event["date"])
                + datetime.timedelta(days=rng.randint(1, 5))
            ).isoformat()
        events.append(event)
    return {"people": people, "events": events}


def count(document: dict[str, Any]) -> int:
    return sum(len(v) for v in document.values())


def load_extra(path: Path) -> purge1930s.Dataset:
    _loading.clear_cache()
    return purge1930s.load(extra=[path])


def bench_scale(sizes: list[int], repeats: int, tmp: Path) -> dict[int, tuple[Path, int]]:
    print("\nScale: synthetic persons (with positions, citations and n/2 events) via load(extra=)")

    def bundled() -> purge1930s.Dataset:
        _loading.clear_cache()
        return purge1930s.load()

    written: dict[int, tuple[Path, int]] = {}
    per_record: dict[int, float] = {}
    for n in sizes:
        document = synthetic(n)
        path = tmp / f"synthetic-{n}.json"
        path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        records = count(document)
        written[n] = (path, records)
        reps = 3 * repeats if n <= 1_000 else repeats if n <= 10_000 else max(2, repeats // 2)
        # Interleaved with a load of the bundled data alone, which is subtracted.
        t, base = paired(lambda p=path: load_extra(p), bundled, reps)
        per_record[n] = (t - base) / records
        report(
            f"{n:>7,} persons ({records:,} records)",
            f"{t:.2f} s, {per_record[n] * 1e6:.1f} us/record",
        )
    small, large = min(sizes), max(sizes)
    ratio = per_record[large] / per_record[small]
    report(f"per-record cost at {large:,} vs {small:,}", f"{ratio:.2f} x", "<= 1.3 x", ratio <= 1.3)
    return written


def bench_memory(path: Path, people: int) -> None:
    print(f"\nMemory at {people:,} persons (tracemalloc)")
    text_size = path.stat().st_size
    gc.collect()
    _loading.clear_cache()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    bundled = purge1930s.load()
    gc.collect()
    bundled_only = tracemalloc.get_traced_memory()[0] - before
    del bundled
    _loading.clear_cache()
    gc.collect()
    tracemalloc.reset_peak()
    before = tracemalloc.get_traced_memory()[0]
    ds = purge1930s.load(extra=[path])
    gc.collect()
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    retained = current - before - bundled_only
    ratio = retained / text_size
    report("JSON text of the synthetic file", f"{text_size / 1e6:.1f} MB")
    report(
        "retained after load (bundled data subtracted)",
        f"{retained / 1e6:.1f} MB = {retained / people:,.0f} B/person",
        "<= 4 x JSON text",
        ratio <= 4,
    )
    report("  ratio", f"{ratio:.2f} x")
    report(
        "peak during load",
        f"{(peak - before) / 1e6:.1f} MB = {(peak - before) / text_size:.1f} x JSON text",
    )
    del ds


def bench_queries(path: Path, repeats: int) -> None:
    ds = load_extra(path)
    people = list(ds.people)
    print(f"\nQueries at {len(people):,} persons and {len(ds.events):,} events")

    ids = [p.id for p in people]
    plain = {p.id: p for p in people}

    def by_index() -> None:
        for i in ids:
            ds.people[i]

    def by_dict() -> None:
        for i in ids:
            plain[i]

    ours, base = paired(by_index, by_dict, repeats)
    ratio = ours / base
    report("coll[id] vs dict[id]", f"{ratio:.2f} x", "<= 3 x", ratio <= 3)

    names = [p.name for p in people]
    ds.people.lookup(names[0])  # the name index is built on first use; not timed

    def fold(text: str) -> str:
        text = unicodedata.normalize("NFKD", text.casefold())
        return "".join(c for c in text if not unicodedata.combining(c))

    folded = {fold(p.name): p for p in people}

    def by_lookup() -> None:
        for n in names:
            ds.people.lookup(n)

    def by_fold() -> None:
        for n in names:
            folded[fold(n)]

    ours, base = paired(by_lookup, by_fold, repeats)
    ratio = ours / base
    report("lookup(name) vs casefold+NFKD+dict", f"{ratio:.2f} x", "<= 2 x", ratio <= 2)

    events = list(ds.events)
    lo, hi = datetime.date(1937, 5, 1), datetime.date(1937, 5, 31)

    def linear() -> list[object]:
        return [e for e in events if e.date.earliest <= hi and (e.end or e.date).latest >= lo]

    def windowed() -> list[object]:
        return ds.timeline("1937-05", "1937-05")

    assert {e.id for e in linear()} == {e.id for e in windowed()}
    base, ours = paired(linear, windowed, repeats)
    speedup = base / ours
    report(
        f"timeline(1937-05) vs linear scan ({len(windowed()):,} hits)",
        f"{speedup:.0f} x faster",
        ">= 50 x faster",
        speedup >= 50,
    )

    def search() -> None:
        ds.people.search("Syntheticov4711")

    def scan() -> None:
        needle = "syntheticov4711"
        [p for p in people if needle in p.name.casefold()]

    ours, base = paired(search, scan, repeats)
    ratio = ours / base
    report("search(text) vs linear substring scan", f"{ratio:.1f} x (ranked, fuzzy)")
    _ = bisect  # the window query is bisect-based; imported for readers of this script


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, few repeats")
    args = parser.parse_args()
    sizes = [1_000, 5_000] if args.quick else [1_000, 10_000, 100_000]
    repeats = 3 if args.quick else 5
    print(
        f"purge1930s {purge1930s.__version__}, data {purge1930s.data_version}, "
        f"Python {sys.version.split()[0]}, {os.cpu_count()} cores"
    )
    print(f"  {'measure':<52} {'figure':<34} {'target':<18} mark")
    start = time.perf_counter()
    bench_import(repeats + 4)
    bench_load(repeats * 6)
    with tempfile.TemporaryDirectory() as tmp:
        written = bench_scale(sizes, repeats, Path(tmp))
        largest = max(sizes)
        path, _ = written[largest]
        bench_queries(path, repeats)
        bench_memory(path, largest)
    failed = [name for name, _, _, ok in RESULTS if ok is False]
    print(
        f"\n{len(RESULTS) - len(failed)} of {len(RESULTS)} lines fine; "
        f"{sum(ok is True for *_, ok in RESULTS)} targets passed, {len(failed)} failed "
        f"({time.perf_counter() - start:.0f} s)"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
