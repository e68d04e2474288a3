"""The second round of shortcuts for speed (issue 7) give what the plain ways give."""

import re

import ftfy
import pytest

from tollbook.extract.propose import filters
from tollbook.extract.propose.attribution import Attributor
from tollbook.extract.propose.filters import exclusions
from tollbook.extract.propose.names import _LOWER_WORD, NameIndex, _alternation, _capital_alternation, _LowerWords
from tollbook.extract.propose.numbers import NumberReader
from tollbook.extract.propose.rules import Rule, Rules, default_rules
from tollbook.extract.propose.text import _C1_FIXED, _REPAIR, _ftfy_settings, _repair_line, _settled, decode

READER = NumberReader()
#: Far enough from every number that no gate or pattern around one sees it.
NOT_ASCII = " " * (filters.MARGIN + 20) + "\u00e9"


def reasons(text):
    excluded = exclusions(text)
    return [(q.text, excluded.reason(q.start, q.end)) for q in READER.find(text)]


@pytest.mark.parametrize("text", [
    "Screen Shot 2016-05-04 at 10.23.45 AM shows 4 dead",
    "see photo-of-45-killed.jpg and 3 more",
    "under Title 18, U.S.C. Section 2339 and Act 5 of the law",
    "copyright 2016 and 2015 \u00a9 with 7 killed",
    "paid $40 or USD 40 or 40 dollars, up 12 per cent or 12%",
    "at 10:30 or 10.30 pm, 5 am, 1400 GMT, 9 hrs",
    "a 25-year-old and aged 30, for 3 days and two weeks",
    "within 5 km, 3 miles, 200 metres, 4 tons",
    "on March 12, 2016, 12 March 2016, March 2016, 12Mar16, 12/03/2016",
    "the 3rd and twenty-first, Get short URL 191, Views: 40, 40 views",
    "after 5 attacks already left 7 dead in Washington",
])
def test_ascii_reports_are_vetoed_as_by_the_general_path(text):
    # a character beyond ASCII far from every number sends the text down the general path
    found = reasons(text)
    assert found == reasons(text + NOT_ASCII)
    assert any(reason is not None for _q, reason in found) or "attacks" in text


def test_digit_rules_in_one_search_find_what_each_finds_alone():
    rules = default_rules()
    for text in ("10:30", "10.30 pm", "5 pm", "5PM", "1400 gmt", "12Mar16", "1/2/2016", "3rd",
                 "3RD", "12%", "5km", "at 10:30, 12/03/2016"):
        # the same characters are covered, for the same reasons (one search keeps the first
        # of two overlapping matches: "10.30 pm", not also "30 pm")
        alone = {(i, r.effect) for r in rules.digit for m in r.pattern.finditer(text)
                 for i in range(m.start(), m.end())}
        together = {(i, s.reason) for s in filters._digit_spans(text, rules)
                    for i in range(s.start, s.end)}
        assert together and together == alone, text
        again = filters._digit_spans(text + NOT_ASCII, rules)  # the search of a text not ASCII
        assert {(i, s.reason) for s in again for i in range(s.start, s.end)} == together
    assert filters._digit_spans("after the attack, 12 people were killed", rules) == []


def test_a_rule_is_tried_only_near_its_anchor_tag():
    rules = Rules(exclusions=[Rule("any-number-near-money", "currency", re.compile(r"\d+"),
                                   "test", "price")])
    text = "12 people were killed. " + "x " * 40 + "It cost $ 5 and 7 more were killed."
    excluded = exclusions(text, rules=rules)
    found = {q.text: excluded.reason(q.start, q.end) for q in READER.find(text)}
    assert found == {"12": None, "5": "price", "7": "price"}


@pytest.mark.parametrize("text", [
    "raqqa and Raqqa", "al-raqqa Raqqa", "5-raqqa", "x_raqqa", "raqqa's", "raqqa-based",
    "Aleppo-aleppo", "the aleppo", "-aleppo", "aleppo", "ALEPPO", "\u00e9aleppo aleppo\u00e9",
])
def test_lower_words_are_what_the_plain_search_lists(text):
    listed = set(_LOWER_WORD.findall(text))
    words = _LowerWords(text)
    for word in {*re.findall(r"[\w'-]+", text.lower()), "raqqa", "aleppo", "based", "raqqa-based"}:
        assert (word in words) == (word in listed), word


