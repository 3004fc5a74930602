"""Site-wide views that are not pages: health, robots.txt, errors and visit counting."""

import re

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.db.models import Sum
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from wagtail.models import Site

from . import counters
from .models import DailyVisitCount, PageViewCount


@never_cache
@require_GET
def healthz(request):
    """200 when the database answers a query, 503 when it does not (for load balancers)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


@require_GET
@cache_control(max_age=3600, public=True)
def robots_txt(request):
    """robots.txt for the requested host, pointing to that host's own sitemap."""
    sitemap_url = request.build_absolute_uri("/sitemap.xml")
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /tim-kiem/",
        "",
        f"Sitemap: {sitemap_url}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def server_error(request):
    """The 500 page; rendered without a database so it works when the database does not."""
    template = loader.get_template("500.html")
    return HttpResponse(template.render({}), status=500)


BOT_PATTERN = re.compile(
    r"bot|crawl|spider|slurp|facebookexternalhit|zalo.*preview|curl|wget|python-requests|"
    r"httpclient|lighthouse|pingdom|monitor",
    re.IGNORECASE,
)
VISIT_STATS_SECONDS = 30


def is_countable(request):
    """A person reading the public site: not a bot, a prefetch or a member of staff."""
    agent = request.headers.get("User-Agent", "")
    if not agent or BOT_PATTERN.search(agent):
        return False
    if request.headers.get("Sec-Purpose", "").startswith("prefetch"):
        return False
    if request.headers.get("Purpose") == "prefetch":
        return False
    user = request.user
    return not (user.is_authenticated and user.has_perm("wagtailadmin.access_admin"))


@csrf_exempt
@require_POST
@never_cache
def count_visit(request):
    """Counts a page view (sent by the page's script) and answers the current figures.

    The request path writes nothing to the database: counts go to the process's
    buffer (see portal.counters) and figures come from a short-lived cache.
    """
    site = Site.find_for_request(request)
    if site is None:
        return JsonResponse({"error": gettext("Không xác định được trang.")}, status=404)
    try:
        page_id = int(request.POST.get("page", "")) or None
    except ValueError:
        page_id = None
    if is_countable(request):
        counters.buffer.record(site.pk, page_id)
    data = {**site_visit_stats(site.pk)}
    data["total"] += counters.buffer.pending_visits(site.pk)
    data["today"] += counters.buffer.pending_visits(site.pk, timezone.localdate())
    if page_id:
        data["page"] = page_views(page_id) + counters.buffer.pending_page_views(page_id)
    return JsonResponse(data)


def site_visit_stats(site_id):
    """Total and today's written visits of a site, cached for half a minute."""
    key = f"portal:visits:{site_id}:{timezone.localdate().isoformat()}"
    stats = cache.get(key)
    if stats is None:
        rows = DailyVisitCount.objects.filter(site_id=site_id)
        stats = {
            "total": rows.aggregate(total=Sum("visits"))["total"] or 0,
            "today": rows.filter(day=timezone.localdate()).values_list("visits", flat=True).first()
            or 0,
        }
        cache.set(key, stats, VISIT_STATS_SECONDS)
    return dict(stats)


def page_views(page_id):
    """Written views of a page."""
    return (
        PageViewCount.objects.filter(page_id=page_id).values_list("views", flat=True).first() or 0
    )
