"""Finding the body of a page: dateline and headline at the top, page tail at the end."""

import datetime as dt

import pytest

from tollbook.extract.intake.body import find_body, find_dateline, find_headline

PAGES = [
    # (page text, title, expected dateline, body starts with, body ends with)
    ("Wed 05 Apr 2017 Strike kills 16 in Hasaka. A suicide bomb blast killed at least 16 people. - REUTERS",
     "Strike kills 16 in Hasaka", dt.date(2017, 4, 5), "A suicide bomb", "16 people. - REUTERS"),
    ("Published July 5 2016 A motorcycle bomber killed at least 16 civilians outside a bakery.",
     None, dt.date(2016, 7, 5), "A motorcycle bomber", "outside a bakery."),
    ("8 persons killed in rocket attacks on Aleppo 6 October 2016 Aleppo SANA-Terrorists fired shells.",
     "8 persons killed in rocket attacks on Aleppo", dt.date(2016, 10, 6), "Aleppo SANA-", "fired shells."),
    ("02.10.2017 Fifteen people died during an explosion not far from central Damascus, a correspondent said, "
     "and police said the blast hit a station. Community standardsDiscussion Comment via Facebook",
     None, dt.date(2017, 10, 2), "Fifteen people", "hit a station."),
    ("17-08-2016 Martyrs as Terrorists Shell Salah Eddin. Seven civilians were martyred on Wednesday.",
     "Martyrs as Terrorists Shell Salah Eddin", dt.date(2016, 8, 17), "Seven civilians", "on Wednesday."),
    ("Russia strikes kill 120 fighters Moscow AFP Saturday 7 Oct 2017 Russian strikes in Syria hit an arsenal.",
     "Russia strikes kill 120 fighters", dt.date(2017, 10, 7), "Russian strikes", "an arsenal."),
    ("Print this page Tuesday 19 July 2016 16:45 Airstrikes disrupt the last ambulance service.",
     None, dt.date(2016, 7, 19), "Airstrikes disrupt", "ambulance service."),
    ("Date of publication 5 July 2016 The bomber was on a motorcycle when he attacked a crowd. Read Also",
     None, dt.date(2016, 7, 5), "The bomber", "attacked a crowd."),
    ("Saturday 17 September 2016 21:09 President said the siege must end in the whole province. "
     "(Source: Syrian Coalition) Twitter", None, dt.date(2016, 9, 17), "President said", "whole province."),
]


@pytest.mark.parametrize(("page", "title", "day", "starts", "ends"), PAGES)
def test_body_leaves_out_dateline_headline_and_tail(page, title, day, starts, ends):
    body = find_body(page, title)
    assert body.dateline is not None and body.dateline.date == day
    assert page[body.char_start:].startswith(starts)
    assert page[:body.char_end].endswith(ends)


def test_a_body_without_dateline_or_headline_is_the_whole_text():
    page = "Air strikes on two hospitals left 10 people dead, a monitor said."
    body = find_body(page, "Ten dead in strikes")
    assert (body.char_start, body.char_end, body.dateline) == (0, len(page), None)


def test_a_first_sentence_that_only_starts_like_the_headline_is_kept():
    page = "More than 100 civilians have been killed and 700 injured in August, officials said."
    assert find_headline(page, "More than 100 civilians killed 700 injured in Aleppo shelling") is None
    assert find_body(page, "More than 100 civilians killed 700 injured in Aleppo shelling").char_start == 0


def test_a_headline_cut_short_by_the_table_still_matches():
    page = "Homs governor says U.S. attack caused deaths but does not see big losses. A strike hit."
    assert find_headline(page, "Homs governor says U.S. attack caused deaths but does not se") == (0, 60)


def test_dates_in_the_article_are_not_datelines():
    assert find_dateline("The bombing on 5 July 2016 killed 16.") is None
    assert find_dateline("Mon Feb 30 2017 text") is None  # impossible day


def test_a_headline_tail_word_inside_the_body_does_not_cut_it():
    page = "Published May 2 2017 " + "Residents said: read more of the statement later. " * 3 + "End of report."
    body = find_body(page)
    assert page[:body.char_end].endswith("End of report.")
