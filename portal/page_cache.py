"""Whole-page caching for anonymous visitors, invalidated whenever content changes.

Public HTML is identical for every anonymous visitor (text size, contrast and the
visit counter live in the browser), so a page is rendered once and served from the
cache until something is published, unpublished, moved or deleted, or a view
restriction or site setting changes. Invalidation bumps one generation number that
is part of every key, so it is O(1) and correct for pages we never enumerate (lists,
feeds, the home page). Only responses a view marked cacheable are stored: Wagtail
pages without view restrictions (outside preview), and the feeds and sitemap.
"""

import hashlib
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

GENERATION_KEY = "pagecache:generation"


def mark_cacheable(request):
    """Lets PageCacheMiddleware store this request's response."""
    request.portal_cacheable = True


def cacheable(view):
    """Decorator for views whose response is the same for every anonymous visitor."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        mark_cacheable(request)
        return view(request, *args, **kwargs)

    return wrapper


def current_generation():
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        generation = cache.get(GENERATION_KEY, 1)
    return generation


def invalidate_all(**kwargs):
    """Makes every cached page stale at once."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, timeout=None)


class PageCacheMiddleware:
    """Serves anonymous GET and HEAD requests from the cache when a copy exists."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.PORTAL_PAGE_CACHE_SECONDS
        if not seconds or not self._is_anonymous_read(request):
            return self.get_response(request)
        key = self._key(request)
        cached = cache.get(key)
        if cached is not None:
            return cached
        response = self.get_response(request)
        if self._is_storable(request, response):
            if hasattr(response, "render") and callable(response.render):
                response.add_post_render_callback(lambda r: cache.set(key, r, seconds))
            else:
                cache.set(key, response, seconds)
        return response

    @staticmethod
    def _is_anonymous_read(request):
        # No session cookie means no logged-in user: staff see the admin's userbar
        # and previews, which must never be stored.
        return request.method in ("GET", "HEAD") and (
            settings.SESSION_COOKIE_NAME not in request.COOKIES
        )

    @staticmethod
    def _is_storable(request, response):
        return (
            getattr(request, "portal_cacheable", False)
            and response.status_code == 200
            and not response.cookies
            and "private" not in response.get("Cache-Control", "")
            and not response.streaming
        )

    @staticmethod
    def _key(request):
        location = f"{request.get_host()}{request.get_full_path()}"
        digest = hashlib.sha256(location.encode()).hexdigest()
        # The local date is part of the key: pages that depend on "today" (a document's
        # validity, the radio's schedule) are fresh from midnight, Asia/Ho_Chi_Minh.
        today = timezone.localdate().isoformat()
        return f"pagecache:{current_generation()}:{today}:{request.method}:{digest}"


for signal in (page_published, page_unpublished, post_page_move, page_slug_changed):
    signal.connect(invalidate_all, dispatch_uid=f"pagecache-{signal}")


@receiver(post_delete, dispatch_uid="pagecache-delete")
def _invalidate_on_delete(sender, instance, **kwargs):
    if isinstance(instance, Page | PageViewRestriction | Site):
        invalidate_all()


@receiver(post_save, dispatch_uid="pagecache-save")
def _invalidate_on_settings(sender, instance, **kwargs):
    from .models import SiteSettings

    if isinstance(instance, PageViewRestriction | Site | SiteSettings):
        invalidate_all()
