"""Attachment uploads: the type is read from the content, files are stored privately
under random names, and served under their Vietnamese names only through our view."""

import io
import re
import zipfile
from pathlib import Path
from urllib.parse import quote

import pytest

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from documents.models import LegalDocumentAttachment, LegalDocumentPage
from documents.uploads import FORMATS, validate_attachment
from tests.documents.conftest import MINIMAL_PDF, attach_pdf
from tests.factories import LegalDocumentPageFactory

OLE2_HEADER = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64
EXE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 120
VIETNAMESE_NAME = "Quyết định số 15 về quy hoạch đất đai.pdf"
STORED_NAME = re.compile(r"^van-ban/\d{4}/\d{2}/[0-9a-f]{32}\.pdf$")


def zip_bytes(members, *, stored_first=False):
    """A zip archive with these (name, text) members, in order."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for index, (name, text) in enumerate(members):
            compression = zipfile.ZIP_STORED if stored_first and index == 0 else None
            archive.writestr(name, text, compress_type=compression)
    return buffer.getvalue()


CONTENT_TYPES = '<?xml version="1.0"?><Types></Types>'
DOCX = zip_bytes(
    [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", "<Relationships/>"),
        ("word/document.xml", "<w:document/>"),
    ]
)
XLSX = zip_bytes(
    [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", "<Relationships/>"),
        ("xl/workbook.xml", "<workbook/>"),
    ]
)
ODT = zip_bytes(
    [
        ("mimetype", "application/vnd.oasis.opendocument.text"),
        ("META-INF/manifest.xml", "<manifest/>"),
        ("content.xml", "<office:document-content/>"),
    ],
    stored_first=True,
)
OLE2 = OLE2_HEADER + b"\x00" * 504


def upload(name, data):
    return SimpleUploadedFile(name, data)


def refusal_of(name, data):
    with pytest.raises(ValidationError) as error:
        validate_attachment(upload(name, data))
    return error.value


# --- validate_attachment -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("Quyết định 15.pdf", MINIMAL_PDF),
        ("Tờ trình.docx", DOCX),
        ("Bảng tổng hợp.xlsx", XLSX),
        ("Báo cáo.odt", ODT),
        ("Công văn cũ.doc", OLE2),
        ("Số liệu cũ.xls", OLE2),
        ("QUYẾT ĐỊNH.PDF", MINIMAL_PDF),
    ],
    ids=["pdf", "docx", "xlsx", "odt", "doc", "xls", "upper-case-pdf"],
)
def test_real_files_are_accepted(name, data):
    file = upload(name, data)
    file.seek(3)
    validate_attachment(file)
    assert file.tell() == 3  # the validator leaves the file where it found it


@pytest.mark.parametrize(
    ("name", "data", "code", "words"),
    [
        ("Quyết định.pdf", "Đây là văn bản thường.".encode(), "content", "không phải PDF"),
        ("Tờ trình.docx", PNG, "content", "không phải DOCX"),
        ("Bảng.xlsx", DOCX, "content", "không phải XLSX"),
        ("Báo cáo.odt", DOCX, "content", "không phải ODT"),
        ("Tờ trình.docx", ODT, "content", "không phải DOCX"),
        ("Công văn.doc", MINIMAL_PDF, "content", "không phải DOC"),
        ("Hỏng.docx", b"PK\x03\x04" + b"\x00" * 40, "content", "không phải DOCX"),
        ("Quyết định.pdf", b"", "empty", "rỗng"),
        ("cai-dat.exe", EXE, "extension", "đuôi không được phép"),
        ("Quyết định.pdf.exe", MINIMAL_PDF, "extension", "đuôi không được phép"),
        ("Quyết định", MINIMAL_PDF, "extension", "đuôi không được phép"),
        ("Ảnh.png", PNG, "extension", "đuôi không được phép"),
    ],
    ids=[
        "text-as-pdf",
        "png-as-docx",
        "docx-as-xlsx",
        "docx-as-odt",
        "odt-as-docx",
        "pdf-as-doc",
        "broken-zip",
        "empty",
        "exe",
        "double-extension",
        "no-extension",
        "png",
    ],
)
def test_wrong_files_are_refused_with_the_reason(name, data, code, words):
    error = refusal_of(name, data)
    assert error.code == code
    message = " ".join(error.messages)
    assert words in message
    assert f"“{name}”" in message  # the editor sees which file


def test_extension_refusal_lists_what_is_allowed():
    message = " ".join(refusal_of("cai-dat.exe", EXE).messages)
    for label, _ in FORMATS.values():
        assert label in message


def test_file_over_the_limit_is_refused(settings):
    settings.PORTAL_DOCUMENT_MAX_UPLOAD_BYTES = 1024
    big = MINIMAL_PDF + b"%" * (1025 - len(MINIMAL_PDF))
    error = refusal_of("Quyết định dài.pdf", big)
    assert error.code == "size"
    message = " ".join(error.messages)
    assert "vượt giới hạn" in message
    assert "“Quyết định dài.pdf”" in message
    exactly = MINIMAL_PDF + b"%" * (1024 - len(MINIMAL_PDF))
    validate_attachment(upload("Vừa đủ.pdf", exactly))


# --- Through the admin -------------------------------------------------------------------


def add_url(register):
    return f"/admin/pages/add/documents/legaldocumentpage/{register.pk}/"


def document_form(decision, ubnd, attachments, **extra):
    return nested_form_data(
        {
            "title": "Quyết định phê duyệt quy hoạch sử dụng đất",
            "slug": "quyet-dinh-quy-hoach-dat",
            "number": "15/2024/QĐ-UBND",
            "document_type": decision.pk,
            "issuing_body": ubnd.pk,
            "signer": "Nguyễn Văn An",
            "signer_title": "Chủ tịch",
            "issued_on": "2024-03-01",
            "effective_on": "2024-03-15",
            "expires_on": "",
            "security_level": "thuong",
            "status_override": "",
            "summary": "Về việc phê duyệt quy hoạch sử dụng đất năm 2024",
            "attachments": inline_formset(attachments),
            "relations": inline_formset([]),
            "full_text": rich_text(""),
            **extra,
        }
    )


def attachment_row(file, title=""):
    return {"file": file, "title": title, "ORDER": "1", "id": "", "DELETE": ""}


def private_path(attachment):
    return Path(settings.PORTAL_PRIVATE_MEDIA_ROOT) / attachment.file.name


def test_admin_refuses_a_renamed_text_file(admin_client, register, decision, ubnd):
    fake = upload("Quyết định giả.pdf", "Chỉ là chữ, không phải PDF.".encode())
    data = document_form(decision, ubnd, [attachment_row(fake)])
    response = admin_client.post(add_url(register), {**data, "action-publish": "action-publish"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Nội dung tệp “Quyết định giả.pdf” không phải PDF" in body
    assert not LegalDocumentPage.objects.filter(slug="quyet-dinh-quy-hoach-dat").exists()
    assert not LegalDocumentAttachment.objects.exists()


def test_admin_refuses_an_executable(admin_client, register, decision, ubnd):
    data = document_form(decision, ubnd, [attachment_row(upload("cai-dat.exe", EXE))])
    response = admin_client.post(add_url(register), data)
    assert response.status_code == 200
    assert "Tệp “cai-dat.exe” có đuôi không được phép" in response.content.decode()
    assert not LegalDocumentPage.objects.filter(slug="quyet-dinh-quy-hoach-dat").exists()


def test_admin_refuses_a_file_over_the_limit(admin_client, register, decision, ubnd, settings):
    settings.PORTAL_DOCUMENT_MAX_UPLOAD_BYTES = 100
    data = document_form(
        decision, ubnd, [attachment_row(upload("Quyết định dài.pdf", MINIMAL_PDF))]
    )
    response = admin_client.post(add_url(register), data)
    assert response.status_code == 200
    assert "vượt giới hạn" in response.content.decode()
    assert not LegalDocumentAttachment.objects.exists()


def assert_stored_privately(attachment, data):
    assert STORED_NAME.match(attachment.file.name), attachment.file.name
    assert attachment.file.name.isascii()
    path = private_path(attachment)
    assert path.is_file()
    assert path.read_bytes() == data
    assert path.resolve().is_relative_to(Path(settings.PORTAL_PRIVATE_MEDIA_ROOT).resolve())
    assert not path.resolve().is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    public_media = Path(settings.MEDIA_ROOT)
    assert not list(public_media.rglob(path.name))
    assert not list(public_media.rglob(attachment.original_name or VIETNAMESE_NAME))


def test_admin_stores_a_good_pdf_privately_under_a_random_name(
    admin_client, client, register, decision, ubnd
):
    data = document_form(decision, ubnd, [attachment_row(upload(VIETNAMESE_NAME, MINIMAL_PDF))])
    response = admin_client.post(add_url(register), {**data, "action-publish": "action-publish"})
    assert response.status_code == 302, response.context["form"].errors.as_text()
    page = LegalDocumentPage.objects.get(slug="quyet-dinh-quy-hoach-dat")
    assert page.live
    attachment = page.attachments.get()
    assert attachment.original_name == VIETNAMESE_NAME
    assert attachment.size == len(MINIMAL_PDF)
    assert attachment.display_name == VIETNAMESE_NAME
    assert_stored_privately(attachment, MINIMAL_PDF)
    with pytest.raises(ValueError):
        attachment.file.url  # noqa: B018 - no public URL exists for a private file

    download = client.get(f"/tep-van-ban/{attachment.pk}/")
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"] == (
        f"attachment; filename*=utf-8''{quote(VIETNAMESE_NAME)}"
    )
    assert b"".join(download.streaming_content) == MINIMAL_PDF

    # The page links to the file under its Vietnamese name, and that link works too.
    page_html = client.get(page.url).content.decode()
    assert f"/tep-van-ban/{attachment.pk}/" in page_html
    named = client.get(f"/tep-van-ban/{attachment.pk}/{quote(VIETNAMESE_NAME)}")
    assert named.status_code == 200


def add_file_to_live_document(admin_client, register, ubnd):
    """The common case: a file added later to an already published document."""
    page = LegalDocumentPageFactory(parent=register, issuing_body=ubnd)
    data = document_form(
        page.document_type,
        ubnd,
        [attachment_row(upload(VIETNAMESE_NAME, MINIMAL_PDF))],
        title=page.title,
        slug=page.slug,
        number=page.number,
    )
    response = admin_client.post(
        f"/admin/pages/{page.pk}/edit/", {**data, "action-publish": "action-publish"}
    )
    assert response.status_code == 302, response.context["form"].errors.as_text()
    return page, LegalDocumentAttachment.objects.get(page=page)


def test_admin_keeps_the_name_of_a_file_added_to_a_live_document(
    admin_client, client, register, ubnd
):
    page, attachment = add_file_to_live_document(admin_client, register, ubnd)
    assert_stored_privately(attachment, MINIMAL_PDF)
    assert attachment.original_name == VIETNAMESE_NAME
    assert attachment.size == len(MINIMAL_PDF)
    download = client.get(f"/tep-van-ban/{attachment.pk}/")
    assert download.status_code == 200
    assert download["Content-Disposition"] == (
        f"attachment; filename*=utf-8''{quote(VIETNAMESE_NAME)}"
    )


def test_the_editor_reopens_a_document_with_its_file_linked_through_the_guarded_view(
    admin_client, register, ubnd
):
    """Private storage has no URL: the file input links the download view instead of failing."""
    page, attachment = add_file_to_live_document(admin_client, register, ubnd)
    response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'href="/tep-van-ban/{attachment.pk}/"' in html
    assert VIETNAMESE_NAME in html


def test_document_with_a_file_added_later_still_renders(admin_client, client, register, ubnd):
    page, attachment = add_file_to_live_document(admin_client, register, ubnd)
    client.raise_request_exception = False
    response = client.get(page.url)
    assert response.status_code == 200, "the public document page fails to render"
    assert f"/tep-van-ban/{attachment.pk}/" in response.content.decode()


# --- Serving -----------------------------------------------------------------------------


@pytest.fixture
def live_document(register):
    return LegalDocumentPageFactory(parent=register)


def test_pdf_is_shown_inline_when_asked(client, live_document):
    attachment = attach_pdf(live_document, name=VIETNAMESE_NAME)
    response = client.get(f"/tep-van-ban/{attachment.pk}/", {"xem": "1"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline;")
    assert quote(VIETNAMESE_NAME) in response["Content-Disposition"]
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "private" in response["Cache-Control"]


def test_pdf_is_an_attachment_by_default(client, live_document):
    attachment = attach_pdf(live_document, name=VIETNAMESE_NAME)
    response = client.get(f"/tep-van-ban/{attachment.pk}/")
    assert response["Content-Disposition"].startswith("attachment;")


def test_docx_is_always_an_attachment(client, live_document):
    attachment = attach_pdf(live_document, name="Tờ trình số 3.docx", data=DOCX)
    response = client.get(f"/tep-van-ban/{attachment.pk}/", {"xem": "1"})
    assert response.status_code == 200
    assert response["Content-Type"] == FORMATS["docx"][1]
    assert response["Content-Disposition"] == (
        f"attachment; filename*=utf-8''{quote('Tờ trình số 3.docx')}"
    )
    assert response["X-Frame-Options"] == "SAMEORIGIN"


@pytest.mark.parametrize("extension", ["doc", "xls", "xlsx", "odt"])
def test_each_format_is_served_with_its_type(client, live_document, extension):
    data = {"doc": OLE2, "xls": OLE2, "xlsx": XLSX, "odt": ODT}[extension]
    attachment = attach_pdf(live_document, name=f"Tệp mẫu.{extension}", data=data)
    response = client.get(f"/tep-van-ban/{attachment.pk}/", {"xem": "1"})
    assert response.status_code == 200
    assert response["Content-Type"] == FORMATS[extension][1]
    assert response["Content-Disposition"].startswith("attachment;")


def test_missing_file_is_404_not_500(client, live_document):
    attachment = attach_pdf(live_document)
    private_path(attachment).unlink()
    assert client.get(f"/tep-van-ban/{attachment.pk}/").status_code == 404


def test_only_get_is_allowed(client, live_document):
    attachment = attach_pdf(live_document)
    assert client.post(f"/tep-van-ban/{attachment.pk}/").status_code == 405
