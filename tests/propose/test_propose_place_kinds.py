"""The place of a figure when the tables say what kind of place each is (``feature_type``)
and where it lies: a town does not lie in a town, a part of a town lies near it, a town's
name before "province" or after "rural" stands for its province, and "the province" points
back to the place named last. Texts of other wars, written for these tests."""

import pytest
import yaml
from propose_support import killed_in_order

from tollbook.extract.propose import draft
from tollbook.extract.propose.admin_units import as_units, unit_anaphora, units_of
from tollbook.extract.propose.lexicon import Lexicon
from tollbook.extract.propose.names import NameMention
from tollbook.extract.propose.pipeline import Document, propose_document
from tollbook.extract.propose.text import from_str
from tollbook.extract.propose.unnamed_sites import PlaceTables, describes_site, names_inside


def _loc(loc_id, name, feature, admin1, where_prec, lat, lon, country="UKR"):
    return {"location_id": loc_id, "name": name, "feature_type": feature, "admin1": admin1,
            "where_prec": where_prec, "latitude": lat, "longitude": lon, "country_iso3": country}


LOCATIONS = [
    _loc("loc_ukraine", "Ukraine", "country", None, 6, 49.0, 32.0),
    _loc("loc_kherson_obl", "Kherson Province", "admin1", "Kherson", 4, 46.7, 33.5),
    _loc("loc_kherson", "Kherson", "city", "Kherson", 1, 46.635, 32.617),
    _loc("loc_shumenskyi", "Shumenskyi", "neighbourhood", "Kherson", 2, 46.635, 32.617),
    _loc("loc_kakhovka_dam", "Kakhovka dam", "site", "Kherson", 2, 46.777, 33.370),
    _loc("loc_bilozerka", "Bilozerka", "town", "Kherson", 1, 46.632, 32.393),
    _loc("loc_beryslav", "Beryslav", "town", "Kherson", 1, 46.842, 33.426),
    _loc("loc_kharkiv", "Kharkiv", "city", "Kharkiv", 1, 49.99, 36.23),
    _loc("loc_kyselivka", "Kyselivka", "village", "Mykolaiv", 1, 46.78, 32.73),
    _loc("loc_dnipro_delta", "Dnipro Delta", "region", "Kherson", 3, 46.55, 32.50),
]


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return Lexicon.from_rows(locations=LOCATIONS)


def places(text, lex):
    return [(c.count_value, c.location_id, c.location_text) for c in killed_in_order(text, lex)]


@pytest.mark.parametrize(("text", "expected"), [
    # a site inside a town: the town, not the next town of its province named after
    ("Shells hit a market in the town of Bilozerka on Sunday, killing 9 people. Later, "
     "strikes hit Beryslav.", [(9, "loc_bilozerka", "Bilozerka")]),
    # a part of a city named after: the part
    ("Shelling of a district of Kherson killed 3 children on Monday. The shells fell on "
     "Shumenskyi.", [(3, "loc_shumenskyi", "Shumenskyi")]),
    # ... not a site of the province 60 km away
    ("Shelling of a district of Kherson killed 4 people on Monday. Fighting went on at the "
     "Kakhovka dam.", [(4, "loc_kherson", "Kherson")]),
    # a town "in" a place of a town's kind: the name stands for its province
    ("Shelling of a village in Kherson killed 6 people. The shells hit Bilozerka at dawn.",
     [(6, "loc_bilozerka", "Bilozerka")]),
    # ... but "near" a city, any place around it (within 40 km of its point)
    ("Strikes on a village near Kherson killed 5 people. The strikes hit Bilozerka.",
     [(5, "loc_bilozerka", "Bilozerka")]),
    ("Strikes on a village near Kherson killed 5 people. The strikes hit Beryslav.",
     [(5, "loc_kherson", "Kherson")]),
])
def test_what_lies_inside_a_place_depends_on_its_kind(lex, text, expected):
    assert places(text, lex) == expected


def test_a_sentence_naming_a_town_in_its_province_is_not_narrowed_by_the_next(lex):
    text = ("Bilozerka in Kherson province suffered strikes which killed seven people. Another "
            "seven people were killed in raids on Beryslav further east.")
    assert places(text, lex) == [(7, "loc_bilozerka", "Bilozerka"),
                                 (7, "loc_beryslav", "Beryslav")]


