"""Public search entries for legal documents (see portal/search/indexing.py).

Secret documents are never indexed: LegalDocumentQuerySet.publishable() is part of the
indexing rule. The number is indexed twice: as words ("42", "2022", "nd", "cp") in the
text and as its key ("422022ndcp"), so it matches however it is typed.
"""

from haystack import indexes

from portal.search.indexing import PageIndex

from .models import LegalDocumentPage


class LegalDocumentPageIndex(PageIndex, indexes.Indexable):
    """A document: number, title, summary, type, issuing body, signer, fields, full text."""

    kind_code = "document"

    def get_model(self):
        return LegalDocumentPage

    def with_related(self, queryset):
        return queryset.select_related("document_type", "issuing_body").prefetch_related("fields")

    def summary_of(self, page):
        return page.summary

    def body_of(self, page):
        return page.full_text

    def date_of(self, page):
        return page.issued_on

    def prepare_number(self, obj):
        return obj.number

    def prepare_number_key(self, obj):
        return obj.number_key
