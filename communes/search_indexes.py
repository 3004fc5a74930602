"""Public search entries for commune home pages (see portal/search/indexing.py).

A commune's other pages (news, documents, information pages) are indexed by their own
types; each entry knows the commune Site it belongs to.
"""

from haystack import indexes

from portal.search.indexing import PageIndex

from .models import CommuneHomePage


class CommuneHomePageIndex(PageIndex, indexes.Indexable):
    """A commune's home page: its name, kind, introduction and contact details."""

    kind_code = "page"

    def get_model(self):
        return CommuneHomePage

    def summary_of(self, page):
        return page.intro or page.search_description
