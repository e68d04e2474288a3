"""Count the import statements between the stage packages of tollbook (docs/architecture.md).

    python scripts/import_counts.py            # every sub-package and top-level module of tollbook
    python scripts/import_counts.py --coarse   # extract, validate, derive and the rest of tollbook

Every ``import tollbook.x`` or ``from tollbook.x import ...`` statement counts once, wherever it
stands in the module (top level or inside a function); imports within one stage are left out.
"""

from __future__ import annotations

import ast
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "tollbook"

#: The coarse view (as issue 15 counted): these stages; everything else of the package is "tollbook".
COARSE = ("contract", "extract", "derive", "validate")


def stage_of(module: str, stages: tuple[str, ...] | None) -> str:
    """The sub-package or top-level module ``module`` belongs to (``stages`` None: all of them)."""
    parts = module.split(".")
    if len(parts) > 1 and (stages is None or parts[1] in stages):
        return parts[1]
    return "tollbook"


def module_name(path: Path) -> str:
    rel = path.relative_to(ROOT.parent).with_suffix("")
    parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
    return ".".join(parts)


def imported(tree: ast.AST, package: str) -> list[str]:
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [a.name for a in node.names if a.name.split(".")[0] == "tollbook"][:1]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against the importing package
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                name = ".".join(base + ([node.module] if node.module else []))
            else:
                name = node.module or ""
            if name.split(".")[0] == "tollbook":
                if name == "tollbook" and node.names:  # from tollbook import extract → tollbook.extract
                    name = f"tollbook.{node.names[0].name}"
                out.append(name)
    return out


def counts(stages: tuple[str, ...] | None) -> Counter:
    edges: Counter = Counter()
    for path in sorted(ROOT.rglob("*.py")):
        module = module_name(path)
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        source = stage_of(module, stages)
        for target in imported(ast.parse(path.read_text(encoding="utf-8")), package):
            to = stage_of(target, stages)
            if to != source:
                edges[(source, to)] += 1
    return edges


def cycles(edges: Counter) -> list[tuple[str, str]]:
    """Pairs of stages that import each other."""
    return sorted((a, b) for (a, b) in edges if a < b and (b, a) in edges)


def main(argv: list[str]) -> int:
    stages = COARSE if "--coarse" in argv else None
    edges = counts(stages)
    for (a, b), n in sorted(edges.items()):
        print(f"{a:>18} → {b:<18} {n:>3}")
    pairs = cycles(edges)
    print(f"{len(pairs)} pair(s) of stages import each other" + (": " + ", ".join(f"{a}⇄{b}" for a, b in pairs)
                                                                 if pairs else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
