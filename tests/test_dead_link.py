"""FL404 dead-link against a local HTTP server: real requests, no internet.

The server on 127.0.0.1 answers each path in its own way (200, 404, 410, a
redirect to a 404, a server that refuses HEAD, 403, 500, one too slow for
the timeout) and counts the requests it gets. Unknown hosts use the
reserved ``.invalid`` domain (RFC 6761), or a resolver replaced in the test.
"""

from __future__ import annotations

import collections
import http.server
import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import imported_by_a_check
from factlint.cli import main
from factlint.plugins import load_registry

SLOW = 2.0  # seconds the slow endpoint waits; the tests' timeout is shorter
TIMEOUT = 0.5


class _Handler(http.server.BaseHTTPRequestHandler):
    counts: collections.Counter[tuple[str, str]]
    user_agents: set[str]
    lock: threading.Lock

    def do_HEAD(self) -> None:
        self._answer()

    def do_GET(self) -> None:
        self._answer()

    def _answer(self) -> None:
        with self.lock:
            self.counts[self.command, self.path] += 1
            self.user_agents.add(self.headers.get("User-Agent", ""))
        path = self.path
        if path == "/slow":
            time.sleep(SLOW)
        status = {
            "/ok": 200,
            "/slow": 200,
            "/missing": 404,
            "/gone": 410,
            "/moved": 301,
            "/away": 302,
            "/forbidden": 403,
            "/error": 500,
            "/nohead": 405 if self.command == "HEAD" else 200,
        }.get(path, 404)
        self.send_response(status)
        if status == 301:
            self.send_header("Location", "/renamed")  # a 404
        if status == 302:
            self.send_header("Location", "http://gone-newspaper.example.net/page")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


class Server:
    def __init__(self) -> None:
        handler = type("Handler", (_Handler,), {})
        handler.counts = collections.Counter()
        handler.user_agents = set()
        handler.lock = threading.Lock()
        self.handler = handler
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def counts(self) -> collections.Counter[tuple[str, str]]:
        return self.handler.counts

    def requests(self) -> int:
        return sum(self.counts.values())


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[Server]:
    for name in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("ALL_PROXY", raising=False)
    s = Server()
    s.thread.start()
    try:
        yield s
    finally:
        s.httpd.shutdown()
        s.httpd.server_close()


def _write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def _config(tmp_path: Path, extra: str = "") -> str:
    return _write(tmp_path, "factlint.yml", f"rules:\n  FL404:\n    timeout: {TIMEOUT}\n{extra}")


def _json(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, Any]]:
    capsys.readouterr()
    code = main(["check", "--format", "json", *args])
    out = capsys.readouterr().out
    return code, json.loads(out)


def _found(report: dict[str, Any]) -> list[tuple[str, int, int, str]]:
    return [
        (
            Path(f["location"]["path"]).name,
            f["location"]["line"],
            f["location"]["column"],
            f["message"],
        )
        for f in report["findings"]
        if f["code"] == "FL404"
    ]


