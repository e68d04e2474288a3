"""Ids are stable from release to release: compare the tables being built with the previous
catalogued release. An id that disappears must have a row in dataset/removals.csv with
``removed_in`` = this version, and the tombstones of earlier releases must stay as they were.
(Reuse of a tombstoned id is caught earlier, by the validate rule ``check_tombstones``.)"""

from __future__ import annotations

from pathlib import Path
from typing import cast

from tollbook.extract.removals import REMOVALS_PATH, origin_id
from tollbook.pipeline import Prepared
from tollbook.problems import Problem, sort_problems
from tollbook.release.history import previous_version, read_release
from tollbook.release.versions import version_key
from tollbook.validate.rules.tombstones import TOMBSTONES, id_tables

LEDGER_FIELDS = ("removed_in", "reason", "replaced_by")


def _ledger(rows: list[dict]) -> dict[tuple[str, str], dict]:
    return {(r["table"], r["id"]): {f: r.get(f) for f in LEDGER_FIELDS} for r in rows}


def _problem(prepared: Prepared, table: str, record_id: str, field: str | None, code: str, message: str) -> Problem:
    file, line = prepared.dataset.origins.locate(origin_id(table, record_id), field)
    if file == "<dataset>":
        file = REMOVALS_PATH
    return Problem(file, line, record_id, field, code, message)


def check_against_previous(prepared: Prepared, releases: Path) -> list[Problem]:
    """Every way the tables being built break id stability with respect to the previous release."""
    version = prepared.release.version
    frame = prepared.tables[TOMBSTONES]
    stones = _ledger([{k: (None if v is None or v != v else v) for k, v in r.items()}
                      for r in frame.to_dict("records")])
    problems = []
    late = {key for key, stone in stones.items() if version_key(stone["removed_in"]) > version_key(version)}
    for (table, record_id) in sorted(late):
        stone = stones[(table, record_id)]
        problems.append(_problem(prepared, table, record_id, "removed_in", "value-not-allowed",
                                 f"removed_in {stone['removed_in']} is later than the release being built, {version}"))
    previous = previous_version(releases, version)
    if previous is None:
        return sort_problems(problems)
    old = read_release(releases, previous)
    old_stones = _ledger(old[TOMBSTONES].to_pylist()) if TOMBSTONES in old else {}
    for (table, record_id), stone in old_stones.items():
        if stones.get((table, record_id)) != stone:
            problems.append(_problem(
                prepared, table, record_id, None, "tombstone-changed",
                f"release {previous} has the tombstone {table} {record_id} (removed in {stone['removed_in']}: "
                f"{stone['reason']}); keep its row in {REMOVALS_PATH} unchanged"))
    for table, column in id_tables().items():
        before: set[str] = set(cast(list[str], old[table].column(column).to_pylist())) if table in old else set()
        now = set(prepared.tables[table][column].dropna().astype(str))
        for gone_id in sorted(before - now):
            gone = stones.get((table, gone_id))
            if gone is None:
                problems.append(_problem(
                    prepared, table, gone_id, None, "id-removed-without-tombstone",
                    f"{table} {gone_id} is in release {previous} but not in {version}; record its removal "
                    f"in {REMOVALS_PATH} (id,table,removed_in,reason,replaced_by) with removed_in {version}"))
            elif gone["removed_in"] != version and (table, gone_id) not in late:
                problems.append(_problem(
                    prepared, table, gone_id, "removed_in", "value-not-allowed",
                    f"{table} {gone_id} is still in release {previous}, so it is removed in {version}, "
                    f"not {gone['removed_in']}"))
        for (stone_table, record_id), stone in stones.items():
            if stone_table != table or (table, record_id) in old_stones or record_id in before - now:
                continue
            if (table, record_id) in late:
                continue  # reported above
            if stone["removed_in"] != version:
                problems.append(_problem(
                    prepared, table, record_id, "removed_in", "tombstone-changed",
                    f"release {previous} has no tombstone for {table} {record_id}, so it cannot have been "
                    f"removed in {stone['removed_in']}"))
            elif record_id not in before:
                problems.append(_problem(
                    prepared, table, record_id, "id", "foreign-key",
                    f"{table} {record_id} is not in release {previous}, so {version} cannot remove it"))
    return sort_problems(problems)
