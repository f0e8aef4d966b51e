"""Sphinx configuration for the purge1930s documentation."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "_ext"))

import purge1930s  # noqa: E402 -- after the path set-up

project = "purge1930s"
author = "The purge1930s authors"
copyright = "2026, The purge1930s authors; data CC BY 4.0"
release = purge1930s.__version__
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
    "purge_docs",
]

source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build", "README.md"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

html_theme = "furo"
html_title = f"purge1930s {release}"
html_static_path: list[str] = []

autodoc_typehints = "description"
autodoc_member_order = "bysource"
autodoc_default_options = {"members": True, "undoc-members": False}
napoleon_google_docstring = True
napoleon_numpy_docstring = False

# Every example is run by the doctest builder; the dataset is loaded once for all of them.
doctest_global_setup = """
import purge1930s
ds = purge1930s.load()
"""

nitpicky = False
suppress_warnings = ["myst.header"]
