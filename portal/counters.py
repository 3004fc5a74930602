"""View and visit counting that never blocks a page and never touches its HTML.

A page's script posts to /luot-truy-cap/ after it has loaded. The view adds the hit
to this process's in-memory buffer (no database write on the request path), and a
background thread writes the buffer in one short transaction every FLUSH_SECONDS,
and again when the process exits. So on SQLite there is at most one writer per
process every half-minute, and the busy timeout absorbs the rest: no "database is
locked". Counts lost on a hard crash are at most one interval's worth.
"""

import atexit
import logging
import os
import threading
import time
from collections import Counter

from django.conf import settings
from django.db import IntegrityError, close_old_connections, connection, transaction
from django.db.models import F
from django.utils import timezone

from wagtail.models import Page

logger = logging.getLogger(__name__)


class CounterBuffer:
    """Hits counted in this process and not yet written to the database."""

    def __init__(self):
        self.lock = threading.Lock()
        self.pages = Counter()
        self.visits = Counter()
        self._flusher_pid = None

    def record(self, site_id, page_id):
        """Counts one view of page_id (may be None) on site_id, today in local time."""
        day = timezone.localdate()
        with self.lock:
            self.visits[(site_id, day)] += 1
            if page_id:
                self.pages[page_id] += 1
        self._ensure_flusher()

    def pending_page_views(self, page_id):
        with self.lock:
            return self.pages.get(page_id, 0)

    def pending_visits(self, site_id, day=None):
        with self.lock:
            if day is not None:
                return self.visits.get((site_id, day), 0)
            return sum(n for (site, _), n in self.visits.items() if site == site_id)

    def flush(self):
        """Writes and clears the buffer; hits that fail to write stay for the next try."""
        with self.lock:
            pages, visits = self.pages, self.visits
            self.pages, self.visits = Counter(), Counter()
        if not pages and not visits:
            return
        try:
            write_counts(pages, visits)
        except Exception:
            with self.lock:
                self.pages.update(pages)
                self.visits.update(visits)
            raise

    def _ensure_flusher(self):
        # After gunicorn forks, the parent's thread is gone: start one per process.
        if not settings.PORTAL_COUNTER_FLUSH_SECONDS or self._flusher_pid == os.getpid():
            return
        with self.lock:
            if self._flusher_pid == os.getpid():
                return
            self._flusher_pid = os.getpid()
        threading.Thread(target=self._flush_forever, name="view-counter", daemon=True).start()

    def _flush_forever(self):
        while seconds := settings.PORTAL_COUNTER_FLUSH_SECONDS:
            time.sleep(seconds)
            close_old_connections()
            try:
                self.flush()
            except Exception:
                logger.exception("View counts not written; kept for the next interval")
            finally:
                connection.close()
        self._flusher_pid = None


def write_counts(pages, visits):
    """Adds the counts to the database in one transaction."""
    from .models import DailyVisitCount, PageViewCount

    with transaction.atomic():
        existing = set(Page.objects.filter(pk__in=pages).values_list("pk", flat=True))
        for page_id, views in pages.items():
            if page_id not in existing:
                continue  # a forged or since-deleted id
            updated = PageViewCount.objects.filter(page_id=page_id).update(views=F("views") + views)
            if not updated:
                _create_or_add(PageViewCount, {"page_id": page_id}, "views", views)
        for (site_id, day), count in visits.items():
            updated = DailyVisitCount.objects.filter(site_id=site_id, day=day).update(
                visits=F("visits") + count
            )
            if not updated:
                _create_or_add(DailyVisitCount, {"site_id": site_id, "day": day}, "visits", count)


def _create_or_add(model, keys, field, amount):
    """Creates the row, or adds to it if another process created it meanwhile."""
    try:
        with transaction.atomic():
            model.objects.create(**keys, **{field: amount})
    except IntegrityError:
        model.objects.filter(**keys).update(**{field: F(field) + amount})


buffer = CounterBuffer()


@atexit.register
def _flush_at_exit():
    # Where counts are not persisted in the background (the test suite), the database
    # may already be gone at exit: nothing to write then.
    if not settings.PORTAL_COUNTER_FLUSH_SECONDS:
        return
    try:
        buffer.flush()
    except Exception:
        logger.exception("View counts lost at exit")
