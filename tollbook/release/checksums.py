"""sha256 of files, the SHA256SUMS format (as ``sha256sum -c`` reads it) and its check."""

from __future__ import annotations

import hashlib
from concurrent.futures import ThreadPoolExecutor
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


def sha256_bytes(data) -> str:
    """The sha256 of bytes already in memory (hashlib releases the GIL while it hashes)."""
    return hashlib.sha256(data).hexdigest()


def check_listed(folder: Path, name: str, sums: dict[str, str]) -> Path:
    """The file's path, once it is known to be listed in SHA256SUMS and present."""
    path = folder / name
    if name not in sums:
        raise TollbookError(f"{path} is not listed in {SUMS_FILE}")
    if not path.exists():
        raise TollbookError(f"{path} is missing from release {folder.name}")
    return path


def check_digest(folder: Path, name: str, actual: str, sums: dict[str, str]) -> None:
    """Refuse a file whose sha256 (``actual``) is not the one SHA256SUMS lists for it."""
    if actual != sums[name]:
        raise TollbookError(
            f"{folder / name} is corrupt or was modified: sha256 {actual} does not match "
            f"{sums[name]} in {SUMS_FILE}"
        )


def verify_file(folder: Path, name: str, sums: dict[str, str] | None = None) -> None:
    """Refuse a file whose bytes are not the ones the release shipped."""
    sums = sums if sums is not None else read_sums(folder)
    path = check_listed(folder, name, sums)
    check_digest(folder, name, sha256_file(path), sums)


def verify_files(folder: Path, names: list[str], sums: dict[str, str], workers: int = 2) -> None:
    """``verify_file`` for several files, hashed in ``workers`` threads; the first bad file (in the
    order given) is the one reported."""
    paths = [check_listed(folder, n, sums) for n in names]
    if workers <= 1 or len(paths) <= 1:
        digests = [sha256_file(p) for p in paths]
    else:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            digests = list(pool.map(sha256_file, paths))
    for name, actual in zip(names, digests, strict=True):
        check_digest(folder, name, actual, sums)
