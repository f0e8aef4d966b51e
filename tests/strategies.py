"""Hypothesis strategies for purge1930s values: every strategy lives here."""

from __future__ import annotations

import calendar

from hypothesis import strategies as st

from purge1930s import HistoricalDate

QUALIFIERS = ("", "?", "~", "%")


@st.composite
def edtf_texts(draw: st.DrawFn, min_year: int = 1, max_year: int = 9999) -> str:
    """Valid EDTF level-0 date text, with or without a qualifier."""
    year = draw(st.integers(min_year, max_year))
    text = f"{year:04d}"
    precision = draw(st.sampled_from(("year", "month", "day")))
    if precision != "year":
        month = draw(st.integers(1, 12))
        text += f"-{month:02d}"
        if precision == "day":
            day = draw(st.integers(1, calendar.monthrange(year, month)[1]))
            text += f"-{day:02d}"
    return text + draw(st.sampled_from(QUALIFIERS))


def historical_dates(min_year: int = 1, max_year: int = 9999) -> st.SearchStrategy[HistoricalDate]:
    """Valid :class:`HistoricalDate` values of every precision and qualifier."""
    return edtf_texts(min_year, max_year).map(HistoricalDate.parse)


def period_dates() -> st.SearchStrategy[HistoricalDate]:
    """Dates within the years the data is about, where orderings are dense."""
    return historical_dates(1930, 1941)
