import re

import pytest

from tollbook.extract.propose.outcomes import find_control_cues, find_cues, may_hold_cue
from tollbook.extract.propose.sentences import sentence_spans
from tollbook.extract.propose.words import match_at, starts_within, word_starts

STARTS = word_starts(["the\\s+dea", "dea", "kil"])


def test_word_starts_only_where_a_word_begins():
    text = "the deaths, skilled killers; the dean"
    assert [m.start() for m in STARTS.finditer(text)] == [0, 4, 20, 29, 33]


def test_starts_within_is_none_for_text_that_is_not_ascii():
    assert starts_within("the deaths — and", STARTS, 0, 16) is None
    assert starts_within("the deaths", STARTS, 0, 10) == [0, 4]


@pytest.mark.parametrize("text", [
    "the deaths were many, the deaths of 5 and the death toll",
    "killed killed", "", "nothing here",
])
def test_match_at_finds_what_finditer_finds(text):
    pattern = re.compile(r"\b(?:the\s+deaths?\s+of|deaths?|death\s+toll|killed)\b")
    starts = [m.start() for m in STARTS.finditer(text)]
    assert [m.span() for m in match_at(pattern, text, starts, 0, len(text))] == \
        [m.span() for m in pattern.finditer(text)]


def test_cues_after_an_article():
    text = "The deaths were confirmed. The deaths of 12 were confirmed."
    assert [c.text for c in find_cues(text, 0, len(text))] == ["deaths", "The deaths of"]


def test_cues_and_control_in_ascii_and_other_text():
    for text in ("Rebels took control of the town and killed 3.",
                 "Rebels took control of the town and killed 3 \u2014 AFP."):
        assert [c.text for c in find_cues(text, 0, len(text))] == ["killed"]
        assert [c.text for c in find_control_cues(text, 0, len(text))] == ["took control of"]
        assert may_hold_cue(text, 0, len(text))
    assert not may_hold_cue("Talks resumed on Monday.", 0, 24)


def test_sentences_at_line_ends():
    text = "One. \nTwo?  \n\nThree! Four.\n"
    assert [text[s:e] for s, e in sentence_spans(text)] == ["One.", "Two?", "Three!", "Four."]
