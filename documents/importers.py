"""Bringing legal documents into the register from a CSV file (manage.py import_documents).

Three steps, kept apart so each can be tested alone:

- `read_csv(path)` reads the file (UTF-8, with or without BOM) into `Record`s: the CSV
  line a row starts on and its values by column. A missing column header stops everything
  before any row is looked at;
- `RowChecker(files_dir, create_missing).check_all(records)` turns every record into a
  `Row`: either a checked `LegalDocument` or all its errors, each in Vietnamese with the
  line and the column ("Dòng 7, cột ngay_ban_hanh: …");
- `DocumentImporter(index).save(document)` creates or updates one published
  LegalDocumentPage with its attachments, in its own transaction, keyed by the
  normalised number and the issuing body, so that reruns never duplicate.

Nothing in the file is trusted: controlled values must already exist (unless asked to
create them), files must pass the same content check as an editor's upload, and a
secret document is refused before anything is written.
"""

import contextlib
import csv
import datetime
import hashlib
import io
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import DatabaseError, transaction
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page, Site

from news.importers import describe_validation_error
from portal.slugs import vietnamese_slugify

from .models import (
    SECRET_MESSAGE,
    DocumentField,
    DocumentIndexPage,
    DocumentType,
    IssuingBody,
    LegalDocumentAttachment,
    LegalDocumentPage,
    SecurityLevel,
)
from .numbers import folded_text, number_key
from .uploads import validate_attachment

# The columns every file must have, in the order the documentation lists them.
COLUMNS = (
    "so_ky_hieu",
    "loai",
    "co_quan",
    "nguoi_ky",
    "chuc_danh",
    "linh_vuc",
    "ngay_ban_hanh",
    "ngay_hieu_luc",
    "ngay_het_hieu_luc",
    "trich_yeu",
    "do_mat",
    "tep",
)
OPTIONAL_COLUMNS = ("tieu_de",)
REQUIRED_VALUES = ("so_ky_hieu", "loai", "co_quan", "ngay_ban_hanh", "trich_yeu")
LIST_SEPARATOR = ";"
# A title made from the summary is cut at a word boundary: it is the page's heading
# and the source of its address, while the full summary is shown right under it.
DEFAULT_TITLE_LENGTH = 150
DATE_FORMATS = _("dd/mm/yyyy hoặc yyyy-mm-dd")
_DMY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


class DocumentImportError(Exception):
    """The whole import cannot run: unreadable file, missing columns, bad --into or --files."""


class InvalidRow(Exception):
    """One document cannot be saved; the message (Vietnamese) says why."""


@dataclass
class Record:
    """One data row of the CSV as read: its first line, values by column, stray cells."""

    line: int
    values: dict[str, str]
    extra_cells: int = 0


@dataclass
class PendingTerm:
    """A controlled value that is not in its list yet and will be created (--create-missing)."""

    model: type
    name: str

    def __str__(self):
        return self.name


@dataclass
class LegalDocument:
    """One document read from the file, checked and ready to save."""

    number: str
    key: str
    document_type: DocumentType | PendingTerm
    issuing_body: IssuingBody | PendingTerm
    issued_on: datetime.date
    summary: str
    title: str
    signer: str = ""
    signer_title: str = ""
    fields: list = field(default_factory=list)
    effective_on: datetime.date | None = None
    expires_on: datetime.date | None = None
    files: list[Path] = field(default_factory=list)


@dataclass
class Row:
    """A row of the file at its line: the checked document, or every reason it is refused."""

    line: int
    document: LegalDocument | None = None
    errors: list[str] = field(default_factory=list)


@dataclass
class SaveResult:
    """What saving one document did: created or updated, and the controlled values it added."""

    page: LegalDocumentPage
    created: bool
    new_terms: list[str] = field(default_factory=list)


def error_at(line, column, message):
    """An error in the one format of the whole command: "Dòng 7, cột loai: …"."""
    if column:
        return gettext("Dòng %(line)s, cột %(column)s: %(message)s") % {
            "line": line,
            "column": column,
            "message": message,
        }
    return gettext("Dòng %(line)s: %(message)s") % {"line": line, "message": message}


# --- Reading the file ----------------------------------------------------------------


def _cell(value):
    # Vietnamese text often arrives decomposed ("Unicode tổ hợp" from old typing tools):
    # NFC makes it compare equal to the precomposed names in the lists and on disk.
    return unicodedata.normalize("NFC", value or "").strip()


def _one_line(text):
    return " ".join(text.split())


