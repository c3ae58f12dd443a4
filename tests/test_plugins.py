"""Plugins: a corpus rule from a user's plugin, and hook validation."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from conftest import imported_by_a_check
from factlint.cli import main

PLUGINS = Path(__file__).parent / "plugins"
LEDE = "Immigrant rights groups are accusing Milwaukee leaders of caving in to pressure.\n\n"


@pytest.fixture
def newsroom(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copy(PLUGINS / "factlint_repeated_lede.py", tmp_path)
    (tmp_path / ".factlint.yml").write_text(
        "plugins: [factlint_repeated_lede]\nplugin-paths: ['.']\n", encoding="utf-8"
    )
    (tmp_path / "a.txt").write_text(LEDE + "The mayor said nothing.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Intro line.\n\n" + LEDE, encoding="utf-8")
    (tmp_path / "c.md").write_text(LEDE + "A second version.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_plugin_rule_is_listed_and_explained(
    newsroom: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["rules"]) == 0
    listing = capsys.readouterr().out
    assert "XT101  repeated-lede" in listing
    assert main(["explain", "XT101"]) == 0
    doc = capsys.readouterr().out
    assert "Two stories open with the same first sentence." in doc
    assert "**Fix.**" in doc


def test_corpus_rule_points_at_both_places_in_text(
    newsroom: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "."]) == 1
    out = capsys.readouterr().out
    assert (
        "c.md:1:1: XT101 [repeated-lede] this story opens with the same sentence as another" in out
    )
    assert "    a.txt:1:1: the same lede here" in out
    assert "b.txt" not in out.split("Found")[0]


def test_corpus_rule_related_locations_in_sarif(
    newsroom: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["check", "--format", "sarif", "."])
    sarif = json.loads(capsys.readouterr().out)
    run = sarif["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]].count("XT101") == 1
    (result,) = [r for r in run["results"] if r["ruleId"] == "XT101"]
    related = result["relatedLocations"]
    assert related[0]["physicalLocation"]["artifactLocation"]["uri"] == "a.txt"
    assert related[0]["message"]["text"] == "the same lede here"


def test_misspelled_hook_fails_loudly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "typo_plugin.py").write_text(
        "from factlint import hookimpl\n\n@hookimpl\ndef factlint_rule():\n    return []\n",
        encoding="utf-8",
    )
    (tmp_path / ".factlint.yml").write_text(
        "plugins: [typo_plugin]\nplugin-paths: ['.']\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    assert main(["rules"]) == 2
    err = capsys.readouterr().err
    assert "factlint_rule" in err and "unknown hook" in err


def test_missing_plugin_module_is_a_config_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / ".factlint.yml").write_text("plugins: [no_such_plugin_here]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["rules"]) == 2
    assert "cannot import plugin 'no_such_plugin_here'" in capsys.readouterr().err


def test_entry_point_scan_agrees_with_importlib_metadata() -> None:
    import importlib.metadata

    from factlint.plugins import entry_points

    expected = sorted(
        (ep.name, ep.value) for ep in importlib.metadata.entry_points(group="factlint")
    )
    assert sorted(entry_points("factlint")) == expected
    assert ("builtin", "factlint_rules.plugin") in expected


def test_entry_point_scan_counts_a_source_tree_egg_info_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A source checkout holds ``name.egg-info`` (no version in the name) and
    the install a ``name-1.0.dist-info``: one project, counted once, the first
    on sys.path winning, as importlib.metadata counts it."""
    from factlint.plugins import entry_points

    tree, site = tmp_path / "tree", tmp_path / "site"
    for info, target in (
        (tree / "news_rules.egg-info", "news_rules.tree:plugin"),
        (site / "news_rules-1.0.dist-info", "news_rules.site:plugin"),
    ):
        info.mkdir(parents=True)
        (info / "entry_points.txt").write_text(f"[factlint]\nnewsroom = {target}\n")
    monkeypatch.setattr(sys, "path", [str(tree), str(site)])
    assert entry_points("factlint") == [("newsroom", "news_rules.tree:plugin")]


