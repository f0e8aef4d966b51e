"""The package version and the edition of the bundled data (single source for both)."""

__version__ = "0.1.0"

#: Edition of the bundled data. It changes whenever a fact changes; CHANGELOG.md says which.
DATA_VERSION = "2026.11.27"
