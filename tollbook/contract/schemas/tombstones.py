import pandera.pandas as pa

from tollbook.contract.schemas.columns import text
from tollbook.contract.schemas.types import Text


class Tombstones(pa.DataFrameModel):
    """Ids that an earlier or this release removed, kept forever so a cited id always resolves to its fate."""

    id: Text = pa.Field(description="The removed id: the key value the row had in its table.")
    table: Text = pa.Field(description="Table the id was removed from.", str_matches=r"^[a-z_]+$")
    removed_in: Text = pa.Field(description="First release that no longer holds the id (MAJOR.MINOR.PATCH).", str_matches=r"^\d+\.\d+\.\d+$")
    reason: Text = text("Why the row was removed (a duplicate, a misread figure, a document withdrawn).")
    replaced_by: Text = text("The id in the same table that replaces it, when one does.", nullable=True)

    class Config:
        strict = True
        coerce = True
        unique = ["id", "table"]
        metadata = {"primary_key": ["id", "table"]}
