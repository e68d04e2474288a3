"""Fixtures shared with the bad-input suites live in tests/bad_input_kit.py."""

from bad_input_kit import baseline_releases, ds, releases  # noqa: F401
