"""The reconciled figures behind each event: per claimant, then per event (derive/reconcile.py)."""

import pandera.pandas as pa

from tollbook.contract import vocabulary as voc
from tollbook.contract.schemas.columns import category, count, identifier, text
from tollbook.contract.schemas.types import Count, Flag, Text, TextList


def _event():
    return identifier("event", "The event.", references="events.event_id")


def _measure():
    return category(voc.MEASURES, "deaths (people killed or executed), airstrikes (airstrikes, air raids, barrel bombs), children (deaths of age group child) or women (deaths of sex female, not children); nested figures count in children and women unless inside a figure of the same measure.")


def _side():
    return category(voc.SIDES, "Whose: for deaths the side of the dead, for airstrikes the side that carried them out; a or b of the event, civilians, or unknown (not said, or neither side).")


def _party():
    return identifier("actor", "The event's side_a_id or side_b_id for sides a and b; missing otherwise.", nullable=True, references="actors.actor_id")


def _claims(description: str):
    return pa.Field(description=description, metadata={"references": "claims.claim_id"})


def _words():
    return pa.Field(description="Vague words whose conventions set any figure added up here.", metadata={"references": "vague_quantities.word"})


def _sources():
    return pa.Field(description="Independent stories the added-up claims come from.", ge=0, metadata={"unit": "stories"})


class ClaimantTallies(pa.DataFrameModel):
    """One claimant's figure for one side of an event: nested figures left out, overlapping
    running totals not added (the latest supersedes), disjoint windows added."""

    event_id: Text = _event()
    measure: Text = _measure()
    side: Text = _side()
    claimant_id: Text = identifier("actor", "Who asserts the figures.", references="actors.actor_id")
    party_id: Text = _party()
    low: Count = count("Sum of the kept claims' low figures.", "see measure")
    best: Count = count("Sum of the kept claims' best figures.", "see measure")
    high: Count = count("Sum of the kept claims' high figures.", "see measure")
    partisan: Flag = pa.Field(description="The claims are partisan: the claimant is a party to the event speaking of its enemy.")
    number_of_sources: Count = _sources()
    claim_ids: TextList = _claims("Claims whose figures were added up, sorted.")
    superseded_claim_ids: TextList = _claims("This claimant's claims about the event's measure left out because a running total over an overlapping window supersedes them.")
    vague_words: TextList = _words()

    class Config:
        strict = True
        coerce = True
        unique = ["event_id", "measure", "side", "claimant_id"]
        metadata = {"primary_key": ["event_id", "measure", "side", "claimant_id"]}


class EventTallies(pa.DataFrameModel):
    """One side of an event across claimants: low the smallest non-partisan figure, high the
    largest of all, best the lower median of the non-partisan claimants' figures."""

    event_id: Text = _event()
    measure: Text = _measure()
    side: Text = _side()
    party_id: Text = _party()
    low: Count = count("Smallest low of a non-partisan claimant; 0 when only partisan claimants give a figure.", "see measure")
    best: Count = count("Lower median of the non-partisan claimants' best figures; 0 when only partisan claimants give one.", "see measure")
    high: Count = count("Largest high of any claimant, partisan ones included.", "see measure")
    number_of_claimants: Count = pa.Field(description="Claimants with a figure for this side.", ge=0, metadata={"unit": "claimants"})
    number_of_partisan_claimants: Count = pa.Field(description="Of those, claimants whose figure is partisan.", ge=0, metadata={"unit": "claimants"})
    number_of_sources: Count = _sources()
    claim_ids: TextList = _claims("Claims whose figures were added up, sorted.")
    vague_words: TextList = _words()
    corroboration: Text = category(voc.GRADES, "How well this side's figures are corroborated: confirmed (a claimant is the perpetrator named, its side or an affiliate), contested (independent voices blame different perpetrators), fair (two or more independent voices: claimants of one side or affiliation are one voice, relays are not claimants), weak (one voice).")
    corroboration_rule: Text = text("Name of the rule that set corroboration (docs/methodology.md; derive/grades.py).")

    class Config:
        strict = True
        coerce = True
        unique = ["event_id", "measure", "side"]
        metadata = {"primary_key": ["event_id", "measure", "side"]}


class TalliedFigures(pa.DataFrameModel):
    """Every figure the reconciliation read, once per measure it counts in, and what the rule
    did with it: counted, superseded by a running total of the same claimant, or nested."""

    figure_id: Text = pa.Field(description="The figure: casualties.casualty_id (deaths, children, women) or airstrikes.airstrike_id (airstrikes).", str_matches=r"^(cas|air)_[a-z0-9_]+$")
    measure: Text = _measure()
    event_id: Text = _event()
    claim_id: Text = identifier("claim", "Claim the figure is read from (an original: copies carry no figures).", references="claims.claim_id")
    claimant_id: Text = identifier("actor", "Who asserts the figure.", references="actors.actor_id")
    side: Text = _side()
    party_id: Text = _party()
    actor_id: Text = identifier("actor", "The figure's own actor: whom the dead belonged to (casualties.party_id) or who struck (airstrikes.perpetrator_id); missing when the text does not say.", nullable=True, references="actors.actor_id")
    perpetrator_id: Text = identifier("actor", "Who the claim holds responsible (casualties.perpetrator_id; for airstrikes who struck); missing when it does not say.", nullable=True, references="actors.actor_id")
    tally_status: Text = category(voc.FIGURE_STATUSES, "What the rule did with the figure: counted (added to its claimant's tally), superseded (its claim is a running total replaced by a later one of the same claimant over an overlapping window), nested (inside a figure of the same measure, never added).")
    superseded_by: Text = identifier("claim", "For a superseded figure: the claimant's kept claim whose window overlaps it and ends latest.", nullable=True, references="claims.claim_id")
    low: Count = count("The figure's low, the stated number standing in for an open bound (docs/methodology.md).", "see measure")
    best: Count = count("The figure's best.", "see measure")
    high: Count = count("The figure's high.", "see measure")

    class Config:
        strict = True
        coerce = True
        unique = ["figure_id", "measure"]
        metadata = {"primary_key": ["figure_id", "measure"]}