def _delimiter(header_line):
    """The separator the header uses: Excel writes ";" or a tab in some locales."""
    known = set(COLUMNS) | set(OPTIONAL_COLUMNS)
    best, best_hits = ",", 0
    for candidate in (",", ";", "\t"):
        hits = sum(
            part.strip().strip('"').strip().lower() in known
            for part in header_line.split(candidate)
        )
        if hits > best_hits:
            best, best_hits = candidate, hits
    return best


def read_csv(path):
    """(records, ignored column names) of a CSV file; DocumentImportError if it cannot be used.

    The line of a record is the CSV line it starts on, the header being line 1, so it is
    the number a spreadsheet or text editor shows. Blank rows are skipped.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DocumentImportError(
            gettext("Không mở được tệp %(path)s: %(reason)s.")
            % {"path": path, "reason": exc.strerror or exc}
        ) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DocumentImportError(
            gettext(
                "Tệp %(path)s không phải văn bản UTF-8 (byte lỗi ở dòng %(line)s). Trong Excel, "
                "hãy lưu bằng “CSV UTF-8 (Comma delimited)”."
            )
            % {"path": path, "line": line}
        ) from exc
    if not text.strip():
        raise DocumentImportError(
            gettext("Tệp %(path)s trống: không có dòng tiêu đề.") % {"path": path}
        )
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text.splitlines()[0]))
    try:
        header = [_cell(name).lower() for name in next(reader)]
        duplicated = sorted({name for name in header if name and header.count(name) > 1})
        if duplicated:
            raise DocumentImportError(
                gettext("Dòng tiêu đề của tệp %(path)s có cột lặp lại: %(columns)s.")
                % {"path": path, "columns": ", ".join(duplicated)}
            )
        missing = [name for name in COLUMNS if name not in header]
        if missing:
            raise DocumentImportError(
                gettext(
                    "Tệp %(path)s thiếu cột bắt buộc: %(missing)s. Dòng tiêu đề phải có "
                    "đủ các cột %(columns)s (cột %(optional)s "
                    "không bắt buộc); xem docs/import-documents.md."
                )
                % {
                    "path": path,
                    "missing": ", ".join(missing),
                    "columns": ", ".join(COLUMNS),
                    "optional": ", ".join(OPTIONAL_COLUMNS),
                }
            )
        known = set(COLUMNS) | set(OPTIONAL_COLUMNS)
        ignored = [name for name in header if name and name not in known]
        records = []
        line = reader.line_num
        for cells in reader:
            start, line = line + 1, reader.line_num
            if not any(cell.strip() for cell in cells):
                continue
            values = {
                name: _cell(cells[position]) if position < len(cells) else ""
                for position, name in enumerate(header)
                if name in known
            }
            extra = sum(1 for cell in cells[len(header) :] if cell.strip())
            records.append(Record(start, values, extra))
    except csv.Error as exc:
        raise DocumentImportError(
            gettext("Tệp %(path)s không đọc được như CSV ở dòng %(line)s: %(error)s.")
            % {"path": path, "line": reader.line_num, "error": exc}
        ) from exc
    return records, ignored


# --- Values ----------------------------------------------------------------------------


def parse_date(text):
    """A date from dd/mm/yyyy (d/m/yyyy too) or yyyy-mm-dd; None if it is no real date."""
    if match := _DMY.fullmatch(text):
        day, month, year = match.groups()
    elif match := _ISO.fullmatch(text):
        year, month, day = match.groups()
    else:
        return None
    try:
        return datetime.date(int(year), int(month), int(day))
    except ValueError:
        return None


def parse_security_level(text):
    """The SecurityLevel of a do_mat cell, by label ("Tối mật", accents optional) or value.

    Empty means Thường. None when the text is no level at all.
    """
    if not text:
        return SecurityLevel.NORMAL
    wanted = folded_text(text.replace("_", " "))
    for level in SecurityLevel:
        if wanted in (folded_text(str(level.label)), folded_text(level.value.replace("_", " "))):
            return level
    return None


def split_list(text, clean=_one_line):
    """The non-blank items of a ';'-separated cell, without repeats, in order."""
    items = []
    for item in text.split(LIST_SEPARATOR):
        item = clean(item)
        if item and item not in items:
            items.append(item)
    return items


def shorten(text, limit):
    """Text cut at a word boundary to at most `limit` characters, with "…" when cut."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.-–") + "…"


def default_title(summary):
    """The page title when the file gives none: the summary, shortened."""
    return shorten(summary, DEFAULT_TITLE_LENGTH)


