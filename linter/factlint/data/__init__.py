"""Word lists the extractors and rules read (package data, loaded lazily)."""

from __future__ import annotations

import os
from typing import Any


def read_data_file(name: str, package_file: str = __file__) -> str:
    """Read a data file that sits beside ``package_file`` (default: this package)."""
    with open(os.path.join(os.path.dirname(package_file), name), encoding="utf-8") as handle:
        return handle.read()


def load_data_yaml(text: str) -> Any:
    """Parse a bundled YAML word list with libyaml when PyYAML has it (10x faster)."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(text, Loader=loader)
