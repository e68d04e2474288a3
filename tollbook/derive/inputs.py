"""The compiled tables as the rule reads them: one row per countable figure, typed just
enough that a bad cell elsewhere (reported by the validate stage) cannot stop the rule."""

from __future__ import annotations

import pandas as pd

#: Casualty outcomes counted as deaths. An execution is a killing (UCDP counts executed
#: people among the dead of one-sided violence); injured, captured and missing people are
#: alive or not known dead, so they are never added to deaths.
DEATH_OUTCOMES = ("killed", "executed")

#: Weapons counted as airstrikes: each is one strike from the air. A sortie can carry several
#: strikes and shelling is not from the air, so neither is added to airstrikes (they stay in
#: the airstrikes table, by weapon).
AIRSTRIKE_WEAPONS = ("airstrike", "air_raid", "barrel_bomb")

FIGURE_COLUMNS = ["measure", "figure_id", "claim_id", "event_id", "actor_id", "perpetrator_id", "nested", "part_of",
                  "age_group", "sex", "date_start", "date_end", "count_low", "count_best", "count_high", "vague_word"]

#: Who-was-killed measures: a death figure counts in one when its age group / sex says so. A
#: nested figure counts here (it is how a text says "including 5 children") unless a figure it
#: is part of counts in the same measure already; women are females who are not children.
KILLED_GROUPS = {
    "children": lambda age, sex: age == "child",
    "women": lambda age, sex: sex == "female" and age != "child",
}


def dates(series: pd.Series) -> pd.Series:
    return pd.to_datetime(series, errors="coerce")


def numbers(series: pd.Series) -> pd.Series:
    return pd.to_numeric(series, errors="coerce").astype("float64")


def present(series: pd.Series) -> pd.Series:
    return series.notna() & (series.astype("object") != "")


def _column(frame: pd.DataFrame, name: str | None) -> pd.Series:
    if name is None or name not in frame:
        return pd.Series(None, index=frame.index, dtype="object")
    return frame[name].astype("object").where(present(frame[name]), None)


def _figures(frame: pd.DataFrame, measure: str, key: str, actor: str, nested: pd.Series,
             perpetrator: str) -> pd.DataFrame:
    out = pd.DataFrame({
        "measure": measure,
        "figure_id": frame[key].astype("object"),
        "claim_id": frame["claim_id"].astype("object"),
        "event_id": frame["event_id"].astype("object"),
        "actor_id": frame[actor].astype("object"),
        "perpetrator_id": _column(frame, perpetrator),
        "nested": nested,
        "part_of": _column(frame, "part_of"),
        "age_group": _column(frame, "age_group"),
        "sex": _column(frame, "sex"),
        "date_start": dates(frame["date_start"]),
        "date_end": dates(frame["date_end"]),
        "count_low": numbers(frame["count_low"]),
        "count_best": numbers(frame["count_best"]),
        "count_high": numbers(frame["count_high"]),
        "vague_word": frame["vague_word"].astype("object"),
    })
    return out[FIGURE_COLUMNS]


def measured_figures(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Death and airstrike figures, each with the claim it is read from and the figure's own
    low / best / high where the count leaves a bound open (the stated number stands in)."""
    cas = tables["casualties"]
    cas = cas[cas["outcome"].isin(DEATH_OUTCOMES)]
    air = tables["airstrikes"]
    air = air[air["weapon"].isin(AIRSTRIKE_WEAPONS)]
    parts = [
        _figures(cas, "deaths", "casualty_id", "party_id", present(cas["part_of"]), "perpetrator_id"),
        _figures(air, "airstrikes", "airstrike_id", "perpetrator_id", pd.Series(False, index=air.index),
                 "perpetrator_id"),
    ]
    parts += _killed_groups(parts[0])
    figures = pd.concat([p for p in parts if len(p)], ignore_index=True) if any(len(p) for p in parts) \
        else pd.DataFrame({c: pd.Series(dtype="object") for c in FIGURE_COLUMNS})
    best = figures["count_best"].fillna(figures["count_low"]).fillna(figures["count_high"])
    figures["best"] = best
    figures["low"] = figures["count_low"].fillna(best)
    figures["high"] = figures["count_high"].fillna(best)
    return figures


def _killed_groups(deaths: pd.DataFrame) -> list[pd.DataFrame]:
    """The death figures again under each KILLED_GROUPS measure they belong to, nested or not;
    a figure inside a figure of the same measure is marked nested (never added to its whole)."""
    if deaths.empty:
        return []
    parent = dict(zip(deaths["figure_id"], deaths["part_of"], strict=True))
    out = []
    for measure, belongs in KILLED_GROUPS.items():
        member = [bool(belongs(a, s)) for a, s in zip(deaths["age_group"], deaths["sex"], strict=True)]
        group = deaths[member]
        ids = set(group["figure_id"])

        def inside(figure_id, ids=ids) -> bool:
            seen, current = {figure_id}, parent.get(figure_id)
            while current is not None and current not in seen:
                if current in ids:
                    return True
                seen.add(current)
                current = parent.get(current)
            return False
        out.append(group.assign(measure=measure, nested=[inside(f) for f in group["figure_id"]]))
    return out


def claim_facts(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """claim_id → claimant, story, document, copy-of and the date its document was published."""
    claims = tables["claims"]
    docs = tables["documents"]
    published = dict(zip(docs["document_id"], dates(docs["published_date"]), strict=True))
    return pd.DataFrame({
        "claim_id": claims["claim_id"].astype("object"),
        "claimant_id": claims["claimant_id"].astype("object"),
        "story_id": claims["story_id"].astype("object"),
        "document_id": claims["document_id"].astype("object"),
        "duplicate_of": claims["duplicate_of"].astype("object").where(present(claims["duplicate_of"]), None),
        "event_id": claims["event_id"].astype("object"),
        "published": claims["document_id"].map(published),
    }).reset_index(drop=True)


def event_windows(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    events = tables["events"]
    return pd.DataFrame({
        "event_id": events["event_id"].astype("object"),
        "event_start": dates(events["date_start"]),
        "event_end": dates(events["date_end"]),
    })


def concerned_actors(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """(claim_id, event_id, actor_id): whom each figure of a claim speaks about — the dead or
    hurt and who is blamed, who struck, who lost a place, whose force is sized."""
    pairs = [("casualties", "party_id"), ("casualties", "perpetrator_id"), ("airstrikes", "perpetrator_id"),
             ("control_changes", "lost_by_id"), ("force_sizes", "actor_id")]
    frames = []
    for table, column in pairs:
        t = tables[table]
        frames.append(pd.DataFrame({"claim_id": t["claim_id"].astype("object"),
                                    "event_id": t["event_id"].astype("object"),
                                    "actor_id": t[column].astype("object")}))
    out = pd.concat(frames, ignore_index=True)
    return out[present(out["actor_id"]) & present(out["event_id"])].reset_index(drop=True)
