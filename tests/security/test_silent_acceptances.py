"""Small silent acceptances, each now one located problem with its code: lookalike aliases, a
claimant relaying itself, backwards excluded spans, a whole article as a quote, a mid-file
byte-order mark, an NFD quote against NFC text, a version with non-ASCII digits."""

from __future__ import annotations

import unicodedata

import factories
import pytest
from bad_input_kit import RECORDS, SIDECAR, messages, report

from tollbook import load
from tollbook.contract.problems import TollbookError

ALIASES = "dataset/reference/actor_aliases.csv"


def _add_alias(ds, alias: str, actor: str = "act_rebels") -> None:
    path = ds / "reference" / "actor_aliases.csv"
    path.write_text(path.read_text(encoding="utf-8") + f"{alias},{actor},\n", encoding="utf-8")


@pytest.mark.parametrize(("alias", "why"), [
    ("the\u200b army", "holds the invisible character U+200B; write visible characters only"),
    ("the \u0430rmy", "mixes the scripts CYRILLIC, LATIN; write each alias in one script"),
])
def test_lookalike_aliases_are_refused(alias, why, ds):
    _add_alias(ds, alias)
    assert report(ds) == [(ALIASES, 6, alias, "alias", "value-not-allowed")]
    assert messages(ds) == [f"{alias!r} {why}"]


def test_aliases_in_one_script_with_typographic_apostrophes_pass(ds):
    _add_alias(ds, "Assad\u2019s forces", "act_army")
    _add_alias(ds, "\u0627\u0644\u062c\u064a\u0634", "act_army")  # Arabic, one script
    assert report(ds) == []


@pytest.mark.parametrize(("relayed", "message"), [
    (["act_monitor"], "act_monitor is the claimant; relayed_by lists only who passed the claim on"),
    (["act_paper", "act_paper"], "act_paper is listed twice"),
])
def test_relayed_by_lists_neither_the_claimant_nor_a_duplicate(relayed, message, ds):
    factories.edit_records(ds, lambda d: d["claims"][0].update(relayed_by=relayed))
    assert report(ds) == [(RECORDS, 5, "clm_test_01", "relayed_by", "value-not-allowed")]
    assert messages(ds) == [message]


def test_an_excluded_span_ending_before_it_starts_is_refused(ds):
    sidecar = factories.sidecar()
    sidecar["excluded_spans"] = [{"char_start": 200, "char_end": 100, "kind": "caption"}]
    factories.dump(ds / "sources" / f"{factories.STEM}.yaml", sidecar)
    assert report(ds) == [(SIDECAR, 19, "doc_aaaabbbbccccdddd", "excluded_spans", "value-not-allowed")]
    assert messages(ds) == ["excluded span 200-100 ends before it starts"]


def test_a_whole_article_body_as_a_quote_is_refused(ds):
    body = factories.sidecar()["body"]
    whole = factories.TEXT[body["char_start"]:body["char_end"]]
    factories.edit_records(ds, lambda d: d["claims"][2].update(
        quote=whole, char_start=body["char_start"], char_end=body["char_end"]))
    assert report(ds) == [(RECORDS, 79, "clm_test_03", "quote", "quote-too-long")]
    assert messages(ds) == [f"the quote has {len(whole)} characters of an article body of {len(whole)}; a quote is "
                            "at most 1000, over 200 never the whole body, and over 300 at most half of it: the "
                            "article's text is never released"]


def test_a_long_quote_may_not_take_half_of_the_body_but_a_sentence_may(ds):
    from types import SimpleNamespace

    from tollbook.validate.rules.quotes import _too_long

    body = SimpleNamespace(char_start=0, char_end=700)
    assert [_too_long("x" * n, body) for n in (300, 349, 351, 629, 630, 1001)] == [False, False, True, True, True,
                                                                                  True]
    assert [_too_long("x" * n, SimpleNamespace(char_start=0, char_end=1200)) for n in (599, 601, 1000, 1001)] == [
        False, True, True, True]
    bulletin = SimpleNamespace(char_start=0, char_end=190)
    assert [_too_long("x" * n, bulletin) for n in (150, 190)] == [False, False]  # one short sentence, quoted whole


def test_a_byte_order_mark_in_the_middle_of_a_file_is_named(ds):
    path = factories.record_path(ds)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[3] = "\ufeff" + lines[3]
    path.write_text("".join(lines), encoding="utf-8")
    assert report(ds) == [(RECORDS, 4, None, None, "yaml-syntax")]
    assert messages(ds) == ["byte-order mark in the middle of the file (U+FEFF); remove it, e.g. where two files "
                            "were joined"]


def test_an_nfd_quote_against_nfc_text_says_so(ds):
    text = factories.TEXT.replace("Testville. Since", "Testvill\u00e9. Since")
    from bad_input_kit import write_text_file
    write_text_file(ds, text.encode("utf-8"))
    quote = "Fighting broke out on Monday near Testvill\u00e9."
    start = text.index(quote)
    factories.edit_records(ds, lambda d: d["claims"][2].update(
        quote=unicodedata.normalize("NFD", quote), char_start=start, char_end=start + len(quote)))
    assert [r[4] for r in report(ds)] == ["quote-mismatch"]
    assert messages(ds)[0].endswith(
        "the quote matches after Unicode normalisation (NFC); store it as the text has it")


def test_a_version_with_arabic_indic_digits_is_refused(releases):
    with pytest.raises(TollbookError) as err:
        load("claims", version="1\u0660.0.0", releases=releases)
    assert str(err.value) == "'1\u0660.0.0' is not a release version: use MAJOR.MINOR.PATCH such as 1.0.0"
