"""Read YAML safely and remember the line of every key, for error messages.

Only PyYAML's safe constructors are used: a curated file can never run code.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from tollbook.contract.codes import Code

Path_ = tuple[Any, ...]


@dataclass
class LocatedYaml:
    """Parsed YAML data plus the 1-based line of each mapping key or list item."""

    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    duplicate_keys: list[tuple[Path_, int]] = field(default_factory=list)

    def line_of(self, path: Path_) -> int | None:
        """The line of ``path`` or of its nearest located ancestor."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


class YamlSyntaxError(ValueError):
    """A file YAML cannot read, or that uses YAML beyond plain data (``code`` says which)."""

    def __init__(self, line: int | None, message: str, code: Code = Code.YAML_SYNTAX):
        super().__init__(message)
        self.line = line
        self.message = message
        self.code = code


#: Curated files nest at most six levels (claims → casualties → count → value); deeper nesting
#: is a mistake or an attack on the parser's recursion, refused before it costs anything.
MAX_DEPTH = 32

#: The scalar tags a curated value may carry (implicitly): no !!binary, !!python/..., !!set members.
_SCALAR_TAGS = frozenset(f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "timestamp"))

#: One plain form per kind, as YAML 1.2's core schema has it, instead of YAML 1.1's many: counts
#: are decimal digits (no 013 octal, 0x1E, 1_000 or 1:30 sexagesimal), booleans are true/false
#: (never yes/no/on/off), dates are ISO YYYY-MM-DD (a time of day stays text and is refused).
_PLAIN_RESOLVERS = (
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:int", r"^(?:0|-?[1-9][0-9]*)$", "-0123456789"),
    ("tag:yaml.org,2002:float", r"^-?(?:0|[1-9][0-9]*)\.[0-9]+(?:[eE][-+]?[0-9]+)?$", "-0123456789"),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:timestamp", r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "0123456789"),
)


def plain_loader(base: type) -> type:
    """``base`` (a PyYAML safe loader) resolving plain scalars by :data:`_PLAIN_RESOLVERS` only."""
    loader = type(f"Plain{base.__name__}", (base,), {"yaml_implicit_resolvers": {}})
    for tag, pattern, first in _PLAIN_RESOLVERS:
        loader.add_implicit_resolver(tag, re.compile(pattern), list(first))
    return loader


def plain_scalar_tag(node: yaml.Node) -> bool:
    return not isinstance(node, yaml.ScalarNode) or node.tag in _SCALAR_TAGS


#: A curated YAML file larger than this is refused: one document's records, events or a
#: sidecar are tens of kB; the pure-Python parser needs ~20x a file's size in memory.
MAX_YAML_BYTES = 4 * 1024 * 1024

_PLAIN_TAGS = {yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG}


def _construct(node: yaml.Node, constructor: yaml.SafeLoader, out: LocatedYaml, path: Path_,
               seen: set[int]) -> Any:
    line = node.start_mark.line + 1
    out.lines.setdefault(path, line)
    if (isinstance(node, yaml.CollectionNode) and node.tag not in _PLAIN_TAGS) or not plain_scalar_tag(node):
        # e.g. !!python/object/apply, !!binary: never constructed, and never silently read as plain data
        raise YamlSyntaxError(line, f"tag {node.tag!r} is not allowed: curated files hold plain data only")
    if id(node) in seen:  # the composer hands back the anchored node itself for every *alias
        raise YamlSyntaxError(line, "an alias (*name) repeats an anchored value: curated files write each "
                                    "value out, without anchors (&name) or aliases", Code.YAML_ALIAS)
    seen.add(id(node))
    if len(path) > MAX_DEPTH:
        raise YamlSyntaxError(line, f"values nest more than {MAX_DEPTH} levels deep", Code.NESTING_TOO_DEEP)
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            # Keys are field names: keep them as written, so YAML 1.1 never turns a key
            # such as `on` or `no` into a boolean.
            if isinstance(key_node, yaml.ScalarNode):
                key = key_node.value
            else:
                key = constructor.construct_object(key_node, deep=True)
            key_path = (*path, key)
            if key in result:
                out.duplicate_keys.append((key_path, key_node.start_mark.line + 1))
            out.lines[key_path] = key_node.start_mark.line + 1
            result[key] = _construct(value_node, constructor, out, key_path, seen)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _construct(item, constructor, out, (*path, i), seen) for i, item in enumerate(node.value)
        ]
    try:
        return constructor.construct_object(node, deep=True)
    except ValueError:
        # e.g. 2015-02-30 looks like a date to YAML but is none; keep the text so the
        # record check can name the field and say why.
        return node.value


