import pandera.pandas as pa
from tollbook.validate import vocabulary as voc
from tollbook.validate.schemas.columns import category, date, date_precision, identifier, text, where_precision
from tollbook.validate.schemas.types import Count, Date, Text


class Events(pa.DataFrameModel):
    """Curated events (a battle, a capture, an execution) that claims are grouped into."""

    event_id: Text = identifier("event", "Stable id of the event.", unique=True)
    event_type: Text = category(voc.EVENT_TYPES, "Kind of event.")
    title: Text = text("Short title.")
    date_start: Date = date("First day of the event.", nullable=False)
    date_end: Date = date("Last day of the event.", nullable=False)
    date_prec: Count = date_precision("How exactly the dates are known (UCDP scale 1-5).", nullable=False)
    location_id: Text = identifier("location", "Where it happened.", nullable=True, references="locations.location_id")
    where_prec: Count = where_precision("How exactly the place is known (UCDP scale 1-7).")
    note: Text = text("Curator's reasoning for dates and place.", nullable=True)

    class Config:
        strict = True
        coerce = True
        metadata = {"primary_key": ["event_id"]}
