"""A link that does not answer: 404 Not Found, 410 Gone, or no such host (opt-in, network).

**What it flags.** A web link (``http://``, ``https://`` or ``www.``) whose
server answers 404 Not Found or 410 Gone, directly or at the end of its
redirects (the message says where it ended), or whose host, or the host
its redirects lead to, does not exist (the DNS has no such name). Each
distinct address is requested once per run, across all the stories, and
reported once per story, at its first place there, with every other place
it appears as a related location.

Only definitive answers are reported, so that a copy desk can trust every
finding. Never reported: 401, 403 and 429 (sites turn bots away), 5xx
answers, timeouts, refused or reset connections, TLS problems, a DNS
that cannot answer now and a proxy it does not know, all of which are
passing, aimed at robots or not the link's doing.
A missing host is reported only when the resolver finds ``example.com``
(which always exists): a resolver cut off from the internet says every
name is unknown. A host under the reserved ``.invalid`` domain (RFC 6761)
never exists and is reported without a lookup.

Left alone: links the other link rules report (cut short, FL401;
malformed, FL403), other schemes (``ftp:``, ``mailto:``), hosts named in
``ignore-hosts``, and, as FL402 does, links in someone else's words (inside
quotation marks or an embedded post): the story cannot change what was
said or posted. Stories read only for comparison (``--reference``, the
archive) are never reported on, and a link only they hold is not requested.

**How.** ``HEAD`` first; ``GET`` when the server refuses ``HEAD`` (405,
501), and again to confirm a 404 or 410 (some servers answer ``HEAD``
wrongly); the body is never read. Redirects are followed (up to 10). The
requests go out ``workers`` at a time, each with a ``timeout``, under the
User-Agent ``factlint/VERSION (dead-link check FL404)``, through the proxy
the environment names (``https_proxy``, ``no_proxy``).

This rule uses the network, so it is off by default and runs only when
selected by its code or name (``--select FL404``, ``--extend-select
dead-link``, or ``extend-select: [FL404]`` in the config): ``ALL`` and
prefixes such as ``FL4`` leave it out. It is not measured on the offline
corpora of the accuracy tables.

**Why.** A citation that leads nowhere cannot be checked by the reader or
the desk: the source moved, was taken down, or the address was mistyped
in a way that still looks like a URL.

**Example.**

    The audit is at https://www.example.gov/reports/2016-audit.pdf.

where the server answers 404 Not Found.

**Fix.** Find the page's new address, or cite an archived copy (the
Internet Archive's Wayback Machine) and say it was removed if that matters
to the story.

**Options.** ``workers``: how many requests at once (default 8);
``timeout``: seconds per request (default 10); ``ignore-hosts``: hosts never
requested, with their subdomains (an intranet, a site that blocks robots).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from factlint import CorpusRule, Finding, Severity, __version__
from factlint.rules import Corpus, place, related_at
from factlint_rules.malformed_link import problem_with
from factlint_rules.shortened_link import in_quoted_words, url_host
from factlint_rules.truncated_link import ELLIPSES

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, ClassVar

    from factlint.document import Document
    from factlint.facts import Facts

USER_AGENT = f"factlint/{__version__} (dead-link check FL404)"
#: Statuses that say the page is not there.
DEAD = (404, 410)
#: Statuses of a server that does not take ``HEAD``: ask again with ``GET``.
NO_HEAD = (405, 501)
#: A name that always resolves (RFC 2606): when it does not, the resolver
#: cannot see the internet and "no such host" means nothing.
RESOLVER_CANARY = "example.com"
#: Other places named in a message; the rest are only counted (all are related locations).
NAMED = 3
#: Addresses are shown whole in messages up to here.
SHOWN = 200


def target(url: str) -> str | None:
    """The address to request for a link as written, or None when the rule
    leaves it alone (not a web link, cut short, malformed)."""
    if any(mark in url for mark in ELLIPSES):
        return None  # FL401's
    lower = url.lower()
    if lower.startswith("www."):
        url = "http://" + url
    elif not lower.startswith(("http://", "https://")):
        return None
    if problem_with(url) is not None:
        return None  # FL403's
    return url.split("#", 1)[0]


def _ascii(url: str) -> str | None:
    """The URL as the wire wants it: the host in IDNA, anything else that is
    not ASCII percent-encoded (None if the host cannot be encoded)."""
    if url.isascii():
        return url
    from urllib.parse import quote, urlsplit, urlunsplit

    parts = urlsplit(url)
    userinfo, at, hostport = parts.netloc.rpartition("@")
    host, colon, port = hostport.partition(":")
    try:
        host = host.encode("idna").decode("ascii")
    except UnicodeError:
        return None
    safe = "/%:@!$&'()*+,;=-._~?"
    netloc = quote(userinfo, safe=safe) + at + host + colon + port
    return urlunsplit(
        (parts.scheme, netloc, quote(parts.path, safe=safe), quote(parts.query, safe=safe), "")
    )


def _shown(url: str) -> str:
    return url if len(url) <= SHOWN else url[:SHOWN] + "..."


def _opener() -> Any:
    """A urllib opener that keeps the method across redirects (urllib's own
    handler turns a redirected ``HEAD`` into ``GET`` in Python 3.11) and
    notes each address it is sent to in the first request's ``chain``."""
    import urllib.request

    class KeepMethod(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, req: Any, *args: Any) -> Any:
            new = super().redirect_request(req, *args)
            if new is not None:
                new.method = req.get_method()
                chain = getattr(req, "chain", None)
                if chain is not None:
                    chain.append(new.full_url)
                    new.chain = chain  # type: ignore[attr-defined]
            return new

    return urllib.request.build_opener(KeepMethod)


