"""
The errors purge1930s raises.

Every error derives from :class:`Purge1930sError` and from the builtin that fits, so
``except KeyError`` keeps working for a missing id. Kept in their own module so that every
other module can import them without import cycles.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

__all__ = ["AmbiguousError", "DataError", "NotFoundError", "Problem", "Purge1930sError"]


class Purge1930sError(Exception):
    """Base class of every error raised by purge1930s."""


@attrs.frozen(kw_only=True)
class Problem:
    """
    One broken rule in the data: where it is and what is wrong.

    ``file`` is the data file (``people.json`` for bundled data, the path given for user
    data), ``record`` the id of the record (or ``"#3"``, its position, when it has no
    usable id), ``field`` a path inside the record such as ``defendants[2].sentence.years``
    (empty for the record as a whole), and ``rule`` a short name of the rule broken
    (``type``, ``unknown-field``, ``reference``, ``chronology`` ...).
    """

    file: str
    record: str
    field: str
    rule: str
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.record:
            where += f": {self.record}"
        if self.field:
            where += f": {self.field}"
        return f"{where}: [{self.rule}] {self.message}"


class DataError(Purge1930sError, ValueError):
    """
    The data (bundled or given with ``load(extra=...)``) breaks a rule.

    All problems found in one load are reported together in :attr:`problems`; the message
    lists them, one per line, each naming file, record, field and rule.
    """

    problems: tuple[Problem, ...]

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the data"
        super().__init__("\n".join([head + ":", *(f"  {p}" for p in self.problems)]))


class NotFoundError(Purge1930sError, KeyError):
    """
    No record has the id or name asked for. The message suggests close matches.

    It is a :class:`KeyError` (and so a :class:`LookupError`), like a missing dict key.
    """

    key: str
    suggestions: tuple[str, ...]

    def __init__(self, kind: str, key: str, suggestions: Sequence[str] = ()) -> None:
        self.key = key
        self.suggestions = tuple(suggestions)
        message = f"no {kind} matches {key!r}"
        if self.suggestions:
            message += "; did you mean " + ", ".join(repr(s) for s in self.suggestions) + "?"
        super().__init__(message)

    def __str__(self) -> str:
        # KeyError would print the repr of its argument; the sentence reads better.
        return str(self.args[0])


class AmbiguousError(Purge1930sError, LookupError):
    """A name matches more than one record; :attr:`candidates` holds their ids."""

    key: str
    candidates: tuple[str, ...]

    def __init__(self, kind: str, key: str, candidates: Sequence[str]) -> None:
        self.key = key
        self.candidates = tuple(candidates)
        super().__init__(
            f"{key!r} matches more than one {kind}: "
            + ", ".join(self.candidates)
            + "; ask for one of these ids"
        )
