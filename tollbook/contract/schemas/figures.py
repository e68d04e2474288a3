"""Columns every figure table shares: its claim, event, count, dates and place."""

import pandera.pandas as pa

from tollbook.contract import vocabulary as voc
from tollbook.contract.schemas.columns import category, count, date, date_precision, identifier, text, where_precision
from tollbook.contract.schemas.types import Count, Date, Text


class FigureColumns(pa.DataFrameModel):
    claim_id: Text = identifier("claim", "Claim the figure is read from.", references="claims.claim_id")
    event_id: Text = identifier("event", "Event the figure belongs to.", nullable=True, references="events.event_id")
    date_start: Date = date("First day the figure covers.")
    date_end: Date = date("Last day the figure covers.")
    date_prec: Count = date_precision("How exactly the dates are known (UCDP scale 1-5).")
    location_id: Text = identifier("location", "Where.", nullable=True, references="locations.location_id")
    where_prec: Count = where_precision("How exactly the place is known (UCDP scale 1-7).")
    note: Text = text("Curator's reasoning where it is not obvious.", nullable=True)


class CountColumns(pa.DataFrameModel):
    count_low: Count = count("Smallest number the claim allows; missing when it sets no lower bound.", "see table")
    count_best: Count = count("The number the claim states, or the convention's central value; missing for a bare vague word.", "see table")
    count_high: Count = count("Largest number the claim allows; missing when it sets no upper bound ('at least').", "see table")
    qualifier: Text = category(voc.QUALIFIERS, "How exact the figure is: exact, at_least, at_most, approximately or vague.")
    vague_word: Text = pa.Field(description="For a vague figure: the word whose convention (vague_quantities) set the bounds.", nullable=True, metadata={"references": "vague_quantities.word"})
