"""Words every match of a pattern holds (required.py), and attributions found with them
as without."""

import dataclasses
import re

import pytest

from tollbook.extract.propose.attribution import find_attributions
from tollbook.extract.propose.required import required_words
from tollbook.extract.propose.rules import default_rules
from tollbook.extract.propose.tagger import default_tagger


@pytest.mark.parametrize(("pattern", "anchors", "expected"), [
    (r"(?P<who>[A-Z]\w+)\s+(?:group|agency)\s+said", ["said"], ("agency", "group")),
    (r"(?P<who>[A-Z]\w+)\s+(?:group|agency)\s+said", [], ("said",)),
    (r"(?:the\s+)?Monitor", [], ("monitor",)),  # in lower case; the optional part holds none
    (r"(?:the\s+)?\w+", [], ()),
    (r"(?<=, )rebels", [], ("rebels",)),  # a look-around reads outside the match
    (r"(?=said)\w+", [], ()),
    (r"caf\u00e9 bar", [], (" bar",)),  # a character beyond ASCII ends a word
    (r"(?:one|\d+)\s+killed", ["killed"], ()),  # a branch with no word in one alternative
    (r"(?:reporters?|officials?)\s+said", ["said"], ("official", "reporter")),
    (r", (?:the|its)\s+said", ["said"], ("its", "the")),
    (r",\s+said", ["said"], (",",)),  # a short word only when nothing else
])
def test_required_words(pattern, anchors, expected):
    assert required_words(re.compile(pattern), anchors) == expected


SENTENCES = [
    "The Syrian Observatory for Human Rights, a Britain-based monitoring group, said 12 died.",
    "The Observatory monitoring group said 12 died.",
    "SANA reporter said 4 were killed in Homs.",
    "A monitor and a medical source said 7 died.",
    "The Observatory, which monitors the war, said 30 were killed.",
    "AFP quoted Governor Talal Barazi as saying nine died.",
    "Rami Abdel Rahman told AFP that 5 were killed.",
    "Activists in rural Idlib said 3 died.",
    "Nine died, rebels said.",
    "The ministry said 9 died.",
]


def test_every_match_holds_a_needle_and_attributions_are_those_found_without_them():
    rules = default_rules()
    plain = dataclasses.replace(rules, attributions=[
        dataclasses.replace(r, needles=()) for r in rules.attributions])
    matched = set()
    for text in SENTENCES:
        for rule in rules.attributions:
            if rule.needles and rule.pattern.search(text):
                assert any(n in text.lower() for n in rule.needles), (rule.name, text)
                matched.add(rule.name)
        speech = {t.phrase for t in default_tagger().tag(text).by_tag.get("speech", [])}
        assert find_attributions(text, 0, len(text), speech=speech, rules=rules) == \
            find_attributions(text, 0, len(text), speech=speech, rules=plain)
    assert {"appositive-says", "name-and-kind-says", "name-role-says", "two-sources-say",
            "quoted-as-saying"} <= matched
