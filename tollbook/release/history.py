"""Earlier releases as a build and ``tollbook diff`` see them: which one came before, and its
tables read back (each file checked against SHA256SUMS first)."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from tollbook.contract.problems import TollbookError
from tollbook.release.catalogue import known_versions
from tollbook.release.checksums import read_sums, verify_file
from tollbook.release.integrity import open_release
from tollbook.release.versions import parse_version, version_key


def previous_version(releases: Path, version: str) -> str | None:
    """The newest catalogued release older than ``version`` (None for a first release)."""
    key = parse_version(version)
    older = [v for v in known_versions(releases) if version_key(v) < key]
    return older[-1] if older else None


def read_folder(folder: Path) -> dict[str, pa.Table]:
    """Every Parquet table a release folder ships, by table name, verified."""
    sums = read_sums(folder)
    tables = {}
    for name in sorted(sums):
        if name.endswith(".parquet"):
            try:
                verify_file(folder, name, sums)
                tables[name.removesuffix(".parquet")] = pq.read_table(folder / name)
            except (OSError, pa.ArrowException) as exc:
                why = getattr(exc, "strerror", None) or exc
                raise TollbookError(f"{folder / name} cannot be read: {why}") from None
    return tables


def read_release(releases: Path, version: str) -> dict[str, pa.Table]:
    """Every table of a catalogued release, its manifest checked against the catalogue first."""
    return read_folder(open_release(releases, version)[0])
