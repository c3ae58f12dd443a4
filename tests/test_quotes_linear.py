"""The quote extractor and FL201 stay linear on hostile input."""

from __future__ import annotations

import time

import pytest

from factlint.config import Config
from factlint.document import Document
from factlint.facts import extract_facts, extraction_order
from factlint.plugins import load_registry


@pytest.mark.parametrize(
    "text",
    [
        'He said "' + " ".join(["Word"] * 8000) + "\n",
        '"' * 16000 + "\n",
        '"Hello there," ' + " ".join(["Word"] * 8000) + "\n",
    ],
    ids=["one quote then 8,000 capitalised words", "16,000 marks", "capitals after a quote"],
)
def test_hostile_input_is_fast(text: str) -> None:
    registry = load_registry()
    order = extraction_order(registry.extractors, ["quotes"])
    rule = registry.rules["FL201"](Config())
    document = Document(path="x.txt", text=text, format="text", prose=text)
    started = time.perf_counter()
    facts = extract_facts(document, registry.extractors, order)
    list(rule.check(document, facts))
    assert time.perf_counter() - started < 10
    assert facts["quotes"]
