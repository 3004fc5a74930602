"""Machinery shared by the benchmarks of this folder (news.py, documents.py).

A benchmark describes itself with a ``Benchmark`` (how to populate, what to check, which
URLs each phase requests) and hands it to ``run``, which does the rest the same way for
every page measured: an isolated temporary directory and fresh PostgreSQL database,
production settings through a two-line settings module, collectstatic, migrate, the
benchmark's own ``--populate`` in a subprocess, gunicorn restarted for each mode
(``cached`` as shipped, ``uncached`` with ``PORTAL_PAGE_CACHE_SECONDS=0``), a threaded
http.client load generator with CPU accounting, and the summary table.

The populate helpers (``django_setup``, ``create_district``, ``bulk_add_children``) run in
the child process, where Django is set up; nothing here imports Django at module level.
"""

import argparse
import contextlib
import http.client
import json
import os
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
HOST = "127.0.0.1"
WORKERS = 4
WARMUP_SECONDS = 2.0
PRIME_SECONDS = 120.0
MODES = ("cached", "uncached")

SCRUBBED_ENV = (
    "DATABASE_URL",
    "REDIS_URL",
    "CACHE_KEY_PREFIX",
    "MEDIA_ROOT",
    "PORTAL_VAR_DIR",
    "PRIVATE_MEDIA_ROOT",
    "PORTAL_PAGE_CACHE_SECONDS",
    "DB_CONN_MAX_AGE",
    "DJANGO_SETTINGS_MODULE",
    "PYTHONPATH",
    "ELASTICSEARCH_URL",
    "ELASTICSEARCH_INDEX",
)


class SetupError(Exception):
    """The environment could not be prepared; nothing was measured."""


@dataclass
class PhaseResult:
    """Figures of one measured phase."""

    requests: int
    errors: int
    seconds: float
    latencies: list = field(repr=False, default_factory=list)
    error_samples: list = field(default_factory=list)
    client_cpu: float = 0.0
    server_cpu: float = 0.0
    db_cpu: float = 0.0
    other_cpu: float = 0.0
    db: str = ""
    mode: str = ""
    page: str = ""
    warmup_errors: int = 0

    @property
    def cpu_ms_per_request(self):
        """CPU time of gunicorn and PostgreSQL per completed request, in ms.

        Steadier than rps when other work shares the machine.
        """
        if not self.requests:
            return None
        return (self.server_cpu + self.db_cpu) / 100 * self.seconds / self.requests * 1000

    @property
    def rps(self):
        """Completed requests (errors included) per second of the phase."""
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, q):
        """The q-th percentile of the latencies, in milliseconds (None without data)."""
        if not self.latencies:
            return None
        if len(self.latencies) == 1:
            return self.latencies[0] * 1000
        cuts = statistics.quantiles(self.latencies, n=100, method="inclusive")
        return cuts[q - 1] * 1000


def ms(value):
    """A latency in milliseconds for the table, "-" when there is none."""
    return "-" if value is None else f"{value:.1f}"


def log(message):
    """A progress line, flushed at once so a long run shows where it is."""
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


# --------------------------------------------------------------------------- set-up


def base_env(workdir, settings_module):
    """The environment every child process starts from: production settings, no shared state."""
    env = {k: v for k, v in os.environ.items() if k not in SCRUBBED_ENV}
    env.update(
        DJANGO_SETTINGS_MODULE=settings_module,
        PYTHONPATH=f"{workdir}{os.pathsep}{ROOT}",
        SECRET_KEY=secrets.token_urlsafe(60),
        ALLOWED_HOSTS=f"{HOST},localhost",
        SECURE_SSL_REDIRECT="false",
        LOG_LEVEL="ERROR",
        PYTHONUNBUFFERED="1",
    )
    return env


