"""Who claims a figure: the attribution rules added for issue 14's claimant target, on texts
written for these tests in other registers and conflicts (a military press release, an NGO
report, wire copy from Yemen, Ukraine, Sudan, the Sahel and Afghanistan)."""

import pytest

from tollbook.extract.propose.lexicon import Lexicon
from tollbook.extract.propose.pipeline import Document, propose_document
from tollbook.extract.propose.text import from_str

ACTORS = [
    {"actor_id": "act_monitor", "name": "Sahel Conflict Monitor", "actor_type": "monitor"},
    {"actor_id": "act_ydp", "name": "Yemen Data Project", "actor_type": "monitor"},
    {"actor_id": "act_reuters", "name": "Reuters", "actor_type": "news_agency"},
    {"actor_id": "act_sputnik", "name": "Sputnik", "actor_type": "news_outlet"},
    {"actor_id": "act_daily", "name": "The Kabul Daily", "actor_type": "news_outlet"},
    {"actor_id": "act_who", "name": "WHO", "actor_type": "international_organisation"},
    {"actor_id": "act_un", "name": "UN", "actor_type": "international_organisation"},
    {"actor_id": "act_unitednations", "name": "United Nations",
     "actor_type": "international_organisation"},
    {"actor_id": "act_unicef", "name": "UNICEF", "actor_type": "international_organisation"},
    {"actor_id": "act_ocha", "name": "OCHA", "actor_type": "international_organisation"},
    {"actor_id": "act_is", "name": "Islamic State", "actor_type": "armed_group"},
    {"actor_id": "act_taliban", "name": "Taliban", "actor_type": "armed_group"},
    {"actor_id": "act_mod", "name": "Defence Ministry", "actor_type": "state_forces"},
    {"actor_id": "act_cjtf", "name": "CJTF-OIR", "actor_type": "coalition"},
    {"actor_id": "act_ria", "name": "RIA Novosti", "actor_type": "state_media"},
    {"actor_id": "act_ukrinform", "name": "Ukrinform", "actor_type": "state_media"},
    {"actor_id": "act_civil_defence", "name": "Civil Defence", "actor_type": "humanitarian"},
    {"actor_id": "act_civilians", "name": "Civilians", "actor_type": "civilians"},
    {"actor_id": "act_awad", "name": "Hassan Awad", "actor_type": "individual"},
    {"actor_id": "act_sln", "name": "Sudan Live Network", "actor_type": "news_outlet"},
]


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return Lexicon.from_rows(actors=ACTORS)


def killed(text, lex, outlet="act_daily"):
    doc = Document("doc_00000000000000bb", from_str(text), "t", outlet=outlet)
    found = sorted(propose_document(doc, lex).candidates,
                   key=lambda c: (c.char_start, c.number_start or 0))
    return [(c.count_value, c.claimant_text, c.claimant, c.relayed_by) for c in found
            if c.outcome == "killed"]


# -- what the claimant's words are not --------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    # a day after the verb is when it was said, not who said it
    ("Drone strikes killed 9 people in Marib media reported Sunday.",
     [(9, None, "act_daily", [])]),
    # a day before the name is dropped, the name speaks
    ("Air strikes killed 22 civilians near Gao on Monday the Sahel Conflict Monitor said.",
     [(22, "the Sahel Conflict Monitor", "act_monitor", ["act_daily"])]),
    # a place after a preposition is no speaker: an unnamed source placed in it is
    ("The strike killed four children an informed source in Kherson told Sputnik Friday.",
     [(4, "an informed source", "act_sputnik", ["act_daily"])]),
    # words that name no one leave no shorter speaker inside them
    ("Local sources in Port Sudan said 50 people were killed in the shelling.",
     [(50, None, "act_daily", [])]),
])
def test_a_day_a_place_or_nobody_is_no_claimant(lex, text, expected):
    assert killed(text, lex) == expected


