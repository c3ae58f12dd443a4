"""Hardening (issue 14): bad data, hostile names and contents, limits.

Each test fails without its fix: a traceback, a hang (guarded by a timeout),
a leaked control character, or a run that went on when it should not.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import GOOD
from factlint.cli import main
from factlint.document import Document, Metadata
from factlint.facts import extract_facts, extraction_order
from factlint.plugins import load_registry

REGISTRY = load_registry()


def _check(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["check", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _dates(text: str, published: dt.date | None = dt.date(2017, 7, 4)) -> list[dict[str, object]]:
    document = Document(
        path="d.txt", text=text, format="text", prose=text, metadata=Metadata(published=published)
    )
    facts = extract_facts(
        document, REGISTRY.extractors, extraction_order(REGISTRY.extractors, ["dates"])
    )
    return [f for f in facts.to_dict()["dates"]]


# --- 1. No crash on bad data -------------------------------------------------


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("2017-02-30", "day is out of range for month"),
        ("0000-01-01", "year 0 is out of range"),
        ("2017-07-04T25:99:99Z", "hour must be in 0..23"),
    ],
)
def test_impossible_front_matter_date_is_one_error_for_that_file(
    folder: Path, capsys: pytest.CaptureFixture[str], value: str, problem: str
) -> None:
    (folder / "bad.md").write_text(f"---\ndate: {value}\n---\nText.\n", encoding="utf-8")
    code, out, err = _check(["--isolated", "bad.md", "good.txt"], capsys)
    assert code == 2
    assert err.splitlines() == [
        f"factlint: error: bad.md: front matter: line 2: {value!r} is not a valid date or time"
        f" ({problem})"
    ]
    assert "good.txt:1:17: FL402" in out  # the other file's report is not lost


@pytest.mark.parametrize("value", ["2017-02-30", "0000-01-01", "2017-07-04T25:99:99Z"])
def test_impossible_config_date_is_one_error(
    folder: Path, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    (folder / ".factlint.yml").write_text(f"select: [FL402]\ndate: {value}\n", encoding="utf-8")
    code, out, err = _check(["good.txt"], capsys)
    assert code == 2 and out == ""
    assert err.startswith(f"factlint: error: {folder / '.factlint.yml'}:2: invalid YAML: {value!r}")
    assert len(err.splitlines()) == 1


@pytest.mark.parametrize("value", ["0001-01-01", "9999-12-31", "9999-12-31T23:59:59Z"])
def test_years_1_and_9999_work(
    folder: Path, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    text = (
        f"---\ndate: {value}\ntitle: Walker says\n---\nGov. Scott Walker said yesterday that next"
        " year, in December, next week, two years ago, tomorrow, on Jan. 1, last month, next"
        " Friday and Dec. 31 things would change.\n"
    )
    (folder / "edge.md").write_text(text, encoding="utf-8")
    code, _out, err = _check(["--isolated", "--select", "ALL", "edge.md"], capsys)
    assert err == ""
    assert code in (0, 1)


def test_misspelt_month_is_no_date_and_no_crash() -> None:
    found = _dates("He was born Sepember 30, 1987. In Sepember he left. On July 4 he came.")
    assert [f["text"] for f in found] == ["July 4"]


def test_impossible_dates_are_marked() -> None:
    found = {f["text"]: f for f in _dates("Feb. 30, 2017 and Sept. 31, then Feb. 29, 2017.")}
    assert found["Feb. 30, 2017"]["value"] is None and found["Feb. 30, 2017"]["impossible"]
    assert found["Sept. 31"]["value"] is None and found["Sept. 31"]["impossible"]
    # February 29 of a year that is no leap year is no date either.
    assert found["Feb. 29, 2017"]["value"] is None and found["Feb. 29, 2017"]["impossible"]
    assert not {f["text"]: f for f in _dates("Feb. 29, 2016.")}["Feb. 29, 2016"]["impossible"]


def test_fifo_in_a_folder_is_skipped_not_waited_for(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "good.txt").write_text(GOOD, encoding="utf-8")
    os.mkfifo(tmp_path / "docs" / "pipe.md")
    run = subprocess.run(
        [sys.executable, "-m", "factlint", "check", "--isolated", "docs"],
        cwd=tmp_path, capture_output=True, text=True, timeout=30,
    )  # fmt: skip
    assert run.returncode == 2
    assert (
        run.stderr.strip()
        == f"factlint: error: {os.path.join('docs', 'pipe.md')}: not a regular file; skipped"
    )
    assert "FL402" in run.stdout


def test_stdin_over_the_size_limit_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    # 64 MB of input, a 1 MB limit: refused after reading the first 1 MB.
    proc = subprocess.Popen(
        [sys.executable, "-m", "factlint", "check", "--isolated", "--max-file-size", "1MB", "-"],
        cwd=tmp_path, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    stdin = proc.stdin
    assert stdin is not None
    proc.stdin = None  # written here, not by communicate()
    written = 0
    try:
        for _ in range(64):
            stdin.write(b"a" * 1024 * 1024)
            written += 1
        stdin.close()
    except BrokenPipeError:
        pass
    _out, err = proc.communicate(timeout=30)
    assert proc.returncode == 2
    assert err.decode().strip() == "factlint: error: <stdin>: file is over the 1.0 MB limit"
    assert written < 64  # factlint stopped reading


@pytest.mark.parametrize("kind", ["endless", "deep"])
def test_hostile_baseline_is_one_error(
    folder: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    if kind == "endless":
        baseline = "/dev/zero"
        expected = "/dev/zero: baseline is not a regular file"
    else:
        (folder / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
        baseline = "deep.json"
        expected = "deep.json: baseline is nested too deeply to be a baseline"
    code, out, err = _check(["--isolated", "--baseline", baseline, "good.txt"], capsys)
    assert code == 2 and out == ""
    assert err == f"factlint: error: {expected}\n"


@pytest.mark.parametrize(
    ("setting", "line", "message"),
    [
        ("max-file-size: 1e400", 1, "max-file-size: '1e400' is not a finite size"),
        ("max-file-size: -5", 1, "max-file-size: size must be positive"),
        ("max-file-size: 0", 1, "max-file-size: size must be positive"),
        ("max-file-size: 10000000000000", 1, "max-file-size: size must be at most 1024GB"),
        (
            "rules:\n  FL402:\n    extra-hosts: 5",
            3,
            "rules.FL402.extra-hosts: expected a list, got int",
        ),
        (
            "rules:\n  shortened-link:\n    extra-hosts: [ow.ly, 5]",
            3,
            "rules.FL402.extra-hosts: expected a list of str, got int 5",
        ),
        ("rules:\n  FL402:\n    extra-hostz: [a]", 2, "rules.FL402: unknown option extra_hostz"),
        ("rules:\n  FL999: {}", 2, "unknown rule code 'FL999'"),
        ("select: [FL402]\nselect: [FL401]", 2, "invalid YAML: duplicate key 'select'"),
    ],
)
def test_bad_config_values_are_one_line_errors_naming_file_and_line(
    folder: Path, capsys: pytest.CaptureFixture[str], setting: str, line: int, message: str
) -> None:
    (folder / ".factlint.yml").write_text(setting + "\n", encoding="utf-8")
    code, out, err = _check(["good.txt"], capsys)
    assert code == 2 and out == ""
    assert err.startswith(f"factlint: error: {folder / '.factlint.yml'}:{line}: {message}")
    assert len(err.splitlines()) == 1


def test_well_typed_rule_option_runs(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / ".factlint.yml").write_text(
        "rules:\n  FL402:\n    extra-hosts: [ow.ly]\n", encoding="utf-8"
    )
    (folder / "ow.txt").write_text("See http://ow.ly/abc for more.\n", encoding="utf-8")
    code, out, err = _check(["ow.txt"], capsys)
    assert err == "" and code == 1 and "FL402" in out


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("tool = 5\n", 1, "'tool' must be a table"),
        ("[project]\nname = 'x'\n\n[tool]\nfactlint = 5\n", 5, "[tool.factlint] must be a table"),
    ],
)
def test_pyproject_with_a_tool_that_is_not_a_table(
    folder: Path, capsys: pytest.CaptureFixture[str], text: str, line: int, message: str
) -> None:
    (folder / "pyproject.toml").write_text(text, encoding="utf-8")
    code, out, err = _check(["--config", "pyproject.toml", "good.txt"], capsys)
    assert code == 2 and out == ""
    assert err == f"factlint: error: pyproject.toml:{line}: {message}\n"


# --- 1 and 2. File names and contents that are not safe to print -------------

HOSTILE_NAME = b"caf\xe9 \x1b]0;pwned\x07.txt"


def _hostile_folder(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    body = b"Text with http://bit.ly/abc and \x1b]0;title\x07 more.\n"
    with open(os.path.join(os.fsencode(docs), HOSTILE_NAME), "wb") as handle:
        handle.write(body)
    return docs


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}  # strict, as on a UTF-8 terminal
    return subprocess.run(
        [sys.executable, "-m", "factlint", *args], cwd=cwd, capture_output=True, env=env,
        timeout=60,
    )  # fmt: skip


UNSAFE = [b"\x1b", b"\x07", b"\x00", b"\xe9 "]  # raw ESC, BEL, NUL, or a raw non-UTF-8 byte


@pytest.mark.parametrize(
    "fmt", ["text", "concise", "json", "sarif", "github", "gitlab", "junit", "html"]
)
def test_non_utf8_and_control_character_names_in_every_format(tmp_path: Path, fmt: str) -> None:
    _hostile_folder(tmp_path)
    for target in ("stdout", "file"):
        extra = ["-o", "report.out"] if target == "file" else []
        run = _run(["check", "--isolated", "--format", fmt, *extra, "docs"], tmp_path)
        assert run.returncode == 1, run.stderr.decode(errors="replace")
        assert run.stderr == b""
        out = run.stdout if target == "stdout" else (tmp_path / "report.out").read_bytes()
        out.decode("utf-8")  # valid UTF-8
        for raw in UNSAFE:
            assert raw not in out, (fmt, target, raw)
        if fmt in ("text", "concise"):
            assert b"docs/caf\\xe9 \\x1b]0;pwned\\x07.txt:1:11: FL402" in out
        if fmt == "sarif":
            assert b'"uri": "docs/caf%E9%20%1B%5D0%3Bpwned%07.txt"' in out
        if fmt == "junit":
            from xml.dom import minidom

            minidom.parseString(out)  # well-formed XML


def test_non_utf8_names_in_baselines_and_errors(tmp_path: Path) -> None:
    docs = _hostile_folder(tmp_path)
    run = _run(["check", "--isolated", "--write-baseline", "b.json", "docs"], tmp_path)
    assert run.returncode == 0, run.stderr
    recorded = (tmp_path / "b.json").read_bytes()
    assert b"caf\\\\xe9 \\\\x1b]0;pwned\\\\x07.txt" in recorded
    run = _run(["check", "--isolated", "--baseline", "b.json", "docs"], tmp_path)
    assert run.returncode == 0 and b"No findings (1 file checked)." in run.stdout
    # An error naming the file escapes it too.
    with open(os.path.join(os.fsencode(docs), b"bad\x1b[2J\xff.txt"), "wb") as handle:
        handle.write(b"\xff\xfe UTF-16\n")
    run = _run(["check", "--isolated", "--baseline", "b.json", "docs"], tmp_path)
    assert run.returncode == 2
    assert run.stderr.decode() == (
        "factlint: error: docs/bad\\x1b[2J\\xff.txt: is UTF-16 encoded; save it as UTF-8\n"
    )
    run = _run(["facts", "--isolated", "docs"], tmp_path)
    assert b'"path": "docs/caf\\\\xe9' in run.stdout


def test_control_characters_in_messages_are_escaped_in_every_format() -> None:
    from factlint.findings import Finding, Location, Related, Severity
    from factlint.report import Report, RuleInfo
    from factlint.sanitize import clean_report

    text = "Gov. \x1b]0;owned\x07Walker said \x00 it.\n"
    finding = Finding(
        code="FL999",
        rule="test-rule",
        message="name \x1b]0;owned\x07Walker \x00 \x9b31m differs",
        severity=Severity.WARNING,
        location=Location("a\x1b.txt", 5, 20, 1, 6, 1, 21),
        related=(Related(Location("a\x1b.txt", 0, 4, 1, 1, 1, 5), "see \x1b[2J here"),),
    )
    info = RuleInfo("FL999", "test-rule", Severity.WARNING, "s", "doc", True, False)
    report = clean_report(
        Report(
            findings=(finding,), rules={"FL999": info}, files=("a\x1b.txt",),
            errors=("a\x1b.txt: \x07 bad",), texts={"a\x1b.txt": text},
        )
    )  # fmt: skip
    for name, render in REGISTRY.reporters.items():
        out = render(report)
        for char in "\x1b\x07\x00\x9b":
            assert char not in out, (name, char)
        if name == "junit":
            from xml.dom import minidom

            minidom.parseString(out.encode("utf-8"))
    assert "name \\x1b]0;owned\\x07Walker \\x00 \\x9b31m differs" in REGISTRY.reporters["text"](
        report
    )


# --- 6. Limits ---------------------------------------------------------------


def test_jobs_are_capped_at_the_number_of_cores(tmp_path: Path) -> None:
    import multiprocessing

    from factlint.config import Config
    from factlint.engine import Source, cores, run

    for i in range(20):
        (tmp_path / f"s{i:03d}.txt").write_text(GOOD, encoding="utf-8")
    sources = [Source(str(p), str(p)) for p in sorted(tmp_path.glob("*.txt"))]
    most = 0

    def progress(done: int, total: int) -> None:
        nonlocal most
        most = max(most, len(multiprocessing.active_children()))

    result = run(sources, REGISTRY, Config(root=tmp_path), {"FL402"}, jobs=200, progress=progress)
    assert len(result.findings) == len(sources)
    assert 1 <= most <= cores()


# --- 5. Portable baselines ---------------------------------------------------


@pytest.mark.parametrize("with_config", [True, False])
def test_baseline_matches_from_another_folder_and_with_absolute_paths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    with_config: bool,
) -> None:  # fmt: skip
    project = tmp_path / "project"
    (project / "stories").mkdir(parents=True)
    (project / "desk").mkdir()
    (project / "stories" / "a.txt").write_text(GOOD, encoding="utf-8")
    isolated = []
    if with_config:
        (project / ".factlint.yml").write_text("select: [FL402]\n", encoding="utf-8")
    else:
        isolated = ["--isolated"]
    monkeypatch.chdir(project)
    code, _out, err = _check([*isolated, "--write-baseline", "base.json", "stories"], capsys)
    assert code == 0, err
    for cwd, paths, baseline in (
        (project / "desk", ["../stories"], "../base.json"),
        (project / "desk", [str(project / "stories" / "a.txt")], str(project / "base.json")),
        (tmp_path, ["project/stories"], "project/base.json"),
    ):
        monkeypatch.chdir(cwd)
        code, out, err = _check([*isolated, "--baseline", baseline, *paths], capsys)
        assert (code, err) == (0, ""), (cwd, paths, out)
        assert out.startswith("No findings")
    # A finding that is not in the baseline still shows.
    (project / "stories" / "b.txt").write_text(GOOD, encoding="utf-8")
    code, out, _err = _check([*isolated, "--baseline", "project/base.json", "project"], capsys)
    assert code == 1 and "b.txt:1:17: FL402" in out and "a.txt" not in out


# --- 7. Stalls ---------------------------------------------------------------


class _StallingExtractor:
    """A plugin extractor with a bug: it never returns on a story saying "stall"."""

    name = "stalling"
    requires: tuple[str, ...] = ()

    def extract(self, document: Document, facts: object) -> list[object]:
        while "stall" in document.text:
            pass
        return []


@pytest.mark.parametrize("jobs", [1, 2])
def test_timeout_per_file_turns_a_stall_into_one_error(tmp_path: Path, jobs: int) -> None:
    import time

    from factlint import records
    from factlint.config import Config
    from factlint.engine import Source, run

    registry = records.replace(
        REGISTRY, extractors={**REGISTRY.extractors, "stalling": _StallingExtractor()}
    )
    count = 10 if jobs > 1 else 3
    for i in range(count):
        (tmp_path / f"s{i:03d}.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "s001.txt").write_text("This one will stall.\n" + GOOD, encoding="utf-8")
    sources = [Source(str(p), str(p)) for p in sorted(tmp_path.glob("*.txt"))]
    config = Config(root=tmp_path, timeout_per_file=0.5)
    start = time.monotonic()
    result = run(sources, registry, config, {"FL402"}, all_facts=True, jobs=jobs)
    assert time.monotonic() - start < 30
    assert result.errors == [
        f"{tmp_path / 's001.txt'}: reading and extracting facts took over 0.5 s;"
        " skipped (see --timeout-per-file)"
    ]
    assert len(result.findings) == count - 1  # every other file is checked


def test_timeout_per_file_option_and_config_key(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / ".factlint.yml").write_text("timeout-per-file: soon\n", encoding="utf-8")
    code, _out, err = _check(["good.txt"], capsys)
    assert code == 2 and "timeout-per-file: 'soon' is not a number of seconds" in err
    (folder / ".factlint.yml").write_text("timeout-per-file: 5\n", encoding="utf-8")
    code, _out, err = _check(["--timeout-per-file", "-1", "good.txt"], capsys)
    assert (code, err) == (
        2,
        "factlint: error: --timeout-per-file: seconds must be between 0 (no limit) and a year\n",
    )
    code, out, err = _check(["--timeout-per-file", "0", "good.txt"], capsys)
    assert code == 1 and err == "" and "FL402" in out


def _engine_stages(text: str, path: str) -> None:
    """What the engine itself does with a file: read it (front matter, Markdown
    masking, comments, metadata), find its dates, parse its suppressions."""
    from factlint.facts import Facts
    from factlint.suppressions import parse_suppressions

    reader = REGISTRY.reader_for(path)
    assert reader is not None
    document = reader.read(path, text)
    REGISTRY.extractors["dates"].extract(document, Facts())
    parse_suppressions(text)


LINEAR_SHAPES = {
    "comment openers": lambda n: "<!--" * (n // 4),
    "suppressions before one paragraph": lambda n: (
        "<!-- factlint: disable-next-line -->" * (n // 72) + "\n" * (n // 2) + "Text.\n"
    ),
    "suppressions without a closer": lambda n: "<!-- factlint: disable FL101 " * (n // 29),
    "code block": lambda n: "Intro.\n\n" + "    x = 'Gov. Scott Walker said'\n" * (n // 32),
    "front-matter keys": lambda n: (
        "---\n" + "".join(f"key{i:07d}: v\n" for i in range(n // 14)) + "---\nText.\n"
    ),
    "weekday dates": lambda n: "Tuesday, July 5, 2017, " * (n // 23),
    "month words": lambda n: "July " * (n // 5),
}


DATE_SHAPES = {"weekday dates", "month words"}  # the reader does not matter for these


@pytest.mark.parametrize(
    ("shape", "suffix"),
    [(shape, ".md") for shape in LINEAR_SHAPES]
    + [(shape, ".txt") for shape in LINEAR_SHAPES if shape not in DATE_SHAPES],
)
def test_engine_time_grows_linearly(shape: str, suffix: str) -> None:
    import time

    make = LINEAR_SHAPES[shape]
    size = 5_000 if shape in DATE_SHAPES else 10_000

    def seconds(size: int, runs: int) -> float:
        text = make(size)
        best = float("inf")
        for _ in range(runs):
            start = time.process_time()
            _engine_stages(text, "stress" + suffix)
            best = min(best, time.process_time() - start)
        return best

    # CPU time of this process, best of three at both sizes: on a busy shared
    # machine the wall time of the long run grows with the load while a short
    # run can slip in between others, which read as quadratic.
    small, large = seconds(size, 3), seconds(size * 10, 3)
    # Linear: about 10x for 10x the size; quadratic would be about 100x.
    assert large / max(small, 0.002) < 30, (shape, small, large)


# --- 3. Config cannot run code by surprise -----------------------------------


def test_local_plugins_load_by_file_path_without_touching_sys_path(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tools = folder / "tools"
    tools.mkdir()
    plugin = Path(__file__).parent / "plugins" / "factlint_repeated_lede.py"
    (tools / "factlint_repeated_lede.py").write_text(plugin.read_text(encoding="utf-8"))
    # A repository-local module named like a real library must not shadow it.
    (tools / "difflib.py").write_text("raise SystemExit('shadowed')\n", encoding="utf-8")
    (folder / ".factlint.yml").write_text(
        "plugins: [factlint_repeated_lede]\nplugin-paths: [tools]\n", encoding="utf-8"
    )
    before = list(sys.path)
    try:
        code, _out, err = _check(["--diff", "good.txt"], capsys)
        assert sys.path == before
        assert str(tools) not in sys.path
        assert err == "" and code in (0, 1)
    finally:
        sys.modules.pop("factlint_repeated_lede", None)


@pytest.mark.parametrize(
    "key", ["plugin-paths: [../elsewhere]", "names-registry: /etc/passwd", "reference: [../other]"]
)
def test_config_paths_stay_inside_the_project_root(
    folder: Path, capsys: pytest.CaptureFixture[str], key: str
) -> None:
    (folder / ".factlint.yml").write_text(key + "\n", encoding="utf-8")
    code, out, err = _check(["good.txt"], capsys)
    assert code == 2 and out == ""
    assert "is outside the project root" in err and len(err.splitlines()) == 1
    assert "root:" not in err  # never a line of the file it names


# --- 4. --fix never damages the file system ----------------------------------


def test_fix_follows_a_symlink_and_keeps_hard_links(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from factlint.document import Document
    from factlint.fixes import write_atomically

    real = folder / "real.txt"
    real.write_text("old text\n", encoding="utf-8")
    (folder / "link.txt").symlink_to("real.txt")
    os.link(real, folder / "hard.txt")
    document = Document(
        path="link.txt", text="old text\n", format="text", prose="old text\n", metadata=Metadata()
    )
    write_atomically(document, "new text\n")
    assert (folder / "link.txt").is_symlink()
    assert real.read_text() == "new text\n"
    assert (folder / "hard.txt").read_text() == "new text\n"  # the hard link too
    assert not list(folder.glob(".factlint-*"))


def test_fix_rechecks_the_file_and_reports_are_written_atomically(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from factlint.document import Document
    from factlint.fixes import FileChangedError, write_atomically

    path = folder / "a.txt"
    path.write_text("edited by someone\n", encoding="utf-8")
    document = Document(
        path="a.txt", text="old text\n", format="text", prose="old text\n", metadata=Metadata()
    )
    with pytest.raises(FileChangedError):
        write_atomically(document, "new text\n")
    assert path.read_text() == "edited by someone\n"
    # -o replaces the report in one step and keeps its permission bits.
    report = folder / "report.txt"
    report.write_text("old report\n", encoding="utf-8")
    report.chmod(0o640)
    code, _out, _err = _check(["--isolated", "-o", "report.txt", "good.txt"], capsys)
    assert code == 1 and "FL402" in report.read_text()
    assert report.stat().st_mode & 0o777 == 0o640
    assert not list(folder.glob(".factlint-*"))
