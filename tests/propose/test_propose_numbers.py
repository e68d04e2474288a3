import pytest

from tollbook.extract.propose.numbers import NumberReader, VagueWord, parse_words, spell

READER = NumberReader([VagueWord("dozens", 24, 99, None), VagueWord("several", 3, 9, None),
                       VagueWord("hundreds", 200, 999, None)])


def read(text):
    return [(q.text, q.value, q.qualifier, q.word, q.low, q.best, q.high)
            for q in READER.find(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("six", ("six", 6, "exact", None, 6, 6, 6)),
    ("twenty-one", ("twenty-one", 21, "exact", None, 21, 21, 21)),
    ("one hundred and twenty", ("one hundred and twenty", 120, "exact", None, 120, 120, 120)),
    ("a dozen", ("a dozen", 12, "approximately", None, None, 12, None)),
    ("45", ("45", 45, "exact", None, 45, 45, 45)),
    ("1,200", ("1,200", 1200, "exact", None, 1200, 1200, 1200)),
    ("1.5 million", ("1.5 million", 1500000, "exact", None, 1500000, 1500000, 1500000)),
    ("at least 45", ("45", 45, "at_least", None, 45, 45, None)),
    ("more than 100", ("100", 100, "at_least", None, 100, 100, None)),
    ("up to 30", ("30", 30, "at_most", None, None, 30, 30)),
    ("nearly 200", ("200", 200, "approximately", None, None, 200, None)),
    ("about fifty", ("fifty", 50, "approximately", None, None, 50, None)),
    ("dozens", ("dozens", None, "vague", "dozens", 24, None, 99)),
    ("Hundreds", ("Hundreds", None, "vague", "hundreds", 200, None, 999)),
    ("several", ("several", None, "vague", "several", 3, None, 9)),
])
def test_quantities(text, expected):
    assert read(text) == [expected]


def test_qualifier_offsets_are_kept_apart_from_the_number():
    (q,) = READER.find("killing at least 18 people")
    assert (q.span_start, q.start, q.end) == (8, 17, 19)


def test_no_numbers_inside_tokens():
    assert read("12Jun15 4.47.21 30.04.2017 A$$ad") == []


def test_parse_words_and_spell_agree():
    for n in (1, 13, 21, 99, 100, 120, 1999, 21500):
        assert all(parse_words(w) == n for w in spell(n))
    assert spell(21) == ["twenty-one", "twenty one"]


@pytest.mark.parametrize(("text", "expected"), [
    ("roundabout 5 cars", ("5", 5, "exact", None, 5, 5, 5)),
    ("Moreover 4 civilians", ("4", 4, "exact", None, 4, 4, 4)),
    ("that least one", ("one", 1, "exact", None, 1, 1, 1)),
    ("Roughly 5", ("5", 5, "approximately", None, None, 5, None)),
])
def test_a_qualifier_begins_a_word(text, expected):
    # "roundabout 5" holds no "about 5": qualifiers are read only where a word begins
    assert read(text) == [expected]


def test_non_ascii_text_reads_the_same_numbers():
    assert read("at least 45 — and about fifty") == [
        ("45", 45, "at_least", None, 45, 45, None),
        ("fifty", 50, "approximately", None, None, 50, None),
    ]
