"""The shortcuts taken for speed (issue 7) find what the plain searches find."""

import datetime as dt
import re

import pytest

from tollbook.extract.propose.attribution import Attributor
from tollbook.extract.propose.dates import find_dates
from tollbook.extract.propose.filters import exclusions
from tollbook.extract.propose.lexicon import Lexicon
from tollbook.extract.propose.names import NameIndex
from tollbook.extract.propose.numbers import NumberReader
from tollbook.extract.propose.pipeline import Context
from tollbook.extract.propose.rules import default_rules
from tollbook.extract.propose.sentences import _last_word, sentence_spans
from tollbook.extract.propose.tagger import Tagger, Words, default_tagger
from tollbook.extract.propose.text import match_view

READER = NumberReader()


@pytest.mark.parametrize("text", ["He met Gen.", "the U.S.", "killed 12.", "Why?", "x_y.", "é.", ".", ""])
def test_last_word_is_what_the_end_anchored_search_finds(text):
    m = re.search(r"([\w.]+)$", text)
    assert _last_word(text, 0, len(text)) == (m.group(1) if m else "")


def test_last_word_stops_at_the_start_given():
    assert _last_word("Mr.Smith.", 3, 9) == "Smith."


def test_sentences_still_run_on_past_abbreviations():
    text = "Gen. Smith said 5 died. U.S. jets hit Raqqa. Nine were hurt!"
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "Gen. Smith said 5 died.", "U.S. jets hit Raqqa.", "Nine were hurt!"]


def reasons(text):
    view = match_view(text)
    excluded = exclusions(view)
    return [(q.text, excluded.reason(q.start, q.end)) for q in READER.find(view)]


@pytest.mark.parametrize(("text", "expected"), [
    # the tightened gates still open where their patterns match …
    ("under Act 5 of the law", [("5", "legal-citation")]),
    ("see section no. 12 today", [("12", "legal-citation")]),
    ("paid USD 40 each", [("40", "price")]),
    ("paid 40 dollars each", [("40", "price")]),
    ("up 12 per cent on", [("12", "percentage")]),
    ("at 10:30 on", [("10", "clock-time"), ("30", "clock-time")]),
    ("for 3 days in", [("3", "duration")]),
    ("within 5 km of", [("5", "measurement")]),
    ("Views: 40", [("40", "site-furniture")]),
    ("40 views", [("40", "site-furniture")]),
    # … and stay shut where a unit or keyword only hides inside a word
    ("after 5 attacks already left 7 dead", [("5", None), ("7", None)]),
    ("In Washington 12 recently died", [("12", None)]),
])
def test_exclusion_gates(text, expected):
    assert reasons(text) == expected


def test_no_anchor_is_tagged_around_a_plain_figure():
    # "ft" in "after", "act" in "attack", "read" in "already" once opened the rules' gates
    anchored = default_rules().tagged
    tags = default_tagger().tag("after the attack, 12 people already were killed in the village.")
    assert [t for t in tags.all if t.tag in anchored] == []
    tags = default_tagger().tag("after the attack, 12 people died 3 days ago")
    assert [(t.phrase, t.tag) for t in tags.all if t.tag in anchored] == [("days", "time_unit")]


def test_gates_of_a_stretch_that_is_ascii_in_a_text_that_is_not():
    text = "• bullet\nfor 3 days in"
    assert reasons(text) == [("3", "duration")]


def test_spellings_with_a_curly_apostrophe_match_in_ascii_text():
    index = NameIndex.build([("President Bashar al-Assad\u2019s forces", "act_assad")])
    found = index.find("shelled by President Bashar al-Assad's forces on Monday")
    assert [(m.text, m.ref_id) for m in found] == [("President Bashar al-Assad's forces", "act_assad")]
    assert index._spelling_patterns()[2] is not None  # the lower-case pattern


def test_spelling_patterns_are_compiled_only_when_a_text_is_searched_without_tags():
    index = NameIndex.build([("Syrian Observatory for Human Rights", "act_sohr"),
                             ("UK", "act_uk")])
    found = index.lookup("the UK-based Syrian Observatory for Human Rights monitor")
    assert (found.text, found.ref_id) == ("Syrian Observatory for Human Rights", "act_sohr")
    assert index.lookup("the uk envoy") is None  # an acronym only as written
    assert index._patterns is None
    index.find("The UK said so.")
    assert index._patterns is not None


def test_attributor_reads_noted_sentences_only_when_a_claimant_is_asked_for():
    index = NameIndex.build([("Syrian Observatory for Human Rights", "act_sohr")])
    text = "The Syrian Observatory for Human Rights said so.\nFive died, it said."
    first, second = (0, 48), (49, len(text))
    attributor = Attributor(text, index, index.find(text))
    attributor.note_sentence(*first)
    assert "speakers" not in attributor.__dict__ and attributor._found == {}
    c = attributor.claimant(*second, second[0])
    assert (c.text, c.actor) == ("it", "act_sohr")


def test_a_sentences_dates_are_found_once_and_are_what_find_dates_finds():
    text = "Seven people were killed on Monday in Homs. Strikes went on."
    lexicon = Lexicon()
    tags = lexicon.tagger.tag(text)
    reference = dt.date(2016, 5, 4)
    context = Context()
    first = context.told(text, 0, 43, reference, tags, lexicon)
    assert [(d.text, d.range.start) for d in first] == [("on Monday", dt.date(2016, 5, 2))]
    assert first == find_dates(text, 0, 43, reference, tags, lexicon.rules)
    assert context.told(text, 0, 43, reference, tags, lexicon) is first
    assert list(context.dates) == [(0, 43)]


def test_tags_come_by_start_longest_first_without_a_shorter_phrase_of_the_same_tag_inside():
    words = Words.from_data({"outcomes": [{"outcome": "killed", "words": ["toll", "death toll"]}],
                             "date_words": ["toll"]})
    tags = Tagger(words).tag("The Death toll, a tolled bell; toll.")
    assert [(t.start, t.end, t.tag, t.phrase) for t in tags.all] == [
        (4, 14, "outcome", "death toll"), (10, 14, "date_word", "toll"),
        (31, 35, "date_word", "toll"), (31, 35, "outcome", "toll")]
