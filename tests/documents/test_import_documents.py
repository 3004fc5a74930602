"""manage.py import_documents: legal documents from a CSV file into the register."""

import csv
import datetime
import io
import zipfile
from pathlib import Path

import pytest

from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError

from wagtail.models import Page

from documents.importers import parse_date, parse_security_level
from documents.models import (
    DocumentField,
    DocumentIndexPage,
    DocumentType,
    IssuingBody,
    LegalDocumentAttachment,
    LegalDocumentPage,
    SecurityLevel,
)

HEADER = [
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
]
PDF = (
    b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
    b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"
)


def make_docx():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr(
            "word/document.xml",
            '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
            'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Phụ lục</w:t></w:r></w:p>'
            "</w:body></w:document>",
        )
    return buffer.getvalue()


@pytest.fixture
def register(district):
    """The register /van-ban/ under the district home page."""
    index = DocumentIndexPage(title="Văn bản", slug="van-ban")
    district.add_child(instance=index)
    index.save_revision().publish()
    return index


@pytest.fixture
def lists(db):
    """The controlled lists the good rows use."""
    return {
        "quyet_dinh": DocumentType.objects.create(name="Quyết định"),
        "cong_van": DocumentType.objects.create(name="Công văn"),
        "ubnd": IssuingBody.objects.create(name="UBND huyện"),
        "hdnd": IssuingBody.objects.create(name="HĐND huyện"),
        "dat_dai": DocumentField.objects.create(name="Đất đai"),
        "xay_dung": DocumentField.objects.create(name="Xây dựng"),
        "giao_duc": DocumentField.objects.create(name="Giáo dục"),
    }


@pytest.fixture
def files(tmp_path):
    """The attachments directory with two good files."""
    directory = tmp_path / "tep"
    directory.mkdir()
    (directory / "Quyết định số 15.pdf").write_bytes(PDF)
    (directory / "Phụ lục kèm theo.docx").write_bytes(make_docx())
    return directory


def row(n=15, **values):
    """A complete valid row; values override."""
    data = {
        "so_ky_hieu": f"{n}/2024/QĐ-UBND",
        "loai": "Quyết định",
        "co_quan": "UBND huyện",
        "nguoi_ky": "Nguyễn Văn An",
        "chuc_danh": "Chủ tịch",
        "linh_vuc": "Đất đai",
        "ngay_ban_hanh": "05/03/2024",
        "ngay_hieu_luc": "2024-03-15",
        "ngay_het_hieu_luc": "",
        "trich_yeu": f"Ban hành quy định số {n} về quản lý đất đai trên địa bàn huyện",
        "do_mat": "Thường",
        "tep": "",
    }
    data.update(values)
    return data


def write_csv(path, *rows, header=None, encoding="utf-8", delimiter=","):
    header = header or HEADER
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(header)
    for values in rows:
        writer.writerow([values.get(name, "") for name in header])
    path.write_text(buffer.getvalue(), encoding=encoding)
    return path


def run_import(path, files, *args, into="/van-ban/"):
    """(stdout, stderr, error): error is the CommandError raised, or None."""
    out, err = io.StringIO(), io.StringIO()
    error = None
    try:
        call_command(
            "import_documents",
            str(path),
            "--files",
            str(files),
            "--into",
            into,
            *args,
            stdout=out,
            stderr=err,
        )
    except CommandError as exc:
        error = exc
    return out.getvalue(), err.getvalue(), error


def stored_files():
    storage = LegalDocumentAttachment._meta.get_field("file").storage
    return {path for path in Path(storage.location).rglob("*") if path.is_file()}


