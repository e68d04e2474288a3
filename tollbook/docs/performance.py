"""docs/performance.md, rendered from the benchmark results (``benchmarks/results/*.json``) by
the page description ``benchmarks/performance.yaml``: no figure on the page is typed by hand.

The description is a list of sections; each has a title, text and optionally a table. Text and
cells hold placeholders ``{{ expression | format }}``: a small Python expression over the
results (``files.pack_jobs1.runs[0].build.wall_s``; in a table row, the row's own fields
first) and an optional format spec (``.1f``, ``,``). A table names its ``rows`` (an
expression giving a list, or a mapping whose items become rows with a ``key``) and its
``columns`` (header and cell). ``define`` names expressions once for the whole page. Every
results file is either shown by some section or listed under ``not_shown`` with the reason,
so a new results file cannot be forgotten.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import yaml

from tollbook import paths
from tollbook.docs.markdown import table
from tollbook.problems import TollbookError

PLACEHOLDER = re.compile(r"\{\{(.+?)\}\}", re.S)
#: What an expression may use: arithmetic, comparisons, conditions, lookups, comprehensions
#: and the functions below. No attribute starting with "_", no other calls.
ALLOWED_NODES = (ast.Expression, ast.BinOp, ast.UnaryOp, ast.BoolOp, ast.Compare, ast.IfExp, ast.Name,
                 ast.Load, ast.Store, ast.Attribute, ast.Subscript, ast.Constant, ast.Call, ast.List, ast.Tuple,
                 ast.GeneratorExp, ast.ListComp, ast.comprehension, ast.Slice, ast.operator, ast.unaryop,
                 ast.boolop, ast.cmpop, ast.keyword)
FUNCTIONS = {"min": min, "max": max, "sum": sum, "len": len, "round": round, "abs": abs, "sorted": sorted,
             "any": any, "all": all, "zip": zip}


class Fields(dict):
    """A results object whose fields read as attributes (``run.build.wall_s``)."""

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return self[name]
        except KeyError:
            raise LookupError(f"no field {name!r} (there are: {', '.join(sorted(self))})") from None


def _wrap(value):
    if isinstance(value, dict):
        return Fields({k: _wrap(v) for k, v in value.items()})
    if isinstance(value, list):
        return [_wrap(v) for v in value]
    return value


def evaluate(expression: str, names: dict):
    """The value of one placeholder expression (checked against ALLOWED_NODES first)."""
    tree = ast.parse(expression.strip(), mode="eval")
    for node in ast.walk(tree):
        if not isinstance(node, ALLOWED_NODES):
            raise ValueError(f"{type(node).__name__} is not allowed in {expression.strip()!r}")
        if isinstance(node, ast.Attribute) and node.attr.startswith("_"):
            raise ValueError(f"attribute {node.attr!r} is not allowed")
        if isinstance(node, ast.Call) and not (isinstance(node.func, ast.Name) and node.func.id in FUNCTIONS
                                               or isinstance(node.func, ast.Attribute) and node.func.attr == "join"
                                               and isinstance(node.func.value, ast.Constant)):
            raise ValueError(f"only {', '.join(FUNCTIONS)} may be called in {expression.strip()!r}")
    return eval(compile(tree, "<performance.yaml>", "eval"), {"__builtins__": {}, **FUNCTIONS}, names)  # noqa: S307


def fill(template: str, names: dict, where: str) -> str:
    """``template`` with every ``{{ expression | format }}`` replaced by its value."""
    def one(match: re.Match) -> str:
        expression, _, spec = match.group(1).rpartition("|") if "|" in match.group(1) else (match.group(1), "", "")
        try:
            value = evaluate(expression, names)
        except (LookupError, ValueError, TypeError, ZeroDivisionError, NameError, SyntaxError) as exc:
            raise TollbookError(f"benchmarks/performance.yaml, {where}: {{{{{match.group(1).strip()}}}}}: {exc}") \
                from None
        spec = spec.strip()
        if spec and isinstance(value, (int, float)) and not isinstance(value, bool):
            return format(value, spec)
        return str(value)
    return PLACEHOLDER.sub(one, template)


def _rows(value) -> list:
    if isinstance(value, dict):
        return [Fields({"key": k, **(v if isinstance(v, dict) else {"value": v})}) for k, v in value.items()]
    return list(value)


def load_results(results_dir: Path) -> dict[str, Fields]:
    """Every results file by its name without ``.json``, dashes as underscores (``pack_jobs1``)."""
    out = {}
    for path in sorted(results_dir.glob("*.json")):
        out[path.stem.replace("-", "_")] = _wrap(json.loads(path.read_text(encoding="utf-8")))
    return out


def render_performance(spec_path: Path | None = None, results_dir: Path | None = None) -> str:
    root = paths.project_root()
    spec_path = spec_path or root / "benchmarks" / "performance.yaml"
    results_dir = results_dir or root / "benchmarks" / "results"
    spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
    files = load_results(results_dir)
    names: dict = {"files": Fields(files)}
    for name, expression in (spec.get("define") or {}).items():
        names[name] = _wrap(evaluate(expression, names)) if isinstance(expression, str) else expression
    accounted = set(spec.get("not_shown") or {})
    parts = [f"# {spec['title']}", "", "<!-- generated by `tollbook docs` from benchmarks/results/*.json and "
             "benchmarks/performance.yaml: edit those, not this page -->", ""]
    for number, section in enumerate(spec["sections"], 1):
        where = f"section {number} ({section.get('title') or 'untitled'})"
        accounted |= set(section.get("shows") or [])
        if section.get("title"):
            parts += [f"## {section['title']}", ""]
        if section.get("text"):
            parts += [fill(section["text"].strip(), names, where), ""]
        if section.get("table"):
            spec_table = section["table"]
            rows = _rows(evaluate(spec_table["rows"], names))
            cells = []
            for row in rows:
                row_names = {**names, "row": row, **(row if isinstance(row, dict) else {})}
                cells.append([fill(str(column["cell"]), row_names, f"{where}, column {column['header']!r}")
                              for column in spec_table["columns"]])
            parts += [table([c["header"] for c in spec_table["columns"]], cells), ""]
        if section.get("after"):
            parts += [fill(section["after"].strip(), names, where), ""]
    missing = sorted(p.name for p in results_dir.glob("*.json") if p.name not in accounted)
    if missing:
        raise TollbookError(f"benchmarks/results/{missing[0]} is not on the performance page: give it a section "
                            "in benchmarks/performance.yaml (shows: [file]) or list it under not_shown with the reason")
    return "\n".join(parts).rstrip("\n") + "\n"


def performance_path() -> Path:
    return paths.project_root() / "docs" / "performance.md"
