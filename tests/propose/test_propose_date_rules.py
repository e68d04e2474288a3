"""Date windows beyond a phrase and the reference date: the conflict a dataset names (its
rules file), photo captions, phrases counted from the story's own day, ranges of weekdays and
months, and which dates a story carries to its later sentences. Texts written for these
tests in other registers and conflicts: wire copy from Ukraine, Yemen and the Sahel, a
military press release, an NGO report."""

import datetime as dt

import pytest

from tollbook.extract.propose.dates import find_dates
from tollbook.extract.propose.lexicon import Lexicon
from tollbook.extract.propose.pipeline import Document, propose_document
from tollbook.extract.propose.rules import RuleError, read_rules
from tollbook.extract.propose.tagger import read_words
from tollbook.extract.propose.text import from_str

WORDS = read_words()
UKRAINE = "conflicts:\n  - {name: donbas-war, start: 2014-04-06, evidence: first seizures}\n"
REF = dt.date(2016, 8, 10)  # a Wednesday


def rules_of(tmp_path, text=UKRAINE):
    (tmp_path / "reference").mkdir(exist_ok=True)
    (tmp_path / "reference" / "propose-rules.yaml").write_text(text, encoding="utf-8")
    return read_rules(tmp_path, WORDS)


def windows(text, rules=None, ref=REF):
    return [(m.text, m.range and (m.range.start.isoformat(), m.range.end.isoformat()))
            for m in find_dates(text, 0, len(text), ref, rules=rules)]


def run(text, rules=None, reference=REF):
    lex = Lexicon.from_rows(rules=rules) if rules is not None else Lexicon.from_rows()
    doc = Document("doc_00000000000000aa", from_str(text), "t", reference, "option")
    found = sorted(propose_document(doc, lex).candidates,
                   key=lambda c: (c.char_start, c.number_start or 0))
    return [(c.count_value, c.date_start, c.date_end) for c in found if c.outcome == "killed"]


# -- the conflict as a whole -----------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("since the war began in April 2014", ("2014-04-06", "2016-08-10")),
    ("since the conflict erupted with protests in 2014", ("2014-04-06", "2016-08-10")),
    ("since 2014", ("2014-04-06", "2016-08-10")),  # the period holds the conflict's start
    ("since March 2014", ("2014-03-01", "2016-08-10")),  # ... this one does not
    ("since the war began", ("2014-04-06", "2016-08-10")),
    ("since the start of the uprising", ("2014-04-06", "2016-08-10")),
    ("the two-year conflict which has killed", ("2014-04-06", "2016-08-10")),
    ("the conflict, which has so far killed", ("2014-04-06", "2016-08-10")),
    ("the war, which began with protests in 2014, has killed", ("2014-04-06", "2016-08-10")),
    ("the war in Donbas which has lasted two years has claimed", ("2014-04-06", "2016-08-10")),
    ("the death toll from the conflict", ("2014-04-06", "2016-08-10")),
    ("since the fighting began on Monday", ("2016-08-08", "2016-08-10")),  # a battle's own
])
def test_the_conflict_is_dated_from_the_start_its_dataset_names(tmp_path, text, expected):
    [(_, window)] = windows(text, rules_of(tmp_path))
    assert window == expected


def test_without_a_conflict_start_the_text_s_own_date_or_none(tmp_path):
    assert windows("since the war began in April 2014") == [
        ("since the war began in April 2014", ("2014-04-01", "2016-08-10"))]
    assert windows("The conflict has killed 9,000 people.") == [
        ("conflict has killed", None)]


def test_without_a_conflict_start_the_conflict_s_toll_is_left_undated():
    text = "Shelling killed 4 civilians on Monday. The conflict has killed 9,000 people."
    assert run(text) == [(4, "2016-08-08", "2016-08-08"), (9000, None, None)]


def test_war_planes_are_no_war(tmp_path):
    assert windows("War planes in Aleppo on Sunday have killed 32 civilians.",
                   rules_of(tmp_path)) == [("on Sunday", ("2016-08-07", "2016-08-07"))]


def test_an_ngo_report_s_conflict_toll_and_its_own_figure(tmp_path):
    rules = rules_of(tmp_path, "conflicts:\n  - {name: yemen-war, start: 2015-03-26, "
                               "evidence: coalition air campaign}\n")
    text = ("The Yemen Data Project recorded air raids on Dahyan on Monday that killed 40 "
            "children. Since the war began in March 2015, at least 17,000 civilians have been "
            "killed. Three more children died in hospital.")
    assert run(text, rules) == [(40, "2016-08-08", "2016-08-08"),
                                (17000, "2015-03-26", "2016-08-10"),
                                # the conflict's window is never carried on
                                (3, "2016-08-08", "2016-08-08")]


