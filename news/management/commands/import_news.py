"""manage.py import_news FILE --into /tin-tuc/: articles from the old portal into the news app."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext, ngettext

from news.importers import (
    ArticleImporter,
    InvalidArticle,
    NewsImportError,
    find_news_index,
    read_entries,
)


class Command(BaseCommand):
    """Imports articles from a JSON Lines or RSS 2.0 file into a news section.

    The format is told by content (XML with <rss> is RSS; anything else is read as
    JSON Lines). Each article is saved in its own transaction, published with its
    original date, and keyed by its source_url (RSS: guid, else link), so that a rerun
    updates what it imported before instead of duplicating it. A bad line is reported on
    stderr with its position and skipped; the run ends with a summary and fails
    (CommandError, exit status 1) when anything was skipped. See docs/import-news.md.
    """

    help = (
        "Nhập tin bài từ cổng thông tin cũ (tệp JSON Lines hoặc RSS 2.0) vào một chuyên mục "
        "tin. Chạy lại nhiều lần không tạo trùng: bài đã nhập được cập nhật."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "file",
            metavar="FILE",
            help="Tệp cần nhập: JSON Lines (mỗi dòng một bài) hoặc RSS 2.0.",
        )
        parser.add_argument(
            "--into",
            required=True,
            metavar="ĐƯỜNG_DẪN",
            help=(
                "Đường dẫn của chuyên mục tin nhận bài trên trang web mặc định, ví dụ /tin-tuc/."
            ),
        )

    def handle(self, *args, file, into, verbosity=1, **options):
        try:
            index = find_news_index(into)
            kind, entries = read_entries(file)
        except NewsImportError as exc:
            raise CommandError(str(exc)) from exc
        rss = kind == "rss"
        importer = ArticleImporter(index)
        created = updated = skipped = 0
        for entry in entries:
            if entry.error:
                reason = entry.error
            else:
                try:
                    is_new = importer.save(entry.article)
                except InvalidArticle as exc:
                    reason = str(exc)
                else:
                    reason = ""
                    created += is_new
                    updated += not is_new
                    if verbosity >= 2:
                        self.stdout.write(
                            done_message(rss, is_new)
                            % {"position": entry.position, "title": entry.article.title}
                        )
            if reason:
                skipped += 1
                if rss:
                    message = gettext("Mục %(position)s: bỏ qua – %(reason)s")
                else:
                    message = gettext("Dòng %(position)s: bỏ qua – %(reason)s")
                self.stderr.write(message % {"position": entry.position, "reason": reason})
        summary = gettext(
            "Nhập tin vào «%(title)s»: tạo mới %(created)s, cập nhật %(updated)s, "
            "bỏ qua %(skipped)s."
        ) % {"title": index.title, "created": created, "updated": updated, "skipped": skipped}
        self.stdout.write(summary if skipped else self.style.SUCCESS(summary))
        if skipped:
            raise CommandError(
                ngettext(
                    "Có %(count)s bài bị bỏ qua, xem lý do ở trên.",
                    "Có %(count)s bài bị bỏ qua, xem lý do ở trên.",
                    skipped,
                )
                % {"count": skipped}
            )


def done_message(rss, is_new):
    """The verbose line for a saved article, by file kind (RSS item or JSON line)."""
    if rss:
        if is_new:
            return gettext("Mục %(position)s: đã tạo «%(title)s».")
        return gettext("Mục %(position)s: đã cập nhật «%(title)s».")
    if is_new:
        return gettext("Dòng %(position)s: đã tạo «%(title)s».")
    return gettext("Dòng %(position)s: đã cập nhật «%(title)s».")
