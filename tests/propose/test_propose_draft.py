import datetime as dt
import json

import yaml
from propose_support import propose_seed

from tollbook.extract.propose import draft, jsonl
from tollbook.extract.propose.jsonl import LEADING_FIELDS
from tollbook.extract.record_format import RecordFile


def test_draft_is_a_valid_record_file_with_every_claim_proposed(lexicon):
    proposal = propose_seed("003_b62e91b403ca12d2", lexicon, dt.date(2015, 4, 24))
    text = draft.render(proposal)
    data = yaml.safe_load(text)
    record = RecordFile.model_validate(data)
    assert {c.review.status for c in record.claims} == {"proposed"}
    stored = proposal.document.text
    for claim in record.claims:
        assert stored[claim.char_start:claim.char_end] == claim.quote
    (killed,) = [c for c in record.claims if c.casualties]
    assert [(f.count.value, f.outcome, f.party_text) for f in killed.casualties] == [
        (30, "killed", "regime troops"), (43, "killed", "rebels"), (13, "killed",
                                                                    "Chechen fighters")]
    assert killed.casualties[2].part_of == killed.casualties[1].casualty_id
    assert (killed.claimant, killed.relayed_by, killed.date.prec) == ("act_sohr", ["act_afp"], 2)
    assert "# confidence" in text and "Offsets refer to the stored text" in text


def test_draft_of_a_document_without_figures(lexicon):
    proposal = propose_seed("003_b62e91b403ca12d2", lexicon, dt.date(2015, 4, 24))
    proposal.candidates = []
    assert yaml.safe_load(draft.render(proposal))["claims"] == []


def test_jsonl_lines_carry_the_required_fields(lexicon):
    proposal = propose_seed("003_b62e91b403ca12d2", lexicon, dt.date(2015, 4, 24))
    lines = jsonl.render(proposal.candidates).splitlines()
    rows = [json.loads(line) for line in lines]
    assert len(rows) == len(proposal.candidates)
    assert all(list(r)[:len(LEADING_FIELDS)] == list(LEADING_FIELDS) for r in rows)
    assert [r["confidence"] for r in rows] == sorted((r["confidence"] for r in rows),
                                                     reverse=True)
    assert {(r["count_best"], r["outcome"]) for r in rows} >= {(30, "killed"), (43, "killed"),
                                                               (13, "killed"), (34, "airstrike")}
