"""Site-wide views that are not pages: health, robots.txt and the error pages."""

from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.template import loader
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET


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
    lines = ["User-agent: *", "Disallow: /admin/", "", f"Sitemap: {sitemap_url}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def server_error(request):
    """The 500 page; rendered without a database so it works when the database does not."""
    template = loader.get_template("500.html")
    return HttpResponse(template.render({}), status=500)
