"""One claim-id format in the README, docs/curation-format.md, docs/curation-guide.md and
`tollbook review --help`: the one `tollbook propose` writes (tollbook/extract/propose/ids.py)."""

from __future__ import annotations

import re

import factories
import yaml
from click.testing import CliRunner

from tollbook.cli import cli
from tollbook.extract.propose import ids

PLACEHOLDER = "clm_<doc8>_<span8>"
#: Ids of the 1.0.0 claims curated by hand before propose existed, named as such in the format page.
LEGACY = {"clm_b62e91b4_05", "cas_b62e91b4_05a"}
ID = re.compile(r"\b(?:clm|cas|air|chg)_[0-9a-f]{8}_[0-9a-z]+")


def _texts() -> dict[str, str]:
    docs = factories.REPO / "docs"
    return {"README.md": (factories.REPO / "README.md").read_text(encoding="utf-8"),
            "curation-format.md": (docs / "curation-format.md").read_text(encoding="utf-8"),
            "curation-guide.md": (docs / "curation-guide.md").read_text(encoding="utf-8"),
            "review --help": CliRunner().invoke(cli, ["review", "--help"]).output}


def _shape(identifier: str) -> str:
    """The id with its hex runs replaced by their lengths: clm_b62e91b4_8e80a012 -> clm_hex8_hex8."""
    prefix, *parts = identifier.split("_")
    return "_".join([prefix, *(f"hex{len(p)}" if re.fullmatch("[0-9a-f]+", p) else p for p in parts)])


def test_what_propose_writes_has_the_documented_shape():
    produced = ids.claim_id("doc_b62e91b403ca12d2", 1234, 1373)
    assert _shape(produced) == "clm_hex8_hex8"
    assert _shape(ids.figure_id("casualty", "doc_b62e91b403ca12d2", 1272, 1274)) == "cas_hex8_hex8"


def test_every_id_shown_is_one_propose_could_write():
    produced = _shape(ids.claim_id("doc_0000000000000000", 0, 1))
    every = {where: set(ID.findall(text)) - LEGACY for where, text in _texts().items()}
    assert all(every[where] for where in ("README.md", "curation-format.md", "review --help"))
    for where, shown in every.items():
        for identifier in shown:
            assert _shape(identifier) == produced.replace("clm", identifier[:3]), f"{where}: {identifier}"


def test_the_format_is_named_the_same_way_where_it_is_explained():
    texts = _texts()
    for where in ("curation-format.md", "curation-guide.md", "review --help"):
        assert PLACEHOLDER in texts[where], where
        assert not re.search(r"clm_<[^>]+>_<(?!span8>)", texts[where]), where


def test_the_format_pages_example_record_carries_the_ids_of_its_spans():
    text = _texts()["curation-format.md"]
    block = text.split("## Record file", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]
    record = yaml.safe_load(block)
    claim = record["claims"][0]
    assert claim["claim_id"] == ids.claim_id(record["document_id"], claim["char_start"], claim["char_end"])
    assert claim["char_end"] - claim["char_start"] == len(claim["quote"])
    for figure in claim["casualties"]:
        digits = str(figure["count"]["value"])
        start = claim["char_start"] + claim["quote"].index(f"{digits} ")
        assert figure["casualty_id"] == ids.figure_id("casualty", record["document_id"], start, start + len(digits))
