"""Publish a release: check the tables against the catalogued releases (unless ``prepare`` already
did, for this releases folder), then write them with every document a researcher needs beside
them (``build_release`` does the atomic part)."""

from __future__ import annotations

from pathlib import Path

from tollbook.contract.problems import InvalidInput
from tollbook.pipeline import Prepared
from tollbook.release.changes import write_changes
from tollbook.release.citation import write_citation
from tollbook.release.datapackage import write_datapackage
from tollbook.release.datasheet import write_datasheet
from tollbook.release.history import release_history
from tollbook.release.licence import write_licence
from tollbook.release.write import BuildResult, build_release
from tollbook.validate.run import validate_against_releases

#: Files written beside the Parquet tables and manifest.json, before SHA256SUMS.
RELEASE_WRITERS = (write_datapackage, write_citation, write_licence, write_datasheet, write_changes)


def publish(prepared: Prepared, releases: Path, partition_by: str | None = None) -> BuildResult:
    if prepared.history is None or Path(prepared.history.folder) != Path(releases):
        history = release_history(releases, prepared.dataset.release.version)
        problems = validate_against_releases(prepared.tables, prepared.dataset, history)
        if problems:
            raise InvalidInput(problems)
    writers = RELEASE_WRITERS
    if partition_by is not None:  # hive-style copies of the large tables (tollbook/release/partitions.py)
        from tollbook.release.partitions import write_partitions
        writers = (*writers, write_partitions)
    return build_release(prepared, releases, extra_writers=writers)