#: libyaml's parser, when PyYAML was built with it: about 10x faster than the pure-Python
#: one. A file it refuses (or holding a character the Python reader refuses) is parsed again
#: by the Python loader, so every error reads the same either way.
_FAST_LOADER = plain_loader(yaml.CSafeLoader) if hasattr(yaml, "CSafeLoader") else None
_SAFE_LOADER = plain_loader(yaml.SafeLoader)


def parse_yaml(text: str) -> LocatedYaml:
    """Parse one YAML document, raising :class:`YamlSyntaxError` with its line."""
    bom = text.find("\ufeff", 1)
    if bom > 0:  # YAML would say "mapping values are not allowed here" or keep it inside a value
        raise YamlSyntaxError(text.count("\n", 0, bom) + 1,
                              "byte-order mark in the middle of the file (U+FEFF); remove it, e.g. where "
                              "two files were joined")
    if _FAST_LOADER is not None and not yaml.reader.Reader.NON_PRINTABLE.search(text):
        try:
            return _parse_with(text, _FAST_LOADER)
        except YamlSyntaxError:
            pass
    return _parse_with(text, _SAFE_LOADER)


def _parse_with(text: str, loader_class) -> LocatedYaml:
    loader = None
    try:
        loader = loader_class(text)
        node = loader.get_single_node()
        out = LocatedYaml(data=None)
        if node is not None:
            out.data = _construct(node, loader, out, (), set())
        return out
    except RecursionError:  # nesting the composer cannot follow (thousands of brackets)
        raise YamlSyntaxError(None, f"values nest more than {MAX_DEPTH} levels deep", Code.NESTING_TOO_DEEP) from None
    except yaml.reader.ReaderError as exc:  # a character YAML forbids, such as a NUL byte
        line = text[: exc.position].count("\n") + 1
        raise YamlSyntaxError(line, f"character {exc.character!r} is not allowed in YAML") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise YamlSyntaxError(line, f"{exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML marks nearly every error
        raise YamlSyntaxError(None, str(exc)) from None
    finally:
        if loader is not None:
            loader.dispose()


class YamlTooLarge(ValueError):
    """A curated YAML file over :data:`MAX_YAML_BYTES`."""


class NotRegularFile(ValueError):
    """A curated path that is a FIFO, a device, a folder, or a symlink out of its folder."""


def check_regular(path: Path) -> os.stat_result:
    """The ``stat`` of ``path``, once it is a regular file (reading a FIFO or /dev/zero never ends)
    and, if it is a symlink, one to a file inside its own folder's tree (never out of the project)."""
    try:
        info = path.stat()
    except OSError as exc:
        raise NotRegularFile(f"the file cannot be read: {exc.strerror}") from None
    if not stat.S_ISREG(info.st_mode):
        kind = "a folder" if stat.S_ISDIR(info.st_mode) else "a FIFO" if stat.S_ISFIFO(info.st_mode) else \
            "a device or other special file"
        raise NotRegularFile(f"it is {kind}, not a regular file; curated inputs are plain files")
    if path.is_symlink():
        root = path.parent.parent.resolve()  # the dataset folder (files sit in dataset/<kind>/)
        if not path.resolve().is_relative_to(root):
            raise NotRegularFile(f"it is a symlink to {path.resolve()}, outside {root}; curated inputs "
                                 "live in the project")
    return info


def read_yaml(path: Path) -> LocatedYaml:
    size = check_regular(path).st_size
    if size > MAX_YAML_BYTES:
        raise YamlTooLarge(f"the file has {size:,} bytes; curated YAML files are limited to "
                           f"{MAX_YAML_BYTES:,} (split it, or check it is the right file)")
    return parse_yaml(path.read_text(encoding="utf-8"))