def _request(opener: Any, url: str, method: str, timeout: float) -> tuple[str, Any, str]:
    """One request: ``("status", code, final address)``, ``("host", None,
    address)`` when the DNS knows no such name as the host of the address
    (the link's, or where its redirects led), or ``("unknown", None, "")``
    for anything that settles nothing (a timeout, a reset, TLS, a bad URL)."""
    import http.client
    import socket
    import urllib.error
    import urllib.request

    request = urllib.request.Request(
        url, method=method, headers={"User-Agent": USER_AGENT, "Accept": "*/*"}
    )
    request.chain = [url]  # type: ignore[attr-defined]
    try:
        with opener.open(request, timeout=timeout) as response:
            return "status", response.status, response.geturl()
    except urllib.error.HTTPError as error:
        error.close()
        return "status", error.code, error.geturl() or url
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, socket.gaierror) and reason.errno == socket.EAI_NONAME:
            if request.has_proxy() or getattr(request, "_tunnel_host", None):
                return "unknown", None, ""  # the proxy's name, not the link's
            return "host", None, request.chain[-1]  # type: ignore[attr-defined]
        return "unknown", None, ""
    except (OSError, http.client.HTTPException, ValueError):
        return "unknown", None, ""  # a timeout, a reset, TLS, a bad status line or URL
    except Exception:  # whatever else a server provokes settles nothing either
        return "unknown", None, ""


def probe(url: str, timeout: float, opener: Any = None) -> tuple[str, str] | None:
    """What is definitively wrong with ``url``: ``("status", message)``,
    ``("host", message)`` (the DNS has no such name, which counts only if the
    resolver works), ``("invalid", message)`` (a reserved ``.invalid`` name,
    no lookup), or None (it answers, or nothing is certain)."""
    from urllib.parse import urlsplit

    host = (urlsplit(url).hostname or "").rstrip(".")
    if host == "invalid" or host.endswith(".invalid"):
        return "invalid", f'host not found: "{host}" does not exist (a reserved .invalid name)'
    opener = opener or _opener()
    kind, code, where = _request(opener, url, "HEAD", timeout)
    if kind == "status" and (code in NO_HEAD or code in DEAD):
        kind, code, where = _request(opener, url, "GET", timeout)
    if kind == "host":
        message = f'host not found: "{urlsplit(where).hostname}" does not exist (no DNS name)'
    elif kind == "status" and code in DEAD:
        import http

        message = f"link answers {code} {http.HTTPStatus(code).phrase}"
    else:
        return None
    if where and where != url:
        message += f" ({_shown(url)} -> {_shown(where)})"
    return kind, message


