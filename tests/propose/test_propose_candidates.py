import datetime as dt

import pytest
from propose_support import figures, make_lexicon, propose_seed, propose_text


@pytest.mark.parametrize(("text", "expected"), [
    ("Six civilians were killed in Aleppo.", [("casualty", "killed", 6, "exact")]),
    ("Twenty-one people died.", [("casualty", "killed", 21, "exact")]),
    ("A suicide bomb killed at least 16 people in Hasaka.",
     [("casualty", "killed", 16, "at_least")]),
    ("More than 100 civilians have been killed.", [("casualty", "killed", 100, "at_least")]),
    ("Up to 30 fighters were wounded.", [("casualty", "injured", 30, "at_most")]),
    ("The death toll rose to nearly 200.", [("casualty", "killed", 200, "approximately")]),
    ("Dozens of people were killed.", [("casualty", "killed", "dozens", "vague")]),
    ("Hundreds of bodies were found.", [("casualty", "killed", "hundreds", "vague")]),
    ("70 dead and 20 injured.", [("casualty", "killed", 70, "exact"),
                                 ("casualty", "injured", 20, "exact")]),
    ("Two children were killed and 5 others were injured.",
     [("casualty", "killed", 2, "exact"), ("casualty", "injured", 5, "exact")]),
    ("13 civilians killed 43 others injured in rocket attacks.",
     [("casualty", "killed", 13, "exact"), ("casualty", "injured", 43, "exact")]),
    # the number before an active verb with an object number counts its agents
    ("Three suicide bombers killed at least two people in Kabul.",
     [("casualty", "killed", 2, "at_least")]),
    ("Two gunmen killed 5 soldiers and wounded 3 in Borno.",
     [("casualty", "killed", 5, "exact"), ("casualty", "injured", 3, "exact")]),
    # "a"/"an" and a noun after a killing verb count one, whatever the noun; "and his two"
    ("A roadside bomb killed a district commissioner and his two bodyguards in Afgooye.",
     [("casualty", "killed", 1, "exact"), ("casualty", "killed", 2, "exact")]),
    ("Gunmen killed an aid worker on Monday.", [("casualty", "killed", 1, "exact")]),
    ("Shelling killed a total of 25 people.", [("casualty", "killed", 25, "exact")]),
    ("The strike killed a group of soldiers' relatives.", []),
    ("A research centre put the toll from the conflict at as high as 470000.",
     [("casualty", "killed", 470000, "at_most")]),
    ("Troops slew nearly 170 fighters in Hama.", [("casualty", "killed", 170, "approximately")]),
    ("The group filmed the execution of 17 young men in Deir Ezzor.",
     [("casualty", "executed", 17, "exact")]),
    ("The death toll in a car bomb attack on buses carrying people evacuated from two besieged "
     "towns near the border has risen to at least 112.",
     [("casualty", "killed", 112, "at_least")]),
    # fighters lost are drafted as killed, things lost are not
    ("Russia has so far lost at least 12 soldiers in the war.",
     [("casualty", "killed", 12, "at_least")]),
    ("The army lost two tanks near the river.", []),
    ("A total of 70 fighters were eliminated in the Mayadin area.",
     [("casualty", "killed", 70, "exact")]),
    # a toll before a nearer outcome word that takes no number
    ("The downing brought the toll for soldiers killed in the conflict to 18.",
     [("casualty", "killed", 18, "exact")]),
    # part of the figure told after it
    ("At least 68 children were among the 126 people killed in the attack.",
     [("casualty", "killed", 68, "at_least"), ("casualty", "killed", 126, "exact")]),
    # a number with a participle after it takes that outcome, not the verb's before it
    ("A woman killed 30 injured in shelling on Kharkiv.",
     [("casualty", "injured", 30, "exact")]),
    # … unless that participle takes a number of its own: "killed 30, injured 4"
    ("Shelling killed 30 injured 4 in Kharkiv.", [("casualty", "killed", 30, "exact"),
                                                  ("casualty", "injured", 4, "exact")]),
    ("They were accused of executing 15 prisoners.", [("casualty", "executed", 15, "exact")]),
    # a weapon's model and a resolution's number are no counts
    ("A Su-24 crashed in Latakia, killing 2 crew.", [("casualty", "killed", 2, "exact")]),
    ("The attack breached UNSCR 2118 and killed 3 people.",
     [("casualty", "killed", 3, "exact")]),
    ("IS beheaded several people.", [("casualty", "executed", "several", "vague")]),
    ("They executed 15 prisoners.", [("casualty", "executed", 15, "exact")]),
    ("Rebels captured 20 soldiers.", [("casualty", "captured", 20, "exact")]),
    ("Four fighters were taken prisoner.", [("casualty", "captured", 4, "exact")]),
    ("Three aid workers are missing.", [("casualty", "missing", 3, "exact")]),
    ("The regime conducted 34 airstrikes.", [("airstrike", "airstrike", 34, "exact")]),
    ("Russian jets carried out 12 air raids.", [("airstrike", "air_raid", 12, "exact")]),
    ("Helicopters dropped 20 barrel bombs.", [("airstrike", "barrel_bomb", 20, "exact")]),
    ("The air force flew 40 sorties.", [("airstrike", "sortie", 40, "exact")]),
    ("A 12-year-old boy was killed.", []),
    ("Killed in 2014, he was buried.", []),
    ("The war has killed more than 300,000 people since 2011.",
     [("casualty", "killed", 300000, "at_least")]),
    ("The following two photos show the booty captured by Al Nusrah.", []),
])
def test_figures(text, expected, lexicon):
    assert figures(propose_text(text, lexicon)) == expected


