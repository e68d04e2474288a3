import pandera.pandas as pa

from tollbook.contract import vocabulary as voc
from tollbook.contract.schemas.columns import category, identifier, text
from tollbook.contract.schemas.figures import CountColumns, FigureColumns
from tollbook.contract.schemas.types import Flag, Text


class Casualties(FigureColumns, CountColumns):
    """Counts of people killed, injured, executed, captured or missing, one row per figure in a claim."""

    casualty_id: Text = identifier("casualty", "Stable id of the figure.", unique=True)
    outcome: Text = category(voc.OUTCOMES, "What happened to the people counted.")
    party_id: Text = identifier("actor", "Whom the people counted belonged to; missing when the text does not say.", nullable=True, references="actors.actor_id")
    party_text: Text = text("The words the text uses for them ('regime troops', 'Chechen fighters').", nullable=True)
    perpetrator_id: Text = identifier("actor", "Who the claim holds responsible, when it says.", nullable=True, references="actors.actor_id")
    part_of: Text = identifier("casualty", "For a nested figure ('including 13 ...'): the figure it is part of. Never add it to its whole.", nullable=True, references="casualties.casualty_id")
    civilian: Flag = pa.Field(description="True when the text says the people counted were civilians, False when it says they were fighters or soldiers; missing when it does not say.", nullable=True)
    age_group: Text = category(voc.AGE_GROUPS, "Age group of the people counted when the text says ('5 children': child); missing when it does not say or the figure mixes ages.", nullable=True)
    sex: Text = category(voc.SEXES, "Sex of the people counted when the text says ('3 women': female); missing when it does not say or the figure mixes both.", nullable=True)

    class Config:
        strict = True
        coerce = True
        metadata = {"primary_key": ["casualty_id"], "unit": "people"}
