"""The names registry: a newsroom's canonical spellings of people's names.

```yaml
people:
  - name: Christine Neumann-Ortiz          # the canonical spelling
    aliases: [Christine Neumann Ortiz]     # other accepted forms
    titles: [executive director]           # for reference in messages
    not: [Christine Newman]                # different people, never a misspelling
```

Schema errors name the file and line.
"""

from __future__ import annotations

import functools
from pathlib import Path

from factlint.errors import FatalError
from factlint.records import record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_KEYS = {"name", "aliases", "titles", "not"}


@record(frozen=True)
class RegistryEntry:
    name: str
    aliases: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    not_same: tuple[str, ...] = ()
    line: int = 0


@record(frozen=True)
class NamesRegistry:
    path: str
    entries: tuple[RegistryEntry, ...]


def _fail(path: Path, node: Any, problem: str) -> FatalError:
    line = node.start_mark.line + 1 if node is not None else 1
    return FatalError(f"{path}:{line}: names registry: {problem}")


def _strings(path: Path, node: Any, what: str) -> tuple[str, ...]:
    import yaml

    if isinstance(node, yaml.ScalarNode):
        return (str(node.value),)
    if not isinstance(node, yaml.SequenceNode) or not all(
        isinstance(item, yaml.ScalarNode) for item in node.value
    ):
        raise _fail(path, node, f"'{what}' must be a list of names")
    return tuple(str(item.value).strip() for item in node.value)


@functools.cache
def load_names_registry(path: Path) -> NamesRegistry:
    import yaml

    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FatalError(f"{path}: names registry not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise FatalError(f"{path}: cannot read names registry: {exc}") from None
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        raise FatalError(
            f"{path}{where}: names registry: invalid YAML: {getattr(exc, 'problem', exc)}"
        ) from None
    if root is None:
        return NamesRegistry(str(path), ())
    if not isinstance(root, yaml.MappingNode):
        raise _fail(path, root, "expected a mapping with a 'people' list")
    people = None
    for key, value in root.value:
        if key.value != "people":
            raise _fail(path, key, f"unknown key {key.value!r} (expected 'people')")
        people = value
    if people is None or not isinstance(people, yaml.SequenceNode):
        raise _fail(path, people if people is not None else root, "'people' must be a list")
    entries = []
    for item in people.value:
        if not isinstance(item, yaml.MappingNode):
            raise _fail(path, item, "each person must be a mapping with a 'name'")
        fields: dict[str, Any] = {}
        for key, value in item.value:
            if key.value not in _KEYS:
                known = ", ".join(sorted(_KEYS))
                raise _fail(path, key, f"unknown key {key.value!r} (known keys: {known})")
            fields[key.value] = value
        name_node = fields.get("name")
        if not isinstance(name_node, yaml.ScalarNode) or not str(name_node.value).strip():
            raise _fail(path, name_node or item, "each person needs a 'name'")
        name = " ".join(str(name_node.value).split())
        if len(name.split()) < 2:
            raise _fail(path, name_node, f"'{name}' is not a full name (given name and surname)")
        entries.append(
            RegistryEntry(
                name=name,
                aliases=_strings(path, fields["aliases"], "aliases") if "aliases" in fields else (),
                titles=_strings(path, fields["titles"], "titles") if "titles" in fields else (),
                not_same=_strings(path, fields["not"], "not") if "not" in fields else (),
                line=item.start_mark.line + 1,
            )
        )
    return NamesRegistry(str(path), tuple(entries))
