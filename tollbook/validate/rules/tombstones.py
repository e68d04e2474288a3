"""The tombstones ledger (dataset/removals.csv) against the tables being built: a removed id
never comes back, and a replacement is a row that exists."""

from __future__ import annotations

from tollbook.contract.codes import Code, raises
from tollbook.contract.problems import Problem
from tollbook.contract.schemas import TABLES, primary_key
from tollbook.extract.removals import origin_id
from tollbook.validate.rules.context import RuleContext, present

TOMBSTONES = "tombstones"


def id_tables() -> dict[str, str]:
    """Table → its id column, for every released table whose rows have a key of their own: one
    column that points at no other table. These ids are stable and leave a tombstone when removed."""
    out = {}
    for name, model in TABLES.items():
        key = primary_key(model)
        if name == TOMBSTONES or len(key) != 1:
            continue
        if not (model.to_schema().columns[key[0]].metadata or {}).get("references"):
            out[name] = key[0]
    return out


@raises(Code.FOREIGN_KEY, Code.TOMBSTONED_ID, Code.VALUE_NOT_ALLOWED)
def check_tombstones(ctx: RuleContext) -> list[Problem]:
    if ctx.tables[TOMBSTONES].empty:
        return []
    tables = id_tables()
    ids = {name: set(ctx.tables[name][column].dropna().astype(str).tolist()) for name, column in tables.items()}
    problems = []
    for row in ctx.tables[TOMBSTONES].to_dict("records"):
        record_id, table = row["id"], row["table"]
        if not present(record_id) or not present(table):
            continue
        origin = origin_id(table, record_id)
        if table not in tables:
            problems.append(ctx.problem(record_id, "table", Code.VALUE_NOT_ALLOWED,
                                        f"{table!r} is not a table with stable ids; one of: {', '.join(tables)}",
                                        origin_id=origin))
            continue
        if record_id in ids[table]:
            problems.append(ctx.problem(record_id, "id", Code.TOMBSTONED_ID,
                                        f"{table} {record_id} is removed in {row['removed_in']} "
                                        f"but the {table} table holds it again; give the row a new id",
                                        origin_id=origin))
        replacement = row["replaced_by"]
        if present(replacement) and replacement not in ids[table]:
            problems.append(ctx.problem(record_id, "replaced_by", Code.FOREIGN_KEY,
                                        f"replaced_by {replacement!r} is not a known {table}.{tables[table]}",
                                        origin_id=origin))
    return problems
