"""Killed figures the proposer used to miss (issue 14's recall target), on texts written for
these tests: a military press release, an NGO report, wire copy from Yemen, Ukraine, Mali and
Afghanistan."""

import pytest

from tollbook.extract.propose.lexicon import Lexicon
from tollbook.extract.propose.pipeline import Document, propose_document
from tollbook.extract.propose.text import from_str


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return Lexicon.from_rows(actors=[
        {"actor_id": "act_ydp", "name": "Yemen Data Project", "actor_type": "monitor"}])


def killed(text, lex):
    doc = Document("doc_00000000000000dd", from_str(text), "t")
    found = sorted(propose_document(doc, lex).candidates, key=lambda c: c.number_start or 0)
    return [(c.outcome, c.count_value, c.qualifier, c.number_text) for c in found
            if c.outcome in ("killed", "executed")]


@pytest.mark.parametrize(("text", "expected"), [
    # "as high as" is an estimate, not an upper bound
    # "as high as": an upper bound
    ("The Yemen Data Project has put the death toll from the war at as high as 150000.",
     [("killed", 150000, "at_most", "150000")]),
    # a death toll reaches its figure across a long subject
    ("The death toll in a car bomb attack on buses carrying families evacuated from two "
     "besieged towns near the frontline has risen to at least 112 a monitoring group said.",
     [("killed", 112, "at_least", "112")]),
    # a word that takes no number after it leaves the number to the toll before it
    ("The downing brought the toll for Ukrainian pilots killed in the war to 18.",
     [("killed", 18, "exact", "18")]),
])
def test_death_tolls(lex, text, expected):
    assert killed(text, lex) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a military press release
    ("A total of 70 militants who were later identified as foreign nationals were "
     "eliminated in the Mopti area.", [("killed", 70, "exact", "70")]),
    ("The ministry confirmed the elimination of 34 terrorists near Menaka.",
     [("killed", 34, "exact", "34")]),
    ("Government soldiers recently slew nearly 170 insurgents in the province.",
     [("killed", 170, "approximately", "170")]),
    # an NGO report
    ("The group published a video showing the execution of 17 young men from the village.",
     [("executed", 17, "exact", "17")]),
    # a side counting its own dead
    ("The Taliban also lost 15 fighters in the attack the police said.",
     [("killed", 15, "exact", "15")]),
])
def test_outcome_words_of_releases_and_reports(lex, text, expected):
    assert killed(text, lex) == expected


@pytest.mark.parametrize("text", [
    # what a side loses that is no one
    "The army lost 3 tanks near Bakhmut.",
    "Rebels lost 4 positions near Hodeidah.",
    "The separatists lost 40 percent of the territory they held.",
])
def test_things_lost_are_no_casualties(lex, text):
    assert killed(text, lex) == []


@pytest.mark.parametrize(("text", "expected"), [
    # each person noun of a list opened by an article counts one
    ("Eleven people including a woman and child were killed in shelling on Kharkiv.",
     [("killed", 11, "exact", "Eleven"), ("killed", 1, "exact", "a woman"),
      ("killed", 1, "exact", "child")]),
    ("A man woman and child died of suffocation after the strike on Taiz.",
     [("killed", 1, "exact", "A man"), ("killed", 1, "exact", "woman"),
      ("killed", 1, "exact", "child")]),
    # a person noun before a verb taking no object counts one
    ("A child died in the shelling of Kherson on Monday.", [("killed", 1, "exact", "A child")]),
    # before a verb with an object, the noun is who did it
    ("A suicide bomber killed at least 22 people in Kabul.",
     [("killed", 22, "at_least", "22")]),
])
def test_implied_ones_in_lists(lex, text, expected):
    assert killed(text, lex) == expected


def nested(text, lex):
    doc = Document("doc_00000000000000dd", from_str(text), "t")
    found = sorted(propose_document(doc, lex).candidates, key=lambda c: c.number_start or 0)
    ids = {c.candidate_id: c.count_value for c in found}
    return [(c.outcome, c.count_value, ids.get(c.part_of)) for c in found]


