"""Memory of a run: what the names rules share is dropped when they are done."""

from __future__ import annotations

import pytest

from factlint.cli import main
from factlint.facts import identity


def test_people_index_is_dropped_after_the_last_names_rule(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, seeds
) -> None:
    monkeypatch.chdir(seeds.parent)
    identity._CACHE.clear()
    identity._USERS.clear()  # rules other tests made and never ran
    code = main(["check", "seeds/", "--isolated", "--select", "FL101,FL102,FL103,FL104,FL203"])
    out = capsys.readouterr().out
    assert code == 1
    assert "Neumann-Ortiz" in out and "FL101" in out  # the names rules ran on the index
    assert identity._CACHE == {}  # ... and let it go when the last of them was done


def test_people_index_is_kept_while_a_names_rule_has_not_run(seeds) -> None:
    from factlint.config import Config
    from factlint.engine import Source, run
    from factlint.plugins import load_registry
    from factlint_rules.name_alias import NameAlias

    identity._CACHE.clear()
    identity._USERS.clear()  # rules other tests made and never ran
    config = Config()
    registry = load_registry(config.plugins, config.plugin_paths)
    waiting = NameAlias(config)
    sources = [Source(str(p), str(p)) for p in sorted(seeds.glob("*.txt"))]
    # A names rule made for the run but not run yet: the index stays for it.
    result = run(sources, registry, config, {"FL101"})
    assert any(f.code == "FL101" for f in result.findings)
    assert identity._CACHE != {}
    identity.done_with_people_index(waiting)
    assert identity._CACHE == {}
