"""
Read-only collections of records with exact, folded and fuzzy look-up.

A :class:`Collection` behaves like a read-only mapping from id to record, iterates in id
order, and adds :meth:`~Collection.lookup` (by id, name or any alias, whatever the script or
transliteration) and :meth:`~Collection.search` (ranked fuzzy matches).
"""

from __future__ import annotations

import difflib
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Final, Generic, TypeVar, overload

from purge1930s import _names
from purge1930s._lazy import once
from purge1930s.exceptions import AmbiguousError, NotFoundError

__all__ = ["Collection"]

T = TypeVar("T")
D = TypeVar("D")

# Scores of the kinds of match in search(); higher is better.
_EXACT: Final = 100.0
_SURNAME: Final = 90.0
_PREFIX: Final = 80.0
_WORD: Final = 75.0
_SUBSTRING: Final = 70.0
_FUZZY_SCALE: Final = 60.0
_FUZZY_CUTOFF: Final = 0.6
_FUZZY_CANDIDATES: Final = 50


class Collection(Generic[T]):
    """
    The records of one type, read-only.

    ``len(c)``, ``iter(c)`` (records in id order), ``id in c`` or ``record in c``,
    ``c[id]`` (exact id, else :class:`~purge1930s.NotFoundError` with suggestions),
    :meth:`get`, :meth:`lookup`, :meth:`search`, :meth:`ids`.
    """

    __slots__ = ("_by_id", "_index", "_kind", "_lock", "_names", "_order", "_with_surnames")

    _kind: str
    _by_id: dict[str, T]
    _order: tuple[T, ...] | None
    _names: Callable[[T], Iterable[str]]
    _with_surnames: bool
    _index: _Index | None
    _lock: threading.Lock

    def __init__(
        self,
        kind: str,
        records: Iterable[T],
        *,
        key: Callable[[T], str],
        names: Callable[[T], Iterable[str]],
        surnames: bool = False,
    ) -> None:
        object.__setattr__(self, "_kind", kind)
        object.__setattr__(self, "_by_id", {key(r): r for r in records})
        object.__setattr__(self, "_order", None)
        object.__setattr__(self, "_names", names)
        object.__setattr__(self, "_index", None)
        object.__setattr__(self, "_with_surnames", surnames)
        object.__setattr__(self, "_lock", threading.Lock())

    # --- mapping-like -------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._by_id)

    def __iter__(self) -> Iterator[T]:
        return iter(self._ordered())

    def _ordered(self) -> tuple[T, ...]:
        # Sorted on first iteration rather than at load: many programs only look things up.
        return once(
            self, "_order", self._lock, lambda: tuple(self._by_id[k] for k in sorted(self._by_id))
        )

    def __contains__(self, item: object) -> bool:
        if isinstance(item, str):
            return item in self._by_id
        record_id = getattr(item, "id", None)
        return isinstance(record_id, str) and self._by_id.get(record_id) == item

    def __getitem__(self, record_id: str) -> T:
        try:
            return self._by_id[record_id]
        except (KeyError, TypeError):
            raise NotFoundError(self._kind, str(record_id), self._suggest(str(record_id))) from None

    @overload
    def get(self, record_id: str) -> T | None: ...
    @overload
    def get(self, record_id: str, default: D) -> T | D: ...
    def get(self, record_id: str, default: object = None) -> object:
        """The record with exactly this id, or *default* (like :meth:`dict.get`)."""
        return self._by_id.get(record_id, default)

    def to_frame(self) -> Any:
        """This collection as a pandas DataFrame indexed by id (needs the ``pandas`` extra)."""
        from purge1930s.export.frames import collection_frame  # noqa: PLC0415 -- optional

        return collection_frame(self)

    def ids(self) -> tuple[str, ...]:
        """Every id, sorted."""
        return tuple(sorted(self._by_id))

    def __repr__(self) -> str:
        return f"<Collection of {len(self)} {self._kind} records>"

    def __setattr__(self, name: str, value: object) -> None:
        msg = "Collection is read-only"
        raise AttributeError(msg)

    # --- look-up by name ----------------------------------------------------------------

    def lookup(self, text: str) -> T:
        """
        The one record whose id, name or alias is *text*, ignoring case, accents,
        apostrophes and soft signs, and the differences between transliterations and the
        Cyrillic original (``Yezhov``, ``Ezhov``, ``Ежов`` and ``YEZHOV`` are one name).
        For people a surname alone is enough when only one person bears it.

        Raises:
            AmbiguousError: if more than one record matches equally well.
            NotFoundError: if none does; its message suggests close matches.
        """
        if not isinstance(text, str):
            raise NotFoundError(self._kind, repr(text))
        if text in self._by_id:
            return self._by_id[text]
        index = self._indexes()
        ids = index.quick.get(_names.quick(text))
        if ids is None:
            key = _names.fold(text)
            ids = index.exact.get(key)
            if ids is None:
                ids = index.surnames.get(key)
        if not ids:
            raise NotFoundError(self._kind, text, self._suggest(text))
        if len(ids) > 1:
            raise AmbiguousError(self._kind, text, ids)
        return self._by_id[ids[0]]

    def search(self, text: str, limit: int = 10) -> list[T]:
        """
        Records whose names resemble *text*, best first (at most *limit*).

        An exact name or alias ranks first, then a surname, a prefix, a whole word, a
        substring, and finally spelling-similar names. An empty query matches nothing.
        """
        return [record for record, _ in self._scored(text, limit)]

    def _scored(self, text: str, limit: int) -> list[tuple[T, float]]:
        query = _names.fold(text) if isinstance(text, str) else ""
        if not query or limit <= 0:
            return []
        index = self._indexes()
        best: dict[str, float] = {}

        def note(key: str, score: float) -> None:
            for record_id in index.keys[key]:
                if score > best.get(record_id, 0.0):
                    best[record_id] = score

        for key in index.keys:
            score = _strong_score(query, key)
            if score:
                note(key, _SURNAME if score == _EXACT and key in index.surnames else score)
        if len(best) < limit:
            # Spelling-similar names: only the keys sharing the most trigrams with the
            # query are compared character by character.
            matcher = difflib.SequenceMatcher(autojunk=False)
            matcher.set_seq2(query)
            shared: Counter[str] = Counter()
            for gram in _grams(query):
                shared.update(index.grams.get(gram, ()))
            for key, _ in shared.most_common(_FUZZY_CANDIDATES + 3 * limit):
                score = _fuzzy_score(key, matcher)
                if score:
                    note(key, score)
        ranked = sorted(best.items(), key=lambda item: (-item[1], item[0]))[:limit]
        return [(self._by_id[record_id], score) for record_id, score in ranked]

    def _suggest(self, text: str) -> list[str]:
        return [str(getattr(r, "id", "")) for r in self.search(text, 3)]

    def _indexes(self) -> _Index:
        # Built on first use, once: a plain load() never pays for name folding.
        return once(
            self,
            "_index",
            self._lock,
            lambda: _Index.build(self._by_id, self._names, surnames=self._with_surnames),
        )


