"""The public search with 20,000 mixed items: index build, query latency, page throughput.

What it prints
    * the index build time: ``manage.py rebuild_index --noinput`` (a subprocess, timed
      from start to exit) over N items (20,000 by default): about 60 % articles, 20 %
      legal documents, 10 % radio episodes, 10 % information pages, spread over the
      district and three commune Sites;
    * p50/p95 latency of 1-, 2- and 4-word queries: what the search page asks the engine
      for one page of results (the query in the district's whole scope, unexpired, the
      type and year facets, the count and the first 10 results), timed in one process
      with the production settings. Queries are words and runs of words taken from the
      generated texts (half of them typed without accents), so they find something;
    * the search page's requests per second through ``gunicorn portal.wsgi:application``
      (``--workers``, 4 by default) on 127.0.0.1 (``--port``, 8792), with ``--concurrency``
      client threads for ``--duration`` seconds after a warm-up, rotating over the same
      1-, 2- and 4-word queries; with p50/p95 latency and errors (any answer but 200).

How it stays isolated
    Everything lives in a temporary directory removed at the end: the SQLite database,
    the Whoosh index, cache and media (``PORTAL_VAR_DIR``) and the collected static files
    (a two-line settings module imports ``portal.settings.production`` and moves
    ``STATIC_ROOT`` there). ``ELASTICSEARCH_URL``, ``DATABASE_URL``, ``REDIS_URL`` and
    friends are removed from every child's environment. Only 127.0.0.1 is contacted.
    gunicorn runs in its own process group and is stopped at the end, on errors too.

How the data is made
    ``migrate``, then this file as a hidden helper (``--populate``): the district home,
    its Site and settings, /tin-tuc/, /van-ban/, /phat-thanh/ and /gioi-thieu/, three
    communes through ``create_commune``, then the items bulk-inserted with treebeard paths
    computed here (checked with ``Page.find_problems()``), live and public, dated over
    five years. Texts are Vietnamese sentences drawn from fixed word lists with a fixed
    seed, so every run indexes the same content.

Run it (about 3 minutes on 2 cores)::

    .venv/bin/python bench/search.py
    .venv/bin/python bench/search.py --items 2000 --duration 5 --queries 50

Exit status: 0 when every request answered 200, 1 when some did not, 2 when the set-up
failed.
"""

import argparse
import contextlib
import http.client
import json
import os
import random
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

from _common import (
    GUNICORN,
    HOST,
    PYTHON,
    ROOT,
    SCRUBBED_ENV,
    SetupError,
    django_setup,
    fetch,
    log,
    ms,
    port_is_free,
)