# --- A good file ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_good_file_creates_live_documents_with_all_fields(register, lists, files, tmp_path):
    path = write_csv(
        tmp_path / "van-ban.csv",
        row(
            15,
            linh_vuc="dat dai; Xây dựng;  ;xay-dung",
            ngay_het_hieu_luc="31/12/2030",
            tep="Quyết định số 15.pdf; Phụ lục kèm theo.docx",
        ),
        row(
            7,
            so_ky_hieu="7/CV-HĐND",
            loai="cong van",
            co_quan="hdnd-huyen",
            nguoi_ky="",
            chuc_danh="",
            linh_vuc="",
            ngay_ban_hanh="2024-01-09",
            ngay_hieu_luc="",
            do_mat="",
        ),
        header=[*HEADER, "tieu_de"],
    )
    out, err, error = run_import(path, files)
    assert error is None, err
    assert err == ""
    assert "tạo mới 2, cập nhật 0, từ chối 0" in out

    first = LegalDocumentPage.objects.get(number="15/2024/QĐ-UBND")
    assert first.live and not first.has_unpublished_changes
    assert first.get_parent().pk == register.pk
    assert first.number_key == "152024qdubnd"
    assert first.document_type == lists["quyet_dinh"]
    assert first.issuing_body == lists["ubnd"]
    assert first.signer == "Nguyễn Văn An"
    assert first.signer_title == "Chủ tịch"
    assert set(first.fields.all()) == {lists["dat_dai"], lists["xay_dung"]}
    assert first.issued_on == datetime.date(2024, 3, 5)
    assert first.effective_on == datetime.date(2024, 3, 15)
    assert first.expires_on == datetime.date(2030, 12, 31)
    assert first.summary == "Ban hành quy định số 15 về quản lý đất đai trên địa bàn huyện"
    assert first.title == first.summary  # no tieu_de: the summary
    assert first.slug.startswith("ban-hanh-quy-dinh-so-15-ve-quan-ly-dat-dai")
    assert first.security_level == SecurityLevel.NORMAL
    assert first.revisions.count() >= 1

    attachments = list(first.attachments.order_by("sort_order"))
    assert [a.original_name for a in attachments] == [
        "Quyết định số 15.pdf",
        "Phụ lục kèm theo.docx",
    ]
    assert attachments[0].size == len(PDF)
    for attachment in attachments:
        # Stored privately under a random ASCII name; the Vietnamese name is only kept.
        assert attachment.file.name.startswith("van-ban/")
        assert attachment.file.name.isascii()
        assert attachment.file.storage.exists(attachment.file.name)
    with attachments[0].file.open("rb") as handle:
        assert handle.read() == PDF

    second = LegalDocumentPage.objects.get(number="7/CV-HĐND")
    assert second.live
    assert second.document_type == lists["cong_van"]  # matched without accents
    assert second.issuing_body == lists["hdnd"]  # matched by slug
    assert second.issued_on == datetime.date(2024, 1, 9)
    assert second.effective_on is None
    assert list(second.fields.all()) == []
    assert second.attachments.count() == 0
    assert second.security_level == SecurityLevel.NORMAL  # empty do_mat


@pytest.mark.django_db
def test_title_column_is_used_when_given_and_verbose_lists_rows(register, lists, files, tmp_path):
    path = write_csv(
        tmp_path / "van-ban.csv",
        row(15, tieu_de="Quy định quản lý đất đai"),
        header=[*HEADER, "tieu_de"],
    )
    out, err, error = run_import(path, files, "-v", "2")
    assert error is None, err
    page = LegalDocumentPage.objects.get()
    assert page.title == "Quy định quản lý đất đai"
    assert page.slug == "quy-dinh-quan-ly-dat-dai"
    assert "Dòng 2: đã tạo «Quy định quản lý đất đai»." in out


@pytest.mark.django_db
def test_long_summary_gives_a_shortened_title(register, lists, files, tmp_path):
    summary = "Về việc " + " ".join(["ban hành quy chế phối hợp"] * 12)
    path = write_csv(tmp_path / "van-ban.csv", row(15, trich_yeu=summary))
    _, err, error = run_import(path, files)
    assert error is None, err
    page = LegalDocumentPage.objects.get()
    assert page.summary == summary
    assert len(page.title) <= 150
    assert page.title.endswith("…")
    assert summary.startswith(page.title[:-1])