def _ignored(host: str, ignored: set[str]) -> bool:
    """Whether ``host`` is one of ``ignored`` or under one of them."""
    while host:
        if host in ignored:
            return True
        host = host.partition(".")[2]
    return False


def resolver_works() -> bool:
    """Whether the resolver finds a name that always exists."""
    import socket

    try:
        socket.getaddrinfo(RESOLVER_CANARY, 443, proto=socket.IPPROTO_TCP)
    except OSError:
        return False
    return True


class DeadLink(CorpusRule):
    code = "FL404"
    name = "dead-link"
    severity = Severity.WARNING
    default_enabled = False
    network = True
    requires = ("links",)
    options: ClassVar[Mapping[str, Any]] = {"workers": 8, "timeout": 10.0, "ignore_hosts": ()}

    def archive_keys(self, document: Document, facts: Facts) -> list[str]:
        """No keys: archived stories are never reported on, so the rule
        brings none in (and requests none of their links)."""
        return []

    def check_corpus(self, corpus: Corpus) -> Iterator[Finding]:
        workers = int(self.settings["workers"])
        timeout = float(self.settings["timeout"])
        if workers < 1 or not timeout > 0:
            raise ValueError("the options workers and timeout must be positive")
        ignored = {h.lower().removeprefix("www.") for h in self.settings["ignore_hosts"]}
        # address -> every (document, link) where it appears, in run order
        places: dict[str, list[tuple[int, Any]]] = {}
        wanted: set[str] = set()
        for doc_index, (document, facts) in enumerate(corpus):
            links = facts.get_list("links")
            if not links:
                continue
            checked = document.path not in corpus.references
            for link in links:
                url = target(link.url)
                if url is None or _ignored(url_host(url), ignored):
                    continue
                if in_quoted_words(document.prose, link.start):
                    continue  # someone else's words, as FL402
                url = _ascii(url)
                if url is None:
                    continue
                places.setdefault(url, []).append((doc_index, link))
                if checked:
                    wanted.add(url)
        if not wanted:
            return
        dead = self._probe_all(sorted(wanted), workers, timeout)
        if any(kind == "host" for kind, _message in dead.values()) and not resolver_works():
            dead = {url: found for url, found in dead.items() if found[0] != "host"}
        for url in sorted(dead, key=lambda u: (places[u][0][0], places[u][0][1].start)):
            yield from self._findings(corpus, places[url], dead[url][1])

    def _probe_all(
        self, urls: list[str], workers: int, timeout: float
    ) -> dict[str, tuple[str, str]]:
        from concurrent.futures import ThreadPoolExecutor

        opener = _opener()
        with ThreadPoolExecutor(min(workers, len(urls)), thread_name_prefix="FL404") as pool:
            answers = pool.map(lambda url: probe(url, timeout, opener), urls)
            return {url: answer for url, answer in zip(urls, answers, strict=True) if answer}

    def _findings(
        self, corpus: Corpus, where: list[tuple[int, Any]], message: str
    ) -> Iterator[Finding]:
        first: dict[int, Any] = {}
        for doc_index, link in where:
            first.setdefault(doc_index, link)
        for doc_index, link in first.items():
            document = corpus.documents[doc_index]
            if document.path in corpus.references:
                continue
            others = [(d, other) for d, other in where if other is not link]
            text = message
            if others:
                named = [place(corpus.documents[d], other.start) for d, other in others[:NAMED]]
                more = len(others) - len(named)
                text += f"; also at {', '.join(named)}"
                if more:
                    text += f" and {more} more place{'s' if more > 1 else ''}"
            yield self.finding(
                document,
                link.start,
                link.end,
                text,
                related=[
                    related_at(corpus.documents[d], other.start, other.end, "the same link")
                    for d, other in others
                ],
            )


RULE = DeadLink
