"""RSS 2.0 feeds: one per news section (its subtree) and one for a whole site."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext

from .models import FEED_LENGTH, public_articles


class NewsFeed(Feed):
    """The newest articles under a root page (a section, or a site's home page)."""

    feed_type = Rss201rev2Feed
    language = "vi"

    def get_object(self, request, root):
        self.request = request
        return root

    def title(self, root):
        return root.title

    def link(self, root):
        return root.get_full_url(request=self.request)

    def description(self, root):
        return getattr(root, "intro", "") or gettext("Tin mới nhất: %(title)s") % {
            "title": root.title
        }

    def items(self, root):
        return public_articles(within=root).only(
            "title", "lead", "url_path", "published_at", "first_published_at", "path", "depth"
        )[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return item.get_full_url(request=self.request)

    def item_guid(self, item):
        return item.get_full_url(request=self.request)

    def item_guid_is_permalink(self, item):
        return True

    def item_pubdate(self, item):
        return item.published_at
