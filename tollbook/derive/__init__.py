"""Stage between compile and validate: derive event figures from the claims.

A pure function of the compiled tables: it reads claims, figures, events, actors and
memberships and returns the same tables with ``claims.partisan`` settled, the events'
figures filled in, and the two tally tables behind them (see :mod:`tollbook.derive.reconcile`).
"""

from __future__ import annotations

import pandas as pd

from tollbook.contract.schemas import TABLES, column_order, primary_key
from tollbook.derive.codings import curated_contains
from tollbook.derive.events import event_columns
from tollbook.derive.grades import RULE as GRADE_RULE
from tollbook.derive.grades import event_grades, side_grades
from tollbook.derive.inputs import claim_facts, event_windows, measured_figures
from tollbook.derive.reconcile import claimant_tallies, counted, event_tallies, tallied_figures
from tollbook.derive.sides import Sides, partisan_flags


def _ordered(table: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Release column order and rows sorted by primary key, as the compile stage leaves tables."""
    model = TABLES[table]
    frame = frame.reindex(columns=column_order(model))
    key = primary_key(model)
    order = frame[key].astype("str").sort_values(key, kind="stable").index
    return frame.loc[order].reset_index(drop=True)


def _figures(tables: dict[str, pd.DataFrame], claims: pd.DataFrame, sides: Sides) -> pd.DataFrame:
    actors = set(tables["actors"]["actor_id"])
    figures = measured_figures(tables)
    facts = claim_facts({**tables, "claims": claims}).assign(partisan=list(claims["partisan"].fillna(False)))
    figures = figures.merge(facts.drop(columns="event_id"), on="claim_id", how="inner")
    # figures pointing at an unknown event, claimant or vague word are reported by the validate
    # stage once, on the figure; the tallies leave them out rather than report them again
    figures = figures.merge(event_windows(tables), on="event_id", how="inner")
    figures = figures[figures["claimant_id"].isin(actors)]
    known_words = set(tables["vague_quantities"]["word"].astype("object"))
    figures["vague_word"] = figures["vague_word"].where(figures["vague_word"].isin(known_words), None)
    figures["start"] = figures["date_start"].fillna(figures["event_start"])
    figures["end"] = figures["date_end"].fillna(figures["event_end"])
    figures = figures[figures["start"].notna() & figures["end"].notna()].reset_index(drop=True)
    figures["side"] = [sides.bucket(e, a) for e, a in zip(figures["event_id"], figures["actor_id"], strict=True)]
    sides_actor = (sides.actor_of(e, s) for e, s in zip(figures["event_id"], figures["side"], strict=True))
    figures["party_id"] = [a if a in actors else None for a in sides_actor]
    figures["partisan"] = figures["partisan"].astype(bool)
    return figures


def derive_tables(raw: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The compiled tables with everything the derive stage adds."""
    tables = dict(raw)
    sides = Sides(raw)
    claims = raw["claims"].reset_index(drop=True).copy()
    claims["partisan"], claims["partisan_basis"] = partisan_flags(raw, sides)
    figures = _figures(raw, claims, sides)
    per_claimant = claimant_tallies(figures)
    per_event = event_tallies(per_claimant)
    grades = side_grades(counted(figures), per_claimant, sides.affiliations, sides.coalition_ids)
    per_event = per_event.merge(grades, on=["event_id", "measure", "side"], how="left").assign(
        corroboration_rule=GRADE_RULE)
    overall = event_grades(counted(figures), per_claimant, grades, sides.affiliations)
    tables["claims"] = _ordered("claims", claims)
    tables["source_codings"] = _ordered("source_codings", curated_contains(tables))
    tables["events"] = _ordered("events", event_columns(raw, claims, figures, per_event, overall))
    tables["claimant_tallies"] = _ordered(
        "claimant_tallies", per_claimant.assign(number_of_sources=per_claimant["stories"].map(len)))
    tables["event_tallies"] = _ordered(
        "event_tallies", per_event.assign(number_of_sources=per_event["stories"].map(len)))
    tables["tallied_figures"] = _ordered("tallied_figures", tallied_figures(figures))
    return tables


__all__ = ["derive_tables"]