def test_since_then_starts_on_the_date_given_before(tmp_path):
    text = ("Eastern Ukraine has been at war since early 2014. Since then more than 9,000 "
            "people have been killed.")
    assert run(text, rules_of(tmp_path)) == [(9000, "2014-04-06", "2016-08-10")]
    assert run(text) == [(9000, "2014-01-01", "2016-08-10")]


def test_one_conflict_per_dataset(tmp_path):
    with pytest.raises(RuleError, match=r"propose-rules\.yaml:3: rule b: conflicts: one "
                                        r"conflict per dataset \(a at .*:2\)"):
        rules_of(tmp_path, "conflicts:\n  - {name: a, start: 2014-04-06, evidence: e}\n"
                           "  - {name: b, start: 2015-03-26, evidence: e}\n")


@pytest.mark.parametrize(("entry", "message"), [
    ("{name: a, evidence: e}", r":2: rule a: field start: missing or not a day"),
    ("{name: a, start: April 2014, evidence: e}", r":2: rule a: field start: missing or not"),
    ("{name: a, start: 2014-04-06}", r":2: rule a: field evidence: missing or not text"),
    ("{name: a, start: 2014-04-06, evidence: e, end: 2016-01-01}",
     r":2: rule a: field end: unknown field"),
])
def test_a_bad_conflict_is_one_line(tmp_path, entry, message):
    with pytest.raises(RuleError, match=message):
        rules_of(tmp_path, f"conflicts:\n  - {entry}\n")


# -- captions, spans ---------------------------------------------------------------------

def test_a_photo_caption_s_date_is_no_event_s():
    text = ("Soldiers patrol in Gao, Mali, May 3 2016 (Reuters Photo) Gunmen killed 12 "
            "villagers in Menaka.")
    assert windows(text) == []
    assert run(text) == [(12, "2016-08-09", "2016-08-10")]  # the reference day or the one before
    dated = "A market in Menaka on July 30 2016 (File photo) Gunmen killed 12 villagers on Tuesday."
    assert windows(dated) == [("on Tuesday", ("2016-08-09", "2016-08-09"))]


@pytest.mark.parametrize(("text", "expected"), [
    ("killed on Monday and Tuesday", ("on Monday and Tuesday", ("2016-08-08", "2016-08-09"))),
    ("from Saturday to Monday", ("from Saturday to Monday", ("2016-08-06", "2016-08-08"))),
    ("strikes which began Sunday and continued Tuesday",
     ("began Sunday and continued Tuesday", ("2016-08-07", "2016-08-09"))),
    ("in the first six months of 2016",
     ("in the first six months of 2016", ("2016-01-01", "2016-06-30"))),
    ("since a ceasefire collapsed on July 19",
     ("since a ceasefire collapsed on July 19", ("2016-07-19", "2016-08-10"))),
    ("since the end of July", ("since the end of July", ("2016-07-31", "2016-08-10"))),
    ("since the army began an offensive two weeks ago",
     ("since the army began an offensive two weeks ago", ("2016-07-27", "2016-08-10"))),
    ("photos taken between May 2011 and August 2013",
     ("between May 2011 and August 2013", ("2011-05-01", "2013-08-31"))),
    ("from November to February 2016", ("from November to February 2016",
                                        ("2015-11-01", "2016-02-29"))),
    ("destroyed over the weekend", ("over the weekend", ("2016-08-06", "2016-08-07"))),
    # the month of the reference date ends on it
    ("in August", ("in August", ("2016-08-01", "2016-08-10"))),
    ("in recent weeks", ("in recent weeks", ("2016-07-13", "2016-08-10"))),
])
def test_spans(text, expected):
    assert windows(text) == [expected]


@pytest.mark.parametrize(("ref", "expected"), [
    (dt.date(2016, 8, 8), ("2016-08-06", "2016-08-07")),  # a Monday: the days before
    (dt.date(2016, 8, 7), ("2016-08-06", "2016-08-07")),  # a Sunday: that weekend
    (dt.date(2016, 8, 6), ("2016-08-06", "2016-08-06")),  # a Saturday: no later than it
])
def test_the_weekend_is_the_last_one_up_to_the_reference_date(ref, expected):
    assert windows("air strikes at the weekend", ref=ref) == [("at the weekend", expected)]


