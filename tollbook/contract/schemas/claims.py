import pandera.pandas as pa

from tollbook.contract import vocabulary as voc
from tollbook.contract.schemas.columns import category, count, date, date_precision, identifier, text, where_precision
from tollbook.contract.schemas.types import Count, Date, Flag, Text, TextList


class Claims(pa.DataFrameModel):
    """One row per statement in a document: who asserts it, in which words, where in the text."""

    claim_id: Text = identifier("claim", "Stable id of the claim.", unique=True)
    document_id: Text = identifier("document", "Document the quote is read from.", references="documents.document_id")
    story_id: Text = identifier("story", "Story of that document; copies of one story share it.")
    quote: Text = text("The verbatim evidence: the document text from char_start to char_end.")
    char_start: Count = count("Start offset of the quote in the stored text (Unicode code points).", "characters")
    char_end: Count = count("End offset of the quote, exclusive.", "characters")
    claimant_id: Text = identifier("actor", "Who asserts the claim.", references="actors.actor_id")
    relayed_by: TextList = pa.Field(description="Actors who passed the claim on, nearest the claimant first, ending with the publisher.", metadata={"references": "actors.actor_id"})
    hedge: Text = category(voc.HEDGES, "How the text distances itself from the claim.")
    date_start: Date = date("First day the claim speaks about.")
    date_end: Date = date("Last day the claim speaks about.")
    date_prec: Count = date_precision("How exactly date_start/date_end are known (UCDP scale 1-5).")
    date_text: Text = text("The words the dates were resolved from.", nullable=True)
    location_id: Text = identifier("location", "Where the claim is located.", nullable=True, references="locations.location_id")
    where_prec: Count = where_precision("How exactly the place is known (UCDP scale 1-7).")
    event_id: Text = identifier("event", "Event the claim belongs to.", nullable=True, references="events.event_id")
    duplicate_of: Text = identifier("claim", "For a republished copy: the original claim. Count the original only.", nullable=True, references="claims.claim_id")
    partisan: Flag = pa.Field(description="A claim by a party to the event about its enemy's losses, crimes, strikes or forces: kept out of the event's low and best, inside its high. Copies take the original's flag.")
    partisan_basis: Text = category(voc.PARTISAN_BASES, "derived: by the rule (the claimant is, or is a member of, one side and a figure concerns the other); curator: set in the record, reason in note.")
    review_status: Text = category(voc.RELEASED_STATUSES, "Curator's decision: accepted as proposed, or edited.")
    reviewed_by: Text = text("Who reviewed the claim.", nullable=True)
    reviewed_on: Date = date("When it was reviewed.")
    note: Text = text("Curator's reasoning where it is not obvious.", nullable=True)

    class Config:
        strict = True
        coerce = True
        metadata = {"primary_key": ["claim_id"]}