@pytest.mark.parametrize(("text", "expected"), [
    # an outcome after "and" is another clause's: the number stays in the figure it is in
    ("Two days of shelling have killed 38 civilians including 14 children and wounded "
     "another 250 in Donetsk.",
     [("killed", 38, None), ("killed", 14, 38), ("injured", 250, None)]),
    ("Seven civilians were killed among them a child and two women and nine others were "
     "injured in Taiz.",
     [("killed", 7, None), ("killed", 1, 7), ("killed", 2, 7), ("injured", 9, None)]),
    # "N of them" written after its number counts some of the figure before
    ("The death toll from the drone strike on Gao has risen to 86 30 of them children.",
     [("killed", 86, None), ("killed", 30, 86)]),
])
def test_a_nested_number_stays_in_its_figure(lex, text, expected):
    assert nested(text, lex) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a number that only says where shares the figure before: part of it ...
    ("The monitor said 21 civilians had been killed in drone strikes in the area 15 in a "
     "northern district of Gao and another six in Ansongo.",
     [("killed", 21, None), ("killed", 15, 21), ("killed", 6, 21)]),
    ("A total 54 civilians were killed in Kharkiv on Tuesday including 9 in the district "
     "Saltivka 8 in Osnovianskyi and 5 in Kholodnohirskyi.",
     [("killed", 54, None), ("killed", 9, 54), ("killed", 8, 54), ("killed", 5, 54)]),
    # ... or beside it, after "and"
    ("Five more civilians were killed in the town of Sabqa and one in the town of Harasta.",
     [("killed", 5, None), ("killed", 1, None)]),
    # "N were among the M killed": N counted as killed too
    # a part told before its whole is part of it
    ("At least 68 children were among the 126 people killed in the attack on Hodeidah.",
     [("killed", 68, 126), ("killed", 126, None)]),
    # another number of a list between a number and its verb counts as one word
    ("Another man and a woman were killed in rocket fire in the nearby town of Bakhmut.",
     [("killed", 1, None), ("killed", 1, None)]),
    # an age is no share
    ("A gas attack killed at least 58 people including 11 children under the age of eight in "
     "the northwestern province of Idlib.", [("killed", 58, None), ("killed", 11, 58)]),
])
def test_shares_by_place_lists_and_ages(lex, text, expected):
    assert nested(text, lex) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a death toll takes a written number, never a person noun ("of the wounded chief")
    ("The death toll is likely to rise due to the condition of some of the wounded "
     "Monitor chief Amadou Diallo said.", []),
    # "including" after another outcome counts the displaced, not the dead
    ("More than 280000 people have been killed since the war began and millions have been "
     "forced to flee including around five million who have sought refuge abroad.",
     [("killed", 280000, "at_least", "280000")]),
    # "others" with a verb of their own are no second figure of the verb before
    ("Health director Ahmed Ali said five people died and eight others experienced "
     "breathing difficulties after the shelling of Taiz.", [("killed", 5, "exact", "five")]),
    ("Three civilians were killed and more than twenty others suffered from suffocation in "
     "Kherson.", [("killed", 3, "exact", "Three")]),
])
def test_no_figure_where_none_is_counted(lex, text, expected):
    assert killed(text, lex) == expected


@pytest.fixture(scope="module")
def placed() -> Lexicon:
    return Lexicon.from_rows(
        actors=[{"actor_id": "act_monitor", "name": "Sahel Conflict Monitor",
                 "actor_type": "monitor"}],
        locations=[
            {"location_id": "loc_gao", "name": "Gao", "where_prec": 3, "admin1": "Gao Region"},
            {"location_id": "loc_ansongo", "name": "Ansongo", "where_prec": 2,
             "admin1": "Gao Region"},
            {"location_id": "loc_kidal", "name": "Kidal", "where_prec": 3,
             "admin1": "Kidal Region"},
        ])


def figures(text, lex):
    doc = Document("doc_00000000000000ee", from_str(text), "t", outlet="act_daily")
    found = sorted(propose_document(doc, lex).candidates, key=lambda c: c.number_start or 0)
    return [(c.count_value, c.claimant, c.location_id) for c in found if c.outcome == "killed"]


@pytest.mark.parametrize(("text", "expected"), [
    # a lead restating the body's attributed figure: drafted once, with its source
    ("At least 16 civilians were killed in air raids on Gao. Sixteen civilians were killed "
     "on Monday in Ansongo the Sahel Conflict Monitor said.",
     [(16, "act_monitor", "loc_ansongo")]),
    # the same count in another region is another event
    ("At least 16 civilians were killed in air raids on Kidal.\nSixteen civilians were "
     "killed on Monday in Ansongo the Sahel Conflict Monitor said.",
     [(16, "act_daily", "loc_kidal"), (16, "act_monitor", "loc_ansongo")]),
    # "another" counts other people (the report of the monitor goes on)
    ("Seven people were killed in Gao the Sahel Conflict Monitor said. Another seven people "
     "were killed in raids on Ansongo.",
     [(7, "act_monitor", "loc_gao"), (7, "act_monitor", "loc_ansongo")]),
    # small counts recur for different events
    ("Two people were killed in Gao.\nTwo people were killed in Ansongo the Sahel Conflict "
     "Monitor said.", [(2, "act_daily", "loc_gao"), (2, "act_monitor", "loc_ansongo")]),
])
def test_a_restatement_without_its_source_is_drafted_once(placed, text, expected):
    assert figures(text, placed) == expected


@pytest.mark.parametrize("text", [
    # the headlines of other stories a page links to, run into the text
    "Shares 87 Related Four Senior Taliban Commanders Killed in Kandahar Strike US Strikes "
    "Kill 2 Leaders Near Herat",
    "Views 85 Related Militia Commander Killed by Army Near al-Fasher Town in Darfur",
    # the title of an embedded video
    "Our correspondent has the latest from Kabul. Suspected suicide attack in Kabul kills at "
    "least 58 - YouTube",
])
def test_headlines_of_other_stories_and_videos_are_page_furniture(lex, text):
    assert killed(text, lex) == []
