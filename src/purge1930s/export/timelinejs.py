"""
The chronology as TimelineJS JSON, which the Knight Lab timeline viewer opens directly.

Each event is a slide; its ``group`` is the kind of event; each trial is an era. TimelineJS
has no notion of uncertain dates, so ``display_date`` says it in words ("c. May 1937",
"11 September 1941?").
"""

from __future__ import annotations

import calendar
import html
from typing import Any

from purge1930s._version import DATA_VERSION, __version__
from purge1930s.dataset import Dataset
from purge1930s.dates import HistoricalDate
from purge1930s.export.tabular import citation

__all__ = ["display_date", "to_timelinejs"]


def display_date(value: HistoricalDate) -> str:
    """A date in words at its own precision, with its qualifier."""
    text = str(value.year)
    if value.month is not None:
        text = f"{calendar.month_name[value.month]} {text}"
        if value.day is not None:
            text = f"{value.day} {text}"
    if value.approximate:
        text = f"c. {text}"
    if value.uncertain:
        text += "?"
    return text


def _date(value: HistoricalDate) -> dict[str, Any]:
    parts: dict[str, Any] = {"year": value.year}
    if value.month is not None:
        parts["month"] = value.month
    if value.day is not None:
        parts["day"] = value.day
    parts["display_date"] = display_date(value)
    return parts


def to_timelinejs(ds: Dataset) -> dict[str, Any]:
    """The dataset's events as a TimelineJS document."""
    events = []
    for e in ds.timeline():
        slide: dict[str, Any] = {
            "unique_id": e.id,
            "start_date": _date(e.date),
            "text": {"headline": html.escape(e.title), "text": html.escape(e.summary)},
            "group": e.kind.value,
        }
        if e.end is not None:
            slide["end_date"] = _date(e.end)
        events.append(slide)
    eras = [
        {
            "start_date": _date(t.start),
            "end_date": _date(t.verdict or t.end or t.start),
            "text": {"headline": html.escape(t.name)},
        }
        for t in sorted(ds.trials, key=lambda t: t.start)
    ]
    intro = (
        "People, trials and events of the Great Purge, each with its sources. "
        f"purge1930s {__version__}, data edition {DATA_VERSION}. {citation()}"
    )
    return {
        "title": {"text": {"headline": "The Great Purge, 1934-1940", "text": html.escape(intro)}},
        "events": events,
        "eras": eras,
    }
