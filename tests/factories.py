"""Tiny datasets for tests: a valid one written from scratch, and helpers to break it.

The text, reference rows and records below are written for the tests; they stand for no
real event.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import yaml

TEXT = (
    "Site menu | Donate\n"
    "Clashes near Testville\n"
    "Fighting broke out on Monday near Testville. Since Monday, 12 soldiers and 20 rebels "
    "- including 5 foreign fighters - have been killed, the Monitor said. "
    "The army has conducted 7 airstrikes on Tuesday, the Monitor said. "
    "Rebels captured the village of Smallton, the Monitor said.\n"
    "Photo: 2020 file picture\n"
    "Comments: I counted 99 dead\n"
)
STEM = "000_aaaabbbbccccdddd"
DOC = "doc_aaaabbbbccccdddd"

REFERENCE = {
    "actors.csv": [
        "actor_id,name,actor_type,description",
        "act_army,Test army,state_forces,",
        "act_rebels,Test rebels,armed_group,",
        "act_monitor,The Monitor,monitor,",
        "act_paper,The Test Paper,news_outlet,",
    ],
    "actor_aliases.csv": [
        "alias,actor_id,note",
        "soldiers,act_army,",
        "the army,act_army,",
        "rebels,act_rebels,",
        "the Monitor,act_monitor,",
    ],
    "actor_memberships.csv": ["member_id,coalition_id,date_start,date_end,note"],
    "countries.csv": [
        "iso3,name,min_lat,max_lat,min_lon,max_lon,note",
        "SYR,Syria,32.0,37.5,35.5,42.5,test box",
    ],
    "locations.csv": [
        "location_id,name,feature_type,admin1,admin1_pcode,country_iso3,latitude,longitude,where_prec,note",
        "loc_testville,Testville,town,Idleb,SY07,SYR,35.9,36.6,1,",
        "loc_smallton,Smallton,village,Idleb,SY07,SYR,35.8,36.5,2,",
    ],
    "location_variants.csv": ["variant,location_id", "Testville,loc_testville", "Smallton,loc_smallton"],
    "vague_quantities.csv": ["word,low,high,best,reason", "several,3,9,,test convention"],
}


def _span(quote: str) -> tuple[int, int]:
    start = TEXT.index(quote)
    return start, start + len(quote)


def sidecar() -> dict:
    body_start = TEXT.index("Fighting broke out")
    body_end = TEXT.index("Photo:") - 1
    return {
        "document_id": DOC,
        "title": "Clashes near Testville",
        "outlet": "The Test Paper",
        "outlet_id": "act_paper",
        "authors": ["A. Writer"],
        "published_date": "2015-04-22",
        "published_date_evidence": {"kind": "stated", "text": "test", "reason": "test fixture"},
        "reference_date": "2015-04-22",
        "story_id": "sty_aaaabbbbccccdddd",
        "text_sha256": hashlib.sha256(TEXT.encode()).hexdigest(),
        "body": {"char_start": body_start, "char_end": body_end},
    }


def records() -> dict:
    q1 = ("Since Monday, 12 soldiers and 20 rebels - including 5 foreign fighters - have been killed, "
          "the Monitor said.")
    q2 = "The army has conducted 7 airstrikes on Tuesday, the Monitor said."
    q3 = "Rebels captured the village of Smallton, the Monitor said."
    review = {"status": "accepted", "by": "tests", "on": "2015-05-01"}
    base = {"claimant": "act_monitor", "relayed_by": ["act_paper"], "hedge": "none",
            "location": "loc_testville", "review": review}
    s1, s2, s3 = _span(q1), _span(q2), _span(q3)
    return {
        "document_id": DOC,
        "claims": [
            {"claim_id": "clm_test_01", **base, "quote": q1, "char_start": s1[0], "char_end": s1[1],
             "date": {"start": "2015-04-20", "end": "2015-04-22", "prec": 2, "text": "Since Monday"},
             "casualties": [
                 {"casualty_id": "cas_test_01a", "outcome": "killed", "party": "act_army",
                  "party_text": "soldiers", "count": {"value": 12, "qualifier": "exact"}},
                 {"casualty_id": "cas_test_01b", "outcome": "killed", "party": "act_rebels",
                  "party_text": "rebels", "count": {"value": 20, "qualifier": "exact"}},
                 {"casualty_id": "cas_test_01c", "outcome": "killed", "party": "act_rebels",
                  "party_text": "foreign fighters", "count": {"value": 5, "qualifier": "exact"},
                  "part_of": "cas_test_01b"},
             ]},
            {"claim_id": "clm_test_02", **base, "quote": q2, "char_start": s2[0], "char_end": s2[1],
             "date": {"start": "2015-04-21", "end": "2015-04-21", "prec": 1, "text": "on Tuesday"},
             "airstrikes": [{"airstrike_id": "air_test_02a", "perpetrator": "act_army",
                             "count": {"value": 7, "qualifier": "exact"}}]},
            {"claim_id": "clm_test_03", **base, "quote": q3, "char_start": s3[0], "char_end": s3[1],
             "location": "loc_smallton",
             "control_changes": [{"change_id": "chg_test_03a", "gained_by": "act_rebels",
                                  "lost_by": "act_army", "status": "captured"}]},
        ],
    }


def events() -> dict:
    return {"events": [{"event_id": "evt_test_battle", "event_type": "battle",
                        "title": "Battle of Testville", "date_start": "2015-04-20",
                        "date_end": "2015-04-22", "date_prec": 2, "location": "loc_testville"}]}


def release(version: str = "1.0.0") -> dict:
    """release.yaml of ``version``, dated 2015-05-01 for 1.0.0 and later for later versions (a new
    version carries its own date: tollbook/release/release_date.py)."""
    import datetime as dt

    major, minor, patch = (int(p) for p in version.split("."))
    day = dt.date(2015, 5, 1) + dt.timedelta(days=(major - 1) * 100 + minor * 10 + patch)
    return {"version": version, "date_released": day.isoformat(), "title": "Test release",
            "authors": [{"name": "Test Author"}], "licence": "CC-BY-4.0"}


class _NoAliasDumper(yaml.SafeDumper):
    """Writes a value shared between places in full each time: curated files hold no &anchors."""

    def ignore_aliases(self, data) -> bool:
        return True


def dump(path: Path, data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.dump(data, Dumper=_NoAliasDumper, sort_keys=False, allow_unicode=True), encoding="utf-8")


def make_dataset(root: Path) -> Path:
    """Write the tiny valid dataset under ``root/dataset`` and return that folder."""
    ds = root / "dataset"
    (ds / "sources").mkdir(parents=True)
    (ds / "sources" / f"{STEM}.txt").write_bytes(TEXT.encode())
    dump(ds / "sources" / f"{STEM}.yaml", sidecar())
    dump(ds / "records" / f"{STEM}.yaml", records())
    dump(ds / "events.yaml", events())
    dump(ds / "release.yaml", release())
    for name, lines in REFERENCE.items():
        path = ds / "reference" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return ds


def record_path(ds: Path) -> Path:
    return ds / "records" / f"{STEM}.yaml"


def edit_records(ds: Path, change) -> None:
    """Load the record file, let ``change(data)`` modify it, write it back."""
    path = record_path(ds)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    dump(path, data)


def copy_seed_dataset(repo: Path, dest: Path) -> Path:
    """A scratch copy of the real curated dataset, for tests that must not touch it."""
    target = dest / "dataset"
    shutil.copytree(repo / "dataset", target)
    return target


#: The five reports of the starting corpus (2015), the first documents of dataset/sources.
SEED_STEMS = ("000_", "001_", "002_", "003_", "004_")


def copy_seed_reports(repo: Path, dest: Path) -> Path:
    """A scratch copy of the curated dataset holding only the five seed reports (with every
    reference table and event): small enough for tests that count files or run each one."""
    target = copy_seed_dataset(repo, dest)
    for folder in ("sources", "records"):
        for path in (target / folder).iterdir():
            if not path.name.startswith(SEED_STEMS):
                path.unlink()
    (target / "intake" / "coding_notes.csv").unlink(missing_ok=True)  # notes on the FA-KES documents
    ledger = target / "removals.csv"  # its tombstones point to figures of FA-KES documents
    if ledger.is_file():
        ledger.write_text(ledger.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    return target


REPO = Path(__file__).resolve().parents[1]
