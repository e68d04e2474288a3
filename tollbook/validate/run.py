"""The validate stage: type every table with its model, then apply the cross-table rules; and,
for a sound dataset, the rules against the catalogued releases."""

from __future__ import annotations

import pandas as pd

from tollbook.contract.problems import Problem, sort_problems
from tollbook.extract.dataset import Dataset
from tollbook.validate.rules import RELEASE_RULES, RULES
from tollbook.validate.rules.context import ReleaseHistory, RuleContext
from tollbook.validate.table_schemas import check_tables


def validate_tables(raw: dict[str, pd.DataFrame], ds: Dataset) -> tuple[dict[str, pd.DataFrame], list[Problem]]:
    """Typed tables and every problem found (schema and cross-table), in reading order."""
    typed, problems = check_tables(raw, ds.origins)
    ctx = RuleContext(typed, ds.sources, ds.origins, frozenset(ds.reference.unreadable))
    for rule in RULES:
        problems += rule(ctx)
    return typed, sort_problems(problems)


def validate_against_releases(typed: dict[str, pd.DataFrame], ds: Dataset,
                              history: ReleaseHistory) -> list[Problem]:
    """Every problem of the tables being built with respect to the catalogued releases."""
    ctx = RuleContext(typed, ds.sources, ds.origins, frozenset(ds.reference.unreadable), ds.release, history)
    problems = []
    for rule in RELEASE_RULES:
        problems += rule(ctx)
    return sort_problems(problems)
