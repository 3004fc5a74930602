"""The editorial board's report: per unit and period, articles and documents by section,
author and contributing office, and visits; CSV export; who may see which unit.

Decisions tested here (see communes/report.py):
- articles count by their publication date (published_at), documents by the day they went
  online (first_published_at); only live ones; the district's report leaves out the
  communes' pages, which have their own;
- authors are split on dashes ("A – B" is two authors); the contributing office is the
  article's source;
- visits are the unit's Site's daily counts within the period.
"""

import csv
import datetime
import io

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.models import Site

from communes.provisioning import create_commune
from communes.report import build_report, current_quarter, split_authors
from portal.editorial import ADMIN, BOARD, CONTRIBUTOR, HEAD, group_name, provision_unit
from portal.models import DailyVisitCount
from tests.factories import (
    DocumentIndexPageFactory,
    DocumentTypeFactory,
    IssuingBodyFactory,
    LegalDocumentPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
)

DISTRICT_UNIT = "Huyện Thử Nghiệm"
REPORT_URL = "/admin/bao-cao-ban-bien-tap/"
ICT = datetime.timezone(datetime.timedelta(hours=7))
Q1 = {"tu_ngay": "2025-01-01", "den_ngay": "2025-03-31"}


def at(month, day, hour=9):
    return datetime.datetime(2025, month, day, hour, tzinfo=ICT)


def member(username, unit_name, role):
    user = get_user_model().objects.create_user(username, f"{username}@example.gov.vn", "x")
    user.groups.add(Group.objects.get(name=group_name(unit_name, role)))
    return user


@pytest.fixture
def data(district):
    """A small quarter: 4 district articles in Q1 (+ 1 outside, 1 draft), 2 documents,
    a commune article and document, and visits on both Sites."""
    provision_unit(DISTRICT_UNIT, district)
    news = NewsIndexPageFactory(parent=district, title="Tin tức", slug="tin-tuc")
    politics = NewsIndexPageFactory(parent=news, title="Chính trị", slug="chinh-tri")
    economy = NewsIndexPageFactory(parent=news, title="Kinh tế", slug="kinh-te")
    office = "Trung tâm Văn hóa – Thể thao huyện"
    NewsPageFactory(
        parent=politics, author="Minh Anh – Thu Hà", source=office, published_at=at(1, 5)
    )
    NewsPageFactory(parent=politics, author="Minh Anh", source=office, published_at=at(2, 10))
    NewsPageFactory(
        parent=economy, author=" thu  hà ", source="Phòng Nông nghiệp", published_at=at(3, 31, 23)
    )
    NewsPageFactory(parent=news, author="", source="", published_at=at(1, 1, 0))
    NewsPageFactory(parent=economy, author="Ngoài kỳ", published_at=at(4, 1, 0))
    NewsPageFactory(parent=economy, author="Bản nháp", published_at=at(2, 1), live=False)

    register = DocumentIndexPageFactory(parent=district)
    decision = DocumentTypeFactory(name="Quyết định")
    ubnd = IssuingBodyFactory(name="UBND huyện")
    for day in (3, 20):
        LegalDocumentPageFactory(
            parent=register,
            document_type=decision,
            issuing_body=ubnd,
            issued_on=datetime.date(2024, 12, 30),
            first_published_at=at(2, day),
        )
    LegalDocumentPageFactory(parent=register, first_published_at=at(5, 1))

    khe_may = create_commune("Xã Khe Mây", "khemay.example.gov.vn")
    commune_news = khe_may.page.get_children().get(slug="tin-tuc").specific
    NewsPageFactory(
        parent=commune_news, author="Phóng viên xã", source="UBND xã", published_at=at(2, 2)
    )
    commune_register = khe_may.page.get_children().get(slug="van-ban").specific
    LegalDocumentPageFactory(parent=commune_register, first_published_at=at(3, 3))

    district_site = Site.objects.get(is_default_site=True)
    for day, visits in ((datetime.date(2025, 1, 1), 100), (datetime.date(2025, 3, 31), 20)):
        DailyVisitCount.objects.create(site=district_site, day=day, visits=visits)
    DailyVisitCount.objects.create(site=district_site, day=datetime.date(2025, 4, 1), visits=999)
    DailyVisitCount.objects.create(site=khe_may.site, day=datetime.date(2025, 2, 1), visits=7)
    return {"district": district, "khe_may": khe_may.page}


