"""Keeps the search index true without anyone running a command.

haystack's default processor does nothing, and its "realtime" one would index every
save, drafts included. This one listens to what changes what a citizen may see:

- Wagtail's page_published and page_unpublished: the page itself. Scheduled publishing
  and scheduled expiry go through the same signals (`publish_scheduled` publishes the
  revision, or unpublishes the expired page with `set_expired=True`), and unpublishing
  with descendants sends one signal per page.
- post_page_move and page_slug_changed: the page and everything under it (new URL
  paths, possibly a new Site or a restricted ancestor).
- post_delete of any page: that page (a subtree delete sends one per page).
- PageViewRestriction saved or deleted: everything under the restricted page.
- Site saved or deleted: everything under its old and new root (which Site an entry
  belongs to, and so which search finds it).

Nothing is written during the transaction: the pages to look at are collected, and
when the transaction commits each is read back from the database and passed through the
one rule (portal/search/indexing.py): written to the index if indexable, removed if not
(or gone). So the index only ever holds live rows, never a draft, and a rolled-back change
changes nothing. A failing search server is logged and never breaks a publish; the
search view re-checks the pages it shows, and `manage.py rebuild_index` rebuilds all.
"""

import logging
import threading

from haystack.exceptions import NotHandled
from haystack.signals import BaseSignalProcessor
from haystack.utils import get_identifier

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save

from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

logger = logging.getLogger(__name__)

BATCH = 500


class _Pending(threading.local):
    """Pages to bring up to date when the current transaction commits (per thread)."""

    def __init__(self):
        self.pages = set()  # (content type id, page id)
        self.subtrees = set()  # page ids whose whole subtree is looked at

    def take(self):
        pages, subtrees = self.pages, self.subtrees
        self.pages, self.subtrees = set(), set()
        return pages, subtrees


class PageSignalProcessor(BaseSignalProcessor):
    """The HAYSTACK_SIGNAL_PROCESSOR of the portal."""

    def setup(self):
        self.pending = _Pending()
        self._receivers = [
            (page_published, self.on_page_changed, None),
            (page_unpublished, self.on_page_changed, None),
            (post_page_move, self.on_subtree_changed, None),
            (page_slug_changed, self.on_subtree_changed, None),
            (post_delete, self.on_delete, None),
            (post_save, self.on_restriction_changed, PageViewRestriction),
            (post_delete, self.on_restriction_changed, PageViewRestriction),
            (pre_save, self.on_site_saving, Site),
            (post_save, self.on_site_changed, Site),
            (post_delete, self.on_site_changed, Site),
        ]
        for signal, receiver, sender in self._receivers:
            signal.connect(receiver, sender=sender, weak=False, dispatch_uid=self._uid(receiver))

    def teardown(self):
        for signal, receiver, sender in getattr(self, "_receivers", []):
            signal.disconnect(receiver, sender=sender, dispatch_uid=self._uid(receiver))

    @staticmethod
    def _uid(receiver):
        return f"portal-search-{receiver.__name__}"

    # Receivers: note what changed, act at commit.

    def on_page_changed(self, sender, instance, **kwargs):
        self._note_page(instance)

    def on_subtree_changed(self, sender, instance, **kwargs):
        self._note_subtree(instance.pk)

    def on_delete(self, sender, instance, **kwargs):
        if isinstance(instance, Page):
            self._note_page(instance)

    def on_restriction_changed(self, sender, instance, **kwargs):
        self._note_subtree(instance.page_id)

    def on_site_saving(self, sender, instance, **kwargs):
        if instance.pk:
            old_root = Site.objects.filter(pk=instance.pk).values_list("root_page_id", flat=True)
            instance._search_old_root_id = old_root.first()

    def on_site_changed(self, sender, instance, **kwargs):
        self._note_subtree(instance.root_page_id)
        old_root_id = getattr(instance, "_search_old_root_id", None)
        if old_root_id and old_root_id != instance.root_page_id:
            self._note_subtree(old_root_id)

    def _note_page(self, page):
        if page.pk is not None and page.content_type_id:
            self.pending.pages.add((page.content_type_id, page.pk))
            self._flush_on_commit()

    def _note_subtree(self, page_id):
        if page_id:
            self.pending.subtrees.add(page_id)
            self._flush_on_commit()

    def _flush_on_commit(self):
        # Registered at each change: the first callback does the work, the others find
        # nothing left. A rolled-back transaction drops its callbacks; what it noted is
        # looked at with the next commit, read from the database, so it does no harm.
        transaction.on_commit(self.flush, robust=True)

    # The work.

    def flush(self):
        """Writes or removes every noted page according to the database, now."""
        pages, subtrees = self.pending.take()
        if not pages and not subtrees:
            return
        for page_id in subtrees:
            path = Page.objects.filter(pk=page_id).values_list("path", flat=True).first()
            if path:
                pages.update(
                    Page.objects.filter(path__startswith=path)
                    .values_list("content_type_id", "pk")
                    .iterator()
                )
        by_model = {}
        for content_type_id, page_id in pages:
            try:
                model = ContentType.objects.get_for_id(content_type_id).model_class()
            except ContentType.DoesNotExist:
                continue
            if model is not None:
                by_model.setdefault(model, set()).add(page_id)
        for using in self.connection_router.for_write():
            unified_index = self.connections[using].get_unified_index()
            backend = self.connections[using].get_backend()
            for model, page_ids in by_model.items():
                try:
                    index = unified_index.get_index(model)
                except NotHandled:
                    continue
                ordered = sorted(page_ids)
                for start in range(0, len(ordered), BATCH):
                    self.sync(backend, index, model, ordered[start : start + BATCH])

    @staticmethod
    def sync(backend, index, model, page_ids):
        """Indexes the pages of page_ids that pass the rule; removes the others."""
        try:
            found = list(index.index_queryset().filter(pk__in=page_ids))
            if found:
                backend.update(index, found)
            gone = set(page_ids) - {page.pk for page in found}
            identifiers = [get_identifier_for(model, page_id) for page_id in sorted(gone)]
            remove_many = getattr(backend, "remove_many", None)
            if remove_many is not None:
                remove_many(identifiers)
            else:
                for identifier in identifiers:
                    backend.remove(identifier)
        except Exception:
            logger.exception("Search index: could not update %s %s", model.__name__, page_ids)


def get_identifier_for(model, pk):
    """haystack's identifier of a model's row ("news.newspage.42") without loading it."""
    meta = model._meta
    return get_identifier(f"{meta.app_label}.{meta.model_name}.{pk}")


def resync(pairs):
    """Looks again at these (model, page id) pairs, at commit (now, outside a transaction).

    The search view calls it for results whose page is no longer indexable.
    """
    from django.apps import apps

    processor = apps.get_app_config("haystack").signal_processor
    if not isinstance(processor, PageSignalProcessor):
        return
    for model, page_id in pairs:
        content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
        processor.pending.pages.add((content_type.pk, page_id))
    processor._flush_on_commit()
