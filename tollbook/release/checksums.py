"""sha256 of files, the SHA256SUMS format (as ``sha256sum -c`` reads it) and its check."""

from __future__ import annotations

import hashlib
from pathlib import Path

from tollbook.problems import TollbookError

SUMS_FILE = "SHA256SUMS"


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_sums(folder: Path, names: list[str]) -> str:
    lines = "".join(f"{sha256_file(folder / n)}  {n}\n" for n in sorted(names))
    (folder / SUMS_FILE).write_text(lines, encoding="utf-8")
    return lines


def read_sums(folder: Path) -> dict[str, str]:
    path = folder / SUMS_FILE
    if not path.exists():
        raise TollbookError(f"release {folder.name} has no {SUMS_FILE}: it is incomplete")
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        digest, _, name = line.partition("  ")
        out[name] = digest
    return out


def verify_file(folder: Path, name: str, sums: dict[str, str] | None = None) -> None:
    """Refuse a file whose bytes are not the ones the release shipped."""
    sums = sums if sums is not None else read_sums(folder)
    path = folder / name
    if name not in sums:
        raise TollbookError(f"{path} is not listed in {SUMS_FILE}")
    if not path.exists():
        raise TollbookError(f"{path} is missing from release {folder.name}")
    actual = sha256_file(path)
    if actual != sums[name]:
        raise TollbookError(
            f"{path} is corrupt or was modified: sha256 {actual} does not match "
            f"{sums[name]} in {SUMS_FILE}"
        )
