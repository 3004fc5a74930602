"""The news app's models, one module per content area, re-exported from here.

- articles: news sections (NewsIndexPage) and articles (NewsPage)
- radio: the district radio (RadioIndexPage, RadioEpisodePage, programmes, schedule)

Dependencies point one way: these modules import portal; portal imports none of them.
"""

from .articles import (
    ARTICLES_PER_PAGE,
    FEED_LENGTH,
    LEAD_PICTURE,
    THUMBNAIL,
    NewsIndexPage,
    NewsPage,
    NewsPageTag,
    NewsRelatedLink,
    public_articles,
    with_thumbnails,
)
from .radio import BroadcastSlot, RadioEpisodePage, RadioIndexPage, RadioProgramme

__all__ = [
    "BroadcastSlot",
    "RadioEpisodePage",
    "RadioIndexPage",
    "RadioProgramme",
    "ARTICLES_PER_PAGE",
    "FEED_LENGTH",
    "LEAD_PICTURE",
    "THUMBNAIL",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageTag",
    "NewsRelatedLink",
    "public_articles",
    "with_thumbnails",
]
