import pandera.pandas as pa

from tollbook.contract import vocabulary as voc
from tollbook.contract.schemas.columns import category, count, date, identifier, text
from tollbook.contract.schemas.types import Count, Date, Text, TextList


class Documents(pa.DataFrameModel):
    """One row per source document: where a claim was read, who published it and when."""

    document_id: Text = identifier("document", "Stable id of the document: doc_ + the hash in its file name.", unique=True)
    title: Text = text("Headline of the article as published.")
    outlet: Text = text("Who published this copy of the text.")
    outlet_id: Text = identifier("actor", "The outlet as an actor, when it is one.", nullable=True, references="actors.actor_id")
    authors: TextList = pa.Field(description="Bylines, in the order given; empty when the article names none.")
    published_date: Date = date("Date this copy was published.", nullable=False)
    published_date_kind: Text = category(voc.DATE_EVIDENCE_KINDS, "How published_date is known: dateline, source_line, stated in the page, or inferred by a curator.")
    published_date_evidence: Text = text("The words or the reasoning behind published_date.")
    reference_date: Date = date("Date relative phrases in the text resolve against (the original report's date for a republication).", nullable=False)
    original_document_id: Text = identifier("document", "For a republication: the original's document_id when the original is in the corpus.", nullable=True, references="documents.document_id")
    original_outlet: Text = text("For a republication: who published the original.", nullable=True)
    original_published_date: Date = date("For a republication: when the original was published.")
    story_id: Text = identifier("story", "Copies of one story share this id; count a story once.")
    text_sha256: Text = pa.Field(description="sha256 of the stored text file's bytes.", str_matches=r"^[0-9a-f]{64}$")
    source_path: Text = text("Path of the text in the repository (texts are not redistributed in releases).")
    body_start: Count = count("Offset where the article body starts (Unicode code points).", "characters")
    body_end: Count = count("Offset where the article body ends, exclusive.", "characters")
    n_chars: Count = count("Length of the stored text.", "characters")
    language: Text = text("ISO 639-1 language of the text.")
    provenance: Text = text("For a text taken from a published dataset: that dataset, cited (authors, title, year).", nullable=True)
    provenance_doi: Text = text("DOI of that dataset, when it has one.", nullable=True)
    provenance_row_ids: TextList = pa.Field(description="Ids of the dataset's rows the text was taken from (FA-KES unit_id), so every document traces to its row; empty for texts collected directly.")
    text_repair: Text = text("How the stored text was repaired from the dataset's cell (mis-encoded characters), when it was; missing when stored as published.", nullable=True)

    class Config:
        strict = True
        coerce = True
        metadata = {"primary_key": ["document_id"]}