def test_split_authors():
    assert split_authors("Minh Anh – Thu Hà") == ["Minh Anh", "Thu Hà"]
    assert split_authors("Minh Anh - Thu Hà; Lê Văn  Bình, Hà") == [
        "Minh Anh",
        "Thu Hà",
        "Lê Văn Bình",
        "Hà",
    ]
    assert split_authors("Trần Thị-Lan") == ["Trần Thị-Lan"]
    assert split_authors("  ") == []


def test_current_quarter():
    assert current_quarter(datetime.date(2025, 2, 14)) == (
        datetime.date(2025, 1, 1),
        datetime.date(2025, 3, 31),
    )
    assert current_quarter(datetime.date(2025, 12, 31)) == (
        datetime.date(2025, 10, 1),
        datetime.date(2025, 12, 31),
    )


def test_district_report_numbers(data):
    report = build_report(data["district"], datetime.date(2025, 1, 1), datetime.date(2025, 3, 31))
    assert len(report.articles) == 4
    assert report.by_section == [("Chính trị", 2), ("Kinh tế", 1), ("Tin tức", 1)]
    assert report.by_author == [
        ("Minh Anh", 2),
        ("Thu Hà", 2),
        ("(không ghi tác giả)", 1),
    ]
    assert report.by_office == [
        ("Trung tâm Văn hóa – Thể thao huyện", 2),
        ("(không ghi nguồn)", 1),
        ("Phòng Nông nghiệp", 1),
    ]
    assert len(report.documents) == 2
    assert report.documents_by_type == [("Quyết định", 2)]
    assert report.documents_by_body == [("UBND huyện", 2)]
    assert report.documents_by_section == [("Văn bản", 2)]
    assert report.visits == 120
    assert report.visits_by_month == [
        (datetime.date(2025, 1, 1), 100),
        (datetime.date(2025, 3, 1), 20),
    ]


def test_commune_report_numbers(data):
    report = build_report(data["khe_may"], datetime.date(2025, 1, 1), datetime.date(2025, 3, 31))
    assert [(a.section, a.authors, a.office) for a in report.articles] == [
        ("Tin tức", ["Phóng viên xã"], "UBND xã")
    ]
    assert len(report.documents) == 1
    assert report.visits == 7
    assert report.articles[0].canonical_url.startswith("http://khemay.example.gov.vn/tin-tuc/")


def test_report_view_and_csv(client, data):
    board = member("bbt-huyen", DISTRICT_UNIT, BOARD)
    client.force_login(board)
    response = client.get(REPORT_URL, {"don_vi": data["district"].pk, **Q1})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bài viết theo tác giả" in html and "Trung tâm Văn hóa – Thể thao huyện" in html
    assert response.context["report"].visits == 120

    response = client.get(REPORT_URL, {"don_vi": data["district"].pk, **Q1, "dinh_dang": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="bao-cao-')
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeffBáo cáo Ban biên tập")
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))
    assert ["Từ ngày", "01/01/2025"] in rows and ["Đến ngày", "31/03/2025"] in rows
    assert ["Bài viết", "4"] in rows and ["Văn bản", "2"] in rows
    assert ["Lượt truy cập", "120"] in rows
    assert ["Tác giả", "Số lượng"] in rows and ["Minh Anh", "2"] in rows
    assert ["Đơn vị đóng góp", "Số lượng"] in rows
    assert ["Chuyên mục", "Số lượng"] in rows and ["Chính trị", "2"] in rows
    header = ["Ngày đăng", "Tiêu đề", "Chuyên mục", "Tác giả", "Đơn vị đóng góp", "Địa chỉ"]
    assert header in rows


