"""manage.py seed_demo: build the sample district, repeatably."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from wagtail import hooks

from portal.demo import seed_district
from portal.models import HomePage

DEV_PASSWORD = "vanson-demo-2026"  # noqa: S105 - dev-only account, refused in production


class Command(BaseCommand):
    """Builds the fictional district Vân Sơn: pages, settings, images and dev accounts.

    Idempotent: what exists is left as it is, what is missing is added. Other apps add
    their sample content through the `portal_seed_demo` hook, called with the home page.
    Dev accounts are only created where settings.PORTAL_DEV_ACCOUNTS is on (never in
    production settings).
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
            self.stdout.write("Đã có dữ liệu: bỏ qua việc tạo dữ liệu mẫu.")
        else:
            home = seed_district(hostname=hostname, port=port)
            for seed in hooks.get_hooks("portal_seed_demo"):
                seed(home, stdout=self.stdout)
            self.stdout.write(self.style.SUCCESS(f"Đã tạo dữ liệu mẫu: {home.title}"))
        if settings.PORTAL_DEV_ACCOUNTS:
            self._ensure_dev_accounts(hostname, port)

    def _ensure_dev_accounts(self, hostname, port):
        user_model = get_user_model()
        if not user_model.objects.filter(username="admin").exists():
            user_model.objects.create_superuser(
                "admin", "admin@vanson.example.gov.vn", DEV_PASSWORD, first_name="Quản trị"
            )
        self.stdout.write(
            "Tài khoản phát triển (chỉ dùng trên máy cá nhân): "
            f"admin / {DEV_PASSWORD} tại http://{hostname}:{port}/admin/"
        )
