"""The place of a figure when the sentence's place only holds it ("a town in eastern Yemen"),
belongs to the source ("a source in Kherson city said"), or the figure is the whole war's
toll; and lexicon words YAML would misread. Texts of other wars and registers, written for
these tests."""

import pytest
from propose_support import killed_in_order

from tollbook.extract.propose.lexicon import Lexicon
from tollbook.extract.propose.names import NameMention
from tollbook.extract.propose.pipeline import Document, propose_document
from tollbook.extract.propose.speaker_places import speaks_from
from tollbook.extract.propose.tagger import _read, read_words
from tollbook.extract.propose.text import from_str
from tollbook.extract.propose.unnamed_sites import describes_site
from tollbook.extract.propose.war_wide import war_wide

LOCATIONS = [
    {"location_id": "loc_yemen", "name": "Yemen", "where_prec": 6, "country_iso3": "YEM"},
    {"location_id": "loc_marib_gov", "name": "Marib province", "where_prec": 4,
     "admin1": "Marib", "country_iso3": "YEM"},
    {"location_id": "loc_harib", "name": "Harib", "where_prec": 1, "admin1": "Marib",
     "country_iso3": "YEM"},
    {"location_id": "loc_jubah", "name": "Jubah", "where_prec": 1, "admin1": "Marib",
     "country_iso3": "YEM"},
    {"location_id": "loc_taiz", "name": "Taiz", "where_prec": 1, "admin1": "Taiz",
     "country_iso3": "YEM"},
    {"location_id": "loc_sanaa", "name": "Sanaa", "where_prec": 1, "admin1": "Sanaa",
     "country_iso3": "YEM"},
    {"location_id": "loc_ukraine", "name": "Ukraine", "where_prec": 6, "country_iso3": "UKR"},
    {"location_id": "loc_kherson", "name": "Kherson", "where_prec": 1, "admin1": "Kherson",
     "country_iso3": "UKR"},
    {"location_id": "loc_kherson_obl", "name": "Kherson province", "where_prec": 4,
     "admin1": "Kherson", "country_iso3": "UKR"},
    {"location_id": "loc_bilozerka", "name": "Bilozerka", "where_prec": 1, "admin1": "Kherson",
     "country_iso3": "UKR"},
    {"location_id": "loc_kharkiv", "name": "Kharkiv", "where_prec": 1, "admin1": "Kharkiv",
     "country_iso3": "UKR"},
]


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return Lexicon.from_rows(locations=LOCATIONS)


def places(text, lex):
    return [(c.count_value, c.location_id, c.location_text) for c in killed_in_order(text, lex)]


# -- a place the lead describes and a later sentence names ------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    # a town in the country, named in the next sentence after "on"
    ("Air strikes on a town in eastern Yemen killed 23 civilians on Thursday. The strikes on "
     "Harib also destroyed a school.", [(23, "loc_harib", "Harib")]),
    # the place as the site's adjective: "a rebel-held Yemeni town"
    ("Shelling of a besieged Yemen town killed 9 people. Residents said the shells fell on "
     "Harib at dawn.", [(9, "loc_harib", "Harib")]),
    # a village near a town: any place of the country after "near"
    ("A drone hit a village near Kherson, killing four farmers. Officials said the drone "
     "struck Bilozerka shortly after noon.", [(4, "loc_bilozerka", "Bilozerka")]),
    # the outskirts of a town: a place near it, named after
    ("Strikes on the outskirts of Kherson killed 5 people. The strikes hit Bilozerka.",
     [(5, "loc_bilozerka", "Bilozerka")]),
    # … unless the town itself is named first as where it happened
    ("Strikes on the outskirts of Kherson killed 5 people. Strikes on Kherson and Bilozerka "
     "went on.", [(5, "loc_kherson", "Kherson")]),
    # a province the next sentence narrows: the place inside it
    ("An air strike killed 15 civilians in Marib province on Saturday. The strike hit a house "
     "in Harib.", [(15, "loc_harib", "Harib")]),
    # … not a province the figure is spread across
    ("Bombardment across Marib province killed 15 civilians on Saturday. A strike hit a house "
     "in Harib.", [(15, "loc_marib_gov", "Marib province")]),
    # … not the province named again by its capital's name
    ("Fighting in Kherson province killed 9 soldiers. Officials in Kherson said the front "
     "held.", [(9, "loc_kherson_obl", "Kherson province")]),
    # a named place, not an unnamed site: kept
    ("Shelling killed 7 people in the city of Kherson. Later, shells hit Bilozerka.",
     [(7, "loc_kherson", "Kherson")]),
    # the later place is where people came from, not where the site is: kept
    ("A bomb hit a convoy in Marib province, killing 12. The buses carried families from "
     "Harib.", [(12, "loc_marib_gov", "Marib province")]),
    # a place outside the one written is no name of the site
    ("A strike on a market in Marib province killed 15. Separately, fighting went on in "
     "Taiz.", [(15, "loc_marib_gov", "Marib province")]),
])
def test_a_site_the_lead_describes_is_the_place_named_after(lex, text, expected):
    assert places(text, lex) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the lead names no place at all: the first place named after it
    ("Soldiers killed at least 40 civilians in two villages on Sunday. The killings in "
     "Harib and Jubah were the worst this year.", [(40, "loc_harib", "Harib")]),
    # a place the gazetteers do not know is drafted as words
    ("Soldiers killed at least 40 civilians in two villages on Sunday. The killings in "
     "Wadi Sirr were the worst this year.", [(40, None, "Wadi Sirr")]),
    # no site told: no place borrowed from later sentences
    ("Soldiers killed at least 40 civilians on Sunday. The army denied it in Harib.",
     [(40, None, None)]),
])
def test_a_lead_telling_of_a_site_it_does_not_name(lex, text, expected):
    assert places(text, lex) == expected


