"""Agreement of the curated figures with a dataset's coding: ``source_codings.curated_contains``.

A coded count that is written in the document's body is *contained* when some curated killed
or executed figure of that document, or of the original claims its copies point at, has it as
its low, best or high count.
"""

from __future__ import annotations

import pandas as pd

KILLED = ("killed", "executed")


def killed_values_by_document(tables: dict[str, pd.DataFrame]) -> dict[str, set[int]]:
    claims, cas = tables["claims"], tables["casualties"]
    killed = cas[cas["outcome"].astype("object").isin(KILLED)]
    values_by_claim: dict[str, set[int]] = {}
    for cid, *bounds in zip(killed["claim_id"], killed["count_low"], killed["count_best"], killed["count_high"],
                            strict=True):
        values_by_claim.setdefault(cid, set()).update(int(b) for b in bounds if pd.notna(b))
    out: dict[str, set[int]] = {}
    for cid, doc, original in zip(claims["claim_id"], claims["document_id"], claims["duplicate_of"], strict=True):
        source = original if isinstance(original, str) else cid
        out.setdefault(doc, set()).update(values_by_claim.get(source, ()))
    return out


def curated_contains(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    codings = tables["source_codings"].copy()
    if codings.empty:
        return codings
    values = killed_values_by_document(tables)
    codings["curated_contains"] = [
        (int(n) in values.get(doc, set())) if appears is True else None
        for doc, n, appears in zip(codings["document_id"], codings["value_count"], codings["appears_in_text"],
                                   strict=True)]
    return codings
