"""An alias names one actor, a spelling variant one place (compared ignoring case)."""

from __future__ import annotations

from tollbook.extract.compile_reference import origin_key
from tollbook.validate.rules.context import RuleContext

from tollbook.problems import Problem


def _conflicts(ctx: RuleContext, table: str, name_col: str, target_col: str) -> list[Problem]:
    frame = ctx.tables[table]
    first: dict[str, tuple[str, str]] = {}
    problems = []
    for _, row in frame.iterrows():
        folded = " ".join(str(row[name_col]).casefold().replace("\u2019", "'").split())
        target = str(row[target_col])
        if folded in first and first[folded][1] != target:
            problems.append(ctx.problem(
                str(row[name_col]), name_col, "alias-conflict",
                f"{row[name_col]!r} names {target}, but {first[folded][0]!r} already names "
                f"{first[folded][1]}", origin_id=origin_key(table, row)))
        first.setdefault(folded, (str(row[name_col]), target))
    return problems


def check_aliases(ctx: RuleContext) -> list[Problem]:
    return (_conflicts(ctx, "actor_aliases", "alias", "actor_id")
            + _conflicts(ctx, "location_variants", "variant", "location_id"))