@pytest.mark.django_db
def test_utf8_bom_and_semicolon_separated_file(register, lists, files, tmp_path):
    path = write_csv(
        tmp_path / "van-ban.csv",
        row(15, linh_vuc="Đất đai; Giáo dục"),
        encoding="utf-8-sig",
        delimiter=";",
    )
    assert path.read_bytes().startswith(b"\xef\xbb\xbfso_ky_hieu;")
    out, err, error = run_import(path, files)
    assert error is None, err
    page = LegalDocumentPage.objects.get()
    assert page.number == "15/2024/QĐ-UBND"
    assert set(page.fields.all()) == {lists["dat_dai"], lists["giao_duc"]}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("05/03/2024", datetime.date(2024, 3, 5)),
        ("5/3/2024", datetime.date(2024, 3, 5)),
        ("2024-03-05", datetime.date(2024, 3, 5)),
        ("29/02/2024", datetime.date(2024, 2, 29)),
        ("31/02/2024", None),
        ("29/02/2023", None),
        ("2024-13-01", None),
        ("03/05/24", None),
        ("05.03.2024", None),
        ("2024-03-05T00:00", None),
    ],
)
def test_dates_in_both_formats(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", SecurityLevel.NORMAL),
        ("Thường", SecurityLevel.NORMAL),
        ("thuong", SecurityLevel.NORMAL),
        ("Mật", SecurityLevel.CONFIDENTIAL),
        ("TỐI MẬT", SecurityLevel.SECRET),
        ("tuyet mat", SecurityLevel.TOP_SECRET),
        ("tuyet_mat", SecurityLevel.TOP_SECRET),
        ("công khai", None),
    ],
)
def test_security_level_by_label_or_value(text, expected):
    assert parse_security_level(text) == expected


# --- Bad rows ------------------------------------------------------------------------------


