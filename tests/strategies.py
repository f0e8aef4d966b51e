"""
Hypothesis strategies for the tests. The general ones ship with the package in
:mod:`purge1930s.testing` (for users who build on it); this module adds test-only ones.
"""

from __future__ import annotations

from hypothesis import strategies as st

from purge1930s import HistoricalDate
from purge1930s.testing import datasets, documents, edtf_texts, historical_dates

__all__ = ["datasets", "documents", "edtf_texts", "historical_dates", "period_dates"]


def period_dates() -> st.SearchStrategy[HistoricalDate]:
    """Dates within the years the data is about, where orderings are dense."""
    return historical_dates(1930, 1941)