def test_dead_links_are_reported_and_nothing_else(
    tmp_path: Path, server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    b = server.base
    a_txt = _write(
        tmp_path,
        "a.txt",
        f"The audit is at {b}/missing and the memo at {b}/ok.\n"
        f"The old page {b}/gone was removed; the link {b}/moved now leads nowhere.\n"
        f"The register {b}/nohead, the portal {b}/forbidden, the feed {b}/error\n"
        f"and the archive {b}/slow are not reported.\n",
    )
    b_txt = _write(tmp_path, "b.txt", f"See the audit ({b}/missing).\n\nAgain: {b}/missing\n")
    code, report = _json(["--config", _config(tmp_path), "--select", "FL404", a_txt, b_txt], capsys)
    assert code == 1
    assert _found(report) == [
        ("a.txt", 1, 17, f"link answers 404 Not Found; also at {b_txt}:1, {b_txt}:3"),
        ("a.txt", 2, 14, "link answers 410 Gone"),
        (
            "a.txt",
            2,
            len(f"The old page {b}/gone was removed; the link ") + 1,
            f"link answers 404 Not Found ({b}/moved -> {b}/renamed)",
        ),
        ("b.txt", 1, 16, f"link answers 404 Not Found; also at {a_txt}:1, {b_txt}:3"),
    ]
    first = report["findings"][0]
    assert first["severity"] == "warning" and first["rule"] == "dead-link"
    assert [
        (Path(r["location"]["path"]).name, r["location"]["line"]) for r in first["related"]
    ] == [
        ("b.txt", 1),
        ("b.txt", 3),
    ]
    # Each address is asked once for the whole run (a 404 is confirmed with GET).
    counts = server.counts
    assert counts["HEAD", "/missing"] == 1
    assert counts["GET", "/missing"] == 1  # the confirmation
    assert counts["HEAD", "/ok"] == 1 and counts["GET", "/ok"] == 0
    assert counts["HEAD", "/nohead"] == 1 and counts["GET", "/nohead"] == 1
    assert counts["HEAD", "/forbidden"] == 1 and counts["GET", "/forbidden"] == 0
    assert counts["HEAD", "/moved"] == 1 and counts["GET", "/moved"] == 1
    assert counts["HEAD", "/renamed"] == 1 and counts["GET", "/renamed"] == 1  # HEAD kept
    assert server.handler.user_agents == {"factlint/0.1.0 (dead-link check FL404)"}


def test_text_output_shows_related_places(
    tmp_path: Path, server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    a_txt = _write(tmp_path, "a.txt", f"Gone: {server.base}/gone\n")
    b_txt = _write(tmp_path, "b.txt", f"Also gone: {server.base}/gone\n")
    capsys.readouterr()
    code = main(["check", "--isolated", "--select", "dead-link", a_txt, b_txt])
    out = capsys.readouterr().out
    assert code == 1
    assert f"{a_txt}:1:7: FL404 [dead-link] link answers 410 Gone; also at {b_txt}:1\n" in out
    assert f"    {b_txt}:1:12: the same link\n" in out
    assert f"{b_txt}:1:12: FL404 [dead-link] link answers 410 Gone; also at {a_txt}:1\n" in out


@pytest.mark.parametrize(
    "selection",
    [[], ["--select", "ALL"], ["--select", "FL4"], ["--extend-select", "FL40"]],
    ids=["default", "ALL", "prefix", "extend-prefix"],
)
def test_nothing_is_requested_unless_selected_by_code_or_name(
    tmp_path: Path, server: Server, capsys: pytest.CaptureFixture[str], selection: list[str]
) -> None:
    draft = _write(tmp_path, "a.txt", f"The audit is at {server.base}/missing today.\n")
    _code, report = _json(["--isolated", *selection, draft], capsys)
    assert _found(report) == []
    assert server.requests() == 0


def test_ignore_by_prefix_turns_it_off(
    tmp_path: Path, server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = _write(tmp_path, "a.txt", f"The audit is at {server.base}/missing today.\n")
    args = ["--isolated", "--extend-select", "FL404", "--ignore", "FL4", draft]
    _code, report = _json(args, capsys)
    assert _found(report) == [] and server.requests() == 0


def test_links_other_rules_report_or_in_quoted_words_are_not_requested(
    tmp_path: Path, server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    b = server.base
    draft = _write(
        tmp_path,
        "a.txt",
        f'"The files are at {b}/missing," the clerk wrote.\n\n'
        f"A cut link {b}/miss...ing and a broken one http//127.0.0.1/missing.\n\n"
        f"An FTP site ftp://127.0.0.1/missing and an ignored host http://localhost/missing.\n",
    )
    config = _config(tmp_path, "    ignore-hosts: [localhost]\n")
    _code, report = _json(["--config", config, "--select", "FL404", draft], capsys)
    assert _found(report) == []
    assert server.requests() == 0


def test_a_link_only_in_a_reference_is_not_requested(
    tmp_path: Path, server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    b = server.base
    (tmp_path / "ref").mkdir()
    reference = _write(tmp_path, "ref/old.txt", f"Old: {b}/gone and {b}/missing\n")
    draft = _write(tmp_path, "a.txt", f"New: {b}/missing\n")
    args = ["--isolated", "--select", "FL404", "--reference", reference, draft]
    _code, report = _json(args, capsys)
    assert _found(report) == [("a.txt", 1, 6, f"link answers 404 Not Found; also at {reference}:1")]
    assert server.counts["HEAD", "/gone"] == 0 and server.counts["HEAD", "/missing"] == 1


def test_a_reserved_invalid_host_is_not_found(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = _write(
        tmp_path, "a.txt", "The council's site, https://council.example.invalid/agenda.\n"
    )
    _code, report = _json(["--isolated", "--select", "FL404", draft], capsys)
    assert _found(report) == [
        (
            "a.txt",
            1,
            21,
            'host not found: "council.example.invalid" does not exist (a reserved .invalid name)',
        )
    ]


def _resolver(monkeypatch: pytest.MonkeyPatch, *, online: bool) -> list[str]:
    """Replace the resolver: every name is unknown but ``example.com`` (when
    ``online``); returns the names asked for."""
    asked: list[str] = []
    real = socket.getaddrinfo

    def getaddrinfo(host: str, *args: Any, **kwargs: Any) -> Any:
        asked.append(host)
        if host == "127.0.0.1":
            return real(host, *args, **kwargs)
        if online and host == "example.com":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", 443))]
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return asked


def test_an_unknown_host_is_reported_when_the_resolver_works(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    asked = _resolver(monkeypatch, online=True)
    draft = _write(tmp_path, "a.txt", "The report: http://www.gone-newspaper.example.net/report\n")
    _code, report = _json(["--isolated", "--select", "FL404", draft], capsys)
    assert _found(report) == [
        (
            "a.txt",
            1,
            13,
            'host not found: "www.gone-newspaper.example.net" does not exist (no DNS name)',
        )
    ]
    assert "example.com" in asked


def test_an_unknown_host_is_not_reported_when_the_resolver_knows_no_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Offline, or behind a resolver that answers nothing: every name looks
    unknown, and none of it is a finding."""
    _resolver(monkeypatch, online=False)
    draft = _write(tmp_path, "a.txt", "The report: http://www.gone-newspaper.example.net/report\n")
    _code, report = _json(["--isolated", "--select", "FL404", draft], capsys)
    assert _found(report) == []


def test_the_rule_is_off_by_default_and_explained(capsys: pytest.CaptureFixture[str]) -> None:
    rule = load_registry().rules["FL404"]
    assert rule.default_enabled is False and rule.network is True
    capsys.readouterr()
    assert main(["explain", "FL404"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("FL404 dead-link (warning, off by default")
    for section in ("**What it flags.**", "**Why.**", "**Example.**", "**Fix.**", "**Options.**"):
        assert section in out


def test_a_check_without_it_imports_no_network_module() -> None:
    seed = Path(__file__).parent.parent / "seeds" / "001_503aeeceae458385.txt"
    network = ("urllib.request", "http.client", "concurrent.futures")
    assert imported_by_a_check(seed, network) == []


def test_ignored_hosts_and_their_subdomains_are_not_requested(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    asked = _resolver(monkeypatch, online=True)
    draft = _write(
        tmp_path,
        "a.txt",
        "Inside: http://news.intranet.example.net/memo and https://www.intranet.example.net/\n"
        "Outside: http://gone.example.org/report\n",
    )
    config = _config(tmp_path, "    ignore-hosts: [intranet.example.net]\n")
    _code, report = _json(["--config", config, "--select", "FL404", draft], capsys)
    assert [message for *_, message in _found(report)] == [
        'host not found: "gone.example.org" does not exist (no DNS name)'
    ]
    assert not [host for host in asked if "intranet" in host]


def test_archived_stories_are_not_requested(
    tmp_path: Path,
    server: Server,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """An archived story another rule brings in (FL101, for a shared name) is
    compared with, never reported on: its links are not requested."""
    b = server.base
    monkeypatch.chdir(tmp_path)
    (tmp_path / "stories").mkdir()
    _write(
        tmp_path,
        "stories/old.txt",
        f"MILWAUKEE — Christine Neumann-Ortiz said the group would march ({b}/gone).\n\n"
        "Neumann-Ortiz said the group had grown.\n",
    )
    draft = _write(
        tmp_path,
        "new.txt",
        f"MILWAUKEE — Christine Newman-Ortiz said the group would march ({b}/missing).\n",
    )
    assert main(["index", "--isolated", "stories"]) == 0
    args = ["--isolated", "--select", "FL101,FL404", "--archive", ".factlint/archive.sqlite"]
    _code, report = _json([*args, draft], capsys)
    assert {f["code"] for f in report["findings"]} == {"FL101", "FL404"}  # the story was loaded
    assert _found(report) == [("new.txt", 1, 64, "link answers 404 Not Found")]
    assert server.counts["HEAD", "/gone"] == 0 and server.counts["HEAD", "/missing"] == 1


def test_a_redirect_to_an_unknown_host_names_that_host(
    tmp_path: Path,
    server: Server,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _resolver(monkeypatch, online=True)
    b = server.base
    draft = _write(tmp_path, "a.txt", f"The page {b}/away moved.\n")
    _code, report = _json(["--isolated", "--select", "FL404", draft], capsys)
    assert _found(report) == [
        (
            "a.txt",
            1,
            10,
            'host not found: "gone-newspaper.example.net" does not exist (no DNS name)'
            f" ({b}/away -> http://gone-newspaper.example.net/page)",
        )
    ]


def test_an_unknown_proxy_is_not_an_unknown_host(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    asked = _resolver(monkeypatch, online=True)
    for name in ("no_proxy", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("http_proxy", "http://proxy.example.net:3128")
    draft = _write(tmp_path, "a.txt", "The report: http://www.example.org/report\n")
    _code, report = _json(["--isolated", "--select", "FL404", draft], capsys)
    assert _found(report) == []
    assert "proxy.example.net" in asked and "www.example.org" not in asked