def write_bad_file(tmp_path, files, **bad):
    """A file whose line 2 and 4 are good and line 3 has the given values."""
    return write_csv(
        tmp_path / "van-ban.csv",
        row(1, tep="Quyết định số 15.pdf"),
        row(2, **bad),
        row(3),
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("bad", "expected"),
    [
        ({"so_ky_hieu": ""}, "Dòng 3, cột so_ky_hieu: bắt buộc, không được để trống."),
        ({"trich_yeu": "  "}, "Dòng 3, cột trich_yeu: bắt buộc, không được để trống."),
        ({"ngay_ban_hanh": ""}, "Dòng 3, cột ngay_ban_hanh: bắt buộc, không được để trống."),
        (
            {"ngay_ban_hanh": "31/02/2024"},
            'Dòng 3, cột ngay_ban_hanh: "31/02/2024" không phải ngày hợp lệ '
            "(dd/mm/yyyy hoặc yyyy-mm-dd).",
        ),
        (
            {"ngay_hieu_luc": "15-03-2024"},
            'Dòng 3, cột ngay_hieu_luc: "15-03-2024" không phải ngày hợp lệ',
        ),
        (
            {"loai": "Chỉ thị"},
            'Dòng 3, cột loai: "Chỉ thị" không có trong danh mục loại văn bản.',
        ),
        (
            {"co_quan": "UBND xã Tân An"},
            'Dòng 3, cột co_quan: "UBND xã Tân An" không có trong danh mục cơ quan ban hành.',
        ),
        (
            {"linh_vuc": "Đất đai; Y tế"},
            'Dòng 3, cột linh_vuc: "Y tế" không có trong danh mục lĩnh vực.',
        ),
        (
            {"tep": "Không có.pdf"},
            'Dòng 3, cột tep: không tìm thấy tệp "Không có.pdf" trong thư mục',
        ),
        (
            {"tep": "Giả mạo.pdf"},
            "Dòng 3, cột tep: Nội dung tệp “Giả mạo.pdf” không phải PDF",
        ),
        (
            {"tep": "Quyết định số 15.docx"},
            "Dòng 3, cột tep: Nội dung tệp “Quyết định số 15.docx” không phải DOCX",
        ),
        (
            {"tep": "chạy.exe"},
            "Dòng 3, cột tep: Tệp “chạy.exe” có đuôi không được phép.",
        ),
        (
            {"tep": "../Quyết định số 15.pdf"},
            'Dòng 3, cột tep: "../Quyết định số 15.pdf" phải là tên một tệp trong thư mục '
            "--files, không phải đường dẫn.",
        ),
        (
            {"ngay_hieu_luc": "01/06/2024", "ngay_het_hieu_luc": "2024-05-31"},
            "Dòng 3, cột ngay_het_hieu_luc: ngày hết hiệu lực (31/05/2024) phải sau ngày có "
            "hiệu lực (01/06/2024).",
        ),
        (
            {"do_mat": "Mật"},
            "Dòng 3, cột do_mat: Văn bản có độ mật “Mật” không được xuất bản lên cổng thông tin.",
        ),
        (
            {"do_mat": "tuyet mat"},
            "Dòng 3, cột do_mat: Văn bản có độ mật “Tuyệt mật” không được xuất bản",
        ),
        (
            {"do_mat": "công khai"},
            'Dòng 3, cột do_mat: "công khai" không phải độ mật hợp lệ '
            "(Thường, Mật, Tối mật, Tuyệt mật).",
        ),
        ({"nguoi_ky": "A" * 201}, "Dòng 3, cột nguoi_ky: dài 201 ký tự, tối đa 200."),
        ({"so_ky_hieu": "--/--"}, 'Dòng 3, cột so_ky_hieu: "--/--" không có chữ hoặc số nào.'),
    ],
)
def test_bad_row_is_reported_with_line_and_column_and_skipped(
    register, lists, files, tmp_path, bad, expected
):
    (files / "Giả mạo.pdf").write_bytes(b"Day khong phai PDF, chi la van ban thuong.")
    (files / "Quyết định số 15.docx").write_bytes(PDF)
    (files / "chạy.exe").write_bytes(b"MZ\x90\x00")
    out, err, error = run_import(write_bad_file(tmp_path, files, **bad), files)

    assert expected in err, err
    assert err.count("Dòng ") == 1, err  # one error, about line 3 only
    assert error is not None
    assert str(error) == "Có 1 dòng bị từ chối, xem lý do ở trên."
    assert "tạo mới 2, cập nhật 0, từ chối 1" in out
    numbers = set(LegalDocumentPage.objects.values_list("number", flat=True))
    assert numbers == {"1/2024/QĐ-UBND", "3/2024/QĐ-UBND"}
    assert all(page.live for page in LegalDocumentPage.objects.all())
    assert not DocumentType.objects.filter(name="Chỉ thị").exists()
    assert not IssuingBody.objects.filter(name="UBND xã Tân An").exists()


@pytest.mark.django_db
def test_every_error_of_a_row_is_reported(register, lists, files, tmp_path):
    path = write_csv(
        tmp_path / "van-ban.csv",
        row(1, so_ky_hieu="", loai="Nghị quyết", ngay_ban_hanh="2024-02-30", do_mat="Mật"),
    )
    _, err, error = run_import(path, files)
    lines = err.strip().splitlines()
    assert [line.split(":")[0] for line in lines] == [
        "Dòng 2, cột so_ky_hieu",
        "Dòng 2, cột loai",
        "Dòng 2, cột ngay_ban_hanh",
        "Dòng 2, cột do_mat",
    ]
    assert error is not None
    assert LegalDocumentPage.objects.count() == 0


