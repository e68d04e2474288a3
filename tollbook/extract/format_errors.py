"""Turn pydantic's validation errors on a curated file into located :class:`Problem` rows."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError

from tollbook.contract.codes import Code, raises
from tollbook.contract.problems import Problem
from tollbook.extract.yaml_lines import LocatedYaml

_CODE_BY_TYPE = {
    "missing": Code.MISSING_FIELD,
    "extra_forbidden": Code.UNKNOWN_FIELD,
    "literal_error": Code.VALUE_NOT_ALLOWED,
    "string_pattern_mismatch": Code.VALUE_NOT_ALLOWED,
    "greater_than_equal": Code.VALUE_NOT_ALLOWED,
    "less_than_equal": Code.VALUE_NOT_ALLOWED,
    "greater_than": Code.VALUE_NOT_ALLOWED,
    "less_than": Code.VALUE_NOT_ALLOWED,
    "string_too_short": Code.VALUE_NOT_ALLOWED,
    "value_error": Code.VALUE_NOT_ALLOWED,
    "date_range": Code.VALUE_NOT_ALLOWED,
}

_ID_KEYS = (
    "casualty_id",
    "airstrike_id",
    "change_id",
    "force_id",
    "claim_id",
    "event_id",
    "document_id",
)


def _data_path(data: Any, loc: tuple) -> tuple:
    """The longest prefix of ``loc`` that exists in ``data`` (pydantic adds type names)."""
    path: list[Any] = []
    node = data
    for part in loc:
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        else:
            if isinstance(node, dict) and isinstance(part, str) and not path[-1:] == [part]:
                path.append(part)  # a missing or unknown key still names the field
            break
        path.append(part)
    return tuple(path)


def _record_id(data: Any, path: tuple) -> str | None:
    node, found = data, None
    for part in (None, *path):
        if part == "original":
            break  # the original's document_id names another document
        if part is not None:
            try:
                node = node[part]
            except (KeyError, IndexError, TypeError):
                break
        if isinstance(node, dict):
            for key in _ID_KEYS:
                if isinstance(node.get(key), str):
                    found = node[key]
                    break
    return found


def _field_name(path: tuple) -> str | None:
    named = [str(p) for p in path if isinstance(p, str)]
    return ".".join(named[-2:]) if len(named) >= 2 and named[-2] in {"count", "date", "review"} \
        else (named[-1] if named else None)


@raises(Code.DUPLICATE_KEY, Code.FILE_EMPTY, Code.MISSING_FIELD, Code.NEGATIVE_COUNT, Code.UNKNOWN_FIELD,
        Code.VALUE_NOT_ALLOWED, Code.WRONG_TYPE)
def validate_model(model: type[BaseModel], doc: LocatedYaml, file: str,
                   prefix: tuple = ()) -> tuple[Any, list[Problem]]:
    """Validate parsed YAML (or the part of it at ``prefix``) against ``model``; return
    (instance or None, problems)."""
    data = doc.data
    for part in prefix:
        data = data[part]
    problems = [
        Problem(file, line, _record_id(doc.data, path), _field_name(path), Code.DUPLICATE_KEY,
                f"key {path[-1]!r} appears more than once in one mapping")
        for path, line in doc.duplicate_keys
        if path[: len(prefix)] == prefix
    ]
    try:
        return model.model_validate(data), problems
    except ValidationError as exc:
        for err in exc.errors():
            path = _data_path(doc.data, prefix + tuple(err["loc"]))
            code = _CODE_BY_TYPE.get(err["type"], Code.WRONG_TYPE)
            message = err["msg"]
            if code != Code.MISSING_FIELD and "input" in err and not isinstance(err["input"], dict | list):
                message += f" (got {err['input']!r})"
            if code == Code.UNKNOWN_FIELD:
                message = f"field {path[-1]!r} is not part of the format"
            if err["type"] == "greater_than_equal" and "count" in path:
                code, message = Code.NEGATIVE_COUNT, f"a count cannot be negative (got {err['input']!r})"
            if not path and err["type"] in ("model_type", "dict_type"):
                empty = err.get("input") is None
                code = Code.FILE_EMPTY if empty else code
                message = ("the file is empty" if empty else
                           "the file must hold a mapping of fields") + " (see docs/curation-format.md)"
            problems.append(
                Problem(file, doc.line_of(path), _record_id(doc.data, path), _field_name(path),
                        code, message)
            )
        return None, problems


@raises(Code.FILE_MISSING)
def read_model_file(path, model: type[BaseModel], rel: str):
    """Read one curated YAML file into ``model``: (instance or None, located yaml, problems)."""
    if not path.exists() and not path.is_symlink():
        return None, None, [Problem(rel, None, None, None, Code.FILE_MISSING, "file not found")]
    doc, problems = read_located(path, rel)
    if doc is None:
        return None, None, problems
    instance, problems = validate_model(model, doc, rel)
    return instance, doc, problems


@raises(Code.YAML_SYNTAX, Code.YAML_ALIAS, Code.NESTING_TOO_DEEP, Code.FILE_TOO_LARGE, Code.NOT_A_REGULAR_FILE,
        Code.FILE_ENCODING, Code.FILE_UNREADABLE)
def read_located(path, rel: str) -> tuple[LocatedYaml | None, list[Problem]]:
    """A curated YAML file with its lines, or the one problem that keeps it from being read."""
    from tollbook.extract.yaml_lines import NotRegularFile, YamlSyntaxError, YamlTooLarge, read_yaml

    try:
        return read_yaml(path), []
    except YamlSyntaxError as exc:
        return None, [Problem(rel, exc.line, None, None, exc.code, exc.message)]
    except YamlTooLarge as exc:
        return None, [Problem(rel, None, None, None, Code.FILE_TOO_LARGE, str(exc))]
    except NotRegularFile as exc:
        return None, [Problem(rel, None, None, None, Code.NOT_A_REGULAR_FILE, str(exc))]
    except UnicodeDecodeError as exc:
        return None, [decoding_problem(rel, exc)]
    except OSError as exc:
        return None, [Problem(rel, None, None, None, Code.FILE_UNREADABLE, f"the file cannot be read: {exc.strerror}")]


def decoding_problem(rel: str, exc: UnicodeDecodeError) -> Problem:
    """A file that is not UTF-8, located at the line of its first bad byte."""
    line = exc.object[: exc.start].count(b"\n") + 1
    return Problem(rel, line, None, None, Code.FILE_ENCODING,
                   f"not UTF-8 at byte {exc.start}; save the file as UTF-8")
