"""Names of a folder's files, sorted, without a ``Path`` per file (100k of them cost seconds), and
the document id a curated file's name stands for."""

from __future__ import annotations

import os
from pathlib import Path


def names(folder: Path, suffix: str = "", files_only: bool = False) -> list[str]:
    """Sorted names in ``folder`` ending with ``suffix`` (as ``folder.glob("*" + suffix)``
    finds them; only regular files with ``files_only``); an absent folder has none."""
    try:
        with os.scandir(folder) as found:
            return sorted(e.name for e in found if e.name.endswith(suffix) and (not files_only or e.is_file()))
    except (FileNotFoundError, NotADirectoryError):
        return []


def document_id_for(stem: str) -> str:
    """``003_b62e91b403ca12d2`` → ``doc_b62e91b403ca12d2``."""
    return "doc_" + stem.split("_", 1)[-1].lower()