@pytest.mark.django_db
def test_duplicate_number_and_body_inside_the_file(register, lists, files, tmp_path):
    path = write_csv(
        tmp_path / "van-ban.csv",
        row(15),
        row(16),
        # The same number written differently, the same body by its slug.
        row(15, so_ky_hieu="15/2024/qd-ubnd", co_quan="ubnd-huyen"),
        # The same number of another body is another document.
        row(15, co_quan="HĐND huyện"),
    )
    out, err, error = run_import(path, files)
    assert (
        "Dòng 2, cột so_ky_hieu: số ký hiệu trùng với văn bản của cùng cơ quan ban hành ở dòng 4"
        in err
    )
    assert (
        "Dòng 4, cột so_ky_hieu: số ký hiệu trùng với văn bản của cùng cơ quan ban hành ở dòng 2"
        in err
    )
    assert "Dòng 3" not in err and "Dòng 5" not in err
    assert "tạo mới 2, cập nhật 0, từ chối 2" in out
    assert error is not None
    pages = LegalDocumentPage.objects.order_by("number", "issuing_body__name")
    assert [(p.number, p.issuing_body.name) for p in pages] == [
        ("15/2024/QĐ-UBND", "HĐND huyện"),
        ("16/2024/QĐ-UBND", "UBND huyện"),
    ]


@pytest.mark.django_db
def test_unknown_values_are_created_with_create_missing(register, lists, files, tmp_path):
    path = write_csv(
        tmp_path / "van-ban.csv",
        row(1, loai="Chỉ thị", co_quan="UBND xã Tân An", linh_vuc="Y tế; Đất đai"),
        # The same new values spelled differently are the same values.
        row(2, loai="chi thi", co_quan="UBND XÃ TÂN AN", linh_vuc="y te"),
    )
    out, err, error = run_import(path, files, "--create-missing")
    assert error is None, err
    assert "tạo mới 2, cập nhật 0, từ chối 0" in out
    assert 'Dòng 2: đã thêm "Chỉ thị" vào danh mục loại văn bản.' in out
    assert 'Dòng 2: đã thêm "UBND xã Tân An" vào danh mục cơ quan ban hành.' in out
    assert 'Dòng 2: đã thêm "Y tế" vào danh mục lĩnh vực.' in out
    assert "Dòng 3: đã thêm" not in out
    directive = DocumentType.objects.get(name="Chỉ thị")
    assert directive.slug == "chi-thi"
    commune = IssuingBody.objects.get(name="UBND xã Tân An")
    assert commune.slug == "ubnd-xa-tan-an"
    health = DocumentField.objects.get(name="Y tế")
    assert health.slug == "y-te"
    assert DocumentType.objects.filter(name__iexact="chi thi").count() == 0
    for page in LegalDocumentPage.objects.all():
        assert page.document_type == directive
        assert page.issuing_body == commune
        assert health in page.fields.all()


@pytest.mark.django_db
def test_create_missing_still_refuses_other_errors(register, lists, files, tmp_path):
    path = write_csv(tmp_path / "van-ban.csv", row(1, loai="Chỉ thị", ngay_ban_hanh="hôm qua"))
    _, err, error = run_import(path, files, "--create-missing")
    assert 'Dòng 2, cột ngay_ban_hanh: "hôm qua" không phải ngày hợp lệ' in err
    assert error is not None
    assert not DocumentType.objects.filter(name="Chỉ thị").exists()


@pytest.mark.django_db
def test_value_matching_two_terms_without_accents_is_ambiguous(register, lists, files, tmp_path):
    IssuingBody.objects.create(name="UBND xã Tân An", slug="ubnd-xa-tan-an")
    IssuingBody.objects.create(name="UBND xã Tấn An", slug="ubnd-xa-tan-an-2")
    path = write_csv(
        tmp_path / "van-ban.csv",
        row(1, co_quan="UBND xa Tan An"),
        row(2, co_quan="ubnd xã tấn an"),  # exact name but for the case: no ambiguity
    )
    _, err, error = run_import(path, files)
    assert (
        'Dòng 2, cột co_quan: "UBND xa Tan An" khớp nhiều giá trị trong danh mục cơ quan ban '
        'hành: "UBND xã Tân An", "UBND xã Tấn An".'
    ) in err
    assert LegalDocumentPage.objects.get().issuing_body.name == "UBND xã Tấn An"


