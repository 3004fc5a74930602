"""Throughput and latency of the news pages through gunicorn, on SQLite and PostgreSQL.

What it measures
    Requests per second and p50/p95 latency of two public pages, served by
    ``gunicorn portal.wsgi:application --workers 4`` with the production settings,
    with N articles (10,000 by default) in the database:

    * ``article``: a NewsPage, rotating over about 200 different articles spread over
      the whole tree, so no single row or cache entry is hot;
    * ``index``: the NewsIndexPage at ``/tin-tuc/``, which lists the articles of its
      five sections, 20 a page.

    Each page is measured in two modes, with gunicorn restarted in between:

    * ``cached``: the whole-page cache as shipped (portal/page_cache.py, file-based
      cache). Every URL of the phase is requested once before the warm-up, so the
      figures are those of cache hits. The index is ``/tin-tuc/`` only.
    * ``uncached``: ``PORTAL_PAGE_CACHE_SECONDS=0``, every request renders. The index
      rotates over ``/tin-tuc/`` and ``/tin-tuc/?trang=2`` … ``?trang=50``.

    Each phase is a 2-second warm-up, then ``--duration`` seconds of load from
    ``--concurrency`` threads, each with its own http.client connection (gunicorn's
    sync workers close the connection after each response, so the client reconnects
    when told to). Latency is measured per request, connect included. A non-200
    answer or a network error counts as an error.

    Besides requests, errors, rps and p50/p95, each phase reports the CPU time per
    request of gunicorn plus PostgreSQL's backends, and where the machine's CPU went:
    gunicorn, PostgreSQL, this load generator (a Python process on the same machine),
    anything else. The last tells whether other work skewed the figures; CPU ms per
    request is the figure that moves least when it did.

How it stays isolated
    Everything lives in a temporary directory that is removed at the end: the SQLite
    database, the file cache and media (``PORTAL_VAR_DIR``), and the collected static
    files. The production settings need ``collectstatic`` (ManifestStaticFilesStorage)
    and hard-code ``STATIC_ROOT`` inside the work tree, so a two-line settings module
    written to the temporary directory imports ``portal.settings.production`` and only
    moves ``STATIC_ROOT`` there. PostgreSQL runs use a fresh database (``--pg-name``,
    ``portal_bench`` by default, dropped first if it exists and always at the end) on
    127.0.0.1:5432 as user postgres. ``REDIS_URL`` and friends are removed from the
    environment of every child process. Only 127.0.0.1 is contacted.

How the data is made
    ``manage.py migrate`` in a subprocess, then this file again as a hidden helper
    (``--populate``) in a subprocess with the same environment: a district home page,
    its default Site and SiteSettings (with an emblem), ``/tin-tuc/`` and five
    sections under it; two articles per section through ``add_child`` and a published
    revision, the rest bulk-inserted with treebeard paths, depth and numchild computed
    here (checked afterwards with ``Page.find_problems()``). Every article has a lead,
    a short body, two tags and one of eight cover photos; one in 40 is featured. The
    photos' renditions are made before serving, by rendering the pages that show them.
    On PostgreSQL, ANALYZE runs after the bulk insert (autovacuum would on a live
    site); SQLite gets none, as shipped. The database search index is not filled (no
    page measured here searches).

How to run it (about 4 minutes per database on a 2-core machine)::

    .venv/bin/python bench/news.py
    .venv/bin/python bench/news.py --db sqlite --articles 2000 --duration 5

Exits with status 1 if any request failed (warm-up included) and 2 if the set-up did.
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
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
HOST = "127.0.0.1"
WORKERS = 4
WARMUP_SECONDS = 2.0
ARTICLE_SAMPLE = 200
INDEX_PAGES = 50
PRIME_SECONDS = 120.0
SECTIONS = [
    ("hoat-dong-chinh-quyen", "Hoạt động chính quyền"),
    ("kinh-te-nong-nghiep", "Kinh tế – Nông nghiệp"),
    ("van-hoa-xa-hoi", "Văn hóa – Xã hội"),
    ("giao-duc-y-te", "Giáo dục – Y tế"),
    ("an-ninh-quoc-phong", "An ninh – Quốc phòng"),
]
TOPICS = [
    "triển khai kế hoạch chuyển đổi số",
    "ra quân làm đường giao thông nông thôn",
    "tổng kết vụ lúa đông xuân",
    "khai giảng lớp tập huấn kỹ thuật trồng chè",
    "tiếp công dân định kỳ",
    "kiểm tra công tác phòng chống thiên tai",
    "tổ chức ngày hội đại đoàn kết toàn dân tộc",
    "trao nhà đại đoàn kết cho hộ nghèo",
    "hội nghị sơ kết công tác cải cách hành chính",
    "ra mắt mô hình thôn xanh – sạch – đẹp",
]
TAGS = [
    "chuyển đổi số",
    "nông thôn mới",
    "cải cách hành chính",
    "giảm nghèo",
    "giáo dục",
    "y tế",
    "văn hóa",
    "giao thông",
    "phòng chống thiên tai",
    "an ninh trật tự",
    "du lịch",
    "môi trường",
]
# Variables of the caller's shell that would point a child process at shared state.
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


def populate(articles, port, out_path):
    """Builds the district, /tin-tuc/, five sections and the articles; writes URLs to out_path.

    Runs in a child process with DJANGO_SETTINGS_MODULE and the database set.
    """
    import datetime
    import uuid

    import django

    # Run as a script, this file's folder comes first on sys.path, where "news" would
    # be this very file rather than the news app.
    here = Path(__file__).resolve().parent
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != here]
    django.setup()

    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from django.test import Client, override_settings

    from taggit.models import Tag
    from wagtail.models import Page, Site

    from news.models import NewsIndexPage, NewsPage, NewsPageTag
    from portal.demo import draw_emblem, draw_landscape, get_or_create_image
    from portal.models import HomePage, SiteSettings

    now = datetime.datetime.now(datetime.UTC).replace(microsecond=0)
    with transaction.atomic():
        # As a real installation (and tests/conftest.py) does: replace Wagtail's
        # placeholder page and Site with the district's.
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
        news = home.add_child(
            instance=NewsIndexPage(
                title="Tin tức", slug="tin-tuc", show_in_menus=True, intro="Tin tức của huyện."
            )
        )
        news.save_revision().publish()
        sections = []
        for slug, title in SECTIONS:
            section = news.add_child(instance=NewsIndexPage(title=title, slug=slug, intro=title))
            section.save_revision().publish()
            sections.append(section)

        covers = [
            get_or_create_image(f"Ảnh minh họa {seed}", draw_landscape(seed), f"anh-{seed}.jpg")
            for seed in range(31, 39)
        ]
        tags = [Tag.objects.create(name=name, slug=f"tag-{i}") for i, name in enumerate(TAGS)]

        def article_fields(n):
            """Field values of the n-th article (0 is the newest)."""
            topic = TOPICS[n % len(TOPICS)]
            title = f"Huyện Vân Sơn {topic} (bản tin số {n + 1})"
            published = now - datetime.timedelta(minutes=150 * n + 7)
            body = [
                {"type": "heading", "value": {"text": "Diễn biến", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": f"<p>Sáng nay, huyện Vân Sơn {topic}. Tham dự có đại diện "
                    "lãnh đạo Ủy ban nhân dân huyện, các phòng, ban chuyên môn và đông đảo "
                    "người dân các xã, thị trấn. Chương trình được chuẩn bị chu đáo.</p>",
                },
                {
                    "type": "paragraph",
                    "value": "<p>Phát biểu tại buổi lễ, đồng chí Phó Chủ tịch Ủy ban nhân "
                    "dân huyện đề nghị các đơn vị tiếp tục phối hợp chặt chẽ, bám sát cơ sở, "
                    "kịp thời tháo gỡ khó khăn, vướng mắc cho người dân và doanh nghiệp.</p>",
                },
                {
                    "type": "paragraph",
                    "value": "<p>Kết thúc chương trình, ban tổ chức trao giấy khen cho các "
                    "tập thể, cá nhân có thành tích xuất sắc.</p>",
                },
            ]
            return {
                "title": title,
                "slug": f"ban-tin-so-{n + 1}",
                "lead": f"Huyện Vân Sơn {topic}, góp phần thực hiện thắng lợi nhiệm vụ năm.",
                "body": json.dumps(body, ensure_ascii=False),
                "author": "Minh Anh – Thu Hà",
                "source": "Trung tâm Văn hóa, Thể thao và Truyền thông huyện",
                "published_at": published,
                "featured": n % 40 == 0,
                "cover_image": covers[n % len(covers)],
                "cover_alt": "Phong cảnh đồi núi vẽ minh họa",
            }

        # A few articles the ordinary way (add_child and a published revision)…
        per_section = [[] for _ in sections]
        for n in range(articles):
            per_section[n % len(sections)].append(n)
        by_hand = 2
        numbered = []  # (page id, article number)
        for section, numbers in zip(sections, per_section, strict=True):
            for n in numbers[:by_hand]:
                page = section.add_child(instance=NewsPage(**article_fields(n)))
                page.save_revision().publish()
                numbered.append((page.pk, n))

        # …and the rest bulk-inserted: base Page rows, then the news_newspage rows.
        content_type = ContentType.objects.get_for_model(NewsPage)
        locale = home.locale
        page_fields = [f for f in NewsPage._meta.local_concrete_fields if f.name != "page_ptr"]
        pages, extras = [], []
        for index, (section, numbers) in enumerate(zip(sections, per_section, strict=True)):
            section.refresh_from_db()
            step = section.numchild
            for n in numbers[by_hand:]:
                step += 1
                values = article_fields(n)
                path = Page._get_path(section.path, section.depth + 1, step)
                pages.append(
                    Page(
                        title=values["title"],
                        draft_title=values["title"],
                        slug=values["slug"],
                        path=path,
                        depth=section.depth + 1,
                        numchild=0,
                        url_path=f"{section.url_path}{values['slug']}/",
                        live=True,
                        has_unpublished_changes=False,
                        first_published_at=values["published_at"],
                        last_published_at=values["published_at"],
                        content_type=content_type,
                        locale=locale,
                        translation_key=uuid.uuid4(),
                    )
                )
                extras.append((path, n, values))
            Page.objects.filter(pk=section.pk).update(numchild=step)
            print(f"section {index + 1}/{len(sections)}: {step} articles", flush=True)
        Page.objects.bulk_create(pages, batch_size=500)
        ids = {}
        for section in sections:
            ids.update(
                Page.objects.filter(path__startswith=section.path, depth=section.depth + 1)
                .values_list("path", "pk")
                .iterator()
            )
        rows = []
        for path, n, values in extras:
            pk = ids[path]
            numbered.append((pk, n))
            rows.append(
                NewsPage(
                    page_ptr_id=pk,
                    **{f.name: values.get(f.name, f.get_default()) for f in page_fields},
                )
            )
        insert_fields = list(NewsPage._meta.local_concrete_fields)
        for start in range(0, len(rows), 500):
            # bulk_create refuses multi-table inheritance; this is the insert it would make.
            NewsPage._base_manager._insert(rows[start : start + 500], fields=insert_fields)
        tagged = [
            NewsPageTag(content_object_id=pk, tag=tags[i])
            for pk, n in numbered
            for i in sorted({n % len(tags), (n * 7 + 3) % len(tags)})
        ]
        NewsPageTag.objects.bulk_create(tagged, batch_size=500)

    # Checks: counts and a valid tree (the pages themselves are checked over HTTP).
    problems = Page.find_problems()
    if any(problems):
        raise SystemExit(f"treebeard problems: {problems}")
    live = NewsPage.objects.live().public().descendant_of(news).count()
    if live != articles or NewsPage.objects.count() != articles:
        raise SystemExit(f"expected {articles} articles, found {live} live")
    news.refresh_from_db()
    if news.numchild != len(sections):
        raise SystemExit(f"/tin-tuc/ has numchild {news.numchild}")

    if connection.vendor == "postgresql":
        # Planner statistics, as autovacuum would have gathered them on a live site
        # (it may not get to it before the measurement starts). SQLite never gathers
        # any by itself, so it is left as shipped.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    # Renditions are made on first display: render (in this process, page cache off)
    # the index and one article per cover, so gunicorn never has to resize a photo.
    with override_settings(PORTAL_PAGE_CACHE_SECONDS=0):
        client = Client(HTTP_HOST=HOST)
        first = NewsPage.objects.order_by("-published_at", "-pk")[: len(covers)]
        for path in ["/tin-tuc/", *(page.url_path[len(home.url_path) - 1 :] for page in first)]:
            status = client.get(path).status_code
            if status != 200:
                raise SystemExit(f"GET {path} answered {status} while making renditions")
    renditions = sum(image.renditions.count() for image in [emblem, *covers])
    print(f"{live} articles, {renditions} renditions", flush=True)

    prefix = len(home.url_path) - 1
    newest = NewsPage.objects.order_by("-published_at", "-pk").first()
    stride = max(articles // ARTICLE_SAMPLE, 1)
    sample = NewsPage.objects.order_by("path").values_list("url_path", flat=True)[::stride]
    out_path.write_text(
        json.dumps(
            {
                "articles": [url[prefix:] for url in sample[:ARTICLE_SAMPLE]],
                "newest": newest.url_path[prefix:],
                "newest_title": newest.title,
                "count": live,
            }
        )
    )


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


def prime(port, paths):
    """Requests every path once (bounded in time) so the page cache holds them all."""
    deadline = time.monotonic() + PRIME_SECONDS
    errors = []
    for path in paths:
        if time.monotonic() > deadline:
            break
        try:
            status, _ = fetch(port, path)
        except (OSError, http.client.HTTPException) as exc:
            status = type(exc).__name__
        if status != 200:
            errors.append(f"{path} -> {status}")
    return errors


def cache_entries(var_dir):
    """How many entries the file-based cache holds."""
    return sum(1 for _ in (var_dir / "cache").glob("*.djcache"))


def index_pages(articles):
    """How many listing pages of /tin-tuc/ are measured: 50, or fewer if there are fewer."""
    return min(INDEX_PAGES, -(-articles // 20))


def check_pages(port, urls):
    """Verifies an article and the index answer 200 with the expected content."""
    last_page = index_pages(urls["count"])
    checks = [
        (urls["newest"], urls["newest_title"]),
        ("/tin-tuc/", f"{urls['count']} bài viết"),
        (f"/tin-tuc/?trang={last_page}", f"Trang {last_page}/{-(-urls['count'] // 20)}<"),
        (urls["articles"][-1], "Tin liên quan"),
    ]
    for path, expected in checks:
        status, body = fetch(port, path)
        text = body.decode("utf-8", errors="replace")
        if status != 200 or expected not in text:
            raise SetupError(
                f"GET {path}: {status}, {expected!r} {'' if expected in text else 'missing'}"
            )


def create_database(name, port):
    """A fresh PostgreSQL database; SetupError if the server cannot be reached."""
    import psycopg

    log(f"[postgres] create database {name} on {HOST}:{port}")
    try:
        pg_admin(name, port, create=True)
    except psycopg.Error as exc:
        raise SetupError(f"PostgreSQL at {HOST}:{port}: {exc}") from exc


def measure_database(db, args, workdir, settings_module, notes):
    """Sets up one database, serves it in both modes and measures both pages.

    Failed requests and errors in gunicorn's log are appended to notes.
    """
    var_dir = workdir / db
    var_dir.mkdir()
    env = base_env(workdir, settings_module)
    env["PORTAL_VAR_DIR"] = str(var_dir)
    if db == "postgres":
        env["DATABASE_URL"] = f"postgres://postgres@{HOST}:{args.pg_port}/{args.pg_name}"
    run_step(f"[{db}] migrate", [str(PYTHON), "manage.py", "migrate", "--noinput"], env, 600)
    urls_path = var_dir / "urls.json"
    populate_args = [str(PYTHON), str(Path(__file__).resolve()), "--populate", str(urls_path)]
    populate_args += ["--articles", str(args.articles), "--port", str(args.port)]
    output = run_step(f"[{db}] populate {args.articles} articles", populate_args, env, 900)
    for line in output.splitlines():
        print(f"    {line}")
    urls = json.loads(urls_path.read_text())
    last_page = index_pages(urls["count"])
    index_paths = ["/tin-tuc/"] + [f"/tin-tuc/?trang={n}" for n in range(2, last_page + 1)]

    results = []
    for mode in ("cached", "uncached"):
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
            check_pages(args.port, urls)
            for page, paths in (
                ("article", urls["articles"]),
                ("index", ["/tin-tuc/"] if mode == "cached" else index_paths),
            ):
                warm_errors = 0
                if mode == "cached":
                    warm_errors += len(prime(args.port, paths))
                    if cache_entries(var_dir) < len(paths):
                        log(
                            f"  warning: the page cache holds {cache_entries(var_dir)} entries "
                            f"after priming {len(paths)} URLs"
                        )
                warmup = load(args.port, paths, args.concurrency, WARMUP_SECONDS, meter)
                warm_errors += warmup.errors
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


def print_table(results, notes, args, elapsed):
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
        f"news pages: {args.articles} articles, gunicorn --workers {WORKERS} (sync), "
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


def parse_args(argv=None):
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per phase")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--port", type=int, default=8791, help="gunicorn's port on 127.0.0.1")
    parser.add_argument("--pg-port", type=int, default=5432)
    parser.add_argument("--pg-name", default="portal_bench", help="database created and dropped")
    parser.add_argument("--populate", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.articles < len(SECTIONS) * 3 or args.concurrency < 1 or args.duration <= 0:
        parser.error("need at least 15 articles, 1 thread and a positive duration")
    return args


def interrupted(signum, frame):
    """Turns a termination signal into an exception, so clean-up code runs."""
    raise KeyboardInterrupt(signal.Signals(signum).name)


def main(argv=None):
    """Runs the benchmark; returns the exit status."""
    args = parse_args(argv)
    if args.populate:
        populate(args.articles, args.port, args.populate)
        return 0
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
                results += measure_database(db, args, workdir, settings_module, notes)
            finally:
                if db == "postgres":
                    pg_admin(args.pg_name, args.pg_port, create=False)
    except SetupError as exc:
        log(f"set-up failed: {exc}")
        if results:
            print_table(results, notes, args, time.monotonic() - started)
        return 2
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print_table(results, notes, args, time.monotonic() - started)
    failed = sum(r.errors + r.warmup_errors for r in results)
    if failed:
        print(f"FAILED: {failed} requests did not answer 200")
        return 1
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt as exc:
        print(f"interrupted ({exc or 'SIGINT'}); cleaned up", file=sys.stderr)
        sys.exit(130)
