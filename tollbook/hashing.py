"""The sha256 of a file's bytes: the one digest releases, manifests, the registry and the dataset's
input list are made of (its own floor, so every stage can use it)."""

from __future__ import annotations

import hashlib
from pathlib import Path


def sha256_file(path: Path) -> str:
    """Hex sha256 of the file at ``path``, read in blocks."""
    with path.open("rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()