@pytest.mark.django_db
def test_line_numbers_count_lines_of_quoted_multiline_cells(register, lists, files, tmp_path):
    path = write_csv(
        tmp_path / "van-ban.csv",
        row(1, trich_yeu="Trích yếu\ntrên hai dòng"),
        {},  # a blank row: skipped, but its line counts
        row(2, ngay_ban_hanh="32/01/2024"),
    )
    _, err, error = run_import(path, files)
    assert err.startswith('Dòng 5, cột ngay_ban_hanh: "32/01/2024"'), err
    assert LegalDocumentPage.objects.get().summary == "Trích yếu trên hai dòng"


# --- Strict mode ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_strict_writes_nothing_when_one_row_is_bad(register, lists, files, tmp_path):
    before = stored_files()
    path = write_csv(
        tmp_path / "van-ban.csv",
        row(1, tep="Quyết định số 15.pdf", loai="Chỉ thị"),
        row(2, tep="Phụ lục kèm theo.docx"),
        row(3, ngay_het_hieu_luc="01/01/2020", ngay_hieu_luc="01/01/2021"),
    )
    out, err, error = run_import(path, files, "--strict", "--create-missing")
    assert "Dòng 4, cột ngay_het_hieu_luc" in err
    assert "tạo mới 0, cập nhật 0, từ chối 1" in out
    assert error is not None
    assert "không văn bản nào được ghi (--strict)" in str(error)
    assert LegalDocumentPage.objects.count() == 0
    assert LegalDocumentAttachment.objects.count() == 0
    assert not DocumentType.objects.filter(name="Chỉ thị").exists()
    assert stored_files() == before


@pytest.mark.django_db
def test_strict_imports_everything_when_all_rows_are_valid(register, lists, files, tmp_path):
    path = write_csv(tmp_path / "van-ban.csv", row(1), row(2))
    out, err, error = run_import(path, files, "--strict")
    assert error is None, err
    assert "tạo mới 2, cập nhật 0, từ chối 0" in out
    assert LegalDocumentPage.objects.live().count() == 2


@pytest.fixture
def failing_save(monkeypatch):
    """Makes saving the document numbered 2/2024/QĐ-UBND fail, as a clash found late would."""
    original = LegalDocumentPage.save_revision

    def save_revision(page, *args, **kwargs):
        if page.number == "2/2024/QĐ-UBND":
            raise ValidationError({"number": "Cơ quan này đã có văn bản số này."})
        return original(page, *args, **kwargs)

    monkeypatch.setattr(LegalDocumentPage, "save_revision", save_revision)


@pytest.mark.django_db
def test_failure_while_saving_refuses_only_that_document(
    register, lists, files, tmp_path, failing_save
):
    before = stored_files()
    path = write_csv(
        tmp_path / "van-ban.csv",
        row(1, tep="Quyết định số 15.pdf"),
        row(2, tep="Phụ lục kèm theo.docx"),
        row(3),
    )
    out, err, error = run_import(path, files)
    assert "Dòng 3: dữ liệu không hợp lệ: number: Cơ quan này đã có văn bản số này." in err
    assert "tạo mới 2, cập nhật 0, từ chối 1" in out
    assert error is not None
    assert set(LegalDocumentPage.objects.values_list("number", flat=True)) == {
        "1/2024/QĐ-UBND",
        "3/2024/QĐ-UBND",
    }
    # The refused document's file was stored, then deleted with its rollback.
    assert len(stored_files() - before) == 1


