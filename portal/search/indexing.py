"""What the public search may hold, and the fields every entry carries.

One rule decides what is indexable: `indexable()`. Every index's `index_queryset` (what
`rebuild_index` writes) and `should_update`, the signal processor (what a publish,
unpublish, move, delete or view-restriction change writes) and the search view (which
re-checks the pages of the results it shows) go through it. A page is indexable when it
is live, public (no view restriction on it or an ancestor), not past its expiry, and
publishable by its own type's rule (legal documents: not secret).

The index holds the live page row, never a revision: a draft saved on a live page changes
only revision data, so its text cannot reach the index until it is published.

Every entry stores what the results page shows (title, summary, an excerpt source, the
internal URL path, a date) so showing a result needs no database query, and the Sites
it belongs to: `site` (the deepest Site whose root contains it) and `sites` (every Site
whose root contains it), so a commune's search is its own subtree and the district's can
be the whole tree or the district alone.

Page types register by subclassing `PageIndex` in their app's search_indexes.py, naming
their kind (one of KINDS) and, if they like, their summary, body text and date.
"""

import datetime
import html
import logging

from haystack import indexes
from haystack.exceptions import SkipDocument

from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.models import Site

logger = logging.getLogger(__name__)

# Kinds of results, by the code stored in the index, with the label citizens see.
KINDS = {
    "news": _("Tin tức"),
    "document": _("Văn bản"),
    "radio": _("Phát thanh"),
    "page": pgettext_lazy("loại kết quả tìm kiếm: trang thông tin", "Trang"),
}
# Stored instead of "never expires", so one range filter covers every entry.
NEVER = datetime.datetime(9999, 12, 31)
# How much of a page's text is stored to cut excerpts from (the whole text is indexed).
STORED_BODY_CHARS = 3000
# Keys and block types of StreamField data that are settings, not text.
_NOT_TEXT_KEYS = {"id", "type", "level", "alignment", "format", "decorative"}
_NOT_TEXT_BLOCKS = {"embed"}


def indexable(queryset, now=None):
    """The pages of `queryset` a citizen may find: live, public, unexpired, publishable.

    The one rule of the search index. A queryset class may add its own condition by
    defining `publishable()` (LegalDocumentQuerySet: not secret).
    """
    now = now or timezone.now()
    queryset = queryset.live().public().filter(Q(expire_at__isnull=True) | Q(expire_at__gt=now))
    if callable(getattr(queryset, "publishable", None)):
        queryset = queryset.publishable()
    return queryset


def is_indexable(page):
    """Whether this page, as stored in the database now, passes `indexable()`."""
    model = type(page)
    return indexable(model._default_manager.filter(pk=page.pk)).exists()


def plain_text(value):
    """Text of HTML (rich text): tags removed, entities decoded, spaces collapsed."""
    return " ".join(html.unescape(strip_tags(str(value or ""))).split())


def stream_text(stream_value):
    """The words of a StreamField, read from its raw data (no block is rendered)."""
    parts = []

    def walk(value, key=None):
        if key in _NOT_TEXT_KEYS:
            return
        if isinstance(value, str):
            parts.append(plain_text(value))
        elif isinstance(value, dict):
            if "type" in value and "value" in value:
                if value["type"] not in _NOT_TEXT_BLOCKS:
                    walk(value["value"])
            else:
                for child_key, child in value.items():
                    walk(child, child_key)
        elif isinstance(value, list | tuple):
            for child in value:
                walk(child)

    raw = getattr(stream_value, "raw_data", None)
    walk(list(raw) if raw is not None else [])
    return " ".join(part for part in parts if part)


