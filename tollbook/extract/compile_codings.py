"""Sidecar provenance → the source_codings table: what a published dataset coded for the row
each document came from, whether each coded count is written in the document's body, and the
curator's note where the curated figures disagree (``dataset/intake/coding_notes.csv``)."""

from __future__ import annotations

from tollbook.contract.codes import Code, raises
from tollbook.contract.problems import Problem
from tollbook.extract.csv_rows import read_csv_rows
from tollbook.extract.dataset import Dataset
from tollbook.extract.numbers_in_text import appears

NOTES_FILE = "intake/coding_notes.csv"
NOTE_COLUMNS = ("document_id", "row_index", "field", "note")
#: Columns whose values are counts of people (FA-KES: nb_civilians, nb_children, ...).
COUNT_PREFIX = "nb_"


def coding_notes(ds: Dataset) -> tuple[dict[tuple[str, str, str], str], list[Problem]]:
    path = ds.root / NOTES_FILE
    if not path.is_file():
        return {}, []
    table, problems = read_csv_rows(path, f"dataset/{NOTES_FILE}", "coding notes", NOTE_COLUMNS)
    notes = {}
    for line, row in table.rows:
        key = (row["document_id"] or "", row["row_index"] or "", row["field"] or "")
        if key in notes:
            problems.append(Problem(f"dataset/{NOTES_FILE}", line, key[0], "field", Code.DUPLICATE_ID,
                                    f"a note for row {key[1]} {key[2]} is already given"))
        notes[key] = row["note"] or ""
    return notes, problems


@raises(Code.DUPLICATE_ID, Code.FOREIGN_KEY)
def compile_source_codings(ds: Dataset) -> tuple[list[dict], list[Problem]]:
    notes, problems = coding_notes(ds)
    rows = []
    for doc_id in sorted(ds.sources):
        src = ds.sources[doc_id]
        if not src.view["has_provenance"]:  # the model is made only for a document with provenance
            continue
        prov = src.sidecar.provenance
        if prov is None:
            continue
        body = src.text[src.body.char_start:src.body.char_end]
        for index, coded_row in enumerate(prov.rows):
            for field, value in coded_row.coded.items():
                number = value if isinstance(value, int) and field.startswith(COUNT_PREFIX) else None
                rows.append({
                    "document_id": doc_id, "row_index": index, "row_id": coded_row.row_id, "field": field,
                    "dataset": prov.dataset, "value": None if value is None else str(value),
                    "value_count": number,
                    "appears_in_text": None if number is None else (number > 0 and appears(number, body)),
                    "curated_contains": None,
                    "curator_note": notes.get((doc_id, str(index), field)),
                })
    known = {(r["document_id"], str(r["row_index"]), r["field"]) for r in rows}
    for key in sorted(set(notes) - known):
        problems.append(Problem(f"dataset/{NOTES_FILE}", None, key[0], "field", Code.FOREIGN_KEY,
                                f"no coded value {key[2]} of row {key[1]} for {key[0]}"))
    return rows, problems
