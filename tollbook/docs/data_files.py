"""The data files the generated docs are made from (vocabulary meanings, crosswalk)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

HERE = Path(__file__).parent


@cache
def meanings() -> dict[str, dict[str, str]]:
    """Column name → {allowed value: meaning}."""
    return yaml.safe_load((HERE / "meanings.yaml").read_text(encoding="utf-8"))


@cache
def crosswalk() -> dict:
    """UCDP GED / ACLED columns and precision scales → Tollbook (see crosswalk.yaml)."""
    return yaml.safe_load((HERE / "crosswalk.yaml").read_text(encoding="utf-8"))