@pytest.mark.parametrize("text", [
    "The death toll from the strike on a Sanaa market has risen to 86, the ministry said on "
    "Tuesday.",
    "Thirteen soldiers were killed near Kramatorsk, the army reported Tuesday updating an "
    "earlier toll.",
])
def test_a_running_toll_reported_on_a_day_is_that_day_and_the_one_before(text):
    [(_, window)] = windows(text)
    assert window == ("2016-08-08", "2016-08-09")


def test_since_reaches_past_a_long_noun_phrase_only_through_an_event_verb():
    text = ("It was the first death since a suspected chemical weapons attack on Tuesday that "
            "killed 87.")
    assert windows(text) == [("on Tuesday", ("2016-08-09", "2016-08-09"))]


# -- counted from the story's day --------------------------------------------------------

def test_a_day_after_dates_what_follows_it():
    text = ("Gunmen killed 6 people in Menaka on Monday, a day after an ambush killed 14 "
            "soldiers near Gao.")
    assert run(text) == [(6, "2016-08-08", "2016-08-08"), (14, "2016-08-07", "2016-08-07")]


def test_the_previous_day_of_a_press_release():
    text = ("CJTF-OIR Press Release. Coalition forces conducted strikes near Mosul on July 28, "
            "killing 9 ISIS fighters. The previous day, strikes near Tal Afar killed 4 fighters.")
    assert run(text) == [(9, "2016-07-28", "2016-07-28"), (4, "2016-07-27", "2016-07-27")]


def test_a_day_before_a_story_of_two_days_is_two_days_earlier():
    text = "Shells killed 5 civilians in Donetsk a day after air strikes killed 26 people."
    assert run(text) == [(5, "2016-08-09", "2016-08-10"), (26, "2016-08-08", "2016-08-09")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Two days of fighting in Marib have killed 40 fighters, the ministry said on Sunday.",
     [(40, "2016-08-06", "2016-08-07")]),
    ("Seven days of air strikes have left 75 civilians dead, the monitor said.",
     [(75, "2016-08-04", "2016-08-10")]),
    ("The army said it had killed 100 insurgents in two days of air and ground operations "
     "ending on Tuesday.", [(100, "2016-08-08", "2016-08-09")]),
    ("The toll rose to 45 killed in 24 hours of bombardment on Monday.",
     [(45, "2016-08-07", "2016-08-08")]),
])
def test_days_of_fighting_end_on_the_story_s_day(text, expected):
    assert run(text) == expected


# -- what the story carries ----------------------------------------------------------------

def test_a_lead_without_a_date_takes_the_next_sentences_day():
    text = ("At least 12 civilians were killed in shelling of Donetsk. The shells hit a market "
            "on Monday morning, officials said. Another 3 died in hospital.")
    assert run(text) == [(12, "2016-08-08", "2016-08-08"), (3, "2016-08-08", "2016-08-08")]


def test_a_lead_takes_no_background_period_from_later_sentences():
    text = ("At least 12 civilians were killed in shelling of Donetsk. The city has been held "
            "by separatists since 2014.")
    assert run(text) == [(12, "2016-08-09", "2016-08-10")]


def test_a_background_since_is_not_carried():
    text = ("Medics said 430 civilians have been killed in Taiz since 2013. Seven people were "
            "killed in Mocha.")
    assert run(text) == [(430, "2013-01-01", "2016-08-10"), (7, "2016-08-09", "2016-08-10")]


@pytest.mark.parametrize("text", [
    "Rebel shelling killed 2 civilians in Aleppo, a city that has been divided since July 2012.",
    "Shells killed 43 civilians in Douma, which has been besieged by government forces since "
    "2013.",
    "Gunmen killed 9 people in Menaka, which has been under the control of armed groups since "
    "2012.",
])
def test_how_long_a_place_has_been_held_is_no_date_of_its_figures(text):
    [(_, start, end)] = run(text)
    assert (start, end) == ("2016-08-09", "2016-08-10")


def test_a_datelines_day_dates_no_figure_while_the_sentence_gives_another():
    text = ("SANAA, Yemen, August 9 (Reuters) - An air strike on a market in Saada killed 17 "
            "people on Monday, a day after fighting near Marib left 24 dead. Medical sources "
            "said 11 of the dead were migrants.")
    assert run(text) == [(17, "2016-08-08", "2016-08-08"), (24, "2016-08-07", "2016-08-07"),
                         (11, "2016-08-08", "2016-08-08")]


def test_a_datelines_day_dates_the_story_when_it_is_the_only_one():
    text = "KYIV, August 9 (AP) - Shelling killed 5 civilians. Officials said 2 children died."
    assert run(text) == [(5, "2016-08-09", "2016-08-09"), (2, "2016-08-09", "2016-08-09")]
