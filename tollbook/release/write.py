"""Write a release: Parquet per table, manifest, SHA256SUMS, catalogue entry — atomically.

The release is assembled in a temporary folder beside its destination and moved into place
with one rename, then the catalogue is replaced in one rename. An existing version is never
overwritten: building it again either reproduces it byte for byte (reported as such) or is
refused.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from tollbook.contract.problems import TollbookError
from tollbook.contract.schemas import SCHEMA_VERSION, TABLES
from tollbook.contract.versions import parse_version
from tollbook.pipeline import Prepared
from tollbook.release.arrow_schema import to_arrow
from tollbook.release.catalogue import INDEX_FILE, index_text, read_index
from tollbook.release.checksums import SUMS_FILE, read_sums, sha256_file, write_sums
from tollbook.release.lock import build_lock
from tollbook.release.release_date import check_new_release_date
from tollbook.version import __version__

MANIFEST_FILE = "manifest.json"

#: Fixed writer settings: the same tables always give the same bytes.
PARQUET_SETTINGS = {
    "compression": "zstd",
    "compression_level": 3,
    "use_dictionary": True,
    "write_statistics": True,
    "data_page_version": "1.0",
    "row_group_size": 131_072,  # several row groups on large tables, so DuckDB scans in parallel
}


#: Test hook: ``TOLLBOOK_FAULT=<point>`` kills the build at that point (as a power cut would),
#: ``TOLLBOOK_FAULT=pause:<point>`` stops there, holding the lock, until a line arrives on stdin.
FAULT_ENV = "TOLLBOOK_FAULT"
FAULT_POINTS = ("after-parquet", "after-manifest", "before-rename", "after-rename")


def fault_point(name: str) -> None:
    wanted = os.environ.get(FAULT_ENV)
    if wanted == name:
        os._exit(70)
    if wanted == f"pause:{name}":
        sys.stderr.write(f"tollbook fault hook: paused at {name}\n")
        sys.stderr.flush()
        sys.stdin.readline()


def _remove_leftovers(releases: Path) -> None:
    """Temporary files of builds that died (we hold the lock, so no live build owns them)."""
    for path in releases.glob(".tmp-*"):
        shutil.rmtree(path, ignore_errors=True)
    for path in releases.glob(f".{INDEX_FILE}.tmp-*"):
        path.unlink(missing_ok=True)


@dataclass
class BuildResult:
    version: str
    folder: Path
    status: str  # "written" or "reproduced"
    manifest: dict


def write_table(table: str, arrow: pa.Table, path: Path) -> None:
    pq.write_table(arrow, path, **PARQUET_SETTINGS)


def _manifest(prepared: Prepared, folder: Path, tables: dict[str, pa.Table]) -> dict:
    spec = prepared.dataset.release
    return {
        "title": spec.title,
        "version": spec.version,
        "date_released": spec.date_released.isoformat(),
        "licence": spec.licence,
        "schema_version": SCHEMA_VERSION,
        "built_with": {"tollbook": __version__, "pyarrow": pa.__version__},
        "parquet_settings": PARQUET_SETTINGS,
        "tables": {
            name: {
                "file": f"{name}.parquet",
                "rows": t.num_rows,
                "columns": t.schema.names,
                "sha256": sha256_file(folder / f"{name}.parquet"),
            }
            for name, t in tables.items()
        },
        "inputs": prepared.dataset.input_hashes(),
    }


def _write_folder(prepared: Prepared, folder: Path, extra_writers=()) -> dict:
    folder.mkdir(parents=True)
    arrows = {name: to_arrow(name, prepared.tables[name]) for name in TABLES}
    for name, arrow in arrows.items():
        write_table(name, arrow, folder / f"{name}.parquet")
    fault_point("after-parquet")
    manifest = _manifest(prepared, folder, arrows)
    (folder / MANIFEST_FILE).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n",
                                        encoding="utf-8")
    fault_point("after-manifest")
    for writer in extra_writers:
        writer(prepared, folder, manifest)
    names = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    write_sums(folder, names)
    return manifest


def _catalogue(releases: Path, version: str, folder: Path, manifest: dict) -> None:
    entries = [e for e in read_index(releases) if e["version"] != version]
    entries.append({
        "version": version,
        "date_released": manifest["date_released"],
        "schema_version": manifest["schema_version"],
        "manifest_sha256": sha256_file(folder / MANIFEST_FILE),
        "rows": {name: t["rows"] for name, t in manifest["tables"].items()},
    })
    tmp = releases / f".{INDEX_FILE}.tmp-{os.getpid()}"
    try:
        tmp.write_text(index_text(entries), encoding="utf-8")
        os.replace(tmp, releases / INDEX_FILE)
    finally:
        tmp.unlink(missing_ok=True)


def build_release(prepared: Prepared, releases: Path, extra_writers=()) -> BuildResult:
    """Write the prepared tables as release ``dataset/release.yaml: version``."""
    version = prepared.dataset.release.version
    parse_version(version)
    try:
        releases.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise TollbookError(f"cannot create {releases}: {exc.strerror}; nothing was changed") from None
    with build_lock(releases):
        _remove_leftovers(releases)
        check_new_release_date(version, prepared.dataset.release.date_released, read_index(releases))
        target = releases / version
        tmp = releases / f".tmp-{version}-{os.getpid()}"
        try:
            manifest = _write_folder(prepared, tmp, extra_writers)
            fault_point("before-rename")
            if target.exists():
                return _compare_existing(releases, version, tmp, target, manifest)
            os.rename(tmp, target)
            fault_point("after-rename")
            try:
                _catalogue(releases, version, target, manifest)
            except BaseException:
                shutil.rmtree(target, ignore_errors=True)  # ours, seconds old, never catalogued
                raise
            return BuildResult(version, target, "written", manifest)
        except OSError as exc:
            raise TollbookError(f"could not write release {version} in {releases}: "
                                f"{exc.strerror or exc}; nothing was changed") from None
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


def _compare_existing(releases: Path, version: str, tmp: Path, target: Path, manifest: dict) -> BuildResult:
    new, old = read_sums(tmp), _sums_or_empty(target)
    if new != old:
        differing = sorted(n for n in set(new) | set(old) if new.get(n) != old.get(n))
        raise TollbookError(
            f"release {version} already exists and is never overwritten; the inputs now give "
            f"different bytes ({', '.join(differing)}). Set a new version in "
            "dataset/release.yaml to publish the change"
        )
    if version not in {e["version"] for e in read_index(releases)}:
        _catalogue(releases, version, target, manifest)  # a build that died before cataloguing
    return BuildResult(version, target, "reproduced", manifest)


def _sums_or_empty(folder: Path) -> dict[str, str]:
    try:
        return read_sums(folder)
    except TollbookError:
        return {}


__all__ = ["BuildResult", "MANIFEST_FILE", "SUMS_FILE", "build_release"]
