"""The tool's version, from the installed package's metadata (pyproject.toml is its one source).

A module of its own, so that the lower floors (the parse cache, the release writer) can name the
version without importing the package root, which loads the whole public API."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("tollbook")
except PackageNotFoundError:  # pragma: no cover - running from an uninstalled tree
    __version__ = "0+unknown"
