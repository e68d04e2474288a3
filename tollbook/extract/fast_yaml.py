"""The fast way through a curated YAML file: libyaml + pydantic, no line tracking.

Most files are valid, and a valid file needs no line numbers. :func:`fast_model` reads a
file the quick way and returns ``None`` whenever anything is off (a syntax error, a tag, a
duplicate key, a value YAML cannot construct, a validation error); the caller then reads it
again through :mod:`tollbook.extract.yaml_lines`, which reports every problem with its line.
Both ways read keys as written and construct values with PyYAML's safe constructors only, so
a file that passes here gives the same model as the line-tracking path.
"""

from __future__ import annotations

from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from tollbook.extract.yaml_lines import MAX_YAML_BYTES, plain_loader, plain_scalar_tag

_BASE = plain_loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader))
_PLAIN_TAGS = {yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG}


class _NotPlain(Exception):
    """The file needs the line-tracking path (duplicate key, tag, ...)."""


class _FastLoader(_BASE):  # type: ignore[misc, valid-type]
    def construct_object(self, node, deep=False):  # noqa: D102 - PyYAML hook
        if isinstance(node, yaml.CollectionNode) and node.tag not in _PLAIN_TAGS or not plain_scalar_tag(node):
            raise _NotPlain  # e.g. !!python/object, !!set, !!omap, !!binary
        if node in self.constructed_objects:
            raise _NotPlain  # an alias: validating shared values again and again is the "billion laughs"
        return super().construct_object(node, deep=deep)

    def construct_mapping(self, node, deep=False):  # noqa: D102 - PyYAML hook
        keys = [k.value if isinstance(k, yaml.ScalarNode) else self.construct_object(k, deep=True)
                for k, _ in node.value]
        if len(set(map(_hashable, keys))) != len(keys):
            raise _NotPlain
        return {k: self.construct_object(v, deep=deep) for k, (_, v) in zip(keys, node.value, strict=True)}

def _hashable(key: Any) -> Any:
    return key if isinstance(key, str | int | float | bool | type(None)) else repr(key)


def fast_data(raw: bytes) -> Any:
    """The plain data of a YAML file's bytes; raises when the file needs the careful path."""
    if len(raw) > MAX_YAML_BYTES:
        raise _NotPlain
    text = raw.decode("utf-8")
    if yaml.reader.Reader.NON_PRINTABLE.search(text) or "\ufeff" in text[1:]:
        raise _NotPlain
    loader = _FastLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise _NotPlain
        return loader.construct_document(node)
    finally:
        loader.dispose()


def fast_model(raw: bytes, model: type[BaseModel]) -> BaseModel | None:
    """``model`` validated from the file's bytes, or ``None`` if the file has any problem."""
    try:
        return model.model_validate(fast_data(raw))
    except (_NotPlain, yaml.YAMLError, ValidationError, ValueError, TypeError, RecursionError):
        return None