class UnknownTerm(Exception):
    """A controlled value that cannot be matched; the message (Vietnamese) says why."""


class TermList:
    """A controlled list (types, issuing bodies or fields) matched by name or slug.

    Matching is case- and accent-insensitive, but an exact name wins first: two bodies
    may differ only by their accents ("Tân An", "Tấn An"), and a folded text that fits
    both is refused as ambiguous rather than guessed.
    """

    def __init__(self, model, column, create_missing):
        self.model = model
        self.column = column
        self.create_missing = create_missing
        self.label = str(model._meta.verbose_name)
        self.terms = list(model.objects.all())
        self.pending = {}

    def match(self, text):
        """The term for this text, a PendingTerm (--create-missing), or UnknownTerm."""
        found = match_terms(self.terms, text)
        if len(found) == 1:
            return found[0]
        if found:
            names = ", ".join(f'"{term.name}"' for term in found)
            raise UnknownTerm(
                gettext(
                    '"%(text)s" khớp nhiều giá trị trong danh mục %(list)s: %(names)s. '
                    "Hãy ghi đúng tên, có dấu."
                )
                % {"text": text, "list": self.label, "names": names}
            )
        if not self.create_missing:
            raise UnknownTerm(
                gettext(
                    '"%(text)s" không có trong danh mục %(list)s. Hãy thêm vào danh mục trong '
                    "trang quản trị (Danh mục văn bản) hoặc chạy lại với --create-missing."
                )
                % {"text": text, "list": self.label}
            )
        limit = self.model._meta.get_field("name").max_length
        if len(text) > limit:
            raise UnknownTerm(
                ngettext(
                    '"%(text)s…" dài quá %(limit)d ký tự, không thêm được.',
                    '"%(text)s…" dài quá %(limit)d ký tự, không thêm được.',
                    limit,
                )
                % {"text": text[:40], "limit": limit}
            )
        if not vietnamese_slugify(text):
            raise UnknownTerm(
                gettext(
                    '"%(text)s" không có chữ hoặc số nào để làm mã, không thêm được vào danh mục.'
                )
                % {"text": text}
            )
        # Rows spelling the same new value differently share one PendingTerm.
        return self.pending.setdefault(folded_text(text), PendingTerm(self.model, text))


def match_terms(terms, text):
    """The terms this text names: exact name (any case), else folded name, else slug."""
    lowered = text.casefold()
    exact = [term for term in terms if term.name.casefold() == lowered]
    if exact:
        return exact
    folded = folded_text(text)
    by_folded_name = [term for term in terms if folded_text(term.name) == folded]
    if by_folded_name:
        return by_folded_name
    slugs = {text.lower(), vietnamese_slugify(text)}
    return [term for term in terms if term.slug in slugs]


def resolve_term(term):
    """A saved term: a PendingTerm is looked up again (an earlier row may have added it),
    else created, its slug made by ControlledTerm.save with vietnamese_slugify.

    Returns (term, created).
    """
    if not isinstance(term, PendingTerm):
        return term, False
    found = match_terms(list(term.model.objects.all()), term.name)
    if found:
        return found[0], False
    return term.model.objects.create(name=term.name), True


def file_sha256(handle):
    digest = hashlib.sha256()
    for chunk in iter(lambda: handle.read(1024 * 1024), b""):
        digest.update(chunk)
    return digest.hexdigest()


# --- Checking rows -----------------------------------------------------------------------


def _max_length(model, name):
    return model._meta.get_field(name).max_length


