"""The workbench app through Starlette's TestClient: the token gate, the queue, saves through
review(), conflicts refused, claims from a selection and inline check problems."""

from __future__ import annotations

import hashlib

import pytest
import yaml

pytest.importorskip("starlette")
pytest.importorskip("httpx2")

from starlette.testclient import TestClient  # noqa: E402
from workbench.conftest import MISSED  # noqa: E402

from tollbook.workbench.app import create_app  # noqa: E402

TOKEN = "test-token"
H = {"X-Tollbook-Token": TOKEN}


@pytest.fixture
def client(drafted):
    return TestClient(create_app(drafted.dataset, drafted.drafts, TOKEN))


def claims_of(path):
    return {c["claim_id"]: c for c in yaml.safe_load(path.read_text(encoding="utf-8"))["claims"]}


def doc(client, drafted):
    r = client.get(f"/api/doc/{drafted.stem}", headers=H)
    assert r.status_code == 200, r.text
    return r.json()


def by_quote(document, start):
    return next(c for c in document["claims"] if c["quote"].startswith(start))


def save(client, drafted, decisions, sha, new_claims=(), by="ana"):
    return client.post(f"/api/doc/{drafted.stem}/save", headers=H,
                       json={"by": by, "expected_sha": sha, "decisions": decisions,
                             "new_claims": list(new_claims)})


@pytest.mark.parametrize("path", ["/", "/api/queue", "/api/choices", "/static/workbench.js"])
def test_requests_without_the_token_are_refused(client, path):
    assert client.get(path).status_code == 403
    assert client.get(path + ("&" if "?" in path else "?") + "token=wrong").status_code == 403
    assert client.get(path, headers={"X-Tollbook-Token": "wrong"}).status_code == 403


def test_the_page_and_its_assets_need_and_carry_the_token(client):
    page = client.get(f"/?token={TOKEN}")
    assert page.status_code == 200
    assert f"static/workbench.js?token={TOKEN}" in page.text
    assert "http://" not in page.text and "https://" not in page.text  # nothing from the network
    assert client.get(f"/static/workbench.js?token={TOKEN}").status_code == 200
    assert client.get(f"/static/workbench.css?token={TOKEN}").status_code == 200
    assert client.get(f"/static/..%2Fapp.py?token={TOKEN}").status_code == 404


def test_queue_lists_documents_with_undecided_claims_and_progress(client, drafted):
    data = client.get("/api/queue", headers=H).json()
    assert [d["stem"] for d in data["documents"]] == [drafted.stem]  # the factory's record is all decided
    assert data["documents"][0]["undecided"] == data["documents"][0]["claims"] == 3
    assert data["progress"] == {"decided": 3, "total": 6, "by_curator": {"tests": 3}}


def test_document_view_has_text_body_claims_and_underlined_numbers(client, drafted):
    d = doc(client, drafted)
    assert d["text"] == drafted.text and d["record_sha"] == "" and d["has_draft"]
    first = by_quote(d, "At least 8 civilians")
    assert [d["text"][s:e] for s, e in first["numbers"]] == ["8", "14"]


def test_accept_saves_through_review_into_the_record_file(client, drafted):
    d = doc(client, drafted)
    claim = by_quote(d, "The army said")
    r = save(client, drafted, [{"claim_id": claim["claim_id"], "status": "accepted"}], d["record_sha"])
    assert r.status_code == 200, r.text
    saved = claims_of(drafted.record)
    assert saved[claim["claim_id"]]["review"]["status"] == "accepted"
    assert saved[claim["claim_id"]]["review"]["by"] == "ana"
    assert len(saved) == 3  # the draft's undecided claims come along, still proposed
    assert r.json()["record_sha"] == hashlib.sha256(drafted.record.read_bytes()).hexdigest()
    assert r.json()["problems"] == []
    queue = client.get("/api/queue", headers=H).json()
    assert queue["progress"] == {"decided": 4, "total": 6, "by_curator": {"ana": 1, "tests": 3}}


def test_a_save_merges_the_draft_into_the_record_once(client, drafted, monkeypatch):
    """The check of the merged record and the write see the same merge: review runs once."""
    from tollbook.extract.propose import review_files

    real, calls = review_files.merge, []
    monkeypatch.setattr(review_files, "merge", lambda *a: calls.append(a) or real(*a))
    d = doc(client, drafted)
    army = by_quote(d, "The army said")
    r = save(client, drafted, [{"claim_id": army["claim_id"], "status": "accepted"}], d["record_sha"])
    assert r.status_code == 200, r.text
    assert len(calls) == 1


