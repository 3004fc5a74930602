"""manage.py import_documents FILE.csv --files DIR --into /van-ban/: documents into the register."""

import contextlib
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext, ngettext

from documents.importers import (
    DocumentImporter,
    DocumentImportError,
    InvalidRow,
    RowChecker,
    error_at,
    find_document_index,
    read_csv,
)


class StrictRollback(Exception):
    """Raised inside the --strict transaction to undo every document already saved."""


class Command(BaseCommand):
    """Imports legal documents from a CSV file into a register (DocumentIndexPage).

    Every row is checked first and every error is reported on stderr with its line and
    column; a row with any error is refused. The valid rows are then saved as published
    documents, each in its own transaction, keyed by the normalised number and the issuing
    body, so that a rerun updates what it imported before instead of duplicating it. With
    --strict nothing is written unless every row is valid. The run ends with a summary and
    fails (CommandError, exit status 1) when anything was refused. See
    docs/import-documents.md.
    """

    help = (
        "Nhập văn bản quy phạm, văn bản điều hành từ tệp CSV (UTF-8) vào một danh mục văn bản "
        "và xuất bản chúng. Mọi dòng được kiểm tra trước; dòng lỗi bị từ chối và báo rõ dòng, "
        "cột. Chạy lại nhiều lần không tạo trùng: văn bản đã nhập được cập nhật."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "file",
            metavar="TỆP.csv",
            help="Tệp CSV, mã UTF-8 (có hoặc không có BOM), dòng đầu là tên cột.",
        )
        parser.add_argument(
            "--files",
            required=True,
            metavar="THƯ_MỤC",
            help="Thư mục chứa các tệp đính kèm ghi ở cột tep.",
        )
        parser.add_argument(
            "--into",
            required=True,
            metavar="ĐƯỜNG_DẪN",
            help="Đường dẫn của danh mục văn bản trên trang web mặc định, ví dụ /van-ban/.",
        )
        parser.add_argument(
            "--strict",
            action="store_true",
            help="Không ghi văn bản nào nếu có dù chỉ một dòng lỗi.",
        )
        parser.add_argument(
            "--create-missing",
            action="store_true",
            help=(
                "Thêm vào danh mục những loại văn bản, cơ quan ban hành, lĩnh vực chưa có "
                "(mặc định: báo lỗi dòng đó)."
            ),
        )

    def handle(self, *args, file, files, into, strict, create_missing, verbosity=1, **options):
        try:
            index = find_document_index(into)
            files_dir = Path(files)
            if not files_dir.is_dir():
                raise DocumentImportError(
                    gettext("Không tìm thấy thư mục tệp đính kèm %(folder)s.")
                    % {"folder": files_dir}
                )
            records, ignored = read_csv(file)
        except DocumentImportError as exc:
            raise CommandError(str(exc)) from exc
        if ignored:
            self.stderr.write(
                gettext("Bỏ qua các cột không dùng đến: %(columns)s.")
                % {"columns": ", ".join(ignored)}
            )

        rows = RowChecker(files_dir, create_missing=create_missing).check_all(records)
        refused = 0
        for row in rows:
            if row.errors:
                refused += 1
                for message in row.errors:
                    self.stderr.write(message)
        valid = [row for row in rows if row.document]

        created = updated = 0
        if strict and refused:
            valid = []  # nothing is written: the file is fixed and run again as a whole
        importer = DocumentImporter(index)
        # --strict also covers a failure while saving (a row another user just changed):
        # one transaction around all documents, each still in its own savepoint.
        all_or_nothing = transaction.atomic() if strict else contextlib.nullcontext()
        try:
            with all_or_nothing:
                for row in valid:
                    try:
                        result = importer.save(row.document)
                    except InvalidRow as exc:
                        refused += 1
                        self.stderr.write(error_at(row.line, None, str(exc)))
                        if strict:
                            raise StrictRollback from exc
                        continue
                    created += result.created
                    updated += not result.created
                    for term in result.new_terms:
                        self.stdout.write(
                            gettext("Dòng %(line)s: đã thêm %(term)s.")
                            % {"line": row.line, "term": term}
                        )
                    if verbosity >= 2:
                        if result.created:
                            done = gettext("Dòng %(line)s: đã tạo «%(title)s».")
                        else:
                            done = gettext("Dòng %(line)s: đã cập nhật «%(title)s».")
                        self.stdout.write(done % {"line": row.line, "title": result.page.title})
        except StrictRollback:
            importer.discard_files()
            created = updated = 0

        summary = gettext(
            "Nhập văn bản vào «%(title)s»: tạo mới %(created)d, cập nhật %(updated)d, "
            "từ chối %(refused)d."
        ) % {"title": index.title, "created": created, "updated": updated, "refused": refused}
        self.stdout.write(summary if refused else self.style.SUCCESS(summary))
        if refused and strict:
            raise CommandError(
                ngettext(
                    "Có %(count)d dòng lỗi nên không văn bản nào được ghi (--strict), "
                    "xem lý do ở trên.",
                    "Có %(count)d dòng lỗi nên không văn bản nào được ghi (--strict), "
                    "xem lý do ở trên.",
                    refused,
                )
                % {"count": refused}
            )
        if refused:
            raise CommandError(
                ngettext(
                    "Có %(count)d dòng bị từ chối, xem lý do ở trên.",
                    "Có %(count)d dòng bị từ chối, xem lý do ở trên.",
                    refused,
                )
                % {"count": refused}
            )
