"""
Dates as historians give them: a day, a month or a year, possibly approximate or uncertain.

:class:`HistoricalDate` reads and writes the Extended Date/Time Format (EDTF, ISO 8601-2)
level 0 for calendar dates, plus the level 1 qualifiers ``?`` (uncertain), ``~``
(approximate) and ``%`` (both) at the end of the date:

>>> from purge1930s import HistoricalDate
>>> d = HistoricalDate.parse("1937-05")
>>> d.precision.name, d.earliest, d.latest
('MONTH', datetime.date(1937, 5, 1), datetime.date(1937, 5, 31))
>>> str(HistoricalDate.parse("1938~"))
'1938~'
>>> HistoricalDate.parse("1937-02-30")
Traceback (most recent call last):
...
ValueError: invalid historical date '1937-02-30': day 30 is out of range for 1937-02

A date never claims more than its text: ``1937-05`` stays a month and is never silently
turned into the first of May.
"""

from __future__ import annotations

import calendar
import datetime
import enum
import re
from typing import Final, final

__all__ = ["HistoricalDate", "Precision"]


class Precision(enum.IntEnum):
    """How much of a date the sources give."""

    YEAR = 1
    MONTH = 2
    DAY = 3


_MAX_YEAR: Final = 9999  # four digits, as EDTF level 0 writes years
_PATTERN: Final = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?([?~%])?")
# Rank of each qualifier, so that the ordering is total and consistent with ``==``.
_QUALIFIER_RANK: Final = {"": 0, "?": 1, "~": 2, "%": 3}


