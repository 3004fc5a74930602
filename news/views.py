"""The site-wide news feed, for the Site the request is addressed to."""

from django.http import Http404
from django.utils.translation import gettext

from wagtail.models import Site

from portal.page_cache import cacheable

from .feeds import NewsFeed


@cacheable
def site_feed(request):
    """RSS 2.0 of the newest articles anywhere in the requested site."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404(gettext("Không có trang nào cho tên miền này."))
    return NewsFeed()(request, root=site.root_page)