@pytest.mark.parametrize(("text", "expected"), [
    # a name before an admin noun the tables do not list as a variant: the province
    ("Shelling killed 5 civilians in Kherson oblast on Monday.",
     [(5, "loc_kherson_obl", "Kherson oblast")]),
    ("Shelling killed 5 civilians in the southern province of Kherson on Monday.",
     [(5, "loc_kherson_obl", "Kherson")]),
    # the land around a town
    ("Drones killed 2 farmers in rural Kherson on Monday.", [(2, "loc_kherson_obl", "Kherson")]),
    ("Drones killed 2 farmers in the Kherson countryside on Monday.",
     [(2, "loc_kherson_obl", "Kherson countryside")]),
    # a town the sentence names in it is still the place
    ("Drones killed 2 farmers in Bilozerka in rural Kherson on Monday.",
     [(2, "loc_bilozerka", "Bilozerka")]),
    # the city itself
    ("Shelling killed 5 civilians in the city of Kherson on Monday.",
     [(5, "loc_kherson", "Kherson")]),
])
def test_a_town_named_as_its_province(lex, text, expected):
    assert places(text, lex) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Artillery pounded Kherson on Sunday. Strikes killed 26 people across the province "
     "overnight.", [(26, "loc_kherson_obl", "the province")]),
    ("Artillery pounded Bilozerka on Sunday. The strikes killed 26 people in the southern "
     "province, officials said.", [(26, "loc_kherson_obl", "the southern province")]),
])
def test_the_province_points_back_to_the_place_named_last(lex, text, expected):
    assert places(text, lex) == expected


def test_unit_anaphora_needs_a_place_before_and_no_name_after(lex):
    text = "Strikes hit the province of Kherson. Kharkiv was quiet; the province was too."
    mentions = [NameMention(28, 35, "Kherson", "location", "loc_kherson", "exact"),
                NameMention(37, 44, "Kharkiv", "location", "loc_kharkiv", "exact")]
    tables = lex.place_tables
    added = unit_anaphora(text, mentions, lex.words, tables, lex.units)
    # "the province of Kherson" names it; "the province" after Kharkiv is Kharkiv's, which
    # the tables have no unit for
    assert added == mentions
    assert as_units(text, mentions, lex.words, tables, lex.units)[0].ref_id == "loc_kherson_obl"


def test_units_of_reads_the_admin1_places():
    tables = PlaceTables(admin1={"a": "K", "b": "K", "c": "L"},
                         feature={"a": "admin1", "b": "city", "c": "city"})
    assert units_of(tables) == {"K": "a"}


@pytest.mark.parametrize(("text", "expected"), [
    ("strikes hit the towns of Bilozerka", None),
    ("a market in the town of Bilozerka", ("in", "market")),
    ("rebel-held districts of Bilozerka", ("of", "districts")),
    ("two villages near Bilozerka", ("near", "villages")),
])
def test_describes_site_tells_its_noun(lex, text, expected):
    name = text.split()[-1]
    at = text.index(name)
    place = NameMention(at, at + len(name), name, "location", "loc_bilozerka", "exact")
    w = lex.words
    site = describes_site(text, place, 0, w.site_determiners, w.site_nouns, w.place_prepositions,
                          w.site_surroundings, w.site_settlements)
    assert (tuple(site) if site else None) == expected


def test_names_inside(lex):
    province = NameMention(0, 7, "Kherson", "location", "loc_kherson_obl", "exact")
    town = NameMention(20, 29, "Bilozerka", "location", "loc_bilozerka", "exact")
    other = NameMention(20, 27, "Kharkiv", "location", "loc_kharkiv", "exact")
    site = describes_site("a town in Kherson", NameMention(10, 17, "Kherson", "location",
                                                           "loc_kherson", "exact"), 0,
                          lex.words.site_determiners, lex.words.site_nouns,
                          lex.words.place_prepositions)
    assert site is not None
    assert names_inside(province, [town], site, lex.words, lex.place_tables)
    assert not names_inside(province, [other], site, lex.words, lex.place_tables)


def test_a_share_placed_apart_from_its_claim_carries_its_own_place(lex):
    text = ("The monitor said 21 civilians had been killed in drone strikes in the area, 15 in "
            "Bilozerka and another six in Beryslav.")
    doc = Document("doc_00000000000000ab", from_str(text), "t")
    (claim,) = yaml.safe_load(draft.render(propose_document(doc, lex)))["claims"]
    assert claim["location"] == "loc_bilozerka"
    assert [(f["count"]["value"], f.get("location")) for f in claim["casualties"]] == [
        (21, None), (15, None), (6, "loc_beryslav")]


