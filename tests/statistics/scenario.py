"""Small datasets for the statistics rules, written on top of the tiny dataset of
tests/factories.py: more actors, an event with two sides, and one helper that adds a whole
report (text, sidecar, record) from the claims it should contain.

The outlets, groups and figures are invented for the tests.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import yaml
from factories import dump, make_dataset, sidecar

from tollbook.pipeline import prepare

EVENT = "evt_stats_battle"
ACTORS = [
    "act_outlet_a,Outlet A,news_outlet,",
    "act_outlet_b,Outlet B,news_outlet,",
    "act_outlet_c,Outlet C,news_outlet,",
    "act_wire,Test wire,news_agency,",
    "act_coalition,Test coalition,coalition,",
    "act_group,Test group,armed_group,",
    "act_civilians,Civilians,civilians,",
    "act_state_agency,State agency,state_media,",
    "act_state_tv,State TV,state_media,",
]
MEMBERSHIPS = ["act_group,act_coalition,2015-01-01,,joined before the battle"]


def _append(path: Path, lines: list[str]) -> None:
    path.write_text(path.read_text(encoding="utf-8") + "\n".join(lines) + "\n", encoding="utf-8")


def dataset(root: Path, side_a: str = "act_army", side_b: str = "act_coalition",
            memberships: list[str] = MEMBERSHIPS) -> Path:
    """The tiny dataset plus the actors above and the event ``evt_stats_battle``
    (20-24 April 2015) between ``side_a`` and ``side_b``."""
    ds = make_dataset(root)
    _append(ds / "reference" / "actors.csv", ACTORS)
    _append(ds / "reference" / "actor_memberships.csv", memberships)
    events = yaml.safe_load((ds / "events.yaml").read_text(encoding="utf-8"))
    events["events"].append({"event_id": EVENT, "event_type": "battle", "title": "Battle for the statistics",
                             "date_start": "2015-04-20", "date_end": "2015-04-24", "date_prec": 2,
                             "location": "loc_testville", "side_a": side_a, "side_b": side_b})
    dump(ds / "events.yaml", events)
    return ds


def claim(n: int, quote: str, claimant: str, start: str, end: str, **figures) -> dict:
    """A claim about the battle; ``figures`` are the record's casualties / airstrikes lists."""
    days = (int(end[-2:]) - int(start[-2:])) + 1
    return {"n": n, "quote": quote, "claimant": claimant, "hedge": "none", "location": "loc_testville",
            "event": EVENT, "date": {"start": start, "end": end, "prec": 1 if days == 1 else 2}, **figures}


def killed(suffix: str, value: int, party: str | None, qualifier: str = "exact", **extra) -> dict:
    count = {"qualifier": qualifier, **({"word": value} if qualifier == "vague" else {"value": value})}
    return {"casualty_id": f"cas_{suffix}", "outcome": extra.pop("outcome", "killed"), "party": party,
            "count": count, **extra}


def add_report(ds: Path, number: int, outlet: str, published: str, claims: list[dict],
               story: str | None = None, original: str | None = None) -> str:
    """Write report ``number`` published by ``outlet``: its text is the claims' quotes. Claims
    with ``duplicate_of`` are copies. Returns the document id."""
    hash16 = f"{number:016d}"
    doc = f"doc_{hash16}"
    text = "Header\n" + " ".join(c["quote"] for c in claims) + "\nFooter\n"
    stem = f"{100 + number:03d}_{hash16}"
    (ds / "sources" / f"{stem}.txt").write_bytes(text.encode())
    meta = sidecar()
    meta.update({"document_id": doc, "title": f"Report {number}", "outlet": outlet, "outlet_id": outlet,
                 "published_date": published, "reference_date": published,
                 "story_id": story or f"sty_{hash16}", "text_sha256": hashlib.sha256(text.encode()).hexdigest(),
                 "body": {"char_start": len("Header\n"), "char_end": len(text) - len("\nFooter\n")}})
    if original:
        meta["original"] = {"document_id": original, "outlet": "the original outlet"}
    dump(ds / "sources" / f"{stem}.yaml", meta)
    records = []
    for c in claims:
        c = dict(c)
        start = text.index(c["quote"])
        entry = {"claim_id": f"clm_{hash16[-8:]}_{c.pop('n'):02d}",
                 "review": {"status": "accepted", "by": "tests", "on": "2015-05-01"},
                 "quote": c.pop("quote"), "char_start": start}
        entry["char_end"] = start + len(entry["quote"])
        if "duplicate_of" in c:
            entry["duplicate_of"] = c.pop("duplicate_of")
        else:
            entry["relayed_by"] = [outlet] if c["claimant"] != outlet else []
            entry.update(c)
        records.append(entry)
    dump(ds / "records" / f"{stem}.yaml", {"document_id": doc, "claims": records})
    return doc


def accusation(ds: Path, **override) -> None:
    """Report 1: the group (a member of side B's coalition) accuses the army (side A) of executing 15 prisoners."""
    add_report(ds, 1, "act_outlet_a", "2015-04-25", [
        claim(1, "The group accused the army of executing 15 prisoners.", "act_group", "2015-04-21", "2015-04-21",
              casualties=[killed("p1", 15, None, outcome="executed", perpetrator="act_army")], **override)])


def cid(number: int, n: int) -> str:
    """Id of claim ``n`` of report ``number``."""
    return f"clm_{number:08d}_{n:02d}"


def tables(ds: Path) -> dict:
    prepared = prepare(ds)
    assert prepared.problems == []
    return prepared.tables


EVENT_COLUMNS = ["deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "low", "best", "high",
                 "airstrikes_low", "airstrikes_best", "airstrikes_high", "children_low", "children_best",
                 "children_high", "women_low", "women_best", "women_high", "number_of_claims", "number_of_sources",
                 "number_of_documents", "number_of_partisan_claims"]


def event(t: dict, event_id: str = EVENT) -> dict:
    """The event's derived figures as plain values (None where missing)."""
    row = t["events"].set_index("event_id").loc[event_id]
    out = {c: None if pd.isna(row[c]) else int(row[c]) for c in EVENT_COLUMNS}
    out["vague_words"] = list(row["vague_words"])
    out["reconciliation"] = row["reconciliation"]
    out["corroboration"] = None if pd.isna(row["corroboration"]) else row["corroboration"]
    return out


def tallies(t: dict, table: str = "event_tallies") -> list[list]:
    frame = t[table]
    columns = ["measure", "side", *(["claimant_id"] if table == "claimant_tallies" else []), "low", "best", "high"]
    return frame[frame["event_id"] == EVENT][columns].astype(object).values.tolist()


def grades(t: dict) -> list[list]:
    """[measure, side, grade] per event tally of the battle, then ["event", "all", overall grade]."""
    frame = t["event_tallies"]
    rows = frame[frame["event_id"] == EVENT][["measure", "side", "corroboration"]].astype(object).values.tolist()
    return [*rows, ["event", "all", event(t)["corroboration"]]]