def test_reference_documents_are_compared_but_never_reported(
    newsroom: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # As a pre-commit hook would run: only the staged story, the archive as reference.
    assert main(["check", "--reference", ".", "c.md"]) == 1
    out = capsys.readouterr().out
    assert "c.md:1:1: XT101 [repeated-lede]" in out
    assert "    a.txt:1:1: the same lede here" in out
    assert "in 1 file checked" in out
    # a.txt and c.md repeat each other, but both are only references here.
    assert main(["check", "--reference", ".", "b.txt"]) == 0
    assert "No findings (1 file checked)." in capsys.readouterr().out


def _summary(registry: object) -> tuple[object, ...]:
    """What a run takes from the registry, comparable across two loads."""
    from factlint.plugins import Registry

    assert isinstance(registry, Registry)
    return (
        list(registry.rules.items()),
        [(name, type(extractor)) for name, extractor in registry.extractors.items()],
        [type(reader) for reader in registry.readers],
        [(name, repr(render)) for name, render in registry.reporters.items()],
    )


@pytest.mark.parametrize("configured", [(), ("factlint_repeated_lede",)])
def test_plugins_called_without_pluggy_give_what_pluggy_gives(
    configured: tuple[str, ...],
) -> None:
    from factlint import plugins

    loaded = plugins.load_plugins(configured, [PLUGINS])
    direct = plugins.plain_hooks(loaded)
    assert direct is not None
    through_pluggy = plugins.pluggy_hooks(loaded)
    assert _summary(plugins._collect(direct)) == _summary(plugins._collect(through_pluggy))
    assert ("XT101" in plugins._collect(direct).rules) == bool(configured)


@pytest.mark.parametrize("option", ["", "(trylast=True)"])
def test_hook_order_is_pluggys_with_and_without_options(
    option: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A configured plugin's reporter replaces the built-in of the same name
    (it is registered later, so pluggy calls it first and its mapping is
    applied last), unless it asks to be called last: ``trylast`` changes
    pluggy's order, so such a plugin is not called directly but through pluggy."""
    name = "loud_last" if option else "loud_text"
    (tmp_path / f"{name}.py").write_text(
        "from factlint import hookimpl\n\n"
        f"@hookimpl{option}\n"
        "def factlint_reporters():\n"
        "    return {'text': lambda report: 'LOUD\\n', 'loud': lambda report: 'LOUD\\n'}\n",
        encoding="utf-8",
    )
    from factlint import plugins

    loaded = plugins.load_plugins([name], [tmp_path])
    assert (plugins.plain_hooks(loaded) is None) == bool(option)
    (tmp_path / ".factlint.yml").write_text(
        f"plugins: [{name}]\nplugin-paths: ['.']\n", encoding="utf-8"
    )
    (tmp_path / "a.txt").write_text("The council met.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--format", "loud", "a.txt"]) == 0
    assert capsys.readouterr().out == "LOUD\n"
    assert main(["check", "a.txt"]) == 0
    out = capsys.readouterr().out
    assert (out == "LOUD\n") == (not option)
    assert ("No findings" in out) == bool(option)


def test_factlint_hookimpl_marks_a_function_as_pluggy_does() -> None:
    import pluggy

    from factlint import hookimpl, hookspecs

    for marker, theirs, options in (
        (hookimpl, pluggy.HookimplMarker("factlint"), {}),
        (hookimpl, pluggy.HookimplMarker("factlint"), {"tryfirst": True, "specname": "x"}),
        (hookspecs.hookspec, pluggy.HookspecMarker("factlint"), {"firstresult": True}),
    ):

        def ours() -> None: ...
        def pluggys() -> None: ...

        if options:
            marker(**options)(ours)
            theirs(**options)(pluggys)
        else:
            marker(ours)
            theirs(pluggys)
        attribute = "factlint_spec" if marker is hookspecs.hookspec else "factlint_impl"
        assert getattr(ours, attribute) == getattr(pluggys, attribute)
    with pytest.raises(TypeError):
        hookimpl(tryfrist=True)


def test_checking_a_story_loads_no_pluggy_inspect_or_typing() -> None:
    """A pre-commit run with factlint's own plugins calls their hooks directly,
    and no factlint module imports ``typing`` or ``inspect`` at run time (each
    costs a cold run about a tenth of its time)."""
    seed = Path(__file__).parent.parent / "seeds" / "000_3c3a6071b36f80b8.txt"
    assert imported_by_a_check(seed, ("pluggy", "inspect", "typing")) == []


def test_rule_docs_are_cleaned_as_inspect_cleans_them() -> None:
    import inspect

    from factlint.plugins import load_registry
    from factlint.rules import cleandoc

    texts = [
        rule.__doc__ or sys.modules[rule.__module__].__doc__ or ""
        for rule in load_registry().rules.values()
    ]
    texts += ["", "\n\n", "  one\n    two\n      three\n\n", "a\n\tb\n  \n c", "x\n   \n"]
    for text in texts:
        assert cleandoc(text) == inspect.cleandoc(text)
