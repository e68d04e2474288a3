import pandera.pandas as pa

from tollbook.contract.schemas.columns import count, text
from tollbook.contract.schemas.types import Count, Text


class VagueQuantities(pa.DataFrameModel):
    """Conventions that turn vague words ("several", "dozens") into low/high bounds."""

    word: Text = pa.Field(description="The vague word or phrase, lower case.", unique=True)
    low: Count = count("Smallest number the word is taken to mean.", "same as the figure")
    best: Count = count("Central value, only where there is a reason for one.", "same as the figure")
    high: Count = count("Largest number the word is taken to mean.", "same as the figure")
    reason: Text = text("Why these bounds.")

    class Config:
        strict = True
        coerce = True
        metadata = {"primary_key": ["word"]}
