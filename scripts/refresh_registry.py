"""Rewrite tollbook/registry/releases.json from releases/ (after a release is built).

    python scripts/refresh_registry.py

The published URL is kept as it is in the file."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tollbook.registry import REGISTRY_FILE, published_url, registry_text  # noqa: E402

if __name__ == "__main__":
    path = REPO / "tollbook" / "registry" / REGISTRY_FILE
    path.write_text(registry_text(REPO / "releases", published_url()), encoding="utf-8")
    print(f"wrote {path}")
