"""Word lists the extractors and rules read (package data, loaded lazily)."""

from __future__ import annotations

import os

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def read_data_file(name: str, package_file: str = __file__) -> str:
    """Read a data file that sits beside ``package_file`` (default: this package)."""
    with open(os.path.join(os.path.dirname(package_file), name), encoding="utf-8") as handle:
        return handle.read()


def load_data(name: str, package_file: str = __file__) -> Any:
    """A bundled JSON word list. JSON, not YAML: it loads in about a
    millisecond, where PyYAML's import and parse cost a pre-commit run ~70 ms."""
    import json

    return json.loads(read_data_file(name, package_file))
