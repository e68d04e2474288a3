"""The README's table list is generated from the models: stale text fails here."""

from factories import REPO

from tollbook.contract.schemas import TABLES
from tollbook.docs.readme_tables import refreshed_readme, render_tables_block


def test_readme_table_list_is_up_to_date():
    text = (REPO / "README.md").read_text(encoding="utf-8")
    assert refreshed_readme(text) == text, "run `tollbook docs` to refresh the README's tables block"


def test_every_table_is_listed_with_its_key():
    block = render_tables_block()
    for name in TABLES:
        assert f"| [{name}](docs/data-dictionary.md#{name}) |" in block
    assert "| casualty_id |" in block


def test_a_new_model_makes_the_readme_stale(monkeypatch):
    text = (REPO / "README.md").read_text(encoding="utf-8")
    monkeypatch.setitem(TABLES, "extra_table", TABLES["countries"])
    assert refreshed_readme(text) != text