@final
class HistoricalDate:
    """
    A calendar date at the precision the sources give, written as EDTF.

    Instances are immutable and hashable. Ordering compares the interval of possible days
    (:attr:`earliest`, then :attr:`latest`), then the qualifier, so it is a total order in
    which ``a == b`` exactly when ``str(a) == str(b)``. A plain :class:`datetime.date`
    compares as the day it names; it is equal only to an unqualified day.

    Use :meth:`parse` to read text; the constructor takes the parts.
    """

    __slots__ = (
        "_approximate",
        "_day",
        "_earliest",
        "_key_",
        "_latest",
        "_month",
        "_uncertain",
        "_year",
    )

    _year: int
    _month: int | None
    _day: int | None
    _uncertain: bool
    _approximate: bool
    _earliest: datetime.date
    _latest: datetime.date
    _key_: tuple[datetime.date, datetime.date, int]

    def __init__(
        self,
        year: int,
        month: int | None = None,
        day: int | None = None,
        *,
        uncertain: bool = False,
        approximate: bool = False,
    ) -> None:
        if not 1 <= year <= _MAX_YEAR:
            msg = f"year {year} is out of range 0001-9999"
            raise ValueError(msg)
        if month is None:
            if day is not None:
                msg = "a day needs a month"
                raise ValueError(msg)
            earliest = datetime.date(year, 1, 1)
            latest = datetime.date(year, 12, 31)
        else:
            if not 1 <= month <= 12:  # noqa: PLR2004 -- months of the year
                msg = f"month {month} is out of range 01-12"
                raise ValueError(msg)
            last = calendar.monthrange(year, month)[1]
            if day is None:
                earliest = datetime.date(year, month, 1)
                latest = datetime.date(year, month, last)
            else:
                if not 1 <= day <= last:
                    msg = f"day {day} is out of range for {year:04d}-{month:02d}"
                    raise ValueError(msg)
                earliest = latest = datetime.date(year, month, day)
        set_ = object.__setattr__
        set_(self, "_year", year)
        set_(self, "_month", month)
        set_(self, "_day", day)
        set_(self, "_uncertain", bool(uncertain))
        set_(self, "_approximate", bool(approximate))
        set_(self, "_earliest", earliest)
        set_(self, "_latest", latest)
        # Comparisons are frequent (sorting, validation): compute the sort key once.
        rank = _QUALIFIER_RANK[
            "%" if uncertain and approximate else "?" if uncertain else "~" if approximate else ""
        ]
        set_(self, "_key_", (earliest, latest, rank))

    @classmethod
    def parse(cls, text: str) -> HistoricalDate:
        """
        Read an EDTF date such as ``1934-12-01``, ``1937-05``, ``1938~`` or ``1941-09-11?``.

        Raises:
            ValueError: if *text* is not such a date, naming what is wrong.
        """
        if not isinstance(text, str):
            msg = f"a historical date must be a string, not {type(text).__name__}"
            raise TypeError(msg)
        match = _PATTERN.fullmatch(text)
        if match is None:
            msg = (
                f"invalid historical date {text!r}: expected YYYY, YYYY-MM or YYYY-MM-DD, "
                "optionally followed by ?, ~ or %"
            )
            raise ValueError(msg)
        year, month, day, qualifier = match.groups()
        try:
            return cls(
                int(year),
                None if month is None else int(month),
                None if day is None else int(day),
                uncertain=qualifier in {"?", "%"},
                approximate=qualifier in {"~", "%"},
            )
        except ValueError as exc:
            msg = f"invalid historical date {text!r}: {exc}"
            raise ValueError(msg) from None

    @classmethod
    def from_date(cls, value: datetime.date) -> HistoricalDate:
        """The exact, unqualified day of a :class:`datetime.date`."""
        return cls(value.year, value.month, value.day)

    @property
    def year(self) -> int:
        """The year."""
        return self._year

    @property
    def month(self) -> int | None:
        """The month, or ``None`` for a year-only date."""
        return self._month

    @property
    def day(self) -> int | None:
        """The day of the month, or ``None`` unless the precision is a day."""
        return self._day

    @property
    def precision(self) -> Precision:
        """Whether the date names a year, a month or a day."""
        if self._day is not None:
            return Precision.DAY
        if self._month is not None:
            return Precision.MONTH
        return Precision.YEAR

    @property
    def uncertain(self) -> bool:
        """The sources doubt the date (EDTF ``?``)."""
        return self._uncertain

    @property
    def approximate(self) -> bool:
        """The date is an estimate (EDTF ``~``)."""
        return self._approximate

    @property
    def qualifier(self) -> str:
        """The EDTF qualifier: ``""``, ``"?"``, ``"~"`` or ``"%"``."""
        if self._uncertain and self._approximate:
            return "%"
        if self._uncertain:
            return "?"
        if self._approximate:
            return "~"
        return ""

    @property
    def earliest(self) -> datetime.date:
        """The first day the date can mean (qualifiers do not widen it)."""
        return self._earliest

    @property
    def latest(self) -> datetime.date:
        """The last day the date can mean (qualifiers do not widen it)."""
        return self._latest

    @property
    def exact(self) -> bool:
        """A single day with no qualifier."""
        return self._day is not None and not (self._uncertain or self._approximate)

    def may_precede(self, other: HistoricalDate | datetime.date) -> bool:
        """
        Whether some reading of this date falls on or before some reading of *other*.

        A rule "``a`` is not after ``b``" is broken only when ``not a.may_precede(b)``:
        ``1937-05`` may precede ``1937-05-14``, and so may ``1937-05-20``'s month.
        """
        return self._earliest <= _coerce(other)._latest

    def overlaps(self, start: datetime.date, end: datetime.date) -> bool:
        """Whether the days this date can mean meet the closed range *start*..*end*."""
        return self._earliest <= end and start <= self._latest

    def __str__(self) -> str:
        text = f"{self._year:04d}"
        if self._month is not None:
            text += f"-{self._month:02d}"
        if self._day is not None:
            text += f"-{self._day:02d}"
        return text + self.qualifier

    def __repr__(self) -> str:
        return f"HistoricalDate({str(self)!r})"

    def __format__(self, spec: str) -> str:
        # Format as the EDTF text, so that f"{date:<12}" pads like a string.
        return format(str(self), spec)

    def __hash__(self) -> int:
        # An exact day hashes like the datetime.date it equals.
        if self.exact:
            return hash(self._earliest)
        return hash(self._key_)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, HistoricalDate):
            return self._key_ == other._key_
        if isinstance(other, datetime.date) and not isinstance(other, datetime.datetime):
            return self.exact and self._earliest == other
        return NotImplemented

    def __lt__(self, other: object) -> bool:
        key = _other_key(other)
        return NotImplemented if key is None else self._key_ < key

    def __le__(self, other: object) -> bool:
        key = _other_key(other)
        return NotImplemented if key is None else self._key_ <= key

    def __gt__(self, other: object) -> bool:
        key = _other_key(other)
        return NotImplemented if key is None else self._key_ > key

    def __ge__(self, other: object) -> bool:
        key = _other_key(other)
        return NotImplemented if key is None else self._key_ >= key

    def __setattr__(self, name: str, value: object) -> None:
        msg = "HistoricalDate is immutable"
        raise AttributeError(msg)

    def __delattr__(self, name: str) -> None:
        msg = "HistoricalDate is immutable"
        raise AttributeError(msg)

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (HistoricalDate.parse, (str(self),))


def _coerce(value: HistoricalDate | datetime.date) -> HistoricalDate:
    if isinstance(value, HistoricalDate):
        return value
    return HistoricalDate.from_date(value)


def _other_key(other: object) -> tuple[datetime.date, datetime.date, int] | None:
    if isinstance(other, HistoricalDate):
        return other._key_
    if isinstance(other, datetime.date) and not isinstance(other, datetime.datetime):
        return (other, other, 0)
    return None
