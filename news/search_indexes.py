"""Public search entries for articles and radio episodes (see portal/search/indexing.py)."""

from haystack import indexes

from portal.search.indexing import PageIndex, stream_text

from .models import NewsPage, RadioEpisodePage


class NewsPageIndex(PageIndex, indexes.Indexable):
    """An article: title, lead, author, source, tags and body; dated by its publication."""

    kind_code = "news"

    def get_model(self):
        return NewsPage

    def with_related(self, queryset):
        return queryset.prefetch_related("tagged_items__tag")

    def summary_of(self, page):
        return page.lead

    def body_of(self, page):
        return stream_text(page.body)

    def date_of(self, page):
        return page.published_at or page.first_published_at

    def extra_text_context(self, page):
        return {"tags": " ".join(item.tag.name for item in page.tagged_items.all())}


class RadioEpisodePageIndex(PageIndex, indexes.Indexable):
    """A broadcast: title, programme, summary and transcript; dated by its broadcast."""

    kind_code = "radio"

    def get_model(self):
        return RadioEpisodePage

    def with_related(self, queryset):
        return queryset.select_related("programme")

    def summary_of(self, page):
        return page.summary

    def body_of(self, page):
        return page.transcript

    def date_of(self, page):
        return page.broadcast_at
