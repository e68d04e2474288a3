"""Ids are stable from release to release: compare the tables being built with the previous
catalogued release. An id that disappears must have a row in dataset/removals.csv with
``removed_in`` = this version, and the tombstones of earlier releases must stay as they were.
(Reuse of a tombstoned id is caught by the rule ``check_tombstones``.) A new version also carries
its own release date. ``tollbook check`` and ``tollbook build`` both apply these rules, once the
dataset itself is sound (an unreadable file would otherwise show each of its ids as removed)."""

from __future__ import annotations

import datetime as dt

from tollbook.contract.codes import Code, raises
from tollbook.contract.problems import Problem, sort_problems
from tollbook.contract.versions import version_key
from tollbook.extract.removals import REMOVALS_PATH, origin_id
from tollbook.validate.rules.context import RuleContext
from tollbook.validate.rules.tombstones import TOMBSTONES, id_tables

LEDGER_FIELDS = ("removed_in", "reason", "replaced_by")
RELEASE_PATH = "dataset/release.yaml"


def _ledger(rows: list[dict]) -> dict[tuple[str, str], dict]:
    return {(r["table"], r["id"]): {f: r.get(f) for f in LEDGER_FIELDS} for r in rows}


def _problem(ctx: RuleContext, table: str, record_id: str, field: str | None, code: Code, message: str) -> Problem:
    file, line = ctx.origins.locate(origin_id(table, record_id), field)
    if file == "<dataset>":
        file = REMOVALS_PATH
    return Problem(file, line, record_id, field, code, message)


@raises(Code.ID_REMOVED_WITHOUT_TOMBSTONE, Code.TOMBSTONE_CHANGED, Code.VALUE_NOT_ALLOWED, Code.FOREIGN_KEY)
def check_against_previous(ctx: RuleContext) -> list[Problem]:
    """Every way the tables being built break id stability with respect to the previous release."""
    if ctx.history is None or ctx.release is None:
        return []
    version = ctx.release.version
    frame = ctx.tables[TOMBSTONES]
    stones = _ledger([{k: (None if v is None or v != v else v) for k, v in r.items()}
                      for r in frame.to_dict("records")])
    problems = []
    late = {key for key, stone in stones.items() if version_key(stone["removed_in"]) > version_key(version)}
    for (table, record_id) in sorted(late):
        stone = stones[(table, record_id)]
        problems.append(_problem(ctx, table, record_id, "removed_in", Code.VALUE_NOT_ALLOWED,
                                 f"removed_in {stone['removed_in']} is later than the release being built, {version}"))
    previous = ctx.history.previous
    if previous is None:
        return sort_problems(problems)
    old_stones = _ledger(list(ctx.history.tombstones))
    for (table, record_id), stone in old_stones.items():
        if stones.get((table, record_id)) != stone:
            problems.append(_problem(
                ctx, table, record_id, None, Code.TOMBSTONE_CHANGED,
                f"release {previous} has the tombstone {table} {record_id} (removed in {stone['removed_in']}: "
                f"{stone['reason']}); keep its row in {REMOVALS_PATH} unchanged"))
    for table, column in id_tables().items():
        before = set(ctx.history.ids.get(table, ()))
        now = set(ctx.tables[table][column].dropna().astype(str))
        for record_id in sorted(before - now):
            stone = stones.get((table, record_id))
            if stone is None:
                problems.append(_problem(
                    ctx, table, record_id, None, Code.ID_REMOVED_WITHOUT_TOMBSTONE,
                    f"{table} {record_id} is in release {previous} but not in {version}; record its removal "
                    f"in {REMOVALS_PATH} (id,table,removed_in,reason,replaced_by) with removed_in {version}"))
            elif stone["removed_in"] != version and (table, record_id) not in late:
                problems.append(_problem(
                    ctx, table, record_id, "removed_in", Code.VALUE_NOT_ALLOWED,
                    f"{table} {record_id} is still in release {previous}, so it is removed in {version}, "
                    f"not {stone['removed_in']}"))
        for (stone_table, record_id), stone in stones.items():
            if stone_table != table or (table, record_id) in old_stones or record_id in before - now:
                continue
            if (table, record_id) in late:
                continue  # reported above
            if stone["removed_in"] != version:
                problems.append(_problem(
                    ctx, table, record_id, "removed_in", Code.TOMBSTONE_CHANGED,
                    f"release {previous} has no tombstone for {table} {record_id}, so it cannot have been "
                    f"removed in {stone['removed_in']}"))
            elif record_id not in before:
                problems.append(_problem(
                    ctx, table, record_id, "id", Code.FOREIGN_KEY,
                    f"{table} {record_id} is not in release {previous}, so {version} cannot remove it"))
    return sort_problems(problems)


def release_date_issue(version: str, date_released: dt.date, catalogue: list[dict], today: dt.date) -> str | None:
    """Why ``date_released`` cannot be the date of a new ``version``, or None. A version not yet
    catalogued is dated no earlier than the newest catalogued release before it, and shares its
    date only when that date is today (two releases in one day); a catalogued version reproduces
    its own date and is never checked against today."""
    if any(entry.get("version") == version for entry in catalogue):
        return None
    earlier = [e for e in catalogue if version_key(e["version"]) < version_key(version)]
    if not earlier:
        return None
    previous = max(earlier, key=lambda e: version_key(e["version"]))
    before = dt.date.fromisoformat(previous["date_released"])
    if date_released < before:
        return (f"{RELEASE_PATH} dates {version} {date_released}, before {previous['version']} ({before}); "
                "set date_released to the day of this release")
    if date_released == before and date_released != today:
        return (f"{RELEASE_PATH} dates {version} {date_released}, the date of {previous['version']}: was it "
                f"copied? Set date_released to the day of this release (today is {today})")
    return None


@raises(Code.VALUE_NOT_ALLOWED)
def check_release_date(ctx: RuleContext) -> list[Problem]:
    """A new version carries its own release date, not the one copied from the previous version."""
    if ctx.history is None or ctx.release is None:
        return []
    issue = release_date_issue(ctx.release.version, ctx.release.date_released, list(ctx.history.catalogue),
                               ctx.history.today)
    return [] if issue is None else [Problem(RELEASE_PATH, None, None, "date_released", Code.VALUE_NOT_ALLOWED,
                                             issue)]
