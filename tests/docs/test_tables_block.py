"""The table list of docs/releases.md is generated from the models: stale text fails here."""

from factories import REPO

from tollbook.contract.schemas import TABLES
from tollbook.docs.tables_block import refreshed_page, render_tables_block


def test_table_list_is_up_to_date():
    text = (REPO / "docs" / "releases.md").read_text(encoding="utf-8")
    assert refreshed_page(text) == text, "run `tollbook docs` to refresh the tables block of docs/releases.md"


def test_every_table_is_listed_with_its_key():
    block = render_tables_block()
    for name in TABLES:
        assert f"| [{name}](data-dictionary.md#{name}) |" in block
    assert "| casualty_id |" in block


def test_a_new_model_makes_the_list_stale(monkeypatch):
    text = (REPO / "docs" / "releases.md").read_text(encoding="utf-8")
    monkeypatch.setitem(TABLES, "extra_table", TABLES["countries"])
    assert refreshed_page(text) != text
