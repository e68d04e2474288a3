"""Publish a release: check id stability against the previous release, then write the tables
with every document a researcher needs beside them (``build_release`` does the atomic part)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tollbook.pipeline import Prepared
from tollbook.problems import InvalidInput
from tollbook.release.catalogue import check_catalogue
from tollbook.release.changes import write_changes
from tollbook.release.citation import write_citation
from tollbook.release.datapackage import write_datapackage
from tollbook.release.datasheet import write_datasheet
from tollbook.release.licence import write_licence
from tollbook.release.tombstones import check_against_previous
from tollbook.release.write import BuildResult, build_release

#: Files written beside the Parquet tables and manifest.json, before SHA256SUMS.
RELEASE_WRITERS = (write_datapackage, write_citation, write_licence, write_datasheet, write_changes)


def publish(prepared: Prepared, releases: Path, partition_by: str | None = None) -> BuildResult:
    check_catalogue(releases, prepared.release.version)  # ids are compared with what it lists
    problems = check_against_previous(prepared, releases)
    if problems:
        raise InvalidInput(problems)
    writers: tuple[Callable[[Prepared, Path, dict], None], ...] = RELEASE_WRITERS
    if partition_by is not None:  # hive-style copies of the large tables (tollbook/release/partitions.py)
        from tollbook.release.partitions import write_partitions
        writers = (*writers, write_partitions)
    return build_release(prepared, releases, extra_writers=writers)
