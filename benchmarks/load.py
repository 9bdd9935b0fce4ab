"""Throughput under load: gunicorn, two workers, PostgreSQL, Redis, many clients at once (wrk).

    sudo apt-get install wrk
    uv run python benchmarks/load.py [--duration 60] [--connections 50] [--threads 2]
        [--server postgres://postgres@127.0.0.1:5432] [--workers 2]
        [--cache redis://127.0.0.1:6379/2] [--publish-every 3]

Creates a scratch database, ``bench_load``, on the server (dropping a leftover one), migrates
it and ingests what ``manage.py demo`` loads, published: the Dorset sample papers in
tests/fixtures/papers and the invented Eastmere District Council's archive. It collects the
static files into a temporary folder and starts gunicorn (``portal.wsgi``, ``--workers 2``,
DEBUG off, access log on, as the Dockerfile runs it) on a free loopback port.

The public page cache is Redis (``--cache``; that Redis database is emptied first, so give
it one of its own). Every URL of the mix is fetched once, alone, with the cache empty: each
must answer 200 without a redirect, and the median time of a lone request of each kind is
printed (rendered afresh), then again (sent from the cache). Then wrk keeps
``--connections`` clients busy for ``--duration`` seconds with a mix drawn from the
database: search (the page and /api/search: common, rarer and phrase queries, some filtered
by committee), meeting pages, agenda item pages, paper (document) pages, and a few of the
home page, decisions, calendar and lists. Four runs:

- cold: the mix starting from an empty cache;
- warm: the mix again, every URL of it in the cache;
- ceiling: /robots.txt, a Django view that renders a small template and touches no database
  or cache (through every middleware, as any page);
- publishing: the warm mix while staff correct an item and publish or unpublish a meeting
  every ``--publish-every`` seconds (benchmarks/publisher.py; that meeting's pages are left
  out of the mix, as they answer 404 while it is unpublished); after each commit the pages
  it changed are fetched at once and any that does not show the change is counted stale.

It prints requests per second, p50, p99, the count of non-2xx responses (which must be zero)
and the share of cache hits for each, the warm mix's ratios to the ceiling and the stale
count; then the database, gunicorn and the temporary folder are removed, also after a
failure or Ctrl-C. The exit status is 1 when any response was not 2xx, any request failed or
any response was stale.
"""

from __future__ import annotations

import argparse
import collections
import http.client
import json
import os
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PAPERS = ROOT / "tests" / "fixtures" / "papers"
DATABASE = "bench_load"
CEILING = "/robots.txt"
# Shares of the mix, in per cent.
WEIGHTS = {"search": 30, "meeting": 25, "item": 20, "document": 20, "other": 5}

from benchmarks import wrk  # noqa: E402
from benchmarks.publisher import Publisher  # noqa: E402


def admin_sql(server: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(sql)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def environment(database_url: str, scratch: Path, port: int, cache_url: str) -> dict[str, str]:
    return dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="portal.settings",
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(scratch / "papers"),
        STATIC_ROOT=str(scratch / "static"),
        DATA_DIR=str(scratch / "data"),
        STAFF_UPLOAD_DIR=str(scratch / "incoming"),
        DEBUG="0",
        SECRET_KEY="benchmark-only-" + "k" * 50,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        PORTAL_BASE_URL=f"http://127.0.0.1:{port}",
        SECURE_SSL_REDIRECT="0",  # plain HTTP on the loopback
        SECURE_HSTS_SECONDS="0",
        LOG_LEVEL="WARNING",
        CACHE_URL=cache_url,
    )


def manage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )


def checked(done: subprocess.CompletedProcess) -> str:
    if done.returncode != 0:
        raise SystemExit(f"failed: {' '.join(done.args[1:])}\n{done.stdout}{done.stderr}")
    return done.stdout


def load_papers(env: dict[str, str]) -> None:
    """What ``manage.py demo`` loads, published: the Dorset sample papers and the papers of
    the invented Eastmere District Council (portal/demo/eastmere.py), written to a
    temporary folder."""
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="eastmere-") as folder:
        checked(manage(env, "eastmere_archive", folder))
        done = manage(env, "ingest", "--json", "--workers", "2", str(PAPERS), folder)
    results = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    if not results or any(r["status"] == "failed" for r in results):
        checked(done)
        raise SystemExit(f"papers failed: {[r for r in results if r['status'] == 'failed']}")
    ok = [r for r in results if r["status"] == "ok"]
    pages = sum(r["pages"] for r in ok)
    print(
        f"ingested {len(ok)} of {len(results)} papers ({pages:,} pages)"
        f" in {time.perf_counter() - started:.0f}s"
    )


