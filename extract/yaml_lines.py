"""Read YAML safely and remember the line of every key, for error messages.

Only PyYAML's safe constructors are used: a curated file can never run code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

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
    def __init__(self, line: int | None, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


#: A curated YAML file larger than this is refused: one document's records, events or a
#: sidecar are tens of kB; the pure-Python parser needs ~20x a file's size in memory.
MAX_YAML_BYTES = 4 * 1024 * 1024

_PLAIN_TAGS = {yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG}


def _construct(node: yaml.Node, constructor: yaml.SafeLoader, out: LocatedYaml, path: Path_) -> Any:
    out.lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.CollectionNode) and node.tag not in _PLAIN_TAGS:
        # e.g. !!python/object/apply: never constructed, and never silently read as plain data
        raise YamlSyntaxError(node.start_mark.line + 1,
                              f"tag {node.tag!r} is not allowed: curated files hold plain data only")
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
            result[key] = _construct(value_node, constructor, out, key_path)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _construct(item, constructor, out, (*path, i)) for i, item in enumerate(node.value)
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
_FAST_LOADER = getattr(yaml, "CSafeLoader", None)


def parse_yaml(text: str) -> LocatedYaml:
    """Parse one YAML document, raising :class:`YamlSyntaxError` with its line."""
    if _FAST_LOADER is not None and not yaml.reader.Reader.NON_PRINTABLE.search(text):
        try:
            return _parse_with(text, _FAST_LOADER)
        except YamlSyntaxError:
            pass
    return _parse_with(text, yaml.SafeLoader)


def _parse_with(text: str, loader_class) -> LocatedYaml:
    loader = None
    try:
        loader = loader_class(text)
        node = loader.get_single_node()
        out = LocatedYaml(data=None)
        if node is not None:
            out.data = _construct(node, loader, out, ())
        return out
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


def read_yaml(path: Path) -> LocatedYaml:
    size = path.stat().st_size
    if size > MAX_YAML_BYTES:
        raise YamlTooLarge(f"the file has {size:,} bytes; curated YAML files are limited to "
                           f"{MAX_YAML_BYTES:,} (split it, or check it is the right file)")
    return parse_yaml(path.read_text(encoding="utf-8"))
