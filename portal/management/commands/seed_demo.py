"""manage.py seed_demo: build the sample district, repeatably."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.models import Site

from portal.demo import (
    DEV_PASSWORD,
    DISTRICT_ACCOUNT_PREFIX,
    DISTRICT_NAME,
    dev_accounts,
    ensure_unit_accounts,
    seed_district,
)
from portal.models import HomePage

__all__ = ["DEV_PASSWORD", "Command"]


class Command(BaseCommand):
    """Builds the fictional district Vân Sơn: pages, settings, images, roles and dev accounts.

    Idempotent: what exists is left as it is, what is missing is added. Other apps add
    their sample content through the `portal_seed_demo` hook, called with the home page
    (communes add the commune sites, their accounts and articles waiting for approval).
    Dev accounts (a superuser, and one account per role of every unit) are only created
    where settings.PORTAL_DEV_ACCOUNTS is on (never in production settings), and are then
    printed as a table.
    """

    help = "Tạo dữ liệu mẫu cho một huyện hư cấu (chạy lại nhiều lần không tạo trùng)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Chỉ tạo dữ liệu khi cơ sở dữ liệu chưa có trang chủ huyện nào.",
        )
        parser.add_argument(
            "--hostname",
            default="127.0.0.1",
            help="Tên máy của trang huyện khi tạo mới (mặc định 127.0.0.1).",
        )
        parser.add_argument(
            "--port",
            type=int,
            default=8000,
            help="Cổng của trang huyện khi tạo mới (mặc định 8000).",
        )

    def handle(self, *args, if_empty=False, hostname="127.0.0.1", port=8000, **options):
        if if_empty and HomePage.objects.exists():
            self.stdout.write(_("Đã có dữ liệu: bỏ qua việc tạo dữ liệu mẫu."))
        else:
            # seed_district provisions the district's roles and workflow; its accounts
            # exist before the apps' seeders, which may use them (articles in review).
            home = seed_district(hostname=hostname, port=port)
            ensure_unit_accounts(DISTRICT_NAME, DISTRICT_ACCOUNT_PREFIX)
            for seed in hooks.get_hooks("portal_seed_demo"):
                seed(home, stdout=self.stdout)
            self.stdout.write(
                self.style.SUCCESS(_("Đã tạo dữ liệu mẫu: %(title)s") % {"title": home.title})
            )
        if settings.PORTAL_DEV_ACCOUNTS:
            self._ensure_superuser()
            self._print_dev_accounts(hostname, port)

    def _ensure_superuser(self):
        user_model = get_user_model()
        if not user_model.objects.filter(username="admin").exists():
            user_model.objects.create_superuser(
                "admin", "admin@vanson.example.gov.vn", DEV_PASSWORD, first_name="Quản trị"
            )

    def _print_dev_accounts(self, hostname, port):
        """The accounts as a compact table: unit, role, username, password."""
        self.stdout.write(
            _(
                "Tài khoản phát triển (chỉ dùng trên máy cá nhân): "
                "%(username)s / %(password)s tại %(url)s"
            )
            % {
                "username": "admin",
                "password": DEV_PASSWORD,
                "url": f"http://{hostname}:{port}/admin/",
            }
        )
        rows = [(_("Đơn vị"), _("Vai trò"), _("Tên đăng nhập"), _("Mật khẩu"))]
        rows.append((_("(toàn hệ thống)"), _("Quản trị hệ thống"), "admin", DEV_PASSWORD))
        rows.extend((unit, role, username, DEV_PASSWORD) for unit, role, username in dev_accounts())
        widths = [max(len(row[column]) for row in rows) for column in range(3)]
        for row in rows:
            cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
            self.stdout.write("  " + "  ".join([*cells, row[3]]))
        sites = Site.objects.order_by("-is_default_site", "site_name")
        if len(sites) > 1:
            # Commune sites answer on their own hostnames (*.localhost resolves to this
            # machine in browsers), served by the same runserver.
            self.stdout.write(_("Các trang (trang quản trị /admin/ dùng chung):"))
            for site in sites:
                self.stdout.write(f"  {site.site_name or site.hostname}: {site.root_url}/")