def test_nested_figure_points_at_its_whole(lexicon):
    found = propose_text("Airstrikes killed at least 18 people including children and two "
                         "hospital staffers.", lexicon)
    by_value = {c.count_value: c for c in found}
    assert figures(found) == [("casualty", "killed", 18, "at_least"),
                              ("casualty", "killed", 2, "exact")]
    assert by_value[2].part_of == by_value[18].candidate_id
    assert by_value[18].part_of is None


def test_control_changes(lexicon):
    found = propose_text("During the assault, the Nusra Front and allied groups have taken three "
                         "checkpoints surrounding the large town of Jisr al-Shughur.", lexicon)
    (c,) = found
    assert (c.kind, c.outcome, c.count_value, c.gained_by, c.location_id, c.site_text) == (
        "control_change", "captured", 3, "act_nusra", "loc_jisr_al_shughur",
        "three checkpoints surrounding the large town of Jisr al-Shughur")
    (c,) = propose_text("Jihadists took control of the provincial capital of Idlib.", lexicon)
    assert (c.kind, c.count_value, c.location_id, c.where_prec) == (
        "control_change", None, "loc_idlib", 4)
    assert propose_text("Seizing Idlib would open the road to Latakia.", lexicon) == []
    assert propose_text("The newly captured areas are near Idlib.", lexicon) == []


def test_seed_003(lexicon):
    proposal = propose_seed("003_b62e91b403ca12d2", lexicon, dt.date(2015, 4, 24))
    by_value = {(c.kind, c.count_value): c for c in proposal.candidates if c.count_value}
    killed = {v: c for (k, v), c in by_value.items() if k == "casualty"}
    assert sorted(killed) == [13, 30, 43]
    assert all(killed[v].outcome == "killed" for v in killed)
    assert killed[13].part_of == killed[43].candidate_id
    assert killed[30].part_of is None and killed[43].part_of is None
    assert (killed[30].party_text, killed[30].party) == ("regime troops",
                                                         "act_syrian_government_forces")
    assert (killed[43].party_text, killed[13].party_text) == ("rebels", "Chechen fighters")
    for c in killed.values():
        assert (c.claimant, c.relayed_by) == ("act_sohr", ["act_afp"])
        assert (c.date_start, c.date_end, c.date_prec) == ("2015-04-23", "2015-04-24", 2)
        assert c.date_text == "Since the fighting began on Thursday"
        text = (proposal.document.text)
        assert text[c.char_start:c.char_end] == c.quote
        assert text[c.number_start:c.number_end] == str(c.count_value)
    strikes = by_value[("airstrike", 34)]
    assert (strikes.outcome, strikes.claimant, strikes.relayed_by) == (
        "airstrike", "act_sohr", ["act_afp"])
    assert (strikes.date_start, strikes.date_end, strikes.date_prec) == (
        "2015-04-24", "2015-04-24", 1)


def test_seed_traps_propose_nothing_from_furniture(lexicon):
    for stem in ("000_ad36ab31ed5c20f9", "001_0eebb3978b350830", "002_37241c7d1fbbb02d",
                 "004_9717be3379037acb"):
        proposal = propose_seed(stem, lexicon)
        text = proposal.document.text
        values = {c.count_value for c in proposal.candidates}
        assert not values & {17, 107, 12, 9899, 8101, 2015, 6, 8}, stem
        for c in proposal.candidates:
            assert "Screen Shot" not in c.quote and "says:" not in c.quote
            assert text[c.char_start:c.char_end] == c.quote
    comments = propose_seed("001_0eebb3978b350830", lexicon)
    start = comments.document.text.index("mike merlo says:")
    assert all(c.char_start < start for c in comments.candidates)


def test_seed_004_execution_claim(lexicon):
    proposal = propose_seed("004_9717be3379037acb", lexicon, dt.date(2015, 3, 29))
    (c,) = [c for c in proposal.candidates if c.kind == "casualty"]
    assert (c.outcome, c.count_value, c.party_text, c.hedge, c.claimant_text) == (
        "executed", 15, "prisoners", "accused", "Al-Nusra")
    assert (c.date_start, c.date_prec) == ("2015-03-28", 1)


def test_dateline_gives_the_reference_date_when_none_is_known(lexicon):
    proposal = propose_seed("003_b62e91b403ca12d2", lexicon, None)
    assert proposal.document.reference_date == dt.date(2015, 4, 25)
    assert proposal.document.reference_date_source == "dateline"


def test_ids_are_deterministic_and_candidates_ordered_by_confidence(lexicon):
    a = propose_seed("003_b62e91b403ca12d2", lexicon, dt.date(2015, 4, 24)).candidates
    b = propose_seed("003_b62e91b403ca12d2", lexicon, dt.date(2015, 4, 24)).candidates
    assert [c.candidate_id for c in a] == [c.candidate_id for c in b]
    assert [c.confidence for c in a] == sorted((c.confidence for c in a), reverse=True)
    assert all(c.claim_id.startswith("clm_b62e91b4_") and len(c.claim_id) == 21 for c in a)


def test_a_part_told_before_its_whole_is_linked_to_it():
    found = propose_text("At least 68 children were among the 126 people killed.", make_lexicon())
    part, whole = sorted(found, key=lambda c: c.number_start)
    assert (part.count_value, whole.count_value) == (68, 126)
    assert part.part_of == whole.candidate_id and whole.part_of is None
    assert part.evidence == "part of the figure after it"