def write_settings(workdir):
    """A settings module importing production and moving STATIC_ROOT into workdir."""
    name = "portal_bench_settings"
    static_root = workdir / "static"
    (workdir / f"{name}.py").write_text(
        '"""Production settings with static files collected outside the work tree."""\n\n'
        "from portal.settings.production import *  # noqa: F403\n\n"
        f"STATIC_ROOT = {str(static_root)!r}\n"
    )
    return name


def run_step(description, args, env, timeout):
    """Runs a set-up command, raising SetupError with its output if it fails."""
    log(description)
    started = time.monotonic()
    try:
        done = subprocess.run(
            args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
        )
    except subprocess.TimeoutExpired as exc:
        raise SetupError(f"{description}: no answer after {timeout} s") from exc
    if done.returncode != 0:
        raise SetupError(
            f"{description} failed ({done.returncode}):\n{done.stdout[-3000:]}{done.stderr[-3000:]}"
        )
    log(f"  done in {time.monotonic() - started:.1f} s")
    return done.stdout


def pg_admin(name, port, create):
    """Drops database name (closing its connections), then creates it afresh if create."""
    import psycopg
    from psycopg import sql

    statements = [sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)")]
    if create:
        statements.append(sql.SQL("CREATE DATABASE {}"))
    with psycopg.connect(
        f"postgresql://postgres@{HOST}:{port}/postgres", autocommit=True, connect_timeout=10
    ) as conn:
        for statement in statements:
            conn.execute(statement.format(sql.Identifier(name)))


# ------------------------------------------------------------------ populate (child)


def django_setup():
    """django.setup() for a benchmark's --populate child.

    Run as a script, this folder comes first on sys.path, where "news" or "documents"
    would be a benchmark file rather than the app of that name.
    """
    import django

    here = Path(__file__).resolve().parent
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != here]
    django.setup()


def create_district(port):
    """The district home page, its default Site and SiteSettings (with an emblem).

    As a real installation (and tests/conftest.py) does, Wagtail's placeholder page and
    Site are replaced. Returns (home, emblem). Commits its own transaction: call it before
    bulk-inserting pages, or the public search's signal processor (portal/search), which
    looks again at a Site's whole tree when the Site is saved, would index every page of
    the benchmark in Whoosh at commit (minutes, and nothing measured uses that index).
    """
    from django.db import transaction

    with transaction.atomic():
        return _create_district(port)


def _create_district(port):
    from wagtail.models import Page, Site

    from portal.demo import draw_emblem, get_or_create_image
    from portal.models import HomePage, SiteSettings

    Site.objects.all().delete()
    Page.objects.filter(depth=2).delete()
    root = Page.get_first_root_node()
    home = root.add_child(
        instance=HomePage(
            title="Cổng thông tin điện tử huyện Vân Sơn",
            slug="huyen-van-son",
            intro="Huyện miền núi hư cấu dùng để đo hiệu năng.",
        )
    )
    home.save_revision().publish()
    site = Site.objects.create(
        hostname=HOST, port=port, root_page=home, is_default_site=True, site_name="Vân Sơn"
    )
    emblem = get_or_create_image("Biểu trưng (mẫu)", draw_emblem(), "bieu-trung.png")
    SiteSettings.objects.create(
        site=site,
        unit_name="Ủy ban nhân dân huyện Vân Sơn",
        emblem=emblem,
        address="Số 1 đường Trung Tâm, thị trấn Vân Sơn",
        phone="0200 3800 100",
        hotline="0200 3800 199",
        email="vanphong@vanson.example.gov.vn",
        working_hours="Sáng 7h00 – 11h30, chiều 13h30 – 17h00",
        footer_text="<p>Cơ quan chủ quản: Ủy ban nhân dân huyện Vân Sơn (hư cấu).</p>",
        site_notice="Dữ liệu hư cấu, dùng để đo hiệu năng.",
    )
    return home, emblem


