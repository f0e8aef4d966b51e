"""
Reading the bundled data (and the user's) into a validated, cached :class:`Dataset`.

Nothing is read at import time. The bundled files are read through
:mod:`importlib.resources`, so the package works from a wheel, a zip or an editable install.
Data is parsed as JSON and structured by the one converter; nothing is evaluated, nothing
unpickled, nothing fetched. Every problem found is collected and raised as one
:class:`~purge1930s.DataError`; a failed load leaves the cache as it was.
"""

from __future__ import annotations

import functools
import gc
import json
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from importlib.resources import files
from typing import Any, Final, ParamSpec, TypeVar

import cattrs

from purge1930s._convert import COLLECTIONS, converter
from purge1930s._validate import Located, check
from purge1930s.dataset import Dataset
from purge1930s.exceptions import DataError, Problem
from purge1930s.models import Statistic

__all__ = ["bundled_files", "clear_cache", "load", "read_records", "structure_document"]

P = ParamSpec("P")
R = TypeVar("R")

_lock: Final = threading.Lock()
_cache: dict[str, Dataset] = {}
_structure_lock: Final = threading.Lock()
_structured: dict[str, tuple[dict[str, list[Located]], list[Problem]]] = {}


def load(extra: Iterable[str | os.PathLike[str]] | None = None) -> Dataset:
    """
    The bundled data as a validated, immutable :class:`Dataset`.

    Without *extra*, the dataset is built once and cached (thread-safe): every call returns
    the same object. With *extra*, a list of paths to JSON files in the same format as the
    bundled ones (an object whose keys are collection names such as ``"people"`` and
    ``"events"``, each holding a list of records), the files are validated together with
    the bundled data and a new dataset is returned; nothing is cached and, if anything is
    wrong, nothing is returned.

    Raises:
        DataError: listing every problem found (file, record id, field path, rule).
    """
    if extra is None:
        cached = _cache.get("bundled")
        if cached is not None:
            return cached
        with _lock:
            cached = _cache.get("bundled")
            if cached is None:
                cached = _build(*_bundled_records())
                _cache["bundled"] = cached
            return cached
    if isinstance(extra, str | bytes | os.PathLike):
        msg = "extra takes a list of paths, not a single path"
        raise TypeError(msg)
    records, problems = _bundled_records()
    more, found = read_records((os.fspath(p), _read_path(os.fspath(p))) for p in extra)
    return _build(
        {name: [*records[name], *more[name]] for name in COLLECTIONS}, [*problems, *found]
    )


def _bundled_records() -> tuple[dict[str, list[Located]], list[Problem]]:
    """The bundled files, read and structured once; the records are immutable, so shared."""
    found = _structured.get("bundled")
    if found is None:
        with _structure_lock:
            found = _structured.get("bundled")
            if found is None:
                found = read_records(_read_bundled(), trusted=True)
                _structured["bundled"] = found
    records, problems = found
    return {name: list(located) for name, located in records.items()}, list(problems)


def clear_cache() -> None:
    """Forget the cached bundled dataset (for tests and benchmarks)."""
    with _lock, _structure_lock:
        _cache.clear()
        _structured.clear()


def bundled_files() -> list[str]:
    """The names of the bundled data files, sorted."""
    data = files("purge1930s") / "data"
    return sorted(p.name for p in data.iterdir() if p.name.endswith(".json"))


# --- reading ----------------------------------------------------------------------------


def _read_bundled() -> list[tuple[str, bytes | Problem]]:
    # The bundled files are written by tools/normalize_data.py from parsed JSON, and CI
    # checks they are canonical, so they cannot hold duplicate keys: they are parsed
    # without the (costly) duplicate-key hook. User files always get it.
    data = files("purge1930s") / "data"
    return [(name, (data / name).read_bytes()) for name in bundled_files()]


def _read_path(path: str) -> bytes | Problem:
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        return Problem(
            file=path, record="", field="", rule="file", message=f"cannot read: {reason}"
        )


def _reject_constant(name: str) -> None:
    msg = f"{name} is not allowed in data"
    raise ValueError(msg)


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        dupes = sorted({k for k, _ in pairs if k in seen or seen.add(k)})  # type: ignore[func-returns-value]
        msg = f"duplicate key(s) {', '.join(map(repr, dupes))} in one object"
        raise ValueError(msg)
    return result


def _parse(
    file: str, raw: bytes, *, trusted: bool = False
) -> tuple[dict[str, Any] | None, list[Problem]]:
    def problem(message: str, rule: str = "json") -> tuple[None, list[Problem]]:
        return None, [Problem(file=file, record="", field="", rule=rule, message=message)]

    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return problem(f"not UTF-8 text (byte {exc.start})", "encoding")
    del raw  # only the text is needed from here on
    if not text.strip():
        return problem("the file is empty")
    try:
        document = (
            json.loads(text)
            if trusted
            else json.loads(
                text, object_pairs_hook=_no_duplicate_keys, parse_constant=_reject_constant
            )
        )
    except json.JSONDecodeError as exc:
        return problem(f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}")
    except ValueError as exc:  # duplicate keys, NaN, integers too long to convert
        return problem(str(exc))
    except RecursionError:
        return problem("nested too deeply")
    if not isinstance(document, dict):
        return problem(f"expected an object of collections, got {_json_type(document)}")
    unknown = sorted(k for k in document if k not in COLLECTIONS)
    if unknown:
        return problem(
            f"unknown collection(s) {', '.join(map(repr, unknown))}; "
            f"expected some of {', '.join(COLLECTIONS)}",
            "unknown-field",
        )
    return document, []


def _json_type(value: object) -> str:
    return {
        dict: "an object",
        list: "a list",
        str: "a string",
        bool: "a boolean",
        int: "a number",
        float: "a number",
        type(None): "null",
    }.get(type(value), "a value")


