"""sha256 of files, the SHA256SUMS format (as ``sha256sum -c`` reads it) and its check."""

from __future__ import annotations

import hashlib
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from tollbook.contract.problems import TollbookError
from tollbook.hashing import sha256_file

SUMS_FILE = "SHA256SUMS"


def write_sums(folder: Path, names: list[str]) -> str:
    lines = "".join(f"{sha256_file(folder / n)}  {n}\n" for n in sorted(names))
    (folder / SUMS_FILE).write_text(lines, encoding="utf-8")
    return lines


def read_sums(folder: Path) -> dict[str, str]:
    path = folder / SUMS_FILE
    if not path.exists():
        raise TollbookError(f"release {folder.name} has no {SUMS_FILE}: it is incomplete")
    out = {}
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise TollbookError(f"{path} cannot be read: {getattr(exc, 'strerror', None) or exc}") from None
    for line in text.splitlines():
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


class BackgroundHashes:
    """The sha256 of a release's files, each computed once, in ``pool``'s threads (hashlib lets go
    of the GIL), so the caller can work while they are hashed."""

    def __init__(self, folder: Path, sums: dict[str, str], pool: ThreadPoolExecutor) -> None:
        self.folder, self.sums, self.pool = folder, sums, pool
        self.running: dict[str, Future[str]] = {}

    def start(self, names: list[str]) -> None:
        for name in names:
            if name not in self.running and name in self.sums and (self.folder / name).exists():
                self.running[name] = self.pool.submit(sha256_file, self.folder / name)

    def check(self, names: list[str]) -> None:
        """Refuse the first of ``names`` that is unlisted, missing, or whose bytes are not the listed ones."""
        for name in names:
            check_listed(self.folder, name, self.sums)
        self.start(names)
        for name in names:
            try:
                digest = self.running[name].result()
            except OSError as exc:
                raise TollbookError(f"{self.folder / name} cannot be read: {exc.strerror}") from None
            check_digest(self.folder, name, digest, self.sums)