def bulk_add_children(parent, model, items, batch_size=500):
    """Inserts live children of parent, of the page model `model`, with bulk inserts.

    Each item is a dict: ``title``, ``slug``, ``published`` (first and last publication)
    and the values of model's own fields (the specific table). treebeard's path and depth
    are computed here, after the children parent already has, and its numchild updated;
    check the tree afterwards with ``check_tree()``. No revisions are made, as
    for pages imported straight into the database. Returns the new pages' ids, in order.
    """
    import uuid

    from django.contrib.contenttypes.models import ContentType

    from wagtail.models import Page

    parent.refresh_from_db()
    content_type = ContentType.objects.get_for_model(model)
    own = {f.name for f in model._meta.local_concrete_fields} | {
        f.attname for f in model._meta.local_concrete_fields
    }
    step = parent.numchild
    pages, paths = [], []
    for item in items:
        step += 1
        path = Page._get_path(parent.path, parent.depth + 1, step)
        pages.append(
            Page(
                title=item["title"],
                draft_title=item["title"],
                slug=item["slug"],
                path=path,
                depth=parent.depth + 1,
                numchild=0,
                url_path=f"{parent.url_path}{item['slug']}/",
                live=True,
                has_unpublished_changes=False,
                first_published_at=item["published"],
                last_published_at=item["published"],
                content_type=content_type,
                locale_id=parent.locale_id,
                translation_key=uuid.uuid4(),
            )
        )
        paths.append(path)
    Page.objects.bulk_create(pages, batch_size=batch_size)
    Page.objects.filter(pk=parent.pk).update(numchild=step)
    ids = dict(
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .values_list("path", "pk")
        .iterator()
    )
    pks = [ids[path] for path in paths]
    rows = [
        model(page_ptr_id=pk, **{k: v for k, v in item.items() if k in own})
        for pk, item in zip(pks, items, strict=True)
    ]
    fields = list(model._meta.local_concrete_fields)
    for start in range(0, len(rows), batch_size):
        # bulk_create refuses multi-table inheritance; this is the insert it would make.
        model._base_manager._insert(rows[start : start + batch_size], fields=fields)
    return pks


def check_tree():
    """Raises SystemExit if Page.find_problems() would report a problem.

    The same five checks (characters and length of paths, depth, orphans, numchild) over
    one query: treebeard's own makes a query per page, minutes for 20,000 pages.
    """
    from collections import Counter

    from wagtail.models import Page

    steplen, alphabet = Page.steplen, set(Page.alphabet)
    rows = list(Page.objects.values_list("path", "depth", "numchild").iterator())
    paths = {path for path, _, _ in rows}
    children = Counter(path[:-steplen] for path, depth, _ in rows if depth > 1)
    problems = []
    for path, depth, numchild in rows:
        if set(path) - alphabet:
            problems.append(f"{path}: characters outside the alphabet")
        if len(path) % steplen or len(path) // steplen != depth:
            problems.append(f"{path}: depth {depth} or length wrong")
        if depth > 1 and path[:-steplen] not in paths:
            problems.append(f"{path}: orphan")
        if children[path] != numchild:
            problems.append(f"{path}: numchild {numchild}, {children[path]} children")
    if problems:
        raise SystemExit(f"treebeard problems ({len(problems)}): {problems[:5]}")
    return len(rows)


def analyze_if_postgres():
    """Planner statistics after a bulk insert, as autovacuum would gather on a live site.

    (It may not get to it before the measurement starts.) SQLite never gathers any by
    itself, so it is left as shipped.
    """
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


# ----------------------------------------------------------------- serving and load


def port_is_free(port):
    """True if nothing listens on 127.0.0.1:port."""
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((HOST, port))
        except OSError:
            return False
    return True


def fetch(port, path, timeout=30):
    """(status, body) of one GET on a new connection."""
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        conn.request("GET", path, headers={"User-Agent": "portal-bench"})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


