from tollbook.contract.schemas.columns import identifier, text
from tollbook.contract.schemas.figures import CountColumns, FigureColumns
from tollbook.contract.schemas.types import Text


class ForceSizes(FigureColumns, CountColumns):
    """Sizes of forces claimed ('15 fighters wearing suicide belts', 'thousands of terrorists')."""

    force_id: Text = identifier("force", "Stable id of the figure.", unique=True)
    actor_id: Text = identifier("actor", "Whose force.", nullable=True, references="actors.actor_id")
    description: Text = text("What the force is, in the text's words.")

    class Config:
        strict = True
        coerce = True
        metadata = {"primary_key": ["force_id"], "unit": "people"}