def test_an_acronym_that_spells_a_pronoun_is_a_name(lex):
    assert killed("Cholera and shelling killed 70 people in Taiz, WHO said in a statement.",
                  lex) == [(70, "WHO", "act_who", ["act_daily"])]


@pytest.mark.parametrize(("text", "expected"), [
    # a dotted acronym is the acronym of the tables
    ("More than 250000 people have been killed since 2015 according to the U.N.",
     [(250000, "the U.N", "act_un", ["act_daily"])]),
    # a short form in brackets names the body, not the longer name inside it
    ("Raids killed at least 27 children in Saada the United Nations Childrens Fund (UNICEF) "
     "said in a statement.",
     [(27, "the United Nations Childrens Fund (UNICEF)", "act_unicef", ["act_daily"])]),
    ("Air strikes killed 20 civilians in El Fasher Sudan Live Network (SLN) reported.",
     [(20, "Fasher Sudan Live Network (SLN)", "act_sln", ["act_daily"])]),
])
def test_acronyms_dotted_or_in_brackets(lex, text, expected):
    assert killed(text, lex) == expected


# -- shapes of saying -------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("The Yemen Data Project however puts the death toll at 40.",
     [(40, "The Yemen Data Project", "act_ydp", ["act_daily"])]),
    ("OCHA confirmed the raids while the Sahel Conflict Monitor placed the death toll from "
     "the air raids at 50.", [(50, "the Sahel Conflict Monitor", "act_monitor", ["act_daily"])]),
    ("The Yemen Data Project has put the total death toll at more than 470000.",
     [(470000, "The Yemen Data Project", "act_ydp", ["act_daily"])]),
    # a body described as an NGO without commas, as copies that lost them write
    ("The Yemen Data Project a nongovernmental organization however has put the death toll "
     "from the war at as high as 150000.",
     [(150000, "The Yemen Data Project", "act_ydp", ["act_daily"])]),
])
def test_putting_the_toll_at_a_number_claims_it(lex, text, expected):
    assert killed(text, lex) == expected


def test_the_body_of_a_which_clause_speaks_not_the_place_inside_it(lex):
    text = ("The Yemen Data Project which has a network of sources in Yemen gave a toll of 36 "
            "dead.")
    assert killed(text, lex) == [(36, "The Yemen Data Project", "act_ydp", ["act_daily"])]


def test_a_reporter_of_a_body_after_a_place_is_that_body(lex):
    text = "Shelling killed 6 civilians in New Kherson Ukrinform reporter said on Monday."
    assert killed(text, lex) == [(6, "Kherson Ukrinform reporter", "act_ukrinform",
                                  ["act_daily"])]


def test_claiming_a_deed_is_no_claim_of_its_toll(lex):
    text = ("Islamic State claimed responsibility for a bombing that killed 17 people in Kabul. "
            "The Taliban claimed a suicide attack on a checkpoint that killed 9 police officers.")
    assert killed(text, lex) == [(17, None, "act_daily", []), (9, None, "act_daily", [])]


# -- unnamed sources --------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    # of no stated side: the claim of who carries it, the agency told, else the outlet
    ("An official said 16 people were killed in a motorcycle bomb in Kunduz.",
     [(16, "An official", "act_daily", [])]),
    ("At least nine people were killed near a police station an informed source told Reuters.",
     [(9, "an informed source", "act_reuters", ["act_daily"])]),
    ("A witness reported that the fighters killed at least 20 soldiers near the citadel.",
     [(20, "A witness", "act_daily", [])]),
    ("Unverified reports estimated up to 33 people may have been killed in the strike.",
     [(33, "Unverified", "act_daily", [])]),
    # of a side of its own: left for the curator to type
    ("A rebel commander said 35 soldiers were killed in the fighting.",
     [(35, "A rebel commander", None, ["act_daily"])]),
])
def test_an_unnamed_source_of_no_side_is_the_claim_of_who_carries_it(lex, text, expected):
    assert killed(text, lex) == expected


