"""Dates run forward, claims speak of the past, and precision fits the range."""

from __future__ import annotations

import pandas as pd

from tollbook.contract.codes import Code, raises
from tollbook.contract.problems import Problem
from tollbook.validate.rules.context import RuleContext, present

#: Longest range, in days (both ends included), each UCDP date precision allows.
MAX_SPAN_DAYS = {1: 1, 2: 6, 3: 7, 4: 31}

DATED_TABLES = {
    "claims": "claim_id",
    "casualties": "casualty_id",
    "airstrikes": "airstrike_id",
    "control_changes": "change_id",
    "force_sizes": "force_id",
    "events": "event_id",
}


def _suspect_ranges(frame: pd.DataFrame) -> pd.DataFrame:
    """The rows a date-order or date-precision problem can come from, found on whole columns
    (the row-by-row checks below then run on these alone)."""
    try:
        start, end = frame["date_start"], frame["date_end"]
        span = (end - start).dt.days + 1
        prec = frame["date_prec"].astype("Float64")
        longest = prec.map(MAX_SPAN_DAYS).astype("Float64")
        suspect = (start > end) | (span > longest) | ((prec > 1) & (span == 1))
        return frame[suspect.fillna(False).to_numpy(dtype=bool)]
    except (TypeError, ValueError, AttributeError):  # columns that failed their types: check every row
        return frame


def _after(frame: pd.DataFrame, table: str, claims: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Rows whose date_end is after their document's publication, found on whole columns."""
    published = pd.Series(documents["published_date"].to_numpy(), index=documents["document_id"].to_numpy())
    published = published[~published.index.duplicated()]
    if table == "claims":
        docs = frame["document_id"]
    else:
        by_claim = pd.Series(claims["document_id"].to_numpy(), index=claims["claim_id"].to_numpy())
        docs = frame["claim_id"].map(by_claim[~by_claim.index.duplicated()])
    try:
        later = frame["date_end"].to_numpy() > pd.to_datetime(docs.map(published)).to_numpy()
        return frame[later]
    except (TypeError, ValueError):  # columns that failed their types: check every row
        return frame


@raises(Code.DATE_ORDER, Code.DATE_PRECISION)
def check_date_order(ctx: RuleContext) -> list[Problem]:
    problems = []
    for table, key in DATED_TABLES.items():
        for row in _suspect_ranges(ctx.tables[table]).itertuples(index=False):
            start, end = row.date_start, row.date_end
            if not (present(start) and present(end)):
                continue
            record_id = getattr(row, key)
            if ctx.inherited(table, row, ("date_start", "date_end", "date_prec")):
                continue  # reported on the claim the figure inherits its dates from
            if start > end:
                problems.append(ctx.problem(record_id, "date", Code.DATE_ORDER,
                                            f"date_start {start:%Y-%m-%d} is after date_end {end:%Y-%m-%d}"))
                continue
            prec = int(row.date_prec) if present(row.date_prec) else None
            span = (end - start).days + 1
            if prec in MAX_SPAN_DAYS and span > MAX_SPAN_DAYS[prec]:
                problems.append(ctx.problem(record_id, "date.prec", Code.DATE_PRECISION,
                                            f"date_prec {prec} allows at most {MAX_SPAN_DAYS[prec]} "
                                            f"day(s), the range covers {span}"))
            elif prec is not None and prec > 1 and span == 1:
                problems.append(ctx.problem(record_id, "date.prec", Code.DATE_PRECISION,
                                            f"a single day is date_prec 1, not {prec}"))
    return problems


@raises(Code.DATE_AFTER_PUBLICATION)
def check_after_publication(ctx: RuleContext) -> list[Problem]:
    published = dict(zip(ctx.tables["documents"]["document_id"].tolist(),
                         ctx.tables["documents"]["published_date"], strict=True))
    claims = ctx.tables["claims"]
    claim_doc = dict(zip(claims["claim_id"].tolist(), claims["document_id"].tolist(), strict=True))
    problems = []
    for table, key in DATED_TABLES.items():
        if table == "events":
            continue
        for row in _after(ctx.tables[table], table, claims, ctx.tables["documents"]).itertuples(index=False):
            doc = claim_doc.get(row.claim_id) if table != "claims" else row.document_id
            pub = published.get(doc)
            if ctx.inherited(table, row, ("date_start", "date_end")):
                continue
            if present(pub) and present(row.date_end) and row.date_end > pub:
                problems.append(ctx.problem(getattr(row, key), "date.end", Code.DATE_AFTER_PUBLICATION,
                                            f"date_end {row.date_end:%Y-%m-%d} is after {doc} was "
                                            f"published on {pub:%Y-%m-%d}"))
    return problems