SUBJECTS = [
    "Ủy ban nhân dân huyện",
    "Hội đồng nhân dân xã",
    "Ban chỉ đạo chuyển đổi số",
    "Phòng Tài nguyên và Môi trường",
    "Trung tâm Y tế huyện",
    "Hội Nông dân",
    "Đoàn Thanh niên",
    "Hội Liên hiệp Phụ nữ",
    "Công an huyện",
    "Ban biên tập cổng thông tin",
]
ACTIONS = [
    "tổ chức hội nghị sơ kết",
    "triển khai kế hoạch",
    "kiểm tra công tác",
    "ra quân làm đường giao thông nông thôn",
    "trao nhà đại đoàn kết",
    "tập huấn kỹ thuật trồng chè",
    "tiếp công dân định kỳ",
    "phát động phong trào thi đua",
    "tổng kết vụ lúa đông xuân",
    "họp ban biên tập",
]
TOPICS = [
    "cải cách hành chính",
    "phòng chống thiên tai",
    "xây dựng nông thôn mới",
    "giảm nghèo bền vững",
    "an toàn thực phẩm",
    "bảo vệ rừng đầu nguồn",
    "chăm sóc sức khỏe ban đầu",
    "dịch vụ công trực tuyến",
    "phòng cháy chữa cháy",
    "phát triển du lịch cộng đồng",
    "tiêm chủng mở rộng",
    "quản lý đất đai",
]
PLACES = [
    "thôn Nà Khe",
    "bản Phiêng Luông",
    "xã Khe Mây",
    "xã Phúc Hòa",
    "thị trấn Vân Sơn",
    "thôn Bản Chang",
    "xóm Đồng Tâm",
    "bản Lũng Cú",
]
FILLER_TEXT = (
    "người dân đồng tình hưởng ứng tích cực các cấp các ngành phối hợp chặt chẽ kịp thời "
    "tháo gỡ khó khăn vướng mắc nâng cao chất lượng hiệu quả hoạt động bám sát cơ sở "
    "đảm bảo đúng tiến độ đề ra góp phần hoàn thành thắng lợi nhiệm vụ chính trị năm "
    "tuyên truyền sâu rộng đến từng hộ gia đình đồng bào các dân tộc thiểu số vùng cao "
    "biên giới học sinh giáo viên cán bộ công chức viên chức doanh nghiệp hợp tác xã "
    "cây chè shan tuyết quế hồi lúa nước ngô đông chăn nuôi gia súc gia cầm thủy sản"
)
FILLER = FILLER_TEXT.split()
DOCUMENT_SUFFIXES = ["QĐ-UBND", "KH-UBND", "NQ-HĐND", "CV-UBND", "TB-UBND", "BC-UBND"]
COMMUNES = [
    ("Xã Khe Mây", "khemay.bench.invalid"),
    ("Xã Phúc Hòa", "phuchoa.bench.invalid"),
    ("Thị trấn Vân Sơn", "thitran.bench.invalid"),
]


def percentile(values, q):
    """The q-th percentile of values (seconds) in milliseconds, or None."""
    if not values:
        return None
    if len(values) == 1:
        return values[0] * 1000
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] * 1000


# --------------------------------------------------------------------------- set-up


def base_env(workdir, settings_module):
    env = {k: v for k, v in os.environ.items() if k not in SCRUBBED_ENV}
    env.update(
        DJANGO_SETTINGS_MODULE=settings_module,
        PYTHONPATH=f"{workdir}{os.pathsep}{ROOT}",
        PORTAL_VAR_DIR=str(workdir / "var"),
        SECRET_KEY=secrets.token_urlsafe(60),
        ALLOWED_HOSTS=f"{HOST},localhost,.bench.invalid",
        SECURE_SSL_REDIRECT="false",
        LOG_LEVEL="ERROR",
        PYTHONUNBUFFERED="1",
    )
    return env


def write_settings(workdir):
    name = "portal_bench_search_settings"
    (workdir / f"{name}.py").write_text(
        '"""Production settings with static files collected outside the work tree."""\n\n'
        "from portal.settings.production import *  # noqa: F403\n\n"
        f"STATIC_ROOT = {str(workdir / 'static')!r}\n"
    )
    return name


def run_step(description, args, env, timeout):
    """Runs a command; returns (stdout, seconds); raises SetupError if it fails."""
    log(description)
    started = time.monotonic()
    try:
        done = subprocess.run(
            args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
        )
    except subprocess.TimeoutExpired as exc:
        raise SetupError(f"{description}: no answer after {timeout} s") from exc
    seconds = time.monotonic() - started
    if done.returncode != 0:
        raise SetupError(
            f"{description} failed ({done.returncode}):\n{done.stdout[-3000:]}{done.stderr[-3000:]}"
        )
    log(f"  done in {seconds:.1f} s")
    return done.stdout, seconds


# ------------------------------------------------------------------ populate (child)


def sentence(rng, words=12):
    return " ".join(rng.choice(FILLER) for _ in range(words))


def title_of(rng, n):
    return (
        f"{rng.choice(SUBJECTS)} {rng.choice(ACTIONS)} về {rng.choice(TOPICS)} "
        f"tại {rng.choice(PLACES)} (số {n})"
    )


