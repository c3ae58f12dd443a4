"""YAML for configs and front matter: safe, and every problem a marked error.

PyYAML's safe loader raises a bare ``ValueError`` (no line) for a timestamp
that is no real date (``2017-02-30``, ``0000-01-01``, ``T25:99:99``); here it
is a :class:`yaml.MarkedYAMLError` naming the line like any other YAML
problem. With ``unique_keys`` a key given twice in one mapping is an error
too (a config that says ``select`` twice means one of them is ignored).
"""

from __future__ import annotations

import functools

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


@functools.cache
def _loader(fast: bool, unique_keys: bool) -> Any:
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader) if fast else yaml.SafeLoader

    class Loader(base):  # type: ignore[misc,valid-type]
        def construct_yaml_timestamp(self, node: Any) -> Any:
            try:
                return super().construct_yaml_timestamp(node)
            except (ValueError, OverflowError) as exc:
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    f"{node.value!r} is not a valid date or time ({exc})",
                    node.start_mark,
                ) from None

        def construct_mapping(self, node: Any, deep: bool = False) -> Any:
            if unique_keys and isinstance(node, yaml.MappingNode):
                seen: set[Any] = set()
                for key_node, _ in node.value:
                    key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
                    if key is not None and key in seen:
                        raise yaml.constructor.ConstructorError(
                            None, None, f"duplicate key {key!r}", key_node.start_mark
                        )
                    seen.add(key)
            return super().construct_mapping(node, deep=deep)

    Loader.add_constructor("tag:yaml.org,2002:timestamp", Loader.construct_yaml_timestamp)
    return Loader


def load(text: str, *, fast: bool = False, unique_keys: bool = False) -> Any:
    """Parse ``text`` safely; raises :class:`yaml.YAMLError` (marked) on any problem."""
    import yaml

    return yaml.load(text, Loader=_loader(fast, unique_keys))
