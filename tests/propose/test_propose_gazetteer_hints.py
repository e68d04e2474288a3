"""Where the offline gazetteer puts a place the dataset does not know: the one of that name in
the country the sentence names, the place after a country's possessive, and a town's name
before an admin noun as the region named for it. A small gazetteer stands in for GeoNames
(tests/conftest.py); texts of other wars, written for these tests."""

import pytest
from propose_support import killed_in_order

from tollbook.extract.propose.lexicon import Lexicon
from tollbook.extract.propose.pipeline import Document, propose_document
from tollbook.extract.propose.text import from_str


def placed(text):
    return [(c.count_value, c.location_text, c.place_geonames, c.where_prec)
            for c in killed_in_order(text, Lexicon())]


@pytest.mark.parametrize(("text", "expected"), [
    # the most populous place of the name, unless the sentence names another's country
    ("A drone attack killed 5 soldiers near the town of Pokrovsk on Monday.",
     [(5, "Pokrovsk", "GeoNames 563464 Engels, RU, city (51.48, 46.11)", 1)]),
    ("A drone attack killed 5 soldiers near the town of Pokrovsk in eastern Ukraine.",
     [(5, "Pokrovsk", "GeoNames 704422 Pokrovsk, UA, city (48.28, 37.18)", 1)]),
    # a country's possessive: the place after it, in that country, else the country
    ("Gunmen killed 40 people in a village in Sudan's El Obeid district.",
     [(40, "Sudan's El Obeid", "GeoNames 379252 El Obeid, SD, city (13.18, 30.22)", 1)]),
    ("Gunmen killed 40 people in a village in Sudan's North Kordofan state.",
     [(40, "Sudan's North Kordofan", "GeoNames 366755 Sudan, SD, country", 6)]),
    # a town's name before an admin noun: the region named for it
    ("Russian shelling killed 3 civilians in the Kherson oblast on Monday.",
     [(3, "Kherson", "GeoNames 706448 Kherson, UA, region named for the city (46.64, 32.61)",
       4)]),
    ("Russian shelling killed 3 civilians in the Kherson region on Monday.",
     [(3, "Kherson", "GeoNames 706448 Kherson, UA, region named for the city (46.64, 32.61)",
       3)]),
])
def test_where_the_offline_gazetteer_puts_a_place(text, expected):
    assert placed(text) == expected


def test_the_stored_gazetteer_keeps_namesakes_in_order(tmp_path, small_gazetteer):
    from tollbook.extract.propose import gazetteer as g

    path = tmp_path / "geonames.sqlite"
    g._store(small_gazetteer, path)
    stored = g._Stored(path)
    assert stored.lookup("Pokrovsk").name == "Engels"
    assert stored.lookup("Pokrovsk", "UA").name == "Pokrovsk"
    assert stored.lookup("Pokrovsk", "FR").name == "Engels"  # none there: the most populous


def test_a_headline_s_capitals_name_no_place():
    text = ("Coalition Airstrike Killed 12 at Wedding in Remote Mountain Village\n"
            "A coalition airstrike on a wedding party killed 12 civilians on Sunday.\n")
    assert [(c.count_value, c.location_text) for c in
            propose_document(Document("doc_00000000000000af", from_str(text), "t"),
                             Lexicon()).candidates if c.outcome == "killed"] == [
        (12, None), (12, None)]


def test_a_place_the_gazetteer_knows_gives_a_story_without_one_its_place():
    text = ("Over the past day, units of the Southern group repelled four attacks in the area of "
            "Pokrovsk in eastern Ukraine. The enemy lost up to 190 servicemen and two tanks.")
    assert placed(text) == [
        (190, "Pokrovsk", "GeoNames 704422 Pokrovsk, UA, city (48.28, 37.18)", 1)]


def test_a_sentence_naming_no_country_takes_the_document_s():
    text = ("Flash Update No. 3\nEscalation in Eastern Ukraine\n"
            "On 8 October, shelling hit a market in Pokrovsk town, killing 9 civilians.\n")
    assert placed(text) == [
        (9, "Pokrovsk", "GeoNames 704422 Pokrovsk, UA, city (48.28, 37.18)", 1)]
