"""The datasheet's curation figures: decisions from the record files, minutes from the logs."""

from types import SimpleNamespace as NS

from tollbook.release.datasheet_curation import curation_section, decisions, minutes_per_document


def claim(cid, status, duplicate_of=None):
    return NS(claim_id=cid, review=NS(status=status), duplicate_of=duplicate_of)


RECORDS = {"doc_a": NS(content=NS(claims=[
    claim("clm_0123abcd_89abcdef", "accepted"), claim("clm_0123abcd_0000ffff", "edited"),
    claim("clm_0123abcd_11112222", "rejected"), claim("clm_0123abcd_m01", "accepted"),
    claim("clm_0123abcd_m02", "rejected"), claim("clm_0123abcd_33334444", "accepted", "clm_x_01"),
    claim("clm_0123abcd_55556666", "proposed")]))}


def test_decisions_are_counted_by_how_the_draft_fared():
    assert decisions(RECORDS) == {"drafted, accepted unedited": 1, "drafted, edited": 1, "drafted, rejected": 1,
                                  "added by hand": 1, "republished copies": 1, "still undecided": 1}


def test_minutes_come_from_the_logs_and_bad_lines_are_skipped(tmp_path):
    logs = tmp_path / "intake" / "curation-log"
    logs.mkdir(parents=True)
    (logs / "a.csv").write_text("document_id,started,finished,curator,note\n"
                                "doc_a,2026-12-01T10:00:00Z,2026-12-01T10:03:30Z,ana,\n"
                                "doc_b,2026-12-01T10:05:00Z,2026-12-01T10:06:00Z,ana,\n"
                                "doc_c,not a time,2026-12-01T10:06:00Z,ana,\n", encoding="utf-8")
    assert minutes_per_document(tmp_path) == [3.5, 1.0]
    lines = curation_section(NS(curation="Two curators."), RECORDS, tmp_path)
    assert lines[2] == "Two curators."
    assert lines[-2] == ("Curation time, from the curators' logs: 2 documents, median 2.2 minutes per document "
                         "(mean 2.2, total 0.1 hours of curator time).")