def populate(items, port, out_path):
    """Builds the sites and the items; writes the sample queries to out_path."""
    import datetime
    import uuid

    django_setup()

    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction

    from wagtail.models import Page, Site

    from communes.provisioning import create_commune
    from documents.models import (
        DocumentIndexPage,
        DocumentType,
        IssuingBody,
        LegalDocumentPage,
    )
    from documents.numbers import number_key, searchable_text
    from news.models import (
        NewsIndexPage,
        NewsPage,
        RadioEpisodePage,
        RadioIndexPage,
        RadioProgramme,
    )
    from portal.models import HomePage, SiteSettings, StandardPage

    rng = random.Random(20250601)
    now = datetime.datetime.now(datetime.UTC).replace(microsecond=0)

    def publish_child(parent, page):
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page

    with transaction.atomic():
        Site.objects.all().delete()
        Page.objects.filter(depth=2).delete()
        root = Page.get_first_root_node()
        home = publish_child(
            root, HomePage(title="Cổng thông tin điện tử huyện Vân Sơn", slug="huyen-van-son")
        )
        site = Site.objects.create(
            hostname=HOST, port=port, root_page=home, is_default_site=True, site_name="Vân Sơn"
        )
        SiteSettings.objects.create(site=site, unit_name="Ủy ban nhân dân huyện Vân Sơn")
        news = publish_child(home, NewsIndexPage(title="Tin tức", slug="tin-tuc"))
        register = publish_child(home, DocumentIndexPage(title="Văn bản", slug="van-ban"))
        radio = publish_child(home, RadioIndexPage(title="Phát thanh", slug="phat-thanh"))
        about = publish_child(home, StandardPage(title="Giới thiệu", slug="gioi-thieu"))
        units = [{"news": news, "register": register, "pages": about}]
        for name, hostname in COMMUNES:
            commune = create_commune(name, hostname)
            children = {page.slug: page.specific for page in commune.page.get_children()}
            units.append(
                {
                    "news": children["tin-tuc"],
                    "register": children["van-ban"],
                    "pages": children["gioi-thieu"],
                }
            )
        programme = RadioProgramme.objects.create(name="Thời sự huyện Vân Sơn")
        types = [
            DocumentType.objects.get_or_create(name=name)[0]
            for name in ("Quyết định", "Kế hoạch", "Nghị quyết", "Công văn", "Thông báo")
        ]
        body_id = IssuingBody.objects.get_or_create(name="UBND huyện Vân Sơn")[0].pk

    counts = {
        "news": items * 60 // 100,
        "documents": items * 20 // 100,
        "radio": items * 10 // 100,
    }
    counts["pages"] = items - sum(counts.values())
    plan = []  # (parent, model, values)
    for n in range(counts["news"]):
        title = title_of(rng, n)
        published = now - datetime.timedelta(minutes=131 * n + 7)
        body = [
            {"type": "paragraph", "value": f"<p>{sentence(rng, 40)}.</p>"},
            {"type": "paragraph", "value": f"<p>{sentence(rng, 40)}.</p>"},
        ]
        plan.append(
            (
                rng.choice(units)["news"],
                NewsPage,
                {
                    "title": title,
                    "lead": f"{title}: {sentence(rng, 15)}.",
                    "body": json.dumps(body, ensure_ascii=False),
                    "author": "Minh Anh",
                    "published_at": published,
                },
            )
        )
    for n in range(counts["documents"]):
        issued = (now - datetime.timedelta(days=n % 1800)).date()
        number = f"{n + 1}/{issued.year}/{DOCUMENT_SUFFIXES[n % len(DOCUMENT_SUFFIXES)]}"
        title = f"{types[n % len(types)].name} về {rng.choice(TOPICS)} năm {issued.year}"
        summary = f"Về việc {rng.choice(ACTIONS)} {rng.choice(TOPICS)} {sentence(rng, 12)}"
        plan.append(
            (
                rng.choice(units)["register"],
                LegalDocumentPage,
                {
                    "title": title,
                    "number": number,
                    "number_key": number_key(number),
                    "document_type_id": types[n % len(types)].pk,
                    "issuing_body_id": body_id,
                    "signer": "Nguyễn Văn An",
                    "signer_title": "Chủ tịch",
                    "issued_on": issued,
                    "effective_on": issued,
                    "summary": summary,
                    "full_text": f"<p>{sentence(rng, 60)}</p>",
                    "search_text": searchable_text(f"{number} {title} {summary}"),
                },
            )
        )
    for n in range(counts["radio"]):
        plan.append(
            (
                radio,
                RadioEpisodePage,
                {
                    "title": f"Bản tin thời sự {rng.choice(TOPICS)} (số {n})",
                    "broadcast_at": now - datetime.timedelta(hours=19 * n + 3),
                    "programme_id": programme.pk,
                    "audio": f"phat-thanh/ban-tin-{n}.mp3",
                    "summary": f"{rng.choice(SUBJECTS)} {rng.choice(ACTIONS)}.",
                    "transcript": f"<p>{sentence(rng, 80)}</p>",
                },
            )
        )
    for n in range(counts["pages"]):
        body = [{"type": "paragraph", "value": f"<p>{sentence(rng, 60)}</p>"}]
        plan.append(
            (
                rng.choice(units)["pages"],
                StandardPage,
                {
                    "title": f"Thông tin về {rng.choice(TOPICS)} tại {rng.choice(PLACES)} ({n})",
                    "intro": sentence(rng, 15),
                    "body": json.dumps(body, ensure_ascii=False),
                },
            )
        )

    with transaction.atomic():
        locale = home.locale
        by_parent = {}
        for parent, model, values in plan:
            by_parent.setdefault(parent.pk, (parent, []))[1].append((model, values))
        pages, extras = [], []
        for parent, children in by_parent.values():
            parent.refresh_from_db()
            step = parent.numchild
            for model, values in children:
                step += 1
                path = Page._get_path(parent.path, parent.depth + 1, step)
                slug = f"muc-{len(pages) + 1}"
                first = values.get("published_at") or values.get("broadcast_at") or now
                if not isinstance(first, datetime.datetime):
                    first = now
                pages.append(
                    Page(
                        title=values["title"],
                        draft_title=values["title"],
                        slug=slug,
                        path=path,
                        depth=parent.depth + 1,
                        numchild=0,
                        url_path=f"{parent.url_path}{slug}/",
                        live=True,
                        has_unpublished_changes=False,
                        first_published_at=first,
                        last_published_at=first,
                        content_type=ContentType.objects.get_for_model(model),
                        locale=locale,
                        translation_key=uuid.uuid4(),
                    )
                )
                extras.append((path, model, values))
            Page.objects.filter(pk=parent.pk).update(numchild=step)
        Page.objects.bulk_create(pages, batch_size=500)
        ids = dict(Page.objects.filter(depth__gte=3).values_list("path", "pk").iterator())
        rows = {}
        for path, model, values in extras:
            fields = [f for f in model._meta.local_concrete_fields if f.name != "page_ptr"]
            kwargs = {
                f.attname: values.get(f.attname, values.get(f.name, f.get_default()))
                for f in fields
            }
            rows.setdefault(model, []).append(model(page_ptr_id=ids[path], **kwargs))
        for model, instances in rows.items():
            insert_fields = list(model._meta.local_concrete_fields)
            for start in range(0, len(instances), 500):
                model._base_manager._insert(instances[start : start + 500], fields=insert_fields)
    problems = Page.find_problems()
    if any(problems):
        raise SystemExit(f"treebeard problems: {problems}")

    # Queries: words and runs of words of the generated titles and texts.
    texts = [values["title"] for _, _, values in plan] + [
        values.get("summary") or values.get("lead") or values.get("intro") or ""
        for _, _, values in plan
    ]
    from portal.search.analyzer import words

    queries = {1: [], 2: [], 4: []}
    for size in queries:
        while len(queries[size]) < 400:
            text = rng.choice(texts).split()
            if len(text) < size:
                continue
            start = rng.randrange(len(text) - size + 1)
            query = " ".join(text[start : start + size])
            if not words(query):
                continue
            if rng.random() < 0.5:
                query = " ".join(words(query))  # typed without accents
            queries[size].append(query)
    live = Page.objects.filter(depth__gte=4, live=True).count()
    out_path.write_text(json.dumps({"queries": queries, "site_id": site.pk, "pages": live}))
    print(f"{len(plan)} items: {counts}", flush=True)