class RowChecker:
    """Checks every row before anything is written, collecting all errors of each row."""

    def __init__(self, files_dir, create_missing=False):
        self.files_dir = Path(files_dir)
        self.types = TermList(DocumentType, "loai", create_missing)
        self.bodies = TermList(IssuingBody, "co_quan", create_missing)
        self.fields = TermList(DocumentField, "linh_vuc", create_missing)
        self._names_on_disk = None

    def check_all(self, records):
        """A Row for every record; rows sharing a number and issuing body are all refused."""
        rows, seen = [], defaultdict(list)
        for record in records:
            row, identity = self.check(record)
            rows.append(row)
            if identity:
                seen[identity].append(row)
        for group in seen.values():
            if len(group) < 2:
                continue
            # Which of the rows is right cannot be known: none is published.
            for row in group:
                others = ", ".join(str(other.line) for other in group if other is not row)
                row.errors.append(
                    error_at(
                        row.line,
                        "so_ky_hieu",
                        gettext(
                            "số ký hiệu trùng với văn bản của cùng cơ quan ban hành ở dòng "
                            "%(lines)s; các dòng trùng nhau đều bị từ chối."
                        )
                        % {"lines": others},
                    )
                )
                row.document = None
        return rows

    def check(self, record):
        """(Row, identity): identity is (number key, issuing body) for finding repeats."""
        line, values = record.line, record.values
        errors = []

        def refuse(column, message):
            errors.append(error_at(line, column, message))

        if record.extra_cells:
            refuse(
                None,
                ngettext(
                    "có %(count)d ô thừa ngoài các cột của dòng tiêu đề (thường do "
                    "một giá trị có dấu phẩy mà không đặt trong ngoặc kép).",
                    "có %(count)d ô thừa ngoài các cột của dòng tiêu đề (thường do "
                    "một giá trị có dấu phẩy mà không đặt trong ngoặc kép).",
                    record.extra_cells,
                )
                % {"count": record.extra_cells},
            )
        text = {name: _one_line(values.get(name, "")) for name in (*COLUMNS, *OPTIONAL_COLUMNS)}
        for name in REQUIRED_VALUES:
            if not text[name]:
                refuse(name, gettext("bắt buộc, không được để trống."))
        for name, limit in (
            ("so_ky_hieu", _max_length(LegalDocumentPage, "number")),
            ("nguoi_ky", _max_length(LegalDocumentPage, "signer")),
            ("chuc_danh", _max_length(LegalDocumentPage, "signer_title")),
            ("tieu_de", _max_length(Page, "title")),
        ):
            if len(text[name]) > limit:
                length = len(text[name])
                refuse(
                    name,
                    ngettext(
                        "dài %(length)d ký tự, tối đa %(limit)d.",
                        "dài %(length)d ký tự, tối đa %(limit)d.",
                        length,
                    )
                    % {"length": length, "limit": limit},
                )

        key = number_key(text["so_ky_hieu"])
        if text["so_ky_hieu"] and not key:
            refuse(
                "so_ky_hieu",
                gettext('"%(number)s" không có chữ hoặc số nào.') % {"number": text["so_ky_hieu"]},
            )

        terms = {}
        for name, terms_list in (("loai", self.types), ("co_quan", self.bodies)):
            if text[name]:
                try:
                    terms[name] = terms_list.match(text[name])
                except UnknownTerm as exc:
                    refuse(name, str(exc))
        document_fields = []
        for item in split_list(text["linh_vuc"]):
            try:
                term = self.fields.match(item)
            except UnknownTerm as exc:
                refuse("linh_vuc", str(exc))
            else:
                if term not in document_fields:
                    document_fields.append(term)

        dates = {}
        for name in ("ngay_ban_hanh", "ngay_hieu_luc", "ngay_het_hieu_luc"):
            if text[name]:
                dates[name] = parse_date(text[name])
                if dates[name] is None:
                    refuse(
                        name,
                        gettext('"%(text)s" không phải ngày hợp lệ (%(formats)s).')
                        % {"text": text[name], "formats": DATE_FORMATS},
                    )
        effective_on, expires_on = dates.get("ngay_hieu_luc"), dates.get("ngay_het_hieu_luc")
        if effective_on and expires_on and expires_on <= effective_on:
            refuse(
                "ngay_het_hieu_luc",
                gettext(
                    "ngày hết hiệu lực (%(expires)s) phải sau ngày có hiệu lực (%(effective)s)."
                )
                % {
                    "expires": expires_on.strftime("%d/%m/%Y"),
                    "effective": effective_on.strftime("%d/%m/%Y"),
                },
            )

        level = parse_security_level(text["do_mat"])
        if level is None:
            labels = ", ".join(str(choice.label) for choice in SecurityLevel)
            refuse(
                "do_mat",
                gettext('"%(text)s" không phải độ mật hợp lệ (%(labels)s).')
                % {"text": text["do_mat"], "labels": labels},
            )
        elif level != SecurityLevel.NORMAL:
            # The import publishes, and a secret document is never published.
            refuse("do_mat", str(SECRET_MESSAGE % {"level": level.label}))

        body = terms.get("co_quan")
        if key and isinstance(body, IssuingBody) and level == SecurityLevel.NORMAL:
            existing = (
                LegalDocumentPage.objects.filter(number_key=key, issuing_body=body)
                .order_by("pk")
                .first()
            )
            if existing is not None and existing.is_secret:
                # Updating would publish it: lowering a level is a decision for a person
                # in the admin, never a side effect of a spreadsheet.
                refuse(
                    "do_mat",
                    gettext(
                        'cổng đã có văn bản số "%(number)s" của "%(body)s" với độ mật '
                        "“%(level)s”; tệp nhập không được hạ độ "
                        "mật, hãy sửa trong trang quản trị."
                    )
                    % {
                        "number": existing.number,
                        "body": body.name,
                        "level": existing.get_security_level_display(),
                    },
                )

        files = []
        # File names are only trimmed: inner spaces are part of the name on disk.
        for name in split_list(values.get("tep", ""), clean=str.strip):
            try:
                files.append(self.check_file(name))
            except ValidationError as exc:
                refuse("tep", " ".join(exc.messages))

        identity = None
        if key and text["co_quan"]:
            if isinstance(body, IssuingBody):
                identity = (key, "body", body.pk)
            else:
                identity = (key, "text", folded_text(text["co_quan"]))
        if errors:
            return Row(line, errors=errors), identity
        document = LegalDocument(
            number=text["so_ky_hieu"],
            key=key,
            document_type=terms["loai"],
            issuing_body=body,
            issued_on=dates["ngay_ban_hanh"],
            summary=text["trich_yeu"],
            title=text["tieu_de"] or default_title(text["trich_yeu"]),
            signer=text["nguoi_ky"],
            signer_title=text["chuc_danh"],
            fields=document_fields,
            effective_on=effective_on,
            expires_on=expires_on,
            files=files,
        )
        return Row(line, document=document), identity

    def check_file(self, name):
        """The path of a file named in the tep column, checked like an editor's upload."""
        if "/" in name or "\\" in name or name in (".", ".."):
            raise ValidationError(
                gettext(
                    '"%(name)s" phải là tên một tệp trong thư mục --files, không phải đường dẫn.'
                )
                % {"name": name}
            )
        path = self.files_dir / name
        if not path.is_file():
            # A name typed in the CSV is precomposed; the same name unpacked from a Mac's
            # archive may be decomposed on disk. Both are the same file to a person.
            path = self.names_on_disk().get(unicodedata.normalize("NFC", name))
        if path is None:
            raise ValidationError(
                gettext('không tìm thấy tệp "%(name)s" trong thư mục %(folder)s.')
                % {"name": name, "folder": self.files_dir}
            )
        try:
            with path.open("rb") as handle:
                validate_attachment(File(handle, name=path.name))
        except OSError as exc:
            raise ValidationError(
                gettext('không đọc được tệp "%(name)s": %(reason)s.')
                % {"name": name, "reason": exc.strerror or exc}
            ) from exc
        return path

    def names_on_disk(self):
        if self._names_on_disk is None:
            self._names_on_disk = {
                unicodedata.normalize("NFC", path.name): path
                for path in self.files_dir.iterdir()
                if path.is_file()
            }
        return self._names_on_disk


