"""Rules on tiny hand-made tables, each in milliseconds: valid/invalid twins for the codes the
whole-pipeline cases of tests/bad_input do not reach cheaply, and the rules against the previous
release (tollbook/validate/rules/previous_release.py) with their exact reports."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from types import SimpleNamespace

import pandas as pd
import pytest

from tollbook.contract.codes import Code
from tollbook.extract.origins import Origins
from tollbook.extract.record_format import ReleaseSpec
from tollbook.validate.rules.context import ReleaseHistory, RuleContext
from tollbook.validate.rules.counts import check_parts
from tollbook.validate.rules.previous_release import check_against_previous, check_release_date
from tollbook.validate.rules.quotes import check_quotes
from tollbook.validate.rules.tombstones import TOMBSTONES, id_tables
from tollbook.validate.table_schemas import _code

TODAY = dt.date(2026, 12, 2)
CATALOGUE = ({"version": "1.0.0", "date_released": "2026-11-21"},)
LEDGER = ("id", "table", "removed_in", "reason", "replaced_by")


def tables(**frames: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """An empty id column for every table with stable ids, an empty ledger, and ``frames``."""
    out = {name: pd.DataFrame({column: pd.Series([], dtype="str")}) for name, column in id_tables().items()}
    out[TOMBSTONES] = pd.DataFrame({c: pd.Series([], dtype="str") for c in LEDGER})
    return out | frames


def claims(*ids: str) -> pd.DataFrame:
    return pd.DataFrame({"claim_id": pd.Series(ids, dtype="str")})


def ledger(*rows: tuple) -> pd.DataFrame:
    return pd.DataFrame([dict(zip(LEDGER, r, strict=True)) for r in rows], columns=list(LEDGER))


def release(version: str = "1.1.0", date: dt.date = TODAY) -> ReleaseSpec:
    return ReleaseSpec(version=version, date_released=date, title="t", authors=[{"name": "a"}], licence="CC-BY-4.0")


def against(previous_ids: tuple[str, ...] = ("clm_a", "clm_b"), stones: tuple[dict, ...] = (), **kw) -> RuleContext:
    """A context comparing ``kw['tables']`` (version ``kw['version']``) with a release 1.0.0 of
    ``previous_ids`` claims and ``stones``."""
    history = ReleaseHistory(folder=None, catalogue=CATALOGUE, previous="1.0.0",
                             ids={"claims": frozenset(previous_ids)}, tombstones=stones, today=TODAY)
    return RuleContext(kw.get("tables", tables()), {}, Origins(), release=release(kw.get("version", "1.1.0")),
                       history=history)


def report(problems) -> list[tuple]:
    return [(p.file, p.record_id, p.field, p.code, p.message) for p in problems]


# --- the rules against the previous release -------------------------------------------------------

def test_ids_kept_or_tombstoned_pass():
    assert check_against_previous(against(tables=tables(claims=claims("clm_a", "clm_b")))) == []
    gone = tables(claims=claims("clm_a"), tombstones=ledger(("clm_b", "claims", "1.1.0", "withdrawn", None)))
    assert check_against_previous(against(tables=gone)) == []


def test_a_removed_id_without_its_tombstone():
    assert report(check_against_previous(against(tables=tables(claims=claims("clm_a"))))) == [
        ("dataset/removals.csv", "clm_b", None, "id-removed-without-tombstone",
         "claims clm_b is in release 1.0.0 but not in 1.1.0; record its removal in dataset/removals.csv "
         "(id,table,removed_in,reason,replaced_by) with removed_in 1.1.0")]


def test_an_earlier_tombstone_dropped_or_edited():
    stone = {"id": "clm_c", "table": "claims", "removed_in": "1.0.0", "reason": "merged", "replaced_by": None}
    kept = tables(claims=claims("clm_a", "clm_b"), tombstones=ledger(("clm_c", "claims", "1.0.0", "merged", None)))
    assert check_against_previous(against(stones=(stone,), tables=kept)) == []
    edited = tables(claims=claims("clm_a", "clm_b"), tombstones=ledger(("clm_c", "claims", "1.0.0", "typo", None)))
    assert report(check_against_previous(against(stones=(stone,), tables=edited))) == [
        ("dataset/removals.csv", "clm_c", None, "tombstone-changed",
         "release 1.0.0 has the tombstone claims clm_c (removed in 1.0.0: merged); keep its row in "
         "dataset/removals.csv unchanged")]


def test_removal_rows_name_the_version_that_removes_the_id():
    frames = tables(claims=claims("clm_a"), tombstones=ledger(("clm_b", "claims", "1.0.5", "withdrawn", None),
                                                               ("clm_x", "claims", "1.0.5", "never released", None),
                                                               ("clm_y", "claims", "1.1.0", "never released", None),
                                                               ("clm_z", "claims", "2.0.0", "later", None)))
    assert [(p.record_id, p.field, p.code) for p in check_against_previous(against(tables=frames))] == [
        ("clm_b", "removed_in", Code.VALUE_NOT_ALLOWED),
        ("clm_x", "removed_in", Code.TOMBSTONE_CHANGED),
        ("clm_y", "id", Code.FOREIGN_KEY),
        ("clm_z", "removed_in", Code.VALUE_NOT_ALLOWED),
    ]


def test_a_first_release_or_no_history_checks_only_the_ledger_dates():
    ctx = RuleContext(tables(tombstones=ledger(("clm_z", "claims", "2.0.0", "later", None))), {}, Origins(),
                      release=release(), history=ReleaseHistory(folder=None, catalogue=(), today=TODAY))
    assert [(p.record_id, p.code) for p in check_against_previous(ctx)] == [("clm_z", Code.VALUE_NOT_ALLOWED)]
    assert check_against_previous(RuleContext(tables(), {}, Origins())) == []


def test_a_new_version_carries_its_own_date():
    assert check_release_date(against()) == []
    copied = RuleContext(tables(), {}, Origins(), release=release(date=dt.date(2026, 11, 21)),
                         history=against().history)
    assert report(check_release_date(copied)) == [
        ("dataset/release.yaml", None, "date_released", "value-not-allowed",
         "dataset/release.yaml dates 1.1.0 2026-11-21, the date of 1.0.0: was it copied? Set date_released "
         "to the day of this release (today is 2026-12-02)")]


# --- valid/invalid twins on tiny tables ------------------------------------------------------------

def casualties(*rows: tuple) -> pd.DataFrame:
    names = ("casualty_id", "part_of", "claim_id", "outcome", "count_low", "count_best", "count_high")
    return pd.DataFrame([dict(zip(names, r, strict=True)) for r in rows], columns=list(names))


def parts_ctx(part_claim: str) -> RuleContext:
    frame = casualties(("cas_1", None, "clm_a", "killed", None, 10, None),
                       ("cas_2", "cas_1", part_claim, "killed", None, 4, None))
    return RuleContext(tables(casualties=frame), {}, Origins())


BODY = "Fighting near the town killed 12 people on Monday, officials said. " * 20


def quotes_ctx(quote: str) -> RuleContext:
    # the quote rules read a Source's body span and excluded spans (its sidecar's fields, no model)
    source = SimpleNamespace(text=BODY, body=SimpleNamespace(char_start=0, char_end=len(BODY)), excluded_spans=())
    frame = pd.DataFrame({"claim_id": ["clm_a"], "document_id": ["doc_1"], "char_start": [0],
                          "char_end": [len(quote)], "quote": [quote]})
    return RuleContext(tables(claims=frame), {"doc_1": source}, Origins())


@dataclass(frozen=True)
class Twin:
    name: str
    check: Callable[[RuleContext], list]
    valid: Callable[[], RuleContext]
    invalid: Callable[[], RuleContext]
    expected: list[tuple]  # (record_id, field, code)


TWINS = [
    Twin("part-in-another-claim", check_parts, lambda: parts_ctx("clm_a"), lambda: parts_ctx("clm_b"),
         [("cas_2", "part_of", Code.PART_OF_MISMATCH)]),
    Twin("quote-is-most-of-the-body", check_quotes, lambda: quotes_ctx(BODY[:66]), lambda: quotes_ctx(BODY[:700]),
         [("clm_a", "quote", Code.QUOTE_TOO_LONG)]),
    Twin("id-removed-without-tombstone", check_against_previous,
         lambda: against(tables=tables(claims=claims("clm_a", "clm_b"))),
         lambda: against(tables=tables(claims=claims("clm_a"))),
         [("clm_b", None, Code.ID_REMOVED_WITHOUT_TOMBSTONE)]),
    Twin("release-date-copied", check_release_date, against,
         lambda: RuleContext(tables(), {}, Origins(), release=release(date=dt.date(2026, 11, 21)),
                             history=against().history),
         [(None, "date_released", Code.VALUE_NOT_ALLOWED)]),
]


@pytest.mark.parametrize("twin", TWINS, ids=[t.name for t in TWINS])
def test_rule_twins(twin: Twin):
    assert twin.check(twin.valid()) == []
    assert [(p.record_id, p.field, p.code) for p in twin.check(twin.invalid())] == twin.expected


def test_a_pandera_failure_without_a_code_of_its_own_is_a_schema_problem():
    """The fallback of the pandera translation (tollbook/validate/table_schemas.py): a check the
    models do not use today is still reported, as ``schema``, with pandera's words."""
    assert _code("isin(['killed'])", "outcome", None) == Code.VALUE_NOT_ALLOWED
    assert _code("str_length(1, 2)", "quote", None) == Code.SCHEMA


#: Codes with a twin here, for tests/core/test_check_codes.py.
CODES = {code for twin in TWINS for (_, _, code) in twin.expected} | {Code.SCHEMA}
