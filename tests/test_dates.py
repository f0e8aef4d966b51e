"""HistoricalDate: parsing, printing, precision, bounds and ordering."""

from __future__ import annotations

import datetime
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from purge1930s import HistoricalDate, Precision

from .strategies import edtf_texts, historical_dates, period_dates


class TestParse:
    """Reading EDTF text."""

    @pytest.mark.parametrize(
        ("text", "precision", "earliest", "latest"),
        [
            ("1934-12-01", Precision.DAY, datetime.date(1934, 12, 1), datetime.date(1934, 12, 1)),
            ("1937-05", Precision.MONTH, datetime.date(1937, 5, 1), datetime.date(1937, 5, 31)),
            ("1936-02", Precision.MONTH, datetime.date(1936, 2, 1), datetime.date(1936, 2, 29)),
            ("1938~", Precision.YEAR, datetime.date(1938, 1, 1), datetime.date(1938, 12, 31)),
        ],
    )
    def test_bounds(
        self, text: str, precision: Precision, earliest: datetime.date, latest: datetime.date
    ) -> None:
        """Precision and the interval of days follow the text, leap years included."""
        d = HistoricalDate.parse(text)
        assert (precision, earliest, latest) == (d.precision, d.earliest, d.latest)

    @pytest.mark.parametrize(
        ("text", "uncertain", "approximate"),
        [
            ("1937", False, False),
            ("1937?", True, False),
            ("1937~", False, True),
            ("1937%", True, True),
        ],
    )
    def test_qualifiers(self, text: str, uncertain: bool, approximate: bool) -> None:
        """? is uncertain, ~ approximate, % both."""
        d = HistoricalDate.parse(text)
        assert (uncertain, approximate) == (d.uncertain, d.approximate)

    @pytest.mark.parametrize(
        ("text", "reason"),
        [
            ("1937-13", "month 13"),
            ("1937-00", "month 0"),
            ("1937-02-30", "day 30"),
            ("1937-04-31", "day 31"),
            ("1900-02-29", "day 29"),
            ("abc", "expected YYYY"),
            ("", "expected YYYY"),
            ("37", "expected YYYY"),
            ("1937-5", "expected YYYY"),
            ("1937-05-01T00:00", "expected YYYY"),
            (" 1937", "expected YYYY"),
            ("1937??", "expected YYYY"),
            ("0000", "year 0"),
            ("１９３７", "expected YYYY"),
        ],
    )
    def test_rejects_bad_text(self, text: str, reason: str) -> None:
        """Bad text raises ValueError that quotes the text and says what is wrong."""
        with pytest.raises(ValueError, match="invalid historical date") as info:
            HistoricalDate.parse(text)
        assert reason in str(info.value)
        assert repr(text) in str(info.value)

    def test_rejects_non_string(self) -> None:
        """A number is not a date."""
        with pytest.raises(TypeError):
            HistoricalDate.parse(1937)  # type: ignore[arg-type]

    @given(edtf_texts())
    def test_every_valid_text_parses_and_round_trips(self, text: str) -> None:
        """parse then str gives back exactly the text."""
        assert text == str(HistoricalDate.parse(text))

    @given(historical_dates())
    def test_str_then_parse_is_identity(self, d: HistoricalDate) -> None:
        """str then parse gives an equal date with an equal hash."""
        again = HistoricalDate.parse(str(d))
        assert d == again
        assert hash(d) == hash(again)

    @given(historical_dates())
    def test_pickle_round_trip(self, d: HistoricalDate) -> None:
        """Dates survive pickling (for multiprocessing users)."""
        assert d == pickle.loads(pickle.dumps(d))  # noqa: S301 -- our own bytes


class TestOrdering:
    """The total order and its agreement with earliest/latest."""

    @given(period_dates(), period_dates())
    def test_order_agrees_with_bounds(self, a: HistoricalDate, b: HistoricalDate) -> None:
        """A date that starts earlier sorts earlier; equal dates have equal text."""
        if a.earliest < b.earliest:
            assert a < b
        if (a.earliest, a.latest) < (b.earliest, b.latest):
            assert a < b
        assert (a == b) == (str(a) == str(b))

    @given(period_dates(), period_dates())
    def test_total_order(self, a: HistoricalDate, b: HistoricalDate) -> None:
        """Exactly one of <, ==, > holds, and <= / >= agree with them."""
        assert sum([a < b, a == b, a > b]) == 1
        assert (a <= b) == (a < b or a == b)
        assert (a >= b) == (a > b or a == b)

    @given(st.lists(period_dates(), max_size=12))
    def test_sorting_is_by_earliest_day(self, dates: list[HistoricalDate]) -> None:
        """Sorted dates have non-decreasing earliest days."""
        earliest = [d.earliest for d in sorted(dates)]
        assert earliest == sorted(earliest)

    @given(period_dates(), st.dates(datetime.date(1930, 1, 1), datetime.date(1941, 12, 31)))
    def test_compares_with_plain_dates(self, a: HistoricalDate, day: datetime.date) -> None:
        """A datetime.date compares as the exact day it names, from either side."""
        b = HistoricalDate.from_date(day)
        assert (a < day) == (a < b)
        assert (day < a) == (b < a)
        assert (a == day) == (a == b)
        if a == day:
            assert hash(a) == hash(day)

    def test_month_and_its_days(self) -> None:
        """A month sorts before its own mid-month days but may precede or follow them."""
        month, day = HistoricalDate.parse("1937-05"), HistoricalDate.parse("1937-05-14")
        assert month < day
        assert month.may_precede(day)
        assert day.may_precede(month)
        assert not HistoricalDate.parse("1937-06").may_precede(day)

    def test_not_comparable_with_strings(self) -> None:
        """Comparing with text is a TypeError, not a silent False."""
        with pytest.raises(TypeError):
            _ = HistoricalDate.parse("1937") < "1938"  # type: ignore[operator]
        assert HistoricalDate.parse("1937") != "1937"


class TestImmutable:
    """Dates are values."""

    def test_cannot_set(self) -> None:
        """Attributes cannot be assigned."""
        d = HistoricalDate.parse("1937")
        with pytest.raises(AttributeError):
            d._year = 1938  # type: ignore[misc]

    def test_repr(self) -> None:
        """repr shows the EDTF text."""
        assert "HistoricalDate('1937-05~')" == repr(HistoricalDate.parse("1937-05~"))
