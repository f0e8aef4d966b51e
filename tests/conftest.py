"""Shared fixtures and the Hypothesis profiles (quick locally, thorough in CI)."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

import purge1930s

settings.register_profile("dev", max_examples=50, deadline=None)
settings.register_profile(
    "ci", max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


@pytest.fixture(scope="session")
def ds() -> purge1930s.Dataset:
    """The bundled dataset."""
    return purge1930s.load()


@pytest.fixture
def write_json(tmp_path: Path) -> Callable[[Any], Path]:
    """Write a JSON document to a fresh file and return its path."""
    counter = iter(range(1_000_000))

    def write(document: Any, name: str | None = None) -> Path:
        path = tmp_path / (name or f"extra-{next(counter)}.json")
        path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        return path

    return write
