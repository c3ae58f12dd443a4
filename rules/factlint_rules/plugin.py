"""The built-in rules plugin: one rule per module, listed once here."""

from __future__ import annotations

import importlib
from collections.abc import Sequence

from factlint import hookimpl
from factlint.rules import Rule

RULE_MODULES = (
    "truncated_link",
    "shortened_link",
    "malformed_link",
    "dead_link",
    "name_variant",
    "name_alias",
    "first_reference",
    "title_mismatch",
    "unattributed_quote",
    "unsourced_claim",
    "quote_drift",
    "vague_attribution",
    "weekday_mismatch",
    "impossible_date",
    "tense_date_mismatch",
    "date_conflict",
    "no_dateline",
    "ambiguous_weekday",
    "undefined_acronym",
)


@hookimpl
def factlint_rules() -> Sequence[type[Rule]]:
    rules: list[type[Rule]] = []
    for name in RULE_MODULES:
        module = importlib.import_module(f"factlint_rules.{name}")
        rules.append(module.RULE)
    return rules
