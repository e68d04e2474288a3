import pandera.pandas as pa

from tollbook.contract import vocabulary as voc
from tollbook.contract.schemas.columns import category, date, identifier, text
from tollbook.contract.schemas.types import Date, Text


class Actors(pa.DataFrameModel):
    """Everyone who fights, dies, claims, relays or publishes: armed groups, states, monitors, outlets, people."""

    actor_id: Text = identifier("actor", "Stable id of the actor.", unique=True)
    name: Text = text("Canonical name.")
    actor_type: Text = category(voc.ACTOR_TYPES, "Kind of actor.")
    description: Text = text("Who this is, with dates of formation or dissolution where known.", nullable=True)

    class Config:
        strict = True
        coerce = True
        metadata = {"primary_key": ["actor_id"]}


class ActorAliases(pa.DataFrameModel):
    """Every name and spelling under which an actor appears in the corpus (one actor per alias)."""

    alias: Text = pa.Field(description="A name or spelling as found in the texts.", unique=True)
    actor_id: Text = identifier("actor", "The actor it names.", references="actors.actor_id")

    class Config:
        strict = True
        coerce = True
        metadata = {"primary_key": ["alias"]}


class ActorMemberships(pa.DataFrameModel):
    """Membership of an actor in a coalition or organisation over time."""

    member_id: Text = identifier("actor", "The member.", references="actors.actor_id")
    coalition_id: Text = identifier("actor", "The coalition or organisation joined.", references="actors.actor_id")
    date_start: Date = date("First day of membership, when known.")
    date_end: Date = date("Last day of membership; missing while it lasts.")
    note: Text = text("Evidence or reasoning for the dates.", nullable=True)

    class Config:
        strict = True
        coerce = True
        unique = ["member_id", "coalition_id", "date_start"]
        metadata = {"primary_key": ["member_id", "coalition_id", "date_start"]}
