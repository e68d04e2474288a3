"""Earlier releases as a build, ``tollbook check`` and ``tollbook diff`` see them: which one came
before, and its tables read back (each file checked against SHA256SUMS first)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from tollbook.contract.problems import TollbookError
from tollbook.contract.versions import parse_version, version_key
from tollbook.release.catalogue import known_versions, read_index
from tollbook.release.checksums import read_sums, verify_file
from tollbook.release.integrity import check_catalogue, open_release
from tollbook.validate.rules.context import ReleaseHistory
from tollbook.validate.rules.tombstones import TOMBSTONES, id_tables


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


def release_history(releases: Path, version: str) -> ReleaseHistory:
    """What the rules against the catalogued releases need for building ``version``: the
    catalogue (checked against the release folders first), and the previous release's ids and
    tombstones."""
    check_catalogue(releases, version)
    catalogue = tuple(read_index(releases))
    previous = previous_version(releases, version)
    if previous is None:
        return ReleaseHistory(releases, catalogue)
    old = read_release(releases, previous)
    ids = {table: frozenset(old[table].column(column).to_pylist())
           for table, column in id_tables().items() if table in old}
    stones = tuple(old[TOMBSTONES].to_pylist()) if TOMBSTONES in old else ()
    return ReleaseHistory(releases, catalogue, previous, ids, stones)


def history_of(releases: Path) -> Callable[[str], ReleaseHistory]:
    """``release_history`` for ``releases``, as ``tollbook.pipeline.prepare`` takes it."""
    return lambda version: release_history(releases, version)
