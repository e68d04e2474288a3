import pandera.pandas as pa

from tollbook.contract.schemas.columns import count, identifier, text
from tollbook.contract.schemas.types import Count, Flag, Text


class SourceCodings(pa.DataFrameModel):
    """Each value that a published dataset coded for the row a document was taken from (FA-KES's crowd coding), kept to measure agreement with the curated claims."""

    document_id: Text = identifier("document", "The document taken from the dataset's row.", references="documents.document_id")
    row_index: Count = count("Position of the row among the rows the document was taken from (0, 1, ...): one article may be coded in several rows, which may share an id.", "rows")
    row_id: Text = text("The row's id in that dataset (FA-KES unit_id).")
    field: Text = text("The dataset's column (nb_civilians, location, ...).")
    dataset: Text = text("Short name of the dataset the row belongs to.")
    value: Text = text("The coded value, as text.", nullable=True)
    value_count: Count = count("The coded value as a count of people, when it is one (columns named nb_*).", "people")
    appears_in_text: Flag = pa.Field(description="For a count: whether the number is written in the document's body (as digits or words); missing for other fields.", nullable=True)
    curated_contains: Flag = pa.Field(description="For a count that appears in the text: whether a curated killed or executed figure of the document (or of the story it republishes) has it as its low, best or high count; missing otherwise.", nullable=True)
    curator_note: Text = text("The curator's reason where the curated figures and the coding disagree (coder error, figure about another incident, ...).", nullable=True)

    class Config:
        strict = True
        coerce = True
        unique = ["document_id", "row_index", "field"]
        metadata = {"primary_key": ["document_id", "row_index", "field"]}
