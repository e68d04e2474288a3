"""source_codings: a dataset's coding of a document's row beside the curated figures."""

import factories
import pandas as pd

from tollbook.derive.codings import curated_contains, killed_values_by_document
from tollbook.pipeline import prepare
from tollbook.release.datasheet_curation import agreement_section


def with_provenance(ds, coded, notes=None):
    side = factories.sidecar()
    side["provenance"] = {"dataset": "TestCorpus", "doi": "10.1/x", "licence": "CC-BY-4.0",
                          "citation": "Doe (2020). Test corpus.", "rows": [{"row_id": "77", "coded": coded}]}
    factories.dump(ds / "sources" / f"{factories.STEM}.yaml", side)
    if notes:
        (ds / "intake").mkdir()
        (ds / "intake" / "coding_notes.csv").write_text("document_id,row_index,field,note\n" + notes, encoding="utf-8")


def test_coded_counts_are_compared_with_the_curated_killed_figures(tiny_dataset):
    # the text says 12 soldiers and 20 rebels were killed; 7 is an airstrike count; 99 is in the comments
    with_provenance(tiny_dataset, {"nb_noncivilians": 20, "nb_civilians": 7, "nb_women": 99, "location": "idlib"},
                    f"{factories.DOC},0,nb_civilians,coder error: 7 is the number of airstrikes\n")
    prepared = prepare(tiny_dataset)
    assert prepared.problems == []
    rows = prepared.tables["source_codings"]
    got = [(r.field, r.value, r.value_count, r.appears_in_text, r.curated_contains, r.curator_note)
           for r in rows.itertuples()]
    assert [(f, v, None if pd.isna(n) else int(n), None if pd.isna(a) else bool(a),
             None if pd.isna(c) else bool(c), None if pd.isna(t) else t) for f, v, n, a, c, t in got] == [
        ("location", "idlib", None, None, None, None),
        ("nb_civilians", "7", 7, True, False, "coder error: 7 is the number of airstrikes"),
        ("nb_noncivilians", "20", 20, True, True, None),
        ("nb_women", "99", 99, False, None, None),  # 99 stands in the reader comments, outside the body
    ]
    docs = prepared.tables["documents"]
    assert list(docs["provenance_row_ids"].iloc[0]) == ["77"]
    assert docs["provenance"].iloc[0] == "Doe (2020). Test corpus."


def test_a_note_for_a_coding_that_does_not_exist_is_reported(tiny_dataset):
    with_provenance(tiny_dataset, {"nb_civilians": 7}, f"{factories.DOC},3,nb_civilians,no such row\n")
    assert [(p.file, p.code) for p in prepare(tiny_dataset).problems] == [
        ("dataset/intake/coding_notes.csv", "foreign-key")]


def test_copies_take_the_figures_of_the_claims_they_point_at():
    claims = pd.DataFrame({"claim_id": ["c1", "c2"], "document_id": ["d1", "d2"], "duplicate_of": [None, "c1"]})
    cas = pd.DataFrame({"claim_id": ["c1", "c1"], "outcome": ["killed", "injured"], "count_low": [16, 3],
                        "count_best": [16, 3], "count_high": [pd.NA, 3]})
    assert killed_values_by_document({"claims": claims, "casualties": cas}) == {"d1": {16}, "d2": {16}}
    codings = pd.DataFrame({"document_id": ["d2", "d2"], "value_count": [16, 3], "appears_in_text": [True, True]})
    out = curated_contains({"claims": claims, "casualties": cas, "source_codings": codings})
    assert list(out["curated_contains"]) == [True, False]


def test_the_datasheet_lists_agreement_and_every_disagreement_with_its_reason():
    t = {"documents": pd.DataFrame({"document_id": ["d1", "d2"], "outlet": ["SANA", "TRT"]}),
         "source_codings": pd.DataFrame({
             "document_id": ["d1", "d2", "d2"], "row_index": [0, 0, 0], "row_id": ["5", "6", "6"],
             "field": ["nb_civilians", "nb_civilians", "nb_noncivilians"], "dataset": ["FA-KES"] * 3,
             "value_count": [10, 7, 4], "appears_in_text": [True, True, False],
             "curated_contains": [True, False, None], "curator_note": [None, "injured, not killed", None]})}
    missing = {**t, "source_codings": t["source_codings"].assign(curator_note=[float("nan")] * 3)}
    assert agreement_section(missing)[-2] == "| d2 | TRT | 6 | nb_civilians | 7 | no reason recorded yet |"
    assert agreement_section(t)[4:] == [
        "| coded count | rows in the text | contained | not contained |", "| --- | ---: | ---: | ---: |",
        "| nb_civilians | 2 | 1 | 1 |", "| nb_noncivilians | 0 | 0 | 0 |", "",
        "Every disagreement, with the curator's reason (1):", "",
        "| document | outlet | row | coded | value | curator's reason |", "| --- | --- | --- | --- | ---: | --- |",
        "| d2 | TRT | 6 | nb_civilians | 7 | injured, not killed |", ""]
