"""Parts of a place written by who holds them or where they lie ("Russian-occupied areas of
Kherson", "the east of the city"), drafted as the part the dataset's rules file names
(``held_areas``), only while the report's day is in the part's period. Texts of other wars,
written for these tests."""

import datetime as dt

import pytest
from propose_support import killed_in_order

from tollbook.extract.propose.lexicon import Lexicon
from tollbook.extract.propose.rules import RuleError, read_rules
from tollbook.extract.propose.tagger import read_words

WORDS = read_words()
RULES = """held_areas:
  - {name: occupied-kherson, area: loc_kherson_occupied, within: loc_kherson_obl,
     held_by: [russian, occupied], from: 2022-03-01, until: 2022-11-11, evidence: e}
  - {name: left-bank, area: loc_kherson_left_bank, within: loc_kherson, direction: east,
     evidence: e}
"""
LOCATIONS = [
    {"location_id": "loc_kherson_obl", "name": "Kherson Province", "feature_type": "admin1",
     "admin1": "Kherson", "where_prec": 4, "country_iso3": "UKR"},
    {"location_id": "loc_kherson", "name": "Kherson", "feature_type": "city",
     "admin1": "Kherson", "where_prec": 1, "country_iso3": "UKR"},
    {"location_id": "loc_kherson_occupied", "name": "Occupied Kherson Oblast",
     "feature_type": "region", "admin1": "Kherson", "where_prec": 3, "country_iso3": "UKR"},
    {"location_id": "loc_kherson_left_bank", "name": "Kherson left bank",
     "feature_type": "neighbourhood", "admin1": "Kherson", "where_prec": 2,
     "country_iso3": "UKR"},
]


def lexicon(tmp_path, text=RULES):
    (tmp_path / "reference").mkdir(exist_ok=True)
    (tmp_path / "reference" / "propose-rules.yaml").write_text(text, encoding="utf-8")
    return Lexicon.from_rows(locations=LOCATIONS, rules=read_rules(tmp_path, WORDS))


def places(text, lex, day=dt.date(2022, 6, 1)):
    return [(c.count_value, c.location_id, c.location_text)
            for c in killed_in_order(text, lex, day)]


@pytest.mark.parametrize(("text", "expected"), [
    # a side word and a held word, then a part noun, "of" and the place
    ("Shelling killed 6 civilians in Russian-occupied areas of Kherson province on Monday.",
     [(6, "loc_kherson_occupied", "Russian-occupied areas of Kherson province")]),
    # a held word alone is its own side; the place is the one named last
    ("Kherson province was shelled again. Drones killed 3 people in the occupied districts.",
     [(3, "loc_kherson_occupied", "occupied districts")]),
    # a side the rules do not name for the place: no part
    ("Shelling killed 6 civilians in Ukrainian-held areas of Kherson province on Monday.",
     [(6, "loc_kherson_obl", "Kherson province")]),
    # a direction after "the", of "the city": the place named last
    ("Artillery hit Kherson on Monday. Shells killed 4 people in the east of the city.",
     [(4, "loc_kherson_left_bank", "east")]),
    # ... but "east of" a place is a landmark, no part of it
    ("Shelling killed 4 people in a village east of Kherson on Monday.",
     [(4, "loc_kherson", "Kherson")]),
])
def test_a_part_named_by_who_holds_it(tmp_path, text, expected):
    assert places(text, lexicon(tmp_path)) == expected


def test_a_part_only_in_its_period(tmp_path):
    text = "Shelling killed 6 civilians in Russian-occupied areas of Kherson province on Monday."
    assert places(text, lexicon(tmp_path), dt.date(2023, 1, 10)) == [
        (6, "loc_kherson_obl", "Kherson province")]


def test_without_held_areas_the_place_written(tmp_path):
    text = "Shelling killed 6 civilians in Russian-occupied areas of Kherson province on Monday."
    assert places(text, lexicon(tmp_path, "")) == [(6, "loc_kherson_obl", "Kherson province")]


@pytest.mark.parametrize(("entry", "message"), [
    ("{name: a, within: loc_b, held_by: [x], evidence: e}",
     r":2: rule a: field area: missing or not a location id"),
    ("{name: a, area: loc_a, within: b, held_by: [x], evidence: e}",
     r":2: rule a: field within: missing or not a location id"),
    ("{name: a, area: loc_a, within: loc_b, evidence: e}",
     r":2: rule a: field held_by: an area needs side words \(held_by\) or a direction"),
    ("{name: a, area: loc_a, within: loc_b, held_by: x, evidence: e}",
     r":2: rule a: field held_by: a list of side words"),
    ("{name: a, area: loc_a, within: loc_b, held_by: [x], from: March 2022, evidence: e}",
     r":2: rule a: field from: not a day"),
    ("{name: a, area: loc_a, within: loc_b, held_by: [x]}",
     r":2: rule a: field evidence: missing or not text"),
    ("{name: a, area: loc_a, within: loc_b, held_by: [x], evidence: e, side: x}",
     r":2: rule a: field side: unknown field"),
])
def test_a_bad_held_area_is_one_line(tmp_path, entry, message):
    with pytest.raises(RuleError, match=message):
        lexicon(tmp_path, f"held_areas:\n  - {entry}\n")


def test_a_held_area_naming_a_place_the_tables_lack(tmp_path):
    with pytest.raises(RuleError, match=r"propose-rules\.yaml:2: rule a: field area: "
                                        r"loc_nowhere is not a place of reference/locations"):
        lexicon(tmp_path, "held_areas:\n  - {name: a, area: loc_nowhere, within: loc_kherson, "
                          "held_by: [x], evidence: e}\n")
