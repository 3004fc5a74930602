"""Haystack engines with Vietnamese folding: Whoosh (the default) and Elasticsearch 7.

Pick one with HAYSTACK_CONNECTIONS["default"]["ENGINE"] (portal/settings/base.py does it
from the environment); nothing else in the portal knows which one runs.

- VietnameseWhooshEngine: haystack's Whoosh backend with the analyzer of
  portal/search/analyzer.py on every text field, exact single-term facet fields, and
  removals that wait for the index lock (haystack's give up at once and only log, which
  would leave an unpublished page findable while another process was writing).
- VietnameseElasticsearchEngine: haystack's Elasticsearch 7 backend whose text fields use
  the `vietnamese_folded` analyzer of ELASTICSEARCH_INDEX_SETTINGS (the same steps as the
  Whoosh analyzer: words of any script, lower case, accents folded, đ → d, no stemming).
  It needs `pip install "elasticsearch>=7,<8"`; docs/deploy.md says how to run it.
"""

import copy
import os
import threading

from haystack.backends import log_query
from haystack.backends.whoosh_backend import WhooshEngine, WhooshSearchBackend
from haystack.constants import ID
from haystack.exceptions import MissingDependency, SearchBackendError
from haystack.utils import get_identifier

from django.core.exceptions import ImproperlyConfigured

from .analyzer import field_facets, merge_smallest, vietnamese_schema

# Seconds a removal waits for another process's write to finish.
LOCK_TIMEOUT = 30
# Documents per write in update_index/rebuild_index, and segments kept after a write.
REBUILD_BATCH_SIZE = 5000
MAX_SEGMENTS = 4
# Search options the fast path leaves to haystack's own search.
UNSUPPORTED_BY_FAST_PATH = (
    "highlight",
    "date_facets",
    "query_facets",
    "narrow_queries",
    "within",
    "dwithin",
    "distance_point",
    "models",
)


class VietnameseWhooshBackend(WhooshSearchBackend):
    """Whoosh with the Vietnamese analyzer."""

    def __init__(self, connection_alias, **connection_options):
        # Larger batches for update_index/rebuild_index: fewer segments to merge.
        connection_options.setdefault("BATCH_SIZE", REBUILD_BATCH_SIZE)
        super().__init__(connection_alias, **connection_options)
        self._local = threading.local()

    def update(self, index, iterable, commit=True):
        super().update(index, iterable, commit=commit)
        self.compact()

    def compact(self):
        """Merges the smallest segments when there are more than MAX_SEGMENTS.

        Every write adds a segment and Whoosh's own policy merges only tiny ones, so a
        rebuild leaves one per batch and every query then pays for each. Merging the
        smallest keeps a handful, at a cost that stays small for one-page updates.
        """
        if not self.setup_complete:
            self.setup()
        if len(self.index._segments()) <= MAX_SEGMENTS:
            return
        try:
            writer = self.index.writer(timeout=LOCK_TIMEOUT, delay=0.05)
        except Exception:
            self.log.exception("Could not lock the Whoosh index to merge segments")
            return
        try:
            writer.commit(mergetype=merge_smallest(MAX_SEGMENTS))
        except Exception:
            writer.cancel()
            if not self.silently_fail:
                raise
            self.log.exception("Failed to merge Whoosh segments")

    def build_schema(self, fields):
        content_field_name, schema = super().build_schema(fields)
        return content_field_name, vietnamese_schema(schema, fields)

    @log_query
    def search(self, query_string, **kwargs):
        """haystack's search, faster for what the portal asks.

        The portal's queries (a query string, field facets, an order, a page) run on a
        searcher kept open between queries and reopened only when the index changed
        (haystack opens every segment anew for each query), with single-valued facets
        read from their columns. Anything else goes to haystack's own search. Either
        way, everything in this index was written by one of our indexes, so haystack's
        "registered models only" filter (one more full search on Whoosh) is left out.
        """
        kwargs.setdefault("limit_to_registered_models", False)
        simple = not any(kwargs.get(name) for name in UNSUPPORTED_BY_FAST_PATH)
        if not simple or kwargs["limit_to_registered_models"]:
            return super().search(query_string, **kwargs)
        return self._fast_search(query_string, **kwargs)

    def _fast_search(
        self,
        query_string,
        sort_by=None,
        start_offset=0,
        end_offset=None,
        facets=None,
        spelling_query=None,
        result_class=None,
        **kwargs,
    ):
        empty = {"results": [], "hits": 0, "spelling_suggestion": None}
        if not self.setup_complete:
            self.setup()
        query_string = str(query_string or "")
        if not query_string or (len(query_string) <= 1 and query_string != "*"):
            return empty
        reverse = False
        if sort_by:
            directions = {field.startswith("-") for field in sort_by}
            if len(directions) > 1:
                raise SearchBackendError("Whoosh sorts every field the same way.")
            reverse = directions == {True}
            sort_by = [field.lstrip("-") for field in sort_by]
        searcher = self._searcher()
        if not searcher.doc_count():
            return empty
        parsed = self.parser.parse(query_string)
        if parsed is None:
            return empty
        page_num, page_length = self.calculate_page(start_offset, end_offset)
        facets = list(facets or [])
        try:
            raw_page = searcher.search_page(
                parsed,
                page_num,
                pagelen=page_length,
                sortedby=sort_by or None,
                reverse=reverse,
                groupedby=field_facets(facets),
            )
        except ValueError:
            if not self.silently_fail:
                raise
            return empty
        if raw_page.pagenum < page_num:
            return empty
        return self._process_results(
            raw_page,
            query_string=query_string,
            spelling_query=spelling_query,
            result_class=result_class,
            facet_types=dict.fromkeys(facets, "fields"),
        )

    def _searcher(self):
        """This thread's searcher, reopened if the index changed since it was opened."""
        searcher, version = getattr(self._local, "searcher", (None, None))
        current = self._version()
        # Reopened whole: whoosh-reloaded's Searcher.refresh() keeps the old segments
        # beside the new ones, so a changed document would be found twice.
        if searcher is None or searcher._ix is not self.index or version != current:
            if searcher is not None:
                searcher.close()
            searcher = self.index.searcher()
            self._local.searcher = (searcher, current)
        return searcher

    def _version(self):
        """The index's generation, and when it was written (a rebuild starts the count
        again, so a generation number alone could match an index that is gone)."""
        generation = self.index.latest_generation()
        if not self.use_file_storage:
            return generation, None
        toc = os.path.join(self.path, f"_{self.index.indexname}_{generation}.toc")
        try:
            return generation, os.stat(toc).st_mtime_ns
        except OSError:
            return generation, None

    def remove(self, obj_or_string, commit=True):
        self.remove_many([get_identifier(obj_or_string)])

    def remove_many(self, identifiers):
        """Removes entries by identifier ("news.newspage.42") in one write."""
        identifiers = list(identifiers)
        if not identifiers:
            return
        if not self.setup_complete:
            self.setup()
        self.index = self.index.refresh()
        # Only what is there: a write nobody needs would still make every process reopen.
        with self.index.searcher() as searcher:
            identifiers = [
                identifier
                for identifier in identifiers
                if searcher.document_number(**{ID: identifier}) is not None
            ]
        if not identifiers:
            return
        try:
            writer = self.index.writer(timeout=LOCK_TIMEOUT, delay=0.05)
        except Exception:
            if not self.silently_fail:
                raise
            self.log.exception("Could not lock the Whoosh index to remove %s", identifiers)
            return
        try:
            for identifier in identifiers:
                writer.delete_by_term(ID, identifier)
        except Exception:
            writer.cancel()
            if not self.silently_fail:
                raise
            self.log.exception("Failed to remove %s from Whoosh", identifiers)
        else:
            writer.commit()


