"""The lexicon's ``grammar`` section: the function words the pairing reads are data, a
dataset's lexicon extends them, and a key the pairing does not read is an error."""

import pytest

from tollbook.extract.propose.grammar import Grammar
from tollbook.extract.propose.lexicon import Lexicon
from tollbook.extract.propose.pipeline import Document, propose_document
from tollbook.extract.propose.tagger import LEXICON, Words, _read, read_words
from tollbook.extract.propose.text import from_str


def killed(text, words=None):
    lex = Lexicon.from_rows(words=words)
    doc = Document("doc_00000000000000ad", from_str(text), "t")
    return [(c.count_value, c.party_text, c.part_of is not None)
            for c in sorted(propose_document(doc, lex).candidates, key=lambda c: c.char_start)
            if c.outcome == "killed"]


def test_the_packaged_grammar():
    g = read_words().grammar
    assert {"and", "were", "the"} <= g.party_stops
    assert g.nested.search("30 people were killed, among them ")
    assert g.hypothetical.search("rebels threatened to seize it")  # "threaten*"
    assert not g.hypothetical.search("rebels seized it")
    assert g.joiners[:2] == ("along with", "as well as")


def test_a_dataset_adds_a_nested_lead():
    text = "Shelling killed 30 people, notably 12 children, in Kharkiv."
    assert killed(text, read_words()) == [(30, "people", False)]
    extended = Words.from_data(_read(LEXICON, LEXICON.stat().st_mtime),
                               {"grammar": {"nested": ["notably"]}})
    assert killed(text, extended) == [(30, "people", False), (12, "children", True)]


def test_an_unknown_grammar_key_is_an_error_naming_file_and_line(tmp_path):
    path = tmp_path / "propose-lexicon.yaml"
    path.write_text("grammar:\n  nested: [notably]\n  party_stop: [amid]\n", encoding="utf-8")
    with pytest.raises(ValueError) as error:
        _read(path, path.stat().st_mtime)
    assert str(error.value).startswith(f"{path}:3: grammar: unknown key 'party_stop' (known: "
                                       "party_stops, clause_breaks,")


def test_an_empty_grammar_matches_nothing():
    g = Grammar.from_data({})
    assert not g.nested.search("including ")
    assert not g.hypothetical.search("would")
    assert g.clause_end.search("a, b")
