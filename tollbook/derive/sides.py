"""Whose side an actor is on in an event, and whether a claim is partisan.

An actor is on an event's side A when it is side A's actor, or a member of it (directly or
through a coalition) by ``actor_memberships`` during the event's dates; likewise for side B.
Actors of type ``civilians`` are civilians. Everyone else is on no side.

A claim is **partisan** when its claimant is on one side of an event and one of its figures
about that event speaks of the other side: the enemy's dead or hurt, a crime blamed on the
enemy, the enemy's strikes, a place the enemy lost, the enemy's force. A curator's
``partisan: true|false`` in the record overrides the rule (``partisan_basis`` says which).
"""

from __future__ import annotations

from collections import defaultdict

import pandas as pd

from tollbook.derive.inputs import concerned_actors, dates, present

OPPOSITE = {"a": "b", "b": "a"}


class Sides:
    def __init__(self, tables: dict[str, pd.DataFrame]):
        events = tables["events"]
        starts, ends = dates(events["date_start"]), dates(events["date_end"])
        self.events = {
            e: (a if isinstance(a, str) and a else None, b if isinstance(b, str) and b else None, s, t)
            for e, a, b, s, t in zip(events["event_id"], events["side_a_id"], events["side_b_id"], starts, ends,
                                     strict=True)
        }
        m = tables["actor_memberships"]
        self.coalitions: dict[str, list[tuple[str, pd.Timestamp, pd.Timestamp]]] = defaultdict(list)
        for member, coalition, s, t in zip(m["member_id"], m["coalition_id"], dates(m["date_start"]),
                                           dates(m["date_end"]), strict=True):
            self.coalitions[member].append((coalition, s, t))
        actors = tables["actors"]
        self.civilians = set(actors.loc[actors["actor_type"] == "civilians", "actor_id"])
        self.coalition_ids = frozenset(actors.loc[actors["actor_type"] == "coalition", "actor_id"])

    def _reach(self, actor: str, start, end) -> set[str]:
        """actor and every coalition it is a member of (through any chain) during start..end."""
        seen, todo = {actor}, [actor]
        while todo:
            current = todo.pop()
            for coalition, s, t in self.coalitions.get(current, ()):
                overlaps = (pd.isna(s) or pd.isna(end) or s <= end) and (pd.isna(t) or pd.isna(start) or t >= start)
                if overlaps and coalition not in seen:
                    seen.add(coalition)
                    todo.append(coalition)
        return seen

    def _within(self, actor: str, side: str, start, end) -> bool:
        """actor is side, or a member (through any chain of coalitions) during start..end."""
        return side in self._reach(actor, start, end)

    def affiliations(self, event_id, actor) -> frozenset[str]:
        """``actor`` and everything it is a member of during the event's dates: its side and
        affiliation (SANA: itself, the Syrian government, the government forces)."""
        if not isinstance(actor, str):
            return frozenset()
        if event_id not in self.events:
            return frozenset({actor})
        _, _, start, end = self.events[event_id]
        return frozenset(self._reach(actor, start, end))

    def party(self, event_id, actor) -> str | None:
        """'a' or 'b' when ``actor`` is on that side of the event, else None."""
        if not isinstance(actor, str) or event_id not in self.events:
            return None
        side_a, side_b, start, end = self.events[event_id]
        for name, side in (("a", side_a), ("b", side_b)):
            if side is not None and self._within(actor, side, start, end):
                return name
        return None

    def bucket(self, event_id, actor) -> str:
        """The tally side of a figure about ``actor``: a, b, civilians or unknown."""
        side = self.party(event_id, actor)
        if side is not None:
            return side
        return "civilians" if actor in self.civilians else "unknown"

    def actor_of(self, event_id, side: str):
        if event_id not in self.events or side not in ("a", "b"):
            return None
        return self.events[event_id][0 if side == "a" else 1]


def partisan_flags(tables: dict[str, pd.DataFrame], sides: Sides) -> tuple[pd.Series, pd.Series]:
    """The claims table's ``partisan`` and ``partisan_basis``: a curator's value where the
    record sets one, the rule's elsewhere; copies take their original's."""
    claims = tables["claims"].reset_index(drop=True)
    claim_ids = claims["claim_id"].tolist()
    claimant = dict(zip(claim_ids, claims["claimant_id"].tolist(), strict=True))
    derived: set[str] = set()
    about = concerned_actors(tables)
    for claim_id, event_id, actor in zip(about["claim_id"].tolist(), about["event_id"].tolist(),
                                         about["actor_id"].tolist(), strict=True):
        own = sides.party(event_id, claimant.get(claim_id))
        if own is not None and sides.party(event_id, actor) == OPPOSITE[own]:
            derived.add(claim_id)
    curated = claims["partisan"].astype("object").where(present(claims["partisan"]), None).tolist()
    flag = {c: (bool(v) if v is not None else c in derived) for c, v in zip(claim_ids, curated, strict=True)}
    basis = {c: ("curator" if v is not None else "derived") for c, v in zip(claim_ids, curated, strict=True)}
    copy_of = claims["duplicate_of"].astype("object").where(present(claims["duplicate_of"]), None).tolist()
    for c, original in zip(claim_ids, copy_of, strict=True):
        if original is not None and original in flag:
            flag[c], basis[c] = flag[original], basis[original]
    return claims["claim_id"].map(flag).astype("boolean"), claims["claim_id"].map(basis)