def _paused_gc(fn: Callable[P, R]) -> Callable[P, R]:
    """
    Run *fn* with the cyclic garbage collector paused. Loading allocates many small objects
    and no cycles; collections triggered by those allocations only rescan them, at a cost
    that grows with the size of the data.
    """

    @functools.wraps(fn)
    def paused(*args: P.args, **kwargs: P.kwargs) -> R:
        enabled = gc.isenabled()
        gc.disable()
        try:
            return fn(*args, **kwargs)
        finally:
            if enabled:
                gc.enable()

    return paused


@_paused_gc
def read_records(
    sources: Iterable[tuple[str, bytes | Problem]], *, trusted: bool = False
) -> tuple[dict[str, list[Located]], list[Problem]]:
    """
    Parse and structure every file; return the records by collection and the problems.

    *sources* may be a generator: each file's bytes and parsed JSON are dropped as soon as
    its records are structured, which keeps the peak memory of a large load down.
    """
    records: dict[str, list[Located]] = {name: [] for name in COLLECTIONS}
    problems: list[Problem] = []
    for file, raw in sources:
        if isinstance(raw, Problem):
            problems.append(raw)
            continue
        document, found = _parse(file, raw, trusted=trusted)
        del raw
        problems.extend(found)
        if document is None:
            continue
        more, found = structure_document(file, document)
        del document
        problems.extend(found)
        for name, located in more.items():
            records[name].extend(located)
    return records, problems


def structure_document(
    file: str, document: dict[str, Any]
) -> tuple[dict[str, list[Located]], list[Problem]]:
    """Structure one parsed document (collection name → list of records) into records."""
    records: dict[str, list[Located]] = {name: [] for name in COLLECTIONS}
    problems: list[Problem] = []
    for name, items in document.items():
        if name not in COLLECTIONS:
            problems.append(_problem(file, "", name, "unknown-field", "unknown collection"))
            continue
        if not isinstance(items, list):
            message = f"expected a list, got {_json_type(items)}"
            problems.append(_problem(file, "", name, "type", message))
            continue
        record_type = COLLECTIONS[name]
        structure = converter.get_structure_hook(record_type)
        bucket = records[name]
        for index, item in enumerate(items):
            if not isinstance(item, dict):
                message = f"expected an object, got {_json_type(item)}"
                problems.append(_problem(file, _label(name, index, item), "", "type", message))
                continue
            try:
                bucket.append((file, structure(item, record_type)))
            except (cattrs.BaseValidationError, ValueError, TypeError) as exc:
                problems.extend(_problems(file, _label(name, index, item), exc))
    return records, problems


def _problem(file: str, record: str, field: str, rule: str, message: str) -> Problem:
    return Problem(file=file, record=record, field=field, rule=rule, message=message)


def _label(collection: str, index: int, item: object) -> str:
    if isinstance(item, dict):
        record_id = item.get("id")
        if isinstance(record_id, str) and record_id:
            return record_id
    return f"{collection}[{index}]"


_UNKNOWN: Final = "unknown field(s): "
_MISSING: Final = "required field missing"


def _describe(exc: BaseException, type_: Any) -> str:
    if isinstance(exc, cattrs.ForbiddenExtraKeysError):
        return _UNKNOWN + ", ".join(sorted(exc.extra_fields))
    if isinstance(exc, KeyError):
        return _MISSING
    if isinstance(exc, TypeError | ValueError) and str(exc):
        return str(exc)
    return cattrs.v.format_exception(exc, type_)


def _problems(file: str, label: str, exc: BaseException) -> list[Problem]:
    if not isinstance(exc, cattrs.BaseValidationError):
        return [Problem(file=file, record=label, field="", rule="type", message=str(exc))]
    found = []
    for line in cattrs.transform_error(exc, path="$", format_exception=_describe):
        message, _, path = line.rpartition(" @ ")
        field = path.removeprefix("$").removeprefix(".")
        if message.startswith(_UNKNOWN):
            for name in message.removeprefix(_UNKNOWN).split(", "):
                found.append(
                    Problem(
                        file=file,
                        record=label,
                        field=_join(field, name),
                        rule="unknown-field",
                        message="unknown field",
                    )
                )
            continue
        rule = "missing-field" if message == _MISSING else "type"
        found.append(Problem(file=file, record=label, field=field, rule=rule, message=message))
    return found


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


@_paused_gc
def _build(records: dict[str, list[Located]], problems: list[Problem]) -> Dataset:
    problems = [*problems, *check(records)]
    if problems:
        raise DataError(problems)
    dataset = Dataset(**{name: [r for _, r in located] for name, located in records.items()})  # type: ignore[arg-type]
    problems = list(_derived_problems(dataset, records["statistics"]))
    if problems:
        raise DataError(problems)
    return dataset


def _derived_problems(dataset: Dataset, statistics: list[Located]) -> Iterator[Problem]:
    """A figure that can be recomputed agrees with the records, or says how it differs."""
    for file, stat in statistics:
        if not isinstance(stat, Statistic) or stat.derived_from is None:
            continue
        result = dataset.recompute(stat.id)
        if stat.total is not None and result.total > stat.total:
            yield _problem(
                file,
                stat.id,
                "total",
                "derived",
                f"the records put {result.total} people in the cohort, "
                f"the figure counts among {stat.total}",
            )
        # An incomplete cohort is reported by recompute() itself, not held to the count.
        if result.status == "differs":
            yield _problem(
                file,
                stat.id,
                "count",
                "derived",
                f"the records give {result.value}, the figure says {stat.count}; "
                "record the recomputed value as a variant that explains the difference",
            )
