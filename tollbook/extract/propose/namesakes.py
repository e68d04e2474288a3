"""Places that share a name, told apart by the places around them.

The tables may hold two places of one name (a Midan district in Damascus and another in
Aleppo, written "Midan (Damascus)" and "al-Midan (Aleppo)"; villages of one name in two
provinces). A report names one of them without the qualifier. :func:`resolve_namesakes`
takes the one in the first-level unit the text places it in: the place it is "of" or "in"
right after ("the al Midan district of Damascus"), else the place named last before it (the
story's), else the one the name index gives.
"""

from __future__ import annotations

import re

from tollbook.extract.propose.names import NameIndex, NameMention
from tollbook.extract.propose.unnamed_sites import PlaceTables

#: "of"/"in" and a few words of the phrase between a place and the one holding it ("the al
#: Midan district of Damascus", "Midan in the Syrian capital").
_HELD_BY = re.compile(r"^[\s,]*(?:[A-Za-z-]+\s+){0,2}?(?:of|in)\s+(?:the\s+)?(?:[A-Za-z'’-]+\s+){0,3}$")


def resolve_namesakes(view: str, mentions: list[NameMention], names: NameIndex,
                      tables: PlaceTables) -> list[NameMention]:
    """``mentions`` with each place whose name several places share given the id of the one
    in the unit its context names (see the module's note)."""
    if not names.namesakes:
        return mentions
    places = [m for m in mentions if m.kind == "location"]
    out = []
    for m in mentions:
        sakes = names.namesakes_of(m.text) if m.kind == "location" else ()
        unit = _context_unit(view, m, places, sakes, tables) if len(sakes) > 1 else None
        chosen = next((ref for ref in sakes if tables.admin1.get(ref) == unit), None) \
            if unit is not None else None
        if chosen is not None and chosen != m.ref_id:
            m = NameMention(m.start, m.end, m.text, m.kind, chosen, m.method, m.score)
        out.append(m)
    return out


def _context_unit(view: str, m: NameMention, places: list[NameMention], sakes: tuple[str, ...],
                  tables: PlaceTables) -> str | None:
    """The first-level unit the text places ``m`` in: of the place it is "of"/"in" right
    after, else of the place named last before it (namesakes passed by)."""
    after = next((p for p in places if m.end <= p.start <= m.end + 50
                  and _HELD_BY.match(view[m.end:p.start])), None)
    if after is not None and after.ref_id not in sakes and tables.admin1.get(after.ref_id):
        return tables.admin1[after.ref_id]
    before = next((p for p in reversed(places) if p.end <= m.start and p.ref_id not in sakes
                   and tables.admin1.get(p.ref_id)), None)
    return tables.admin1.get(before.ref_id) if before is not None else None
