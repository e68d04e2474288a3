"""The events table's derived columns: the reconciled figures and how many claims, stories
and documents stand behind them."""

from __future__ import annotations

import pandas as pd

from tollbook.derive.grades import RULE as GRADE_RULE
from tollbook.derive.inputs import present
from tollbook.derive.reconcile import RULE, event_figures


def event_columns(tables: dict[str, pd.DataFrame], claims: pd.DataFrame, figures: pd.DataFrame,
                  tallies: pd.DataFrame, grades: dict[str, str]) -> pd.DataFrame:
    """``figures``: every death and airstrike figure with its claim's facts (copies have none);
    ``grades``: event_id → overall corroboration grade of its deaths."""
    events = tables["events"].reset_index(drop=True).copy()
    wide = event_figures(tallies).set_index("event_id")
    for column in wide.columns:
        events[column] = events["event_id"].map(wide[column]).astype("Int64")

    figures = figures[figures["measure"].isin(("deaths", "airstrikes"))]
    behind = figures.loc[figures["duplicate_of"].isna(), ["event_id", "claim_id", "story_id", "document_id",
                                                          "partisan"]]
    behind = behind[behind["event_id"].notna()].drop_duplicates(["event_id", "claim_id"])
    copies = claims[present(claims["duplicate_of"])]
    copy_docs = behind[["event_id", "claim_id"]].merge(
        pd.DataFrame({"claim_id": copies["duplicate_of"].astype("object"),
                      "document_id": copies["document_id"].astype("object")}), on="claim_id")
    documents = pd.concat([behind[["event_id", "document_id"]], copy_docs[["event_id", "document_id"]]])
    per_event = behind.groupby("event_id")

    def count(series: pd.Series) -> pd.Series:
        return events["event_id"].map(series).fillna(0).astype("Int64")

    events["number_of_claims"] = count(per_event["claim_id"].nunique())
    events["number_of_sources"] = count(per_event["story_id"].nunique())
    events["number_of_documents"] = count(documents.groupby("event_id")["document_id"].nunique())
    events["number_of_partisan_claims"] = count(behind[behind["partisan"]].groupby("event_id")["claim_id"].nunique())
    words = {e: sorted({w for ws in g["vague_words"] for w in ws}) for e, g in tallies.groupby("event_id")}
    events["vague_words"] = pd.Series([words.get(e, []) for e in events["event_id"]], index=events.index, dtype=object)
    events["reconciliation"] = pd.Series(RULE, index=events.index, dtype=object)
    events["corroboration"] = events["event_id"].map(grades).astype(object)
    events["corroboration_rule"] = pd.Series(GRADE_RULE, index=events.index, dtype=object)
    return events
