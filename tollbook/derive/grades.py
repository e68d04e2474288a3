"""The corroboration rule: how well the claims behind an event side are corroborated.

This module is the rule; docs/methodology.md ("Corroboration grade") says the same in words.
For each event, measure and side, over the claimants whose figures the reconciliation kept
(copies and nested figures never count) and the perpetrators those figures name:

- a claimant's **voice** is the claimant with its side and affiliations (actor_memberships
  during the event's dates, through any chain): SANA and Syrian state TV both reach the Syrian
  government, so they are one voice. Claimants whose affiliations meet are one voice; a relay
  (claims.relayed_by) is never a claimant, so AFP relaying SOHR is SOHR's voice only;
- ``confirmed``: a figure's claimant is the perpetrator that figure names, or shares a side or
  affiliation with it (the perpetrator's side claims or accepts the deaths it caused). Reporting
  the deaths while blaming someone else is no confirmation;
- ``contested``: two voices blame different perpetrators. Two perpetrators are the same when
  each is a member of the other (the Syrian government and its forces), or when one is a
  member of the other and that other is of actor type ``coalition`` (a coalition's strikes are
  its members'); allied forces (Russian and Syrian government forces) are different;
- ``fair``: two or more voices; ``weak``: one voice.
The first that holds wins, in that order. The event's overall grade applies the same rule to
its deaths of every side together, except that ``contested`` needs one side to be contested
(blaming A for side B's dead and B for side A's is no contest).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable

import pandas as pd

#: Name of this rule, stored in events.corroboration_rule; change it whenever the rule changes.
RULE = "tollbook-grade-1"

#: Grades, strongest first (vocabulary.GRADES has the same values).
ORDER = ("confirmed", "contested", "fair", "weak")

Reach = Callable[[str], frozenset]


def voices(claimants: Iterable[str], reach: Reach) -> list[set[str]]:
    """Claimants grouped into independent voices: claimants whose affiliations meet, directly or
    through another claimant, are one voice."""
    groups: list[tuple[set[str], set[str]]] = []
    for claimant in sorted(set(claimants)):
        members, affiliations = {claimant}, set(reach(claimant))
        for group in [g for g in groups if g[1] & affiliations]:
            groups.remove(group)
            members |= group[0]
            affiliations |= group[1]
        groups.append((members, affiliations))
    return [members for members, _ in groups]


def _same_actor(p: str, q: str, reach: Reach, coalitions: frozenset) -> bool:
    if p == q or (q in reach(p) and p in reach(q)):
        return True
    return (q in reach(p) and q in coalitions) or (p in reach(q) and p in coalitions)


def _blamed(pairs: list[tuple[str, str]], groups: list[set[str]], reach: Reach, coalitions: frozenset) -> bool:
    """Two voices blame perpetrators that are not the same actor."""
    per_voice = []
    for members in groups:
        named = sorted({p for c, p in pairs if c in members})
        if named:
            per_voice.append(named)
    for i, first in enumerate(per_voice):
        for second in per_voice[i + 1:]:
            covered = all(any(_same_actor(p, q, reach, coalitions) for q in second) for p in first) and \
                all(any(_same_actor(p, q, reach, coalitions) for q in first) for p in second)
            if not covered:
                return True
    return False


def grade(pairs: list[tuple[str, str | None]], reach: Reach, coalitions: frozenset = frozenset()) -> str | None:
    """The grade of one event side: ``pairs`` are (claimant, perpetrator or None), one per
    figure counted; ``coalitions`` the actors of type coalition. None when there is no figure."""
    if not pairs:
        return None
    groups = voices((c for c, _ in pairs), reach)
    named = sorted({(c, p) for c, p in pairs if p is not None})
    if any(reach(c) & reach(p) for c, p in named):
        return "confirmed"
    if _blamed(named, groups, reach, coalitions):
        return "contested"
    return "fair" if len(groups) >= 2 else "weak"


def side_grades(figures: pd.DataFrame, kept: pd.DataFrame, affiliations, coalitions: frozenset) -> pd.DataFrame:
    """(event_id, measure, side, corroboration). ``figures``: the counted figures (claim_id,
    event_id, measure, side, claimant_id, perpetrator_id); ``kept``: claimant tallies' claim_ids
    per event, measure and side; ``affiliations(event_id, actor)`` as Sides.affiliations;
    ``coalitions`` the actors of type coalition."""
    counted = {(e, m, s, c) for e, m, s, ids in zip(kept["event_id"], kept["measure"], kept["side"],
                                                   kept["claim_ids"], strict=True) for c in ids}
    rows: dict[tuple, list] = {}
    for e, m, s, c, k, p in zip(figures["event_id"], figures["measure"], figures["side"], figures["claim_id"],
                                figures["claimant_id"], figures["perpetrator_id"], strict=True):
        if (e, m, s, c) in counted:
            rows.setdefault((e, m, s), []).append((k, p if isinstance(p, str) and p else None))
    out = [(e, m, s, grade(pairs, functools.partial(affiliations, e), coalitions))
           for (e, m, s), pairs in sorted(rows.items())]
    return pd.DataFrame(out, columns=["event_id", "measure", "side", "corroboration"])


def event_grades(figures: pd.DataFrame, kept: pd.DataFrame, sides: pd.DataFrame, affiliations) -> dict[str, str]:
    """event_id → overall grade of its deaths (see the module text); ``sides`` as side_grades
    returns it."""
    deaths = kept[kept["measure"] == "deaths"]
    claimants: dict[str, set[str]] = {}
    for e, c in zip(deaths["event_id"], deaths["claimant_id"], strict=True):
        claimants.setdefault(e, set()).add(c)
    graded = sides[sides["measure"] == "deaths"].groupby("event_id")["corroboration"].agg(set)
    out = {}
    for event_id, who in sorted(claimants.items()):
        own = graded.get(event_id, set())
        strongest = next((g for g in ("confirmed", "contested") if g in own), None)
        n = len(voices(who, functools.partial(affiliations, event_id)))
        out[event_id] = strongest or ("fair" if n >= 2 else "weak")
    return out
