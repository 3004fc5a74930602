"""`manage.py update_translations`: collect our strings into locale/vi and compile every catalog."""

from django.core.management.base import BaseCommand

from portal import i18n


class Command(BaseCommand):
    """Run makemessages for our sources, fill new entries, compile all catalogs under LOCALE_PATHS.

    Our sources are Vietnamese, so a newly collected string is filled with its own text; the diff
    of locale/vi/LC_MESSAGES/django.po shows what to review. The completions of Wagtail's and
    Django's catalogs in locale/upstream are translated by hand and only compiled here.
    """

    help = "Cập nhật catalog tiếng Việt của dự án từ mã nguồn và biên dịch mọi catalog."

    def handle(self, *args, **options):
        filled = i18n.update_own_catalog()
        i18n.compile_catalogs()
        for msgid in filled:
            self.stdout.write(f"  + {msgid}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã cập nhật {i18n.own_catalog_path()} ({len(filled)} chuỗi mới) và biên dịch."
            )
        )
