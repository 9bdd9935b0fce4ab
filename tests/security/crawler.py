"""An anonymous visitor that fetches every public URL it can reach and reads every response.

From its seeds it follows every same-site link: ``href`` and ``src`` in HTML, every URL in
JSON (``url`` fields, ``next`` pages), XML (sitemaps, feeds) and iCalendar. Each response is
read as a person or program would read it (HTML and XML unescaped, JSON decoded, iCalendar
unfolded, a PDF's text extracted), its headers too, and searched for secret words.
"""

from __future__ import annotations

import html
import io
import json
import re
import time
from collections import Counter, deque
from dataclasses import dataclass, field
from urllib.parse import unquote_plus, urlencode, urljoin, urlsplit

import pypdfium2 as pdfium
from django.urls import Resolver404, resolve

from tests.security.markers import zqx_words

HOST = "testserver"
ALLOWED_STATUS = {200, 301, 302, 404}
SKIPPED_PREFIXES = ("/static/", "/media/")
QUERY_VARIANTS = 12  # distinct query strings followed per path
ROUTE_CAPS = {"meeting-calendar": 40}  # months reached by "previous" / "next" links
BROWSABLE_PER_ROUTE = 3  # API pages also fetched as the browsable HTML API

_HTML_LINK = re.compile(r"""(?:href|src|action)\s*=\s*["']([^"']*)["']""", re.I)
_ABSOLUTE = re.compile(r"https?://" + re.escape(HOST) + r"""(/[^\s"'<>\\]*)?""")
_ICS_FOLD = re.compile(r"\r?\n[ \t]")
_ICS_ESCAPE = re.compile(r"\\([\\;,nN])")


@dataclass
class Visit:
    url: str
    kind: str
    source: str
    status: int
    seconds: float


@dataclass
class Crawl:
    """What a crawl saw: every visit, the secrets each URL showed, and any bad status."""

    visits: list[Visit] = field(default_factory=list)
    leaks: dict[str, set[str]] = field(default_factory=dict)  # url: zqx words shown
    bad_status: dict[str, str] = field(default_factory=dict)  # url: status and referrer
    unreadable: list[str] = field(default_factory=list)
    search_counts: dict[str, int] = field(default_factory=dict)  # /api/search url: count
    via: dict[str, str] = field(default_factory=dict)  # url: the page that linked to it
    schema_paths: list[str] = field(default_factory=list)
    unfilled: list[str] = field(default_factory=list)  # schema paths with no values to try

    def by_kind(self) -> Counter:
        return Counter(visit.kind for visit in self.visits)

    def by_source(self) -> Counter:
        return Counter(visit.source for visit in self.visits)

    def seconds_by_kind(self) -> dict[str, float]:
        spent: Counter = Counter()
        for visit in self.visits:
            spent[visit.kind] += visit.seconds
        return {kind: round(seconds, 1) for kind, seconds in sorted(spent.items())}


def kind_of(path: str) -> str:
    if path == "/sitemap.xml":
        return "sitemap"
    if path == "/robots.txt":
        return "robots"
    if path.startswith("/feeds/"):
        return "ical" if path.endswith(".ics") else "feed"
    if path.startswith("/api/schema"):
        return "schema"
    if path.startswith("/api/search"):
        return "api search"
    if path.startswith(("/api/docs", "/api/redoc")):
        return "api docs"
    if path.startswith("/api/"):
        return "api"
    if path.startswith("/search/"):
        return "search page"
    if path.startswith("/open-data/"):
        return "export"
    if re.fullmatch(r"/documents/\d+/pdf/", path):
        return "pdf"
    return "html"


def local(link: str, base: str) -> str | None:
    """``link`` as a path and query on this site, or None when it leaves the site."""
    parts = urlsplit(urljoin(f"http://{HOST}{base}", link.strip()))
    if parts.scheme not in ("http", "https") or parts.netloc != HOST:
        return None
    if parts.path.startswith(SKIPPED_PREFIXES):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _route(path: str) -> str | None:
    try:
        return resolve(path).url_name
    except Resolver404:
        return None


