import datetime as dt

import pytest

from tollbook.extract.propose.review import (
    Decision,
    ReviewError,
    complete_reviews,
    decide,
    decided_ids,
    merge,
)

DAY = dt.date(2026, 11, 21)


def claim(cid, start, end, status="proposed", **review):
    return {"claim_id": cid, "review": {"status": status, **review}, "quote": "q",
            "char_start": start, "char_end": end}


def record(*claims):
    return {"document_id": "doc_0123456789abcdef", "claims": list(claims)}


def test_new_claims_are_added_and_proposed_ones_updated():
    old = record(claim("clm_01234567_aaaaaaaa", 0, 10))
    new = record(claim("clm_01234567_aaaaaaaa", 0, 10, "accepted", by="ana", on=DAY),
                 claim("clm_01234567_bbbbbbbb", 20, 30))
    merged, report = merge(new, old)
    assert [(c["claim_id"], c["review"]["status"]) for c in merged["claims"]] == [
        ("clm_01234567_aaaaaaaa", "accepted"), ("clm_01234567_bbbbbbbb", "proposed")]
    assert (report.added, report.updated) == (["clm_01234567_bbbbbbbb"],
                                              ["clm_01234567_aaaaaaaa"])


def test_decisions_are_never_lost_and_rejections_never_return():
    rejected = claim("clm_01234567_aaaaaaaa", 0, 10, "rejected", by="ana", on=DAY,
                     reason="a year, not a count")
    curated = claim("clm_01234567_05", 40, 60, "accepted", by="ana", on=DAY)
    old = record(rejected, curated)
    again = record(claim("clm_01234567_aaaaaaaa", 0, 10), claim("clm_01234567_cccccccc", 40, 60),
                   claim("clm_01234567_dddddddd", 70, 80, "accepted", by="bo", on=DAY))
    merged, report = merge(again, old)
    assert merged["claims"][:2] == [rejected, curated]
    assert [c["claim_id"] for c in merged["claims"]] == [
        "clm_01234567_aaaaaaaa", "clm_01234567_05", "clm_01234567_dddddddd"]
    assert (report.kept, report.covered) == (["clm_01234567_aaaaaaaa"], ["clm_01234567_cccccccc"])
    assert decided_ids(merged) == {"clm_01234567_aaaaaaaa", "clm_01234567_05",
                                   "clm_01234567_dddddddd"}


def test_conflicting_decision_keeps_the_record_and_is_reported():
    old = record(claim("clm_01234567_aaaaaaaa", 0, 10, "accepted", by="ana", on=DAY))
    new = record(claim("clm_01234567_aaaaaaaa", 0, 10, "rejected", by="bo", on=DAY, reason="x"))
    merged, report = merge(new, old)
    assert merged["claims"][0]["review"]["status"] == "accepted"
    assert report.conflicts == ["clm_01234567_aaaaaaaa"]


def test_command_line_decisions_and_their_requirements():
    claims = [claim("clm_01234567_aaaaaaaa", 0, 10), claim("clm_01234567_bbbbbbbb", 20, 30)]
    decide(claims, [Decision("clm_01234567_aaaaaaaa", "accepted"),
                    Decision("clm_01234567_bbbbbbbb", "rejected", "an age")], "ana", DAY)
    assert claims[0]["review"] == {"status": "accepted", "by": "ana", "on": DAY, "note": None}
    assert claims[1]["review"]["reason"] == "an age"
    with pytest.raises(ReviewError, match="needs a reason"):
        decide(claims, [Decision("clm_01234567_aaaaaaaa", "rejected")], "ana", DAY)
    with pytest.raises(ReviewError, match="no claim clm_x"):
        decide(claims, [Decision("clm_x", "accepted")], "ana", DAY)
    unsigned = [claim("clm_01234567_aaaaaaaa", 0, 10, "edited")]
    with pytest.raises(ReviewError, match="pass --by"):
        complete_reviews(unsigned, None, DAY)
    complete_reviews(unsigned, "bo", DAY)
    assert unsigned[0]["review"] == {"status": "edited", "by": "bo", "on": DAY}
    with pytest.raises(ReviewError, match="without a reason"):
        complete_reviews([claim("clm_01234567_aaaaaaaa", 0, 10, "rejected", by="bo")], None, DAY)


def test_other_documents_are_refused():
    with pytest.raises(ReviewError, match="the draft is for"):
        merge(record(), {"document_id": "doc_ffffffffffffffff", "claims": []})