# ---------------------------------------------------------- query latency (child)


def latency(in_path, out_path, per_size):
    """Times the engine work of one search page for each query; writes the timings."""
    django_setup()

    from wagtail.models import Site

    from portal.search import views
    from portal.search.forms import number_key, query_terms

    data = json.loads(in_path.read_text())
    site = Site.objects.get(pk=data["site_id"])
    scope = views.scopes_for(site, list(Site.objects.select_related("root_page")))[0]

    def one(query):
        terms = query_terms(query)
        queryset = views.base_queryset(terms, number_key(query), scope)
        started = time.perf_counter()
        _, hits, _ = views.fetch(queryset.facet("kind").facet("year"), 0, 10)
        return time.perf_counter() - started, hits

    for query in data["queries"]["1"][:5]:
        one(query)  # opens the index
    results = {}
    for size in ("1", "2", "4"):
        timings, hits = [], []
        for query in data["queries"][size][:per_size]:
            seconds, found = one(query)
            timings.append(seconds)
            hits.append(found)
        results[size] = {"timings": timings, "hits": hits}
    out_path.write_text(json.dumps(results))


# -------------------------------------------------------------- serving and load


class Gunicorn:
    """gunicorn in its own process group, stopped (group and all) on exit."""

    def __init__(self, env, port, workers, log_path):
        self.env, self.port, self.workers, self.log_path = env, port, workers, log_path
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
                str(self.workers),
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
            deadline = time.monotonic() + 60
            while True:
                if self.process.poll() is not None:
                    raise SetupError(f"gunicorn exited ({self.process.returncode})")
                with contextlib.suppress(OSError, http.client.HTTPException):
                    if fetch(self.port, "/healthz", timeout=5)[0] == 200:
                        break
                if time.monotonic() > deadline:
                    raise SetupError("gunicorn did not answer /healthz within 60 s")
                time.sleep(0.2)
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

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


