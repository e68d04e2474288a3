"""Fixtures shared with the other bad-input suite live in tests/bad_input_kit.py."""

from bad_input_kit import baseline_releases, ds, releases  # noqa: F401
