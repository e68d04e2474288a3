from tollbook.contract import vocabulary as voc
from tollbook.contract.schemas.columns import category, identifier
from tollbook.contract.schemas.figures import CountColumns, FigureColumns
from tollbook.contract.schemas.types import Text


class Airstrikes(FigureColumns, CountColumns):
    """Counts of airstrikes, air raids, barrel bombs, sorties or shelling, one row per figure in a claim."""

    airstrike_id: Text = identifier("airstrike", "Stable id of the figure.", unique=True)
    perpetrator_id: Text = identifier("actor", "Who carried them out, per the claim.", nullable=True, references="actors.actor_id")
    weapon: Text = category(voc.WEAPONS, "What was counted.")

    class Config:
        strict = True
        coerce = True
        metadata = {"primary_key": ["airstrike_id"], "unit": "strikes"}
