import pandera.pandas as pa

from tollbook.contract import vocabulary as voc
from tollbook.contract.schemas.columns import (
    category,
    count,
    date,
    date_precision,
    identifier,
    text,
    where_precision,
)
from tollbook.contract.schemas.types import Count, Date, Text, TextList


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
    note: Text = text("Curator's reasoning for dates, place and sides.", nullable=True)
    side_a_id: Text = identifier("actor", "Side A, as curated (UCDP convention: the state side where one takes part). Its members (actor_memberships) count with it.", nullable=True, references="actors.actor_id")
    side_b_id: Text = identifier("actor", "Side B, as curated; its members count with it.", nullable=True, references="actors.actor_id")
    deaths_a: Count = count("Best estimate of side A's dead (killed or executed), from event_tallies; 0 when claims give deaths but none of side A, missing when no claim gives a death figure.", "people")
    deaths_b: Count = count("Best estimate of side B's dead, as deaths_a.", "people")
    deaths_civilians: Count = count("Best estimate of civilian dead (party an actor of type civilians).", "people")
    deaths_unknown: Count = count("Best estimate of dead whose side is not said or is neither A, B nor civilians.", "people")
    low: Count = count("Lowest credible death toll: the sum of each side's low (smallest non-partisan claimant figure).", "people")
    best: Count = count("Best estimate of the death toll: deaths_a + deaths_b + deaths_civilians + deaths_unknown (see docs/methodology.md).", "people")
    high: Count = count("Highest death toll claimed, partisan claims included: the sum of each side's high.", "people")
    airstrikes_low: Count = count("Lowest credible number of airstrikes, air raids and barrel bombs (sorties and shelling are not counted).", "strikes")
    airstrikes_best: Count = count("Best estimate of airstrikes, by the same rule as best.", "strikes")
    airstrikes_high: Count = count("Highest number of airstrikes claimed.", "strikes")
    children_low: Count = count("Lowest credible number of children killed (death figures of age group child, nested ones included: 'including 5 children'), by the same rule as low; missing when no claim counts children.", "people")
    children_best: Count = count("Best estimate of children killed, by the same rule as best (a nested figure is never added to a figure of children it is part of).", "people")
    children_high: Count = count("Highest number of children killed claimed, partisan claims included.", "people")
    women_low: Count = count("Lowest credible number of women killed (death figures of sex female that are not children, nested ones included), by the same rule as low; missing when no claim counts women.", "people")
    women_best: Count = count("Best estimate of women killed, by the same rule as best.", "people")
    women_high: Count = count("Highest number of women killed claimed, partisan claims included.", "people")
    number_of_claims: Count = pa.Field(description="Claims with a death or airstrike figure for the event, superseded and partisan ones included; republished copies (duplicate_of) never count.", ge=0, metadata={"unit": "claims"})
    number_of_sources: Count = pa.Field(description="Independent stories those claims come from: documents sharing a story_id count once.", ge=0, metadata={"unit": "stories"})
    number_of_documents: Count = pa.Field(description="Documents those claims are read from, republished copies included.", ge=0, metadata={"unit": "documents"})
    number_of_partisan_claims: Count = pa.Field(description="Claims among number_of_claims flagged partisan (kept out of low and best, inside high).", ge=0, metadata={"unit": "claims"})
    vague_words: TextList = pa.Field(description="Vague words whose conventions (vague_quantities) set any of the event's figures.", metadata={"references": "vague_quantities.word"})
    reconciliation: Text = text("Name of the rule that derived the figures from the claims (docs/methodology.md; derive/reconcile.py).")
    corroboration: Text = category(voc.GRADES, "How well the event's deaths are corroborated: confirmed (a side's dead claimed or accepted by the perpetrator named, its side or affiliates), contested (one side's dead blamed on different perpetrators), fair (two or more independent voices), weak (one voice); missing when no claim gives a death figure (docs/methodology.md).", nullable=True)
    corroboration_rule: Text = text("Name of the rule that set corroboration (docs/methodology.md; derive/grades.py).")

    class Config:
        strict = True
        coerce = True
        metadata = {"primary_key": ["event_id"]}
