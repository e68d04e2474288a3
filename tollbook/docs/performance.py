"""docs/performance.md, rendered from the benchmark results (``benchmarks/results/*.json``) by
the page description ``benchmarks/performance.yaml``: no figure on the page is typed by hand.

The description is a list of sections; each has a title, text and optionally a table. Text and
cells hold placeholders ``{{ expression | format }}``: a small Python expression over the
results (``files.pack_jobs1.runs[0].build.wall_s``; in a table row, the row's own fields
first), interpreted node by node and never run as code, and an optional format spec (``.1f``,
``,``). A table names its ``rows`` (an expression giving a list, or a mapping whose items
become rows with a ``key``) and its ``columns`` (header and cell). ``define`` names
expressions once for the whole page. Every results file is either shown by some section or
listed under ``not_shown`` with the reason, so a new results file cannot be forgotten.
"""

from __future__ import annotations

import ast
import json
import operator
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from tollbook import paths
from tollbook.contract.problems import TollbookError
from tollbook.docs.markdown import table

PLACEHOLDER = re.compile(r"\{\{(.+?)\}\}", re.S)
#: Functions an expression may call (and ``'sep'.join(...)``); nothing else is callable.
FUNCTIONS: dict[str, Callable[..., Any]] = {
    "min": min, "max": max, "sum": sum, "len": len, "round": round, "abs": abs, "sorted": sorted,
    "any": any, "all": all, "zip": zip}
BINARY: dict[type, Callable[[Any, Any], Any]] = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv,
    ast.FloorDiv: operator.floordiv, ast.Mod: operator.mod, ast.Pow: operator.pow}
UNARY: dict[type, Callable[[Any], Any]] = {ast.USub: operator.neg, ast.UAdd: operator.pos, ast.Not: operator.not_}
COMPARE: dict[type, Callable[[Any, Any], Any]] = {
    ast.Eq: operator.eq, ast.NotEq: operator.ne, ast.Lt: operator.lt, ast.LtE: operator.le,
    ast.Gt: operator.gt, ast.GtE: operator.ge, ast.In: lambda a, b: a in b,
    ast.NotIn: lambda a, b: a not in b, ast.Is: operator.is_, ast.IsNot: operator.is_not}


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
    """The value of one placeholder expression, interpreted node by node (never ``eval``): arithmetic,
    comparisons, conditions, field lookups, comprehensions and the FUNCTIONS; no attribute that
    starts with ``_``."""
    return _value(ast.parse(expression.strip(), mode="eval").body, names)


def _value(node: ast.AST, names: dict):  # noqa: C901, PLR0911, PLR0912 - one branch per kind of node
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Name):
        if node.id in names:
            return names[node.id]
        if node.id in FUNCTIONS:
            return FUNCTIONS[node.id]
        raise NameError(f"name {node.id!r} is not defined")
    if isinstance(node, ast.Attribute):
        if node.attr.startswith("_"):
            raise ValueError(f"attribute {node.attr!r} is not allowed")
        owner = _value(node.value, names)
        if isinstance(owner, dict):
            return getattr(owner, node.attr) if isinstance(owner, Fields) else owner[node.attr]
        raise ValueError(f"attribute {node.attr!r} of a {type(owner).__name__} is not allowed")
    if isinstance(node, ast.Subscript):
        return _value(node.value, names)[_value(node.slice, names)]
    if isinstance(node, ast.Slice):
        return slice(*(None if part is None else _value(part, names) for part in (node.lower, node.upper, node.step)))
    if isinstance(node, ast.BinOp) and type(node.op) in BINARY:
        return BINARY[type(node.op)](_value(node.left, names), _value(node.right, names))
    if isinstance(node, ast.UnaryOp) and type(node.op) in UNARY:
        return UNARY[type(node.op)](_value(node.operand, names))
    if isinstance(node, ast.BoolOp):
        result = isinstance(node.op, ast.And)
        for part in node.values:
            result = _value(part, names)
            if bool(result) != isinstance(node.op, ast.And):
                return result
        return result
    if isinstance(node, ast.Compare):
        left = _value(node.left, names)
        for op, right_node in zip(node.ops, node.comparators, strict=True):
            right = _value(right_node, names)
            if not COMPARE[type(op)](left, right):
                return False
            left = right
        return True
    if isinstance(node, ast.IfExp):
        return _value(node.body if _value(node.test, names) else node.orelse, names)
    if isinstance(node, (ast.List, ast.Tuple)):
        items = [_value(item, names) for item in node.elts]
        return items if isinstance(node, ast.List) else tuple(items)
    if isinstance(node, (ast.ListComp, ast.GeneratorExp)):
        return list(_comprehension(node.elt, node.generators, names))
    if isinstance(node, ast.Call) and not node.keywords:
        args = [_value(arg, names) for arg in node.args]
        if isinstance(node.func, ast.Name) and node.func.id in FUNCTIONS and node.func.id not in names:
            return FUNCTIONS[node.func.id](*args)
        if isinstance(node.func, ast.Attribute) and node.func.attr == "join" \
                and isinstance(node.func.value, ast.Constant) and isinstance(node.func.value.value, str):
            return node.func.value.value.join(*args)
        raise ValueError(f"only {', '.join(FUNCTIONS)} and 'sep'.join may be called")
    raise ValueError(f"{type(node).__name__} is not allowed")


def _bind(target: ast.AST, value, names: dict) -> dict:
    if isinstance(target, ast.Name):
        return {**names, target.id: value}
    if isinstance(target, ast.Tuple):
        values = list(value)
        if len(values) != len(target.elts):
            raise ValueError("cannot unpack")
        for part, item in zip(target.elts, values, strict=True):
            names = _bind(part, item, names)
        return names
    raise ValueError(f"{type(target).__name__} is not allowed as a loop variable")


def _comprehension(element: ast.AST, generators: list[ast.comprehension], names: dict):
    first, rest = generators[0], generators[1:]
    for item in _value(first.iter, names):
        inner = _bind(first.target, item, names)
        if all(_value(condition, inner) for condition in first.ifs):
            if rest:
                yield from _comprehension(element, rest, inner)
            else:
                yield _value(element, inner)


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