def test_it_is_a_body_never_the_person_who_spoke_last(lex):
    text = ("The Civil Defence said rescuers were still digging. Hassan Awad said the town "
            "was hit at dawn. It said it had recorded three deaths.")
    assert killed(text, lex) == [(3, "it", "act_civil_defence", ["act_daily"])]


def test_a_body_described_by_its_name_in_lower_case(lex):
    text = "Regime raids killed 31 civilians in Aleppo the civil defence said in a revised toll."
    assert killed(text, lex) == [(31, "the civil defence", "act_civil_defence", ["act_daily"])]


# -- who speaks for whom ----------------------------------------------------------------

def test_a_spokesman_with_a_rank_speaks_for_his_body(lex):
    # a military press release
    text = ("CJTF-OIR spokesman Col. Ryan Dillon said strikes near Raqqa killed 50 ISIS "
            "fighters.\nDillon said another 20 fighters were killed near Tabqa.")
    assert killed(text, lex, outlet=None) == [
        (50, "Ryan Dillon", "act_cjtf", []),
        (20, "Dillon", "act_cjtf", []),
    ]


def test_a_speaker_whose_body_the_tables_lack_speaks_for_himself(lex):
    text = ("Gas attacks killed more than 50 people said Hassan Awad head of Idlibs health "
            "authority.")
    assert killed(text, lex) == [(50, "Hassan Awad", "act_awad", ["act_daily"])]


def test_a_body_says_what_officials_reported_to_it(lex):
    # an NGO report: the body that says so, not the officials it heard from
    text = ("OCHA says local health officials have reported that 84 people have been killed "
            "in Taiz.")
    assert killed(text, lex) == [(84, "OCHA", "act_ocha", ["act_daily"])]


def test_a_kind_of_source_without_an_article_is_the_source_of_that_kind(lex):
    text = ("Rockets killed at least 14 people in Donetsk state media said. "
            "RIA Novosti said the shelling went on overnight.")
    assert killed(text, lex) == [(14, "state media", "act_ria", ["act_daily"])]


# -- the claim goes on ------------------------------------------------------------------

def test_a_figure_among_the_dead_is_the_claim_of_the_figure_before(lex):
    text = ("OCHA said 30 people were killed in Taiz on Monday. "
            "Seventeen children were among those killed.")
    assert killed(text, lex) == [(30, "OCHA", "act_ocha", ["act_daily"]),
                                 (17, None, "act_ocha", ["act_daily"])]


@pytest.mark.parametrize(("first", "expected"), [
    # a reporting body's sentence giving no figure hands its source on
    ("According to the Sahel Conflict Monitor fighting has raged around Gao for a week.",
     "act_monitor"),
    # a party to the war speaking of something else does not
    ("The Taliban said the offensive would go on.", "act_daily"),
])
def test_a_reporting_body_named_before_goes_on(lex, first, expected):
    text = first + " Since Thursday the bombing has killed 44 civilians."
    assert [(n, who) for n, _, who, _ in killed(text, lex)] == [(44, expected)]


def test_a_release_word_in_a_sentence_makes_no_release(lex):
    # "statement" in the first sentence is no release heading: the civilians counted in it
    # are no issuer
    text = ("Civilians killed in Kharkiv. Ten civilians were killed on Monday a police "
            "source said in a statement to Ukrinform.")
    assert [who for _, _, who, _ in killed(text, lex)] == [None]


@pytest.mark.parametrize(("text", "expected"), [
    # the toll describes the deed a speaker talks of, in the outlet's words
    ("The EU foreign policy chief Kaja Kallas said Russia bears responsibility for a missile "
     "attack on Kharkiv that killed at least 58 people.", [(58, None, "act_daily", [])]),
    ("At the UN the Sahel Conflict Monitor said the junta should be investigated following an "
     "attack on an aid convoy that claimed 20 lives Monday.", [(20, None, "act_daily", [])]),
    # the speaker's own count stays theirs
    ("The Sahel Conflict Monitor said the attack killed 12 people in Gao.",
     [(12, "The Sahel Conflict Monitor", "act_monitor", ["act_daily"])]),
])
def test_a_toll_describing_the_deed_spoken_of_is_the_outlets(lex, text, expected):
    assert killed(text, lex) == expected