def test_reject_needs_a_reason_and_edits_become_edited(client, drafted):
    d = doc(client, drafted)
    toll = by_quote(d, "The toll")
    r = save(client, drafted, [{"claim_id": toll["claim_id"], "status": "rejected"}], d["record_sha"])
    assert r.status_code == 422 and "needs a reason" in r.json()["error"]
    assert not drafted.record.exists()
    r = save(client, drafted, [{"claim_id": toll["claim_id"], "status": "rejected", "reason": "a running toll"}],
             d["record_sha"])
    assert r.status_code == 200, r.text
    first = by_quote(d, "At least 8 civilians")
    figures = [dict(f) for f in first["casualties"]]
    figures[1]["count"] = {"value": 15, "qualifier": "exact"}
    r = save(client, drafted, [{"claim_id": first["claim_id"], "status": "accepted",
                                "edits": {"casualties": figures, "claimant": first["claimant"]}}],
             r.json()["record_sha"])
    assert r.status_code == 200, r.text
    saved = claims_of(drafted.record)
    assert saved[toll["claim_id"]]["review"] | {} == {**saved[toll["claim_id"]]["review"], "status": "rejected",
                                                       "reason": "a running toll"}
    assert saved[first["claim_id"]]["review"]["status"] == "edited"
    assert saved[first["claim_id"]]["casualties"][1]["count"] == {"value": 15, "qualifier": "exact"}


def test_a_record_file_changed_since_the_page_read_it_is_refused(client, drafted):
    d = doc(client, drafted)
    army, toll = by_quote(d, "The army said"), by_quote(d, "The toll")
    # another tab saves first
    assert save(client, drafted, [{"claim_id": army["claim_id"], "status": "accepted"}], d["record_sha"],
                by="bo").status_code == 200
    before = drafted.record.read_bytes()
    r = save(client, drafted, [{"claim_id": toll["claim_id"], "status": "rejected", "reason": "x"}],
             d["record_sha"])
    assert r.status_code == 409
    assert "changed since it was opened" in r.json()["error"]
    assert drafted.record.read_bytes() == before
    # a hand edit meanwhile is refused the same way
    fresh = doc(client, drafted)
    drafted.record.write_text(drafted.record.read_text(encoding="utf-8") + "\n# hand edit\n", encoding="utf-8")
    r = save(client, drafted, [{"claim_id": toll["claim_id"], "status": "rejected", "reason": "x"}],
             fresh["record_sha"])
    assert r.status_code == 409
    assert "hand edit" in drafted.record.read_text(encoding="utf-8")


def test_a_claim_from_a_selection_gets_its_offsets_and_is_saved(client, drafted):
    d = doc(client, drafted)
    start = drafted.text.index(MISSED)
    # the selection, with a blank on each side, as a mouse often makes it
    r = client.post(f"/api/doc/{drafted.stem}/selection", headers=H, json={"start": start - 1,
                                                                             "end": start + len(MISSED) + 1})
    assert r.status_code == 200, r.text
    claim = r.json()["claim"]
    assert (claim["char_start"], claim["char_end"]) == (start, start + len(MISSED))
    assert claim["quote"] == MISSED
    edits = {"claimant": "act_monitor", "relayed_by": ["act_paper"],
             "casualties": [{"casualty_id": claim["claim_id"].replace("clm_", "cas_") + "a",
                             "outcome": "killed", "party_text": "neighbours",
                             "count": {"value": 6, "qualifier": "exact"}}]}
    r = save(client, drafted, [{"claim_id": claim["claim_id"], "status": "accepted", "edits": edits}],
             d["record_sha"], new_claims=[{"char_start": start, "char_end": start + len(MISSED)}])
    assert r.status_code == 200, r.text
    saved = claims_of(drafted.record)[claim["claim_id"]]
    assert (saved["quote"], saved["char_start"], saved["char_end"]) == (MISSED, start, start + len(MISSED))
    assert saved["review"]["status"] == "edited"
    assert r.json()["problems"] == []


def test_a_selection_outside_the_body_is_refused(client, drafted):
    r = client.post(f"/api/doc/{drafted.stem}/selection", headers=H, json={"start": 0, "end": 10})
    assert r.status_code == 422 and "outside the article body" in r.json()["error"]


def test_check_problems_of_the_saved_record_come_back_with_their_field(client, drafted):
    d = doc(client, drafted)
    army = by_quote(d, "The army said")
    # a three-day window with day precision: the check's date-precision rule objects
    date = {"start": "2015-04-20", "end": "2015-04-22", "prec": 1}
    r = save(client, drafted, [{"claim_id": army["claim_id"], "status": "accepted", "edits": {"date": date}}],
             d["record_sha"])
    assert r.status_code == 200, r.text
    problems = r.json()["problems"]
    assert problems and {p["code"] for p in problems} == {"date-precision"}
    assert all(p["record_id"] == army["claim_id"] for p in problems)
    assert all(p["field"] and "date" in p["field"] for p in problems)


def test_a_decision_the_record_format_refuses_is_not_written(client, drafted):
    d = doc(client, drafted)
    toll = by_quote(d, "The toll")  # accepted with its claimant taken away
    r = save(client, drafted, [{"claim_id": toll["claim_id"], "status": "accepted",
                                "edits": {"claimant": None}}], d["record_sha"])
    assert r.status_code == 422
    assert "needs a claimant" in r.json()["error"]
    assert not drafted.record.exists()