def test_formula_cells_are_neutralised(client, data):
    NewsPageFactory(
        parent=data["district"].get_children().get(slug="tin-tuc"),
        title="=HYPERLINK(1)",
        published_at=at(2, 2),
    )
    client.force_login(member("tb-huyen", DISTRICT_UNIT, HEAD))
    body = client.get(
        REPORT_URL, {"don_vi": data["district"].pk, **Q1, "dinh_dang": "csv"}
    ).content.decode()
    assert "'=HYPERLINK(1)" in body


def unit_ids(response):
    return [value for value, _ in response.context["form"].fields["don_vi"].choices]


def test_district_roles_and_superusers_see_every_unit(client, data):
    every = [data["district"].pk, data["khe_may"].pk]
    users = [member(f"u-{role}", DISTRICT_UNIT, role) for role in (BOARD, HEAD, ADMIN)]
    users.append(get_user_model().objects.create_superuser("root", "r@example.gov.vn", "x"))
    for user in users:
        client.force_login(user)
        response = client.get(REPORT_URL)
        assert response.status_code == 200
        assert unit_ids(response) == every
        response = client.get(REPORT_URL, {"don_vi": data["khe_may"].pk, **Q1})
        assert response.context["report"].visits == 7


def test_commune_roles_see_only_their_commune(client, data):
    create_commune("Xã Phúc Hòa", "phuchoa.example.gov.vn")
    user = member("bbt-xa", "Xã Khe Mây", BOARD)
    client.force_login(user)
    response = client.get(REPORT_URL)
    assert response.status_code == 200
    assert unit_ids(response) == [data["khe_may"].pk]
    assert response.context["report"].unit.pk == data["khe_may"].pk  # the default unit

    for other in (data["district"].pk, "abc"):
        response = client.get(REPORT_URL, {"don_vi": other, **Q1})
        assert response.status_code == 200
        assert response.context["report"] is None
        assert "bạn không được xem báo cáo của đơn vị này" in response.content.decode()
        csv_response = client.get(REPORT_URL, {"don_vi": other, **Q1, "dinh_dang": "csv"})
        assert csv_response["Content-Type"].startswith("text/html")


def test_contributors_and_editors_have_no_report(client, data):
    for name, unit, role in (
        ("ctv-huyen", DISTRICT_UNIT, CONTRIBUTOR),
        ("ctv-xa", "Xã Khe Mây", CONTRIBUTOR),
    ):
        client.force_login(member(name, unit, role))
        response = client.get(REPORT_URL)
        assert response.status_code == 302 and response.url == "/admin/"
        assert REPORT_URL not in client.get("/admin/").content.decode()


def test_default_period_is_this_quarter(client, data):
    client.force_login(member("qt-huyen", DISTRICT_UNIT, ADMIN))
    response = client.get(REPORT_URL)
    start, end = current_quarter()
    report = response.context["report"]
    assert (report.start, report.end) == (start, end)
    assert report.unit.pk == data["district"].pk


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"tu_ngay": "abc", "den_ngay": "2025-03-31"}, "Ngày không hợp lệ"),
        ({"tu_ngay": "2025-02-31", "den_ngay": "2025-03-31"}, "Ngày không hợp lệ"),
        ({"tu_ngay": "", "den_ngay": "2025-03-31"}, "Hãy nhập ngày"),
        ({"tu_ngay": "2025-04-01", "den_ngay": "2025-03-31"}, "Ngày kết thúc phải sau"),
        ({"tu_ngay": "0001-01-01", "den_ngay": "9999-12-31"}, "từ năm 2000 đến năm 2100"),
        ({"tu_ngay": "01/01/2025", "den_ngay": "31/03/2025"}, None),
    ],
)
def test_bad_dates_give_a_message_not_an_error(client, data, params, message):
    client.force_login(member("bbt-huyen", DISTRICT_UNIT, BOARD))
    for extra in ({}, {"dinh_dang": "csv"}):
        response = client.get(REPORT_URL, {"don_vi": data["district"].pk, **params, **extra})
        assert response.status_code == 200
        if message is None:
            assert response.get("Content-Type", "").startswith("text/csv") == bool(extra)
            continue
        html = response.content.decode()
        assert message in html
        assert "Chưa lập được báo cáo" in html
        assert response.context["report"] is None
