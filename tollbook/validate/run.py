"""The validate stage: type every table with its model, then apply the cross-table rules."""

from __future__ import annotations

import pandas as pd

from tollbook.contract.problems import Problem, sort_problems
from tollbook.extract.dataset import Dataset
from tollbook.validate.rules import RULES
from tollbook.validate.rules.context import RuleContext
from tollbook.validate.table_schemas import check_tables


def validate_tables(raw: dict[str, pd.DataFrame], ds: Dataset) -> tuple[dict[str, pd.DataFrame], list[Problem]]:
    """Typed tables and every problem found (schema and cross-table), in reading order."""
    typed, problems = check_tables(raw, ds.origins)
    ctx = RuleContext(typed, ds.sources, ds.origins, frozenset(ds.reference.unreadable))
    for rule in RULES:
        problems += rule(ctx)
    return typed, sort_problems(problems)