def test_a_site_named_too_late_keeps_the_place_written(lex):
    later = " ".join(["Aid agencies asked for access."] * 5)
    text = f"Air strikes on a town in eastern Yemen killed 23 civilians. {later} Harib is quiet."
    assert places(text, lex) == [(23, "loc_yemen", "Yemen")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Strikes on a town in eastern Yemen", "in"),
    ("a neighbourhood of the city of Taiz", "of"),
    ("two villages near Kherson", "near"),
    ("rebel-held areas of Taiz", "of"),
    ("the city of Taiz", None),
    ("fighting in Taiz", None),
])
def test_describes_site(lex, text, expected):
    name = text.split()[-1]
    at = text.index(name)
    place = NameMention(at, at + len(name), name, "location", "loc_x", "exact")
    w = lex.words
    site = describes_site(text, place, 0, w.site_determiners, w.site_nouns,
                          w.place_prepositions)
    assert (site.preposition if site else None) == expected


# -- a place a phrase names, and the place that holds it ------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    # "X in Y", "X of Y" in one first-level unit: X, whatever the precisions say
    ("Shelling hit the town of Bilozerka in Kherson, killing 6 people.",
     [(6, "loc_bilozerka", "Bilozerka")]),
    ("Shelling hit the Harib district of Marib province killing 6 people.",
     [(6, "loc_harib", "Harib")]),
    # "X east of Y": X, even in another unit
    ("A drone struck Bilozerka east of Kharkiv, killing 3 people.",
     [(3, "loc_bilozerka", "Bilozerka")]),
    # "X in Y" across units is no containment: the place nearest the figure
    ("Fighters from Taiz in Marib province killed 5 soldiers.",
     [(5, "loc_marib_gov", "Marib province")]),
    # a list of places in Y: Y
    ("Shells hit Harib and Jubah in Marib province, killing 4 people.",
     [(4, "loc_marib_gov", "Marib province")]),
])
def test_a_place_a_phrase_names_is_the_figure_place(lex, text, expected):
    assert places(text, lex) == expected


# -- a place of the source ------------------------------------------------------------

@pytest.mark.parametrize(("text", "name", "expected"), [
    ("A hospital source in Kherson city said 20 people died.", "Kherson", True),
    ("The Kharkiv governor said five were killed.", "Kharkiv", True),
    ("Officials of Kherson police said three died.", "Kherson", True),
    ("Shelling in Kherson killed 20, a source said.", "Kherson", False),
])
def test_speaks_from(lex, text, name, expected):
    at = text.index(name)
    place = NameMention(at, at + len(name), name, "location", "loc_x", "exact")
    assert speaks_from(text, place, lex.words.speaker_before,
                       lex.words.speaker_after) is expected


def test_a_place_of_the_source_does_not_place_the_figure(lex):
    text = ("A missile struck a wedding hall in Bilozerka on Monday. "
            "A hospital source in Kherson city said 20 people died.")
    assert places(text, lex) == [(20, "loc_bilozerka", "Bilozerka")]


def test_a_place_of_the_source_places_the_figure_when_there_is_no_other(lex):
    assert places("A hospital source in Kherson city said 20 people died.", lex) == [
        (20, "loc_kherson", "Kherson")]


