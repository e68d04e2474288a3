"""Every kind of bad curated input, as a valid / invalid pair, with the exact report.

Each case mutates the tiny valid dataset (tests/factories.py) twice: a *valid twin* that sits
just on the right side of the rule and must pass, and the *invalid* input whose report must be
exactly the expected (file, line, record_id, field, code) rows. The invalid input must also
make ``tollbook check`` and ``tollbook build`` exit 1 with the same report in one clear message
and leave the releases folder byte-identical: ``check`` finds what ``build`` finds, the rules
against the previous release included (the cases marked ``releases``).
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import factories
import pytest
from bad_input_kit import RECORDS, SIDECAR, TEXT, error_line, report, run, snapshot, write_text_file

from tollbook import pipeline
from tollbook.release.history import history_of

real_prepare = pipeline.prepare

REF = "dataset/reference"


def records(change: Callable[[dict], None]) -> Callable[[Path], None]:
    return lambda ds: factories.edit_records(ds, change)


def casualty(i: int, **fields) -> Callable[[Path], None]:
    return records(lambda d: d["claims"][0]["casualties"][i].update(fields))


def count(i: int, **fields) -> Callable[[Path], None]:
    return records(lambda d: d["claims"][0]["casualties"][i]["count"].update(fields))


def claim(i: int, **fields) -> Callable[[Path], None]:
    return records(lambda d: d["claims"][i].update(fields))


def claim_date(i: int, **fields) -> Callable[[Path], None]:
    return records(lambda d: d["claims"][i]["date"].update(fields))


def rename(i: int, old: str, new: str) -> Callable[[Path], None]:
    def change(d):
        fig = d["claims"][0]["casualties"][i]
        fig[new] = fig.pop(old)
    return records(change)


def drop(i: int, name: str) -> Callable[[Path], None]:
    return records(lambda d: d["claims"][0]["casualties"][i].pop(name))


def replace_line(n: int, text: str) -> Callable[[Path], None]:
    def change(ds):
        path = factories.record_path(ds)
        lines = path.read_text(encoding="utf-8").splitlines()
        lines[n - 1] = text
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return change


def reference(name: str, old: str, new: str) -> Callable[[Path], None]:
    def change(ds):
        path = ds / "reference" / name
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return change


def append_reference(name: str, line: str) -> Callable[[Path], None]:
    def change(ds):
        path = ds / "reference" / name
        path.write_text(path.read_text(encoding="utf-8") + line + "\n", encoding="utf-8")
    return change


def removals(*rows: str) -> Callable[[Path], None]:
    def change(ds):
        (ds / "removals.csv").write_text("\n".join(["id,table,removed_in,reason,replaced_by", *rows]) + "\n",
                                         encoding="utf-8")
    return change


def sidecar(**fields) -> Callable[[Path], None]:
    def change(ds):
        data = factories.sidecar()
        data.update(fields)
        factories.dump(ds / "sources" / f"{factories.STEM}.yaml", data)
    return change


def quote_at(i: int, quote: str) -> Callable[[Path], None]:
    """Claim i quotes ``quote`` with its true offsets."""
    start = factories.TEXT.index(quote)
    return claim(i, quote=quote, char_start=start, char_end=start + len(quote))


def shift_offsets(i: int, by: int) -> Callable[[Path], None]:
    def change(d):
        d["claims"][i]["char_start"] += by
        d["claims"][i]["char_end"] += by
    return records(change)


def second_document(claim_id: str, same_text: bool = False, story: str = "sty_eeeeffff00001111"
                    ) -> Callable[[Path], None]:
    """Add document 001_eeeeffff00001111 (the text with one more line at its end, or with
    ``same_text`` the very same bytes) with one claim ``claim_id``, in ``story``."""
    stem = "001_eeeeffff00001111"
    text = factories.TEXT if same_text else factories.TEXT + "Second copy\n"

    def change(ds):
        (ds / "sources" / f"{stem}.txt").write_bytes(text.encode())
        side = factories.sidecar()
        side.update(document_id="doc_eeeeffff00001111", story_id=story,
                    text_sha256=hashlib.sha256(text.encode()).hexdigest())
        factories.dump(ds / "sources" / f"{stem}.yaml", side)
        rec = factories.records()
        rec["document_id"] = "doc_eeeeffff00001111"
        first = rec["claims"][1]
        first["claim_id"] = claim_id
        first["airstrikes"][0]["airstrike_id"] = "air_eeee_02a"
        rec["claims"] = [first]
        factories.dump(ds / "records" / f"{stem}.yaml", rec)
    return change


def text_bytes(data: bytes, update_sha: bool = True) -> Callable[[Path], None]:
    return lambda ds: write_text_file(ds, data, update_sha)


def same(ds: Path) -> None:
    """The valid twin is the valid dataset itself."""


REMOVED_03 = ("clm_test_03,claims,1.1.0,Withdrawn in review,", "chg_test_03a,control_changes,1.1.0,Its claim went,")


def remove_claim_03(rows: tuple[str, ...] = ()) -> Callable[[Path], None]:
    """Drop claim clm_test_03 (and its control change), with ``rows`` in dataset/removals.csv."""
    def change(ds: Path) -> None:
        records(lambda d: d.update(claims=[c for c in d["claims"] if c["claim_id"] != "clm_test_03"]))(ds)
        removals(*rows)(ds)
    return change


UTF8 = factories.TEXT.encode("utf-8")
ACCENTED = factories.TEXT.replace("Clashes near Testville", "Clashes near Testvill\u00e9")


@dataclass(frozen=True)
class Case:
    name: str
    valid: Callable[[Path], None]
    invalid: Callable[[Path], None]
    expected: list[tuple]
    releases: bool = False  # the valid twin is also checked against the releases folder (release 1.0.0)


CASES = [
    # --- record files ---------------------------------------------------------------------
    Case("yaml-syntax-error", replace_line(8, "  location: loc_testville  # the town"),
         replace_line(8, "  location: loc_testville: the town"),
         [(RECORDS, 8, None, None, "yaml-syntax")]),
    Case("missing-required-field", drop(0, "party_text"), drop(0, "outcome"),
         [(RECORDS, 23, "cas_test_01a", "outcome", "missing-field")]),
    Case("unknown-field-cuont-best", casualty(0, note="count_best is 12"), casualty(0, cuont_best=12),
         [(RECORDS, 30, "cas_test_01a", "cuont_best", "unknown-field")]),
    Case("unknown-field-cuont", same, rename(0, "count", "cuont"),
         [(RECORDS, 23, "cas_test_01a", "count", "missing-field"),
          (RECORDS, 27, "cas_test_01a", "cuont", "unknown-field")]),
    Case("text-where-number-belongs", count(0, value="30"), count(0, value="thirty"),
         [(RECORDS, 28, "cas_test_01a", "count.value", "wrong-type")]),
    Case("duplicate-id-in-one-file", claim(1, claim_id="clm_test_04"), claim(1, claim_id="clm_test_01"),
         [(RECORDS, 45, "clm_test_01", "claim_id", "duplicate-id")]),
    Case("duplicate-id-across-files", second_document("clm_eeee_01"), second_document("clm_test_02"),
         [("dataset/records/001_eeeeffff00001111.yaml", 3, "clm_test_02", "claim_id", "duplicate-id")]),
    Case("id-clashes-with-tombstone", removals("clm_test_09,claims,1.1.0,merged into clm_test_01,clm_test_01"),
         removals("clm_test_02,claims,1.1.0,merged into clm_test_01,clm_test_01"),
         [("dataset/removals.csv", 2, "clm_test_02", "id", "tombstoned-id")]),
    # --- evidence ---------------------------------------------------------------------------
    Case("quote-not-in-document", claim(0, note="curator note"), claim(0, quote="Since Monday, 13 soldiers"),
         [(RECORDS, 13, "clm_test_01", "quote", "quote-mismatch")]),
    Case("offsets-at-other-text", shift_offsets(1, 0), shift_offsets(1, 1),
         [(RECORDS, 55, "clm_test_02", "quote", "quote-mismatch")]),
    Case("quote-in-reader-comments", quote_at(2, "Rebels captured the village of Smallton"),
         quote_at(2, "I counted 99 dead"),
         [(RECORDS, 80, "clm_test_03", "char_start", "quote-outside-body")]),
    Case("quote-outside-article-body", quote_at(2, "Fighting broke out on Monday near Testville."),
         quote_at(2, "Clashes near Testville"),
         [(RECORDS, 80, "clm_test_03", "char_start", "quote-outside-body")]),
    Case("quote-in-excluded-span",
         sidecar(excluded_spans=[{"char_start": factories.TEXT.index("Rebels captured"),
                                  "char_end": factories.TEXT.index("Rebels captured"), "kind": "caption"}]),
         sidecar(excluded_spans=[{"char_start": factories.TEXT.index("The army has"),
                                  "char_end": factories.TEXT.index("Rebels captured"), "kind": "caption"}]),
         [(RECORDS, 56, "clm_test_02", "char_start", "quote-outside-body")]),
    Case("body-first-words-wrong",
         sidecar(body={**factories.sidecar()["body"], "first_words": "Fighting broke  out"}),
         sidecar(body={**factories.sidecar()["body"], "first_words": "Clashes near Testville"}),
         [(SIDECAR, 18, "doc_aaaabbbbccccdddd", "body.first_words", "body-words-mismatch")]),
    Case("body-last-words-wrong",
         sidecar(body={**factories.sidecar()["body"], "last_words": "the Monitor said."}),
         sidecar(body={**factories.sidecar()["body"], "last_words": "I counted 99 dead"}),
         [(SIDECAR, 18, "doc_aaaabbbbccccdddd", "body.last_words", "body-words-mismatch")]),
    Case("second-text-for-a-document", same,
         lambda ds: [shutil.copy(ds / "sources" / f"{factories.STEM}{x}", ds / "sources" / f"007_aaaabbbbccccdddd{x}")
                     for x in (".txt", ".yaml")],
         [("dataset/sources/007_aaaabbbbccccdddd.yaml", 1, factories.DOC, "document_id", "duplicate-document")]),
    Case("same-text-stored-twice", second_document("clm_eeee_01", same_text=True, story="sty_aaaabbbbccccdddd"),
         second_document("clm_eeee_01", same_text=True),
         [("dataset/sources/001_eeeeffff00001111.txt", None, "doc_eeeeffff00001111", "text_sha256",
           "duplicate-text")]),
    Case("second-record-file-for-a-document", same,
         lambda ds: factories.dump(ds / "records" / "001_aaaabbbbccccdddd.yaml",
                                   {"document_id": factories.DOC, "claims": []}),
         [("dataset/records/001_aaaabbbbccccdddd.yaml", 1, factories.DOC, "document_id",
           "duplicate-record-file")]),
    Case("document-sha256-mismatch", text_bytes(UTF8 + b"\n"), text_bytes(UTF8 + b"\n", update_sha=False),
         [(SIDECAR, 14, "doc_aaaabbbbccccdddd", "text_sha256", "document-hash-mismatch")]),
    # --- figures ----------------------------------------------------------------------------
    Case("negative-count", count(0, value=0), count(0, value=-1),
         [(RECORDS, 28, "cas_test_01a", "count.value", "negative-count")]),
    Case("low-above-best", count(0, low=12), count(0, low=15),
         [(RECORDS, 27, "cas_test_01a", "count", "count-order")]),
    Case("best-above-high", count(0, best=13, high=13), count(0, best=15, high=13),
         [(RECORDS, 27, "cas_test_01a", "count", "count-order")]),
    Case("part-larger-than-whole", count(2, value=20), count(2, value=21),
         [(RECORDS, 44, "cas_test_01c", "part_of", "part-exceeds-whole")]),
    Case("part-of-cycle", casualty(1, part_of=None), casualty(1, part_of="cas_test_01c"),
         [(RECORDS, 37, "cas_test_01b", "part_of", "part-of-cycle"),
          (RECORDS, 45, "cas_test_01c", "part_of", "part-of-cycle")]),
    Case("outcome-outside-vocabulary", casualty(0, outcome="injured"), casualty(0, outcome="died"),
         [(RECORDS, 24, "cas_test_01a", "outcome", "value-not-allowed")]),
    Case("qualifier-outside-vocabulary", count(0, qualifier="at_least"), count(0, qualifier="roughly"),
         [(RECORDS, 29, "cas_test_01a", "count.qualifier", "value-not-allowed")]),
    # --- dates ------------------------------------------------------------------------------
    Case("impossible-date", claim_date(0, start="2015-02-28", end="2015-03-02", prec=4),
         claim_date(0, start="2015-02-30"),
         [(RECORDS, 18, "clm_test_01", "date.start", "wrong-type")]),
    Case("end-before-start", claim_date(0, start="2015-04-20", end="2015-04-20", prec=1),
         claim_date(0, start="2015-04-22", end="2015-04-20"),
         [(RECORDS, 17, "clm_test_01", "date", "date-order")]),
    Case("dates-after-publication", claim_date(0, end="2015-04-22"), claim_date(0, end="2015-04-25", prec=4),
         [(RECORDS, 19, "clm_test_01", "date.end", "date-after-publication")]),
    Case("precision-contradicts-range", claim_date(0, prec=2), claim_date(0, prec=1),
         [(RECORDS, 20, "clm_test_01", "date.prec", "date-precision")]),
    # --- references -------------------------------------------------------------------------
    Case("unknown-actor", claim(0, claimant="act_army"), claim(0, claimant="act_nobody"),
         [(RECORDS, 4, "clm_test_01", "claimant", "foreign-key")]),
    Case("unknown-place", claim(0, location="loc_smallton"), claim(0, location="loc_nowhere"),
         [(RECORDS, 8, "clm_test_01", "location", "foreign-key")]),
    Case("unknown-event", claim(0, event="evt_test_battle"), claim(0, event="evt_nothing"),
         [(RECORDS, 45, "clm_test_01", "event", "foreign-key")]),
    Case("unknown-document", claim(2, duplicate_of=None), same, []),  # replaced below
    Case("coordinates-outside-country", reference("locations.csv", "35.9,36.6", "37.5,42.5"),
         reference("locations.csv", "35.9,36.6", "50.1,36.6"),
         [(f"{REF}/locations.csv", 2, "loc_testville", "latitude", "coordinates-outside-country")]),
    Case("alias-claimed-by-two-actors", append_reference("actor_aliases.csv", "Rebels,act_rebels,"),
         append_reference("actor_aliases.csv", "Rebels,act_army,"),
         [(f"{REF}/actor_aliases.csv", 4, "rebels", "alias", "alias-conflict")]),
    # --- text -------------------------------------------------------------------------------
    Case("latin-1-text", text_bytes(ACCENTED.encode("utf-8")), text_bytes(ACCENTED.encode("latin-1")),
         [(TEXT, 2, None, None, "file-encoding")]),
    Case("nul-bytes-in-text", text_bytes(UTF8.replace(b"Comments", b"Comment ")),
         text_bytes(UTF8.replace(b"Comments", b"Comment\x00")),
         [(TEXT, None, None, None, "file-encoding")]),
    Case("empty-text", same, text_bytes(b""), [(TEXT, None, None, None, "file-empty")]),
    Case("empty-record-file", records(lambda d: d.update(claims=[])),
         lambda ds: factories.record_path(ds).write_text("", encoding="utf-8"),
         [(RECORDS, 1, None, None, "file-empty")]),
    Case("nul-byte-in-record-file", same,
         lambda ds: factories.record_path(ds).write_bytes(
             factories.record_path(ds).read_bytes().replace(b"hedge: none", b"hedge: no\x00ne", 1)),
         [(RECORDS, 7, None, None, "yaml-syntax")]),
    Case("latin-1-reference-file", reference("actors.csv", "Test army", "Test arm\u00e9e"),
         lambda ds: (ds / "reference" / "actors.csv").write_bytes(
             (ds / "reference" / "actors.csv").read_text(encoding="utf-8")
             .replace("Test army", "Test arm\u00e9e").encode("latin-1")),
         [(f"{REF}/actors.csv", 2, None, None, "file-encoding")]),
    # --- against the previous release (1.0.0 of the valid dataset; the dataset asks for 1.1.0) ---
    Case("claim-removed-without-tombstone", remove_claim_03(REMOVED_03), remove_claim_03(),
         [("dataset/removals.csv", None, "chg_test_03a", None, "id-removed-without-tombstone"),
          ("dataset/removals.csv", None, "clm_test_03", None, "id-removed-without-tombstone")], releases=True),
    Case("tombstone-for-an-id-never-released", same, removals("clm_never,claims,1.0.5,a typo,"),
         [("dataset/removals.csv", 2, "clm_never", "removed_in", "tombstone-changed")], releases=True),
    Case("python-tag-in-record-file", same,
         replace_line(7, "  hedge: !!python/object/apply:os.system ['echo pwned']"),
         [(RECORDS, 7, None, None, "yaml-syntax")]),
]


def _unknown_document(ds: Path) -> None:
    factories.dump(ds / "records" / "001_eeeeffff00001111.yaml",
                   {"document_id": "doc_eeeeffff00001111", "claims": []})


CASES[[c.name for c in CASES].index("unknown-document")] = Case(
    "unknown-document", same, _unknown_document,
    [("dataset/records/001_eeeeffff00001111.yaml", 1, "doc_eeeeffff00001111", "document_id", "foreign-key")])



TWINS = [c for c in CASES if c.valid is not same]  # a `same` twin is the valid dataset itself


def test_valid_dataset_passes_and_builds(ds: Path, releases: Path) -> None:
    assert report(ds) == []
    assert run("build", "--dataset", ds, "--releases", releases, "--quiet").exit_code == 0


@pytest.mark.parametrize("case", TWINS, ids=[c.name for c in TWINS])
def test_valid_twin_passes(case: Case, ds: Path, request) -> None:
    case.valid(ds)
    if case.releases:
        releases = request.getfixturevalue("releases")
        assert real_prepare(ds, history=history_of(releases)).problems == []
    else:
        assert report(ds) == []


#: Known report defects owned by other work, kept visible rather than asserted away.
KNOWN_DEFECTS: dict[str, str] = {}
INVALID = [pytest.param(c, id=c.name, marks=pytest.mark.xfail(reason=KNOWN_DEFECTS[c.name], strict=False))
           if c.name in KNOWN_DEFECTS else pytest.param(c, id=c.name) for c in CASES]


@pytest.mark.parametrize("case", INVALID)
def test_invalid_input_is_reported_exactly_and_writes_nothing(case: Case, ds: Path, releases: Path,
                                                             monkeypatch) -> None:
    case.invalid(ds)
    before = snapshot(releases)
    reports = []

    def spy(folder, **options):
        prepared = real_prepare(folder, **options)
        reports.append([(p.file, p.line, p.record_id, p.field, p.code) for p in prepared.problems])
        return prepared

    monkeypatch.setattr(pipeline, "prepare", spy)
    checked = run("check", "--dataset", ds, "--releases", releases)
    assert reports == [case.expected]
    assert checked.exit_code == 1
    assert checked.stderr.splitlines()[0] == error_line(len(case.expected))
    assert checked.stdout == ""

    built = run("build", "--dataset", ds, "--releases", releases)
    assert built.exit_code == 1
    assert built.stderr.splitlines()[0] == error_line(len(case.expected))
    assert "Traceback" not in built.output
    assert reports == [case.expected, case.expected]
    assert snapshot(releases) == before


def test_every_problem_line_names_file_code_and_expectation(ds: Path) -> None:
    """The message says what was expected, not only that something is wrong."""
    count(0, qualifier="roughly")(ds)
    checked = run("check", "--dataset", ds)
    assert checked.stderr.splitlines()[1] == (
        f"  {RECORDS}:29 [cas_test_01a] count.qualifier: value-not-allowed: Input should be 'exact', "
        "'at_least', 'at_most', 'approximately' or 'vague' (got 'roughly')")
