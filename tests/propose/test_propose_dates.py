import datetime as dt

import pytest

from tollbook.extract.propose.dates import dateline, find_dates, precision

REF = dt.date(2015, 4, 24)  # a Friday


def resolved(text, ref=REF):
    return [(m.text, m.range and (m.range.start.isoformat(), m.range.end.isoformat(),
                                  m.range.prec)) for m in find_dates(text, 0, len(text), ref)]


@pytest.mark.parametrize(("phrase", "expected"), [
    ("on Friday", ("on Friday", ("2015-04-24", "2015-04-24", 1))),
    ("on Thursday", ("on Thursday", ("2015-04-23", "2015-04-23", 1))),
    ("last Friday", ("last Friday", ("2015-04-17", "2015-04-17", 1))),
    ("yesterday", ("yesterday", ("2015-04-23", "2015-04-23", 1))),
    ("since Thursday", ("since Thursday", ("2015-04-23", "2015-04-24", 2))),
    ("Since the fighting began on Thursday",
     ("Since the fighting began on Thursday", ("2015-04-23", "2015-04-24", 2))),
    ("which began Thursday", ("began Thursday", ("2015-04-23", "2015-04-24", 2))),
    ("last week", ("last week", ("2015-04-13", "2015-04-19", 3))),
    ("last month", ("last month", ("2015-03-01", "2015-03-31", 4))),
    ("earlier this month", ("earlier this month", ("2015-04-01", "2015-04-23", 4))),
    ("in mid-March", ("mid-March", ("2015-03-11", "2015-03-20", 4))),
    ("in mid-May", ("mid-May", ("2014-05-11", "2014-05-20", 4))),
    ("in March", ("in March", ("2015-03-01", "2015-03-31", 4))),
    ("earlier this year", ("earlier this year", ("2015-01-01", "2015-04-23", 5))),
    ("late 2014", ("late 2014", ("2014-09-01", "2014-12-31", 5))),
    ("early 2015", ("early 2015", ("2015-01-01", "2015-04-30", 5))),
    ("in 2014", ("in 2014", ("2014-01-01", "2014-12-31", 5))),
    ("in March 2013", ("in March 2013", ("2013-03-01", "2013-03-31", 4))),
    ("April 25th, 2015", ("April 25th, 2015", ("2015-04-25", "2015-04-25", 1))),
    ("25 April 2015", ("25 April 2015", ("2015-04-25", "2015-04-25", 1))),
    ("on April 2", ("April 2", ("2015-04-02", "2015-04-02", 1))),
    ("three days ago", ("three days ago", ("2015-04-21", "2015-04-21", 1))),
    ("last night", ("last night", ("2015-04-23", "2015-04-24", 2))),
    ("since March 2011", ("since March 2011", ("2011-03-01", "2015-04-24", 5))),
])
def test_phrases(phrase, expected):
    assert resolved(phrase) == [expected]


def test_relative_phrases_need_a_reference_date():
    assert resolved("on Friday and late 2014", ref=None) == [
        ("on Friday", None), ("late 2014", ("2014-09-01", "2014-12-31", 5))]


def test_may_the_verb_is_no_month():
    assert resolved("the toll may rise") == []


def test_precision_follows_range_length():
    d = dt.date(2015, 1, 1)
    days = [1, 2, 6, 7, 8, 31, 32]
    assert [precision(d, d + dt.timedelta(days=n - 1)) for n in days] == [1, 2, 2, 3, 4, 4, 5]


@pytest.mark.parametrize(("text", "expected"), [
    ("Title\n\nPublished April 25th, 2015 - 06:07 GMT\n\nBody", (dt.date(2015, 4, 25),
                                                              "April 25th, 2015")),
    ("Wed 05 Apr 2017 Syria attack", (dt.date(2017, 4, 5), "05 Apr 2017")),
    ("Date of publication 12 August 2016 Airstrikes", (dt.date(2016, 8, 12), "12 August 2016")),
    ("30.04.2017) Get short URL", (dt.date(2017, 4, 30), "30.04.2017")),
    ("Last updated at Nov 272017 BEIRUT", (dt.date(2017, 11, 27), "Nov 272017")),
    ("Body.\nThis document has been published on 12Jun15 by Equipo Nizkor.",
     (dt.date(2015, 6, 12), "12Jun15")),
    ("No date here at all.", None),
])
def test_dateline(text, expected):
    assert dateline(text) == expected
