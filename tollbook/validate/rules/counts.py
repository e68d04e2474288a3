"""Counts obey count_low <= count_best <= count_high, and a nested figure never exceeds the
figure it is part of (nor forms a cycle of part_of links)."""

from __future__ import annotations

from collections import namedtuple

import pandas as pd

from tollbook.contract.codes import Code, raises
from tollbook.contract.problems import Problem
from tollbook.validate.rules.context import RuleContext, present

COUNTED_TABLES = {"casualties": "casualty_id", "airstrikes": "airstrike_id", "force_sizes": "force_id"}


def _suspect_counts(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows where some present bound exceeds a later one, found on whole columns."""
    try:
        low, best, high = (frame[n].astype("Float64") for n in ("count_low", "count_best", "count_high"))
        suspect = (low > best).fillna(False) | (best > high).fillna(False) | (low > high).fillna(False)
        return frame[suspect.to_numpy(dtype=bool)]
    except (TypeError, ValueError):  # columns that failed their types: check every row
        return frame


@raises(Code.COUNT_ORDER)
def check_count_order(ctx: RuleContext) -> list[Problem]:
    problems = []
    for table, key in COUNTED_TABLES.items():
        for row in _suspect_counts(ctx.tables[table]).itertuples(index=False):
            values = [(n, getattr(row, n)) for n in ("count_low", "count_best", "count_high")]
            given = [(n, int(v)) for n, v in values if present(v)]
            for (n1, v1), (n2, v2) in zip(given, given[1:], strict=False):
                if v1 > v2:
                    problems.append(ctx.problem(getattr(row, key), "count", Code.COUNT_ORDER,
                                                f"{n1} {v1} > {n2} {v2}"))
    return problems


def _upper(row) -> int | None:
    for name in ("count_high", "count_best", "count_low"):
        if present(getattr(row, name)):
            return int(getattr(row, name))
    return None


def _lower(row) -> int | None:
    for name in ("count_low", "count_best"):
        if present(getattr(row, name)):
            return int(getattr(row, name))
    return None


def _linked(frame: pd.DataFrame) -> pd.DataFrame:
    """The parts and the wholes they point at: the only rows a part_of check reads."""
    parts = frame["part_of"].notna()
    linked = frame[(parts | frame["casualty_id"].isin(frame["part_of"][parts])).to_numpy(dtype=bool)]
    return linked[["casualty_id", "part_of", "claim_id", "outcome", "count_low", "count_best", "count_high"]]


@raises(Code.PART_EXCEEDS_WHOLE, Code.PART_OF_CYCLE, Code.PART_OF_MISMATCH)
def check_parts(ctx: RuleContext) -> list[Problem]:
    problems = []
    linked = _linked(ctx.tables["casualties"])
    row_type = namedtuple("Row", linked.columns)
    columns = (linked[c].tolist() for c in linked.columns)  # whole columns, not a cell at a time
    rows = {r.casualty_id: r for r in map(row_type._make, zip(*columns, strict=True))}
    for cid, row in rows.items():
        if not present(row.part_of) or row.part_of not in rows:
            continue  # unknown targets are foreign-key problems
        whole = rows[row.part_of]
        # cycle: follow part_of until it ends or returns
        seen, cur = {cid}, row.part_of
        while present(cur) and cur in rows:
            if cur in seen:
                problems.append(ctx.problem(cid, "part_of", Code.PART_OF_CYCLE,
                                            f"part_of links from {cid} loop back to {cur}"))
                break
            seen.add(cur)
            cur = rows[cur].part_of
        else:
            part_low, whole_high = _lower(row), _upper(whole)
            if part_low is not None and whole_high is not None and part_low > whole_high:
                problems.append(ctx.problem(cid, "part_of", Code.PART_EXCEEDS_WHOLE,
                                            f"{part_low} is more than its whole {row.part_of} "
                                            f"({whole_high})"))
            if whole.claim_id != row.claim_id or whole.outcome != row.outcome:
                problems.append(ctx.problem(cid, "part_of", Code.PART_OF_MISMATCH,
                                            f"{row.part_of} belongs to claim {whole.claim_id} "
                                            f"({whole.outcome}); a part must share claim and outcome"))
    return problems
