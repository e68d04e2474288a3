"""An alias names one actor, a spelling variant one place (compared ignoring case), and is written
in visible characters of one script, so two aliases that look alike are alike."""

from __future__ import annotations

import unicodedata

from tollbook.contract.codes import Code, raises
from tollbook.contract.problems import Problem
from tollbook.extract.compile_reference import origin_key
from tollbook.validate.rules.context import RuleContext


def _script(char: str) -> str | None:
    """The script of a letter (the first word of its Unicode name: LATIN, CYRILLIC, ...)."""
    return unicodedata.name(char, "?").split()[0] if char.isalpha() else None


def lookalike(name: str) -> str | None:
    """Why ``name`` could pass for another name it is not, or None."""
    hidden = [c for c in name if unicodedata.category(c) in ("Cf", "Cc", "Co", "Cn", "Zl", "Zp")]
    if hidden:
        return f"holds the invisible character U+{ord(hidden[0]):04X}; write visible characters only"
    scripts = sorted({s for s in map(_script, name) if s})
    if len(scripts) > 1:
        return f"mixes the scripts {', '.join(scripts)}; write each alias in one script"
    return None


def _conflicts(ctx: RuleContext, table: str, name_col: str, target_col: str) -> list[Problem]:
    frame = ctx.tables[table]
    first: dict[str, tuple[str, str]] = {}
    problems = []
    for _, row in frame.iterrows():
        why = lookalike(str(row[name_col]))
        if why:
            problems.append(ctx.problem(str(row[name_col]), name_col, Code.VALUE_NOT_ALLOWED,
                                        f"{row[name_col]!r} {why}", origin_id=origin_key(table, row)))
            continue
        folded = " ".join(str(row[name_col]).casefold().replace("\u2019", "'").split())
        target = str(row[target_col])
        if folded in first and first[folded][1] != target:
            problems.append(ctx.problem(
                str(row[name_col]), name_col, Code.ALIAS_CONFLICT,
                f"{row[name_col]!r} names {target}, but {first[folded][0]!r} already names "
                f"{first[folded][1]}", origin_id=origin_key(table, row)))
        first.setdefault(folded, (str(row[name_col]), target))
    return problems


@raises(Code.ALIAS_CONFLICT, Code.VALUE_NOT_ALLOWED)
def check_aliases(ctx: RuleContext) -> list[Problem]:
    return (_conflicts(ctx, "actor_aliases", "alias", "actor_id")
            + _conflicts(ctx, "location_variants", "variant", "location_id"))