def local_naive(value):
    """A date or datetime as a naive datetime in the portal's time zone (what the index
    stores: Whoosh has no time zones, and dd/mm/yyyy must be the local day)."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(tzinfo=None)
    return datetime.datetime(value.year, value.month, value.day)


class PageIndex(indexes.SearchIndex):
    """The fields of every entry; subclasses add `Indexable` and name their model."""

    # One of KINDS; subclasses set it.
    kind_code = "page"

    text = indexes.CharField(document=True, stored=False, default="")
    title = indexes.CharField(indexed=False, default="")
    summary = indexes.CharField(indexed=False, default="")
    body = indexes.CharField(indexed=False, default="")
    url_path = indexes.CharField(indexed=False, default="")
    number = indexes.CharField(indexed=False, default="")
    number_key = indexes.CharField(default="")
    kind = indexes.CharField(faceted=True, indexed=False, default="page")
    year = indexes.CharField(faceted=True, indexed=False, default="")
    date = indexes.DateTimeField(null=True)
    expires = indexes.DateTimeField(null=True)
    site = indexes.CharField(faceted=True, indexed=False, default="")
    sites = indexes.MultiValueField(default=list)

    # What the index reads: the rule, plus what the text needs in few queries.

    def index_queryset(self, using=None):
        return self.with_related(indexable(self.get_model()._default_manager.all()))

    def read_queryset(self, using=None):
        return self.index_queryset(using=using)

    def should_update(self, instance, **kwargs):
        return is_indexable(instance)

    def with_related(self, queryset):
        """Adds select/prefetch_related for what the text template reads."""
        return queryset

    # What a page type tells about itself.

    def summary_of(self, page):
        """The page's short description (plain text, not HTML), shown first in results."""
        return getattr(page, "search_description", "") or ""

    def body_of(self, page):
        """The page's main text: HTML (rich text) or plain text."""
        return ""

    def date_of(self, page):
        """The date shown and sorted by: by default the last publication."""
        return page.last_published_at or page.first_published_at

    def extra_text_context(self, page):
        """More variables for the text template."""
        return {}

    # Preparation.

    def full_prepare(self, obj, with_string_facet=True):
        # Pages outside every Site have no address: nothing to show, nothing to index.
        if not self._sites_of(obj):
            raise SkipDocument
        return super().full_prepare(obj, with_string_facet=with_string_facet)

    def prepare(self, obj):
        self._body_cache = (obj.pk, plain_text(self.body_of(obj)))
        return super().prepare(obj)

    def _body(self, obj):
        cached = getattr(self, "_body_cache", None)
        if cached and cached[0] == obj.pk:
            return cached[1]
        return plain_text(self.body_of(obj))

    def prepare_text(self, obj):
        meta = obj._meta
        return render_to_string(
            f"search/indexes/{meta.app_label}/{meta.model_name}_text.txt",
            {"object": obj, "body_text": self._body(obj), **self.extra_text_context(obj)},
        )

    def prepare_title(self, obj):
        return obj.title

    def prepare_summary(self, obj):
        return " ".join(str(self.summary_of(obj) or "").split())

    def prepare_body(self, obj):
        return self._body(obj)[:STORED_BODY_CHARS]

    def prepare_url_path(self, obj):
        return obj.url_path

    def prepare_kind(self, obj):
        return self.kind_code

    def prepare_date(self, obj):
        return local_naive(self.date_of(obj))

    def prepare_year(self, obj):
        date = self.prepare_date(obj)
        return str(date.year) if date else ""

    def prepare_expires(self, obj):
        return local_naive(obj.expire_at) or NEVER

    def prepare_site(self, obj):
        sites = self._sites_of(obj)
        return str(sites[0]) if sites else ""

    def prepare_sites(self, obj):
        return [str(site_id) for site_id in self._sites_of(obj)]

    @staticmethod
    def _sites_of(obj):
        """Ids of the Sites whose root contains the page, the deepest first."""
        cached = getattr(obj, "_search_sites", None)
        if cached is None or cached[0] != obj.url_path:
            url_path = obj.url_path or ""
            roots = sorted(Site.get_site_root_paths(), key=lambda root: -len(root.root_path))
            sites = [root.site_id for root in roots if url_path.startswith(root.root_path)]
            cached = obj._search_sites = (obj.url_path, list(dict.fromkeys(sites)))
        return cached[1]
