"""Configuration: ``.factlint.yml`` or ``[tool.factlint]`` in pyproject.toml.

The file is found by walking up from the working directory (the first folder
holding ``.factlint.yml``, ``.factlint.yaml`` or a ``pyproject.toml`` with a
``[tool.factlint]`` table wins). Keys may be written ``kebab-case`` or
``snake_case``. Command-line flags win over the file. Unknown keys are errors
that name the file and, for YAML, the line.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from factlint.errors import FatalError
from factlint.findings import Severity
from factlint.records import field, record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

CONFIG_NAMES = (".factlint.yml", ".factlint.yaml")
DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024
MAX_FILE_SIZE_LIMIT = 1024**4
DEFAULT_TIMEOUT_PER_FILE = 60.0


@record
class Config:
    path: Path | None = None
    root: Path = field(default_factory=Path.cwd)
    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    #: Codes left out besides ``ignore`` (ruff's ``extend-ignore``).
    extend_ignore: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    fail_on: Severity = Severity.WARNING
    exclude: list[str] = field(default_factory=list)
    reference: list[str] = field(default_factory=list)
    #: The archive ``check`` compares with (``factlint index`` builds it).
    archive: str | None = None
    names_registry: Path | None = None
    plugins: list[str] = field(default_factory=list)
    plugin_paths: list[Path] = field(default_factory=list)
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    date: dt.date | None = None
    #: Seconds one file may take to read and extract (and each rule on it);
    #: 0 for no limit.
    timeout_per_file: float = DEFAULT_TIMEOUT_PER_FILE
    #: Line of each key in the config file, dotted: ``rules.FL104.extra-hosts``.
    key_lines: dict[str, int] = field(default_factory=dict, repr=False)

    def describe(self) -> str:
        return str(self.path) if self.path else "defaults"

    def where(self, *keys: str) -> str:
        """``file:line`` of the first of ``keys`` the file sets, else the file."""
        for key in keys:
            line = self.key_lines.get(key)
            if line:
                return f"{self.describe()}:{line}"
        return self.describe()


_KEYS = {
    "select", "extend_select", "ignore", "extend_ignore", "per_file_ignores", "fail_on", "exclude",
    "reference", "archive", "names_registry", "plugins", "plugin_paths", "rules", "max_file_size",
    "date", "timeout_per_file",
}  # fmt: skip


def find_config_file(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
    return None


def _has_tool_table(pyproject: Path) -> bool:
    try:
        text = pyproject.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return "[tool.factlint" in text


def load_config(
    explicit: Path | None = None, cwd: Path | None = None, isolated: bool = False
) -> Config:
    cwd = cwd or Path.cwd()
    if isolated:
        return Config(root=cwd)
    path = explicit if explicit is not None else find_config_file(cwd)
    if path is None:
        return Config(root=cwd)
    if not path.is_file():
        raise FatalError(f"{path}: config file not found")
    if path.name == "pyproject.toml":
        raw, lines = _read_pyproject(path)
    else:
        raw, lines = _read_yaml(path)
    return _build(path, raw, lines)


def _read_pyproject(path: Path) -> tuple[dict[str, Any], dict[str, int]]:
    import tomllib

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise FatalError(f"{path}: cannot read config: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise FatalError(f"{path}: invalid TOML: {exc}") from None
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise FatalError(f"{path}:{_toml_line(path, 'tool')}: 'tool' must be a table")
    table = tool.get("factlint", {})
    if not isinstance(table, dict):
        raise FatalError(
            f"{path}:{_toml_line(path, 'tool.factlint')}: [tool.factlint] must be a table"
        )
    return table, {}


def _toml_line(path: Path, key: str) -> int:
    """The line where ``key`` is set or opened in a TOML file (1 if not found)."""
    import re

    text = path.read_text(encoding="utf-8")
    # The key in full ("tool.factlint = 5"), else its last part under its table.
    for name in (key, key.rsplit(".", 1)[-1]):
        m = re.search(rf"^[ \t]*\[?[ \t]*{re.escape(name)}[ \t]*[]=.]", text, re.M)
        if m:
            return text.count("\n", 0, m.start()) + 1
    return 1


def _read_yaml(path: Path) -> tuple[dict[str, Any], dict[str, int]]:
    import yaml

    from factlint import safe_yaml

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise FatalError(f"{path}: cannot read config: {exc}") from None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = safe_yaml.load(text, unique_keys=True)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise FatalError(f"{path}{where}: invalid YAML: {problem}") from None
    if data is None:
        return {}, {}
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        raise FatalError(f"{path}:1: config must be a mapping of keys to values")
    lines: dict[str, int] = {}
    _key_lines(node, "", lines, depth=3)
    return data, lines


def _key_lines(node: Any, prefix: str, lines: dict[str, int], depth: int) -> None:
    """``lines["rules.FL104.extra-hosts"] = 7``: the line of every key, nested."""
    import yaml

    if depth == 0 or not isinstance(node, yaml.MappingNode):
        return
    for key, value in node.value:
        name = f"{prefix}{key.value}"
        lines.setdefault(name, key.start_mark.line + 1)
        _key_lines(value, f"{name}.", lines, depth - 1)


def _build(path: Path, raw: dict[str, Any], lines: dict[str, int]) -> Config:
    config = Config(path=path, root=path.parent, key_lines=lines)

    def where(key: str) -> str:
        line = lines.get(key)
        return f"{path}:{line}" if line else str(path)

    for key, value in raw.items():
        norm = str(key).replace("-", "_")
        if norm not in _KEYS:
            known = ", ".join(sorted(k.replace("_", "-") for k in _KEYS))
            raise FatalError(f"{where(str(key))}: unknown config key {key!r} (known keys: {known})")
        try:
            _apply(config, norm, value)
        except (TypeError, ValueError, OverflowError) as exc:
            raise FatalError(f"{where(str(key))}: {key}: {exc}") from None
    return config


def _inside_root(config: Config, key: str, value: str) -> Path:
    """A path a config names, which must lie inside the project root (the
    config's folder): a cloned repository's config cannot point factlint at
    ``/etc/shadow`` or at code elsewhere. The command line may."""
    full = (config.root / value).resolve()
    root = config.root.resolve()
    if full != root and root not in full.parents:
        raise ValueError(
            f"{value!r} is outside the project root {root}; give it on the command line"
        )
    return full


def _codes(value: Any) -> list[str]:
    if isinstance(value, str):
        value = [v for v in value.replace(",", " ").split()]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise TypeError("expected a list of rule codes")
    return [v.strip() for v in value]


def _apply(config: Config, key: str, value: Any) -> None:
    if key in ("select", "extend_select", "ignore", "extend_ignore"):
        setattr(config, key, _codes(value))
    elif key == "per_file_ignores":
        if not isinstance(value, dict):
            raise TypeError("expected a mapping of glob patterns to lists of codes")
        config.per_file_ignores = {str(k): _codes(v) for k, v in value.items()}
    elif key == "fail_on":
        config.fail_on = Severity.parse(str(value))
    elif key == "exclude":
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            raise TypeError("expected a list of glob patterns")
        config.exclude = [str(v) for v in value]
    elif key == "reference":
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            raise TypeError("expected a list of files or folders")
        config.reference = [os.path.relpath(_inside_root(config, key, str(v))) for v in value]
    elif key == "archive":
        if not isinstance(value, str):
            raise TypeError("expected the path of an archive file")
        config.archive = os.path.relpath(_inside_root(config, key, value))
    elif key == "names_registry":
        config.names_registry = _inside_root(config, key, str(value))
    elif key == "plugins":
        if not isinstance(value, list):
            raise TypeError("expected a list of module names")
        config.plugins = [str(v) for v in value]
    elif key == "plugin_paths":
        if not isinstance(value, list):
            raise TypeError("expected a list of folders")
        config.plugin_paths = [_inside_root(config, key, str(v)) for v in value]
    elif key == "rules":
        if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
            raise TypeError("expected a mapping of rule codes to option mappings")
        config.rules = {str(k): dict(v) for k, v in value.items()}
    elif key == "max_file_size":
        config.max_file_size = parse_size(value)
    elif key == "date":
        config.date = parse_cli_date(value)
    elif key == "timeout_per_file":
        config.timeout_per_file = parse_seconds(value)


def parse_size(value: Any) -> int:
    """``10MB``, ``512k``, ``1048576`` → bytes: a whole, positive, finite size."""
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a size like 10MB")
    if isinstance(value, int):
        if value <= 0:
            raise ValueError("size must be positive")
        if value > MAX_FILE_SIZE_LIMIT:
            raise ValueError("size must be at most 1024GB")
        return value
    text = str(value).strip().upper().removesuffix("B").strip()
    factors = {"K": 1024, "M": 1024**2, "G": 1024**3}
    factor = 1
    if text and text[-1] in factors:
        factor = factors[text[-1]]
        text = text[:-1]
    try:
        number = float(text)
    except ValueError:
        raise ValueError(f"{value!r} is not a size like 10MB") from None
    if number != number or number in (float("inf"), float("-inf")):
        raise ValueError(f"{value!r} is not a finite size")
    size = int(number * factor)
    if size <= 0:
        raise ValueError("size must be positive")
    if size > MAX_FILE_SIZE_LIMIT:
        raise ValueError("size must be at most 1024GB")
    return size


def parse_seconds(value: Any) -> float:
    """``60``, ``2.5`` → seconds; ``0`` turns the limit off."""
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a number of seconds")
    try:
        seconds = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{value!r} is not a number of seconds") from None
    if not 0 <= seconds <= 86400 * 365:
        raise ValueError("seconds must be between 0 (no limit) and a year")
    return seconds


def parse_cli_date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValueError(f"{value!r} is not a date like 2017-07-04") from None
