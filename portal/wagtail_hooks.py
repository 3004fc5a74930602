"""Portal's Wagtail hooks: which served pages the page cache may store."""

from wagtail import hooks

from .page_cache import mark_cacheable


@hooks.register("before_serve_page")
def mark_public_pages_cacheable(page, request, serve_args, serve_kwargs):
    """Public pages outside preview may be cached; restricted ones never are."""
    if not getattr(request, "is_preview", False) and not page.get_view_restrictions().exists():
        mark_cacheable(request)
