from tollbook.contract import vocabulary as voc
from tollbook.contract.schemas.columns import category, count, identifier, text
from tollbook.contract.schemas.figures import FigureColumns
from tollbook.contract.schemas.types import Count, Text


class ControlChanges(FigureColumns):
    """Places captured, contested or withdrawn from, and by whom."""

    change_id: Text = identifier("change", "Stable id of the control change.", unique=True)
    gained_by_id: Text = identifier("actor", "Who took or is taking the place.", nullable=True, references="actors.actor_id")
    lost_by_id: Text = identifier("actor", "Who lost or left it.", nullable=True, references="actors.actor_id")
    status: Text = category(voc.CONTROL_STATUSES, "captured, contested (fighting for it) or withdrawn (left by lost_by).")
    site_text: Text = text("What changed hands, in the text's words ('three checkpoints surrounding the large town').", nullable=True)
    site_count: Count = count("How many sites, when the text counts them.", "sites")

    class Config:
        strict = True
        coerce = True
        metadata = {"primary_key": ["change_id"]}
