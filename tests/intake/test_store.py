"""Storing texts: hash names, sidecars, duplicates refused, republications suggested."""

import datetime as dt
import hashlib

import pytest
import yaml

from tollbook.extract.intake.store import Catalogue, IntakeError, NewSource, name_hash, store

WIRE = ("Wed 05 Apr 2017 Blast kills 16 in Hasaka. A suicide bomb blast killed at least 16 people in the "
        "mostly Kurdish city of Hasaka on Tuesday, a monitoring group said. The group said several other "
        "people were wounded and the toll was likely to rise because of the number of serious injuries.")


def new(**kw):
    return NewSource(**{"title": "Blast kills 16 in Hasaka", "outlet": "The Test Paper", "outlet_id": "act_paper",
                        **kw})


def test_a_text_is_stored_under_its_hash_with_a_complete_sidecar(tiny_dataset):
    added = store(Catalogue.read(tiny_dataset), WIRE, new())
    digest = hashlib.sha256(WIRE.encode()).hexdigest()
    assert added.document_id == f"doc_{digest[:16]}" == f"doc_{name_hash(WIRE)}"
    assert added.text_path.name == f"001_{digest[:16]}.txt"
    assert added.text_path.read_bytes() == WIRE.encode()
    side = yaml.safe_load(added.sidecar_path.read_text(encoding="utf-8"))
    start = WIRE.index("A suicide")
    assert side["text_sha256"] == digest
    assert side["published_date"] == dt.date(2017, 4, 5)
    assert side["published_date_evidence"] == {"kind": "dateline", "text": "Wed 05 Apr 2017"}
    assert side["body"] == {"char_start": start, "char_end": len(WIRE), "first_words": "A suicide bomb blast killed",
                            "last_words": "the number of serious injuries."}
    assert side["story_id"] == f"sty_{digest[:16]}"
    assert "original" not in side


def test_the_stored_document_passes_check(tiny_dataset):
    from tollbook.pipeline import prepare

    store(Catalogue.read(tiny_dataset), WIRE, new())
    assert prepare(tiny_dataset).problems == []


def test_exact_and_normalised_duplicates_are_refused_naming_the_stored_document(tiny_dataset):
    cat = Catalogue.read(tiny_dataset)
    first = store(cat, WIRE, new())
    with pytest.raises(IntakeError, match=f"already stored as {first.document_id}"):
        store(cat, WIRE, new())
    with pytest.raises(IntakeError, match=f"already stored as {first.document_id}"):
        store(Catalogue.read(tiny_dataset), WIRE.upper().replace(". ", ".  "), new())


def test_a_near_duplicate_is_reported_as_a_likely_republication(tiny_dataset):
    cat = Catalogue.read(tiny_dataset)
    first = store(cat, WIRE, new())
    copy = WIRE.replace("Wed 05 Apr 2017", "Published April 5 2017") + " Source: agencies"
    second = store(cat, copy, new())
    assert [d for d, _ in second.near] == [first.document_id]
    assert second.near[0][1] >= 0.7


def test_a_republication_shares_the_original_story(tiny_dataset):
    cat = Catalogue.read(tiny_dataset)
    first = store(cat, WIRE, new())
    copy = WIRE.replace("Wed 05 Apr 2017", "Thu 06 Apr 2017")
    second = store(cat, copy, new(outlet="Other Paper", republication_of=first.document_id))
    side = yaml.safe_load(second.sidecar_path.read_text(encoding="utf-8"))
    assert side["story_id"] == f"sty_{first.document_id[4:]}"
    assert side["original"] == {"document_id": first.document_id, "outlet": "The Test Paper", "authors": [],
                                "published_date": dt.date(2017, 4, 5)}
    assert second.near == []  # the named original is not reported again


def test_no_date_is_an_error_unless_given(tiny_dataset):
    text = "A blast killed 3 people in Testville on Monday, the Monitor said."
    with pytest.raises(IntakeError, match="no publication date found"):
        store(Catalogue.read(tiny_dataset), text, new(title=None))
    added = store(Catalogue.read(tiny_dataset), text,
                  new(title=None, published_date=dt.date(2015, 4, 22),
                      published_evidence={"kind": "inferred", "reason": "the outlet's index page"}))
    side = yaml.safe_load(added.sidecar_path.read_text(encoding="utf-8"))
    assert side["published_date_evidence"] == {"kind": "inferred", "reason": "the outlet's index page"}


def test_a_dry_run_writes_nothing(tiny_dataset):
    before = sorted(p.name for p in (tiny_dataset / "sources").iterdir())
    store(Catalogue.read(tiny_dataset), WIRE, new(), dry_run=True)
    assert sorted(p.name for p in (tiny_dataset / "sources").iterdir()) == before


def test_sidecars_are_plain_yaml_without_anchors(tiny_dataset):
    added = store(Catalogue.read(tiny_dataset), WIRE, new(authors=("A",)))
    assert "&id" not in added.sidecar_path.read_text(encoding="utf-8")