# -- a toll of the whole war ----------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    # the war noun before the figure, the town of the story in the sentence
    ("Taiz has been ravaged by the war, which has killed more than 150000 people.",
     [(150000, "loc_yemen", "war")]),
    ("The conflict has killed more than 150000 people, according to the monitor, whose "
     "office is in Sanaa.", [(150000, "loc_yemen", "conflict")]),
    # a country-wide phrase after it
    ("Since then about 10000 civilians have been killed across the war-torn country, "
     "Kharkiv officials said.", [(10000, "loc_ukraine", "across the war-torn country")]),
    # a scope with any one word in it, and a start of the fighting after the figure
    ("Since then 10000 civilians have been killed throughout the war-battered country, "
     "Kharkiv officials said.", [(10000, "loc_ukraine", "throughout the war-battered country")]),
    ("Officials in Kharkiv said 84 journalists have been killed since the fighting began.",
     [(84, "loc_ukraine", "since the fighting began")]),
    ("More than 10000 people have been killed in Ukraine since the country's war began, "
     "officials in Kharkiv said.", [(10000, "loc_ukraine", "since the country's war began")]),
    # a place between the war noun and the figure: that place's toll
    ("The war in Taiz killed 12 people last week.", [(12, "loc_taiz", "Taiz")]),
])
def test_a_toll_of_the_whole_war_is_the_country(lex, text, expected):
    assert places(text, lex) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a clause with a country's name as actor between the war noun and the figure
    ("The war, which began when Ukraine's neighbour invaded in February 2022, has killed more "
     "than 10000 civilians.", [(10000, "loc_ukraine", "war")]),
    # a war noun modifying another noun heads no war's toll
    ("War jets struck Kharkiv, killing 5 people.", [(5, "loc_kharkiv", "Kharkiv")]),
    ("In Kharkiv the war monitor said 12 people were killed.",
     [(12, "loc_kharkiv", "Kharkiv")]),
    # an event between the war noun and the figure: that event's toll
    ("In the war's latest escalation in Kharkiv, air strikes killed 12 people.",
     [(12, "loc_kharkiv", "Kharkiv")]),
])
def test_a_war_toll_and_an_event_of_the_war(lex, text, expected):
    assert places(text, lex) == expected


def test_a_war_toll_in_a_country_the_dataset_lacks_is_the_gazetteer_country():
    text = ("Shelling killed 4 people in Hajjah on Monday. The conflict has killed more than "
            "150000 people.")
    doc = Document("doc_00000000000000ac", from_str(text), "t")
    found = sorted(propose_document(doc, Lexicon.from_rows()).candidates,
                   key=lambda c: c.char_start)
    assert [(c.count_value, c.location_text, c.place_source, c.where_prec, c.place_geonames)
            for c in found] == [
        (4, "Hajjah", "geonames", 1, "GeoNames 75337 Ḩajjah, YE, city (15.69, 43.61)"),
        (150000, "conflict", "geonames", 6, "GeoNames 69543 Yemen, YE, country"),
    ]


def test_the_stored_gazetteer_gives_a_country_by_code(tmp_path, small_gazetteer):
    from tollbook.extract.propose import gazetteer as g

    path = tmp_path / "geonames.sqlite"
    g._store(small_gazetteer, path)
    stored = g._Stored(path)
    assert stored.country("YE") == small_gazetteer.country("YE")
    assert stored.country("YE").name == "Yemen"
    assert stored.country("FR") is None


def test_war_wide_needs_the_words():
    text = "The war has killed 300 people."
    assert war_wide(text, 0, len(text), (19, 22), [], frozenset(), ()) is None
    assert war_wide(text, 0, len(text), (19, 22), [], frozenset({"war"}), ()) is None
    assert war_wide(text, 0, len(text), (19, 22), [], frozenset({"war"}), (),
                    heads=frozenset({"has"})) == (4, 7)


# -- lexicon words YAML reads as something else ---------------------------------------

def test_the_lexicon_reads_on_and_no_as_words():
    words = read_words()
    assert "on" in words.place_prepositions
    assert "no" in words.anchors["legal"]
    assert "true" not in words.place_prepositions


@pytest.mark.parametrize(("line", "value", "reading"), [
    ("place_prepositions: [in, on, at]", "on", "true or false"),
    ("anchors:\n  legal: [article, no]", "no", "true or false"),
    ("speech_verbs: [said, ~]", "~", "empty"),
])
def test_an_unquoted_yes_no_word_is_an_error_naming_file_and_line(tmp_path, line, value,
                                                                  reading):
    path = tmp_path / "propose-lexicon.yaml"
    path.write_text("# words\n" + line + "\n", encoding="utf-8")
    with pytest.raises(ValueError) as error:
        _read(path, path.stat().st_mtime)
    row = 2 + line.count("\n")
    assert str(error.value) == (f"{path}:{row}: {value!r} is read by YAML as {reading}, not as "
                                f"a word; write it in quotes ('{value}')")


def test_a_quoted_yes_no_word_is_a_word(tmp_path):
    path = tmp_path / "propose-lexicon.yaml"
    path.write_text("place_prepositions: [in, 'on', \"off\"]\n", encoding="utf-8")
    assert _read(path, path.stat().st_mtime) == {"place_prepositions": ["in", "on", "off"]}
