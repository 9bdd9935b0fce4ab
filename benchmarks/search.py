"""Search latency on a synthetic archive built from the sample and real papers' text.

    uv run python benchmarks/search.py --database postgres://postgres@127.0.0.1:5432/bench \
        --pages 1000000
    uv run python benchmarks/search.py --database sqlite:////tmp/bench.sqlite3 --pages 200000

Ingests the sample and real text papers (tests/search/conftest.py; the real ones from the
shared folder) into the (scratch!) database, then multiplies their pages into an archive
of ``--pages`` pages over 20 committees and 20 years (each page a real page with a street name
and a few varied words added, so rare words exist as residents search for them),
with agenda items (some exempt, with their pages withheld) and resolutions. Then it times at
least 200 ``GET /api/search`` requests of mixed kinds through the Django test client, warm,
and prints p50/p95/p99 per kind; and times the naive approach (the vector computed at query
time, no stored column or index; on SQLite a LIKE scan) on a 50,000-page slice, with the
ratio of its median to the indexed median for the same words.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SYLLABLES = [
    "ash",
    "elm",
    "oak",
    "bir",
    "ham",
    "wick",
    "ford",
    "ley",
    "ton",
    "bury",
    "combe",
    "dean",
    "holt",
    "field",
    "mere",
    "stow",
]
ROADS = ["Road", "Lane", "Close", "Street", "Avenue", "Way"]
PAGES_PER_DOCUMENT = 50
ITEMS_PER_MEETING = 10


def setup(database: str, media: str) -> None:
    os.environ["DATABASE_URL"] = database
    os.environ.setdefault("MEDIA_ROOT", media)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    os.environ.setdefault("DEBUG", "0")
    os.environ.setdefault("SECRET_KEY", "benchmark-only-" + "x" * 40)
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def street(rng: random.Random) -> str:
    name = "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()
    return f"{name} {rng.choice(ROADS)}"


class ArchiveBuilder:
    def __init__(self, pages: int, seed: int = 1) -> None:
        self.pages = pages
        self.rng = random.Random(seed)

    def build(self) -> None:
        from django.db import connection

        from documents.importer import Importer, IngestOptions
        from documents.models import Page
        from meetings.models import AgendaItem, Resolution
        from tests.search.conftest import TEXT_PAPERS
        from tests.shared_papers import paper

        if Page.objects.count() >= self.pages:
            print(f"archive present: {Page.objects.count():,} pages")
            return
        started = time.perf_counter()
        list(
            Importer(IngestOptions(isolate=False, ocr=False)).ingest(paper(n) for n in TEXT_PAPERS)
        )
        texts = [t[:1800] for t in Page.objects.values_list("text", flat=True) if len(t) > 200]
        titles = list(AgendaItem.objects.values_list("title", flat=True))
        narratives = [n for n in AgendaItem.objects.values_list("narrative", flat=True) if n]
        words = sorted({w for t in texts for w in t.split() if w.isalpha() and len(w) > 4})
        resolutions = list(Resolution.objects.values_list("text", flat=True))
        vendor = connection.vendor
        with connection.cursor() as cursor:
            if vendor == "postgresql":
                cursor.execute("DROP INDEX IF EXISTS documents_page_search_gin")
            self._insert(cursor, vendor, texts, titles, narratives, words, resolutions)
            if vendor == "postgresql":
                cursor.execute("SET maintenance_work_mem = '1GB'")
                cursor.execute(
                    "CREATE INDEX documents_page_search_gin ON documents_page USING gin "
                    "(search_vector)"
                )
                cursor.execute("VACUUM ANALYZE")
            else:
                cursor.execute("ANALYZE")
        print(f"built {self.pages:,} pages in {time.perf_counter() - started:.0f}s")

    def _insert(self, cursor, vendor, texts, titles, narratives, words, resolutions) -> None:
        rng = self.rng
        meetings_needed = self.pages // (PAGES_PER_DOCUMENT * 5) + 1
        committees = [f"Synthetic {n} Committee" for n in range(20)]
        cursor.execute("SELECT coalesce(max(id), 0) FROM meetings_committee")
        for name in committees:
            cursor.execute(
                "INSERT INTO meetings_committee (name, slug, purpose, is_active, created, updated)"
                " VALUES (%s, %s, '', true, now(), now())"
                if vendor == "postgresql"
                else "INSERT INTO meetings_committee (name, slug, purpose, is_active, created,"
                " updated) VALUES (%s, %s, '', 1, datetime('now'), datetime('now'))",
                [name, name.lower().replace(" ", "-")],
            )
        cursor.execute("SELECT id FROM meetings_committee WHERE name LIKE 'Synthetic %%'")
        committee_ids = [row[0] for row in cursor.fetchall()]
        first = dt.date(2005, 1, 1)
        span = (dt.date(2025, 12, 31) - first).days
        dates = sorted(
            first + dt.timedelta(days=rng.randrange(span)) for _ in range(meetings_needed)
        )
        from django.utils import timezone

        from documents.models import Document, Page, PageRange
        from meetings.models import AgendaItem, Meeting, Resolution

        now = timezone.now()
        pages_done, sha = 0, 0
        for index, date in enumerate(dates):
            meeting = Meeting.objects.create(
                committee_id=committee_ids[index % 20],
                date=date,
                start_time=dt.time(10, 0, index % 60),
                status="held",
                is_published=True,
                url_key=f"{date.isoformat()}-{index}",
            )
            items = [
                AgendaItem(
                    meeting=meeting,
                    order=n,
                    slug=str(n),
                    number=str(n),
                    title=f"{rng.choice(titles)} {rng.choice(words)}",
                    narrative=rng.choice(narratives) if narratives else "",
                    exempt=rng.random() < 0.03,
                )
                for n in range(1, ITEMS_PER_MEETING + 1)
            ]
            AgendaItem.objects.bulk_create(items)
            Resolution.objects.bulk_create(
                Resolution(item=item, order=1, text=rng.choice(resolutions)) for item in items
            )
            for _ in range(5):
                if pages_done >= self.pages:
                    break
                sha += 1
                document = Document.objects.create(
                    meeting=meeting,
                    kind="agenda-pack",
                    title="Agenda reports pack",
                    file="papers/bench.pdf",
                    sha256=f"{sha:064x}",
                    size=1,
                    page_count=PAGES_PER_DOCUMENT,
                    is_published=True,
                    published_at=now,
                )
                Page.objects.bulk_create(
                    Page(
                        document=document,
                        number=n,
                        text=f"{rng.choice(texts)} {street(rng)} {' '.join(rng.sample(words, 3))}",
                    )
                    for n in range(1, PAGES_PER_DOCUMENT + 1)
                )
                exempt = [i for i in items if i.exempt]
                if exempt:
                    PageRange.objects.create(item=exempt[0], document=document, start=48, end=50)
                pages_done += PAGES_PER_DOCUMENT
            if index % 200 == 0:
                print(f"  {pages_done:,} pages", flush=True)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def queries(rng: random.Random) -> list[tuple[str, dict]]:
    from django.db.models import Max, Min

    from meetings.models import Committee, Meeting

    bounds = Meeting.objects.aggregate(low=Min("date"), high=Max("date"))
    committees = list(
        Committee.objects.filter(name__startswith="Synthetic").values_list("slug", flat=True)
    )
    common = ["council", "report", "council report", "meeting", "committee", "the council report"]
    mid = [
        "fostering",
        "defibrillator",
        "budget",
        "planning",
        "education",
        "autism",
        "hubs",
        "waste",
    ]
    phrases = [
        '"family hubs"',
        '"foster carers"',
        '"minerals and waste"',
        '"local plan"',
        '"parish council"',
    ]
    out: list[tuple[str, dict]] = []
    for _ in range(50):
        out.append(("rare", {"q": street(rng)}))
    for _ in range(40):
        out.append(("common", {"q": rng.choice(common)}))
    for _ in range(40):
        out.append(("mid", {"q": rng.choice(mid)}))
    for _ in range(40):
        out.append(("phrase", {"q": rng.choice(phrases)}))
    for _ in range(40):
        year = rng.randrange(bounds["low"].year, bounds["high"].year - 3)
        out.append(
            (
                "filtered",
                {
                    "q": rng.choice(common + mid),
                    "committee": rng.choice(committees),
                    "from": f"{year}-01-01",
                    "to": f"{year + 4}-12-31",
                },
            )
        )
    return out


def time_requests(plan) -> dict[str, list[float]]:
    from django.test import Client

    client = Client()
    for _, params in plan[:20]:  # warm up
        client.get("/api/search", params, secure=True)
    timings: dict[str, list[float]] = {}
    for kind, params in plan:
        started = time.perf_counter()
        response = client.get("/api/search", params, secure=True)
        elapsed = (time.perf_counter() - started) * 1000
        assert response.status_code == 200, (params, response.content[:200])
        timings.setdefault(kind, []).append(elapsed)
    return timings


def naive(words: list[str], slice_pages: int) -> float:
    """Median ms to rank a word over ``slice_pages`` pages with nothing stored or indexed."""
    from django.db import connection

    times = []
    with connection.cursor() as cursor:
        cursor.execute("SELECT min(id) FROM documents_page")
        low = cursor.fetchone()[0]
        for word in words:
            started = time.perf_counter()
            if connection.vendor == "postgresql":
                cursor.execute(
                    "SELECT id, ts_rank_cd(to_tsvector('english', text), q) AS r"
                    " FROM documents_page, plainto_tsquery('english', %s) q"
                    " WHERE id < %s AND to_tsvector('english', text) @@ q ORDER BY r DESC LIMIT 20",
                    [word, low + slice_pages],
                )
            else:
                cursor.execute(  # no index at all: every page's text is scanned
                    "SELECT count(*) FROM documents_page WHERE id < %s AND lower(text) LIKE %s",
                    [low + slice_pages, f"%{word}%"],
                )
            cursor.fetchall()
            times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", required=True, help="a scratch database URL")
    parser.add_argument("--pages", type=int, default=200_000)
    parser.add_argument("--naive-slice", type=int, default=50_000)
    parser.add_argument("--media", default="/tmp/bench-search-media")
    args = parser.parse_args()
    setup(args.database, args.media)
    from django.db import connection

    ArchiveBuilder(args.pages).build()
    plan = queries(random.Random(7))
    timings = time_requests(plan)
    print(f"\n{connection.vendor}, {args.pages:,} pages, {len(plan)} requests (ms)")
    print(f"{'kind':<10}{'n':>5}{'p50':>9}{'p95':>9}{'p99':>9}")
    for kind, values in timings.items():
        print(
            f"{kind:<10}{len(values):>5}{percentile(values, 50):>9.1f}"
            f"{percentile(values, 95):>9.1f}{percentile(values, 99):>9.1f}"
        )
    words = ["council", "fostering", "defibrillator"]
    naive_ms = naive(words, args.naive_slice)
    indexed = time_requests([("naive-words", {"q": w}) for w in words] * 3)["naive-words"]
    indexed_ms = statistics.median(indexed)
    print(
        f"naive ({args.naive_slice:,}-page slice) median {naive_ms:.0f} ms; indexed, whole"
        f" archive, median {indexed_ms:.1f} ms; ratio {naive_ms / indexed_ms:.0f}x"
    )


if __name__ == "__main__":
    main()