# --- Saving ----------------------------------------------------------------------------


def find_document_index(url_path):
    """The DocumentIndexPage at this URL path ("/van-ban/") of the default Site."""
    # The same resolution as news.importers.find_news_index, whose type check and
    # messages are about news sections and so cannot be reused as they are.
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        raise DocumentImportError(
            gettext(
                "Chưa có trang web mặc định (Site đánh dấu is_default_site): "
                "không biết đường dẫn --into thuộc trang nào."
            )
        )
    components = [part for part in unquote(urlsplit(url_path).path).split("/") if part]
    full_path = site.root_page.url_path + "".join(f"{part}/" for part in components)
    page = Page.objects.filter(url_path=full_path).first()
    if page is None:
        raise DocumentImportError(
            gettext(
                "Không tìm thấy trang nào tại đường dẫn «%(path)s» trên trang web mặc định "
                "(%(hostname)s). Hãy dùng đường dẫn của một danh mục văn bản, ví dụ /van-ban/."
            )
            % {"path": url_path, "hostname": site.hostname}
        )
    page = page.specific
    if not isinstance(page, DocumentIndexPage):
        raise DocumentImportError(
            gettext(
                "Trang «%(title)s» tại «%(path)s» không phải danh mục văn bản "
                "(DocumentIndexPage); không thể nhập văn bản vào đó."
            )
            % {"title": page.title, "path": url_path}
        )
    return page


