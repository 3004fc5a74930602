"""`manage.py check_translations`: how much of the admin speaks Vietnamese, and are we complete."""

from django.core.management.base import BaseCommand, CommandError

from portal import i18n


class Command(BaseCommand):
    """Print the translated share of each catalog editors meet and fail on what must not slip.

    Fails when one of our own marked strings has no translation in our catalog, when a .po under
    LOCALE_PATHS is not compiled (or its .mo is stale), or when one of Wagtail's core catalogs
    (admin, its JavaScript, core, images, documents, snippets, users) falls below --min-share.
    """

    help = "Báo cáo tỉ lệ chuỗi đã dịch tiếng Việt của từng catalog; lỗi nếu còn chuỗi chưa dịch."

    def add_arguments(self, parser):
        parser.add_argument(
            "--min-share",
            type=float,
            default=95.0,
            help="Tỉ lệ tối thiểu (%%) cho mỗi catalog Wagtail bắt buộc (mặc định 95).",
        )
        parser.add_argument(
            "--list-missing",
            action="store_true",
            help="Liệt kê các chuỗi chưa dịch của từng catalog.",
        )

    def handle(self, *args, min_share, list_missing, **options):
        failures = []
        shares = [*i18n.upstream_shares(), i18n.own_share()]
        width = max(len(s.label) for s in shares)
        for entry in shares:
            self.stdout.write(
                f"{entry.label:<{width}}  {entry.translated:>5}/{entry.total:<5}"
                f"  {entry.percent:6.2f} %"
            )
            if list_missing:
                for msgctxt, msgid in entry.missing:
                    self.stdout.write(f"    - {msgid!r}" + (f" [{msgctxt}]" if msgctxt else ""))
            if entry.label == "ours" and entry.missing:
                failures.append(
                    f"{len(entry.missing)} chuỗi của dự án chưa có bản dịch trong "
                    f"{i18n.own_catalog_path()}: "
                    + "; ".join(repr(msgid) for _, msgid in entry.missing[:10])
                    + " (chạy `make messages`)"
                )
            elif entry.required and entry.percent < min_share:
                failures.append(f"{entry.label}: {entry.percent:.2f} % < {min_share:.0f} %")
        for path, problem in i18n.uncompiled_catalogs():
            failures.append(f"{path}: {problem} (chạy `make messages`)")
        if failures:
            raise CommandError("\n".join(failures))
        self.stdout.write(self.style.SUCCESS("Bản dịch đầy đủ và đã biên dịch."))