@pytest.mark.django_db
def test_strict_rolls_back_everything_on_a_failure_while_saving(
    register, lists, files, tmp_path, failing_save
):
    before = stored_files()
    path = write_csv(
        tmp_path / "van-ban.csv",
        row(1, tep="Quyết định số 15.pdf", loai="Chỉ thị"),
        row(2, tep="Phụ lục kèm theo.docx"),
        row(3),
    )
    out, err, error = run_import(path, files, "--strict", "--create-missing")
    assert "Dòng 3: dữ liệu không hợp lệ" in err
    assert "tạo mới 0, cập nhật 0, từ chối 1" in out
    assert error is not None
    assert LegalDocumentPage.objects.count() == 0
    assert not DocumentType.objects.filter(name="Chỉ thị").exists()
    assert stored_files() == before


# --- Reruns --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_rerun_updates_without_duplicating(register, lists, files, tmp_path):
    path = write_csv(
        tmp_path / "van-ban.csv",
        row(15, tep="Quyết định số 15.pdf; Phụ lục kèm theo.docx"),
        row(16),
    )
    _, err, error = run_import(path, files)
    assert error is None, err
    page = LegalDocumentPage.objects.get(number="15/2024/QĐ-UBND")
    slug, revisions = page.slug, page.revisions.count()
    stored_names = sorted(page.attachments.values_list("file", flat=True))

    # The same number written another way, a corrected summary and fields; same files.
    path = write_csv(
        tmp_path / "van-ban.csv",
        row(
            15,
            so_ky_hieu="15/2024/qđ-ubnd",
            trich_yeu="Ban hành quy định đã sửa",
            linh_vuc="Giáo dục",
            ngay_het_hieu_luc="2034-01-01",
            tep="Quyết định số 15.pdf; Phụ lục kèm theo.docx",
        ),
        row(16),
    )
    out, err, error = run_import(path, files)
    assert error is None, err
    assert "tạo mới 0, cập nhật 2, từ chối 0" in out
    assert LegalDocumentPage.objects.count() == 2
    page = LegalDocumentPage.objects.get(pk=page.pk)
    assert page.live and not page.has_unpublished_changes
    assert page.number == "15/2024/qđ-ubnd"
    assert page.summary == page.title == "Ban hành quy định đã sửa"
    assert page.slug == slug
    assert list(page.fields.all()) == [lists["giao_duc"]]
    assert page.expires_on == datetime.date(2034, 1, 1)
    assert page.revisions.count() > revisions
    # Same files: the attachments are kept as they were.
    assert sorted(page.attachments.values_list("file", flat=True)) == stored_names


@pytest.mark.django_db
def test_rerun_replaces_attachments_only_when_files_change(register, lists, files, tmp_path):
    path = write_csv(tmp_path / "van-ban.csv", row(15, tep="Quyết định số 15.pdf"))
    run_import(path, files)
    page = LegalDocumentPage.objects.get()
    (old,) = page.attachments.all()

    # An empty tep keeps the attachments (an editor may have added them).
    run_import(write_csv(tmp_path / "van-ban.csv", row(15, tep="")), files)
    assert [a.pk for a in page.attachments.all()] == [old.pk]

    # A corrected file with the same name replaces it.
    corrected = PDF.replace(b"%%EOF", b"% sua lai\n%%EOF")
    (files / "Quyết định số 15.pdf").write_bytes(corrected)
    _, err, error = run_import(
        write_csv(tmp_path / "van-ban.csv", row(15, tep="Quyết định số 15.pdf")), files
    )
    assert error is None, err
    (new,) = LegalDocumentPage.objects.get().attachments.all()
    assert new.pk != old.pk
    assert new.file.name != old.file.name
    assert new.original_name == "Quyết định số 15.pdf"
    assert new.size == len(corrected)
    # The old file stays stored: the previous revision still refers to it.
    assert old.file.storage.exists(old.file.name)


