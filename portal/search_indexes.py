"""Public search entries for information pages (see portal/search/indexing.py).

Other apps register their own page types in their search_indexes.py; haystack finds them.
"""

from haystack import indexes

from .models import StandardPage
from .search.indexing import PageIndex, stream_text


class StandardPageIndex(PageIndex, indexes.Indexable):
    """An information page (Giới thiệu, Liên hệ…): title, intro and body."""

    kind_code = "page"

    def get_model(self):
        return StandardPage

    def summary_of(self, page):
        return page.intro or page.search_description

    def body_of(self, page):
        return stream_text(page.body)
