"""URL configuration: admin, health, robots, sitemap, then Wagtail's page tree."""

from django.conf import settings
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from . import views
from .media import serve_media
from .page_cache import cacheable
from .search import views as search_views

handler500 = "portal.views.server_error"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("luot-truy-cap/", views.count_visit, name="count_visit"),
    path("sitemap.xml", cacheable(sitemap), name="sitemap"),
    path("tim-kiem/", search_views.search, name="search"),
    path("opensearch.xml", search_views.opensearch, name="opensearch"),
    # The project's URL conf is where apps are composed; portal's modules import none.
    path("", include("news.urls")),
    path("", include("documents.urls")),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
if settings.PORTAL_SERVE_MEDIA:
    # The embedded default serves media itself, with Range support for audio.
    urlpatterns += [
        re_path(rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$", serve_media, name="media")
    ]

urlpatterns += [path("", include(wagtail_urls))]