class VietnameseWhooshEngine(WhooshEngine):
    backend = VietnameseWhooshBackend


# The analysis settings of the Elasticsearch index (also in docs/deploy.md). Without
# plugins: a char filter maps đ/Đ (asciifolding does too; the mapping makes it explicit),
# words are runs of letters, combining marks, digits or "_", then lower case and ASCII
# folding. With the ICU plugin, `vietnamese_icu` does the same with icu_normalizer (NFC)
# and icu_folding.
VIETNAMESE_ANALYSIS = {
    "char_filter": {
        "vietnamese_d": {"type": "mapping", "mappings": ["đ => d", "Đ => D"]},
    },
    "tokenizer": {
        "vietnamese_words": {"type": "pattern", "pattern": r"[^\p{L}\p{M}\p{N}_]+"},
    },
    "analyzer": {
        "vietnamese_folded": {
            "type": "custom",
            "char_filter": ["vietnamese_d"],
            "tokenizer": "vietnamese_words",
            "filter": ["lowercase", "asciifolding"],
        },
    },
}
VIETNAMESE_ICU_ANALYZER = {
    "type": "custom",
    "char_filter": ["icu_normalizer", "vietnamese_d"],
    "tokenizer": "vietnamese_words",
    "filter": ["icu_folding"],
}
VIETNAMESE_FIELD_MAPPING = {"type": "text", "analyzer": "vietnamese_folded"}


def elasticsearch_index_settings(base_settings, use_icu=False):
    """haystack's index settings with the Vietnamese analysis merged in."""
    settings = copy.deepcopy(base_settings)
    analysis = settings.setdefault("settings", {}).setdefault("analysis", {})
    for section, entries in VIETNAMESE_ANALYSIS.items():
        analysis.setdefault(section, {}).update(copy.deepcopy(entries))
    if use_icu:
        analysis["analyzer"]["vietnamese_folded"] = copy.deepcopy(VIETNAMESE_ICU_ANALYZER)
    return settings


try:
    from haystack.backends.elasticsearch7_backend import (
        Elasticsearch7SearchBackend,
        Elasticsearch7SearchEngine,
    )
except (ImportError, MissingDependency):  # the client is not installed

    class VietnameseElasticsearchEngine:
        """Stands in until `pip install "elasticsearch>=7,<8"`."""

        def __init__(self, *args, **kwargs):
            raise ImproperlyConfigured(
                "ELASTICSEARCH_URL is set but its client is missing: "
                'pip install "elasticsearch>=7,<8".'
            )

else:

    class VietnameseElasticsearchBackend(Elasticsearch7SearchBackend):
        """Elasticsearch 7 with `vietnamese_folded` on every text field."""

        DEFAULT_FIELD_MAPPING = VIETNAMESE_FIELD_MAPPING

        def __init__(self, connection_alias, **connection_options):
            super().__init__(connection_alias, **connection_options)
            self.DEFAULT_SETTINGS = elasticsearch_index_settings(
                Elasticsearch7SearchBackend.DEFAULT_SETTINGS,
                use_icu=bool(connection_options.get("ICU")),
            )

    class VietnameseElasticsearchEngine(Elasticsearch7SearchEngine):
        backend = VietnameseElasticsearchBackend
