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

How it stays isolated (the machinery is in _common.py, shared with documents.py)
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
    here (checked afterwards with the checks of ``Page.find_problems()`` in one query,
    _common.check_tree). Every article has a lead, a short body, two tags and one of
    eight cover photos; one in 40 is featured. The photos' renditions are made before
    serving, by rendering the pages that show them.
    On PostgreSQL, ANALYZE runs after the bulk insert (autovacuum would on a live
    site); SQLite gets none, as shipped. Neither the database search index nor the
    public search's (portal/search, Whoosh under the temporary directory) is filled for
    the bulk-inserted articles: no page measured here searches.

How to run it (about 4 minutes per database on a 2-core machine)::

    .venv/bin/python bench/news.py
    .venv/bin/python bench/news.py --db sqlite --articles 2000 --duration 5

Exits with status 1 if any request failed (warm-up included) and 2 if the set-up did.
"""

import argparse
import json
from pathlib import Path

from _common import (
    HOST,
    Benchmark,
    SetupError,
    add_arguments,
    analyze_if_postgres,
    bulk_add_children,
    check_tree,
    create_district,
    django_setup,
    entry,
    fetch,
    run,
)

ARTICLE_SAMPLE = 200
INDEX_PAGES = 50
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


def populate(articles, port, out_path):
    """Builds the district, /tin-tuc/, five sections and the articles; writes URLs to out_path.

    Runs in a child process with DJANGO_SETTINGS_MODULE and the database set.
    """
    import datetime

    django_setup()

    from django.db import transaction
    from django.test import Client, override_settings

    from taggit.models import Tag

    from news.models import NewsIndexPage, NewsPage, NewsPageTag
    from portal.demo import draw_landscape, get_or_create_image

    now = datetime.datetime.now(datetime.UTC).replace(microsecond=0)
    home, emblem = create_district(port)
    with transaction.atomic():
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
        for index, (section, numbers) in enumerate(zip(sections, per_section, strict=True)):
            rest = numbers[by_hand:]
            items = [
                {**values, "published": values["published_at"]}
                for values in map(article_fields, rest)
            ]
            pks = bulk_add_children(section, NewsPage, items)
            numbered += zip(pks, rest, strict=True)
            print(f"section {index + 1}/{len(sections)}: {len(numbers)} articles", flush=True)
        tagged = [
            NewsPageTag(content_object_id=pk, tag=tags[i])
            for pk, n in numbered
            for i in sorted({n % len(tags), (n * 7 + 3) % len(tags)})
        ]
        NewsPageTag.objects.bulk_create(tagged, batch_size=500)

    # Checks: counts and a valid tree (the pages themselves are checked over HTTP).
    check_tree()
    live = NewsPage.objects.live().public().descendant_of(news).count()
    if live != articles or NewsPage.objects.count() != articles:
        raise SystemExit(f"expected {articles} articles, found {live} live")
    news.refresh_from_db()
    if news.numchild != len(sections):
        raise SystemExit(f"/tin-tuc/ has numchild {news.numchild}")

    analyze_if_postgres()
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


def phases(urls, mode):
    """The article sample, then the index: /tin-tuc/ only when cached, 50 pages when not."""
    last_page = index_pages(urls["count"])
    index_paths = ["/tin-tuc/"] + [f"/tin-tuc/?trang={n}" for n in range(2, last_page + 1)]
    return [
        ("article", urls["articles"]),
        ("index", ["/tin-tuc/"] if mode == "cached" else index_paths),
    ]


BENCH = Benchmark(
    script=Path(__file__).resolve(),
    populate_args=lambda args: ["--articles", str(args.articles)],
    heading=lambda args: f"news pages: {args.articles} articles",
    check=check_pages,
    phases=phases,
)


def parse_args(argv=None):
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    add_arguments(parser, port=8791, pg_name="portal_bench")
    args = parser.parse_args(argv)
    if args.articles < len(SECTIONS) * 3 or args.concurrency < 1 or args.duration <= 0:
        parser.error("need at least 15 articles, 1 thread and a positive duration")
    return args


def main(argv=None):
    """Runs the benchmark (or, with --populate, fills the database); returns the exit status."""
    args = parse_args(argv)
    if args.populate:
        populate(args.articles, args.port, args.populate)
        return 0
    return run(BENCH, args)


if __name__ == "__main__":
    entry(main)