class Gunicorn:
    """gunicorn in its own process group, stopped (group and all) on exit."""

    def __init__(self, env, port, log_path):
        self.env, self.port, self.log_path = env, port, log_path
        self.process = None
        self.log_file = None

    def __enter__(self):
        if not port_is_free(self.port):
            raise SetupError(f"port {self.port} is in use; pick another with --port")
        self.log_file = open(self.log_path, "ab")  # noqa: SIM115 - closed in __exit__
        self.process = subprocess.Popen(
            [
                str(GUNICORN),
                "portal.wsgi:application",
                "--workers",
                str(WORKERS),
                "--bind",
                f"{HOST}:{self.port}",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=self.log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            self._wait_until_up()
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def _wait_until_up(self, seconds=60):
        """Returns once /healthz answers 200; raises SetupError if it never does."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SetupError(f"gunicorn exited ({self.process.returncode}):\n{self.log_tail()}")
            with contextlib.suppress(OSError, http.client.HTTPException):
                status, _ = fetch(self.port, "/healthz", timeout=5)
                if status == 200:
                    return
            time.sleep(0.2)
        raise SetupError(f"gunicorn did not answer /healthz within {seconds} s:\n{self.log_tail()}")

    def __exit__(self, *exc_info):
        if self.process is not None and self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        if self.log_file:
            self.log_file.close()

    def log_tail(self, chars=3000):
        """The end of gunicorn's log."""
        self.log_file.flush()
        return self.log_path.read_text(errors="replace")[-chars:]


class CpuMeter:
    """CPU used by gunicorn, PostgreSQL's backends, this process and everything else.

    gunicorn is its process group; PostgreSQL is the backends connected to the benchmark
    database (found in pg_stat_activity). Reads /proc (Linux); elsewhere the figures are
    0. The machine may be shared with other work: "other" tells how much there was.
    """

    def __init__(self, pgid, pg_port=None, pg_name=None):
        self.pgid = pgid
        self.tick = os.sysconf("SC_CLK_TCK")
        self.pg = None
        if pg_name:
            import psycopg

            self.pg = psycopg.connect(
                f"postgresql://postgres@{HOST}:{pg_port}/postgres", autocommit=True
            )
            self.pg_name = pg_name

    def close(self):
        """Closes the monitoring connection to PostgreSQL."""
        if self.pg is not None:
            self.pg.close()

    def _process_seconds(self):
        """{pid: CPU seconds} of gunicorn's processes and of the database's backends."""
        db_pids = set()
        if self.pg is not None:
            rows = self.pg.execute(
                "SELECT pid FROM pg_stat_activity WHERE datname = %s", [self.pg_name]
            )
            db_pids = {row[0] for row in rows}
        server, db = {}, {}
        for stat in Path("/proc").glob("[0-9]*/stat"):
            with contextlib.suppress(OSError, ValueError, IndexError):
                pid = int(stat.parent.name)
                fields = stat.read_text().rsplit(")", 1)[1].split()
                seconds = (int(fields[11]) + int(fields[12])) / self.tick
                if int(fields[2]) == self.pgid:
                    server[pid] = seconds
                elif pid in db_pids:
                    db[pid] = seconds
        return server, db

    def _machine_busy_seconds(self):
        with contextlib.suppress(OSError, ValueError, IndexError):
            values = [int(v) for v in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
            return (sum(values[:8]) - values[3] - values[4]) / self.tick
        return 0.0

    def snapshot(self):
        """CPU seconds so far: ({pid: s} of gunicorn, {pid: s} of PostgreSQL, us, machine)."""
        server, db = self._process_seconds()
        return server, db, time.process_time(), self._machine_busy_seconds()

    @staticmethod
    def percent(before, after, seconds):
        """(server, db, client, other) CPU between two snapshots, in % of one core.

        A process that started in between counts from zero; one that ended is lost.
        """
        server, db = (
            sum(cpu - start.get(pid, 0.0) for pid, cpu in end.items())
            for start, end in ((before[0], after[0]), (before[1], after[1]))
        )
        client = after[2] - before[2]
        other = max(after[3] - before[3] - server - db - client, 0.0)
        return tuple(100 * x / seconds for x in (server, db, client, other))


def load(port, paths, concurrency, duration, meter, **labels):
    """Hammers paths (round-robin) from concurrency threads for duration seconds.

    Returns a PhaseResult (with labels). A request still in flight at the deadline is
    completed and counted; the phase's seconds run until the last one. The CPU figures
    come from meter: gunicorn's, this load generator's (it shares the machine with
    gunicorn) and that of any other work on the machine.
    """
    start = time.monotonic()
    cpu_before = meter.snapshot()
    deadline = start + duration
    results = [None] * concurrency

    def worker(slot):
        latencies, errors, samples = [], 0, []
        conn = http.client.HTTPConnection(HOST, port, timeout=30)
        n = slot
        while time.monotonic() < deadline:
            path = paths[n % len(paths)]
            n += concurrency
            began = time.perf_counter()
            try:
                conn.request("GET", path, headers={"User-Agent": "portal-bench"})
                response = conn.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException) as exc:
                status = f"{type(exc).__name__}: {exc}"
                conn.close()
            latencies.append(time.perf_counter() - began)
            if status != 200:
                errors += 1
                if len(samples) < 3:
                    samples.append(f"{path} -> {status}")
        conn.close()
        results[slot] = (latencies, errors, samples)

    threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.monotonic() - start
    server_cpu, db_cpu, client_cpu, other_cpu = meter.percent(cpu_before, meter.snapshot(), seconds)
    latencies = [x for result in results for x in result[0]]
    return PhaseResult(
        requests=len(latencies),
        errors=sum(result[1] for result in results),
        seconds=seconds,
        latencies=latencies,
        error_samples=[s for result in results for s in result[2]][:5],
        client_cpu=client_cpu,
        server_cpu=server_cpu,
        db_cpu=db_cpu,
        other_cpu=other_cpu,
        **labels,
    )


def prime(port, paths, concurrency):
    """Requests every path once (bounded in time) so the page cache holds them all.

    As many at a time as the load generator's threads (gunicorn's workers render them).
    Returns "path -> status" of each that did not answer 200.
    """
    deadline = time.monotonic() + PRIME_SECONDS

    def one(path):
        if time.monotonic() > deadline:
            return None
        try:
            status, _ = fetch(port, path)
        except (OSError, http.client.HTTPException) as exc:
            status = type(exc).__name__
        return None if status == 200 else f"{path} -> {status}"

    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        return [error for error in pool.map(one, paths) if error]


def cache_entries(var_dir):
    """How many entries the file-based cache holds."""
    return sum(1 for _ in (var_dir / "cache").glob("*.djcache"))


@dataclass
class Benchmark:
    """What a benchmark script tells ``run``.

    script: the file run again as ``script --populate OUT`` (plus populate_args) to fill
        the database; it writes a JSON object to OUT, handed to check and phases.
    populate_args(args): its extra command-line arguments.
    heading(args): the first words of the table's title, e.g. "news pages: 10000 articles".
    check(port, data): raises SetupError unless the pages answer as expected.
    phases(data, mode): [(page label, [paths])] measured in that mode, in order.
    """

    script: Path
    populate_args: Callable
    heading: Callable
    check: Callable
    phases: Callable
    populate_timeout: float = 900


def create_database(name, port):
    """A fresh PostgreSQL database; SetupError if the server cannot be reached."""
    import psycopg

    log(f"[postgres] create database {name} on {HOST}:{port}")
    try:
        pg_admin(name, port, create=True)
    except psycopg.Error as exc:
        raise SetupError(f"PostgreSQL at {HOST}:{port}: {exc}") from exc


def measure_database(db, args, workdir, settings_module, notes, bench):
    """Sets up one database, serves it in both modes and measures bench's phases.

    Failed requests and errors in gunicorn's log are appended to notes.
    """
    var_dir = workdir / db
    var_dir.mkdir()
    env = base_env(workdir, settings_module)
    env["PORTAL_VAR_DIR"] = str(var_dir)
    if db == "postgres":
        env["DATABASE_URL"] = f"postgres://postgres@{HOST}:{args.pg_port}/{args.pg_name}"
    run_step(f"[{db}] migrate", [str(PYTHON), "manage.py", "migrate", "--noinput"], env, 600)
    data_path = var_dir / "urls.json"
    populate_args = [str(PYTHON), str(bench.script), "--populate", str(data_path)]
    populate_args += ["--port", str(args.port), *bench.populate_args(args)]
    output = run_step(f"[{db}] populate", populate_args, env, bench.populate_timeout)
    for line in output.splitlines():
        print(f"    {line}")
    data = json.loads(data_path.read_text())

    results = []
    for mode in MODES:
        mode_env = dict(env)
        if mode == "uncached":
            mode_env["PORTAL_PAGE_CACHE_SECONDS"] = "0"
        log_path = workdir / f"gunicorn-{db}-{mode}.log"
        log(f"[{db}] gunicorn, {mode}")
        with contextlib.ExitStack() as stack:
            server = stack.enter_context(Gunicorn(mode_env, args.port, log_path))
            meter = CpuMeter(
                server.process.pid,
                pg_port=args.pg_port,
                pg_name=args.pg_name if db == "postgres" else None,
            )
            stack.callback(meter.close)
            bench.check(args.port, data)
            for page, paths in bench.phases(data, mode):
                warm_errors = 0
                if mode == "cached":
                    primed = prime(args.port, paths, args.concurrency)
                    warm_errors += len(primed)
                    notes += [f"{db} {mode} {page} priming: {error}" for error in primed[:3]]
                    if cache_entries(var_dir) < len(paths):
                        log(
                            f"  warning: the page cache holds {cache_entries(var_dir)} entries "
                            f"after priming {len(paths)} URLs"
                        )
                warmup = load(args.port, paths, args.concurrency, WARMUP_SECONDS, meter)
                warm_errors += warmup.errors
                for sample in warmup.error_samples:
                    notes.append(f"{db} {mode} {page} warm-up: {sample}")
                result = load(
                    args.port,
                    paths,
                    args.concurrency,
                    args.duration,
                    meter,
                    db=db,
                    mode=mode,
                    page=page,
                    warmup_errors=warm_errors,
                )
                results.append(result)
                log(
                    f"  {page:8} {result.rps:8.1f} req/s  p50 {ms(result.percentile(50))} ms"
                    f"  p95 {ms(result.percentile(95))} ms  errors {result.errors}"
                    + (f" (warm-up {warm_errors})" if warm_errors else "")
                    + f"  CPU: gunicorn {result.server_cpu:.0f}% db {result.db_cpu:.0f}%"
                    f" client {result.client_cpu:.0f}% other {result.other_cpu:.0f}%"
                )
                for sample in result.error_samples:
                    log(f"    error: {sample}")
                    notes.append(f"{db} {mode} {page}: {sample}")
            app_errors = [
                line
                for line in server.log_tail(200_000).splitlines()
                if "Traceback" in line or "ERROR" in line or "CRITICAL" in line
            ]
            if app_errors:
                notes.append(f"{db} {mode}: gunicorn log has {len(app_errors)} error lines:")
                notes += [f"    {line}" for line in app_errors[:5]]
                log(notes[-1 - min(5, len(app_errors))])
    return results


def print_table(results, notes, heading, args, elapsed):
    """The summary table of every phase, then the notes (failures, logged errors)."""
    header = ["db", "mode", "page", "requests", "errors", "rps", "p50 ms", "p95 ms"]
    header += ["cpu ms/req", "cpu srv", "cpu db", "cpu client", "cpu other"]
    rows = [
        [
            r.db,
            r.mode,
            r.page,
            str(r.requests),
            str(r.errors + r.warmup_errors),
            f"{r.rps:.1f}",
            ms(r.percentile(50)),
            ms(r.percentile(95)),
            ms(r.cpu_ms_per_request),
            f"{r.server_cpu:.0f}%",
            f"{r.db_cpu:.0f}%" if r.db == "postgres" else "-",
            f"{r.client_cpu:.0f}%",
            f"{r.other_cpu:.0f}%",
        ]
        for r in results
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]

    def line(cells):
        padded = zip(cells, widths, strict=True)
        return "  ".join(c.ljust(w) if i < 3 else c.rjust(w) for i, (c, w) in enumerate(padded))

    print()
    print(
        f"{heading}, gunicorn --workers {WORKERS} (sync), "
        f"{args.concurrency} client threads, {args.duration:g} s per phase after "
        f"{WARMUP_SECONDS:g} s warm-up, {os.cpu_count()} CPUs"
    )
    print(line(header))
    print(line(["-" * w for w in widths]))
    for row in rows:
        print(line(row))
    print(
        "cached = whole-page cache as shipped (URLs primed, so cache hits); "
        "uncached = PORTAL_PAGE_CACHE_SECONDS=0."
    )
    print(
        "errors = non-200 answers and network errors, warm-up included; rps counts completed "
        "requests."
    )
    print(
        "cpu ms/req = CPU time of gunicorn + PostgreSQL per request; cpu srv/db/client/other = "
        "CPU of gunicorn, of PostgreSQL's backends, of this load generator and of anything "
        f"else on the machine, in % of one core ({os.cpu_count()} cores = "
        f"{100 * os.cpu_count()}%)."
    )
    for note in notes:
        print(f"note: {note}")
    print(f"total run time: {elapsed:.0f} s")


def add_arguments(parser, port, pg_name):
    """The options every benchmark has (port and database name defaults differ)."""
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per phase")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--port", type=int, default=port, help="gunicorn's port on 127.0.0.1")
    parser.add_argument("--pg-port", type=int, default=5432)
    parser.add_argument("--pg-name", default=pg_name, help="database created and dropped")
    parser.add_argument("--populate", type=Path, help=argparse.SUPPRESS)


def interrupted(signum, frame):
    """Turns a termination signal into an exception, so clean-up code runs."""
    raise KeyboardInterrupt(signal.Signals(signum).name)


def run(bench, args):
    """Runs the benchmark on each database asked for; returns the exit status.

    0 when every request answered 200, 1 when some did not, 2 when the set-up failed.
    """
    # SIGTERM (and SIGINT, even where a shell made background jobs ignore it) unwind
    # through the finally clauses: gunicorn stopped, database dropped, files removed.
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, interrupted)
    started = time.monotonic()
    workdir = Path(tempfile.mkdtemp(prefix="portal-bench-"))
    settings_module = write_settings(workdir)
    databases = ["sqlite", "postgres"] if args.db == "both" else [args.db]
    results, notes = [], []
    try:
        run_step(
            "collectstatic",
            [str(PYTHON), "manage.py", "collectstatic", "--noinput"],
            base_env(workdir, settings_module),
            300,
        )
        for db in databases:
            if db == "postgres":
                create_database(args.pg_name, args.pg_port)
            try:
                results += measure_database(db, args, workdir, settings_module, notes, bench)
            finally:
                if db == "postgres":
                    pg_admin(args.pg_name, args.pg_port, create=False)
    except SetupError as exc:
        log(f"set-up failed: {exc}")
        if results:
            print_table(results, notes, bench.heading(args), args, time.monotonic() - started)
        return 2
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print_table(results, notes, bench.heading(args), args, time.monotonic() - started)
    failed = sum(r.errors + r.warmup_errors for r in results)
    if failed:
        print(f"FAILED: {failed} requests did not answer 200")
        return 1
    return 0


def entry(main):
    """Exits with main()'s status; 130 when interrupted (after the clean-up ran)."""
    try:
        sys.exit(main())
    except KeyboardInterrupt as exc:
        print(f"interrupted ({exc or 'SIGINT'}); cleaned up", file=sys.stderr)
        sys.exit(130)
