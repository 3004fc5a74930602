"""manage.py run_scheduler: Wagtail's publish_scheduled every N seconds, until stopped.

Scheduled publishing must happen with no one acting: an article the head approved with
a go-live time goes live at that time, and one past its expiry goes offline. Wagtail does
this in `publish_scheduled`, which something has to run. `make run` starts this command
beside the development server; in production a systemd timer running publish_scheduled
every minute, or this command as a service, does it (docs/deploy.md).

A pass that fails (the database briefly unavailable, say) is logged and the next pass
tries again. SIGTERM, SIGINT and Ctrl+C stop the loop between passes, never in the middle
of one.
"""

import io
import logging
import signal
import threading

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from wagtail.models import Page, Revision

logger = logging.getLogger(__name__)


def refresh_connections():
    """Drops broken or expired database connections between passes, as Django does between
    requests, so a restarted database server costs one failed pass. A connection inside a
    transaction (a test's) is left alone."""
    for connection in connections.all(initialized_only=True):
        if not connection.in_atomic_block:
            connection.close_if_unusable_or_obsolete()


def publish_due():
    """One pass of publish_scheduled; returns (published, unpublished) page counts."""
    now = timezone.now()
    due = Revision.objects.filter(approved_go_live_at__lt=now).count()
    expired = Page.objects.filter(live=True, expire_at__lt=now).count()
    call_command("publish_scheduled", stdout=io.StringIO())
    return due, expired


class Command(BaseCommand):
    help = (
        "Xuất bản các trang đã đến giờ hẹn và gỡ các trang hết hạn, lặp lại mỗi N giây "
        "(mặc định 60) cho đến khi bị dừng."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval",
            type=float,
            default=60,
            help="Số giây giữa hai lần kiểm tra (mặc định 60).",
        )
        parser.add_argument(
            "--once",
            action="store_true",
            help="Chỉ chạy một lần rồi thoát (dùng cho cron hoặc systemd timer).",
        )

    def handle(self, *args, interval, once, **options):
        if interval <= 0:
            raise CommandError(gettext("Khoảng thời gian --interval phải lớn hơn 0 giây."))
        self.verbosity = options.get("verbosity", 1)
        if once:
            self.run_pass()
            return

        stop = threading.Event()

        def request_stop(signum, frame):
            self.log(
                gettext("Nhận tín hiệu %(signal)s, dừng sau lần chạy hiện tại.")
                % {"signal": signal.Signals(signum).name}
            )
            stop.set()

        previous = {
            signum: signal.signal(signum, request_stop)
            for signum in (signal.SIGTERM, signal.SIGINT)
        }
        self.log(
            gettext("Bắt đầu xuất bản theo lịch: kiểm tra mỗi %(interval)s giây.")
            % {"interval": f"{interval:g}"}
        )
        try:
            while not stop.is_set():
                self.run_pass()
                stop.wait(interval)
        except KeyboardInterrupt:
            pass
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)
            self.log(gettext("Đã dừng xuất bản theo lịch."))

    def run_pass(self):
        refresh_connections()
        try:
            published, unpublished = publish_due()
        except Exception as error:
            logger.exception("Lần xuất bản theo lịch bị lỗi")
            message = gettext("Lỗi khi xuất bản theo lịch: %(error)s") % {"error": error}
            self.stderr.write(f"{self.now()} {message}")
            return
        finally:
            refresh_connections()
        if published or unpublished:
            # Translators: the two counts come from the two messages below, e.g.
            # "Đã xuất bản 3 trang theo lịch, gỡ 1 trang hết hạn."
            message = gettext("Đã xuất bản %(published)s theo lịch, gỡ %(unpublished)s.") % {
                "published": ngettext("%(count)d trang", "%(count)d trang", published)
                % {"count": published},
                "unpublished": ngettext(
                    "%(count)d trang hết hạn", "%(count)d trang hết hạn", unpublished
                )
                % {"count": unpublished},
            }
            self.log(message)
        elif self.verbosity > 1:
            self.log(gettext("Không có trang nào đến giờ xuất bản hoặc hết hạn."))

    def now(self):
        return f"[{timezone.localtime():%d/%m/%Y %H:%M:%S}]"

    def log(self, message):
        self.stdout.write(f"{self.now()} {message}")
        self.stdout.flush()