@pytest.mark.django_db
def test_existing_secret_document_is_never_published_by_a_rerun(register, lists, files, tmp_path):
    secret = LegalDocumentPage(
        title="Kế hoạch nội bộ",
        number="15/2024/QĐ-UBND",
        document_type=lists["quyet_dinh"],
        issuing_body=lists["ubnd"],
        issued_on=datetime.date(2024, 3, 5),
        summary="Nội bộ",
        security_level=SecurityLevel.CONFIDENTIAL,
        live=False,
    )
    register.add_child(instance=secret)
    _, err, error = run_import(write_csv(tmp_path / "van-ban.csv", row(15)), files)
    assert 'Dòng 2, cột do_mat: cổng đã có văn bản số "15/2024/QĐ-UBND"' in err
    assert error is not None
    secret.refresh_from_db()
    assert not secret.live
    assert secret.security_level == SecurityLevel.CONFIDENTIAL
    assert secret.summary == "Nội bộ"


# --- The whole file refused ----------------------------------------------------------------


@pytest.mark.django_db
def test_missing_column_header_is_one_error_before_any_row(register, lists, files, tmp_path):
    header = [name for name in HEADER if name not in ("do_mat", "ngay_hieu_luc")]
    path = write_csv(tmp_path / "van-ban.csv", row(1), row(2, ngay_ban_hanh="sai"), header=header)
    out, err, error = run_import(path, files)
    assert error is not None
    assert "thiếu cột bắt buộc: ngay_hieu_luc, do_mat." in str(error)
    assert "Dòng" not in err and "Dòng" not in out
    assert LegalDocumentPage.objects.count() == 0


@pytest.mark.django_db
def test_unknown_columns_are_ignored_with_a_notice(register, lists, files, tmp_path):
    path = write_csv(tmp_path / "van-ban.csv", row(1, ghi_chu="x"), header=[*HEADER, "ghi_chu"])
    out, err, error = run_import(path, files)
    assert error is None, err
    assert "Bỏ qua các cột không dùng đến: ghi_chu." in err


@pytest.mark.django_db
def test_file_not_in_utf8_is_refused(register, lists, files, tmp_path):
    path = write_csv(tmp_path / "van-ban.csv", row(1))
    # "Văn" as Windows-1258 writes it: Excel's plain "CSV" rather than "CSV UTF-8".
    path.write_bytes(path.read_bytes().replace("Văn".encode(), b"V\xe3n"))
    _, _, error = run_import(path, files)
    assert error is not None
    assert "không phải văn bản UTF-8 (byte lỗi ở dòng 2)" in str(error)
    assert LegalDocumentPage.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("into", "message"),
    [
        ("/khong-co/", "Không tìm thấy trang nào tại đường dẫn «/khong-co/»"),
        ("/", "không phải danh mục văn bản (DocumentIndexPage)"),
    ],
)
def test_into_must_be_a_register(register, lists, files, tmp_path, into, message):
    path = write_csv(tmp_path / "van-ban.csv", row(1))
    _, _, error = run_import(path, files, into=into)
    assert error is not None
    assert message in str(error)
    assert LegalDocumentPage.objects.count() == 0


@pytest.mark.django_db
def test_files_directory_must_exist(register, lists, tmp_path):
    path = write_csv(tmp_path / "van-ban.csv", row(1))
    _, _, error = run_import(path, tmp_path / "khong-co")
    assert error is not None
    assert "Không tìm thấy thư mục tệp đính kèm" in str(error)


@pytest.mark.django_db
def test_full_url_into_and_page_tree(register, lists, files, tmp_path):
    path = write_csv(tmp_path / "van-ban.csv", row(1))
    _, err, error = run_import(path, files, into="http://localhost/van-ban")
    assert error is None, err
    page = Page.objects.get(pk=LegalDocumentPage.objects.get().pk)
    assert page.get_parent().pk == register.pk
    assert page.url_path.startswith(register.url_path)