def pdf_text(body: bytes) -> str:
    pdf = pdfium.PdfDocument(io.BytesIO(body))
    try:
        # All of each page's text, even any set beyond the edge of the page.
        pages = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
        metadata = " ".join(str(value) for value in pdf.get_metadata_dict().values())
    finally:
        pdf.close()
    return "\n".join([*pages, metadata])


def ics_text(text: str) -> str:
    return _ICS_ESCAPE.sub(lambda m: "\n" if m[1] in "nN" else m[1], _ICS_FOLD.sub("", text))


def _json_strings(value, keys: bool = True):
    """Every string in decoded JSON; with ``keys``, the object keys too."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, inner in value.items():
            if keys:
                yield str(key)
            yield from _json_strings(inner, keys)
    elif isinstance(value, list):
        for inner in value:
            yield from _json_strings(inner, keys)


def read(content_type: str, body: bytes) -> tuple[str, list[str], object]:
    """(the text a reader sees, the links in it, the decoded JSON if any)."""
    raw = body.decode("utf-8", errors="replace")
    if content_type == "application/pdf":
        return pdf_text(body) + "\n" + body.decode("latin-1"), [], None
    if "json" in content_type:
        data = json.loads(body)
        strings = list(_json_strings(data))
        values = _json_strings(data, keys=False)
        links = [s for s in values if s.startswith(("/", f"http://{HOST}/"))]
        return raw + "\n" + "\n".join(strings), links, data
    if content_type == "text/calendar":
        text = ics_text(raw)
        return text, [m[0] for m in _ABSOLUTE.finditer(text)], None
    if content_type == "text/html":
        links = [html.unescape(link) for link in _HTML_LINK.findall(raw)]
        return html.unescape(raw), links, None
    text = html.unescape(raw)  # XML (sitemap, RSS, Atom), YAML, plain text
    links = [m[0] for m in _ABSOLUTE.finditer(text)]
    links += [html.unescape(link) for link in _HTML_LINK.findall(raw)]
    return text, links, None


class Crawler:
    def __init__(self, client, *, max_urls: int = 6000, max_depth: int = 1000) -> None:
        self.client = client
        self.max_urls = max_urls
        self.max_depth = max_depth  # links followed from a seed
        self.crawl = Crawl()
        self.queue: deque[tuple[str, str, bool, int]] = deque()
        self.seen: set[tuple[str, bool]] = set()
        self.variants: Counter = Counter()
        self.routes: Counter = Counter()
        self.browsable: Counter = Counter()
        self.schema_values: dict[str, list[str]] = {}
        self.schema_queries: dict[str, list[str]] = {}

    # -- the frontier ----------------------------------------------------------------------
    def add(self, url: str, source="link", *, browsable=False, capped=False, depth=0, via=""):
        """Queue a URL once; only links found in pages are held to the caps."""
        if (url, browsable) in self.seen or depth > self.max_depth:
            return
        path, _, query = url.partition("?")
        if capped:
            if query:
                if self.variants[path] >= QUERY_VARIANTS:
                    return
                self.variants[path] += 1
            route = _route(path)
            if route in ROUTE_CAPS:
                if self.routes[route] >= ROUTE_CAPS[route]:
                    return
                self.routes[route] += 1
        self.seen.add((url, browsable))
        self.queue.append((url, source, browsable, depth))
        if via:
            self.crawl.via[url] = via

    def run(self) -> Crawl:
        while self.queue:
            assert len(self.crawl.visits) < self.max_urls, "the crawl does not end"
            self.visit(*self.queue.popleft())
        return self.crawl

    # -- one URL ---------------------------------------------------------------------------
    def visit(self, url: str, source: str, browsable: bool, depth: int) -> None:
        headers = {"HTTP_ACCEPT": "text/html"} if browsable else {}
        started = time.monotonic()
        response = self.client.get(url, **headers)
        # The test client closes the response once read (a second close() would end the
        # test's database connection on PostgreSQL).
        body = b"".join(response.streaming_content) if response.streaming else response.content
        path = url.partition("?")[0]
        kind = "api browsable" if browsable else kind_of(path)
        seconds = time.monotonic() - started
        self.crawl.visits.append(Visit(url, kind, source, response.status_code, seconds))
        if response.status_code not in ALLOWED_STATUS:
            self.crawl.bad_status[url] = f"{response.status_code} via {self.crawl.via.get(url)}"
        content_type = response.get("Content-Type", "").partition(";")[0].strip()
        try:
            text, links, data = read(content_type, body)
        except Exception as exc:  # noqa: BLE001 - an unreadable body is a finding, not a crash
            self.crawl.unreadable.append(f"{url}: {content_type}: {exc!r}")
            text, links, data = body.decode("latin-1"), [], None
        headers_text = "\n".join(f"{k}: {v}" for k, v in response.items())
        shown = zqx_words(text + "\n" + headers_text) - zqx_words(unquote_plus(url))
        if shown:
            self.crawl.leaks.setdefault(url, set()).update(shown)
        if location := response.get("Location"):
            links.append(location)
        if browsable:
            return
        for link in links:
            if (found := local(link, path)) is not None:
                self.add(found, "link", capped=True, depth=depth + 1, via=url)
        self.after(url, kind, data, depth)

    def after(self, url: str, kind: str, data, depth: int) -> None:
        if kind == "api search" and isinstance(data, dict) and "count" in data:
            self.crawl.search_counts[url] = data["count"]
        if kind == "api":
            route = _route(url.partition("?")[0])
            if self.browsable[route] < BROWSABLE_PER_ROUTE:
                self.browsable[route] += 1
                self.add(url, "browsable", browsable=True, depth=depth)
        if kind == "schema" and isinstance(data, dict) and "paths" in data:
            self.expand_schema(data, depth + 1)

    # -- the OpenAPI schema ----------------------------------------------------------------
    def fill_schema(self, values: dict[str, list[str]], queries: dict[str, list[str]]) -> None:
        """Values to try: for a path's ``{param}`` by the resource named before it, and for
        a list's query parameters by name."""
        self.schema_values, self.schema_queries = values, queries

    def expand_schema(self, schema: dict, depth: int) -> None:
        for template, operations in schema["paths"].items():
            if "get" not in operations:
                continue
            self.crawl.schema_paths.append(template)
            params = re.findall(r"\{(\w+)\}", template)
            if not params:
                self.expand_queries(template, operations["get"], depth)
                continue
            resource = template.split("/{")[0].rstrip("/").rsplit("/", 1)[-1]
            values = self.schema_values.get(resource, [])
            if len(params) != 1 or not values:
                self.crawl.unfilled.append(template)
                continue
            for value in values:
                filled = template.replace(f"{{{params[0]}}}", str(value))
                self.add(filled, "schema path", depth=depth)

    def expand_queries(self, template: str, operation: dict, depth: int) -> None:
        """A list as it is, then with each value of each query parameter there are values for."""
        parameters = [p for p in operation.get("parameters", []) if p["in"] == "query"]
        base = {}
        for parameter in parameters:
            if parameter.get("required"):
                values = self.schema_queries.get(parameter["name"])
                if not values:
                    self.crawl.unfilled.append(f"{template}?{parameter['name']}=")
                    return
                base[parameter["name"]] = values[0]
        self.add(f"{template}?{urlencode(base)}" if base else template, "schema", depth=depth)
        for parameter in parameters:
            for value in self.schema_queries.get(parameter["name"], []):
                query = urlencode({**base, parameter["name"]: value})
                self.add(f"{template}?{query}", "schema query", depth=depth)


def search_urls(words: list[str]) -> list[str]:
    return [
        f"{path}?{urlencode({'q': word})}" for word in words for path in ("/search/", "/api/search")
    ]