def test_a_common_noun_is_no_speakers_surname(lex):
    # "Malis official Sahel News Agency" registers a speaker whose last word is "agency": a
    # body described as a news agency later is not that speaker
    text = ("Malis official Sahel News Agency put the death toll at 85. "
            "The Sahel Conflict Monitor news agency claimed 160 civilians were killed.")
    assert [(n, who) for n, _, who, _ in killed(text, lex)] == [(85, None), (160, "act_monitor")]


def test_the_correspondent_is_of_the_body_whose_correspondent_spoke_before(lex):
    text = ("Ukrinform's correspondent quoted a police source as saying rockets hit Kherson. "
            "The correspondent said the attacks claimed the lives of 3 people.")
    assert killed(text, lex) == [(3, "The correspondent", "act_ukrinform", ["act_daily"])]


def test_a_coordinator_described_before_the_name_speaks_for_the_body(lex):
    text = ("September was the deadliest month for civilians U.N. regional humanitarian "
            "coordinator Lise Grande said.\n"
            "Explosions in Sanaa killed 20 people in Hodeidah and Taiz Grande said again.")
    assert killed(text, lex) == [(20, "Taiz Grande", "act_un", ["act_daily"])]


def test_a_described_claim_with_a_which_clause_is_the_source_named_before(lex):
    text = ("The Islamic State (IS) group said in a statement that one of its fighters had "
            "attacked a checkpoint near Kabul. The claim which did not mention civilians said "
            "40 soldiers had been killed.")
    assert killed(text, lex) == [(40, "The claim", "act_is", ["act_daily"])]


def test_a_place_name_is_never_cut_to_make_a_speaker(lex):
    # "… province of Deir al-Zor the monitoring group said": a name is read whole (the
    # fragment is atomic), so "Zor" is no speaker; the group described is
    text = ("Air strikes killed 20 civilians in two parts of the eastern province of Deir "
            "al-Zor the UK-based war monitoring group said yesterday.")
    assert killed(text, lex) == [(20, "the UK-based war monitoring group", None, ["act_daily"])]


def test_the_organisation_said_is_the_organisation_named_before():
    lex = Lexicon.from_rows(actors=[{"actor_id": "act_nrc", "name": "Norwegian Refugee Council",
                                     "actor_type": "humanitarian"}])
    text = ("GENEVA, 3 March 2023 - The Norwegian Refugee Council said on Friday that shelling "
            "had killed at least 14 civilians over the past week. The province has seen 120 "
            "civilian deaths since January, the organisation said.")
    assert killed(text, lex, outlet=None) == [
        (14, "The Norwegian Refugee Council", "act_nrc", []),
        (120, "the organisation", "act_nrc", [])]


@pytest.mark.parametrize(("text", "expected"), [
    # a release's issuer the tables do not know: its heading's words, for the curator to add
    ("Sahel Protection Cluster\nPress Release\nBAMAKO, 14 February 2024 - At least 23 "
     "civilians were killed in an attack on the village of Ogossagou on Tuesday.\n",
     [(23, "Sahel Protection Cluster", None, [])]),
    ("NRC Press Release\nGENEVA - Shelling killed 14 civilians in Bakhmut this week.\n",
     [(14, "NRC", None, [])]),
    # no release: no heading taken for a claimant
    ("Sahel Protection Cluster\nAt least 23 civilians were killed in Ogossagou on Tuesday.\n",
     [(23, None, None, [])]),
])
def test_an_unknown_issuer_of_a_release_is_its_heading(lex, text, expected):
    assert killed(text, lex, outlet=None) == expected


def test_a_pronoun_speaker_is_a_whole_word(lex):
    # "according to health partners" was drafted as "he" said it
    text = "Shelling killed 70 people across the province, according to health partners."
    assert killed(text, lex) == [(70, None, "act_daily", [])]
