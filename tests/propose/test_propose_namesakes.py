"""Places that share a name ("Pokrovske (Donetsk)", "Pokrovske (Dnipropetrovsk)" in the
tables), told apart by the place a text names them in or the story's place before them."""

import pytest
from propose_support import killed_in_order

from tollbook.extract.propose.lexicon import Lexicon
from tollbook.extract.propose.names import NameIndex, core


def _loc(loc_id, name, feature, admin1, where_prec=1):
    return {"location_id": loc_id, "name": name, "feature_type": feature, "admin1": admin1,
            "where_prec": where_prec, "country_iso3": "UKR"}


LOCATIONS = [
    _loc("loc_donetsk_obl", "Donetsk Oblast", "admin1", "Donetsk", 4),
    _loc("loc_dnipro_obl", "Dnipropetrovsk Oblast", "admin1", "Dnipropetrovsk", 4),
    _loc("loc_dnipro", "Dnipro", "city", "Dnipropetrovsk"),
    _loc("loc_kramatorsk", "Kramatorsk", "city", "Donetsk"),
    _loc("loc_pokrovske_donetsk", "Pokrovske (Donetsk)", "village", "Donetsk"),
    _loc("loc_pokrovske_dnipro", "Pokrovske (Dnipropetrovsk)", "village", "Dnipropetrovsk"),
]
VARIANTS = [{"variant": "Donetsk oblast", "location_id": "loc_donetsk_obl"}]


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return Lexicon.from_rows(locations=LOCATIONS, location_variants=VARIANTS)


def places(text, lex):
    return [(c.count_value, c.location_id) for c in killed_in_order(text, lex)]


def test_core_drops_the_qualifier_and_leading_particles():
    assert core("al-Midan (Aleppo)", ("al",)) == core("Midan (Damascus)", ("al",)) == "midan"
    assert core("Al", ("al",)) == "al"


def test_the_index_knows_namesakes_and_their_bare_name(lex):
    assert lex.names.namesakes == {
        "pokrovske": ("loc_pokrovske_dnipro", "loc_pokrovske_donetsk")}
    assert lex.names.lookup("Pokrovske", kind="location") is not None
    assert NameIndex.build(locations=[("Dnipro", "loc_a")]).namesakes == {}


@pytest.mark.parametrize(("text", "expected"), [
    # the place it is "in" right after
    ("Shelling hit the village of Pokrovske in Donetsk oblast, killing 3 people.",
     [(3, "loc_pokrovske_donetsk")]),
    # the story's place before it
    ("Missiles struck Dnipro overnight. In Pokrovske, 2 people were killed.",
     [(2, "loc_pokrovske_dnipro")]),
    ("Missiles struck Kramatorsk overnight. In Pokrovske, 2 people were killed.",
     [(2, "loc_pokrovske_donetsk")]),
])
def test_a_namesake_is_the_one_its_context_places(lex, text, expected):
    assert places(text, lex) == expected