def load(port, paths, concurrency, seconds):
    """Requests from `concurrency` threads for `seconds`: (count, errors, latencies, wall)."""
    stop = time.monotonic() + seconds
    lock = threading.Lock()
    latencies, errors, samples = [], [0], []

    def worker(offset):
        position = offset
        while time.monotonic() < stop:
            path = paths[position % len(paths)]
            position += concurrency
            started = time.perf_counter()
            try:
                status, _ = fetch(port, path)
            except (OSError, http.client.HTTPException) as error:
                status = repr(error)
            elapsed = time.perf_counter() - started
            with lock:
                latencies.append(elapsed)
                if status != 200:
                    errors[0] += 1
                    if len(samples) < 5:
                        samples.append((path, status))

    started = time.monotonic()
    threads = [threading.Thread(target=worker, args=(n,)) for n in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return len(latencies), errors[0], latencies, time.monotonic() - started, samples


# ------------------------------------------------------------------------- main


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--items", type=int, default=20_000)
    parser.add_argument("--queries", type=int, default=200, help="timed queries per size")
    parser.add_argument("--duration", type=float, default=20.0, help="seconds of load")
    parser.add_argument("--warmup", type=float, default=3.0)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--port", type=int, default=8792)
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    parser.add_argument("--populate", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--latency", nargs=2, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    if args.populate:
        populate(args.items, args.port, Path(args.populate[1]))
        return 0
    if args.latency:
        latency(Path(args.latency[0]), Path(args.latency[1]), args.queries)
        return 0

    workdir = Path(tempfile.mkdtemp(prefix="portal-bench-search-"))
    status = 0
    load_before = os.getloadavg()[0]
    try:
        env = base_env(workdir, write_settings(workdir))
        manage = [str(PYTHON), "manage.py"]
        run_step("migrate", [*manage, "migrate", "--noinput"], env, 600)
        run_step("collectstatic", [*manage, "collectstatic", "--noinput"], env, 600)
        data_path = workdir / "data.json"
        out, _ = run_step(
            f"populate {args.items} items",
            [
                str(PYTHON),
                __file__,
                "--items",
                str(args.items),
                "--port",
                str(args.port),
                "--populate",
                "x",
                str(data_path),
            ],
            env,
            1200,
        )
        log(out.strip().splitlines()[-1])
        _, build_seconds = run_step(
            "rebuild_index", [*manage, "rebuild_index", "--noinput"], env, 1800
        )
        data = json.loads(data_path.read_text())
        latency_path = workdir / "latency.json"
        run_step(
            f"latency: {args.queries} queries of 1, 2 and 4 words",
            [
                str(PYTHON),
                __file__,
                "--queries",
                str(args.queries),
                "--latency",
                str(data_path),
                str(latency_path),
            ],
            env,
            900,
        )
        timings = json.loads(latency_path.read_text())

        mixed = []
        for first, second, third in zip(
            *(data["queries"][s] for s in ("1", "2", "4")), strict=True
        ):
            mixed += [first, second, third]
        paths = [f"/tim-kiem/?{urllib.parse.urlencode({'q': query})}" for query in mixed]
        log(f"gunicorn --workers {args.workers} on {HOST}:{args.port}")
        with Gunicorn(env, args.port, args.workers, workdir / "gunicorn.log"):
            status_code, body = fetch(args.port, paths[0])
            if status_code != 200 or "Tìm thấy".encode() not in body:
                raise SetupError(f"GET {paths[0]} answered {status_code} without results")
            warm = load(args.port, paths, args.concurrency, args.warmup)
            log(f"load: {args.concurrency} threads for {args.duration:.0f} s")
            count, errors, latencies, wall, samples = load(
                args.port, paths[len(paths) // 2 :] + paths, args.concurrency, args.duration
            )
            load_during = os.getloadavg()[0]
        if errors or warm[1]:
            status = 1

        print()
        print(
            f"Search benchmark: {args.items} items ({data['pages']} live pages), "
            f"{os.cpu_count()} CPUs, load average {load_before:.1f} before the run "
            f"and {load_during:.1f} at the end of the load phase"
        )
        print(f"  index build (manage.py rebuild_index): {build_seconds:.1f} s")
        print("  query latency (engine, one results page with facets), ms:")
        print("    words  queries  p50     p95     mean hits")
        for size in ("1", "2", "4"):
            values = timings[size]["timings"]
            hits = timings[size]["hits"]
            print(
                f"    {size:<5}  {len(values):<7}  {ms(percentile(values, 50)):<6}  "
                f"{ms(percentile(values, 95)):<6}  {statistics.mean(hits):.0f}"
            )
        print(
            f"  /tim-kiem/ through gunicorn ({args.workers} workers, {args.concurrency} client "
            f"threads, {args.duration:.0f} s, 1/2/4-word queries in turn):"
        )
        print(
            f"    {count / wall:.1f} requests/s, p50 {ms(percentile(latencies, 50))} ms, "
            f"p95 {ms(percentile(latencies, 95))} ms, {count} requests, "
            f"{errors + warm[1]} errors"
        )
        for path, answer in samples + warm[4]:
            print(f"    error sample: {path} -> {answer}")
    except SetupError as error:
        print(f"set-up failed: {error}", file=sys.stderr)
        status = 2
    finally:
        if args.keep:
            log(f"kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