@pytest.mark.parametrize(("text", "expected"), [
    # the place right after a figure's number is its own, though another is nearer before
    ("Drones killed 5 civilians in Bilozerka and one in the town of Beryslav.",
     [(5, "loc_bilozerka", "Bilozerka"), (1, "loc_beryslav", "Beryslav")]),
    ("The strikes killed 45 civilians in and around Kharkiv and 22 in neighbouring Kherson "
     "province.", [(45, "loc_kharkiv", "Kharkiv"), (22, "loc_kherson_obl", "Kherson province")]),
    # a country written first is passed by
    ("A strike killed 15 civilians including 4 children in Ukraine's Kherson province.",
     [(15, "loc_kherson_obl", "Kherson province"), (4, "loc_kherson_obl", "Kherson province")]),
    # a part of the place before it ("Kherson's Shumenskyi district")
    ("A bomb exploded in Kherson's Shumenskyi district on Wednesday, killing six people.",
     [(6, "loc_shumenskyi", "Shumenskyi")]),
    # ... not a second place of a list
    ("A bomb exploded in Bilozerka Beryslav and Kherson on Wednesday, killing six people.",
     [(6, "loc_bilozerka", "Bilozerka")]),
])
def test_a_figures_own_place_and_a_place_inside_the_one_before(lex, text, expected):
    assert places(text, lex) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a town and the land around it: its province; a preposition a few modifiers before
    ("Tags Ukraine Kherson shelling At least 51 civilians were killed on Saturday in Ukraine's "
     "battered city Kherson and the neighbouring countryside.",
     [(51, "loc_kherson_obl", "Kherson and the neighbouring countryside")]),
    ("Artillery pounded Kherson again. 74 people were recorded killed in the city and its "
     "countryside during the past week.",
     [(74, "loc_kherson_obl", "the city and its countryside")]),
])
def test_a_town_and_its_countryside_is_its_province(lex, text, expected):
    assert places(text, lex) == expected


def test_a_sentence_without_figures_moves_the_story(lex):
    text = ("Army units clashed with militants on Monday. Fighting raged on the axes of Zelenyi "
            "Hai and Bilozerka in the western countryside. A military source said the clashes "
            "ended with killing at least 20 militants. Artillery also hit a depot. Shells then "
            "killed 3 more in Beryslav.")
    assert places(text, lex) == [(20, "loc_bilozerka", "Bilozerka"),
                                 (3, "loc_beryslav", "Beryslav")]


def test_a_source_s_place_does_not_move_the_story(lex):
    text = ("Shelling killed 4 people in Bilozerka on Monday. Officials in Kharkiv said the "
            "shelling went on. Rescuers said 2 more bodies were found.")
    assert places(text, lex) == [(4, "loc_bilozerka", "Bilozerka"),
                                 (2, "loc_bilozerka", "Bilozerka")]


def test_a_figure_repeated_with_a_place_takes_it(lex):
    # a teaser without a place, then the body's telling with one: one figure, placed
    text = ("Monitor said at least 45 militants had been killed. Militants attacked Beryslav "
            "on Saturday. Monitor said at least 45 militants had been killed.")
    doc = Document("doc_00000000000000ab", from_str(text), "t")
    found = [c for c in propose_document(doc, lex).candidates if c.outcome == "killed"]
    assert [(c.count_value, c.char_start, c.location_id) for c in found] == [
        (45, 0, "loc_beryslav")]
    assert found[0].evidence.endswith(f"repeated at character {text.rindex('45')}")


def test_a_landmark_preposition_says_how_the_holder_stands_to_the_site(lex):
    # "a town in a zone outside Kherson": outside it, so a place of the next province will do
    text = ("Air strikes killed 4 civilians in a rebel-held town in a buffer zone outside the "
            "city of Kherson on Thursday. The strikes hit Kyselivka.")
    assert places(text, lex) == [(4, "loc_kyselivka", "Kyselivka")]
    # "the west of Kherson" is a part of it, no landmark
    site = describes_site("a school in the government-held west of Kherson",
                          NameMention(41, 48, "Kherson", "location", "loc_kherson", "exact"), 0,
                          lex.words.site_determiners, lex.words.site_nouns,
                          lex.words.place_prepositions, lex.words.site_surroundings,
                          lex.words.site_settlements, lex.words.landmark_prepositions)
    assert site is not None and site.preposition == "in"


def test_where_the_attackers_stand_places_no_figure(lex):
    text = "Rocket shells fired on Beryslav by militants positioned in Bilozerka killed 2 children."
    assert places(text, lex) == [(2, "loc_beryslav", "Beryslav")]


@pytest.mark.parametrize(("text", "expected"), [
    # a region the lead describes is the region named after, not the first town
    ("Air strikes on a rebel-held region near Kherson killed 22 civilians. The highest toll "
     "was in Bilozerka, the largest town in the Dnipro Delta region.",
     [(22, "loc_dnipro_delta", "Dnipro Delta")]),
    # a town the lead describes is the first town named after
    ("Air strikes on a rebel-held town near Kherson killed 22 civilians. The highest toll "
     "was in Bilozerka, the largest town in the Dnipro Delta region.",
     [(22, "loc_bilozerka", "Bilozerka")]),
])
def test_a_region_described_is_the_region_named_after(lex, text, expected):
    assert places(text, lex) == expected
