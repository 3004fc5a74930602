"""manage.py create_commune "Xã Bằng Lãng" --hostname banglang.example.gov.vn [--slug bang-lang]"""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext

from communes.provisioning import ProvisioningError, create_commune


class Command(BaseCommand):
    """Creates a commune's sub-site with its sections, Site, collection, roles and workflow.

    Idempotent: for an existing commune it completes what is missing. A hostname already
    used by another site is refused with the reason.
    """

    help = "Tạo trang thông tin của một xã, thị trấn (chạy lại không tạo trùng)."

    def add_arguments(self, parser):
        parser.add_argument("name", help="Tên đầy đủ, ví dụ: “Xã Bằng Lãng”, “Thị trấn Vân Sơn”.")
        parser.add_argument("--hostname", required=True, help="Tên miền riêng của xã.")
        parser.add_argument("--slug", help="Đường dẫn dưới trang huyện (mặc định: từ tên).")
        parser.add_argument("--port", type=int, default=80, help="Cổng (mặc định 80).")
        parser.add_argument(
            "--kind", choices=["xa", "thi_tran"], help="Loại đơn vị (mặc định: đoán từ tên)."
        )

    def handle(self, *args, name, hostname, slug=None, port=80, kind=None, **options):
        try:
            result = create_commune(name, hostname, slug=slug, kind=kind, port=port)
        except ProvisioningError as error:
            raise CommandError(" ".join(error.messages)) from error
        home = result.page.get_parent().get_parent()
        path = "/" + result.page.url_path[len(home.url_path) :]
        if result.created:
            message = gettext("Đã tạo %(title)s: %(url)s/ (đường dẫn dưới trang huyện: %(path)s)")
        else:
            message = gettext(
                "Đã có sẵn, đã bổ sung phần còn thiếu cho %(title)s: %(url)s/ "
                "(đường dẫn dưới trang huyện: %(path)s)"
            )
        params = {"title": result.page.title, "url": result.site.root_url, "path": path}
        self.stdout.write(self.style.SUCCESS(message % params))
