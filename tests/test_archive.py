"""The archive: ``factlint index`` and ``factlint check --archive``, run as a user runs them."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS

SEED_B = "001_503aeeceae458385.txt"  # names Christine Neumann-Ortiz three times

DRAFT = (
    "MILWAUKEE (AP) — Christine Newman-Ortiz, executive director of Voces de la Frontera,"
    " said the group would march.\n\n"
    '"We will be there," Newman-Ortiz said.\n'
)


OTHER = "LONDON — Jane Smith, a council spokeswoman, said the budget would pass.\n"


def factlint(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "factlint", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "NO_COLOR": "1", **(env or {})},
    )


def newsroom(tmp_path: Path) -> Path:
    """A repository with two stories published (one a seed that spells
    Christine Neumann-Ortiz) and one draft that misspells her."""
    (tmp_path / "stories").mkdir()
    shutil.copy(SEEDS / SEED_B, tmp_path / "stories" / SEED_B)
    (tmp_path / "stories" / "other.txt").write_text(OTHER, encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "new.txt").write_text(DRAFT, encoding="utf-8")
    return tmp_path


def rows(archive: Path) -> dict[str, tuple[str, list[int]]]:
    """path -> (hash, keys) of every story in an archive."""
    conn = sqlite3.connect(archive)
    try:
        found = {}
        for story, path, digest in conn.execute("SELECT id, path, hash FROM stories"):
            keys = [
                k
                for (k,) in conn.execute(
                    "SELECT key FROM keys WHERE story = ? ORDER BY key", (story,)
                )
            ]
            found[path] = (digest, keys)
        return found
    finally:
        conn.close()


def test_index_then_check_flags_a_name_only_the_archive_holds(tmp_path: Path) -> None:
    repo = newsroom(tmp_path)
    built = factlint("index", "stories", cwd=repo)
    assert built.returncode == 0, built.stderr
    assert (repo / ".factlint" / "archive.sqlite").is_file()
    assert "2 stories (2 extracted" in built.stderr

    alone = factlint("check", "drafts/new.txt", cwd=repo)
    assert "FL101" not in alone.stdout  # the draft alone compares with nothing

    proc = factlint("check", "drafts/new.txt", "--archive", ".factlint/archive.sqlite", cwd=repo)
    assert proc.returncode == 1, proc.stderr
    assert 'drafts/new.txt:1:28: FL101 [name-variant] "Newman-Ortiz" here' in proc.stdout
    # The archived story is a related place with its line and column, never reported on.
    assert f'    stories/{SEED_B}:15:42: "Neumann-Ortiz" here' in proc.stdout
    assert not any(line.startswith("stories/") for line in proc.stdout.splitlines())

    as_json = json.loads(
        factlint(
            "check", "drafts/new.txt", "--archive", ".factlint/archive.sqlite", "--format", "json",
            cwd=repo,
        ).stdout
    )  # fmt: skip
    assert as_json["files"] == ["drafts/new.txt"]
    related = as_json["findings"][0]["related"]
    assert {"path": f"stories/{SEED_B}", "line": 15, "column": 42}.items() <= related[1][
        "location"
    ].items()
    sarif = json.loads(
        factlint(
            "check", "drafts/new.txt", "--archive", ".factlint/archive.sqlite", "--format",
            "sarif", cwd=repo,
        ).stdout
    )  # fmt: skip
    assert f"stories/{SEED_B}" in json.dumps(sarif["runs"][0]["results"][0]["relatedLocations"])


def test_archive_from_the_config_and_drafts_win_over_their_archived_copies(tmp_path: Path) -> None:
    repo = newsroom(tmp_path)
    (repo / ".factlint.yml").write_text("archive: .factlint/archive.sqlite\n", encoding="utf-8")
    assert factlint("index", "stories", cwd=repo).returncode == 0
    proc = factlint("check", "drafts/new.txt", cwd=repo)
    assert "drafts/new.txt:1:28: FL101" in proc.stdout, proc.stdout + proc.stderr
    # The archived story, now edited to spell the name like the draft: the
    # file in the run is compared, not its stale archived copy.
    story = repo / "stories" / SEED_B
    story.write_text(
        story.read_text(encoding="utf-8").replace("Neumann", "Newman"), encoding="utf-8"
    )
    proc = factlint("check", "drafts/new.txt", f"stories/{SEED_B}", cwd=repo)
    assert "FL101" not in proc.stdout, proc.stdout
    assert "changed" not in proc.stderr  # the file of the run was compared, not the archive's
    # Checked alone, the draft meets the stale archived copy, and is told so.
    proc = factlint("check", "drafts/new.txt", cwd=repo)
    assert "FL101" in proc.stdout
    assert (
        f"note: .factlint/archive.sqlite: 1 of the 1 archived stories compared have changed or gone"
        f" since they were indexed (stories/{SEED_B})" in proc.stderr
    ), proc.stderr
    # As after a fresh checkout: the same bytes, another modification time.
    shutil.copy(SEEDS / SEED_B, story)
    os.utime(story, (1, 1))
    proc = factlint("check", "drafts/new.txt", cwd=repo)
    assert "FL101" in proc.stdout and "changed" not in proc.stderr, proc.stderr


def test_configured_archive_not_built_yet_is_a_note(tmp_path: Path) -> None:
    repo = newsroom(tmp_path)
    (repo / ".factlint.yml").write_text("archive: .factlint/archive.sqlite\n", encoding="utf-8")
    proc = factlint("check", "drafts/new.txt", cwd=repo)
    assert "does not exist yet; build it with 'factlint index'" in proc.stderr
    assert proc.returncode == 0 and "1 file checked" in proc.stdout


def test_index_is_incremental(tmp_path: Path) -> None:
    repo = newsroom(tmp_path)
    extra = repo / "stories" / "extra.txt"
    extra.write_text("LONDON — Jane Smith said the council met on Monday.\n", encoding="utf-8")
    assert factlint("index", "stories", cwd=repo).returncode == 0
    first = rows(repo / ".factlint" / "archive.sqlite")
    assert len(first) == 3

    again = factlint("index", "stories", cwd=repo)
    assert "3 stories (0 extracted, 3 unchanged, 0 dropped)" in again.stderr, again.stderr
    os.utime(extra)  # touched, same bytes: hashed, not extracted
    again = factlint("index", "stories", cwd=repo)
    assert "3 stories (0 extracted, 3 unchanged, 0 dropped)" in again.stderr, again.stderr

    extra.write_text("LONDON — Jane Smyth said the council met on Tuesday.\n", encoding="utf-8")
    (repo / "stories" / "other.txt").unlink()
    (repo / "stories" / "added.txt").write_text("PARIS — Paul Martin spoke.\n", encoding="utf-8")
    again = factlint("index", "stories", cwd=repo)
    assert "3 stories (2 extracted, 1 unchanged, 1 dropped)" in again.stderr, again.stderr
    updated = rows(repo / ".factlint" / "archive.sqlite")
    assert updated[f"stories/{SEED_B}"] == first[f"stories/{SEED_B}"]
    assert updated["stories/extra.txt"] != first["stories/extra.txt"]

    # The same stories indexed from nothing give the same archive.
    fresh = factlint("index", "stories", "--archive", "fresh.sqlite", cwd=repo)
    assert fresh.returncode == 0
    assert rows(repo / "fresh.sqlite") == updated


def one_line_error(proc: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert proc.returncode == 2, proc.stdout + proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("factlint: error: ")
    for needle in needles:
        assert needle in lines[0]


def test_bad_archives_are_one_line_errors(tmp_path: Path) -> None:
    repo = newsroom(tmp_path)
    garbage = repo / "garbage.sqlite"
    garbage.write_bytes(b"this is not a database at all\n" * 100)
    before = garbage.read_bytes()
    one_line_error(
        factlint("index", "stories", "--archive", "garbage.sqlite", cwd=repo),
        "not a usable factlint archive",
    )
    one_line_error(
        factlint("check", "drafts", "--archive", "garbage.sqlite", cwd=repo),
        "not a usable factlint archive",
    )
    assert garbage.read_bytes() == before  # never damaged further

    one_line_error(
        factlint("check", "drafts", "--archive", "missing.sqlite", cwd=repo), "no such archive"
    )

    assert factlint("index", "stories", "--archive", "a.sqlite", cwd=repo).returncode == 0
    good = (repo / "a.sqlite").read_bytes()
    (repo / "truncated.sqlite").write_bytes(good[: len(good) // 3])
    one_line_error(
        factlint("check", "drafts", "--archive", "truncated.sqlite", cwd=repo), "truncated.sqlite"
    )
    one_line_error(
        factlint("index", "stories", "--archive", "truncated.sqlite", cwd=repo), "truncated.sqlite"
    )

    conn = sqlite3.connect(repo / "a.sqlite")
    conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema'")
    conn.commit()
    conn.close()
    one_line_error(factlint("check", "drafts", "--archive", "a.sqlite", cwd=repo), "newer factlint")
    one_line_error(
        factlint("index", "stories", "--archive", "a.sqlite", cwd=repo), "newer factlint"
    )
    assert json.dumps(rows(repo / "a.sqlite"))  # refused, not rebuilt

    conn = sqlite3.connect(repo / "a.sqlite")
    conn.execute("UPDATE meta SET value = 'factlint 0.0.1' WHERE key = 'fingerprint'")
    conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema'")
    conn.commit()
    conn.close()
    one_line_error(
        factlint("check", "drafts", "--archive", "a.sqlite", cwd=repo),
        "factlint 0.0.1",
        "factlint index",
    )
    rebuilt = factlint("index", "stories", "--archive", "a.sqlite", cwd=repo)
    assert rebuilt.returncode == 0 and "rebuilt it" in rebuilt.stderr, rebuilt.stderr
    assert "2 stories (2 extracted" in rebuilt.stderr

    os.chmod(repo / "a.sqlite", 0o444)
    try:
        one_line_error(factlint("index", "stories", "--archive", "a.sqlite", cwd=repo), "read-only")
        # Reading a read-only archive is fine.
        read = factlint("check", "drafts", "--archive", "a.sqlite", cwd=repo)
        assert read.returncode == 1 and not read.stderr, read.stderr
    finally:
        os.chmod(repo / "a.sqlite", 0o644)


def test_a_second_writer_is_told_at_once(tmp_path: Path) -> None:
    repo = newsroom(tmp_path)
    assert factlint("index", "stories", cwd=repo).returncode == 0
    holder = sqlite3.connect(repo / ".factlint" / "archive.sqlite", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        one_line_error(factlint("index", "stories", cwd=repo), "another 'factlint index' run")
        # Readers still see the archive while it is being written.
        assert (
            "FL101"
            in factlint("check", "drafts", "--archive", ".factlint/archive.sqlite", cwd=repo).stdout
        )
    finally:
        holder.execute("ROLLBACK")
        holder.close()


CRASHER = '''
"""An extractor that kills its process on a story containing CRASH, as a kill -9 would."""
import os
from factlint import hookimpl


class Crash:
    name = "crash"
    requires = ()

    def extract(self, document, facts):
        if "CRASH" in document.text:
            os._exit(9)
        return []


@hookimpl
def factlint_extractors():
    return [Crash()]
'''


def test_a_killed_index_run_leaves_the_previous_archive(tmp_path: Path) -> None:
    repo = newsroom(tmp_path)
    (repo / "crash_plugin.py").write_text(CRASHER, encoding="utf-8")
    (repo / ".factlint.yml").write_text(
        "plugins: [crash_plugin]\nplugin-paths: [.]\n", encoding="utf-8"
    )
    assert factlint("index", "stories", "-j", "1", cwd=repo).returncode == 0
    archive = repo / ".factlint" / "archive.sqlite"
    before = rows(archive)
    (repo / "stories" / SEED_B).unlink()
    (repo / "stories" / "crash.txt").write_text("LONDON — CRASH here.\n", encoding="utf-8")
    killed = factlint("index", "stories", "-j", "1", cwd=repo)
    assert killed.returncode == 9
    assert rows(archive) == before
    proc = factlint("check", "drafts", "--archive", str(archive), cwd=repo)
    assert "drafts/new.txt:1:28: FL101" in proc.stdout, proc.stderr


def test_an_archive_cannot_run_code(tmp_path: Path) -> None:
    import pickle
    import zlib

    repo = newsroom(tmp_path)
    assert factlint("index", "stories", cwd=repo).returncode == 0
    marker = repo / "pwned"

    class Payload:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (os.system, (f"touch {marker}",))

    blob = zlib.compress(pickle.dumps(Payload()))
    conn = sqlite3.connect(repo / ".factlint" / "archive.sqlite")
    conn.execute("UPDATE stories SET blob = ?", (blob,))
    conn.commit()
    conn.close()
    proc = factlint("check", "drafts", "--archive", ".factlint/archive.sqlite", cwd=repo)
    one_line_error(proc, "a stored story cannot be read", "not allowed")
    assert not marker.exists()


def test_identical_findings_with_archive_and_reference(tmp_path: Path, corpora: Path) -> None:
    """Drafts checked against an archive of a real corpus and against the
    same stories as --reference: the same findings, related places and all."""
    root = corpora / "news" / "bbc"
    if not root.is_dir():
        pytest.skip(f"{root} not found")
    files = sorted(
        p.relative_to(root) for p in root.rglob("*.txt") if p.parts[-2] in ("business", "politics")
    )
    for i, rel in enumerate(files):
        dest = tmp_path / ("drafts" if i % 25 == 3 else "rest") / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.symlink_to(root / rel)
    built = factlint("index", "rest", "--archive", "rest.sqlite", "-j", "2", cwd=tmp_path)
    assert built.returncode in (0, 2), built.stderr  # 2: a file of the corpus that is not UTF-8
    with_reference = factlint(
        "check", "drafts", "--reference", "rest", "--format", "json", "-j", "2", cwd=tmp_path
    )
    with_archive = factlint(
        "check", "drafts", "--archive", "rest.sqlite", "--format", "json", cwd=tmp_path
    )
    a = json.loads(with_reference.stdout)["findings"]
    b = json.loads(with_archive.stdout)["findings"]
    assert sum(bool(f["related"]) for f in a) >= 3  # findings that compare across stories
    assert any(r["location"]["path"].startswith("rest/") for f in a for r in f["related"])
    assert a == b


def test_archive_rules_offer_keys_and_a_rule_without_keys_still_runs(tmp_path: Path) -> None:
    """A plugin corpus rule that does not give archive keys still works on the
    files of the run."""
    repo = newsroom(tmp_path)
    plugins = ROOT / "tests" / "plugins"
    (repo / ".factlint.yml").write_text(
        "plugins: [factlint_repeated_lede]\nplugin-paths: [plugins]\n", encoding="utf-8"
    )
    shutil.copytree(plugins, repo / "plugins")
    assert factlint("index", "stories", cwd=repo).returncode == 0
    lede = "The harbour board met in secret on the new quay. Members voted.\n"
    (repo / "drafts" / "a.txt").write_text(lede, encoding="utf-8")
    (repo / "drafts" / "b.txt").write_text(lede, encoding="utf-8")
    proc = factlint(
        "check",
        "drafts",
        "--archive",
        ".factlint/archive.sqlite",
        "--select",
        "XT101,FL101",
        cwd=repo,
    )
    assert "drafts/b.txt:1:1: XT101" in proc.stdout, proc.stdout + proc.stderr
    assert "drafts/new.txt:1:28: FL101" in proc.stdout


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_pre_commit_on_a_staged_draft_flags_a_name_only_the_archive_holds(tmp_path: Path) -> None:
    """As a newsroom adopts it: index the published stories, commit the config,
    and the hook on a staged draft compares it with the archive."""
    pytest.importorskip("pre_commit")
    (tmp_path / "newsroom").mkdir()
    repo = newsroom(tmp_path / "newsroom")
    (repo / ".factlint.yml").write_text("archive: .factlint/archive.sqlite\n", encoding="utf-8")
    (repo / ".gitignore").write_text(".factlint/\n", encoding="utf-8")
    assert factlint("index", "stories", cwd=repo).returncode == 0
    git = ["git", "-c", "user.name=Desk", "-c", "user.email=desk@example.org"]
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    subprocess.run([*git, "add", "stories", ".factlint.yml", ".gitignore"], cwd=repo, check=True)
    subprocess.run([*git, "commit", "-qm", "published"], cwd=repo, check=True)
    subprocess.run([*git, "add", "drafts/new.txt"], cwd=repo, check=True)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "factlint", "--color", "never"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    output = proc.stdout + proc.stderr
    assert proc.returncode == 1, output
    assert 'drafts/new.txt:1:28: FL101 [name-variant] "Newman-Ortiz" here' in output
    assert f"stories/{SEED_B}:15:42" in output


def test_a_check_without_an_archive_imports_neither_the_archive_nor_sqlite() -> None:
    # The parser of every run names the archive's defaults; a pre-commit run
    # with no archive configured must not pay for importing it.
    import subprocess
    import sys

    code = (
        "import sys; from factlint.cli import main; main(sys.argv[1:]);"
        " print(sorted(m for m in ('factlint.archive', 'sqlite3') if m in sys.modules),"
        " file=sys.stderr)"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, "check", "--isolated", "seeds"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.stderr.strip().splitlines()[-1] == "[]"