class _Index:
    """The name indexes of one collection, built together on first use."""

    __slots__ = ("exact", "grams", "keys", "quick", "surnames")

    def __init__(
        self,
        quick: dict[str, tuple[str, ...]],
        exact: dict[str, tuple[str, ...]],
        surnames: dict[str, tuple[str, ...]],
    ) -> None:
        self.quick = quick  # casefolded name -> ids, where folding could not change the answer
        self.exact = exact  # folded name -> ids
        self.surnames = surnames  # folded surname -> ids (people only)
        self.keys = {**surnames, **exact}  # every searchable key -> ids
        grams: dict[str, list[str]] = {}
        for key in self.keys:
            for gram in _grams(key):
                grams.setdefault(gram, []).append(key)
        self.grams = grams

    @classmethod
    def build(
        cls, by_id: dict[str, Any], names: Callable[[Any], Iterable[str]], *, surnames: bool
    ) -> _Index:
        quick: dict[str, list[str]] = {}
        exact: dict[str, list[str]] = {}
        last: dict[str, list[str]] = {}
        for record_id, record in by_id.items():
            for name in (record_id, *names(record)):
                _add(quick, _names.quick(name), record_id)
                _add(exact, _names.fold(name), record_id)
                if surnames and name != record_id:
                    _add(last, _names.fold(_names.surname(name)), record_id)
        # A cheap key is only trusted where it cannot disagree with the folded one.
        trusted = {
            k: tuple(v)
            for k, v in quick.items()
            if tuple(v) == tuple(exact.get(_names.fold(k), ()))
        }
        return cls(
            trusted,
            {k: tuple(v) for k, v in exact.items()},
            {k: tuple(v) for k, v in last.items() if k not in exact},
        )


def _add(index: dict[str, list[str]], key: str, record_id: str) -> None:
    if not key:
        return
    ids = index.setdefault(key, [])
    if record_id not in ids:
        ids.append(record_id)


def _grams(text: str) -> set[str]:
    padded = f" {text} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def _strong_score(query: str, key: str) -> float:
    if key == query:
        return _EXACT
    if key.startswith(query):
        return _PREFIX
    if f" {query} " in f" {key} ":
        return _WORD
    if query in key:
        return _SUBSTRING
    return 0.0


def _fuzzy_score(key: str, matcher: difflib.SequenceMatcher[str]) -> float:
    matcher.set_seq1(key)
    if matcher.real_quick_ratio() < _FUZZY_CUTOFF or matcher.quick_ratio() < _FUZZY_CUTOFF:
        return 0.0
    ratio = matcher.ratio()
    return ratio * _FUZZY_SCALE if ratio >= _FUZZY_CUTOFF else 0.0
