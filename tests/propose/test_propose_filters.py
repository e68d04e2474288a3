import pytest
from propose_support import SOURCES

from tollbook.extract.propose.filters import exclusions, rejected
from tollbook.extract.propose.numbers import NumberReader
from tollbook.extract.propose.text import decode, match_view

READER = NumberReader()


def verdicts(text):
    view = match_view(text)
    excluded = exclusions(view)
    return [(q.text, rejected(q, view, excluded)) for q in READER.find(view)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Screen Shot 2015-06-08 at 4.47.21 PM",
     [("2015", "caption"), ("06", "caption"), ("08", "caption")]),
    ("You've Raised:£ 9,899\nWe need:£ 8,101\n12 Days remaining\n",
     [("9,899", "fundraising"), ("8,101", "fundraising"), ("12", "duration")]),
    ("In accordance with Title 17 U.S.C. Section 107, this material",
     [("17", "legal-citation"), ("107", "legal-citation")]),
    ("a 12-year-old boy was killed", [("12", "age")]),
    ("a twelve-year-old boy was killed", [("twelve", "age")]),
    ("the boy, aged 12, was killed", [("12", "age")]),
    ("at 06:07 GMT and 10 a.m.", [("06", "clock-time"), ("07", "clock-time"),
                                  ("10", "clock-time")]),
    ("© 2000 - 2020 Al Bawaba", [("2000", "copyright"), ("2020", "copyright")]),
    ("Copyright 2018 TRT World", [("2018", "copyright")]),
    ("formed in late 2014, but", [("2014", "year")]),
    ("the 3rd brigade and the twenty-first", [("twenty", "ordinal")]),
    ("40 percent of 5 km", [("40", "percentage"), ("5", "measurement")]),
    ("a 5 million dollars deal, £ 40", [("5 million", "price"), ("40", "price")]),
    ("Wed 05 Apr 2017 and on April 25th, 2015", [("05", "date"), ("2017", "date"),
                                                 ("2015", "date")]),
    ("2000 people were killed", [("2000", None)]),
    ("30 regime troops", [("30", None)]),
])
def test_never_counts(text, expected):
    assert verdicts(text) == expected


def test_compact_dates_hold_no_number():
    assert verdicts("This document has been published on 12Jun15 by Equipo Nizkor") == []


def test_body_span_and_sidecar_spans():
    view = "Menu 5 items\nSix were killed.\nAd 7"
    excluded = exclusions(view, body=(13, 29))
    assert [(q.text, rejected(q, view, excluded)) for q in READER.find(view)] == [
        ("5", "outside-body"), ("Six", None), ("7", "outside-body")]


def test_seed_001_captions_and_comments_are_excluded():
    view = match_view(decode((SOURCES / "001_0eebb3978b350830.txt").read_bytes()).text)
    excluded = exclusions(view)
    comments = view.index("mike merlo says:")
    assert excluded.covers(comments, len(view))
    for shot in ("4.47.21", "4.51.04", "4.53.30", "4.53.48", "4.56.38", "4.58.45"):
        at = view.index(f"Screen Shot 2015-06-08 at {shot} PM")
        assert excluded.reason(at + 12, at + 16) == "caption"
    assert excluded.reason(view.index("Several commanders"), view.index("Several commanders") + 7) \
        == "reader-comment"


def test_seed_003_footer_is_excluded():
    view = match_view(decode((SOURCES / "003_b62e91b403ca12d2.txt").read_bytes()).text)
    at = view.index("You may also like")
    assert exclusions(view).covers(at, len(view))
