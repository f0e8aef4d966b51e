"""Version, metadata and the files a wheel must carry."""

from __future__ import annotations

import importlib.metadata
import re
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import purge1930s
from purge1930s._loading import bundled_files

ROOT = Path(__file__).resolve().parent.parent


def test_version_single_sourced() -> None:
    assert importlib.metadata.version("purge1930s") == purge1930s.__version__


def test_citation_cff_matches_version() -> None:
    cff = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    assert f"version: {purge1930s.__version__}\n" in cff


def test_data_version_is_a_date_edition() -> None:
    assert re.fullmatch(r"\d{4}\.\d{2}\.\d{2}", purge1930s.data_version)


def test_py_typed_and_data_are_package_resources() -> None:
    assert (files("purge1930s") / "py.typed").is_file()
    assert len(bundled_files()) == 7


def test_changelog_has_unreleased_or_current_version() -> None:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "## [Unreleased]" in text or f"## [{purge1930s.__version__}]" in text


def test_import_is_light() -> None:
    """Importing purge1930s reads no data and imports no optional or test library."""
    code = (
        "import sys, purge1930s\n"
        "heavy = {'hypothesis', 'pandas', 'networkx', 'matplotlib'} & set(sys.modules)\n"
        "assert not heavy, heavy\n"
        "from purge1930s import _loading\n"
        "assert not _loading._cache and not _loading._structured\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert 0 == done.returncode, done.stderr


def test_every_public_name_has_a_home() -> None:
    """The lazy table in __init__ covers __all__ exactly (besides the two versions)."""
    assert set(purge1930s.__all__) - {"__version__", "data_version"} == set(purge1930s._HOMES)


def test_export_homes_cover_all() -> None:
    """Every public name of purge1930s.export is defined there or in its lazy table."""
    from purge1930s import export  # noqa: PLC0415

    assert set(export.__all__) - {"FORMATS", "export"} == set(export._HOMES)
    for name in export.__all__:
        assert callable(getattr(export, name)) or name == "FORMATS"


def test_command_line_does_not_load_the_writers() -> None:
    """The command line needs only the list of formats until it exports."""
    code = (
        "import sys, purge1930s.cli\n"
        "loaded = [m for m in sys.modules if m.startswith('purge1930s.export.')]\n"
        "assert not loaded, loaded\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert 0 == done.returncode, done.stderr