def search_queries(rng: random.Random) -> list[dict[str, str]]:
    """Words residents type, taken from the papers: common, mid and rare words, phrases."""
    from documents.models import Page
    from meetings.models import AgendaItem, Committee

    counts: collections.Counter[str] = collections.Counter()
    for text in Page.objects.public().values_list("text", flat=True).iterator():
        counts.update(set(re.findall(r"[a-z]{6,}", text.lower())))
    ranked = [word for word, _ in counts.most_common()]
    common, mid = ranked[:15], ranked[len(ranked) // 20 : len(ranked) // 5]
    rare = [word for word, n in counts.items() if n == 2]
    titles = [
        re.findall(r"[A-Za-z]{4,}", t)
        for t in AgendaItem.objects.public().filter(exempt=False).values_list("title", flat=True)
    ]
    phrases = [f'"{" ".join(words[:2])}"' for words in titles if len(words) >= 2]
    committees = list(Committee.objects.with_public_meetings().values_list("slug", flat=True))
    queries = [{"q": rng.choice(common)} for _ in range(6)]
    queries += [{"q": rng.choice(mid)} for _ in range(8)]
    queries += [{"q": rng.choice(rare)} for _ in range(6)]
    queries += [{"q": f"{rng.choice(common)} {rng.choice(mid)}"} for _ in range(4)]
    queries += [{"q": rng.choice(phrases)} for _ in range(4)]
    queries += [{"q": rng.choice(common), "committee": rng.choice(committees)} for _ in range(4)]
    return queries


def url_mix(rng: random.Random, size: int = 2000) -> tuple[dict[str, list[str]], list[str]]:
    """Distinct URLs by kind, and ``size`` of them drawn by the kinds' shares."""
    from django.urls import reverse

    from documents.models import Document
    from meetings.models import AgendaItem, Meeting

    meetings = Meeting.objects.published().select_related("committee")
    items = AgendaItem.objects.public().select_related("meeting__committee")
    queries = search_queries(rng)
    kinds = {
        "search": [f"{reverse('search')}?{urlencode(q)}" for q in queries]
        + [f"{reverse('api-search')}?{urlencode(q)}" for q in queries],
        "meeting": [m.get_absolute_url() for m in meetings],
        "item": [i.get_absolute_url() for i in items],
        "document": [d.get_absolute_url() for d in Document.objects.public()],
        "other": [
            reverse(name)
            for name in (
                "home",
                "decision-list",
                "meeting-calendar-current",
                "meeting-list",
                "committee-list",
            )
        ],
    }
    drawn = [
        rng.choice(kinds[kind])
        for kind, share in WEIGHTS.items()
        for _ in range(size * share // 100)
    ]
    rng.shuffle(drawn)
    return kinds, drawn


def get(port: int, path: str) -> tuple[int, int]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, len(response.read())
    finally:
        connection.close()


def wait_for_health(port: int, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"gunicorn exited ({server.returncode}):\n{log.read_text()}")
        try:
            if get(port, "/health/")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise SystemExit(f"gunicorn did not answer /health/ within 60s:\n{log.read_text()}")


def preflight(port: int, kinds: dict[str, list[str]], label: str) -> list[str]:
    """Fetch every URL once, alone; report non-200s and the median time of one request of
    each kind, with nothing else running."""
    problems, medians = [], []
    for kind, paths in kinds.items():
        times = []
        for path in paths:
            started = time.perf_counter()
            status, _ = get(port, path)
            times.append((time.perf_counter() - started) * 1000)
            if status != 200:
                problems.append(f"{status} {kind} {path}")
        medians.append(f"{kind} {statistics.median(times):.0f}")
    print(f"one request at a time, {label}, median ms: " + ", ".join(medians))
    return problems


def non_2xx_in_log(log: Path, offset: int, limit: int = 10) -> list[str]:
    seen: collections.Counter[str] = collections.Counter()
    with log.open("rb") as handle:
        handle.seek(offset)
        lines = handle.read().decode(errors="replace").splitlines()
    for line in lines:
        status, _, request = line.partition(" ")
        request = request.rsplit(" ", 1)[0]  # less the cache's answer
        if status.isdigit() and not status.startswith("2"):
            seen[f"{status} {request}"] += 1
    return [f"{n:>6}x {what}" for what, n in seen.most_common(limit)]


def hit_share(log: Path, offset: int) -> float:
    """The share of responses in the access log since ``offset`` sent from the cache."""
    with log.open("rb") as handle:
        handle.seek(offset)
        answers = [line.rsplit(" ", 1)[-1] for line in handle.read().decode().splitlines()]
    return answers.count("hit") / max(len(answers), 1)


def stop(server: subprocess.Popen | None) -> None:
    if server is None or server.poll() is not None:
        return
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()


def report(results: dict[str, wrk.Result], hits: dict[str, float], args, distinct: int) -> None:
    print(
        f"\n{args.connections} connections, {args.threads} wrk threads, {args.duration}s each,"
        f" gunicorn --workers {args.workers}, cache {args.cache}"
    )
    print(
        f"{'':<30}{'requests':>9}{'req/s':>9}{'p50 ms':>9}{'p90 ms':>9}{'p99 ms':>9}"
        f"{'max ms':>9}{'non-2xx':>9}{'errors':>8}{'hits':>7}"
    )
    labels = {
        "cold": f"cold mix ({distinct} URLs)",
        "warm": "warm mix",
        "ceiling": f"ceiling {CEILING}",
        "publishing": "warm mix, staff publishing",
    }
    for name, r in results.items():
        print(
            f"{labels[name]:<30}{r.requests:>9,}{r.rps:>9.1f}{r.p50_ms:>9.1f}{r.p90_ms:>9.1f}"
            f"{r.p99_ms:>9.1f}{r.max_ms:>9.1f}{r.non_2xx:>9}{sum(r.socket_errors.values()):>8}"
            f"{hits.get(name, 0):>7.0%}"
        )
        if r.non_2xx or any(r.socket_errors.values()):
            print(f"    {name}: non-2xx by class {r.by_class}, socket errors {r.socket_errors}")
    ceiling = results["ceiling"]
    for name in ("cold", "warm", "publishing"):
        if name in results and ceiling.rps:
            mix = results[name]
            print(
                f"{name} / ceiling: {mix.rps / ceiling.rps:.2f} of the requests per second,"
                f" p50 {mix.p50_ms / max(ceiling.p50_ms, 0.001):.1f}x,"
                f" p99 {mix.p99_ms / max(ceiling.p99_ms, 0.001):.1f}x"
            )


def start_server(args, env: dict[str, str], scratch: Path, port: int) -> Path:
    access = scratch / "access.log"
    log = scratch / "gunicorn.log"
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "portal.wsgi:application",
        f"--bind=127.0.0.1:{port}",
        f"--workers={args.workers}",
        "--timeout=60",
        f"--access-logfile={access}",
        "--access-logformat=%(s)s %(m)s %(U)s%(q)s %({x-public-cache}o)s",
        f"--error-logfile={log}",
    ]
    server = subprocess.Popen(command, env=env, cwd=ROOT, start_new_session=True)
    args.server_process = server
    wait_for_health(port, server, log)
    return access


def publishing_subjects(kinds: dict[str, list[str]]):
    """An item of the mix to correct, and another meeting (with its pages, left out of the
    mix for that run) to unpublish and publish again."""
    from documents.models import Document
    from meetings.models import AgendaItem, Meeting

    items = AgendaItem.objects.public().filter(exempt=False, parent__isnull=True)
    item = items.select_related("meeting__committee").order_by("pk").first()
    meeting = (
        Meeting.objects.published()
        .exclude(pk=item.meeting_id)
        .select_related("committee")
        .order_by("-date")
        .first()
    )
    gone = [meeting.get_absolute_url()]
    gone += [d.get_absolute_url() for d in Document.objects.filter(meeting=meeting)]
    return item, meeting, tuple(gone)


def benchmark(args, scratch: Path) -> int:
    import redis

    port = free_port()
    database_url = f"{args.server}/{DATABASE}"
    env = environment(database_url, scratch, port, args.cache)
    cache = redis.Redis.from_url(args.cache)
    admin_sql(args.server, f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
    admin_sql(args.server, f"CREATE DATABASE {DATABASE}")
    checked(manage(env, "migrate", "--noinput", "-v", "0"))
    load_papers(env)
    checked(manage(env, "collectstatic", "--noinput", "-v", "0"))

    os.environ.update(env)
    import django

    django.setup()
    from django.db import connections

    kinds, drawn = url_mix(random.Random(args.seed))
    item, meeting, gone = publishing_subjects(kinds)
    connections.close_all()
    distinct = sum(len(paths) for paths in kinds.values())
    print("mix: " + ", ".join(f"{k} {WEIGHTS[k]}% ({len(v)} URLs)" for k, v in kinds.items()))

    cache.flushdb()
    access = start_server(args, env, scratch, port)
    started = time.perf_counter()
    problems = preflight(port, kinds, "rendered afresh")
    preflight(port, kinds, "from the cache")
    print(f"fetched every URL twice in {time.perf_counter() - started:.0f}s")
    for line in problems:
        print(f"  not 200: {line}")

    base = f"http://127.0.0.1:{port}"
    options = {"duration": args.duration, "connections": args.connections, "threads": args.threads}
    results, hits, logs = {}, {}, {}

    def measure(name, paths, during=None):
        offset = access.stat().st_size
        if during:
            during.start()
        results[name] = wrk.run(base, paths, scratch, name=name, **options)
        if during:
            during.stop()
        hits[name] = hit_share(access, offset)
        logs[name] = non_2xx_in_log(access, offset)

    cache.flushdb()
    measure("cold", drawn)
    preflight(port, kinds, "filling the cache")
    measure("warm", drawn)
    measure("ceiling", [CEILING])
    publisher = Publisher(port, item.pk, meeting.pk, interval=args.publish_every)
    measure("publishing", [p for p in drawn if not p.startswith(gone)], publisher)
    if args.verbose:
        for name, result in results.items():
            print(f"\nwrk's report ({name}):\n{result.report}")
    report(results, hits, args, distinct)
    for name, lines in logs.items():
        if lines and name != "publishing":
            print(f"non-2xx in the access log during {name} (most frequent first):")
            print("\n".join(lines))
    print(
        f"publishing: {publisher.changes} changes committed ({item.get_absolute_url()} retitled,"
        f" {meeting.get_absolute_url()} unpublished and published in turn),"
        f" {publisher.checks} pages fetched right after, {len(publisher.stale)} stale"
    )
    for line in publisher.stale[:10]:
        print(f"  stale: {line}")
    failed = any(r.non_2xx or any(r.socket_errors.values()) for r in results.values())
    return 1 if failed or problems or publisher.stale else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=60, help="seconds per run")
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--server", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--cache", default="redis://127.0.0.1:6379/2", help="emptied first")
    parser.add_argument("--publish-every", type=float, default=3.0, help="seconds")
    parser.add_argument("--verbose", action="store_true", help="also print wrk's own reports")
    args = parser.parse_args()
    if wrk.wrk_path() is None:
        raise SystemExit(wrk.INSTALL_HINT)
    print(f"{wrk.version()}; database {DATABASE} on {args.server}")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # tidy up as for Ctrl-C
    args.server_process = None
    status = 1
    with tempfile.TemporaryDirectory(prefix="bench-load-") as tmp:
        try:
            status = benchmark(args, Path(tmp))
        except KeyboardInterrupt:
            print("interrupted; tidying up")
            status = 130
        finally:
            for number in (signal.SIGINT, signal.SIGTERM):  # a second Ctrl-C must not stop this
                signal.signal(number, signal.SIG_IGN)
            stop(args.server_process)
            try:
                from django.db import connections

                connections.close_all()
            except Exception:  # noqa: BLE001 - Django may never have been set up
                pass
            admin_sql(args.server, f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
            print(f"removed {DATABASE}, the papers and static files; gunicorn stopped")
    sys.exit(status)


if __name__ == "__main__":
    main()
