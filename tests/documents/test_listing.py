"""The register's listing: GET filters, text search, sorting, pages, count and CSV."""

import csv
import datetime
import io
import re

import pytest

from tests.factories import LegalDocumentPageFactory

D = datetime.date


def numbers(response):
    assert response.status_code == 200
    return re.findall(r'<td><a href="[^"]+">([^<]+)</a></td>', response.content.decode())


@pytest.fixture
def documents(register, decision, plan, ubnd, hdnd, land, education):
    made = {
        "nd42": LegalDocumentPageFactory(
            parent=register,
            number="42/2022/NĐ-CP",
            document_type=decision,
            issuing_body=ubnd,
            summary="Quy định về quản lý đất đai và quy hoạch sử dụng đất",
            issued_on=D(2022, 5, 10),
            effective_on=D(2022, 7, 1),
        ),
        "kh15": LegalDocumentPageFactory(
            parent=register,
            number="15/KH-UBND",
            document_type=plan,
            issuing_body=ubnd,
            summary="Kế hoạch tuyển sinh lớp 1 năm học mới",
            issued_on=D(2024, 6, 1),
            effective_on=D(2024, 6, 1),
        ),
        "nq05": LegalDocumentPageFactory(
            parent=register,
            number="05/2023/NQ-HĐND",
            document_type=decision,
            issuing_body=hdnd,
            summary="Nghị quyết về hỗ trợ học sinh vùng khó khăn",
            issued_on=D(2023, 12, 20),
            effective_on=D(2030, 1, 1),
        ),
    }
    made["nd42"].fields.add(land)
    made["nd42"].save()
    for key in ("kh15", "nq05"):
        made[key].fields.add(education)
        made[key].save()
    return made


def test_newest_issued_first_with_count(client, documents):
    response = client.get("/van-ban/")
    assert numbers(response) == ["15/KH-UBND", "05/2023/NQ-HĐND", "42/2022/NĐ-CP"]
    assert "Tìm thấy 3 văn bản" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("loai=ke-hoach", ["15/KH-UBND"]),
        ("co_quan=hdnd-huyen", ["05/2023/NQ-HĐND"]),
        ("linh_vuc=giao-duc", ["15/KH-UBND", "05/2023/NQ-HĐND"]),
        ("nam=2022", ["42/2022/NĐ-CP"]),
        ("tinh_trang=chua_hieu_luc", ["05/2023/NQ-HĐND"]),
        ("loai=quyet-dinh&linh_vuc=giao-duc", ["05/2023/NQ-HĐND"]),
        ("sap_xep=hieu_luc", ["05/2023/NQ-HĐND", "15/KH-UBND", "42/2022/NĐ-CP"]),
    ],
)
def test_filters_are_bookmarkable_get_parameters(client, documents, query, expected):
    assert numbers(client.get(f"/van-ban/?{query}")) == expected


@pytest.mark.parametrize("typed", ["42/2022/nd-cp", "42/2022/NĐ-CP", "42 2022 ND CP", "422022ndcp"])
def test_number_matches_however_typed(client, documents, typed):
    assert numbers(client.get("/van-ban/", {"q": typed})) == ["42/2022/NĐ-CP"]


@pytest.mark.parametrize("typed", ["quy hoach su dung dat", "QUY HOẠCH", "dat dai quan ly"])
def test_summary_matches_without_accents_in_any_order(client, documents, typed):
    assert numbers(client.get("/van-ban/", {"q": typed})) == ["42/2022/NĐ-CP"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("loai=khong-co", "Không có loại văn bản này."),
        ("nam=abc", "Năm phải là một số"),
        ("nam=99999", "Năm ban hành"),
        ("tinh_trang=xyz", "Tình trạng không hợp lệ."),
        ("q=" + "a" * 2000, "Từ khóa dài quá 200 ký tự"),
        ("trang=abc", None),
        ("q=%25%27%22%3B--", None),
        ("q=*", None),
    ],
)
def test_bad_values_are_explained_and_ignored(client, documents, query, message):
    response = client.get(f"/van-ban/?{query}")
    assert response.status_code == 200
    if message:
        assert message in response.content.decode()


def test_pagination_keeps_the_filters(client, register, decision):
    for n in range(23):
        LegalDocumentPageFactory(
            parent=register,
            document_type=decision,
            issued_on=D(2024, 1, 1) + datetime.timedelta(days=n),
        )
    html = client.get("/van-ban/?loai=quyet-dinh").content.decode()
    assert "Tìm thấy 23 văn bản" in html
    assert 'href="?loai=quyet-dinh&amp;trang=2"' in html
    assert len(numbers(client.get("/van-ban/?loai=quyet-dinh&trang=2"))) == 3


def test_csv_export_of_the_filtered_list(client, documents):
    response = client.get("/van-ban/csv/?linh_vuc=giao-duc")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    body = b"".join(response.streaming_content)
    assert body.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert rows[0][:4] == ["Số ký hiệu", "Trích yếu", "Loại văn bản", "Cơ quan ban hành"]
    assert [row[0] for row in rows[1:]] == ["15/KH-UBND", "05/2023/NQ-HĐND"]
    nq = rows[2]
    assert nq[6] == "Giáo dục" and nq[7] == "20/12/2023" and nq[8] == "01/01/2030"
    assert nq[10] == "Chưa có hiệu lực"
    assert nq[11].startswith("http://localhost/van-ban/")


def test_drafts_are_not_listed(client, register):
    LegalDocumentPageFactory(parent=register, number="1/CV-UBND")
    LegalDocumentPageFactory(parent=register, number="2/CV-UBND").unpublish()
    assert numbers(client.get("/van-ban/")) == ["1/CV-UBND"]


def test_number_as_printed_on_the_document_and_exact_match_first(client, register, ubnd):
    LegalDocumentPageFactory(
        parent=register, number="525/QĐ-UBND", issuing_body=ubnd, issued_on=D(2024, 5, 1)
    )
    LegalDocumentPageFactory(
        parent=register, number="25/QĐ-UBND", issuing_body=ubnd, issued_on=D(2023, 1, 1)
    )
    for typed in ("25/QĐ-UBND", "Số: 25/QĐ-UBND", "so 25 qd ubnd"):
        assert numbers(client.get("/van-ban/", {"q": typed}))[0] == "25/QĐ-UBND"