@pytest.mark.parametrize("text", ["AFP said", "the AFP's", "XAFP", "-AFP", "AFP-x", "(AFP)", "AFPS",
                                  "SANA, AFP", "S ANA"])
def test_acronyms_match_as_with_the_look_behind_first(text):
    spellings = ["SANA", "AFP", r"S[-\s'’‘`]*ANA"]
    plain, fast = re.compile(_alternation(spellings)), re.compile(_capital_alternation(spellings))
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_names_scanned_twice_are_found_the_same():
    index = NameIndex.build([("Syrian Observatory for Human Rights", "act_sohr")], [("Raqqa", "loc_raqqa")])
    text = "Shelling hit Hamadi and Kafrnabel.\nMore died in hamadi, Kafrnabel and Deir Ezzor."
    spans = [(0, 34), (35, len(text))]
    first = index.scan(text, spans)
    assert index.scan(text, spans) == first
    # "Hamadi" is also written in lower case, so it names nobody
    assert [(u.text, u.count) for u in first[1]] == [("Kafrnabel", 2), ("Deir Ezzor", 1)]


def test_named_claimants_are_remembered_for_a_later_pronoun():
    index = NameIndex.build([("Syrian Observatory for Human Rights", "act_sohr")])
    text = ("The Syrian Observatory for Human Rights said 5 died.\nA resident said so.\n"
            "Three died, it said.")
    first, second, third = (0, 52), (53, 72), (73, len(text))
    attributor = Attributor(text, index, index.find(text))
    c = attributor.claimant(*first, 45)
    assert (c.text, c.actor) == ("The Syrian Observatory for Human Rights", "act_sohr")
    attributor.note_sentence(*first)
    attributor.note_sentence(*second)
    assert second not in attributor._found  # nothing asked who spoke before
    c = attributor.claimant(*third, third[0])
    assert (c.text, c.actor) == ("it", "act_sohr")
    assert second in attributor._found


@pytest.mark.parametrize("line", [
    f"{a}{chr(c)}{b}\n" for c in range(0x80, 0xA0) for a, b in (("x", "y"), (" ", "."), ("5", "A"), ("", ""))
] + ["ab \x95 cd \x92 ef \x81 gh", "don\x92t \x93go\x94 \x96 now\n", "a \x95\x81The", "ab \x8a\x81 cd",
     "x\x8a\x82a", "\u00a3 5 \x95", "caf\u00c3\u00a9 \x95"])
def test_lone_c1_controls_are_repaired_as_ftfy_repairs_them(line):
    assert _repair_line(line) == ftfy.fix_text(line, _REPAIR)


def test_lone_c1_controls_in_a_report():
    stored = decode("Five killed \x95 six hurt, it\x92s said.\n\x95\x81The toll rose.".encode("latin-1"))
    assert stored.text == "Five killed \u2022 six hurt, it\u2019s said.\n\u2022\x81The toll rose."
    assert stored.repaired


@pytest.mark.parametrize("context", [(" ", "The\n"), ("x", "y"), ("\u00a3 5 ", ".\n")])
def test_c1_controls_side_by_side_are_repaired_as_ftfy_repairs_them(context):
    a, b = context
    lines = [f"{a}{chr(x)}{chr(y)}{b}" for x in range(0x80, 0xA0) for y in range(0x80, 0xA0)]
    assert [_repair_line(line) for line in lines] == [ftfy.fix_text(line, _REPAIR) for line in lines]


def test_a_line_ftfy_leaves_but_for_its_controls_is_not_handed_to_it():
    settings = _ftfy_settings()
    line = "Copyright \x95\x81 2018 TRT World, \u00a3 5\n"
    assert _settled(line, settings) and _settled(line.translate(_C1_FIXED), settings)
    assert _repair_line(line) == ftfy.fix_text(line, _REPAIR) == \
        "Copyright \u2022\x81 2018 TRT World, \u00a3 5\n"
    # "\x8a\x81" is "Š\x81", which read as cp1257 is the UTF-8 of "Ё": ftfy's to decide
    assert not _settled("a \u0160\x81 b\n", settings)
    assert _repair_line("a \x8a\x81 b\n") == "a \u0401 b\n"