def test_decided_claims_are_not_changed(client, drafted):
    d = doc(client, drafted)
    army = by_quote(d, "The army said")
    r = save(client, drafted, [{"claim_id": army["claim_id"], "status": "accepted"}], d["record_sha"])
    r = save(client, drafted, [{"claim_id": army["claim_id"], "status": "rejected", "reason": "x"}],
             r.json()["record_sha"])
    assert r.status_code == 422 and "already accepted" in r.json()["error"]


def test_a_record_file_with_proposed_claims_is_its_own_draft(client, drafted):
    drafted.record.parent.mkdir(exist_ok=True)
    drafted.draft.rename(drafted.record)
    d = doc(client, drafted)
    army = by_quote(d, "The army said")
    assert not d["has_draft"] and d["record_sha"]
    r = save(client, drafted, [{"claim_id": army["claim_id"], "status": "accepted"}], d["record_sha"])
    assert r.status_code == 200, r.text
    assert claims_of(drafted.record)[army["claim_id"]]["review"]["status"] == "accepted"


def test_new_reference_rows_are_kept_only_when_the_check_passes(client, drafted):
    actors = drafted.dataset / "reference" / "actors.csv"
    before = actors.read_bytes()
    r = client.post("/api/reference/actors", headers=H,
                    json={"row": {"actor_id": "act_residents", "name": "Residents", "actor_type": "civilians"}})
    assert r.status_code == 200, r.text
    assert actors.read_text(encoding="utf-8").endswith("act_residents,Residents,civilians,\n")
    assert any(a["id"] == "act_residents" for a in client.get("/api/choices", headers=H).json()["actors"])
    after = actors.read_bytes()
    r = client.post("/api/reference/actors", headers=H,
                    json={"row": {"actor_id": "act_residents", "name": "Again", "actor_type": "civilians"}})
    assert r.status_code == 422
    assert {p["code"] for p in r.json()["problems"]} == {"duplicate-id"}
    assert actors.read_bytes() == after != before
    r = client.post("/api/reference/sidecars", headers=H, json={"row": {}})
    assert r.status_code == 422


def test_events_are_suggested_near_in_date_and_place_and_can_be_created(client, drafted):
    found = client.get("/api/events/suggest?date=2015-04-22&location=loc_testville", headers=H).json()
    assert [e["id"] for e in found["events"]] == ["evt_test_battle"]
    far = client.get("/api/events/suggest?date=2015-08-01&location=loc_testville", headers=H).json()
    assert far["events"] == []
    event = {"event_id": "evt_test_market_shelling", "event_type": "shelling", "title": "Market shelling",
             "date_start": "2015-04-22", "date_end": "2015-04-22", "date_prec": 1, "location": "loc_testville"}
    r = client.post("/api/events", headers=H, json={"event": event, "by": "Ana"})
    assert r.status_code == 200, r.text
    assert r.json()["written"] == "events/ana.yaml"
    bad = dict(event, event_id="evt_test_bad", location="loc_nowhere")
    r = client.post("/api/events", headers=H, json={"event": bad, "by": "Ana"})
    assert r.status_code == 422 and {p["code"] for p in r.json()["problems"]} == {"foreign-key"}
    ids = [e["event_id"] for e in yaml.safe_load((drafted.dataset / "events" / "ana.yaml").read_text())["events"]]
    assert ids == ["evt_test_market_shelling"]


def test_review_itself_refuses_a_file_changed_between_the_page_check_and_the_write(client, drafted, monkeypatch):
    from tollbook.workbench import saving

    real = saving.review

    def meddling(draft, into, *args, **kwargs):
        if not kwargs.get("dry_run"):  # a hand edit lands after the workbench's own check
            into.write_text("document_id: " + yaml.safe_load(draft.read_text())["document_id"] + "\nclaims: []\n")
        return real(draft, into, *args, **kwargs)

    monkeypatch.setattr(saving, "review", meddling)
    d = doc(client, drafted)
    army = by_quote(d, "The army said")
    r = save(client, drafted, [{"claim_id": army["claim_id"], "status": "accepted"}], d["record_sha"])
    assert r.status_code == 409 and "changed since it was opened" in r.json()["error"]
    assert yaml.safe_load(drafted.record.read_text())["claims"] == []


def test_an_interrupted_write_leaves_the_old_record_file(client, drafted, monkeypatch):
    import os

    d = doc(client, drafted)
    army, toll = by_quote(d, "The army said"), by_quote(d, "The toll")
    r = save(client, drafted, [{"claim_id": army["claim_id"], "status": "accepted"}], d["record_sha"])
    old = drafted.record.read_bytes()

    def crash(src, dst):
        raise KeyboardInterrupt  # as if the process died between writing the new file and renaming it

    monkeypatch.setattr(os, "replace", crash)
    from tollbook.workbench.documents import Folders
    from tollbook.workbench.saving import save as save_directly

    with pytest.raises(KeyboardInterrupt):
        save_directly(Folders(drafted.dataset, drafted.drafts), drafted.stem,
                      [{"claim_id": toll["claim_id"], "status": "rejected", "reason": "x"}], "ana",
                      r.json()["record_sha"])
    assert drafted.record.read_bytes() == old
    assert not [p.name for p in drafted.record.parent.iterdir() if p.name.endswith(".part")]