class DocumentImporter:
    """Creates or updates published LegalDocumentPages under one register index.

    The key is the number's number_key and the issuing body: an existing document (wherever
    an editor has moved it) is updated in place, gets a new revision which is published,
    and keeps its slug and place in the tree. Its attachments are replaced only when the
    row names files that differ (by name, order or content) from the current ones.

    Attachment files are written to the private storage before the page's revision, so
    that the revision records their stored names; the files of a document that then fails
    are deleted again, and `discard_files()` deletes every file this run stored (--strict).
    """

    def __init__(self, index):
        self.index_id = index.pk
        self.storage = LegalDocumentAttachment._meta.get_field("file").storage
        self.stored = []

    def save(self, document):
        """Create or update the document in one transaction; a SaveResult, or InvalidRow."""
        stored_before = len(self.stored)
        try:
            with transaction.atomic():
                return self._save(document)
        except ValidationError as exc:
            self._delete(self.stored[stored_before:])
            raise InvalidRow(
                gettext("dữ liệu không hợp lệ: %(errors)s")
                % {"errors": describe_validation_error(exc)}
            ) from exc
        except (DatabaseError, OSError) as exc:
            self._delete(self.stored[stored_before:])
            raise InvalidRow(gettext("không lưu được: %(error)s") % {"error": exc}) from exc
        except BaseException:
            self._delete(self.stored[stored_before:])
            raise

    def _save(self, document):
        document_type, new_type = resolve_term(document.document_type)
        issuing_body, new_body = resolve_term(document.issuing_body)
        fields, new_terms = [], []
        for term in document.fields:
            term, created = resolve_term(term)
            fields.append(term)
            if created:
                new_terms.append(
                    gettext('"%(name)s" vào danh mục %(list)s')
                    % {"name": term.name, "list": term._meta.verbose_name}
                )
        if new_type:
            new_terms.insert(
                0,
                gettext('"%(name)s" vào danh mục loại văn bản') % {"name": document_type.name},
            )
        if new_body:
            new_terms.insert(
                0,
                gettext('"%(name)s" vào danh mục cơ quan ban hành') % {"name": issuing_body.name},
            )

        page = (
            LegalDocumentPage.objects.filter(number_key=document.key, issuing_body=issuing_body)
            .order_by("pk")
            .first()
        )
        created = page is None
        if created:
            page = LegalDocumentPage()
        elif page.is_secret:
            # Checked before, checked again: an editor may have changed it meanwhile.
            raise InvalidRow(SECRET_MESSAGE % {"level": page.get_security_level_display()})
        page.title = document.title
        page.number = document.number
        page.document_type = document_type
        page.issuing_body = issuing_body
        page.signer = document.signer
        page.signer_title = document.signer_title
        page.issued_on = document.issued_on
        page.effective_on = document.effective_on
        page.expires_on = document.expires_on
        page.summary = document.summary
        page.security_level = SecurityLevel.NORMAL
        page.fields.set(fields)
        if document.files and (created or not self.same_files(page, document.files)):
            page.attachments = [
                self.attachment_for(path, position) for position, path in enumerate(document.files)
            ]
        if created:
            DocumentIndexPage.objects.get(pk=self.index_id).add_child(instance=page)
        page.save_revision().publish()
        return SaveResult(page, created, new_terms)

    def same_files(self, page, paths):
        """Whether the page's attachments are these files: same names, order and content."""
        current = list(page.attachments.all())
        if len(current) != len(paths):
            return False
        for attachment, path in zip(current, paths, strict=True):
            if attachment.original_name != unicodedata.normalize("NFC", path.name):
                return False
            if attachment.size != path.stat().st_size:
                return False
            try:
                with attachment.file.open("rb") as stored, path.open("rb") as new:
                    if file_sha256(stored) != file_sha256(new):
                        return False
            except OSError:
                return False  # the stored file is gone: store it again
        return True

    def attachment_for(self, path, position):
        """A new attachment whose file is already in the private storage, under a random name."""
        name = unicodedata.normalize("NFC", path.name)
        attachment = LegalDocumentAttachment(
            original_name=name, size=path.stat().st_size, sort_order=position
        )
        with path.open("rb") as handle:
            attachment.file.save(name, File(handle, name=name), save=False)
        self.stored.append(attachment.file.name)
        return attachment

    def discard_files(self):
        """Delete every file this importer stored (when --strict rolls the whole run back)."""
        self._delete(self.stored)

    def _delete(self, names):
        for name in list(names):
            # Best effort: a leftover file is harmless, it belongs to no page.
            with contextlib.suppress(OSError):
                self.storage.delete(name)
            self.stored.remove(name)
